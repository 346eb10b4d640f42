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


def install_verified_force_login():
    """``Client.force_login`` also passes the second step for users who must (or did) enrol,
    so tests that sign a board leader in use the admin as that leader would."""
    plain_force_login = Client.force_login

    def force_login(client, user, backend=None):
        plain_force_login(client, user, backend)
        if requires_two_factor(user) or has_second_factor(user):
            verify_second_factor(client, user)

    Client.force_login = force_login
    return plain_force_login
