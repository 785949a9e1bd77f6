"""Form fields for figures as people type them, whatever their browser's locale.

An ``<input type="number">`` reads what is typed by the *browser's* locale: in an English
browser "1250,50" became 125 050 and "1 250,50" nothing at all. These fields are text inputs
(``inputmode`` still brings up a numeric keyboard on a phone), read on the server by
``umebra.numbers.parse_number`` and shown back by ``input_figure`` in the user's language.
"""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from umebra.numbers import input_figure, parse_number


class NumberInput(forms.TextInput):
    """A text input a phone opens with its number keyboard, showing its value as typed back."""

    def __init__(self, attrs=None, *, places: int = 0):
        self.places = places
        mode = "decimal" if places else "numeric"
        super().__init__({"inputmode": mode, "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return input_figure(value, self.places)
        return super().format_value(value)


def _parsed(text) -> Decimal | None:
    """``text`` read as a number, ``None`` when empty; what a field is given (an int from
    code) passes through."""
    if text in forms.Field.empty_values:
        return None
    if isinstance(text, int | float | Decimal):
        return Decimal(str(text))
    try:
        return parse_number(str(text))
    except ValueError as error:
        raise ValidationError(str(error), code="invalid") from error


class DecimalNumberField(forms.DecimalField):
    def __init__(self, *, decimal_places=None, **kwargs):
        kwargs.setdefault("widget", NumberInput(places=decimal_places or 0))
        super().__init__(decimal_places=decimal_places, **kwargs)

    def to_python(self, value):
        return _parsed(value)


class IntegerNumberField(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("widget", NumberInput())
        super().__init__(**kwargs)

    def to_python(self, value):
        """A whole number, or Django's own "Enter a whole number." for anything else."""
        try:
            number = _parsed(value)
            whole = number is None or number == number.to_integral_value()
        except ValidationError:
            whole = False
        if not whole:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return None if number is None else int(number)
