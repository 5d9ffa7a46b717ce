"""Segmentation (`cleaner.segment.segment`, the compiled core's `line_columns`) where the
core reads the text 64 characters at a time: lines, breaks, spaces and hidden characters
across the edges of those blocks give what `str.splitlines` and `normalize` give
(tests/oracle.py), in strings of one, two and four bytes a character."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.segment import segment
from . import oracle

#: Pieces whose kinds the core tells apart: visible, space, hidden (tab, no-break space,
#: controls, invisible), breaks ("\r\n" is one), above ASCII and beyond Latin-1.
PIECES = ["a", "Zz", ".", " ", "  ", "\t", "\xa0", "\x7f", "\x00", "\u200b", "\xad", "\u3000",
          "\n", "\r", "\r\n", "\n\r", "\x0b", "\x0c", "\x1c", "\x1e", "\x1f", "\x85", "\u2028",
          "é", "—", "\U0001f600"]


def _same(text: str) -> None:
    assert [tuple(line) for line in segment(text)] == oracle.segment(text)


def test_every_piece_at_every_place_around_the_edges_of_a_block():
    """A piece (or two) put at each place from 60 to 68 and 124 to 132 of lines of letters
    and of spaces: the first, the last and the next block's first character."""
    for widen in ("", "é", "\U0001f600"):
        for fill in ("a", " ", "ab "):
            base = widen + fill * 200
            for piece in PIECES:
                for second in ("", " ", "\n", "b"):
                    for at in [*range(60, 69), *range(124, 133)]:
                        _same(base[:at] + piece + second + base[at:])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=40, max_size=400).map("".join))
def test_long_texts_of_every_kind_of_character(text):
    _same(text)
