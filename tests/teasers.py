"""Reading a row of teasers after a story in a page's dump, shared by the story tests."""

from __future__ import annotations

import cleaner


def teaser_rules(text: str, teasers: list[str], **options) -> list[str]:
    """The final rule of each line of ``text`` (a page's dump) that is one of ``teasers``,
    in document order; ``options`` are overrides for `cleaner.analyze`."""
    verdicts = cleaner.analyze(text, extracted="never", **options).verdicts
    return [v.final.rule for v in verdicts if v.line.text in teasers]


def read_as_teasers(text: str, teasers: list[str]) -> list[str]:
    """Assert that `cleaner.split` reads ``text`` as a full story followed by one teaser per
    line of ``teasers`` (their texts in order), and return their `teaser_rules`."""
    articles = cleaner.split(text, extracted="never")
    assert [a.kind for a in articles] == ["full"] + ["teaser"] * len(teasers)
    assert [a.text for a in articles[1:]] == teasers
    return teaser_rules(text, teasers)
