"""The data types that flow through the pipeline, all frozen.

The per-line types (`Line`, `Features`, `Decision`, `Verdict`) are named tuples: as
immutable as frozen dataclasses and several times cheaper to build, which matters at
hundreds of lines per page.  `Article` and `Analysis` are frozen dataclasses.

A document is cut into `Line`s (with exact offsets into the source), each line gets
`Features`, a context-free `Decision` (stage 1, ``classify``) and a final `Decision` after its
neighbours are taken into account (stage 2, ``smooth``).  Both are kept in a `Verdict`.
Stories are `Article`s; everything is gathered in one `Analysis`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from .report import render_html

if TYPE_CHECKING:  # pragma: no cover
    from .options import Options

#: Categories a dropped line can carry.  Pattern rules use the first block; feature and
#: context rules use the second.
DROP_CATEGORIES = frozenset(
    {
        "share", "meta", "caption", "duplicate", "appeal", "bio", "related", "nav", "ui",
        "legal", "ad", "comments",
        "boilerplate", "blank", "story",
    }
)
#: Categories a kept line can carry.
KEEP_CATEGORIES = frozenset({"body", "heading", "title"})


class Line(NamedTuple):
    """One line of the source.

    ``source[start:end] == raw`` always holds; ``text`` is ``raw`` after whitespace
    normalisation (see `cleaner.segment.normalize`).
    """

    index: int
    start: int
    end: int
    raw: str
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


class Features(NamedTuple):
    """Numbers measured on one line, context-free (see `cleaner.features`)."""

    chars: int
    words: int
    stopword_density: float
    terminal: bool  # ends like a sentence: . ! ? … or a closing quote after one
    cut: bool  # ends mid-sentence with an ellipsis or mid-word
    capitalised: float  # share of words starting with an upper-case letter
    digit_ratio: float  # digits / non-space characters
    urls: int  # URLs, e-mail addresses, @handles and #hashtags
    link_like: bool  # short, no sentence punctuation: looks like a link or a label
    title_similarity: float  # word-overlap similarity to the document's title guess


class Decision(NamedTuple):
    """What a stage decided about a line and why.

    ``rule`` is a key of the rule registry (``cleaner.registry``), e.g. ``en.share.follow``
    or ``context.sandwiched``; ``reason`` carries the numbers behind it.
    """

    keep: bool
    rule: str
    category: str
    reason: str
    stage: str  # "classify" or "context"


class Verdict(NamedTuple):
    """A line with both decisions and the story it belongs to (None for blank lines
    and lines outside every story)."""

    line: Line
    features: Features
    initial: Decision
    final: Decision
    story: int | None = None

    @property
    def keep(self) -> bool:
        return self.final.keep

    def label(self, teaser_stories: frozenset[int] = frozenset()) -> str:
        """This verdict in the corpus label syntax (``body:0``, ``drop:share``, ``-``)."""
        if not self.line.text:  # blank
            return "-"
        if not self.final.keep:
            return f"drop:{self.final.category}"
        story = 0 if self.story is None else self.story
        if story in teaser_stories:
            return f"teaser:{story}"
        role = {"heading": "head", "title": "title"}.get(self.final.category, "body")
        return f"{role}:{story}"


@dataclass(frozen=True, slots=True)
class Article:
    """One story of a dump.  ``source[span[0]:span[1]]`` covers its lines exactly."""

    index: int
    title: str | None
    text: str
    span: tuple[int, int]
    kind: str  # "full" or "teaser"


@dataclass(frozen=True)
class Analysis:
    """Everything the pipeline found in one document.

    ``source`` is the text the lines index into: the input itself, or for HTML input the
    text extracted from it (``from_html`` is then true).
    """

    source: str
    verdicts: tuple[Verdict, ...]
    articles: tuple[Article, ...]
    options: "Options"
    language: str | None = None
    main: int | None = 0
    from_html: bool = False
    _teasers: frozenset[int] = field(default=frozenset(), repr=False)

    @property
    def text(self) -> str:
        """The main story's kept lines (what `clean` returns)."""
        if self.main is None:
            return ""
        return join_lines(self.verdicts, self.main)

    def kept(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.final.keep and not v.line.blank]

    def dropped(self) -> list[Verdict]:
        """Non-blank lines that are not in the main story's text."""
        return [
            v for v in self.verdicts
            if not v.line.blank and not (v.final.keep and v.story == self.main)
        ]

    def labels(self) -> list[str]:
        """One label per line, in the corpus's label syntax.  A story's title line is
        ``title:N`` even when `clean` leaves it out (see ``Options.keep_title``)."""
        labels = [v.label(self._teasers) for v in self.verdicts]
        titles = {a.span[0]: a.title for a in self.articles if a.title is not None}
        for i, v in enumerate(self.verdicts):
            if v.story is not None and not v.final.keep and titles.get(v.line.start) == v.line.text:
                labels[i] = f"title:{v.story}"
        return labels

    def to_html(self, name: str = "document") -> str:
        """One self-contained HTML page picturing every decision (`cleaner.report`)."""
        return render_html(self, name)

    def explain(self) -> str:
        """A per-line table: label, rule, reason, text (tab-separated)."""
        rows = []
        for v, label in zip(self.verdicts, self.labels()):
            if v.line.blank:
                rows.append("-\t\t\t")
                continue
            rows.append(f"{label}\t{v.final.rule}\t{v.final.reason}\t{v.line.text}")
        return "\n".join(rows)


def join_lines(verdicts, story: int) -> str:
    """Join the kept lines of one story; a blank line in the source between two of them
    becomes one blank line in the output, so paragraphs survive and nothing is added."""
    out: list[str] = []
    gap = False
    for line, _, _, final, line_story in verdicts:
        if not line.text:  # blank
            gap = True
            continue
        if not final.keep or line_story != story:
            continue
        if out and gap:
            out.append("")
        out.append(line.text)
        gap = False
    return "\n".join(out)
