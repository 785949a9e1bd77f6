"""Reads of the people named on collaboration items, always through the access layer.

An activity or a decision may name a responsible person (``collaboration.models.responsible``).
Whoever sees the item sees its responsible organisation; the person's name only those who may
see that person (``umebra.policy.UserPolicy``: staff their own organisation's people, the
roles across organisations everyone)."""

from collections.abc import Iterable

from django.db.models import Prefetch, Q, QuerySet

from collaboration.models.responsible import RESPONSIBLE_ROLES, responsible_people
from umebra import access
from umebra.models import Membership, Organisation, User


def people_shown(*, user: User, people: Iterable[int | None]) -> set[int]:
    """Of the users with the keys ``people``, those ``user`` may see, by key."""
    keys = {pk for pk in people if pk is not None}
    if not keys:
        return set()
    return set(access.restrict(user, User.objects.filter(pk__in=keys)).values_list("pk", flat=True))


def responsible_choices(
    *, user: User, organisations: QuerySet[Organisation], keeping: int | None = None
) -> QuerySet[User]:
    """Whom ``user`` may name for an item of one of ``organisations``: of the people acting
    for one of them in a role that carries out the work, those ``user`` may see, each with
    the memberships it acts through (``acting_for``). ``keeping``, the key of the person the
    item names already, is offered too though they have left since (the model's ``clean``
    lets the item be closed as it stands, and asks for another person otherwise)."""
    named = Q(pk__in=responsible_people(organisations))
    if keeping is not None:
        named |= Q(pk=keeping)
    return (
        access.restrict(user, User.objects.filter(named))
        .order_by("first_name", "last_name", "username")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.active()
                .filter(organisation__in=organisations, role__in=RESPONSIBLE_ROLES)
                .select_related("organisation"),
                to_attr="acting_for",
            )
        )
    )
