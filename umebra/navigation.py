"""The main menu, from the entries each app lists in its own ``navigation.py``.

An entry shows when the access layer opens its model's list to the user, so the menu never
offers a page that would refuse them. The entries are found through Django's app registry, as
the access rules in ``policy.py`` are: the core imports no app by name. This module lists the
core's own entries.
"""

from dataclasses import dataclass
from importlib import import_module
from operator import attrgetter

from django.apps import apps
from django.db import models
from django.http import HttpRequest
from django.urls import reverse
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext_lazy as _

from umebra import access
from umebra.models import Membership, Organisation
from umebra.two_factor.devices import two_factor_required


@dataclass(frozen=True)
class Entry:
    label: str
    url_name: str
    model: type[models.Model]
    order: int


ENTRIES = [
    Entry(_("Organisations"), "organisation-list", Organisation, order=70),
    Entry(_("Roles"), "role-review", Membership, order=75),
]

_menu: list[Entry] = []


def collect() -> None:
    """Every installed app's ``ENTRIES``, in menu order: by ``order``, and between equals in
    the order of ``INSTALLED_APPS``. Once, when the apps are ready (``UmebraConfig``)."""
    found = [
        entry
        for config in apps.get_app_configs()
        if module_has_submodule(config.module, "navigation")
        for entry in import_module(f"{config.name}.navigation").ENTRIES
    ]
    _menu[:] = sorted(found, key=attrgetter("order"))


def entries_for(request: HttpRequest) -> list[dict]:
    user = request.user
    # Half logged in (the second factor still to come): nothing to navigate to yet.
    if not user.is_authenticated or (not user.is_verified() and two_factor_required(user)):
        return []
    actor = access.actor_for(user)
    if actor.membership is None:
        return []
    items = []
    for entry in _menu:
        if access.policy_for(entry.model).may_view_any(actor):
            url = reverse(entry.url_name)
            items.append({"label": entry.label, "url": url, "current": request.path == url})
    return items
