"""An author's box below an article ("About the author", the author's counts, "Follow
author", a few lines in the author's own words) is no story of its own: no story opens
where the box goes on across the gap (`cleaner.stories.authorbox`, `Options.story_bio_lines`)."""

import cleaner

_FLOOD = ["The night the river rose over the old town", "By Jane Example, 12 March 2021",
          "The river rose faster than anyone in the old town had expected, and by midnight the water stood knee "
          "deep in the market square where the stalls had been packed away.",
          "Firefighters carried sandbags from the depot to the bridge while neighbours moved furniture upstairs and "
          "the mayor called for volunteers to help the elderly leave their homes.",
          "By morning the flood had reached the church steps, and the town council met in the school gym to count "
          "the damage and plan how to clean the streets and the cellars.",
          "Engineers said the old embankment had held for ninety years, but the heavy rain of the past week and the "
          "melting snow in the hills had been too much for the river walls."]
_BOX = ["Advertisement", "About the author", "3 Fictions 5 Posts 0 Threads", "inkwell77", "Follow Author",
        "* Monday, May 3, 2021", "* Intermediate Writer",
        "Bio: I grew up reading comics and fantasy novels, and I started writing short fiction on weekends after "
        "my daughter was born.",
        "My favourite authors are those who write long sagas with dragons, wizards and kingdoms, and I hope to "
        "finish my own saga one day.",
        "Feedback on my writing is always welcome, so please leave a comment about anything you liked or disliked.",
        "Search", "Open Progress"]
_LANES = ["Council approves new cycle lanes for the city centre", "By John Sample, 14 March 2021",
          "The city council voted on Tuesday to build four new cycle lanes through the centre, a plan that cyclists "
          "have demanded for a decade and shop owners long opposed.",
          "The lanes will replace parking spaces on two main streets, and the council promised new car parks at the "
          "edge of the centre to make up for the lost spaces.",
          "Cycling groups welcomed the vote but said the plan came late, while the chamber of commerce warned that "
          "fewer parking spaces would cost shops their customers.",
          "Work on the first lane is to begin in the summer, and the council expects all four to be finished within "
          "two years if the budget allows it."]


def _dump() -> str:
    return "\n\n".join(_FLOOD + _BOX + _LANES) + "\n"


def test_an_authors_box_opens_no_story():
    titles = [a.title for a in cleaner.analyze(_dump()).articles]
    assert titles == [_FLOOD[0], _LANES[0]]


def test_read_without_the_box_its_counts_open_a_story():
    titles = [a.title for a in cleaner.analyze(_dump(), story_bio_lines=0).articles]
    assert titles == [_FLOOD[0], _BOX[2], _LANES[0]]
