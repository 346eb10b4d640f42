"""What readers do, in Chromium: browse, search without accents, download; on a 375px phone."""

import pytest

from tests.browser.checks import assert_no_horizontal_scroll, focused_outline
from tests.factories import make_directive_with_file


@pytest.mark.parametrize("path", ["/", "/tim-kiem/", "/tim-kiem/?q=" + "x" * 300, "/khong-co/"])
def test_frame_pages_fit_a_375px_phone(phone_page, path):
    phone_page.goto(path)
    assert phone_page.locator("header form[role=search] input").is_visible()
    assert_no_horizontal_scroll(phone_page)


def test_search_without_accents_then_directive_then_download_on_a_phone(phone_page, site):
    _register, directive, document = make_directive_with_file(site)
    phone_page.goto("/")
    phone_page.locator("header input[name=q]").fill("nghi quyet dot pha khoa hoc")
    phone_page.locator("header input[name=q]").press("Enter")
    phone_page.wait_for_url("**/tim-kiem/**")
    assert_no_horizontal_scroll(phone_page)
    phone_page.locator(".search-results").get_by_role("link", name=directive.title).click()
    phone_page.wait_for_url(f"**{directive.url}")
    assert_no_horizontal_scroll(phone_page)
    with phone_page.expect_download() as download:
        phone_page.get_by_role("link", name=document.title).first.click()
    assert download.value.suggested_filename.endswith(".pdf")


def test_register_download_links_are_on_screen_on_a_phone(phone_page, site):
    """Each document is a labelled card at 375px, not a table wider than the screen."""
    register, _directive, _document = make_directive_with_file(site)
    phone_page.goto(register.url)
    link = phone_page.locator(".directive-register a[download]").first
    box = link.bounding_box()
    width = phone_page.viewport_size["width"]
    assert 0 <= box["x"] and box["x"] + box["width"] <= width, f"download link at {box}"
    cell = phone_page.locator(".directive-register td").last
    label = cell.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert "Tệp đính kèm" in label, "each value on the card says what it is"


def test_keyboard_alone_reaches_a_document_from_search(page, site):
    _register, directive, _document = make_directive_with_file(site)
    page.goto("/")
    page.keyboard.press("Tab")  # skip link
    while page.evaluate("document.activeElement.name") != "q":
        page.keyboard.press("Tab")
    page.keyboard.type("57/NQ-TW")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/**")
    page.locator(".search-results a").first.focus()
    focus = focused_outline(page)
    assert focus["outline"] or focus["shadow"], "the focused result must show a visible focus"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{directive.url}")
