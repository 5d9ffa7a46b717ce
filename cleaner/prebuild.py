"""Refresh the catalogue's prebuilt cache (`cleaner.gatecache`) after editing a catalogue::

    python -m cleaner.prebuild

It loads and checks every rule of the package's catalogue as a process without the cache
would, works out each one's gate, and writes ``cleaner/patterns/_prebuilt.json``.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from . import catalogue, gatecache


def main() -> None:
    root = Path(str(resources.files("cleaner") / "patterns"))
    path = root / gatecache.FILE_NAME
    path.unlink(missing_ok=True)  # every rule checked and analysed afresh
    catalogue._prebuilt.cache_clear()
    catalogue.load_rules.cache_clear()
    content = catalogue.prebuilt_content(catalogue.load_directory(root))
    # One rule a line, in key order: a catalogue edit changes few lines of the file.
    rows = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False, sort_keys=True)}"
            for k, v in sorted(content["rules"].items())]
    path.write_text("{\"stamp\": %s, \"rules\": {\n%s\n}}\n" % (
        json.dumps(content["stamp"]), ",\n".join(rows)), encoding="utf-8")
    print(f"{path}: {len(content['rules'])} rules")


if __name__ == "__main__":
    main()
