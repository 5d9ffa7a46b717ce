"""The benchmark gate: every headline figure of benchmarks/evaluate.py must reach its floor
in benchmarks/baseline.json.

The evaluation runs once per session, in-process, on every bundled page (the speed section
is left out: speed is reported by the benchmark, never asserted).  To raise floors after an
improvement: ``python3 benchmarks/evaluate.py --update-baseline``.
"""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import evaluate as bench  # noqa: E402
from benchmarks import floors  # noqa: E402

FLOORS = floors.load()
SCORED = tuple(s for s in bench.SECTIONS if s != "speed")


@pytest.fixture(scope="session")
def figures():
    return bench.evaluate(SCORED)["headline"]


def test_baseline_file_has_floors():
    assert FLOORS, f"{floors.BASELINE} holds no floors"
    doc = json.loads(floors.BASELINE.read_text(encoding="utf-8"))
    for key, value in doc["floors"].items():
        assert value == round(value, floors.DECIMALS), f"{key}: floor not rounded to 3 decimals"


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_figure_reaches_floor(figures, key):
    problems = floors.failures(figures, {key: FLOORS[key]})
    assert not problems, (
        problems[0] + ".  If the drop is intended, run `python3 benchmarks/evaluate.py "
        "--update-baseline --allow-lower REASON` and put the reason in the commit message."
    )


def test_every_headline_figure_has_a_floor(figures):
    missing = sorted(set(figures) - set(FLOORS))
    assert not missing, (
        f"headline figures without a floor: {', '.join(missing)}; pin them with "
        "`python3 benchmarks/evaluate.py --update-baseline`"
    )


# -- the floor rules themselves --------------------------------------------------------------

def test_raise_floors_never_lowers_without_a_reason():
    new, changes = floors.raise_floors({"a": 0.5, "b": 0.9, "c": 0.7}, {"a": 0.6, "b": 0.8})
    assert new == {"a": 0.6, "b": 0.9, "c": 0.7}
    assert any(c.startswith("a: kept at 0.600") for c in changes)


def test_allow_lower_lowers_and_says_why():
    new, changes = floors.raise_floors({"a": 0.5}, {"a": 0.6}, allow_lower="new metric")
    assert new == {"a": 0.5}
    assert changes == ["a: LOWERED 0.600 -> 0.500 (new metric)"]


def test_failures_compare_at_three_decimals():
    assert floors.failures({"a": 0.89951}, {"a": 0.9}) == []  # rounds to 0.900
    assert floors.failures({"a": 0.8994}, {"a": 0.9}) == ["a: 0.899 is below its floor 0.900"]
    assert floors.failures({}, {"a": 0.9}) == ["a: floor 0.900 but the evaluation reports no such figure"]


def test_update_baseline_refuses_partial_runs(capsys):
    with pytest.raises(SystemExit):
        bench.main(["--update-baseline", "--limit", "3"])
    assert "full run" in capsys.readouterr().err
