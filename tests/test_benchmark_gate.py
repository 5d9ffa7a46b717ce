"""The benchmark gate: every headline figure of benchmarks/evaluate.py must meet its limit
in benchmarks/baseline.json (a floor, or a ceiling for error rates such as Pk).

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
from benchmarks.corpora import PARTS, part_of, split_parts  # noqa: E402

FLOORS = floors.load()
SCORED = tuple(s for s in bench.SECTIONS if s != "speed")


@pytest.fixture(scope="session")
def result():
    return bench.evaluate(SCORED)


@pytest.fixture(scope="session")
def figures(result):
    return result["headline"]


def test_baseline_file_has_limits():
    assert FLOORS, f"{floors.BASELINE} holds no limits"
    doc = json.loads(floors.BASELINE.read_text(encoding="utf-8"))
    for kind in ("floors", "ceilings"):
        for key, value in doc.get(kind, {}).items():
            assert value == round(value, floors.DECIMALS), f"{key}: not rounded to 3 decimals"
            assert (kind == "ceilings") == floors.lower_is_better(key), f"{key} is under {kind}"


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_figure_meets_its_limit(result, figures, key):
    problems = floors.failures(figures, {key: FLOORS[key]})
    row = next((r for r in result["rows"] if r["id"] == key.rpartition(".")[0]), None)
    crashes = f" ({row['note']})" if row and "raised" in row["note"] else ""
    assert not problems, (
        problems[0] + crashes + ".  If the drop is intended, run `python3 benchmarks/evaluate.py "
        "--update-baseline --allow-lower REASON` and put the reason in the commit message."
    )


def test_every_headline_figure_has_a_floor(figures):
    missing = sorted(set(figures) - set(FLOORS))
    assert not missing, (
        f"headline figures without a limit: {', '.join(missing)}; pin them with "
        "`python3 benchmarks/evaluate.py --update-baseline`"
    )


def test_dev_set_floors_sit_on_the_check_part():
    """A floor on a dev set's figure measures pages no rule was tuned on."""
    dev = [k for k in FLOORS if k.split(".")[0] in ("text", "html")]
    assert dev, "no floor on a dev set"
    assert [k for k in dev if k.split(".")[2] != "check"] == []


def test_every_html_set_has_its_peers_on_every_part(result):
    ids = {r["id"] for r in result["rows"]}
    for set_id in ("scrapinghub", "trafilatura-eval"):
        for scope in ("", *(f"{p}." for p in PARTS)):
            for system in ("trafilatura", "trafilatura_precision", "readability", "clean_html"):
                assert f"html.{set_id}.{scope}{system}" in ids


# -- the split into a tuning part and a check part -------------------------------------------

def test_split_is_fixed_and_about_two_to_one():
    keys = [f"page-{i}" for i in range(3000)]
    parts = split_parts(keys, key=str)
    assert parts == split_parts(keys, key=str)  # deterministic
    assert sorted(parts["tune"] + parts["check"]) == sorted(keys)  # a partition
    assert 0.30 < len(parts["check"]) / len(keys) < 0.37
    assert all(part_of(k) == "check" for k in parts["check"])


# -- the floor rules themselves --------------------------------------------------------------

def test_tighten_never_loosens_without_a_reason():
    new, changes = floors.tighten({"a": 0.5, "b": 0.9, "c": 0.7}, {"a": 0.6, "b": 0.8})
    assert new == {"a": 0.6, "b": 0.9, "c": 0.7}
    assert any(c.startswith("a: floor kept at 0.600") for c in changes)


def test_ceilings_only_fall():
    new, _ = floors.tighten({"x.pk": 0.2, "y.pk": 0.1}, {"x.pk": 0.15, "y.pk": 0.12})
    assert new == {"x.pk": 0.15, "y.pk": 0.1}
    assert floors.failures({"x.pk": 0.151}, {"x.pk": 0.15}) == ["x.pk: 0.151 is above its ceiling 0.150"]
    assert floors.failures({"x.pk": 0.1}, {"x.pk": 0.15}) == []


def test_allow_lower_loosens_and_says_why():
    new, changes = floors.tighten({"a": 0.5}, {"a": 0.6}, allow_lower="new metric")
    assert new == {"a": 0.5}
    assert changes == ["a: LOOSENED 0.600 -> 0.500 (new metric)"]


def test_save_and_load_round_trip(tmp_path):
    path = tmp_path / "baseline.json"
    floors.save({"a.f1": 0.91234, "b.pk": 0.1}, path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["floors"] == {"a.f1": 0.912} and doc["ceilings"] == {"b.pk": 0.1}
    assert floors.load(path) == {"a.f1": 0.912, "b.pk": 0.1}


def test_failures_compare_at_three_decimals():
    assert floors.failures({"a": 0.89951}, {"a": 0.9}) == []  # rounds to 0.900
    assert floors.failures({"a": 0.8994}, {"a": 0.9}) == ["a: 0.899 is below its floor 0.900"]
    assert floors.failures({}, {"a": 0.9}) == ["a: floor 0.900 but the evaluation reports no such figure"]


def test_update_baseline_refuses_partial_runs(capsys):
    with pytest.raises(SystemExit):
        bench.main(["--update-baseline", "--limit", "3"])
    assert "full run" in capsys.readouterr().err


def test_every_family_is_scored_and_pinned_flat_too(result, figures):
    """Each multi-article family's rows come laid out flat as well (no line indented), with
    the same parts, and their headline figures have limits like the indented ones'."""
    ids = {r["id"] for r in result["rows"]}
    from benchmarks.multiarticle import FAMILIES

    for family in FAMILIES:
        for part in ("tune", "check"):
            rid = f"multiarticle.{family.name}.{part}.split"
            flat_rid = f"multiarticle.{family.name}/flat.{part}.split"
            assert (rid in ids) == (flat_rid in ids), flat_rid
            if flat_rid in ids:
                for metric in ("f1", "pk", "windowdiff"):
                    assert f"{flat_rid}.{metric}" in figures and f"{flat_rid}.{metric}" in FLOORS
    assert any("/flat.check" in rid for rid in ids)
