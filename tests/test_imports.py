"""The package's import graph: no circle, and no import of a `cleaner` module hidden
inside a function (the usual way to dodge a circle).

Run alone with ``python -m pytest -q tests/test_imports.py``.  The graph is read from the
source (`ast`), not from a running interpreter, so an import that only some paths reach
counts too.  A few imports of other libraries are deferred on purpose (their import is
slow or the library is optional); they are listed in `DEFERRED` with the reason.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner.registry import DECLARING

PACKAGE = Path(__file__).resolve().parent.parent / "cleaner"

#: (module, imported module) -> why the import waits for the function that needs it.
DEFERRED = {
    ("cleaner.front.extract", "trafilatura"): "about 0.2 s of import time, paid only for HTML input",
    ("cleaner.front.extract", "trafilatura.xml"): "as above",
    ("cleaner.front.extract", "trafilatura.settings"): "as above",
    ("cleaner.front.dom", "trafilatura.utils"): "as above",
    ("cleaner.front.sequence", "trafilatura"): "as above",
    ("cleaner.front.sequence", "trafilatura.baseline"): "as above",
    ("cleaner.front.sequence", "trafilatura.external"): "as above",
    ("cleaner.front.sequence", "trafilatura.htmlprocessing"): "as above",
    ("cleaner.front.sequence", "trafilatura.main_extractor"): "as above",
    ("cleaner.front.sequence", "trafilatura.xpaths"): "as above",
    ("cleaner.language", "justext"): "its stoplists are read only when a language needs them",
    ("cleaner.front.decode", "charset_normalizer"): "about 10 ms of import time, paid only for "
                                                    "bytes that are not UTF-8 nor say their charset",
    ("cleaner.gatecache", "tomllib"): "about 5 ms of import time, paid only when a catalogue "
                                      "file or story_heads.toml is not in the prebuilt cache",
    ("cleaner.validate", "difflib"): "a few ms of import time, paid only to word the error "
                                     "of an unknown rule id",
    ("cleaner.cli", "tqdm"): "the progress bar is drawn only on a terminal",
    ("cleaner.cli", "signal"): "command-line process handling, not needed by the library",
    ("cleaner.cli", "threading"): "as above",
    ("cleaner.batch", "concurrent.futures"): "worker processes, only for --jobs",
    ("cleaner.batch", "multiprocessing"): "as above",
    ("cleaner.integrations.scrapy", "itemadapter"): "optional dependency (scrapy)",
    ("cleaner.integrations.scrapy", "scrapy.exceptions"): "optional dependency (scrapy)",
}


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> list[str]:
    """The modules an ``from ... import ...`` statement loads (relative ones resolved)."""
    if node.level == 0:
        base = node.module or ""
    else:
        parts = module.split(".")
        if not is_package:
            parts.pop()
        parts = parts[: len(parts) - (node.level - 1)]
        base = ".".join(parts + ([node.module] if node.module else []))
    found = [base]
    for alias in node.names:  # `from . import dom` loads the submodule cleaner.dom
        candidate = f"{base}.{alias.name}"
        if _path(candidate) is not None:
            found.append(candidate)
    return found


def _path(module: str) -> Path | None:
    if not module.startswith("cleaner"):
        return None
    rel = Path(*module.split(".")[1:])
    for path in (PACKAGE / rel.with_suffix(".py") if rel.parts else None, PACKAGE / rel / "__init__.py"):
        if path is not None and path.is_file():
            return path
    return None


def _imports(path: Path):
    """``(imported module, inside a function)`` for every import statement of a file."""
    module = _name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nested: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            nested.update(id(n) for n in ast.walk(node) if n is not node)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            targets = _resolve(module, path.name == "__init__.py", node)
        else:
            continue
        for target in targets:
            yield target, id(node) in nested


def graph() -> tuple[dict[str, set[str]], list[tuple[str, str]]]:
    """The package's module-level import graph (its own modules only), and every
    function-level import as ``(module, imported module)``."""
    edges: dict[str, set[str]] = {}
    hidden: list[tuple[str, str]] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _name(path)
        edges.setdefault(module, set())
        for target, in_function in _imports(path):
            if in_function:
                hidden.append((module, target))
            elif target.startswith("cleaner") and target != module and _path(target) is not None:
                edges[module].add(target)
    return edges, hidden


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every import circle (one per strongly connected component, Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def _parents(module: str) -> set[str]:
    parts = module.split(".")
    return {".".join(parts[:k]) for k in range(1, len(parts))}


def test_the_package_imports_without_a_circle():
    edges, _ = graph()
    # A package's `__init__` importing its own submodules is how packages are built, not a
    # circle: a submodule's implicit import of its parent package is left out.
    edges = {m: {t for t in targets if t not in _parents(m)} for m, targets in edges.items()}
    assert cycles(edges) == []


def test_a_stage_imports_no_later_stage():
    """Data flows one way: a module that declares a stage's rules imports none of the stages
    after it (pipeline order, `cleaner.registry.DECLARING`; a package's submodules are its
    stage)."""
    order = [module.__name__ for module in DECLARING]

    def stage(module: str) -> int | None:
        return next((k for k, name in enumerate(order) if module == name or module.startswith(name + ".")), None)

    edges, _ = graph()
    later = [(m, t) for m, targets in edges.items() for t in targets
             if stage(m) is not None and stage(t) is not None and stage(t) > stage(m)]
    assert later == []


def test_no_function_imports_a_cleaner_module():
    _, hidden = graph()
    assert [(m, t) for m, t in hidden if t.startswith("cleaner") or t == ""] == []


def test_deferred_imports_of_other_libraries_are_the_listed_ones():
    _, hidden = graph()
    others = {(m, t) for m, t in hidden if not t.startswith("cleaner")}
    assert others <= set(DEFERRED), sorted(others - set(DEFERRED))


def test_text_input_does_not_import_the_page_parser():
    """`cleaner.front` imports its page modules (and lxml) with the first page: a process
    that cleans text never imports them; one that cleans a page does."""
    code = ("import sys, cleaner\n"
            "parser = ('lxml', 'cleaner.front.extract', 'cleaner.front.dom')\n"
            "cleaner.clean('The minister arrived in the capital on Tuesday for talks.')\n"
            "print(sorted(m for m in parser if m in sys.modules))\n"
            "cleaner.clean('<html><body><p>The minister arrived in the capital.</p></body></html>')\n"
            "print(sorted(m for m in parser if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=PACKAGE.parent).stdout.splitlines()
    assert out == ["[]", "['cleaner.front.dom', 'cleaner.front.extract', 'lxml']"]


def test_the_graph_finds_a_circle_and_a_hidden_import(tmp_path):
    """The checks above can fail: a package with a circle and a hidden import is caught."""
    global PACKAGE
    package = tmp_path / "cleaner"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from .b import x\n")
    (package / "b.py").write_text("from . import a\nx = 1\n\ndef f():\n    from .a import y\n")
    saved, PACKAGE = PACKAGE, package
    try:
        edges, hidden = graph()
    finally:
        PACKAGE = saved
    assert cycles(edges) == [["cleaner.a", "cleaner.b"]]
    assert hidden == [("cleaner.b", "cleaner.a")]


if __name__ == "__main__":  # pragma: no cover
    pytest.main([__file__, "-q"])
