"""One walk over the page's tree for the front door.

It gathers, in document order:

- the text nodes by which each line of the extracted text is traced back to its element
  (`PageWalk.find`, used by `cleaner.front.dom.trace`): each node's block element, length
  and whether it sits inside a link, keyed by its first `PREFIX` normalised characters;
  text inside `SKIP_TAGS` is not indexed;
- the text of every block of the page (`cleaner.front.page.page_blocks`): the pieces of
  text each block element holds, their link characters and the furniture around the block;
  text inside `HIDDEN_TAGS` is no block; a block's text is made from its pieces once, when
  first asked for (`PageWalk.block_text`);
- the page's text, in order, without its scripts' and styles' (`PageWalk.text_bound`:
  how long a text taken from the page by deleting elements can be);
- what lies around each block met (`PageWalk.where`): the block and its nearest
  `CHAIN_LEVELS - 1` ancestors, and the ``<article>`` and ``<li>`` it sits in, and for
  each ``<article>`` its parent and the articles it sits in (`PageWalk.articles`), so that
  the steps after the walk need not climb the tree again: the extractor may prune the
  tree once the walk is done (`cleaner.front.extract`).

Walking an lxml tree costs most per element visited; one walk serves every step.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from lxml import etree
from lxml.html import HtmlElement

from .. import _core
from ..segment import INVISIBLE

# Elements that start a block of text; inline elements (a, span, b ...) are not blocks.
BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li dt dd td th blockquote pre figcaption caption div section "
    "article aside header footer nav main form ul ol dl table tr tbody thead tfoot body "
    "address details summary center legend fieldset figure html".split()
)
# Subtrees whose text is never in the extracted text: scripts and styles, and the page
# furniture trafilatura's cleaning removes before it extracts (menus, controls, asides,
# footers, media; not forms: a page may sit in one).  A line is not traced into them: a
# title that is also a menu link belongs to the heading, not to the link.
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "math", "head", "title", "iframe",
                       "object", "aside", "footer", "nav", "menu", "button", "select", "option", "textarea",
                       "label", "fieldset", "dialog", "embed", "audio", "video", "canvas", "map", "picture"})
#: Subtrees whose text is not shown on the page (or not as text): never a block.
HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "math", "head", "title",
                         "iframe", "object", "embed", "audio", "video", "canvas", "map", "select",
                         "option", "textarea", "datalist"})
#: Elements that hold a page's furniture, not its article text.
FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "menu", "dialog"})

#: Characters of a text node that key it in the index.
PREFIX = 32
#: Characters of a line that tell apart text nodes with the same key (`PageWalk.find`).
PROBE = 200
#: Elements recorded in a block's chain: the block and its ancestors, nearest first.
CHAIN_LEVELS = 5

#: Removes the invisible characters of a text (`cleaner.segment.INVISIBLE`): ``("", text)``.
#: One regex pass; ``str.translate`` with a table looks every character up in Python.
drop_invisible = re.compile(f"[{re.escape(INVISIBLE)}]+").sub


def normalized(text: str) -> str:
    """`cleaner.segment.normalize`, done the fast way: invisible characters out,
    whitespace runs to one space, none at the ends (a block's text, its pieces joined).

    >>> normalized("  One\u200b  two   three ")
    'One two three'
    """
    return " ".join((text if text.isascii() else drop_invisible("", text)).split())


#: The text nodes of a subtree the walk skips, but for its scripts' and styles'.
_SHOWN_TEXT = etree.XPath(".//text()[not(parent::script or parent::style)]", smart_strings=False)
#: Does a tree hold a node the walk does not meet (its tail is not read)?
_ODD_NODE = etree.XPath("boolean(//comment() | //processing-instruction())")
#: Characters XML writes as a reference (``&amp;`` ...), and what one such character or a
#: frame's "VIDEO" may add to the length of a trimmed text (`PageWalk.text_bound`).
_ESCAPED = ("&", "<", ">", "\r")
_GROWTH = 6
# What the walk does on an element, by tag: note a block, a link, a line break (its text
# starts after a space); and what it notes of the element: an ``<article>``, a ``<li>``,
# furniture, a hidden or a skipped subtree.
_BLOCK, _LINK, _BREAK, _ARTICLE, _ITEM, _FURNITURE, _HIDDEN, _SKIPPED = 1, 2, 4, 8, 16, 32, 64, 128
_NOTED = _ARTICLE | _ITEM | _FURNITURE | _HIDDEN | _SKIPPED
_KIND: dict[str, int] = {}
for _tags, _kind in ((BLOCK_TAGS, _BLOCK), (("a",), _LINK), (("br", "img"), _BREAK), (("article",), _ARTICLE),
                     (("li",), _ITEM), (FURNITURE_TAGS, _FURNITURE), (HIDDEN_TAGS, _HIDDEN), (SKIP_TAGS, _SKIPPED)):
    for _tag in _tags:
        _KIND[_tag] = _KIND.get(_tag, 0) | _kind


class PageWalk:
    """The page's text nodes, its blocks' text and what lies around each block (see the
    module docstring), from one walk over ``tree``."""

    def __init__(self, tree: HtmlElement) -> None:
        self.keys: dict[str, list[int]] = {}  # first characters -> text nodes
        self.blocks: list = []  # per text node: its block element (or None)
        self.sizes: list[int] = []  # per text node: its normalised length
        self.texts: list[str] = []  # per text node: its normalised text
        self.linked: list[bool] = []  # per text node: inside a link?
        # block element -> [characters of its pieces inside links, the furniture tag around
        # it ("" if none), then its raw text pieces in order]
        self.pieces: dict = {}
        self.where: dict = {}  # block element -> (chain, article, list item)
        # <article> element -> (its parent, the <article> elements it sits in)
        self.articles: dict = {}
        self._seen: list[str] = []  # the text pieces read, in order (`text_bound`)
        self._frames = 0  # <iframe> elements
        self._bound: int | None | bool = False  # `text_bound`, once asked for
        self._root = tree if tree.getparent() is None else None  # a whole tree (`text_bound`)
        self._arts: list = []  # the open <article> elements, outermost first
        self._items: list = []  # the open <li> elements, outermost first
        self._texts: dict = {}  # block element -> its normalised text, once asked for (`block_text`)
        self._walk(tree)
        if tree.tail:
            self._seen.append(tree.tail)  # a copy of the tree keeps it

    def _ancestors(self, tree: HtmlElement) -> tuple[list, list]:
        """The open elements and open blocks above the tree's root (none for a whole
        page), outermost first; their articles and list items noted, as `_walk` notes
        them at an element's start (the two must note alike; `_walk` keeps its own copy
        of the notes: a call there would cost every element of the page)."""
        stack: list = []
        blocks: list = []
        arts, items = self._arts, self._items
        for elem in reversed(list(tree.iterancestors())):  # only their blocks, articles, items
            stack.append(elem)
            if elem.tag == "article":
                self.articles[elem] = (elem.getparent(), tuple(arts))
                arts.append(elem)
            elif elem.tag == "li":
                items.append(elem)
            if elem.tag in BLOCK_TAGS:
                blocks.append(elem)
                self.where[elem] = (tuple(reversed(stack[-CHAIN_LEVELS:])), arts[-1] if arts else None,
                                    items[-1] if items else None)
        return stack, blocks

    def _walk(self, tree: HtmlElement) -> None:
        # One loop, no calls beyond the tree's and few look-ups: it runs for every element
        # of the page (the hot path is an element with no kind and no text).
        stack, blocks = self._ancestors(tree)
        keys, nodes, sizes, texts, linked, pieces, where, outer, arts, items = (
            self.keys, self.blocks, self.sizes, self.texts, self.linked, self.pieces, self.where, self.articles,
            self._arts, self._items)
        furnitures: list[str] = []  # the furniture tags around, outermost first
        seen = self._seen
        in_link = hidden = skipped = 0  # depth in links, in hidden and in skipped subtrees
        block = blocks[-1] if blocks else None
        art = arts[-1] if arts else None  # the nearest open <article> (the last of ``arts``)
        item = items[-1] if items else None  # the nearest open <li> (the last of ``items``)
        furniture = ""  # the furniture tag around (the last of ``furnitures``, or "")
        kinds = _KIND
        chain_end = -CHAIN_LEVELS - 1  # ``stack[:chain_end:-1]``: the chain, nearest first
        walker = etree.iterwalk(tree, events=("start", "end"))
        for event, elem in walker:
            tag = elem.tag
            if tag.__class__ is not str:
                continue
            kind = kinds.get(tag, 0)
            if event == "start":
                stack.append(elem)
                if not kind:
                    raw = shown = elem.text
                else:
                    if kind == _LINK:
                        in_link += 1
                    else:
                        if kind & _NOTED:
                            if kind & _ITEM:
                                items.append(elem)
                                item = elem
                            elif kind & _ARTICLE:
                                outer[elem] = (stack[-2] if len(stack) > 1 else elem.getparent(), tuple(arts))
                                arts.append(elem)
                                art = elem
                            elif kind & _FURNITURE:
                                furnitures.append(tag)
                                furniture = tag
                            if kind & _HIDDEN:
                                hidden += 1
                            if kind & _SKIPPED:
                                skipped += 1
                        if kind & _BLOCK:
                            blocks.append(elem)
                            block = elem
                            where[elem] = (tuple(stack[:chain_end:-1]), art, item)
                        if hidden and skipped and kind & _NOTED:
                            walker.skip_subtree()  # its tail comes with its "end" event
                            if tag != "script" and tag != "style":
                                seen += _SHOWN_TEXT(elem)
                                self._frames += sum(1 for _ in elem.iter("iframe"))
                            continue
                    raw = elem.text
                    shown = " " + (raw or "") if kind & _BREAK else raw
            else:
                stack.pop()
                if kind:
                    if kind == _LINK:
                        in_link -= 1
                    else:
                        if kind & _BLOCK:
                            blocks.pop()
                            block = blocks[-1] if blocks else None
                        if kind & _NOTED:
                            if kind & _ITEM:
                                items.pop()
                                item = items[-1] if items else None
                            elif kind & _ARTICLE:
                                arts.pop()
                                art = arts[-1] if arts else None
                            elif kind & _FURNITURE and furnitures:
                                furnitures.pop()
                                furniture = furnitures[-1] if furnitures else ""
                            if kind & _HIDDEN:
                                hidden -= 1
                            if kind & _SKIPPED:
                                skipped -= 1
                raw = shown = elem.tail
                if not shown or not stack:
                    continue  # (the tail of the root belongs to no element)
            if not shown:
                continue
            seen.append(shown)
            if block is not None and not hidden:
                got = pieces.get(block)
                if got is None:
                    pieces[block] = got = [0, furniture, shown]
                else:
                    got.append(shown)
                if in_link:
                    got[0] += len(shown.strip())
            if skipped or not raw or raw.isspace():
                continue
            # `normalized`, written inline: this runs for every text node of the page
            text = " ".join((raw if raw.isascii() else drop_invisible("", raw)).split())
            if text:
                key = text[:PREFIX]
                found = keys.get(key)
                if found is None:
                    keys[key] = [len(nodes)]
                else:
                    found.append(len(nodes))
                nodes.append(block)
                sizes.append(len(text))
                texts.append(text)
                linked.append(in_link > 0)

    def text_bound(self) -> int | None:
        """An upper bound of the length of any text trafilatura's readability stage takes
        from this tree or from the tree left when elements are deleted from it (their
        tails kept, as trafilatura prunes): ``trim`` of the text of its summary
        (`cleaner.front.sequence.readability_loses`); ``None`` when the walk cannot
        tell (a part of a tree, a comment met, a control character).

        Readability drops scripts and styles, deletes and moves elements in document
        order, wraps loose text in paragraphs, writes "VIDEO" into a video frame, writes
        its summary as XML and parses that as HTML again.  Its text is so the page's text
        without the scripts' and styles' (the pieces the walk read, and the text of the
        subtrees it skipped), with characters deleted, "VIDEO" inserted at most once a
        frame, and each character that XML writes as a reference (``&amp;``, ``&lt;``,
        ``&gt;``, ``&#13;``) read back as at most that reference (inside ``<xmp>`` it is
        not read as one).  Deleting characters never lengthens a trimmed text (words are
        only removed or joined); each insertion adds at most `_GROWTH` characters.  The
        bound is made when first asked for.

        The walk does not meet comments and processing instructions (the front door's
        parser drops them), so a tree that holds one gets ``None``; asked after elements
        were deleted, the tree still holds every comment whose tail it holds."""
        if self._bound is False:
            self._bound = self._text_bound()
        return self._bound

    def _text_bound(self) -> int | None:
        if self._root is None or _ODD_NODE(self._root):
            return None
        text = "".join(self._seen)
        if _core.has_invalid_xml(text):  # XML writes a control character as a reference
            return None
        words = text.split()
        trimmed = len(words) - 1 + sum(map(len, words)) if words else 0
        return trimmed + 1 + _GROWTH * (sum(map(text.count, _ESCAPED)) + self._frames)

    def find(self, line: str, after: int) -> int | None:
        """The text node the line starts with: the longest key that is a prefix of the
        line and ends at a word boundary.  Of the nodes with that key, those after
        ``after`` are looked at: the first of them, or, when several are and the line is
        longer than the key, the first whose block holds the line's opening (`_holding`);
        the first node of all when none is after ``after``, unless a shorter key's node
        after ``after`` is a whole text node that the next node goes on from, as the line
        does (`_glued`: a linked word and the rest of its paragraph, where the longer key
        is a menu's link earlier on the page).  A key that ends inside a word of the line
        is taken only for such a node (an extractor may join two text nodes without a
        space, "(c) Photo" and "Hamburg - The ..." into "(c) PhotoHamburg - The ...")."""
        top = min(len(line), PREFIX)
        before = None  # the first node of the longest key when none is after ``after``
        for j in range(top, 0, -1):
            found = self.keys.get(line[:j])
            if found and (before is not None or j < len(line) and j < PREFIX and line[j].isalnum()
                          and line[j - 1].isalnum()):
                found = [k for k in found if self._glued(k, line, j)]  # else: a node ends at a word boundary
            if found:
                k = bisect_right(found, after)  # nodes are listed in document order
                if k >= len(found):
                    before = found[0] if before is None else before
                    continue
                if len(found) - k > 1 and len(line) > j:
                    return self._holding(found[k:], line)
                return found[k]
        return before

    def _glued(self, node: int, line: str, j: int) -> bool:
        """Is ``line[:j]`` the whole text of ``node``, and does the next text node open
        the rest of the line (its key stands there, after a space or not)?"""
        after = node + 1
        if self.sizes[node] != j or after >= len(self.sizes):
            return False
        j += line[j:j + 1] == " "
        return after in self.keys.get(line[j:j + min(PREFIX, self.sizes[after])], ())

    def _holding(self, nodes: list[int], line: str) -> int:
        """Of text nodes that start alike, the first whose block holds the line's first
        `PROBE` characters (two paragraphs may open with the same sentence: a standfirst
        and the text under it), else the first."""
        probe = line[:PROBE]
        for node in nodes:
            if probe in self.block_text(self.blocks[node]):
                return node
        return nodes[0]

    def block_text(self, block) -> str:
        """The text of a block element met (its pieces joined, invisible characters
        dropped, whitespace normalised); made once per block (`find`,
        `cleaner.front.page.page_blocks`)."""
        text = self._texts.get(block)
        if text is None:
            got = self.pieces.get(block)
            joined = "".join(got[2:]) if got else ""
            text = self._texts[block] = normalized(joined)
        return text

    def link_share(self, node: int, length: int) -> tuple[float, str]:
        """Share of link text in the ``length`` characters of text starting at ``node``,
        and the text before the first link among them, its text nodes joined by a space
        (`opening`; "" when they hold no link text, or open with it)."""
        total = linked = 0
        first = -1  # the first node in a link
        k = node
        while k < len(self.sizes) and total < length:
            size = min(self.sizes[k], length - total)
            total += size
            if self.linked[k]:
                linked += size
                if first < 0:
                    first = k
            k += 1
        return (linked / total if total else 0.0), self.opening(node, first)

    def opening(self, node: int, first: int) -> str:
        """The text of the nodes from ``node`` to ``first`` (the first in a link), joined
        by a space: what a line opens with before its first link ("" when ``first`` is
        ``node``, or -1: no link)."""
        return " ".join(self.texts[node:first]) if first > node else ""
