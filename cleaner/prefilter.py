"""Necessary conditions for a pattern to match, derived from its parsed form.

`gate(pattern)` reads a catalogue pattern and returns what any text it matches must
contain, so that a line can be ruled out with string operations before any regular
expression runs:

- ``prefixes``: the pattern is anchored at the start (every alternative begins with
  ``^``) and every match begins with one of these strings;
- ``suffixes``: the pattern is anchored at the end (every alternative ends with ``$``)
  and the line, without trailing whitespace, ends with one of these strings;
- ``literals``: every match contains one of these strings somewhere.

Strings are case-folded (`fold`: `str.casefold`, with two adjustments) and compared with
the folded line.  That is sound for case-insensitive patterns because two characters that
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

from .fold import concat_folded, fold_char, fold_chars, fold_line, other_digits
from .pattern_syntax import MAX_RANGE, REPEATS, children, prepare, with_children
from .pattern_syntax import sre_constants as _c
from .pattern_syntax import sre_parse as _sre_parse

# These bound the analysis (how long it runs, how large a gate grows): speed, not what a
# rule decides, since a gate is only ever a filter.

#: Prefix and suffix gates are cut to this many characters (a shorter prefix is still a
#: prefix), which keeps the per-line lookups few.
PREFIX_CHARS = 8
#: Required strings are cut to this many characters.
LITERAL_CHARS = 10
#: Start and required strings are cut to this many characters while analysing.
PREFIX_CUT = 16
#: Exact string sets with a string longer than this (characters) are abandoned.
MAX_EXACT_CHARS = 64
#: Sets of more strings than this are abandoned (or their strings cut shorter).
MAX_SET = 200
#: Two exact sets are concatenated only when they make at most this many pairs (strings).
MAX_EXACT_PAIRS = 4 * MAX_SET
#: A repeat that may match more than this many times (repetitions) is not spelled out as
#: exact strings.
MAX_POWER = 4
#: An item's exact strings are joined to the start strings of what follows it only when
#: they make at most this many pairs (strings); else those are cut shorter first.
MAX_PRODUCT = 4_000
#: A start set with more strings than `MAX_SET` (or that makes more pairs than
#: `MAX_PRODUCT`) is cut to these lengths in turn (characters) until it is small enough:
#: to what a prefix gate keeps anyway (`PREFIX_CHARS`), then halving.  (No start string is
#: longer than `PREFIX_CUT`.)
START_CUTS = (PREFIX_CHARS, 4, 2, 1)
#: Choosing among required-string sets: longer strings are rarer, up to this length
#: (characters); beyond it, fewer strings win: a set loses one character of score per
#: this many strings.
SCORE_CAP = 100
SCORE_SIZE = 1000.0


@dataclass(frozen=True)
class Gate:
    """What a match needs (see the module docstring); ``None``: no condition of that
    kind is known.  ``anchored``: every match starts at the start of the text."""

    prefixes: frozenset[str] | None = None
    suffixes: frozenset[str] | None = None
    literals: frozenset[str] | None = None
    anchored: bool = False
    #: The strings take ``\\d`` to be ``[0-9]``: no condition on a line with other digits.
    digits: bool = False

    def admits(self, text: str) -> bool:
        """Can the pattern match ``text``?  (``False``: certainly not.)"""
        folded, exotic = fold_line(text)
        if exotic or self.digits and other_digits(folded):
            return True
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


# --- set arithmetic ---------------------------------------------------------------------


def _product(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    """Every concatenation, or ``None`` when there are too many or too long ones."""
    if len(a) * len(b) > MAX_EXACT_PAIRS:
        return None
    out = frozenset(concat_folded(x, y) for x in a for y in b)
    if len(out) > MAX_SET or any(len(s) > MAX_EXACT_CHARS for s in out):
        return None
    return out


def _power(exact: frozenset[str] | None, lo: int, hi: int) -> frozenset[str] | None:
    """Every string of ``lo`` to ``hi`` repetitions of ``exact``, if few."""
    if exact is None or hi > MAX_POWER:
        return None
    out: set[str] = set()
    step: frozenset[str] | None = frozenset({""})
    for k in range(hi + 1):
        if k >= lo:
            out |= step
        if k < hi:
            step = _product(step, exact)
            if step is None:
                return None
    return frozenset(out) if len(out) <= MAX_SET else None


def _score(s: frozenset[str] | None) -> float:
    if not s or "" in s:
        return -1.0
    return min(SCORE_CAP, min(map(len, s))) - len(s) / SCORE_SIZE


def _best(*sets: frozenset[str] | None) -> frozenset[str] | None:
    best, score = None, 0.0
    for s in sets:
        sc = _score(s)
        if sc > score:
            best, score = s, sc
    return best



# --- the analysis -----------------------------------------------------------------------

_DIGITS = tuple(range(ord("0"), ord("9") + 1))


class _Analysis:
    """One pass over a parse tree.  ``digits``: take ``\\d`` to be ``[0-9]`` (true of
    every line without other decimal digits; `Gate.digits` records the assumption)."""

    def __init__(self, digits: bool):
        self.digits = digits
        self.used_digits = False
        self._memo: dict = {}

    def in_class(self, items) -> _Info:
        codes: list[int] = []
        for op, av in items:
            if op is _c.LITERAL:
                codes.append(av)
            elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
                codes.append(32)  # any whitespace: one space once folded
            elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT and self.digits:
                self.used_digits = True
                codes.extend(_DIGITS)
            elif op is _c.RANGE:
                lo, hi = av
                if hi - lo > MAX_RANGE:
                    return _UNKNOWN_CHAR
                codes.extend(range(lo, hi + 1))
            else:  # NEGATE, other categories ...
                return _UNKNOWN_CHAR
        chars = fold_chars(codes)
        return _Info(chars, chars, chars, False)

    def seq(self, items) -> _Info:
        key = ("seq", id(items))
        got = self._memo.get(key)
        if got is None:
            got = self._memo[key] = (self._seq(items), items)
        return got[0][0]

    def tail(self, items, start: int) -> tuple[frozenset[str] | None, bool]:
        """How non-empty matches of ``items[start:]`` start, and whether it can be empty."""
        self.seq(items)
        _, pres, empties = self._memo[("seq", id(items))][0]
        return pres[start], empties[start]

    def _seq(self, items):
        infos = [self.node(op, av) for op, av in items]
        n = len(infos)
        if not n:
            return _EMPTY, [frozenset()], [True]
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
            if inf.exact is not None:
                pre = _starts(inf.exact, after, after_empty)
            elif inf.pre is None:
                pre = None
            elif inf.empty:
                pre = None if after is None else inf.pre | after
            else:
                pre = inf.pre
            pres[i] = _shrink(pre)
            empties[i] = inf.empty and after_empty
        # Required strings: an item's own, or how a tail that cannot be empty starts.
        candidates = [inf.req for inf in infos if not inf.empty]
        candidates += [pres[i] for i in range(n) if pres[i] is not None and not empties[i]]
        if exact is not None:
            candidates.append(frozenset(s[:PREFIX_CUT] for s in exact))
        return _Info(exact, pres[0], _best(*candidates), empties[0]), pres, empties

    def node(self, op, av) -> _Info:
        key = (op, av if isinstance(av, int) else id(av))
        got = self._memo.get(key)
        if got is None:
            got = self._memo[key] = (self._node(op, av), av)  # av kept alive with its id
        return got[0]

    def _node(self, op, av) -> _Info:
        if op is _c.LITERAL:
            ch = frozenset({fold_char(chr(av))})
            return _Info(ch, ch, ch, False)
        if op is _c.IN:
            return self.in_class(av)
        if op in (_c.NOT_LITERAL, _c.ANY, _c.CATEGORY):
            return _UNKNOWN_CHAR
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            return _EMPTY
        if op is _c.SUBPATTERN:
            return self.seq(av[-1])
        if op is _c.ATOMIC_GROUP:
            return self.seq(av)
        if op is _c.BRANCH:
            infos = [self.seq(b) for b in av[1]]
            exact = None
            if all(i.exact is not None for i in infos):
                exact = frozenset().union(*(i.exact for i in infos))
                if len(exact) > MAX_SET:
                    exact = None
            pre = None
            if all(i.pre is not None for i in infos):
                pre = _shrink(frozenset().union(*(i.pre for i in infos)))
            req = None
            if all(_score(i.req) > 0 for i in infos):
                req = frozenset().union(*(i.req for i in infos))
            return _Info(exact, pre, req, any(i.empty for i in infos))
        if op in REPEATS:
            lo, hi, sub = av
            inf = self.seq(sub)
            if inf.exact is not None and inf.exact <= {"", " "}:
                # Whitespace, folded to one space however many times it repeats.
                if lo == 0 or "" in inf.exact:
                    return _Info(frozenset({"", " "}), frozenset({" "}), None, True)
                return _Info(frozenset({" "}), frozenset({" "}), frozenset({" "}), False)
            if lo == 0:
                return _Info(_power(inf.exact, lo, hi), inf.pre, None, True)
            return _Info(_power(inf.exact, lo, hi), inf.pre, inf.req, inf.empty)
        return _Info(None, None, None, True)  # anything else: no knowledge at all

    def stripped_starts(self, items) -> tuple[frozenset[str] | None, bool]:
        """For a reversed sequence: how its matches start once leading whitespace is
        removed (``None``: unknown), and whether a match can be whitespace only."""
        starts: set[str] = set()
        for i, (op, av) in enumerate(items):
            if _blank(op, av):
                continue
            subs = children(op, av)
            # A group, a branch, or a repeat of at most one: (...)? or (...){1}.
            if subs is not None and (op not in REPEATS or av[1] == 1):
                vanish = op in REPEATS and av[0] == 0
                for b in subs:
                    sub, v = self.stripped_starts(b)
                    if sub is None:
                        return None, False
                    starts |= sub
                    vanish = vanish or v
                if not vanish:
                    return frozenset(starts), False
                continue
            head = self.node(op, av)
            # The item's non-empty matches (nothing of them is stripped), then the rest.
            if head.exact is not None:
                rest_pre, rest_empty = self.tail(items, i + 1)
                got = _starts(head.exact - {""}, rest_pre, rest_empty)
                if got is None:
                    return None, False
                starts |= got
            elif head.pre is None:
                return None, False
            else:
                starts |= head.pre
            shrunk = _shrink(starts)
            if shrunk is None:
                return None, False
            starts = set(shrunk)
            if not head.empty:
                return frozenset(starts), False
            # The item may match nothing: what follows it may be what the line ends with.
        return frozenset(starts), True


def _starts(exact: frozenset[str], after: frozenset[str] | None, after_empty: bool) -> frozenset[str] | None:
    """How non-empty matches of an item that matches ``exact``, followed by something
    whose non-empty matches start with ``after`` (possibly empty: ``after_empty``), start."""
    if "" in exact and after is None:
        return None
    base: set[str] = set(after) if "" in exact else set()
    if after is not None and len(exact) * len(after) > MAX_PRODUCT:
        # Too many combinations: what follows, cut shorter, still says something.
        after = _cut_until(after, lambda cut: len(exact) * len(cut) <= MAX_PRODUCT)
    if after is None:
        return _shrink(base | {e[:PREFIX_CUT] for e in exact if e})
    parts = set(base)
    for e in exact:
        if not e:
            continue
        if len(e) >= PREFIX_CUT or after_empty:
            parts.add(e[:PREFIX_CUT])
        if len(e) < PREFIX_CUT:
            parts.update(concat_folded(e, f)[:PREFIX_CUT] for f in after)
    # Too many combinations: cut them shorter, or keep the item's own strings, whichever
    # says more.
    if len(parts) <= MAX_SET:
        return frozenset(parts)
    combined = _shrink(parts)
    short = _shrink(base | {e[:PREFIX_CUT] for e in exact if e})
    return combined if _score(combined) >= _score(short) else short


def _shrink(starts) -> frozenset[str] | None:
    """A start set of at most `MAX_SET` strings, cut shorter if need be (a shorter start is
    still a start), or ``None``."""
    if starts is None:
        return None
    if len(starts) <= MAX_SET:
        return frozenset(starts)
    return _cut_until(starts, lambda cut: len(cut) <= MAX_SET)


def _cut_until(starts, small) -> frozenset[str] | None:
    """``starts`` cut to the first length of `START_CUTS` at which ``small`` holds of the
    cut set, or ``None``."""
    for length in START_CUTS:
        cut = frozenset(s[:length] for s in starts)
        if small(cut):
            return cut
    return None


def _anchored(items) -> bool:
    """Does every match begin at the start of the string (non-multiline ``^``/``\\A``)?"""
    if not items:
        return False
    op, av = items[0]
    if op is _c.AT:
        return av in (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING)
    subs = children(op, av)  # a group or a branch: each of its sequences (not a repeat)
    return subs is not None and op not in REPEATS and all(_anchored(s) for s in subs)


def _anchored_end(items) -> bool:
    """Does every match end at the end of the string (``$``: or before a final newline)?"""
    if not items:
        return False
    op, av = items[-1]
    if op is _c.AT:
        return av in (_c.AT_END, _c.AT_END_STRING)
    subs = children(op, av)
    return subs is not None and op not in REPEATS and all(_anchored_end(s) for s in subs)


def _reversed(items) -> list:
    """The parse tree matching the reversed strings (zero-width items kept as they are)."""
    out = []
    for op, av in reversed(list(items)):
        subs = children(op, av)
        if subs is not None:
            av = with_children(op, av, [_reversed(s) for s in subs])
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
    subs = children(op, av)
    return subs is not None and all(_blank(o, a) for sub in subs for o, a in sub)


def gate(pattern: str) -> Gate:
    """The necessary conditions of a catalogue pattern (see the module docstring)."""
    text = prepare(pattern)
    if text is None:
        return NO_GATE
    try:
        items = list(_sre_parse.parse(text, re.IGNORECASE))
    except (re.error, RecursionError, OverflowError, ValueError):
        return NO_GATE
    analysis = _Analysis(digits=True)
    info = analysis.seq(items)
    if info.empty:
        return NO_GATE
    anchored = _anchored(items)
    prefixes = None
    if anchored and info.pre and "" not in info.pre:
        prefixes = _minimal(frozenset(s[:PREFIX_CHARS] for s in info.pre))
    suffixes = None
    if _anchored_end(items):
        ends, vanish = analysis.stripped_starts(_reversed(items))
        if ends and not vanish and not any(s[:1].isspace() or not s for s in ends):
            suffixes = frozenset(s[::-1] for s in _minimal(frozenset(s[:PREFIX_CHARS] for s in ends)))
    literals = _fewest(info.req) if _score(info.req) > 0 else None
    return Gate(prefixes, suffixes, literals, anchored, analysis.used_digits)


def _fewest(strings: frozenset[str]) -> frozenset[str]:
    """Required strings cut to `LITERAL_CHARS`, without those that contain another one
    (where the longer one is, so is the shorter)."""
    cut = sorted({s[:LITERAL_CHARS] for s in strings}, key=len)
    keep: list[str] = []
    for s in cut:
        if not any(k in s for k in keep):
            keep.append(s)
    return frozenset(keep)


def _minimal(pre: frozenset[str]) -> frozenset[str]:
    """Drop strings that extend another one of the set (the shorter one decides)."""
    keep = []
    for s in sorted(pre, key=len):
        if not any(s.startswith(k) for k in keep):
            keep.append(s)
    return frozenset(keep)
