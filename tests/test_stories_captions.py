"""A gallery's captions (`cleaner.stories.teasers.captions`): lines cut mid-sentence set
in an article, each with a picture's credit under it ("Getty Images", "Reuters"), are the
captions of its pictures, not a row of teasers of other stories: no story opens among
them; the same lines with no credit under them stay a teaser each."""

import cleaner

LEAD = ("The town council voted on Tuesday to rebuild the old harbour wall, which storms had "
        "damaged twice in the past year, and to pay for the work from its reserve fund. ")
REST = ("The mayor said the work would begin in the spring and last until the end of the summer, "
        "when the boats that moor in the harbour would be able to return to their old places. ")
CAPTIONS = [
    "Shoppers queue in the rain outside a furniture store in the north after the government "
    "announced that new rules for shops and cafes would come into force for the whole winter",
    "A rare giant spider crab is carried into an auction room during a preview of a sale of "
    "natural history objects that includes fossils, minerals and stuffed birds",
    "Students march through the capital against the planned rise in fees, from the station to "
    "the university library, where speakers from the union addressed the crowd",
    "A member of staff pours a drink in a crowded pub on the last evening before the curfew, as "
    "the owners say they expect to lose half of their trade in the weeks ahead",
]
CREDITS = ["Getty Images", "Reuters", "AFP", "Getty Images"]


def _dump(credits: list[str] | None) -> str:
    parts = ["Harbour wall to be rebuilt", "", LEAD * 3, "", LEAD.replace("Tuesday", "Monday") * 2, ""]
    for n, caption in enumerate(CAPTIONS):
        parts += [caption, ""] + ([credits[n], ""] if credits else [])
    return "\n".join(parts + [REST * 2, "", REST.replace("spring", "autumn") * 2, ""])


def test_captions_with_credits_open_no_story():
    articles = cleaner.split(_dump(CREDITS))
    assert [a.kind for a in articles] == ["full"]
    assert "The mayor said" in articles[0].text


def test_turned_off_each_captioned_line_is_a_teaser():
    articles = cleaner.split(_dump(CREDITS), story_caption_credits=0)
    assert [a.kind for a in articles][:2] == ["full", "teaser"]


def test_lines_with_no_credit_stay_teasers():
    assert "teaser" in [a.kind for a in cleaner.split(_dump(None))]
