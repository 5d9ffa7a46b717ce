"""The numbered sections of one article: no story opens between two of them.

A listicle, a how-to or a paper's references number their sections ("#1 ...", "2. ...",
"3) ...", or the number alone on a line above the section's heading), each with text of
its own under it.  Such a section changes the subject (a new product, a new place, a new
source) and often opens with a headline, so the story finder's head and topic evidence
may read a new story there; the numbering says otherwise.  Two items of the same style
(the mark after the number, or "#" before it) whose numbers follow each other (n, then
n + 1) at most `Options.story_item_reach` content lines apart, with a line of body and
no meta line between them, are two sections of one article (`sections`): a list of
other pages' headlines numbered one a line is no such pair, nor is a thread of numbered
comments (a date under each number), nor a pair of dates ("5. November", "6. December":
an item is no meta line).  A story does not open between the two items of a pair
(`inside`): where the paragraphs of body before the gap and after it lie between them,
where the gap's head holds item n + 1 within `Options.story_item_near` content lines
above the text (the story would open at the next section), or holds item 1 of a pair
there (the first section of a numbered list right under the article's introduction).

A catalogue, an inventory or a register numbers its entries one a paragraph, the number
and then the entry ("12 Name, what it is ...", a variant under the same number with a
letter: "12A ..."), each entry a different thing with words of its own: read line by line,
each looks like the first lines of another story, cut mid-sentence.  A run of
`Options.story_entry_lines` or more content lines that open so, each number the one
before or the next (`entries`, with at most `Options.story_item_reach` content lines
between two of them), is one list: none of its lines is a teaser, and no story opens
inside it (one may open at its first entry: the list's page after another's).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..options import Options
from .evidence import Reader

#: An item's number: "#" before it, a full stop or a closing parenthesis after it (then a
#: blank or the line's end), or the number alone on the line.
_ITEM = re.compile(r"#(\d{1,3})(?:\s|$)|(\d{1,3})([.)])(?:\s|$)|(\d{1,3})$")


#: An entry's number: one to four digits, a capital letter after them or not (a variant),
#: then a blank and a letter or a digit (a name, a date).
_ENTRY = re.compile(r"(\d{1,4})[A-Z]?\s+\w")


def _item(text: str) -> tuple[str, int] | None:
    """The style and the number of a line that opens with an item's number, else None.

    >>> _item("#2 Bake bread"), _item("3. Plant a garden"), _item("4) Go"), _item("12")
    (('#', 2), ('.', 3), (')', 4), ('', 12))
    >>> _item("2022 was a good year"), _item("3.5 million visitors"), _item("#hashtag")
    (None, None, None)
    """
    m = _ITEM.match(text)
    if m is None:
        return None
    if m.group(1):
        return "#", int(m.group(1))
    if m.group(2):
        return m.group(3), int(m.group(2))
    return "", int(m.group(4))


def _section(r: Reader, lines: list[int]) -> bool:
    """Are ``lines``, between two items, a section's text: a line of body among them and
    no meta line (a comment's or a post's date: numbered comments are no sections)?"""
    return any(map(r.body, lines)) and not any(map(r.meta, lines))


def sections(r: Reader, first: int, last: int, o: Options) -> list[tuple[int, int, int]]:
    """The pairs of numbered sections among lines ``first`` to ``last`` (excluded): the
    positions among the content lines (`Reader.content`) of item n and of item n + 1,
    and n, in order."""
    previous: dict[str, tuple[int, int]] = {}
    pairs = []
    content, numbered = r.content, r.numbered  # only lines that open with "#" or a digit are items
    lo, hi = bisect_left(content, first), bisect_left(content, last)
    for p in numbered[bisect_left(numbered, lo):bisect_left(numbered, hi)]:
        i = content[p]
        text = r.text(i)
        if not (text[0] == "#" or text[0].isdigit()) or r.meta(i):
            continue
        item = _item(text)
        if item is None:
            continue
        style, n = item
        before = previous.get(style)
        if before is not None and n == before[1] + 1 and p - before[0] <= o.story_item_reach \
                and _section(r, [content[q] for q in range(before[0] + 1, p)]):
            pairs.append((before[0], p, before[1]))
        previous[style] = (p, n)
    return sorted(pairs)


def inside(pairs: list[tuple[int, int, int]], cut: int, first: int, o: Options) -> bool:
    """Does a story whose gap opens at content position ``cut`` and whose text starts at
    content position ``first`` fall inside a pair of ``pairs`` (`sections`)?"""
    near = first - o.story_item_near
    for a, b, n in pairs[bisect_left(pairs, (cut - o.story_item_reach - 1,)):]:
        if a > first:
            break
        if a < cut and (first < b or near <= b <= first) or n == 1 and near <= a:
            return True
    return False


def entries(r: Reader, kept: list[int], o: Options) -> list[range]:
    """The runs of numbered entries (see the module's docstring), each the range of kept
    positions from its first entry to its last: `Options.story_entry_lines` or more
    content lines each opening with an entry's number, each the number of the one before
    or the next, at most `Options.story_item_reach` content lines apart (0: none).  A
    story may open at a run's first entry (the list's page follows another's), not after.

    >>> [_ENTRY.match(t) is not None for t in ("12 Ship under sail", "12A Same motif", "2022 was good", "3.5 m")]
    [True, True, True, False]
    """
    if not o.story_entry_lines or not kept:
        return []
    content, numbered, runs, run, last = r.content, r.numbered, [], [], None
    lo, hi = bisect_left(content, kept[0]), bisect_left(content, kept[-1] + 1)
    for p in numbered[bisect_left(numbered, lo):bisect_left(numbered, hi)]:  # only these open with a digit
        m = _ENTRY.match(r.text(content[p]))
        if m is None:
            continue
        n = int(m.group(1))
        if run and not (p - run[-1] <= o.story_item_reach and n in (last, last + 1)):
            runs.append(run)
            run = []
        run.append(p)
        last = n
    runs.append(run)
    return [range(bisect_left(kept, content[run[0]]), bisect_left(kept, content[run[-1]] + 1))
            for run in runs if len(run) >= o.story_entry_lines]
