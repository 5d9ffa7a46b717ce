"""The benchmark's metrics on small hand-made inputs, so a wrong metric shows here first."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.cache import DiskCache  # noqa: E402
from benchmarks.metrics import (  # noqa: E402
    expected_keep, line_score, shingle_counts, shingle_score, shingles, snippet_counts,
    snippet_score,
)
from benchmarks.story_dumps import (  # noqa: E402
    EXTRACTS, FAMILIES, Extract, Page, _last, build_extracts, build_family, flat,
)
from benchmarks.systems import c4_filter  # noqa: E402
from cleaner.labels import parse_labels  # noqa: E402


def test_shingles_are_case_sensitive_word_4grams():
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("A b c d") != shingles("a b c d")
    assert shingles("two words") == {("two", "words"): 1}  # fewer than 4 tokens: one shingle
    assert shingles("") == {}


def test_shingle_counts_normalised():
    assert shingle_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    tp, fp, fn = shingle_counts("a b c d e", "a b c d x y")
    assert (tp, fp, fn) == pytest.approx((1 / 4, 2 / 4, 1 / 4))  # abcd shared; bcdx, cdxy extra; bcde missed
    assert shingle_counts("a b c d", None) == (0.0, 0.0, 1.0)


def test_shingle_score_averages_pages_then_f1():
    s = shingle_score([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)])
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(1.0)
    assert s.f1 == pytest.approx(2 * 0.75 / 1.75)
    assert s.sd > 0 and s.n == 2
    assert shingle_score([(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)]).sd == s.sd  # seeded bootstrap


def test_snippet_counts_collapse_whitespace_and_are_case_sensitive():
    out = "The  quick\nbrown fox.\nShare this"
    assert snippet_counts(out, ("quick brown", "Brown fox"), ("Share this", "Subscribe")) == (1, 1, 1, 1)
    assert snippet_counts(None, ("x",), ("y",)) == (0, 1, 0, 1)
    s = snippet_score([(1, 1, 1, 1), (2, 0, 0, 2)])
    assert (s.precision, s.recall) == pytest.approx((3 / 4, 3 / 4))


def test_line_score_by_words_on_main_story():
    doc = parse_labels(
        "Title words\nBody one two three.\nShare on social\nOther story line.\nSide note",
        "title:0\tTitle words\nbody:0\tBody one two three.\ndrop:share\tShare on social\n"
        "body:1\tOther story line.\nopt:0\tSide note",
    )
    keep_all = line_score(doc.lines, [True] * 5)
    assert (keep_all.tp, keep_all.fp, keep_all.fn) == (4, 6, 0)  # title and opt not scored
    keep_none = line_score(doc.lines, [False] * 5)
    assert (keep_none.tp, keep_none.fp, keep_none.fn) == (0, 0, 4)
    assert expected_keep("teaser", 0) is False and expected_keep("head", 0) is True


def test_c4_filter():
    text = "Menu\nShort line.\nThis one has words.\nEnable JavaScript to see this page.\nRead more...\nThis one has words."
    assert c4_filter(text) == "This one has words."
    assert c4_filter(None) == ""


def test_cache_round_trip(tmp_path):
    cache = DiskCache(tmp_path)
    calls = []
    compute = lambda: calls.append(1) or "value"  # noqa: E731
    assert cache.get_or_compute("kind", ("v1", "page"), compute) == "value"
    assert cache.get_or_compute("kind", ("v1", "page"), compute) == "value"
    assert cache.get_or_compute("kind", ("v2", "page"), compute) == "value"
    assert len(calls) == 2 and cache.hits == 1
    off = DiskCache(tmp_path, enabled=False)
    off.get_or_compute("kind", ("v1", "page"), compute)
    assert len(calls) == 3


def test_an_extract_without_comments_leaves_out_the_comments_section(tmp_path):
    from types import SimpleNamespace

    from benchmarks.systems import trafilatura_extract

    story = " ".join(["The council voted on the new budget for the schools of the city."] * 4)
    reply = "I disagree with the council entirely, the budget is far too small for the schools."
    markup = (f"<html><body><article><h1>Budget</h1><p>{story}</p></article>"
              f"<div class='comments'><div class='comment'><p>{reply}</p></div></div></body></html>")
    page = SimpleNamespace(markup=markup, digest="page")
    cache = DiskCache(tmp_path)
    assert reply in trafilatura_extract(page, cache)
    without = trafilatura_extract(page, cache, comments=False)
    assert story[:40] in without and reply not in without


def test_a_crashing_page_costs_its_score_not_the_run():
    from benchmarks.evaluate import crash_note, guarded

    outputs, errors = guarded(lambda x: str(1 / x), [1, 0, 2], ["a", "b", "c"])
    assert outputs == ["1.0", "", "0.5"]
    assert errors == {1: "b: ZeroDivisionError: division by zero"}
    assert crash_note(errors.values()).startswith("1 pages raised, scored as empty (first: b: ")
    assert crash_note([]) == ""


def test_story_dumps_take_the_last_n_lines_and_none_for_zero():
    lines = ["a", "b", "c"]
    assert _last(lines, 0) == []  # lines[-0:] would give all three
    assert _last(lines, 2) == ["b", "c"]
    assert _last(lines, 5) == lines


def _indented_page(k: int) -> Page:
    lines = ["Menu", "  Home", f"    Title number {k}", f"    First paragraph of story {k}.",
             f"      Second paragraph of story {k}.", f"    Third paragraph of story {k}.", "", "  Footer"]
    return Page(key=f"p{k}", url=f"https://example.org/{k}", site=f"site{k % 2}",
                body="\n".join(line.strip() for line in lines[3:6]), lines=lines,
                start=2, end=5, title=2, first=3, matched=(3, 4, 5))


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_a_flat_family_is_the_same_dumps_with_no_line_indented(family):
    pages = [_indented_page(k) for k in range(6)]
    indented = build_family(pages, family, part=lambda key: "tune")["tune"]
    flattened = build_family(pages, flat(family), part=lambda key: "tune")["tune"]
    assert indented and len(flattened) == len(indented)
    assert any(line[:1].isspace() for d in indented for line in d.text.splitlines())
    for a, b in zip(indented, flattened):
        assert b.text == "".join(line.lstrip(" ") for line in a.text.splitlines(keepends=True))
        assert not any(line[:1].isspace() for line in b.text.splitlines())
        assert (b.starts, b.nonblank, b.kinds, b.pages, b.body) == (a.starts, a.nonblank, a.kinds, a.pages, a.body)
        assert not any(line[:1].isspace() for line in b.page_text.splitlines())


def _extract(k: int) -> Extract:
    words = " ".join(f"word{k}x{j}" for j in range(60))
    lines = [f"Story {k} opens here. {words}.", f"Story {k} goes on. {words}.", f"Story {k} ends. {words}."]
    return Extract(key=f"e{k}", site=f"site{k}", lines=lines, title=f"Headline of story {k}" if k % 2 else None,
                   head=[f"Menu of site {k}", f"Home {k}"], tail=[f"Share story {k}", f"Footer of site {k}"])


def _in_parts(key: str) -> str:
    return "check" if int(key[1:]) % 3 == 0 else "tune"


def test_extract_dumps_are_deterministic_and_start_where_stories_were_joined():
    pages = [_extract(k) for k in range(12)]
    built = build_extracts(pages, part=_in_parts, per_part=6)
    assert built == build_extracts(list(reversed(pages)), part=_in_parts, per_part=6)
    assert built != build_extracts(pages, part=_in_parts, per_part=6, seed=1)
    by_key = {p.key: p for p in pages}
    layouts, kinds = set(), set()
    for part, dumps in built.items():
        assert dumps
        for dump in dumps:
            stories = [by_key[key] for key in dump.pages]
            assert {_in_parts(p.key) for p in stories} == {part}  # drawn from its own part only
            assert len({p.site for p in stories}) == len(stories)
            lines = [line for line in dump.text.splitlines() if line.strip()]
            assert len(lines) == dump.nonblank and len(dump.starts) == len(stories) - 1
            assert lines[:3] == stories[0].lines and dump.body == "\n".join(stories[0].lines)
            end, last = 3, stories[0]  # the line after the story before, that story
            for page, kind, start in zip(stories[1:], dump.kinds[1:], dump.starts):
                junk = lines[end:start]  # the pages' dropped lines, 0-4 of them
                assert len(junk) <= 4 and set(junk) <= set(last.tail) | set(page.head)
                at = start + (lines[start] == page.title)
                if kind == "full":
                    assert lines[at:at + 3] == page.lines
                    end = at + 3
                else:  # one line of 200-400 characters, cut before the story's end
                    assert 190 <= len(lines[at]) <= 403
                    assert " ".join(page.lines).startswith(lines[at].rstrip(". …"))
                    end = at + 1
                last = page
            assert end == len(lines)
            layouts.add(dump.notes[1])
            kinds.update(dump.kinds)
            if dump.notes[1] == "one":
                assert "\n\n" not in dump.text
            else:
                assert all(line.strip() for line in dump.text.split("\n\n")[:-1])
    assert layouts == set(EXTRACTS.layouts) and kinds == {"full", "teaser"}


def test_titles_of_later_stories_are_scored_against_their_title_lines():
    from types import SimpleNamespace

    from benchmarks.multiarticle import Tally
    from benchmarks.story_dumps import Dump

    text = "\n".join(f"line {i}" for i in range(40)) + "\n"
    dump = Dump(text=text, body="", starts=[10, 20, 30], kinds=["full"] * 4, pages=[], same_site=False,
                titles=["Second  story", "Third story", None])
    art = lambda title: SimpleNamespace(title=title)  # noqa: E731
    tally = Tally()
    # the second story found one line off with its title (spaces as written), the third
    # found with none, the untitled fourth given a line of the gap as its title
    tally._titles(dump, [art("Second story"), art(None), art("Related: another story")], [11, 20, 30])
    f = tally._title_figures()
    assert (f["title_accuracy"], f["titled"], f["false_titles"], f["untitled_found"]) == (0.5, 2, 1.0, 1)
    # in a row of teasers a line apart, the story found nearest its start is the one scored
    # (at 10, not 9), and of one line either side the one after (at 21, not 19)
    row = Tally()
    row._titles(dump, [art(None), art("Second story"), art("Wrong"), art("Third story")], [9, 10, 19, 21])
    assert row._title_figures()["title_accuracy"] == 1.0
    own = Tally()  # the untitled story's own first line as its title is no false one
    own._titles(dump, [art("line 30")], [30])
    assert own._title_figures() == {"title_accuracy": 0.0, "titled": 2, "false_titles": 0.0, "untitled_found": 1}
    missed = Tally()
    missed._titles(dump, [], [])  # no story found: titled ones count as wrong, no untitled one found
    assert missed._title_figures() == {"title_accuracy": 0.0, "titled": 2}


def test_headline_texts_hold_the_page_headlines_and_their_parts_without_the_site():
    from benchmarks.story_dumps import headline_texts, title_key

    html = ('<html><head><meta property="og:title" content="Volcano erupts again | Island News">'
            "<title>Island &amp; Sea News</title></head><body><h1>Volcano  erupts <b>again</b></h1></body></html>")
    got = headline_texts(html)
    assert {"volcano erupts again | island news", "volcano erupts again", "island news", "island & sea news"} <= got
    assert title_key("Volcano erupts\n again") in got
    assert "" not in got and headline_texts("<p>no headline</p>") == set()


def test_boundary_errors_are_counted_by_cause_once_each():
    import cleaner
    from benchmarks.multiarticle import MISS_CAUSES, Tally, miss_causes
    from benchmarks.story_dumps import Dump

    # a boundary found 3 lines off is a miss near and a false start near, not two errors
    # of the story; a story none of whose lines is in a story is lost; one in the story
    # before it, merged; a start far from every true one cuts a story in two
    assert miss_causes([10, 20, 40], [10, 23, 52], [True] * 40 + [False] * 20) == {
        "missed_near": 1, "missed_lost": 1, "false_near": 1, "false_inside": 1}
    assert miss_causes([10], [], [True] * 20) == {"missed_merged": 1}
    assert miss_causes([10], [11], [True] * 20) == {}  # within one line: found
    assert miss_causes([10, 11], [10], [True] * 20) == {"missed_merged": 1}  # the start near is the other one's
    # on a real analysis every miss and every false start has exactly one cause
    first = ["The council approved the new budget for the village school after a long debate on "
             "Tuesday evening, with teachers and parents watching from the public gallery.",
             "The mayor said the money would pay for two new classrooms, a library and repairs to "
             "the roof of the old hall before the winter term begins.",
             "Parents welcomed the decision but asked the council to publish a timetable for the "
             "building work, which is due to start in the spring."]
    second = ["Storms flooded the coastal road overnight and the ferry to the island was cancelled "
              "until the harbour walls have been inspected by the port engineers.",
              "Fishermen kept their boats in the harbour and the lifeboat crew stood by through the "
              "night as waves broke over the sea wall at high tide."]
    text = "\n\n".join(first + second) + "\n"
    # a start set inside the first story (line 1) as well as the true one (line 3)
    dump = Dump(text=text, body="\n".join(first), starts=[1, 3], kinds=["full"] * 3, pages=[], same_site=False,
                nonblank=5, titles=[None, None])
    tally = Tally()
    tally.add(dump, cleaner.analyze(text))
    assert set(tally.causes) <= set(MISS_CAUSES)
    missed = sum(tally.causes[c] for c in MISS_CAUSES if c.startswith("missed"))
    false = sum(tally.causes[c] for c in MISS_CAUSES if c.startswith("false"))
    assert (missed, false) == (tally.n_true - tally.tp, tally.n_pred - tally.tp)
    assert missed >= 1  # the start at line 1 is no story's
