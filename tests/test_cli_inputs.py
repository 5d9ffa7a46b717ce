"""The command line loses nothing silently: JSON Lines files are read as records, binary
and missing inputs are reported (and counted) while the run goes on, options that do
nothing are refused or not offered, and a terminal gets a hint instead of a silent wait.
Each test runs ``python -m cleaner`` as a subprocess."""

from __future__ import annotations

import gzip
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

import cleaner
from test_cli import ENV, REPO, jsonl, page, read_jsonl, run
from stand_ins import PanicException, failing_on

SEEDS = REPO / "corpus" / "seeds"

#: A few kinds of binary file, as their first bytes (then filler that is not text).
BINARIES = {
    "program": b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4,
    "photo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    "photo.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)) * 4,
    "data.bin": b"some header\x00\x00\x00" + b"\x01\x02" * 100,
    "noise.dat": bytes((i * 37 + 11) % 32 for i in range(4000)),
}


@pytest.fixture
def crawl(tmp_path) -> Path:
    """A JSONL crawl of 100 records, the page in "text"."""
    path = tmp_path / "crawl.jsonl"
    path.write_bytes(jsonl({"id": n, "text": page(n)} for n in range(100)))
    return path


# ----------------------------------------------------------------- 1. JSONL by name


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_jsonl_file_is_read_as_records_without_the_flag(crawl, jobs):
    proc = run("clean", "--jobs", jobs, "--field", "text", crawl)
    assert proc.returncode == 0, proc.stderr
    out = read_jsonl(proc.stdout)
    assert [o["id"] for o in out] == list(range(100))  # no record lost
    assert all(o["text"] == cleaner.clean(page(o["id"])) for o in out)
    assert "100 documents" in proc.stderr.decode()


@pytest.mark.parametrize("quiet", [[], ["-q"]], ids=["", "quiet"])
@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("command", ["split", "explain"])
def test_a_record_that_writes_nothing_is_named_with_its_line(tmp_path, command, jobs, quiet):
    """Every record is in the output or named on standard error with its line number: a
    record with no story (split) or no line (explain) used to vanish without a word.
    ``-q`` names them too, and its help says so."""
    path = tmp_path / "crawl.jsonl"
    texts = {1: page(1), 2: "", 3: " \n\n", 4: page(4)}
    path.write_bytes(jsonl({"id": n, "text": t} for n, t in texts.items()))
    if quiet:
        helped = " ".join(run(command, "--help").stdout.decode().split())
        assert "records written with nothing are still named" in helped
    proc = run(command, "--jobs", jobs, *quiet, path)
    assert proc.returncode == 0, proc.stderr
    said = "no story: no object written" if command == "split" else "no line: no row written"
    named = re.findall(rf"cleaner: {re.escape(str(path))}:(\d+): {said}\n", proc.stderr.decode())
    assert named == ["2", "3"]
    if command == "split":
        written = {o["id"] for o in read_jsonl(proc.stdout)}
    else:
        written = {int(row.split("\t")[0].rsplit(":", 1)[1]) for row in proc.stdout.decode().splitlines()}
    assert written == {1, 4}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_panic_of_the_core_fails_its_record_alone(tmp_path, monkeypatch, capsys, jobs):
    """A record on which the compiled core panics is reported with its line number and
    the run goes on: it used to end the run with a traceback, every later record lost."""
    import concurrent.futures
    import functools
    import multiprocessing

    from cleaner import cli, pipeline

    monkeypatch.setattr(pipeline, "_analyze", failing_on(pipeline._analyze, PanicException("index out of bounds")))
    # the stand-in reaches the workers only if they are forked after this, whatever the
    # platform's default start method
    fork = multiprocessing.get_context("fork")
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor",
                        functools.partial(concurrent.futures.ProcessPoolExecutor, mp_context=fork))
    path = tmp_path / "crawl.jsonl"
    path.write_bytes(jsonl({"id": n, "text": "boom" if n == 2 else page(n)} for n in range(1, 5)))
    assert cli.main(["clean", "-q", "--jobs", jobs, str(path)]) == cli.EXIT_FAILED
    out, err = capsys.readouterr()
    assert [o["id"] for o in read_jsonl(out.encode())] == [1, 3, 4]
    assert err == (f"cleaner: {path}:2: cleaner failed: CoreError: "
                   "the compiled core failed: index out of bounds\n")


@pytest.mark.parametrize("stop", [KeyboardInterrupt, SystemExit])
def test_an_interrupt_inside_a_record_stops_the_run(tmp_path, monkeypatch, capsys, stop):
    """Ctrl-C (or an exit) raised while one record is cleaned ends the run there: exit
    130 for Ctrl-C, the exit itself otherwise, no later record cleaned.  Failures of a
    record, a core panic too, are caught; these must not be."""
    from cleaner import batch, cli

    seen = []
    monkeypatch.setattr(batch, "analyze", failing_on(batch.analyze, stop(), seen))
    path = tmp_path / "crawl.jsonl"
    path.write_bytes(jsonl({"id": n, "text": "boom" if n == 2 else page(n)} for n in range(1, 5)))
    argv = ["clean", "-q", "--jobs", "1", str(path)]
    if stop is KeyboardInterrupt:
        assert cli.main(argv) == cli.EXIT_INTERRUPTED
    else:
        with pytest.raises(SystemExit):
            cli.main(argv)
    assert seen == [page(1), "boom"]
    assert "cleaner failed" not in capsys.readouterr().err


def test_a_gzipped_jsonl_file_is_read_as_records(tmp_path, crawl):
    packed = tmp_path / "crawl.jsonl.gz"
    packed.write_bytes(gzip.compress(crawl.read_bytes()))
    proc = run("split", packed)
    assert proc.returncode == 0, proc.stderr
    assert {o["id"] for o in read_jsonl(proc.stdout)} == set(range(100))


def test_no_jsonl_reads_a_jsonl_file_as_one_document(crawl):
    proc = run("clean", "--no-jsonl", "--format", "jsonl", crawl)
    assert proc.returncode == 0, proc.stderr
    assert [o["source"] for o in read_jsonl(proc.stdout)] == [str(crawl)]


@pytest.mark.parametrize("where", ["stdin", "crawl.ndjson"])
def test_json_lines_read_whole_fail_with_a_hint_instead_of_being_cleaned(tmp_path, where):
    """Records that are not read as records would be cleaned as one page's lines (and
    mostly dropped): the document fails, saying which flag reads it."""
    records = jsonl({"id": n, "text": page(n)} for n in range(3))
    path = tmp_path / where
    path.write_bytes(records)
    args = ["-"] if where == "stdin" else [path]
    proc = run("clean", *args, input=records)
    assert proc.returncode == 1 and proc.stdout == b""
    err = proc.stderr.decode()
    assert re.search(r"^cleaner: \S+: is JSON Lines .*give --jsonl", err, re.M), err
    as_records = run("clean", "--jsonl", *args, input=records)
    assert as_records.returncode == 0 and len(read_jsonl(as_records.stdout)) == 3
    whole = run("clean", "--no-jsonl", "-q", *args, input=records)
    assert whole.returncode == 0 and whole.stderr == b""
    assert whole.stdout.decode() == cleaner.clean(records) + "\n"


@pytest.mark.parametrize("args, message", [
    (["clean", "--glob", "*.html", "PAGE"], "--glob picks files in the directories given"),
    (["split", "--jsonl", "--output-field", "title", "-"], "story's 'title' itself"),
    (["split", "--jsonl", "--field", "span", "-"], "story's 'span' itself"),
], ids=["glob-without-directory", "split-output-field", "split-field"])
def test_flags_that_would_lose_text_or_fields_are_refused_before_writing(tmp_path, args,
                                                                         message):
    """--glob on files would clean files the pattern leaves out; a story field as the
    output field would lose the story's title, kind or span under its text."""
    path = tmp_path / "page.txt"
    path.write_text(page(1), encoding="utf-8")
    out = tmp_path / "out"
    argv = [path if a == "PAGE" else a for a in args]
    proc = run(*argv, "-o", out, input=jsonl([{"title": "T", "span": 1, "text": page(1)}]))
    assert proc.returncode == 2 and not out.exists()
    assert message in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()


@pytest.mark.parametrize("args, message", [
    (["--jsonl", "--format", "text", "--output-field", "clean"], "--output-field names a field of JSON Lines output"),
    (["--jsonl", "--separator", "====="], "--separator goes between the documents of text output"),
    (["--jsonl", "--format", "jsonl", "--separator", "====="], "--separator goes between the documents of text output"),
    (["--jsonl", "--separator", "\f"], "--separator goes between the documents of text output"),
    (["--jsonl", "-q", "--progress"], "--progress shows a bar that --quiet turns off"),
], ids=["output-field-with-text-output", "separator-with-jsonl-output", "separator-with-format-jsonl",
        "default-separator-given-with-jsonl-output", "progress-with-quiet"])
def test_output_flags_the_output_format_ignores_are_refused(tmp_path, args, message):
    """A flag that would do nothing is refused before any output, not ignored: the
    reader would look for the field, the separator or the bar in vain."""
    out = tmp_path / "out"
    proc = run("clean", *args, "-o", out, "-", input=jsonl([{"id": 1, "text": page(1)}]))
    assert proc.returncode == 2 and not out.exists()
    err = proc.stderr.decode()
    assert err.startswith(f"cleaner: {message}") and err.count("\n") == 1, err
    kept = run("clean", *args[:-2], "-o", out, "-", input=jsonl([{"id": 1, "text": page(1)}]))
    assert kept.returncode == 0 and out.read_bytes()


@pytest.mark.parametrize("flag", ["--field", "--output-field"])
def test_field_options_without_jsonl_input_are_refused(tmp_path, flag):
    path = tmp_path / "page.txt"
    path.write_text(page(1), encoding="utf-8")
    proc = run("clean", flag, "html", path)
    assert proc.returncode == 2 and proc.stdout == b""
    err = proc.stderr.decode()
    assert f"{flag} applies to JSON Lines input only" in err and "--jsonl" in err
    assert "Traceback" not in err


def test_a_mix_of_jsonl_and_other_files_is_refused(tmp_path, crawl):
    other = tmp_path / "page.txt"
    other.write_text(page(1), encoding="utf-8")
    proc = run("clean", crawl, other)
    assert proc.returncode == 2 and proc.stdout == b""
    assert "--jsonl" in proc.stderr.decode() and "--no-jsonl" in proc.stderr.decode()


@pytest.mark.parametrize("args, document, status", [
    (["--jsonl", "--format", "text"], jsonl([{"id": 1, "text": page(1)}, {"id": 2}]), 1),
    ([], page(1).encode(), 0),   # a plain document: text output by default
], ids=["jsonl-to-text", "text"])
def test_on_error_pass_with_text_output_is_refused_before_writing(tmp_path, args, document,
                                                                  status):
    """Text output has no place for a failed record: passing it would leave it out
    silently, so the run stops before the output file is even created."""
    out = tmp_path / "clean.txt"
    proc = run("clean", *args, "--on-error", "pass", "-o", out, "-", input=document)
    assert proc.returncode == 2 and proc.stdout == b"" and not out.exists()
    err = proc.stderr.decode()
    assert "--on-error pass" in err and "--format jsonl" in err and "Traceback" not in err
    kept = run("clean", *args, "--format", "jsonl", "--on-error", "pass", "-", input=document)
    assert kept.returncode == status, kept.stderr
    assert len(read_jsonl(kept.stdout)) == (len(document.splitlines()) if args else 1)


@pytest.mark.parametrize("command", ["clean", "explain"])
def test_a_lone_surrogate_in_text_output_is_a_replacement_character(command):
    """A JSON escape can make a lone surrogate, which UTF-8 cannot hold: text output
    writes U+FFFD in its place (JSON output keeps the escape), never a '?'."""
    record = {"id": 1, "text": "\ud800 " + page(1).splitlines()[5]}
    args = ["--format", "text"] if command == "clean" else ["--columns", "text"]
    proc = run(command, "--jsonl", "-q", *args, "-", input=jsonl([record]))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode("utf-8") == "\ufffd" + record["text"][1:] + "\n"
    as_json = run("clean", "--jsonl", "-q", "-", input=jsonl([record]))
    assert read_jsonl(as_json.stdout)[0]["text"] == record["text"]


# ----------------------------------------------------------------- 2. binary inputs


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_binary_inputs_are_skipped_with_a_warning_and_counted(tmp_path, jobs):
    folder = tmp_path / "crawl"
    folder.mkdir()
    for n in range(2):
        (folder / f"page{n}.txt").write_text(page(n), encoding="utf-8")
    for name, data in BINARIES.items():
        (folder / name).write_bytes(data)
    proc = run("clean", "--jobs", jobs, "--format", "jsonl", folder)
    assert proc.returncode == 0, proc.stderr
    out = read_jsonl(proc.stdout)
    assert [Path(o["source"]).name for o in out] == ["page0.txt", "page1.txt"]
    err = proc.stderr.decode()
    for name in BINARIES:
        assert re.search(rf"^cleaner: .*{re.escape(name)}: skipped: binary input", err, re.M), err
    assert f"{len(BINARIES)} binary skipped" in err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_page_with_stray_nul_bytes_is_cleaned_not_skipped(tmp_path, jobs):
    """A NUL or two in a scraped page is a strange page, not a binary file: its text is
    kept, as the API keeps it, and nothing is reported."""
    data = page(3).replace("Item", "\x00Item", 2).encode("utf-8")
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    proc = run("clean", "--jobs", jobs, "-q", path)
    assert proc.returncode == 0 and proc.stderr == b""
    assert proc.stdout.decode() == cleaner.clean(data) + "\n"
    assert cleaner.clean(data).count("Item 3: ") == 3  # the lines holding a NUL are kept


def test_binary_input_whose_first_lines_read_as_json_is_skipped_as_binary(tmp_path):
    """The one place a batch run tests the bytes itself: the JSON Lines sniff would
    refuse the file as JSON Lines not asked for; its NUL bytes make it binary input."""
    data = b'{"id": 1}\n{"id": 2}\n{"id": 3}\n' + b"\x00\x01\x02" * 300
    path = tmp_path / "records.dat"
    path.write_bytes(data)
    proc = run("clean", path)
    assert proc.returncode == 0 and proc.stdout == b"", proc.stderr
    assert "records.dat: skipped: binary input (NUL bytes)" in proc.stderr.decode()


def test_binary_standard_input_is_skipped():
    proc = run("clean", input=BINARIES["program"])
    assert proc.returncode == 0 and proc.stdout == b""
    assert "<stdin>: skipped: binary input (ELF executable)" in proc.stderr.decode()


def test_text_in_another_encoding_is_not_binary(tmp_path):
    for name, data in {"latin1.txt": page(2).encode() + "Café crème.\n".encode("latin-1"),
                       "utf16.txt": page(2).encode("utf-16")}.items():
        path = tmp_path / name
        path.write_bytes(data)
        proc = run("clean", path)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.decode() == cleaner.clean(data) + "\n"
        assert b"binary" not in proc.stderr


# ----------------------------------------------------------------- 3. missing inputs


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_missing_file_is_reported_and_the_run_goes_on(tmp_path, jobs):
    good = []
    for n in range(2):
        good.append(tmp_path / f"page{n}.txt")
        good[-1].write_text(page(n), encoding="utf-8")
    missing = tmp_path / "gone.txt"
    proc = run("clean", "--jobs", jobs, "--format", "jsonl", good[0], missing, good[1])
    assert proc.returncode == 2  # as grep: something could not be read
    assert [Path(o["source"]).name for o in read_jsonl(proc.stdout)] == ["page0.txt", "page1.txt"]
    err = proc.stderr.decode()
    assert re.search(rf"^cleaner: {re.escape(str(missing))}: cannot read: no such file", err, re.M)
    # the document not read is one of the failed, not one more
    assert "3 documents (1 failed (1 not readable), 0 with no text)" in err


def test_a_missing_jsonl_file_is_reported_and_the_others_are_read(tmp_path, crawl):
    proc = run("clean", tmp_path / "gone.jsonl", crawl)
    assert proc.returncode == 2
    assert len(read_jsonl(proc.stdout)) == 100
    assert "gone.jsonl: cannot read: no such file" in proc.stderr.decode()


# ----------------------------------------------------------------- 4. --set values


@pytest.mark.parametrize("setting, message", [
    ("context_reach=abc", "--set: context_reach must be a whole number from 0 to 2147483647, not 'abc'"),
    ("stopword_density=lots", "--set: stopword_density must be a number, not 'lots'"),
    ("language=klingon", "ISO 639-1"),
    ("disabled_rules=en.share.folow", "did you mean en.share.follow"),
])
def test_bad_set_values_get_a_clear_message(setting, message):
    proc = run("clean", "--set", setting, "-", input=b"")
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert message in err and "Traceback" not in err and "invalid literal" not in err


def test_a_language_without_stopwords_is_accepted_with_a_warning():
    proc = run("clean", "--language", "ko", input=page(1).encode())
    assert proc.returncode == 0
    assert "cleaner: warning: cleaner knows no stopwords or patterns for language 'ko'" in proc.stderr.decode()


# ----------------------------------------------------------------- 7. terminal


def test_no_input_on_a_terminal_gives_a_hint_instead_of_waiting():
    primary, secondary = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "cleaner", "clean"], stdin=secondary,
                              capture_output=True, env=ENV, cwd=REPO, timeout=120)
    finally:
        os.close(primary)
        os.close(secondary)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "no input" in err and "cleaner clean page.html" in err and "Ctrl-D" in err


# ----------------------------------------------------------------- 8. explain


def test_explain_help_lists_only_options_that_work_there():
    text = run("explain", "--help").stdout.decode()
    for gone in ("--output-field", "--on-error", "--separator"):
        assert gone not in text
    for kept in ("--columns", "--jsonl", "--field", "--language"):
        assert kept in text
    assert run("explain", "--output-field", "x", "-", input=b"").returncode == 2


def _diff_rows(seed: Path) -> list[tuple[str, str]]:
    """The docs' recipe, verbatim, through a shell: (direction, row) of each changed row."""
    recipe = f"cleaner explain --columns label,text {seed}.txt | diff - {seed}.labels.tsv"
    shim = f"cleaner() {{ {sys.executable} -m cleaner \"$@\"; }}; {recipe}"
    proc = subprocess.run(["bash", "-c", shim], capture_output=True, env=ENV, cwd=REPO, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    out = proc.stdout.decode()
    assert "No newline at end of file" not in out
    return [(line[0], line[2:]) for line in out.splitlines() if line[:2] in ("< ", "> ")]


@pytest.mark.parametrize("seed", sorted(p.name.removesuffix(".labels.tsv")
                                        for p in SEEDS.glob("*.labels.tsv")))
def test_explain_labels_diff_against_the_seeds_shows_only_real_differences(seed):
    """Every row the docs' diff recipe shows is a line whose labels disagree (cleaner's vs
    the hand labelling): never a text difference, a title, or the final newline.  Rows
    the hand labelling marks optional (``opt:N``, not scored) may differ: cleaner never
    writes that label."""
    assert "cleaner explain --columns label,text seed.txt | diff - seed.labels.tsv" in (
        REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    rows = _diff_rows(SEEDS / seed)
    ours = [r for d, r in rows if d == "<"]
    theirs = [r for d, r in rows if d == ">"]
    assert [r.split("\t", 1)[1] for r in ours] == [r.split("\t", 1)[1] for r in theirs]
    for a, b in zip(ours, theirs):
        mine, hand = a.split("\t", 1)[0], b.split("\t", 1)[0]
        assert mine != hand
        assert not hand.startswith("title:") and not mine.startswith("title:") or \
            hand.startswith("opt:"), (mine, hand)


@pytest.mark.parametrize("command, output_format", [("clean", "text"), ("explain", "tsv"),
                                                    ("explain", "html")])
def test_a_job_passing_failed_records_needs_json_lines_output(command, output_format):
    """The rule is checked where a job is made, for every caller, not in the worker."""
    from cleaner import Options
    from cleaner.batch import Job
    from cleaner.inputs import UsageError

    with pytest.raises(UsageError, match="--on-error pass"):
        Job(command=command, options=Options.make(), output_format=output_format, on_error="pass")
    Job(command=command, options=Options.make(), output_format=output_format, on_error="skip")
    Job(command="split", options=Options.make(), output_format="jsonl", on_error="pass")
