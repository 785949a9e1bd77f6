"""Views and panels query nothing themselves: every read goes through a selector.

A selector takes the user, narrows through the access layer and is tested once; a query
written in a view is a second, untested way to the same rows, and the first place a rule
is forgotten. So no view or panel module may reach a model's manager (``.objects``,
``._default_manager``, ``._base_manager``) or call the access layer's narrowing
(``restrict``, ``restrict_public``, ``restrict_reportable``) itself.

The modules are found by name, in every root package import-linter knows (pyproject.toml):
``views.py``, ``views/*.py``, ``*_views.py``, ``panels.py``, and ``pages.py``, the helpers
all views share; a new view module is checked without being listed here.

Each module is parsed (``ast``), not searched as text: a docstring or comment that speaks
of ``.objects`` is no violation, while code reaching a manager is, however it is spelled
(``Case.objects``, ``model._default_manager``, ``from umebra.access import restrict``). What
stays allowed: fetching one object through ``access.get_object_or_404`` (with a model or a
selector's queryset: the access layer narrows it), ``access.allows`` and ``may_add``, and
narrowing further a queryset a selector returned (``.filter(…)`` on it).
"""

import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PATTERNS = ("views.py", "views/*.py", "*_views.py", "panels.py", "pages.py")
MANAGERS = {"objects", "_default_manager", "_base_manager"}
NARROWING = {"restrict", "restrict_public", "restrict_reportable"}


def _view_modules() -> list[Path]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    packages = config["tool"]["importlinter"]["root_packages"]
    return sorted(
        {
            path
            for package in packages
            for pattern in PATTERNS
            for path in (ROOT / package).rglob(pattern)
        }
    )


def _queries(path: Path) -> list[str]:
    """Each place in ``path`` that queries for itself, as ``line: what``, in line order."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Attribute) and node.attr in MANAGERS | NARROWING:
            found.append((node.lineno, f".{node.attr}"))
        elif isinstance(node, ast.ImportFrom) and node.module == "umebra.access":
            found += [(node.lineno, f"import {a.name}") for a in node.names if a.name in NARROWING]
    return [f"{line}: {what}" for line, what in sorted(found)]


VIEW_MODULES = _view_modules()


def test_the_view_modules_are_found():
    """Guards the globs: were they to match nothing, every check below would pass."""
    names = {str(path.relative_to(ROOT)) for path in VIEW_MODULES}
    assert {"cases/views/sig.py", "umebra/organisation_views.py", "reports/panels.py"} <= names


@pytest.mark.parametrize("path", VIEW_MODULES, ids=lambda path: str(path.relative_to(ROOT)))
def test_views_and_panels_read_through_selectors(path):
    assert _queries(path) == [], f"{path.relative_to(ROOT)} queries; move it to a selector"
