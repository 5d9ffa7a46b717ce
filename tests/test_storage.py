"""The per-line storage (`cleaner.storage`): lines as offsets, shared decisions, trails
as indices, verdicts built when read — and the same answers as the objects they replace."""

from __future__ import annotations

from array import array

import pytest

from cleaner import analyze
from cleaner.segment import normalize, segment
from cleaner.storage import Lines, Trails, has_text, line_starts, text_view, texts_of
from cleaner.types import Decision, Line, Verdict


def test_lines_are_offsets_into_the_source_and_built_when_read():
    source = "Short Url\r\n\n\t a\u00a0 b\u200b \nlast"
    lines = segment(source)
    assert isinstance(lines, Lines) and len(lines) == 4
    for i, line in enumerate(lines):
        assert isinstance(line, Line) and line.index == i
        assert source[line.start:line.end] == line.raw
        assert line.text == normalize(line.raw)
    assert lines[-1] == lines[3] and lines[1:3] == [lines[1], lines[2]]
    assert lines == list(lines) and list(lines) == lines
    texts = [line.text for line in lines]
    assert [lines.text(i) for i in range(4)] == lines.texts() == texts
    assert lines.texts(1, 3) == texts_of(lines, 1, 3) == texts[1:3] == texts_of(list(lines), 1, 3)
    assert list(text_view(lines)) == texts and lines.has_text() == has_text(list(lines)) == b"\x01\x00\x01\x01"
    with pytest.raises(IndexError):
        lines[4]


def _d(rule: str, stage: str, keep: bool = False) -> Decision:
    return Decision(keep, rule, "boilerplate", f"reason of {rule}", stage)


def test_trails_add_a_layer_where_a_stage_hands_on_a_new_object():
    first = [_d("a", "classify"), _d("a", "classify"), _d("b", "classify")]
    trails = Trails()
    initial = trails.start(first)
    assert initial[0] is initial[1]  # equal decisions: one object
    context = list(initial)
    context[0] = _d("c", "context")
    context[2] = _d("b", "classify")  # a new object, equal to the one before: still a layer
    smoothed = trails.add(context, "context")
    assert trails.add(smoothed, "block") is smoothed  # the stage did not run
    stories = list(smoothed)
    stories[0] = initial[0]  # an earlier stage's decision given back: stamped anew
    trails.add(stories, "stories")
    got = [[(d.rule, d.stage) for d in trails.table[k]] for k in trails.of]
    assert got == [[("a", "classify"), ("c", "context"), ("a", "stories")],
                   [("a", "classify")],
                   [("b", "classify"), ("b", "context")]]


def test_equal_new_decisions_of_one_stage_share_one_stamped_object_in_every_trail():
    trails = Trails()
    initial = trails.start([_d("a", "classify")] * 4)
    block = [initial[0], _d("b", "context"), _d("b", "context"), _d("b", "context")]
    after = trails.add(block, "block")
    assert after[0] is initial[0] and after[1] is after[2] is after[3]  # one shared object
    assert after[1].stage == "context"  # the stages after read the decision as given
    layers = [trails.table[k] for k in trails.of]
    assert layers[1][-1] is layers[2][-1] is layers[3][-1]  # stamped once, for this stage
    assert [(d.rule, d.stage) for d in layers[1]] == [("a", "classify"), ("b", "block")]
    assert layers[0] == (initial[0],) and trails.of[1] == trails.of[2] == trails.of[3]


def test_the_core_reads_a_layer_by_object():
    """`cleaner._core.distinct` numbers the objects of a list (not their values) in order
    of first appearance; `cleaner._core.changed` finds where two lists hold other objects."""
    from array import array

    from cleaner import _core

    a, b, a2 = _d("a", "classify"), _d("b", "classify"), _d("a", "classify")
    objects, numbers = _core.distinct([a, b, a, a2, b])
    assert objects == [a, b, a2] and objects[2] is a2
    assert list(array("I", numbers)) == [0, 1, 0, 2, 1]
    assert _core.distinct([]) == ([], b"")
    assert _core.changed([a, b, a2, b], [a, b, a, a2]) == [2, 3]  # a2 == a, but another object
    assert _core.changed([], []) == []
    with pytest.raises(RuntimeError):
        _core.changed([a], [a, b])


def test_equal_first_decisions_in_other_objects_share_one_trail_and_a_second_start_is_refused():
    """The first layer numbers the one-layer trails by value: equal decisions handed as
    distinct objects share one trail and one object; trails have one first layer."""
    trails = Trails()
    a, b = _d("a", "classify"), _d("b", "classify")
    initial = trails.start([a, b, _d("a", "classify"), b])
    assert [[d.rule for d in trails.table[k]] for k in trails.of] == [["a"], ["b"], ["a"], ["b"]]
    assert len(trails.table) == 2 and initial[0] is initial[2] is a
    with pytest.raises(ValueError):
        trails.start([a])


def test_the_core_gathers_the_kept_lines_of_each_story_and_the_output():
    """`cleaner._core.kept_lines`: per story below the count, its kept lines, in order of
    each story's first kept line; per line, kept and of the main story."""
    from cleaner import _core

    keep, drop = _d("k", "title", keep=True), _d("d", "classify")
    decisions = [keep, keep, drop, keep, keep, keep, drop, keep]
    story_of = [1, 0, 0, None, 1, 5, 1, 0]
    kept, outputs = _core.kept_lines(decisions, story_of, 2, 0)
    assert kept == {1: [0, 4], 0: [1, 7]} and list(kept) == [1, 0]
    assert outputs == bytes([0, 1, 0, 0, 0, 0, 0, 1])
    assert _core.kept_lines(decisions, story_of, 2, None)[1] == bytes(8)
    assert _core.kept_lines([], [], 0, 0) == ({}, b"")


@pytest.mark.parametrize("extra", ["", "é", "\u0416", "\U0001f600"])  # one-, two-, four-byte strings
def test_a_story_joined_in_the_core_is_join_lines_of_its_kept_lines(extra):
    """`cleaner._core.joined` (`Verdicts.story_text`) gives what `cleaner.types.join_lines`
    gives: blank lines (also kept ones, and lines of spaces) between two kept lines make
    one empty line, lines of other stories and dropped lines none; normalised texts."""
    import random

    from cleaner import _core
    from cleaner.types import join_lines

    rng = random.Random(7)
    pieces = ["", "  ", "\u00a0", f"Line {extra} one", "two\u00a0 words", " padded ", "x\u200by", "last."]
    for _ in range(200):
        source = "\n".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
        lines = segment(source)
        picked = [i for i in range(len(lines)) if rng.random() < 0.5]
        if not picked:
            continue
        verdicts = [Verdict(line, None, (_d("k", "title", keep=i in picked),), 0 if i in picked else 1)
                    for i, line in enumerate(lines)]
        assert _core.joined(lines.columns(), picked) == join_lines(verdicts, 0), source


def test_a_story_of_one_line_is_that_line_s_text_not_a_copy_of_it():
    """A story of one non-blank line (blank ones around it) is its normalised text: the
    source itself when the line is the whole source, the changed text when normalising
    changed it, so a document of one huge line holds its text once."""
    from cleaner import _core

    line = "One long line of a document without a break. " * 3 + "End."
    assert _core.joined(segment(line).columns(), [0]) is line
    lines = segment("\n\ta\u00a0 b\n\n")
    source, starts, ends, changed = lines.columns()
    assert _core.joined((source, starts, ends, changed), [0, 1, 2]) is changed[1] == "a b"
    assert _core.joined((source, starts, ends, changed), [0, 2]) == ""


def test_verdicts_read_the_story_of_each_line_as_none_or_its_number():
    text = ("Menu\nHome\n\nThe council approved the budget for the parks on Tuesday after a long debate.\n"
            "It will be reviewed again in the spring when the figures are known, the mayor said.")
    a = analyze(text, extracted="never")
    stories = [v.story for v in a.verdicts]
    assert stories[-1] == a.main == 0 and all(s is None or s.__class__ is int for s in stories)
    assert [v.output for v in a.verdicts] == [v.final.keep and v.story == a.main for v in a.verdicts]


def test_verdicts_are_built_from_the_columns():
    text = ("The council approved the budget for the village school on Monday.\n"
            "Rural services\n\n"
            "The school will open a new library in the spring, the head teacher said.\n"
            "Share this")
    a = analyze(text, extracted="never")
    built = tuple(a.verdicts)
    assert all(isinstance(v, Verdict) for v in built) and len(built) == len(a.verdicts) == 5
    assert a.verdicts == built and a.verdicts[1:3] == list(built[1:3])
    assert a == analyze(text, extracted="never") and hash(a.verdicts) == hash(built)
    for v in built:
        assert v.why == ("" if v.output else "story" if v.final.keep else v.final.category)
    assert [v.line.text for v in a.verdicts if v.output] == a.text.replace("\n\n", "\n").split("\n")


def test_the_text_read_from_the_columns_is_join_lines_of_the_verdicts():
    from cleaner.types import join_lines

    text = ("Menu\nHome\n\nThe council approved the budget for the parks on Tuesday after a long debate.\n"
            "\n\nIt will be reviewed again in the spring when the figures are known, the mayor said.\nShare")
    a = analyze(text, extracted="never")
    for story in {v.story for v in a.verdicts if v.story is not None}:
        assert a.verdicts.join(story) == join_lines(list(a.verdicts), story)
    assert a.text == join_lines(list(a.verdicts), a.main) != ""


def test_stage_one_reads_the_lines_from_the_source_and_finds_repeated_lines():
    """`cleaner.classify.classify_lines` reads each line's text from the source (a
    changed text from `Lines`' own); a line that repeats an earlier one, whatever its
    case (also where case folding is Python's, beyond ASCII), is a repeat of that line;
    a plain list of the lines is classified alike."""
    from cleaner import classify
    from cleaner.options import Options

    headline = "Council approves the new budget for the village school"
    german = "Straße gesperrt wegen der neuen Bauarbeiten im Zentrum"
    text = "\n".join([headline, "", "The council met on Monday evening in the town hall.",
                      "Share this", headline.upper(), "Share\u00a0 this", headline,
                      german, german.upper()])
    lines = segment(text)
    assert lines.columns()[3]  # a changed text: the non-breaking space
    feats, initial = classify.classify_lines(lines, "en", Options())
    assert [d.reason for d in initial if d.rule == "feature.duplicate"] == ["repeats line 1"] * 2 + ["repeats line 8"]
    assert initial[3] is initial[5]  # equal decisions: one object
    assert classify.classify_lines(list(lines), "en", Options()) == (feats, initial)


def test_equal_features_and_decisions_are_one_object():
    from cleaner import classify
    from cleaner.options import Options

    text = "\n".join(["Read more", "Top stories", "Read more", "", "Read more", "Top stories"] * 3)
    lines = segment(text)
    feats, initial = classify.classify_lines(lines, "en", Options())
    for column in (feats, initial):
        firsts = {}
        assert all(firsts.setdefault(value, value) is value for value in column)
        assert len(firsts) < len(column)
    assert feats[0] is feats[1]  # two texts, equal measurements


def test_line_starts_are_the_columns_of_lines_and_measured_on_other_sequences():
    """Where each line and its text start: a `Lines`' own columns (no copy); on a list of
    `Line` objects the same indentation, measured on each raw line."""
    source = "Body of the story.\n    An indented caption\n\n\t  Tabbed label\nlast"
    lines = segment(source)
    starts, text_starts = line_starts(lines)
    assert starts is lines.raw_columns()[0] and text_starts is lines.columns()[1]
    listed = line_starts(list(lines))
    indents = [b - a for a, b in zip(starts, text_starts)]
    assert indents == [b - a for a, b in zip(*listed)] == [0, 4, 0, 3, 0]
    assert line_starts([]) == (array("q"), array("q"))
