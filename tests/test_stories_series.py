"""A buying guide's items (a name, a price, a "price as of <date>" line under each) are one
article: no story opens at the head of an item whose form goes on across the gap
(`cleaner.stories.series`, `Options.story_series_lines`)."""

import cleaner
from cleaner.stories.series import form

_ITEMS = [
    ("Wooden stacking rings", "The rings train the grip of small hands and teach sizes without any batteries "
     "or noise at all.", "Stacking tower made of beech wood", "19,99", "08:12"),
    ("Rainbow arch", "A rainbow of seven wooden arches becomes a tunnel, a bridge or a cradle for little figures "
     "in the game.", "Large rainbow of painted wood", "34,50", "09:40"),
    ("Sorting box", "Shapes that fit through matching holes keep toddlers busy for a long while and teach them "
     "patience.", "Sorting box with twelve shapes", "24,95", "10:05"),
    ("Threading beads", "Big beads on a thick cord train the fine motor skills that children later need for "
     "writing and drawing.", "Threading set with forty beads", "12,49", "11:30"),
    ("Balance board", "A curved board invites children to rock, climb and balance, and it turns into a slide or "
     "a bridge as well.", "Curved balance board of birch", "89,00", "12:55"),
]


def _guide() -> str:
    lines = ["Wooden toys that grow with your child", "", "By Anna Example, 2 January 2023", "",
             "Good toys need no screen and no batteries. Our editors tested wooden toys for babies and toddlers "
             "over several months and picked those that children kept coming back to, day after day, with real "
             "joy and patience.", ""]
    for k, (name, text, product, price, time) in enumerate(_ITEMS, 1):
        lines += [f"#{k} {name}", "", text, "", product, "", f"{price} € at Toyshop", "",
                  f"Price may be higher now. Price as of 02.01.2023 {time}", ""]
    lines += ["Whatever you choose, fewer toys at once are better: children play longer and more calmly with a "
              "few good things than with a room full of plastic that blinks and beeps all day long.", ""]
    return "\n".join(lines)


def test_a_series_of_priced_items_is_one_story():
    text = _guide()
    assert len(cleaner.split(text)) == 1
    # read without the series, an item's price and dated price line open a story of its own
    assert len(cleaner.split(text, story_series_lines=0)) > 1


def test_a_form_reads_digits_as_one():
    assert form("Price as of 02.01.2023 10:40") == form("price as of 3.1.2023 8:05")
    assert form("12,99 € at Toyshop") == form("3,49 € AT TOYSHOP")
    assert form("Price as of 02.01.2023") != form("Posted on 02.01.2023")
