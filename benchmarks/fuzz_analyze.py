"""Coverage-guided fuzzing of `cleaner.analyze` with atheris (libFuzzer for Python).

Each input is turned into a call of `analyze` on ``bytes`` (the decoding and HTML paths)
or on ``str`` (text, with the HTML front door on auto or off), under a random preset.
Besides exceptions it checks the cheap invariants: every line's offsets slice the source,
the output is made of source lines, ``clean`` agrees with ``analyze``.  A failure is
recorded (one reproducer per distinct failure, the shortest seen) and fuzzing goes on, so
one known bug does not hide the next; inputs slower than ``--slow`` seconds are recorded
too.  The run is bounded in time and not part of CI.

    pip install atheris
    python3 benchmarks/fuzz_analyze.py --seconds 120
    python3 benchmarks/fuzz_analyze.py --seconds 120 --out /tmp/fuzz   # keep reproducers
    python3 benchmarks/fuzz_analyze.py --replay /tmp/fuzz/crash-*      # re-run reproducers

The fuzzer starts from the seed dumps in ``corpus/seeds`` and a few small HTML pages.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

try:
    import atheris
except ImportError:  # pragma: no cover - depends on the machine
    atheris = None

if atheris is not None:
    with atheris.instrument_imports(include=["cleaner"]):
        import cleaner  # noqa: F401
        from cleaner import analyze, clean
        from cleaner.binary import binary_kind
        from cleaner.segment import normalize
else:  # still importable for --replay
    from cleaner import analyze, clean
    from cleaner.binary import binary_kind
    from cleaner.segment import normalize

PRESETS = ("balanced", "precision", "recall")
MODES = ("bytes", "str", "str-no-html", "str-html")


def run_one(data: bytes) -> None:
    """Decode one fuzz input into a call and check what comes back."""
    if len(data) < 2:
        return
    mode = MODES[data[0] % len(MODES)]
    preset = PRESETS[data[1] % len(PRESETS)]
    payload = data[2:]
    if mode == "bytes":
        document: str | bytes = payload
        overrides = {}
        if binary_kind(payload) is not None:  # refused: ValueError naming binary input
            try:
                analyze(document, preset)
            except ValueError as exc:
                if "binary input" in str(exc):
                    return
            raise AssertionError("binary bytes were not refused")
    else:
        # Arbitrary code points (lone surrogates included) from the payload.
        document = _to_str(payload)
        overrides = {"str-no-html": {"html": "never"}, "str-html": {"html": "always"}}.get(mode, {})
    a = analyze(document, preset, **overrides)
    src = a.source
    lines = [normalize(x) for x in src.splitlines()]
    for v in a.verdicts:
        if src[v.line.start:v.line.end] != v.line.raw:
            raise AssertionError(f"line {v.line.index} offsets do not slice the source")
    it = iter(lines)
    for out in (x for x in a.text.split("\n") if x):
        if not any(out == x for x in it):
            raise AssertionError(f"output line not in the source (in order): {out[:80]!r}")
    if clean(document, preset, **overrides) != a.text:
        raise AssertionError("clean() differs from analyze().text")


def _to_str(payload: bytes) -> str:
    """Bytes -> str reaching every code point: UTF-8 where it decodes, and pairs of bytes
    as code points (surrogates included) where it does not."""
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        pass
    chars = []
    for i in range(0, len(payload) - 1, 2):
        cp = (payload[i] << 8 | payload[i + 1]) % 0x110000
        chars.append(chr(cp))
    return "".join(chars)


class Recorder:
    """Distinct failures and slow inputs, with the shortest reproducer of each."""

    def __init__(self, out: Path, slow: float, deadline: float | None = None):
        self.deadline = deadline
        self.started = time.perf_counter()
        self.out = out
        self.slow = slow
        self.failures: dict[str, tuple[bytes, str]] = {}
        self.counts: dict[str, int] = {}
        self.slowest: list[tuple[float, bytes]] = []
        self.runs = 0

    def __call__(self, data: bytes) -> None:
        if self.deadline is not None and time.perf_counter() > self.deadline:
            # libFuzzer ends the process without running exit hooks: report here.
            print("\n" + self.report(time.perf_counter() - self.started), flush=True)
            os._exit(1 if self.failures else 0)
        self.runs += 1
        start = time.perf_counter()
        try:
            run_one(data)
        except Exception as exc:  # record and go on
            tb = traceback.extract_tb(exc.__traceback__)
            where = next((f for f in reversed(tb) if "/cleaner/" in f.filename), tb[-1])
            key = f"{type(exc).__name__} at {Path(where.filename).name}:{where.lineno}"
            self.counts[key] = self.counts.get(key, 0) + 1
            if key not in self.failures or len(data) < len(self.failures[key][0]):
                self.failures[key] = (data, f"{type(exc).__name__}: {exc}"[:300])
                self._save("crash", key, data)
        took = time.perf_counter() - start
        if took > self.slow:
            # A first input of its kind pays one-time costs (a language's catalogue
            # compiled, trafilatura's modules loaded): only a repeatable delay counts.
            again = time.perf_counter()
            try:
                run_one(data)
            except Exception:
                pass
            took = min(took, time.perf_counter() - again)
        if took > self.slow:
            self.slowest.append((took, data))
            self.slowest.sort(key=lambda t: -t[0])
            del self.slowest[5:]
            self._save("slow", f"{took:.3f}", data)

    def _save(self, kind: str, key: str, data: bytes) -> None:
        name = f"{kind}-{hashlib.sha1(key.encode()).hexdigest()[:10]}"
        (self.out / name).write_bytes(data)

    def report(self, seconds: float) -> str:
        rows = [f"runs: {self.runs} in {seconds:.0f} s ({self.runs / max(seconds, 1e-9):.0f}/s)"]
        if not self.failures:
            rows.append("failures: none")
        for key, (data, message) in sorted(self.failures.items()):
            rows.append(f"FAILURE {key} x{self.counts[key]}: {message}")
            rows.append(f"    shortest input ({len(data)} bytes): {data[:160]!r}")
        for took, data in self.slowest:
            rows.append(f"slow: {took:.2f} s on {len(data)} bytes: {data[:80]!r}")
        rows.append(f"reproducers in {self.out}")
        return "\n".join(rows)


def _seed_corpus(directory: Path) -> None:
    seeds = sorted((REPO / "corpus" / "seeds").glob("*.txt"))
    for i, path in enumerate(seeds):
        text = path.read_bytes()[:4000]
        (directory / f"seed-bytes-{i}").write_bytes(b"\x00\x00" + text)
        (directory / f"seed-str-{i}").write_bytes(b"\x01\x00" + text)
    html = (b"<!DOCTYPE html><html><head><title>T</title></head><body><article><h1>Head</h1>"
            b"<p>The council said on Tuesday that the bridge would open soon.</p>"
            b"<p>Share</p><p>It was built by the river near the old market.</p></article></body></html>")
    (directory / "html-bytes").write_bytes(b"\x00\x00" + html)
    (directory / "html-str").write_bytes(b"\x03\x01" + html)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=120, help="total fuzzing time")
    parser.add_argument("--max-len", type=int, default=8192, help="largest input in bytes")
    parser.add_argument("--slow", type=float, default=2.0, help="record inputs slower than this (s)")
    parser.add_argument("--out", type=Path, default=None, help="where reproducers go")
    parser.add_argument("--replay", nargs="*", type=Path, help="run these inputs once and report")
    args, rest = parser.parse_known_args(argv)

    out = args.out or Path(tempfile.mkdtemp(prefix="cleaner-fuzz-"))
    out.mkdir(parents=True, exist_ok=True)
    recorder = Recorder(out, args.slow)
    if args.replay:
        for path in args.replay:
            recorder(path.read_bytes())
        print(recorder.report(time.perf_counter() - recorder.started))
        return 1 if recorder.failures else 0
    if atheris is None:
        print("atheris is not installed (pip install atheris); nothing to fuzz with", file=sys.stderr)
        return 2

    corpus = Path(tempfile.mkdtemp(prefix="cleaner-fuzz-corpus-"))
    _seed_corpus(corpus)
    # Warm up (catalogues compiled, stoplists loaded) so first inputs are not "slow".
    from cleaner.catalogue import languages, matcher

    for code in [None, *languages()]:
        matcher(code)
    for path in sorted(corpus.iterdir()):
        try:
            run_one(path.read_bytes())
        except Exception:
            pass
    recorder.started = time.perf_counter()
    recorder.deadline = recorder.started + args.seconds
    libfuzzer_args = [
        sys.argv[0], f"-max_total_time={args.seconds + 600}", f"-max_len={args.max_len}",
        "-timeout=60", f"-artifact_prefix={out}/", str(corpus), *rest,
    ]
    atheris.Setup(libfuzzer_args, recorder)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
