"""Declared rules: the rules that are code, each declared next to the code that fires it.

A pattern rule is data (`cleaner.catalogue`); a feature, context, story or HTML rule is a
few lines of code in the stage that applies it.  Each such rule is declared there as a
`CodeRule`: its id (the key a `Decision` names), the category of the decisions it makes,
a one-line description, and the `Options` fields it reads (its thresholds: each field
has a default and a unit, see `cleaner.options`).  `cleaner.registry` gathers the
declarations of every stage and the catalogues into one table.

>>> rule = CodeRule("feature.prose", "body", "long line with sentence punctuation and enough stopwords",
...                 options=("prose_min_words", "stopword_density"))
>>> rule.id, rule.weak
('feature.prose', False)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CodeRule:
    """A rule that is code.

    ``weak``: a stage-1 decision that is provisional (the context rules of
    `cleaner.smooth` decide the line from its neighbours); ``yields``: a stage-1 decision
    that gives way to an extractor's choice in extracted text (`cleaner.extracted`).
    """

    id: str
    category: str
    description: str
    options: tuple[str, ...] = ()
    weak: bool = False
    yields: bool = False


def joined(first: CodeRule, then: CodeRule) -> CodeRule:
    """One rule from its declarations by two stages (each says what fires it there):
    the descriptions joined, the options of both; ``ValueError`` when they disagree on
    the category or the flags.

    >>> joined(CodeRule("a", "x", "near", ("r",)), CodeRule("a", "x", "far", ("g", "r"))).options
    ('r', 'g')
    """
    if (first.id, first.category, first.weak, first.yields) != (then.id, then.category, then.weak, then.yields):
        raise ValueError(f"rule {then.id} is declared twice, unlike ({first} and {then})")
    options = first.options + tuple(o for o in then.options if o not in first.options)
    return CodeRule(first.id, first.category, f"{first.description}; {then.description}", options,
                    first.weak, first.yields)


def ids(rules, **flags) -> frozenset[str]:
    """The ids of the rules whose flags (``weak``, ``yields``) are all as given.

    >>> ids([CodeRule("a", "x", "", weak=True), CodeRule("b", "x", "")], weak=True)
    frozenset({'a'})
    """
    return frozenset(r.id for r in rules if all(getattr(r, k) == v for k, v in flags.items()))
