"""Stage 1: a context-free `Decision` for every line.

The first rule that fires decides: blank, catalogue pattern, repeated line, then the
feature rules (jusText's idea: length, stopword density, punctuation).  The feature rules
are declared in `RULES`, each with the options it reads; those declared ``weak`` are
provisional (stage 2, `cleaner.smooth`, decides them from context), those that ``yield``
give way to an extractor's choice (`cleaner.extracted`).

The whole document is classified in one call of the compiled core
(`cleaner._core.classify_lines`, rust/src/classify.rs), which reads the lines' texts from
the source (`cleaner.storage.Lines.columns`): it measures every line, fires the
feature rules in the order of `RULES` and finds the catalogue rules that pass the gates
(`cleaner.catalogue`).  The core runs the candidates' patterns in order, with the `regex`
crate where that gives the same answer (rust/src/patterns.rs), else with the rule's own
`regex` pattern, called from the core (`_pattern_run`), skipping disabled rules
(`_disabled_positions`): the first candidate that fires decides the line.  Only on a line
that holds a line break or a lone surrogate do the candidates run here, in order, and
the first that fires (and is enabled) replaces the feature rule's decision.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress, count

from . import _core
from .catalogue import matcher
from .features import BULLET_CHARS, EMPTY
from .language import judged_by_letters
from .options import Options, rule_enabled
from .rules import CodeRule, ids
from .storage import columns
from .types import Decision, Features, Line

#: The rules of this stage that are code (pattern rules are the catalogue's).
RULES = (
    CodeRule("blank", "blank", "an empty line (whitespace only)"),
    CodeRule("feature.duplicate", "duplicate", "repeats an earlier line (headline, summary or teaser)",
             ("duplicate_min_words",), yields=True),
    CodeRule("feature.short_repeat", "duplicate",
             "repeats a line at most duplicate_refrain_lines lines above it and has fewer than "
             "duplicate_strong_words words (a refrain, a chant): left to its neighbours as a short line is",
             ("duplicate_min_words", "duplicate_strong_words", "duplicate_refrain_lines"), weak=True, yields=True),
    CodeRule("feature.urls", "boilerplate", "dominated by URLs, e-mail addresses, handles or hashtags",
             ("url_words",), yields=True),
    CodeRule("feature.digits", "boilerplate", "dominated by digits (dates, scores, prices, counters)",
             ("digits_min_ratio", "digits_max_words"), yields=True),
    CodeRule("feature.low_stopwords", "boilerplate", "too few stopwords for prose in the document's language",
             ("prose_min_words", "stopword_density", "own_language_share", "own_language_ratio",
              "own_language_min_words"), weak=True, yields=True),
    CodeRule("feature.prose", "body", "long line with sentence punctuation and enough stopwords",
             ("prose_min_words", "stopword_density", "unpunctuated_prose_factor", "own_language_share",
              "own_language_ratio", "own_language_min_words")),
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

#: The decision for every blank line.
BLANK = Decision(False, "blank", "blank", "empty line", "classify")


_new_tuple = tuple.__new__


# `tuple.__new__` builds the named tuple without the Python-level call of its constructor.
def _drop(rule: str, category: str, reason: str) -> Decision:
    return _new_tuple(Decision, (False, rule, category, reason, "classify"))


def is_heading_like(f: Features, options: Options) -> bool:
    """Short (``heading_max_words``), no sentence punctuation, no URL, few digits
    (``heading_max_digits``).  The feature rule ``feature.heading`` applies the same test
    in the compiled core (``heading_like`` in rust/src/classify.rs, ``Evidence::heading_like`` in
    rust/src/heads.rs); the package does not call it: it is the former Python, kept for
    tests/test_story_core.py, whose oracle holds the core's story boundaries to it."""
    return (1 <= f.words <= options.heading_max_words and not f.terminal and f.urls == 0
            and f.digit_ratio < options.heading_max_digits)


def _params(opts: Options) -> dict:
    """The feature rules' thresholds as the compiled core reads them (with those a reason
    shows, written as Python writes them)."""
    names = ("prose_min_words", "stopword_density", "own_language_share", "own_language_ratio",
             "own_language_min_words", "duplicate_min_words", "url_words",
             "digits_min_ratio", "digits_max_words", "unpunctuated_prose_factor",
             "sentence_min_words", "heading_max_words", "heading_max_digits")
    return {**{name: getattr(opts, name) for name in names},
            "prose_min_words_text": str(opts.prose_min_words),
            "stopword_density_text": f"{opts.stopword_density:.2f}",
            "digits_min_ratio_text": f"{opts.digits_min_ratio:.2f}",
            "duplicate_enabled": opts.rule_enabled("feature.duplicate"),
            "regex_timeout": opts.regex_timeout}


def _gates_for(language: str) -> _core.Gates:
    return matcher(language).core


def _pattern_run(language: str | None, k: int):
    """The test ``fires(body, timeout)`` of rule ``k`` of ``language``'s matcher
    (`cleaner.catalogue.Matcher.pattern_fires`: the run that meets the timeout).  The core
    asks once per matcher rule, and calls it on a line with `Options.regex_timeout`."""
    return matcher(language).pattern_fires(k)


@lru_cache(maxsize=256)
def _disabled_positions(language: str | None, disabled: frozenset[str]) -> tuple[int, ...]:
    """The positions (in ``language``'s matcher, `Matcher.ordered`) of the rules
    ``disabled`` (`Options.disabled_rules`) names, which the core skips; worked out once
    per language and set of disabled rules."""
    return tuple(k for k, rule in enumerate(matcher(language).ordered)
                 if not rule_enabled(disabled, rule.id))


def _disabled_of(options: Options):
    """What the core asks for the disabled rules of a language's matcher (None: no rule
    is disabled)."""
    if not options.disabled_rules:
        return None
    disabled = frozenset(options.disabled_rules)
    return lambda language: _disabled_positions(language, disabled)


#: What the core builds and shares: named tuples (built as `tuple.__new__` does), the
#: objects of every blank line, and the bullets `cleaner.features.strip_bullet` strips.
_KINDS = {"features": Features, "decision": Decision, "empty": EMPTY, "blank": BLANK,
          "bullets": BULLET_CHARS}
assert Features.__base__ is tuple and Decision.__base__ is tuple



def classify_lines(lines: list[Line], language: str | None, options: Options,
                   uncounted: list[bool] | None = None) -> tuple[list[Features], list[Decision]]:
    """The features and the context-free decision of every line of a document in
    ``language`` (``None``: unknown).  Blank lines get the shared `EMPTY` and `BLANK`.
    ``uncounted``: per line, True for a line that counts as no earlier line for the
    repeat rule (``feature.duplicate``): a later line with its text repeats the first
    other line that has it, or none (lines past its end count; None: every line counts).

    Stopword density judges only lines in a script the stoplists cover (a Korean story in
    a dump of English ones is judged as a page of unknown language is).  A sentence (or a
    line of more than `Options.own_language_min_words` words, too long for a teaser cut
    mid-sentence, which the story stage judges: ``story.teaser_language``) with few of the
    page's stopwords (less than `Options.own_language_share` of the density
    prose needs) is measured, and matched, in its own language when that one's stopwords
    make it prose, at least `Options.own_language_ratio` times as dense as the page's: a
    quote, a paragraph or a story in a second language is text; a notice in a second
    language still meets that language's rules, and its reason says so.

    >>> from cleaner.segment import segment
    >>> page = ("The minister said on Tuesday that the new budget for the schools of the "
    ...         "region would be presented to the council in the spring. ") * 2
    >>> quote = "Die Regierung hat die Pläne für den Haushalt der Schulen im Frühjahr vorgestellt."
    >>> feats, initial = classify_lines(segment(page + "\\n" + quote), "en", Options())
    >>> initial[-1].reason
    '13 words, stopword density 0.62; judged as de'
    """
    feats, initial, _ = _stage_one(lines, language, options, uncounted)
    return feats, initial


def classify_page(lines: list[Line], language: str | None, options: Options,
                  uncounted: list[bool] | None = None) -> tuple[list[Features], list[Decision]]:
    """`classify_lines`, with the short repeats close to the line they repeat weakened
    (`weaken_short_repeats`): stage 1 as the pipeline runs it.

    >>> from cleaner.segment import segment
    >>> text = "The council met on Monday and agreed to rebuild the old pier before the summer."
    >>> feats, initial = classify_page(segment(text), "en", Options())
    >>> feats[0].words, initial[0].keep, initial[0].rule
    (15, True, 'feature.prose')
    """
    feats, initial, repeats = _stage_one(lines, language, options, uncounted)
    weaken_short_repeats(feats, initial, repeats, options)
    return feats, initial


def _stage_one(lines: list[Line], language: str | None, options: Options,
               uncounted: list[bool] | None) -> tuple[list[Features], list[Decision], dict[Decision, int]]:
    """`classify_lines`' features and decisions, and the index of the line each
    ``feature.duplicate`` decision repeats, by decision (the core's ``repeats``)."""
    match = matcher(language)
    feats, initial, pending, repeats = _core.classify_lines(
        columns(lines), language, match.core, _params(options), _KINDS, judged_by_letters,
        _gates_for, _pattern_run, _disabled_of(options), uncounted)
    same_drops: dict[Decision, Decision] = {}  # equal decisions are one object (the core's are)
    for i, candidates, own in pending:
        rule = _pattern_rule(lines[i].text, candidates, match if own is None else matcher(own), options)
        if rule is not None:
            reason = f"matches {rule.category} pattern ({feats[i].words} words)"
            drop = _drop(rule.id, rule.category, reason if own is None else f"{reason}; judged as {own}")
            initial[i] = same_drops.setdefault(drop, drop)
    return feats, initial, repeats


def weaken_short_repeats(feats: list[Features], initial: list[Decision], repeats: dict[Decision, int],
                         options: Options) -> None:
    """Turn a repeat (``feature.duplicate``) of fewer than `Options.duplicate_strong_words`
    words that comes at most `Options.duplicate_refrain_lines` lines after the line it
    repeats (``repeats``: its index, by decision, as the compiled core gives it) into
    ``feature.short_repeat``, a weak drop the context rules judge as they judge a short
    line: a refrain or a chant repeated at once stays with the story around it; a label
    said again further down the page is still a repeat.  Applied by `classify_page` (the
    distance is the page's, masked lines included)."""
    strong, near = options.duplicate_strong_words, options.duplicate_refrain_lines
    weak = None
    # the ``feature.duplicate`` lines, found in one pass in C: the decisions ``repeats`` holds
    # are the core's ``feature.duplicate`` decisions, and only they
    for i in compress(count(), map(repeats.__contains__, initial)) if repeats else ():
        d = initial[i]
        if feats[i].words < strong and i - repeats[d] <= near:
            if weak is None:
                weak = _drop("feature.short_repeat", "duplicate",
                             f"repeats a line at most {near} lines above, under {strong} words")
            initial[i] = weak


def _pattern_rule(text: str, candidates, match, options: Options):
    """The first of the ``candidates`` (catalogue rules the gates let through, and the
    core did not rule out) that is enabled and fires on the line, or None."""
    body = text.lstrip(BULLET_CHARS) if text[:1] in BULLET_CHARS else text  # strip_bullet
    return match.run(body, candidates, options.rule_enabled, options.regex_timeout)
