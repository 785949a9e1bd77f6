"""Reads of emergency access, through the access layer: the owner sees those to their
cases, the auditor all of them."""

from django.db.models import QuerySet

from cases.models import EmergencyAccess
from umebra import access
from umebra.models import User
from umebra.selectors import allowed_pks


def emergency_list(*, user: User) -> QuerySet[EmergencyAccess]:
    return access.restrict(
        user, EmergencyAccess.objects.select_related("case", "user", "reviewed_by")
    )


def emergency_reviewable(*, user: User, accesses: list[EmergencyAccess]) -> set[int]:
    """Which of ``accesses`` the user may review: not their own, for an auditor."""
    return allowed_pks(
        user=user,
        objects=EmergencyAccess.objects.filter(pk__in=[a.pk for a in accesses]),
        action=access.Action.CHANGE,
    )
