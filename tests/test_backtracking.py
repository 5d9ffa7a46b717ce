"""Which catalogue patterns run without the timeout (`cleaner.backtracking.linear`), and
that the others keep it (`cleaner.catalogue.Matcher.pattern_fires`)."""

import time

import pytest

from cleaner import catalogue
from cleaner.backtracking import linear
from cleaner.catalogue import Matcher, Rule, fires_unguarded, fires_within

SAFE = [
    r"^share\s+(?:this|on)\s+\w+$",      # unbounded repeats fenced by words they cannot take
    r"^\w+\s+\w+$",                       # adjacent, but of kinds that do not overlap
    r"^[/@][\w.]{2,30}$",                 # a bounded repeat
    r"(?:^|\s)via\s+\S+$",                # one unbounded repeat after an alternation
]
UNSAFE = {
    r"^(?:\w+\s?)+$": "a repeat inside a repeated group",
    r"^(?:a|aa)+$": "an alternation inside a repeated group",
    r"\s*\s+x": "adjacent unbounded repeats that take the same characters",
    r".*a.*b": "unbounded repeats with only characters the first takes between them",
    r"(\w+)\s+\1": "a back-reference",
    r"^\X+$": "syntax the standard library's parser does not read",
    r"(?=\w+\w+)x": "overlapping unbounded repeats inside a lookahead",
}


@pytest.mark.parametrize("pattern", SAFE)
def test_patterns_that_cannot_backtrack_catastrophically_are_linear(pattern):
    assert linear(pattern)


@pytest.mark.parametrize("pattern", sorted(UNSAFE))
def test_patterns_that_may_backtrack_catastrophically_are_not(pattern):
    assert not linear(pattern), UNSAFE[pattern]


def _matcher(pattern, example):
    rule = Rule(id="xx.ui.test", language="xx", category="ui", pattern=pattern,
                examples=(example,))
    return Matcher((rule,))


def test_a_linear_rule_runs_without_the_timeout():
    m = _matcher(SAFE[0], "share on facebook")
    test = m.pattern_fires(0)
    assert test.func is fires_unguarded
    assert test("share on facebook", 0.05) and not test("share it", 0.05)


def test_a_catastrophic_rule_keeps_the_timeout():
    """``^(?:a|aa)+$`` takes exponential time on a run of a's that ends otherwise: the
    guarded run stops at the timeout and does not fire."""
    m = _matcher(r"^(?:a|aa)+$", "aaaa")
    test = m.pattern_fires(0)
    assert test.func is fires_within
    start = time.process_time()
    assert not test("a" * 40 + "b", 0.05)
    assert time.process_time() - start < 2.0
    assert m.match("a" * 40 + "b", 1, lambda rid: True, 0.05) is None
    assert m.match("aaaa", 1, lambda rid: True, 0.05) is m.ordered[0]


#: Long lines made to make a pattern backtrack: runs of one kind of character, and of
#: kinds alternating.
_HOSTILE = ["a" * 3000, " " * 3000, "a " * 1500, ". " * 1500, "Aa1 .,-" * 430, "ab" * 1500 + "!"]


def test_linear_catalogue_patterns_are_quick_on_hostile_lines():
    """Every catalogue pattern held linear searches each hostile line of 3,000 characters
    within a bound far under the timeout (0.05 s) without one."""
    rules = [r for r in catalogue.load_rules() if linear(r.pattern)]
    assert rules
    for rule in rules:
        for line in _HOSTILE:
            start = time.process_time()
            rule.compiled.search(line)
            assert time.process_time() - start < 0.02, rule.id


def test_the_shipped_cache_holds_each_rules_flag():
    """A matcher reads the flag of a catalogue rule from the shipped cache (its analysis
    costs more than a hundred runs of the pattern); it is `linear` of the rule's pattern."""
    rules = catalogue.load_rules()
    assert all("linear" in catalogue._prebuilt(r.language)[r.key] for r in rules)
    assert [catalogue._linear(r) for r in rules] == [linear(r.pattern) for r in rules]
