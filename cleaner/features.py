"""Pure, context-free measurements of a line (`Features`).

The measurements are made by the compiled core (`cleaner._core`, see `measure`).

>>> f = measure("The fight against terrorism is of course an issue, he said.", "en")
>>> (f.words, f.terminal, round(f.stopword_density, 2))
(11, True, 0.64)
>>> measure("Short Url", None).link_like
True
>>> measure("益阳还引进各大电商等入驻村级便民服务点，构建农产品直销基地模式。", None).words
16
"""

from __future__ import annotations

from . import _core
from .language import words
from .types import Features

_CLOSERS = "'\"’”»›)]"
_ELLIPSES = ("...", "…")
_BULLET_CHARS = " •·*▪►▸‣◦●○■□–—-"
_new_tuple = tuple.__new__
EMPTY = Features(0, 0, 0.0, False, False, 0.0, 0.0, 0, False, 0.0)


def strip_bullet(text: str) -> str:
    """The line without a leading list bullet.

    >>> strip_bullet("  • Item one")
    'Item one'
    """
    return text.lstrip(_BULLET_CHARS) if text[:1] in _BULLET_CHARS else text


def title_words(text: str) -> frozenset[str]:
    return frozenset(words(text))


def trails_off(text: str) -> bool:
    """Does the line end with an ellipsis (closing quotes and brackets aside)?"""
    return text.rstrip(_CLOSERS).endswith(_ELLIPSES)


def measure(text: str, language: str | None, title: frozenset[str] = frozenset()) -> Features:
    """Features of a normalised line (equal to `EMPTY` for a blank one), with the
    stopwords of ``language`` (an ISO code, `cleaner.language.stopwords`; ``None``: no
    stoplist) and ``title``, the words of the document's title (`title_words`).
    Measured by `cleaner._core`: a list bullet is stripped; words are whitespace-separated
    (in scripts written without spaces, two characters also count as a word); a line
    ends a sentence with one of ``. ! ? … 。 ！ ？ : ;`` before closing quotes and brackets
    but not with an ellipsis; it is cut off when it ends with an ellipsis, or has 12 words
    or more and ends with a letter, a digit or a comma; capitalisation is the share of
    words starting with a capital among those starting with a letter; digits are decimal
    digits among the characters that are not spaces; URLs count ``http(s)://``, ``www.``,
    ``@`` or ``#`` before a word character, and a few top-level domains; a link-like line
    has at most 6 words and does not end a sentence; title similarity is the Jaccard
    similarity of the line's words and the title's.
    """
    # Positional `tuple.__new__`: several times cheaper than the keyword constructor.
    return _new_tuple(Features, _core.measure(text, language, title))
