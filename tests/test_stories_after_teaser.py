"""Teasers in text an extractor wrote: the story of its own after a teaser (past the
teaser's page's tail).  The dumps are built here from invented text (the stories of `test_stories`)."""

from __future__ import annotations

import sys
from pathlib import Path

import cleaner

sys.path.insert(0, str(Path(__file__).parent))
from test_stories import CHESS, SHELTERS, VOLCANO  # noqa: E402

# Another site's teaser: a sentence cut mid-sentence after some 200 characters.
TEASER = ("The city council voted on Tuesday to approve the new budget for schools, parks and roads after a long "
          "debate that lasted well into the night and drew a large crowd of residents who")
CHESS_TITLE = "Chess champion wins the national final"


def _split(lines: list[str], extracted: str = "always", **options) -> list:
    return cleaner.split("\n".join(lines) + "\n", extracted=extracted, **options)


def test_a_story_after_a_teaser_and_its_page_s_tail_is_a_story():
    # A teaser under its title, a line of its page's tail, then another site's story (its
    # title and paragraphs): the tail goes, the story is one of its own.
    lines = VOLCANO + ["Council approves the budget for schools", TEASER, "Sign the petition here.",
                       CHESS_TITLE] + CHESS
    articles = _split(lines)
    assert [a.kind for a in articles] == ["full", "teaser", "full"]
    assert articles[2].title == CHESS_TITLE
    assert articles[2].text.split("\n")[-len(CHESS):] == CHESS
    analysis = cleaner.analyze("\n".join(lines) + "\n", extracted="always")
    tail = next(v for v in analysis.verdicts if v.line.text == "Sign the petition here.")
    assert not tail.output and tail.final.rule == "context.isolated"
    # without the rule the text after the teaser is no story (here the main story's tail),
    # where the whole-text test holds a gap with no head of its own back (at a cosine of
    # 0.2; at the default 0.25 this gap stands on its own words too)
    assert [a.kind for a in _split(lines, story_row_after_paragraphs=1000, story_whole_cohesion=0.2)] == \
        ["full", "teaser"]


def test_the_rest_of_the_article_after_a_teaser_is_no_story_of_its_own():
    # Paragraphs after a teaser on the subject of the story before it are that story's.
    lines = VOLCANO + ["Council approves the budget for schools", TEASER, "Sign the petition here."] + SHELTERS
    assert [a.kind for a in _split(lines)] == ["full", "teaser"]
    assert [a.kind for a in _split(lines, story_topic_cohesion=1.0)] == ["full", "teaser", "full"]


def test_a_story_after_a_teaser_is_not_read_so_in_a_page_s_dump():
    # In a page's dump a row of teasers is followed by the page's tail (comments, notices).
    lines = VOLCANO + ["Council approves the budget for schools", TEASER, "Sign the petition here.",
                       CHESS_TITLE] + CHESS
    assert [a.kind for a in _split(lines, "never")] == ["full", "teaser"]
