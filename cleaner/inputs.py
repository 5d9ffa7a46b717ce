"""What the command line reads: input paths, and whether they are JSON Lines.

`expand_inputs` turns the command's INPUT arguments into the list of paths to read, in
order (directories walked recursively, sorted, filtered by ``--glob``); a path that does
not exist stays in the list, so that it is reported when its turn comes and the run goes
on with the others.  `jsonl_mode` decides whether the inputs are JSON Lines: ``--jsonl`` /
``--no-jsonl`` when given, else whether the input files are named ``*.jsonl`` or
``*.jsonl.gz``.  `looks_like_jsonl` tells a document read whole that is JSON Lines all the
same (standard input, a file named otherwise), so that its records are not cleaned as one
page's lines.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import sys

#: File names read as JSON Lines unless ``--no-jsonl`` is given.
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
#: A document read whole is JSON Lines when its first lines, up to this many non-blank
#: ones, are each a JSON object.
JSONL_SNIFF_LINES = 3


class UsageError(Exception):
    """Bad arguments: reported in one line, exit status 2."""


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(directory: str, patterns: list[str]) -> list[str]:
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        for name in sorted(files):
            if not _hidden(name) and any(fnmatch.fnmatch(name, pat) for pat in patterns):
                found.append(os.path.join(root, name))
    return found


def expand_inputs(inputs: list[str], globs: list[str] | None) -> list[str]:
    """Paths in order: files as given (missing ones too: they are reported when read),
    directories walked recursively (sorted) and filtered by ``globs``; ``-`` stays."""
    if not inputs:
        return ["-"]
    if globs and not any(item != "-" and os.path.isdir(item) for item in inputs):
        raise UsageError("--glob picks files in the directories given, and no INPUT is a "
                         "directory: name the directory, or leave --glob out")
    patterns = globs or ["*"]
    paths: list[str] = []
    for item in inputs:
        if item != "-" and os.path.isdir(item):
            found = _walk(item, patterns)
            if not found:
                print(f"cleaner: {item}: no files" + (f" matching {' or '.join(patterns)}"
                      if globs else ""), file=sys.stderr)
            paths.extend(found)
        else:
            paths.append(item)
    if paths.count("-") > 1:
        raise UsageError("standard input ('-') can be read only once")
    return paths


def is_jsonl_name(path: str) -> bool:
    """Is ``path`` named as JSON Lines (`JSONL_SUFFIXES`, any case)?"""
    return path.lower().endswith(JSONL_SUFFIXES)


def jsonl_mode(explicit: bool | None, paths: list[str]) -> bool:
    """Whether the inputs are JSON Lines: ``explicit`` when given, else whether every
    input is a file named ``*.jsonl`` or ``*.jsonl.gz``.  A mix of such files and other
    inputs is a `UsageError`: reading a JSONL file as one document would lose its records."""
    if explicit is not None:
        return explicit
    named = [p for p in paths if p != "-" and is_jsonl_name(p)]
    if named and len(named) < len(paths):
        other = next(p for p in paths if p == "-" or not is_jsonl_name(p))
        raise UsageError(
            f"{named[0]} is JSON Lines (by its name) but {other if other != '-' else 'standard input'} "
            "is not: give --jsonl to read every input as JSON Lines, or --no-jsonl to read "
            "each as one document")
    return bool(named)


#: What JSON Lines opens with: an optional UTF-8 byte-order mark, ASCII whitespace, "{".
_JSONL_OPENING = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\n\r\x0b\x0c]*\{")


def looks_like_jsonl(data: bytes) -> bool:
    """Whether ``data`` starts as JSON Lines: its first `JSONL_SNIFF_LINES` non-blank lines
    (fewer when it has fewer) are each a JSON object.

    >>> looks_like_jsonl(b'{"text": "a page"}\\n{"text": "another"}\\n')
    True
    >>> looks_like_jsonl(b'{"a": 1}\\nThe minister arrived on Tuesday.')
    False
    """
    opening = _JSONL_OPENING.match(data)  # read in place: no copy of a long document
    if opening is None:
        return False
    seen, start = 0, opening.end() - 1
    while seen < JSONL_SNIFF_LINES and start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        line, start = data[start:end].strip(), end + 1
        if not line:
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            return False
        if not isinstance(record, dict):
            return False
        seen += 1
    return seen > 0


def check_terminal(inputs: list[str], stdin) -> None:
    """No INPUT and standard input is a terminal: say how to give input instead of
    waiting silently for a document to be typed."""
    if not inputs and stdin.isatty():
        raise UsageError(
            "no input: name files or directories (cleaner clean page.html), or pipe a "
            "document in (curl -s URL | cleaner clean); '-' reads what you type, up to Ctrl-D")
