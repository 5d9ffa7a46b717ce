"""A later story's title above its date, tags or byline (`opening._echoing_head`): a
headline among the lines between the story before and the text, that names the text,
is the story's title and where it starts.  The dumps are built here from invented text
(the stories of `test_stories`)."""

from __future__ import annotations

import sys
from pathlib import Path

import cleaner

sys.path.insert(0, str(Path(__file__).parent))
from test_stories import CHESS, VOLCANO  # noqa: E402

HEADLINE = "Chess champion wins the national final"
# The page's date and its row of tags between the headline and the text.
TAGS = ["04.02.2022", "* Information", "* Project", "* Event", "* Club"]


def _dump(between: list[str]) -> str:
    return "\n\n".join(["Volcano erupts again"] + VOLCANO + between + CHESS) + "\n"


def test_a_headline_above_a_row_of_tags_that_names_the_text_is_its_title():
    articles = cleaner.split(_dump([HEADLINE] + TAGS))
    assert [a.title for a in articles] == ["Volcano erupts again", HEADLINE]
    assert articles[1].text.startswith(HEADLINE)
    # not looked for (nor the head block above the date: `test_stories_head_block`): the
    # second story opens at its first paragraph, with no title
    off = cleaner.split(_dump([HEADLINE] + TAGS), story_first_above_lines=0, story_head_block_lines=0)
    assert off[1].title is None and off[1].text.startswith(CHESS[0])


def test_a_line_that_does_not_name_the_text_is_no_title():
    # the same place, but a headline of other words (a link of the page before)
    articles = cleaner.split(_dump(["Weather warnings for the coming weekend"] + TAGS))
    assert articles[1].title is None and articles[1].text.startswith(CHESS[0])
