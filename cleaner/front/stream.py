"""A page too large for a tree: the text of its blocks, read while it is parsed.

A page of more than `cleaner.front.extract.MAX_EXTRACTED_ELEMENTS` elements is read without
the extractor, one block a line (`cleaner.front.page.block_texts`).  Parsed whole, its tree
alone weighs some 250 bytes an element: 30 times the page when its elements are tiny.
`block_texts` here reads the same texts from the parser's events and takes each element out
of the tree once its text and tail are read, so that memory holds the open elements and
the texts made, whatever the page's size.  It is run on a page with more than that many
``<`` (a page with fewer holds no more elements, but for the few the parser adds: the
tree's count decides then) and gives ``None`` when the page holds no more elements than the
limit, or when the parser stopped at its depth limit (elements left open): the page is then
parsed whole (`cleaner.front.dom.parse`, which flattens a page too deep).
"""

from __future__ import annotations

from lxml import etree

from .walk import BLOCK_TAGS, HIDDEN_TAGS, drop_invisible

#: Characters of the page handed to the parser at a time.
CHUNK = 1 << 16


class _Reader:
    """The blocks' texts, in the order of each block's first text, from the parser's
    "start" and "end" events.  An element's text is read when its first child starts or
    it ends, a child's tail when its next sibling starts or its parent ends; the child is
    then taken out of the tree."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.open: list[list] = []  # per open element: [element, text read?, last child, block pieces or None]
        self.blocks: list[list] = []  # per open block: [its slot in ``texts`` or -1, *its raw pieces]
        self.hidden = 0  # open elements of `HIDDEN_TAGS`
        self.elements = 0

    def _piece(self, text) -> None:
        if text and self.blocks and not self.hidden:
            got = self.blocks[-1]
            if got[0] < 0:
                got[0] = len(self.texts)
                self.texts.append("")
            got.append(text)

    def _settle(self, state: list) -> None:
        """Read the open element's text, or the tail of its last child (then taken out)."""
        if not state[1]:
            state[1] = True
            self._piece(state[0].text)
        last = state[2]
        if last is not None:
            self._piece(last.tail)
            parent = last.getparent()
            if parent is not None:
                parent.remove(last)
            state[2] = None

    def start(self, elem) -> None:
        self.elements += 1
        if self.open:
            parent = self.open[-1]
            self._settle(parent)
            parent[2] = elem
        tag = elem.tag
        block = tag in BLOCK_TAGS
        self.open.append([elem, False, None, block])
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        if block:
            self.blocks.append([-1])
        if tag == "br" or tag == "img":
            self._piece(" ")

    def end(self, elem) -> None:
        state = self.open.pop() if self.open else [elem, True, None, False]
        self._settle(state)
        if state[3]:
            got = self.blocks.pop()
            if got[0] >= 0:
                joined = "".join(got[1:])
                self.texts[got[0]] = " ".join((joined if joined.isascii() else drop_invisible("", joined)).split())
        if elem.tag in HIDDEN_TAGS:
            self.hidden -= 1


def block_texts(html: str, limit: int) -> list[str] | None:
    """The text of every block of ``html`` (a page as it is parsed, `cleaner.front.dom.rooted`), in
    document order, as `cleaner.front.page.block_texts` reads them from its tree; ``None``
    when the page holds at most ``limit`` elements or the parser stopped at its depth limit."""
    parser = etree.HTMLPullParser(events=("start", "end"), remove_comments=True, remove_pis=True,
                                  huge_tree=True, collect_ids=False, default_doctype=False)
    reader = _Reader()
    start, end = reader.start, reader.end
    try:
        for at in range(0, len(html), CHUNK):
            parser.feed(html[at:at + CHUNK])
            for event, elem in parser.read_events():
                if elem.tag.__class__ is str:
                    (start if event == "start" else end)(elem)
        parser.close()
        for event, elem in parser.read_events():
            if elem.tag.__class__ is str:
                (start if event == "start" else end)(elem)
    except Exception:  # noqa: BLE001 - a page the parser refuses is parsed whole, as any page
        return None
    if reader.elements <= limit or reader.open:  # (elements left open: the parser stopped at its depth limit)
        return None
    return [text for text in reader.texts if text]
