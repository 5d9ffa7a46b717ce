"""The compiled core (`cleaner._core`) against the Python it replaced (tests/oracle.py):
segmentation, normalisation, words, line features, line shapes, the language guess, the
context rules, the main text region and the main story's gaps give the same
results on every line of the bundled corpus and on generated text, and the core's
character tables (rust/src/tables.rs) are those of the running Python.

(Decisions on whole pages are the pipeline's: the benchmark's pages as text and as HTML
gave identical decisions before and after the move.)
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import json
import re
import shutil
import subprocess
from array import array
from functools import lru_cache
from operator import eq
from pathlib import Path

import pytest
import regex
from hypothesis import given, strategies as st

import cleaner
from cleaner import _core
from cleaner.blocks import barrier_kind, inside_main, main_block
from cleaner.catalogue import fires_within, load_rules, matcher
from cleaner import classify
from cleaner.classify import WEAK_RULES, classify_lines
from cleaner.extracted import YIELDING
from cleaner.features import strip_bullet
from cleaner.fold import fold_line
from cleaner.language import judged_by_letters
from cleaner.options import Options
from cleaner.features import _shape_params, line_shapes, measure, shapes
from cleaner.language import FALLBACK_LANGUAGES, STOPLIST_NAMES, guess_language, stopwords, words
from cleaner.segment import normalize, segment
from cleaner.smooth import smooth
from cleaner.storage import Lines, columns

from . import oracle

ROOT = Path(__file__).resolve().parent.parent

# Characters where the classes differ most: spaces, controls, invisibles, bullets,
# closers, digits of other scripts, case pairs with special lowering, unspaced scripts,
# surrogates.
TRICKY = ("  \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u200a\u200b\u200c\u200d"
          "\u2028\u2029\u202f\u205f\u3000\ufeff\xad\u180e\u2060•·*▪–—-'\"’”»›)]….!?:;,。！？"
          "\u0660\u0966\uff10\U000116d0ΣσςΑİIıKkß\u0345\u0307ǅ'.:^`_@#/wwwhttps:"
          "益阳电商ひらカタไทยລາວខ្មែរမြန်မာ한국어\ud800\udfff\U000e0080\U0010fffd")
texts = st.text(alphabet=st.one_of(st.sampled_from(TRICKY), st.characters()), max_size=80)
lines = st.text(alphabet=st.one_of(st.sampled_from(TRICKY), st.characters(blacklist_categories=("Cs",))),
                max_size=80).map(normalize)


@lru_cache(maxsize=1)
def corpus_texts() -> tuple[str, ...]:
    """The seeds and the trafilatura-eval pages' HTML, as text (plenty of languages)."""
    out = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "seeds").glob("*.txt"))]
    for path in sorted((ROOT / "corpus" / "trafilatura-eval-dev" / "html").glob("*.gz"))[::4]:
        with gzip.open(path, "rb") as f:
            out.append(f.read().decode("utf-8", "replace"))
    return tuple(out)


@lru_cache(maxsize=1)
def stoplists() -> dict[str, frozenset[str]]:
    return {code: stopwords(code) for code in STOPLIST_NAMES}


@lru_cache(maxsize=1)
def table_classes() -> dict:
    spec = importlib.util.spec_from_file_location("tables", ROOT / "rust" / "tables.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.classes()


@pytest.mark.parametrize("name", ["SPACE", "ALPHA", "UPPER", "DECIMAL", "DIGIT", "ALNUM", "NOT_WORD",
                                  "UNSPACED", "CASED", "CASE_IGNORABLE", "NOT_PRINTABLE", "CLOSE_PUNCTUATION",
                                  "SENTENCE_TERMINAL"])
def test_the_core_tables_are_the_running_pythons(name):
    """Else write them again: python rust/tables.py, and rebuild."""
    assert _core.table(name) == [tuple(r) for r in table_classes()[name]]


def test_segment_and_normalize_on_the_corpus():
    for text in corpus_texts():
        assert [tuple(line) for line in segment(text)] == oracle.segment(text)


@given(texts)
def test_segment_and_normalize_on_generated_text(text):
    assert [tuple(line) for line in segment(text)] == oracle.segment(text)
    assert normalize(text) == oracle.normalize(text)


@given(texts)
def test_words_on_generated_text(text):
    assert words(text) == oracle.words(text)


def test_words_and_features_on_every_corpus_line():
    for text in corpus_texts():
        language = guess_language(text)
        for line in segment(text):
            if not line.text:
                continue
            assert words(line.text) == oracle.words(line.text)
            got = measure(line.text, language)
            assert tuple(got) == oracle.measure(line.text, stopwords(language)), line.text


#: Lines where one pass over a line's characters must read each class as Python does:
#: ASCII word starts beside accented and non-Latin ones, capitals of other scripts, digits
#: of other scripts, spaces other than U+0020, the characters URLs hold, unspaced scripts.
_MIXED_LINES = (
    "Élan vital of the Ölmühle, 12 ÉCOLES and ١٢ pupils: see www.example.org/x or @desk.",
    "ΑΘΗΝΑ Σήμερα the minister said\u00a0it\u2003was ٣ o'clock #news",
    "益阳 the 电商 ไทย and ລາວ 5 km",
    "#1 @ / . https://example.com/a?b=c",
    "\u0130stanbul İzmir ıI 0٠",
    "ALL CAPS HEADLINE WITH ÜMLAUT Ä",
)


@pytest.mark.parametrize("language", [None, "en", "de", "el"])
def test_features_on_lines_mixing_ascii_and_other_characters(language):
    for line in map(normalize, _MIXED_LINES):
        assert tuple(measure(line, language)) == oracle.measure(line, stopwords(language)), line


def test_the_core_folds_lines_as_the_gates_do_at_each_turn():
    # printable ASCII; two spaces; an ASCII control; other characters, with two spaces,
    # with the dotted and dotless i, not printable
    for text in ("plain words", "two  spaces", "a\x07bell", "Ünïcödé words", "Ünï  two",
                 "İSTANBUL ılık", "x\u200by  z", "\ue000private"):
        folded, exotic = fold_line(text)
        assert _core.fold_line(text.casefold()) == (None if exotic else folded), text


def test_the_core_folds_ascii_lines_eight_bytes_at_a_time_as_the_gates_do():
    # the plain-ASCII test reads eight bytes at a time: two spaces, a control, DEL and a
    # character past ASCII at every offset of a word and across two words
    for size in range(1, 25):
        for at in range(size):
            base = "".join(chr(0x61 + (k % 26)) for k in range(size))
            for odd in ("  ", " ", "\x1f", "\x7f", "\xa0", "\u2019", "~ ", " ~"):
                text = base[:at] + odd + base[at:]
                folded, exotic = fold_line(text)
                assert _core.fold_line(text.casefold()) == (None if exotic else folded), repr(text)


def test_stage_one_reads_repeated_lines_in_case_folding():
    # repeated lines found in their case folding with runs of ASCII between other characters
    text = ("ÉCOLE Straße ouverte AUJOURD'HUI à PARIS pour tous les élèves du quartier\n"
            "école STRASSE ouverte aujourd'hui À paris pour tous les ÉLÈVES du quartier\n"
            "• Share this\n• SHARE THIS")
    _stage_one(text, "fr", Options())
    _stage_one(text, "en", Options())


def test_shapes_on_every_corpus_line():
    opts = Options()
    for text in corpus_texts():
        lines = segment(text)
        want = [oracle.shape(line.text, opts) for line in lines]
        assert list(shapes([line.text for line in lines], opts)) == want
        assert list(line_shapes(lines, opts)) == want  # read from the columns


def test_the_core_reads_the_columns_of_the_lines_in_place_as_one_tuple():
    """`Lines.columns` is handed to the core as one tuple, whose offset columns are read
    where they are: a column that is not a contiguous array of offsets is refused (a copy
    of it is not made), as are columns of different lengths; empty columns are no lines."""
    from array import array

    source, starts, ends, changed = columns(segment("First line\nSecond  line\n\nthird"))
    params = classify._params(Options())
    got = _core.classify_lines((source, starts, ends, changed), "en", matcher("en").core, params,
                               classify._KINDS, judged_by_letters, classify._gates_for,
                               classify._pattern_run, None)
    assert len(got[0]) == len(got[1]) == len(starts) == 4
    every_other = memoryview(array("q", [x for x in starts for _ in (0, 1)]))[::2]
    assert every_other.tolist() == starts.tolist()
    shape_params = _shape_params(Options())
    with pytest.raises(RuntimeError, match="not (an )?arrays? of offsets"):
        _core.joined((source, every_other, ends, changed), [0, 1])
    with pytest.raises(RuntimeError, match="not an array of offsets"):
        _core.line_shapes((source, every_other, ends, changed), shape_params)
    with pytest.raises(RuntimeError, match="not an array of offsets"):
        _core.classify_lines((source, starts, every_other, changed), "en", matcher("en").core, params,
                             classify._KINDS, judged_by_letters, classify._gates_for, classify._pattern_run, None)
    with pytest.raises(RuntimeError, match="different lengths"):
        _core.line_shapes((source, starts, ends[:-1], changed), shape_params)
    empty = ("", array("q"), array("q"), {})
    assert _core.line_shapes(empty, shape_params) == b""
    assert _core.classify_lines(empty, "en", matcher("en").core, params, classify._KINDS, judged_by_letters,
                                classify._gates_for, classify._pattern_run, None) == ([], [], [], {})


_SHAPE_OPTIONS = st.builds(lambda t, s, p, w: Options(
    extracted_tiny_words=t, extracted_cjk_short=s, extracted_cjk_paragraph=p, extracted_paragraph_words=w),
    *[st.integers(0, 12)] * 4)
_LIST_STARTS = st.sampled_from(["", "• ", "- ", "+ ", "1. ", "12) ", "123. ", "\u0661. ", "²) ", "—", "* x"])


@given(st.lists(st.tuples(_LIST_STARTS, lines).map("".join).map(normalize), max_size=8), _SHAPE_OPTIONS)
def test_shapes_on_generated_lines(texts, opts):
    assert list(shapes(texts, opts)) == [oracle.shape(t, opts) for t in texts]
    lines = segment("\n".join(texts))
    assert list(line_shapes(lines, opts)) == [oracle.shape(line.text, opts) for line in lines]


@given(lines, st.sampled_from([None, "en", "de", "el", "ru"]))
def test_features_on_generated_lines(line, language):
    assert tuple(measure(line, language)) == oracle.measure(line, stopwords(language))


def test_language_guess_on_the_corpus():
    for text in corpus_texts():
        assert guess_language(text) == oracle.guess_language(text, stoplists(), FALLBACK_LANGUAGES)
        for line in segment(text)[:200:7]:
            assert guess_language(line.text) == oracle.guess_language(line.text, stoplists(), FALLBACK_LANGUAGES)


@given(st.lists(st.one_of(st.sampled_from(sorted(stopwords("en") | stopwords("de"))[:400]),
                          st.text(max_size=8)), max_size=60).map(" ".join))
def test_language_guess_on_generated_text(text):
    assert guess_language(text) == oracle.guess_language(text, stoplists(), FALLBACK_LANGUAGES)


def test_stoplists_are_read_once_per_language():
    assert stopwords("en") is stopwords("en")
    assert stopwords(None) == stopwords("xx") == frozenset()


def _stage_one(text: str, language: str | None, opts: Options) -> None:
    """`classify_lines` (the gates, then the candidates' patterns) decides every line of
    ``text`` as trying every catalogue rule in turn does."""
    lines = segment(text)
    feats, initial = classify_lines(lines, language, opts)
    want = oracle.classify_lines(lines, language, opts, measure, guess_language,
                                 judged_by_letters, stopwords, lambda lang: matcher(lang).ordered)
    got = [(tuple(f), tuple(d)[:4]) for f, d in zip(feats, initial)]
    for line, g, w in zip(lines, got, want):
        assert g == w, line.text
    assert all(d.stage == "classify" for d in initial)


def test_stage_one_on_the_corpus():
    for text in corpus_texts()[::20]:  # every rule tried on every line: slow
        _stage_one(text, guess_language(text), Options())


#: Lines that catalogue rules fire on (with case and bullet noise), and others.
_EXAMPLES = tuple(e for r in load_rules()[::5] for e in r.examples + r.counterexamples)
doc_lines = st.one_of(st.sampled_from(_EXAMPLES), lines,
                      st.sampled_from(_EXAMPLES).map(lambda e: "• " + e.upper()))


@given(st.lists(doc_lines, max_size=12).map("\n".join),
       st.sampled_from([None, "en", "de", "fr", "ko"]),
       st.sampled_from([Options(), Options.make("precision", disabled_rules={"en.share."}),
                        Options.make("recall", duplicate_min_words=0, heading_max_words=3)]))
def test_stage_one_on_generated_documents(text, language, opts):
    _stage_one(text, language, opts)


@given(texts)
def test_the_core_folds_lines_as_the_gates_do(text):
    folded, exotic = fold_line(text)
    assert _core.fold_line(text.casefold()) == (None if exotic else folded)


def _context_rules(text: str, language: str | None, opts: Options) -> None:
    """`smooth` (the list rule, then the compiled core's context rules) revises every
    line of ``text`` as the former Python did."""
    lines = segment(text)
    feats, initial = classify_lines(lines, language, opts)
    got = [tuple(d) for d in smooth(lines, feats, initial, opts)]
    assert got == oracle.smooth(lines, feats, initial, opts, WEAK_RULES)


def test_context_rules_on_the_corpus():
    for text in corpus_texts():
        _context_rules(text, guess_language(text), Options())


_PROSE = ("The council approved the new budget for the village school after a long debate on Tuesday.",
          "It was a good day.", "Read more", "Follow us on Twitter", "Ingredients:", "Jane Doe",
          "Jane Doe is a reporter who covers the city council and its schools for the paper.",
          "Support our journalism: become a member today and help us keep reporting.",
          "And then the story ended...")
context_lines = st.one_of(doc_lines, st.sampled_from(_PROSE),
                          st.tuples(st.sampled_from(["• ", "- ", "1. ", "12) "]), st.sampled_from(_PROSE + _EXAMPLES)).map("".join),
                          st.just(""))


def _repeated(d) -> int | None:
    """The 0-based index of the line a ``feature.duplicate`` decision names, else None."""
    return int(d.reason.removeprefix("repeats line ")) - 1 if d.rule == "feature.duplicate" else None


def test_a_line_the_mask_leaves_out_is_no_earlier_line_for_the_repeat_rule():
    """`classify_lines`' ``uncounted`` (the core's repeat memory): a later line with the
    text of a masked line repeats the first unmasked line with it (in case folding), or
    none and is decided on its own; a masked line repeats an earlier unmasked line, never
    a masked one; lines past the mask's end count; no mask, or one of no line, changes
    nothing, and the features never change."""
    prose = "The council approved the new budget for the village school after a long debate on Tuesday."
    other = "A second paragraph about the school budget, with its figures and the reasons for them."
    lines = segment("\n".join([prose, other, prose.upper(), prose, other, prose, other]))
    plain = classify_lines(lines, "en", Options())
    assert [_repeated(d) for d in plain[1]] == [None, None, 0, 0, 1, 0, 1]
    for none in (None, [], [False] * len(lines)):
        assert classify_lines(lines, "en", Options(), none) == plain
    own = classify_lines(lines[2:3], "en", Options())[1][0]  # the capitals on their own
    assert own.rule != "feature.duplicate"
    feats, initial = classify_lines(lines, "en", Options(), [True, False, False, True, True, False])
    assert feats == plain[0]
    assert [_repeated(d) for d in initial] == [None, None, None, 2, 1, 2, 1]
    assert initial[:3] == [plain[1][0], plain[1][1], own]
    feats, initial = classify_lines(lines, "en", Options(), [True, False, True, False])
    assert feats == plain[0]
    assert [_repeated(d) for d in initial] == [None, None, None, None, 1, 3, 1]
    assert initial[:4] == [plain[1][0], plain[1][1], own, plain[1][0]]


@given(st.lists(st.tuples(st.sampled_from(_PROSE + tuple(t.upper() for t in _PROSE[:2])), st.booleans()),
                max_size=12))
def test_a_line_is_decided_as_among_the_unmasked_lines_before_it(drawn):
    """Every line is decided, with the mask, as it is after only the unmasked lines before
    it (the line a repeat names read back to its index on the page)."""
    lines = [line for line in segment("\n".join(t for t, _ in drawn)) if line.text]
    mask = [m for _, m in drawn][:len(lines)]
    _, initial = classify_lines(lines, "en", Options(), mask)
    for i, d in enumerate(initial):
        before = [j for j in range(i) if not mask[j]] + [i]
        want = classify_lines([lines[j] for j in before], "en", Options())[1][-1]
        if want.rule == "feature.duplicate":
            assert (d.rule, _repeated(d)) == (want.rule, before[_repeated(want)])
        else:
            assert d == want


@given(st.lists(context_lines, max_size=30).map("\n".join),
       st.sampled_from([None, "en", "de"]),
       st.sampled_from([Options(), Options.make("precision", context_reach=1, short_max_words=2),
                        Options.make("recall", context_reach=4, bio_name_max_words=6)]))
def test_context_rules_on_generated_documents(text, language, opts):
    _context_rules(text, language, opts)


def _blocks(text: str, language: str | None, opts: Options, stories: list, main: int | None) -> None:
    """`main_block` and `inside_main` (the compiled core's main text region and main
    story's gaps) decide every line of ``text`` as the former Python did; the stories are
    drawn (``stories``, repeated over the lines; blank lines in none)."""
    lines = segment(text)
    feats, initial = classify_lines(lines, language, opts)
    smoothed = smooth(lines, feats, initial, opts)
    oracle.blocks(barrier_kind, YIELDING)
    shape = line_shapes(lines, opts)
    got, region = main_block(feats, smoothed, opts, shape)
    want, want_region = oracle.main_block_oracle(lines, feats, smoothed, opts)
    assert ([tuple(d) for d in got], region) == ([tuple(d) for d in want], want_region)
    story_of = [None if not line.text or not stories else stories[i % len(stories)] for i, line in enumerate(lines)]
    got, got_stories = inside_main(initial, want, story_of, main, opts, shape, lines)
    want, want_stories = oracle.inside_main_oracle(lines, initial, want, story_of, main, opts)
    assert ([tuple(d) for d in got], list(got_stories)) == ([tuple(d) for d in want], list(want_stories))


def test_blocks_on_the_corpus():
    for text in corpus_texts():
        _blocks(text, guess_language(text), Options(), [0], 0)


_BLOCK_LINES = ("Comments", "Related stories", "Read more", "Share this", "Home", "12 comments",
                "Subscribe to our newsletter", "Photo: Jane Doe / Agency")


@given(st.lists(st.one_of(context_lines, st.sampled_from(_BLOCK_LINES), st.just(_PROSE[0] * 3)), max_size=40)
       .map("\n".join),
       st.sampled_from([None, "en", "de"]),
       st.sampled_from([Options(), Options.make("precision", block_max_gap=2, block_teaser_gap=1),
                        Options.make("recall", block_lead_gap=3, block_row_lines=2, block_fill_menu_lines=1,
                                     block_resume_words=10, block_teaser_words=30)]),
       st.lists(st.sampled_from([0, 0, 1, None]), max_size=12),
       st.sampled_from([0, 1, None]))
def test_blocks_on_generated_documents(text, language, opts, stories, main):
    _blocks(text, language, opts, stories, main)


# --- catalogue patterns in the `regex` crate (rust/src/patterns.rs) -------------------------

# Every character a line can hold (no lone surrogate; a line holds no line break) and
#: that the engines are asked about (`_core.doubtful`: not one that sends a line to
#: Python); of the private-use planes, their first characters.
@lru_cache(maxsize=1)
def all_chars() -> str:
    return "".join(c for c in map(chr, range(0xF1000)) if not 0xD800 <= ord(c) <= 0xDFFF
                   and c != "\n" and not _core.doubtful(c))


def _regex_flags(case_sensitive: bool) -> int:
    return regex.V0 if case_sensitive else regex.V0 | regex.IGNORECASE


def _crate_rules():
    """The catalogue rules the core runs with the `regex` crate."""
    return [r for r in load_rules() if _core.pattern_matches(r.pattern, r.case_sensitive, []) is not None]


def _atoms(pattern: str) -> set[str]:
    """The one-character items of a pattern: literals, escapes and bracketed classes."""
    out, i = set(), 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            end = pattern.index("}", i) + 1 if pattern[i + 1] in "pP" else i + 2
            out.add(pattern[i:end])
            i = end
        elif ch == "[":
            j = i + 1 + (pattern[i + 1] == "^")
            j += pattern[j] == "]"
            while pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.add(pattern[i:j + 1])
            i = j + 1
        elif ch == "(" and pattern[i + 1] == "?":
            i = min(k for k in (pattern.find(":", i), pattern.find(")", i)) if k > 0) + 1
        elif ch == "{":
            i = pattern.index("}", i) + 1
        else:
            if ch not in "()|*+?^$.":
                out.add(ch)
            i += 1
    out.discard("\\b")
    out.discard("\\B")
    out.discard("\\A")
    out.discard("\\Z")
    return out


def test_most_catalogue_patterns_run_in_the_crate():
    rules = load_rules()
    assert len(_crate_rules()) >= 0.9 * len(rules)


def test_the_crate_refuses_what_it_would_read_differently():
    refused = [r"(?<=a)b", r"a(?!b)", r"(?>a)", r"a*+", r"(a)\1", r"[[:alpha:]]", r"a{,2", r"\p{Lu}",
               r"(?i:\p{Ll})", r"(?m)^a", r"\N{DASH}", r"x}", r"[\w-.]", "ı", "(?i:[Ā-ž])", "[a-İ]"]
    assert [p for p in refused if _core.translate_pattern(p, False) is not None] == []
    assert _core.translate_pattern(r"(?-i:\p{Lu})\w+", False) == r"(?i)(?-i:\p{Lu})\w+"
    assert _core.translate_pattern(r"[&&a-c~^-]", True) == r"[\&\&a-c\~\^\-]"


def test_every_item_of_the_crates_patterns_matches_the_same_characters():
    """Each literal, escape and class of every pattern the crate runs, case-sensitive and
    not, matches the same characters in both engines over all of Unicode but the
    characters that send a line to Python (`_core.doubtful`: unassigned in the crate's
    tables, or the dotted and dotless i)."""
    atoms = sorted(set().union(*(_atoms(r.pattern) for r in _crate_rules())))
    for atom in atoms:
        for case_sensitive in (False, True):
            if _core.translate_pattern(atom, case_sensitive) is None:
                continue  # a cased category where case is ignored: refused (above)
            got = _core.pattern_positions(atom, case_sensitive, all_chars())
            want = [m.start() for m in regex.finditer(atom, all_chars(), _regex_flags(case_sensitive))]
            assert got == want, atom


def test_the_core_decides_a_line_a_rule_fires_on():
    """A line a rule fires on is decided in the core (by the crate once it runs the rule,
    after `WARM_USES` uses in a process; before, by the rule's own `regex` pattern called
    from the core), as Python decides it; with a rule disabled, too."""
    text = "Short Url\nThe minister arrived in the capital on Tuesday for talks with the president."
    lines = segment(text)

    def stage_one(options):
        return _core.classify_lines(columns(lines), "en", matcher("en").core, classify._params(options),
                                    classify._KINDS, judged_by_letters, classify._gates_for,
                                    classify._pattern_run, classify._disabled_of(options))

    for _ in range(300):  # past WARM_USES: the rule's regex pattern first, then the crate
        _, initial, left, _ = stage_one(Options())
        assert left == []
        assert tuple(initial[0]) == (False, "en.share.short_url", "share", "matches share pattern (2 words)",
                                     "classify")
    assert tuple(classify_lines(lines, "en", Options())[1][0]) == tuple(initial[0])
    _, initial, left, _ = stage_one(Options(disabled_rules={"en.ui."}))
    assert left == [] and initial[0].rule == "en.share.short_url"


def _python_decision(line, language: str, options: Options):
    """The rule `Matcher.match` (all in Python) finds on ``line``, else the feature rule."""
    feats, initial = classify_lines([line], language, options)
    body = strip_bullet(line.text)
    rule = matcher(language).match(body, feats[0].words, options.rule_enabled, options.regex_timeout)
    return initial[0].rule if rule is None else rule.id


@pytest.mark.parametrize("disabled", [{"en.share.short_url"}, {"en.share."}, {"en."}])
def test_with_rules_disabled_the_core_decides_the_line_itself(disabled):
    """A line a disabled rule fires on is decided in the core (nothing handed back to
    Python), by the next enabled rule or the feature rules, as `Matcher.match` decides."""
    options = Options(disabled_rules=disabled)
    lines = segment("Short Url\nThe minister arrived in the capital on Tuesday for talks with the president.")
    assert Options().rule_enabled("en.share.short_url")
    _, initial, left, _ = _core.classify_lines(columns(lines), "en", matcher("en").core, classify._params(options),
                                            classify._KINDS, judged_by_letters, classify._gates_for,
                                            classify._pattern_run, classify._disabled_of(options))
    assert left == []
    assert initial[0].rule != "en.share.short_url"
    assert initial[0].rule == _python_decision(lines[0], "en", options)
    assert classify_lines(lines, "en", options)[1][0] == initial[0]


def _two_invented_rules():
    """Gates of two invented rules that both fire on a line starting "zqx disabled"
    (xx.test.disabled first), the runs of their `regex` tests (`classify._pattern_run`'s
    form), and the rules run so far, in order."""
    calls = []

    def pattern_run(language, k):
        def fires(body, timeout):
            calls.append(k)
            return regex.match(r"zqx", body, regex.I) is not None
        return fires

    gates = _core.Gates(2, [[0, 1]] * 64, [], 4, lambda start: [0, 1], ([], []), ([], []), ([], []), [],
                        [(r"^zqx disabled", False), (r"^zqx", False)],
                        [("xx.test.disabled", "test"), ("xx.test.enabled", "other")])
    return gates, pattern_run, calls


def test_a_disabled_rules_pattern_is_never_run():
    """Two invented rules fire on a line; with the first disabled, the core never asks
    for its run nor calls it, and the second decides the line in the core."""
    gates, pattern_run, calls = _two_invented_rules()
    options = Options()

    def disabled_of(language):
        assert language == "en"
        return (0,)

    _, initial, left, _ = _core.classify_lines(columns(segment("zqx disabled rule")), "en", gates,
                                            classify._params(options), classify._KINDS, judged_by_letters,
                                            classify._gates_for, pattern_run, disabled_of)
    assert left == [] and calls == [1]
    assert tuple(initial[0]) == (False, "xx.test.enabled", "other", "matches other pattern (3 words)", "classify")
    _, initial, _, _ = _core.classify_lines(columns(segment("zqx disabled rule")), "en", gates,
                                         classify._params(options), classify._KINDS, judged_by_letters,
                                         classify._gates_for, pattern_run, None)
    assert initial[0].rule == "xx.test.disabled" and calls == [1, 0]



def _invented_rule_stage_one(pattern: str, case_sensitive: bool, text: str, run, options=None):
    """Stage 1 in the core of ``text`` with one invented catalogue rule of ``pattern``
    whose `regex` test is ``run`` (what `classify._pattern_run` gives: ``fires(body, timeout)``)."""
    asked = []

    def pattern_run(language, k):
        asked.append((language, k))
        return run

    gates = _core.Gates(1, [[0]] * 64, [], 4, lambda start: [0], ([], []), ([], []), ([], []), [],
                        [(pattern, case_sensitive)], [("xx.test.invented", "test")])
    got = _core.classify_lines(columns(segment(text)), "en", gates, classify._params(options or Options()),
                               classify._KINDS, judged_by_letters, classify._gates_for, pattern_run,
                               classify._disabled_of(options or Options()))
    return got, asked


def test_a_rule_the_crate_does_not_run_yet_runs_its_regex_pattern_from_the_core():
    """A rule not yet compiled for the crate (fewer than `WARM_USES` uses) runs its own
    `regex` pattern, called from the core: the line is decided there, not handed back to
    Python; the run is asked for once per matcher rule (each stage here builds its own
    matcher, whose two lines are both run)."""
    pattern = r"^zqx\d+ cold rule$"
    compiled = regex.compile(pattern, _regex_flags(False))
    for n in range(3):
        (_, initial, left, _), asked = _invented_rule_stage_one(pattern, False, f"ZQX{n} Cold Rule\nzqx cold rule",
                                                             functools.partial(fires_within, compiled.match))
        assert left == []
        assert tuple(initial[0]) == (False, "xx.test.invented", "test", "matches test pattern (3 words)",
                                     "classify")
        assert initial[1].rule != "xx.test.invented"
        assert asked == [("en", 0)]


def test_a_regex_run_that_times_out_does_not_fire_and_other_errors_are_raised():
    """`fires_within`, the one place a run meets the timeout, used by the core through
    `classify._pattern_run`: a timed-out run does not fire, other errors are raised."""
    def timing_out(*args):
        raise TimeoutError("regex timed out")

    test = classify._pattern_run(None, 0)
    assert test.func is fires_within
    (_, initial, left, _), _ = _invented_rule_stage_one(r"^zqx timeout rule$", False, "zqx timeout rule",
                                                     functools.partial(fires_within, timing_out))
    assert left == [] and initial[0].rule != "xx.test.invented"

    def failing(*args):
        raise ValueError("not a timeout")

    with pytest.raises(ValueError):
        _invented_rule_stage_one(r"^zqx failing rule$", False, "zqx failing rule",
                                 functools.partial(fires_within, failing))


def test_the_core_calls_a_regex_run_as_the_matcher_does():
    """The core hands the test the line's body and `Options.regex_timeout`, which
    `fires_within` passes to the run as `Matcher.run` does: no position, no end, not
    concurrent, not partial, the timeout."""
    calls = []

    def run(*args):
        calls.append(args)
        return None

    _invented_rule_stage_one(r"^zqx arguments rule", True, "• zqx arguments rule",
                             functools.partial(fires_within, run), Options(regex_timeout=0.25))
    assert calls == [("zqx arguments rule", None, None, None, False, 0.25)]


def test_a_line_that_repeats_an_earlier_one_reads_its_catalogue_answer():
    """The gates and patterns run once per text of a document (rust/src/classify.rs
    `Work::catalogued`): a line with the text of an earlier line, character for character,
    gets that line's answer without a run; a line that differs in case or bullet only is
    run itself."""
    pattern = r"^zqx\d+ memo rule$"
    compiled = regex.compile(pattern, _regex_flags(False))
    bodies = []

    def run(body, *args):
        bodies.append(body)
        return compiled.match(body, *args)

    text = "zqx7 memo rule\nzqx7 memo rule\nZQX7 MEMO RULE\nzqx7 memo rule\n• zqx7 memo rule\nzqx memo rule"
    (_, initial, left, _), _ = _invented_rule_stage_one(pattern, False, text, functools.partial(fires_within, run))
    assert left == []
    assert [d.rule for d in initial] == ["xx.test.invented"] * 5 + [initial[5].rule]
    assert initial[5].rule != "xx.test.invented"
    assert bodies == ["zqx7 memo rule", "ZQX7 MEMO RULE", "zqx7 memo rule", "zqx memo rule"]


def test_word_boundaries_fall_where_regex_puts_them():
    text = "a".join(all_chars()[::3]) + "a"
    got = _core.pattern_positions(r"\b", True, text)
    assert got == [m.start() for m in regex.finditer(r"\b", text, regex.V0)]


def _same_matches(rule, texts) -> None:
    texts = [t for t in texts if "\n" not in t and not _core.doubtful(t)]
    got = _core.pattern_matches(rule.pattern, rule.case_sensitive, texts)
    want = [rule.compiled.search(t) is not None for t in texts]
    assert [t for t, g, w in zip(texts, got, want) if g != w] == [], rule.id


def test_the_crate_matches_as_regex_on_every_rules_examples_and_counterexamples():
    for rule in _crate_rules():
        texts = [strip_bullet(t) for t in rule.examples + rule.counterexamples]
        _same_matches(rule, texts + [t.upper() for t in texts] + [t.lower() for t in texts])


def test_the_crate_matches_as_regex_on_corpus_lines():
    texts = sorted({strip_bullet(line.text)[:200] for text in corpus_texts()[::6] for line in segment(text)
                    if line.text})
    for rule in _crate_rules():
        _same_matches(rule, texts)


@given(st.lists(st.sampled_from(_EXAMPLES).map(lambda e: strip_bullet(e)), min_size=1, max_size=3).map(" ".join),
       st.sampled_from(sorted(r.id for r in load_rules())))
def test_the_crate_matches_as_regex_on_joined_examples(text, rule_id):
    rule = next(r for r in load_rules() if r.id == rule_id)
    if _core.pattern_matches(rule.pattern, rule.case_sensitive, []) is not None:
        _same_matches(rule, [text, text.swapcase()])


def test_a_compiled_pattern_answers_as_regex_on_each_of_its_search_paths():
    """A compiled catalogue pattern is searched forward only (rust/src/forward.rs): from
    the start alone when every alternative opens with ``^``, else everywhere; by a lazy DFA,
    which gives up on a Unicode word boundary beside a character that is not ASCII, then by
    a bounded backtracker on a short text and by a PikeVM on one too long for it.  Each
    path answers as the `regex` module does."""
    long_text = "é " * 200_000 + "un café noir"
    cases = [
        (r"^abc", ["abc d", "  abc", "x abc", "ABC"]),  # anchored: only at the start
        (r"^abc|xyz", ["  xyz", "abc", "  abc", "xy z"]),  # one alternative anywhere
        (r"(?:^|\s)abc$", ["abc", "q abc", "qabc"]),
        (r"\bcafé\b", ["un café noir", "uncafé noir", "un caféx", "CAFÉ"]),  # DFA gives up
        (r"\bcafé\b", [long_text, long_text.replace("un café", "uncafé")]),  # past the backtracker
        (r"\w+\s+noir$", [long_text, long_text + "é"]),
    ]
    for pattern, texts in cases:
        got = _core.pattern_matches(pattern, False, texts)
        want = [regex.search(pattern, t, _regex_flags(False)) is not None for t in texts]
        assert got == want, pattern


def test_a_patterns_uses_are_counted_once_per_process_across_matchers():
    """Two matchers holding the same (pattern, case) share its count of uses and its
    compiled regex: once one has used it `WARM_USES` (256) times, the other runs it in the
    crate on its first use; the same pattern with the other case is counted apart."""
    pattern = r"^zqx\d+ invented warm-up rule$"

    def gates(case_sensitive):
        return _core.Gates(1, [[0]], [], 4, lambda start: [0], ([], []), ([], []), ([], []), [],
                           [(pattern, case_sensitive)], [("xx.test.warm", "test")])

    first, second, other_case = gates(False), gates(False), gates(True)
    assert [first.crate_fires(0, "zqx1 invented warm-up rule") for _ in range(256)] == [None] * 256
    assert first.crate_fires(0, "zqx1 invented warm-up rule") is True
    assert second.crate_fires(0, "ZQX2 INVENTED WARM-UP RULE") is True
    assert second.crate_fires(0, "zqx invented warm-up rule") is False
    assert other_case.crate_fires(0, "zqx1 invented warm-up rule") is None


def test_a_headline_counts_each_of_its_content_words_once_when_it_echoes_the_text():
    """Between two stories a headline is the next story's title when the text below
    shares ``story_echo_shared`` (2) different content words with it, or all of its own
    when it holds fewer (rust/src/story_opening.rs `echoed`): a word the headline repeats
    is one of its words, so one word in common, further down than the text's first line,
    will do for a headline of one word said three times."""
    from .test_stories import CHESS, SHARE_ROW, VOLCANO

    for title, found in [("The Olympiad Olympiad Olympiad", "The Olympiad Olympiad Olympiad"),
                         ("Planning a family holiday for the olympiad", None)]:
        text = "\n\n".join(VOLCANO + SHARE_ROW[:2] + [title] + CHESS) + "\n"
        assert [a.title for a in cleaner.split(text, extracted="never")] == [None, found], title


def test_a_rule_without_strings_at_an_end_is_never_turned_away_by_that_end():
    """The gates' tests at a line's start and end (rust/src/gates.rs `EndIndex`) keep the
    rules of the strings the line starts (or ends) with, and every rule that has no
    string of that kind: which rules those are is read from the strings themselves, in
    `Gates` and in a matcher's cache file alike (no list of them beside the strings)."""
    every = [[0, 1, 2]] * 64
    gates = _core.Gates(3, every, [], 4, lambda start: [], ([], []), (["ab"], [0]), (["yz"], [1]), [])
    blob = json.dumps({"key": "k", "inputs": {
        "ungated": [], "anchored": [False] * 3, "by_words": every, "start": [], "literals": [[], []],
        "prefixes": [["ab"], [0]], "suffixes": [["yz"], [1]], "digits": []}}).encode()
    cached = _core.Gates.cached(blob, "k", 3, 4, lambda start: [], [], [])[0]
    for line, want in [("ab x", [0, 2]), ("q yz", [1, 2]), ("ab yz", [0, 1, 2]), ("q", [2]), ("yz ab", [2])]:
        assert gates.candidates(line, line.casefold(), len(line.split())) == want, line
        assert cached.candidates(line, line.casefold(), len(line.split())) == want, line


def test_a_start_is_asked_about_once_and_admits_the_rules_the_start_test_leaves_alone():
    """Rules of the start test pass a line only when their pattern can match its first
    characters (asked of Python once per start, then remembered); every other rule
    passes whatever the start."""
    asked = []

    def could(start):
        asked.append(start)
        return [0] if start.startswith("a") else [1]

    gates = _core.Gates(3, [[0, 1, 2]] * 64, [0, 1], 4, could, ([], []), ([], []), ([], []), [])
    for _ in range(2):
        assert gates.candidates("abc def", "abc def", 2) == [0, 2]
        assert gates.candidates("xbc def", "xbc def", 2) == [1, 2]
    assert asked == ["abc ", "xbc "]


@pytest.mark.parametrize("language", [None, "en"])
def test_the_disabled_rules_are_asked_for_once_per_document_and_language(language):
    """`classify_lines` asks ``disabled_of`` for a matcher's disabled rules once per
    document and language (the document's own, or None: every catalogue), however many
    lines run that matcher's patterns, and skips them on each."""
    gates, pattern_run, calls = _two_invented_rules()
    asked = []

    def disabled_of(lang):
        asked.append(lang)
        return (0,)

    text = "zqx disabled rule\nzqx disabled again\nzqx disabled once more"
    _, initial, left, _ = _core.classify_lines(columns(segment(text)), language, gates, classify._params(Options()),
                                            classify._KINDS, judged_by_letters, classify._gates_for,
                                            pattern_run, disabled_of)
    assert left == [] and asked == [language] and calls == [1, 1, 1]
    assert [d.rule for d in initial] == ["xx.test.enabled"] * 3


def test_a_storys_text_is_joined_from_the_columns_read_in_place():
    """`_core.joined` reads the lines where `Lines.columns` holds them (rust/src/lines.rs
    `LineTexts`): slices of the source and changed texts, in a source of one, two or four
    bytes a character, one empty line where blank lines stood between two kept ones, and
    a story of one line is that line's own string."""
    for text in ["Première  ligne\n\nSecond line\nthird", "Zeile ☃ eins\n\n\n\u200bZwei\n drei ",
                 "Line 𝔘 one\nLine\ttwo\n\n\nLine three"]:
        lines = segment(text)
        cols = columns(lines)
        texts = [line.text for line in lines]
        for picked in ([0, 1, 2, 3], [0, 2], [1, 2, 3], [0, 1]):
            picked = [p for p in picked if p < len(texts)]
            assert _core.joined(cols, picked) == _joined_lines(texts, picked), (text, picked)
        one = [p for p, t in enumerate(texts) if t][0]
        assert _core.joined(cols, [one]) == texts[one]


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), max_size=40), st.integers(0, 3))
def test_the_core_counts_equal_offsets_as_python_does(pairs, longer):
    """`_core.equal_offsets` (rust/src/lines.rs, the columns read in place) counts the
    positions where two offset columns agree, up to the shorter one's end, as
    ``sum(map(eq, ...))`` does."""
    starts = array("q", [a for a, _ in pairs])
    ends = array("q", [b for _, b in pairs] + [0] * longer)
    assert _core.equal_offsets(starts, ends) == _core.equal_offsets(ends, starts) == sum(map(eq, starts, ends))


def test_the_lines_empty_in_the_source_are_counted_by_the_core():
    """`Lines.raw_blanks` (`_core.equal_offsets`) counts the lines empty in the source,
    not even a space, in a source of one, two or four bytes a character."""
    for text in ["", "\n", "one\n\n \n\ttwo\n\n", "Zeile ☃\n\n\n\u200b\n𝔘\n\n"]:
        lines = segment(text)
        assert isinstance(lines, Lines)
        assert lines.raw_blanks() == sum(not line.raw for line in lines), text


def _joined_lines(texts: list[str], picked: list[int]) -> str:
    """`_core.joined` as written down: the non-blank lines of ``picked``, one a line, an
    empty line between two where a blank line stands between them in the document."""
    out, last = [], None
    for p in picked:
        if not texts[p]:
            continue
        if last is not None:
            out.append("\n\n" if any(not t for t in texts[last + 1:p]) else "\n")
        out.append(texts[p])
        last = p
    return "".join(out)


def test_a_gap_is_read_one_way_for_gaps_and_candidates():
    """`Story.gaps` and `Story.candidates` read a gap with one function
    (rust/src/story_gaps.rs `Gap::new`): a gap the candidates keep unrevised is the
    record `gaps` gives for it, and a gap is asked for at a kept position (a negative one
    is refused, not handed back)."""
    from cleaner.stories.evidence import Reader, gaps, topic_profile, weights
    from cleaner.stories import boundaries

    from .test_cohesion import _line

    prose = ("The council met on Monday to discuss the harbour budget and the new ferry timetable "
             "for the coming summer season.")
    other = ("Rain and strong winds are expected across the northern hills tonight, with snow on "
             "the highest roads by the morning.")
    rows = [(prose, 16, {"terminal": True})] * 4 + [
        ("Storm Warning For The Northern Hills", 6, {}),
        ("By Jane Smith", 3, {"keep": False, "category": "meta"}),
    ] + [(other, 16, {"terminal": True})] * 4
    lines, feats, decisions = zip(*(_line(i, text, text, words, **more) for i, (text, words, more) in enumerate(rows)))
    r = Reader(list(lines), list(feats), list(decisions), frozenset({"the", "and", "on", "to", "for", "with", "by"}))
    kept = [i for i in r.content if decisions[i].keep]
    o = Options()
    topic = topic_profile(r, kept)
    found = boundaries._candidates(r, kept, topic, 0, len(kept), o, False, None)
    assert [g.c for g in found] == [5]  # the first paragraph under the title (kept position 4)
    (g,) = found
    prose_at, cos, depth, _ = topic
    j = prose_at.index(g.c)
    assert gaps(r, kept, [g.c], [cos[j]], [depth[j]], [prose_at[j - 1]], o) == [g]
    assert (g.title, g.opening) == (kept[4], "headed")
    with pytest.raises((OverflowError, TypeError)):
        r.core.gaps([-1], [kept[0]], [kept[1]], [None], [0.0], o.story_above_lines, weights(o))


def test_the_cores_own_unit_tests_pass():
    """The Rust unit tests inside the core's sources (``#[test]``: the one read of a line's
    words and names against the two apart, the XML-forbidden characters) run under
    ``cargo test`` and pass, every one of them."""
    cargo = shutil.which("cargo")
    assert cargo, "cargo (which builds the core) is not on PATH"
    declared = sum(path.read_text(encoding="utf-8").count("#[test]") for path in (ROOT / "rust" / "src").glob("*.rs"))
    run = subprocess.run([cargo, "test", "--release", "--lib", "--quiet"], cwd=ROOT / "rust",
                         capture_output=True, text=True, timeout=1800)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    passed = sum(int(n) for n in re.findall(r"test result: ok\. (\d+) passed", run.stdout))
    assert declared > 0 and passed == declared, run.stdout[-3000:]


def test_the_closeness_of_two_gaps_is_one_test_in_the_core():
    """Two gaps are too close for both to stand when fewer body words lie between them than
    the story before the second must hold: `story_short_words` before a gap that holds the
    next story's whole head, else `story_min_words`; the story finder's Python
    (`boundaries._need`, `boundaries._close`) asks the core's test."""
    from cleaner.stories import boundaries
    from cleaner.stories.evidence import Gap

    assert (_core.story_need(True, 60, 25), _core.story_need(False, 60, 25)) == (25, 60)
    assert _core.story_close(10, 69, False, 60, 25) and not _core.story_close(10, 70, False, 60, 25)
    assert _core.story_close(10, 34, True, 60, 25) and not _core.story_close(10, 35, True, 60, 25)
    o = Options(story_min_words=60, story_short_words=25)

    def gap(c, opening=None):
        return Gap(c, None, opening, 0, 0, False, 0.1, 0.0, 5.0)

    words = [0, 10, 50, 60]
    assert boundaries._close(words, gap(1), gap(3), o)  # 50 words: too few before a plain gap
    assert not boundaries._close(words, gap(1), gap(3, "headed"), o)  # enough before a whole head
    assert boundaries._close(words, gap(2), gap(3, "headed"), o)  # 10 words: too few even so
    assert [boundaries._need(gap(3, k), o) for k in ("headed", "meta", None)] == [25, 60, 60]


def _former_line_key(text: str) -> str:
    """What `cleaner.blocks` compared a line by before the core numbered the keys."""
    return re.sub(r"[\W_]+", " ", text).strip().casefold()


def _hold_line_keys(texts: list[str]) -> None:
    """`_core.line_keys` numbers equal keys alike and only them (0: an empty key), and
    counts the key's words that are not bare numbers, as the former Python did."""
    keys, words = _core.line_keys(columns(segment("\n".join(texts))))
    former = [_former_line_key(line.text) for line in segment("\n".join(texts))]
    assert len(keys) == len(former)
    assert [k == 0 for k in keys] == [not f for f in former]
    for a in range(len(former)):
        assert words[a] == sum(not w.isdigit() for w in former[a].split())
        for b in range(len(former)):
            assert (keys[a] == keys[b]) == (former[a] == former[b])


def test_line_keys_on_tricky_lines():
    _hold_line_keys(["• Read more:", "READ MORE", "read_more", "Read more 2", "²³ Read ½ more 12",
                     "İstanbul", "i̇stanbul", "STRASSE", "straße", "ΣΟΦΟΣ", "σοφος", "σοφοσ",
                     "___", "", "   ", "١٢٣ x", "123 x", "Ⅻ x", "ǅ ǆ", TRICKY.replace("\n", " ")])


@given(st.lists(lines, max_size=6))
def test_line_keys_on_generated_lines(texts):
    _hold_line_keys([t.replace("\n", " ") for t in texts])
