"""Who is served from the page cache, what is never stored, and the HTTP caching headers."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import make_news, make_superuser
from tests.pagecache.conftest import cached_get, text

pytestmark = pytest.mark.django_db


def test_second_anonymous_get_is_a_hit_without_queries(
    reader, first_item, django_assert_num_queries
):
    first = reader.get(first_item.url)
    assert first["X-Page-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = reader.get(first_item.url)
    assert second["X-Page-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["X-Frame-Options"] == first["X-Frame-Options"], "headers are replayed"


def test_every_reader_page_type_is_cached(reader, first_item, resolution):
    for url in [
        "/",
        first_item.get_parent().url,
        first_item.url,
        "/the/ocop/",
        resolution.get_parent().url,
        resolution.url,
        "/tim-kiem/?q=hoi+nghi",
        "/rss/",
        "/sitemap.xml",
    ]:
        cached_get(reader, url)


def test_query_strings_are_normalised_and_campaign_tags_ignored(reader, first_item):
    category = first_item.get_parent().url
    reader.get(f"{category}?page=1&utm_source=zalo")
    assert reader.get(f"{category}?page=1")["X-Page-Cache"] == "HIT"
    assert reader.get(f"{category}?page=2")["X-Page-Cache"] == "MISS"


def test_etag_answers_304_and_shared_caches_may_keep_the_page(reader, first_item):
    first = reader.get(first_item.url)
    assert "public" in first["Cache-Control"] and "s-maxage=60" in first["Cache-Control"]
    assert "max-age=0" in first["Cache-Control"], "browsers revalidate, so purges reach them"
    again = reader.get(first_item.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["X-Page-Cache"] == "HIT"
    assert again.content == b""
    other = reader.get(first_item.url, HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200


def test_logged_in_editor_bypasses_and_never_fills_the_cache(client, reader, first_item):
    editor = make_superuser()
    client.force_login(editor)
    own = client.get(first_item.url)
    assert own["X-Page-Cache"] == "BYPASS"
    assert "wagtail-userbar" in text(own), "the editor sees the user bar"
    assert "private" in own["Cache-Control"], "no shared cache may keep an editor's page"
    client.logout()
    client.cookies.clear()
    anonymous = reader.get(first_item.url)
    assert anonymous["X-Page-Cache"] == "MISS"
    assert "wagtail-userbar" not in text(anonymous)
    assert "wagtail-userbar" not in text(reader.get(first_item.url))


def test_session_cookie_or_post_bypasses(client, first_item):
    client.get(first_item.url)
    client.cookies["sessionid"] = "whatever"
    assert client.get(first_item.url)["X-Page-Cache"] == "BYPASS"
    del client.cookies["sessionid"]
    assert client.post("/tim-kiem/", {"q": "x"})["X-Page-Cache"] == "BYPASS"
    assert client.head(first_item.url)["X-Page-Cache"] == "BYPASS"


def test_reader_pages_carry_no_csrf_token_or_cookie(reader, first_item):
    """The search box is a GET form: pages that show it stay shareable."""
    response = reader.get("/tim-kiem/?q=hoi+nghi")
    assert "csrfmiddlewaretoken" not in text(response)
    assert not response.cookies
    assert response["X-Page-Cache"] == "MISS"


def test_password_protected_page_is_never_stored(reader, province):
    secret = make_news(province, "Tin nội bộ")
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    for _attempt in range(2):
        response = reader.get(secret.url)
        assert response["X-Page-Cache"] == "BYPASS"
        assert "Nội dung Tin nội bộ" not in text(response)


def test_login_restricted_page_is_never_stored(reader, client, province):
    secret = make_news(province, "Tin cho cán bộ")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    assert reader.get(secret.url).status_code == 302
    client.force_login(make_superuser())
    assert "Nội dung Tin cho cán bộ" in text(client.get(secret.url))
    client.logout()
    client.cookies.clear()
    response = reader.get(secret.url)
    assert response.status_code == 302 and response["X-Page-Cache"] == "BYPASS"


def test_admin_documents_and_errors_are_not_cached(reader, first_item):
    assert reader.get("/admin/login/")["X-Page-Cache"] == "BYPASS"
    missing = reader.get("/khong-co-trang-nay/")
    assert missing.status_code == 404 and missing["X-Page-Cache"] == "BYPASS"


def test_switched_off_by_setting(reader, first_item, settings):
    settings.PAGE_CACHE_ENABLED = False
    reader.get(first_item.url)
    assert reader.get(first_item.url)["X-Page-Cache"] == "BYPASS"
