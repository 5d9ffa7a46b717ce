"""The whole page as blocks: every text block of a page, in document order, merged with
the lines an extractor chose, so that the pipeline sees (and explains) all of the page.

A block is the text of one block element (`cleaner.front.walk.BLOCK_TAGS`) with its inline
descendants, cut where a nested block starts; text nobody sees (scripts, styles,
templates, embedded objects) is no block.  `merge` puts the extractor's lines and the
blocks it did not choose in one document order: each extracted line keeps its text (the
extractor's rendering of tables, lists and line breaks) and stands where its source block
stands; a block the extractor did not choose comes in between as a line of its own.  So
does the opening of a chosen block that the extractor left out (the block's text before
the first extracted line traced to it, `_left_out`): it stands, as a block of its own,
before that line; and so does its rest, after that line: all of the block's text after
the end of the last extracted line traced to it, whatever the extractor left it out for
(text after a nested element it deleted with its tail, or after a line break it stopped
at) (`_rest`).  A block whose text the extracted text already holds (a table cell of a
row the extractor wrote as one line, inside the extracted line beside it; an opening
inside the line before it; a rest whose opening is extracted) is no text of its own: it
comes in all the same, marked ``held``, so that every block of the page is explained (as
`cleaner.extracted` decides it: ``html.held``) and none is judged twice.

A block carries what the page says about it beyond `LineHint`: whether it sits inside the
page's furniture (``nav``, ``aside``, ``footer``, ``menu``, ``dialog``; `cleaner.front.walk.FURNITURE_TAGS`)
and its kinship with the chosen blocks (`kinship`): how many levels of its element and
ancestors have the tags and classes of a chosen block's, as the paragraphs of one article
do, in whatever section of the page the extractor skipped.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml import etree
from lxml.html import HtmlElement

from .walk import BLOCK_TAGS, CHAIN_LEVELS, HIDDEN_TAGS, PageWalk, normalized

#: Levels (the element, its parent ...) compared for kinship with the chosen blocks.
KIN_LEVELS = 4
assert KIN_LEVELS <= CHAIN_LEVELS, "a block's chain holds the levels its kinship is read from"
#: Characters by which a text is found in another: an extracted line
#: in the text of the block it was traced to (`_left_out`, `_end`), a block's rest in the
#: extracted text (`_Held`).
OPENING = 40
#: A word: a rest without one is no block (`_rest`), a line without one holds no block.
_WORD = re.compile(r"\w+")
_new_tuple = tuple.__new__  # a named tuple made without its constructor's Python-level call


class Block(NamedTuple):
    """One text block of the page: its element, its text (whitespace normalised), the
    share of that text inside links, and the furniture element around it ("" if none).
    (A named tuple: a page has hundreds of blocks, and a tuple is made fastest.)"""

    element: HtmlElement
    text: str
    link_density: float
    furniture: str
    held: bool = False  # its text is already in the extracted text (`merge`)


def page_blocks(tree: HtmlElement, walked: PageWalk | None = None) -> list[Block]:
    """Every text block of the page, in document order (the order of each block's first
    text); ``walked`` is the tree's `PageWalk` when the caller has it."""
    walked = walked if walked is not None else PageWalk(tree)
    out = []
    append = out.append
    block_text = walked.block_text
    for block, got in walked.pieces.items():  # [link characters, furniture, *raw pieces]
        text = block_text(block)
        if text:
            link_chars = got[0]
            append(_new_tuple(Block, (block, text, min(1.0, link_chars / len(text)) if link_chars else 0.0, got[1],
                                      False)))
    return out


def block_texts(tree: HtmlElement) -> list[str]:
    """The text of every block of the page, in document order (the order of each block's
    first text), as `page_blocks` gives it, read in one walk that keeps nothing of the
    tree: a block's text is made when the block ends, so memory holds the open blocks'
    pieces and the texts made, not an entry per element (`PageWalk` keeps several).  For
    a page too large to be given to the extractor (`cleaner.front.extract`).

    >>> from lxml.html import fromstring
    >>> block_texts(fromstring("<div>One <b>bold</b><p>Two<br>three</p> end<script>x</script></div>"))
    ['One bold end', 'Two three']
    """
    texts: list[str] = []
    open_blocks: list[list] = []  # per open block: [its slot in ``texts`` or -1, *its raw pieces]
    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, elem in walker:
        tag = elem.tag
        if tag.__class__ is not str:
            continue
        if event == "start":
            if tag in HIDDEN_TAGS:
                walker.skip_subtree()  # its tail comes with its "end" event
                continue
            if tag in BLOCK_TAGS:
                open_blocks.append([-1])
            piece = " " + (elem.text or "") if tag == "br" or tag == "img" else elem.text
        else:
            if tag in BLOCK_TAGS:
                got = open_blocks.pop()
                if got[0] >= 0:
                    texts[got[0]] = normalized("".join(got[1:]))
            piece = elem.tail
        if piece and open_blocks:
            got = open_blocks[-1]
            if got[0] < 0:
                got[0] = len(texts)
                texts.append("")
            got.append(piece)
    return [text for text in texts if text]


def merge(blocks: list[Block], lines: list[str], sources: list,
          bares: list[str]) -> list[tuple[int, Block | None]]:
    """The page in document order: ``(k, None)`` for the extractor's line ``k`` and
    ``(-1, block)`` for a block it did not choose, or for the opening or the rest the
    extractor left out of a block it chose (`_left_out`, `_rest`); such a block whose
    text the extracted text already holds is marked ``held`` (`Block.held`): a block the
    extractor did not choose inside the extracted line beside it, an opening inside the
    line before it, a rest whose opening is extracted.  ``sources`` gives per
    line its ``(block element, link share)`` or ``None`` (`cleaner.front.dom.trace`);
    ``bares`` are the lines' `cleaner.front.dom.bare` texts."""
    position = {b.element: k for k, b in enumerate(blocks)}
    chosen = {s[0] for s in sources if s is not None}
    out: list[tuple[int, Block | None]] = []
    done = 0  # blocks before this position are placed (or skipped)
    last_line = ""
    held = _Held(lines)
    current, end = None, None  # the chosen block placed last, where its last line ends in its text
    for k, (line, source) in enumerate(zip(lines, sources)):
        target = position.get(source[0]) if source is not None and line.strip() else None
        if target is not None and target >= done:
            _place_rest(out, current, end, held)
            for block in blocks[done:target]:
                if block.element not in chosen:
                    out.append((-1, _held(block, block.text in last_line or block.text in line)))
            done = target + 1
            current, bare = blocks[target], bares[k]
            at = current.text.find(bare[:OPENING]) if bare else -1
            left = _left_out(current, at)
            if left is not None:
                out.append((-1, _held(left, left.text in last_line)))
            end = _end(current.text, bare, at)
        elif current is not None and target is not None and source[0] is current.element and end is not None:
            end = _after(current.text, bares[k], end)
        out.append((k, None))
        if _WORD.search(line):  # (a table's rule line, "|---|---|", holds no cell)
            last_line = line
    _place_rest(out, current, end, held)
    for block in blocks[done:]:
        if block.element not in chosen:
            out.append((-1, _held(block, block.text in last_line)))
    return out


def _held(block: Block, held: bool) -> Block:
    """``block``, marked `Block.held` when ``held``."""
    return block._replace(held=True) if held else block


class _Held:
    """The extractor's lines as one text (whitespace normalised, as a block's text is),
    made when first asked whether it holds the opening of a text: its first `OPENING`
    characters, the key by which `merge` finds an extracted line in its block's text."""

    def __init__(self, lines: list[str]) -> None:
        self.lines, self.text = lines, ""

    def __contains__(self, text: str) -> bool:
        if not self.text:
            self.text = " ".join(" ".join(self.lines).split())
        return text[:OPENING] in self.text


def _after(text: str, line: str, start: int) -> int | None:
    """Where the extracted ``line`` (its `cleaner.front.dom.bare` text) ends in ``text``, a
    block's text, looked for from ``start``; ``None`` when it is not found there."""
    return _end(text, line, text.find(line[:OPENING], start) if line else -1)


def _end(text: str, line: str, at: int) -> int | None:
    """Where the extracted ``line`` ends in ``text`` given where its opening was found
    (``at``, -1 if not); ``None`` when it is not found.  Its closing characters are looked
    for no earlier than where they stand in the line (the extractor only leaves text out,
    and in a text that repeats itself they also open earlier); from ``at`` when they are
    not found there (a line the extractor made longer than its text in the block, with a
    space between two inline elements, say)."""
    if at < 0:
        return None
    tail = line[-OPENING:]
    found = text.find(tail, at + len(line) - len(tail))
    if found < 0:
        found = text.find(tail, at)
    return found + len(tail) if found >= 0 else None


def _place_rest(out: list, block: Block | None, end: int | None, held) -> None:
    """Append the `_rest` of ``block`` (the chosen block placed last, if any) to ``out``."""
    rest = _rest(block, end, held) if block is not None else None
    if rest is not None:
        out.append((-1, rest))


def _rest(block: Block, end: int | None, held) -> Block | None:
    """All the text of a chosen block after the end (``end``) of the last extracted line
    traced to it, as a block of its own, whatever the extractor left it out for (text
    after a nested element it deleted with its tail; text after a line break where it
    stopped taking the block, as ``second`` of ``first<br>second`` when only ``first`` was
    extracted), marked `Block.held` when the extracted text (``held``) holds its opening
    (`_Held`); ``None`` when that text has no word, or when that line was not found in
    the block's text (``end`` ``None``)."""
    if end is None:
        return None
    text = block.text[end:].strip()
    if not _WORD.search(text):
        return None
    return block._replace(text=text, held=text in held)


def _left_out(block: Block, at: int) -> Block | None:
    """The text that opens a chosen block before the first extracted line traced to it
    (``at``: where the opening of that line's `cleaner.front.dom.bare` text was found in
    the block's text, -1 if not), when the extractor left it out (a block's text before
    its first line break, say), as a block of its own; ``None`` when the line opens the
    block (or is empty) or is not found in it."""
    if at <= 0:
        return None
    text = block.text[:at].strip()
    return block._replace(text=text) if text else None


class Kinship:
    """How many levels of a block's shape (the tag and class of the block and of its
    ancestors, `cleaner.front.dom.Marks.level`) match a chosen block's."""

    def __init__(self, chosen, where: dict, marks) -> None:
        """``chosen``: the chosen blocks; ``where``: `cleaner.front.walk.PageWalk.where`
        of the page (each block's chain); ``marks``: the page's `cleaner.front.dom.Marks`,
        which reads each element's tag and class once (its ``levels`` and ``level``)."""
        self.levels, self.read = marks.levels, marks.level
        self.known: list[set] = [set() for _ in range(KIN_LEVELS)]
        for elem in chosen:
            if elem not in where:
                continue  # (a line's text outside every block has no chain)
            shape = [self.read(e) for e in where[elem][0][:KIN_LEVELS]]
            for depth in range(len(shape)):
                self.known[depth].add(tuple(shape[:depth + 1]))
        # a block whose tag no chosen block has matches none: its class is not read
        self.tags = {shape[0][0] for shape in self.known[0]}

    def of(self, chain) -> int:
        """The kinship of a block given its chain (the block and its ancestors, nearest
        first; `cleaner.front.walk.PageWalk.where`); each level is read only when the
        levels below it match."""
        levels, read, known = self.levels, self.read, self.known
        if chain and chain[0] not in levels and chain[0].tag not in self.tags:
            return 0
        shape: tuple = ()
        for depth, elem in enumerate(chain[:KIN_LEVELS]):
            level = levels.get(elem)
            shape += (read(elem) if level is None else level,)
            if shape not in known[depth]:
                return depth
        return len(shape)
