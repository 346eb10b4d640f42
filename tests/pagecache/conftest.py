"""The page cache and the fragment cache switched on, empty, for each test; and a small site
to cache (with the news tree of tests/conftest.py). Every purge test thus also checks that no
cached fragment shows the old content."""

import pytest
from django.core.cache import cache

from tests.factories import make_directive, make_directive_index, make_news


@pytest.fixture(autouse=True)
def page_cache(settings):
    """Cleared before, not after: a test may have pointed the cache at a shared Redis."""
    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Wrap a change: its purges run as they would when the editor's transaction commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def reader(client):
    """An anonymous reader: no session cookie, so every GET may be served from the cache."""
    return client


@pytest.fixture
def register(home_page, site_settings):
    return make_directive_index(home_page)


@pytest.fixture
def resolution(register):
    return make_directive(register, "57-NQ/TW")


@pytest.fixture
def first_item(province):
    return make_news(province, "Hội nghị sơ kết nông thôn mới", tags=["OCOP"])


def cached_get(reader, url):
    """GET ``url`` twice: the second answer must come from the cache; return it."""
    first = reader.get(url)
    assert first.status_code == 200, url
    second = reader.get(url)
    assert second["X-Page-Cache"] == "HIT", url
    return second


def text(response):
    return response.content.decode()
