"""Synthetic multi-article dumps built from the development pages.

Each page's HTML is turned into a whole-page text dump with inscriptis, and a text of the
page's article tells which dump lines are its story (`_locate`).  The pages come from one
of `SOURCES` (`load_source`): the ScrapingHub pages, located from their ground-truth body
(`load_pages`, the default everywhere); the multilingual trafilatura-eval pages, located
from their ``trafilatura.extract`` text and kept only when their must-keep snippets are
within the located lines and their must-drop ones are not (`load_multilingual_pages`,
`multilingual_page`); or both.  Dumps are then laid out from those stories and the real
boilerplate lines around them, deterministically for a given seed:

- `build_dumps`, the *classic* family: one dump per page, 2-4 stories, 2-10 lines of the
  pages' tails and heads between stories, every later full story under its title line,
  teasers at the end (see ``benchmarks/multiarticle.py``);
- `build_family`, the families of `FAMILIES`, each stressing one condition real dumps
  show (infinite-scroll pages, concatenated crawls, scraper output joining article
  bodies): later stories without a title line, no boilerplate between stories, one
  newline between lines, neighbours from the same site or from other sites, a row of
  one-line teasers, a short main story followed by a long one; and *mixed*, which draws
  every condition per dump and is held out of all tuning (`HELD_OUT`).

Every family can also be laid out *flat* (`flat`): the same dumps with no line indented,
as Common Crawl WET text or BeautifulSoup ``get_text`` dumps are.

`build_extracts`, the *extracts* family (`EXTRACTS`), is built from article texts as an
extractor gives them rather than whole-page dumps: each page of both dev sets whose
``trafilatura.extract`` text holds 3 lines and 150 words is an `Extract` (`load_extracts`:
its extract's lines, its headline, and its dropped lines, the lines of its inscriptis
dump above and below the article that the extract does not hold).  Per part, 40 first
stories are drawn; each dump joins the main story's extract and 1-3 extracts of other
sites (in its language when there are three such pages), each a full story or, a time in
three, a one-line teaser cut mid-sentence at 200-400 characters, under its page's
headline half the time, after 0-4 of the pages' dropped lines, with one newline between
lines or a blank line after every line.  Such dumps read as extractor output.

Story lines include what sits inside the story on the page (captions, bylines, in-story
widgets), so `clean` must still tell those apart.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from cleaner.language import guess_language

from .corpora import part_of
from .metrics import collapse

ROOT = Path(__file__).resolve().parent.parent
SEED = 20240607
_WORD = re.compile(r"\w+")


def corpus_dir() -> Path:
    """The ScrapingHub development pages: ``corpus/scrapinghub-dev`` in the repository,
    else the shared copy beside it."""
    for path in (ROOT / "corpus" / "scrapinghub-dev", ROOT.parent / "shared" / "corpus-dev" / "scrapinghub"):
        if (path / "ground-truth.json").is_file():
            return path
    raise FileNotFoundError("no ScrapingHub development pages (corpus/scrapinghub-dev)")


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
    first: int = 0  # first body line
    matched: tuple[int, ...] = ()  # the lines found in the ground-truth body

    @property
    def head(self) -> list[str]:
        return self.lines[:self.start]

    @property
    def story(self) -> list[str]:
        return self.lines[self.start:self.end + 1]

    @property
    def tail(self) -> list[str]:
        return self.lines[self.end + 1:]


def _tokens(text: str) -> list[str]:
    return [t.casefold() for t in _WORD.findall(text)]


#: Where a page names its headline, in order: og:title (either attribute first), <h1>, <title>.
_TITLE_PATTERNS = tuple(re.compile(p, re.IGNORECASE | re.DOTALL) for p in (
    r'<meta[^>]+property=["\']og:title["\'][^>]+content=["\']([^"\']+)',
    r'<meta[^>]+content=["\']([^"\']+)["\'][^>]+property=["\']og:title',
    r"<h1[^>]*>(.*?)</h1>",
    r"<title[^>]*>(.*?)</title>",
))


def _title_texts(html: str):
    """The texts a page gives as its headline (`_TITLE_PATTERNS`, in order), tags removed,
    character references as written."""
    for pattern in _TITLE_PATTERNS:
        for m in pattern.finditer(html):
            yield re.sub(r"<[^>]+>", " ", m.group(1))


def _html_titles(html: str) -> list[list[str]]:
    """Candidate headlines of a page (og:title, h1, title), as token lists."""
    out = []
    for text in _title_texts(html):
        toks = _tokens(text.replace("&#039;", "'").replace("&amp;", "&"))
        if len(toks) >= 2:
            out.append(toks)
    return out


#: Non-blank lines between two parts of a body that still make one story, and non-blank
#: lines above the body searched for the page's headline (a byline, date and a share row
#: of a dozen buttons can sit between them).
_RUN_GAP = 25
_TITLE_LINES = 15


def _locate(lines: list[str], body: str, titles: list[list[str]]) -> tuple | None:
    """The dump lines of the story: (first, last, title line, the lines found in the
    body) or None when the body cannot be found in the dump."""
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
    return (title if title is not None else first), last, title, tuple(best)


def load_pages(directory: Path | None = None) -> list[Page]:
    """The development pages whose body can be located in their inscriptis dump."""
    from inscriptis import get_text

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
        start, end, title, matched = found
        url = truth[key].get("url", "")
        pages.append(Page(key, url, site_of(url, key), body, lines, start, end, title,
                          guess_language(body) or "und", matched[0], matched))
    return pages


#: Where the pages of `build_dumps` and `build_family` come from (`load_source`):
#: ``scrapinghub`` (`load_pages`), ``multilingual`` (`load_multilingual_pages`) or ``both``.
SOURCES = ("scrapinghub", "multilingual", "both")


def load_source(source: str = "scrapinghub") -> list[Page]:
    """The pages of one of `SOURCES` (``both``: the ScrapingHub pages, then the
    multilingual ones)."""
    if source not in SOURCES:
        raise ValueError(f"unknown page source {source!r}: one of {', '.join(SOURCES)}")
    pages = load_pages() if source in ("scrapinghub", "both") else []
    return pages + (load_multilingual_pages() if source in ("multilingual", "both") else [])


def load_multilingual_pages(cache=None, limit: int | None = None) -> list[Page]:
    """The multilingual development pages (trafilatura-eval) whose story can be located in
    their inscriptis dump from their ``trafilatura.extract`` text and agrees with their
    snippets (`multilingual_page`; dumps and extracts cached, see `benchmarks.cache`)."""
    from .cache import DiskCache
    from .corpora import trafilatura_eval_pages
    from .systems import text_dump, trafilatura_extract

    cache = cache or DiskCache()
    pages = (multilingual_page(p, text_dump(p, cache), trafilatura_extract(p, cache))
             for p in trafilatura_eval_pages(limit))
    return [p for p in pages if p is not None]


def multilingual_page(page, dump: str, extract: str | None) -> Page | None:
    """A trafilatura-eval page (`benchmarks.corpora.Page`) as a `Page`, or ``None``.

    Its extract is located in its dump (`_locate`, as a ScrapingHub page's ground-truth
    body is); its body, story 0's truth, is the extract's lines found within the story's
    lines (what of the extract lies outside the story is not story 0's).  The page is left
    out when the extract cannot be located, or when a snippet that must be in the main text
    (``with_``) is outside the located lines (the body and the headline line) or one that
    must not (``without``) is inside them.  The story's other lines (in-story widgets,
    captions) may hold such a snippet, as a ScrapingHub story's may."""
    lines = dump.splitlines()
    found = _locate(lines, extract, _html_titles(page.html)) if extract else None
    if found is None:
        return None
    start, end, title, matched = found
    story = _padded(" ".join(lines[start:end + 1]))
    body = [collapse(line) for line in extract.splitlines() if _tokens(line) and _padded(line) in story]
    located = _padded(" ".join(([lines[title]] if title is not None else []) + body))
    held = lambda snippets: [_padded(s) in located for s in snippets if _tokens(s)]  # noqa: E731
    if not all(held(page.with_)) or any(held(page.without)):
        return None
    return Page(page.key, page.url, site_of(page.url, page.key), "\n".join(body), lines, start, end, title,
                guess_language("\n".join(body)) or "und", matched[0], matched)


def _padded(text: str) -> str:
    """The text's tokens (`_tokens`), space-separated, with a space at each end: a text
    is within another when its padded form is in the other's."""
    return " " + " ".join(_tokens(text)) + " "


#: An archived copy's URL: the archived page's URL after the archive's prefix.
_ARCHIVED = re.compile(r"^https?://web\.archive\.org/web/[^/]+/(https?://.+)$")


def site_of(url: str, key: str) -> str:
    """A page's site: its URL's host without ``www.`` (the archived page's for a
    web.archive.org copy), or ``key`` when the URL names no host.

    >>> site_of("https://web.archive.org/web/2012/http://www.example.org/a", "k")
    'example.org'
    """
    found = _ARCHIVED.match(url)
    url = found.group(1) if found else url
    return re.sub(r"^www\.", "", url.split("/")[2]) if url.count("/") >= 2 else key


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
    titles: list[str | None] = field(default_factory=list)  # per later story: its title line, or None


def _nonblank(lines: list[str]) -> list[str]:
    return [l for l in lines if l.strip()]


def _last(lines: list[str], n: int) -> list[str]:
    """The last `n` lines: none for n = 0 (where `lines[-0:]` would give them all)."""
    return lines[max(0, len(lines) - n):]


def _teaser(page: Page, rng: random.Random) -> str:
    """200-400 characters of the page's body, one line, cut mid-sentence (mid-word, at a
    word end, or at a word end with an ellipsis)."""
    return _cut(collapse(page.body), rng)


def _cut(text: str, rng: random.Random) -> str:
    """The first 200-400 characters of ``text`` (one line), cut mid-sentence: mid-word, at a
    word end, or at a word end with an ellipsis."""
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

        lines: list[str] = _last(_nonblank(first.head), rng.randint(2, 8)) + [""] + list(first.story)
        starts_raw: list[int] = []
        titles: list[str | None] = []
        last_full = first
        for page, kind in zip(chosen, kinds[1:]):
            if kind == "full":
                lines += [""] + _nonblank(last_full.tail)[:rng.randint(1, 5)] + [""]
                lines += _last(_nonblank(page.head), rng.randint(1, 5)) + [""]
                starts_raw.append(len(lines))
                titles.append(page.lines[page.title] if page.title is not None else None)
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
                titles.append(None)
                if page.title is not None and rng.random() < 0.35:
                    lines.append(page.lines[page.title])
                    titles[-1] = page.lines[page.title]
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
            titles=titles,
        ))
    return dumps




# --------------------------------------------------------------------------- families

@dataclass(frozen=True)
class Family:
    """How the dumps of one family are laid out (each draw is made per dump or per story)."""

    name: str
    about: str
    #: Chance that a later full story keeps its title line (and the meta lines below it);
    #: without, it starts with its first paragraph.
    titled: float = 1.0
    #: Real boilerplate lines between two stories: (fewest, most).
    junk: tuple[int, int] = (0, 4)
    #: Layouts drawn per dump: ``dump`` (blank lines as inscriptis wrote them), ``one`` (no
    #: blank line: one newline between lines), ``two`` (a blank line after every line).
    layouts: tuple[str, ...] = ("dump",)
    #: Where later stories come from: ``same-site`` (only dumps whose page has another
    #: page of its site), ``cross-site`` (another site, same language when there is one),
    #: ``any``.
    neighbours: str = "any"
    #: Chance that a later story is a one-line teaser (teasers follow the full stories).
    teasers: float = 0.0
    #: Chance that the main story is cut to its first 2-4 paragraphs and followed by a long
    #: story.
    short_main: float = 0.0
    #: Every line's leading whitespace stripped after the layout (as in Common Crawl WET
    #: text or BeautifulSoup ``get_text`` dumps): inscriptis indents a line by its nesting,
    #: so otherwise each story keeps its own page's indentation.  See `flat`.
    flat: bool = False


FAMILIES: tuple[Family, ...] = (
    Family("untitled", "later full stories start with their first paragraph", titled=0.0),
    Family("adjacent", "no boilerplate between stories", titled=0.5, junk=(0, 0)),
    Family("one-newline", "no blank lines anywhere", titled=0.5, layouts=("one",)),
    Family("same-site", "later stories from the same site", titled=0.5, neighbours="same-site"),
    Family("cross-site", "later stories from other sites", titled=0.5, neighbours="cross-site"),
    Family("teasers", "the main story, then a row of one-line teasers", teasers=1.0),
    Family("short-main", "a short main story, then a long one", titled=0.5, short_main=1.0),
    Family("mixed", "every condition drawn per dump (held out of all tuning)", titled=0.5,
           layouts=("dump", "one", "two"), teasers=0.35, short_main=0.25),
)


def flat(family: Family) -> Family:
    """``family`` with no line indented: the same dumps (the same draws, whose seed is the
    family's name), every line's leading whitespace stripped."""
    return replace(family, flat=True)


#: The family kept out of all tuning: read only to check a finished change.
HELD_OUT = "mixed"
#: Words of body a short main story has at least, and a long story after it.
SHORT_MAIN_WORDS = 40
LONG_WORDS = 300


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _neighbours(first: Page, pool: list[Page], family: Family, rng: random.Random) -> list[Page] | None:
    """Candidate pages for the later stories, best first; ``None`` when the family cannot
    build a dump for ``first``."""
    others = [p for p in pool if p is not first]
    same = [p for p in others if p.site == first.site]
    if family.neighbours == "same-site":
        return same + rng.sample(others, len(others)) if same else None
    cross = [p for p in others if p.site != first.site]
    if family.neighbours == "cross-site":
        lang = [p for p in cross if p.language == first.language]
        rest = [p for p in cross if p.language != first.language]
        return rng.sample(lang, len(lang)) + rng.sample(rest, len(rest))
    return rng.sample(others, len(others))


def _main_lines(page: Page, short: bool, rng: random.Random) -> tuple[list[str], str]:
    """Story 0's lines and its true body: the whole story, or its first 2-4 paragraphs."""
    if not short:
        return list(page.story), page.body
    n = rng.randint(2, 4)
    while n < len(page.matched) and _words(" ".join(page.lines[j] for j in page.matched[:n])) < SHORT_MAIN_WORDS:
        n += 1
    last = page.matched[min(n, len(page.matched)) - 1]
    body = "\n".join(collapse(page.lines[j]) for j in page.matched[:n])
    return page.lines[page.start:last + 1], body


def _between(before: Page, after: Page | None, family: Family, rng: random.Random) -> list[str]:
    """0-4 real boilerplate lines: the start of one page's tail, the end of the next page's head."""
    k = rng.randint(*family.junk)
    a = rng.randint(0, k)
    lines = _nonblank(before.tail)[:a]
    if after is not None and k > a:
        lines += _last(_nonblank(after.head), k - a)
    return lines


def _laid_out(blocks: list[list[str]], layout: str) -> list[str]:
    """Blocks of lines joined by a blank line, in a layout of `Family.layouts`."""
    lines: list[str] = []
    for block in blocks:
        if block:
            lines += (block if layout == "dump" else _nonblank(block)) + [""]
    if layout == "one":
        return _nonblank(lines)
    if layout == "two":
        return [x for line in _nonblank(lines) for x in (line, "")]
    return lines


def _family_dump(first: Page, pool: list[Page], family: Family, rng: random.Random) -> Dump | None:
    candidates = _neighbours(first, pool, family, rng)
    short = rng.random() < family.short_main
    if candidates is None or len(first.matched) < (3 if short else 1):
        return None
    total = rng.randint(2, 4)
    teasers = sum(rng.random() < family.teasers for _ in range(total - 1))
    kinds = ["full"] * (total - teasers) + ["teaser"] * teasers
    if short:  # the story right after the short one is long and full
        kinds[1] = "full"
        long = [p for p in candidates if _words(p.body) >= LONG_WORDS]
        candidates = long[:1] + [p for p in candidates if p not in long[:1]]
    chosen = candidates[:total - 1]
    if len(chosen) < total - 1:
        return None
    story0, body = _main_lines(first, short, rng)
    blocks: list[list[str]] = [_last(_nonblank(first.head), rng.randint(0, 4)) if rng.random() < 0.5 else [], story0]
    starts_at: list[int] = []  # index in `blocks` of each later story's first block
    titles: list[str | None] = []
    last = first
    for page, kind in zip(chosen, kinds[1:]):
        if kind == "full":
            titled = page.title is not None and rng.random() < family.titled
            blocks.append(_between(last, page, family, rng))
            starts_at.append(len(blocks))
            titles.append(page.lines[page.title] if titled else None)
            blocks.append(page.lines[page.start if titled else page.first:page.end + 1])
            last = page
        else:
            if kinds[len(starts_at)] == "full":  # boilerplate before the row, none inside it
                blocks.append(_between(last, None, family, rng))
            starts_at.append(len(blocks))
            head = [page.lines[page.title]] if page.title is not None and rng.random() < family.titled * 0.5 else []
            titles.append(head[0] if head else None)
            blocks.append(head + [_teaser(page, rng)])
    blocks.append(_nonblank(last.tail)[:rng.randint(0, 4)])
    layout = rng.choice(family.layouts)
    return _assembled(blocks, starts_at, layout, Dump(
        text="", body=body, starts=[], kinds=kinds, pages=[first.key] + [p.key for p in chosen],
        same_site=any(p.site == first.site for p in chosen),
        page_text="\n".join(_flattened(first.lines, family.flat)) + "\n",
        notes=[family.name, layout] + ["flat"] * family.flat, titles=titles), family.flat)


def _flattened(lines: list[str], flat: bool) -> list[str]:
    """The lines, without leading whitespace when ``flat`` (see `Family.flat`)."""
    return [line.lstrip() for line in lines] if flat else lines


def _assembled(blocks: list[list[str]], starts_at: list[int], layout: str, dump: Dump,
               flat: bool = False) -> Dump:
    """The dump's text and the non-blank line number of each later story's start."""
    starts, nb = [], 0
    for b, block in enumerate(blocks):
        if b in starts_at:
            starts.append(nb)
        nb += len(_nonblank(block))
    dump.text = "\n".join(_flattened(_laid_out(blocks, layout), flat)) + "\n"
    dump.starts, dump.nonblank = starts, nb
    return dump


def build_family(pages: list[Page], family: Family, part=part_of, seed: int = SEED) -> dict[str, list[Dump]]:
    """The dumps of one family by part (``{"tune": [...], "check": [...]}``): one per page
    that the family can build a dump for, its later stories drawn from pages of the same
    part (``part(page key)``, by default the dev sets' split), so that no page of the check
    part is seen in tuning."""
    return _dumps_by_part(pages, part, lambda name, pool: pool, _family_dump, family, seed)


def _dumps_by_part(pages: list, part, firsts, make, family: Family, seed: int) -> dict[str, list[Dump]]:
    """The dumps of ``family`` by part (``{"tune": [...], "check": [...]}``): the pages
    grouped by ``part(page key)``, in their order; per part, one dump
    ``make(first, pool, family, rng)`` per page of ``firsts(part name, pool)`` (``None``:
    no dump), drawn from the part's pages with an RNG seeded by the seed, the family and
    the first page."""
    parts: dict[str, list] = {}
    for p in pages:
        parts.setdefault(part(p.key), []).append(p)
    out: dict[str, list[Dump]] = {"tune": [], "check": []}
    for name, pool in parts.items():
        for first in firsts(name, pool):
            dump = make(first, pool, family, random.Random(f"{seed}:{family.name}:{first.key}"))
            if dump is not None:
                out.setdefault(name, []).append(dump)
    return out


# --------------------------------------------------------------------------- extracts

#: The family whose stories are article texts as an extractor gives them (`build_extracts`),
#: drawn from both dev sets: every condition is drawn per dump (each later story from
#: another site, in the main story's language when three such pages or more are there).
#: Not in `FAMILIES`: those are built from whole-page dumps (`Page`), this one from
#: `Extract`s, and it has no flat twin (an extractor's text has no indentation).
EXTRACTS = Family("extracts", "article texts as trafilatura.extract gives them, joined one after another",
                  titled=0.5, junk=(0, 4), layouts=("one", "two"), neighbours="cross-site", teasers=0.35)
#: Dumps of the extracts family per part: the first stories are a fixed draw of this many
#: pages of the part (enough to read a change by, few enough for the benchmark gate).
EXTRACT_DUMPS = 40
#: An extract is a story when it holds at least this many non-blank lines and words.
EXTRACT_LINES = 3
EXTRACT_WORDS = 150


@dataclass
class Extract:
    """A dev page as an extractor gives it.

    ``lines``: the non-blank lines of ``trafilatura.extract``'s text of the page;
    ``title``: the page's headline (og:title, ``<h1>`` or ``<title>``), or ``None``;
    ``head`` and ``tail``: the page's dropped lines, the non-blank lines of its whole-page
    dump (inscriptis, leading whitespace stripped) above the article's headline and below
    its last line that the extract does not hold; empty when the extract cannot be
    located in the dump."""

    key: str
    site: str
    lines: list[str]
    title: str | None = None
    head: list[str] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)
    language: str = "und"


def _headline(html: str) -> str | None:
    """The page's headline as written: og:title, else ``<h1>``, else ``<title>`` (2 to 25
    words)."""
    import html as markup

    for text in _title_texts(html):
        text = collapse(markup.unescape(text))
        if 2 <= _words(text) <= 25:
            return text
    return None


#: What sets a site's name off a headline in ``og:title`` and ``<title>`` ("Headline | Site").
_SITE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")


def headline_texts(html: str) -> set[str]:
    """Every text the page gives as its headline (og:title, ``<h1>``, ``<title>``), and
    each part of two words or more of one cut at a site separator (" | ", " - "), case
    folded, spaces collapsed, character references decoded: a story's title is the page's
    headline when `title_key` of it is one of these."""
    import html as markup

    out = set()
    for text in _title_texts(html):
        text = title_key(markup.unescape(text))
        out.add(text)
        out.update(part for part in _SITE_SEPARATOR.split(text) if _words(part) >= 2)
    out.discard("")
    return out


def title_key(title: str) -> str:
    """A title as `headline_texts` compares it: case folded, spaces collapsed."""
    return collapse(title).casefold()


def _dropped(dump: list[str], lines: list[str], html: str) -> tuple[list[str], list[str]]:
    """The page's dropped lines above and below its extracted article (see `Extract`)."""
    found = _locate(dump, "\n".join(lines), _html_titles(html))
    if found is None:
        return [], []
    start, end, _, _ = found
    own = {collapse(line) for line in lines}
    keep = lambda part: [collapse(x) for x in _nonblank(part) if collapse(x) not in own]  # noqa: E731
    return keep(dump[:start]), keep(dump[end + 1:])


def load_extracts(cache=None) -> list[Extract]:
    """The pages of both dev sets (ScrapingHub, trafilatura-eval) whose
    ``trafilatura.extract`` text holds `EXTRACT_LINES` lines and `EXTRACT_WORDS` words,
    as `Extract`s (extracts and dumps cached, see `benchmarks.cache`)."""
    from .cache import DiskCache
    from .corpora import scrapinghub_pages, trafilatura_eval_pages
    from .systems import text_dump, trafilatura_extract

    cache = cache or DiskCache()
    out = []
    for page in scrapinghub_pages() + trafilatura_eval_pages():
        text = trafilatura_extract(page, cache) or ""
        lines = _nonblank(text.splitlines())
        if len(lines) < EXTRACT_LINES or _words(text) < EXTRACT_WORDS:
            continue
        head, tail = _dropped(text_dump(page, cache).splitlines(), lines, page.html)
        site = re.sub(r"^www\.", "", page.url.split("/")[2]) if page.url.count("/") >= 2 else page.key
        out.append(Extract(page.key, site, lines, _headline(page.html), head, tail,
                           guess_language(text) or "und"))
    return out


def _extract_dump(first: Extract, pool: list[Extract], family: Family, rng: random.Random) -> Dump | None:
    """One dump of the extracts family: ``first``'s extract, then 1-3 stories of other
    sites (`Family.neighbours` ``cross-site``), each full or a teaser (`Family.teasers`),
    under its page's headline or not (`Family.titled`), after 0-4 of the pages' dropped
    lines (`Family.junk`), in one layout of `Family.layouts`."""
    others = [p for p in pool if p.site != first.site]
    same = [p for p in others if p.language == first.language]
    candidates = same if len(same) >= 3 else others
    total = rng.randint(2, 4)
    if len(candidates) < total - 1:
        return None
    chosen = rng.sample(candidates, total - 1)
    kinds = ["full"] + ["teaser" if rng.random() < family.teasers else "full" for _ in chosen]
    blocks: list[list[str]] = [list(first.lines)]
    starts_at: list[int] = []
    titles: list[str | None] = []
    last = first
    for page, kind in zip(chosen, kinds[1:]):
        blocks.append(_between(last, page, family, rng))  # type: ignore[arg-type]
        starts_at.append(len(blocks))
        head = [page.title] if page.title and rng.random() < family.titled else []
        titles.append(head[0] if head else None)
        blocks.append(head + (list(page.lines) if kind == "full" else [_cut(collapse(" ".join(page.lines)), rng)]))
        last = page
    layout = rng.choice(family.layouts)
    body = "\n".join(first.lines)
    return _assembled(blocks, starts_at, layout, Dump(
        text="", body=body, starts=[], kinds=kinds, pages=[first.key] + [p.key for p in chosen],
        same_site=False, page_text=body + "\n", notes=[family.name, layout], titles=titles))


def build_extracts(pages: list[Extract], family: Family = EXTRACTS, part=part_of, seed: int = SEED,
                   per_part: int = EXTRACT_DUMPS) -> dict[str, list[Dump]]:
    """The dumps of the extracts family by part (``{"tune": [...], "check": [...]}``):
    per part, `EXTRACT_DUMPS` first stories drawn from its pages (``part(page key)``), each
    dump's later stories drawn from pages of the same part (see `_extract_dump`);
    deterministic for a given seed and page set."""
    def firsts(name: str, pool: list[Extract]) -> list[Extract]:
        return random.Random(f"{seed}:{family.name}:{name}").sample(pool, min(per_part, len(pool)))

    return _dumps_by_part(sorted(pages, key=lambda p: p.key), part, firsts, _extract_dump, family, seed)
