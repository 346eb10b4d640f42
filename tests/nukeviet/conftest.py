import pytest
from wagtail.models import Site

from nukeviet.redirects import forget_modules


@pytest.fixture(autouse=True)
def fresh_caches():
    """Each test records its own modules and sites: none may see what a previous test cached
    (a rolled-back transaction does not clear the cache)."""
    forget_modules()
    Site.clear_site_root_paths_cache()
    yield
    forget_modules()
    Site.clear_site_root_paths_cache()
