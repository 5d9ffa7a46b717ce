"""The catalogue matcher (`cleaner.catalogue.Matcher`) and its gates (`cleaner.prefilter`).

The matcher must return exactly what trying every rule on its own would: the first rule,
in its documented order (rules whose pattern starts with ``^`` first, then catalogue
order), whose guard passes, that is enabled and that fires (`Rule.fires`).  That is
checked against that brute force on every rule's examples and counterexamples, on strings
made from them (other case, other whitespace, Unicode look-alikes, other digits, bullets,
concatenations, cuts), on every line of the labelled seeds and of the text dumps
(inscriptis) of the scrapinghub development pages, for several rule sets and with rules
disabled.  The gates' soundness rests on properties of case folding, whitespace and digit
classes that are checked here over all of Unicode.
"""

from __future__ import annotations

import gzip
import random
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
import regex

from cleaner.catalogue import Matcher, Rule, load_rules, matcher
from cleaner.features import strip_bullet
from cleaner.fold import fold, fold_line, other_digits
from cleaner.pattern_syntax import MAX_RANGE, children, prepare, sre_constants, sre_parse
from cleaner.prefilter import NO_GATE, gate

ROOT = Path(__file__).resolve().parent.parent
RULES = load_rules()
LANGUAGES = (None, "en", "de", "fr")


# ----------------------------------------------------------------- texts to check

def _variants(text: str) -> list[str]:
    """Strings made from one example: ones that should still fire, and near misses."""
    out = [
        text.upper(), text.lower(), text.title(), text.swapcase(),
        "• " + text, "- " + text, "+ " + text, "  " + text + " \t",
        text + ".", text + " more words here", "Also " + text, text[:-1], text[1:],
        text.replace(" ", "\u00a0"), text.replace(" ", "  "), text.replace(" ", "\t"),
        text.replace("i", "\u0130"), text.replace("k", "\u212a"), text.replace("s", "\u017f"),
        text.replace("ss", "\u00df"), text + "\n", text + " \U000e0080", "\u200e" + text,
    ]
    if any(c.isdigit() for c in text):
        for zero in (0x0660, 0x0966, 0xFF10, 0x116D0):  # Arabic-Indic, Devanagari, full-width, newer
            out.append("".join(chr(zero + int(c)) if c in "0123456789" else c for c in text))
    return out


@lru_cache(maxsize=1)
def generated_texts() -> tuple[str, ...]:
    examples = sorted({t for r in RULES for t in (*r.examples, *r.counterexamples)})
    texts = set(examples)
    rng = random.Random(20240611)
    for text in examples:
        variants = _variants(text)
        texts.update(rng.sample(variants, min(len(variants), 6)))
    for _ in range(600):
        a, b = rng.sample(examples, 2)
        texts.add(a + " " + b)
        texts.add(a + " | " + b)
    alphabet = sorted({c for t in examples for c in t})
    for _ in range(600):
        texts.add("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))))
    texts.update([
        "", " ", "\t", "\u00a0", "x", "1", "©", "+", "•", "|", "/", "\ud800", "a\udc80b",
        "Share \ud83d\ude00", "a" * 5000, "Read more " * 400, "1 2 3 " * 300,
        "Copyright \u00a9 2020 " + "x" * 3000,
    ])
    return tuple(sorted(texts))


def _seed_lines() -> list[str]:
    lines = []
    for path in sorted((ROOT / "corpus" / "seeds").glob("*.txt")):
        lines.extend(path.read_text(encoding="utf-8").splitlines())
    return lines


@lru_cache(maxsize=1)
def dump_lines() -> tuple[str, ...]:
    """Every line of the seeds; a sample of the lines of the scrapinghub development
    pages' text dumps (every other distinct line, normalised or raw)."""
    inscriptis = pytest.importorskip("inscriptis")
    from cleaner.segment import segment

    lines = set(_seed_lines())
    pages = sorted((ROOT / "corpus" / "scrapinghub-dev" / "html").glob("*.html.gz"))
    assert pages, "the scrapinghub development pages are missing"
    for path in pages:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            text = inscriptis.get_text(f.read())
        lines.update(line.text for line in segment(text))
        lines.update(text.splitlines()[::7])  # raw, not normalised
    return tuple(sorted(lines))[::2]


# ----------------------------------------------------------------- brute force

@lru_cache(maxsize=None)
def _firing(text: str) -> frozenset[str]:
    """Ids of every catalogue rule that fires on ``text`` on its own: `Rule.fires`, with
    the bullet stripped and words counted once for all rules."""
    body = strip_bullet(text)
    words = len(body.split())
    return frozenset(r.id for r in RULES if r.guard(words) and r.compiled.search(body))


def test_brute_force_is_rule_fires():
    texts = generated_texts()[::50]
    assert [_firing(t) for t in texts] == [
        frozenset(r.id for r in RULES if r.fires(t)) for t in texts]


def _check(m: Matcher, texts, enabled=lambda rule_id: True) -> None:
    bad = []
    for text in texts:
        body = strip_bullet(text)
        firing = _firing(text)
        expected = next((r for r in m.ordered if r.id in firing and enabled(r.id)), None)
        got = m.match(body, len(body.split()), enabled, None)
        if got is not expected:
            bad.append((text[:80], got and got.id, expected and expected.id))
    assert not bad, f"{len(bad)} lines differ from rule-by-rule matching, e.g. {bad[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_matcher_order_is_anchored_rules_then_the_rest_in_catalogue_order(language):
    m = matcher(language)
    assert m.rules == tuple(r for r in RULES if r in m.rules)  # catalogue order
    assert m.ordered == (
        *(r for r in m.rules if r.pattern.startswith("^")),
        *(r for r in m.rules if not r.pattern.startswith("^")),
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_rule_keeps_its_gate(language):
    """A gate that turned away one of its rule's own examples would mean a bug in the
    analysis; the matcher then runs that rule ungated, and this test says so."""
    assert matcher(language).ungated == ()


@pytest.mark.parametrize("language", LANGUAGES)
def test_matcher_agrees_with_rule_by_rule_on_examples_and_generated_strings(language):
    _check(matcher(language), generated_texts())


@pytest.mark.parametrize("language", ["en", "de"])
def test_matcher_agrees_with_rule_by_rule_on_seed_and_dump_lines(language):
    _check(matcher(language), dump_lines())


def test_matcher_agrees_with_rule_by_rule_when_rules_are_disabled():
    m = matcher(None)
    off = {r.id for r in RULES[::3]}
    texts = generated_texts()[::3] + dump_lines()[::4]
    _check(m, texts, lambda rule_id: rule_id not in off)
    _check(m, texts, lambda rule_id: not rule_id.startswith(("common.", "en.nav.")))


def test_matcher_returns_the_first_rule_that_fires_in_its_order():
    rules = tuple(
        Rule(id=f"en.nav.r{i}", language="en", category="nav", pattern=p, examples=("x",))
        for i, p in enumerate([r"menu", r"^main menu$", r"^main", r"^other"])
    )
    m = Matcher(rules)
    assert [r.id for r in m.ordered] == ["en.nav.r1", "en.nav.r2", "en.nav.r3", "en.nav.r0"]
    assert m.match("Main menu", 2, lambda _: True, None).id == "en.nav.r1"
    assert m.match("Main menu", 2, lambda rid: rid != "en.nav.r1", None).id == "en.nav.r2"
    assert m.match("Main menu", 2, lambda rid: rid == "en.nav.r0", None).id == "en.nav.r0"
    assert m.match("The menu", 2, lambda _: True, None).id == "en.nav.r0"
    assert m.match("Nothing", 1, lambda _: True, None) is None


def test_pattern_run_is_match_for_a_rule_anchored_at_the_start_else_search():
    """`Matcher.pattern_run` (used by `Matcher.run` and the core's runs,
    `cleaner.classify._pattern_run`) binds ``match`` to anchored rules, ``search`` to others."""
    from cleaner import classify
    rules = tuple(Rule(id=f"en.nav.p{i}", language="en", category="nav", pattern=p, examples=("main menu",))
                  for i, p in enumerate([r"menu", r"^main"]))
    m = Matcher(rules)
    assert [r.id for r in m.ordered] == ["en.nav.p1", "en.nav.p0"]
    assert m.pattern_run(0) == m.ordered[0].compiled.match
    assert m.pattern_run(1) == m.ordered[1].compiled.search
    assert m.pattern_run(1)("the menu") is not None and m.pattern_run(0)("the main") is None
    real = matcher("en")
    assert all(classify._pattern_run("en", k).args == (real.pattern_run(k),) for k in range(len(real.ordered)))


def test_word_guards_apply_before_any_pattern():
    rule = Rule(id="en.ui.r", language="en", category="ui", pattern=r"^close\b",
                min_words=2, max_words=3, examples=("Close it",))
    m = Matcher((rule,))
    assert m.match("Close", 1, lambda _: True, None) is None
    assert m.match("Close it", 2, lambda _: True, None) is rule
    assert m.match("Close it now", 3, lambda _: True, None) is rule
    assert m.match("Close it now please", 4, lambda _: True, None) is None


def test_a_pattern_that_times_out_does_not_fire_and_the_next_rule_still_can():
    slow = Rule(id="en.ui.slow", language="en", category="ui", pattern=r"^(?:a|a)+$",
                examples=("aaa",))
    other = Rule(id="en.ui.other", language="en", category="ui", pattern=r"a!$",
                 examples=("a!",))
    m = Matcher((slow, other))
    hostile = "a" * 40 + "!"
    assert m.match(hostile, 1, lambda _: True, 0.01) is other
    assert m.match(hostile, 1, lambda rid: rid != "en.ui.other", 0.01) is None


# ----------------------------------------------------------------- the gates

def test_gate_of_an_anchored_pattern_has_its_starts_and_ends():
    g = gate(r"^(?:read|see)\s+more\s*[:.]?$")
    assert g.anchored
    assert {"read more".startswith(p) or "see more".startswith(p) for p in g.prefixes} == {True}
    assert {"read more".endswith(s) or "see more".endswith(s) or s in ":." for s in g.suffixes} == {True}
    assert g.admits("Read more:") and g.admits("SEE\u00a0 MORE")
    assert not g.admits("Read this") and not g.admits("Please read more")


def test_gate_of_a_floating_pattern_has_required_strings_only():
    g = gate(r"\ball\s+rights\s+reserved\b")
    assert not g.anchored and g.prefixes is None and g.suffixes is None
    assert g.literals and all(s in "all rights reserved" for s in g.literals)
    assert g.admits("Copyright 2020. ALL RIGHTS\tRESERVED.")
    assert not g.admits("All the rights reserved")


def test_an_unanchored_alternative_makes_a_pattern_floating():
    g = gate(r"^menu$|sections")
    assert not g.anchored and g.prefixes is None


@pytest.mark.parametrize("pattern", [r"^share(?:\s|(?<=e)){1,3}$", r"^share(?:(?>\s)){2,3}$"])
def test_a_line_end_is_read_past_any_group_of_whitespace_only(pattern):
    """A branch or an atomic group that only matches whitespace (or nothing) is passed over
    like a whitespace class when reading how a line ends, repeated or not."""
    g = gate(pattern)
    assert g.suffixes == {"share"}
    assert g.admits("Share \t") and not g.admits("share it")


def test_digits_are_assumed_ascii_only_where_the_line_has_no_other_digits():
    g = gate(r"^\d{1,2}:\d{2}$")
    assert g.digits and g.prefixes
    assert not g.admits("ab:cd")
    assert g.admits("\u0661\u0662:\u0663\u0664")  # Arabic-Indic digits: no condition
    assert other_digits(fold("\u0661")) and not other_digits(fold("12 \u00e9"))


def test_the_core_gives_a_digit_rule_back_where_the_line_may_hold_other_digits():
    """The core's scan for other digits (rust/src/gates.rs `other_digits`, which decodes
    only the characters of two bytes or more) against `cleaner.fold.other_digits`, with
    the digit or the letter at every offset: a rule whose required string is the digit 1
    (taken for any decimal digit) passes a line without it only if it may hold another."""
    from cleaner import _core

    core = _core.Gates(1, [[0]], [], 4, lambda start: [], (["1"], [0]), ([], []), ([], []), [0])
    marks = ("\u0661", "\u0967", "\U0001d7d9", "\u00e9", "\u2019", "\u4e00", "x", "\u00b2")
    for mark in marks:
        for before in range(12):
            for after in ("", " \u00fc", " z"):
                line = "\u00e0" * (before % 3) + "a" * before + mark + after
                folded = fold(line)
                want = [0] if "1" in folded or other_digits(folded) else []
                assert core.candidates(line, line.casefold(), len(line.split())) == want, line


@pytest.mark.parametrize("pattern", [
    r"^[[:alpha:]]+$",            # POSIX class: literal characters to the stdlib parser
    r"^(?:share){e<=1}$",         # fuzzy matching
    r"^\X$", r"^a\Kb$", r"(?m)^menu$", r"(?x)^ menu $", r"^\L<words>$",
])
def test_syntax_only_regex_knows_gets_no_gate(pattern):
    assert gate(pattern) == NO_GATE


def test_unicode_property_classes_are_any_character():
    g = gate(r"^(?-i:\p{Lu})[\p{L}.]+\s+(?:on|auf)\s+facebook$")
    assert g.anchored and g.prefixes is None
    assert g.suffixes == {"facebook"} or all("facebook".endswith(s) for s in g.suffixes)


# ----------------------------------------------------------------- Unicode facts the gates rest on

@lru_cache(maxsize=1)
def _all_characters() -> str:
    return "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def pattern_chars(pattern: str) -> set[str]:
    """Every character a gate of ``pattern`` may compare with: the literal characters and
    the members of enumerated classes (those of lookarounds too)."""
    text = prepare(pattern)
    if text is None:
        return set()
    out: set[str] = set()

    def walk(items) -> None:
        for op, av in items:
            if op is sre_constants.LITERAL:
                out.add(chr(av))
            elif op is sre_constants.IN:
                for o, a in av:
                    if o is sre_constants.LITERAL:
                        out.add(chr(a))
                    elif o is sre_constants.RANGE and a[1] - a[0] <= MAX_RANGE:
                        out.update(map(chr, range(a[0], a[1] + 1)))
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                walk(av[1])
            else:
                for sub in children(op, av) or ():
                    walk(sub)

    try:
        walk(sre_parse.parse(text, re.IGNORECASE))
    except (re.error, RecursionError, OverflowError, ValueError):
        return set()
    return out


def _used_characters() -> set[str]:
    chars = set()
    for rule in RULES:
        chars |= pattern_chars(rule.pattern)
    return chars


def test_characters_that_match_each_other_ignoring_case_fold_alike():
    """`regex` (simple case folding) matches a pattern character ``c`` with a text
    character ``d`` only if `fold` maps both to the same string, or ``d`` makes a line
    exotic (`fold_line`: no gate turns it away), as a character newer than Python's
    Unicode database does, which a newer `regex` may case-fold."""
    everything = _all_characters()
    bad = []
    for c in sorted(_used_characters()):
        for d in regex.findall(regex.escape(c), everything, flags=regex.IGNORECASE | regex.V0):
            if fold(d) != fold(c) and not (c.isspace() and d.isspace()) and not fold_line(d)[1]:
                bad.append((c, d))
    assert not bad, bad[:20]


def test_characters_python_does_not_know_make_a_line_exotic():
    unassigned = "\U000e0080"  # unassigned in every Unicode version so far
    assert unicodedata.category(unassigned) == "Cn"
    assert fold_line("Share " + unassigned) == ("share " + unassigned, True)
    assert fold_line("Share\u00a0this\t") == ("share this ", False)
    assert fold_line("Teilen \u2019") == ("teilen \u2019", False)
    # An exotic line meets every rule its word count allows.
    m = matcher("en")
    line = "Read more " + unassigned
    body = strip_bullet(line)
    assert m.match(body, 3, lambda _: True, None) is next(
        (r for r in m.ordered if r.fires(line)), None)


def test_whitespace_and_digit_classes_are_what_fold_and_other_digits_assume():
    everything = _all_characters()
    regex_space = set(regex.findall(r"\s", everything))
    assert all(c.isspace() for c in regex_space)  # str.rstrip removes them
    assert regex_space <= set(re.findall(r"\s", everything))  # fold collapses them
    assert all(fold(c) == " " for c in regex_space)
    assert not [c for c in everything if not c.isspace() and any(x.isspace() for x in fold(c))]
    regex_digits = set(regex.findall(r"\d", everything))
    assert {c for c in regex_digits if c.isascii()} == set("0123456789")
    assert {c for c in regex_digits if not other_digits(c)} == set("0123456789")
