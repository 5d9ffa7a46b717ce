"""A teaser's headline that shares no word with its text is its title all the same when it
stands alone between two texts: a paragraph above it, the teaser right below it
(`cleaner.stories.opening.lone_title`).  Invented text (the volcano story of
`test_stories`)."""

from __future__ import annotations

import sys
from pathlib import Path

import cleaner

sys.path.insert(0, str(Path(__file__).parent))
from test_stories import VOLCANO  # noqa: E402

# Another story's headline of three words, none of them in its teaser, and the teaser,
# cut mid-sentence.
HEAD = "Quiet Harbour Evenings"
TEASER = ("Fishermen in the old port mend their nets after dark, and the cafés along the quay stay open "
          "until the last boat is tied up, while the children who")


def _stories(lines: list[str], **options) -> list[tuple[str, str | None]]:
    text = "\n\n".join(lines) + "\n"
    return [(a.kind, a.title) for a in cleaner.split(text, extracted="never", **options)]


def test_a_teaser_s_headline_alone_between_two_texts_is_its_title():
    assert _stories(VOLCANO + [HEAD, TEASER]) == [("full", None), ("teaser", HEAD)]


def test_the_option_turns_it_off():
    assert _stories(VOLCANO + [HEAD, TEASER], story_lone_title_words=0) == [("full", None), ("teaser", None)]
    # a headline shorter than the option asks names no teaser
    assert _stories(VOLCANO + [HEAD, TEASER], story_lone_title_words=4) == [("full", None), ("teaser", None)]


def test_a_label_under_a_link_is_no_title():
    # under another short line (a list's links, a box's call), the line is the page's
    # furniture, no headline standing alone
    assert _stories(VOLCANO + ["Read more stories", HEAD, TEASER]) == [("full", None), ("teaser", None)]


def test_a_label_printed_again_below_is_no_title():
    # the page prints the line again further down: a label of the page, no teaser's headline
    assert _stories(VOLCANO + [HEAD, TEASER, HEAD]) == [("full", None), ("teaser", None)]


def test_a_line_cut_short_is_no_title():
    assert _stories(VOLCANO + [HEAD + "…", TEASER]) == [("full", None), ("teaser", None)]
