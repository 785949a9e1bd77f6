"""The project's faster widget templates (templates/django/forms) draw what Django's draw."""

import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, TemplatesSetting


class Every(forms.Form):
    single = forms.ChoiceField(
        choices=[("1", "Ett"), ("2", "<Två>"), ("Grupp", [("3", "Tre")])], initial="2"
    )
    several = forms.MultipleChoiceField(choices=[("1", "Ett"), ("2", "Två")], initial=["1"])
    boxes = forms.MultipleChoiceField(
        choices=[("1", "Ett"), ("2", "<Två>"), ("Grupp", [("3", "Tre")])],
        widget=forms.CheckboxSelectMultiple,
        initial=["2"],
    )
    radio = forms.ChoiceField(
        choices=[("x", "X"), ("y", "Y")], widget=forms.RadioSelect, initial="y"
    )


def _tidy(html: str) -> str:
    """The same markup up to the whitespace Django's includes leave between tags."""
    return re.sub(r"\s+", " ", re.sub(r">\s+", ">", html)).strip()


@pytest.mark.parametrize("name", list(Every.base_fields))
def test_the_project_widgets_draw_the_same_html_as_djangos(name):
    ours = str(Every(renderer=TemplatesSetting())[name])
    djangos = str(Every(renderer=DjangoTemplates())[name])
    assert _tidy(ours) == _tidy(djangos)


@pytest.mark.parametrize("widget", ["select.html", "multiple_input.html"])
def test_forms_draw_with_the_project_widget_templates(widget, settings):
    from django.template.loader import get_template

    origin = get_template(f"django/forms/widgets/{widget}").origin.name
    assert origin == str(settings.BASE_DIR / "templates" / "django" / "forms" / "widgets" / widget)
