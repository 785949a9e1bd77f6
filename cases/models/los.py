"""LOS operations (*lokal operativ samverkan*): agencies acting together against criminal
establishment. Targets are businesses and premises; each agency keeps its own inspections and
measures; intelligence is the police's alone."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from collaboration.models import Area
from umebra import ranges
from umebra.models import Municipality, Organisation, OrganisationKind
from umebra.tenancy import tenant_field
from umebra.validators import period_errors, validate_organisation_number
from umebra.workflow import Transitions


class OperationStatus(models.TextChoices):
    PLANNING = "planning", _("Planning")
    ACTIVE = "active", _("Active")
    CONCLUDED = "concluded", _("Concluded")
    ARCHIVED = "archived", _("Archived")


OPERATION_TRANSITIONS: Transitions = {
    OperationStatus.PLANNING: frozenset({OperationStatus.ACTIVE, OperationStatus.ARCHIVED}),
    OperationStatus.ACTIVE: frozenset({OperationStatus.CONCLUDED}),
    OperationStatus.CONCLUDED: frozenset({OperationStatus.ARCHIVED}),
    OperationStatus.ARCHIVED: frozenset(),
}


class Operation(models.Model):
    """A joint operation (*LOS-insats*). Its ``municipality`` is the home one, where it was
    planned; ``municipalities`` are all it names, the home one among them, for the police
    area and state agencies often act across a border. Each of its targets is in one of
    them, and seen only by those who work there (``cases.policy``)."""

    municipality = tenant_field()
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("municipalities"), related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=OperationStatus.choices,
        default=OperationStatus.PLANNING,
    )
    lead = models.ForeignKey(
        Organisation, verbose_name=_("led by"), on_delete=models.PROTECT, related_name="+"
    )
    parties = models.ManyToManyField(
        Organisation, verbose_name=_("parties"), related_name="operations"
    )
    starts_on = models.DateField(_("starts"), default=timezone.localdate)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    objective = models.TextField(_("objective"))
    summary = models.TextField(
        _("after-action summary"), blank=True, help_text=_("What was done and what it led to.")
    )
    # Kept when its maker's account is deleted: the record stands, without a name.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("LOS operation")
        verbose_name_plural = _("LOS operations")
        ordering = ["-starts_on", "-id"]
        indexes = [
            # The list, newest first in the actor's municipalities.
            models.Index(
                fields=["municipality", "-starts_on", "-id"], name="operation_municipality_start"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("cases:operation-detail", args=[self.pk])

    def clean(self) -> None:
        """A period that ends after it begins, and a lead whose people may change the
        operation (police or a municipal unit's coordinators): handed to an agency, it
        could be changed by nobody any more."""
        if errors := period_errors(self.starts_on, self.ends_on, "ends_on"):
            raise ValidationError(errors)
        if self.lead_id and self.lead.kind not in LEAD_KINDS:
            raise ValidationError({"lead": _("The police or a municipal unit leads an operation.")})
        if errors := self._inspections_outside_errors():
            raise ValidationError(errors)

    def _inspections_outside_errors(self) -> dict[str, ValidationError]:
        """A period moved past inspections already made would leave them outside it, where
        ``Inspection.clean`` would never have let them be dated: refused on the day that
        moved, naming the inspections' dates so the user knows what is in the way."""
        if self.pk is None:
            return {}
        inspections = Inspection.objects.filter(target__operation_id=self.pk).order_by("date")
        errors = {}
        if early := _dates(inspections.filter(date__lt=self.starts_on)):
            message = ngettext(
                "The operation has an inspection before this day (%(dates)s): choose a start "
                "that covers it.",
                "The operation has inspections before this day (%(dates)s): choose a start "
                "that covers them.",
                len(early),
            )
            errors["starts_on"] = _outside(message, early)
        if self.ends_on and (late := _dates(inspections.filter(date__gt=self.ends_on))):
            message = ngettext(
                "The operation has an inspection after this day (%(dates)s): choose an end "
                "that covers it.",
                "The operation has inspections after this day (%(dates)s): choose an end "
                "that covers them.",
                len(late),
            )
            errors["ends_on"] = _outside(message, late)
        return errors


def _dates(inspections: models.QuerySet) -> list:
    return list(dict.fromkeys(inspections.values_list("date", flat=True)))


def _outside(message: str, dates: list) -> ValidationError:
    # In the reader's date format, as Inspection.clean names the period: "3 mars 2026".
    named = ", ".join(date_format(day) for day in dates)
    return ValidationError(message, "inspections_outside_period", {"dates": named})


# The kinds of organisation whose people (police, coordinators) lead and change an operation.
LEAD_KINDS = frozenset({OrganisationKind.POLICE, OrganisationKind.MUNICIPAL_UNIT})


class TargetKind(models.TextChoices):
    BUSINESS = "business", _("Business")
    PREMISES = "premises", _("Premises")
    PROPERTY = "property", _("Property")


class Target(models.Model):
    """A business or premises an operation acts against. It is in one of the operation's
    municipalities, set by ``target_create``: a joint operation's target is seen only by
    those who work in its own municipality, as if that municipality ran the operation alone."""

    municipality = tenant_field()
    operation = models.ForeignKey(Operation, on_delete=models.CASCADE, related_name="targets")
    kind = models.CharField(_("kind"), max_length=16, choices=TargetKind.choices)
    name = models.CharField(_("name"), max_length=200)
    organisation_number = models.CharField(
        _("organisation number"),
        max_length=11,
        blank=True,
        validators=[validate_organisation_number],
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    area = models.ForeignKey(
        Area,
        verbose_name=_("area"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = pgettext_lazy("LOS", "target")
        verbose_name_plural = pgettext_lazy("LOS", "targets")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class InspectionKind(models.TextChoices):
    CASH_REGISTERS = "cash_registers", _("Cash registers")
    WORK_ENVIRONMENT = "work_environment", _("Work environment")
    ALCOHOL_LICENCE = "alcohol_licence", _("Alcohol licence")
    FOOD = "food", _("Food")
    FIRE_SAFETY = "fire_safety", _("Fire safety")
    DEBT_ENFORCEMENT = "debt_enforcement", _("Debt enforcement")


class Inspection(models.Model):
    """One agency's inspection (*tillsyn*) of a target: that agency's own record."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="inspections")
    agency = models.ForeignKey(
        Organisation, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    kind = models.CharField(_("kind"), max_length=20, choices=InspectionKind.choices)
    findings = models.TextField(_("findings"))
    # Kept when its maker's account is deleted: the record stands, without a name.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.date:%Y-%m-%d}"

    def clean(self) -> None:
        """An inspection is part of its operation: dated outside the operation's period it
        would count in the reports for a time the operation did not run. (A measure has no
        date of its own; it is taken at its inspection.)"""
        if not (self.target_id and self.date):
            return
        operation = self.target.operation
        start, end = operation.starts_on, operation.ends_on
        if start <= self.date and (end is None or self.date <= end):
            return
        if end is None:
            message = _("The date lies outside the operation's period, from %(start)s.")
        else:
            message = _("The date lies outside the operation's period, %(start)s – %(end)s.")
        # In the reader's date format: "3 mars 2026" in Swedish.
        dates = {"start": date_format(start), "end": date_format(end) if end else ""}
        raise ValidationError({"date": ValidationError(message, "outside_period", dates)})


class MeasureKind(models.TextChoices):
    INJUNCTION = "injunction", _("Injunction")
    FEE = "fee", _("Fee")
    REVOKED_LICENCE = "revoked_licence", _("Revoked licence")
    SEIZURE = "seizure", _("Seizure")
    ENFORCEMENT = "enforcement", _("Enforcement")


class Measure(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="measures")
    kind = models.CharField(_("kind"), max_length=20, choices=MeasureKind.choices)
    amount = models.DecimalField(
        _("amount (SEK)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[ranges.AMOUNT],
    )
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["id"]

    def __str__(self) -> str:
        return str(self.get_kind_display())

    def clean(self) -> None:
        # A fee is money by definition; an injunction's fine or a seizure's value may be
        # unknown when the measure is recorded, so only the fee must have its amount.
        if self.kind == MeasureKind.FEE and not self.amount:
            raise ValidationError({"amount": _("A fee needs an amount above 0 SEK.")})


class IntelligenceNote(models.Model):
    """Police-only intelligence about an operation: nobody else ever reads it."""

    operation = models.ForeignKey(Operation, on_delete=models.CASCADE, related_name="intelligence")
    text = models.TextField(_("intelligence"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("intelligence note")
        verbose_name_plural = _("intelligence notes")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.operation}: {self.created_at:%Y-%m-%d}"
