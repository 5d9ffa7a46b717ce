"""A later story's title over its meta line and the longer headline above it
(`Options.story_longer_yield_lines`, rust/src/story_opening.rs): the longer line wins
when it names the text or stands over the lines of a head (photo captions); one just
above the title that names nothing of the text (another page's link, the story before's
last teaser) leaves the title to the headline over the date.  The dumps are built here
from invented text (the stories of `test_stories`)."""

from __future__ import annotations

import sys
from pathlib import Path

import cleaner

sys.path.insert(0, str(Path(__file__).parent))
from test_stories import CHESS, VOLCANO  # noqa: E402

HEADLINE = "Chess champion wins the national final"
DATED = "6 November 2023, Jane Doe"
# A link of the page before, longer than the headline, with no word of the chess story.
LINK = "The best walking routes along the rocky coast this summer"
# Two photo captions under a head's title, above the line the date follows.
CAPTIONS = ["Anna Berg and Tom Hale", "Lea Stone of the home club"]


def _titles(between: list[str], **options) -> list[str | None]:
    text = "\n\n".join(["Volcano erupts again"] + VOLCANO + between + CHESS) + "\n"
    return [a.title for a in cleaner.split(text, **options)]


def test_a_longer_link_right_above_the_title_that_names_nothing_of_the_text_is_no_title():
    assert _titles([LINK, HEADLINE, DATED]) == ["Volcano erupts again", HEADLINE]


def test_nor_over_a_section_s_label_as_many_lines_up_as_the_option_says():
    assert _titles([LINK, "Videos", HEADLINE, DATED]) == ["Volcano erupts again", HEADLINE]
    assert _titles([LINK, "Videos", HEADLINE, DATED], story_longer_yield_lines=0) == ["Volcano erupts again", LINK]


def test_a_longer_line_over_photo_captions_stays_the_head_s_title():
    assert _titles([LINK, *CAPTIONS, HEADLINE, DATED]) == ["Volcano erupts again", LINK]
