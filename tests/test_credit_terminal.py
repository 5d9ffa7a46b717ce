"""A sentence followed by its credit ("... for life. © AFP") still ends like a sentence:
the core's terminal test (`cleaner.features.measure`, rust/src/features.rs) reads the
line's end before a trailing credit, a copyright sign and a few capitalised words."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.features import measure
from cleaner.language import stopwords

from . import oracle

SENTENCE = "The club will ban the men from its games for life."


@pytest.mark.parametrize("credit", ["© AFP", "©AFP", "© Getty Images", "© AFP 2024", "© 2024 Reuters",
                                    "© Jean-Paul Martin", "\u00a0© AFP"])
def test_a_sentence_with_a_trailing_credit_ends_like_a_sentence(credit):
    f = measure(f"{SENTENCE} {credit}", "en")
    assert f.terminal and not f.cut
    quoted = measure(f"“{SENTENCE}” {credit}", "en")
    assert quoted.terminal and not quoted.cut


@pytest.mark.parametrize("line", [
    f"{SENTENCE[:-1]} © AFP",                        # no stop before the credit
    f"{SENTENCE} © 2024",                            # no capital: a year, not a credit
    f"{SENTENCE} © some agency",                     # not capitalised
    f"{SENTENCE} © Agence France Presse Photo",      # too long for a credit
    "© AFP",                                         # a credit alone
    "Photo © AFP",
    f"{SENTENCE} © AFP, with others",
])
def test_other_lines_with_a_copyright_sign_are_read_as_before(line):
    assert not measure(line, "en").terminal


@pytest.mark.parametrize("line", [
    f"{SENTENCE} © AFP", f"“{SENTENCE}” © Getty Images", f"{SENTENCE} © 2024", "© AFP", "Photo © AFP",
    f"{SENTENCE}… © AFP", f"Le club bannira les hommes à vie, {SENTENCE[:9]} © AFP", f"{SENTENCE} © Ünal 2024",
])
def test_the_core_reads_credits_as_the_oracle_does(line):
    for language in ("en", "fr", None):
        assert tuple(measure(line, language)) == oracle.measure(line, stopwords(language)), line


def test_a_last_paragraph_ending_in_a_credit_stays_with_its_story():
    doc = ("Football club bans fans after attack\n\n"
           "The football club said on Monday that it had identified the five men who attacked a "
           "steward during the match on Saturday evening.\n\n"
           "The men were arrested by the police after the game and will appear before a judge in "
           "the city next month, a spokesman for the police said.\n\n"
           f"{SENTENCE} © AFP\n")
    assert cleaner.clean(doc).endswith(f"{SENTENCE} © AFP")
