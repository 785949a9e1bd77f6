"""``{{ value|figure }}``, ``{{ value|figure:1 }}``: a number as ``umebra.numbers.figure``
writes it, the one way pages write figures (Django's ``floatformat`` groups thousands only when
asked and rounds by other rules than the charts and reports do). A builtin."""

from django import template

from umebra import numbers

register = template.Library()


@register.filter
def figure(value, places=None) -> str:
    """Nothing for no value, so that ``|default:"–"`` can stand in for it."""
    if value is None or value == "":
        return ""
    return numbers.figure(value, None if places is None else int(places))
