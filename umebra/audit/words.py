"""The access log in words: what its codes and object types mean to the auditor who reads it.

The stored text stays as it was written (the hash chain covers it); only its display is
translated. Apps add the codes of their own choices (a case's statuses, the legal grounds
of a disclosure) with :func:`register_codes`.
"""

import re
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings
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
    (re.compile(r"^review: (?P<value>\w+)$"), _("reviewed: %(value)s")),
]

# The filters of a search of the log, as the reason of its event stores them (``name=value;
# …``), and the words for them.
_SEARCH = re.compile(r"^log search: (?P<filters>.+)$", re.DOTALL)
_FILTERS = {
    "user": _("user"),
    "organisation": _("organisation"),
    "object_type": _("kind of object"),
    "object_id": _("object number"),
    "action": _("what was done"),
    "date_from": _("from"),
    "date_to": _("to"),
}

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
    if match := _SEARCH.match(reason):
        return _("searched the access log: %(filters)s") % {
            "filters": "; ".join(_filter_in_words(part) for part in match["filters"].split("; "))
        }
    for pattern, words in _PATTERNS:
        if match := pattern.match(reason):
            parts = match.groupdict()
            parts["value"] = str(_CODES.get(parts["value"], parts["value"]))
            return str(words) % parts
    return reason


def _filter_in_words(part: str) -> str:
    name, _equals, value = part.partition("=")
    if name == "object_type":
        value = kind_in_words(value)
    return f"{_FILTERS.get(name, name)} {_CODES.get(value, value)}"


# Objects of libraries that the log names (an authenticator app enrolled, a lock-out lifted),
# in our words: the libraries' own names are English.
_LIBRARY_KINDS = {
    "otp_totp.totpdevice": (_("authenticator app"), _("authenticator apps")),
    "axes.accessattempt": (_("failed logins"), _("failed logins")),
}
# Our own bookkeeping, never an object the log speaks of.
_NOT_KINDS = {"audit.listedobject", "cases.granttally", "umebra.workerping"}


def kind_in_words(object_type: str, *, plural: bool = False) -> str:
    """A model's name (``cases.sigcase`` → "SIG case"); the code where no model has it."""
    if object_type in _LIBRARY_KINDS:
        return str(_LIBRARY_KINDS[object_type][plural])
    try:
        options = apps.get_model(object_type)._meta
    except (LookupError, ValueError):
        return object_type
    return str(options.verbose_name_plural if plural else options.verbose_name)


def object_kinds() -> list[tuple[str, str]]:
    """Every kind of object the log may name, for the auditor to choose from, by name:
    the project's own models (those of apps under its folder) and the libraries' it logs."""
    ours = {
        model._meta.label_lower
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(settings.BASE_DIR)
        and not Path(config.path).is_relative_to(sys.prefix)  # a virtualenv in the folder
        for model in config.get_models()
    }
    kinds = (ours - _NOT_KINDS) | set(_LIBRARY_KINDS)
    named = [(kind, capfirst(kind_in_words(kind))) for kind in kinds]
    return sorted(named, key=lambda kind: kind[1].casefold())


def object_in_words(event) -> str:
    """What an event was about: "SIG case 12", "SIG cases: a list, 3 shown"."""
    if event.object_id:
        return f"{capfirst(kind_in_words(event.object_type))} {event.object_id}"
    kind = capfirst(kind_in_words(event.object_type, plural=True))
    listed = [o for o in event.listed.all() if o.object_type == event.object_type]
    if not listed:
        return kind
    return ngettext("%(kind)s: %(count)d shown", "%(kind)s: %(count)d shown", len(listed)) % {
        "kind": kind,
        "count": len(listed),
    }
