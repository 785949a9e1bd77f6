"""The one service contract: every public function of a services module is a write
``<entity>_<verb>(*, actor, …named fields…)``, atomic, and fully annotated.

Reads live in selectors and pure helpers (parsers, date sums) in modules of their own, so a
services module holds nothing else. The few exemptions are named below, each with its reason.
"""

import importlib
import inspect
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from django.apps import apps
from django.conf import settings
from django.db.transaction import Atomic

# The verbs a service may end in: the plain three, then the domain's own.
VERBS = frozenset(
    {
        "create", "update", "delete",
        "answer", "appoint", "approve", "build", "confirm", "dismiss", "draw", "end",
        "expire", "give", "import", "mark", "open", "purge", "raise", "reconcile", "record",
        "publish", "refuse", "renew", "request", "resend", "retry", "review", "revoke", "start",
        "sync", "transition", "withdraw",
    }
)  # fmt: skip

# Run by the worker or the scheduler, for no one: they take no actor. Nor are they one
# transaction: a claimed run's lease and progress must commit while it is built, and a batch
# takes its items one transaction each, so that one bad item does not undo the others.
JOBS = frozenset(
    {
        "cases.services.retention.cases_purge",
        "cases.services.sig.consents_expire",
        "umebra.accessibility.services.accessibility_reports_purge",
        "reports.services.report_build",
        "reports.services.reports_stalled_resend",
        "umebra.services.membership_groups_sync",
        "umebra.services.worker_ping_answer",
    }
)

# Writes with no actor of their own.
NO_ACTOR = frozenset(
    {
        # An alert about ``user``, raised by the service (or admin action) whose actor caused
        # it; that one's own access-log event names the actor.
        "umebra.audit.services.alert_raise",
    }
)


def _service_modules() -> Iterator[ModuleType]:
    """``services.py`` and ``services/*.py`` of every app of this project (not of Django or
    third parties: those live outside the project's directory)."""
    root = Path(settings.BASE_DIR).resolve()
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if not path.is_relative_to(root) or ".venv" in path.parts:
            continue
        files = [path / "services.py", *sorted((path / "services").glob("*.py"))]
        for file in files:
            if file.is_file() and file.name != "__init__.py":
                dotted = ".".join(file.relative_to(root).with_suffix("").parts)
                yield importlib.import_module(dotted)


def _services() -> list[tuple[str, Callable]]:
    """Every public function defined in a services module (not one it imports)."""
    return [
        (f"{module.__name__}.{name}", function)
        for module in _service_modules()
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if not name.startswith("_") and function.__module__ == module.__name__
    ]


def is_atomic(function: Callable) -> bool:
    """Whether ``function`` runs in ``transaction.atomic``.

    Used as a decorator, ``atomic`` (a ``ContextDecorator``) returns a wrapper made with
    ``functools.wraps``: it has ``__wrapped__`` and holds the ``Atomic`` instance in its
    closure. Each wrapper of the chain that ``__wrapped__`` links is looked at, so another
    decorator around it does not hide it. A ``with transaction.atomic():`` inside the body
    does not count: then part of the service could run outside it.
    """
    while function is not None:
        cells = function.__closure__ or ()
        if any(isinstance(cell.cell_contents, Atomic) for cell in cells):
            return True
        function = getattr(function, "__wrapped__", None)
    return False


def violations(name: str, function: Callable) -> list[str]:
    """What is wrong with one service, in words; empty when it keeps the contract."""
    found = []
    signature = inspect.signature(function)
    parameters = signature.parameters.values()
    positional = [p.name for p in parameters if p.kind is not p.KEYWORD_ONLY]
    if positional:
        found.append(f"takes {positional} positionally, or as **fields: name each field after *")
    if "actor" not in signature.parameters and name not in JOBS | NO_ACTOR:
        found.append("takes no actor")
    if not is_atomic(function) and name not in JOBS:
        found.append("is not @transaction.atomic")
    entity, _, verb = function.__name__.rpartition("_")
    if verb not in VERBS:
        found.append(f"ends in {verb!r}, not a verb of VERBS")
    if verb == "update" and entity not in signature.parameters:
        # ``umebra.pages.create_or_update`` passes the object under its entity's name.
        found.append(f"takes what it updates as something other than {entity!r}")
    unannotated = [p.name for p in parameters if p.annotation is p.empty]
    if unannotated or signature.return_annotation is signature.empty:
        found.append(f"is not fully annotated (parameters {unannotated} or its return)")
    return found


def test_services_are_found() -> None:
    names = {name for name, _function in SERVICES}
    assert {
        "umebra.services.membership_create",
        "collaboration.services.agreements.agreement_create",
        "cases.services.sig.case_open",
        "reports.services.report_request",
        "umebra.audit.services.sample_draw",
    } <= names
    assert not (JOBS | NO_ACTOR) - names, "an exemption names no service"


SERVICES = _services()


@pytest.mark.parametrize(("name", "function"), SERVICES, ids=[name for name, _f in SERVICES])
def test_service_keeps_the_contract(name: str, function: Callable) -> None:
    assert violations(name, function) == []
