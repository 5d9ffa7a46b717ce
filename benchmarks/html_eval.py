"""HTML-mode evaluation on the two dev page sets, beside trafilatura.

    python3 benchmarks/html_eval.py                 # both sets, every method
    python3 benchmarks/html_eval.py --set sh --only clean --pages 20

Sets (read from ../shared/corpus-dev or $CLEANER_CORPUS_DEV):

- ``sh``: ScrapingHub article-extraction benchmark, dev part.  Metric: 4-token shingles of
  ``\\w+`` tokens; per page TP/FP/FN normalised to sum 1; precision and recall averaged over
  pages; F1 of the two averages (the benchmark's own metric).
- ``te``: trafilatura's evaluation pages, dev part.  Metric: whitespace-collapsed,
  case-sensitive substring test of the ``with`` / ``without`` snippets, micro P/R/F1.

Methods: ``traf`` (trafilatura.extract defaults), ``trafp`` (favor_precision),
``clean`` (cleaner.clean on the page), ``clean_traf`` (cleaner.clean on trafilatura's
default output).  trafilatura outputs and their timings are cached in
``benchmarks/out/cache`` (keyed by trafilatura version) so reruns only time cleaner.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

import cleaner  # noqa: E402

CORPUS = Path(os.environ.get("CLEANER_CORPUS_DEV", ROOT.parent / "shared" / "corpus-dev"))
CACHE = ROOT / "benchmarks" / "out" / "cache"

# --- metrics -----------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def shingle_counts(true: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page."""
    t, p = _shingles(true), _shingles(pred)
    tp = fp = fn = 0.0
    for key in t.keys() | p.keys():
        a, b = t.get(key, 0), p.get(key, 0)
        tp += min(a, b)
        fp += max(0, b - a)
        fn += max(0, a - b)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def _prf(tp: float, fp: float, fn: float) -> tuple[float, float]:
    if fp == fn == 0:
        return 1.0, 1.0
    p = 0.0 if tp == fp == 0 else tp / (tp + fp)
    r = 0.0 if tp == fn == 0 else tp / (tp + fn)
    return p, r


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


_WS = re.compile(r"\s+")


def snippet_counts(text: str, with_: list[str], without: list[str]) -> tuple[int, int, int, int]:
    out = _WS.sub(" ", text or "")
    tp = sum(_WS.sub(" ", s).strip() in out for s in with_)
    fp = sum(_WS.sub(" ", s).strip() in out for s in without)
    return tp, len(with_) - tp, fp, len(without) - fp


# --- pages -------------------------------------------------------------------------------


def pages(which: str):
    """Yield (key, document, truth) for a set."""
    if which == "sh":
        base = CORPUS / "scrapinghub"
        truth = json.load(open(base / "ground-truth.json", encoding="utf-8"))
        for key in sorted(truth):
            html = gzip.open(base / "html" / f"{key}.html.gz", "rt", encoding="utf-8").read()
            yield key, html, truth[key]["articleBody"]
    else:
        base = CORPUS / "trafilatura-eval"
        data = json.load(open(base / "evaldata.json", encoding="utf-8"))
        for url in sorted(data):
            item = data[url]
            raw = gzip.open(base / "html" / f"{item['file']}.gz", "rb").read()
            yield url, raw, (item["with"], item["without"])


def _cached(which: str, method: str, key: str, doc, fn):
    path = CACHE / f"{trafilatura.__version__}-{which}-{method}.json"
    store = _cached.stores.get(path)
    if store is None:
        store = json.load(open(path, encoding="utf-8")) if path.exists() else {}
        _cached.stores[path] = store
    if key not in store:
        t0 = time.process_time()
        out = fn(doc) or ""
        store[key] = [out, time.process_time() - t0]
        _cached.dirty.add(path)
    return store[key]


_cached.stores = {}
_cached.dirty = set()


def _flush():
    CACHE.mkdir(parents=True, exist_ok=True)
    for path in _cached.dirty:
        json.dump(_cached.stores[path], open(path, "w", encoding="utf-8"))
    _cached.dirty.clear()


METHODS = {
    "traf": lambda d: trafilatura.extract(d),
    "trafp": lambda d: trafilatura.extract(d, favor_precision=True),
}


def run(which: str, methods: list[str], limit: int | None, dump: Path | None, options: dict):
    scores = {m: [] for m in methods}
    times = {m: 0.0 for m in methods}
    per_page = {}
    n = 0
    for key, doc, truth in pages(which):
        if limit and n >= limit:
            break
        n += 1
        traf_out = None
        row = {}
        for m in methods:
            if m in METHODS:
                out, dt = _cached(which, m, key, doc, METHODS[m])
            elif m == "clean":
                t0 = time.process_time()
                out = cleaner.clean(doc, **options)
                dt = time.process_time() - t0
            elif m == "clean_traf":
                if traf_out is None:
                    traf_out, _ = _cached(which, "traf", key, doc, METHODS["traf"])
                t0 = time.process_time()
                out = cleaner.clean(traf_out, **options)
                dt = time.process_time() - t0
            else:
                raise SystemExit(f"unknown method {m}")
            times[m] += dt
            score = shingle_counts(truth, out) if which == "sh" else snippet_counts(out, *truth)
            scores[m].append(score)
            row[m] = (score, out)
        per_page[key] = row
    _flush()
    results = {}
    for m in methods:
        if which == "sh":
            prs = [_prf(*s) for s in scores[m]]
            p = sum(x for x, _ in prs) / len(prs)
            r = sum(y for _, y in prs) / len(prs)
        else:
            tp = sum(s[0] for s in scores[m])
            fn = sum(s[1] for s in scores[m])
            fp = sum(s[2] for s in scores[m])
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
        results[m] = (p, r, f1(p, r), 1000 * times[m] / max(1, n))
    if dump:
        dump.mkdir(parents=True, exist_ok=True)
        with open(dump / f"{which}.jsonl", "w", encoding="utf-8") as fh:
            for key, row in per_page.items():
                fh.write(json.dumps({"key": key, **{m: {"score": s, "text": t} for m, (s, t) in row.items()}},
                                    ensure_ascii=False) + "\n")
    return n, results


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=["sh", "te", "both"], default="both")
    ap.add_argument("--only", default="traf,trafp,clean,clean_traf", help="comma-separated methods")
    ap.add_argument("--pages", type=int, default=None, help="first N pages only")
    ap.add_argument("--dump", type=Path, default=None, help="write per-page outputs here")
    ap.add_argument("--preset", default=None)
    args = ap.parse_args(argv)
    methods = args.only.split(",")
    options = {"options": args.preset} if args.preset else {}
    sets = ["sh", "te"] if args.set == "both" else [args.set]
    print(f"{'set':4} {'method':11} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'ms/page':>8}")
    for which in sets:
        n, res = run(which, methods, args.pages, args.dump, options)
        for m, (p, r, f, ms) in res.items():
            note = " (cached)" if m in METHODS else ""
            print(f"{which:4} {m:11} {n:5} {p:6.3f} {r:6.3f} {f:6.3f} {ms:8.1f}{note}")


if __name__ == "__main__":
    main()
