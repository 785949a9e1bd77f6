"""Who may see and change collaboration data (registered with ``umebra.access``)."""

from typing import ClassVar

from django.db.models import QuerySet

from collaboration.models import (
    ActionPlan,
    ActionRow,
    Activity,
    Area,
    BudgetLine,
    CollaborationGroup,
    CooperationAgreement,
    Decision,
    DocumentStatus,
    EffortParty,
    FollowUp,
    Fund,
    GrantApplication,
    GrantReport,
    Indicator,
    IndicatorValue,
    JointEffort,
    Meeting,
    Observation,
    Problem,
    ResidentFeedback,
    SituationPicture,
    Spending,
    Target,
    TargetValue,
    Undertaking,
    UndertakingKind,
)
from umebra import access
from umebra.access import Action, Actor, Counted, ParentPolicy, Policy, RolePolicy
from umebra.roles import TAKING_PART, Role


class PartyPolicy(Policy):
    """Coordinators keep these; each party sees those its organisation is in.

    ``party_lookup`` leads from the object to the organisations taking part; politicians
    follow them all where ``politicians_follow``.
    """

    party_lookup: ClassVar[str]
    politicians_follow: ClassVar[bool] = True

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        if actor.role == Role.COORDINATOR:
            return queryset
        if action == Action.VIEW and self.politicians_follow and actor.role == Role.POLITICIAN:
            return queryset
        if action == Action.VIEW and actor.role in TAKING_PART:
            return queryset.filter(**{self.party_lookup: actor.organisation_id})
        return queryset.none()

    def may_add(self, actor: Actor) -> bool:
        return actor.role == Role.COORDINATOR

    def may_view_any(self, actor: Actor) -> bool:
        return actor.role in {Role.COORDINATOR, *TAKING_PART} or (
            self.politicians_follow and actor.role == Role.POLITICIAN
        )

    def reportable(self, queryset: QuerySet) -> QuerySet:
        return queryset if self.politicians_follow else queryset.none()


@access.register(Area)
class AreaPolicy(Counted, RolePolicy):
    """Districts and their populations are public facts."""

    roles = {Action.VIEW: frozenset(Role), Action.CHANGE: frozenset({Role.ADMIN, Role.COORDINATOR})}
    add = frozenset({Role.ADMIN, Role.COORDINATOR})


@access.register(JointEffort)
class JointEffortPolicy(Counted, PartyPolicy):
    """Coordinators keep the log; every other party sees the efforts it took part in;
    reports count them."""

    party_lookup = "organisations"
    politicians_follow = False

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        """A party's efforts read from its own rows of the parties' table in its
        municipalities (``EffortParty``), by one index: not every effort of the country it
        took part in, as a join to the organisations would."""
        if action == Action.VIEW and actor.role in TAKING_PART:
            rows = EffortParty.objects.filter(
                organisation_id=actor.member.organisation_id,
                municipality__in=actor.municipality_ids,
            )
            return queryset.filter(pk__in=rows.values("jointeffort_id"))
        return super().restrict(actor, queryset, action)

    def count(self, actor: Actor) -> int:
        """How many efforts the actor sees: a party's counted on its own rows of the
        parties' table, by that index alone, rather than through the efforts."""
        if actor.role in TAKING_PART:
            return EffortParty.objects.filter(
                organisation_id=actor.member.organisation_id,
                municipality__in=actor.municipality_ids,
            ).count()
        return access.restrict_for(actor, JointEffort.objects.all()).count()


@access.register(EffortParty)
class EffortPartyPolicy(ParentPolicy):
    """Who takes part in an effort is seen with the effort."""

    parent = "jointeffort"


# Who moves in the areas and reports what they see.
REPORTERS = frozenset({Role.COORDINATOR, *TAKING_PART})
# Who lists every organisation's observations in detail; other reporters list their own.
LISTS_EVERY_REPORT = frozenset({Role.COORDINATOR, Role.POLICE})
# The action of counting observations into the local picture: the area's, not a reporter's.
PICTURE = "picture"


@access.register(Observation)
class ObservationPolicy(Counted, Policy):
    """docs/rules.md, rule 9. Observations name no person, so everyone who reports them sees
    the whole area's local picture: its counts, map and chart take every organisation's
    reports. A report in detail (its place, time and free text) is its reporter's account,
    read on its own it can point to who wrote it and whom they saw: coordinators and the
    police, who act on them, list every report; other reporters their own organisation's.
    Reports count them all."""

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        if actor.role == Role.COORDINATOR:
            return queryset
        if action == PICTURE and actor.role in REPORTERS:
            return queryset
        if action == Action.VIEW and actor.role in LISTS_EVERY_REPORT:
            return queryset
        if action == Action.VIEW and actor.role in REPORTERS:
            return queryset.filter(organisation_id=actor.organisation_id)
        return queryset.none()

    def lists_every_report(self, actor: Actor) -> bool:
        """Whether the actor lists every organisation's reports (else their organisation's)."""
        return actor.role in LISTS_EVERY_REPORT

    def may_add(self, actor: Actor) -> bool:
        return actor.role in REPORTERS

    def may_view_any(self, actor: Actor) -> bool:
        return actor.role in REPORTERS


@access.register(CooperationAgreement)
class CooperationAgreementPolicy(RolePolicy):
    """The agreement between municipality and police is a public document of the two."""

    roles = {
        Action.VIEW: frozenset({Role.COORDINATOR, Role.POLICE, Role.POLITICIAN}),
        Action.CHANGE: frozenset({Role.COORDINATOR}),
    }
    add = frozenset({Role.COORDINATOR})


@access.register(Undertaking)
class UndertakingPolicy(PartyPolicy):
    """Coordinators run promises and safety agreements, politicians follow them, each party
    sees those it is party to, and anyone may read a published citizen promise."""

    party_lookup = "parties"

    def public(self, queryset: QuerySet) -> QuerySet:
        return queryset.filter(kind=UndertakingKind.CITIZEN_PROMISE, published=True)


# The parts of a promise or safety agreement follow it: whoever may see (or change) the
# undertaking may see (or change) its activities, targets, follow-ups and feedback log.
@access.register(Activity)
class ActivityPolicy(ParentPolicy):
    parent = "undertaking"


@access.register(Target)
class TargetPolicy(ParentPolicy):
    parent = "undertaking"


@access.register(FollowUp)
class FollowUpPolicy(ParentPolicy):
    parent = "undertaking"


@access.register(ResidentFeedback)
class ResidentFeedbackPolicy(ParentPolicy):
    parent = "undertaking"


@access.register(TargetValue)
class TargetValuePolicy(ParentPolicy):
    parent = "follow_up"


@access.register(CollaborationGroup)
class CollaborationGroupPolicy(PartyPolicy):
    """Coordinators keep the groups; politicians see the whole chain; members their groups."""

    party_lookup = "members"


@access.register(Meeting)
class MeetingPolicy(ParentPolicy):
    parent = "group"


@access.register(Decision)
class DecisionPolicy(ParentPolicy):
    parent = "meeting"


EVERY_ROLE = frozenset(Role)


@access.register(Indicator)
class IndicatorPolicy(Counted, RolePolicy):
    """Indicators are aggregate statistics: everyone who takes part may read them."""

    roles = {Action.VIEW: EVERY_ROLE, Action.CHANGE: frozenset({Role.COORDINATOR})}
    add = frozenset({Role.COORDINATOR})


@access.register(IndicatorValue)
class IndicatorValuePolicy(ParentPolicy):
    parent = "indicator"


class _AdoptedDocumentPolicy(Policy):
    """Coordinators draft the documents of the law's cycle; once adopted they are everyone's."""

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        if actor.role == Role.COORDINATOR:
            return queryset
        if action == Action.VIEW:
            return queryset.filter(status__in=[DocumentStatus.ADOPTED, DocumentStatus.SUPERSEDED])
        return queryset.none()

    def may_add(self, actor: Actor) -> bool:
        return actor.role == Role.COORDINATOR

    def may_view_any(self, actor: Actor) -> bool:
        return actor.role is not None

    def reportable(self, queryset: QuerySet) -> QuerySet:
        return queryset.filter(status__in=[DocumentStatus.ADOPTED, DocumentStatus.SUPERSEDED])


@access.register(SituationPicture)
class SituationPicturePolicy(_AdoptedDocumentPolicy):
    pass


@access.register(ActionPlan)
class ActionPlanPolicy(_AdoptedDocumentPolicy):
    pass


@access.register(Problem)
class ProblemPolicy(ParentPolicy):
    parent = "picture"


@access.register(ActionRow)
class ActionRowPolicy(ParentPolicy):
    parent = "plan"


@access.register(Fund)
class FundPolicy(Counted, RolePolicy):
    """Coordinators run the funds; politicians follow how the money works."""

    roles = {
        Action.VIEW: frozenset({Role.COORDINATOR, Role.POLITICIAN}),
        Action.CHANGE: frozenset({Role.COORDINATOR}),
    }
    add = frozenset({Role.COORDINATOR})


@access.register(GrantApplication)
class GrantApplicationPolicy(PartyPolicy):
    """Coordinators handle applications; politicians follow them; applicants see their own."""

    party_lookup = "applicant_id"
    tenant = "fund__municipality"


@access.register(BudgetLine)
class BudgetLinePolicy(ParentPolicy):
    parent = "application"


@access.register(Spending)
class SpendingPolicy(ParentPolicy):
    parent = "application"


@access.register(GrantReport)
class GrantReportPolicy(ParentPolicy):
    parent = "application"
