"""A later story starts at its head proper (`opening._reached_back`, `opening.named_title`):
at its headline, not at the furniture above it (a cookie box's line, a share row), nor
below its headline when the story above kept that headline and a note under it as its
last lines.  The dumps are built here from invented text (the stories of `test_stories`)."""

from __future__ import annotations

import sys
from pathlib import Path

import cleaner

sys.path.insert(0, str(Path(__file__).parent))
from test_stories import CHESS, VOLCANO  # noqa: E402

HEADLINE = "The Young Champion Wins the Final and the Club Can Celebrate"
# A note under the headline that the story above keeps with it as its last lines.
NOTE = "This article originally appeared in the weekly chess review."
# The furniture between two stories: a cookie box's line and a share row.
FURNITURE = ["We use cookies on this website.", "Share on Facebook"]


def _dump(between: list[str]) -> str:
    return "\n\n".join(VOLCANO + between + CHESS) + "\n"


def test_a_story_after_a_cookie_line_and_a_share_line_starts_at_its_headline():
    articles = cleaner.split(_dump([*FURNITURE, HEADLINE]))
    assert len(articles) == 2 and articles[1].title == HEADLINE
    assert articles[1].text.startswith(HEADLINE)
    assert not any(line in articles[1].text for line in FURNITURE)


def test_a_headline_the_story_above_would_keep_opens_the_next_story():
    articles = cleaner.split(_dump(["Sport", HEADLINE, NOTE]))
    assert len(articles) == 2 and articles[1].title == HEADLINE
    assert articles[1].text.startswith(HEADLINE)
    assert HEADLINE not in articles[0].text and "volcano" not in articles[1].text


def test_without_reaching_back_the_story_starts_below_its_headline():
    off = cleaner.split(_dump(["Sport", HEADLINE, NOTE]), story_reach_back_lines=0)
    assert off[1].title is None and off[1].text.startswith(NOTE)
