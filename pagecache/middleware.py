"""Serve anonymous readers' GET requests from the page cache, and tell shared caches how long.

It sits high in the stack (settings: after WhiteNoise, before sessions), so a hit skips
sessions, authentication, routing and templates. A request is eligible only if it is a GET
without a session cookie or credentials, outside the admin, documents, media and static
files; a response is stored only if it is a 200 without Set-Cookie, without a CSRF token,
without the Wagtail user bar and not marked private.

A stored copy is replayed only to requests that would have received the same answer: it
records the request's values of the headers its ``Vary`` names, and a request whose values
differ is rendered afresh (and not stored, so the first copy keeps its place). Accept-Language
is compared as the language Django picks from it (and the language cookie), which is all the
page depends on; Cookie as the whole header, and a response that varies on Cookie is stored
only from a request without cookies, the ordinary reader. ``Vary: *`` and any
Content-Encoding (a compressed body must never reach a client that did not ask for it) are
never stored. ``X-Page-Cache`` says HIT, MISS (rendered and stored), VARIANT (rendered: the
stored copy was made for other header values) or BYPASS (not eligible or not storable), for
benchmarks and checks.
"""

import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import cc_delim_re, get_conditional_response, patch_cache_control
from django.utils.translation import get_language_from_request

from pagecache.store import Lookup, normalised_query

HEADER = "X-Page-Cache"
# Markers of what must never reach another reader: a form's CSRF token, the editor's user bar.
PERSONAL_MARKERS = (b"csrfmiddlewaretoken", b'id="wagtail-userbar-template"')
MAX_QUERY_LENGTH = 512
CACHEABLE_TYPES = ("text/html", "application/rss+xml", "application/xml", "text/xml")


def eligible(request):
    """Whether this request may be answered from, and stored in, the shared cache."""
    return settings.PAGE_CACHE_ENABLED and anonymous_read(request)


def anonymous_read(request):
    """A GET of a reader page by someone with no session or credentials."""
    if request.method != "GET":
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        return False
    return not request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS))


def vary_names(response):
    """The request headers ``response`` says it depends on, lower case."""
    names = cc_delim_re.split(response.get("Vary", "").strip())
    return sorted({name.lower() for name in names if name})


def request_variant(request, names):
    """This request's values of the headers ``names``, as the stored copy records them."""
    variant = []
    for name in names:
        if name == "accept-language":
            value = get_language_from_request(request)
        else:
            value = request.META.get("HTTP_" + name.upper().replace("-", "_"), "")
        variant.append([name, value])
    return variant


def storable(request, response):
    """Whether the response is the same for every anonymous reader and safe to share."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    varies = vary_names(response)
    if "*" in varies or response.has_header("Content-Encoding"):
        return False
    if "cookie" in varies and request.META.get("HTTP_COOKIE"):
        return False
    if not response.get("Content-Type", "").startswith(CACHEABLE_TYPES):
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        return False
    return not any(marker in response.content for marker in PERSONAL_MARKERS)


def shared_cache_headers(response):
    """Readers' browsers revalidate every time (a 304 is cheap); nginx and a CDN keep the
    page for ``PAGE_CACHE_SHARED_MAX_AGE`` seconds, the bound on anything they are not told."""
    digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
    response["ETag"] = f'"{digest}"'
    patch_cache_control(
        response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SHARED_MAX_AGE
    )


def same_variant(request, entry):
    variant = entry.get("variant", [])
    return request_variant(request, [name for name, _ in variant]) == variant


def keep_private(response):
    """A page for one person only: no shared cache may keep it."""
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not eligible(request):
            response = self.get_response(request)
            keep_private(response)
            response[HEADER] = "BYPASS"
            return response
        lookup = Lookup(
            request.get_host(), request.path, normalised_query(request.META["QUERY_STRING"])
        )
        request._fragment_generation = lookup.generation  # the render's fragments share it
        entry = lookup.entry
        if entry is not None and same_variant(request, entry):
            return self._replay(request, entry)
        response = self.get_response(request)
        if not storable(request, response):
            keep_private(response)
            response[HEADER] = "BYPASS"
            return response
        shared_cache_headers(response)
        if entry is not None:
            return conditional(request, response, "VARIANT")
        variant = request_variant(request, vary_names(response))
        lookup.store(response.status_code, list(response.items()), response.content, variant)
        return conditional(request, response, "MISS")

    def _replay(self, request, entry):
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        return conditional(request, response, "HIT")


def conditional(request, response, outcome):
    """The response, or a 304 when the reader's copy has the same ETag."""
    answer = get_conditional_response(request, etag=response["ETag"], response=response)
    answer[HEADER] = outcome
    return answer
