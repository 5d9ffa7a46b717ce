"""The page sources of the multi-article benchmark's families: the multilingual dev pages
located from their extracts (`benchmarks.story_dumps.multilingual_page`), the choice of
source (`load_source`, ``multiarticle.py --pages``), and the families built from them."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import multiarticle, story_dumps  # noqa: E402
from benchmarks.corpora import Page as DevPage  # noqa: E402
from benchmarks.corpora import trafilatura_eval_pages  # noqa: E402
from benchmarks.story_dumps import (  # noqa: E402
    FAMILIES, Page, _padded, build_family, load_multilingual_pages, load_source, multilingual_page, site_of,
)

_HTML = "<html><head><title>Rain falls on the town hall today | Gazette</title></head><body></body></html>"
_DUMP = "\n".join([
    "Home | News | Sport", "", "Rain falls on the town hall today", "", "By a reporter, 3 May",
    "The rain fell all night on the old town hall and its square.",
    "Its roof gave way before dawn, the mayor said in the morning.",
    "Workers will mend the roof of the town hall next week, he added.", "",
    "Share this story on every network", "Read our other stories about the weather in town",
])
_EXTRACT = "\n".join([
    "The rain fell all night on the old town hall and its square.",
    "Its roof gave way before dawn, the mayor said in the morning.",
    "Workers will mend the roof of the town hall next week, he added.",
    "A comment left far below the story, about something else entirely.",
])


def _dev_page(with_=(), without=(), url="https://www.gazette.example/rain") -> DevPage:
    return DevPage("trafilatura-eval", "gazette.rain.html", url, _HTML, _HTML, "d", with_=with_, without=without)


def test_a_multilingual_page_is_its_extract_located_in_its_dump():
    page = multilingual_page(_dev_page(with_=("the mayor said in the morning",),
                                       without=("Read our other stories",)), _DUMP, _EXTRACT)
    assert page is not None and page.site == "gazette.example"
    assert page.lines[page.start] == "Rain falls on the town hall today" == page.lines[page.title]
    assert page.lines[page.end].startswith("Workers will mend")
    # the body: the extract's lines within the story, not the comment the dump does not hold
    assert page.body.splitlines() == _EXTRACT.splitlines()[:3]


def test_a_multilingual_page_may_hold_a_snippet_to_drop_in_a_story_line_outside_its_body():
    # the byline sits between headline and body: a story line, not a located one
    page = multilingual_page(_dev_page(with_=("Rain falls on the town hall",), without=("By a reporter",)),
                             _DUMP, _EXTRACT)
    assert page is not None and "By a reporter, 3 May" in page.story and "reporter" not in page.body


@pytest.mark.parametrize("with_, without", [
    (("Read our other stories",), ()),  # a snippet to keep outside the located lines
    (("the mayor said", "a word not on the page"), ()),  # one to keep not in the dump at all
    (("the mayor said",), ("gave way before dawn",)),  # a snippet to drop inside them
])
def test_a_multilingual_page_whose_snippets_disagree_with_its_lines_is_left_out(with_, without):
    assert multilingual_page(_dev_page(with_, without), _DUMP, _EXTRACT) is None


def test_a_multilingual_page_with_no_extract_or_an_extract_not_in_its_dump_is_left_out():
    assert multilingual_page(_dev_page(), _DUMP, None) is None
    assert multilingual_page(_dev_page(), _DUMP, "Words that the dump of this page never holds at all.") is None


def test_an_archived_page_is_of_the_archived_site():
    assert site_of("https://web.archive.org/web/20120216182711/http://www.stol.it/Artikel/a", "k") == "stol.it"
    assert site_of("https://www.example.org/a/b", "k") == "example.org"
    assert site_of("hard::example.org.html", "k") == "k"


def test_the_located_lines_of_the_multilingual_dev_pages_hold_their_snippets():
    pages = load_multilingual_pages(limit=25)
    dev = {p.key: p for p in trafilatura_eval_pages(25)}
    assert pages
    for page in pages:
        story = _padded(" ".join(page.story))
        located = _padded(" ".join(([page.lines[page.title]] if page.title is not None else []) + [page.body]))
        assert all(_padded(s) in located for s in dev[page.key].with_ if _padded(s).strip())
        assert not any(_padded(s) in located for s in dev[page.key].without if _padded(s).strip())
        assert page.body and all(_padded(line) in story for line in page.body.splitlines())
        assert page.matched[0] == page.first and page.start <= page.first <= page.end < len(page.lines)


def _page(k: int) -> Page:
    lines = [f"Menu {k}", f"Home of site {k}", f"Title number {k} of the day", f"First paragraph of story {k}.",
             f"Second paragraph of story {k}.", f"Third paragraph of story {k}.", "", f"Footer {k}"]
    return Page(key=f"m{k}", url=f"https://site{k}.example/{k}", site=f"site{k}.example",
                body="\n".join(lines[3:6]), lines=lines, start=2, end=5, title=2, first=3, matched=(3, 4, 5))


@pytest.mark.parametrize("family", [f for f in FAMILIES if f.neighbours != "same-site"], ids=lambda f: f.name)
def test_families_of_one_page_a_site_are_deterministic_per_seed(family):
    pages = [_page(k) for k in range(9)]
    built = build_family(pages, family, part=lambda key: "tune")
    assert built["tune"] and built == build_family(pages, family, part=lambda key: "tune")
    assert built != build_family(pages, family, part=lambda key: "tune", seed=7)


def test_a_same_site_family_is_skipped_for_a_source_of_one_page_a_site():
    same_site = next(f for f in FAMILIES if f.neighbours == "same-site")
    pages = [_page(k) for k in range(9)]
    assert "no two pages of one site" in multiarticle.unbuildable(same_site, pages)
    twin = _page(9)
    twin.key, twin.site = "m10", pages[0].site
    parts = {p.key: multiarticle.part_of(p.key) for p in pages + [twin]}
    got = multiarticle.unbuildable(same_site, pages + [twin])
    assert (got is None) == (parts["m10"] == parts["m0"])
    assert all(multiarticle.unbuildable(f, pages) is None for f in FAMILIES if f.neighbours != "same-site")


def test_the_default_source_is_the_scrapinghub_pages(monkeypatch):
    monkeypatch.setattr(story_dumps, "load_pages", lambda: ["scrapinghub"])
    monkeypatch.setattr(story_dumps, "load_multilingual_pages", lambda: ["multilingual"])
    assert load_source() == ["scrapinghub"]
    assert load_source("multilingual") == ["multilingual"]
    assert load_source("both") == ["scrapinghub", "multilingual"]
    with pytest.raises(ValueError):
        load_source("other")
    asked = []
    monkeypatch.setattr(multiarticle, "load_source", lambda source: asked.append(source) or [])
    assert multiarticle.main(["--families", "none"]) == 0
    assert multiarticle.main(["--families", "none", "--pages", "both"]) == 0
    assert asked == ["scrapinghub", "both"]
