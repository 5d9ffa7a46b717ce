"""Where a chosen story starts, and its title.

For each gap `cleaner.stories.boundaries` chose (`opened`): the story starts at its title
when that is a kept line of the gap (`_head`; a title too long for a headline right above
the gap's first meta line counts too, `_over_meta`), its title the page's title above its
headline when the gap holds one (`_holding`: `Options.story_title_held_words`,
`Options.story_repeat_reach`, `Options.story_title_near`,
`Options.story_title_variant_share`), and the headline right above a title read over
a meta line that is the story's deck (`_over_deck`: `Options.story_deck_title_words`).
A gap with no head whose kept lines right above it
are a headline and a short lead that opens the text after it starts at that headline
(`_led`: `Options.story_lead_max_words`; `leads`, which the choice asks too, tells lines
that open the text after them).  A gap whose only head is its title starts at its text
when the title (with the gap's lines below it) shares more with the text before the gap
than with the text after it, by `Options.story_title_behind_cohesion` (`_support`: the
page before's tail, a gallery's label or the list of what its article featured, whose
last headline echoes a word of the next story).  A story with no title yet takes a
headline above its text that names it (`_echoing_head`; the first story's: `first_head`;
an untitled main story's: `title_above_text`).  Last, a chosen story's title and first
line is the headline of its head block when one stands above its first line
(`_head_block`: over at most `Options.story_head_block_lines` lines of a head's
furniture, meta lines and short lines, credits, buttons and tags that a catalogue pattern
dropped passed over uncounted, the first line shaped as a headline with a meta line below
it that names the text, or that prints its title again).  A story still with no title
starts at the headline left above its text (the story before's last line, or a line
dropped), over at most `Options.story_reach_back_lines` lines, when that names the text
below it more than the text above (`_reached_back`: a deck or a note under the
headline).  A story with no head, in a page's dump, starts at its first paragraphs above
the gap when they share more with its text than with the text before
(`_reached_up`: `Options.story_reach_up_lines`, `Options.story_reach_up_margin`).  Once every story
is chosen, a later story's title that the finder dropped and that names nothing of its
text gives way to the headline below it that does (`named_title`: a cookie box's heading
above a byline, the headline under it), and a later story's title that the
furniture between two stories (lines no story keeps) parts from its text and whose words
go on with the text before rather than with the text after (`unnamed_title`:
`Options.story_title_behind_cohesion`: the page before's tail read as a headline) gives
way: the story starts at its text.
"""

from __future__ import annotations

from bisect import bisect_left

from ..options import Options
from ..types import Decision, Features
from .evidence import Gap, Reader, body_lines, body_window, content_words, cosine, lines_words, pager, side_cosines, \
    word_counts


def opened(r: Reader, kept: list[int], g: Gap, lo: int, end: int, o: Options,
           written: bool) -> tuple[int, int | None, str | None, int | None]:
    """The first kept position, title and opening of the story a chosen gap ``g`` opens
    (``written``: the text reads as an extractor's, `cleaner.stories.boundaries.segment`'s):
    its opening (a change of topic when it has none and its cohesion is under
    `Options.story_topic_cohesion`), its title (the gap's,
    else one over its meta line, `_over_meta`; the headline above it when it is the
    story's deck, `_over_deck`; the page's title above it when that is
    higher up, `_holding`; none when the gap holds no other head and the title's words go
    on with the text before rather than with the text after, `_support`: the page
    before's tail, a gallery's label) and its first kept position (`_head`; for a story
    with no head, the title above its lead, `_led`, looked for from kept position ``lo``
    to ``end``); a story with no title yet (and none set aside by `_support`) takes a
    headline above its text that names it, below the story before's last kept line
    (`_echoing_head`: a page's headline above its date, byline and tags); last, the
    headline of its head block above its first line is its title, the story starting
    there (`_head_block`; not above the first kept line after kept position ``lo``); a
    story with no head in a page's dump starts at its first paragraphs above its gap
    (`_reached_up`).  Also returns the kept position where the story's text starts
    below the paragraphs so reached up (``None``: none were)."""
    opening = g.opening or ("topic" if g.cohesion < o.story_topic_cohesion else None)
    title = _over_deck(r, kept, g.c, g.title if g.title is not None else _over_meta(r, kept, g.c, o), g.opening, o)
    held = _holding(r, kept, g.c, o, page=not written)
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
    if title is None and not behind and _opens_titled(r, kept, head, o):
        title = kept[head]  # the story opens with its headline, the text right below it
    if title is None and not behind:  # its headline left above it: the story starts there
        back = _reached_back(r, kept, head, lo, end, o)
        if back is not None:
            title = back
            if r.d[back].keep:  # a line the story before kept as its last
                head = bisect_left(kept, back)
    below = None
    if o.story_reach_up_lines and not written and not behind and g.opening is None and head == g.c \
            and title is None:  # its first paragraphs, left to the story before
        up = _reached_up(r, kept, head, lo, end, o)
        if up is not None:
            head, below = up, head
    return head, title, opening, below


def _reached_up(r: Reader, kept: list[int], c: int, lo: int, end: int, o: Options) -> int | None:
    """The kept position where a story chosen at kept position ``c`` with no head (no
    title, no opening; a page's dump, not an extractor's text) starts
    when its first paragraphs stand above the gap: walking up over at most
    `Options.story_reach_up_lines` kept lines, not to the story before's first (kept
    position ``lo``), each a paragraph of body of `Options.prose_min_words` words or more
    (no list item: a label or a menu's item ends the walk), the highest from which the
    line itself and all the lines down to ``c`` share more with the window of body after
    ``c`` (to ``end``) than with the window before them, by `Options.story_reach_up_margin`
    (`side_cosines`); ``None`` when the line right above does not.  Where two stories
    meet with no head and no furniture between them, no gap at the later one's first
    paragraph may score enough to be a candidate: the boundary is chosen at a gap further
    down (its subheading, a caption), and its opening paragraphs, which go on with the
    text below and not with the text above, would be left to the story before."""
    best = None
    for p in range(c - 1, max(lo, c - 1 - o.story_reach_up_lines), -1):
        line = body_lines(r, kept, p, p + 1)
        if not line or r.feats[kept[p]].words < o.prose_min_words or r.bulleted(kept[p]):
            break  # no paragraph of body: a label, a menu's item
        leaning = all(ahead > behind + o.story_reach_up_margin
                      for ahead, behind in (side_cosines(r, kept, line, p, c, lo, end, o),
                                            side_cosines(r, kept, body_lines(r, kept, p, c), p, c, lo, end, o)))
        if not leaning:
            break
        best = p
    return best


def first_head(r: Reader, kept: list[int], feats: list[Features], o: Options) -> tuple[int | None, str | None]:
    """The first story's title line and opening (`Reader.opening`, read on the
    `Options.story_first_above_lines` content lines above the first kept line; the
    headline above a title over a meta line when that is the deck, `_over_deck`); with no
    title there, the document's first line when it is among them and is a headline of
    three words or more, just above the text; else the nearest of them that names the
    text (`_echoing_head`: a page's headline too long for a heading, or with a share row
    or a caption between it and the text)."""
    above = r.content[max(0, r.pos[kept[0]] - o.story_first_above_lines):r.pos[kept[0]]]
    title, opening = r.opening(kept[0], above)
    title = _over_deck(r, kept, 0, title, opening, o)
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


def _over_deck(r: Reader, kept: list[int], c: int, title: int | None, opening: str | None,
               o: Options) -> int | None:
    """The headline above a title read over a meta line (``opening`` ``"meta"``) when
    that title is the story's deck: the content line right above ``title`` (in the gap
    above kept position ``c``), a headline (`Reader.headline`: no list item, no meta line,
    no line a catalogue pattern dropped) of `Options.story_deck_title_words` words or more and fewer than ``title``'s,
    capitalised, no turn of a dialogue, that shares `Options.story_echo_shared` content
    words with the text's first `Options.story_meta_echo_words` (the previous page's last
    link above the next page's headline names nothing of its text); else ``title``.  A
    news page sets a longer line under its headline, the deck, right above the byline:
    the line read over the meta line is then the deck, its headline the line above it."""
    if opening != "meta" or title is None or o.story_deck_title_words <= 0 or r.pos[title] == 0:
        return title
    u = r.content[r.pos[title] - 1]
    if c and u <= kept[c - 1] or not r.lettered[u] or not r.headline(u) or r.turn(u) or not r.capitalised(u) \
            or not o.story_deck_title_words <= r.feats[u].words < r.feats[title].words:
        return title
    return u if r.core.echoes(u, kept[c], o.story_meta_echo_words, o.story_echo_shared) else title


def _holding(r: Reader, kept: list[int], c: int, o: Options, page: bool = False) -> int | None:
    """The page's title above a chosen story's headline: the first headline of the gap
    above kept position ``c`` (back to the last paragraph of body before it) that holds
    the text of a later line of the gap, of at least `Options.story_title_held_words`
    words, within `Options.story_repeat_reach` lines (the title of the page: its
    headline and the site's name, above the headline or above its subtitle, whatever
    the form of that line), or of which a later headline of the gap is a variant
    (`_variant`) within `Options.story_title_near` lines of the text (the page's title
    worded otherwise right above its headline; further up, two lines alike are items of
    a list).  ``page``: the text is a page's dump, not an extractor's
    (`cleaner.stories.boundaries.segment`'s ``written`` false), where the page's
    furniture between stories holds lines of every kind: only a headline that holds the line right above the text counts.  With
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


def _head(r: Reader, kept: list[int], g: Gap) -> int:
    """Where the story of a chosen gap starts: at its title when that is a kept line of
    the gap, else at the paragraph."""
    if g.title is not None and r.d[g.title].keep:
        c = g.c
        while c > 0 and kept[c - 1] >= g.title:
            c -= 1
        return c
    return g.c


def _led(r: Reader, kept: list[int], c: int, start: int, end: int, o: Options) -> int | None:
    """The kept position of the title of a story chosen at kept position ``c`` with no
    head, when its title and a short lead stand right above the gap: walking up from
    ``c`` (not to ``start``, the story before's first kept position) over kept lines
    with no other line with letters between them, body lines of fewer than
    `Options.story_lead_max_words` words in all and headlines (a picture's credit),
    the first headline of two words or more above a body line, when those body lines
    open the text after the gap rather than go on with the text before (`leads`): a
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
                return p if leads(r, kept, body, c, start, end, o) else None
        else:
            return None
        p -= 1
    return None


def leads(r: Reader, kept: list[int], c: int, after: int, start: int, end: int, o: Options) -> bool:
    """Do the body lines from kept position ``c`` to ``after`` open the text after them:
    at least `Options.story_settle_words` content words sharing more with the window of
    body after them (to ``end``) than with the window before them (from ``start``), by
    `Options.story_settle_cohesion`?"""
    lines = body_lines(r, kept, c, after)
    if sum(len(content_words(r.lines[i].text, r.stops)) for i in lines) < o.story_settle_words:
        return False
    ahead, behind = side_cosines(r, kept, lines, c, after, start, end, o)
    return ahead > behind + o.story_settle_cohesion


def _support(r: Reader, kept: list[int], title: int, c: int, lo: int, end: int, o: Options) -> float:
    """How much the text after the gap above kept position ``c`` supports ``title`` as
    its story's title: the cosine of the content words of the title and of the gap's
    lines with letters below it with the window of body after the gap (to ``end``), less
    their cosine with the window of body before it (from kept position ``lo``)."""
    if not lo < c or title >= kept[c]:
        return 0.0
    return _leaning(r, kept, [title, *_lettered(r, title, kept[c])], c, c, lo, end, o)


def _leaning(r: Reader, kept: list[int], lines: list[int], c: int, above: int, lo: int, end: int,
             o: Options) -> float:
    """How much more the content words of ``lines`` share with the window of body from
    kept position ``c`` on (to ``end``) than with the window of body above kept position
    ``above`` (up to kept position ``lo``), each of `Options.story_window_words`: the
    difference of the two cosines.  Counted here, not by the compiled core's cohesion,
    which counts kept lines only: a headline may be a line no story keeps."""
    words = word_counts(r, lines)
    ahead = cosine(words, word_counts(r, body_window(r, kept, range(c, end), o.story_window_words)))
    behind = cosine(words, word_counts(r, body_window(r, kept, range(above - 1, lo - 1, -1), o.story_window_words)))
    return ahead - behind


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
    own = r.folded(title) if title is not None else None
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
        if meta and own and r.folded(j) == own:
            return j  # the headline printed again above the head (a breadcrumb's last item)
        if meta and _headline_shaped(r, j, o) \
                and r.core.echoes(j, first, o.story_meta_echo_words, o.story_head_block_shared):
            return j
        if r.body(j) or r.feats[j].words > o.heading_max_words:
            return None  # the text of the story before, or a paragraph: no furniture of a head
        seen += 1
    return None


def _reached_back(r: Reader, kept: list[int], head: int, lo: int, end: int, o: Options) -> int | None:
    """The headline of a story with no title left above its first kept line (kept
    position ``head``), that the story before kept as its last line or that the finder
    dropped: walking up over at most `Options.story_reach_back_lines` content lines with
    letters (lines a catalogue pattern dropped and a line printed again are passed over
    uncounted), not to the first kept line of the story before (kept position ``lo``),
    each of at most `Options.heading_max_words` words (a deck, a note on where the text
    appeared first; a meta line ends the walk: a head's, `_head_block`'s), the nearest
    line shaped as a headline (`_headline_shaped`, of `Options.story_reach_back_words` to
    `Options.story_title_max_words` words, no body unless printed again right below it)
    that names the text: shares with the text's first `Options.story_echo_words` content
    words (``Story.echoes``) `Options.story_reach_back_shared` different content words
    when the story before kept it right above the text or above its deck alone (lines
    that share a content word with it), else `Options.story_echo_shared` (one word in
    common with a dropped line, a link, is often chance); and shares more with the window of body after it than
    with the window before it (`Options.story_window_words` each): a headline names the
    text below it, not the text above.  The story then starts at that line.  ``None``
    when no line does."""
    if o.story_reach_back_lines <= 0:
        return None
    first = kept[head]
    at, floor, seen = r.pos[first], r.pos[kept[lo]] if lo < head else -1, 0
    between: list[int] = []  # the counted lines passed over
    again: set[str] = set()  # the case folds of the lines printed again passed over
    while seen < o.story_reach_back_lines and at - 1 > floor:
        at -= 1
        j = r.content[at]
        if r.lettered[j] and r.d[j].rule == "feature.duplicate":
            again.add(r.folded(j))  # a line printed again: a headline's second print
            continue
        if not r.lettered[j] or r.by_pattern[j]:
            continue
        if r.meta(j):
            return None  # a head's meta line: the head block's (`_head_block`)
        shaped = _headline_shaped(r, j, o, o.story_title_max_words) \
            and r.feats[j].words >= o.story_reach_back_words and (not r.body(j) or r.folded(j) in again)
        if r.feats[j].words > o.heading_max_words and not shaped:
            return None  # a paragraph: the text of the story before
        seen += 1
        if shaped:
            own = lines_words(r, [j])
            deck = r.d[j].keep and all(lines_words(r, [i]) & own for i in between)
            least = o.story_reach_back_shared if deck else o.story_echo_shared
            if r.core.echoes(j, first, o.story_echo_words, least):
                if bisect_left(kept, j) <= lo:
                    return None  # the story before's first line: its own headline
                return j if _leaning(r, kept, [j], head, bisect_left(kept, j), lo, end, o) > 0 else None
        between.append(j)
    return None


def named_title(r: Reader, kept: list[int], head: int, title: int | None, o: Options) -> int | None:
    """The title of a later story (first kept line at kept position ``head``) once its
    head is read: a ``title`` that the finder dropped, above that line, read over a meta
    line (the first line below it but those a catalogue pattern dropped), that names
    nothing of the text (shares no content word with its first
    `Options.story_echo_words`: a page's furniture read as a headline, a cookie box's
    heading above the story's byline) gives way to the story's headline below it, above
    the text (`_headline_below`: under the furniture between two stories); else
    ``title``."""
    first = kept[head]
    if title is None or title >= first or r.d[title].keep:
        return title
    below = next((j for j in r.content[r.pos[title] + 1:r.pos[first]] if r.meta(j) or r.lettered[j] and not r.by_pattern[j]),
                 first)
    if not r.meta(below) or r.core.echoes(title, first, o.story_echo_words, 1):
        return title
    headline = _headline_below(r, title, first, o)
    return title if headline is None else headline


def _headline_below(r: Reader, title: int, first: int, o: Options) -> int | None:
    """The story's own headline between a title that gives way (line ``title``) and the
    text's first line ``first``: the first line between them shaped as a headline
    (`_headline_shaped`, of up to `Options.story_title_max_words` words, no meta line, no
    line a catalogue pattern dropped) that shares `Options.story_echo_shared` content
    words with the text's first `Options.story_echo_words` (``Story.echoes``); ``None``
    when no line there does (`named_title`, `unnamed_title`)."""
    for j in r.content[r.pos[title] + 1:r.pos[first]]:
        if r.lettered[j] and not r.by_pattern[j] and not r.meta(j) \
                and _headline_shaped(r, j, o, o.story_title_max_words) \
                and r.core.echoes(j, first, o.story_echo_words, o.story_echo_shared):
            return j
    return None


def unnamed_title(r: Reader, kept: list[int], head: int, title: int | None, lo: int, end: int,
                  o: Options) -> tuple[int, int | None] | None:
    """Where a later story starts when its ``title`` belongs to the page before: a title
    kept as the story's first kept line (kept position ``head``; the text from the next
    kept line) or dropped above it (the text from it), lines with letters that no story
    keeps standing between the title and the text (the furniture between two stories: a
    box's links, an appeal, the title printed again; not meta lines alone, a byline and a
    date under a headline being the story's own head), whose content words share more
    with the window of body above it (from kept position ``lo``, the story before's
    first) than with the window of body from the text on (to kept position ``end``, the
    next story's), by more
    than `Options.story_title_behind_cohesion` (`_leaning`, `Options.story_window_words`
    each): the page before's tail read as a headline (a box's label over its author's
    note, a link to its own next post), the text's lines below the furniture.  The story
    then starts at its text: the kept position returned, its title the story's own
    headline under the furniture (`_headline_below`), else none.  ``None``: the title
    stands."""
    if o.story_title_behind_cohesion < 0 or title is None:
        return None
    if kept[head] == title:
        text = head + 1
    elif title < kept[head] and not r.d[title].keep:
        text = head
    else:
        return None
    if text >= end:
        return None
    first = kept[text]
    lines = r.content[r.pos[title] + 1:r.pos[first]]
    gap = [j for j in lines if r.lettered[j] and not r.d[j].keep]
    if not gap or all(r.meta(j) for j in gap) \
            or _leaning(r, kept, [title], text, bisect_left(kept, title), lo, end, o) >= -o.story_title_behind_cohesion:
        return None  # no furniture between, or the story's own head: a headline over its byline and date
    return text, _headline_below(r, title, first, o)


def lone_title(r: Reader, kept: list[int], head: int, lo: int, end: int, o: Options) -> int | None:
    """The title of a teaser with none (its first kept line at kept position ``head``; the
    story before from kept position ``lo``, the text after to ``end``): the line right
    above its text, that the finder dropped or the story before kept as its last line
    (not its first), when it stands there alone as the teaser's headline.  Shaped as one:
    `Options.story_lone_title_words` to `Options.heading_max_words` words, its first
    letter or digit a capital or a digit, not in capitals alone, no list item, no meta
    line, no line a catalogue pattern dropped, no sentence ending in a full stop, a comma,
    a colon or a semicolon, no line cut short with an ellipsis (a link's label), no web
    address, no pager's link.  Alone: the line above it a paragraph longer than a heading
    (the text before; not a list item, a meta line, the page's furniture that a catalogue
    pattern dropped, a menu's last link or a button over a section's label, nor a short
    line: a list's links stand in a run); the text right below it a paragraph of body
    longer than it; the line not printed again below it (a page's label or a box's
    question printed over each story); its words naming the window of body above it
    (`Options.story_window_words`) no more than the window below it.  A teaser's text is
    a few sentences cut from its page: its headline ("A nightmare in the newsroom") often
    shares no word with it, and only its place between two texts tells it; ``None`` when
    no line stands so."""
    if o.story_lone_title_words <= 0:
        return None
    first, at = kept[head], r.pos[kept[head]]
    if at == 0:
        return None
    j = r.content[at - 1]
    if r.d[j].keep and not (head - 1 > lo and kept[head - 1] == j) or not _alone_shaped(r, j, o):
        return None
    if not r.body(first) or r.feats[first].words <= r.feats[j].words:
        return None
    u = r.content[at - 2] if at >= 2 else None
    if u is None or r.meta(u) or not r.lettered[u] or r.by_pattern[u] or r.bulleted(u) \
            or r.feats[u].words <= o.heading_max_words:
        return None  # under the page's furniture, a list's links: a section's label, a link
    if r.last_printed.get(r.folded(j), -1) >= at:
        return None  # printed again below the text: the page's label, a box's question
    return j if _leaning(r, kept, [j], head, head, lo, end, o) >= 0 else None


def _alone_shaped(r: Reader, i: int, o: Options) -> bool:
    """Is line ``i`` shaped as a short headline standing alone (`lone_title`)?"""
    if not r.lettered[i] or r.by_pattern[i] or r.meta(i) \
            or not _headline_shaped(r, i, o, least=o.story_lone_title_words):
        return False
    text = r.text(i).rstrip()
    return not text.isupper() and not text.rstrip("\"'’”»)]").endswith("…") and "://" not in text


def _opens_titled(r: Reader, kept: list[int], head: int, o: Options) -> bool:
    """Is the first kept line of a story with no title (kept position ``head``) its
    headline: shaped as one (`_headline_shaped`, of up to `Options.story_title_max_words`
    words), with the next kept line a paragraph of body longer than it, right below it or below
    at most `Options.story_head_block_lines` meta lines (a date, a byline, "45 replies")
    and lines a catalogue pattern dropped?  Not a line in capitals alone (a box's call:
    "JOIN THE LIST!"); one longer than `Options.heading_max_words` words shares
    `Options.story_echo_shared` content words with the text's first
    `Options.story_echo_words` (``Story.echoes``: a question of an interview names
    nothing of its answer's opening).  A story the finder opened at a short line over
    its text opens with its title."""
    if head + 1 >= len(kept):
        return False
    i, below = kept[head], kept[head + 1]
    at, seen = r.pos[i] + 1, 0
    while r.content[at] != below:  # over the head's meta lines and what a catalogue pattern dropped
        j = r.content[at]
        if r.lettered[j] and not r.meta(j) and not r.by_pattern[j] or seen >= o.story_head_block_lines:
            return False
        at, seen = at + 1, seen + 1
    if not r.body(below) or r.feats[below].words <= r.feats[i].words:
        return False
    if not _headline_shaped(r, i, o, o.story_title_max_words) or r.text(i).isupper() or r.meta(i):
        return False
    return r.feats[i].words <= o.heading_max_words or r.core.echoes(i, below, o.story_echo_words, o.story_echo_shared)


def _headline_shaped(r: Reader, i: int, o: Options, most: int | None = None, least: int = 3) -> bool:
    """Is line ``i`` shaped as a story's headline: ``least`` to ``most`` (by default
    `Options.heading_max_words`) words, its first letter or digit a capital or a digit
    (after quotes of any kind: "„Title“ ..."), not a list item (bulleted or numbered: `Reader.bulleted`,
    `Reader.turn`), not a sentence ending in a full stop, a comma, a colon or a semicolon,
    before closing quotes or brackets (a question may be a headline), not a pager's link
    (`evidence.pager`: "← Previous post")?"""
    text = r.text(i).rstrip().rstrip("\"'’”»)]")
    lead = next((ch for ch in text if ch.isalnum()), "")
    most = o.heading_max_words if most is None else most
    return least <= r.feats[i].words <= most and (lead.isupper() or lead.isdigit()) \
        and not r.bulleted(i) and not r.turn(i) and not text.endswith((".", ",", ":", ";")) \
        and not pager(r.text(i))


def _lettered(r: Reader, a: int, b: int) -> list[int]:
    """The content lines with letters strictly between lines ``a`` and ``b`` (both
    content lines): a gap's lines, kept or dropped."""
    return [j for j in r.content[r.pos[a] + 1:r.pos[b]] if r.lettered[j]]
