"""Speed of the pattern catalogue matcher, in CPU microseconds per line.

Lines: every non-blank line of the text dumps (``inscriptis.get_text``) of the
scrapinghub development pages in ``corpus/scrapinghub-dev``.  Each line is stripped of its
list bullet and matched the way `cleaner.classify` does, with every rule enabled and the
default regex timeout.  Time is `time.process_time` over all lines, best of ``--repeat``
passes (the first pass also compiles whatever the matcher compiles lazily; it is reported
separately as ``cold``).

    python3 -m benchmarks.matcher_speed              # matcher('en') and matcher('de')
    python3 -m benchmarks.matcher_speed --lang fr --repeat 5
    git show REV:cleaner/catalogue/match.py > /tmp/old.py   # cleaner/catalogue.py before it was split
    python3 -m benchmarks.matcher_speed --baseline /tmp/old.py   # before/after
"""

from __future__ import annotations

import argparse
import time

from .cache import DiskCache
from .corpora import scrapinghub_pages


def dump_lines(cache: DiskCache | None = None) -> list[str]:
    """Normalised non-blank lines of the scrapinghub dev pages' text dumps."""
    from inscriptis import get_text
    from importlib.metadata import version

    from cleaner.segment import segment

    cache = cache or DiskCache()
    ver = version("inscriptis")
    lines: list[str] = []
    for page in scrapinghub_pages():
        text = cache.get_or_compute("inscriptis", (ver, page.digest), lambda: get_text(page.html))
        lines.extend(line.text for line in segment(text or "") if not line.blank)
    return lines


def baseline_matcher(path: str):
    """The ``Matcher`` class of another version of ``cleaner/catalogue/match.py`` (or of
    ``cleaner/catalogue.py``, before it was split; a file), run on today's rules:
    ``git show REV:cleaner/catalogue/match.py > old.py``."""
    import importlib.util
    import sys

    import cleaner  # noqa: F401  (the package the file's relative imports resolve in)

    with open(path, encoding="utf-8") as f:  # its relative imports resolve in its own package
        split = "from .load import" in f.read()
    name = "cleaner.catalogue._baseline_match" if split else "cleaner._baseline_catalogue"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module.Matcher


def bench(language: str | None, lines: list[str], repeat: int = 3, matcher_class=None) -> dict[str, float]:
    from cleaner.catalogue.match import _MATCHERS, Matcher, matcher
    from cleaner.features import strip_bullet
    from cleaner.options import Options

    opts = Options.make()
    enabled, timeout = opts.rule_enabled, opts.regex_timeout
    items = [(b, len(b.split())) for b in map(strip_bullet, lines)]
    rules = matcher(language).rules
    _MATCHERS.clear()
    Matcher._checked_gate.cache_clear()  # build time from scratch, gates included
    t0 = time.process_time()
    m = matcher(language) if matcher_class is None else matcher_class(rules)
    build = time.process_time() - t0
    runs = []
    fired = 0
    for _ in range(repeat):
        match = m.match
        t0 = time.process_time()
        for body, words in items:
            match(body, words, enabled, timeout)
        runs.append(time.process_time() - t0)
    fired = sum(match(b, w, enabled, timeout) is not None for b, w in items)
    n = len(items)
    return {
        "rules": len(m.rules),
        "lines": n,
        "fired": fired,
        "build_ms": build * 1e3,
        "cold_us": runs[0] / n * 1e6,
        "best_us": min(runs) / n * 1e6,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", action="append", help="language code (repeatable); default en, de")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline", metavar="MATCH_PY",
                    help="also time the Matcher of this catalogue/match.py (another version), "
                         "alternating with today's")
    args = ap.parse_args(argv)
    lines = dump_lines()
    systems = [("today", None)]
    if args.baseline:
        systems.append(("baseline", baseline_matcher(args.baseline)))
    print("| matcher | version | rules | lines | fired | build ms | cold µs/line | best µs/line |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for lang in args.lang or ["en", "de"]:
        for name, cls in systems:
            r = bench(lang, lines, args.repeat, cls)
            print(f"| matcher({lang!r}) | {name} | {r['rules']} | {r['lines']} | {r['fired']} | "
                  f"{r['build_ms']:.1f} | {r['cold_us']:.2f} | {r['best_us']:.2f} |", flush=True)


if __name__ == "__main__":
    main()
