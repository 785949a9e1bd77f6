"""Status workflows: which transitions a status allows, and a clear reason when it does not.

A model with a workflow declares its transitions as a mapping from each status to the
statuses it may move to. Services call :func:`check_transition` before they change the
status, so a transition that is not allowed is refused with a reason the user can read,
whichever page, task or command asked for it.
"""

from collections.abc import Collection, Mapping

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

Transitions = Mapping[str, frozenset[str]]


def allowed_next(transitions: Transitions, current: str) -> frozenset[str]:
    return transitions.get(current, frozenset())


def next_choices(
    transitions: Transitions,
    choices: type[models.TextChoices],
    current: str,
    *,
    exclude: Collection[str] = (),
) -> list[tuple[str, str]]:
    """The statuses ``current`` may move to, as ``(value, label)`` in the order ``choices``
    declares them: what a page offers, as buttons or a select's options. ``exclude`` leaves
    out those the workflow allows but no person chooses (a case purged by the retention
    task)."""
    allowed = allowed_next(transitions, current)
    return [(v, label) for v, label in choices.choices if v in allowed and v not in exclude]


def check_transition(
    transitions: Transitions, choices: type[models.TextChoices], current: str, target: str
) -> None:
    """Raise ``ValidationError`` naming both statuses if ``current`` may not become ``target``."""
    if target in allowed_next(transitions, current):
        return
    if target not in choices.values:
        raise ValidationError(
            _("“%(target)s” is not a status.") % {"target": target}, code="status"
        )
    allowed = sorted(str(choices(s).label) for s in allowed_next(transitions, current))
    raise ValidationError(
        _("“%(current)s” cannot become “%(target)s”. %(allowed)s")
        % {
            "current": choices(current).label,
            "target": choices(target).label,
            "allowed": (_("From here it can become: %s.") % ", ".join(allowed))
            if allowed
            else _("It is final and cannot change."),
        },
        code="transition",
    )
