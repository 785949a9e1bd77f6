import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_a_coordinator_logs_in_and_sees_the_home_page(log_in):
    page = log_in("samordnare")
    expect(page.get_by_role("heading", level=1)).to_have_text("Samordnare")
    expect(page.get_by_role("heading", name="Veckans insatser")).to_be_visible()
    expect(page.get_by_role("navigation", name="Huvudmeny")).to_be_visible()


def test_logging_out_returns_to_the_login_page(log_in, live_server):
    page = log_in("politiker")
    page.get_by_role("button", name="Logga ut").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Logga in")
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/login/?next=/")
