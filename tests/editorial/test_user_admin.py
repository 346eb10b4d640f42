"""The administration team assigns roles, but cannot make or take over a superuser."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from editorial.roles import ADMIN_TEAM, EDITOR, sync_editorial
from tests.editorial.conftest import role_group
from tests.factories import make_member, make_superuser

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def team_client(client, home_page):
    sync_editorial(apps)
    client.force_login(make_member(ADMIN_TEAM))
    return client


def new_user_form(username, **extra):
    return {
        "username": username,
        "email": f"{username}@example.com",
        "first_name": "Lan",
        "last_name": "Nguyễn Thị",
        "password1": "Bbt-HaTinh-2026!",
        "password2": "Bbt-HaTinh-2026!",
        **extra,
    }


def test_the_team_creates_an_editor_but_not_a_superuser(team_client):
    page = team_client.get("/admin/users/new/").content.decode()
    assert 'name="is_superuser"' not in page, "only superusers see the Administrator box"

    editors = role_group(EDITOR)
    form = new_user_form("btv2", is_superuser="on", groups=[editors.pk])
    response = team_client.post("/admin/users/new/", form)
    assert response.status_code == 302
    created = User.objects.get(username="btv2")
    assert not created.is_superuser, "a forged Administrator box is ignored"
    assert list(created.groups.values_list("board_role__key", flat=True)) == [EDITOR]


def test_the_team_cannot_promote_an_existing_member(team_client):
    member = make_member(EDITOR, "btv3")
    form = {
        "username": "btv3",
        "email": "btv3@example.com",
        "first_name": "Minh",
        "last_name": "Trần",
        "is_active": "on",
        "is_superuser": "on",
        "groups": [role_group(EDITOR).pk],
    }
    response = team_client.post(f"/admin/users/edit/{member.pk}/", form)
    assert response.status_code == 302
    member.refresh_from_db()
    assert not member.is_superuser
    assert member.first_name == "Minh", "the rest of the edit is saved"


def test_the_team_cannot_open_or_reset_a_superuser(team_client):
    admin = make_superuser()
    refused = team_client.get(f"/admin/users/edit/{admin.pk}/", follow=True)
    assert refused.redirect_chain == [("/admin/", 302)], "Wagtail's 'no permission' redirect"
    assert "Rất tiếc, bạn không có quyền truy cập khu vực này." in refused.content.decode()
    form = {
        "username": "admin",
        "email": "admin@example.com",
        "is_active": "on",
        "password1": "Chiem-Quyen-2026!",
        "password2": "Chiem-Quyen-2026!",
    }
    assert team_client.post(f"/admin/users/edit/{admin.pk}/", form).url == "/admin/"
    admin.refresh_from_db()
    assert admin.check_password("secret-pass-123")


def test_a_superuser_still_grants_superuser(client, home_page):
    client.force_login(make_superuser())
    assert 'name="is_superuser"' in client.get("/admin/users/new/").content.decode()
    response = client.post("/admin/users/new/", new_user_form("kythuat", is_superuser="on"))
    assert response.status_code == 302
    assert User.objects.get(username="kythuat").is_superuser


def test_no_copy_screen_promotes_or_overwrites_an_account(team_client):
    """Wagtail's copy view showed the Administrator box and saved onto the copied account."""
    member = make_member(EDITOR, "btv4")
    copy_url = f"/admin/users/copy/{member.pk}/"
    assert team_client.get(copy_url).status_code == 404
    forged = new_user_form("chiemquyen", is_superuser="on", is_active="on")
    assert team_client.post(copy_url, forged).status_code == 404
    member.refresh_from_db()
    assert (member.username, member.is_superuser) == ("btv4", False)
    assert not User.objects.filter(is_superuser=True).exists()
    listing = team_client.get("/admin/users/").content.decode()
    assert "/admin/users/copy/" not in listing, "no Copy button left pointing at it"


def test_bulk_actions_refuse_superusers_but_still_work_on_members(team_client):
    admin = make_superuser()
    member = make_member(EDITOR, "btv5")
    url = "/admin/bulk/auth/user/set_active_state/?id={}&next=/admin/users/"
    refused = team_client.post(url.format(admin.pk), {"mark_as_active": "False"}, follow=True)
    assert "Rất tiếc, bạn không có quyền truy cập khu vực này." in refused.content.decode()
    admin.refresh_from_db()
    assert admin.is_active
    done = team_client.post(url.format(member.pk), {"mark_as_active": "False"})
    assert done.status_code == 302
    member.refresh_from_db()
    assert not member.is_active
