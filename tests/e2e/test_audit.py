"""The auditor's question in the real browser (issue 15): who has seen Alva's data? The
auditor searches the log for her by name, opens an event, and makes her register extract."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in_on
from tests.e2e.test_accessibility import serious_violations

pytestmark = pytest.mark.e2e


def test_the_auditor_finds_alvas_events_and_makes_her_extract(page, live_server, demo):
    base = live_server.url
    log_in_on(page, base, "polis")
    page.get_by_role("link", name="SIG-ärenden").click()  # a list with Alva in it
    page.get_by_role("button", name="Logga ut").click()

    log_in_on(page, base, "dataskydd")
    page.get_by_role("link", name="Åtkomstlogg", exact=True).click()
    page.get_by_label("Person").fill("Alva Testsson")
    page.get_by_role("button", name="Sök").click()
    assert "Alva" not in page.url  # the name never in the address
    people = page.get_by_role("region", name="Personer som hittades")
    expect(people).to_contain_text("Alva Testsson, i registret hos Socialtjänsten")
    events = page.get_by_role("region", name="Händelser")
    # polis works in Umeå and Vännäs: their list showed Alva and Cilla, and Umeå's part of
    # the log names Alva alone (Cilla's is Vännäs' auditors').
    police_list = (
        events.get_by_role("row")
        .filter(has_text="Anders Holm")
        .filter(has_text="SIG-ärenden: 1 visad")
    )
    expect(police_list).to_have_count(1)
    assert serious_violations(page) == []
    police_list.get_by_role("link").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Händelse")
    expect(page.get_by_text("Läsning", exact=True)).to_be_visible()
    shown = page.get_by_role("region", name="Visades på sidan")
    expect(shown).to_contain_text("SIG-ärenden:")
    whose = page.get_by_role("region", name="Vems uppgifter")
    whose.get_by_role("button", name="Registerutdrag för Alva Testsson").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Registerutdrag")
    assert "2008" not in page.url
    expect(page.get_by_text("Personuppgiftsansvarig: Socialtjänsten.")).to_be_visible()
    expect(page.get_by_role("heading", name="Dina rättigheter")).to_be_visible()
    expect(page.get_by_role("cell", name="Anders Holm").first).to_be_visible()
    assert serious_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("button", name="Ladda ner som PDF").click()
    assert download.value.suggested_filename.startswith("registerutdrag-")
