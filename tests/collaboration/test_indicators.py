"""Indicators: values by hand or from CSV, never half imported; trends per area."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from collaboration.indicator_csv import parse_period
from collaboration.models import Area, Indicator, IndicatorValue
from collaboration.selectors.cycle import indicator_series
from collaboration.services.indicators import indicator_values_import
from tests.factories import log_in, member, umea
from umebra.access import SYSTEM
from umebra.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    Area.objects.create(municipality=umea(), name="Ålidhem", slug="alidhem", population=7100)
    Area.objects.create(municipality=umea(), name="Teg", slug="teg", population=9300)
    return Indicator.objects.create(
        municipality=umea(),
        name="Skadegörelse",
        unit="st",
        source="police_statistics",
        frequency="monthly",
    )


GOOD = (
    "indikator;område;period;värde;status;anteckning\n"
    "Skadegörelse;Ålidhem;2026-03;14;preliminär;\n"
    "Skadegörelse;Teg;2026-03;1 204,5;slutlig;\n"
    "Skadegörelse;;2026-Q1;30;;hela kommunen\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2026", (2026, 1)), ("2026-03", (2026, 3)), ("2026-Q2", (2026, 4)), ("2026 K4", (2026, 10))],
)
def test_periods(text, expected):
    assert parse_period(text) == datetime.date(*expected, 1)


def test_a_good_file_is_imported_and_a_second_import_updates(setup):
    result = indicator_values_import(actor=SYSTEM, data=GOOD.encode())
    assert (result.ok, result.rows, result.created) == (True, 3, 3)
    teg = IndicatorValue.objects.get(area__name="Teg")
    assert teg.value == Decimal("1204.5") and teg.status == "final"
    assert IndicatorValue.objects.get(area=None).period == datetime.date(2026, 1, 1)
    result = indicator_values_import(actor=SYSTEM, data=GOOD.replace(";14;", ";15;").encode())
    assert (result.created, result.updated) == (0, 3)
    assert IndicatorValue.objects.get(area__name="Ålidhem").value == 15


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Inbrott;Teg;2026-03;3;;", "Okänd indikator “Inbrott”"),
        ("Skadegörelse;Mars;2026-03;3;;", "okänt område “Mars”"),
        ("Skadegörelse;Teg;mars;3;;", "perioden “mars”"),
        ("Skadegörelse;Teg;2026-04;tre;;", "värdet “tre” är inte ett tal"),
        ("Skadegörelse;Teg;2026-04;3;kanske;", "status måste vara slutlig eller preliminär"),
        ("Skadegörelse;Ålidhem;2026-03;9;;", "samma indikator, område och period som rad 2"),
    ],
)
def test_one_bad_row_stops_the_whole_file_with_its_reason(setup, line, message):
    result = indicator_values_import(actor=SYSTEM, data=(GOOD + line + "\n").encode())
    assert not result.ok
    assert [number for number, _text in result.errors] == [5]
    assert message.lower() in result.errors[0][1].lower()
    assert not IndicatorValue.objects.exists()


def test_a_file_without_the_columns_or_in_the_wrong_encoding_is_explained(setup):
    assert (
        "saknas: värde"
        in indicator_values_import(actor=SYSTEM, data=b"indikator;period\nx;2026\n").errors[0][1]
    )
    assert (
        "UTF-8"
        in indicator_values_import(actor=SYSTEM, data="Skadegörelse".encode("latin-1")).errors[0][1]
    )
    assert (
        "inga rader"
        in indicator_values_import(actor=SYSTEM, data=GOOD.splitlines()[0].encode()).errors[0][1]
    )


def test_the_import_page_lists_the_rows_to_correct(client, setup):
    log_in(client, member(Role.COORDINATOR))
    bad = GOOD + "Skadegörelse;Teg;2026-13;3;;\n"
    upload = SimpleUploadedFile("varden.csv", bad.encode(), content_type="text/csv")
    response = client.post(reverse("collaboration:indicator-import"), {"file": upload})
    assert response.status_code == 400
    assert "Rad 5:" in response.content.decode()
    assert not IndicatorValue.objects.exists()
    upload = SimpleUploadedFile("varden.csv", GOOD.encode(), content_type="text/csv")
    response = client.post(reverse("collaboration:indicator-import"), {"file": upload})
    assert response.status_code == 302
    assert IndicatorValue.objects.count() == 3


def test_only_csv_files_are_taken(client, setup):
    log_in(client, member(Role.COORDINATOR))
    upload = SimpleUploadedFile("varden.xlsx", b"PK\x03\x04", content_type="application/zip")
    response = client.post(reverse("collaboration:indicator-import"), {"file": upload})
    assert response.status_code == 400
    assert "CSV-fil" in response.content.decode()


@pytest.mark.parametrize(("role", "status"), [(Role.POLITICIAN, 403), (Role.PARTNER, 403)])
def test_only_coordinators_import(client, setup, role, status):
    log_in(client, member(role))
    assert client.get(reverse("collaboration:indicator-import")).status_code == status


def test_the_trend_has_a_line_per_area_with_gaps(setup):
    indicator_values_import(actor=SYSTEM, data=GOOD.encode())
    series = indicator_series(user=member(Role.POLITICIAN), indicator=setup)
    assert series.labels == ["2026-01", "2026-03"]
    assert series.lines == {
        "Hela kommunen": [Decimal(30), None],
        "Teg": [None, Decimal("1204.5")],
        "Ålidhem": [None, Decimal(14)],
    }
    assert series.preliminary


def test_more_areas_than_one_chart_can_tell_apart_are_drawn_as_small_multiples(client, setup):
    """Seven lines (six areas and the whole municipality) as two charts, of four and three,
    each drawn wide and narrow, titled with the indicator, its period and their areas."""
    rows = []
    for n in range(4):
        Area.objects.create(
            municipality=umea(), name=f"Område {n}", slug=f"omrade-{n}", population=1000
        )
        rows.append(f"Skadegörelse;Område {n};2026-03;{n};slutlig;\n")
    assert indicator_values_import(actor=SYSTEM, data=(GOOD + "".join(rows)).encode()).ok
    log_in(client, member(Role.COORDINATOR))
    page = client.get(reverse("collaboration:indicator-detail", args=[setup.pk])).content.decode()
    assert page.count('role="img"') == 4
    assert "Skadegörelse per område, 2026-01 till 2026-03: Hela kommunen, Område 0" in page
    assert ">st</tspan>" in page  # the unit on the value axis


def test_a_value_by_hand_replaces_the_one_for_the_same_period(client, setup):
    log_in(client, member(Role.COORDINATOR))
    url = reverse("collaboration:indicator-value-create", args=[setup.pk])
    data = {"area": "", "period": "2026-05", "value": "12", "status": "final"}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data | {"value": "13"}).status_code == 302
    assert IndicatorValue.objects.get().value == 13
    assert client.post(url, data | {"period": "i maj"}).status_code == 400
