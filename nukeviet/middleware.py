"""Old NukeViet addresses answer a permanent redirect, but only where nothing else answered.

Listed just before Wagtail's RedirectMiddleware, so on the way out it sees the response after
Wagtail's redirects had their chance: a page, a file or an editor's redirect always wins, and
only a 404 to a GET or HEAD is looked up in the import's mapping.
"""

from django.http import HttpResponsePermanentRedirect
from django.utils.http import url_has_allowed_host_and_scheme

from nukeviet.redirects import old_link_target


class OldLinkMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        target = old_link_target(request)
        if target is None or not self.is_ours(target, request):
            return response
        return HttpResponsePermanentRedirect(target)

    @staticmethod
    def is_ours(target, request):
        """Never send a reader to another host, whatever the mapping holds."""
        return url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
