"""`CleanerStep` inside real datatrove pipelines: JSONL shards in, JSONL shards out.

Every input document must come out exactly once (or be counted and written as dropped),
in the output shard of the task that read it, with the text `cleaner` gives when called
directly.  The Ray test runs when ray is installed, on a local two-CPU cluster.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from cleaner import PRESETS, analyze, clean, split
from cleaner.types import DROP_CATEGORIES
from stand_ins import PanicException, failing_on

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"

needs_datatrove = pytest.mark.skipif(
    importlib.util.find_spec("datatrove") is None,
    reason="datatrove is not installed (pip install 'cleaner[datatrove]')",
)
needs_ray = pytest.mark.skipif(
    importlib.util.find_spec("ray") is None, reason="ray is not installed (pip install ray)"
)

TASKS, WORKERS, FILES = 4, 2, 6

# Generic text written for these tests.
PROSE = [
    "The city council approved a new budget on Monday after a long debate about the cost "
    "of repairing the old bridge over the river.",
    "Officials said the work would begin in the spring and that traffic would be sent along "
    "the northern road while the crews were on site.",
    "Several residents told the meeting that they had waited for years for the repairs and "
    "hoped the plan would finally go ahead this time.",
    "A small museum in the hills has reopened its doors to visitors after a two year closure "
    "that was caused by a leak in the roof.",
    "The curators said they had used the time to clean the paintings and to write new labels "
    "for every room of the old house.",
]
TEASER = (
    "Farmers in the valley are preparing for a harvest that could be the largest in a decade, "
    "according to a survey of growers published by the regional office and the…"
)
CHROME = ["Share this article", "Follow us", "Sign up for our newsletter", "Privacy policy"]


def synthetic_documents() -> list[str]:
    docs = []
    for n in range(12):
        body = [PROSE[(n + k) % len(PROSE)] for k in range(2 + n % 3)]
        lines = CHROME[: n % 3] + [""] + "\n\n".join(body).split("\n") + [""] + CHROME[2:]
        if n % 4 == 1:
            lines += ["", TEASER]
        docs.append("\n".join(lines))
    docs.append("\n".join(CHROME))  # nothing to keep: dropped
    docs.append("   \n\n ")  # blank: dropped
    return docs


def input_documents() -> list[dict]:
    texts = synthetic_documents()
    if SEEDS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return [{"id": f"doc-{i:03d}", "text": t, "metadata": {"origin": f"test-{i % 3}"}}
            for i, t in enumerate(texts)]


def write_shards(folder: Path, docs: list[dict]) -> dict[str, str]:
    """Deal ``docs`` over FILES shards; return each id's shard file name."""
    folder.mkdir(parents=True)
    where = {}
    for f in range(FILES):
        name = f"part-{f:02d}.jsonl"
        with open(folder / name, "w", encoding="utf-8") as out:
            for doc in docs[f::FILES]:
                out.write(json.dumps(doc) + "\n")
                where[doc["id"]] = name
    return where


def read_jsonl_folder(folder: Path) -> dict[str, list[dict]]:
    found = {}
    if folder.is_dir():
        for path in sorted(folder.glob("*.jsonl")):
            found[path.name] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return found


def step_stats(logging_dir: Path, position: int = 1) -> dict[str, float]:
    """Totals of the pipeline step at ``position`` from the executor's merged stats.json."""
    stats = json.loads((logging_dir / "stats.json").read_text())[position]
    return {name: value["total"] if isinstance(value, dict) else value
            for name, value in stats["stats"].items()}


def build_pipeline(in_dir: Path, out_dir: Path, excluded_dir: Path, **step_args):
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.integrations.datatrove import CleanerStep

    return [
        JsonlReader(str(in_dir)),
        CleanerStep(exclusion_writer=JsonlWriter(str(excluded_dir), output_filename="${rank}.jsonl",
                                                 compression=None), **step_args),
        JsonlWriter(str(out_dir), output_filename="${rank}.jsonl", compression=None),
    ]


def clean_with(text: str, options: dict) -> str:
    """`clean` with the options a `CleanerStep` was given (``preset`` is its first argument)."""
    options = dict(options)
    return clean(text, options.pop("preset", None), **options)


def check_clean_run(tmp_path: Path, docs: list[dict], options: dict, shard_of: dict[str, str]) -> None:
    """Every document out once, in its reader's shard, in order, with clean()'s text."""
    from datatrove.io import get_datafolder

    out = read_jsonl_folder(tmp_path / "out")
    excluded = read_jsonl_folder(tmp_path / "excluded")
    by_id = {d["id"]: d for d in docs}

    seen = Counter(d["id"] for shard in [*out.values(), *excluded.values()] for d in shard)
    assert set(seen) == set(by_id)
    assert max(seen.values()) == 1

    folder = get_datafolder(str(tmp_path / "in"))
    expected_dropped = []
    for rank in range(TASKS):
        files = folder.get_shard(rank, TASKS)
        expected = [d for name in files for d in docs if shard_of[d["id"]] == name]  # read order
        kept = [d for d in expected if clean_with(d["text"], options)]
        got = out.get(f"{rank:05d}.jsonl", [])
        assert [d["id"] for d in got] == [d["id"] for d in kept], f"task {rank}"
        for produced in got:
            source = by_id[produced["id"]]
            assert produced["text"] == clean_with(source["text"], options)
            assert produced["metadata"]["origin"] == source["metadata"]["origin"]
            check_record(produced["metadata"]["cleaner"], source["text"], produced["text"])
        dropped = excluded.get(f"{rank:05d}.jsonl", [])
        assert [d["id"] for d in dropped] == [d["id"] for d in expected if d not in kept]
        for d in dropped:
            assert d["text"] == by_id[d["id"]]["text"]  # written unchanged
            assert d["metadata"]["filter_reason"] == "empty"
        expected_dropped += dropped

    stats = step_stats(tmp_path / "logs")
    assert stats["total"] == len(docs)
    assert stats["forwarded"] == len(docs) - len(expected_dropped)
    assert stats["dropped"] == stats["dropped_empty"] == len(expected_dropped) >= 2


def check_record(record: dict, source: str, text: str) -> None:
    """The metadata record agrees with the output: every non-blank input line is either in
    the text or counted as removed, by category and rule."""
    non_blank = sum(1 for line in source.splitlines() if line.strip())
    out_lines = sum(1 for line in text.splitlines() if line.strip())
    assert record["lines_kept"] == out_lines
    assert record["lines_kept"] + record["lines_removed"] == non_blank
    assert set(DROP_CATEGORIES) <= set(record["removed"])
    assert sum(record["removed"].values()) == record["lines_removed"]
    assert bool(record["rules"]) == bool(record["lines_removed"])
    analysis = analyze(source)
    assert record["language"] == analysis.language


@needs_datatrove
@pytest.mark.parametrize(
    "options",
    [{}, {"preset": "precision", "keep_title": "always", "disabled_rules": ["en.share."]}],
    ids=["default", "precision-titles-without-share-rules"],
)
def test_local_executor_clean(tmp_path, options):
    from datatrove.executor import LocalPipelineExecutor

    docs = input_documents()
    shard_of = write_shards(tmp_path / "in", docs)
    if options:  # the options must change the outcome, or this case tests nothing
        assert any(clean(d["text"]) != clean_with(d["text"], options) for d in docs)
    LocalPipelineExecutor(
        build_pipeline(tmp_path / "in", tmp_path / "out", tmp_path / "excluded", **options),
        tasks=TASKS, workers=WORKERS, logging_dir=str(tmp_path / "logs"),
    ).run()
    check_clean_run(tmp_path, docs, options, shard_of)


@needs_datatrove
def test_local_executor_split(tmp_path):
    from datatrove.executor import LocalPipelineExecutor

    docs = input_documents()
    write_shards(tmp_path / "in", docs)
    LocalPipelineExecutor(
        build_pipeline(tmp_path / "in", tmp_path / "out", tmp_path / "excluded", mode="split"),
        tasks=TASKS, workers=WORKERS, logging_dir=str(tmp_path / "logs"),
    ).run()
    out = [d for shard in read_jsonl_folder(tmp_path / "out").values() for d in shard]
    excluded = [d for shard in read_jsonl_folder(tmp_path / "excluded").values() for d in shard]
    children: dict[str, list[dict]] = {}
    for d in out:
        children.setdefault(d["metadata"]["cleaner"]["parent_id"], []).append(d)

    multi = 0
    for doc in docs:
        articles = split(doc["text"])
        got = children.get(doc["id"], [])
        assert [d["id"] for d in got] == [f"{doc['id']}/{a.index}" for a in articles]
        assert [d["text"] for d in got] == [a.text for a in articles]
        for d, a in zip(got, articles):
            record = d["metadata"]["cleaner"]
            assert (record["story"], record["stories"], record["title"], record["kind"]) == (
                a.index, len(articles), a.title, a.kind)
            assert tuple(record["span"]) == a.span
            assert d["metadata"]["origin"] == doc["metadata"]["origin"]
        multi += len(articles) >= 2
        assert (doc["id"] in {d["id"] for d in excluded}) == (not articles)
    assert multi >= 1, "no input was split into several stories: the split check is empty"

    stats = step_stats(tmp_path / "logs")
    assert stats["total"] == len(docs)
    assert stats["stories"] == len(out)
    assert stats["dropped_empty"] == len(excluded) >= 2


@needs_datatrove
def test_step_records_removed_lines_and_counts_drops():
    from datatrove.data import Document

    from cleaner.integrations.datatrove import CleanerStep

    text = "\n".join(CHROME[:2] + [""] + PROSE[:3] + [""] + CHROME[2:])
    docs = [Document(text=text, id="a"), Document(text="\n".join(CHROME), id="b")]
    step = CleanerStep()
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == ["a"]
    record = out[0].metadata["cleaner"]
    check_record(record, text, out[0].text)
    dropped = [v for v in analyze(text).dropped()]
    assert Counter(v.final.category for v in dropped) == +Counter(record["removed"])
    assert record["rules"] == sorted({v.final.rule for v in dropped})
    assert step.stats["dropped_empty"].total == 1
    assert step.stats["total"].total == 2


@needs_datatrove
def test_step_options_are_checked_before_any_task():
    from cleaner.integrations.datatrove import CleanerStep

    with pytest.raises(TypeError, match="unknown option 'colour'"):
        CleanerStep(colour="red")
    with pytest.raises(ValueError, match="mode must be one of"):
        CleanerStep(mode="explain")
    with pytest.raises(ValueError, match="unknown preset"):
        CleanerStep(preset="fastest")


@needs_datatrove
def test_a_preset_given_as_the_mode_is_told_where_it_goes():
    """``CleanerStep("precision")`` gives the preset as the first argument, the mode."""
    from cleaner.integrations.datatrove import CleanerStep

    with pytest.raises(ValueError, match=r"not 'precision'; give a preset as preset='precision'"):
        CleanerStep("precision")
    assert CleanerStep(preset="precision").options == PRESETS["precision"]


@needs_datatrove
@pytest.mark.parametrize("error", [RuntimeError, PanicException])
def test_step_drops_a_failing_document_and_goes_on(monkeypatch, error):
    """A failure, a panic of the compiled core too, drops its document alone (reason
    ``error``); a panic used to end the task, losing every later document of it."""
    from datatrove.data import Document

    import cleaner.integrations.datatrove as integration

    from cleaner import pipeline

    monkeypatch.setattr(pipeline, "_analyze", failing_on(pipeline._analyze, error("simulated failure")))
    docs = [Document(text="boom", id="x"), Document(text="\n\n".join(PROSE), id="y")]
    step = integration.CleanerStep()
    assert [d.id for d in step.run(iter(docs))] == ["y"]
    assert step.stats["dropped_error"].total == 1
    with pytest.raises(RuntimeError, match="simulated"):  # a panic as cleaner.CoreError
        list(integration.CleanerStep(raise_errors=True).run(iter(docs[:1])))


@needs_datatrove
@pytest.mark.parametrize("stop", [KeyboardInterrupt, SystemExit])
def test_step_reraises_an_interrupt_inside_a_document(monkeypatch, stop):
    """Ctrl-C (or an exit) raised while one document is cleaned leaves the step, even
    without ``raise_errors``: it is no failure of that document to drop and count, and
    no later document is cleaned."""
    from datatrove.data import Document

    import cleaner.integrations.datatrove as integration

    seen = []
    monkeypatch.setattr(integration, "analyze", failing_on(integration.analyze, stop(), seen))
    docs = [Document(text="boom", id="x"), Document(text="\n\n".join(PROSE), id="y")]
    step = integration.CleanerStep()
    with pytest.raises(stop):
        list(step.run(iter(docs)))
    assert seen == ["boom"] and step.stats["dropped_error"].total == 0


def run_example(name: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, str(ROOT / "examples" / name), *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


@needs_datatrove
def test_local_example_demo_runs(tmp_path):
    spec = importlib.util.spec_from_file_location("datatrove_local", ROOT / "examples" / "datatrove_local.py")
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)

    result = run_example("datatrove_local.py", "--demo", str(tmp_path))
    assert result.returncode == 0, result.stderr[-2000:]
    out = [d for shard in read_jsonl_folder(tmp_path / "output").values() for d in shard]
    excluded = [d for shard in read_jsonl_folder(tmp_path / "excluded").values() for d in shard]
    expected = {f"page-{n}": clean(t) for n, t in enumerate(example.DEMO_PAGES)}
    assert {d["id"]: d["text"] for d in out} == {k: v for k, v in expected.items() if v}
    assert {d["id"] for d in excluded} == {k for k, v in expected.items() if not v}
    assert out and excluded


@needs_datatrove
def test_slurm_example_prints_the_job_script(tmp_path):
    result = run_example(
        "datatrove_slurm.py", str(tmp_path / "in"), str(tmp_path / "out"), "--logs", str(tmp_path / "logs"),
        "--partition", "cpu", "--venv", "/envs/cleaner/bin/activate", "--tasks", "3", "--workers", "2",
        "--print-script",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    script = result.stdout
    for line in ("#SBATCH --partition=cpu", "#SBATCH --array=0-2%2", "#SBATCH --cpus-per-task=1",
                 "source /envs/cleaner/bin/activate", "launch_pickled_pipeline"):
        assert line in script
    assert not (tmp_path / "out").exists()  # nothing ran


def test_importing_cleaner_does_not_import_datatrove():
    code = "import sys, cleaner; cleaner.clean('x'); print('datatrove' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_missing_datatrove_gives_an_install_hint():
    code = (
        "import sys; sys.modules['datatrove'] = None\n"
        "try:\n    import cleaner.integrations.datatrove\n"
        "except ImportError as e:\n    print(e)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "pip install 'cleaner[datatrove]'" in result.stdout


@needs_datatrove
@needs_ray
def test_ray_executor_clean(tmp_path):
    import ray
    from datatrove.executor import RayPipelineExecutor

    docs = input_documents()
    shard_of = write_shards(tmp_path / "in", docs)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             runtime_env={"env_vars": {"PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}})
    try:
        RayPipelineExecutor(
            build_pipeline(tmp_path / "in", tmp_path / "out", tmp_path / "excluded"),
            tasks=TASKS, workers=WORKERS, logging_dir=str(tmp_path / "logs"),
            cpus_per_task=1, mem_per_cpu_gb=0.5,
        ).run()
    finally:
        ray.shutdown()
    check_clean_run(tmp_path, docs, {}, shard_of)


@needs_datatrove
def test_step_passes_binary_bytes_on_unchanged_and_counts_them(caplog):
    """Bytes of a binary file are left as they are and counted as ``not_text``, as the
    Scrapy pipeline leaves them, not dropped as empty or as an error."""
    from datatrove.data import Document

    from cleaner.integrations.datatrove import CleanerStep

    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + PROSE[0].encode("utf-8")
    docs = [Document(text=png, id="img1"), Document(text=png, id="img2"),
            Document(text="\n\n".join(PROSE).encode("utf-8"), id="page")]
    step = CleanerStep()
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == ["img1", "img2", "page"]
    assert out[0].text == png and out[1].text == png and "cleaner" not in out[0].metadata
    assert out[2].text == clean("\n\n".join(PROSE))
    assert step.stats["not_text"].total == 2
    assert step.stats["forwarded"].total == 3  # each passed-on document counted once
    assert "dropped" not in step.stats.stats
