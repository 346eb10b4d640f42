"""Admin wiring: the two-factor screens, the lockout list and their menu items."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from security import views


@hooks.register("register_admin_urls")
def security_urls():
    return [
        path("two-factor/", views.setup, name="security_two_factor_setup"),
        path("two-factor/verify/", views.verify, name="security_two_factor_verify"),
        path("two-factor/backup-codes/", views.backup_codes, name="security_backup_codes"),
        path("two-factor/members/", views.members, name="security_two_factor_members"),
        path(
            "two-factor/members/<int:user_id>/reset/",
            views.reset_member,
            name="security_two_factor_reset",
        ),
        path("lockouts/", views.lockouts, name="security_lockouts"),
        path("lockouts/unlock/", views.unlock, name="security_unlock"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return PermissionMenuItem(
        _("Locked sign-ins"),
        reverse("security_lockouts"),
        icon_name="lock",
        order=610,
        permission=views.UNLOCK_PERMISSION,
    )


@hooks.register("register_settings_menu_item")
def members_menu_item():
    return PermissionMenuItem(
        _("Two-step sign-in of members"),
        reverse("security_two_factor_members"),
        icon_name="key",
        order=611,
        permission=views.RESET_PERMISSION,
    )


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("security_two_factor_setup"),
        "label": _("Two-step sign-in"),
        "help_text": _("An authenticator app on your phone and backup codes."),
    }
