"""The HTML report (`cleaner.report`, ``Analysis.to_html``, ``cleaner explain --format
html``): one self-contained page.  The browser test loads it in headless Chromium
(Selenium and chromedriver): no console error, the right count of lines per category,
and the labels download holds the labels in the corpus syntax.  It skips only when no
browser is installed; .ci/run installs one and sets ``CLEANER_REQUIRE_BROWSER`` so that
there it cannot skip."""

from __future__ import annotations

import os
import re
import shutil
import time
from collections import Counter
from pathlib import Path

import pytest

import cleaner
from cleaner.labels import parse_labels
from test_cli import HTML, run
from texts import PROSE

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus" / "seeds"
#: Two seeds (the second with a title clean() leaves out) and an HTML page.
DOCUMENTS = {
    "000_cca13787e3aa18b8": (SEEDS / "000_cca13787e3aa18b8.txt").read_text(encoding="utf-8"),
    "001_6d2eec1c5e0e1230": (SEEDS / "001_6d2eec1c5e0e1230.txt").read_text(encoding="utf-8"),
    "page": HTML,
}


def expected_counts(analysis) -> Counter:
    """Lines per category, counted here from the verdicts: clean()'s output lines, kept
    lines of other stories ("story") and teasers, titles left out, drops by category."""
    counts = Counter()
    output = [line for line in analysis.text.split("\n") if line]
    counts["output"] = len(output)
    for v, label in zip(analysis.verdicts, analysis.labels()):
        if v.line.blank or (v.final.keep and v.story == analysis.main):
            continue
        if any(d.rule in ("html.unchosen", "html.recovered") for d in v.trail):
            counts["unchosen"] += 1
        elif v.final.keep:
            counts["teaser" if label.startswith("teaser:") else "story"] += 1
        else:
            counts["title" if label.startswith("title:") else v.final.category] += 1
    return +counts


def labels_file(analysis) -> str:
    return "".join(f"{label}\t{v.line.raw}\n" for v, label in zip(analysis.verdicts, analysis.labels()))


@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_page_is_self_contained_and_counts_every_line(name):
    analysis = cleaner.analyze(DOCUMENTS[name])
    page = analysis.to_html(name)
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)  # nothing loaded
    rows = Counter(re.findall(r'<tr class="line" data-category="([^"]+)"', page))
    assert rows == expected_counts(analysis)
    shown = dict(re.findall(r'data-summary="([^"]+)">(\d+)<', page))
    assert {k: int(n) for k, n in shown.items() if k != "left-out"} == dict(rows)
    assert int(shown["left-out"]) == sum(rows.values()) - rows["output"]
    assert len(re.findall(r'<tr class="boundary"', page)) >= len(analysis.articles)


def test_blocks_the_extractor_did_not_choose_are_marked_and_counted_apart():
    """On hand-built verdicts of a page: a block left out by the extractor's choice
    (``html.unchosen``) is its own category; a recovered one (``html.recovered``) in the
    output is output, and both are marked as not chosen."""
    from cleaner.features import EMPTY
    from cleaner.options import Options
    from cleaner.types import Analysis, Article, Decision, Line, Verdict

    texts = ["Home News", "Library hours", PROSE[0], PROSE[1]]
    source = "\n".join(texts)
    starts = [sum(len(t) + 1 for t in texts[:i]) for i in range(len(texts))]
    lines = [Line(i, s, s + len(t), t, t) for i, (s, t) in enumerate(zip(starts, texts))]
    heading = Decision(False, "feature.heading", "boilerplate", "2 words", "classify")
    prose = Decision(True, "feature.prose", "body", "30 words", "classify")
    trails = [(heading, Decision(False, "html.unchosen", "boilerplate", "<nav> not chosen", "extractor")),
              (heading, Decision(True, "html.block", "heading", "<h1>", "extractor")),
              (prose,),
              (prose, Decision(True, "html.recovered", "body", "<p> recovered", "extractor"))]
    verdicts = (Verdict(lines[0], EMPTY, trails[0], None, False, "boilerplate"),
                *(Verdict(line, EMPTY, trail, 0, True, "") for line, trail in zip(lines[1:], trails[1:])))
    article = Article(0, None, "\n".join(texts[1:]), (starts[1], len(source)), "full")
    analysis = Analysis(source, verdicts, (article,), Options(), "en", 0, True)
    page = analysis.to_html("page")
    rows = re.findall(r'<tr class="line" data-category="([^"]+)" data-label="[^"]*" '
                      r'data-chosen="(yes|no)"', page)
    assert rows == [("unchosen", "no"), ("output", "yes"), ("output", "yes"), ("output", "no")]
    assert 'data-summary="unchosen">1<' in page and 'data-summary="output">3<' in page
    assert "2 not chosen by the extractor" in page
    assert Counter(category for category, _ in rows) == expected_counts(analysis)


def test_an_html_page_shows_every_block_and_marks_those_not_chosen():
    """The menu that trafilatura leaves out is a line of the report, marked, and counted
    as not chosen; the article's headline is its title, the rest of its blocks are in the
    output."""
    analysis = cleaner.analyze(HTML)
    page = analysis.to_html("page")
    rows = re.findall(r'<tr class="line" data-category="([^"]+)" data-label="[^"]*" '
                      r'data-chosen="(yes|no)".*?<td class="text">([^<]*)</td></tr>', page)
    assert [text for _, _, text in rows] == ["Home News", "Library hours", *PROSE]
    assert rows[0][:2] == ("unchosen", "no") and "not chosen by the extractor" in page
    assert rows[1][:2] == ("title", "yes") and analysis.articles[0].title == "Library hours"
    assert {(category, picked) for category, picked, _ in rows[2:]} == {("output", "yes")}
    assert 'data-summary="unchosen">1<' in page


def test_explain_format_html_writes_the_same_page(tmp_path):
    source = tmp_path / "dump.txt"
    source.write_text(DOCUMENTS["000_cca13787e3aa18b8"], encoding="utf-8")
    target = tmp_path / "report.html"
    proc = run("explain", "--format", "html", "-o", target, source)
    assert proc.returncode == 0, proc.stderr
    assert target.read_text(encoding="utf-8") == cleaner.analyze(source.read_bytes()).to_html("dump")


def test_explain_format_html_takes_one_document(tmp_path):
    for n in range(2):
        (tmp_path / f"p{n}.txt").write_text("Some text.", encoding="utf-8")
    proc = run("explain", "--format", "html", tmp_path / "p0.txt", tmp_path / "p1.txt")
    assert proc.returncode == 2 and b"one document" in proc.stderr


def test_labels_download_format_is_the_corpus_syntax():
    for name, text in DOCUMENTS.items():
        analysis = cleaner.analyze(text)
        doc = parse_labels(analysis.source, labels_file(analysis), name=name)
        assert [line.label for line in doc.lines] == analysis.labels()


# ----------------------------------------------------------------- in a browser


def _browser() -> tuple[str, str] | None:
    """Paths of a Chromium (or Chrome) binary and its chromedriver, when installed."""
    binary = next(filter(None, map(shutil.which, (
        "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"))), None)
    driver = shutil.which("chromedriver")
    if driver is None and os.environ.get("CHROMEWEBDRIVER"):
        candidate = Path(os.environ["CHROMEWEBDRIVER"]) / "chromedriver"
        driver = str(candidate) if candidate.is_file() else None
    return (binary, driver) if binary and driver else None


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    found = _browser()
    if found is None and os.environ.get("CLEANER_REQUIRE_BROWSER"):
        pytest.fail("CLEANER_REQUIRE_BROWSER is set but no chromium and chromedriver were found")
    if found is None:
        pytest.skip("no headless browser: install chromium and its driver "
                    "(Debian: apt-get install chromium chromium-driver)")
    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = found[0]
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1000", f"--user-data-dir={tmp_path_factory.mktemp('profile')}"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=found[1], log_output=os.devnull)
    driver = webdriver.Chrome(options=options, service=service)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    try:
        yield driver
    finally:
        driver.quit()


def _wait_for(path: Path, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.is_file() and not list(path.parent.glob("*.crdownload")):
            return path.read_text(encoding="utf-8")
        time.sleep(0.1)
    raise AssertionError(f"{path.name} was not downloaded: {sorted(os.listdir(path.parent))}")


@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_page_in_a_browser(browser, tmp_path, name):
    analysis = cleaner.analyze(DOCUMENTS[name])
    page = tmp_path / f"{name}.html"
    page.write_text(analysis.to_html(name), encoding="utf-8")
    browser.get(page.as_uri())
    counts = browser.execute_script("""
        var out = {};
        document.querySelectorAll('tr.line').forEach(function (row) {
          var c = row.dataset.category;
          if (c !== 'blank') out[c] = (out[c] || 0) + 1;
        });
        return out;""")
    assert counts == dict(expected_counts(analysis))
    shown = browser.execute_script("""
        var out = {};
        document.querySelectorAll('[data-summary]').forEach(function (cell) {
          out[cell.dataset.summary] = parseInt(cell.textContent, 10);
        });
        return out;""")
    assert shown.pop("left-out") == sum(counts.values()) - counts.get("output", 0)
    assert shown == counts
    browser.find_element("id", "download-labels").click()
    labels = _wait_for(browser.downloads / f"{name}.labels.tsv")
    assert labels == labels_file(analysis)
    parse_labels(analysis.source, labels, name=name)  # raises on a malformed row
    browser.find_element("id", "download-text").click()
    assert _wait_for(browser.downloads / f"{name}.txt") == analysis.source
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


@pytest.mark.parametrize("image", ["report.png", "report-page.png"])
def test_the_readme_shows_a_screenshot_of_the_report(image):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"](docs/{image})" in readme
    assert (ROOT / "docs" / image).read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_the_page_in_the_readme_screenshot_marks_every_block_it_shows():
    """The example page behind docs/report-page.png: its menu, sidebar and footer are
    lines of the report, not chosen by the extractor; its headline is its title, its
    paragraphs are the output."""
    analysis = cleaner.analyze((ROOT / "examples" / "library-hours.html").read_bytes())
    page = analysis.to_html("library-hours")
    assert 'data-summary="unchosen">10<' in page
    assert analysis.text.count("\n") == 3 and "mobile library" in analysis.text
    assert analysis.articles[0].title == "Library to stay open later on weekdays" not in analysis.text
