"""The main text region of a dump.

After stage 2, kept lines are grouped into *blocks*: runs of kept lines separated by at
most `MAX_GAP` non-blank dropped lines and by no *section barrier* (a line opening a
related-stories list or the comments, see `is_barrier`).  The block with the best score
(body words times the share of its lines that are kept), among those before the first
barrier, is the main region.  Kept lines outside the region are dropped as ``context.isolated``
(menus, footers, sidebars and widgets that happen to read like prose).

>>> from cleaner import analyze
>>> body = "Words of a long body sentence that goes on and on, as body does. " * 3
>>> menu = "\\n".join(f"Section {n}" for n in range(12))
>>> a = analyze(f"{body}\\n{menu}\\nA footer line long enough to count as prose on its own, really.")
>>> [v.final.rule for v in a.verdicts][0], [v.final.rule for v in a.verdicts][-1]
('feature.prose', 'context.isolated')
"""

from __future__ import annotations

from .catalogue import section_rules
from .types import Decision, Features, Line

MAX_GAP = 10
#: A barrier closes the article only after a block of at least this many words.
BARRIER_AFTER_WORDS = 50
#: An earlier block scoring at least this share of the best block's score is the main one.
FIRST_SHARE = 0.7


def _isolated(reason: str) -> Decision:
    return Decision(False, "context.isolated", "boilerplate", reason, "context")


def is_barrier(d: Decision) -> bool:
    """Does this line open a section that is not article text?"""
    return d.category == "comments" or d.rule in section_rules()


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
    # Non-blank position of every line, to measure gaps in non-blank lines.
    # Prefix counts of non-blank lines and of barriers, so gaps cost O(1).
    nonblank = [0] * (n + 1)
    barrier_count = [0] * (n + 1)
    barriers = []
    for i in range(n):
        nonblank[i + 1] = nonblank[i] + (not lines[i].blank)
        barrier = is_barrier(final[i])
        barrier_count[i + 1] = barrier_count[i] + barrier
        if barrier:
            barriers.append(i)

    def gap(a: int, b: int) -> int:
        return nonblank[b] - nonblank[a + 1]

    def barrier_between(a: int, b: int) -> bool:
        return barrier_count[b] - barrier_count[a + 1] > 0

    blocks: list[list[int]] = [[kept[0]]]
    for a, b in zip(kept, kept[1:]):
        if gap(a, b) > MAX_GAP or barrier_between(a, b):
            blocks.append([])
        blocks[-1].append(b)

    def score(blk: list[int]) -> float:
        # Body words, scaled by the share of the block's lines that are kept: an article
        # is mostly kept lines, a teaser list alternates kept lines with titles and dates.
        span = nonblank[blk[-1] + 1] - nonblank[blk[0]]
        return sum(feats[i].words for i in blk) * len(blk) / span

    # The first barrier that follows real text closes the article; a "Comments" link in
    # a toolbar above the article does not.
    first_text = next(
        (b[-1] for b in blocks if sum(feats[i].words for i in b) >= BARRIER_AFTER_WORDS), None
    )
    first_barrier = None if first_text is None else next(
        (x for x in barriers if x > first_text), None
    )
    eligible = [b for b in blocks if first_barrier is None or b[-1] < first_barrier]
    # The first story of an infinite-scroll dump is the page's own: among blocks that
    # score close to the best, the earliest wins.
    candidates = eligible or blocks
    top = max(score(b) for b in candidates)
    best = next(b for b in candidates if score(b) >= FIRST_SHARE * top)
    first, last = best[0], best[-1]
    last = _trim_tail(best, gap, feats)
    for i in kept:
        if i < first or i > last:
            final[i] = _isolated(
                "kept line outside the main text region "
                f"(lines {first + 1}-{last + 1})"
            )
    return final, (first, last)


#: A trailing unit this small, set off from the text before it by `TEASER_GAP` or more
#: dropped lines (a headline, a date, a byline), is a teaser, not the article's end.
TEASER_WORDS = 80
TEASER_GAP = 2


def _units(block: list[int], gap) -> list[list[int]]:
    """Runs of kept lines with at most one dropped line between neighbours."""
    units = [[block[0]]]
    for a, b in zip(block, block[1:]):
        if gap(a, b) > 1:
            units.append([])
        units[-1].append(b)
    return units


def _trim_tail(block: list[int], gap, feats) -> int:
    units = _units(block, gap)
    while len(units) > 1:
        tail, before = units[-1], units[-2]
        if gap(before[-1], tail[0]) < TEASER_GAP or sum(feats[i].words for i in tail) > TEASER_WORDS:
            break
        units.pop()
    return units[-1][-1]

