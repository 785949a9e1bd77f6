"""Validators for Swedish identity numbers, shared by every app that stores them."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import timezone
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


_PERSONAL_NUMBER = re.compile(r"^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})$")


def normalise_personal_number(value: str, *, today: datetime.date | None = None) -> str:
    """Return ``YYYYMMDD-NNNN`` for a valid Swedish personal identity number.

    Accepts 12 digits (with or without a hyphen) or 10 digits, where ``+`` marks someone
    over 100. Coordination numbers (day + 60) are accepted too. Raises ``ValidationError``
    with a reason a person can act on.
    """
    match = _PERSONAL_NUMBER.match(value.strip().replace(" ", ""))
    if not match:
        raise ValidationError(
            _("A personal identity number is written YYYYMMDD-NNNN."), code="format"
        )
    century, year, month, day, separator, last = match.groups()
    today = today or datetime.date.today()
    if century is None:
        # Ten digits: the century that makes the person younger than 100, unless '+'.
        born = 2000 + int(year) if 2000 + int(year) <= today.year else 1900 + int(year)
        if separator == "+":
            born -= 100
        century = str(born)[:2]
    real_day = int(day) - 60 if int(day) > 60 else int(day)
    try:
        birth = datetime.date(int(century + year), int(month), real_day)
    except ValueError as error:
        raise ValidationError(
            _("The date of birth in the personal identity number does not exist."), code="date"
        ) from error
    if birth > today:
        raise ValidationError(_("The date of birth lies in the future."), code="date")
    if not luhn_valid(year + month + day + last):
        raise ValidationError(
            _("The personal identity number's check digit is wrong. Check for a typo."),
            code="checksum",
        )
    return f"{century}{year}{month}{day}-{last}"


def birth_date_of(personal_number: str) -> datetime.date:
    """The date of birth in a normalised personal identity number (YYYYMMDD-NNNN)."""
    day = int(personal_number[6:8])
    return datetime.date(
        int(personal_number[:4]), int(personal_number[4:6]), day - 60 if day > 60 else day
    )


def validate_personal_number(value: str) -> None:
    normalise_personal_number(value)


def period_errors(start, end, end_field: str) -> dict:
    """The error of a period that ends before it begins, on its end's field; none for an
    open end. One rule for memberships, consents, agreements and operations."""
    if start and end and end < start:
        return {end_field: _("The period ends before it begins.")}
    return {}


# A phone's clock may run a little ahead of the server's.
CLOCK_SKEW = datetime.timedelta(minutes=5)


def validate_not_in_future(value: datetime.date | datetime.datetime) -> None:
    """For what is recorded as having happened (an observation, an inspection, an effort):
    a date after today, or a time ahead of now, would count in a period yet to come."""
    if isinstance(value, datetime.datetime):
        late = value > timezone.now() + CLOCK_SKEW
    else:
        late = value > timezone.localdate()
    if late:
        raise ValidationError(_("This has not happened yet: give when it happened."))
