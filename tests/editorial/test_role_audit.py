"""Every change of a user's groups is in the audit log with who made it, in the role-changes
report, and in the superusers' mailboxes, whatever path made it."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from wagtail.models import ModelLogEntry

from editorial.role_audit import GROUPS_CHANGED
from editorial.roles import ADMIN_TEAM, CHIEF, CONTRIBUTOR, EDITOR
from tests.editorial.conftest import csv_rows, role_group
from tests.factories import make_member, make_superuser

pytestmark = pytest.mark.django_db
User = get_user_model()
REPORT = reverse("editorial_role_changes")


@pytest.fixture
def superuser(board):
    """A superuser to be told; what setting up the board recorded is forgotten."""
    admin = make_superuser()
    ModelLogEntry.objects.filter(action=GROUPS_CHANGED).delete()
    mail.outbox.clear()
    return admin


def entries():
    return list(ModelLogEntry.objects.filter(action=GROUPS_CHANGED).order_by("pk"))


def edit_form(user, groups):
    return {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name or "Nguyễn",
        "is_active": "on",
        "groups": [role_group(role).pk for role in groups],
    }


def test_the_team_giving_itself_the_chiefs_role_is_logged_and_mailed(client, board, superuser):
    team = board[ADMIN_TEAM]
    client.force_login(team)
    response = client.post(
        reverse("wagtailusers_users:edit", args=(team.pk,)), edit_form(team, [ADMIN_TEAM, CHIEF])
    )
    assert response.status_code == 302
    assert role_group(CHIEF) in team.groups.all()

    [entry] = entries()
    assert entry.user == team, "who made the change"
    assert entry.object_id == str(team.pk)
    assert entry.data["added"] == [role_group(CHIEF).name] and entry.data["removed"] == []
    [message] = mail.outbox
    assert message.to == [superuser.email]
    assert "\n" not in message.subject and "quantri" in message.subject
    assert "Trưởng Ban biên tập" in message.body and "quantri" in message.body
    assert "http://testserver" + REPORT in message.body


def test_the_user_screen_records_additions_and_removals(client, board, superuser):
    member = board[EDITOR]
    client.force_login(board[ADMIN_TEAM])
    client.post(
        reverse("wagtailusers_users:edit", args=(member.pk,)), edit_form(member, [CONTRIBUTOR])
    )
    changes = [(entry.user, entry.data["added"], entry.data["removed"]) for entry in entries()]
    assert sorted(changes, key=repr) == sorted(
        [
            (board[ADMIN_TEAM], [], [role_group(EDITOR).name]),
            (board[ADMIN_TEAM], [role_group(CONTRIBUTOR).name], []),
        ],
        key=repr,
    )
    assert len(mail.outbox) == 2


def test_a_new_user_created_with_a_role_is_recorded(client, board, superuser):
    client.force_login(board[ADMIN_TEAM])
    form = {
        "username": "btvmoi",
        "email": "btvmoi@example.com",
        "first_name": "Hoa",
        "last_name": "Lê Thị",
        "password1": "Bbt-HaTinh-2026!",
        "password2": "Bbt-HaTinh-2026!",
        "groups": [role_group(EDITOR).pk],
    }
    assert client.post(reverse("wagtailusers_users:add"), form).status_code == 302
    [entry] = entries()
    assert entry.label == "Lê Thị Hoa" and entry.user == board[ADMIN_TEAM]
    assert entry.data == {"username": "btvmoi", "added": [role_group(EDITOR).name], "removed": []}


def test_the_bulk_assign_role_action_is_recorded(client, board, superuser):
    first, second = make_member(CONTRIBUTOR, "ctv3"), make_member(CONTRIBUTOR, "ctv4")
    mail.outbox.clear()
    ModelLogEntry.objects.filter(action=GROUPS_CHANGED).delete()  # their own creation
    client.force_login(board[ADMIN_TEAM])
    url = (
        reverse("wagtail_bulk_action", args=("auth", "user", "assign_role"))
        + f"?id={first.pk}&id={second.pk}"
    )
    response = client.post(url, {"role": role_group(EDITOR).pk})
    assert response.status_code == 302
    recorded = {(entry.data["username"], entry.user) for entry in entries()}
    assert recorded == {("ctv3", board[ADMIN_TEAM]), ("ctv4", board[ADMIN_TEAM])}
    assert len(mail.outbox) == 2


def test_changes_outside_the_admin_are_recorded_as_the_systems(board, superuser):
    member = board[EDITOR]
    member.groups.clear()
    role_group(CHIEF).user_set.add(member)
    changes = [(entry.user, entry.data["added"], entry.data["removed"]) for entry in entries()]
    assert changes == [
        (None, [], [role_group(EDITOR).name]),
        (None, [role_group(CHIEF).name], []),
    ]
    role_group(CHIEF).user_set.remove(board[CONTRIBUTOR])  # not a member: nothing to record
    assert len(entries()) == 2


@override_settings(
    EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    EMAIL_HOST="127.0.0.1",
    EMAIL_PORT=9299,  # nothing listens here: the SMTP connection is refused
)
def test_a_failed_e_mail_never_fails_the_change(client, board, superuser):
    member = board[EDITOR]
    client.force_login(board[ADMIN_TEAM])
    response = client.post(
        reverse("wagtailusers_users:edit", args=(member.pk,)), edit_form(member, [EDITOR, CHIEF])
    )
    assert response.status_code == 302
    assert role_group(CHIEF) in member.groups.all()
    assert len(entries()) == 1


def test_the_role_changes_report_for_the_team_and_superusers(client, board, superuser):
    board[EDITOR].groups.add(role_group(CHIEF))
    for user in (superuser, board[ADMIN_TEAM]):
        client.force_login(user)
        html = client.get(REPORT).content.decode()
        assert "Được thêm vào: Trưởng Ban biên tập" in html
    rows = csv_rows(client.get(REPORT, {"export": "csv"}))
    assert rows[1][1:] == ["hệ thống", "btv", "Được thêm vào: Trưởng Ban biên tập"]
    for role in (EDITOR, CHIEF):
        client.force_login(board[role])
        assert client.get(REPORT).status_code == 302


def test_wagtail_site_history_names_the_action(client, board, superuser):
    board[EDITOR].groups.add(role_group(CHIEF))
    client.force_login(superuser)
    html = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Được thêm vào: Trưởng Ban biên tập" in html
