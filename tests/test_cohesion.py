"""The story finder's topic evidence in the compiled core (rust/src/cohesion.rs): content
words, windows, cosines and depth scores, against small cases worked out by hand."""

from __future__ import annotations

import math

import pytest
import regex

from cleaner import _core
from cleaner.stories.evidence import content_words

ABC, DEF = "apple banana cherry", "dolphin eagle falcon"
DEF_STEMS = ["dolphi", "eagle", "falcon"]


def cohesion(texts: list[str], stops: tuple[str, ...] = ()) -> _core.Cohesion:
    """The lines 0, 1, ... holding ``texts``."""
    return _core.Cohesion(texts, list(range(len(texts))), _core.Stoplist(list(stops)))


def test_content_words_are_stems_of_letter_runs_not_in_the_stoplist():
    # Lower-cased; stems of six characters; a stopword is left out by its whole form,
    # not by its stem ("theories" stays although "the" is a stopword); words under
    # three characters go; apostrophes, hyphens and marks go on a word, digits end it.
    text = "The THEORIES of \u00e9lan-vital don\u2019t fit x2 ab Cafe\u0301s"
    assert content_words(text, frozenset({"the", "of"})) == \
        ["theori", "\u00e9lan-v", "don\u2019t", "fit", "cafe\u0301s"]
    # str.lower's rules: a final capital sigma lowers to the final form.
    assert content_words("\u039f\u0394\u039f\u03a3 \u039f\u0394\u039f\u03a3", frozenset()) == \
        ["\u03bf\u03b4\u03bf\u03c2"] * 2
    # A character that lowers to two ("\u0130": "i" and a combining dot) counts as two.
    assert content_words("\u0130stanbul", frozenset()) == ["i\u0307stan"]
    assert content_words("", frozenset()) == []


def test_words_of_the_lines_given():
    c = _core.Cohesion(["Alpha beta", "gamma the delta"], [1, 3], _core.Stoplist(["the"]))
    assert c.words() == {1: ["alpha", "beta"], 3: ["gamma", "delta"]}


def test_a_window_stops_after_the_line_that_reaches_its_words_or_at_its_lines():
    c = cohesion([ABC, DEF, "apple grape"])
    lines = [0, 1, 2]
    # Forward from position 0: three words are not yet four, so the second line too.
    assert c.counts(lines, 0, 1, 3, 4, 40) == dict.fromkeys(ABC.split() + DEF_STEMS, 1)
    assert c.counts(lines, 0, 1, 3, 4, 1) == dict.fromkeys(ABC.split(), 1)
    # Backward from position 2 down to position 0, not past position 1.
    assert c.counts(lines, 2, -1, 0, 100, 40) == {"apple": 2, "grape": 1, **dict.fromkeys(
        ABC.split()[1:] + DEF_STEMS, 1)}
    assert c.counts(lines, 2, -1, 1, 100, 40) == {"apple": 1, "grape": 1, **dict.fromkeys(DEF_STEMS, 1)}
    assert c.counts(lines, 0, -1, 1, 100, 40) == {}  # already past its end
    # A line not given holds no words.
    assert c.counts([7, 0], 0, 1, 2, 100, 40) == dict.fromkeys(ABC.split(), 1)


def test_profile_of_two_subjects():
    # Windows of one line each (three words reach three); the gap between the subjects
    # has cosine 0 and depth (1 - 0) + (1 - 0); with an affinity weight, the paragraph
    # after a gap adds weight * (its cosine with the text after - with the text before).
    # The cosine of two equal windows of three words each: 3 / (sqrt(3) * sqrt(3)), in
    # floating point just above 1.
    same = 3 / (math.sqrt(3) * math.sqrt(3))
    c = cohesion([ABC, ABC, DEF, DEF])
    cos, deep = c.profile([0, 1, 2, 3], 3, 40, 1, 0.0)
    assert cos == [None, same, 0.0, same]
    assert deep == [0.0, 0.0, (same - 0.0) + (same - 0.0), 0.0]
    cos, deep = c.profile([0, 1, 2, 3], 3, 40, 1, 4.0)
    assert deep == [0.0, 0.0 + 4.0 * (0.0 - same), 2 * same + 4.0 * (same - 0.0), 0.0]
    # Too few words on a side to judge: no cosine, no depth.
    cos, deep = c.profile([0, 1, 2, 3], 3, 40, 4, 4.0)
    assert cos == [None] * 4 and deep == [0.0] * 4


def test_profile_cosine_and_a_climb_over_several_gaps():
    # Windows of one line: cos(A, A') = 2 / (sqrt(5) * sqrt(2)) with A = {alpha: 2, beta: 1},
    # A' = {alpha: 1, gamma: 1}.  The depth of the gap at 2 climbs left over cosines that
    # rise (to 1.0 at 1) and right (to 1.0 at 3).
    texts = ["alpha alpha beta", "alpha alpha beta", "alpha gamma", "alpha gamma", "alpha gamma"]
    c = cohesion(texts)
    cos, deep = c.profile(list(range(5)), 1, 40, 1, 0.0)
    low = 2 / (math.sqrt(5) * math.sqrt(2))
    a, b = 5 / (math.sqrt(5) * math.sqrt(5)), 2 / (math.sqrt(2) * math.sqrt(2))
    assert cos == [None, a, low, b, b]
    assert deep == [0.0, 0.0, (a - low) + (b - low), 0.0, 0.0]


def test_a_line_without_content_words_adds_nothing_to_a_window():
    c = cohesion([ABC, "of the", DEF], stops=("the",))
    cos, deep = c.profile([0, 1, 2], 100, 40, 1, 4.0)
    assert cos == [None, 0.0, 0.0]  # ABC against DEF both times
    assert deep == [0.0, 0.0, 0.0]


@pytest.mark.parametrize("name, pattern", [("LETTER", r"\p{L}"), ("MARK", r"\p{M}")])
def test_letter_and_mark_tables_are_the_regex_modules(name, pattern):
    """Else write them again: python rust/tables.py, and rebuild."""
    p = regex.compile(pattern)
    want: list[tuple[int, int]] = []
    for c in range(0x110000):
        if not 0xD800 <= c < 0xE000 and p.match(chr(c)):
            if want and want[-1][1] == c - 1:
                want[-1] = (want[-1][0], c)
            else:
                want.append((c, c))
    assert _core.table(name) == want


def test_content_words_of_a_long_line_are_those_of_its_pieces():
    # A line of many repeats reads as the repeats one after another (a final sigma stays
    # final before the space between them).
    piece = "\u039f\u0394\u039f\u03a3 \u03a3 the Elections and electoral reform, it's \u00dcn\u00efcode-words; "
    stops = frozenset({"the", "and"})
    assert content_words((piece * 4000).strip(), stops) == content_words(piece.strip(), stops) * 4000


def test_letters_marks_each_text_that_holds_a_letter():
    # Digits, punctuation and a lone combining mark hold none; a letter outside the Basic
    # Multilingual Plane does.
    texts = ["", "12 3 -- !", "a", "\u00e9t\u00e9", "\U00010400", "\u0301", "\u3042"]
    assert _core.letters(texts) == bytes([0, 0, 1, 1, 1, 0, 1])
