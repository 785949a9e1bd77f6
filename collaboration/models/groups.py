"""Collaboration groups (*samverkansgrupper*), their meetings and the decisions taken there.

The chain runs from the strategic council, which the law asks for, down to operational
groups. Too many groups with unclear mandates is a known failure, so each group states its
mandate, and the overview points out groups that overlap.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from collaboration.models.areas import Area
from collaboration.models.responsible import responsible_person_errors, responsible_person_field
from umebra.models import Organisation
from umebra.tenancy import tenant_field


class GroupLevel(models.TextChoices):
    STRATEGIC = "strategic", _("Strategic")
    TACTICAL = "tactical", _("Tactical")
    OPERATIONAL = "operational", _("Operational")


class Cadence(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    FORTNIGHTLY = "fortnightly", _("Every other week")
    MONTHLY = "monthly", _("Every month")
    QUARTERLY = "quarterly", _("Every quarter")
    AS_NEEDED = "as_needed", _("As needed")


class CollaborationGroup(models.Model):
    municipality = tenant_field()
    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("level"), max_length=16, choices=GroupLevel.choices)
    mandate = models.TextField(
        _("mandate"), help_text=_("What the group may decide, and for what.")
    )
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("owned by"),
        on_delete=models.PROTECT,
        related_name="owned_groups",
    )
    members = models.ManyToManyField(
        Organisation, verbose_name=_("member organisations"), related_name="collaboration_groups"
    )
    areas = models.ManyToManyField(
        Area, verbose_name=_("areas"), blank=True, related_name="collaboration_groups"
    )
    cadence = models.CharField(_("meets"), max_length=16, choices=Cadence.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reports to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    class Meta:
        verbose_name = _("collaboration group")
        verbose_name_plural = _("collaboration groups")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="group_not_its_own_parent"
            ),
            models.UniqueConstraint(fields=["municipality", "name"], name="group_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("collaboration:group-detail", args=[self.pk])

    def clean(self) -> None:
        """The chain must end: a group may not report, however indirectly, to itself."""
        ancestor, seen = self.parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A group cannot report to itself.")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent


class Meeting(models.Model):
    group = models.ForeignKey(CollaborationGroup, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(_("date"))
    agenda = models.TextField(_("agenda"))
    minutes = models.TextField(_("minutes"), blank=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.group}, {self.date:%Y-%m-%d}"


class Decision(models.Model):
    """A decision of a meeting, tracked as an action until it is done."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"))
    owner = models.ForeignKey(
        Organisation, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="+"
    )
    # Someone acting for the owner organisation, reminded when it falls due.
    responsible_person = responsible_person_field()
    due = models.DateField(_("due"), null=True, blank=True)
    done_on = models.DateField(_("done"), null=True, blank=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["done_on", "due", "id"]

    def __str__(self) -> str:
        return self.text[:60]

    def clean(self) -> None:
        errors = responsible_person_errors(
            self.responsible_person, self.owner if self.owner_id else None
        )
        if errors:
            raise ValidationError(errors)
