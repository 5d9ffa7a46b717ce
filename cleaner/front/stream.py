"""A page too large for a tree: the text of its blocks, read while it is parsed.

A page of more than `cleaner.front.extract.MAX_EXTRACTED_ELEMENTS` elements is read without
the extractor, one block a line (`cleaner.front.page.block_texts`).  Parsed whole, its tree
alone weighs some 250 bytes an element: 30 times the page when its elements are tiny.
`read` here reads the same texts from the parser's events and takes each element out
of the tree once its text and tail are read, so that memory holds the open elements and
the texts made, whatever the page's size.  The page's headline is read from the same
events, as `cleaner.front.headline.headline` reads it from a tree: the first ``<h1>`` whose
text reads like a headline, else the first such ``og:title``, else ``<title>``.  It is run
on a page with more than that many
``<`` (a page with fewer holds no more elements, but for the few the parser adds: the
tree's count decides then) and gives ``None`` when the page holds no more elements than the
limit, or when the parser stopped at its depth limit (elements left open): the page is then
parsed whole (`cleaner.front.dom.parse`, which flattens a page too deep).
"""

from __future__ import annotations

from lxml import etree

from .headline import is_og_title, named
from .walk import BLOCK_TAGS, HIDDEN_TAGS, normalized

#: Characters of the page handed to the parser at a time.
CHUNK = 1 << 16
#: The tags whose text or content may be the page's headline (`cleaner.front.headline`).
_NAMING = frozenset({"h1", "meta", "title"})


class _Reader:
    """The blocks' texts, in the order of each block's first text, from the parser's
    "start" and "end" events.  An element's text is read when its first child starts or
    it ends, a child's tail when its next sibling starts or its parent ends; the child is
    then taken out of the tree.  The texts read inside an open ``<h1>`` or ``<title>``
    (hidden or not) make its text, as ``text_content()`` reads it, for the headline."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.open: list[list] = []  # per open element: [element, text read?, last child, block?, heading pieces]
        self.blocks: list[list] = []  # per open block: [its slot in ``texts`` or -1, *its raw pieces]
        self.hidden = 0  # open elements of `HIDDEN_TAGS`
        self.elements = 0
        self.heads: list[list] = []  # per open <h1> or <title>: [its start's number, *its text pieces]
        self.named: dict[str, tuple[int, str]] = {}  # per tag: the first (by start) headline-like text

    def headline(self) -> str | None:
        """The page's headline (`cleaner.front.headline.headline`), or ``None``."""
        for tag in ("h1", "meta", "title"):
            if tag in self.named:
                return self.named[tag][1]
        return None

    def _heading(self, text: str) -> None:
        for got in self.heads:
            got.append(text)

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
            text = state[0].text
            if text:
                if self.heads:  # (an open <h1> or <title>)
                    self._heading(text)
                self._piece(text)
        last = state[2]
        if last is not None:
            tail = last.tail
            if tail:
                if self.heads:
                    self._heading(tail)
                self._piece(tail)
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
        head = None
        if tag in _NAMING:
            head = self._naming(elem, tag)
        self.open.append([elem, False, None, block, head])
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        if block:
            self.blocks.append([-1])
        if tag == "br" or tag == "img":
            self._piece(" ")

    def end(self, elem) -> None:
        state = self.open.pop() if self.open else [elem, True, None, False, None]
        self._settle(state)
        if state[4] is not None:
            self._named(elem.tag, self.heads.pop())
        if state[3]:
            got = self.blocks.pop()
            if got[0] >= 0:
                self.texts[got[0]] = normalized("".join(got[1:]))
        if elem.tag in HIDDEN_TAGS:
            self.hidden -= 1

    def _naming(self, elem, tag: str) -> list | None:
        """At the start of an element that may name the page: an ``og:title`` is read at
        once; an ``<h1>`` or a ``<title>`` gets the list its text pieces go to."""
        if tag != "meta":
            self.heads.append([self.elements])
            return self.heads[-1]
        if "meta" not in self.named and is_og_title(elem):
            self._named("meta", [self.elements, elem.get("content")])
        return None

    def _named(self, tag: str, got: list) -> None:
        """Keep the text of ``got`` (its start's number, its pieces) as the first of
        ``tag`` that reads like a headline, if it reads like one and starts first."""
        text = named("".join(got[1:]) if tag != "meta" else got[1])
        if text is not None and (tag not in self.named or got[0] < self.named[tag][0]):
            self.named[tag] = (got[0], text)


def read(html: str, limit: int) -> tuple[list[str], str | None] | None:
    """The text of every block of ``html`` (a page as it is parsed, `cleaner.front.dom.rooted`), in
    document order, as `cleaner.front.page.block_texts` reads them from its tree, and the
    page's headline, as `cleaner.front.headline.headline` reads it; ``None`` when the page
    holds at most ``limit`` elements or the parser stopped at its depth limit."""
    parser = etree.HTMLPullParser(events=("start", "end"), remove_comments=True, remove_pis=True,
                                  huge_tree=True, collect_ids=False, default_doctype=False)
    reader = _Reader()
    start, end = reader.start, reader.end

    def take_events() -> None:  # the events the parser has read so far
        for event, elem in parser.read_events():
            if elem.tag.__class__ is str:
                (start if event == "start" else end)(elem)

    try:
        for at in range(0, len(html), CHUNK):
            parser.feed(html[at:at + CHUNK])
            take_events()
        parser.close()
        take_events()
    except Exception:  # noqa: BLE001 - a page the parser refuses is parsed whole, as any page
        return None
    if reader.elements <= limit or reader.open:  # (elements left open: the parser stopped at its depth limit)
        return None
    return [text for text in reader.texts if text], reader.headline()
