"""Tell binary input (an executable, an image, an archive) from a document.

`clean`, `split` and `analyze` refuse such an input with `BinaryInput` (a `ValueError`
naming its kind), the one test of it; the command line catches it and skips the input
with a warning instead of "cleaning" it into garbage, and the Scrapy pipeline and the
datatrove step catch it and pass the item on unchanged.  They refuse a value that is
neither text nor bytes (``None``, a number, a list) with `NotText` (a `TypeError` naming
its type), which the Scrapy pipeline and the datatrove step catch the same way; the
command line reads only files and JSON strings.  `binary_kind` looks at the first
`SNIFF_BYTES` bytes only:

- a known magic number (`MAGIC`) names the kind of file;
- NUL bytes, outside text that starts with a UTF-16 or UTF-32 byte-order mark, are binary
  unless the bytes are UTF-8 with at most `CONTROL_SHARE` of them control bytes (NULs
  counted), or hold one NUL or at most `NUL_SHARE` of them NULs (in another encoding
  with at most `NUL_CONTROL_SHARE` of them other control bytes): a few stray NULs in a
  page or a text dump do not make it binary (they are taken out of the text:
  `cleaner.front.decode.decode`, and the line cutting, `cleaner.segment`, drops any left);
- bytes that are not UTF-8, with more than `CONTROL_SHARE` of them control bytes (other
  than tab, line breaks, form feed and escape), are binary: no text encoding would make
  them a document.

>>> binary_kind(b"\\x7fELF\\x02\\x01\\x01")
'ELF executable'
>>> binary_kind("Plain text, caf\\u00e9.".encode("latin-1")) is None
True
>>> binary_kind(b"\\x00\\x00\\x00\\x18ftyq\\x00\\x00")
'NUL bytes'
>>> binary_kind(b"text\\x00with a stray NUL, as pages sometimes have") is None
True
>>> binary_kind("caf\\u00e9\\x00 in Latin-1, one stray NUL".encode("latin-1")) is None
True
"""

from __future__ import annotations

import codecs

#: How many leading bytes are examined.
SNIFF_BYTES = 8192
#: Share (0-1) of control bytes above which bytes that are not UTF-8 count as binary.
CONTROL_SHARE = 0.10
#: Share (0-1) of NUL bytes up to which bytes in any encoding are still a document (one
#: NUL always is): a stray NUL or two in a Latin-1 text file.  Binary data holds far
#: more (random bytes 1 in 256, about 0.4%; an executable or a UTF-16 text without its
#: byte-order mark many more).
NUL_SHARE = 0.002
#: Share (0-1) of control bytes other than NULs up to which bytes that hold stray NULs
#: (`NUL_SHARE`) and are not UTF-8 are still a document: a text has next to none, random
#: bytes about 11%.
NUL_CONTROL_SHARE = 0.01

#: Leading bytes -> kind of file.  Formats whose signature could start a text file
#: (``BM``, ``MZ`` alone) are left out.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x7fELF", "ELF executable"),
    (b"MZ\x90\x00", "Windows executable"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O file"),
    (b"\x00asm", "WebAssembly module"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data (not named .gz)"),
    (b"BZh91AY&SY", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS\x00", "Ogg media"),
    (b"ID3\x03", "MP3 audio"),
    (b"ID3\x04", "MP3 audio"),
    (b"fLaC", "FLAC audio"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM video"),
)
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B} | {0x7F}


class BinaryInput(ValueError):
    """Bytes of a binary file given as a document; ``kind`` says what they look like
    (`binary_kind`)."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"cleaner expects a document, not binary input ({kind})")
        self.kind = kind

    def __reduce__(self):
        return BinaryInput, (self.kind,)


class NotText(TypeError):
    """A document that is neither text nor bytes; ``kind`` is the name of its type."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"cleaner expects text (str) or bytes, not {kind}")
        self.kind = kind

    def __reduce__(self):
        return NotText, (self.kind,)


def binary_kind(data: bytes) -> str | None:
    """What kind of binary file ``data`` starts like, or ``None`` for a document."""
    head = bytes(data[:SNIFF_BYTES])
    for magic, kind in MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"RIFF") and head[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[head[8:12]]
    if head[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if head.startswith(_WIDE_BOMS):
        return None
    utf8 = _is_utf8(head)
    if b"\x00" in head and not (utf8 and _control_share(head) <= CONTROL_SHARE) and not _stray_nuls(head, utf8):
        return "NUL bytes"
    if not utf8 and _control_share(head) > CONTROL_SHARE:
        return "undecodable bytes"
    return None


def _stray_nuls(head: bytes, utf8: bool) -> bool:
    """Does ``head`` hold one NUL byte, or at most `NUL_SHARE` of its bytes NULs, and,
    when it is not UTF-8, at most `NUL_CONTROL_SHARE` of its bytes other control bytes?"""
    nuls = head.count(0)
    if not (nuls <= 1 or nuls <= NUL_SHARE * len(head)):
        return False
    return utf8 or _control_share(head) - nuls / len(head) <= NUL_CONTROL_SHARE


def _is_utf8(head: bytes) -> bool:
    """Whether ``head`` is UTF-8 (a character cut by the sniff window at its end aside)."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3
    return True


def _control_share(head: bytes) -> float:
    """Share (0-1) of ``head``'s bytes that are control bytes (`_CONTROL`, NUL included)."""
    return sum(1 for b in head if b in _CONTROL) / len(head) if head else 0.0
