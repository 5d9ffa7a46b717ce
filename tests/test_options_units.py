"""Every threshold of `cleaner.options.Options` (an option whose default is a number) says
its unit in the comment declared with it: the unit in parentheses (``(words)``,
``(lines; share)``, ``(share 0-1, ...)``), after ``unit:`` or ``units:``, or as the
comment's first word (``Seconds ...``, ``Words (at most) ...``)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from cleaner.options import DEFAULTS

SOURCE = Path(__file__).resolve().parent.parent / "cleaner" / "options.py"
#: The units the options are counted in.
UNITS = (r"words?|lines?|non-blank lines|shares?|ratios?|cosine|points|seconds|characters|columns|gaps"
         r"|levels|paragraphs|stories|depth units|content words|list items|names|kinds|forms|0-1")
SAYS_UNIT = re.compile(rf"\((?:[^()]*[;,:]\s*)?(?:{UNITS})\b[^()]*\)|\bunits?: "
                       r"|^(?:Seconds|Words|Characters|Points|Depth units|Content words|Lines|Body words|Gaps)\b")
THRESHOLDS = [name for name, default in DEFAULTS.items()
              if isinstance(default, (int, float)) and not isinstance(default, bool)]


def comments(source: str) -> dict[str, str]:
    """Each field of `Options` (in ``source``, the module's text) -> the ``#:`` comment
    above it, joined into one line; fields declared one after another share the comment
    above the first of them."""
    found, block, fields = {}, [], False
    for line in re.split(r"^class Options\b", source, maxsplit=1, flags=re.M)[1].splitlines():
        line = line.strip()
        if line.startswith("#:"):
            block, fields = ([] if fields else block), False
            block.append(line[2:].strip())
        elif (m := re.match(r"(\w+): [^=]+ = ", line)):
            found[m.group(1)], fields = " ".join(block), True
        elif line.startswith("def "):
            break
    return found


def test_a_comment_without_a_unit_is_found():
    source = ("class Options:\n    #: Words at most (words).\n    a: int = 1\n    b: int = 2\n"
              "    #: At most this many.\n    c: int = 3\n")
    found = comments(source)
    assert found == {"a": "Words at most (words).", "b": "Words at most (words).", "c": "At most this many."}
    assert SAYS_UNIT.search(found["a"]) and not SAYS_UNIT.search(found["c"])


@pytest.mark.parametrize("name", THRESHOLDS)
def test_every_threshold_says_its_unit(name):
    comment = comments(SOURCE.read_text(encoding="utf-8")).get(name, "")
    assert SAYS_UNIT.search(comment), f"Options.{name}: its comment names no unit: {comment!r}"


def declared(source: str) -> list[str]:
    """The names of the fields of `Options` in ``source``, in order, each as often as it is
    declared (a class body declared twice keeps the later default, silently)."""
    tree = ast.parse(source)
    body = next(node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "Options").body
    return [node.target.id for node in body if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)]


def test_a_field_declared_twice_is_found():
    source = "class Options:\n    a: int = 1\n    b: int = 2\n    a: int = 3\n"
    names = declared(source)
    assert [n for n in set(names) if names.count(n) > 1] == ["a"]


def test_no_option_is_declared_twice():
    names = declared(SOURCE.read_text(encoding="utf-8"))
    assert len(names) == len(DEFAULTS)
    assert sorted(n for n in set(names) if names.count(n) > 1) == []
