"""The open data of the public citizen promises: its page, the JSON and a CSV file a table,
for everyone, without login (what each holds: ``collaboration.open_data``)."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from collaboration import open_data
from collaboration.selectors.agreements import public_municipalities, public_promises_in_full
from collaboration.views.agreements import public_municipality
from umebra.exports import csv_response

TABLES = {table.slug: table for table in open_data.TABLES}


def _licensed(response: HttpResponse) -> HttpResponse:
    """A file travels without its page, so it names its licence itself (RFC 8288)."""
    response["Link"] = f'<{open_data.licence()["url"]}>; rel="license"'
    return response


@require_GET
def open_data_view(request: HttpRequest) -> HttpResponse:
    """What the files hold, field by field, and under which licence."""
    tables = [
        (table, list(zip(table.headings(), table.columns, strict=True)))
        for table in open_data.TABLES
    ]
    return render(
        request,
        "collaboration/public/open_data.html",
        {
            "tables": tables,
            "parts": open_data.PARTS,
            "licence": open_data.licence(),
            "municipalities": public_municipalities(),
        },
    )


@require_GET
def open_data_json_view(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """Every municipality's promises in one file, or those of the one at ``slug``."""
    document = open_data.json_document(_promises(slug))
    return _licensed(
        JsonResponse(document, encoder=open_data.Encoder, json_dumps_params={"ensure_ascii": False})
    )


@require_GET
def open_data_csv_view(request: HttpRequest, table: str, slug: str | None = None) -> HttpResponse:
    chosen = TABLES[table]  # the URL admits only the tables' names
    rows = open_data.csv_rows(chosen, _promises(slug))
    return _licensed(csv_response(chosen.slug, chosen.headings(), rows))


def _promises(slug: str | None):
    """The published promises in full: every municipality's, or the one's at ``slug``."""
    if slug is None:
        return public_promises_in_full()
    return public_promises_in_full(municipality=public_municipality(slug))
