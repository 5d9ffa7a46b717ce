"""Pattern catalogues: finding the rule that fires on a line.

A `Matcher` finds the rule that fires on a line among the rules of a language set: cheap
conditions that every line a rule fires on meets (its word guards and its gate, derived
from the pattern: `cleaner.prefilter`), tested in the compiled core, leave a few
candidates, and each of those runs its own compiled pattern, in matching order, until one
fires.  A matcher's inputs (and each rule's checked gate) are shipped prebuilt
(`cleaner.gatecache`, written by ``python -m cleaner.prebuild``) and used while the rules,
and the code that works them out (this module), are as they were when it was built.
"""

from __future__ import annotations

import functools
import json
import math

from .. import _core, gatecache
from ..features import strip_bullet
from ..prefilter import NO_GATE, Gate, gate
from .load import (
    PREBUILT_EXTRA,
    START_CHARS,
    Rule,
    catalogue_dirs,
    catalogue_languages,
    language_rules,
    languages,
    load_rules,
)

# Which required strings a matcher looks for (`Matcher._literals`): a speed heuristic (a
# short string is in so many lines that finding it costs more than it saves), not what a
# rule decides.
#: Required strings of this many characters or more are always looked for.
_ALWAYS_LOOKED_FOR_CHARS = 4
#: Required strings of this many characters are looked for when the rule's known starts
#: are short (`_SHORT_START_CHARS` characters or fewer).
_SHORT_LOOKED_FOR_CHARS = 3
_SHORT_START_CHARS = 2
#: A required string of this many letters or digits (or one ASCII character) is in many
#: lines (`_weak`).
_WEAK_CHARS = 2


def _weak(strings: frozenset[str]) -> bool:
    """Are these required strings likely in many lines (one ASCII character, or
    `_WEAK_CHARS` letters or digits)?"""
    return any((len(s) == 1 and s.isascii()) or (len(s) == _WEAK_CHARS and s.isalnum())
               for s in strings)


#: Seconds a partial match of `_could_start` may run (one that runs out counts as a
#: possible start).
_PARTIAL_TIMEOUT = 0.1


def _by_words(rules) -> list[list[int]]:
    """The positions of the rules whose guards admit each word count (`Rule.word_range`,
    as `Rule.guard` reads it), up to one past the largest finite bound (the last list
    stands for every larger count)."""
    ranges = [r.word_range for r in rules]
    cap = max([0] + [b for bounds in ranges for b in bounds if b != math.inf]) + 1
    by_words: list[list[int]] = [[] for _ in range(cap + 1)]
    for i, (least, most) in enumerate(ranges):
        for w in range(max(math.ceil(least), 0), math.floor(min(most, cap)) + 1):
            by_words[w].append(i)
    return by_words


def _members(strings_of_rule) -> list[list]:
    """Sets of strings, one set (or ``None``) per rule position, as two lists of the same
    length: each string of each set, and the position of its rule (the core groups them by
    string: `cleaner._core.Gates.cached`)."""
    pairs = [(s, i) for i, strings in enumerate(strings_of_rule) for s in sorted(strings or ())]
    return [[s for s, _ in pairs], [i for _, i in pairs]]


class Matcher:
    """Finds the rule that fires on a line, for a set of rules (a language's catalogue).

    Which rule: rules whose pattern starts with ``^`` come before the others; within each
    kind, catalogue order (`load_rules` order: ``common``, then the languages, files and
    rules in the order they are read).  `match` returns the first rule in that order
    whose guard passes, that is enabled and that fires (`Rule.fires`), or ``None``.

    How, without running every pattern on every line: a line's candidates are narrowed by
    cheap tests that every firing line passes (`cleaner.prefilter`), in the compiled core
    (`core`, a `cleaner._core.Gates`): the word-count guards; for anchored rules with
    known starts, lookups of the case-folded line's first characters; for other anchored
    rules, the line's first characters (whether the rule's `regex` can match anything
    that starts with them, asked here once per start with a partial match, `_could_start`);
    for rules with required strings, one pass over the folded line (a bit map of the
    hashes of the strings' first bytes, `rust/src/strings.rs`); for
    rules anchored at the end, its last characters.  Only the remaining candidates run
    their own compiled pattern (`run`), in order, each with the timeout.
    """

    def __init__(self, rules: tuple[Rule, ...], prebuilt: str | None = None):
        """``prebuilt``: the name of the shipped cache's inputs for these rules
        (`cleaner.gatecache.inputs_blob`), if it may hold them."""
        self.rules = rules
        self.ordered: tuple[Rule, ...] = (ordered := _order(rules))
        key = _inputs_key(ordered)
        built = self._gates(gatecache.inputs_blob(prebuilt), key) if prebuilt else None
        if built is None:
            blob = json.dumps({"key": key, "inputs": self._inputs(ordered)}, ensure_ascii=False)
            built = self._gates(blob.encode("utf-8"), key)
        self.core, anchored, start, ungated = built
        #: Rules whose derived gate did not admit one of their own examples (and so run
        #: without one).  Empty unless `cleaner.prefilter` has a bug.
        self.ungated = tuple(ungated)
        # Patterns are compiled when a line first needs them (`run`).
        self._slots = list(zip(ordered, anchored))
        # Anchored rules without known starts: asked about a line's first characters.
        self._by_start = [(i, ordered[i]) for i in start]

    def _gates(self, blob: bytes, key: str):
        """The core's gates (a `cleaner._core.Gates`) of inputs as a matcher's cache file
        holds them (``blob``: JSON ``{"key": ..., "inputs": ...}``, `_inputs`), read by the
        core in one piece, with the rules' ``anchored``, ``start`` and ``ungated``; or
        ``None`` when ``blob`` holds them for another ``key`` (`_inputs_key`)."""
        ordered = self.ordered
        return _core.Gates.cached(blob, key, len(ordered), START_CHARS, self._could_start,
                                  [(r.pattern, r.case_sensitive) for r in ordered],
                                  [(r.id, r.category) for r in ordered])

    @property
    def python_rules(self) -> tuple[str, ...]:
        """The ids of the rules whose pattern the compiled core cannot run: each runs in
        Python on every line it is a candidate on (`SlowRuleWarning`)."""
        return tuple(self.ordered[k].id for k in self.core.refused())

    @functools.cached_property
    def gates(self) -> dict[str, Gate]:
        """Each rule's gate (`NO_GATE` for an ungated one), by rule id."""
        return {r.id: self._checked_gate(r) or NO_GATE for r in self.ordered}

    @classmethod
    def _inputs(cls, ordered: tuple[Rule, ...]) -> dict[str, list]:
        """What the core's gates are built from for rules in matching order, as JSON keeps
        it (the shipped cache holds it for the package's matchers, whose file the core reads
        whole: `cleaner.gatecache.inputs_blob`):
        string sets as two lists, each string of each rule and the rule's position
        (`_members`)."""
        checked = [cls._checked_gate(r) for r in ordered]
        gates = [g or NO_GATE for g in checked]
        positions = range(len(ordered))
        return {
            "ungated": [r.id for r, g in zip(ordered, checked) if g is None],
            "anchored": [g.anchored for g in gates],
            "by_words": _by_words(ordered),
            "start": [i for i in positions if gates[i].anchored and not gates[i].prefixes],
            "literals": _members(cls._literals(gates)),
            "prefixes": _members([g.prefixes for g in gates]),
            "suffixes": _members([g.suffixes for g in gates]),
            "digits": [i for i in positions if gates[i].digits],
        }

    @staticmethod
    def _literals(gates: list[Gate]) -> list[frozenset[str] | None]:
        """The required strings looked for, per rule.  Left out when they are short and
        the rule has a known start, or a known end and common strings: they would cost
        more to find than they save."""
        out: list[frozenset[str] | None] = []
        for g in gates:
            use = None
            if g.literals:
                shortest = min(map(len, g.literals))
                weak_start = g.prefixes and min(map(len, g.prefixes)) <= _SHORT_START_CHARS
                if (shortest >= _ALWAYS_LOOKED_FOR_CHARS or shortest >= _SHORT_LOOKED_FOR_CHARS and weak_start
                        or not (g.prefixes or g.suffixes and _weak(g.literals))):
                    use = g.literals
            out.append(use)
        return out

    @staticmethod
    @functools.lru_cache(maxsize=None)
    def _checked_gate(rule: Rule) -> Gate | None:
        """`checked_gate`, from the shipped cache (`cleaner.gatecache`) when it holds the
        rule; worked out once per rule: the matchers of several languages share most."""
        gates = _prebuilt_gates(rule.language)
        if rule.key in gates:
            return gatecache.gate_from_json(gates[rule.key])
        return checked_gate(rule)

    def _could_start(self, start: str) -> list[int]:
        """The positions of the rules of `_by_start` that can match a line that starts
        with ``start`` (a partial match of the rule's own pattern)."""
        could = []
        for i, rule in self._by_start:
            try:
                hit = rule.compiled.match(start, None, None, None, True, _PARTIAL_TIMEOUT) is not None
            except TimeoutError:
                hit = True
            if hit:
                could.append(i)
        return could

    def match(self, body: str, words: int, enabled, timeout: float | None) -> Rule | None:
        """The rule that fires on ``body`` (bullet already stripped, ``words`` its number of
        words as `cleaner.features.measure` counts them), or ``None``.  ``enabled`` is a
        predicate on rule ids (`Options.rule_enabled`); ``timeout`` bounds each pattern's
        run (a pattern that times out does not fire).  (`cleaner.classify` asks the core
        for a whole document's candidates at once, then calls `run`.)"""
        if not body:
            return None  # no rule matches the empty string (checked when loading)
        return self.run(body, self.core.candidates(body, body.casefold(), words), enabled, timeout)

    def pattern_run(self, k: int):
        """The run of rule ``k`` (a position in `ordered`): the bound ``match`` (a rule
        anchored at the start) or ``search`` of its compiled `regex` pattern."""
        rule, anchored = self._slots[k]
        return rule.compiled.match if anchored else rule.compiled.search

    def pattern_fires(self, k: int):
        """Rule ``k``'s test ``fires(body, timeout)`` (`fires_within`, with `pattern_run`):
        what `run` asks of each candidate, and what the core calls (asked for once per
        matcher rule: `cleaner.classify._pattern_run`)."""
        return functools.partial(fires_within, self.pattern_run(k))

    def run(self, body: str, candidates, enabled, timeout: float | None) -> Rule | None:
        """The first rule of ``candidates`` (positions, in order) that is enabled and
        fires on ``body`` (`fires_within`)."""
        ordered = self.ordered
        for k in candidates:
            rule = ordered[k]
            if enabled(rule.id) and fires_within(self.pattern_run(k), body, timeout):
                return rule
        return None


def fires_within(run, body: str, timeout: float | None) -> bool:
    """Does ``run`` (a compiled pattern's bound ``match`` or ``search``,
    `Matcher.pattern_run`) find ``body`` within ``timeout`` seconds?  A run that times out
    does not fire; other errors are raised.  The one place a rule's run meets the timeout:
    `Matcher.run` and the core (`Matcher.pattern_fires`) both call it."""
    try:
        return run(body, None, None, None, False, timeout) is not None
    except TimeoutError:
        return False


def checked_gate(rule: Rule) -> Gate | None:
    """The rule's gate, or ``None`` if it (or the first-characters check of an anchored
    rule) would turn away one of the rule's examples."""
    g = gate(rule.pattern)
    for example in rule.examples:
        body = strip_bullet(example)
        if not rule.fires(example):
            continue
        if not g.admits(body):
            return None
        if g.anchored and not rule.compiled.match(body[:START_CHARS], partial=True):
            return None
    return g


def matcher(language: str | None) -> Matcher:
    """The matcher for a document in ``language``: common rules, the language's own, and
    English (widespread on sites in every language).  Unknown language: every catalogue.
    Languages without a catalogue of their own share one matcher (common and English)."""
    if language is None:
        return _matcher(None)
    return _matcher(frozenset({"common", "en"} | ({language} & catalogue_languages())))


#: The matchers built so far, by the languages whose rules they hold (None: all).
_MATCHERS: dict[frozenset[str] | None, Matcher] = {}


def _matcher(wanted: frozenset[str] | None) -> Matcher:
    built = _MATCHERS.get(wanted)
    if built is None:
        built = _MATCHERS[wanted] = Matcher(_wanted_rules(wanted), _inputs_name(wanted))
    return built


def _order(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """Rules in matching order (`Matcher.ordered`): the anchored ones (``^``) first, each
    group in catalogue order."""
    return tuple([r for r in rules if r.pattern.startswith("^")]
                 + [r for r in rules if not r.pattern.startswith("^")])


def _wanted_rules(wanted: frozenset[str] | None) -> tuple[Rule, ...]:
    """The rules of the package's catalogue folders in ``wanted`` (None: every one)."""
    if wanted is None:
        return load_rules()
    return tuple(r for language in catalogue_dirs() if language in wanted
                 for r in language_rules(language))


def _inputs_name(wanted: frozenset[str] | None) -> str:
    """The name of a matcher's inputs in the shipped cache (`cleaner.gatecache.inputs_blob`).

    >>> _inputs_name(None), _inputs_name(frozenset({"en", "common", "de"}))
    ('all', 'common+de+en')
    """
    return "all" if wanted is None else "+".join(sorted(wanted))


def matcher_sets() -> list[frozenset[str] | None]:
    """The sets of catalogue folders `matcher` builds matchers of (None: every one), whose
    inputs `cleaner.prebuild` writes to the shipped cache."""
    return [None] + sorted({frozenset({"common", "en", language}) for language in languages()},
                           key=sorted)


@functools.lru_cache(maxsize=1)
def _inputs_stamp() -> str:
    """What a matcher's inputs depend on besides its rules' keys: the gates' analysis
    (`cleaner.gatecache.stamp`) and this module, which works the inputs out."""
    return gatecache.stamp(PREBUILT_EXTRA) + "|" + gatecache.file_key(gatecache.read(__file__))


def _inputs_key(ordered: tuple[Rule, ...]) -> str:
    """The key of a matcher's inputs: a digest of its rules' keys (`Rule.key`), in matching
    order, and `_inputs_stamp`."""
    return gatecache.file_key("\n".join([_inputs_stamp(), *(r.key for r in ordered)]))


def _cached_inputs(name: str, ordered: tuple[Rule, ...]) -> dict[str, list] | None:
    """`Matcher._inputs` of ``ordered`` from the shipped cache's file ``name`` read in
    Python (`cleaner.gatecache.load_inputs`), or ``None`` when it holds them for other
    rules (a catalogue edited since) or other code.  The package does not call it: a matcher
    hands the file to the core whole (`cleaner._core.Gates.cached`); this is the former
    reading in Python, kept for tests/test_prebuilt.py, which holds the core's reading to
    it."""
    return gatecache.load_inputs(name, _inputs_key(ordered))


def prebuilt_inputs(wanted: frozenset[str] | None) -> tuple[str, dict]:
    """The name and content of the shipped cache's file of the inputs of the matcher of
    ``wanted`` (`matcher_sets`), for `cleaner.prebuild`."""
    ordered = _order(_wanted_rules(wanted))
    return _inputs_name(wanted), {"key": _inputs_key(ordered), "inputs": Matcher._inputs(ordered)}


@functools.lru_cache(maxsize=None)
def _prebuilt_gates(language: str) -> dict[str, dict | None]:
    """One language's checked gates in the shipped cache (`cleaner.gatecache.load_gates`) by
    rule key, read once, and only by a matcher that works its inputs out from its rules."""
    return gatecache.load_gates(language, PREBUILT_EXTRA)


def prebuilt_content(rules: tuple[Rule, ...], texts) -> tuple[dict, dict]:
    """What `cleaner.prebuild` writes to the shipped cache for ``rules``, read from the
    catalogue files of ``texts``: the language's file and its gates file."""
    files = {gatecache.file_key(text): gatecache.parse_toml(text) for text in texts}
    return gatecache.build(rules, checked_gate, files, PREBUILT_EXTRA)
