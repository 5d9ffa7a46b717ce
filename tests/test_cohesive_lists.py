"""A list right after an article's body under one heading-like line (`cleaner.story_end`,
``story.list``): kept when its short items use the body's words,
left out when they do not or when they are headlines.  Invented pages (no corpus text)."""

from __future__ import annotations

import dataclasses

from cleaner import Options, analyze

BODY = [
    "The regional league closed its season on Sunday, and eight clubs have earned a place in "
    "the spring cup, which will be played for the first time in three towns.",
    "Harbour Town beat Millford two to nothing to take the last place, and Eastwick and "
    "Northgate drew to finish level at the top of the league table.",
]
CLUBS = ["* Harbour Town (second place)", "* Eastwick (league winner)", "* Northgate (third place)",
         "* Millford (fourth place)"]
AFTER = ["Jane Roe", "Sports Writer"]


def _page(heading: str, items: list[str]) -> str:
    return "\n\n".join(["Menu", "Home", *BODY, heading, "\n".join(items), *AFTER])


def _rules(text: str, opts: Options = Options()) -> dict[str, tuple[bool, str]]:
    a = analyze(text, html="never", extracted="never", options=opts)
    return {v.line.text: (v.output, v.final.rule) for v in a.verdicts if v.line.text}


def test_a_list_of_the_body_words_under_a_heading_is_the_articles():
    rules = _rules(_page("Spring cup clubs", CLUBS))
    assert rules["Spring cup clubs"] == (True, "story.list")
    assert all(rules[item] == (True, "story.list") for item in CLUBS)
    assert not rules["Jane Roe"][0]


def test_a_list_that_does_not_use_the_body_words_stays_out():
    others = ["* Garden tools (sale)", "* Winter coats (new)", "* Kitchen knives (offer)", "* Rain boots (sale)"]
    rules = _rules(_page("Spring cup clubs", others))
    assert not any(rules[item][0] for item in others)


def test_a_heading_that_does_not_use_the_body_words_opens_no_list():
    rules = _rules(_page("Shop now", CLUBS))
    assert not any(rules[item][0] for item in CLUBS)


def test_headlines_under_a_heading_are_not_the_articles_list():
    headlines = ["* Harbour Town signs a new coach from the capital after a long season",
                 "* Eastwick fans plan a parade through the town centre for the league winners",
                 "* Northgate will play its home games of the spring cup at a new ground"]
    rules = _rules(_page("More on the spring cup", headlines))
    assert not any(rules[item][0] for item in headlines)


def test_the_share_is_an_option():
    never = dataclasses.replace(Options(), list_cohesion_share=1.5)
    rules = _rules(_page("Spring cup clubs", CLUBS), never)
    assert not any(rules[item][0] for item in CLUBS)
