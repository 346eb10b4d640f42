"""Every change of a user's groups: in Wagtail's audit log, with who made it, and by e-mail to
the superusers.

The administration team may give anyone any role, itself included; this makes sure a superuser
sees it. The receiver listens to ``m2m_changed`` on ``User.groups``, from either side (the user
screens set a user's groups, the "assign role" bulk action adds users to a group), so every
path that goes through the ORM is covered. The acting user comes from Wagtail's log context,
which every admin view opens; changes outside the admin (a shell, a command) are logged without
one ("system").
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override
from wagtail.log_actions import LogFormatter, log
from wagtail.users.models import UserProfile

from editorial.names import person_name

GROUPS_CHANGED = "editorial.groups_changed"
logger = logging.getLogger(__name__)
User = get_user_model()


class GroupsChangedFormatter(LogFormatter):
    """Registered for ``GROUPS_CHANGED`` by the register_log_actions hook."""

    label = gettext_lazy("Change of groups")

    def format_message(self, log_entry):
        return describe(log_entry.data)


def describe(data):
    """ "Added to: A, B; removed from: C" from a log entry's data."""
    parts = []
    if data.get("added"):
        parts.append(_("added to: %(groups)s") % {"groups": ", ".join(data["added"])})
    if data.get("removed"):
        parts.append(_("removed from: %(groups)s") % {"groups": ", ".join(data["removed"])})
    return "; ".join(parts)


def related_pks(instance, reverse, pk_set=None):
    """Groups of a user, or users of a group (``reverse``), limited to ``pk_set`` if given."""
    related = instance.user_set if reverse else instance.groups
    if pk_set is not None:
        related = related.filter(pk__in=pk_set)
    return set(related.values_list("pk", flat=True))


def by_user(instance, reverse, pks):
    """{user: [groups]} for the (user, group) pairs a change touches."""
    if reverse:
        return {user: [instance] for user in User.objects.filter(pk__in=pks)}
    return {instance: list(Group.objects.filter(pk__in=pks).order_by("name"))}


@receiver(m2m_changed, sender=User.groups.through)
def record_group_change(sender, instance, action, reverse, pk_set, **kwargs):
    if action in ("pre_remove", "pre_clear"):
        # Only what is really there is removed; afterwards it cannot be told any more.
        instance._groups_leaving = related_pks(instance, reverse, pk_set)
        return
    if action == "post_add" and pk_set:
        for user, groups in by_user(instance, reverse, pk_set).items():
            record(user, added=groups)
    elif action in ("post_remove", "post_clear"):
        leaving = getattr(instance, "_groups_leaving", set())
        instance._groups_leaving = set()
        for user, groups in by_user(instance, reverse, leaving).items():
            record(user, removed=groups)


def record(user, added=(), removed=()):
    entry = log(
        instance=user,
        action=GROUPS_CHANGED,
        title=person_name(user),
        data={
            "username": user.get_username(),
            "added": [group.name for group in added],
            "removed": [group.name for group in removed],
        },
    )
    notify_superusers(entry)
    return entry


def notify_superusers(entry):
    """One e-mail to each active superuser; a failed one is logged, never fails the change."""
    superusers = User.objects.filter(is_superuser=True, is_active=True).exclude(email="")
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("editorial_role_changes")
    for superuser in superusers:
        with override(UserProfile.get_for_user(superuser).get_preferred_language()):
            context = {
                "entry": entry,
                "change": describe(entry.data),
                "actor": person_name(entry.user) if entry.user else _("system"),
                "report_url": url,
            }
            subject = render_to_string(
                "editorial/notifications/groups_changed_subject.txt", context
            )
            body = render_to_string("editorial/notifications/groups_changed.txt", context)
        try:
            send_mail(
                " ".join(subject.split()),
                body.strip(),
                settings.WAGTAILADMIN_NOTIFICATION_FROM_EMAIL,
                [superuser.email],
            )
        except OSError:  # smtplib's errors are OSErrors
            logger.exception("group change e-mail to %s failed", superuser.email)
