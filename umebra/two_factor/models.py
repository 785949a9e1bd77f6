"""Backup codes, kept as keyed hashes.

django-otp's static plugin keeps its codes as plain text, so anyone who read the table (a
backup, a replica) could log in as anyone who has codes. Here only an HMAC of each code is
kept, keyed with ``SECRET_KEY``: the table alone gives nothing to try, and a code's 60 random
bits leave nothing to guess either.
"""

import secrets

from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin, TimestampMixin

# Letters and digits that cannot be mistaken for one another when copied by hand.
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_LENGTH = 12  # 12 × log2(31) ≈ 59 bits


def backup_code_new() -> str:
    """A fresh code, shown in groups of four (``xxxx-xxxx-xxxx``)."""
    code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(code[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def backup_code_digest(code: str) -> str:
    """The keyed hash of a code as typed: spaces, dashes and case do not matter."""
    typed = "".join(code.split()).replace("-", "").lower()
    return salted_hmac("umebra.two_factor.backup-code", typed, algorithm="sha256").hexdigest()


class BackupCodeDevice(TimestampMixin, ThrottlingMixin, Device):
    """A user's single-use backup codes, for when the authenticator app is not at hand."""

    class Meta:
        verbose_name = _("backup codes")
        verbose_name_plural = _("backup codes")

    def get_throttle_factor(self) -> int:
        """Seconds to wait after a wrong code, doubling with each one after."""
        return 1

    def verify_token(self, token) -> bool:
        allowed, _reason = self.verify_is_allowed()
        if not allowed:
            return False
        deleted, _by_model = self.codes.filter(digest=backup_code_digest(str(token))).delete()
        if deleted:
            self.throttle_reset(commit=False)
            self.set_last_used_timestamp(commit=False)
            self.save()
        else:
            self.throttle_increment()
        return bool(deleted)


class BackupCode(models.Model):
    device = models.ForeignKey(BackupCodeDevice, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=64, db_index=True)

    class Meta:
        verbose_name = _("backup code")
        verbose_name_plural = _("backup codes")

    def __str__(self) -> str:
        return f"{self.device}: {self.digest[:8]}…"
