"""The package's shape: line counts of its modules and its longest functions.

    python3 benchmarks/shape.py              # modules over 500 lines, functions over 60
    python3 benchmarks/shape.py --all        # every module, the 20 longest functions

Read from the source with `ast`; a function's length runs from its ``def`` to its last
line, docstring included.
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "cleaner"
MODULE_LINES = 500
FUNCTION_LINES = 60


def modules(package: Path = PACKAGE) -> list[tuple[int, str]]:
    """``(lines, path)`` of every module, longest first."""
    rows = [(len(p.read_text(encoding="utf-8").splitlines()), p.relative_to(package.parent).as_posix())
            for p in package.rglob("*.py")]
    return sorted(rows, reverse=True)


def functions(package: Path = PACKAGE) -> list[tuple[int, str]]:
    """``(lines, "path:line name")`` of every function and method, longest first."""
    rows = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                where = f"{path.relative_to(package.parent).as_posix()}:{node.lineno} {node.name}"
                rows.append((node.end_lineno - node.lineno + 1, where))
    return sorted(rows, reverse=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", help="every module, the 20 longest functions")
    args = parser.parse_args(argv)
    mods = modules()
    funcs = functions()
    print(f"modules ({len(mods)}, {sum(n for n, _ in mods)} lines):")
    for n, name in mods if args.all else [m for m in mods if m[0] > MODULE_LINES]:
        print(f"  {n:5d}  {name}")
    print("functions:")
    for n, name in funcs[:20] if args.all else [f for f in funcs if f[0] > FUNCTION_LINES]:
        print(f"  {n:5d}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
