"""Load a hand-labelled document: a raw text dump and its ``.labels.tsv`` beside it.

The labels file has one row per line of the raw text, ``LABEL<TAB>line``, where ``line`` is
the raw line exactly as it stands in the dump (trailing spaces included) and the lines are
cut the way `cleaner.segment.segment` cuts them, so row ``i`` describes ``Line.index == i``.
Labels (see ``corpus/README.md``):

- ``title:N`` ``body:N`` ``head:N`` ``opt:N`` ``teaser:N`` — a line of story ``N``
  (``0`` is the main story): its title, body text, a subheading, an optional line
  (standfirst or summary, not scored), a truncated related story;
- ``drop:CATEGORY`` — boilerplate of one of `DROP_LABEL_CATEGORIES`;
- ``-`` — a blank line.

A labels file that does not match its raw text line for line raises `LabelError` naming the
file and the line.

>>> doc = parse_labels("Follow us\\n\\nThe minister arrived.", "drop:share\\tFollow us\\n-\\t\\nbody:0\\tThe minister arrived.")
>>> [(l.kind, l.story, l.category) for l in doc.lines]
[('drop', None, 'share'), ('blank', None, None), ('body', 0, None)]
>>> parse_labels("One line", "body:0\\tAnother line", name="x")
Traceback (most recent call last):
...
cleaner.labels.LabelError: x.labels.tsv line 1: text differs from the raw line: 'Another line' != 'One line'
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .segment import segment
from .types import PATTERN_CATEGORIES

#: Story labels: ``KIND:N``.
STORY_KINDS = frozenset({"title", "body", "head", "opt", "teaser"})
#: Categories a ``drop:`` label may carry.
DROP_LABEL_CATEGORIES = PATTERN_CATEGORIES | {"boilerplate"}


class LabelError(ValueError):
    """A labels file that is malformed or does not match its raw text."""


@dataclass(frozen=True, slots=True)
class LabelledLine:
    """One labelled line.

    ``kind`` is one of `STORY_KINDS`, ``"drop"`` or ``"blank"``; ``story`` is set for story
    kinds, ``category`` for ``drop``; ``text`` is the raw line.
    """

    index: int
    kind: str
    story: int | None
    category: str | None
    text: str

    @property
    def label(self) -> str:
        """The label as written in the file."""
        if self.kind == "blank":
            return "-"
        if self.kind == "drop":
            return f"drop:{self.category}"
        return f"{self.kind}:{self.story}"


@dataclass(frozen=True, slots=True)
class LabelledDocument:
    """A raw text dump and one `LabelledLine` per line of it."""

    name: str
    text: str
    lines: tuple[LabelledLine, ...]


def parse_label(label: str) -> tuple[str, int | None, str | None]:
    """``(kind, story, category)`` of one label, or `ValueError` with what is wrong.

    >>> parse_label("teaser:3")
    ('teaser', 3, None)
    >>> parse_label("drop:nav")
    ('drop', None, 'nav')
    """
    if label == "-":
        return "blank", None, None
    head, sep, tail = label.partition(":")
    if not sep:
        raise ValueError(f"label {label!r} has no ':' (expected e.g. body:0, drop:share or -)")
    if head == "drop":
        if tail not in DROP_LABEL_CATEGORIES:
            raise ValueError(
                f"unknown drop category {tail!r}; known: {', '.join(sorted(DROP_LABEL_CATEGORIES))}"
            )
        return "drop", None, tail
    if head not in STORY_KINDS:
        raise ValueError(
            f"unknown label kind {head!r}; known: {', '.join(sorted(STORY_KINDS))}, drop, -"
        )
    if not tail.isdigit() or not tail.isascii():
        raise ValueError(f"story number in {label!r} must be a non-negative integer")
    return head, int(tail), None


def parse_labels(text: str, labels: str, name: str = "document") -> LabelledDocument:
    """Check ``labels`` (the ``.labels.tsv`` content) against ``text`` and parse it.

    ``name`` is used in error messages (``NAME.labels.tsv line N: ...``, lines counted
    from 1).
    """
    where = f"{name}.labels.tsv"
    raw_lines = [line.raw for line in segment(text)]
    rows = labels.split("\n")
    if rows and rows[-1] in ("", "\r"):
        rows.pop()  # a final newline ends the last row; it is not an extra row
    rows = [row[:-1] if row.endswith("\r") else row for row in rows]
    if len(rows) != len(raw_lines):
        raise LabelError(
            f"{where}: {len(rows)} rows but the raw text has {len(raw_lines)} lines"
        )
    out = []
    for i, (row, raw) in enumerate(zip(rows, raw_lines)):
        label, tab, line_text = row.partition("\t")
        if not tab:
            raise LabelError(f"{where} line {i + 1}: no tab between label and text: {row[:60]!r}")
        try:
            kind, story, category = parse_label(label)
        except ValueError as err:
            raise LabelError(f"{where} line {i + 1}: {err}") from None
        if line_text != raw:
            raise LabelError(
                f"{where} line {i + 1}: text differs from the raw line: "
                f"{line_text[:60]!r} != {raw[:60]!r}"
            )
        if kind == "blank" and raw.strip():
            raise LabelError(f"{where} line {i + 1}: '-' labels a line that is not blank")
        if kind != "blank" and not raw.strip():
            raise LabelError(f"{where} line {i + 1}: blank line labelled {label!r} (use '-')")
        out.append(LabelledLine(i, kind, story, category, raw))
    return LabelledDocument(name, text, tuple(out))


def load_labelled(path: str | Path) -> LabelledDocument:
    """Load ``NAME.txt`` and ``NAME.labels.tsv`` (pass either path, or ``NAME``)."""
    path = Path(path)
    base = path.name
    for suffix in (".labels.tsv", ".txt"):
        if base.endswith(suffix):
            base = base[: -len(suffix)]
            break
    text_path = path.with_name(base + ".txt")
    labels_path = path.with_name(base + ".labels.tsv")
    for p in (text_path, labels_path):
        if not p.is_file():
            raise LabelError(f"{p}: no such file")
    # newline="" keeps "\r\n" and lone "\r" as they are, so lines are cut as `segment` cuts them.
    with open(text_path, encoding="utf-8", newline="") as f:
        text = f.read()
    with open(labels_path, encoding="utf-8", newline="") as f:
        labels = f.read()
    return parse_labels(text, labels, name=str(path.with_name(base)))


def load_corpus(directory: str | Path) -> list[LabelledDocument]:
    """Every labelled document (``*.labels.tsv`` with its ``.txt``) in ``directory``, by name."""
    directory = Path(directory)
    return [load_labelled(p) for p in sorted(directory.glob("*.labels.tsv"))]
