"""Two-factor login (django-otp): an authenticator app plus backup codes.

Required of the roles that reach personal data (``PERSONAL_DATA_ROLES``), member
administrators' among them. Enrolling or replacing an app and making backup
codes change who can log in as whom, so each is an access-log event.
"""

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from umebra import access
from umebra.access import Actor
from umebra.audit.models import AccessAction
from umebra.two_factor.models import (
    BackupCode,
    BackupCodeDevice,
    backup_code_digest,
    backup_code_new,
)

BACKUP_CODE_COUNT = 10
APP_DEVICE_NAME = "app"
BACKUP_DEVICE_NAME = "backup"


@transaction.atomic
def totp_enrolment_start(*, actor: Actor) -> TOTPDevice:
    """The unconfirmed app device the actor is enrolling; one is made on first call."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=actor.user, confirmed=False, defaults={"name": APP_DEVICE_NAME}
    )
    return device


@transaction.atomic
def totp_confirm(*, actor: Actor, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the enrolment if ``token`` is right; return the new backup codes, else None.

    A confirmed app replaces any earlier one, so a lost phone is replaced by enrolling anew.
    """
    if device.user_id != actor.person.pk or not device.verify_token(token):
        return None
    replaced, _by_model = TOTPDevice.objects.filter(user=device.user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    reason = "authenticator replaced" if replaced else "authenticator enrolled"
    access.record(actor, AccessAction.CREATE, TOTPDevice, device.pk, reason=reason)
    return backup_codes_renew(actor=actor)


@transaction.atomic
def backup_codes_renew(*, actor: Actor) -> list[str]:
    """Replace the actor's backup codes with fresh single-use ones and return them: the only
    time they are seen, since only their hashes are kept."""
    device, _created = BackupCodeDevice.objects.get_or_create(
        user=actor.user, defaults={"name": BACKUP_DEVICE_NAME}
    )
    device.codes.all().delete()
    codes = [backup_code_new() for _ in range(BACKUP_CODE_COUNT)]
    BackupCode.objects.bulk_create(
        BackupCode(device=device, digest=backup_code_digest(code)) for code in codes
    )
    access.record(
        actor, AccessAction.CREATE, BackupCodeDevice, device.pk, reason="backup codes made"
    )
    return codes
