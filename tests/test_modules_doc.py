"""Every module of the package says what it is: a docstring of its own, and a row of
docs/architecture.md's Modules table that names it (a package's row names its modules by
their file or their short name)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "cleaner"
MODULES = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py"))


def modules_table() -> list[str]:
    """The rows of the Modules table of docs/architecture.md."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text.split("\n## Modules\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("| `")]


def named(module: str, rows: list[str]) -> bool:
    """Whether a row names ``module`` (a path under ``cleaner/``): a top-level module by its
    file, one of a package by its file or its short name in the row of the package."""
    if "/" not in module:
        return any(f"`{module}`" in row for row in rows)
    package, file = module.split("/", 1)
    own = [row for row in rows if f"`{package}/`" in row]
    if file == "__init__.py":
        return bool(own)
    return any(f"`{module}`" in row or f"`{file}`" in row or f"`{file[:-3]}`" in row for row in own)


def test_the_table_is_read():
    rows = modules_table()
    assert len(rows) > 10
    assert named("pipeline.py", rows) and named("front/dom.py", rows)
    assert not named("nowhere.py", rows) and not named("front/nowhere.py", rows)
    assert not named("elsewhere/__init__.py", rows)


@pytest.mark.parametrize("module", MODULES)
def test_every_module_is_in_the_modules_table(module):
    assert named(module, modules_table()), f"docs/architecture.md's Modules table does not name cleaner/{module}"


@pytest.mark.parametrize("module", MODULES)
def test_every_module_has_a_docstring(module):
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    assert (ast.get_docstring(tree) or "").strip(), f"cleaner/{module} has no docstring"
