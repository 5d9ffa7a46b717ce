"""Text as the catalogue's gates see it: case folding of a line, and a start-of-line index.

`fold_line` is the one folding that gate strings (`cleaner.prefilter`) and lines are
compared in; `other_digits` says when a line may hold digits that `regex`'s ``\\d``
matches beyond 0-9; `StartIndex` finds which of many strings a line starts with.
"""

from __future__ import annotations

import functools
import re


_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """The text as gates see it (`fold_line`)."""
    return fold_line(text)[0]


def fold_line(text: str) -> tuple[str, bool]:
    """The text as gates see it, and whether no gate may turn it away.

    The text: `str.casefold`, without U+0307 (the combining dot that ``İ`` folds to:
    `regex` matches ``İ`` with ``i``) and with ``ı`` as ``i`` (`regex` matches it with
    ``I``), every run of whitespace one space.  No gate may turn it away when, whitespace
    aside, it is not printable: it holds characters unassigned in Python's Unicode
    database (which a newer `regex` may case-fold or take for digits), private-use,
    format or control characters.  Cheap for a line that is already normalised.
    """
    folded = text.casefold()
    if folded.isascii():
        if "  " in folded or not folded.isprintable():
            folded = _SPACES.sub(" ", folded)
        return folded, False
    # The combining dot that "İ" folds to; dotless "ı", which `regex` matches with "I".
    folded = folded.replace("\u0307", "").replace("\u0131", "i")
    if folded.isprintable():
        return (_SPACES.sub(" ", folded) if "  " in folded else folded), False
    folded = _SPACES.sub(" ", folded)
    return folded, not folded.isprintable()


@functools.lru_cache(maxsize=1)
def _other_digit() -> re.Pattern:
    """A decimal digit other than 0-9: those of the Basic Multilingual Plane the standard
    library knows, and any character beyond it (where `regex`, whose Unicode tables may
    be newer, knows more; the tests check that this covers every digit `regex` knows)."""
    codes = [c for c in range(0x80, 0x10000) if chr(c).isdecimal()]
    ranges = []
    for c in codes:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    body = "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in ranges)
    return re.compile(f"[{body}\\U00010000-\\U0010ffff]")


def other_digits(folded: str) -> bool:
    """Might the text hold a decimal digit other than 0-9 (such as `regex`'s ``\\d``
    matches)?"""
    return not folded.isascii() and _other_digit().search(folded) is not None


def fold_char(c: str) -> str:
    return " " if c.isspace() else fold(c)


def concat_folded(a: str, b: str) -> str:
    """Concatenation as `fold` would leave it (two spaces meet: one)."""
    return a + b[1:] if a[-1:] == " " and b[:1] == " " else a + b


def fold_chars(codes) -> frozenset[str]:
    return frozenset(fold_char(chr(c)) for c in codes)



class StartIndex:
    """Which of many strings a text starts with: ``lookup(text)`` is the union (bitwise
    or) of the values of every string that ``text`` starts with.

    ``longest(text)`` is the longest string of the set that ``text`` starts with (or
    ``None``): a dictionary lookup of the text's first characters for each length the
    strings have, longest first (gate strings are short: a few lookups).  Every shorter
    string the text starts with is a prefix of that one, and its ``closure`` value
    includes theirs.
    """

    def __init__(self, values: dict[str, int]):
        self.values = dict(values)
        closure: dict[str, int] = {}
        for s in values:
            bits = 0
            for k in range(1, len(s) + 1):
                bits |= values.get(s[:k], 0)
            closure[s] = bits
        self.closure = closure
        self._lengths = sorted({len(s) for s in values}, reverse=True)

    def longest(self, text: str) -> str | None:
        values = self.values
        for k in self._lengths:
            head = text[:k]
            if len(head) == k and head in values:
                return head
        return None

    def lookup(self, text: str) -> int:
        s = self.longest(text)
        return self.closure[s] if s is not None else 0
