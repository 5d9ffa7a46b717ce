"""Synthetic multi-article dumps: how well `split` finds story boundaries and how well
`clean` keeps the first story alone.

The dumps are built deterministically (fixed seed) from the development pages of the
ScrapingHub article-extraction benchmark: each page's HTML is turned into a whole-page text
dump with inscriptis, and the page's ground-truth body tells which dump lines are its story.

One dump per page (the page is story 0, the page the dump "is"):

    2-8 lines: the end of page 0's head (menus, share row)   \\
    story 0: title line .. last body line                      |  segment 0
    2-10 lines: the start of page 0's tail (tags, share row)  /
                + the end of the next page's head
    story 1: title line .. last body line  (full)             \\  segment 1
    junk ...                                                  /
    ...
    1-3 lines: the start of the last full page's tail
    teaser, teaser ...   (one line each, 200-400 characters cut mid-sentence,
                          sometimes under their own title line)
    the next lines of that tail (3-9 lines of tail in all)

Story lines include what sits inside the story on the page (captions, bylines, in-story
widgets), so `clean` must still tell those apart.

2 to 4 stories per dump.  Later stories come from the other page of the same site when
there is one (six sites have two pages each), otherwise from a page in the same language
(guessed from the body with `cleaner.language.guess_language`), so neighbouring stories
often share style and vocabulary.  A page that is the only one of its language, or whose
language is not recognised, takes its later stories from any page (a few dumps mix
languages).  The junk between stories is
real lines from the dumps (share rows, tags, breadcrumbs, related lists, footers).

Scores:

- boundaries: a story start is the first non-blank line of each later story (its title
  line when it has one); a predicted start is the first line of each `Article` after the
  first.  Precision, recall and F1 with one-to-one matching within +-1 non-blank line.
- the boundary errors by cause (`miss_causes`, ``--causes``): a missed start found 2-8
  lines off (a false start that close to it), taken into the story before it, or dropped
  whole (none of its lines in a story); a false start near a missed one (the same
  boundary misplaced) or inside a story.
- Pk and WindowDiff (Beeferman et al. 1999; Pevzner & Hearst 2002) over the non-blank
  lines of each dump, k = half the mean true segment length (at least 2), averaged over
  dumps; with the no-split baseline's Pk (one segment) beside them.
- ShingleF1 of ``clean(dump)`` against story 0's ground-truth body (4-token shingles of
  ``\\w+`` tokens, per-dump TP/FP/FN, precision and recall averaged over dumps, F1 of the
  averages); beside it the raw dump's F1 and ``clean`` of story 0's page alone.
  ``clean`` runs with the options asked (default: balanced), as a user calls it: when a
  dump opens with story 0's title line and no other story is found in it, ``clean``
  keeps that title (``Options.keep_title`` "leading"), while the ground-truth body holds
  no headline, so that title counts against precision.  The figure is left so (it
  measures what ``clean`` returns).

**Families** (``benchmarks/story_dumps.py``): beside the classic layout above, every
family of `FAMILIES` (later stories without a title line, no boilerplate between stories,
one newline between lines, same-site and cross-site neighbours, a row of one-line
teasers, a short main story followed by a long one, and *mixed*) is scored on the
*tuning* and the *check* part of the pages (a hash of the page key; a dump draws its
later stories from its own part only).  Story rules are judged on the tuning part; the
check part shows whether they hold; the *mixed* family (`HELD_OUT`) is read only to
check a finished change.  (The six sites with two pages all hash into the tuning part,
so the same-site family has no check part.)

**Extracts** (`EXTRACTS`, ``--families extracts``): stories that are article texts as an
extractor gives them (``trafilatura.extract`` of the pages of both dev sets, cached), not
whole-page dumps: 40 dumps per part, each the main story's extract followed by 1-3 other
sites' (full, or a one-line teaser of 200-400 characters cut mid-sentence), with 0-4 of
the pages' own dropped lines between stories (none when a page has none), the next
page's headline on top of a later story half the time, one newline or a blank line
between lines.  Such a dump reads as extractor output (`cleaner.extracted`), where a
change of topic alone splits little; rows ``extracts.<part>``.

**Single-story pages**: on both dev sets (ScrapingHub and trafilatura-eval pages), as
text dumps and as HTML, the share of pages where a piece of the page's article (a line of
its ground-truth body, a snippet that must be in the main text) ends up in a story other
than the main one; and the story stage's CPU time per document and share of `analyze`.

Run ``python3 benchmarks/multiarticle.py`` (``--verbose`` lists every dump's boundaries,
of the parts asked only: check dumps are not for reading one by one; ``--families``/
``--parts`` choose what is scored, ``--single`` adds the single-story pages, ``--seeds 1,2,3``
scores every family as the mean over dumps drawn with each seed: the same pages in other
layouts, more tuning data than one draw of 39 dumps a family), ``--flat`` adds every
chosen family laid out flat (the same dumps with no line indented, `story_dumps.flat`, as
in Common Crawl WET text; `evaluate` scores them too, as ``<family>/flat`` rows).
``--pages multilingual`` (or ``both``) builds the classic family and the families from the
multilingual dev pages (`story_dumps.load_multilingual_pages`: each page's
``trafilatura.extract`` text located in its dump) instead of (or beside) the ScrapingHub
pages; a family that cannot be built from them (same-site, from pages of one site each)
is skipped with the reason printed.  `evaluate` and the benchmark gate read the
ScrapingHub pages only.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpora import part_of  # noqa: E402
from benchmarks.metrics import collapse  # noqa: E402
from benchmarks.story_dumps import (  # noqa: E402
    EXTRACTS, FAMILIES, HELD_OUT, SEED, SOURCES, Dump, build_dumps, build_extracts, build_family, corpus_dir,
    flat, headline_texts, load_extracts, load_pages, load_source, title_key,
)

#: The page source whose families `evaluate` reports beside the ScrapingHub pages' (its
#: rows' prefix).
MULTILINGUAL = "multilingual"

__all__ = ["EXTRACTS", "FAMILIES", "HELD_OUT", "corpus_dir", "evaluate", "figures", "family_figures",
           "pooled_figures"]

_WORD = re.compile(r"\w+")


# --------------------------------------------------------------------------- metrics

def _shingles(text: str, n: int = 4) -> Counter:
    tokens = _WORD.findall(text or "")
    return Counter(" ".join(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def shingle_prf(truth: str, pred: str) -> tuple[float, float]:
    """Precision and recall of ``pred`` against ``truth`` on 4-token shingles (as the
    ScrapingHub benchmark counts them; an empty prediction has precision 0)."""
    t, p = _shingles(truth), _shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def f1_of_averages(pairs: list[tuple[float, float]]) -> tuple[float, float, float]:
    if not pairs:
        return 0.0, 0.0, 0.0
    p = sum(x for x, _ in pairs) / len(pairs)
    r = sum(y for _, y in pairs) / len(pairs)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def boundary_matches(true: list[int], pred: list[int], tolerance: int = 1) -> int:
    """One-to-one matches between true and predicted boundary positions within
    ``tolerance`` (greedy in order, exact matches first)."""
    return len(matched_starts(true, pred, tolerance))


def matched_starts(true: list[int], pred: list[int], tolerance: int = 1) -> dict[int, int]:
    """The one-to-one matches of `boundary_matches`: ``{true start: predicted start}``."""
    used: set[int] = set()
    matched: dict[int, int] = {}
    pending = []
    for t in true:
        if t in pred and t not in used:
            used.add(t)
            matched[t] = t
        else:
            pending.append(t)
    for t in pending:
        for d in range(1, tolerance + 1):
            hit = next((p for p in (t - d, t + d) if p in pred and p not in used), None)
            if hit is not None:
                used.add(hit)
                matched[t] = hit
                break
    return matched


#: How far (non-blank lines) a predicted start may sit from a true one and still be the
#: same boundary put in the wrong place (`miss_causes`).
NEAR_LINES = 8

#: The kinds of error `miss_causes` counts, in the order the benchmark prints them.
MISS_CAUSES = ("missed_near", "missed_merged", "missed_lost", "false_near", "false_inside")


def miss_causes(true: list[int], pred: list[int], in_story: list[bool], near: int = NEAR_LINES) -> Counter:
    """Why the boundaries of one dump went wrong: each true start that no predicted one
    matches (`matched_starts`) is ``missed_near`` when a predicted start that matches no
    true one sits 2 to ``near`` lines from it (the boundary found, put in the wrong
    place), else ``missed_lost`` (no line of its story, up to the next true start, in any
    story: dropped whole) or ``missed_merged`` (its lines taken into a story that began
    before it); each predicted start that matches none is ``false_near`` when such a
    missed true start sits ``near`` lines or fewer from it (the other side of the same
    misplaced boundary), else ``false_inside`` (a story cut in two).  ``in_story``: per
    non-blank line, whether it is in a story.

    >>> sorted(miss_causes([10, 20, 40], [10, 23, 52], [True] * 40 + [False] * 20).items())
    [('false_inside', 1), ('false_near', 1), ('missed_lost', 1), ('missed_near', 1)]
    >>> sorted(miss_causes([10, 11], [10], [True] * 20).items())  # a teaser a line on: merged
    [('missed_merged', 1)]
    """
    matched = matched_starts(true, pred)
    used = set(matched.values())
    missed = [t for t in sorted(true) if t not in matched]
    unused = [p for p in pred if p not in used]
    out: Counter = Counter()
    ends = dict(zip(sorted(true), sorted(true)[1:] + [len(in_story)]))
    for t in missed:
        if any(abs(p - t) <= near for p in unused):
            out["missed_near"] += 1
        elif not any(in_story[t:ends[t]]):
            out["missed_lost"] += 1
        else:
            out["missed_merged"] += 1
    for p in unused:
        out["false_near" if any(abs(p - t) <= near for t in missed) else "false_inside"] += 1
    return out


def _segment_ids(n: int, starts: list[int]) -> list[int]:
    ids, s, starts = [], 0, sorted(starts)
    j = 0
    for i in range(n):
        while j < len(starts) and starts[j] <= i:
            s += 1
            j += 1
        ids.append(s)
    return ids


def pk(n: int, true: list[int], pred: list[int], k: int) -> float:
    """Pk: share of probe pairs (i, i+k) on which reference and hypothesis disagree about
    being in the same segment."""
    if n <= k:
        return 0.0
    r, h = _segment_ids(n, true), _segment_ids(n, pred)
    wrong = sum((r[i] == r[i + k]) != (h[i] == h[i + k]) for i in range(n - k))
    return wrong / (n - k)


def window_diff(n: int, true: list[int], pred: list[int], k: int) -> float:
    """WindowDiff: share of windows (i, i+k) holding a different number of boundaries."""
    if n <= k:
        return 0.0
    r, h = _segment_ids(n, true), _segment_ids(n, pred)
    wrong = sum((r[i + k] - r[i]) != (h[i + k] - h[i]) for i in range(n - k))
    return wrong / (n - k)


# --------------------------------------------------------------------------- scoring

def predicted_starts(text: str, articles) -> list[int]:
    """Non-blank line number of the first line of each article after the first."""
    from cleaner.segment import segment

    lines = segment(text)
    nb_index, nb = {}, 0
    for line in lines:
        if line.text:
            nb_index[line.start] = nb
            nb += 1
    out = []
    for art in articles[1:]:
        start = art.span[0]
        line = next(l for l in lines if l.start <= start <= l.end)
        out.append(nb_index.get(line.start, 0))
    return out


@dataclass
class Tally:
    """Scores of `cleaner.analyze` on a list of dumps, summed as they come."""

    tp: int = 0
    n_true: int = 0
    n_pred: int = 0
    pks: list = field(default_factory=list)
    wds: list = field(default_factory=list)
    base_pks: list = field(default_factory=list)
    clean: list = field(default_factory=list)
    raw: list = field(default_factory=list)
    page: list = field(default_factory=list)
    kinds_right: int = 0
    kinds_total: int = 0
    titled: int = 0  # later stories under a title line
    titles_right: int = 0  # ... found, with that line as their `Article.title`
    untitled_found: int = 0  # later stories with no title line, found
    untitled_titled: int = 0  # ... given a title all the same (a line of the gap)
    causes: Counter = field(default_factory=Counter)  # `miss_causes`, summed over the dumps

    def add(self, dump: Dump, analysis, options=None, alone: bool = False) -> bool:
        """Score one dump; ``alone``: also clean story 0's page alone.  True when every
        boundary is right."""
        import cleaner

        articles = analysis.articles
        pred = predicted_starts(analysis.source, articles)
        true = dump.starts
        self.tp += boundary_matches(true, pred)
        self.causes.update(miss_causes(true, pred, [v.story is not None for v in analysis.verdicts if v.line.text]))
        self.n_true += len(true)
        self.n_pred += len(pred)
        seg_lengths = [b - a for a, b in zip([0] + true, true + [dump.nonblank])]
        k = max(2, round(sum(seg_lengths) / len(seg_lengths) / 2))
        self.pks.append(pk(dump.nonblank, true, pred, k))
        self.wds.append(window_diff(dump.nonblank, true, pred, k))
        self.base_pks.append(pk(dump.nonblank, true, [], k))
        self.clean.append(shingle_prf(dump.body, analysis.text))
        self.raw.append(shingle_prf(dump.body, dump.text))
        if alone:
            self.page.append(shingle_prf(dump.body, cleaner.clean(dump.page_text, options)))
        if len(pred) == len(true):
            self.kinds_total += len(articles)
            self.kinds_right += sum(a.kind == k for a, k in zip(articles, dump.kinds))
        self._titles(dump, articles[1:], pred)
        return sorted(pred) == sorted(true)

    def _titles(self, dump: Dump, later, pred: list[int]) -> None:
        """Score the titles of the later stories found (`Dump.titles`): a story under a
        title line is right when the story found at its start (+-1 line, the nearest) has that line as
        its title; a story with none should get none from the lines above it (the
        boilerplate or the links between two stories), though its own first line may be
        one (an extract that opens with its page's headline)."""
        lines = [collapse(line) for line in dump.text.split("\n") if line.strip()]
        for start, title in zip(dump.starts, dump.titles):
            # the nearest, else the one after: teasers in a row sit a line apart
            near = [(abs(p - start), p < start, k) for k, p in enumerate(pred) if abs(p - start) <= 1]
            found = later[min(near)[2]] if near else None
            got = collapse(found.title) if found is not None and found.title is not None else None
            if title is not None:
                self.titled += 1
                self.titles_right += got == collapse(title)
            elif found is not None:
                self.untitled_found += 1
                self.untitled_titled += got is not None and got != lines[start]

    def _title_figures(self) -> dict:
        """``title_accuracy``: the share of the later stories under a title line that were
        found with it as their title (a story not found counts as wrong); ``false_titles``:
        the share of the later stories with no title line, found, that were given one.
        Each only when there are such stories."""
        out: dict = {}
        if self.titled:
            out.update(title_accuracy=self.titles_right / self.titled, titled=self.titled)
        if self.untitled_found:
            out.update(false_titles=self.untitled_titled / self.untitled_found, untitled_found=self.untitled_found)
        return out

    def figures(self) -> dict:
        precision = self.tp / self.n_pred if self.n_pred else 0.0
        recall = self.tp / self.n_true if self.n_true else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        cp, cr, cf = f1_of_averages(self.clean)
        mean = lambda xs: sum(xs) / len(xs) if xs else 0.0  # noqa: E731
        return {
            "dumps": len(self.pks), "boundary_precision": precision, "boundary_recall": recall,
            "boundary_f1": f1, "pk": mean(self.pks), "windowdiff": mean(self.wds),
            "pk_no_split": mean(self.base_pks),
            "kind_accuracy": self.kinds_right / self.kinds_total if self.kinds_total else 0.0,
            **self._title_figures(), **{cause: self.causes[cause] for cause in MISS_CAUSES},
            "clean_precision": cp, "clean_recall": cr, "clean_f1": cf,
            "raw_f1": f1_of_averages(self.raw)[2], "single_page_clean_f1": f1_of_averages(self.page)[2],
        }


def family_name(family) -> str:
    """A family's name in rows and figures: ``untitled``, or ``untitled/flat`` laid out flat."""
    return family.name + "/flat" * family.flat


#: Figures beyond precision/recall/F1 that the project benchmark reports as headlines
#: (completed with every family's in `_headline`).  Pk and WindowDiff are better when
#: lower: the benchmark gate holds them under ceilings.
HEADLINE: tuple[str, ...] = ("split.pk", "split.windowdiff", "split.title_accuracy", "single.text.split_share",
                             "single.html.split_share", "single.text.title_share", "single.html.title_share") + tuple(
    f"{name}.{part}.split.{metric}" for family in FAMILIES
    for name in (family.name, family_name(flat(family))) for part in ("tune", "check")
    for metric in ("pk", "windowdiff", "title_accuracy")) + tuple(
    f"{EXTRACTS.name}.{part}.split.{metric}" for part in ("tune", "check")
    for metric in ("pk", "windowdiff", "title_accuracy")) + tuple(
    f"{MULTILINGUAL}.{family.name}.{part}.split.{metric}" for family in FAMILIES
    if family.neighbours != "same-site" for part in ("tune", "check")
    for metric in ("pk", "windowdiff", "title_accuracy"))


def evaluate(pages=None, options=None, seed: int = SEED, verbose: bool = False) -> dict:
    """Score `cleaner.split` and `cleaner.clean` on the synthetic multi-article dumps: the
    classic family on all pages (rows ``split``, ``clean`` ...), then every family of
    `FAMILIES` on the tuning and the check part (rows ``<family>.<part>.split`` and
    ``.clean``), then every family laid out flat (rows ``<family>/flat.<part>...``), then
    the extracts family (`EXTRACTS`: rows ``extracts.<part>...``), then every family the
    multilingual pages can build (all but same-site: one page a site) from those pages
    (rows ``multilingual.<family>.<part>...``, see `load_source`).

    ``pages``: a corpus directory (`Path`) or ``None`` for `corpus_dir()`; anything else
    (a caller's own page list) is ignored and the pages are read from `corpus_dir()`.
    Returns ``{row: {"system", "n", "precision", "recall", "f1", more figures}}``;
    `figures` gives the classic family's numbers flat."""
    loaded = load_pages(pages if isinstance(pages, Path) else None)
    rows = _rows(figures(loaded, options, seed, verbose))
    for family in FAMILIES + tuple(flat(f) for f in FAMILIES):
        for part, f in family_figures(loaded, family, options, seed).items():
            rows.update(_family_rows(family, part, f))
    for part, f in family_figures(load_extracts(), EXTRACTS, options, seed).items():
        rows.update(_family_rows(EXTRACTS, part, f))
    multilingual = load_source(MULTILINGUAL)
    for family in FAMILIES:
        if unbuildable(family, multilingual) is None:
            for part, f in family_figures(multilingual, family, options, seed).items():
                rows.update(_family_rows(family, part, f, MULTILINGUAL))
    rows.update(_single_rows(single_story(options)))
    return rows


def _rows(f: dict) -> dict:
    n = f["dumps"]
    return {
        "split": {"system": "cleaner.split boundaries (+-1 line)", "n": n,
                  "precision": f["boundary_precision"], "recall": f["boundary_recall"],
                  "f1": f["boundary_f1"], "pk": f["pk"], "windowdiff": f["windowdiff"],
                  "kind_accuracy": f["kind_accuracy"], **_titles_of(f),
                  **{cause: f[cause] for cause in MISS_CAUSES}},
        "no_split": {"system": "no split (one story)", "n": n, "pk": f["pk_no_split"]},
        "clean": {"system": "cleaner.clean vs story 0 body", "n": n,
                  "precision": f["clean_precision"], "recall": f["clean_recall"],
                  "f1": f["clean_f1"]},
        "raw": {"system": "raw dump vs story 0 body", "n": n, "f1": f["raw_f1"]},
        "single_page": {"system": "cleaner.clean of story 0's page alone", "n": n,
                        "f1": f["single_page_clean_f1"]},
    }


def _titles_of(f: dict) -> dict:
    """The title figures of a family's figures (`Tally._title_figures`), for its split row."""
    return {k: f[k] for k in ("title_accuracy", "titled", "false_titles", "untitled_found") if k in f}


def _family_rows(family, part: str, f: dict, source: str | None = None) -> dict:
    """A family's rows for one part (``source``: the page source when not the
    ScrapingHub pages, a prefix of the rows' names)."""
    if not f["dumps"]:
        return {}
    name = family_name(family) if source is None else f"{source}.{family_name(family)}"
    label = f"{family_name(family)} [{part}]" if source is None else f"{family_name(family)} [{part}, {source} pages]"
    n = f["dumps"]
    return {
        f"{name}.{part}.split": {
            "set": label, "system": "cleaner.split boundaries (+-1 line)", "n": n,
            "precision": f["boundary_precision"], "recall": f["boundary_recall"],
            "f1": f["boundary_f1"], "pk": f["pk"], "windowdiff": f["windowdiff"],
            "pk_no_split": f["pk_no_split"], "kind_accuracy": f["kind_accuracy"], **_titles_of(f),
            **{cause: f[cause] for cause in MISS_CAUSES}},
        f"{name}.{part}.clean": {
            "set": label, "system": "cleaner.clean vs story 0 body", "n": n,
            "precision": f["clean_precision"], "recall": f["clean_recall"], "f1": f["clean_f1"],
            "raw_f1": f["raw_f1"]},
    }


def figures(pages=None, options=None, seed: int = SEED, verbose: bool = False) -> dict:
    """The classic family's figures, flat: ``{name: number}``."""
    import cleaner

    pages = pages if isinstance(pages, list) else load_pages(pages if isinstance(pages, Path) else None)
    dumps = build_dumps(pages, seed)
    tally = Tally()
    started = time.perf_counter()
    for dump in dumps:
        analysis = cleaner.analyze(dump.text, options)
        ok = tally.add(dump, analysis, options, alone=True)
        if verbose:
            _show(dump, analysis, ok, tally)
    out = tally.figures()
    out.update(pages=len(pages), stories=tally.n_true + len(dumps),
               same_site_dumps=sum(d.same_site for d in dumps),
               seconds=time.perf_counter() - started)
    return out


def family_figures(pages, family, options=None, seed: int = SEED, verbose: bool = False,
                   parts: tuple[str, ...] = ("tune", "check")) -> dict:
    """``{part: figures}`` of one family (see `Tally.figures`), for the ``parts`` asked
    (so that ``--verbose`` lists no dump of a part not asked for); ``pages``: `load_pages`'
    pages, or `load_extracts`' for `EXTRACTS`."""
    import cleaner

    out = {}
    built = build_extracts(pages, family, part_of, seed) if family.name == EXTRACTS.name \
        else build_family(pages, family, part_of, seed)
    for part, dumps in built.items():
        if part not in parts:
            continue
        tally = Tally()
        for dump in dumps:
            analysis = cleaner.analyze(dump.text, options)
            ok = tally.add(dump, analysis)
            if verbose:
                _show(dump, analysis, ok, tally)
        out[part] = tally.figures()
    return out


def pooled_figures(pages, family, options=None, seeds: tuple[int, ...] = (SEED,),
                   parts: tuple[str, ...] = ("tune",), verbose: bool = False) -> dict:
    """``{part: figures}`` of one family, each figure the mean over the dumps built with
    each of ``seeds`` (`family_figures` per seed; ``dumps`` and the counts of
    `MISS_CAUSES`: summed over them): more layouts of
    the same pages, so that a rule judged on the tuning part is judged on more than one
    draw of its dumps (``verbose``: one row per dump of each draw)."""
    runs = [family_figures(pages, family, options, seed, verbose, parts) for seed in seeds]
    out = {part: {name: sum(run[part][name] for run in runs) / len(runs) for name in runs[0][part]}
           for part in runs[0]}
    for part, figures in out.items():
        for name in ("dumps",) + MISS_CAUSES:  # counts: summed over the draws
            figures[name] = sum(run[part][name] for run in runs)
    return out


#: Words a line of another article needs to count as a piece of the page's article.
_PIECE_WORDS = 6


def _holds_article(text: str, page) -> bool:
    """Does ``text`` (an article other than the main one) hold a piece of the page's
    article: a line of 6 words or more of the ground-truth body, or a snippet that must
    be in the main text?"""
    norm = lambda t: " ".join(_WORD.findall(t.casefold()))  # noqa: E731
    if page.truth:
        body = f" {norm(page.truth)} "
        return any(len(_WORD.findall(line)) >= _PIECE_WORDS and f" {norm(line)} " in body
                   for line in text.split("\n"))
    got = norm(text)
    return any(norm(snippet) and norm(snippet) in got for snippet in page.with_)


def single_story(options=None, limit: int | None = None) -> dict:
    """On the single-story dev pages (both sets, as text dumps and as HTML): how many
    pages have a piece of their article split off into another story (`_holds_article`),
    how many have any other story (teaser rows, related stories: not an error); and the story stage's CPU time per document, with its share of
    `analyze`'s time, on the text dumps."""
    import cleaner
    from cleaner import pipeline

    from benchmarks.cache import DiskCache
    from benchmarks.corpora import scrapinghub_pages, trafilatura_eval_pages
    from benchmarks.systems import text_dump

    cache = DiskCache()
    pages = scrapinghub_pages(limit) + trafilatura_eval_pages(limit)
    inputs = {"text": [text_dump(p, cache) for p in pages], "html": [p.markup for p in pages]}
    spent = [0.0]
    stage = pipeline.find_stories

    def timed(*args, **kwargs):
        started = time.process_time()
        try:
            return stage(*args, **kwargs)
        finally:
            spent[0] += time.process_time() - started

    headlines = [headline_texts(p.html) for p in pages]
    out = {}
    for mode, docs in inputs.items():
        split = full = titled = right = 0
        total = 0.0
        pipeline.find_stories = timed if mode == "text" else stage
        try:
            for page, doc, headline in zip(pages, docs, headlines):
                started = time.process_time()
                analysis = cleaner.analyze(doc, options)
                total += time.process_time() - started
                others = [a for a in analysis.articles if a.index != analysis.main]
                split += any(_holds_article(a.text, page) for a in others)
                full += bool(others)
                main = next((a for a in analysis.articles if a.index == analysis.main), None)
                titled += bool(headline)
                right += bool(headline) and main is not None and main.title is not None \
                    and title_key(main.title) in headline
        finally:
            pipeline.find_stories = stage
        out[mode] = {"pages": len(docs), "split": split, "full": full, "seconds": total,
                     "titled": titled, "titles_right": right}
    out["stage"] = {"pages": len(pages), "seconds": spent[0], "share": spent[0] / (out["text"]["seconds"] or 1)}
    return out


def _single_rows(f: dict) -> dict:
    rows = {}
    for mode in ("text", "html"):
        g = f[mode]
        rows[f"single.{mode}"] = {
            "set": "single-story dev pages", "system": f"cleaner.split on {mode}: a story split off",
            "n": g["pages"], "split_share": g["split"] / g["pages"],
            "note": f"{g['split']} pages; pages with any other story: {g['full']}"}
        if g["titled"]:
            rows[f"single.{mode}"]["title_share"] = g["titles_right"] / g["titled"]
            rows[f"single.{mode}"]["note"] += f"; the main story's title is the page's headline: " \
                                              f"{g['titles_right']} of {g['titled']} pages with one"
    st = f["stage"]
    rows["stage"] = {"set": "single-story dev pages", "system": "story stage time (text)", "n": st["pages"],
                     "note": f"{1000 * st['seconds'] / st['pages']:.2f} ms/doc, "
                             f"{st['share']:.1%} of analyze"}
    return rows


def _show(dump: Dump, analysis, ok: bool, tally: Tally) -> None:
    pred = predicted_starts(analysis.source, analysis.articles)
    print(f"{'ok ' if ok else 'ERR'} {dump.pages[0][:10]} {' '.join(dump.notes)} "
          f"kinds={','.join(dump.kinds)} true={dump.starts} pred={pred} "
          f"clean P/R={tally.clean[-1][0]:.2f}/{tally.clean[-1][1]:.2f}")


def unbuildable(family, pages) -> str | None:
    """Why ``family`` can build no dump from ``pages`` (`load_source`'s), or ``None``: a
    same-site family needs two pages of one site in one part, which a page source of one
    page a site does not have."""
    if family.neighbours != "same-site":
        return None
    sites = Counter((part_of(p.key), p.site) for p in pages)
    if any(n > 1 for n in sites.values()):
        return None
    return f"no two pages of one site in one part ({len(pages)} pages, {len({p.site for p in pages})} sites)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--preset", default=None, help="options preset (default balanced)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--seeds", default=None,
                        help="comma-separated seeds: every family's figures are the mean over the dumps of "
                             "each (more draws of the tuning part; the classic family uses --seed)")
    parser.add_argument("--families", default=",".join(["classic"] + [f.name for f in FAMILIES if f.name != HELD_OUT]
                                                        + [EXTRACTS.name]),
                        help=f"comma-separated families (default all but the held-out {HELD_OUT!r})")
    parser.add_argument("--parts", default="tune", help="comma-separated parts: tune, check")
    parser.add_argument("--verbose", action="store_true", help="one row per dump")
    parser.add_argument("--single", action="store_true", help="also the single-story dev pages")
    parser.add_argument("--causes", action="store_true",
                        help="also count each family's boundary errors by cause (miss_causes): a boundary "
                             "missed but found a few lines off, taken into the story before, or dropped whole; "
                             "a false start near a true one or inside a story")
    parser.add_argument("--flat", action="store_true",
                        help="also every chosen family laid out flat: the same dumps, no line indented")
    parser.add_argument("--pages", choices=SOURCES, default="scrapinghub",
                        help="where the classic family's and the families' pages come from: the ScrapingHub "
                             "pages (default), the multilingual trafilatura-eval pages, or both (the extracts "
                             "family and --single read both dev sets whatever this says)")
    args = parser.parse_args(argv)
    if args.single:
        for name, row in _single_rows(single_story(args.preset)).items():
            print(name, row)
    pages = load_source(args.pages)
    counts = Counter(part_of(p.key) for p in pages)
    print(f"pages ({args.pages}): {len(pages)}, tune {counts['tune']}, check {counts['check']}", file=sys.stderr)
    wanted = args.families.split(",")
    print(f"{'family':<16} {'part':<5} {'n':>3}  {'bP':>5} {'bR':>5} {'bF1':>5} {'Pk':>5} {'WD':>5}  "
          f"{'cP':>5} {'cR':>5} {'cF1':>5}")
    results = []
    if "classic" in wanted:
        results.append(("classic", "all", figures(pages, args.preset, args.seed, args.verbose)))
    chosen = [f for f in FAMILIES if f.name in wanted]
    skipped: list[str] = []
    extracts = load_extracts() if EXTRACTS.name in wanted else []
    if EXTRACTS.name in wanted and not extracts:
        parser.error(f"the {EXTRACTS.name!r} family has no pages: no dev page's trafilatura extract "
                     "holds a story (load_extracts)")
    for family in chosen + ([flat(f) for f in chosen] if args.flat else []) + [EXTRACTS] * (EXTRACTS.name in wanted):
        parts = tuple(args.parts.split(","))
        built = extracts if family is EXTRACTS else pages
        if family is not EXTRACTS and (reason := unbuildable(family, pages)):
            skipped.append(f"{family_name(family)}: skipped for the {args.pages} pages: {reason}")
            continue
        if args.seeds:
            got = pooled_figures(built, family, args.preset, tuple(int(x) for x in args.seeds.split(",")), parts,
                                 args.verbose)
        else:
            got = family_figures(built, family, args.preset, args.seed, args.verbose, parts)
        name = family_name(family)
        results += [(name, part, got[part]) for part in args.parts.split(",") if part in got]
    for name, part, f in results:
        print(f"{name:<16} {part:<5} {f['dumps']:>3}  {f['boundary_precision']:.3f} {f['boundary_recall']:.3f} "
              f"{f['boundary_f1']:.3f} {f['pk']:.3f} {f['windowdiff']:.3f}  {f['clean_precision']:.3f} "
              f"{f['clean_recall']:.3f} {f['clean_f1']:.3f}")
    if args.causes:
        print(f"{'family':<16} {'part':<5}  missed: {'near':>5} {'merged':>6} {'lost':>5}   false: {'near':>5} "
              f"{'inside':>6}")
        for name, part, f in results:
            print(f"{name:<16} {part:<5}          {f['missed_near']:>5} {f['missed_merged']:>6} {f['missed_lost']:>5}"
                  f"          {f['false_near']:>5} {f['false_inside']:>6}")
    for line in skipped:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
