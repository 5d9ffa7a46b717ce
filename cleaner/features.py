"""Pure, context-free measurements of a line (`Features`).

Written for speed: one pass of cheap string operations per line, regular expressions only
where a line could hold what they look for.

>>> f = measure("The fight against terrorism is of course an issue, he said.", frozenset({"the", "is", "of", "an", "he", "against", "course"}))
>>> (f.words, f.terminal, round(f.stopword_density, 2))
(11, True, 0.64)
>>> measure("Short Url", frozenset()).terminal
False
>>> measure("益阳还引进各大电商等入驻村级便民服务点，构建农产品直销基地模式。", frozenset()).words
16
"""

from __future__ import annotations

import re
from operator import itemgetter

import regex

from .language import words
from .segment import BULLET_DASHES, BULLET_SYMBOLS, QUOTE_DASH
from .types import Features

_TERMINAL_CHARS = frozenset(".!?…。！？:;")
_CLOSERS = "'\"’”»›)]"
_ELLIPSES = ("...", "…")
# Stdlib `re`, case-sensitive and without look-behind: several times faster than the
# `regex` equivalent, and URLs in scraped text are lower-case in practice.
_URLISH = re.compile(r"https?://|www\.|[@#]\w|\.(?:com|org|net|de|fr|uk|io|co)\b")
_DIGIT = re.compile(r"\d")
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
#: Characters of a script written without spaces that count as one word.
CHARS_PER_UNSPACED_WORD = 2
_BULLET_CHARS = " " + BULLET_SYMBOLS + BULLET_DASHES + QUOTE_DASH
_new_tuple = tuple.__new__
_first = itemgetter(0)
EMPTY = Features(0, 0.0, False, False, 0.0, 0.0, 0)


def strip_bullet(text: str) -> str:
    """The line without its leading list bullets and dashes (`cleaner.segment.BULLET_SYMBOLS`,
    `cleaner.segment.BULLET_DASHES`, `cleaner.segment.QUOTE_DASH`) and spaces.

    >>> strip_bullet("  • Item one"), strip_bullet("- Item two")
    ('Item one', 'Item two')
    """
    return text.lstrip(_BULLET_CHARS) if text[:1] in _BULLET_CHARS else text


def trails_off(text: str) -> bool:
    """Does the line end with an ellipsis (closing quotes and brackets aside)?"""
    return text.rstrip(_CLOSERS).endswith(_ELLIPSES)


def measure(text: str, stops: frozenset[str]) -> Features:
    """Features of a normalised line (`EMPTY` for a blank one)."""
    body = text.lstrip(_BULLET_CHARS) if text[:1] in _BULLET_CHARS else text  # strip_bullet
    if not body:
        return EMPTY
    tokens = body.split()
    n = len(tokens)
    if not body.isascii() and max(body) >= "\u0e00":  # Thai is the first of those scripts
        # Scripts written without spaces between words (Chinese, Japanese, Thai ...): a
        # word is about two characters.
        unspaced = len(_UNSPACED.findall(body))
        if unspaced:
            n += unspaced // CHARS_PER_UNSPACED_WORD
    stripped = body.rstrip(_CLOSERS)
    ellipsis = stripped.endswith(_ELLIPSES)
    # A trailing ellipsis is no sentence end: scraped teasers are cut with one.
    terminal = stripped[-1:] in _TERMINAL_CHARS and not ellipsis
    if stops:
        wordlist = words(body)
        density = sum(map(stops.__contains__, wordlist)) / len(wordlist) if wordlist else 0.0
    else:
        density = 0.0
    # The first character of every word, as one string, counted with C-level maps.
    firsts = "".join(map(_first, tokens))
    alpha = n if firsts.isalpha() else sum(map(str.isalpha, firsts))
    capitalised = sum(map(str.isupper, firsts)) / alpha if alpha else 0.0
    nonspace = len(body) - body.count(" ") or 1
    # \d is any decimal digit; in ASCII text only 0-9, counted as the bytes that deleting
    # them removes (cheaper than a regex).
    if body.isascii():
        digits = len(body) - len(body.encode("ascii").translate(None, b"0123456789"))
    else:
        digits = len(_DIGIT.findall(body))
    # Every match holds one of ". / @ #": lines without them (menu items) skip the regex.
    urls = len(_URLISH.findall(body)) if ("." in body or "/" in body or "@" in body or "#" in body) else 0
    cut = ellipsis or (not terminal and n >= 12 and (stripped[-1:].isalnum() or stripped.endswith(",")))
    # Positional `tuple.__new__`: several times cheaper than the keyword constructor.
    return _new_tuple(Features, (
        n,  # words
        density,  # stopword_density
        terminal,
        cut,
        capitalised,
        digits / nonspace,  # digit_ratio
        urls,
    ))
