"""A coordinator imports indicator values from CSV: one bad row, its error, the fix, the import."""

import pytest
from playwright.sync_api import expect

from collaboration.models import IndicatorValue

pytestmark = pytest.mark.e2e

HEADER = "indikator;område;period;värde;status;anteckning\n"
ROWS = (
    "Anmälda skadegörelsebrott;Ålidhem;2030-01;14;preliminär;\n"
    "Anmälda skadegörelsebrott;Teg;2030-01;{teg};preliminär;\n"
    "Anmälda narkotikabrott;;2030-Q1;7,5;slutlig;hela kommunen\n"
)


def upload(page, text: str) -> None:
    page.get_by_label("CSV-fil").set_input_files(
        {"name": "varden.csv", "mimeType": "text/csv", "buffer": text.encode()}
    )
    page.get_by_role("button", name="Importera", exact=True).click()


def test_a_bad_row_is_shown_fixed_and_the_file_imported(log_in, live_server):
    page = log_in("samordnare")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Indikatorer").click()
    page.get_by_role("link", name="Importera värden (CSV)").click()

    upload(page, HEADER + ROWS.format(teg="tolv"))
    errors = page.get_by_role("alert")
    expect(errors).to_contain_text("Ingenting importerades: 1 rad behöver rättas.")
    expect(errors).to_contain_text("Rad 3: Värdet “tolv” är inte ett tal.")
    assert not IndicatorValue.objects.filter(period__year=2030).exists()

    upload(page, HEADER + ROWS.format(teg="12"))
    expect(page.get_by_role("status")).to_contain_text("3 rader importerades: 3 nya värden")
    expect(page.get_by_role("heading", level=1)).to_have_text("Indikatorer")
    assert IndicatorValue.objects.filter(period__year=2030).count() == 3
