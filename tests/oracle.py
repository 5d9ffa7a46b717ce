"""The Python implementations that `cleaner._core` replaced (segmentation, line features,
words, the language guess), kept verbatim as the tests' reference: tests/test_core_rust.py
holds the compiled core to them, function by function, on the corpus and generated text.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from itertools import accumulate, repeat
from operator import add, mul

import regex

# --- segment.py -----------------------------------------------------------------------

_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]")
_SPACE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def normalize(raw: str) -> str:
    if raw.isprintable():
        return " ".join(raw.split()) if "  " in raw else raw.strip(" ")
    return _SPACE.sub(" ", _INVISIBLE.sub("", raw)).strip()


def segment(source: str) -> list[tuple]:
    raws = source.splitlines()
    starts = [0, *accumulate(map(len, source.splitlines(True)))]
    texts = [normalize(raw) for raw in raws]
    return list(zip(range(len(raws)), starts, map(add, starts, map(len, raws)), raws, texts))


# --- language.py ----------------------------------------------------------------------

_NOT_WORD = {
    i: " " for i in range(0x3040)
    if unicodedata.category(chr(i))[0] in "PSNZC" and chr(i) not in "'’"
}
_SAMPLE_WORDS = 400
_MIN_SHARE = 0.12
_DISTINCT_WEIGHT = 3


def words(text: str) -> list[str]:
    return text.lower().translate(_NOT_WORD).split()


@functools.lru_cache(maxsize=2)
def _index(stoplists: tuple) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for code, stops in stoplists:
        for w in stops:
            index.setdefault(w, []).append(code)
    return index


def guess_language(text: str, stoplists: dict[str, frozenset[str]]) -> str | None:
    """``stoplists``: code -> words, in the order that breaks ties."""
    order = {c: i for i, c in enumerate(stoplists)}
    index = _index(tuple(stoplists.items()))
    tokens = text[:50000].split()
    if len(tokens) > _SAMPLE_WORDS:
        step = len(tokens) / _SAMPLE_WORDS
        tokens = list(map(tokens.__getitem__, map(int, map(mul, range(_SAMPLE_WORDS), repeat(step)))))
    sample = words(" ".join(tokens))
    if not sample:
        return None
    hits: dict[str, int] = {}
    score: dict[str, float] = {}
    for w, n in Counter(sample).items():
        codes = index.get(w)
        if codes:
            weight, distinct = 1 / math.sqrt(len(codes)), _DISTINCT_WEIGHT / math.sqrt(len(codes))
            for code in codes:
                hits[code] = hits.get(code, 0) + n
                score[code] = score.get(code, 0.0) + (n * weight + distinct)
    if not hits:
        return None
    best = max(hits, key=lambda c: (score[c], -order[c]))
    return best if hits[best] / len(sample) >= _MIN_SHARE else None


# --- features.py ----------------------------------------------------------------------

_TERMINAL_CHARS = frozenset(".!?…。！？:;")
_CLOSERS = "'\"’”»›)]"
_ELLIPSES = ("...", "…")
_URLISH = re.compile(r"https?://|www\.|[@#]\w|\.(?:com|org|net|de|fr|uk|io|co)\b")
_DIGIT = re.compile(r"\d")
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
_BULLET_CHARS = " •·*▪►▸‣◦●○■□–-—"
EMPTY = (0, 0.0, False, False, 0.0, 0.0, 0)


def measure(text: str, stops: frozenset[str]) -> tuple:
    body = text.lstrip(_BULLET_CHARS) if text[:1] in _BULLET_CHARS else text
    if not body:
        return EMPTY
    tokens = body.split()
    n = len(tokens)
    if not body.isascii() and max(body) >= "\u0e00":
        unspaced = len(_UNSPACED.findall(body))
        if unspaced:
            n += unspaced // 2
    stripped = body.rstrip(_CLOSERS)
    ellipsis = stripped.endswith(_ELLIPSES)
    terminal = stripped[-1:] in _TERMINAL_CHARS and not ellipsis
    if stops:
        wordlist = words(body)
        density = sum(map(stops.__contains__, wordlist)) / len(wordlist) if wordlist else 0.0
    else:
        density = 0.0
    firsts = "".join(t[0] for t in tokens)
    alpha = n if firsts.isalpha() else sum(map(str.isalpha, firsts))
    capitalised = sum(map(str.isupper, firsts)) / alpha if alpha else 0.0
    nonspace = len(body) - body.count(" ") or 1
    digits = len(_DIGIT.findall(body))
    urls = len(_URLISH.findall(body)) if ("." in body or "/" in body or "@" in body or "#" in body) else 0
    cut = ellipsis or (not terminal and n >= 12 and (stripped[-1:].isalnum() or stripped.endswith(",")))
    return (n, density, terminal, cut, capitalised, digits / nonspace, urls)
