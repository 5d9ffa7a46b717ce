"""A later story's stray head (`boundaries._stray_head`): a kept line right above the
furniture between two stories, such as the author's box of the page before, that
shares no word with the next story's text is no part of that story, which starts at its
text (`Options.story_stray_head_lines`).  The dumps are built here from invented text
(the stories of `test_stories`)."""

from __future__ import annotations

import sys
from pathlib import Path

import cleaner

sys.path.insert(0, str(Path(__file__).parent))
from test_stories import CHESS, VOLCANO  # noqa: E402

# The page before's share row, its author box (a sentence), then its related links: the
# furniture between the two stories, which no story keeps but the author's box.
SHARE = ["Share this:", "Twitter", "Facebook", "Email", "Print", "Posted in Science"]
BIO = "Anna Berg writes about travel and food for the weekly magazine and lives with two cats by the sea."


def _dump(bio: str = BIO) -> str:
    return "\n\n".join(["Volcano erupts again"] + VOLCANO + SHARE + [bio, "Related posts"] + CHESS) + "\n"


def test_a_stray_head_above_the_furniture_is_no_part_of_the_next_story():
    articles = cleaner.split(_dump())
    assert len(articles) == 2
    assert articles[1].text.startswith(CHESS[0])
    assert BIO not in articles[1].text and BIO not in articles[0].text
    text = _dump()
    assert text[articles[1].span[0]:].startswith(CHESS[0])


def test_without_it_the_story_starts_at_the_author_s_box():
    articles = cleaner.split(_dump(), story_stray_head_lines=0)
    assert articles[1].text.startswith(BIO)


def test_a_first_line_that_names_the_text_stays_the_story_s():
    lead = "The national chess final ended on Saturday with a new young champion from the capital."
    articles = cleaner.split(_dump(lead))
    assert articles[1].text.startswith(lead)
