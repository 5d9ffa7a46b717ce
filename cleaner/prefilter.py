"""Necessary conditions for a pattern to match, derived from its parsed form.

`gate(pattern)` reads a catalogue pattern and returns what any text it matches must
contain, so that a line can be ruled out with string operations before any regular
expression runs:

- ``prefixes``: the pattern is anchored at the start (every alternative begins with
  ``^``) and every match begins with one of these strings;
- ``suffixes``: the pattern is anchored at the end (every alternative ends with ``$``)
  and the line, without trailing whitespace, ends with one of these strings;
- ``literals``: every match contains one of these strings somewhere.

Strings are case-folded (`fold`: `str.casefold` without U+0307) and compared with the
folded line.  That is sound for case-insensitive patterns because two characters that
match each other under the `regex` module's simple case folding fold the same way, and
`regex`'s ``\\s`` only matches characters that `str.rstrip` removes (the tests check both
over all of Unicode, for every character a gate uses).

The pattern is parsed with the standard library's parser (``re._parser``).  Syntax only
the `regex` module knows is handled conservatively: ``\\p{..}``/``\\P{..}`` become "any
character"; a pattern with other `regex`-only syntax (POSIX classes, fuzzy or unusual
braces, unknown escapes or flags) gets no gate at all (`NO_GATE`: always tried).  A gate
is only ever a filter: the rule's own compiled `regex` pattern decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

#: Prefix and suffix gates are cut to this many characters (a shorter prefix is still a
#: prefix), which keeps the per-line lookups few.
PREFIX_CHARS = 8
#: Start and required strings are cut to this many characters while analysing.
PREFIX_CUT = 16
#: Exact string sets longer than this are abandoned.
MAX_EXACT_CHARS = 64
#: Sets larger than this are abandoned.
MAX_SET = 200
#: Character ranges wider than this are treated as "any character".
MAX_RANGE = 64


@dataclass(frozen=True)
class Gate:
    """What a match needs (see the module docstring); ``None``: no condition of that
    kind is known.  ``anchored``: every match starts at the start of the text."""

    prefixes: frozenset[str] | None = None
    suffixes: frozenset[str] | None = None
    literals: frozenset[str] | None = None
    anchored: bool = False

    def admits(self, folded: str) -> bool:
        """Can a line whose case-folded text is ``folded`` match?"""
        if self.prefixes is not None and not folded.startswith(tuple(self.prefixes)):
            return False
        if self.suffixes is not None and not folded.rstrip().endswith(tuple(self.suffixes)):
            return False
        if self.literals is not None and not any(s in folded for s in self.literals):
            return False
        return True


NO_GATE = Gate()


class _Info(NamedTuple):
    exact: frozenset[str] | None  # every string the node can match (folded), if few
    pre: frozenset[str] | None  # every non-empty match starts with one of these
    req: frozenset[str] | None  # every match contains one of these
    empty: bool  # can match the empty string


_EMPTY = _Info(frozenset({""}), frozenset(), None, True)
_UNKNOWN_CHAR = _Info(None, None, None, False)

# --- pattern text checks --------------------------------------------------------------

_QUANT = re.compile(r"\{(?:\d+|\d*,\d*)\}")
_SIMPLE_FLAGS = set("is-")  # inline flags that change nothing for the analysis


def _prepare(pattern: str) -> str | None:
    """The pattern in stdlib syntax with ``\\p{..}`` replaced, or ``None`` when it uses
    syntax that the two parsers could read differently."""
    out = []
    i, n = 0, len(pattern)
    in_class = False
    class_start = -1
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            if i + 1 >= n:
                return None
            nxt = pattern[i + 1]
            if nxt in "pP" and i + 2 < n and pattern[i + 2] == "{":
                end = pattern.find("}", i + 3)
                if end < 0:
                    return None
                out.append(r"\w\W" if in_class else r"[\w\W]")
                i = end + 1
                continue
            if nxt.isalpha() and nxt not in "bBdDsSwWAZntrfvx":
                return None  # \N{..}, \u, \X, \m, \G, \L<..>, \K ...: not analysed
            if nxt == "x" and pattern[i + 2:i + 3] == "{":
                return None
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if ch == "[" and pattern[i + 1:i + 2] == ":":
                return None  # POSIX class in `regex`, literal characters in `re`
            if ch == "]" and i > class_start:
                in_class = False
            out.append(ch)
            i += 1
            continue
        if ch == "[":
            in_class = True
            j = i + 1
            if pattern[j:j + 1] == "^":
                j += 1
            if pattern[j:j + 1] == "]":
                j += 1  # a leading ']' is a literal
            class_start = j
            out.append(pattern[i:j])
            i = j
            continue
        if ch == "{":
            m = _QUANT.match(pattern, i)
            if not m:
                return None  # a literal brace or fuzzy matching: parsers disagree
            out.append(m.group())
            i = m.end()
            continue
        if ch == "(" and pattern[i + 1:i + 2] == "?":
            rest = pattern[i + 2:]
            if rest[:1] in (":", "=", "!", ">") or rest.startswith(("<=", "<!")):
                pass
            else:
                flags = re.match(r"[a-zA-Z-]*", rest).group()
                if not flags or not set(flags) <= _SIMPLE_FLAGS or rest[len(flags):len(flags) + 1] not in (":", ")"):
                    return None
        out.append(ch)
        i += 1
    if in_class:
        return None
    return "".join(out)


# --- set arithmetic ---------------------------------------------------------------------


def _product(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    """Every concatenation, or ``None`` when there are too many or too long ones."""
    if len(a) * len(b) > MAX_SET * 4:
        return None
    out = frozenset(_cat(x, y) for x in a for y in b)
    if len(out) > MAX_SET or any(len(s) > MAX_EXACT_CHARS for s in out):
        return None
    return out


def _score(s: frozenset[str] | None) -> float:
    if not s or "" in s:
        return -1.0
    return min(map(len, s)) - len(s) / 1000.0


def _best(*sets: frozenset[str] | None) -> frozenset[str] | None:
    best, score = None, 0.0
    for s in sets:
        sc = _score(s)
        if sc > score:
            best, score = s, sc
    return best


_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """The text as gates see it: `str.casefold` without U+0307 (the combining dot that
    ``İ`` folds to, so that it folds to ``i`` as `regex` matches it), every run of
    whitespace one space.  Cheap for a line that is already normalised."""
    folded = text.casefold()
    if not folded.isascii():
        folded = folded.replace("\u0307", "")
    if "  " in folded or not folded.isprintable():
        folded = _SPACES.sub(" ", folded)
    return folded


def _fold_char(c: str) -> str:
    return " " if c.isspace() else fold(c)


def _cat(a: str, b: str) -> str:
    """Concatenation as `fold` would leave it (two spaces meet: one)."""
    return a + b[1:] if a[-1:] == " " and b[:1] == " " else a + b


def _fold_chars(codes) -> frozenset[str]:
    return frozenset(_fold_char(chr(c)) for c in codes)


# --- the analysis -----------------------------------------------------------------------


def _in_class(items) -> _Info:
    codes: list[int] = []
    for op, av in items:
        if op is _c.LITERAL:
            codes.append(av)
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            codes.append(32)  # any whitespace: one space once folded
        elif op is _c.RANGE:
            lo, hi = av
            if hi - lo > MAX_RANGE:
                return _UNKNOWN_CHAR
            codes.extend(range(lo, hi + 1))
        else:  # NEGATE, CATEGORY, ...
            return _UNKNOWN_CHAR
    chars = _fold_chars(codes)
    return _Info(chars, chars, chars, False)


def _seq(items: list) -> _Info:
    infos = [_node(op, av) for op, av in items]
    n = len(infos)
    if not n:
        return _EMPTY
    # Every string the whole sequence can match, if few.
    exact: frozenset[str] | None = frozenset({""})
    for inf in infos:
        exact = _product(exact, inf.exact) if (exact is not None and inf.exact is not None) else None
    # pres[i]: how every non-empty match of infos[i:] starts; empties[i]: can it be empty.
    pres: list[frozenset[str] | None] = [None] * (n + 1)
    empties = [True] * (n + 1)
    pres[n] = frozenset()
    for i in range(n - 1, -1, -1):
        inf, after, after_empty = infos[i], pres[i + 1], empties[i + 1]
        pre: frozenset[str] | None
        if inf.exact is not None:
            parts: set[str] | None = set()
            for e in inf.exact:
                if e == "":
                    if after is None:
                        parts = None
                        break
                    parts |= after
                    continue
                if len(e) >= PREFIX_CUT or after is None or after_empty:
                    parts.add(e[:PREFIX_CUT])
                if len(e) < PREFIX_CUT and after is not None:
                    parts.update(_cat(e, f)[:PREFIX_CUT] for f in after)
                if len(parts) > MAX_SET:
                    parts = None
                    break
            pre = frozenset(parts) if parts is not None else None
        elif inf.pre is None:
            pre = None
        elif inf.empty:
            pre = None if after is None else inf.pre | after
        else:
            pre = inf.pre
        if pre is not None and len(pre) > MAX_SET:
            pre = None
        pres[i] = pre
        empties[i] = inf.empty and after_empty
    # Required strings: an item's own, or how a tail that cannot be empty starts.
    candidates = [inf.req for inf in infos if not inf.empty]
    candidates += [pres[i] for i in range(n) if pres[i] is not None and not empties[i]]
    if exact is not None:
        candidates.append(frozenset(s[:PREFIX_CUT] for s in exact))
    return _Info(exact, pres[0], _best(*candidates), empties[0])


def _node(op, av) -> _Info:
    if op is _c.LITERAL:
        ch = frozenset({_fold_char(chr(av))})
        return _Info(ch, ch, ch, False)
    if op is _c.IN:
        return _in_class(av)
    if op in (_c.NOT_LITERAL, _c.ANY, _c.CATEGORY):
        return _UNKNOWN_CHAR
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _EMPTY
    if op is _c.SUBPATTERN:
        return _seq(av[-1])
    if op is _c.ATOMIC_GROUP:
        return _seq(av)
    if op is _c.BRANCH:
        infos = [_seq(b) for b in av[1]]
        exact = None
        if all(i.exact is not None for i in infos):
            exact = frozenset().union(*(i.exact for i in infos))
            if len(exact) > MAX_SET:
                exact = None
        pre = None
        if all(i.pre is not None for i in infos):
            pre = frozenset().union(*(i.pre for i in infos))
            if len(pre) > MAX_SET:
                pre = None
        req = None
        if all(_score(i.req) > 0 for i in infos):
            req = frozenset().union(*(i.req for i in infos))
        return _Info(exact, pre, req, any(i.empty for i in infos))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        lo, hi, sub = av
        inf = _seq(sub)
        if inf.exact is not None and inf.exact <= {"", " "}:
            # Whitespace, folded to one space however many times it repeats.
            if lo == 0 or "" in inf.exact:
                return _Info(frozenset({"", " "}), frozenset({" "}), None, True)
            return _Info(frozenset({" "}), frozenset({" "}), frozenset({" "}), False)
        if lo == 0:
            exact = inf.exact | {""} if (hi == 1 and inf.exact is not None) else None
            return _Info(exact, inf.pre, None, True)
        exact = None
        if lo == hi and inf.exact is not None and lo <= 4:
            exact = frozenset({""})
            for _ in range(lo):
                exact = _product(exact, inf.exact) if exact is not None else None
        return _Info(exact, inf.pre, inf.req, inf.empty)
    return _Info(None, None, None, True)  # anything else: no knowledge at all


def _anchored(items) -> bool:
    """Does every match begin at the start of the string (non-multiline ``^``/``\\A``)?"""
    if not items:
        return False
    op, av = items[0]
    if op is _c.AT:
        return av in (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING)
    if op is _c.SUBPATTERN:
        return _anchored(av[-1])
    if op is _c.ATOMIC_GROUP:
        return _anchored(av)
    if op is _c.BRANCH:
        return all(_anchored(b) for b in av[1])
    return False


def _anchored_end(items) -> bool:
    """Does every match end at the end of the string (``$``: or before a final newline)?"""
    if not items:
        return False
    op, av = items[-1]
    if op is _c.AT:
        return av in (_c.AT_END, _c.AT_END_STRING)
    if op is _c.SUBPATTERN:
        return _anchored_end(list(av[-1]))
    if op is _c.ATOMIC_GROUP:
        return _anchored_end(list(av))
    if op is _c.BRANCH:
        return all(_anchored_end(list(b)) for b in av[1])
    return False


_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))


def _reversed(items) -> list:
    """The parse tree matching the reversed strings (zero-width items kept as they are)."""
    out = []
    for op, av in reversed(list(items)):
        if op is _c.SUBPATTERN:
            av = (*av[:-1], _reversed(av[-1]))
        elif op is _c.ATOMIC_GROUP:
            av = _reversed(av)
        elif op is _c.BRANCH:
            av = (av[0], [_reversed(b) for b in av[1]])
        elif op in _REPEATS:
            av = (av[0], av[1], _reversed(av[2]))
        out.append((op, av))
    return out


def _blank(op, av) -> bool:
    """Does the item only ever match whitespace (or nothing)?"""
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return True
    if op is _c.LITERAL:
        return chr(av).isspace()
    if op is _c.IN:
        return all(
            (o is _c.CATEGORY and a is _c.CATEGORY_SPACE) or (o is _c.LITERAL and chr(a).isspace())
            for o, a in av
        )
    if op in _REPEATS:
        return all(_blank(o, a) for o, a in av[2])
    if op is _c.SUBPATTERN:
        return all(_blank(o, a) for o, a in av[-1])
    return False


def _stripped_starts(items) -> tuple[frozenset[str] | None, bool]:
    """For a reversed sequence: how its matches start once leading whitespace is removed
    (``None``: unknown), and whether a match can be whitespace only."""
    items = list(items)
    starts: set[str] = set()
    for i, (op, av) in enumerate(items):
        if _blank(op, av):
            continue
        if op in (_c.SUBPATTERN, _c.ATOMIC_GROUP, _c.BRANCH):
            branches = [av[-1]] if op is _c.SUBPATTERN else [av] if op is _c.ATOMIC_GROUP else av[1]
            vanish = False
            for b in branches:
                sub, v = _stripped_starts(b)
                if sub is None:
                    return None, False
                starts |= sub
                vanish = vanish or v
            if not vanish:
                return frozenset(starts), False
            continue
        head = _node(op, av)
        # The item's non-empty matches (nothing of them is stripped), then the rest.
        if head.exact is not None:
            rest = _seq(items[i + 1:])
            for e in head.exact:
                if not e:
                    continue
                if rest.pre is None or rest.empty or len(e) >= PREFIX_CUT:
                    starts.add(e[:PREFIX_CUT])
                if rest.pre is not None and len(e) < PREFIX_CUT:
                    starts.update(_cat(e, f)[:PREFIX_CUT] for f in rest.pre)
            if len(starts) > MAX_SET:
                return None, False
        elif head.pre is None:
            return None, False
        else:
            starts |= head.pre
        if not head.empty:
            return frozenset(starts), False
        # The item may match nothing: what follows it may be what the line ends with.
    return frozenset(starts), True


def gate(pattern: str) -> Gate:
    """The necessary conditions of a catalogue pattern (see the module docstring)."""
    text = _prepare(pattern)
    if text is None:
        return NO_GATE
    try:
        tree = _sre_parse.parse(text, re.IGNORECASE)
    except (re.error, RecursionError, OverflowError, ValueError):
        return NO_GATE
    items = list(tree)
    info = _seq(items)
    if info.empty:
        return NO_GATE
    anchored = _anchored(items)
    prefixes = None
    if anchored and info.pre and "" not in info.pre:
        prefixes = _minimal(frozenset(s[:PREFIX_CHARS] for s in info.pre))
    suffixes = None
    if _anchored_end(items):
        ends, vanish = _stripped_starts(_reversed(items))
        if ends and not vanish and not any(s[:1].isspace() or not s for s in ends):
            suffixes = frozenset(s[::-1] for s in _minimal(frozenset(s[:PREFIX_CHARS] for s in ends)))
    literals = info.req if _score(info.req) > 0 else None
    return Gate(prefixes, suffixes, literals, anchored)


def _minimal(pre: frozenset[str]) -> frozenset[str]:
    """Drop strings that extend another one of the set (the shorter one decides)."""
    keep = []
    for s in sorted(pre, key=len):
        if not any(s.startswith(k) for k in keep):
            keep.append(s)
    return frozenset(keep)


def chars_used(g: Gate) -> set[str]:
    """Every character a gate compares with (for the case-folding check in the tests)."""
    out: set[str] = set()
    for group in (g.prefixes or (), g.suffixes or (), g.literals or ()):
        for s in group:
            out.update(s)
    return out


class StartIndex:
    """Which of many strings a text starts with, in one `re.match`: ``lookup(text)`` is
    the union (bitwise or) of the values of every string that ``text`` starts with.

    The strings form a trie compiled to one regular expression whose alternatives never
    overlap, so the match is the longest string the text starts with; every shorter one
    it starts with is a prefix of that one, and its value includes theirs.
    """

    def __init__(self, values: dict[str, int]):
        self.values = dict(values)
        closure: dict[str, int] = {}
        for s in values:
            bits = 0
            for k in range(1, len(s) + 1):
                bits |= values.get(s[:k], 0)
            closure[s] = bits
        self.closure = closure
        #: ``match(text)``: the match of the longest string ``text`` starts with, or None.
        self.match = re.compile(_trie_regex(values) if values else "(?!)").match

    def lookup(self, text: str) -> int:
        m = self.match(text)
        return self.closure[m[0]] if m else 0


def _trie_regex(strings) -> str:
    """A regular expression matching exactly ``strings``, longest first along each path."""
    trie: dict = {}
    for s in strings:
        node = trie
        for ch in s:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return emit(trie)
