"""Reads of joint efforts."""

from django.db.models import Prefetch, QuerySet

from collaboration.models import JointEffort
from collaboration.selectors.areas import areas_named
from umebra import access
from umebra.models import Organisation, User


def effort_list_brief(*, user: User) -> QuerySet[JointEffort]:
    """The efforts the user may see, newest first, each with its ``area_list``: what a
    panel's line shows, in a fixed two queries.

    Plain lists (``to_attr``) rather than prefetched managers: a list of fifty rows would
    otherwise build a hundred related managers and clone a queryset for each cell.
    """
    return (
        access.restrict(user, JointEffort.objects.all())
        .prefetch_related(Prefetch("areas", areas_named(), to_attr="area_list"))
        .order_by("-date", "-id")
    )


def effort_list(*, user: User) -> QuerySet[JointEffort]:
    """The efforts as a list row shows them: with ``area_list``, ``organisation_list`` and
    the municipality, in a fixed three queries."""
    return (
        effort_list_brief(user=user)
        .select_related("municipality")
        .prefetch_related(
            Prefetch(
                "organisations", Organisation.objects.only("name"), to_attr="organisation_list"
            )
        )
    )


def effort_full(*, user: User) -> QuerySet[JointEffort]:
    """The efforts as their page and the exports show them: with whom they serve and who
    logged them."""
    return effort_list(user=user).select_related("created_by", "agreement", "undertaking")
