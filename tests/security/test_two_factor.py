"""Two-factor login through the admin's own screens, signed in with the real login form."""

import base64
import hashlib
import hmac
import re
import struct
import time

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.roles import ADMIN_TEAM, CHIEF, CONTRIBUTOR, DEPUTY, EDITOR, sync_editorial
from security.two_factor import requires_two_factor, set_totp_secret
from tests.factories import make_member, make_superuser
from tests.two_factor import app_device, current_code

pytestmark = pytest.mark.django_db

PASSWORD = "right-pass-123"
DASHBOARD = "/admin/"


@pytest.fixture
def member(django_user_model):
    sync_editorial(apps)
    return lambda role, username=None: make_member(
        role, username or role, PASSWORD, email="m@example.com"
    )


def sign_in(client, user, password=PASSWORD):
    answer = client.post("/admin/login/", {"username": user.username, "password": password})
    assert answer.status_code == 302, "the password step must pass"


def rfc6238_code(secret, at=None):
    """A TOTP code computed from RFC 6238 itself (SHA-1, 30 s, 6 digits), not by django-otp."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


@pytest.mark.parametrize("role", [CHIEF, DEPUTY, ADMIN_TEAM])
def test_leaders_and_the_administration_team_must_enrol(client, member, role):
    user = member(role)
    sign_in(client, user)
    for url in (DASHBOARD, "/admin/pages/", "/admin/users/"):
        answer = client.get(url)
        assert answer.status_code == 302, f"{role} must not reach {url} before enrolling"
        assert answer["Location"].startswith(reverse("security_two_factor_setup"))


def test_superusers_must_enrol(client):
    admin = make_superuser(password=PASSWORD)
    sign_in(client, admin)
    assert client.get(DASHBOARD)["Location"].startswith(reverse("security_two_factor_setup"))


@pytest.mark.parametrize("role", [CONTRIBUTOR, EDITOR])
def test_other_roles_may_go_without(client, member, role):
    sign_in(client, member(role))
    assert client.get(DASHBOARD).status_code == 200


def test_the_requirement_follows_the_permission_not_the_group_name(member):
    chief = member(CHIEF)
    Group.objects.filter(board_role__key=CHIEF).update(name="Lãnh đạo Ban")
    chief = type(chief).objects.get(pk=chief.pk)
    assert requires_two_factor(chief)
    editor = member(EDITOR)
    editor.user_permissions.add(Permission.objects.get(codename="require_two_factor"))
    editor = type(editor).objects.get(pk=editor.pk)
    assert requires_two_factor(editor), "the permission alone makes it compulsory"


def test_enrolment_with_the_qr_code_then_backup_codes(client, member):
    deputy = member(DEPUTY)
    sign_in(client, deputy)
    setup = client.get(reverse("security_two_factor_setup"))
    html = setup.content.decode()
    assert setup.status_code == 200
    assert "Xác thực hai bước" in html
    assert 'src="data:image/svg+xml;base64,' in html, "the QR code is drawn by the portal"
    device = TOTPDevice.objects.get(user=deputy, confirmed=False)
    secret = re.search(r"<code>([A-Z2-7]+)</code>", html).group(1)

    wrong = client.post(reverse("security_two_factor_setup"), {"token": "000000"})
    assert "Mã không đúng" in wrong.content.decode()
    assert client.get(DASHBOARD).status_code == 302, "still gated after a wrong code"
    time.sleep(1.1)  # django-otp makes the next try wait after a wrong code (1 s, then 2, 4...)

    done = client.post(reverse("security_two_factor_setup"), {"token": rfc6238_code(secret)})
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", done.content.decode())
    assert len(codes) == 10, "ten backup codes are shown once"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(DASHBOARD).status_code == 200, "enrolled and verified: the admin opens"


def test_an_enrolled_member_gives_a_code_after_the_password(client, member):
    chief = member(CHIEF)
    device = app_device(chief)
    sign_in(client, chief)
    gate = client.get("/admin/pages/")
    assert gate["Location"].startswith(reverse("security_two_factor_verify"))
    assert client.post(reverse("security_two_factor_verify"), {"token": "123"}).status_code == 400
    time.sleep(1.1)  # the wait django-otp imposes after a wrong code
    answer = client.post(
        reverse("security_two_factor_verify"),
        {"token": current_code(device), "next": "/admin/pages/"},
    )
    assert answer["Location"] == "/admin/pages/"
    assert client.get(DASHBOARD).status_code == 200


def test_the_verify_step_never_redirects_off_site(client, member):
    chief = member(CHIEF)
    device = app_device(chief)
    sign_in(client, chief)
    answer = client.post(
        reverse("security_two_factor_verify"),
        {"token": current_code(device), "next": "https://attacker.example/"},
    )
    assert answer["Location"] == DASHBOARD


def test_an_enrolled_member_cannot_enrol_a_new_phone_before_verifying(client, member):
    chief = member(CHIEF)
    app_device(chief)
    sign_in(client, chief)
    answer = client.get(reverse("security_two_factor_setup"))
    assert answer.status_code == 302
    assert answer["Location"].startswith(reverse("security_two_factor_verify"))


def test_an_optional_member_who_enrolled_is_asked_too(client, member):
    editor = member(EDITOR)
    app_device(editor)
    sign_in(client, editor)
    assert client.get(DASHBOARD)["Location"].startswith(reverse("security_two_factor_verify"))


def test_a_backup_code_signs_in_once(client, member):
    chief = member(CHIEF)
    app_device(chief)
    client.force_login(chief)
    page = client.post(reverse("security_backup_codes"))
    code = re.findall(r"<li><code>([a-z2-7]+)</code></li>", page.content.decode())[0]
    for attempt in (1, 2):
        client.logout()
        sign_in(client, chief)
        answer = client.post(reverse("security_two_factor_verify"), {"token": code})
        if attempt == 1:
            assert answer.status_code == 302
        else:
            assert answer.status_code == 400, "a backup code works only once"
    assert StaticToken.objects.filter(device__user=chief).count() == 9


def test_the_administration_team_resets_a_members_device(client, member):
    chief = member(CHIEF)
    app_device(chief)
    client.force_login(member(ADMIN_TEAM, "quantri"))
    listing = client.get(reverse("security_two_factor_members"))
    assert chief.username in listing.content.decode()
    client.post(reverse("security_two_factor_reset", args=(chief.pk,)))
    assert not TOTPDevice.objects.filter(user=chief).exists()
    client.logout()
    sign_in(client, chief)
    assert client.get(DASHBOARD)["Location"].startswith(reverse("security_two_factor_setup"))


def test_only_a_superuser_resets_a_superusers_device(client, member):
    admin = make_superuser("sieuquantri")
    app_device(admin)
    client.force_login(member(ADMIN_TEAM, "quantri"))
    assert admin.username not in client.get(reverse("security_two_factor_members")).content.decode()
    client.post(reverse("security_two_factor_reset", args=(admin.pk,)))
    assert TOTPDevice.objects.filter(user=admin).exists()
    client.force_login(make_superuser("root"))
    client.post(reverse("security_two_factor_reset", args=(admin.pk,)))
    assert not TOTPDevice.objects.filter(user=admin).exists()


def test_editors_cannot_reset_devices(client, member):
    chief = member(CHIEF)
    app_device(chief)
    client.force_login(member(EDITOR))
    client.post(reverse("security_two_factor_reset", args=(chief.pk,)))
    assert TOTPDevice.objects.filter(user=chief).exists()


# The NukeViet import carries TOTP secrets over -------------------------------------------

NUKEVIET_SECRET = "jbsw y3dp ehpk 3pxp"  # base32 as NukeViet stores it, any case and spacing


def test_a_carried_over_secret_accepts_the_members_existing_app(client, member):
    chief = member(CHIEF)
    device = set_totp_secret(chief, NUKEVIET_SECRET)
    assert device.confirmed and device.step == 30
    sign_in(client, chief)
    code = rfc6238_code("JBSWY3DPEHPK3PXP")
    answer = client.post(reverse("security_two_factor_verify"), {"token": code})
    assert answer.status_code == 302, "the code of the app set up on NukeViet must pass"
    assert client.get(DASHBOARD).status_code == 200


def test_a_carried_over_secret_replaces_an_older_device(member):
    chief = member(CHIEF)
    app_device(chief)
    set_totp_secret(chief, "JBSWY3DPEHPK3PXP")
    assert TOTPDevice.objects.filter(user=chief).count() == 1


@pytest.mark.parametrize("secret", ["", "not base32!", "A" * 100])
def test_a_broken_secret_is_refused(member, secret):
    with pytest.raises(ValueError):
        set_totp_secret(member(CHIEF), secret)


def test_the_gate_lets_every_admin_page_load_its_icons(client, member):
    """The icon sprite is fetched by script on the gate's own page: redirected, it would put
    a second copy of the gate's form into the page."""
    sign_in(client, member(CHIEF))
    assert client.get(reverse("wagtailadmin_sprite")).status_code == 200
    assert client.get(reverse("wagtailadmin_javascript_catalog")).status_code == 200
