"""The main text region of a dump.

After stage 2, kept lines are grouped into *blocks*: runs of kept lines separated by at
most ``block_max_gap`` non-blank dropped lines and by no *barrier*, a line opening a section that
is not article text (`barrier_kind`: the comments are a hard barrier, a related-stories
list a soft one).  Then:

- a soft barrier set into the article does not split it when dense text resumes right
  after it (``block_resume_words``, ``block_resume_share``);
- blocks after the first barrier that follows real text are not candidates;
- each block scores its body words times the share of its lines that are kept (an
  article is mostly kept lines; a teaser list alternates them with headlines and dates);
  the earliest block scoring at least ``block_first_share`` of the best is the main one (the
  first story of an infinite-scroll dump is the page's own);
- trailing small units set off by headline lines are teasers, not the article's end;
- the region reaches back over earlier blocks across up to ``block_lead_gap`` lines (an
  article's opening often stands apart from its body), not over a row of teasers
  (``block_row_lines`` kept lines or more, most of them set apart by a dropped headline,
  credit or date line: ``block_row_share``).

Kept lines outside the region are dropped as ``context.isolated`` (menus, footers,
sidebars and widgets that happen to read like prose).  The thresholds are `Options`
fields (``block_*``).

Once the stories are found, `inside_main` fills the main story's gaps: a run of lines
between two of its kept lines that only the weak line rules dropped (no catalogue rule
named any of them: a table, a list, a short subheading inside the article) is article
text (``context.inside_story``).

>>> from cleaner import analyze
>>> body = "Words of a long body sentence that goes on and on, as body does. " * 3
>>> menu = "\\n".join(f"Section {n}" for n in range(12))
>>> page = f"{body}\\n{menu}\\nA footer line long enough to count as prose on its own, really."
>>> a = analyze(page, extracted="never")  # a page dump, whatever its layout
>>> [v.final.rule for v in a.verdicts][0], [v.final.rule for v in a.verdicts][-1]
('feature.prose', 'context.isolated')
"""

from __future__ import annotations

from array import array
from itertools import accumulate, compress, repeat
from operator import attrgetter, eq

from .catalogue import opens_section
from .extracted import YIELDING, main_span
from .options import Options
from .storage import has_text
from .types import Decision, Features, Line


_keep = attrgetter("keep")


def _isolated(reason: str) -> Decision:
    return Decision(False, "context.isolated", "boilerplate", reason, "block")


def barrier_kind(d: Decision) -> str | None:
    """``"hard"`` for a line opening the comments, ``"soft"`` for one opening another
    non-article section (a related-stories list: ``section = true`` rules), else None."""
    if d.category == "comments":
        return "hard"
    if opens_section(d.rule):
        return "soft"
    return None


class _Page:
    """Prefix counts over a page's lines, so that the gaps and barriers between two lines
    cost O(1), and the measures of a block of kept lines."""

    def __init__(self, lines: list[Line], feats: list[Features], final: list[Decision]):
        self.feats = feats
        # prefix counts as arrays of numbers (8 bytes a line), not lists of int objects
        self.nonblank = array("q", accumulate(has_text(lines), initial=0))
        # Blank lines are no barriers: `barrier_kind` is asked only about the others, once
        # per distinct decision.
        kind_of = {d: barrier_kind(d) for d in set(final) if d.rule != "blank"}
        kinds = list(map(kind_of.get, final))
        self.hard = array("q", accumulate(map(eq, kinds, repeat("hard")), initial=0))
        self.soft = array("q", accumulate(map(eq, kinds, repeat("soft")), initial=0))
        self.barriers = list(compress(range(len(kinds)), kinds))

    def gap(self, a: int, b: int) -> int:
        """Non-blank lines strictly between lines ``a`` and ``b``."""
        return self.nonblank[b] - self.nonblank[a + 1]

    def barrier_between(self, a: int, b: int) -> bool:
        return self.hard[b] - self.hard[a + 1] + self.soft[b] - self.soft[a + 1] > 0

    def words(self, blk: list[int]) -> int:
        return sum(self.feats[i].words for i in blk)

    def share(self, blk: list[int]) -> float:
        """Share of the block's non-blank lines that are kept."""
        return len(blk) / (self.nonblank[blk[-1] + 1] - self.nonblank[blk[0]])

    def scattered(self, blk: list[int], least: int, share: float) -> bool:
        """Are the block's kept lines (``least`` of them or more) set apart from the next
        by a dropped line, ``share`` of them or more (a row of teasers: one paragraph
        under each headline, credit or date line)?"""
        apart = sum(1 for a, b in zip(blk, blk[1:]) if self.gap(a, b))
        return len(blk) >= least and apart >= share * (len(blk) - 1)

    def score(self, blk: list[int]) -> float:
        # Body words, scaled by the share of the block's lines that are kept: an article
        # is mostly kept lines, a teaser list alternates kept lines with titles and dates.
        return self.words(blk) * self.share(blk)


def main_block(
    lines: list[Line], feats: list[Features], final: list[Decision], options: Options
) -> tuple[list[Decision], tuple[int, int] | None]:
    """Decisions with lines outside the main region dropped, and the region's first and
    last line index (``None`` when nothing is kept)."""
    final = list(final)
    kept = list(compress(range(len(final)), map(_keep, final)))
    if not kept:
        return final, None
    page = _Page(lines, feats, final)
    blocks = _resumed(page, _blocks(page, kept, options), options)
    first_barrier = _first_barrier(page, blocks, options)
    eligible = [b for b in blocks if first_barrier is None or b[-1] < first_barrier]
    # The first story of an infinite-scroll dump is the page's own: among blocks that
    # score close to the best, the earliest wins.
    candidates = eligible or blocks
    top = max(page.score(b) for b in candidates)
    best = next(b for b in candidates if page.score(b) >= options.block_first_share * top)
    last = _trim_tail(best, page, final, options)
    first = _lead(page, blocks, blocks.index(best), options)
    for i in kept:
        if i < first or i > last:
            final[i] = _isolated(
                "kept line outside the main text region "
                f"(lines {first + 1}-{last + 1})"
            )
    return final, (first, last)


def _blocks(page: _Page, kept: list[int], options: Options) -> list[list[int]]:
    """Runs of kept lines, cut where too many lines or a barrier lie between two."""
    blocks: list[list[int]] = [[kept[0]]]
    for a, b in zip(kept, kept[1:]):
        if page.gap(a, b) > options.block_max_gap or page.barrier_between(a, b):
            blocks.append([])
        blocks[-1].append(b)
    return blocks


def _resumed(page: _Page, blocks: list[list[int]], options: Options) -> list[list[int]]:
    """Blocks with a related-stories box set into the article (a soft barrier) joined
    again when dense text of some length resumes right after it; comments (hard) always
    end the article."""
    merged = [blocks[0]]
    for blk in blocks[1:]:
        a, b = merged[-1][-1], blk[0]
        if (page.gap(a, b) <= options.block_max_gap and page.hard[b] == page.hard[a + 1]
                and page.words(blk) >= options.block_resume_words
                and page.share(blk) >= options.block_resume_share):
            merged[-1] = merged[-1] + blk
        else:
            merged.append(blk)
    return merged


def _first_barrier(page: _Page, blocks: list[list[int]], options: Options) -> int | None:
    """The first barrier between blocks that follows real text: it closes the article
    (a "Comments" link in a toolbar above the article does not)."""
    first_text = next((b[-1] for b in blocks if page.words(b) >= options.block_barrier_after_words), None)
    if first_text is None:
        return None
    starts = [b[0] for b in blocks]
    k = 0
    for x in page.barriers:
        if x <= first_text:
            continue
        while k + 1 < len(blocks) and starts[k + 1] < x:
            k += 1
        if not (blocks[k][0] < x < blocks[k][-1]):  # not inside a merged block
            return x
    return None


def _lead(page: _Page, blocks: list[list[int]], k: int, options: Options) -> int:
    """The region's first line: the article's opening often stands apart from its body
    (a standfirst, then an image, a table of contents or an ad), so the region reaches
    back over earlier blocks further than it reaches forward, though not over a row of
    teasers above the article (`_Page.scattered`)."""
    while k > 0:
        before = blocks[k - 1]
        if (page.gap(before[-1], blocks[k][0]) > options.block_lead_gap
                or page.barrier_between(before[-1], blocks[k][0])
                or page.words(before) < options.block_lead_words
                or page.scattered(before, options.block_row_lines, options.block_row_share)):
            break
        k -= 1
    return blocks[k][0]


#: A trailing unit that is small (``block_teaser_words``) and set off from the text
#: before it by ``block_teaser_gap`` or more dropped lines (a headline, a date, a byline)
#: is a teaser, not the article's end ...
#: ... unless the lines setting it off are all of categories found inside articles
#: (share buttons, ads, UI words, appeals, notices, captions, menus, an author's follow
#: button: they sit between an article's paragraphs as often as after it) and its lines
#: end like whole sentences (a teaser ends cut or is a headline; a footer's address or
#: phone line has no period), or unless it is as long as the text before it (then that
#: text is no article with teasers after it).
INSIDE_ARTICLE = frozenset({"share", "ad", "ui", "appeal", "legal", "caption", "nav", "bio"})


def _units(block: list[int], page: _Page) -> list[list[int]]:
    """Runs of kept lines with at most one dropped line between neighbours."""
    units = [[block[0]]]
    for a, b in zip(block, block[1:]):
        if page.gap(a, b) > 1:
            units.append([])
        units[-1].append(b)
    return units


def _trim_tail(block: list[int], page: _Page, final: list[Decision], options: Options) -> int:
    """The last line of the block once trailing teasers are cut off."""
    feats = page.feats
    units = _units(block, page)
    sizes = [sum(feats[i].words for i in unit) for unit in units]
    total = sum(sizes)  # of the units left (kept up to date: the loop stays linear)
    while len(units) > 1:
        tail, before = units[-1], units[-2]
        if (page.gap(before[-1], tail[0]) < options.block_teaser_gap
                or sizes[-1] > options.block_teaser_words
                or sizes[-1] >= total - sizes[-1] or _continues(before, tail, feats, final)):
            break
        units.pop()
        total -= sizes.pop()
    return units[-1][-1]


def _continues(before: list[int], tail: list[int], feats, final) -> bool:
    """Does the small ``tail`` go on with the article though dropped lines set it off
    (see `INSIDE_ARTICLE`)?

    >>> from cleaner import clean
    >>> text = ("The council approved the new budget for the village school after a long debate.\\n"
    ...         "Follow us\\nShort Url\\n"
    ...         "The budget will be reviewed again in the spring when the harvest figures are known.")
    >>> clean(text, extracted="never").splitlines()[-1]
    'The budget will be reviewed again in the spring when the harvest figures are known.'
    """
    between = final[before[-1] + 1:tail[0]]
    return (all(d.category in INSIDE_ARTICLE for d in between if d.rule != "blank")
            and all(feats[i].terminal and not feats[i].cut for i in tail))


def inside_main(lines: list[Line], initial: list[Decision], final: list[Decision],
                story_of: list[int | None], main: int | None,
                options: Options) -> tuple[list[Decision], list[int | None]]:
    """Decisions and stories with each run of dropped lines between two kept lines of the
    main story kept as its text (``context.inside_story``) when only weak line rules
    dropped them (``initial``: the stage-1 decisions; `cleaner.extracted.YIELDING`) and no
    other story holds one of them.  A run goes from one line the line rules kept to the
    next: a short or heading-like line that only the context rules kept
    (``context.sandwiched``) does not cut a menu in two.  A run with a catalogue drop in
    it (a share bar, a byline, a related-stories heading) stands as it was, and so does a
    menu or a table of contents (`_menu`).

    >>> from cleaner import analyze
    >>> body = "The council met on Monday and agreed on the budget for the coming year, as expected."
    >>> table = "Item Cost\\n\\nSchools 40 million\\n\\nRoads 12 million"
    >>> a = analyze(f"{body}\\n\\n{table}\\n\\n{body.replace('Monday', 'Friday')}", extracted="never")
    >>> [v.final.rule for v in a.verdicts if v.line.text.startswith("Roads")]
    ['context.inside_story']
    """
    span = main_span(final, story_of, main)
    if not span or not options.rule_enabled("context.inside_story"):
        return final, story_of
    final, story_of = list(final), list(story_of)
    run: list[int] = []
    for i in span:
        if lines[i].blank:
            continue
        # A run ends at a line the line rules kept (stage 1); a short or heading-like
        # line that only its neighbours kept (``context.sandwiched``) is part of it.
        if not final[i].keep or (run and not initial[i].keep and initial[i].rule in _MENU_RULES):
            run.append(i)
            continue
        dropped = [j for j in run if not final[j].keep]
        if dropped and not _menu(run, initial, options) and all(
                initial[j].rule in YIELDING and story_of[j] in (None, main) for j in dropped):
            for j in dropped:
                final[j] = Decision(True, "context.inside_story", "body",
                                    f"in a run of {len(run)} lines inside the main story ({initial[j].rule})",
                                    "stories")
                story_of[j] = main
        run = []
    return final, story_of


#: The stage-1 rules of the lines a menu or a table of contents is made of.
_MENU_RULES = frozenset({"feature.heading", "feature.short"})


def _menu(run: list[int], initial: list[Decision], options: Options) -> bool:
    """Is the run a menu or a table of contents: more than ``block_fill_menu_lines``
    lines, each of them short or heading-like (``feature.short``, ``feature.heading``)?"""
    return len(run) > options.block_fill_menu_lines and all(initial[j].rule in _MENU_RULES for j in run)
