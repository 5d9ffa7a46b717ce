"""A label the page repeats opens no stories (`cleaner.stories.main.join_repeated`): a
gallery after an article, each photo's caption under the same label and a date, is one
story, not one per caption; a headline printed only twice still opens its stories.  The
dumps are built here from invented text (the stories of `test_stories`)."""

from __future__ import annotations

import sys
from pathlib import Path

import cleaner

sys.path.insert(0, str(Path(__file__).parent))
from test_stories import VOLCANO  # noqa: E402

LABEL = "News of the week in pictures"
# Captions cut mid-sentence, long enough to read as teasers of their own.
CAPTIONS = [
    "Large waves crash over the harbour wall of the old town during the strong winds that swept the coast on "
    "Monday and left many of the houses near the beach without power",
    "Shoppers queue outside a furniture store in the north of the country after the new rules were announced by "
    "the government for all the shops of the region from next week",
    "Students protest against the plans for hybrid learning outside the main building of the university in the "
    "capital city as the new term begins for most of them this week",
    "A rare giant crab is moved into the sale room during a preview of the forthcoming auction of the natural "
    "history museum that opens to the public at the end of the month",
]


def _gallery(captions: list[str]) -> str:
    """A page's dump: the article, then each caption under the label, a date and a credit,
    every block indented and apart."""
    blocks = ["Volcano erupts again"] + VOLCANO
    for day, caption in enumerate(captions, 10):
        blocks += [LABEL, f"{day} October 2020", caption, "Agency"]
    return "\n\n".join(" " * 16 + block for block in blocks) + "\n"


def test_a_gallery_under_one_repeated_label_is_one_story():
    text = _gallery(CAPTIONS)
    assert [a.kind for a in cleaner.split(text)] == ["full", "teaser"]
    # the label stands four times: without the rule each caption is a story of its own
    off = cleaner.split(text, story_repeated_head=0)
    assert [a.kind for a in off] == ["full"] + ["teaser"] * 4
    assert [a.title for a in off[1:]] == [LABEL] * 4
    # the main story's text is the article either way
    assert cleaner.clean(text) == cleaner.clean(text, story_repeated_head=0)
    assert all(caption not in cleaner.clean(text) for caption in CAPTIONS)


def test_a_label_over_two_entries_still_opens_both():
    text = _gallery(CAPTIONS[:2])
    assert [a.kind for a in cleaner.split(text)] == ["full", "teaser", "teaser"]
