"""Story boundaries: `split` finds every story, `clean` keeps the main one alone.

Seeds are the hand-labelled dumps bundled in ``corpus/seeds`` (label ``title:N``/``body:N``/
``teaser:N``: story N, 0 the main story).  Small dumps are built here from invented text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import cleaner
from cleaner.language import stopwords
from cleaner.stories.boundaries import segment
from cleaner.stories.evidence import Reader
from cleaner.types import Decision
from teasers import read_as_teasers, teaser_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"


# --------------------------------------------------------------------------- helpers

def _seed(prefix: str) -> tuple[str, list[str]]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    labels = [row.split("\t")[0] for row in
              path.with_suffix("").with_suffix(".labels.tsv").read_text(encoding="utf-8").split("\n")]
    return text, labels


def _story(label: str) -> int | None:
    role, _, n = label.partition(":")
    if role in ("title", "body", "head", "teaser", "opt") and n.isdigit():
        return int(n)
    return None


def _first_line(analysis, article) -> int:
    return next(v.line.index for v in analysis.verdicts
                if v.line.start <= article.span[0] <= v.line.end)


def _true_starts(labels: list[str]) -> list[int]:
    first: dict[int, int] = {}
    for i, label in enumerate(labels):
        n = _story(label)
        if n is not None:
            first.setdefault(n, i)
    return sorted(i for n, i in first.items() if n > 0)


def _check_spans(analysis) -> None:
    """Spans exact, ordered, disjoint; article lines are the kept lines, in order."""
    source = analysis.source
    previous_end = -1
    kept_by_articles = []
    for art in analysis.articles:
        a, b = art.span
        assert previous_end <= a < b <= len(source)
        previous_end = b
        members = [v for v in analysis.verdicts if v.story == art.index and v.keep]
        assert members, "an article without lines"
        assert a == min(m.line.start for m in members + [
            v for v in analysis.verdicts if v.story == art.index and v.line.text == art.title])
        assert b == members[-1].line.end
        for v in members:
            assert source[v.line.start:v.line.end] == v.line.raw
            assert a <= v.line.start and v.line.end <= b
        assert [l for l in art.text.split("\n") if l] == [v.line.text for v in members]
        kept_by_articles += [v.line.index for v in members]
    assert kept_by_articles == [v.line.index for v in analysis.kept()]


# --------------------------------------------------------------------------- seeds

@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_boundaries_as_labelled(prefix):
    text, labels = _seed(prefix)
    analysis = cleaner.analyze(text)
    starts = [_first_line(analysis, a) for a in analysis.articles[1:]]
    assert starts == _true_starts(labels)
    kinds = {}
    for label in labels:
        n = _story(label)
        if n is not None and n > 0:
            kinds.setdefault(n, "teaser" if label.startswith("teaser") else "full")
    assert [a.kind for a in analysis.articles] == ["full"] + [kinds[n] for n in sorted(kinds)]
    assert analysis.main == 0
    _check_spans(analysis)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_clean_keeps_only_the_main_story(prefix):
    text, labels = _seed(prefix)
    kept = cleaner.clean(text).split("\n")
    lines = text.split("\n")
    for i, label in enumerate(labels[:len(lines)]):
        n = _story(label)
        line = cleaner.analyze(lines[i]).verdicts[0].line.text if lines[i].strip() else ""
        if n is not None and n > 0:
            assert line not in kept, f"line {i + 1} of story {n} in clean()"
        if label == "body:0":
            assert line in kept, f"body line {i + 1} missing from clean()"


def test_seed_titles():
    text, labels = _seed("000")
    articles = cleaner.split(text)
    lines = text.split("\n")
    assert [a.title for a in articles] == [lines[i].strip() for i, l in enumerate(labels) if l.startswith("title:")]


def test_seed_title_under_an_appeal_line():
    text, labels = _seed("001")
    title = next(text.split("\n")[i].strip() for i, l in enumerate(labels) if l == "title:0")
    assert cleaner.split(text)[0].title == title


def test_subheadings_and_read_more_are_not_boundaries():
    text, _ = _seed("001")  # two in-story subheadings
    assert len(cleaner.split(text)) == 1
    text, _ = _seed("004")  # an in-story "Read more"
    assert len(cleaner.split(text)) == 1


# --------------------------------------------------------------------------- built here

HARBOUR = [
    "The harbour authority said on Monday that the old pier will be rebuilt before the summer season begins.",
    "Engineers found that the wooden piles under the pier had rotted after decades of salt water and storms.",
    "The authority expects the work on the pier to cost about four million and to take eleven months.",
    "Fishermen who moor their boats at the harbour will be moved to a temporary pontoon during the work.",
    "Residents welcomed the plan for the harbour but asked for the promenade to stay open to walkers.",
]
ORCHARD = [
    "LONDON (Wire) - Apple growers expect a smaller harvest this autumn after a late frost damaged the blossom.",
    "Many orchards lost more than half of their blossom in a single cold night at the end of April.",
    "Growers said the price of apples in shops is likely to rise as a result of the poor harvest.",
    "Some farmers plan to plant varieties that flower later in the spring to avoid the frost in future.",
]
TEASERS = [
    "The city council voted late on Thursday to extend the opening hours of the public library on weekends and to hire more "
    "staff for the reading rooms, a move that librarians said had been expected for many years since the number of visi",
    "Researchers studying migrating birds along the coast have recorded the earliest arrival of swallows in three decades, "
    "and they say that the mild winter and the strong southerly winds of the past weeks may explain why the first flocks...",
]


def _dump(with_subheading: bool = False) -> str:
    harbour = list(HARBOUR)
    if with_subheading:
        harbour[3:3] = ["Work on the pier", "Read more"]
    parts = [
        "Home", "News", "Sport", "",
        "Harbour pier to be rebuilt before summer", "", "Updated 3 March 2024", "Share", "",
        *harbour, "",
        "Tags: harbour, pier", "Share this article", "Follow us", "",
        "Frost cuts the apple harvest", "By Jo Example", "4 March 2024 10:15", "",
        *ORCHARD, "",
        "More stories", "",
        *TEASERS, "",
        "Contact us", "Privacy policy",
    ]
    return "\n".join(parts) + "\n"


def test_built_dump_splits_into_stories():
    text = _dump()
    analysis = cleaner.analyze(text)
    articles = analysis.articles
    assert [a.kind for a in articles] == ["full", "full", "teaser", "teaser"]
    assert [a.title for a in articles[:2]] == ["Harbour pier to be rebuilt before summer",
                                               "Frost cuts the apple harvest"]
    assert all(line in articles[1].text.split("\n") for line in ORCHARD)
    assert [a.text for a in articles[2:]] == TEASERS
    _check_spans(analysis)
    for art in articles:
        assert text[art.span[0]:art.span[1]].startswith(art.title or art.text.split("\n")[0])


def test_built_dump_clean_is_the_first_story():
    out = cleaner.clean(_dump()).split("\n")
    assert [l for l in out if l][-len(HARBOUR):] == HARBOUR
    assert not any(l in out for l in ORCHARD + TEASERS)


def test_built_dump_subheading_and_read_more_stay_inside():
    articles = cleaner.split(_dump(with_subheading=True))
    assert [a.kind for a in articles] == ["full", "full", "teaser", "teaser"]
    assert "Work on the pier" in articles[0].text.split("\n")


def test_no_split_option_keeps_one_story():
    articles = cleaner.split(_dump(), split_stories=False)
    assert len(articles) == 1
    assert all(l in articles[0].text.split("\n") for l in ORCHARD)


# Two stories on unrelated subjects, each of several paragraphs, written to follow each
# other with no title, no meta line and no boilerplate between (scraper output that joins
# article bodies): only the change of vocabulary shows where the second begins.
VOLCANO = [
    "The volcano on the northern island erupted again early on Sunday, sending a column of ash "
    "several kilometres into the sky above the villages on its slopes.",
    "Scientists at the observatory said the eruption was stronger than the one last spring and "
    "that lava was flowing down the eastern flank towards the sea.",
    "About two thousand villagers were taken by bus to shelters in the port town, where the army "
    "set up tents, kitchens and a field hospital for the evacuated families.",
    "Flights to the island were cancelled because the ash cloud drifted over the airport, and "
    "ferries carried supplies of water, masks and blankets to the shelters.",
    "The observatory warned that the volcano could erupt again within days, as the ground under "
    "the crater was still swelling and the lava lake was rising.",
]
CHESS = [
    "The young chess player from the capital won the national championship on Saturday after a "
    "long final game that ended when her opponent resigned in a lost endgame.",
    "She had opened with a quiet variation of the queen's gambit and slowly gained space on the "
    "queenside before winning a pawn in the middle of the game.",
    "Her coach said she had studied endgames with rooks and knights for months, and that her "
    "patience at the board had grown during the tournament.",
    "The champion will represent the country at the olympiad next year, where teams from more "
    "than a hundred nations play eleven rounds over two weeks.",
    "Chess clubs across the country reported more members this season, many of them children "
    "who learned the game online and now play at weekend tournaments.",
]


# Two more unrelated stories, and a share row with a related-posts heading that the
# catalogue drops: boilerplate between them.
BUDGET = [
    "The city council voted on Tuesday to approve the new budget for schools, parks and roads "
    "after a long debate that lasted well into the night and drew a large crowd of residents.",
    "Council members said the budget would raise spending on schools by ten percent, while the "
    "parks department would receive funds to repair playgrounds and paths across the city.",
    "Several residents spoke against the plan, saying that property taxes had already risen twice "
    "in three years and that the council should cut costs before asking for more money.",
    "The mayor defended the budget, arguing that the roads were in poor shape and that delaying "
    "repairs would only make them more expensive for taxpayers in the years ahead.",
    "The budget now goes to a second vote next month, when the council is expected to approve it "
    "with minor changes to the spending on roads and the parks department.",
]
CORALS = [
    "Scientists studying the ocean floor off the coast have discovered a colony of deep sea corals "
    "that had never been recorded before, living at a depth of nearly two thousand meters.",
    "The corals were found by a remote submarine during an expedition last spring, and marine "
    "biologists say the colony may be hundreds of years old and extremely fragile.",
    "Researchers collected small samples of the corals to study their genetics, hoping to learn how "
    "such animals survive in cold, dark water with very little food drifting down.",
    "The expedition also recorded sponges, starfish and several species of fish around the corals, "
    "suggesting that the colony supports a rich community of deep sea life.",
    "Marine biologists plan to return to the site next year with better cameras to map the full "
    "extent of the coral colony and to measure how quickly the corals grow.",
]
SHARE_ROW = ["Share this:", "Facebook", "Twitter", "Email", "Print", "Related posts"]


def _openings(text: str, **options) -> list[str]:
    return [a.text.split("\n\n")[0] for a in cleaner.split(text, extracted="never", **options)]


def test_a_one_line_notice_read_as_a_dateline_stays_with_the_story_before():
    # Two candidates too close together for both to stand: above the notice (its kicker
    # reads as a dateline) and above the next story's first paragraph.  A dateline opens
    # a lead; a notice of nine words is none, so the story starts below it.
    notice = "WEEKEND READING: Our favourite long pieces of the week."
    text = "\n\n".join(VOLCANO + SHARE_ROW[:3] + [notice] + SHARE_ROW[3:] + CHESS) + "\n"
    assert _openings(text) == [VOLCANO[0], CHESS[0]]
    assert _openings(text, story_lead_words=0) == [VOLCANO[0], notice]


def test_a_short_lead_that_shares_the_next_story_s_words_opens_it():
    # The share row below the lead gives the gap under it more evidence than the gap
    # above it; the lead's words go on in the story below, not in the one above.
    lead = "Biologists report an unusual find in deep water."
    text = "\n\n".join(BUDGET + [lead] + SHARE_ROW + CORALS) + "\n"
    assert _openings(text) == [BUDGET[0], lead]
    assert cleaner.clean(text, extracted="never").split("\n\n") == BUDGET
    assert _openings(text, story_settle_cohesion=1.0, story_reach_up_lines=0) == [BUDGET[0], CORALS[0]]


def test_a_dateline_below_a_title_and_its_lead_opens_that_story_s_text():
    # The next story's title and lead, then the page's furniture, a date and a byline, then
    # its text opening with a dateline: two candidates too close together for both to
    # stand.  The lead's words go on in the text, and the later gap's only head is the
    # dateline of that text (no title of its own): the story starts at its title, the
    # lead with it, however much furniture the later gap holds.
    title = "Young chess player wins the national championship"
    lead = "The young player from the capital is the youngest national chess champion in the history of the game."
    furniture = SHARE_ROW[:4] + ["Advertisement", "Sign up for our newsletter", "Subscribe",
                                 "Photo: Jane Roe, AP", "Nov 18, 2019", "By Jane Doe"]
    text = "\n\n".join(VOLCANO + [title, lead] + furniture + ["OSLO (AP) — " + CHESS[0]] + CHESS[1:]) + "\n"
    articles = cleaner.split(text, extracted="never")
    assert [a.title for a in articles] == [None, title]
    assert text[articles[1].span[0]:].startswith(title)
    assert lead in articles[1].text and lead not in articles[0].text
    # a later gap with a title of its own opens a story there: the lines between stay
    # with the story before
    own = "Champion from the capital wins again"
    text = "\n\n".join(VOLCANO + [title, lead] + furniture + [own, "OSLO (AP) — " + CHESS[0]] + CHESS[1:]) + "\n"
    assert [a.title for a in cleaner.split(text, extracted="never")][-1] == own


def test_a_stray_line_between_two_stories_that_shares_no_word_with_either_opens_neither():
    # A short line of the page's tail (a notice) between the share row under one story
    # and the next story's text: two candidates too close together for both to stand.  It
    # shares no content word with the text before or after it, so the later gap stands
    # and the line belongs to neither story.
    stray = "Our office will be closed for the public holiday next Monday, as it is every year in May."
    text = "\n\n".join(VOLCANO + SHARE_ROW + [stray, "Advertisement"] + CHESS) + "\n"
    articles = cleaner.split(text, extracted="never")
    assert [a.text.split("\n\n")[0] for a in articles] == [VOLCANO[0], CHESS[0]]
    assert not any(stray in a.text for a in articles)
    # a line of more words than story_stray_max_words (18 here), or one that must share
    # less than nothing with either side, is not stray: it opens the later story, unless
    # it is that story's stray head (story_stray_head_lines: the dropped line under it, no
    # word of the text), which goes
    for option in ({"story_stray_max_words": 10}, {"story_stray_cosine": -0.1}):
        articles = cleaner.split(text, extracted="never", story_stray_head_lines=0, **option)
        assert [a.text.split("\n\n")[0] for a in articles] == [VOLCANO[0], stray], option
        articles = cleaner.split(text, extracted="never", **option)
        assert [a.text.split("\n\n")[0] for a in articles] == [VOLCANO[0], CHESS[0]], option
        assert not any(stray in a.text for a in articles)
    # a line that shares the next story's words opens it (a lead), as before
    lead = "The chess championship ended on Saturday in the capital."
    text = "\n\n".join(VOLCANO + SHARE_ROW + [lead, "Advertisement"] + CHESS) + "\n"
    assert [a.text.split("\n\n")[0] for a in cleaner.split(text, extracted="never")] == [VOLCANO[0], lead]


def test_a_story_that_follows_with_no_title_is_found_by_its_topic():
    text = "\n\n".join(VOLCANO + CHESS) + "\n"
    articles = cleaner.split(text, extracted="never")
    assert len(articles) == 2
    assert articles[0].text.split("\n\n") == VOLCANO
    assert articles[1].text.split("\n\n") == CHESS
    assert cleaner.clean(text, extracted="never").split("\n\n") == VOLCANO


def _read(text: str) -> tuple[Reader, list, list[int]]:
    """The story finder's reading of ``text`` analysed as a page's dump (its final
    decisions), its lines, and the indices of its kept content lines."""
    analysis = cleaner.analyze(text, extracted="never")
    lines = [v.line for v in analysis.verdicts]
    decisions = [v.final for v in analysis.verdicts]
    r = Reader(lines, [v.features for v in analysis.verdicts], decisions, stopwords("en"))
    return r, lines, [i for i in r.content if decisions[i].keep]


def test_the_topic_boundary_is_recorded_with_its_evidence():
    r, _, kept = _read("\n\n".join(VOLCANO + CHESS) + "\n")
    segs, between = segment(r, kept, r.feats)
    assert [kept[seg[0]] for seg in segs] == [0, 2 * len(VOLCANO)]
    assert segs[1][2] == "topic" and not between


def test_a_costlier_boundary_keeps_the_two_stories_together():
    text = "\n\n".join(VOLCANO + CHESS) + "\n"
    assert len(cleaner.split(text, extracted="never", story_boundary_score=20.0)) == 1


def test_one_subject_in_many_paragraphs_stays_one_story():
    # The volcano story told at length, with a subheading and a drift to the aftermath:
    # no gap is deep enough to pay for a boundary.
    text = "\n\n".join(VOLCANO[:3] + ["Life in the shelters"] + VOLCANO[3:] + [
        "Farmers on the slopes said the ash had covered their fields and that the harvest of "
        "the coming months was lost, and they asked the government for help.",
        "The government promised money to the farmers and to the villagers whose houses were "
        "damaged by the ash, once the observatory says the eruption is over.",
    ]) + "\n"
    assert len(cleaner.split(text, extracted="never")) == 1


def test_a_trailing_sentence_of_the_same_story_is_no_teaser():
    text = "\n".join(HARBOUR + ["The harbour authority will publish the pier plans and the timetable for the work on its"]) + "\n"
    assert [a.kind for a in cleaner.split(text)] == ["full"]



INTERVIEW = [
    "We spoke with the new head of the rowing club about the season ahead and about the boathouse.",
    "Q: How did the club come through the winter?",
    "A: Better than we feared. The boathouse roof held and most of our members kept training indoors all winter long.",
    "Q: Favourite river?",
    "A: The Thames",
    "Q: Favourite boat?",
    "A: Our old wooden eight",
    "Q: Favourite race?",
    "A: The spring regatta",
    "Q: Favourite food?",
    "A: Porridge",
    "Q: What would you cook for guests?",
    "A: Probably a vegetable curry with rice, followed by an apple crumble and custard, served outside if the weather allows it.",
    "Q: Any hobbies beyond that?",
    "A: Gardening, painting landscapes in watercolour and reading detective novels late at night in winter.",
]


def test_an_interview_with_short_answers_is_one_story():
    assert len(cleaner.split("\n\n".join(INTERVIEW) + "\n")) == 1


def test_a_caption_above_the_next_title_belongs_to_neither_story():
    caption = "Tourists photograph the lighthouse from a sailing boat during the festival, as gulls circle above them."
    parts = [
        "Harbour pier to be rebuilt before summer", "Updated 3 March 2024", "",
        *HARBOUR, "",
        "Share this article", "Share on Facebook", "Share on Twitter", "Follow us", "",
        caption, "Photo: Jo Example", "",
        "Frost cuts the apple harvest", "By Jo Example", "4 March 2024 10:15", "",
        *ORCHARD,
    ]
    articles = cleaner.split("\n".join(parts) + "\n")
    assert [a.title for a in articles] == ["Harbour pier to be rebuilt before summer", "Frost cuts the apple harvest"]
    assert all(caption not in a.text for a in articles)


def test_a_table_header_repeated_through_the_article_is_no_title():
    rows = [f"{name} {n} {n * 7}% {n // 2} points" for name, n in (("Ann Smith", 12), ("Bo Lee", 9), ("Cy Dane", 4))]
    parts = ["Rowing results from the weekend regatta on the river", ""]
    for crew, note in (("Juniors", "The junior crews raced well in strong wind and two of them reached the final, which the club had not done for many years."),
                       ("Seniors", "Heavy boats suffered badly in the gusts; one eight lost its rudder halfway down the course and had to retire early."),
                       ("Veterans", "Our veterans won by a length and will now travel to the national championships in summer with the same crew.")):
        parts += [crew, "Name Races Share Points", "Name Races Share Points", *rows, note, ""]
    assert len(cleaner.split("\n".join(parts) + "\n")) == 1


def test_a_sign_up_box_before_a_titled_story_is_no_story():
    notice = [  # a sign-up box the catalogue drops: no story, so no main story
        "Sign up to our free weekly harbour newsletter",
        "The week's news from the coast, delivered straight to your inbox every Friday.",
        "We respect your privacy and never pass your address on to anybody else.",
        "Unsubscribe at any time with the link at the foot of each issue.",
    ]
    more = [
        "The pier was built more than a century ago and was last repaired after a winter storm damaged its deck.",
        "Divers will inspect the foundations of the harbour wall next to the pier before the engineers start work.",
        "The authority said the new pier will be wider, so that small cruise boats can moor at the harbour in summer.",
        "Local businesses on the quay hope that the work on the pier will bring more visitors to the harbour next year.",
        "A public meeting about the plans for the pier will be held in the harbour office on the first Monday of April.",
        "The old timber from the pier will be sold to a boatyard, which plans to use it for the repair of wooden boats.",
    ]
    parts = [*notice, "", "Harbour pier to be rebuilt before summer", "By Jo Example", "3 March 2024 10:15", "",
             *HARBOUR, *more]
    out = cleaner.analyze("\n".join(parts) + "\n").text.split("\n")
    assert HARBOUR[0] in out and notice[0] not in out
    assert not any(notice[1] in a.text for a in cleaner.split("\n".join(parts) + "\n"))


def test_a_row_of_share_buttons_is_no_teaser():
    share = ("Share on Facebook Share on Twitter Share on Linkedin Share via Email Share via Link Print This Page "
             "Save For Later Send To Kindle Copy The Link")
    text = "\n".join(HARBOUR + ["", share]) + "\n"
    assert [a.kind for a in cleaner.split(text)] == ["full"]

# --------------------------------------------------------------------------- synthetic set

@pytest.fixture(scope="module")
def figures():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import multiarticle
    finally:
        sys.path.pop(0)
    try:
        multiarticle.corpus_dir()
    except FileNotFoundError:
        pytest.skip("ScrapingHub development pages not present")
    return multiarticle.figures()


def test_synthetic_floor(figures):
    """A little below what the story finder reaches today (boundary F1 0.912, Pk 0.036,
    WindowDiff 0.038, clean F1 0.931), so that a real regression fails."""
    assert figures["dumps"] >= 50
    assert figures["boundary_f1"] >= 0.88
    assert figures["pk"] <= 0.05
    assert figures["windowdiff"] <= 0.055
    assert figures["clean_f1"] >= 0.90
    assert figures["pk"] < figures["pk_no_split"]
    assert figures["clean_f1"] > figures["raw_f1"]


def test_synthetic_boundary_targets(figures):
    assert figures["boundary_f1"] >= 0.90
    assert figures["pk"] <= 0.08
    assert figures["windowdiff"] <= 0.10


def test_synthetic_clean_target(figures):
    assert figures["clean_f1"] >= 0.92


# --------------------------------------------------------------------------- titles of HTML

def _page(head: str, body_top: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in VOLCANO)
    return (f"<html><head>{head}</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<article>{body_top}{paragraphs}</article></body></html>")


def test_html_gives_the_page_headline_as_the_main_story_title():
    page = _page("<title>Island News | Volcano</title>",
                 "<h1>The volcano on the northern island erupts again</h1>")
    articles = cleaner.split(page)
    assert len(articles) == 1
    assert articles[0].title == "The volcano on the northern island erupts again"


def test_html_without_h1_takes_og_title_then_the_page_title():
    og = _page('<meta property="og:title" content="Volcano erupts again"><title>Island News</title>', "")
    assert cleaner.split(og)[0].title == "Volcano erupts again"
    plain = _page("<title>Volcano erupts again on the island</title>", "")
    assert cleaner.split(plain)[0].title == "Volcano erupts again on the island"


def test_text_input_has_no_invented_title():
    assert cleaner.split("\n\n".join(VOLCANO) + "\n", extracted="never")[0].title is None


# --------------------------------------------------------------------------- titles of stories

def test_a_headline_that_names_the_story_is_its_title():
    text = "\n\n".join(VOLCANO + ["Young chess player wins the national championship"] + CHESS) + "\n"
    articles = cleaner.split(text, extracted="never")
    assert len(articles) == 2
    assert articles[1].title == "Young chess player wins the national championship"


def test_a_footer_line_above_an_untitled_story_is_no_title():
    # A line of the page's footer (or a link to another story) right above the next story's
    # first paragraph shares no word with it: no title, and the story starts at its text.
    text = "\n\n".join(VOLCANO + ["Terms of Service Privacy Notice"] + CHESS) + "\n"
    articles = cleaner.split(text, extracted="never")
    assert len(articles) == 2
    assert articles[1].title is None
    assert articles[1].text.split("\n\n") == CHESS


def test_a_story_in_another_language_is_measured_in_its_own():
    # A paragraph in a second language has some of the page's stopwords ("a", "do", "e"),
    # not enough for prose in the page's language: it is measured in its own, and kept.
    other = ("A equipe do posto de saúde registrou nesta manhã falhas nos computadores da "
             "unidade, e o atendimento estará normalizado a partir da tarde de hoje.")
    text = "\n\n".join(VOLCANO + [other]) + "\n"
    last = [v for v in cleaner.analyze(text).verdicts if v.line.text][-1]
    assert last.final.keep and last.initial.reason.endswith("judged as pt")
    alone = [v for v in cleaner.analyze(text, own_language_share=0.5).verdicts if v.line.text][-1]
    assert not alone.final.keep  # its density in English, 0.20, is over half the 0.25 prose needs


def test_a_title_too_long_for_a_headline_above_a_byline_is_the_story_title():
    title = ("Harbour Bridge Repairs Slip to Next Spring as Engineers Find New Cracks in the "
             "Northern Span of the Old Crossing")
    text = "\n\n".join(VOLCANO + [title, "By Jane Doe", "Nov 18, 2019"] + CHESS) + "\n"
    articles = cleaner.split(text, extracted="never")
    assert [a.title for a in articles] == [None, title]
    assert text[articles[1].span[0]:].startswith(title)


def test_a_headline_above_its_deck_is_the_story_title():
    # A news page sets a longer line, the deck, between its headline and its byline: the
    # line right above the byline is the deck, and the headline above it, which names the
    # text, is the story's title (`Options.story_deck_title_words`).
    title = "Young chess player wins the national championship"
    deck = "A quiet opening and months of endgame study brought the title home after a long final"
    for sep in ("\n\n", "\n"):
        text = sep.join(VOLCANO + [title, deck, "By Jane Doe", "Nov 18, 2019"] + CHESS) + "\n"
        articles = cleaner.split(text, extracted="never")
        assert [a.title for a in articles] == [None, title]
        assert text[articles[1].span[0]:].startswith(title)
        assert [a.title for a in cleaner.split(text, extracted="never", story_deck_title_words=0)] == [None, deck]
        # the first story's too
        first = sep.join([title, deck, "By Jane Doe", "Nov 18, 2019"] + CHESS) + "\n"
        assert cleaner.split(first, extracted="never")[0].title == title
        assert cleaner.split(first, extracted="never", story_deck_title_words=0)[0].title == deck
    # counterexample: the page before's last link above the next page's headline names
    # nothing of its text, so the headline stays the title
    link, headline = "Ten gardening tips for a dry summer", "Young chess player from the capital wins the national title"
    text = "\n\n".join(VOLCANO + [link, headline, "By Jane Doe", "Nov 18, 2019"] + CHESS) + "\n"
    assert [a.title for a in cleaner.split(text, extracted="never")] == [None, headline]


def test_a_headline_with_a_date_that_shares_no_word_with_the_story_is_no_title():
    # Another page's link and its date above the next story: the headline with the meta
    # line shares no word with the text below, so it is no title; a headline right above
    # the text that does share its words is.
    link, title = "Ten gardening tips for a dry summer", "Young chess player wins the national championship"
    text = "\n\n".join(VOLCANO + [link, "Nov 18, 2019", title] + CHESS) + "\n"
    articles = cleaner.split(text, extracted="never")
    assert [a.title for a in articles] == [None, title]
    assert text[articles[1].span[0]:].startswith(title)
    alone = "\n\n".join(VOLCANO + SHARE_ROW[:2] + [link, "Nov 18, 2019"] + CHESS) + "\n"
    articles = cleaner.split(alone, extracted="never")
    assert [a.title for a in articles] == [None, None]
    assert articles[1].text.split("\n\n") == CHESS
    # a headline whose word comes back in the story's fourth paragraph is its title, as
    # far as the words asked reach
    own = "A place at the olympiad awaits"
    text = "\n\n".join(VOLCANO + SHARE_ROW[:2] + [own, "Nov 18, 2019"] + CHESS) + "\n"
    assert [a.title for a in cleaner.split(text, extracted="never")] == [None, own]
    nearer = {"story_meta_echo_words": 20, "story_echo_words": 20}
    assert [a.title for a in cleaner.split(text, extracted="never", **nearer)] == [None, None]


def test_a_headline_that_shares_one_word_with_a_later_paragraph_is_no_title():
    # Another page's link above the next story, with no meta line: one word in common
    # with the story's fourth paragraph ("olympiad") is chance, so it is no title and the
    # story starts at its first paragraph; a headline sharing two words is its title, and
    # so is one whose word comes back in the story's first line.
    link = "Planning a family holiday for the olympiad"
    text = "\n\n".join(VOLCANO + SHARE_ROW[:2] + [link] + CHESS) + "\n"
    articles = cleaner.split(text, extracted="never")
    assert [a.title for a in articles] == [None, None]
    assert articles[1].text.split("\n\n")[0] == CHESS[0]
    # one shared word was enough before `story_echo_shared`
    assert [a.title for a in cleaner.split(text, extracted="never", story_echo_shared=1)] == [None, link]
    for own in ("Young chess player wins the national championship", "Ten tips from a chess coach for this year"):
        text = "\n\n".join(VOLCANO + SHARE_ROW[:2] + [own] + CHESS) + "\n"
        assert [a.title for a in cleaner.split(text, extracted="never")] == [None, own]


def test_meta_words_of_several_languages_are_data():
    from cleaner.stories import evidence

    kept = Decision(True, "feature.prose", "body", "", "classify")

    def meta(line: str) -> bool:
        """A date, time, byline or "Updated ..." line, as the core's head patterns read it."""
        f = cleaner.analyze(line).verdicts[0].features
        return evidence._heads().meta(line, f.words, f.terminal, kept.category)

    for line in ("Updated Nov 19, 2019", "Aktualisiert am 19. November 2019", "Publié le 3 mars 2020",
                 "Actualizado el 3 de marzo", "By Jane Doe", "Von Hans Meier"):
        assert meta(line), line
    assert not meta("The volcano erupted again over the villages.")


# --------------------------------------------------------------------------- text an extractor wrote

def test_article_bodies_joined_in_extracted_text_are_split():
    # One paragraph a line, nothing else: text that looks like an extractor's.  Two
    # articles' bodies joined paragraph to paragraph are two stories ...
    text = "\n\n".join(VOLCANO + CHESS) + "\n"
    articles = cleaner.split(text)
    assert [a.text.split("\n\n") for a in articles] == [VOLCANO, CHESS]


# The same eruption, a later section of the article.
SHELTERS = [
    "In the shelters of the port town, the evacuated villagers waited for news of their houses on "
    "the slopes of the volcano, while the army handed out water, masks and blankets.",
    "Doctors at the field hospital treated dozens of villagers for breathing problems caused by "
    "the ash, and the observatory asked families to stay in the shelters until the eruption ends.",
    "The mayor of the port town said the buses would take the villagers back to the island only "
    "when the lava stopped flowing and the ash cloud had drifted away from the villages.",
]


@pytest.mark.parametrize("between", ["\n", "\n\n"])
def test_a_subheading_between_sections_of_one_article_is_no_boundary(between):
    # ... while a subheading between the sections of one article keeps them together, in
    # text written one block a line (as trafilatura writes it) and with blocks apart.
    text = between.join(VOLCANO + ["Life in the shelters"] + SHELTERS) + "\n"
    assert len(cleaner.split(text)) == 1


def test_a_label_above_another_subject_opens_a_story_in_text_with_blocks_apart():
    # Text with its blocks apart is read like a page's dump: a one-word label (a section
    # name of the next page) above paragraphs on another subject starts a new story.
    text = "\n\n".join(VOLCANO + ["Chess"] + CHESS) + "\n"
    assert [a.text.split("\n\n")[-len(CHESS):] for a in cleaner.split(text)][1:] == [CHESS]


# A dump that opens with a short story (its title and two paragraphs), then a longer one.
SNOW = [
    "Heavy snow closed the mountain pass between the two valleys on Tuesday, stranding trucks, buses and cars "
    "overnight near the summit.",
    "Snowploughs cleared the road by Wednesday morning, and police escorted convoys of trucks across the pass "
    "under falling snow and strong wind.",
]
SHORT_TOP = ["Snow closes the mountain pass", "", SNOW[0], "", SNOW[1], ""]


def test_a_short_story_at_the_top_of_a_dump_is_split_from_the_next_by_its_topic():
    text = "\n".join(SHORT_TOP + ["Share on Facebook", "Share on Twitter", "", "\n\n".join(VOLCANO)]) + "\n"
    articles = cleaner.split(text, extracted="never")
    assert [a.text.split("\n\n") for a in articles][1:] == [VOLCANO]
    assert SNOW[0] in articles[0].text and VOLCANO[0] not in articles[0].text
    assert articles[0].title == SHORT_TOP[0]


def test_a_short_story_at_the_top_of_a_dump_stays_the_main_story():
    later = ["Volcano erupts again on the northern island", "4 March 2024 10:15", ""] + [
        "\n\n".join(VOLCANO + VOLCANO[::-1])]
    out = cleaner.clean("\n".join(SHORT_TOP + later) + "\n", extracted="never").split("\n\n")
    assert SNOW[0] in out and VOLCANO[0] not in out


ERUPTION = [
    "Geologists flew over the crater in a helicopter on Monday and measured the gases rising from the vents on its rim.",
    "The eruption is the third on the island in ten years, and the largest since the great eruption of the last century.",
    "Farmers on the lower slopes were allowed to return for a few hours to feed their animals and collect their "
    "belongings.",
    "Schools in the port town opened their halls to the evacuated families, and volunteers cooked meals for them every "
    "evening.",
    "The government promised money to rebuild the houses and the road destroyed by the lava once the eruption is over.",
    "Tourists who had booked holidays on the island were told to change their plans, and hotels offered them refunds.",
]


def test_a_short_story_without_a_title_at_the_top_of_a_dump_stays_the_main_story():
    # The text block of the long story after it is the larger, but a dump starts with
    # its main story, titled or not.
    text = "\n".join(["\n\n".join(SNOW), "", "Share on Facebook", "Share on Twitter", "",
                      "\n\n".join(VOLCANO + ERUPTION)]) + "\n"
    assert len(cleaner.split(text, extracted="never")) == 2
    assert cleaner.clean(text, extracted="never").split("\n\n") == SNOW


def test_a_list_under_its_subheading_opens_no_story():
    # The list's subject differs from the text above it, but a story opens with its title
    # or a paragraph, not with the items of a list under a subheading.
    text = "\n\n".join(VOLCANO + ["What the club offers"] + ["* " + c for c in CHESS]) + "\n"
    assert len(cleaner.split(text, extracted="never")) == 1


def test_the_headline_printed_again_above_the_text_opens_no_story():
    # A page prints its headline above the lead and again, with the byline, above the
    # text: one article, not a short story and a long one.
    lead = [VOLCANO[0], VOLCANO[4], VOLCANO[2]]
    text = "\n".join(["Volcano erupts again on the northern island", "", "\n\n".join(lead), "",
                      "Share on Facebook", "Share on Twitter", "", "Opinion", "", "Tuesday", "04.03.24", "",
                      "Volcano erupts again on the northern island", "", "By Jane Doe", "",
                      "\n\n".join([VOLCANO[1], VOLCANO[3]] + VOLCANO[::-1])]) + "\n"
    articles = cleaner.split(text, extracted="never")
    assert len(articles) == 1
    assert VOLCANO[0] in articles[0].text and VOLCANO[1] in articles[0].text


def test_a_separator_line_is_no_title():
    # "--- End of quote ---" above a dated line reads as a headline with its meta line,
    # but a title begins like one (a capital, a digit or a quote).
    text = "\n\n".join(VOLCANO + ["--- End of quote ---", "Answered on 15.06.2006:"] + CHESS) + "\n"
    assert all(a.title != "--- End of quote ---" for a in cleaner.split(text, extracted="never"))


def test_a_list_after_the_dropped_items_of_a_list_opens_no_story():
    # The items above were dropped (a menu, a table of contents): the list goes on.
    text = "\n\n".join(VOLCANO[:3] + ["* Home", "* News", "* Sport", "* Contact"] + ["* " + c for c in CHESS]) + "\n"
    assert len(cleaner.split(text, extracted="never")) == 1
    # ... also under a one-word subheading of its own.
    text = "\n\n".join(VOLCANO[:3] + ["* Home", "* News", "* Contact", "Clubs"] + ["* " + c for c in CHESS]) + "\n"
    assert len(cleaner.split(text, extracted="never")) == 1


CABINET = [
    "Neues Kabinett vereidigt",
    "Berlin (dpa) \u2013 Die neue Bundesregierung ist am Mittwoch im Bundestag vereidigt worden. Nach wochenlangen "
    "Verhandlungen hatten sich die drei Parteien auf einen Koalitionsvertrag geeinigt, der nun die Grundlage der "
    "gemeinsamen Arbeit bilden soll.",
    "Die Ministerinnen und Minister legten nacheinander ihren Amtseid ab. Im Anschluss kam das Kabinett zu seiner "
    "ersten Sitzung im Kanzleramt zusammen, wo \u00fcber die ersten Vorhaben der Regierung beraten wurde.",
    "Dem Kabinett geh\u00f6ren unter anderem an:",
    "Olaf Scholz (SPD) \u2013 Bundeskanzler der Bundesrepublik Deutschland",
    "Robert Habeck (Gr\u00fcne) \u2013 Minister f\u00fcr Wirtschaft und Klimaschutz",
    "Christian Lindner (FDP) \u2013 Minister der Finanzen des Bundes",
    "Nancy Faeser (SPD) \u2013 Ministerin des Innern und f\u00fcr Heimat",
    "Die Opposition kritisierte die Verteilung der Ressorts. Der Fraktionschef der Union sagte, die Regierung habe "
    "sich zu viel vorgenommen und werde an ihren eigenen Anspr\u00fcchen scheitern, wenn sie nicht rasch handele.",
    "Der Bundespr\u00e4sident w\u00fcnschte den neuen Mitgliedern der Regierung eine gl\u00fcckliche Hand. Die erste "
    "Regierungserkl\u00e4rung des Kanzlers ist f\u00fcr die kommende Woche geplant, danach beginnt die Haushaltsdebatte.",
]
STORM = [
    "Hamburg (dpa/lno) \u2013 Ein heftiger Sturm hat in der Nacht zum Sonntag im Norden zahlreiche B\u00e4ume "
    "entwurzelt und mehrere Stra\u00dfen blockiert. Die Feuerwehr r\u00fcckte nach eigenen Angaben zu mehr als "
    "zweihundert Eins\u00e4tzen aus.",
    "Verletzt wurde nach ersten Erkenntnissen niemand. Auf mehreren Bahnstrecken kam es jedoch zu erheblichen "
    "Versp\u00e4tungen, weil umgest\u00fcrzte B\u00e4ume auf den Gleisen lagen und Oberleitungen besch\u00e4digt wurden.",
    "Der Wetterdienst warnte f\u00fcr den Nachmittag vor weiteren schweren B\u00f6en an der K\u00fcste. Die Beh\u00f6rden "
    "riefen die Bewohner auf, Parks und W\u00e4lder bis auf Weiteres zu meiden und auf Fahrten mit dem Rad zu verzichten.",
]


def test_a_dateline_of_a_place_and_an_agency_opens_a_story_and_a_list_of_names_and_parties_none():
    # The next story's first paragraph opens with a place in capitals and small letters
    # and an agency ("Hamburg (dpa/lno) \u2013 ..."): the dateline opens it, no title above
    # it.  Lines of a name, a party and a role in the story before read as datelines too;
    # weighed with the rest of their gaps' evidence (short lines, the story's words
    # around them) they open no story.
    from cleaner.stories.evidence import dateline

    assert [dateline(line) for line in CABINET[4:8] + STORM[:1]] == [True] * 5
    text = "\n\n".join(CABINET + STORM) + "\n"
    articles = cleaner.split(text, extracted="never")
    assert [a.text.split("\n\n")[0] for a in articles] == [CABINET[1], STORM[0]]
    assert all(line in articles[0].text for line in CABINET[4:8])
    assert len(cleaner.split(text, extracted="never", story_dateline_weight=0.0)) == 1
    assert len(cleaner.split("\n\n".join(CABINET) + "\n", extracted="never")) == 1


def test_a_last_story_opened_by_a_dateline_needs_its_body():
    from cleaner.stories.boundaries import choose
    from cleaner.stories.evidence import Gap

    def gap(c: int, opening: str) -> Gap:
        return Gap(c, None, opening, 0, 0, False, 0.1, 0.0, 9.0)

    words = [0, 40, 80, 120, 130, 140]  # 20 words after position 4: one notice, not a story
    assert choose([gap(4, "dateline")], words, 0, 5) == []
    assert [g.c for g in choose([gap(4, "meta")], words, 0, 5)] == [4]  # a title makes it one


def test_two_halves_that_share_their_words_are_one_article():
    # A change of topic alone (no head, nothing dropped) is a boundary only when all the
    # words before it and all those after it differ: the volcano and the chess stories do,
    # while at a cosine limit of 0 any two halves count as one article whose subject drifts.
    text = "\n\n".join(VOLCANO + CHESS) + "\n"
    assert len(cleaner.split(text, extracted="never")) == 2
    assert len(cleaner.split(text, extracted="never", story_whole_cohesion=0.0)) == 1
    # With boilerplate in the gap the bar is its own option.
    text = "\n\n".join(VOLCANO + ["Share on Facebook", "Share on Twitter"] + CHESS) + "\n"
    assert len(cleaner.split(text, extracted="never")) == 2
    assert len(cleaner.split(text, extracted="never", story_whole_dropped_cohesion=0.0)) == 1
    # A title with a meta line is held to the same bar (a dated embed inside an article).
    text = "\n\n".join(VOLCANO + ["Share on Facebook", "Young chess player wins the national championship",
                                  "4 March 2024 10:15"] + CHESS) + "\n"
    assert len(cleaner.split(text, extracted="never")) == 2
    assert len(cleaner.split(text, extracted="never", story_whole_dropped_cohesion=0.0)) == 1
    # ... but not a story's whole head (its title, its meta line, its text).
    text = "\n\n".join(VOLCANO + ["Young chess player wins the national championship", "4 March 2024 10:15"]
                       + CHESS) + "\n"
    assert len(cleaner.split(text, extracted="never", story_whole_cohesion=0.0)) == 2


# Two untitled stories of other people and places (new names after the gap), and one long
# article whose later paragraphs bring in new names beside the ones it named before.
PIER = [
    "The harbour board in Dunmere voted on Monday to rebuild the old north pier, which has been "
    "closed to boats since a storm broke part of its wall two winters ago.",
    "The chair of the board, Ellen Carver, said the work would start in spring and that the pier "
    "would reopen to the fishing fleet from Dunmere and Saltby before the end of next year.",
    "Fishermen led by Owen Rusk have asked for the repair for months, saying that landing their "
    "catch at the south quay costs them hours of waiting at every tide.",
    "The board will pay for the pier with a loan and with higher mooring fees, a plan that several "
    "owners of small boats said they would oppose at the next meeting.",
    "Carver said the fees would rise only once the pier was open again and that the board would "
    "publish the full cost of the work next month.",
]
RESCUE = [
    "Rescuers found two climbers alive on Hollin Ridge after a night in the snow, Tomas Velde of "
    "the Karsk Valley team told reporters, after a search that began on Sunday evening.",
    "Marta Ostrova and Piet Lanning had set out from Brenna hut in clear weather but lost their "
    "way in the fog below the summit and called for help from a ledge.",
    "A helicopter from Vossberg could not fly in the wind, so a team of eight climbed through the "
    "night with ropes, lamps and warm clothes for the two.",
    "Both were taken to hospital with frostbite but were able to walk, and their families thanked "
    "the volunteers who had left their beds to go up the mountain.",
    "The rescue team asked walkers to check the forecast and to carry a lamp and spare clothes "
    "even on short trips, as the weather turns fast at this time of year.",
]
TRIAL = [
    "The trial of the former treasurer of the rowing club, Reyna Shaw, opened on Tuesday in the "
    "county court, where she denies taking money from the club's accounts over six years.",
    "Prosecutors told the jury that Shaw had moved small sums from the club to her own account "
    "each month and hidden them behind invoices for boats and repairs that were never bought.",
    "Her lawyer said the invoices were real and that the club's books had been kept badly long "
    "before his client became treasurer, so the missing money could not be traced to her.",
    "On Wednesday the court heard from Harald Benn, a bank clerk in Tolvik, who said he had "
    "noticed the transfers to Shaw in the spring and had asked Gerda Moll, his manager at Nordbank, "
    "to look at them.",
    "Moll told the jury that the bank wrote to the club twice, but that the letters reached Shaw, "
    "who answered them herself and said that the payments were for a new boat house in Elmstead.",
    "A builder from Elmstead, Jonas Pirk, said no boat house had been ordered and that he had "
    "never met Reyna Shaw or anyone else from the rowing club before the police called him.",
    "The trial is expected to last two weeks, and Shaw is due to give evidence next Monday, her "
    "lawyer said outside the court.",
]


def test_a_story_that_names_other_people_and_places_is_found_without_a_title():
    # The topic alone falls short of a boundary; the new names after the gap make it one.
    text = "\n\n".join(PIER + RESCUE) + "\n"
    assert [a.text.split("\n\n") for a in cleaner.split(text, extracted="never")] == [PIER, RESCUE]
    assert len(cleaner.split(text, extracted="never", story_names_weight=0.0)) == 1
    assert len(cleaner.split(text, extracted="never", story_names_cosine=0.0)) == 1


def _indented(first: list[str], second: list[str], a: int = 4, b: int = 10) -> str:
    """Two runs of paragraphs set apart by blank lines, indented ``a`` and ``b`` spaces (a
    whole page's dump indents each block as deep as the page nests it)."""
    return "\n\n".join([" " * a + p for p in first] + [" " * b + p for p in second]) + "\n"


def test_a_story_at_an_indentation_of_its_own_is_found_without_a_title():
    # Without the new names, the topic alone falls short of a boundary; the next page's
    # article nested at another depth makes it one.
    text = _indented(PIER, RESCUE)
    assert [a.text.split("\n\n") for a in cleaner.split(text, extracted="never", story_names_weight=0.0)] \
        == [PIER, RESCUE]
    assert len(cleaner.split(text, extracted="never", story_names_weight=0.0, story_indent_weight=0.0)) == 1
    assert len(cleaner.split(_indented(PIER, RESCUE, 0, 0), extracted="never", story_names_weight=0.0)) == 1
    # Text an extractor wrote is one page's: its indentation tells no page from another.
    assert len(cleaner.split(text, extracted="always", story_names_weight=0.0)) == 1


def _marked(mark: str) -> tuple[list[str], list[str]]:
    """PIER and RESCUE, each with an apostrophe in its last and first paragraph written
    ``mark`` and the other mark of the pair: "pier's", "region\u2019s"."""
    other = {"'": "\u2019", "\u2019": "'"}[mark]
    pier = PIER[:-1] + [PIER[-1].replace("the pier was open", f"the pier{mark}s repair was done")]
    rescue = [RESCUE[0].replace("told reporters", f"told the region{other}s reporters")] + RESCUE[1:]
    return pier, rescue


def test_a_story_in_marks_of_its_own_is_found_without_a_title_in_flat_text():
    # Without the new names, the topic alone falls short of a boundary; the next page's
    # text, written with the other apostrophe, makes it one, with no indentation at all.
    pier, rescue = _marked("'")
    text = "\n\n".join(pier + rescue) + "\n"
    assert [a.text.split("\n\n") for a in cleaner.split(text, extracted="never", story_names_weight=0.0)] \
        == [pier, rescue]
    assert len(cleaner.split(text, extracted="never", story_names_weight=0.0, story_style_weight=0.0)) == 1
    # the words must change too (story_style_cosine)
    assert len(cleaner.split(text, extracted="never", story_names_weight=0.0, story_style_cosine=0.0)) == 1
    # one site's marks on both sides tell nothing
    same = "\n\n".join(pier + [rescue[0].replace("\u2019", "'")] + rescue[1:]) + "\n"
    assert len(cleaner.split(same, extracted="never", story_names_weight=0.0)) == 1
    # Text an extractor wrote is one page's: its marks tell no page from another.
    assert len(cleaner.split(text, extracted="always", story_names_weight=0.0)) == 1


#: A story in German after PIER: the next site's page, in another language.
BERG = [
    "Die Bergwacht hat am Sonntag zwei Wanderer aus einer Felswand am Hochgrat geholt, nachdem sie "
    "sich bei Nebel verstiegen hatten und nicht mehr vor und zurück konnten.",
    "Die beiden Männer aus dem Allgäu waren am Morgen von der Hütte aufgebrochen und hatten den Weg "
    "unterhalb des Gipfels verloren, als das Wetter schnell umschlug.",
    "Weil der Hubschrauber wegen des Windes nicht fliegen konnte, stiegen acht Helfer mit Seilen und "
    "Lampen in der Nacht zu ihnen auf und brachten sie sicher ins Tal.",
    "Die Wanderer wurden mit leichten Erfrierungen in ein Krankenhaus gebracht, sie konnten aber "
    "selbst gehen und dankten den Helfern für ihren Einsatz in der Kälte.",
    "Die Bergwacht bittet alle, vor einer Tour den Wetterbericht zu lesen und auch auf kurzen Wegen "
    "eine Lampe und warme Kleidung mitzunehmen, weil das Wetter hier schnell wechselt.",
]


def test_a_story_in_another_language_is_found_by_its_language():
    # With a depth that weighs little and no new names, the topic alone falls short of a
    # boundary between two stories in one language; the change of language makes one.
    weak = {"extracted": "never", "story_names_weight": 0.0, "story_depth_weight": 0.5}
    text = "\n\n".join(PIER + BERG) + "\n"
    assert [a.text.split("\n\n") for a in cleaner.split(text, **weak)] == [PIER, BERG]
    assert len(cleaner.split(text, **weak, story_language_weight=0.0)) == 1
    assert len(cleaner.split("\n\n".join(PIER + RESCUE) + "\n", **weak)) == 1
    # each side needs story_language_words words: more than the German story holds, and
    # the gap has no side in German
    assert len(text.split()) - len(" ".join(PIER).split()) < 140
    assert len(cleaner.split(text, **weak, story_language_words=140)) == 1
    # the words must change too (story_language_cosine)
    assert len(cleaner.split(text, **weak, story_language_cosine=0.0)) == 1
    # A boundary that costs more than the topic gives is paid by a heavy language weight.
    costly = {**weak, "story_boundary_score": 9.0}
    assert len(cleaner.split(text, **costly)) == 1
    assert len(cleaner.split(text, **costly, story_language_weight=9.0)) == 2


#: An English article on a ferry that quotes a letter in German on the same ferry at
#: length, a run of paragraphs, then goes on in English.
FERRY = [
    "The island council in Tolvik agreed on Thursday to buy a second ferry for the crossing to the "
    "mainland, after a winter in which the old boat missed more than forty sailings.",
    "The council's transport officer, Lena Marsh, said the new boat would carry twice as many cars "
    "and would be able to sail in winds that keep the old ferry in port.",
    "A shipyard owner from Bremen who built the old ferry sent the council a letter, which the "
    "council read out in full:",
]
FERRY_DE = [
    "Wir haben die alte Fähre vor dreißig Jahren gebaut, und sie hat der Insel lange gut gedient, "
    "aber ihr Motor ist müde und die Ersatzteile werden jedes Jahr teurer und seltener.",
    "Ein zweites Schiff wäre für die Insel ein Segen, denn dann könnte eines fahren, während das "
    "andere in der Werft liegt, und niemand müsste bei Sturm tagelang auf das Festland warten.",
    "Wir würden uns freuen, wenn der Rat auch unsere Werft fragt, weil wir die Gewässer um die "
    "Insel kennen und wissen, wie schnell dort das Wetter umschlägt.",
]
FERRY_END = [
    "Marsh said the council would ask three yards for offers, among them the one in Bremen, and "
    "would choose by the end of the summer.",
    "Islanders who rely on the crossing for work and school welcomed the plan, though some asked "
    "why the council had waited so long after the first missed sailings.",
    "The new boat is to be paid for by a loan from the regional bank and by higher fares for "
    "visitors in the summer months, the council said.",
]


def test_an_article_that_quotes_another_language_at_length_stays_one_story():
    # The run of German paragraphs is long enough to carry a side of its own either way,
    # but the text returns to English after it: a quote, no other page.
    text = "\n\n".join(FERRY + FERRY_DE + FERRY_END) + "\n"
    assert len(cleaner.split(text, extracted="never")) == 1
    assert cleaner.clean(text, extracted="never").split("\n\n") == FERRY + FERRY_DE + FERRY_END
    # Where it does not return, the other language goes on to the end: another page.
    weak = {"extracted": "never", "story_names_weight": 0.0, "story_depth_weight": 0.5}
    assert len(cleaner.split("\n\n".join(FERRY + FERRY_DE) + "\n", **weak)) == 2


def test_style_shifts_pick_the_gap_between_two_paragraphs_in_other_marks():
    from cleaner.options import Options
    from cleaner.stories.evidence import style_shifts

    # per paragraph the bits of Story.marks: "it's" (1), a label, no marks, "it\u2019s" (2),
    # both (3), "it's"
    marks, words = bytes([1, 0, 0, 2, 3, 1]), [9, 1, 9, 9, 9, 9].__getitem__
    # the lowest cosine between the two paragraphs in other marks, above a paragraph
    assert style_shifts(marks, [None, 0.0, 0.05, 0.02, 0.0, 0.0], words) == [3]
    # a label is no paragraph: its gap is passed over
    assert style_shifts(marks, [None, 0.0, 0.5, 0.5, 0.0, 0.0], words) == []
    # too far apart (story_style_paragraphs)
    assert style_shifts(marks, [None, 0.0, 0.05, 0.02, 0.0, 0.0], words, Options(story_style_paragraphs=2)) == []
    # a paragraph with both marks tells nothing: "it's" follows it, not "it\u2019s"
    assert 5 not in style_shifts(marks, [None] + [0.0] * 5, words)
    # the other pairs: straight then typographic double quotes, three dots then an ellipsis
    assert style_shifts(bytes([4, 8]), [None, 0.0], [9, 9].__getitem__) == [1]
    assert style_shifts(bytes([32, 16]), [None, 0.0], [9, 9].__getitem__) == [1]


def test_an_article_nested_deeper_halfway_stays_whole():
    # A page whose markup leaves elements open nests its later paragraphs deeper: the
    # indentation changes where the words do not (a cosine over story_indent_cosine).
    loose = {"story_indent_weight": 10.0, "story_whole_cohesion": 1.0, "story_whole_dropped_cohesion": 1.0}
    text = _indented(TRIAL[:3], TRIAL[3:])
    assert len(cleaner.split(text, extracted="never", **loose)) == 1
    assert len(cleaner.split(text, extracted="never", story_indent_cosine=1.0, **loose)) == 2
    # the guard is the indentation's own: the topic's story_topic_cohesion does not move it
    assert len(cleaner.split(text, extracted="never", story_topic_cohesion=1.0, story_indent_cosine=0.0,
                             **loose)) == 1


def test_shift_points_read_the_paragraphs_either_side_of_a_gap():
    from cleaner.options import Options
    from cleaner.segment import segment
    from cleaner.stories.evidence import shift_points
    from cleaner.storage import indents as indents_of

    class R:  # the one thing `shift_points` reads of a `Reader`: the indentation of its lines
        indents = indents_of(segment("  a\n  b\n    c\n    d\n  e\n      f\n      g"))

    every = list(range(7))
    # two paragraphs each side sharing their indentation: only between b and c
    assert shift_points(R, every, every) == [2]
    # one paragraph each side: every change counts
    assert shift_points(R, every, every, Options(story_indent_paragraphs=1)) == [2, 4, 5]
    # only the paragraphs of body are read (kept positions ``prose``), as many as there are
    assert shift_points(R, every, [0, 1, 4]) == []
    assert shift_points(R, every, [0, 2]) == [1]
    assert shift_points(R, every, []) == [] and shift_points(R, every, [3]) == []


def test_shift_points_take_one_paragraph_on_the_documents_side_of_an_edge_change():
    from cleaner.segment import segment
    from cleaner.stories.evidence import shift_points
    from cleaner.storage import indents as indents_of

    class R:  # the one thing `shift_points` reads of a `Reader`: the indentation of its lines
        indents = indents_of(segment("  a\n    b\n    c\n  d\n  e\n    f\n      g\n      h\n    i"))

    every = list(range(9))
    # a lone first paragraph (a) and a lone last one (i) at their own indentation count;
    # the lone f between two changes does not (two paragraphs a side, story_indent_paragraphs)
    assert shift_points(R, every, every) == [1, 3, 8]
    assert shift_points(R, every, every[1:-1]) == [2]


def test_an_article_that_brings_in_new_names_beside_old_ones_stays_whole():
    # Each later paragraph names someone the article named before: no new names after
    # any gap, whatever they would weigh and however alike the two sides had to be.
    text = "\n\n".join(TRIAL) + "\n"
    assert len(cleaner.split(text, extracted="never")) == 1
    heavy = {"story_names_weight": 10.0, "story_names_cosine": 1.0, "story_whole_cohesion": 1.0}
    assert len(cleaner.split(text, extracted="never", **heavy)) == 1
    # Without its defendant's name in the later paragraphs their names would be new.
    unnamed = TRIAL[:3] + [p.replace("Reyna Shaw", "the treasurer").replace("Shaw", "the treasurer")
                           for p in TRIAL[3:]]
    assert len(cleaner.split("\n\n".join(unnamed) + "\n", extracted="never", **heavy)) == 2


def test_an_article_in_sections_that_each_name_their_own_people_stays_whole():
    # A subheading above every paragraph: the sections of one article, each naming its own
    # people and places; the gap where the names change is one more subheading between them.
    heads = ["The vote", "The work", "The fleet", "The fees", "The cost", "The search", "The ledge", "The climb",
             "The hospital", "The advice"]
    parts = [PIER[0]]
    for head, paragraph in zip(heads, PIER[1:] + RESCUE):
        parts += [head, paragraph]
    text = "\n\n".join(parts) + "\n"
    assert len(cleaner.split(text, extracted="never")) == 1
    # Without the subheadings' evidence the new names cut it where they begin.
    cut = cleaner.split(text, extracted="never", story_names_sections=99)
    assert [a.text.split("\n\n")[0] for a in cut] == [PIER[0], RESCUE[0]]
    assert len(cleaner.split(text, extracted="never", story_names_sections=99, story_names_weight=0.0)) == 1


def test_a_headline_above_the_first_story_needs_the_words_it_is_given_to_share():
    # Its one word in common with the text ("fleet") is not in the text's first line.
    text = "\n\n".join(["Share this article", "Fleet Welcomes Decision"] + PIER) + "\n"
    assert cleaner.split(text, extracted="never")[0].title == "Fleet Welcomes Decision"
    assert cleaner.split(text, extracted="never", story_first_echo_shared=2)[0].title is None


#: Two teasers of another site, in a second language, each cut mid-sentence.
TEASERS_PT = [
    "Os moradores do bairro alto receberam nesta semana a visita dos técnicos da prefeitura, que "
    "vieram medir as calçadas e ouvir as queixas sobre a iluminação das ruas, mas a obra que",
    "A biblioteca municipal vai abrir aos domingos a partir do mês que vem, e os leitores poderão "
    "levar para casa até cinco livros de cada vez, segundo a direção, que também quer",
]


def test_teasers_in_another_language_cut_mid_sentence_are_teasers():
    # A teaser cut mid-sentence does not end like a sentence, so stage 1 does not measure
    # it in its own language and drops it for its few English stopwords; read in its own
    # language it is prose, and the row of them is two teasers after the story.
    text = "\n\n".join(VOLCANO + TEASERS_PT) + "\n"
    assert read_as_teasers(text, TEASERS_PT) == ["story.teaser_language"] * 2
    assert cleaner.clean(text, extracted="never").split("\n\n") == VOLCANO
    # Without the reading in their own language (a ratio no language reaches) they are
    # still a row of teasers (``story.teaser_row``); without either reading they are
    # dropped lines, and no story.
    assert teaser_rules(text, TEASERS_PT, own_language_ratio=100.0) == ["story.teaser_row"] * 2
    assert len(cleaner.split(text, extracted="never", own_language_ratio=100.0, story_teaser_row=99)) == 1


def test_a_teaser_title_above_a_share_row_is_its_title():
    title = "Biblioteca municipal abre aos domingos"
    text = "\n\n".join(VOLCANO + [title, "Facebook Twitter Whatsapp", TEASERS_PT[1]]) + "\n"
    articles = cleaner.split(text, extracted="never")
    assert [(a.kind, a.title) for a in articles] == [("full", None), ("teaser", title)]


def test_a_short_headline_above_a_teaser_that_names_it_is_its_title():
    # A headline shorter than `Options.story_teaser_title_words` right above a teaser is
    # its title when it names it (a capital first, a content word of the teaser in it); a
    # link label of the page there ("More news", "Full results") names nothing the teaser
    # says and is no title; nor is the same line in lower case.
    for sep in ("\n\n", "\n"):
        for above, title in (("Biblioteca municipal", "Biblioteca municipal"), ("Mais notícias", None),
                             ("Resultados completos", None)):
            text = sep.join(VOLCANO + [TEASERS_PT[0], above, TEASERS_PT[1]]) + "\n"
            articles = cleaner.split(text, extracted="never")
            assert [(a.kind, a.title) for a in articles] == [("full", None), ("teaser", None), ("teaser", title)]
            if title is not None:  # none without the rule
                off = cleaner.split(text, extracted="never", story_teaser_named_title_words=99)
                assert [a.title for a in off] == [None, None, None]
    text = "\n\n".join(VOLCANO + [TEASERS_PT[0], "biblioteca municipal", TEASERS_PT[1]]) + "\n"
    assert [a.title for a in cleaner.split(text, extracted="never")] == [None, None, None]


TEASERS_EN = [
    "Storms flooded the coastal road overnight and the ferry to the island was cancelled until the "
    "harbour walls have been inspected by the port engineers, who said the work could take",
    "The orchard festival returns to the village green this autumn with cider presses, a brass band "
    "and a market of local growers selling apples and pears from",
]


def test_a_short_title_kept_between_two_teasers_is_the_second_one_s_title():
    # A short headline between two teasers is kept as a heading between body lines; right
    # after a teaser and naming the next one it is that teaser's title, as it is when the
    # line stands dropped in the gap: the teaser does not go as the page's text after a
    # row (or, one line a block, into the story above), read against its own title.
    title = "Orchard festival returns"
    for sep in ("\n\n", "\n"):
        text = sep.join(VOLCANO + [TEASERS_EN[0], title, TEASERS_EN[1]]) + "\n"
        articles = cleaner.split(text, extracted="never")
        assert [(a.kind, a.title) for a in articles] == [("full", None), ("teaser", None), ("teaser", title)]
        assert TEASERS_EN[1] not in cleaner.clean(text)
        # a short headline that names nothing the teaser says stays no title
        other = sep.join(VOLCANO + [TEASERS_EN[0], "Weather warnings", TEASERS_EN[1]]) + "\n"
        assert [a.title for a in cleaner.split(other, extracted="never")][2:] == [None]


#: A third teaser under its own title.
LIBRARY = ["Library opens longer at weekends",
           "Council members voted on Tuesday to extend the opening hours of the public library on weekends, "
           "after a petition signed by more than two thousand residents asked for longer hours and more"]


@pytest.mark.parametrize("mark", ["- ", "15. "], ids=["bulleted", "numbered"])
@pytest.mark.parametrize("sep", ["\n\n", "\n"], ids=["blank lines", "one newline"])
def test_a_teaser_that_opens_like_a_list_item_goes_on_with_the_row(mark, sep):
    # Right after a teaser, a long line cut mid-sentence is the next teaser though its
    # page's text opens with a bullet or a number; before, it went as the page's text
    # after a row (or, one line a block, into the main story's text).
    text = sep.join(VOLCANO + [TEASERS_EN[0], mark + TEASERS_EN[1]]) + "\n"
    assert [a.kind for a in cleaner.split(text, extracted="never")] == ["full", "teaser", "teaser"]
    assert TEASERS_EN[1] not in cleaner.clean(text)
    # counterexample: under another item of a list, it is the list going on
    listed = sep.join(VOLCANO + [TEASERS_EN[0], "14. The first item of a list set into the page.",
                                 mark + TEASERS_EN[1]]) + "\n"
    assert [a.kind for a in cleaner.split(listed, extracted="never")] == ["full", "teaser"]
    # under a title of its own in a row of teasers too
    titled = sep.join(VOLCANO + TEASERS_EN + [LIBRARY[0], mark + LIBRARY[1]]) + "\n"
    assert [(a.kind, a.title) for a in cleaner.split(titled, extracted="never")][1:] == \
        [("teaser", None), ("teaser", None), ("teaser", LIBRARY[0])]
    assert LIBRARY[1] not in cleaner.clean(titled)


def test_a_headline_above_a_sentence_the_catalogue_dropped_is_no_title_of_the_teaser_below():
    # A date between a teaser's title and its text is part of the card; a disclosure the
    # catalogue drops as a sentence is the page's, so the headline above it (the last of
    # a list of links) is not the teaser's title.
    title = "Biblioteca municipal abre aos domingos"
    dated = "\n\n".join(VOLCANO + [title, "November 18, 2019", TEASERS_PT[1]]) + "\n"
    assert [(a.kind, a.title) for a in cleaner.split(dated, extracted="never")] == [("full", None), ("teaser", title)]
    disclosed = "\n\n".join(VOLCANO + [title, "We use affiliate links on this site.", TEASERS_PT[1]]) + "\n"
    assert [(a.kind, a.title) for a in cleaner.split(disclosed, extracted="never")] == [("full", None), ("teaser", None)]


def test_a_teaser_under_a_question_for_a_title_is_a_teaser_with_that_title():
    # A headline may be a question: right above a line cut mid-sentence it is that
    # teaser's title, as a story's own headline is, and the teaser is no text of the
    # story before it.
    question = "Why do swallows come back to the coast so early this year?"
    for sep in ("\n\n", "\n"):
        text = sep.join(VOLCANO + [question, TEASERS[1]]) + "\n"
        assert [(a.kind, a.title) for a in cleaner.split(text, extracted="never")] == \
            [("full", None), ("teaser", question)]
        assert cleaner.clean(text, extracted="never").split(sep) == VOLCANO


@pytest.mark.xfail(strict=True, reason="in a page's dump, the text after a row of teasers is read as the "
                                       "page's tail: a full story under its own title after a teaser goes "
                                       "back into the story before the row")
@pytest.mark.parametrize("sep", ["\n\n", "\n"])
def test_a_titled_story_after_a_teaser_is_a_story_of_its_own(sep):
    title = "Young chess player wins the national championship"
    text = sep.join(VOLCANO + [TEASERS[1], title] + CHESS) + "\n"
    assert [(a.kind, a.title) for a in cleaner.split(text, extracted="never")] == \
        [("full", None), ("teaser", None), ("full", title)]


def test_a_teaser_under_a_long_title_in_title_case_is_a_teaser_with_that_title():
    # A title written in title case, longer than a headline (`Options.heading_max_words`),
    # right above a line cut mid-sentence is that teaser's title: the row of teasers goes
    # on through it, and the title is not read as text before the teaser.
    long = ("Swallows Return To The Coast Three Weeks Early As Mild Winter And Southerly Winds Push The First "
            "Flocks North")
    assert len(long.split()) > cleaner.Options().heading_max_words
    for sep in ("\n\n", "\n"):
        text = sep.join(VOLCANO + [TEASERS[0], long, TEASERS[1]]) + "\n"
        articles = cleaner.split(text, extracted="never")
        assert [(a.kind, a.title) for a in articles] == [("full", None), ("teaser", None), ("teaser", long)]
        assert cleaner.clean(text, extracted="never").split(sep) == VOLCANO
    # The same title in sentence case is no title: the teaser stands alone, under none.
    plain = long[0] + long[1:].lower()
    text = "\n\n".join(VOLCANO + [TEASERS[0], plain, TEASERS[1]]) + "\n"
    assert all(a.title != plain for a in cleaner.split(text, extracted="never"))


def test_a_teaser_on_the_story_s_subject_under_its_own_title_in_a_row_is_a_teaser():
    # A line cut mid-sentence that shares the story's words (a related story on the same
    # subject) is a teaser when it stands under a headline of its own and another teaser
    # follows it: the row starts there.  Without its own title, or without a teaser after
    # it, it stays a line of the story above.
    title = "Villagers return to the island after the eruption"
    same = ("Villagers evacuated from the slopes of the volcano returned by ferry to the island on Monday, where "
            "ash still covered the roads, the fields and the roofs of the houses that the lava had")
    text = "\n\n".join(VOLCANO + SHARE_ROW[:2] + [title, same, TEASERS[1]]) + "\n"
    articles = cleaner.split(text, extracted="never")
    assert [(a.kind, a.title) for a in articles] == [("full", None), ("teaser", title), ("teaser", None)]
    assert cleaner.clean(text, extracted="never").split("\n\n") == VOLCANO
    for parts in ([same, TEASERS[1]], [title, same]):
        text = "\n\n".join(VOLCANO + SHARE_ROW[:2] + parts) + "\n"
        assert not any(same in a.text for a in cleaner.split(text, extracted="never") if a.kind == "teaser")


STEPS = [
    "1. Fill a large canner with water and set it to simmer while you wash the jars and the lids in hot soapy water.",
    "2. Core, peel and cube the pears and put them in a heavy pot with the juice of one lemon and the spices.",
    "3. Add the honey and boil the fruit until it is thick enough to stick to the back of a wooden spoon.",
    "4. Ladle the jam into the warm jars, wipe the rims clean, put on the lids and boil the jars for ten minutes.",
]


def test_a_numbered_list_after_its_heading_opens_no_story():
    # Numbered steps under their heading, after the dropped items of a list: a list goes
    # on, as it does with bullets, and no story opens at its first item.
    lists = ["Ingredients", "* 4 ripe pears", "* 1 lemon", "* 1 tsp cinnamon", "* 1 cup honey", "Instructions"]
    for steps in (STEPS, ["* " + step[3:] for step in STEPS]):
        for sep in ("\n\n", "\n"):
            text = sep.join(VOLCANO + lists + steps) + "\n"
            assert len(cleaner.split(text, extracted="never")) == 1, (steps[0], sep)


def test_a_numbered_item_cut_mid_sentence_is_no_teaser():
    # The last item of a numbered list, cut off, is a list item, not a teaser of another
    # story, whatever its words.
    steps = ["1. Keep the windows of your house closed and stay indoors while the ash is falling.",
             "2. Children and older people with asthma or heart problems should see a doctor before they travel by "
             "road to the port towns, and pharmacists"]
    for sep in ("\n\n", "\n"):
        articles = cleaner.split(sep.join(VOLCANO + steps) + "\n", extracted="never")
        assert [a.kind for a in articles] == ["full"], sep


def test_a_teaser_with_only_the_items_of_a_list_after_it_is_the_last_line():
    # A line cut mid-sentence after the story, followed only by the kept items of a list
    # (the page's), reads as the last line: a teaser when its words differ from the story's.
    for items in (STEPS[:2], ["* " + step[3:] for step in STEPS[:2]]):
        for sep in ("\n\n", "\n"):
            text = sep.join(VOLCANO + [TEASERS[0]] + items) + "\n"
            articles = cleaner.split(text, extracted="never")
            assert [(a.kind, a.text) for a in articles][1:] == [("teaser", TEASERS[0])], (items[0], sep)
    # a kept paragraph after it: not the last line, and no other teaser follows
    closing = ("The observatory will publish a new report on the eruption on Friday, after its scientists have "
               "flown over the crater again.")
    text = "\n\n".join(VOLCANO + [TEASERS[0]] + STEPS[:2] + [closing]) + "\n"
    assert [a.kind for a in cleaner.split(text, extracted="never")] == ["full"]


def test_pooled_family_figures_are_the_mean_over_seeds():
    """`multiarticle.pooled_figures` scores a family over several draws of its dumps: one
    seed gives that seed's figures, two the mean of both."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import multiarticle
    finally:
        sys.path.pop(0)
    try:
        pages = multiarticle.load_pages()
    except FileNotFoundError:
        pytest.skip("ScrapingHub development pages not present")
    family = next(f for f in multiarticle.FAMILIES if f.name == "untitled")
    one = multiarticle.family_figures(pages, family, seed=1, parts=("tune",))["tune"]
    two = multiarticle.family_figures(pages, family, seed=2, parts=("tune",))["tune"]
    assert one["boundary_f1"] != two["boundary_f1"]  # the seeds draw different dumps
    assert multiarticle.pooled_figures(pages, family, seeds=(1,))["tune"] == one
    pooled = multiarticle.pooled_figures(pages, family, seeds=(1, 2))["tune"]
    for name in ("boundary_f1", "pk", "windowdiff", "clean_f1"):
        assert pooled[name] == pytest.approx((one[name] + two[name]) / 2)
    assert pooled["dumps"] == one["dumps"] + two["dumps"]


#: Two stories an extractor's output might join: a council's harbour budget, then a rare
#: orchid; and a section of the first under a subheading that goes on with its words.
JOINED_BUDGET = [
    "The city council approved the new budget for the harbour district on Tuesday evening after a long debate.",
    "Council members argued for hours about the harbour repairs and the cost of the new ferry terminal.",
    "The mayor said the harbour budget would fund dredging, new piers and a safer ferry terminal for commuters.",
    "Opposition councillors warned that the harbour plan left little money for schools and libraries next year.",
    "The budget now goes to the regional authority, which must approve the harbour spending before summer.",
]
JOINED_ORCHID = [
    "Researchers in the mountains have found a rare orchid species that botanists believed had vanished decades ago.",
    "The small purple flowers grow on steep limestone slopes where few hikers ever climb during spring.",
    "Botanists from the university photographed dozens of plants and collected seeds for the national seed bank.",
    "The orchid depends on a single kind of fungus in the soil, which makes it hard to grow in gardens.",
    "Conservation groups hope the discovery will help protect the remote slopes from new logging roads.",
]
JOINED_SECTION = [
    "The mayor said the harbour budget would also fund new ferry services for commuters in winter.",
    "Council members said the harbour terminal repairs would start before summer if the budget passed.",
]


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_in_extractor_output_a_title_over_a_section_that_shares_nothing_above_opens_a_story(sep):
    title = "Rare orchid found on remote mountain slopes"
    text = sep.join(JOINED_BUDGET + [title] + JOINED_ORCHID) + "\n"
    got = cleaner.split(text, extracted="always")
    assert [a.text.split(sep)[0] for a in got] == [JOINED_BUDGET[0], title]
    # without the test of the section's words, the title is a subheading: topic only
    assert len(cleaner.split(text, extracted="always", story_extracted_fresh_cosine=0.0)) == 1
    # a subheading whose section goes on with the words above opens no story
    sub = sep.join(JOINED_BUDGET + ["Ferry services and terminal repairs"] + JOINED_SECTION) + "\n"
    assert len(cleaner.split(sub, extracted="always")) == 1


def test_a_short_story_between_two_others_is_found_by_reading_each_story_again():
    # A long article, a line the page drops, a short story of three paragraphs, then a
    # long one with no head: the first reading's windows reach from the short story into
    # the next, so only the second seam is chosen; read again on its own words, the
    # first story's stretch shows where the short one starts.
    text = "\n\n".join(VOLCANO + SHELTERS + ["Advertisement"] + CHESS[:3] + CORALS) + "\n"
    firsts = [VOLCANO[0], CHESS[0], CORALS[0]]
    assert [a.text.split("\n\n")[0] for a in cleaner.split(text, extracted="never")] == firsts
    once = cleaner.split(text, extracted="never", story_refine_paragraphs=0)
    assert [a.text.split("\n\n")[0] for a in once] == [VOLCANO[0], CORALS[0]]
    # a story of fewer paragraphs than story_refine_paragraphs is not split off so
    again = cleaner.split(text, extracted="never", story_refine_paragraphs=4)
    assert [a.text.split("\n\n")[0] for a in again] == [VOLCANO[0], CORALS[0]]


def test_reading_a_story_again_splits_off_no_opening_shorter_than_what_follows_it():
    # A stretch whose first three paragraphs differ in words from the long text after
    # them, up to a chosen boundary: an article's opening may differ in words from its
    # body, so the second reading leaves the stretch whole; the same paragraphs after a
    # text longer than them (a short story appended) are split off.
    from cleaner.options import Options
    from cleaner.stories.boundaries import body_words, refined
    from cleaner.stories.evidence import gap_evidence, topic_profile

    def read_again(parts: list[list[str]]) -> list[str]:
        r, lines, kept = _read("\n\n".join(line for part in parts for line in [*part, "Advertisement"]) + "\n")
        last = next(c for c, i in enumerate(kept) if lines[i].text == parts[-1][0])
        o = Options()
        chosen = [gap_evidence(r, kept, last, o=o)]
        got = refined(r, kept, topic_profile(r, kept), chosen, body_words(r, kept), 0, len(kept), o, None, {}, None)
        return [lines[kept[g.c]].text for g in got]

    assert read_again([CHESS[:3], VOLCANO + SHELTERS, CORALS]) == [CORALS[0]]
    assert read_again([VOLCANO + SHELTERS, CHESS[:3], CORALS]) == [CHESS[0], CORALS[0]]


def test_halves_reads_all_the_words_either_side_of_each_gap():
    from cleaner.options import Options
    from cleaner.stories.boundaries import halves

    r, _, body = _read("\n\n".join(VOLCANO + CHESS) + "\n")
    cos, depth = halves(r, body, Options(story_min_after_words=10))
    assert cos[0] is None and cos[len(VOLCANO)] == min(x for x in cos if x is not None)
    assert cos[len(VOLCANO)] == r.cohesion.cosine_of(body[:len(VOLCANO)], body[len(VOLCANO):])
    assert depth[len(VOLCANO)] == max(depth) > 0


def test_the_core_counts_the_marks_that_end_a_sentence_or_a_clause_as_the_pattern_did():
    # The pattern the count replaced: a run of marks before a space or the line's end, a
    # full-width mark anywhere.
    import re

    pattern = re.compile("[.!?\u2026,;:\u060c\u061b\u061f\u0589\u0964\u0965\u1362-\u1364\u17d4\u17d5"
                         "\u104a\u104b\u0f0d]+(?=\\s|$)|[\u3001\u3002\uff01\uff0c\uff1a\uff1b\uff1f]")
    lines = ["It costs 3.5 dollars at 10 a.m. sharp, they said; twice!",
             "Really?! Yes\u2026 no.. maybe,no.x end.",
             "\u4eca\u5929\u5929\u6c14\u5f88\u597d\u3002\u6211\u4eec\u53bb\u516c\u56ed\uff0c\u597d\u5417\uff1f",
             "\u0647\u0630\u0627 \u0646\u0635\u060c \u0648\u0647\u0630\u0627 \u0622\u062e\u0631\u061f",
             "Home News Sport Weather Contact Login Register",
             "A mark before a no-break space.\u00a0Then: one more:"]
    r, read, _ = _read("\n\n".join(lines) + "\n")
    counted = [i for i, line in enumerate(read) if line.text]
    assert len(counted) == len(lines)
    for i in counted:
        assert r.core.clause_marks([i]) == len(pattern.findall(r.lines[i].text)), r.lines[i].text
    assert r.core.clause_marks(counted) == sum(len(pattern.findall(r.lines[i].text)) for i in counted) > 10


def test_a_line_s_language_is_guessed_once_per_document(monkeypatch):
    from cleaner.language import guess_language
    from cleaner.stories import evidence

    r, _, body = _read("\n\n".join(VOLCANO) + "\n")
    asked = []
    monkeypatch.setattr(evidence, "guess_language", lambda text: asked.append(text) or guess_language(text))
    assert [r.language(i) for i in body] == [guess_language(r.lines[i].text) for i in body] == ["en"] * len(body)
    assert [r.language(i) for i in body] == ["en"] * len(body) and len(asked) == len(body)


def test_halves_counted_in_one_pass_are_those_counted_afresh_at_each_gap():
    # The compiled core moves each paragraph from one side to the other; the figures are
    # those of both sides counted afresh, to the last bit (`x ** 0.5` of the product).
    from cleaner.options import Options
    from cleaner.stories.boundaries import halves

    r, _, body = _read("\n\n".join(VOLCANO + CHESS + SHELTERS) + "\n")
    least = 10
    cos, _ = halves(r, body, Options(story_min_after_words=least))
    side = [r.cohesion.counts(body, 0, 1, t, 1 << 30, 1 << 30) for t in range(len(body) + 1)]
    every = side[-1]
    expected: list[float | None] = [None]
    for t in range(1, len(body)):
        before = side[t]
        after = {w: k - before.get(w, 0) for w, k in every.items() if k > before.get(w, 0)}
        dot = sum(k * before.get(w, 0) for w, k in after.items())
        norms = sum(k * k for k in before.values()) * sum(k * k for k in after.values())
        enough = sum(before.values()) >= least and sum(after.values()) >= least
        expected.append(dot / norms ** 0.5 if enough else None)
    assert cos == expected and sum(x is not None for x in cos) > 3


def test_a_last_paragraph_in_another_language_is_a_story_of_its_own():
    # One paragraph after a story, with nothing between them: a change of topic alone
    # does not cut it off, a change of language with it (another page's text) does.
    other = ("Die Stadtverwaltung hat am Dienstag beschlossen, die Bibliothek im alten Rathaus im kommenden "
             "Jahr zu renovieren, nachdem die Bürger sich lange über die engen Räume und die schlechte "
             "Beleuchtung beschwert hatten, und die Arbeiten sollen im Frühjahr beginnen und bis zum Herbst "
             "dauern, so dass die Leser während dieser Zeit in eine Schule ausweichen müssen, die nur wenige "
             "Minuten vom Markt entfernt liegt und genug Platz für alle Bücher hat.")
    text = "\n\n".join(VOLCANO + CHESS + [other]) + "\n"
    firsts = [a.text.split("\n\n")[0] for a in cleaner.split(text, extracted="never")]
    assert firsts == [VOLCANO[0], CHESS[0], other]
    alone = cleaner.split(text, extracted="never", story_language_weight=0.0)
    assert [a.text.split("\n\n")[0] for a in alone] == [VOLCANO[0], CHESS[0]]


def test_reading_a_story_again_keeps_no_two_boundaries_fewer_paragraphs_apart_than_a_story_needs(monkeypatch):
    # Two gaps chosen on the second reading one paragraph apart would leave a story of one
    # paragraph between them: the one with more evidence stands.
    from cleaner.options import Options
    from cleaner.stories import boundaries
    from cleaner.stories.evidence import gap_evidence, topic_profile

    parts = [VOLCANO + SHELTERS, CHESS[:3], CORALS]
    r, lines, kept = _read("\n\n".join(line for part in parts for line in [*part, "Advertisement"]) + "\n")
    at = {text: c for c, i in enumerate(kept) for text in [lines[i].text]}
    o = Options()
    chosen = [gap_evidence(r, kept, at[CORALS[0]], o=o)]
    first, second = (gap_evidence(r, kept, at[CHESS[k]], o=o) for k in (0, 1))
    for scores, kept_text in (((5.0, 4.0), CHESS[0]), ((4.0, 5.0), CHESS[1])):
        pair = [first._replace(score=scores[0]), second._replace(score=scores[1])]
        monkeypatch.setattr(boundaries, "choose", lambda gaps, *a, pair=pair, **k: pair if gaps else [])
        got = boundaries.refined(r, kept, topic_profile(r, kept), chosen, boundaries.body_words(r, kept), 0,
                                 len(kept), o, None, {}, None)
        assert [lines[kept[g.c]].text for g in got] == [kept_text, CORALS[0]]


# --------------------------------------------------------------------------- the main story's title in a dump

_MENU = ["Home", "World", "Science", "Weather"]


def test_the_page_headline_above_a_dump_s_text_is_the_main_story_s_title():
    # A headline too long for a heading, a share row and a caption credit between it and
    # the text: the nearest line above that names the story is its title.
    headline = ("Volcano on the northern island erupts again as lava flows towards the sea and "
                "thousands of villagers are evacuated")
    text = "\n\n".join(_MENU + [headline, "Share Tweet Email", "Photo: Island Observatory"] + VOLCANO) + "\n"
    analysis = cleaner.analyze(text, extracted="never")
    assert analysis.articles[0].title == headline
    assert cleaner.clean(text, extracted="never") == cleaner.clean(text, extracted="never", keep_title="never")


def test_a_share_row_between_the_page_headline_and_the_text_is_passed_over():
    # a row of a dozen share buttons (dropped by the catalogue) does not count in the
    # lines above the text searched for its title
    headline = "Volcano on the northern island erupts again"
    share = ["* Facebook", "* Twitter", "* Pinterest", "* LinkedIn", "* Reddit", "* WhatsApp"] * 2
    text = "\n".join(_MENU + [headline, "By Jane Doe"] + share + [""] + VOLCANO) + "\n"
    assert cleaner.analyze(text, extracted="never").articles[0].title == headline


def test_a_line_above_the_text_that_names_other_things_or_is_a_list_item_is_no_title():
    for above in ("Chess club opens a new hall for young players downtown",  # no word of the story
                  "* Volcano erupts again on the northern island",  # a list item
                  "3. Volcano erupts again on the northern island",  # a numbered one
                  "the volcano erupts again on the northern island"):  # not capitalised
        text = "\n\n".join(_MENU + [above, "Share Tweet Email"] + VOLCANO) + "\n"
        assert cleaner.analyze(text, extracted="never").articles[0].title is None, above


LISTICLE_INTRO = ("Rainy weekends need not be dull. We asked parents across the country which games and "
                  "crafts kept their children busy for hours, and collected the answers that came up again "
                  "and again in our survey.")
LISTICLE = [
    ("Build a blanket fort in the living room", [
        "Chairs, sofa cushions and every blanket in the house become a castle with towers and a secret "
        "tunnel. Children decide where the gate goes, which room is the kitchen and who guards the drawbridge.",
        "Martha Jennings from Leeds says her twins kept their fort standing for four days. Torches, comics "
        "and a tin of biscuits turned it into a reading den that nobody wanted to leave."]),
    ("Bake bread together in the kitchen", [
        "Flour, water, salt and yeast are all a loaf needs, and kneading dough is hard work that small hands "
        "enjoy. While it rises there is time to shape rolls, plait a braid or press seeds into the crust.",
        "Oliver Grant, a baker in Bristol, recommends a slow overnight rise in the fridge. The crust turns "
        "darker, the crumb opens up and the warm slices vanish with butter and honey."]),
    ("Plant a window garden on the sill", [
        "Cress, radishes and basil grow on any sunny sill in old yoghurt pots filled with compost. Seeds "
        "sprout within days, so impatient gardeners see green shoots quickly and measure them with a ruler.",
        "Priya Raman in Glasgow labels each pot with painted lolly sticks. Her son waters the seedlings "
        "every morning and keeps a diary of their height in centimetres."]),
    ("Stage a puppet theatre show", [
        "Old socks, buttons and wool make puppets with personalities of their own, and a cardboard box with "
        "a cut-out window becomes the stage. Scripts can be written or invented on the spot.",
        "Tomasz Nowak, who runs workshops in Cardiff, suggests tickets drawn by hand. Grandparents on a "
        "video call make a patient audience and laugh at every joke."]),
]


def _listicle(mark, dated=False) -> str:
    parts = [LISTICLE_INTRO]
    for k, (heading, paragraphs) in enumerate(LISTICLE, 1):
        parts += [mark(k) + heading, *([f"March {k}, 2021"] if dated else []), *paragraphs]
    return "\n\n".join(parts) + "\n"


@pytest.mark.parametrize("mark", [lambda k: f"#{k} ", lambda k: f"{k}. ", lambda k: f"{k}\n\n"],
                         ids=["hash", "full stop", "number alone"])
def test_no_story_opens_between_an_article_s_numbered_sections(mark):
    # Each section of a listicle names other people and things under a headline of its
    # own: read without the numbers, the sections are stories; numbered, they are one.
    text = _listicle(mark)
    assert len(cleaner.split(text, extracted="never", story_item_reach=0)) > 1
    assert len(cleaner.split(text, extracted="never")) == 1
    assert len(cleaner.split(_listicle(lambda k: ""), extracted="never")) > 1


def test_numbered_comments_with_dates_are_no_sections():
    # A comment thread numbers its comments too, but a date stands under each number:
    # the numbers say nothing of the stories, which are read as without them.
    text = _listicle(lambda k: f"{k}. ", dated=True)
    plain = cleaner.split(text, extracted="never", story_item_reach=0)
    assert len(plain) > 1
    assert [a.text for a in cleaner.split(text, extracted="never")] == [a.text for a in plain]


def test_the_next_story_s_opening_paragraph_above_its_gap_opens_it():
    # A page's dump: the next story's first paragraph (no title) sits above the share row
    # and its related-posts heading, where the boundary is chosen; it names the text below
    # the gap, not the text above, and goes with it.
    text = "\n\n".join(BUDGET + CORALS[:1] + SHARE_ROW + CORALS[1:]) + "\n"
    assert _openings(text, story_settle_cohesion=1.0) == [BUDGET[0], CORALS[0]]
    assert _openings(text, story_settle_cohesion=1.0, story_reach_up_lines=0) == [BUDGET[0], CORALS[1]]


def test_a_story_left_too_short_keeps_the_paragraph_the_next_would_reach_up_for():
    # The lead under a one-paragraph story shares the next story's words, but giving it
    # away would leave the story above under a story's words: the start stays at the gap.
    lead = "Biologists report an unusual find in deep water."
    text = "\n\n".join(BUDGET[:1] + [lead] + SHARE_ROW + CORALS) + "\n"
    assert _openings(text, story_settle_cohesion=1.0, story_reach_up_lines=3) == [BUDGET[0], CORALS[0]]
    longer = "\n\n".join(BUDGET[:2] + [lead] + SHARE_ROW + CORALS) + "\n"
    assert _openings(longer, story_settle_cohesion=1.0, story_reach_up_lines=3) == [BUDGET[0], lead]
