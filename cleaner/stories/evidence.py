"""Story evidence: what each gap between two kept lines says about a story starting there.

Head evidence: how the text after the gap opens (a title-like line followed within a few
lines by a meta line, weighing most when the gap is the story's whole head; a headline
repeated a few lines later; a dateline or kicker), the dropped lines of the gap (more for
those a catalogue pattern recognised: share rows, menus, tags, bylines) and a title-like
headline in it.  Topic evidence: the cosine of content words in the windows either side of
the gap (as in TextTiling), and how deep it dips below the cosines of the gaps around it
(the depth score), so that a story that follows the last one with no title and no
boilerplate is still seen, while a subheading or an interview question between paragraphs
on one subject is not.  `Reader` answers the questions about lines; `gap_evidence` sums
one gap's evidence into a score; the choice among gaps is `cleaner.stories.boundaries`'.
The content words of a document's kept lines, its windows, their cosines and the depth
scores are counted once per document by the compiled core (rust/src/cohesion.rs, the
stoplist passed in from Python), and so are the answers about each line (meta line,
headline, dateline ...: rust/src/heads.rs, the words of its date, byline and "updated"
patterns passed in from `cleaner/patterns/story_heads.toml`).
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from itertools import accumulate
from operator import gt, itemgetter, not_
from typing import NamedTuple

import regex

from .. import _core, gatecache
from ..options import Options
from ..segment import BULLET_DASHES, BULLET_SYMBOLS
from ..storage import texts_of
from ..types import Decision, Features

DEFAULT = Options()

# Evidence that a story starts in a gap between kept lines, summed into a score in points
# (see `boundary_score`); a boundary needs `Options.story_boundary_score`.  The opening of
# the next story (title with a meta line, repeated headline, dateline) weighs most;
# dropped lines in the gap, boilerplate the catalogue recognises there (share rows, menus,
# tags) and a headline add to it; the topic evidence (`Options.story_cosine_weight`,
# `Options.story_depth_weight`) adds or takes.
# The weights are `Options` fields (``story_*_weight``, ``story_*_max``).


def _head_words() -> dict[str, list[str]]:
    """The words of `cleaner/patterns/story_heads.toml`, every language's together, by kind
    (``months``, ``byline``, ``updated``, ``ago``); the file's parsed content comes from
    the prebuilt cache when that holds it as it is (`cleaner.gatecache.cached_toml`)."""
    data = gatecache.cached_toml(gatecache.HEADS)
    out: dict[str, list[str]] = {"months": [], "byline": [], "updated": [], "ago": []}
    for words in data.values():
        for kind, got in out.items():
            got += [w for w in words.get(kind, ()) if w not in got]
    return out


@functools.lru_cache(maxsize=1)
def _heads() -> _core.Heads:
    """The compiled core's head patterns (rust/src/heads.rs), built from the catalogue's
    words (a date or time: "Nov 19, 2019", "19 November 2019", "2019-11-19", "10:31 pm",
    "3 hours ago"; a byline; an "Updated ..." line) and the bullets of a list item, when
    a story finder first needs them."""
    words = _head_words()
    return _core.Heads(words["months"], words["byline"], words["updated"], words["ago"],
                       BULLET_SYMBOLS, BULLET_DASHES)


_LETTER = regex.compile(r"\p{L}")


def dateline(text: str) -> bool:
    """Does ``text`` open with a dateline or kicker: an upper-case place or phrase,
    optionally ", N.Y." and "(Agency)", then a colon or dash, then text ("OSLO: ...",
    "WASHINGTON (Reuters) - ...", "AUSTIN, Texas (AP) — ...", "‘FAST FACTS’: ...")?

    >>> dateline("WASHINGTON (Reuters) - The senate voted."), dateline("Washington - The senate voted.")
    (True, False)
    """
    return _heads().dateline(text)


def _meta(text: str, f: Features, decision: Decision) -> bool:
    """A date, time, byline or "Updated ..." line (not a photo caption or credit that
    holds a date); the compiled core answers it for every line of a document at once
    (`Reader`)."""
    return _heads().meta(text, f.words, f.terminal, decision.category)


#: The weight of each way a story opens (`Reader.opening`), an `Options` field.
_OPENED = {"headed": "story_headed_weight", "meta": "story_meta_weight",
           "repeat": "story_repeat_weight", "dateline": "story_dateline_weight"}


def boundary_score(opening: str | None, dropped: int, furniture: int, headline: bool,
                   cohesion: float, depth: float = 0.0, o: Options = DEFAULT) -> float:
    """The evidence that a story starts in a gap, summed in points (weights above).

    >>> boundary_score("meta", 3, 2, True, 0.02) >= DEFAULT.story_boundary_score  # title, byline, share row
    True
    >>> boundary_score(None, 2, 0, True, 0.3) >= DEFAULT.story_boundary_score  # a subheading, same topic
    False
    >>> boundary_score(None, 0, 0, False, 0.0, 1.0) >= DEFAULT.story_boundary_score  # a new subject
    True
    """
    score = getattr(o, _OPENED[opening]) if opening in _OPENED else 0.0
    score += min(dropped * o.story_dropped_weight, o.story_dropped_max)
    score += min(furniture * o.story_furniture_weight, o.story_furniture_max)
    score += o.story_headline_weight if headline else 0.0
    topic = o.story_cosine_weight * -math.log((cohesion + 0.02) / (o.story_neutral_cosine + 0.02)) \
        + o.story_depth_weight * min(depth, o.story_depth_max)
    # A whole head (title, meta line, text) is a story's by its form: neighbouring stories
    # of one site share their vocabulary, so the topic can add to it but not take from it.
    return score + (max(topic, 0.0) if opening == "headed" else topic)


@functools.lru_cache(maxsize=32)
def _stoplist(stops: frozenset[str]) -> _core.Stoplist:
    """The compiled core's copy of a stoplist (a document's is usually the one before)."""
    return _core.Stoplist(list(stops))


def content_words(text: str, stops: frozenset[str]) -> list[str]:
    """The stems of the content words of ``text``: runs ``\\p{L}[\\p{L}\\p{M}'’-]*`` of its
    `str.lower` of three characters or more not in ``stops``, each cut to its first six
    characters, a crude stem ("elections", "electoral" -> "electi", "electo"); counted by
    the compiled core (rust/src/cohesion.rs).

    >>> content_words("The Elections of the electoral board", frozenset({"the", "of"}))
    ['electi', 'electo', 'board']
    """
    return _core.content_stems(text, _stoplist(stops))


#: The cosine of two dicts of counts (``{word: n}``), 1.0 when one is empty (nothing to
#: compare: no evidence of a change); computed by the compiled core (rust/src/cohesion.rs,
#: as the cosines of `topic_profile`).
cosine = _core.cosine


class Reader:
    """The evidence the story finder looks at, for one document.

    The answers about each line are read once per document by the compiled core
    (rust/src/heads.rs, `_heads`), each a list indexed by line, asked as ``r.meta(i)``:
    `meta` (a date, time, byline or "Updated ..." line), `headline` (short,
    unpunctuated, not a list item, not a date or byline, not a line a catalogue pattern
    dropped: share, nav ...), `body` (kept body that is no headline), `dateline` (the line
    opens with a dateline or kicker, see `dateline`), `meta_after` (a meta line within
    `Options.story_meta_reach` lines with letters after it, before any body) and
    `exclaimed` (a short kept line ending in "?" or "!", or a quote after one: a headline
    that reads as a sentence), `capitalised` (it begins with a capital or a digit, after an
    opening quote, not with a separator) and `bulleted` (its raw line is a list item or a
    table row: a bullet, a dash and a space, or "|" after the whitespace).
    """

    def __init__(self, lines, feats, decisions, stops, options: Options = DEFAULT):
        self.lines, self.feats, self.d = lines, feats, decisions
        self.o = options  # the ``story_*`` thresholds
        self.stops = stops
        #: The normalised text of every line, read in one pass.
        self.texts = texts = texts_of(lines)
        self.content = [i for i, text in enumerate(texts) if text]
        self.pos = dict(zip(self.content, range(len(self.content))))
        #: Per line, 1 if its text holds a letter; the answers about each line (see above);
        #: whether a catalogue pattern dropped it (see `furniture`).
        self.lettered, per_line, more = _heads().read(
            texts, lines, feats, decisions, options.heading_max_words, options.heading_max_digits,
            options.story_meta_reach)
        meta, headline, body, self._titled, dateline = per_line
        exclaimed, self._capital, meta_after, self.by_pattern, capitalised, bulleted = more
        self.meta, self.headline, self.body = meta.__getitem__, headline.__getitem__, body.__getitem__
        self.dateline, self.exclaimed = dateline.__getitem__, exclaimed.__getitem__
        self.meta_after = meta_after.__getitem__
        self.capitalised, self.bulleted = capitalised.__getitem__, bulleted.__getitem__
        self._count_lines(decisions)
        kept = [i for i in self.content if decisions[i].keep]
        #: The content words of the kept lines, counted in the compiled core (see `window`).
        self.cohesion = _core.Cohesion([texts[i] for i in kept], kept, _stoplist(stops))
        #: The content words of each kept line, in order.
        self.words: dict[int, list[str]] = self.cohesion.words()
        #: The case-folded text of each line, and how often each occurs.
        self.folded = list(map(str.casefold, texts))
        self.count = Counter(self.folded)
        self._windows: dict[tuple, Counter] = {}  # see `window`
        self._windows_of: list[int] | None = None

    def _count_lines(self, decisions: list[Decision]) -> None:
        """Per content position k, lines before it: with letters (`letters_between`),
        with letters and not dropped by a catalogue pattern (`distance`), dropped, and
        dropped by a pattern (`gap_evidence`)."""
        at = self.content.__iter__
        lettered = list(map(self.lettered.__getitem__, at()))
        pattern = list(map(self.by_pattern.__getitem__, at()))
        self._letters_upto = [0, *accumulate(lettered)]
        self._counted_upto = [0, *accumulate(map(gt, lettered, pattern))]
        self._dropped_upto = [0, *accumulate(map(not_, map(itemgetter(0), map(decisions.__getitem__, at()))))]
        self._pattern_upto = [0, *accumulate(pattern)]

    def wrapped(self, i: int) -> bool:
        """Does the next line, right below without a blank line, go on with the same
        sentence (it starts in lower case), so that line ``i`` was broken by a hard wrap,
        not cut?"""
        k = self.pos[i] + 1
        if k >= len(self.content) or self.content[k] != i + 1:
            return False
        head = self.texts[self.content[k]][:1]
        return head.islower()

    def repeated(self, i: int) -> bool:
        """Repeated a few lines later, and not a line the page repeats all over (a table
        header, a section label)."""
        key = self.folded[i]
        if self.count[key] > 3:
            return False
        k = self.pos[i]
        return any(self.folded[j] == key
                   for j in self.content[k + 1:k + 1 + self.o.story_repeat_reach])

    def letters_between(self, a: int, b: int) -> int:
        """Lines with letters from ``a`` (inclusive) up to ``b`` (exclusive)."""
        return max(0, self._letters_upto[self.pos[b]] - self._letters_upto[self.pos[a]])

    def distance(self, a: int, b: int) -> int:
        """Lines with letters from ``a`` (inclusive) up to ``b`` (exclusive), not counting
        those a catalogue pattern dropped (a share row between a title and its text)."""
        return max(0, self._counted_upto[self.pos[b]] - self._counted_upto[self.pos[a]])

    def titled(self, i: int) -> bool:
        """A headline that could be a story's title: four words or more, capitalised, not
        a question or answer of an interview ("Q: ...") nor a numbered item, and not a line
        the page repeats all over (a table header)."""
        return self._titled[i] and self.count[self.folded[i]] <= 3

    def furniture(self, gap: list[int]) -> int:
        """Dropped lines of the gap that a catalogue pattern recognised (share rows,
        menus, tags, appeals)."""
        pattern = self.by_pattern
        return sum(1 for j in gap if pattern[j])

    def opening(self, first: int, above: list[int]) -> tuple[int | None, str | None]:
        """The title line of a story whose first kept line is ``first`` (``above``: the
        lines before it, nearest last) and how it opens like a story: ``"repeat"`` (a
        repeated headline), ``"meta"`` (a headline followed by a meta line),
        ``"dateline"`` or ``None``."""
        options = [j for j in reversed(above[-self.o.story_above_lines:]) if self.headline(j)]
        if self.headline(first):
            options.insert(0, first)
        rep = [j for j in options if self.feats[j].words >= 4 and self.repeated(j)]
        if rep:
            return rep[-1], "repeat"
        dist = lambda j: self.distance(j, first)  # noqa: E731
        near = next((j for j in options if dist(j) <= self.o.story_title_reach and self.feats[j].words >= 3
                     and self.meta_after(j)), None)
        # The gap is the story's whole head: its title (right after the text before), a
        # meta line (a date of figures alone too) and nothing else.
        headed = bool(above) and self.headed(above[0], first)
        if headed and near in (None, above[0]):
            return above[0], "headed"
        if near is not None:
            return self._longer_above(near), "meta"
        if self.exclaimed(first):
            below = next((j for j in self.content[self.pos[first] + 1:self.pos[first] + 1 + self.o.story_meta_reach]
                          if self.lettered[j] or self.meta(j)), None)
            if below is not None and self.meta(below):
                return first, "meta"  # a headline that reads as a sentence, its meta line right below
        opener = next((j for j in self.content[self.pos[first]:self.pos[first] + 4]
                       if self.body(j)), None)
        # Without a meta line: the nearest title-like headline just above the text, else a
        # capitalised headline right above it.
        title = next((j for j in options if dist(j) <= self.o.story_title_near and self.titled(j)
                      and self.echoed(j, first)), None)
        if title is None and options and dist(options[0]) <= 2 and self.feats[options[0]].words >= 3 \
                and self._capital[options[0]] and self.echoed(options[0], first):
            title = options[0]
        if opener is not None and self.feats[opener].words >= 8 and self.dateline(opener):
            return title, "dateline"
        return title, None

    def echoed(self, title: int, first: int) -> bool:
        """Does the text from ``first`` on (its first `Options.story_echo_words` content
        words) share a content word with the headline ``title``?  A story's headline names
        what it tells; a menu line, a footer link or a link to another story above it does
        not.  A headline without content words is not judged."""
        own = set(content_words(self.texts[title], self.stops))
        if not own:
            return True
        seen = 0
        for j in self.content[self.pos[first]:]:
            if j == title or not self.d[j].keep:
                continue
            words = self.words.get(j, ())
            if own.intersection(words):
                return True
            seen += len(words)
            if seen >= self.o.story_echo_words:
                return False
        return False

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

    def _longer_above(self, j: int) -> int:
        """A headline up to ``story_longer_reach`` lines above ``j`` with more words (a title above
        a section label, byline or photo credits), not past a meta line or a line the
        catalogue dropped, and not one that holds ``j`` (a breadcrumb ending in the title)."""
        best = j
        k = self.pos[j]
        reach = self.o.story_longer_reach
        above = [x for x in self.content[max(0, k - 2 * reach):k] if self.lettered[x]]
        for x in above[::-1][:reach]:
            if self.meta(x) or self.body(x) or self.furniture([x]):
                break
            if self.headline(x) and self.feats[x].words > self.feats[best].words \
                    and self.texts[j].casefold() not in self.texts[x].casefold():
                best = x
        return best

    def window(self, kept: list[int], start: int, step: int, stop: int) -> Counter:
        """Content words of kept lines from position ``start`` walking by ``step`` up to
        ``story_window_words`` words, not past position ``stop``.  The caller must not change
        it: gaps near each other share windows."""
        if kept is not self._windows_of:
            self._windows, self._windows_of = {}, kept
        key = (start, step, stop)
        c = self._windows.get(key)
        if c is not None:
            return c
        c = self._windows[key] = Counter(self.cohesion.counts(
            kept, start, step, stop, self.o.story_window_words, self.o.story_window_lines))
        return c


class Gap(NamedTuple):
    """The evidence that a story starts at kept position ``c``, in the gap before it."""

    c: int
    title: int | None
    opening: str | None  # "headed", "meta", "repeat", "dateline" or None
    dropped: int
    furniture: int
    headline: bool
    cohesion: float
    depth: float
    score: float


def topic_profile(r: Reader, kept: list[int], affinity: float = DEFAULT.story_affinity_weight,
                  ) -> tuple[list[int], list[float | None], list[float]]:
    """The kept positions of the paragraphs of body, the cosine across the gap above each
    (``None`` where a side holds too few content words to judge) and its depth
    score: how far it lies below the highest cosine reached climbing from it to the left
    and to the right while the cosines rise (TextTiling).  Only paragraphs of body are
    compared (a kept menu line or caption says nothing of the topic): a story starts
    above a paragraph, the kept lines above it belonging to the story before, or to the
    next one as its title (see `Reader.opening`)."""
    prose = [c for c in range(len(kept)) if r.body(kept[c])]
    lines = [kept[c] for c in prose]
    # Computed by the compiled core (rust/src/cohesion.rs), from the windows of `window`;
    # the paragraph after the gap goes on with the text after it, not the text before
    # (its own cosine with each side, weighted by ``affinity``, adds to its depth).
    cos, deep = r.cohesion.profile(lines, r.o.story_window_words, r.o.story_window_lines,
                                   r.o.story_min_after_words, affinity)
    return prose, cos, deep


def gap_evidence(r: Reader, kept: list[int], c: int, cohesion: float | None = None,
                 depth: float = 0.0, since: int | None = None, o: Options = DEFAULT) -> Gap:
    """The evidence for a story starting at kept position ``c`` (``cohesion``, ``depth``:
    its topic evidence, see `topic_profile`; ``None``: too little text to judge), its gap
    reaching up to kept position ``since`` (default ``c - 1``: the kept lines between are
    read as part of the gap, where the next story's title may stand)."""
    i, prev = kept[c], kept[c - 1 if since is None else since]
    a, b = r.pos[prev] + 1, r.pos[i]
    gap = r.content[a:b]
    title, opening = r.opening(i, gap)
    # The gap's dropped lines, and those a catalogue pattern dropped (`Reader.furniture`).
    dropped = max(0, r._dropped_upto[b] - r._dropped_upto[a])
    furniture = max(0, r._pattern_upto[b] - r._pattern_upto[a])
    headline = any(r.titled(j) for j in gap[-o.story_above_lines:])
    cohesion = o.story_neutral_cosine if cohesion is None else cohesion
    score = boundary_score(opening, dropped, furniture, headline, cohesion, depth, o)
    return Gap(c, title, opening, dropped, furniture, headline, cohesion, depth, score)
