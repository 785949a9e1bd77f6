"""PDF documents from HTML templates, rendered by WeasyPrint.

WeasyPrint fetches nothing from outside: the URL fetcher serves our own static files from
disk and refuses every other URL, so a document can never leak a request or depend on the
network.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

STATIC_PREFIX = "static:"


class StaticFilesOnly(URLFetcher):
    """Serves ``static:<path>`` from our static files and refuses everything else."""

    def __init__(self):
        super().__init__(allowed_protocols={"file"})

    def fetch(self, url, headers=None):
        if url.startswith(STATIC_PREFIX):
            path = finders.find(url.removeprefix(STATIC_PREFIX))
            if path:
                return super().fetch(Path(path).as_uri(), headers)
        raise ValueError(f"PDFs load only our own static files, not {url!r}")


# Documents for the public record: PDF/A-3a is archivable (fonts embedded, colours
# defined) and, as level "a", tagged, so screen readers can follow headings and tables.
ARCHIVAL_VARIANT = "pdf/a-3a"


def render_html(template: str, context: dict) -> str:
    return render_to_string(template, {**context, "static_prefix": STATIC_PREFIX})


def _document(html: str) -> HTML:
    return HTML(string=html, url_fetcher=StaticFilesOnly(), base_url=str(settings.BASE_DIR))


def render_pdf(template: str, context: dict) -> bytes:
    return _document(render_html(template, context)).write_pdf()


def render_archival_pdf(html: str) -> bytes:
    """A tagged PDF/A of ``html``; the title and language come from the HTML's ``<title>``
    and ``lang``."""
    return _document(html).write_pdf(pdf_variant=ARCHIVAL_VARIANT, pdf_tags=True)


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response
