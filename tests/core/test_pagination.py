"""Every reader listing answers the same to odd page numbers, and shows windowed page links.

The four listings (a news category, a tag page, the register, search) go through
core.pagination; each is asked over HTTP with one item per page and three items.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from core.pagination import page_number
from directives.models import DirectiveIndexPage
from tests.factories import make_directive, make_directive_index, make_news, make_news_index

pytestmark = pytest.mark.django_db

CURRENT = re.compile(r'<ul class="pagination">.*?<span aria-current="page">(\d+)</span>', re.S)

# (the page parameter as sent, the page the reader gets); three pages in every listing.
ANSWERS = [
    (None, 1),
    ("", 1),
    ("abc", 1),
    ("1.5", 1),
    ("0", 1),
    ("-1", 1),
    ("2", 2),
    ("3", 3),
    ("4", 3),
    ("9" * 40, 3),
    (["1", "2"], 2),
]


def news_listing(home_page, monkeypatch, tagged):
    monkeypatch.setattr("articles.models.NEWS_PER_PAGE", 1)
    category = make_news_index(home_page, "Tin trong tỉnh")
    start = timezone.now() - timedelta(days=3)
    for day in range(3):
        make_news(category, f"Tin {day}", published_at=start + timedelta(days=day), tags=["ntm"])
    return ("/the/ntm/", {}) if tagged else (category.url, {})


def register_listing(home_page, monkeypatch):
    monkeypatch.setattr(DirectiveIndexPage, "per_page", 1)
    register = make_directive_index(home_page)
    for serial in range(3):
        make_directive(register, f"{serial + 1}/KH-UBND")
    return register.url, {}


def search_listing(home_page, monkeypatch):
    monkeypatch.setattr("search.views.RESULTS_PER_PAGE", 1)
    register = make_directive_index(home_page)
    for serial in range(3):
        make_directive(register, f"{serial + 1}/KH-UBND", title=f"Kế hoạch nông thôn mới {serial}")
    return "/tim-kiem/", {"q": "nong thon moi"}


LISTINGS = {
    "news category": lambda home, patch: news_listing(home, patch, tagged=False),
    "tag page": lambda home, patch: news_listing(home, patch, tagged=True),
    "register": register_listing,
    "search": search_listing,
}


@pytest.mark.parametrize("listing", LISTINGS)
def test_every_listing_gives_the_same_page_for_the_same_parameter(
    client, home_page, site_settings, monkeypatch, listing
):
    url, params = LISTINGS[listing](home_page, monkeypatch)
    for raw, expected in ANSWERS:
        query = dict(params) if raw is None else {**params, "page": raw}
        response = client.get(url, query)
        assert response.status_code == 200, f"{listing}: ?page={raw!r} must not fail"
        shown = CURRENT.search(response.content.decode())
        assert shown, f"{listing}: ?page={raw!r} shows no page links"
        assert int(shown.group(1)) == expected, f"{listing}: ?page={raw!r} should give {expected}"


def test_page_links_keep_the_search_query(client, home_page, site_settings, monkeypatch):
    url, params = search_listing(home_page, monkeypatch)
    html = client.get(url, params).content.decode()
    assert 'href="?q=nong+thon+moi&amp;page=2"' in html


def link_labels(html):
    """The page links and gaps as the reader reads them: ["1", "…", "4", ...]."""
    nav = html[
        html.index('<ul class="pagination">') : html.index("</ul>", html.index("pagination"))
    ]
    return re.findall(
        r'(?:page=\d+"(?: rel="\w+")?|aria-current="page"|class="pagination-gap")>([^<]+)<', nav
    )


def test_a_long_list_shows_a_window_of_page_links(client, home_page, site_settings, monkeypatch):
    monkeypatch.setattr(DirectiveIndexPage, "per_page", 1)
    register = make_directive_index(home_page)
    for serial in range(12):
        make_directive(register, f"{serial + 1}/KH-UBND")
    middle = link_labels(client.get(register.url, {"page": 6}).content.decode())
    assert middle == ["Trước", "1", "…", "4", "5", "6", "7", "8", "…", "12", "Sau"]
    first = link_labels(client.get(register.url).content.decode())
    assert first == ["1", "2", "3", "…", "12", "Sau"]


@pytest.mark.parametrize(
    "raw, number",
    [(None, 1), ("", 1), (" 3 ", 3), ("٣", 1), ("+2", 1), ("1e3", 1), ("1_0", 1), ("07", 7)],
)
def test_page_number_reads_ascii_whole_numbers_only(raw, number):
    assert page_number(raw) == number
