"""The ``cleaner`` command, run as a subprocess (``python -m cleaner``) on small fixtures
written by the tests, plus the hand-labelled seeds when they are available."""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cleaner
from texts import PROSE

REPO = Path(__file__).resolve().parents[1]
ENV = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def page(n: int) -> str:
    """A small text dump: widgets, a title, prose, more widgets."""
    body = [f"Item {n}: {PROSE[(n + k) % len(PROSE)]}" for k in range(3)]
    return "\n".join(["Share", "Follow", "", f"Library hours story number {n}", ""] + body
                     + ["", "Sign in", "Follow"]) + "\n"


HTML = (
    "<!DOCTYPE html><html><head><title>Library hours</title></head><body>"
    "<nav><a href='/a'>Home</a> <a href='/b'>News</a></nav><article><h1>Library hours</h1>"
    + "".join(f"<p>{p}</p>" for p in PROSE) + "</article></body></html>"
)


def run(*args, input: bytes | None = None, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *map(str, args)],
        input=input, capture_output=True, env=ENV, cwd=cwd, timeout=300,
    )


def jsonl(records) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


def read_jsonl(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode().splitlines()]


@pytest.fixture
def pages(tmp_path):
    paths = []
    for n in range(3):
        path = tmp_path / f"page{n}.txt"
        path.write_text(page(n), encoding="utf-8")
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- clean


def test_clean_one_file_prints_the_library_result(pages):
    proc = run("clean", pages[0])
    assert proc.returncode == 0, proc.stderr
    expected = cleaner.clean(page(0))
    assert expected  # the fixture has a story
    assert proc.stdout.decode() == expected + "\n"


def test_clean_reads_stdin_without_arguments_or_with_dash(pages):
    data = pages[1].read_bytes()
    a = run("clean", input=data)
    b = run("clean", "-", input=data)
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout == (cleaner.clean(page(1)) + "\n").encode()


def test_clean_several_files_separated_by_a_form_feed_line(pages):
    proc = run("clean", *pages)
    assert proc.returncode == 0
    parts = proc.stdout.decode().split("\f\n")
    assert parts == [cleaner.clean(page(n)) + "\n" for n in range(3)]
    joined = run("clean", "--separator", "=====", *pages).stdout.decode()
    assert joined.split("=====\n") == parts


def test_clean_walks_directories_sorted_with_glob_and_skips_hidden(tmp_path):
    root = tmp_path / "dump"
    (root / "b").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "b" / "2.txt").write_text(page(2))
    (root / "a.txt").write_text(page(0))
    (root / "c.md").write_text(page(1))
    (root / ".hidden" / "x.txt").write_text(page(3))
    with gzip.open(root / "b" / "1.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write(page(1))
    proc = run("clean", "--format", "jsonl", "--glob", "*.txt", "--glob", "*.txt.gz", root)
    assert proc.returncode == 0, proc.stderr
    out = read_jsonl(proc.stdout)
    rel = [str(Path(o["source"]).relative_to(root)) for o in out]
    assert rel == ["a.txt", "b/1.txt.gz", "b/2.txt"]
    assert [o["text"] for o in out] == [cleaner.clean(page(n)) for n in (0, 1, 2)]


def test_html_is_detected_and_can_be_forced_off(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML)
    auto = run("clean", path).stdout.decode()
    never = run("clean", "--html", "never", path).stdout.decode()
    assert auto == cleaner.clean(HTML) + "\n"
    assert never == (cleaner.clean(HTML, html="never") + "\n" if cleaner.clean(HTML, html="never") else "")
    assert "<p>" not in auto
    assert auto != never


def test_preset_language_disable_and_set_reach_the_pipeline(pages):
    text = page(0)
    proc = run("clean", "--preset", "precision", "--language", "en",
               "--disable", "en.share.follow", "--set", "split_stories=false", pages[0])
    assert proc.returncode == 0, proc.stderr
    expected = cleaner.clean(text, "precision", language="en",
                             disabled_rules={"en.share.follow"}, split_stories=False)
    assert proc.stdout.decode() == (expected + "\n" if expected else "")
    explained = run("explain", "--disable", "en.share.,en.nav.", "--columns", "rule", pages[0])
    assert not any(r.startswith(("en.share.", "en.nav.")) for r in explained.stdout.decode().split())
    assert "comma-separated" in " ".join(run("clean", "--help").stdout.decode().split())


# --------------------------------------------------------------------------- JSONL


def test_jsonl_passes_other_fields_through_and_overwrites_the_field():
    records = [{"id": n, "url": f"u{n}", "text": page(n)} for n in range(3)]
    proc = run("clean", "--jsonl", input=jsonl(records))
    assert proc.returncode == 0, proc.stderr
    out = read_jsonl(proc.stdout)
    assert out == [{"id": n, "url": f"u{n}", "text": cleaner.clean(page(n))} for n in range(3)]


def test_jsonl_field_and_output_field():
    records = [{"html": HTML, "n": 1}]
    proc = run("clean", "--jsonl", "--field", "html", "--output-field", "clean", input=jsonl(records))
    assert read_jsonl(proc.stdout) == [{"html": HTML, "n": 1, "clean": cleaner.clean(HTML)}]


def test_jsonl_gzip_input(tmp_path):
    path = tmp_path / "in.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(jsonl({"id": n, "text": page(n)} for n in range(2)))
    out = read_jsonl(run("clean", "--jsonl", path).stdout)
    assert [o["text"] for o in out] == [cleaner.clean(page(n)) for n in range(2)]


BAD_LINES = [
    (json.dumps({"id": 0, "text": page(0)}).encode(), None),
    (b'{"id": 1, "text": "unterminated', "invalid JSON"),
    (json.dumps({"id": 2, "body": "no text field"}).encode(), "missing field 'text'"),
    (json.dumps({"id": 3, "text": 42}).encode(), "field 'text' is a number, not a string"),
    (json.dumps({"id": 4, "text": None}).encode(), "field 'text' is null, not a string"),
    (b'{"id": 5, "text": "caf\xe9"}', "not valid UTF-8"),
    (b"[1, 2, 3]", "expected a JSON object"),
    (b"", None),  # blank lines are not records
    (json.dumps({"id": 8, "text": page(8)}).encode(), None),
]


def _bad_input() -> bytes:
    return b"".join(line + b"\n" for line, _ in BAD_LINES)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_records_are_reported_with_line_numbers_and_skipped(jobs):
    proc = run("clean", "--jsonl", "--jobs", jobs, input=_bad_input())
    assert proc.returncode == 1
    out = read_jsonl(proc.stdout)
    assert [o["id"] for o in out] == [0, 8]
    assert out[1]["text"] == cleaner.clean(page(8))
    err = proc.stderr.decode()
    for lineno, (_, message) in enumerate(BAD_LINES, 1):
        if message:
            assert re.search(rf"^cleaner: <stdin>:{lineno}: .*{re.escape(message)}", err, re.M), err
    assert "8 documents (6 failed" in err
    assert "Traceback" not in err


def test_bad_records_can_be_passed_through_with_an_error_field():
    proc = run("clean", "--jsonl", "--on-error", "pass", input=_bad_input())
    assert proc.returncode == 1
    out = read_jsonl(proc.stdout)
    assert len(out) == 8
    assert "cleaner_error" not in out[0] and "cleaner_error" not in out[-1]
    by_line = dict(zip([1, 2, 3, 4, 5, 6, 7, 9], out))
    assert by_line[3] == {"id": 2, "body": "no text field",
                          "cleaner_error": "missing field 'text' (fields: \"id\", \"body\")"}
    assert by_line[4]["text"] == 42 and "not a string" in by_line[4]["cleaner_error"]
    assert by_line[2]["cleaner_input"].startswith('{"id": 1')
    assert "cleaner_error" in by_line[6] and "cleaner_input" in by_line[6]


def test_a_record_missing_its_field_is_reported_with_the_fields_it_has():
    """A misspelt ``--field`` fails every record: each report names the fields the record
    has, so the mistake shows in the first line of standard error (a record of many fields
    names a few of them)."""
    many = {f"f{n}": n for n in range(20)}
    proc = run("clean", "--jsonl", "--field", "htm",
               input=jsonl([{"url": "u", "html": page(1)}, many]))
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert "<stdin>:1: missing field 'htm' (fields: \"url\", \"html\")\n" in err
    assert '<stdin>:2: missing field \'htm\' (fields: "f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7" and 12 more)' in err


def test_a_record_field_the_output_replaces_is_said_once():
    """`split` writes index, title, kind and span into each record's object, and `clean`
    the text into --output-field: a record's own value there (a crawl's page title) was
    replaced without a word.  It is said once a run, on standard error."""
    records = [{"id": n, "title": f"Page {n}", "text": page(n)} for n in range(3)]
    proc = run("split", "--jsonl", input=jsonl(records))
    err = proc.stderr.decode()
    assert proc.returncode == 0 and read_jsonl(proc.stdout)
    assert err.count("warning: the records' own field 'title' is replaced in the output by each story's") == 1, err
    proc = run("clean", "--jsonl", "--field", "html", "--output-field", "text", "-q",
               input=jsonl([{"html": page(n), "text": "old", "kind": "x"} for n in range(2)]))
    assert proc.stderr.decode() == ("cleaner: warning: the records' own field 'text' is replaced "
                                    "in the output by the clean text\n")
    quiet = run("clean", "--jsonl", "-q", input=jsonl([{"text": page(1), "title": "Page"}]))
    assert quiet.returncode == 0 and quiet.stderr == b""


def test_all_good_records_exit_zero_and_summary_goes_to_stderr():
    proc = run("clean", "--jsonl", input=jsonl([{"text": page(1)}]))
    assert proc.returncode == 0
    err = proc.stderr.decode()
    assert re.search(r"^cleaner: 1 document \(0 failed", err, re.M), err
    assert re.search(r"^cleaner: lines kept \d+, dropped \d+", err, re.M)
    assert "\r" not in err  # no progress bar when stderr is not a terminal
    quiet = run("clean", "--jsonl", "-q", input=jsonl([{"text": page(1)}]))
    assert quiet.returncode == 0 and quiet.stderr == b""
    assert quiet.stdout == proc.stdout


def test_progress_bar_can_be_forced():
    proc = run("clean", "--jsonl", "--progress", input=jsonl([{"text": page(1)}] * 3))
    assert proc.returncode == 0
    assert "docs" in proc.stderr.decode() and "\r" in proc.stderr.decode()


def test_unreadable_file_is_a_failed_document_and_the_run_goes_on(tmp_path, pages):
    broken = tmp_path / "broken.txt.gz"
    broken.write_bytes(b"this is not gzip data")
    proc = run("clean", "--format", "jsonl", pages[0], broken, pages[1])
    assert proc.returncode == 2  # as grep: an input could not be read
    assert [Path(o["source"]).name for o in read_jsonl(proc.stdout)] == ["page0.txt", "page1.txt"]
    assert re.search(rf"^cleaner: {re.escape(str(broken))}: cannot read", proc.stderr.decode(), re.M)


def test_undecodable_bytes_in_a_text_file_are_decoded_not_fatal(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(page(2).encode("utf-8") + b"Caf\xe9 au lait.\n")
    proc = run("clean", path)
    assert proc.returncode == 0
    assert proc.stdout.decode() == cleaner.clean(path.read_bytes()) + "\n"


# --------------------------------------------------------------------------- usage errors


@pytest.mark.parametrize("args, message", [
    (["clean", "no/such/file.txt"], "no such file"),
    (["clean", "--preset", "fastest", "-"], "unknown preset 'fastest'"),
    (["clean", "--disable", "en.share.folow", "-"], "did you mean en.share.follow"),
    (["clean", "--set", "colour=red", "-"], "unknown option 'colour'"),
    (["clean", "--set", "context_reach=far", "-"], "context_reach"),
    (["clean", "--language", "english!", "-"], "ISO 639-1"),
    (["clean", "--jobs", "-3", "-"], "--jobs"),
    (["explain", "--columns", "label,colour", "-"], "unknown column colour"),
    (["frobnicate"], "invalid choice"),
    ([], "required"),
])
def test_usage_errors_exit_2_with_a_one_line_reason(args, message):
    proc = run(*args, input=b"")
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert message in err
    assert "Traceback" not in err


def test_output_file_may_not_be_an_input(pages):
    proc = run("clean", pages[0], "-o", pages[0])
    assert proc.returncode == 2
    assert pages[0].read_text() == page(0)  # not truncated


def test_output_file(tmp_path, pages):
    target = tmp_path / "out.txt"
    proc = run("clean", pages[0], "-o", target)
    assert proc.returncode == 0 and proc.stdout == b""
    assert target.read_text() == cleaner.clean(page(0)) + "\n"


# --------------------------------------------------------------------------- batch


def _varied_records(count: int) -> list[dict]:
    """A heavy first batch, then light records: with two workers the second batch is
    done before the first, so the output order depends on the reordering."""
    from cleaner.batch import BATCH_TASKS

    records = []
    for n in range(count):
        repeat = 6 if n < BATCH_TASKS else 1
        records.append({"id": n, "text": "\n\n".join(page(n + k) for k in range(repeat))})
    return records


def test_jobs_2_keeps_input_order_and_matches_jobs_1(tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_bytes(jsonl(_varied_records(200)))
    one = run("clean", "--jsonl", "--jobs", "1", path)
    two = run("clean", "--jsonl", "--jobs", "2", path)
    assert one.returncode == two.returncode == 0
    assert [o["id"] for o in read_jsonl(two.stdout)] == list(range(200))
    assert two.stdout == one.stdout
    split_one = run("split", "--jsonl", path)
    split_two = run("split", "--jsonl", "--jobs", "2", path)
    assert split_two.stdout == split_one.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_keeps_what_was_written_and_exits_130(tmp_path, jobs):
    source = tmp_path / "big.jsonl"
    source.write_bytes(jsonl({"id": n, "text": page(n)} for n in range(20000)))
    target = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleaner", "clean", "--jsonl", "--jobs", jobs, source, "-o", target],
        stderr=subprocess.PIPE, env=ENV, cwd=REPO, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while (not target.exists() or target.stat().st_size == 0) and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read()
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the whole process group
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:  # stuck: fail, but leave nothing running
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130, err
    data = target.read_bytes()
    assert data.endswith(b"\n")
    ids = [o["id"] for o in read_jsonl(data)]
    assert 0 < len(ids) < 20000
    assert ids == list(range(len(ids)))
    assert b"interrupted after" in err and b"Traceback" not in err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_closed_pipe_ends_quietly(jobs):
    data = jsonl({"id": n, "text": page(n)} for n in range(3000))
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleaner", "clean", "--jsonl", "-q", "--jobs", jobs, "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, cwd=REPO,
    )
    import threading

    def feed():
        try:
            proc.stdin.write(data)
            proc.stdin.close()
        except BrokenPipeError:  # the command stopped reading: expected
            pass

    feeder = threading.Thread(target=feed)
    feeder.daemon = True
    feeder.start()
    first = proc.stdout.readline()
    proc.stdout.close()
    try:
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:  # stuck: fail, but leave nothing running
            proc.kill()
            proc.wait()
        feeder.join(timeout=5)
    assert json.loads(first)["id"] == 0
    assert proc.returncode == 141
    assert b"Traceback" not in proc.stderr.read()


# --------------------------------------------------------------------------- split


def test_split_writes_one_object_per_article(pages):
    proc = run("split", *pages)
    assert proc.returncode == 0
    out = read_jsonl(proc.stdout)
    expected = []
    for n, path in enumerate(pages):
        for a in cleaner.split(page(n)):
            expected.append({"source": str(path), "index": a.index, "title": a.title,
                             "kind": a.kind, "span": list(a.span), "text": a.text})
    assert out == expected
    for obj in out:
        source = Path(obj["source"]).read_text()
        start, end = obj["span"]
        covered = source[start:end]
        assert all(line in covered for line in obj["text"].splitlines() if line)


def test_split_jsonl_carries_record_fields():
    proc = run("split", "--jsonl", "--output-field", "story", input=jsonl([{"id": 7, "text": page(3)}]))
    out = read_jsonl(proc.stdout)
    articles = cleaner.split(page(3))
    assert len(out) == len(articles) >= 1
    for obj, a in zip(out, articles):
        assert obj["id"] == 7 and obj["text"] == page(3) and obj["story"] == a.text
        assert obj["index"] == a.index and obj["kind"] == a.kind


# --------------------------------------------------------------------------- explain

LABEL = re.compile(r"^(?:(?:title|body|head|opt|teaser):\d+|drop:[a-z]+|-)$")


def seed_files() -> list[Path]:
    """The hand-labelled seeds: corpus/seeds in the repository, else ../shared/seeds."""
    for root in (REPO / "corpus" / "seeds", REPO.parent / "shared" / "seeds"):
        found = sorted(root.glob("*.labels.tsv"))
        if found:
            return found
    return []


def _labelled_fixture(tmp_path) -> Path:
    """A text with a labels file of our own, in the corpus's format."""
    text = page(5)
    labels = []
    for line in text.splitlines():
        labels.append("-\t" if not line.strip() else f"body:0\t{line}")
    (tmp_path / "own.txt").write_text(text)
    (tmp_path / "own.labels.tsv").write_text("\n".join(labels) + "\n")
    return tmp_path / "own.labels.tsv"


def _check_round_trip(labels_path: Path) -> None:
    text_path = labels_path.with_name(labels_path.name.replace(".labels.tsv", ".txt"))
    rows = labels_path.read_text(encoding="utf-8").split("\n")
    if rows and rows[-1] == "":
        rows.pop()
    proc = run("explain", "--columns", "label,text", text_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8").split("\n")
    assert out.pop() == ""
    # One row per line of the text, the same line text as the labels file: the two
    # files can be compared line by line (`diff`, `paste`).
    assert len(out) == len(rows)
    for mine, theirs in zip(out, rows):
        my_label, my_text = mine.split("\t", 1)
        their_label, their_text = theirs.split("\t", 1)
        assert my_text == their_text
        assert LABEL.match(my_label), my_label
        assert (my_label == "-") == (their_label == "-")
    analysis = cleaner.analyze(text_path.read_text(encoding="utf-8"))
    assert [row.split("\t", 1)[0] for row in out] == analysis.labels()


def test_explain_rows_line_up_with_a_labels_file(tmp_path):
    _check_round_trip(_labelled_fixture(tmp_path))


@pytest.mark.parametrize("labels", seed_files(), ids=lambda p: p.name.split(".")[0])
def test_explain_rows_line_up_with_the_seed_labels(labels):
    _check_round_trip(labels)


def test_explain_default_columns_and_source_for_several_documents(pages):
    one = run("explain", pages[0]).stdout.decode().splitlines()
    analysis = cleaner.analyze(page(0))
    assert len(one) == len(analysis.verdicts)
    for row, v, label in zip(one, analysis.verdicts, analysis.labels()):
        cells = row.split("\t")
        assert cells[0] == label and cells[1] == v.final.rule and cells[-1] == v.line.raw
    many = run("explain", *pages[:2]).stdout.decode().splitlines()
    assert [r.split("\t")[0] for r in many] == (
        [str(pages[0])] * len(one) + [str(pages[1])] * len(cleaner.analyze(page(1)).verdicts))
    rows = run("explain", "--jsonl", input=jsonl([{"text": page(0)}, {"text": page(1)}]))
    sources = {r.split("\t")[0] for r in rows.stdout.decode().splitlines()}
    assert sources == {"<stdin>:1", "<stdin>:2"}


# --------------------------------------------------------------------------- rules


def _rules(*args) -> list[dict]:
    proc = run("rules", "--format", "jsonl", *args)
    assert proc.returncode == 0, proc.stderr
    return read_jsonl(proc.stdout)


def test_rules_lists_the_whole_registry():
    from cleaner.catalogue import load_rules
    from cleaner.registry import registry

    rows = _rules()
    assert [r["id"] for r in rows if r["kind"] == "pattern"] == [r.id for r in load_rules()]
    assert {r["id"] for r in rows} == set(registry())


def test_rules_filters_by_category_and_language():
    from cleaner.catalogue import load_rules

    share = _rules("--category", "share")
    assert share and {r["category"] for r in share} == {"share"}
    assert [r["id"] for r in share] == [r.id for r in load_rules() if r.category == "share"]
    builtin = _rules("--language", "*")
    assert builtin and all(r["kind"] == "builtin" for r in builtin)
    english = _rules("--language", "en", "--category", "share,nav")
    assert [r["id"] for r in english] == [
        r.id for r in load_rules() if r.language == "en" and r.category in ("share", "nav")]
    none = run("rules", "--language", "ko")  # an ISO 639-1 code without rules
    assert none.returncode == 0 and none.stdout == b"" and b"no rule matches" in none.stderr
    assert _rules("--language", "EN", "--category", "share,nav") == english


@pytest.mark.parametrize("args, message", [
    (["--language", "klingon"], "--language: language must be an ISO 639-1 code"),
    (["--language", "xx"], "--language: language must be an ISO 639-1 code"),
    (["--category", "sharee"], "--category: unknown category 'sharee'; categories: ad,"),
])
def test_rules_refuses_a_filter_that_names_nothing(args, message):
    """As the document commands refuse them: exit 2 and one line, not an empty list."""
    proc = run("rules", *args)
    assert proc.returncode == 2 and proc.stdout == b""
    assert proc.stderr.decode().startswith(f"cleaner: {message}")


def test_rules_refuses_a_language_with_the_test_and_words_of_every_language_option(capsys):
    """A ``rules --language`` filter that names no rules is tested as every language
    option is (`cleaner.validate.iso_code`) and refused in the same words as
    ``clean --language``, then told which languages have rules."""
    from cleaner import cli
    from cleaner.validate import iso_code

    with pytest.raises(ValueError) as api:
        iso_code("xx")
    assert cli.main(["clean", "--language", "xx", "-"]) == 2
    assert capsys.readouterr().err == f"cleaner: --language: {api.value}\n"
    assert cli.main(["rules", "--language", "xx"]) == 2
    assert capsys.readouterr().err.startswith(f"cleaner: --language: {api.value}; rules are listed for *, ")


def test_a_language_without_stopwords_is_warned_of_once(tmp_path, capsys):
    from cleaner import cli

    path = tmp_path / "page.txt"
    path.write_text(PROSE[0], encoding="utf-8")
    assert cli.main(["clean", "--language", "XH", str(path)]) == 0
    err = capsys.readouterr().err
    assert err.count("warning: cleaner knows no stopwords or patterns for language 'xh'") == 1, err


def test_a_language_flag_is_tested_and_folded_once(monkeypatch):
    """``--language`` is tested for an ISO 639-1 code once, by `Options.make` (its
    `check_language`), which also folds it; the command line only names the flag."""
    from cleaner import cli, validate
    from cleaner.arguments import build_parser

    tested, iso_code = [], validate.iso_code

    def counted(code):
        tested.append(code)
        return iso_code(code)

    monkeypatch.setattr(cli, "iso_code", counted)
    monkeypatch.setattr(validate, "iso_code", counted)
    options = cli.make_options(build_parser().parse_args(["clean", "--language", "DE", "-"]))
    assert (options.language, tested) == ("de", ["DE"])


def test_disabled_rule_ids_are_tested_once(monkeypatch, capsys):
    """``--disable`` ids are tested once, by `Options.make` (its `check_rules`); the
    command line only names the flag in the refusal."""
    from cleaner import cli, options, validate
    from cleaner.arguments import build_parser

    tested, check_rules = [], validate.check_rules

    def counted(ids):
        tested.append(sorted(ids))
        return check_rules(ids)

    monkeypatch.setattr(options, "_MADE", {})  # no options made by an earlier test
    monkeypatch.setattr(cli, "check_rules", counted, raising=False)
    monkeypatch.setattr(validate, "check_rules", counted)
    made = cli.make_options(build_parser().parse_args(["clean", "--disable", "html.links,block.", "-"]))
    assert (made.disabled_rules, tested) == (frozenset({"html.links", "block."}), [["block.", "html.links"]])
    with pytest.raises(cli.UsageError, match=r"^--disable: unknown rule 'html.linkz'; did you mean html.links"):
        cli.make_options(build_parser().parse_args(["clean", "--disable", "html.linkz", "-"]))


def test_rules_help_examples_are_categories_rules_have():
    from cleaner.arguments import build_parser
    from cleaner.cli import rule_rows

    rules = next(a for a in build_parser()._subparsers._group_actions[0].choices["rules"]._actions
                 if a.dest == "category")
    examples = re.search(r"e\.g\. ([\w, ]+)\)", rules.help).group(1).split(", ")
    assert examples and set(examples) <= {r["category"] for r in rule_rows()}


def test_rules_table_and_tsv():
    table = run("rules", "--category", "share").stdout.decode().splitlines()
    assert table[0].split() == ["ID", "LANGUAGE", "CATEGORY", "GUARDS", "NOTE"]
    tsv = run("rules", "--format", "tsv", "--category", "share").stdout.decode().splitlines()
    assert tsv[0] == "id\tlanguage\tcategory\tguards\tnote"
    assert len(tsv) == len(table) == len(_rules("--category", "share")) + 1
    assert all(len(row.split("\t")) == 5 for row in tsv)
