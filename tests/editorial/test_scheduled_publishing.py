"""A page approved with a future go-live time is published by ``publish_scheduled``."""

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from editorial.roles import CONTRIBUTOR, DEPUTY, EDITOR, NEWS
from tests.factories import ITEM_MODEL, item_fields

pytestmark = pytest.mark.django_db


def ambiguous_future_day():
    """A future day that would also be a valid date with day and month swapped."""
    day = timezone.localdate() + timedelta(days=1)
    while day.day > 12 or day.day == day.month:
        day += timedelta(days=1)
    return day


def test_approved_page_goes_live_at_its_time(news_section, board, editor_for):
    day = ambiguous_future_day()
    fields = {
        **item_fields(NEWS, "Lịch tiếp công dân"),
        "go_live_at": day.strftime("%d/%m/%Y 10:00"),
    }
    editor_for(board[CONTRIBUTOR]).create(news_section, ITEM_MODEL[NEWS], fields, "action-submit")
    item = Page.objects.get(title="Lịch tiếp công dân")
    editor_for(board[EDITOR]).workflow_action(item, "approve")
    editor_for(board[DEPUTY]).workflow_action(item, "approve")

    item = Page.objects.get(pk=item.pk)
    revision = item.scheduled_revision
    assert not item.live and revision is not None, "approval schedules, it does not publish"
    expected = timezone.make_aware(datetime(day.year, day.month, day.day, 10, 0))
    assert revision.approved_go_live_at == expected, "the admin reads dates day first"

    mail.outbox.clear()
    call_command("publish_scheduled")
    assert not Page.objects.get(pk=item.pk).live, "nothing happens before the time"

    # The clock reaches the go-live time: move the stored times into the past instead.
    past = timezone.now() - timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")

    assert Page.objects.get(pk=item.pk).live
    assert [message.to for message in mail.outbox] == [["ctv@example.com"]]
    assert mail.outbox[0].subject == "“Lịch tiếp công dân” đã được xuất bản"
