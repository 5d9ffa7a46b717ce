"""Is a document HTML?  A page or a fragment, told from a mention of markup in prose.

`looks_like_html` reads at most the first 64 KB (as characters, or bytes read as
Latin-1, or as UTF-16 or UTF-32 after the byte-order mark of one) and never parses: the pipeline asks it about every ``str`` input when
``html="auto"``, so it must be cheap and must not take a text about HTML for a page.
"""

from __future__ import annotations

import re

from .decode import bom_codec

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
# A fragment's opening: an HTML tag (its name captured) after a BOM, whitespace and comments.
_FRAGMENT_OPENING = re.compile(rf"\A(?:\ufeff)?\s*(?:<!--.*?-->\s*)*<({_TAG_NAMES})[\s/>]", re.I | re.S)
#: How much of a document is read to tell whether it is HTML, in characters (bytes are
#: read as Latin-1, a character a byte).
DETECT_WINDOW = 65536
#: A fragment that does not open with a tag is HTML when it closes elements of at least
#: this many kinds (tag names) ...
DETECT_MIN_PAIRED_TAGS = 3
#: ... and has tags on at least this share (0-1) of its non-blank lines.
DETECT_TAGGED_SHARE = 0.5


def looks_like_html(document: str | bytes) -> bool:
    """True when ``document`` is an HTML page or an HTML fragment.

    A page opens with a doctype, ``<html>``, ``<head>`` or ``<body>``.  A fragment must show
    markup, not a mention of it: it opens with an HTML tag and closes at least one element
    (or, when it closes none in the window, closes the element it opens with after it), or
    closes elements of at least `DETECT_MIN_PAIRED_TAGS` kinds, with tags on at least
    `DETECT_TAGGED_SHARE` of its lines.

    >>> looks_like_html("<!DOCTYPE html><title>x</title>")
    True
    >>> looks_like_html("<div><p>One.</p><p>Two.</p></div>")
    True
    >>> looks_like_html("Wrap each paragraph in <p> and </p> tags, the guide says.")
    False
    """
    wide = None
    if isinstance(document, (bytes, bytearray, memoryview)):
        wide = _wide_codec(document)
        if wide is not None:  # UTF-16 or UTF-32 after a byte-order mark: read as such (its
            # mark and the window's characters, four bytes each at most, in the first bytes)
            head = bytes(document[:4 * DETECT_WINDOW + 4]).decode(wide, "replace")[:DETECT_WINDOW]
        else:
            head = bytes(document[:DETECT_WINDOW]).decode("latin-1")
    elif isinstance(document, str):
        head = document[:DETECT_WINDOW]
    else:
        return False
    if "<" not in head:
        return False
    if _HTML_OPENING.match(head):
        return True
    closed = [m.group(1).lower() for m in _CLOSE_TAG.finditer(head)]
    if not closed:
        return _closed_past_window(document, head, wide)
    opened = {m.group(1).lower() for m in _OPEN_TAG.finditer(head)}
    paired = opened.intersection(closed)
    if _FRAGMENT_OPENING.match(head) and paired:
        return True
    if len(paired) < DETECT_MIN_PAIRED_TAGS:
        return False
    lines = [line for line in head.splitlines() if line.strip()]
    tagged = sum(1 for line in lines if "<" in line and ">" in line)
    return tagged >= DETECT_TAGGED_SHARE * len(lines)


def _wide_codec(data) -> str | None:
    """The codec of bytes that open with a UTF-32 or UTF-16 byte-order mark, else ``None``
    (in those, every ASCII character is written with NUL bytes beside it)."""
    codec = bom_codec(bytes(data[:4]))
    return codec if codec in ("utf-16", "utf-32") else None


def _closed_past_window(document: str | bytes, head: str, wide: str | None = None) -> bool:
    """Does a document that opens with an HTML tag, and closes no element in its first
    `DETECT_WINDOW` characters, close that element after them (a page whose first
    element is a long script or style)?  One search of the rest, in linear time; bytes in
    a ``wide`` codec (`_wide_codec`) are decoded whole for it, here only."""
    first = _FRAGMENT_OPENING.match(head)
    if first is None:
        return False
    if wide is not None:
        document = bytes(document).decode(wide, "replace")
    if len(document) <= DETECT_WINDOW:
        return False
    name = first.group(1)
    start = DETECT_WINDOW - len(name) - 2  # a closing tag across the window's edge
    if isinstance(document, str):
        return re.compile(rf"</{name}\s*>", re.I).search(document, start) is not None
    return re.compile(rb"</" + name.encode("ascii") + rb"\s*>", re.I).search(bytes(document), start) is not None
