"""axe-core in Chromium reports no WCAG 2.1 AA violation on the pages readers use."""

import pytest

from tests.browser.checks import (
    assert_no_axe_violations,
    assert_no_horizontal_scroll,
    focused_outline,
)
from tests.factories import make_directive_with_file, make_news_scene


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
    register, directive, _document = make_directive_with_file(site)
    for path in ("/", register.url, directive.url, "/tim-kiem/?q=57-NQ/TW"):
        page.goto(path)
        assert_no_axe_violations(page)
        phone_page.goto(path)
        assert_no_horizontal_scroll(phone_page)


def test_news_pages_have_no_axe_violations_and_fit_a_phone(page, phone_page, site):

    category, province, news = make_news_scene(site)
    for path in (category.url, province.url, news.url, "/the/chuyen-doi-so/"):
        page.goto(path)
        assert_no_axe_violations(page)
        phone_page.goto(path)
        assert_no_horizontal_scroll(phone_page)


def test_keyboard_alone_opens_an_article_from_its_category(page, site):
    _category, province, news = make_news_scene(site)
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
