"""Sign-in lockout through Wagtail's real login form and password reset form."""

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse

from editorial.roles import ADMIN_TEAM, sync_editorial
from tests.factories import make_superuser

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "right-pass-123"
LOCKED_MESSAGE = "Đăng nhập sai quá nhiều lần"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("bientap", "bientap@example.com", PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail_until_locked(client, username, address="203.0.113.7"):
    return [sign_in(client, username, "wrong", address) for _ in range(settings.AXES_FAILURE_LIMIT)]


def test_repeated_failures_lock_the_account_for_that_address(client, editor):
    answers = fail_until_locked(client, "bientap")
    assert [a.status_code for a in answers[:-1]] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    locked = sign_in(client, "bientap", PASSWORD)
    assert locked.status_code == 429, "the right password must be refused while locked"
    assert LOCKED_MESSAGE in locked.content.decode(), "the login page says why, in Vietnamese"
    assert "_auth_user_id" not in client.session


def test_the_same_account_still_signs_in_from_another_address(client, editor):
    fail_until_locked(client, "bientap", address="203.0.113.7")
    answer = sign_in(client, "bientap", PASSWORD, address="198.51.100.20")
    assert answer.status_code == 302, "a lock on one address must not lock the account out"
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_the_lock_ends_after_the_cool_off_time(client, editor, settings):
    fail_until_locked(client, "bientap")
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time - settings.AXES_COOLOFF_TIME
    )
    assert sign_in(client, "bientap", PASSWORD).status_code == 302


def test_changing_browser_does_not_reset_the_count(client, editor):
    for number in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN,
            {"username": "bientap", "password": "wrong"},
            REMOTE_ADDR="203.0.113.7",
            HTTP_USER_AGENT=f"browser {number}",
        )
    assert sign_in(client, "bientap", PASSWORD).status_code == 429


def test_unknown_and_known_accounts_get_the_same_answers(client, editor):
    def answers(username):
        return [
            (response.status_code, LOCKED_MESSAGE in response.content.decode())
            for response in fail_until_locked(client, username) + [sign_in(client, username, "x")]
        ]

    assert answers("bientap") == answers("khong-ton-tai")


def test_a_forwarded_address_is_ignored_unless_the_proxy_is_trusted(client, editor, settings):
    settings.BEHIND_TRUSTED_PROXY = False
    for number in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN,
            {"username": "bientap", "password": "wrong"},
            REMOTE_ADDR="203.0.113.7",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{number}",
        )
    assert sign_in(client, "bientap", PASSWORD).status_code == 429, (
        "a client must not escape the lock by forging X-Forwarded-For"
    )


def test_behind_a_trusted_proxy_the_last_forwarded_address_counts(client, editor, settings):
    settings.BEHIND_TRUSTED_PROXY = True
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN,
            {"username": "bientap", "password": "wrong"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7",
        )
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
    other = client.post(
        LOGIN,
        {"username": "bientap", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert other.status_code == 302, "readers behind the same proxy are not locked together"


def test_a_successful_sign_in_clears_the_failures(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "bientap", "wrong")
    assert sign_in(client, "bientap", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.exists()


# The password reset form -----------------------------------------------------------------


def ask_reset(client, email, address="203.0.113.7"):
    return client.post(
        reverse("wagtailadmin_password_reset"), {"email": email}, REMOTE_ADDR=address
    )


def test_password_reset_is_limited_per_address_and_email(client, editor):
    answers = [ask_reset(client, "bientap@example.com") for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert all(answer.status_code == 302 for answer in answers)
    assert len(mail.outbox) == settings.AXES_FAILURE_LIMIT
    refused = ask_reset(client, "bientap@example.com")
    assert refused.status_code == 429
    assert LOCKED_MESSAGE in refused.content.decode()
    assert len(mail.outbox) == settings.AXES_FAILURE_LIMIT, "no e-mail once the limit is reached"
    assert ask_reset(client, "bientap@example.com", address="198.51.100.20").status_code == 302


def test_password_reset_answers_the_same_for_unknown_addresses(client, editor):
    def answers(email):
        return [
            (answer.status_code, answer.get("Location"))
            for answer in (ask_reset(client, email) for _ in range(settings.AXES_FAILURE_LIMIT + 1))
        ]

    assert answers("bientap@example.com") == answers("ai-do@example.com")


# The unlock screen ------------------------------------------------------------------------


def admin_team_member(django_user_model):
    """A member of the administration team as the roles define it (rights, not a name)."""
    sync_editorial(apps)
    user = django_user_model.objects.create_user("quantri", "quantri@example.com", PASSWORD)
    user.groups.add(Group.objects.get(board_role__key=ADMIN_TEAM))
    return user


def test_the_administration_team_unlocks_a_locked_sign_in(client, editor, django_user_model):
    fail_until_locked(client, "bientap")
    client.force_login(admin_team_member(django_user_model))
    listing = client.get(reverse("security_lockouts"))
    assert listing.status_code == 200
    assert "bientap" in listing.content.decode() and "203.0.113.7" in listing.content.decode()
    client.post(reverse("security_unlock"), {"username": "bientap", "ip_address": "203.0.113.7"})
    client.logout()
    assert sign_in(client, "bientap", PASSWORD).status_code == 302


def test_only_holders_of_the_unlock_right_see_the_lockouts(client, editor):
    fail_until_locked(client, "bientap")
    client.force_login(editor)
    assert client.get(reverse("security_lockouts")).status_code in (302, 403)
    client.post(reverse("security_unlock"), {"username": "bientap", "ip_address": "203.0.113.7"})
    assert AccessAttempt.objects.exists(), "an editor cannot unlock"


def test_superuser_sees_the_lockouts(client, editor):
    fail_until_locked(client, "bientap")
    client.force_login(make_superuser())
    assert "bientap" in client.get(reverse("security_lockouts")).content.decode()
