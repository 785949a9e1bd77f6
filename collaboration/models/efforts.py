"""The daily log of joint efforts (*samverkansinsatser*)."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from collaboration.models.areas import Area
from umebra import ranges
from umebra.models import Organisation
from umebra.tenancy import tenant_field


class EffortKind(models.TextChoices):
    SAFETY_WALK = "safety_walk", _("Safety walk")
    FIELD_WORK = "field_work", _("Field work")
    PARENT_WALK = "parent_walk", _("Parent walk")
    YOUTH_TEAM = "youth_team", _("Youth team")
    LOS_ACTION = "los_action", _("LOS action")
    DIALOGUE = "dialogue", _("Dialogue")
    HOLIDAY_ACTIVITY = "holiday_activity", _("Holiday activity")
    CAMERA_REVIEW = "camera_review", _("Camera review")
    OTHER = "other", _("Other")


class JointEffort(models.Model):
    """Something organisations did together on a day in one or more areas."""

    municipality = tenant_field()
    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    kind = models.CharField(_("kind"), max_length=32, choices=EffortKind.choices)
    areas = models.ManyToManyField(Area, verbose_name=_("areas"), related_name="efforts")
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("organisations taking part"),
        related_name="efforts",
        through="EffortParty",
    )
    description = models.TextField(_("description"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=7,
        decimal_places=1,
        default=Decimal(0),
        validators=[ranges.EFFORT_HOURS],
        help_text=_("Working hours put in, all organisations together."),
    )
    cost = models.DecimalField(
        _("cost (SEK)"),
        max_digits=12,
        decimal_places=2,
        default=Decimal(0),
        validators=[ranges.AMOUNT],
    )
    people_reached = models.PositiveIntegerField(
        _("people reached"), default=0, validators=[ranges.PEOPLE]
    )
    agreement = models.ForeignKey(
        "collaboration.CooperationAgreement",
        verbose_name=_("serves the cooperation agreement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="efforts",
    )
    undertaking = models.ForeignKey(
        "collaboration.Undertaking",
        verbose_name=_("serves the promise or safety agreement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="efforts",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("logged by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("logged at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    # Who changed what, when, from what to what: shown as the object's corrections. The
    # areas and organisations are not kept: a many-to-many change would be a second record.
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("joint effort")
        verbose_name_plural = _("joint efforts")
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["kind", "date"]),
            # The list, newest first in the actor's municipalities.
            models.Index(fields=["municipality", "-date", "-id"], name="effort_municipality_date"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(hours__gte=0), name="effort_hours_positive"),
            models.CheckConstraint(condition=models.Q(cost__gte=0), name="effort_cost_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.kind_label}"

    @property
    def kind_label(self) -> str:
        """What ``get_kind_display`` gives, for lists: that one hashes every choice's lazy
        label on each call, a few milliseconds on a page of fifty."""
        return EffortKind(self.kind).label


class EffortParty(models.Model):
    """An organisation taking part in an effort (the table of ``JointEffort.organisations``),
    with the effort's municipality beside it: a party's effort list reads its own rows in the
    actor's municipalities by one index, rather than every effort of the country it took part
    in (docs/benchmarks.md). Set from the effort when the row is made, and never changed, as
    the effort's is not."""

    jointeffort = models.ForeignKey(JointEffort, on_delete=models.CASCADE)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    municipality = tenant_field()

    class Meta:
        db_table = "collaboration_jointeffort_organisations"
        verbose_name = _("organisation taking part")
        verbose_name_plural = _("organisations taking part")
        unique_together = [("jointeffort", "organisation")]
        indexes = [
            models.Index(
                fields=["organisation", "municipality", "jointeffort"],
                name="effort_party_municipality",
            )
        ]

    def __str__(self) -> str:
        return f"{self.jointeffort_id}: {self.organisation_id}"
