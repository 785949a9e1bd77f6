"""Two-factor login (django-otp): an authenticator app plus backup codes.

Required of the roles that reach personal data (``TWO_FACTOR_ROLES``).
"""

import base64

import segno
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from umebra import access
from umebra.models import User
from umebra.roles import TWO_FACTOR_ROLES

BACKUP_CODE_COUNT = 10
APP_DEVICE_NAME = "app"
BACKUP_DEVICE_NAME = "backup"


def two_factor_required(user: User) -> bool:
    membership = access.actor_for(user).membership
    return membership is not None and membership.role in TWO_FACTOR_ROLES


def has_confirmed_device(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def totp_enrolment_device(*, user: User) -> TOTPDevice:
    """The unconfirmed app device being enrolled; one is made on first call."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": APP_DEVICE_NAME}
    )
    return device


def totp_secret(device: TOTPDevice) -> str:
    """The key as the base32 text an authenticator app accepts when typed in."""
    return base64.b32encode(device.bin_key).decode()


def totp_qr_svg(device: TOTPDevice, *, title: str) -> str:
    """The device's otpauth:// URI as an inline SVG QR code (no script, no inline style)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, title=title, border=2)


@transaction.atomic
def totp_confirm(*, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the enrolment if ``token`` is right; return the new backup codes, else None.

    A confirmed app replaces any earlier one, so a lost phone is replaced by enrolling anew.
    """
    if not device.verify_token(token):
        return None
    TOTPDevice.objects.filter(user=device.user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return backup_codes_renew(user=device.user)


@transaction.atomic
def backup_codes_renew(*, user: User) -> list[str]:
    """Replace the user's backup codes with fresh single-use ones and return them."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": BACKUP_DEVICE_NAME}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    device.token_set.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes
