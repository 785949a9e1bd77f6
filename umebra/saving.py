"""The one way services write a model object: set the fields, validate it whole, save it."""

from collections.abc import Mapping
from typing import TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


def save_validated(instance: M, fields: Mapping) -> M:
    """Set ``fields`` on ``instance`` (new or existing), run ``full_clean`` and save.

    Services that take an optional ``instance`` create with none and update with one; the
    model's own ``clean`` and constraints decide what is valid, so forms, the admin and
    services all meet the same rules.
    """
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    return instance
