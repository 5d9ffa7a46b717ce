"""Declared rules: every code rule is declared next to the code that fires it (by each
stage that fires it), reads only real options, and fires (no id in the registry that
nothing can fire)."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from cleaner import Options, analyze, blocks, classify, extracted, guarantees, pipeline, smooth, stories, story_end
from cleaner.catalogue import load_rules
from cleaner.registry import code_rules, registry
from cleaner.rules import CodeRule, joined
from cleaner.types import STAGES

TESTS = Path(__file__).resolve().parent
SEEDS = TESTS.parent / "corpus" / "seeds"

B1 = "The council approved the new budget for the village school after a long debate on Monday."
B2 = "The school will open a new library in the spring, the head teacher said after the vote."
B3 = "Parents welcomed the decision and said the old building had been too small for years."
MENU = "\n".join(["Home", "News", "Sport", "Weather", "Travel", "Culture", "Science", "Health",
                  "Opinion", "Video", "Audio", "Contact"])
PAGE = f"<html><body><article><h1>Village school</h1><p>{B1}</p><p>{B2}</p></article></body></html>"
DUMP = {"extracted": "never"}

#: rule id -> (document, options, the line whose trail must hold the rule, its category).
EXAMPLES = {
    "blank": (f"{B1}\n\n{B2}", DUMP, "", "blank"),
    "feature.prose": (f"{B1}\n{B2}", DUMP, B1, "body"),
    "feature.duplicate": (f"{B1}\n{B2}\n{B1}", DUMP, None, "duplicate"),
    "feature.short_repeat": (f"{B1}\nHooray!\nHooray!\n{B2}", DUMP, "Hooray!", "duplicate"),
    "feature.urls": (f"{B1}\nwww.example.com http://example.org/x\n{B2}", DUMP,
                     "www.example.com http://example.org/x", "boilerplate"),
    "feature.digits": (f"{B1}\n2023 1 2 3 4 5\n{B2}", DUMP, "2023 1 2 3 4 5", "boilerplate"),
    "feature.low_stopwords": (
        f"{B1}\nNews Sport Weather Travel Culture Science Health Opinion Video Audio\n{B2}", DUMP,
        "News Sport Weather Travel Culture Science Health Opinion Video Audio", "boilerplate"),
    "feature.no_punctuation": (f"{B1}\n{B2}\n{B1[:-1]} and more", DUMP, f"{B1[:-1]} and more", "boilerplate"),
    "feature.sentence": (f"{B1}\nThe school is getting bigger.\n{B2}", DUMP, "The school is getting bigger.", "body"),
    "feature.heading": (f"{B1}\nRural services\n{B2}", DUMP, "Rural services", "boilerplate"),
    "feature.short": (f"{B1}\nBig news.\n{B2}", DUMP, "Big news.", "boilerplate"),
    "feature.title": (f"Village school gets a new library\n\n{B1}\n\n{B2}\n\n{B3}", {"keep_title": "always"},
                      "Village school gets a new library", "title"),
    "context.sandwiched": (f"{B1}\nBig news.\n{B2}", DUMP, "Big news.", "body"),
    "context.heading": (f"{B1}\nRural services\n{B2}", DUMP, "Rural services", "heading"),
    "context.isolated": (f"{B1}\n{B2}\n{B3}\n{MENU}\nIt is open now.", DUMP, "It is open now.", "boilerplate"),
    "block.related_list": (f"{B1}\n\nMost Read\n\n* {B2}\n* {B3}\n\n{B1}x", DUMP, f"* {B2}", "boilerplate"),
    "context.closing_ellipsis": (f"{B1}\n{B2}\nThis is how the council and the school and the parents have "
                                 "been talking for years and years and years...", DUMP, None, "body"),
    "context.inside_story": (f"{B1}\nItem Cost\nSchools 40 million\nRoads 12 million\nParks 3 million\n{B2}", DUMP,
                             "Roads 12 million", "body"),
    "context.list": (f"{B1}\nThe changes are:\n- evening buses\n{B2}", DUMP, "- evening buses", "body"),
    "block.set_off": (f"{B1}\n\n{B2}\n\n    Parents outside the old school building on Monday.\n    Photo: Jane Doe"
                      f"\n\n{B3}", {**DUMP, "disabled_rules": frozenset({"story.caption"})},  # which fires first
                      "Parents outside the old school building on Monday.", "caption"),
    "block.lone_paragraph": (f"{B1}\n\n{B2}\n\n    Jane Doe is a reporter who has covered schools and the village "
                             f"council for ten years.\n\n{B3}", DUMP,
                             "Jane Doe is a reporter who has covered schools and the village council for ten years.",
                             "boilerplate"),
    "context.appeal_block": (
        f"{B1}\n{B2}\nSupport our journalism today.\n"
        "The paper has reported on the village for many years now.\n"
        f"We rely on readers like you to fund our work and keep it free for all.\n{B3}", DUMP,
        "The paper has reported on the village for many years now.", "appeal"),
    "context.appeal_tail": (f"{B1}\n{B2}\n{B3}\nSupport our journalism today.\nThank you\nHome\nNews\nSport",
                            DUMP, "Thank you", "appeal"),
    "context.bio_name": (f"{B1}\n{B2}\nJane Doe\nJane Doe is a reporter who covers education for the paper.",
                         DUMP, "Jane Doe", "bio"),
    "extracted.block": (f"{B1}\n\n{B2}\n\nRural services\n\nParks and roads\n\nBus lines\n\n{B3}\n\n{B1}x", {},
                        "Rural services", "body"),
    "html.block": (PAGE, {}, "Village school", "heading"),
    "extracted.kept": (
        f"{B1}\n{B2}\nSupport our journalism today.\n"
        "The paper has reported on the village for many years now.\n"
        f"We rely on readers like you to fund our work and keep it free for all.\n{B3}", {"extracted": "always"},
        "The paper has reported on the village for many years now.", "body"),
}
#: Rules whose firing tests live elsewhere (file: the test asserts the rule id).
TESTED_ELSEWHERE = {"html.links": "test_html.py", "html.card": "test_html.py", "html.excerpt": "test_html.py",
                    "html.unchosen": "test_whole_page.py", "html.held": "test_whole_page.py",
                    "html.recovered": "test_whole_page.py", "html.caption": "test_whole_page.py",
                    "html.list_heading": "test_whole_page.py",
                    "html.safety_net": "test_extracted.py", "extracted.comments": "test_extracted.py",
                    "extracted.list_entry": "test_extracted.py", "extracted.repeated_head": "test_extracted.py",
                    "story.teaser_language": "test_stories.py", "story.caption": "test_main_story.py",
                    "story.teaser_row": "test_main_story.py", "story.end": "test_story_end.py"}


def test_every_code_rule_is_declared_once_with_real_options():
    rules = code_rules()
    assert len({r.id for r in rules}) == len(rules)
    known = {f.name for f in fields(Options)}
    for rule in rules:
        assert rule.description and rule.category
        assert set(rule.options) <= known, (rule.id, set(rule.options) - known)


#: The modules whose code makes each stage's layer of the trail (`cleaner.pipeline._stages`;
#: the stories layer holds the main story's gaps, `cleaner.blocks.inside_main`, and its end,
#: `cleaner.story_end`).
STAGE_MODULES = {"classify": (classify,), "extractor": (extracted,), "context": (smooth,),
                 "block": (blocks,), "stories": (stories, blocks, story_end), "extracted": (guarantees,),
                 "title": (pipeline,)}


#: Two stories with a caption between them that shares no words with either: the stories
#: stage drops it (``context.isolated``, "a caption above the next title").
BETWEEN = "\n".join([
    "Night ferry to sail again in May", "Updated 5 April 2024", "",
    "The island council said on Tuesday that the night ferry will run again from the first week of May.",
    "The service stopped last autumn when the old ferry failed its safety inspection after a long season.",
    "A second-hand ferry bought from a mainland operator has now passed its trials in the bay this spring.",
    "The council expects the night service to carry about two hundred passengers on a busy summer evening.",
    "Islanders who work late shifts on the mainland welcomed the news but asked for cheaper fares in winter.", "",
    "Share this article", "Share on Facebook", "Share on Twitter", "Follow us", "",
    "Visitors photograph the old windmill from a narrow lane during the fair, as swallows circle above them.",
    "Photo: Sam Example", "",
    "Wet June cuts the honey crop", "By Sam Example", "6 April 2024 09:30", "",
    "LEEDS (Wire) - Beekeepers in the valley expect a smaller honey crop this year after a wet and windy month of June.",
    "Many hives lost their foragers to the cold rain just as the lime trees came into full flower in the valley.",
    "Keepers said the price of local honey at markets is likely to rise as a result of the poor crop this year.",
    "Some keepers plan to move their hives to the heather on the hills in August to make up for the loss.", ""])


def test_a_code_rule_is_declared_by_the_module_of_each_stage_that_fires_it():
    """A rule fired in several stages (``context.isolated``: the context, block and stories
    stages) is declared by the module of each, saying what fires it there; the registry
    joins the declarations into one rule."""
    assert set(STAGE_MODULES) == set(STAGES)
    codes = {r.id for r in code_rules()}
    body = "Words of a long body sentence that goes on and on, as body does. " * 3
    outside = f"{body}\n{MENU}\nA footer line long enough to count as prose on its own, really."
    documents = [(document, options) for document, options, _, _ in EXAMPLES.values()]
    documents += [(path.read_text(encoding="utf-8"), {}) for path in sorted(SEEDS.glob("*.txt"))]
    fired = set()
    for document, options in [*documents, (outside, DUMP), (BETWEEN, DUMP)]:
        for v in analyze(document, **options).verdicts:
            fired.update((d.stage, d.rule) for d in v.trail if d.rule in codes)
    assert {("context", "context.isolated"), ("block", "context.isolated"), ("stories", "context.isolated")} <= fired
    for stage, rule in sorted(fired):
        assert any(rule in {r.id for r in module.RULES} for module in STAGE_MODULES[stage]), (stage, rule)
    isolated = next(r for r in code_rules() if r.id == "context.isolated")
    assert re.findall(r"\(the (\w+) stage", isolated.description) == ["context", "block", "stories"]
    assert isolated.options[:3] == ("context_reach", "context_uncatalogued_reach", "block_max_gap")


def test_two_declarations_of_a_rule_are_joined_when_they_agree():
    near, far = CodeRule("x.far", "boilerplate", "near a menu", ("reach",)), \
        CodeRule("x.far", "boilerplate", "after the comments", ("gap", "reach"))
    both = joined(near, far)
    assert (both.description, both.options) == ("near a menu; after the comments", ("reach", "gap"))
    with pytest.raises(ValueError, match="declared twice"):
        joined(near, CodeRule("x.far", "body", "after the comments"))
    with pytest.raises(ValueError, match="declared twice"):
        joined(near, CodeRule("x.far", "boilerplate", "after the comments", weak=True))


def test_the_registry_is_the_declarations_and_the_catalogues():
    assert set(registry()) == {r.id for r in code_rules()} | {r.id for r in load_rules()}


def test_every_code_rule_has_a_firing_test():
    untested = {r.id for r in code_rules()} - set(EXAMPLES) - set(TESTED_ELSEWHERE) - {"story.other"}
    assert untested == set()
    for rule_id, name in TESTED_ELSEWHERE.items():
        assert f'"{rule_id}"' in (TESTS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("rule_id", sorted(EXAMPLES))
def test_the_rule_fires(rule_id):
    document, options, line, category = EXAMPLES[rule_id]
    a = analyze(document, **options)
    layers = [(d.rule, d.category) for v in a.verdicts if line is None or v.line.text == line for d in v.trail]
    assert (rule_id, category) in layers, layers


def test_story_other_is_why_a_kept_line_of_another_story_is_left_out():
    for path in sorted(SEEDS.glob("*.txt")):
        a = analyze(path.read_text(encoding="utf-8"))
        other = [v for v in a.verdicts if v.why == "story"]
        if other:
            assert all(v.final.keep and v.story != a.main and not v.output for v in other)
            return
    pytest.fail("no seed has a line of another story")


@pytest.mark.parametrize("rule_id, option, value", [
    ("feature.duplicate", "duplicate_min_words", 100),
    ("feature.short_repeat", "duplicate_strong_words", 1),
    ("feature.short_repeat", "duplicate_refrain_lines", 0),
    ("feature.urls", "url_words", 0),
    ("feature.digits", "digits_min_ratio", 1.0),
    ("feature.sentence", "sentence_min_words", 10),
    ("context.bio_name", "bio_name_max_words", 1),
    ("context.appeal_tail", "appeal_tail_extra_words", -10),
    ("extracted.block", "extracted_max_run", 0),
    ("block.related_list", "block_related_list_items", 3),
    ("block.set_off", "block_set_off_spaced_share", 1.0),
    ("block.set_off", "block_set_off_body_share", 1.0),
    ("block.set_off", "block_set_off_indent_slack", -1),
    ("block.lone_paragraph", "block_lone_max_lines", 0),
    ("block.lone_paragraph", "block_set_off_body_share", 1.0),
    ("block.lone_paragraph", "extracted_paragraph_words", 30),
])
def test_the_options_a_rule_reads_reach_it(rule_id, option, value):
    document, options, line, _ = EXAMPLES[rule_id]
    assert option in next(r for r in code_rules() if r.id == rule_id).options
    a = analyze(document, **options, **{option: value})
    assert rule_id not in {d.rule for v in a.verdicts if line is None or v.line.text == line for d in v.trail}


def test_block_options_reach_the_main_region():
    assert "block_max_gap" in next(r for r in code_rules() if r.id == "context.isolated").options
    body = "Words of a long body sentence that goes on and on, as body does. " * 3
    footer = "A footer line long enough to count as prose on its own, really."
    page = f"{body}\n{MENU}\n{footer}"
    assert analyze(page, extracted="never").verdicts[-1].final.rule == "context.isolated"
    # (the menu between them is a run of lines that are no sentences: the story's end)
    assert analyze(page, extracted="never", block_max_gap=20, block_teaser_words=5).verdicts[-1].final.rule == "story.end"
    assert analyze(page, extracted="never", block_max_gap=20, block_teaser_words=5,
                   disabled_rules=frozenset({"story.end"})).verdicts[-1].final.keep


#: A story that quotes a refrain: a one-word line said twice in a row, then the rest of the
#: story (two dropped short lines there once ended the main text region above them).
REFRAIN = ("The band played in the old market hall on Friday night, where two thousand people had "
           "waited for hours in the cold to hear the song again.\n\n"
           "The crowd knew every word of the song, which the band wrote thirty years ago about the "
           "mines that closed in the valley.\n\n"
           "The crowd shouted:\n\nAgain!\n\nAgain!\n\n"
           "One more song for the valley, one more for the mine.\n\n"
           "The band came back twice, and the people sang the last song on the steps of the hall "
           "long after the lights went out.\n")


@pytest.mark.parametrize("mode", ["never", "auto"])
def test_a_refrain_repeated_inside_a_story_stays_with_it(mode):
    lost = [v.line.text for v in analyze(REFRAIN, extracted=mode).verdicts if v.line.text.strip() and not v.output]
    assert lost == []


@pytest.mark.parametrize("refrain_lines", [None, 10])
def test_a_short_label_said_again_further_down_is_still_a_repeat(refrain_lines):
    page = f"Share\n{B1}\n{B2}\n{B3}\nShare\nWeather"
    options = {"disabled_rules": frozenset({"en.share.share_label"})}  # as on a page without a catalogue
    if refrain_lines is not None:  # a window reaching the first one: the label is a refrain
        options["duplicate_refrain_lines"] = refrain_lines
    final = {v.line.index: v.final.rule for v in analyze(page, extracted="never", **options).verdicts}
    assert final[4] == ("feature.duplicate" if refrain_lines is None else "feature.short_repeat")
