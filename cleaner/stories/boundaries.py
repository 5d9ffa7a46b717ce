"""Story boundaries: one scored choice of where the stories of a dump begin.

Teasers come first: a long line that ends mid-sentence (no closing punctuation, or an
ellipsis) after the document has had body, read as a sentence (not a list item, bulleted or
numbered, a table row, hard-wrapped line or run of capitalised buttons), is a teaser of
another story, each its own story, right after a teaser, opened by a kicker ("BREAKING:",
"FAST FACTS: ..."), or, when its words differ from the text before it, when another follows,
when it is the last line (or only a list's items follow it) or under its own title (whatever
its words, under a headline of its own with another teaser after it); a long one with no
title of its own whose words differ from the text on both sides of it is a teaser set
between two stories (in a page's dump, when it ends on a comma or a word in lower case
and the text after it is on other words than the text before it).  A row of at most
`Options.story_teaser_resume_row` teasers with no title of their own, that ends the text
or has text with no head after it and shares words with the body before it (cosine at
least `Options.story_teaser_resume_cohesion`), is the page's own text going on, no teasers
(`_resumed`: a post's last paragraphs, a note after its article; its lines go to no story;
in text an extractor wrote, one that ends the text is left alone).  Teasers and the line
after a row of them are fixed boundaries; in text an extractor wrote, the first story after
a row needs no body before its gap (the lines between are the teaser's page's, no story:
`segment`'s ``written``), and in text written one block a line the text after a row that
opens with a paragraph sharing few words with the row and with the story before it is the
next story, opened by that change of topic (`_row_apart`; its title and the page's lines
set as headlines may stand above that paragraph).

Between them, every gap carries the evidence of `cleaner.stories.evidence` (in a dump, its
depth score with the edges of the judged text mirrored, see `edged`, and a first gap near
the top read on all the paragraphs above it, `cleaner.stories.top`); the full stories are
the one choice of boundaries over the whole stretch that scores most, each boundary adding
its evidence less its cost (`Options.story_boundary_score`), under one constraint: a story
holds `Options.story_min_words` of body before the next one starts, and the last one after
it (`Options.story_short_words` before a story whose gap is its whole head: a title, a meta
line, the text; `Options.story_first_words` for a first story at the top of the document
when the topic changes: a short story at the top of a dump). The choice is a dynamic
programme over the candidate gaps (linear after sorting), not a loop that patches earlier
choices: two candidates too close together for both to stand are settled first by the lines
between them (a short lead whose words go on below opens the later story, also when that
story's text opens with a dateline but no title of its own below the lead; a one-line notice
whose only head is a dateline closes the earlier one; outside text an extractor wrote, a
short line that shares no word with either side is a stray line of a page's tail, in neither
story: `_settled`), else give the one with more evidence, and a long article whose
vocabulary drifts has no gap deep enough to pay for a boundary (nor, when the gap holds no
head but a title with a meta line at most, do all the words before it and after it differ
enough: `Options.story_whole_cohesion`; a date or an embed's caption can sit inside an
article). The candidates are the gaps above paragraphs of body (not above an item of a list,
bulleted or numbered, that goes on, follows its subheading or follows the list's dropped
items), each reaching up to the paragraph before; a chosen story starts at its title when
that is a kept line of the gap (a title too long for a headline right above the gap's first
meta line counts too), and a chosen gap with no head whose kept lines right above it are a
headline and a short lead that opens the text after it starts at that headline (`_led`); a
gap whose only head is its title starts at its text when the title (with the gap's lines
below it) shares more with the text before the gap than with the text after it, by
`Options.story_title_behind_cohesion` (`_support`: the page before's tail, a gallery's label
or the list of what its article featured, whose last headline echoes a word of the next
story).  A chosen story's title and first line is the headline of its head block when one
stands above its first line (`_head_block`: over at most `Options.story_head_block_lines`
lines of a head's furniture, meta lines and short lines, credits, buttons and tags that a
catalogue pattern dropped passed over uncounted, the first line shaped as
a headline with a meta line below it that names the text, or that prints its title again).
Once a stretch's boundaries are chosen (outside text read as an extractor's, one block a line),
each story between two of them is read again on its own words (`refined`): a gap's cosine
is that of all the story's paragraphs before it with all those after it (`halves`; the
windows of the first reading reach across a boundary and blur a short story with its
neighbour), and a gap with no head that leaves the story before it at least as long as the
one after it (an article's opening may differ in words from its body; a short story
appended to a long one, or a page's tail, does not go on with it) and that
`Options.story_refine_paragraphs` paragraphs follow opens a story of its own (of two such
gaps fewer paragraphs apart, the one with more evidence).
In text an extractor wrote one block a line, each story chosen is cut again above a paragraph
right below a run of the page's furniture (`_after_run`: `Options.story_run_lines` short lines
or more, list items, dropped lines and headlines, with a list item or a dropped line among
them, none a sentence nor a numbered item) when the windows of body before the run and after
it share a cosine under `Options.story_run_cohesion` and each side holds
`Options.story_run_paragraphs` paragraphs: joined extracts set the next page's menu,
breadcrumbs or tags between two articles, which the topic windows read as paragraphs (they
blur across them) and the list test holds shut; the story starts at the run's nearest
headline below its last list item or dropped line.
Head evidence that is none is set aside first: the document's headline printed again above
its text, or a "title" that begins with no capital, digit or quote (a separator line).  A
last story opened by a dateline needs its body like one with no head (a notice such as
"NOTE: ..." reads as a dateline).  Kept lines between a passed-over candidate and the chosen
title just after it (a caption kept above the next story's title) go to neither story.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from .. import _core
from ..language import guess_language, stopwords
from ..options import Options
from ..types import Decision, Features
from .evidence import (DEFAULT, Gap, Reader, body_window, content_words, gap_evidence, language_shifts, pager, shift_points,
                       style_shifts, topic_profile, weights)
from .top import first_topic

# Thresholds: `Options` fields ``story_lookahead_words``, ``story_between_lines`` (a
# passed-over candidate just before a chosen boundary with a title leaves the lines between
# to neither story) and ``story_teaser_*`` (a teaser is a sentence, not a row of share
# buttons run together; "More stories" above a row of teasers is no title).


class Segment(list):
    """``[first kept position, title line, opening, teaser]``: a stretch of kept lines
    that may be a story (``opening``: how it opens, see `Reader.opening`; ``"teaser"``)."""


def teasers(r: Reader, kept: list[int], feats: list[Features],
            o: Options = DEFAULT, written: bool = False) -> dict[int, tuple[int, int | None]]:
    """The teasers: ``{first kept position: (positions it holds, its title line)}``.  A
    teaser is a body line of `Options.story_teaser_min_words` or more cut mid-sentence
    (`Features.cut`), under `Options.story_teaser_capitalised` capitalised words, not a
    list item (bulleted or numbered) nor hard-wrapped, once the document has had
    `Options.story_teaser_after_words` of body (or right after a teaser); it holds two
    positions under its own title (a headline of `Options.story_teaser_title_words` or
    more right above it with nothing between, or a line that long written in title case,
    `Options.story_teaser_capitalised` of its words capitalised and no closing
    punctuation, up to `Options.story_title_max_words` words: a title longer than a
    headline; a row of teasers goes on through it), else its title is such a headline right
    above it in the gap (skipping lines a catalogue pattern dropped that read as a heading
    or a meta line: a share row or a date between title and text; not a sentence the
    catalogue dropped, such as a page's disclosure).  A teaser comes right after one, opens with a dateline or kicker, or
    differs from the text before it (its window cosine with the teaser under
    `Options.story_teaser_cohesion`: a change of subject; the text read back to the last
    fixed boundary) when another follows, when it is the last kept line (or only the kept
    items of a list, bulleted or numbered, follow it) or under its own title, or, whatever its words, stands under such a headline of its own with another
    teaser after it (a related story on the subject of the story before).  A cut line of
    `Options.story_teaser_apart_words` or more with no title of its own whose cosines with
    the window of text before it and with the text after it are both under
    `Options.story_teaser_apart_cohesion` is a teaser whatever follows it (a teaser of
    another site set between two stories); unless ``written`` (text an extractor wrote,
    `segment`'s), only when it ends on a comma or a word in lower case (in a page's dump a
    paragraph may end on a signature or a place with no period) and the window of text after
    it shares less than `Options.story_topic_cohesion` (cosine) with the window before it
    (a teaser set into an article is followed by the rest of it).  Scanned by the compiled
    core (rust/src/story_teasers.rs)."""
    return r.teasers(kept, feats, (o.story_teaser_min_words, r.o.story_teaser_capitalised, r.o.story_teaser_title_words,
                                   r.o.story_teaser_after_words, o.story_teaser_cohesion, o.story_title_max_words,
                                   o.story_teaser_apart_cohesion, o.story_teaser_apart_words, o.story_topic_cohesion,
                                   written))


def choose(gaps: list[Gap], words: list[int], start: int, end: int,
           o: Options = DEFAULT, first: int | None = None) -> list[Gap]:
    """The boundaries among candidate ``gaps`` (in order, between kept positions ``start``
    and ``end``) that score most in all, each adding its score less
    `Options.story_boundary_score`, with at least `Options.story_min_words` body words
    between two and after the last (`Options.story_short_words` before a "headed" gap; the
    last one none when it opens with a head); ``first``: body words the story before the
    first boundary needs when it is on another subject (a short story at the top of a dump;
    none after a row of teasers in text an extractor wrote, see `segment`);
    ``words[c]``: body words of kept positions before ``c``.

    >>> g = lambda c, score, opening=None: Gap(c, None, opening, 0, 0, False, 0.1, 0.0, score)
    >>> words = [0, 10, 20, 80, 90, 160, 170, 240]
    >>> [x.c for x in choose([g(2, 3.5), g(3, 6.0), g(5, 4.0)], words, 0, 7)]
    [3, 5]
    >>> short_end = [0, 10, 20, 80, 90, 160, 170, 200]  # 30 words after position 6
    >>> [x.c for x in choose([g(2, 3.5), g(3, 6.0), g(6, 9.0)], short_end, 0, 7)]
    [3]
    """
    best = [0.0]  # best total with the last boundary at `ends[k]`
    ends = [start]
    at_words = [words[start]]
    back: list[int] = [-1]
    prefix = [0]  # index of the best total among ends[:k + 1]
    by_c = {g.c: g for g in gaps}
    for g in gaps:
        k = bisect_right(at_words, words[g.c] - _need(g, o)) - 1
        if k < 0 and first is not None and words[g.c] - words[start] >= first \
                and g.cohesion < o.story_topic_cohesion:
            k = 0  # a short first story on another subject
        if k < 0:
            continue
        p = prefix[k]
        best.append(best[p] + g.score - o.story_boundary_score + 1e-9)
        ends.append(g.c)
        at_words.append(words[g.c])
        back.append(p)
        prefix.append(len(best) - 1 if best[-1] > best[prefix[-1]] else prefix[-1])
    # The last story needs its body too (a closing paragraph or a comment is no story),
    # unless it opens with a head of its own (a dateline is read from the text: a notice
    # such as "NOTE: ..." reads as one too).
    last = [k for k in range(len(ends)) if k == 0 or words[end] - at_words[k] >= o.story_min_words
            or by_c[ends[k]].opening not in (None, "dateline")]
    chosen: list[Gap] = []
    k = max(last, key=lambda k: (best[k], -k))
    while k > 0:
        chosen.append(by_c[ends[k]])
        k = back[k]
    return chosen[::-1]


def segment(r: Reader, kept: list[int], feats: list[Features], o: Options = DEFAULT,
            heads_only: bool = False, written: bool = False) -> tuple[list[Segment], set[int]]:
    """The segments of the kept lines (see `Segment`) and the kept lines between two
    stories; ``heads_only``: a change of topic alone is no candidate (a gap needs a head
    or dropped lines); ``written``: the text reads as an extractor's (its blocks one a
    line or apart, `cleaner.extracted.extraction_layout`): after a row of teasers the
    first story's gap needs no body before it (the lines between are the teaser's page's
    dropped lines, no story; in a page's dump a row of teasers is followed by the page's
    tail, where the body a story needs still tells a story from the tail's lines); with
    ``heads_only`` too (one block a line) the text after the row is the next story
    (opening ``"topic"``) when it opens with a paragraph on other words than the row's and
    the story's before it (`_row_apart`; text whose blocks stand apart may close with the
    page's note on its author after a row); a chosen story's title may be the page's
    title above its headline (`_holding`; in a page's dump only one that holds the line
    right above the text); a chosen story with no head starts at the title above its
    lead when one stands right above the gap (`_led`); without ``heads_only``, each story
    between two chosen boundaries is read again on its own words (`refined`)."""
    title0, opening0 = _first_head(r, kept, feats, o)
    segs = [Segment([0, title0, opening0, False])]
    short = _top_words(r, kept, title0, o)
    teased, tail = _resumed(r, kept, teasers(r, kept, feats, o, written), o, written)
    text = _Text(r, kept, _topic(r, kept, o, heads_only, title0), body_words(r, kept), o, heads_only, written, title0)
    fixed = _fixed(r, kept, teased, o, heads_only)
    between: set[int] = set(tail)
    start, m = 0, len(kept)
    for end in sorted(fixed) + [m]:
        if start not in teased:  # a stretch of full text: its boundaries chosen in one go
            # after a row of teasers, the lines before the next story's gap are the page's,
            # no story that needs body of its own
            first = short if start == 0 else 0 if written and start in fixed else None
            opened, apart = _stretch(text, start, end, first, segs[-1][0])
            segs += opened
            between |= apart
        if end < m:
            segs.append(fixed[end])
        start = end
    return segs, between


def _resumed(r: Reader, kept: list[int], teased: dict[int, tuple[int, int | None]], o: Options,
             written: bool = False) -> tuple[dict[int, tuple[int, int | None]], list[int]]:
    """``teased`` (`teasers`) without the rows of teasers that are the page's own text
    going on, and the lines of those rows (they go to no story; text with no head after
    such a row goes on with the story before it):
    a row of at most `Options.story_teaser_resume_row` teasers, not at the top, none with
    a title of its own, that ends the text (not in text an extractor wrote, ``written``,
    whose lines at its end stay its story's) or is followed by text with no head
    (`gap_evidence`: no title, meta line, dateline or repeated headline), and whose
    content words share at least `Options.story_teaser_resume_cohesion` with the body
    before it (`Options.story_window_words` of it, read back from the row; `_shared`: the
    stopwords of each side's own language left out too): a blog
    post's last paragraphs cut mid-sentence, an appeal or a note of the page after its
    article; a teaser of another story differs in words from the text it follows."""
    if o.story_teaser_resume_cohesion > 1.0:
        return teased, []
    out, tail, m = dict(teased), [], len(kept)
    for row in teaser_rows(teased):
        c, after = row[0], row[-1] + teased[row[-1]][0]
        if not c or len(row) > o.story_teaser_resume_row or written and after >= m \
                or any(teased[x][1] is not None for x in row):
            continue
        if after < m:
            g = gap_evidence(r, kept, after, o=o)
            if g.opening is not None or g.title is not None:
                continue
        if _shared(r, body_window(r, kept, range(c - 1, -1, -1), o.story_window_words), kept[c:after]) \
                >= o.story_teaser_resume_cohesion:
            for x in range(c, after):
                out.pop(x, None)
            tail += kept[c:after]
    return out, tail


def _shared(r: Reader, a: list[int], b: list[int]) -> float:
    """The cosine of the content words of lines ``a`` and of lines ``b``, the stopwords of
    the language each side reads as (`guess_language`) left out too: in a dump of pages
    of several languages the page's stoplist leaves another language's function words in."""
    languages = (guess_language(" ".join(r.text(i) for i in side)) for side in (a, b))
    stops = r.stops.union(*(stopwords(code) for code in languages))
    return _cosine(_counts(r, a, stops), _counts(r, b, stops))


def teaser_rows(found: dict[int, tuple[int, int | None]], members=None) -> list[list[int]]:
    """The rows of teasers (``found``: `teasers`, first kept position -> positions it
    holds, title) among ``members`` (first kept positions; all of ``found`` when
    ``None``): the first positions of teasers one right after another, with no other kept
    line between them."""
    rows: list[list[int]] = []
    end = None
    for c in sorted(found if members is None else members):
        if c != end:
            rows.append([])
        rows[-1].append(c)
        end = c + found[c][0]
    return rows


@dataclass(frozen=True)
class _Text:
    """What `segment` reads once and each stretch of full text reads again: the reader,
    the kept positions, `topic_profile`'s answer (``topic``), the body words before each
    kept position (``words``: `body_words`), the options, `segment`'s ``heads_only`` and
    ``written``, and the first story's title line (``title0``)."""
    r: Reader
    kept: list[int]
    topic: tuple
    words: list[int]
    o: Options
    heads_only: bool
    written: bool
    title0: int | None


def _first_head(r: Reader, kept: list[int], feats: list[Features], o: Options) -> tuple[int | None, str | None]:
    """The first story's title line and opening (`Reader.opening`, read on the
    `Options.story_first_above_lines` content lines above the first kept line); with no
    title there, the document's first line when it is among them and is a headline of
    three words or more, just above the text; else the nearest of them that names the
    text (`_echoing_head`: a page's headline too long for a heading, or with a share row
    or a caption between it and the text)."""
    above = r.content[max(0, r.pos[kept[0]] - o.story_first_above_lines):r.pos[kept[0]]]
    title, opening = r.opening(kept[0], above)
    if title is None and above and above[0] == r.content[0] and r.headline(above[0]) \
            and feats[above[0]].words >= 3:
        title = above[0]  # the document's first line, a headline just above the text
    if title is None:
        title = _echoing_head(r, kept[0], -1, feats, o)
    return title, opening


def _echoing_head(r: Reader, line: int, floor: int, feats: list[Features], o: Options) -> int | None:
    """The nearest of the `Options.story_first_above_lines` content lines above the text
    that starts at ``line``, below content position ``floor`` (the last kept line of the
    story before; -1: none), that reads as its headline (lines a catalogue pattern
    dropped, a share row, a date, a byline's handle, are passed over and not counted; below
    a story, a line that repeats one above it is the page's, no title: the duplicate rule
    dropped it): 3
    to `Options.story_title_max_words` words, capitalised (`Reader.capitalised`), not a
    list item (bulleted or numbered: `Reader.bulleted`, `Reader.turn`), not a sentence
    ending in a full stop, sharing `Options.story_echo_shared` content words with the
    text's first `Options.story_echo_words` content words (a headline may hold a date:
    "Decisions of the assembly of Tuesday 10 September"; counted by the compiled core,
    ``Story.echoes`` in rust/src/story_opening.rs)."""
    seen, at = 0, r.pos[line]
    while seen < o.story_first_above_lines and at - 1 > floor:
        at -= 1
        i = r.content[at]
        if r.by_pattern[i]:
            continue
        seen += 1
        f, text = feats[i], r.text(i).rstrip()
        if not 3 <= f.words <= o.story_title_max_words or text.endswith((".", ",", ":", ";")) \
                or not r.capitalised(i) or r.bulleted(i) or r.turn(i) \
                or floor >= 0 and r.d[i].rule == "feature.duplicate":
            continue
        if r.core.echoes(i, line, o.story_echo_words, o.story_echo_shared):
            return i
    return None


def title_above_text(r: Reader, members: list[int], final: list[Decision], o: Options) -> int | None:
    """The title of a story with none (its ``members``, ``final`` the decisions after the
    stories were assembled): a headline above the first member it keeps, its first line of
    text, that names it (`_echoing_head`), below the last line kept before it; ``None``
    when no line there names it.  A story read from lines the main text block leaves out
    (a menu's) starts above its text, where its head was looked for; where its text
    starts at its first member, the search is the one made there and finds nothing new."""
    first = next((i for i in members if final[i].keep), None)
    if first is None:
        return None
    prev = next((i for i in range(first - 1, -1, -1) if final[i].keep), None)
    return _echoing_head(r, first, r.pos[prev] if prev is not None else -1, r.feats, o)


def _topic(r: Reader, kept: list[int], o: Options, heads_only: bool, title0: int | None) -> tuple:
    """`topic_profile`'s answer (prose, cosines, depths, names); outside text an extractor
    wrote (``heads_only``: one page's, whose edges are no story's) with the edges of the
    text mirrored (`edged`) and a short story at the top read whole (`first_topic`)."""
    prose, cos, depth, names = topic_profile(r, kept, o.story_affinity_weight)
    if not heads_only:
        depth = edged(cos, depth)
        cos, depth = first_topic(r, kept, prose, cos, depth, o, title0)
    return prose, cos, depth, names


def _top_words(r: Reader, kept: list[int], title0: int | None, o: Options) -> int | None:
    """The body words a first story at the top of the document needs
    (`Options.story_first_words`: a dump of stories may open with a short one), when its
    head or text starts within `Options.story_head_lines` content lines of the top; else
    ``None``."""
    top = r.pos[kept[0] if title0 is None else min(title0, kept[0])]
    return o.story_first_words if top <= o.story_head_lines else None


def _fixed(r: Reader, kept: list[int], teased: dict[int, tuple[int, int | None]], o: Options,
           heads_only: bool) -> dict[int, Segment]:
    """The fixed boundaries: the segment of each teaser (``teased``: `teasers`), and of
    the text after a row of them, opened as its gap says (`gap_evidence`) or, in text
    written one block a line (``heads_only``), by a change of topic (`_row_apart`)."""
    m = len(kept)
    fixed: dict[int, Segment] = {}
    for c, (size, title) in teased.items():
        fixed[c] = Segment([c, title, "teaser", True])
        after = c + size
        if after < m and after not in teased:
            g = gap_evidence(r, kept, after, o=o)
            # in text written one block a line, the text after the row that opens with a
            # paragraph on other words than the row's and the story's before it is the next
            # story's, though no head opens it
            apart = heads_only and g.opening is None and _row_apart(r, kept, teased, c, after, o)
            fixed[after] = Segment([after, g.title, "topic" if apart else g.opening, False])
    return fixed


def _stretch(t: _Text, start: int, end: int, first: int | None, last: int) -> tuple[list[Segment], set[int]]:
    """The stories of a stretch of full text (kept positions ``start`` to ``end``), chosen
    in one go (`choose` over the `_candidates` that `_settled` leaves; ``first``: its
    ``first``), and the kept lines it leaves to no story (`_between` a passed-over
    candidate and a chosen title; stray lines of a page's tail, see `_settled`);
    ``last``: the first kept position of the segment before the stretch."""
    r, kept, o = t.r, t.kept, t.o
    gaps = _candidates(r, kept, t.topic, start, end, o, t.heads_only, t.title0)
    stray: dict[int, list[int]] | None = None if t.heads_only else {}  # per gap, stray lines before it
    chosen = choose(_settled(r, kept, gaps, t.words, start, end, o, stray), t.words, start, end, o, first)
    if chosen and stray is not None and o.story_refine_paragraphs:  # not one block a line: each story read again
        chosen = refined(r, kept, t.topic, chosen, t.words, start, end, o, t.title0, stray, first)
    if t.heads_only and o.story_run_lines:  # one block a line: a story cut again after a run of furniture
        chosen = _after_run(t, chosen, start, end)
    at = {g.c for g in chosen}
    passed = [g for g in gaps if g.c not in at]
    segs: list[Segment] = []
    between: set[int] = set()
    for g in chosen:
        between.update(_between(r, kept, passed, g, t.words))
        between.update(stray.get(g.c, ()) if stray else ())
        segs.append(_opened(t, g, max(start, segs[-1][0] if segs else last), end))
    return segs, between


def _after_run(t: _Text, chosen: list[Gap], start: int, end: int) -> list[Gap]:
    """``chosen`` (the boundaries chosen between kept positions ``start`` and ``end`` in
    text an extractor wrote one block a line) with a boundary above each paragraph of body
    (`Options.prose_min_words` words or more, opening with a capital, not a list item)
    right below a run of the page's furniture (`_run`), when the window of body before the
    run and the window after it share a cosine under `Options.story_run_cohesion` and
    each side holds `Options.story_min_words` of body and `Options.story_run_paragraphs`
    paragraphs up to its boundary; the story takes the run's nearest headline below its
    last list item or dropped line as its title (and starts there) when its gap has none.
    Joined extracts set the next page's menu, breadcrumbs and tags between two articles,
    often kept as short lines that the topic windows read as paragraphs: the windows blur
    across them and the list test holds the gap shut; a box of links set into an article
    goes on with its words, a subheading stands alone, and a recommended story or a
    product's instructions under its list are a paragraph or two."""
    r, kept, o, words = t.r, t.kept, t.o, t.words
    edges = [start, *(g.c for g in chosen), end]
    more: list[Gap] = []
    for lo, hi in zip(edges, edges[1:]):
        last, paras = lo, None
        for c in range(lo + 1, hi):
            i = kept[c]
            if not (_paragraph(r, i, o) and r.capitalised(i)) or r.turn(i) \
                    or words[c] - words[last] < o.story_min_words or words[hi] - words[c] < o.story_min_words:
                continue
            run = _run(r, i, o)
            if run is None:
                continue
            before = bisect_left(kept, run[0]) - 1  # the kept position right above the run
            paras = paras or _paragraph_counts(r, kept, lo, hi, o)  # counted once a run is found
            if before < last or words[before + 1] - words[last] < o.story_min_words \
                    or min(paras[before + 1 - lo] - paras[last - lo], paras[hi - lo] - paras[c - lo]) \
                    < o.story_run_paragraphs:
                continue
            behind = body_window(r, kept, range(before, last - 1, -1), o.story_window_words)
            cos = r.cohesion.cosine_of(behind, body_window(r, kept, range(c, hi), o.story_window_words))
            if cos < o.story_run_cohesion:
                g = gap_evidence(r, kept, c, cos, since=before, o=o)
                more.append(g if g.title is not None or run[1] is None else g._replace(title=run[1]))
                last = c
    return sorted(chosen + more, key=lambda g: g.c) if more else chosen


def _run(r: Reader, line: int, o: Options) -> tuple[int, int | None] | None:
    """The first line of the run of furniture right above ``line`` (a content line), and
    its nearest headline below its last list item or dropped line (``None``: none): the
    content lines with letters above it, read upwards while each is a list item
    (bulleted; a numbered item or an interview's turn is an article's own), a line
    dropped or a headline whose first letter is no lower-case one (not a line of code),
    of at most `Options.story_title_max_words` words, that does not end like a sentence
    (".", "!", "?"); ``None`` unless the run holds a list item or a dropped line and at
    least `Options.story_run_lines` lines shorter than a paragraph
    (`Options.prose_min_words`): a menu's items, breadcrumbs, tags, a date (headlines
    alone are an article's subheadings)."""
    at, top, items, title = r.pos[line], None, 0, None
    listed = False
    while at > 0:
        at -= 1
        j = r.content[at]
        if not r.lettered[j]:
            continue
        furniture = r.bulleted(j) or not r.d[j].keep
        if not (furniture or r.headline(j) and not _lower(r.text(j))) or r.turn(j) \
                or r.feats[j].words > o.story_title_max_words or r.text(j).rstrip().endswith((".", "!", "?")):
            break
        if title is None and not (furniture or listed):
            title = j
        top, items, listed = j, items + (r.feats[j].words < o.prose_min_words), listed or furniture
    return (top, title) if top is not None and listed and items >= o.story_run_lines else None


def _paragraph_counts(r: Reader, kept: list[int], lo: int, hi: int, o: Options) -> list[int]:
    """Per kept position ``lo + k`` (``k`` from 0 to ``hi - lo``), how many paragraphs of
    body (`Options.prose_min_words` words or more, not a list item) lie from ``lo`` up to,
    not including, it."""
    counts = [0]
    for x in range(lo, hi):
        i = kept[x]
        counts.append(counts[-1] + _paragraph(r, i, o))
    return counts


def _paragraph(r: Reader, i: int, o: Options) -> bool:
    """Is kept line ``i`` a paragraph of body: `Options.prose_min_words` words or more, no
    list item?"""
    return r.body(i) and r.feats[i].words >= o.prose_min_words and not r.bulleted(i)


def _lower(text: str) -> bool:
    """Is the first letter of ``text`` a lower-case one (a line of code, a sentence going
    on; a script with no case has none)?"""
    return next((ch for ch in text if ch.isalpha()), "").islower()


def _opened(t: _Text, g: Gap, lo: int, end: int) -> Segment:
    """The segment a chosen gap ``g`` opens: its opening (a change of topic when it has
    none and its cohesion is under `Options.story_topic_cohesion`), its title (the gap's,
    else one over its meta line, `_over_meta`; the page's title above it when that is
    higher up, `_holding`; none when the gap holds no other head and the title's words go
    on with the text before rather than with the text after, `_support`: the page
    before's tail, a gallery's label) and its first kept position (`_head`; for a story
    with no head, the title above its lead, `_led`, looked for from kept position ``lo``
    to ``end``); a story with no title yet (and none set aside by `_support`) takes a
    headline above its text that names it, below the story before's last kept line
    (`_echoing_head`: a page's headline above its date, byline and tags); last, the
    headline of its head block above its first line is its title, the story starting
    there (`_head_block`; not above the first kept line after kept position ``lo``)."""
    r, kept, o = t.r, t.kept, t.o
    opening = g.opening or ("topic" if g.cohesion < o.story_topic_cohesion else None)
    title = g.title if g.title is not None else _over_meta(r, kept, g.c, o)
    held = _holding(r, kept, g.c, o, page=not t.written)
    title = held if held is not None and (title is None or held < title) else title
    behind = title is not None and title == g.title and g.opening is None and o.story_title_behind_cohesion >= 0 \
        and not any(r.meta(j) for j in _lettered(r, title, kept[g.c])) \
        and _support(r, kept, title, g.c, lo, end, o) < -o.story_title_behind_cohesion
    if behind:
        title, g = None, g._replace(title=None)  # the page before's tail above the text: no title
    head = _head(r, kept, g)
    if title is None and g.opening is None:  # a story with no head: its title above a lead?
        led = _led(r, kept, g.c, lo, end, o)
        if led is not None:
            head, title = led, kept[led]
    if title is None and not behind:  # a headline that names the text, among the lines above it
        title = _echoing_head(r, kept[head], r.pos[kept[head - 1]] if head else -1, r.feats, o)
    block = None if behind else _head_block(r, kept, head, title, lo, o)
    if block is not None:  # the story's headline above its head furniture
        title = block
        head = min(head, max(bisect_left(kept, block), lo + 1))
    return Segment([head, title, opening, False])


def _head_block(r: Reader, kept: list[int], head: int, title: int | None, lo: int, o: Options) -> int | None:
    """The headline of a story's head block, or ``None``: walking up from the story's
    first line (its ``title``, else its first kept line, kept position ``head``), not to
    the first kept line of the story before (kept position ``lo``), over at most
    `Options.story_head_block_lines` content lines that are a head's furniture (meta
    lines, a date of figures alone too: a date, a byline, "3 comments"; lines a catalogue
    pattern dropped, not counted: a photo credit, a "read aloud" button, tags; other
    lines of at most `Options.heading_max_words` words that are no body), the first line
    with a meta line below it in the run that prints the story's title again (a
    breadcrumb's last item: bullets and case aside) or is shaped as a headline
    (`_headline_shaped`) and shares `Options.story_head_block_shared` different content
    words with the text's first `Options.story_meta_echo_words` content words
    (``Story.echoes``, rust/src/story_opening.rs; one word in common is often chance).
    None when a meta line stands right below the title (the story has its head; a
    headline and a date above it are a list's link).  The walk stops at body (the text
    of the story before) and at a longer line.  The story's real headline stands above
    its date, byline and credit, where the finder had taken the first paragraph, or a
    caption or deck under the head, for its start."""
    if o.story_head_block_lines <= 0:
        return None
    first = kept[head]
    top = first if title is None else min(title, first)
    if top < first and r.meta(r.content[r.pos[top] + 1]):
        return None  # a title right over its own meta line: a head (above it, a list's links and dates)
    at, floor, seen, meta = r.pos[top], r.pos[kept[lo]] if lo < head else -1, 0, False
    own = _folded(r, title) if title is not None else None
    while seen < o.story_head_block_lines and at - 1 > floor:
        at -= 1
        j = r.content[at]
        if r.meta(j):  # a date of figures alone too
            meta, seen = True, seen + 1
            continue
        if not r.lettered[j]:
            continue
        if r.by_pattern[j]:
            continue
        if meta and own and _folded(r, j) == own:
            return j  # the headline printed again above the head (a breadcrumb's last item)
        if meta and _headline_shaped(r, j, o) \
                and r.core.echoes(j, first, o.story_meta_echo_words, o.story_head_block_shared):
            return j
        if r.body(j) or r.feats[j].words > o.heading_max_words:
            return None  # the text of the story before, or a paragraph: no furniture of a head
        seen += 1
    return None


def _folded(r: Reader, i: int) -> str:
    """The case fold of line ``i``'s text from its first letter or digit on (no bullet)."""
    text = r.text(i).casefold()
    return text[next((k for k, ch in enumerate(text) if ch.isalnum()), len(text)):].rstrip()


def _headline_shaped(r: Reader, i: int, o: Options) -> bool:
    """Is line ``i`` shaped as a story's headline: 3 to `Options.heading_max_words`
    words, its first letter or digit a capital or a digit (after quotes of any kind:
    "„Title“ ..."), not a list item (bulleted or numbered: `Reader.bulleted`,
    `Reader.turn`), not a sentence ending in a full stop, a comma, a colon or a semicolon,
    before closing quotes or brackets (a question may be a headline), not a pager's link
    (`evidence.pager`: "← Previous post")?"""
    text = r.text(i).rstrip().rstrip("\"'’”»)]")
    lead = next((ch for ch in text if ch.isalnum()), "")
    return 3 <= r.feats[i].words <= o.heading_max_words and (lead.isupper() or lead.isdigit()) \
        and not r.bulleted(i) and not r.turn(i) and not text.endswith((".", ",", ":", ";")) \
        and not pager(r.text(i))


def _support(r: Reader, kept: list[int], title: int, c: int, lo: int, end: int, o: Options) -> float:
    """How much the text after the gap above kept position ``c`` supports ``title`` as
    its story's title: the cosine of the content words of the title and of the gap's
    lines with letters below it with the window of body after the gap (to ``end``), less
    their cosine with the window of body before it (from kept position ``lo``)."""
    if not lo < c or title >= kept[c]:
        return 0.0
    head = _counts(r, [title, *_lettered(r, title, kept[c])])
    ahead = _cosine(head, _counts(r, body_window(r, kept, range(c, end), o.story_window_words)))
    behind = _cosine(head, _counts(r, body_window(r, kept, range(c - 1, lo - 1, -1), o.story_window_words)))
    return ahead - behind


def _counts(r: Reader, lines: list[int], stops: frozenset[str] | None = None) -> Counter[str]:
    """The counts of the `content_words` of ``lines`` (read with ``stops``; None: the
    page's stoplist)."""
    stops = r.stops if stops is None else stops
    return Counter(w for i in lines for w in content_words(r.text(i), stops))


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    """The cosine of two word counts (0.0 when either is empty)."""
    dot = sum(n * b[w] for w, n in a.items() if w in b)
    return dot / math.sqrt(sum(n * n for n in a.values()) * sum(n * n for n in b.values())) if dot else 0.0


def refined(r: Reader, kept: list[int], topic: tuple, chosen: list[Gap], words: list[int], start: int, end: int,
            o: Options, title0: int | None, stray: dict[int, list[int]], first: int | None) -> list[Gap]:
    """``chosen`` (the boundaries chosen between kept positions ``start`` and ``end``) with
    the boundaries found when each story between two of them is read again on its own
    words: its gaps' cosines are those of all its paragraphs of body before the gap with
    all those after it (`halves`), their depth is read from those (`edged`), and its gaps
    with no head, above a paragraph of `Options.prose_min_words` words or more (a label
    is no paragraph) that `Options.story_refine_paragraphs` paragraphs of body follow up
    to the next boundary and that leave the story before them at least as many body words
    as the one after them, are candidates chosen as the first reading chose (`choose`;
    ``first``: its argument for the story at ``start``), of two chosen fewer than
    `Options.story_refine_paragraphs` paragraphs apart the one with more evidence.  The windows of the first
    reading reach across a boundary, so a short story between two others, or at the end,
    is seen blurred with its neighbour; the head evidence was weighed in the first
    reading and is not weighed again.  Only where a boundary was chosen: a single
    story's text is read once."""
    prose, cos, depth, names = topic
    edges = [start, *(g.c for g in chosen), end]
    more: list[Gap] = []
    for lo, hi in zip(edges, edges[1:]):
        inside = range(bisect_left(prose, lo), bisect_left(prose, hi))
        if len(inside) <= o.story_refine_paragraphs:
            continue
        own, deep = halves(r, [kept[prose[j]] for j in inside], o)
        cos2, depth2 = list(cos), list(depth)
        for k, j in enumerate(inside[1:], 1):
            cos2[j], depth2[j] = own[k], deep[k]
        gaps = [g for g in _candidates(r, kept, (prose, cos2, depth2, names), lo, hi, o, False, title0)
                if g.opening is None and r.feats[kept[g.c]].words >= o.prose_min_words
                and _paragraphs(prose, g.c, hi) >= o.story_refine_paragraphs
                and words[g.c] - words[lo] >= words[hi] - words[g.c]]
        found: list[Gap] = []
        for g in choose(_settled(r, kept, gaps, words, lo, hi, o, stray), words, lo, hi, o,
                        first if lo == start else None):
            if found and _paragraphs(prose, found[-1].c, g.c) < o.story_refine_paragraphs:
                if g.score > found[-1].score:  # two stories too short: the boundary with more evidence
                    found[-1] = g
                continue
            found.append(g)
        more += found
    return sorted(chosen + more, key=lambda g: g.c) if more else chosen


def _paragraphs(prose: list[int], lo: int, hi: int) -> int:
    """How many paragraphs of body (``prose``: their kept positions, in order) lie from
    kept position ``lo`` up to, not including, ``hi``."""
    return bisect_left(prose, hi) - bisect_left(prose, lo)


def halves(r: Reader, lines: list[int], o: Options) -> tuple[list[float | None], list[float]]:
    """Per paragraph of ``lines`` (body lines, in order), the cosine of the content words
    of all the paragraphs above the gap above it with all those from it on (``None`` where
    a side holds fewer than `Options.story_min_after_words`), and its depth score: how far
    it lies below the highest cosine reached climbing from it to either side while the
    cosines rise, with the edges mirrored (`edged`).  Counted in the compiled core in one
    pass: each paragraph moves from the side after the gaps to the side before."""
    cos, deep = r.cohesion.halves(lines, o.story_min_after_words)
    return cos, edged(cos, deep)


def body_words(r: Reader, kept: list[int]) -> list[int]:
    """Per kept position ``c`` (and one past the last), the body words of the kept
    positions before it (`Reader.body`, `Features.words`); counted by the compiled core,
    which counts them so for `_candidates` too (rust/src/story_candidates.rs)."""
    return r.core.body_words(kept)


def _need(g: Gap, o: Options) -> int:
    """The body words the story before the boundary at ``g`` must hold:
    `Options.story_short_words` when the gap holds the next story's whole head, else
    `Options.story_min_words` (the compiled core's ``need``)."""
    return _core.story_need(g.opening == "headed", o.story_min_words, o.story_short_words)


def _close(words: list[int], a: Gap, b: Gap, o: Options) -> bool:
    """Are the gaps ``a`` and ``b`` (``a`` first) too close together for both to stand:
    fewer body words between them (``words``: `body_words`) than the story before ``b``
    must hold (`_need`)?  The compiled core's ``close``, by which it also groups the gaps
    with new names after them (rust/src/story_candidates.rs)."""
    return _core.story_close(words[a.c], words[b.c], b.opening == "headed", o.story_min_words, o.story_short_words)


def _settled(r: Reader, kept: list[int], gaps: list[Gap], words: list[int], start: int, end: int,
             o: Options = DEFAULT, stray: dict[int, list[int]] | None = None) -> list[Gap]:
    """The candidate ``gaps`` of a stretch (kept positions ``start`` to ``end``) with each
    two too close together for both to stand (fewer body words between them than
    `choose` asks) settled into one where the lines between them say which side they
    belong to; the one left carries the higher score of the two, so that the choice is
    where the story starts, not whether.  The lines between open the later story (the
    earlier gap stands) when their content words share more with the text after them
    than with the text before (`_leads`: a short first paragraph, a lead, above the
    paragraphs it leads into), unless the later gap opens like a story itself (then
    both stay), save when its only head is a dateline, with no title, and the earlier
    gap has a title (a title, its lead, the page's furniture, a date and a byline, then
    the text opening with a dateline: one story's head); else they close the story
    before (the later gap stands) when the earlier gap's only head is a dateline over
    fewer than `Options.story_lead_words` of body (a one-line notice such as "NOTE: ..."
    or "DISCLOSURE: ..." reads as a dateline; a dateline opens a lead); else, when
    ``stray`` is given (not in text an extractor wrote), the later gap stands when the
    lines between are a stray line of a page's tail (`_stray`) and the body after it,
    up to the next candidate, holds `Options.story_min_words` (its story stands without
    them), and ``stray`` gets them under the later gap's position: they belong to neither story.
    Otherwise both stay and `choose` takes the one with more evidence.
    """
    out = list(gaps)
    k = 0
    while k + 1 < len(out):
        a, b = out[k], out[k + 1]
        if not _close(words, a, b, o):
            k += 1
            continue
        if _leads(r, kept, a.c, b.c, start, end, o):
            # a dateline below a title and its lead opens that story's text
            won = a if b.opening is None or (b.opening == "dateline" and b.title is None
                                             and a.title is not None) else None
        elif a.opening == "dateline" and words[b.c] - words[a.c] < o.story_lead_words:
            won = b
        elif stray is not None and _stray(r, kept, a.c, b.c, start, end, o) \
                and words[out[k + 2].c if k + 2 < len(out) else end] - words[b.c] >= o.story_min_words:
            won = b
            stray[b.c] = kept[a.c:b.c]
        else:
            won = None
        if won is None:
            k += 1
            continue
        out[k:k + 2] = [won._replace(score=max(a.score, b.score))]
    return out


def _stray(r: Reader, kept: list[int], c: int, after: int, start: int, end: int, o: Options) -> bool:
    """Are the body lines from kept position ``c`` to ``after`` a stray line of a page's
    tail between two stories: fewer than `Options.story_stray_max_words` words whose
    content words share at most `Options.story_stray_cosine` with the windows of body
    before them (from ``start``) and after them (to ``end``)?"""
    lines = _body_lines(r, kept, c, after)
    if not lines or sum(r.feats[i].words for i in lines) >= o.story_stray_max_words:
        return False
    ahead, behind = _sides(r, kept, lines, c, after, start, end, o)
    return ahead <= o.story_stray_cosine and behind <= o.story_stray_cosine


def _leads(r: Reader, kept: list[int], c: int, after: int, start: int, end: int, o: Options) -> bool:
    """Do the body lines from kept position ``c`` to ``after`` open the text after them:
    at least `Options.story_settle_words` content words sharing more with the window of
    body after them (to ``end``) than with the window before them (from ``start``), by
    `Options.story_settle_cohesion`?"""
    lines = _body_lines(r, kept, c, after)
    if sum(len(content_words(r.lines[i].text, r.stops)) for i in lines) < o.story_settle_words:
        return False
    ahead, behind = _sides(r, kept, lines, c, after, start, end, o)
    return ahead > behind + o.story_settle_cohesion


def _body_lines(r: Reader, kept: list[int], c: int, after: int) -> list[int]:
    """The body lines from kept position ``c`` to ``after`` (not included)."""
    return [kept[x] for x in range(c, after) if r.body(kept[x])]


def _lettered(r: Reader, a: int, b: int) -> list[int]:
    """The content lines with letters strictly between lines ``a`` and ``b`` (both
    content lines): a gap's lines, kept or dropped."""
    return [j for j in r.content[r.pos[a] + 1:r.pos[b]] if r.lettered[j]]


def _sides(r: Reader, kept: list[int], lines: list[int], c: int, after: int, start: int, end: int,
           o: Options) -> tuple[float, float]:
    """The cosines of ``lines`` (those from kept position ``c`` to ``after``) with the
    window of body after them (to ``end``) and with the window before them (from
    ``start``), each of `Options.story_window_words`."""
    ahead = r.cohesion.cosine_of(lines, body_window(r, kept, range(after, end), o.story_window_words))
    behind = r.cohesion.cosine_of(lines, body_window(r, kept, range(c - 1, start - 1, -1), o.story_window_words))
    return ahead, behind


def edged(cos: list[float | None], depth: list[float]) -> list[float]:
    """The depth scores of `topic_profile` with the edges of the judged text mirrored (as
    TextTiling treats a document's ends): a gap whose climb to one side runs into an edge
    (the start or end of the text, or a gap whose windows are too small to judge) before
    the cosines fall, while its climb to the other side does not, counts the rise of that
    other side on both sides when it is the larger.  Near the top of a dump the cosines
    of the first gaps are small (their windows hold few words), so a story that begins
    after a short first one would otherwise look shallow.  A climb walks from a gap while
    the cosines do not fall; computed by the compiled core (rust/src/story_edged.rs).

    >>> edged([None, 0.05, 0.0, 0.3, 0.4, 0.2], [0.0, 0.0, 0.45, 0.0, 0.0, 0.2])
    [0.0, 0.0, 0.8, 0.0, 0.0, 0.4]
    """
    return _core.edged(cos, depth)


def _candidates(r: Reader, kept: list[int], topic: tuple, start: int, end: int,
                o: Options, heads_only: bool, title0: int | None) -> list[Gap]:
    """The gaps above the paragraphs of body after kept position ``start`` and before
    ``end`` that score at least `Options.story_boundary_score`, each reaching up to the
    paragraph before (see `gap_evidence`; ``topic``: `topic_profile`'s answer), found by
    the compiled core (rust/src/story_candidates.rs); only the gaps kept become `Gap`
    records.  A gap whose text after it names other people and places than the text
    before (``topic``'s names: not under a subheading between sections of one article)
    and whose cosine is under `Options.story_names_cosine` scores
    `Options.story_names_weight` more; of gaps too close together for both to stand (`_close`), only one gets those
    points: the first from the first such gap on that opens like a story, else the one
    among them that scores most without them (the names tell that a story starts, not
    where).

    Each gap is read without the evidence that is none: a headline that repeats the title
    of the document's first story (``title0``: pages print their headline twice, above
    the lead and above the text) opens no new story, a title with a meta line begins like
    a title (a capital, a digit or a quote; not a separator such as "--- End of quote
    ---"), and only the dropped lines beyond those the stretch's gaps usually hold count
    in its score (the lower median of each, when there are `Options.story_usual_gaps` gaps
    or more: boilerplate set between most paragraphs tells no gap from another).  A change
    of topic alone does not cut off one last paragraph (a change of layout with it does:
    `layout`, another page's indentation, marks or language); no story opens at an item of a
    list (bulleted, numbered or a turn of an interview: "2. ...", "Q: ...") where the list
    goes on or follows its heading (the last line with letters above the gap is a list
    item, or a heading-like line right after one).  ``heads_only`` (text an extractor wrote): a
    gap with no head and no dropped line that holds kept lines (a subheading between two
    sections of one article) needs `Options.story_extracted_topic_score` more, unless
    the kept line right above the paragraph is heading-like and the section it heads (up
    to the next paragraph with kept lines above it) shares almost nothing with all the
    text above (cosine under `Options.story_extracted_fresh_cosine`, and under
    `Options.story_extracted_fresh_share` of its distinct content words occur above: the
    next story's title; a subheading's section goes on with the words and names above); a
    paragraph right after a paragraph (two articles' bodies joined) does not.  The depth
    weighs `Options.story_section_depth_weight`, not `Options.story_depth_weight`: in text
    an extractor wrote, at every gap; elsewhere across a gap that opens no story by its
    head and holds a kept headline (a subheading between two sections, whose subjects may
    differ), or above a line of fewer than `Options.prose_min_words` words (a label, no
    paragraph).  Outside text an extractor wrote, a gap where the indentation of the
    paragraphs of body changes (`shift_points`: the next page's article in a dump of
    pages) and the words change too (its cosine under `Options.story_indent_cosine`;
    a page's own blocks nest deeper and deeper where its markup leaves elements open)
    scores `Options.story_indent_weight` more, and one where the typography changes
    (`style_shifts`) `Options.story_style_weight` more (the larger of the two where both
    change: another page's text, told twice; see `layout`).  A gap with
    no head, or a title with a meta line only, is no candidate when all the content words
    of the stretch before it and after it share enough to be one article whose subject
    drifts (cosine at least `Options.story_whole_cohesion`, or
    `Options.story_whole_dropped_cohesion` when the gap holds dropped lines: an embed or a
    box of links set into an article; two stories of one site with boilerplate between
    them can share many words)."""
    prose, cos, depth, names = topic
    got = r.core.candidates(kept, prose, cos, depth, names, layout(r, kept, prose, cos, o, heads_only), start, end,
                            heads_only, title0, limits(o), weights(o))
    return list(map(Gap._make, got))


def layout(r: Reader, kept: list[int], prose: list[int], cos: list[float | None], o: Options,
           heads_only: bool) -> list[float]:
    """Per paragraph of body (``prose``, ``cos``: `topic_profile`'s), the points of the
    gap above it for another page's layout: `Options.story_indent_weight` where the
    indentation changes and the words change too (`shift_points`, a cosine under
    `Options.story_indent_cosine`), `Options.story_style_weight` where the typography
    changes (`style_shifts`), the larger where both do (each tells that another page's
    text starts there), and `Options.story_language_weight` more where the language
    changes (`language_shifts`: another site's page in another language, which holds up
    to the next gap with layout points or a headline, else a quote); none in text an
    extractor wrote (``heads_only``: one page's)."""
    points = [0.0] * len(prose)
    if heads_only:
        return points
    for j in shift_points(r, kept, prose, o):
        if cos[j] is not None and cos[j] < o.story_indent_cosine:
            points[j] = o.story_indent_weight
    lines = [kept[c] for c in prose]
    for j in style_shifts(r.core.marks(lines), cos, lambda j: r.feats[lines[j]].words, o):
        points[j] = max(points[j], o.story_style_weight)
    if o.story_language_weight:
        stops = {j for j, p in enumerate(points) if p}
        for j in language_shifts(r, kept, prose, cos, o, stops):
            points[j] += o.story_language_weight
    return points


def limits(o: Options) -> tuple:
    """The `Options` thresholds of `_candidates`, in the order the compiled core reads
    them (rust/src/story_candidates.rs, ``Limits``)."""
    return (o.story_above_lines, o.story_usual_gaps, o.story_boundary_score, o.story_extracted_topic_score,
            o.story_whole_cohesion, o.story_whole_dropped_cohesion, o.story_names_weight,
            o.story_names_cosine, o.story_min_words, o.story_short_words, o.story_extracted_fresh_cosine,
            o.story_extracted_fresh_share)


def _row_apart(r: Reader, kept: list[int], teased: dict[int, tuple[int, int | None]], c: int, after: int,
               o: Options) -> bool:
    """Is the text after the row of teasers whose last one starts at kept position ``c``
    (``teased``: `teasers`), from kept position ``after`` to the end, another
    story: it opens with a paragraph of body (`Options.prose_min_words` words or more;
    up to `Options.story_title_near` kept headlines above it, the next story's title and
    the page's lines set as headlines, are passed over; more are a list's items), and its
    window of body (`Options.story_window_words`) shares a cosine under
    `Options.story_topic_cohesion` both with the window of body before the row (the story
    the row follows) and with the row's own body (paragraphs ending in an ellipsis inside
    a collection of short texts are no row, each as apart as the next)?"""
    covered = {x for t, (size, _) in teased.items() for x in range(t, t + size)}
    first = c
    while first - 1 in covered:
        first -= 1
    lead = after
    while lead < min(len(kept), after + o.story_title_near) and not r.body(kept[lead]) and r.headline(kept[lead]):
        lead += 1  # the next story's title (and the page's lines set as headlines) right above its text
    if not (lead < len(kept) and r.body(kept[lead]) and r.feats[kept[lead]].words >= o.prose_min_words):
        return False
    before = body_window(r, kept, range(first - 1, -1, -1), o.story_window_words)
    ahead = body_window(r, kept, range(after, len(kept)), o.story_window_words)
    row = _body_lines(r, kept, first, after)
    return bool(before and row) and r.cohesion.cosine_of(ahead, before) < o.story_topic_cohesion \
        and r.cohesion.cosine_of(ahead, row) < o.story_topic_cohesion


def _led(r: Reader, kept: list[int], c: int, start: int, end: int, o: Options) -> int | None:
    """The kept position of the title of a story chosen at kept position ``c`` with no
    head, when its title and a short lead stand right above the gap: walking up from
    ``c`` (not to ``start``, the story before's first kept position) over kept lines
    with no other line with letters between them, body lines of fewer than
    `Options.story_lead_max_words` words in all and headlines (a picture's credit),
    the first headline of two words or more above a body line, when those body lines
    open the text after the gap rather than go on with the text before (`_leads`): a
    title, its lead and the lines under it are the next story's head, which the change
    of topic shows only at the paragraph after the lead."""
    p, words, body = c - 1, 0, None
    while p > start:
        i = kept[p]
        if _lettered(r, i, kept[p + 1]):
            return None  # a dropped line between: no head right above the text
        if r.body(i):
            words += r.feats[i].words
            if words >= o.story_lead_max_words:
                return None
            body = p
        elif r.headline(i):
            if body is not None and r.feats[i].words >= 2:
                return p if _leads(r, kept, body, c, start, end, o) else None
        else:
            return None
        p -= 1
    return None


def _holding(r: Reader, kept: list[int], c: int, o: Options, page: bool = False) -> int | None:
    """The page's title above a chosen story's headline: the first headline of the gap
    above kept position ``c`` (back to the last paragraph of body before it) that holds
    the text of a later line of the gap, of at least `Options.story_title_held_words`
    words, within `Options.story_repeat_reach` lines (the title of the page: its
    headline and the site's name, above the headline or above its subtitle, whatever
    the form of that line), or of which a later headline of the gap is a variant
    (`_variant`) within `Options.story_title_near` lines of the text (the page's title
    worded otherwise right above its headline; further up, two lines alike are items of
    a list).  ``page``: the text is a page's dump, not an extractor's (`segment`'s
    ``written`` false), where the page's furniture between stories holds lines of
    every kind: only a headline that holds the line right above the text counts.  With
    no body before it, the gap starts after the document's first kept line (``c`` is
    at least 1: a chosen gap lies after its stretch's first kept line)."""
    x = c - 1
    while x > 0 and not r.body(kept[x]):
        x -= 1
    gap = _lettered(r, kept[x], kept[c])
    folded: dict[int, str] = {}  # the case folds of the gap's lines read so far

    def fold(i: int) -> str:
        if i not in folded:
            folded[i] = r.text(i).casefold()
        return folded[i]

    for k, t in enumerate(gap):
        if not r.headline(t):
            continue
        for j in gap[k + 1:k + 1 + o.story_repeat_reach]:
            if r.feats[j].words >= o.story_title_held_words and len(fold(j)) < len(fold(t)) \
                    and fold(j) in fold(t) and (not page or r.letters_between(j, kept[c]) <= 1):
                return t
            if not page and r.headline(j) and r.distance(j, kept[c]) <= o.story_title_near and _variant(r, t, j, o):
                return t
    return None


def _variant(r: Reader, t: int, j: int, o: Options) -> bool:
    """Is line ``j`` a variant of the headline ``t``: of its distinct content words
    (`content_words`), at least `Options.story_title_held_words` and at least
    `Options.story_title_variant_share` of them occur in ``t``?"""
    own = set(content_words(r.lines[j].text, r.stops))
    shared = own & set(content_words(r.lines[t].text, r.stops))
    return len(shared) >= o.story_title_held_words and len(shared) >= o.story_title_variant_share * len(own)


def _over_meta(r: Reader, kept: list[int], c: int, o: Options) -> int | None:
    """The title of a chosen story whose gap (above kept position ``c``) holds a meta line
    but no headline: the line with letters right above the first meta line, when it reads
    as a title too long for a headline (no sentence ending, a capital or a digit first, at
    most `Options.story_title_max_words` words, no line a catalogue pattern dropped)."""
    gap = _lettered(r, kept[c - 1], kept[c]) if c else []
    first = next((k for k, j in enumerate(gap) if r.meta(j)), None)
    if not first:  # no meta line, or nothing above it in the gap
        return None
    t = gap[first - 1]
    f = r.feats[t]
    if f.terminal or r.meta(t) or r.by_pattern[t] or not r.capitalised(t) \
            or not o.heading_max_words < f.words <= o.story_title_max_words:
        return None
    return t


def _head(r: Reader, kept: list[int], g: Gap) -> int:
    """Where the story of a chosen gap starts: at its title when that is a kept line of
    the gap, else at the paragraph."""
    if g.title is not None and r.d[g.title].keep:
        c = g.c
        while c > 0 and kept[c - 1] >= g.title:
            c -= 1
        return c
    return g.c


def _between(r: Reader, kept: list[int], gaps: list[Gap], chosen: Gap, words: list[int]) -> list[int]:
    """Kept lines between a passed-over candidate and ``chosen`` (which has a title) when
    the candidate lies within ``story_lookahead_words`` body words and ``story_between_lines`` kept lines
    before it and is not a story's whole head itself."""
    if chosen.title is None:
        return []
    earlier = [g for g in gaps if chosen.c - r.o.story_between_lines <= g.c < chosen.c and g.opening != "headed"
               and words[chosen.c] - words[g.c] < r.o.story_lookahead_words]
    if not earlier:
        return []
    return kept[earlier[0].c:chosen.c]
