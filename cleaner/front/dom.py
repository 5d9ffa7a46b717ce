"""The page as a tree: parse HTML robustly, and find for each line of the extracted text
the element of the page the line came from (the alignment of text and page).

A line is traced back through an index of the page's text nodes keyed by their first
characters (a line starts where a text node starts: a paragraph, a heading, the text after
a ``<br>``).  From the element found come the line's tag, heading level, link density and
the boilerplate words in the class and id attributes around it (`MARK_WORDS`).
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from ..segment import INVISIBLE


# Elements that start a block of text; inline elements (a, span, b ...) are not blocks.
BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li dt dd td th blockquote pre figcaption caption div section "
    "article aside header footer nav main form ul ol dl table tr tbody thead tfoot body "
    "address details summary center legend fieldset figure html".split()
)
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Subtrees whose text is never in the extracted text: scripts and styles, and the page
# furniture trafilatura's cleaning removes before it extracts (menus, controls, asides,
# footers, media; not forms: a page may sit in one).  A line is not traced into them: a
# title that is also a menu link belongs to the heading, not to the link.
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "head", "title", "iframe", "object",
                   "aside", "footer", "nav", "menu", "button", "select", "option", "textarea",
                   "label", "fieldset", "dialog", "embed", "audio", "video", "canvas", "map", "picture"})

_PREFIX = 32
_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))
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
    from trafilatura.utils import load_html  # deferred: see `cleaner.front.extract.main_text`

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


@dataclass(frozen=True)
class LineHint:
    """What the page says about one line of the extracted text.

    ``tag`` is the source element's tag (``h2``, ``p``, ``li``, ``td`` ...), ``heading`` its
    heading level (0: not a heading), ``link_density`` the share of its characters inside
    links, ``marks`` the boilerplate words (`MARK_WORDS`) found in the class
    and id attributes of the element and its ancestors, ``other`` why the line belongs to
    another story than the page's main one ("" when it does not; see
    `other_stories`).  ``chosen`` says whether the extractor chose the line as main
    text; a block it did not choose (`cleaner.front.page`) also says whether it sits in
    the page's furniture (``furniture``: ``nav``, ``aside``, ``footer`` ...; "" if not)
    and how far its shape matches a chosen block's (``kin``: the number of levels, from
    the element up, whose tag and class equal those of a chosen block and its ancestors,
    up to `cleaner.front.page.KIN_LEVELS`; 0 when not even its own tag and class do).
    """

    tag: str
    heading: int
    link_density: float
    marks: frozenset[str]
    other: str = ""
    chosen: bool = True
    furniture: str = ""
    kin: int = 0


class _Index:
    """The page's text nodes in document order, each with its owner element, its length
    and whether it sits inside a link, keyed by their first `_PREFIX` normalised
    characters."""

    def __init__(self, tree: HtmlElement) -> None:
        self.keys: dict[str, list[int]] = {}
        self.owners: list = []
        self.sizes: list[int] = []
        self.linked: list[bool] = []
        # One loop, no calls: it runs for every element of the page.
        keys, owners, sizes, linked = self.keys, self.owners, self.sizes, self.linked
        in_link = 0
        walker = etree.iterwalk(tree, events=("start", "end"))
        for event, elem in walker:
            tag = elem.tag
            if not isinstance(tag, str):
                continue
            if event == "start":
                if tag in _SKIP:
                    walker.skip_subtree()
                    raw = elem.tail
                    if not raw or raw.isspace():
                        continue
                    owner = elem.getparent()
                else:
                    if tag == "a":
                        in_link += 1
                    raw, owner = elem.text, elem
            else:
                if tag == "a":
                    in_link -= 1
                raw = elem.tail
                if not raw or raw.isspace():
                    continue
                owner = elem.getparent()
            if not raw or owner is None:
                continue
            # `cleaner.segment.normalize`, done the fast way: invisible characters out,
            # whitespace runs to one space.
            text = " ".join(raw.translate(_INVISIBLE).split())
            if not text:
                continue
            keys.setdefault(text[:_PREFIX], []).append(len(owners))
            owners.append(owner)
            sizes.append(len(text))
            linked.append(in_link > 0)

    def find(self, line: str, after: int) -> int | None:
        """The text node the line starts with: the longest key that is a prefix of the
        line and ends at a word boundary; among equal keys the first node after
        ``after``."""
        top = min(len(line), _PREFIX)
        for j in range(top, 0, -1):
            if j < len(line) and j < _PREFIX and line[j].isalnum() and line[j - 1].isalnum():
                continue  # a text node ends at a word boundary
            found = self.keys.get(line[:j])
            if found:
                k = bisect_right(found, after)  # nodes are listed in document order
                return found[k] if k < len(found) else found[0]
        return None

    def link_share(self, node: int, length: int) -> float:
        """Share of link text in the ``length`` characters of text starting at ``node``."""
        total = linked = 0
        k = node
        while k < len(self.sizes) and total < length:
            size = min(self.sizes[k], length - total)
            total += size
            if self.linked[k]:
                linked += size
            k += 1
        return linked / total if total else 0.0


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


#: Words of class and id attributes that name page parts other than the article text.
MARK_WORDS = frozenset(
    "related share sharing social newsletter subscribe subscription signup author bio byline "
    "caption credit comment comments promo sponsored sponsor advert ad ads teaser recommended "
    "popular trending more footer sidebar widget nav menu breadcrumb breadcrumbs tags meta "
    "cookie consent banner cta".split()
)
_MARK_REACH = 4


def trace(tree: HtmlElement, lines: list[str]) -> list[tuple | None]:
    """For each line, ``(block element, link share)`` of its source, or ``None``.

    A line not found (broken inside a text node) continues the previous line's source."""
    index = _Index(tree)
    out: list[tuple | None] = []
    last = -1
    for line in lines:
        text = _MARKER.sub("", line).strip()
        if not text:
            out.append(None)
            continue
        node = index.find(text, last)
        if node is None:
            out.append(out[-1] if out else None)
            continue
        last = node
        out.append((_block(index.owners[node]), index.link_share(node, len(text))))
    return out


def _nearest(elem, tags):
    while elem is not None and elem.tag not in tags:
        elem = elem.getparent()
    return elem


def _headline_link(card) -> bool:
    """Does the element hold a linked headline (a link in a heading, or a heading in a
    link) of three words or more, the mark of a teaser card?"""
    for a in card.iter("a"):
        linked_heading = any(h.tag in HEADINGS for h in a.iterdescendants()) or any(
            h.tag in HEADINGS for h in a.iterancestors() if card in h.iterancestors()
        )
        if linked_heading and len(" ".join(a.itertext()).split()) >= 3:
            return True
    return False


_CARD_WORDS = 60


_EXCERPT_END = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])$")


def other_stories(blocks: list, lines: list[str], counted: list[bool] | None = None) -> list[str]:
    """Per line, why it belongs to another story than the page's main one ("" if not):

    - ``excerpt``: it sits in an ``<article>`` other than the one holding most of the
      extracted text, and that article, or one beside it (same parent), ends cut with an
      ellipsis: a feed of post excerpts, a teaser of another story;
    - ``card``: it sits in a short list item that carries a linked headline (a
      related-stories teaser).

    Other ``<article>`` elements that end normally are kept: pages use them for the
    sections of one text as often as for other stories.  ``counted``: the lines whose
    length counts for the main article (by default all; on a whole page, the extracted).
    """
    arts = [_nearest(b, ("article",)) if b is not None else None for b in blocks]
    weight: dict = {}
    last_line: dict = {}
    for k, (art, line) in enumerate(zip(arts, lines)):
        if art is not None:
            if counted is None or counted[k]:
                weight[art] = weight.get(art, 0) + len(line)
            last_line[art] = line
    main = max(weight, key=weight.get) if weight else None
    main_line = set(main.iterancestors()) if main is not None else set()
    others = [art for art in last_line if art is not main and art not in main_line]
    cut = {art.getparent() for art in others if _EXCERPT_END.search(last_line[art])}
    # a feed: every other article beside an excerpt shares its fate
    excerpts = {art for art in others if art.getparent() in cut}
    cards: dict = {}
    out = []
    for block, art in zip(blocks, arts):
        if block is None:
            out.append("")
            continue
        if art in excerpts:
            out.append("excerpt")
            continue
        item = _nearest(block, ("li",))
        if item is not None:
            if item not in cards:
                cards[item] = len(" ".join(item.itertext()).split()) <= _CARD_WORDS and _headline_link(item)
            if cards[item]:
                out.append("card")
                continue
        out.append("")
    return out


class Marks:
    """The mark words (`MARK_WORDS`) in the class and id attributes of an element and of
    its ancestors up to `_MARK_REACH` levels, each element's own words looked up once."""

    def __init__(self) -> None:
        self.own: dict = {}

    def __call__(self, block) -> frozenset[str]:
        marks: set[str] = set()
        elem = block
        for _ in range(_MARK_REACH + 1):
            if elem is None:
                break
            found = self.own.get(elem)
            if found is None:
                found = self.own[elem] = MARK_WORDS.intersection(_attr_words(elem))
            marks.update(found)
            elem = elem.getparent()
        return frozenset(marks)


def hints(tree: HtmlElement, lines: list[str], sources: list | None = None,
          marks: Marks | None = None) -> tuple[LineHint | None, ...]:
    """A `LineHint` per line (``None`` for blank or untraced lines); ``sources`` are the
    lines' `trace` when the caller has it."""
    if sources is None:
        sources = trace(tree, lines)
    marks = marks or Marks()
    blocks = [s[0] if s is not None and line.strip() else None for s, line in zip(sources, lines)]
    other = other_stories(blocks, lines)
    out = []
    for source, block, why in zip(sources, blocks, other):
        if block is None:
            out.append(None)
            continue
        out.append(LineHint(block.tag, HEADINGS.get(block.tag, 0), source[1], marks(block), why))
    return tuple(out)
