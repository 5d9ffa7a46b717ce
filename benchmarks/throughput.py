"""Throughput of `cleaner clean --jsonl` on a large JSONL file, with 1 and 2 worker processes.

The input is made from the development pages: each page's HTML is turned into a text dump
with inscriptis (as a scraper that keeps page text would store it), one JSONL record per
page, repeated until the file reaches ``--size-mb`` (default 100 MB).  Each run is the
real command in a subprocess writing to /dev/null; reported per run: wall time,
documents/s, MB/s of input, CPU seconds, the peak resident memory of the largest single
process (``wait4`` resource usage), and the peak summed over the command's process tree
(sampled from /proc every 0.1 s, Linux only).

    python3 benchmarks/throughput.py                 # 100 MB, --jobs 1 and 2
    python3 benchmarks/throughput.py --size-mb 10 --jobs 1,2,4

Numbers depend on the machine and on what else runs on it; run it on an idle machine.
Generated files go to benchmarks/out/ (not committed).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "out"


def page_files() -> list[Path]:
    """HTML pages of the development corpus: corpus/ in the repository, else ../shared."""
    for pattern_root in (REPO / "corpus", REPO.parent / "shared" / "corpus-dev"):
        found = sorted(pattern_root.glob("**/html/*.gz")) if pattern_root.is_dir() else []
        if found:
            return found
    raise SystemExit("no pages found under corpus/ or ../shared/corpus-dev/")


def text_dumps(cache: Path) -> list[dict]:
    """One record per page: its inscriptis text dump (cached in benchmarks/out/)."""
    if cache.exists():
        return [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines()]
    from inscriptis import get_text

    records = []
    for path in page_files():
        html = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
        text = get_text(html)
        if text.strip():
            records.append({"page": f"{path.parent.parent.name}/{path.name}", "text": text})
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                     encoding="utf-8")
    return records


def build_input(size_mb: float) -> tuple[Path, int, int]:
    """The benchmark JSONL (pages repeated to at least ``size_mb``): path, records, bytes."""
    records = text_dumps(OUT / "pages.jsonl")
    target = OUT / f"throughput-{size_mb:g}mb.jsonl"
    lines = [json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n" for r in records]
    if not target.exists():
        written = count = 0
        with open(target, "wb") as fh:
            while written < size_mb * 1e6:
                for n, line in enumerate(lines):
                    fh.write(b'{"id": %d, ' % count + line[1:])
                    written += len(line) + 12
                    count += 1
    count = sum(1 for _ in open(target, "rb"))
    return target, count, target.stat().st_size


def _tree_rss(root: int) -> int:
    """Summed resident memory (bytes) of ``root`` and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
            with open(f"/proc/{entry}/statm", "rb") as fh:
                pages = int(fh.read().split()[1])
        except OSError:
            continue
        fields = stat[stat.rindex(b")") + 2:].split()
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = pages * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, ()))
    return total


def run_once(path: Path, jobs: int) -> dict:
    cmd = [sys.executable, "-m", "cleaner", "clean", "--jsonl", "--jobs", str(jobs), "-q",
           "-o", os.devnull, str(path)]
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=REPO, env=env)
    peak_tree = 0
    done = threading.Event()

    def sample():
        nonlocal peak_tree
        while not done.is_set():
            peak_tree = max(peak_tree, _tree_rss(proc.pid))
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - started
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited with {proc.returncode}")
    return {"jobs": jobs, "seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
            "max_rss": usage.ru_maxrss * 1024, "tree_rss": peak_tree, "status": proc.returncode}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=100, help="input size (default 100)")
    parser.add_argument("--jobs", default="1,2", help="comma-separated worker counts (default 1,2)")
    args = parser.parse_args(argv)

    path, docs, size = build_input(args.size_mb)
    print(f"input: {path.relative_to(REPO)}: {docs:,} documents, {size / 1e6:.1f} MB; "
          f"load average before: {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs", flush=True)
    print("| jobs | wall s | docs/s | MB/s | CPU s | peak RSS, largest process | peak RSS, all processes |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for jobs in [int(j) for j in args.jobs.split(",")]:
        r = run_once(path, jobs)
        print(f"| {jobs} | {r['seconds']:.1f} | {docs / r['seconds']:.1f} | "
              f"{size / 1e6 / r['seconds']:.2f} | {r['cpu']:.1f} | {r['max_rss'] / 1e6:.0f} MB | "
              f"{r['tree_rss'] / 1e6:.0f} MB |", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
