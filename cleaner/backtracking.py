"""Which catalogue patterns cannot backtrack catastrophically (and so run without a timeout).

A `regex` run with a timeout reads the process's CPU clock as it starts and as it ends
(two system calls, a few microseconds: more than a short line's whole match), so
`cleaner.catalogue.Matcher` hands `Options.regex_timeout` only to the runs of patterns
that are not `linear`; the others keep the guard.

`linear` reads a pattern with the standard library's parser (`cleaner.pattern_syntax`)
and holds it safe only when no back-reference or conditional, no repeat or alternation
inside a repeated group, and no two repeats without an upper bound that can take the same
characters one after the other (nothing between them that the first cannot take) are
found on any path through it.  Characters are told apart coarsely, by kind (`_KINDS`:
white space, word characters, the rest), which is enough to see that ``\\s+`` and a word
do not overlap.  A pattern the parser cannot read is not safe.
"""

from __future__ import annotations

import functools

from .pattern_syntax import REPEATS, children, prepare
from .pattern_syntax import sre_constants as _c
from .pattern_syntax import sre_parse as _sre_parse

#: The kinds characters are told apart by: white space, word characters, the rest.
SPACE, WORD, OTHER = 1, 2, 4
_ALL = SPACE | WORD | OTHER
_CATEGORY_KINDS = {_c.CATEGORY_SPACE: SPACE, _c.CATEGORY_WORD: WORD, _c.CATEGORY_DIGIT: WORD,
                   _c.CATEGORY_NOT_SPACE: WORD | OTHER, _c.CATEGORY_NOT_WORD: SPACE | OTHER,
                   _c.CATEGORY_NOT_DIGIT: _ALL}
#: Operations that make a pattern unsafe wherever they appear (back-references and
#: conditionals on a group).
_REFUSED = frozenset(getattr(_c, name) for name in
                     ("GROUPREF", "GROUPREF_EXISTS", "GROUPREF_IGNORE", "GROUPREF_LOC_IGNORE",
                      "GROUPREF_UNI_IGNORE") if hasattr(_c, name))
#: Items that take no character.
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)


class _Unsafe(Exception):
    """The pattern has something `linear` does not hold safe."""


@functools.lru_cache(maxsize=None)
def linear(pattern: str) -> bool:
    """Can ``pattern`` (`regex` syntax) not backtrack catastrophically?  See the module's
    docstring for what is held safe.

    >>> linear(r"^share\\s+(this|on)\\s+\\w+$"), linear(r"(\\w+\\s?)+$"), linear(r"\\s*\\s+x")
    (True, False, False)
    """
    prepared = prepare(pattern)
    if prepared is None:
        return False
    try:
        _sequence(_sre_parse.parse(prepared), 0)
    except _Unsafe:
        return False
    except Exception:  # noqa: BLE001 - any parser refusal: not analysed, so not safe
        return False
    return True


def _char_kinds(op, av) -> int | None:
    """The kinds (`SPACE`, `WORD`, `OTHER`) of the characters a one-character item can
    take, or ``None`` for an item that is not one character."""
    if op is _c.LITERAL or op is _c.NOT_LITERAL:
        ch = chr(av)
        kind = SPACE if ch.isspace() else WORD if (ch.isalnum() or ch == "_") else OTHER
        return kind if op is _c.LITERAL else _ALL
    if op is _c.ANY:
        return _ALL
    if op is _c.IN:
        kinds = 0
        for item_op, item_av in av:
            if item_op is _c.NEGATE:
                return _ALL
            if item_op is _c.CATEGORY:
                kinds |= _CATEGORY_KINDS.get(item_av, _ALL)
            elif item_op is _c.LITERAL:
                kinds |= _char_kinds(_c.LITERAL, item_av)
            else:  # ranges and anything else
                kinds = _ALL
        return kinds
    return None


def _body_kinds(items) -> int:
    """The kinds of every character a repeated body (no repeat or alternation in it:
    checked by the caller) can take."""
    kinds = 0
    for op, av in items:
        one = _char_kinds(op, av)
        if one is not None:
            kinds |= one
        elif op not in _ZERO_WIDTH:
            for sub in children(op, av) or ():
                kinds |= _body_kinds(sub)
    return kinds


def _sequence(items, live: int) -> int:
    """Walk a parsed sequence; ``live``: the kinds of an unbounded repeat before it that
    may still give back characters.  Returns what is live after it; raises `_Unsafe`."""
    for op, av in items:
        if op in _REFUSED:
            raise _Unsafe
        one = _char_kinds(op, av)
        if one is not None:
            live = 0 if not one & live else live  # a character the live repeat cannot take
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            _sequence(av[1], 0)
        elif op in REPEATS:
            live = _repeat(av, live)
        elif op is _c.BRANCH:
            live = _union(_sequence(alt, live) for alt in av[1])
        elif op is _c.AT:
            continue
        else:
            subs = children(op, av)
            if subs is None:
                raise _Unsafe  # an item not analysed here
            for sub in subs:
                live = _sequence(sub, live)
    return live


def _repeat(av, live: int) -> int:
    """`_sequence` over a repeat ``(least, most, body)``."""
    least, most, body = av
    if most <= 1:
        after = _sequence(body, live)
        return after | live if least == 0 else after
    _simple(body)
    kinds = _body_kinds(body)
    if most != _c.MAXREPEAT:
        return live  # a bounded repeat: at most a constant factor
    if kinds & live:
        raise _Unsafe  # two unbounded repeats that can take the same characters
    return kinds | live if least == 0 else kinds


def _simple(items) -> None:
    """Raise `_Unsafe` if a repeated body holds a repeat (more than once), an alternation
    or a back-reference."""
    for op, av in items:
        if op in _REFUSED or op is _c.BRANCH or (op in REPEATS and av[1] > 1):
            raise _Unsafe
        if op not in _ZERO_WIDTH:
            for sub in children(op, av) or ():
                _simple(sub)


def _union(values) -> int:
    out = 0
    for value in values:
        out |= value
    return out
