"""The block stage: the related links and the main text region of a dump.

`block_stage` is the stage, two passes in this order, whose decisions make one layer of
the trail (``block``):

1. `related_lists` drops the headlines of related links (``block.related_list``: what
   it drops is said once, in its `RULES` entry);
2. `main_block` finds the main text region in what the first pass left.

The story finder reads the decisions after the first pass (the related links are
evidence for it too), not those after the second (it finds stories outside the region).

For the region, kept lines are grouped into *blocks*: runs of kept lines separated by at
most ``block_max_gap`` non-blank dropped lines and by no *barrier*, a line opening a section that
is not article text (`barrier_kind`: the comments are a hard barrier, a related-stories
list a soft one).  Then:

- a soft barrier set into the article does not split it when dense text resumes right
  after it (``block_resume_words``, ``block_resume_share``);
- blocks after the first barrier that follows real text are not candidates;
- each block scores its body words times the share of its lines that are kept (an
  article is mostly kept lines; a teaser list alternates them with headlines and dates);
  the earliest block scoring at least ``block_first_share`` of the best is the main one (the
  first story of an infinite-scroll dump is the page's own);
- the region goes on forward to a later block of dense text (``block_follow_words``,
  ``block_resume_share``) across at most ``block_follow_gap`` lines that only weak line
  rules dropped (a long list or table inside the article; no catalogue drop, no barrier);
- trailing small units set off by headline lines are teasers, not the article's end;
- the region reaches back over earlier blocks across up to ``block_lead_gap`` lines (an
  article's opening often stands apart from its body), not over a row of teasers
  (``block_row_lines`` kept lines or more, most of them set apart by a dropped headline,
  credit or date line: ``block_row_share``).

Kept lines outside the region are dropped as ``context.isolated`` (menus, footers,
sidebars and widgets that happen to read like prose; where else the rule fires: its
`RULES` entry).  The thresholds are `Options` fields (``block_*``).

Once the stories are found, `inside_main` fills the main story's gaps (its decisions are
part of the ``stories`` layer): a run of lines between two of its kept lines that only the
weak line rules dropped (no catalogue rule named any of them but a lone widget set into
the text, `FILL_WIDGETS`: a table, a list, a short subheading inside the article, a
recipe card under its print button) is article text (``context.inside_story``), unless it
is a menu (more than ``block_fill_menu_lines`` short or heading-like lines, fewer than
``block_fill_data_share`` of them data, `data_lines`: a number followed by a word or a mark
of code, as a recipe's ingredients or a quoted config file hold and a menu's names and
labels do not), or holds a line the page shows again outside the main story and nowhere
else inside it (the page's furniture shown twice: a widget, a teaser list, a menu;
`_unrepeated`) or is a run
of short lines that fewer than ``block_fill_paragraphs_after`` of the story's paragraphs
follow (the page after the story, `_resumed`: 0 by default; on a page whose language has
no catalogue of its own in use, ``block_fill_uncatalogued_paragraphs_after``).  Then
`set_off` drops the main story's kept lines that the dump's layout sets apart from its body
(``block.set_off``): indented deeper than the body and attached, with no blank line between,
to a dropped credit, label or button (a photo's caption above its credit, a form's
sentence under its button), and its lone paragraphs: one paragraph indented unlike the body
between two of its paragraphs or after the last (a caption, an author's bio, a sign-up
pitch: ``block.lone_paragraph``).  The rules this module fires are declared here
(`RULES`), the two context rules too.

>>> from cleaner import analyze
>>> body = "Words of a long body sentence that goes on and on, as body does. " * 3
>>> menu = "\\n".join(f"Section {n}" for n in range(12))
>>> page = f"{body}\\n{menu}\\nA footer line long enough to count as prose on its own, really."
>>> a = analyze(page, extracted="never")  # a page dump, whatever its layout
>>> [v.final.rule for v in a.verdicts][0], [v.final.rule for v in a.verdicts][-1]
('feature.prose', 'context.isolated')
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from . import _core
from .catalogue import is_pattern_rule, opens_section
from .extracted import YIELDING
from .options import Options
from .rules import CodeRule
from .smooth import IN_TEXT_WIDGETS
from .storage import as_list, columns, indents, line_starts
from .types import Decision, Features, Line


#: The options the compiled core's main text region reads (`main_block`; ``context.isolated``
#: names them).
CORE_OPTIONS = ("block_max_gap", "block_barrier_after_words", "block_lead_gap", "block_lead_words",
                "block_row_lines", "block_row_share", "block_first_share", "block_resume_words",
                "block_resume_share", "block_teaser_words", "block_teaser_gap", "block_follow_gap",
                "block_follow_words")
#: The options the compiled core's main story's gaps read (`inside_main`).
FILL_OPTIONS = ("block_fill_menu_lines", "block_fill_widget_lines", "block_fill_data_share")
#: ... and those `inside_main` reads itself (a run holding furniture the page shows twice:
#: `_unrepeated`).
FILL_REPEAT_OPTIONS = ("block_fill_repeated_lines", "block_fill_repeated_words")
#: ... and those of the story going on after a run (`_resumed`).
FILL_AFTER_OPTIONS = ("block_fill_after_run_lines", "block_fill_paragraphs_after",
                      "block_fill_uncatalogued_paragraphs_after", "block_fill_paragraph_words")
#: The options ``block.set_off`` reads (`set_off`) ...
SET_OFF_RULE_OPTIONS = ("block_set_off_spaced_share", "block_set_off_body_share", "block_set_off_indent_slack",
                        "block_set_off_label_words")
#: ... and those ``block.lone_paragraph`` reads (``extracted_paragraph_words`` through the
#: lines' shapes, `cleaner.features.line_shapes`).
LONE_OPTIONS = ("block_lone_max_lines", "block_set_off_body_share", "block_set_off_indent_slack",
                "block_lone_title_capitalised", "extracted_paragraph_words")
#: The options the compiled core's lines set off from the main story read (`set_off`): the
#: two rules' own, but for the one it reads through the shapes.
SET_OFF_OPTIONS = tuple(dict.fromkeys(o for o in SET_OFF_RULE_OPTIONS + LONE_OPTIONS
                                      if o != "extracted_paragraph_words"))

#: The rules this module fires, in the order it fires them: the one description of the
#: related-links rule.  ``context.isolated`` as the block stage fires it (the context
#: and stories stages declare where they fire it); ``context.inside_story`` is
#: `inside_main`'s, fired once the stories are found.
RULES = (
    CodeRule("block.related_list", "boilerplate",
             "headline of related links (`related_lists`): a kept list item in a run of "
             "block_related_list_items or more right under a line a catalogue rule dropped as "
             "related links (the run goes over blank lines and dropped list items), or a line a "
             "context rule kept (any kept context.* decision) right above such a line or right "
             "under a bare one (the TINY shape, at most extracted_tiny_words words and fewer than "
             "extracted_cjk_short CJK characters: 'Read more', not 'Related: <headline>')",
             ("block_related_list_items", "extracted_tiny_words", "extracted_cjk_short")),
    CodeRule("context.isolated", "boilerplate",
             "outside the main text region (the block stage, `main_block`)", CORE_OPTIONS),
    CodeRule("context.inside_story", "body",
             "line in a run between two kept lines of the main story that only weak line rules dropped "
             "(a table, a list, a subheading; fired after the stories, `cleaner.blocks.inside_main`), "
             "over a print button, ad label or photo credit set into the article; not a menu: more than "
             "block_fill_menu_lines lines, all short or heading-like, fewer than block_fill_data_share of "
             "them holding a number followed by a word or a mark of code (= $ { } ; `: a recipe's "
             "ingredients, a quoted config file); not a run holding "
             "block_fill_repeated_lines lines of block_fill_repeated_words words or more (bare numbers "
             "aside), ending no sentence, whose text the page shows outside the main story and nowhere "
             "else inside it (a widget, a teaser list or a menu the page shows twice, in any language), "
             "nor a run of block_fill_after_run_lines lines or more, none of block_fill_paragraph_words "
             "words, followed by fewer than block_fill_paragraphs_after of the story's paragraphs (lines "
             "the line rules kept, of block_fill_paragraph_words words or more: the page after the story; "
             "none by default, block_fill_uncatalogued_paragraphs_after on a page whose language has no "
             "catalogue of its own in use)",
             FILL_OPTIONS + FILL_REPEAT_OPTIONS + FILL_AFTER_OPTIONS),
    CodeRule("block.set_off", "caption",
             "kept line of the main story in a dump whose paragraphs are set apart by blank lines, "
             "indented deeper than the story's body (the indentation holding most of its words) and "
             "attached with no blank line between to a dropped line indented like it: a caption or "
             "photo credit, or a short line that is no list item and does not end like a sentence "
             "(a photo's caption above its credit, a form's text beside its button; fired after the "
             "main story's gaps, `cleaner.blocks.set_off`)",
             SET_OFF_RULE_OPTIONS),
    CodeRule("block.lone_paragraph", "boilerplate",
             "kept lines of the main story in a run of at most block_lone_max_lines indented unlike "
             "its body (the indentation holding at least block_set_off_body_share of its words), "
             "after its first line, with no list item and one paragraph (extracted_paragraph_words "
             "or more words) that ends like a sentence, between two paragraphs at the body's "
             "indentation that end like sentences, or after the last one: the paragraph and the "
             "run's lines indented like it within block_set_off_indent_slack columns (a caption "
             "and its credit, an author's bio under its name, a sign-up pitch); or, in that place, "
             "a run of one line indented deeper than the body that the line rules dropped for ending "
             "like no sentence (feature.no_punctuation) and only the body on both sides kept "
             "(context.sandwiched), with less than block_lone_title_capitalised of its words "
             "capitalised (not a subheading in title case): a picture's caption with no period "
             "(fired with block.set_off, "
             "`cleaner.blocks.set_off`)",
             LONE_OPTIONS),
)


def _isolated(reason: str) -> Decision:
    return Decision(False, "context.isolated", "boilerplate", reason, "block")


def barrier_kind(d: Decision) -> str | None:
    """``"hard"`` for a line opening the comments, ``"soft"`` for one opening another
    non-article section (a related-stories list: ``section = true`` rules), else None."""
    if d.category == "comments":
        return "hard"
    if opens_section(d.rule):
        return "soft"
    return None


#: A trailing unit that is small (``block_teaser_words``) and set off from the text
#: before it by ``block_teaser_gap`` or more dropped lines (a headline, a date, a byline)
#: is a teaser, not the article's end ...
#: ... unless the lines setting it off are all of categories found inside articles
#: (share buttons, ads, UI words, appeals, notices, captions, menus, an author's follow
#: button: they sit between an article's paragraphs as often as after it) and its lines
#: end like whole sentences (a teaser ends cut or is a headline; a footer's address or
#: phone line has no period), or unless it is as long as the text before it (then that
#: text is no article with teasers after it).
INSIDE_ARTICLE = frozenset({"share", "ad", "ui", "appeal", "legal", "caption", "nav", "bio"})

#: The bits of a decision that the compiled core reads (rust/src/blocks.rs): kept, a hard
#: or a soft barrier (`barrier_kind`; never a blank line), blank or of a category found
#: inside articles (`INSIDE_ARTICLE`), dropped by a catalogue pattern (`is_pattern_rule`:
#: the region goes on past weak drops only, `Options.block_follow_gap`); and, for
#: `related_lists` (``block.related_list`` in `RULES`), dropped by a catalogue rule of
#: related links (not a link line of the list itself, as ``html.links`` drops) and kept
#: by a context rule.
_KEPT, _HARD, _SOFT, _INSIDE, _PATTERN, _RELATED, _CONTEXT = 1, 2, 4, 8, 16, 32, 64
_BARRIER_BITS = {"hard": _HARD, "soft": _SOFT, None: 0}


@lru_cache(maxsize=4096)
def _bits(keep: bool, rule: str, category: str) -> int:
    """The bits of a decision (asked by the core once per distinct value in a page)."""
    if rule == "blank":
        return _INSIDE | _KEPT * keep
    pattern = is_pattern_rule(rule)
    return _KEPT * keep | _BARRIER_BITS[barrier_kind(Decision(keep, rule, category, "", ""))] | _INSIDE * (
        category in INSIDE_ARTICLE) | _PATTERN * pattern | _RELATED * (
        not keep and category == "related" and pattern) | _CONTEXT * (keep and rule.startswith("context."))


def block_stage(
    feats: list[Features], smoothed: list[Decision], options: Options, shape: bytes,
) -> tuple[list[Decision], list[Decision], tuple[int, int] | None]:
    """The block stage over the context stage's decisions ``smoothed``, its two passes in
    order (``shape``: the lines' `cleaner.features.line_shapes`): the decisions after
    `related_lists` (what the story finder reads), those after `main_block` too (the
    stage's layer) and the main text region (see `main_block`)."""
    listed = related_lists(smoothed, options, shape)
    blocked, region = main_block(feats, listed, options, shape)
    return listed, blocked, region


def main_block(
    feats: list[Features], final: list[Decision], options: Options, shape: bytes,
) -> tuple[list[Decision], tuple[int, int] | None]:
    """Decisions with lines outside the main region dropped, and the region's first and
    last line index (``None`` when nothing is kept); ``shape``: the lines'
    `cleaner.features.line_shapes` (0 for a blank line).  The region is found
    by the compiled core (`cleaner._core.main_region`, rust/src/blocks.rs) as the module
    says; a small last paragraph that only lines found inside articles set apart, and that
    ends like a sentence, goes on with the article:

    >>> from cleaner import clean
    >>> text = ("The council approved the new budget for the village school after a long debate.\\n"
    ...         "Follow us\\nShort Url\\n"
    ...         "The budget will be reviewed again in the spring when the harvest figures are known.")
    >>> clean(text, extracted="never").splitlines()[-1]
    'The budget will be reviewed again in the spring when the harvest figures are known.'
    """
    final = list(final)
    region = _core.main_region(final, as_list(feats), shape, _bits,
                               {name: getattr(options, name) for name in CORE_OPTIONS})
    if region is None:
        return final, None
    first, last, outside = region
    isolated = _isolated(f"kept line outside the main text region (lines {first + 1}-{last + 1})")
    for i in outside:
        final[i] = isolated
    return final, (first, last)


def related_lists(final: list[Decision], options: Options, shape: bytes) -> list[Decision]:
    """Decisions with the related links' lines among the kept ones dropped as
    ``block.related_list`` (unless the rule is disabled; which lines: its `RULES` entry).
    ``shape``: the lines' `cleaner.features.line_shapes`.  Found by the compiled core
    (`cleaner._core.related_lists`, rust/src/blocks.rs).

    >>> from cleaner import analyze
    >>> body = "The council met on Monday and agreed on the budget for the coming year, as expected."
    >>> items = "\\n".join(f"* Story number {n} about the budget of a village, as told by a reporter." for n in range(3))
    >>> a = analyze(f"{body}\\n\\nMost Read\\n\\n{items}\\n\\n{body.replace('Monday', 'Friday')}", extracted="never")
    >>> [v.final.rule for v in a.verdicts if v.line.text.startswith("* Story")]
    ['block.related_list', 'block.related_list', 'block.related_list']
    """
    if not options.rule_enabled("block.related_list"):
        return final
    found = _core.related_lists(as_list(final), shape, _bits, options.block_related_list_items)
    if not found:
        return final
    final = list(final)
    for i, heading in found:
        final[i] = Decision(False, "block.related_list", "boilerplate",
                            f"headline of the related links at line {heading + 1}", "block")
    return final


def inside_main(initial: list[Decision], final: list[Decision],
                story_of: list[int | None], main: int | None, options: Options,
                shape: bytes, lines: Sequence[Line] | None = None,
                feats: Sequence[Features] | None = None) -> tuple[list[Decision], list[int | None]]:
    """Decisions and stories with each run of dropped lines between two kept lines of the
    main story kept as its text (``context.inside_story``) when only weak line rules
    dropped them (``initial``: the stage-1 decisions; `cleaner.extracted.YIELDING`) and no
    other story holds one of them.  A run goes from one line the line rules kept to the
    next: a short or heading-like line that only the context rules kept
    (``context.sandwiched``) does not cut a menu in two.  A run with a catalogue drop in
    it (a byline, a related-stories heading) stands as it was, and so does a menu or a
    table of contents (`_MENU_RULES`), but for a list of data: given the ``lines``, a run
    of which ``block_fill_data_share`` or more are data (`data_lines`: a recipe's
    ingredients, a quoted config file) is no menu; a catalogue drop of a one-line widget
    set into the article (`FILL_WIDGETS`: a print button above a recipe's ingredients, an
    ad label, a photo credit; not a list item) stays dropped without ending the run, up to
    ``block_fill_widget_lines`` of them (more are a share bar).  The runs are found by the
    compiled core (`cleaner._core.inside_runs`, rust/src/blocks.rs); ``shape``: the lines'
    `cleaner.features.line_shapes`.  Given the ``lines`` and their ``feats``, a run holding
    ``block_fill_repeated_lines`` or more lines of the page's furniture shown twice (their
    text outside the main story too, `_unrepeated`: a widget, a teaser list, a menu) stands
    too, in any language.  Given the ``feats`` and ``block_fill_paragraphs_after`` (none
    by default; on a page whose language has no catalogue of its own in use, the pipeline
    gives `Options.uncatalogued`: ``block_fill_uncatalogued_paragraphs_after``), a run of
    ``block_fill_after_run_lines`` lines or more, none of ``block_fill_paragraph_words``
    words, is filled only when the story goes on after it: at least that many of the main story's
    paragraphs (lines the line rules kept, of ``block_fill_paragraph_words`` words or more)
    follow it (`_resumed`): what lies between the story's text and a line or two kept
    after it is the page after the story (a comment form, a list of other pages, a sign-up
    box), in any language.

    >>> from cleaner import analyze
    >>> body = "The council met on Monday and agreed on the budget for the coming year, as expected."
    >>> table = "Item Cost\\n\\nSchools 40 million\\n\\nRoads 12 million"
    >>> a = analyze(f"{body}\\n\\n{table}\\n\\n{body.replace('Monday', 'Friday')}", extracted="never")
    >>> [v.final.rule for v in a.verdicts if v.line.text.startswith("Roads")]
    ['context.inside_story']
    """
    if main is None or not options.rule_enabled("context.inside_story"):
        return final, story_of
    kept = [i for i, (d, s) in enumerate(zip(final, story_of)) if d.keep and s == main]
    if not kept:
        return final, story_of
    span = (kept[0], kept[-1])
    data = data_lines(lines, initial, span) if lines is not None else b""
    filled = _core.inside_runs(as_list(final), as_list(initial), as_list(story_of), main, shape, data, _run_bits,
                               {name: getattr(options, name) for name in FILL_OPTIONS})
    if filled and lines is not None and feats is not None and options.block_fill_repeated_lines > 0:
        own = frozenset(i for i, s in enumerate(story_of) if s == main)
        filled = _unrepeated(filled, initial, final, lines, feats, span, own, options)
    if filled and feats is not None:
        filled = _resumed(filled, initial, final, story_of, main, feats, options)
    if not filled:
        return final, story_of
    final, story_of = list(final), list(story_of)
    for j, run in filled:
        final[j] = Decision(True, "context.inside_story", "body",
                            f"in a run of {run} lines inside the main story ({initial[j].rule})", "stories")
        story_of[j] = main
    return final, story_of


#: A number followed by a word: a quantity or a spec ("300 g", "2 teaspoons", "15 - 21 days";
#: not a number after its word, "March 2021", "News (4)"), the number set apart by no letter
#: before it and whitespace after it.
_QUANTITY = re.compile(r"(?<![^\W\d_])\d+(?:[.,]\d+)*\s+[^\W\d_]")
#: A mark of code or config: an assignment, a variable, a brace, a statement's end, a
#: backquote ("client = no", "filename=$1", "for line in `cat $f`").
_CODE = re.compile(r"[=${};`]")


def data_lines(lines: Sequence[Line], initial: list[Decision], span: tuple[int, int]) -> bytes:
    """A byte per line, 1 for a line of data within ``span`` (the main story's first and
    last kept lines) that stage 1 dropped as short or heading-like (`_MENU_RULES`): it
    holds a quantity (`_QUANTITY`) or a mark of code (`_CODE`).  A run of such lines the
    menu test would refuse is a list of data when ``block_fill_data_share`` of its lines
    are data (`inside_main`; read by the compiled core): a menu's items are names and
    labels."""
    out = bytearray(len(lines))
    for i in range(span[0], span[1] + 1):
        if initial[i].rule in _MENU_RULES and (_QUANTITY.search(text := lines[i].text) or _CODE.search(text)):
            out[i] = 1
    return bytes(out)


def _unrepeated(filled: list[tuple[int, int]], initial: list[Decision], final: list[Decision],
                lines: Sequence[Line], feats: Sequence[Features], span: tuple[int, int], own: frozenset[int],
                options: Options) -> list[tuple[int, int]]:
    """The lines of ``filled`` (`inside_main`'s ``(line, run length)`` pairs, in order) but
    those of a run holding ``block_fill_repeated_lines`` or more *furniture shown twice*:
    a line that ends no sentence (`Features.terminal` false: a quote of the story's text
    is no furniture), holds ``block_fill_repeated_words`` words that are not
    bare numbers, and whose text (its key: its letters and digits only, case folded, so a
    bullet or a closing colon does not make another line; `cleaner._core.line_keys`,
    rust/src/blocks.rs, numbers every line's key in one pass) the page shows outside the
    main story (``span``: its first and last kept lines; a line of the story's own outside
    them, its title above its text, is not outside: ``own``, the main story's lines) and
    nowhere else inside it (a table's header repeated over its tables, a product card's
    button, or a recipe card's title repeating the headline, is the story's own).  A run
    ends at a line the line rules kept (``initial``) and ``final`` keeps."""
    runs = _runs_of(filled, initial, final)
    first, end = span
    keys, words = _core.line_keys(columns(lines))  # key 0: no letter or digit
    outside = Counter(k for i, k in enumerate(keys) if (i < first or i > end) and i not in own and k)
    inside = Counter(k for k in keys[first:end + 1] if k)

    def furniture(j: int) -> bool:
        key = keys[j]
        return bool(outside[key]) and inside[key] == 1 and not feats[j].terminal \
            and words[j] >= options.block_fill_repeated_words

    return [pair for run in runs if sum(furniture(j) for j, _ in run) < options.block_fill_repeated_lines
            for pair in run]


def _runs_of(filled: list[tuple[int, int]], initial: list[Decision],
             final: list[Decision]) -> list[list[tuple[int, int]]]:
    """``filled`` (`inside_main`'s ``(line, run length)`` pairs, in order) cut into its
    runs: a run ends at a line the line rules kept (``initial``) and ``final`` keeps."""
    runs: list[list[tuple[int, int]]] = []
    for j, n in filled:
        last = runs[-1][-1][0] if runs else -1
        if runs and runs[-1][-1][1] == n and not any(
                initial[k].keep and final[k].keep for k in range(last + 1, j)):
            runs[-1].append((j, n))
        else:
            runs.append([(j, n)])
    return runs


def _resumed(filled: list[tuple[int, int]], initial: list[Decision], final: list[Decision],
             story_of: list[int | None], main: int, feats: Sequence[Features],
             options: Options) -> list[tuple[int, int]]:
    """The lines of ``filled`` (`inside_main`'s ``(line, run length)`` pairs) in a run
    (`_runs_of`) of fewer than ``block_fill_after_run_lines`` lines (a separator, a
    subheading), or holding a line of ``block_fill_paragraph_words`` words or more (a
    paragraph the page repeats, a table's long cells), or followed by at least
    ``block_fill_paragraphs_after`` paragraphs of the main story: lines of that many words
    that the line rules kept (``initial``) and ``final`` keeps in it."""
    need, words = options.block_fill_paragraphs_after, options.block_fill_paragraph_words
    if need <= 0:
        return filled
    after, count = {}, 0
    wanted = {j for j, _ in filled}
    for i in range(len(final) - 1, -1, -1):
        if i in wanted:
            after[i] = count
        if story_of[i] == main and initial[i].keep and final[i].keep and feats[i].words >= words:
            count += 1
    return [pair for run in _runs_of(filled, initial, final)
            if run[0][1] < options.block_fill_after_run_lines or after[run[0][0]] >= need
            or any(feats[j].words >= words for j, _ in run)
            for pair in run]


#: The stage-1 rules of the lines a menu or a table of contents is made of.
_MENU_RULES = frozenset({"feature.heading", "feature.short"})
#: Categories of the one-line widgets set into an article's text that a run of the main
#: story goes over (`inside_main`): a print or share button, an ad label, a photo credit
#: (`cleaner.smooth`'s in-text widgets but related links, which head lists of other pages).
FILL_WIDGETS = IN_TEXT_WIDGETS - {"related"}


@lru_cache(maxsize=4096)
def _run_bits(keep: bool, rule: str, category: str) -> int:
    """The bits of a decision that `inside_main` reads in the compiled core
    (rust/src/blocks.rs): kept, a rule of the lines a menu is made of (`_MENU_RULES`: a
    run of more than ``block_fill_menu_lines`` of them is a menu or a table of contents,
    not article text), a rule that yields to the article around it
    (`cleaner.extracted.YIELDING`), a catalogue drop of an in-text widget (`FILL_WIDGETS`)."""
    return keep | 2 * (rule in _MENU_RULES) | 4 * (rule in YIELDING) | 8 * (
        not keep and category in FILL_WIDGETS and is_pattern_rule(rule))


def set_off(lines: Sequence[Line], feats: list[Features], final: list[Decision],
            story_of: list[int | None], main: int | None, options: Options,
            shape: bytes, initial: list[Decision] | None = None) -> list[Decision]:
    """Decisions with the main story's kept lines that the layout sets apart from its body
    dropped as ``block.set_off`` or ``block.lone_paragraph`` (which lines: their `RULES`
    entries; found by the compiled core, `cleaner._core.set_off_lines`, rust/src/blocks.rs);
    ``shape``: the lines' `cleaner.features.line_shapes`; ``initial``: the stage-1 decisions
    (a lone line, kept only by ``context.sandwiched`` over ``feature.no_punctuation``, is read
    there; ``None``: none is).  A caption indented under its picture, above its credit, goes;
    the article's paragraphs stay:

    >>> from cleaner import clean
    >>> body = "The council met on Monday and agreed on the budget for the coming year, as expected."
    >>> page = (f"{body}\\n\\n      The mayor speaks to reporters outside the town hall on Monday.\\n"
    ...         f"      Photo: Jane Doe\\n\\n{body.replace('Monday', 'Friday')}")
    >>> clean(page, extracted="never").count("mayor")
    0
    """
    set_off_on, lone_on = options.rule_enabled("block.set_off"), options.rule_enabled("block.lone_paragraph")
    if main is None or not (set_off_on or lone_on):
        return final
    attached, lone = _core_set_off(lines, feats, final, story_of, main, options, shape, initial)
    attached, lone = attached if set_off_on else [], lone if lone_on else []
    if not (attached or lone):
        return final
    final = list(final)
    for i, j in attached:
        final[i] = Decision(False, "block.set_off", "caption",
                            f"indented apart from the story's body, attached to line {j + 1} "
                            f"({final[j].rule})", "stories")
    for i, at, body, above, under, bare in lone:
        final[i] = _lone(at, body, above, under, bare)
    return final


@lru_cache(maxsize=256)
def _lone(at: int, body: int, above: int, under: int, bare: bool) -> Decision:
    """The decision on a line of a lone paragraph indented ``at`` columns, the story's body
    ``body``, between its paragraphs on lines ``above`` and ``under`` (indices; -1: after
    the last); ``bare``: a line alone with no sentence end that only its neighbours kept
    (a caption with no period)."""
    where = f"between lines {above + 1} and {under + 1}" if under >= 0 else f"after line {above + 1}, its last"
    what = "a line with no sentence end" if bare else "a lone paragraph"
    kept = ", kept only by its neighbours" if bare else ""
    return Decision(False, "block.lone_paragraph", "boilerplate",
                    f"{what} indented {at} columns{kept}, the story's body {body}, {where}", "stories")


def _core_set_off(lines: Sequence[Line], feats: list[Features], final: list[Decision],
                  story_of: list[int | None], main: int, options: Options, shape: bytes,
                  initial: list[Decision] | None = None,
                  ) -> tuple[list[tuple[int, int]], list[tuple[int, int, int, int, int, bool]]]:
    """The compiled core's answer for `set_off` (`cleaner._core.set_off_lines`): a pair
    ``(set_off, attached)`` per line set off (the index of the kept line to drop, and the
    index of the line it is attached to, its credit or label), and per line of a lone
    paragraph ``(line, indentation, body's indentation, line above, line under or -1,
    a line alone with no sentence end)`` (what its reason says)."""
    return _core.set_off_lines(as_list(final), as_list(final if initial is None else initial),
                               as_list(story_of), main, shape, *line_starts(lines),
                               indents(lines), as_list(feats),
                               _set_off_bits, columns(lines),
                               {name: getattr(options, name) for name in SET_OFF_OPTIONS})


@lru_cache(maxsize=4096)
def _set_off_bits(keep: bool, rule: str, category: str) -> int:
    """The bits of a decision that `set_off` reads in the compiled core (rust/src/blocks.rs):
    kept, a catalogue drop of a caption or photo credit, kept by ``context.sandwiched``, a
    stage-1 ``feature.no_punctuation`` drop."""
    return keep | 2 * (not keep and category == "caption" and is_pattern_rule(rule)) | 4 * (
        keep and rule == "context.sandwiched") | 8 * (rule == "feature.no_punctuation")
