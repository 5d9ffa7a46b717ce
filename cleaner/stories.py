"""Story boundaries and the main story.

After stage 2, kept lines are grouped into *blocks*: runs of kept lines separated by at
most `MAX_GAP` non-blank dropped lines.  Kept lines outside the block with the most body
words are dropped as ``context.isolated`` (menus, footers and widgets that happen to read
like prose).  Inside that block, a story starts at:

- a title-like line followed within a few lines by a meta line ("Updated ...") or by the
  same headline again (a repeated headline);
- a line cut mid-sentence after body (a teaser of another story), each one its own story.

The main story is the first full story.
"""

from __future__ import annotations

from dataclasses import dataclass

from .classify import is_heading_like
from .types import Decision, Features, Line

MAX_GAP = 10
_LOOKAHEAD = 5


@dataclass
class Stories:
    story_of: list[int | None]  # per line
    kinds: list[str]  # per story
    titles: list[int | None]  # per story: index of the title line
    final: list[Decision]


def _isolated(d: Decision) -> Decision:
    return Decision(False, "context.isolated", "boilerplate",
                    "kept line outside the main text block", "context")


def find_stories(
    lines: list[Line], feats: list[Features], final: list[Decision], split: bool = True
) -> Stories:
    n = len(lines)
    final = list(final)
    kept = [i for i in range(n) if final[i].keep]
    story_of: list[int | None] = [None] * n
    if not kept:
        return Stories(story_of, [], [], final)

    # 1. blocks of kept lines; keep the block with the most words.
    blocks: list[list[int]] = [[kept[0]]]
    for a, b in zip(kept, kept[1:]):
        gap = sum(1 for j in range(a + 1, b) if not lines[j].blank)
        if gap > MAX_GAP:
            blocks.append([])
        blocks[-1].append(b)
    main_block = max(blocks, key=lambda blk: sum(feats[i].words for i in blk))
    for blk in blocks:
        if blk is not main_block:
            for i in blk:
                final[i] = _isolated(final[i])

    first, last = main_block[0], main_block[-1]
    content = [i for i in range(n) if not lines[i].blank]

    # 2. boundaries inside the main block.
    starts = [first]
    teaser_starts: set[int] = set()
    if split:
        seen_body = False
        for k, i in enumerate(content):
            if i < first or i > last:
                continue
            if final[i].keep and final[i].category == "body" and i != first:
                if feats[i].cut and seen_body and feats[i].words >= 12:
                    starts.append(i)
                    teaser_starts.add(i)
                    continue
                seen_body = True
                continue
            if not seen_body or not is_heading_like(feats[i]):
                continue
            ahead = content[k + 1 : k + 1 + _LOOKAHEAD]
            repeated = any(lines[j].text.casefold() == lines[i].text.casefold() for j in ahead)
            meta = any(final[j].category == "meta" for j in ahead[:3])
            if repeated or meta:
                starts.append(i)
                seen_body = False
    starts = sorted(set(starts))

    kinds, titles = [], []
    for s, start in enumerate(starts):
        end = starts[s + 1] if s + 1 < len(starts) else last + 1
        for i in range(start, end):
            if final[i].keep:
                story_of[i] = s
        kinds.append("teaser" if start in teaser_starts else "full")
        titles.append(start if not final[start].keep or final[start].category != "body" else None)
    return Stories(story_of, kinds, titles, final)
