"""Collaboration's panels on the role home pages."""

from django.http import HttpRequest

from collaboration import selectors
from umebra import home
from umebra.models import Membership
from umebra.roles import Role


def _areas(request: HttpRequest, membership: Membership) -> dict:
    return {"areas": selectors.area_list(user=request.user)}


def register() -> None:
    home.register_panel(
        template="collaboration/panels/areas.html",
        context=_areas,
        roles=[Role.COORDINATOR],
        order=50,
    )
