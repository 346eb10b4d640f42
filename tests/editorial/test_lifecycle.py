"""News items and directives from contributor draft to live, through the admin over HTTP,
with the e-mails each step sends."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, PageLogEntry

from editorial.roles import CHIEF, CONTRIBUTOR, DEPUTY, DIRECTIVES, EDITOR, NEWS
from tests.editorial.conftest import csv_rows, current_step, step_name
from tests.factories import ITEM_MODEL, item_fields, make_superuser

# Every test runs with the board as defined and again with every name changed in the admin.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("board_names")]
TITLE = "Xã Cẩm Bình về đích nông thôn mới"
DIRECTIVE_TITLE = "Kế hoạch thực hiện Chương trình MTQG xây dựng nông thôn mới năm 2027"


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_news_item_from_draft_to_live(news_section, board, editor_for):
    contributor, editor, deputy = board[CONTRIBUTOR], board[EDITOR], board[DEPUTY]
    make_superuser()

    response = editor_for(contributor).create(
        news_section, ITEM_MODEL[NEWS], item_fields(NEWS, TITLE), action="action-submit"
    )
    assert response.status_code == 302, "the contributor's draft should be saved and submitted"
    item = Page.objects.child_of(news_section).get(title=TITLE)
    assert not item.live
    assert current_step(item) == "news_editor"
    assert recipients() == ["btv@example.com"], "the first step's reviewers, not superusers"
    assert TITLE in mail.outbox[0].subject

    mail.outbox.clear()
    response = editor_for(editor).approve_in_editor(item)
    assert response.status_code == 302
    item = fresh(item)
    assert current_step(item) == "news_leaders", (
        "approving from the edit view must move on, not restart at step 1"
    )
    assert recipients() == ["ctv@example.com", "pho@example.com", "truong@example.com"]
    to_author = next(message for message in mail.outbox if message.to == ["ctv@example.com"])
    assert step_name("news_leaders") in to_author.body

    mail.outbox.clear()
    response = editor_for(deputy).workflow_action(item, "approve", comment="Đồng ý đăng")
    assert response.status_code == 302
    item = fresh(item)
    assert item.live, "approving the last step publishes"
    assert not item.workflow_in_progress
    author_mail = [message for message in mail.outbox if message.to == ["ctv@example.com"]]
    assert len(author_mail) == 2, "the author learns of the approval and of the publication"
    assert any(item.full_url in message.body for message in author_mail)

    actions = list(
        PageLogEntry.objects.filter(page=item)
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )
    assert ("wagtail.workflow.start", "ctv") in actions
    assert ("wagtail.workflow.approve", "btv") in actions
    assert ("wagtail.workflow.approve", "pho") in actions
    assert ("wagtail.publish", "pho") in actions

    client = editor_for(board[CHIEF]).client
    query = {"section": news_section.pk}
    html = client.get(reverse("editorial_history"), query).content.decode()
    assert html.count(TITLE) >= 4 and "Đồng ý đăng" in html
    export = client.get(reverse("editorial_history"), {**query, "export": "csv"})
    rows = csv_rows(export)[1:]
    item_rows = [row for row in rows if row[3] == TITLE]  # the section's own publication aside
    steps = [(row[1], row[3]) for row in reversed(item_rows)]
    assert steps == [("ctv", TITLE), ("btv", TITLE), ("pho", TITLE), ("pho", TITLE)], (
        "submission, two approvals and publication each show in the history"
    )
    assert "Đồng ý đăng" in item_rows[1][5] or "Đồng ý đăng" in item_rows[0][5]


def test_directive_from_draft_to_live_with_the_chief_alone_at_the_last_step(
    directive_section, board, editor_for
):
    contributor, editor, deputy, chief = (
        board[role] for role in (CONTRIBUTOR, EDITOR, DEPUTY, CHIEF)
    )
    reader = Client()

    response = editor_for(contributor).create(
        directive_section,
        ITEM_MODEL[DIRECTIVES],
        item_fields(DIRECTIVES, DIRECTIVE_TITLE),
        action="action-submit",
    )
    assert response.status_code == 302, "the contributor's draft should be saved and submitted"
    item = Page.objects.child_of(directive_section).get(title=DIRECTIVE_TITLE).specific
    assert item.get_workflow().board_workflow.key == DIRECTIVES, "the register's workflow"
    assert current_step(item) == "directives_editor"
    assert recipients() == ["btv@example.com"], "the first step's reviewers, not superusers"
    assert reader.get(item.url).status_code == 404, "readers do not see a draft"

    mail.outbox.clear()
    response = editor_for(editor).approve_in_editor(item)
    assert response.status_code == 302
    item = fresh(item)
    assert current_step(item) == "directives_chief"
    assert recipients() == ["ctv@example.com", "truong@example.com"], (
        "the author hears of the approval and the editor-in-chief alone of the new step"
    )

    mail.outbox.clear()
    editor_for(deputy).workflow_action(item, "approve")
    item = fresh(item)
    assert not item.live, "the deputy approves news, not directives"
    assert current_step(item) == "directives_chief"
    assert mail.outbox == []
    assert reader.get(item.url).status_code == 404

    response = editor_for(chief).workflow_action(item, "approve", comment="Ban hành")
    assert response.status_code == 302
    item = fresh(item)
    assert item.live and not item.workflow_in_progress, "approving the last step publishes"
    assert recipients() == ["ctv@example.com", "ctv@example.com"], (
        "the author learns of the approval and of the publication"
    )
    assert any(item.full_url in message.body for message in mail.outbox)
    page = reader.get(item.url)
    assert page.status_code == 200
    assert "120/KH-VPĐP" in page.content.decode(), "readers see the directive's number"


def test_rejection_returns_to_author_with_comment_and_resubmission_resumes(
    news_section, board, editor_for
):
    contributor, editor = board[CONTRIBUTOR], board[EDITOR]
    editor_for(contributor).create(
        news_section, ITEM_MODEL[NEWS], item_fields(NEWS, TITLE), action="action-submit"
    )
    item = Page.objects.child_of(news_section).get(title=TITLE)
    mail.outbox.clear()

    response = editor_for(editor).workflow_action(item, "reject", comment="Bổ sung nguồn tin")
    assert response.status_code == 302
    item = fresh(item)
    assert item.current_workflow_state.status == "needs_changes"
    assert recipients() == ["ctv@example.com"]
    assert "Bổ sung nguồn tin" in mail.outbox[0].body

    response = editor_for(contributor).edit(
        item, {"title": TITLE + " (đã sửa)"}, action="action-restart-workflow"
    )
    assert response.status_code == 302
    item = fresh(item)
    assert current_step(item) == "news_editor"
    assert item.get_latest_revision_as_object().title.endswith("(đã sửa)")


def test_page_in_moderation_is_locked_except_to_the_current_reviewers(
    news_section, board, editor_for
):
    contributor, editor, chief = board[CONTRIBUTOR], board[EDITOR], board[CHIEF]
    editor_for(contributor).create(
        news_section, ITEM_MODEL[NEWS], item_fields(NEWS, TITLE), action="action-submit"
    )
    item = Page.objects.child_of(news_section).get(title=TITLE)
    revisions = item.revisions.count()

    for outsider in (contributor, chief):
        response = editor_for(outsider).edit(item, {"title": "Sửa trộm"})
        assert response.status_code in (200, 302, 403)
        assert item.revisions.count() == revisions, f"{outsider} must not edit at step 1"
    assert fresh(item).get_latest_revision_as_object().title == TITLE

    response = editor_for(editor).edit(item, {"title": TITLE + " – biên tập"})
    assert response.status_code == 302
    assert item.revisions.count() == revisions + 1, "the step's reviewer may edit"


def test_edit_after_a_step_approved_sends_the_page_back_to_the_first_step(
    news_section, board, editor_for
):
    contributor, editor, deputy = board[CONTRIBUTOR], board[EDITOR], board[DEPUTY]
    editor_for(contributor).create(
        news_section, ITEM_MODEL[NEWS], item_fields(NEWS, TITLE), action="action-submit"
    )
    item = Page.objects.child_of(news_section).get(title=TITLE)
    editor_for(editor).workflow_action(item, "approve")
    item = fresh(item)

    response = editor_for(deputy).approve_in_editor(item, {"title": TITLE + " – sửa tít"})
    assert response.status_code == 302
    item = fresh(item)
    assert not item.live, "a real edit at the last step must not publish unreviewed text"
    assert current_step(item) == "news_editor"


def test_autosaved_edit_after_a_step_approved_sends_the_page_back(news_section, board, editor_for):
    """Autosave writes revisions without a click: approving afterwards from the dashboard
    must not publish text the first step never saw."""
    contributor, editor, deputy = board[CONTRIBUTOR], board[EDITOR], board[DEPUTY]
    editor_for(contributor).create(
        news_section, ITEM_MODEL[NEWS], item_fields(NEWS, TITLE), action="action-submit"
    )
    item = Page.objects.child_of(news_section).get(title=TITLE)
    editor_for(editor).workflow_action(item, "approve")

    response = editor_for(deputy).autosave(fresh(item), {"title": TITLE + " – tự lưu"})
    assert response.status_code == 200 and response.json()["success"]
    editor_for(deputy).workflow_action(fresh(item), "approve")
    item = fresh(item)
    assert not item.live, "the autosaved text has not been reviewed at step 1"
    assert current_step(item) == "news_editor"


def test_approval_links_show_on_the_dashboard_for_the_reviewer(news_section, board, client):
    from tests.editorial.admin_forms import PageEditor

    PageEditor(client, board[CONTRIBUTOR]).create(
        news_section, ITEM_MODEL[NEWS], item_fields(NEWS, TITLE), action="action-submit"
    )
    client.force_login(board[EDITOR])
    response = client.get(reverse("wagtailadmin_home"))
    assert TITLE in response.content.decode()


def test_approve_in_editor_advances_when_a_widget_does_not_round_trip(
    news_section, board, editor_for
):
    """Posting the form back changes what the editor never touched: the date-time widget
    drops the seconds and the rich-text editor adds block keys to text made outside it."""
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories import make_item

    contributor, editor = board[CONTRIBUTOR], board[EDITOR]
    item = make_item(news_section, contributor, TITLE)
    item.go_live_at = timezone.now().replace(second=42) + timedelta(days=2)
    item.save_revision(user=contributor)
    item.get_workflow().start(item, contributor)
    revisions = item.revisions.count()

    response = editor_for(editor).approve_in_editor(item)
    assert response.status_code == 302
    item = fresh(item)
    assert item.revisions.count() == revisions + 1, "the editor view saved the form again"
    assert current_step(item) == "news_leaders", (
        "a revision that differs only in what the widget cannot show must not restart review"
    )
