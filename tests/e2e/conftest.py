"""Browser tests: Debian's Chromium through Playwright against Django's live server."""

import pytest
from django.core.management import call_command
from playwright.sync_api import Page

from umebra.demo import DEMO_PASSWORD

pytestmark = pytest.mark.e2e


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", stdout=None)


@pytest.fixture
def log_in(page: Page, live_server, demo):
    """Log in through the real form as a demo user; returns the page on the home page."""

    def log_in_as(username: str) -> Page:
        page.goto(f"{live_server.url}/login/")
        page.get_by_label("Användarnamn").fill(username)
        page.get_by_label("Lösenord").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Logga in").click()
        page.wait_for_url(f"{live_server.url}/")
        return page

    return log_in_as
