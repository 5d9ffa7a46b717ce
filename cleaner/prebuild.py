"""Refresh the catalogue's prebuilt cache (`cleaner.gatecache`) after editing a catalogue::

    python -m cleaner.prebuild

It loads and checks every rule of the package's catalogue as a process without the cache
would, works out each one's gate and compiled pattern, parses each catalogue file, and writes
``cleaner/patterns/_prebuilt/<language>.json``, one file a language folder, with its rules'
gates in ``<language>.gates.json``,
``_prebuilt/matcher.<folders>.json``, the inputs of each matcher the package builds
(`cleaner.catalogue.matcher_sets`), and ``_prebuilt/story_heads.json``, the parsed
``patterns/story_heads.toml``.

An unchanged rule keeps the compiled form the file already holds: `regex` lists a character
set's members in an order that changes from process to process, so writing every form afresh
would rewrite lines of rules nobody touched.  It keeps it also when the analysis behind the
gates changed (the cache's stamp), which does not change a compiled form.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from . import gatecache
from .catalogue import load, match


def main() -> None:
    root = gatecache.PATTERNS
    folder = Path(root) / gatecache.FOLDER
    previous = {Path(d).name: gatecache.read_json(folder / f"{Path(d).name}.json")
                for d in load.language_dirs(root)}
    shutil.rmtree(folder, ignore_errors=True)  # every rule checked and analysed afresh
    _forget_prebuilt()
    contents = {Path(d).name: match.prebuilt_content(
                    load.load_language(d),
                    [p.read_text(encoding="utf-8") for p in sorted(Path(d).glob("*.toml"))])
                for d in load.language_dirs(root)}
    folder.mkdir()
    for language, (content, gates) in contents.items():
        _keep_forms(content, previous[language])
        path = folder / f"{language}.json"
        _write(path, content, ("rules", "files"))
        _write(Path(gatecache.gates_path(language)), gates, ("gates",))
        print(f"{path}: {len(content['rules'])} rules, {len(content['files'])} files, and their gates")
    _forget_prebuilt()  # the matchers' gates from the new files
    for wanted in match.matcher_sets():
        name, content = match.prebuilt_inputs(wanted)
        path = Path(gatecache.path(f"matcher.{name}"))
        path.write_text(json.dumps(content, separators=(",", ":"), ensure_ascii=False) + "\n",
                        encoding="utf-8")
        print(f"{path}: the inputs of a matcher of {name}")
    path = Path(gatecache.path(gatecache.HEADS))
    # In the file's own order (the words' order is the patterns' order).
    path.write_text(json.dumps(gatecache.build_toml(gatecache.HEADS), ensure_ascii=False, indent=1) + "\n",
                    encoding="utf-8")
    print(f"{path}: {gatecache.HEADS}.toml")


def _forget_prebuilt() -> None:
    """Empty the catalogue's memories of the shipped cache and of what it loaded with it,
    so that what comes next reads the cache folder as it is now."""
    for memo in (load._prebuilt_cache, match._prebuilt_gates, load._compiled_forms,
                 load._prebuilt_keys, load.load_rules):
        memo.cache_clear()


def _keep_forms(content: dict, previous: dict) -> None:
    """Give each rule of ``content`` the compiled form ``previous`` holds for the same key
    when both come from the same `regex` and differ only in the order of their numbers
    (whatever the stamp, `cleaner.gatecache.stamp`: it covers the gates' analysis, not how
    `regex` compiles)."""
    if previous.get("regex") != content["regex"]:
        return
    old_rules = previous.get("rules") or {}
    for key, entry in content["rules"].items():
        old_entry = old_rules.get(key)
        old = old_entry.get("code") if isinstance(old_entry, dict) else None
        if old and entry["code"] and old != entry["code"] and _numbers(old) == _numbers(entry["code"]):
            entry["code"] = old


def _numbers(form: str) -> list:
    """A compiled form's numbers and strings, sorted: the same for two forms that list a set's
    members in different orders."""
    out: list = []
    stack = [gatecache.form_parts(form)]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        else:
            out.append(json.dumps(item))
    return sorted(out)


def _write(path: Path, content: dict, sections: tuple[str, ...]) -> None:
    """The ``sections`` of ``content`` one rule (one catalogue file) a line, in key order,
    after its other entries: a catalogue edit changes few lines."""
    head = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in content.items() if k not in sections]
    parts = [f"{json.dumps(name)}: {{\n" + ",\n".join(
                 f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False, sort_keys=True)}"
                 for k, v in sorted(content[name].items())) + "\n}" for name in sections]
    path.write_text("{" + ", ".join(head + parts) + "}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
