"""The labelled-document loader: every corpus document loads, mismatches raise clearly."""

from pathlib import Path

import pytest

from cleaner.labels import LabelError, load_corpus, load_labelled, parse_label, parse_labels

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"


def test_every_seed_loads_and_matches_its_raw_text():
    docs = load_corpus(SEEDS)
    assert len(docs) == len(list(SEEDS.glob("*.txt"))) >= 5
    for doc in docs:
        raw = doc.text.split("\n")
        assert [line.text for line in doc.lines] == raw
        assert any(line.kind == "body" and line.story == 0 for line in doc.lines), doc.name


def test_seed_rows_keep_trailing_whitespace():
    # At least one seed line ends in a space; the loader must compare it exactly.
    lines = [line for doc in load_corpus(SEEDS) for line in doc.lines]
    assert any(line.text != line.text.rstrip() for line in lines)


def test_load_by_either_path(tmp_path):
    (tmp_path / "a.txt").write_text("Title here\n\nBody text.", encoding="utf-8")
    (tmp_path / "a.labels.tsv").write_text("title:0\tTitle here\n-\t\nbody:0\tBody text.\n", encoding="utf-8")
    for p in ("a", "a.txt", "a.labels.tsv"):
        doc = load_labelled(tmp_path / p)
        assert [l.label for l in doc.lines] == ["title:0", "-", "body:0"]


def test_crlf_lines_are_kept_as_segment_cuts_them(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"One line.\r\nTwo line.")
    (tmp_path / "a.labels.tsv").write_bytes(b"body:0\tOne line.\r\nbody:0\tTwo line.\r\n")
    doc = load_labelled(tmp_path / "a")
    assert [l.text for l in doc.lines] == ["One line.", "Two line."]


def test_parsed_fields():
    doc = parse_labels(
        "Head\nBody.\nShare\nMore\nSide\n",
        "head:0\tHead\nbody:2\tBody.\ndrop:share\tShare\nteaser:1\tMore\nopt:0\tSide\n",
    )
    got = [(l.index, l.kind, l.story, l.category) for l in doc.lines]
    assert got == [(0, "head", 0, None), (1, "body", 2, None), (2, "drop", None, "share"),
                   (3, "teaser", 1, None), (4, "opt", 0, None)]


def test_text_mismatch_names_file_and_line(tmp_path):
    (tmp_path / "doc.txt").write_text("First line.\nSecond line. \nThird.", encoding="utf-8")
    # Row 2 lost its trailing space: that is a mismatch.
    (tmp_path / "doc.labels.tsv").write_text(
        "body:0\tFirst line.\nbody:0\tSecond line.\nbody:0\tThird.", encoding="utf-8")
    with pytest.raises(LabelError, match=r"doc\.labels\.tsv line 2: text differs"):
        load_labelled(tmp_path / "doc.txt")


def test_row_count_mismatch(tmp_path):
    (tmp_path / "doc.txt").write_text("One.\nTwo.\nThree.", encoding="utf-8")
    (tmp_path / "doc.labels.tsv").write_text("body:0\tOne.\nbody:0\tTwo.\n", encoding="utf-8")
    with pytest.raises(LabelError, match=r"doc\.labels\.tsv: 2 rows but the raw text has 3 lines"):
        load_labelled(tmp_path / "doc")


@pytest.mark.parametrize(
    "row, message",
    [
        ("body\tText.", "has no ':'"),
        ("drop:weather\tText.", "unknown drop category 'weather'"),
        ("para:0\tText.", "unknown label kind 'para'"),
        ("body:x\tText.", "non-negative integer"),
        ("body:0 Text.", "no tab"),
        ("-\tText.", "not blank"),
    ],
)
def test_malformed_rows(row, message):
    with pytest.raises(LabelError, match="line 1: .*" + message):
        parse_labels("Text.", row, name="bad")


def test_blank_line_must_be_dash():
    with pytest.raises(LabelError, match="blank line labelled 'body:0'"):
        parse_labels("A.\n\nB.", "body:0\tA.\nbody:0\t\nbody:0\tB.")


def test_missing_file(tmp_path):
    (tmp_path / "lonely.txt").write_text("x", encoding="utf-8")
    with pytest.raises(LabelError, match="no such file"):
        load_labelled(tmp_path / "lonely.txt")


def test_parse_label_round_trip():
    for label in ("-", "title:0", "body:12", "head:1", "opt:0", "teaser:3", "drop:comments"):
        kind, story, category = parse_label(label)
        assert label == ("-" if kind == "blank" else
                         f"drop:{category}" if kind == "drop" else f"{kind}:{story}")
