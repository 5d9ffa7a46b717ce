"""Pure, context-free measurements of a line (`Features`), made by the compiled core
(`cleaner._core`, see `measure`), and the shapes of a document's lines that the later
stages read (`shapes`, one call per document).

>>> f = measure("The fight against terrorism is of course an issue, he said.", "en")
>>> (f.words, f.terminal, round(f.stopword_density, 2))
(11, True, 0.64)
>>> measure("Short Url", None).terminal
False
>>> measure("益阳还引进各大电商等入驻村级便民服务点，构建农产品直销基地模式。", None).words
16
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from . import _core
from .segment import BULLET_DASHES, BULLET_SYMBOLS, QUOTE_DASH
from .storage import CHUNK_LINES, Lines, texts_of
from .types import Features, Line

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Sequence

    from .options import Options

#: Closing quotes and brackets at a line's end: the ASCII quotes and closing brackets, every
#: closing bracket (``Pe``) and every quotation mark (``Pf``, ``Pi``: a quote closes with “ in
#: German, « in Danish, 」 in Japanese), as the compiled core reads them.
_CLOSING = regex.compile(r"['\")\]}\p{Pe}\p{Pf}\p{Pi}]+$")
_ELLIPSES = ("...", "…")
BULLET_CHARS = " " + BULLET_SYMBOLS + BULLET_DASHES + QUOTE_DASH
_new_tuple = tuple.__new__
EMPTY = Features(0, 0.0, False, False, 0.0, 0.0, 0)


def strip_bullet(text: str) -> str:
    """The line without its leading list bullets and dashes (`cleaner.segment.BULLET_SYMBOLS`,
    `cleaner.segment.BULLET_DASHES`, `cleaner.segment.QUOTE_DASH`) and spaces.

    >>> strip_bullet("  • Item one"), strip_bullet("- Item two")
    ('Item one', 'Item two')
    """
    return text.lstrip(BULLET_CHARS) if text[:1] in BULLET_CHARS else text


def trails_off(text: str) -> bool:
    """Does the line end with an ellipsis (closing quotes and brackets aside)?"""
    return _CLOSING.sub("", text).endswith(_ELLIPSES)


def measure(text: str, language: str | None) -> Features:
    """Features of a normalised line (equal to `EMPTY` for a blank one), with the
    stopwords of ``language`` (an ISO code, `cleaner.language.stopwords`; ``None``: none).

    Measured by `cleaner._core` on the line without its bullets (`strip_bullet`): words
    are whitespace-separated (in scripts written without spaces, Chinese, Japanese, Thai
    ..., two characters also count as a word); the stopword density is the share of its
    `cleaner.language.words` in the stoplist; a line ends a sentence with one of
    ``. ! ? … 。 ！ ？ : ;`` or another of Unicode's sentence terminals (``।`` ``۔`` ``።``
    ``։`` ...: the stops of other scripts) before closing quotes and brackets (those of
    every script: ``“`` ``»`` ``」`` ``）`` ...), but not with an ellipsis (scraped
    teasers are cut with one), and a trailing credit is read past (``... for life.
    © AFP``: a copyright sign after text, then at most three words, each opening with a
    capital or a digit, one with a capital); it is cut off when it ends with an ellipsis, or
    has 12 words or more and ends with a letter, a digit, a comma, or a dash (a hyphen, an en
    or an em dash) right after a letter (a word broken at its hyphen) or after a word that
    opens in lower case (an aside opened; after a capitalised word it closes a signature,
    ``- Name -``), unless that is a
    character of the Thai or Lao block (scripts with no sentence terminal, whose
    paragraphs end with a letter: `_core`'s ``UNSTOPPED_SCRIPTS``); capitalisation is
    the share of words starting with a capital among those starting with a letter; the
    digit ratio counts decimal digits among the characters that are not spaces; URLs
    count ``http(s)://``, ``www.``, ``@`` or ``#`` before a word character, and ``.com``
    and a few other top-level domains.
    """
    body = text.lstrip(BULLET_CHARS) if text[:1] in BULLET_CHARS else text  # strip_bullet
    # Positional `tuple.__new__`: several times cheaper than the keyword constructor.
    return _new_tuple(Features, _core.measure(body, language)) if body else EMPTY


#: Characters of the CJK scripts (first, last code point), written without spaces between
#: words: a line of many of them is a paragraph, not a short line, whatever its count of
#: space-separated words.
CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF))
#: What opens a list item before a space (besides a list number of one or two digits and
#: ``.`` or ``)``): a bullet symbol, a plus, a dash.
LIST_MARKS = BULLET_SYMBOLS + "+" + BULLET_DASHES

#: The bits of a line's shape (`shapes`): not blank; could be a menu item (at most
#: ``extracted_tiny_words`` tokens, fewer than ``extracted_cjk_short`` CJK characters, no
#: digit in the sense of `str.isdigit`); a paragraph of a CJK script (at least
#: ``extracted_cjk_paragraph`` of its characters); a paragraph by its count of tokens
#: (``extracted_paragraph_words``, tokens as `str.split` cuts them); a list item (a
#: `LIST_MARKS` character or a list number, then a space, after any spaces).
TEXT, TINY, CJK_PARAGRAPH, WORDY, LIST_ITEM = 1, 2, 4, 8, 16


def shapes(texts: list[str], options: Options) -> bytes:
    """One byte of shape bits (`TEXT` ...) per normalised line of ``texts``, 0 for a
    blank one, measured by `cleaner._core` in one call.

    >>> from cleaner.options import Options
    >>> list(shapes(["", "Home", "• 2 eggs", "益阳还引进各大电商等入驻村级便民服务点，构建农产品直销基地模式。"], Options()))
    [0, 3, 17, 5]
    """
    return _core.shapes(texts, _shape_params(options))


def _shape_params(options: Options) -> dict:
    return {"tiny_words": options.extracted_tiny_words, "cjk_short": options.extracted_cjk_short,
            "cjk_paragraph": options.extracted_cjk_paragraph,
            "paragraph_words": options.extracted_paragraph_words,
            "cjk": CJK_RANGES, "list_marks": LIST_MARKS}


def line_shapes(lines: Sequence[Line], options: Options) -> bytes:
    """`shapes` of every line of a document: read from its columns when ``lines`` is a
    `cleaner.storage.Lines`, else `cleaner.storage.CHUNK_LINES` lines per call (the texts
    of a chunk are held at once, not the whole document's)."""
    if isinstance(lines, Lines):
        return lines.shapes(_shape_params(options))
    return b"".join(shapes(texts_of(lines, k, k + CHUNK_LINES), options)
                    for k in range(0, len(lines), CHUNK_LINES))
