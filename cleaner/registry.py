"""The rule registry: every rule id a `Decision` can name, with what it means.

Pattern rules come from the catalogues (`cleaner.catalogue.load_rules`); the rules that
are code are declared by the modules that fire them.  This module sits above all of them
(it imports them; none imports it), so the registry never ties the stages into a circle.
"""

from __future__ import annotations

import functools

from .catalogue import BUILTIN_RULES, load_rules
from .extracted import RULES as EXTRACTED_RULES


@functools.lru_cache(maxsize=1)
def registry() -> dict[str, str]:
    """Every rule id that can appear in a `Decision`, with what it means."""
    table = dict(BUILTIN_RULES) | EXTRACTED_RULES
    for rule in load_rules():
        table[rule.id] = rule.note or f"{rule.category} pattern"
    return table
