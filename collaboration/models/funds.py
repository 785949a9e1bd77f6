"""Funds and grant applications: the safety fund units apply to, followed to effect per krona."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from umebra import ranges
from umebra.models import Organisation
from umebra.tenancy import tenant_field
from umebra.workflow import Transitions

AMOUNT = {"max_digits": 12, "decimal_places": 2, "validators": [ranges.AMOUNT]}


class Fund(models.Model):
    municipality = tenant_field()
    name = models.CharField(_("name"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("amount (SEK)"), **AMOUNT)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("fund")
        verbose_name_plural = _("funds")
        ordering = ["-year", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name", "year"], name="fund_once_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("collaboration:fund-detail", args=[self.pk])


class GrantStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    SUPPLEMENT_REQUESTED = "supplement_requested", _("Supplement requested")
    GRANTED = "granted", _("Granted")
    PARTLY_GRANTED = "partly_granted", _("Partly granted")
    REJECTED = "rejected", _("Rejected")
    PROGRESS_REPORTED = "progress_reported", _("Progress reported")
    FINAL_REPORTED = "final_reported", _("Final report received")
    CLOSED = "closed", _("Closed")
    RECLAIMED = "reclaimed", _("Reclaimed")


GRANTED = frozenset({GrantStatus.GRANTED, GrantStatus.PARTLY_GRANTED})
GRANT_TRANSITIONS: Transitions = {
    GrantStatus.RECEIVED: frozenset(
        {GrantStatus.SUPPLEMENT_REQUESTED, *GRANTED, GrantStatus.REJECTED}
    ),
    GrantStatus.SUPPLEMENT_REQUESTED: frozenset({GrantStatus.RECEIVED, GrantStatus.REJECTED}),
    GrantStatus.GRANTED: frozenset({GrantStatus.PROGRESS_REPORTED, GrantStatus.RECLAIMED}),
    GrantStatus.PARTLY_GRANTED: frozenset({GrantStatus.PROGRESS_REPORTED, GrantStatus.RECLAIMED}),
    GrantStatus.PROGRESS_REPORTED: frozenset({GrantStatus.FINAL_REPORTED, GrantStatus.RECLAIMED}),
    GrantStatus.FINAL_REPORTED: frozenset({GrantStatus.CLOSED, GrantStatus.RECLAIMED}),
    GrantStatus.REJECTED: frozenset(),
    GrantStatus.CLOSED: frozenset(),
    GrantStatus.RECLAIMED: frozenset(),
}


class GrantApplication(models.Model):
    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(
        Organisation, verbose_name=_("applicant"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    problem = models.TextField(_("problem addressed"))
    measure = models.TextField(_("measure"))
    goals = models.TextField(_("goals"), help_text=_("SMART: specific, measurable, achievable, "
                                                     "relevant, time-bound."))  # fmt: skip
    evaluation = models.TextField(_("how it will be evaluated"))
    partners = models.ManyToManyField(
        Organisation, verbose_name=_("partners"), blank=True, related_name="+"
    )
    amount_requested = models.DecimalField(_("amount requested (SEK)"), **AMOUNT)
    amount_granted = models.DecimalField(_("amount granted (SEK)"), null=True, blank=True, **AMOUNT)
    status = models.CharField(
        _("status"), max_length=32, choices=GrantStatus.choices, default=GrantStatus.RECEIVED
    )
    decision_note = models.TextField(_("reason for the decision"), blank=True)
    outcome = models.DecimalField(
        _("outcome"), max_digits=12, decimal_places=1, null=True, blank=True,
        help_text=_("The measured result, reported in the final report."),
    )  # fmt: skip
    outcome_unit = models.CharField(
        _("unit of the outcome"), max_length=100, blank=True, help_text=_("For example: young "
                                                                            "people reached.")
    )  # fmt: skip
    received_on = models.DateField(_("received on"), auto_now_add=True)

    class Meta:
        verbose_name = _("grant application")
        verbose_name_plural = _("grant applications")
        ordering = ["-received_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_granted__isnull=True)
                | Q(amount_granted__lte=models.F("amount_requested")),
                name="grant_not_above_request",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("collaboration:application-detail", args=[self.pk])


class BudgetLine(models.Model):
    application = models.ForeignKey(
        GrantApplication, on_delete=models.CASCADE, related_name="budget_lines"
    )
    item = models.CharField(_("item"), max_length=200)
    amount = models.DecimalField(_("amount (SEK)"), **AMOUNT)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.item


class Spending(models.Model):
    application = models.ForeignKey(
        GrantApplication, on_delete=models.CASCADE, related_name="spending"
    )
    date = models.DateField(_("date"))
    amount = models.DecimalField(_("amount (SEK)"), **AMOUNT)
    description = models.CharField(_("what"), max_length=200)

    class Meta:
        verbose_name = _("spending")
        verbose_name_plural = _("spending")
        ordering = ["date", "id"]

    def __str__(self) -> str:
        return f"{self.date}: {self.amount}"


class GrantReport(models.Model):
    """A progress or final report from the grantee, with the transition it made."""

    application = models.ForeignKey(
        GrantApplication, on_delete=models.CASCADE, related_name="reports"
    )
    status = models.CharField(_("status after"), max_length=32, choices=GrantStatus.choices)
    text = models.TextField(_("report"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("grant report")
        verbose_name_plural = _("grant reports")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.application}: {self.get_status_display()}"
