"""A role through four eyes, in the real browser (issue 14): a coordinator asks for a police
membership, Polisen's member administrator approves it, and the new officer then opens an
operation."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import enrol_an_app, enter_password, log_in_on
from tests.e2e.test_accessibility import serious_violations
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.e2e


def test_a_police_role_asked_for_and_approved_opens_the_operation(page, live_server, demo):
    UserFactory(username="nypolis", first_name="Nora", last_name="Nyberg")
    base = live_server.url

    log_in_on(page, base, "samordnare")
    page.get_by_role("link", name="Aktörer").click()
    page.get_by_role("link", name="Polisen LPO Umeå").click()
    page.get_by_role("link", name="Ge eller begär en roll").click()
    page.get_by_label("Användare").select_option(label="nypolis")
    page.get_by_label("Roll").select_option(label="Polis (begärs: gäller när den godkänts)")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_text("Förfrågan är skickad.")).to_be_visible()
    requests = page.get_by_role("region", name="Roller som väntar på godkännande")
    expect(requests.get_by_role("row", name="Nora Nyberg")).to_be_visible()
    # The coordinator who asked cannot approve it, only withdraw it.
    expect(requests.get_by_role("button", name="Godkänn för nypolis")).to_have_count(0)
    page.get_by_role("button", name="Logga ut").click()

    log_in_on(page, base, "ba.polis")
    page.get_by_role("link", name="Polis vid Polisen LPO Umeå för Nora Nyberg").click()
    assert serious_violations(page) == []  # the page with a request to approve
    page.get_by_role("button", name="Godkänn för nypolis").click()
    expect(page.get_by_text("Rollen gäller nu.")).to_be_visible()
    members = page.get_by_role("region", name="Medlemmar")
    expect(members.get_by_role("row", name="Nora Nyberg")).to_contain_text("Lena Ek")
    page.get_by_role("button", name="Logga ut").click()

    enter_password(page, "nypolis", PASSWORD)
    enrol_an_app(page)
    page.get_by_role("link", name="Jag har sparat dem – fortsätt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Polis")
    page.get_by_role("link", name="LOS-insatser").click()
    page.get_by_role("link", name="Operation Norrsken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Operation Norrsken")
    expect(page.get_by_text("K-47")).to_be_visible()
