"""The site frame (site, home page, main menu, portal settings) kept between readers' requests.

Every reader page reads the same four rows before its own content (``home.frame``). They are
kept in the cache under the fragment generation, which every purge replaces, and a change to
any of them purges: publishing the home page or a page of the menu purges everything, and so do
the portal settings and sites (``pagecache.signals``). The generation is read before the
database, so a frame read before a change committed is never stored under the generation that
follows the change's purge. Only anonymous readers' GETs use it; the admin and signed-in
editors read the database as before. Off with ``FRAGMENT_CACHE_ENABLED=false``.
"""

from django.conf import settings

from home.frame import install, load_frame
from pagecache import store
from pagecache.middleware import anonymous_read


def cached_frame(request):
    """The frame of the request's host and port in the current generation, read on a miss."""
    generation = store.generation()
    if generation is None:  # the cache is unreachable: nothing to keep it in
        return load_frame(request)
    request._fragment_generation = generation  # the fragments of this render share it
    key = store.frame_key(generation, request.get_host(), request.get_port())
    cache = store.cache()
    frame = cache.get(key)
    if frame is None:
        frame = load_frame(request)
        cache.set(key, frame, timeout=settings.PAGE_CACHE_TIMEOUT)
    return frame


class FrameCacheMiddleware:
    """After the page cache (a hit needs no frame), before anything that looks up the site."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.FRAGMENT_CACHE_ENABLED and anonymous_read(request):
            install(request, cached_frame(request))
        return self.get_response(request)
