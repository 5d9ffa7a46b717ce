"""Text as the catalogue's gates see it: the case folding of a line, and its digits.

`fold_line` is the one folding that gate strings (`cleaner.prefilter`) and lines are
compared in (the compiled core folds a document's lines so, `cleaner._core.fold_line`;
the tests hold the two together); `other_digits` says when a line may hold digits that
`regex`'s ``\\d`` matches beyond 0-9.
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
