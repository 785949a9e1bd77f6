"""Reads of the core's identity data."""

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest

from umebra import access
from umebra.mail import mail_kinds_for
from umebra.models import (
    MailPreference,
    Membership,
    MembershipStatus,
    Municipality,
    Organisation,
    User,
    WorkerPing,
    active_q,
)
from umebra.policy import APPOINT, APPROVE, DISMISS, REFUSE
from umebra.roles import Role


def membership_current(*, user: User) -> Membership | None:
    """The user's active membership: the one that says whom they act for, and in which role."""
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.active()
        .filter(user=user)
        .select_related("organisation")
        .order_by("-valid_from", "-pk")
        .first()
    )


def user_or_none(*, pk: int) -> User | None:
    """A user by number, not narrowed: for a service that acts on that user in an object
    the actor may change, and checks the rest itself (the grantee of another organisation
    whose grant a case owner withdraws)."""
    return User.objects.filter(pk=pk).first()


def membership_for_request(request: HttpRequest) -> Membership | None:
    """The request user's membership, read once per request (with the access layer's actor)."""
    return access.actor_for(request.user).membership


def allowed_pks(*, user: User, objects: QuerySet, action: str) -> set:
    """The primary keys of those ``objects`` the user may ``action``: ``access.allows`` for
    every row of a page in one query (which rows get a button or a form)."""
    return set(access.restrict(user, objects, action).values_list("pk", flat=True))


def organisation_list_with_member_counts(*, user: User) -> QuerySet[Organisation]:
    return (
        access.restrict(user, Organisation.objects.select_related("parent"))
        .annotate(active_members=Count("memberships", filter=active_q(prefix="memberships__")))
        # Meta.ordering does not apply to aggregating queries.
        .order_by("name")
    )


# What the organisation page offers to do with a membership, each answered by the policy.
MEMBERSHIP_ACTIONS = {"end": access.Action.CHANGE, "approve": APPROVE, "refuse": REFUSE,
                      "appoint": APPOINT, "dismiss": DISMISS}  # fmt: skip


def organisation_choices(*, user: User) -> QuerySet[Organisation]:
    """The organisations of the user's municipalities, by name, for a form to choose from."""
    return access.restrict(user, Organisation.objects.order_by("name"))


def organisation_members(*, user: User, organisation: Organisation) -> dict:
    """The organisation's memberships the user may see, the requests among them apart, and
    for each action the memberships the user may do it to."""
    memberships = access.restrict(
        user,
        organisation.memberships.select_related(
            "user", "requested_by", "decided_by", "ended_by", "appointed_by", "awaiting_asked_by"
        ),
    ).order_by("-valid_from", "-pk")
    rows = list(memberships)
    return {
        "requests": [m for m in rows if m.status == MembershipStatus.REQUESTED],
        "members": [m for m in rows if m.status == MembershipStatus.APPROVED],
        "refused": [m for m in rows if m.status == MembershipStatus.REFUSED],
        "may": {
            name: allowed_pks(user=user, objects=memberships, action=action)
            for name, action in MEMBERSHIP_ACTIONS.items()
        },
    }


def membership_requests_awaiting(*, user: User) -> QuerySet[Membership]:
    """The role requests waiting for this user's approval, oldest first."""
    requests = Membership.objects.filter(status=MembershipStatus.REQUESTED)
    return (
        access.restrict(user, requests, APPROVE)
        .select_related("user", "organisation", "requested_by")
        .order_by("requested_at", "pk")
    )


def role_holders(*, user: User) -> QuerySet[Membership]:
    """Who holds which role in each organisation today, for the periodic access review."""
    return (
        access.restrict(user, Membership.objects.filter(active_q()))
        .select_related("user", "organisation", "requested_by", "decided_by", "appointed_by")
        .order_by("organisation__name", "role", "user__username")
    )


def people_holding(role: str) -> QuerySet[User]:
    """Everyone who holds ``role`` today, in any organisation: whom the system tells of
    what their role answers for (a reader's accessibility report to the coordinators)."""
    return User.objects.filter(
        is_active=True, pk__in=Membership.objects.active().filter(role=role).values("user")
    )


def membership_approvers(membership: Membership) -> list[User]:
    """Who may approve the asked-for ``membership``, as ``MembershipPolicy`` answers for
    each who might: the organisation's member administrators and the administrators."""
    candidates = User.objects.filter(
        is_active=True,
        pk__in=Membership.objects.active()
        .filter(
            Q(organisation=membership.organisation, administers_members=True) | Q(role=Role.ADMIN)
        )
        .values("user"),
    )
    asked = Membership.objects.filter(pk=membership.pk)
    return [user for user in candidates if access.restrict(user, asked, APPROVE).exists()]


def worker_ping_latest(*, user: User) -> WorkerPing | None:
    return access.restrict(user, WorkerPing.objects.all()).order_by("-queued_at", "-pk").first()


def mail_preferences(*, user: User) -> dict[str, bool]:
    """Each kind of e-mail ``user``'s roles receive and whether they get it: on, unless they
    turned it off."""
    chosen = dict(
        access.restrict(user, MailPreference.objects.all()).values_list("kind", "enabled")
    )
    return {kind: chosen.get(kind, True) for kind in mail_kinds_for(user)}


def membership_municipality_choices(
    *, actor: access.Actor, organisation: Organisation
) -> QuerySet[Municipality]:
    """Where a member of a regional organisation may be given work: any of its
    municipalities by its own member administrator, who administers it in every one; the
    actor's own of them by anyone else."""
    municipalities = organisation.municipalities.order_by("name")
    if actor.administers_members and actor.organisation_id == organisation.pk:
        return municipalities
    return municipalities.filter(pk__in=actor.municipality_ids)


def municipality_by_slug(*, slug: str) -> Municipality | None:
    """A municipality by its address (/vannas/): public, for its public pages."""
    return Municipality.objects.filter(slug=slug).first()
