"""Pathological inputs: does `analyze` stay linear in time, and bounded in memory?

Each case builds an input at 1x, 2x, 4x and 8x its base size and times `cleaner.analyze` on
it.  Time per MB should stay roughly constant as the size grows; the last column gives
time-per-MB at 8x divided by time-per-MB at 1x (about 1 for linear growth, about 8 for
quadratic).  At 8x the "single line" case is a 10 MB line without a break and "short
lines" is one million lines.

    python3 benchmarks/hostile.py              # every case, full sizes (a few minutes)
    python3 benchmarks/hostile.py --scale 0.1  # a tenth of the sizes, quick look
    python3 benchmarks/hostile.py --only url   # cases whose name contains 'url'

The memory table (``--memory``; also printed first by a full run) runs `analyze` on the
inputs memory is judged by, a 20 MB line without a break, 1,000,000 short lines (30 MB)
and a dump of 100,000 short stories (22 MB), at a hundredth, a tenth and all of that
size, each in a fresh subprocess: the peak resident set size while `analyze` runs, the
same less the process's size before the input was built (interpreter, `cleaner` and its
tables loaded and warmed up; so the input itself counts), that difference divided by the
input's size against its limit (``MEMORY_LIMITS``: 8, and 10 for the stories; "over" when
above it), and CPU seconds per MB (constant when time is linear).  On Linux the peak is
reset once the input is built (``/proc/self/clear_refs``), so what building it took does not count;
elsewhere the peak is the process's (``ru_maxrss``), building the input included.

    python3 benchmarks/hostile.py --memory     # the memory table only
    python3 benchmarks/hostile.py --memory --only HTML  # its cases whose name holds 'HTML'

The ways-in table (``--ways``; also printed by a full run) takes one dump of short stories
under share bars, at 1x (about 0.2 MB) and 4x, in each way into `cleaner`: the API
(`clean`), the command line (`cleaner clean` on a file, one job, in this process), the
Scrapy pipeline and the datatrove step: CPU seconds, best of ``--rounds``, and the 4x/1x
ratio (about 4 for linear growth, 16 for quadratic).

    python3 benchmarks/hostile.py --ways       # the ways-in table only

Times are CPU seconds of this process (`time.process_time`), so other work on a shared
machine does not inflate them.  This is a measurement, not a test: it asserts nothing and is not run in CI.  A case that
raises is reported with its exception; a size is skipped when the previous size already
took longer than ``--budget`` seconds.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cleaner import analyze  # noqa: E402

MB = 1_000_000
SENTENCE = "The council said on Tuesday that the new bridge would open before the harvest. "


def _fill(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


def _nested(chars: int) -> str:
    depth = chars // 8
    return "“«[(" * depth + "word" + ")]»”" * depth


def _html(chars: int) -> str:
    para = f"<div class='c'><p>{SENTENCE * 3}</p><a href='/x'>Share</a></div>\n"
    n = chars // len(para) + 1
    return "<!DOCTYPE html><html><head><title>t</title></head><body><article>" + para * n + "</article></body></html>"


def _deep_html(chars: int) -> str:
    depth = chars // 30
    return "<html><body>" + "<div><span>" * depth + SENTENCE + "</span></div>" * depth + "</body></html>"


def _tiny_paragraphs(chars: int) -> str:
    """A page of paragraphs holding a number each ("<p>123</p>"): an element every 9-12
    characters, so past `cleaner.front.extract.MAX_EXTRACTED_ELEMENTS` from about 0.5 MB."""
    out, size, i = [], 0, 0
    while size < chars:
        piece = f"<p>{i}</p>"
        out.append(piece)
        size += len(piece)
        i += 1
    return "<html><body>" + "".join(out) + "</body></html>"


#: Elements a nested stack of `_nested_stacks` opens.
STACK_DEPTH = 2000


def _nested_stacks(chars: int) -> str:
    """Stacks of `STACK_DEPTH` nested elements, each around a sentence: parsed whole (the
    parser reads to 2048), and deeper than `cleaner.front.dom.FLAT_DEPTH`."""
    stack = "<div>" * STACK_DEPTH + f"<p>{SENTENCE}</p>" + "</div>" * STACK_DEPTH
    return "<html><body>" + stack * max(1, chars // len(stack)) + "</body></html>"


#: name -> (builder taking a size in characters, base size in characters)
CASES: dict[str, tuple] = {
    "run of one char": (lambda n: "a" * n, 1_250_000),
    "run of dots": (lambda n: "." * n, 1_250_000),
    "repeated punctuation": (lambda n: _fill("?!…,;:'\"-()[]", n), 1_250_000),
    "single line (words)": (lambda n: _fill(SENTENCE, n), 1_250_000),
    "short lines": (lambda n: _fill("Short line\n", n), 125_000 * 11),  # 1M lines at 8x
    "blank lines only": (lambda n: "\n" * n, 1_250_000),
    "prose paragraphs": (lambda n: _fill(SENTENCE * 4 + "\n\n", n), 1_250_000),
    "many URLs": (lambda n: _fill("see https://example.org/a/b?x=1#y and www.example.com/z @user #tag\n", n), 1_250_000),
    "URLs one line": (lambda n: _fill("https://example.org/a/b?x=1 a@b.com ", n), 1_250_000),
    "nested quotes/brackets": (_nested, 1_250_000),
    "huge HTML": (_html, 1_250_000),
    "deeply nested HTML": (_deep_html, 250_000),
    "HTML nested 2000 deep": (_nested_stacks, 250_000),
    "HTML tiny paragraphs": (_tiny_paragraphs, 250_000),  # 2 MB, 200,000 paragraphs at 8x
    "control chars": (lambda n: _fill("\x00\x01\x1b[0m\x7f\u200b\ufeff\u2028x", n), 1_250_000),
    "many short stories": (lambda n: story_dump(n // STORY_BYTES), 1_250_000),  # 45,000 stories at 8x
}


def _short_lines(chars: int) -> str:
    """Distinct short lines of 30 bytes each ("Short line number 0000001 ok.")."""
    return "".join(f"Short line number {i:07d} ok.\n" for i in range(chars // 30))


#: The inputs memory is judged by: name -> (builder, full size in characters).
MEMORY_CASES: dict[str, tuple] = {
    "single line (20 MB)": (lambda n: _fill(SENTENCE, n), 20_000_000),
    "short lines (1M, 30 MB)": (_short_lines, 30_000_000),
    "many stories (100k, 22 MB)": (lambda n: story_dump(n // STORY_BYTES), 22_000_000),
    "HTML tiny paras (20 MB)": (_tiny_paragraphs, 20_000_000),
    "HTML prose paras (20 MB)": (_html, 20_000_000),
}
#: Peak memory allowed, as a multiple of the input's size: 8, but 10 for a dump of many
#: short stories, which measures 9.0-9.2x: the compiled core's reading of the document (a copy
#: of every line's text, the head evidence, the content words) is most of the rest.
MEMORY_LIMITS = {"many stories (100k, 22 MB)": 10.0}
MEMORY_FACTORS = (0.01, 0.1, 1.0)


def _warm_up() -> None:
    """Load the catalogues (one matcher per language, and the all-language one for text
    in no known language), the stoplists and the language index, and the HTML front door
    (lxml, trafilatura)."""
    from cleaner.catalogue import languages, matcher

    for code in [None, *languages()]:
        matcher(code)
    analyze(SENTENCE * 3 + "\nShare\n" + SENTENCE)
    analyze(f"<html><body><article><p>{SENTENCE}</p><p>{SENTENCE}</p></article></body></html>")


def _status_mb(field: str) -> float | None:
    """A field of /proc/self/status in MB (``VmRSS``: now, ``VmHWM``: the peak), or None
    where there is no such file."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for row in status:
                if row.startswith(field + ":"):
                    return int(row.split()[1]) / 1000  # kB
    except OSError:
        pass
    return None


def _reset_peak() -> bool:
    """Start the peak resident set size afresh (Linux); False where that cannot be done."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
        return True
    except OSError:
        return False


def _peak_mb() -> float:
    peak = _status_mb("VmHWM")
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000


def _child(name: str, chars: int) -> None:
    """Run in a fresh process: one memory case, its figures as JSON on standard output."""
    _warm_up()
    gc.collect()
    now = _status_mb("VmRSS")
    before = now if now is not None and _reset_peak() else _peak_mb()
    doc = MEMORY_CASES[name][0](chars)
    size = len(doc.encode("utf-8"))
    gc.collect()
    _reset_peak()
    start = time.process_time()
    analyze(doc)
    seconds = time.process_time() - start
    print(json.dumps({"mb": size / MB, "before": before, "peak": _peak_mb(), "cpu": seconds}))


def memory_table(scale: float, only: str = "") -> None:
    header = (f"{'case':26} {'input MB':>8} {'peak RSS MB':>11} {'less start MB':>13} "
              f"{'x input':>7} {'limit':>5} {'CPU s':>7} {'s/MB':>6}")
    print(header)
    print("-" * len(header))
    for name, (_, full) in MEMORY_CASES.items():
        if only and only not in name:
            continue
        for factor in MEMORY_FACTORS:
            chars = max(1000, int(full * factor * scale))
            done = subprocess.run([sys.executable, __file__, "--child", name, str(chars)],
                                  capture_output=True, text=True)
            if done.returncode:
                print(f"{name:26} failed: {done.stderr.strip().splitlines()[-1:]}", flush=True)
                continue
            r = json.loads(done.stdout)
            extra = r["peak"] - r["before"]
            limit = MEMORY_LIMITS.get(name, 8.0)
            over = " over" if extra / r["mb"] > limit else ""
            print(f"{name:26} {r['mb']:8.1f} {r['peak']:11.0f} {extra:13.0f} "
                  f"{extra / r['mb']:7.1f} {limit:5.0f} {r['cpu']:7.2f} {r['cpu'] / r['mb']:6.2f}{over}", flush=True)
    print()


#: Bytes per story of `story_dump`.
STORY_BYTES = 220


def story_dump(stories: int) -> str:
    """A dump of ``stories`` short stories, each under a share bar; no two lines alike."""
    return "".join(f"Share this article\nFollow us\n\nStory {i}: the council said on Tuesday that bridge "
                   f"{i} would open before harvest {i}, and that ferry {i} would keep running until "
                   f"then. The mayor of town {i} agreed with the plan.\n\n" for i in range(stories))


class _Stats:
    """The part of a Scrapy stats collector the pipeline uses: counts by key."""

    def __init__(self) -> None:
        self.values: dict[str, int] = {}

    def inc_value(self, key: str) -> None:
        self.values[key] = self.values.get(key, 0) + 1


def _flags(preset: str | None, overrides: dict) -> list[str]:
    """The command line flags for a preset and `Options` overrides."""
    flags = ["--preset", preset] if preset else []
    for key, value in overrides.items():
        if key == "language":
            flags += ["--language", value]
        elif key == "disabled_rules":
            flags += ["--disable", ",".join(value)]
        else:
            flags += ["--set", f"{key}={value}"]
    return flags


def _command_line(document, folder: Path, preset=None, overrides=None) -> tuple[int, str | None]:
    """Exit status and output text (None if no output was written) of `cleaner clean` on
    ``document`` as a file (text or bytes), else as the field of a JSON Lines record."""
    out = folder / "out.txt"
    out.unlink(missing_ok=True)
    if isinstance(document, (str, bytes, bytearray, memoryview)):
        source = folder / "in.txt"
        source.write_bytes(document.encode("utf-8") if isinstance(document, str) else bytes(document))
        argv = ["-q", "-o", str(out), str(source)]
    else:
        source = folder / "in.jsonl"
        source.write_text(json.dumps({"text": document}) + "\n", encoding="utf-8")
        argv = ["-q", "--format", "text", "-o", str(out), str(source)]
    from cleaner import cli

    try:
        status = cli.main(["clean", *_flags(preset, overrides or {}), *argv])
    except SystemExit as exc:  # argparse refuses a --preset it has no choice for
        status = exc.code
    return status, out.read_text(encoding="utf-8") if out.exists() else None


def ways_in() -> dict:
    """Way name -> a call ``(document, folder, preset=None, overrides=None)`` that puts
    ``document`` through that way into `cleaner` with those settings (``folder`` for its
    files) and returns what the way gives back, or the reason the way cannot run here.

    API: `clean`'s text.  Command line: exit status and output text (`_command_line`).
    Scrapy: the item ``{"text": document}`` after the pipeline, and the pipeline's stats.
    datatrove: the documents the step emits for one document, and the step's stats.
    """
    from cleaner import clean

    ways: dict = {"API": lambda document, folder, preset=None, overrides=None:
                  clean(document, preset, **(overrides or {})),
                  "command line": _command_line}
    try:
        from cleaner.integrations.scrapy import CleanerPipeline

        def scrapy(document, folder, preset=None, overrides=None):
            stats = _Stats()
            pipeline = CleanerPipeline(preset=preset, options=overrides or {}, stats=stats)
            return pipeline.process_item({"text": document}), stats.values

        ways["Scrapy"] = scrapy
    except ImportError as exc:
        ways["Scrapy"] = f"not installed ({exc.name})"
    try:
        from datatrove.data import Document

        from cleaner.integrations.datatrove import CleanerStep

        def datatrove(document, folder, preset=None, overrides=None):
            step = CleanerStep(preset=preset, **(overrides or {}))
            out = list(step.run(iter([Document(text=document, id="doc")])))
            return out, step.stats.to_dict()["stats"]

        ways["datatrove"] = datatrove
    except ImportError as exc:
        ways["datatrove"] = f"not installed ({exc.name})"
    return ways


def ways_table(scale: float, rounds: int) -> None:
    import tempfile

    stories = max(10, int(1000 * scale))
    documents = [story_dump(stories), story_dump(4 * stories)]
    header = f"{'way in':14} {'1x MB':>6} {'4x MB':>6} {'1x CPU s':>9} {'4x CPU s':>9} {'4x/1x':>6}"
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as folder:
        for name, way in ways_in().items():
            if isinstance(way, str):
                print(f"{name:14} {way}", flush=True)
                continue
            run = functools.partial(way, folder=Path(folder))
            run(documents[0])  # warm up (and raise here rather than time a failure)
            best = [min(_time(d, run)[0] for _ in range(rounds)) for d in documents]
            mbs = [len(d.encode("utf-8")) / MB for d in documents]
            print(f"{name:14} {mbs[0]:6.2f} {mbs[1]:6.2f} {best[0]:9.3f} {best[1]:9.3f} "
                  f"{best[1] / best[0]:6.2f}", flush=True)
    print()


def _time(document: str, call=analyze) -> tuple[float, str]:
    gc.collect()
    start = time.process_time()
    try:
        call(document)
    except Exception as exc:  # a measurement: report, do not stop
        return time.process_time() - start, f"{type(exc).__name__}: {exc}"[:60]
    return time.process_time() - start, ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size")
    parser.add_argument("--only", default="", help="run the cases whose name contains this")
    parser.add_argument("--budget", type=float, default=60.0,
                        help="skip larger sizes once one size took more CPU seconds than this")
    parser.add_argument("--memory", action="store_true",
                        help="only the memory table (peak RSS of each case in a subprocess)")
    parser.add_argument("--ways", action="store_true",
                        help="only the ways-in table (API, command line, Scrapy, datatrove)")
    parser.add_argument("--rounds", type=int, default=5,
                        help="rounds per size in the ways-in table; the best counts")
    parser.add_argument("--child", nargs=2, metavar=("CASE", "CHARS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child[0], int(args.child[1]))
        return 0
    if args.ways:
        ways_table(args.scale, args.rounds)
        return 0
    if args.memory or not args.only:
        memory_table(args.scale, args.only)
    if args.memory:
        return 0
    if not args.only:
        ways_table(args.scale, args.rounds)
    _warm_up()
    factors = (1, 2, 4, 8)
    header = f"{'case':26} {'1x MB':>7} " + " ".join(f"{f'{f}x s':>8}" for f in factors)
    header += " " + " ".join(f"{f'{f}x s/MB':>9}" for f in factors) + f" {'8x/1x':>6}"
    print(header)
    print("-" * len(header))
    for name, (build, base) in CASES.items():
        if args.only and args.only not in name:
            continue
        base = max(1000, int(base * args.scale))
        times, per_mb, errors = [], [], []
        for f in factors:
            if times and times[-1] > args.budget:
                times.append(float("nan"))
                per_mb.append(float("nan"))
                continue
            doc = build(base * f)
            size = len(doc.encode("utf-8", "surrogatepass")) / MB
            t, err = _time(doc)
            del doc
            times.append(t)
            per_mb.append(t / size)
            if err:
                errors.append(f"{f}x {err}")
        ratio = per_mb[-1] / per_mb[0] if per_mb[0] else float("nan")
        mb1 = len(build(base).encode("utf-8", "surrogatepass")) / MB
        row = f"{name:26} {mb1:7.2f} " + " ".join(f"{t:8.3f}" for t in times)
        row += " " + " ".join(f"{p:9.3f}" for p in per_mb) + f" {ratio:6.2f}"
        print(row, flush=True)
        for err in errors[:1]:
            print(f"{'':26} raised: {err}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
