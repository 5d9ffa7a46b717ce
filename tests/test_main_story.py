"""The main-story choice (`cleaner.stories.main.main_story`): a short article at the top of
a dump stays the main one when a longer story follows it; a notice above an article does
not.  Dumps built here from invented text."""

from __future__ import annotations

import cleaner

PIER = [
    "Residents of the small harbour town voted on Monday to rebuild the old stone pier, which has been "
    "closed to fishing boats since the winter storms cracked its outer wall in two places.",
    "The council will pay for most of the work from its reserves, and the fishermen's association has "
    "promised to cover the rest, the mayor told the meeting after the vote was counted.",
]

NOTICE = [
    "We use your e-mail address only to send you our newsletter, and you can unsubscribe at any time "
    "with the link in each issue.",
    "Your data is kept on our own servers and is never passed on to anybody else, as our privacy "
    "statement explains in detail.",
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


def test_a_date_above_an_untitled_first_story_keeps_it_main():
    # An untitled story at the top gives way to a longer titled one (a notice above an
    # article), but not when a date lies above it: that is the head of an article.
    out = _main(["November 18, 2019", "", PIER[0], "", PIER[1], "", "Related", "", *FROST])
    assert PIER[0] in out and FROST[4] not in out


def test_a_byline_above_an_untitled_first_story_keeps_it_main():
    # The title is too long for a headline, so the story has none; its byline and date
    # still make it an article's head, not a notice above the next story, and the row of
    # share buttons between them and the text is the page's furniture: with eight
    # non-blank lines above it, the story still opens the dump.
    title = ("Harbour town votes to rebuild its old stone pier after winter storms left it cracked "
             "and closed to boats")
    parts = [title, "By Clara Whitfield", "November 18, 2019", *SHARE, "", PIER[0], "", PIER[1], "",
             "Related", "", *FROST]
    out = _main(parts)
    assert PIER[0] in out and FROST[4] not in out


def test_a_notice_under_a_share_row_still_gives_way_to_the_article():
    # Counterexample: the same furniture above a notice with no byline or date: the
    # titled article after it is the main story.
    out = _main([*SHARE, "", NOTICE[0], "", NOTICE[1], "", *FROST])
    assert FROST[4] in out and NOTICE[0] not in out


def test_a_menu_above_a_first_story_is_the_page_s_furniture():
    # The items of a menu above a story's byline are the furniture of the page's head,
    # not text before the story: it still opens the dump and stays the main story.
    out = _main([*MENU, "By Clara Whitfield", "November 18, 2019", "", PIER[0], "", PIER[1], "",
                 "Related", "", *FROST])
    assert PIER[0] in out and FROST[4] not in out


def test_a_notice_under_a_menu_still_gives_way_to_the_article():
    # Counterexample: the menu does not make a notice with no byline or date above it an
    # article's head; the titled article after it is the main story.
    out = _main([*MENU, "", *NOTICE, "", *FROST])
    assert FROST[4] in out and NOTICE[0] not in out


def test_a_byline_under_a_first_story_s_first_line_keeps_it_main():
    # The story's first kept line is a short kicker above its byline and date: the meta
    # lines between its first line and its first paragraph are an article's head too.
    kicker = "Harbour news from the coast this week, in brief."
    out = _main([kicker, "By Clara Whitfield", "November 18, 2019", "", PIER[0], "", PIER[1], "",
                 "Related", "", *FROST])
    assert PIER[0] in out and FROST[4] not in out


def test_a_kicker_above_a_notice_still_gives_way_to_the_article():
    # Counterexample: without a byline or a date before its first paragraph, the notice
    # under the same kicker gives way to the titled article after it.
    kicker = "Harbour news from the coast this week, in brief."
    out = _main([kicker, "", *NOTICE, "", *FROST])
    assert FROST[4] in out and NOTICE[0] not in out
