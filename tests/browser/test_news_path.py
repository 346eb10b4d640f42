"""A reader's path through the news: home, category, article, a newer item, a tag page."""

from datetime import timedelta

from django.utils import timezone

from tests.browser.checks import assert_no_horizontal_scroll
from tests.factories import make_news, make_news_index


def test_reader_goes_from_home_to_a_tag_page(page, site):
    category = make_news_index(site, "Tin tức - Sự kiện", show_in_menus=True)
    base = timezone.now() - timedelta(days=3)
    make_news(category, "Tin cũ về OCOP", published_at=base, tags=["OCOP"])
    make_news(
        category,
        "Tin mới về OCOP",
        published_at=base + timedelta(days=1),
        tags=["OCOP", "Sản phẩm đặc sản"],
        source_name="Anh Hoài/baohatinh.vn",
    )

    page.goto("/")
    page.get_by_role("link", name="Tin tức - Sự kiện").first.click()
    page.wait_for_url(f"**{category.url}")
    assert page.locator("h1").inner_text() == "Tin tức - Sự kiện"

    page.get_by_role("link", name="Tin cũ về OCOP").click()
    assert page.locator("h1").inner_text() == "Tin cũ về OCOP"
    newer = page.locator(".newer-news")
    assert newer.locator("h2").inner_text() == "Những tin mới hơn"

    newer.get_by_role("link", name="Tin mới về OCOP").click()
    assert page.locator("h1").inner_text() == "Tin mới về OCOP"
    assert "Theo Anh Hoài/baohatinh.vn" in page.locator(".news-source").inner_text()

    page.locator(".news-tags").get_by_role("link", name="Sản phẩm đặc sản").click()
    page.wait_for_url("**/the/san-pham-dac-san/")
    assert "Sản phẩm đặc sản" in page.locator("h1").inner_text()
    assert page.get_by_role("link", name="Tin mới về OCOP").is_visible()
    assert page.get_by_role("link", name="Tin cũ về OCOP").count() == 0


def test_printed_article_keeps_the_text_and_drops_the_navigation(page, site):
    category = make_news_index(site, "Tin tức - Sự kiện", show_in_menus=True)
    older = make_news(category, "Tin trước", published_at=timezone.now() - timedelta(days=1))
    news = make_news(category, "Tin để in", tags=["OCOP"])
    page.goto(news.url)
    navigation = (".main-nav", ".breadcrumbs", ".news-tags", ".older-news", ".site-footer")
    for shown in navigation:
        assert page.locator(shown).first.is_visible(), f"{shown} must be on the screen"
    assert page.locator(".older-news").get_by_role("link", name=older.title).is_visible()
    page.emulate_media(media="print")
    for hidden in navigation:
        assert not page.locator(hidden).first.is_visible(), f"{hidden} must not be printed"
    assert page.locator("h1").is_visible(), "the title is printed"
    assert page.locator(".lead").is_visible(), "the lead is printed"


def test_news_page_fits_a_375px_phone(phone_page, site):
    category = make_news_index(site, "Tin tức - Sự kiện", show_in_menus=True)
    news = make_news(
        category,
        "Hà Tĩnh tổng kết 15 năm thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
        tags=["nông thôn mới nâng cao", "OCOP"],
        source_name="Anh Hoài/baohatinh.vn",
        source_url="https://baohatinh.vn/tin-rat-dai-ve-nong-thon-moi-ha-tinh-2026",
    )
    phone_page.goto(news.url)
    assert_no_horizontal_scroll(phone_page)
