"""Rule ablation: what each rule is worth on the dev sets' text, part by part.

For every rule that decides a dropped line on the chosen sets (the rule of the line's
final decision in `cleaner.analyze`'s trail), the text-mode systems are run again with
that rule off (``Options(disabled_rules=frozenset({rule}))``, see
`cleaner.options.rule_enabled`) and scored as `benchmarks/evaluate.py` scores them, with
its dumps, extracts and scorers (`benchmarks.systems`, `benchmarks.metrics`):

- ``clean``: ``clean(dump)`` of the inscriptis text dump;
- ``clean_flat``: ``clean(dump without blank lines)``;
- ``clean_extract``: ``clean(trafilatura.extract)``, the post-processing row.

HTML mode is left out: ``clean(html)`` runs the front door on every call, and the
front door's output (the page's lines with their DOM hints) is not an input `analyze`
takes, so it cannot be reused across the runs of one page.

Per rule and set it reports the pages the rule touches (pages of the part where it
decides a dropped line of ``clean(dump)``), the pages whose ``clean(dump)`` output
changes with it off, and the change of F1 (precision, recall) of each system when the
rule is off: a positive delta means the rule costs that much.  A rule whose removal
raises a set's ``clean(dump)`` F1 and lowers no other set's is marked as a candidate
to mend (``*``).  Only the documents whose trail names the rule (in any layer) are run
again: a rule that neither decides nor is overruled on a page cannot change it; pass
``--every-page`` to run every document (slow) and see that it holds.

    python3 benchmarks/ablation.py                           # tuning part, every rule
    python3 benchmarks/ablation.py --groups                  # a group (en.related., ...) at a time
    python3 benchmarks/ablation.py --parts tune,check --top 25
    python3 benchmarks/ablation.py --sets scrapinghub --rules en.nav.,common. --json /tmp/a.json

Parallel over at most 2 processes (``--jobs``).  Use ``CLEANER_BENCH_CACHE`` as for the
other benchmarks: dumps and extracts come from the benchmark cache.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: import this checkout's cleaner
    sys.path.insert(0, str(ROOT))

from benchmarks.cache import DiskCache  # noqa: E402
from benchmarks.corpora import PARTS, part_of  # noqa: E402
from benchmarks.evaluate import Run  # noqa: E402
from benchmarks.metrics import shingle_counts, shingle_score, snippet_counts, snippet_score  # noqa: E402
from benchmarks.rows import SYSTEM_NAMES  # noqa: E402
from benchmarks.systems import text_dump, trafilatura_extract, without_blank_lines  # noqa: E402
from cleaner.options import rule_enabled  # noqa: E402

#: The sets, each with its metric (as `benchmarks.evaluate` scores it).
SETS = {"scrapinghub": "shingle", "trafilatura-eval": "snippet"}
#: The text-mode systems, in table order.
SYSTEMS = ("clean", "clean_flat", "clean_extract")
#: At most this many worker processes (the machine is shared).
MAX_JOBS = 2


@dataclass
class Doc:
    """One input of one system on one page, with what the unchanged cleaner made of it."""

    set: str
    part: str
    system: str
    page: object  # `benchmarks.corpora.Page`
    text: str
    counts: tuple = ()
    dropped_by: frozenset = frozenset()  # rules of the final decision of dropped lines
    named: frozenset = frozenset()  # every rule of every layer of every line's trail
    output: str = field(default="", repr=False)


def score_counts(metric: str, page, output: str) -> tuple:
    """The page's counts under the set's metric (`benchmarks.metrics`)."""
    if metric == "shingle":
        return shingle_counts(page.truth, output)
    return snippet_counts(output, page.with_, page.without)


def aggregate(metric: str, counts: list[tuple]):
    """The set's score over pages (`benchmarks.metrics.shingle_score` / `snippet_score`)."""
    return (shingle_score if metric == "shingle" else snippet_score)(counts)


def run_doc(doc: Doc, disabled: frozenset = frozenset()):
    """`cleaner.analyze` of the document in text mode, with ``disabled`` rules off."""
    from cleaner import analyze

    return analyze(doc.text, html="never", disabled_rules=disabled)


def baseline(doc: Doc) -> Doc:
    """Fill in what the unchanged cleaner makes of ``doc``: its output, counts and rules."""
    analysis = run_doc(doc)
    dropped, named = set(), set()
    for v in analysis.verdicts:
        if not v.final.keep and not v.line.blank:
            dropped.add(v.final.rule)
        named.update(layer.rule for layer in v.trail)
    doc.output = analysis.text
    doc.counts = score_counts(SETS[doc.set], doc.page, doc.output)
    doc.dropped_by, doc.named = frozenset(dropped), frozenset(named)
    return doc


def documents(run: Run, sets, parts) -> list[Doc]:
    """Every page of the chosen sets and parts, once per system, with its baseline."""
    docs = []
    for set_id in sets:
        pages = run.scrapinghub if set_id == "scrapinghub" else run.trafilatura_eval
        for page in pages:
            part = part_of(page.key)
            if part not in parts:
                continue
            dump = text_dump(page, run.cache)
            texts = {"clean": dump, "clean_flat": without_blank_lines(dump),
                     "clean_extract": trafilatura_extract(page, run.cache) or ""}
            docs += [Doc(set_id, part, s, page, texts[s]) for s in SYSTEMS]
    return [baseline(d) for d in docs]


def rules_of(docs: list[Doc], prefixes=(), groups: bool = False) -> list[str]:
    """The rules that decide a dropped line on ``docs`` (those starting with one of
    ``prefixes``, when given), sorted; with ``groups``, their groups instead: each id up to
    its last dot (``en.related.popular`` -> ``en.related.``, ``feature.short`` ->
    ``feature.``), a prefix that `Options.disabled_rules` turns off as a whole."""
    found = set().union(*(d.dropped_by for d in docs)) if docs else set()
    found = {r for r in found if not prefixes or r.startswith(tuple(prefixes))}
    if groups:
        found = {r[: r.rfind(".") + 1] if "." in r else r for r in found}
    return sorted(found)


def _names(rule: str, rule_id: str) -> bool:
    """Does turning ``rule`` (an id, or a prefix ending in ".") off turn ``rule_id`` off?"""
    return not rule_enabled(frozenset({rule}), rule_id)


def scores(docs: list[Doc], counts: list[tuple]) -> dict:
    """``{(set, part, system): Score}`` of the documents with the given per-document counts."""
    groups: dict = {}
    for doc, c in zip(docs, counts):
        groups.setdefault((doc.set, doc.part, doc.system), []).append(c)
    return {key: aggregate(SETS[key[0]], cs) for key, cs in groups.items()}


# The documents and baseline scores of the run, set by `run_rules` before the pool forks
# (its workers inherit them instead of receiving them with each task).
_DOCS: list[Doc] = []
_BASE: dict = {}
_EVERY_PAGE = False


def ablate(rule: str) -> dict:
    """The result of turning ``rule`` off on the run's documents: per ``set/part``, the
    pages it touches and changes, and per system the F1, precision and recall deltas
    (rule off minus rule on)."""
    disabled = frozenset({rule})
    counts, changed = [], set()
    deciding = still = 0
    try:
        for doc in _DOCS:
            if not _EVERY_PAGE and not any(_names(rule, r) for r in doc.named):
                counts.append(doc.counts)
                continue
            analysis = run_doc(doc, disabled)
            output = analysis.text
            if any(_names(rule, r) for r in doc.dropped_by):
                deciding += 1
                still += any(_names(rule, v.final.rule) and not v.final.keep for v in analysis.verdicts)
            if output != doc.output:
                changed.add((doc.set, doc.part, doc.system, doc.page.key))
            counts.append(score_counts(SETS[doc.set], doc.page, output) if output != doc.output
                          else doc.counts)
    except TypeError as err:  # not a rule id that can be named in disabled_rules
        return {"rule": rule, "error": str(err)}
    after = scores(_DOCS, counts) if changed else _BASE
    result: dict = {"rule": rule, "sets": {}, "still_decides": [still, deciding]}
    for (set_id, part, system), s in after.items():
        b = _BASE[(set_id, part, system)]
        entry = result["sets"].setdefault(f"{set_id}/{part}", {
            "n": len({d.page.key for d in _DOCS if d.set == set_id and d.part == part}),
            "touched": len({d.page.key for d in _DOCS if d.set == set_id and d.part == part
                            and d.system == "clean" and any(_names(rule, r) for r in d.dropped_by)}),
            "changed": len({k for st, pt, sy, k in changed
                            if st == set_id and pt == part and sy == "clean"}),
        })
        moved = sorted({k for st, pt, sy, k in changed if (st, pt, sy) == (set_id, part, system)})
        entry[system] = {"f1": round(s.f1 - b.f1, 5), "precision": round(s.precision - b.precision, 5),
                         "recall": round(s.recall - b.recall, 5), "changed": len(moved),
                         "pages": moved}
    return result


def candidate(result: dict, part: str = "tune") -> bool:
    """Does turning the rule off raise ``clean(dump)`` F1 on one set's ``part`` without
    lowering it on another set's?"""
    deltas = [e["clean"]["f1"] for key, e in result.get("sets", {}).items()
              if key.endswith("/" + part)]
    return bool(deltas) and max(deltas) > 0 and min(deltas) >= 0


def ignored(result: dict) -> bool:
    """Does the rule still decide every dropped line it decided, with it named in
    ``disabled_rules`` (a rule that does not ask `cleaner.options.rule_enabled`)?"""
    still, deciding = result.get("still_decides", (0, 0))
    return deciding > 0 and still == deciding and weight(result) == 0


def weight(result: dict) -> float:
    """The largest |F1 delta| of the rule over every set, part and system."""
    return max((abs(e[s]["f1"]) for e in result.get("sets", {}).values() for s in SYSTEMS
                if s in e), default=0.0)


def run_rules(docs: list[Doc], rules: list[str], jobs: int = 1, every_page: bool = False):
    """Each rule of ``rules`` turned off in turn on ``docs`` (each with its `baseline`),
    over at most `MAX_JOBS` processes; the results by largest |F1 delta| first, and the
    baseline scores ``{(set, part, system): Score}``."""
    global _DOCS, _BASE, _EVERY_PAGE
    _DOCS, _EVERY_PAGE = docs, every_page
    _BASE = scores(docs, [d.counts for d in docs])
    jobs = max(1, min(jobs, MAX_JOBS))
    if jobs > 1 and len(rules) > 1:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            results = pool.map(ablate, rules, chunksize=4)
    else:
        results = [ablate(r) for r in rules]
    results.sort(key=lambda r: (-weight(r), r["rule"]))
    return results, _BASE


def ablation(sets=tuple(SETS), parts=("tune",), prefixes=(), limit: int | None = None,
             jobs: int = MAX_JOBS, every_page: bool = False, cache: DiskCache | None = None,
             groups: bool = False) -> dict:
    """Run the ablation; ``{"baseline": {...}, "rules": [result per rule], "meta": {...}}``."""
    started = time.perf_counter()
    docs = documents(Run(limit, cache), sets, parts)
    rules = rules_of(docs, prefixes, groups)
    results, base = run_rules(docs, rules, jobs, every_page)
    baseline_scores = {f"{k[0]}/{k[1]}/{k[2]}": {"f1": s.f1, "precision": s.precision,
                                                 "recall": s.recall, "n": s.n}
                       for k, s in sorted(base.items())}
    meta = {"sets": list(sets), "parts": list(parts), "rules": len(rules), "documents": len(docs),
            "every_page": every_page, "groups": groups, "seconds": round(time.perf_counter() - started, 1)}
    return {"baseline": baseline_scores, "rules": results, "meta": meta}


def table(result: dict, top: int | None = None) -> str:
    """The rules as a markdown table, by largest |F1 delta| first: one row per rule, set
    and part; deltas are F1 (precision, recall) with the rule off minus with it on."""
    head = ["rule", "set/part", "touched", "changed"]
    head += [SYSTEM_NAMES[s] + " ΔF1 (ΔP, ΔR)" for s in SYSTEMS]
    out = ["| " + " | ".join(head) + " |", "|---|---|---:|---:|" + "---:|" * len(SYSTEMS)]
    shown = [r for r in result["rules"] if "sets" in r and not ignored(r)][:top]
    for r in shown:
        mark = " *" if any(candidate(r, p) for p in result["meta"]["parts"]) else ""
        for key, e in sorted(r["sets"].items()):
            cells = [f"{e[s]['f1']:+.3f} ({e[s]['precision']:+.3f}, {e[s]['recall']:+.3f})"
                     if s in e else "" for s in SYSTEMS]
            out.append(f"| {r['rule']}{mark} | {key} | {e['touched']}/{e['n']} | {e['changed']} | "
                       + " | ".join(cells) + " |")
    errors = [r for r in result["rules"] if "error" in r]
    lines = ["\n".join(out)]
    base = ", ".join(f"{k} F1 {v['f1']:.3f}" for k, v in result["baseline"].items())
    lines.append(f"baseline (every rule on): {base}")
    lines.append(f"{result['meta']['rules']} rules, {result['meta']['documents']} documents, "
                 f"{result['meta']['seconds']} s; * = off raises clean(dump) F1 on a set's "
                 f"part and lowers no other set's")
    deaf = [r["rule"] for r in result["rules"] if "sets" in r and ignored(r)] + [r["rule"] for r in errors]
    if deaf:
        lines.append("not switchable (they decide the same lines with `disabled_rules` naming "
                     "them): " + ", ".join(sorted(deaf)))
    return "\n\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, of: {', '.join(SETS)}")
    parser.add_argument("--parts", default="tune", help=f"comma-separated, of: {', '.join(PARTS)} "
                        "(default: tune; read the check part rarely)")
    parser.add_argument("--rules", default="", metavar="PREFIX",
                        help="only the rules whose id starts with one of these (comma-separated)")
    parser.add_argument("--top", type=int, default=None, help="print only the N rules of largest |ΔF1|")
    parser.add_argument("--limit", type=int, default=None, help="at most this many pages per set")
    parser.add_argument("--jobs", type=int, default=MAX_JOBS, help=f"worker processes (at most {MAX_JOBS})")
    parser.add_argument("--every-page", action="store_true",
                        help="run every document again for every rule, not only those whose trail names it")
    parser.add_argument("--groups", action="store_true",
                        help="turn off a group of rules at a time (en.related., feature., ...): "
                             "what the group is worth when no rule of it stands in for another")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    args = parser.parse_args(argv)
    sets = tuple(s for s in args.sets.split(",") if s)
    parts = tuple(p for p in args.parts.split(",") if p)
    if set(sets) - set(SETS) or not sets:
        parser.error(f"--sets: choose from {', '.join(SETS)}")
    if set(parts) - set(PARTS) or not parts:
        parser.error(f"--parts: choose from {', '.join(PARTS)}")
    prefixes = tuple(p for p in args.rules.split(",") if p)
    result = ablation(sets, parts, prefixes, args.limit, args.jobs, args.every_page, groups=args.groups)
    print(table(result, args.top))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
