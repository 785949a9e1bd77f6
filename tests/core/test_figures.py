"""Pages write figures one way, ``|figure`` over ``umebra.numbers.figure``: the reader's
decimal mark, thousands grouped, rounded as people round."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template, engines
from django.template.utils import get_app_template_dirs
from django.utils import translation


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


@pytest.mark.parametrize(
    ("language", "expected"),
    [("sv", "12\xa0345,5"), ("en", "12,345.5")],
)
def test_a_figure_reads_as_the_readers_language_writes_it(language, expected):
    with translation.override(language):
        assert render("{{ value|figure:1 }}", value=Decimal("12345.46")) == expected
        assert render("{{ value|figure }}", value=12345.5) == expected


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Decimal("2.50"), "0", "3"),  # half up, as people round, not to even
        (Decimal("1200000.00"), "0", "1\xa0200\xa0000"),
        (Decimal("2.0"), "-1", "2"),  # a whole figure without padding zeros
        (Decimal("2.25"), "-1", "2,3"),
        (Decimal("12500.50"), "-2", "12\xa0500,50"),  # money keeps its öre
        (Decimal("12500.00"), "-2", "12\xa0500"),
        (0.15, "1", "0,2"),  # a float rounds as written, not as stored
        (7, "1", "7,0"),
    ],
)
def test_places_round_half_up_and_negative_places_spare_whole_figures(value, places, expected):
    with translation.override("sv"):
        assert render("{{ value|figure:places }}", value=value, places=places) == expected


def test_no_value_is_written_as_nothing_so_that_a_default_can_stand_in():
    assert render('{{ value|figure:0|default:"–" }}', value=None) == "–"


def project_template_dirs() -> list[Path]:
    """The project's own template directories, not those of Django and the installed packages."""
    found = map(Path, (*engines["django"].engine.dirs, *get_app_template_dirs("templates")))
    return [d for d in found if settings.BASE_DIR in d.parents and "site-packages" not in d.parts]


def test_no_template_formats_a_figure_its_own_way():
    """``floatformat`` groups thousands only when asked and rounds otherwise than charts and
    reports; a page using it would write the same figure differently."""
    own_dirs = project_template_dirs()
    assert len(own_dirs) >= 4, own_dirs  # templates/ and the apps' own
    offenders = [
        str(path)
        for directory in own_dirs
        for path in directory.rglob("*")
        if path.is_file() and "floatformat" in path.read_text(errors="ignore")
    ]
    assert offenders == []


def test_no_module_formats_a_figure_with_floatformat():
    """Forms and reports write figures for people too (a follow-up's help text, a grant's
    outcome): the same rule as templates, through ``umebra.numbers.figure``."""
    root = Path(settings.BASE_DIR)
    offenders = [
        str(path.relative_to(root))
        for package in ("umebra", "cases", "collaboration", "reports")
        for path in (root / package).rglob("*.py")
        if "import floatformat" in path.read_text()
    ]
    assert offenders == []
