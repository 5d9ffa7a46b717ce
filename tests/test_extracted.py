"""Extractor output: the post-processing guarantee (only catalogue rules and story
boundaries drop its lines) and the layout test that tells it from a whole-page dump
written without blank lines."""

from __future__ import annotations

from cleaner import Options, analyze
from cleaner.blocks import barrier_kind
from cleaner.catalogue import is_pattern_rule
from cleaner.classify import classify_lines
from cleaner.extracted import extraction_layout, guarantee, list_entries, revise
from cleaner.features import line_shapes
from cleaner.front.dom import LineHint
from cleaner.segment import segment
from cleaner.stories.evidence import dateline
from cleaner.types import Decision

from benchmarks.systems import extractor_layout
from test_html import PARAGRAPHS, TITLE

BODY = ("The regional government announced on Tuesday that it would spend more on rural "
        "bus services next year, after months of complaints from residents.")
BODY2 = ("Officials said the new timetable would add evening services to villages that "
         "currently have no buses after six o'clock.")


def _keep(rule="feature.prose", category="body"):
    return Decision(True, rule, category, "", "classify")


def _drop(rule, category):
    return Decision(False, rule, category, "", "classify")


def _run(initial, final, story_of, main=0):
    lines = segment("\n".join(f"line {i}" for i in range(len(initial))))
    return guarantee(lines, initial, final, story_of, main, is_pattern_rule, barrier_kind,
                     Options())


def test_guarantee_keeps_what_only_context_dropped():
    initial = [_keep(), _keep(), _drop("en.share.share_label", "share"), _keep()]
    final = [initial[0], _drop("context.isolated", "boilerplate"), initial[2], initial[3]]
    out, story_of = _run(initial, final, [0, None, None, 0])
    assert [d.rule for d in out] == ["feature.prose", "extracted.kept", "en.share.share_label",
                                     "feature.prose"]
    assert [d.keep for d in out] == [True, True, False, True]
    assert story_of[1] == 0 and story_of[2] is None


def test_guarantee_leaves_other_stories_and_what_follows_the_comments():
    initial = [_keep(), _keep(), _drop("en.comments.header", "comments"), _keep(), _keep()]
    final = [initial[0], _drop("story.other", "other story"), initial[2],
             _drop("context.after_end", "boilerplate"), _drop("context.isolated", "boilerplate")]
    out, story_of = _run(initial, final, [0, 1, None, None, None])
    assert [d.keep for d in out] == [True, False, False, False, False]
    assert story_of == [0, 1, None, None, None]


def test_guarantee_can_be_disabled():
    initial = [_keep(), _keep()]
    final = [initial[0], _drop("context.isolated", "boilerplate")]
    lines = segment("a\nb")
    out, _ = guarantee(lines, initial, final, [0, None], 0, is_pattern_rule, barrier_kind,
                       Options.make(disabled_rules=["extracted.kept"]))
    assert out == final


#: An invented extract: an article on a town library, then its bibliography, each entry
#: opening "SURNAME, Name:" as a dateline opens ("OSLO: ...") and on another subject.
LIBRARY = [
    "The town library opened in 1890 and was for a long time the only public library of the region where "
    "people could borrow books.",
    "In the following decades the collection grew steadily, and the library moved twice into a larger "
    "building near the market square.",
    "After the war the collection was put in order again, and many volumes that had been lost were replaced "
    "by gifts from the townspeople.",
    "Today the library holds more than two hundred thousand books, journals and maps that are used by "
    "researchers from all over the country.",
    "The head of the library says that putting the old holdings online will be the main task of the house "
    "in the coming years.",
    "Volunteers have already scanned the oldest maps of the library, and the first of them can be seen on "
    "its website since the spring.",
    "The library also lends its rooms to school classes, which come to learn how the old catalogue cards "
    "and the reading room were used.",
    "Every autumn the library holds an open day on which visitors may see the stacks in the cellar that are "
    "otherwise closed to the public.",
]
ENTRIES = [
    "BERG, Karl: Gardens of the north. Roses, hedges and ponds in manor parks, Leipzig 1998, pp. 4-19.",
    "FISCHER, Anna: Rivers and mills. Water power in the valleys before the railway came, Berlin 2004, pp. 12-45.",
    "HOFMANN, Peter: Bells and towers. Foundries, ringers and their guilds, Stuttgart 2011, pp. 101-130.",
    "WAGNER, Lisa: Salt roads. Carters, inns and tolls on the old trade routes, Hamburg 2016, pp. 7-33.",
    "KELLER, Jonas: Orchard fruit. Apple and pear varieties of the hill farms, Mainz 2009, pp. 55-80.",
    "SCHULZ, Maria: Weather lore. Farmers' sayings about rain, frost and harvest, Bremen 2013, pp. 20-48.",
    "BRAUN, Tobias: Stone bridges. Masons and arches over the small rivers, Kassel 2001, pp. 9-27.",
    "LANGE, Sophie: Market days. Fairs, cattle and cloth in the county towns, Erfurt 2007, pp. 31-66.",
]


def test_a_bibliography_of_extractor_output_stays_with_its_article():
    # each entry opens like a dateline, so the story finder opens stories in the list
    # (once it does not settle a one-line dateline into the candidate below it,
    # `story_lead_words` 0: by default this list stays one story already);
    # a run of such lines is the page's own list, and the extract keeps it
    text = "\n".join(LIBRARY + ENTRIES)
    assert [x.index for x in analyze(text).articles] == [0]
    cut = analyze(text, disabled_rules=["extracted.list_entry"], story_lead_words=0)
    assert len(cut.articles) > 1 and not any(e in cut.text for e in ENTRIES)
    a = analyze(text, story_lead_words=0)
    assert [x.index for x in a.articles] == [0] and all(e in a.text for e in ENTRIES)
    assert "extracted.list_entry" in {v.final.rule for v in a.verdicts}


def _datelines(lines):
    """The story finder's answers for ``lines`` (`cleaner.stories.Stories.datelines`):
    per line index, does it open with a dateline."""
    return [dateline(line.text) for line in lines].__getitem__


def test_two_stories_each_opened_by_a_dateline_stay_apart():
    # one dateline opens a story: two short stories in a row, each opening with one, are no list
    lines = segment("OSLO: The ferry left on time.\nBERGEN: The bridge opened at noon.\nFire crews were on site.")
    keep = _keep()
    final, story_of = list_entries(lines, [keep] * 3, [0, 1, 1], 0, _datelines(lines), Options())
    assert story_of == [0, 1, 1] and final == [keep] * 3
    final, story_of = list_entries(lines, [keep] * 3, [0, 1, 1], 0, _datelines(lines),
                                   Options(extracted_list_entries=2))
    assert story_of == [0, 0, 0] and final[1].rule == "extracted.list_entry"


def test_list_entries_read_the_answers_per_line_and_hand_back_copies():
    # the datelines are read by line index from the answers given (the story finder's),
    # each line with text at most twice (a story's first line, then the runs); guarantee
    # hands back new lists and leaves the caller's as they were
    lines = segment("BERG, Karl: Books. Leipzig 1998.\nFISCHER, Anna: Reading. Berlin 2004.\n"
                    "KELLER, Jonas: Paper. Mainz 2009.")
    asked: list[int] = []
    answers = _datelines(lines)

    def counted(i: int) -> bool:
        asked.append(i)
        return answers(i)

    keep = _keep()
    final, story_of = [keep] * 3, [0, 1, 1]
    out, out_story = guarantee(lines, final, final, story_of, 0, is_pattern_rule, barrier_kind, Options(),
                               datelines=counted)
    assert out_story == [0, 0, 0] and out[1].rule == "extracted.list_entry"
    assert sorted(set(asked)) == [0, 1, 2] and all(asked.count(i) <= 2 for i in asked)
    assert story_of == [0, 1, 1] and final == [keep] * 3 and out is not final and out_story is not story_of


def test_the_story_finders_datelines_are_not_asked_again(monkeypatch):
    # the pipeline hands the story finder's reading of each line (the compiled core's, made
    # once per document) to the guarantee: the dateline pattern is not asked a second time
    import cleaner.pipeline
    import cleaner.stories.evidence

    def refused(text):
        raise AssertionError(f"dateline asked again: {text!r}")

    text = "\n".join(LIBRARY + ENTRIES)
    expected = [v.final for v in analyze(text, story_lead_words=0).verdicts]
    monkeypatch.setattr(cleaner.stories.evidence, "dateline", refused)
    monkeypatch.setattr(cleaner.pipeline, "dateline", refused, raising=False)
    a = analyze(text, story_lead_words=0)
    assert [v.final for v in a.verdicts] == expected
    assert "extracted.list_entry" in {v.final.rule for v in a.verdicts}
    assert [x.index for x in a.articles] == [0] and all(e in a.text for e in ENTRIES)


def test_post_processing_said_by_the_caller_needs_no_layout_evidence():
    # a recipe's ingredient list opens the extract: four short lines before the first
    # paragraph look like a menu, so the text is not recognised as extractor output, and
    # the dump rules drop the list; said by the caller, only the catalogue drops a line
    text = "\n".join(["Ingredients", "- Pears", "- Honey", "- Lemons", "- Cinnamon", BODY,
                      "Serve it warm", BODY2, "Share on Facebook"])
    assert _layout(text) == ""
    assert [v.output for v in analyze(text).verdicts][:5] == [False] * 5
    said = analyze(text, extracted="always").verdicts
    assert [v.output for v in said] == [True] * 8 + [False]
    assert said[-1].final.rule == "en.share.share_label"


def test_a_comment_counter_after_the_text_opens_the_comments():
    # an extractor appends a page's comments after its article; a counter in the byline
    # area, before the text, opens nothing
    reply = "Thanks for writing this, I had wondered about the buses for a long time now."
    text = "\n".join(["2 comments", BODY, BODY2, "3 comments", reply, "Great piece, thank you all."])
    for mode in ("auto", "always"):
        verdicts = analyze(text, extracted=mode).verdicts
        assert [v.output for v in verdicts] == [False, True, True, False, False, False], mode
        assert verdicts[0].final.rule == "en.meta.comment_count"
        assert verdicts[3].final.rule == "extracted.comments"
    # most of the prose comes after the counter: it does not open the comments
    late = "\n".join([BODY, "3 comments", BODY2, reply, BODY.replace("Tuesday", "Monday")])
    assert "extracted.comments" not in {v.final.rule for v in analyze(late, extracted="always").verdicts}
    # the share is an option; the rule can be disabled
    assert analyze(text, extracted="always", extracted_comments_share=0.9).verdicts[4].output
    assert analyze(text, extracted="always", disabled_rules=["extracted.comments"]).verdicts[4].output


def _layout(text):
    a = analyze(text, extracted="never")
    return extraction_layout([v.line for v in a.verdicts], [v.initial for v in a.verdicts])


def test_a_dump_without_blank_lines_but_with_page_furniture_is_no_extract():
    furniture = ["Home", "Contact", "Sign in", "Privacy Policy", "All rights reserved."]
    assert len(furniture) >= Options().extracted_furniture_lines
    article = "\n".join([BODY, BODY2, BODY.replace("Tuesday", "Monday")])
    assert _layout(article + "\n" + "\n".join(furniture[-2:])) == "dense"  # a footer line or two
    assert _layout(article + "\n" + "\n".join(furniture)) == ""
    # menu words, buttons and log-in lines alone are no footer: an extract can hold them
    assert _layout(article + "\n" + "\n".join(["Home", "Contact", "Sign in", "Close"])) == "dense"


def test_the_benchmark_reads_the_layout_as_the_pipeline_does():
    # benchmarks/evaluate.py notes on how many pages a text is taken for extractor output
    article = "\n".join([BODY, BODY2, BODY.replace("Tuesday", "Monday")])
    texts = [article, "Home\nNews\nSport\nWeather\n" + article,
             article + "\nHome\nContact\nSign in\nPrivacy Policy\nAll rights reserved.",
             BODY + "\n\n" + BODY2, "", "\n\n"]
    assert [extractor_layout(t) for t in texts] == [_layout(t) if t.strip() else "" for t in texts]
    assert [extractor_layout(t) for t in texts[:4]] == ["dense", "", "", "spaced"]


# -- the safety net for pages ----------------------------------------------------------------

SENTENCE = ("The council of the small coastal town voted on Monday to rebuild the old harbour "
            "wall, which was damaged in the winter storms, and said the work would begin in "
            "the spring. ")


def _page(paragraphs):
    return ("<html><body><nav><a href='/'>Home</a></nav><article>"
            "<h1>Town votes to rebuild harbour wall</h1>" + "".join(paragraphs)
            + "</article></body></html>")


def test_an_article_delivered_as_one_long_link_is_kept():
    page = _page([f"<p><a href='/story/harbour-wall'>{SENTENCE * 8}</a></p>"])
    a = analyze(page)
    body = [v for v in a.verdicts if v.line.text.startswith("The council")]
    assert len(body) == 1 and body[0].output
    assert [d.rule for d in body[0].trail] == ["feature.prose"]
    a = analyze(page, collapsed_article_words=1000)
    assert [v.final.rule for v in a.verdicts if v.line.text.startswith("The council")] == ["html.links"]


def test_a_long_article_is_never_cut_to_a_sliver():
    # four linked paragraphs of about 100 words: each alone reads as a link list
    page = _page([f"<p><a href='/story/{i}'>Part {i}. {SENTENCE * 3}</a></p>" for i in range(4)])
    a = analyze(page)
    body = [v for v in a.verdicts if v.line.text.startswith("Part")]
    assert len(body) == 4 and all(v.output for v in body)
    assert {v.final.rule for v in body} == {"html.safety_net"}
    assert "html.links" in [d.rule for d in body[0].trail]
    a = analyze(page, disabled_rules=["html.safety_net"])
    assert not any(v.output for v in a.verdicts if v.line.text.startswith("Part"))


def test_revise_decides_the_same_on_the_lines_columns_as_on_a_list_of_lines():
    """`revise` reads the lines' columns when it is given them (`cleaner.storage.Lines`);
    a list of `Line` and shapes given by the caller must give the same decisions: a
    headline with a standfirst under it, a menu, a link-dense line, a paragraph the
    extractor skipped among its own, a subheading, an excerpt of another story, and a
    line past the last hint."""
    lead = ("The harbour's old ferry terminal will shut for eight months while engineers repair "
            "the cracked main pier, the authority said.")
    texts = ["Home", "", TITLE, "", lead, "", PARAGRAPHS[0], "Read more about ferries", PARAGRAPHS[1], "",
             PARAGRAPHS[2], "Sport", "Timetable changes", PARAGRAPHS[3],
             "Another story of the day, cut short here...", "", "Timetable changes"]
    p = LineHint("p", 0, 0.0, frozenset())
    hints = [LineHint("li", 0, 1.0, frozenset(), chosen=False, furniture="nav"), None,
             LineHint("h1", 1, 0.0, frozenset(), chosen=False), None,
             LineHint("div", 0, 0.0, frozenset({"teaser"}), chosen=False), None,
             p, LineHint("p", 0, 0.8, frozenset()), p, None,
             LineHint("p", 0, 0.0, frozenset(), chosen=False, kin=4), LineHint("li", 0, 1.0, frozenset(), chosen=False),
             LineHint("h2", 2, 0.0, frozenset()), p, LineHint("p", 0, 0.0, frozenset(), other="excerpt"), None]
    lines, opts = segment("\n".join(texts)), Options()
    feats, initial = classify_lines(lines, "en", opts)
    columns = revise(lines, feats, initial, hints, opts)
    listed = revise(list(lines), feats, initial, hints, opts, line_shapes(lines, opts))
    assert columns == listed
    assert [d.rule for d in columns] == [
        "html.unchosen", "blank", "html.unchosen", "blank", "html.recovered", "blank", "feature.prose",
        "html.links", "feature.prose", "blank", "html.recovered", "html.unchosen", "html.block",
        "feature.prose", "html.excerpt", "blank", "html.block"]
    assert "under the headline" in columns[4].reason and "among the extracted" in columns[10].reason
    assert columns[12].category == "heading" and columns[16].reason == "line of the extracted main content"
