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
import os

import regex

from . import _core

#: The stoplists of `FALLBACK_LANGUAGES`, the last of `STOPLIST_NAMES`.
_FALLBACK_NAMES: dict[str, str] = {
    "hy": "Armenian", "ka": "Georgian", "bn": "Bengali", "gu": "Gujarati", "kn": "Kannada",
    "ml": "Malayalam", "ta": "Tamil", "ur": "Urdu", "be": "Belarusian", "kk": "Kazakh",
    "ky": "Kyrgyz", "mk": "Macedonian",
}

# ISO 639-1 code -> jusText stoplist name.  The order breaks ties of `guess_language` (the
# earlier language wins); most languages with a pattern catalogue come first.  jusText's
# Korean list is left out: its 13,000 words (endings and particles written as words) make a
# dump of English stories that holds one Korean story read as Korean (the multi-article
# benchmark's adjacent family split F1 0.934 -> 0.927), and a Korean line is judged, as
# lines of Chinese, Japanese or Thai are, without stopwords.
STOPLIST_NAMES: dict[str, str] = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "ru": "Russian", "cs": "Czech",
    "sk": "Slovak", "sv": "Swedish", "da": "Danish", "no": "Norwegian_Bokmal",
    "fi": "Finnish", "tr": "Turkish", "hu": "Hungarian", "ro": "Romanian",
    "uk": "Ukrainian", "el": "Greek", "ca": "Catalan", "id": "Indonesian",
    "vi": "Vietnamese", "hr": "Croatian", "sl": "Slovenian", "bg": "Bulgarian",
    "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian", "sr": "Serbian",
    "ar": "Arabic", "fa": "Persian", "he": "Hebrew", "hi": "Hindi",
    **_FALLBACK_NAMES,  # guessed only when no language above is
}

#: The languages of `STOPLIST_NAMES` guessed only when no other is (the last of them):
#: languages with no catalogue written in a script of their own, Arabic or Cyrillic, whose
#: pages were read as no language (Armenian, Georgian, Tamil ...) and so judged without
#: stopwords.  Weighed on their own, after the others, they leave every other guess as it
#: was: a word in more stoplists weighs less, and these lists share words (English ones
#: too) with the others.  A page in a Latin-script language with no catalogue keeps the
#: guess it had (jusText's Latin-script lists of such languages, Malay or Tagalog, would
#: match a line of names in any language), and so does a Cyrillic page that a list above
#: fits (Macedonian, Belarusian).  The words of these lists written in ASCII alone ("a",
#: "an", "in": English in Tamil's list) count for none of them, in the guess and as their
#: `stopwords` alike (English lines of their pages are no prose by their stopwords).  At
#: most 64 stoplists in all (the guess keeps a bit per stoplist).
FALLBACK_LANGUAGES: tuple[str, ...] = tuple(_FALLBACK_NAMES)


@functools.lru_cache(maxsize=1)
def _stoplist_dir() -> str:
    """jusText's folder of stoplists, found without importing jusText (and lxml with it)."""
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("cleaner needs jusText's stoplists (installed with trafilatura)")
    return os.path.join(spec.submodule_search_locations[0], "stoplists")


# The compiled core reads the stoplists when first needed: it learns where they are.
_core.configure(_stoplist_dir(), list(STOPLIST_NAMES.items()), len(FALLBACK_LANGUAGES))


@functools.lru_cache(maxsize=None)
def stopwords(code: str | None) -> frozenset[str]:
    """The stoplist for an ISO code (empty for unknown codes or ``None``): jusText's,
    lower-cased (what ``justext.get_stoplist`` gives), read by the compiled core; for a
    language of `FALLBACK_LANGUAGES`, without its words written in ASCII alone."""
    if not STOPLIST_NAMES.get(code or ""):
        return frozenset()
    return frozenset(_core.stoplist(code))


def words(text: str) -> list[str]:
    """Lower-cased words: runs of characters that are not whitespace, nor (below U+3040)
    punctuation, symbols, digits, separators or controls; apostrophes belong to words.

    >>> words("It's 5 o'clock, “sharp”!")
    ["it's", "o'clock", 'sharp']
    """
    return _core.words(text)


@functools.lru_cache(maxsize=1)
def _stoplist_letters() -> frozenset[str]:
    """Every letter of every stoplist: the scripts (Latin, Cyrillic, Greek, Arabic, Hebrew,
    Devanagari) a stoplist can judge."""
    return frozenset(c for c in _core.stoplist_letters() if c.isalpha())


def judged_by_letters(text: str) -> bool:
    """Is a line that is not mostly ASCII written in a script some stoplist covers?  A line
    in another script (Korean, Chinese, Thai ...) holds no stopwords of any language we
    know, whatever language the document around it was guessed to be: stopword density
    judges a line when half of its letters (or more) are letters of a stoplist, or it has
    none.  (The compiled core judges mostly-ASCII lines without asking: lower-case ASCII
    letters, in every Latin stoplist, make half of their letters even if every other
    character is an unknown letter; `cleaner.classify`.)

    >>> judged_by_letters("Le ministre est arrivé."), judged_by_letters("주말 밤 9시 MBC와 SBS는 막장극의 대결로 붙는다.")
    (True, False)
    """
    letters = _LETTER.findall(text)
    if not letters:
        return True
    known = _stoplist_letters()
    return sum(c in known for c in letters) * 2 >= len(letters)


_LETTER = regex.compile(r"\p{L}")


def guess_language(text: str) -> str | None:
    """ISO code of the most likely language, or ``None`` when no stoplist fits.

    Over a sample of the document's words (400 whitespace-separated tokens spread over its
    first 50,000 characters, then `words`), each distinct word adds to the score of every
    language whose stoplist holds it ``(count + 3) / sqrt(number of such languages)``: a
    word in many stoplists says little (jusText's lists overlap), and distinct stopwords
    weigh more than repeats, so one word said over and over (a name, a menu label) cannot
    carry the guess.  The best score wins (ties: the earlier language of
    `STOPLIST_NAMES`) if its stopwords are at least 12% of the sample; when none does, the
    languages of `FALLBACK_LANGUAGES` are scored so, on their own, by the words of their
    lists that are not written in ASCII alone.  Computed by the compiled core.
    """
    return _core.guess_language(text)
