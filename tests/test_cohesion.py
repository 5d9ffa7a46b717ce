"""The story finder's evidence in the compiled core: content words, windows, cosines and
depth scores (rust/src/cohesion.rs), and the head evidence of each line (rust/src/heads.rs),
against small cases worked out by hand."""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest
import regex

from cleaner import _core
from cleaner.language import stopwords
from cleaner.options import Options
from cleaner.stories.evidence import (
    _WEIGHTS, DEFAULT, Reader, _heads, boundary_score, content_words, dateline, gap_evidence, gaps,
)
from cleaner.types import Decision, Features, Line

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
    assert c.counts([1, 3], 0, 1, 2, 100, 40) == dict.fromkeys(["alpha", "beta", "gamma", "delta"], 1)
    assert c.counts([0, 2], 0, 1, 2, 100, 40) == {}  # lines not given hold no words


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


def _profile(c: _core.Cohesion, lines: list[int], words: int, most: int, least: int, affinity: float):
    """`Cohesion.profile` worked out from each window counted afresh (`counts`)."""
    n = len(lines)
    after = [Counter(c.counts(lines, j, 1, n, words, most)) if j > 0 else Counter() for j in range(n)]
    before = [Counter(c.counts(lines, j, -1, 0, words, most)) if j + 1 < n else Counter() for j in range(n)]
    cos = [None] + [cosine(before[j - 1], after[j]) if after[j].total() >= least and before[j - 1].total() >= least
                    else None for j in range(1, n)]
    deep = [0.0] * n
    for j in range(1, n):
        if cos[j] is None:
            continue
        left = right = cos[j]
        k = j - 1
        while k >= 1 and cos[k] is not None and cos[k] >= left:
            left, k = cos[k], k - 1
        k = j + 1
        while k < n and cos[k] is not None and cos[k] >= right:
            right, k = cos[k], k + 1
        deep[j] = (left - cos[j]) + (right - cos[j])
        own = Counter(c.counts(lines, j, 1, j + 1, 10**6, 1))
        if j + 1 < n and own:
            deep[j] += affinity * (cosine(own, after[j + 1]) - cosine(own, before[j - 1]))
    return cos, deep


def test_profile_is_that_of_windows_counted_afresh():
    # Windows slide down the paragraphs: whatever the reaches, each cosine and depth is
    # that of the windows counted one by one, to the last bit.
    rng = random.Random(11)
    vocabulary = ["apple", "banana", "cherry", "dolphin", "eagle", "falcon", "grape", "the", "of"]
    for _ in range(300):
        texts = [" ".join(rng.choices(vocabulary, k=rng.choice([0, 1, 2, 5, 9]))) for _ in range(rng.randrange(1, 14))]
        c = cohesion(texts, stops=("the", "of"))
        lines = [i for i in range(len(texts) + 2) if rng.random() < 0.85]  # lines not given hold no words
        words, most, least = rng.choice([0, 1, 3, 7, 120]), rng.choice([0, 1, 2, 3, 40]), rng.choice([0, 1, 4])
        affinity = rng.choice([0.0, 4.0])
        assert c.profile(lines, words, most, least, affinity) == _profile(c, lines, words, most, least, affinity), \
            (texts, lines, words, most, least)


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


def test_case_folds_are_pythons():
    """Else write the table of rust/src/story_fold.rs again (its header says how)."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert _core.casefold(every) == every.casefold()
    assert _core.casefold("\ud800Stra\u00dfe \u03a3") == "\ud800strasse \u03c3"  # no final sigma, a lone surrogate stays


def test_content_words_of_a_long_line_are_those_of_its_pieces():
    # A line of many repeats reads as the repeats one after another (a final sigma stays
    # final before the space between them).
    piece = "\u039f\u0394\u039f\u03a3 \u03a3 the Elections and electoral reform, it's \u00dcn\u00efcode-words; "
    stops = frozenset({"the", "and"})
    assert content_words((piece * 4000).strip(), stops) == content_words(piece.strip(), stops) * 4000


def cosine(a: Counter, b: Counter) -> float:
    """The cosine of two counts of words as the story finder takes it: 1.0 when a side is
    empty (nothing to compare); integer sums, so any order gives the same float."""
    if not a or not b:
        return 1.0
    dot = sum(n * b[w] for w, n in a.items())
    return dot / (math.sqrt(sum(n * n for n in a.values())) * math.sqrt(sum(n * n for n in b.values())))


def _line(i: int, raw: str, text: str, words: int, terminal: bool = False, keep: bool = True,
          rule: str = "feature.heading", category: str = "body") -> tuple[Line, Features, Decision]:
    return (Line(i, 0, len(raw), raw, text),
            Features(words, 0.0, terminal, False, 0.5, 0.0, 0),
            Decision(keep, rule, category, "", "classify"))


def read(rows: list[tuple[str, str, int, dict]]):
    """The answers of `Reader` (rust/src/story.rs, with the patterns of heads.rs) about
    lines ``(raw, text, words, {Features or Decision fields})``."""
    lines, feats, decisions = zip(*(_line(i, raw, text, words, **more)
                                    for i, (raw, text, words, more) in enumerate(rows)))
    r = Reader(list(lines), list(feats), list(decisions), frozenset(),
               Options(heading_max_words=16, heading_max_digits=0.3, story_meta_reach=3))
    names = ("meta", "headline", "body", "titled", "dateline", "exclaimed", "meta_after", "capitalised", "bulleted",
             "wrapped")
    got = {name: [bool(getattr(r, name)(i)) for i in range(len(rows))] for name in names}
    return r.lettered, {**got, "capital": list(map(bool, r._capital)), "pattern": list(map(bool, r.by_pattern))}


def test_head_evidence_of_each_line():
    prose = "The minister arrived in the capital on Monday and spoke to the press."
    lettered, got = read([
        ("Minister Visits The Capital City", "Minister Visits The Capital City", 5, {}),
        ("By Jane Doe", "By Jane Doe", 3, {}),
        (prose, prose, 13, {"terminal": True}),
        ("", "", 0, {"keep": False, "rule": "blank", "category": "blank"}),
        ("  \u2022 Menu item here", "\u2022 Menu item here", 3, {}),  # a list item: no headline
        ("Share this story", "Share this story", 3, {"keep": False, "rule": "en.share.row", "category": "share"}),
        ("Q: Why now?", "Q: Why now?", 3, {}),
        ("12 3 -- !", "12 3 -- !", 2, {}),
    ])
    assert lettered == bytes([1, 1, 1, 0, 1, 1, 1, 0])
    assert got["meta"] == [False, True, False, False, False, False, False, False]
    assert got["headline"] == [True, False, False, False, False, False, True, True]
    assert got["titled"] == [True, False, False, False, False, False, False, False]
    assert got["body"] == [False, True, True, False, True, False, False, False]
    assert got["meta_after"][0] and not got["meta_after"][2]  # the byline right below the title
    assert got["pattern"] == [False, False, False, False, False, True, False, False]
    # "Q: ..." is an interview turn; "!" ends a short kept line.
    assert got["exclaimed"] == [False, False, False, False, False, False, False, True]
    assert got["capital"] == [True, True, True, False, False, True, False, False]
    assert got["capitalised"] == [True, True, True, False, False, True, True, True]


def test_a_bullet_is_read_from_the_raw_line():
    # An invisible character before the bullet: the raw line is no list item (the
    # pattern skips blanks only), although its normalised text starts with a bullet.
    _, got = read([("\u200b\u2022 Menu item here", "\u2022 Menu item here", 3, {}),
                   ("\u2022 Menu item here", "\u2022 Menu item here", 3, {}),
                   ("- Two words", "- Two words", 2, {}), ("-Two words", "-Two words", 2, {})])
    assert got["bulleted"] == [False, True, True, False]
    assert got["headline"] == [True, False, False, True]
    # A dash and a space at the end of a raw line whose text is the dash alone.
    _, got = read([("  - ", "-", 0, {}), ("| a | b |", "| a | b |", 2, {}), ("", "", 0, {})])
    assert got["bulleted"] == [True, True, False]


@pytest.mark.parametrize("text, words, meta", [
    ("Updated Nov 19, 2019", 4, True), ("Nov 19, 2019 10:31 pm", 5, True), ("3 hours ago", 3, True),
    ("19. M\u00e4rz 2020", 3, True), ("Publi\u00e9 le 3 mars 2020", 5, True), ("Von Hans Meier", 3, True),
    ("Nov 19x", 2, False), ("Nov 19\u00e9", 2, False),  # no word boundary after the day
    ("\u00e9 Nov 19", 3, True), ("\u00e9Nov 19", 2, False),  # nor before the month
    ("The volcano erupted again over 3 villages.", 7, False),
    ("Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 and more words here to read", 17, True),
    ("On 18 Nov 2019 the minister arrived in the capital and spoke to all the press there", 17, False),
    ("\u2014 Jane Doe (@jane) November 4, 2019", 6, False),  # a quoted post
])
def test_meta_lines(text, words, meta):
    assert _heads().meta(text, words, False, "body") is meta
    # A line classified as a caption is none; one classified as meta is.
    assert _heads().meta(text, words, False, "caption") is False
    assert _heads().meta(text, words, False, "meta") is True


@pytest.mark.parametrize("text, want", [
    ("WASHINGTON (Reuters) - The senate voted.", True), ("OSLO: The talks began.", True),
    ("AUSTIN, Texas (AP) \u2014 The storm hit.", True), ("\u2018FAST FACTS\u2019: The storm.", True),
    ("Washington - The senate voted.", False), ("ABC, Texas (Agency) - text", True),
    # the region after the place's comma may be written in small letters
    ("DUBAI, United Arab Emirates \u2014 The deal was signed.", True), ("ABC, Texas Here Now (Some Agency) - text", True),
    ("ABC Texas Here Now (Some Agency) - text", False),
    # a place in capitals and small letters, a comma, a region, a dash, a capital
    ("Dekalb, Ill. \u2014 Mike Glass threw for three touchdowns.", True),
    ("Fort Worth, Texas (AP) \u2013 Police said.", True), ("St. Louis, Mo. -- The team won.", True),
    ("Dekalb, Ill.: Mike Glass threw.", False), ("Dekalb \u2014 Mike Glass threw.", False),
    ("However, Mr. Smith \u2014 who was there", False), ("Yesterday, Paris \u2014 the city woke.", False),
    ("NATO And Eu Talks Begin Here: now", False), ("Ǆ\u01c5ORE: text", False),  # a title-case letter
    # a place in capitals and small letters, an agency, a dash, a capital and a sentence
    ("Hamburg (dpa/lno) \u2013 Trotz eines Gespr\u00e4ches zwischen", True), ("Berlin (dpa) - Die Regierung will", True),
    ("Montpellier (SID) \u2013 Tennis-Olympiasieger Alexander Zverev hat", True),
    ("Madrid (EFE).- El Gobierno ha aprobado", True), ("Rom (KNA) \u2013 Papst Franziskus hat", True),
    ("Bad Bentheim (dpa/lni) \u2013 Unbekannte T\u00e4ter haben", True), ("Frankfurt/Main (dpa-AFX) - Die Aktie stieg", True),
    ("Aix-en-Provence (AFP) - Le maire a dit", True), ("\u201eBerlin (dpa) - Die Regierung will", False),
    # a name with its party and a role, no agency, no dash, small letters after it, too long
    ("Friedrich Merz (CDU) \u2013 Parteivorsitzender", False), ("Berlin (dpa) \u2013 Merkel sagt", False),
    ("Berlin - Die Regierung will", False), ("Berlin (dpa) die Regierung will", False),
    ("Berlin (dpa) - die Regierung will", False), ("Die Regierung (CDU) hat heute", False),
    ("Berlin (Deutsche Presse-Agentur) - Die Regierung will", False), ("Frankfurt am Main (dpa) - Die Aktie stieg", False),
    ("Mehr zum Thema Wirtschaft Heute (dpa) - Die Aktie stieg", False),
])
def test_datelines(text, want):
    assert dateline(text) is want


@pytest.mark.parametrize("text", [
    "\ud800 Nov 19, 2019", "Nov 19\udfff", "\udbffNov 19", "Updated \u00e9\ud800 Nov 19, 2019",
    "OSLO\ud800: The talks began.", "\udc00OSLO: The talks began.", "AUSTIN, T\u00e9xas (AP) \u2014 \ud800",
])
def test_a_lone_surrogate_reads_as_one_replacement_character(text):
    # A line Python cannot encode as UTF-8 is read by the head patterns with each lone
    # surrogate as U+FFFD, the same answers as the text that holds U+FFFD there.
    replaced = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
    words = len(text.split())
    assert _heads().meta(text, words, False, "body") is _heads().meta(replaced, words, False, "body")
    assert dateline(text) is dateline(replaced)


TEXTS = [ABC, DEF, "apple apple grape", "of the", "banana grape grape kiwi"]
STOPS = ("the", "of")


def counted(lines: list[int]) -> Counter:
    """The content words of lines of `TEXTS`, counted."""
    return Counter(w for i in lines for w in content_words(TEXTS[i], frozenset(STOPS)))


def test_cosine_of_lines_is_the_cosine_of_their_counted_words():
    c = cohesion(TEXTS, stops=STOPS)
    for a, b in [([0], [2]), ([0, 1], [2, 0]), ([0, 2], [1]), ([3], [0]), ([], [1]), ([0, 1, 2], [2, 3])]:
        assert c.cosine_of(a, b) == cosine(counted(a), counted(b))
    assert c.cosine_of([0, 2], [2]) == 7 / (math.sqrt(12) * math.sqrt(5))  # apple 3, 2; grape 1, 1


def test_shared_share_is_the_share_of_distinct_words_the_other_lines_hold():
    c = cohesion(TEXTS, stops=STOPS)
    for a, b in [([0], [2]), ([0, 1], [4]), ([2], [4]), ([1], [0]), ([0], [3]), ([0, 2], [4])]:
        mine = set(counted(b))
        assert c.shared_share(a, b) == (len(mine & set(counted(a))) / len(mine) if mine else 0.0)
    assert c.shared_share([0], [4]) == 1 / 3  # banana of banana, grape, kiwi
    assert c.shared_share([1], [0]) == 0.0


def test_cosine_of_a_window_is_the_cosine_of_its_counts():
    c = cohesion(TEXTS, stops=STOPS)
    lines = list(range(len(TEXTS)))
    for start, step, stop, words, most in [(4, -1, 0, 100, 40), (4, -1, 2, 100, 40), (0, 1, 5, 4, 40),
                                           (1, 1, 5, 100, 2), (0, -1, 1, 100, 40)]:
        window = Counter(c.counts(lines, start, step, stop, words, most))
        for other in ([4], [2, 4], [3], []):
            assert c.window_cosine(lines, start, step, stop, (words, most), other) == cosine(window, counted(other))


def test_runs_continue_a_story_while_their_words_do():
    # Story: apple/banana/cherry.  A run under `least` words waits for the next run and
    # is judged with it; the walk stops at the first run judged off the subject.
    c = cohesion([ABC, "apple", "banana cherry apple", DEF, ABC], stops=STOPS)
    assert c.continued([0], [[1], [2], [3], [4]], 3, 0.5) == [0, 2]
    assert c.continued([0], [[1], [2], [3], [4]], 1, 0.5) == [1, 2]
    assert c.continued([0], [[1], [2], [4]], 1, 0.5) == [1, 2, 3]
    assert c.continued([0], [[3], [4]], 1, 0.0) == [1, 2]  # any cosine goes on at limit 0
    assert c.continued([0], [[1]], 2, 0.5) == [0]  # too short to judge: pending, not taken
    assert c.continued([3], [[4]], 1, 0.1) == []
    assert c.continued([], [[3]], 1, 0.5) == [1]  # a story with no words: nothing to compare


def _points(opening, dropped, furniture, headline, cohesion_, depth, o: Options) -> float:
    """The score of a gap as the Python wrote it before the compiled core did."""
    weight = {"headed": o.story_headed_weight, "meta": o.story_meta_weight, "repeat": o.story_repeat_weight,
              "dateline": o.story_dateline_weight}
    score = weight.get(opening, 0.0)
    score += min(dropped * o.story_dropped_weight, o.story_dropped_max)
    score += min(furniture * o.story_furniture_weight, o.story_furniture_max)
    score += o.story_headline_weight if headline else 0.0
    topic = o.story_cosine_weight * -math.log((cohesion_ + 0.02) / (o.story_neutral_cosine + 0.02)) \
        + o.story_depth_weight * min(depth, o.story_depth_max)
    return score + (max(topic, 0.0) if opening == "headed" else topic)


def test_boundary_scores_are_the_sums_in_python_to_the_last_bit():
    rng = random.Random(7)
    for _ in range(3000):
        o = Options(**{name: rng.choice([0.0, 0.5, 2.0, rng.uniform(0, 7)]) for name in _WEIGHTS})
        args = (rng.choice([None, "headed", "meta", "repeat", "dateline"]), rng.randrange(12),
                rng.randrange(8), rng.random() < 0.5, rng.choice([0.0, 1.0, rng.random()]),
                rng.choice([0.0, rng.uniform(-1, 3)]))
        assert boundary_score(*args, o=o) == _points(*args, o), (args, o)
    assert boundary_score("topic", 1, 0, False, 0.1) == boundary_score(None, 1, 0, False, 0.1)  # no head


def test_every_gap_in_one_call_as_one_at_a_time():
    # Two stories: a title (sharing a word with its text) with a byline above the second;
    # the gaps' evidence read in one call is each gap's read alone.
    prose = "The minister arrived in the capital on Monday and spoke to the press about the plan."
    rows = [(prose, prose, 16, {"terminal": True})] * 3 + [
        ("Minister Unveils The Coastal Plan", "Minister Unveils The Coastal Plan", 5, {}),
        ("By Jane Smith", "By Jane Smith", 3, {"keep": False, "category": "meta"}),
        ("Share this", "Share this", 2, {"keep": False, "rule": "share.row", "category": "boilerplate"}),
    ] + [(prose, prose, 16, {"terminal": True})] * 3
    lines, feats, decisions = zip(*(_line(i, raw, text, words, **more)
                                    for i, (raw, text, words, more) in enumerate(rows)))
    r = Reader(list(lines), list(feats), list(decisions), frozenset({"the", "and", "on", "to", "in", "about"}))
    kept = [i for i in r.content if decisions[i].keep]
    assert kept == [0, 1, 2, 3, 6, 7, 8]
    # The gaps above the paragraphs, each reaching up to the paragraph before (the title,
    # kept, lies in the gap above line 6).
    cs, since = [1, 2, 4, 5, 6], [0, 1, 2, 4, 5]
    cos, depth = [None, 0.4, 0.0, 0.6, 0.3], [0.0, 0.2, 1.1, 0.3, 0.0]
    together = gaps(r, kept, cs, cos, depth, since)
    assert together == [gap_evidence(r, kept, c, x, d, s) for c, x, d, s in zip(cs, cos, depth, since)]
    headed = together[2]
    assert (headed.title, headed.opening, headed.dropped, headed.furniture) == (3, "meta", 2, 1)
    assert headed.score == boundary_score("meta", 2, 1, headed.headline, 0.0, 1.1)
    assert together[0].cohesion == DEFAULT.story_neutral_cosine  # too little text: neutral


def test_depths_mirror_the_edges_of_the_judged_text():
    # Walking back from each gap the cosines rise 0.0 -> 0.25 into the start (an edge)
    # at the third gap; walking forward they rise 0.0 -> 0.5 and fall: that side's rise
    # counts on both sides.  The last gap's forward walk runs into the end.
    assert _core.edged([None, 0.25, 0.0, 0.5, 0.25], [0.0] * 5) == [0.0, 0.0, 0.25, 0.0, 0.25]
    # Both walks reaching an edge (or neither): the depth stays.
    assert _core.edged([0.1, 0.2], [0.5, 0.5]) == [0.5, 0.5]
    # A gap too small to judge keeps its depth and is an edge to the gaps beside it: each
    # of those climbs into an edge both ways, so theirs stay too.
    assert _core.edged([0.5, 0.1, None, 0.1, 0.4], [0.0, 0.3, 9.0, 0.2, 0.0]) == [0.0, 0.3, 9.0, 0.2, 0.0]
    with pytest.raises(RuntimeError):
        _core.edged([0.1], [])


# -- new names after a gap (Cohesion.novel_names) ----------------------------------------------

STOPS_EN = ("the", "and", "from", "with", "for", "then", "who", "where", "were", "was", "their", "all")
TOWN = "the old town welcomed visitors from Astor, Bremm, Colby and Dorne for a weekend of music and food."
SQUARE = "later the market square filled with people who came for music, food and the parade at dusk."
HARBOUR = "then a ship from Kelso brought Lumen, Marrow and Nestor to the harbour where fishermen mended nets."


def novel(texts: list[str], words: int = 1000, most: int = 40, least: int = 4,
          share: float = DEFAULT.story_names_share, stops: tuple[str, ...] = STOPS_EN) -> list[bool]:
    """`Cohesion.novel_names` of every line of ``texts``."""
    return cohesion(texts, stops).novel_names(list(range(len(texts))), words, most, least, share)


def test_new_names_after_a_gap_that_the_text_before_never_named():
    # Above HARBOUR: four names after, four others before; the window above SQUARE
    # reaches HARBOUR's names too, one line of it none.
    assert novel([TOWN, SQUARE, HARBOUR]) == [False, True, True]
    assert novel([TOWN, SQUARE, HARBOUR], most=1) == [False, False, True]
    # One name the text before named, and the names after are not new.
    assert novel([TOWN, SQUARE, HARBOUR.replace("Nestor", "Astor")]) == [False, False, False]
    # Too few names after, or before.
    assert novel([TOWN, SQUARE, HARBOUR], least=5) == [False, False, False]
    assert novel([TOWN.replace("Dorne", "dorne"), SQUARE, HARBOUR], most=1) == [False, False, False]
    # A capital that opens a sentence (after ".", "!", "?" or ":") names nobody.
    opened = "then a ship came in. Kelso! Lumen? Marrow: Nestor and the fishermen mended nets."
    assert novel([TOWN, SQUARE, opened]) == [False, False, False]


def test_capitalised_nouns_give_no_names():
    # German capitalises every noun: most words inside its sentences begin with a capital,
    # so none counts as a name (at a share of 1 the nouns of the second story would).
    stops = tuple(stopwords("de"))
    texts = ["Der Stadtrat hat am Montag den neuen Haushalt für Schulen, Straßen und Parks beschlossen.",
             "Die Eltern begrüßten das Geld für die Schulen, die Anwohner die Reparatur der Straßen.",
             "Im Gebirge haben Bergretter zwei Wanderer nach einer Nacht im Schnee gefunden.",
             "Ein Hubschrauber brachte die Wanderer mit Erfrierungen ins Krankenhaus im Tal."]
    assert novel(texts, stops=stops) == [False] * 4
    assert novel(texts, stops=stops, share=1.0)[2]


def _walk(cos: list[float | None]) -> tuple[list[float | None], list[float | None], int]:
    """The climbs of `_core.cohesion_climbs` walked afresh from every cosine (a None stops
    a walk), with the comparisons the walks make."""
    left, right, steps = list(cos), list(cos), 0
    for j, here in enumerate(cos):
        if here is None:
            continue
        for step, out in ((-1, left), (1, right)):
            top, k = here, j + step
            while 0 <= k < len(cos) and cos[k] is not None:
                steps += 1
                if cos[k] < top:
                    break
                top, k = cos[k], k + step
            out[j] = top
    return left, right, steps


def test_climbs_are_the_walks_from_every_gap():
    rng = random.Random(18)
    for _ in range(500):
        values = [None, 0.0, 0.25, 0.5, 1.0, rng.random()]
        cos = [rng.choice(values) for _ in range(rng.randrange(0, 30))]
        left, right, _ = _core.cohesion_climbs(cos)
        assert (left, right) == _walk(cos)[:2], cos


def test_a_run_of_equal_cosines_is_climbed_in_one_pass():
    # Walked afresh from every gap, a run of m equal cosines (a dump of many alike
    # stories) costs m * (m - 1) comparisons; climbed once each way, one per neighbour
    # each way: 2 * (m - 1).  Counted, not timed.
    assert _walk([0.5] * 300)[2] == 300 * 299
    m = 200_000
    left, right, steps = _core.cohesion_climbs([None] + [0.5] * m)
    assert steps == 2 * (m - 1)
    assert left == right == [None] + [0.5] * m
