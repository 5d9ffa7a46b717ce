"""Huge and strange pages: the front door's limits that keep a page's time and memory
linear in its size (`cleaner.front.extract.MAX_EXTRACTED_ELEMENTS`,
`cleaner.front.dom.FLAT_DEPTH`, `cleaner.front.sequence`'s paragraph test).  Sizes stay
small: the timings are in benchmarks/hostile.py, not here."""

from __future__ import annotations

import pytest
from lxml import etree
from lxml.html import fromstring

from cleaner import analyze, clean
from cleaner.front import dom, extract as front_extract, page, sequence, stream
from cleaner.front.headline import headline

SENTENCE = "The council said on Tuesday that the new bridge would open before the harvest."


def _depth(tree) -> int:
    deepest = level = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        level += 1 if event == "start" else -1
        deepest = max(deepest, level)
    return deepest


@pytest.mark.parametrize("body", [
    "<p>text</p>", "<p><i/></p>", "<p><i/>tail</p>", "<div><p><b>x</b></p></div>", "<p/>tail",
    "<p><!--c--></p>", "<p><![CDATA[x]]></p>", "", "<div>loose</div>", "<p><p>inner</p></p>",
])
def test_the_paragraph_text_test_reads_as_trafilaturas_expression(body):
    """`sequence._paragraph_text` walks the tree where trafilatura's ``.//p//text()``
    (quadratic in the paragraphs in libxml2) would run: the same answer on every shape."""
    tree = etree.fromstring(f"<body>{body}</body>", etree.XMLParser(strip_cdata=False))
    assert sequence._paragraph_text(tree) is bool(tree.xpath(".//p//text()"))


def test_a_page_nested_past_the_flat_depth_is_flattened_with_its_text():
    """A page nested deeper than `FLAT_DEPTH` (but within the parser's 2048) is read again
    with its deepest tags taken out: no deeper than that, every word kept."""
    depth = dom.FLAT_DEPTH * 3
    html = ("<html><body>" + "<div>" * depth + f"<p>{SENTENCE}</p>" + "</div>" * depth
            + "<p>After the stack.</p></body></html>")
    tree = dom.parse(html)
    assert _depth(tree) <= dom.FLAT_DEPTH + 1
    assert SENTENCE in tree.text_content() and "After the stack." in tree.text_content()
    assert SENTENCE in clean(html)


def test_a_page_within_the_flat_depth_is_not_flattened():
    depth = dom.FLAT_DEPTH - 10
    html = "<html><body>" + "<div>" * depth + f"<p>{SENTENCE}</p>" + "</div>" * depth + "</body></html>"
    assert _depth(dom.parse(html)) == depth + 3  # html, body, the divs, the paragraph


def test_flatten_writes_two_breaks_at_most_between_texts():
    """Dropped tags with only whitespace between them give one paragraph break, not one
    ``<br>`` each (every break would be a paragraph to trafilatura's jusText rescue)."""
    flat = dom.flatten("<div>" * 50 + " <p>One</p>" + "</div>" * 50 + "<p>Two</p>", 1)
    assert "<br><br><br>" not in flat and "One" in flat and "Two" in flat
    assert flat.count("<br>") <= 6


VARIED = ("<html><head><title>T</title></head><body><div>Lead <b>bold</b><p>First<br>line</p> tail"
            "<script>var x = 1;</script> more</div><nav><ul><li><a href='/'>Home</a></li></ul></nav>"
            "<table><tr><td>cell one</td><td>cell\u200b two</td></tr></table><noscript>hidden</noscript>"
            "<article><h2>Heading</h2><p>Body text here.</p></article></body></html>")


def test_block_texts_are_the_page_blocks_texts():
    tree = fromstring(VARIED)
    assert page.block_texts(tree) == [b.text for b in page.page_blocks(tree)]


def test_the_streamed_block_texts_are_the_trees():
    """Read while the page is parsed (`cleaner.front.stream`), each element taken out
    once read, the blocks' texts are those read from the page's tree."""
    assert stream.read(VARIED, 0) == (page.block_texts(dom.parse(VARIED)), None)  # "T": one word
    assert stream.read(VARIED, 1000) is None  # no more elements than the limit


NAMED = [
    "<html><head><title>Site | A page title</title></head><body><p>x</p></body></html>",
    "<html><head><meta property='og:title' content=' The  shared title '><title>Site | Title"
    "</title></head><body><h1>Home</h1><p>x</p></body></html>",
    "<html><head><meta name='OG:TITLE' content='One'><meta property='og:title' content='Two words'>"
    "</head><body><p>x</p></body></html>",
    "<html><head><title>A title</title></head><body><h1>Site</h1><div><h1>Rain <b>falls</b> <i>on"
    "</i><script>var x;</script> the  city</h1> tail</div><h1>Later headline here</h1></body></html>",
    "<html><body><h1>Outer <span>words</span><h1>Inner one</h1> end</h1></body></html>",
    "<html><body><h1>" + "word " * 50 + "</h1><p>x</p></body></html>",
    "<p>No head at all, only a paragraph.</p>",
]


@pytest.mark.parametrize("html", NAMED)
def test_the_streamed_headline_is_the_trees(html):
    """A page read while it is parsed names the headline its tree names
    (`cleaner.front.headline`: the first ``<h1>`` that reads like one, else ``og:title``,
    else ``<title>``), read from the same events as its blocks."""
    rooted = dom.rooted(html)
    assert stream.read(rooted, 0)[1] == headline(dom.parse(html))


def test_a_huge_page_has_the_headline_of_its_tree(monkeypatch):
    """The main story of a page read while it is parsed takes the page's headline as its
    title, as a page parsed whole does."""
    monkeypatch.setattr(front_extract, "MAX_EXTRACTED_ELEMENTS", 30)
    paragraphs = [f"{SENTENCE} Paragraph {i} of the report." for i in range(40)]
    html = ("<html><head><title>The bridge opens before the harvest</title></head><body><article>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")
    assert front_extract.extract(html).headline == "The bridge opens before the harvest"
    assert analyze(html).articles[0].title == "The bridge opens before the harvest"


def test_a_huge_page_is_read_while_it_is_parsed(monkeypatch):
    """A page of more tags and elements than `MAX_EXTRACTED_ELEMENTS` is never parsed
    whole: its tree would weigh some 30 times a page of tiny elements."""
    def no_tree(*args, **kwargs):
        raise AssertionError("the page was parsed whole")

    monkeypatch.setattr(front_extract, "MAX_EXTRACTED_ELEMENTS", 30)
    monkeypatch.setattr(front_extract.dom, "parse", no_tree)
    paragraphs = [f"Paragraph {i}: {SENTENCE}" for i in range(40)]
    got = front_extract.extract("<html><body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>")
    assert got.text.split("\n") == paragraphs and set(got.hints) == {None}


def test_a_huge_page_past_the_parsers_depth_is_read_from_its_flattened_tree(monkeypatch):
    monkeypatch.setattr(front_extract, "MAX_EXTRACTED_ELEMENTS", 30)
    html = "<html><body>" + "<div>" * 3000 + f"<p>{SENTENCE}</p>" + "</div>" * 3000 + "<p>After.</p></body></html>"
    text = front_extract.extract(html).text
    assert SENTENCE in text and "After." in text


def test_a_page_with_too_many_elements_is_read_without_the_extractor(monkeypatch):
    """A page of more than `MAX_EXTRACTED_ELEMENTS` elements is not given to trafilatura:
    its blocks are read from the tree, one a line, each without a hint."""
    def no_extractor(*args, **kwargs):
        raise AssertionError("the extractor ran")

    monkeypatch.setattr(front_extract, "MAX_EXTRACTED_ELEMENTS", 30)
    monkeypatch.setattr(front_extract, "main_text", no_extractor)
    paragraphs = [f"{SENTENCE} Paragraph {i} of the report." for i in range(40)]
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>"
    got = front_extract.extract(html)
    assert got.text.split("\n") == paragraphs and set(got.hints) == {None}
    a = analyze(html)
    assert a.from_html and all(p in a.text for p in paragraphs)


def test_a_page_within_the_element_limit_is_extracted():
    html = "<html><body><article>" + f"<p>{SENTENCE}</p>" * 5 + "</article></body></html>"
    assert any(h is not None and h.chosen for h in front_extract.extract(html).hints)
