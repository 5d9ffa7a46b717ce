"""The line a repeat repeats: the compiled core gives its index with each
``feature.duplicate`` decision (`cleaner.classify.classify_page`), and the refrain rule
(`cleaner.classify.weaken_short_repeats`) reads that index, not the reason's text."""

from __future__ import annotations

import random

from cleaner import classify
from cleaner.catalogue import is_pattern_rule
from cleaner.options import Options
from cleaner.segment import segment

#: Texts a document is drawn from: short and long, in several cases (ß folds to ss).
POOL = (
    "Share", "SHARE", "Weather", "Again!", "Straße gesperrt", "STRASSE GESPERRT",
    "Council approves the new budget for the village school",
    "COUNCIL APPROVES THE NEW BUDGET FOR THE VILLAGE SCHOOL",
    "The council met on Monday evening in the town hall to debate the budget.",
    "The band came back twice, and the people sang the last song on the steps.",
    "Read more", "Top stories", "12:30", "",
)


def _document(seed: int, n: int = 300):
    """A document of lines drawn from `POOL`, and a random mask of uncounted lines."""
    rng = random.Random(seed)
    lines = segment("\n".join(rng.choice(POOL) for _ in range(n)))
    uncounted = [rng.random() < 0.2 for _ in lines]
    return lines, uncounted


def _refrains(seed: int, n: int = 300):
    """A document of short lines that repeat lines a few lines above and far above."""
    rng = random.Random(seed)
    texts: list[str] = []
    for k in range(n):
        fresh = not texts or rng.random() < 0.3
        texts.append(f"Chant {k}" if fresh else rng.choice(texts[-4:] if rng.random() < 0.7 else texts))
    lines = segment("\n".join(texts))
    return lines, [rng.random() < 0.2 for _ in lines]


def _first_with(lines, i: int, uncounted) -> int | None:
    """The first line before ``i`` with its text in case folding that counts as an earlier
    line (not ``uncounted``), or None."""
    key = lines[i].text.casefold()
    return next((j for j in range(i) if not uncounted[j] and lines[j].text.casefold() == key), None)


def test_each_repeat_comes_with_the_index_of_the_first_line_with_its_text():
    for seed in range(3):
        lines, uncounted = _document(seed)
        feats, initial, repeats = classify._stage_one(lines, "en", Options(), uncounted)
        assert (feats, initial) == classify.classify_lines(lines, "en", Options(), uncounted)
        seen = 0
        for i, d in enumerate(initial):
            first = _first_with(lines, i, uncounted) if lines[i].text else None
            if d.rule == "feature.duplicate":
                seen += 1
                assert repeats[d] == first
            else:  # a line without an earlier one, or a catalogue rule's
                assert first is None or is_pattern_rule(d.rule), (i, d)
        assert seen > 50
        # one entry per line repeated (none here is judged in another language), not per repeat
        assert len(repeats) == len(set(repeats.values())) < seen


def test_a_short_repeat_near_the_line_it_repeats_is_weakened_and_a_far_one_is_not():
    options = Options()
    near, strong = options.duplicate_refrain_lines, options.duplicate_strong_words
    for seed in range(3, 6):
        lines, uncounted = _refrains(seed)
        feats, initial = classify.classify_lines(lines, "en", options, uncounted)
        _, page = classify.classify_page(lines, "en", options, uncounted)
        weakened = far = 0
        for i, (d, got) in enumerate(zip(initial, page)):
            if d.rule != "feature.duplicate":
                assert got == d
            elif feats[i].words < strong and i - _first_with(lines, i, uncounted) <= near:
                weakened += 1
                assert got.rule == "feature.short_repeat"
            else:
                far += 1
                assert got == d
        assert weakened > 10 and far > 10
