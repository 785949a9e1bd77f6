import pytest
from django.core.exceptions import ValidationError

from umebra.validators import normalise_organisation_number


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
