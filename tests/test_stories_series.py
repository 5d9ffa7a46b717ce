"""A buying guide's items (a name, a price, a "price as of <date>" line under each) are one
article: no story opens at the head of an item whose form goes on across the gap
(`cleaner.stories.series`, `Options.story_series_lines`)."""

import pytest

import cleaner
from cleaner.options import Options
from cleaner.stories.series import form, serial
from readers import story_readers

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


# -- the former reading of a series (the oracle): each head line's form counted over its windows

def _former_serial(r, kept, gaps, o):
    from cleaner.stories.evidence import body_before
    from cleaner.stories.series import form

    reach = o.story_series_lines
    if not gaps or reach <= 0:
        return gaps
    content, pos = r.content, r.pos
    n = len(content)

    def at(p):
        return form(r.text(content[p]))

    def goes_on(q, text):
        f = at(q)
        if not any(map(str.isalnum, f)):
            return 0
        up = sum(at(p) == f for p in range(max(0, q - reach), q))
        down = sum(at(p) == f for p in range(text, min(n, q + reach + 1))) if up else 0
        k = up + down + 1 if up and down else 0
        return k if any(map(str.isalpha, f)) or k >= o.story_series_items else 0

    out = []
    for g in gaps:
        before = body_before(r, kept, g.c)
        text = pos[kept[g.c]]
        top = pos[g.title] if g.title is not None else pos[before] + 1 if before >= 0 else max(0, text - reach)
        going = {at(q): k for q in range(top, text) if (k := goes_on(q, text))}
        alone = g.title is not None and any(k >= o.story_series_items for k in going.values())
        if len(going) < o.story_series_forms and not alone:
            out.append(g)
    return out


def _every_gap(r):
    """A gap at every kept position, with no title and with the kept line above as title."""
    from cleaner.stories.evidence import Gap

    kept = r.kept()
    out = []
    for c in range(1, len(kept)):
        for title in (None, kept[c - 1]):
            out.append(Gap(c, title, None, 0, 0, False, 0.0, 0.0, 0.0))
    return kept, out


def _documents():
    from pathlib import Path

    seeds = sorted((Path(__file__).parent.parent / "corpus" / "seeds").glob("*.txt"))[:6]
    guide = _guide()
    listed = "\n\n".join(f"{k}.\n\nItem number {k} of the list, with a sentence of its own about it." for k in range(1, 9))
    return [guide, guide.replace("\n\n", "\n"), listed] + [p.read_text(encoding="utf-8") for p in seeds]


@pytest.mark.parametrize("overrides", [{}, {"story_series_lines": 1}, {"story_series_lines": 3},
                                       {"story_series_lines": 40}, {"story_series_items": 1},
                                       {"story_series_items": 7}, {"story_series_forms": 1},
                                       {"story_series_forms": 3, "story_series_lines": 6}])
def test_serial_counts_as_the_former_window_count(monkeypatch, overrides):
    """The forms indexed once per document answer every gap as counting each head line's
    form over its windows did, at every kept position of a buying guide, a numbered list
    and seed documents."""
    o = Options(**overrides)
    readers = story_readers(monkeypatch, _documents())
    assert readers
    held = 0
    for r in readers:
        kept, gaps = _every_gap(r)
        got = serial(r, kept, gaps, o)
        assert got == _former_serial(r, kept, gaps, o)
        held += len(gaps) - len(got)
    assert held or o.story_series_lines < 6  # some gaps are in a series


_TRICKY = ["Price 2,99 €", "PRICE 13,50 €", "price 7 €", "Straße 12", "STRASSE 3", "strasse 44", "ＦＵＬＬ１２",
           "full9", "٣ ١٢ items", "0 0 items", "x²", "X²", "x3", "\u0345", "\u0399", "İstanbul 1", "i̇stanbul 22",
           "ΣΟΦΟΣ 1", "σοφος 2", "σοφοσ 3", "* 1", "* 22", "- 3.", "...", "—", "Ⅻ", "ⅻ", "\U0001d7ce\U0001d7cf",
           "a\U0001d7ceb", "a0b", "\ud800 lone 1", "\ud800 LONE 2", "ﬁne 1", "FINE 2", "Ǆ 1", "ǆ 2", "ǅ 3"]


@pytest.mark.parametrize("seed", range(4))
def test_the_cores_series_test_folds_as_python(seed):
    """The compiled core tells forms apart as `form` does (case folding, digits of any
    script, lone surrogates, characters whose folding is a letter though they are none)
    and reads every gap of a document of such lines, some kept and some dropped, as the
    former window count did, under several options."""
    import random

    from cleaner.stories.evidence import Gap, Reader
    from cleaner.storage import Lines
    from cleaner.types import Decision, Features, Line

    rng = random.Random(seed)
    texts = [t for t in _TRICKY for _ in range(3)]
    rng.shuffle(texts)
    source = "\n\n".join(texts)
    lines = Lines.of(source) if seed else [Line(i, 0, len(t), t, t) for i, t in enumerate(source.split("\n"))]
    feats = [Features(2, 0.0, False, False, 0.5, 0.0, 0) for _ in lines]
    body = Decision(True, "feature.prose", "body", "", "classify")
    dropped = Decision(False, "feature.no_punctuation", "boilerplate", "", "classify")
    r = Reader(lines, feats, [body if rng.random() < 0.6 else dropped for _ in lines], frozenset())
    assert [r.text(i) for i in r.content] == texts
    kept = r.kept()
    gaps = [Gap(c, title, None, 0, 0, False, 0.0, 0.0, 0.0) for c in range(1, len(kept))
            for title in (None, kept[c - 1], r.content[max(0, r.pos[kept[c]] - 2)])
            if title is None or r.pos[title] < r.pos[kept[c]]]
    held = 0
    for o in (Options(), Options(story_series_lines=3), Options(story_series_lines=40, story_series_items=2),
              Options(story_series_items=1, story_series_forms=1), Options(story_series_forms=3)):
        got = serial(r, kept, gaps, o)
        assert got == _former_serial(r, kept, gaps, o)
        held += len(gaps) - len(got)
    assert held


def test_the_series_test_reads_the_lines_in_the_core(monkeypatch):
    """The lines' forms are read by the compiled core, not line by line in Python: a
    buying guide's gaps ask for no line's text."""
    from cleaner.stories.evidence import Reader

    (read_once, *_) = story_readers(monkeypatch, [_guide()])
    r = Reader(read_once.lines, read_once.feats, read_once.d, read_once.stops, read_once.o)
    kept, gaps = _every_gap(r)
    read = []
    text = r.text
    r.text = lambda i: read.append(i) or text(i)
    got = serial(r, kept, gaps, Options())
    assert len(got) < len(gaps) and not read
    r.text = text
    assert got == _former_serial(r, kept, gaps, Options())
