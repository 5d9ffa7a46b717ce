"""A gallery under one label (`cleaner.stories.teasers.gallery`): captions cut
mid-sentence, each under the same label line ("The news of the week in pictures" above
each photo's date and caption), are the entries of one gallery, one story, not a teaser of
another story each; teasers under headlines of their own stay a teaser each."""

import cleaner

BODY = ("The town council voted on Tuesday to rebuild the old harbour wall, which storms had "
        "damaged twice in the past year, and to pay for the work from its reserve fund. ")
CAPTIONS = [
    "Shoppers queue outside a furniture store in the north. They came out in their hundreds on a "
    "cold morning after the government announced that new rules for shops and cafes would come "
    "into force for the whole of the winter",
    "A rare giant spider crab is moved into the sale room. The auction house, which has sold "
    "animals from the sea for more than a century, holds a charity sale of the catch from the "
    "northern coast on Friday",
    "Students protest in the rain against the planned rise in fees. They marched from the station "
    "to the university library in the capital, where speakers from the union and the staff "
    "addressed a crowd of several hundred",
    "A member of staff pours a drink in a crowded pub. It is the last evening before the new "
    "curfew comes into force across the city, and the owners say they expect to lose half of "
    "their trade in the weeks ahead",
]
HEADLINES = ["Furniture stores brace for a long winter of new rules",
             "Auction house puts a giant spider crab up for sale",
             "Students march against the planned rise in their fees",
             "Pubs fill up on the last evening before the curfew"]


def _dump(titles: list[str]) -> str:
    parts = ["Harbour wall to be rebuilt", "", BODY * 3, "", BODY.replace("Tuesday", "Monday") * 2, ""]
    for n, (title, caption) in enumerate(zip(titles, CAPTIONS), 1):
        parts += [title, "", f"{n} March 2024", "", caption, "", "Photo agency", ""]
    return "\n".join(parts)


def test_captions_under_one_label_are_one_gallery():
    articles = cleaner.split(_dump(["The news of the week in pictures"] * 4))
    assert [a.kind for a in articles] == ["full", "teaser"]
    assert all(caption[:40] in articles[1].text for caption in CAPTIONS)
    assert cleaner.clean(_dump(["The news of the week in pictures"] * 4)).startswith("The town council")


def test_the_label_reads_its_numbers_as_one():
    titles = [f"Photo {n}/4: the news of the week in pictures" for n in range(1, 5)]
    assert [a.kind for a in cleaner.split(_dump(titles))] == ["full", "teaser"]


def test_teasers_under_headlines_of_their_own_stay_apart():
    articles = cleaner.split(_dump(HEADLINES))
    assert [a.kind for a in articles] == ["full"] + ["teaser"] * 4
    assert [a.title for a in articles[1:]] == HEADLINES


def test_turned_off_each_caption_is_a_teaser():
    articles = cleaner.split(_dump(["The news of the week in pictures"] * 4), story_label_repeats=0)
    assert [a.kind for a in articles] == ["full"] + ["teaser"] * 4
