"""Decisions for text that an extractor has already chosen as a page's main content.

Text from the HTML front door (or from trafilatura run by the caller) is mostly article:
the extractor has removed menus, footers and sidebars.  The feature rules of stage 1 were
made for raw dumps, where a short line without punctuation is most often a menu item; in
extracted text it is most often a subheading, a list item or a table cell.

- `revise` (HTML input, or ``extracted="always"``): the weak feature rules yield to the
  extractor (``html.block``), and evidence from the page drops what is no article text:
  a line that is mostly link text on the page (``html.links``: related-story lists, tag
  clouds), an excerpt of another story (``html.excerpt``), a teaser card (``html.card``),
  see `cleaner.front.dom`.  The text is one page, so one story.
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
  the main region) is kept (``extracted.kept``).
"""

from __future__ import annotations

import re

from .classify import WEAK_RULES
from .options import Options
from .types import Decision, Features, Line

#: The rules of this module, for `cleaner.registry.registry`.
RULES: dict[str, str] = {
    "html.block": "a line the extractor chose as main content: weak line rules yield to it",
    "html.links": "most of the line's text is link text on the page (a link list)",
    "html.excerpt": "excerpt of another story: another <article> of the page, cut with an ellipsis",
    "html.card": "short list item with a linked headline: a teaser card",
    "extracted.block": "line inside the main story of extracted text: weak line rules yield to it",
    "extracted.kept": "line of extractor output: only catalogue rules and story boundaries drop it",
}

#: Stage-1 rules that yield to the extractor's choice: the feature rules.  In extracted
#: text a short line is a subheading or a list item, a repeated line a table header, a line
#: of figures a table cell, a lone address a source or a contact.
YIELDING = WEAK_RULES | {"feature.duplicate", "feature.urls", "feature.digits"}

#: A line whose source block has at least this share of its characters in links is a link
#: list, not article text (measured on the dev pages: 0.6 to 1.0 is 90% boilerplate).
LINK_DENSITY = 0.6


#: Extracted text opens and closes with its article: at most this many lines outside the
#: first and last paragraph (a title, a byline, a date; a raw dump has menus there) ...
MAX_PERIPHERY = 8
#: ... and has no long run of non-paragraph lines (a dump's link lists and footers).
MAX_RUN = 15
#: A run of this many lines of at most `TINY_WORDS` words is a menu, or a table or list
#: of the article (8% of trafilatura's outputs on the dev pages have one, 95% of
#: whole-page dumps).  Before the first paragraph it is a menu (1% of trafilatura's
#: outputs, most whole-page dumps).
MAX_TINY_RUN = 4
TINY_WORDS = 2
#: Text written one block a line, without empty lines between blocks (as trafilatura
#: writes it: none of its outputs on the dev pages has an empty line; the inscriptis dumps
#: of the same pages have 2% to 60%), is extracted unless a menu opens it.  A line of
#: only spaces or tabs is not a separator: it is what the page's source left inside a block.
DENSE_BLANK_SHARE = 0.05
#: ... and holds at least this many lines (a line or two of text tells nothing).
DENSE_MIN_LINES = 3
#: Characters of the CJK scripts, written without spaces between words: a line of many
#: of them is a paragraph, not a short line, whatever its count of space-separated words.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
CJK_PARAGRAPH = 20
#: A line of this many words is a paragraph even without the punctuation and stopwords of
#: prose (a caption, a list item that is a sentence).
PARAGRAPH_WORDS = 10
CJK_SHORT = 8


def _prose(line: Line, decision: Decision) -> bool:
    return decision.rule == "feature.prose" or len(_CJK.findall(line.text)) >= CJK_PARAGRAPH


def _paragraph(line: Line, decision: Decision) -> bool:
    return _prose(line, decision) or len(line.text.split()) >= PARAGRAPH_WORDS


def _tiny(line: Line) -> bool:
    """A line that could be a menu item: one or two words, no figures (a line of
    figures is a table cell or a quantity)."""
    return (len(line.text.split()) <= TINY_WORDS and len(_CJK.findall(line.text)) < CJK_SHORT
            and not any(c.isdigit() for c in line.text))


#: A text in which catalogue rules find at least `FURNITURE_LINES` lines of a page's
#: furniture (`FURNITURE` categories), among them a footer line (``legal``) or a share
#: bar line, is a dump of the whole page whatever its layout: an extractor leaves out
#: footers, menus and share bars.  (On the tuning pages: none of trafilatura's 258
#: outputs, 48 of the 58 dumps without blank lines that look extracted otherwise.)
FURNITURE = frozenset({"legal", "nav", "share", "ui"})
FURNITURE_LINES = 4
FOOTER = frozenset({"legal", "share"})


def _page_furniture(text) -> bool:
    """Do catalogue rules find a page's footer or share bar among its furniture?"""
    found = [d.category for _, d in text if d.category in FURNITURE]
    return len(found) >= FURNITURE_LINES and not FOOTER.isdisjoint(found)


def _longest_run(flags) -> int:
    run = longest = 0
    for flag in flags:
        run = run + 1 if flag else 0
        longest = max(longest, run)
    return longest


def extraction_layout(lines: list[Line], initial: list[Decision]) -> str:
    """How plain text looks written by an extractor: ``"dense"``, ``"spaced"``, or ""
    when it looks like a dump of a whole page.

    - ``"dense"``: one block a line without empty lines between (as trafilatura writes
      it; a line of only spaces or tabs is what the page's source left inside a block,
      not a separator), no menu (a run of `MAX_TINY_RUN` tiny lines) before the first
      paragraph, and no page furniture (`_page_furniture`: a footer or share bar among
      `FURNITURE_LINES` lines of menus, footers, share bars and log-in buttons);
    - ``"spaced"``: blocks apart, but the text opens and closes with prose
      (`MAX_PERIPHERY`), has no long run of other lines (`MAX_RUN`) and no menu anywhere.

    Measured on the dev pages (scrapinghub and trafilatura-eval): of trafilatura's 397
    outputs 389 are dense, 7 spaced, 1 neither (a recipe whose ingredient list opens it);
    of the inscriptis dumps of the same pages 2 are dense and 7 spaced (2.3%).  With their
    blank lines removed, 89 dumps (22%) would be dense without the furniture test, 15
    (3.8%) are with it, and one of trafilatura's outputs is no longer dense: a dump without blank lines
    and without a menu on top looks much like an extractor's output, but its footer gives
    it away."""
    text = [(line, d) for line, d in zip(lines, initial) if not line.blank]
    if not text:
        return ""
    tiny = [_tiny(line) for line, _ in text]
    n = len(text)
    separators = sum(1 for line in lines if not line.raw)
    prose = [_prose(line, d) for line, d in text]
    lead = prose.index(True) if True in prose else n
    if separators <= DENSE_BLANK_SHARE * len(lines) and n >= DENSE_MIN_LINES:
        # no menu before the first line of prose; text without prose (captions, lines
        # without the punctuation of prose) needs a long line and no menu anywhere
        if lead < n:
            dense = _longest_run(tiny[:lead]) < MAX_TINY_RUN
        else:
            dense = (any(_paragraph(line, d) for line, d in text)
                     and _longest_run(tiny) < MAX_TINY_RUN)
        if dense and not _page_furniture(text):
            return "dense"
    if lead == n or _longest_run(tiny) >= MAX_TINY_RUN:
        return ""
    tail = prose[::-1].index(True)
    spaced = lead + tail <= MAX_PERIPHERY and _longest_run(not p for p in prose) <= MAX_RUN
    return "spaced" if spaced else ""


def revise(
    lines: list[Line], feats: list[Features], initial: list[Decision], hints, options: Options
) -> list[Decision]:
    """Stage-1 decisions revised for extracted text; ``hints`` is a `cleaner.front.dom.LineHint`
    (or ``None``) per line."""
    out = list(initial)
    for i, (line, d) in enumerate(zip(lines, initial)):
        if line.blank:
            continue
        h = hints[i] if hints and i < len(hints) else None
        if h is not None and h.other and options.rule_enabled(f"html.{h.other}"):
            out[i] = Decision(False, f"html.{h.other}", "related",
                              f"{h.other} of another story on the page", "classify")
            continue
        bare_address = feats[i].urls and feats[i].urls >= feats[i].words  # a source or a contact
        if (h is not None and h.link_density >= LINK_DENSITY and not bare_address
                and options.rule_enabled("html.links")):
            out[i] = Decision(False, "html.links", "related",
                              f"link density {h.link_density:.2f} in the page", "classify")
            continue
        if d.rule in YIELDING and options.rule_enabled("html.block"):
            if h is not None and h.heading:
                out[i] = Decision(True, "html.block", "heading", f"<{h.tag}> of the main content", "classify")
            else:
                what = f"<{h.tag}>" if h is not None else "line"
                out[i] = Decision(True, "html.block", "body", f"{what} of the extracted main content", "classify")
    return out


def restore(
    lines: list[Line], initial: list[Decision], final: list[Decision],
    story_of: list[int | None], main: int | None, options: Options,
) -> tuple[list[Decision], list[int | None]]:
    """For plain text that looks extracted (`extraction_layout`): lines inside the main
    story's span that only the weak line rules dropped are kept (``extracted.block``).
    Story boundaries and pattern rules stand."""
    if main is None or not options.rule_enabled("extracted.block"):
        return final, story_of
    members = [i for i, s in enumerate(story_of) if s == main and final[i].keep]
    if not members:
        return final, story_of
    final, story_of = list(final), list(story_of)
    for i in range(members[0], members[-1] + 1):
        if lines[i].blank or final[i].keep or initial[i].rule not in YIELDING:
            continue
        if story_of[i] not in (None, main):
            continue
        final[i] = Decision(True, "extracted.block", "body",
                            f"inside the main story of extracted text ({initial[i].rule})", "context")
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
) -> tuple[list[Decision], list[int | None]]:
    """For extractor output: every line up to the end of the main story's text that no
    catalogue rule dropped (``by_pattern(rule id)``, asked of the stage-1 decision) and that
    no story boundary put in another story is kept (``extracted.kept``), whatever the
    context rules said.  The extractor chose the lines; the cleaner only removes what it
    can name.  The end of the text is the first line after the main story's opening that
    ``closes(decision)`` (a catalogue rule opening the comments or a list of other
    stories); past it the pipeline's decisions stand.

    >>> from cleaner import analyze
    >>> text = ("The council met on Monday to discuss the new budget for the city schools.\\n"
    ...         "Share on Facebook\\n"
    ...         "The vote on the budget is expected next month after a public hearing.")
    >>> [v.final.rule for v in analyze(text, extracted="always").verdicts]
    ['feature.prose', 'en.share.share_label', 'feature.prose']
    """
    if main is None or not options.rule_enabled("extracted.kept"):
        return final, story_of
    start = story_of.index(main)
    end = next((i for i in range(start + 1, len(lines)) if closes(initial[i])), len(lines))
    final, story_of = list(final), list(story_of)
    for i in range(end):
        d = final[i]
        if lines[i].blank or d.keep or by_pattern(initial[i].rule):
            continue
        if not _main_side(story_of, lines, i, main):
            continue
        final[i] = Decision(True, "extracted.kept", initial[i].category if initial[i].keep else "body",
                            f"extractor's line, no catalogue rule names it ({d.rule})", "context")
        story_of[i] = main
    return final, story_of
