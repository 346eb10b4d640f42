"""The board's review step: Wagtail's group approval, made safe to approve from the edit view."""

import json
import re
from datetime import datetime

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState, Workflow

# Revision fields that change on every save without the editor touching the content.
BOOKKEEPING_FIELDS = {
    "pk",
    "id",
    "page_ptr",
    "path",
    "depth",
    "numchild",
    "url_path",
    "draft_title",
    "live",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "live_revision",
    "first_published_at",
    "last_published_at",
    "locked",
    "locked_at",
    "locked_by",
    "owner",
    "alias_of",
    "content_type",
    "translation_key",
    "locale",
    "wagtail_admin_comments",
}
# The admin's date-time widgets show minutes only (go-live time, a news item's publication
# date...), so a difference in seconds cannot be an editor's change.
ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
# Keys naming a child row (a tag, an attached file) rather than holding its content: the tag
# field writes its rows afresh on every save, so their keys and order change while the tags do
# not. Rows whose order matters carry it in a field of their own (``sort_order``).
ROW_IDENTITY_KEYS = {"pk", "id"}
# The rich-text editor gives each paragraph a key the first time it converts the text, so text
# that came from elsewhere (demo content, imports) gains keys on its first save in the editor
# (quoted as is in a rich-text field, escaped inside a StreamField's JSON).
BLOCK_KEY = re.compile(r' data-block-key=\\?"\w+\\?"')


def _to_minute(value):
    if not (isinstance(value, str) and ISO_DATETIME.match(value)):
        return value
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    return moment.replace(second=0, microsecond=0)


def _comparable(value):
    """``value`` without what saving alone changes: seconds, block keys, child rows' keys
    and order."""
    if isinstance(value, list) and all(isinstance(row, dict) for row in value):
        rows = [
            {key: _comparable(item) for key, item in row.items() if key not in ROW_IDENTITY_KEYS}
            for row in value
        ]
        return sorted(rows, key=repr)
    if isinstance(value, str):
        return _stream_or_text(value)
    return value


def _stream_or_text(value):
    """A StreamField's JSON as data (PostgreSQL's jsonb gives its keys back in another order),
    block order kept; other text without the rich-text editor's block keys or seconds."""
    if value.startswith("[{"):
        try:
            return _without_block_keys(json.loads(value))
        except ValueError:
            pass
    return _to_minute(BLOCK_KEY.sub("", value))


def _without_block_keys(data):
    if isinstance(data, dict):
        return {key: _without_block_keys(item) for key, item in data.items()}
    if isinstance(data, list):
        return [_without_block_keys(item) for item in data]
    if isinstance(data, str):
        return _to_minute(BLOCK_KEY.sub("", data))
    return data


def same_content(first, second):
    """Whether two revisions hold the same content, ignoring what saving alone changes."""

    def comparable(revision):
        return {
            key: _comparable(value)
            for key, value in revision.content.items()
            if key not in BOOKKEEPING_FIELDS
        }

    return comparable(first) == comparable(second)


class EditorialReviewTask(AbstractGroupApprovalTask):
    """A step of the board's workflows: members of the chosen groups approve or request changes.

    With ``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT``, approving from the page editor first
    saves the form as a new revision; when a widget does not give back its value exactly, that
    revision differs from the reviewed one only in form and the workflow would restart at the
    first step. Approvals are carried over to such a revision so the workflow moves on; a real
    edit still sends the page back through review.
    """

    # The step of ``editorial.roles`` this task is, whatever an administrator renames it to.
    # NULL for steps made in the admin: the one value a unique column holds more than once.
    key = models.SlugField(max_length=40, unique=True, null=True, editable=False)  # noqa: DJ001

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            self._carry_approvals_to_unchanged_revision(task_state)
        return super().on_action(task_state, user, action_name, **kwargs)

    @staticmethod
    def _carry_approvals_to_unchanged_revision(task_state):
        reviewed = task_state.revision
        latest = task_state.workflow_state.content_object.get_latest_revision()
        if reviewed is None or latest is None or latest.pk == reviewed.pk:
            return
        if not same_content(reviewed, latest):
            return
        earlier_approvals = task_state.workflow_state.task_states.filter(
            status=TaskState.STATUS_APPROVED, revision=reviewed
        )
        for approval in earlier_approvals:
            approval.copy(update_attrs={"revision": latest})
        task_state.revision = latest
        task_state.save(update_fields=["revision"])

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve this step or send the page back to its "
            "author with a comment."
        )

    class Meta:
        verbose_name = _("editorial review step")
        verbose_name_plural = _("editorial review steps")


class BoardRole(models.Model):
    """The role of ``editorial.roles`` a group plays, by a key no admin screen edits.

    Behaviour follows the key, never the group's name, so renaming a group in the admin
    changes nothing but the name. The board's own rights are declared here too.
    """

    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="board_role")
    key = models.SlugField(max_length=40, unique=True)

    class Meta:
        verbose_name = _("board role")
        verbose_name_plural = _("board roles")
        default_permissions = ()
        permissions = [("publish_directly", _("Can publish and unpublish without moderation"))]

    def __str__(self):
        return self.key


class BoardWorkflow(models.Model):
    """The workflow of ``editorial.roles`` a Wagtail workflow is (``news``, ``directives``)."""

    workflow = models.OneToOneField(
        Workflow, on_delete=models.CASCADE, related_name="board_workflow"
    )
    key = models.SlugField(max_length=40, unique=True)

    class Meta:
        verbose_name = _("board workflow")
        verbose_name_plural = _("board workflows")
        default_permissions = ()

    def __str__(self):
        return self.key
