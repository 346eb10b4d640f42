"""One news item from contributor draft to live, through the admin over HTTP."""

import pytest
from django.core import mail
from wagtail.models import Page, PageLogEntry

from editorial.roles import CHIEF, CONTRIBUTOR, DEPUTY, EDITOR
from tests.editorial.conftest import ITEM_MODEL, item_fields

pytestmark = pytest.mark.django_db


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def test_news_item_from_draft_to_live(news_section, board, editor_for):
    contributor, editor, deputy = board[CONTRIBUTOR], board[EDITOR], board[DEPUTY]

    response = editor_for(contributor).create(
        news_section, ITEM_MODEL, item_fields("Xã Cẩm Bình về đích nông thôn mới"),
        action="action-submit",
    )
    if response.status_code == 200:
        print(response.context["form"].errors, response.context["form"].data)
    assert response.status_code == 302
    item = Page.objects.child_of(news_section).get(title="Xã Cẩm Bình về đích nông thôn mới").specific
    assert not item.live
    assert item.current_workflow_task.name == "Biên tập viên duyệt tin"
    print([m.to for m in mail.outbox], [m.subject for m in mail.outbox])

    mail.outbox.clear()
    response = editor_for(editor).approve_in_editor(item)
    assert response.status_code == 302, response.content[:3000]
    item = fresh(item)
    assert item.current_workflow_task.name == "Lãnh đạo Ban duyệt tin"
    print([m.to for m in mail.outbox], [m.subject for m in mail.outbox])

    mail.outbox.clear()
    response = editor_for(deputy).workflow_action(item, "approve", comment="Đồng ý")
    print("URL", response.url, item.current_workflow_task.get_actions(item, deputy), list(deputy.groups.all()), list(item.current_workflow_task.groups.all()), item.current_workflow_state.status)
    assert response.status_code == 302
    item = fresh(item)
    ws = item.workflow_states.get()
    print(ws.status, [(t.task.name, t.status, t.revision_id) for t in ws.task_states.order_by("pk")], list(item.revisions.values_list("pk", flat=True)))
    print(list(PageLogEntry.objects.filter(page=item).values_list("action", flat=True)))
    assert item.live
    print([m.to for m in mail.outbox], [m.subject for m in mail.outbox])
    print(list(PageLogEntry.objects.filter(page=item).values_list("action", flat=True)))
