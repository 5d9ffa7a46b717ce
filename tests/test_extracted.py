"""Extractor output: the post-processing guarantee (only catalogue rules and story
boundaries drop its lines) and the layout test that tells it from a whole-page dump
written without blank lines."""

from __future__ import annotations

import pytest

from cleaner import Options, analyze
import cleaner.guarantees
import cleaner.pipeline
from cleaner.classify import classify_lines
from cleaner.extracted import _menu_items, extraction_layout, revise
from cleaner.features import line_shapes
from cleaner.front.dom import LineHint
from cleaner.guarantees import guarantee, list_entries
from cleaner.pipeline import _widen
from cleaner.segment import segment
from cleaner.stories import Stories
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
    return guarantee(lines, initial, final, story_of, main, Options())


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
    out, _ = guarantee(lines, initial, final, [0, None], 0, Options.make(disabled_rules=["extracted.kept"]))
    assert out == final


def test_guarantee_needs_the_main_story_among_the_lines_unless_told_where_it_opens():
    # extractor output whose main story has no line is a caller's mistake; the safety net
    # names the start of the story it opens
    initial = [_keep(), _keep()]
    final = [_drop("context.isolated", "boilerplate"), _drop("context.isolated", "boilerplate")]
    with pytest.raises(ValueError):
        _run(initial, final, [None, None])
    out, story_of = guarantee(segment("a\nb"), initial, final, [None, None], 0, Options(),
                              rule="html.safety_net", start=0)
    assert [d.rule for d in out] == ["html.safety_net"] * 2 and story_of == [0, 0]


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


#: An invented second extract, on another subject than `LIBRARY`.
HARBOUR = [
    "The harbour town council voted on Monday to rebuild the old stone pier, which storms damaged badly "
    "two winters ago.",
    "Fishermen had asked for the repair for a long time, since their boats must now moor at the far end of "
    "the bay in bad weather.",
    "The works will cost about four million euros, and the regional government has promised to pay half of "
    "the sum from its coastal fund.",
    "Divers will first inspect the foundations of the pier in the spring before the masons start on the "
    "damaged wall next summer.",
    "The mayor said the pier should be open to walkers again by the festival of the sea in two years' time.",
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


def test_no_list_entries_wanted_reads_as_one():
    # extracted_list_entries=0 asks for no run at all: a story opened by a dateline joins the
    # one before as with 1, and a story opened without one stays apart (it raised KeyError)
    lines = segment("OSLO: The ferry left on time.\nBERGEN: The bridge opened at noon.\nFire crews were on site.")
    keep = _keep()
    for entries in (0, 1):
        final, story_of = list_entries(lines, [keep] * 3, [0, 1, 2], 0, _datelines(lines),
                                       Options(extracted_list_entries=entries))
        assert story_of == [0, 0, 2] and final[1].rule == "extracted.list_entry" and final[2] == keep
    assert analyze("\n".join(ENTRIES), extracted_list_entries=0).text


def test_a_story_opened_at_a_repeated_label_is_a_list_entry():
    # a listing's entries each carry the same label; a story the story finder opened at
    # one joins the story above, and the guarantee keeps its lines; a line standing twice
    # (a headline and its teaser) opens a story as before
    label = "Radio play after the novel, for the network"
    entries = [label if i % 2 else f"The {n} season was recorded in the studio in spring." for i, n in
               enumerate(["first", "x", "second", "x", "third", "x"])]
    lines = segment("\n".join([BODY] + entries))
    keep, drop = _keep(), _drop("story.other", "other story")
    story_of = [0, 0, 0, 0, 1, 1, 1]
    final = [keep] * 4 + [drop, keep, drop]
    out, out_story = guarantee(lines, [keep] * 7, final, story_of, 0, Options())
    assert out_story == [0] * 7 and all(d.keep for d in out)
    assert [d.rule for d in out[4:]] == ["extracted.kept", "extracted.repeated_head", "extracted.kept"]
    assert story_of == [0, 0, 0, 0, 1, 1, 1]  # the caller's lists are left as they were
    out, out_story = guarantee(lines, [keep] * 7, final, story_of, 0, Options(extracted_repeated_head=4))
    assert out_story == story_of and [d.keep for d in out[4:]] == [False, True, False]
    disabled = Options.make(disabled_rules=["extracted.repeated_head"])
    assert guarantee(lines, [keep] * 7, final, story_of, 0, disabled)[1] == story_of
    # the main story keeps its place though its first line repeats
    assert guarantee(lines, [keep] * 7, final, story_of, 1, Options())[1] == story_of


def test_list_entries_follow_the_answers_given_and_hand_back_copies():
    # the datelines are the answers given (the story finder's), not asked again: lines that
    # open with no dateline are a list's entries when the answers say they open with one;
    # guarantee hands back new lists and leaves the caller's as they were
    lines = segment("The first entry of the list.\nThe second entry of the list.\nThe third entry of the list.")
    asked = _datelines(lines)
    assert not any(map(asked, range(3)))
    keep = _keep()
    final, story_of = [keep] * 3, [0, 1, 1]
    out, out_story = guarantee(lines, final, final, story_of, 0, Options(), datelines=asked)
    assert out_story == [0, 1, 1] and out == final
    out, out_story = guarantee(lines, final, final, story_of, 0, Options(), datelines=lambda i: True)
    assert out_story == [0, 0, 0] and out[1].rule == "extracted.list_entry"
    assert story_of == [0, 1, 1] and final == [keep] * 3 and out is not final and out_story is not story_of


def test_the_guarantee_reads_the_story_finders_datelines(monkeypatch):
    # the pipeline hands the story finder's reading of each line (the compiled core's, made
    # once per document) to the guarantee, which asks it of the list's lines
    found, given = [], []
    find_stories, list_entries = cleaner.pipeline.find_stories, cleaner.guarantees.list_entries

    def finding(*args, **kwargs):
        found.append(find_stories(*args, **kwargs))
        return found[-1]

    def listing(lines, final, story_of, main, datelines, options):
        given.append(datelines)
        return list_entries(lines, final, story_of, main, datelines, options)

    monkeypatch.setattr(cleaner.pipeline, "find_stories", finding)
    monkeypatch.setattr(cleaner.guarantees, "list_entries", listing)
    a = analyze("\n".join(LIBRARY + ENTRIES), story_lead_words=0)
    assert "extracted.list_entry" in {v.final.rule for v in a.verdicts}
    assert len(found) == len(given) == 1 and given[0] is found[0].datelines is not None


def test_a_pages_widened_stories_carry_no_answers_per_shown_line():
    # the story finder's per-line answers are indexed over the lines of a page it was shown:
    # the stories put back on all the page's lines do not carry them
    keep = _keep()
    st = Stories([0, 0], ["full"], [0], [keep] * 2, 0, datelines=[True, False].__getitem__)
    final = [keep] * 4
    wide, story_of = _widen(final, st, [0, 0], [1, 3])
    assert story_of == wide.story_of == [None, 0, None, 0] and wide.titles == [1]
    assert wide.datelines is None and st.datelines is not None and wide.final is final


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


def test_text_said_to_be_an_extractors_is_cut_into_stories_as_a_recognised_one():
    # two extracts written one after the other: said or recognised, the story finder
    # reads them alike (a page's blocks are one story; text is not)
    text = "\n".join(LIBRARY + ["Harbour town votes to rebuild its old stone pier", "By Anna Berg, 12 March 2024"]
                     + HARBOUR)
    assert extractor_layout(text) == "dense"
    auto, said = analyze(text), analyze(text, extracted="always")
    assert len(auto.articles) == len(said.articles) > 1
    assert [v.story for v in auto.verdicts] == [v.story for v in said.verdicts]
    assert len(analyze(text, extracted="always", split_stories=False).articles) == 1


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


def _layout(text, **options):
    a = analyze(text, extracted="never", **options)
    return extraction_layout([v.line for v in a.verdicts], [v.initial for v in a.verdicts], Options(**options))


def test_a_dump_without_blank_lines_but_with_page_furniture_is_no_extract():
    furniture = ["Home", "Contact", "Sign in", "Privacy Policy", "All rights reserved."]
    assert len(furniture) >= Options().extracted_furniture_lines
    article = "\n".join([BODY, BODY2, BODY.replace("Tuesday", "Monday")])
    assert _layout(article + "\n" + "\n".join(furniture[-2:])) == "dense"  # a footer line or two
    assert _layout(article + "\n" + "\n".join(furniture)) == ""
    # menu words, buttons and log-in lines alone are no footer: an extract can hold them
    assert _layout(article + "\n" + "\n".join(["Home", "Contact", "Sign in", "Close"])) == "dense"


def test_a_pages_head_above_its_first_paragraph_tells_its_dump():
    # a headline, then a byline, a date stamp and a subscribe button that catalogue rules
    # drop: a page prints them around its headline, an extractor keeps a line of them
    opts = Options()
    assert (opts.extracted_head_lines, opts.extracted_head_catalogue) == (4, 2)
    article = [BODY, BODY2, BODY.replace("Tuesday", "Monday")]
    head = ["Council backs new rural roads plan", "By Jane Smith", "Published 2:16 AM EST Nov 20, 2019",
            "Subscribe"]
    assert _layout("\n".join(head + article)) == ""
    assert _layout("\n".join(head + article), extracted_head_catalogue=0) == "dense"
    # one such line under the title is an extract's head; so are three lines in all
    assert _layout("\n".join(head[:2] + ["Rural roads", "Council budget"] + article)) == "dense"
    assert _layout("\n".join(head[1:] + article)) == "dense"
    # a long run above the first paragraph is no head (an article without prose)
    rows = [f"Team {c} beat Team {c}{c}" for c in "ABCDEFGHIJ"]
    assert len(head + rows) > opts.extracted_head_max_lines
    assert _layout("\n".join(head + rows + article)) == "dense"


def test_a_cookie_notice_is_furniture_but_no_footer():
    # a consent banner is laid over the page, not its footer: with menu words it does
    # not make an extract a page's dump; a footer line beside it does
    article = "\n".join([BODY, BODY2, BODY.replace("Tuesday", "Monday")])
    notice = "We use cookies to personalise content and ads."
    assert analyze(notice, extracted="never").verdicts[0].initial.rule == "en.legal.cookie_notice"
    assert _layout(article + "\n" + "\n".join(["Home", "Contact", "Sign in", notice])) == "dense"
    footer = ["Home", "Contact", "Sign in", notice, "All rights reserved."]
    assert _layout(article + "\n" + "\n".join(footer)) != "dense"


def test_furniture_of_many_kinds_tells_a_pages_dump():
    # a page written one block a line: an ad label, a share row, a log-in line and an
    # appeal among its paragraphs; an extractor keeps a line or two of a kind or two
    opts = Options()
    assert opts.extracted_furniture_kinds == 3 and opts.extracted_furniture_lines == 4
    paragraphs = [BODY, BODY2, BODY.replace("Tuesday", "Monday"), BODY2.replace("villages", "towns")]
    page = [paragraphs[0], "Advertisement", paragraphs[1], "Share on Facebook", "Sign in", paragraphs[2],
            "Subscribe to our newsletter", paragraphs[3]]
    assert _layout("\n".join(page)) == ""
    assert _layout("\n".join(page), extracted_furniture_kinds=5) == "dense"
    # three kinds in fewer lines than extracted_furniture_lines: an extract's paywall end
    assert _layout("\n".join(paragraphs + ["Advertisement", "Sign in", "Subscribe to our newsletter"])) == "dense"
    # four lines of two kinds (an ad label twice, a "Read more" twice)
    two = [paragraphs[0], "Advertisement", paragraphs[1], "Read more", paragraphs[2], "Advertisement",
           paragraphs[3], "Read more"]
    assert _layout("\n".join(two)) == "dense"
    # a cookie notice is laid over the page, no kind of its frame
    notice = "We use cookies to personalise content and ads."
    with_notice = [paragraphs[0], "Advertisement", paragraphs[1], "Share on Facebook", paragraphs[2],
                   "Advertisement", paragraphs[3], notice]
    assert _layout("\n".join(with_notice)) == "dense"
    assert _layout("\n".join(with_notice[:-1] + ["Sign in"])) == ""


# -- a page's header and footer, in a language without a catalogue ---------------------------

#: Invented page dumps, one block a line, in languages no catalogue covers: a header (site
#: name, menu, log-in; no run of four one- or two-word lines), a headline and a dateline,
#: three paragraphs, a share line, links to other stories and a footer.
RU_PAGE = ["Городские вести", "Главная", "Новости", "Войти или зарегистрироваться", "Политика", "Экономика",
           "Городской совет утвердил новый бюджет на ремонт дорог", "12 марта 2024, 14:35",
           "Городской совет на заседании во вторник утвердил план ремонта дорог на ближайшие три года, "
           "и на эти работы выделят больше денег, чем в прошлом году.",
           "По словам председателя комиссии, в первую очередь будут отремонтированы улицы в старой части "
           "города, где жители давно жалуются на ямы и лужи.",
           "Работы начнутся в апреле и продлятся до конца осени, а подрядчика выберут на открытом конкурсе, "
           "который объявят уже на следующей неделе.",
           "Поделиться: ВКонтакте Telegram Одноклассники", "Читайте также",
           "В области открылся новый мост через реку", "Школы перейдут на новое расписание с сентября",
           "© 2024 Городские вести. Все права защищены."]
ZH_PAGE = ["城市日报 — 本地新闻网站", "首页", "新闻", "登录注册", "国内 国际 体育 财经 科技",
           "市议会通过道路维修新预算", "2024年3月12日 14:35",
           "市议会周二开会批准了未来三年的道路维修计划，用于这项工作的资金比去年明显增加，预计将覆盖全市大部分主要街道。",
           "委员会主席表示，老城区的街道将首先得到维修，那里的居民长期以来一直抱怨路面坑洼不平，雨天积水严重，出行十分不便。",
           "工程将于四月开工并持续到秋季结束，承包商将通过公开招标选出，招标公告将在下周正式发布，欢迎符合条件的企业参加。",
           "分享到：微信 微博 QQ空间", "相关阅读", "本市新建大桥正式通车", "中小学九月起实行新作息时间", "版权所有 城市日报社"]


def _kept(text, **options):
    return [v.line.text for v in analyze(text, **options).verdicts if v.output]


def test_a_pages_header_and_footer_tell_its_dump_without_a_catalogue():
    for page in (RU_PAGE, ZH_PAGE):
        text = "\n".join(page)
        assert _layout(text) == ""
        # cleaned as the same dump with its blocks apart is: the paragraphs, no menu,
        # share line or other stories
        assert _kept(text) == _kept("\n\n".join(page)) == page[-8:-5]
        # without the header evidence (or without a menu's run, which the footer is read for),
        # it was read as an extractor's output and kept every line the line rules dropped
        for off in ({"extracted_frame_top": 99}, {"extracted_frame_menu": 99}):
            assert _layout(text, **off) == "dense"
            assert "Читайте также" in _kept(text, **off) or "相关阅读" in _kept(text, **off)


def test_a_pages_header_with_a_menu_tells_its_dump_without_a_footer():
    # the same pages cut after their paragraphs: no footer, but a header with a run of
    # `extracted_frame_menu` tiny lines (an extract's title, standfirst and byline have none)
    for page in (RU_PAGE[:11], ZH_PAGE[:10]):
        text = "\n".join(page)
        assert _layout(text) != "dense"  # (short enough to pass for an extract with its blocks apart)
        assert _kept(text) == page[-3:]
        assert _layout(text, extracted_frame_menu=4) == "dense"  # the header's menu is three lines
    # below the article, a footer's menu counts only with a header: an extract may end with
    # a list of keywords or addresses under its short head
    keywords = ["Keywords", "Roads", "Buses", "Cycling", "Old town"]
    assert _layout("\n".join(EXTRACT[:1] + EXTRACT[4:7] + keywords)) == "dense"


#: An invented page dump in Dutch (no catalogue covers it), its menu written as a list.
NL_PAGE = ["Stadskrant", "* Home", "* Over ons", "* Ons werk", "* Nieuws", "* Contact",
           "De gemeenteraad heeft dinsdagavond besloten om volgend jaar meer geld uit te geven aan het "
           "onderhoud van de fietspaden in de binnenstad.",
           "Volgens de wethouder zijn veel paden in slechte staat en klagen bewoners al jaren over gaten "
           "en losliggende tegels.",
           "Het werk begint in het voorjaar en moet voor de zomer van het volgende jaar klaar zijn, zo "
           "staat in het plan.",
           "Delen", "Stadskrant 2024"]


def test_a_menu_written_as_a_list_is_a_menu():
    # a list item's bullet is no word: "* Over ons" is a two-word menu item, and five of them
    # above the first paragraph are a menu, which no extract opens with
    text = "\n".join(NL_PAGE)
    assert _layout(text, extracted_frame_menu=99) != "dense"  # (the menu alone, not the page frame)
    assert _kept(text) == NL_PAGE[6:9]
    # a numbered list keeps its numbers: no menu's form
    numbered = [f"{k}. {item[2:]}" for k, item in enumerate(NL_PAGE[1:6], 1)]
    assert _layout("\n".join(NL_PAGE[:1] + numbered + NL_PAGE[6:]), extracted_frame_menu=99) == "dense"


def test_an_extracts_figures_and_short_texts_are_no_page_frame():
    # tables and figures an extractor keeps around an article hold digits: no frame
    figures = ["Price per week: 2,400", "Each further guest: 100", "Final cleaning: 300", "Deposit: 1,500"]
    third = BODY.replace("Tuesday", "Monday")
    assert _layout("\n".join(figures + [BODY, BODY2, third] + figures)) == "dense"
    # fewer paragraphs than `extracted_frame_paragraphs`: too little text to tell
    assert _layout("\n".join(RU_PAGE[:10] + RU_PAGE[11:])) == "dense"
    assert _layout("\n".join(RU_PAGE), extracted_frame_paragraphs=4) == "dense"


#: An invented extract that keeps the headline, standfirst, byline and tag lines (as some
#: extractors, or trafilatura with its title and tags, write it): four lines the line rules
#: drop and without digits above the paragraphs and four below, but no menu's form.
EXTRACT = ["Council approves road budget", "Three-year plan for the old town", "By Anna Berg", "Transport reporter",
           BODY, BODY2, BODY.replace("Tuesday", "Monday"), "Topics", "Roads and transport", "City council",
           "Old town"]


def test_an_extracts_title_standfirst_and_tags_are_no_page_frame():
    text = "\n".join(EXTRACT)
    assert _layout(text) == "dense"
    kept = _kept(text)
    assert EXTRACT[1] in kept and EXTRACT[3] in kept and EXTRACT[-1] in kept
    # the frame needs a run of `extracted_frame_menu` tiny lines on one side: the tags hold two
    assert _layout(text, extracted_frame_menu=2) == "spaced"
    for page in (RU_PAGE, ZH_PAGE):
        assert _layout("\n".join(page)) == ""
        assert _layout("\n".join(page), extracted_frame_menu=99) == "dense"


@pytest.mark.xfail(strict=True, reason="tag lines of one or two words each have a menu's form: "
                                       "such an extract is read as a page's dump (extracted='always' reads it)")
def test_an_extract_with_one_word_tags_is_read_as_extractor_output():
    tags = ["Topics", "Roads", "City council", "Old town"]
    assert _layout("\n".join(EXTRACT[:7] + tags)) == "dense"


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


def test_a_bullet_point_or_a_dialogue_line_is_no_menu_item():
    # counterexamples of `_menu_items`: an item is a menu item by the one tiny test of the core
    # run on its text after the bullet, so four CJK bullet points of sixteen characters are
    # none (a CJK line is tiny only when short); a dash opens dialogue lines, so it is no
    # bullet there.  Both extracts, one block a line, keep every line.
    points = ["• 市议会批准未来三年道路维修计划", "• 老城区街道将首先得到维修工作", "• 工程将于四月开工持续到秋季",
              "• 承包商将通过公开招标方式选出"]
    dialogue = ["– Вы уже видели?", "– Нет, спасибо.", "– Очень жаль.", "– Ничего страшного."]
    for lines in ([ZH_PAGE[5]] + points + ZH_PAGE[7:10], ["Разговор у моста"] + dialogue + RU_PAGE[8:11]):
        text = "\n".join(lines)
        assert _layout(text) == "dense"
        assert _kept(text) == lines
    # the same items in a menu's length are menu items
    menu = segment("\n".join(["• 首页", "• 新闻", "* Главная страница", "– Главная страница", "- Home page"]))
    assert list(_menu_items(menu, line_shapes(menu, Options()), Options())) == [1, 1, 1, 0, 0]
