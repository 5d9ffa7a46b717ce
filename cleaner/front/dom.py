"""The page as a tree: parse HTML robustly, and find for each line of the extracted text
the element of the page the line came from (the alignment of text and page).

A line is traced back through an index of the page's text nodes keyed by their first
characters (a line starts where a text node starts: a paragraph, a heading, the text after
a ``<br>``; the index comes from `cleaner.front.walk`).  From the element found come the
line's tag, heading level, link density and the boilerplate words in the class and id
attributes around it (`MARK_WORDS`).
"""

from __future__ import annotations

import logging
import re
from typing import NamedTuple

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction
from lxml.html import fromstring as _fromstring

from .. import _core
from ..features import measure
from .walk import CHAIN_LEVELS, PageWalk


HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

#: The mark that opens an extracted list item or table row ("- ", "| "), not page text:
#: trafilatura's plain text writes no other (a "• " that opens a line is the page's own).
MARKER = re.compile(r"^(?:- |\| )")
_WORDS = re.compile(r"[a-z]+|[A-Z][a-z]*")

_TRAFILATURA_LOGGER = logging.getLogger("trafilatura")


def _quiet() -> None:
    """trafilatura logs a warning for every page it finds nothing in; a cleaner call that
    returns "" for such a page is not an event worth a log line."""
    if _TRAFILATURA_LOGGER.level == logging.NOTSET:
        _TRAFILATURA_LOGGER.setLevel(logging.ERROR)


# Characters lxml refuses (XML forbids them): taken out of a page before it is parsed. A
# lone surrogate (which no encoding writes) would end the parse there, losing the rest.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_HAS_ROOT = re.compile(r"<html[\s>]|<body[\s>]", re.I)
#: Characters of a page looked at for its ``<html>`` or ``<body>`` tag (a page without
#: either there is read as a fragment and wrapped in a body).
ROOT_WINDOW = 65536


# trafilatura's own parser settings (`trafilatura.utils.HTML_PARSER`), with lxml.html's
# element classes looked up in compiled code: lxml.html's lookup runs a Python call for
# every element the walks and the extractor touch, and only forms get classes of their own
# (their form methods are used by neither).  ``huge_tree``: libxml2 stops a parse at a depth
# of 256 elements by default, and a page that leaves a container open before each paragraph
# reaches it after 250 paragraphs (the rest of the page was lost); it now reads to 2048.
_PARSER = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                     remove_pis=True, huge_tree=True)
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))


def parse(html: str) -> HtmlElement | None:
    """The page as an lxml tree, or ``None`` when nothing can be parsed.  A fragment
    without ``<html>``/``<body>`` (in its first `ROOT_WINDOW` characters) is wrapped in a
    body first.  A page nested deeper than `FLAT_DEPTH` elements is read again with its
    deepest tags taken out (`flatten`), its text all kept."""
    _quiet()
    if not html or html.isspace():
        return None
    html = rooted(html)
    try:
        tree = _load(html)
        # the parser stopped at its depth limit (the rest of the page was lost), or read a
        # page deeper than `FLAT_DEPTH` (trafilatura's work grows with the square of the depth)
        if _cut_short() or (tree is not None and _DEEPER(tree)):
            tree = _load(flatten(html))
    except Exception:  # noqa: BLE001 - lxml/trafilatura failures mean "no tree"
        return None
    if tree is None or not isinstance(tree, HtmlElement):
        return None
    return tree


def rooted(html: str) -> str:
    """The page as it is parsed: without the characters lxml refuses (`_INVALID_XML`),
    and wrapped in a body when no ``<html>`` or ``<body>`` tag opens it (in its first
    `ROOT_WINDOW` characters)."""
    if _core.has_invalid_xml(html):  # a scan in compiled code; most pages hold none
        html = _INVALID_XML.sub("", html)
    if not _HAS_ROOT.search(html[:ROOT_WINDOW]):
        html = f"<html><body>{html}</body></html>"
    return html


def _load(html: str) -> HtmlElement | None:
    """`trafilatura.utils.load_html` of a string without forbidden characters, with
    `_PARSER`: the same repairs, the same fallback to bytes, the same rejection."""
    from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML  # deferred: see `cleaner.front.extract.main_text`

    beginning = html[:50].lower()
    dubious = "html" not in beginning
    if "doctype" in beginning:
        first, newline, rest = html.partition("\n")
        repaired = DOCTYPE_TAG.sub("", first, count=1)
        if repaired != first or not newline:  # (else the page stays as it is, uncopied)
            html = repaired + "\n" + rest
    for line in html[:4096].splitlines()[:4]:  # a self-closing <html/> in the first lines
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    as_bytes = False
    try:
        tree = _fromstring(html, parser=_PARSER)
    except ValueError:  # a string with an encoding declaration
        tree, as_bytes = _from_bytes(html), True
    except Exception:  # noqa: BLE001 - as trafilatura: no tree
        tree = None
    if (tree is None or len(tree) < 1) and not as_bytes:
        tree = _from_bytes(html)
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree


#: The depth, in elements, past which `flatten` drops the tags of a page nested deeper:
#: one the parser could not read to its end for its depth (libxml2's limit with
#: ``huge_tree`` is 2048), or read whole but deeper than this (trafilatura's rescues take
#: time that grows with the square of the depth: 2.5 s at 2000 elements, 0.05 s at 256).
#: The default limit of libxml2, which pages that nest only their layout stay within (the
#: dev pages nest 35 elements at most).
FLAT_DEPTH = 256
#: Does a tree hold an element deeper than `FLAT_DEPTH` (its root at depth 1)?  One step
#: a level, each visiting the elements of that level: linear in the tree's size.
_DEEPER = etree.XPath("boolean(/" + "/".join(["*"] * (FLAT_DEPTH + 1)) + ")")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_RAW = frozenset(("script", "style", "textarea", "title", "xmp", "plaintext"))
#: Elements that break a line: a dropped tag of one is written as ``<br>`` (so that two
#: paragraphs do not run into one line); a dropped inline tag is written as nothing.
_BREAKING = frozenset(
    "address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead "
    "tr ul".split())
_TAG = re.compile(r"<!--.*?(?:-->|\Z)|<(/?)([A-Za-z][^\s/<>]*)[^<>]*>", re.S)


def _cut_short() -> bool:
    """Did the last parse with `_PARSER` stop at the parser's depth limit (a fatal
    resource-limit error, after which libxml2 reads nothing more of the page)?"""
    return any(e.type_name == "ERR_RESOURCE_LIMIT" for e in _PARSER.error_log.filter_from_fatals())


def flatten(html: str, depth: int = FLAT_DEPTH) -> str:
    """The page with the tags of its elements nested deeper than ``depth`` taken out: its
    text is all kept, in order (a dropped tag of a block, `_BREAKING`, becomes ``<br>``).

    The depth is counted over the tags as written (a void element, a self-closed tag and
    a comment open nothing; a script or a style is kept whole, its content unread), in
    one pass.  Of dropped tags with nothing but whitespace between them, two ``<br>`` at
    most are written (a paragraph's break): thousands of empty breaks would each be a
    paragraph to trafilatura's jusText rescue, whose cost per paragraph grows with its depth.

    >>> flatten("<div><div><p>One</p><p>Two</p></div></div>", 1)
    '<div><br><br>One<br><br>Two<br><br></div>'
    >>> flatten("<b><i>a</i>b</b>", 1)
    '<b>ab</b>'
    """
    out: list[str] = []
    level, at = 0, 0
    breaks = 0  # ``<br>`` written since the last text or kept tag
    pos, size = 0, len(html)
    while pos < size:
        found = _TAG.search(html, pos)
        if found is None:
            break
        name = (found.group(2) or "").lower()
        start, end = found.span()
        if not name:  # a comment: kept as it stands
            continue_at = end
        elif found.group(1):  # a closing tag
            if level > depth:
                breaks = _drop(out, html[at:start], name in _BREAKING, breaks)
                at = end
            level = max(level - 1, 0)
            continue_at = end
        elif name in _RAW:  # kept whole with its content, which holds no tags
            close = re.compile("</" + re.escape(name) + "[^>]*>", re.I).search(html, end)
            continue_at = size if close is None else close.end()
        elif name in _VOID or found.group(0).endswith("/>"):
            continue_at = end
        else:
            level += 1
            if level > depth:
                breaks = _drop(out, html[at:start], name in _BREAKING, breaks)
                at = end
            continue_at = end
        pos = continue_at
    out.append(html[at:])
    return "".join(out)


def _drop(out: list[str], before: str, breaking: bool, breaks: int) -> int:
    """Write to ``out`` the page's text ``before`` a dropped tag, and ``<br>`` for it when
    it is ``breaking`` (but for a third in a row with only whitespace between: `flatten`);
    ``breaks``: the ``<br>`` written in a row so far.  Returns that count after it."""
    out.append(before)
    if before and not before.isspace():
        breaks = 0
    if breaking and breaks < 2:
        out.append("<br>")
        breaks += 1
    return breaks


def _from_bytes(html: str) -> HtmlElement | None:
    try:
        return _fromstring(html.encode("utf8", "surrogatepass"), parser=_PARSER)
    except Exception:  # noqa: BLE001 - as trafilatura: no tree
        return None


class _Hint(NamedTuple):
    """The fields of a `LineHint` (its ``marks`` read through `LineHint.marks`)."""

    tag: str
    heading: int
    link_density: float
    marks: frozenset[str] | None  # None: read from ``page`` when first asked for
    other: str = ""
    chosen: bool = True
    furniture: str = ""
    kin: int = 0
    held: bool = False
    opening: str = ""
    headline: bool = False
    page: tuple | None = None  # (the page's `Marks`, the block's chain) to read ``marks`` from


class LineHint(_Hint):
    """What the page says about one line of the extracted text (a named tuple: a page
    makes one per line, and a tuple is made fastest).

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
    up to `cleaner.front.page.KIN_LEVELS`; 0 when not even its own tag and class do) and
    whether its text is already in the extracted text (``held``: a table cell of a row
    written as one line, `cleaner.front.page.Block.held`; its kinship is not read, 0).
    ``opening`` is what a line the extractor chose opens with before its first link ("" when
    it holds no link text or opens with a link; `cleaner.front.walk.PageWalk.link_share`).
    ``headline`` says whether the line's text is the page's headline
    (`cleaner.front.headline`: its first ``<h1>`` that reads like one, else its
    ``og:title`` or ``<title>``), whatever element holds it.

    On a whole page (`cleaner.front.extract.extract`) ``marks`` are read when first asked
    for, from the page's `Marks` and the block's chain held in ``page`` (reading an
    element's attributes is the dearest step of the front door after the walk, and the
    stages after it ask for the marks of a few blocks only); a hint made with its marks
    given (``page`` is ``None``) holds them.  Hints compare, and are pickled, by `values`.

    >>> LineHint("p", 0, 0.0, frozenset({"related"})).marks
    frozenset({'related'})
    """

    __slots__ = ()

    @property
    def marks(self) -> frozenset[str]:
        found = self[3]  # the field as stored
        if found is None:
            reader, chain = self.page
            return reader.of(chain)
        return found

    def values(self) -> tuple:
        """What the hint says, its marks read (the page they are read from left out): what
        two hints are compared by, and what a pickled hint keeps."""
        return (*self[:3], self.marks, *self[4:11])

    def __eq__(self, other) -> bool:
        return isinstance(other, LineHint) and self.values() == other.values()

    def __ne__(self, other) -> bool:
        return not self == other

    def __hash__(self) -> int:
        return hash(self.values())

    def __reduce__(self):
        return LineHint, self.values()


#: Words of class and id attributes that name page parts other than the article text.
MARK_WORDS = frozenset(
    "related share sharing social newsletter subscribe subscription signup author bio byline "
    "caption credit comment comments promo sponsored sponsor advert ad ads teaser recommended "
    "popular trending more footer sidebar widget nav menu breadcrumb breadcrumbs tags meta "
    "cookie consent banner cta".split()
)
#: Ancestors of a block whose class and id words count as its marks (`Marks`), in levels.
_MARK_REACH = 4
assert _MARK_REACH < CHAIN_LEVELS, "a block's chain holds the levels its marks are read from"


def bare(line: str) -> str:
    """An extracted line's text without its list or table mark (`MARKER`) and the
    whitespace around it: the text looked for on the page (`trace`, `cleaner.front.page.merge`).

    >>> bare("- One item ")
    'One item'
    """
    return MARKER.sub("", line).strip()


def trace(tree: HtmlElement, bares: list[str], walked: PageWalk | None = None) -> list[tuple | None]:
    """For each line, given by its `bare` text, ``(block element, link share, opening)``
    of its source (the opening: its text before its first link, `PageWalk.link_share`),
    or ``None``; ``walked`` is the tree's `PageWalk` when the caller has it.

    A line not found (broken inside a text node) continues the previous line's source."""
    index = walked if walked is not None else PageWalk(tree)
    out: list[tuple | None] = []
    last = -1
    for text in bares:
        if not text:
            out.append(None)
            continue
        node = index.find(text, last)
        if node is None:
            out.append(out[-1] if out else None)
            continue
        last = node
        out.append((index.blocks[node], *index.link_share(node, len(text))))
    return out


def words(text: str) -> int:
    """The words of a text as the pipeline counts a line's (`cleaner.features.measure` of
    the text without the whitespace around it): its space-separated tokens after any
    leading bullets, and in a script written without spaces (Chinese, Japanese) one word
    for every two of its characters, where `str.split` would count a whole sentence as
    one word.  The same count whatever the text's script or accents; the front door's
    thresholds in words read it.

    >>> words("Rain falls on the city"), words("益阳：“数字”是优长"), words("- Read on"), words("")
    (5, 4, 2, 0)
    """
    return measure(text.strip(), None).words


def _headline_link(card) -> bool:
    """Does the element hold a linked headline (a link in a heading, or a heading in a
    link) of `CARD_HEADLINE_MIN_WORDS` words or more, the mark of a teaser card?"""
    for a in card.iter("a"):
        linked_heading = next(a.iterdescendants(*HEADINGS), None) is not None or _heading_above(a, card)
        if linked_heading and words(" ".join(a.itertext())) >= CARD_HEADLINE_MIN_WORDS:
            return True
    return False


def _heading_above(elem, top) -> bool:
    """Is there a heading between the element and ``top`` (one of its ancestors)?"""
    elem = elem.getparent()
    while elem is not None and elem is not top:
        if elem.tag in HEADINGS:
            return True
        elem = elem.getparent()
    return False


#: Most words a list item holds and still is a teaser card (`page_cards`), in words
#: (`words`): a card is a linked headline with a line or two, not a section of the article.
CARD_MAX_WORDS = 60
#: Fewest words of a card's linked headline (`page_cards`), in words (`words`): a lone
#: "More" or "Read on" link in a heading is none.
CARD_HEADLINE_MIN_WORDS = 3


_EXCERPT_END = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])$")


def other_stories(blocks: list, lines: list[str], counted: list[bool], where: dict, articles: dict,
                  cards: dict) -> list[str]:
    """Per line, why it belongs to another story than the page's main one ("" if not):

    - ``excerpt``: it sits in an ``<article>`` other than the one holding most of the
      extracted text, and that article, or one beside it (same parent), ends cut with an
      ellipsis: a feed of post excerpts, a teaser of another story;
    - ``card``: it sits in a short list item that carries a linked headline (a
      related-stories teaser).

    Other ``<article>`` elements that end normally are kept: pages use them for the
    sections of one text as often as for other stories.  ``counted``: the lines whose
    length counts for the main article (the extracted ones).  ``where``
    (`cleaner.front.walk.PageWalk.where`), ``articles``
    (`cleaner.front.walk.PageWalk.articles`) and ``cards`` (`page_cards`): what the tree
    said before the extractor pruned it.
    """
    arts = _nearest_all(blocks, where, 1)
    weight: dict = {}
    last_line: dict = {}
    for k, (art, line) in enumerate(zip(arts, lines)):
        if art is not None:
            if counted[k]:
                weight[art] = weight.get(art, 0) + len(line)
            last_line[art] = line
    main = max(weight, key=weight.get) if weight else None
    main_line = set(articles[main][1]) if main is not None else set()
    others = [art for art in last_line if art is not main and art not in main_line]
    cut = {articles[art][0] for art in others if _EXCERPT_END.search(last_line[art])}
    # a feed: every other article beside an excerpt shares its fate
    excerpts = {art for art in others if articles[art][0] in cut}
    out = []
    for block, art, item in zip(blocks, arts, _nearest_all(blocks, where, 2)):
        if block is None:
            out.append("")
        elif art in excerpts:
            out.append("excerpt")
        else:  # a list item not in ``cards`` holds no heading: no card
            out.append("card" if item is not None and cards.get(item) else "")
    return out


def _nearest_all(blocks: list, where: dict, field: int) -> list:
    """Per block (or ``None``), field ``field`` of what the walk recorded around it
    (`cleaner.front.walk.PageWalk.where`: 1, its nearest ``<article>``; 2, its nearest
    ``<li>``; itself or an ancestor, ``None`` if none)."""
    return [where[b][field] if b is not None else None for b in blocks]


def page_cards(tree: HtmlElement) -> dict:
    """Every list item of the page that holds a heading, with whether it is a teaser card:
    short (at most `CARD_MAX_WORDS` words), with a linked headline; a list item without a
    heading is none.  One pass over the page's headings instead of a look into every list
    item."""
    items = {}
    for heading in tree.iter(*HEADINGS):
        for item in heading.iterancestors("li"):
            if item not in items:
                items[item] = _short_with_headline_link(item)
    return items


#: Characters of a list item's text read before its words are first counted
#: (`_short_with_headline_link`), doubled at each later count: bounds the cost of a long
#: item, not the result.
_CARD_COUNT_STEP = 1024


def _short_with_headline_link(item) -> bool:
    """Does the list item hold at most `CARD_MAX_WORDS` words and a linked headline
    (`_headline_link`)?  Its words are those of its text (``" ".join(item.itertext())``)
    counted as one text, not the sum of its text nodes' counts (which reads a Chinese
    sentence cut by inline tags, or a lone bullet between them, otherwise).

    A long item is judged by its first text nodes once they hold too many words (a
    prefix of the text never holds more words than the whole)."""
    parts: list[str] = []
    size, step = 0, _CARD_COUNT_STEP
    for text in item.itertext():
        parts.append(text)
        size += len(text) + 1
        if size >= step:
            if words(" ".join(parts)) > CARD_MAX_WORDS:
                return False
            step *= 2
    return words(" ".join(parts)) <= CARD_MAX_WORDS and _headline_link(item)


class Marks:
    """The mark words (`MARK_WORDS`) in the class and id attributes of an element and of
    its ancestors up to `_MARK_REACH` levels.  Each element's attributes are read once
    (reading an attribute of the tree costs more than the rest), and so is its level of a
    shape (`level`: tag and class, which `cleaner.front.page.Kinship` compares); each pair
    of attribute values is split into words once."""

    def __init__(self) -> None:
        self.own: dict = {}  # element -> its mark words
        self.levels: dict = {}  # element -> its tag and class words (`level`)
        self.values: dict = {}  # (class words, id) -> their mark words
        self.above: dict = {}  # element -> the mark words of it and its ancestors in reach

    def of(self, chain) -> frozenset[str]:
        """The marks of a block given its chain (the block and its ancestors, nearest
        first; `cleaner.front.walk.PageWalk.where`).  The marks above the block are
        gathered once per parent: sibling blocks share them."""
        own = self.own.get(chain[0])
        if own is None:
            own = self._read(chain[0])
        if len(chain) < 2:
            return own
        above = self.above.get(chain[1])
        if above is None:
            above = self.above[chain[1]] = NO_MARKS.union(*map(self._own, chain[1:_MARK_REACH + 1]))
        return own | above if own else above

    def level(self, elem) -> tuple[str, str]:
        """The element's tag and its class words joined by one space ("" without any)."""
        level = self.levels.get(elem)
        if level is None:
            cls = elem.get("class")
            level = self.levels[elem] = (elem.tag, " ".join(cls.split()) if cls else "")
        return level

    def _own(self, elem) -> frozenset[str]:
        found = self.own.get(elem)
        return self._read(elem) if found is None else found

    def _read(self, elem) -> frozenset[str]:
        """Read the element's id (its class comes with its `level`): note and return its
        mark words."""
        cls, ident = self.level(elem)[1], elem.get("id")
        found = self.own[elem] = self._words(cls, ident) if cls or ident else NO_MARKS
        return found

    def _words(self, cls: str | None, ident: str | None) -> frozenset[str]:
        found = self.values.get((cls, ident))
        if found is None:
            value = f"{cls} {ident}" if cls and ident else cls or ident  # no word spans the space
            found = self.values[cls, ident] = MARK_WORDS.intersection(map(str.lower, _WORDS.findall(value)))
        return found


#: The marks of an element without any (and of a line whose marks are not read).
NO_MARKS: frozenset[str] = frozenset()
