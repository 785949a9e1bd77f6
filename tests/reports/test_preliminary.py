"""A report of a period not yet over is preliminary, and says so with the date of its data
wherever its figures are shown: the report page, the list, the PDF's cover, tables and
charts, its file name, and the home page's key figures (issue 17)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.models import ReportKind, ReportRun
from reports.periods import Period, quarter, year
from tests.factories import OrganisationFactory, log_in, member
from tests.reports.conftest import Q2, build, pdf_reader
from umebra.jobs import JobStatus
from umebra.roles import Role

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
CURRENT = quarter(TODAY.year, (TODAY.month - 1) // 3 + 1)
Q4 = quarter(2026, 4)


def built_on(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(15, 30)))


# the period × the day the report was built × preliminary, and its mark
TABLE = [
    (Q4, datetime.date(2026, 12, 2), True, "preliminär, data t.o.m. 2026-12-02"),
    (Q4, datetime.date(2026, 12, 31), True, "preliminär, data t.o.m. 2026-12-31"),  # last day
    (Q4, datetime.date(2027, 1, 1), False, ""),  # built after the end: final
    (Q2, datetime.date(2025, 9, 30), False, ""),
    # Built during its quarter and read long after: still preliminary, its data is old.
    (Q2, datetime.date(2025, 6, 1), True, "preliminär, data t.o.m. 2025-06-01"),
]


@pytest.mark.parametrize(("period", "day", "preliminary", "mark"), TABLE)
def test_a_report_is_preliminary_when_built_before_its_period_ended(period, day, preliminary, mark):
    run = ReportRun(
        kind=ReportKind.QUARTERLY,
        period_start=period.start,
        period_end=period.end,
        snapshot_at=built_on(day),
    )
    assert run.is_preliminary is preliminary
    assert run.preliminary_label == mark
    assert run.filename.endswith("-preliminar") is preliminary


def pdf_words(run) -> str:
    return " ".join(page.extract_text() for page in pdf_reader(bytes(run.file.data)).pages)


def test_a_report_of_the_current_quarter_is_marked_in_the_page_and_the_pdf(client, quarter_data):
    run = build(ReportKind.QUARTERLY, CURRENT)
    assert run.status == JobStatus.DONE, run.error
    mark = f"preliminär, data t.o.m. {TODAY:%Y-%m-%d}"
    log_in(client, quarter_data["coordinator"])
    page = client.get(run.get_absolute_url()).content.decode()
    assert f"Preliminär, data t.o.m. {TODAY:%Y-%m-%d}. Perioden hade inte tagit slut" in page
    listing = client.get(reverse("reports:report-list")).content.decode()
    assert f"{CURRENT.label} ({mark})" in listing
    text = pdf_words(run)
    assert f"Preliminär, data t.o.m. {TODAY:%Y-%m-%d}" in text  # the cover
    assert f"Nyckeltal i jämförelse ({mark})" in text  # the summary's key figures
    pages = [page.extract_text() for page in pdf_reader(bytes(run.file.data)).pages]
    assert all(f"reliminär, data t.o.m. {TODAY:%Y-%m-%d}" in page for page in pages)  # footers
    download = client.get(reverse("reports:report-download", args=[run.pk]))
    assert "-preliminar.pdf" in download["Content-Disposition"]


@pytest.mark.parametrize(
    ("kind", "period"),
    [
        (ReportKind.QUARTERLY, CURRENT),
        (ReportKind.SITUATION_PICTURE, year(TODAY.year)),
        (ReportKind.ACTION_PLAN, year(TODAY.year)),
        (ReportKind.CITIZEN_PROMISES, CURRENT),
        (ReportKind.SAFETY_AGREEMENTS, CURRENT),
    ],
)
def test_every_kind_of_report_of_a_period_not_ended_says_preliminary_on_every_page(
    client, quarter_data, kind, period
):
    run = build(kind, period)
    assert run.status == JobStatus.DONE, run.error
    # Words as read, however a long title wraps the running footer.
    pages = [
        " ".join(page.extract_text().split()) for page in pdf_reader(bytes(run.file.data)).pages
    ]
    assert f"Preliminär, data t.o.m. {TODAY:%Y-%m-%d}. Perioden hade inte tagit slut" in pages[0]
    assert all(f"reliminär, data t.o.m. {TODAY:%Y-%m-%d}" in page for page in pages)
    assert run.filename.endswith("-preliminar")


def test_a_report_of_a_quarter_that_had_ended_is_not_marked(client, quarter_data):
    run = build(ReportKind.QUARTERLY, Q2)
    log_in(client, quarter_data["coordinator"])
    assert "reliminär" not in client.get(run.get_absolute_url()).content.decode()
    assert "reliminär" not in pdf_words(run)


def test_the_home_pages_key_figures_of_an_unfinished_quarter_are_marked(client, quarter_data):
    run = build(ReportKind.QUARTERLY, CURRENT)
    log_in(client, member(Role.POLITICIAN, OrganisationFactory(name="Kommunfullmäktige")))
    page = client.get(reverse("home")).content.decode()
    mark = f"<small>(preliminär, data t.o.m. {TODAY:%Y-%m-%d})</small>"
    for _label, value in run.figures:
        assert f"<dd>{value} {mark}</dd>" in page.replace("&lt;", "<")
    assert "Kvartalet hade inte tagit slut när de räknades" in page


# Each kind's file name, in Swedish, for the period it covers: written out.
FILE_NAMES = [
    (ReportKind.QUARTERLY, quarter(2025, 3), "kvartalsuppfoljning-2025-k3"),
    (ReportKind.CITIZEN_PROMISES, quarter(2025, 4), "medborgarloften-2025-k4"),
    (ReportKind.SAFETY_AGREEMENTS, quarter(2025, 1), "trygghetsoverenskommelser-2025-k1"),
    (ReportKind.SITUATION_PICTURE, year(2025), "lagesbild-2025"),
    (ReportKind.ACTION_PLAN, year(2025), "atgardsplan-2025"),
    (
        ReportKind.QUARTERLY,
        Period(datetime.date(2025, 2, 1), datetime.date(2025, 3, 15)),
        "kvartalsuppfoljning-2025-02-01--2025-03-15",
    ),
]


@pytest.mark.parametrize(("kind", "period", "name"), FILE_NAMES)
def test_a_report_file_is_named_in_swedish_for_its_period(kind, period, name):
    run = ReportRun(
        kind=kind,
        period_start=period.start,
        period_end=period.end,
        snapshot_at=built_on(datetime.date(2026, 6, 1)),
    )
    assert run.filename == name
    run.snapshot_at = built_on(period.start)
    assert run.filename == f"{name}-preliminar"
