"""A test run writes nothing outside the checkout and one temporary folder that it removes
(see tests/conftest.py): the benchmark cache defaults to a git-ignored folder of the
checkout, and temporary files (pytest's, `tempfile`'s, Ray's) go to the run's folder.
The catalogue's examples are its own words: none quotes a line of a bundled page."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

import pytest

from benchmarks.cache import default_dir

ROOT = Path(__file__).resolve().parents[1]


def test_benchmark_cache_defaults_to_an_ignored_folder_of_the_checkout(monkeypatch):
    monkeypatch.delenv("CLEANER_BENCH_CACHE", raising=False)
    folder = default_dir()
    assert folder.is_relative_to(ROOT)
    if shutil.which("git") and (ROOT / ".git").exists():
        probe = folder / "text" / "entry.json"
        done = subprocess.run(["git", "check-ignore", "-q", str(probe)], cwd=ROOT)
        assert done.returncode == 0, f"{probe} is not ignored by git"


def test_benchmark_cache_folder_can_be_chosen(monkeypatch, tmp_path):
    monkeypatch.setenv("CLEANER_BENCH_CACHE", str(tmp_path / "cache"))
    assert default_dir() == tmp_path / "cache"


def test_temporary_files_of_this_run_go_to_one_folder():
    folder = os.environ["TMPDIR"]
    assert Path(tempfile.gettempdir()) == Path(folder)
    assert os.environ["RAY_TMPDIR"] == folder
    assert Path(folder).name.startswith("cleaner-tests-")


INNER_TEST = '''
import json, os, tempfile

def test_writes(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    handle, name = tempfile.mkstemp()
    os.close(handle)
    with open(os.environ["HYGIENE_REPORT"], "w") as f:
        json.dump({"tmp_path": str(tmp_path), "mkstemp": name, "folder": os.environ["TMPDIR"],
                   "ray": os.environ.get("RAY_TMPDIR")}, f)
'''


def test_a_run_removes_its_temporary_folder(tmp_path):
    """A small pytest run with this conftest: what it wrote is gone when it ends."""
    suite = tmp_path / "suite"
    suite.mkdir()
    shutil.copy(ROOT / "tests" / "conftest.py", suite / "conftest.py")
    shutil.copy(ROOT / "tests" / "strategies.py", suite / "strategies.py")
    (suite / "test_inner.py").write_text(INNER_TEST, encoding="utf-8")
    report = tmp_path / "report.json"
    env = dict(os.environ, HYGIENE_REPORT=str(report))
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(suite),
         "-c", os.devnull, str(suite)], capture_output=True, text=True, env=env, cwd=suite)
    assert done.returncode == 0, done.stdout + done.stderr
    seen = json.loads(report.read_text())
    folder = Path(seen["folder"])
    assert seen["ray"] == seen["folder"]
    for key in ("tmp_path", "mkstemp"):
        assert Path(seen[key]).is_relative_to(folder), (key, seen)
    assert not folder.exists()


# Catalogue examples are written in the catalogue's own words: none of 30+ characters may
# be a line of a bundled page (corpus/, except the hand-labelled seeds).  A few stock
# phrases that countless sites print unchanged, because their CMS or the law writes them,
# may stay verbatim; each with its reason.
STOCK_PHRASES = {
    "your email address will not be published.": "WordPress comment form",
    "save my name, email, and website in this browser for the next time i comment.":
        "WordPress comment form",
    "deine e-mail-adresse wird nicht veröffentlicht.": "WordPress comment form (German)",
    "erforderliche felder sind mit * markiert.": "WordPress comment form (German)",
    "du musst angemeldet sein, um einen kommentar abzugeben.": "WordPress comment form (German)",
    "o seu endereço de e-mail não será publicado.": "WordPress comment form (Portuguese)",
    "do not sell my personal information": "link text the California CCPA prescribes",
    "todos los derechos reservados.": "'All rights reserved' in Spanish",
}
#: Examples shorter than this many characters are too generic to point at one page.
QUOTE_MIN_CHARS = 30


def _catalogue_examples():
    """Every example and counterexample of the catalogue TOML files, with its file."""
    for path in sorted((ROOT / "cleaner" / "patterns").rglob("*.toml")):
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        for rules in table.values():
            for rule in rules if isinstance(rules, list) else ():
                for key in ("examples", "counterexamples"):
                    for text in rule.get(key, ()) if isinstance(rule, dict) else ():
                        yield path.relative_to(ROOT).as_posix(), text


def _corpus_pages():
    """The lower-cased text of every bundled page (gzip or plain), seeds excluded."""
    corpus = ROOT / "corpus"
    for path in sorted(corpus.rglob("*")):
        if not path.is_file() or path.relative_to(corpus).parts[0] == "seeds":
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        yield data.decode("utf-8", "replace").lower()


def _quoted(examples, pages):
    """The examples found verbatim in a page.  A page is searched only when it holds every
    whole word of the example (its inner words, which the page must hold as words too)."""
    pages = [(page, set(page.split())) for page in pages]
    found = []
    for where, text in examples:
        needle = text.lower()
        inner = set(needle.split()[1:-1])
        if any(needle in page for page, words in pages if inner <= words):
            found.append((where, text))
    return found


def test_quoting_finds_an_example_inside_a_page_line():
    pages = ["<p>Before. Unser Gartenbrief erscheint jeden Montag neu. After.</p>", "other"]
    examples = [("x", "Unser Gartenbrief erscheint jeden Montag"),
                ("y", "Unser Gartenbrief erscheint"),
                ("z", "Unser Gartenbrief erscheint jeden Dienstag")]
    assert _quoted(examples, [p.lower() for p in pages]) == examples[:2]


def test_catalogue_examples_do_not_quote_the_bundled_pages():
    pages = list(_corpus_pages())
    assert len(pages) > 100
    examples = [(where, text) for where, text in _catalogue_examples()
                if len(text) >= QUOTE_MIN_CHARS and text.lower() not in STOCK_PHRASES]
    quoted = _quoted(examples, pages)
    assert not quoted, f"{len(quoted)} examples quote a bundled page: {quoted}"
    kept = {text.lower() for _, text in _catalogue_examples()}
    assert set(STOCK_PHRASES) <= kept, "a stock phrase listed here is no longer an example"
