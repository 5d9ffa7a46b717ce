"""Pattern catalogues: rules kept as data, loaded, checked and matched.

Rules live as data in ``cleaner/patterns/<language>/<category>.toml`` (the format: `load`).
`load` reads and checks the rule files (`load_rules`, `CatalogueError`,
`SlowRuleWarning`), `match` finds the rule that fires on a line (`matcher`, `Matcher`),
`lookup` reads a rule's properties by its id (`is_pattern_rule`, `opens_section`,
`is_overlay`); `match` and `lookup` import `load` and nothing else of the package, and
this module gathers the public names of the three.
"""

from __future__ import annotations

from .load import (
    PATTERN_CATEGORIES,
    CatalogueError,
    Rule,
    SlowRuleWarning,
    languages,
    load_directory,
    load_language,
    load_rules,
)
from .lookup import is_overlay, is_pattern_rule, opens_section
from .match import Matcher, checked_gate, fires_within, matcher, matcher_sets, prebuilt_content, prebuilt_inputs

__all__ = [
    "PATTERN_CATEGORIES", "CatalogueError", "Matcher", "Rule", "SlowRuleWarning", "checked_gate",
    "fires_within", "is_overlay", "is_pattern_rule", "languages", "load_directory", "load_language",
    "load_rules", "matcher", "matcher_sets", "opens_section", "prebuilt_content", "prebuilt_inputs",
]
