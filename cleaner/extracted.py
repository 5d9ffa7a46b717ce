"""Decisions for text that an extractor has already chosen as a page's main content: the
extractor stage, before the context rules.

Text from the HTML front door (or from trafilatura run by the caller) is mostly article:
the extractor has removed menus, footers and sidebars.  The feature rules of stage 1 were
made for raw dumps, where a short line without punctuation is most often a menu item; in
extracted text it is most often a subheading, a list item or a table cell.

- `revise` (HTML input, or ``extracted="always"``): the weak feature rules yield to the
  extractor (``html.block``), and evidence from the page drops what is no article text:
  a line that is mostly link text on the page (``html.links``: related-story lists, tag
  clouds), a picture's caption (``html.caption``), the title of a list of links
  (``html.list_heading``), an excerpt of another story
  (``html.excerpt``), a teaser card (``html.card``), see `cleaner.front.dom`.  A page's
  blocks are one story.  On a whole page (every block of it, `cleaner.front.page`), a
  block the extractor did not choose stays out (``html.unchosen``) unless the page
  recovers it as article text (``html.recovered``, `_recovered`), and a block whose
  text is already in an extracted line stays out as a copy (``html.held``, never
  recovered); `shown_lines` are the lines the later stages judge.  Plain text an
  extractor wrote ends where its comments open (`open_comments`: an extractor appends
  them after the article).
- `extraction_layout` tells plain text that an extractor wrote from a whole-page dump.
  Text written one block a line (``"dense"``, as trafilatura writes it) is revised as
  above; for text with its blocks apart (``"spaced"``) only the extracted stage after the
  stories applies (`cleaner.guarantees`).

Pattern rules of the catalogue (share bars, appeals, bylines ...) keep their decision: they
name boilerplate whatever its surroundings.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, islice, repeat
from operator import and_, attrgetter, eq, or_
from typing import NamedTuple

from .catalogue import is_overlay, is_pattern_rule, opens_section
from .classify import RULES as CLASSIFY_RULES
from .features import CJK_PARAGRAPH, LIST_ITEM, TINY, WORDY, line_shapes, shapes, strip_bullet
from .options import Options
from .segment import BULLET_SYMBOLS
from .rules import CodeRule, ids
from .storage import has_text, raw_blanks, text_view, texts_of
from .types import Decision, Features, Line

#: The options that tell text an extractor wrote (`extraction_layout`), named by the rules
#: that follow from it.
LAYOUT = ("extracted_max_periphery", "extracted_max_run", "extracted_max_tiny_run", "extracted_tiny_words",
          "extracted_dense_blank_share", "extracted_dense_min_lines", "extracted_thin_share",
          "extracted_thin_min_lines", "extracted_paragraph_words",
          "extracted_cjk_paragraph", "extracted_cjk_short", "extracted_frame_top", "extracted_frame_bottom",
          "extracted_frame_paragraphs", "extracted_frame_menu",
          "extracted_head_lines", "extracted_head_catalogue", "extracted_head_max_lines")

#: The rules of this module (those of the extracted stage after the stories are
#: `cleaner.guarantees.RULES`).
RULES = (
    CodeRule("html.block", "body", "a line the extractor chose as main content: weak line rules yield to it",
             ("extracted",) + LAYOUT),
    CodeRule("html.links", "related",
             "most of the line's text is link text on the page (a link list), but for a sentence that opens "
             "with words of its own running on into its links (a paragraph with links in its sentences)",
             ("link_density", "collapsed_article_words", "link_prose_opening_words")),
    CodeRule("html.caption", "caption",
             "a line the extractor chose from a picture's caption (<figcaption>, or a block inside one within "
             "caption_reach_levels levels): the picture's, not the article's", ("caption_reach_levels",)),
    CodeRule("html.list_heading", "related",
             "a short heading, or a short line that ends with a colon, the extractor chose right above a list of "
             "links (the next lines of the page are link text): the list's title, no article text",
             ("link_density", "list_heading_max_words", "list_heading_links")),
    CodeRule("html.excerpt", "related",
             "excerpt of another story: another <article> of the page, cut with an ellipsis"),
    CodeRule("html.card", "related", "short list item with a linked headline: a teaser card"),
    CodeRule("html.unchosen", "boilerplate", "a block of the page that the extractor did not choose"),
    CodeRule("html.held", "duplicate",
             "a block of the page whose text the extracted text already holds (a cell of a row written as "
             "one line): not judged again"),
    CodeRule("html.recovered", "body",
             "a paragraph the extractor skipped: prose inside the extracted article or beside its "
             "paragraphs, the standfirst under the page's headline, or in the page's longest run of prose when "
             "it chose none or "
             "a small share of it; not in the page's furniture, not link text",
             ("link_density", "recover_min_words", "recover_inside_kin_levels", "recover_kin_levels",
              "recover_max_gap", "recover_lead_reach", "recover_orphan_words",
              "recover_orphan_chosen_words", "recover_orphan_outweighs")),
    CodeRule("extracted.comments", "comments",
             "a comment counter after most of the extracted text's prose: the comments open there",
             ("extracted_comments_share",)),
)

#: Stage-1 rules that yield to the extractor's choice: the feature rules declared so.  In
#: extracted text a short line is a subheading or a list item, a repeated line a table
#: header, a line of figures a table cell, a lone address a source or a contact.
YIELDING = ids(CLASSIFY_RULES, yields=True)

def _prose(shape: int, decision: Decision) -> bool:
    """Prose by its stage-1 rule, or a paragraph of a CJK script by its ``shape`` byte."""
    return decision.rule == "feature.prose" or bool(shape & CJK_PARAGRAPH)


#: A text in which catalogue rules find at least ``extracted_furniture_lines`` lines of a
#: page's furniture (`FURNITURE` categories), among them a footer line (``legal``) or a
#: share bar line, is a dump of the whole page whatever its layout: an extractor leaves
#: out footers, menus and share bars.
FURNITURE = frozenset({"legal", "nav", "share", "ui"})
FOOTER = frozenset({"legal", "share"})


def _page_furniture(decisions, opts: Options) -> bool:
    """Do catalogue rules find a page's footer or share bar among its furniture?  A
    banner laid over the page (a cookie notice: ``overlay = true`` in the catalogue,
    `cleaner.catalogue.is_overlay`) is never a footer, whatever its category, and counts
    as furniture only when its category is one of `FURNITURE`: alone it would make an
    extract of a listing whose entries carry tag lines ("Category: ...") a page's dump."""
    found = [d for d in decisions if d.category in FURNITURE]
    return len(found) >= opts.extracted_furniture_lines and any(
        d.category in FOOTER and not is_overlay(d.rule) for d in found)


#: The catalogue's categories of what a page shows around its article and an extractor
#: leaves out (`_furniture_kinds`): menus, share rows, UI and log-in lines, footers,
#: appeals, ads, lists of other stories.  Bylines and datelines (``meta``) are none: an
#: extract keeps them.
FURNITURE_KINDS = FURNITURE | {"appeal", "ad", "related"}


def _furniture_kinds(decisions, opts: Options) -> bool:
    """Do catalogue rules find ``extracted_furniture_lines`` lines of page furniture
    (`FURNITURE_KINDS`) or more, of ``extracted_furniture_kinds`` kinds (categories) or
    more?  An extractor may keep a line or two of a kind or two (a "Read more" link, an ad
    label between paragraphs, a paywall's log-in line at the end); lines of many kinds are
    the frame of a page, or of several: their dump.  A banner laid over the page (a cookie
    notice, `cleaner.catalogue.is_overlay`) is no part of its frame: not counted."""
    found = [d.category for d in decisions if not d.keep and d.category in FURNITURE_KINDS
             and not is_overlay(d.rule)]
    return len(found) >= opts.extracted_furniture_lines and len(set(found)) >= opts.extracted_furniture_kinds


def _page_head(initial: Sequence[Decision], shape: bytes, lead: int, opts: Options) -> bool:
    """Does the text open with a page's head: at least ``extracted_head_lines`` lines above
    its first paragraph (``lead``: non-blank lines before it), ``extracted_head_catalogue``
    of them or more dropped by catalogue rules (a byline, a date stamp, a picture's credit, a
    subscribe button, a pager; a banner laid over the page not counted)?  An extractor opens
    with the title, a standfirst or the first paragraph, and seldom keeps more than one such
    line above the article; a page prints several of them around its headline.  More than
    ``extracted_head_max_lines`` lines there are no head but an article without prose (a
    table of results), which the extractor's reading keeps."""
    need = opts.extracted_head_catalogue
    if need <= 0 or not opts.extracted_head_lines <= lead <= opts.extracted_head_max_lines:
        return False
    above = islice(compress(initial, shape), lead)
    return sum(1 for d in above if not d.keep and is_pattern_rule(d.rule) and not is_overlay(d.rule)) >= need


def _bare(text: str) -> bool:
    """Does ``text`` hold no digit (in the sense of `str.isdigit`)?"""
    return not any(map(str.isdigit, text))


def _page_frame(lines: Sequence[Line], initial: Sequence[Decision], shape: bytes, prose: bytes,
                tiny: bytes, opts: Options) -> bool:
    """Does the text carry a page's header, with a menu or a footer?  At least
    ``extracted_frame_top`` lines above the first paragraph that the line rules drop and
    that hold no digit (menus, share bars, links to other stories; the tables and figures
    an extractor keeps around an article hold digits), with ``extracted_frame_paragraphs``
    paragraphs or more, and a menu's form: a run of ``extracted_frame_menu`` tiny lines
    (`_menu_items`) in that header, or in a footer of ``extracted_frame_bottom`` such
    lines below the last paragraph.  An extract's title, standfirst, byline and tag lines
    are dropped and bare too, but seldom so short in a row above the article; below it an
    extract may keep a list of short items (keywords, a list of addresses), so a menu
    there counts only with a header.  ``prose`` and ``tiny``: one byte per non-blank
    line, 1 for a paragraph, a tiny line.  No catalogue is read: this tells a page's dump
    in any language."""
    if prose.count(1) < max(opts.extracted_frame_paragraphs, 1):
        return False
    menu = max(opts.extracted_frame_menu, 1)
    head_menu = _longest_run(tiny[:prose.find(1)]) >= menu
    if not head_menu and _longest_run(tiny[prose.rfind(1) + 1:]) < menu:
        return False
    rows = [i for i, s in enumerate(shape) if s]  # the non-blank lines, as ``prose`` counts them
    first, last = rows[prose.find(1)], rows[prose.rfind(1)] + 1

    def frame(start: int, stop: int, need: int) -> bool:
        """Are ``need`` lines of ``start``-``stop`` non-blank, dropped and bare?"""
        texts = texts_of(lines, start, stop)
        found = sum(1 for i, text in enumerate(texts, start) if shape[i] and not initial[i].keep and _bare(text))
        return found >= need

    return frame(0, first, opts.extracted_frame_top) and (
        head_menu or frame(last, len(shape), opts.extracted_frame_bottom))


def _longest_run(flags: bytes, value: int = 1) -> int:
    """The longest run of ``value`` in ``flags`` (one byte per line)."""
    return max(map(len, flags.split(bytes((1 - value,)))))


#: Per shape byte (`cleaner.features.shapes`), 1 if it has the bit, else 0.
_HAS = {bit: bytes(int(bool(b & bit)) for b in range(256)) for bit in (TINY, CJK_PARAGRAPH, WORDY)}
_rule = attrgetter("rule")
_keep = attrgetter("keep")


def _menu_items(lines: Sequence[Line], shape: bytes, opts: Options) -> bytes:
    """One byte per non-blank line, 1 for a line shaped like a menu item: a tiny line
    (`cleaner.features.TINY`), or a list item whose text after its bullet symbol
    (`cleaner.segment.BULLET_SYMBOLS` or ``+``) is one, by the same test
    (the bullet is no word: ``* About us`` is a two-word item of a menu written as a
    list).  A dash is no bullet here: it opens dialogue lines as often as list items.  A
    numbered item keeps its number, a figure: a numbered list is no menu.

    >>> from cleaner.segment import segment
    >>> lines = segment("* About us\\n\\n* Our work in the region\\n1. Home\\n- Home page\\n+ Sign in")
    >>> list(_menu_items(lines, line_shapes(lines, Options()), Options()))
    [1, 0, 0, 0, 1]
    """
    tiny = bytearray(shape.translate(_HAS[TINY]))
    texts = text_view(lines)
    # (each list item's text read once)
    listed = [(i, text) for i in compress(range(len(shape)), shape.translate(_LISTED_NOT_TINY))
              if (text := texts[i].lstrip())[:1] in _BULLETS]
    if listed:
        after = shapes([strip_bullet(text[1:]) for _, text in listed], opts)
        for (i, _), s in zip(listed, after):
            tiny[i] = bool(s & TINY)
    return bytes(compress(tiny, shape))


#: Per shape byte, 1 for a list item that is not tiny (`_menu_items` reads its text).
_LISTED_NOT_TINY = bytes(int(b & LIST_ITEM != 0 and b & TINY == 0) for b in range(256))
#: The bullets `_menu_items` takes off a list item (`cleaner.features.LIST_MARKS` but the dashes).
_BULLETS = BULLET_SYMBOLS + "+"


def blocks_touch(lines: Sequence[Line], opts: Options) -> bool:
    """Is ``lines`` written one block a line, every line right under another: at most
    `Options.extracted_dense_blank_share` of its lines empty in the source?  (The layout of
    an extractor's text; in a dump whose blocks stand apart, a line right under another is
    attached to it, as a caption's credit is.)"""
    return raw_blanks(lines) <= opts.extracted_dense_blank_share * len(lines)


def extraction_layout(lines: list[Line], initial: list[Decision], opts: Options = Options(),
                      shape: bytes | None = None, touch: bool | None = None) -> str:
    """How plain text looks written by an extractor: ``"dense"``, ``"spaced"``, or ""
    when it looks like a dump of a whole page.

    - ``"dense"``: one block a line without empty lines between (as trafilatura writes
      it; a line of only spaces or tabs is what the page's source left inside a block,
      not a separator; empty lines do not count when the line rules keep less than
      ``extracted_thin_share`` of the text's paragraphs: then they would drop almost all
      of it, and blank lines alone do not tell a page's dump), no menu (a run of
      ``extracted_max_tiny_run`` tiny lines: one or
      two words, no figures, `cleaner.features.TINY`, a list item's bullet not counted:
      `_menu_items`) before the first paragraph, and
      no page furniture (`_page_furniture`: a footer or share bar among
      ``extracted_furniture_lines`` lines of menus, footers, share bars and log-in
      buttons), nor a page's header with a menu or a footer (`_page_frame`: lines the line
      rules drop, without figures, above the first paragraph, and a menu's run of tiny
      lines there or below the last paragraph among such lines; no catalogue read, so it
      holds in every language); text so written that holds furniture of many kinds
      (`_furniture_kinds`: ``extracted_furniture_lines`` lines of
      ``extracted_furniture_kinds`` kinds: menus, share rows, log-in lines, appeals, ads,
      lists of other stories) is a page's dump (""), its blocks not apart, and so is text
      so written under a page's head (`_page_head`: ``extracted_head_lines`` to
      ``extracted_head_max_lines`` lines above its first paragraph, at least
      ``extracted_head_catalogue`` of them dropped by catalogue rules), unless the line
      rules would drop almost all of it (``extracted_thin_share``);
    - ``"spaced"``: blocks apart, but the text opens and closes with prose
      (``extracted_max_periphery``), has no long run of other lines
      (``extracted_max_run``) and no menu anywhere.

    The lines' shapes (``shape``, `cleaner.features.line_shapes`, computed when not
    given) come from one call of the compiled core; the tests here read them as columns
    of bytes, one per non-blank line.  ``touch``: the lines' `blocks_touch`, computed when
    not given (the pipeline has it: `cleaner.stories` reads it too).

    How many pages each layout is read on is a row of `benchmarks/evaluate.py` ("taken for
    extractor output").  The tests of a page's dump in order: `_furniture_kinds`,
    `_page_head`, `_page_furniture`, `_page_frame`; then `_spaced`."""
    if shape is None:
        shape = line_shapes(lines, opts)
    n = len(shape) - shape.count(0)  # the non-blank lines; below, one byte for each
    if not n:
        return ""
    tiny = _menu_items(lines, shape, opts)
    by_rule = map(eq, map(_rule, initial), repeat("feature.prose"))
    prose = bytes(compress(map(or_, by_rule, shape.translate(_HAS[CJK_PARAGRAPH])), shape))
    lead = prose.find(1)
    lead = n if lead < 0 else lead  # n: no prose
    thin = _thin(initial, shape, opts)
    blank_free = blocks_touch(lines, opts) if touch is None else touch
    if (blank_free or thin) and n >= opts.extracted_dense_min_lines and _no_menu_on_top(shape, tiny, lead, n, opts):
        if _furniture_kinds(compress(initial, shape), opts):
            return ""  # a page's dump written one block a line: its blocks are not apart
        if not thin and _page_head(initial, shape, lead, opts):
            return ""  # a page's head above its first paragraph
        if not _page_furniture(compress(initial, shape), opts) \
                and not _page_frame(lines, initial, shape, prose, tiny, opts):
            return "dense"
    return _spaced(prose, tiny, lead, n, opts)


def _thin(initial: Sequence[Decision], shape: bytes, opts: Options) -> bool:
    """Would the line rules keep less than ``extracted_thin_share`` of the text's
    paragraphs (wordy lines, when it has ``extracted_thin_min_lines`` of them or more)?
    Then they would drop almost all of it, and blank lines alone do not tell a page's dump."""
    wordy = bytes(compress(shape.translate(_HAS[WORDY]), shape))
    paragraphs = wordy.count(1)
    kept = sum(map(and_, wordy, map(_keep, compress(initial, shape))))  # those the rules keep
    return paragraphs >= opts.extracted_thin_min_lines and kept < opts.extracted_thin_share * paragraphs


def _no_menu_on_top(shape: bytes, tiny: bytes, lead: int, n: int, opts: Options) -> bool:
    """No menu (a run of ``extracted_max_tiny_run`` tiny lines, ``tiny``) before the first
    line of prose (``lead``); text without prose (``lead == n``: captions, lines without
    the punctuation of prose) needs a wordy line and no menu anywhere."""
    menu = opts.extracted_max_tiny_run
    if lead < n:
        return _longest_run(tiny[:lead]) < menu
    return 1 in shape.translate(_HAS[WORDY]) and _longest_run(tiny) < menu


def _spaced(prose: bytes, tiny: bytes, lead: int, n: int, opts: Options) -> str:
    """``"spaced"`` when the text opens and closes with prose (at most
    ``extracted_max_periphery`` other lines before its first paragraph and after its
    last), has no run of more than ``extracted_max_run`` other lines and no menu
    anywhere; else ""."""
    if lead == n or _longest_run(tiny) >= opts.extracted_max_tiny_run:
        return ""
    tail = n - 1 - prose.rfind(1)
    spaced = (lead + tail <= opts.extracted_max_periphery
              and _longest_run(prose, 0) <= opts.extracted_max_run)
    return "spaced" if spaced else ""


def revise(
    lines: list[Line], feats: list[Features], initial: list[Decision], hints, options: Options,
    shape: bytes | None = None,
) -> list[Decision]:
    """Stage-1 decisions revised for extracted text; ``hints`` is a `cleaner.front.dom.LineHint`
    (or ``None``) per line; ``shape`` the lines' shapes when the caller has them
    (`cleaner.features.line_shapes`, computed here when not given)."""
    out = list(initial)
    shape = line_shapes(lines, options) if shape is None else shape
    has = has_text(lines)  # one pass over the lines: no `Line` built per line below
    recovered = _recovered(lines, feats, initial, hints, options, shape, has)
    per_line = _hints_of(hints, len(has))
    made: dict[tuple, Decision] = {}  # the decisions made so far, each made once
    links, block = options.rule_enabled("html.links"), options.rule_enabled("html.block")
    captions = options.rule_enabled("html.caption")
    held = options.rule_enabled("html.held")  # else a held block is left out as unchosen
    # the article was found outside what the extractor chose (`_orphan`): the lines it
    # chose, a menu, a headline, are judged by the line rules, a heading alone yielded to
    orphaned = "orphan" in recovered.values()
    for i, d, h in compress(zip(range(len(has)), initial, per_line), has):
        if h is not None and h.held:
            out[i] = HELD if held else _unchosen(d, h, None)
            continue
        if h is not None and h.other and options.rule_enabled(f"html.{h.other}"):
            key = ("other", h.other)
            out[i] = made.get(key) or made.setdefault(key, Decision(
                False, f"html.{h.other}", "related", f"{h.other} of another story on the page", "extractor"))
            continue
        if h is not None and h.chosen and captions and _in_caption(h, options.caption_reach_levels):
            out[i] = CAPTION
            continue
        if h is not None and not h.chosen:
            how = recovered.get(i)
            key = ("unchosen", d.rule, h.tag, h.furniture, h.kin if how == "kin" else 0, how)
            out[i] = made.get(key) or made.setdefault(key, _unchosen(d, h, how))
            continue
        f = feats[i]
        bare_address = f.urls and f.urls >= f.words  # a source or a contact
        # a whole article delivered as one line inside a link is no link list
        collapsed = d.rule == "feature.prose" and f.words >= options.collapsed_article_words
        if h is not None and h.link_density >= options.link_density and not bare_address and not collapsed and links \
                and not (d.rule == "feature.prose" and _runs_into_links(h.opening, options)):
            out[i] = Decision(False, "html.links", "related", f"link density {h.link_density:.2f} in the page",
                              "extractor")
            continue
        if d.rule in YIELDING and block and not (orphaned and not (h is not None and h.heading)):
            key = ("block", bool(h.heading), h.tag) if h is not None else ("block",)
            out[i] = made.get(key) or made.setdefault(key, _block(h))
    if hints is None:  # plain text an extractor wrote: it ends where its comments open
        out = open_comments(feats, out, options)
    elif options.rule_enabled("html.list_heading") and options.list_heading_links:
        out = _list_headings(lines, feats, out, per_line, has, options)
    return out


def _list_headings(lines: list[Line], feats: list[Features], decisions: list[Decision], hints: list,
                   has: bytes, options: Options) -> list[Decision]:
    """``decisions`` with every kept line the extractor chose that heads a list of links
    dropped (``html.list_heading``): a heading (``<h1>``-``<h6>``) or a line that ends
    with a colon, of at most ``list_heading_max_words`` words and itself no link text (its
    share of it under ``link_density``), whose next ``list_heading_links`` lines of the
    page (chosen or not) are each link text (``link_density``): "Read also:", "More on
    the subject", the title of a related list that the page's markup names with no class
    word."""
    out = decisions
    text = list(compress(range(len(has)), has))
    need = options.list_heading_links
    for k, i in enumerate(text):
        h, d = hints[i], decisions[i]
        if h is None or not h.chosen or h.held or not d.keep or h.link_density >= options.link_density:
            continue
        if feats[i].words > options.list_heading_max_words:
            continue
        if not (h.heading or lines[i].text.rstrip().endswith(":")):
            continue
        after = [hints[j] for j in text[k + 1:k + 1 + need]]
        if len(after) < need or any(a is None or a.held or a.link_density < options.link_density for a in after):
            continue
        if out is decisions:
            out = list(decisions)
        out[i] = LIST_HEADING
    return out


#: The decision on the title of a list of links (`_list_headings`).
LIST_HEADING = Decision(False, "html.list_heading", "related", "heads a list of links on the page", "extractor")


def _runs_into_links(opening: str, options: Options) -> bool:
    """Does a line open with ``link_prose_opening_words`` words of its own or more
    (``opening``: its text before its first link, `cleaner.front.dom.LineHint.opening`)
    that run on into that link: the opening ends inside a sentence, with a letter, a
    figure or a comma, not with a label's colon or a mark (">> Read more: ...")?  The
    link then carries the rest of a sentence, as in a paragraph whose sentences hold
    links; a link list's items open with their links.

    >>> _runs_into_links("The couple", Options()), _runs_into_links("Read more:", Options())
    (True, False)
    """
    need = options.link_prose_opening_words
    if need <= 0 or not opening or not (opening[-1].isalnum() or opening[-1] == ","):
        return False
    return len(opening.split()) >= need


#: The decision on a line the extractor chose from a picture's caption (`_in_caption`).
CAPTION = Decision(False, "html.caption", "caption", "in a picture's caption (<figcaption>)", "extractor")


def _in_caption(h, reach: int) -> bool:
    """Is the line's block a picture's caption (``<figcaption>``), or inside one within
    ``reach`` levels of its chain (the block, its parent ...:
    `Options.caption_reach_levels`)?"""
    if h.tag == "figcaption":
        return True
    page = h.page
    return page is not None and any(e.tag == "figcaption" for e in page[1][1:reach])


#: The catalogue rule (the part after the language code) of a comment counter: "12
#: comments", "3 thoughts on ...".
COMMENT_COUNTER = "meta.comment_count"


def open_comments(feats: list[Features], decisions: list[Decision], options: Options) -> list[Decision]:
    """``decisions`` with the first comment counter (`COMMENT_COUNTER`) that has more than
    ``extracted_comments_share`` of the text's prose words before it made a barrier that
    opens the comments (``extracted.comments``).  An extractor appends a page's comments
    after its article; a counter in the byline area comes before the article's text."""
    if not options.rule_enabled("extracted.comments"):
        return decisions
    words = [f.words if d.rule == "feature.prose" else 0 for f, d in zip(feats, decisions)]
    total, before = sum(words), 0
    for i, d in enumerate(decisions):
        if d.rule.partition(".")[2] == COMMENT_COUNTER and before > options.extracted_comments_share * total:
            out = list(decisions)
            out[i] = Decision(False, "extracted.comments", "comments",
                              f"comment counter after {before} of the text's {total} words of prose", "extractor")
            return out
        before += words[i]
    return decisions


#: The decision on a block whose text the extracted text already holds
#: (`cleaner.front.page.Block.held`); such a block is never recovered (`_recovered`).
HELD = Decision(False, "html.held", "duplicate", "its text is already in the extracted text beside it", "extractor")


def tallied(verdicts):
    """The verdicts a count of kept and removed lines reads: not blank, and not a held
    block's (`HELD`: its text is in an output line)."""
    return (v for v in verdicts if not v.line.blank and v.final.rule != HELD.rule)


def _block(h) -> Decision:
    """The decision on a line of the extracted main content that a weak rule dropped."""
    if h is not None and h.heading:
        return Decision(True, "html.block", "heading", f"<{h.tag}> of the main content", "extractor")
    what = f"<{h.tag}>" if h is not None else "line"
    return Decision(True, "html.block", "body", f"{what} of the extracted main content", "extractor")


def _hints_of(hints, n: int) -> list:
    """``hints`` as ``n`` items, one per line (``None`` past its end, or for every line when
    there are none)."""
    if not hints:
        return [None] * n
    return list(hints[:n]) + [None] * (n - len(hints))


def _chosen_flags(hints, n: int) -> list[bool]:
    """Per line, whether the extractor chose it (a line without a hint counts as chosen)."""
    return [h is None or h.chosen for h in _hints_of(hints, n)]


#: Elements that hold a caption, never recovered as article text.
CAPTION_TAGS = frozenset({"figcaption", "caption"})
#: Class and id words a standfirst may carry (pages mark it as the article's teaser).
LEAD_MARKS = frozenset({"teaser"})


class _Recovery(NamedTuple):
    """What recovery reads of a page, per line (`_recovered` and the walks it runs): the
    lines' measures and stage-1 decisions, their hints (one per line, ``None`` past the
    hints' end), which have text (`cleaner.storage.has_text`, a held block's not), which
    the extractor chose, and the options."""

    feats: list[Features]
    initial: list[Decision]
    hints: list
    has: bytes
    chosen: list[bool]
    options: Options


def _recovered(lines: list[Line], feats: list[Features], initial: list[Decision], hints,
               options: Options, shape: bytes, has: bytes) -> dict[int, str]:
    """The blocks of a page the extractor did not choose that are recovered, each with
    how it is placed: paragraphs of prose (``recover_min_words``), neither in the page's
    furniture, nor marked as boilerplate by a class or id (but by a mark every chosen
    paragraph carries: the article's own, `_own_marks`), nor link text, that lie among
    the extracted article's prose with the tag and class of one of its blocks
    (``recover_inside_kin_levels``: ``"inside"``), or are shaped like its blocks
    (``recover_kin_levels``) and reached from it across at most ``recover_max_gap``
    other lines in a row (``"kin"``), or stand above it and at most
    ``recover_lead_reach`` lines under an ``<h1>``, however many lines (a
    byline, a date, a share row) part them from the article (``"lead"``: the
    standfirst, which extractors often skip), or are the one such block between the line
    holding the page's headline and the article (``"lead"`` too, `_under_headline`).
    When the extractor chose no prose at all, the page's longest run of such
    paragraphs is its article (``"orphan"``, `_orphan`); so is that run when it is
    unbroken (`_unbroken`) and holds ``recover_orphan_outweighs`` times the words of the
    prose the extractor chose (``"outweighs"``: a standfirst chosen, the article left out
    in a container the extractor took for comments).  ``shape``:
    the lines' `cleaner.features.line_shapes`; ``has``: their `cleaner.storage.has_text`."""
    if not hints or not options.rule_enabled("html.recovered"):
        return {}
    n = len(lines)
    hints = _hints_of(hints, n)  # one per line (``None`` past the hints' end)
    chosen = _chosen_flags(hints, n)
    held = [h is not None and h.held for h in hints]
    if any(held):  # a block the extracted text holds is not there for recovery
        has = bytes(a and not b for a, b in zip(has, held))
    prose = [i for i in range(n) if shape[i] and chosen[i] and _prose(shape[i], initial[i])]
    own = _own_marks(hints, prose) if prose else frozenset()
    page = _Recovery(feats, initial, hints, has, chosen, options)

    def candidate(i: int, marks: frozenset[str] | None = frozenset()) -> bool:
        """Prose the extractor skipped that may be the article's (``marks``: the class and
        id words it may carry besides the article's own; ``None``: any)."""
        return (_prose(shape[i], initial[i]) and feats[i].words >= options.recover_min_words
                and _unmarked(hints[i], None if marks is None else marks | own, options))

    def orphan() -> dict[int, str]:
        """`_orphan`'s run of prose, whatever its blocks' class and id words."""
        return _orphan(page, lambda i: candidate(i, None))

    if not prose:
        if sum(f.words for f, c in zip(feats, chosen) if c) >= options.recover_orphan_chosen_words:
            return {}  # the extractor chose an article without prose: a poem, a gallery
        return orphan()

    def lead(i: int) -> bool:
        """Prose right under the page's headline (an <h1>): the article's standfirst."""
        if not candidate(i, LEAD_MARKS):  # (the cheaper test first)
            return False
        above = islice((j for j in range(i - 1, -1, -1) if has[j]), max(options.recover_lead_reach, 0))
        return any(hints[j] is not None and hints[j].heading == 1 for j in above)

    unchosen = [i for i in range(n) if has[i] and not chosen[i]]
    out = {i: "inside" for i in unchosen if prose[0] < i < prose[-1] and candidate(i)
           and hints[i].kin >= options.recover_inside_kin_levels}
    for steps in (range(prose[-1] + 1, n), range(prose[0] - 1, -1, -1)):
        out.update(_reached(page, steps, prose[0], candidate, lead))
    for i in range(prose[0]):  # the standfirst, however far above the article
        if i not in out and has[i] and not chosen[i] and lead(i):
            out[i] = "lead"
    for i in _under_headline(page, prose, lambda i: candidate(i, LEAD_MARKS)):
        out.setdefault(i, "lead")
    # the run `_outweighs` looks for holds at most the words of every block not chosen:
    # when those fall short, the page is not walked for it
    skipped_words = sum(feats[i].words for i in unchosen)
    if skipped_words >= options.recover_orphan_outweighs * sum(feats[i].words for i in prose):
        out.update(_outweighs(page, orphan(), prose))
    return out


def _under_headline(page: _Recovery, prose: list[int], candidate) -> list[int]:
    """The block of prose the extractor skipped (``candidate``) between the page's
    headline (the nearest line above the article whose text it is,
    `cleaner.front.dom.LineHint.headline`, chosen or not, neither in the furniture nor
    marked: not its copy in a share box) and the article's first paragraph of prose
    (``prose``, the chosen ones) under it: the standfirst, however many lines (a byline,
    a date, a picture, a share row) part it from either; ``[]`` when there are two such
    blocks or more (a list of key points, teasers) or a heading stands between the
    headline and it (a box of its own: a claim, a verdict)."""
    hints, has, chosen = page.hints, page.has, page.chosen
    start = next((i for i in prose if hints[i] is None or not hints[i].headline), None)
    if start is None:
        return []
    head = next((j for j in range(start - 1, -1, -1) if hints[j] is not None and hints[j].headline
                 and not hints[j].furniture and not hints[j].marks), None)
    if head is None:
        return []
    found = [i for i in range(head + 1, start) if has[i] and not chosen[i] and candidate(i)]
    if len(found) != 1 or any(hints[j] is not None and hints[j].heading for j in range(head + 1, found[0])):
        return []
    return found


def _reached(page: _Recovery, steps: range, first: int, candidate, lead) -> dict[int, str]:
    """The blocks reached walking ``steps`` away from the article (whose first prose line
    is ``first``): those shaped like its blocks (``recover_kin_levels``, ``candidate``:
    ``"kin"``) and, above it, its standfirst (``lead``: ``"lead"``), each letting the walk
    go on, which stops past ``recover_max_gap`` other lines in a row."""
    has, chosen, hints, options = page.has, page.chosen, page.hints, page.options
    out: dict[int, str] = {}
    gap = 0
    for i in steps:
        if not has[i]:
            continue
        if chosen[i]:
            gap = 0
        elif hints[i].kin >= options.recover_kin_levels and candidate(i):
            out[i], gap = "kin", 0
        elif i < first and lead(i):  # `_recovered` finds it too; here it resets the gap,
            out[i], gap = "lead", 0  # so kin blocks above it are reached
        else:
            gap += 1
            if gap > options.recover_max_gap:
                break
    return out


def _unmarked(h, marks: frozenset[str] | None, options: Options) -> bool:
    """Does nothing about a block the extractor skipped say it is not the article's: not
    in the page's furniture, nor another story's (``other``), no class or id word but
    ``marks`` (``None``: any), no link text (`Options.link_density`), no caption
    (`CAPTION_TAGS`)?"""
    return (not h.furniture and not h.other and (marks is None or h.marks <= marks)
            and h.link_density < options.link_density and h.tag not in CAPTION_TAGS)


def _outweighs(page: _Recovery, longer: dict[int, str], prose: list[int]) -> dict[int, str]:
    """``longer``, the page's longest run of prose the extractor skipped (`_orphan`), as
    ``"outweighs"`` when it is unbroken (`_unbroken`) and holds
    ``recover_orphan_outweighs`` times the words of the prose it chose (``prose``); ``{}``
    else."""
    if not longer or not _unbroken(list(longer), page.has, page.hints):
        return {}
    feats = page.feats
    if sum(feats[j].words for j in longer) < page.options.recover_orphan_outweighs * sum(feats[i].words for i in prose):
        return {}
    return dict.fromkeys(longer, "outweighs")


def _unbroken(run: list[int], has: bytes, hints) -> bool:
    """Is every line with text between the first and the last block of ``run`` one of
    its blocks or a heading?  An article's paragraphs follow one another, parted at most
    by its subheadings; readers' comments are each parted by a line naming its author
    and its date."""
    inside = set(run)
    return all(j in inside or hints[j] is None or hints[j].heading
               for j in range(run[0], run[-1] + 1) if has[j])


def _orphan(page: _Recovery, candidate) -> dict[int, str]:
    """The page's article when the extractor chose next to nothing and no prose
    (``"orphan"``): the run of blocks it did not choose that are prose (``candidate``,
    whatever their class and id words: the container the extractor took for comments
    names them) at most ``recover_max_gap`` other lines apart, with the most words, when
    it holds at least ``recover_orphan_words`` words; ``{}`` else.  No run lies past a
    line that opens the page's comments (`_opens_comments`), and none is made of
    comments, one item each (`_comment_items`)."""
    feats, has, chosen, initial, hints = page.feats, page.has, page.chosen, page.initial, page.hints
    runs: list[list[int]] = [[]]
    gap = 0
    for i in range(len(has)):
        if not has[i]:
            continue
        if _opens_comments(initial[i], hints[i]):
            break
        if not chosen[i] and candidate(i):
            runs[-1].append(i)
            gap = 0
            continue
        gap += 1
        if gap > page.options.recover_max_gap and runs[-1]:
            runs.append([])
    runs = [r for r in runs if r and not _comment_items(r, hints)]
    best = max(runs, key=lambda r: sum(feats[j].words for j in r), default=[])
    if not best or sum(feats[j].words for j in best) < page.options.recover_orphan_words:
        return {}
    return dict.fromkeys(best, "orphan")


#: Mark words (`cleaner.front.dom.MARK_WORDS`) that name a reader's comment.
COMMENT_MARKS = frozenset({"comment", "comments"})


def _opens_comments(d: Decision, h) -> bool:
    """Does the line open a part of the page that is no article: its comments (a line of
    the catalogue's ``comments`` category, or a comment counter, `COMMENT_COUNTER`, set as
    a heading) or another section (`cleaner.catalogue.opens_section`)?"""
    counter = d.rule.partition(".")[2] == COMMENT_COUNTER and h is not None and h.heading
    return d.category == "comments" or bool(counter) or opens_section(d.rule)


def _comment_items(run: list[int], hints) -> bool:
    """Do the run's blocks lie in two or more items whose own class or id words name a
    comment (`COMMENT_MARKS`): readers' comments, each in its element (an article in a
    container named for comments has its paragraphs in that one container)?"""
    items = set()
    for i in run:
        page = hints[i].page
        if page is None or len(page[1]) < 2:
            return False
        reader, chain = page
        if not reader.of(chain[1:2]) & COMMENT_MARKS:
            return False
        items.add(chain[1])
    return len(items) > 1


def _own_marks(hints, prose: list[int]) -> frozenset[str]:
    """The marks (class and id words, `cleaner.front.dom.LineHint.marks`) that every
    paragraph of prose the extractor chose carries: the page's name for its article's
    own blocks, whatever the word, so no sign that a block it skipped is boilerplate."""
    marks = [hints[i].marks for i in prose if hints[i] is not None]
    return frozenset.intersection(*marks) if marks else frozenset()


def _unchosen(d: Decision, h, how: str | None) -> Decision:
    """The decision on a block of the page the extractor did not choose: recovered
    (``html.recovered``, see `_recovered`) or left out (``html.unchosen``)."""
    where = f"<{h.tag}>" + (f" in <{h.furniture}>" if h.furniture and h.furniture != h.tag else "")
    if how is not None:
        place = {"inside": "among the extracted article's prose", "lead": "under the headline, above the article",
                 "kin": f"shaped like the article's blocks ({h.kin} levels)",
                 "orphan": "in the page's longest run of prose (the extractor chose none)",
                 "outweighs": "in the page's longest run of prose, many times what the extractor chose"}[how]
        return Decision(True, "html.recovered", "body", f"{where} of prose {place}, not chosen by the extractor",
                        "extractor")
    return Decision(False, "html.unchosen", "boilerplate", f"{where} not chosen by the extractor ({d.rule})",
                    "extractor")


def shown_lines(revised: list[Decision], hints) -> list[int]:
    """The lines of a whole page the stages after the extractor judge: all but the
    blocks the extractor did not choose and that were not recovered."""
    chosen = _chosen_flags(hints, len(revised))
    return [i for i, d in enumerate(revised) if chosen[i] or d.rule == "html.recovered"]
