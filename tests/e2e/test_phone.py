"""Phone first for the field (issue 17), in Chromium at 390 × 844: the menu folds behind its
button and opens by mouse and keyboard, a partner reports an observation from the home page,
date and time fields are big enough to read and hit, and chart text is 12 pixels or more."""

import pytest
from playwright.sync_api import Page, expect

from collaboration.models import Observation
from tests.e2e.conftest import log_in_on

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}

# The smallest chart text on the page as drawn: each text's font size times the scale its SVG
# is shown at (an SVG with a viewBox shrinks its text with it), over the drawings shown.
SMALLEST_CHART_TEXT = """() => Math.min(...Array.from(document.querySelectorAll('svg.chart text'))
    .filter(text => text.getClientRects().length > 0)
    .map(text => {
        const matrix = text.getScreenCTM();
        return parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
    }))"""


def on_a_phone(page: Page, live_server, username: str) -> Page:
    page.set_viewport_size(PHONE)
    return log_in_on(page, live_server.url, username)


def menu(page: Page):
    navigation = page.get_by_role("navigation", name="Huvudmeny")
    return navigation.get_by_role("button", name="Meny"), navigation.get_by_role(
        "link", name="Samverkansinsatser"
    )


def test_the_menu_is_folded_and_opens_with_the_button(page, live_server, demo):
    on_a_phone(page, live_server, "fastighet")
    button, entry = menu(page)
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(entry).to_be_hidden()
    # Folded, the header and the menu's button leave most of the first screen to the page.
    main_top = page.locator("main").bounding_box()["y"]
    assert main_top < 0.25 * PHONE["height"], main_top

    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(entry).to_be_visible()
    button.click()
    expect(entry).to_be_hidden()


def test_the_menu_opens_and_closes_by_keyboard(page, live_server, demo):
    on_a_phone(page, live_server, "fastighet")
    button, entry = menu(page)
    button.focus()
    page.keyboard.press("Enter")
    expect(entry).to_be_visible()
    page.keyboard.press("Tab")  # into the menu: its first entry
    expect(
        page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Start")
    ).to_be_focused()
    page.keyboard.press("Escape")
    expect(entry).to_be_hidden()
    expect(button).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Space")
    expect(entry).to_be_visible()


def test_without_script_the_menu_stays_open(browser, live_server, demo):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = log_in_on(context.new_page(), live_server.url, "fastighet")
    button, entry = menu(page)
    expect(entry).to_be_visible()
    expect(button).to_be_hidden()
    context.close()


def test_on_a_wide_screen_the_menu_is_open_without_its_button(page, live_server, demo):
    page.set_viewport_size({"width": 1200, "height": 800})
    log_in_on(page, live_server.url, "fastighet")
    button, entry = menu(page)
    expect(entry).to_be_visible()
    expect(button).to_be_hidden()


def test_a_partner_reports_an_observation_from_the_home_page(page, live_server, demo):
    on_a_phone(page, live_server, "fastighet")
    page.get_by_role("link", name="Rapportera en observation").click()

    when = page.get_by_label("När")
    style = when.evaluate(
        "field => ({size: parseFloat(getComputedStyle(field).fontSize),"
        " height: field.getBoundingClientRect().height,"
        " width: field.getBoundingClientRect().width,"
        " room: field.parentElement.getBoundingClientRect().width})"
    )
    assert style["size"] >= 16 and style["height"] >= 44, style
    assert style["width"] >= style["room"] - 1, style  # the full width of its column

    page.get_by_label("Område").select_option(label="Ålidhem")
    page.get_by_label("Plats").fill("gångbron vid skolan")
    page.get_by_label("Klotter").check()
    page.get_by_label("Beskrivning").fill("Nytt klotter på räcket.")
    page.get_by_role("button", name="Skicka").click()

    expect(page.get_by_role("status")).to_contain_text("Tack")
    reported = Observation.objects.get(place="gångbron vid skolan")
    assert (reported.kind, reported.area.name, reported.organisation.name) == (
        "graffiti",
        "Ålidhem",
        "Bostaden AB",
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("path", ["/observations/", "/areas/"])
def test_chart_text_is_twelve_pixels_or_more_on_a_phone(page, live_server, demo, path):
    on_a_phone(page, live_server, "fastighet")
    page.goto(f"{live_server.url}{path}")
    smallest = page.evaluate(SMALLEST_CHART_TEXT)
    assert 12 <= smallest < 1000, smallest  # and at least one chart is shown


def test_an_indicators_chart_text_is_twelve_pixels_or_more_on_a_phone(page, live_server, demo):
    from collaboration.models import Indicator

    indicator = Indicator.objects.order_by("pk").first()
    on_a_phone(page, live_server, "fastighet")
    page.goto(f"{live_server.url}{indicator.get_absolute_url()}")
    smallest = page.evaluate(SMALLEST_CHART_TEXT)
    assert 12 <= smallest < 1000, smallest
