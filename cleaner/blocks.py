"""The main text region of a dump.

After stage 2, kept lines are grouped into *blocks*: runs of kept lines separated by at
most `MAX_GAP` non-blank dropped lines and by no *barrier*, a line opening a section that
is not article text (`barrier_kind`: the comments are a hard barrier, a related-stories
list a soft one).  Then:

- a soft barrier set into the article does not split it when dense text resumes right
  after it (`RESUME_WORDS`, `RESUME_SHARE`);
- blocks after the first barrier that follows real text are not candidates;
- each block scores its body words times the share of its lines that are kept (an
  article is mostly kept lines; a teaser list alternates them with headlines and dates);
  the earliest block scoring at least `FIRST_SHARE` of the best is the main one (the
  first story of an infinite-scroll dump is the page's own);
- trailing small units set off by headline lines are teasers, not the article's end;
- the region reaches back over earlier blocks across up to `LEAD_GAP` lines (an
  article's opening often stands apart from its body).

Kept lines outside the region are dropped as ``context.isolated`` (menus, footers,
sidebars and widgets that happen to read like prose).

>>> from cleaner import analyze
>>> body = "Words of a long body sentence that goes on and on, as body does. " * 3
>>> menu = "\\n".join(f"Section {n}" for n in range(12))
>>> page = f"{body}\\n{menu}\\nA footer line long enough to count as prose on its own, really."
>>> a = analyze(page, extracted="never")  # a page dump, whatever its layout
>>> [v.final.rule for v in a.verdicts][0], [v.final.rule for v in a.verdicts][-1]
('feature.prose', 'context.isolated')
"""

from __future__ import annotations

from itertools import accumulate

from .catalogue import opens_section
from .types import Decision, Features, Line

MAX_GAP = 10
#: A barrier closes the article only after a block of at least this many words.
BARRIER_AFTER_WORDS = 50
#: A block before the main one joins it across a gap of up to `LEAD_GAP` lines if it has
#: at least `LEAD_WORDS` words.
LEAD_GAP = 40
LEAD_WORDS = 15
#: An earlier block scoring at least this share of the best block's score is the main one.
FIRST_SHARE = 0.7
#: Text resuming after a related-stories box continues the article when it has at least
#: this many words and this share of kept lines.
RESUME_WORDS = 100
RESUME_SHARE = 0.7


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


def main_block(
    lines: list[Line], feats: list[Features], final: list[Decision]
) -> tuple[list[Decision], tuple[int, int] | None]:
    """Decisions with lines outside the main region dropped, and the region's first and
    last line index (``None`` when nothing is kept)."""
    final = list(final)
    n = len(lines)
    kept = [i for i in range(n) if final[i].keep]
    if not kept:
        return final, None
    # Prefix counts of non-blank lines and of barriers, so gaps cost O(1).
    nonblank = [0, *accumulate(1 if line.text else 0 for line in lines)]
    # Blank lines are no barriers: `barrier_kind` is asked only about the others.
    kinds = [barrier_kind(d) if d.rule != "blank" else None for d in final]
    hard_count = [0, *accumulate(1 if kind == "hard" else 0 for kind in kinds)]
    soft_count = [0, *accumulate(1 if kind == "soft" else 0 for kind in kinds)]
    barriers = [i for i, kind in enumerate(kinds) if kind]

    def gap(a: int, b: int) -> int:
        return nonblank[b] - nonblank[a + 1]

    def barrier_between(a: int, b: int) -> bool:
        return hard_count[b] - hard_count[a + 1] + soft_count[b] - soft_count[a + 1] > 0

    def words(blk: list[int]) -> int:
        return sum(feats[i].words for i in blk)

    def share(blk: list[int]) -> float:
        return len(blk) / (nonblank[blk[-1] + 1] - nonblank[blk[0]])

    def score(blk: list[int]) -> float:
        # Body words, scaled by the share of the block's lines that are kept: an article
        # is mostly kept lines, a teaser list alternates kept lines with titles and dates.
        return words(blk) * share(blk)

    blocks: list[list[int]] = [[kept[0]]]
    for a, b in zip(kept, kept[1:]):
        if gap(a, b) > MAX_GAP or barrier_between(a, b):
            blocks.append([])
        blocks[-1].append(b)
    # A related-stories box set into the article (a soft barrier) does not end it when
    # dense text of some length resumes right after it; comments (hard) always end it.
    merged = [blocks[0]]
    for blk in blocks[1:]:
        a, b = merged[-1][-1], blk[0]
        if (gap(a, b) <= MAX_GAP and hard_count[b] == hard_count[a + 1]
                and words(blk) >= RESUME_WORDS and share(blk) >= RESUME_SHARE):
            merged[-1] = merged[-1] + blk
        else:
            merged.append(blk)
    blocks = merged

    # The first barrier between blocks that follows real text closes the article; a
    # "Comments" link in a toolbar above the article does not.
    first_text = next((b[-1] for b in blocks if words(b) >= BARRIER_AFTER_WORDS), None)
    starts = [b[0] for b in blocks]
    first_barrier = None
    if first_text is not None:
        k = 0
        for x in barriers:
            if x <= first_text:
                continue
            while k + 1 < len(blocks) and starts[k + 1] < x:
                k += 1
            if not (blocks[k][0] < x < blocks[k][-1]):  # not inside a merged block
                first_barrier = x
                break
    eligible = [b for b in blocks if first_barrier is None or b[-1] < first_barrier]
    # The first story of an infinite-scroll dump is the page's own: among blocks that
    # score close to the best, the earliest wins.
    candidates = eligible or blocks
    top = max(score(b) for b in candidates)
    best = next(b for b in candidates if score(b) >= FIRST_SHARE * top)
    last = _trim_tail(best, gap, feats, final)
    # The article's opening often stands apart from its body (a standfirst, then an
    # image, a table of contents or an ad): reach further back than forward.
    k = blocks.index(best)
    while k > 0:
        before = blocks[k - 1]
        if (gap(before[-1], blocks[k][0]) > LEAD_GAP or barrier_between(before[-1], blocks[k][0])
                or sum(feats[i].words for i in before) < LEAD_WORDS):
            break
        k -= 1
    first = blocks[k][0]
    for i in kept:
        if i < first or i > last:
            final[i] = _isolated(
                "kept line outside the main text region "
                f"(lines {first + 1}-{last + 1})"
            )
    return final, (first, last)


#: A trailing unit this small, set off from the text before it by `TEASER_GAP` or more
#: dropped lines (a headline, a date, a byline), is a teaser, not the article's end ...
TEASER_WORDS = 80
TEASER_GAP = 2
#: ... unless the lines setting it off are all of categories found inside articles
#: (share buttons, ads, UI words, appeals, notices, captions, menus, an author's follow
#: button: they sit between an article's paragraphs as often as after it) and its lines
#: end like whole sentences (a teaser ends cut or is a headline; a footer's address or
#: phone line has no period), or unless it is as long as the text before it (then that
#: text is no article with teasers after it).
INSIDE_ARTICLE = frozenset({"share", "ad", "ui", "appeal", "legal", "caption", "nav", "bio"})


def _units(block: list[int], gap) -> list[list[int]]:
    """Runs of kept lines with at most one dropped line between neighbours."""
    units = [[block[0]]]
    for a, b in zip(block, block[1:]):
        if gap(a, b) > 1:
            units.append([])
        units[-1].append(b)
    return units


def _trim_tail(block: list[int], gap, feats, final) -> int:
    units = _units(block, gap)
    sizes = [sum(feats[i].words for i in unit) for unit in units]
    total = sum(sizes)  # of the units left (kept up to date: the loop stays linear)
    while len(units) > 1:
        tail, before = units[-1], units[-2]
        if (gap(before[-1], tail[0]) < TEASER_GAP or sizes[-1] > TEASER_WORDS
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
