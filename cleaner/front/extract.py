"""The front door's entry point: an HTML page in, the whole page as lines with a hint per
line out.

`extract(document)` decodes the page if it is bytes (`cleaner.front.decode`), parses it
(`cleaner.front.dom.parse`), runs trafilatura on it (comments excluded, tables kept),
renders the result as plain text, one block (paragraph, heading, list item, table row) a
line, and finds for each line the element of the page it came from
(`cleaner.front.dom.trace`), so that the text pipeline can use what the page says about
the line.  Every other text block of the page comes in between, where it stands on the
page (`cleaner.front.page`), with ``chosen=False`` in its hint: the pipeline sees the
whole page, knows what the extractor chose, and can explain every block.  It never calls
back into the pipeline.

Broken, empty, binary or huge input never raises from here: it gives an empty extraction
or the text of what could be parsed.  Documents longer than `MAX_HTML_CHARS` are cut there;
a page of more than `MAX_EXTRACTED_ELEMENTS` elements is not given to the extractor: its
blocks are read while it is parsed (`cleaner.front.stream`), one a line, with no hint
(`_lines_alone`), so that time and memory stay linear in its size.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from functools import cache

from lxml import etree
from lxml.etree import Element, strip_tags
from lxml.html import HtmlElement

from ..segment import segment
from . import dom, page, stream
from . import sequence as followed
from .decode import decode
from .dom import HEADINGS, LineHint, Marks
from .headline import headline
from .walk import PageWalk

_new_tuple = tuple.__new__  # a named tuple made without its constructor's Python-level call

#: Longest HTML (in characters) that is parsed; the rest is cut (trafilatura's own limit).
MAX_HTML_CHARS = 20_000_000
#: Most elements of a page given to the extractor, in elements (the dev pages hold 10,106
#: at most).  The whole front door costs about 80 µs and 2.5 kB an element (4 s and 130 MB
#: at this size, on a page of tiny paragraphs), and such a page holds an element every few
#: bytes; a page with more is read without the extractor (`_lines_alone`), in about 7 µs
#: an element and memory that holds its text, not its tree (`cleaner.front.stream`).
MAX_EXTRACTED_ELEMENTS = 50_000
#: The number of elements of a tree (counted in compiled code).
_ELEMENTS = etree.XPath("count(//*)")


@dataclass(frozen=True)
class Extraction:
    """The page's text and, aligned with ``segment(text)``, a hint per line (``None``
    for blank lines and extracted lines whose source element was not found).  ``text``
    holds every block of the page, one a line (the extractor's lines with
    ``LineHint.chosen``); ``main`` is the extractor's text alone."""

    text: str
    hints: tuple[LineHint | None, ...]
    main: str = ""
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
    if html.count("<") > MAX_EXTRACTED_ELEMENTS:  # (a page with fewer tags holds fewer elements)
        streamed = stream.read(dom.rooted(html), MAX_EXTRACTED_ELEMENTS)
        if streamed is not None:
            return _lines_alone(*streamed)
    tree = dom.parse(html)
    if tree is None:
        return EMPTY
    if _ELEMENTS(tree) > MAX_EXTRACTED_ELEMENTS:
        return _lines_alone(page.block_texts(tree), headline(tree))
    # What the page says is read before the extractor runs: it prunes the tree it is given
    # (`main_text`), and copying the page for it costs more than reading it first.
    title = headline(tree)
    try:
        walked = PageWalk(tree)
        cards = dom.page_cards(tree)
    except RecursionError:  # a tree too deep to walk: the text stands without hints
        walked = cards = None
    text = main_text(tree, walked.text_bound if walked is not None else None)
    lines = list(segment(text)) if text.strip() else []  # each `Line` made once
    if walked is None:
        return Extraction(text, (None,) * len(lines), text, title) if lines else EMPTY
    texts = [line.text for line in lines]
    bares = [dom.bare(t) for t in texts]  # what each line is looked for by on the page
    sources = dom.trace(tree, bares, walked)
    blocks = page.page_blocks(tree, walked)
    if not lines and not blocks:
        return EMPTY
    return _whole_page(text, lines, sources, blocks, walked, cards, title, texts, bares)


def _lines_alone(texts: list[str], title: str | None) -> Extraction:
    """A page of more than `MAX_EXTRACTED_ELEMENTS` elements, read in time and memory
    linear in its size: every text block of the page (``texts``: read while the page is
    parsed, `cleaner.front.stream.read`, or from its tree, `cleaner.front.page.block_texts`;
    ``title``: the page's headline, read alike), one a line, without the extractor and without
    hints (each line then counts as chosen, as an extractor's output would: the
    pipeline judges them all)."""
    text = "\n".join(texts)
    if not text.strip():
        return EMPTY
    lines = sum(1 for _ in segment(text))
    return Extraction(text, (None,) * lines, text, title)


def _whole_page(text, lines, sources, blocks, walked: PageWalk, cards: dict, title: str | None,
                texts: list[str], bares: list[str]) -> Extraction:
    """The extractor's lines and the blocks it did not choose, in page order; ``texts``
    are the lines' texts, ``bares`` their `cleaner.front.dom.bare` texts."""
    where = walked.where
    marks = Marks()  # reads each element's attributes once, for its marks and its kinship
    kinship = page.Kinship({s[0] for s in sources if s is not None}, where, marks)
    raws: list[str] = []
    elements: list = []
    parts: list[tuple | None] = []  # per line: (element, link density, chosen, furniture, kin, held, opening)
    for k, block in page.merge(blocks, texts, sources, bares):
        if block is None:
            line, source = lines[k], sources[k]
            raws.append(line.raw)
            traced = source[0] if source is not None and line.text else None  # (a Line's text is stripped)
            elements.append(traced)
            parts.append(None if traced is None else (traced, source[1], True, "", 0, False, source[2]))
            continue
        elem = block.element
        raws.append(block.text)
        elements.append(elem)
        held = block.held  # its text is in the extracted text: no kinship is read for it
        parts.append((elem, block.link_density, False, block.furniture, 0 if held else kinship.of(where[elem][0]),
                      held, ""))
    # another story's excerpt or card, judged on the whole page (the main article is the
    # one holding most of the extracted text)
    other = dom.other_stories(elements, raws, [p is None or p[2] for p in parts], where, walked.articles, cards)
    hints: list[LineHint | None] = []
    for p, why, raw in zip(parts, other, raws):
        if p is None:
            hints.append(None)
            continue
        elem = p[0]
        tag = elem.tag
        named = title is not None and raw.startswith(title[:1]) and " ".join(raw.split()) == title
        # the marks are read when asked for (`LineHint.marks`): the stages ask for a few
        hints.append(_new_tuple(LineHint, (tag, HEADINGS.get(tag, 0), p[1], None, why, p[2], p[3], p[4], p[5],
                                           p[6], named, (marks, where[elem][0]))))
    return Extraction("\n".join(raws), tuple(hints), text, title)


def extract_text(document: str | bytes) -> str:
    """The extractor's main text of an HTML page, one block (paragraph, heading, list
    item) a line."""
    return extract(document).main


def main_text(tree: HtmlElement, text_bound=None) -> str:
    """trafilatura's main text of the page (comments excluded, tables kept), one block a
    line; "" when it finds none or fails.  trafilatura prunes ``tree`` as it works (it is
    not copied first): read what you need from the tree before.  ``text_bound``: the
    tree's `cleaner.front.walk.PageWalk.text_bound`, when it was walked (it spares
    readability's work where its text cannot win, `cleaner.front.sequence.readability_loses`)."""
    from trafilatura.xml import xmltotxt  # deferred: see `_extraction`

    try:
        body = _extraction(tree, text_bound)
        if body is None:
            return ""
        _unwrap(body)
        _unwrap_layout_tables(body)
        return xmltotxt(body, False)
    except Exception:  # noqa: BLE001 - a page trafilatura chokes on has no main text
        return ""


def _extraction(tree: HtmlElement, text_bound=None):
    """trafilatura's body of the page, or ``None``: what ``bare_extraction(tree)`` gives
    with `_options`, without its copy of the tree (that copy keeps the caller's tree
    whole; here the caller has read the tree already), and with its main extractor set
    for precision (`cleaner.front.sequence`).  When trafilatura's extraction sequence is
    not the one followed there (another version), trafilatura's own sequence runs, or
    ``bare_extraction`` when that is not the one known either."""
    sequence = _sequence()
    options = _options()
    if sequence is None:
        import trafilatura  # deferred: its import costs about 0.2 s, paid only for HTML

        doc = trafilatura.bare_extraction(tree, options=options)
        return None if doc is None else doc.body
    # bare_extraction's steps for these options: no language, metadata, pruning or
    # duplicate test; the tree-size and the output-size checks
    body, text, _, comments = sequence(tree, options, text_bound)
    if options.max_tree_size and len(body) > options.max_tree_size:
        strip_tags(body, "hi")
        if len(body) > options.max_tree_size:
            return None
    if len(text) < options.min_output_size and len(comments) < options.min_output_comm_size:
        return None
    return body


@cache
def _sequence():
    """The extraction sequence the front door runs, ``sequence(tree, options, text_bound)`` returning
    body, text, comments body and comments text: `cleaner.front.sequence.run` (the main
    extractor set for precision) when it follows the installed trafilatura's, else
    trafilatura's own ``trafilatura_sequence``, or ``None`` when the installed trafilatura
    has no such function."""
    from trafilatura import core  # deferred: see `_extraction`

    if followed.follows():
        precise = _precise()
        return lambda tree, options, text_bound=None: followed.run(tree, options, precise, text_bound)
    sequence = getattr(core, "trafilatura_sequence", None)
    if sequence is None or list(inspect.signature(sequence).parameters) != ["tree", "options", "url"]:
        return None
    return lambda tree, options, text_bound=None: sequence(tree, options, None)


@cache
def _options():
    """trafilatura's settings for the front door, made once: comments excluded, tables
    kept, and the body left as a tree (the "txt" format: `main_text` renders the body
    itself, so trafilatura need not render it too)."""
    from trafilatura.settings import Extractor  # deferred: see `main_text`

    return Extractor(output_format="txt", comments=False, tables=True)


@cache
def _precise():
    """`_options` set for precision: the settings of trafilatura's main extractor."""
    from trafilatura.settings import Extractor  # deferred: see `main_text`

    return Extractor(output_format="txt", comments=False, tables=True, precision=True)


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
            run = None  # the paragraph that gathers the cell's loose text and inline elements
            if cell.text and cell.text.strip():
                run = _opened(blocks, cell.text)
            for child in list(cell):
                tail, child.tail = child.tail, None
                if child.tag in _BLOCKISH:
                    blocks.append(child)
                    run = None
                else:
                    if run is None:
                        run = _opened(blocks)
                    run.append(child)
                if tail and tail.strip():
                    if run is None:
                        run = _opened(blocks, tail)
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


def _opened(blocks: list, text: str | None = None):
    """A new paragraph (holding ``text``), appended to ``blocks``."""
    run = Element("p")
    run.text = text
    blocks.append(run)
    return run


_NEWLINES = re.compile(r"\s*\n\s*")
_VERBATIM = frozenset({"code", "pre"})


def _unwrap(body) -> None:
    """Join the lines of a block that the page's source broke with hard newlines (the
    browser shows one paragraph); ``<br>`` breaks (``lb``) and code stay (the text after
    an inline ``<code>`` is the paragraph's again).  A break that
    ends loose text right before an element trafilatura renders as a block of its own
    (``trafilatura.xml.NEWLINE_ELEMS``: a paragraph, a heading, a list ...) stays a
    break, as trafilatura's rendering keeps it: joined to a space, the block would run on
    from that text (a byline line, say, into the paragraph after it)."""
    from trafilatura.xml import NEWLINE_ELEMS  # deferred: see `main_text`

    for elem in body.iter():
        text, tail = elem.text, elem.tail
        broken_text, broken_tail = bool(text and "\n" in text), bool(tail and "\n" in tail)
        if not (broken_text or broken_tail):
            continue  # (most elements: the look at the ancestors below is spared)
        # code keeps its lines; the tail of a code element is its parent's text, not code
        if any(a.tag in _VERBATIM for a in elem.iterancestors()):
            continue
        if broken_text and elem.tag not in _VERBATIM:
            following = elem[0] if len(elem) else None
            elem.text = _joined(text, following is not None and following.tag in NEWLINE_ELEMS)
        if broken_tail:
            following = elem.getnext()
            elem.tail = _joined(tail, following is not None and following.tag in NEWLINE_ELEMS)


def _joined(text: str, block_after: bool) -> str:
    """``text`` with its hard newlines made spaces, but for a break that ends it when a
    block follows (``block_after``)."""
    if block_after:
        kept = text.rstrip()
        if kept and "\n" in text[len(kept):]:
            return _NEWLINES.sub(" ", kept) + "\n"
    return _NEWLINES.sub(" ", text)
