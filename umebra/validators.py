"""Validators for Swedish identity numbers, shared by every app that stores them."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_ORGANISATION_NUMBER = re.compile(r"^(\d{6})-?(\d{4})$")


def luhn_valid(digits: str) -> bool:
    """The Luhn (mod 10) check used by Swedish personal and organisation numbers."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def normalise_organisation_number(value: str) -> str:
    """Return ``NNNNNN-NNNN`` for a valid organisation number, or raise ``ValidationError``."""
    match = _ORGANISATION_NUMBER.match(value.strip())
    if not match:
        raise ValidationError(
            _("An organisation number has ten digits, written NNNNNN-NNNN."), code="format"
        )
    digits = match[1] + match[2]
    # The third digit of an organisation number is at least 2, which tells it from a
    # personal identity number (whose third digit is the first of the month).
    if int(digits[2]) < 2:
        raise ValidationError(
            _("This is not an organisation number (the third digit must be 2 or more)."),
            code="month",
        )
    if not luhn_valid(digits):
        raise ValidationError(
            _("The organisation number's check digit is wrong. Check for a typo."),
            code="checksum",
        )
    return f"{match[1]}-{match[2]}"


def validate_organisation_number(value: str) -> None:
    normalise_organisation_number(value)
