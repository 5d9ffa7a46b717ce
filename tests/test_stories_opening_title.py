"""A later story that opens at a headline, the text right below it, has that headline
as its title (`opening._opens_titled`), though the headline names nothing of its text.
The dumps are built here from invented text (the stories of `test_stories`)."""

from __future__ import annotations

import sys
from pathlib import Path

import cleaner

sys.path.insert(0, str(Path(__file__).parent))
from test_stories import CHESS, VOLCANO  # noqa: E402

HEADLINE = "Nobody will stop us from playing this game!"


def _dump(head: list[str]) -> str:
    # one newline a line: the page's menu, then the next story's headline over its text
    return "\n".join(["Volcano erupts again"] + VOLCANO + ["* Home", "* Contact"] + head + CHESS) + "\n"


def test_a_story_opening_at_a_headline_over_its_text_has_it_as_title():
    articles = cleaner.split(_dump([HEADLINE]))
    assert len(articles) == 2
    assert articles[1].text.startswith(HEADLINE)
    assert articles[1].title == HEADLINE


def test_a_story_opening_at_its_paragraph_has_no_title():
    # no headline over the text: the story opens at its first paragraph, with no title
    articles = cleaner.split(_dump([]))
    assert all(a.title is None for a in articles[1:])
