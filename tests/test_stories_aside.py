"""A line that closes with a bracketed aside (an agency's initials, a note's number) has
ended what it says: no teaser cut mid-sentence (`cleaner.stories.teasers.closes_aside`,
`Options.story_teaser_aside_words`).  Invented text (the volcano story of `test_stories`)."""

from __future__ import annotations

import sys
from pathlib import Path

import cleaner

sys.path.insert(0, str(Path(__file__).parent))
from test_stories import VOLCANO  # noqa: E402

# The article's last paragraph, on other words than the lines before it, signed with the
# agency's initials in brackets after its last sentence.
SIGNED = ("Readers who want to help the families can give money to the relief fund of the island, which buys masks "
          "and blankets and pays for the buses, and whose volunteers will meet again on Monday. (ap)")
# The same words cut mid-sentence: another story's teaser.
CUT = ("Readers who want to help the families can give money to the relief fund of the island, which buys masks "
       "and blankets and pays for the buses, and whose volunteers said on Monday that")
# A long bracketed clause after the last sentence: no aside, still a teaser.
LONG = ("Readers who want to help the families can give money to the relief fund of the island, which buys masks "
        "and blankets and pays for the buses. (The fund opened in March and its volunteers work in three towns)")
# A bracket right after a word, no sentence ended before it: cut mid-sentence.
NAMED = ("Readers who want to help the families can give money to the relief fund of the island, which buys masks "
         "and blankets and pays for the buses and the food (three buses a day)")


def _kinds(lines: list[str], **options) -> list[str]:
    return [a.kind for a in cleaner.split("\n\n".join(lines) + "\n", extracted="never", **options)]


def test_a_paragraph_signed_in_brackets_is_no_teaser():
    assert _kinds(VOLCANO + [SIGNED]) == ["full"]
    text = "\n\n".join(VOLCANO + [SIGNED]) + "\n"
    signed = next(v for v in cleaner.analyze(text, extracted="never").verdicts if v.line.text == SIGNED)
    assert signed.story == 0
    # without the test the line is read as cut mid-sentence: another story's teaser
    assert _kinds(VOLCANO + [SIGNED], story_teaser_aside_words=0) == ["full", "teaser"]


def test_a_line_cut_mid_sentence_stays_a_teaser():
    assert _kinds(VOLCANO + [CUT]) == ["full", "teaser"]
    # a bracketed clause longer than an aside does not end the line
    assert _kinds(VOLCANO + [LONG]) == ["full", "teaser"]
    assert _kinds(VOLCANO + [LONG], story_teaser_aside_words=20) == ["full"]
    assert _kinds(VOLCANO + [NAMED]) == ["full", "teaser"]


def test_the_aside_is_read_past_by_the_story_stage_not_by_the_features():
    """`Features.cut` stays as measured (context-free, reported by the analysis, read so by
    the captions and the dropped teasers); the teaser scan and a teaser's story read the
    line as ended through one helper, `signed_off`."""
    from types import SimpleNamespace

    from cleaner.features import measure
    from cleaner.options import Options
    from cleaner.stories.teasers import signed_off

    lines = [SIGNED, CUT, LONG]
    r = SimpleNamespace(feats=[measure(t, "en") for t in lines], text=lines.__getitem__)
    assert all(f.cut for f in r.feats)  # measured as cut mid-sentence, all three
    assert [signed_off(r, i, Options()) for i in range(3)] == [True, False, False]
    assert not signed_off(r, 0, Options(story_teaser_aside_words=0))
