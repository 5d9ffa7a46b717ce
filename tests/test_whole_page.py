"""The whole page reaches the pipeline: every text block is a line, with whether the
extractor chose it; blocks it skipped are recovered only on the page's evidence.

Pages here are written for the tests (invented text); none is copied from a site.
"""

from __future__ import annotations

import pickle
import re
from copy import copy
from pathlib import Path

import pytest

from cleaner import Options, analyze
from cleaner import clean as cleaner_clean
from cleaner.extracted import revise
from cleaner.front.dom import LineHint, Marks
from cleaner.front.extract import extract, extract_text
from cleaner.front.page import OPENING, Kinship, merge, page_blocks
from cleaner.front.dom import bare, parse, trace
from cleaner.front.walk import PageWalk
from cleaner.segment import segment

from test_html import PARAGRAPHS, TITLE, out_lines, page

LEAD = ("The harbour's old ferry terminal will shut for eight months while engineers repair "
        "the cracked main pier, the authority said.")
ASIDE = ("Our weekly newsletter brings you the harbour's news every Friday morning, with the "
         "tide tables and the ferry timetable for the week ahead.")
#: A page with a table the extractor writes a row a line: "Route | Crossings a day",
#: "Harbour to island | twelve"; its header and last cells are held by those lines.
TABLE_PAGE = page(extra_body="<table><tr><th>Route</th><th>Crossings a day</th></tr>"
                             "<tr><td>Harbour to island</td><td>twelve</td></tr></table>")


def _placed(tree, lines: list[str]) -> list:
    """`merge` of the page's blocks and ``lines``, traced as `cleaner.front.extract.extract`
    traces them: the lines' `bare` texts made once, one `PageWalk` for the trace and
    the blocks."""
    walked = PageWalk(tree)
    bares = [bare(line) for line in lines]
    return merge(page_blocks(tree, walked), lines, trace(tree, bares, walked), bares)


def test_every_block_of_the_page_is_a_line():
    a = analyze(page())
    texts = [v.line.text for v in a.verdicts]
    assert "Home" in texts and "Copyright Harbour News. All rights reserved." in texts
    menu = next(v for v in a.verdicts if v.line.text == "Home")
    assert (menu.final.keep, menu.final.rule, menu.output) == (False, "html.unchosen", False)
    assert [d.stage for d in menu.trail] == ["classify", "extractor"]
    assert "<li> in <nav>" in menu.final.reason
    assert all(p in out_lines(a.text) for p in PARAGRAPHS)
    assert texts.index("Home") < texts.index(PARAGRAPHS[0]) < texts.index(
        "Copyright Harbour News. All rights reserved.")


def test_hints_say_what_the_extractor_chose():
    ex = extract(page())
    lines = segment(ex.text)
    by_text = {line.text: h for line, h in zip(lines, ex.hints) if line.text}
    assert by_text[PARAGRAPHS[0]].chosen
    assert not by_text["Home"].chosen and by_text["Home"].furniture == "nav"
    assert PARAGRAPHS[0] in extract_text(page()) and "Home" not in extract_text(page())
    assert ex.main == extract_text(page())


def _new(placed: list) -> list:
    """What `merge` placed, but for the blocks whose text the extracted text holds
    (`cleaner.front.page.Block.held`), as ``(k, text)`` (``text`` ``None`` for a line)."""
    return [(k, block and block.text) for k, block in placed if block is None or not block.held]


def _held(placed: list) -> list[str]:
    """The texts of the blocks `merge` placed as held by the extracted text."""
    return [block.text for _, block in placed if block is not None and block.held]


def test_an_extracted_table_row_does_not_bring_its_cells_back_as_lines():
    tree = parse(TABLE_PAGE)
    lines = ["Route | Crossings a day", "Harbour to island | twelve"]
    placed = _placed(tree, lines)
    cells = [text for k, text in _new(placed) if text is not None]
    assert "twelve" not in cells and "Crossings a day" not in cells
    # they are placed all the same, as held by the row's line
    assert _held(placed) == ["Crossings a day", "twelve"]


def test_every_block_the_extracted_text_holds_is_explained():
    """A cell of a row the extractor wrote as one line is a line of the page, explained
    (``html.held``), never recovered and never in the output twice; with that rule
    disabled it is left out as not chosen."""
    a = analyze(TABLE_PAGE)
    held = {v.line.text: v for v in a.verdicts if v.final.rule == "html.held"}
    assert set(held) == {"Crossings a day", "twelve"}
    assert all(v.final.reason and v.final.category == "duplicate" and not v.output for v in held.values())
    row = next(v for v in a.verdicts if "Harbour to island" in v.line.text and "twelve" in v.line.text)
    assert row.output and row.final.rule != "html.held"
    assert cleaner_clean(TABLE_PAGE).count("twelve") == 1
    # every line of the page's explanation carries a rule id and a reason
    assert all(row.split("\t")[1] and row.split("\t")[2] for row in a.explain().splitlines() if row != "-\t\t\t")
    off = analyze(TABLE_PAGE, disabled_rules=frozenset({"html.held"}))
    assert {v.final.rule for v in off.verdicts if v.line.text in held} == {"html.unchosen"}


def test_a_held_block_is_counted_neither_kept_nor_removed():
    """A held block's text is in an output line: the command line's counts and the
    datatrove record leave it out of the lines removed (a table's cells here)."""
    from cleaner.batch import _count

    a = analyze(TABLE_PAGE)
    assert sum(v.final.rule == "html.held" for v in a.verdicts) == 2
    for command in ("clean", "split"):
        assert _count(a, command).dropped["duplicate"] == 0
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from cleaner.integrations.datatrove import CleanerStep

    record = next(iter(CleanerStep().run(iter([Document(text=TABLE_PAGE, id="p")])))).metadata["cleaner"]
    assert record["removed"]["duplicate"] == 0 and "html.held" not in record["rules"]
    assert record["lines_removed"] == sum(1 for v in a.dropped() if v.final.rule != "html.held")


def test_a_line_repeats_no_held_block(monkeypatch):
    """A held block is a copy of extracted text, never shown or output: an extracted line
    after it with the same text is no repeat of it (``feature.duplicate``) but is judged
    on its own; a later repeat of that line names that line, by its index on the page."""
    from cleaner.front import extract as extracting

    real = extract(page())
    texts = [line.text for line in segment(real.text)]
    at = texts.index(PARAGRAPHS[1])
    held = LineHint("p", 0, 0.0, frozenset(), chosen=False, held=True)
    hints = list(real.hints)
    hints[at:at] = [held]  # a held copy right before the line that holds it
    texts[at:at] = [PARAGRAPHS[1]]
    hints.append(hints[at + 1])  # and the line once more at the end
    texts.append(PARAGRAPHS[1])
    monkeypatch.setattr(extracting, "extract", lambda document: extracting.Extraction(
        "\n".join(texts), tuple(hints), real.main, real.headline))
    a = analyze(page())
    copy_, line, again = (v for v in a.verdicts if v.line.text == PARAGRAPHS[1])
    assert copy_.final.rule == "html.held"
    assert (line.initial.rule, line.output) == ("feature.prose", True)
    assert (again.initial.rule, again.initial.reason) == ("feature.duplicate", f"repeats line {line.line.index + 1}")


def test_kinship_counts_the_levels_shaped_like_a_chosen_block():
    tree = parse('<html><body><div class="a"><p class="x">one</p></div>'
                 '<div class="a"><p class="x">two</p></div><div class="b"><p class="x">three</p></div>'
                 '<p>four</p></body></html>')
    p = list(tree.iter("p"))
    where = PageWalk(tree).where  # each block's chain, as the front door reads it
    kin = Kinship({p[0]}, where, Marks())
    assert [kin.of(where[e][0]) for e in p] == [4, 4, 1, 0]
    assert [kin.of(where[e][0]) for e in tree.iter("div")] == [0, 0, 0]  # no chosen block is a <div>


def test_text_after_a_skipped_element_is_measured_once():
    """The text after a control (a subtree the trace does not enter) is one text node:
    a line starting there has its link share measured over that text once."""
    tree = parse("<html><body><p><button>Go</button>Read the <a href='/r'>full report</a></p></body></html>")
    [(element, share, _)] = trace(tree, [bare("Read the full report")])
    assert element.tag == "p"
    nodes = ["Read the", "full report"]  # the line's text nodes, each normalised
    assert share == len(nodes[1]) / len("".join(nodes))


def test_a_line_is_traced_to_the_paragraph_that_holds_it():
    """A standfirst and the text under it may open with the same sentence: the
    extractor's line is traced to the paragraph that holds it, and the standfirst
    stays a block of its own."""
    opening = "The harbour authority will close the old ferry terminal for eight months."
    standfirst = f"{opening} Engineers start on Monday."
    body = f"{opening} The main pier is cracked, and the repair needs divers and a crane."
    tree = parse(f"<html><body><h1>{TITLE}</h1><p class='lead'>{standfirst}</p>"
                 f"<div class='text'><p>{body}</p></div></body></html>")
    [(element, _, _)] = trace(tree, [bare(body)])
    assert element.text == body
    placed = _placed(tree, [body])
    assert standfirst in [block.text for k, block in placed if block is not None]


def test_a_block_text_is_made_once_for_tracing_and_the_page_blocks():
    """Tracing a line among text nodes that start alike reads their blocks' texts; the
    page's blocks are the same texts, not made again."""
    from cleaner.front.walk import PageWalk

    opening = "The harbour authority will close the old ferry terminal for eight months."
    standfirst = f"{opening}\u200b Engineers   start on Monday."
    body = f"{opening} The main pier is cracked, and the repair needs divers and a crane."
    tree = parse(f"<html><body><h1>{TITLE}</h1><p class='lead'>{standfirst}</p>"
                 f"<div class='text'><p>{body}</p></div></body></html>")
    walked = PageWalk(tree)
    [(element, _, _)] = trace(tree, [bare(body)], walked)
    made = dict(walked._texts)
    assert made and element in made  # the standfirst's and the paragraph's texts, read to trace
    blocks = {b.element: b.text for b in page_blocks(tree, walked)}
    lead = tree.find(".//p[@class='lead']")
    assert blocks[lead] == f"{opening} Engineers start on Monday."
    assert all(blocks[elem] is text for elem, text in made.items())


def test_what_the_extractor_left_out_of_a_chosen_block_is_a_line():
    """The extractor may take a block's text only from its first line break on: the
    text before it is a line of its own, not lost with the block."""
    first = "The old pier was built in 1911 and has carried the ferry ever since."
    second = "Divers found the cracks in the spring survey."
    tree = parse(f"<html><body><h1>{TITLE}</h1><div class='text'>{first}<br>{second}</div></body></html>")
    placed = _placed(tree, [second])
    assert [(k, block and block.text) for k, block in placed][-2:] == [(-1, first), (0, None)]
    # the whole block taken: nothing left out; its opening: the rest is a line of its own
    assert [k for k, _ in _placed(tree, [f"{first} {second}"])] == [-1, 0]
    placed = _placed(tree, [first])
    assert [(k, block and block.text) for k, block in placed][-2:] == [(0, None), (-1, second)]
    # a list item's line is looked for without its mark, read once for tracing and merging
    placed = _placed(tree, [f"- {second}"])
    assert [(k, block and block.text) for k, block in placed][-2:] == [(-1, first), (0, None)]


def test_what_the_extractor_left_out_after_the_lines_of_a_chosen_block_is_a_line():
    """The extractor may drop a block's text after a nested element it deletes (an empty
    ``<div>`` between two line breaks): that rest is a line of its own, right after the
    block's last line, not lost from the page; a rest the extracted text holds, or a
    block whose line is not found in its text, brings none."""
    first = "The old pier was built in 1911 and has carried the ferry ever since."
    second = "Divers found the cracks in the spring survey."
    tree = parse(f"<html><body><h1>{TITLE}</h1><div class='text'>{first}<br><div><br></div>{second}</div>"
                 f"<p>{PARAGRAPHS[0]}</p></body></html>")

    def placed(lines):
        return _new(_placed(tree, lines))

    assert placed([first, PARAGRAPHS[0]])[-3:] == [(0, None), (-1, second), (1, None)]
    assert placed([first, second, PARAGRAPHS[0]])[-3:] == [(0, None), (1, None), (2, None)]
    assert (-1, second) not in placed([first, PARAGRAPHS[0], second.upper(), second])
    assert _held(_placed(tree, [first, PARAGRAPHS[0], second.upper(), second])) == [second]
    assert placed([f"{first} {second}", PARAGRAPHS[0]])[-2:] == [(0, None), (1, None)]


def test_a_lines_end_is_found_where_it_stands_in_its_block():
    """A line's closing characters are looked for where they can stand in its block: in a
    text that repeats itself they also stand earlier, and the block's rest (here after a
    deleted element) would start inside the line.  A line the extractor made longer than
    its text in the block (a space between two inline elements) is still found, its rest
    not lost."""
    said = "The ferry leaves the harbour at dawn and returns at dusk."
    rest = "Divers found the cracks in the spring survey."
    tree = parse(f"<html><body><h1>{TITLE}</h1><div class='text'>{said} {said}<br><div><br></div>{rest}</div>"
                 "</body></html>")
    placed = _placed(tree, [f"{said} {said}"])
    assert _new(placed)[-2:] == [(0, None), (-1, rest)] and _held(placed) == []
    tree = parse(f"<html><body><h1>{TITLE}</h1><div class='text'>The ferry leaves the harbour at dawn every day."
                 f"<b>Then</b> it returns at dusk, the crews said.<br><div><br></div>{rest}</div></body></html>")
    placed = _placed(tree, ["The ferry leaves the harbour at dawn every day. Then it returns at dusk, the crews said."])
    assert _new(placed)[-2:] == [(0, None), (-1, rest)]


def test_a_rest_is_held_by_its_opening_characters_not_by_a_few_short_words():
    """A rest counts as extracted when the extracted text holds its opening: its first
    `OPENING` characters, the key by which `merge` finds a line in its block.  A rest
    whose first words only open another sentence of the extracted text (short words:
    "He said it was not the end of ...") is new text, a line of its own."""
    first = "The old pier was built in 1911 and has carried the ferry ever since."
    rest = "He said it was not the end of the road for the old ferry."
    other = "He said it was not the end of the season for the crews."
    tree = parse(f"<html><body><h1>{TITLE}</h1><div class='text'>{first}<br><div><br></div>{rest}</div>"
                 f"<p>{other}</p></body></html>")
    assert len(" ".join(rest.split()[:8])) < OPENING  # its first eight words are fewer characters
    placed = [(k, block and block.text) for k, block in _placed(tree, [first, other])]
    assert placed[-3:] == [(0, None), (-1, rest), (1, None)]
    # the same rest, its opening extracted elsewhere (another line that starts with its
    # first `OPENING` characters): no line of its own
    elsewhere = "He said it was not the end of the road for anyone at the yard."
    assert elsewhere[:OPENING] == rest[:OPENING] and elsewhere != rest
    placed = _new(_placed(tree, [first, other, elsewhere]))
    assert (-1, rest) not in placed and placed[-3:] == [(0, None), (1, None), (2, None)]
    assert _held(_placed(tree, [first, other, elsewhere])) == [rest]


def test_text_the_extractor_drops_inside_a_chosen_block_reaches_the_output():
    """Loose text of a chosen block after an empty ``<div>`` that trafilatura drops with
    its tail comes back as a block of the page, recovered as the article's prose."""
    lost = "Engineers will inspect the pier again in the autumn and report to the harbour board before winter."
    body = ("<div class='post-body'>The ferry company said on Monday that the new timetable starts in May, "
            "with twelve crossings a day.<br><br>Tickets bought for the old timetable stay valid until the "
            f"end of June, the company said.<br><div><br></div>{lost}<br>"
            "<div>We hope the harbour's visitors enjoy the new crossings.</div></div>")
    html = page(extra_body=body)
    assert lost not in extract_text(html)  # trafilatura's text leaves it out
    a = analyze(html)
    [verdict] = [v for v in a.verdicts if v.line.text == lost]
    assert verdict.final.rule == "html.recovered" and lost in a.text


def test_tracing_reads_the_bare_texts_it_is_given():
    """`trace` looks lines up by the `bare` texts its caller made once
    (`cleaner.front.extract.extract` makes them): it does not make them again."""
    line = "Divers found the cracks in the spring survey."
    tree = parse(f"<html><body><h1>{TITLE}</h1><ul><li>{line}</li></ul></body></html>")
    marked = [f"- {line}"]
    assert trace(tree, marked) == [None]  # a mark is not taken off here
    [(element, _, _)] = trace(tree, [bare(marked[0])])
    assert element.tag == "li"


def test_the_page_is_parsed_as_trafilatura_parses_it():
    """`parse` does trafilatura's own loading (repairs, fallback, rejection) with a faster
    element lookup: the same tree, the same element classes' methods."""
    from lxml import etree
    from trafilatura.utils import load_html

    pages = [page(), "<!DOCTYPE html>\n<html><body><p>One \x01two</p></body></html>",
             '<?xml version="1.0" encoding="utf-8"?><html><body><p>Declared.</p></body></html>',
             "<html/>\n<body><p>Self-closed root.</p></body>",
             "<!DOCTYPE html><html><body><p>One line, no line break.</p></body></html>",
             '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
             '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html><body><p>Old.</p></body></html>']
    for html in pages:
        ours, theirs = parse(html), load_html(html)
        assert etree.tostring(ours) == etree.tostring(theirs)
        assert ours.text_content() == theirs.text_content()


def _revised(texts: list[str], hints: list[LineHint], **options):
    a = analyze("\n".join(texts), extracted="never")
    lines, feats, initial = ([getattr(v, k) for v in a.verdicts] for k in ("line", "features", "initial"))
    return revise(lines, feats, initial, hints, Options.make(**options))


CHOSEN = LineHint("p", 0, 0.0, frozenset(), kin=0)


def test_a_pictures_caption_the_extractor_chose_is_no_article_text():
    from lxml.html import fromstring

    caption = "Engineers inspect the cracked main pier of the old ferry terminal at low tide on Monday."
    texts = [PARAGRAPHS[0], caption, PARAGRAPHS[1]]
    in_caption = LineHint("figcaption", 0, 0.0, frozenset())
    out = _revised(texts, [CHOSEN, in_caption, CHOSEN])
    assert [(d.keep, d.rule) for d in out] == [(True, "feature.prose"), (False, "html.caption"), (True, "feature.prose")]
    assert out[1].category == "caption"
    # a paragraph inside the caption element is the caption's too
    figure = fromstring(f"<figure><img src='pier.jpg'><figcaption><p>{caption}</p></figcaption></figure>")
    paragraph = figure.find(".//p")
    nested = CHOSEN._replace(page=(Marks(), (paragraph, paragraph.getparent(), figure)))
    assert _revised(texts, [CHOSEN, nested, CHOSEN])[1].rule == "html.caption"
    # ... within caption_reach_levels levels of its chain (here the figcaption is the second)
    assert _revised(texts, [CHOSEN, nested, CHOSEN], caption_reach_levels=1)[1].rule == "feature.prose"
    assert _revised(texts, [CHOSEN, CHOSEN, CHOSEN])[1].rule == "feature.prose"  # not in a caption
    assert _revised(texts, [CHOSEN, in_caption, CHOSEN], disabled_rules=frozenset({"html.caption"}))[1].keep


def test_a_heading_over_a_list_of_links_is_the_lists_title():
    link = LineHint("li", 0, 1.0, frozenset())
    heading = LineHint("h3", 3, 0.0, frozenset())
    items = ["- The ferry's new timetable", "- Harbour dues rise in spring"]
    texts = [PARAGRAPHS[0], "Harbour links:", *items, PARAGRAPHS[1]]
    out = _revised(texts, [CHOSEN, CHOSEN, link, link, CHOSEN])
    assert (out[1].keep, out[1].rule, out[1].category) == (False, "html.list_heading", "related")
    unchosen = link._replace(chosen=False)  # the list need not be chosen: the page shows it
    assert _revised(texts, [CHOSEN, heading, unchosen, unchosen, CHOSEN])[1].rule == "html.list_heading"
    # one link line after it is no list; a paragraph after it is the article's
    assert _revised(texts, [CHOSEN, CHOSEN, link, CHOSEN, CHOSEN])[1].keep
    assert _revised([PARAGRAPHS[0], "Harbour links:", PARAGRAPHS[1], *items], [CHOSEN, CHOSEN, CHOSEN, link, link])[1].keep
    # a line that neither is a heading nor ends with a colon, or is long, is no title
    assert _revised([PARAGRAPHS[0], "Harbour links", *items], [CHOSEN, CHOSEN, link, link])[1].keep
    long = "The ferry will run from the north quay on these days of the coming month:"
    assert _revised([PARAGRAPHS[0], long, *items], [CHOSEN, CHOSEN, link, link])[1].keep
    assert _revised(texts, [CHOSEN, CHOSEN, link, link, CHOSEN], list_heading_links=0)[1].keep
    assert _revised(texts, [CHOSEN, CHOSEN, link, link, CHOSEN],
                    disabled_rules=frozenset({"html.list_heading"}))[1].keep


def test_a_skipped_paragraph_among_the_article_is_recovered():
    skipped = LineHint("p", 0, 0.0, frozenset(), chosen=False, kin=1)
    out = _revised(PARAGRAPHS[:3], [CHOSEN, skipped, CHOSEN])
    assert (out[1].keep, out[1].rule, out[1].category) == (True, "html.recovered", "body")
    assert "among the extracted article's prose" in out[1].reason


def test_a_skipped_paragraph_in_the_furniture_or_marked_or_unlike_the_article_stays_out():
    for hint in (LineHint("p", 0, 0.0, frozenset(), chosen=False, furniture="aside", kin=1),
                 LineHint("p", 0, 0.0, frozenset({"newsletter"}), chosen=False, kin=1),
                 LineHint("p", 0, 0.9, frozenset(), chosen=False, kin=1),
                 LineHint("div", 0, 0.0, frozenset(), chosen=False, kin=0)):
        out = _revised([PARAGRAPHS[0], ASIDE, PARAGRAPHS[1]], [CHOSEN, hint, CHOSEN])
        assert (out[1].keep, out[1].rule, out[1].category) == (False, "html.unchosen", "boilerplate"), hint


def test_a_mark_every_chosen_paragraph_carries_does_not_keep_a_skipped_one_out():
    # a page that names its article's own paragraphs with a mark word ("sidebar") does not
    # make that word a sign of boilerplate: a skipped paragraph that carries it too is
    # recovered; a mark the chosen paragraphs do not all carry still keeps it out
    marked = LineHint("p", 0, 0.0, frozenset({"sidebar"}), kin=0)
    skipped = LineHint("p", 0, 0.0, frozenset({"sidebar"}), chosen=False, kin=1)
    out = _revised(PARAGRAPHS[:3], [marked, skipped, marked])
    assert (out[1].keep, out[1].rule) == (True, "html.recovered")
    assert _revised(PARAGRAPHS[:3], [marked, skipped, CHOSEN])[1].rule == "html.unchosen"
    other = LineHint("p", 0, 0.0, frozenset({"sidebar", "newsletter"}), chosen=False, kin=1)
    assert _revised(PARAGRAPHS[:3], [marked, other, marked])[1].rule == "html.unchosen"


def test_a_paragraph_shaped_like_the_article_is_recovered_next_to_it_not_far_away():
    kin = LineHint("p", 0, 0.0, frozenset(), chosen=False, kin=4)
    menu = LineHint("li", 0, 1.0, frozenset(), chosen=False)
    texts = PARAGRAPHS[:2] + [PARAGRAPHS[2], "Home", "News", "Sport", "Weather", PARAGRAPHS[3]]
    out = _revised(texts, [CHOSEN, CHOSEN, kin, menu, menu, menu, menu, kin])
    assert (out[2].keep, out[2].rule) == (True, "html.recovered")
    assert "shaped like the article's blocks (4 levels)" in out[2].reason
    assert (out[7].keep, out[7].rule) == (False, "html.unchosen")  # past four other lines
    assert _revised(texts, [CHOSEN, CHOSEN, kin, menu, menu, menu, menu, kin],
                    recover_max_gap=4)[7].rule == "html.recovered"


def test_the_standfirst_under_the_headline_is_recovered():
    headline = LineHint("h1", 1, 0.0, frozenset(), chosen=False)
    lead = LineHint("div", 0, 0.0, frozenset({"teaser"}), chosen=False)
    out = _revised([TITLE, LEAD, PARAGRAPHS[0], PARAGRAPHS[1]], [headline, lead, CHOSEN, CHOSEN])
    assert (out[1].keep, out[1].rule) == (True, "html.recovered")
    assert "under the headline" in out[1].reason
    assert _revised([TITLE, LEAD, PARAGRAPHS[0], PARAGRAPHS[1]], [headline, lead, CHOSEN, CHOSEN],
                    recover_lead_reach=0)[1].rule == "html.unchosen"
    assert _revised([TITLE, LEAD, PARAGRAPHS[0]], [headline, lead, CHOSEN],
                    disabled_rules=["html.recovered"])[1].rule == "html.unchosen"


def test_the_standfirst_under_the_headline_is_recovered_however_far_above_the_article():
    # a byline, a date and a share row between the standfirst and the article's first
    # paragraph: more lines than a block shaped like the article is reached across
    headline = LineHint("h1", 1, 0.0, frozenset(), chosen=False)
    lead = LineHint("p", 0, 0.0, frozenset(), chosen=False)
    meta = LineHint("div", 0, 1.0, frozenset(), chosen=False)
    texts = [TITLE, LEAD, "By Ann Reporter", "12 March", "Share", "Post", PARAGRAPHS[0], PARAGRAPHS[1]]
    hints = [headline, lead, meta, meta, meta, meta, CHOSEN, CHOSEN]
    out = _revised(texts, hints)
    assert (out[1].keep, out[1].rule) == (True, "html.recovered")
    assert "under the headline" in out[1].reason
    assert [d.rule for d in out[2:6]] == ["html.unchosen"] * 4
    assert _revised(texts, hints, recover_lead_reach=0)[1].rule == "html.unchosen"
    # under the article's first paragraph it is no standfirst
    below = _revised([PARAGRAPHS[0], TITLE, LEAD] + texts[2:6] + [PARAGRAPHS[1]],
                     [CHOSEN, headline, lead, meta, meta, meta, meta, CHOSEN])
    assert below[2].rule == "html.unchosen"


def test_the_one_paragraph_between_the_headline_and_the_article_is_its_standfirst():
    # the headline is the line holding the page's headline, whatever its tag; a byline,
    # a picture's caption, a date and a share row stand between it, the standfirst and the
    # article: more lines than the standfirst is looked for across under an <h1>
    named = LineHint("div", 0, 0.0, frozenset(), chosen=False, headline=True)
    lead = LineHint("p", 0, 0.0, frozenset(), chosen=False)
    meta = LineHint("div", 0, 1.0, frozenset(), chosen=False)
    texts = [TITLE, "By Ann Reporter", "12 March", "The pier at dawn", LEAD, "Share", "Post", PARAGRAPHS[0],
             PARAGRAPHS[1]]
    hints = [named, meta, meta, meta, lead, meta, meta, CHOSEN, CHOSEN]
    out = _revised(texts, hints)
    assert (out[4].keep, out[4].rule) == (True, "html.recovered")
    assert "under the headline" in out[4].reason
    assert _revised(texts, [named._replace(headline=False)] + hints[1:])[4].rule == "html.unchosen"
    # two paragraphs there are no standfirst (a list of key points, teasers)
    two = texts[:4] + [LEAD, LEAD.replace("eight", "nine")] + texts[5:]
    assert [d.rule for d in _revised(two, hints[:5] + [lead] + hints[5:])[4:6]] == ["html.unchosen"] * 2
    # nor one under a heading of its own (a box: a claim, a verdict)
    boxed = _revised(texts, hints[:3] + [LineHint("h4", 4, 0.0, frozenset(), chosen=False)] + hints[4:])
    assert boxed[4].rule == "html.unchosen"
    # nor a headline's copy in a share box
    shared = named._replace(page=None, marks=frozenset({"share"}))
    assert _revised(texts, [shared] + hints[1:])[4].rule == "html.unchosen"


def test_a_standfirst_the_extractor_skips_reaches_the_output():
    # trafilatura leaves out a block whose class says "teaser"; right under the <h1>,
    # before the article's first paragraph, it is the article's standfirst
    html = page().replace(f"<h1>{TITLE}</h1>", f'<h1>{TITLE}</h1><div class="teaser">{LEAD}</div>')
    assert LEAD not in extract_text(html)
    a = analyze(html)
    lead = next(v for v in a.verdicts if v.line.text == LEAD)
    assert (lead.final.rule, lead.output) == ("html.recovered", True)
    kept = out_lines(a.text)
    assert kept.index(LEAD) + 1 == kept.index(PARAGRAPHS[0])
    sidebar = page().replace(f"<h1>{TITLE}</h1>", f'<h1>{TITLE}</h1><div class="sidebar"><p>{LEAD}</p></div>')
    assert LEAD not in analyze(sidebar).text


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def test_when_the_extractor_chose_no_prose_the_longest_run_of_prose_is_the_article():
    # the article sits in a container whose class names comments: the extractor, comments
    # excluded, keeps only the headline; the page's run of prose comes back whatever its marks
    menu = LineHint("li", 0, 1.0, frozenset(), chosen=False)
    headline = LineHint("h1", 1, 0.0, frozenset())
    skipped = LineHint("p", 0, 0.0, frozenset({"comment"}), chosen=False)
    footer = ["Contact", "Privacy", "Terms", "About us"]
    assert len(footer) > Options().recover_max_gap
    texts = ["Home", "News", TITLE] + PARAGRAPHS + footer + [ASIDE]
    hints = [menu, menu, headline] + [skipped] * len(PARAGRAPHS) + [menu] * len(footer) + [skipped]
    need = _words(PARAGRAPHS)
    out = _revised(texts, hints, recover_orphan_words=need)
    body = range(3, 3 + len(PARAGRAPHS))
    assert all((out[i].keep, out[i].rule) == (True, "html.recovered") for i in body)
    assert "the page's longest run of prose (the extractor chose none)" in out[3].reason
    # the lone paragraph past the footer's links is another run, shorter: it stays out
    assert (out[-1].keep, out[-1].rule) == (False, "html.unchosen")
    # a run shorter than recover_orphan_words stays out; so does every run when the
    # extractor chose a paragraph of prose (the marked blocks are no article's then)
    assert _revised(texts, hints, recover_orphan_words=need + 1)[3].rule == "html.unchosen"
    chosen = hints[:3] + [CHOSEN] + hints[4:]
    assert _revised(texts, chosen, recover_orphan_words=need)[4].rule == "html.unchosen"
    assert _revised(texts, hints, recover_orphan_words=need, disabled_rules=["html.recovered"])[3].rule \
        == "html.unchosen"


#: Five more paragraphs of the harbour story, invented: with `PARAGRAPHS`, ten distinct ones.
MORE = [
    "Fishing boats will keep their berths on the north side of the basin, which the cracks "
    "do not reach, and the ice plant will stay open throughout the works.",
    "Divers inspected the pier's foundations in January and found that two of the old "
    "timber piles had rotted through below the low water mark.",
    "The island's school asked for the first crossing of the day to leave earlier, so that "
    "pupils who live on the mainland can still reach their lessons on time.",
    "A public meeting about the works will be held in the lifeboat station next Thursday "
    "evening, and the engineers will answer questions from residents there.",
    "The terminal was built in the nineteen sixties and has not been repaired since a storm "
    "tore off part of its roof and flooded the waiting room twelve years ago.",
]


def test_an_article_in_a_container_named_for_comments_reaches_the_output():
    paragraphs = PARAGRAPHS + MORE
    assert len(set(paragraphs)) == 10 and _words(paragraphs) >= Options().recover_orphan_words
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = page().replace('<article class="story">', '<article class="story"><div class="comment-body">') \
        .replace("</article>", "</div></article>")
    for p in PARAGRAPHS:
        html = html.replace(f"<p>{p}</p>\n", "", 1)
    html = html.replace('<div class="comment-body">', f'<div class="comment-body">{body}', 1)
    assert not any(p in extract_text(html) for p in paragraphs)
    verdicts = {v.line.text: v for v in analyze(html).verdicts}
    assert all(verdicts[p].final.rule == "html.recovered" and verdicts[p].output for p in paragraphs)
    kept = out_lines(cleaner_clean(html))
    assert all(p in kept for p in paragraphs)
    # the extractor chose the menu, written as one line: judged by the line rules again
    assert "Home" in extract_text(html)
    assert not any(word in line for line in kept for word in ("Home", "Weather"))
    assert not any(p in out_lines(cleaner_clean(html, recover_orphan_words=_words(paragraphs) + 1))
                   for p in paragraphs)


#: Readers' comments, invented: each long enough to be recovered as prose.
COMMENTS = [
    "I grew up two streets from the quay and every winter the gulls came into the town "
    "looking for scraps, so this brought back a lot of memories for me and my sister.",
    "The second verse is the one that stayed with me all afternoon, because it says what "
    "the mud smells like better than anything I have read about the coast in years.",
    "Could the paper print more of these on Sundays? My father cut them out and kept them "
    "in a drawer in the kitchen, and I would like to start doing the same for my children.",
    "We walked along the sea wall last weekend when the tide was out and saw exactly the "
    "boats lying on their sides that the lines describe, with the ropes all over the place.",
    "I read it aloud to my grandmother, who worked at the fish market for forty years, and "
    "she said that the evening light on the water is the thing she misses most of all now.",
    "Lovely pictures, but the one of the lighthouse was taken before they painted it, so it "
    "looks much greyer than it does today for anyone who goes down there to see it again.",
]


def _comments_page(article: str, heading: str = "<h2>6 Comments</h2>", items: bool = True) -> str:
    """A page with ``article`` as its article and readers' comments under it, each in an
    item of its own (``items``) or all in one container."""
    if items:
        comments = "".join(f'<div class="comment"><p class="author">Reader {i}</p><p>{c}</p></div>'
                           for i, c in enumerate(COMMENTS))
    else:
        comments = "".join(f"<p>{c}</p>" for c in COMMENTS)
    return ('<html><head><title>Low water</title></head><body><nav><ul><li><a href="/">Home</a></li>'
            f'<li><a href="/more">More</a></li></ul></nav><article class="post">{article}</article>'
            f'<section id="comments">{heading}{comments}</section>'
            "<footer><p>Copyright Quay Verse. All rights reserved.</p></footer></body></html>")


VERSE = ["The water leaves the harbour wall", "and gulls come down to feed", "the boats lie over in the mud",
         "among the chain and weed", "and when the evening tide comes back", "it lifts them from the bed"]
POEM = "<h1>Low water</h1>" + "".join(f"<p>{line}</p>" for line in VERSE)
GALLERY = ('<h1>The quay at first light</h1><figure><img src="a.jpg"><figcaption>Boats at the quay'
           "</figcaption></figure><p>Gallery: 12 pictures</p>")


def _recovered_texts(html: str, **options) -> list[str]:
    return [v.line.text for v in analyze(html, **options).verdicts if v.final.rule == "html.recovered"]


@pytest.mark.parametrize("article", [POEM, GALLERY], ids=["poem", "gallery"])
def test_readers_comments_under_an_article_without_prose_stay_out(article):
    # the extractor chose a poem's verse or a gallery's captions: no prose, but an
    # article; the run of prose under it is readers' comments, never recovered
    html = _comments_page(article)
    assert _recovered_texts(html) == []
    assert not any(c in cleaner_clean(html) for c in COMMENTS)
    # whatever the extractor chose, the comments heading closes the page to the search,
    # and without a heading each comment in its own item refuses the run
    anything = {"recover_orphan_chosen_words": 10_000}
    pages = {(heading, items): _comments_page(article, heading, items)
             for heading in ("<h2>6 Comments</h2>", "<h2>Comments</h2>", "") for items in (True, False)}
    for (heading, items), html in pages.items():
        assert not any(c in extract_text(html) for c in COMMENTS)
        # the same paragraphs, neither under a heading nor one per comment, do come back
        assert _recovered_texts(html, **anything) == ([] if heading or items else COMMENTS)


def test_the_article_is_searched_for_only_when_the_extractor_chose_next_to_nothing():
    # a poem's verse is no prose, but the extractor chose an article: recovery leaves it be
    html = _comments_page(POEM, heading="", items=False)
    verse = sum(len(line.split()) for line in VERSE) + len("Low water".split())
    assert verse >= Options().recover_orphan_chosen_words
    assert _recovered_texts(html) == []
    assert _recovered_texts(html, recover_orphan_chosen_words=verse + 1) == COMMENTS


def test_a_skipped_block_carries_the_mark_words_of_its_classes():
    # the marks that can refuse a block its recovery
    sidebar = page().replace(f"<h1>{TITLE}</h1>", f'<h1>{TITLE}</h1><div class="sidebar"><p>{LEAD}</p></div>')
    ex = extract(sidebar)
    hint = dict(zip([line.text for line in segment(ex.text)], ex.hints))[LEAD]
    assert (hint.chosen, hint.furniture, hint.other, hint.marks) == (False, "", "", frozenset({"sidebar"}))


def test_every_line_carries_its_marks_chosen_and_furniture_alike():
    html = page(extra_body='<div class="share-bar"><p>Send this story to a friend.</p></div>').replace(
        "<main>", '<main class="trending">')
    ex = extract(html)
    by_text = dict(zip([line.text for line in segment(ex.text)], ex.hints))
    chosen, menu = by_text[PARAGRAPHS[0]], by_text["Home"]
    assert chosen.chosen and chosen.marks == frozenset({"trending"})
    assert (menu.chosen, menu.furniture, menu.marks) == (False, "nav", frozenset({"menu"}))
    share = by_text["Send this story to a friend."]
    assert share.marks == frozenset({"share", "trending"})
    # a hint travels (pickled, to another process) with its marks read
    assert pickle.loads(pickle.dumps(menu)) == LineHint("li", 0, menu.link_density, frozenset({"menu"}),
                                                        chosen=False, furniture="nav", kin=menu.kin)


_PRUNED_PAGE = page(
    extra_body='<div class="comments"><h3>Comments</h3><ul><li><p>Great news for the harbour, '
               'at last the pier gets the care it needs.</p></li>'
               '<li><h4><a href="/c">Readers send their photos of the old pier at dawn</a></h4></li></ul></div>',
    after='<section class="related"><ul>'
          '<li><h3><a href="/a">Fish market to open on Sundays from May</a></h3><p>Traders agree.</p></li>'
          '<li><h3><a href="/b">New cycle lane along the quay finished</a></h3><p>Work ends early.</p></li>'
          '</ul></section>'
          '<div class="feed"><article><p>The island school reopens after a long summer of building '
          'work on the old …</p></article><article><p>Tide tables for the coming week show the '
          'highest spring tide of the year on …</p></article></div>')


def test_the_extractor_works_on_the_parsed_page_as_on_a_copy_of_it(monkeypatch):
    """trafilatura prunes the tree it is given (the comment section here): the front door
    reads the page before, so its lines and hints are those it gives when the extractor
    works on a copy."""
    import cleaner.front.extract as front

    direct = extract(_PRUNED_PAGE)
    on_copy = front.main_text
    monkeypatch.setattr(front, "main_text", lambda tree, *rest: on_copy(copy(tree), *rest))
    assert extract(_PRUNED_PAGE) == direct
    hints = dict(zip([line.text for line in segment(direct.text)], direct.hints))
    assert hints["Fish market to open on Sundays from May"].other == "card"
    assert hints["Readers send their photos of the old pier at dawn"].other == "card"  # in the pruned part
    assert not hints["Great news for the harbour, at last the pier gets the care it needs."].chosen


_HEADED_PAGE = page().replace(
    f"<h1>{TITLE}</h1>",
    f'<header class="story-head"><h1>{TITLE}</h1><p class="kicker">Harbour works, part one</p></header>')


def test_the_followed_sequence_is_trafilaturas_own():
    """`cleaner.front.sequence.run` is trafilatura's extraction sequence step for step:
    with its main extractor given the sequence's own settings, it gives trafilatura's body."""
    from trafilatura import core
    from trafilatura.xml import xmltotxt

    import cleaner.front.extract as front
    from cleaner.front import sequence

    assert sequence.follows(), "the installed trafilatura's extraction sequence is the one followed"
    options = front._options()
    for html in (_PRUNED_PAGE, _HEADED_PAGE, page(), "<html><body><nav><a href='/'>Home</a></nav></body></html>",
                 "<html><body><div><p>One short line of text.</p></div></body></html>"):
        ours = sequence.run(parse(html), options, options)
        theirs = core.trafilatura_sequence(parse(html), options, None)
        assert ours[1] == theirs[1]
        assert xmltotxt(ours[0], False) == xmltotxt(theirs[0], False)


def test_readability_is_spared_where_its_text_cannot_win(monkeypatch):
    """On a page that is mostly its article, readability's text cannot be twice the main
    extractor's (`PageWalk.text_bound`): the comparison is given a tree without text
    instead of a copy of the page, and the body is still trafilatura's own."""
    from lxml import etree
    from trafilatura import core, external
    from trafilatura.xml import xmltotxt

    import cleaner.front.extract as front
    from cleaner.front import sequence
    from cleaner.front.walk import PageWalk

    read: list[str] = []
    original = external.try_readability
    monkeypatch.setattr(external, "try_readability",
                        lambda tree: read.append(etree.tostring(tree, method="text", encoding=str)) or original(tree))
    options = front._options()
    theirs = core.trafilatura_sequence(parse(page()), options, None)
    assert PARAGRAPHS[0] in read.pop()  # trafilatura's own sequence: readability reads the page
    tree = parse(page())
    ours = sequence.run(tree, options, options, PageWalk(tree).text_bound)
    assert read == [""]  # ours: readability reads no text
    assert ours[1] == theirs[1] and xmltotxt(ours[0], False) == xmltotxt(theirs[0], False)
    assert PARAGRAPHS[0] in extract(page()).main


def test_the_text_bound_holds_readabilitys_text():
    """`PageWalk.text_bound` is at least the length of readability's trimmed text: with
    scripts and styles left out of the page's text, a frame's "VIDEO", and references
    inside <xmp> read back longer than the characters they stand for; a tree with a
    comment (whose tail the walk does not read) has no bound."""
    from lxml import etree
    from lxml.html import fromstring
    from trafilatura.external import try_readability
    from trafilatura.utils import trim

    from cleaner.front.walk import PageWalk

    def readability(html: str) -> int:
        return len(trim(etree.tostring(try_readability(parse(html)), method="text", encoding=str)))

    xmp = "<html><body><div><xmp>" + "&amp;" * 40 + "</xmp></div></body></html>"
    assert readability(xmp) == 9 * 40  # "&amp;" written as "&amp;amp;" and read back as that
    video = ("<html><body><div><p>A sentence long enough to be a paragraph of its own here."
             '<iframe src="https://www.youtube.com/embed/x"></iframe></p></div></body></html>')
    scripted = page(extra_body="<script>var note = 'a long script, not text: ' + 'x'.repeat(99);</script>"
                               "<noscript>Turn scripts on &amp; reload the page.</noscript><style>p {}</style>",
                    head="<script>var head = 1;</script>")
    for html in (xmp, video, scripted, page(), "<html><body><p>One line.</p></body></html> after the page"):
        bound = PageWalk(parse(html)).text_bound()
        assert readability(html) <= bound, html
    tree = parse(scripted)
    assert PageWalk(tree).text_bound() < len(etree.tostring(tree, method="text", encoding=str))  # scripts left out
    assert PageWalk(fromstring("<html><body><div><!-- note -->Text after a comment.</div></body></html>")).text_bound() is None


def test_the_page_text_is_not_measured_when_the_text_found_covers_its_share(monkeypatch):
    """trafilatura measures the whole page's text (``html2txt``) when the text found is
    short, to retry in recall mode if it covers less than a fifth of the page; where the
    walk's bound (`page_text_most`) shows it covers more, the page is not measured, and
    the body is still trafilatura's own."""
    import importlib

    from trafilatura import core
    from trafilatura.baseline import html2txt
    from trafilatura.xml import xmltotxt

    import cleaner.front.extract as front
    from cleaner.front import sequence
    from cleaner.front.walk import PageWalk

    for html in (page(), _PRUNED_PAGE, _HEADED_PAGE):
        tree = parse(html)
        most = sequence.page_text_most(tree, PageWalk(tree).text_bound)
        assert len(html2txt(parse(html))) <= most < float("inf")
    measured: list[int] = []
    monkeypatch.setattr(importlib.import_module("trafilatura.baseline"), "html2txt", lambda tree: measured.append(1) or html2txt(tree))
    options = front._options()
    theirs = core.trafilatura_sequence(parse(page()), options, None)
    tree = parse(page())
    ours = sequence.run(tree, options, options, PageWalk(tree).text_bound)
    assert len(theirs[1]) < core.ESCALATION_MAX_LENGTH  # short: trafilatura measures the page
    assert measured == []  # trafilatura's own imports html2txt at load time; ours asks the module
    assert ours[1] == theirs[1] and xmltotxt(ours[0], False) == xmltotxt(theirs[0], False)
    sequence.run(parse(page()), options, options)  # no bound: the page is measured
    assert measured == [1]


def test_the_required_trafilatura_is_the_release_followed():
    """pyproject.toml requires exactly the trafilatura release whose sequence the front
    door follows, and that release is the one installed: what `pip install .` gives runs
    `cleaner.front.sequence.run`, not the fallback."""
    import tomllib
    from importlib.metadata import version

    from cleaner.front import sequence

    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text("utf-8"))
    required = [d for d in project["project"]["dependencies"] if re.match(r"trafilatura\b", d)]
    assert required == [f"trafilatura=={sequence.VERSION}"]
    assert version("trafilatura") == sequence.VERSION
    assert sequence.follows()


def test_the_main_extractor_set_for_precision_leaves_the_page_header_out():
    """The page's <header> (here the headline and a kicker) is left out by the main
    extractor set for precision: the kicker is no extracted line, the article is."""
    import cleaner.front.extract as front

    ex = extract(_HEADED_PAGE)
    chosen = {line.text: h.chosen for line, h in zip(segment(ex.text), ex.hints) if line.text and h is not None}
    assert chosen["Harbour works, part one"] is False
    assert all(chosen[p] for p in PARAGRAPHS)
    assert "Harbour works, part one" in front.main_text(parse(page().replace(  # the balanced extractor keeps it
        f"<h1>{TITLE}</h1>", f"<h1>{TITLE}</h1><p>Harbour works, part one</p>")))


def test_the_extractor_without_its_copy_gives_bare_extractions_body(monkeypatch):
    """With a trafilatura whose sequence is not the one followed, `_extraction` is
    trafilatura's ``bare_extraction`` without the copy of the tree, or ``bare_extraction``
    itself when trafilatura has no sequence of that shape."""
    import trafilatura
    from trafilatura.xml import xmltotxt

    import cleaner.front.extract as front
    from cleaner.front import sequence

    pages = (_PRUNED_PAGE, page(), "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    expected = [trafilatura.bare_extraction(parse(html), options=front._options()) for html in pages]
    def check():
        for html, doc in zip(pages, expected):
            body = front._extraction(parse(html))
            assert (body is None) == (doc is None)
            if body is not None:
                assert xmltotxt(body, False) == xmltotxt(doc.body, False)

    monkeypatch.setattr(sequence, "follows", lambda: False)
    front._sequence.cache_clear()
    try:
        check()  # trafilatura's own sequence
    finally:
        front._sequence.cache_clear()
    monkeypatch.setattr(front, "_sequence", lambda: None)
    check()  # bare_extraction


def test_the_walk_records_around_each_block_what_climbing_the_tree_finds():
    """`PageWalk.where`: each block's chain (itself and up to four ancestors, nearest
    first) and its nearest <article> and <li>, as climbing the tree gives them, also after
    nested articles and list items close."""
    from cleaner.front.walk import CHAIN_LEVELS, PageWalk

    tree = parse("<html><body><article><ul><li><div><ul><li><p>Inner item</p></li></ul>"
                 "<p>Outer item again</p></div></li></ul><article><p>Nested article</p></article>"
                 "<p>Outer article again</p></article><div><p>No article here</p></div></body></html>")
    walked = PageWalk(tree)
    blocks = ("html", "body", "article", "ul", "li", "div", "p")
    assert len(walked.where) == sum(1 for e in tree.iter() if e.tag in blocks)
    for elem, (chain, article, item) in walked.where.items():
        assert chain == (elem, *elem.iterancestors())[:CHAIN_LEVELS]
        assert article is next((e for e in (elem, *elem.iterancestors()) if e.tag == "article"), None)
        assert item is next((e for e in (elem, *elem.iterancestors()) if e.tag == "li"), None)


# --- failures of a whole page: each kind on a small invented page ----------------------

#: The harbour story's ten paragraphs, and ten more made from them (a word
#: changed): twenty distinct paragraphs, over 400 words.
LONG = PARAGRAPHS + MORE + [p.replace(" the ", " a ") for p in PARAGRAPHS + MORE]
MENU = '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>'
FOOTER = "<footer><p>Copyright Harbour News. All rights reserved.</p></footer>"


def _verdict(html: str, text: str, **options):
    return next(v for v in analyze(html, **options).verdicts if v.line.text == text)


def test_a_one_line_article_inside_a_link_is_no_link_list():
    # the whole article inside the link of a card, with no block of its own: the extractor
    # delivers it as one long line whose every character is link text
    article = " ".join(LONG)
    assert _words([article]) >= 400
    html = (f'<html><body>{MENU}<div class="card"><a href="/story/1"><h1>{TITLE}</h1>'
            f'<div class="text">{article}</div></a></div>{FOOTER}</body></html>')
    assert article in extract_text(html)
    line = _verdict(html, article)
    assert line.output and line.final.rule == "feature.prose"
    assert article in out_lines(cleaner_clean(html))
    # it is link text all the same: a line shorter than the guard says is dropped as a link
    # list, and the safety net brings the long article back
    shorter = {"collapsed_article_words": _words([article]) + 1}
    assert _verdict(html, article, **shorter).final.rule == "html.safety_net"
    assert _verdict(html, article, **shorter, disabled_rules=["html.safety_net"]).final.rule == "html.links"


def test_a_line_that_glues_a_link_to_the_paragraph_after_it_is_traced_to_that_paragraph():
    # the extractor joins a picture's linked credit and the paragraph after the link
    # without a space: the line is found by the credit's node and the node after it,
    # so its link share is the credit's few characters, not the caption's whole link
    html = (f'<html><body><article><h1>{TITLE}</h1><div class="news"><a href="/pic.jpg"><img src="p.jpg">'
            f'<br>The pier at low tide<br><em>(c) Harbour</em></a>{PARAGRAPHS[0]}</div>'
            f"<p>{PARAGRAPHS[1]}</p></article></body></html>")
    tree = parse(html)
    glued = bare("(c) Harbour" + PARAGRAPHS[0])
    (_, caption, _), (block, share, _) = trace(tree, [bare("The pier at low tide"), glued])
    assert caption == 1.0 and block.tag == "div" and share < 0.1
    # a line that only opens like the node, glued to a word no node opens, is not found
    assert trace(tree, [bare("The pier at low tide"), bare("(c) Harbourmaster")])[1][1] == 1.0


def test_an_article_filed_under_comments_beside_a_chosen_standfirst_reaches_the_output():
    # the extractor takes the container named for comments out and keeps the headline
    # and the standfirst: prose, so the page is no orphan; the run of prose it left out
    # holds many times the words it chose, unbroken: the article
    standfirst = ("The harbour's old ferry terminal will shut for eight months while engineers repair the "
                  "cracked main pier, the authority said, and passengers will board by the market.")
    paragraphs = PARAGRAPHS + MORE
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (f'<html><body>{MENU}<main><article><h1>{TITLE}</h1><p class="lead">{standfirst}</p>'
            f'<div class="comments-area">{body}</div></article></main>{FOOTER}</body></html>')
    extracted = extract_text(html)
    assert standfirst in extracted and not any(p in extracted for p in paragraphs)
    assert _words(paragraphs) >= Options().recover_orphan_outweighs * _words([standfirst])
    kept = out_lines(cleaner_clean(html))
    assert standfirst in kept and all(p in kept for p in paragraphs)
    assert "many times what the extractor chose" in _verdict(html, paragraphs[0]).final.reason
    assert not any(p in out_lines(cleaner_clean(html, recover_orphan_outweighs=100)) for p in paragraphs)


def test_the_page_is_walked_for_a_run_that_outweighs_only_when_the_skipped_blocks_can(monkeypatch):
    # every block the extractor skipped holds fewer words than `recover_orphan_outweighs`
    # times its prose: no run of them can outweigh it, and the page is not walked for one
    import cleaner.extracted as extracted

    walks = []
    real = extracted._orphan
    monkeypatch.setattr(extracted, "_orphan", lambda *a: walks.append(1) or real(*a))
    short = f"<h1>Low water</h1><p>{PARAGRAPHS[0]}</p>"
    html = (f'<html><body>{MENU}<article class="post">{short}</article>'
            f'<section id="comments">{"".join(f"<p>{c}</p>" for c in COMMENTS)}</section>{FOOTER}</body></html>')
    skipped = 2 * _words(COMMENTS) + 20  # more than the comments, the menu and the footer hold
    assert _recovered_texts(html, recover_orphan_outweighs=skipped / _words(PARAGRAPHS[:1])) == [] and not walks
    assert _recovered_texts(html) == COMMENTS and walks  # (the bound reached: walked, and found)


def test_readers_comments_each_under_its_author_stay_out_beside_a_short_article():
    # a short article, then readers' comments in one container, each under a line with
    # its author and date: a run of prose broken at every comment, no article
    short = f"<h1>Low water</h1><p>{PARAGRAPHS[0]}</p>"
    comments = "".join(f"<p>Reader {i}, 3 May at 10:{i}0</p><p>{c}</p>" for i, c in enumerate(COMMENTS))
    html = (f'<html><body>{MENU}<article class="post">{short}</article>'
            f'<section id="comments">{comments}</section>{FOOTER}</body></html>')
    assert not any(c in extract_text(html) for c in COMMENTS)
    assert _words(COMMENTS) >= Options().recover_orphan_outweighs * _words(PARAGRAPHS[:1])
    assert _recovered_texts(html) == []
    assert not any(c in cleaner_clean(html) for c in COMMENTS)
    # without the lines that part them, the same paragraphs read as one unbroken article
    unbroken = re.sub(r"<p>Reader \d, [^<]*</p>", "", html)
    assert _recovered_texts(unbroken) == COMMENTS


def test_a_page_with_little_boilerplate_keeps_its_article_and_no_other_text():
    # no menu, no footer: a headline, paragraphs in plain <div>s, one contact line
    body = "".join(f"<div>{p}</div>" for p in PARAGRAPHS)
    html = f"<html><head><title>{TITLE}</title></head><body><div>{TITLE}</div>{body}<div>Contact us</div></body></html>"
    kept = out_lines(cleaner_clean(html))
    assert all(p in kept for p in PARAGRAPHS)
    assert "Contact us" not in kept


def test_the_safety_net_brings_back_a_long_article_the_rules_dropped_whole():
    # every paragraph three quarters link text: each is dropped as a link list, and no
    # line is left to make a story of; the extractor found a long article all the same
    def linked(p: str) -> str:
        words = p.split()
        cut = len(words) * 3 // 4
        return f'<a href="/more">{" ".join(words[:cut])}</a> {" ".join(words[cut:])}'

    html = (f"<html><body>{MENU}<article>" + "".join(f"<p>{linked(p)}</p>" for p in LONG)
            + f"</article>{FOOTER}</body></html>")
    assert _words(LONG) >= Options().safety_net_words
    a = analyze(html)
    assert all(p in out_lines(a.text) for p in LONG)
    assert {v.final.rule for v in a.verdicts if v.line.text in LONG} == {"html.safety_net"}
    assert a.articles and a.articles[0].text == a.text
    # below the net's threshold the page keeps nothing: the rules' decisions stand
    dropped = analyze(html, safety_net_words=_words(LONG) + 1)
    assert dropped.text == "" and {v.final.rule for v in dropped.verdicts if v.line.text in LONG} == {"html.links"}


def test_a_line_opening_with_a_linked_word_is_traced_to_its_paragraph_not_to_an_earlier_link():
    # the menu links "Ferry timetables" earlier on the page; the paragraph opens with a
    # linked word and goes on from it: the longest key that opens the line is the menu's,
    # before the line above, and the paragraph's own nodes take the line
    html = (f'<html><body><ul class="menu"><li><a href="/t">Ferry timetables</a></li></ul><article>'
            f"<p>{PARAGRAPHS[0]}</p><p><a href='/f'>Ferry</a> timetables stay as they are, the company said, "
            f"and tickets bought before the closure remain valid.</p></article></body></html>")
    tree = parse(html)
    line = bare("Ferry timetables stay as they are, the company said, and tickets bought before the closure "
                "remain valid.")
    (first, _, _), (block, share, _) = trace(tree, [bare(PARAGRAPHS[0]), line])
    assert block.tag == "p" and block is not first and share < 0.1
