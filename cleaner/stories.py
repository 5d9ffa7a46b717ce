"""Story boundaries inside the main text block.

A story starts at:

- a title-like line followed within a few lines by a meta line ("Updated ...") or by the
  same headline again (a repeated headline);
- a line cut mid-sentence after body (a teaser of another story), each one its own story.

The main story is the first full story.
"""

from __future__ import annotations

from dataclasses import dataclass

from .classify import is_heading_like
from .types import Decision, Features, Line

_LOOKAHEAD = 5


@dataclass
class Stories:
    story_of: list[int | None]  # per line
    kinds: list[str]  # per story: "full" or "teaser"
    titles: list[int | None]  # per story: index of the title line


def find_stories(
    lines: list[Line], feats: list[Features], final: list[Decision],
    block: tuple[int, int] | None, split: bool = True,
) -> Stories:
    n = len(lines)
    story_of: list[int | None] = [None] * n
    if block is None:
        return Stories(story_of, [], [])
    first, last = block
    content = [i for i in range(n) if not lines[i].blank]

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
    return Stories(story_of, kinds, titles)
