"""The Content-Security-Policy against what Chromium really loads: no violation anywhere.

A superuser signs in with the real two-step form, opens the page editor, the live preview and
the image chooser; readers open the home page and a news item with an image. Chromium
reports every blocked script, style, frame or image on the console.
"""

import pytest
from playwright.sync_api import expect

from tests.factories import make_image, make_news, make_news_index, make_superuser
from tests.two_factor import app_device, pass_second_step

PASSWORD = "secret-pass-123"


def watch_policy(page):
    """Console lines where Chromium says it refused something under the policy."""
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused


@pytest.fixture
def news_item(site):
    category = make_news_index(site, "Tin tức")
    return make_news(category, "Hội nghị sơ kết", featured_image=make_image())


def test_reader_pages_load_nothing_the_policy_refuses(page, news_item):
    refused = watch_policy(page)
    for url in ("/", news_item.url):
        page.goto(url)
        page.wait_for_load_state("networkidle")
    assert refused == []


def sign_in_with_second_factor(page, user):
    app_device(user)
    page.goto("/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    pass_second_step(page, user)
    page.wait_for_url("**/admin/")


def test_the_admin_works_under_its_policy(page, news_item):
    draft = make_news(news_item.get_parent(), "Tin chưa có ảnh", publish=False)
    refused = watch_policy(page)
    sign_in_with_second_factor(page, make_superuser(password=PASSWORD))
    page.wait_for_load_state("networkidle")

    page.goto(f"/admin/pages/{draft.pk}/edit/")
    page.wait_for_load_state("networkidle")
    page.locator("[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_contain_text("Tin chưa có ảnh")

    page.locator("[data-side-panel-toggle='preview']").click()
    page.locator("[data-chooser-action-choose]").first.click()
    expect(page.locator(".modal-dialog img").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert refused == [], "the admin must need nothing its policy refuses"
