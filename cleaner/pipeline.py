"""The one pipeline: input -> lines -> features -> the stages -> `Analysis`.

`analyze` is the only path; `clean`, `clean_html` and `split` read its result, so what is
explained is exactly what is returned.  HTML goes through the front door
(`cleaner.front`) first; then every stage (`cleaner.types.STAGES`) returns one decision
per line, and `cleaner.storage.Trails` keeps, per line, the decisions that changed: the
trail that `Verdict` carries.  See docs/architecture.md for the flow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from operator import attrgetter

from . import _core
from .blocks import block_stage, inside_main, set_off
from .catalogue.load import catalogue_languages
from .classify import classify_page
from .extracted import blocks_touch, extraction_layout, revise as revise_extracted, shown_lines
from .features import line_shapes
from . import front
from .binary import BinaryInput, NotText, binary_kind
from .errors import CoreError, is_core_panic
from .front import decode, detect
from .guarantees import NET_STORY, guarantee, restore as restore_extracted, safety_net
from .language import guess_language, stopwords
from .options import Options
from .rules import CodeRule
from .segment import segment
from .smooth import smooth
from .storage import Trails, Verdicts, as_list
from .stories import Reading, Stories, find_stories
from .story_end import story_end
from .types import Analysis, Article, Decision, Features, Line

#: The rule this module fires (the title of each story, see `_title_lines`).
RULES = (
    CodeRule("feature.title", "title", "the title line of a story (of the main story only as keep_title says)",
             ("keep_title",)),
)

_text = attrgetter("text")


def to_text(document: object, options: Options) -> tuple[str, bool, tuple | None, str | None]:
    """The text to analyse, whether it came from HTML, and for HTML a
    `cleaner.front.dom.LineHint` (or ``None``) per line of the text (the whole page, one
    block a line, each saying whether the extractor chose it) and the page's headline.

    ``str`` is taken as it is (or as HTML when it looks like HTML); ``bytes`` are decoded
    (see `cleaner.front.decode`); bytes of a binary file raise `cleaner.binary.BinaryInput`
    (a `ValueError`).  Anything else raises `cleaner.binary.NotText` (a `TypeError`).
    """
    if isinstance(document, (bytes, bytearray, memoryview)):
        document = bytes(document)
        kind = binary_kind(document)
        if kind is not None:
            raise BinaryInput(kind)
    elif not isinstance(document, str):
        raise NotText(type(document).__name__)
    if options.html == "always" or (options.html == "auto" and detect.looks_like_html(document)):
        ex = front.extract.extract(document)
        return ex.text, True, ex.hints, ex.headline
    text = decode.decode(document) if isinstance(document, bytes) else document
    return text, False, None, None


def analyze(document: object, options: Options | str | None = None, **overrides) -> Analysis:
    """Every line of ``document`` with its decisions, and the stories found.

    >>> a = analyze("Short Url\\n\\nThe minister arrived in the capital on Tuesday for talks with the president.")
    >>> [(v.final.rule, v.final.keep) for v in a.verdicts]
    [('en.share.short_url', False), ('blank', False), ('feature.prose', True)]
    >>> [(v.output, v.why) for v in a.verdicts]
    [(False, 'share'), (False, 'blank'), (True, '')]

    A panic of the compiled core is raised as `CoreError` (a ``RuntimeError``).
    """
    try:
        return _analyze(document, options, **overrides)
    except BaseException as exc:
        if is_core_panic(exc):
            raise CoreError(f"the compiled core failed: {exc}") from exc
        raise


def _analyze(document: object, options: Options | str | None, **overrides) -> Analysis:
    """`analyze` with a panic of the compiled core left as it is."""
    opts = Options.make(options, **overrides)
    source, from_html, hints, headline = to_text(document, opts)
    lines = segment(source)
    if not any(map(_text, lines)):
        return Analysis(source, tuple(), (), opts, None, None, from_html)
    chosen = _chosen(lines, hints)
    language = opts.language or guess_language(_joined(lines, chosen) if chosen else source)
    stops = stopwords(language)
    trails = Trails()  # each stage's layer is added as soon as the stage is done
    feats, initial = classify_page(lines, language, opts, _held(hints))
    initial = trails.start(initial)
    whole_page = from_html or opts.extracted == "always"
    # Plain text an extractor wrote: its choice stands against the weak line rules too,
    # but story boundaries stand (a dump of several extracted articles is still cut).
    shape = line_shapes(lines, opts)  # read by the extractor layout test and the context rules
    touch = None if whole_page else blocks_touch(lines, opts)  # read by the layout test and story.caption
    auto = not whole_page and opts.extracted == "auto"
    layout = extraction_layout(lines, initial, opts, shape, touch) if auto else ""
    revised = initial
    if whole_page or layout == "dense":
        revised = trails.add(revise_extracted(lines, feats, initial, hints, opts, shape), "extractor")
    if chosen is None:
        # a page whose language has no catalogue in use: its stages read the stricter limits
        page = _Page(opts if _catalogued(language, opts) else opts.uncatalogued(), stops, layout, from_html, touch)
        titled, st, story_of = _stages(lines, feats, initial, revised, shape, page, trails.add)
    else:
        # a whole page: the stages judge the lines the extractor chose and those recovered;
        # every other block of the page stands as `revise` decided it (``html.unchosen``)
        shown = shown_lines(revised, hints)
        if not shown:  # the extractor found nothing: no block is the article
            # no main story: no line is in the output, and its category says why
            verdicts = Verdicts(lines, feats, trails, [None] * len(lines), bytes(len(lines)))
            return Analysis(source, verdicts, (), opts, language, None, from_html)
        titled, st, story_of = _stages(
            [lines[i]._replace(index=k) for k, i in enumerate(shown)], *_pick((feats, initial, revised), shown),
            bytes(map(shape.__getitem__, shown)), _Page(opts, stops, layout, from_html, headline=headline),
            _shown_layers(trails, shown))
        titled = trails.before
        st, story_of = _widen(titled, st, story_of, shown)
    # the kept lines of each story that has any, and per line whether it is in the output
    kept_by_story, outputs = _core.kept_lines(as_list(titled), as_list(story_of), len(st.kinds), st.main)
    main = st.main if kept_by_story else None  # no kept line: no main story, no line output
    verdicts = Verdicts(lines, feats, trails, story_of, outputs)
    articles = _articles(lines, verdicts, kept_by_story, st, headline if from_html else None)
    teasers = frozenset(s for s, k in enumerate(st.kinds) if k == "teaser")
    return Analysis(source, verdicts, articles, opts, language, main, from_html, teasers)


@dataclass(frozen=True)
class _Page:
    """What the stages after the extractor's revision read of a document besides its lines:
    its options, its language's stopwords, its layout (`extraction_layout`; "" where not
    tested: HTML, or `Options.extracted` other than ``"auto"``), whether it came from HTML,
    whether its blocks touch (`blocks_touch`; ``None`` for a whole page (whose stories
    are not cut) or text said to be an extractor's: counted if ever read), and a page's
    headline (`cleaner.front.headline`; ``None`` for text).  The options
    are the stages': on a document whose every line is judged and whose language has no
    catalogue of its own in use (`_catalogued`), `Options.uncatalogued` (the stricter
    limits of `cleaner.options.UNCATALOGUED`); else the caller's (a whole page whose
    extractor left blocks out is read as catalogued)."""
    opts: Options
    stops: frozenset[str]
    layout: str
    from_html: bool
    touch: bool | None = None
    headline: str | None = None


def _stages(lines: Sequence[Line], feats: Sequence[Features], initial: list[Decision], revised: list[Decision],
            shape: bytes, page: _Page, add) -> tuple[list[Decision], Stories, list[int | None]]:
    """The stages after the extractor's revision of the ``page``'s lines: context, main
    block, stories, the extracted-text guarantees and titles, each stage's layer handed to
    ``add`` (see `cleaner.storage.Trails.add`) as soon as it is done (``shape``: the lines'
    `cleaner.features.line_shapes`).  Returns the last layer, the stories and each line's
    story."""
    opts, layout, from_html = page.opts, page.layout, page.from_html
    said = opts.extracted == "always"  # the caller says the text is an extractor's
    whole_page = from_html or said
    smoothed = add(smooth(lines, feats, revised, opts, shape), "context")
    listed, blocked, block = block_stage(feats, smoothed, opts, shape)
    blocked = add(blocked, "block")
    # Text written one block a line is an extractor's (one page's); text with its blocks
    # apart is read for stories like a page's dump (scraped article bodies joined).  Text
    # said to be an extractor's is cut as a recognised one is; a page's blocks are not.
    reading = Reading(split=opts.split_stories and not from_html, extracted=layout == "dense" or said,
                      written=bool(layout), touch=page.touch, said=said)
    st = find_stories(lines, feats, blocked, block, listed=listed, stops=page.stops, options=opts, reading=reading)
    story_of = list(st.story_of)
    restored = st.final
    if not (layout or whole_page):  # a page's dump: the main story's gaps (extracted text: `restore`)
        restored, story_of = inside_main(initial, restored, story_of, st.main, opts, shape, lines, feats)
        restored = set_off(lines, feats, restored, story_of, st.main, opts, shape, initial)
        restored = story_end(lines, feats, restored, story_of, st.main, page.stops, opts)
    restored = add(restored, "stories")
    if layout:
        restored, story_of = restore_extracted(lines, initial, restored, story_of, st.main, opts)
    if not from_html and (layout == "dense" or said):
        # extractor output: only catalogue rules and story boundaries drop its lines
        restored, story_of = guarantee(lines, revised, restored, story_of, st.main, opts,
                                       datelines=st.datelines)
    elif from_html:
        restored, story_of = safety_net(lines, feats, initial, restored, story_of, st.main, opts)
        if st.main is None and NET_STORY in story_of:  # the rules kept nothing: the net's story is the page's
            st = replace(st, kinds=["full"], titles=[None], main=NET_STORY)
    restored = add(restored, "extracted")
    st = _headline_title(lines, restored, st, story_of, page.headline)
    # text an extractor wrote keeps what it chose: a title line only the story finder names
    written = bool(layout) or said
    return add(_title_lines(lines, restored, st, opts, from_html, written), "title"), st, story_of


def _catalogued(language: str | None, opts: Options) -> bool:
    """Does the page's language have a catalogue of its own, not switched off
    (`Options.disabled_rules` naming ``<language>.``)?"""
    return language in catalogue_languages() and opts.rule_enabled(f"{language}.")


def _chosen(lines: Sequence[Line], hints) -> list[int] | None:
    """For a whole page (hints that say what the extractor chose): the lines it chose, in
    order; else ``None``."""
    if not hints or all(h is None or h.chosen for h in hints):
        return None
    return [i for i, h in enumerate(hints) if (h is None or h.chosen) and lines[i].text]


def _held(hints) -> list[bool] | None:
    """On a whole page, the held blocks (`cleaner.front.page.Block.held`: copies of text the
    extractor wrote, never shown), which no line repeats (`classify_lines`' ``uncounted``);
    None when there is none."""
    held = [h is not None and h.held for h in hints or ()]
    return held if any(held) else None


def _joined(lines: Sequence[Line], picked: list[int]) -> str:
    return "\n".join(lines[i].text for i in picked)


def _pick(columns, indices: list[int]) -> list[list]:
    """Each column restricted to ``indices``."""
    return [[values[i] for i in indices] for values in columns]


def _shown_layers(trails: Trails, shown: list[int]):
    """``add`` for stages that judge only the ``shown`` lines of a page: a layer of
    theirs goes to ``trails`` with every other line's decision left as it was."""
    def add(decisions: list[Decision], stage: str) -> list[Decision]:
        full = list(trails.before)
        for k, i in enumerate(shown):
            full[i] = decisions[k]
        shared = trails.add(full, stage)
        return [shared[i] for i in shown]
    return add


def _widen(final: list[Decision], st: Stories, story_of: list[int | None],
           shown: list[int]) -> tuple[Stories, list[int | None]]:
    """The stories and each line's story, found on the ``shown`` lines of a page, put
    back on all its lines (a line not shown is in no story), with ``final`` (the page's
    decisions) as their final decisions.  The story finder's per-line answers
    (`Stories.datelines`) are read over the shown lines: the widened stories have none."""
    wide: list[int | None] = [None] * len(final)
    for k, i in enumerate(shown):
        wide[i] = story_of[k]
    titles = [None if t is None else shown[t] for t in st.titles]
    return replace(st, titles=titles, story_of=wide, final=final, datelines=None), wide


def _headline_title(lines: Sequence[Line], decided: list[Decision], st: Stories,
                    story_of: list[int | None], headline: str | None) -> Stories:
    """``st`` with the main story's first kept line as its title line when the story has
    none and that line reads as the page's ``headline`` (the same words, in any case): an
    extractor keeps a page's ``<h1>`` as the first line of its article, and that line is
    the story's title, in `Article.title` (and in `clean`'s text as
    `Options.keep_title` says) as the title line of a text's story is.  A story with no
    other kept line keeps its headline as its text."""
    if headline is None or st.main is None or st.titles[st.main] is not None:
        return st
    kept = [i for i, (s, d) in enumerate(zip(story_of, decided)) if s == st.main and d.keep]
    if len(kept) < 2 or lines[kept[0]].text.casefold().split() != headline.casefold().split():
        return st
    first = kept[0]
    titles = list(st.titles)
    titles[st.main] = first
    return replace(st, titles=titles)


def _title_lines(lines: list[Line], decided: list[Decision], st: Stories, opts: Options,
                 from_html: bool = False, written: bool = False) -> list[Decision]:
    """The decisions with each story's title line kept as its title (the main story's
    only as `Options.keep_title` says: ``"leading"`` keeps it when the text starts with
    it and holds no other story, never on a page from HTML, whose headline stands among
    its menus; else it goes, whatever rule kept it, but in text an extractor wrote
    (``written``), whose choice of lines stands: there the line stays as it was)."""
    out = list(decided)
    one = len(st.kinds) == 1 and not from_html
    leading = next((line.index for line in lines if line.text), None) if one else None
    for s, t in enumerate(st.titles):
        if t is None:
            continue
        if s == st.main and opts.keep_title != "always" and not (
                opts.keep_title == "leading" and t == leading):
            if out[t].keep and not written:  # kept by another rule (an extractor's <h1>): `Article.title` holds it
                out[t] = Decision(False, "feature.title", "title",
                                  f"the main story's title, Article.title, not its text (keep_title={opts.keep_title})",
                                  "title")
            continue
        out[t] = Decision(True, "feature.title", "title", f"title of story {s}", "title")
    return out


def _articles(lines: Sequence[Line], verdicts: Verdicts, kept_by_story: dict[int, list[int]],
              st: Stories, headline: str | None = None) -> tuple[Article, ...]:
    """Every story with kept lines (``kept_by_story``: their indices), in order, as an
    `Article`; ``headline`` (the page's, for HTML) is the main story's title when no line
    of the text is."""
    articles = []
    for s, kind in enumerate(st.kinds):
        positions = kept_by_story.get(s)
        if not positions:
            continue
        first, last = lines[positions[0]], lines[positions[-1]]
        title = lines[st.titles[s]] if st.titles[s] is not None else None
        start = title.start if title is not None else first.start
        articles.append(Article(
            index=len(articles),
            title=title.text if title is not None else headline if s == st.main else None,
            text=verdicts.story_text(s, positions),
            span=(min(start, first.start), last.end),
            kind=kind,
        ))
    return tuple(articles)


def clean(document: object, options: Options | str | None = None, **overrides) -> str:
    """The main story's text: kept lines, one per line, paragraphs kept.

    >>> clean("Follow\\nThe minister arrived in the capital on Tuesday for talks with the president.")
    'The minister arrived in the capital on Tuesday for talks with the president.'
    """
    return analyze(document, options, **overrides).text


def split(document: object, options: Options | str | None = None, **overrides) -> list[Article]:
    """Every story of a dump, in order."""
    return list(analyze(document, options, **overrides).articles)


def clean_html(html: str | bytes, options: Options | str | None = None, **overrides) -> str:
    """The main text of an HTML page or fragment (``str`` or ``bytes``): `clean` with the
    input always taken as HTML.

    >>> clean_html("<article><h1>Budget</h1><p>The council approved the budget for the parks on Tuesday after a long debate.</p></article>")
    'Budget\\nThe council approved the budget for the parks on Tuesday after a long debate.'
    """
    overrides["html"] = "always"
    return analyze(html, options, **overrides).text
