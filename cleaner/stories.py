"""Story boundaries: where one story of a dump ends and the next begins.

Dumps often hold more than one story: the page's article followed by the next article of
an infinite-scroll page, or by a row of related-story teasers cut mid-sentence.  This
module cuts the kept lines into stories and says which one is the main story.

It sees every kept line after stage 2, also those that `cleaner.blocks` dropped as lying
outside the main text block, because a later story is often separated from the first by
more boilerplate than one story holds inside it.  A run of such lines becomes a story
again only when it opens like one (below) and holds real body; the rest stay dropped.

**Full stories.**  Every gap between two kept lines is scored (`boundary_score`); a story
starts at a gap scoring `BOUNDARY_SCORE` once the current story holds `STORY_MIN_WORDS`
of body.  The evidence, summed:

- how the text after the gap opens: a title-like line followed within a few lines by a
  meta line (a date, "Updated ...", "By ..."), weighing most, and more when the gap is
  the story's whole head (the title right after the text before, its meta line right
  below, the text right below that); a headline repeated a few lines later (page title,
  then the same headline above the body); a dateline ("OSLO:", "PARIS (Reuters) -",
  "AUSTIN, Texas (AP) —");
- the gap itself: its dropped lines, more for those a catalogue pattern recognised (share
  rows, menus, tags, bylines) than for short lines the features dropped, and a
  title-like headline in it;
- the vocabulary: the cosine of content words before and after the gap (as in TextTiling)
  adds when it is low and takes away when it is high, so a subheading, a question of an
  interview or a table header between paragraphs on one subject is no boundary.

One signal alone (but a title with a meta line) does not reach the threshold.  A gap
that passes gives way to a later one within `LOOKAHEAD_WORDS` that has a title and scores
about as well (a caption kept above the next story's title); the kept lines between go
to neither story.  A gap that is a story's whole head neither gives way nor needs
`STORY_MIN_WORDS` before it: `SHORT_STORY_WORDS` do (a short story of two paragraphs),
and the story after it stands on its own with as few words when it has two paragraphs.

**Teasers.**  A long line that ends mid-sentence (no closing punctuation, or an ellipsis)
after the story has ended, read as a sentence (not a list item, table row, hard-wrapped
line or run of capitalised buttons): a teaser of another story, each its own story, when
another follows, when it is the last line, under its own title or opened by a kicker
("BREAKING:", "FAST FACTS: ...").  A row of teasers followed inside the main region by
`RESUMED_WORDS` of body that does not open a story was no row of teasers (a gallery of
captions, paragraphs ending in an ellipsis) and goes back to its story.

**Titles.**  A story's title is the headline nearest its body that a meta line follows
(a longer headline up to three lines above it wins: a title above a kicker or a photo
credit), else the first of a repeated headline, else the nearest title-like headline just
above the body.  Distances skip lines the catalogue dropped (a share row between title and
text).  Names of two words, interview turns, numbered items and lines repeated all over
the page are no titles.  A teaser's title is a headline of four words or more right
above it.

**The main story** is the first full story with enough body to be an article
(`MAIN_MIN_WORDS`); when no story is that long, the longest one.  When that story lies
before the main text block of `cleaner.blocks`, it is preferred only when it opens like a
story and is at least `EARLY_MAIN_SHARE` of the main block's story; a short preamble
(under `PREAMBLE_WORDS`) that does not open like a story gives way to one of the next
stories that does and is `PREAMBLE_RATIO` times longer (a newsletter notice or an author's
blurb above the article).  A story reaching into the main block keeps the runs of kept
lines beside the block that continue its vocabulary (the block can end at a box of
related links set into the article).
"""

from __future__ import annotations

import functools
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import chain
from operator import mul
from typing import NamedTuple

import regex

from .blocks import barrier_kind
from .classify import is_heading_like
from .rules import CodeRule
from .segment import BULLET_DASHES, BULLET_SYMBOLS
from .types import Decision, Features, Line

#: The rules of this stage (it also fires ``context.isolated``, declared in
#: `cleaner.smooth`).  ``story.other`` is the reason of a kept line of a story other than
#: the main one (`cleaner.types.OTHER_STORY`): no decision names it, the output does.
RULES = (
    CodeRule("story.other", "story", "kept, but belongs to a story other than the main one"),
)

#: Content lines after a title-like line in which a meta line or repeated headline counts.
_META_REACH = 4
_REPEAT_REACH = 6
#: Lines above the body (not counting those the catalogue dropped) in which a title with a
#: meta line is looked for; lines above such a title where a longer headline may sit.
_TITLE_REACH = 8
_LONGER_REACH = 3
#: Content words (and at most lines) on each side of a gap compared for cohesion.
_WINDOW_WORDS = 120
_WINDOW_LINES = 40
#: Lines above a story's first kept line searched for its title.
_ABOVE_LINES = 12
#: Evidence that a story starts in a gap between kept lines, summed into a score (see
#: `boundary_score`); a boundary needs `BOUNDARY_SCORE`.  The opening of the next story
#: (title with a meta line, repeated headline, dateline) weighs most; dropped lines in the
#: gap, boilerplate the catalogue recognises there (share rows, menus, tags), a headline
#: and a change of vocabulary (cosine of content words, as in TextTiling) add to it;
#: shared vocabulary takes from it.
OPENING_WEIGHT = {"headed": 4.5, "meta": 3.0, "repeat": 2.0, "dateline": 1.5}
DROPPED_WEIGHT, DROPPED_MAX = 0.2, 2.0
FURNITURE_WEIGHT, FURNITURE_MAX = 0.4, 2.0
HEADLINE_WEIGHT = 0.5
#: (cosine below, weight) from the lowest; (cosine above, weight) from the highest.
COHESION_LOW = ((0.03, 1.5), (0.06, 1.0), (0.10, 0.5))
COHESION_HIGH = ((0.35, -2.5), (0.20, -1.5), (0.12, -0.5))
BOUNDARY_SCORE = 3.0
_NEUTRAL = 0.15  # a cosine that neither adds nor takes
#: A boundary moves to a later gap with a title within this many body words when that
#: gap scores at most `LOOKAHEAD_SLACK` less (a caption or standfirst kept above the next
#: story's title).
LOOKAHEAD_WORDS = 40
LOOKAHEAD_SLACK = 0.5
_LOOKAHEAD_LINES = 8  # and at most this many kept lines (linear time on any input)
#: Body words a story holds before another full story can start; before one that opens
#: with a title and a meta line, `SHORT_STORY_WORDS` do (a short story of two paragraphs).
STORY_MIN_WORDS = 60
SHORT_STORY_WORDS = 15
#: Content words needed after a gap for a cohesion judgement.
_MIN_AFTER_WORDS = 25
#: A teaser line has at least this many words; a teaser's own title line at least
#: `_TEASER_TITLE_WORDS` ("More stories" above a row of teasers is no title).
TEASER_MIN_WORDS = 15
#: A teaser is a sentence: fewer than this share of its words capitalised (a row of
#: share buttons run together is not one).
TEASER_CAPITALISED = 0.6
_TEASER_TITLE_WORDS = 4
#: Body words after a row of teasers, inside the main region, that make the row part of
#: the story before it.
RESUMED_WORDS = 60
#: A single cut line (the last line, or one under its own title) is a teaser only when its
#: cosine with the body before is below this.
TEASER_COHESION = 0.25
#: Words a story needs to be a candidate for the main story / to be kept as a story
#: outside the main block.
MAIN_MIN_WORDS = 60
OUTSIDE_MIN_WORDS = 40
EARLY_MAIN_SHARE = 0.25
#: A main-story candidate shorter than this that does not open like a story is a
#: preamble when one of the next `PREAMBLE_REACH` stories opens like one and is
#: `PREAMBLE_RATIO` times longer.
PREAMBLE_WORDS = 150
PREAMBLE_REACH = 2
PREAMBLE_RATIO = 2.0

_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    "june|july|august|september|october|november|december"
)
# A date or time: "Nov 19, 2019", "19 November 2019", "2019-11-19", "19.11.2019",
# "10:31 pm", "3 hours ago".
_DATE = regex.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}\b|\d{{1,2}}\.?\s+(?:{_MONTHS})\b|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?\b)?|"
    r"\d+\s+(?:min|mins|minutes|hours?|days?)\s+ago)",
    regex.IGNORECASE,
)
_UPDATED = regex.compile(r"^(?:updated|published|posted|last\s+updated)\b", regex.IGNORECASE)
_BYLINE = regex.compile(r"^(?:by|von|par|por|di|door|af|av)\s+\p{Lu}", regex.IGNORECASE)
# A dateline or kicker: an upper-case place or phrase, optionally ", N.Y." and "(Agency)",
# then a colon or dash, then text.  "OSLO: ...", "WASHINGTON (Reuters) - ...",
# "AUSTIN, Texas (AP) — ...", "‘FAST FACTS’: ...".
_DATELINE = regex.compile(
    r"^[\p{Pi}\p{Ps}'‘“\"]?\p{Lu}[\p{Lu}\p{M}\s.'’&-]{2,40}[\p{Pf}\p{Pe}'’”\"]?"
    r"(?:,\s*[\p{L}.\s]{2,20})?\s*(?:\([^()]{1,30}\))?\s*(?::|—|–|-{1,2})\s+\S",
)
_CONTENT = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*")
_DASHED = regex.compile(r"^[—–-]")  # "— Name (@handle) November 4, 2019": a quoted post
_LETTER = regex.compile(r"\p{L}")
_BULLETED = regex.compile(rf"^\s*(?:[{BULLET_SYMBOLS}+]|[{BULLET_DASHES}]\s|\|)")
# "Q: ...", "A: ...", "1. ...", "2) ...": interview turns and numbered items.
_CAPITAL = regex.compile(r"^[\p{Pi}'\"‘“]?[\p{Lu}\p{Lt}\d]")
_NOT_TITLE = regex.compile(r"^\s*(?:\p{L}{1,2}\s*:|\d{1,3}\s*[.)]\s)")


@dataclass
class Stories:
    story_of: list[int | None]  # per line: the story of each kept line (and title line)
    kinds: list[str]  # per story: "full" or "teaser"
    titles: list[int | None]  # per story: index of the title line
    final: list[Decision]  # decisions after stories were found
    main: int | None  # index of the main story


def _dateline(text: str) -> bool:
    m = _DATELINE.match(text)
    if not m:
        return False
    head = text[: m.end()]
    caps = [w for w in regex.findall(r"\p{L}+", head) if len(w) >= 2]
    return bool(caps) and sum(w.isupper() for w in caps) >= max(1, len(caps) - 2) and caps[0].isupper()


def _meta(text: str, f: Features, decision: Decision) -> bool:
    """A date, time, byline or "Updated ..." line."""
    if decision.category == "meta":
        return True
    if _BYLINE.match(text) and f.words <= 12:
        return True
    if f.terminal and f.words > 8 or _DASHED.match(text) or f.words > 20:
        return False
    if f.words > 14:  # "Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 ..."
        return len(_DATE.findall(text)) >= 2
    return bool(_DATE.search(text) or (_UPDATED.match(text) and f.words <= 12))


def boundary_score(opening: str | None, dropped: int, furniture: int, headline: bool,
                   cohesion: float) -> float:
    """The evidence that a story starts in a gap, summed (weights above).

    >>> boundary_score("meta", 3, 2, True, 0.02) >= BOUNDARY_SCORE  # title, byline, share row
    True
    >>> boundary_score(None, 2, 0, True, 0.3) >= BOUNDARY_SCORE  # a subheading, same topic
    False
    """
    score = OPENING_WEIGHT.get(opening or "", 0.0)
    score += min(dropped * DROPPED_WEIGHT, DROPPED_MAX) + min(furniture * FURNITURE_WEIGHT, FURNITURE_MAX)
    score += HEADLINE_WEIGHT if headline else 0.0
    low = next((w for bound, w in COHESION_LOW if cohesion < bound), 0.0)
    high = next((w for bound, w in COHESION_HIGH if cohesion > bound), 0.0)
    return score + low + high


def _content_words(text: str, stops: frozenset[str]) -> list[str]:
    # w[:6], a crude stem: "elections", "electoral" -> "electi"/"electo"
    return [w[:6] for w in _CONTENT.findall(text.lower()) if len(w) >= 3 and w not in stops]


def _cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 1.0  # nothing to compare: no evidence of a change
    # Integer sums (exact in any order), taken with `map` so that they run in C: the dot
    # product over the shared words, the squared norms over each side's counts.
    shared = a.keys() & b.keys()
    dot = sum(map(mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))
    return dot / (math.sqrt(sum(map(mul, a.values(), a.values())))
                  * math.sqrt(sum(map(mul, b.values(), b.values()))))


def _per_line(method):
    """Remember a `_Reader` question's answer for each line: the story finder asks about
    the same lines for many gaps, and the answers cannot change (the decisions a reader
    reads are fixed)."""
    @functools.wraps(method)
    def remembered(self, i: int):
        memo = self._memo[method]
        got = memo.get(i)
        if got is None:
            got = memo[i] = method(self, i)
        return got

    return remembered


class _Reader:
    """The evidence the story finder looks at, for one document."""

    def __init__(self, lines, feats, decisions, stops):
        self.lines, self.feats, self.d = lines, feats, decisions
        self._memo: defaultdict = defaultdict(dict)  # see `_per_line`
        self.content = [i for i, line in enumerate(lines) if line.text]
        self.pos = dict(zip(self.content, range(len(self.content))))
        #: The content words of each kept line, in order (see `window`).
        self.words = {i: _content_words(lines[i].text, stops)
                      for i in self.content if decisions[i].keep}
        #: The case-folded text of each non-blank line, and how often each occurs.
        self.folded = {i: lines[i].text.casefold() for i in self.content}
        self.count = Counter(self.folded.values())
        self._windows: dict[tuple, Counter] = {}  # see `window`
        self._windows_of: list[int] | None = None

    @_per_line
    def body(self, i: int) -> bool:
        return self.d[i].keep and self.d[i].category == "body" and not self.headline(i)

    def wrapped(self, i: int) -> bool:
        """Does the next line, right below without a blank line, go on with the same
        sentence (it starts in lower case), so that line ``i`` was broken by a hard wrap,
        not cut?"""
        k = self.pos[i] + 1
        if k >= len(self.content) or self.content[k] != i + 1:
            return False
        head = self.lines[self.content[k]].text[:1]
        return head.islower()

    @_per_line
    def meta(self, i: int) -> bool:
        return _meta(self.lines[i].text, self.feats[i], self.d[i])

    @_per_line
    def headline(self, i: int) -> bool:
        """Short, unpunctuated, not a list item, not a date or byline, not a line a
        catalogue pattern dropped (share, nav ...)."""
        f, d = self.feats[i], self.d[i]
        if not is_heading_like(f) or f.words < 2 or _BULLETED.match(self.lines[i].raw):
            return False
        if d.keep and d.rule == "feature.prose" or self.meta(i):
            return False
        return d.keep or d.rule.startswith(("feature.", "context."))

    def repeated(self, i: int) -> bool:
        """Repeated a few lines later, and not a line the page repeats all over (a table
        header, a section label)."""
        key = self.folded[i]
        if self.count[key] > 3:
            return False
        k = self.pos[i]
        return any(self.folded[j] == key
                   for j in self.content[k + 1:k + 1 + _REPEAT_REACH])

    def meta_after(self, i: int) -> bool:
        """A meta line within a few lines after ``i``, before any body."""
        k = self.pos[i]
        near = [j for j in self.content[k + 1:k + 1 + 2 * _META_REACH]
                if _LETTER.search(self.lines[j].text)][:_META_REACH]
        for j in near:
            if self.meta(j):
                return True
            if self.body(j):
                return False
        return False

    def letters_between(self, a: int, b: int) -> int:
        """Lines with letters from ``a`` (inclusive) up to ``b`` (exclusive)."""
        return sum(1 for j in self.content[self.pos[a]:self.pos[b]] if _LETTER.search(self.lines[j].text))

    def distance(self, a: int, b: int) -> int:
        """Lines with letters from ``a`` (inclusive) up to ``b`` (exclusive), not counting
        those a catalogue pattern dropped (a share row between a title and its text)."""
        return sum(1 for j in self.content[self.pos[a]:self.pos[b]]
                   if _LETTER.search(self.lines[j].text) and not self.furniture([j]))

    def titled(self, i: int) -> bool:
        """A headline that could be a story's title: four words or more, capitalised, not
        a question or answer of an interview ("Q: ...") nor a numbered item, and not a line
        the page repeats all over (a table header)."""
        text = self.lines[i].text
        return self.headline(i) and self.feats[i].words >= 4 and not _NOT_TITLE.match(text) \
            and _CAPITAL.match(text) is not None and self.count[text.casefold()] <= 3

    def furniture(self, gap: list[int]) -> int:
        """Dropped lines of the gap that a catalogue pattern recognised (share rows,
        menus, tags, appeals)."""
        return sum(1 for j in gap if not self.d[j].keep and self.d[j].rule != "blank"
                   and not self.d[j].rule.startswith(("feature.", "context.")))

    def opening(self, first: int, above: list[int]) -> tuple[int | None, str | None]:
        """The title line of a story whose first kept line is ``first`` (``above``: the
        lines before it, nearest last) and how it opens like a story: ``"repeat"`` (a
        repeated headline), ``"meta"`` (a headline followed by a meta line),
        ``"dateline"`` or ``None``."""
        options = [j for j in reversed(above[-_ABOVE_LINES:]) if self.headline(j)]
        if self.headline(first):
            options.insert(0, first)
        rep = [j for j in options if self.feats[j].words >= 4 and self.repeated(j)]
        if rep:
            return rep[-1], "repeat"
        dist = lambda j: self.distance(j, first)  # noqa: E731
        near = next((j for j in options if dist(j) <= _TITLE_REACH and self.feats[j].words >= 3
                     and self.meta_after(j)), None)
        # The gap is the story's whole head: its title (right after the text before), a
        # meta line (a date of figures alone too) and nothing else.
        headed = bool(above) and self.headed(above[0], first)
        if headed and near in (None, above[0]):
            return above[0], "headed"
        if near is not None:
            return self._longer_above(near), "meta"
        below = next((j for j in self.content[self.pos[first] + 1:self.pos[first] + 1 + _META_REACH]
                      if _LETTER.search(self.lines[j].text) or self.meta(j)), None)
        if self.exclaimed(first) and below is not None and self.meta(below):
            return first, "meta"  # a headline that reads as a sentence, its meta line right below
        opener = next((j for j in self.content[self.pos[first]:self.pos[first] + 4]
                       if self.body(j)), None)
        # Without a meta line: the nearest title-like headline just above the text, else a
        # capitalised headline right above it.
        title = next((j for j in options if dist(j) <= 3 and self.titled(j)), None)
        if title is None and options and dist(options[0]) <= 2 and self.feats[options[0]].words >= 3 \
                and self.lines[options[0]].text[:1].isupper() and not _NOT_TITLE.match(self.lines[options[0]].text):
            title = options[0]
        if opener is not None and self.feats[opener].words >= 8 and _dateline(self.lines[opener].text):
            return title, "dateline"
        return title, None

    def headed(self, title: int, first: int) -> bool:
        """Is ``title`` a title-like headline with a meta line (or two) right below it and
        the text ``first`` right below those: the whole head of a story, nothing between?"""
        if not self.titled(title):
            return False
        k = self.pos[title] + 1
        metas = 0
        while k < len(self.content) and metas < 2 and self.meta(self.content[k]) \
                and not self.d[self.content[k]].keep:
            k += 1
            metas += 1
        return metas > 0 and k < len(self.content) and self.content[k] == first

    def exclaimed(self, i: int) -> bool:
        """A short kept line ending in "?" or "!" (or a quote after one): a headline that
        reads as a sentence."""
        text = self.lines[i].text.rstrip("'\"’”»")
        return self.d[i].keep and self.feats[i].words <= 16 and text[-1:] in "?!" \
            and not _NOT_TITLE.match(self.lines[i].text)

    def _longer_above(self, j: int) -> int:
        """A headline up to `_LONGER_REACH` lines above ``j`` with more words (a title above
        a section label, byline or photo credits), not past a meta line or a line the
        catalogue dropped, and not one that holds ``j`` (a breadcrumb ending in the title)."""
        best = j
        k = self.pos[j]
        above = [x for x in self.content[max(0, k - 2 * _LONGER_REACH):k] if _LETTER.search(self.lines[x].text)]
        for x in above[::-1][:_LONGER_REACH]:
            if self.meta(x) or self.body(x) or self.furniture([x]):
                break
            if self.headline(x) and self.feats[x].words > self.feats[best].words \
                    and self.lines[j].text.casefold() not in self.lines[x].text.casefold():
                best = x
        return best

    def window(self, kept: list[int], start: int, step: int, stop: int) -> Counter:
        """Content words of kept lines from position ``start`` walking by ``step`` up to
        ``_WINDOW_WORDS`` words, not past position ``stop``.  The caller must not change
        it: gaps near each other share windows."""
        if kept is not self._windows_of:
            self._windows, self._windows_of = {}, kept
        key = (start, step, stop)
        c = self._windows.get(key)
        if c is not None:
            return c
        words = self.words
        k = start
        steps = total = 0
        while (k >= stop if step < 0 else k < stop) and total < _WINDOW_WORDS and steps < _WINDOW_LINES:
            steps += 1
            total += len(words.get(kept[k], ()))
            k += step
        # Counted in C, in one call (a window shares most lines with its neighbours, but
        # taking the lines that differ away again in Python costs more).
        c = self._windows[key] = Counter(
            chain.from_iterable([words.get(kept[p], ()) for p in range(start, k, step)]))
        return c


class _Gap(NamedTuple):
    """The evidence that a story starts at kept position ``c``, in the gap before it."""

    c: int
    title: int | None
    opening: str | None  # "meta", "repeat", "dateline" or None
    dropped: int
    furniture: int
    headline: bool
    cohesion: float
    score: float


def _gap(r: _Reader, kept: list[int], c: int, before: int | None = None) -> _Gap:
    """The evidence for a story starting at kept position ``c``; the text before it is
    read backwards from ``before`` (default ``c - 1``)."""
    i, prev = kept[c], kept[c - 1]
    gap = r.content[r.pos[prev] + 1:r.pos[i]]
    title, opening = r.opening(i, gap)
    dropped = sum(1 for j in gap if not r.d[j].keep)
    furniture = r.furniture(gap)
    headline = any(r.titled(j) for j in gap[-_ABOVE_LINES:])
    after = r.window(kept, c, 1, len(kept))
    if sum(after.values()) >= _MIN_AFTER_WORDS:
        cohesion = _cosine(r.window(kept, c - 1 if before is None else before, -1, 0), after)
    else:
        cohesion = _NEUTRAL  # too little text after the gap to judge
    score = boundary_score(opening, dropped, furniture, headline, cohesion)
    return _Gap(c, title, opening, dropped, furniture, headline, cohesion, score)


def find_stories(
    lines: list[Line], feats: list[Features], final: list[Decision],
    block: tuple[int, int] | None, split: bool = True,
    smoothed: list[Decision] | None = None, stops: frozenset[str] = frozenset(),
) -> Stories:
    """Cut the kept lines into stories.

    ``final`` are the decisions after `cleaner.blocks.main_block` (``block``: its first
    and last line); ``smoothed`` the decisions before it, so that stories outside the main
    block can be found.  Returns the stories and the revised decisions.
    """
    n = len(lines)
    final = list(final)
    story_of: list[int | None] = [None] * n
    if block is None:
        return Stories(story_of, [], [], final, None)
    if not split:
        kept = [i for i in range(n) if final[i].keep]
        for i in kept:
            story_of[i] = 0
        return Stories(story_of, ["full"], [None], final, 0)
    d = list(smoothed if smoothed is not None else final)
    r = _Reader(lines, feats, d, stops)
    kept = [i for i in r.content if d[i].keep]
    m = len(kept)
    cut = [feats[i].cut and feats[i].words >= TEASER_MIN_WORDS and d[i].category == "body"
           and feats[i].capitalised < TEASER_CAPITALISED and not _BULLETED.match(lines[i].raw)
           and not r.wrapped(i) for i in kept]

    # Segments: (first position in `kept`, title line, how it opens like a story (see
    # `_Reader.opening`; "teaser" for teasers, None when it does not), teaser).
    above0 = r.content[max(0, r.pos[kept[0]] - 10):r.pos[kept[0]]]
    title0, opening0 = r.opening(kept[0], above0)
    if title0 is None and above0 and above0[0] == r.content[0] and r.headline(above0[0]) \
            and feats[above0[0]].words >= 3:
        title0 = above0[0]  # the document's first line, a headline just above the text
    segs: list[list] = [[0, title0, opening0, False]]
    gaps: dict[int, _Gap] = {}

    def gap_at(c: int) -> _Gap:
        if c not in gaps:
            gaps[c] = _gap(r, kept, c)
        return gaps[c]

    def better_ahead(c: int) -> int | None:
        """A better-scored gap within `LOOKAHEAD_WORDS` body words after ``c`` (its
        vocabulary compared with the text before ``c``: the lines between belong to one
        story or the other).  A story whose whole head is in the gap (`_Reader.headed`)
        starts there: what follows is its text (at ``c``: no gap ahead is better; ahead:
        none after it is)."""
        opening = gap_at(c).opening
        if opening == "headed":
            return None
        words = paragraphs = 0
        best, best_score = None, gap_at(c).score
        for k in range(c, min(m - 1, c + _LOOKAHEAD_LINES)):
            if r.body(kept[k]):
                words += feats[kept[k]].words
                paragraphs += 1
            if words >= LOOKAHEAD_WORDS:
                break
            if opening == "meta" and paragraphs >= 2 and words >= SHORT_STORY_WORDS:
                break  # under a headline and its meta line: a short story, not a caption
            g = _gap(r, kept, k + 1, before=c - 1)
            if g.score >= max(BOUNDARY_SCORE, best_score - LOOKAHEAD_SLACK) and g.title is not None:
                best, best_score = k + 1, g.score
                gaps[k + 1] = g
                if g.opening == "headed":
                    break  # a story starts there: the gaps after it are in its text
        return best

    def long_enough(c: int) -> bool:
        """Does the current story hold enough body for a story to start at ``c``?"""
        if body_seen >= STORY_MIN_WORDS:
            return True
        # (a "headed" opening is one whose gap `_Reader.headed` found to be the whole head)
        return body_seen >= SHORT_STORY_WORDS and gap_at(c).opening == "headed"

    body_seen = feats[kept[0]].words if r.body(kept[0]) else 0  # in the current story
    body_total = body_seen  # in the document so far
    skip = -1
    pending = None  # a better gap found ahead: the boundary goes there
    between: set[int] = set()  # kept lines between a boundary and the better gap after it
    for c in range(1, m):
        i, prev = kept[c], kept[c - 1]
        if c == skip:  # the text of a teaser whose title line opened it
            continue
        gap = r.content[r.pos[prev] + 1:r.pos[i]]
        was_teaser = segs[-1][3]
        # Teasers: a long line cut mid-sentence after body, maybe under a title line.
        titled = c + 1 < m and r.headline(i) and feats[i].words >= _TEASER_TITLE_WORDS and cut[c + 1] \
            and r.letters_between(i, kept[c + 1]) == 1
        text_at = c + 1 if titled else c if cut[c] else None
        teaser = False
        if text_at is not None and (body_total >= 40 or was_teaser):
            t = kept[text_at]
            follows = text_at + 1 < m and (cut[text_at + 1] or (
                r.headline(kept[text_at + 1]) and text_at + 2 < m and cut[text_at + 2]))
            last = text_at + 1 == m
            before = r.window(kept, c - 1, -1, segs[-1][0])
            tcos = _cosine(before, Counter(r.words.get(t, ())))
            teaser = follows or was_teaser or _dateline(lines[t].text) or ((last or titled) and tcos < TEASER_COHESION)
        if teaser:
            if text_at != c:
                own_title, skip = i, c + 1
            else:
                above = [j for j in gap if _LETTER.search(lines[j].text)][-1:]
                own_title = above[0] if above and r.headline(above[0]) \
                    and feats[above[0]].words >= _TEASER_TITLE_WORDS else None
            segs.append([c, own_title, "teaser", True])
            body_seen = 0
        elif was_teaser or c == pending or (
                pending is None and long_enough(c) and gap_at(c).score >= BOUNDARY_SCORE
                and (pending := better_ahead(c)) is None):
            g = gap_at(c)
            pending = None
            segs.append([c, g.title, g.opening, False])
            body_seen = feats[i].words if r.body(i) else 0
        else:
            if pending is not None:
                between.add(i)
            elif r.body(i):
                body_seen += feats[i].words
        if r.body(i):
            body_total += feats[i].words

    segs = _undo_teaser_rows(segs, kept, final, feats, r)

    # Which segments are stories.  Teasers are; full stories need body; a segment that
    # neither opens like a story nor holds body is not one (merged into the story before
    # it inside the main block, dropped outside it).
    members_of = []
    for s, (c0, *_rest) in enumerate(segs):
        c1 = segs[s + 1][0] if s + 1 < len(segs) else m
        members_of.append(kept[c0:c1])
    stories: list[dict] = []
    for i in between:
        if final[i].keep:
            final[i] = Decision(False, "context.isolated", "boilerplate",
                                "kept line between two stories (a caption above the next title)", "stories")
    for s, (c0, title, opening, teaser) in enumerate(segs):
        members = [i for i in members_of[s] if i not in between]
        strong = opening is not None
        if not members:
            continue
        # A segment that reaches into the main region is that region's lines and the
        # runs of the segment beside it that continue its vocabulary (the region can end
        # at a related-links box inside an article), not past the comments; a segment
        # wholly outside it comes back only as a story of its own.
        inside = [i for i in members if final[i].keep]
        if inside:
            members = _continued(r, members, inside)
        words = sum(feats[i].words for i in members if r.body(i))
        after_teaser = s > 0 and segs[s - 1][3] and not teaser
        own = teaser or (strong and words >= OUTSIDE_MIN_WORDS) or (
            inside and not after_teaser and (not stories or words >= OUTSIDE_MIN_WORDS)) or (
            opening in ("headed", "meta") and words >= SHORT_STORY_WORDS
            and sum(1 for i in members if r.body(i)) >= 2)
        if own:
            stories.append({"members": list(members), "title": title, "strong": strong,
                            "kind": "teaser" if teaser else "full", "words": words,
                            "inside": bool(inside)})
        elif inside and not after_teaser:
            stories[-1]["members"] += members
            stories[-1]["words"] += words
            stories[-1]["inside"] = True
        else:
            for i in members:
                if final[i].keep:
                    final[i] = Decision(False, "context.isolated", "boilerplate",
                                        "kept line after a row of teasers", "stories")
            continue
        for i in members:
            if not final[i].keep:
                final[i] = d[i]

    kinds = [st["kind"] for st in stories]
    titles = [st["title"] for st in stories]
    for s, st in enumerate(stories):
        for i in st["members"]:
            story_of[i] = s
        if st["title"] is not None:
            story_of[st["title"]] = s

    main = _main_story(stories, final)
    return Stories(story_of, kinds, titles, final, main)


#: Content words a run of kept lines needs for a cohesion judgement, and the cosine with
#: the story at which a run outside the main region continues it.
_RUN_WORDS = 8
CONTINUE_COHESION = 0.15


def _continued(r: _Reader, members: list[int], inside: list[int]) -> list[int]:
    """The lines of a story that the main region cut: ``inside`` plus the runs of kept
    lines of the same story on either side of the region whose vocabulary continues
    the story's (cosine at least `CONTINUE_COHESION`), not past the comments header (a
    related-stories box can sit inside an article; comments always follow it).  Runs too
    short to judge go with the next run that can be judged."""
    story: Counter = Counter()
    for i in inside:
        story.update(r.words.get(i, ()))
    before = [i for i in members if i < inside[0]]
    after = [i for i in members if i > inside[-1]]

    def runs(lines: list[int]) -> list[list[int]]:
        """Runs of kept lines with no other non-blank line between them."""
        out: list[list[int]] = []
        for i in lines:
            if out and r.pos[i] - r.pos[out[-1][-1]] == 1:
                out[-1].append(i)
            else:
                out.append([i])
        return out

    def take(rs: list[list[int]], closing: bool = False) -> list[int]:
        taken: list[int] = []
        pending: list[int] = []
        last = inside[-1]
        for run in rs:
            if closing and any(barrier_kind(r.d[j]) == "hard" and not _BULLETED.match(r.lines[j].raw)
                               for j in r.content[r.pos[last] + 1:r.pos[run[0]]]):
                break  # the comments header closes the article (a "* Comments" link does not)
            last = run[-1]
            words: Counter = Counter()
            for i in pending + run:
                words.update(r.words.get(i, ()))
            if sum(words.values()) < _RUN_WORDS:
                pending += run
                continue
            if _cosine(story, words) < CONTINUE_COHESION:
                break
            taken += pending + run
            pending = []
        return taken

    ahead = take(runs(after), closing=True)
    behind = take([run[::-1] for run in runs(before)[::-1]])
    return sorted(behind) + inside + ahead


def _undo_teaser_rows(segs: list[list], kept: list[int], final: list[Decision],
                      feats: list[Features], r: _Reader) -> list[list]:
    """Teasers come after the stories: a row of them followed, inside the main region,
    by `RESUMED_WORDS` of body that does not open a story of its own was no row of
    teasers (a gallery of captions, paragraphs ending in an ellipsis) and goes back to
    the story before it."""
    out: list[list] = []
    k = 0
    while k < len(segs):
        if not segs[k][3] or not out or out[-1][3]:
            out.append(segs[k])
            k += 1
            continue
        end = k
        while end < len(segs) and segs[end][3]:
            end += 1
        if end < len(segs) and not segs[end][2]:
            stop = segs[end + 1][0] if end + 1 < len(segs) else len(kept)
            resumed = sum(feats[i].words for i in kept[segs[end][0]:stop] if final[i].keep and r.body(i))
            if resumed >= RESUMED_WORDS:
                k = end + 1  # the row and the text after it stay in the story before
                continue
        out.extend(segs[k:end])
        k = end
    return out


def _main_story(stories: list[dict], final: list[Decision]) -> int | None:
    """The first full story with enough body; one before the main block only when it
    opens like a story and is not tiny next to the main block's story; a short preamble
    that does not open like a story (a notice, an author's blurb) gives way to a story
    right after it that does and is much longer, unless the comments open in between
    (what follows them is never the page's text)."""
    if not stories:
        return None
    full = [s for s, st in enumerate(stories) if st["kind"] == "full" and st["words"] >= MAIN_MIN_WORDS]
    if not full:
        return max(range(len(stories)), key=lambda s: (stories[s]["kind"] == "full", stories[s]["words"]))
    block_story = next((s for s, st in enumerate(stories) if st["inside"]), full[0])
    first = full[0]
    if first < block_story:
        ok = stories[first]["strong"] and stories[first]["words"] >= EARLY_MAIN_SHARE * stories[block_story]["words"]
        if not ok:
            first = block_story if block_story in full else first
    head = stories[first]
    if not head["strong"] and head["words"] < PREAMBLE_WORDS:
        end = head["members"][-1]
        later = next((s for s in full[full.index(first) + 1:][:PREAMBLE_REACH]
                      if stories[s]["strong"] and stories[s]["words"] >= PREAMBLE_RATIO * head["words"]
                      and not any(d.category == "comments" for d in final[end:stories[s]["members"][0]])),
                     None)
        if later is not None:
            return later
    return first
