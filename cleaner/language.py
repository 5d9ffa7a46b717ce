"""Cheap language guess from stopword overlap, with jusText's stoplists.

jusText (installed with trafilatura) ships Wikipedia-derived stoplists for ~100 languages.
The guess counts, over a sample of the document's words, how many are stopwords of each
candidate language, and takes the best if it covers enough of the sample.

>>> guess_language("Der Hund und die Katze sind nicht mehr in dem Haus, sagte er.")
'de'
>>> guess_language("12 34 56") is None
True
"""

from __future__ import annotations

import functools
import importlib.util
import math
import os
import unicodedata
from collections import Counter
from itertools import repeat
from operator import mul

import regex

# ISO 639-1 code -> jusText stoplist name.  Languages with a pattern catalogue come first.
STOPLIST_NAMES: dict[str, str] = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "ru": "Russian", "cs": "Czech",
    "sk": "Slovak", "sv": "Swedish", "da": "Danish", "no": "Norwegian_Bokmal",
    "fi": "Finnish", "tr": "Turkish", "hu": "Hungarian", "ro": "Romanian",
    "uk": "Ukrainian", "el": "Greek", "ca": "Catalan", "id": "Indonesian",
    "vi": "Vietnamese", "hr": "Croatian", "sl": "Slovenian", "bg": "Bulgarian",
    "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian", "sr": "Serbian",
}

WORD = regex.compile(r"[\p{L}\p{M}'’]+")
#: str.translate table turning punctuation, symbols and digits into spaces (apostrophes
#: stay: they belong to words such as "qu'il"), so `.split()` yields words at C speed.
_NOT_WORD = {
    i: " " for i in range(0x3040)
    if unicodedata.category(chr(i))[0] in "PSNZC" and chr(i) not in "'’"
}
#: The same mapping for `words`'s faster route: a 256-byte table for `bytes.translate`
#: (punctuation, symbols, digits and spaces of ASCII become spaces, every other byte stays,
#: so the bytes of UTF-8 sequences pass untouched), and the non-ASCII characters that
#: become spaces, replaced one by one before.
_NOT_WORD_BYTES = bytes(32 if i in _NOT_WORD else i for i in range(128)) + bytes(range(128, 256))
_NOT_WORD_WIDE = frozenset(chr(i) for i in _NOT_WORD if i >= 128)
_ORDER = {c: i for i, c in enumerate(STOPLIST_NAMES)}
_SAMPLE_WORDS = 400
_MIN_SHARE = 0.12
#: A distinct stopword counts this many times more than each repeat of one.
_DISTINCT_WEIGHT = 3


@functools.lru_cache(maxsize=1)
def _stoplist_dir() -> str:
    """jusText's folder of stoplists, found without importing jusText (and lxml with it)."""
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("cleaner needs jusText's stoplists (installed with trafilatura)")
    return os.path.join(spec.submodule_search_locations[0], "stoplists")


@functools.lru_cache(maxsize=None)
def stopwords(code: str | None) -> frozenset[str]:
    """The stoplist for an ISO code (empty for unknown codes or ``None``): jusText's,
    lower-cased (what ``justext.get_stoplist`` gives, read in one piece)."""
    name = STOPLIST_NAMES.get(code or "")
    if not name:
        return frozenset()
    with open(os.path.join(_stoplist_dir(), f"{name}.txt"), "rb") as f:
        return frozenset(f.read().decode("utf-8").lower().splitlines())


@functools.lru_cache(maxsize=1)
def _stoplists() -> tuple[tuple[str, frozenset[str]], ...]:
    """Every stoplist, in `STOPLIST_NAMES` order."""
    return tuple((code, stopwords(code)) for code in STOPLIST_NAMES)


#: word -> its languages and what it adds to each one's score, for every occurrence and
#: once more as a distinct word (`_entry`), or ``None``; filled as words are met (building
#: it for every stopword of 30 languages up front cost a new process a quarter second).
_ENTRIES: dict[str, tuple[tuple[str, ...], float, float] | None] = {}
#: Words remembered at most (a few megabytes); then the memory starts afresh.
_ENTRIES_MAX = 200_000


def _entry(word: str) -> tuple[tuple[str, ...], float, float] | None:
    """The languages whose stoplist holds ``word`` and its two weights, or ``None``."""
    codes = tuple(code for code, stops in _stoplists() if word in stops)
    got = (codes, 1 / math.sqrt(len(codes)), _DISTINCT_WEIGHT / math.sqrt(len(codes))) if codes else None
    if len(_ENTRIES) >= _ENTRIES_MAX:
        _ENTRIES.clear()
    _ENTRIES[word] = got
    return got


def words(text: str) -> list[str]:
    """Lower-cased words: runs of characters that are not punctuation, symbols, digits
    or space (apostrophes included).

    >>> words("It's 5 o'clock, “sharp”!")
    ["it's", "o'clock", 'sharp']
    """
    lower = text.lower()
    # Same result as ``lower.translate(_NOT_WORD).split()``, several times faster:
    # `str.translate` with a dict looks up every character in Python objects.
    if not lower.isascii():
        for ch in _NOT_WORD_WIDE.intersection(lower):
            lower = lower.replace(ch, " ")
    return lower.encode("utf-8", "surrogatepass").translate(_NOT_WORD_BYTES) \
        .decode("utf-8", "surrogatepass").split()


@functools.lru_cache(maxsize=1)
def _stoplist_letters() -> frozenset[str]:
    """Every letter of every stoplist: the scripts (Latin, Cyrillic, Greek) a stoplist
    can judge."""
    return frozenset(c for _, stops in _stoplists() for c in set("".join(stops)) if c.isalpha())


def judged_by_stopwords(text: str) -> bool:
    """Is the line written in a script some stoplist covers?  A line in another script
    (Korean, Chinese, Arabic ...) holds no stopwords of any language we know, whatever
    language the document around it was guessed to be.

    >>> judged_by_stopwords("The minister arrived."), judged_by_stopwords("주말 밤 9시 MBC와 SBS는 막장극의 대결로 붙는다.")
    (True, False)
    """
    if text.isascii():
        return True
    # Mostly ASCII: lower-case ASCII letters (in every Latin stoplist) make half of the
    # letters even if every non-ASCII character is an unknown letter.
    ascii_part = text.encode("ascii", "ignore")
    lower = len(ascii_part) - len(ascii_part.translate(None, _ASCII_LOWER))
    upper = len(ascii_part) - len(ascii_part.translate(None, _ASCII_UPPER))
    if lower * 2 >= lower + upper + len(text) - len(ascii_part):
        return True
    letters = len(_LETTER.findall(text))
    if not letters:
        return True
    return (letters - len(_unknown_letter().findall(text))) * 2 >= letters


_LETTER = regex.compile(r"\p{L}")
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))


@functools.lru_cache(maxsize=1)
def _unknown_letter() -> regex.Pattern:
    """A letter no stoplist holds."""
    known = "".join(sorted(_stoplist_letters()))
    return regex.compile(f"[\\p{{L}}--[{regex.escape(known, special_only=True)}]]", regex.V1)


def guess_language(text: str) -> str | None:
    """ISO code of the most likely language, or ``None`` when no stoplist fits."""
    tokens = text[:50000].split()
    if len(tokens) > _SAMPLE_WORDS:  # spread the sample over the document
        step = len(tokens) / _SAMPLE_WORDS
        # tokens[int(i * step)] for every i, with C-level maps
        tokens = list(map(tokens.__getitem__, map(int, map(mul, range(_SAMPLE_WORDS), repeat(step)))))
    sample = words(" ".join(tokens))
    if not sample:
        return None
    entries = _ENTRIES
    hits: dict[str, int] = {}
    score: dict[str, float] = {}
    # A word in many stoplists says little about which language it is (jusText's lists
    # overlap: some carry common English words), and distinct stopwords weigh more than
    # repeats, so one word said over and over (a name, a menu label) cannot carry the guess.
    # Each distinct word once, with its count (in order of first use: the sums are the
    # same in every process).
    for w, n in Counter(sample).items():
        entry = entries[w] if w in entries else _entry(w)
        if entry is not None:
            codes, weight, distinct = entry
            add = n * weight + distinct
            for code in codes:
                hits[code] = hits.get(code, 0) + n
                score[code] = score.get(code, 0.0) + add
    if not hits:
        return None
    # Ties go to the earlier (better-covered) language of STOPLIST_NAMES.
    best = max(hits, key=lambda c: (score[c], -_ORDER[c]))
    return best if hits[best] / len(sample) >= _MIN_SHARE else None
