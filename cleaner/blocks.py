"""The main text block of a dump.

After stage 2, kept lines are grouped into *blocks*: runs of kept lines separated by at
most `MAX_GAP` non-blank dropped lines.  The block with the most body words is the main
text; kept lines outside it are dropped as ``context.isolated`` (menus, footers and
widgets that happen to read like prose).
"""

from __future__ import annotations

from .types import Decision, Features, Line

MAX_GAP = 10


def _isolated() -> Decision:
    return Decision(False, "context.isolated", "boilerplate",
                    "kept line outside the main text block", "context")


def main_block(lines: list[Line], feats: list[Features], final: list[Decision]) -> tuple[list[Decision], tuple[int, int] | None]:
    """Decisions with lines outside the main block dropped, and the block's first and last
    line index (``None`` when nothing is kept)."""
    final = list(final)
    kept = [i for i, d in enumerate(final) if d.keep]
    if not kept:
        return final, None
    blocks: list[list[int]] = [[kept[0]]]
    for a, b in zip(kept, kept[1:]):
        gap = sum(1 for j in range(a + 1, b) if not lines[j].blank)
        if gap > MAX_GAP:
            blocks.append([])
        blocks[-1].append(b)
    best = max(blocks, key=lambda blk: sum(feats[i].words for i in blk))
    for blk in blocks:
        if blk is not best:
            for i in blk:
                final[i] = _isolated()
    return final, (best[0], best[-1])
