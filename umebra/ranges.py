"""Plausible ranges for figures people type: a value outside is a slip of the keyboard (a lost
decimal comma, a digit too many), refused with the range in the message before it reaches a
page, a total or the public promises page.

The bounds are generous on purpose: they catch 624 % and 125 050 kr for 1 250,50, not an
unusual but true figure.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext, gettext_lazy

from umebra.numbers import figure

UNITS = {
    "percent": "%",
    "hours": gettext_lazy("hours"),
    "kronor": "kr",
    "people": gettext_lazy("people"),
}


@deconstructible
class PlausibleRange:
    """Refuses a value outside ``low``–``high``, naming the range in the reader's language."""

    def __init__(self, low: int, high: int, unit: str):
        self.low, self.high, self.unit = low, high, unit

    def __call__(self, value) -> None:
        if value is not None and not Decimal(self.low) <= Decimal(value) <= Decimal(self.high):
            raise ValidationError(self.message(), code="out_of_range")

    def message(self) -> str:
        return gettext("Enter a value between %(low)s and %(high)s %(unit)s.") % {
            "low": figure(self.low),
            "high": figure(self.high),
            "unit": UNITS[self.unit],
        }

    def __eq__(self, other) -> bool:
        return isinstance(other, PlausibleRange) and self.deconstruct() == other.deconstruct()


#: A share of a whole.
PERCENTAGE = PlausibleRange(0, 100, "percent")
#: The working hours of one effort, all organisations together: an effort is one day's work,
#: and eighty people working a full day is about 2 000 hours. A longer undertaking is logged
#: day by day.
EFFORT_HOURS = PlausibleRange(0, 2_000, "hours")
#: An amount of money: the municipality's whole yearly safety budget is far below it.
AMOUNT = PlausibleRange(0, 100_000_000, "kronor")
#: People reached by one effort or one piece of feedback: several times Umeå's population
#: (about 130 000), room for a message shared far beyond it.
PEOPLE = PlausibleRange(0, 1_000_000, "people")


def for_unit(unit: str) -> PlausibleRange | None:
    """The range an indicator's unit implies: a percentage is 0–100; other units (per 1 000
    residents, a count, an index) have no bound common to them all."""
    percent = "%" in unit or unit.strip().lower() in {"procent", "percent"}
    return PERCENTAGE if percent else None
