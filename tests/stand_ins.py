"""Stand-ins for failures the tests of the ways in provoke: a core panic, a failing record."""

from __future__ import annotations


class PanicException(BaseException):
    """As pyo3 raises for a panic of the compiled core: no `Exception`."""


def failing_on(real, error: BaseException, seen: list | None = None, marker: str = "boom"):
    """`real` (an ``analyze``) that raises ``error`` on the document ``marker`` and reads
    every other as `real` does, noting each document it is given in ``seen``."""
    def stand_in(document, options, **overrides):
        if seen is not None:
            seen.append(document)
        if document == marker:
            raise error
        return real(document, options, **overrides)
    return stand_in
