"""The main text region (`cleaner.blocks.main_block`), the related-links lists
(`cleaner.blocks.related_lists`), the block stage that runs both in that order
(`cleaner.blocks.block_stage`), the main story's gaps (`cleaner.blocks.inside_main`) and
the lines its layout sets apart (`cleaner.blocks.set_off`) on hand-built lines and
decisions: which blocks the region reaches, which list items are another page's
headlines, which runs between two kept lines of the main story become its text, which of
its lines stand apart from its body, and that the module declares the rules it fires."""

from __future__ import annotations

import pytest

from cleaner import Options, analyze, blocks, smooth
from cleaner.blocks import block_stage, inside_main, main_block, related_lists
from cleaner.features import LIST_ITEM, TEXT, TINY, measure, shapes
from cleaner.registry import code_rules
from cleaner.segment import segment
from cleaner.storage import indents
from cleaner.types import Decision, Features

PROSE = Decision(True, "feature.prose", "body", "prose", "classify")
HEADING = Decision(False, "feature.heading", "boilerplate", "heading-like", "classify")
SHORT = Decision(False, "feature.short", "boilerplate", "short", "classify")
LOW = Decision(False, "feature.low_stopwords", "boilerplate", "few stopwords", "classify")
SHARE = Decision(False, "en.share.follow", "share", "share bar", "classify")
UNPUNCTUATED = Decision(False, "feature.no_punctuation", "boilerplate", "no punctuation", "classify")
SANDWICHED = Decision(True, "context.sandwiched", "body", "between body lines", "context")
BYLINE = Decision(False, "en.meta.byline", "meta", "byline", "classify")
AD = Decision(False, "en.ad.label", "ad", "ad label", "classify")
CREDIT = Decision(False, "en.caption.credit_label", "caption", "photo credit", "classify")


def _shape(n: int) -> bytes:
    """The shapes of ``n`` lines of text, none of them blank, a list item or a bare link."""
    return bytes([TEXT]) * n


def _run(initial: list[Decision], final: list[Decision] | None = None, options: Options = Options()) -> list[str]:
    """The final rule of every line, all of them in story 0 (the main one)."""
    final = final or initial
    decided, _ = inside_main(initial, final, [0] * len(initial), 0, options, _shape(len(initial)))
    return [d.rule for d in decided]


def test_a_table_between_two_paragraphs_is_the_story_text():
    rules = _run([PROSE, HEADING, LOW, LOW, PROSE])
    assert rules[1:4] == ["context.inside_story"] * 3


def test_a_run_with_a_catalogue_drop_stands():
    rules = _run([PROSE, HEADING, BYLINE, LOW, PROSE])
    assert rules[1:4] == ["feature.heading", "en.meta.byline", "feature.low_stopwords"]


def test_a_run_goes_over_a_widget_set_into_the_article():
    # a print button between a recipe's title and its ingredients: the button stays
    # dropped, the rest of the run is the story's (`FILL_WIDGETS`)
    for widget in (SHARE, AD, CREDIT):
        rules = _run([PROSE, HEADING, widget, HEADING, LOW, PROSE])
        assert rules[1:5] == ["context.inside_story", widget.rule, "context.inside_story",
                              "context.inside_story"]


@pytest.mark.parametrize("widgets", [Options().block_fill_widget_lines + 1, 4])
def test_a_run_with_a_share_bar_stands(widgets):
    rules = _run([PROSE, HEADING, *[SHARE] * widgets, LOW, PROSE])
    assert rules[1] == "feature.heading" and rules[-2] == "feature.low_stopwords"


def test_a_run_of_widgets_alone_is_left_as_it_is():
    assert _run([PROSE, SHARE, AD, PROSE])[1:3] == ["en.share.follow", "en.ad.label"]


def test_a_widget_that_is_a_list_item_ends_the_run():
    # "* Photos: ..." in a list of links is the list's item, not a credit set into the text
    initial = [PROSE, HEADING, CREDIT, HEADING, PROSE]
    texts = ["Body.", "Gallery", "* Photos: the harbour at night", "More", "Body."]
    shape = shapes(texts, Options())
    decided, _ = inside_main(initial, initial, [0] * len(initial), 0, Options(), shape)
    assert [d.rule for d in decided][1:4] == ["feature.heading", CREDIT.rule, "feature.heading"]
    assert shape[2] & LIST_ITEM


def test_the_gaps_read_the_options_their_rule_declares():
    # `inside_main` hands the core the options ``context.inside_story`` declares: with
    # no widget allowed a print button ends the run, with a longer menu allowed five
    # headings are article text
    rule = next(r for r in blocks.RULES if r.id == "context.inside_story")
    assert blocks.FILL_OPTIONS == ("block_fill_menu_lines", "block_fill_widget_lines", "block_fill_data_share")
    assert rule.options == blocks.FILL_OPTIONS + blocks.FILL_REPEAT_OPTIONS + blocks.FILL_AFTER_OPTIONS == (
        "block_fill_menu_lines", "block_fill_widget_lines", "block_fill_data_share", "block_fill_repeated_lines",
        "block_fill_repeated_words",
        "block_fill_after_run_lines", "block_fill_paragraphs_after", "block_fill_uncatalogued_paragraphs_after",
        "block_fill_paragraph_words")
    assert _run([PROSE, HEADING, SHARE, HEADING, LOW, PROSE], options=Options(block_fill_widget_lines=0))[1] == (
        "feature.heading")
    assert _run([PROSE, *[HEADING] * 5, PROSE], options=Options(block_fill_menu_lines=5))[1:6] == [
        "context.inside_story"] * 5


def test_the_gaps_pass_over_the_context_stages_widgets_but_related_links():
    # `FILL_WIDGETS` is `cleaner.smooth.IN_TEXT_WIDGETS` less related links
    assert blocks.FILL_WIDGETS == smooth.IN_TEXT_WIDGETS - {"related"}
    assert _run([PROSE, HEADING, RELATED, HEADING, LOW, PROSE])[1] == "feature.heading"


def _run_texts(texts: list[str], initial: list[Decision], story_of: list[int | None],
               options: Options = Options()) -> list[str]:
    """`_run` with the lines' texts and features given (the page's furniture shown twice is
    read from them) and each line's story."""
    lines = list(segment("\n".join(texts)))
    decided, _ = inside_main(initial, initial, story_of, 0, options, _shape(len(initial)),
                             lines, [measure(line.text, "en") for line in lines])
    return [d.rule for d in decided]


#: A story with a gap of two headlines, and after it a line of the page outside the story.
_GAP = ["The council met on Monday and agreed on the budget.", "Most read stories this week",
        "Harbour reopens after two years", "The mayor said the work would start in spring."]
_GAP_DECISIONS = [PROSE, HEADING, HEADING, PROSE, HEADING]
_GAP_STORIES = [0, 0, 0, 0, None]


def test_a_run_holding_furniture_the_page_shows_again_outside_the_story_stands():
    # the gap's first line is shown again after the story: a widget, not the story's text
    assert _run_texts([*_GAP, "* Most read stories this week:"], _GAP_DECISIONS, _GAP_STORIES)[1:3] == [
        "feature.heading", "feature.heading"]
    # with the option off, or its text shown nowhere else, the gap is the story's
    off = Options(block_fill_repeated_lines=0)
    assert _run_texts([*_GAP, "Most read stories this week"], _GAP_DECISIONS, _GAP_STORIES, off)[1:3] == [
        "context.inside_story"] * 2
    assert _run_texts([*_GAP, "Weather for the week"], _GAP_DECISIONS, _GAP_STORIES)[1:3] == [
        "context.inside_story"] * 2


def test_a_sentence_the_page_shows_again_outside_the_story_is_no_furniture():
    # a line that ends a sentence (`Features.terminal`, a closing quote read past) is a
    # quote of the story's text, whatever the page shows again: the gap is the story's
    quoted = ['"Most read stories this week."', '"Harbour reopens after two years."']
    gap = [_GAP[0], *quoted, _GAP[3]]
    assert _run_texts([*gap, quoted[0]], _GAP_DECISIONS, _GAP_STORIES)[1:3] == ["context.inside_story"] * 2
    # the same lines ending no sentence are the page's furniture
    bare = [q.strip('".') for q in quoted]
    assert _run_texts([_GAP[0], *bare, _GAP[3], bare[0]], _GAP_DECISIONS, _GAP_STORIES)[1:3] == [
        "feature.heading"] * 2


def _run_after(texts: list[str], initial: list[Decision], options: Options = Options(),
               catalogued: bool = False) -> list[str]:
    """`_run` on a page whose language has no catalogue of its own in use (the options the
    pipeline gives such a page, `Options.uncatalogued`), with the lines' texts and features
    given (the story's paragraphs after a run are read from them), every line in story 0."""
    lines = list(segment("\n".join(texts)))
    feats = [measure(line.text, "en") for line in lines]
    decided, _ = inside_main(initial, initial, [0] * len(initial), 0, options if catalogued else options.uncatalogued(),
                             _shape(len(initial)), lines, feats)
    return [d.rule for d in decided]


_PARAGRAPH = ("The council met on Monday and agreed on the budget for the schools and the roads of the "
              "region, after a long debate about the cost of the work and the state of the harbour.")
#: A gap of three short lines after the story's paragraph, then one sentence kept after it:
#: a comment form between the story and a line of the page after it.
_FORM = [_PARAGRAPH, "Leave a reply", "Name", "Email", "Your address is shown to no one."]
_FORM_DECISIONS = [PROSE, HEADING, SHORT, SHORT, PROSE]


def test_a_run_the_story_does_not_go_on_after_stands():
    # no paragraph of the story after the run: the page after the story, in any language
    assert _run_after(_FORM, _FORM_DECISIONS)[1:4] == ["feature.heading", "feature.short", "feature.short"]
    # with the option off, the run is the story's, as it is before two paragraphs of it
    off = Options(block_fill_uncatalogued_paragraphs_after=0)
    assert _run_after(_FORM, _FORM_DECISIONS, off)[1:4] == ["context.inside_story"] * 3
    assert _run_after([*_FORM[:4], _PARAGRAPH, _PARAGRAPH], [*_FORM_DECISIONS[:4], PROSE, PROSE])[1:4] == [
        "context.inside_story"] * 3
    # on a page whose language has a catalogue of its own in use, the story need not go on
    assert _run_after(_FORM, _FORM_DECISIONS, catalogued=True)[1:4] == ["context.inside_story"] * 3


def test_a_short_run_or_one_holding_a_long_line_is_the_story_s_whatever_follows():
    # a separator or a subheading before the story's last lines; a table's long cell
    assert _run_after([_PARAGRAPH, "***", "Two", "The end."], [PROSE, SHORT, SHORT, PROSE])[1:3] == [
        "context.inside_story"] * 2
    cell = LOW
    assert _run_after([*_FORM[:3], _PARAGRAPH, _FORM[4]], [*_FORM_DECISIONS[:3], cell, PROSE])[1:4] == [
        "context.inside_story"] * 3


def _dutch_page() -> tuple[str, list[str]]:
    """A story of three paragraphs, a comment form no catalogue knows, and a paragraph of
    the page after it; and the form's labels."""
    first = ("De gemeenteraad kwam op maandag bijeen en stemde in met de begroting voor de scholen en de "
             "wegen van de regio, na een lang debat over de kosten van het werk en de staat van de haven.")
    second = ("De havenmeester zei dat de pier al twee jaar gesloten was en dat de vissersboten sindsdien "
              "het strand moesten gebruiken, wat in de wintermaanden niet veilig was voor de vissers.")
    notice = ("Wij gebruiken cookies om de website te verbeteren en om te zien hoe de bezoekers de pagina's "
              "van deze website gebruiken, lezen en delen met hun vrienden.")
    form = ["Reageer op dit bericht", "Uw naam", "Uw adres"]
    return "\n\n".join([first, second, first.replace("maandag", "vrijdag"), *form, notice]), form


def test_the_story_going_on_is_asked_only_where_no_catalogue_of_the_language_is_in_use():
    # a language with a catalogue of its own cuts the gaps with its section openers; in
    # one without (or with it switched off), a long gap before the story's end stands
    page, form = _dutch_page()
    def rules(**options):
        return [v.final.rule for v in analyze(page, extracted="never", **options).verdicts if v.line.text in form]
    assert rules(language="nl")[0::2] == ["feature.heading"] * 2
    assert rules(language="de", disabled_rules=frozenset({"de."}))[0::2] == ["feature.heading"] * 2
    assert rules(language="de")[0::2] == ["context.inside_story"] * 2


@pytest.mark.parametrize("again", ["Popular", "2 400 €", "Most read stories this week."])
def test_a_label_a_number_or_a_sentence_shown_again_is_no_furniture(again):
    # a one-word label or a price shown twice says little, a sentence quoted twice is text
    gap = [_GAP[0], again, *_GAP[2:], again]
    assert _run_texts(gap, _GAP_DECISIONS, _GAP_STORIES)[1:3] == ["context.inside_story"] * 2


def test_a_line_the_story_itself_repeats_is_its_own():
    # a table's header over each of its tables is shown inside the story too: not furniture
    texts = [_GAP[0], "Player Plays Stats", "Larry 63 85", _GAP[3], "Player Plays Stats", "Myles 57 77",
             "Body again, and it ends here.", "Player Plays Stats"]
    initial = [PROSE, HEADING, LOW, PROSE, HEADING, LOW, PROSE, HEADING]
    rules = _run_texts(texts, initial, [0] * 7 + [None])
    assert rules[1:3] == rules[4:6] == ["context.inside_story"] * 2


def test_a_menu_stands():
    rules = _run([PROSE, *[HEADING] * 5, PROSE])
    assert rules[1:6] == ["feature.heading"] * 5


def _run_list(items: list[str], options: Options = Options()) -> list[str]:
    """The final rules of ``items``, each dropped as heading-like, in a gap between two
    paragraphs of the main story (their texts given: `cleaner.blocks.data_lines`)."""
    texts = [_GAP[0], *items, _GAP[3]]
    return _run_texts(texts, [PROSE, *[HEADING] * len(items), PROSE], [0] * len(texts), options)[1:-1]


_INGREDIENTS = ["Ingredients", "* 300 g butter, soft", "* 200 g sugar", "* 6 eggs", "* 350 g flour",
                "* 2 teaspoons baking powder"]
_CONFIG = ["cert = /etc/tunnel/server.pem", "client = no", "pid = /var/run/tunnel.pid", "[sync]",
           "accept = 873", "for name in `cat $list`"]


@pytest.mark.parametrize("items", [_INGREDIENTS, _CONFIG], ids=["ingredients", "config"])
def test_a_list_of_data_is_no_menu(items):
    # more than block_fill_menu_lines short lines, most of them holding a number followed
    # by a word or a mark of code: the story's own data, not a menu
    assert len(items) > Options().block_fill_menu_lines
    assert _run_list(items) == ["context.inside_story"] * len(items)
    # with the share out of reach they are a menu again
    assert _run_list(items, Options(block_fill_data_share=1.01)) == ["feature.heading"] * len(items)


def test_a_menu_of_labels_with_numbers_stands():
    # an archive's months and a tag list's counts: the number follows its word
    archive = ["March 2021 (4)", "February 2021 (7)", "January 2021", "December 2020 (5)", "News (12)",
               "17. Januar 2014"]
    assert _run_list(archive) == ["feature.heading"] * len(archive)


@pytest.mark.parametrize("text, data", [
    ("* 300 Gramm Butter weich", True), ("Delivery: 15 - 21 days", True), ("Price: 36,00 EUR", True),
    ("filename=$1", True), ("for line in `cat $f`", True), ("if (x) {", True),
    ("March 2021 (4)", False), ("mp3 player", False), ("Contact us", False), ("Page 2", False),
])
def test_a_line_of_data_holds_a_quantity_or_a_mark_of_code(text, data):
    texts = [_GAP[0], text, _GAP[3]]
    lines = list(segment("\n".join(texts)))
    marks = blocks.data_lines(lines, [PROSE, HEADING, PROSE], (0, 2))
    assert marks == bytes([0, int(data), 0])


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


def _feats(decisions: list[Decision], words: int = 50) -> list[Features]:
    """Features of ``words`` words of prose for each kept line, two of a heading for each dropped one."""
    return [Features(words if d.keep else 2, 0.5, d.keep, False, 0.1, 0.0, 0) for d in decisions]


def _region(decisions: list[Decision], words: int = 50) -> list[str]:
    """The rule of every line after the main region: each kept line holds ``words``
    words of prose, each dropped one two words of a heading."""
    decided, _ = main_block(_feats(decisions, words), decisions, Options(), _shape(len(decisions)))
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
LISTED = Decision(True, "context.list", "body", "list item in a list of 2 after body", "context")
#: shapes: a list item, a line, a related-links line of at most two words ("Read more")
ITEM, LINE, BARE = TEXT | LIST_ITEM, TEXT, TEXT | TINY

#: The names a row of `RELATED_ROWS` writes a line's decision and shape in.
DECISIONS = {"prose": PROSE, "related": RELATED, "blank": BLANK, "heading": HEADING, "sandwiched": SANDWICHED,
             "share": SHARE, "links": LINKS, "headed": HEADED, "listed": LISTED}
SHAPES = {"line": LINE, "item": ITEM, "bare": BARE, "-": 0}

#: `related_lists` on hand-built lines, one ``decision/shape`` a line; ``!`` marks the
#: lines it drops as ``block.related_list`` (every other line keeps its decision).
RELATED_ROWS = {
    # body, "Most read", a blank line, three items (two kept as prose, one dropped), body
    "list under a related heading":
        "prose/line related/line blank/- prose/item! heading/item sandwiched/item! prose/line",
    "the list ends at a line that is no list item": "related/line prose/item! heading/item prose/line prose/item",
    # block_related_list_items (2): a single item is a line of its own (a search box)
    "one item is no list": "related/line prose/item prose/line",
    # a line a catalogue rule of another category dropped (a follow button): the list is
    # the article's
    "a list under another catalogue line stands": "prose/line share/line prose/item prose/item",
    # an item of the article's own list that is a link on the page (``html.links``, of
    # category related) is no heading: the items after it stand
    "a link line dropped by page evidence opens no list": "prose/item links/item prose/item prose/item",
    # a headline kept only as sandwiched above "Read more", or under a bare one
    "headline above a related link": "prose/line sandwiched/line! related/line prose/line",
    "headline under a bare related link": "prose/line related/bare sandwiched/line! prose/line",
    # any line a context rule kept is the link's, also a list item (``context.list``)
    "list item a context rule kept above a related link": "prose/line listed/item! related/line prose/line",
    # "Related: <headline>" is the link itself; the heading after it opens the next part
    "subheading under a related link with its own headline": "prose/line related/line headed/line prose/line",
    "a line its line rule kept stands": "prose/line related/bare prose/line",
}


def _related_row(row: str) -> tuple[list[Decision], bytes, list[str]]:
    """The decisions, shapes and expected final rules of a row of `RELATED_ROWS`."""
    cells = [cell.rstrip("!").split("/") + [cell.endswith("!")] for cell in row.split()]
    decisions = [DECISIONS[name] for name, _, _ in cells]
    rules = ["block.related_list" if dropped else d.rule for d, (_, _, dropped) in zip(decisions, cells)]
    return decisions, bytes(SHAPES[shape] for _, shape, _ in cells), rules


@pytest.mark.parametrize("row", RELATED_ROWS.values(), ids=RELATED_ROWS.keys())
def test_related_lists(row):
    decisions, shape, rules = _related_row(row)
    assert [d.rule for d in related_lists(decisions, Options(), shape)] == rules


def test_related_lists_can_be_disabled():
    decisions, shape, _ = _related_row(RELATED_ROWS["list under a related heading"])
    assert related_lists(decisions, Options(), shape)[3].rule == "block.related_list"
    assert related_lists(decisions, Options(disabled_rules=frozenset({"block.related_list"})), shape) == decisions


#: A `RELATED_ROWS` row of an article, a related list set under it, twelve menu entries and
#: a short footer.
ARTICLE_LIST_MENU_FOOTER = ("prose/line prose/line prose/line related/line prose/item! prose/item! "
                            + "heading/line " * 12 + "prose/line")


def test_the_block_stage_drops_related_links_before_the_region():
    # an article, a related list set under it, twelve menu entries and a short footer:
    # the story finder reads the list dropped and the footer kept; the stage's layer
    # drops the footer too (outside the region, which ends at the article)
    decisions, shape, listed_rules = _related_row(ARTICLE_LIST_MENU_FOOTER)
    listed, blocked, region = block_stage(_feats(decisions), decisions, Options(), shape)
    assert [d.rule for d in listed] == listed_rules
    assert [d.rule for d in blocked] == [*listed_rules[:-1], "context.isolated"]
    assert region == (0, 2)


def test_the_rules_the_module_fires_are_declared_in_it():
    # the block stage (a related link, a footer outside the region) and the main story's
    # gaps (a table) fire three rules, two of them context rules: all declared in
    # `cleaner.blocks.RULES`; of them only `context.isolated`, which the context stage
    # fires too, in `cleaner.smooth.RULES`
    decisions, shape, _ = _related_row(ARTICLE_LIST_MENU_FOOTER)
    _, blocked, _ = block_stage(_feats(decisions), decisions, Options(), shape)
    fired = {d.rule for d in blocked if d.stage == "block"} | set(_run([PROSE, HEADING, LOW, LOW, PROSE])[1:4])
    assert fired == {"block.related_list", "context.isolated", "context.inside_story"}
    assert fired <= {r.id for r in blocks.RULES}
    assert fired & {r.id for r in smooth.RULES} == {"context.isolated"}


@pytest.mark.parametrize("option, value, link", [("extracted_tiny_words", 1, "Read more"),
                                                 ("extracted_cjk_short", 4, "阅读更多")])
def test_the_shape_options_reach_the_related_links(option, value, link):
    # "Read more" (two words) and "阅读更多" (four CJK characters) are bare related links
    # at the default shape thresholds: the headline under one is the link's; with a
    # lower threshold the link is not bare and the headline stands
    assert option in next(r for r in code_rules() if r.id == "block.related_list").options
    decisions = [PROSE, RELATED, SANDWICHED, PROSE]
    for options, rule in [(Options(), "block.related_list"), (Options(**{option: value}), "context.sandwiched")]:
        shape = shapes(["body", link, "headline", "body"], options)
        assert related_lists(decisions, options, shape)[2].rule == rule


# -- lines set off from the main story (`cleaner.blocks.set_off`) ---------------------------

B1 = "The council approved the new budget for the village school after a long debate on Monday."
B2 = "The school will open a new library in the spring, the head teacher said after the vote."
B3 = "Parents welcomed the decision and said the old building had been too small for years."
CAPTION = "Parents outside the old school building on Monday."


def _final(document: str, **options) -> dict[str, str]:
    """The final rule of each line of a page's dump, by its text."""
    return {v.line.text: v.final.rule for v in analyze(document, extracted="never", **options).verdicts if v.line.text}


@pytest.mark.parametrize("figure", [f"    {CAPTION}\n    Photo: Jane Doe", f"    Photo: Jane Doe\n    {CAPTION}",
                                    f"      {CAPTION}\n    Sign up"])
def test_a_line_indented_apart_and_attached_to_a_credit_or_label_is_set_off(figure):
    # a caption indented under its picture, with its credit above or under it (or a
    # form's sentence beside its button, indented within two columns of it): not the article's
    # (``story.caption``, which drops a caption right above its credit in the stories
    # stage before this, is switched off: the indentation's evidence alone)
    final = _final(f"{B1}\n\n{B2}\n\n{figure}\n\n{B3}", disabled_rules=frozenset({"story.caption"}))
    assert final[CAPTION] == "block.set_off"
    assert [final[b] for b in (B1, B2, B3)] == ["feature.prose"] * 3
    assert next(r for r in blocks.RULES if r.id == "block.set_off").category == "caption"


@pytest.mark.parametrize("document, options", [
    # indented like the body: a paragraph above a credit
    (f"{B1}\n\n{B2}\n\n{CAPTION}\nPhoto: Jane Doe\n\n{B3}", {}),
    # a blank line between: a quote set in, not attached to the credit
    (f"{B1}\n\n{B2}\n\n    {CAPTION}\n\n    Photo: Jane Doe\n\n{B3}", {}),
    # no blank lines between paragraphs: indentation sets nothing apart
    (f"{B1}\n{B2}\n    {CAPTION}\n    Photo: Jane Doe\n{B3}", {}),
    # a list item indented under the body is the article's list
    (f"{B1}\n\n{B2}\n\n    * {CAPTION}\n    Photo: Jane Doe\n\n{B3}", {}),
    # the label is no credit and longer than block_set_off_label_words
    (f"{B1}\n\n{B2}\n\n    {CAPTION}\n    Sign up\n\n{B3}", {"block_set_off_label_words": 1}),
    # the label indented further away than block_set_off_indent_slack
    (f"{B1}\n\n{B2}\n\n      {CAPTION}\n    Sign up\n\n{B3}", {"block_set_off_indent_slack": 1}),
    # the rule disabled
    (f"{B1}\n\n{B2}\n\n    {CAPTION}\n    Photo: Jane Doe\n\n{B3}", {"disabled_rules": frozenset({"block.set_off"})}),
])
def test_a_line_stays_with_the_article_without_all_the_evidence(document, options):
    # no line of the page is set off (the caption, or the list item holding it, included)
    assert "block.set_off" not in _final(document, **options).values()


@pytest.mark.parametrize("document, found", [
    # a blank line inside: the caption under its credit is set off; each pair is
    # (the line set off, the line it is attached to): line 4, the caption, under line 3,
    # its credit
    (f"{B1}\n\n{B2}\n    Photo: Jane Doe\n    {CAPTION}", [(4, 3)]),
    # no blank line before the last line: nothing is set apart, even where the story is
    # so short that the line ending the text makes the share of spaced lines (1 of 2)
    (f"{B1}\n    Photo: Jane Doe\n    {CAPTION}", []),
    (f"{B1}\n    Photo: Jane Doe\n    {CAPTION}\n", []),
])
def test_the_core_alone_tells_a_text_whose_paragraphs_are_set_apart(document, found):
    # the layout test is made once, by the compiled core (`set_off_lines`), not first by
    # `set_off` in Python
    from cleaner.features import line_shapes
    from cleaner.segment import segment

    a = analyze(document, extracted="never")
    lines = segment(document)
    before = [v.trail[-2] if v.final.rule == "block.set_off" else v.final for v in a.verdicts]
    assert blocks._core_set_off(lines, [v.features for v in a.verdicts], before, [v.story for v in a.verdicts],
                                a.main, Options(), line_shapes(lines, Options()))[0] == found
    assert [v.final.rule == "block.set_off" for v in a.verdicts] == [i in dict(found) for i in range(len(lines))]


def test_set_off_reads_lines_that_are_not_source_columns():
    # `set_off` measures indentation on `Line` objects as on `cleaner.storage.Lines`
    from cleaner.features import line_shapes
    from cleaner.segment import segment

    text = f"{B1}\n\n{B2}\n\n    {CAPTION}\n    Photo: Jane Doe\n\n{B3}"
    a = analyze(text, extracted="never")
    lines = list(segment(text))
    before = [v.trail[-2] if v.final.rule == "block.set_off" else v.final for v in a.verdicts]
    decided = blocks.set_off(lines, [v.features for v in a.verdicts], before,
                             [v.story for v in a.verdicts], a.main, Options(), line_shapes(lines, Options()))
    assert [d.rule for d in decided] == [v.final.rule for v in a.verdicts]


# -- lone paragraphs of the main story (``block.lone_paragraph``, `cleaner.blocks.set_off`) ---

#: A caption's sentence and an author's bio: each a paragraph (extracted_paragraph_words or
#: more words) that ends like a sentence.
LONE = "Parents wait outside the old school building on Monday morning before the vote."
BIO = "Jane Doe is a reporter who has covered schools and the village council for ten years."


@pytest.mark.parametrize("document, dropped", [
    # a caption's paragraph indented unlike the body, between two of its paragraphs
    (f"{B1}\n\n{B2}\n\n    {LONE}\n\n{B3}", [LONE]),
    # indented less than the body
    (f"    {B1}\n\n    {B2}\n\n{LONE}\n\n    {B3}", [LONE]),
    # an author's bio under its heading after the last paragraph: both go
    (f"{B1}\n\n{B2}\n\n{B3}\n\n    About Jane Doe\n\n    {BIO}", ["About Jane Doe", BIO]),
    # ... but not a heading indented further from the bio than block_set_off_indent_slack
    (f"{B1}\n\n{B2}\n\n{B3}\n\n    About Jane Doe\n\n         {BIO}", [BIO]),
    # no blank lines between paragraphs: the indentation alone sets it apart
    (f"{B1}\n{B2}\n    {LONE}\n{B3}", [LONE]),
])
def test_a_lone_paragraph_indented_unlike_the_body_is_set_apart(document, dropped):
    final = _final(document)
    assert [text for text, rule in final.items() if rule == "block.lone_paragraph"] == dropped
    assert [final[b] for b in (B1, B2, B3)] == ["feature.prose"] * 3
    assert next(r for r in blocks.RULES if r.id == "block.lone_paragraph").category == "boilerplate"


@pytest.mark.parametrize("document, options", [
    # two paragraphs indented alike: a quote or a box of the article's own
    (f"{B1}\n\n{B2}\n\n    {LONE}\n\n    {BIO}\n\n{B3}", {}),
    # a list item
    (f"{B1}\n\n{B2}\n\n    * {LONE}\n\n{B3}", {}),
    # a question: a subheading, also in quotes or brackets or with a full-width question
    # mark (the core's closers and question marks, `crate::features::asks`)
    (f"{B1}\n\n{B2}\n\n    Will parents wait outside the old school building on Monday before the vote?\n\n{B3}",
     {}),
    (f"{B1}\n\n{B2}\n\n    «Will parents wait outside the old school building on Monday before the vote ?»\n\n{B3}",
     {}),
    (f"{B1}\n\n{B2}\n\n    (Will parents wait outside the old school building on Monday before the vote?)\n\n{B3}",
     {}),
    (f"{B1}\n\n{B2}\n\n    Will parents wait outside the old school building on Monday before the vote？\n\n{B3}",
     {}),
    # no sentence ends it: a headline or a label (a longer line with no period that only
    # its neighbours kept is a caption: `BARE` below)
    (f"{B1}\n\n{B2}\n\n    The new library opens in the spring\n\n{B3}", {}),
    # it opens the story: its lead
    (f"    {LONE}\n\n{B1}\n\n{B2}\n\n{B3}", {}),
    # the kept line above it is no paragraph ending like a sentence: a dateline, a heading
    (f"{B1}\n\n{B2}\n\nThe new library\n\n    {LONE}\n\n{B3}", {}),
    # a run longer than block_lone_max_lines, or the test off
    (f"{B1}\n\n{B2}\n\n    Photo\n\n    {LONE}\n\n{B3}", {"block_lone_max_lines": 1}),
    (f"{B1}\n\n{B2}\n\n    {LONE}\n\n{B3}", {"block_lone_max_lines": 0}),
    # the rule disabled
    (f"{B1}\n\n{B2}\n\n    {LONE}\n\n{B3}", {"disabled_rules": frozenset({"block.lone_paragraph"})}),
])
def test_a_paragraph_stays_with_the_article_without_all_the_evidence(document, options):
    assert "block.lone_paragraph" not in _final(document, **options).values()


#: A picture's caption with no period: the line rules drop it (feature.no_punctuation) and
#: only the body on both sides keeps it (context.sandwiched).
BARE = "Parents wait outside the old school building on Monday morning before the vote"


#: A long subheading in title case with no period, kept between the same paragraphs.
TITLED = "What the Town Council Decided About The New Library And The Old School On Tuesday"


@pytest.mark.parametrize("document, options", [
    (f"{B1}\n\n{B2}\n\n    {BARE}\n\n{B3}", {}),
    # no blank lines between paragraphs: the indentation alone sets it apart
    (f"{B1}\n{B2}\n    {BARE}\n{B3}", {}),
    # a title-case line is a caption too when more of its words must be capitalised (14 of 15)
    (f"{B1}\n\n{B2}\n\n    {TITLED}\n\n{B3}", {"block_lone_title_capitalised": 0.95}),
])
def test_a_caption_with_no_period_indented_deeper_than_the_body_is_set_apart(document, options):
    a = analyze(document, extracted="never", **options)
    line = BARE if BARE in document else TITLED
    trail = next([d.rule for d in v.trail] for v in a.verdicts if v.line.text == line)
    assert trail == ["feature.no_punctuation", "context.sandwiched", "block.lone_paragraph"]
    reason = next(v.final.reason for v in a.verdicts if v.line.text == line)
    assert reason.startswith("a line with no sentence end indented 4 columns, kept only by its neighbours")
    assert [v.final.rule for v in a.verdicts if v.line.text in (B1, B2, B3)] == ["feature.prose"] * 3


@pytest.mark.parametrize("document, options", [
    # indented like the body, or less deep than it (a subheading outside the body's box)
    (f"{B1}\n\n{B2}\n\n{BARE}\n\n{B3}", {}),
    (f"    {B1}\n\n    {B2}\n\n{BARE}\n\n    {B3}", {}),
    # a heading-like line the context rules kept: a subheading, whatever its indentation
    (f"{B1}\n\n{B2}\n\n    The new library\n\n{B3}", {}),
    # a subheading in title case, however long
    (f"{B1}\n\n{B2}\n\n    {TITLED}\n\n{B3}", {}),
    # a list item
    (f"{B1}\n\n{B2}\n\n    * {BARE}\n\n{B3}", {}),
    # two such lines in a row: a box of the article's own
    (f"{B1}\n\n{B2}\n\n    {BARE}\n    {BARE.replace('Monday', 'Friday')}\n\n{B3}", {}),
    # the test off
    (f"{B1}\n\n{B2}\n\n    {BARE}\n\n{B3}", {"block_lone_max_lines": 0}),
])
def test_a_line_with_no_period_stays_without_all_the_evidence(document, options):
    assert "block.lone_paragraph" not in _final(document, **options).values()


def test_a_line_normalised_inside_is_read_at_its_own_indentation():
    # a body paragraph with two spaces inside (its normalised text is no slice of the
    # source) is indented like the others, not read as unindented and so set apart
    spaced = B2.replace(" library", "  library")
    final = _final(f"    {B1}\n\n    {spaced}\n\n    {B3}\n\n    {B1.replace('Monday', 'Friday')}")
    assert "block.lone_paragraph" not in final.values()
    assert 2 in segment(f"    {B1}\n\n    {spaced}").columns()[3]


def test_set_off_and_lone_paragraphs_are_one_pass_of_the_core():
    # the pass returns the lines set off (with the line each is attached to) and the lines
    # of lone paragraphs, the latter among the lines left once the former are set off
    from cleaner.features import line_shapes

    text = f"{B1}\n\n{B2}\n\n    {CAPTION}\n    Photo: Jane Doe\n\n{B3}\n\n    {BIO}"
    a = analyze(text, extracted="never", disabled_rules=frozenset({"story.caption"}))
    lines = segment(text)
    before = [v.trail[-2] if v.final.stage == "stories" and v.final.rule.startswith("block.") else v.final
              for v in a.verdicts]
    found = blocks._core_set_off(lines, [v.features for v in a.verdicts], before, [v.story for v in a.verdicts],
                                 a.main, Options(), line_shapes(lines, Options()))
    # (line 9, the bio: indented 4 columns, the body 0, after line 7, the story's last)
    assert found == ([(4, 5)], [(9, 4, 0, 7, -1, False)])


def test_the_set_off_rules_name_the_options_they_read():
    # each rule declares its options by name, so that an option added to the list the core
    # is handed changes neither; the core is handed the options of both (but
    # extracted_paragraph_words, which it reads through the lines' shapes)
    rules = {r.id: r for r in blocks.RULES}
    assert rules["block.set_off"].options == blocks.SET_OFF_RULE_OPTIONS
    assert rules["block.lone_paragraph"].options == blocks.LONE_OPTIONS
    assert "block_lone_max_lines" not in blocks.SET_OFF_RULE_OPTIONS
    assert set(blocks.SET_OFF_OPTIONS) == (set(blocks.SET_OFF_RULE_OPTIONS) | set(blocks.LONE_OPTIONS)) \
        - {"extracted_paragraph_words"}


def _option_comments() -> dict[str, str]:
    """The ``#:`` comment of each field of `Options` (cleaner/options.py), with those of
    the fields before it that it continues (a comment opening with "...")."""
    import re
    from pathlib import Path

    out, block, last = {}, [], ""
    for line in (Path(blocks.__file__).parent / "options.py").read_text().splitlines():
        line = line.strip()
        field = re.match(r"(\w+): .*=", line)
        if line.startswith("#:"):
            block.append(line[2:].strip())
        elif field:
            text = " ".join(block)
            last = (f"{last} {text}" if text.startswith("...") else text) if block else last
            out[field.group(1)], block = last, []
        else:
            block = []
    return out


def test_the_comment_of_each_set_off_option_names_every_rule_that_reads_it():
    # tuning an option for one rule moves the other: its comment says so
    comments = _option_comments()
    assert "(lines)" in comments["block_lone_max_lines"]
    for rule in (r for r in blocks.RULES if r.id in ("block.set_off", "block.lone_paragraph")):
        named = {name for name, comment in comments.items() if f"``{rule.id}``" in comment}
        assert set(rule.options) <= named, rule.id


@pytest.mark.parametrize("text", [f"    {B1}\n\t{B2}\n  {B2.replace(' library', '  library')}\n{B3}\n\u00a0 {B3}", ""])
def test_indents_are_one_array_read_from_the_source_or_the_lines(text):
    # `cleaner.storage.indents`: the raw line's leading whitespace, also where the
    # normalised text is no slice of the source (line 2, two spaces inside)
    lines = segment(text)
    assert list(indents(lines)) == list(indents(list(lines))) == [len(v.raw) - len(v.raw.lstrip()) for v in lines]
    assert not text or 2 in lines.columns()[3]


def test_the_core_reads_the_lone_paragraphs_indentation_from_an_array():
    # `set_off_lines` takes the indentation as an array (no call back into Python per
    # line): the same lines, read as indented apart or not by the array alone
    from array import array

    from cleaner import _core
    from cleaner.features import line_shapes
    from cleaner.storage import as_list, columns, line_starts

    text = f"{B1}\n\n{B2}\n\n{LONE}\n\n{B3}"
    a = analyze(text, extracted="never")
    lines = segment(text)
    params = {name: getattr(Options(), name) for name in blocks.SET_OFF_OPTIONS}
    for depth, lone in [([0] * 7, []), ([0, 0, 0, 0, 4, 0, 0], [(4, 4, 0, 2, 6, False)])]:
        assert _core.set_off_lines(as_list([v.final for v in a.verdicts]), as_list([v.initial for v in a.verdicts]),
                                   [v.story for v in a.verdicts], a.main,
                                   line_shapes(lines, Options()), *line_starts(lines), array("q", depth),
                                   [v.features for v in a.verdicts], blocks._set_off_bits, columns(lines), params) == ([], lone)


def test_the_stories_read_the_indentation_of_a_line_with_a_double_space_inside():
    # `cleaner.stories.evidence.shift_points` reads `cleaner.storage.indents`: five
    # paragraphs indented alike, two with two spaces inside, show no change of layout
    from cleaner.storage import indents as indents_of
    from cleaner.stories.evidence import shift_points

    spaced = [B1, B2.replace(" library", "  library"), B3, B1.replace("Monday", "Friday"),
              B3.replace(" old", "  old")]
    lines = segment("\n".join(f"    {b}" for b in spaced))

    class R:  # what is read of a `Reader`: the indentation of its lines
        indents = indents_of(lines)

    assert len(lines.columns()[3]) == 2
    assert shift_points(R, list(range(5)), list(range(5))) == []


@pytest.mark.parametrize("document, reason", [
    (f"{B1}\n\n{B2}\n\n    {LONE}\n\n{B3}",
     "a lone paragraph indented 4 columns, the story's body 0, between lines 3 and 7"),
    (f"  {B1}\n  {B2}\n  {B3}\n      {BIO}",
     "a lone paragraph indented 6 columns, the story's body 2, after line 3, its last"),
])
def test_a_lone_paragraphs_reason_names_its_indentation_the_bodys_and_its_neighbours(document, reason):
    a = analyze(document, extracted="never")
    assert [v.final.reason for v in a.verdicts if v.final.rule == "block.lone_paragraph"] == [reason]


def _wrapped_deeper(last: bool) -> tuple[str, str]:
    """An inscriptis dump of an article one of whose paragraphs the page wraps in one more
    <div> (in the middle, or ``last``), and that paragraph."""
    inscriptis = pytest.importorskip("inscriptis")
    body = [B1, B2, B3, B1.replace("Monday", "Friday")]
    wrapped = "Residents had asked for a library for more than a decade, and the mayor said it was owed."
    paragraphs = [f"<p>{b}</p>" for b in body]
    paragraphs.insert(len(body) if last else 2, f"<div class='note'><p>{wrapped}</p></div>")
    html = f"<html><body><article><h1>Council agrees budget</h1>{''.join(paragraphs)}</article></body></html>"
    return inscriptis.get_text(html), wrapped


@pytest.mark.xfail(strict=True, reason="block.lone_paragraph reads the dump's indentation alone: an article's "
                                       "own paragraph that the page nests one <div> deeper is dropped as lone")
@pytest.mark.parametrize("last", [False, True])
def test_an_article_paragraph_nested_one_level_deeper_stays(last):
    text, wrapped = _wrapped_deeper(last)
    assert wrapped in analyze(text, extracted="never").text


@pytest.mark.parametrize("last", [False, True])
def test_the_recall_preset_keeps_a_paragraph_told_apart_by_its_indentation_alone(last):
    # ``recall`` keeps doubtful lines (cleaner.options): block_lone_max_lines=0 there
    text, wrapped = _wrapped_deeper(last)
    assert wrapped in analyze(text, "recall", extracted="never").text
    assert "block.lone_paragraph" in {v.final.rule for v in analyze(text, extracted="never").verdicts}


def _menu_over_article() -> tuple[str, str]:
    """A page dump whose menu gives each entry a sentence of description (more words than
    the article) above an article under its own headline, and one of the article's
    sentences."""
    topics = ("Choir", "Youth", "Seniors", "Library", "Garden", "Kitchen", "Concerts", "Travel",
              "Lectures", "Crafts", "Sports", "Theatre", "Archive", "Museum", "Chapel", "School")
    menu = "\n".join(f"+ {t} The parish offers {t.lower()} groups for families and visitors in the "
                     "region, with meetings every week of the year and a team that helps newcomers."
                     for t in topics)
    sentence = "The bishop opened the restored castle chapel on Sunday after three years of work on its roof."
    article = "\n\n".join([
        sentence,
        "Builders replaced the rotten beams of the castle chapel and painted its walls again, the "
        "bishop said, thanking the village for the money it raised.",
        "The chapel will hold a service every month, and the bishop asked the village to keep it open "
        "to visitors on weekdays as well."])
    page = f"{menu}\n\nSearch\n\nBishop opens the restored castle chapel\n\n11.11.2021\n\n{article}\n\nRelated news\n"
    return page, sentence


@pytest.mark.xfail(strict=True, reason="the main text is chosen by its words: a menu whose entries each carry a "
                                       "sentence of description outweighs a shorter article under its own "
                                       "headline, which is left out as another story (on a page: outside the "
                                       "main text region)")
def test_an_article_under_its_headline_is_chosen_over_a_menu_with_descriptions():
    page, sentence = _menu_over_article()
    assert sentence in analyze(page, extracted="never").text
