"""Every catalogue rule runs in the compiled core.

A rule whose pattern the core cannot run (rust/src/patterns.rs refuses a lookaround, a
back-reference, an atomic group ...) runs in Python on every line it is a candidate on:
one such rule once tripled the CPU time of a document of a million short lines.  The
core names such rules (`cleaner.catalogue.Matcher.python_rules`), the loader warns about
them (`cleaner.catalogue.SlowRuleWarning`), and the shipped catalogues hold none: a rule
that would exclude something with a lookaround spells it out (the starts that are not "de
sang", the word after a comma read until it is known to be no reporting verb).
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import pytest

from cleaner.catalogue import Matcher, SlowRuleWarning, load_directory, load_rules, matcher


@lru_cache(maxsize=1)
def _in_python() -> frozenset[str]:
    """The shipped rules the core leaves to Python (the matcher of every catalogue)."""
    return frozenset(matcher(None).python_rules)


@pytest.mark.parametrize("rule_id", [r.id for r in load_rules()])
def test_the_core_runs_every_shipped_rule(rule_id):
    assert rule_id not in _in_python()


def _catalogue(tmp_path, rules: str):
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "ui.toml").write_text(rules, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = load_directory(tmp_path)
    return loaded, [w for w in caught if issubclass(w.category, SlowRuleWarning)]


def _rule(rule_id: str, pattern: str, example: str, counterexample: str | None = None) -> str:
    """One catalogue rule written as a TOML table."""
    counter = f"counterexamples = [{counterexample!r}]\n" if counterexample else ""
    return f"[[rules]]\nid = {rule_id!r}\npattern = '{pattern}'\nexamples = [{example!r}]\n{counter}"


PLAIN = _rule("xx.ui.plain", r"^close\s+window$", "Close window")
LOOKAHEAD = _rule("xx.ui.ahead", r"^close(?!\s+the\s+door)\s+\w+$", "Close window", "Close the door")
LOOKBEHIND = _rule("xx.ui.behind", r"^share\s*(?<=\s)\w+$", "Share this", "Shared")


@pytest.mark.parametrize("slow", [LOOKAHEAD, LOOKBEHIND])
def test_the_loader_warns_about_a_rule_the_core_cannot_run_and_the_matcher_names_it(tmp_path, slow):
    rules, warned = _catalogue(tmp_path, PLAIN + slow)
    assert [r.id for r in rules] == ["xx.ui.plain", rules[1].id]
    assert len(warned) == 1 and rules[1].id in str(warned[0].message)
    assert Matcher(rules).python_rules == (rules[1].id,)


def test_a_rule_the_core_runs_loads_without_a_warning(tmp_path):
    rules, warned = _catalogue(tmp_path, PLAIN)
    assert warned == [] and Matcher(rules).python_rules == ()
