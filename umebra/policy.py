"""Who may see and change the core's identity data (registered with ``umebra.access``)."""

from collections.abc import Iterable
from enum import StrEnum

from axes.models import AccessAttempt
from django.db.models import Q, QuerySet
from django.utils import timezone

from umebra import access
from umebra.access import Action, Actor, Counted, RolePolicy
from umebra.models import (
    SECOND_ADMINISTRATOR_WAIT,
    MailPreference,
    Membership,
    MembershipStatus,
    Municipality,
    Organisation,
    SecondAdministratorStep,
    User,
    WorkerPing,
    active_q,
    role_fits,
)
from umebra.roles import ADMINISTERING_ROLES, OVERSIGHT_ROLES, PERSONAL_DATA_ROLES, Role
from umebra.tenancy import host_municipality_id, membership_municipality_rows

EVERY_ROLE = frozenset(Role)
# Roles that work across organisations and so see everyone's staff.
ACROSS_ORGANISATIONS = frozenset({Role.ADMIN, Role.AUDITOR, Role.COORDINATOR})


@access.register(Municipality)
class MunicipalityPolicy(Counted, RolePolicy):
    """Everyone sees the municipalities they work in, and none other. An installation's
    administrator adds one with ``manage.py municipality_add``."""

    tenant = "pk"
    roles = {Action.VIEW: EVERY_ROLE}


@access.register(Organisation)
class OrganisationPolicy(Counted, RolePolicy):
    """Which organisations take part is no secret among those who take part, in the
    municipalities they work in."""

    tenant = "municipalities"
    tenant_many = True

    roles = {Action.VIEW: EVERY_ROLE, Action.CHANGE: frozenset({Role.ADMIN, Role.COORDINATOR})}
    add = frozenset({Role.ADMIN, Role.COORDINATOR})

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        """A regional organisation is shared by the municipalities it works in: none of
        them changes it for the others (the installation's administrator keeps it)."""
        restricted = super().restrict(actor, queryset, action)
        return restricted if action == Action.VIEW else restricted.filter(regional=False)


class _StaffPolicy(RolePolicy):
    """Staff see the people of their own organisation; a few roles see everyone's."""

    roles = {Action.VIEW: ACROSS_ORGANISATIONS, Action.CHANGE: frozenset({Role.ADMIN})}
    add = frozenset({Role.ADMIN})
    own_organisation_lookup: str

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        if action == Action.VIEW and actor.role not in ACROSS_ORGANISATIONS:
            return queryset.filter(**{self.own_organisation_lookup: actor.organisation_id})
        return super().restrict(actor, queryset, action)


# What may be done to a membership besides seeing it: ``Action.CHANGE`` is ending it.
APPROVE, REFUSE, APPOINT, DISMISS = "approve", "refuse", "appoint", "dismiss"

# Roles that reach no personal data: coordinators give them directly.
OPEN_ROLES = frozenset(Role) - PERSONAL_DATA_ROLES


def _asked_by(actor: Actor, step: str) -> Q:
    """The memberships on which ``actor`` asked for ``step``, still waiting for a second."""
    return Q(
        awaiting=step,
        awaiting_asked_by=actor.user,
        awaiting_asked_at__gt=timezone.now() - SECOND_ADMINISTRATOR_WAIT,
    )


def memberships_in(municipality_ids: Iterable[int]) -> QuerySet:
    """The memberships that work in one of ``municipality_ids`` (a subquery of their ids)."""
    ids = list(municipality_ids)
    return Membership.objects.filter(
        Q(organisation__regional=False, organisation__municipalities__in=ids)
        | Q(organisation__regional=True, municipalities__in=ids)
    ).values("pk")


def _administered() -> QuerySet:
    """The organisations that have a member administrator (as a subquery of their ids)."""
    return Membership.objects.filter(active_q(), administers_members=True).values("organisation_id")


class Grant(StrEnum):
    """How an actor may hand a role to someone else."""

    GIVE = "give"  # in force at once
    REQUEST = "request"  # in force once approved


@access.register(Membership)
class MembershipPolicy(_StaffPolicy):
    """Who gives, asks for, approves and ends roles (docs/rules.md, roles).

    - Partner and politician (no personal data): coordinators, administrators and the
      organisation's member administrators give them.
    - Every other role reaches personal data or intelligence, and takes two people. The
      organisation's member administrator gives it; a coordinator or the system
      administrator may ask for it, and it waits for a member administrator's approval (in
      an organisation that has none yet, an administrator's other than the one who asked).
    - Auditor and administrator, which oversee the system, are asked for by an administrator
      or the organisation's member administrator and approved by another administrator.
    - Nobody gives, approves or ends their own membership, or appoints themselves.
    - A member administrator holds a role of ``ADMINISTERING_ROLES``. Two administrators
      appoint an organisation's first (one asks, another confirms); once it has one, its
      member administrators appoint and dismiss the others.
    - An auditor's or administrator's role is ended by two administrators in the same way.
    """

    own_organisation_lookup = "organisation_id"

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        if action == Action.VIEW:
            return super().restrict(actor, queryset, action)
        others = self._within_reach(actor, queryset.exclude(user=actor.user))
        if action == Action.CHANGE:
            current = others.filter(status=MembershipStatus.APPROVED, ended_at__isnull=True)
            return self._endable(actor, current)
        if action == APPROVE:
            return self._approvable(actor, others)
        if action == REFUSE:  # by one who may approve, or withdrawn by the one who asked
            asked = others.filter(status=MembershipStatus.REQUESTED, requested_by=actor.user)
            return self._approvable(actor, others) | asked
        if action == APPOINT:
            return self._appointable(actor, others.filter(active_q(), administers_members=False))
        if action == DISMISS:  # the organisation's own names and dismisses its own
            return self._own(actor, others.filter(administers_members=True))
        return queryset.none()

    @staticmethod
    def _within_reach(actor: Actor, queryset: QuerySet) -> QuerySet:
        """A membership of a regional organisation that also works in a municipality the
        actor does not is not theirs to decide on: ending it would take its holder out of
        the other one too. Its organisation's own member administrators decide on it."""
        beyond = Membership.municipalities.through.objects.exclude(
            municipality_id__in=actor.municipality_ids
        ).values("membership_id")
        within = ~Q(pk__in=beyond)
        if actor.administers_members:
            within |= Q(organisation_id=actor.organisation_id)
        return queryset.filter(within)

    @staticmethod
    def _own(actor: Actor, queryset: QuerySet) -> QuerySet:
        """The memberships of the organisation the actor administers, if they do."""
        if not actor.administers_members:
            return queryset.none()
        return queryset.filter(organisation_id=actor.organisation_id)

    def _endable(self, actor: Actor, queryset: QuerySet) -> QuerySet:
        """Those the actor could have given: an administrator's, any (leaving staff are
        let go; an auditor's or administrator's with a second administrator, so not one
        they asked to end themselves); a member administrator's, their organisation's but
        the oversight roles; a coordinator's, the partner and politician roles."""
        if actor.role == Role.ADMIN:
            return queryset.exclude(_asked_by(actor, SecondAdministratorStep.END))
        endable = self._own(actor, queryset.exclude(role__in=OVERSIGHT_ROLES))
        if actor.role == Role.COORDINATOR:
            endable = endable | queryset.filter(role__in=OPEN_ROLES)
        return endable

    def _approvable(self, actor: Actor, queryset: QuerySet) -> QuerySet:
        """Requests someone else asked for: those of their organisation for a member
        administrator; for an administrator, the oversight roles, and the requests of an
        organisation that has no member administrator yet (its first members)."""
        pending = queryset.filter(status=MembershipStatus.REQUESTED).exclude(
            requested_by=actor.user
        )
        approvable = self._own(actor, pending.exclude(role__in=OVERSIGHT_ROLES))
        if actor.role == Role.ADMIN:
            unadministered = pending.exclude(organisation_id__in=_administered())
            approvable = approvable | pending.filter(role__in=OVERSIGHT_ROLES) | unadministered
        return approvable

    def _appointable(self, actor: Actor, queryset: QuerySet) -> QuerySet:
        """Members in a role a member administrator may hold: a member administrator
        appoints others of their organisation; administrators, two of them, the first of an
        organisation that has none (not one they asked to appoint themselves)."""
        queryset = queryset.filter(role__in=ADMINISTERING_ROLES)
        appointable = self._own(actor, queryset)
        if actor.role == Role.ADMIN:
            first = queryset.exclude(organisation_id__in=_administered())
            appointable = appointable | first.exclude(
                _asked_by(actor, SecondAdministratorStep.APPOINT)
            )
        return appointable

    def may_add(self, actor: Actor) -> bool:
        return actor.role in (Role.ADMIN, Role.COORDINATOR) or actor.administers_members

    def scope(self, queryset: QuerySet, municipality_ids: Iterable[int]) -> QuerySet:
        """A membership is in the municipality of its local organisation, or in those it
        names, of a regional one: a police officer who works in Vännäs alone is no
        colleague of Umeå's."""
        return queryset.filter(pk__in=memberships_in(municipality_ids))

    def municipalities_of(self, model: type, ids: Iterable) -> dict[str, frozenset]:
        rows = membership_municipality_rows(Membership.objects.filter(pk__in=ids), "pk")
        return access.grouped(rows)

    def grant(self, actor: Actor, organisation: Organisation, role: Role) -> Grant | None:
        """How ``actor`` may hand ``role`` in ``organisation`` to someone else, if at all."""
        if not role_fits(role, organisation):
            return None
        administers = actor.administers_members and actor.organisation_id == organisation.pk
        if role in OPEN_ROLES:
            keeps = administers or actor.role in (Role.ADMIN, Role.COORDINATOR)
            return Grant.GIVE if keeps else None
        if role in OVERSIGHT_ROLES:
            return Grant.REQUEST if administers or actor.role == Role.ADMIN else None
        if administers:
            return Grant.GIVE
        return Grant.REQUEST if actor.role in (Role.ADMIN, Role.COORDINATOR) else None

    def grantable_roles(self, actor: Actor, organisation: Organisation) -> list[Role]:
        """The roles this actor may give or ask for in ``organisation``."""
        return [role for role in Role if self.grant(actor, organisation, role)]


@access.register(User)
class UserPolicy(_StaffPolicy):
    """Staff see their own organisation's people; a member administrator also sees the
    accounts that act for no organisation yet, to give them a role."""

    own_organisation_lookup = "memberships__organisation_id"

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        restricted = super().restrict(actor, queryset, action)
        if (
            action == Action.VIEW
            and actor.administers_members
            and actor.role not in ACROSS_ORGANISATIONS
        ):
            acting = Membership.objects.filter(active_q()).values("user_id")
            restricted = restricted | queryset.exclude(pk__in=acting)
        # A user with several memberships in one organisation is still one user.
        return restricted.distinct()

    def scope(self, queryset: QuerySet, municipality_ids: Iterable[int]) -> QuerySet:
        """The people who work or worked in the municipalities, and the accounts that act
        for no organisation yet, which belong to none until they are given a role."""
        worked_here = Membership.objects.filter(pk__in=memberships_in(municipality_ids))
        acting = Membership.objects.filter(active_q())
        return queryset.filter(
            Q(pk__in=worked_here.values("user_id")) | ~Q(pk__in=acting.values("user_id"))
        )

    def municipalities_of(self, model: type, ids: Iterable) -> dict[str, frozenset]:
        """Where the people work or worked."""
        rows = membership_municipality_rows(Membership.objects.filter(user__in=ids), "user_id")
        return access.grouped(rows)


@access.register(WorkerPing)
class WorkerPingPolicy(RolePolicy):
    tenant = None  # the installation's workers, which serve every municipality
    roles = {Action.VIEW: frozenset({Role.ADMIN})}
    add = frozenset({Role.ADMIN})


@access.register(AccessAttempt)
class LockOutPolicy(RolePolicy):
    """The administrator sees lock-outs (django-axes) and lifts them: those of their
    municipalities' people. A lock-out names a user name and an address, so an
    administrator of Vännäs sees none of Umeå's people's; one of a name no account has is
    the installation's, kept by its first municipality's administrators."""

    roles = {Action.VIEW: frozenset({Role.ADMIN}), Action.DELETE: frozenset({Role.ADMIN})}

    def scope(self, queryset: QuerySet, municipality_ids: Iterable[int]) -> QuerySet:
        ids = list(municipality_ids)
        people = access.policy_for(User).scope(User.objects.all(), ids)
        theirs = Q(username__in=people.values("username"))
        if host_municipality_id() in ids:
            theirs |= ~Q(username__in=User.objects.values("username"))
        return queryset.filter(theirs)

    def municipalities_of(self, model: type, ids: Iterable) -> dict[str, frozenset]:
        return {}  # a lock-out lifted is in the administrator's municipalities


@access.register(MailPreference)
class MailPreferencePolicy(access.Policy):
    """Which e-mail one gets is one's own choice, seen and changed by oneself alone."""

    tenant = None  # one's own, wherever one works

    def restrict(self, actor: Actor, queryset: QuerySet, action: str) -> QuerySet:
        return queryset.filter(user=actor.user) if actor.user else queryset.none()

    def may_add(self, actor: Actor) -> bool:
        return actor.user is not None

    def may_view_any(self, actor: Actor) -> bool:
        return actor.user is not None
