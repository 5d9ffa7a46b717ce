"""Pattern catalogues: loading, validation, fast matching, and the rule registry.

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
    examples = ["Short Url"]          # must fire (guards included)
    counterexamples = ["Use a short url in your post."]   # must not fire
    note = "why the rule is shaped this way"

A pattern that starts with ``^`` is tried at the start of the line only (so every
alternative of such a pattern must be anchored); others are searched anywhere.

The loader checks every rule (compiles, unique id, id prefix matches its file, known
category, never matches the empty string, no named groups or back-references, at least
one example) and raises `CatalogueError` naming the file and rule otherwise.  Rules of a
language set are merged into one alternation of named groups so one search finds the
firing rule; a guard that rejects the hit falls back to trying the rules one by one.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

import regex

from .types import DROP_CATEGORIES

PATTERN_CATEGORIES = frozenset(
    {"share", "meta", "caption", "duplicate", "appeal", "bio", "related", "nav", "ui",
     "legal", "ad", "comments"}
)
assert PATTERN_CATEGORIES <= DROP_CATEGORIES

_FLAGS = regex.IGNORECASE | regex.UNICODE | regex.V0
#: Lines with more words than this are only tried against rules with no ``max_words``
#: guard or a larger one; keeps long body lines cheap.
_SHORT_LINE_WORDS = 16


class CatalogueError(ValueError):
    """A rule file is malformed."""


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
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()
    note: str = ""
    source: str = ""

    @functools.cached_property
    def compiled(self) -> regex.Pattern:
        flags = _FLAGS & ~regex.IGNORECASE if self.case_sensitive else _FLAGS
        return regex.compile(self.pattern, flags)

    def guard(self, words: int) -> bool:
        return words >= self.min_words and (self.max_words is None or words <= self.max_words)

    def fires(self, text: str, timeout: float | None = None) -> bool:
        """Does this rule fire on a (normalised) line?  Used by tests and the slow path."""
        from .features import strip_bullet

        body = strip_bullet(text)
        return self.guard(len(body.split())) and bool(self.compiled.search(body, timeout=timeout))


_FORBIDDEN = regex.compile(r"\(\?P[<=>]|\(\?<\w|\\[1-9]|\\g<")


def _load_file(path, language: str, category: str) -> list[Rule]:
    where = f"patterns/{language}/{category}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError(f"{where}: {exc}") from None
    unknown = set(data) - {"rules"}
    if unknown:
        raise CatalogueError(f"{where}: unknown top-level keys {sorted(unknown)}")
    rules = []
    allowed = {"id", "pattern", "min_words", "max_words", "case_sensitive", "section",
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
        if _FORBIDDEN.search(pattern):
            raise CatalogueError(f"{where}: rule {rid}: named groups and back-references are not allowed")
        rule = Rule(
            id=rid, language=language, category=category, pattern=pattern,
            min_words=int(entry.get("min_words", 0)),
            max_words=entry.get("max_words"),
            case_sensitive=bool(entry.get("case_sensitive", False)),
            section=bool(entry.get("section", False)),
            examples=tuple(entry.get("examples", ())),
            counterexamples=tuple(entry.get("counterexamples", ())),
            note=entry.get("note", ""),
            source=where,
        )
        try:
            rule.compiled
        except regex.error as exc:
            raise CatalogueError(f"{where}: rule {rid}: does not compile: {exc}") from None
        if rule.compiled.search(""):
            raise CatalogueError(f"{where}: rule {rid}: matches the empty string")
        if not rule.examples:
            raise CatalogueError(f"{where}: rule {rid}: needs at least one example")
        rules.append(rule)
    return rules


@functools.lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    """Every pattern rule of every catalogue file, validated."""
    return load_directory(resources.files("cleaner") / "patterns")


def load_directory(root) -> tuple[Rule, ...]:
    """Every rule of a catalogue tree ``root/<language>/<category>.toml``, validated
    (`load_rules` reads the package's own tree; tests point this at a temporary one)."""
    rules: list[Rule] = []
    seen: set[str] = set()
    for lang_dir in sorted(root.iterdir(), key=lambda p: p.name):
        if not lang_dir.is_dir() or lang_dir.name.startswith(("_", ".")):
            continue
        for path in sorted(lang_dir.iterdir(), key=lambda p: p.name):
            if not path.name.endswith(".toml"):
                continue
            category = path.name[: -len(".toml")]
            if category not in PATTERN_CATEGORIES:
                raise CatalogueError(
                    f"patterns/{lang_dir.name}/{path.name}: unknown category {category!r}"
                )
            for rule in _load_file(path, lang_dir.name, category):
                if rule.id in seen:
                    raise CatalogueError(f"{rule.source}: duplicate rule id {rule.id}")
                seen.add(rule.id)
                rules.append(rule)
    return tuple(rules)


def languages() -> list[str]:
    """Languages that have a catalogue (``common`` excluded)."""
    return sorted({r.language for r in load_rules()} - {"common"})


class Matcher:
    """Finds the first catalogue rule that fires on a line, for a set of languages.

    Rules anchored at the start (``^...``) are merged into alternations tried with
    ``match`` (one position); the others into alternations tried with ``search``.  Each
    kind has a set for short lines and a smaller one (rules without a low ``max_words``)
    for long lines, so long body lines meet few patterns.
    """

    def __init__(self, rules: tuple[Rule, ...]):
        self.rules = rules
        self._by_group = {f"r{i}": rule for i, rule in enumerate(rules)}
        index = {id(r): i for i, r in enumerate(rules)}
        anchored = tuple(r for r in rules if r.pattern.startswith("^"))
        floating = tuple(r for r in rules if not r.pattern.startswith("^"))

        def long_ok(r: Rule) -> bool:
            return r.max_words is None or r.max_words > _SHORT_LINE_WORDS

        self._short = (self._merge(anchored, index), self._merge(floating, index))
        self._long = (
            self._merge(tuple(filter(long_ok, anchored)), index),
            self._merge(tuple(filter(long_ok, floating)), index),
        )

    @staticmethod
    def _merge(rules: tuple[Rule, ...], index: dict[int, int]) -> regex.Pattern | None:
        if not rules:
            return None
        parts = []
        for r in rules:
            body = f"(?-i:{r.pattern})" if r.case_sensitive else r.pattern
            parts.append(f"(?P<r{index[id(r)]}>{body})")
        return regex.compile("|".join(parts), _FLAGS)

    def match(self, body: str, words: int, enabled, timeout: float | None) -> Rule | None:
        """The rule that fires on ``body`` (bullet already stripped), or ``None``.

        ``enabled`` is a predicate on rule ids (`Options.rule_enabled`).
        """
        anchored, floating = self._short if words <= _SHORT_LINE_WORDS else self._long
        m = None
        try:
            if anchored is not None:
                m = anchored.match(body, timeout=timeout)
            if m is None and floating is not None:
                m = floating.search(body, timeout=timeout)
        except TimeoutError:
            return None
        if m is None:
            return None
        rule = self._by_group[m.lastgroup]
        if rule.guard(words) and enabled(rule.id):
            return rule
        # Slow path: the first hit was guarded out or disabled; try the rules in order.
        for rule in self.rules:
            if not (rule.guard(words) and enabled(rule.id)):
                continue
            try:
                if rule.compiled.search(body, timeout=timeout):
                    return rule
            except TimeoutError:
                continue
        return None


@functools.lru_cache(maxsize=64)
def matcher(language: str | None) -> Matcher:
    """The matcher for a document in ``language``: common rules, the language's own, and
    English (widespread on sites in every language).  Unknown language: every catalogue."""
    rules = load_rules()
    if language is None:
        chosen = rules
    else:
        wanted = {"common", language, "en"}
        chosen = tuple(r for r in rules if r.language in wanted)
    return Matcher(chosen)


# Rules that are code, not patterns: id -> what they mean.  Pattern rules join these in
# `registry()`.
BUILTIN_RULES: dict[str, str] = {
    "blank": "an empty line (whitespace only)",
    "feature.prose": "long line with sentence punctuation and enough stopwords",
    "feature.sentence": "a complete sentence of moderate length",
    "feature.short": "short line: left to its neighbours",
    "feature.low_stopwords": "too few stopwords for prose in the document's language",
    "feature.no_punctuation": "long line without sentence punctuation (menu, list of links)",
    "feature.urls": "dominated by URLs, e-mail addresses, handles or hashtags",
    "feature.digits": "dominated by digits (dates, scores, prices, counters)",
    "feature.title": "the document's title line",
    "feature.heading": "heading-like line: short, capitalised, no end punctuation",
    "feature.duplicate": "repeats an earlier line (headline, summary or teaser)",
    "context.sandwiched": "short line between body lines stays body",
    "context.heading": "heading directly followed by body",
    "context.isolated": "body-like line far from the main text block",
    "context.list": "list item in a list that continues body text",
    "context.appeal_block": "line between two appeal lines: part of the appeal",
    "context.appeal_tail": "short UI line that belongs to an appeal block",
    "context.bio_name": "author name line before an author bio",
    "context.boilerplate_run": "short line inside a run of boilerplate",
    "context.after_end": "after the end of the article text",
    "story.other": "belongs to a story other than the main one",
}


@functools.lru_cache(maxsize=1)
def registry() -> dict[str, str]:
    """Every rule id that can appear in a `Decision`, with what it means."""
    table = dict(BUILTIN_RULES)
    for rule in load_rules():
        table[rule.id] = rule.note or f"{rule.category} pattern"
    return table


@functools.lru_cache(maxsize=1)
def section_rules() -> frozenset[str]:
    """Ids of rules whose line opens a non-article section (``section = true``)."""
    return frozenset(r.id for r in load_rules() if r.section)
