"""The deployment check of the page cache: kept pages need a cache every server process shares."""

from django.conf import settings
from django.core import checks

PROCESS_LOCAL_CACHES = {"django.core.cache.backends.locmem.LocMemCache"}


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Pages and fragments kept in a process's own memory are purged only in the process that
    handled the change: every other gunicorn worker serves the old page for up to
    ``PAGE_CACHE_TIMEOUT`` (an hour) after an item is corrected or unpublished."""
    keeps_pages = settings.PAGE_CACHE_ENABLED or settings.FRAGMENT_CACHE_ENABLED
    if not keeps_pages or settings.CACHES["default"]["BACKEND"] not in PROCESS_LOCAL_CACHES:
        return []
    return [
        checks.Warning(
            "The page cache keeps pages in each process's own memory: a purge reaches only the "
            "process that handled the change, and the others serve the old page.",
            hint="Set REDIS_URL, or PAGE_CACHE_ENABLED=false and FRAGMENT_CACHE_ENABLED=false "
            "for a server of one process.",
            id="pagecache.W001",
        )
    ]
