"""Figures as people type them: the parser's table, and every form's numeric fields as text
inputs read on the server, not by the browser's locale."""

import importlib
import pkgutil
from decimal import Decimal

import pytest
from django import forms

import umebra.forms
from umebra.numbers import parse_number

REFUSED = None
# (text, language, value or REFUSED)
READINGS = [
    ("1 250,50", "sv", Decimal("1250.50")),
    ("1250,50", "sv", Decimal("1250.50")),
    ("1250.50", "sv", Decimal("1250.50")),
    ("1 250", "sv", Decimal("1250")),
    ("1\u00a0250,50", "sv", Decimal("1250.50")),
    ("1\u202f250,50", "sv", Decimal("1250.50")),
    ("12 345 678", "sv", Decimal("12345678")),
    ("  62,4 ", "sv", Decimal("62.4")),
    ("-3,5", "sv", Decimal("-3.5")),
    ("\u22123,5", "sv", Decimal("-3.5")),
    (",5", "sv", Decimal("0.5")),
    ("1.250", "sv", Decimal("1.25")),  # a dot is always the decimal point
    ("1,250", "sv", Decimal("1.25")),  # and so is a comma, in Swedish
    ("1,250", "en", REFUSED),  # where English would mean a thousand: refused, not guessed
    ("1250,50", "en", Decimal("1250.50")),
    ("1 250,50", "en", Decimal("1250.50")),
    ("1,250.50", "sv", REFUSED),
    ("1,250.50", "en", REFUSED),
    ("1.2.3", "sv", REFUSED),
    ("12 50", "sv", REFUSED),
    ("1250 ,5", "sv", REFUSED),
    ("5,", "sv", REFUSED),
    ("1e3", "sv", REFUSED),
    ("--3", "sv", REFUSED),
    ("", "sv", REFUSED),
    ("tolv", "sv", REFUSED),
]


@pytest.mark.parametrize(("text", "language", "expected"), READINGS)
def test_a_number_is_read_as_written_or_refused(text, language, expected):
    if expected is REFUSED:
        with pytest.raises(ValueError, match="1 250,50 eller 1250.50" if language == "sv" else
                           "1 250,50 or 1250.50"):  # fmt: skip
            parse_number(text, language)
    else:
        assert parse_number(text, language) == expected


def _project_forms() -> list[type[forms.BaseForm]]:
    """Every form class the project's apps define, after importing their modules."""
    for app in ("umebra", "collaboration", "cases", "reports"):
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, f"{app}."):
            if ".migrations" not in module.name and ".management" not in module.name:
                importlib.import_module(module.name)
    found, todo = [], [forms.BaseForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.split(".")[0] in {"umebra", "collaboration", "cases", "reports"}:
                found.append(sub)
    return found


def test_every_model_form_derives_from_the_projects_base():
    strays = [
        f"{form.__module__}.{form.__name__}"
        for form in _project_forms()
        if issubclass(form, forms.ModelForm) and not issubclass(form, umebra.forms.ModelForm)
    ]
    assert strays == []


def test_every_numeric_field_is_a_text_input_with_an_input_mode():
    numeric = []
    for form in _project_forms():
        for name, field in form.base_fields.items():
            if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
                html = field.widget.render(name, 1250.5)
                numeric.append(name)
                assert 'type="text"' in html, (form, name, html)
                assert 'inputmode="' in html, (form, name, html)
    assert {"hours", "cost", "people_reached", "value", "amount"} <= set(numeric)
