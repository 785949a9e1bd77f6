"""Who may see and change cases (registered with ``umebra.access``).

LOS operations, docs/rules.md, rule 3: parties see the operation and its targets; each agency sees
its own inspections and measures; intelligence notes are the police's alone; politicians and
partners see nothing of an operation. All of it is secret (agency secrecy, police
intelligence): every read is logged. Across a border (rule 8): an operation is seen by those
who work in any municipality it names, each of its targets (with the target's inspections and
measures) only by those who work in the target's own.

SIG cases, docs/rules.md, rule 2:

- The owner (social services) sees the case.
- Anyone else only while a valid consent covers their organisation **and** they hold a grant.
- Notes marked "own organisation" stay with the author's organisation; "police only" with
  the police.
- Partners, politicians, agency inspectors, auditors and administrators never see a case.
"""

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from cases.models import (
    CaseAction,
    CaseNote,
    Consent,
    ConsentSignature,
    DisclosureRecord,
    EmergencyAccess,
    Guardian,
    Inspection,
    IntelligenceNote,
    Measure,
    NoteVisibility,
    Operation,
    Person,
    SigCase,
    Target,
)
from cases.visibility import visible, visible_case_count
from umebra import access
from umebra.access import Action, Actor, Counted, ParentPolicy, Policy
from umebra.roles import Role

# Roles that can own (social workers) or be granted a case.
CASE_ROLES = frozenset({Role.SOCIAL_WORKER, Role.SCHOOL_STAFF, Role.POLICE, Role.COORDINATOR})
VIEW_CODENAME = "view_sigcase"


@access.register(SigCase)
class SigCasePolicy(Counted, Policy):
    personal_data = True

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        if actor.role not in CASE_ROLES:
            return queryset.none()
        if action != Action.VIEW:
            return queryset.filter(owner=actor.user)
        return visible(actor, queryset)

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
    """A person is seen through a case one may see; the auditor may extract anyone of the
    registers of their municipalities."""

    personal_data = True
    tenant = "organisation__municipalities"
    tenant_many = True

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
    tenant = "case__municipality"

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        if action != Action.VIEW:
            return queryset.none()
        cases = access.restrict(actor.user, SigCase.objects.all(), Action.VIEW)
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
    """Coordinators see every operation, the police and agencies those they take part in.
    Only the lead organisation's coordinators or police change one: nobody else can hand it
    to another lead or drop a party, and so shut the lead out of its own operation."""

    secret = True
    # Seen in every municipality it names: a joint operation is each one's work.
    tenant = "municipalities"
    tenant_many = True

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        if actor.role not in LOS_ROLES:
            return queryset.none()
        if action != Action.VIEW:
            if actor.role in {Role.COORDINATOR, Role.POLICE}:
                return queryset.filter(lead_id=actor.organisation_id)
            return queryset.none()
        if actor.role == Role.COORDINATOR:
            return queryset
        return queryset.filter(_in_operation(actor.organisation_id)).distinct()

    def may_add(self, actor: Actor) -> bool:
        return actor.role in {Role.COORDINATOR, Role.POLICE}

    def may_view_any(self, actor: Actor) -> bool:
        return actor.role in LOS_ROLES


@access.register(Target)
class TargetPolicy(ParentPolicy):
    """Whoever sees the operation sees its targets, of the municipalities they work in:
    another municipality's target of a joint operation stays as secret as if that
    municipality ran the operation alone."""

    secret = True
    parent = "operation"

    def scope(self, queryset: QuerySet, municipality_ids: Iterable[int]) -> QuerySet:
        """In the target's own municipality, not in any its operation names."""
        return Policy.scope(self, queryset, municipality_ids)

    def municipalities_of(self, model: type, ids: Iterable) -> dict[str, frozenset]:
        """Its own, so that a look at a joint operation's targets is logged for each
        target's municipality's auditors alone."""
        return Policy.municipalities_of(self, model, ids)


@access.register(Inspection)
class InspectionPolicy(Counted, Policy):
    """Coordinators and police see every inspection of the operations they see; an agency
    sees, records and changes only its own."""

    secret = True
    # The target's municipality: an inspection tells of its target.
    tenant = "target__municipality"

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        operations = access.restrict(actor.user, Operation.objects.all(), Action.VIEW)
        queryset = queryset.filter(target__operation__in=operations.values("pk"))
        if actor.role in {Role.COORDINATOR, Role.POLICE} and action == Action.VIEW:
            return queryset
        if actor.role in {Role.AGENCY_INSPECTOR, Role.POLICE}:
            return queryset.filter(agency_id=actor.organisation_id)
        return queryset.none()

    def may_add(self, actor: Actor) -> bool:
        return actor.role in {Role.AGENCY_INSPECTOR, Role.POLICE}


@access.register(Measure)
class MeasurePolicy(ParentPolicy):
    secret = True
    parent = "inspection"


@access.register(IntelligenceNote)
class IntelligenceNotePolicy(Policy):
    """Police only, of operations the police see. Nobody else, whatever their role."""

    secret = True
    # Of the operation as a whole, so in every municipality it names.
    tenant = "operation__municipalities"
    tenant_many = True

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        if actor.role != Role.POLICE or action not in (Action.VIEW, Action.ADD):
            return queryset.none()
        operations = access.restrict(actor.user, Operation.objects.all(), Action.VIEW)
        return queryset.filter(operation__in=operations.values("pk"))

    def may_add(self, actor: Actor) -> bool:
        return actor.role == Role.POLICE


@access.register(EmergencyAccess)
class EmergencyAccessPolicy(Policy):
    """The auditor reviews every emergency access; the owner sees those to their cases.

    Only social workers break the glass, and only into cases their own organisation keeps
    (``emergency_access_open``): the secrecy of social services' files holds against other
    authorities, which are told what they need through a disclosure with its legal ground.
    """

    tenant = "case__municipality"

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        if actor.role == Role.AUDITOR:
            # Another auditor reviews an auditor's own (docs/rules.md, rule 7).
            return queryset.exclude(user=actor.user) if action != Action.VIEW else queryset
        if action == Action.VIEW and actor.role == Role.SOCIAL_WORKER:
            return queryset.filter(case__owner=actor.user)
        return queryset.none()

    def may_add(self, actor: Actor) -> bool:
        return actor.role == Role.SOCIAL_WORKER

    def may_view_any(self, actor: Actor) -> bool:
        return actor.role in {Role.AUDITOR, Role.SOCIAL_WORKER}


def note_visibilities(actor: Actor) -> list[str]:
    """Who a note by ``actor`` may be for: a police-only note is the police's to write."""
    return [v for v in NoteVisibility if v != NoteVisibility.POLICE or actor.role == Role.POLICE]
