"""A later story's head block (`opening._head_block`): its headline above its date, a
byline and a picture's credit (with a caption under them that the finder would take for
the story's title, or none, the story starting at its text) is the story's title and
where it starts; a headline of other words there (a link of the page before) is not.
The dumps are built here from invented text (the stories of `test_stories`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import cleaner

sys.path.insert(0, str(Path(__file__).parent))
from test_stories import CHESS, VOLCANO  # noqa: E402

HEADLINE = "Chess champion wins the national final"
# The head's furniture under the headline: a date and byline, then a picture's caption
# that ends in its credit, right above the text.
DATED = "6 November 2023, Jane Doe"
CAPTION = "The young champion at the board in the city hall | © Jane Doe / Agency"
# ... or a date with a count of comments and a picture's credit.
COUNTED = ["6 November 2023 | 3 comments", "Photo: Jane Doe (the final in the city hall)"]


def _dump(between: list[str]) -> str:
    return "\n\n".join(["Volcano erupts again"] + VOLCANO + between + CHESS) + "\n"


@pytest.mark.parametrize("furniture", [[DATED, CAPTION], COUNTED], ids=["caption", "credit"])
def test_the_headline_above_its_date_and_credit_is_the_story_s_title(furniture):
    articles = cleaner.split(_dump([HEADLINE, *furniture]))
    assert [a.title for a in articles] == ["Volcano erupts again", HEADLINE]
    assert articles[1].text.startswith(HEADLINE)
    assert "Volcano" not in articles[1].text and HEADLINE not in articles[0].text


def test_without_the_head_block_a_caption_is_taken_for_the_title_or_the_text_has_none():
    off = cleaner.split(_dump([HEADLINE, DATED, CAPTION]), story_head_block_lines=0)
    assert off[1].title == CAPTION and off[1].text.startswith(CAPTION)
    off = cleaner.split(_dump([HEADLINE, *COUNTED]), story_head_block_lines=0)
    assert off[1].title is None and off[1].text.startswith(CHESS[0])


def test_a_headline_above_the_date_that_does_not_name_the_text_is_no_title():
    other = "Weather warnings for the coming weekend"
    articles = cleaner.split(_dump([other, DATED, CAPTION]))
    assert articles[1].title != other and other not in articles[1].text


@pytest.mark.xfail(strict=True, reason="below a headline that does not name the text, the caption under "
                                       "its date is still taken for the story's title")
def test_a_caption_under_a_headline_that_does_not_name_the_text_is_no_title_either():
    articles = cleaner.split(_dump(["Weather warnings for the coming weekend", DATED, CAPTION]))
    assert articles[1].title != CAPTION
