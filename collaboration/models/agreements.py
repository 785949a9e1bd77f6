"""Agreements and what is promised under them.

- A cooperation agreement (*samverkansöverenskommelse*) binds the municipality and the police
  for a period (four years in Umeå).
- Under it, citizen promises (*medborgarlöften*) are public undertakings for a shorter period,
  and safety agreements (*trygghetsöverenskommelser*) bind the parties of one place.

Promises and safety agreements are followed up the same way (activities with a responsible
party, indicators with baseline and target, quarterly follow-ups, a log of what residents were
told), so they share one table, ``Undertaking``, told apart by ``kind``, with a proxy model
for each.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from collaboration.models.areas import Area
from collaboration.models.responsible import (
    RESPONSIBLE_PERSON_LEFT,
    responsible_person_errors,
    responsible_person_field,
)
from umebra import ranges
from umebra.models import Organisation
from umebra.periods import quarter_label
from umebra.tenancy import tenant_field
from umebra.validity import ValidityPeriod, period_ordered


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed")
    ACTIVE = "active", _("Active")
    EXPIRED = "expired", _("Expired")
    RENEWED = "renewed", _("Renewed")


class CooperationAgreement(ValidityPeriod):
    municipality = tenant_field()
    title = models.CharField(_("title"), max_length=200)
    # The municipality as a party, the organisation that signs (Umeå kommun).
    municipal_party = models.ForeignKey(
        Organisation, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="+"
    )
    police = models.ForeignKey(
        Organisation, verbose_name=_("police"), on_delete=models.PROTECT, related_name="+"
    )
    municipality_signatory = models.CharField(
        _("signed for the municipality by"),
        max_length=200,
        blank=True,
        help_text=_("The chair of the executive committee."),
    )
    police_signatory = models.CharField(
        _("signed for the police by"),
        max_length=200,
        blank=True,
        help_text=_("The local police area chief."),
    )
    focus = models.TextField(_("focus areas"))
    status = models.CharField(
        _("status"), max_length=16, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT
    )
    document = models.FileField(
        _("signed document"),
        upload_to="agreements/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"])],
    )

    class Meta:
        verbose_name = _("cooperation agreement")
        verbose_name_plural = _("cooperation agreements")
        ordering = ["-valid_from"]
        constraints = [period_ordered("cooperation_period_ordered")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("collaboration:agreement-detail", args=[self.pk])


class UndertakingKind(models.TextChoices):
    CITIZEN_PROMISE = "citizen_promise", _("Citizen promise")
    SAFETY_AGREEMENT = "safety_agreement", _("Safety agreement")


class UndertakingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")


class Undertaking(ValidityPeriod):
    """A citizen promise or a safety agreement: what the parties undertake, and its follow-up."""

    municipality = tenant_field()
    kind = models.CharField(_("kind"), max_length=32, choices=UndertakingKind.choices)
    title = models.CharField(_("title"), max_length=200)
    problem = models.TextField(
        _("problem"),
        help_text=_("What the situation picture and the dialogue with residents showed."),
    )
    agreement = models.ForeignKey(
        CooperationAgreement,
        verbose_name=_("under the cooperation agreement"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="undertakings",
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    areas = models.ManyToManyField(Area, verbose_name=_("areas"), related_name="undertakings")
    parties = models.ManyToManyField(
        Organisation, verbose_name=_("parties"), related_name="undertakings"
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=UndertakingStatus.choices,
        default=UndertakingStatus.DRAFT,
    )
    published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("A published citizen promise is shown to everyone, without login."),
    )

    class Meta:
        verbose_name = _("undertaking")
        verbose_name_plural = _("undertakings")
        ordering = ["-valid_from", "title"]
        constraints = [
            period_ordered("undertaking_period_ordered"),
            models.CheckConstraint(
                condition=~Q(kind=UndertakingKind.CITIZEN_PROMISE) | Q(agreement__isnull=False),
                name="promise_under_an_agreement",
            ),
            models.CheckConstraint(
                condition=Q(kind=UndertakingKind.CITIZEN_PROMISE) | Q(published=False),
                name="only_promises_are_published",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("collaboration:undertaking-detail", args=[self.pk])

    def clean(self) -> None:
        errors = self.period_errors()
        if self.kind == UndertakingKind.CITIZEN_PROMISE and not self.agreement_id:
            errors["agreement"] = _("A citizen promise is made under a cooperation agreement.")
        if self.kind != UndertakingKind.CITIZEN_PROMISE and self.published:
            errors["published"] = _("Only citizen promises are published.")
        if errors:
            raise ValidationError(errors)


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    DONE = "done", _("Done")
    DELAYED = "delayed", _("Delayed")
    CANCELLED = "cancelled", _("Cancelled")


class Activity(models.Model):
    """What one party undertakes to do, and by when (a promise's activity, a party's
    commitment in a safety agreement)."""

    undertaking = models.ForeignKey(
        Undertaking, on_delete=models.CASCADE, related_name="activities"
    )
    description = models.TextField(_("activity"))
    responsible = models.ForeignKey(
        Organisation, verbose_name=_("responsible"), on_delete=models.PROTECT, related_name="+"
    )
    # Someone acting for the responsible organisation, reminded when it falls due.
    responsible_person = responsible_person_field()
    due = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=16, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    # Who changed what, when, from what to what: shown as the object's corrections.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return self.description[:60]

    def clean(self) -> None:
        errors = responsible_person_errors(
            self.responsible_person, self.responsible if self.responsible_id else None
        )
        if errors and self._keeps_its_person():
            # Named when they acted for it, and left since: the activity can still be closed
            # as it stands; any other change asks for the person to be cleared or changed.
            finished = self.status in (ActivityStatus.DONE, ActivityStatus.CANCELLED)
            errors = {} if finished else {"responsible_person": RESPONSIBLE_PERSON_LEFT}
        if errors:
            raise ValidationError(errors)

    def _keeps_its_person(self) -> bool:
        """Whether the stored activity already names this person for this organisation."""
        if self.pk is None:
            return False
        return Activity.objects.filter(
            pk=self.pk,
            responsible_person_id=self.responsible_person_id,
            responsible_id=self.responsible_id,
        ).exists()


class Target(models.Model):
    """An indicator the undertaking is followed by, with where it began and where it should go."""

    undertaking = models.ForeignKey(Undertaking, on_delete=models.CASCADE, related_name="targets")
    name = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=50)
    source = models.CharField(_("source"), max_length=200, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("indicator target")
        verbose_name_plural = _("indicator targets")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """A percentage's baseline and target lie within 0–100 like its values."""
        errors = {}
        if plausible := ranges.for_unit(self.unit):
            for name in ("baseline", "target"):
                try:
                    plausible(getattr(self, name))
                except ValidationError as error:
                    errors[name] = error
        if errors:
            raise ValidationError(errors)

    def progress(self, value) -> float | None:
        """How far ``value`` has come from the baseline towards the target, 0 to 1."""
        if value is None or self.target == self.baseline:
            return None
        share = float((value - self.baseline) / (self.target - self.baseline))
        return max(0.0, min(1.0, share))


class FollowUpStatus(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    OFF_TRACK = "off_track", _("Off track")


class FollowUp(models.Model):
    """The quarterly follow-up: where the undertaking stands, with its indicators' values."""

    undertaking = models.ForeignKey(
        Undertaking, on_delete=models.CASCADE, related_name="follow_ups"
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    status = models.CharField(_("status"), max_length=16, choices=FollowUpStatus.choices)
    comment = models.TextField(_("comment"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Set by the explicit publishing step, never by a save: until then the public page
    # leaves the follow-up out. A correction after it is dated for the public to see.
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    corrected_at = models.DateTimeField(_("corrected"), null=True, blank=True, editable=False)
    # Who changed what, when, from what to what: shown as the object's corrections.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["-year", "-quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["undertaking", "year", "quarter"], name="one_follow_up_a_quarter"
            ),
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4), name="follow_up_quarter_1_to_4"
            ),
        ]

    def __str__(self) -> str:
        return quarter_label(self.year, self.quarter)


class TargetValue(models.Model):
    follow_up = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="values")
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="values")
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    # Who changed what, when, from what to what: shown as the object's corrections.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target value")
        verbose_name_plural = _("target values")
        constraints = [
            models.UniqueConstraint(fields=["follow_up", "target"], name="one_value_a_follow_up")
        ]

    def __str__(self) -> str:
        return f"{self.target}: {self.value}"

    def clean(self) -> None:
        """A percentage lies within 0–100 whoever writes it: the form checks it on its field,
        and a service (a correction, an import) meets the same rule here."""
        plausible = ranges.for_unit(self.target.unit) if self.target_id else None
        if plausible and self.value is not None:
            try:
                plausible(self.value)
            except ValidationError as error:
                raise ValidationError({"value": error}) from None


class FeedbackChannel(models.TextChoices):
    MEETING = "meeting", _("Residents' meeting")
    WEBSITE = "website", _("Website")
    SOCIAL_MEDIA = "social_media", _("Social media")
    PRESS = "press", _("Local press")
    LETTER = "letter", _("Letter or leaflet")
    OTHER = "other", _("Other")


class ResidentFeedback(models.Model):
    """How residents were told what has been done: where promises usually fail."""

    undertaking = models.ForeignKey(Undertaking, on_delete=models.CASCADE, related_name="feedback")
    date = models.DateField(_("date"))
    channel = models.CharField(_("channel"), max_length=16, choices=FeedbackChannel.choices)
    description = models.TextField(_("what was told"))
    people_reached = models.PositiveIntegerField(
        _("people reached"), default=0, validators=[ranges.PEOPLE]
    )

    class Meta:
        verbose_name = _("feedback to residents")
        verbose_name_plural = _("feedback to residents")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_channel_display()}"
