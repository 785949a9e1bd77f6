"""The home page's panels, registered by the apps that own their content.

A role's home page shows that role's real work. The core knows no app, so each app registers
its panels here from its ``AppConfig.ready``; the home view renders the panels registered for
the viewer's role, in ``order``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from umebra.models import Membership
from umebra.roles import Role

# A panel's context, or None when the panel has nothing to show this user.
PanelContext = Callable[[HttpRequest, Membership], dict[str, Any] | None]


@dataclass(frozen=True)
class Panel:
    template: str
    context: PanelContext
    roles: frozenset[Role]
    order: int


_panels: list[Panel] = []


def register_panel(
    *, template: str, context: PanelContext, roles: Iterable[Role], order: int = 100
) -> None:
    _panels.append(Panel(template, context, frozenset(roles), order))
    _panels.sort(key=lambda panel: panel.order)


def panels_for(request: HttpRequest, membership: Membership) -> list[tuple[str, dict]]:
    """The (template, context) of each panel the membership's role sees, leaving out those
    with nothing to show."""
    shown = []
    for panel in _panels:
        if membership.role in panel.roles:
            context = panel.context(request, membership)
            if context is not None:
                shown.append((panel.template, context))
    return shown
