"""Report runs: one row per report asked for, its state, and the PDF it produced."""

import datetime

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reports.periods import Period
from umebra.jobs import Job, JobStatus
from umebra.periods import is_preliminary, preliminary_label
from umebra.tenancy import county_municipality_ids, tenant_field


class ReportKind(models.TextChoices):
    QUARTERLY = "quarterly", _("Quarterly follow-up")
    SITUATION_PICTURE = "situation_picture", _("Yearly situation picture")
    ACTION_PLAN = "action_plan", _("Action plan")
    CITIZEN_PROMISES = "citizen_promises", _("Citizen-promise follow-up")
    SAFETY_AGREEMENTS = "safety_agreements", _("Safety-agreement follow-up")
    REGIONAL = "regional", _("Regional quarterly follow-up")


# Each kind's file name, in Swedish for the people who file it, without å, ä and ö so that
# every system keeps it as it is.
FILE_NAMES = {
    ReportKind.QUARTERLY: "kvartalsuppfoljning",
    ReportKind.SITUATION_PICTURE: "lagesbild",
    ReportKind.ACTION_PLAN: "atgardsplan",
    ReportKind.CITIZEN_PROMISES: "medborgarloften",
    ReportKind.SAFETY_AGREEMENTS: "trygghetsoverenskommelser",
    ReportKind.REGIONAL: "regional-kvartalsuppfoljning",
}

# Kinds that cover a calendar year; the others cover a quarter.
YEARLY_KINDS = frozenset({ReportKind.SITUATION_PICTURE, ReportKind.ACTION_PLAN})


class ReportRun(Job):
    """A report of one kind for one period, built by a worker from a snapshot of the data.

    At most one run per kind and period is queued or running at a time (a constraint), so a
    report asked for twice is built once. A finished run keeps its PDF and both checksums:
    ``sha256`` of the file, to verify a copy, and ``content_sha256`` of what was rendered,
    which the PDF prints (a file cannot contain its own checksum).

    A report is about one municipality, or, a regional one, about a whole county (SCB's
    two-digit ``county``): the county's municipalities of the installation, counted together
    and each in its row of the law's cycle, for länsstyrelsen.
    """

    municipality = tenant_field(null=True)
    county = models.CharField(
        _("county"),
        max_length=2,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{2}$", _("A county code is two digits."))],
    )
    kind = models.CharField(_("kind"), max_length=32, choices=ReportKind.choices)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    snapshot_at = models.DateTimeField(_("data as of"), null=True, blank=True)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    size = models.PositiveIntegerField(_("size (bytes)"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, blank=True, db_index=True)
    content_sha256 = models.CharField(
        _("SHA-256 of the content"), max_length=64, blank=True, db_index=True
    )
    # The report's key figures as printed, [label, shown value], for the home page and for
    # the summaries of later reports: the same suppressed figures as the PDF, never counted
    # afresh. The label is kept untranslated, so that a page names it in its reader's
    # language.
    figures = models.JSONField(_("key figures"), default=list, blank=True)

    class Meta:
        ordering = ["-queued_at", "-id"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "kind", "period_start", "period_end"],
                condition=Q(status__in=[JobStatus.QUEUED, JobStatus.RUNNING]),
                name="report_built_once_at_a_time",
            ),
            models.UniqueConstraint(
                fields=["county", "kind", "period_start", "period_end"],
                condition=Q(
                    status__in=[JobStatus.QUEUED, JobStatus.RUNNING], municipality__isnull=True
                ),
                name="regional_report_built_once_at_a_time",
            ),
            models.CheckConstraint(
                condition=Q(municipality__isnull=True, kind="regional") & ~Q(county="")
                | Q(municipality__isnull=False, county="") & ~Q(kind="regional"),
                name="report_of_a_municipality_or_a_county",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="report_period_in_order",
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="report_progress_0_100"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period.label}"

    @property
    def period(self) -> Period:
        return Period(self.period_start, self.period_end)

    @property
    def data_until(self) -> datetime.date:
        """The last day whose data the report holds: the day it was built (today for a
        run not built yet)."""
        return timezone.localdate(self.snapshot_at) if self.snapshot_at else timezone.localdate()

    @property
    def is_preliminary(self) -> bool:
        """Built before its period was over, so it stays preliminary for good: a report is
        a snapshot and never counts again (ask for a new one after the period ends)."""
        return is_preliminary(self.period_end, self.data_until)

    @property
    def preliminary_label(self) -> str:
        """ "preliminär, data t.o.m. …" for a preliminary report, else nothing."""
        return preliminary_label(self.data_until) if self.is_preliminary else ""

    @property
    def filename(self) -> str:
        """``kvartalsuppfoljning-2026-k3``, marked ``-preliminar`` when built before its
        period ended (the PDF's extension is added where it is sent)."""
        name = f"{FILE_NAMES[ReportKind(self.kind)]}-{self.period.slug}"
        return f"{name}-preliminar" if self.is_preliminary else name

    def get_absolute_url(self) -> str:
        return reverse("reports:report-detail", args=[self.pk])

    def municipality_ids(self) -> frozenset[int]:
        """The municipalities the report counts: its own, or its county's."""
        if self.municipality_id is not None:
            return frozenset({self.municipality_id})
        return county_municipality_ids(self.county)


class ReportFile(models.Model):
    """The PDF of a finished run, kept in the database so that every web and worker process
    reads the same bytes and a database backup holds the reports too."""

    run = models.OneToOneField(
        ReportRun, on_delete=models.CASCADE, primary_key=True, related_name="file"
    )
    data = models.BinaryField(_("PDF"))

    class Meta:
        verbose_name = _("report file")

    def __str__(self) -> str:
        return str(self.run)
