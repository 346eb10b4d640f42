"""The site frame (site, home page, menu, settings) kept between readers' renders, and ended
by the purges of what it shows."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY

from tests.factories import make_news_index, make_superuser, portal_settings
from tests.pagecache.conftest import text

pytestmark = pytest.mark.django_db
FRAME_TABLES = ("wagtailcore_site", "home_homepage", "home_portalsettings")


@pytest.fixture(autouse=True)
def renders(settings):
    """Pages the page cache does not answer: every request renders, fragments are kept."""
    settings.PAGE_CACHE_ENABLED = False


def frame_queries(client, url):
    """The queries of one GET of ``url`` that read the site, the home page or the settings."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in captured if any(t in query["sql"] for t in FRAME_TABLES)]


def test_a_render_reads_the_frame_from_the_cache(reader, first_item, settings):
    reader.get(first_item.url)
    assert frame_queries(reader, first_item.url) == []
    settings.FRAGMENT_CACHE_ENABLED = False
    assert len(frame_queries(reader, first_item.url)) == 3, "without it: read every time"


def test_same_page_with_or_without_the_kept_frame(reader, first_item, settings):
    reader.get("/")
    kept = [text(reader.get(url)) for url in ("/", first_item.url)]
    settings.FRAGMENT_CACHE_ENABLED = False
    assert [text(reader.get(url)) for url in ("/", first_item.url)] == kept


def test_a_new_menu_section_and_new_settings_reach_the_next_render(
    reader, committed, first_item, home_page
):
    reader.get(first_item.url)
    with committed():
        make_news_index(home_page, "Gương điển hình", show_in_menus=True)
    assert "Gương điển hình" in text(reader.get(first_item.url))
    with committed():
        portal_settings(phone="0239 3999 999")
    assert "0239 3999 999" in text(reader.get(first_item.url))


def test_signed_in_editors_read_the_database(client, first_item):
    client.force_login(make_superuser())
    client.get(first_item.url)
    assert len(frame_queries(client, first_item.url)) == 3


def routing_queries(client, url):
    """The queries of one GET of ``url`` that look a page up by its slug or address."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    conditions = [query["sql"].partition(" WHERE ")[2] for query in captured]
    return [where for where in conditions if '"slug" =' in where or '"url_path" IN' in where]


def test_a_route_is_kept_for_every_query_string_of_an_address(reader, first_item, settings):
    category = first_item.get_parent().url
    assert routing_queries(reader, category)
    assert routing_queries(reader, f"{category}?page=2") == []
    assert routing_queries(reader, first_item.url)
    assert routing_queries(reader, first_item.url) == []
    settings.FRAGMENT_CACHE_ENABLED = False
    assert routing_queries(reader, first_item.url), "without it: routed every time"


def test_an_unpublished_page_is_routed_afresh(reader, committed, first_item):
    reader.get(first_item.url)
    with committed():
        first_item.unpublish()
    assert reader.get(first_item.url).status_code == 404


def test_page_addresses_come_from_the_kept_sites_until_a_site_changes(
    reader, committed, first_item, province, monkeypatch
):
    """The sites' root paths, which Wagtail would read from the cache on every render, are
    part of the kept frame; a new site purges it."""
    reader.get(first_item.url)
    read = []
    original = cache.get
    monkeypatch.setattr(
        cache, "get", lambda key, *args, **kw: read.append(key) or original(key, *args, **kw)
    )
    kept = reader.get(first_item.url).wsgi_request._wagtail_cached_site_root_paths
    assert [path.root_path for path in kept] == ["/home/"]
    assert SITE_ROOT_PATHS_CACHE_KEY not in read, "from the frame, not from the cache"
    with committed():
        Site.objects.create(hostname="huyen.example", port=80, root_page=province)
    request = reader.get(first_item.url).wsgi_request
    roots = [path.root_url for path in request._wagtail_cached_site_root_paths]
    assert "http://huyen.example" in roots
