"""A line that ends with a dash leaving its sentence open is cut off mid-sentence
(`cleaner.features.measure`, rust/src/features.rs): a word broken at its hyphen, or an
aside opened after a word in lower case; a dash after a capitalised word closes a
signature ("- Name -") and leaves the line as it was."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.features import measure
from cleaner.language import stopwords

from . import oracle

OPEN = "Der Verein wird in der neuen Saison auf gleich zwei ehemalige Nationalspieler zurückgreifen können"


@pytest.mark.parametrize("end", [" –", " —", " -", "–", "—"])
def test_a_line_ending_in_an_open_dash_is_cut(end):
    assert measure(OPEN + end, "de").cut


def test_a_word_broken_at_its_hyphen_is_cut():
    assert measure("Die Männer hatten am Vormittag oben am Hang ein halbes Dutzend Ski-", "de").cut


@pytest.mark.parametrize("line", [
    "Our search for perfection never ends, and it never will end for any of us. - Ben Wilson -",
    "The club will ban the men from its games for life and the police will look into it 2024 -",
    "Short line ending –",
])
def test_other_lines_ending_in_a_dash_are_not_cut(line):
    assert not measure(line, "en").cut


@pytest.mark.parametrize("line", [OPEN + " –", OPEN + "–", "Ein halbes Dutzend Männer kam am Vormittag oben am Hang mit ihren Ski-",
                                  "Our search for perfection never ends, and it never will end for any of us. - Ben Wilson -"])
def test_the_core_reads_dashes_as_the_oracle_does(line):
    for language in ("de", "en", None):
        assert tuple(measure(line, language)) == oracle.measure(line, stopwords(language)), line


def test_a_teaser_ending_in_a_dash_is_a_story_of_its_own():
    main = ("Die Stadt plant einen neuen Radweg entlang des Flusses, der im kommenden Jahr fertig sein soll. "
            "Der Gemeinderat hat dem Vorhaben am Dienstag mit großer Mehrheit zugestimmt.")
    more = ("Die Kosten für den Radweg belaufen sich nach Angaben der Verwaltung auf rund zwei Millionen Euro. "
            "Ein Teil davon wird vom Land getragen, den Rest zahlt die Stadt aus eigenen Mitteln.")
    teaser = ("Im Hafen der Nachbarstadt haben Taucher am Wochenende ein altes Segelschiff entdeckt, das vor "
              "mehr als hundert Jahren bei einem Sturm gesunken sein soll und dessen Ladung bis heute")
    doc = f"Neuer Radweg am Fluss\n\n{main}\n\n{more}\n\n{teaser} –\n"
    a = cleaner.analyze(doc)
    assert [art.kind for art in a.articles] == ["full", "teaser"]
