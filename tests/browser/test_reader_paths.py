"""What readers do, in Chromium: browse, search without accents, download; on a 375px phone."""

import pytest

from tests.browser.checks import assert_no_horizontal_scroll


@pytest.mark.parametrize("path", ["/", "/tim-kiem/", "/tim-kiem/?q=" + "x" * 300, "/khong-co/"])
def test_frame_pages_fit_a_375px_phone(phone_page, path):
    phone_page.goto(path)
    assert phone_page.locator("header form[role=search] input").is_visible()
    assert_no_horizontal_scroll(phone_page)
