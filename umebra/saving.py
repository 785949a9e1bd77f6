"""The one way services write a model object: set the fields, validate it whole, save it."""

from collections.abc import Mapping
from typing import TYPE_CHECKING, TypeVar

from django.db import models

if TYPE_CHECKING:
    from umebra.access import Actor

M = TypeVar("M", bound=models.Model)


def save_validated(instance: M, fields: Mapping, *, actor: "Actor | None" = None) -> M:
    """Set ``fields`` on ``instance`` (new or existing), run ``full_clean`` and save.

    Services that take an optional ``instance`` create with none and update with one; the
    model's own ``clean`` and constraints decide what is valid, so forms, the admin and
    services all meet the same rules. A model whose changes are kept (``history``) is told
    the ``actor``'s user as who made this one: services run from tasks and commands as well
    as from requests, so the user comes from the service, never from the request.
    """
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean()
    history_user_set(instance, actor)
    instance.save()
    return instance


def history_user_set(instance: models.Model, actor: "Actor | None") -> None:
    """Name the actor's user (none for the system) in the history record the next save of
    ``instance`` writes, for a service that saves without ``save_validated``."""
    if actor is not None:
        instance._history_user = actor.user  # type: ignore[attr-defined]
