"""The document's first story may be short (`Options.story_first_strong_score`): a dump
that opens with a page's short article, then the next page's under a head of its own,
is two stories; a first story of menu lines kept as body, or one above a headline the
page prints twice, is not cut off so."""

import cleaner
from cleaner.stories.boundaries import choose
from cleaner.stories.evidence import Gap

SHORT = ("The village council met on Tuesday evening and agreed to repair the old stone bridge "
         "over the river before the winter floods arrive.")
OTHER = [
    "Home | News | Sport | Contact",
    "",
    "Astronomers map the dust of a distant galaxy",
    "By Jane Roe, March 3, 2021",
    "",
    "A team of astronomers has produced the most detailed map yet of the dust clouds that "
    "surround a galaxy some twelve million light years away, using a telescope in Chile.",
    "The map shows long filaments of cold dust where new stars are forming, and the team "
    "says the method could be used on hundreds of other galaxies in the coming years.",
    "Telescope time is scarce, and the researchers plan to share their software so that "
    "other groups can repeat the measurements on archival images from older surveys.",
    "The next step is to compare the dust with the gas, which moves at different speeds "
    "and tells how quickly the galaxy turns its raw material into new generations of stars.",
]


def test_a_short_first_story_before_a_strong_gap_is_a_story():
    text = SHORT + "\n\nShare this article\n\n" + "\n\n".join(OTHER) + "\n"
    articles = cleaner.split(text, extracted="never")
    assert len(articles) == 2
    assert articles[0].text.startswith("The village council")
    assert articles[1].title == "Astronomers map the dust of a distant galaxy"
    assert len(cleaner.split(text, extracted="never", story_first_strong_score=0.0)) == 1


def test_choose_lets_the_first_story_be_short_only_where_told():
    def gap(c: int, opening, cohesion: float = 0.0) -> Gap:
        return Gap(c, None, opening, 3, 0, True, cohesion, 0.5, 9.0)

    words = [0, 25, 25, 25, 100, 175, 250]  # 25 body words above position 3
    assert choose([gap(3, "meta")], words, 0, 6) == []  # a story of 25 words: too short
    assert [g.c for g in choose([gap(3, "meta")], words, 0, 6, short={3})] == [3]
    assert [g.c for g in choose([gap(3, None)], words, 0, 6, short={3})] == [3]  # the words change
    assert choose([gap(3, None, 0.3)], words, 0, 6, short={3}) == []  # one subject, no head
