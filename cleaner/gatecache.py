"""The catalogue's prebuilt cache: what loading a catalogue works out, worked out once.

``cleaner/patterns/_prebuilt/<language>.json`` holds it for each language folder of the
package's own catalogue; a process reads the files of the languages it meets, as it loads
their catalogues.  It holds:

- each catalogue file's parsed TOML (parsing a language's files costs tens of
  milliseconds), keyed by a digest of the file's text (`file_key`): a file that differs
  from the one shipped (a user's edit) is parsed as without the cache;
- for each rule, that its pattern passed the loader's checks (it compiles and does not
  match the empty string): compiling it costs milliseconds;
- each rule's compiled pattern (`compiled_form`: what `regex`'s parser hands its C core,
  ``regex._regex.compile``, its program packed: `form_text`), so a rule a line needs is
  compiled without parsing its pattern (a large alternation costs milliseconds to parse,
  tens of microseconds this way).  That form is `regex`'s own: it is used only under the
  `regex` version that made it (`REGEX`); without it a pattern compiles as usual.

Beside each, ``_prebuilt/<language>.gates.json`` holds each rule's gate
(`cleaner.prefilter.gate`, checked against the rule's examples: milliseconds a rule), read
only where a matcher's gates are worked out from its rules (`load_gates`): a process whose
matchers take their inputs from the files below never reads it (its thousands of strings
were half the cost of reading a language's cache).

Beside them, ``_prebuilt/matcher.<folders>.json`` holds what the core's gates of the
package's matchers (`cleaner.catalogue.matcher`: ``all`` folders, or ``common+en`` and
``common+en+<language>``) are built from, `cleaner.catalogue.Matcher._inputs` (reading
each rule's gate and gathering the strings of the rules cost a fresh process tens of
milliseconds), keyed by a digest of the matcher's rules' keys in order and of the code
that works them out: a matcher of other rules (an edited catalogue) works them out from its
rules.  The core reads such a file whole (`inputs_blob`, `cleaner._core.Gates.cached`):
handing it thousands of strings and lists as Python objects cost more than building them.

A rule's entry is keyed by everything it depends on in the rule (pattern, case flag,
word-count guards, examples); a file as a whole counts only for the Python and Unicode
versions and the gate analysis (`cleaner/prefilter.py`, `fold.py`, `pattern_syntax.py`)
it was built with (its ``stamp``).  A rule without a valid entry (a user's own rule, one
edited since) is checked and analysed when loaded, as without the cache.  Refresh it
after editing a catalogue::

    python -m cleaner.prebuild
"""

from __future__ import annotations

import base64
import functools
import json
import os
import struct
import sys
import unicodedata
import zlib

import regex
import regex._regex

from . import fold, pattern_syntax, prefilter
from .prefilter import Gate

try:  # `hashlib`'s own BLAKE2b, without `hashlib` loading OpenSSL for its other digests
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

#: The package's catalogue folder (a path, as text: `pathlib` costs a process a few
#: milliseconds to import).
PATTERNS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "patterns")
#: The cache's folder, inside the package's catalogue folder (the loader skips it: it
#: starts with ``_``): ``<language>.json`` and ``<language>.gates.json`` a language
#: folder, ``matcher.<folders>.json`` a matcher of the package, ``story_heads.json``.
FOLDER = "_prebuilt"
_FORMAT = 3
#: What a compiled form (`compiled_form`) is valid for.
REGEX = f"regex {regex.__version__}"


@functools.lru_cache(maxsize=None)
def stamp(extra: str = "") -> str:
    """What the whole cache depends on besides its rules (``extra``: the caller's own
    constants that shape a checked gate); worked out once a process (it reads and digests
    the analysis's source files, and each language's cache asks for it)."""
    analysis = b"".join(read(m.__file__, "rb") for m in (prefilter, fold, pattern_syntax))
    # Gates rest on Python's parser and case folding (its Unicode version), not on
    # `regex`'s version: the rule's own pattern always decides.
    parts = [str(_FORMAT), "%d.%d" % sys.version_info[:2], unicodedata.unidata_version,
             blake2b(analysis).hexdigest(), extra]
    return "|".join(parts)


def rule_key(pattern: str, case_sensitive: bool, min_words: int, max_words: int | None,
             examples: tuple[str, ...]) -> str:
    """The key of a rule's entry: a digest of what its checks and gate depend on.

    >>> len(rule_key("^share$", False, 0, 2, ("Share",)))
    24
    """
    return _digest(json.dumps([pattern, case_sensitive, min_words, max_words, list(examples)],
                              ensure_ascii=False))


def file_key(text: str) -> str:
    """The key of a catalogue file's parsed content: a digest of the file's text.

    >>> len(file_key('[[rules]]'))
    24
    """
    return _digest(text)


def _digest(text: str) -> str:
    """The cache's key of ``text``: 24 hex digits of its BLAKE2b digest."""
    return blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def read(path, mode: str = "r"):
    r"""A file's text (UTF-8, line ends read as Python's text mode reads them), or its bytes
    (``mode="rb"``): how the catalogue, its cache and `cleaner.prebuild` read their files.
    The text is decoded at once, not as a text-mode file decodes it (piece by piece, which
    costs more than twice as long on a large file with characters beyond Latin-1).

    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     name = os.path.join(folder, "f.toml")
    ...     with open(name, "wb") as f:
    ...         _ = f.write("a\r\nb\rc\n\u00e9\u8a9e".encode())
    ...     read(name) == open(name, encoding="utf-8").read() == "a\nb\nc\n\u00e9\u8a9e"
    True
    """
    with open(path, "rb") as f:
        data = f.read()
    if "b" in mode:
        return data
    text = data.decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def compiled_form(pattern: str, flags: int) -> str | None:
    """What `regex` compiles ``pattern`` into: the arguments its parser hands its C core,
    as text (`form_text`); ``None`` when they hold what that text does not keep (named
    groups or lists, a locale)."""
    core, seen = regex._regex, []
    original = core.compile
    core.compile = lambda *args: seen.append(args) or original(*args)
    try:
        regex.compile(pattern, flags, cache_pattern=False)
    finally:
        core.compile = original
    if len(seen) != 1:
        return None
    (_, flags, code, group_index, index_group, named_lists, named_list_indexes, req_offset,
     req_chars, req_flags, group_count) = seen[0]
    if group_index or index_group or named_lists or named_list_indexes or flags & regex.LOCALE:
        return None
    return form_text([int(flags), code, req_offset, list(req_chars), int(req_flags), group_count])


def form_text(parts: list) -> str | None:
    """A compiled form's text: its parts ``[flags, program, req_offset, req_chars,
    req_flags, group_count]`` as JSON, the program (a list of 32-bit numbers, most of a
    form) packed as little-endian words, compressed and in base64: decoding it costs a
    third of reading the numbers as JSON, and it is a third of their size.  ``None`` for a
    program with a number out of range.

    >>> form_parts(form_text([1, [74, 3, 99, 98, 97], 0, [], 0, 0]))
    [1, [74, 3, 99, 98, 97], 0, [], 0, 0]
    """
    flags, code, *rest = parts
    if not all(0 <= n < 1 << 32 for n in code):
        return None
    packed = zlib.compress(struct.pack(f"<{len(code)}I", *code), 9)
    return json.dumps([flags, base64.b64encode(packed).decode("ascii"), *rest], separators=(",", ":"))


def form_parts(form: str) -> list:
    """The parts of a compiled form's text (`form_text`)."""
    flags, packed, *rest = json.loads(form)
    words = zlib.decompress(base64.b64decode(packed))
    return [flags, list(struct.unpack(f"<{len(words) // 4}I", words)), *rest]


def from_compiled_form(pattern: str, form: str) -> regex.Pattern:
    """The compiled pattern whose `compiled_form` is ``form``, made without parsing
    ``pattern`` (the same object `regex.compile` makes; only for the `REGEX` that made
    ``form``)."""
    flags, code, req_offset, req_chars, req_flags, group_count = form_parts(form)
    return regex._regex.compile(pattern, flags, code, {}, {}, {}, [], req_offset,
                                tuple(req_chars), req_flags, group_count)


def gate_to_json(g: Gate | None) -> dict | None:
    """A `Gate` as the cache writes it (its string sets sorted); ``None`` for no gate."""
    if g is None:
        return None
    sets = {k: sorted(v) if v is not None else None
            for k, v in (("prefixes", g.prefixes), ("suffixes", g.suffixes), ("literals", g.literals))}
    return {**sets, "anchored": g.anchored, "digits": g.digits}


def gate_from_json(data: dict | None) -> Gate | None:
    """The `Gate` `gate_to_json` wrote; ``None`` for no gate."""
    if data is None:
        return None
    sets = {k: frozenset(data[k]) if data[k] is not None else None
            for k in ("prefixes", "suffixes", "literals")}
    return Gate(**sets, anchored=data["anchored"], digits=data["digits"])


def path(language: str):
    """The cache file of one language folder of the package's catalogue."""
    return os.path.join(PATTERNS, FOLDER, f"{language}.json")


def load(language: str, extra: str = "") -> dict[str, dict]:
    """The shipped cache of one language folder, or an empty dict when there is none or
    it was built for something else: ``"rules"``, key -> entry (``{"id": ..., "code":
    ...}``: the rule passed the loader's checks); ``"files"``, `file_key` -> the file's
    parsed TOML (what `tomllib.loads` returns for it); ``"regex"``, the `REGEX` its rules'
    compiled forms (their entries' ``"code"``) are for."""
    data = read_json(path(language))
    return data if data.get("stamp") == stamp(extra) else {}


def gates_path(language: str):
    """The file of the checked gates of one language folder's rules."""
    return path(f"{language}.gates")


def load_gates(language: str, extra: str = "") -> dict[str, dict | None]:
    """The checked gates of one language folder's rules in the shipped cache (key -> gate as
    `gate_to_json` writes it, ``None`` for a rule that runs ungated), or an empty dict when
    there is none or it was built for something else."""
    data = read_json(gates_path(language))
    gates = data.get("gates") if data.get("stamp") == stamp(extra) else None
    return gates if isinstance(gates, dict) else {}


def load_inputs(name: str, key: str) -> dict | None:
    """The inputs of a matcher (`cleaner.catalogue.Matcher`) in the cache file
    ``matcher.<name>.json`` if it holds them for ``key`` (a digest of the matcher's rules
    and of the code that works inputs out), else ``None``."""
    data = read_json(path(f"matcher.{name}"))
    return data.get("inputs") if data.get("key") == key else None


def inputs_blob(name: str) -> bytes:
    """The bytes of the cache file ``matcher.<name>.json`` (empty when there is none): the
    core reads them whole (`cleaner._core.Gates.cached`, which checks their key)."""
    try:
        return read(path(f"matcher.{name}"), "rb")
    except OSError:
        return b""


def read_json(file) -> dict:
    """A cache file's content, whatever it was built for (empty when there is none or it
    is not a JSON object)."""
    try:
        data = json.loads(read(file))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def parse_toml(text: str) -> dict:
    """``tomllib.loads(text)``.  The parser is imported when a first file is not in the
    cache (or when the cache is built): a process that finds every file there never
    imports it."""
    import tomllib

    return tomllib.loads(text)


#: The cache of the story finder's words (`cleaner.stories.evidence._head_words`).
HEADS = "story_heads"


def cached_toml(name: str) -> dict:
    """The package's ``patterns/<name>.toml`` (a file outside the catalogue's language
    folders), parsed: taken from ``_prebuilt/<name>.json`` when that holds the file's text
    as it is (`file_key`), else parsed."""
    text = read(os.path.join(PATTERNS, f"{name}.toml"))
    parsed = read_json(path(name)).get("files", {}).get(file_key(text))
    return parsed if parsed is not None else parse_toml(text)


def build_toml(name: str) -> dict:
    """The content of ``_prebuilt/<name>.json`` for `cached_toml`."""
    text = read(os.path.join(PATTERNS, f"{name}.toml"))
    return {"files": {file_key(text): parse_toml(text)}}


def build(rules, checked_gate, files: dict[str, dict], extra: str = "") -> tuple[dict, dict]:
    """The cache's content for ``rules`` (validated by the loader; each with a ``key``
    from `rule_key` and its `regex` ``flags``) and for ``files`` (`file_key` -> parsed TOML)
    those whose content JSON keeps as it is; and the content of its gates file
    (`load_gates`), with ``checked_gate(rule)`` giving each rule's gate."""
    entries = {r.key: {"id": r.id, "code": compiled_form(r.pattern, r.flags)} for r in rules}
    gates = {r.key: gate_to_json(checked_gate(r)) for r in rules}
    kept = {k: v for k, v in files.items() if json.loads(json.dumps(v)) == v}
    return ({"stamp": stamp(extra), "regex": REGEX, "rules": dict(sorted(entries.items())),
             "files": dict(sorted(kept.items()))},
            {"stamp": stamp(extra), "gates": dict(sorted(gates.items()))})
