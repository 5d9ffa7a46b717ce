"""The catalogue's prebuilt cache: what loading a rule works out, worked out once.

Reading a catalogue file parses its TOML (tens of milliseconds for a language's files);
the cache holds each shipped file's parsed content, keyed by a digest of the file's text
(`file_key`), so a process parses only a file that differs from the one shipped (a
user's edit: its digest changes and it is parsed as without the cache).  Loading a rule checks that its pattern compiles and does not match the empty string, and a
matcher needs each rule's gate (`cleaner.prefilter.gate`, checked against the rule's
examples).  Both cost milliseconds per rule (parsing and compiling ~300 patterns took over
a second); `cleaner/patterns/_prebuilt.json` ships them for the package's own catalogue.

An entry is keyed by everything it depends on in the rule (pattern, case flag, word-count
guards, examples); the file as a whole counts only for the Python and Unicode versions and the gate analysis (`cleaner/prefilter.py`, `fold.py`, `pattern_syntax.py`) it was built with (its ``stamp``).
A rule without a valid entry (a user's own rule, one edited since) is checked and analysed
when loaded, as without the cache.  Refresh it after editing a catalogue::

    python -m cleaner.prebuild
"""

from __future__ import annotations

import hashlib
import json
import sys
import unicodedata
from importlib import resources
from pathlib import Path

from . import fold, pattern_syntax, prefilter
from .prefilter import Gate

#: The file, inside the package's catalogue folder (not a language folder: the loader skips it).
FILE_NAME = "_prebuilt.json"
_FORMAT = 1


def stamp(extra: str = "") -> str:
    """What the whole cache depends on besides its rules (``extra``: the caller's own
    constants that shape a checked gate)."""
    analysis = b"".join(Path(m.__file__).read_bytes() for m in (prefilter, fold, pattern_syntax))
    # Gates rest on Python's parser and case folding (its Unicode version), not on
    # `regex`'s version: the rule's own pattern always decides.
    parts = [str(_FORMAT), "%d.%d" % sys.version_info[:2], unicodedata.unidata_version,
             hashlib.sha256(analysis).hexdigest(), extra]
    return "|".join(parts)


def rule_key(pattern: str, case_sensitive: bool, min_words: int, max_words: int | None,
             examples: tuple[str, ...]) -> str:
    """The key of a rule's entry: a digest of what its checks and gate depend on.

    >>> len(rule_key("^share$", False, 0, 2, ("Share",)))
    24
    """
    blob = json.dumps([pattern, case_sensitive, min_words, max_words, list(examples)],
                      ensure_ascii=False)
    return hashlib.blake2b(blob.encode("utf-8"), digest_size=12).hexdigest()


def file_key(text: str) -> str:
    """The key of a catalogue file's parsed content: a digest of the file's text.

    >>> len(file_key('[[rules]]'))
    24
    """
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def gate_to_json(g: Gate | None) -> dict | None:
    if g is None:
        return None
    sets = {k: sorted(v) if v is not None else None
            for k, v in (("prefixes", g.prefixes), ("suffixes", g.suffixes), ("literals", g.literals))}
    return {**sets, "anchored": g.anchored, "digits": g.digits}


def gate_from_json(data: dict | None) -> Gate | None:
    if data is None:
        return None
    sets = {k: frozenset(data[k]) if data[k] is not None else None
            for k in ("prefixes", "suffixes", "literals")}
    return Gate(**sets, anchored=data["anchored"], digits=data["digits"])


def load(extra: str = "") -> dict[str, dict]:
    """The shipped cache, or an empty dict when there is none or it was built for
    something else: ``"rules"``, key -> entry (``{"gate": ...}``: the rule passed the
    loader's checks, and its checked gate, ``None`` when it runs ungated); ``"files"``,
    `file_key` -> the file's parsed TOML (what `tomllib.loads` returns for it)."""
    path = resources.files("cleaner") / "patterns" / FILE_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("stamp") != stamp(extra):
        return {}
    return data


def build(rules, checked_gate, files: dict[str, dict], extra: str = "") -> dict:
    """The cache's content for ``rules`` (validated by the loader; each with a ``key``
    from `rule_key`), with ``checked_gate(rule)`` giving each one's gate, and for
    ``files`` (`file_key` -> parsed TOML) those whose content JSON keeps as it is."""
    entries = {r.key: {"id": r.id, "gate": gate_to_json(checked_gate(r))} for r in rules}
    kept = {k: v for k, v in files.items() if json.loads(json.dumps(v)) == v}
    return {"stamp": stamp(extra), "rules": dict(sorted(entries.items())),
            "files": dict(sorted(kept.items()))}
