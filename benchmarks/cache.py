"""A small on-disk cache for expensive, deterministic intermediate results.

Text dumps (inscriptis) and extracts (trafilatura) of a page never change for a given page
and library version, so they are computed once and kept in a directory, one JSON file per
entry.  The key is a hash of what the result depends on: the kind of result, the library
and its version, the call's parameters and the page's own hash.

The directory is ``$CLEANER_BENCH_CACHE``, by default ``.cache/cleaner-benchmarks`` in the
checkout (git ignores it), so a test run writes nothing outside the checkout.
Writes are atomic (write to a temporary file, then rename), so several runs may share it.
Nothing here is used for timing: speed figures always time fresh calls.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Callable


#: The default cache directory: ``.cache/cleaner-benchmarks`` at the top of the checkout.
CHECKOUT_CACHE = Path(__file__).resolve().parents[1] / ".cache" / "cleaner-benchmarks"


def default_dir() -> Path:
    """``$CLEANER_BENCH_CACHE`` when set, else `CHECKOUT_CACHE`."""
    return Path(os.environ.get("CLEANER_BENCH_CACHE") or CHECKOUT_CACHE)


def digest(data: str | bytes) -> str:
    """sha256 hex digest of bytes, or of a string's UTF-8 encoding."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


class DiskCache:
    """``get_or_compute(kind, parts, compute)``: the stored value for ``(kind, parts)`` or
    ``compute()``, stored.  Values are stored as JSON (strings or ``None``).

    ``enabled=False`` computes every time and stores nothing.
    """

    def __init__(self, directory: str | Path | None = None, enabled: bool = True):
        self.directory = Path(directory) if directory else default_dir()
        self.enabled = enabled
        self.hits = 0
        self.misses = 0

    def path(self, kind: str, parts: tuple) -> Path:
        key = digest(json.dumps([kind, *parts], sort_keys=True, default=str))
        return self.directory / kind / f"{key}.json"

    def get_or_compute(self, kind: str, parts: tuple, compute: Callable[[], object]):
        if not self.enabled:
            return compute()
        path = self.path(kind, parts)
        try:
            with open(path, encoding="utf-8") as f:
                value = json.load(f)["value"]
            self.hits += 1
            return value
        except Exception:  # missing, partial or stale entry: compute it again  # noqa: BLE001
            pass
        value = compute()
        self.misses += 1
        self._store(path, value)
        return value

    def _store(self, path: Path, value) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"value": value}, f, ensure_ascii=False)
            os.replace(tmp, path)
        except (OSError, TypeError, ValueError):
            # a read-only or full disk, or a value JSON cannot hold, only costs speed
            try:
                os.unlink(tmp)
            except (OSError, UnboundLocalError):
                pass
