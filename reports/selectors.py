"""Reads of reports, through the access layer."""

import hashlib

from django.core.files import File
from django.db.models import QuerySet
from django.utils import timezone

from reports.county import CycleState, cycle_by_municipality
from reports.models import ReportFile, ReportKind, ReportRun
from reports.periods import Period
from umebra import access
from umebra.jobs import JobStatus
from umebra.models import User
from umebra.tenancy import counties_within


def report_list(*, user: User) -> QuerySet[ReportRun]:
    return access.restrict(user, ReportRun.objects.select_related("requested_by"))


def reports_ready(*, user: User) -> QuerySet[ReportRun]:
    return report_list(user=user).filter(status=JobStatus.DONE)


def report_files(*, user: User) -> QuerySet[ReportFile]:
    """The PDFs of the reports the user may read, each with its run (for the file name)."""
    return access.restrict(user, ReportFile.objects.select_related("run"))


def published_figures(
    *, kind: str, period: Period, municipalities: frozenset[int]
) -> dict[str, str]:
    """The key figures of ``period`` as its latest finished report of ``kind`` about the
    same ``municipalities`` printed them, by label: what a later report may set beside its
    own without telling more."""
    runs = ReportRun.objects.filter(
        kind=kind, period_start=period.start, period_end=period.end, status=JobStatus.DONE
    )
    if kind == ReportKind.REGIONAL:
        runs = runs.filter(municipality=None, county__in=counties_within(municipalities))
    else:
        runs = runs.filter(municipality_id__in=municipalities)
    run = runs.order_by("-finished_at", "-id").first()
    return dict(run.figures) if run else {}


def report_verify(*, file: File | None = None, checksum: str = "") -> ReportRun | None:
    """The finished report whose file is ``file`` (read in chunks), or whose file or
    content checksum is ``checksum``. Public: it tells only what the document itself
    states."""
    if file is not None:
        checksum = hashlib.file_digest(file, "sha256").hexdigest()
    checksum = checksum.strip().lower()
    if len(checksum) != 64:
        return None
    done = ReportRun.objects.filter(status=JobStatus.DONE)
    return (done.filter(sha256=checksum) | done.filter(content_sha256=checksum)).first()


def cycle_today(*, user: User) -> list[CycleState]:
    """Where each municipality ``user`` works in stands in the law's cycle today."""
    return cycle_by_municipality(access.actor_for(user).municipality_ids, timezone.localdate())
