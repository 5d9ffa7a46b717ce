"""The extracted stage, after the stories: what an extractor chose stands against the
weak and context rules (plain text an extractor wrote, or a page's extracted article).

- `restore` (plain text that looks extracted, `cleaner.extracted.extraction_layout`):
  the lines inside the main story that only weak rules dropped are kept
  (``extracted.block``).  Story boundaries stand: a dump of several extracted articles is
  still cut into stories.
- `guarantee` (plain text an extractor wrote, ``"dense"`` or ``extracted="always"``): a
  post-processor must not make an extractor's output worse, so there only a catalogue rule
  or a story boundary drops a line; what any other rule dropped (context and teaser rules,
  the main region) is kept (``extracted.kept``).  A story the story finder opened at a
  dateline inside a run of lines that open with one is an entry of the page's own list
  (a bibliography's "SURNAME, Name: title"), not another article (`list_entries`,
  ``extracted.list_entry``); so is a story opened at a line that the text repeats again
  and again, a label of the list's entries (`repeated_heads`, ``extracted.repeated_head``).
- `safety_net` (HTML input): when the extractor found a long article and the cleaner kept
  only a sliver of it, what the guarantee would keep comes back (``html.safety_net``);
  when the rules kept no line at all, those lines become story 0, the main story.

Pattern rules of the catalogue (`cleaner.catalogue.is_pattern_rule`) keep their
decision, and the text ends at a barrier (`cleaner.blocks.barrier_kind`: a catalogue rule
opening the comments or a list of other stories).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from .blocks import barrier_kind
from .catalogue import is_pattern_rule
from .extracted import LAYOUT, YIELDING
from .options import Options
from .rules import CodeRule
from .types import Decision, Features, Line

#: The rules of this stage.
RULES = (
    CodeRule("extracted.block", "body", "line inside the main story of extracted text: weak line rules yield to it",
             ("extracted",) + LAYOUT),
    CodeRule("extracted.kept", "body", "line of extractor output: only catalogue rules and story boundaries drop it",
             ("extracted", "extracted_furniture_lines", "extracted_furniture_kinds") + LAYOUT),
    CodeRule("html.safety_net", "body",
             "the kept text was a sliver of a long extracted article: its lines are back",
             ("safety_net_words", "safety_net_share")),
    CodeRule("extracted.list_entry", "body",
             "a story of extractor output opened at a dateline inside a run of lines that open with one: "
             "an entry of the page's own list (a bibliography), not another article",
             ("extracted_list_entries",)),
    CodeRule("extracted.repeated_head", "body",
             "a story of extractor output opened at a line whose text stands again as another line of the "
             "text: a repeated label of the page's own list, not another article's headline",
             ("extracted_repeated_head",)),
)


def main_span(final: list[Decision], story_of: list[int | None], main: int | None) -> range:
    """The lines from the main story's first kept line to its last; empty when it keeps none."""
    members = [i for i, s in enumerate(story_of) if main is not None and s == main and final[i].keep]
    return range(members[0], members[-1] + 1) if members else range(0)


def restore(
    lines: list[Line], initial: list[Decision], final: list[Decision],
    story_of: list[int | None], main: int | None, options: Options,
) -> tuple[list[Decision], list[int | None]]:
    """For plain text that looks extracted (`cleaner.extracted.extraction_layout`): lines inside the main
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
    story_of: list[int | None], main: int | None, options: Options,
    rule: str = "extracted.kept", datelines: Callable[[int], bool] | None = None,
    start: int | None = None,
) -> tuple[list[Decision], list[int | None]]:
    """For extractor output: every line up to the end of the main story's text that no
    catalogue rule dropped (`is_pattern_rule`, asked of ``initial``: the stage-1
    decision, as `cleaner.extracted.revise` left it for extractor output) and that no
    story boundary put in another story is kept (``extracted.kept``), whatever the
    context rules said.  The extractor chose the lines; the cleaner only removes what it
    can name.  The end of the text is the first line after the main story's opening that
    is a barrier (`barrier_kind`: a catalogue rule opening the comments or a list of other
    stories); past it the pipeline's decisions stand.  ``datelines(i)``: does line ``i``
    open with a dateline (the story finder's reading, `cleaner.stories.Stories.datelines`);
    given, a story opened at a dateline inside a run of them is a list's entry
    (`list_entries`).  ``start``: where the main story opens, by default its first line
    in ``story_of`` (which must hold it); `safety_net` gives 0 for the story it opens.

    >>> from cleaner import analyze
    >>> text = ("The council met on Monday to discuss the new budget for the city schools.\\n"
    ...         "Share on Facebook\\n"
    ...         "The vote on the budget is expected next month after a public hearing.")
    >>> [v.final.rule for v in analyze(text, extracted="always").verdicts]
    ['feature.prose', 'en.share.share_label', 'feature.prose']
    """
    if main is None or not options.rule_enabled(rule):
        return final, story_of
    start = story_of.index(main) if start is None else start
    end = next((i for i in range(start + 1, len(lines)) if barrier_kind(initial[i])), len(lines))
    if datelines is not None:  # copies, as below
        final, story_of = list_entries(lines, final, story_of, main, datelines, options)
    else:
        final, story_of = list(final), list(story_of)
    final, story_of = repeated_heads(lines, final, story_of, main, options)
    for i in range(end):
        d = final[i]
        if lines[i].blank or d.keep or is_pattern_rule(initial[i].rule):
            continue
        if not _main_side(story_of, lines, i, main):
            continue
        final[i] = Decision(True, rule, initial[i].category if initial[i].keep else "body",
                            f"extractor's line, no catalogue rule names it ({d.rule})", "extracted")
        story_of[i] = main
    return final, story_of


def list_entries(
    lines: list[Line], final: list[Decision], story_of: list[int | None], main: int,
    datelines: Callable[[int], bool], options: Options,
) -> tuple[list[Decision], list[int | None]]:
    """Copies of ``final`` and ``story_of`` in which a story whose first line opens with a
    dateline inside a run of at least ``extracted_list_entries`` lines with text that each
    open with one belongs to the story above it (``extracted.list_entry``), unless it is
    the ``main`` story (the story finder's choice of the main story stands).
    ``datelines(i)`` says whether line ``i`` opens with a dateline: the story finder's
    reading of the line (`cleaner.stories.Stories.datelines`, the test of
    `cleaner.stories.evidence.dateline`), not asked again here.  A dateline opens a story
    once; line after line it is the form of a list's entries ("SURNAME, Name: title,
    place year" in a bibliography), and in one extractor's choice of a page's content
    such a list is the page's own.

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
                and run.get(i, 0) >= max(options.extracted_list_entries, 1):  # 0: as 1
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


def _story_starts(story_of: list[int | None]) -> list[int]:
    """The first line of each run of lines in one story, but the text's first line."""
    return [i for i, s in enumerate(story_of) if i and s is not None and story_of[i - 1] != s]


def repeated_heads(
    lines: list[Line], final: list[Decision], story_of: list[int | None], main: int, options: Options,
) -> tuple[list[Decision], list[int | None]]:
    """``final`` and ``story_of`` (changed in place: the caller's copies) in which a
    story whose first line has a text that stands at least ``extracted_repeated_head``
    times as a line of the text (whitespace normalised; 2 at least) belongs to the story
    above it (``extracted.repeated_head``), unless it is the ``main`` story.  A headline
    opens one article; a line printed again and again in one extractor's choice of a
    page is a label of the page's own list (each entry's "Radio play after the novel",
    "for ..."), and a story opened there is a list's entry read as an article.

    >>> from cleaner.segment import segment
    >>> lines = segment("Awards of the year.\\nRadio play for the network\\nThe second season.\\n"
    ...                 "Radio play for the network\\nThe third season.\\nRadio play for the network")
    >>> keep = Decision(True, "feature.prose", "body", "", "classify")
    >>> final, story_of = repeated_heads(lines, [keep] * 6, [0, 0, 0, 1, 1, 1], 0, Options())
    >>> story_of, final[3].rule
    ([0, 0, 0, 0, 0, 0], 'extracted.repeated_head')
    >>> repeated_heads(lines[:5], [keep] * 5, [0, 0, 0, 1, 1], 0, Options())[1]  # twice: a headline
    [0, 0, 0, 1, 1]
    """
    starts = [i for i in _story_starts(story_of) if story_of[i] != main]
    if not starts or not options.rule_enabled("extracted.repeated_head"):
        return final, story_of
    seen = Counter(" ".join(line.text.split()) for line in lines if not line.blank)
    times = max(options.extracted_repeated_head, 2)
    joined: dict[int, int] = {}  # a story whose head repeats -> the story it joins
    for i in starts:
        s, above = story_of[i], _story_above(story_of, i)
        if s not in joined and above is not None and seen[" ".join(lines[i].text.split())] >= times:
            joined[s] = joined.get(above, above)
    if not joined:
        return final, story_of
    for i, s in enumerate(story_of):
        if s in joined:
            story_of[i] = joined[s]
            if final[i].keep:
                final[i] = Decision(True, "extracted.repeated_head", final[i].category,
                                    f"in a story opened at a repeated line, a list's entry ({final[i].rule})",
                                    "extracted")
    return final, story_of


def _story_above(story_of: list[int | None], i: int) -> int | None:
    """The story of the nearest line in a story above line ``i``."""
    return next((s for s in reversed(story_of[:i]) if s is not None), None)


def _dateline_runs(lines: list[Line], datelines: Callable[[int], bool]) -> dict[int, int]:
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


#: The story the safety net opens on a page whose rules kept no line (`safety_net`).
NET_STORY = 0


def safety_net(
    lines: list[Line], feats: list[Features], initial: list[Decision], final: list[Decision],
    story_of: list[int | None], main: int | None, options: Options,
) -> tuple[list[Decision], list[int | None]]:
    """For a page: when the extractor found a long article (``safety_net_words`` words of
    prose) and the main story keeps less than ``safety_net_share`` of them, every line the
    `guarantee` would keep comes back (``html.safety_net``): the cleaner never reduces a
    long article to a sliver unless story boundaries say the rest is another story.  When
    the rules kept no line at all (no story, ``main`` is ``None``), the lines come back
    as story 0, the one story of the page (`NET_STORY`; the caller makes it the main
    story)."""
    prose = sum(f.words for f, d in zip(feats, initial) if d.rule == "feature.prose")
    if prose < options.safety_net_words:
        return final, story_of
    start = None
    if main is None:
        if any(s is not None for s in story_of):
            return final, story_of
        main, start = NET_STORY, 0
    kept = sum(f.words for f, d, s in zip(feats, final, story_of) if d.keep and s == main)
    if kept >= options.safety_net_share * prose:
        return final, story_of
    return guarantee(lines, initial, final, story_of, main, options, rule="html.safety_net", start=start)
