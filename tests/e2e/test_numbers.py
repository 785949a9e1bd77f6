"""A cost typed as a Swede writes it, in a browser set to English: the number input this
replaced read "1250,50" as 125 050 there and refused "1 250,50"."""

import pytest
from playwright.sync_api import expect

from collaboration.models import JointEffort

pytestmark = pytest.mark.e2e


@pytest.fixture
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "locale": "en-GB",
        "extra_http_headers": {"Accept-Language": "en-GB,en;q=0.9"},
    }


def test_a_cost_typed_in_an_english_browser_is_kept_to_the_ore(log_in, live_server):
    page = log_in("samordnare")
    page.goto(f"{live_server.url}/efforts/new/")
    page.get_by_label("Typ").select_option(label="Dialog")
    page.get_by_role("group", name="Områden").get_by_label("Ålidhem").check()
    page.get_by_role("group", name="Deltagande aktörer").get_by_label("Bostaden AB").check()
    page.get_by_label("Beskrivning").fill("Kaffe och dialog i Ålidhems centrum, kostnad i kronor.")
    page.get_by_label("Kostnad (kr)").fill("1 250,50")
    page.get_by_role("button", name="Spara", exact=True).click()

    expect(page.get_by_role("status")).to_contain_text("Insatsen loggades.")
    expect(page.locator("dl.facts")).to_contain_text("1\u00a0250,50 kr")
    effort = JointEffort.objects.get(description__startswith="Kaffe och dialog")
    assert str(effort.cost) == "1250.50"

    page.goto(f"{live_server.url}/efforts/?q=Kaffe")
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ner CSV").click()
    text = download.value.path().read_text(encoding="utf-8-sig")
    row = next(line for line in text.splitlines() if "Kaffe och dialog" in line)
    assert ";1250,50;" in row
