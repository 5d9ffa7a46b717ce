"""Pattern catalogues: loading and checking the rule files, and the prebuilt cache of
what that works out.

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
tripled the CPU time of a document of a million short lines).
`cleaner.catalogue.match.Matcher.python_rules` names such rules; the shipped catalogues
hold none (tests/test_core_coverage.py).  What loading works out (parsed files, rule
keys, compiled patterns) is read from the shipped cache (`cleaner.gatecache`, written by
``python -m cleaner.prebuild``) while the rules are as they were when it was built.
"""

from __future__ import annotations

import functools
import math
import os
import warnings
from dataclasses import dataclass

import regex

from .. import _core, gatecache
from ..features import strip_bullet
from ..types import DROP_CATEGORIES

PATTERN_CATEGORIES = frozenset(
    {"share", "meta", "caption", "duplicate", "appeal", "bio", "related", "nav", "ui",
     "legal", "ad", "comments"}
)
assert PATTERN_CATEGORIES <= DROP_CATEGORIES

_FLAGS = regex.IGNORECASE | regex.UNICODE | regex.V0

#: How many first characters of a line a matcher's start test reads
#: (`cleaner.catalogue.match`).  One: the rules it serves
#: (anchored, without known starts) can begin with almost any three characters, so three
#: ruled out hardly more lines than one, while a process asked a partial match of each such
#: rule for every new three-character start it met (about 900 starts in 27 dumps: 30 ms),
#: and meets far fewer first characters (about 70).
START_CHARS = 1
#: What a checked gate depends on here, besides the rule and `cleaner.prefilter`.
PREBUILT_EXTRA = f"start_chars={START_CHARS}"


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
    return gatecache.load(language, PREBUILT_EXTRA)


def _prebuilt(language: str | None = None) -> dict[str, dict]:
    """The shipped cache's rule entries of one language folder (``None``: of every one):
    rules it holds are not compiled to be checked when loaded (only when a line needs
    them), nor analysed for a gate."""
    if language is None:
        return {k: e for lang in catalogue_dirs() for k, e in _prebuilt(lang).items()}
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


def _prebuilt_files(language: str) -> dict[str, dict]:
    """One language's parsed catalogue files in the shipped cache, by
    `cleaner.gatecache.file_key`."""
    return _prebuilt_cache(language).get("files", {})


#: The package's own catalogue tree.
_PATTERNS = gatecache.PATTERNS


@functools.lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    """Every pattern rule of every catalogue file, validated."""
    return tuple(r for language in catalogue_dirs() for r in language_rules(language))


@functools.lru_cache(maxsize=None)
def language_rules(language: str) -> tuple[Rule, ...]:
    """The rules of one language folder of the package's catalogue (``common`` too),
    loaded when a document first needs them."""
    return load_language(os.path.join(_PATTERNS, language))


@functools.lru_cache(maxsize=1)
def catalogue_dirs() -> tuple[str, ...]:
    """The language folders of the package's catalogue, in loading order."""
    return tuple(os.path.basename(d) for d in language_dirs(_PATTERNS))


def language_dirs(root) -> list[str]:
    """The language folders of a catalogue tree (paths), in loading order."""
    return [os.path.join(root, name) for name in sorted(os.listdir(root))
            if not name.startswith(("_", ".")) and os.path.isdir(os.path.join(root, name))]


def load_directory(root) -> tuple[Rule, ...]:
    """Every rule of a catalogue tree ``root/<language>/<category>.toml``, validated
    (`load_rules` reads the package's own tree; tests point this at a temporary one)."""
    return tuple(r for lang_dir in language_dirs(root) for r in load_language(lang_dir))


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
    return sorted(catalogue_languages())


@functools.lru_cache(maxsize=1)
def catalogue_languages() -> frozenset[str]:
    return frozenset(catalogue_dirs()) - {"common"}
