"""The main text region (`cleaner.blocks.main_block`), the related-links lists
(`cleaner.blocks.related_lists`) and the main story's gaps (`cleaner.blocks.inside_main`)
on hand-built lines and decisions: which blocks the region reaches, which list items are
another page's headlines, which runs between two kept lines of the main story become its
text."""

from __future__ import annotations

import pytest

from cleaner import Options
from cleaner.blocks import inside_main, main_block, related_lists
from cleaner.features import LIST_ITEM, TEXT, TINY
from cleaner.types import Decision, Features, Line

PROSE = Decision(True, "feature.prose", "body", "prose", "classify")
HEADING = Decision(False, "feature.heading", "boilerplate", "heading-like", "classify")
SHORT = Decision(False, "feature.short", "boilerplate", "short", "classify")
LOW = Decision(False, "feature.low_stopwords", "boilerplate", "few stopwords", "classify")
SHARE = Decision(False, "en.share.follow", "share", "share bar", "classify")
UNPUNCTUATED = Decision(False, "feature.no_punctuation", "boilerplate", "no punctuation", "classify")
SANDWICHED = Decision(True, "context.sandwiched", "body", "between body lines", "context")


def _run(initial: list[Decision], final: list[Decision] | None = None) -> list[str]:
    """The final rule of every line, all of them in story 0 (the main one)."""
    final = final or initial
    lines = [Line(i, i, i + 1, f"line {i}", f"line {i}") for i in range(len(initial))]
    decided, _ = inside_main(lines, initial, final, [0] * len(initial), 0, Options())
    return [d.rule for d in decided]


def test_a_table_between_two_paragraphs_is_the_story_text():
    rules = _run([PROSE, HEADING, LOW, LOW, PROSE])
    assert rules[1:4] == ["context.inside_story"] * 3


def test_a_run_with_a_catalogue_drop_stands():
    rules = _run([PROSE, HEADING, SHARE, LOW, PROSE])
    assert rules[1:4] == ["feature.heading", "en.share.follow", "feature.low_stopwords"]


def test_a_menu_stands():
    rules = _run([PROSE, *[HEADING] * 5, PROSE])
    assert rules[1:6] == ["feature.heading"] * 5


def test_a_menu_cut_by_a_line_its_neighbours_kept_stands():
    # the context rules kept the middle entry (a short line between two others): the
    # menu is still one run of five short lines, not two runs of two
    initial = [PROSE, HEADING, HEADING, SHORT, HEADING, HEADING, PROSE]
    final = [*initial[:3], SANDWICHED, *initial[4:]]
    rules = _run(initial, final)
    assert rules[1:6] == ["feature.heading", "feature.heading", "context.sandwiched",
                          "feature.heading", "feature.heading"]


def test_a_line_its_neighbours_kept_right_after_body_opens_no_run():
    initial = [PROSE, SHORT, HEADING, PROSE]
    final = [PROSE, SANDWICHED, HEADING, PROSE]
    assert _run(initial, final) == ["feature.prose", "context.sandwiched", "context.inside_story",
                                    "feature.prose"]


def test_a_longer_line_its_neighbours_kept_ends_the_run():
    # a line of many words without end punctuation is no menu entry: the share bar
    # before it stands, the subheading after it is the story's
    initial = [PROSE, SHARE, UNPUNCTUATED, HEADING, PROSE]
    final = [*initial[:2], SANDWICHED, *initial[3:]]
    rules = _run(initial, final)
    assert rules[1:4] == ["en.share.follow", "context.sandwiched", "context.inside_story"]


def _region(decisions: list[Decision], words: int = 50) -> list[str]:
    """The rule of every line after the main region: each kept line holds ``words``
    words of prose, each dropped one two words of a heading."""
    lines = [Line(i, i, i + 1, f"line {i}", f"line {i}") for i in range(len(decisions))]
    feats = [Features(words if d.keep else 2, 0.5, d.keep, False, 0.1, 0.0, 0) for d in decisions]
    decided, _ = main_block(lines, feats, decisions, Options())
    return [d.rule for d in decided]


def test_the_region_goes_on_after_a_long_list_to_dense_text():
    # two parts of an article as long as each other, a list of twelve heading-like items
    # between them (more than block_max_gap lines): the region reaches the second part
    rules = _region([PROSE] * 3 + [HEADING] * 12 + [PROSE] * 3)
    assert rules[-3:] == ["feature.prose"] * 3


def test_the_region_stops_at_a_catalogue_drop_before_dense_text():
    rules = _region([PROSE] * 3 + [HEADING] * 6 + [SHARE] + [HEADING] * 5 + [PROSE] * 3)
    assert rules[-3:] == ["context.isolated"] * 3


def test_the_region_does_not_go_on_to_thin_text():
    # fewer words than block_follow_words after the list: a footer's lines, not the article
    decisions = [PROSE] * 3 + [HEADING] * 12 + [PROSE] * 3
    assert _region(decisions, words=20)[-3:] == ["context.isolated"] * 3


RELATED = Decision(False, "en.related.popular", "related", "related heading", "classify")
BLANK = Decision(True, "blank", "blank", "", "classify")
LINKS = Decision(False, "html.links", "related", "link density 0.90", "extractor")
HEADED = Decision(True, "context.heading", "heading", "heading directly followed by body", "context")
#: shapes: a list item, a line, a related-links line of at most two words ("Read more")
ITEM, LINE, BARE = TEXT | LIST_ITEM, TEXT, TEXT | TINY


@pytest.mark.parametrize("decisions, shape, rules", [
    # body, "Most read", a blank line, three items (two kept as prose, one dropped), body
    pytest.param([PROSE, RELATED, BLANK, PROSE, HEADING, SANDWICHED, PROSE],
                 [LINE, LINE, 0, ITEM, ITEM, ITEM, LINE],
                 ["feature.prose", "en.related.popular", "blank", "context.isolated",
                  "feature.heading", "context.isolated", "feature.prose"], id="list under a related heading"),
    pytest.param([RELATED, PROSE, HEADING, PROSE, PROSE], [LINE, ITEM, ITEM, LINE, ITEM],
                 ["en.related.popular", "context.isolated", "feature.heading", "feature.prose",
                  "feature.prose"], id="the list ends at a line that is no list item"),
    # block_related_list_items (2): a single item is a line of its own (a search box)
    pytest.param([RELATED, PROSE, PROSE], [LINE, ITEM, LINE],
                 ["en.related.popular", "feature.prose", "feature.prose"], id="one item is no list"),
    # a dropped subheading that is no related-links line: the list is the article's
    pytest.param([PROSE, HEADING, PROSE, PROSE], [LINE, LINE, ITEM, ITEM],
                 ["feature.prose", "feature.heading", "feature.prose", "feature.prose"],
                 id="a list under another heading stands"),
    # an item of the article's own list that is a link on the page (``html.links``, of
    # category related) is no heading: the items after it stand
    pytest.param([PROSE, LINKS, PROSE, PROSE], [ITEM, ITEM, ITEM, ITEM],
                 ["feature.prose", "html.links", "feature.prose", "feature.prose"],
                 id="a link line dropped by page evidence opens no list"),
    # a headline kept only as sandwiched above "Read more", or under a bare one
    pytest.param([PROSE, SANDWICHED, RELATED, PROSE], [LINE, LINE, LINE, LINE],
                 ["feature.prose", "context.isolated", "en.related.popular", "feature.prose"],
                 id="headline above a related link"),
    pytest.param([PROSE, RELATED, SANDWICHED, PROSE], [LINE, BARE, LINE, LINE],
                 ["feature.prose", "en.related.popular", "context.isolated", "feature.prose"],
                 id="headline under a bare related link"),
    # "Related: <headline>" is the link itself; the heading after it opens the next part
    pytest.param([PROSE, RELATED, HEADED, PROSE], [LINE, LINE, LINE, LINE],
                 ["feature.prose", "en.related.popular", "context.heading", "feature.prose"],
                 id="subheading under a related link with its own headline"),
    pytest.param([PROSE, RELATED, PROSE], [LINE, BARE, LINE],
                 ["feature.prose", "en.related.popular", "feature.prose"],
                 id="a line its line rule kept stands"),
])
def test_related_lists(decisions, shape, rules):
    assert [d.rule for d in related_lists(decisions, Options(), bytes(shape))] == rules
