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

from . import _core
from .storage import Lines
#: Zero-width and invisible formatting characters, removed outright (here, by the
#: compiled core, and where the HTML front door reads a page's text nodes).
INVISIBLE = _core.INVISIBLE
#: List bullets, the one definition: symbols, and the dashes that open a list item before
#: a space (hyphen, en dash).  The context and story rules see a list item in a line that
#: opens with one; `cleaner.features.strip_bullet` strips any run of them, and of the
#: `QUOTE_DASH` that opens an attribution or a quoted post ("— Name (@handle) ..."), which
#: is no list item.
BULLET_SYMBOLS = "•·*▪►▸‣◦●○■□"
BULLET_DASHES = "–-"
QUOTE_DASH = "—"


def normalize(raw: str) -> str:
    """Whitespace normalisation of one line: invisible characters (zero-width spaces and
    joiners, word joiner, byte-order mark, soft hyphen, Mongolian vowel separator,
    invisible operators and separator) removed, runs of whitespace and control
    characters (NBSP, thin spaces, tabs, ideographic space ...) folded to one space, ends
    stripped.  Nothing else changes.
    Computed by `cleaner._core`.

    >>> normalize("  Short\\u00a0Url\\t ")
    'Short Url'
    """
    return _core.normalize(raw)


def segment(source: str) -> Lines:
    """Split ``source`` into lines with offsets (a trailing break makes no extra line),
    each normalised; cut by `cleaner._core` in one pass over the text, without a copy of
    it: the sequence holds offsets and builds each `cleaner.types.Line` when read
    (`cleaner.storage.Lines`)."""
    return Lines.of(source)
