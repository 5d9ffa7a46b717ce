"""Decisions for text that an extractor has already chosen as a page's main content.

Text from the HTML front door (or from trafilatura run by the caller) is mostly article:
the extractor has removed menus, footers and sidebars.  The feature rules of stage 1 were
made for raw dumps, where a short line without punctuation is most often a menu item; in
extracted text it is most often a subheading, a list item or a table cell.

- `revise` (HTML input, or ``extracted="always"``): the weak feature rules yield to the
  extractor (``html.block``), and evidence from the page drops what is no article text:
  a line that is mostly link text on the page (``html.links``: related-story lists, tag
  clouds), an excerpt of another story (``html.excerpt``), a teaser card (``html.card``),
  see `cleaner.dom`.  The text is one page, so one story.
- `looks_extracted` tells plain text that an extractor wrote from a whole-page dump;
  `restore` then keeps the lines inside the main story that only weak rules dropped
  (``extracted.block``).  Story boundaries stand: a dump of several extracted articles
  is still cut into stories.

Pattern rules of the catalogue (share bars, appeals, bylines ...) keep their decision: they
name boilerplate whatever its surroundings.
"""

from __future__ import annotations

from .classify import WEAK_RULES
from .options import Options
from .types import Decision, Features, Line

#: The rules of this module, for `cleaner.catalogue.registry`.
RULES: dict[str, str] = {
    "html.block": "a line the extractor chose as main content: weak line rules yield to it",
    "html.links": "most of the line's text is link text on the page (a link list)",
    "html.excerpt": "excerpt of another story: another <article> of the page, cut with an ellipsis",
    "html.card": "short list item with a linked headline: a teaser card",
    "extracted.block": "line inside the main story of extracted text: weak line rules yield to it",
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
#: Text written one block a line without blank lines between (as trafilatura, jusText and
#: most extractors write it) is taken as extracted on looser terms: a table or a list may
#: end it.  A dump without blank lines still shows its menus as long runs.
DENSE_BLANK_SHARE = 0.05
DENSE_MAX_PERIPHERY = 30
DENSE_MAX_RUN = 40
#: A run of this many lines of at most `TINY_WORDS` words is a menu: never extracted text
#: (8% of trafilatura's outputs on the dev pages have one, 95% of whole-page dumps).
MAX_TINY_RUN = 4
TINY_WORDS = 2


def looks_extracted(lines: list[Line], initial: list[Decision]) -> bool:
    """Does plain text look like an extractor's output rather than a dump of a whole
    page?  Measured on the dev pages (scrapinghub and trafilatura-eval): 92% of
    trafilatura's outputs pass; 2% of inscriptis dumps do, 4% of the same dumps with their
    blank lines removed."""
    # A menu settles it, and most dumps show one early: looked for first.
    tiny = 0
    for line in lines:
        if not line.text:  # blank
            continue
        tiny = tiny + 1 if len(line.text.split()) <= TINY_WORDS else 0
        if tiny >= MAX_TINY_RUN:
            return False
    prose = [d.rule == "feature.prose" for line, d in zip(lines, initial) if line.text]
    if not prose:
        return False
    n = len(prose)
    lead = prose.index(True) if True in prose else n
    tail = prose[::-1].index(True) if True in prose else n
    run = longest = 0
    for is_prose in prose:
        run = 0 if is_prose else run + 1
        longest = max(longest, run)
    if True in prose and lead + tail <= MAX_PERIPHERY and longest <= MAX_RUN:
        return True
    blank_share = 1 - n / len(lines)
    return blank_share <= DENSE_BLANK_SHARE and lead + tail <= DENSE_MAX_PERIPHERY and longest <= DENSE_MAX_RUN


def revise(
    lines: list[Line], feats: list[Features], initial: list[Decision], hints, options: Options
) -> list[Decision]:
    """Stage-1 decisions revised for extracted text; ``hints`` is a `cleaner.html.LineHint`
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
    """For plain text that `looks_extracted`: lines inside the main story's span that only
    the weak line rules dropped are kept (``extracted.block``).  Story boundaries and
    pattern rules stand."""
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
