"""The page as a tree: parse HTML robustly, run trafilatura on it, and find for each line of
its text the element of the page the line came from.

A line is traced back through an index of the page's text nodes keyed by their first
characters (a line starts where a text node starts: a paragraph, a heading, the text after
a ``<br>``).  From the element found come the line's tag, heading level, link density and
the boilerplate words in the class and id attributes around it (`MARK_WORDS`).
"""

from __future__ import annotations

import logging
import re

from lxml import etree
from lxml.html import HtmlElement

from .segment import normalize

# Elements that start a block of text; inline elements (a, span, b ...) are not blocks.
BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li dt dd td th blockquote pre figcaption caption div section "
    "article aside header footer nav main form ul ol dl table tr tbody thead tfoot body "
    "address details summary center legend fieldset figure html".split()
)
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "head", "title", "iframe", "object"})

_PREFIX = 32
_MARKER = re.compile(r"^(?:[-*•] |\| )")
_WORDS = re.compile(r"[a-z]+|[A-Z][a-z]*")

_TRAFILATURA_LOGGER = logging.getLogger("trafilatura")


def _quiet() -> None:
    """trafilatura logs a warning for every page it finds nothing in; a cleaner call that
    returns "" for such a page is not an event worth a log line."""
    if _TRAFILATURA_LOGGER.level == logging.NOTSET:
        _TRAFILATURA_LOGGER.setLevel(logging.ERROR)


_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_HAS_ROOT = re.compile(r"<html[\s>]|<body[\s>]", re.I)


def parse(html: str) -> HtmlElement | None:
    """The page as an lxml tree, or ``None`` when nothing can be parsed.  A fragment
    without ``<html>``/``<body>`` is wrapped in a body first."""
    from trafilatura.utils import load_html

    _quiet()
    if not html or not html.strip():
        return None
    html = _INVALID_XML.sub("", html)
    if not _HAS_ROOT.search(html[:65536]):
        html = f"<html><body>{html}</body></html>"
    try:
        tree = load_html(html)
    except Exception:  # noqa: BLE001 - lxml/trafilatura failures mean "no tree"
        return None
    if tree is None or not isinstance(tree, HtmlElement):
        return None
    return tree


def main_text(tree: HtmlElement) -> str:
    """trafilatura's main text of the page (comments excluded, tables kept), one block a
    line; "" when it finds none or fails."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(tree, include_comments=False, include_tables=True)
    except (RecursionError, ValueError, TypeError, AttributeError, IndexError, KeyError):
        return ""
    if doc is None or not getattr(doc, "text", None):
        return ""
    return doc.text


class _Index:
    """Text nodes of the page keyed by their first `_PREFIX` normalised characters."""

    def __init__(self, tree: HtmlElement) -> None:
        self.keys: dict[str, list[int]] = {}
        self.owners: list[etree._Element] = []
        order = 0
        for elem in tree.iter():
            tag = elem.tag
            if not isinstance(tag, str):
                continue
            if tag in _SKIP:
                continue
            if elem.text:
                self._add(elem.text, elem)
            parent = elem.getparent()
            if elem.tail and parent is not None and parent.tag not in _SKIP:
                self._add(elem.tail, parent)
            order += 1

    def _add(self, raw: str, owner) -> None:
        text = normalize(raw)
        if not text:
            return
        key = text[:_PREFIX]
        self.keys.setdefault(key, []).append(len(self.owners))
        self.owners.append(owner)

    def find(self, line: str, after: int) -> int | None:
        """Index of the text node the line starts with: the longest key that is a prefix of
        the line; among equal keys the first node after ``after``."""
        top = min(len(line), _PREFIX)
        for j in range(top, 0, -1):
            if j < len(line) and j < _PREFIX and line[j].isalnum() and line[j - 1].isalnum():
                continue  # a text node ends at a word boundary
            found = self.keys.get(line[:j])
            if found:
                for node in found:
                    if node > after:
                        return node
                return found[0]
        return None


def _block(elem):
    while elem is not None and elem.tag not in BLOCK_TAGS:
        elem = elem.getparent()
    return elem


def _attr_words(elem) -> list[str]:
    words = []
    for name in ("class", "id"):
        value = elem.get(name)
        if value:
            words.extend(w.lower() for w in _WORDS.findall(value))
    return words


def line_sources(tree: HtmlElement, lines: list[str]) -> list:
    """For each line, the block element it came from (or ``None``)."""
    index = _Index(tree)
    out = []
    last = -1
    for line in lines:
        text = _MARKER.sub("", line).strip()
        if not text:
            out.append(None)
            continue
        node = index.find(text, last)
        if node is None:
            # a line broken inside a text node continues the previous line's block
            out.append(out[-1] if out else None)
            continue
        last = node
        out.append(_block(index.owners[node]))
    return out
