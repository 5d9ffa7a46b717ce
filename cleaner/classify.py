"""Stage 1: a context-free `Decision` for every line.

The first rule that fires decides: blank, catalogue pattern, repeated line, then the
feature rules (jusText's idea: length, stopword density, punctuation).  The feature rules
are declared in `RULES`, each with the options it reads; those declared ``weak`` are
provisional (stage 2, `cleaner.smooth`, decides them from context), those that ``yield``
give way to an extractor's choice (`cleaner.extracted`).
"""

from __future__ import annotations

from .catalogue import Matcher
from .features import strip_bullet
from .options import Options
from .rules import CodeRule, ids
from .types import Decision, Features, Line

#: The rules of this stage that are code (pattern rules are the catalogue's).
RULES = (
    CodeRule("blank", "blank", "an empty line (whitespace only)"),
    CodeRule("feature.duplicate", "duplicate", "repeats an earlier line (headline, summary or teaser)",
             ("duplicate_min_words",), yields=True),
    CodeRule("feature.urls", "boilerplate", "dominated by URLs, e-mail addresses, handles or hashtags",
             ("url_words",), yields=True),
    CodeRule("feature.digits", "boilerplate", "dominated by digits (dates, scores, prices, counters)",
             ("digits_min_ratio", "digits_max_words"), yields=True),
    CodeRule("feature.low_stopwords", "boilerplate", "too few stopwords for prose in the document's language",
             ("prose_min_words", "stopword_density"), weak=True, yields=True),
    CodeRule("feature.prose", "body", "long line with sentence punctuation and enough stopwords",
             ("prose_min_words", "stopword_density", "unpunctuated_prose_factor")),
    CodeRule("feature.no_punctuation", "boilerplate", "long line without sentence punctuation (menu, list of links)",
             ("prose_min_words", "unpunctuated_prose_factor"), weak=True, yields=True),
    CodeRule("feature.sentence", "body", "a complete sentence of moderate length",
             ("sentence_min_words", "stopword_density"), weak=True, yields=True),
    CodeRule("feature.heading", "boilerplate", "heading-like line: short, no end punctuation",
             weak=True, yields=True),
    CodeRule("feature.short", "boilerplate", "short line: left to its neighbours",
             ("prose_min_words",), weak=True, yields=True),
)

#: Initial decisions that context may overturn.
WEAK_RULES = ids(RULES, weak=True)

#: A heading-like line has at most this many words (and at least one) ...
HEADING_MAX_WORDS = 16
#: ... and digits make less than this share of its non-space characters.
HEADING_MAX_DIGITS = 0.3

#: The decision for every blank line.
BLANK = Decision(False, "blank", "blank", "empty line", "classify")


_new_tuple = tuple.__new__


# `tuple.__new__` builds the named tuple without the Python-level call of its constructor.
def _drop(rule: str, category: str, reason: str) -> Decision:
    return _new_tuple(Decision, (False, rule, category, reason, "classify"))


def _keep(rule: str, category: str, reason: str) -> Decision:
    return _new_tuple(Decision, (True, rule, category, reason, "classify"))


def is_heading_like(f: Features) -> bool:
    """Short (`HEADING_MAX_WORDS`), no sentence punctuation, no URL, few digits
    (`HEADING_MAX_DIGITS`)."""
    return (1 <= f.words <= HEADING_MAX_WORDS and not f.terminal and f.urls == 0
            and f.digit_ratio < HEADING_MAX_DIGITS)


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
    if first != line.index and f.words >= options.duplicate_min_words and options.rule_enabled("feature.duplicate"):
        return _drop("feature.duplicate", "duplicate", f"repeats line {first + 1}")
    if f.urls and f.urls * options.url_words >= f.words:
        return _drop("feature.urls", "boilerplate", f"{f.urls} URLs/handles in {f.words} words")
    if f.digit_ratio > options.digits_min_ratio and f.words < options.digits_max_words:
        return _drop("feature.digits", "boilerplate",
                     f"digit ratio {f.digit_ratio:.2f} > {options.digits_min_ratio:.2f}")
    density_ok = (not has_stoplist) or f.stopword_density >= options.stopword_density
    if f.words >= options.prose_min_words:
        if not density_ok:
            return _drop(
                "feature.low_stopwords", "boilerplate",
                f"stopword density {f.stopword_density:.2f} < {options.stopword_density:.2f} ({f.words} words)",
            )
        if f.terminal or f.words >= options.unpunctuated_prose_factor * options.prose_min_words:
            return _keep("feature.prose", "body", f"{f.words} words, stopword density {f.stopword_density:.2f}")
        return _drop("feature.no_punctuation", "boilerplate",
                     f"{f.words} words without sentence punctuation")
    if f.terminal and f.words >= options.sentence_min_words and density_ok:
        return _keep("feature.sentence", "body", f"{f.words}-word sentence, stopword density {f.stopword_density:.2f}")
    if is_heading_like(f):
        return _drop("feature.heading", "boilerplate", f"{f.words} words, no end punctuation")
    return _drop("feature.short", "boilerplate", f"{f.words} words < {options.prose_min_words}")
