"""Where the main story of a page's dump ends (`cleaner.story_end`, ``story.end``): a run of
lines that are neither sentences nor paragraphs after the story's paragraphs, with no text
of the story after it, in a language with a catalogue and in one without.  Invented pages
(no corpus text)."""

from __future__ import annotations

import pytest

from cleaner import Options, analyze
from cleaner.story_end import story_end
from cleaner.types import Decision, Features, Line

OFF = frozenset({"story.end"})

#: An invented English story, the furniture after it (a byline, a share line, the links to
#: the posts before and after) and a comment form's notice that reads as prose.
EN_STORY = [
    "The council met on Monday and agreed to rebuild the old pier before the summer, after a "
    "long debate about the cost of the work and the state of the harbour.",
    "The harbour master said the pier had been closed for two years and that the fishing boats "
    "had to use the beach since then, which was not safe in winter.",
]
EN_TAIL = [
    "Posted by the desk at noon",
    "Send this page to a friend or two",
    "the older page or the newer page",
    "Your address will be shown to no one, and every field of this form must be filled before you send it.",
]

#: The same in Dutch, a language with a stoplist and no catalogue.
NL_STORY = [
    "De gemeenteraad heeft maandag besloten om de oude pier in de haven voor de zomer opnieuw "
    "te bouwen, na een lang debat over de kosten van het werk en de staat van de haven.",
    "Volgens de havenmeester is de pier al twee jaar gesloten en moeten de vissersboten sinds "
    "die tijd het strand gebruiken, wat in de winter niet veilig is.",
]
NL_TAIL = [
    "Geplaatst door de redactie om twaalf uur",
    "Stuur deze pagina naar een vriend of twee",
    "de vorige pagina of de volgende pagina",
    "Uw adres wordt aan niemand getoond, en elk veld van dit formulier moet zijn ingevuld voordat u het verstuurt.",
]


def rules(text: str, **options) -> dict[str, str]:
    return {v.line.text: v.final.rule for v in analyze(text, extracted="never", **options).verdicts if v.line.text}


#: In Dutch, a language without a catalogue, the context rules reach one line
#: (`Options.context_uncatalogued_reach`) and keep none of the tail: the reach the
#: English page has makes the story stage read the tail as the story's, as it does there.
_REACH = {"context_uncatalogued_reach": Options().context_reach}


@pytest.mark.parametrize("story, tail", [(EN_STORY, EN_TAIL), (NL_STORY, NL_TAIL)], ids=["en", "nl"])
@pytest.mark.parametrize("layout", ["\n\n", "\n"])
def test_the_lines_after_the_story_go_in_any_language(story, tail, layout):
    text = layout.join(story + tail)
    assert [rules(text, **_REACH)[line] for line in tail] == ["story.end"] * len(tail)
    assert clean_lines(text, **_REACH) == story
    # without the rule the story stage reads them as the story's own lines
    assert clean_lines(text, disabled_rules=OFF, **_REACH)[-1] == tail[-1]


def test_in_a_language_without_a_catalogue_the_context_rules_keep_none_of_the_tail():
    text = "\n\n".join(NL_STORY + NL_TAIL)
    assert "story.end" not in rules(text).values()
    assert clean_lines(text) == NL_STORY


def clean_lines(text: str, **options) -> list[str]:
    return [line for line in analyze(text, extracted="never", **options).text.splitlines() if line]


def test_a_list_inside_the_story_is_no_end_when_the_story_speaks_of_it_again():
    """Three list items (no sentence among them), then a sentence that shares the story's
    words: the list is the story's own."""
    items = ["the new pier deck", "the harbour lights", "the fishing boat ramp"]
    after = "The harbour master hopes the pier will be open to the fishing boats by June."
    text = "\n\n".join(EN_STORY + items + [after] + EN_TAIL)
    found = rules(text)
    assert "story.end" not in [found[line] for line in items + [after]]
    assert found[EN_TAIL[-1]] == "story.end"


def test_a_run_before_most_of_the_text_is_the_page_head_not_the_story_end():
    """A first paragraph, a run of short lines, then longer text that shares no word with
    the first paragraph: more of the text comes after the run than before it."""
    intro = ("A notice of the week: the office of the town hall stays shut for the holidays "
             "until the second week of the new year.")
    run = ["Home page of the town", "News of the region", "Sport and leisure"]
    text = "\n\n".join([intro] + run + EN_STORY)
    assert "story.end" not in rules(text).values()


def test_a_run_of_two_lines_is_no_end_and_the_run_length_is_an_option():
    text = "\n\n".join(EN_STORY + EN_TAIL[:2] + EN_TAIL[3:])
    assert "story.end" not in rules(text).values()
    assert rules(text, story_end_run_lines=2)[EN_TAIL[-1]] == "story.end"


def test_equal_paragraph_words_before_and_after_a_run_read_as_the_page_head():
    """The text after a run holds at least as many paragraph words as the text before it:
    the run was the page's head (equal counts too); one word more before it, and the run
    ends the story."""
    before = ("A notice of the week: the office of the town hall stays shut for the holidays "
              "until the second week of the new year, as every winter.")
    after = ("Visitors who need a form may write to the clerk, whose reply comes by post within "
             "ten working days of each letter they send, as was done.")
    run = ["Home page of the town", "News of the region", "Sport and leisure"]
    words = {v.line.text: v.features.words for v in analyze(before + "\n\n" + after, extracted="never").verdicts}
    assert words[before] == words[after] >= 20  # both paragraphs, of equal length
    assert "story.end" not in rules("\n\n".join([before] + run + [after])).values()
    longer = before.replace("every winter", "every cold winter")
    assert rules("\n\n".join([longer] + run + [after]))[after] == "story.end"


def test_a_label_ending_in_a_colon_is_part_of_the_run():
    """A line ending in a colon is a label, not a sentence: with two short lines after it,
    it makes a run of three."""
    tail = ["Share this page below:", *EN_TAIL[1:]]
    found = rules("\n\n".join(EN_STORY + tail))
    assert [found[line] for line in tail] == ["story.end"] * len(tail)


def test_a_sentence_shorter_than_the_option_does_not_resume_the_story():
    """A sentence after the run that repeats two of the story's words resumes it only when it
    has `story_end_sentence_words` words or more."""
    sentence = "The pier will stay on the harbour agenda."
    text = "\n\n".join(EN_STORY + EN_TAIL[:3] + [sentence])
    assert "story.end" not in rules(text).values()
    assert rules(text, story_end_sentence_words=10)[sentence] == "story.end"


def test_a_sentence_needs_more_shared_words_than_a_paragraph():
    """After the run, a sentence sharing one word with the story does not resume it (it
    needs `story_end_sentence_shared`, two), while a paragraph sharing one word does."""
    sentence = "The pier is in the news again today."
    found = rules("\n\n".join(EN_STORY + EN_TAIL[:3] + [sentence]))
    assert found[sentence] == "story.end"
    assert "story.end" not in rules("\n\n".join(EN_STORY + EN_TAIL[:3] + [sentence]),
                                    story_end_sentence_shared=1).values()
    paragraph = ("The pier is in the news again today, and the people of the town will gather on "
                 "Friday to hear what comes next.")
    assert "story.end" not in rules("\n\n".join(EN_STORY + EN_TAIL[:3] + [paragraph])).values()


@pytest.mark.xfail(strict=True, reason="story.end reads only the words of the story before a run: "
                   "text after a list that speaks of the list's items, not of the opening, is cut")
def test_the_text_after_a_list_it_speaks_of_is_the_story():
    """A recipe: an opening paragraph, a list of ingredients (no sentence among them), then
    the method, whose sentences name the list's items but hardly the opening's words: the
    method is the story's."""
    intro = ("This lemon cake is the easiest bake I know, and it keeps well in a tin for most of "
             "the week if you hide it from the family.")
    items = ["Ingredients", "200 g flour", "150 g sugar", "3 eggs", "1 lemon"]
    method = ["Preheat the oven to 180 degrees and grease a round tin.",
              "Beat the sugar and eggs until pale, then fold in the flour and zest.",
              "Bake for 40 minutes and leave to cool before slicing."]
    text = "\n".join([intro] + items + method)
    assert clean_lines(text, disabled_rules=OFF) == clean_lines(text)
    assert set(method) <= set(clean_lines(text))


def _page(texts: list[str]) -> tuple[list[Line], list[Features], list[Decision]]:
    """Lines of a page's dump as the story stage hands them to `story_end`: every line kept
    in the main story; a line of 20 words or more is a paragraph ending like a sentence."""
    lines = [Line(i, 0, 0, t, t) for i, t in enumerate(texts)]
    feats = [Features(len(t.split()), 0.3, len(t.split()) >= 20, False, 0.0, 0.0, 0) for t in texts]
    return lines, feats, [Decision(True, "feature.prose", "body", "", "stories")] * len(texts)


def test_a_run_before_the_first_paragraph_is_the_page_head():
    """A run with no paragraph of the story before it is the page's head whatever follows
    it (no paragraph words before it, so at least as many after it); the same run after a
    paragraph, with nothing of the story after it, ends the story."""
    paragraph = " ".join(["word"] * 24) + "."
    run = ["Home page", "News of the day", "Sport and leisure"]
    options = Options()
    for texts, cut in ((run + [paragraph], []), ([paragraph] + run, [1, 2, 3])):
        lines, feats, decided = _page(texts)
        out = story_end(lines, feats, decided, [0] * len(texts), 0, frozenset(), options)
        assert [i for i, d in enumerate(out) if d.rule == "story.end"] == cut


def test_without_a_catalogue_of_its_language_a_shorter_run_ends_the_story():
    """Where no catalogue of the page's language is in use, the stricter
    ``story_end_uncatalogued_*`` limits apply: a run of two lines ends the story."""
    nl = "\n\n".join(NL_STORY + NL_TAIL[:2] + NL_TAIL[3:])
    assert rules(nl, **_REACH)[NL_TAIL[-1]] == "story.end"
    assert "story.end" not in rules(nl, story_end_uncatalogued_run_lines=3, **_REACH).values()
    en = "\n\n".join(EN_STORY + EN_TAIL[:2] + EN_TAIL[3:])
    assert "story.end" not in rules(en).values()
    assert rules(en, disabled_rules=frozenset({"en."}), **_REACH)[EN_TAIL[-1]] == "story.end"


def test_without_a_catalogue_a_paragraph_needs_more_shared_words_to_resume_the_story():
    """After the run, a paragraph sharing one word with the story resumes it in a language
    with a catalogue in use, not without one (`story_end_uncatalogued_paragraph_shared`)."""
    paragraph = ("The pier is in the news again today, and the people of the town will gather on "
                 "Friday to hear what comes next.")
    text = "\n\n".join(EN_STORY + EN_TAIL[:3] + [paragraph])
    assert "story.end" not in rules(text).values()
    assert rules(text, disabled_rules=frozenset({"en."}), **_REACH)[paragraph] == "story.end"
    assert "story.end" not in rules(text, disabled_rules=frozenset({"en."}),
                                    story_end_uncatalogued_paragraph_shared=1, **_REACH).values()


def test_a_run_the_catalogue_named_whole_does_not_end_the_story():
    # a newsletter box set between two paragraphs that share few words: each line of the
    # run is a catalogue appeal, so its form says no more than the rules that dropped it
    # and the paragraph after it stays the story's; one line of the run that no rule names
    # (furniture in the run's form only) makes it a possible end again
    box = ["Newsletter", "Sign up for our newsletter", "Example Magazine Newsletter"]
    second = "That quiet winter the northern river rose after the rains and flooded the low fields."
    text = "\n\n".join([EN_STORY[0], *box, second]) + "\n"
    a = analyze(text, extracted="never")
    assert [v.final.rule for v in a.verdicts if v.line.text in box] != ["story.end"] * 3
    assert second in a.text
    plain = "\n\n".join([EN_STORY[0], *box[:2], "the older page or the newer page", second]) + "\n"
    assert second not in analyze(plain, extracted="never").text
