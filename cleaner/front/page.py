"""The whole page as blocks: every text block of a page, in document order, merged with
the lines an extractor chose, so that the pipeline sees (and explains) all of the page.

A block is the text of one block element (`cleaner.front.dom.BLOCK_TAGS`) with its inline
descendants, cut where a nested block starts; text nobody sees (scripts, styles,
templates, embedded objects) is no block.  `merge` puts the extractor's lines and the
blocks it did not choose in one document order: each extracted line keeps its text (the
extractor's rendering of tables, lists and line breaks) and stands where its source block
stands; a block the extractor did not choose comes in between as a line of its own,
unless its text is already inside the extracted line beside it (a table cell of a row the
extractor wrote as one line).

A block carries what the page says about it beyond `LineHint`: whether it sits inside the
page's furniture (``nav``, ``aside``, ``footer``, ``menu``, ``dialog``; `FURNITURE_TAGS`)
and its kinship with the chosen blocks (`kinship`): how many levels of its element and
ancestors have the tags and classes of a chosen block's, as the paragraphs of one article
do, in whatever section of the page the extractor skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from ..segment import INVISIBLE
from .dom import BLOCK_TAGS

#: Subtrees whose text is not shown on the page (or not as text): never a block.
HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "math", "head", "title",
                         "iframe", "object", "embed", "audio", "video", "canvas", "map", "select",
                         "option", "textarea", "datalist"})
#: Elements that hold a page's furniture, not its article text.
FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "menu", "dialog"})

#: Levels (the element, its parent ...) compared for kinship with the chosen blocks.
KIN_LEVELS = 4

_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))


@dataclass(frozen=True)
class Block:
    """One text block of the page: its element, its text (whitespace normalised), the
    share of that text inside links, and the furniture element around it ("" if none)."""

    element: HtmlElement
    text: str
    link_density: float
    furniture: str


def _block_of(elem):
    while elem is not None and elem.tag not in BLOCK_TAGS:
        elem = elem.getparent()
    return elem


def page_blocks(tree: HtmlElement) -> list[Block]:
    """Every text block of the page, in document order (the order of each block's first
    text)."""
    pieces: dict = {}
    linked: dict = {}
    furniture: dict = {}
    in_link = 0
    around: list[str] = []  # the furniture elements we are inside
    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, elem in walker:
        tag = elem.tag
        if not isinstance(tag, str):
            continue
        if event == "start":
            if tag in HIDDEN_TAGS:
                walker.skip_subtree()  # its tail comes with its "end" event
                continue
            if tag == "a":
                in_link += 1
            elif tag in FURNITURE_TAGS:
                around.append(tag)
            raw, owner = elem.text, elem
            if tag == "br" or tag == "img":
                raw = " " + (raw or "")
        else:
            if tag == "a":
                in_link -= 1
            elif tag in FURNITURE_TAGS and around:
                around.pop()
            raw, owner = elem.tail, elem.getparent()
        if not raw or owner is None:
            continue
        block = _block_of(owner)
        if block is None:
            continue
        if block not in pieces:
            pieces[block] = []
            linked[block] = 0
            furniture[block] = around[-1] if around else ""
        pieces[block].append(raw)
        if in_link > 0:
            linked[block] += len(raw.strip())
    out = []
    for block, raw in pieces.items():
        text = " ".join("".join(raw).translate(_INVISIBLE).split())
        if text:
            out.append(Block(block, text, min(1.0, linked[block] / len(text)), furniture[block]))
    return out


def merge(blocks: list[Block], lines: list[str], sources: list) -> list[tuple[int, Block | None]]:
    """The page in document order: ``(k, None)`` for the extractor's line ``k`` and
    ``(-1, block)`` for a block it did not choose.  ``sources`` gives per line its
    ``(block element, link share)`` or ``None`` (`cleaner.front.dom.trace`)."""
    position = {b.element: k for k, b in enumerate(blocks)}
    chosen = {s[0] for s in sources if s is not None}
    out: list[tuple[int, Block | None]] = []
    done = 0  # blocks before this position are placed (or skipped)
    last_line = ""
    for k, (line, source) in enumerate(zip(lines, sources)):
        target = position.get(source[0]) if source is not None and line.strip() else None
        if target is not None and target >= done:
            for block in blocks[done:target]:
                if block.element not in chosen and block.text not in last_line and block.text not in line:
                    out.append((-1, block))
            done = target + 1
        out.append((k, None))
        if line.strip():
            last_line = line
    for block in blocks[done:]:
        if block.element not in chosen and block.text not in last_line:
            out.append((-1, block))
    return out


def _shape(elem) -> list[tuple[str, str]]:
    """Tag and class of the element and its ancestors, up to `KIN_LEVELS` levels."""
    out = []
    while elem is not None and len(out) < KIN_LEVELS:
        out.append((elem.tag, " ".join((elem.get("class") or "").split())))
        elem = elem.getparent()
    return out


class Kinship:
    """How many levels of an element's shape (`_shape`) match a chosen block's."""

    def __init__(self, chosen) -> None:
        self.known: list[set] = [set() for _ in range(KIN_LEVELS)]
        for elem in chosen:
            shape = _shape(elem)
            for depth in range(len(shape)):
                self.known[depth].add(tuple(shape[:depth + 1]))

    def __call__(self, elem) -> int:
        shape = _shape(elem)
        depth = 0
        while depth < len(shape) and tuple(shape[:depth + 1]) in self.known[depth]:
            depth += 1
        return depth
