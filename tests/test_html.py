"""The HTML front door: detection, decoding, extraction with page evidence, hostile input.

Pages here are written for the tests (invented text); none is copied from a site.
"""

from __future__ import annotations

import codecs
import random

import pytest

from cleaner import Options, analyze, clean, clean_html
from cleaner.extracted import extraction_layout
from cleaner.front.decode import decode, declared_charset
from cleaner.front.detect import looks_like_html
from cleaner.front.extract import extract
from cleaner.segment import segment

PARAGRAPHS = [
    "The harbour authority said on Monday that the old ferry terminal would close for "
    "repairs in the spring, after engineers found cracks in the main pier.",
    "Passengers will board at a temporary landing stage next to the fish market, where "
    "the council has already laid new paving and put up a waiting room.",
    "Local traders welcomed the plan but asked for more parking, saying that the market "
    "is already crowded on Saturday mornings and in the summer months.",
    "The repairs are expected to take eight months and cost about four million euros, "
    "most of it paid by the regional development fund.",
    "A spokeswoman for the ferry company said that timetables would not change and that "
    "tickets bought before the closure would remain valid at the new landing stage.",
]
SUBHEADING = "What changes for passengers"
TITLE = "Ferry terminal to close for pier repairs"


def page(extra_body: str = "", after: str = "", head: str = "", charset: str = "utf-8") -> str:
    """A news page with a title, a subheading, five paragraphs and whatever is added."""
    paras = "".join(f"<p>{p}</p>\n" for p in PARAGRAPHS[:3])
    rest = "".join(f"<p>{p}</p>\n" for p in PARAGRAPHS[3:])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}"><title>{TITLE} | Harbour News</title>{head}</head>
<body>
<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<main><article class="story">
<h1>{TITLE}</h1>
{paras}<h2>{SUBHEADING}</h2>
{rest}{extra_body}
</article>
{after}
</main>
<footer class="site-footer"><p>Copyright Harbour News. All rights reserved.</p></footer>
</body></html>"""


def out_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


# --- detection ------------------------------------------------------------------------

@pytest.mark.parametrize("doc", [
    "<!DOCTYPE html><html><body><p>Text.</p></body></html>",
    "\n\n  <!doctype HTML>\n<title>x</title>",
    "<html lang='de'><p>Hallo</p></html>",
    "\ufeff<html><body>x</body></html>",
    "<!-- generated --><html><body>x</body></html>",
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x"><html>',
    "<div class='post'><p>One paragraph.</p><p>Another one.</p></div>",
    "  <p>A fragment with a single paragraph of text.</p>",
    "<ARTICLE><H2>Upper case tags</H2><P>Still a fragment.</P></ARTICLE>",
    "Some text before markup\n<div><p>First</p></div>\n<ul><li>Item</li></ul>\n<span>x</span>",
    b"<!DOCTYPE html><html><body><p>Bytes.</p></body></html>",
    b"<div><p>A fragment as bytes.</p></div>",
    "<!DOCTYPE html><html><body><p>UTF-16 bytes.</p></body></html>".encode("utf-16"),
    "<div><p>A fragment in UTF-32.</p></div>".encode("utf-32"),
])
def test_html_is_detected(doc):
    assert looks_like_html(doc)


@pytest.mark.parametrize("doc", [
    "",
    "Plain text without any markup at all.",
    "To make a paragraph, wrap the text in <p> and close it with </p>, the guide says.\n"
    "Writers who learn this early find the rest of the language easy.\n"
    "The same goes for headings and lists, which follow the same pattern.",
    "If a < b and b > c, nothing follows about a and c.",
    "Write to <editor@example.org> for corrections.",
    "# A markdown title\n\n* a list item\n* another one\n\nSome **bold** text.",
    "The <div> element groups content; the <span> element does so inline.",
    b"Plain bytes of text, no markup.",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
])
def test_text_is_not_taken_for_html(doc):
    assert not looks_like_html(doc)


def test_a_text_article_mentioning_tags_goes_through_the_text_pipeline():
    text = ("The editor explained that a <p> tag opens a paragraph in a web page and that the "
            "browser closes it by itself when the next one starts.\n" + PARAGRAPHS[0])
    assert not analyze(text).from_html
    assert "a <p> tag opens a paragraph" in clean(text)


@pytest.mark.parametrize("kind", [str, bytes])
def test_a_first_element_closed_past_the_detection_window_is_html(kind):
    """A page that opens with a script longer than the window read to detect HTML closes
    it after the window: it is a page (its script is no paragraph of text), and a text
    that opens with a tag it never closes stays text."""
    script = "<script>" + "var a=1;" * 10_000 + "</script>"
    page = script + f"<p>{PARAGRAPHS[0]}</p>"
    doc = page.encode() if kind is bytes else page
    assert looks_like_html(doc)
    a = analyze(doc)
    assert a.from_html and "var a=1" not in a.text and PARAGRAPHS[0] in a.text
    assert clean(script) == ""
    never_closed = "<p>" + "A line of prose that goes on. " * 3_000
    assert not looks_like_html(never_closed.encode() if kind is bytes else never_closed)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_a_page_in_utf16_or_utf32_bytes_is_read_as_a_page(encoding):
    """Bytes after a UTF-16 or UTF-32 byte-order mark are told to be HTML by their text,
    not by their bytes read as Latin-1 (a NUL beside every ASCII character): the page's
    text is returned, not "" from its markup read as text."""
    page = f"<html><body><p>{PARAGRAPHS[0]}</p></body></html>"
    a = analyze(page.encode(encoding))
    assert a.from_html
    assert a.text == clean(page) == PARAGRAPHS[0]


def test_non_text_input_is_not_html():
    assert not looks_like_html(None)
    assert not looks_like_html(42)


# --- decoding -------------------------------------------------------------------------

def test_utf8_bytes_decode():
    assert decode("Café – naïve “quotes”".encode("utf-8")) == "Café – naïve “quotes”"


def test_declared_latin1_is_read_as_windows_1252():
    raw = '<meta charset="ISO-8859-1"><p>Caf\u00e9 \u201cquoted\u201d \u20ac5</p>'.encode("cp1252")
    assert declared_charset(raw) == "cp1252"
    assert "Café “quoted” €5" in decode(raw)


def test_declared_charset_in_http_equiv_and_xml_declaration():
    meta = ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
            '<p>na\u00efve</p>').encode("cp1252")
    assert "naïve" in decode(meta)
    xml = '<?xml version="1.0" encoding="ISO-8859-15"?><html><p>\u20ac</p></html>'.encode("iso-8859-15")
    assert declared_charset(xml) == "iso8859-15"
    assert "€" in decode(xml)


def test_declared_cyrillic_charset():
    raw = '<meta charset="windows-1251"><p>Привет, мир</p>'.encode("cp1251")
    assert "Привет, мир" in decode(raw)


def test_utf8_wins_over_a_wrong_single_byte_label():
    raw = '<meta charset="iso-8859-1"><p>Müller’s café</p>'.encode("utf-8")
    assert "Müller’s café" in decode(raw)


def test_undeclared_utf8_and_undeclared_legacy_bytes():
    assert "Grüße" in decode("<p>Grüße aus der Stadt</p>".encode("utf-8"))
    text = ("<p>Les élèves ont étudié très sérieusement pendant l'été, à côté de la forêt, "
            "où ils ont découvert une vérité étonnante sur la société française.</p>") * 3
    decoded = decode(text.encode("cp1252"))
    assert "élèves" in decoded and "forêt" in decoded


def test_declared_utf8_with_a_stray_byte_stays_utf8():
    # one Latin-1 byte in a script comment: the page is still UTF-8 (a guess read it as
    # another charset, and every "ü" of the text with it)
    head = '<meta charset="UTF-8"><script>/* Gr\u00fcn */</script>'.encode("cp1252")
    body = "<p>Die Grüße der Bürger an die Gärtnerin über den Brückenbau, für Jäger und Bäcker.</p>"
    decoded = decode(head + body.encode("utf-8"))
    assert body in decoded
    assert "Gr\ufffdn" in decoded


def test_stray_bytes_are_weighed_against_non_ascii_characters():
    """The share of stray bytes is of the text's non-ASCII characters (not its bytes; the
    replacement of a stray byte is one of them): one stray byte beside 1 / share - 1
    three-byte characters is at the share (nine at 0.1), one character fewer is not."""
    from cleaner.front.decode import STRAY_BYTES_SHARE, _utf8_with_strays

    at_share = round(1 / STRAY_BYTES_SHARE) - 1  # wide characters beside one stray byte
    for wide, kept in ((at_share, True), (at_share - 1, False)):
        data = b"<p>" + ("\u20ac" * wide).encode("utf-8") + b" a\xe4b</p>"
        assert (_utf8_with_strays(data) is not None) is kept
    assert _utf8_with_strays(("\U0001f600" * at_share).encode("utf-8") + b"\xe4")[-2:] == "\U0001f600\ufffd"


def test_declared_utf8_that_is_another_charset_is_guessed():
    text = ("<p>Les élèves ont étudié très sérieusement pendant l'été, à côté de la forêt, "
            "où ils ont découvert une vérité étonnante sur la société française.</p>") * 3
    decoded = decode(('<meta charset="utf-8">' + text).encode("cp1252"))
    assert "élèves" in decoded and "forêt" in decoded and "\ufffd" not in decoded


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
])
def test_byte_order_mark_decides(bom, codec):
    html = '<meta charset="iso-8859-1"><p>Zoë’s “café”</p>'
    assert decode(bom + html.encode(codec)).endswith("<p>Zoë’s “café”</p>")


def test_unknown_declared_charset_falls_back():
    raw = '<meta charset="no-such-charset"><p>Straße</p>'.encode("utf-8")
    assert "Straße" in decode(raw)


def test_bytes_and_str_of_a_page_give_the_same_text():
    html = page()
    assert clean_html(html.encode("utf-8")) == clean_html(html) == clean(html)
    legacy = page(charset="windows-1252").replace("Harbour News", "Harbour Néws")
    assert clean_html(legacy.encode("cp1252")) == clean_html(legacy)


# --- extraction -----------------------------------------------------------------------

def test_page_keeps_headings_and_paragraphs_one_a_line():
    lines = out_lines(clean_html(page()))
    assert SUBHEADING in lines
    for p in PARAGRAPHS:
        assert p in lines
    assert lines.index(SUBHEADING) == lines.index(PARAGRAPHS[2]) + 1
    assert not any("Copyright" in line or line == "Home" for line in lines)


def test_heading_lines_carry_their_level():
    ex = extract(page())
    lines = segment(ex.text)
    assert len(ex.hints) == len(lines)
    hint = next(h for line, h in zip(lines, ex.hints) if line.text == SUBHEADING)
    assert (hint.tag, hint.heading) == ("h2", 2)
    body = next(h for line, h in zip(lines, ex.hints) if line.text == PARAGRAPHS[0])
    assert (body.tag, body.heading, body.link_density) == ("p", 0, 0.0)


def test_heading_is_kept_by_the_extracted_text_rule():
    a = analyze(page())
    v = next(v for v in a.verdicts if v.line.text == SUBHEADING)
    assert (v.final.keep, v.initial.stage) == (True, "classify")
    layer = next(d for d in v.trail if d.stage == "extractor")
    assert (layer.rule, layer.category) == ("html.block", "heading")


SHARE_BAR = """<div class="share-tools"><span>Share this article</span>
<a href="https://facebook.example/share">Facebook</a> <a href="https://x.example/post">Twitter</a>
<a href="mailto:?subject=x">Email</a></div>"""

RELATED = """<section class="more-stories"><h3>More from the coast</h3><ul>
<li><a href="/a"><h4>Lighthouse keeper retires after forty years on the island</h4></a><p>A life at sea.</p></li>
<li><a href="/b"><h4>New cycle path opens along the northern dunes</h4></a><p>Ten kilometres.</p></li>
<li><a href="/c"><h4>Storm damages boats moored in the old harbour basin</h4></a><p>Repairs begin.</p></li>
</ul></section>"""

COOKIES = """<div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your
experience. By continuing to browse you agree to our use of cookies.</p><button>Accept</button></div>"""


def test_share_bar_related_list_and_cookie_box_are_removed_body_intact():
    html = page(extra_body=SHARE_BAR, after=RELATED + COOKIES)
    text = clean_html(html)
    lines = out_lines(text)
    for p in PARAGRAPHS:
        assert p in lines
    for gone in ("Facebook", "Share this article", "Lighthouse keeper", "cycle path",
                 "Storm damages", "cookies", "Accept", "More from the coast"):
        assert gone not in text, gone


def test_link_heavy_line_is_dropped_as_links():
    from cleaner.extracted import revise
    from cleaner.front.dom import LineHint

    a = analyze("\n".join(PARAGRAPHS[:2] + ["Harbour dredging to start next week after delays"]),
                extracted="never")
    lines, feats, initial = ([getattr(v, k) for v in a.verdicts] for k in ("line", "features", "initial"))
    hints = [LineHint("p", 0, 0.0, frozenset()), LineHint("p", 0, 0.0, frozenset()),
             LineHint("li", 0, 0.9, frozenset())]
    out = revise(lines, feats, initial, hints, Options())
    assert [(d.keep, d.rule) for d in out] == [(True, "feature.prose"), (True, "feature.prose"),
                                               (False, "html.links")]
    assert "0.90" in out[2].reason


def test_a_sentence_that_runs_on_into_its_links_is_no_link_list():
    # a paragraph whose sentences carry links over most of their text, each opening with
    # words of its own: article text; a label closed by a colon before a link, or a line
    # that opens with its link, is a pointer to another page
    linked = ('The authority <a href="/a">said on Monday that the old ferry terminal would close for repairs '
              'in the spring</a>, after <a href="/b">engineers found cracks in the main pier.</a>')
    read_more = 'Read more: <a href="/c">Engineers find cracks in the main pier of the old ferry terminal.</a>'
    opens = '<a href="/d">The old ferry terminal will close for repairs in the spring</a>, the authority said.'
    html = page(extra_body="".join(f"<p>{x}</p>" for x in (linked, read_more, opens)))

    def decided(**options) -> list[tuple[bool, str]]:
        verdicts = analyze(html, **options).verdicts
        return [next((v.output, "html.links" in {d.rule for d in v.trail}) for v in verdicts
                     if v.line.text.startswith(opening))
                for opening in ("The authority", "Read more", "The old ferry terminal will")]

    assert decided() == [(True, False), (False, True), (False, True)]  # (in the output, html.links)
    # the opening's words are counted: with more asked for, the paragraph is a link list again
    assert decided(link_prose_opening_words=3)[0] == (False, True)


def test_a_paragraph_opening_with_a_bullet_is_traced_to_itself():
    """Only the marks the extractor writes ("- " for a list item, "| " for a table row)
    are taken off a line before it is looked for on the page: a paragraph the page
    itself opens with "• " is traced to its own element, not to a tag link elsewhere
    named like its first words (whose link density would drop it as a link list)."""
    bulleted = "• " + PARAGRAPHS[3]
    tag = " ".join(PARAGRAPHS[3].split()[:2])  # a tag link named like the paragraph's opening
    related = f'<div class="tags"><span><a href="/tags/x">Harbour</a></span> <span><a href="/tags/y">{tag}</a></span></div>'
    html = page(after=related).replace(f"<p>{PARAGRAPHS[3]}</p>", f"<p>{bulleted}</p>")
    a = analyze(html)
    line = next(v for v in a.verdicts if v.line.text == bulleted)
    assert line.final.keep and line.final.rule != "html.links"
    assert bulleted in out_lines(a.text)


def test_teaser_cards_with_linked_headlines_are_dropped_as_cards():
    # no class word gives the list away, so the extractor keeps it; the cards' linked
    # headlines do
    cards = """<ul>
<li><h3><a href="/t1">Divers find an old anchor near the breakwater</a></h3><p>It may be three centuries old.</p></li>
<li><h3><a href="/t2">Ferry crew trains for winter rescues at sea</a></h3><p>Exercises run until March.</p></li>
</ul>"""
    a = analyze(page(extra_body=cards))
    teasers = [v for v in a.verdicts if "anchor" in v.line.text or "Ferry crew" in v.line.text]
    assert len(teasers) == 2
    assert all((v.final.keep, v.final.rule, v.final.category) == (False, "html.card", "related")
               for v in teasers)
    assert all(p in out_lines(a.text) for p in PARAGRAPHS)


def test_words_in_a_script_written_without_spaces_count_as_the_pipeline_counts_them():
    """The front door's thresholds in words read Chinese or Japanese text as the pipeline
    reads a line (`cleaner.features.measure`), not as one word per space-separated run: a
    Chinese <h1> is the page's headline, a Chinese teaser with a linked headline is a
    card, and a Chinese paragraph in a list item is too long for one."""
    from lxml.html import fromstring

    from cleaner.front import dom
    from cleaner.front.headline import headline

    heading = "港口工程下周一开始施工"  # one run without spaces: str.split counts one word
    assert dom.words(heading) == 6  # one token and 11 // 2 for its 11 characters
    assert dom.words("Harbour works begin") == 3
    tree = fromstring(f"<html><head><title>{heading}-城市新闻网</title></head>"
                      f"<body><h1>{heading}</h1><p>正文。</p></body></html>")
    assert headline(tree) == heading
    teaser = "渡轮船员为冬季海上救援进行训练，演习将持续到三月底。"
    cards = fromstring(f"<html><body><ul><li><h3><a href='/t1'>{heading}</a></h3><p>{teaser}</p></li>"
                       f"<li><h3><a href='/t2'>{heading}</a></h3><p>{teaser * 8}</p></li></ul></body></html>")
    short, long_item = cards.findall(".//li")
    assert dom.page_cards(cards) == {short: True, long_item: False}


def test_feed_of_excerpts_after_the_main_article_is_dropped():
    excerpt = ("The town museum has opened a new room about the fishing fleet, with photographs, "
               "nets and a model of the first steam trawler that sailed from the port …")
    other = ("Volunteers cleaned the beach on Sunday and collected more than two hundred bags "
             "of plastic, glass and old rope washed up by the winter storms …")
    feed = f"""<div class="feed"><article class="post"><p>{excerpt}</p></article>
<article class="post"><p>{other}</p></article></div>"""
    a = analyze(page(after=feed))
    gone = [v for v in a.verdicts if v.line.text in (excerpt, other)]
    assert gone and all((v.final.keep, v.final.rule) == (False, "html.excerpt") for v in gone)
    assert all(p in out_lines(a.text) for p in PARAGRAPHS)


def test_layout_table_cells_become_lines():
    cells = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (f"<html><body><table><tr><td class='nav'><a href='/'>Home</a></td>"
            f"<td><h1>{TITLE}</h1>{cells}</td></tr></table></body></html>")
    lines = out_lines(clean_html(html))
    for p in PARAGRAPHS:
        assert p in lines


def test_hard_wrapped_source_paragraph_is_one_line():
    wrapped = PARAGRAPHS[0].replace(" that ", "\n   that ", 1).replace(" after ", "\n after ", 1)
    html = page().replace(PARAGRAPHS[0], wrapped)
    assert PARAGRAPHS[0] in out_lines(clean_html(html))


def test_hard_wrapped_paragraph_with_inline_code_is_one_line_and_code_blocks_keep_theirs():
    words = PARAGRAPHS[1].split()
    wrapped = " ".join(words[:5]) + f" <code>{words[5]}</code>\n" + " ".join(words[6:12]) + "\n" + " ".join(words[12:])
    code = "make build\nmake test"
    html = page(extra_body=f"<pre><code>{code}</code></pre>").replace(PARAGRAPHS[1], wrapped)
    assert PARAGRAPHS[1] in out_lines(extract(html).main)
    assert all(line in out_lines(extract(html).main) for line in code.split("\n"))


def test_a_source_break_before_a_block_keeps_the_block_on_a_line_of_its_own():
    """Loose text the source ends with a newline right before a paragraph (an extractor's
    body: a headline, a byline left loose, the article) stays a line of its own; the
    newlines inside it and inside the paragraph are joined as before."""
    from lxml import etree
    from trafilatura.xml import xmltotxt

    from cleaner.front.extract import _unwrap

    body = etree.fromstring(f"<div><p>{TITLE}</p>\n  Posted by Ann Example - Tags:\n  harbour\n\n"
                            f"<p>{PARAGRAPHS[0].replace(' that ', chr(10) + ' that ', 1)}</p></div>")
    _unwrap(body)
    assert out_lines(xmltotxt(body, False)) == [TITLE, "Posted by Ann Example - Tags: harbour", PARAGRAPHS[0]]


def test_fragment_without_html_element_is_extracted():
    fragment = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    assert analyze(fragment).from_html
    assert out_lines(clean(fragment)) == PARAGRAPHS


def test_output_lines_are_lines_of_the_extracted_text():
    a = analyze(page(extra_body=SHARE_BAR, after=RELATED))
    source_lines = {line.text for line in segment(a.source)}
    assert all(line in source_lines for line in out_lines(a.text))


def test_clean_html_takes_any_string_as_html():
    assert clean_html("Just words, no tags at all, in a sentence that is long enough to be prose.") in (
        "", "Just words, no tags at all, in a sentence that is long enough to be prose.")


def test_clean_html_rejects_non_text():
    with pytest.raises(TypeError):
        clean_html(None)
    with pytest.raises(TypeError):
        clean_html(12)


def test_html_never_keeps_markup_as_text():
    html = "<div><p>One.</p><p>Two.</p></div>"
    assert analyze(html, html="never").source == html


# --- hostile input --------------------------------------------------------------------

def _junk(n: int, seed: int) -> bytes:
    rnd = random.Random(seed)
    return bytes(rnd.randrange(256) for _ in range(n))


@pytest.mark.parametrize("doc", [
    "", "   \n\t", b"", "<html></html>", "<html><body></body></html>",
    "<<<>>></</>", "<html><body><script>var x = '<p>not text</p>';</script></body></html>",
    "<html><body><p>nul\x00 inside\x00</p></body></html>",
    "<html><body><p>&#xffffffff; &#0; &bogus; entities</p></body></html>",
    "<svg><text>drawing</text></svg>", "<html><frameset><frame src='a'></frameset></html>",
])
def test_empty_and_broken_pages_give_text_or_nothing(doc):
    for out in (clean_html(doc), clean(doc)):
        assert isinstance(out, str)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_binary_junk_is_refused_and_undecodable_junk_does_not_raise(seed):
    """Binary bytes (`cleaner.binary`) raise ValueError; junk with no control bytes, which
    no test calls binary, goes through the HTML front end."""
    junk = _junk(4000, seed)
    for binary in (junk, b"\x00" * 100, b"<html><body>" + junk + b"</body></html>"):
        with pytest.raises(ValueError, match="binary input"):
            clean_html(binary)
    junk = bytes(b for b in junk if 0x20 <= b != 0x7F)
    assert isinstance(clean_html(junk), str)
    assert isinstance(clean_html(b"<html><body>" + junk + b"</body></html>"), str)


def test_deeply_nested_page_does_not_raise():
    deep = "<div>" * 20000 + f"<p>{PARAGRAPHS[0]}</p>" + "</div>" * 20000
    assert isinstance(clean_html(deep), str)


def test_text_past_the_parsers_default_depth_is_not_lost():
    # A container left open before every paragraph nests each one deeper than the last: the
    # paragraphs past a depth of 256 elements (libxml2's default limit, which stops the
    # parse there) are the page's text as much as the first ones.
    html = "<html><body><article><h1>Title here</h1>" + "".join(
        f"<div><p>{PARAGRAPHS[i % 5]} ({i})</p>\n" for i in range(400)) + "</article></body></html>"
    text = clean_html(html)
    assert f"({399})" in text and len(text.splitlines()) > 300


def test_unclosed_tags_still_give_the_text():
    html = "<html><body><article><h1>Title here<p>" + "<p>".join(PARAGRAPHS) + "<div><span><b>"
    text = clean_html(html)
    assert PARAGRAPHS[1] in text


def test_large_page_of_repeated_paragraphs():
    html = "<html><body>" + "".join(f"<p>{PARAGRAPHS[i % 5]} ({i})</p>" for i in range(3000)) + "</body></html>"
    text = clean_html(html)
    assert PARAGRAPHS[0] in text


# --- extracted text -------------------------------------------------------------------

def test_extracted_option_is_validated():
    with pytest.raises(ValueError):
        Options.make(extracted="sometimes")


EXTRACTED = "\n".join([TITLE, PARAGRAPHS[0], PARAGRAPHS[1], SUBHEADING, "- Temporary landing stage",
                       "- New waiting room", PARAGRAPHS[2], PARAGRAPHS[3]])
DUMP = "\n".join(["Home", "News", "Sport", "Weather", "Contact", PARAGRAPHS[0], PARAGRAPHS[1],
                  "Privacy", "Terms", "Cookies", "Careers"])


def _looks(text: str) -> bool:
    a = analyze(text, extracted="never")
    return bool(extraction_layout([v.line for v in a.verdicts], [v.initial for v in a.verdicts]))


def test_extractor_output_is_told_from_a_page_dump():
    assert _looks(EXTRACTED)
    assert not _looks(DUMP)


def _layout(text: str) -> str:
    from cleaner.extracted import extraction_layout

    a = analyze(text, extracted="never")
    return extraction_layout([v.line for v in a.verdicts], [v.initial for v in a.verdicts])


def test_dense_extractor_output_with_a_long_list_is_extracted():
    items = [f"- {w}" for w in ("Flour", "Sugar", "Butter", "Eggs", "Salt", "Milk")]
    text = "\n".join([TITLE, PARAGRAPHS[0], *items, PARAGRAPHS[1], PARAGRAPHS[2]])
    assert _layout(text) == "dense"
    assert all(item in out_lines(clean(text)) for item in items)
    # the same text with lines of spaces between blocks (left over from a page's source)
    assert _layout(text.replace("\n", "\n   \n")) == "dense"


def test_dense_text_opening_with_a_menu_or_spaced_like_a_dump_is_not_dense():
    menu = ["Home", "News", "Sport", "Weather", "Contact"]
    assert _layout("\n".join([*menu, *PARAGRAPHS])) == ""
    dump = "\n\n".join(["Home", "News", PARAGRAPHS[0], "Sport", "Weather", "Contact", "Careers",
                         PARAGRAPHS[1], "Privacy", "Terms"])
    assert _layout(dump) == ""


def test_extracted_text_keeps_its_subheading_and_list_items():
    for mode in ("auto", "always"):
        lines = out_lines(clean(EXTRACTED, extracted=mode))
        assert SUBHEADING in lines and "- New waiting room" in lines, mode
    a = analyze(EXTRACTED, extracted="always")
    v = next(v for v in a.verdicts if v.line.text == "- New waiting room")
    assert (v.final.keep, v.final.rule) == (True, "html.block")


def test_menu_of_a_dump_is_still_dropped():
    assert "Weather" not in out_lines(clean(DUMP))


# -- trafilatura's raw-tree prunes, matched in Python (cleaner.front.prune) ------------------

_PRUNE_NAMES = ("comments", "Comments-area", "commentary", "comment", "comol", "disqus_thread", "dsq-comments",
                "post-comments", "article-comments", "my-comments", "mvp-post-add-box", "mvp-post-add-wrap",
                "infinite-scroll", "infinitescroll", "page infinite-scroll-x", "elementor-share-buttons wide",
                "share-buttons", "")
_PRUNE_TAGS = ("div", "section", "aside", "ol", "ul", "details", "list", "span", "p")


def _prune_page(rng: random.Random) -> str:
    """A page of nested containers with invented ids and classes that the prunes test."""
    def element(depth: int) -> str:
        tag = rng.choice(_PRUNE_TAGS)
        attrs = ""
        if rng.random() < 0.7:
            attrs += f' id="{rng.choice(_PRUNE_NAMES)}"'
        if rng.random() < 0.7:
            attrs += f' class="{rng.choice(_PRUNE_NAMES)}"'
        inner = "<h1>A title</h1>" if rng.random() < 0.3 else ""
        if depth < 3:
            inner += "".join(element(depth + 1) for _ in range(rng.randint(0, 3)))
        return f"<{tag}{attrs}>{inner}text {depth}</{tag}>tail"
    return "<html><body>" + "".join(element(0) for _ in range(6)) + "</body></html>"


def test_prunes_match_in_python_what_trafilaturas_xpath_matches():
    from trafilatura import xpaths

    from cleaner.front import prune
    from cleaner.front.dom import parse

    rng = random.Random(7)
    matched = 0
    for _ in range(150):
        html = _prune_page(rng)
        for name in prune.MATCHERS:
            followed = prune.expressions(name, getattr(xpaths, name))
            assert all(not hasattr(e, "path") for e in followed), "the installed trafilatura's text is recorded"
            for expression, matcher in zip(getattr(xpaths, name), followed):
                tree = parse(html)
                expected = expression(tree)
                assert matcher(tree) == expected, (name, html)
                matched += len(expected)
    assert matched > 500  # the pages exercise the expressions


def test_a_prune_whose_xpath_text_changed_runs_the_xpath(monkeypatch):
    from trafilatura import xpaths

    from cleaner.front import prune

    name = "REMOVE_COMMENTS_AND_LISTS_XPATH"
    monkeypatch.setattr(prune, "MATCHERS", {name: (("0" * 16, prune.MATCHERS[name][0][1]),)})
    monkeypatch.setattr(prune, "_known", {})
    assert prune.expressions(name, getattr(xpaths, name)) == tuple(getattr(xpaths, name))
    monkeypatch.setattr(prune, "_known", {})
    assert prune.expressions("OTHER", getattr(xpaths, name)) == tuple(getattr(xpaths, name))


def test_the_sequence_prunes_comments_off_the_raw_page():
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    # the comments sit inside the article, where only the prune keeps them out
    html = (f"<html><body><article><h1>{TITLE}</h1>{body}"
            "<div id='comments'><p>A reader wrote a long comment about the ferry and the pier and the market "
            "that goes on for a while.</p></div></article></body></html>")
    assert "A reader wrote" not in extract(html).main
    assert PARAGRAPHS[4] in extract(html).main


# -- the front door's thresholds ---------------------------------------------------------------

def test_the_front_door_takes_no_options_and_reads_its_named_thresholds(monkeypatch):
    """The front door's result depends on the document alone (it takes no options);
    its thresholds are the named module constants, read where they decide."""
    import inspect

    from lxml.html import fromstring

    from cleaner.front import decode as decoding
    from cleaner.front import detect, dom
    from cleaner.front import headline as headlines

    assert list(inspect.signature(extract).parameters) == ["document"]
    # a one-word <h1> names no headline: the page's <title> does, unless one word is enough
    tree = fromstring("<html><head><title>Harbour works begin</title></head><body><h1>Harbour</h1></body></html>")
    assert headlines.headline(tree) == "Harbour works begin"
    monkeypatch.setattr(headlines, "HEADLINE_MIN_WORDS", 1)
    assert headlines.headline(tree) == "Harbour"
    # a list item with a linked headline is a card while it is short
    words = " ".join(["word"] * 62)
    card = fromstring(f"<html><body><ul><li><h3><a href='/x'>Pier repairs start soon</a></h3><p>{words}</p></li>"
                      "<li><h3><a href='/y'>Read on</a></h3><p>Short.</p></li></ul></body></html>")
    long_item, short_link = card.findall(".//li")
    assert dom.page_cards(card) == {long_item: False, short_link: False}
    monkeypatch.setattr(dom, "CARD_MAX_WORDS", 70)
    monkeypatch.setattr(dom, "CARD_HEADLINE_MIN_WORDS", 2)
    assert dom.page_cards(card) == {long_item: True, short_link: True}
    # the windows read: what lies past them is not looked at
    fragment = "x" * 100 + "\n<div><p><b>One.</b></p><p>Two.</p></div>"
    assert looks_like_html(fragment)
    monkeypatch.setattr(detect, "DETECT_WINDOW", 50)
    assert not looks_like_html(fragment)
    declared = b" " * 100 + b'<meta charset="windows-1252"><p>caf\xe9'
    assert decoding.declared_charset(declared) == "cp1252"
    monkeypatch.setattr(decoding, "DECLARATION_WINDOW", 50)
    assert decoding.declared_charset(declared) is None


def test_the_other_named_thresholds_of_the_front_door_move_its_decisions(monkeypatch):
    """Every threshold and key the front door's docstring names is read where it decides:
    setting it moves the decision (the others are set in the test above)."""
    from cleaner.front import decode as decoding
    from cleaner.front import detect, dom, page, walk
    from cleaner.front import headline as headlines

    # a fragment that does not open with a tag: kinds of elements closed, share of lines tagged
    two_kinds = "Notes on the harbour\n<b>Pier</b>\n<i>Ferry</i>"
    assert not looks_like_html(two_kinds)
    monkeypatch.setattr(detect, "DETECT_MIN_PAIRED_TAGS", 2)
    assert looks_like_html(two_kinds)
    sparse = "Notes on the harbour\nand its ferry\n<b>Pier</b> <i>Ferry</i> <u>Quay</u>"
    assert not looks_like_html(sparse)  # tags on 1 of 3 lines
    monkeypatch.setattr(detect, "DETECT_TAGGED_SHARE", 0.3)
    assert looks_like_html(sparse)
    # a page declared UTF-8 with stray bytes: 1 stray sequence of 6 non-ASCII characters
    strays = ("caf\u00e9 " * 5).encode("utf-8") + b"M\xe4"
    assert decoding._utf8_with_strays(strays) is None
    monkeypatch.setattr(decoding, "STRAY_BYTES_SHARE", 0.2)
    assert decoding._utf8_with_strays(strays).endswith("M\ufffd")
    # the guess: cp1252 wins a near tie (chaos 0.038 against cp1250's 0.037), and the guess
    # reads only its window
    text = "des ¿ ß × façade — forêt forêt ° noël forêt ± été ± œuvre ß ° père leçon où ß où ü €"
    assert decode(text.encode("cp1252")) == text
    monkeypatch.setattr(decoding, "GUESS_TIE_CHAOS", 0.0)
    assert decode(text.encode("cp1252")) == text.encode("cp1252").decode("cp1250")
    cyrillic = "\u041f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440, \u044d\u0442\u043e \u0442\u0435\u0441\u0442."
    late = b"<p>" + b"Plain words here. " * 20 + cyrillic.encode("cp1251")
    assert decode(late).endswith(cyrillic)
    monkeypatch.setattr(decoding, "GUESS_WINDOW", 200)
    assert not decode(late).endswith(cyrillic)
    # a headline's most words
    tree = dom.parse("<html><head><title>Harbour works begin</title></head><body>"
                     "<h1>The harbour works begin on Monday</h1></body></html>")
    assert headlines.headline(tree) == "The harbour works begin on Monday"
    monkeypatch.setattr(headlines, "HEADLINE_MAX_WORDS", 5)
    assert headlines.headline(tree) == "Harbour works begin"
    # a fragment's root is looked for in the first ROOT_WINDOW characters
    loaded = []
    real_load = dom._load
    monkeypatch.setattr(dom, "_load", lambda html: loaded.append(html) or real_load(html))
    late_root = "<p>One.</p>" + " " * 100 + "<body><p>Two.</p></body>"
    dom.parse(late_root)
    monkeypatch.setattr(dom, "ROOT_WINDOW", 50)
    dom.parse(late_root)
    assert [html.startswith("<html><body>") for html in loaded] == [False, True]
    # the keys a text is found by: a text node by its first PREFIX characters, a block's
    # rest in the extracted text by its first OPENING characters
    walked = walk.PageWalk(dom.parse("<html><body><p>The harbour opens at dawn every day.</p></body></html>"))
    assert walked.find("The harbour opens at dawn.", -1) is None
    monkeypatch.setattr(walk, "PREFIX", 10)
    walked = walk.PageWalk(dom.parse("<html><body><p>The harbour opens at dawn every day.</p></body></html>"))
    assert walked.find("The harbour opens at dawn.", -1) is not None
    extracted = page._Held(["The harbour opens at dawn every day of the week."])
    assert "The harbour closes at dusk on most days of the week." not in extracted
    monkeypatch.setattr(page, "OPENING", 12)
    assert "The harbour closes at dusk on most days of the week." in extracted


def test_bulleted_text_counts_the_same_words_whatever_its_accents():
    """A leading bullet is no word, in ASCII text as in any other (`cleaner.front.dom.words`
    counts as `cleaner.features.measure` does for every text)."""
    from cleaner.front import dom

    assert dom.words("- More news here") == dom.words("- Más noticias aquí") == 3
    assert dom.words("* Read on") == dom.words("• Read on") == dom.words("\n - Lee más") == 2
    assert dom.words("Read on - more") == 4  # a dash inside the text is a word, as in a line


def test_a_list_item_is_counted_as_its_joined_text_not_by_its_text_nodes():
    """A card's words (`CARD_MAX_WORDS`) are those of the list item's text joined once: a
    Chinese sentence cut by inline tags into 24 pieces of 3 characters counts 24 tokens
    and 72 // 2 words, where summing the pieces one by one (each 1 + 3 // 2) gave 48."""
    from lxml.html import fromstring

    from cleaner.front import dom

    headline = "Harbour works begin on Monday"
    body = "".join("<b>新工程</b>" for _ in range(24))
    tree = fromstring(f"<html><body><ul><li><h3><a href='/t1'>{headline}</a></h3><p>{body}</p></li>"
                      f"</ul></body></html>")
    item = tree.find(".//li")
    assert dom.words(" ".join(item.itertext())) == 5 + 24 + 36  # 65 > CARD_MAX_WORDS
    assert dom.CARD_MAX_WORDS == 60
    assert dom.page_cards(tree) == {item: False}
    shorter = fromstring(f"<html><body><ul><li><h3><a href='/t1'>{headline}</a></h3><p>{body[:22 * 10]}</p>"
                         f"</li></ul></body></html>")  # 22 pieces: 5 + 22 + 33 = 60 words
    assert dom.page_cards(shorter) == {shorter.find(".//li"): True}


def test_a_list_item_s_words_are_counted_past_a_long_first_text():
    """Counting a long list item in steps gives the count of its whole text: a first text
    node of one 3000-character token (a pasted link) holds one word, and the words after it
    still decide whether the item is a card."""
    from lxml.html import fromstring

    from cleaner.front import dom

    token = "x" * 3000
    def item(n_words):
        tail = " ".join(["word"] * n_words)
        tree = fromstring(f"<html><body><ul><li><p>{token}</p><h3><a href='/t1'>Harbour works begin</a></h3>"
                          f"<p>{tail}</p></li></ul></body></html>")
        return dom.page_cards(tree)[tree.find(".//li")]
    assert (item(50), item(60)) == (True, False)  # 1 + 3 + 50 = 54 words; 1 + 3 + 60 = 64
