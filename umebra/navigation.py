"""The main menu, built from entries the apps register.

An entry shows when the access layer opens its model's list to the user, so the menu never
offers a page that would refuse them.
"""

from dataclasses import dataclass

from django.db import models
from django.http import HttpRequest
from django.urls import reverse

from umebra import access
from umebra.two_factor.devices import two_factor_required


@dataclass(frozen=True)
class Entry:
    label: str
    url_name: str
    model: type[models.Model]
    order: int


_entries: list[Entry] = []


def register(*, label: str, url_name: str, model: type[models.Model], order: int = 100) -> None:
    _entries.append(Entry(label, url_name, model, order))
    _entries.sort(key=lambda entry: entry.order)


def entries_for(request: HttpRequest) -> list[dict]:
    user = request.user
    # Half logged in (the second factor still to come): nothing to navigate to yet.
    if not user.is_authenticated or (not user.is_verified() and two_factor_required(user)):
        return []
    actor = access.actor_for(user)
    if actor.membership is None:
        return []
    items = []
    for entry in _entries:
        if access.policy_for(entry.model).may_view_any(actor):
            url = reverse(entry.url_name)
            items.append({"label": entry.label, "url": url, "current": request.path == url})
    return items
