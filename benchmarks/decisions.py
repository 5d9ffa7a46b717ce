"""Dump every line's decisions on the bundled pages, and compare two dumps.

A reshaping of the pipeline must not change what it decides.  This script records, for
every page of the corpus and every way the page reaches `cleaner.analyze`, each line's
stage-1 rule (the decision before context rules: the classification, revised by the
extractor's choice for extracted text), its final rule, keep flag, category and reason,
and the story it belongs to, plus the page's main story and output text:

- ``seeds``: the hand-labelled dumps of ``corpus/seeds``;
- ``scrapinghub.text`` / ``trafilatura-eval.text``: the pages dumped to text with
  inscriptis (``html="never"``);
- ``scrapinghub.html`` / ``trafilatura-eval.html``: the pages as HTML (the front door);
- ``scrapinghub.extract`` / ``trafilatura-eval.extract``: trafilatura's extract of each
  page (text an extractor wrote);
- ``multiarticle``: the synthetic multi-story dumps of `benchmarks.multiarticle`.

Dumps and extracts come from the benchmark cache (`benchmarks.cache`).  Run it once on a
reference checkout and once on the working tree, then compare::

    PYTHONPATH=/path/to/reference python3 benchmarks/decisions.py -o before.json
    python3 benchmarks/decisions.py -o after.json
    python3 benchmarks/decisions.py --compare before.json after.json

The cleaner under test is whichever ``cleaner`` Python imports first (``PYTHONPATH``
wins over the checkout this script lives in); the script prints which one it used.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))  # after PYTHONPATH: a reference checkout given there wins

SOURCES = ("seeds", "scrapinghub.text", "scrapinghub.html", "scrapinghub.extract",
           "trafilatura-eval.text", "trafilatura-eval.html", "trafilatura-eval.extract",
           "multiarticle")
#: Stages whose decisions come before the context rules (see `stage_one`).
_BEFORE_CONTEXT = ("classify", "extractor")


def stage_one(v):
    """The line's decision before the context rules.  Verdicts with a trail: the last of
    its leading layers made by classification or the extractor's revision; older verdicts
    kept that decision as ``initial``."""
    trail = getattr(v, "trail", None)
    if trail is None:
        return v.initial
    d = trail[0]
    for layer in trail[1:]:
        if layer.stage not in _BEFORE_CONTEXT:
            break
        d = layer
    return d


def record(analysis) -> dict:
    """What the comparison looks at, for one analysed document."""
    lines = []
    for v in analysis.verdicts:
        first, final = stage_one(v), v.final
        lines.append([first.rule, final.rule, final.keep, final.category, final.reason, v.story])
    return {
        "main": analysis.main,
        "text": hashlib.sha256(analysis.text.encode("utf-8", "surrogatepass")).hexdigest()[:16],
        "articles": [[a.index, a.title, a.span, a.kind] for a in analysis.articles],
        "lines": lines,
    }


def _documents(source: str, limit: int | None):
    """``(name, document, overrides)`` for every page of one source."""
    from benchmarks.cache import DiskCache
    from benchmarks.corpora import SEEDS, scrapinghub_pages, trafilatura_eval_pages
    from benchmarks.systems import text_dump, trafilatura_extract

    cache = DiskCache()
    if source == "seeds":
        for path in sorted(SEEDS.glob("*.txt"))[:limit]:
            yield path.stem, path.read_text(encoding="utf-8"), {}
        return
    if source == "multiarticle":
        from benchmarks.multiarticle import build_dumps, load_pages

        for k, dump in enumerate(build_dumps(load_pages())[:limit]):
            yield f"dump{k:03d}", dump.text, {}
        return
    corpus, mode = source.split(".")
    pages = scrapinghub_pages(limit) if corpus == "scrapinghub" else trafilatura_eval_pages(limit)
    for page in pages:
        if mode == "text":
            yield page.key, text_dump(page, cache), {"html": "never"}
        elif mode == "html":
            yield page.key, page.markup, {}
        else:
            yield page.key, trafilatura_extract(page, cache) or "", {"html": "never"}


def dump(sources=SOURCES, limit: int | None = None) -> dict:
    from cleaner import analyze

    out: dict = {}
    for source in sources:
        for name, document, overrides in _documents(source, limit):
            out[f"{source}/{name}"] = record(analyze(document, **overrides))
        print(f"{source}: done", file=sys.stderr)
    return out


_FIELDS = ("stage-1 rule", "final rule", "keep", "category", "reason", "story")


def compare(before: dict, after: dict, show: int = 20) -> int:
    """Print the differences; returns their number (pages missing on either side count)."""
    differences = lines = 0
    shown = 0
    for key in sorted(set(before) | set(after)):
        a, b = before.get(key), after.get(key)
        if a is None or b is None:
            differences += 1
            print(f"{key}: only in {'after' if a is None else 'before'}")
            continue
        for part in ("main", "text", "articles"):
            if a[part] != b[part]:
                differences += 1
                print(f"{key}: {part} differs: {a[part]!r} != {b[part]!r}")
        if len(a["lines"]) != len(b["lines"]):
            differences += 1
            print(f"{key}: {len(a['lines'])} lines != {len(b['lines'])}")
            continue
        lines += len(a["lines"])
        for i, (x, y) in enumerate(zip(a["lines"], b["lines"])):
            if x != y:
                differences += 1
                if shown < show:
                    shown += 1
                    diff = {f: (p, q) for f, p, q in zip(_FIELDS, x, y) if p != q}
                    print(f"{key} line {i + 1}: {diff}")
    print(f"{len(set(before) & set(after))} documents, {lines} lines compared, "
          f"{differences} differences")
    return differences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", help="write the dump here (JSON)")
    parser.add_argument("--sources", default=",".join(SOURCES),
                        help=f"comma-separated, of: {', '.join(SOURCES)}")
    parser.add_argument("--limit", type=int, help="at most this many pages per source")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"),
                        help="compare two dumps instead of making one")
    args = parser.parse_args(argv)
    if args.compare:
        before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args.compare)
        return 1 if compare(before, after) else 0
    import cleaner

    print(f"cleaner from {Path(cleaner.__file__).parent}", file=sys.stderr)
    sources = [s for s in args.sources.split(",") if s]
    unknown = set(sources) - set(SOURCES)
    if unknown:
        parser.error(f"unknown source {sorted(unknown)[0]!r}")
    result = dump(sources, args.limit)
    text = json.dumps(result, ensure_ascii=False, sort_keys=True)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
