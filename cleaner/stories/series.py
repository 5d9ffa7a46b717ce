"""Items of one series: no story opens at the head of an item whose form goes on.

A page's body may be made of many short items of one form: the products of a buying
guide (a name, a price, "Price as of <date>"), the entries of a paper's references (the
reference, its index links, its number), the places of a travel guide (a name, a photo
credit, a map's latitude and longitude), the captions of a gallery.  Each item's lines
around its text read like a story's head to the story finder (a headline, a date: a
meta line) and its text may change the subject, yet the series says otherwise: the
same form goes on before the gap and after it.

A line's form is its text case folded with each run of digits read as one digit ("Price
as of 02.01.2023 10:40" and "Price as of 3.1.2023 8:05" are one form).  A gap is one of
a series (`serial`) when a line of its head (from its title down to its text; with no
title, the content lines between the last line of body above the text and the text)
has the form of a line at most `Options.story_series_lines` content lines above it and
of a line at most as far below it, from the text on: the series goes on into the text
the gap would open.  A form without letters (a list's bullet and number, a reference's
number) needs `Options.story_series_items` lines of it in all (a page's list of
its most read stories, numbered, under each of two short stories of one site is no
series of theirs).  A gap needs `Options.story_series_forms` such lines of different
forms (an item's head of more than one line, a price and the date of that price: one
site's advertisement label between every two paragraphs goes on across the gap between
two stories of that site, and so does the dateline every story of a site carries under
its headline), or, under a title, one form of `Options.story_series_items` lines (a
series of items each with a title and one line of its form under it).  A line above the title is not read (a section's label that the
page's related links repeat, as they repeat its menu), and a related list of dated
links in a page's tail repeats its form inside the gap only, not from the text on.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..options import Options
from .evidence import Gap, Reader, body_before

_DIGITS = re.compile(r"\d+")


def form(text: str) -> str:
    """The form of a line's text: case folded, each run of digits one ``0``.

    >>> form("Price as of 02.01.2023 10:40") == form("price as of 3.1.2023 8:05")
    True
    """
    return _DIGITS.sub("0", text.casefold())


def serial(r: Reader, kept: list[int], gaps: list[Gap], o: Options) -> list[Gap]:
    """The ``gaps`` whose head holds no line of a series that goes on across them (see
    the module's docstring); all of them when `Options.story_series_lines` is 0."""
    reach = o.story_series_lines
    if not gaps or reach <= 0:
        return gaps
    content, pos = r.content, r.pos
    n = len(content)
    forms: dict[int, str] = {}

    def at(p: int) -> str:
        f = forms.get(p)
        if f is None:
            f = forms[p] = form(r.text(content[p]))
        return f

    out = []
    for g in gaps:
        before = body_before(r, kept, g.c)
        text = pos[kept[g.c]]
        top = pos[g.title] if g.title is not None else pos[before] + 1 if before >= 0 else max(0, text - reach)
        going = {at(q): k for q in range(top, text) if (k := _goes_on(at, q, text, n, o))}
        alone = g.title is not None and any(k >= o.story_series_items for k in going.values())
        if len(going) < o.story_series_forms and not alone:
            out.append(g)
    return out


def _goes_on(at: Callable[[int], str], q: int, text: int, n: int, o: Options) -> int:
    """The lines of the form of the line at content position ``q`` (``at``: its form by
    position), itself counted, within `Options.story_series_lines` positions above it and
    as far below it from the text on, when that form goes on across the gap (the head of a
    gap whose text starts at content position ``text``, of ``n``): a line of it above and
    one below, and of a form without letters ("* 2", "14.") at least
    `Options.story_series_items` lines in all; else 0."""
    f = at(q)
    if not any(map(str.isalnum, f)):
        return 0
    reach = o.story_series_lines
    up = sum(at(p) == f for p in range(max(0, q - reach), q))
    down = sum(at(p) == f for p in range(text, min(n, q + reach + 1))) if up else 0
    k = up + down + 1 if up and down else 0
    return k if any(map(str.isalpha, f)) or k >= o.story_series_items else 0
