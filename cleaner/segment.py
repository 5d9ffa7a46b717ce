"""Cut text into `Line`s with exact character offsets, and normalise whitespace.

Line breaks are ``\\r\\n``, ``\\r``, ``\\n`` and the other characters `str.splitlines`
knows (vertical tab, form feed, file/group/record separators, NEL, U+2028, U+2029).
``source[line.start:line.end] == line.raw`` for every line.

>>> [l.text for l in segment("a\\u00a0 b\\r\\n\\n\\tc\\u200b")]
['a b', '', 'c']
>>> segment("x\\ny")[1].start
2
"""

from __future__ import annotations

import re
from itertools import accumulate, repeat
from operator import add

from .types import Line

_new_tuple = tuple.__new__
#: Zero-width and invisible formatting characters, removed outright (here and where the
#: HTML front door reads a page's text nodes).
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
#: List bullets, the one definition: symbols, and the dashes that open a list item before
#: a space (hyphen, en dash).  The context and story rules see a list item in a line that
#: opens with one; `cleaner.features.strip_bullet` strips any run of them, and of the
#: `QUOTE_DASH` that opens an attribution or a quoted post ("— Name (@handle) ..."), which
#: is no list item.
BULLET_SYMBOLS = "•·*▪►▸‣◦●○■□"
BULLET_DASHES = "–-"
QUOTE_DASH = "—"
# Every run of whitespace (NBSP, thin spaces, tabs, ideographic space ...) and control
# characters becomes one space.
_SPACE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def normalize(raw: str) -> str:
    """Whitespace normalisation of one line: invisible characters removed, whitespace
    and control runs folded to one space, ends stripped.  Nothing else changes.

    >>> normalize("  Short\\u00a0Url\\t ")
    'Short Url'
    """
    if raw.isprintable():  # fast path: the only whitespace is the plain space
        return " ".join(raw.split()) if "  " in raw else raw.strip(" ")
    return _SPACE.sub(" ", _INVISIBLE.sub("", raw)).strip()


def segment(source: str) -> list[Line]:
    """Split ``source`` into lines with offsets (a trailing break makes no extra line)."""
    # `str.splitlines` breaks at exactly the characters listed above; with and without
    # the breaks kept, it gives each line's text and the offset of the next line, so the
    # lines are cut and measured in C.
    raws = source.splitlines()
    starts = [0, *accumulate(map(len, source.splitlines(True)))]
    texts = [
        # The fast path of `normalize`, inline: one function call less per line.
        (" ".join(raw.split()) if "  " in raw else raw.strip(" ")) if raw.isprintable() else normalize(raw)
        for raw in raws
    ]
    # `tuple.__new__` builds the named tuples without a Python-level call per line.
    return list(map(_new_tuple, repeat(Line), zip(
        range(len(raws)), starts, map(add, starts, map(len, raws)), raws, texts)))
