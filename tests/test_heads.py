"""The story finder's dateline test (rust/src/heads.rs), whose pattern the compiled core
runs over the cells of its character classes (rust/src/cells.rs), held to the same
pattern read by Python's `regex` on lines built to reach its every part: quotes, upper
case runs up to and past its 40 characters, a place after a comma, an agency in
parentheses, the separators, and long runs of spaces and letters past the characters a
match can read."""

from __future__ import annotations

import random

import regex

from cleaner.stories.evidence import dateline

DATELINE = regex.compile(
    r"""^[\p{Pi}\p{Ps}'‘“"]?\p{Lu}[\p{Lu}\p{M}\s.'’&\-]{2,40}[\p{Pf}\p{Pe}'’”"]?"""
    r"(?:,\s*[\p{L}.\s]{2,20})?\s*(?:\([^()]{1,30}\))?\s*(?::|—|–|-{1,2})\s+\S"
)

#: Pieces of lines: characters of every class of the pattern (assigned long ago, so that
#: both engines' Unicode tables agree), and runs of them.
PIECES = ["WASHINGTON", "OSLO", "AUSTIN", ", Texas", ", N.Y.", " (AP)", " (Reuters)", " - ", " — ", " – ",
          ": ", "--", " ", "   ", "\u00a0", "\u2003", "\t", "É", "Ü", "Ç", "\u0301", "ǅ", "Σ", "Ж", "ж", "ß",
          "‘", "’", "“", "”", "«", "»", "(", ")", "[", "]", '"', "'", ".", ",", "&", "-", "a", "z", "Z", "1",
          "中", "FAST FACTS", "A" * 20, "B" * 39, "C" * 41, "x" * 25, " " * 30, "(" + "y" * 29 + ")"]


def _upper(word: str) -> bool:
    return bool(regex.search(r"\p{Uppercase}", word)) and not regex.search(r"[\p{Lowercase}\p{Lt}]", word)


def _expected(text: str) -> bool:
    """`cleaner.stories.evidence.dateline` in Python: the pattern, then its words of two
    letters or more upper case, all but two, the first one too."""
    m = DATELINE.search(text)
    if m is None:
        return False
    caps = [w for w in regex.findall(r"\p{L}+", text[: m.end()]) if len(w) >= 2]
    upper = sum(map(_upper, caps))
    return bool(caps) and upper >= max(1, len(caps) - 2) and _upper(caps[0])


def test_the_dateline_over_cells_is_the_pattern_over_characters():
    rng = random.Random(17)
    lines = ["".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 14))) for _ in range(20000)]
    found = [text for text in lines if _expected(text)]
    assert len(found) > 300  # the lines reach the pattern's every part
    assert [text for text in lines if dateline(text) != _expected(text)] == []
