"""Who may see and change the core's identity data (registered with ``umebra.access``)."""

from django.db.models import QuerySet

from umebra import access
from umebra.access import CHANGE, VIEW, Actor, Counted, RolePolicy
from umebra.models import Membership, Organisation, User, WorkerPing
from umebra.roles import Role

EVERY_ROLE = frozenset(Role)
# Roles that work across organisations and so see everyone's staff.
ACROSS_ORGANISATIONS = frozenset({Role.ADMIN, Role.AUDITOR, Role.COORDINATOR})


@access.register(Organisation)
class OrganisationPolicy(Counted, RolePolicy):
    """Which organisations take part is no secret among those who take part."""

    roles = {VIEW: EVERY_ROLE, CHANGE: frozenset({Role.ADMIN, Role.COORDINATOR})}
    add = frozenset({Role.ADMIN, Role.COORDINATOR})


class _StaffPolicy(RolePolicy):
    """Staff see the people of their own organisation; a few roles see everyone's."""

    roles = {VIEW: ACROSS_ORGANISATIONS, CHANGE: frozenset({Role.ADMIN})}
    add = frozenset({Role.ADMIN})
    own_organisation_lookup: str

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        if action == VIEW and actor.role not in ACROSS_ORGANISATIONS:
            return queryset.filter(**{self.own_organisation_lookup: actor.organisation_id})
        return super().restrict(actor, queryset, action)


# Roles that only an administrator hands out: they see every organisation's staff or the log.
ADMINISTRATOR_GRANTS = frozenset({Role.ADMIN, Role.AUDITOR})


@access.register(Membership)
class MembershipPolicy(_StaffPolicy):
    """Coordinators manage who acts for which organisation, except the roles that oversee
    the system itself, which only an administrator grants or ends."""

    own_organisation_lookup = "organisation_id"
    roles = {VIEW: ACROSS_ORGANISATIONS, CHANGE: frozenset({Role.ADMIN, Role.COORDINATOR})}
    add = frozenset({Role.ADMIN, Role.COORDINATOR})

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        queryset = super().restrict(actor, queryset, action)
        if action != VIEW and actor.role != Role.ADMIN:
            queryset = queryset.exclude(role__in=ADMINISTRATOR_GRANTS)
        return queryset

    def grantable_roles(self, actor: Actor) -> list[Role]:
        """The roles this actor may give someone."""
        if actor.role == Role.ADMIN:
            return list(Role)
        if actor.role == Role.COORDINATOR:
            return [role for role in Role if role not in ADMINISTRATOR_GRANTS]
        return []


@access.register(User)
class UserPolicy(_StaffPolicy):
    own_organisation_lookup = "memberships__organisation_id"

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        # A user with several memberships in one organisation is still one user.
        return super().restrict(actor, queryset, action).distinct()


@access.register(WorkerPing)
class WorkerPingPolicy(RolePolicy):
    roles = {VIEW: frozenset({Role.ADMIN})}
    add = frozenset({Role.ADMIN})
