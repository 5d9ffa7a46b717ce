"""Throughput of cleaner inside a datatrove pipeline (documents/s, MB/s) with 1 and 2 workers.

Input: the text dumps of the dev pages (``inscriptis.get_text`` of
../shared/corpus-dev/*/html/*.gz) repeated until they reach ``--target-mb`` (default 100),
dealt round-robin into ``--shards`` JSONL files.  Each measured run is
JsonlReader -> CleanerStep -> JsonlWriter on datatrove's LocalPipelineExecutor with
``tasks = shards``, in a fresh Python process (so start-up, imports and worker spawning are
counted, as they would be for a user), timed wall-clock.

Then the command line runs on the same documents with ``--jobs`` set to each worker count,
or ``--compare CMD`` (repeatable) times other shell commands instead, e.g.::

    python3 benchmarks/datatrove_bench.py --compare "cleaner clean --jsonl --jobs 2 < {input} > {output}"

Placeholders: ``{input}`` one JSONL file with every document (``{"id", "text"}`` per line),
``{input_dir}`` the folder of shards, ``{shards}`` the shard paths separated by spaces,
``{output}`` a path the command may write to, ``{docs}`` the number of documents.

The machine is shared: keep runs short (``--target-mb 5`` for a smoke test).
"""

from __future__ import annotations

import argparse
import glob
import gzip
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = str(ROOT.parent / "shared" / "corpus-dev" / "*" / "html" / "*.gz")


def page_texts(pattern: str) -> list[tuple[str, str]]:
    """(key, text dump) of every page matching ``pattern``."""
    from inscriptis import get_text

    from cleaner.front.decode import decode

    texts = []
    for path in sorted(glob.glob(pattern)):
        text = get_text(decode(gzip.open(path).read()))
        if text.strip():
            key = f"{Path(path).parent.parent.name}/{Path(path).name.split('.')[0]}"
            texts.append((key, text))
    return texts


def write_shards(texts: list[tuple[str, str]], folder: Path, target_mb: float, shards: int) -> tuple[int, int]:
    """Repeat ``texts`` up to ``target_mb`` into ``shards`` JSONL files; (documents, bytes)."""
    folder.mkdir(parents=True)
    files = [open(folder / f"part-{i:03d}.jsonl", "w", encoding="utf-8") for i in range(shards)]
    docs = size = 0
    try:
        repeat = 0
        while size < target_mb * 1e6:
            for key, text in texts:
                files[docs % shards].write(json.dumps({"id": f"{key}#{repeat}", "text": text}) + "\n")
                docs += 1
                size += len(text.encode("utf-8"))
            repeat += 1
    finally:
        for f in files:
            f.close()
    return docs, size


def run_pipeline(input_dir: str, output_dir: str, logging_dir: str, tasks: int, workers: int,
                 mode: str, preset: str | None) -> None:
    """One measured run (called in a fresh process by `measure_pipeline`)."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.integrations.datatrove import CleanerStep

    LocalPipelineExecutor(
        [
            JsonlReader(input_dir),
            CleanerStep(mode, preset),
            JsonlWriter(output_dir, output_filename="${rank}.jsonl", compression=None),
        ],
        tasks=tasks, workers=workers, logging_dir=logging_dir,
    ).run()


def measure_pipeline(work: Path, tasks: int, workers: int, mode: str, preset: str | None) -> dict:
    out, logs = work / f"out-w{workers}", work / f"logs-w{workers}"
    cmd = [sys.executable, __file__, "--run-one", str(work / "shards"), str(out), str(logs),
           str(tasks), str(workers), mode, preset or ""]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    with open(work / f"stderr-w{workers}.log", "w") as err:
        start = time.perf_counter()
        subprocess.run(cmd, check=True, env=env, stderr=err, stdout=err)
        seconds = time.perf_counter() - start
    step = json.loads((logs / "stats.json").read_text())[1]
    stats = step["stats"]
    return {
        "seconds": seconds,
        "docs": stats["total"],
        "forwarded": stats.get("forwarded", 0),
        "dropped": stats.get("dropped", 0),
        "step_seconds": step["time_stats"]["total"],
    }


def measure_command(template: str, work: Path, docs: int) -> dict:
    shards = sorted((work / "shards").glob("*.jsonl"))
    single = work / "all.jsonl"
    if "{input}" in template and not single.exists():
        with open(single, "wb") as out:
            for shard in shards:
                out.write(shard.read_bytes())
    output = work / f"compare-{len(list(work.glob('compare-*')))}"
    command = template.format(input=shlex.quote(str(single)), input_dir=shlex.quote(str(work / "shards")),
                              shards=" ".join(shlex.quote(str(s)) for s in shards),
                              output=shlex.quote(str(output)), docs=docs)
    start = time.perf_counter()
    result = subprocess.run(command, shell=True, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "returncode": result.returncode, "stderr": result.stderr[-500:]}


def main(argv: list[str] | None = None) -> None:
    if argv is None and len(sys.argv) > 1 and sys.argv[1] == "--run-one":
        input_dir, output_dir, logging_dir, tasks, workers, mode, preset = sys.argv[2:9]
        run_pipeline(input_dir, output_dir, logging_dir, int(tasks), int(workers), mode, preset or None)
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", default=DEFAULT_PAGES, help="glob of gzipped HTML pages")
    parser.add_argument("--target-mb", type=float, default=100.0, help="input size in MB of text")
    parser.add_argument("--shards", type=int, default=8, help="input files (= datatrove tasks)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--mode", choices=["clean", "split"], default="clean")
    parser.add_argument("--preset", choices=["balanced", "precision", "recall"])
    parser.add_argument("--compare", action="append", default=[], metavar="CMD",
                        help="shell command to time on the same documents (see placeholders above); "
                             "default: `python -m cleaner clean --jsonl --jobs N` for each --workers N")
    parser.add_argument("--workdir", help="where shards and outputs go (default: a temporary folder, removed)")
    args = parser.parse_args(argv)

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="cleaner-datatrove-bench-"))
    try:
        start = time.perf_counter()
        texts = page_texts(args.pages)
        if not texts:
            sys.exit(f"no pages match {args.pages}")
        docs, size = write_shards(texts, work / "shards", args.target_mb, args.shards)
        mb = size / 1e6
        print(f"input: {len(texts)} page dumps repeated to {docs} documents, {mb:.1f} MB of text, "
              f"{args.shards} shards (prepared in {time.perf_counter() - start:.0f} s); "
              f"mode={args.mode} preset={args.preset or 'balanced'}; {os.cpu_count()} CPUs, shared: "
              f"'load' is the 1-minute load average just before each run\n")
        print("| run | workers | docs | MB | seconds | docs/s | MB/s | dropped | cleaner step s (sum over tasks) | load |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for workers in args.workers:
            load = os.getloadavg()[0]
            r = measure_pipeline(work, args.shards, workers, args.mode, args.preset)
            assert r["docs"] == docs, f"pipeline saw {r['docs']} of {docs} documents"
            print(f"| datatrove LocalPipelineExecutor, tasks={args.shards} | {workers} | {docs} | {mb:.1f} | "
                  f"{r['seconds']:.1f} | {docs / r['seconds']:.0f} | {mb / r['seconds']:.2f} | "
                  f"{r['dropped']} | {r['step_seconds']:.1f} | {load:.1f} |", flush=True)
        compare = args.compare or [
            f"{shlex.quote(sys.executable)} -m cleaner clean --jsonl --jobs {w} < {{input}} > {{output}}"
            for w in args.workers
        ]
        for template in compare:
            load = os.getloadavg()[0]
            r = measure_command(template, work, docs)
            status = "" if r["returncode"] == 0 else f" (exit {r['returncode']}: {r['stderr'].strip()})"
            print(f"| `{template}`{status} | - | {docs} | {mb:.1f} | {r['seconds']:.1f} | "
                  f"{docs / r['seconds']:.0f} | {mb / r['seconds']:.2f} | - | - | {load:.1f} |", flush=True)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
