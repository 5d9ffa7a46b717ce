"""Case files (tests/cases/*.toml): input, exact expected output, comment, known failures
as strict xfail; and a text with no boilerplate that must come back unchanged."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from cleaner import clean
from cleaner.segment import normalize

CASES = Path(__file__).parent / "cases"


def _load():
    for path in sorted(CASES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data["case"]:
            marks = []
            if "xfail" in case:
                marks.append(pytest.mark.xfail(reason=case["xfail"], strict=True))
            yield pytest.param(case, id=f"{path.stem}:{case['name']}", marks=marks)


@pytest.mark.parametrize("case", list(_load()))
def test_case(case):
    assert clean(case["input"]) == case["expected"], case["comment"]


def test_body_without_boilerplate_survives_unchanged():
    text = (CASES / "must_survive.txt").read_text(encoding="utf-8")
    expected = "\n".join(normalize(line) for line in text.strip().splitlines())
    assert clean(text) == expected
