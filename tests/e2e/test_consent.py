"""Consent in the browser: recorded, the school given access, revoked, and the school gone."""

import pytest
from playwright.sync_api import expect

from cases.services import sig as services
from collaboration.models import Area
from tests.e2e.conftest import log_in_on
from umebra import access
from umebra.models import User

pytestmark = pytest.mark.e2e


def test_consent_opens_the_case_to_the_school_and_revoking_it_closes_it(browser, live_server, demo):
    owner = User.objects.get(username="socialsekreterare")
    case = services.case_open(
        actor=access.actor_for(owner),
        name="Cilla Exempelsson",
        personal_number="20000101-0008",
        area=Area.objects.get(name="Teg"),
    )
    case_url = f"{live_server.url}{case.get_absolute_url()}"
    social = log_in_on(browser.new_context().new_page(), live_server.url, "socialsekreterare")
    school = log_in_on(browser.new_context().new_page(), live_server.url, "skolkurator")
    assert school.goto(case_url).status == 404

    social.goto(case_url)
    social.get_by_role("link", name="Registrera ett samtycke").click()
    social.get_by_role("group", name="Aktörer som samtycket omfattar").get_by_label(
        "Ersängsskolan"
    ).check()
    social.get_by_label("Uppgifter som omfattas").fill("Närvaro och betyg.")
    social.get_by_label("Giltigt från").fill("2026-01-01")
    social.get_by_label("Giltigt till").fill("2030-12-31")
    social.get_by_label("Undertecknat av den unge").check()
    social.get_by_role("button", name="Spara").click()
    expect(social.get_by_role("status")).to_contain_text("Samtycket registrerades.")

    social.get_by_label("Ge åtkomst till").select_option(label="Maria Nyström (skolkurator)")
    social.get_by_role("button", name="Ge åtkomst").click()
    expect(social.get_by_role("status")).to_contain_text("Åtkomst gavs.")

    assert school.goto(case_url).status == 200
    expect(school.get_by_role("heading", level=1)).to_contain_text("Cilla Exempelsson")

    social.get_by_label("Hur samtycket återkallades").fill("Per telefon från den unge i dag")
    social.get_by_role("button", name="Återkalla samtycket").click()
    expect(social.get_by_role("status")).to_contain_text("Åtkomsten upphörde för: skolkurator")

    assert school.reload().status == 404
