"""Pure, context-free measurements of a line (`Features`), made by the compiled core
(`cleaner._core`, see `measure`).

>>> f = measure("The fight against terrorism is of course an issue, he said.", "en")
>>> (f.words, f.terminal, round(f.stopword_density, 2))
(11, True, 0.64)
>>> measure("Short Url", None).terminal
False
>>> measure("益阳还引进各大电商等入驻村级便民服务点，构建农产品直销基地模式。", None).words
16
"""

from __future__ import annotations

from . import _core
from .segment import BULLET_DASHES, BULLET_SYMBOLS, QUOTE_DASH
from .types import Features

_CLOSERS = "'\"’”»›)]"
_ELLIPSES = ("...", "…")
BULLET_CHARS = " " + BULLET_SYMBOLS + BULLET_DASHES + QUOTE_DASH
_new_tuple = tuple.__new__
EMPTY = Features(0, 0.0, False, False, 0.0, 0.0, 0)
#: Lines longer than this (characters) have their tokens counted a piece at a time
#: (`token_count`), without a list of all their words in memory at once (`measure`'s
#: compiled core never lists them).
LONG_LINE_CHARS = 1 << 18


def strip_bullet(text: str) -> str:
    """The line without its leading list bullets and dashes (`cleaner.segment.BULLET_SYMBOLS`,
    `cleaner.segment.BULLET_DASHES`, `cleaner.segment.QUOTE_DASH`) and spaces.

    >>> strip_bullet("  • Item one"), strip_bullet("- Item two")
    ('Item one', 'Item two')
    """
    return text.lstrip(BULLET_CHARS) if text[:1] in BULLET_CHARS else text


def trails_off(text: str) -> bool:
    """Does the line end with an ellipsis (closing quotes and brackets aside)?"""
    return text.rstrip(_CLOSERS).endswith(_ELLIPSES)


def measure(text: str, language: str | None) -> Features:
    """Features of a normalised line (equal to `EMPTY` for a blank one), with the
    stopwords of ``language`` (an ISO code, `cleaner.language.stopwords`; ``None``: none).

    Measured by `cleaner._core` on the line without its bullets (`strip_bullet`): words
    are whitespace-separated (in scripts written without spaces, Chinese, Japanese, Thai
    ..., two characters also count as a word); the stopword density is the share of its
    `cleaner.language.words` in the stoplist; a line ends a sentence with one of
    ``. ! ? … 。 ！ ？ : ;`` before closing quotes and brackets, but not with an ellipsis
    (scraped teasers are cut with one); it is cut off when it ends with an ellipsis, or
    has 12 words or more and ends with a letter, a digit or a comma; capitalisation is
    the share of words starting with a capital among those starting with a letter; the
    digit ratio counts decimal digits among the characters that are not spaces; URLs
    count ``http(s)://``, ``www.``, ``@`` or ``#`` before a word character, and ``.com``
    and a few other top-level domains.
    """
    body = text.lstrip(BULLET_CHARS) if text[:1] in BULLET_CHARS else text  # strip_bullet
    # Positional `tuple.__new__`: several times cheaper than the keyword constructor.
    return _new_tuple(Features, _core.measure(body, language)) if body else EMPTY


def pieces(text: str, size: int | None = None):
    """``text`` in consecutive pieces of about ``size`` characters (default
    `LONG_LINE_CHARS`), each cut before a space, so that no word (nor URL) is cut: what
    `str.split`, `words` and the URL pattern find in the pieces is what they find in the
    whole."""
    size = size or LONG_LINE_CHARS
    start, end_of_text = 0, len(text)
    while start < end_of_text:
        end = start + size
        if end < end_of_text:
            space = text.find(" ", end)
            end = end_of_text if space < 0 else space
        yield text[start:end]
        start = end


def token_count(text: str) -> int:
    """``len(text.split())``, without a list of every token of a long line."""
    if len(text) <= LONG_LINE_CHARS:
        return len(text.split())
    return sum(len(piece.split()) for piece in pieces(text))
