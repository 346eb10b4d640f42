"""RSS 2.0 feeds for the site and per category, read by a real feed parser."""

import datetime
from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from tests.factories import make_image, make_news

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, f"{url} must parse cleanly: {feed.get('bozo_exception')}"
    assert feed.version == "rss20"
    return feed


def test_site_feed_lists_news_of_every_category_newest_first(client, province, districts):
    base = timezone.now() - timedelta(days=2)
    make_news(province, "Tin tỉnh", published_at=base, lead="Tóm tắt tin tỉnh")
    make_news(districts, "Tin huyện", published_at=base + timedelta(hours=1))
    feed = parse(client, "/rss/")
    assert [entry.title for entry in feed.entries] == ["Tin huyện", "Tin tỉnh"]
    entry = feed.entries[1]
    assert entry.summary == "Tóm tắt tin tỉnh"
    assert entry.link == f"http://testserver{province.url}tin-tinh/"
    assert entry.id == entry.link
    assert entry.published_parsed[:4] == base.astimezone(datetime.UTC).timetuple()[:4]


def test_category_feed_lists_only_that_category(client, news_root, province, districts):
    make_news(province, "Tin tỉnh")
    make_news(districts, "Tin huyện")
    feed = parse(client, f"{province.url}rss/")
    assert [entry.title for entry in feed.entries] == ["Tin tỉnh"]
    assert "Tin trong tỉnh" in feed.feed.title
    parent_feed = parse(client, f"{news_root.url}rss/")
    assert {entry.title for entry in parent_feed.entries} == {"Tin tỉnh", "Tin huyện"}


def test_feed_item_has_enclosure_for_featured_image(client, province):
    image = make_image("Ảnh đại diện")
    make_news(province, "Tin có ảnh", featured_image=image)
    make_news(province, "Tin không ảnh", published_at=timezone.now() - timedelta(days=1))
    feed = parse(client, "/rss/")
    with_image, without_image = feed.entries
    enclosure = with_image.enclosures[0]
    assert enclosure.href.startswith("http://testserver/") and enclosure.href.endswith(".png")
    assert enclosure.type == "image/png" and int(enclosure.length) > 0
    assert without_image.enclosures == []


def test_an_item_whose_picture_file_is_missing_is_listed_without_it(client, province):
    """A media folder restored in part: the feed still answers, the item without enclosure."""
    image = make_image("Ảnh đã mất tệp")
    make_news(province, "Tin có ảnh mất tệp", featured_image=image)
    image.file.storage.delete(image.file.name)
    response = client.get("/rss/")
    assert response.status_code == 200
    (entry,) = feedparser.parse(response.content).entries
    assert entry.title == "Tin có ảnh mất tệp" and entry.enclosures == []


def test_category_page_advertises_its_feed(client, province):
    html = client.get(province.url).content.decode()
    assert 'type="application/rss+xml"' in html and f'href="{province.url}rss/"' in html


HOSTILE_LEAD = 'Tóm tắt <script>alert("x")</script> <img src=x onerror=alert(1)> & hết'
HOSTILE_TITLE = "<b>Tin</b> <i>nổi bật</i> & <script>alert(1)</script>"


def test_hostile_titles_and_leads_reach_readers_as_text_not_markup(client, province):
    """RSS readers render <title> and <description> as HTML: both are HTML-escaped text."""
    import html

    make_news(province, HOSTILE_TITLE, lead=HOSTILE_LEAD)
    for url in ("/rss/", f"{province.url}rss/"):
        body = client.get(url).content
        assert b"&lt;script" not in body and b"&lt;img" not in body, (
            "in the XML a tag is text escaped twice; escaped once it is markup to any reader "
            "that does not sanitise as feedparser does"
        )
        entry = parse(client, url).entries[0]
        for value, detail, text in (
            (entry.summary, entry.summary_detail, HOSTILE_LEAD),
            (entry.title, entry.title_detail, HOSTILE_TITLE),
        ):
            assert detail.type == "text/html"
            assert "<" not in value, "no markup a reader would run or show as markup"
            assert html.unescape(value) == text, "the reader shows exactly what was typed"
