"""Writes of reports: asking for one, building it (in a worker), retrying, resending.

A report is a job row (``umebra.jobs``): asked for in a transaction that stores the row and
sends its id to the workers after commit. The row is the truth, so a broker that is down
loses nothing (the resend task sends it again) and a worker that dies leaves a lease that
runs out, after which another worker builds it; the file is written in the same transaction
that marks the run done, so exactly one PDF results.
"""

import datetime
import hashlib
import io
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from pypdf import PdfReader

from reports.content import SECTIONS
from reports.models import YEARLY_KINDS, ReportFile, ReportKind, ReportRun
from reports.periods import Period, quarter_before
from reports.policy import requestable_kinds
from reports.summary import summary
from reports.suppression import threshold
from umebra import pdf
from umebra.access import SYSTEM, Actor, record
from umebra.audit.models import AccessAction
from umebra.jobs import (
    JobStatus,
    LeaseLost,
    job_alive,
    job_claim,
    job_enqueue,
    job_finish,
    job_holds,
    job_kept_alive,
    running_silent_since,
)
from umebra.mail import mail_queue
from umebra.models import MailKind, Municipality
from umebra.snapshots import consistent_snapshot
from umebra.tenancy import counties_within, county_municipality_ids, municipality_for

logger = logging.getLogger(__name__)

# Where the progress bar stands when the content is gathered and the PDF is being drawn.
GATHERED, RENDERED = 70, 95
# What ``_report_html`` sets on the run, stored with the file.
REPORT_OUTCOME = ["snapshot_at", "figures", "content_sha256"]
CHECKSUM_PLACEHOLDER = "0" * 64


def _enqueue(run: ReportRun) -> None:
    from reports.tasks import report_build_task

    job_enqueue(run, report_build_task)


@transaction.atomic
def report_request(
    *,
    actor: Actor,
    kind: str,
    period: Period,
    municipality: Municipality | None = None,
    county: str = "",
) -> tuple[ReportRun, bool]:
    """Ask for a report about a municipality (the one chosen, or the only one the actor
    works in), or a regional one about a county (the one named, or the one whose every
    municipality the actor works in); returns the run and whether it is new. One asked for
    by ``SYSTEM`` (the schedule, the demo) names nobody and leaves no access-log event.

    A run of the same kind and period already queued or running is returned instead of a new
    one: the constraint ``report_built_once_at_a_time`` decides, so two requests at the same
    moment cannot both create one.
    """
    if kind not in ReportKind.values:
        raise ValidationError(_("There is no report of that kind."))
    if actor is not SYSTEM and kind not in requestable_kinds(actor):
        raise PermissionDenied
    if (kind in YEARLY_KINDS) != (period.start.month == 1 and period.end.month == 12):
        raise ValidationError(_("This report covers a whole year; a quarter report a quarter."))
    if period.start > timezone.localdate():
        raise ValidationError(_("The period has not started yet."))
    about: dict[str, object] = (
        {"municipality": None, "county": _county_for(actor, county)}
        if kind == ReportKind.REGIONAL
        else {"municipality": municipality_for(actor, municipality)}
    )
    fields = {**about, "kind": kind, "period_start": period.start, "period_end": period.end}
    pending = ReportRun.objects.filter(**fields, status__in=[JobStatus.QUEUED, JobStatus.RUNNING])
    for attempt in range(3):
        try:
            with transaction.atomic():
                run = ReportRun.objects.create(**fields, requested_by=actor.user)
                _enqueue(run)
            break
        except IntegrityError:
            # The run in the way may have finished before we read it: then try again.
            if existing := pending.first():
                return existing, False
            if attempt == 2:
                raise
    if actor is not SYSTEM:
        record(actor, AccessAction.CREATE, ReportRun, run.pk, reason=str(run))
    return run, True


def _county_for(actor: Actor, county: str) -> str:
    """The county a regional report is about: one whose every municipality the actor works
    in (the system names any), so that it counts no municipality they do not work in."""
    if actor is SYSTEM:
        if not county_municipality_ids(county):
            raise ValidationError(_("No municipality of that county is served here."))
        return county
    counties = counties_within(actor.municipality_ids)
    if county in counties or (not county and len(counties) == 1):
        return county or next(iter(counties))
    raise ValidationError(_("You do not work in every municipality of that county."))


@transaction.atomic
def report_retry(*, actor: Actor, run: ReportRun) -> ReportRun:
    """Ask for a failed run again (as a new run, so the failure stays on record)."""
    if run.status != JobStatus.FAILED:
        raise ValidationError(_("Only a failed report can be tried again."))
    return report_request(
        actor=actor,
        kind=run.kind,
        period=run.period,
        municipality=run.municipality,
        county=run.county,
    )[0]


def _progress(run: ReportRun, percent: int) -> None:
    """Show how far the run has come, renewing the lease; written at once, outside any
    transaction. Raises ``LeaseLost`` when another worker has taken the run over."""
    job_alive(run, progress=percent)


def report_build(*, run_id: int) -> ReportRun | None:
    """Run by the worker: claim the run, gather its content, draw the PDF and store it.

    Returns ``None`` when the run is not this worker's to build (done already, another
    worker holds its lease, or took it over meanwhile).
    """
    run = job_claim(ReportRun, run_id, lease=settings.UMEBRA_REPORT_LEASE)
    if run is None:
        return None
    try:
        with translation.override("sv"):
            html = _report_html(run)
        _progress(run, RENDERED)
        with job_kept_alive(run, every=settings.UMEBRA_REPORT_LEASE / 3):
            data = pdf.render_archival_pdf(html)
    except LeaseLost:
        return None
    except Exception as error:  # a failed run shows why; the worker lives on
        logger.exception("Report run %s failed", run.pk)
        if not job_finish(run, error=f"{type(error).__name__}: {error}"):
            return None
        _tell_requester(run)
        return run
    with transaction.atomic():
        # The lease may have run out and another worker taken over: only one stores a file.
        if not job_holds(run):
            return None
        ReportFile.objects.create(run=run, data=data)
        run.sha256 = hashlib.sha256(data).hexdigest()
        run.size = len(data)
        run.pages = len(PdfReader(io.BytesIO(data)).pages)
        run.progress = 100
        run.save(update_fields=[*REPORT_OUTCOME, "sha256", "size", "pages", "progress"])
        job_finish(run)
        _tell_requester(run)
    return run


def _tell_requester(run: ReportRun) -> None:
    """Mail the person who asked for the run that it is done or failed; a run the schedule
    asked for names nobody. The sentence names the report's kind and period, which are no
    secret (the reports hold aggregates only)."""
    with translation.override("sv"):
        if run.status == JobStatus.DONE:
            subject = _("Your report is done")
            sentence = _("The report you asked for, %(report)s, is done.") % {"report": run}
        else:
            subject = _("Your report failed")
            sentence = _("The report you asked for, %(report)s, could not be built.") % {
                "report": run
            }
    mail_queue(
        kind=MailKind.REPORT_FINISHED,
        recipients=[run.requested_by],
        subject=subject,
        sentence=sentence,
        link=run.get_absolute_url(),
        key=f"report:{run.pk}",
    )


def _report_html(run: ReportRun) -> str:
    """The report as HTML, its content checksum printed in it.

    The checksum covers the HTML with a placeholder where the checksum goes, so anyone can
    recompute it from the same content; the file's own checksum is kept beside it.
    """
    run.snapshot_at = timezone.now()
    with consistent_snapshot():  # every table of the report counts the same data
        municipalities = run.municipality_ids()
        sections = [build(run.period, municipalities) for build in SECTIONS[run.kind]]
        sections.insert(0, summary(run.kind, run.period, sections, municipalities))
    _progress(run, GATHERED)
    run.figures = [figure for section in sections for figure in section.key_figures]
    context = {
        "run": run,
        "sections": sections,
        "threshold": threshold(),
        "checksum": CHECKSUM_PLACEHOLDER,
    }
    html = pdf.render_html("reports/pdf/report.html", context)
    run.content_sha256 = hashlib.sha256(html.encode()).hexdigest()
    return html.replace(CHECKSUM_PLACEHOLDER, run.content_sha256)


def reports_stalled_resend() -> int:
    """Send again the runs whose message may be lost: queued for a while (the broker was
    down when they were asked for), or running past their lease (the worker died)."""
    now = timezone.now()
    stalled = ReportRun.objects.filter(
        status=JobStatus.QUEUED, queued_at__lt=now - settings.UMEBRA_REPORT_RESEND_AFTER
    ) | ReportRun.objects.filter(running_silent_since(now - settings.UMEBRA_REPORT_LEASE))
    runs = list(stalled)
    for run in runs:
        with transaction.atomic():
            _enqueue(run)
    return len(runs)


@transaction.atomic
def report_quarterly_request(
    *, actor: Actor, today: datetime.date | None = None
) -> list[ReportRun]:
    """The scheduled follow-up of the quarter that just ended, of every municipality."""
    period = quarter_before(today or timezone.localdate())
    return [
        report_request(
            actor=actor, kind=ReportKind.QUARTERLY, period=period, municipality=municipality
        )[0]
        for municipality in Municipality.objects.order_by("pk")
    ]
