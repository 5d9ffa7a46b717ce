"""Pattern catalogues: loading, validation and fast matching.

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

The loader checks every rule (compiles, unique id, id prefix matches its file, known
category, never matches the empty string, no named groups or back-references, at least
one example) and raises `CatalogueError` naming the file and rule otherwise.  It warns
(`SlowRuleWarning`) about a rule the compiled core cannot run (a lookaround, an atomic
group, possessive repetition ...: the syntax `rust/src/patterns.rs` accepts): its pattern
runs in Python on every line it is a candidate on, several times the cost (one such rule
tripled the CPU time of a document of a million short lines).  `Matcher.python_rules`
names such rules; the shipped catalogues hold none (tests/test_core_coverage.py).  A
`Matcher` finds the rule that fires on a line among the rules of a language set: cheap
conditions that every line a rule fires on meets (its word guards and its gate, derived
from the pattern: `cleaner.prefilter`), tested in the compiled core, leave a few
candidates, and each of those runs its own compiled pattern, in matching order, until one
fires.  What loading and matching work out from the rules (parsed files, gates, compiled
patterns, a matcher's inputs) is shipped prebuilt (`cleaner.gatecache`, written by
``python -m cleaner.prebuild``) and used while the rules, and the code that works it out,
are as they were when it was built.
"""

from __future__ import annotations

import functools
import json
import math
import os
import warnings
from dataclasses import dataclass

import regex

from . import _core, gatecache
from .features import strip_bullet
from .prefilter import NO_GATE, Gate, gate
from .types import DROP_CATEGORIES

PATTERN_CATEGORIES = frozenset(
    {"share", "meta", "caption", "duplicate", "appeal", "bio", "related", "nav", "ui",
     "legal", "ad", "comments"}
)
assert PATTERN_CATEGORIES <= DROP_CATEGORIES

_FLAGS = regex.IGNORECASE | regex.UNICODE | regex.V0


class CatalogueError(ValueError):
    """A rule file is malformed."""


class SlowRuleWarning(UserWarning):
    """A rule's pattern runs in Python on every line: the compiled core cannot run it."""


@dataclass(frozen=True)
class Rule:
    id: str
    language: str
    category: str
    pattern: str
    min_words: int = 0
    max_words: int | None = None
    case_sensitive: bool = False
    section: bool = False
    overlay: bool = False
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()
    note: str = ""
    source: str = ""

    @property
    def flags(self) -> int:
        return _FLAGS & ~regex.IGNORECASE if self.case_sensitive else _FLAGS

    @functools.cached_property
    def compiled(self) -> regex.Pattern:
        """The rule's compiled pattern (made from its compiled form in the prebuilt cache
        when that holds one for the running `regex`: `cleaner.gatecache`)."""
        form = _compiled_forms(self.language).get(self.key)
        if form is not None:
            return gatecache.from_compiled_form(self.pattern, form)
        return regex.compile(self.pattern, self.flags)

    @functools.cached_property
    def key(self) -> str:
        """The key of the rule's entry in the prebuilt cache (`cleaner.gatecache`)."""
        return gatecache.rule_key(self.pattern, self.case_sensitive, self.min_words,
                                  self.max_words, self.examples)

    @property
    def word_range(self) -> tuple[int, float]:
        """The word counts its guards admit, as (least, most); most is infinite without a
        ``max_words``.  `guard` and the matcher's lists by word count (`_by_words`) read it."""
        return self.min_words, math.inf if self.max_words is None else self.max_words

    def guard(self, words: int) -> bool:
        least, most = self.word_range
        return least <= words <= most

    def fires(self, text: str, timeout: float | None = None) -> bool:
        """Does this rule fire on a (normalised) line?  The definition `Matcher` follows."""
        body = strip_bullet(text)
        return self.guard(len(body.split())) and bool(self.compiled.search(body, timeout=timeout))


_FORBIDDEN = regex.compile(r"\(\?P[<=>]|\(\?<\w|\\[1-9]|\\g<")


def _parse(path, where: str, language: str) -> tuple[dict, bool]:
    """A catalogue file's TOML, parsed, and whether it was taken from the language's
    prebuilt cache (which holds it when the file's text is as it was when the cache was
    built: its rules passed every check of `_load_file` then)."""
    text = gatecache.read(path)
    parsed = _prebuilt_files(language).get(gatecache.file_key(text))
    if parsed is not None:
        return parsed, True
    try:
        return gatecache.parse_toml(text), False
    except ValueError as exc:  # tomllib.TOMLDecodeError
        raise CatalogueError(f"{where}: {exc}") from None


def _flag(entry: dict, key: str, where: str, rid: str) -> bool:
    """A rule's true-or-false property ``key`` (false when not given); any value but a TOML
    boolean (``"false"``, ``0``) is refused, never read as what Python takes it for."""
    value = entry.get(key, False)
    if not isinstance(value, bool):
        raise CatalogueError(f"{where}: rule {rid}: {key} must be true or false, not {value!r}")
    return value


def _load_file(path, language: str, category: str) -> list[Rule]:
    """The rules of one catalogue file, checked.  A file the prebuilt cache holds as it is
    had its patterns checked when the cache was built, and its rules' keys are the cache's
    (`_prebuilt_keys`); the checks of where it stands (its language and category) run."""
    where = f"patterns/{language}/{category}.toml"
    data, cached = _parse(path, where, language)
    keys = _prebuilt_keys(language) if cached else {}
    unknown = set(data) - {"rules"}
    if unknown:
        raise CatalogueError(f"{where}: unknown top-level keys {sorted(unknown)}")
    rules = []
    allowed = {"id", "pattern", "min_words", "max_words", "case_sensitive", "section", "overlay",
               "examples", "counterexamples", "note"}
    for entry in data.get("rules", []):
        rid = entry.get("id", "?")
        extra = set(entry) - allowed
        if extra:
            raise CatalogueError(f"{where}: rule {rid}: unknown keys {sorted(extra)}")
        if not rid.startswith(f"{language}.{category}.") or rid.count(".") != 2:
            raise CatalogueError(f"{where}: rule id {rid!r} must be '{language}.{category}.<name>'")
        pattern = entry.get("pattern")
        if not isinstance(pattern, str) or not pattern:
            raise CatalogueError(f"{where}: rule {rid}: missing pattern")
        if not cached and _FORBIDDEN.search(pattern):
            raise CatalogueError(f"{where}: rule {rid}: named groups and back-references are not allowed")
        rule = Rule(
            id=rid, language=language, category=category, pattern=pattern,
            min_words=int(entry.get("min_words", 0)),
            max_words=entry.get("max_words"),
            case_sensitive=_flag(entry, "case_sensitive", where, rid),
            section=_flag(entry, "section", where, rid),
            overlay=_flag(entry, "overlay", where, rid),
            examples=tuple(entry.get("examples", ())),
            counterexamples=tuple(entry.get("counterexamples", ())),
            note=entry.get("note", ""),
            source=where,
        )
        if rid in keys:
            rule.__dict__["key"] = keys[rid]  # `Rule.key`, worked out when the cache was built
        if rule.key not in _prebuilt(language):  # else checked when the cache was built
            try:
                rule.compiled
            except regex.error as exc:
                raise CatalogueError(f"{where}: rule {rid}: does not compile: {exc}") from None
            if rule.compiled.search(""):
                raise CatalogueError(f"{where}: rule {rid}: matches the empty string")
            _warn_if_slow(rule)
        if not rule.examples:
            raise CatalogueError(f"{where}: rule {rid}: needs at least one example")
        rules.append(rule)
    return rules


def _warn_if_slow(rule: Rule) -> None:
    """Warn (`SlowRuleWarning`) when the compiled core cannot run the rule's pattern
    (`rust/src/patterns.rs` refuses its syntax, or it is too big to compile)."""
    if _core.pattern_matches(rule.pattern, rule.case_sensitive, []) is None:
        warnings.warn(f"{rule.source}: rule {rule.id}: the compiled core cannot run its pattern (a "
                      "lookaround, back-reference, atomic group, possessive repetition ...), so it "
                      "runs in Python on every line it is a candidate on", SlowRuleWarning, stacklevel=2)


@functools.lru_cache(maxsize=None)
def _prebuilt_cache(language: str) -> dict[str, dict]:
    """The shipped cache of one language folder (`cleaner.gatecache.load`), read once."""
    return gatecache.load(language, _PREBUILT_EXTRA)


def _prebuilt(language: str | None = None) -> dict[str, dict]:
    """The shipped cache's rule entries of one language folder (``None``: of every one):
    rules it holds are not compiled to be checked when loaded (only when a line needs
    them), nor analysed for a gate."""
    if language is None:
        return {k: e for lang in _catalogue_dirs() for k, e in _prebuilt(lang).items()}
    return _prebuilt_cache(language).get("rules", {})


@functools.lru_cache(maxsize=None)
def _compiled_forms(language: str) -> dict[str, str]:
    """One language's compiled patterns in the shipped cache
    (`cleaner.gatecache.compiled_form`) by rule key, if they are for the running `regex`."""
    if _prebuilt_cache(language).get("regex") != gatecache.REGEX:
        return {}
    return {k: e["code"] for k, e in _prebuilt(language).items() if e.get("code")}


@functools.lru_cache(maxsize=None)
def _prebuilt_keys(language: str) -> dict[str, str]:
    """`Rule.key` of each rule of one language's prebuilt cache, by rule id: the key of a
    rule read from a file the cache holds as it is (the key depends only on the rule's
    entry in the file)."""
    return {e["id"]: k for k, e in _prebuilt(language).items()}


@functools.lru_cache(maxsize=None)
def _prebuilt_gates(language: str) -> dict[str, dict | None]:
    """One language's checked gates in the shipped cache (`cleaner.gatecache.load_gates`) by
    rule key, read once, and only by a matcher that works its inputs out from its rules."""
    return gatecache.load_gates(language, _PREBUILT_EXTRA)


def _prebuilt_files(language: str) -> dict[str, dict]:
    """One language's parsed catalogue files in the shipped cache, by
    `cleaner.gatecache.file_key`."""
    return _prebuilt_cache(language).get("files", {})


def prebuilt_content(rules: tuple[Rule, ...], texts) -> tuple[dict, dict]:
    """What `cleaner.prebuild` writes to the shipped cache for ``rules``, read from the
    catalogue files of ``texts``: the language's file and its gates file."""
    files = {gatecache.file_key(text): gatecache.parse_toml(text) for text in texts}
    return gatecache.build(rules, checked_gate, files, _PREBUILT_EXTRA)


#: The package's own catalogue tree.
_PATTERNS = gatecache.PATTERNS


@functools.lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    """Every pattern rule of every catalogue file, validated."""
    return tuple(r for language in _catalogue_dirs() for r in _language_rules(language))


@functools.lru_cache(maxsize=None)
def _language_rules(language: str) -> tuple[Rule, ...]:
    """The rules of one language folder of the package's catalogue (``common`` too),
    loaded when a document first needs them."""
    return load_language(os.path.join(_PATTERNS, language))


@functools.lru_cache(maxsize=1)
def _catalogue_dirs() -> tuple[str, ...]:
    """The language folders of the package's catalogue, in loading order."""
    return tuple(os.path.basename(d) for d in _language_dirs(_PATTERNS))


def _language_dirs(root) -> list[str]:
    """The language folders of a catalogue tree (paths), in loading order."""
    return [os.path.join(root, name) for name in sorted(os.listdir(root))
            if not name.startswith(("_", ".")) and os.path.isdir(os.path.join(root, name))]


def load_directory(root) -> tuple[Rule, ...]:
    """Every rule of a catalogue tree ``root/<language>/<category>.toml``, validated
    (`load_rules` reads the package's own tree; tests point this at a temporary one)."""
    return tuple(r for lang_dir in _language_dirs(root) for r in load_language(lang_dir))


def load_language(lang_dir) -> tuple[Rule, ...]:
    """Every rule of one language folder ``<language>/<category>.toml`` (a path, text or
    `os.PathLike`), validated (rule ids begin with their language, so they cannot clash
    across folders)."""
    rules: list[Rule] = []
    seen: set[str] = set()
    lang_dir = os.fspath(lang_dir)
    language = os.path.basename(os.path.normpath(lang_dir))
    for name in sorted(os.listdir(lang_dir)):
        if not name.endswith(".toml"):
            continue
        category = name[: -len(".toml")]
        if category not in PATTERN_CATEGORIES:
            raise CatalogueError(
                f"patterns/{language}/{name}: unknown category {category!r}"
            )
        for rule in _load_file(os.path.join(lang_dir, name), language, category):
            if rule.id in seen:
                raise CatalogueError(f"{rule.source}: duplicate rule id {rule.id}")
            seen.add(rule.id)
            rules.append(rule)
    return tuple(rules)


def languages() -> list[str]:
    """Languages that have a catalogue (``common`` excluded)."""
    return sorted(_catalogue_languages())


@functools.lru_cache(maxsize=1)
def _catalogue_languages() -> frozenset[str]:
    return frozenset(_catalogue_dirs()) - {"common"}


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


#: How many first characters of a line the start test reads.  One: the rules it serves
#: (anchored, without known starts) can begin with almost any three characters, so three
#: ruled out hardly more lines than one, while a process asked a partial match of each such
#: rule for every new three-character start it met (about 900 starts in 27 dumps: 30 ms),
#: and meets far fewer first characters (about 70).
_START_CHARS = 1
#: Seconds a partial match of `_could_start` may run (one that runs out counts as a
#: possible start).
_PARTIAL_TIMEOUT = 0.1
#: What a checked gate depends on here, besides the rule and `cleaner.prefilter`.
_PREBUILT_EXTRA = f"start_chars={_START_CHARS}"


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
    for rules with required strings, one Aho-Corasick pass over the folded line; for
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
        return _core.Gates.cached(blob, key, len(ordered), _START_CHARS, self._could_start,
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
        if g.anchored and not rule.compiled.match(body[:_START_CHARS], partial=True):
            return None
    return g


def matcher(language: str | None) -> Matcher:
    """The matcher for a document in ``language``: common rules, the language's own, and
    English (widespread on sites in every language).  Unknown language: every catalogue.
    Languages without a catalogue of their own share one matcher (common and English)."""
    if language is None:
        return _matcher(None)
    return _matcher(frozenset({"common", "en"} | ({language} & _catalogue_languages())))


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
    return tuple(r for language in _catalogue_dirs() if language in wanted
                 for r in _language_rules(language))


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
    return gatecache.stamp(_PREBUILT_EXTRA) + "|" + gatecache.file_key(gatecache.read(__file__))


def _inputs_key(ordered: tuple[Rule, ...]) -> str:
    """The key of a matcher's inputs: a digest of its rules' keys (`Rule.key`), in matching
    order, and `_inputs_stamp`."""
    return gatecache.file_key("\n".join([_inputs_stamp(), *(r.key for r in ordered)]))


def _cached_inputs(name: str, ordered: tuple[Rule, ...]) -> dict[str, list] | None:
    """`Matcher._inputs` of ``ordered`` from the shipped cache's file ``name`` read in
    Python (`cleaner.gatecache.load_inputs`), or ``None`` when it holds them for other
    rules (a catalogue edited since) or other code.  A matcher hands the file to the core
    whole instead; the tests hold the two readings to each other."""
    return gatecache.load_inputs(name, _inputs_key(ordered))


def prebuilt_inputs(wanted: frozenset[str] | None) -> tuple[str, dict]:
    """The name and content of the shipped cache's file of the inputs of the matcher of
    ``wanted`` (`matcher_sets`), for `cleaner.prebuild`."""
    ordered = _order(_wanted_rules(wanted))
    return _inputs_name(wanted), {"key": _inputs_key(ordered), "inputs": Matcher._inputs(ordered)}


def opens_section(rule_id: str) -> bool:
    """Does a line the rule fired on open a non-article section (``section = true``)?"""
    return _flagged(rule_id, "section")


def is_overlay(rule_id: str) -> bool:
    """Is a line the rule fired on a banner laid over the page (``overlay = true``)?

    >>> is_overlay("en.legal.cookie_notice"), is_overlay("en.share.short_url")
    (True, False)
    """
    return _flagged(rule_id, "overlay")


def is_pattern_rule(rule_id: str) -> bool:
    """Is the rule a catalogue (pattern) rule?

    >>> is_pattern_rule("en.share.short_url"), is_pattern_rule("feature.prose")
    (True, False)
    """
    language = rule_id.partition(".")[0]
    return language in _catalogue_dirs() and rule_id in _rule_ids(language)


@functools.lru_cache(maxsize=None)
def _rule_ids(language: str) -> frozenset[str]:
    return frozenset(r.id for r in _language_rules(language))


def _flagged(rule_id: str, flag: str) -> bool:
    """Is the rule a catalogue rule with its true-or-false property ``flag`` set?"""
    language = rule_id.partition(".")[0]
    return language in _catalogue_dirs() and rule_id in _flagged_rules(language, flag)


@functools.lru_cache(maxsize=None)
def _flagged_rules(language: str, flag: str) -> frozenset[str]:
    """Ids of one language's rules with the property ``flag`` (``section``, ``overlay``) set."""
    return frozenset(r.id for r in _language_rules(language) if getattr(r, flag))
