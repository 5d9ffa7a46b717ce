"""HTML front door: detect HTML, decode bytes, extract the main text with block structure.

`extract(document)` runs trafilatura on the page (comments excluded), renders its result as
plain text, one block (paragraph, heading, list item, table row) a line, and finds for each
line the element of the page it came from (`cleaner.dom`), so that the text pipeline can
use what the page says about the line: heading level, link density, class and id words.

Bytes are decoded in this order (`decode`):

1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides;
2. the charset the document declares in its first 16 KB (``<meta charset>``,
   ``<meta http-equiv="Content-Type" content="...; charset=...">`` or the XML declaration's
   ``encoding``), if the bytes decode with it.  ISO-8859-1 and ASCII labels are read as
   windows-1252, as browsers do.  A declared single-byte charset yields to UTF-8 when the
   bytes are valid UTF-8 with non-ASCII characters: pages labelled Latin-1 but written in
   UTF-8 are common, Latin-1 text that happens to be valid UTF-8 is not;
3. UTF-8, when the bytes are valid UTF-8;
4. charset-normalizer's best guess (it arrives with trafilatura); windows-1252, the web's
   legacy default, when it is among the equally good guesses;
5. UTF-8 with replacement characters.

Broken, empty, binary or huge input never raises from here: it gives an empty extraction
or the text of what could be parsed.  Documents longer than `MAX_HTML_CHARS` are cut there.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

from .segment import segment

#: Longest HTML (in characters) that is parsed; the rest is cut (trafilatura's own limit).
MAX_HTML_CHARS = 20_000_000

# ---------------------------------------------------------------------------------------
# Detection

# A document that opens like HTML (after a BOM, whitespace and comments).
_HTML_OPENING = re.compile(
    r"\A(?:\ufeff)?\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*(?:<!--.*?-->\s*)*)?"
    r"(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
    re.I | re.S,
)
# HTML element names that appear in page markup (a text about HTML names few of them, and
# rarely closes them).
_TAG_NAMES = (
    "a|abbr|address|article|aside|b|blockquote|body|br|button|caption|cite|code|dd|div|dl|dt|"
    "em|figcaption|figure|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|label|li|"
    "link|main|meta|nav|noscript|ol|option|p|pre|script|section|select|small|source|span|"
    "strong|style|sub|sup|table|tbody|td|textarea|th|thead|time|title|tr|u|ul|video"
)
_OPEN_TAG = re.compile(rf"<({_TAG_NAMES})(?=[\s/>])[^<>]{{0,2000}}>", re.I)
_CLOSE_TAG = re.compile(rf"</({_TAG_NAMES})\s*>", re.I)
_FRAGMENT_OPENING = re.compile(rf"\A(?:\ufeff)?\s*(?:<!--.*?-->\s*)*<(?:{_TAG_NAMES})[\s/>]", re.I | re.S)
_DETECT_WINDOW = 65536


def looks_like_html(document: str | bytes) -> bool:
    """True when ``document`` is an HTML page or an HTML fragment.

    A page opens with a doctype, ``<html>``, ``<head>`` or ``<body>``.  A fragment must show
    markup, not a mention of it: it opens with an HTML tag and closes at least one element,
    or closes elements of at least three different kinds, with tags on most of its lines.

    >>> looks_like_html("<!DOCTYPE html><title>x</title>")
    True
    >>> looks_like_html("<div><p>One.</p><p>Two.</p></div>")
    True
    >>> looks_like_html("Wrap each paragraph in <p> and </p> tags, the guide says.")
    False
    """
    if isinstance(document, (bytes, bytearray, memoryview)):
        head = bytes(document[:_DETECT_WINDOW]).decode("latin-1")
    elif isinstance(document, str):
        head = document[:_DETECT_WINDOW]
    else:
        return False
    if "<" not in head:
        return False
    if _HTML_OPENING.match(head):
        return True
    closed = [m.group(1).lower() for m in _CLOSE_TAG.finditer(head)]
    if not closed:
        return False
    opened = {m.group(1).lower() for m in _OPEN_TAG.finditer(head)}
    paired = opened.intersection(closed)
    if _FRAGMENT_OPENING.match(head) and paired:
        return True
    if len(paired) < 3:
        return False
    lines = [line for line in head.splitlines() if line.strip()]
    tagged = sum(1 for line in lines if "<" in line and ">" in line)
    return tagged * 2 >= len(lines)


# ---------------------------------------------------------------------------------------
# Decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([\w.:-]{1,40})""", re.I)
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]{1,40})""", re.I)
_DECLARATION_WINDOW = 16384
# Labels browsers read as windows-1252.
_AS_CP1252 = frozenset({"latin1", "iso88591", "iso8859_1", "l1", "ascii", "us_ascii", "cp819", "windows_1252", "cp1252"})


def declared_charset(data: bytes) -> str | None:
    """The Python codec name of the charset the document declares, if it is known.

    >>> declared_charset(b'<meta charset="ISO-8859-1">')
    'cp1252'
    >>> declared_charset(b'<?xml version="1.0" encoding="utf-8"?><html>') 
    'utf-8'
    """
    head = data[:_DECLARATION_WINDOW]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii", "ignore").strip().lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name.replace("-", "_") in _AS_CP1252 or label.replace("-", "_") in _AS_CP1252:
        return "cp1252"
    return name


def _is_single_byte(codec: str) -> bool:
    try:
        return len("\u00e9".encode(codec, "strict")) == 1
    except (UnicodeEncodeError, LookupError):
        return codec.startswith(("cp", "iso8859", "latin", "mac", "koi8", "windows", "tis"))


def decode(data: bytes) -> str:
    """Decode the bytes of a page (see the module docstring for the order).

    >>> decode('<meta charset="windows-1252"><p>caf\\u00e9'.encode("cp1252"))[-4:]
    'café'
    >>> decode("\\u00e9t\\u00e9".encode("utf-8"))
    'été'
    """
    data = bytes(data)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    declared = declared_charset(data)
    if declared and not declared.startswith("utf-16") and not declared.startswith("utf-32"):
        if _is_single_byte(declared) and not data.isascii():
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                pass
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        guesses = from_bytes(data[:200_000])
        best = guesses.best()
        if best is not None and best.encoding:
            # windows-1252, the web's legacy default, when it is as good a guess as any
            ties = {m.encoding for m in guesses if m.chaos <= best.chaos + 0.01}
            return data.decode("cp1252" if "cp1252" in ties else best.encoding, errors="replace")
    except Exception:  # noqa: BLE001 - a guesser failure must not stop decoding
        pass
    return data.decode("utf-8", errors="replace")


# ---------------------------------------------------------------------------------------
# Extraction


@dataclass(frozen=True)
class LineHint:
    """What the page says about one line of the extracted text.

    ``tag`` is the source element's tag (``h2``, ``p``, ``li``, ``td`` ...), ``heading`` its
    heading level (0: not a heading), ``link_density`` the share of its characters inside
    links, ``marks`` the boilerplate words (`cleaner.dom.MARK_WORDS`) found in the class
    and id attributes of the element and its ancestors, ``other`` why the line belongs to
    another story than the page's main one ("" when it does not; see
    `cleaner.dom._other_stories`).
    """

    tag: str
    heading: int
    link_density: float
    marks: frozenset[str]
    other: str = ""


@dataclass(frozen=True)
class Extraction:
    """The extracted text and, aligned with ``segment(text)``, a hint per line (``None``
    for blank lines and lines whose source element was not found)."""

    text: str
    hints: tuple[LineHint | None, ...]


EMPTY = Extraction("", ())

_LOG = logging.getLogger("trafilatura")


def prepare(document: str | bytes) -> str:
    """The page as a string, decoded and cut to `MAX_HTML_CHARS`."""
    html = decode(document) if isinstance(document, (bytes, bytearray, memoryview)) else document
    if len(html) > MAX_HTML_CHARS:
        html = html[:MAX_HTML_CHARS]
    return html


def extract(document: str | bytes) -> Extraction:
    """The main text of an HTML page with a hint per line; never raises on bad HTML."""
    from . import dom

    html = prepare(document)
    tree = dom.parse(html)
    if tree is None:
        return EMPTY
    text = dom.main_text(tree)
    if not text.strip():
        return EMPTY
    lines = segment(text)
    try:
        hints = dom.hints(tree, [line.text for line in lines])
    except RecursionError:  # a tree too deep to walk: the text stands without hints
        hints = (None,) * len(lines)
    return Extraction(text, hints)


def extract_text(document: str | bytes) -> str:
    """The main text of an HTML page, one block (paragraph, heading, list item) a line."""
    return extract(document).text


def clean_html(html: str | bytes, options=None, **overrides) -> str:
    """The main text of an HTML page or fragment (``str`` or ``bytes``): `cleaner.clean`
    with the input always taken as HTML.

    >>> clean_html("<article><h1>Budget</h1><p>The council approved the budget for the parks on Tuesday after a long debate.</p></article>")
    'Budget\\nThe council approved the budget for the parks on Tuesday after a long debate.'
    """
    from .pipeline import analyze

    if not isinstance(html, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"clean_html expects HTML as str or bytes, not {type(html).__name__}")
    overrides["html"] = "always"
    return analyze(html, options, **overrides).text
