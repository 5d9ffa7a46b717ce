"""HTML front door: detect HTML, decode bytes, extract text with block structure.

Bytes are decoded as UTF-8; if that fails, by the charset the document declares, then by
charset-normalizer's guess, and as a last resort as UTF-8 with replacement characters.
"""

from __future__ import annotations

import re

_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.I)
_TAGS = re.compile(r"</?(?:html|head|body|div|p|span|a|meta|script|article|section|br|li|ul|h[1-6])\b[^>]*>", re.I)


def looks_like_html(document: str | bytes) -> bool:
    """True when the input starts like an HTML document or is dense with HTML tags."""
    head = document[:2000]
    if isinstance(head, str):
        if _HTML_START.match(head.encode("utf-8", "ignore")):
            return True
        return len(_TAGS.findall(head)) >= 5
    if _HTML_START.match(head):
        return True
    return len(_TAGS.findall(head.decode("utf-8", "ignore"))) >= 5


def decode(data: bytes) -> str:
    """Decode bytes: UTF-8 first, then the declared charset, then a guess."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = re.search(rb"""charset=["']?([\w.:-]+)""", data[:4096], re.I)
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None:
            return str(best)
    except Exception:  # pragma: no cover - charset_normalizer is a dependency of trafilatura
        pass
    return data.decode("utf-8", errors="replace")


def extract_text(document: str | bytes) -> str:
    """The main text of an HTML page, one block (paragraph, heading, list item) a line."""
    import trafilatura

    text = trafilatura.extract(
        document, include_comments=False, include_tables=True, favor_precision=False,
        deduplicate=False,
    )
    return text or ""
