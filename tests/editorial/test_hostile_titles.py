"""A title with line breaks (a forged create form keeps them) cannot jam the workflow: titles
are stored on one line, e-mail subjects are one line, and an e-mail that fails for one
recipient is logged instead of failing the moderation action."""

import logging

import pytest
from django.core import mail
from wagtail.models import Page

from editorial.roles import CONTRIBUTOR, EDITOR, NEWS
from tests.factories import ITEM_MODEL, item_fields

pytestmark = pytest.mark.django_db
FORGED_TITLE = "Xã Cẩm Bình\r\nBcc: ai@example.com\r\n về đích"
CLEAN_TITLE = "Xã Cẩm Bình Bcc: ai@example.com về đích"


def test_a_title_with_line_breaks_goes_through_the_approval(news_section, board, editor_for):
    contributor, editor = board[CONTRIBUTOR], board[EDITOR]
    fields = {
        **item_fields(NEWS, "Xã Cẩm Bình"),
        "title": FORGED_TITLE,
        "seo_title": "Tiêu đề\r\nSEO\t",
    }
    response = editor_for(contributor).create(
        news_section, ITEM_MODEL[NEWS], fields, action="action-submit"
    )
    assert response.status_code == 302
    item = Page.objects.child_of(news_section).get().specific
    assert (item.title, item.draft_title, item.seo_title) == (
        CLEAN_TITLE,
        CLEAN_TITLE,
        "Tiêu đề SEO",
    )
    revision_title = item.get_latest_revision_as_object().title
    assert revision_title == CLEAN_TITLE, "the revision the reviewer approves is clean too"
    submitted = [message for message in mail.outbox if message.to == ["btv@example.com"]]
    assert submitted, "Wagtail's own 'submitted' e-mail reaches the step's reviewers"
    assert CLEAN_TITLE in submitted[0].subject

    mail.outbox.clear()
    response = editor_for(editor).workflow_action(item, "approve")
    assert response.status_code == 302, "the approval answers, it does not fail"
    item = Page.objects.get(pk=item.pk).specific
    assert item.current_workflow_task.name == "Lãnh đạo Ban duyệt tin"
    assert mail.outbox and all("\n" not in message.subject for message in mail.outbox)


def test_an_e_mail_failing_for_one_recipient_is_logged_not_fatal(
    news_section, board, editor_for, caplog
):
    contributor, editor = board[CONTRIBUTOR], board[EDITOR]
    response = editor_for(contributor).create(
        news_section, ITEM_MODEL[NEWS], item_fields(NEWS, "Tin mới"), action="action-submit"
    )
    assert response.status_code == 302
    # An address no mail server accepts (stored before any form checked it).
    contributor.email = "ctv@example.com\nBcc: ai@example.com"
    contributor.save()
    mail.outbox.clear()
    item = Page.objects.child_of(news_section).get().specific
    with caplog.at_level(logging.ERROR, logger="editorial.notifications"):
        response = editor_for(editor).workflow_action(item, "approve")
    assert response.status_code == 302
    item = Page.objects.get(pk=item.pk).specific
    assert item.current_workflow_task.name == "Lãnh đạo Ban duyệt tin", "the step still moved on"
    assert {address for message in mail.outbox for address in message.to} >= {
        "pho@example.com",
        "truong@example.com",
    }, "the next step's reviewers are still told"
    assert any("ctv" in record.getMessage() for record in caplog.records)
