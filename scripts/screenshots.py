"""Draw the README's screenshots of Umebrå's pages afresh, from the demo.

Start the app first (`make run`), then:

    .venv/bin/python scripts/screenshots.py [http://127.0.0.1:8000]

Logs in through the real forms as the demo users, in Debian's Chromium, and writes full-page
PNGs, 1,200 pixels wide, into docs/screenshots, and the first screen of a phone (390 × 844)
for the phone views, one with the main menu opened by its button. The report pictures are
pages of the demo's quarterly follow-up as the politician downloads it: the page that opens
its summary, the page of its bar chart of efforts and the page of its map, each found by
its words (poppler's pdftotext) and drawn with poppler's pdftoppm at 60 dots per inch.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import django
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "umebra.settings")
django.setup()  # for the demo's password and second factor, which the login below reads

from tests.e2e.conftest import log_in_on  # noqa: E402  the browser tests' own login

# Each demo user's pages (None: the public's), as (file, path). One login a user: a second
# within half a minute would offer the same one-time code, which is refused as a replay.
PAGES = {
    "samordnare": [("coordinator-home", "/"), ("observations", "/observations/")],
    "politiker": [],  # the report pages, below
    None: [("public-promises", "/umea/promises/")],
}
# On a phone: the partner in the field, their home page with the menu folded and opened.
PHONE = {"width": 390, "height": 844}
PHONE_PAGES = {"fastighet": [("phone-home", "/"), ("phone-observations", "/observations/")]}


# Report pages to draw, as (file, words only that page holds).
REPORT_PAGES = [
    ("report-summary", "jämfört med föregående kvartal"),
    ("report-chart", "Samverkansinsatser efter typ,"),
    ("report-map", "Observationer per 1 000 invånare och område,"),
]


def report_pages(page: Page, base_url: str) -> None:
    """Download the demo's quarterly follow-up as its reader does and draw REPORT_PAGES."""
    page.goto(base_url + "/reports/")
    link = page.get_by_role("link", name="PDF").first
    data = page.request.get(base_url + link.get_attribute("href")).body()
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "report.pdf"
        pdf.write_bytes(data)
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, check=True).stdout
        pages = text.decode().split("\f")
        for name, words in REPORT_PAGES:
            number = next(n for n, text in enumerate(pages, 1) if words in " ".join(text.split()))
            target = ROOT / "docs" / "screenshots" / name
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", "-f", str(number), "-l", str(number),
                 "-singlefile", pdf, target],
                check=True,
            )  # fmt: skip
            print(f"wrote {target.relative_to(ROOT)}.png (page {number})")


def save(page: Page, name: str, *, full_page: bool) -> None:
    target = ROOT / "docs" / "screenshots" / f"{name}.png"
    page.screenshot(path=target, full_page=full_page)
    print(f"wrote {target.relative_to(ROOT)}")


def shoot(page: Page, base_url: str, name: str, path: str, *, full_page: bool = True) -> None:
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    save(page, name, full_page=full_page)


def main(base_url: str) -> None:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium)
        for username, pages in PAGES.items():
            context = browser.new_context(viewport={"width": 1200, "height": 800}, locale="sv-SE")
            page = context.new_page()
            if username:
                log_in_on(page, base_url, username)
            for name, path in pages:
                shoot(page, base_url, name, path)
            if username == "politiker":
                report_pages(page, base_url)
            context.close()
        for username, pages in PHONE_PAGES.items():
            context = browser.new_context(viewport=PHONE, locale="sv-SE")
            page = log_in_on(context.new_page(), base_url, username)
            for name, path in pages:
                shoot(page, base_url, name, path, full_page=False)
            page.goto(base_url + "/")
            page.get_by_role("button", name="Meny").click()
            save(page, "phone-menu", full_page=False)
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000")
