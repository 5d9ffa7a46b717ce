"""Decisions for text that an extractor has already chosen as a page's main content.

Text from the HTML front door (or from trafilatura run by the caller) is mostly article:
the extractor has removed menus, footers and sidebars.  The feature rules of stage 1 were
made for raw dumps, where a short line without punctuation is most often a menu item; in
extracted text it is most often a subheading, a list item or a table cell.

- `revise` (HTML input, or ``extracted="always"``): the weak feature rules yield to the
  extractor (``html.block``), and evidence from the page drops what is no article text:
  a line that is mostly link text on the page (``html.links``: related-story lists, tag
  clouds), an excerpt of another story (``html.excerpt``), a teaser card (``html.card``),
  see `cleaner.front.dom`.  The text is one page, so one story.  On a whole page (every
  block of it, `cleaner.front.page`), a block the extractor did not choose stays out
  (``html.unchosen``) unless the page recovers it as article text (``html.recovered``,
  `_recovered`); `shown_lines` are the lines the later stages judge.
- `extraction_layout` tells plain text that an extractor wrote from a whole-page dump.
  Text written one block a line (``"dense"``, as trafilatura writes it) is revised as
  above; for text with its blocks apart (``"spaced"``) only `restore` applies.
  `restore` keeps the lines inside the main story that only weak rules dropped
  (``extracted.block``).  Story boundaries stand in both: a dump of several extracted
  articles is still cut into stories.

Pattern rules of the catalogue (share bars, appeals, bylines ...) keep their decision: they
name boilerplate whatever its surroundings.

- `guarantee` (plain text an extractor wrote, ``"dense"`` or ``extracted="always"``): a
  post-processor must not make an extractor's output worse, so there only a catalogue rule
  or a story boundary drops a line; what any other rule dropped (context and teaser rules,
  the main region) is kept (``extracted.kept``).  The text ends where its comments open
  (`open_comments`: an extractor appends them after the article).  A story the story
  finder opened at a dateline inside a run of lines that open with one is an entry of the
  page's own list (a bibliography's "SURNAME, Name: title"), not another article
  (`list_entries`, ``extracted.list_entry``).
- `safety_net` (HTML input): when the extractor found a long article and the cleaner kept
  only a sliver of it, what the guarantee would keep comes back (``html.safety_net``);
  and a whole article that the page delivers as one long line inside a link is no link
  list (``html.links`` spares it).
"""

from __future__ import annotations

from itertools import compress, islice, repeat
from operator import and_, attrgetter, eq, or_

from .classify import RULES as CLASSIFY_RULES
from .features import CJK_PARAGRAPH, TINY, WORDY, line_shapes
from .options import Options
from .rules import CodeRule, ids
from .storage import has_text, raw_blanks
from .types import Decision, Features, Line

#: The options that tell text an extractor wrote (`extraction_layout`).
_LAYOUT = ("extracted_max_periphery", "extracted_max_run", "extracted_max_tiny_run", "extracted_tiny_words",
           "extracted_dense_blank_share", "extracted_dense_min_lines", "extracted_thin_share",
           "extracted_thin_min_lines", "extracted_paragraph_words",
           "extracted_cjk_paragraph", "extracted_cjk_short")

#: The rules of this module.
RULES = (
    CodeRule("html.block", "body", "a line the extractor chose as main content: weak line rules yield to it",
             ("extracted",) + _LAYOUT),
    CodeRule("html.links", "related", "most of the line's text is link text on the page (a link list)",
             ("link_density", "collapsed_article_words")),
    CodeRule("html.excerpt", "related",
             "excerpt of another story: another <article> of the page, cut with an ellipsis"),
    CodeRule("html.card", "related", "short list item with a linked headline: a teaser card"),
    CodeRule("extracted.block", "body", "line inside the main story of extracted text: weak line rules yield to it",
             ("extracted",) + _LAYOUT),
    CodeRule("extracted.kept", "body", "line of extractor output: only catalogue rules and story boundaries drop it",
             ("extracted", "extracted_furniture_lines") + _LAYOUT),
    CodeRule("html.unchosen", "boilerplate", "a block of the page that the extractor did not choose"),
    CodeRule("html.recovered", "body",
             "a paragraph the extractor skipped: prose inside the extracted article or beside its "
             "paragraphs, not in the page's furniture, not link text",
             ("link_density", "recover_min_words", "recover_inside_kin_levels", "recover_kin_levels",
              "recover_max_gap", "recover_lead_reach")),
    CodeRule("html.safety_net", "body",
             "the kept text was a sliver of a long extracted article: its lines are back",
             ("safety_net_words", "safety_net_share")),
    CodeRule("extracted.list_entry", "body",
             "a story of extractor output opened at a dateline inside a run of lines that open with one: "
             "an entry of the page's own list (a bibliography), not another article",
             ("extracted_list_entries",)),
    CodeRule("extracted.comments", "comments",
             "a comment counter after most of the extracted text's prose: the comments open there",
             ("extracted_comments_share",)),
)

#: Stage-1 rules that yield to the extractor's choice: the feature rules declared so.  In
#: extracted text a short line is a subheading or a list item, a repeated line a table
#: header, a line of figures a table cell, a lone address a source or a contact.
YIELDING = ids(CLASSIFY_RULES, yields=True)

def _prose(shape: int, decision: Decision) -> bool:
    """Prose by its stage-1 rule, or a paragraph of a CJK script by its ``shape`` byte."""
    return decision.rule == "feature.prose" or bool(shape & CJK_PARAGRAPH)


#: A text in which catalogue rules find at least ``extracted_furniture_lines`` lines of a
#: page's furniture (`FURNITURE` categories), among them a footer line (``legal``) or a
#: share bar line, is a dump of the whole page whatever its layout: an extractor leaves
#: out footers, menus and share bars.
FURNITURE = frozenset({"legal", "nav", "share", "ui"})
FOOTER = frozenset({"legal", "share"})


def _page_furniture(decisions, opts: Options) -> bool:
    """Do catalogue rules find a page's footer or share bar among its furniture?"""
    found = [d.category for d in decisions if d.category in FURNITURE]
    return len(found) >= opts.extracted_furniture_lines and not FOOTER.isdisjoint(found)


def _longest_run(flags: bytes, value: int = 1) -> int:
    """The longest run of ``value`` in ``flags`` (one byte per line)."""
    return max(map(len, flags.split(bytes((1 - value,)))))


#: Per shape byte (`cleaner.features.shapes`), 1 if it has the bit, else 0.
_HAS = {bit: bytes(int(bool(b & bit)) for b in range(256)) for bit in (TINY, CJK_PARAGRAPH, WORDY)}
_rule = attrgetter("rule")
_keep = attrgetter("keep")


def extraction_layout(lines: list[Line], initial: list[Decision], opts: Options = Options(),
                      shape: bytes | None = None) -> str:
    """How plain text looks written by an extractor: ``"dense"``, ``"spaced"``, or ""
    when it looks like a dump of a whole page.

    - ``"dense"``: one block a line without empty lines between (as trafilatura writes
      it; a line of only spaces or tabs is what the page's source left inside a block,
      not a separator; empty lines do not count when the line rules keep less than
      ``extracted_thin_share`` of the text's paragraphs: then they would drop almost all
      of it, and blank lines alone do not tell a page's dump), no menu (a run of
      ``extracted_max_tiny_run`` tiny lines: one or
      two words, no figures, `cleaner.features.TINY`) before the first paragraph, and
      no page furniture (`_page_furniture`: a footer or share bar among
      ``extracted_furniture_lines`` lines of menus, footers, share bars and log-in
      buttons);
    - ``"spaced"``: blocks apart, but the text opens and closes with prose
      (``extracted_max_periphery``), has no long run of other lines
      (``extracted_max_run``) and no menu anywhere.

    The lines' shapes (``shape``, `cleaner.features.line_shapes`, computed when not
    given) come from one call of the compiled core; the tests here read them as columns
    of bytes, one per non-blank line.

    Measured on the dev pages (scrapinghub and trafilatura-eval): of trafilatura's 397
    outputs 389 are dense, 7 spaced, 1 neither (a recipe whose ingredient list opens it);
    of the inscriptis dumps of the same pages 2 are dense and 7 spaced (2.3%).  With their
    blank lines removed, 89 dumps (22%) would be dense without the furniture test, 15
    (3.8%) are with it, and one of trafilatura's outputs is no longer dense: a dump without blank lines
    and without a menu on top looks much like an extractor's output, but its footer gives
    it away."""
    if shape is None:
        shape = line_shapes(lines, opts)
    n = len(shape) - shape.count(0)  # the non-blank lines; below, one byte for each
    if not n:
        return ""
    tiny = bytes(compress(shape.translate(_HAS[TINY]), shape))
    by_rule = map(eq, map(_rule, initial), repeat("feature.prose"))
    prose = bytes(compress(map(or_, by_rule, shape.translate(_HAS[CJK_PARAGRAPH])), shape))
    lead = prose.find(1)
    lead = n if lead < 0 else lead  # n: no prose
    menu = opts.extracted_max_tiny_run
    wordy = bytes(compress(shape.translate(_HAS[WORDY]), shape))
    paragraphs = wordy.count(1)
    kept = sum(map(and_, wordy, map(_keep, compress(initial, shape))))  # those the rules keep
    thin = paragraphs >= opts.extracted_thin_min_lines and kept < opts.extracted_thin_share * paragraphs
    blank_free = raw_blanks(lines) <= opts.extracted_dense_blank_share * len(lines)
    if (blank_free or thin) and n >= opts.extracted_dense_min_lines:
        # no menu before the first line of prose; text without prose (captions, lines
        # without the punctuation of prose) needs a long line and no menu anywhere
        if lead < n:
            dense = _longest_run(tiny[:lead]) < menu
        else:
            dense = 1 in shape.translate(_HAS[WORDY]) and _longest_run(tiny) < menu
        if dense and not _page_furniture(compress(initial, shape), opts):
            return "dense"
    if lead == n or _longest_run(tiny) >= menu:
        return ""
    tail = n - 1 - prose.rfind(1)
    spaced = (lead + tail <= opts.extracted_max_periphery
              and _longest_run(prose, 0) <= opts.extracted_max_run)
    return "spaced" if spaced else ""


def revise(
    lines: list[Line], feats: list[Features], initial: list[Decision], hints, options: Options,
    shape: bytes | None = None,
) -> list[Decision]:
    """Stage-1 decisions revised for extracted text; ``hints`` is a `cleaner.front.dom.LineHint`
    (or ``None``) per line; ``shape`` the lines' shapes when the caller has them
    (`cleaner.features.line_shapes`, computed here when not given)."""
    out = list(initial)
    shape = line_shapes(lines, options) if shape is None else shape
    has = has_text(lines)  # one pass over the lines: no `Line` built per line below
    recovered = _recovered(lines, feats, initial, hints, options, shape, has)
    per_line = _hints_of(hints, len(has))
    made: dict[tuple, Decision] = {}  # the decisions made so far, each made once
    links, block = options.rule_enabled("html.links"), options.rule_enabled("html.block")
    for i, d, h in compress(zip(range(len(has)), initial, per_line), has):
        if h is not None and h.other and options.rule_enabled(f"html.{h.other}"):
            key = ("other", h.other)
            out[i] = made.get(key) or made.setdefault(key, Decision(
                False, f"html.{h.other}", "related", f"{h.other} of another story on the page", "extractor"))
            continue
        if h is not None and not h.chosen:
            how = recovered.get(i)
            key = ("unchosen", d.rule, h.tag, h.furniture, h.kin if how == "kin" else 0, how)
            out[i] = made.get(key) or made.setdefault(key, _unchosen(d, h, how))
            continue
        f = feats[i]
        bare_address = f.urls and f.urls >= f.words  # a source or a contact
        # a whole article delivered as one line inside a link is no link list
        collapsed = d.rule == "feature.prose" and f.words >= options.collapsed_article_words
        if h is not None and h.link_density >= options.link_density and not bare_address and not collapsed and links:
            out[i] = Decision(False, "html.links", "related", f"link density {h.link_density:.2f} in the page",
                              "extractor")
            continue
        if d.rule in YIELDING and block:
            key = ("block", bool(h.heading), h.tag) if h is not None else ("block",)
            out[i] = made.get(key) or made.setdefault(key, _block(h))
    if hints is None:  # plain text an extractor wrote: it ends where its comments open
        out = open_comments(feats, out, options)
    return out


#: The catalogue rule (the part after the language code) of a comment counter: "12
#: comments", "3 thoughts on ...".
COMMENT_COUNTER = "meta.comment_count"


def open_comments(feats: list[Features], decisions: list[Decision], options: Options) -> list[Decision]:
    """``decisions`` with the first comment counter (`COMMENT_COUNTER`) that has more than
    ``extracted_comments_share`` of the text's prose words before it made a barrier that
    opens the comments (``extracted.comments``).  An extractor appends a page's comments
    after its article; a counter in the byline area comes before the article's text."""
    if not options.rule_enabled("extracted.comments"):
        return decisions
    words = [f.words if d.rule == "feature.prose" else 0 for f, d in zip(feats, decisions)]
    total, before = sum(words), 0
    for i, d in enumerate(decisions):
        if d.rule.partition(".")[2] == COMMENT_COUNTER and before > options.extracted_comments_share * total:
            out = list(decisions)
            out[i] = Decision(False, "extracted.comments", "comments",
                              f"comment counter after {before} of the text's {total} words of prose", "extractor")
            return out
        before += words[i]
    return decisions


def _block(h) -> Decision:
    """The decision on a line of the extracted main content that a weak rule dropped."""
    if h is not None and h.heading:
        return Decision(True, "html.block", "heading", f"<{h.tag}> of the main content", "extractor")
    what = f"<{h.tag}>" if h is not None else "line"
    return Decision(True, "html.block", "body", f"{what} of the extracted main content", "extractor")


def _hints_of(hints, n: int) -> list:
    """``hints`` as ``n`` items, one per line (``None`` past its end, or for every line when
    there are none)."""
    if not hints:
        return [None] * n
    return list(hints[:n]) + [None] * (n - len(hints))


def _chosen_flags(hints, n: int) -> list[bool]:
    """Per line, whether the extractor chose it (a line without a hint counts as chosen)."""
    return [h is None or h.chosen for h in _hints_of(hints, n)]


#: Elements that hold a caption, never recovered as article text.
CAPTION_TAGS = frozenset({"figcaption", "caption"})
#: Class and id words a standfirst may carry (pages mark it as the article's teaser).
LEAD_MARKS = frozenset({"teaser"})


def _recovered(lines: list[Line], feats: list[Features], initial: list[Decision], hints,
               options: Options, shape: bytes, has: bytes) -> dict[int, str]:
    """The blocks of a page the extractor did not choose that are recovered, each with
    how it is placed: paragraphs of prose (``recover_min_words``), neither in the page's
    furniture, nor marked as boilerplate by a class or id, nor link text, that lie among
    the extracted article's prose with the tag and class of one of its blocks
    (``recover_inside_kin_levels``: ``"inside"``), or are shaped like its blocks
    (``recover_kin_levels``) and reached from it across at most ``recover_max_gap``
    other lines in a row (``"kin"``), or stand so reached above it and at most
    ``recover_lead_reach`` lines under the page's headline (``"lead"``: the standfirst,
    which extractors often skip).  ``shape``: the lines' `cleaner.features.line_shapes`;
    ``has``: their `cleaner.storage.has_text`."""
    if not hints or not options.rule_enabled("html.recovered"):
        return {}
    n = len(lines)
    chosen = _chosen_flags(hints, n)
    prose = [i for i in range(n) if shape[i] and chosen[i] and _prose(shape[i], initial[i])]
    if not prose:
        return {}

    def candidate(i: int, marks=frozenset()) -> bool:
        h = hints[i]
        return (_prose(shape[i], initial[i]) and feats[i].words >= options.recover_min_words
                and not h.furniture and not h.other and h.marks <= marks and h.link_density < options.link_density
                and h.tag not in CAPTION_TAGS)

    def lead(i: int) -> bool:
        """Prose right under the page's headline (an <h1>): the article's standfirst."""
        above = islice((j for j in range(i - 1, -1, -1) if has[j]), max(options.recover_lead_reach, 0))
        return any(hints[j] is not None and hints[j].heading == 1 for j in above) and candidate(i, LEAD_MARKS)

    unchosen = [i for i in range(n) if has[i] and not chosen[i]]
    out = {i: "inside" for i in unchosen if prose[0] < i < prose[-1] and candidate(i)
           and hints[i].kin >= options.recover_inside_kin_levels}
    for steps in (range(prose[-1] + 1, n), range(prose[0] - 1, -1, -1)):
        gap = 0
        for i in steps:
            if not has[i]:
                continue
            if chosen[i]:
                gap = 0
            elif hints[i].kin >= options.recover_kin_levels and candidate(i):
                out[i], gap = "kin", 0
            elif i < prose[0] and lead(i):
                out[i], gap = "lead", 0
            else:
                gap += 1
                if gap > options.recover_max_gap:
                    break
    return out


def _unchosen(d: Decision, h, how: str | None) -> Decision:
    """The decision on a block of the page the extractor did not choose: recovered
    (``html.recovered``, see `_recovered`) or left out (``html.unchosen``)."""
    where = f"<{h.tag}>" + (f" in <{h.furniture}>" if h.furniture and h.furniture != h.tag else "")
    if how is not None:
        place = {"inside": "among the extracted article's prose", "lead": "under the headline, above the article",
                 "kin": f"shaped like the article's blocks ({h.kin} levels)"}[how]
        return Decision(True, "html.recovered", "body", f"{where} of prose {place}, not chosen by the extractor",
                        "extractor")
    return Decision(False, "html.unchosen", "boilerplate", f"{where} not chosen by the extractor ({d.rule})",
                    "extractor")


def shown_lines(revised: list[Decision], hints) -> list[int]:
    """The lines of a whole page the stages after the extractor judge: all but the
    blocks the extractor did not choose and that were not recovered."""
    chosen = _chosen_flags(hints, len(revised))
    return [i for i, d in enumerate(revised) if chosen[i] or d.rule == "html.recovered"]


def main_span(final: list[Decision], story_of: list[int | None], main: int | None) -> range:
    """The lines from the main story's first kept line to its last; empty when it keeps none."""
    members = [i for i, s in enumerate(story_of) if main is not None and s == main and final[i].keep]
    return range(members[0], members[-1] + 1) if members else range(0)


def restore(
    lines: list[Line], initial: list[Decision], final: list[Decision],
    story_of: list[int | None], main: int | None, options: Options,
) -> tuple[list[Decision], list[int | None]]:
    """For plain text that looks extracted (`extraction_layout`): lines inside the main
    story's span that only the weak line rules dropped are kept (``extracted.block``).
    Story boundaries and pattern rules stand."""
    span = main_span(final, story_of, main)
    if not span or not options.rule_enabled("extracted.block"):
        return final, story_of
    final, story_of = list(final), list(story_of)
    for i in span:
        if lines[i].blank or final[i].keep or initial[i].rule not in YIELDING:
            continue
        if story_of[i] not in (None, main):
            continue
        final[i] = Decision(True, "extracted.block", "body",
                            f"inside the main story of extracted text ({initial[i].rule})", "extracted")
        story_of[i] = main
    return final, story_of


def _main_side(story_of: list[int | None], lines: list[Line], i: int, main: int) -> bool:
    """Line ``i`` belongs to the main story, or lies in no story and not between two
    other stories (the nearest line in a story before or after it is the main story's,
    or there is none on one side)."""
    if story_of[i] is not None:
        return story_of[i] == main
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and (lines[j].blank or story_of[j] is None):
            j += step
        if not 0 <= j < len(lines) or story_of[j] == main:
            return True
    return False


def guarantee(
    lines: list[Line], initial: list[Decision], final: list[Decision],
    story_of: list[int | None], main: int | None, by_pattern, closes, options: Options,
    rule: str = "extracted.kept", datelines=None,
) -> tuple[list[Decision], list[int | None]]:
    """For extractor output: every line up to the end of the main story's text that no
    catalogue rule dropped (``by_pattern(rule id)``, asked of ``initial``: the stage-1
    decision, as `revise` left it for extractor output) and that
    no story boundary put in another story is kept (``extracted.kept``), whatever the
    context rules said.  The extractor chose the lines; the cleaner only removes what it
    can name.  The end of the text is the first line after the main story's opening that
    ``closes(decision)`` (a catalogue rule opening the comments or a list of other
    stories); past it the pipeline's decisions stand.  ``datelines(i)``: does line ``i``
    open with a dateline (the story finder's reading, `cleaner.stories.Stories.datelines`);
    given, a story opened at a dateline inside a run of them is a list's entry
    (`list_entries`).

    >>> from cleaner import analyze
    >>> text = ("The council met on Monday to discuss the new budget for the city schools.\\n"
    ...         "Share on Facebook\\n"
    ...         "The vote on the budget is expected next month after a public hearing.")
    >>> [v.final.rule for v in analyze(text, extracted="always").verdicts]
    ['feature.prose', 'en.share.share_label', 'feature.prose']
    """
    if main is None or not options.rule_enabled(rule):
        return final, story_of
    start = story_of.index(main)
    end = next((i for i in range(start + 1, len(lines)) if closes(initial[i])), len(lines))
    if datelines is not None:  # copies, as below
        final, story_of = list_entries(lines, final, story_of, main, datelines, options)
    else:
        final, story_of = list(final), list(story_of)
    for i in range(end):
        d = final[i]
        if lines[i].blank or d.keep or by_pattern(initial[i].rule):
            continue
        if not _main_side(story_of, lines, i, main):
            continue
        final[i] = Decision(True, rule, initial[i].category if initial[i].keep else "body",
                            f"extractor's line, no catalogue rule names it ({d.rule})", "extracted")
        story_of[i] = main
    return final, story_of


def list_entries(
    lines: list[Line], final: list[Decision], story_of: list[int | None], main: int, datelines,
    options: Options,
) -> tuple[list[Decision], list[int | None]]:
    """Copies of ``final`` and ``story_of`` in which a story whose first line opens with a
    dateline (``datelines(i)`` of line ``i``: the story finder's reading of the line,
    `cleaner.stories.Stories.datelines`, the test of `cleaner.stories.evidence.dateline`,
    not asked again here) inside a run of at
    least ``extracted_list_entries`` lines with text that each open with one belongs to
    the story above it (``extracted.list_entry``), unless it is the ``main`` story (the
    story finder's choice of the main story stands).  A dateline opens a story once;
    line after line it is the form of a list's entries ("SURNAME, Name: title, place
    year" in a bibliography), and in one extractor's choice of a page's content such a
    list is the page's own.

    >>> from cleaner.segment import segment
    >>> from cleaner.stories.evidence import dateline
    >>> lines = segment("BERG, Karl: Books. Leipzig 1998.\\nFISCHER, Anna: Reading. Berlin 2004.\\n"
    ...                 "KELLER, Jonas: Paper. Mainz 2009.")
    >>> keep = Decision(True, "feature.prose", "body", "", "classify")
    >>> datelines = [dateline(line.text) for line in lines].__getitem__
    >>> final, story_of = list_entries(lines, [keep] * 3, [0, 1, 1], 0, datelines, Options())
    >>> story_of, final[1].rule
    ([0, 0, 0], 'extracted.list_entry')
    >>> list_entries(lines, [keep] * 3, [0, 1, 1], 1, datelines, Options())[1]
    [0, 1, 1]
    """
    final, story_of = list(final), list(story_of)
    if not options.rule_enabled("extracted.list_entry"):
        return final, story_of
    starts = [i for i, s in enumerate(story_of) if s is not None and (i == 0 or story_of[i - 1] != s)]
    if not any(datelines(i) for i in starts if i):
        return final, story_of
    run = _dateline_runs(lines, datelines)
    story = None  # the story of the nearest line in a story so far
    joined: dict[int, tuple[int, int]] = {}  # a story read as list entries -> (the story it joins, run)
    for i, s in enumerate(story_of):
        if s is not None and s not in (story, main) and s not in joined and story is not None \
                and run.get(i, 0) >= options.extracted_list_entries:
            joined[s] = (story, run[i])
        if s in joined:
            s, n = joined[s]
            story_of[i] = s
            if final[i].keep:
                final[i] = Decision(True, "extracted.list_entry", final[i].category,
                                    f"in a list of {n} lines that open like datelines, not another story "
                                    f"({final[i].rule})", "extracted")
        if s is not None:
            story = s
    return final, story_of


def _dateline_runs(lines: list[Line], datelines) -> dict[int, int]:
    """Per line with text that opens with a dateline (``datelines(i)``), the length of the
    run of such lines (lines with text, one after another) it belongs to."""
    texts = [i for i, line in enumerate(lines) if line.text]
    out: dict[int, int] = {}
    run: list[int] = []
    for i in texts + [None]:
        if i is not None and datelines(i):
            run.append(i)
            continue
        out.update(dict.fromkeys(run, len(run)))
        run = []
    return out


def safety_net(
    lines: list[Line], feats: list[Features], initial: list[Decision], final: list[Decision],
    story_of: list[int | None], main: int | None, by_pattern, closes, options: Options,
) -> tuple[list[Decision], list[int | None]]:
    """For a page: when the extractor found a long article (``safety_net_words`` words of
    prose) and the main story keeps less than ``safety_net_share`` of them, every line the
    `guarantee` would keep comes back (``html.safety_net``): the cleaner never reduces a
    long article to a sliver unless story boundaries say the rest is another story."""
    prose = sum(f.words for f, d in zip(feats, initial) if d.rule == "feature.prose")
    if prose < options.safety_net_words or main is None:
        return final, story_of
    kept = sum(f.words for f, d, s in zip(feats, final, story_of) if d.keep and s == main)
    if kept >= options.safety_net_share * prose:
        return final, story_of
    return guarantee(lines, initial, final, story_of, main, by_pattern, closes, options,
                     rule="html.safety_net")
