"""The documentation stays inside the repo: every relative link in the Markdown files leads to
a file (and to a heading, where it names one), and nothing points at files a clone does not
have, such as a spec kept beside the repository."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").rglob("*.md"))]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"```.*?```", re.S)
# Where the product's spec once lived, outside the repository (written so as not to match here).
OUTSIDE = re.compile(r"\.\./" + r"shared|\b(?:DESIGN|STYLE)" + r"\.md\b")
SKIPPED = {".git", ".venv", "var", "__pycache__", ".pytest_cache", ".ruff_cache", "test-results"}
TEXT = {".py", ".md", ".html", ".txt", ".toml", ".yml", ".yaml", ".po", ".sh", ".js", ".css"}


def _anchor(heading: str) -> str:
    """The fragment GitHub gives a heading: lower case, punctuation dropped, spaces as dashes."""
    plain = re.sub(r"[`*]", "", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", plain).replace(" ", "-")


def _headings(path: Path) -> set[str]:
    text = FENCE.sub("", path.read_text())
    return {_anchor(h) for h in re.findall(r"^#+\s+(.*)$", text, re.M)}


def _broken_links(document: Path) -> list[str]:
    broken = []
    for target in LINK.findall(FENCE.sub("", document.read_text())):
        if re.match(r"[a-z]+:", target):  # https:, mailto:
            continue
        path, _, fragment = target.partition("#")
        destination = (document.parent / path).resolve() if path else document
        if not destination.exists():
            broken.append(f"{target}: no such file")
        elif fragment and (destination.is_dir() or fragment not in _headings(destination)):
            broken.append(f"{target}: no such heading")
    return broken


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_leads_somewhere(document):
    assert _broken_links(document) == []


def _text_files():
    for path in ROOT.rglob("*"):
        parts = set(path.relative_to(ROOT).parts)
        if parts & SKIPPED or any(part.endswith(".egg-info") for part in parts):
            continue
        if path.is_file() and (path.suffix in TEXT or path.name in {"Makefile", "Dockerfile"}):
            yield path


def test_nothing_points_outside_the_repository():
    outside = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _text_files()
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1)
        if OUTSIDE.search(line)
    ]
    assert outside == []
