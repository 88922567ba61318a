"""The shape the style guide asks for, checked: types, and imports that go one way."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(package: str) -> set[tuple[str, str]]:
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add((str(path.relative_to(ROOT)), node.module))
            elif isinstance(node, ast.Import):
                found.update((str(path.relative_to(ROOT)), alias.name) for alias in node.names)
    return found


def test_classifiers_import_nothing_of_ours() -> None:
    bad = {(f, m) for f, m in imported_modules("classifiers") if m.split(".")[0] in ("intake", "scheduler")}
    assert not bad


def test_only_the_command_line_reaches_up_to_the_scheduler() -> None:
    """scheduler → intake → classifiers; the command line (the composition root) starts the scheduler."""
    top = ("intake/cli.py", "intake/__main__.py", "intake/commands/")
    bad = {(f, m) for f, m in imported_modules("intake")
           if not f.startswith(top) and (m.split(".")[0] == "scheduler" or m.startswith("intake.cli"))}
    assert not bad


def test_strict_typing() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--ignore-missing-imports",
                             "intake", "classifiers", "scheduler"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]


def test_the_architecture_doc_lists_the_stages_in_order() -> None:
    from intake.pipeline import STAGES

    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    table = doc.split("<!-- stages -->")[1].split("<!-- /stages -->")[0]
    listed = [line.split("|")[1].strip() for line in table.strip().splitlines()[2:]]
    assert tuple(listed) == STAGES
    for name in STAGES:
        assert (ROOT / "intake" / "stages" / f"{name}.py").exists()
