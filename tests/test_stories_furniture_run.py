"""A story of text an extractor wrote one block a line, cut again below a run of the next
page's furniture (`cleaner.stories.furniture.after_run`): joined extracts set the next
page's menu, breadcrumbs or tags, kept as short list items, between two articles."""

import cleaner

GARDEN = [
    "The community garden on the east side opened its gates to volunteers on Saturday morning.",
    "Volunteers planted tomatoes, beans and squash along the raised beds near the fence.",
    "Local growers brought seedlings and compost from their own allotments to share.",
    "The garden committee plans a weekly rota so that every bed is watered in the dry months.",
    "Children from the nearby school painted labels for each row of vegetables and herbs.",
    "Organisers hope the harvest in autumn will supply the food bank with fresh produce.",
    "Anyone who wants a plot can sign up at the shed beside the orchard gate.",
]
HARBOUR = [
    "Two container cranes returned to the northern quay after a winter of repairs at the shipyard.",
    "Port engineers replaced the steel cables and the control cabins of both machines.",
    "Shipping lines had diverted several vessels to other terminals while the quay stood idle.",
    "The harbour authority expects cargo volumes to recover before the summer season.",
    "Dock workers welcomed the return of the cranes after months of reduced shifts.",
    "A third crane is scheduled for the same overhaul once the spring storms have passed.",
    "Freight forwarders said delays at the terminal had already begun to ease this week.",
]
MENU = ["* News", "* Business", "* Transport"]
TITLE = "Cranes back on the northern quay after repairs"


def dump(first=GARDEN, run=MENU, later=HARBOUR, title=TITLE) -> str:
    """Two articles' extracts joined one block a line, the later page's lines between."""
    return "\n".join([*first, *run, title, *later]) + "\n"


def starts(text: str, **options) -> list[str]:
    """The first line of each story `split` finds in ``text`` read as an extractor's."""
    return [a.text.splitlines()[0] for a in cleaner.split(text, extracted="always", **options)]


def test_a_run_of_the_next_pages_menu_cuts_two_articles():
    got = cleaner.split(dump(), extracted="always")
    assert len(got) == 2
    assert got[1].text.splitlines()[:2] == [TITLE, HARBOUR[0]]  # the story starts at its title
    assert got[1].title == TITLE
    assert all(line not in got[0].text for line in HARBOUR)


def test_without_the_run_rule_the_articles_stay_one():
    assert len(starts(dump(), story_run_lines=0)) == 1


def test_an_article_going_on_with_its_words_is_not_cut():
    more = [line.replace("Volunteers", "Garden volunteers") for line in GARDEN]
    assert len(starts(dump(later=more, title="More from the garden beds and the allotments"))) == 1


def test_a_numbered_list_is_the_articles_own():
    steps = ["1. Sign up", "2. Collect tools", "3. Plant"]
    assert len(starts(dump(run=steps))) == 1


def test_a_story_of_few_paragraphs_after_the_run_is_no_article():
    assert len(starts(dump(later=HARBOUR[:5]))) == 1
    assert len(starts(dump(later=HARBOUR[:5]), story_run_paragraphs=5)) == 2


def test_a_story_of_few_paragraphs_before_the_run_is_no_article():
    assert len(starts(dump(first=GARDEN[:5]))) == 1
    assert len(starts(dump(first=GARDEN[:5]), story_run_paragraphs=5)) == 2


def test_the_run_needs_enough_short_lines():
    assert len(starts(dump(), story_run_lines=5)) == 1
