"""The front door's entry point: an HTML page in, its main text and a hint per line out.

`extract(document)` decodes the page if it is bytes (`cleaner.front.decode`), parses it
(`cleaner.front.dom.parse`), runs trafilatura on it (comments excluded, tables kept),
renders the result as plain text, one block (paragraph, heading, list item, table row) a
line, and finds for each line the element of the page it came from
(`cleaner.front.dom.hints`), so that the text pipeline can use what the page says about
the line.  It never calls back into the pipeline.

Broken, empty, binary or huge input never raises from here: it gives an empty extraction
or the text of what could be parsed.  Documents longer than `MAX_HTML_CHARS` are cut there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.etree import Element
from lxml.html import HtmlElement

from ..segment import segment
from . import dom
from .decode import decode
from .dom import LineHint
from .headline import headline

#: Longest HTML (in characters) that is parsed; the rest is cut (trafilatura's own limit).
MAX_HTML_CHARS = 20_000_000


@dataclass(frozen=True)
class Extraction:
    """The extracted text and, aligned with ``segment(text)``, a hint per line (``None``
    for blank lines and lines whose source element was not found)."""

    text: str
    hints: tuple[LineHint | None, ...]
    headline: str | None = None  # the page's headline (`cleaner.front.headline`)


EMPTY = Extraction("", ())


def prepare(document: str | bytes) -> str:
    """The page as a string, decoded and cut to `MAX_HTML_CHARS`."""
    html = decode(document) if isinstance(document, (bytes, bytearray, memoryview)) else document
    if len(html) > MAX_HTML_CHARS:
        html = html[:MAX_HTML_CHARS]
    return html


def extract(document: str | bytes) -> Extraction:
    """The main text of an HTML page with a hint per line; never raises on bad HTML."""
    html = prepare(document)
    tree = dom.parse(html)
    if tree is None:
        return EMPTY
    title = headline(tree)  # before the extractor prunes the tree
    text = main_text(tree)
    if not text.strip():
        return EMPTY
    lines = segment(text)
    try:
        hints = dom.hints(tree, [line.text for line in lines])
    except RecursionError:  # a tree too deep to walk: the text stands without hints
        hints = (None,) * len(lines)
    return Extraction(text, hints, title)


def extract_text(document: str | bytes) -> str:
    """The main text of an HTML page, one block (paragraph, heading, list item) a line."""
    return extract(document).text


def main_text(tree: HtmlElement) -> str:
    """trafilatura's main text of the page (comments excluded, tables kept), one block a
    line; "" when it finds none or fails."""
    import trafilatura  # deferred: its import costs about 0.2 s, paid only for HTML
    from trafilatura.xml import xmltotxt

    try:
        doc = trafilatura.bare_extraction(tree, include_comments=False, include_tables=True)
        if doc is None or doc.body is None:
            return ""
        body = doc.body
        _unwrap(body)
        _unwrap_layout_tables(body)
        return xmltotxt(body, False)
    except Exception:  # noqa: BLE001 - a page trafilatura chokes on has no main text
        return ""


_BLOCKISH = frozenset({"p", "head", "list", "quote", "table", "code"})


def _unwrap_layout_tables(body) -> None:
    """A table whose cells hold paragraphs or headings is page layout, not data: its
    cells become blocks of their own instead of one flattened table row."""
    for table in list(body.iter("table")):
        parent = table.getparent()
        if parent is None:
            continue
        # this table's own cells (a nested table is moved whole and handled on its turn)
        cells = [c for c in table.iter("cell") if next(c.iterancestors("table"), None) is table]
        if not any(child.tag in _BLOCKISH for cell in cells for child in cell):
            continue
        blocks = []
        for cell in cells:
            run = None
            if cell.text and cell.text.strip():
                run = Element("p")
                run.text = cell.text
                blocks.append(run)
            for child in list(cell):
                tail, child.tail = child.tail, None
                if child.tag in _BLOCKISH:
                    blocks.append(child)
                    run = None
                else:
                    if run is None:
                        run = Element("p")
                        blocks.append(run)
                    run.append(child)
                if tail and tail.strip():
                    if run is None:
                        run = Element("p")
                        blocks.append(run)
                        run.text = tail
                    elif len(run):
                        run[-1].tail = (run[-1].tail or "") + tail
                    else:
                        run.text = (run.text or "") + tail
        position = parent.index(table)
        tail = table.tail
        parent.remove(table)
        for k, block in enumerate(blocks):
            parent.insert(position + k, block)
        if tail and blocks:
            blocks[-1].tail = tail


_NEWLINES = re.compile(r"\s*\n\s*")
_VERBATIM = frozenset({"code", "pre"})


def _unwrap(body) -> None:
    """Join the lines of a block that the page's source broke with hard newlines (the
    browser shows one paragraph); ``<br>`` breaks (``lb``) and code stay."""
    for elem in body.iter():
        if elem.tag in _VERBATIM or any(a.tag in _VERBATIM for a in elem.iterancestors()):
            continue
        if elem.text and "\n" in elem.text:
            elem.text = _NEWLINES.sub(" ", elem.text)
        if elem.tail and "\n" in elem.tail:
            elem.tail = _NEWLINES.sub(" ", elem.tail)
