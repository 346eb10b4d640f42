"""Two-factor login with django-otp: TOTP apps, backup codes, and who must use them.

Who must is a permission (``security.require_two_factor``, granted to roles in
editorial/roles.py; superusers hold every permission), never a group name. Anyone who has
enrolled is asked for a code too, required or not: a second factor that can be skipped
protects nothing.
"""

import base64
import binascii
import io

import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

REQUIRE_PERMISSION = "security.require_two_factor"
BACKUP_CODE_COUNT = 10
TOTP_STEP_SECONDS = 30
APP_DEVICE_NAME = "app"
BACKUP_DEVICE_NAME = "backup"
MAX_KEY_BYTES = 40  # what TOTPDevice.key holds (80 hex digits)


def requires_two_factor(user):
    return user.is_authenticated and user.has_perm(REQUIRE_PERMISSION)


def has_second_factor(user):
    return user_has_device(user, confirmed=True)


def pending_app_device(user):
    """The unconfirmed TOTP device of an enrolment under way, made on first call."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def base32_secret(device):
    """The secret as people type it into an app when they cannot scan the code."""
    return base64.b32encode(device.bin_key).decode()


def qr_code_data_uri(device):
    """The enrolment QR code as an SVG data URI: drawn here, nothing asked of another site."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgFillImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@transaction.atomic
def confirm_app_device(device):
    """Make an enrolment final: the one app device of the user, with fresh backup codes."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_backup_codes(device.user)


@transaction.atomic
def new_backup_codes(user):
    """Replace the user's backup codes; each code works once. Returns them to show once."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=BACKUP_DEVICE_NAME)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def reset_second_factor(user):
    """Remove every device of the user: the next sign-in starts enrolment again."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def decode_base32_secret(secret):
    """Bytes of a base32 secret as apps and NukeViet write it (any case, spaces, no padding)."""
    cleaned = "".join(secret.split()).upper().rstrip("=")
    try:
        key = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except (binascii.Error, ValueError) as error:
        raise ValueError(f"not a base32 secret: {secret!r}") from error
    if not 0 < len(key) <= MAX_KEY_BYTES:
        raise ValueError(f"a TOTP secret has 1 to {MAX_KEY_BYTES} bytes, not {len(key)}")
    return key


@transaction.atomic
def set_totp_secret(user, secret):
    """Give ``user`` a confirmed TOTP device with a base32 secret and a 30-second step.

    For the NukeViet import: members keep the authenticator app they already use.
    """
    key = decode_base32_secret(secret)
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(
        user=user,
        name=APP_DEVICE_NAME,
        key=key.hex(),
        step=TOTP_STEP_SECONDS,
        digits=6,
        confirmed=True,
    )
