"""The board's admin screens: my work queue and the moderation history."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import TaskState, WorkflowState

from editorial.history import HistoryFilterForm, csv_response, moderation_entries
from editorial.roles import BOARD_ROLES, REVIEWER_ROLES

QUEUE_LIMIT = 50
HISTORY_PAGE_SIZE = 50


def in_roles(user, roles):
    return user.is_superuser or user.groups.filter(board_role__key__in=roles).exists()


def my_work(request):
    """What waits for the user's step, and what the user submitted and where it stands."""
    if not in_roles(request.user, BOARD_ROLES):
        raise PermissionDenied
    waiting = (
        TaskState.objects.reviewable_by(request.user)
        .select_related("task", "workflow_state__workflow", "workflow_state__requested_by")
        .prefetch_related("workflow_state__content_object")
        .order_by("started_at")[:QUEUE_LIMIT]
    )
    submitted = (
        WorkflowState.objects.filter(requested_by=request.user)
        .select_related("workflow", "current_task_state__task")
        .prefetch_related("content_object")
        .order_by("-created_at")[:QUEUE_LIMIT]
    )
    return render(
        request,
        "editorial/my_work.html",
        {
            "header_title": _("My editorial work"),
            "page_title": _("My editorial work"),
            "header_icon": "tasks",
            "waiting": waiting,
            "submitted": submitted,
        },
    )


def history(request):
    """Who submitted, approved, rejected, published what and when; filterable, as CSV too."""
    if not in_roles(request.user, REVIEWER_ROLES):
        raise PermissionDenied
    form = HistoryFilterForm(request.GET or None)
    entries = moderation_entries()
    if form.is_bound:
        entries = form.filter(entries) if form.is_valid() else entries.none()
    if form.is_bound and form.is_valid() and request.GET.get("export") == "csv":
        return csv_response(entries)
    page = Paginator(entries, HISTORY_PAGE_SIZE).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    query.pop("export", None)
    return render(
        request,
        "editorial/history.html",
        {
            "header_title": _("Moderation history"),
            "page_title": _("Moderation history"),
            "header_icon": "history",
            "form": form,
            "page_obj": page,
            "query": query.urlencode(),
        },
    )
