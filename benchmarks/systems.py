"""What is measured: the baselines and the intermediate texts the cleaner is given.

- `text_dump`: the whole page as text with ``inscriptis.get_text`` (what a scraper that
  keeps everything would store);
- `c4_filter`: a C4-style line filter, the common heuristic baseline for text dumps;
- `trafilatura_extract`: ``trafilatura.extract`` with its defaults or ``favor_precision``;
- `readability_extract`: readability-lxml's ``Document(page).summary()``, its HTML made
  text with inscriptis (one block a line, empty lines removed), so that it is scored like
  the other extractors' text;
- `without_blank_lines`: a dump with its empty lines removed (a dump written without
  blank lines between paragraphs, the layout an extractor's output has);
- `extractor_layout` / `recognised_notes`: how `cleaner` reads plain text left to
  ``extracted="auto"``: on how many pages an extractor's output is taken for one (the
  post-processing guarantee then applies), and how many dumps are taken for one;

Dumps and extracts are cached (see `benchmarks.cache`), keyed by page hash and library
version.  cleaner's own HTML front door is never cached: ``clean(html)`` is measured as a
user runs it (its hints hold the page's tree, which a cached copy would lose).
"""

from __future__ import annotations

import importlib.metadata

from .cache import DiskCache
from .corpora import PARTS, part_of

_TERMINAL = (".", "!", "?", '"', "\u201d", "\u2019", "'")
# C4 drops lines naming JavaScript or a cookie/terms notice (its line-level rules).
_C4_BANNED = ("javascript", "terms of use", "privacy policy", "cookie policy", "uses cookies",
              "use of cookies", "use cookies")


def version(package: str) -> str:
    return importlib.metadata.version(package)


def c4_filter(text: str | None) -> str:
    """C4's line rules: keep lines of at least 3 words that end in terminal punctuation
    (. ! ? or a closing quote, but not an ellipsis "..."), without "javascript" or a
    cookie/terms-of-use notice, each distinct line once.

    >>> c4_filter("Home\\nThe vote was held on Sunday.\\nRead more...\\nThe vote was held on Sunday.")
    'The vote was held on Sunday.'
    """
    out, seen = [], set()
    for line in (text or "").splitlines():
        s = line.strip()
        if len(s.split()) < 3 or not s.endswith(_TERMINAL) or s.endswith("..."):
            continue
        low = s.lower()
        if any(b in low for b in _C4_BANNED) or s in seen:
            continue
        seen.add(s)
        out.append(s)
    return "\n".join(out)


def text_dump(page, cache: DiskCache) -> str:
    """The page's whole text with inscriptis (cached)."""
    def compute():
        import inscriptis

        return inscriptis.get_text(page.html)

    return cache.get_or_compute("inscriptis", (version("inscriptis"), page.digest), compute)


def trafilatura_extract(page, cache: DiskCache, favor_precision: bool = False,
                        comments: bool = True) -> str | None:
    """``trafilatura.extract`` of the page's markup (cached); ``None`` when it finds nothing.
    ``comments=False``: without the comments section trafilatura finds (its
    ``include_comments``)."""
    def compute():
        import trafilatura

        return trafilatura.extract(page.markup, **params)

    params = ({"favor_precision": True} if favor_precision else {}) | ({} if comments else {"include_comments": False})
    return cache.get_or_compute(
        "trafilatura", (version("trafilatura"), params, page.digest), compute)


def without_blank_lines(text: str | None) -> str:
    """The text without its empty (or whitespace-only) lines.

    >>> without_blank_lines("Home\\n\\nThe vote was held.\\n  \\nMore")
    'Home\\nThe vote was held.\\nMore'
    """
    return "\n".join(line for line in (text or "").splitlines() if line.strip())


def stripped_lines(text: str) -> str:
    """Each line without its leading and trailing whitespace, empty lines removed."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def html_to_text(markup: str) -> str:
    """An extractor's HTML as text: inscriptis's rendering, one block a line, no empty lines."""
    import inscriptis

    return stripped_lines(inscriptis.get_text(markup))


def readability_extract(page, cache: DiskCache) -> str:
    """readability-lxml's main content of the page's markup as text (cached); "" when it
    finds nothing or fails on the page."""
    def compute():
        from readability import Document

        try:
            summary = Document(page.markup).summary(html_partial=True)
        except Exception:  # noqa: BLE001 - a page it cannot read scores as empty output
            return ""
        return html_to_text(summary)

    return cache.get_or_compute(
        "readability", (version("readability-lxml"), version("inscriptis"), page.digest), compute)


def extractor_layout(text: str | None) -> str:
    """How `cleaner` reads plain text with ``extracted="auto"``: ``"dense"`` (an
    extractor's output: the post-processing guarantee applies), ``"spaced"`` or ``""`` (a
    page's dump): `cleaner.extracted.extraction_layout` on the lines and stage-1 decisions
    that `cleaner.analyze` reads.

    >>> extractor_layout("Home\\nNews\\nSport\\nWeather\\nThe council met on Monday to discuss the budget.")
    ''
    """
    from cleaner.classify import classify_lines
    from cleaner.extracted import extraction_layout
    from cleaner.features import line_shapes
    from cleaner.language import guess_language
    from cleaner.options import Options
    from cleaner.segment import segment

    opts, lines = Options(), segment(text or "")
    if not any(line.text for line in lines):
        return ""
    _, initial = classify_lines(lines, guess_language(text), opts)
    return extraction_layout(lines, initial, opts, line_shapes(lines, opts))


def recognised_notes(rows, set_id: str, pages, texts: dict[tuple[str, str], list]) -> None:
    """Add to the rows of each ``(mode, system)`` of ``texts`` (the plain text that system
    cleans, one per page) on how many pages of each part `cleaner` took that text for an
    extractor's output (`extractor_layout` ``"dense"``)."""
    by_id = {r.id: r for r in rows}
    for (mode, system), per_page in texts.items():
        dense = [extractor_layout(t) == "dense" for t in per_page]
        for part in ("all", *PARTS):
            idx = [i for i, p in enumerate(pages) if part == "all" or part_of(p.key) == part]
            row = by_id.get(f"{mode}.{set_id}.{'' if part == 'all' else part + '.'}{system}")
            if row is not None and idx:
                note = f"taken for extractor output: {sum(dense[i] for i in idx)}/{len(idx)}"
                row.note = "; ".join(x for x in (row.note, note) if x)


