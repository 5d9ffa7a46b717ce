"""A story of one line cut mid-sentence between two boundaries is a teaser whole as it is
(`cleaner.stories.boundaries._lone`): it needs no `Options.story_min_words` of body."""

import cleaner
from cleaner.stories.boundaries import choose
from cleaner.stories.evidence import Gap

from test_main_story import ASH, FROST

#: Another site's story cut mid-sentence: fewer words than a story needs, too few for
#: the teaser scan's test of a line set apart by its words alone.
TEASER = ("Ada Varga took pole position in the desert race ahead of Tom Brenner on Saturday after a qualifying "
          "session in which the veteran driver set the fastest lap and her team")


def _gap(c: int, score: float) -> Gap:
    return Gap(c, None, None, 0, 0, False, 0.1, 0.0, score)


def test_choose_lets_a_teaser_s_story_stand_between_two_boundaries():
    # 80 body words before position 3, a teaser of 30 words at 3, a story from 4 on
    words = [0, 30, 60, 80, 110, 140, 170, 200, 230]
    gaps = [_gap(3, 6.0), _gap(4, 7.0)]
    assert [g.c for g in choose(gaps, words, 0, 8)] == [4]  # the teaser lacks the body a story needs
    assert [g.c for g in choose(gaps, words, 0, 8, lone={4})] == [3, 4]
    # the last story a teaser too (``end`` among them): it stands with no body after it
    assert [g.c for g in choose([_gap(3, 6.0)], words[:5], 0, 4)] == []
    assert [g.c for g in choose([_gap(3, 6.0)], words[:5], 0, 4, lone={4})] == [3]


def _dump(sep: str, head: list[str]) -> str:
    return sep.join(FROST + ["Share this story", "Newsletter"] + head + [TEASER] + ["Related topics", "Sign in"]
                    + ASH) + "\n"


def test_a_teaser_under_its_headline_between_two_stories_is_a_story_of_its_own():
    # A story, two lines of its page's furniture, another site's headline and the first
    # words of its story cut mid-sentence, that page's furniture, the next story: three
    # stories, in text written one block a line, with its blocks apart, or in a page's dump.
    for sep, how in (("\n", {}), ("\n\n", {}), ("\n\n", {"extracted": "never"})):
        text = _dump(sep, ["Varga takes pole in the desert"])
        articles = cleaner.split(text, **how)
        assert [a.kind for a in articles] == ["full", "teaser", "full"], (sep, how)
        assert TEASER in articles[1].text
        # with the teaser's story held to the body a story needs, it goes with a neighbour
        assert [a.kind for a in cleaner.split(text, story_teaser_story_lines=0, **how)] == ["full", "full"]


def test_a_cut_line_with_no_headline_in_a_page_s_dump_is_no_teaser_s_story():
    # Counterexample: in text an extractor wrote, the cut line between the two stories'
    # furniture is a teaser with no headline too; in a page's dump a cut line with no
    # headline of its own among the furniture is as often the page's own (an appeal, an
    # address in its footer), and it does not stand as a story of its own.
    text = "\n".join(FROST + ["Share this story"] + [TEASER] + ["Sign in"] + ASH) + "\n"
    assert [a.kind for a in cleaner.split(text)] == ["full", "teaser", "full"]
    assert [a.kind for a in cleaner.split(text, story_teaser_story_lines=0)] == ["full", "full"]
    paged = text.replace("\n", "\n\n")
    assert [a.kind for a in cleaner.split(paged, extracted="never")] == ["full", "full"]
