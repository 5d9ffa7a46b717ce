"""The library's error for a failure of its compiled core, raised at the public API."""

from __future__ import annotations


class CoreError(RuntimeError):
    """The compiled core panicked on a document (a bug of the library, not of the input).

    pyo3 raises a panic as ``PanicException``, which derives from ``BaseException``, so
    an ``except Exception`` would miss it; `cleaner.analyze` (and `clean`, `split`,
    `clean_html`) raise it as this ``RuntimeError`` instead, the panic as its cause.
    """


def is_core_panic(exc: BaseException) -> bool:
    """Whether ``exc`` is pyo3's ``PanicException`` (its class is not importable)."""
    return type(exc).__name__ == "PanicException"
