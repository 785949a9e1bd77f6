"""Reads of joint efforts."""

from django.db.models import QuerySet

from collaboration.models import JointEffort
from umebra import access
from umebra.models import User


def effort_list(*, user: User) -> QuerySet[JointEffort]:
    """The efforts the user may see, with what their list rows show, in a fixed few queries."""
    return (
        access.restrict(user, JointEffort.objects.all())
        .select_related("created_by", "agreement", "undertaking")
        .prefetch_related("areas", "organisations")
        .order_by("-date", "-id")
    )
