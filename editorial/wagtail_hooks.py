"""Admin wiring: refuse direct publishing and bulk actions on superusers, add the board's menu
and screens."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from editorial import views
from editorial.publishing import may_publish_directly
from editorial.roles import BOARD_ROLES, REVIEWER_ROLES
from editorial.user_views import may_manage_account

DIRECT_PUBLISH_ITEMS = {"action-publish", "action-unpublish"}


@hooks.register("register_admin_urls")
def editorial_urls():
    return [
        path("editorial/", views.MyWorkView.as_view(), name="editorial_my_work"),
        path("editorial/history/", views.ModerationHistoryView.as_view(), name="editorial_history"),
        path(
            "editorial/history/results/",
            views.ModerationHistoryView.as_view(results_only=True),
            name="editorial_history_results",
        ),
    ]


class RoleMenuItem(MenuItem):
    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.roles = roles

    def is_shown(self, request):
        return views.in_roles(request.user, self.roles)


@hooks.register("register_admin_menu_item")
def editorial_menu():
    menu = Menu(
        items=[
            RoleMenuItem(
                _("My editorial work"),
                reverse("editorial_my_work"),
                icon_name="tasks",
                order=100,
                roles=BOARD_ROLES,
            ),
            RoleMenuItem(
                _("Moderation history"),
                reverse("editorial_history"),
                icon_name="history",
                order=200,
                roles=REVIEWER_ROLES,
            ),
        ]
    )
    return SubmenuMenuItem(_("Editorial board"), menu, icon_name="group", order=250)


@hooks.register("construct_page_action_menu")
def hide_direct_publishing(menu_items, request, context):
    creating = context["view"] == "create"
    page = context["parent_page"] if creating else context["page"]
    if not may_publish_directly(request.user, page, creating=creating):
        menu_items[:] = [item for item in menu_items if item.name not in DIRECT_PUBLISH_ITEMS]


@hooks.register("before_edit_page")
def refuse_direct_publish_on_edit(request, page):
    if request.method == "POST" and request.POST.get("action-publish"):
        if not may_publish_directly(request.user, page):
            raise PermissionDenied


@hooks.register("before_create_page")
def refuse_direct_publish_on_create(request, parent_page, page_class):
    if request.method == "POST" and request.POST.get("action-publish"):
        if not may_publish_directly(request.user, parent_page, creating=True):
            raise PermissionDenied


@hooks.register("before_bulk_action")
def refuse_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type in {"publish", "unpublish"}:
        if not all(may_publish_directly(request.user, page) for page in objects):
            raise PermissionDenied


@hooks.register("before_bulk_action")
def refuse_bulk_actions_on_superusers(request, action_type, objects, action_class_instance):
    """Wagtail's user bulk actions (activate, deactivate, assign role) only ask for the right to
    change users; the user screens' rule applies to them too."""
    if action_class_instance.model is get_user_model():
        if not all(may_manage_account(request.user, account) for account in objects):
            raise PermissionDenied
