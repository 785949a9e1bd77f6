"""Reads of the core's identity data."""

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from umebra import access
from umebra.models import Membership, Organisation, User, WorkerPing


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


def membership_for_request(request: HttpRequest) -> Membership | None:
    """The request user's membership, read once per request (with the access layer's actor)."""
    return access.actor_for(request.user).membership


def organisation_list_with_member_counts(*, user: User) -> QuerySet[Organisation]:
    today = timezone.localdate()
    active = Q(memberships__valid_from__lte=today) & (
        Q(memberships__valid_to__isnull=True) | Q(memberships__valid_to__gte=today)
    )
    return (
        access.restrict(user, Organisation.objects.select_related("parent"))
        .annotate(active_members=Count("memberships", filter=active))
        # Meta.ordering does not apply to aggregating queries.
        .order_by("name")
    )


def worker_ping_latest(*, user: User) -> WorkerPing | None:
    return access.restrict(user, WorkerPing.objects.all()).order_by("-queued_at", "-pk").first()
