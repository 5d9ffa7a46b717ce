"""The rule registry: every rule id a `Decision` can name, with what it means.

Pattern rules come from the catalogues (`cleaner.catalogue.load_rules`); the rules that
are code are declared, as `cleaner.rules.CodeRule`, by the modules that fire them
(``RULES`` in `cleaner.classify`, `cleaner.extracted`, `cleaner.smooth`,
`cleaner.blocks`, `cleaner.stories`, `cleaner.story_end`, `cleaner.guarantees` and `cleaner.pipeline`).  A rule
fired in several stages (``context.isolated``) is declared by each of their modules, each
declaration saying what fires it there and the options it reads there; the registry
joins them (`cleaner.rules.joined`).  This module sits above all of them (it
imports them; none imports it), so the registry never ties the stages into a circle.
"""

from __future__ import annotations

import functools

from . import blocks, classify, extracted, guarantees, pipeline, smooth, stories, story_end
from .catalogue import load_rules
from .rules import CodeRule, joined

#: The modules that declare code rules, in pipeline order.
DECLARING = (classify, extracted, smooth, blocks, stories, story_end, guarantees, pipeline)


@functools.lru_cache(maxsize=1)
def code_rules() -> tuple[CodeRule, ...]:
    """Every declared code rule, in pipeline order (the declarations of one id by several
    modules joined); an id declared twice by one module raises."""
    rules: dict[str, CodeRule] = {}
    for module in DECLARING:
        here: set[str] = set()
        for rule in module.RULES:
            if rule.id in here:
                raise ValueError(f"rule {rule.id} is declared twice ({module.__name__})")
            here.add(rule.id)
            rules[rule.id] = joined(rules[rule.id], rule) if rule.id in rules else rule
    return tuple(rules.values())


@functools.lru_cache(maxsize=1)
def registry() -> dict[str, str]:
    """Every rule id that can appear in a `Decision` (and ``story.other``), with what it
    means: the code rules' descriptions, then the pattern rules' notes.

    >>> registry()["feature.prose"]
    'long line with sentence punctuation and enough stopwords'
    """
    table = {rule.id: rule.description for rule in code_rules()}
    for rule in load_rules():
        table[rule.id] = rule.note or f"{rule.category} pattern"
    return table
