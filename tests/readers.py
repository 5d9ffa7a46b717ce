"""The story readers `cleaner.analyze` makes, caught for the tests that ask them questions."""

from __future__ import annotations

import cleaner


def story_readers(monkeypatch, texts) -> list:
    """The `cleaner.stories.evidence.Reader` made while analysing each of ``texts``, in order."""
    from cleaner.stories import evidence

    readers = []
    made = evidence.Reader

    def keep(*args, **kwargs):
        readers.append(made(*args, **kwargs))
        return readers[-1]

    monkeypatch.setattr("cleaner.stories.Reader", keep)
    for text in texts:
        cleaner.analyze(text)
    monkeypatch.undo()
    return readers
