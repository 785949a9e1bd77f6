"""Two-factor login in the real browser: enrolling an app, then logging in with its code."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import enter_password, totp_code
from tests.factories import PASSWORD, member
from umebra.roles import Role

pytestmark = pytest.mark.e2e


def test_a_new_coordinator_enrols_an_app_and_logs_in_again(page, live_server, demo):
    user = member(Role.COORDINATOR, username="ny.samordnare")
    page.goto(f"{live_server.url}/login/")
    enter_password(page, user.username, PASSWORD)

    expect(page.get_by_role("heading", level=1)).to_have_text("Aktivera tvåstegsverifiering")
    expect(page.get_by_role("img", name="QR-kod för din autentiseringsapp")).to_be_visible()
    secret = page.locator("#totp-secret").inner_text()
    page.get_by_label("Kod").fill(totp_code(secret))
    page.get_by_role("button", name="Aktivera tvåstegsverifiering").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Reservkoder")
    codes = page.get_by_role("list", name="Reservkoder").get_by_role("listitem")
    expect(codes).to_have_count(10)
    backup_code = codes.first.inner_text()
    page.get_by_role("link", name="Jag har sparat dem – fortsätt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Samordnare")

    # Next time: password, then a second factor. The app's code just used cannot be used
    # again within its 30 seconds, so this time a backup code.
    page.get_by_role("button", name="Logga ut").click()
    enter_password(page, user.username, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Tvåstegsverifiering")
    page.get_by_label("Kod").fill(backup_code)
    page.get_by_role("button", name="Verifiera").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Samordnare")


def test_the_demo_police_officer_logs_in_with_the_published_demo_key(log_in):
    page = log_in("polis")
    expect(page.get_by_role("heading", level=1)).to_have_text("Polis")
