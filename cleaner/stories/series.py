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
    the module's docstring); all of them when `Options.story_series_lines` is 0.

    Each gap's head (from its first content position down to its text's) is read by the
    compiled core (rust/src/story_series.rs): a head line's `form` counted within
    `Options.story_series_lines` positions above it, and as far below it from the text
    on; only the lines those windows reach are case folded, each once per call."""
    reach = o.story_series_lines
    if not gaps or reach <= 0:
        return gaps
    pos = r.pos
    heads = []
    for g in gaps:
        text = pos[kept[g.c]]
        if g.title is not None:
            top = pos[g.title]
        else:
            before = body_before(r, kept, g.c)
            top = pos[before] + 1 if before >= 0 else max(0, text - reach)
        heads.append((top, text, g.title is not None))
    stand = r.core.serial(heads, reach, o.story_series_items, o.story_series_forms)
    return [g for g, s in zip(gaps, stand) if s]
