"""The API, the datatrove step and the Scrapy pipeline check ``language`` and
``disabled_rules`` as the command line does (`cleaner.validate`), and the package ships
its type information (``py.typed``)."""

from __future__ import annotations

import fnmatch
import importlib.util
import pickle
import tomllib
import warnings
from importlib import resources
from pathlib import Path

import pytest

import cleaner
from cleaner import Options, cli
from cleaner.binary import BinaryInput, binary_kind
from cleaner.registry import registry
from cleaner.validate import check_rules, known_languages

ROOT = Path(__file__).resolve().parents[1]
TEXT = ("The council said on Tuesday that the new bridge would open before the harvest, "
        "and that the old ferry would keep running until then.")


@pytest.mark.parametrize("call", [
    lambda **kw: cleaner.clean(TEXT, **kw),
    lambda **kw: cleaner.analyze(TEXT, "precision", **kw),
    lambda **kw: cleaner.split(TEXT, **kw),
    lambda **kw: Options.make(**kw),
])
def test_the_api_refuses_a_language_that_is_not_an_iso_code(call):
    for bad in ("klingon", "english", "xx", "e"):
        with pytest.raises(ValueError, match="ISO 639-1"):
            call(language=bad)


def test_known_languages_are_taken_and_folded_to_lower_case():
    assert {"en", "de", "fr", "es", "it", "pt"} <= known_languages()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for code in sorted(known_languages()):
            assert Options.make(language=code.upper()).language == code
        assert cleaner.clean(TEXT, language="EN") == cleaner.clean(TEXT, language="en")


def test_another_iso_code_falls_back_with_a_warning():
    with pytest.warns(UserWarning, match="no stopwords or patterns for language 'ko'"):
        opts = Options.make(language="ko")
    assert opts.language == "ko"
    with pytest.warns(UserWarning):
        assert cleaner.clean(TEXT, language="ko")


@pytest.mark.parametrize("bad, suggestion", [
    ("en.share.folow", "en.share.follow"),
    ("feature.prose_", "feature.prose"),
    ("en.shar.", None),
])
def test_the_api_refuses_unknown_rules_with_suggestions(bad, suggestion):
    with pytest.raises(ValueError, match="unknown rule") as info:
        cleaner.clean(TEXT, disabled_rules=[bad])
    if suggestion:
        assert f"did you mean {suggestion}" in str(info.value)
    with pytest.raises(ValueError, match="unknown rule"):
        Options.make("recall", disabled_rules=bad)


def test_known_rules_and_prefixes_are_taken():
    some = sorted(registry())[:5]
    assert Options.make(disabled_rules=some).disabled_rules == frozenset(some)
    assert Options.make(disabled_rules="en.share.").disabled_rules == frozenset({"en.share."})
    assert check_rules([]) == frozenset()


def test_rules_must_be_strings():
    with pytest.raises(TypeError):
        Options.make(disabled_rules=[3])
    with pytest.raises(TypeError):
        Options.make(language=3)


@pytest.mark.skipif(importlib.util.find_spec("datatrove") is None, reason="datatrove is not installed")
def test_the_datatrove_step_checks_its_options_before_any_task():
    from cleaner.integrations.datatrove import CleanerStep

    with pytest.raises(ValueError, match="ISO 639-1"):
        CleanerStep(language="klingon")
    with pytest.raises(ValueError, match="did you mean en.share.follow"):
        CleanerStep(disabled_rules=["en.share.folow"])
    assert CleanerStep(language="DE").options.language == "de"


@pytest.mark.skipif(importlib.util.find_spec("scrapy") is None, reason="Scrapy is not installed")
def test_the_scrapy_pipeline_checks_its_options():
    from scrapy.settings import Settings

    from cleaner.integrations.scrapy import CleanerPipeline

    class Crawler:
        settings = Settings({"CLEANER_OPTIONS": {"language": "klingon"}})
        stats = None

    with pytest.raises(ValueError, match="ISO 639-1"):
        CleanerPipeline.from_crawler(Crawler())


def test_py_typed_is_shipped():
    """The marker is in the package, and the wheel takes it: maturin ships every file of
    the package folder it is given, but those its ``exclude`` patterns name."""
    assert resources.files("cleaner").joinpath("py.typed").is_file()
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    maturin = config["tool"]["maturin"]
    assert "cleaner" in maturin["python-packages"]
    excluded = [e if isinstance(e, str) else e["path"] for e in maturin.get("exclude", [])]
    assert not any(fnmatch.fnmatch("cleaner/py.typed", p) for p in excluded)


#: A bad preset or setting as the API (preset, overrides) and the command line take it.
BAD_SETTINGS = [
    ((None, {"colour": "red"}), ["--set", "colour=red"]),
    ((None, {"language": "klingon"}), ["--language", "klingon"]),
    ((None, {"language": "klingon"}), ["--set", "language=klingon"]),
    ((None, {"disabled_rules": ["en.share.folow"]}), ["--disable", "en.share.folow"]),
    ((None, {"disabled_rules": ["en.share.folow"]}), ["--set", "disabled_rules=en.share.folow"]),
    ((None, {"html": "maybe"}), ["--set", "html=maybe"]),
    ((None, {"html": "maybe"}), ["--html", "maybe"]),
    (("fastest", {}), ["--preset", "fastest"]),
    ((None, {"context_reach": "far"}), ["--set", "context_reach=far"]),
    ((None, {"context_reach": -1}), ["--set", "context_reach=-1"]),
    ((None, {"stopword_density": "lots"}), ["--set", "stopword_density=lots"]),
    ((None, {"stopword_density": float("nan")}), ["--set", "stopword_density=nan"]),
    ((None, {"split_stories": "sometimes"}), ["--set", "split_stories=sometimes"]),
]


@pytest.mark.parametrize("api_args, argv", BAD_SETTINGS,
                         ids=[" ".join(argv) for _, argv in BAD_SETTINGS])
def test_the_command_line_refuses_a_bad_setting_with_the_api_message(api_args, argv, capsys):
    """The command line prints the API's message after the flag that gave the value, in
    one line (exit status 2), before reading input: not argparse's usage."""
    from cleaner.cli import EXIT_USAGE, main

    preset, overrides = api_args
    with pytest.raises((TypeError, ValueError)) as api:
        cleaner.clean(TEXT, preset, **overrides)
    assert main(["clean", *argv, "-"]) == EXIT_USAGE
    assert capsys.readouterr().err == f"cleaner: {argv[0]}: {api.value}\n"


#: Option values of the wrong kind, the exception the API raises, and what it says.
BAD_VALUES = [
    ("context_reach", "far", TypeError, "context_reach must be a whole number from 0 to 2147483647, not 'far'"),
    ("context_reach", "3", TypeError, "not '3'"),
    ("context_reach", 2.5, TypeError, "not 2.5"),
    ("context_reach", True, TypeError, "not True"),
    ("context_reach", None, TypeError, "not None"),
    ("context_reach", -1, ValueError, "not -1"),
    ("story_window_words", 2**70, ValueError, "from 0 to 2147483647"),
    ("stopword_density", "0.3", TypeError, "stopword_density must be a number, not '0.3'"),
    ("stopword_density", None, TypeError, "not None"),
    ("stopword_density", float("nan"), ValueError, "stopword_density must be a finite number, not nan"),
    ("stopword_density", float("inf"), ValueError, "not inf"),
    ("stopword_density", 10**400, ValueError, "stopword_density must be a finite number"),
    ("split_stories", "false", TypeError, "split_stories must be True or False, not 'false'"),
    ("split_stories", 0, TypeError, "not 0"),
]


@pytest.mark.parametrize("name, value, error, words", BAD_VALUES,
                         ids=[f"{n}={v!r}" for n, v, _, _ in BAD_VALUES])
def test_an_option_value_of_the_wrong_kind_is_refused_before_any_document(name, value, error, words):
    """Such a value used to pass `Options.make` and fail deep in the pipeline on every
    document ("failed to extract field Params...", "Unknown format code 'f'"), or worse,
    be read as something else ("false" is a true string)."""
    for call in (lambda: Options.make(**{name: value}),
                 lambda: cleaner.clean(TEXT, **{name: value}),
                 lambda: cleaner.split(TEXT, "recall", **{name: value}),
                 lambda: cleaner.analyze(TEXT.encode(), **{name: value})):
        with pytest.raises(error) as refused:
            call()
        assert type(refused.value) is error and words in str(refused.value)


def test_option_values_of_the_right_kind_are_taken():
    """Counts (any integer type), thresholds (any real number), booleans."""
    import fractions

    class Count:  # an integer type that is no int, as numpy's are
        def __index__(self):
            return 3

    made = Options.make(context_reach=Count(), stopword_density=fractions.Fraction(1, 4),
                        split_stories=False, prose_min_words=0, story_window_words=2**31 - 1)
    assert (made.context_reach, made.stopword_density, made.split_stories) == (3, 0.25, False)
    assert type(made.context_reach) is int and type(made.stopword_density) is float
    assert Options.make(stopword_density=1).stopword_density == 1
    assert cleaner.clean(TEXT, context_reach=Count()) == cleaner.clean(TEXT, context_reach=3)


def test_an_offset_may_be_negative():
    """An offset shifts another bound (`cleaner.validate.OFFSETS`): below zero it narrows
    it, as a count below zero means nothing."""
    from dataclasses import fields

    from cleaner.validate import MAX_COUNT, OFFSETS

    ints = {f.name for f in fields(Options) if type(f.default) is int}
    assert OFFSETS <= ints
    for name in OFFSETS:
        assert getattr(Options.make(**{name: -3}), name) == -3
        with pytest.raises(ValueError, match=f"from {-MAX_COUNT} to {MAX_COUNT}"):
            Options.make(**{name: -MAX_COUNT - 1})
    with pytest.raises(ValueError, match="from 0 to"):
        Options.make(context_reach=-3)


def test_an_option_may_be_negative_exactly_when_its_comment_says_so():
    """Each whole-number option's comment in cleaner/options.py (its documentation of
    record) says "May be negative" exactly when `cleaner.validate.OFFSETS` lets it be, and
    every other one is refused below 0: a new offset documented as such is not refused
    without a word, nor an offset taken below 0 with nothing saying what that does."""
    import dataclasses
    import inspect
    import re

    from cleaner import options as module
    from cleaner.validate import OFFSETS

    said, comment, after_field = set(), [], False
    for line in inspect.getsource(module.Options).splitlines():
        stripped = line.strip()
        if stripped.startswith("#:"):
            comment = [stripped] if after_field else comment + [stripped]
            after_field = False
            continue
        field = re.match(r"(\w+): (\w+) = ", stripped)  # fields under one comment share it
        if field and field[2] == "int" and "May be negative" in " ".join(comment):
            said.add(field[1])
        after_field = bool(field)
        if not field:
            comment = []
    ints = {f.name for f in dataclasses.fields(Options) if type(f.default) is int}
    assert said == OFFSETS
    for name in ints - OFFSETS:
        with pytest.raises(ValueError, match="from 0 to"):
            Options.make(**{name: -1})


def test_the_unknown_option_message_does_not_offer_preset():
    """``preset`` is refused as an option (it is the options argument): the list of
    known options must not offer it."""
    with pytest.raises(TypeError, match="unknown option 'colour'") as refused:
        Options.make(colour="red")
    assert "context_reach" in str(refused.value) and "preset" not in str(refused.value)


def _datatrove_step(preset, overrides):
    pytest.importorskip("datatrove")
    from cleaner.integrations.datatrove import CleanerStep

    return CleanerStep(preset=preset, **overrides)


def _scrapy_pipeline(preset, overrides):
    pytest.importorskip("scrapy")
    from cleaner.integrations.scrapy import CleanerPipeline

    return CleanerPipeline(preset=preset, options=overrides)


#: A bad preset or setting as the integrations take it, and what the error must name.
BAD_INTEGRATION_SETTINGS = [
    ("fastest", {}, "fastest"),
    (None, {"colour": "red"}, "colour"),
    (None, {"language": "klingon"}, "language"),
    (None, {"disabled_rules": ["en.share.folow"]}, "en.share.folow"),
    (None, {"html": "maybe"}, "html"),
    (None, {"context_reach": "3"}, "context_reach"),
    (None, {"context_reach": -1}, "context_reach"),
    (None, {"split_stories": "false"}, "split_stories"),
]


@pytest.mark.parametrize("build", [_datatrove_step, _scrapy_pipeline], ids=["datatrove", "scrapy"])
@pytest.mark.parametrize("preset, overrides, named", BAD_INTEGRATION_SETTINGS,
                         ids=[n for _, _, n in BAD_INTEGRATION_SETTINGS])
def test_the_integrations_refuse_a_bad_setting_as_the_api_does(build, preset, overrides, named):
    """The datatrove step and the Scrapy pipeline raise the API's exception class, naming
    the bad preset, option or rule, when they are built (before any document)."""
    with pytest.raises((TypeError, ValueError)) as api:
        cleaner.clean(TEXT, preset, **overrides)
    with pytest.raises((TypeError, ValueError)) as built:
        build(preset, overrides)
    assert type(built.value) is api.type
    assert named in str(built.value) and str(api.value) in str(built.value)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + TEXT.encode("utf-8")


@pytest.mark.parametrize("entry", [cleaner.clean, cleaner.split, cleaner.analyze],
                         ids=["clean", "split", "analyze"])
@pytest.mark.parametrize("data", [PNG, bytearray(PNG), memoryview(PNG), b"\x00\x01\x02\x03" * 64],
                         ids=["bytes", "bytearray", "memoryview", "NUL bytes"])
def test_binary_bytes_are_refused_not_cleaned_into_nothing(entry, data):
    """Bytes of a binary file (`cleaner.binary`) raise `BinaryInput`, a ValueError naming
    binary input and its kind; text bytes are still cleaned."""
    with pytest.raises(BinaryInput, match="binary input") as refused:
        entry(data)
    assert isinstance(refused.value, ValueError)
    assert refused.value.kind == binary_kind(bytes(data)) and f"({refused.value.kind})" in str(refused.value)
    assert pickle.loads(pickle.dumps(refused.value)).kind == refused.value.kind
    assert cleaner.clean(TEXT.encode("utf-8")) == cleaner.clean(TEXT)


def test_the_command_line_and_the_integrations_take_the_api_s_word_for_binary(
        monkeypatch, tmp_path, capsys, caplog):
    """`analyze` is the one place that tells binary bytes from a document: the command
    line skips, and the Scrapy pipeline and the datatrove step pass on, what it refuses
    (`BinaryInput`), with the kind it names, and test the bytes no second time."""
    from cleaner import pipeline

    marked = b"ODD" + TEXT.encode("utf-8")  # text, which only the stand-in below calls binary
    monkeypatch.setattr(pipeline, "binary_kind", lambda data: "odd data" if data.startswith(b"ODD") else None)
    with pytest.raises(BinaryInput, match=r"binary input \(odd data\)"):
        cleaner.analyze(marked)

    path = tmp_path / "odd.txt"
    path.write_bytes(marked)
    assert cli.main(["clean", str(path)]) == 0
    assert f"{path}: skipped: binary input (odd data)" in capsys.readouterr().err

    pytest.importorskip("scrapy")
    from cleaner.integrations.scrapy import CleanerPipeline

    item = {"text": marked}
    with caplog.at_level("WARNING"):
        assert CleanerPipeline().process_item(item) == {"text": marked}
    assert "binary data (odd data)" in caplog.text

    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from cleaner.integrations.datatrove import CleanerStep

    step = CleanerStep()
    [out] = step.run(iter([Document(text=marked, id="odd")]))
    assert out.text == marked and step.stats["not_text"].total == 1


def test_a_preset_given_by_keyword_is_a_clear_error():
    """The preset is the options argument (positional or ``options=``), not an override."""
    for call in (lambda: cleaner.clean(TEXT, preset="recall"),
                 lambda: cleaner.split(TEXT, preset="recall"),
                 lambda: Options.make(preset="recall")):
        with pytest.raises(TypeError, match="preset is not an option.*options argument"):
            call()
    assert cleaner.clean(TEXT, options="recall") == cleaner.clean(TEXT, "recall")


@pytest.mark.parametrize("name, value, error, words", BAD_VALUES,
                         ids=[f"{n}={v!r}" for n, v, _, _ in BAD_VALUES])
def test_options_built_by_the_class_or_replace_refuse_the_same_values(name, value, error, words):
    """``Options(...)`` and `dataclasses.replace` used to take any value: an Options
    object handed to clean() then failed deep in the core or read "false" as true."""
    import dataclasses

    for call in (lambda: Options(**{name: value}),
                 lambda: dataclasses.replace(Options(), **{name: value}),
                 lambda: cleaner.clean(TEXT, Options(**{name: value}))):
        with pytest.raises(error) as refused:
            call()
        assert type(refused.value) is error and words in str(refused.value)


def _built(how: str, **values) -> Options:
    """Options built with ``values`` one way: the class, `dataclasses.replace`, or
    `Options.make` (from nothing, a preset name, or options)."""
    import dataclasses

    return {
        "Options(...)": lambda: Options(**values),
        "dataclasses.replace": lambda: dataclasses.replace(PRESETS_RECALL, **values),
        "Options.make": lambda: Options.make(**values),
        "Options.make(preset)": lambda: Options.make("precision", **values),
        "Options.make(Options)": lambda: Options.make(PRESETS_RECALL, **values),
    }[how]()


PRESETS_RECALL = cleaner.PRESETS["recall"]
BUILDS = ("Options(...)", "dataclasses.replace", "Options.make", "Options.make(preset)",
          "Options.make(Options)")
#: A language or rule id no way of building options may take, with the class it raises.
BAD_NAMES = [
    ({"language": "klingon"}, ValueError),
    ({"language": "xx"}, ValueError),
    ({"language": 3}, TypeError),
    ({"disabled_rules": ["en.share.folow"]}, ValueError),
    ({"disabled_rules": "en.shar."}, ValueError),
    ({"disabled_rules": [3]}, TypeError),
    ({"html": "maybe"}, ValueError),
    ({"extracted": "sometimes"}, ValueError),
    ({"keep_title": "first"}, ValueError),
    ({"keep_title": True}, TypeError),
]


@pytest.mark.parametrize("how", BUILDS)
@pytest.mark.parametrize("values, error", BAD_NAMES, ids=[repr(v) for v, _ in BAD_NAMES])
def test_every_way_options_are_built_refuses_a_bad_language_rule_or_choice_alike(how, values, error):
    """``Options(...)`` and `dataclasses.replace` used to take ``language="klingon"``, an
    unknown rule id or ``html="maybe"``, which only `Options.make` checked: options built
    so reached the pipeline (and the datatrove step, given them as its preset) unchecked."""
    with pytest.raises(error) as made:
        Options.make(**values)
    with pytest.raises(error) as built:
        _built(how, **values)
    assert type(built.value) is type(made.value) and str(built.value) == str(made.value)


@pytest.mark.parametrize("how", BUILDS)
def test_every_way_options_are_built_folds_the_language_and_the_rules_alike(how):
    """The constructor normalises as `Options.make` does: an upper-case code folded, rule
    ids a frozenset (a list kept as it came made the options unhashable)."""
    built = _built(how, language="DE", disabled_rules=["en.share.", "feature.prose"])
    assert built.language == "de"
    assert built.disabled_rules == frozenset({"en.share.", "feature.prose"})
    assert hash(built) == hash(_built(how, language="de", disabled_rules=("feature.prose", "en.share.")))


@pytest.mark.parametrize("how", BUILDS)
def test_a_language_without_stopwords_is_warned_of_once_where_the_options_are_built(how):
    """One warning per construction given such a language (checking it in the constructor
    as well as in `Options.make` must not say it twice), pointing at the caller's line,
    not at `cleaner`'s code."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        built = _built(how, language="ko")
    assert built.language == "ko"
    assert [str(w.message) for w in caught] == [
        "cleaner knows no stopwords or patterns for language 'ko': only the "
        "language-independent rules apply"]
    assert caught[0].filename == __file__


def test_options_derived_from_checked_ones_do_not_warn_again():
    """What options already carry was checked when they were built: `Options.make` (and so
    `clean`) given them with other overrides checks only those."""
    with pytest.warns(UserWarning):
        korean = Options.make(language="ko")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        derived = Options.make(korean, context_reach=3, disabled_rules=["en.share."])
        assert cleaner.clean(TEXT, korean, prose_min_words=7) == cleaner.clean(TEXT, derived, prose_min_words=7)
    assert (derived.language, derived.context_reach) == ("ko", 3) and caught == []
    with pytest.warns(UserWarning) as told:
        cleaner.clean(TEXT, language="ko")
    assert len(told) == 1 and told[0].filename == __file__


def test_the_integrations_and_the_command_line_warn_of_a_language_once(tmp_path, capsys):
    """Each builds its options once; the command line says each warning once, however
    many of its flags went into the options."""
    path = tmp_path / "page.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert cli.main(["clean", "--set", "language=xh", "--disable", "en.share.", "--language", "XH",
                     "--set", "context_reach=3", str(path)]) == 0
    assert capsys.readouterr().err.count("language 'xh'") == 1
    for build in (_datatrove_step, _scrapy_pipeline):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                built = build(None, {"language": "ko"})
            except pytest.skip.Exception:
                continue
        assert built.options.language == "ko" and len(caught) == 1, [str(w.message) for w in caught]
