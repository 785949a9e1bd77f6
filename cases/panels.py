"""The cases app's home-page panels: emergency access, for case owners and the auditor."""

from django.http import HttpRequest

from cases.selectors.emergency import emergency_list
from umebra import home
from umebra.models import Membership
from umebra.roles import Role


def _emergency(request: HttpRequest, membership: Membership) -> dict:
    accesses = emergency_list(user=request.user)
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
