"""The one pipeline: input -> lines -> features -> classify -> smooth -> stories.

`analyze` is the only path; `clean` and `split` read its result, so what is explained is
exactly what is returned.
"""

from __future__ import annotations

from itertools import repeat
from operator import attrgetter

from . import html as html_front
from .catalogue import matcher
from .classify import BLANK, classify, is_heading_like
from .extracted import extraction_layout, restore as restore_extracted, revise as revise_extracted
from .features import EMPTY, measure, strip_bullet, title_words
from .language import guess_language, judged_by_stopwords, stopwords
from .options import Options
from .segment import segment
from .smooth import smooth
from .blocks import main_block
from .stories import find_stories
from .types import Analysis, Article, Decision, Features, Verdict, join_lines

_text = attrgetter("text")
_new_tuple = tuple.__new__


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


def _in_own_language(text: str, language: str | None, opts: Options,
                     title: frozenset[str]) -> tuple[str, Features] | None:
    """The language to judge a sentence by, and its features measured in it, when it has
    few of the page's stopwords (less than half the density prose needs): the language it
    is written in, when that is another one whose stopwords make it prose; else ``None``.
    A quote or a paragraph in a second language is text; a notice in a second language
    still meets that language's rules (the line is judged with its language's stopwords
    and catalogue, and its reason says so).

    >>> page = ("The minister said on Tuesday that the new budget for the schools of the "
    ...         "region would be presented to the council in the spring. ") * 2
    >>> quote = "Die Regierung hat die Pläne für den Haushalt der Schulen im Frühjahr vorgestellt."
    >>> analyze(page + "\\n" + quote, extracted="never").verdicts[-1].final.reason
    '13 words, stopword density 0.62; judged as de'
    """
    own = guess_language(text)
    if own is None or own == language:
        return None
    f = measure(text, own, title)
    return (own, f) if f.stopword_density >= opts.stopword_density else None


def analyze(document: object, options: Options | str | None = None, **overrides) -> Analysis:
    """Every line of ``document`` with its decisions, and the stories found.

    >>> a = analyze("Short Url\\n\\nThe minister arrived in the capital on Tuesday for talks with the president.")
    >>> [(v.final.rule, v.final.keep) for v in a.verdicts]
    [('en.share.short_url', False), ('blank', False), ('feature.prose', True)]
    """
    opts = Options.make(options, **overrides)
    source, from_html, hints = to_text(document, opts)
    lines = segment(source)
    if not any(map(_text, lines)):
        return Analysis(source, tuple(), (), opts, None, None, from_html)
    language = opts.language or guess_language(source)
    stops = stopwords(language)
    match = matcher(language)

    # Features and stage 1 in one pass.  Title guess for title similarity: the first
    # heading-like line.  Blank lines get the shared `EMPTY` and `BLANK` (what `measure`
    # and `classify` return for them) without a call.
    title_set: frozenset[str] = frozenset()
    has_stoplist = bool(stops)
    seen: dict[str, int] = {}
    feats: list[Features] = []
    initial: list[Decision] = []
    for line in lines:
        text = line.text
        if not text:
            feats.append(EMPTY)
            initial.append(BLANK)
            continue
        f = measure(text, language, title_set)
        if not title_set and is_heading_like(f) and f.words >= 3:
            title_set = title_words(strip_bullet(text))
        other = None
        if has_stoplist and f.terminal and f.stopword_density < opts.stopword_density / 2 \
                and f.words >= opts.prose_min_words:
            other = _in_own_language(text, language, opts, title_set)
        if other is None:
            feats.append(f)
            # Stopword density judges only lines in a script the stoplists cover (a Korean
            # story in a dump of English ones is judged as a page of unknown language is).
            initial.append(classify(line, f, match, opts, has_stoplist and judged_by_stopwords(text), seen))
        else:
            own, f = other
            feats.append(f)
            d = classify(line, f, matcher(own), opts, True, seen)
            initial.append(d._replace(reason=f"{d.reason}; judged as {own}"))
    whole_page = from_html or opts.extracted == "always"
    # Plain text an extractor wrote: its choice stands against the weak line rules too,
    # but story boundaries stand (a dump of several extracted articles is still cut).
    layout = extraction_layout(lines, initial) if not whole_page and opts.extracted == "auto" else ""
    unrevised = initial
    if whole_page or layout == "dense":
        initial = revise_extracted(lines, feats, initial, hints, opts)
    smoothed = smooth(lines, feats, initial, opts)
    final, block = main_block(lines, feats, smoothed)
    st = find_stories(lines, feats, final, block, split=opts.split_stories and not whole_page,
                      smoothed=smoothed, stops=stops)
    final = st.final
    titles = st.titles
    story_of = list(st.story_of)
    if layout:
        final, story_of = restore_extracted(lines, unrevised, final, story_of, st.main, opts)
    leading = next((line.index for line in lines if line.text), None)

    def title_kept(s: int, t: int) -> bool:
        if s != st.main or opts.keep_title == "always":
            return True
        return opts.keep_title == "leading" and t == leading

    for s, t in enumerate(titles):
        if t is not None and title_kept(s, t):
            final[t] = Decision(True, "feature.title", "title", f"title of story {s}", "context")

    # `tuple.__new__` builds the named tuples without a Python-level call per line.
    verdicts = tuple(map(_new_tuple, repeat(Verdict), zip(lines, feats, initial, final, story_of)))
    # Kept lines per story, gathered in one pass (a dump can hold thousands of stories).
    kept_by_story: dict[int, list[int]] = {}
    for i, (s, d) in enumerate(zip(story_of, final)):
        if s is not None and d.keep:
            kept_by_story.setdefault(s, []).append(i)
    articles = []
    for s, kind in enumerate(st.kinds):
        positions = kept_by_story.get(s)
        if not positions:
            continue
        members = [verdicts[i] for i in positions]
        start = lines[titles[s]].start if titles[s] is not None else members[0].line.start
        articles.append(Article(
            index=len(articles),
            title=lines[titles[s]].text if titles[s] is not None else None,
            text=join_lines(verdicts[positions[0]:positions[-1] + 1], s),
            span=(min(start, members[0].line.start), members[-1].line.end),
            kind=kind,
        ))
    teasers = frozenset(s for s, k in enumerate(st.kinds) if k == "teaser")
    main = st.main if articles else None
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
