"""The cases app's home-page panels: emergency access, for case owners and the auditor."""

from django.http import HttpRequest

from cases.models import EmergencyAccess
from umebra import access, home
from umebra.models import Membership
from umebra.roles import Role


def _emergency(request: HttpRequest, membership: Membership) -> dict:
    accesses = access.restrict(request.user, EmergencyAccess.objects.select_related("case", "user"))
    if membership.role == Role.AUDITOR:
        accesses = accesses.filter(reviewed_at__isnull=True)
    return {"accesses": accesses[:10], "auditor": membership.role == Role.AUDITOR}


def register() -> None:
    home.register_panel(
        template="cases/panels/emergency.html",
        context=_emergency,
        roles=[Role.SOCIAL_WORKER, Role.AUDITOR],
        order=11,
    )
