"""The page cache and ``Vary``: a stored page reaches only requests that would have got the
same answer.

The portal's own pages vary on Accept-Language (LocaleMiddleware) and, where the session is
read, on Cookie; a gzip-compressing middleware would add Accept-Encoding. Each test stores a
page for one request and then asks for it with other header values.
"""

import gzip

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.cache import patch_vary_headers

from pagecache.middleware import PageCacheMiddleware, storable
from tests.pagecache.conftest import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def compressing(settings):
    """Django's own GZipMiddleware below the page cache, as a deployment might add it."""
    position = settings.MIDDLEWARE.index("pagecache.middleware.PageCacheMiddleware") + 1
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:position],
        "django.middleware.gzip.GZipMiddleware",
        *settings.MIDDLEWARE[position:],
    ]


def test_reader_pages_say_what_they_vary_on(reader, first_item):
    answer = reader.get(first_item.url)
    assert answer["X-Page-Cache"] == "MISS"
    assert "Accept-Language" in answer["Vary"]


def test_a_gzip_body_never_reaches_a_client_that_did_not_ask_for_it(
    reader, compressing, first_item
):
    zipped = reader.get(first_item.url, HTTP_ACCEPT_ENCODING="gzip")
    assert zipped["Content-Encoding"] == "gzip"
    assert "Hội nghị sơ kết" in gzip.decompress(zipped.content).decode()
    for _ in range(2):
        plain = reader.get(first_item.url)
        assert not plain.has_header("Content-Encoding"), "a plain client gets a plain body"
        assert "Hội nghị sơ kết" in text(plain)
    assert plain["X-Page-Cache"] == "HIT", "the plain body is cached"
    again = reader.get(first_item.url, HTTP_ACCEPT_ENCODING="gzip")
    assert again["X-Page-Cache"] != "HIT" or not again.has_header("Content-Encoding")


def test_a_page_stored_for_one_language_is_not_served_for_another(reader, settings, first_item):
    settings.LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
    vietnamese = reader.get(first_item.url, HTTP_ACCEPT_LANGUAGE="vi")
    assert vietnamese["X-Page-Cache"] == "MISS" and 'lang="vi"' in text(vietnamese)
    english = reader.get(first_item.url, HTTP_ACCEPT_LANGUAGE="en")
    assert english["X-Page-Cache"] == "VARIANT", "rendered for its own language"
    assert 'lang="en"' in text(english)
    same_language = reader.get(first_item.url, HTTP_ACCEPT_LANGUAGE="vi-VN,vi;q=0.9,en;q=0.5")
    assert same_language["X-Page-Cache"] == "HIT", "another spelling of the same choice"


def test_a_language_chosen_by_cookie_is_not_served_to_other_readers(reader, first_item, settings):
    settings.LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
    reader.cookies["django_language"] = "en"
    assert 'lang="en"' in text(reader.get(first_item.url))
    del reader.cookies["django_language"]
    assert 'lang="vi"' in text(reader.get(first_item.url)), "not the English copy"


def cookie_dependent_view(request):
    """A page that reads a cookie, says so in Vary, and shows what it read."""
    response = HttpResponse(f"<p>{request.COOKIES.get('theme', 'sáng')}</p>", "text/html")
    patch_vary_headers(response, ["Cookie"])
    return response


def test_a_page_varying_on_cookies_is_kept_only_for_cookieless_readers(home_page):
    middleware = PageCacheMiddleware(cookie_dependent_view)
    factory = RequestFactory()
    dark = middleware(factory.get("/giao-dien/", HTTP_COOKIE="theme=toi"))
    assert dark["X-Page-Cache"] == "BYPASS", "a reader's own cookies are not shared"
    plain = middleware(factory.get("/giao-dien/"))
    assert plain["X-Page-Cache"] == "MISS" and "sáng" in text(plain)
    assert middleware(factory.get("/giao-dien/"))["X-Page-Cache"] == "HIT"
    other = middleware(factory.get("/giao-dien/", HTTP_COOKIE="theme=toi"))
    assert other["X-Page-Cache"] != "HIT" and "toi" in text(other)


def test_vary_star_is_never_stored():
    """A response that varies on everything cannot be shared."""
    from django.http import HttpResponse
    from django.test import RequestFactory

    response = HttpResponse("<p>x</p>", content_type="text/html")
    response["Vary"] = "Accept-Language,  *"
    assert not storable(RequestFactory().get("/"), response)


def test_a_request_with_authorization_is_neither_served_nor_stored(reader, first_item):
    reader.get(first_item.url)
    assert reader.get(first_item.url)["X-Page-Cache"] == "HIT"
    answer = reader.get(first_item.url, HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz")
    assert answer["X-Page-Cache"] == "BYPASS"
    assert "private" in answer["Cache-Control"], "no shared cache keeps it either"
