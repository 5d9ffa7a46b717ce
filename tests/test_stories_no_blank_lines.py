"""A dump of pages with no blank lines between its lines splits as the same dump with them.

Without blank lines the text reads as written one block a line, as an extractor writes one
page (`cleaner.extracted.extraction_layout` ``"dense"``); the next page's article nested
at an indentation of its own still tells the pages apart there
(`cleaner.stories.boundaries.layout`), while text the caller says is an extractor's stays
one page's.  Invented text (the pier and rescue stories of `test_stories`)."""

from __future__ import annotations

import sys
from pathlib import Path

import cleaner

sys.path.insert(0, str(Path(__file__).parent))
from test_stories import PIER, RESCUE  # noqa: E402


def _dump(sep: str, a: int = 4, b: int = 10) -> str:
    """PIER at ``a`` spaces, RESCUE at ``b``, their lines joined by ``sep``."""
    return sep.join([" " * a + p for p in PIER] + [" " * b + p for p in RESCUE]) + "\n"


def _split(text: str, **options) -> list[list[str]]:
    # without the new names the topic alone falls short of a boundary: the layout decides
    return [[p.strip() for p in a.text.split("\n") if p.strip()]
            for a in cleaner.split(text, story_names_weight=0.0, **options)]


def test_a_dump_without_blank_lines_splits_as_with_them():
    spaced, one = _dump("\n\n"), _dump("\n")
    assert _split(spaced) == [PIER, RESCUE]
    # read as text written one block a line, the indentation tells the pages apart all the same
    assert _split(one) == [PIER, RESCUE]


def test_text_written_one_block_a_line_without_indentation_is_one_story():
    assert len(_split(_dump("\n", 0, 0))) == 1
    assert len(_split(_dump("\n"), story_indent_weight=0.0)) == 1


def test_text_said_to_be_an_extractor_s_is_one_page_s():
    assert len(_split(_dump("\n"), extracted="always")) == 1
