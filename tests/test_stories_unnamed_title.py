"""A later story's title that belongs to the page before (`opening.unnamed_title`): a
headline above the furniture between two stories (here the headline printed again)
whose words go on with the text before it rather than with the text after it is the
page before's tail, no title of the next story, which starts at its text
(`Options.story_title_behind_cohesion`).  A headline over its own byline and date alone
stays (`test_stories.test_a_title_too_long_for_a_headline_above_a_byline_is_the_story_title`).
The dumps are built here from invented text (the stories of `test_stories`)."""

from __future__ import annotations

import sys
from pathlib import Path

import cleaner

sys.path.insert(0, str(Path(__file__).parent))
from test_stories import CHESS, VOLCANO  # noqa: E402


def _dump(head: str, *gap: str) -> str:
    return "\n\n".join(["Volcano erupts again"] + VOLCANO + [head, *gap] + CHESS) + "\n"


def _second(text: str, **options) -> tuple[str | None, str]:
    analysis = cleaner.analyze(text, **options)
    assert len(analysis.articles) == 2
    story = analysis.articles[1]
    return story.title, text[story.span[0]:]


def test_a_headline_of_the_page_before_is_no_title_of_the_next_story():
    head = "About the volcano observatory"
    title, rest = _second(_dump(head, head))
    assert title is None
    assert rest.startswith(CHESS[0])


def test_without_it_the_next_story_starts_at_that_headline():
    head = "About the volcano observatory"
    title, rest = _second(_dump(head, head), story_title_behind_cohesion=-1.0)
    assert title == head
    assert rest.startswith(head)


def test_a_headline_that_names_the_text_below_stays_its_title():
    head = "Who won the national chess final?"
    title, rest = _second(_dump(head, "Posted by Anna Berg, Science Desk", "Share this:"))
    assert title == head
    assert rest.startswith(head)
