"""Who may see and change cases (registered with ``umebra.access``).

LOS operations, DESIGN.md §4.3: parties see the operation and its targets; each agency sees
its own inspections and measures; intelligence notes are the police's alone; politicians and
partners see nothing of an operation.

SIG cases, DESIGN.md §4.2:

- The owner (social services) sees the case.
- Anyone else only while a valid consent covers their organisation **and** they hold a grant.
- Notes marked "own organisation" stay with the author's organisation; "police only" with
  the police.
- Partners, politicians, agency inspectors, auditors and administrators never see a case.
"""

from django.db.models import OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.db.models.lookups import IsNull
from django.utils import timezone

from cases.models import (
    CaseAction,
    CaseNote,
    Consent,
    ConsentSignature,
    DisclosureRecord,
    EmergencyAccess,
    GrantTally,
    Guardian,
    Inspection,
    IntelligenceNote,
    Measure,
    NoteVisibility,
    Operation,
    Person,
    SigCase,
    SigCaseUserObjectPermission,
    Target,
)
from umebra import access
from umebra.access import VIEW, Actor, Counted, ParentPolicy, Policy
from umebra.expressions import IdSet, RowCount
from umebra.models import User
from umebra.roles import Role

# Roles that can own (social workers) or be granted a case.
CASE_ROLES = frozenset({Role.SOCIAL_WORKER, Role.SCHOOL_STAFF, Role.POLICE, Role.COORDINATOR})
VIEW_CODENAME = "view_sigcase"


# Above this many visible cases the list walks the newest-first index and probes each case
# (it finds a page within a few hundred rows); up to it, it reads the few visible ids first.
DENSE = 2_000


def _owned(actor: Actor) -> QuerySet:
    return SigCase.objects.filter(owner=actor.user)


def _granted(actor: Actor) -> QuerySet:
    return SigCaseUserObjectPermission.objects.filter(
        user=actor.user,
        organisation_id=actor.organisation_id,
        valid_until__gte=timezone.localdate(),
    )


def _emergency(actor: Actor) -> QuerySet:
    return EmergencyAccess.objects.filter(user=actor.user, expires_at__gt=timezone.now())


def _granted_count(actor: Actor) -> Subquery:
    """The actor's grants in force, added up from the grant tally: a few rows whatever the
    number of grants (counting 50,000 grant rows took 5 to 10 ms)."""
    tally = GrantTally.objects.filter(
        user=actor.user,
        organisation_id=actor.organisation_id,
        valid_until__gte=timezone.localdate(),
    )
    return Coalesce(Subquery(tally.values("user").annotate(total=Sum("grants")).values("total")), 0)


def visible_case_count(actor: Actor) -> int:
    """How many cases the actor sees, in one query from the three sources' own indexes.
    Exact because the sources are disjoint: an owner is never granted their own case,
    emergency access is refused to someone who already sees the case, and a grant ends the
    grantee's emergency access to it.

    Read once per user object, so once per request: it sizes the page and chooses the plan,
    while the rows themselves are always read afresh.
    """
    cache = actor.user.__dict__.setdefault("_umebra_case_count", {})
    today = timezone.localdate()
    if today not in cache:
        cache[today] = sum(
            User.objects.filter(pk=actor.user.pk)
            .values_list(
                RowCount(_owned(actor).order_by().values("pk")),
                _granted_count(actor),
                RowCount(_emergency(actor).order_by().values("case_id").distinct()),
            )
            .get()
        )
    return cache[today]


def visible_case_ids(actor: Actor) -> list[int]:
    """The ids of the cases the actor sees, for an actor who sees at most ``DENSE``.

    One query; each part is an index range scan. The ids are read first rather than joined
    as a subquery, which PostgreSQL would answer by hashing the whole case table.
    """
    return list(
        _owned(actor)
        .order_by()
        .values_list("pk", flat=True)
        .union(
            _granted(actor).order_by().values_list("content_object_id", flat=True),
            _emergency(actor).order_by().values_list("case_id", flat=True),
            all=True,  # the sources are disjoint, as counted above
        )
    )


def _probe(queryset: QuerySet) -> IsNull:
    """True where ``queryset`` (correlated to the case) has a row, checked case by case.

    A scalar subquery rather than EXISTS: PostgreSQL may answer an EXISTS by hashing every
    row of the subquery (all 50,000 grants of a busy user) before it reads one case, while a
    scalar subquery is probed through the index for each case the list walks past.
    """
    return IsNull(Subquery(queryset.values("pk")[:1]), False)


@access.register(SigCase)
class SigCasePolicy(Counted, Policy):
    personal_data = True

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        if actor.role not in CASE_ROLES:
            return queryset.none()
        if action != VIEW:
            return queryset.filter(owner=actor.user)
        if visible_case_count(actor) > DENSE:
            return queryset.filter(
                Q(owner=actor.user)
                | _probe(_granted(actor).filter(content_object=OuterRef("pk")))
                | _probe(_emergency(actor).filter(case=OuterRef("pk")))
            )
        return queryset.filter(pk__in=IdSet(visible_case_ids(actor)))

    def count(self, actor: Actor) -> int:
        return visible_case_count(actor) if actor.role in CASE_ROLES else 0

    def may_add(self, actor: Actor) -> bool:
        return actor.role == Role.SOCIAL_WORKER

    def may_view_any(self, actor: Actor) -> bool:
        return actor.role in CASE_ROLES


# The register extract (GDPR art. 15: everything held about a person, and who read it) is
# the auditor's to produce; it is the one way the auditor reaches case content.
EXTRACT = "extract"


@access.register(Person)
class PersonPolicy(Policy):
    """A person is seen through a case one may see; the auditor may extract anyone."""

    personal_data = True

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        if action == EXTRACT:
            return queryset if actor.role == Role.AUDITOR else queryset.none()
        cases = access.restrict(actor.user, SigCase.objects.all(), action)
        return queryset.filter(cases__in=cases.values("pk")).distinct()

    def may_view_any(self, actor: Actor) -> bool:
        return actor.role == Role.AUDITOR


@access.register(Guardian)
class GuardianPolicy(ParentPolicy):
    personal_data = True
    parent = "person"


@access.register(Consent)
class ConsentPolicy(ParentPolicy):
    personal_data = True
    parent = "case"


@access.register(ConsentSignature)
class ConsentSignaturePolicy(ParentPolicy):
    parent = "consent"


@access.register(DisclosureRecord)
class DisclosureRecordPolicy(ParentPolicy):
    personal_data = True
    parent = "case"


@access.register(CaseAction)
class CaseActionPolicy(ParentPolicy):
    parent = "case"


@access.register(CaseNote)
class CaseNotePolicy(Policy):
    """Notes follow the case, narrowed by their visibility; nobody edits a note."""

    personal_data = True

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        if action != VIEW:
            return queryset.none()
        cases = access.restrict(actor.user, SigCase.objects.all(), VIEW)
        readable = Q(visibility=NoteVisibility.CASE) | Q(
            visibility=NoteVisibility.OWN_ORGANISATION,
            author_organisation_id=actor.organisation_id,
        )
        if actor.role == Role.POLICE:
            readable |= Q(visibility=NoteVisibility.POLICE)
        return queryset.filter(readable, case__in=cases.values("pk"))


# Roles that work LOS operations; coordinators see them all, the others those they are in.
LOS_ROLES = frozenset({Role.COORDINATOR, Role.POLICE, Role.AGENCY_INSPECTOR})


def _in_operation(organisation_id: int | None) -> Q:
    return Q(lead_id=organisation_id) | Q(parties=organisation_id)


@access.register(Operation)
class OperationPolicy(Counted, Policy):
    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        if actor.role == Role.COORDINATOR:
            return queryset
        if actor.role == Role.POLICE:
            if action == VIEW:
                return queryset.filter(_in_operation(actor.organisation_id)).distinct()
            return queryset.filter(lead_id=actor.organisation_id)
        if actor.role == Role.AGENCY_INSPECTOR and action == VIEW:
            return queryset.filter(_in_operation(actor.organisation_id)).distinct()
        return queryset.none()

    def may_add(self, actor: Actor) -> bool:
        return actor.role in {Role.COORDINATOR, Role.POLICE}

    def may_view_any(self, actor: Actor) -> bool:
        return actor.role in LOS_ROLES


@access.register(Target)
class TargetPolicy(ParentPolicy):
    parent = "operation"


@access.register(Inspection)
class InspectionPolicy(Counted, Policy):
    """Coordinators and police see every inspection of the operations they see; an agency
    sees, records and changes only its own."""

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        operations = access.restrict(actor.user, Operation.objects.all(), VIEW)
        queryset = queryset.filter(target__operation__in=operations.values("pk"))
        if actor.role in {Role.COORDINATOR, Role.POLICE} and action == VIEW:
            return queryset
        if actor.role in {Role.AGENCY_INSPECTOR, Role.POLICE}:
            return queryset.filter(agency_id=actor.organisation_id)
        return queryset.none()

    def may_add(self, actor: Actor) -> bool:
        return actor.role in {Role.AGENCY_INSPECTOR, Role.POLICE}


@access.register(Measure)
class MeasurePolicy(ParentPolicy):
    parent = "inspection"


@access.register(IntelligenceNote)
class IntelligenceNotePolicy(Policy):
    """Police only, of operations the police see. Nobody else, whatever their role."""

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        if actor.role != Role.POLICE or action not in (VIEW, "add"):
            return queryset.none()
        operations = access.restrict(actor.user, Operation.objects.all(), VIEW)
        return queryset.filter(operation__in=operations.values("pk"))

    def may_add(self, actor: Actor) -> bool:
        return actor.role == Role.POLICE


@access.register(EmergencyAccess)
class EmergencyAccessPolicy(Policy):
    """The auditor reviews every emergency access; the owner sees those to their cases."""

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        if actor.role == Role.AUDITOR:
            return queryset
        if action == VIEW and actor.role == Role.SOCIAL_WORKER:
            return queryset.filter(case__owner=actor.user)
        return queryset.none()

    def may_add(self, actor: Actor) -> bool:
        return actor.role in CASE_ROLES

    def may_view_any(self, actor: Actor) -> bool:
        return actor.role in {Role.AUDITOR, Role.SOCIAL_WORKER}
