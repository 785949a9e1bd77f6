"""Whose data an event touched: the apps that keep people's records tell the log which of
their objects belong to a person, so that the auditor can search the log by person.

The core imports no app: an app registers, in its ``AppConfig.ready``, a finder and an
owner lookup. A finder is called with the auditor and what they typed (a name or a personal
identity number) and returns the records it matched and, per object type (``app.model``),
the ids of every object that holds their data. An owner lookup is called with the auditor
and an event, and returns the records whose data the event's objects hold.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model


@dataclass
class Subject:
    """The people a search matched, and the objects that hold their data."""

    people: list = field(default_factory=list)
    objects: dict[str, set[str]] = field(default_factory=dict)
    #: Where a register extract of one of ``people`` is asked for (by POST, ``person=pk``).
    extract_url: str = ""
    #: Objects that stand for people who are no record of their own (a reader known only by
    #: the address their accessibility reports gave: those reports).
    stand_ins: list = field(default_factory=list)

    @property
    def logged(self) -> list:
        """What a search for these people names in its event, so that the search is in
        their register extract: their records, and what stands for the others."""
        return [person for person in self.people if isinstance(person, Model)] + self.stand_ins

    def add(self, object_type: str, ids) -> None:
        self.objects.setdefault(object_type, set()).update(str(pk) for pk in ids)

    def __bool__(self) -> bool:
        return bool(self.people)


_finders: list[Callable[..., Subject]] = []
_owner_lookups: list[Callable[..., Subject]] = []


def register(*, find: Callable[..., Subject], owners: Callable[..., Subject]) -> None:
    _finders.append(find)
    _owner_lookups.append(owners)


def find(*, user, text: str) -> Subject:
    """Everything every app holds about the people ``text`` names."""
    found = Subject()
    for finder in _finders:
        subject = finder(user=user, text=text)
        found.people += subject.people
        found.stand_ins += subject.stand_ins
        found.extract_url = found.extract_url or subject.extract_url
        for object_type, ids in subject.objects.items():
            found.add(object_type, ids)
    return found


def owners(*, user, event) -> Subject:
    """The people whose data the event's objects (opened or listed) hold."""
    keys = [(event.object_type, event.object_id)] if event.object_id else []
    keys += [(listed.object_type, listed.object_id) for listed in event.listed.all()]
    found = Subject()
    for lookup in _owner_lookups:
        subject = lookup(user=user, keys=keys)
        found.people += subject.people
        found.extract_url = found.extract_url or subject.extract_url
    return found
