"""E-mails the board's members get beyond Wagtail's own moderation notifications.

Wagtail already writes to the reviewers of a step when a page reaches it, and to the
submitter when the workflow is approved or sent back. It says nothing when an intermediate
step approves, nor when the page actually goes live (possibly later, at its scheduled time):
those two are sent here.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override
from wagtail.users.models import UserProfile

from core.text import single_line
from editorial.models import BoardWorkflow

logger = logging.getLogger(__name__)


def admin_url(name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def send_notification(recipients, template, context):
    """Send ``editorial/notifications/<template>`` to each recipient in their own language.

    A message that cannot be sent to one recipient (an address with a line break, the mail
    server down) is logged and skipped: the moderation action that sends it must not fail.
    """
    sent = 0
    for user in recipients:
        if not (user and user.is_active and user.email):
            continue
        profile = UserProfile.get_for_user(user)
        if not profile.approved_notifications:
            continue
        with override(profile.get_preferred_language()):
            context = {**context, "user": user}
            subject = single_line(
                render_to_string(f"editorial/notifications/{template}_subject.txt", context)
            )
            body = render_to_string(f"editorial/notifications/{template}.txt", context).strip()
        try:
            send_mail(subject, body, settings.WAGTAILADMIN_NOTIFICATION_FROM_EMAIL, [user.email])
        except (ValueError, OSError, smtplib.SMTPException):
            logger.exception("Could not send %r to user %s", subject, user.get_username())
            continue
        sent += 1
    return sent


def notify_step_approved(task_state, user=None):
    """Tell the submitter that a step approved and which step the page now waits for."""
    workflow_state = task_state.workflow_state
    if workflow_state.status != workflow_state.STATUS_IN_PROGRESS:
        return 0  # the last step: Wagtail's own approval e-mail and ours on publication follow
    next_task_state = workflow_state.current_task_state
    if next_task_state is None or next_task_state.pk == task_state.pk:
        return 0
    page = workflow_state.content_object.specific
    recipients = {workflow_state.requested_by} - {user}
    return send_notification(
        recipients,
        "step_approved",
        {
            "page": page,
            "task": task_state.task,
            "next_task": next_task_state.task,
            "approver": user,
            "comment": task_state.comment,
            "edit_url": admin_url("wagtailadmin_pages:edit", page.pk),
        },
    )


def notify_published(page):
    """Tell the author and the submitter that a page of a board section is live."""
    workflow = page.get_workflow()
    if workflow is None or not BoardWorkflow.objects.filter(workflow=workflow).exists():
        return 0
    last_state = page.workflow_states.order_by("-created_at").first()
    recipients = {page.owner, last_state.requested_by if last_state else None}
    return send_notification(
        recipients,
        "published",
        {
            "page": page,
            "page_url": page.full_url,
            "edit_url": admin_url("wagtailadmin_pages:edit", page.pk),
        },
    )
