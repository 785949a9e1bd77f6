"""The core's home-page panels: organisations, and the administrator's system status."""

from django.http import HttpRequest

from umebra import home, selectors
from umebra.models import Membership
from umebra.roles import Role


def _organisations(request: HttpRequest, membership: Membership) -> dict:
    return {"organisations": selectors.organisation_list_with_member_counts(user=request.user)}


def _system_status(request: HttpRequest, membership: Membership) -> dict:
    return {"ping": selectors.worker_ping_latest(user=request.user)}


def register() -> None:
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
