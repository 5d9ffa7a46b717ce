"""The scores: ScrapingHub's shingle metric, trafilatura's snippet metric, and line-level
scoring of labelled seeds.

ScrapingHub (article-extraction-benchmark's ``evaluate.py``): tokens are ``\\w+`` matches,
case-sensitive as in that benchmark; 4-token shingles (a text of fewer than four tokens is
one shingle); per page TP/FP/FN are multiset overlaps of shingles normalised to sum 1;
precision and recall are averaged over pages (a page with neither FP nor FN scores 1, a
page with no TP 0); F1 comes from the two averages.  Its spread is the standard deviation
of F1 over bootstrap resamples of the pages (fixed seed, so figures repeat exactly).

trafilatura (its ``tests/comparison.py``): whitespace runs collapsed to one space in output
and snippet; a snippet is present if it is a case-sensitive substring; TP/FN/FP/TN summed
over all snippets of all pages (micro average).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass

#: A word (a token of the shingles, and what `words` counts).
TOKEN = re.compile(r"\w+")
BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# -- ScrapingHub shingles -------------------------------------------------------------------

def shingles(text: str | None, n: int = 4) -> Counter:
    tokens = TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def shingle_counts(truth: str, prediction: str | None) -> tuple[float, float, float]:
    """Per-page (TP, FP, FN), normalised to sum 1 so long pages weigh no more."""
    true, pred = shingles(truth), shingles(prediction)
    tp = fp = fn = 0
    for key in true.keys() | pred.keys():
        t, p = true.get(key, 0), pred.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    sd: float | None  # bootstrap standard deviation of F1
    n: int  # pages (or documents)


def _sd(values: list[float]) -> float:
    mean = sum(values) / len(values)
    return (sum((v - mean) ** 2 for v in values) / (len(values) - 1)) ** 0.5 if len(values) > 1 else 0.0


def _bootstrap(n: int, statistic) -> float:
    rng = random.Random(BOOTSTRAP_SEED)
    return _sd([statistic([rng.randrange(n) for _ in range(n)]) for _ in range(BOOTSTRAP_SAMPLES)])


def shingle_score(counts: list[tuple[float, float, float]]) -> Score:
    """Averaged precision/recall, F1 of the averages, bootstrap SD of F1."""
    if not counts:
        return Score(0.0, 0.0, 0.0, None, 0)
    ps = [page_precision(*c) for c in counts]
    rs = [page_recall(*c) for c in counts]

    def stat(idx):
        return f1(sum(ps[i] for i in idx) / len(idx), sum(rs[i] for i in idx) / len(idx))

    p, r = sum(ps) / len(ps), sum(rs) / len(rs)
    return Score(p, r, f1(p, r), _bootstrap(len(counts), stat), len(counts))


# -- trafilatura snippets -------------------------------------------------------------------

def collapse(text: str) -> str:
    """``text`` with each run of white space (`str.split`'s: any Unicode white space) made
    one space and none at either end: how the benchmarks compare texts whose spacing a
    dump or an extractor may change (snippets, a dump's lines, titles)."""
    return " ".join(text.split())


def snippet_counts(output: str | None, with_: tuple[str, ...], without: tuple[str, ...]) -> tuple[int, int, int, int]:
    """Per-page (TP, FN, FP, TN)."""
    text = collapse(output or "")
    present = [collapse(s) in text for s in with_]
    leaked = [collapse(s) in text for s in without]
    return sum(present), len(present) - sum(present), sum(leaked), len(leaked) - sum(leaked)


def snippet_score(counts: list[tuple[int, int, int, int]]) -> Score:
    """Micro-averaged precision/recall/F1 over all snippets; bootstrap SD over pages."""
    if not counts:
        return Score(0.0, 0.0, 0.0, None, 0)

    def prf(idx):
        tp = sum(counts[i][0] for i in idx)
        fn = sum(counts[i][1] for i in idx)
        fp = sum(counts[i][2] for i in idx)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, f1(p, r)

    p, r, f = prf(range(len(counts)))
    return Score(p, r, f, _bootstrap(len(counts), lambda idx: prf(idx)[2]), len(counts))


# -- labelled seeds, line level -------------------------------------------------------------

def words(text: str) -> int:
    return len(TOKEN.findall(text))


def expected_keep(kind: str, story: int | None) -> bool | None:
    """Whether a labelled line belongs in ``clean``'s output: True for the main story's
    body and subheadings, False for drops, teasers and other stories' lines, None (not
    scored) for titles, optional lines and blanks."""
    if kind in ("blank", "title", "opt"):
        return None
    if kind in ("body", "head"):
        return story == 0
    return False  # drop, teaser


@dataclass(frozen=True)
class LineScore:
    tp: int  # words of lines to keep that were kept
    fp: int  # words of lines to drop that were kept
    fn: int  # words of lines to keep that were dropped

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def __add__(self, other: "LineScore") -> "LineScore":
        return LineScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def line_score(labelled, kept: list[bool]) -> LineScore:
    """Word-weighted TP/FP/FN of one document; ``kept[i]``: line i is in the main story's
    output."""
    tp = fp = fn = 0
    for line, keep in zip(labelled, kept, strict=True):
        want = expected_keep(line.kind, line.story)
        if want is None:
            continue
        n = words(line.text)
        if want and keep:
            tp += n
        elif want:
            fn += n
        elif keep:
            fp += n
    return LineScore(tp, fp, fn)


def drop_group(kind: str, story: int | None, category: str | None) -> str | None:
    """The group a must-drop line is reported under: its drop category, ``teaser``, or
    ``other story``."""
    if kind == "drop":
        return category
    if kind == "teaser":
        return "teaser"
    if kind in ("body", "head") and story != 0:
        return "other story"
    return None
