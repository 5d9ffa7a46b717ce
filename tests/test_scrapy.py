"""The Scrapy item pipeline, in a real crawl of pages served on 127.0.0.1.

The crawl runs in a subprocess (a Twisted reactor cannot be restarted in one process);
the pages are served from a thread of this process by `http.server`, bound to the
loopback address and shut down after the test (or after a fixed time at the latest).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

import cleaner

pytest.importorskip("scrapy", reason="Scrapy is not installed (pip install 'cleaner[scrapy]')")

from cleaner.integrations.scrapy import CleanerPipeline  # noqa: E402
from stand_ins import PanicException  # noqa: E402
from texts import PROSE  # noqa: E402

REPO = Path(__file__).resolve().parents[1]

PARAGRAPHS = PROSE[:3]
BOILERPLATE = ["Home", "News", "Sport", "Weather", "Share", "Follow", "Sign in"]


def article_page(title: str, paragraphs: list[str]) -> str:
    nav = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in BOILERPLATE)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html><html><head><title>" + title + "</title></head><body>"
        f"<header><ul>{nav}</ul></header>"
        f"<main><article><h1>{title}</h1>{body}</article></main>"
        "<footer><p>Copyright notice</p><p>Contact us</p></footer></body></html>"
    )


PAGES = {
    "one.html": article_page("Library hours extended", PARAGRAPHS),
    "two.html": article_page("Council reviews budget", list(reversed(PARAGRAPHS))),
}
INDEX = "<html><body>" + "".join(
    f'<a class="story" href="/{name}">{name}</a>' for name in PAGES) + "</body></html>"


@pytest.fixture
def site(tmp_path):
    """Serve the pages on 127.0.0.1 (a free port) for the duration of one test."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "index.html").write_text(INDEX, encoding="utf-8")
    for name, html in PAGES.items():
        (root / name).write_text(html, encoding="utf-8")

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    deadline = threading.Timer(120, server.shutdown)  # never outlives a stuck test
    deadline.daemon = True
    deadline.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        deadline.cancel()
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


CRAWL = textwrap.dedent("""
    import json, sys
    import scrapy
    from scrapy.crawler import CrawlerProcess

    base, out, settings = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])

    class Pages(scrapy.Spider):
        name = "pages"
        start_urls = [base + "/index.html"]

        def parse(self, response):
            for href in response.css("a.story::attr(href)").getall():
                yield response.follow(href, self.parse_page)

        def parse_page(self, response):
            yield {"url": response.url, "html": response.text,
                   "paragraphs": response.css("article p::text").getall()}

    process = CrawlerProcess(settings={
        "ITEM_PIPELINES": {"cleaner.integrations.scrapy.CleanerPipeline": 300},
        "FEEDS": {out: {"format": "jsonlines", "encoding": "utf8"}},
        "LOG_LEVEL": "WARNING",
        "ROBOTSTXT_OBEY": False,
        "TELNETCONSOLE_ENABLED": False,
        "DOWNLOAD_TIMEOUT": 10,
        "CLOSESPIDER_TIMEOUT": 60,
        **settings,
    })
    crawler = process.create_crawler(Pages)
    process.crawl(crawler)
    process.start()
    print(json.dumps({k: v for k, v in crawler.stats.get_stats().items()
                      if k.startswith("cleaner/")}))
""")


def crawl(base: str, tmp_path: Path, settings: dict) -> tuple[list[dict], dict]:
    out = tmp_path / "items.jsonl"
    script = tmp_path / "crawl.py"
    script.write_text(CRAWL, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run(
        [sys.executable, str(script), base, str(out), json.dumps(settings)],
        capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    stats = json.loads(proc.stdout.strip().splitlines()[-1])
    return sorted(items, key=lambda i: i["url"]), stats


def test_crawl_cleans_the_configured_field_into_the_output_field(site, tmp_path):
    items, stats = crawl(site, tmp_path, {
        "CLEANER_FIELD": "html", "CLEANER_OUTPUT_FIELD": "text", "CLEANER_PRESET": "precision",
    })
    assert [i["url"].rsplit("/", 1)[1] for i in items] == sorted(PAGES)
    for item in items:
        name = item["url"].rsplit("/", 1)[1]
        assert item["html"] == PAGES[name]  # the source field is kept
        assert item["text"] == cleaner.clean(PAGES[name], "precision")
        for paragraph in PARAGRAPHS:
            assert paragraph in item["text"]
        lines = item["text"].splitlines()
        assert not set(BOILERPLATE) & set(lines)
    assert stats == {"cleaner/items_cleaned": 2}


def test_crawl_passes_options_and_overwrites_by_default(site, tmp_path):
    items, stats = crawl(site, tmp_path, {
        "CLEANER_FIELD": "paragraphs",
        "CLEANER_OPTIONS": {"language": "en", "split_stories": False},
    })
    for item in items:
        name = item["url"].rsplit("/", 1)[1]
        order = PARAGRAPHS if name == "one.html" else list(reversed(PARAGRAPHS))
        expected = cleaner.clean("\n".join(order), language="en", split_stories=False)
        assert item["paragraphs"] == expected
        assert expected.splitlines() == order
    assert stats == {"cleaner/items_cleaned": 2}


class Stats:
    def __init__(self):
        self.values: dict[str, int] = {}

    def inc_value(self, key):
        self.values[key] = self.values.get(key, 0) + 1


def test_items_without_text_pass_unchanged():
    stats = Stats()
    pipeline = CleanerPipeline(field="body", stats=stats)
    item = {"url": "http://127.0.0.1/x"}
    assert pipeline.process_item(item) == {"url": "http://127.0.0.1/x"}
    odd = {"body": 42}
    assert pipeline.process_item(odd) == {"body": 42}
    assert stats.values == {"cleaner/items_without_field": 1, "cleaner/items_not_text": 1}


def test_binary_bytes_are_not_cleaned_into_text(caplog):
    """An image downloaded into the field is refused as the command line refuses it
    (`cleaner.binary`), not decoded into garbage; text bytes are still cleaned."""
    stats = Stats()
    pipeline = CleanerPipeline(field="body", stats=stats)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + ("tEXt " + PARAGRAPHS[0]).encode() * 3
    assert pipeline.process_item({"body": png}) == {"body": png}
    assert "binary data (PNG image), not text" in caplog.text
    text = {"body": PARAGRAPHS[0].encode("utf-8")}
    assert pipeline.process_item(text)["body"] == cleaner.clean(PARAGRAPHS[0])
    assert stats.values == {"cleaner/items_not_text": 1, "cleaner/items_cleaned": 1}


def test_drop_empty_raises_drop_item():
    from scrapy.exceptions import DropItem

    pipeline = CleanerPipeline(field="body", drop_empty=True)
    with pytest.raises(DropItem):
        pipeline.process_item({"body": "Share\nFollow"})


def test_undeclared_output_field_of_a_scrapy_item_is_a_clear_error():
    import scrapy

    class Page(scrapy.Item):
        body = scrapy.Field()

    pipeline = CleanerPipeline(field="body", output_field="text")
    with pytest.raises(KeyError, match="no field 'text'"):
        pipeline.process_item(Page(body=PARAGRAPHS[0]))


def test_a_preset_among_the_options_names_the_setting_it_belongs_to():
    with pytest.raises(TypeError, match="give the preset in CLEANER_PRESET"):
        CleanerPipeline(options={"preset": "recall", "language": "en"})
    assert CleanerPipeline(preset="recall").options == cleaner.PRESETS["recall"]


def test_a_bad_setting_keeps_the_class_the_api_raised(monkeypatch):
    """Whatever exception class `Options.make` raises (here a ValueError subclass) is the
    class the pipeline raises, with the settings named."""
    import cleaner.integrations.scrapy as integration

    def refuse(preset, **options):
        raise UnicodeError("no such thing")

    monkeypatch.setattr(integration.Options, "make", refuse)
    with pytest.raises(UnicodeError, match="bad CLEANER_PRESET/CLEANER_OPTIONS: no such thing"):
        CleanerPipeline(options={"language": "en"})


def test_a_panic_of_the_core_fails_the_item_as_an_exception(monkeypatch):
    """A core panic on an item leaves the pipeline as `cleaner.CoreError`, an
    ``Exception`` Scrapy logs and drops that item for, as the CLI and the datatrove step
    fail that document alone; it used to escape as a ``BaseException``."""
    from cleaner import pipeline

    def panicking(document, options, **overrides):
        raise PanicException("index out of bounds")

    monkeypatch.setattr(pipeline, "_analyze", panicking)
    with pytest.raises(cleaner.CoreError, match="index out of bounds"):
        CleanerPipeline(field="body").process_item({"body": "\n\n".join(PROSE)})


class _Crawler:
    """What `CleanerPipeline.from_crawler` reads of a crawler: its settings and stats."""

    def __init__(self, **settings):
        from scrapy.settings import Settings

        self.settings = Settings(settings)
        self.stats = None


@pytest.mark.parametrize("name, hint", [("CLEANER_FEILD", "did you mean CLEANER_FIELD?"),
                                        ("CLEANER_LANGUAGE", "(settings: CLEANER_FIELD,")])
def test_a_cleaner_setting_the_pipeline_does_not_read_is_refused(name, hint):
    """A misspelt setting name was ignored: the pipeline then cleaned (or passed on, the
    field missing) every item as if it had not been given.  It is refused when the crawl
    starts, as an unknown option is (`TypeError`)."""
    with pytest.raises(TypeError, match=f"unknown setting '{name}'") as refused:
        CleanerPipeline.from_crawler(_Crawler(**{name: "html"}))
    assert hint in str(refused.value)
    built = CleanerPipeline.from_crawler(_Crawler(CLEANER_FIELD="html", CLEANER_PRESET="recall",
                                                  CLEANER_OPTIONS={"language": "de"},
                                                  CLEANER_OUTPUT_FIELD="text", CLEANER_DROP_EMPTY=True))
    assert (built.field, built.output_field, built.options.language, built.drop_empty) == (
        "html", "text", "de", True)


def test_the_first_item_without_the_field_is_logged_with_the_fields_it_has(caplog):
    """Items without the field pass unchanged; the first is logged (a misspelt
    ``CLEANER_FIELD`` passes every item on uncleaned), the others only counted."""
    stats = Stats()
    pipeline = CleanerPipeline(field="htm", stats=stats)
    with caplog.at_level("WARNING"):
        for n in range(3):
            assert pipeline.process_item({"url": n, "html": "<p>a</p>"}) == {"url": n, "html": "<p>a</p>"}
        assert pipeline.process_item({"htm": None}) == {"htm": None}
    assert caplog.text.count("has no value in field 'htm' (its fields: url, html)") == 1
    assert "its fields: htm" not in caplog.text
    assert stats.values == {"cleaner/items_without_field": 4}
