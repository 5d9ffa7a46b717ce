"""A catalogue's numbered entries ("12 Name, the motif ...", a variant "12A ...") are one
list of one article: none is a teaser of another story and no story opens among them
(`cleaner.stories.numbered.entries`, `Options.story_entry_lines`)."""

import cleaner
from cleaner.stories.numbered import _ENTRY

_NAMES = ["ADLER Frieda", "BAUER Karl", "CRAMER Ilse", "DORN Peter", "EBERT Lotte", "FINK Anton", "GRAF Martha",
          "HAHN Otto", "IMHOF Clara", "JUNG Emil", "KELLER Rosa", "LANG Bruno"]
_MOTIFS = ["Lighthouse on a rocky coast at dusk, gulls over the waves; remarque: a sailing boat",
           "Owl on a stack of books by candlelight, a quill beside it; remarque: a crescent moon",
           "Windmill in a flat landscape under heavy clouds, cows at a fence",
           "Knight in armour reading under an oak tree; remarque: a hound asleep",
           "Harbour town seen from the hill, church towers and fishing boats",
           "Stag at the edge of a pine forest with mountains behind it; remarque: a hunter's horn",
           "Woman playing a lute in a garden of roses, a fountain behind her",
           "Ship under full sail on a stormy sea, a compass rose in the corner",
           "Old city gate with a coat of arms, a cart passing beneath it",
           "Bookshelf with globe and hourglass, an open window onto the sea",
           "Peacock on a balustrade before a palace park; printed in green",
           "Scholar at a desk with a skull and an astrolabe; remarque: a lizard"]


def _catalogue(sep: str = "\n\n") -> str:
    lines = ["Bookplates of the Art Nouveau period",
             "The collection lists the bookplates by artist, each with its motif, its printing method and size "
             "and the year it was made. Variants of a plate follow it under the same number with a letter."]
    for k, (name, motif) in enumerate(zip(_NAMES, _MOTIFS), 7):
        lines.append(f"{k} {name} {motif} {100 + k} x {80 + k} 19{k:02d}")
        if k % 2:
            lines.append(f"{k}A {name} Same motif as no. {k} / but without the remarque, printed in brown 19{k + 1:02d}")
    return sep.join(lines)


def test_a_catalogue_of_numbered_entries_is_one_story():
    for sep in ("\n\n", "\n"):
        text = _catalogue(sep)
        assert [a.kind for a in cleaner.split(text)] == ["full"]
        # read without the entries' numbering, the cut entries are teasers of other stories
        assert "teaser" in [a.kind for a in cleaner.split(text, story_entry_lines=0)]


def test_an_entry_number_is_a_number_then_a_blank():
    assert [_ENTRY.match(t) is not None for t in ("12 Ship under sail", "12A Same motif", "3.5 million", "#4 Go")] \
        == [True, True, False, False]
