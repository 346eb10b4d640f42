"""The board's admin screens: the moderation history and "my editorial work".

Wagtail's dashboard already lists what waits for the user's step and the user's submissions
still in moderation; "my editorial work" shows what it cannot: the user's submissions whose
moderation has ended, and how it ended.
"""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import BaseListingView
from wagtail.models import WorkflowState

from editorial.history import HistoryView
from editorial.roles import BOARD_ROLES, REVIEWER_ROLES
from home.templatetags.portal_tags import vi_datetime


def in_roles(user, roles):
    return user.is_superuser or user.groups.filter(board_role__key__in=roles).exists()


class RolesRequiredMixin:
    """Only members of ``roles`` (keys of editorial.roles) and superusers get in."""

    roles = ()

    def dispatch(self, request, *args, **kwargs):
        if not in_roles(request.user, self.roles):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ModerationHistoryView(RolesRequiredMixin, HistoryView):
    roles = REVIEWER_ROLES


def submitted_page_url(workflow_state):
    page = workflow_state.content_object
    return reverse("wagtailadmin_pages:edit", args=(page.pk,)) if page else None


def submitted_page_title(workflow_state):
    page = workflow_state.content_object
    return page.get_admin_display_title() if page else _("(deleted page)")


def ended_at(workflow_state):
    task_state = workflow_state.current_task_state
    return vi_datetime(task_state.finished_at) if task_state and task_state.finished_at else ""


class MyWorkView(RolesRequiredMixin, BaseListingView):
    """The user's submissions whose moderation has ended (approved or cancelled)."""

    roles = BOARD_ROLES
    page_title = _("My editorial work")
    page_subtitle = _("Submissions whose moderation has ended")
    header_icon = "tasks"
    template_name = "editorial/my_work.html"
    index_url_name = "editorial_my_work"
    paginate_by = 50
    columns = [
        TitleColumn(
            "page", label=_("Page"), accessor=submitted_page_title, get_url=submitted_page_url
        ),
        Column("workflow", label=_("Workflow"), accessor="workflow.name"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("submitted", label=_("Submitted"), accessor=lambda s: vi_datetime(s.created_at)),
        Column("ended", label=_("Ended"), accessor=ended_at),
    ]

    def get_base_queryset(self):
        return (
            WorkflowState.objects.filter(requested_by=self.request.user)
            .filter(status__in=(WorkflowState.STATUS_APPROVED, WorkflowState.STATUS_CANCELLED))
            .select_related("workflow", "current_task_state")
            .prefetch_related("content_object")
            .order_by("-created_at", "-pk")
        )
