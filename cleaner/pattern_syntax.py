"""Reading a catalogue pattern with the standard library's parser.

`prepare` turns a pattern written for the `regex` module into standard-library syntax
(``\\p{..}`` become "any character") or refuses it when the two parsers could read it
differently; `cleaner.prefilter` analyses what it returns.  `children` and
`with_children` are the one place that knows where a parse item keeps the sequences it is
made of, for the walks over the parse tree.
"""

from __future__ import annotations

import re

from re import _constants as sre_constants
from re import _parser as sre_parse

#: Character ranges wider than this are treated as "any character".
MAX_RANGE = 64
REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)


_QUANT = re.compile(r"\{(?:\d+|\d*,\d*)\}")
_SIMPLE_FLAGS = set("is-")  # inline flags that change nothing for the analysis


def prepare(pattern: str) -> str | None:
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



def children(op, av) -> list | None:
    """The sequences a parse item ``(op, av)`` is made of: a group's contents, each
    alternative of a branch, the body of a repeat; ``None`` for an item that holds none
    (a lookaround's contents are not counted: they are not part of the match)."""
    if op is sre_constants.SUBPATTERN:
        return [av[-1]]
    if op is sre_constants.ATOMIC_GROUP:
        return [av]
    if op is sre_constants.BRANCH:
        return list(av[1])
    if op in REPEATS:
        return [av[2]]
    return None


def with_children(op, av, subs: list):
    """The argument ``av`` of a parse item with its sequences (`children`) replaced by
    ``subs``, in the same order."""
    if op is sre_constants.SUBPATTERN:
        return (*av[:-1], subs[0])
    if op is sre_constants.ATOMIC_GROUP:
        return subs[0]
    if op is sre_constants.BRANCH:
        return (av[0], subs)
    if op in REPEATS:
        return (av[0], av[1], subs[0])
    return av
