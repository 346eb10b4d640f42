"""The site frame (site, home page, main menu, portal settings) and the route of the address,
kept between readers' requests (the route: ``pagecache.routes``).

Every reader page reads the same four rows before its own content (``home.frame``). They are
kept in the cache under the fragment generation, which every purge replaces, and a change to
any of them purges: publishing the home page or a page of the menu purges everything, and so do
the portal settings and sites (``pagecache.signals``). The generation is read before the
database, so a frame read before a change committed is never stored under the generation that
follows the change's purge. Only anonymous readers' GETs of the views that read the frame use
it (other addresses, the floor of ``make bench`` among them, pay nothing); the admin and
signed-in editors read the database as before. Off with ``FRAGMENT_CACHE_ENABLED=false``.
"""

from django.conf import settings
from django.urls import Resolver404, resolve

from home.frame import install, load_frame
from pagecache import store
from pagecache.middleware import anonymous_read
from pagecache.routes import install_route

# The views that read the site and its settings: Wagtail's pages (news, categories and their
# feeds, directives, the register, information pages), search, tag pages, the site feed and
# the sitemap. Only the first is routed through the page tree.
PAGE_VIEW = "wagtail_serve"
FRAME_VIEWS = {PAGE_VIEW, "search", "articles:tag", "articles:feed", "sitemap"}


def cached_frame(request, generation):
    """The frame of the request's host and port in ``generation``, read on a miss."""
    key = store.frame_key(generation, request.get_host(), request.get_port())
    return store.kept(key, lambda: load_frame(request))


class FrameCacheMiddleware:
    """After the page cache (a hit needs neither), before anything that looks up the site."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.FRAGMENT_CACHE_ENABLED and anonymous_read(request):
            prepare(request)
        return self.get_response(request)


def prepare(request):
    """Install the kept frame and route; with the cache unreachable, the database answers."""
    view = view_name(request.path_info)
    if view not in FRAME_VIEWS:
        return
    generation = store.request_generation(request)
    if generation is None:
        return
    install(request, cached_frame(request, generation))
    if view == PAGE_VIEW:
        install_route(request, generation)


def view_name(path_info):
    try:
        return resolve(path_info).view_name
    except Resolver404:
        return None
