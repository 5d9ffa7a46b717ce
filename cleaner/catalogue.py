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
one example) and raises `CatalogueError` naming the file and rule otherwise.  A
`Matcher` finds the first rule of a language set that fires on a line, trying only the
rules that `cleaner.prefilter` shows can fire.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

import regex

from .prefilter import LiteralIndex, StartIndex, first_token, fold, required_literals
from .types import DROP_CATEGORIES

PATTERN_CATEGORIES = frozenset(
    {"share", "meta", "caption", "duplicate", "appeal", "bio", "related", "nav", "ui",
     "legal", "ad", "comments"}
)
assert PATTERN_CATEGORIES <= DROP_CATEGORIES

_FLAGS = regex.IGNORECASE | regex.UNICODE | regex.V0


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

    Rules anchored at the start (``^...``) are tried at the line start, in catalogue
    order, but only those whose pattern can begin with the line's first token
    (`cleaner.prefilter.StartIndex`); the others are searched anywhere in the line, in
    order, skipping those whose required literal words are absent
    (`cleaner.prefilter.required_literals`, `cleaner.prefilter.LiteralIndex`).  Both
    checks are exact: they only skip rules that cannot fire, so the result is the first
    rule in catalogue order (anchored rules first) that fires on the line.  One merged
    alternation would be simpler, but `regex` tries its branches one by one, which costs
    about a microsecond per rule per line.
    """

    def __init__(self, rules: tuple[Rule, ...]):
        self.rules = rules
        self._start = StartIndex(r for r in rules if r.pattern.startswith("^"))
        self._floating = tuple(r for r in rules if not r.pattern.startswith("^"))
        self._literals = LiteralIndex(required_literals(r.pattern) for r in self._floating)

    def match(self, body: str, words: int, enabled, timeout: float | None) -> Rule | None:
        """The rule that fires on ``body`` (bullet already stripped), or ``None``.

        ``enabled`` is a predicate on rule ids (`Options.rule_enabled`).
        """
        for rule in self._start.candidates(first_token(body)):
            if rule.guard(words) and enabled(rule.id) and _fires(rule.compiled.match, body, timeout):
                return rule
        possible = self._literals.possible(fold(body))
        for rule, ok in zip(self._floating, possible):
            if ok and rule.guard(words) and enabled(rule.id) and _fires(rule.compiled.search, body, timeout):
                return rule
        return None


def _fires(method, body: str, timeout: float | None) -> bool:
    try:
        return method(body, timeout=timeout) is not None
    except TimeoutError:
        return False


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
