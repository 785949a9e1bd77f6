"""Each kind of report, rendered for real by WeasyPrint on PostgreSQL and read back."""

import datetime
import time

import pytest
from django.core.management import call_command
from django.utils import timezone

from collaboration.models import Area
from reports.models import ReportFile, ReportKind, ReportRun
from reports.periods import quarter, year
from tests.factories import umea
from tests.reports.conftest import Q2, SQUARE, build, pdf_reader, pdf_text
from umebra.access import SYSTEM
from umebra.jobs import JobStatus

pytestmark = pytest.mark.django_db

SECRETS = [
    "Alva", "Testsson", "Bertil", "Provsson", "20080412", "0412-2380", "20090923",
    "Kvarterskrogen", "K-47", "Hemlig anteckning", "Kassaregister saknas", "Krossad ruta",
]  # fmt: skip


def test_the_quarterly_follow_up_counts_right_and_hides_small_counts(quarter_data):
    run = build(ReportKind.QUARTERLY, Q2)
    assert run.status == JobStatus.DONE, run.error
    text = pdf_text(bytes(run.file.data))
    assert "Kvartalsuppföljning" in text and "2025" in text
    # Efforts are the parties' own work: exact. 6 dialogues by the police, 2 walks.
    dialogue = next(line for line in text.splitlines() if line.strip().startswith("Dialog"))
    assert dialogue.split()[-1] == "6"
    assert "8 samverkansinsatser registrerades" in text
    # Two SIG cases in one area, one fee: small counts, shown as <5, the fee's sum hidden.
    assert "<5" in text
    assert "12 345" not in text and "12345" not in text
    # Seven observations in Ersboda's 10,000 residents: 0,7 per 1,000 on the map, in Swedish.
    assert "0,7" in text
    # Every heading in Swedish, the SIG table's too (its words were once not extracted).
    assert "Aktiva vid" in text and "Active" not in text


def test_the_map_in_the_pdf_tells_a_hidden_count_and_no_observations_from_a_calm_area(
    quarter_data,
):
    """Ålidhem's two observations are hidden, Teg had none: on paper neither may pass for the
    lowest class, so each is named on the map and in its legend, in Swedish."""

    def moved(by: float) -> dict:
        ring = [[lon + by, lat] for lon, lat in SQUARE["coordinates"][0]]
        return {"type": "Polygon", "coordinates": [ring]}

    quarter_data["alidhem"].boundary = moved(0.15)
    quarter_data["alidhem"].save()
    Area.objects.create(
        municipality=umea(), name="Teg", slug="teg", population=9000, boundary=moved(0.3)
    )
    run = build(ReportKind.QUARTERLY, Q2)
    assert run.status == JobStatus.DONE, run.error
    text = pdf_text(bytes(run.file.data))
    assert "Observationer per 1 000 invånare och område, 2025 kvartal 2" in text
    assert text.count("dolt") >= 2  # Ålidhem's label and the legend
    assert "inga observationer" in text


def test_no_report_kind_lets_personal_data_or_targets_out(quarter_data):
    call_command("seed_demo", stdout=None)  # the demo's own secrets too
    for kind, period in [
        (ReportKind.QUARTERLY, Q2),
        (ReportKind.QUARTERLY, quarter(2026, 4)),
        (ReportKind.SITUATION_PICTURE, year(2026)),
        (ReportKind.ACTION_PLAN, year(2026)),
        (ReportKind.CITIZEN_PROMISES, quarter(2026, 4)),
        (ReportKind.SAFETY_AGREEMENTS, quarter(2026, 4)),
    ]:
        run = build(kind, period)
        assert run.status == JobStatus.DONE, (kind, run.error)
        text = pdf_text(bytes(run.file.data))
        assert run.get_kind_display() in text
        leaked = [secret for secret in SECRETS if secret in text]
        assert leaked == [], (kind, leaked)


def test_documents_are_tagged_pdf_a_in_swedish_with_embedded_fonts(quarter_data):
    run = build(ReportKind.QUARTERLY, Q2)
    reader = pdf_reader(bytes(run.file.data))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "sv"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    metadata = root["/Metadata"].get_object().get_data().decode()
    assert "pdfaid:part" in metadata and "3" in metadata
    assert reader.metadata.title == str(run)
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = descendant["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]
    assert run.pages == len(reader.pages) > 3


def test_the_pdf_states_its_parameters_snapshot_and_content_checksum(quarter_data):
    run = build(ReportKind.QUARTERLY, Q2)
    text = pdf_text(bytes(run.file.data))
    assert run.content_sha256 in text.replace("\n", "").replace(" ", "")
    # The PDF prints local (Swedish) time; near midnight UTC the date differs.
    assert f"{timezone.localtime(run.snapshot_at):%Y-%m-%d}" in text
    assert "2025-04-01" in text and "2025-06-30" in text
    assert run.sha256 != run.content_sha256 and len(run.sha256) == 64


def test_asked_twice_while_queued_it_is_built_once(db):
    from reports.services import report_request

    first, new = report_request(
        kind=ReportKind.QUARTERLY, period=Q2, actor=SYSTEM, municipality=umea()
    )
    second, again = report_request(
        kind=ReportKind.QUARTERLY, period=Q2, actor=SYSTEM, municipality=umea()
    )
    assert (new, again) == (True, False) and first == second
    assert ReportRun.objects.count() == 1


def test_a_finished_report_can_be_built_afresh(db):
    first = build(ReportKind.QUARTERLY, Q2)
    second = build(ReportKind.QUARTERLY, Q2)
    assert first.pk != second.pk and second.status == JobStatus.DONE


def test_a_run_is_built_by_one_worker_only(db):
    from reports.services import report_build, report_request

    run, _new = report_request(
        kind=ReportKind.CITIZEN_PROMISES, period=Q2, actor=SYSTEM, municipality=umea()
    )
    assert report_build(run_id=run.pk).status == JobStatus.DONE
    assert report_build(run_id=run.pk) is None  # the message delivered again: nothing to do
    assert ReportRun.objects.get(pk=run.pk).attempts == 1


def test_a_worker_whose_run_was_taken_over_stores_nothing_and_fails_nothing(db, monkeypatch):
    """The worker was thought dead (no sign of life within the lease) and another took the
    run over: when the first carries on, its progress, failure or file are all refused."""
    from django.db.models import F

    from reports import content
    from reports.services import report_build, report_request

    run, _new = report_request(
        kind=ReportKind.CITIZEN_PROMISES, period=Q2, actor=SYSTEM, municipality=umea()
    )

    def taken_over(period, municipalities):
        ReportRun.objects.filter(pk=run.pk).update(attempts=F("attempts") + 1)
        return content.method(period, municipalities)

    monkeypatch.setitem(content.SECTIONS, ReportKind.CITIZEN_PROMISES, [taken_over])
    assert report_build(run_id=run.pk) is None
    run.refresh_from_db()
    assert (run.status, run.attempts, run.error) == (JobStatus.RUNNING, 2, "")
    assert not ReportFile.objects.filter(run=run).exists()


def test_drawing_a_pdf_longer_than_the_lease_keeps_the_run(transactional_db, monkeypatch, settings):
    """WeasyPrint cannot stop to show a sign of life: while it draws, the lease is renewed
    for it, so no other worker takes the run over and the one drawing stores its file."""
    from reports.services import pdf, report_build, report_request
    from umebra.jobs import job_claim

    lease = settings.UMEBRA_REPORT_LEASE = datetime.timedelta(seconds=0.6)
    run, _new = report_request(
        kind=ReportKind.CITIZEN_PROMISES, period=Q2, actor=SYSTEM, municipality=umea()
    )
    draw, other_worker = pdf.render_archival_pdf, []

    def slow(html):  # a report big enough to take three leases to draw
        time.sleep(3 * lease.total_seconds())
        other_worker.append(job_claim(ReportRun, run.pk, lease=lease))
        return draw(html)

    monkeypatch.setattr(pdf, "render_archival_pdf", slow)
    assert report_build(run_id=run.pk).status == JobStatus.DONE
    assert other_worker == [None]
    run.refresh_from_db()
    assert run.attempts == 1 and ReportFile.objects.filter(run=run).count() == 1


def test_a_failed_run_says_why_and_can_be_tried_again(db, monkeypatch):
    from reports import content
    from reports.services import report_retry
    from tests.factories import member
    from umebra import access
    from umebra.roles import Role

    def broken(period, municipalities):
        raise RuntimeError("the indicator table is locked")

    monkeypatch.setitem(content.SECTIONS, ReportKind.CITIZEN_PROMISES, [broken])
    run = build(ReportKind.CITIZEN_PROMISES, Q2)
    assert run.status == JobStatus.FAILED
    assert "the indicator table is locked" in run.error
    monkeypatch.undo()
    coordinator = access.actor_for(member(Role.COORDINATOR))
    again = report_retry(run=run, actor=coordinator)
    assert again.pk != run.pk and again.status == JobStatus.QUEUED


def test_the_scheduled_run_follows_up_the_quarter_just_ended(db):
    from reports.services import report_quarterly_request

    umea()
    (run,) = report_quarterly_request(actor=SYSTEM, today=datetime.date(2026, 1, 1))
    assert (run.period_start, run.period_end) == (
        datetime.date(2025, 10, 1),
        datetime.date(2025, 12, 31),
    )
    assert run.requested_by is None


def test_stalled_runs_are_sent_again(db, settings):
    from django.utils import timezone

    from reports.services import report_request, reports_stalled_resend

    run, _new = report_request(
        kind=ReportKind.QUARTERLY, period=Q2, actor=SYSTEM, municipality=umea()
    )
    assert reports_stalled_resend() == 0
    ReportRun.objects.filter(pk=run.pk).update(
        queued_at=timezone.now() - datetime.timedelta(hours=1)
    )
    assert reports_stalled_resend() == 1


@pytest.mark.parametrize(
    ("kind", "period", "error"),
    [
        ("quarterly", year(2025), "helt år"),
        ("action_plan", Q2, "helt år"),
        ("nonsense", Q2, "ingen rapport av det slaget"),
        ("quarterly", quarter(2099, 1), "inte börjat"),
    ],
)
def test_a_request_that_makes_no_sense_is_refused_with_the_reason(db, kind, period, error):
    from django.core.exceptions import ValidationError

    from reports.services import report_request

    with pytest.raises(ValidationError) as refused:
        report_request(kind=kind, period=period, actor=SYSTEM, municipality=umea())
    assert error in " ".join(refused.value.messages)
