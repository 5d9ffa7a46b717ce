"""The usage examples of the README and the docs run as written.

A newcomer copies them: the README's Python block and command lines (its "Usage"
section), every shell block of docs/cli.md, its Scrapy settings and spider, and
docs/datatrove.md's pipeline.  Each runs in a folder holding the files the examples name
(``page.txt`` and ``seed.txt`` a bundled seed dump, ``page.html`` the bundled page,
``crawl.jsonl`` three crawl records, ``pages/`` a folder of pages), with the installed
``cleaner`` command first on the path.  ``curl`` is the one stand-in: the tests do not
reach the network, so a ``curl`` that prints ``page.html`` comes first on the path.

Not run here: the README's set-up commands (`tests/test_readme_ci.py`, `.ci/run`), its
benchmark commands (the benchmark gate), and the Slurm and Ray blocks of
docs/datatrove.md, which need a cluster (`tests/test_datatrove.py` runs the Ray
example on a local Ray and prints the Slurm job script).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import cleaner

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"
SEED = "001_6d2eec1c5e0e1230"
PAGE = ROOT / "examples" / "library-hours.html"


def code_blocks(doc: str, language: str, section: str | None = None) -> list[str]:
    """The fenced blocks of ``language`` in ``doc`` (a path under the checkout), only
    those under the heading ``section`` (up to the next heading of its level or above)
    when it is given."""
    text = (ROOT / doc).read_text(encoding="utf-8")
    if section is not None:
        level = section.split(" ")[0]
        start = text.index(f"\n{section}\n")
        ends = [m.start() for m in re.finditer(rf"\n#{{1,{len(level)}}} ", text) if m.start() > start]
        text = text[start:ends[0] if ends else len(text)]
    return re.findall(rf"```{language}\n(.*?)```", text, re.S)


def command_lines(block: str) -> list[str]:
    """The commands of a shell block: its lines that are not blank or comments."""
    return [line for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]


#: The shell commands the README (Usage) and docs/cli.md give, as they are written, with
#: the inline ones the README's text gives for the HTML report.
COMMANDS = [
    *[c for b in code_blocks("README.md", "sh", "## Usage") for c in command_lines(b)],
    "cleaner explain --format html -o report.html page.txt",
    "cleaner explain --format html -o report.html examples/library-hours.html",
    *[c for b in code_blocks("docs/cli.md", "sh") for c in command_lines(b)],
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder holding the files the examples name, and a ``bin/curl`` stand-in."""
    seed = (SEEDS / f"{SEED}.txt").read_text(encoding="utf-8")
    for name in ("page.txt", "dump.txt", "seed.txt"):
        (tmp_path / name).write_text(seed, encoding="utf-8")
    shutil.copy(SEEDS / f"{SEED}.labels.tsv", tmp_path / "seed.labels.tsv")
    shutil.copy(PAGE, tmp_path / "page.html")
    (tmp_path / "examples").mkdir()
    shutil.copy(PAGE, tmp_path / "examples" / PAGE.name)
    (tmp_path / "pages" / "town").mkdir(parents=True)
    shutil.copy(PAGE, tmp_path / "pages" / "town" / "library.html")
    shutil.copy(SEEDS / f"{SEED}.txt", tmp_path / "pages" / "notes.txt")
    html = PAGE.read_text(encoding="utf-8")
    seeds = sorted(SEEDS.glob("00[0-2]_*.txt"))
    with open(tmp_path / "crawl.jsonl", "w", encoding="utf-8") as fh:
        for i, path in enumerate(seeds):
            record = {"url": f"https://example.org/{i}", "html": html, "text": path.read_text(encoding="utf-8")}
            fh.write(json.dumps(record) + "\n")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    curl = bin_dir / "curl"
    curl.write_text(f"#!/bin/sh\ncat '{tmp_path / 'page.html'}'\n", encoding="utf-8")
    curl.chmod(0o755)
    return tmp_path


def _env(folder: Path) -> dict:
    """The environment of a newcomer's shell: the venv's ``cleaner`` and ``python`` first
    (the stand-in ``curl`` before them)."""
    path = os.pathsep.join([str(folder / "bin"), str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return {**os.environ, "PATH": path}


def _shell(command: str, folder: Path) -> tuple[list[int], str, str]:
    """Run ``command`` with bash in ``folder``: the exit status of each command of its
    pipeline, its output and its error output."""
    script = f'{command}\necho "statuses: ${{PIPESTATUS[*]}}" >&2\n'
    done = subprocess.run(["bash", "-c", script], cwd=folder, env=_env(folder), capture_output=True,
                          text=True, timeout=600, stdin=subprocess.DEVNULL)
    err, _, last = done.stderr.rstrip("\n").rpartition("\n")
    if not last.startswith("statuses: "):  # nothing before the statuses line
        err, last = "", err or last
    return [int(s) for s in last.removeprefix("statuses: ").split()], done.stdout, err


def _script(block: str, folder: Path) -> subprocess.CompletedProcess:
    """Run a Python block saved as a script in ``folder`` (as a reader would save it)."""
    (folder / "example.py").write_text(block, encoding="utf-8")
    return subprocess.run([sys.executable, "example.py"], cwd=folder, env=_env(folder),
                          capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)


def test_the_examples_name_commands():
    """The lists below are read from the files: a change of their layout must not leave
    this test running nothing."""
    assert len(COMMANDS) >= 15 and sum(c.startswith("cleaner ") for c in COMMANDS) >= 12
    assert len(code_blocks("README.md", "python", "## Usage")) == 1
    assert len(code_blocks("docs/cli.md", "python", "## Scrapy item pipeline")) == 2
    assert len(code_blocks("docs/datatrove.md", "python", "## The step")) == 1


@pytest.mark.parametrize("command", COMMANDS, ids=range(len(COMMANDS)))
def test_every_documented_command_runs_as_written(command, folder):
    """Every command of the pipeline exits 0 (a ``diff`` may say 1: the labels differ, as
    the docs say they can); no traceback; something is written."""
    if " jq " in command and shutil.which("jq") is None:
        pytest.skip("jq is not installed")
    statuses, out, err = _shell(command, folder)
    allowed = [0] * len(statuses)
    diff = re.search(r"\|\s*diff ", command) is not None
    if diff:
        allowed[-1] = statuses[-1] if statuses[-1] in (0, 1) else 0
    assert statuses == allowed, (statuses, err)
    assert "Traceback" not in err, err
    written = re.search(r"(?:-o|>) (\S+)", command)
    if written:
        assert (folder / written.group(1)).stat().st_size > 0
    elif not diff and not command.endswith("| uniq -c"):  # a comparison finding no difference says nothing
        assert out.strip(), err


def test_the_readme_python_example_runs_as_written(folder):
    """The README's Python block, as a script in a folder holding page.txt and page.html."""
    [block] = code_blocks("README.md", "python", "## Usage")
    done = _script(block, folder)
    assert done.returncode == 0, done.stderr
    text = (folder / "page.txt").read_text(encoding="utf-8")
    assert done.stdout.rstrip("\n") == cleaner.analyze(text).explain()
    assert (folder / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_scrapy_settings_and_spider_of_the_docs_clean_a_page(folder):
    """docs/cli.md's settings and ``parse``: the item the spider yields comes out of the
    pipeline those settings build with the page's clean text in ``text``."""
    pytest.importorskip("scrapy")
    from scrapy.settings import Settings

    from cleaner.integrations.scrapy import CleanerPipeline

    settings_block, spider_block = code_blocks("docs/cli.md", "python", "## Scrapy item pipeline")
    settings: dict = {}
    exec(settings_block, settings)
    spider: dict = {}
    exec(spider_block, spider)

    class Response:
        url = "https://example.org/library-hours"
        text = PAGE.read_text(encoding="utf-8")

    class Crawler:
        stats = None

    Crawler.settings = Settings({k: v for k, v in settings.items() if k.isupper()})
    assert "cleaner.integrations.scrapy.CleanerPipeline" in settings["ITEM_PIPELINES"]
    pipeline = CleanerPipeline.from_crawler(Crawler())
    [item] = [pipeline.process_item(item) for item in spider["parse"](None, Response())]
    expected = cleaner.clean(Response.text, settings["CLEANER_PRESET"], **settings["CLEANER_OPTIONS"])
    assert item["text"] == expected and expected
    assert item["html"] == Response.text and item["url"] == Response.url


def test_the_datatrove_pipeline_of_the_docs_runs_as_written(tmp_path):
    """docs/datatrove.md's pipeline, as a script in a folder whose ``pages/`` holds JSON
    Lines of ``{"id", "text"}``: ``clean/`` receives the clean text of each.  (Written
    without a ``__main__`` guard, the script never ended: each of its two workers,
    started by a fork server, imported it and started the pipeline again.)"""
    pytest.importorskip("datatrove")
    import gzip

    [block] = code_blocks("docs/datatrove.md", "python", "## The step")
    (tmp_path / "pages").mkdir()
    seeds = sorted(SEEDS.glob("00[0-2]_*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in seeds]
    with open(tmp_path / "pages" / "part.jsonl", "w", encoding="utf-8") as fh:
        for path, text in zip(seeds, texts):
            fh.write(json.dumps({"id": path.stem, "text": text}) + "\n")
    done = _script(block, tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    written = []
    for path in sorted((tmp_path / "clean").rglob("*")):
        if path.is_file():
            with (gzip.open if path.suffix == ".gz" else open)(path, "rt", encoding="utf-8") as fh:
                written += [json.loads(line) for line in fh if line.strip()]
    options = dict(language="en", disabled_rules=["en.share."])
    expected = {p.stem: cleaner.clean(t, "precision", **options) for p, t in zip(seeds, texts)}
    assert {r["id"]: r["text"] for r in written} == {k: v for k, v in expected.items() if v}
