"""The main-story choice (`cleaner.stories.main.main_story`): a short article at the top of
a dump stays the main one when a longer story follows it, titled or not; a notice above an
article that the catalogue drops is no story.  Dumps built here from invented text."""

from __future__ import annotations

import pytest

import cleaner

PIER = [
    "Residents of the small harbour town voted on Monday to rebuild the old stone pier, which has been "
    "closed to fishing boats since the winter storms cracked its outer wall in two places.",
    "The council will pay for most of the work from its reserves, and the fishermen's association has "
    "promised to cover the rest, the mayor told the meeting after the vote was counted.",
]

COOKIE = [
    "We use cookies to give you the best experience on our website and to show you articles that "
    "match your interests.",
    "By continuing to use this website, you agree to our use of cookies as our cookie statement explains.",
]

SHARE = ["Share", "* Facebook", "* Twitter", "* Email", "* Print"]

MENU = ["* Harbours", "* Lighthouses", "* Ferries", "* Boatyards", "* Regattas"]

FROST = [
    "Orchard growers count the cost of a late frost", "By Tomas Reyes", "November 19, 2019", "",
    *(f"Growers across the valley said on Tuesday that the late frost in April had cost them much of their "
      f"{crop} crop, and that prices in the shops would rise before the end of the year as a result of the "
      f"poor harvest and the higher cost of keeping the trees warm at night." for crop in
      ("apple", "pear", "cherry", "plum", "apricot", "peach", "quince")),
]


def _main(parts: list[str]) -> str:
    return cleaner.clean("\n".join(parts) + "\n")


def _in_no_story(line: str, parts: list[str]) -> bool:
    return not any(line in a.text for a in cleaner.split("\n".join(parts) + "\n"))


KICKER = "Harbour news from the coast this week, in brief."


@pytest.mark.parametrize("head", [
    ["November 18, 2019"],  # a date
    SHARE,  # a row of share buttons
    [KICKER],  # a kicker, no byline or date before the first paragraph
    [KICKER, "By Clara Whitfield", "November 18, 2019"],  # a kicker above a byline and a date
], ids=["date", "share-row", "kicker", "kicker-byline-date"])
def test_an_untitled_first_story_stays_main_under_its_head(head):
    # With no title, a story of sentences at the top of the dump is the main story
    # whatever short lines sit above it: a longer titled story after it is the next
    # story of the dump.
    out = _main([*head, "", PIER[0], "", PIER[1], "", "Related", "", *FROST])
    assert PIER[0] in out and FROST[4] not in out


def test_a_byline_above_an_untitled_first_story_keeps_it_main():
    # The title is too long for a headline, so the story has none; the row of share
    # buttons between its byline and date and its text is the page's furniture: with
    # eight non-blank lines above it, the story still opens the dump.
    title = ("Harbour town votes to rebuild its old stone pier after winter storms left it cracked "
             "and closed to boats")
    parts = [title, "By Clara Whitfield", "November 18, 2019", *SHARE, "", PIER[0], "", PIER[1], "",
             "Related", "", *FROST]
    out = _main(parts)
    assert PIER[0] in out and FROST[4] not in out


def test_a_cookie_notice_under_a_share_row_is_no_story():
    # Counterexample: a notice the catalogue drops above the article is no story; the
    # titled article after it is the main story.
    parts = [*SHARE, "", COOKIE[0], "", COOKIE[1], "", *FROST]
    out = _main(parts)
    assert FROST[4] in out and COOKIE[0] not in out
    assert _in_no_story(COOKIE[0], parts)


def test_a_menu_above_a_first_story_is_the_page_s_furniture():
    # The items of a menu above a story's byline are the furniture of the page's head,
    # not text before the story: it still opens the dump and stays the main story.
    out = _main([*MENU, "By Clara Whitfield", "November 18, 2019", "", PIER[0], "", PIER[1], "",
                 "Related", "", *FROST])
    assert PIER[0] in out and FROST[4] not in out


def test_a_cookie_notice_under_a_menu_is_no_story():
    # Counterexample: under the same menu, a notice the catalogue drops is no story; the
    # titled article after it is the main story.
    parts = [*MENU, "", *COOKIE, "", *FROST]
    out = _main(parts)
    assert FROST[4] in out and COOKIE[0] not in out
    assert _in_no_story(COOKIE[0], parts)
