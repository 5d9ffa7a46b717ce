"""Pattern catalogues: rules kept as data, loaded, checked and matched.

Rules live as data in ``cleaner/patterns/<language>/<category>.toml`` (``common`` holds
language-independent rules).  Each file is a list of ``[[rules]]`` tables::

    [[rules]]
    id = "en.share.short_url"        # <language>.<category>.<name>, unique
    pattern = '^short\\s*url$'        # `regex` syntax, searched case-insensitively in the
                                      # normalised line with any list bullet stripped
    max_words = 3                     # optional guards: min_words, max_words
    case_sensitive = false            # optional
    section = false                   # optional: the line opens a section that is not
                                      # article text (a related list, comments); the main
                                      # text does not extend past it
    overlay = false                   # optional: the line is a banner laid over the page
                                      # (a cookie notice), not its frame: never a footer
                                      # line whatever its category, furniture only when
                                      # its category is (`cleaner.extracted`)
    examples = ["Short Url"]          # must fire (guards included)
    counterexamples = ["Use a short url in your post."]   # must not fire
    note = "why the rule is shaped this way"

A pattern that starts with ``^`` is tried at the start of the line only (so every
alternative of such a pattern must be anchored); others are searched anywhere.

`load` reads and checks the rule files (`load_rules`, `CatalogueError`,
`SlowRuleWarning`), `match` finds the rule that fires on a line (`matcher`, `Matcher`),
`lookup` reads a rule's properties by its id (`is_pattern_rule`, `opens_section`,
`is_overlay`).  Each imports only the one before it; this module gathers their public names.
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
