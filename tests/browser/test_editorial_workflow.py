"""A news item from contributor draft to publication, through the admin in Chromium."""

import re

import pytest
from django.apps import apps
from playwright.sync_api import expect
from wagtail.models import Page

from editorial.roles import CONTRIBUTOR, DEPUTY, EDITOR, NEWS, sync_editorial
from security.two_factor import requires_two_factor
from tests.factories import ITEM_MODEL, ensure_site, make_member, make_section
from tests.two_factor import app_device, pass_second_step

PASSWORD = "secret-pass-123"
TITLE = "Hà Tĩnh có thêm 12 xã đạt chuẩn nông thôn mới nâng cao"
LEAD = "UBND tỉnh vừa công nhận thêm 12 xã đạt chuẩn nông thôn mới nâng cao năm 2026."
PARAGRAPH = "Các xã được công nhận đều hoàn thành 19 tiêu chí theo Bộ tiêu chí của tỉnh."


@pytest.fixture
def newsroom(site):
    sync_editorial(apps)
    members = {role: make_member(role) for role in (CONTRIBUTOR, EDITOR, DEPUTY)}
    return make_section(ensure_site(), NEWS, "Tin tức"), members


def sign_in(page, user):
    if requires_two_factor(user):
        app_device(user)
    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    if requires_two_factor(user):
        pass_second_step(page, user)
    page.wait_for_url("**/admin/")


def open_actions(page):
    """The footer's secondary actions sit behind the arrow next to the main button."""
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def left_the_editor(url):
    """After a submission or approval the admin sends the user back to a listing."""
    return "/edit/" not in url and "/add/" not in url


def write_first_paragraph(page, text):
    """Add a paragraph to the empty body and type into its rich-text editor."""
    page.locator("#body-root .c-sf-add-button").first.click()
    page.get_by_role("option", name="Đoạn văn").click()
    editor = page.locator("#body-root [contenteditable='true']").first
    editor.click()
    editor.press_sequentially(text)
    # The editor writes its content into the form's hidden field a moment after typing.
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile(re.escape(text)))


def assert_no_publish_action(page):
    """In the editor's footer (its actions menu open), the board's way on, never Publish."""
    footer = page.locator("footer")
    expect(
        footer.locator("button[name='action-submit'], [data-workflow-action-name]").first
    ).to_be_visible()
    publish = footer.locator("button[name='action-publish']").count()
    assert publish == 0, f"a Publish button in the editor's footer at {page.url}"


def approve_in_editor(page, item):
    page.goto(f"/admin/pages/{item.pk}/edit/")
    open_actions(page)
    assert_no_publish_action(page)
    approve = "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    with page.expect_navigation(url=left_the_editor):
        page.locator(approve).click()


def test_article_from_contributor_draft_to_publication(page, newsroom):
    section, members = newsroom
    model = ITEM_MODEL[NEWS]._meta

    sign_in(page, members[CONTRIBUTOR])
    page.goto(f"/admin/pages/add/{model.app_label}/{model.model_name}/{section.pk}/")
    page.fill("#id_title", TITLE)
    page.press("#id_title", "Tab")
    # (a locator, not wait_for_function: the admin's policy forbids the eval that one uses)
    expect(page.locator("#id_slug")).not_to_have_value("")
    page.fill("#id_lead", LEAD)
    write_first_paragraph(page, PARAGRAPH)
    open_actions(page)
    assert_no_publish_action(page)
    with page.expect_navigation(url=left_the_editor):
        page.click("button[name='action-submit']")
    item = Page.objects.get(title=TITLE)
    assert item.current_workflow_task.name == "Biên tập viên duyệt tin"

    sign_in(page, members[EDITOR])
    approve_in_editor(page, item)
    item = Page.objects.get(pk=item.pk)
    assert item.current_workflow_task.name == "Lãnh đạo Ban duyệt tin", (
        "approving from the editor must move on to step 2"
    )

    sign_in(page, members[DEPUTY])
    approve_in_editor(page, item)
    item = Page.objects.get(pk=item.pk)
    assert item.live, "approving the last step publishes"

    page.goto(item.url)
    assert page.locator("h1").inner_text() == TITLE
    assert PARAGRAPH in page.content() and LEAD in page.content()
    page.wait_for_load_state("networkidle")  # no request still running when the test ends
