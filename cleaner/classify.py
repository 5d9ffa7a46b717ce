"""Stage 1: a context-free `Decision` for every line.

The first rule that fires decides: blank, catalogue pattern, repeated line, then the
feature rules (jusText's idea: length, stopword density, punctuation).  Rules whose id is
in `WEAK_RULES` are provisional: stage 2 (`cleaner.smooth`) decides them from context.
"""

from __future__ import annotations

from .catalogue import Matcher
from .features import strip_bullet
from .options import Options
from .types import Decision, Features, Line

#: Initial decisions that context may overturn.
WEAK_RULES = frozenset(
    {"feature.short", "feature.heading", "feature.sentence", "feature.no_punctuation",
     "feature.low_stopwords"}
)


#: The decision for every blank line.
BLANK = Decision(False, "blank", "blank", "empty line", "classify")


_new_tuple = tuple.__new__


# `tuple.__new__` builds the named tuple without the Python-level call of its constructor.
def _drop(rule: str, category: str, reason: str) -> Decision:
    return _new_tuple(Decision, (False, rule, category, reason, "classify"))


def _keep(rule: str, category: str, reason: str) -> Decision:
    return _new_tuple(Decision, (True, rule, category, reason, "classify"))


def is_heading_like(f: Features) -> bool:
    """Short, no sentence punctuation, mostly capitalised or very short."""
    return 1 <= f.words <= 16 and not f.terminal and f.urls == 0 and f.digit_ratio < 0.3


def classify(
    line: Line, f: Features, matcher: Matcher, options: Options, has_stoplist: bool,
    seen: dict[str, int],
) -> Decision:
    """Decide one line on its own.  ``seen`` maps the case-folded text of earlier lines
    to their index (for repeated lines) and is updated here."""
    if not line.text:
        return BLANK
    body = strip_bullet(line.text)
    rule = matcher.match(body, f.words, options.rule_enabled, options.regex_timeout)
    key = line.text.casefold()
    first = seen.setdefault(key, line.index)
    if rule is not None:
        return _drop(rule.id, rule.category, f"matches {rule.category} pattern ({f.words} words)")
    if first != line.index and f.words >= 3 and options.rule_enabled("feature.duplicate"):
        return _drop("feature.duplicate", "duplicate", f"repeats line {first + 1}")
    if f.urls and f.urls * 3 >= f.words:
        return _drop("feature.urls", "boilerplate", f"{f.urls} URLs/handles in {f.words} words")
    if f.digit_ratio > 0.5 and f.words < 10:
        return _drop("feature.digits", "boilerplate", f"digit ratio {f.digit_ratio:.2f} > 0.50")
    density_ok = (not has_stoplist) or f.stopword_density >= options.stopword_density
    if f.words >= options.prose_min_words:
        if not density_ok:
            return _drop(
                "feature.low_stopwords", "boilerplate",
                f"stopword density {f.stopword_density:.2f} < {options.stopword_density:.2f} ({f.words} words)",
            )
        if f.terminal or f.words >= 3 * options.prose_min_words:
            return _keep("feature.prose", "body", f"{f.words} words, stopword density {f.stopword_density:.2f}")
        return _drop("feature.no_punctuation", "boilerplate",
                     f"{f.words} words without sentence punctuation")
    if f.terminal and f.words >= 3 and density_ok:
        return _keep("feature.sentence", "body", f"{f.words}-word sentence, stopword density {f.stopword_density:.2f}")
    if is_heading_like(f):
        return _drop("feature.heading", "boilerplate", f"{f.words} words, no end punctuation")
    return _drop("feature.short", "boilerplate", f"{f.words} words < {options.prose_min_words}")
