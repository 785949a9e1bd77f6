"""Reads of joint efforts."""

from django.db.models import Prefetch, QuerySet

from collaboration.models import Area, JointEffort
from umebra import access
from umebra.models import User


def effort_list(*, user: User) -> QuerySet[JointEffort]:
    """The efforts the user may see, with what their list rows show, in a fixed few queries."""
    return (
        access.restrict(user, JointEffort.objects.all())
        .select_related("created_by", "agreement", "undertaking")
        .prefetch_related(Prefetch("areas", Area.objects.defer("boundary")), "organisations")
        .order_by("-date", "-id")
    )
