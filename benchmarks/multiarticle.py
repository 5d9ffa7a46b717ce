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
- Pk and WindowDiff (Beeferman et al. 1999; Pevzner & Hearst 2002) over the non-blank
  lines of each dump, k = half the mean true segment length (at least 2), averaged over
  dumps; with the no-split baseline's Pk (one segment) beside them.
- ShingleF1 of ``clean(dump)`` against story 0's ground-truth body (4-token shingles of
  ``\\w+`` tokens, per-dump TP/FP/FN, precision and recall averaged over dumps, F1 of the
  averages); beside it the raw dump's F1 and ``clean`` of story 0's page alone.

Run ``python3 benchmarks/multiarticle.py`` (``--verbose`` lists every dump's boundaries).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEED = 20240607
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


def corpus_dir() -> Path:
    """The ScrapingHub development pages: ``corpus/scrapinghub-dev`` in the repository,
    else the shared copy beside it."""
    for path in (ROOT / "corpus" / "scrapinghub-dev", ROOT.parent / "shared" / "corpus-dev" / "scrapinghub"):
        if (path / "ground-truth.json").is_file():
            return path
    raise FileNotFoundError("no ScrapingHub development pages (corpus/scrapinghub-dev)")


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
    used: set[int] = set()
    matched = 0
    pending = []
    for t in true:
        if t in pred and t not in used:
            used.add(t)
            matched += 1
        else:
            pending.append(t)
    for t in pending:
        for d in range(1, tolerance + 1):
            hit = next((p for p in (t - d, t + d) if p in pred and p not in used), None)
            if hit is not None:
                used.add(hit)
                matched += 1
                break
    return matched


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


# --------------------------------------------------------------------------- pages

@dataclass
class Page:
    key: str
    url: str
    site: str
    body: str
    lines: list[str]  # the inscriptis dump, one entry per line
    start: int  # first line of the story (title line when found)
    end: int  # last body line (inclusive)
    title: int | None
    language: str = "und"  # guessed from the body; "und" when not recognised

    @property
    def head(self) -> list[str]:
        return self.lines[:self.start]

    @property
    def story(self) -> list[str]:
        return self.lines[self.start:self.end + 1]

    @property
    def tail(self) -> list[str]:
        return self.lines[self.end + 1:]


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _tokens(text: str) -> list[str]:
    return [t.casefold() for t in _WORD.findall(text)]


def _html_titles(html: str) -> list[list[str]]:
    """Candidate headlines of a page (og:title, h1, title), as token lists."""
    out = []
    for pattern in (
        r'<meta[^>]+property=["\']og:title["\'][^>]+content=["\']([^"\']+)',
        r'<meta[^>]+content=["\']([^"\']+)["\'][^>]+property=["\']og:title',
        r"<h1[^>]*>(.*?)</h1>",
        r"<title[^>]*>(.*?)</title>",
    ):
        for m in re.finditer(pattern, html, re.IGNORECASE | re.DOTALL):
            text = re.sub(r"<[^>]+>", " ", m.group(1))
            toks = _tokens(text.replace("&#039;", "'").replace("&amp;", "&"))
            if len(toks) >= 2:
                out.append(toks)
    return out


#: Non-blank lines between two parts of a body that still make one story, and non-blank
#: lines above the body searched for the page's headline (a byline, date and a share row
#: of a dozen buttons can sit between them).
_RUN_GAP = 25
_TITLE_LINES = 15


def _locate(lines: list[str], body: str, titles: list[list[str]]) -> tuple[int, int, int | None] | None:
    """The dump lines of the story: (first, last, title line) or None when the body
    cannot be found in the dump."""
    body_str = " " + " ".join(_tokens(body)) + " "
    matched = []
    for i, line in enumerate(lines):
        toks = _tokens(line)
        if len(toks) >= 4 and (" " + " ".join(toks) + " ") in body_str:
            matched.append(i)
    if not matched:
        return None
    # Runs of matched lines with at most `_RUN_GAP` non-blank lines between (a photo
    # gallery can sit inside the body); the run with most tokens.
    runs: list[list[int]] = [[matched[0]]]
    for a, b in zip(matched, matched[1:]):
        gap = sum(1 for j in range(a + 1, b) if lines[j].strip())
        if gap > _RUN_GAP:
            runs.append([])
        runs[-1].append(b)
    best = max(runs, key=lambda run: sum(len(_tokens(lines[i])) for i in run))
    covered = sum(len(_tokens(lines[i])) for i in best)
    if covered < 0.6 * len(_tokens(body)):
        return None
    first, last = best[0], best[-1]
    title = None
    seen = 0
    for j in range(first - 1, -1, -1):
        if not lines[j].strip():
            continue
        seen += 1
        if seen > _TITLE_LINES:
            break
        toks = _tokens(lines[j])
        if len(toks) < 2:
            continue
        for cand in titles:
            overlap = len(set(toks) & set(cand)) / len(set(toks) | set(cand))
            if overlap >= 0.7 or (len(toks) >= 4 and " ".join(toks) in " ".join(cand)):
                title = j
                break
        if title is not None:
            break
    return (title if title is not None else first), last, title


def load_pages(directory: Path | None = None) -> list[Page]:
    """The development pages whose body can be located in their inscriptis dump."""
    from inscriptis import get_text

    from cleaner.language import guess_language

    directory = directory or corpus_dir()
    truth = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth):
        html = gzip.open(directory / "html" / f"{key}.html.gz", "rt", encoding="utf-8").read()
        body = truth[key].get("articleBody") or ""
        lines = get_text(html).splitlines()
        found = _locate(lines, body, _html_titles(html))
        if found is None:
            continue
        start, end, title = found
        url = truth[key].get("url", "")
        site = re.sub(r"^www\.", "", url.split("/")[2]) if url.count("/") >= 2 else key
        pages.append(Page(key, url, site, body, lines, start, end, title,
                          guess_language(body) or "und"))
    return pages


# --------------------------------------------------------------------------- dumps

@dataclass
class Dump:
    text: str
    body: str  # story 0's ground-truth body
    starts: list[int]  # non-blank line index of each later story's first line
    kinds: list[str]  # per story: "full" or "teaser"
    pages: list[str]  # page key per story
    same_site: bool  # story 1 comes from story 0's site
    page_text: str = ""  # story 0's page alone
    nonblank: int = 0
    notes: list[str] = field(default_factory=list)


def _nonblank(lines: list[str]) -> list[str]:
    return [l for l in lines if l.strip()]


def _teaser(page: Page, rng: random.Random) -> str:
    """200-400 characters of the page's body, one line, cut mid-sentence (mid-word, at a
    word end, or at a word end with an ellipsis)."""
    text = _norm(page.body)
    size = rng.randint(200, 400)
    cut = text[:size]
    style = rng.choice(("word", "mid", "ellipsis"))
    if style != "mid" or cut[-1:] in " .!?":
        cut = cut[:cut.rfind(" ")] if " " in cut else cut
        cut = cut.rstrip(" .,;:!?\"'”’")
    if style == "ellipsis":
        cut += rng.choice(("...", " ...", "…"))
    return cut


def build_dumps(pages: list[Page], seed: int = SEED) -> list[Dump]:
    """One dump per page (deterministic for a given seed and page set)."""
    by_site: dict[str, list[Page]] = {}
    for p in pages:
        by_site.setdefault(p.site, []).append(p)
    dumps = []
    for number, first in enumerate(pages):
        rng = random.Random(f"{seed}:{first.key}")
        total = rng.choice((2, 2, 3, 3, 4))
        full_later = rng.randint(0, total - 1) if total > 2 else rng.choice((0, 1, 1))
        sibling = [p for p in by_site[first.site] if p is not first]
        same_lang = [p for p in pages if p is not first and p.language == first.language
                     and p.site != first.site] or [p for p in pages if p is not first]
        chosen: list[Page] = []
        if sibling:
            chosen.append(sibling[0])
        while len(chosen) < total - 1:
            pool = [p for p in same_lang if p not in chosen] or [p for p in pages if p is not first and p not in chosen]
            chosen.append(rng.choice(pool))
        kinds = ["full"] + ["full"] * full_later + ["teaser"] * (total - 1 - full_later)

        lines: list[str] = _nonblank(first.head)[-rng.randint(2, 8):] + [""] + list(first.story)
        starts_raw: list[int] = []
        last_full = first
        for page, kind in zip(chosen, kinds[1:]):
            if kind == "full":
                lines += [""] + _nonblank(last_full.tail)[:rng.randint(1, 5)] + [""]
                lines += _nonblank(page.head)[-rng.randint(1, 5):] + [""]
                starts_raw.append(len(lines))
                lines += page.story
                last_full = page
        tail = _nonblank(last_full.tail)[:rng.randint(3, 9)]
        teasers = [p for p, k in zip(chosen, kinds[1:]) if k == "teaser"]
        if teasers:
            a = rng.randint(1, 3)
            lines += [""] + tail[:a] + [""]
            tail = tail[a:]
            for page in teasers:
                starts_raw.append(len(lines))
                if page.title is not None and rng.random() < 0.35:
                    lines.append(page.lines[page.title])
                lines.append(_teaser(page, rng))
            lines.append("")
        lines += tail
        text = "\n".join(lines) + "\n"
        # Story starts as non-blank line numbers.
        index, nb = {}, 0
        for i, line in enumerate(lines):
            if line.strip():
                index[i] = nb
                nb += 1
        starts = []
        for s in starts_raw:
            while not lines[s].strip():
                s += 1
            starts.append(index[s])
        dumps.append(Dump(
            text=text, body=first.body, starts=starts,
            kinds=kinds,
            pages=[first.key] + [p.key for p in chosen],
            same_site=bool(sibling),
            page_text="\n".join(first.lines) + "\n",
            nonblank=nb,
        ))
    return dumps


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


#: Figures beyond precision/recall/F1 that the project benchmark reports as headlines.
#: Pk and WindowDiff are better when lower: the benchmark gate holds them under ceilings.
HEADLINE: tuple[str, ...] = ("split.pk", "split.windowdiff")


def evaluate(pages=None, options=None, seed: int = SEED, verbose: bool = False) -> dict:
    """Score `cleaner.split` and `cleaner.clean` on the synthetic multi-article dumps.

    ``pages``: a corpus directory (`Path`) or ``None`` for `corpus_dir()`; anything else
    (a caller's own page list) is ignored and the pages are read from `corpus_dir()`.
    Returns ``{row: {"system", "n", "precision", "recall", "f1", more figures}}``;
    `figures` gives the same numbers flat."""
    return _rows(figures(pages, options, seed, verbose))


def _rows(f: dict) -> dict:
    n = f["dumps"]
    return {
        "split": {"system": "cleaner.split boundaries (+-1 line)", "n": n,
                  "precision": f["boundary_precision"], "recall": f["boundary_recall"],
                  "f1": f["boundary_f1"], "pk": f["pk"], "windowdiff": f["windowdiff"],
                  "kind_accuracy": f["kind_accuracy"]},
        "no_split": {"system": "no split (one story)", "n": n, "pk": f["pk_no_split"]},
        "clean": {"system": "cleaner.clean vs story 0 body", "n": n,
                  "precision": f["clean_precision"], "recall": f["clean_recall"],
                  "f1": f["clean_f1"]},
        "raw": {"system": "raw dump vs story 0 body", "n": n, "f1": f["raw_f1"]},
        "single_page": {"system": "cleaner.clean of story 0's page alone", "n": n,
                        "f1": f["single_page_clean_f1"]},
    }


def figures(pages=None, options=None, seed: int = SEED, verbose: bool = False) -> dict:
    """The figures of `evaluate`, flat: ``{name: number}``."""
    import cleaner

    pages = load_pages(pages if isinstance(pages, Path) else None)
    dumps = build_dumps(pages, seed)
    tp = n_true = n_pred = 0
    pks, wds, base_pks = [], [], []
    clean_pr, raw_pr, page_pr = [], [], []
    kinds_right = kinds_total = 0
    started = time.perf_counter()
    for dump in dumps:
        analysis = cleaner.analyze(dump.text, options)
        articles = analysis.articles
        pred = predicted_starts(analysis.source, articles)
        true = dump.starts
        tp += boundary_matches(true, pred)
        n_true += len(true)
        n_pred += len(pred)
        seg_lengths = [b - a for a, b in zip([0] + true, true + [dump.nonblank])]
        k = max(2, round(sum(seg_lengths) / len(seg_lengths) / 2))
        pks.append(pk(dump.nonblank, true, pred, k))
        wds.append(window_diff(dump.nonblank, true, pred, k))
        base_pks.append(pk(dump.nonblank, true, [], k))
        clean_pr.append(shingle_prf(dump.body, analysis.text))
        raw_pr.append(shingle_prf(dump.body, dump.text))
        page_pr.append(shingle_prf(dump.body, cleaner.clean(dump.page_text, options)))
        if len(pred) == len(true):
            kinds_total += len(articles)
            kinds_right += sum(a.kind == k for a, k in zip(articles, dump.kinds))
        if verbose:
            mark = "ok " if sorted(pred) == sorted(true) else "ERR"
            print(f"{mark} {dump.pages[0][:10]} kinds={','.join(dump.kinds)} "
                  f"same_site={dump.same_site} true={true} pred={pred} "
                  f"clean P/R={clean_pr[-1][0]:.2f}/{clean_pr[-1][1]:.2f}")
    elapsed = time.perf_counter() - started
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_true if n_true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    cp, cr, cf = f1_of_averages(clean_pr)
    rp, rr, rf = f1_of_averages(raw_pr)
    pp, prr, pf = f1_of_averages(page_pr)
    mean = lambda xs: sum(xs) / len(xs) if xs else 0.0  # noqa: E731
    return {
        "dumps": len(dumps),
        "pages": len(pages),
        "stories": n_true + len(dumps),
        "same_site_dumps": sum(d.same_site for d in dumps),
        "boundary_precision": precision,
        "boundary_recall": recall,
        "boundary_f1": f1,
        "pk": mean(pks),
        "windowdiff": mean(wds),
        "pk_no_split": mean(base_pks),
        "kind_accuracy": kinds_right / kinds_total if kinds_total else 0.0,
        "clean_precision": cp,
        "clean_recall": cr,
        "clean_f1": cf,
        "raw_f1": rf,
        "single_page_clean_f1": pf,
        "seconds": elapsed,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--preset", default=None, help="options preset (default balanced)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--verbose", action="store_true", help="one row per dump")
    args = parser.parse_args(argv)
    flat = figures(None, args.preset, args.seed, args.verbose)
    width = max(map(len, flat))
    for name, value in flat.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"{name:<{width}}  {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
