"""Stage 2: neighbours revise the provisional decisions of stage 1.

- a short or heading-like line between body lines stays body (``context.sandwiched``,
  ``context.heading``);
- a short sentence near body stays, far from it goes (``context.isolated``);
- a line between two appeal lines, one of them a sentence, is part of the appeal
  (``context.appeal_block``);
- short lines after an appeal take the appeal's side (``context.appeal_tail``);
- prose that trails off with an ellipsis as the text's last line, right after body,
  stays (``context.closing_ellipsis``);
- a name-like line right before an author bio goes with the bio (``context.bio_name``).

Strong decisions (catalogue patterns, prose) are never overturned here.  The rules are
declared in `RULES`; their thresholds are `Options` fields (``context_reach``,
``short_max_words``, ``appeal_tail_extra_words``, ``bio_name_max_words``).
"""

from __future__ import annotations

from array import array
from functools import lru_cache
from itertools import compress
from operator import and_, attrgetter

from .classify import WEAK_RULES
from .features import LIST_ITEM, line_shapes, trails_off
from .options import Options
from .rules import CodeRule
from .storage import text_view
from .types import Decision, Features, Line

#: The rules of this stage.
RULES = (
    CodeRule("context.sandwiched", "body", "short line between body lines stays body", ("context_reach",)),
    CodeRule("context.heading", "heading", "heading directly followed by body", ("context_reach",)),
    CodeRule("context.isolated", "boilerplate",
             "body-like line away from the main text: no body within reach (context), outside "
             "the main text region (block), between stories or after a row of teasers (stories)",
             ("context_reach", "block_max_gap", "block_barrier_after_words", "block_lead_gap",
              "block_lead_words", "block_first_share", "block_resume_words", "block_resume_share",
              "block_teaser_words", "block_teaser_gap")),
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
_WIDGETS = frozenset({"ad", "related", "share", "caption"})


_rule = attrgetter("rule")
_category = attrgetter("category")
#: Per shape byte (`cleaner.features.shapes`): 1 for a list item (a bullet or a list
#: number opens it), else 0.
_LISTED = bytes(int(bool(b & LIST_ITEM)) for b in range(256))


@lru_cache(maxsize=4096)
def _context(keep: bool, rule: str, category: str, reason: str) -> Decision:
    """One shared object per distinct decision (a dump of a million short lines holds a
    million equal ones)."""
    return Decision(keep, rule, category, reason, "context")


def smooth(
    lines: list[Line], feats: list[Features], initial: list[Decision], options: Options
) -> list[Decision]:
    """The decisions after the context rules, line by line in document order (a line's
    new decision can decide the next one's: a run of lines after an appeal)."""
    ctx = _Context(lines, feats, initial, options)
    final = list(initial)
    _lists(ctx, final)
    content, decided, weak = ctx.content, ctx.decided, ctx.weak
    for k in ctx.open_positions():
        i, d = content[k], decided[k]
        if final[i] is not d:
            continue
        revised = _appeal_block(ctx, k) if d.keep else None
        if revised is None and weak[k]:
            revised = _weak_line(ctx, final, k)
        if revised is not None:
            final[i] = revised
    return final


class _Context:
    """What the context rules read about a document, per content (non-blank) position:
    the stage-1 decision, whether it is weak, and whether it is a strong line that is no
    in-text widget (what `neighbour` looks for)."""

    def __init__(self, lines: list[Line], feats: list[Features], initial: list[Decision],
                 options: Options):
        self.lines, self.feats, self.initial, self.options = lines, feats, initial, options
        # the texts are read when asked for, the non-blank positions kept as numbers: a
        # dump of a million short lines holds no second copy of its text
        self.texts = text_view(lines)
        shape = line_shapes(lines, options)
        self.content = array("q", compress(range(len(lines)), shape))
        self.listed = bytes(compress(shape.translate(_LISTED), shape))  # per content position
        self.decided = list(map(initial.__getitem__, self.content))
        self.weak = list(map(WEAK_RULES.__contains__, map(_rule, self.decided)))
        self.categories = list(map(_category, self.decided))
        self.anchor = [not w and c not in _WIDGETS for w, c in zip(self.weak, self.categories)]
        self.last = len(self.content) - 1
        self.reach = range(1, options.context_reach + 1)

    def open_positions(self):
        """The content positions a context rule may revise, in order: weak lines, and
        kept lines between two appeal lines (`_appeal_block`)."""
        cats, weak, decided = self.categories, self.weak, self.decided
        return (k for k in range(len(weak)) if weak[k] or (
            0 < k < self.last and cats[k - 1] == "appeal" == cats[k + 1] and decided[k].keep))

    def neighbour(self, k: int, step: int) -> int | None:
        """Nearest strong line from content position k in direction step, within reach.
        Weak lines and in-text widgets (an ad label, a "Read more" link, a caption) in
        between are skipped but count toward the reach."""
        for d in self.reach:
            j = k + step * d
            if not 0 <= j <= self.last:
                return None
            if self.anchor[j]:
                return self.content[j]
        return None

    def body(self, i: int | None) -> bool:
        return i is not None and self.initial[i].keep


def _lists(ctx: _Context, final: list[Decision]) -> None:
    """A run of weak list items right after body, closed by body or introduced by a line
    ending in a colon, belongs to the text (ingredients, key points, steps)."""
    content, texts, weak, decided, listed = ctx.content, ctx.texts, ctx.weak, ctx.decided, ctx.listed
    end = 0
    for k in compress(range(len(content)), map(and_, weak, listed)):  # weak list items
        if k < end:  # inside the run before
            continue
        end = k
        while end < len(content) and listed[end] and (weak[end] or decided[end].keep):
            end += 1
        before = content[k - 1] if k > 0 else None
        after = content[end] if end < len(content) else None
        if ctx.body(before) and (ctx.body(after) or texts[before].endswith(":")):
            for j in content[k:end]:
                if not ctx.initial[j].keep:
                    final[j] = _context(True, "context.list", "body",
                                        f"list item in a list of {end - k} after body")


def _appeal_block(ctx: _Context, k: int) -> Decision | None:
    """A kept line inside a block of appeal text (an appeal line on either side, one of
    them a sentence, not a one-word label like "Newsletter") is part of the appeal,
    however much it reads like prose."""
    if not 0 < k < ctx.last:
        return None
    before, after = ctx.decided[k - 1], ctx.decided[k + 1]
    words = max(ctx.feats[ctx.content[k - 1]].words, ctx.feats[ctx.content[k + 1]].words)
    if before.category == "appeal" == after.category and words > ctx.options.short_max_words:
        return _context(False, "context.appeal_block", "appeal", "between two appeal lines")
    return None


def _weak_line(ctx: _Context, final: list[Decision], k: int) -> Decision | None:
    """The context rule that decides a weak line, if one does."""
    content, options = ctx.content, ctx.options
    i = content[k]
    d, f = ctx.decided[k], ctx.feats[i]
    prev_i, next_i = ctx.neighbour(k, -1), ctx.neighbour(k, +1)
    # Short lines right after an appeal/bio/legal block belong to it.
    if k > 0:
        before = ctx.initial[content[k - 1]]
        tail = before.category in _TAIL_CATEGORIES or final[content[k - 1]].rule == "context.appeal_tail"
        if (tail and f.words <= options.short_max_words + options.appeal_tail_extra_words
                and not ctx.body(next_i)):
            cat = before.category if before.category in _TAIL_CATEGORIES else "appeal"
            return _context(False, "context.appeal_tail", cat, f"{f.words}-word line after a {cat} line")
    if (k + 1 < len(content) and ctx.initial[content[k + 1]].category == "bio"
            and f.words <= options.bio_name_max_words):
        return _context(False, "context.bio_name", "bio", "name line before an author bio")
    if ctx.body(prev_i) and ctx.body(next_i):
        follows = content[k + 1] if k + 1 < len(content) else None
        if d.rule == "feature.heading" and next_i == follows:
            return _context(True, "context.heading", "heading", "heading between body lines")
        return _context(True, "context.sandwiched", "body", f"{d.rule} line between body lines")
    # The text's last line, right after body, that trails off with an ellipsis is the
    # article's own closing line (a cut-off teaser has more of its kind around it).
    if (d.rule == "feature.no_punctuation" and k == ctx.last and ctx.body(prev_i)
            and prev_i == content[k - 1] and trails_off(ctx.texts[i])):
        return _context(True, "context.closing_ellipsis", "body",
                        "prose line ending in an ellipsis closes the body")
    if d.rule == "feature.sentence":
        if ctx.body(prev_i) or ctx.body(next_i):
            return _context(True, "context.sandwiched", "body", "short sentence next to body")
        return _context(False, "context.isolated", "boilerplate",
                        f"short sentence with no body within {options.context_reach} lines")
    return None
