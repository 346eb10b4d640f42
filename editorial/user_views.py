"""User screens that let the administration team assign roles without reaching superuser.

Wagtail lets anyone who may change users tick "Administrator" on another account or set a
superuser's password, so the right to manage users would be a superuser's in disguise. Here
only a superuser sees the Administrator box or may open a superuser's account.
"""

from django.core.exceptions import PermissionDenied
from wagtail.users.views import users


def may_manage_account(user, account):
    """The rule of every screen and bulk action on accounts: superusers are for superusers."""
    return user.is_superuser or not account.is_superuser


def _without_superuser_box(form, user):
    """A form the user may submit: the Administrator box goes unless the user is a superuser.

    A field missing from the form is never written, so a forged POST cannot set it either.
    """
    if not user.is_superuser:
        form.fields.pop("is_superuser", None)
    return form


class BoardUserCreateView(users.CreateView):
    def get_form(self, form_class=None):
        return _without_superuser_box(super().get_form(form_class), self.request.user)


class BoardUserEditView(users.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not may_manage_account(request.user, self.object):
            raise PermissionDenied

    def get_form(self, form_class=None):
        return _without_superuser_box(super().get_form(form_class), self.request.user)


class BoardUserViewSet(users.UserViewSet):
    """Wagtail's user screens with the rule above; no copy screen.

    Wagtail's generic copy view shows the full Administrator box and saves the form onto the
    account being copied, so copying a user would promote or overwrite that account. Adding a
    user and ticking its roles does the same job through the screens above.
    """

    add_view_class = BoardUserCreateView
    edit_view_class = BoardUserEditView
    copy_view_enabled = False
