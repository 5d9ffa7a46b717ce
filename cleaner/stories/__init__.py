"""Stories: where one story of a dump ends and the next begins, and which is the main one.

Dumps often hold more than one story: the page's article followed by the next article of
an infinite-scroll page, articles joined by a scraper, or a row of related-story teasers
cut mid-sentence.  The kept lines after stage 2 are read, also those that
`cleaner.blocks` dropped as lying outside the main text block (a later story is often
separated from the first by more boilerplate than one story holds inside it), and a
teaser in a language of its own that stage 1 dropped for its few stopwords (cut
mid-sentence, it was not measured in its own language; rule ``story.teaser_language``),
or one in a row of teasers whatever its stopwords (names and figures make them few; rule
``story.teaser_row``).

Evidence, then one choice: `evidence` reads each gap between kept lines (how the text
after it opens, what the gap holds, how the vocabulary changes across it); `teasers` finds
the teasers (those under one repeated label are one gallery); `comments` reads where a
page's comments open (no story's head there, and the comments belong to no story);
`boundaries` makes one scored choice of the full stories' boundaries over the
document between them, then reads each story between two chosen boundaries again on its
own words (`boundaries.refined`) or, in text an extractor wrote one block a line, cuts it
again below a run of the next page's furniture, a menu, breadcrumbs or tags between two
articles of other words (`furniture.after_run`); `opening` says where each chosen story
starts and what its title is; `main` turns the segments into stories and picks the main
one.  Imports run one way: `evidence` and `top` below `teasers`, `opening`, `furniture`
and `comments`, those below `boundaries`, and `main` above it.

**Titles.**  A story's title is the headline nearest its body that a meta line follows (a
longer headline up to three lines above it wins: a title above a kicker or a photo
credit; when neither shares a content word with the text's first
`Options.story_meta_echo_words`, they are another page's link and date: no title, no head
of a story; a longer one that shares none when the nearest does yields to it when at most
`Options.story_longer_yield_lines` lines stand between them: a link of the page before),
else the first of a repeated headline, else the nearest title-like headline
just above the body (between two stories, one that shares `Options.story_echo_shared`
content words with the text, or one in its first line: a single word in common further
down is often chance, a link of the page before); a chosen story with a meta line above its body but no headline takes
the line right above that meta line when it reads as a title too long for a headline
(`Options.story_title_max_words`); a chosen story with no title yet takes the nearest of
the `Options.story_first_above_lines` lines above its text (as far as the story before's
last kept line) that names it (`opening._echoing_head`: a capitalised line sharing
`Options.story_echo_shared` content words with the text's first
`Options.story_echo_words`; a page's headline above its date, byline and tags); so does
the main story with no title then, above its first line of text, below the last line
kept before it (`opening.title_above_text`: a story read from lines the main text
block leaves out, a menu's, starts there, its headline above its text).  Last, a
chosen story's head block: above its first line (its title, or its text), over at most
`Options.story_head_block_lines` content lines that are a head's furniture (meta lines,
short lines no story kept as body; lines a catalogue pattern dropped, such as a photo
credit, a button or tags, are passed over and not counted), the first line shaped as a headline with a meta line below it in
the run, sharing `Options.story_head_block_shared` content words with the text's first
`Options.story_meta_echo_words` (or printing the story's title again, a breadcrumb's last
item), is the story's title and first line (`opening._head_block`: where a caption or
a deck under the head was taken for the title, or the story started at its first
paragraph).
A title read over a meta line that is the story's deck (a longer line a news page sets
between its headline and its byline) gives way to the headline right above it, of
`Options.story_deck_title_words` words or more and fewer than the deck's, when that
headline shares `Options.story_echo_shared` content words with the text
(`opening._over_deck`).
Distances skip lines the catalogue dropped (a share row between title and text).  A chosen story's title is the page's title above its
headline when there is one: in text an extractor wrote, a headline of the gap that holds a
later line of it, or that a later headline right above the text varies
(`Options.story_title_variant_share`); in a page's dump, one that holds the line right
above the text (see `opening._holding`).  Names of two words,
interview turns, numbered items, lines repeated all over the page and a pager's links (an
arrow first or last: "← Previous post", "Next story »"; the walk up to a longer headline
stops at one) are no titles.  A teaser's title is a headline of four
words or more right above it, or a shorter one in the gap above it, or kept right above it
after another teaser, that names it (a capital first, a content word of the teaser in it:
`Options.story_teaser_named_title_words`); a teaser with none takes the line right above
it when that stands alone between two texts, shaped as a headline of
`Options.story_lone_title_words` words or more (`opening.lone_title`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import _core
from ..features import measure
from ..language import guess_language
from ..options import Options
from ..rules import CodeRule
from ..types import Decision, Features, Line
from .boundaries import segment
from .evidence import DEFAULT, Reader
from .main import RULES as MAIN_RULES, assemble, main_story
from .opening import title_above_text
from .teasers import teaser_rows, teasers

#: The rules of this stage (``context.isolated`` as this stage fires it, in
#: `cleaner.stories.main`).  ``story.other`` is the reason of a kept line of a story other than
#: the main one (`cleaner.types.OTHER_STORY`): no decision names it, the output does.
RULES = (
    CodeRule("story.other", "story", "kept, but belongs to a story other than the main one"),
    CodeRule("context.isolated", "boilerplate",
             "between stories, after a row of teasers, or a heading ending a story right above the next "
             "(the stories stage)", ("heading_max_words",)),
    CodeRule("story.teaser_language", "body",
             "a teaser cut mid-sentence in a language of its own: prose there, read as a teaser",
             ("own_language_ratio", "stopword_density", "story_teaser_min_words")),
    CodeRule("story.teaser_row", "body",
             "a line cut mid-sentence, dropped for its few stopwords, in a row of teasers: read as a teaser",
             ("story_teaser_row", "story_teaser_row_stopwords", "story_teaser_min_words")),
) + MAIN_RULES


@dataclass
class Stories:
    """What `find_stories` found: each line's story, each story's kind and title line, the
    decisions it revised and the main story."""
    story_of: list[int | None]  # per line: the story of each kept line (and title line)
    kinds: list[str]  # per story: "full" or "teaser"
    titles: list[int | None]  # per story: index of the title line
    final: list[Decision]  # decisions after stories were found
    main: int | None  # index of the main story
    #: Per line index (of the lines the story finder read, as ``story_of`` was found), does
    #: the line open with a dateline (the story finder's reading, `Reader.dateline`);
    #: ``None`` when the kept lines were not cut into stories.
    datelines: Callable[[int], bool] | None = None


@dataclass(frozen=True)
class Reading:
    """How the story finder reads a text (the pipeline says, from its layout and options).

    ``split``: cut the kept lines into stories (else they are one story, as on a page);
    ``extracted``: the text is an extractor's choice of one page's content, written one
    block a line, not cut where only its topic changes (a gap needs a head or dropped
    lines);
    ``written``: the text reads as an extractor's, its blocks one a line or apart (see
    `cleaner.stories.boundaries.segment`);
    ``touch``: the text's blocks touch (`cleaner.extracted.blocks_touch`, which the caller
    has; computed when ``None``): no paragraph stands apart above a caption's credit;
    ``said``: the caller says the text is an extractor's (`Options.extracted` ``"always"``):
    one page's for certain, whose layout tells no page from another (text only read as an
    extractor's, one block a line, may be a dump of pages with no blank lines: its
    indentation still tells them apart, `cleaner.stories.boundaries.layout`).
    """
    split: bool = True
    extracted: bool = False
    written: bool = False
    touch: bool | None = None
    said: bool = False


def find_stories(
    lines: list[Line], feats: list[Features], final: list[Decision],
    block: tuple[int, int] | None, listed: list[Decision] | None = None,
    stops: frozenset[str] = frozenset(), options: Options | None = None, reading: Reading = Reading(),
) -> Stories:
    """Cut the kept lines into stories, read as ``reading`` says (`Reading`).

    ``final`` are the decisions after `cleaner.blocks.main_block` (``block``: its first
    and last line); ``listed`` those before it (after `cleaner.blocks.related_lists`), so
    that stories outside the main block can be found;
    ``options``: the thresholds (`Options`, ``story_*`` fields).
    Returns the stories and the revised decisions.
    """
    o = options or DEFAULT
    n = len(lines)
    final = list(final)
    story_of: list[int | None] = [None] * n
    if block is None:
        return Stories(story_of, [], [], final, None)
    if not reading.split:
        for i in range(n):
            if final[i].keep:
                story_of[i] = 0
        return Stories(story_of, ["full"], [None], final, 0)
    d, trial = _dropped_teasers(lines, feats, list(listed if listed is not None else final), stops, o)
    r = Reader(lines, feats, d, stops, o, like=trial)
    del trial  # the last trial's reading, not held while the stories are found (``r`` shares its texts)
    kept = r.kept()
    segs, between = segment(r, kept, feats, o, heads_only=reading.extracted,
                            written=reading.written or reading.extracted, said=reading.said)
    stories = assemble(r, kept, segs, between, final, o, reading.touch, reading.written or reading.extracted)
    main = main_story(r, stories, final, o)
    if main is not None and stories[main]["title"] is None:
        title = title_above_text(r, stories[main]["members"], final, o)
        if title is not None and not any(title in st["members"] or title == st["title"] for st in stories):
            stories[main]["title"] = title
    for s, st in enumerate(stories):
        for i in st["members"]:
            story_of[i] = s
        if st["title"] is not None:
            story_of[st["title"]] = s
    return Stories(story_of, [st["kind"] for st in stories], [st["title"] for st in stories],
                   final, main, r.dateline)


def _dropped_teasers(lines: list[Line], feats: list[Features], d: list[Decision],
                     stops: frozenset[str], o: Options) -> tuple[list[Decision], Reader | None]:
    """``d`` with the teasers the stopword rule dropped kept, in a language of their own
    or in a row of the page's own: a line the
    stopword rule dropped that is cut mid-sentence (`Features.cut`, at least
    `Options.story_teaser_min_words` words), whose own language (`guess_language`) makes
    it prose (`Options.stopword_density`) at least `Options.own_language_ratio` times as
    densely as the page's, and that the teaser finder reads as a teaser once kept (stage
    1 measures only lines that end like a sentence in their own language, so a teaser
    of another site cut mid-sentence was dropped as a page's menu would be); and, whatever
    its stopwords, such a line that the teaser finder reads as one of a row of at least
    `Options.story_teaser_row` such lines (`_row_lengths`), when it holds at least
    `Options.story_teaser_row_stopwords` of the page's stopwords (a sentence, not the row
    of a calendar or a list of a shop's options).  Also returns the last trial's
    `Reader` (``None``: no trial), which a reading of the same lines can start from."""
    found, rowed = {}, {}
    r = None
    # the lines the stopword rule dropped, cut mid-sentence, long enough (a pass of the core)
    for i in _core.cut_dropped(feats, d, "feature.low_stopwords", o.story_teaser_min_words):
        f = feats[i]
        code = guess_language(lines[i].text)
        own = measure(lines[i].text, code).stopword_density if code else 0.0
        if own >= o.stopword_density and own >= o.own_language_ratio * f.stopword_density:
            found[i] = Decision(True, "story.teaser_language", "body",
                                f"{f.words} words cut mid-sentence, stopword density {own:.2f}; judged as {code}",
                                "stories")
        if f.stopword_density >= o.story_teaser_row_stopwords:  # a sentence, not a calendar's row
            rowed[i] = Decision(True, "story.teaser_row", "body",
                                f"{f.words} words cut mid-sentence, in a row of teasers", "stories")
    if found:
        read, r = _read(lines, feats, _with(d, found), stops, o, like=r)
        d = _with(d, {i: dec for i, dec in found.items() if i in read})
    rowed = {i: dec for i, dec in rowed.items() if not d[i].keep}  # not read in their own language
    if rowed:
        dropped = set(rowed) | {i for i in found if d[i] is found[i]}
        read, r = _read(lines, feats, _with(d, rowed), stops, o, dropped, r)
        d = _with(d, {i: dec for i, dec in rowed.items() if read.get(i, 0) >= o.story_teaser_row})
    return d, r


def _with(d: list[Decision], changes: dict[int, Decision]) -> list[Decision]:
    """``d`` with the decisions of ``changes`` (line -> decision) in place of its own."""
    out = list(d)
    for i, dec in changes.items():
        out[i] = dec
    return out


def _read(lines: list[Line], feats: list[Features], trial: list[Decision], stops: frozenset[str],
          o: Options, among: set[int] | None = None, like: Reader | None = None) -> tuple[dict[int, int], Reader]:
    """The teasers that `teasers` finds among the kept lines of ``trial``: per teaser's
    text line, how many teasers its row holds (`_row_lengths`; ``among``: the text lines
    a row is made of, ``None``: any); and the `Reader` of ``trial`` (read from ``like``,
    a trial before, see `Reader`)."""
    r = Reader(lines, feats, trial, stops, o, like)
    kept = r.kept()
    found = teasers(r, kept, feats, o)
    text = {c: kept[c + size - 1] for c, (size, _) in found.items()}
    row = _row_lengths(found, {c for c, i in text.items() if among is None or i in among})
    return {i: row.get(c, 0) for c, i in text.items()}, r


def _row_lengths(found: dict[int, tuple[int, int | None]], members: set[int]) -> dict[int, int]:
    """Per teaser of `teasers` (``found``: first kept position -> positions it holds,
    title) among ``members`` (first kept positions), how many teasers its row holds:
    members one right after another, with no other kept line between them.  Lines cut
    mid-sentence one after another after a story, that stage 1 dropped alike for their
    few stopwords, are a row of teasers whatever their stopwords (names, figures and
    another language's words make them few); a line among the kept entries of a list
    was dropped for reasons of its own."""
    return {c: len(row) for row in teaser_rows(found, members) for c in row}
