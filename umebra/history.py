"""Reads of what was changed: who, when, and each field from what to what.

The models that keep their changes (``history = HistoricalRecords()``, django-simple-history,
docs/decisions/0005-correction-history.md) are shown through this one reader and the one
template ``history.html``, so every object's "Ändringar" reads alike. The caller has already
fetched the object through the access layer: whoever may see it may see how it changed.
"""

import datetime
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from umebra import access
from umebra.numbers import figure

# Fields that say who wrote or when, not what: changed by every save, shown by the record.
BOOKKEEPING = frozenset({"created_at", "updated_at", "corrected_at", "created_by", "reported_by"})
EMPTY = "–"
# A person named in a field whom the reader may not see (``changes_of``'s ``user``).
HIDDEN = gettext_lazy("(not shown)")


@dataclass(frozen=True)
class Change:
    when: datetime.datetime
    who: str
    field: str
    before: str
    after: str


def shown(field: models.Field, value) -> str:
    """A stored value as pages show it: choices by their label, figures through ``figure``,
    dates in words, related objects by name."""
    if value is None or value == "":
        return EMPTY
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, Decimal):
        return figure(value.normalize())
    if isinstance(value, int | float):
        return figure(value)
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "j F Y H:i")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "j F Y")
    return str(value)


def _who(record) -> str:
    user = record.history_user
    return user.display_name if user else _("Umebrå")


def history_changes(
    records: Iterable,
    *,
    fields: Iterable[str] | None = None,
    label: Callable | None = None,
    created_shown: Callable | None = None,
    people_shown: Container[int] | None = None,
) -> list[Change]:
    """The changes in ``records`` (one model's historical records), field by field.

    ``fields`` narrows what is shown to those named; ``label(record)`` names a part's value
    by what it is (a follow-up's value by its indicator) instead of by its field;
    ``created_shown(record)`` says whether a part's creation is itself a change (a value
    added in a correction), since a first record otherwise only states where the history
    begins. A deletion shows its fields going to
    nothing. ``people_shown``, when given, holds the keys of the users whose name the reader
    may see: a field naming anyone else (a responsible person of another organisation) shows
    ``HIDDEN`` instead of the name.
    """
    changes = []
    previous: dict[int, object] = {}
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        before = previous.get(record.id)
        previous[record.id] = record
        if record.history_type == "+" and not (created_shown and created_shown(record)):
            continue
        model = record.instance_type
        for field in model._meta.concrete_fields:
            if field.name in BOOKKEEPING or field.primary_key:
                continue
            if fields is not None and field.name not in fields:
                continue
            name = field.attname if field.is_relation else field.name
            old = getattr(before, name) if before is not None else None
            new = None if record.history_type == "-" else getattr(record, name)
            if old == new or (record.history_type == "-" and old is None):
                continue
            if field.is_relation and people_shown is not None and _names_people(field):
                old, new = (_person(pk, people_shown) for pk in (old, new))
            elif field.is_relation:
                old, new = _related(field, old), _related(field, new)
            changes.append(
                Change(
                    when=record.history_date,
                    who=_who(record),
                    field=label(record) if label else capfirst(field.verbose_name),
                    before=shown(field, old),
                    after=shown(field, new),
                )
            )
    return changes


def _names_people(field: models.Field) -> bool:
    return field.related_model is get_user_model()


def _person(pk, people_shown: Container[int]):
    """A stored user's key as the reader may see it: by name, or ``HIDDEN``."""
    if pk is None:
        return None
    if pk not in people_shown:
        return HIDDEN
    person = get_user_model()._default_manager.filter(pk=pk).first()
    return person.display_name if person is not None else pk


def user_keys(records: Iterable) -> set[int]:
    """The keys of the users the fields of ``records`` name (not who wrote them)."""
    keys = set()
    for record in records:
        for field in record.instance_type._meta.concrete_fields:
            if field.is_relation and field.name not in BOOKKEEPING and _names_people(field):
                keys.add(getattr(record, field.attname))
    keys.discard(None)
    return keys


def _related(field: models.Field, pk):
    """The related object of a stored key, by name; one gone since is shown by its key."""
    if pk is None:
        return None
    related = field.related_model._default_manager.filter(pk=pk).first()  # type: ignore[union-attr]
    return related if related is not None else pk


def changes_of(obj: models.Model, *, user=None) -> list[Change]:
    """The changes of one object that keeps them, the newest first. Given the reader
    ``user``, a field naming a person they may not see (``access.restrict`` of users) shows
    ``HIDDEN``, not the name."""
    records = list(obj.history.select_related("history_user"))  # type: ignore[attr-defined]
    shown_to = None
    if user is not None:
        keys = user_keys(records)
        people = get_user_model()._default_manager.filter(pk__in=keys)
        shown_to = set(access.restrict(user, people).values_list("pk", flat=True))
    return newest_first(history_changes(records, people_shown=shown_to))


def newest_first(*lists: list[Change]) -> list[Change]:
    """Several readers' changes as one list, the newest first."""
    return sorted((c for changes in lists for c in changes), key=lambda c: c.when, reverse=True)
