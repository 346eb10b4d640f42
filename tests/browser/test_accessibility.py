"""axe-core in Chromium reports no WCAG 2.1 AA violation on the pages readers use."""

import pytest

from tests.browser.checks import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    focused_outline,
)


@pytest.mark.parametrize("path", ["/", "/tim-kiem/", "/tim-kiem/?q=nong+thon+moi", "/khong-co/"])
def test_frame_pages_have_no_axe_violations(page, path):
    page.goto(path)
    assert_no_axe_violations(page)


def test_keyboard_reaches_search_with_a_visible_focus(page):
    page.goto("/")
    seen = []
    for _step in range(6):
        page.keyboard.press("Tab")
        focus = focused_outline(page)
        assert focus["outline"] or focus["shadow"], f"no visible focus on {focus}"
        seen.append(focus["tag"])
        if focus["tag"] == "INPUT":
            break
    assert seen[-1] == "INPUT", f"the search box should be reachable by Tab, got {seen}"
    page.keyboard.type("nong thon moi")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=nong+thon+moi")
    assert page.locator("h1").inner_text() == "Tìm kiếm"


def test_directive_pages_have_no_axe_violations_and_fit_a_phone(page, phone_page, site):
    from tests.browser.test_reader_paths import build_directive

    register, directive, _document = build_directive(site)
    for path in ("/", register.url, directive.url, "/tim-kiem/?q=57-NQ/TW"):
        page.goto(path)
        assert_no_axe_violations(page)
        phone_page.goto(path)
        assert_no_horizontal_scroll(phone_page)


def build_news_section(site):
    """A category with a sub-category, an illustrated item citing a directive, and neighbours."""
    from datetime import timedelta

    from django.utils import timezone

    from tests.browser.test_reader_paths import build_directive
    from tests.factories import make_image, make_news, make_news_index

    _register, directive, _document = build_directive(site)
    category = make_news_index(site, "Tin tức - Sự kiện", show_in_menus=True)
    province = make_news_index(category, "Tin trong tỉnh")
    base = timezone.now() - timedelta(days=5)
    for day in range(3):
        make_news(province, f"Tin cũ số {day + 1}", published_at=base + timedelta(days=day))
    news = make_news(
        province,
        "Hà Tĩnh triển khai Nghị quyết số 57-NQ/TW về chuyển đổi số",
        tags=["chuyển đổi số", "nghị quyết"],
        source_name="Anh Hoài/baohatinh.vn",
        source_url="https://baohatinh.vn/",
        featured_image=make_image("Hội nghị triển khai"),
        featured_image_caption="Quang cảnh hội nghị triển khai",
        cites=[directive],
    )
    make_news(province, "Tin mới hơn", tags=["chuyển đổi số"])
    return category, province, news


def test_news_pages_have_no_axe_violations_and_fit_a_phone(page, phone_page, site):

    category, province, news = build_news_section(site)
    for path in (category.url, province.url, news.url, "/the/chuyen-doi-so/"):
        page.goto(path)
        assert_no_axe_violations(page)
        phone_page.goto(path)
        assert_no_horizontal_scroll(phone_page)


def test_keyboard_alone_opens_an_article_from_its_category(page, site):
    _category, province, news = build_news_section(site)
    page.goto(province.url)
    for _step in range(40):
        page.keyboard.press("Tab")
        focus = focused_outline(page)
        assert focus["outline"] or focus["shadow"], f"no visible focus on {focus}"
        if focus["text"] == news.title:
            break
    assert focus["text"] == news.title, "the article's link must be reachable by Tab"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{news.url}")
    assert page.locator("h1").inner_text() == news.title
