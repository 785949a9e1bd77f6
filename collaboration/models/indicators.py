"""Indicators and their values per area and period: what the situation picture stands on."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from collaboration.models.areas import Area
from umebra import ranges
from umebra.tenancy import tenant_field


class IndicatorSource(models.TextChoices):
    POLICE_STATISTICS = "police_statistics", _("Police statistics")
    NTU = "ntu", _("National crime survey (NTU)")
    SAFETY_SURVEY = "safety_survey", _("Local safety survey")
    SCHOOL_RESULTS = "school_results", _("School results")
    YOUTH_SURVEY = "youth_survey", _("Youth survey")
    OBSERVATIONS = "observations", _("Observations (EST)")
    OTHER = "other", _("Other")


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    YEARLY = "yearly", _("Yearly")


class Indicator(models.Model):
    municipality = tenant_field()
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=50)
    source = models.CharField(_("source"), max_length=32, choices=IndicatorSource.choices)
    frequency = models.CharField(_("frequency"), max_length=16, choices=Frequency.choices)
    description = models.TextField(_("description"), blank=True)
    uncertain = models.BooleanField(
        _("uncertain at area level"),
        default=False,
        help_text=_("For example NTU figures, whose samples are small for one municipality."),
    )
    higher_is_better = models.BooleanField(_("higher is better"), default=False)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="indicator_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("collaboration:indicator-detail", args=[self.pk])


class ValueStatus(models.TextChoices):
    PRELIMINARY = "preliminary", _("Preliminary")
    FINAL = "final", _("Final")


class IndicatorValue(models.Model):
    """One figure: an indicator's value for an area (or the whole municipality) and a period."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    area = models.ForeignKey(
        Area,
        verbose_name=_("area"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicator_values",
        help_text=_("Empty for the whole municipality."),
    )
    period = models.DateField(_("period"), help_text=_("The first day of the period."))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=3)
    status = models.CharField(
        _("status"), max_length=16, choices=ValueStatus.choices, default=ValueStatus.FINAL
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    # Who changed what, when, from what to what: shown as the object's corrections.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "area", "period"]
        # One value per area and period, and one for the whole municipality (no area):
        # two partial constraints, since SQLite cannot treat NULLs as equal in one.
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "period"],
                condition=models.Q(area__isnull=False),
                name="one_value_per_area_and_period",
            ),
            models.UniqueConstraint(
                fields=["indicator", "period"],
                condition=models.Q(area__isnull=True),
                name="one_municipal_value_per_period",
            ),
        ]
        indexes = [models.Index(fields=["indicator", "period"])]

    def __str__(self) -> str:
        return f"{self.indicator} {self.area or '–'} {self.period:%Y-%m}: {self.value}"

    def clean(self) -> None:
        """A percentage lies within 0–100; the indicator's unit says whether it is one."""
        plausible = ranges.for_unit(self.indicator.unit) if self.indicator_id else None
        if plausible:
            try:
                plausible(self.value)
            except ValidationError as error:
                raise ValidationError({"value": error}) from error
