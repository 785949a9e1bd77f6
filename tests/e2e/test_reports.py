"""A report in the browser: a coordinator asks for it and watches it being built by a real
worker, and a politician downloads it from their home page."""

import os
import re
import uuid

import pytest
from playwright.sync_api import expect

from reports.models import ReportRun
from tests.e2e.conftest import log_in_on
from tests.reports.conftest import pdf_text
from tests.workers import celery_worker, database_url_of_this_test
from umebra import celery_app

pytestmark = pytest.mark.e2e


def field(label: str) -> re.Pattern:
    """A form field's label exactly, whatever suffix Django puts after it."""
    return re.compile(rf"^{label}:?$")


def test_a_coordinator_asks_for_a_report_and_a_politician_downloads_it(
    browser, live_server, demo, monkeypatch, tmp_path
):
    queue = f"test-{uuid.uuid4().hex}"
    monkeypatch.setitem(celery_app.conf, "task_default_queue", queue)
    env = {**os.environ, "DATABASE_URL": database_url_of_this_test()}
    with celery_worker(env, queue, tmp_path / "worker.log"):
        coordinator = log_in_on(browser.new_context().new_page(), live_server.url, "samordnare")
        coordinator.get_by_role("navigation", name="Huvudmeny").get_by_role(
            "link", name="Rapporter", exact=True
        ).click()
        coordinator.get_by_label(field("Rapport")).select_option(
            label="Uppföljning av medborgarlöften"
        )
        coordinator.get_by_label(field("År")).fill("2026")
        coordinator.get_by_label(field("Kvartal")).select_option(label="Kvartal 4")
        coordinator.get_by_role("button", name="Ta fram rapporten").click()
        detail_url = coordinator.url
        progress = coordinator.get_by_role("progressbar", name="Förlopp")
        expect(progress).to_be_visible()
        # The page follows the worker without being reloaded, until the run is done.
        status = coordinator.get_by_role("status").filter(has_text="Status:")
        expect(status).to_contain_text("Klar", timeout=60_000)
        assert coordinator.url == detail_url
        expect(progress).to_have_attribute("value", "100")

    run = ReportRun.objects.get(kind="citizen_promises")
    politician = log_in_on(browser.new_context().new_page(), live_server.url, "politiker")
    # A quarter still under way is marked preliminary beside its name; the link is the run's
    # either way.
    link = re.compile(rf"^{re.escape(str(run))}(, preliminär, data t\.o\.m\. .+)? \(PDF\)$")
    with politician.expect_download() as download:
        politician.get_by_role("link", name=link).click()
    data = download.value.path().read_bytes()
    assert data.startswith(b"%PDF")
    assert "Uppföljning av medborgarlöften" in pdf_text(data)
