"""What a process loads instead of working it out: the catalogue's prebuilt cache
(`cleaner.gatecache`) and the stoplists read without jusText.

The cache must say exactly what loading and analysing the rules says (a wrong gate would
turn lines away from a rule that fires), cover the package's catalogue, and be ignored
for rules it does not hold.
"""

from __future__ import annotations

import shutil
import tomllib
from importlib import resources
from pathlib import Path

import justext
import pytest

from cleaner import catalogue, gatecache, language
from cleaner.catalogue import CatalogueError, checked_gate, load_directory, load_language, load_rules
from cleaner.prefilter import gate

PATTERNS = Path(str(resources.files("cleaner") / "patterns"))


def test_the_shipped_cache_holds_every_rule_of_the_catalogue():
    """Refresh it with ``python -m cleaner.prebuild`` after editing a catalogue."""
    cached = catalogue._prebuilt()
    assert cached, "cleaner/patterns/_prebuilt.json is missing or stale: python -m cleaner.prebuild"
    missing = [r.id for r in load_rules() if r.key not in cached]
    assert missing == [], "rules not in the prebuilt cache: python -m cleaner.prebuild"


def test_every_cached_gate_is_the_gate_worked_out_from_scratch():
    cached = catalogue._prebuilt()
    for rule in load_rules():
        if rule.key in cached:
            assert gatecache.gate_from_json(cached[rule.key]["gate"]) == checked_gate(rule), rule.id
            assert cached[rule.key]["id"] == rule.id


def test_the_shipped_cache_holds_every_catalogue_file_as_tomllib_parses_it():
    files = catalogue._prebuilt_files()
    for path in sorted(PATTERNS.glob("*/*.toml")):
        text = path.read_text(encoding="utf-8")
        key = gatecache.file_key(text)
        assert key in files, f"{path} not in the prebuilt cache: python -m cleaner.prebuild"
        assert files[key] == tomllib.loads(text), path


def test_a_fresh_cache_spares_the_toml_parser(monkeypatch):
    without = {}
    for language in ("common", "en", "de"):
        with monkeypatch.context() as m:
            m.setattr(catalogue, "_prebuilt_files", dict)
            without[language] = load_language(PATTERNS / language)

    def refuse(text):
        raise AssertionError("a shipped catalogue file was parsed")

    monkeypatch.setattr(catalogue.tomllib, "loads", refuse)
    for language, rules in without.items():
        assert load_language(PATTERNS / language) == rules


def test_an_edited_catalogue_file_is_parsed_again(tmp_path):
    """A file whose text differs from the shipped one misses the cache: the edit counts."""
    root = tmp_path / "patterns"
    (root / "en").mkdir(parents=True)
    text = (PATTERNS / "en" / "share.toml").read_text(encoding="utf-8")
    shipped = load_language(PATTERNS / "en")
    first = next(r for r in shipped if r.source.endswith("share.toml"))
    edited = text.replace(f'id = "{first.id}"', f'id = "{first.id}_edited"', 1)
    edited += '\n[[rules]]\nid = "en.share.added"\npattern = "^added share$"\nexamples = ["Added share"]\n'
    (root / "en" / "share.toml").write_text(edited, encoding="utf-8")
    assert gatecache.file_key(edited) not in catalogue._prebuilt_files()
    ids = [r.id for r in load_directory(root)]
    assert f"{first.id}_edited" in ids and first.id not in ids
    assert ids[-1] == "en.share.added"


def test_gates_survive_the_round_trip_through_json():
    for rule in load_rules()[:50]:
        g = gate(rule.pattern)
        assert gatecache.gate_from_json(gatecache.gate_to_json(g)) == g
    assert gatecache.gate_from_json(gatecache.gate_to_json(None)) is None


def test_a_rule_the_cache_does_not_hold_is_still_checked(tmp_path):
    """Edited rules miss the cache (their key changes) and meet every check of the loader."""
    root = tmp_path / "patterns"
    (root / "en").mkdir(parents=True)
    shutil.copy(PATTERNS / "en" / "share.toml", root / "en" / "share.toml")
    assert all(r.key in catalogue._prebuilt() for r in load_directory(root))
    (root / "en" / "share.toml").write_text(
        '[[rules]]\nid = "en.share.broken"\npattern = "^(share"\nexamples = ["share"]\n',
        encoding="utf-8")
    with pytest.raises(CatalogueError, match="does not compile"):
        load_directory(root)
    (root / "en" / "share.toml").write_text(
        '[[rules]]\nid = "en.share.empty"\npattern = "x?"\nexamples = ["x"]\n', encoding="utf-8")
    with pytest.raises(CatalogueError, match="empty string"):
        load_directory(root)


def test_the_cache_key_changes_with_everything_a_gate_depends_on():
    base = ("^share$", False, 0, 2, ("Share",))
    keys = {gatecache.rule_key(*base)}
    for i, other in enumerate(("^shares$", True, 1, 3, ("Share", "share"))):
        changed = list(base)
        changed[i] = other
        keys.add(gatecache.rule_key(*changed))
    assert len(keys) == 6


@pytest.mark.parametrize("code", sorted(language.STOPLIST_NAMES))
def test_stoplists_are_justexts(code):
    expected = frozenset(w.lower() for w in justext.get_stoplist(language.STOPLIST_NAMES[code]))
    assert language.stopwords(code) == expected
