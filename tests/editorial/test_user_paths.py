"""Every admin path to a user or a group keeps the user screens' rule: only a superuser touches
superusers or the superuser flag.

The paths are not listed by hand: the test walks every URL Wagtail registers in the users and
groups namespaces, and every bulk action registered for the user model, so a screen a new
Wagtail version adds is tried as well.
"""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry

from editorial.roles import ADMIN_TEAM, CHIEF, sync_editorial
from tests.editorial.conftest import role_group
from tests.factories import make_member, make_superuser

pytestmark = pytest.mark.django_db
User = get_user_model()
NAMESPACES = {"wagtailusers_users", "wagtailusers_groups", "wagtailusers_api_tokens"}
FORGED_PASSWORD = "Chiem-Quyen-2026!"


def _patterns(resolver, namespace=None):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, entry.namespace or namespace)
        elif isinstance(entry, URLPattern) and namespace in NAMESPACES:
            yield namespace, entry


def registered_urls(user_pk, group_pk):
    """Each URL of the users and groups namespaces, its object arguments set to the targets."""
    urls = []
    for namespace, entry in _patterns(get_resolver()):
        target = group_pk if namespace == "wagtailusers_groups" else user_pk
        kwargs = {name: target for name in entry.pattern.converters}
        urls.append(reverse(f"{namespace}:{entry.name}", kwargs=kwargs))
    return urls


def bulk_action_urls(user_pk):
    """Each bulk action registered for the user model, on ``user_pk``."""
    model = User._meta
    actions = bulk_action_registry.get_bulk_actions_for_model(model.app_label, model.model_name)
    return [
        reverse("wagtail_bulk_action", args=(model.app_label, model.model_name, action.action_type))
        + f"?id={user_pk}&next=/admin/users/"
        for action in actions
    ]


def forged_form(target_pk, chief):
    """Everything a hostile form could carry, for any of those screens."""
    return {
        "username": "chiemquyen",
        "email": "chiemquyen@example.com",
        "first_name": "Chiếm",
        "last_name": "Quyền",
        "is_superuser": "on",
        "password1": FORGED_PASSWORD,
        "password2": FORGED_PASSWORD,
        "groups": [chief.pk],
        "role": chief.pk,
        "mark_as_active": "False",
        "user": target_pk,
        "name": "Chiếm quyền",
        "permissions": list(Permission.objects.values_list("pk", flat=True)),
    }


def accounts():
    """What could change on an account, for every account."""
    return {
        user.pk: (
            user.username,
            user.email,
            user.first_name,
            user.is_superuser,
            user.is_active,
            user.password,
            tuple(sorted(user.groups.values_list("pk", flat=True))),
        )
        for user in User.objects.all()
    }


def group_rights():
    return {
        group.pk: (group.name, tuple(sorted(group.permissions.values_list("pk", flat=True))))
        for group in Group.objects.all()
    }


@pytest.fixture
def setting(home_page):
    sync_editorial(apps)
    superuser = make_superuser()
    technical = Group.objects.create(name="Kỹ thuật")
    superuser.groups.add(technical)
    member = make_member(ADMIN_TEAM)
    return superuser, technical, member


def test_the_registered_paths_are_found(setting):
    superuser, technical, _member = setting
    urls = registered_urls(superuser.pk, technical.pk)
    assert f"/admin/users/edit/{superuser.pk}/" in urls
    assert f"/admin/groups/edit/{technical.pk}/" in urls
    bulk = bulk_action_urls(superuser.pk)
    assert any("/set_active_state/" in url for url in bulk)
    assert any("/assign_role/" in url for url in bulk)


@pytest.mark.parametrize("target", ["superuser", "self"])
def test_no_user_or_group_path_lets_the_team_touch_superusers(client, setting, target):
    superuser, technical, member = setting
    client.force_login(member)
    target_pk = superuser.pk if target == "superuser" else member.pk
    chief = role_group(CHIEF)
    before, rights_before = accounts(), group_rights()
    urls = registered_urls(target_pk, technical.pk) + bulk_action_urls(target_pk)
    for url in urls:
        page = client.get(url)
        assert page.status_code < 500, url
        assert 'type="checkbox" name="is_superuser"' not in page.content.decode(), url
        response = client.post(url, forged_form(target_pk, chief))
        assert response.status_code < 500, url
        after = accounts()
        assert after[superuser.pk] == before[superuser.pk], f"{url} changed the superuser"
        assert [pk for pk, row in after.items() if row[3]] == [superuser.pk], url
        assert group_rights() == rights_before, f"{url} changed a group's rights"
    superuser.refresh_from_db()
    assert superuser.check_password("secret-pass-123")
