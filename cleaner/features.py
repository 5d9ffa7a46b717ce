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
#: Lines longer than this (characters) are measured a piece at a time (`_measure_long`):
#: the same figures without a list of all their words in memory at once.
LONG_LINE_CHARS = 1 << 18


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
    if len(body) > LONG_LINE_CHARS:
        return _measure_long(body, stops)
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


def _measure_long(body: str, stops: frozenset[str]) -> Features:
    """`measure` of a long line (bullet already stripped), summed over its `pieces`."""
    n = unspaced = alpha = upper = stop_hits = word_total = digits = urls = 0
    all_alpha = True
    wide = not body.isascii() and max(body) >= "\u0e00"
    for piece in pieces(body):
        tokens = piece.split()
        n += len(tokens)
        if wide:
            unspaced += len(_UNSPACED.findall(piece))
        if tokens:
            firsts = "".join(map(_first, tokens))
            all_alpha = all_alpha and firsts.isalpha()
            alpha += sum(map(str.isalpha, firsts))
            upper += sum(map(str.isupper, firsts))
        del tokens
        if stops:
            wordlist = words(piece)
            word_total += len(wordlist)
            stop_hits += sum(map(stops.__contains__, wordlist))
        if piece.isascii():
            digits += len(piece) - len(piece.encode("ascii").translate(None, b"0123456789"))
        else:
            digits += len(_DIGIT.findall(piece))
        urls += len(_URLISH.findall(piece))
    n += unspaced // CHARS_PER_UNSPACED_WORD
    alpha = n if (all_alpha and n) else alpha
    tail = body[-256:].rstrip(_CLOSERS)
    stripped = tail if len(tail) >= 8 else body.rstrip(_CLOSERS)
    ellipsis = stripped.endswith(_ELLIPSES)
    terminal = stripped[-1:] in _TERMINAL_CHARS and not ellipsis
    cut = ellipsis or (not terminal and n >= 12 and (stripped[-1:].isalnum() or stripped.endswith(",")))
    return _new_tuple(Features, (
        n, stop_hits / word_total if word_total else 0.0, terminal, cut,
        upper / alpha if alpha else 0.0, digits / (len(body) - body.count(" ") or 1), urls,
    ))
