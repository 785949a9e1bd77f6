"""Observations (*händelserapporter*, as in the EST method): short, structured and impersonal."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from collaboration.models.areas import Area
from umebra.models import Organisation
from umebra.tenancy import tenant_field


class ObservationKind(models.TextChoices):
    VANDALISM = "vandalism", _("Vandalism")
    DRUG_DEALING = "drug_dealing", _("Drug dealing")
    GATHERING = "gathering", _("Gathering of young people")
    GRAFFITI = "graffiti", _("Graffiti")
    THREAT = "threat", _("Threat or violence")
    FIRE = "fire", _("Fire")
    LITTERING = "littering", _("Littering")
    OTHER = "other", _("Other")


class Observation(models.Model):
    """What someone who moves in an area saw: where, when and what, never who."""

    municipality = tenant_field()
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="observations"
    )
    place = models.CharField(
        _("place"), max_length=120, help_text=_("For example: the footbridge by the school.")
    )
    occurred_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    kind = models.CharField(_("what"), max_length=32, choices=ObservationKind.choices)
    description = models.CharField(
        _("description"),
        max_length=300,
        blank=True,
        help_text=_("Short, and without names or anything else that identifies a person."),
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("reported by"),
        on_delete=models.PROTECT,
        related_name="observations",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Who changed what, when, from what to what: shown as the object's corrections.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["area", "occurred_at"]),
            # The list, newest first in the actor's municipalities.
            models.Index(
                fields=["municipality", "-occurred_at", "-id"], name="observation_municipality_time"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d} {self.kind_label}, {self.area}"

    @property
    def kind_label(self) -> str:
        """What ``get_kind_display`` gives, for lists (see ``JointEffort.kind_label``)."""
        return ObservationKind(self.kind).label
