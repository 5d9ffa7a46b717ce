"""Refresh the catalogue's prebuilt cache (`cleaner.gatecache`) after editing a catalogue::

    python -m cleaner.prebuild

It loads and checks every rule of the package's catalogue as a process without the cache
would, works out each one's gate, parses each catalogue file, and writes
``cleaner/patterns/_prebuilt.json``.
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
    catalogue._prebuilt_cache.cache_clear()
    catalogue.load_rules.cache_clear()
    texts = [p.read_text(encoding="utf-8") for d in catalogue._language_dirs(root)
             for p in sorted(d.glob("*.toml"))]
    content = catalogue.prebuilt_content(catalogue.load_directory(root), texts)
    # One rule (one file) a line, in key order: a catalogue edit changes few lines.
    parts = {name: ",\n".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False, sort_keys=True)}"
                               for k, v in sorted(content[name].items()))
             for name in ("rules", "files")}
    path.write_text("{\"stamp\": %s, \"rules\": {\n%s\n}, \"files\": {\n%s\n}}\n" % (
        json.dumps(content["stamp"]), parts["rules"], parts["files"]), encoding="utf-8")
    print(f"{path}: {len(content['rules'])} rules, {len(content['files'])} files")


if __name__ == "__main__":
    main()
