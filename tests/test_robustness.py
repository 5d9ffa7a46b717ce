"""Regression tests for hostile input: shapes that once broke `cleaner` or that a scraping
job meets sooner or later.

Each test checks a result (what comes back), never a duration; speed on these shapes is
measured by benchmarks/hostile.py.  The sizes are large enough that a quadratic path would
not finish within the CI budget, small enough to cost well under a second each when linear.
"""

from __future__ import annotations

import re

import pytest

import cleaner
from cleaner import analyze, clean, split
from cleaner.segment import normalize
from stand_ins import PanicException

SENTENCE = "The council said on Tuesday that the new bridge would open before the harvest."


def _offsets_exact(a) -> bool:
    return all(a.source[v.line.start:v.line.end] == v.line.raw for v in a.verdicts)


@pytest.mark.parametrize("document", [
    "a" * 300_000,                      # one token, no spaces: the URL/e-mail pattern
    "." * 300_000,                      # once backtracked over the whole run
    "a.b@" * 75_000,
    "x@y." * 75_000,
], ids=["letters", "dots", "dotted-at", "at-dotted"])
def test_a_long_run_without_spaces_is_handled(document):
    a = analyze(document)
    assert _offsets_exact(a)
    assert a.text == ""  # not prose
    assert len(a.verdicts) == 1


def test_thousands_of_stories_are_all_returned():
    """Every line a teaser-like story (long, cut mid-sentence): building the articles once
    scanned all lines per story."""
    line = ("the people of the town said that they would go to the market and buy some of "
            "the bread and the fish for the family and the friends")
    document = "\n".join(f"{line} {i}x" for i in range(3_000))
    a = analyze(document)
    assert _offsets_exact(a)
    kept = [v.line.text for v in a.kept()]
    joined = [t for art in a.articles for t in art.text.split("\n") if t]
    assert joined == kept
    spans = [art.span for art in a.articles]
    assert all(x[1] <= y[0] for x, y in zip(spans, spans[1:]))


def test_ten_thousand_short_lines():
    document = "\n".join(f"Item {i}" for i in range(10_000))
    a = analyze(document)
    assert len(a.verdicts) == 10_000
    assert a.verdicts[-1].line.raw == "Item 9999"
    assert _offsets_exact(a)


def test_deeply_nested_brackets_and_quotes():
    document = "“«[(" * 50_000 + SENTENCE + ")]»”" * 50_000
    a = analyze(document)
    assert _offsets_exact(a)
    assert clean(document) in ("", normalize(document))


def test_every_line_break_kind_and_control_characters():
    breaks = ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
    document = "".join(f"{SENTENCE} {i}\x00\x1b[0m\u200b{b}" for i, b in enumerate(breaks * 3))
    a = analyze(document)
    assert len(a.verdicts) == len(breaks) * 3
    assert _offsets_exact(a)
    for line in a.text.split("\n"):
        assert "\x00" not in line and "\x1b" not in line and "\u200b" not in line


def test_lone_surrogates_pass_through_untouched():
    document = f"{SENTENCE}\n\ud800 {SENTENCE} \udfff\n\udc80"
    a = analyze(document)
    assert _offsets_exact(a)
    # Encoded as they stand, lone surrogates make invalid UTF-8: decoded by the fallback.
    data = document.encode("utf-8", "surrogatepass")
    assert _offsets_exact(analyze(data))


@pytest.mark.parametrize("bad", ["\ud800", "\udfff", "\x00", "\uffff"])
def test_a_page_with_a_character_xml_forbids_keeps_its_text_after_it(bad):
    """The parser ends a page at a lone surrogate (it can encode none): the character is
    taken out before the parse, as the others XML forbids, and the page read to its end."""
    after = "The council will meet again next month to vote on the final plan for the bridge."
    page = f"<html><body><p>{SENTENCE[:20]}{bad}{SENTENCE[20:]}</p><p>{after}</p></body></html>"
    text = clean(page)
    assert text == f"{SENTENCE}\n{after}"


@pytest.mark.parametrize("data", [
    b"\xff\xfe" + "a\u00e9b\n".encode("utf-16-le") * 100,   # UTF-16 with BOM
    bytes(range(0x20, 256)) * 40,
    "caf\u00e9 ".encode("cp1252") * 2_000,
], ids=["utf16-bom", "all-printable-bytes", "cp1252"])
def test_odd_bytes_are_decoded_not_fatal(data):
    a = analyze(data)
    assert isinstance(a.source, str)
    assert _offsets_exact(a)
    assert clean(data) == a.text


@pytest.mark.parametrize("data", [
    b"\x00" * 10_000, bytes(range(256)) * 40,
    ("Caf\u00e9 cr\u00e8me. \x00" * 200).encode("latin-1"),  # a NUL every 15 bytes: no text has that many
    ("Caf\u00e9 cr\u00e8me.\n" * 50).encode("utf-16-le"),  # UTF-16 without its byte-order mark
], ids=["nuls", "all-bytes", "latin1-many-nuls", "utf16-no-bom"])
def test_binary_bytes_are_refused(data):
    with pytest.raises(ValueError, match="binary input"):
        analyze(data)


@pytest.mark.parametrize("nuls", [1, 3])
def test_a_latin1_text_with_stray_nuls_is_read_without_them(nuls):
    """A text that is not UTF-8 with one NUL byte, or a few (at most
    `cleaner.binary.NUL_SHARE` of its bytes), is a document: read, its NULs taken out."""
    sentence = "Le ministre est arriv\u00e9 \u00e0 la capitale mardi pour des entretiens avec le pr\u00e9sident."
    text = "\n\n".join([sentence] * 20)
    step = len(text) // (nuls + 1)
    data = b"".join(text[k * step:(k + 1) * step].encode("latin-1") + b"\x00" for k in range(nuls))
    data += text[nuls * step:].encode("latin-1")
    a = analyze(data)
    assert "\x00" not in a.text and "arriv\u00e9" in a.text
    assert a.text.replace("\n", " ").count("pr\u00e9sident") >= 18


@pytest.mark.parametrize("document", [
    "<!DOCTYPE html><html><body><article>" + f"<p>{SENTENCE}</p>" * 20 + "</article></body></html>",
    ("<!DOCTYPE html><html><body><article>" + f"<p>{SENTENCE}</p>" * 20 + "</article></body></html>").encode(),
    "<html><body><p>" + "<" * 10_000 + SENTENCE * 3,
], ids=["page", "page-bytes", "broken"])
def test_html_pages_are_handled(document):
    a = analyze(document)
    assert a.from_html
    assert _offsets_exact(a)
    assert clean(document) == a.text
    assert split(document) == list(a.articles)


@pytest.mark.parametrize("depth", [300, 3_000, 5_000])
def test_deeply_nested_html_keeps_its_text(depth):
    """Past the parser's depth limit (2048 elements) the page is read again with its
    deepest tags taken out (`cleaner.front.dom.flatten`): the text there, and after it,
    is kept, not lost."""
    after = "The council will meet again next month to vote on the final plan for the bridge."
    document = ("<html><body>" + "<div>" * depth + f"<p>{SENTENCE}</p>" + "</div>" * depth
                + f"<p>{after}</p></body></html>")
    a = analyze(document)
    assert a.from_html
    assert _offsets_exact(a)
    assert clean(document) == a.text
    assert SENTENCE.strip() in a.text and after in a.text


def test_flatten_keeps_every_character_of_text():
    from cleaner.front.dom import flatten

    page = ("<div>" * 5 + "<p>One <b>bold</b> word.</p><script>if (a<b) x='<div>';</script>"
            + "<span>Two</span><br/><!-- <div> --><p>Three</p>" + "</div>" * 5)
    flat = flatten(page, 2)
    assert flat.startswith("<div><div><br><br>") and "<script>if (a<b) x='<div>';</script>" in flat
    assert re.sub(r"<[^<>]*>", "", flat) == re.sub(r"<[^<>]*>", "", page)


@pytest.mark.parametrize("call", [cleaner.clean, cleaner.split, cleaner.analyze, cleaner.clean_html])
def test_a_panic_of_the_core_leaves_the_api_as_a_runtime_error(monkeypatch, call):
    """A core panic reaches the caller as `cleaner.CoreError` (a ``RuntimeError``, the
    panic as its cause), so ``except Exception`` catches it; it used to escape as a
    ``BaseException``."""
    from cleaner import pipeline

    def panicking(document, options, **overrides):
        raise PanicException("index out of bounds")

    monkeypatch.setattr(pipeline, "_analyze", panicking)
    with pytest.raises(cleaner.CoreError, match="index out of bounds") as caught:
        call("The minister arrived in the capital on Tuesday for talks.")
    assert isinstance(caught.value, RuntimeError)
    assert isinstance(caught.value.__cause__, PanicException)
