import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from umebra.validators import normalise_organisation_number, validate_not_in_future


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("212000-2627", "212000-2627"),  # Umeå kommun
        ("2021000076", "202100-0076"),  # Polismyndigheten, without the hyphen
        (" 202100-5448 ", "202100-5448"),
    ],
)
def test_valid_numbers_are_normalised(given, expected):
    assert normalise_organisation_number(given) == expected


@pytest.mark.parametrize(
    ("given", "code"),
    [
        ("212000-2628", "checksum"),
        ("21200-2627", "format"),
        ("abcdef-ghij", "format"),
        ("", "format"),
        ("800412-2388", "month"),  # a personal identity number, not an organisation
    ],
)
def test_invalid_numbers_are_refused_with_a_reason(given, code):
    with pytest.raises(ValidationError) as raised:
        normalise_organisation_number(given)
    assert raised.value.code == code


@pytest.mark.parametrize(
    ("when", "refused"),
    [
        (lambda: timezone.localdate(), False),
        (lambda: timezone.localdate() + datetime.timedelta(days=1), True),
        (lambda: timezone.now() + datetime.timedelta(minutes=2), False),  # a clock a bit ahead
        (lambda: timezone.now() + datetime.timedelta(hours=1), True),
    ],
)
def test_what_has_not_happened_yet_is_refused(when, refused):
    if refused:
        with pytest.raises(ValidationError, match="har inte hänt än"):
            validate_not_in_future(when())
    else:
        validate_not_in_future(when())
