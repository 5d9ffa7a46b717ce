"""Story boundaries: one scored choice of where the stories of a dump begin.

`segment` reads the kept lines.  The teasers and the line after a row of them are fixed
boundaries (`cleaner.stories.teasers`; in text an extractor wrote, the first story after
a row needs no body before its gap: the lines between are the teaser's page's, no story).
Between them, every gap carries the evidence of `cleaner.stories.evidence` (in a dump, its
depth score with the edges of the judged text mirrored, `edged`, and a first gap near the
top read on all the paragraphs above it, `cleaner.stories.top`); the full stories are the
one choice of boundaries over the whole stretch that scores most (`choose`), each
boundary adding its evidence less `Options.story_boundary_score`, under one constraint: a
story holds `Options.story_min_words` of body before the next one starts, and the last
one after it (none for a teaser whole as it is, one line of body cut mid-sentence between
two candidates, `_lone`; `Options.story_short_words` before a story whose gap is its whole
head: a title, a meta line, the text; `Options.story_first_words` for a first story at
the top of the document when the topic changes; `Options.story_short_words` before a strong gap,
`Options.story_first_strong_score`, below a first story that holds a lead, `_led`).  The
choice is a dynamic programme over the
candidate gaps (`_candidates`, linear after sorting), not a loop that patches earlier
choices: two candidates too close together for both to stand are settled first by the
lines between them (`_settled`), else the one with more evidence stands; a long article
whose vocabulary drifts has no gap deep enough to pay for a boundary (a date or an
embed's caption can sit inside an article).  Head evidence that is none is set aside
first; a last story opened by a dateline needs its body like one with no head (a notice
such as "NOTE: ..." reads as a dateline).  Where each chosen story starts, and its title,
is `cleaner.stories.opening`'s; kept lines between a passed-over candidate and the chosen
title just after it (a caption kept above the next story's title) go to neither story
(`_between`: `Options.story_lookahead_words`, `Options.story_between_lines`).  A chosen
story with no title starts at its text: its first kept lines, prose kept for its
sentences, with a line no story keeps right under them, that share no word with the text
after them (an author's box, a sidebar's teaser or an appeal of the page before, set in
the furniture between two stories) go to neither story when it stands as one of its own
(`_stray_head`: `Options.story_stray_head_lines`, `Options.story_stray_head_words`).
A later story's title above the furniture between two stories whose words go on with the
text before it goes to neither story, the story starting at its text
(`cleaner.stories.opening.unnamed_title`: `Options.story_title_behind_cohesion`).

Once a stretch's boundaries are chosen (outside text read as an extractor's, one block a
line), each story between two of them is read again on its own words (`refined`): a gap's
cosine is that of all the story's paragraphs before it with all those after it
(`halves`; the windows of the first reading reach across a boundary and blur a short
story with its neighbour), and a gap with no head that leaves the story before it at
least as long as the one after it (an article's opening may differ in words from its
body; a short story appended to a long one, or a page's tail, does not go on with it) and
that `Options.story_refine_paragraphs` paragraphs follow opens a story of its own.  In
text an extractor wrote one block a line, each story chosen is cut again below a run of
the page's furniture instead (`cleaner.stories.furniture`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection
from dataclasses import dataclass
from functools import cached_property
from itertools import islice
from typing import NamedTuple

from .. import _core
from ..options import Options
from ..types import Features
from .authorbox import boxed
from .comments import heedless, section
from .evidence import (DEFAULT, Gap, Reader, body_before, body_lines, body_window, gap_evidence,
                       language_shifts, lines_words, shift_points, side_cosines, style_shifts, topic_profile, weights)
from .furniture import after_run
from .numbered import entries, inside, sections
from .opening import first_head, leads, lone_title, named_title, opened, unnamed_title
from .series import serial
from .teasers import captions, gallery, resumed, row_apart, signed_off, teasers
from .top import first_topic


class Segment(list):
    """``[first kept position, title line, opening, teaser]``: a stretch of kept lines
    that may be a story (``opening``: how it opens, see `Reader.opening`; ``"teaser"``);
    ``stray``: the kept lines of its stray head (`_stray_head`), which go when it is a story
    of its own (`cleaner.stories.main.assemble`); ``below``: the kept position of its gap
    when its first paragraphs above it were reached up
    (`cleaner.stories.opening._reached_up`), which go back to the story before unless the
    story stands without them (`cleaner.stories.main._give_back`)."""

    stray: tuple[int, ...] = ()
    below: int | None = None


def segment_end(segs: list[Segment], s: int, m: int) -> int:
    """The kept position where segment ``s`` of ``segs`` ends (not its own): the next
    segment's first, else ``m``, the number of kept lines."""
    return segs[s + 1][0] if s + 1 < len(segs) else m


def segment(r: Reader, kept: list[int], feats: list[Features], o: Options = DEFAULT,
            heads_only: bool = False, written: bool = False, said: bool = False) -> tuple[list[Segment], set[int]]:
    """The segments of the kept lines (see `Segment`) and the kept lines between two
    stories; ``heads_only``: a change of topic alone is no candidate (a gap needs a head
    or dropped lines); ``written``: the text reads as an extractor's (its blocks one a
    line or apart, `cleaner.extracted.extraction_layout`): after a row of teasers the
    first story's gap needs no body before it (the lines between are the teaser's page's
    dropped lines, no story; in a page's dump a row of teasers is followed by the page's
    tail, where the body a story needs still tells a story from the tail's lines); with
    ``heads_only`` too (one block a line) the text after the row is the next story
    (opening ``"topic"``) when it opens with a paragraph on other words than the row's and
    the story's before it (`row_apart`; text whose blocks stand apart may close with the
    page's note on its author after a row); a chosen story's title may be the page's
    title above its headline (`cleaner.stories.opening._holding`; in a page's dump only
    one that holds the line right above the text); a chosen story with no head starts at
    the title above its lead when one stands right above the gap
    (`cleaner.stories.opening._led`); without ``heads_only``, each story between two
    chosen boundaries is read again on its own words (`refined`); ``said``: the caller
    says the text is an extractor's (one page's: no layout points, see `layout`)."""
    title0, opening0 = first_head(r, kept, feats, o)
    segs = [Segment([0, title0, opening0, False])]
    short = _top_words(r, kept, title0, o)
    teased, pictured = captions(r, kept, teasers(r, kept, feats, o, written), o)
    listed = entries(r, kept, o)  # a catalogue's numbered entries: no teasers, no story opens after the first
    if listed:
        teased = {c: t for c, t in teased.items() if not any(c in run for run in listed)}
        pictured = pictured.union(*(run[1:] for run in listed))
    teased, tail = resumed(r, kept, gallery(r, teased, o), o, written)
    text = _Text(r, kept, _topic(r, kept, o, heads_only, title0), body_words(r, kept), o, heads_only, written, title0,
                 pictured, said)
    fixed = _fixed(r, kept, teased, o, heads_only)
    between: set[int] = set(tail)
    start, m = 0, len(kept)
    for end in sorted(fixed) + [m]:
        if start not in teased:  # a stretch of full text: its boundaries chosen in one go
            # after a row of teasers, the lines before the next story's gap are the page's,
            # no story that needs body of its own
            first = short if start == 0 else 0 if written and start in fixed else None
            found, apart = _stretch(text, start, end, first, segs[-1][0], start == 0)
            segs += found
            between |= apart
        if end < m:
            segs.append(fixed[end])
        start = end
    for k, seg in enumerate(segs[1:], 1):  # a later story's headline under the furniture above it
        after = segment_end(segs, k, len(kept))
        if not seg[3]:
            moved = unnamed_title(r, kept, seg[0], seg[1], segs[k - 1][0], after, o)
            if moved is not None:  # the page's furniture read as its headline: no story's
                between.update(kept[seg[0]:moved[0]])
                seg[0], seg[1] = moved
            seg[1] = named_title(r, kept, seg[0], seg[1], o)
        elif seg[1] is None:  # a teaser's headline standing alone right above its text
            seg[1] = lone_title(r, kept, seg[0], segs[k - 1][0], after, o)
    return segs, between


@dataclass(frozen=True)
class _Text:
    """What `segment` reads once and each stretch of full text reads again: the reader,
    the kept positions, `topic_profile`'s answer (``topic``), the body words before each
    kept position (``words``: `body_words`), the options, `segment`'s ``heads_only`` and
    ``written``, the first story's title line (``title0``), the kept positions of a
    gallery's captions set in the page, where no story opens (``pictured``:
    `cleaner.stories.teasers.captions`), and `segment`'s ``said``."""
    r: Reader
    kept: list[int]
    topic: tuple
    words: list[int]
    o: Options
    heads_only: bool
    written: bool
    title0: int | None
    pictured: frozenset[int] = frozenset()
    said: bool = False

    @cached_property
    def shifts(self) -> Shifts:
        """The layout evidence of the paragraphs of body that no cosine changes
        (`shifts`), read once for every stretch and every story read again."""
        return shifts(self.r, self.kept, self.topic[0], self.o)

    @cached_property
    def points(self) -> list[float]:
        """`layout` of the document's paragraphs of body under ``topic``'s cosines, the
        same for each stretch: read once."""
        if self.said:  # one page's for certain: its layout tells no page from another
            return [0.0] * len(self.topic[0])
        return layout(self.r, self.kept, self.topic[0], self.topic[1], self.o, self.heads_only, self.shifts)


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
    written one block a line (``heads_only``), by a change of topic (`row_apart`)."""
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
            apart = heads_only and g.opening is None and row_apart(r, kept, teased, c, after, o)
            fixed[after] = Segment([after, g.title, "topic" if apart else g.opening, False])
    return fixed


def _stretch(t: _Text, start: int, end: int, first: int | None, last: int,
             top: bool = False) -> tuple[list[Segment], set[int]]:
    """The stories of a stretch of full text (kept positions ``start`` to ``end``), chosen
    in one go (`choose` over the `_candidates` that `_settled` leaves; ``first``: its
    ``first``), and the kept lines it leaves to no story (`_between` a passed-over
    candidate and a chosen title; stray lines of a page's tail, see `_settled`; a page's
    comments down to the next story chosen, `cleaner.stories.comments.section`);
    ``last``: the first kept position of the segment before the stretch."""
    r, kept, o = t.r, t.kept, t.o
    gaps = _candidates(r, kept, t.topic, start, end, o, t.heads_only, t.title0, t.points, t.pictured)
    stray: dict[int, list[int]] | None = None if t.heads_only else {}  # per gap, stray lines before it
    settled = _settled(r, kept, gaps, t.words, start, end, o, stray, _lone(r, kept, gaps, end, o, t.written))
    # the teasers' stories read again between the gaps left: settled, they have new neighbours
    short = _led(r, kept, settled, t.words, start, o, t.title0) if top and not t.heads_only else ()  # the document's first story
    chosen = choose(settled, t.words, start, end, o, first, short, _lone(r, kept, settled, end, o, t.written))
    if chosen and stray is not None and o.story_refine_paragraphs:  # not one block a line: each story read again
        chosen = refined(r, kept, t.topic, chosen, t.words, start, end, o, t.title0, stray, first, t.pictured,
                         t.shifts)
    if t.heads_only and o.story_run_lines:  # one block a line: a story cut again after a run of furniture
        chosen = after_run(r, kept, t.words, chosen, start, end, o)
    at = {g.c for g in chosen}
    passed = [g for g in gaps if g.c not in at]
    segs: list[Segment] = []
    between: set[int] = set()
    for k, g in enumerate(chosen):
        between.update(_between(r, kept, passed, g, t.words))
        between.update(stray.get(g.c, ()) if stray else ())
        head, title, opening, below = opened(r, kept, g, max(start, segs[-1][0] if segs else last), end, o,
                                             t.written)
        # a teaser whole as it is up to the next boundary (`_lone`) is a teaser's story
        after = chosen[k + 1].c if k + 1 < len(chosen) else end
        seg = Segment([head, title, opening, _whole_teaser(r, kept, g, after, o, t.written)])
        seg.below = below
        if title is None:  # a stray head above the text: the gap's furniture, when the story stands
            seg.stray = tuple(kept[head:_stray_head(r, kept, head, after, o)])
        segs.append(seg)
    between.update(section(r, kept, [s[0] for s in segs], at, start, end))  # a page's comments: no story's
    return segs, between


def _led(r: Reader, kept: list[int], gaps: list[Gap], words: list[int], start: int, o: Options,
         title0: int | None) -> set[int]:
    """The kept positions of ``gaps`` that may end the document's first story (from kept
    position ``start``) when it is short (`choose`'s ``short``): it holds a paragraph of
    body of `Options.story_lead_words` words or more above the gap (a story's lead, not a
    few lines of a page's menus kept as body); the gap does not open with a headline the
    page repeats (a page prints its headline above its photo and above its text: the lines
    above the second are that page's own); and no headline of the story (the document's
    first title, line ``title0``, and the headlines from `Options.story_head_lines` lines
    with letters above its first line down to its last) shares a content word with the
    window of body after the gap (`Options.story_window_words`): a headline names its
    text, and a deck above its article is no story of its own.  Only the gaps a story of
    fewer than `Options.story_min_words` body words ends at are read (``words``:
    `body_words`)."""
    lettered = list(islice((i for i in range(kept[start] - 1, -1, -1) if r.lettered[i]), o.story_head_lines))
    line = lettered[-1] if lettered else kept[start]  # the next line to read for headlines
    named = lines_words(r, [title0]) if title0 is not None else set()
    out, x, led = set(), start, False
    for g in gaps:
        if words[g.c] - words[start] >= o.story_min_words:
            break
        while x < g.c and not led:
            led = r.body(kept[x]) and r.feats[kept[x]].words >= o.story_lead_words
            x += 1
        named |= lines_words(r, [i for i in range(line, kept[g.c - 1] + 1) if r.headline(i)])
        line = max(line, kept[g.c - 1] + 1)
        if led and g.opening != "repeat" \
                and not named & lines_words(r, body_window(r, kept, range(g.c, len(kept)), o.story_window_words)):
            out.add(g.c)
    return out


def _lone(r: Reader, kept: list[int], gaps: list[Gap], end: int, o: Options, written: bool) -> frozenset[int]:
    """The kept positions of ``gaps`` (in order, of a stretch ending at kept position
    ``end``) whose story before, from the gap right before, is a teaser whole as it is
    (`_whole_teaser`) and whose own gap holds a head or dropped lines (a cut line right
    above a paragraph, nothing between, is a caption or a lead over its own text), and
    ``end`` when the text after the last gap is such a teaser.  Such a story is another
    story's first words cut off, whole as it is: it needs no `Options.story_min_words` of
    body (`choose`), and the gaps on either side of it are not settled into one
    (`_settled`).  Read on a stretch's candidates for `_settled`, then again on the gaps it
    leaves for `choose`, which links each gap to the one right before it among those:
    settling two gaps into one gives the gap after them a new one right before it."""
    if not o.story_teaser_story_lines or not gaps:
        return frozenset()
    out = {b.c for a, b in zip(gaps, gaps[1:])
           if (b.opening is not None or b.dropped) and _whole_teaser(r, kept, a, b.c, o, written)}
    if _whole_teaser(r, kept, gaps[-1], end, o, written):
        out.add(end)
    return frozenset(out)


def _whole_teaser(r: Reader, kept: list[int], g: Gap, after: int, o: Options, written: bool) -> bool:
    """Is the story from the gap ``g`` up to kept position ``after`` a teaser whole as
    it is: at most `Options.story_teaser_story_lines` lines of body, the last cut
    mid-sentence (`Features.cut`, and not ended before a bracketed aside:
    `cleaner.stories.teasers.signed_off`), of `Options.story_teaser_min_words` words or
    more but fewer than a story needs (`Options.story_min_words`), read as a sentence (under
    `Options.story_teaser_capitalised` of its words capitalised: no address, no row of
    names), whose words do not go on in the text after it (their cosine with the window
    of body after it under `Options.story_teaser_apart_cohesion`: not the standfirst above
    its own article's text)?  In a page's dump only under a headline of its own (the
    gap's title; a page's tail holds its appeals and blurbs cut the same way, with none),
    and with no text after it (the document's last lines) only in text an extractor wrote
    (``written``)."""
    c = g.c
    if not o.story_teaser_story_lines or not (written or g.title is not None):
        return False
    lines = body_lines(r, kept, c, after)
    if not lines or len(lines) > o.story_teaser_story_lines:
        return False
    last = r.feats[lines[-1]]
    if not (last.cut and o.story_teaser_min_words <= last.words < o.story_min_words
            and last.capitalised < o.story_teaser_capitalised):
        return False
    if signed_off(r, lines[-1], o):
        return False  # a paragraph signed after its last sentence: not cut
    if after >= len(kept):
        return written
    ahead, _ = side_cosines(r, kept, lines, c, after, 0, len(kept), o)
    return ahead < o.story_teaser_apart_cohesion


def _stray_head(r: Reader, kept: list[int], head: int, end: int, o: Options) -> int:
    """The kept position where the text of a story with no title, chosen to start at kept
    position ``head`` (before kept position ``end``, the next story's), begins: past its
    stray head, the first kept lines, at most `Options.story_stray_head_lines` of them and
    `Options.story_stray_head_words` words, each body of `Options.prose_min_words` words
    or more (a sentence, not a section's heading), that a line with letters no story keeps
    follows (the gap's furniture goes on below them), when none of them shares a content
    word with the text's first `Options.story_meta_echo_words` content words after them:
    an author's box, a sidebar's teaser or an appeal of the page before, kept for its
    sentences, above the furniture between two stories; else ``head`` (so too when the
    line with letters right above them, that no catalogue pattern dropped and no story
    keeps, shares a content word with the first of them: a paragraph under a headline
    that names it is a story of its own, a page's one paragraph)."""
    text = head + 1
    while text < end and text - head <= o.story_stray_head_lines:
        if any(r.lettered[j] and not r.d[j].keep for j in r.content[r.pos[kept[text - 1]] + 1:r.pos[kept[text]]]):
            break  # a dropped line under the head: the furniture of the gap
        text += 1
    if text >= end or text - head > o.story_stray_head_lines:
        return head
    run = kept[head:text]
    if any(not r.body(i) or r.feats[i].words < o.prose_min_words for i in run) \
            or sum(r.feats[i].words for i in run) > o.story_stray_head_words \
            or any(r.core.echoes(i, kept[text], o.story_meta_echo_words, 1) for i in run):
        return head
    above = next((j for j in reversed(r.content[:r.pos[run[0]]]) if r.lettered[j] and not r.by_pattern[j]), None)
    if above is not None and not r.d[above].keep \
            and r.core.names(above, run[0]):
        return head  # a paragraph under a headline that names it: a story of its own
    return text


def choose(gaps: list[Gap], words: list[int], start: int, end: int,
           o: Options = DEFAULT, first: int | None = None, short: Collection[int] = (),
           lone: Collection[int] = ()) -> list[Gap]:
    """The boundaries among candidate ``gaps`` (in order, between kept positions ``start``
    and ``end``) that score most in all, each adding its score less
    `Options.story_boundary_score`, with at least `Options.story_min_words` body words
    between two and after the last (`Options.story_short_words` before a "headed" gap; the
    last one none when it opens with a head); ``first``: body words the story before the
    first boundary needs when it is on another subject (a short story at the top of a dump;
    none after a row of teasers in text an extractor wrote, see `segment`); ``short``: the
    gaps (kept positions, `_led`) that may end the document's first story when it holds
    `Options.story_short_words` body words, if they score `Options.story_first_strong_score`
    and open with a head or a change of topic (cosine under `Options.story_topic_cohesion`);
    ``words[c]``: body words of kept positions before ``c``; ``lone``: the gaps (kept
    positions, `_lone`) whose story from the gap right before them is a teaser, which
    needs no body words of its own (``end`` among them: the text after the last gap is one).

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
    at: dict[int, int] = {}  # gap position -> its index in ``ends``
    for n, g in enumerate(gaps):
        # a teaser's story since the gap right before: that gap may be the last boundary
        q = at.get(gaps[n - 1].c) if n and g.c in lone else None
        k = bisect_right(at_words, words[g.c] - _need(g, o)) - 1
        if k < 0 and first is not None and words[g.c] - words[start] >= first \
                and g.cohesion < o.story_topic_cohesion:
            k = 0  # a short first story on another subject
        if k < 0 and g.c in short and o.story_first_strong_score and g.score >= o.story_first_strong_score \
                and (g.opening is not None or g.cohesion < o.story_topic_cohesion) \
                and words[g.c] - words[start] >= o.story_short_words:
            k = 0  # the document's short first story, ended by a strong gap
        if k < 0 and q is None:
            continue
        p = prefix[k] if k >= 0 else q
        if q is not None and best[q] > best[p]:
            p = q
        best.append(best[p] + g.score - o.story_boundary_score + 1e-9)
        at[g.c] = len(ends)
        ends.append(g.c)
        at_words.append(words[g.c])
        back.append(p)
        prefix.append(len(best) - 1 if best[-1] > best[prefix[-1]] else prefix[-1])
    # The last story needs its body too (a closing paragraph or a comment is no story),
    # unless it opens with a head of its own (a dateline is read from the text: a notice
    # such as "NOTE: ..." reads as one too).
    last = [k for k in range(len(ends)) if k == 0 or words[end] - at_words[k] >= o.story_min_words
            or by_c[ends[k]].opening not in (None, "dateline") or (end in lone and ends[k] == gaps[-1].c)]
    chosen: list[Gap] = []
    k = max(last, key=lambda k: (best[k], -k))
    while k > 0:
        chosen.append(by_c[ends[k]])
        k = back[k]
    return chosen[::-1]


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
             o: Options = DEFAULT, stray: dict[int, list[int]] | None = None,
             lone: Collection[int] = ()) -> list[Gap]:
    """The candidate ``gaps`` of a stretch (kept positions ``start`` to ``end``) with each
    two too close together for both to stand (fewer body words between them than
    `choose` asks) settled into one where the lines between them say which side they
    belong to; the one left carries the higher score of the two, so that the choice is
    where the story starts, not whether.  The lines between open the later story (the
    earlier gap stands) when their content words share more with the text after them
    than with the text before (`leads`: a short first paragraph, a lead, above the
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
    Otherwise both stay and `choose` takes the one with more evidence; so too when the
    story between them is a teaser whole as it is (``lone``: the later gaps' positions,
    `_lone`).
    """
    out = list(gaps)
    k = 0
    while k + 1 < len(out):
        a, b = out[k], out[k + 1]
        if not _close(words, a, b, o) or b.c in lone:
            k += 1
            continue
        if leads(r, kept, a.c, b.c, start, end, o):
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
    lines = body_lines(r, kept, c, after)
    if not lines or sum(r.feats[i].words for i in lines) >= o.story_stray_max_words:
        return False
    ahead, behind = side_cosines(r, kept, lines, c, after, start, end, o)
    return ahead <= o.story_stray_cosine and behind <= o.story_stray_cosine


def _candidates(r: Reader, kept: list[int], topic: tuple, start: int, end: int,
                o: Options, heads_only: bool, title0: int | None, points: list[float] | None = None,
                pictured: Collection[int] = ()) -> list[Gap]:
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
    them can share many words); where the gap holds no dropped lines, each line is read
    for it without the stopwords of its own language too (a dump of pages in several
    languages is read with one stoplist, the document's, and another language's function
    words, shared by all the pages in that language, would make two stories look like
    one).  A gap with no head of its own where a page's comments
    open (`cleaner.stories.comments.heedless`) is a candidate on its topic evidence alone.
    No story opens between two numbered sections of one article (`_unnumbered`), nor at
    the head of an item of a series whose form goes on across the gap (a product's price
    and the date of that price, a reference's links: `cleaner.stories.series`), nor where
    an author's box below an article goes on across the gap (a note on the author the
    catalogue dropped above the gap's first line and below it: `cleaner.stories.authorbox`).
    No story opens at a kept position of ``pictured`` either (a gallery's captions, a
    catalogue's entries after its first: `segment`).  ``points``: `layout`'s answer for
    ``topic``, when the caller has it."""
    prose, cos, depth, names = topic
    if points is None:
        points = layout(r, kept, prose, cos, o, heads_only)
    got = r.core.candidates(kept, prose, cos, depth, names, points, start, end,
                            heads_only, title0, limits(o), weights(o))
    gaps = heedless(r, kept, boxed(r, kept, serial(r, kept, _unnumbered(r, kept, list(map(Gap._make, got)), start, end, o), o), o))
    return [g for g in gaps if g.c not in pictured] if pictured else gaps


def _unnumbered(r: Reader, kept: list[int], gaps: list[Gap], start: int, end: int, o: Options) -> list[Gap]:
    """The ``gaps`` that fall inside no pair of an article's numbered sections
    (`numbered.inside`) of the lines from kept position ``start`` to ``end``; a gap
    reaches up to the line after the last line of body above its text (`body_before`),
    at most to the line after the stretch's first kept line."""
    if not gaps or o.story_item_reach <= 0:
        return gaps
    pairs = sections(r, kept[start], kept[end] if end < len(kept) else kept[-1] + 1, o)
    if not pairs:
        return gaps
    return [g for g in gaps
            if not inside(pairs, r.pos[max(body_before(r, kept, g.c), kept[start])] + 1, r.pos[kept[g.c]], o)]


class Shifts(NamedTuple):
    """What `layout` reads of the paragraphs of body that their cosines do not change:
    the paragraphs at whose gap the indentation changes (`shift_points`), and per
    paragraph the marks it uses (``Story.marks``) and its words."""

    indent: list[int]
    marks: bytes
    words: list[int]


def shifts(r: Reader, kept: list[int], prose: list[int], o: Options) -> Shifts:
    """The `Shifts` of the paragraphs of body at the kept positions ``prose``."""
    lines = [kept[c] for c in prose]
    feats = r.feats
    return Shifts(shift_points(r, kept, prose, o), r.core.marks(lines), [feats[i].words for i in lines])


def layout(r: Reader, kept: list[int], prose: list[int], cos: list[float | None], o: Options,
           heads_only: bool, seen: Shifts | None = None) -> list[float]:
    """Per paragraph of body (``prose``, ``cos``: `topic_profile`'s), the points of the
    gap above it for another page's layout: `Options.story_indent_weight` where the
    indentation changes and the words change too (`shift_points`, a cosine under
    `Options.story_indent_cosine`), `Options.story_style_weight` where the typography
    changes (`style_shifts`), the larger where both do (each tells that another page's
    text starts there), and `Options.story_language_weight` more where the language
    changes (`language_shifts`: another site's page in another language, which holds up
    to the next gap with layout points or a headline, else a quote).  In text read as an
    extractor's (``heads_only``: written one block a line, as one page's) only the
    indentation counts: an extractor writes its blocks flush, so blocks that nest at
    another indentation are another page's text laid out as it was, whether or not blank
    lines stand between the blocks (a dump of pages with no blank lines reads as text
    written one block a line); the typography and the language of one page's own text
    may change (a quoted passage, a reader's comment).  Text the caller says is an
    extractor's gets no points (`segment`'s ``said``).  ``seen``: `shifts` of ``prose``,
    when the caller has read them."""
    points = [0.0] * len(prose)
    if seen is None:
        seen = shifts(r, kept, prose, o)
    for j in seen.indent:
        if cos[j] is not None and cos[j] < o.story_indent_cosine:
            points[j] = o.story_indent_weight
    if heads_only:
        return points
    for j in style_shifts(seen.marks, cos, seen.words.__getitem__, o):
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


def body_words(r: Reader, kept: list[int]) -> list[int]:
    """Per kept position ``c`` (and one past the last), the body words of the kept
    positions before it (`Reader.body`, `Features.words`); counted by the compiled core,
    which counts them so for `_candidates` too (rust/src/story_candidates.rs)."""
    return r.core.body_words(kept)


def refined(r: Reader, kept: list[int], topic: tuple, chosen: list[Gap], words: list[int], start: int, end: int,
            o: Options, title0: int | None, stray: dict[int, list[int]], first: int | None,
            pictured: frozenset[int] = frozenset(), seen: Shifts | None = None) -> list[Gap]:
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
    story's text is read once; no story opens at a kept position of ``pictured`` (a
    gallery's captions, `cleaner.stories.teasers.captions`); ``seen``: `shifts` of the
    paragraphs of body, when the caller has read them."""
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
        points = layout(r, kept, prose, cos2, o, False, seen)
        gaps = [g for g in _candidates(r, kept, (prose, cos2, depth2, names), lo, hi, o, False, title0, points, pictured)
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
