"""Agreements in the browser: a partner sees only its own; anyone reads the promises."""

import pytest
from playwright.sync_api import expect

from collaboration.models import Undertaking

pytestmark = pytest.mark.e2e


def test_a_property_owner_sees_only_the_safety_agreement_it_is_party_to(log_in, live_server):
    page = log_in("fastighet")
    menu = page.get_by_role("navigation", name="Huvudmeny")
    menu.get_by_role("link", name="Överenskommelser och löften").click()

    expect(
        page.get_by_role("link", name="Trygghetsöverenskommelse Ålidhem centrum")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Tryggare kvällar i Ålidhem")).to_have_count(0)
    expect(page.get_by_role("heading", name="Samverkansöverenskommelser")).to_have_count(0)

    page.get_by_role("link", name="Trygghetsöverenskommelse Ålidhem centrum").click()
    expect(
        page.get_by_role("cell", name="Kameror och belysning vid centrumhusets baksida")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Ändra")).to_have_count(0)

    promise = Undertaking.objects.get(title="Tryggare kvällar i Ålidhem")
    response = page.goto(f"{live_server.url}/undertakings/{promise.pk}/")
    assert response.status == 404


def test_anyone_reads_the_citizen_promises_without_logging_in(page, live_server, demo):
    page.goto(f"{live_server.url}/login/")
    page.get_by_role("link", name="Våra medborgarlöften").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Medborgarlöften")
    page.get_by_role("link", name="Umeå").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Medborgarlöften i Umeå")
    expect(page.get_by_text("Tryggare Vännäs centrum")).to_have_count(0)
    expect(page.get_by_role("heading", name="Tryggare kvällar i Ålidhem")).to_be_visible()
    expect(page.get_by_role("heading", name="Minskad narkotikahandel i centrum")).to_be_visible()
    expect(page.get_by_text("Trygghetsöverenskommelse Ålidhem centrum")).to_have_count(0)
    expect(page.get_by_text("av 3 aktiviteter klara")).to_be_visible()
