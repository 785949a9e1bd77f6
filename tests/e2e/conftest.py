"""Browser tests: Debian's Chromium through Playwright against Django's live server."""

import base64

import pytest
from django.core.management import call_command
from django_otp.oath import totp
from playwright.sync_api import Page

from umebra.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET


def totp_code(base32_secret: str) -> str:
    """The code an authenticator app shows now for ``base32_secret``."""
    return f"{totp(base64.b32decode(base32_secret)):06d}"


@pytest.fixture
def page(page: Page) -> Page:
    # A failing step should fail in seconds, not after Playwright's default 30.
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", stdout=None)


def enter_password(page: Page, username: str, password: str = DEMO_PASSWORD) -> None:
    """The first step of every login in the browser: the login form, on the page at hand."""
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()


def enrol_an_app(page: Page) -> None:
    """Enrol an authenticator app on the enrolment page: its key read off the page."""
    secret = page.locator("#totp-secret").inner_text()
    page.get_by_label("Kod").fill(totp_code(secret))
    page.get_by_role("button", name="Aktivera tvåstegsverifiering").click()


def log_in_on(page: Page, base_url: str, username: str) -> Page:
    """Log in through the real forms as a demo user, both factors where the role needs them."""
    page.goto(f"{base_url}/login/")
    enter_password(page, username)
    page.wait_for_load_state()
    if "/login/verify/" in page.url:
        page.get_by_label("Kod").fill(totp_code(DEMO_TOTP_SECRET))
        page.get_by_role("button", name="Verifiera").click()
    page.wait_for_url(f"{base_url}/")
    return page


@pytest.fixture
def log_in(page: Page, live_server, demo):
    return lambda username: log_in_on(page, live_server.url, username)
