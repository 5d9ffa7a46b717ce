"""Decisions for text that an extractor has already chosen as a page's main content.

Text from the HTML front door (or from trafilatura run by the caller) is mostly article:
the extractor has removed menus, footers and sidebars.  The feature rules of stage 1 were
made for raw dumps, where a short line without punctuation is most often a menu item; in
extracted text it is most often a subheading, a list item or a table cell.  So `revise`
turns those provisional drops into keeps (``html.block``), and drops what evidence from the
page shows to be no article text:

- a line whose source element is mostly link text (``html.links``): related-story lists,
  tag clouds, "more from" boxes that the extractor let through;

Pattern rules of the catalogue (share bars, appeals, bylines ...) keep their decision: they
name boilerplate whatever its surroundings.
"""

from __future__ import annotations

from .classify import WEAK_RULES
from .options import Options
from .types import Decision, Features, Line

#: Stage-1 rules that yield to the extractor's choice.  A repeated line is kept too: in
#: extracted text it is a table header or a list item repeated on purpose.
YIELDING = WEAK_RULES | {"feature.duplicate"}

#: A line whose source block has at least this share of its characters in links is a link
#: list, not article text (measured on the dev pages: 0.6 to 1.0 is 90% boilerplate).
LINK_DENSITY = 0.6


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
        if h is not None and h.link_density >= LINK_DENSITY and options.rule_enabled("html.links"):
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
