"""The tasks of the fresh 2-worker pools of `benchmarks.speed` (a module of its own, so
that a worker imports nothing but what its task needs: `cleaner` or trafilatura, imported
by the first task each worker runs, which is what a worker started for a job pays)."""

from __future__ import annotations

import importlib


def nothing(item) -> int:
    """No work: what a fresh worker costs before any library (the interpreter, the
    pool's own start, the items' transfer): the floor under both pools."""
    return len(item)


def clean_dump(text: str) -> int:
    """`cleaner.clean` of a text dump."""
    return len(importlib.import_module("cleaner").clean(text, html="never"))


def trafilatura_html(markup) -> int:
    """``trafilatura.extract`` of a page's HTML."""
    return len(importlib.import_module("trafilatura").extract(markup) or "")
