"""What a process loads instead of working it out: the catalogue's prebuilt cache
(`cleaner.gatecache`) and the stoplists read without jusText.

The cache must say exactly what loading and analysing the rules says (a wrong gate would
turn lines away from a rule that fires), cover the package's catalogue, and be ignored
for rules it does not hold.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from importlib import resources
from pathlib import Path

import justext
import pytest
import regex

from cleaner import catalogue, gatecache, language, prebuild
from cleaner.catalogue import load, match
from cleaner.catalogue import CatalogueError, checked_gate, load_directory, load_language, load_rules
from cleaner.prefilter import gate

PATTERNS = Path(str(resources.files("cleaner") / "patterns"))


def test_the_shipped_cache_holds_every_rule_of_the_catalogue():
    """Refresh it with ``python -m cleaner.prebuild`` after editing a catalogue."""
    cached = load._prebuilt()
    assert cached, "cleaner/patterns/_prebuilt/ is missing or stale: python -m cleaner.prebuild"
    missing = [r.id for r in load_rules() if r.key not in cached]
    assert missing == [], "rules not in the prebuilt cache: python -m cleaner.prebuild"


def test_every_cached_gate_is_the_gate_worked_out_from_scratch():
    cached = load._prebuilt()
    for rule in load_rules():
        if rule.key in cached:
            gates = match._prebuilt_gates(rule.language)
            assert rule.key in gates, "gates file stale: python -m cleaner.prebuild"
            assert gatecache.gate_from_json(gates[rule.key]) == checked_gate(rule), rule.id
            assert cached[rule.key]["id"] == rule.id


def _fresh_catalogue(monkeypatch):
    """The catalogue as a new process finds it: no cache read, no matcher built."""
    monkeypatch.setattr(match, "_MATCHERS", {})
    for cached in (load._prebuilt_cache, match._prebuilt_gates, load.language_rules,
                   load._prebuilt_keys, load._compiled_forms, catalogue.Matcher._checked_gate):
        cached.cache_clear()


def test_a_process_whose_matchers_are_cached_never_reads_the_gates(monkeypatch):
    """The rules' gates sit in files of their own (``<language>.gates.json``), read only
    where a matcher's inputs are worked out from its rules: the package's matchers take
    theirs from their own cache files, so a process that cleans reads none."""
    read = []
    monkeypatch.setattr(gatecache, "load_gates", lambda language, extra="": read.append(language) or {})
    _fresh_catalogue(monkeypatch)
    try:
        for language in ("en", "de", None):
            catalogue.matcher(language)
        assert read == []
        assert "gate" not in json.dumps(load._prebuilt_cache("en")["rules"])
    finally:
        _fresh_catalogue(monkeypatch)


def test_a_matcher_of_other_rules_takes_their_gates_from_the_gates_file(monkeypatch):
    """A matcher whose inputs no cache file holds (here: of one catalogue file's rules) reads
    each rule's gate from the shipped gates file, without working one out."""
    rules = tuple(r for r in load.language_rules("en") if r.source.endswith("/share.toml"))
    fresh = catalogue.Matcher(rules).gates
    _fresh_catalogue(monkeypatch)
    monkeypatch.setattr(match, "checked_gate", lambda rule: pytest.fail(f"{rule.id} worked out"))
    try:
        assert catalogue.Matcher(rules).gates == fresh
        assert match._prebuilt_gates.cache_info().currsize == 1
    finally:
        _fresh_catalogue(monkeypatch)


def test_the_shipped_cache_holds_every_catalogue_file_as_tomllib_parses_it():
    for path in sorted(PATTERNS.glob("*/*.toml")):
        files = load._prebuilt_files(path.parent.name)
        text = path.read_text(encoding="utf-8")
        key = gatecache.file_key(text)
        assert key in files, f"{path} not in the prebuilt cache: python -m cleaner.prebuild"
        assert files[key] == tomllib.loads(text), path


def test_a_fresh_cache_spares_the_toml_parser(monkeypatch):
    without = {}
    for language in ("common", "en", "de"):
        with monkeypatch.context() as m:
            m.setattr(load, "_prebuilt_files", lambda language: {})
            without[language] = load_language(PATTERNS / language)

    def refuse(text):
        raise AssertionError("a shipped catalogue file was parsed")

    monkeypatch.setattr(tomllib, "loads", refuse)
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
    assert gatecache.file_key(edited) not in load._prebuilt_files("en")
    ids = [r.id for r in load_directory(root)]
    assert f"{first.id}_edited" in ids and first.id not in ids
    assert ids[-1] == "en.share.added"


def test_the_shipped_cache_holds_the_story_finders_words_as_tomllib_parses_them(monkeypatch):
    text = (PATTERNS / "story_heads.toml").read_text(encoding="utf-8")
    cached = json.loads(Path(gatecache.path(gatecache.HEADS)).read_text(encoding="utf-8"))["files"]
    # the same content in the same order (the words' order is the patterns' order)
    assert json.dumps(cached.get(gatecache.file_key(text))) == json.dumps(tomllib.loads(text)), \
        "cleaner/patterns/_prebuilt/story_heads.json is stale: python -m cleaner.prebuild"

    def refuse(text):
        raise AssertionError("the shipped story_heads.toml was parsed")

    monkeypatch.setattr(tomllib, "loads", refuse)
    assert gatecache.cached_toml(gatecache.HEADS) == cached[gatecache.file_key(text)]


def test_an_edited_story_heads_file_is_parsed_again(tmp_path, monkeypatch):
    (tmp_path / gatecache.FOLDER).mkdir()
    shutil.copy(gatecache.path(gatecache.HEADS), tmp_path / gatecache.FOLDER)
    text = (PATTERNS / "story_heads.toml").read_text(encoding="utf-8")
    edited = text + '\n[xx]\nmonths = ["Brumaire"]\n'
    (tmp_path / "story_heads.toml").write_text(edited, encoding="utf-8")
    monkeypatch.setattr(gatecache, "PATTERNS", tmp_path)
    got = gatecache.cached_toml(gatecache.HEADS)
    assert got == tomllib.loads(edited) and got["xx"] == {"months": ["Brumaire"]}


def _lines():
    """Catalogue examples and counterexamples, and lines cut from them."""
    for rule in load_rules():
        for text in rule.examples + rule.counterexamples:
            yield text
            yield text[1:]
            yield text[: len(text) // 2]


def _same_matches(made, compiled, lines, rule_id):
    assert (made.pattern, made.flags, made.groups) == (compiled.pattern, compiled.flags, compiled.groups)
    for line in lines:
        found, expected = made.search(line), compiled.search(line)
        assert (found and found.span()) == (expected and expected.span()), (rule_id, line)
        assert bool(made.match(line[:3], partial=True)) == bool(compiled.match(line[:3], partial=True))


def test_every_cached_compiled_pattern_is_what_regex_compiles():
    """Under the `regex` the cache was built with, each rule's compiled form is the program
    `regex` makes of its pattern today (up to the order of a set's members, which `regex`
    itself does not fix from one process to the next) and matches as it does; under
    another `regex`, none is used."""
    rules, lines = load_rules(), list(dict.fromkeys(_lines()))
    for rule in rules:
        forms = load._compiled_forms(rule.language)
        if load._prebuilt_cache(rule.language).get("regex") != gatecache.REGEX:
            assert forms == {}
            continue
        assert rule.key in forms, "python -m cleaner.prebuild"
        cached = gatecache.form_parts(forms[rule.key])
        fresh = gatecache.form_parts(gatecache.compiled_form(rule.pattern, rule.flags))
        assert sorted(cached[1]) == sorted(fresh[1]) and cached[2:] == fresh[2:], rule.id
        made = gatecache.from_compiled_form(rule.pattern, forms[rule.key])
        _same_matches(made, regex.compile(rule.pattern, rule.flags), lines, rule.id)


def test_a_pattern_made_from_its_compiled_form_matches_as_regex_compiles_it():
    lines = list(dict.fromkeys(_lines()))
    for rule in load_rules()[::3]:
        flags = rule.flags ^ regex.IGNORECASE  # the other case flag than the shipped rule's
        form = gatecache.compiled_form(rule.pattern, flags)
        assert form is not None, rule.id
        made = gatecache.from_compiled_form(rule.pattern, form)
        _same_matches(made, regex.compile(rule.pattern, flags), lines, rule.id)


def test_a_shipped_rule_is_compiled_from_its_cached_form(monkeypatch):
    """A shipped rule's pattern is not parsed when the cache holds its compiled form (under
    the `regex` that built the cache); under another `regex` the cache holds none and the
    pattern is parsed as without it (whether every rule has its form is checked above)."""
    rules = load_rules()
    cached = [r for r in rules if r.key in load._compiled_forms(r.language)]
    rule = (cached or rules)[0]
    parsed, compile_ = [], load.regex.compile

    def noted(pattern, *args, **kwargs):
        parsed.append(pattern)
        return compile_(pattern, *args, **kwargs)

    monkeypatch.setattr(load.regex, "compile", noted)
    fresh = catalogue.Rule(**{f: getattr(rule, f) for f in ("id", "language", "category", "pattern",
                              "min_words", "max_words", "case_sensitive", "examples")})
    assert all(fresh.fires(e) for e in fresh.examples)
    assert parsed == ([] if cached else [rule.pattern])


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
    assert all(r.key in load._prebuilt() for r in load_directory(root))
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
    """jusText's lists, lower-cased; a language guessed only when no other is
    (`language.FALLBACK_LANGUAGES`) leaves out the words its list writes in ASCII alone."""
    expected = frozenset(w.lower() for w in justext.get_stoplist(language.STOPLIST_NAMES[code]))
    if code in language.FALLBACK_LANGUAGES:
        ascii_words = frozenset(w for w in expected if w.isascii())
        assert language.stopwords(code) == expected - ascii_words
    else:
        assert language.stopwords(code) == expected


def test_an_unchanged_rule_keeps_the_compiled_form_the_cache_holds():
    """`regex` lists a set's members in an order that varies between processes; the cache
    keeps the old form of a rule then, and takes the new one when the rule changed."""
    def form(*program):
        return gatecache.form_text([1, list(program), 0, [], 0, 0])
    old = {"regex": "regex 1", "rules": {"a": {"code": form(74, 3, 99, 98, 97)},
                                         "b": {"code": form(74, 2, 98, 97)}}}
    new = {"regex": "regex 1", "rules": {"a": {"code": form(74, 3, 97, 98, 99)},
                                         "b": {"code": form(74, 2, 97, 100)},
                                         "c": {"code": form(20)}}}
    prebuild._keep_forms(new, old)
    assert new["rules"] == {"a": {"code": form(74, 3, 99, 98, 97)},
                            "b": {"code": form(74, 2, 97, 100)}, "c": {"code": form(20)}}
    newer = {"regex": "regex 2", "rules": {"a": {"code": form(74, 3, 97, 98, 99)}}}
    prebuild._keep_forms(newer, old)
    assert newer["rules"]["a"]["code"] == form(74, 3, 97, 98, 99)


def test_a_changed_analysis_keeps_the_compiled_forms_the_cache_holds():
    """An edit to the gates' analysis changes the stamp, not how `regex` compiles: the
    refresh keeps each unchanged rule's form (it used to write every one afresh, in the
    order of that process's string hashes)."""
    def form(*program):
        return gatecache.form_text([1, list(program), 0, [], 0, 0])
    old = {"regex": "regex 1", "stamp": "analysis 1", "rules": {"a": {"code": form(74, 3, 99, 98, 97)}}}
    new = {"regex": "regex 1", "stamp": "analysis 2", "rules": {"a": {"code": form(74, 3, 97, 98, 99)}}}
    prebuild._keep_forms(new, old)
    assert new["rules"]["a"]["code"] == form(74, 3, 99, 98, 97)


#: Stoplists made up to hold what reading one must get right: capitals (ASCII, a final and
#: an inner capital sigma, a dotted capital I that lowers to two characters, capitals of
#: two, three and four bytes in UTF-8), every line break `str.splitlines` knows, an empty
#: line, and a word in two lists (a text with a capital sigma is lower-cased as a whole,
#: the others character by character: Cc has none).
_AWKWARD = {
    "Aa": "The\nAND\r\nΣΟΦΟΣ\rİstanbul\x0bstraße\x0c𐐀Ab\x1cöl\x1d\x1ecafé\x85naïve\u2028ω\u2029\n\nend",
    "Bb": "und\nder\nΣΊΣΥΦΟΣ\nend\nÉCOLE\nＦＵＬＬ\nẞ\nЖУК\n",
    "Cc": "Ich\r\nİch\rÉCOLE\x0bＦＵＬＬ\x0cẞ\x1cЖУК\x1d𐐀Ab\x1eöl\x85café\u2028end\u2029\n\nKelvin\u212a",
}

_FRESH_CORE = r"""
import importlib.util, json, sys
spec = importlib.util.find_spec("cleaner")
path = next(p for p in spec.submodule_search_locations)
import glob
so = glob.glob(path + "/_core*.so")[0]
core_spec = importlib.util.spec_from_file_location("cleaner._core", so)
core = importlib.util.module_from_spec(core_spec)
core_spec.loader.exec_module(core)
folder, texts = sys.argv[1], json.loads(sys.argv[2])
core.configure(folder, [(stem.lower(), stem) for stem in ("Aa", "Bb", "Cc")])
print(json.dumps({"letters": core.stoplist_letters(),
                  "lists": {c: sorted(core.stoplist(c)) for c in ("aa", "bb", "cc", "zz")},
                  "guesses": [core.guess_language(t) for t in texts]}))
"""


def test_stoplists_are_read_as_str_lower_and_splitlines_read_them(tmp_path):
    """The core reads the stoplist files itself (a fresh process, as a configured core):
    each list is the file's text lower-cased and cut into lines as Python does, and the
    guess counts them as the former Python guess does (tests/oracle.py)."""
    import subprocess
    import sys

    from tests import oracle

    for stem, text in _AWKWARD.items():
        (tmp_path / f"{stem}.txt").write_text(text, encoding="utf-8", newline="")
    lists = {stem.lower(): frozenset(text.lower().splitlines()) for stem, text in _AWKWARD.items()}
    texts = ["the and σοφος istanbul straße", "und der σίσυφος école end", "end end end", "nothing here",
             "ΣΟΦΟΣ AND THE", "𐐨b café naïve ω öl", "ich i̇ch école ｆｕｌｌ ß жук kelvink"]
    out = subprocess.run([sys.executable, "-c", _FRESH_CORE, str(tmp_path), json.dumps(texts)],
                         check=True, capture_output=True, text=True).stdout
    got = json.loads(out)
    assert {c: frozenset(w) for c, w in got["lists"].items()} == {**lists, "zz": frozenset()}
    assert got["letters"] == "".join(sorted({c for words in lists.values() for w in words for c in w}))
    assert got["guesses"] == [oracle.guess_language(t, lists) for t in texts]
    assert got["guesses"][:2] == ["aa", "bb"]


def test_matchers_that_share_an_automaton_find_their_own_rules():
    """A set of required strings that an automaton built before holds is searched with it
    (rust/src/gates.rs `automaton`; a language's strings are among those of a matcher of
    more languages, a band of word counts' among its matcher's): each matcher still finds
    the rules of its own strings, short lines and long ones (searched for the strings of
    the rules their word count leaves), whatever was built before."""
    from cleaner import _core

    def gates(literals, n, short=()):
        # rules in ``short`` admit at most 16 words (the last entry: more)
        by_words = [list(range(n))] * 17 + [[i for i in range(n) if i not in short]]
        members = ([s for s, ks in literals for _ in ks], [k for _, ks in literals for k in ks])
        return _core.Gates(n, by_words, [], 4, lambda start: [], members, ([], []), ([], []), [])

    def found(g, text):
        return g.candidates(text, text.casefold(), len(text.split()))

    small = gates([("qzalpha", [0]), ("qzbeta", [1])], 2)
    large = gates([("qzalpha", [2]), ("qzbeta", [0]), ("qzgamma", [1])], 3, short=(2,))
    inner = gates([("qzgamma", [0]), ("qzbeta", [1])], 2)
    long_words = " ".join(["word"] * 18)
    for text, want in [("x qzalpha y", ([0], [2], [])), ("QZBETA and qzgamma", ([1], [0, 1], [0, 1])),
                       ("qzgammaqzalpha", ([0], [1, 2], [0])), ("none here", ([], [], [])),
                       (f"qzalpha {long_words} qzgamma", ([0], [1], [0])),
                       (f"qzbeta {long_words}", ([1], [0], [1]))]:
        assert (found(small, text), found(large, text), found(inner, text)) == want, text


@pytest.mark.parametrize("wanted", match.matcher_sets(), ids=match._inputs_name)
def test_the_shipped_matcher_inputs_are_what_the_rules_give_from_scratch(wanted):
    """Refresh them with ``python -m cleaner.prebuild`` after editing a catalogue."""
    m = catalogue.Matcher(match._wanted_rules(wanted))
    cached = match._cached_inputs(match._inputs_name(wanted), m.ordered)
    assert cached is not None, "cleaner/patterns/_prebuilt/matcher.*.json stale: python -m cleaner.prebuild"
    assert cached == catalogue.Matcher._inputs(m.ordered)


def test_a_packaged_matcher_takes_its_inputs_from_the_shipped_cache(monkeypatch):
    """No gate is read nor string set gathered for the package's own matchers; they find
    what a matcher worked out from scratch finds."""
    fresh = catalogue.Matcher(match._wanted_rules(frozenset({"common", "en", "de"})))
    monkeypatch.setattr(match, "_MATCHERS", {})

    def refused(cls, ordered):
        raise AssertionError("inputs worked out from scratch")

    monkeypatch.setattr(catalogue.Matcher, "_inputs", classmethod(refused))
    cached = catalogue.matcher("de")
    assert cached.ordered == fresh.ordered and cached.ungated == fresh.ungated
    for line in ("Teilen", "Share this article", "Mehr zum Thema", "Ein ganz normaler Satz."):
        words = len(line.split())
        assert cached.core.candidates(line, line.casefold(), words) == \
            fresh.core.candidates(line, line.casefold(), words)
    assert cached.gates == fresh.gates


def test_edited_rules_miss_the_shipped_matcher_inputs(monkeypatch):
    """A matcher of rules other than those its cache file was built for (a catalogue edited
    since: a rule changed, left out or moved), or built by other code, works its inputs
    out from the rules."""
    import dataclasses

    rules = match._wanted_rules(frozenset({"common", "en"}))
    name = match._inputs_name(frozenset({"common", "en"}))
    ordered = catalogue.Matcher(rules).ordered
    assert match._cached_inputs(name, ordered) is not None
    edited = dataclasses.replace(ordered[0], max_words=99)
    for changed in ((edited, *ordered[1:]), ordered[1:], (ordered[1], ordered[0], *ordered[2:])):
        assert match._cached_inputs(name, changed) is None
    calls = []
    real = catalogue.Matcher._inputs.__func__
    monkeypatch.setattr(catalogue.Matcher, "_inputs",
                        classmethod(lambda cls, o: calls.append(o) or real(cls, o)))
    m = catalogue.Matcher((edited, *(r for r in rules if r is not ordered[0])), name)
    assert calls == [m.ordered]
    # The shipped inputs would be wrong for it: the edited rule admits more words.
    assert real(catalogue.Matcher, m.ordered)["by_words"] != match._cached_inputs(name, ordered)["by_words"]
    monkeypatch.setattr(match, "_inputs_stamp", lambda: "another analysis")
    assert match._cached_inputs(name, ordered) is None


def test_the_core_reads_a_matchers_cache_file_whole(monkeypatch):
    """A packaged matcher hands the core its cache file's bytes (`gatecache.inputs_blob`):
    no JSON of it is parsed in Python, and the core's gates find what gates built from the
    same inputs handed over one by one (`_core.Gates`) find."""
    from cleaner import _core

    name, wanted = "common+en", frozenset({"common", "en"})
    monkeypatch.setattr(match, "_MATCHERS", {})

    def refused(*args):
        raise AssertionError("a matcher's cache file parsed in Python")

    monkeypatch.setattr(gatecache, "load_inputs", refused)
    monkeypatch.setattr(gatecache, "read_json", refused)
    monkeypatch.setattr(catalogue.Matcher, "_inputs", refused)  # nor worked out from the rules
    m = catalogue.matcher("en")
    monkeypatch.undo()
    inputs = match._cached_inputs(name, m.ordered)
    assert inputs is not None and m.ordered == match._order(match._wanted_rules(wanted))

    one_by_one = _core.Gates(len(m.ordered), inputs["by_words"], inputs["start"], load.START_CHARS,
                             m._could_start, tuple(inputs["literals"]), tuple(inputs["prefixes"]),
                             tuple(inputs["suffixes"]), inputs["digits"])
    assert m.ungated == tuple(inputs["ungated"])
    assert [a for _, a in m._slots] == inputs["anchored"]
    assert [i for i, _ in m._by_start] == inputs["start"]
    lines = ["Share this article", "Read more", "Sign up for our newsletter today", "Photo: AP",
             "Advertisement", "The minister arrived on Tuesday for talks with the union.",
             " ".join(["Subscribe"] + ["word"] * 20 + ["newsletter"]), "© 2019 All rights reserved",
             "Follow us on Twitter", "12 comments"]
    for line in lines:
        words = len(line.split())
        assert m.core.candidates(line, line.casefold(), words) == \
            one_by_one.candidates(line, line.casefold(), words), line


def test_the_core_refuses_a_cache_file_of_other_rules():
    """`_core.Gates.cached` gives None for a file of another key, of another number of
    rules, with a position out of range, or that is not such JSON; the matcher then works
    its inputs out from its rules."""
    from cleaner import _core

    def blob(key="k", n=2, **change):
        inputs = {"ungated": [], "anchored": [False] * n, "by_words": [[0, 1]], "start": [],
                  "literals": [["qzalpha", "qzbeta"], [0, 1]], "prefixes": [[], []],
                  "suffixes": [[], []], "digits": []}
        return json.dumps({"key": key, "inputs": {**inputs, **change}}).encode()

    def cached(data, n=2):
        return _core.Gates.cached(data, "k", n, 1, lambda start: [], [], [])

    gates, anchored, start, ungated = cached(blob())
    assert (anchored, start, ungated) == ([False, False], [], [])
    assert gates.candidates("a qzbeta b", "a qzbeta b", 3) == [1]
    assert cached(blob(key="other")) is None
    assert cached(blob(n=3)) is None
    assert cached(blob(digits=[2])) is None
    assert cached(blob(literals=[["qzalpha"], [0, 1]])) is None
    assert cached(b"") is None and cached(b"{\"key\": \"k\"}") is None
