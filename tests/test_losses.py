"""benchmarks/losses.py: each word of the ground truth that `clean` loses is charged to the
rule that dropped its line, each word kept that is no article text to the rule that kept
it (a tiny hand-made page, both kinds of ground truth)."""

from __future__ import annotations

import pytest

from benchmarks import losses
from cleaner import analyze

PAGE = ("Home\nSport\nWeather\n\n"
        "The council approved the budget for the village school on Monday after a long debate.\n\n"
        "The school will open a new library in the spring, the head teacher said to the parents.\n\n"
        "Copyright 2024 The Valley Gazette. All rights reserved.\n")


@pytest.fixture(scope="module")
def analysis():
    a = analyze(PAGE, extracted="never")
    rules = {v.line.text: (v.final.rule, v.output) for v in a.verdicts if v.line.text}
    # what the accounts below rest on: the menu's last word dropped as a heading, the two
    # paragraphs kept as prose, the footer dropped by the catalogue
    assert rules["Weather"] == ("feature.heading", False)
    assert rules[PAGE.splitlines()[4]] == ("feature.prose", True)
    assert rules[PAGE.splitlines()[-1]][1] is False
    return a


def test_words_of_a_ground_truth_body_are_charged_to_the_rules(analysis):
    truth = ("Weather\n\n"
             "The council approved the budget for the village school on Monday after a long debate.\n\n"
             "The school will open a new library in the spring.")
    found = losses.attribute_truth(analysis, truth)
    # the heading the body holds as a paragraph of its own: one article word lost
    assert found["feature.heading"].lost == 1 and found["feature.heading"].dropped_other == 1  # "Sport"
    # the prose kept: every word of the first paragraph, the second's end is no article text
    assert found["feature.prose"].kept == 15 + 10
    assert found["feature.prose"].kept_other == 7  # "the head teacher said to the parents"
    assert found["feature.prose"].lost == 0
    footer = next(t for rule, t in found.items() if rule.endswith("copyright_line"))
    assert footer.lost == 0 and footer.dropped_other == 8
    assert footer.drop_precision == 1.0
    # the page's recall shortfall is the heading's alone
    assert found["feature.heading"].cost > 0 and found["feature.prose"].cost == 0


def test_a_short_line_is_article_text_only_as_a_whole_paragraph_of_the_body(analysis):
    found = losses.attribute_truth(analysis, "Sport news of the week.\n\nWeather")
    assert found["feature.heading"].lost == 1  # "Weather", not "Sport" inside a sentence


def test_words_held_by_the_output_anyway_are_not_lost():
    index = losses.truth_index("The fees rise in May for the whole valley.")
    output = (losses._grams("The fees rise in May for the whole valley".split(), 4),
              " The fees rise in May for the whole valley ")
    assert losses.article_words("The fees rise in May", index) == (5, 0)
    assert losses.article_words("The fees rise in May", index, output) == (0, 0)


def test_snippets_lost_and_leaked_are_charged_to_the_rules_of_their_lines(analysis):
    found = losses.attribute_snippets(
        analysis, with_=("The school will open a new library", "Weather", "A snippet of no line"),
        without=("Copyright 2024", "head teacher said to the parents"))
    assert found["feature.heading"].lost == 1 and found["feature.heading"].cost == 1
    assert found["feature.prose"].kept == 7 and found["feature.prose"].kept_other == 6
    footer = next(t for rule, t in found.items() if rule.endswith("copyright_line"))
    assert footer.dropped_other == 2 and footer.lost == 0
    assert found[losses.NOT_IN_SOURCE].lost == 5


def test_rules_named_with_their_stage(analysis):
    found = losses.attribute_truth(analysis, "Weather", stage=True)
    assert found["classify:feature.heading"].lost == 1


def test_table_ranks_rules_by_recall_lost():
    a, b = losses.Tally(lost=3, cost=0.01), losses.Tally(lost=9, dropped_other=1, cost=0.02)
    lines = losses.table({"rule.a": a, "rule.b": b}, top=5).splitlines()
    assert lines[1].startswith("rule.b") and lines[2].startswith("rule.a")


def test_a_page_read_as_uncatalogued_has_its_language_s_catalogue_off(monkeypatch):
    # the line the English catalogue drops is left to the line features, and the
    # stages read the limits of a page in a language no catalogue covers
    import benchmarks.systems
    from benchmarks.losses import _analyse

    text = ("Short Url\n\nThe minister arrived in the capital on Tuesday for talks with the president "
            "about the budget of the coming year.")
    monkeypatch.setattr(benchmarks.systems, "text_dump", lambda page, cache: text)
    rules = [v.final.rule for v in _analyse(None, "text", None).verdicts]
    assert rules[0] == "en.share.short_url"
    off = _analyse(None, "text", None, uncatalogued=True)
    assert not off.verdicts[0].final.rule.startswith("en.")
    assert off.options.disabled_rules == frozenset({"en."})
