"""The one pipeline: input -> lines -> features -> classify -> smooth -> stories.

`analyze` is the only path; `clean` and `split` read its result, so what is explained is
exactly what is returned.
"""

from __future__ import annotations

from . import html as html_front
from .catalogue import matcher
from .extracted import revise as revise_extracted
from .classify import WEAK_RULES, classify, is_heading_like
from .features import measure, strip_bullet, title_words
from .language import guess_language, stopwords
from .options import Options
from .segment import segment
from .smooth import smooth
from .blocks import main_block
from .stories import find_stories
from .types import Analysis, Article, Decision, Verdict, join_lines

_TITLE_REACH = 8


def _first_content(lines) -> int | None:
    return next((line.index for line in lines if not line.blank), None)


def to_text(document: object, options: Options) -> tuple[str, bool, tuple | None]:
    """The text to analyse, whether it came from HTML, and for HTML a
    `cleaner.html.LineHint` (or ``None``) per line of the text.

    ``str`` is taken as it is (or as HTML when it looks like HTML); ``bytes`` are decoded
    (see `cleaner.html.decode`).  Anything else raises `TypeError`.
    """
    if isinstance(document, (bytes, bytearray, memoryview)):
        raw = bytes(document)
        if options.html != "never" and (options.html == "always" or html_front.looks_like_html(raw)):
            ex = html_front.extract(raw)
            return ex.text, True, ex.hints
        return html_front.decode(raw), False, None
    if not isinstance(document, str):
        raise TypeError(
            f"cleaner expects text (str) or bytes, not {type(document).__name__}"
        )
    if options.html == "always" or (options.html == "auto" and html_front.looks_like_html(document)):
        ex = html_front.extract(document)
        return ex.text, True, ex.hints
    return document, False, None


def analyze(document: object, options: Options | str | None = None, **overrides) -> Analysis:
    """Every line of ``document`` with its decisions, and the stories found.

    >>> a = analyze("Short Url\\n\\nThe minister arrived in the capital on Tuesday for talks with the president.")
    >>> [(v.final.rule, v.final.keep) for v in a.verdicts]
    [('en.share.short_url', False), ('blank', False), ('feature.prose', True)]
    """
    opts = Options.make(options, **overrides)
    source, from_html, hints = to_text(document, opts)
    lines = segment(source)
    if not any(not line.blank for line in lines):
        return Analysis(source, tuple(), (), opts, None, None, from_html)
    language = opts.language or guess_language(source)
    stops = stopwords(language)
    match = matcher(language)

    # Title guess for title similarity: the first heading-like line.
    title_set: frozenset[str] = frozenset()
    feats = []
    for line in lines:
        f = measure(line.text, stops, title_set) if not line.blank else measure("", stops)
        if not title_set and not line.blank and is_heading_like(f) and f.words >= 3:
            title_set = title_words(strip_bullet(line.text))
        feats.append(f)

    seen: dict[str, int] = {}
    initial = [classify(l, f, match, opts, bool(stops), seen) for l, f in zip(lines, feats)]
    if from_html:
        initial = revise_extracted(lines, feats, initial, hints, opts)
    final = smooth(lines, feats, initial, opts)
    final, block = main_block(lines, feats, final)
    st = find_stories(lines, feats, final, block, split=opts.split_stories and not from_html)

    # Titles: the story's own title line; for the first story, a heading-like line right
    # before its first kept line, or the document's first line if it is within reach.
    titles = list(st.titles)
    if titles and titles[0] is None:
        first = next(i for i, s in enumerate(st.story_of) if s == 0)
        before = [j for j in range(first) if not lines[j].blank][-_TITLE_REACH:]
        candidates = before[-1:] + ([before[0]] if before and before[0] == _first_content(lines) else [])
        for j in candidates:
            if initial[j].rule in WEAK_RULES and feats[j].words >= 2 and is_heading_like(feats[j]):
                titles[0] = j
                break
    story_of = list(st.story_of)
    for s, t in enumerate(titles):
        if t is None:
            continue
        story_of[t] = s
        if opts.keep_title or s != 0:
            final[t] = Decision(True, "feature.title", "title", f"title of story {s}", "context")

    verdicts = tuple(
        Verdict(l, f, i, d, story_of[l.index]) for l, f, i, d in zip(lines, feats, initial, final)
    )
    articles = []
    for s, kind in enumerate(st.kinds):
        members = [v for v in verdicts if v.story == s and v.final.keep]
        if not members:
            continue
        start = lines[titles[s]].start if titles[s] is not None else members[0].line.start
        articles.append(Article(
            index=len(articles),
            title=lines[titles[s]].text if titles[s] is not None else None,
            text=join_lines(verdicts, s),
            span=(min(start, members[0].line.start), members[-1].line.end),
            kind=kind,
        ))
    teasers = frozenset(s for s, k in enumerate(st.kinds) if k == "teaser")
    main = 0 if articles else None
    return Analysis(source, verdicts, tuple(articles), opts, language, main, from_html, teasers)


def clean(document: object, options: Options | str | None = None, **overrides) -> str:
    """The main story's text: kept lines, one per line, paragraphs kept.

    >>> clean("Follow\\nThe minister arrived in the capital on Tuesday for talks with the president.")
    'The minister arrived in the capital on Tuesday for talks with the president.'
    """
    return analyze(document, options, **overrides).text


def split(document: object, options: Options | str | None = None, **overrides) -> list[Article]:
    """Every story of a dump, in order."""
    return list(analyze(document, options, **overrides).articles)
