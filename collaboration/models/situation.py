"""The situation picture (*lägesbild*) and the action plan (*åtgärdsplan*) the law asks for.

SFS 2023:196 asks each municipality for a situation picture of crime and its causes, an action
plan from it adopted by the council, and follow-up. A picture is drafted, reviewed, adopted
by a named body on a date under a case number, and superseded by the next; the plan's rows
answer its prioritised problems.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from collaboration.models.agreements import Undertaking
from collaboration.models.areas import Area
from collaboration.models.efforts import JointEffort
from umebra.models import Organisation
from umebra.tenancy import tenant_field
from umebra.workflow import Transitions


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("Under review")
    ADOPTED = "adopted", _("Adopted")
    SUPERSEDED = "superseded", _("Superseded")


DOCUMENT_TRANSITIONS: Transitions = {
    DocumentStatus.DRAFT: frozenset({DocumentStatus.REVIEW}),
    DocumentStatus.REVIEW: frozenset({DocumentStatus.DRAFT, DocumentStatus.ADOPTED}),
    DocumentStatus.ADOPTED: frozenset({DocumentStatus.SUPERSEDED}),
    DocumentStatus.SUPERSEDED: frozenset(),
}


class Adoption(models.Model):
    """What an adopted document records: the body, the date and the case number."""

    municipality = tenant_field()
    status = models.CharField(
        _("status"), max_length=16, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT
    )
    adopted_by = models.CharField(
        _("adopted by"), max_length=200, blank=True, help_text=_("For example the council.")
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    case_number = models.CharField(_("case number"), max_length=50, blank=True)

    class Meta:
        abstract = True


class SituationPicture(Adoption):
    title = models.CharField(_("title"), max_length=200)
    mapping = models.TextField(
        _("crime, its extent and consequences"),
        help_text=_("The law's first part: a mapping of crime in the municipality."),
    )
    other_information = models.TextField(_("other relevant information"), blank=True)
    analysis = models.TextField(_("analysis, including causes"))
    sources = models.TextField(_("sources used"))
    source_limits = models.TextField(
        _("limits of the sources"),
        blank=True,
        help_text=_("NTU figures are uncertain for one municipality; police figures may be "
                    "preliminary."),
    )  # fmt: skip
    indicators = models.ManyToManyField(
        "collaboration.Indicator", verbose_name=_("indicators used"), blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("situation picture")
        verbose_name_plural = _("situation pictures")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("collaboration:picture-detail", args=[self.pk])


class Problem(models.Model):
    """A prioritised problem, with its causes analysed by the crime triangle."""

    picture = models.ForeignKey(SituationPicture, on_delete=models.CASCADE, related_name="problems")
    priority = models.PositiveSmallIntegerField(_("priority"), help_text=_("1 is the highest."))
    title = models.CharField(_("problem"), max_length=200)
    description = models.TextField(_("description"))
    offender = models.TextField(_("offender"), help_text=_("Who commits it, and why."))
    victim_target = models.TextField(_("victim or target"))
    place = models.TextField(_("place"), help_text=_("Where, and what about the place allows it."))
    areas = models.ManyToManyField(Area, verbose_name=_("areas"), blank=True)

    class Meta:
        verbose_name = _("problem")
        verbose_name_plural = _("problems")
        ordering = ["priority", "id"]

    def __str__(self) -> str:
        return self.title


class ActionPlan(Adoption):
    title = models.CharField(_("title"), max_length=200)
    picture = models.ForeignKey(
        SituationPicture,
        verbose_name=_("from the situation picture"),
        on_delete=models.PROTECT,
        related_name="action_plans",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("collaboration:plan-detail", args=[self.pk])


class RowStatus(models.TextChoices):
    GREEN = "green", _("Green: on track")
    YELLOW = "yellow", _("Yellow: at risk")
    RED = "red", _("Red: off track")


class ActionRow(models.Model):
    """cause | measure | SMART goal | when | who | follow-up, with a traffic light."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="rows")
    problems = models.ManyToManyField(Problem, verbose_name=_("answers the problems"), blank=True)
    cause = models.TextField(_("cause"))
    measure = models.TextField(_("measure"))
    goal = models.TextField(_("goal"), help_text=_("Specific, measurable, achievable, relevant, "
                                                   "time-bound."))  # fmt: skip
    when = models.CharField(_("when"), max_length=100)
    responsible = models.ForeignKey(
        Organisation, verbose_name=_("who"), on_delete=models.PROTECT, related_name="+"
    )
    follow_up = models.TextField(_("follow-up"), help_text=_("How and when it is followed up."))
    status = models.CharField(
        _("status"), max_length=16, choices=RowStatus.choices, default=RowStatus.GREEN
    )
    efforts = models.ManyToManyField(
        JointEffort, verbose_name=_("carried out by efforts"), blank=True, related_name="+"
    )
    undertakings = models.ManyToManyField(
        Undertaking, verbose_name=_("carried out by promises and agreements"), blank=True,
        related_name="+",
    )  # fmt: skip
    grants = models.ManyToManyField(
        "collaboration.GrantApplication",
        verbose_name=_("carried out by grants"),
        blank=True,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("action plan row")
        verbose_name_plural = _("action plan rows")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.measure[:60]
