"""Score `cleaner` and its baselines on every bundled corpus; print one table.

    python3 benchmarks/evaluate.py                      # everything, markdown table
    python3 benchmarks/evaluate.py --sections seeds,text --limit 10
    python3 benchmarks/evaluate.py --json out.json      # rows, per-page scores, headline figures
    python3 benchmarks/evaluate.py --worst 5            # then the pages that cost `clean` most
    python3 benchmarks/evaluate.py --update-baseline    # tighten the pinned limits to today's figures

Sections (every system of a section runs in the same process on the same documents):

1. ``seeds``: hand-labelled dumps, line level.  The main story's ``body:0``/``head:0``
   lines must be kept; ``drop:*``, ``teaser:*`` and other stories' lines must go; titles
   and ``opt`` lines are not scored.  Precision/recall/F1 by words, per document and over
   all; per drop category the share of its lines removed.
2. ``text``: scrapinghub-dev pages dumped to text with inscriptis, cleaned with
   ``clean``, and the same dumps without their blank lines; ScrapingHub metric against the
   ground-truth body.  Baselines: the raw dump and a C4-style line filter.
3. ``html``: the same pages as HTML: ``clean(html)``, ``clean(trafilatura.extract(html))``
   (extractor output recognised, and said: ``extracted="always"``)
   beside ``trafilatura.extract`` with defaults and with ``favor_precision`` and
   readability-lxml (its HTML made text).
3b. ``multilingual``: trafilatura-eval-dev pages, snippet metric, text mode and HTML mode
   with the same baselines, over all pages and per guessed language.

Each dev set is scored on all its pages, on its tuning part and on its check part
(`benchmarks.corpora.part_of`, see `benchmarks.rows`); the check rows say how far the
cleaner is above the best peer, and how far below its tuning-part figure.
4. ``multiarticle``: synthetic multi-article dumps built by ``benchmarks/multiarticle.py``
   (when it exists), which provides ``evaluate(pages) -> {row name: {metric: value}}``
   and is given the scrapinghub-dev `benchmarks.corpora.Page` list (see
   `multiarticle_rows` for how rows and headline figures are read).
5. ``speed``: median ms per document and MB/s of ``clean`` on the text dumps beside
   ``trafilatura.extract`` on the same pages' HTML (fresh calls, same process, CPU time,
   best of `SPEED_REPEATS` per page, the systems taking turns page by page); the HTML
   front door alone and ``clean(html)`` on the same pages, each as a multiple of
   trafilatura's time; ``clean`` on 1x, 10x and 100x copies of one dump.

Headline figures (pinned in ``benchmarks/baseline.json``, checked by
``tests/test_benchmark_gate.py``) are listed in `HEADLINE`, plus the multi-article ones;
those of the dev sets are check-part figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: import this checkout's cleaner
    sys.path.insert(0, str(ROOT))

from benchmarks import floors as floors_mod  # noqa: E402
from benchmarks.cache import DiskCache  # noqa: E402
from benchmarks.corpora import SEEDS, scrapinghub_pages, trafilatura_eval_pages  # noqa: E402
from benchmarks.metrics import LineScore, drop_group, f1, line_score  # noqa: E402
from benchmarks.rows import Row, crash_note, part_rows  # noqa: E402,F401 (crash_note: re-export)
from benchmarks.speed import cold_start_rows, pool_rows  # noqa: E402
from benchmarks.systems import (  # noqa: E402
    c4_filter, readability_extract, recognised_notes, text_dump,
    trafilatura_extract, version, without_blank_lines,
)

SECTIONS = ("seeds", "text", "html", "multilingual", "multiarticle", "speed")
LANGUAGES = ("en", "de", "fr", "es", "other")

#: Headline figures: ``row id.metric``, on the check part of each dev set (the pages no
#: rule was tuned on); multi-article figures are added when present (see `multiarticle_rows`).
HEADLINE = (
    "seeds.clean.precision",
    "seeds.clean.recall",
    "text.scrapinghub.check.clean.f1",
    "text.trafilatura-eval.check.clean.f1",
    "text.scrapinghub.check.clean_flat.f1",
    "text.trafilatura-eval.check.clean_flat.f1",
    "html.scrapinghub.check.clean_html.f1",
    "html.trafilatura-eval.check.clean_html.f1",
    "html.scrapinghub.check.clean_extract.f1",
    "html.trafilatura-eval.check.clean_extract.f1",
    # as trafilatura's post-processor, clean must keep (nearly) all trafilatura keeps
    "html.scrapinghub.check.clean_extract.recall",
    "html.trafilatura-eval.check.clean_extract.recall",
    "html.scrapinghub.check.clean_extract_said.f1",
    "html.trafilatura-eval.check.clean_extract_said.f1",
    "html.scrapinghub.check.clean_extract_said.recall",
    "html.trafilatura-eval.check.clean_extract_said.recall",
)


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


class Run:
    """Shared state of one evaluation: the cache and the pages, loaded once."""

    def __init__(self, limit: int | None = None, cache: DiskCache | None = None):
        self.limit = limit
        self.cache = cache or DiskCache()
        self._sh = self._te = None

    @property
    def scrapinghub(self):
        if self._sh is None:
            self._sh = scrapinghub_pages(self.limit)
        return self._sh

    @property
    def trafilatura_eval(self):
        if self._te is None:
            self._te = trafilatura_eval_pages(self.limit)
        return self._te


def guarded(fn, items, names) -> tuple[list[str], dict[int, str]]:
    """``fn`` on every item; an item whose call raises gives an empty output and an error
    (by item index), so one crash costs that page's score and shows in its row instead of
    stopping the run."""
    outputs, errors = [], {}
    for i, (item, name) in enumerate(zip(items, names)):
        try:
            outputs.append(fn(item))
        except Exception as err:  # noqa: BLE001 - reported in the table, never hidden
            outputs.append("")
            errors[i] = f"{name}: {type(err).__name__}: {err}"
            log(f"  ERROR {errors[i]}")
    return outputs, errors


# -- 1. seeds --------------------------------------------------------------------------------

def seeds_rows(run: Run) -> list[Row]:
    from cleaner import analyze
    from cleaner.labels import load_corpus

    docs = load_corpus(SEEDS)[: run.limit]
    rows, total = [], LineScore(0, 0, 0)
    removed: dict[str, list[int]] = {}
    for doc in docs:
        analysis = analyze(doc.text)
        if len(analysis.verdicts) not in (0, len(doc.lines)):
            raise RuntimeError(f"{doc.name}: {len(analysis.verdicts)} verdicts for {len(doc.lines)} lines")
        main = analysis.main
        kept = ([main is not None and v.story == main and v.final.keep for v in analysis.verdicts]
                or [False] * len(doc.lines))
        score = line_score(doc.lines, kept)
        total += score
        name = Path(doc.name).name
        rows.append(Row(f"seeds.doc.{name}", "1 seeds", "seeds", f"clean: {name}", 1,
                        score.precision, score.recall, score.f1,
                        note=f"words TP {score.tp} FP {score.fp} FN {score.fn}"))
        for line, keep in zip(doc.lines, kept):
            group = drop_group(line.kind, line.story, line.category)
            if group:
                counts = removed.setdefault(group, [0, 0])
                counts[0] += not keep
                counts[1] += 1
    rows.insert(0, Row("seeds.clean", "1 seeds", "seeds", "clean (all documents)", len(docs),
                       total.precision, total.recall, total.f1,
                       note=f"words TP {total.tp} FP {total.fp} FN {total.fn}"))
    for group, (gone, n) in sorted(removed.items()):
        rows.append(Row(f"seeds.drop.{group}", "1 seeds", "seeds", f"must drop: {group}", n,
                        note=f"{gone}/{n} lines removed ({gone / n:.0%})"))
    return rows


# -- 2. / 3. scrapinghub ---------------------------------------------------------------------

SCRAPINGHUB_SECTIONS = {"text": "2 text", "html": "3 html"}


def _text_outputs(run: Run, pages) -> tuple[dict, dict]:
    """Text-mode outputs per ``("text", system)`` and the pages each cleaner row crashed on."""
    from cleaner import clean

    names = [p.key for p in pages]
    dumps = [text_dump(p, run.cache) for p in pages]
    outputs = {("text", "dump"): dumps, ("text", "c4"): [c4_filter(d) for d in dumps]}
    errors = {}
    for system, texts in (("clean", dumps), ("clean_flat", [without_blank_lines(d) for d in dumps])):
        outputs[("text", system)], errors[("text", system)] = guarded(
            lambda d: clean(d, html="never"), texts, names)
    return outputs, errors


def _html_outputs(run: Run, pages) -> tuple[dict, dict]:
    """HTML-mode outputs per ``("html", system)`` and the pages each cleaner row crashed on."""
    from cleaner import clean

    names = [p.key for p in pages]
    extracts = [trafilatura_extract(p, run.cache) for p in pages]
    outputs = {
        ("html", "trafilatura"): extracts,
        ("html", "trafilatura_precision"):
            [trafilatura_extract(p, run.cache, favor_precision=True) for p in pages],
        ("html", "readability"): [readability_extract(p, run.cache) for p in pages],
    }
    errors = {}
    outputs[("html", "clean_html")], errors[("html", "clean_html")] = guarded(
        lambda p: clean(p.markup), pages, names)
    outputs[("html", "clean_extract")], errors[("html", "clean_extract")] = guarded(
        lambda e: clean(e or "", html="never"), extracts, names)
    # the caller says the text is an extractor's output: post-processing mode, not detected
    outputs[("html", "clean_extract_said")], errors[("html", "clean_extract_said")] = guarded(
        lambda e: clean(e or "", html="never", extracted="always"), extracts, names)
    return outputs, errors


def _scrapinghub_rows(run: Run, mode: str, outputs_of) -> list[Row]:
    """The scrapinghub rows of one mode (``text`` or ``html``), both parts and all pages."""
    pages = run.scrapinghub
    log(f"{mode}: {len(pages)} scrapinghub pages")
    outputs, errors = outputs_of(run, pages)
    rows = part_rows("scrapinghub", "scrapinghub-dev", SCRAPINGHUB_SECTIONS, "shingle", pages,
                     outputs, errors)
    recognised_notes(rows, "scrapinghub", pages, _auto_texts(outputs))
    return rows


def _auto_texts(outputs: dict) -> dict:
    """The plain text each cleaner row leaves to ``extracted="auto"``, per ``(mode, system)``."""
    texts = {}
    if ("text", "dump") in outputs:
        dumps = outputs[("text", "dump")]
        texts[("text", "clean")] = dumps
        texts[("text", "clean_flat")] = [without_blank_lines(d) for d in dumps]
    if ("html", "trafilatura") in outputs:
        texts[("html", "clean_extract")] = outputs[("html", "trafilatura")]
    return texts


def text_rows(run: Run) -> list[Row]:
    return _scrapinghub_rows(run, "text", _text_outputs)


def html_rows(run: Run) -> list[Row]:
    return _scrapinghub_rows(run, "html", _html_outputs)


# -- 3b. trafilatura-eval, multilingual ------------------------------------------------------

MULTILINGUAL_SECTIONS = {"text": "3b text", "html": "3b html"}


def multilingual_rows(run: Run) -> list[Row]:
    from cleaner.language import guess_language

    pages = run.trafilatura_eval
    log(f"multilingual: {len(pages)} trafilatura-eval pages")
    outputs, errors = _text_outputs(run, pages)
    more, more_errors = _html_outputs(run, pages)
    outputs.update(more)
    errors.update(more_errors)
    dumps, extracts = outputs[("text", "dump")], outputs[("html", "trafilatura")]
    langs = []
    for e, d in zip(extracts, dumps):
        code = guess_language(e or d)
        langs.append(code if code in LANGUAGES else "other")

    rows = []
    auto = _auto_texts(outputs)
    for lang in (None, *LANGUAGES):
        idx = [i for i, code in enumerate(langs) if lang is None or code == lang]
        if not idx:
            continue
        sub = {k: [outs[i] for i in idx] for k, outs in outputs.items()}
        sub_errors = {k: {idx.index(i): e for i, e in errs.items() if i in idx}
                      for k, errs in errors.items()}
        set_id = "trafilatura-eval" + (f".{lang}" if lang else "")
        found = part_rows(set_id, "trafilatura-eval-dev" + (f" [{lang}]" if lang else ""),
                          MULTILINGUAL_SECTIONS, "snippet", [pages[i] for i in idx], sub, sub_errors)
        recognised_notes(found, set_id, [pages[i] for i in idx],
                         {k: [texts[i] for i in idx] for k, texts in auto.items()})
        rows += found
    return rows


# -- 4. multi-article ------------------------------------------------------------------------

def multiarticle_rows(run: Run) -> tuple[list[Row], dict[str, float]]:
    """Rows from ``benchmarks/multiarticle.py`` and the headline figures it contributes.

    ``multiarticle.evaluate(pages)`` returns ``{row name: {metric: value}}``; the keys
    ``system``, ``set``, ``n``, ``precision``, ``recall``, ``f1``, ``sd`` and ``note`` fill
    the row's columns, other metrics go into its notes.  Every row's F1 is a headline
    figure, and so is every ``row.metric`` named in the module's ``HEADLINE`` tuple
    (lower-is-better metrics such as Pk get a ceiling, see `benchmarks.floors`).
    """
    if not (ROOT / "benchmarks" / "multiarticle.py").is_file():
        return [Row("multiarticle", "4 multi-article", "synthetic", "-", note="not built")], {}
    from benchmarks import multiarticle

    log("multiarticle")
    result = multiarticle.evaluate(run.scrapinghub)
    extra = set(getattr(multiarticle, "HEADLINE", ()))
    rows, figures = [], {}
    for name, values in result.items():
        values = dict(values)
        rid = f"multiarticle.{name}"
        row = Row(rid, "4 multi-article", str(values.pop("set", "synthetic")),
                  str(values.pop("system", name)), values.pop("n", None),
                  values.pop("precision", None), values.pop("recall", None),
                  values.pop("f1", None), values.pop("sd", None), str(values.pop("note", "")))
        rows.append(row)
        if row.f1 is not None:
            figures[f"{rid}.f1"] = row.f1
        for metric, value in values.items():
            if f"{name}.{metric}" in extra and isinstance(value, (int, float)):
                figures[f"{rid}.{metric}"] = value
        others = ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                           for k, v in values.items())
        row.note = "; ".join(x for x in (row.note, others) if x)
    return rows, figures


# -- 5. speed --------------------------------------------------------------------------------

#: Each timing is the best of this many calls, in CPU time of this process: the fastest
#: call is the one least disturbed by other work on the machine, and CPU time leaves out
#: the waits while other processes run.
SPEED_REPEATS = 3


def _cpu(fn, *args, **kwargs) -> float:
    """CPU seconds of one call."""
    start = time.process_time()
    fn(*args, **kwargs)
    return time.process_time() - start


def _best(fn, *args, **kwargs) -> float:
    """The best of `SPEED_REPEATS` calls (the matchers keep no memory of lines seen, so
    a call does not profit from the call before)."""
    return min(_cpu(fn, *args, **kwargs) for _ in range(SPEED_REPEATS))


def _versus(times: list[float], traf: list[float]) -> str:
    """Median ms per page and total, each beside trafilatura.extract's on the same pages."""
    median, base = statistics.median(times), statistics.median(traf)
    return (f"median {median * 1e3:.1f} ms/doc = {median / base:.2f} x trafilatura's median, "
            f"total {sum(times):.2f} s = {sum(times) / sum(traf):.2f} x trafilatura's total")


def speed_rows(run: Run) -> list[Row]:
    """Times per page in CPU time, best of `SPEED_REPEATS`; the systems compared take
    their turns page by page (trafilatura, the front door, clean(html), clean(dump)), so
    that a slower spell of the machine falls on all of them alike."""
    import trafilatura

    from cleaner import clean
    from cleaner.front.extract import extract as front_door

    pages = run.scrapinghub
    log(f"speed: {len(pages)} scrapinghub pages, best of {SPEED_REPEATS} CPU times each")
    dumps = [text_dump(p, run.cache) for p in pages]
    clean(dumps[0], html="never")  # warm-up: imports, stoplists, compiled patterns
    clean(pages[0].markup)
    trafilatura.extract(pages[0].markup)
    t_clean, t_traf, t_front, t_html = [], [], [], []
    for page, dump in zip(pages, dumps):
        t_traf.append(_best(trafilatura.extract, page.markup))
        t_front.append(_best(front_door, page.markup))
        t_html.append(_best(clean, page.markup))
        t_clean.append(_best(clean, dump, html="never"))
    mb_dump = sum(len(d.encode("utf-8")) for d in dumps) / 1e6
    mb_html = sum(len(p.html.encode("utf-8")) for p in pages) / 1e6
    rows = [
        Row("speed.clean", "5 speed", "scrapinghub-dev", "clean(dump)", len(pages),
            note=f"median {statistics.median(t_clean) * 1e3:.1f} ms/doc, "
                 f"{mb_dump / sum(t_clean):.2f} MB/s of text, total {sum(t_clean):.2f} s"),
        Row("speed.trafilatura", "5 speed", "scrapinghub-dev", "trafilatura.extract(html)", len(pages),
            note=f"median {statistics.median(t_traf) * 1e3:.1f} ms/doc, "
                 f"{mb_html / sum(t_traf):.2f} MB/s of HTML, total {sum(t_traf):.2f} s"),
        Row("speed.ratio", "5 speed", "scrapinghub-dev", "clean time / trafilatura time", len(pages),
            note=f"total {sum(t_clean) / sum(t_traf):.2f}, median "
                 f"{statistics.median(t_clean) / statistics.median(t_traf):.2f} (same pages, same process)"),
        Row("speed.front_door", "5 speed", "scrapinghub-dev", "HTML front door (cleaner.front.extract)",
            len(pages), note=_versus(t_front, t_traf)),
        Row("speed.clean_html", "5 speed", "scrapinghub-dev", "clean(html)", len(pages),
            note=_versus(t_html, t_traf)),
    ]
    # Linear growth: one dump of median size, repeated.
    doc = sorted(dumps, key=len)[len(dumps) // 2]
    base = None
    for copies in (1, 10, 100):
        text = "\n\n".join([doc] * copies)
        seconds = _best(clean, text, html="never")
        base = base or seconds
        rows.append(Row(f"speed.scale.{copies}x", "5 speed", "median dump", f"clean at {copies}x",
                        1, note=f"{len(text) / 1e3:.0f} kB in {seconds * 1e3:.0f} ms = "
                                f"{seconds / base / copies:.2f} x (1x time × {copies})"))
    return rows + cold_start_rows(Row, doc) + pool_rows(Row, dumps, [p.markup for p in pages])


# -- the run ---------------------------------------------------------------------------------

def evaluate(sections=SECTIONS, limit: int | None = None, cache: DiskCache | None = None) -> dict:
    """Run the chosen sections; return ``{"rows": [...], "headline": {...}, "meta": {...}}``."""
    run = Run(limit, cache)
    rows: list[Row] = []
    headline: dict[str, float] = {}
    started = time.perf_counter()
    for section in SECTIONS:
        if section not in sections:
            continue
        t = time.perf_counter()
        if section == "multiarticle":
            new, figures = multiarticle_rows(run)
            headline.update(figures)
        else:
            new = globals()[f"{section}_rows"](run)
        rows += new
        log(f"  {section}: {time.perf_counter() - t:.1f} s")
    by_id = {r.id: r for r in rows}
    for key in HEADLINE:
        rid, _, metric = key.rpartition(".")
        if rid in by_id and getattr(by_id[rid], metric) is not None:
            headline[key] = getattr(by_id[rid], metric)
    import cleaner

    meta = {
        "sections": [s for s in SECTIONS if s in sections],
        "limit": limit,
        "seconds": round(time.perf_counter() - started, 1),
        "cache": {"dir": str(run.cache.directory), "hits": run.cache.hits, "misses": run.cache.misses},
        "versions": {"cleaner": getattr(cleaner, "__version__", "?"),
                     "trafilatura": version("trafilatura"), "inscriptis": version("inscriptis"),
                     "python": sys.version.split()[0]},
    }
    return {"rows": [asdict(r) for r in rows], "headline": headline, "meta": meta}


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def table(result: dict) -> str:
    """The rows as one markdown table."""
    out = ["| section | set | system | n | precision | recall | F1 | ±sd | notes |",
           "|---|---|---|---:|---:|---:|---:|---:|---|"]
    for r in result["rows"]:
        out.append("| " + " | ".join([
            r["section"], r["set"], r["system"], "" if r["n"] is None else str(r["n"]),
            _fmt(r["precision"]), _fmt(r["recall"]), _fmt(r["f1"]), _fmt(r["sd"]),
            r["note"].replace("|", "/"),
        ]) + " |")
    return "\n".join(out)


def worst_pages(result: dict, n: int) -> str:
    """For each of the cleaner's rows of a tuning part, the ``n`` pages that cost it most:
    lowest F1 (shingle metric) or most missed plus leaked snippets (snippet metric).  The
    check part's pages are never listed: they are not for finding the next rule."""
    out = []
    for r in result["rows"]:
        if not r["pages"]:
            continue
        if len(r["pages"][0]) == 3:
            scored = sorted(r["pages"], key=lambda x: f1(x[1], x[2]))[:n]
            lines = [f"  F1 {f1(p, q):.3f}  P {p:.3f}  R {q:.3f}  {key}" for key, p, q in scored]
        else:
            scored = sorted(r["pages"], key=lambda x: -(x[2] + x[3]))[:n]
            lines = [f"  missed {fn}/{tp + fn}  leaked {fp}/{fp + tn}  {key}"
                     for key, tp, fn, fp, tn in scored]
        out.append(f"{r['section']} {r['set']} {r['system']}:\n" + "\n".join(lines))
    return "\n\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sections", default=",".join(SECTIONS),
                        help=f"comma-separated subset of: {', '.join(SECTIONS)} (default: all)")
    parser.add_argument("--limit", type=int, default=None,
                        help="at most this many pages (and seeds) per set, for quick runs")
    parser.add_argument("--json", metavar="PATH", help="also write rows and headline figures as JSON")
    parser.add_argument("--worst", type=int, metavar="N", default=0,
                        help="after the table, the N pages of the tuning part that cost each "
                             "cleaner row most")
    parser.add_argument("--no-cache", action="store_true", help="recompute dumps and extracts")
    parser.add_argument("--readme", action="store_true",
                        help="also put the table into README.md (between its benchmark markers)")
    parser.add_argument("--update-baseline", action="store_true",
                        help="tighten the limits in benchmarks/baseline.json to today's figures "
                             "(floors only rise, ceilings only fall)")
    parser.add_argument("--allow-lower", metavar="REASON",
                        help="with --update-baseline: also loosen limits (give the reason; "
                             "it goes in the commit message)")
    parser.add_argument("--only", metavar="KEYS",
                        help="with --update-baseline: touch only these figures (comma-separated "
                             "keys or key prefixes, e.g. text.scrapinghub,multiarticle.split.pk)")
    args = parser.parse_args(argv)

    sections = tuple(s.strip() for s in args.sections.split(",") if s.strip())
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s) {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")
    if args.allow_lower is not None and not args.update_baseline:
        parser.error("--allow-lower goes with --update-baseline")
    if args.only is not None and not args.update_baseline:
        parser.error("--only goes with --update-baseline")
    if args.allow_lower is not None and not args.allow_lower.strip():
        parser.error("--allow-lower needs a reason")
    if args.update_baseline:
        # every scored section, or with --only the sections that report those figures
        needed = (set(SECTIONS) - {"speed"} if args.only is None else
                  {section_of(k.strip()) for k in args.only.split(",") if k.strip()})
        if args.limit is not None or not needed <= set(sections):
            parser.error("--update-baseline needs a full run (no --limit, every scored section, "
                         "or with --only the sections of those figures)")

    if args.readme and (args.limit is not None or set(sections) != set(SECTIONS)):
        parser.error("--readme needs a full run (no --limit, every section)")

    result = evaluate(sections, args.limit, DiskCache(enabled=not args.no_cache))
    print(table(result))
    if args.worst:
        print("\n" + worst_pages(result, args.worst))
    if args.readme:
        write_readme(result)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    current = floors_mod.load()
    if args.update_baseline:
        figures = floors_mod.select(result["headline"], args.only)
        new, changes = floors_mod.tighten(figures, current, args.allow_lower)
        floors_mod.save(new)
        print("\nbaseline.json:\n" + ("\n".join(f"- {c}" for c in changes) or "- unchanged"))
        return 0
    if args.limit is None:
        checked = {k: v for k, v in current.items() if section_of(k) in sections}
        missed = floors_mod.failures(result["headline"], checked)
        print("\nbaseline: " + ("every limit met" if not missed else
                                "NOT MET\n" + "\n".join(f"- {m}" for m in missed)))
    return 0


README = ROOT / "README.md"
README_START, README_END = "<!-- benchmark table: start -->", "<!-- benchmark table: end -->"


def write_readme(result: dict, path: Path = README) -> None:
    """Replace the table between the README's benchmark markers with this run's."""
    text = path.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        raise SystemExit(f"{path}: no {README_START} ... {README_END} markers")
    v = result["meta"]["versions"]
    block = (f"{README_START}\n{table(result)}\n\n"
             f"Measured with trafilatura {v['trafilatura']}, inscriptis {v['inscriptis']}, "
             f"Python {v['python']} on a shared 2-core machine.\n{README_END}")
    head, rest = text.split(README_START, 1)
    path.write_text(head + block + rest.split(README_END, 1)[1], encoding="utf-8")


def section_of(key: str) -> str:
    """The section that reports a headline figure (``text.trafilatura-eval.clean.f1`` ->
    ``multilingual``)."""
    parts = key.split(".")
    if parts[0] in ("text", "html") and len(parts) > 1:
        return "multilingual" if parts[1].startswith("trafilatura-eval") else parts[0]
    return parts[0]


if __name__ == "__main__":
    sys.exit(main())
