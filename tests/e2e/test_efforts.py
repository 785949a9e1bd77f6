"""A coordinator logs a joint effort in the browser, as every day."""

import pytest
from playwright.sync_api import expect

from collaboration.models import JointEffort

pytestmark = pytest.mark.e2e


def test_a_coordinator_logs_an_effort(log_in, live_server):
    page = log_in("samordnare")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name="Samverkansinsatser"
    ).click()
    page.get_by_role("link", name="Logga en insats").click()

    page.get_by_label("Typ").select_option(label="Trygghetsvandring")
    page.get_by_role("group", name="Områden").get_by_label("Ålidhem").check()
    organisations = page.get_by_role("group", name="Deltagande aktörer")
    organisations.get_by_label("Polisen LPO Umeå").check()
    organisations.get_by_label("Bostaden AB").check()
    page.get_by_label("Beskrivning").fill(
        "Kvällsvandring runt Ålidhems centrum med fastighetsvärden."
    )
    page.get_by_label("Timmar").fill("6")
    page.get_by_label("Nådda personer").fill("18")
    page.get_by_role("button", name="Spara", exact=True).click()

    expect(page.get_by_role("status")).to_contain_text("Insatsen loggades.")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Trygghetsvandring")
    logged = JointEffort.objects.get(description__startswith="Kvällsvandring runt Ålidhems")
    assert {o.name for o in logged.organisations.all()} == {"Polisen LPO Umeå", "Bostaden AB"}
    assert [a.name for a in logged.areas.all()] == ["Ålidhem"]


def test_a_forgotten_area_is_explained_and_the_form_keeps_what_was_typed(log_in, live_server):
    page = log_in("samordnare")
    page.goto(f"{live_server.url}/efforts/new/")
    page.get_by_label("Beskrivning").fill("Dialog i biblioteket")
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("Inget sparades")
    expect(page.get_by_text("Kryssa i minst ett område.")).to_be_visible()
    expect(page.get_by_label("Beskrivning")).to_have_value("Dialog i biblioteket")
