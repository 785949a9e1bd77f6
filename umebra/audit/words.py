"""The access log in words: what its codes and object types mean to the auditor who reads it.

The stored text stays as it was written (the hash chain covers it); only its display is
translated. Apps add the codes of their own choices (a case's statuses, the legal grounds
of a disclosure) with :func:`register_codes`.
"""

import re

from django.apps import apps
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

# The access log's reasons that are the code's own words, as the auditor reads them.
REASON_LABELS = {
    "view": _("asked to view"),
    "add": _("asked to add"),
    "change": _("asked to change"),
    "delete": _("asked to delete"),
    "list": _("the list"),
    "emergency access": _("through emergency access"),
    "consent form": _("the consent form"),
    "ended by a grant": _("ended by a grant"),
    "withdrawn by the owner": _("withdrawn by the owner"),
    "membership given": _("membership given"),
    "membership requested": _("membership asked for"),
    "membership approved": _("membership approved"),
    "membership refused": _("membership refused"),
    "membership ended": _("membership ended"),
    "member administrator appointed": _("member administrator appointed"),
    "member administrator dismissed": _("member administrator no longer"),
    "authenticator enrolled": _("authenticator app enrolled"),
    "authenticator replaced": _("authenticator app replaced"),
    "backup codes made": _("backup codes made"),
    "lock-out lifted": _("lock-out lifted"),
    "deleted through the admin": _("deleted through the admin"),
    "role review (page)": _("who holds which role"),
    "role review (csv)": _("who holds which role, as CSV"),
    "appoint asked for": _(
        "appointment as member administrator asked for, for a second administrator to confirm"
    ),
    "end asked for": _("ending asked for, for a second administrator to confirm"),
    "organisation created": _("organisation registered"),
    "organisation changed": _("organisation changed"),
    "log search": _("searched the access log"),
}


# Reasons with a code or a text inside: the part named "value" is a code where one is known.
_PATTERNS = [
    (re.compile(r"^status: (?P<value>\w+)$"), _("status set to %(value)s")),
    (re.compile(r"^revoked: (?P<value>.*)$", re.DOTALL), _("revoked: %(value)s")),
    (
        re.compile(r"^disclosure to (?P<to>.+) \((?P<value>\w+)\)$"),
        _("disclosed to %(to)s (%(value)s)"),
    ),
    (re.compile(r"^register extract \((?P<value>\w+)\)$"), _("register extract (%(value)s)")),
    (
        re.compile(r"^log search: (?P<value>.*)$", re.DOTALL),
        _("searched the access log: %(value)s"),
    ),
]

_CODES = {"page": _("page"), "pdf": "PDF", "csv": "CSV"}


def register_codes(choices) -> None:
    """Name an app's codes (a ``TextChoices``' choices) where they appear in reasons."""
    _CODES.update(dict(choices))


def reason_in_words(reason: str) -> str:
    """The reason in the reader's language where it is one of the code's own words (what
    a refused user asked to do, a status a case was set to); what people wrote is shown as
    they wrote it."""
    if reason in REASON_LABELS:
        return str(REASON_LABELS[reason])
    for pattern, words in _PATTERNS:
        if match := pattern.match(reason):
            parts = match.groupdict()
            parts["value"] = str(_CODES.get(parts["value"], parts["value"]))
            return str(words) % parts
    return reason


def kind_in_words(object_type: str, *, plural: bool = False) -> str:
    """A model's name (``cases.sigcase`` → "SIG case"); the code where no model has it."""
    try:
        options = apps.get_model(object_type)._meta
    except (LookupError, ValueError):
        return object_type
    return str(options.verbose_name_plural if plural else options.verbose_name)


def object_kinds() -> list[tuple[str, str]]:
    """Every kind of object the log may name, for the auditor to choose from, by name."""
    kinds = {m._meta.label_lower: capfirst(str(m._meta.verbose_name)) for m in apps.get_models()}
    return sorted(kinds.items(), key=lambda kind: kind[1].casefold())


def object_in_words(event) -> str:
    """What an event was about: "SIG case 12", "SIG cases: a list, 3 shown"."""
    if event.object_id:
        return f"{capfirst(kind_in_words(event.object_type))} {event.object_id}"
    shown = len(event.listed.all())
    kind = capfirst(kind_in_words(event.object_type, plural=True))
    if not shown:
        return kind
    return ngettext("%(kind)s: %(count)d shown", "%(kind)s: %(count)d shown", shown) % {
        "kind": kind,
        "count": shown,
    }
