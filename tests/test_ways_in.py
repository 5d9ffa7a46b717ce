"""Every way into `cleaner` takes the same bad inputs the same way: the API (`clean`,
`split`, `analyze`), the command line, the Scrapy pipeline and the datatrove step.

`TABLE` is what each does with each input or setting; the test runs each way on every
row, driving it as `benchmarks.hostile.ways_in` does (the ways-in timing drives them so
too), and skips a way whose extra is not installed.  The API raises; the others take the
API's word for it (`cleaner.binary`, `Options.make`) in their own terms: the command line skips a binary input, reports a
record whose field is no string as failed and refuses a bad flag before reading input
(its exit status); the Scrapy pipeline passes the item on; the datatrove step passes the
document on, or drops it when nothing is left, as its filters do.  A large document comes
out of each way as the API's text; the time each way takes on it, at 1x and 4x its size, is
measured, not asserted: `benchmarks/hostile.py --ways`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

import pytest

import cleaner
from cleaner.binary import BinaryInput, NotText

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.hostile import story_dump, ways_in  # noqa: E402

TEXT = ("The council said on Tuesday that the new bridge would open before the harvest, "
        "and that the old ferry would keep running until then.")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + TEXT.encode("utf-8")
WAYS = ("API", "command line", "Scrapy", "datatrove")

#: name -> (document, preset, overrides, what the API, the command line, the Scrapy
#: pipeline and the datatrove step do with it).  "text" is `clean`'s text of the
#: document; a command line outcome ends with its exit status.
TABLE = {
    "None": (None, None, {}, (
        "raises NotText", "record failed, exit 1", "passed on, no field", "passed on, not text")),
    "a number": (42, None, {}, (
        "raises NotText", "record failed, exit 1", "passed on, not text", "passed on, not text")),
    "a list of numbers": ([1, 2], None, {}, (
        "raises NotText", "record failed, exit 1", "passed on, not text", "passed on, not text")),
    "binary bytes": (PNG, None, {}, (
        "raises BinaryInput", "skipped, exit 0", "passed on, not text", "passed on, not text")),
    "text bytes": (TEXT.encode("utf-8"), None, {}, ("text", "text, exit 0", "text", "text")),
    "a bytearray of text": (bytearray(TEXT.encode("utf-8")), None, {}, (
        "text", "text, exit 0", "text", "text")),
    "a memoryview of text": (memoryview(TEXT.encode("utf-8")), None, {}, (
        "text", "text, exit 0", "text", "text")),
    "Latin-1 bytes without a charset": (("Caf\u00e9 " + TEXT).encode("latin-1"), None, {}, (
        "text", "text, exit 0", "text", "text")),
    "empty": ("", None, {}, ("empty", "empty, exit 0", "empty", "dropped, empty")),
    "blank lines only": (" \n\n\t\n", None, {}, ("empty", "empty, exit 0", "empty", "dropped, empty")),
    "unknown option": (TEXT, None, {"colour": "red"}, (
        "raises TypeError", "usage error, exit 2", "raises TypeError", "raises TypeError")),
    "unknown language": (TEXT, None, {"language": "klingon"}, (
        "raises ValueError", "usage error, exit 2", "raises ValueError", "raises ValueError")),
    "unknown rule id": (TEXT, None, {"disabled_rules": ["en.share.folow"]}, (
        "raises ValueError", "usage error, exit 2", "raises ValueError", "raises ValueError")),
    "unknown preset": (TEXT, "fastest", {}, (
        "raises ValueError", "usage error, exit 2", "raises ValueError", "raises ValueError")),
    "preset as an option": (TEXT, None, {"preset": "recall"}, (
        "raises TypeError", "usage error, exit 2", "raises TypeError", "raises TypeError")),
    "a count that is no number": (TEXT, None, {"context_reach": "far"}, (
        "raises TypeError", "usage error, exit 2", "raises TypeError", "raises TypeError")),
    "a negative count": (TEXT, None, {"context_reach": -1}, (
        "raises ValueError", "usage error, exit 2", "raises ValueError", "raises ValueError")),
    "a choice that is no word": (TEXT, None, {"html": 3}, (
        "raises TypeError", "usage error, exit 2", "raises TypeError", "raises TypeError")),
    "a choice that is another word": (TEXT, None, {"keep_title": "first"}, (
        "raises ValueError", "usage error, exit 2", "raises ValueError", "raises ValueError")),
    "a switch that is neither on nor off": (TEXT, None, {"split_stories": "sometimes"}, (
        "raises TypeError", "usage error, exit 2", "raises TypeError", "raises TypeError")),
}


def _raises(exc: Exception) -> str:
    """The outcome of a refusal: the class of `cleaner.binary`'s refusals of a document,
    else TypeError or ValueError (test_validate.py holds each class to the API's)."""
    if type(exc) in (BinaryInput, NotText):
        return f"raises {type(exc).__name__}"
    return "raises TypeError" if isinstance(exc, TypeError) else "raises ValueError"


def _said(text: str, expected: str | None) -> str:
    """``text`` as an outcome: ``expected`` (the API's text of the document), or none."""
    if not text:
        return "empty"
    return "text" if text == expected else f"other text {text[:40]!r}"


#: Way name -> how to drive it (`benchmarks.hostile.ways_in`), or why it cannot run here.
DRIVE = ways_in()


def _api(document, preset, overrides, context) -> str:
    outcomes = set()
    for call in (lambda document, preset, **kw: DRIVE["API"](document, context.tmp_path, preset, kw),
                 lambda *a, **kw: cleaner.analyze(*a, **kw).text,
                 lambda *a, **kw: "\n".join(x.text for x in cleaner.split(*a, **kw)[:1])):
        try:
            outcomes.add(_said(call(document, preset, **overrides), context.expected))
        except (TypeError, ValueError) as exc:
            outcomes.add(_raises(exc))
    assert len(outcomes) == 1, outcomes  # clean, analyze and split alike
    return outcomes.pop()


def _command_line(document, preset, overrides, context) -> str:
    """A document of text or bytes as a file, anything else as a JSON Lines record."""
    status, out = DRIVE["command line"](document, context.tmp_path, preset, overrides)
    err = context.capsys.readouterr().err
    if status == 2:
        return "usage error, exit 2"
    if status == 1:
        return "record failed, exit 1" if ": field 'text' is " in err else f"failed, exit 1: {err}"
    if "skipped: binary input" in err:
        return f"skipped, exit {status}"
    return f"{_said(out.rstrip(chr(10)), context.expected)}, exit {status}"


def _scrapy(document, preset, overrides, context) -> str:
    try:
        item, stats = DRIVE["Scrapy"](document, context.tmp_path, preset, overrides)
    except (TypeError, ValueError) as exc:
        return _raises(exc)
    if "cleaner/items_not_text" in stats:
        return "passed on, not text" if item == {"text": document} else "changed, not text"
    if "cleaner/items_without_field" in stats:
        return "passed on, no field"
    return _said(item["text"], context.expected)


def _datatrove(document, preset, overrides, context) -> str:
    try:
        out, stats = DRIVE["datatrove"](document, context.tmp_path, preset, overrides)
    except (TypeError, ValueError) as exc:
        return _raises(exc)
    if stats.get("not_text"):
        return "passed on, not text" if [d.text for d in out] == [document] else "changed, not text"
    if stats.get("dropped"):
        return "dropped, " + next(k.removeprefix("dropped_") for k in stats if k.startswith("dropped_"))
    return _said(out[0].text, context.expected)


#: Way name -> the runner that turns what the way gives back into the table's words.
RUNNERS = dict(zip(WAYS, (_api, _command_line, _scrapy, _datatrove)))


def _runner(way: str):
    """The runner of ``way``; skips the test when the way cannot run here (its extra is
    not installed: ``pip install 'cleaner[scrapy]'`` or ``'cleaner[datatrove]'``)."""
    if isinstance(DRIVE[way], str):
        pytest.skip(f"{way}: {DRIVE[way]}")
    return RUNNERS[way]


class Context(NamedTuple):
    """What a runner needs besides the input: a folder, the captured output, and the API's
    text of the document (None where the API refuses it)."""

    tmp_path: Path
    capsys: pytest.CaptureFixture
    expected: str | None


def _expected(document, preset, overrides) -> str | None:
    try:
        return cleaner.clean(document, preset, **overrides)
    except (TypeError, ValueError):
        return None


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("name", TABLE)
def test_every_way_in_takes_each_input_as_the_table_says(name, way, tmp_path, capsys):
    run = _runner(way)
    document, preset, overrides, expected = TABLE[name]
    context = Context(tmp_path, capsys, _expected(document, preset, overrides))
    assert run(document, preset, overrides, context) == expected[WAYS.index(way)]


def test_a_refusal_names_what_it_was_given():
    """The API's refusal names the type it got, keeps it as ``kind`` and survives pickling
    (a worker process hands it back), as `BinaryInput` does."""
    import pickle

    for call, document, words in ((cleaner.clean, None, "cleaner expects text (str) or bytes, not NoneType"),
                                  (cleaner.split, 3.5, "not float"),
                                  (cleaner.clean_html, ["<p>a</p>"], "cleaner expects text (str) or bytes, not list")):
        with pytest.raises(NotText, match=words.replace("(", r"\(").replace(")", r"\)")) as refused:
            call(document)
        assert isinstance(refused.value, TypeError)
        again = pickle.loads(pickle.dumps(refused.value))
        assert (type(again), again.kind, str(again)) == (NotText, refused.value.kind, str(refused.value))


@pytest.mark.parametrize("way", WAYS)
def test_every_way_in_gives_the_api_text_of_a_large_document(way, tmp_path, capsys):
    """About 0.85 MB (4,000 stories): each way gives `clean`'s text of it."""
    run = _runner(way)
    large = story_dump(4000)
    said = run(large, None, {}, Context(tmp_path, capsys, _expected(large, None, {})))
    assert said in {"text", "text, exit 0"}, said
