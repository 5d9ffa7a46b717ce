"""The data types that flow through the pipeline, all frozen.

The per-line types (`Line`, `Features`, `Decision`, `Verdict`) are named tuples: as
immutable as frozen dataclasses and several times cheaper to build, which matters at
hundreds of lines per page.  `Article` and `Analysis` are frozen dataclasses.

A document is cut into `Line`s (with exact offsets into the source), each line gets
`Features` and a `Decision` from every stage that decides something about it: a
`Verdict` keeps them as a trail, first stage first, nothing overwritten, and says whether
the line is in `clean`'s output and, if not, why.  Stories are `Article`s; everything is
gathered in one `Analysis`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from .report import render_html

if TYPE_CHECKING:  # pragma: no cover
    from .options import Options

#: Categories of boilerplate the catalogue's pattern rules name (one a catalogue file,
#: `cleaner.catalogue`); a labelled line dropped as boilerplate carries one of them or
#: ``boilerplate`` (`cleaner.labels`).
PATTERN_CATEGORIES = frozenset(
    {"share", "meta", "caption", "duplicate", "appeal", "bio", "related", "nav", "ui",
     "legal", "ad", "comments"}
)
#: Categories a dropped line can carry: a pattern rule's, or a feature, context or story
#: rule's.
DROP_CATEGORIES = PATTERN_CATEGORIES | {"boilerplate", "blank", "story"}
#: Categories a kept line can carry.
KEEP_CATEGORIES = frozenset({"body", "heading", "title"})

#: The stages that add a layer to a line's trail, in pipeline order:
#: ``classify`` (the line on its own, `cleaner.classify`), ``extractor`` (the extractor's
#: choice and the page's evidence, `cleaner.extracted.revise`), ``context`` (neighbours,
#: `cleaner.smooth`), ``block`` (the related links, then the main text region:
#: `cleaner.blocks.block_stage`), ``stories`` (`cleaner.stories`; in a page's dump, then
#: the main story's gaps, `cleaner.blocks.inside_main`), ``extracted`` (text an extractor
#: wrote: what only weak or context rules dropped is kept, `cleaner.guarantees.restore` and
#: ``guarantee``; for a page, the ``safety_net``) and ``title`` (a story's title line,
#: `cleaner.pipeline`).
STAGES = ("classify", "extractor", "context", "block", "stories", "extracted", "title")
#: `Verdict.why` of a line that is kept but belongs to a story other than the main one.
OTHER_STORY = "story"


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

    words: int
    stopword_density: float
    terminal: bool  # ends like a sentence: . ! ? … or a closing quote after one
    cut: bool  # ends mid-sentence with an ellipsis or mid-word
    capitalised: float  # share of words starting with an upper-case letter
    digit_ratio: float  # digits / non-space characters
    urls: int  # URLs, e-mail addresses, @handles and #hashtags


class Decision(NamedTuple):
    """What a stage decided about a line and why.

    ``rule`` is a key of the rule registry (``cleaner.registry``), e.g. ``en.share.follow``
    or ``context.sandwiched``; ``reason`` carries the numbers behind it.
    """

    keep: bool
    rule: str
    category: str
    reason: str
    stage: str  # one of `STAGES`


class Verdict(NamedTuple):
    """A line, its decisions and where it ends up.

    ``trail`` holds one `Decision` per stage that decided something new about the line,
    in pipeline order (`STAGES`); its first layer is the context-free one, its last the
    one that stands.  ``story`` is the story the line belongs to (None for blank lines and
    lines outside every story).  ``output`` says whether the line is in `clean`'s output
    (`Analysis.text`); ``why`` is the one reason it is not ("" when it is): the category
    of its last decision, or `OTHER_STORY` for a kept line of another story.
    """

    line: Line
    features: Features
    trail: tuple[Decision, ...]
    story: int | None = None
    output: bool = False
    why: str = ""

    @property
    def initial(self) -> Decision:
        """The first decision: the line judged on its own."""
        return self.trail[0]

    @property
    def final(self) -> Decision:
        """The last decision: the one that stands."""
        return self.trail[-1]

    @property
    def keep(self) -> bool:
        return self.trail[-1].keep

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
    verdicts: Sequence[Verdict]  # `cleaner.storage.Verdicts`: each built when read
    articles: tuple[Article, ...]
    options: "Options"
    language: str | None = None
    main: int | None = 0
    from_html: bool = False
    _teasers: frozenset[int] = field(default=frozenset(), repr=False)

    @property
    def text(self) -> str:
        """The lines in the output: the main story's kept lines (what `clean` returns)."""
        if self.main is None:
            return ""
        join = getattr(self.verdicts, "join", None)  # `cleaner.storage.Verdicts` reads columns
        return join(self.main) if join is not None else join_lines(self.verdicts, self.main)

    def kept(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.final.keep and not v.line.blank]

    def dropped(self) -> list[Verdict]:
        """Non-blank lines that are not in the output (`Verdict.why` says why)."""
        return [v for v in self.verdicts if not v.output and not v.line.blank]

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

    def explain(self, trail: bool = False) -> str:
        """A per-line table: label, rule, reason, text (tab-separated); with ``trail``, a
        column before the text with every layer of the line's trail (`trail_text`).

        >>> from cleaner import analyze
        >>> text = ("The council approved the budget for the village school on Monday.\\n"
        ...         "Rural services\\n"
        ...         "The school will open a new library in the spring, the head teacher said.")
        >>> print(analyze(text, extracted="never").explain(trail=True).splitlines()[1])
        head:0	context.heading	heading between body lines	classify:feature.heading > context:context.heading	Rural services
        """
        rows = []
        for v, label in zip(self.verdicts, self.labels()):
            if v.line.blank:
                rows.append("-\t\t\t\t" if trail else "-\t\t\t")
                continue
            layers = f"{trail_text(v)}\t" if trail else ""
            rows.append(f"{label}\t{v.final.rule}\t{v.final.reason}\t{layers}{v.line.text}")
        return "\n".join(rows)


def trail_text(v: Verdict) -> str:
    """A verdict's trail on one line: ``stage:rule`` per layer, joined by `` > ``."""
    return " > ".join(f"{d.stage}:{d.rule}" for d in v.trail)


def join_lines(verdicts, story: int) -> str:
    """Join the kept lines of one story; a blank line in the source between two of them
    becomes one blank line in the output, so paragraphs survive and nothing is added."""
    out: list[str] = []
    gap = False
    for line, _, trail, line_story, *_ in verdicts:
        if not line.text:  # blank
            gap = True
            continue
        if not trail[-1].keep or line_story != story:
            continue
        if out and gap:
            out.append("")
        out.append(line.text)
        gap = False
    return "\n".join(out)
