"""CSV and Excel downloads that are safe to open in a spreadsheet.

A cell that begins with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) would be
read as a formula by Excel or LibreOffice, so a description such as ``=HYPERLINK(...)``
typed into a form could run when a colleague opens the export. Such text is prefixed with an
apostrophe, which spreadsheets show as plain text.

CSV files are written the way Swedish Excel reads them: UTF-8 with a BOM, ``;`` between cells
and a decimal comma (``8,5``; a decimal point makes Excel take the figure for text). Workbooks
are made to be worked in: a sheet named for what it holds, real number and date cells, the
heading row bold, frozen and with a filter on every column.

An export of a period not yet over ends with a row that says so ("preliminär, data t.o.m.
2026-12-02", ``note``): a file travels and is renamed, so the mark is in it, not only in its
name, and it comes last so that the heading stays the first row a program reads.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """The value as it may go into a spreadsheet cell."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_cell(value):
    """The value as it may go into a ``;``-separated CSV cell: text neutralised, decimals with
    a decimal comma (after neutralising, so that a negative figure is not taken for a formula);
    whole numbers as they are."""
    value = neutralise(value)
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence], *, note: str = ""):
    """A streamed CSV download (UTF-8 with BOM, so Excel reads å, ä and ö right), ending with
    ``note`` on a row of its own if one is given."""
    writer = csv.writer(_Echo(), delimiter=";")  # the decimal comma in csv_cell goes with it

    def lines():
        yield "\ufeff" + writer.writerow(header)
        for row in rows:
            yield writer.writerow([csv_cell(value) for value in row])
        if note:
            yield writer.writerow([csv_cell(note)])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence], *, sheet: str, note: str = ""
):
    """An Excel workbook download, built in write-only mode to keep memory flat. ``sheet``
    names its one sheet (Excel allows 31 characters); dates stay date cells. ``note`` goes
    in a row of its own below the filtered rows."""
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(title=str(sheet)[:31])
    worksheet.freeze_panes = "A2"
    bold = Font(bold=True)
    worksheet.append([_heading(worksheet, name, bold) for name in header])
    count = 0
    for row in rows:
        worksheet.append([neutralise(value) for value in row])
        count += 1
    worksheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"
    if note:
        worksheet.append([])
        worksheet.append([neutralise(note)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def _heading(worksheet, name: str, font: Font) -> WriteOnlyCell:
    cell = WriteOnlyCell(worksheet, value=str(name))
    cell.font = font
    return cell


def export_response(
    file_format: str,
    filename: str,
    header: Sequence[str],
    rows: Iterable[Sequence],
    *,
    sheet: str,
    note: str = "",
):
    """The download in ``file_format`` ("csv" or "xlsx"): CSV has no sheet to name."""
    if file_format == "xlsx":
        return xlsx_response(filename, header, rows, sheet=sheet, note=note)
    return csv_response(filename, header, rows, note=note)
