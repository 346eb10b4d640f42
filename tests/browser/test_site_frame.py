"""The site frame in a real browser: skip link, footer, no horizontal scrolling on phones."""


def test_skip_link_is_first_focus_and_moves_to_main(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Chuyển đến nội dung chính"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"


def test_home_page_fits_a_375px_phone(phone_page):
    phone_page.goto("/")
    assert phone_page.locator("footer").inner_text().count("Hà Tĩnh") >= 1
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"page scrolls sideways by {overflow}px at 375px"


def test_home_page_at_desktop_width_shows_portal_name(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/")
    assert "Văn phòng Điều phối nông thôn mới" in page.locator(".site-name").inner_text()
