"""axe-core in Chromium reports no WCAG 2.1 AA violation on the pages readers use."""

import pytest

from tests.browser.checks import assert_no_axe_violations, focused_outline


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
    from tests.browser.checks import assert_no_horizontal_scroll
    from tests.browser.test_reader_paths import build_directive

    register, directive, _document = build_directive(site)
    for path in ("/", register.url, directive.url, "/tim-kiem/?q=57-NQ/TW"):
        page.goto(path)
        assert_no_axe_violations(page)
        phone_page.goto(path)
        assert_no_horizontal_scroll(phone_page)
