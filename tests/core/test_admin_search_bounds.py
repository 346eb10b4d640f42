"""Admin searches are bounded: a query of many words is cut to the reader search's limits
instead of reaching the database as one nested expression per word (a 500)."""

import pytest

from core.text import MAX_QUERY_LENGTH, MAX_QUERY_WORDS
from tests.factories import make_document, make_news, make_news_index, make_superuser

pytestmark = pytest.mark.django_db
ADMIN_SEARCHES = [
    "/admin/pages/search/",
    "/admin/documents/",
    "/admin/images/",
    "/admin/snippets/home/relatedlinklist/",
    "/admin/users/",
    "/admin/choose-page/search/",
    "/admin/documents/chooser/results/",
    "/admin/images/chooser/results/",
]
MANY_WORDS = " ".join(f"tu{number} OR" for number in range(600))


@pytest.fixture
def admin(client, home_page):
    make_news(make_news_index(home_page), "Tin tu1 nông thôn")
    make_document("Tài liệu tu1", "tu1.pdf")
    client.force_login(make_superuser())
    return client


@pytest.mark.parametrize("url", ADMIN_SEARCHES)
def test_a_query_of_many_words_is_answered(admin, url):
    response = admin.get(url, {"q": MANY_WORDS})
    assert response.status_code == 200


def test_a_bounded_query_still_finds(admin):
    response = admin.get("/admin/pages/search/", {"q": "tu1 " * 600})
    assert "Tin tu1 nông thôn" in response.content.decode()


def test_the_bounds_are_the_reader_search_bounds():
    from core.middleware import bounded_admin_query

    bounded = bounded_admin_query("x" * 1000 + " " + MANY_WORDS)
    assert len(bounded) <= MAX_QUERY_LENGTH
    assert len(bounded.split()) <= MAX_QUERY_WORDS
