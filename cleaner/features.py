"""Pure, context-free measurements of a line (`Features`).

>>> f = measure("The fight against terrorism is of course an issue, he said.", frozenset({"the", "is", "of", "an", "he", "against", "course"}))
>>> (f.words, f.terminal, round(f.stopword_density, 2))
(11, True, 0.64)
>>> measure("Short Url", frozenset()).link_like
True
"""

from __future__ import annotations

import regex

from .language import WORD
from .types import Features

_TOKEN = regex.compile(r"\S+")
# Sentence end, optionally followed by closing quotes/brackets.
_TERMINAL = regex.compile(r"[.!?…。！？:;]['\"’”»›)\]]*$")
_CUT = regex.compile(r"(?:\.\.\.|…|[\p{L}\p{N},])$")
# The e-mail and bare-domain alternatives start only at the start of a token and do not
# backtrack over it (possessive/lazy), so a long run without spaces costs linear time.
_URLISH = regex.compile(
    r"https?://\S+|www\.\S+|(?<!\S)[^\s@]++@\S+?\.\w+|(?<!\w)[@#]\w+"
    r"|(?<!\S)\S+?\.(?:com|org|net|de|fr|uk|io)\b",
    regex.IGNORECASE,
)
_BULLET = regex.compile(r"^[\s•·*▪►▸‣◦●○■□–—-]+")


def strip_bullet(text: str) -> str:
    """The line without a leading list bullet."""
    return _BULLET.sub("", text)


def title_words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in WORD.findall(text))


def measure(text: str, stops: frozenset[str], title: frozenset[str] = frozenset()) -> Features:
    """Features of a normalised, non-empty line."""
    body = strip_bullet(text)
    tokens = _TOKEN.findall(body)
    wordlist = [w.lower() for w in WORD.findall(body)]
    n = len(tokens)
    nonspace = sum(len(t) for t in tokens) or 1
    digits = sum(ch.isdigit() for ch in body)
    alpha_tokens = [t for t in tokens if t[:1].isalpha()]
    capitalised = (
        sum(t[:1].isupper() for t in alpha_tokens) / len(alpha_tokens) if alpha_tokens else 0.0
    )
    density = sum(w in stops for w in wordlist) / len(wordlist) if (stops and wordlist) else 0.0
    terminal = bool(_TERMINAL.search(body))
    cut = not terminal and bool(_CUT.search(body)) and n >= 12
    if title and wordlist:
        own = frozenset(wordlist)
        similarity = len(own & title) / len(own | title)
    else:
        similarity = 0.0
    return Features(
        chars=len(body),
        words=n,
        stopword_density=density,
        terminal=terminal,
        cut=cut or body.endswith(("...", "…")),
        capitalised=capitalised,
        digit_ratio=digits / nonspace,
        urls=len(_URLISH.findall(body)),
        link_like=n <= 6 and not terminal,
        title_similarity=similarity,
    )
