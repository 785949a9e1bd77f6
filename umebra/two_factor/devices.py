"""What the two-factor pages, the menu and the middleware read about a user and their
devices. Nothing here writes: the writes are in ``umebra.two_factor.services``."""

import base64

import segno
from django_otp.plugins.otp_totp.models import TOTPDevice

from umebra import access
from umebra.models import User
from umebra.roles import PERSONAL_DATA_ROLES


def two_factor_required(user: User) -> bool:
    return access.actor_for(user).role in PERSONAL_DATA_ROLES


def has_confirmed_device(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def totp_secret(device: TOTPDevice) -> str:
    """The key as the base32 text an authenticator app accepts when typed in."""
    return base64.b32encode(device.bin_key).decode()


def totp_qr_svg(device: TOTPDevice, *, title: str) -> str:
    """The device's otpauth:// URI as an inline SVG QR code (no script, no inline style)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, title=title, border=2)
