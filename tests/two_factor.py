"""Sign test users in with a real second factor: a TOTP device and the code it shows now."""

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from security.two_factor import has_second_factor, requires_two_factor


def current_code(device):
    """The code an authenticator app with ``device``'s secret shows now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def app_device(user):
    """The user's confirmed TOTP device, enrolled now if there is none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def verify_second_factor(client, user):
    """Do what the second step of sign-in does: check a fresh code, mark the session."""
    device = app_device(user)
    device.last_t = -1  # several sign-ins in one test may fall in the same 30 seconds
    assert device.verify_token(current_code(device)), "the device must accept its own code"
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def install_verified_login():
    """The test client's ``login`` and ``force_login`` also pass the second step for users who
    must (or chose to) use one, so tests that sign a board leader in use the admin as that
    leader would. Returns the plain method, to put back."""
    plain_login = Client._login

    def _login(client, user, backend=None):
        plain_login(client, user, backend)
        if requires_two_factor(user) or has_second_factor(user):
            verify_second_factor(client, user)

    Client._login = _login
    return plain_login


def fresh_code(user):
    """A code the user's app shows now, usable even if one was used in these 30 seconds."""
    device = app_device(user)
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    return current_code(device)


def pass_second_step(page, user):
    """In the browser, after the password: type the code of the user's app, as they would."""
    page.wait_for_url("**/admin/two-factor/verify/**")
    page.fill("input[name=token]", fresh_code(user))
    page.click("form.login-form button[type=submit]")
