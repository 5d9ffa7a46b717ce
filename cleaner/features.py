"""Pure, context-free measurements of a line (`Features`).

Written for speed: one pass of cheap string operations per line, regular expressions only
where a line could hold what they look for.

>>> f = measure("The fight against terrorism is of course an issue, he said.", frozenset({"the", "is", "of", "an", "he", "against", "course"}))
>>> (f.words, f.terminal, round(f.stopword_density, 2))
(11, True, 0.64)
>>> measure("Short Url", frozenset()).link_like
True
"""

from __future__ import annotations

import re

from .language import words
from .types import Features

_TERMINAL_CHARS = frozenset(".!?…。！？:;")
_CLOSERS = "'\"’”»›)]"
# Stdlib `re`, case-sensitive and without look-behind: several times faster than the
# `regex` equivalent, and URLs in scraped text are lower-case in practice.
_URLISH = re.compile(r"https?://|www\.|[@#]\w|\.(?:com|org|net|de|fr|uk|io|co)\b")
_DIGIT = re.compile(r"\d")
_BULLET_CHARS = " •·*▪►▸‣◦●○■□–—-"
EMPTY = Features(0, 0, 0.0, False, False, 0.0, 0.0, 0, False, 0.0)


def strip_bullet(text: str) -> str:
    """The line without a leading list bullet.

    >>> strip_bullet("  • Item one")
    'Item one'
    """
    return text.lstrip(_BULLET_CHARS) if text[:1] in _BULLET_CHARS else text


def title_words(text: str) -> frozenset[str]:
    return frozenset(words(text))


def measure(text: str, stops: frozenset[str], title: frozenset[str] = frozenset()) -> Features:
    """Features of a normalised line (`EMPTY` for a blank one)."""
    body = strip_bullet(text)
    if not body:
        return EMPTY
    tokens = body.split()
    n = len(tokens)
    stripped = body.rstrip(_CLOSERS)
    ellipsis = stripped.endswith(("...", "…"))
    # A trailing ellipsis is no sentence end: scraped teasers are cut with one.
    terminal = bool(stripped) and stripped[-1] in _TERMINAL_CHARS and not ellipsis
    if stops or title:
        wordlist = words(body)
        density = sum(map(stops.__contains__, wordlist)) / len(wordlist) if (stops and wordlist) else 0.0
        if title and wordlist:
            own = frozenset(wordlist)
            similarity = len(own & title) / len(own | title)
        else:
            similarity = 0.0
    else:
        density = similarity = 0.0
    alpha = sum(1 for t in tokens if t[0].isalpha())
    capitalised = sum(1 for t in tokens if t[0].isupper()) / alpha if alpha else 0.0
    nonspace = len(body) - body.count(" ") or 1
    digits = len(_DIGIT.findall(body))
    urls = len(_URLISH.findall(body))
    cut = ellipsis or (not terminal and n >= 12 and (stripped[-1:].isalnum() or stripped.endswith(",")))
    return Features(
        chars=len(body),
        words=n,
        stopword_density=density,
        terminal=terminal,
        cut=cut,
        capitalised=capitalised,
        digit_ratio=digits / nonspace,
        urls=urls,
        link_like=n <= 6 and not terminal,
        title_similarity=similarity,
    )
