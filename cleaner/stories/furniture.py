"""A story cut again below a run of the page's furniture (text an extractor wrote one
block a line).

Each story `cleaner.stories.boundaries` chose is cut again above a paragraph right below a
run of the page's furniture (`after_run`; the run, `_run`: `Options.story_run_lines` short
lines or more, list items, dropped lines and headlines, with a list item or a dropped line
among them, none a sentence nor a numbered item) when the windows of body before the run
and after it share a cosine under `Options.story_run_cohesion` and each side holds
`Options.story_run_paragraphs` paragraphs: joined extracts set the next page's menu,
breadcrumbs or tags between two articles, which the topic windows read as paragraphs
(they blur across them) and the list test holds shut.  The story starts at the run's
nearest headline below its last list item or dropped line.
"""

from __future__ import annotations

from bisect import bisect_left

from ..options import Options
from .evidence import Gap, Reader, body_window, gap_evidence


def after_run(r: Reader, kept: list[int], words: list[int], chosen: list[Gap], start: int, end: int,
              o: Options) -> list[Gap]:
    """``chosen`` (the boundaries chosen between kept positions ``start`` and ``end`` in
    text an extractor wrote one block a line; ``words``: the body words before each kept
    position, `cleaner.stories.boundaries.body_words`) with a boundary above each paragraph of body
    (`Options.prose_min_words` words or more, opening with a capital, not a list item)
    right below a run of the page's furniture (`_run`), when the window of body before the
    run and the window after it share a cosine under `Options.story_run_cohesion` and
    each side holds `Options.story_min_words` of body and `Options.story_run_paragraphs`
    paragraphs up to its boundary; the story takes the run's nearest headline below its
    last list item or dropped line as its title (and starts there) when its gap has none.
    Joined extracts set the next page's menu, breadcrumbs and tags between two articles,
    often kept as short lines that the topic windows read as paragraphs: the windows blur
    across them and the list test holds the gap shut; a box of links set into an article
    goes on with its words, a subheading stands alone, and a recommended story or a
    product's instructions under its list are a paragraph or two."""
    edges = [start, *(g.c for g in chosen), end]
    more: list[Gap] = []
    for lo, hi in zip(edges, edges[1:]):
        last, paras = lo, None
        for c in range(lo + 1, hi):
            i = kept[c]
            if not (_paragraph(r, i, o) and r.capitalised(i)) or r.turn(i) \
                    or words[c] - words[last] < o.story_min_words or words[hi] - words[c] < o.story_min_words:
                continue
            run = _run(r, i, o)
            if run is None:
                continue
            before = bisect_left(kept, run[0]) - 1  # the kept position right above the run
            paras = paras or _paragraph_counts(r, kept, lo, hi, o)  # counted once a run is found
            if before < last or words[before + 1] - words[last] < o.story_min_words \
                    or min(paras[before + 1 - lo] - paras[last - lo], paras[hi - lo] - paras[c - lo]) \
                    < o.story_run_paragraphs:
                continue
            behind = body_window(r, kept, range(before, last - 1, -1), o.story_window_words)
            cos = r.cohesion.cosine_of(behind, body_window(r, kept, range(c, hi), o.story_window_words))
            if cos < o.story_run_cohesion:
                g = gap_evidence(r, kept, c, cos, since=before, o=o)
                more.append(g if g.title is not None or run[1] is None else g._replace(title=run[1]))
                last = c
    return sorted(chosen + more, key=lambda g: g.c) if more else chosen


def _run(r: Reader, line: int, o: Options) -> tuple[int, int | None] | None:
    """The first line of the run of furniture right above ``line`` (a content line), and
    its nearest headline below its last list item or dropped line (``None``: none): the
    content lines with letters above it, read upwards while each is a list item
    (bulleted; a numbered item or an interview's turn is an article's own), a line
    dropped or a headline whose first letter is no lower-case one (not a line of code),
    of at most `Options.story_title_max_words` words, that does not end like a sentence
    (".", "!", "?"); ``None`` unless the run holds a list item or a dropped line and at
    least `Options.story_run_lines` lines shorter than a paragraph
    (`Options.prose_min_words`): a menu's items, breadcrumbs, tags, a date (headlines
    alone are an article's subheadings)."""
    at, top, items, title = r.pos[line], None, 0, None
    listed = False
    while at > 0:
        at -= 1
        j = r.content[at]
        if not r.lettered[j]:
            continue
        furniture = r.bulleted(j) or not r.d[j].keep
        if not (furniture or r.headline(j) and not _lower(r.text(j))) or r.turn(j) \
                or r.feats[j].words > o.story_title_max_words or r.text(j).rstrip().endswith((".", "!", "?")):
            break
        if title is None and not (furniture or listed):
            title = j
        top, items, listed = j, items + (r.feats[j].words < o.prose_min_words), listed or furniture
    return (top, title) if top is not None and listed and items >= o.story_run_lines else None


def _paragraph_counts(r: Reader, kept: list[int], lo: int, hi: int, o: Options) -> list[int]:
    """Per kept position ``lo + k`` (``k`` from 0 to ``hi - lo``), how many paragraphs of
    body (`Options.prose_min_words` words or more, not a list item) lie from ``lo`` up to,
    not including, it."""
    counts = [0]
    for x in range(lo, hi):
        i = kept[x]
        counts.append(counts[-1] + _paragraph(r, i, o))
    return counts


def _paragraph(r: Reader, i: int, o: Options) -> bool:
    """Is kept line ``i`` a paragraph of body: `Options.prose_min_words` words or more, no
    list item?"""
    return r.body(i) and r.feats[i].words >= o.prose_min_words and not r.bulleted(i)


def _lower(text: str) -> bool:
    """Is the first letter of ``text`` a lower-case one (a line of code, a sentence going
    on; a script with no case has none)?"""
    return next((ch for ch in text if ch.isalpha()), "").islower()
