"""The core's home-page panels: roles awaiting approval, organisations, and the
administrator's system status."""

from django.http import HttpRequest

from umebra import home, selectors
from umebra.models import Membership
from umebra.roles import Role


def _organisations(request: HttpRequest, membership: Membership) -> dict:
    return {"organisations": selectors.organisation_list_with_member_counts(user=request.user)}


def _system_status(request: HttpRequest, membership: Membership) -> dict:
    return {"ping": selectors.worker_ping_latest(user=request.user)}


def _role_requests(request: HttpRequest, membership: Membership) -> dict | None:
    """For member administrators and administrators: the roles waiting for their approval."""
    requests = list(selectors.membership_requests_awaiting(user=request.user))
    return {"requests": requests} if requests else None


def register() -> None:
    home.register_panel(
        template="umebra/panels/role_requests.html",
        context=_role_requests,
        roles=list(Role),
        order=5,
    )
    home.register_panel(
        template="umebra/panels/system_status.html",
        context=_system_status,
        roles=[Role.ADMIN],
        order=10,
    )
    home.register_panel(
        template="umebra/panels/organisations.html",
        context=_organisations,
        roles=[Role.ADMIN],
        order=90,
    )
