"""The open data of the public citizen promises: what each file holds, column by column.

One list of columns per table drives the JSON, the CSV files and the page that documents
them, so a column cannot be emitted without being documented, nor documented without being
emitted. The rows come from ``public_promises_in_full``, the public page's own selector:
the files hold what that page may show and nothing more. They leave out what the page
leaves out too: drafts, unpublished follow-ups, follow-up comments (staff write them for
each other), who recorded what, and residents' feedback.

CSV headings are always Swedish, whatever the reader's language, so that a file fetched by a
program reads the same every time; the JSON names its fields in English.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from collaboration.models import Undertaking
from collaboration.selectors.agreements import target_progress


@dataclass(frozen=True)
class Column:
    key: str  # the JSON field
    heading: Promise  # the CSV heading, in Swedish in the file
    description: Promise
    value: Callable


@dataclass(frozen=True)
class Table:
    key: str  # the JSON list of a promise's parts, and the CSV file's name
    title: Promise
    columns: tuple[Column, ...]
    rows: Callable[[Undertaking], Iterable]  # of one promise

    @property
    def slug(self) -> str:
        return self.key.replace("_", "-")

    def headings(self) -> list[str]:
        with translation.override("sv"):
            return [str(column.heading) for column in self.columns]


def _day(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(moment) if moment else None


def _promise_id(value: Callable) -> Column:
    """The column every table starts with, read from each table's rows in their own way."""
    return Column(
        "promise_id", _("Promise id"), _("The promise's number; joins the tables."), value
    )


PROMISES = Table(
    "promises",
    _("Citizen promises"),
    (
        _promise_id(lambda p: p.pk),
        Column(
            "municipality",
            _("Municipality"),
            _("Whose promise it is, with the police."),
            lambda p: p.municipality.name,
        ),
        Column("title", _("Title"), _("What the promise is called."), lambda p: p.title),
        Column(
            "problem", _("Problem"), _("The problem the promise is about."), lambda p: p.problem
        ),
        Column(
            "areas",
            _("Areas"),
            _("The areas the promise covers (in CSV separated by commas)."),
            lambda p: [area.name for area in p.areas.all()],
        ),
        Column(
            "valid_from",
            _("Valid from"),
            _("The first day of the promise."),
            lambda p: p.valid_from,
        ),
        Column("valid_to", _("Valid to"), _("The last day of the promise."), lambda p: p.valid_to),
        Column(
            "activities_total",
            _("Activities"),
            _("How many activities the promise holds."),
            lambda p: p.activities_total,
        ),
        Column(
            "activities_done",
            _("Activities done"),
            _("How many of them are done."),
            lambda p: p.activities_done,
        ),
    ),
    lambda promise: [promise],
)

ACTIVITIES = Table(
    "activities",
    _("Activities"),
    (
        _promise_id(lambda a: a.undertaking_id),
        Column("description", _("Activity"), _("What is to be done."), lambda a: a.description),
        Column(
            "responsible",
            _("Responsible"),
            _("The organisation responsible for it."),
            lambda a: a.responsible.name,
        ),
        Column("due", _("Due"), _("The day it is to be done by."), lambda a: a.due),
        Column(
            "status",
            _("Status"),
            _("planned, ongoing, done, delayed or cancelled."),
            lambda a: a.status,
        ),
    ),
    lambda promise: promise.activities.all(),
)


TARGETS = Table(
    "targets",
    _("Indicators"),
    (
        _promise_id(lambda r: r.target.undertaking_id),
        Column("indicator", _("Indicator"), _("What is measured."), lambda r: r.target.name),
        Column("unit", _("Unit"), _("The unit of the values."), lambda r: r.target.unit),
        Column(
            "baseline",
            _("Baseline"),
            _("The value when the promise was made."),
            lambda r: r.target.baseline,
        ),
        Column(
            "target_value",
            _("Target value"),
            _("The value the promise aims for."),
            lambda r: r.target.target,
        ),
        Column(
            "latest_value",
            _("Latest value"),
            _("The value of the latest published follow-up, empty before the first."),
            lambda r: r.latest,
        ),
        Column(
            "progress_percent",
            _("Progress (%)"),
            _("How far of the way from baseline to target the latest value has come."),
            lambda r: r.percent,
        ),
        Column(
            "latest_corrected",
            _("Latest value corrected"),
            _("The day the latest value's follow-up was corrected after publishing, if it was."),
            lambda r: _day(r.corrected),
        ),
    ),
    target_progress,
)

FOLLOW_UPS = Table(
    "follow_ups",
    _("Follow-ups"),
    (
        _promise_id(lambda f: f.undertaking_id),
        Column("year", _("Year"), _("The year followed up."), lambda f: f.year),
        Column("quarter", _("Quarter"), _("The quarter followed up, 1 to 4."), lambda f: f.quarter),
        Column("status", _("Status"), _("on_track, at_risk or off_track."), lambda f: f.status),
        Column(
            "published",
            _("Published"),
            _("The day the follow-up was published."),
            lambda f: _day(f.published_at),
        ),
        Column(
            "corrected",
            _("Corrected"),
            _("The day it was last corrected after publishing, if it was."),
            lambda f: _day(f.corrected_at),
        ),
    ),
    lambda promise: promise.follow_ups.all(),
)

TABLES = (PROMISES, ACTIVITIES, TARGETS, FOLLOW_UPS)
PARTS = TABLES[1:]


def licence() -> dict:
    return dict(settings.UMEBRA_OPEN_DATA_LICENCE)


def _record(table: Table, row) -> dict:
    return {column.key: column.value(row) for column in table.columns}


def json_document(promises: Iterable[Undertaking]) -> dict:
    """The whole open data in one document: each promise with its parts nested in it."""
    return {
        "licence": licence(),
        "promises": [
            _record(PROMISES, promise)
            | {part.key: [_record(part, row) for row in part.rows(promise)] for part in PARTS}
            for promise in promises
        ],
    }


def csv_rows(table: Table, promises: Iterable[Undertaking]) -> Iterable[list]:
    """The rows of one table's CSV file; a list of names becomes one cell."""
    for promise in promises:
        for row in table.rows(promise):
            yield [
                ", ".join(value) if isinstance(value, list) else value
                for value in _record(table, row).values()
            ]


class Encoder(DjangoJSONEncoder):
    """Decimals as JSON numbers, not the strings Django's encoder makes of them."""

    def default(self, o):
        if isinstance(o, Decimal):
            return float(o)
        return super().default(o)
