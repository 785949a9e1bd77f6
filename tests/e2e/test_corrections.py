"""A coordinator corrects a published follow-up; the public page shows it as corrected."""

import pytest
from django.utils import formats, timezone
from playwright.sync_api import expect

from collaboration.models import Undertaking

pytestmark = pytest.mark.e2e


def test_a_corrected_published_follow_up_is_marked_on_the_public_page(log_in, live_server):
    promise = Undertaking.objects.get(title="Tryggare kvällar i Ålidhem")
    target = promise.targets.order_by("id").first()
    page = log_in("samordnare")
    page.goto(f"{live_server.url}/undertakings/{promise.pk}/")
    page.get_by_role("link", name="Rätta", exact=True).first.click()

    page.get_by_label(f"{target.name} ({target.unit})").fill("77")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_role("heading", name="Ändringar")).to_be_visible()

    page.goto(f"{live_server.url}/umea/promises/")
    today = formats.date_format(timezone.localdate(), "j F Y")
    section = page.get_by_role("region", name="Tryggare kvällar i Ålidhem")
    expect(section.get_by_text(f"{target.name}:")).to_contain_text("nu 77")
    expect(section.get_by_text(f"Rättad {today}").first).to_be_visible()
