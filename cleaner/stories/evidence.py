"""Story evidence: what each gap between two kept lines says about a story starting there.

Head evidence: how the text after the gap opens (a title-like line followed within a few
lines by a meta line, weighing most when the gap is the story's whole head; a headline
repeated a few lines later; a dateline or kicker), the dropped lines of the gap (more for
those a catalogue pattern recognised: share rows, menus, tags, bylines) and a title-like
headline in it.  Topic evidence: the cosine of content words in the windows either side of
the gap (as in TextTiling), and how deep it dips below the cosines of the gaps around it
(the depth score), so that a story that follows the last one with no title and no
boilerplate is still seen, while a subheading or an interview question between paragraphs
on one subject is not.  Layout evidence: where the indentation of the paragraphs of body
changes (`shift_points`: a dump of pages nests the next page's article at an indentation
of its own; `Options.story_indent_weight` points, `Options.story_indent_paragraphs` a
side), counted only where the words change too (`Options.story_indent_cosine`); text with
no indentation shows none.  Typography evidence: where the marks of the paragraphs change
(`style_shifts`: straight or typographic apostrophes and quotes, three dots or an ellipsis
character; each page of a dump keeps its own site's; `Options.story_style_weight` points),
which flat text shows too.  Language evidence: where the paragraphs before a gap and
those after it are guessed two languages (`language_shifts`: a dump that goes on with
another site's page in another language; `Options.story_language_weight` points).
`Reader` answers the questions about lines; `gap_evidence` sums one gap's evidence into a
score; the choice among gaps is `cleaner.stories.boundaries`'.  The story readers share
the windows of body and their words read here (`body_window`, `body_lines`,
`side_cosines`, `word_counts`, `cosine`).
A document is read once by the compiled core (rust/src/story.rs): the answers about
each line (meta line, headline, dateline ...: rust/src/heads.rs, the words of its date,
byline and "updated" patterns passed in from `cleaner/patterns/story_heads.toml`), the
lines' case folds, the content words of its kept lines (rust/src/cohesion.rs, the
stoplist passed in from Python) and each gap's head evidence (`Reader.opening`); its
windows, their cosines and the depth scores are counted there too.
"""

from __future__ import annotations

import functools
import math
from array import array
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from itertools import compress
from operator import getitem, ne
from typing import NamedTuple

from .. import _core, gatecache
from ..language import guess_language
from ..options import Options
from ..segment import BULLET_DASHES, BULLET_SYMBOLS
from ..storage import Lines, indents
from ..types import Features

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


def dateline(text: str) -> bool:
    """Does ``text`` open with a dateline or kicker: an upper-case place or phrase,
    optionally ", N.Y." (a region, in any case) and "(Agency)", then a colon or dash, then
    text ("OSLO: ...", "WASHINGTON (Reuters) - ...", "DUBAI, United Arab Emirates — ...",
    "‘FAST FACTS’: ...")?  A place written in capitals and small letters is one when a
    comma and a region follow it, then a dash and a capital ("Dekalb, Ill. — Mike ...",
    "Fort Worth, Texas (AP) – ..."), or when it is one or two capitalised words (joined
    by "-" or "/" too) and an agency follows it: "(" two to eight letters, optionally "/"
    or "-" and up to five more, ")", an optional ".", then a dash and a capital that
    opens three words or more ("Hamburg (dpa/lno) – Trotz eines ...", "Madrid (EFE).- El
    Gobierno ...").  A name with its party and a role ("Friedrich Merz (CDU) –
    Parteivorsitzender") is none; one with a longer role reads as one, and is weighed
    with the rest of a gap's evidence like any dateline.

    >>> dateline("WASHINGTON (Reuters) - The senate voted."), dateline("Washington - The senate voted.")
    (True, False)
    >>> dateline("Dekalb, Ill. \u2014 Mike Glass threw for three touchdowns."), dateline("However, Mr. Smith \u2014 who")
    (True, False)
    >>> dateline("Berlin (dpa) - Die Bundesregierung will"), dateline("Friedrich Merz (CDU) \u2013 Parteivorsitzender")
    (True, False)
    """
    return _heads().dateline(text)


def pager(text: str) -> bool:
    """Is ``text`` a pager's link, the headline of the post before or after this one: an
    arrow pointing back first or one pointing on last (a guillemet only when the line
    holds none the other way, which would make it a quote)?  No story's title.

    >>> pager("\u2190 How to revise for the exams"), pager("Next story \u00bb"), pager("\u00abNous restons\u00bb, dit-il")
    (True, True, False)
    """
    return _heads().pager(text)


#: The `Options` weights of a gap's evidence, in the order the compiled core reads them
#: (rust/src/story_gaps.rs): how the next story opens ("headed", "meta", "repeat",
#: "dateline"), dropped lines and their most, lines a catalogue pattern dropped and their
#: most, a headline, the cosine, the neutral cosine, the depth and its most, and the
#: depth across a subheading or above a label (`Options.story_section_depth_weight`).
_WEIGHTS = ("story_headed_weight", "story_meta_weight", "story_repeat_weight", "story_dateline_weight",
            "story_dropped_weight", "story_dropped_max", "story_furniture_weight", "story_furniture_max",
            "story_headline_weight", "story_cosine_weight", "story_neutral_cosine", "story_depth_weight",
            "story_depth_max", "story_section_depth_weight")


def weights(o: Options = DEFAULT) -> list[float]:
    """The weights of `boundary_score`, ``o``'s fields `_WEIGHTS`."""
    return [getattr(o, name) for name in _WEIGHTS]


def boundary_score(opening: str | None, dropped: int, furniture: int, headline: bool,
                   cohesion: float, depth: float = 0.0, o: Options = DEFAULT) -> float:
    """The evidence that a story starts in a gap, summed in points (weights above): the
    weight of how the next story opens, ``story_dropped_weight`` per dropped line and
    ``story_furniture_weight`` per line a catalogue pattern dropped (each up to its
    ``_max``), ``story_headline_weight`` for a headline, and the topic:
    ``story_cosine_weight * -ln((cohesion + 0.02) / (story_neutral_cosine + 0.02))`` plus
    ``story_depth_weight`` per unit of depth (up to ``story_depth_max``).  A whole head
    (title, meta line, text) is a story's by its form: neighbouring stories of one site
    share their vocabulary, so the topic can add to it but not take from it.  Computed by
    the compiled core (rust/src/story_gaps.rs), as for every gap of `gaps`.

    >>> boundary_score("meta", 3, 2, True, 0.02) >= DEFAULT.story_boundary_score  # title, byline, share row
    True
    >>> boundary_score(None, 2, 0, True, 0.3) >= DEFAULT.story_boundary_score  # a subheading, same topic
    False
    >>> boundary_score(None, 0, 0, False, 0.0, 1.0) >= DEFAULT.story_boundary_score  # a new subject
    True
    """
    return _core.boundary_score(opening, dropped, furniture, headline, cohesion, depth, weights(o))


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


def lines_words(r: Reader, lines: Iterable[int]) -> set[str]:
    """The `content_words` of the text of ``lines`` (indices), as one set."""
    return {w for i in lines for w in content_words(r.lines[i].text, r.stops)}


def _getter(column: bytes) -> Callable[[int], int]:
    """The item getter of a bytes (the answers of `Reader` about each line): through
    `operator.getitem`, a call faster than the bytes' own ``__getitem__``."""
    return functools.partial(getitem, column)


class Reader:
    """The evidence the story finder looks at, for one document.

    The document is read once by the compiled core (rust/src/story.rs, with the head
    patterns of rust/src/heads.rs, `_heads`): the answers about each line, each a list
    indexed by line, asked as ``r.meta(i)``: `meta` (a date, time, byline or "Updated
    ..." line), `headline` (short, unpunctuated, not a list item, not a date or byline,
    not a line a catalogue pattern dropped: share, nav ...), `body` (kept body that is no
    headline), `titled` (a headline that could be a story's title: four words or more,
    capitalised, not a question or answer of an interview ("Q: ...") nor a numbered item,
    and not a line the page repeats all over), `dateline` (the line opens with a dateline
    or kicker, see `dateline`), `meta_after` (a meta line within
    `Options.story_meta_reach` lines with letters after it, before any body),
    `exclaimed` (a short kept line ending in "?" or "!", or a quote after one: a headline
    that reads as a sentence), `by_pattern` (a bytes, indexed ``r.by_pattern[i]``: a
    catalogue pattern dropped it),
    `capitalised` (it begins with a capital or a digit, after
    an opening quote, not with a separator, and is no pager's link: an arrow that points
    back first or one that points on last, "← Previous post", "Next story »"; such a
    link is no title, nor does a longer headline above it head the story), `bulleted` (its raw line is a list item or a
    table row: a bullet, a dash and a space, or "|" after the whitespace), `wrapped`
    (the next line, right below without a blank line, goes on with the same sentence: it
    starts in lower case, so the line was broken by a hard wrap, not cut) and `turn` (an
    interview's turn or a numbered item: "Q: ...", "2. ..."); how the text
    after a gap opens (`opening`) and what the gap holds (`gap_evidence`).
    """

    def __init__(self, lines, feats, decisions, stops, options: Options = DEFAULT, like: Reader | None = None):
        """``like``: a reader of the same lines and features under other decisions (a
        trial of the story finder's); the compiled core reads again only the lines whose
        decisions differ."""
        self.lines, self.feats, self.d = lines, feats, decisions
        #: ``text(i)``: the normalised text of line ``i`` (from `Lines` with no `Line` built).
        self.text = lines.text if isinstance(lines, Lines) else (lambda i: lines[i].text)
        self.o = o = options  # the ``story_*`` thresholds
        self.stops = stops
        same = like is not None and like.lines is lines and like.feats is feats and like.o is o
        columns = (*lines.columns(), *lines.raw_columns()) if isinstance(lines, Lines) and not same else None
        #: The compiled core's reading of the document (`cleaner._core.Story`).
        self.core = story = _core.Story(
            lines, columns, feats, decisions, _heads(), _stoplist(stops), o.heading_max_words, o.heading_max_digits,
            o.prose_min_words,
            (o.story_meta_reach, o.story_above_lines, o.story_title_reach, o.story_title_near,
             o.story_repeat_reach, o.story_longer_reach, o.story_echo_words, o.story_meta_echo_words,
             o.story_echo_shared, o.story_first_echo_shared, o.story_longer_yield_lines), like.core if same else None)
        #: The content lines, and per content line its position among them (``i in
        #: pos``, ``pos[i]``): an array and the core's `Positions`, not a list and a
        #: dict of ints (a dump of many short lines stays within its memory bound).
        content, self.pos = story.positions()
        self.content = array("I")
        self.content.frombytes(content)
        del content
        #: Per line, 1 if its text holds a letter; the answers about each line (see
        #: above), each a bytes (1 or 0 per line).
        self.lettered, per_line, more, (self._capital, self.by_pattern) = story.flags()
        self.meta, self.headline, self.body, self.dateline = map(_getter, per_line)
        self.exclaimed, self.meta_after, self.capitalised, self.bulleted, self.wrapped, self.turn = map(_getter, more)
        self.letters_between, self.distance = story.letters_between, story.distance
        #: The language guessed for each line's text, when first asked (`language`).
        self._languages: dict[int, str | None] = {}

    @functools.cached_property
    def cohesion(self) -> _core.Cohesion:
        """The content words of the kept lines, counted in the compiled core when first
        asked (see `window_cosine`; a trial reading that only looks for teasers may
        compare none)."""
        return self.core.cohesion

    @functools.cached_property
    def indents(self) -> array:
        """The indentation of every line (`cleaner.storage.indents`), counted when first
        asked (each stretch of the document is read for its layout)."""
        return indents(self.lines)

    @functools.cached_property
    def numbered(self) -> list[int]:
        """The positions among the content lines (`content`) of those whose text opens
        with "#" or a character of a number (every character `str.isdigit` holds, and
        more), in order: the only lines that may open a numbered section or entry
        (`cleaner.stories.numbered`); listed by the compiled core in one pass, when first
        asked."""
        return self.core.numbered()

    def folded(self, i: int) -> str:
        """The case fold of line ``i``'s text from its first letter or digit on (no bullet)."""
        text = self.text(i).casefold()
        return text[next((k for k, ch in enumerate(text) if ch.isalnum()), len(text)):].rstrip()

    @functools.cached_property
    def last_printed(self) -> dict[str, int]:
        """For the case fold (`folded`) of each content line with letters, the position
        among the content lines (`content`) of the last line printed so: is a line printed
        again below it (`cleaner.stories.opening.lone_title`); folded in one pass, when
        first asked."""
        return {self.folded(i): p for p, i in enumerate(self.content) if self.lettered[i]}

    @functools.cached_property
    def _titled(self) -> bytes:
        return self.core.titled()

    def titled(self, i: int) -> int:
        """1 if line ``i`` is a title-like headline (see above); the lines are case folded
        to tell, when first asked (a trial reading that only looks for teasers does not)."""
        return self._titled[i]

    def kept(self) -> list[int]:
        """The content lines its decisions keep, in order (listed by the compiled core)."""
        kept = array("I")
        kept.frombytes(self.core.kept())
        return kept.tolist()

    def language(self, i: int) -> str | None:
        """`cleaner.language.guess_language` of line ``i``'s text, guessed once per
        document (every reading of its gaps asks again)."""
        if i not in self._languages:
            self._languages[i] = guess_language(self.text(i))
        return self._languages[i]

    def opening(self, first: int, above: list[int]) -> tuple[int | None, str | None]:
        """The title line of the document's first story, whose first kept line is
        ``first`` (``above``: the lines before it, nearest last), and how it opens like a
        story: ``"repeat"`` (a repeated headline, not one the page repeats all over),
        ``"headed"`` (the gap is the story's whole head: a title-like headline, a meta
        line or two, the text), ``"meta"`` (a headline followed by a meta line: the title
        is the longest headline just above it that does not hold it; either shares a
        content word with the text's first `Options.story_meta_echo_words`, else they are
        another page's link and date, no head of a story), ``"dateline"`` or ``None``
        (the title, if any: the nearest title-like headline just above the text, else a
        capitalised headline right above it, either sharing with the text below
        `Options.story_first_echo_shared` content words (all of its own when it holds
        fewer: the page's own headline is the nearest one), or one in the text's first
        line, see `Options.story_echo_words`).  The gaps between two stories are read the
        same way by `gaps`, a headline there sharing `Options.story_echo_shared` words
        (where two pages' tail and head meet, one word in common is often chance)."""
        return self.core.opening(first, above)

    def teasers(self, kept: list[int], feats: list[Features], limits: tuple) -> dict[int, tuple[int, int | None]]:
        """`cleaner.stories.teasers.teasers` of the kept lines ``kept`` (``limits``:
        its `Options` thresholds), scanned by the compiled core; the text before a teaser
        is read in a window of ``story_window_words`` words and ``story_window_lines``
        lines."""
        return self.core.teasers(kept, feats, self.d, limits, (self.o.story_window_words, self.o.story_window_lines))


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
                  ) -> tuple[list[int], list[float | None], list[float], list[bool]]:
    """The kept positions of the paragraphs of body, the cosine across the gap above each
    (``None`` where a side holds too few content words to judge), its depth score: how
    far it lies below the highest cosine reached climbing from it to the left and to the
    right while the cosines rise (TextTiling), and whether the text after it names other
    people and places: its window names at least `Options.story_names_least` names
    (content words that begin with a capital inside a sentence) and none that the
    paragraphs before the gap named (at least as many different ones); none does where
    more than `Options.story_names_share` of the content words inside the paragraphs'
    sentences begin with a capital (there capitals mark nouns or a title's words, not
    names), nor where the gap is a subheading between sections of one article (it holds
    a kept headline, and `Options.story_names_sections` gaps before it and as many after
    it hold one too: parallel sections, each naming its own people and places).  Only
    paragraphs of body are compared (a kept menu line or caption says nothing of the
    topic): a story starts above a paragraph, the kept lines above it belonging to the
    story before, or to the next one as its title (see `Reader.opening`)."""
    prose = [c for c in range(len(kept)) if r.body(kept[c])]
    lines = [kept[c] for c in prose]
    # Computed by the compiled core (rust/src/cohesion.rs), from the windows of `window`;
    # the paragraph after the gap goes on with the text after it, not the text before
    # (its own cosine with each side, weighted by ``affinity``, adds to its depth).
    o = r.o
    cos, deep = r.cohesion.profile(lines, o.story_window_words, o.story_window_lines, o.story_min_after_words, affinity)
    novel = r.cohesion.novel_names(lines, o.story_window_words, o.story_window_lines, o.story_names_least,
                                   o.story_names_share)
    sections = r.core.sectioned(kept, prose, o.story_names_sections)
    names = [n and not s for n, s in zip(novel, sections)]
    return prose, cos, deep, names


def shift_points(r: Reader, kept: list[int], prose: list[int], o: Options = DEFAULT) -> list[int]:
    """The paragraphs of body (indices into ``prose``, kept positions) at whose gap the
    layout changes: the `Options.story_indent_paragraphs` paragraphs before it (as many as
    there are) share one indentation, as many after it share another.  A dump of a whole
    page indents each block as deep as the page nests it, so the next page's article
    sits at an indentation of its own (the lines' leading whitespace,
    `cleaner.storage.indents`); text with no indentation shows no change.  Only the
    places where the indentation changes are visited.

    At the first and the last change the side towards the document's edge may hold
    fewer paragraphs than `Options.story_indent_paragraphs` (one suffices: a page's
    opening or closing paragraph alone at its own indentation); between two changes
    each side needs them all.

    >>> from cleaner.segment import segment
    >>> class R:  # what is read of a `Reader`: the indentation of its lines
    ...     indents = indents(segment("    One.\\n    Two.\\n  Three.\\n  Four."))
    >>> shift_points(R, [0, 1, 2, 3], [0, 1, 2, 3])
    [2]
    """
    indent = r.indents
    depth = [indent[kept[c]] for c in prose]
    n, k = len(depth), o.story_indent_paragraphs
    # where a run of paragraphs at one indentation ends and the next begins
    bounds = [0, *compress(range(1, n), map(ne, depth, depth[1:])), n]
    return [j for before, j, after in zip(bounds, bounds[1:-1], bounds[2:])
            if j - before >= min(k, j) and after - j >= min(k, n - j)]


def style_shifts(marks: bytes, cos: list[float | None], words: Callable[[int], int],
                 o: Options = DEFAULT) -> list[int]:
    """The paragraphs of body (indices into ``marks`` and ``cos``: per paragraph of body,
    the marks it uses, the bits of the compiled core's ``Story.marks`` (rust/src/story.rs),
    and the cosine across the gap above it, `topic_profile`; ``words(j)``: paragraph
    ``j``'s words) at whose gap the typography changes.  Each page of a dump keeps its own site's
    marks ("it's" or "it\u2019s", straight or typographic double quotes, "..." or
    "\u2026"), so where one paragraph uses one mark of a pair and not the other, and the
    next paragraph that uses either, at most `Options.story_style_paragraphs` paragraphs
    further on, uses only the other, another page's text starts between them: at the gap
    in between whose cosine is lowest, among those under `Options.story_style_cosine`
    above a paragraph of at least `Options.prose_min_words` words (a label such as "Live"
    above the next story's text is no paragraph).  A paragraph that uses both marks of a
    pair tells nothing of it.

    >>> style_shifts(bytes([1, 2]), [None, 0.0], [20, 20].__getitem__)  # "it's", then "it\u2019s"
    [1]
    >>> style_shifts(bytes([1, 2]), [None, 0.5], [20, 20].__getitem__)  # the words do not change
    []
    """
    out: set[int] = set()
    kinds = set(marks)
    for pair in _core.MARK_PAIRS:  # the plain mark's bit of each pair; the typographic one's is twice it
        if not (any(m & pair for m in kinds) and any(m & 2 * pair for m in kinds)):
            continue  # one of the two marks is nowhere (most texts: one site's)
        # (paragraph, its marks: plain, typographic) of the paragraphs that use a mark of the pair
        used = [(j, (bool(m & pair), bool(m & 2 * pair))) for j, m in enumerate(marks) if m & 3 * pair]
        for (a, before), (b, after) in zip(used, used[1:]):
            if all(before) or all(after) or before == after or b - a > o.story_style_paragraphs:
                continue
            at = [j for j in range(a + 1, b + 1)
                  if cos[j] is not None and cos[j] < o.story_style_cosine and words(j) >= o.prose_min_words]
            if at:
                out.add(min(at, key=cos.__getitem__))
    return sorted(out)


def language_shifts(r: Reader, kept: list[int], prose: list[int], cos: list[float | None],
                    o: Options = DEFAULT, stops: Collection[int] = ()) -> list[int]:
    """The paragraphs of body (indices into ``prose``, kept positions) at whose gap the
    language changes: the paragraphs of body before it, back until they hold
    `Options.story_language_words` words, read as one text, and those after it, as far,
    are guessed two languages (`cleaner.language.guess_language`: the stoplist that
    fits), and no paragraph of either side is guessed the other side's language.  A dump
    of pages from other sites goes on in the other language, up to the next story's
    evidence (``stops``: paragraphs at whose gap another kind of evidence sees another
    page; or a kept line between two paragraphs that reads as a headline) or the end of
    the text; an article that quotes another language at length, a run of paragraphs,
    returns to its own language after the quote: a gap counts only where no paragraph of
    body after it, up to that evidence, is guessed the language before it.  A sentence
    quoted alone is too short to carry a side.  Only gaps whose cosine is under
    `Options.story_language_cosine` are read (two languages share few content words), and
    not those whose paragraphs either side are guessed one language.
    """
    out = []
    least = o.story_language_words
    one = r.language
    for j in range(1, len(prose)):
        if cos[j] is None or cos[j] >= o.story_language_cosine:
            continue
        last, first = one(kept[prose[j - 1]]), one(kept[prose[j]])
        if last is not None and last == first:
            continue  # the paragraphs either side of the gap in one language: a side holds the other's
        sides = (_side(r, kept, range(prose[j] - 1, -1, -1), least), _side(r, kept, range(prose[j], len(kept)), least))
        if None in sides:
            continue
        before, after = (guess_language(" ".join(map(r.text, side))) for side in sides)
        if before is None or after is None or before == after:
            continue
        if all(one(i) != after for i in sides[0]) and all(one(i) != before for i in sides[1]) \
                and all(one(kept[prose[k]]) != before for k in _onwards(r, kept, prose, j, stops)):
            out.append(j)
    return out


def _onwards(r: Reader, kept: list[int], prose: list[int], j: int, stops: Collection[int]) -> range:
    """The paragraphs of body (indices into ``prose``) after the gap above paragraph
    ``j``, up to the next gap in ``stops`` or with a kept headline between its two
    paragraphs (the next story's evidence), or the end."""
    for k in range(j + 1, len(prose)):
        if k in stops or any(r.headline(kept[x]) for x in range(prose[k - 1] + 1, prose[k])):
            return range(j, k)
    return range(j, len(prose))


def _side(r: Reader, kept: list[int], span: range, least: int) -> list[int] | None:
    """`body_window` of ``span`` up to ``least`` words; ``None`` when it holds fewer."""
    got = body_window(r, kept, span, least)
    return got if sum(r.feats[i].words for i in got) >= least else None


def body_window(r: Reader, kept: list[int], span: range, most: int) -> list[int]:
    """The body lines at the kept positions of ``span``, in its order, until they hold
    ``most`` words (all of them when they hold fewer)."""
    got, n = [], 0
    for x in span:
        i = kept[x]
        if r.body(i):
            got.append(i)
            n += r.feats[i].words
            if n >= most:
                break
    return got


def body_lines(r: Reader, kept: list[int], c: int, after: int) -> list[int]:
    """The body lines from kept position ``c`` to ``after`` (not included)."""
    return [kept[x] for x in range(c, after) if r.body(kept[x])]


def body_before(r: Reader, kept: list[int], c: int) -> int:
    """The line of the last paragraph of body before kept position ``c`` (-1: none)."""
    for x in range(c - 1, -1, -1):
        if r.body(kept[x]):
            return kept[x]
    return -1


def side_cosines(r: Reader, kept: list[int], lines: list[int], c: int, after: int, start: int, end: int,
                 o: Options) -> tuple[float, float]:
    """The cosines of ``lines`` (those from kept position ``c`` to ``after``) with the
    window of body after them (to ``end``) and with the window before them (from
    ``start``), each of `Options.story_window_words`."""
    ahead = r.cohesion.cosine_of(lines, body_window(r, kept, range(after, end), o.story_window_words))
    behind = r.cohesion.cosine_of(lines, body_window(r, kept, range(c - 1, start - 1, -1), o.story_window_words))
    return ahead, behind


def word_counts(r: Reader, lines: list[int], stops: frozenset[str] | None = None) -> Counter[str]:
    """The counts of the `content_words` of ``lines`` (read with ``stops``; None: the
    page's stoplist)."""
    stops = r.stops if stops is None else stops
    return Counter(w for i in lines for w in content_words(r.text(i), stops))


def cosine(a: Counter[str], b: Counter[str]) -> float:
    """The cosine of two word counts (0.0 when either is empty)."""
    dot = sum(n * b[w] for w, n in a.items() if w in b)
    return dot / math.sqrt(sum(n * n for n in a.values()) * sum(n * n for n in b.values())) if dot else 0.0


def gap_evidence(r: Reader, kept: list[int], c: int, cohesion: float | None = None,
                 depth: float = 0.0, since: int | None = None, o: Options = DEFAULT) -> Gap:
    """The evidence for a story starting at kept position ``c`` (``cohesion``, ``depth``:
    its topic evidence, see `topic_profile`; ``None``: too little text to judge), its gap
    reaching up to kept position ``since`` (default ``c - 1``: the kept lines between are
    read as part of the gap, where the next story's title may stand)."""
    return gaps(r, kept, [c], [cohesion], [depth], [c - 1 if since is None else since], o)[0]


def gaps(r: Reader, kept: list[int], cs: list[int], cos: list[float | None], depth: list[float],
         since: list[int], o: Options = DEFAULT) -> list[Gap]:
    """`gap_evidence` of the gaps at kept positions ``cs``, each reaching up to kept
    position ``since[k]``, in one call of the compiled core: the gap's head evidence (how
    the text after it opens, its dropped lines and those a catalogue pattern dropped:
    share rows, menus, tags, appeals; a title-like headline in it) and its score
    (`boundary_score`)."""
    got = r.core.gaps(cs, [kept[k] for k in since], [kept[c] for c in cs], cos, depth,
                        o.story_above_lines, weights(o))
    return list(map(Gap._make, got))
