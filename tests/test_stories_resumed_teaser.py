"""A line cut mid-sentence at the end of a page's text that goes on with the words of the
text before it is the page's own (a post's last paragraph, a note after the article), no
teaser and no story (`cleaner.stories.teasers.resumed`).  Invented text (the volcano story of
`test_stories`)."""

from __future__ import annotations

import sys
from pathlib import Path

import cleaner

sys.path.insert(0, str(Path(__file__).parent))
from test_stories import VOLCANO  # noqa: E402

# The writer's last paragraph, cut off by the dump: it goes on with the story's words.
OWN = ("My own family lived on the island for many years, and every time I read about the eruption I remember the "
       "nights we spent waiting for news from the observatory while")
# A line cut mid-sentence on other words: another story's teaser.
OTHER = ("Readers who want to help the families can give money to the relief fund of the island, which buys masks "
         "and blankets and pays for the buses, and whose volunteers said on Monday that")


# Another story's headline, above its teaser.
TITLE = "Relief fund asks readers for masks and blankets"


def _kinds(lines: list[str], **options) -> list[str]:
    return [a.kind for a in cleaner.split("\n\n".join(lines) + "\n", **options)]


def test_a_last_paragraph_cut_mid_sentence_on_the_story_s_words_is_no_teaser():
    # in a page's dump: no story of its own, a line of the page's tail
    text = "\n\n".join(VOLCANO + [OWN]) + "\n"
    assert _kinds(VOLCANO + [OWN], extracted="never") == ["full"]
    own = next(v for v in cleaner.analyze(text, extracted="never").verdicts if v.line.text == OWN)
    assert not own.output and own.story is None and own.final.rule == "context.isolated"
    # without the test it is read as a teaser of another story
    assert _kinds(VOLCANO + [OWN], extracted="never", story_teaser_resume_cohesion=2.0) == ["full", "teaser"]


def test_the_untitled_teasers_that_open_a_row_are_read_on_their_own():
    # the post's last paragraph, cut, above another story's teaser under its title: the
    # paragraph is the page's own, the titled teaser stays one
    lines = VOLCANO + [OWN, TITLE, OTHER]
    a = cleaner.analyze("\n\n".join(lines) + "\n", extracted="never")
    assert [(art.kind, art.title) for art in a.articles] == [("full", None), ("teaser", TITLE)]
    own = next(v for v in a.verdicts if v.line.text == OWN)
    assert not own.output and own.story is None and own.final.rule == "context.isolated"
    # a titled teaser first: the row goes on as teasers
    assert _kinds(VOLCANO + [TITLE, OTHER, OWN], extracted="never") == ["full", "teaser", "teaser"]


def test_the_threshold_decides():
    # the same line is a teaser once the words it must share are more than it shares
    assert _kinds(VOLCANO + [OWN], extracted="never", story_teaser_resume_cohesion=0.9) == ["full", "teaser"]


def test_a_cut_line_on_other_words_stays_a_teaser():
    assert _kinds(VOLCANO + [OTHER], extracted="never") == ["full", "teaser"]


def test_a_longer_row_is_left_to_the_teaser_finder():
    assert _kinds(VOLCANO + [OWN], extracted="never", story_teaser_resume_row=0) == ["full", "teaser"]


def test_in_text_an_extractor_wrote_a_row_at_the_end_is_left_to_the_teaser_finder():
    # an extractor's lines at the end of its text would stay the story's
    assert _kinds(VOLCANO + [OWN], extracted="always") == ["full", "teaser"]


class _Lines:
    """What `_shared` reads of a `Reader`: the lines' texts and the page's stoplist."""

    def __init__(self, texts: list[str], stops: frozenset[str]):
        self.text, self.stops = texts.__getitem__, stops


def test_another_language_s_function_words_are_no_shared_words():
    from cleaner.stories.teasers import _shared

    german = ["Die Stadt hat für die Schule und für das Bad nicht genug Geld, sagt der Rat, und das ist "
              "nicht neu, denn auch im letzten Jahr war es so.",
              "Der Verein meldet, dass die Halle auch in diesem Winter für die Kinder nicht offen ist und "
              "dass das Training bei den Nachbarn stattfindet."]
    r = _Lines(german, frozenset({"the", "and", "of"}))  # an English page's stoplist
    assert _shared(r, [0], [1]) == 0.0
