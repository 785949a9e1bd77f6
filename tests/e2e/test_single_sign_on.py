"""A police officer logs in through the municipality's OpenID Connect provider in the
browser, is not asked Umebrå's own code since the provider says it used several factors,
and logging out ends the provider's session too."""

import pytest
from playwright.sync_api import expect

from tests.factories import member
from umebra.roles import Role
from umebra.sso.models import ExternalIdentity, Provider

pytestmark = pytest.mark.e2e

LOA3 = "http://id.elegnamnden.se/loa/1.0/loa3"


def test_a_police_officer_logs_in_and_out_through_the_identity_provider(
    page, live_server, oidc_provider, transactional_db
):
    officer = member(Role.POLICE, first_name="Polly", last_name="Polis")
    ExternalIdentity.objects.create(user=officer, provider=Provider.OIDC, subject="SE-POLIS-1")
    oidc_provider.person("SE-POLIS-1", acr=LOA3)

    page.goto(f"{live_server.url}/login/")
    page.get_by_role("link", name="Logga in med din organisations e-legitimation").click()
    # The provider's own login page.
    expect(page.get_by_role("heading", name="Authorize Client")).to_be_visible()
    page.get_by_placeholder("sub").fill("SE-POLIS-1")
    page.get_by_role("button", name="Authorize").click()

    page.wait_for_url(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Polis")

    page.get_by_role("button", name="Logga ut").click()
    expect(page.get_by_role("heading", name="End Session")).to_be_visible()
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{live_server.url}/login/")
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/login/?next=/")
