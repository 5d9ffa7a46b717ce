"""Cheap, exact pre-checks that tell which catalogue rules can fire on a line.

The `regex` module tries the branches of an alternation one by one at every position, so
a few hundred catalogue rules merged into one pattern cost about a microsecond per rule
per line.  `cleaner.catalogue.Matcher` avoids most of those attempts with two checks that
never exclude a rule that could fire:

- `StartIndex`: a rule anchored at the line start can only fire on lines whose first
  token (up to the first whitespace) is a possible beginning of one of its matches.
  `regex`'s *partial* matching answers that question exactly; the answer per token is
  cached, and only the few candidate rules are tried on the line.
- `required_literals`: a rule searched anywhere in the line usually needs one of a few
  literal words ("cookies", "reserved", "inbox").  They are read off the pattern's syntax
  tree; `LiteralIndex` finds, in one pass over the lower-cased line, which of all those
  words occur, and a rule none of whose words occur is not searched.

>>> required_literals(r"\\ball\\s+rights\\s+reserved\\b")
('reserved',)
>>> required_literals(r"\\b(?:we\\s+use|this\\s+site\\s+uses)\\s+cookies") is not None
True
>>> required_literals(r"\\d{4}") is None
True
"""

from __future__ import annotations

import re
from re import _constants as _sre
from re import _parser as _sre_parse

#: Shortest word-like literal worth a substring check; shorter ones filter little.
_MIN_LITERAL = 3
_PROPERTY = re.compile(r"\\[pP]\{[^}]*\}")
_CACHE_SIZE = 8192


def fold(text: str) -> str | None:
    """The lower-cased line that `required_literals` are looked up in, or ``None`` when
    lower-casing changes its length (then no literal check is exact, and none is made)."""
    low = text.lower().replace("ſ", "s")
    return low if len(low) == len(text) else None


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Lower-case strings of which every match of ``pattern`` contains at least one, or
    ``None`` when no such set of strings of at least three characters can be read off."""
    # `re`'s parser reads the catalogue's syntax except Unicode properties, which are
    # classes (never literals): replacing them by \w keeps every literal and adds none.
    try:
        tree = _sre_parse.parse(_PROPERTY.sub(r"\\w", pattern), re.IGNORECASE)
    except (re.error, RecursionError, ValueError):
        return None
    return _best(_sequence(list(tree))) or None


def _sequence(items) -> list[tuple[str, ...]]:
    """Candidate any-of sets for a sequence of parsed items: every one of them is needed."""
    sets: list[tuple[str, ...]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            sets.append(("".join(run),))
            run.clear()

    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av).lower())
            continue
        flush()
        if op is _sre.SUBPATTERN:
            sets.append(_best(_sequence(list(av[-1]))))
        elif op is _sre.ATOMIC_GROUP:
            sets.append(_best(_sequence(list(av))))
        elif op is _sre.BRANCH:
            alternatives = [_best(_sequence(list(b))) for b in av[1]]
            if all(alternatives):
                sets.append(tuple(sorted({s for alt in alternatives for s in alt})))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, _high, sub = av
            if low >= 1:
                sets.append(_best(_sequence(list(sub))))
        # Classes, categories, anchors and look-arounds carry no required literal.
    flush()
    return [s for s in sets if s]


def _selective(literal: str) -> bool:
    """Rare enough to filter lines: three characters, two when one is not a letter or
    digit (" /"), one when it is a non-ASCII symbol ("©")."""
    if len(literal) >= _MIN_LITERAL:
        return True
    if len(literal) == 2:
        return not literal.isalnum()
    return not literal.isalnum() and not literal.isascii()  # "©", "®", "★"


def _best(sets: list[tuple[str, ...]]) -> tuple[str, ...]:
    """The most selective any-of set: the longest shortest member, then the fewest members."""
    usable = [s for s in sets if s and all(_selective(x) for x in s)]
    if not usable:
        return ()
    return max(usable, key=lambda s: (min(map(len, s)), -len(s)))


def first_token(body: str, limit: int = 48) -> str:
    """The line's text up to its first whitespace, at most ``limit`` characters (a
    prefix of the token keeps every candidate: see `StartIndex`)."""
    return body.split(None, 1)[0][:limit] if body else ""


class StartIndex:
    """For rules anchored at the line start: the rules that can match a line beginning
    with a given first token, in catalogue order (cached per token)."""

    def __init__(self, rules) -> None:
        self.rules = tuple(rules)
        self._cache: dict[str, tuple] = {}

    def candidates(self, token: str) -> tuple:
        found = self._cache.get(token)
        if found is None:
            # A match of the rule on a line that starts with `token` either ends inside
            # the token or runs past its end: in both cases matching the token alone
            # succeeds or reaches its end, which is what a partial match reports.
            found = tuple(r for r in self.rules if r.compiled.match(token, partial=True))
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            self._cache[token] = found
        return found


class LiteralIndex:
    """Finds, in one regex pass over a folded line, which rules' literals occur.

    The literals of all rules are compiled into one trie-shaped pattern looked for at
    every position; at each position it reports the longest literal that starts there.
    Every other literal starting there is a prefix of that one, so a rule's literal
    occurs exactly when one of the reported words starts with it: each rule is given
    the set of words that start with one of its literals, and checked by disjointness.

    >>> index = LiteralIndex([("reserved",), ("serve",), ("res", "cookie")])
    >>> [bool(x) for x in index.possible("all rights reserved")]
    [True, True, True]
    >>> [bool(x) for x in index.possible("rights")]
    [False, False, False]
    """

    def __init__(self, literal_sets) -> None:
        self.literal_sets = tuple(literal_sets)
        words = sorted({w for s in self.literal_sets if s for w in s})
        self._pattern = re.compile("(?=(" + _trie(words) + "))") if words else None
        self._extended = tuple(
            None if not s else frozenset(w for w in words if w.startswith(tuple(s)))
            for s in self.literal_sets
        )

    def possible(self, folded: str | None) -> list[bool]:
        """For each literal set: can a rule needing it fire on the line?  (All true
        when the line could not be folded.)"""
        if folded is None or self._pattern is None:
            return [True] * len(self.literal_sets)
        found = set(self._pattern.findall(folded))
        return [ext is None or not found.isdisjoint(ext) for ext in self._extended]


def _trie(words: list[str]) -> str:
    """A pattern matching exactly ``words``, shaped as a trie, longest match first."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return build(root)
