"""A page's comments: the gap where readers' comments open carries no head evidence.

Under an article a page opens its comments with a header or a counter ("Kommentare",
"3 thoughts on ...", "12 Comments": the catalogues' ``comments`` category and their
``meta.comment_count`` rules), and each comment with a header of its own: its author and
a date or time ("1. Name sagt:", "Name am 3. Mai 2021 um 14:05", "Name says: May 3, 2021
at 2:05 pm"), a reply button.  Those lines are dropped, so the gap above a comment's
text reads like the head of a story: dropped lines, a catalogue's furniture, a meta line.
A gap that holds a line opening the comments with a comment's header after it (a meta
line or a "says" line) opens no story by its head: it is a
candidate only on its topic evidence (`inside`, `heedless`).  A counter with the text
right after it is a page's head ("45 replies" above an article), and a gap with a title
of a story of its own (a title-like headline, a meta line opening the text) is read as
before: a next page may follow the comments.

Nor are the comments part of the story above them: the kept lines from a gap that opens
them with no head of its own down to the next story chosen (or the end of the stretch)
go to no story (`section`); a story with a title of its own that starts inside (the next
page's article after the comments) ends them.
"""

from __future__ import annotations

from operator import attrgetter, methodcaller

from ..types import Decision
from .evidence import Gap, Reader, body_before, boundary_score, gap_evidence

#: The catalogue rule (the part after the language code) of a comment counter: "12
#: comments", "3 thoughts on ..." (as `cleaner.extracted.COMMENT_COUNTER`).
COMMENT_COUNTER = "meta.comment_count"

#: The catalogue rule (the part after the language code) of a comment's header that
#: names no date: "1. Name says:", "Reply by Name".
COMMENT_HEADER = "comments.says"


def opens(d: Decision) -> bool:
    """Does the line of decision ``d`` open or belong to a page's comments: a line of the
    catalogue's ``comments`` category, or a comment counter (`COMMENT_COUNTER`)?"""
    return d.category == "comments" or d.rule.partition(".")[2] == COMMENT_COUNTER


def _may_open(d: list[Decision]) -> bool:
    """Might a line of decisions ``d`` `open` a page's comments (none does when this is
    False; one pass over their categories and rules, no function called per line)?"""
    return "comments" in map(attrgetter("category"), d) \
        or any(map(methodcaller("endswith", "." + COMMENT_COUNTER), map(attrgetter("rule"), d)))


def inside(r: Reader, lines: range) -> bool:
    """Do the dropped ``lines`` of a gap (line indices, in order) open a page's comments:
    a line that `opens` them, and after it a comment's header (a meta line, `Reader.meta`:
    its author's date or time, or `COMMENT_HEADER`: "Name says:")?  A comment form and
    its notices after the header are no comment: the comments end there."""
    opened = False
    for i in lines:
        d = r.d[i]
        if opened and (r.meta(i) or d.rule.partition(".")[2] == COMMENT_HEADER):
            return True
        opened = opened or opens(d)
    return False


def heedless(r: Reader, kept: list[int], gaps: list[Gap]) -> list[Gap]:
    """``gaps`` (candidates at kept positions) without those that open a page's comments
    (`inside`: the dropped lines between the paragraph of body before the gap and the
    text after it) and have no head of their own (no title, no opening), unless their
    topic evidence alone (cosine and depth, `cleaner.stories.evidence.boundary_score`
    with no head) reaches `Options.story_boundary_score`."""
    o = r.o
    out = []
    for g in gaps:
        if g.title is None and g.opening is None and inside(r, range(body_before(r, kept, g.c) + 1, kept[g.c])):
            if boundary_score(None, 0, 0, False, g.cohesion, g.depth, o) < o.story_boundary_score:
                continue
        out.append(g)
    return out


def section(r: Reader, kept: list[int], heads: list[int], chosen: set[int], start: int, end: int) -> list[int]:
    """The kept lines of a page's comments in a stretch of full text (kept positions
    ``start`` to ``end``; ``heads``: the first kept position of each story chosen in it,
    in order; ``chosen``: the kept positions of the gaps chosen): from each paragraph of
    body whose gap opens the comments (`inside`: the dropped lines after the paragraph of
    body before it, which stands in the stretch) and has no head of its own (no title, no
    opening: `gap_evidence`), where no story was chosen (a story chosen there stands, the
    next page's article after a comment form), down to the next story's head after it, or
    ``end``."""
    out: list[int] = []
    if end - start < 2 or not _may_open(r.d[kept[start] + 1:kept[end - 1]]):
        return out  # no line of the stretch's gaps opens comments (most texts)
    c = start + 1
    while c < end:
        if c not in chosen and c not in heads and _opens_at(r, kept, start, c):
            stop = next((h for h in heads if h > c), end)
            out += kept[c:stop]
            c = stop
        c += 1
    return out


def _opens_at(r: Reader, kept: list[int], start: int, c: int) -> bool:
    """Does the gap above the paragraph of body at kept position ``c`` open a page's
    comments under body of the stretch from ``start`` (`inside`), with no head of its own?"""
    if not r.body(kept[c]):
        return False
    before = body_before(r, kept, c)
    if before < kept[start] or not inside(r, range(before + 1, kept[c])):
        return False
    g = gap_evidence(r, kept, c, o=r.o)
    return g.title is None and g.opening is None
