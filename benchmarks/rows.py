"""Rows of the benchmark table, and the scoring of a set's systems on all its pages, on its
tuning part and on its check part (see `benchmarks.corpora.part_of`).

Every system of a set is scored on the same pages in the same run; a set gives one row per
system for all pages, then one per system for the tuning part, then one per system for the
check part.  Row ids: ``MODE.SET.SYSTEM`` for all pages, ``MODE.SET.PART.SYSTEM`` for a
part (``html.scrapinghub.check.clean_html``).  Rows of the check part carry notes that
compare: the cleaner's rows with the best peer on the same pages, the post-processing row
with the extractor it post-processes, and every cleaner row with its tuning-part figure
(the gap that says whether a rule generalises).

Per-page scores (for ``--worst``) are kept on the tuning part's rows only: the pages that
cost most are read there, never on the check part.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .corpora import PARTS, part_of
from .metrics import (
    page_precision, page_recall, shingle_counts, shingle_score, snippet_counts, snippet_score,
)

SYSTEM_NAMES = {
    "dump": "raw text dump (inscriptis)",
    "c4": "C4-style line filter on dump",
    "clean": "clean(dump)",
    "clean_flat": "clean(dump without blank lines)",
    "trafilatura": "trafilatura.extract (defaults)",
    "trafilatura_precision": "trafilatura.extract (favor_precision)",
    "readability": "readability-lxml (summary as text)",
    "clean_html": "clean(html)",
    "clean_extract": "clean(trafilatura.extract)",
    "clean_extract_said": 'clean(trafilatura.extract, extracted="always")',
}

#: The peers a cleaner row is compared with, by mode: the best of them on the same pages.
PEERS = {"text": ("dump", "c4"),
         "html": ("trafilatura", "trafilatura_precision", "readability")}


@dataclass
class Row:
    id: str
    section: str
    set: str
    system: str
    n: int | None = None
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    sd: float | None = None
    note: str = ""
    #: For the cleaner's rows of a tuning part: ``[page, precision, recall]`` (shingle
    #: metric) or ``[page, TP, FN, FP, TN]`` (snippet metric) per page; not printed.
    pages: list = field(default_factory=list)


def crash_note(errors) -> str:
    errors = list(errors)
    return f"{len(errors)} pages raised, scored as empty (first: {errors[0][:240]})" if errors else ""


def _counts(metric: str, page, output):
    if metric == "shingle":
        return shingle_counts(page.truth, output)
    return snippet_counts(output, page.with_, page.without)


def _per_page(metric: str, key: str, c) -> list:
    if metric == "shingle":
        return [key, round(page_precision(*c), 4), round(page_recall(*c), 4)]
    return [key, *c]


def part_rows(set_id: str, label: str, sections: dict[str, str], metric: str, pages,
              outputs: dict[tuple[str, str], list], errors: dict | None = None) -> list[Row]:
    """Rows for every ``(mode, system)`` of ``outputs`` (one output per page), on all pages,
    the tuning part and the check part.  ``sections`` maps a mode to the table section;
    ``metric`` is ``"shingle"`` (``page.truth``) or ``"snippet"`` (``page.with_``/``without``);
    ``errors`` maps ``(mode, system)`` to ``{page index: message}``."""
    errors = errors or {}
    counts = {k: [_counts(metric, p, o) for p, o in zip(pages, outs)] for k, outs in outputs.items()}
    score = shingle_score if metric == "shingle" else snippet_score
    parts = {"all": list(range(len(pages)))}
    for part in PARTS:
        parts[part] = [i for i, p in enumerate(pages) if part_of(p.key) == part]
    rows: list[Row] = []
    for part, idx in parts.items():
        if not idx:
            continue
        scope = "" if part == "all" else f"{part}."
        for (mode, system), c in counts.items():
            s = score([c[i] for i in idx])
            crashed = [e for i, e in errors.get((mode, system), {}).items() if i in idx]
            per_page = ([_per_page(metric, pages[i].key, c[i]) for i in idx]
                        if part == "tune" and system.startswith("clean") else [])
            rows.append(Row(f"{mode}.{set_id}.{scope}{system}", sections[mode],
                            label + ("" if part == "all" else f" · {part}"), SYSTEM_NAMES[system],
                            s.n, s.precision, s.recall, s.f1, s.sd, crash_note(crashed), per_page))
    _compare(rows, set_id)
    return rows


def _note(row: Row, text: str) -> None:
    row.note = "; ".join(x for x in (row.note, text) if x)


def _compare(rows: list[Row], set_id: str) -> None:
    """Notes: post-processing beside its extractor, the cleaner beside its best peer and,
    on the check part, beside its tuning-part figure."""
    by_id = {r.id: r for r in rows}
    for row in rows:
        mode, rest = row.id.split(".", 1)
        scope, system = rest[len(set_id) + 1:].rpartition(".")[::2]
        prefix = f"{mode}.{set_id}.{scope + '.' if scope else ''}"
        if not system.startswith("clean") or row.f1 is None:
            continue
        if system.startswith("clean_extract"):
            traf = by_id.get(prefix + "trafilatura")
            if traf is not None and traf.f1 is not None:
                _note(row, f"vs trafilatura: F1 {row.f1 - traf.f1:+.3f}, "
                           f"recall {row.recall - traf.recall:+.3f}")
        elif system == "clean_flat":
            spaced = by_id.get(prefix + "clean")
            if spaced is not None and spaced.f1 is not None:
                _note(row, f"vs clean(dump): F1 {row.f1 - spaced.f1:+.3f}")
        else:
            peers = [by_id[prefix + p] for p in PEERS[mode] if prefix + p in by_id]
            best = max(peers, key=lambda r: r.f1 or 0.0, default=None)
            if best is not None and best.f1 is not None:
                _note(row, f"vs best peer ({best.system}): F1 {row.f1 - best.f1:+.3f}")
        if scope == "check":
            tune = by_id.get(f"{mode}.{set_id}.tune.{system}")
            if tune is not None and tune.f1 is not None:
                _note(row, f"tune - check F1 {tune.f1 - row.f1:+.3f}")
