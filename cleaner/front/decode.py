"""Bytes of a page to text: byte-order mark, declared charset, UTF-8, then a guess.

The order (`decode`):

1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides;
2. the charset the document declares in its first 16 KB (``<meta charset>``,
   ``<meta http-equiv="Content-Type" content="...; charset=...">`` or the XML declaration's
   ``encoding``), if the bytes decode with it.  ISO-8859-1 and ASCII labels are read as
   windows-1252, as browsers do.  A declared single-byte charset yields to UTF-8 when the
   bytes are valid UTF-8 with non-ASCII characters: pages labelled Latin-1 but written in
   UTF-8 are common, Latin-1 text that happens to be valid UTF-8 is not.  A page declared
   UTF-8 whose bytes are UTF-8 but for a few stray bytes (at most `STRAY_BYTES_SHARE` of
   its non-ASCII characters: a Latin-1 comment pasted into a script, say) is read as
   UTF-8 with the stray bytes replaced, as browsers read it; a guess would read the whole
   page in another charset;
3. UTF-8, when the bytes are valid UTF-8;
4. charset-normalizer's best guess (it arrives with trafilatura); windows-1252, the web's
   legacy default, when it is among the equally good guesses.  NUL bytes are taken out
   first (no single-byte text holds one; `cleaner.binary.binary_kind` lets through text
   with a few stray ones, and a guess would read them as a wide encoding's);
5. UTF-8 with replacement characters.

Decoding never raises.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([\w.:-]{1,40})""", re.I)
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]{1,40})""", re.I)
#: How far a declared charset is looked for, in bytes from the start of the document.
DECLARATION_WINDOW = 16384
# Labels browsers read as windows-1252.
_AS_CP1252 = frozenset({"latin1", "iso88591", "iso8859_1", "l1", "ascii", "us_ascii", "cp819", "windows_1252", "cp1252"})
#: A page declared UTF-8 is read as UTF-8, its invalid bytes replaced, when the invalid
#: sequences are at most this share (0-1) of its non-ASCII characters.
STRAY_BYTES_SHARE = 0.1
#: How much of the document charset-normalizer reads for its guess, in bytes.
GUESS_WINDOW = 200_000
#: Guesses whose chaos (charset-normalizer's measure: the share, 0-1, of the decoded text
#: that looks garbled) is at most this much above the best guess's are as good as it.
GUESS_TIE_CHAOS = 0.01


def declared_charset(data: bytes) -> str | None:
    """The Python codec name of the charset the document declares, if it is known.

    >>> declared_charset(b'<meta charset="ISO-8859-1">')
    'cp1252'
    >>> declared_charset(b'<?xml version="1.0" encoding="utf-8"?><html>') 
    'utf-8'
    """
    head = data[:DECLARATION_WINDOW]
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


def _utf8_with_strays(data: bytes) -> str | None:
    r"""The bytes read as UTF-8 with their invalid sequences replaced, when those are at
    most `STRAY_BYTES_SHARE` of the non-ASCII characters; else ``None``.

    >>> _utf8_with_strays(("caf\u00e9 " * 10).encode("utf-8") + b"M\xe4")[-7:]
    'café M\ufffd'
    >>> _utf8_with_strays("caf\u00e9 cr\u00e8me".encode("cp1252")) is None
    True
    """
    text = data.decode("utf-8", errors="replace")
    stray = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    wide = len(text) - len(text.encode("ascii", "ignore"))  # non-ASCII characters, counted in C
    return text if stray <= STRAY_BYTES_SHARE * wide else None


def bom_codec(data: bytes) -> str | None:
    """The codec the byte-order mark that opens ``data`` names (``"utf-32"``,
    ``"utf-8-sig"`` or ``"utf-16"``; UTF-32's little-endian mark, which opens with
    UTF-16's, is looked for first), else ``None``.

    >>> bom_codec(codecs.BOM_UTF16_LE + "a".encode("utf-16-le")), bom_codec(b"<p>")
    ('utf-16', None)
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def decode(data: bytes) -> str:
    """Decode the bytes of a page (see the module docstring for the order).

    >>> decode('<meta charset="windows-1252"><p>caf\\u00e9'.encode("cp1252"))[-4:]
    'café'
    >>> decode("\\u00e9t\\u00e9".encode("utf-8"))
    'été'
    """
    data = bytes(data)
    marked = bom_codec(data)
    if marked is not None:
        try:
            return data.decode(marked)
        except UnicodeDecodeError:
            pass
    declared = declared_charset(data)
    utf8_failed = False  # strict UTF-8 decoding was tried and failed (it is not tried again)
    if declared and not declared.startswith("utf-16") and not declared.startswith("utf-32"):
        if _is_single_byte(declared) and not data.isascii():
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                utf8_failed = True
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            utf8_failed = utf8_failed or declared == "utf-8"
        if declared == "utf-8":
            text = _utf8_with_strays(data)
            if text is not None:
                return text
    if not utf8_failed:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    # Imported here, when first needed, for speed: charset-normalizer costs about 10 ms of
    # a process's start, and text that is UTF-8 (or says its charset) never needs it.
    from charset_normalizer import from_bytes

    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
    try:
        guesses = from_bytes(data[:GUESS_WINDOW])
        best = guesses.best()
        if best is not None and best.encoding:
            # windows-1252, the web's legacy default, when it is as good a guess as any
            ties = {m.encoding for m in guesses if m.chaos <= best.chaos + GUESS_TIE_CHAOS}
            return data.decode("cp1252" if "cp1252" in ties else best.encoding, errors="replace")
    except Exception:  # noqa: BLE001 - a guesser failure must not stop decoding
        pass
    return data.decode("utf-8", errors="replace")

