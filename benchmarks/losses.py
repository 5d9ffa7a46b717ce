"""Which rules cost `clean` article text: every ground-truth word that ``clean`` loses,
charged to the rule that dropped its line, and every word kept that is not article text,
charged to the rule that kept it.

    python3 benchmarks/losses.py                          # tune part, text mode, both sets
    python3 benchmarks/losses.py --set scrapinghub --mode html --top 15
    python3 benchmarks/losses.py --stage                  # rules as stage:rule
    python3 benchmarks/losses.py --show feature.heading   # the article lines one rule drops
    python3 benchmarks/losses.py --uncatalogued           # each page's own catalogue off

A line of a dump is read with `cleaner.analyze` (``html="never"`` in text mode; the page's
markup in HTML mode, whose lines are those of the text the front door extracts).  A line
not in the output is charged to its *last deciding rule* (the trail's last layer) when
that layer drops it, and to the story stage (``story:other`` for a kept line of another
story, ``story:none`` for one outside every story) when it is kept but not in the main
story.  A line in the output is charged to the rule that kept it.

What counts as article text:

- ``scrapinghub`` (ground-truth body): a word of a line is article text when it lies in a
  run of four words (the shingles of the ScrapingHub metric, ``\\w+`` tokens, case kept)
  that the body holds; a line of fewer than four words is article text when it is a whole
  paragraph of the body (same words, as a subheading stands there).  Words of a dropped
  line that the output holds anyway (a table's cells beside the row written as one line,
  a repeated line) are not lost.
- ``trafilatura-eval`` (must / must-not snippets): the words of a *must* snippet that
  ``clean`` does not return are charged to the lines that hold it in the dump (their share
  of its characters); the words of a *must-not* snippet that ``clean`` returns are charged
  to the kept lines that hold it.  Dropped must-not words count as dropped non-article
  words; other lines are not counted (nobody said what they are).  A must snippet that the
  dump does not hold is charged to ``(not in source)``.

Per rule, ranked by the first: what it costs the set's recall (``recall``, in points of
the metric: a ScrapingHub page's shortfall shared by the rules that lost its words, a lost
must snippet shared by the lines that hold it), article words lost, non-article words
dropped (so its precision as a dropping rule, ``dropP``: the share of what it drops that
is not article text), the pages and sites it loses article words on, and non-article
words it keeps.  ``--stage`` names a rule with the stage that fired it
(``context:context.isolated``, a short sentence away from body, is not
``block:context.isolated``, a line outside the main text region).  A rule that loses article text
on pages of several sites will do it on pages nobody tuned on.  Read the tuning part
(``--part tune``, the default); the check part measures, it is not read for rules.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: import this checkout's cleaner
    sys.path.insert(0, str(ROOT))

from benchmarks.metrics import TOKEN, collapse  # noqa: E402

#: Charged when a line is kept but belongs to another story / to no story.
STORY_OTHER = "story:other"
STORY_NONE = "story:none"
#: Charged with a must snippet the source does not hold at all.
NOT_IN_SOURCE = "(not in source)"
SHINGLE = 4


@dataclass
class Tally:
    """One rule's account over the pages read."""

    lost: float = 0.0  # article words it dropped
    dropped_other: float = 0.0  # non-article words it dropped
    kept_other: float = 0.0  # non-article words it kept in the output
    kept: float = 0.0  # article words it kept in the output
    #: What it costs the set's recall (metric points): ScrapingHub, each page's shortfall
    #: of recall shared by the rules that lost its words, over the pages; snippets, each
    #: lost must snippet shared by the lines that hold it, over the set's must snippets.
    cost: float = 0.0
    pages: set = field(default_factory=set)  # pages it lost article words on
    sites: set = field(default_factory=set)  # their sites

    @property
    def drop_precision(self) -> float | None:
        """The share of the words it dropped that are not article text."""
        total = self.lost + self.dropped_other
        return self.dropped_other / total if total else None


def _charge(v, main: int | None, stage: bool = False) -> tuple[str, bool]:
    """The rule a line is charged to (with ``stage``, as ``stage:rule``: a rule some
    stages fire each) and whether the line is in the output."""
    rule = f"{v.final.stage}:{v.final.rule}" if stage else v.final.rule
    if v.output:
        return rule, True
    if not v.final.keep:
        return rule, False
    return (STORY_NONE if v.story is None else STORY_OTHER), False


def _grams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def truth_index(truth: str) -> tuple[set, set]:
    """A ground-truth body read for `article_words`: its `SHINGLE`-word runs and the words
    of each of its paragraphs (lines)."""
    grams = _grams(TOKEN.findall(truth), SHINGLE)
    paragraphs = {tuple(TOKEN.findall(p)) for p in truth.splitlines()}
    return grams, paragraphs - {()}


def article_words(line: str, index: tuple[set, set], output: tuple[set, str] | None = None) -> tuple[int, int]:
    """(article words, other words) of one line against a ground-truth body read by
    `truth_index`; given the ``output`` (its `SHINGLE`-word runs and its words joined by
    spaces, padded), the article words that the output holds anyway (a table's cell whose
    row the output holds as one line) are neither."""
    grams, paragraphs = index
    tokens = TOKEN.findall(line)
    if not tokens:
        return 0, 0
    if len(tokens) < SHINGLE:
        if tuple(tokens) not in paragraphs:
            return 0, len(tokens)
        held = output is not None and f" {' '.join(tokens)} " in output[1]
        return (0, 0) if held else (len(tokens), 0)
    marked = [False] * len(tokens)
    held = set() if output is None else output[0]
    for i in range(len(tokens) - SHINGLE + 1):
        gram = tuple(tokens[i:i + SHINGLE])
        if gram in held:
            for j in range(i, i + SHINGLE):
                marked[j] = None if marked[j] is False else marked[j]
        elif gram in grams:
            for j in range(i, i + SHINGLE):
                marked[j] = True
    hit = sum(m is True for m in marked)
    return hit, sum(m is False for m in marked)


def attribute_truth(analysis, truth: str, stage: bool = False) -> dict[str, Tally]:
    """Per rule, the words of one analysed page against its ground-truth body (``stage``:
    rules named with their stage, `_charge`)."""
    index = truth_index(truth)
    said = TOKEN.findall(analysis.text)
    output = (_grams(said, SHINGLE), f" {' '.join(said)} ")
    tallies: dict[str, Tally] = defaultdict(Tally)
    for v in analysis.verdicts:
        if v.line.blank:
            continue
        rule, out = _charge(v, analysis.main, stage)
        art, other = article_words(v.line.text, index, None if out else output)
        t = tallies[rule]
        if out:
            t.kept += art
            t.kept_other += other
        else:
            t.lost += art
            t.dropped_other += other
    from benchmarks.metrics import page_recall, shingle_counts

    shortfall = 1 - page_recall(*shingle_counts(truth, analysis.text))
    lost = sum(t.lost for t in tallies.values())
    for t in tallies.values():
        if lost and shortfall > 0:
            t.cost = shortfall * t.lost / lost
    return dict(tallies)


def _located(lines: list[str], snippet: str) -> list[tuple[int, int]] | None:
    """(line index, characters of the snippet on it) for the lines that hold ``snippet``
    in the collapsed non-blank lines joined by spaces; None when they do not hold it."""
    texts = [collapse(t) for t in lines]
    joined, starts, pos = [], [], 0
    for t in texts:
        starts.append(pos)
        joined.append(t)
        pos += len(t) + 1
    whole = " ".join(joined)
    at = whole.find(snippet)
    if at < 0:
        return None
    end = at + len(snippet)
    spans = []
    for i, (s, t) in enumerate(zip(starts, texts)):
        overlap = min(end, s + len(t)) - max(at, s)
        if overlap > 0:
            spans.append((i, overlap))
    return spans


def attribute_snippets(analysis, with_=(), without=(), stage: bool = False) -> dict[str, Tally]:
    """Per rule, the words of one analysed page's must (``with_``) and must-not
    (``without``) snippets, scored as the snippet metric scores ``analysis.text``
    (``stage``: rules named with their stage, `_charge`)."""
    output = collapse(analysis.text)
    verdicts = [v for v in analysis.verdicts if not v.line.blank]
    lines = [v.line.text for v in verdicts]
    tallies: dict[str, Tally] = defaultdict(Tally)
    for snippets, article in ((with_, True), (without, False)):
        for raw in snippets:
            snippet = collapse(raw)
            n = len(TOKEN.findall(snippet))
            if not snippet or not n:
                continue
            found = snippet in output
            spans = _located(lines, snippet)
            if spans is None:
                if article and not found:
                    tallies[NOT_IN_SOURCE].lost += n
                    tallies[NOT_IN_SOURCE].cost += 1
                continue
            size = sum(c for _, c in spans)
            for i, chars in spans:
                rule, out = _charge(verdicts[i], analysis.main, stage)
                share = n * chars / size
                t = tallies[rule]
                if article:
                    if found:
                        t.kept += share
                    elif not out:
                        t.lost += share
                        t.cost += chars / size
                elif found and out:
                    t.kept_other += share
                elif not out:
                    t.dropped_other += share
    return dict(tallies)


def merge(into: dict[str, Tally], page: dict[str, Tally], name: str, site: str) -> None:
    for rule, t in page.items():
        acc = into.setdefault(rule, Tally())
        acc.lost += t.lost
        acc.dropped_other += t.dropped_other
        acc.kept_other += t.kept_other
        acc.kept += t.kept
        acc.cost += t.cost
        if t.lost >= 1:
            acc.pages.add(name)
            acc.sites.add(site)


def site_of(url: str, name: str) -> str:
    host = urlparse(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host or name


def table(tallies: dict[str, Tally], top: int) -> str:
    rows = sorted(tallies.items(), key=lambda kv: (-kv[1].cost, -kv[1].lost, kv[0]))
    out = [f"{'rule':40} {'recall':>6} {'lost':>6} {'drop-oth':>8} {'dropP':>6} {'pages':>5} {'sites':>5} "
           f"{'keptOth':>8}"]
    for rule, t in rows[:top]:
        p = t.drop_precision
        out.append(f"{rule[:40]:40} {t.cost:6.4f} {t.lost:6.0f} {t.dropped_other:8.0f} "
                   f"{'' if p is None else f'{p:6.3f}':>6} {len(t.pages):5} {len(t.sites):5} "
                   f"{t.kept_other:8.0f}")
    kept = sorted(tallies.items(), key=lambda kv: (-kv[1].kept_other, kv[0]))
    out.append("")
    out.append(f"{'kept non-article, by rule':40} {'keptOth':>8} {'keptArt':>8}")
    for rule, t in kept[:top]:
        if t.kept_other:
            out.append(f"{rule[:40]:40} {t.kept_other:8.0f} {t.kept:8.0f}")
    return "\n".join(out)


def _pages(set_name: str, part: str):
    from benchmarks.corpora import part_of, scrapinghub_pages, trafilatura_eval_pages

    pages = scrapinghub_pages() if set_name == "scrapinghub" else trafilatura_eval_pages()
    return [p for p in pages if part == "all" or part_of(p.key) == part]


def _analyse(page, mode: str, cache, uncatalogued: bool = False):
    """The page read in ``mode``; with ``uncatalogued``, read as a page whose language has
    no catalogue of its own: the catalogue of the language guessed for it switched off
    (``Options.disabled_rules``), so that only ``common`` and the line features act and
    the stages read `Options.uncatalogued`, as on a page in a language no catalogue
    covers."""
    from benchmarks.systems import text_dump
    from cleaner import analyze
    from cleaner.catalogue.load import catalogue_languages

    source, options = (page.markup, {}) if mode == "html" else (text_dump(page, cache), {"html": "never"})
    analysis = analyze(source, **options)
    if uncatalogued and analysis.language in catalogue_languages():
        analysis = analyze(source, disabled_rules=frozenset({f"{analysis.language}."}), **options)
    return analysis


def audit(set_name: str, part: str = "tune", mode: str = "text", show: str | None = None,
          cache=None, stage: bool = False, uncatalogued: bool = False) -> dict[str, Tally]:
    """Per rule, over the pages of one set's part in one mode (``show``: print the article
    lines that rule loses, page by page; ``stage``: rules named with their stage;
    ``uncatalogued``: every page read with its language's catalogue off, `_analyse`)."""
    from benchmarks.cache import DiskCache

    cache = cache or DiskCache()
    tallies: dict[str, Tally] = {}
    pages = _pages(set_name, part)
    # a rule's cost in points of the set's recall: over the pages (ScrapingHub's average
    # of page recalls) or over the must snippets (the snippet metric's micro average)
    units = len(pages) if set_name == "scrapinghub" else sum(len(p.with_) for p in pages)
    for page in pages:
        analysis = _analyse(page, mode, cache, uncatalogued)
        if set_name == "scrapinghub":
            found = attribute_truth(analysis, page.truth or "", stage)
        else:
            found = attribute_snippets(analysis, page.with_, page.without, stage)
        merge(tallies, found, page.key, site_of(page.url, page.key))
        if show and found.get(show) and found[show].lost >= 1:
            _show(analysis, page, set_name, show, stage)
    for t in tallies.values():
        t.cost /= max(1, units)
    return tallies


def _show(analysis, page, set_name: str, rule: str, stage: bool) -> None:
    index = truth_index(page.truth or "")
    said = TOKEN.findall(analysis.text)
    output = (_grams(said, SHINGLE), f" {' '.join(said)} ")
    print(f"==== {page.key} {page.url}")
    verdicts = [v for v in analysis.verdicts if not v.line.blank]
    lost: set[int] = set()  # the lines holding a must snippet the output lacks
    if set_name != "scrapinghub":
        said_text = collapse(analysis.text)
        for snippet in map(collapse, page.with_):
            if snippet and snippet not in said_text:
                lost.update(i for i, _ in _located([v.line.text for v in verdicts], snippet) or ())
    for i, v in enumerate(verdicts):
        if _charge(v, analysis.main, stage)[0] != rule or v.output:
            continue
        if set_name == "scrapinghub":
            art, _ = article_words(v.line.text, index, output)
            if not art:
                continue
        elif i not in lost:
            continue
        for j in range(max(0, i - 2), min(len(verdicts), i + 3)):
            w = verdicts[j]
            mark = ">" if j == i else " "
            print(f"{mark} {j:4} {'K' if w.output else '.'} {w.final.rule[:30]:30} | {w.line.text.strip()[:110]}")
        print(f"      reason: {v.final.reason}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", default="tune", choices=("tune", "check", "all"))
    ap.add_argument("--mode", default="text", choices=("text", "html"))
    ap.add_argument("--set", default="scrapinghub,trafilatura-eval",
                    help="comma-separated: scrapinghub, trafilatura-eval")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--show", help="print the article lines this rule loses")
    ap.add_argument("--stage", action="store_true",
                    help="name each rule with the stage that fired it (stage:rule)")
    ap.add_argument("--uncatalogued", action="store_true",
                    help="read every page with the catalogue of its language off: what a page in a "
                         "language no catalogue covers costs")
    args = ap.parse_args(argv)
    for set_name in args.set.split(","):
        tallies = audit(set_name, args.part, args.mode, args.show, stage=args.stage, uncatalogued=args.uncatalogued)
        if not args.show:
            mode = f"{args.mode} mode" + (", catalogues off" if args.uncatalogued else "")
            print(f"## {set_name}, {args.part} part, {mode}")
            print(table(tallies, args.top))
            print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
