"""Stage 2: neighbours revise the provisional decisions of stage 1.

- a short or heading-like line between body lines stays body (``context.sandwiched``,
  ``context.heading``);
- a short sentence near body stays, far from it goes (``context.isolated``);
- a line between two appeal lines, one of them a sentence, is part of the appeal
  (``context.appeal_block``);
- short lines after an appeal take the appeal's side (``context.appeal_tail``);
- prose that trails off with an ellipsis as the text's last line, right after body,
  stays (``context.closing_ellipsis``);
- a name-like line right before an author bio goes with the bio (``context.bio_name``);
- a list item in a list that continues body text stays, and no other rule revises it
  (``context.list``, read first).

Strong decisions (catalogue patterns, prose) are never overturned here.  The rules are
declared in `RULES` (``context.isolated`` as this stage fires it: the block and stories
stages fire it too, and declare it there).  Their thresholds are `Options` fields (``context_reach``, ``short_max_words``,
``appeal_tail_extra_words``, ``bio_name_max_words``).
"""

from __future__ import annotations

from functools import lru_cache

from . import _core
from .classify import WEAK_RULES
from .features import LIST_ITEM, line_shapes, trails_off
from .options import Options
from .rules import CodeRule
from .storage import as_list, int_column, text_view
from .types import Decision, Features, Line

#: The rules of this stage.
RULES = (
    CodeRule("context.isolated", "boilerplate",
             "body-like line away from the main text: no body within context_reach lines (the "
             "context stage; context_uncatalogued_reach where no catalogue of the page's language "
             "is in use)", ("context_reach", "context_uncatalogued_reach")),
    CodeRule("context.sandwiched", "body", "short line between body lines stays body",
             ("context_reach", "context_uncatalogued_reach")),
    CodeRule("context.heading", "heading", "heading directly followed by body",
             ("context_reach", "context_uncatalogued_reach")),
    CodeRule("context.closing_ellipsis", "body", "prose trailing off with an ellipsis as the text's last line"),
    CodeRule("context.list", "body", "list item in a list that continues body text"),
    CodeRule("context.appeal_block", "appeal", "line between two appeal lines: part of the appeal",
             ("short_max_words",)),
    CodeRule("context.appeal_tail", "appeal", "short line that belongs to an appeal, bio, legal or comments block",
             ("short_max_words", "appeal_tail_extra_words")),
    CodeRule("context.bio_name", "bio", "author name line before an author bio", ("bio_name_max_words",)),
)

_TAIL_CATEGORIES = frozenset({"appeal", "bio", "legal", "comments"})
#: Categories of one-line widgets that sit inside article text without ending it.
IN_TEXT_WIDGETS = frozenset({"ad", "related", "share", "caption"})


#: The bits of a content line's stage-1 decision that the compiled core's context rules
#: read (rust/src/context.rs): kept, weak, appeal, a block short lines join
#: (`_TAIL_CATEGORIES`), bio, an in-text widget (`IN_TEXT_WIDGETS`), its feature rule (heading,
#: no punctuation, sentence), already ``context.appeal_tail``.
_KEEP, _WEAK, _APPEAL, _TAIL, _BIO, _WIDGET = 1, 2, 4, 8, 16, 32
_BY_RULE = {"feature.heading": 64, "feature.no_punctuation": 128, "feature.sentence": 256,
            "context.appeal_tail": 512}


@lru_cache(maxsize=4096)
def _bits(keep: bool, rule: str, category: str) -> int:
    """The bits of a decision (asked by the core once per distinct value in a document)."""
    return (_KEEP * keep | _WEAK * (rule in WEAK_RULES) | _APPEAL * (category == "appeal")
            | _TAIL * (category in _TAIL_CATEGORIES) | _BIO * (category == "bio")
            | _WIDGET * (category in IN_TEXT_WIDGETS) | _BY_RULE.get(rule, 0))


@lru_cache(maxsize=4096)
def _context(keep: bool, rule: str, category: str, reason: str) -> Decision:
    """One shared object per distinct decision (a dump of a million short lines holds a
    million equal ones)."""
    return Decision(keep, rule, category, reason, "context")


def smooth(
    lines: list[Line], feats: list[Features], initial: list[Decision], options: Options,
    shape: bytes | None = None,
) -> list[Decision]:
    """The decisions after the context rules, line by line in document order (a line's
    new decision can decide the next one's: a run of lines after an appeal), the list rule
    first, all in the compiled core (`cleaner._core.context_lines`).  ``shape``: the
    lines' `cleaner.features.line_shapes`, computed when not given.  The reach is
    `Options.context_reach` (on a page whose language has no catalogue of its own in use,
    the pipeline gives `Options.uncatalogued`: `Options.context_uncatalogued_reach`, no
    catalogue rule has dropped the page's furniture first, and a line needs body right
    beside it to be pulled in)."""
    texts = text_view(lines)
    if shape is None:
        shape = line_shapes(lines, options)
    last = len(shape.rstrip(b"\0")) - 1  # the last content (non-blank) line
    reach = options.context_reach
    params = {"reach": reach, "short_max_words": options.short_max_words,
              "tail_max_words": options.short_max_words + options.appeal_tail_extra_words,
              "bio_name_max_words": options.bio_name_max_words, "list_item": LIST_ITEM}
    at, rules, extras = _core.context_lines(as_list(initial), as_list(feats), shape, _bits,
                                            lambda i: texts[i].endswith(":"), last >= 0 and trails_off(texts[last]),
                                            params)
    final = list(initial)
    for i, rule, extra in zip(int_column(at), rules, int_column(extras)):
        final[i] = _revised(rule, initial, i, extra, feats, reach)
    return final


#: The numbers the compiled core gives the context rules (the constants of the same names
#: in rust/src/context.rs; the other one, 8, is ``ISOLATED``).
_APPEAL_BLOCK, _APPEAL_TAIL, _BIO_NAME, _HEADING_BETWEEN, _SANDWICHED, _CLOSING_ELLIPSIS = 1, 2, 3, 4, 5, 6
_SENTENCE_NEAR_BODY, _LIST = 7, 9


def _revised(rule: int, initial: list[Decision], i: int, extra: int, feats: list[Features],
             reach: int) -> Decision:
    """The decision of the context rule the compiled core chose for line ``i`` (numbered
    as in rust/src/context.rs; ``extra``: the length of a list, or the content line before
    an appeal's tail; ``reach``: the reach the core was given, for the reason)."""
    if rule == _APPEAL_BLOCK:
        return _context(False, "context.appeal_block", "appeal", "between two appeal lines")
    if rule == _APPEAL_TAIL:
        before = initial[extra].category
        cat = before if before in _TAIL_CATEGORIES else "appeal"
        return _context(False, "context.appeal_tail", cat, f"{feats[i].words}-word line after a {cat} line")
    if rule == _BIO_NAME:
        return _context(False, "context.bio_name", "bio", "name line before an author bio")
    if rule == _HEADING_BETWEEN:
        return _context(True, "context.heading", "heading", "heading between body lines")
    if rule == _SANDWICHED:
        return _context(True, "context.sandwiched", "body", f"{initial[i].rule} line between body lines")
    if rule == _CLOSING_ELLIPSIS:
        return _context(True, "context.closing_ellipsis", "body",
                        "prose line ending in an ellipsis closes the body")
    if rule == _SENTENCE_NEAR_BODY:
        return _context(True, "context.sandwiched", "body", "short sentence next to body")
    if rule == _LIST:
        return _context(True, "context.list", "body", f"list item in a list of {extra} after body")
    return _context(False, "context.isolated", "boilerplate",  # ISOLATED
                    f"short sentence with no body within {reach} lines")
