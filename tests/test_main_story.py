"""The main-story choice (`cleaner.stories.main.main_story`): a short article at the top of
a dump stays the main one when a longer story follows it, titled or not; a notice above an
article that the catalogue drops is no story; a run of words without sentences (a tag cloud
on one line) is no main story beside a story of sentences.  A picture's caption set into a story is no
story text (``story.caption``).  Dumps built here from invented text."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

import cleaner
from cleaner.language import stopwords
from cleaner.segment import segment
from cleaner.stories.main import _both_headed
from teasers import read_as_teasers

PIER = [
    "Residents of the small harbour town voted on Monday to rebuild the old stone pier, which has been "
    "closed to fishing boats since the winter storms cracked its outer wall in two places.",
    "The council will pay for most of the work from its reserves, and the fishermen's association has "
    "promised to cover the rest, the mayor told the meeting after the vote was counted.",
]

COOKIE = [
    "We use cookies to give you the best experience on our website and to show you articles that "
    "match your interests.",
    "By continuing to use this website, you agree to our use of cookies as our cookie statement explains.",
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


def _in_no_story(line: str, parts: list[str]) -> bool:
    return not any(line in a.text for a in cleaner.split("\n".join(parts) + "\n"))


KICKER = "Harbour news from the coast this week, in brief."


@pytest.mark.parametrize("head", [
    ["November 18, 2019"],  # a date
    SHARE,  # a row of share buttons
    [KICKER],  # a kicker, no byline or date before the first paragraph
    [KICKER, "By Clara Whitfield", "November 18, 2019"],  # a kicker above a byline and a date
], ids=["date", "share-row", "kicker", "kicker-byline-date"])
def test_an_untitled_first_story_stays_main_under_its_head(head):
    # With no title, a story of sentences at the top of the dump is the main story
    # whatever short lines sit above it: a longer titled story after it is the next
    # story of the dump.
    out = _main([*head, "", PIER[0], "", PIER[1], "", "Related", "", *FROST])
    assert PIER[0] in out and FROST[4] not in out


def test_a_byline_above_an_untitled_first_story_keeps_it_main():
    # The title is too long for a headline, so the story has none; the row of share
    # buttons between its byline and date and its text is the page's furniture: with
    # eight non-blank lines above it, the story still opens the dump.
    title = ("Harbour town votes to rebuild its old stone pier after winter storms left it cracked "
             "and closed to boats")
    parts = [title, "By Clara Whitfield", "November 18, 2019", *SHARE, "", PIER[0], "", PIER[1], "",
             "Related", "", *FROST]
    out = _main(parts)
    assert PIER[0] in out and FROST[4] not in out


def test_a_cookie_notice_under_a_share_row_is_no_story():
    # Counterexample: a notice the catalogue drops above the article is no story; the
    # titled article after it is the main story.
    parts = [*SHARE, "", COOKIE[0], "", COOKIE[1], "", *FROST]
    out = _main(parts)
    assert FROST[4] in out and COOKIE[0] not in out
    assert _in_no_story(COOKIE[0], parts)


def test_a_menu_above_a_first_story_is_the_page_s_furniture():
    # The items of a menu above a story's byline are the furniture of the page's head,
    # not text before the story: it still opens the dump and stays the main story.
    out = _main([*MENU, "By Clara Whitfield", "November 18, 2019", "", PIER[0], "", PIER[1], "",
                 "Related", "", *FROST])
    assert PIER[0] in out and FROST[4] not in out


def test_a_cookie_notice_under_a_menu_is_no_story():
    # Counterexample: under the same menu, a notice the catalogue drops is no story; the
    # titled article after it is the main story.
    parts = [*MENU, "", *COOKIE, "", *FROST]
    out = _main(parts)
    assert FROST[4] in out and COOKIE[0] not in out
    assert _in_no_story(COOKIE[0], parts)


# A picture set into a story: its caption, then its credit right under it (no empty line
# between), in a dump whose paragraphs stand apart.
CAPTION = "Fishing boats moored beside the cracked outer wall of the old stone pier on Monday morning."
LATER = ("Work on the pier is to start in the spring, once the fishing season is over, and should take "
         "about a year if the weather allows it, the harbour master said.")


def _pier(*block: str, after: tuple[str, ...] = (PIER[1], LATER), blank: str = "\n\n") -> list:
    text = blank.join(["Harbour town votes to rebuild its old stone pier", PIER[0], "\n".join(block), *after]) + "\n"
    return list(cleaner.analyze(text, extracted="never").verdicts)


@pytest.mark.parametrize("credit", ["Photo: Jane Doe/Example Agency", "Clara Whitfield, Harbour Gazette"],
                         ids=["catalogue-credit", "short-credit"])
def test_a_caption_above_a_picture_s_credit_is_no_story_text(credit):
    # The credit is one the catalogue names, or a short line without a sentence end that
    # the line rules do not keep: the paragraph right above it is the picture's caption.
    verdicts = _pier(CAPTION, credit)
    caption = next(v for v in verdicts if v.line.text == CAPTION)
    assert caption.final.rule == "story.caption" and caption.why == "caption" and not caption.output
    assert all(v.output for v in verdicts if v.line.text in (PIER[0], PIER[1], LATER))


def test_the_credit_under_a_caption_goes_with_it():
    # A short credit that a context rule keeps between two paragraphs (a name and an
    # outlet, no sentence) is the picture's too once the line above it is its caption.
    credit = "Clara Whitfield, Harbour Gazette"
    verdicts = _pier(CAPTION, credit)
    line = next(v for v in verdicts if v.line.text == credit)
    assert line.final.rule == "story.caption" and not line.output
    assert credit not in "\n".join(v.line.text for v in verdicts if v.output)


@pytest.mark.parametrize("block, after, blank", [
    ((CAPTION, "Clara Whitfield, Harbour Gazette"), (PIER[1],), "\n"),  # no empty lines: every line is right under another
    ((CAPTION, "THE VOTE"), (PIER[1],), "\n\n"),  # a subheading in capitals, not a credit
    ((CAPTION, "The vote:"), (PIER[1],), "\n\n"),  # a line that opens a list
    ((LATER, CAPTION, "Clara Whitfield, Harbour Gazette"), (PIER[1],), "\n\n"),  # the end of a block of text
    ((PIER[1], "", CAPTION, "Clara Whitfield, Harbour Gazette"), (), "\n\n"),  # a name signing the article
    ((CAPTION, "Clara Whitfield, Harbour Gazette", LATER), (PIER[1],), "\n\n"),  # a heading of the text under it
    (("Advertisement", CAPTION, "Photo: Jane Doe/Example Agency"), (PIER[1], LATER), "\n"),  # no empty lines
    ((CAPTION, "Advertisement"), (PIER[1], LATER), "\n\n"),  # an ad label the catalogue drops, no credit
    ((CAPTION, "The old pier seen from the beach at low tide last winter. \u00a9 Example Agency / Jane Doe"),
     (PIER[1], LATER), "\n\n"),  # a caption of its own with its credit at its end: the paragraph is the story's
], ids=["no-blank-lines", "capitals", "colon", "inside-a-block", "signature", "heading", "no-blank-lines-credit",
        "ad-label", "caption-with-its-credit"])
def test_a_paragraph_above_other_short_lines_stays_story_text(block, after, blank):
    # Counterexamples: the same paragraph where the layout or the line under it does not
    # make it a caption.
    verdicts = _pier(*block, after=after, blank=blank)
    assert "story.caption" not in {v.final.rule for v in verdicts}
    assert all(v.output for v in verdicts if v.line.text == CAPTION)


def test_a_heading_above_a_credit_is_no_caption():
    # Counterexample: only a paragraph of prose is a caption; a subheading kept between
    # paragraphs stays, whatever is under it.
    verdicts = _pier("Rebuilding the pier", "Photo: Jane Doe/Example Agency")
    heading = next(v for v in verdicts if v.line.text == "Rebuilding the pier")
    assert heading.output and heading.final.rule != "story.caption"


def test_the_credit_s_length_and_the_rule_s_switch_reach_it():
    text = "\n\n".join(["Harbour town votes to rebuild its old stone pier", PIER[0],
                        f"{CAPTION}\nClara Whitfield, Harbour Gazette", PIER[1], LATER]) + "\n"
    fired = lambda **o: "story.caption" in {v.final.rule for v in cleaner.analyze(text, extracted="never", **o).verdicts}  # noqa: E731
    assert fired() and fired(story_credit_max_words=4)
    assert not fired(story_credit_max_words=3)
    assert not fired(disabled_rules=("story.caption",))


def test_a_paragraph_longer_than_a_caption_above_a_credit_stays_story_text():
    # A caption names what the picture shows; a paragraph over story_caption_max_words
    # words above a credit is the story's own.
    long_paragraph = (f"{PIER[0]} {LATER}")
    assert len(long_paragraph.split()) > cleaner.Options().story_caption_max_words
    verdicts = _pier(long_paragraph, "Photo: Jane Doe/Example Agency")
    assert next(v for v in verdicts if v.line.text == long_paragraph).output
    text = "\n\n".join(["Harbour town votes to rebuild its old stone pier", PIER[0],
                        f"{CAPTION}\nClara Whitfield, Harbour Gazette", PIER[1], LATER]) + "\n"
    fired = lambda **o: "story.caption" in {v.final.rule for v in cleaner.analyze(text, extracted="never", **o).verdicts}  # noqa: E731
    words = len(CAPTION.split())
    assert fired(story_caption_max_words=words) and not fired(story_caption_max_words=words - 1)


def test_whether_blocks_touch_is_counted_once_per_document(monkeypatch):
    # The extractor-layout test and ``story.caption`` both read whether the text's blocks
    # touch (`cleaner.extracted.blocks_touch`): the pipeline counts the empty lines once
    # and hands the answer to both (in "auto" mode, where both read it); the caption
    # still goes.
    import cleaner.extracted
    calls = []
    counted = cleaner.extracted.raw_blanks
    monkeypatch.setattr(cleaner.extracted, "raw_blanks", lambda lines: calls.append(1) or counted(lines))
    text = "\n\n".join(["Harbour town votes to rebuild its old stone pier", PIER[0],
                        f"{CAPTION}\nClara Whitfield, Harbour Gazette", PIER[1], LATER]) + "\n"
    verdicts = cleaner.analyze(text, extracted="auto").verdicts
    assert "story.caption" in {v.final.rule for v in verdicts}
    assert len(calls) == 1


@pytest.mark.parametrize("document, extracted", [
    ("\n".join(["Harbour town votes to rebuild its old stone pier", *PIER, LATER]) + "\n", "always"),
    ("<html><body><article><h1>Harbour town votes to rebuild its old stone pier</h1>"
     + "".join(f"<p>{p}</p>" for p in (*PIER, LATER)) + "</article></body></html>", "auto"),
])
def test_a_whole_page_s_story_stage_is_not_told_its_blocks_stand_apart(monkeypatch, document, extracted):
    # A whole page (HTML, or text with extracted="always") is not counted for touching
    # blocks: its story stage gets ``touch=None`` ("count it if read"), the default of
    # every other reader, not False ("blocks stand apart"), which a page's shown lines
    # (no empty line among them) would contradict.
    import cleaner.pipeline
    find, told = cleaner.pipeline.find_stories, []

    def recording(*args, **kwargs):
        told.append(kwargs["reading"].touch)
        return find(*args, **kwargs)

    monkeypatch.setattr(cleaner.pipeline, "find_stories", recording)
    cleaner.analyze(document, extracted=extracted)
    assert told == [None]


def test_a_caller_that_does_not_say_whether_blocks_touch_gets_it_counted(monkeypatch):
    # ``find_stories`` not told ``touch`` (``None``) counts it
    # (`cleaner.extracted.blocks_touch`): in
    # text written one block a line (no empty lines), a paragraph above a credit is no
    # caption, as when the pipeline passes it.
    import cleaner.pipeline
    find = cleaner.pipeline.find_stories

    def untold(*args, **kwargs):
        kwargs["reading"] = replace(kwargs["reading"], touch=None)
        return find(*args, **kwargs)

    text = "\n".join(["Harbour town votes to rebuild its old stone pier", PIER[0], "Advertisement", CAPTION,
                      "Photo: Jane Doe/Example Agency", PIER[1], LATER]) + "\n"
    told = cleaner.analyze(text, extracted="never").verdicts
    monkeypatch.setattr(cleaner.pipeline, "find_stories", untold)
    verdicts = cleaner.analyze(text, extracted="never").verdicts
    assert [v.final.rule for v in verdicts] == [v.final.rule for v in told]
    assert "story.caption" not in {v.final.rule for v in verdicts}


# A second titled story after the first one, under a row of share buttons.
PIER_STORY = ["Harbour town votes to rebuild its old stone pier", "By Clara Whitfield", "November 18, 2019", "",
              PIER[0], "", PIER[1], "", LATER]


def test_a_leading_title_stays_in_a_text_of_one_story():
    # ``keep_title="leading"``: a text that starts with its story's title is a clean
    # text of one article; its title is its first line.
    out = _main(FROST)
    assert out.startswith(FROST[0] + "\n") and FROST[4] in out


@pytest.mark.parametrize("keep, kept", [("leading", False), ("always", True), ("never", False)])
def test_the_first_title_of_a_dump_of_stories_is_no_leading_title(keep, kept):
    # A dump that starts with the first of its stories' titles is a dump of stories, not
    # a clean text of one article: under "leading" its main story's title is left out
    # as every other story's is; "always" keeps it.  The split still names it.
    document = "\n".join([*FROST, "", *SHARE, "", *PIER_STORY]) + "\n"
    a = cleaner.analyze(document, keep_title=keep)
    assert [art.title for art in a.articles] == [FROST[0], PIER_STORY[0]]
    assert FROST[4] in a.text and PIER[0] not in a.text
    assert (FROST[0] in a.text) is kept
    title = next(v for v in a.verdicts if v.line.text == FROST[0])
    assert title.story == 0 and title.output is kept


@pytest.mark.parametrize("keep, kept", [("leading", False), ("never", False), ("always", True)])
def test_a_pages_headline_kept_by_the_extractor_is_the_main_storys_title_line(keep, kept):
    # HTML: the extractor keeps the page's <h1> as the first line of its article.  That
    # line is the story's title (`Article.title`), in the text only with "always": the
    # same text as the page's dump gives, whose title line the line rules leave out.
    page = (Path(__file__).parent.parent / "examples" / "library-hours.html").read_bytes()
    headline = "Library to stay open later on weekdays"
    a = cleaner.analyze(page, keep_title=keep)
    assert a.articles[0].title == headline
    line = next(v for v in a.verdicts if v.line.text == headline)
    assert line.story == 0 and line.output is kept and (headline in a.text) is kept
    assert line.final.rule == "feature.title"  # kept or left out, as its title
    assert a.text.split("\n")[-1].startswith("A smaller group of members")


def _label_above_next(label: str) -> tuple[str, object]:
    """A dump of two stories with ``label`` between them (kept by the context rules as a
    heading between body lines): the verdict of the label's line and the clean text."""
    a = cleaner.analyze("\n".join([*FROST, "", label, "", PIER[0], "", PIER[1], "", LATER]) + "\n")
    assert len(a.articles) == 2 and PIER[0] not in a.text
    return a.text, next(v for v in a.verdicts if v.line.text == label)


@pytest.mark.parametrize("label", ["Coast news", "Weather and coast"], ids=["shares-none", "shares-the-next"])
def test_a_label_above_the_next_story_is_not_the_end_of_the_story_before(label):
    # A short heading right above the next story's text, sharing no word with the story
    # it would end (a section or tag), or more with the next one: no story's text.
    text, v = _label_above_next(label)
    assert label not in text and not v.output
    assert v.story is None and v.final.rule == "context.isolated" and v.final.stage == "stories"
    # The reason names the figures for what they are: the cosines of its content words.
    assert re.search(r"\(content-word cosine: 0\.00 with its story, [01]\.\d\d with the next\)$", v.final.reason)


@pytest.mark.parametrize("label", ["Growers count frost cost", "Tales from the seaside towns"],
                         ids=["shares-its-own", "reads-as-a-title"])
def test_a_heading_at_the_end_of_a_story_that_is_its_own_stays(label):
    # Counterexamples: a heading sharing more words with its own story (its last
    # section's subheading), or one that shares none but reads as a title, stays.
    text, v = _label_above_next(label)
    assert label in text and v.output and v.story == 0


# A short story at the top of a dump: two paragraphs whose content words are too few for
# the topic windows, then a long untitled story on another subject, and between them the
# seam of two stories: a line of page furniture or the next story's title.
BRIDGE = [
    "The town will open the new bridge over the river to all traffic on Friday morning, the mayor said.",
    "It was built in less than a year and it is the first one in the town that has a lane for bikes.",
]
ORCHARD = FROST[4:]
SEAMS = ["Share this article", "5 December 2026", "Frost hits valley orchards"]


@pytest.mark.parametrize("seam", SEAMS, ids=["furniture", "date", "title"])
def test_a_short_story_at_the_top_ends_where_the_next_subject_starts(seam):
    # Its paragraphs are read whole against the window after the gap (cleaner.stories.top):
    # the next story's words are not its own, so it is the main story alone.  The split
    # needs the next story's paragraphs to cohere from its start (cosines that rise after
    # the gap give the gap its depth); after a story whose first cosines fall (one
    # paragraph on the damage, the next on the association's losses, the next on the
    # weather) the gap has no depth and the stories stay one: see the module's doc.
    document = "\n\n".join(BRIDGE + [seam] + ORCHARD) + "\n"
    assert [a.text.split("\n")[0] for a in cleaner.split(document)][0] == BRIDGE[0]
    assert len(cleaner.split(document)) == 2
    assert cleaner.clean(document) == "\n\n".join(BRIDGE)


def test_the_short_story_needs_its_paragraphs_to_be_judged_whole():
    # With fewer paragraphs above the gap than story_first_paragraphs the gap has no
    # cosine (its side above is too small for a window), and the stories stay one.
    document = "\n\n".join(BRIDGE + [SEAMS[0]] + ORCHARD) + "\n"
    assert len(cleaner.split(document, story_first_paragraphs=3)) == 1


BRIDGE_TITLE = "Town opens its new bridge over the river"


def test_a_short_story_under_its_title_ends_where_the_title_s_words_end():
    # Nothing between its last paragraph and the next story's first, but its title's
    # words are in its paragraphs and nowhere in the text after the gap: the title's
    # story ends there (cleaner.stories.top), and clean keeps it alone.
    document = "\n\n".join([BRIDGE_TITLE, *BRIDGE, *ORCHARD]) + "\n"
    assert [a.text.split("\n")[-1] for a in cleaner.split(document)][0] == BRIDGE[1]
    assert cleaner.clean(document).endswith(BRIDGE[1]) and ORCHARD[0] not in cleaner.clean(document)


# An article's anecdotal opening: a person and a scene, sharing no content word with the
# report below it.
LEDES = [
    ["Maria Lopez woke at four that morning and walked out in the dark to check on the old trees her "
     "grandfather planted.",
     "By sunrise she knew that most of the blossoms were gone, and with them most of what her family would "
     "earn this year."],
    ["It was still dark when the phone rang at the Lopez farm, and the news from the weather service was bad.",
     "Within an hour the whole family was outside lighting fires between the rows, as their parents had done "
     "before them."],
]


@pytest.mark.parametrize("lede", LEDES, ids=["woke", "phone"])
def test_an_anecdotal_opening_with_nothing_below_it_stays_in_its_article(lede):
    # Counterexample: the same change of words with nothing between the paragraphs (no
    # title, meta line or furniture) is an article's opening, not a story of its own: one
    # story, and clean keeps the whole article, not the opening alone.
    document = "\n\n".join(lede + ORCHARD) + "\n"
    assert len(cleaner.split(document)) == 1
    assert cleaner.clean(document) == "\n\n".join(lede + ORCHARD)
    # Read without the seam (story_first_gap_lines 0), the opening would be cut off.
    assert len(cleaner.split(document, story_first_gap_lines=0)) == 2


@pytest.mark.parametrize("lede", LEDES, ids=["woke", "phone"])
def test_an_anecdotal_opening_under_a_title_on_the_report_stays_in_its_article(lede):
    # Counterexample: under a title whose words are the opening's and also the report's
    # (below the gap), the opening's change of words ends no story: one story, all of it
    # the main one.
    document = "\n\n".join(["Growers check their trees and count the cost of a late frost", *lede, *ORCHARD]) + "\n"
    assert len(cleaner.split(document)) == 1
    assert cleaner.clean(document).endswith("\n\n".join(lede + ORCHARD))


@pytest.mark.xfail(strict=True, reason="a single dropped line (an advertisement's label) between an article's "
                   "anecdotal opening and a report whose paragraphs cohere reads as the seam of two stories: "
                   "the opening is cut off and clean keeps it alone")
def test_an_anecdotal_opening_above_an_advertisement_stays_in_its_article():
    document = "\n\n".join(LEDES[0] + ["Advertisement"] + ORCHARD) + "\n"
    assert cleaner.clean(document) == "\n\n".join(LEDES[0] + ORCHARD)


def test_short_opening_paragraphs_on_the_article_s_subject_stay_in_it():
    # Counterexample: two short paragraphs that open the article (a lead on its subject)
    # share its words: one story, all of it the main one.
    lead = ["A late frost has hit the valley, and it will cost the growers there a lot this year.",
            "The growers said that the frost was the worst one they have seen in the valley for a long time."]
    document = "\n\n".join(lead + ORCHARD) + "\n"
    assert len(cleaner.split(document)) == 1
    assert cleaner.clean(document) == "\n\n".join(lead + ORCHARD)


# A short story at the top of a dump, then a menu, a share row and a longer story: the
# main text block of `cleaner.blocks` takes the longer story, the short one lies outside it.
PIER_HEAD = ["Harbour town votes to rebuild its old stone pier",
             "The council will pay for most of the work from its reserves.", "November 18, 2019",
             "By Clara Whitfield"]
SEAM = [*MENU, *SHARE, "Advertisement"]


def _top_story(head: list[str], first: str) -> str:
    return "\n".join([*head, "", first + PIER[0], "", PIER[1], "", *SEAM, "", *FROST]) + "\n"


def test_a_headed_short_story_above_the_main_block_stays_the_main_story():
    # Its title, a summary line, a date, a byline and a dateline above its text: a story's
    # head, so it stands outside the block and, opening the document, is the main story;
    # the longer story after it is the next one.
    a = cleaner.analyze(_top_story(PIER_HEAD, "PORTVILLE — "))
    assert a.main == 0 and [art.title for art in a.articles] == [PIER_HEAD[0], FROST[0]]
    assert a.text.endswith(PIER[1]) and "PORTVILLE — " + PIER[0] in a.text and FROST[4] not in a.text


def test_a_story_s_text_above_the_main_block_without_a_title_is_no_story():
    # Counterexample: the same lines without the title (a page's notice or blurb above its
    # article can carry a date and a name) are no story: the article in the block is the
    # main one.
    a = cleaner.analyze(_top_story(PIER_HEAD[1:], "PORTVILLE — "))
    assert PIER[0] not in a.text and FROST[4] in a.text and len(a.articles) == 1


def _block_from(monkeypatch, first: int) -> None:
    """Make the main text block start at line ``first``: it took the longer story after a
    short first one, whose kept lines it drops (as `cleaner.blocks.main_block` does to
    lines outside its region)."""
    from cleaner import pipeline
    from cleaner.types import Decision

    stage = pipeline.block_stage

    def block_stage(feats, smoothed, options, shape):
        listed, blocked, region = stage(feats, smoothed, options, shape)
        outside = Decision(False, "context.isolated", "boilerplate", "kept line outside the main text region", "block")
        return listed, [outside if d.keep and i < first else d for i, d in enumerate(blocked)], (first, region[1])

    monkeypatch.setattr(pipeline, "block_stage", block_stage)


def _left_out(monkeypatch, head: list[str], paragraphs: list[str], **options) -> object:
    """The analysis of a short story (``head``, ``paragraphs``) above the seam and the
    frost story, the main block holding the frost story only (``options``: overrides)."""
    lines = [*head, "", *"\n\n".join(paragraphs).split("\n"), "", *SEAM, "", *FROST]
    _block_from(monkeypatch, lines.index(FROST[0]))
    return cleaner.analyze("\n".join(lines) + "\n", **options)


@pytest.mark.parametrize("head", [PIER_HEAD[:1], PIER_HEAD], ids=["title", "title-summary-date-byline"])
def test_a_titled_short_story_the_main_block_left_out_is_the_main_story(monkeypatch, head):
    # Under its title alone, two paragraphs of prose whose words the next story does not
    # share are a story's body on a subject of its own; under its title, a summary line,
    # a date and a byline, it has a story's head (a meta line between the title and the
    # text).  Either way it stands outside the block and, opening the document, is the
    # main story.
    a = _left_out(monkeypatch, head, PIER)
    assert a.main == 0 and a.articles[0].title == PIER_HEAD[0] and len(a.articles) == 2
    assert a.text.endswith(PIER[1]) and FROST[4] not in a.text


@pytest.mark.parametrize("head, paragraphs", [
    (PIER_HEAD[1:], PIER),  # no title: a notice or a blurb above the article
    (PIER_HEAD[:1], PIER[:1]),  # one paragraph under the title
    (PIER_HEAD[:1], [PIER[0], "The harbour master agreed."]),  # a second paragraph too short for a lead
], ids=["untitled", "one-paragraph", "short-paragraph"])
def test_text_the_main_block_left_out_without_a_story_s_body_is_no_story(monkeypatch, head, paragraphs):
    # Counterexamples: without a title, or with fewer than story_head_paragraphs
    # paragraphs of story_lead_words words, the text above the block is no story: the
    # block's is main.
    a = _left_out(monkeypatch, head, paragraphs)
    assert paragraphs[0] not in a.text and FROST[4] in a.text


def test_the_own_subject_reads_its_options(monkeypatch):
    # story_head_paragraphs, story_lead_words and story_topic_cohesion reach the rule:
    # asking for three paragraphs, for longer ones, or for a cosine under 0 with the next
    # story (the words of a page's lead cut from its article go on after the gap) leaves
    # the two paragraphs no story.
    words = min(len(p.split()) for p in PIER)
    assert PIER[0] in _left_out(monkeypatch, PIER_HEAD[:1], PIER, story_lead_words=words).text
    for option in ({"story_head_paragraphs": 3}, {"story_lead_words": words + 1}, {"story_topic_cohesion": 0.0}):
        a = _left_out(monkeypatch, PIER_HEAD[:1], PIER, **option)
        assert PIER[0] not in a.text and FROST[4] in a.text

# Titles: the story's headline, not a line of a list of related stories.
RELATED = ["Related stories", "Harbour town votes to rebuild its old stone pier",
           "Ferry timetable changes for the winter months"]


def test_html_gives_the_page_s_headline_as_the_main_story_s_title():
    # A page with a list of related stories above its article: story 0's title is the
    # article's headline (its <h1>), not a related story's link nor the <title>.
    paragraphs = "".join(f"<p>{p}</p>" for p in ORCHARD)
    related = "".join(f'<li><a href="/{k}">{line}</a></li>' for k, line in enumerate(RELATED[1:]))
    page = (f"<html><head><title>Frost | The Valley Post</title></head><body>"
            f"<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
            f"<aside><h2>{RELATED[0]}</h2><ul>{related}</ul></aside>"
            f"<article><h1>{FROST[0]}</h1><p>{FROST[1]}</p><time>{FROST[2]}</time>{paragraphs}</article>"
            f"<footer><p>Copyright 2019 The Valley Post</p></footer></body></html>")
    a = cleaner.analyze(page)
    assert a.from_html and a.articles[a.main].title == FROST[0] and a.main == 0
    assert RELATED[1] not in a.text and ORCHARD[0] in a.text


@pytest.mark.parametrize("head", [[], FROST[1:3]], ids=["no-head", "byline-date"])
def test_a_related_list_above_an_untitled_article_gives_it_no_title(head):
    # The last link of the list is a headline-like line right above the text, but another
    # story's: an article without a title line has no title.
    a = cleaner.analyze("\n".join([*RELATED, "", *head, "", *ORCHARD]) + "\n")
    assert [art.title for art in a.articles] == [None] and RELATED[2] not in a.text


def test_a_related_list_below_the_article_leaves_its_headline_the_title():
    a = cleaner.analyze("\n".join([*FROST, "", *RELATED]) + "\n")
    assert [art.title for art in a.articles] == [FROST[0]] and RELATED[1] not in a.text


# A dump that opens with a short story under its title and date (one paragraph, fewer
# body words than story_main_min_words), then a titled story whose head is the whole gap.
SHORT_PIER = ("Residents of the small harbour town voted on Monday to rebuild the old stone pier that the "
              "winter storms cracked in two places.")


def _short_first(head: list[str]) -> object:
    return cleaner.analyze("\n".join([*head, "", SHORT_PIER, "", *FROST]) + "\n")


@pytest.mark.parametrize("head", [PIER_HEAD[:1], [PIER_HEAD[0], PIER_HEAD[2]]], ids=["title", "title-date"])
def test_a_short_first_story_under_its_title_is_the_main_story(head):
    # It opens the document under its own headline: the page's story, however short.
    a = _short_first(head)
    assert len(a.articles) == 2 and a.main == 0 and a.articles[0].title == PIER_HEAD[0]
    assert SHORT_PIER in a.text and FROST[4] not in a.text


def test_a_short_first_text_without_a_title_gives_way_to_the_story_after_it():
    # Counterexample: the same paragraph under a date alone is too short to be an article
    # (a notice above the page's story): the titled story after it is the main one.
    a = _short_first([PIER_HEAD[2]])
    assert len(a.articles) == 2 and a.main == 1 and SHORT_PIER not in a.text and FROST[4] in a.text


#: A longer story with no head of its own, on another subject than the pier story.
CROPS = [f"Growers across the valley said on Tuesday that the late frost in April had cost them much of their "
         f"{crop} crop, and that prices in the shops would rise before the end of the year as a result of the "
         f"poor harvest and the higher cost of keeping the trees warm at night." for crop in
         ("apple", "pear", "cherry", "plum", "apricot", "peach", "quince", "walnut", "almond", "hazelnut")]


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["one newline", "blank lines"])
def test_a_short_untitled_first_story_stays_main_before_a_longer_one_with_no_head(sep):
    # Under a page's navigation, a short story without a title, then one eight times as
    # long without a head either: a short main story and the next story of a dump, as
    # often as a notice above the page's article; the first stays the main one unless
    # story_preamble_plain_ratio says how much longer a story with no head must be.
    text = sep.join(["Harbour news", "Local", "Weather", "Sport", "Opinion", "Letters", *PIER, *CROPS]) + "\n"
    a = cleaner.analyze(text)
    assert len(a.articles) == 2 and a.main == 0 and PIER[0] in a.text and CROPS[0] not in a.text
    b = cleaner.analyze(text, story_preamble_plain_ratio=5.0)
    assert b.main == 1 and PIER[0] not in b.text and CROPS[0] in b.text


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["one newline", "blank lines"])
def test_a_short_first_story_does_not_give_way_past_a_story_of_its_own(sep):
    # The stories after a short first one are looked at for its place only while they are
    # short themselves (a second notice): past a long story with no head (the next story
    # of a dump), a story under a head of its own is a later story, not the page's article.
    head = ["Second ferry for the island crossing", "By Tomas Reyes", "November 19, 2019"]
    text = sep.join(["Harbour news", "Local", "Weather", "Sport", "Opinion", "Letters", *PIER, *CROPS, *head,
                     *FERRY]) + "\n"
    a = cleaner.analyze(text)
    assert [x.title for x in a.articles] == [None, None, head[0]]
    assert a.main == 0 and PIER[0] in a.text and FERRY[0] not in a.text


# The next story of a dump in the same language: a ferry story of the same town after the
# pier story, sharing many of its words (council, mayor, residents, harbour).
FERRY = [
    "The ferry company will add a second boat to the crossing from December, so that a ferry leaves the quay "
    "twice an hour between six in the morning and ten at night.",
    "The council will pay for the extra crossings from its reserves, the mayor told the meeting after the vote.",
    "Passengers with bikes will board first, and the company expects the new boat to carry up to eighty cars "
    "on each crossing once the work on its ramp is finished.",
    "Tickets for the new crossings go on sale next month, online and at the kiosk on the quay, at the prices "
    "passengers pay for the current ones.",
    "Residents of the harbour town had asked the council for more crossings, and the fishermen's association "
    "said the second boat would also help its members reach the market on the mainland.",
    "The mayor said the council would look at the timetable again in the spring, once it knows how many "
    "passengers use the ferry in the winter months.",
]


def _pier_then_ferry(title: str) -> object:
    return cleaner.analyze("\n".join([PIER_HEAD[0], "", PIER[0], "", PIER[1], "", *SEAM, "", title,
                                      "By Tomas Reyes", "November 19, 2019", "", "\n\n".join(FERRY)]) + "\n")


def test_a_titled_first_story_does_not_give_way_to_a_next_story_under_its_own_head():
    # The ferry story shares enough words with the short pier story to read as its rest,
    # but it opens under a head of its own (a byline and a date) and a title sharing no
    # word with the pier story's text: the next story of the dump, so the pier story,
    # opening the document under its title, stays the main one.
    a = _pier_then_ferry("New ferry timetable starts in December")
    assert a.main == 0 and len(a.articles) == 2 and PIER[0] in a.text and FERRY[0] not in a.text


def test_a_first_story_gives_way_to_a_longer_rest_under_a_title_on_its_subject():
    # Counterexample: under a title that shares a word with the first story's text (the
    # vote), the longer story after it may be the rest of its article: it is main.
    a = _pier_then_ferry("Ferry to cross twice an hour after the vote")
    assert a.main == 1 and FERRY[0] in a.text


#: Two teasers of other stories cut mid-sentence, full of names and figures: few stopwords,
#: so that stage 1 drops them whatever their language.
TEASERS_NAMED = [
    "Real Madrid beat Valencia 3-1 at Mestalla Sunday, Karim Benzema scoring twice, Vinicius Junior adding "
    "a third goal, Valencia coach Gennaro Gattuso watching, fans leaving early, rain falling",
    "Lewis Hamilton took pole position in Abu Dhabi ahead of Max Verstappen, Charles Leclerc, Lando Norris, "
    "Mercedes team boss Toto Wolff praising seven-time champion Hamilton, Red Bull protesting",
]

#: The page's tail after the row: a note on the author, on nothing the story or the
#: teasers are about.
AUTHOR = [
    "Tomas Reyes has written for the paper since 2004. Before that he spent twenty years working on "
    "his family's land in the hills, where he still lives with his wife and their two dogs.",
    "He is the author of three books, and he teaches a writing course at the community college on "
    "Thursday evenings during the autumn and spring terms each year.",
]


def test_a_row_of_teasers_with_few_stopwords_is_read_as_teasers():
    # Cut mid-sentence one after another after the story, the two lines stage 1 dropped for
    # their few stopwords are a row of teasers (``story.teaser_row``), each a story.
    text = "\n\n".join(FROST + TEASERS_NAMED) + "\n"
    assert read_as_teasers(text, TEASERS_NAMED) == ["story.teaser_row"] * 2
    # A single such line is no row: it stays dropped.
    alone = "\n\n".join(FROST + TEASERS_NAMED[:1]) + "\n"
    assert [a.kind for a in cleaner.split(alone, extracted="never")] == ["full"]
    # Without the row's reading they are dropped lines, and no story.
    assert len(cleaner.split(text, extracted="never", story_teaser_row=99)) == 1
    # Nor are lines with fewer of the page's stopwords than a sentence holds (the rows of
    # a calendar): with a floor above the teasers' share, they stay dropped.
    assert len(cleaner.split(text, extracted="never", story_teaser_row_stopwords=0.5)) == 1
    calendar = ["01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20 21",
                "22 23 24 25 26 27 28 29 30 31 01 02 03 04 05 06 07 08 09 10 11"]
    assert [a.kind for a in cleaner.split("\n\n".join(FROST + calendar) + "\n", extracted="never")] == ["full"]


#: Teasers of the page's own language, cut mid-sentence on other subjects: stage 1 keeps them.
TEASERS_PROSE = [
    "The council of the northern port has approved a plan to turn the old railway station into a library "
    "and a market hall, and the work on the roof is expected to start in",
    "A family of otters has come back to the river that runs through the centre of the town for the first "
    "time in forty years, and the children of the school by the bridge have",
]


def test_a_line_cut_mid_sentence_on_the_story_s_subject_is_no_teaser_before_a_row():
    # A line of the story cut mid-sentence (a quoted post, a standfirst) right before a row
    # of teasers shares the story's words: it opens no row, it stays in the story; the
    # teasers after it, on other subjects, are teasers.
    own = ("Growers across the valley said the late frost had also hurt the young vines, and that the cost of "
           "the poor harvest would be felt in the shops before the end of")
    text = "\n\n".join(FROST + [own] + TEASERS_PROSE) + "\n"
    articles = cleaner.split(text, extracted="never")
    assert [a.kind for a in articles] == ["full", "teaser", "teaser"]
    assert own in articles[0].text
    # with no floor on a change of subject (every cosine under it), it is a teaser too
    kinds = [a.kind for a in cleaner.split(text, extracted="never", story_teaser_cohesion=2.0)]
    assert kinds == ["full", "teaser", "teaser", "teaser"]


#: The next story of a dump of extracts: its title, a byline and a date, its text.
ASH = [
    "Ash from the volcano closes the island's airport",
    "By Ana Lima",
    "June 3, 2021",
    "The volcano on the northern island erupted again early on Sunday, sending a column of ash several "
    "kilometres into the sky above the villages on its slopes.",
    "Flights to the island were cancelled because the ash cloud drifted over the airport, and the ferry "
    "company added two boats to carry the travellers who were stranded in the port.",
    "The observatory warned that the volcano could erupt again within days, and the villagers were told to "
    "keep their windows shut and to wear masks when they go outside.",
]


def test_after_a_teaser_in_extracted_text_the_next_story_needs_no_body_before_it():
    # Articles as an extractor writes them, one block a line: the story, a teaser under its
    # title, a line of the teaser's page, the next story under its title and byline.  The
    # line between the teaser and the next story is no story that needs body of its own:
    # the next story stands.  In a page's dump the same line may begin the page's tail, and
    # the body a story needs before the next one still holds.
    page_line = "Subscribers can read every article of the archive without limits."
    text = "\n".join(FROST[4:] + ["Old railway station to become a library and market hall", TEASERS_PROSE[0],
                                  page_line] + ASH) + "\n"
    articles = cleaner.split(text)
    assert [a.kind for a in articles] == ["full", "teaser", "full"]
    assert articles[2].title == ASH[0]
    assert page_line not in articles[2].text
    assert [a.kind for a in cleaner.split(text, extracted="never")] == ["full", "teaser"]


#: Another story's text, on words of its own.
CHESS = [
    "A twelve-year-old girl from the mountain village won the national chess championship on Saturday, "
    "beating three grandmasters in the final rounds of the tournament.",
    "Her coach said she had studied openings every evening after school for four years, using a board "
    "her grandfather carved from walnut wood.",
    "The chess federation will send her to the world youth championship in the autumn, and the village "
    "plans a celebration in the square when she returns.",
]


def test_after_a_teaser_in_extracted_text_a_paragraph_on_other_words_opens_the_next_story():
    # Text an extractor wrote one block a line: the story, a teaser under its title, then
    # the next story's text with no head, sharing few words with the teaser and with the
    # story before: the change of topic opens it.  In a page's dump the text after a row
    # of teasers is left to the page (it may be the page's tail).
    text = "\n".join(FROST[4:] + ["Old railway station to become a library and market hall", TEASERS_PROSE[0]]
                     + CHESS) + "\n"
    articles = cleaner.split(text)
    assert [a.kind for a in articles] == ["full", "teaser", "full"]
    assert articles[2].text == "\n".join(CHESS)
    assert [a.kind for a in cleaner.split(text, extracted="never")] == ["full", "teaser"]
    # text that goes on with the story's own words after the teaser opens no story
    own = "\n".join(FROST[4:] + ["Old railway station to become a library and market hall", TEASERS_PROSE[0]]
                    + FROST[4:6]) + "\n"
    assert [a.kind for a in cleaner.split(own)] == ["full", "teaser"]


def test_a_story_s_title_in_extracted_text_is_the_page_s_title_above_its_headline():
    # The page's title (its headline and the site's name) above the headline itself: the
    # story starts at the page's title, which holds the headline's text.
    page_title = ASH[0] + " | The Island Times"
    text = "\n".join(FROST[4:] + ["Share this article", page_title] + ASH) + "\n"
    assert [a.title for a in cleaner.split(text)] == [None, page_title]
    assert cleaner.split(text, story_title_held_words=99)[1].title == ASH[0]
    # in a page's dump the head evidence alone names the title ...
    assert cleaner.split(text, extracted="never")[1].title == ASH[0]
    # ... but for a page's title that holds the line right above the text
    right_above = "\n".join(FROST[4:] + ["Share this article", page_title, ASH[0]] + ASH[3:]) + "\n"
    assert cleaner.split(right_above, extracted="never")[1].title == page_title
    assert cleaner.split(right_above, extracted="never", story_title_held_words=99)[1].title == ASH[0]


def test_a_story_s_title_in_extracted_text_is_the_page_s_title_worded_otherwise_above_its_headline():
    # The page's title in other words right above the headline: most of the headline's
    # content words occur in it, so the story starts there.
    variant = "Volcano ash: the island's airport is closed"
    text = "\n".join(FROST[4:] + ["Share this article", variant] + ASH) + "\n"
    assert [a.title for a in cleaner.split(text)] == [None, variant]
    assert cleaner.split(text, story_title_variant_share=1.0)[1].title == ASH[0]


def test_a_story_s_title_in_extracted_text_holds_the_subtitle_below_it_whatever_its_form():
    # The page's title holds the line below it, a subtitle written as a list item: the
    # title is the page's, though it shares no word with the text.
    title = "Eruption alert - \u201cNobody was prepared for this\u201d"
    text = "\n\n".join(FROST[4:] + ["Share this article", title, "- \u201cNobody was prepared for this\u201d"]
                       + ASH[3:]) + "\n"
    assert [a.title for a in cleaner.split(text)] == [None, title]
    assert cleaner.split(text, story_title_held_words=99)[1].title is None


def test_a_story_with_no_head_starts_at_the_title_above_its_lead():
    # A title, a short lead that goes on with the next story's words, a credit line, then
    # the text: the topic changes only at the paragraph after the lead, yet the story
    # starts at its title.
    title = "Postcards From Lisbon"
    lead = "Growers across the valley fear the ash cloud from the volcano on the island."
    text = "\n\n".join(FROST[4:] + [title, lead, "Text by Ana Lima, pictures by Tomas Reyes"] + ASH[3:]) + "\n"
    assert [a.title for a in cleaner.split(text)] == [None, title]
    assert cleaner.split(text, story_lead_max_words=0)[1].text.startswith(ASH[3])


def test_a_row_of_teasers_sharing_no_word_with_the_story_stands_before_more_text():
    # Text after a row of teasers (the page's note on its author) does not make the row
    # part of the story when the teasers share no content word with it: they stay teasers,
    # and the text after them is no text of the story.
    text = "\n\n".join(FROST + TEASERS_NAMED + AUTHOR) + "\n"
    articles = cleaner.split(text, extracted="never")
    assert [a.kind for a in articles] == ["full", "teaser", "teaser"]
    assert cleaner.clean(text, extracted="never") == "\n\n".join(FROST[4:])
    # With no floor on what the row shares (story_row_cohesion -1: any cosine passes, a
    # gallery's captions share the article's words), the row and the text after it go
    # back to the story.
    undone = cleaner.split(text, extracted="never", story_row_cohesion=-1.0)
    assert [a.kind for a in undone] == ["full"]
    assert AUTHOR[0] in undone[0].text


def test_a_row_of_teasers_sharing_one_word_with_a_long_story_stands_before_more_text():
    # A teaser of another story may name one word the story holds once ("apple" among
    # seven crops): its cosine with the story is next to nothing, under
    # story_row_cohesion, so the row still stands, and the text after it is no text of
    # the story.  With no such floor (0.0: any shared word), the row goes back to it.
    row = [TEASERS_NAMED[0].replace("rain falling", "apple stalls closing"), TEASERS_NAMED[1]]
    text = "\n\n".join(FROST + row + AUTHOR) + "\n"
    assert [a.kind for a in cleaner.split(text, extracted="never")] == ["full", "teaser", "teaser"]
    assert cleaner.clean(text, extracted="never") == "\n\n".join(FROST[4:])
    assert [a.kind for a in cleaner.split(text, extracted="never", story_row_cohesion=0.0)] == ["full"]



def test_a_story_in_another_language_shares_no_function_word_with_the_next_title():
    # Two stories in Portuguese on a page whose stoplist is English: "uma" and "para" are
    # content words to it, shared by the first story's text and the next one's title, so
    # the next one would pass for the rest of the first one's article.  Read with the
    # stopwords of the story's own language too, they share none: both stand under a
    # head of their own (`_both_headed`).
    class R:  # what `_both_headed` reads of a `Reader`
        lines = segment("Uma feira de livros na praça\n"
                        "A cidade abriu neste sábado uma feira de livros na praça da matriz, com mais de "
                        "trinta bancas de editoras da região, e a prefeitura prepara uma festa para as "
                        "crianças das escolas no fim do mês.\n"
                        "Uma escola nova para o bairro do porto\n")
        stops = stopwords("en")

        @staticmethod
        def body(i: int) -> bool:
            return i == 1

    assert _both_headed(R, {"title": 0, "members": [1]}, {"title": 2, "strong": True})


# A tag cloud run together into one line: in a language with no stoplist, nothing drops it
# for its few stopwords, and at the top of the page it reads as the first story's text.
TAGS = ("Harbours Lighthouses Ferries Boatyards Regattas Sailing Fishing Trawlers Moorings Slipways Tides "
        "Charts Anchors Buoys Jetties Marinas Coastguard Lifeboats Seawalls Breakwaters Estuaries Dredging "
        "Shipwrights Chandlers Netmakers Oysters Mussels Crabs Lobsters Herring Mackerel Pilchards Cod")


@pytest.mark.filterwarnings("ignore:cleaner knows no stopwords")
def test_a_run_of_words_without_sentences_is_no_main_story():
    # Opening the document, it would be the main story however long the story after it;
    # without a mark ending a sentence or a clause it is no article beside one of sentences.
    a = cleaner.analyze("\n".join([TAGS, "", *FROST]) + "\n", language="ko")
    assert len(a.articles) == 2 and a.main == 1
    assert TAGS not in a.text and FROST[4] in a.text


@pytest.mark.filterwarnings("ignore:cleaner knows no stopwords")
def test_the_same_words_written_as_sentences_stay_the_main_story():
    # Counterexample: the same words with commas and full stops read as text: the story
    # that opens the document stays the main one.
    written = TAGS.replace(" ", ", ").replace("Tides,", "Tides.") + "."
    a = cleaner.analyze("\n".join([written, "", *FROST]) + "\n", language="ko")
    assert len(a.articles) == 2 and a.main == 0
    assert written in a.text and FROST[4] not in a.text


def test_the_marks_are_read_in_other_scripts_and_not_inside_a_number():
    # A mark counts before a space or the line's end ("3.5" and the dot inside "a.m." do
    # not), the full-width ones of Chinese and Japanese anywhere.
    from cleaner.language import stopwords
    from cleaner.stories.evidence import Reader

    def marks(text: str) -> int:
        v = cleaner.analyze(text + "\n", extracted="never").verdicts
        r = Reader([x.line for x in v], [x.features for x in v], [x.final for x in v], stopwords("en"))
        return r.core.clause_marks([0])

    assert marks("Yes, 3.5 a.m. here. 你好，世界。 नमस्ते। end") == 6  # , . . ， 。 ।
    assert marks("Yes 3.5 a.m here 你好 नमस्ते end") == 0


#: A teaser of another site, cut mid-sentence, on words neither FROST nor ASH uses.
LONE_TEASER = ("Ada Varga took pole position in the desert race ahead of Tom Brenner and Luca Moretti on "
               "Saturday after a qualifying session in which the veteran driver set the fastest lap of the season "
               "and her team principal praised the seven-time champion for a drive that")


def test_a_lone_teaser_between_two_stories_in_extracted_text_is_a_teaser():
    # Extracted text (one block a line): one long line cut mid-sentence between two stories,
    # on words other than the text's before it and after it, is a teaser of its own though
    # no teaser follows it and it is not the last line.
    text = "\n".join(FROST[4:] + [LONE_TEASER] + ASH[3:]) + "\n"
    articles = cleaner.split(text)
    assert [a.kind for a in articles] == ["full", "teaser", "full"]
    assert articles[1].text == LONE_TEASER
    # With the test off, the line is no teaser: only the two full stories.
    assert [a.kind for a in cleaner.split(text, story_teaser_apart_cohesion=0.0)] == ["full", "full"]
    # A shorter line shares few words with any text: its cosines tell nothing.
    assert [a.kind for a in cleaner.split(text, story_teaser_apart_words=60)] == ["full", "full"]


def test_a_lone_teaser_in_a_page_s_dump_ends_mid_sentence_by_its_look():
    # Read as a page's dump (not an extractor's text), the same line is a teaser too: it
    # ends on a word in lower case, cut off mid-sentence.  (The next story stands under
    # its title: in a page's dump, the text after a row of teasers that no head opens is
    # the page's tail.)
    text = "\n\n".join(FROST[4:] + [LONE_TEASER] + ASH) + "\n"
    articles = cleaner.split(text, extracted="never")
    assert [a.kind for a in articles] == ["full", "teaser", "full"]
    assert articles[1].text == LONE_TEASER
    assert "teaser" not in [a.kind for a in cleaner.split(text, extracted="never", story_teaser_apart_cohesion=0.0)]
    # Counterexample: a paragraph of a page that ends on a signature, a name and a place
    # with no period, is no teaser by its words alone there (it is in an extractor's text).
    signed = LONE_TEASER.removesuffix(" that") + " Ada Varga, Tolvik"
    text = "\n\n".join(FROST[4:] + [signed] + ASH) + "\n"
    assert "teaser" not in [a.kind for a in cleaner.split(text, extracted="never")]
    assert "teaser" in [a.kind for a in cleaner.split(text.replace("\n\n", "\n"))]


#: Two teasers of other sites, cut mid-sentence, on words neither FROST nor ASH uses.
ROW = ["The visiting side won three to one at the old river stadium on Sunday night, with Jonas Keller scoring "
       "twice and Rafael Dorado adding a third goal as the home fans",
       "Ada Varga took pole position in the desert race ahead of Tom Brenner and Luca Moretti after "
       "a qualifying session in which the veteran driver"]


def test_the_next_story_after_a_row_of_teasers_may_open_under_its_title_but_not_under_a_list():
    # Extracted text, one block a line: after a row of teasers, a headline and a paragraph
    # on other words are the next story.  Four short lines set as headlines before that
    # paragraph (more than story_title_near) are a list's items, no story's title: the
    # text after the row is not opened as a story by its words.
    titled = "\n".join(FROST[4:] + ROW + ["Ash over the island"] + ASH[3:]) + "\n"
    assert [a.kind for a in cleaner.split(titled)] == ["full", "teaser", "teaser", "full"]
    items = ["Ash over the island", "Flights cancelled", "Ferries added", "Masks advised"]
    listed = "\n".join(FROST[4:] + ROW + items + ASH[3:]) + "\n"
    assert [a.kind for a in cleaner.split(listed)] == ["full"]
    assert [a.kind for a in cleaner.split(listed, story_title_near=len(items))] == ["full", "teaser", "teaser", "full"]


def test_a_title_that_goes_on_with_the_story_before_is_no_title_of_the_next():
    # The page before's tail (a gallery's label on its own story's words, a share row)
    # above the next story's text with no head of its own: the next story starts at its
    # text, the label no title of it; one on the next story's words stays its title.
    label = "Valley Growers Count The Late Frost Cost: Island Airport Gallery"
    text = "\n\n".join(FROST[4:] + [label] + SHARE + ASH[3:]) + "\n"
    articles = cleaner.split(text)
    assert [a.title for a in articles] == [None, None]
    assert articles[1].text.startswith(ASH[3])
    assert cleaner.split(text, story_title_behind_cohesion=-1.0)[1].title == label
    own = "\n\n".join(FROST[4:] + [ASH[0]] + SHARE + ASH[3:]) + "\n"
    assert [a.title for a in cleaner.split(own)] == [None, ASH[0]]


CLOSURE = [
    "The council voted on Tuesday evening to close the old harbour bridge to cars from the first of March, "
    "after engineers found cracks in two of its supporting piers.",
    "Repairs are expected to take at least eighteen months, and the council said buses and bicycles would "
    "still be allowed to cross while the work goes on.",
    "Shop owners on both sides of the harbour warned that the closure would cut the number of visitors, and "
    "asked the council for help with the costs of the detour.",
    "The mayor said the bridge had been neglected for decades and that the repairs could not wait any "
    "longer, whatever the cost to the town's budget.",
]


def _page_under(headline: str) -> str:
    """A page's dump: a short greeting and a long menu (which the main text region leaves
    out, the story finder reads), then ``headline``, a date, a photo credit and the text."""
    menu = [f"* {w}" for w in ("Home", "Politics", "Sport", "Culture", "Weather", "Contact", "Archive", "Jobs",
                               "Events", "Letters", "Podcasts", "Obituaries", "Traffic", "Schools", "Health")]
    lines = ["Welcome to our website, we hope that you enjoy your visit.", *menu,
             headline, "12 February 2024", "Photo: Town Archive", *CLOSURE]
    return "\n\n".join(lines) + "\n"


def test_the_main_story_below_the_page_s_head_takes_the_headline_above_its_text():
    # the story's first kept line (the greeting) lies outside the main text region: its
    # title is looked for above its text, over the date and the credit, as it would be
    # were the greeting not there
    a = cleaner.analyze(_page_under("Harbour bridge to close to cars for repairs"))
    assert [(x.index, x.title) for x in a.articles] == [(0, "Harbour bridge to close to cars for repairs")]
    assert a.verdicts[0].output is False and a.articles[0].text.startswith("The council voted")
    assert a.articles[0].title in a.source[a.articles[0].span[0]:a.articles[0].span[1]]


def test_a_line_above_the_text_that_does_not_name_it_is_no_title():
    a = cleaner.analyze(_page_under("Latest news from our region today"))
    assert [(x.index, x.title) for x in a.articles] == [(0, None)]


DIGNITY = [
    "The project asks pupils to think about the dignity of human life, from the first days of a child to the "
    "care of the old and the dying, and to write about what they find.",
    "Each pupil chooses a question of their own, reads what the great religions and philosophers have said "
    "about it, and talks with people whose work touches on it.",
    "At the end of the term the class puts together a small book of essays on the dignity of life, which the "
    "school prints for the parents and the town library.",
]


@pytest.mark.parametrize("arrow", ["← ", "« ", "‹ "])
def test_a_pager_s_link_above_the_headline_is_no_title(arrow):
    # the link to the post before, longer than the headline under it, would win as "a
    # longer headline above"; an arrow that points back opens it: no headline, no title
    lines = ["* Home", "* About", f"{arrow}How to revise for the final exams without stress",
             "The dignity of life – a project", "Posted on 13 March 2019 by Michael Example", *DIGNITY]
    a = cleaner.analyze("\n\n".join(lines) + "\n")
    assert [(x.index, x.title) for x in a.articles] == [(0, "The dignity of life – a project")]


def test_a_headline_in_guillemets_is_a_title_and_no_pager_s_link():
    text = "\n\n".join(["« Le pont restera fermé aux voitures », annonce le maire", "12 février 2024",
                       "Le conseil municipal a voté mardi soir la fermeture du vieux pont du port aux voitures à "
                       "partir du premier mars, après que des ingénieurs ont trouvé des fissures dans ses piliers.",
                       "Les travaux devraient durer au moins dix-huit mois, et les bus pourront toujours passer sur "
                       "le pont pendant toute la durée du chantier."]) + "\n"
    assert [x.title for x in cleaner.split(text)] == ["« Le pont restera fermé aux voitures », annonce le maire"]


def test_a_page_story_of_its_headline_alone_keeps_it_as_its_text():
    # the line that reads as the page's headline is the main story's title line only
    # when the story has other kept lines: a story of its headline alone is that line
    from cleaner.pipeline import _headline_title
    from cleaner.stories import Stories
    from cleaner.types import Decision, Line

    texts = ["Rain falls on the city", "The rain fell all day, the mayor said."]
    lines = [Line(i, 0, len(t), t, t) for i, t in enumerate(texts)]
    keep = Decision(True, "html.block", "body", "chosen", "extractor")
    st = Stories(story_of=[0, 0], kinds=["full"], titles=[None], final=[keep, keep], main=0)
    assert _headline_title(lines, [keep, keep], st, [0, 0], "Rain Falls On The City").titles == [0]
    alone = replace(st, story_of=[0, None])
    assert _headline_title(lines, [keep, keep], alone, [0, None], texts[0]).titles == [None]
    assert _headline_title(lines, [keep, keep], st, [0, 0], "Snow falls on the city").titles == [None]
