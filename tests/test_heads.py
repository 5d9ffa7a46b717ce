"""The story finder's dateline test (rust/src/heads.rs), whose pattern the compiled core
runs over the cells of its character classes (rust/src/cells.rs), held to the same
pattern read by Python's `regex` on lines built to reach its every part: quotes, upper
case runs up to and past its 40 characters, a place after a comma, an agency in
parentheses, the separators, and long runs of spaces and letters past the characters a
match can read."""

from __future__ import annotations

import random

import regex

from cleaner.stories.evidence import dateline

DATELINE = regex.compile(
    r"""^[\p{Pi}\p{Ps}'‘“"]?\p{Lu}[\p{Lu}\p{M}\s.'’&\-]{2,40}[\p{Pf}\p{Pe}'’”"]?"""
    r"(?:,\s*[\p{L}.\s]{2,20})?\s*(?:\([^()]{1,30}\))?\s*(?::|—|–|-{1,2})\s+\S"
)

#: Pieces of lines: characters of every class of the pattern (assigned long ago, so that
#: both engines' Unicode tables agree), and runs of them.
PIECES = ["WASHINGTON", "OSLO", "AUSTIN", "Dekalb", "Fort Worth", ", Texas", ", N.Y.", ", Ill.", " (AP)", " (Reuters)", " - ", " — ", " – ",
          ": ", "--", " ", "   ", "\u00a0", "\u2003", "\t", "É", "Ü", "Ç", "\u0301", "ǅ", "Σ", "Ж", "ж", "ß",
          "‘", "’", "“", "”", "«", "»", "(", ")", "[", "]", '"', "'", ".", ",", "&", "-", "a", "z", "Z", "1",
          "中", "FAST FACTS", "A" * 20, "B" * 39, "C" * 41, "x" * 25, " " * 30, "(" + "y" * 29 + ")"]

#: The parts of a line that may open with a place in capitals and small letters and an
#: agency ("Hamburg (dpa/lno) – "), each with forms that fit and forms that do not: a
#: quote, a place of one or two words (joined by "-" or "/", too long, not capitalised),
#: blanks, an agency, a full stop, a dash, and a sentence after it (of one to three words).
AGENCY_PARTS = [
    ["", "", "'", "‘", "„", "«"],
    ["Hamburg", "Bad Bentheim", "Frankfurt/Main", "Aix-en-Provence", "Saint-Étienne", "St. Gallen", "Ü" + "x" * 20,
     "Ü" + "x" * 21, "Bad Bad Bad", "hamburg", "HAMBURG", "Fort, Worth", "Ab1", "ǅx", "Ne\u0301e", "Dwa’s"],
    ["", " ", "  ", "\u00a0", "\t"],
    ["(dpa)", "(AP)", "(dpa/lno)", "(dpa-AFX)", "(EFE)", "(abcdefgh)", "(abcdefghi)", "(Reuters/Sports)", "(a)",
     "(dpa/)", "dpa", "(d1a)", "(dpa/abcde)", "(Ἀb)"],
    ["", "", ".", ",", ":", ".."],
    ["", " ", "  ", "\u2003"],
    ["–", "-", "--", "—", "---", ":", ""],
    [" ", "", "  ", "\u2003"],
    ["Die", "„Die", "Él", "él", "1", "D", ""],
    ["", " Zeit", " Zeit ist", " Zeit ist da.", "\u00a0Zeit\u00a0ist", " x y", "  x\ty"],
]


def _upper(word: str) -> bool:
    return bool(regex.search(r"\p{Uppercase}", word)) and not regex.search(r"[\p{Lowercase}\p{Lt}]", word)


#: A dateline whose place is written in capitals and small letters ("Dekalb, Ill. — ").
PLACED = regex.compile(
    r"""^[\p{Pi}'‘“"]?\p{Lu}[\p{Ll}\p{M}'’.\-]{1,20}(?:\s\p{Lu}[\p{L}\p{M}'’.\-]{1,20}){0,2},"""
    r"\s*\p{Lu}[\p{L}\p{M}.]{0,15}(?:\s\p{Lu}[\p{L}\p{M}.]{0,15}){0,2}\s*(?:\([^()]{1,30}\))?"
    r"""\s*(?:—|–|-{1,2})\s+[\p{Pi}'‘“"]?\p{Lu}"""
)


#: A dateline of a place in capitals and small letters and an agency ("Hamburg (dpa/lno) – ").
AGENCY = regex.compile(
    r"""^[\p{Pi}'‘“"]?\p{Lu}[\p{Ll}\p{M}'’.]{1,20}(?:[\-/]\p{L}[\p{Ll}\p{M}'’.]{0,20}){0,2}"""
    r"(?:\s\p{Lu}[\p{Ll}\p{M}'’.]{1,20}(?:[\-/]\p{L}[\p{Ll}\p{M}'’.]{0,20}){0,2})?"
    r"""\s*\(\p{L}{2,8}(?:[/\-]\p{L}{1,5})?\)\.?\s*(?:—|–|-{1,2})\s+[\p{Pi}'‘“"]?\p{Lu}"""
)


def _expected(text: str) -> bool:
    """`cleaner.stories.evidence.dateline` in Python: the pattern, then the words of two
    letters or more of its place (up to a comma) upper case, all but two, the first one
    too; else a place in small letters too, with a region after a comma (`PLACED`), or
    an agency and a capital that opens three words or more (`AGENCY`)."""
    m = DATELINE.search(text)
    if m is not None:
        place = text[: m.end()].split(",", 1)[0]
        caps = [w for w in regex.findall(r"\p{L}+", place) if len(w) >= 2]
        upper = sum(map(_upper, caps))
        if caps and upper >= max(1, len(caps) - 2) and _upper(caps[0]):
            return True
    if PLACED.search(text) is not None:
        return True
    m = AGENCY.search(text)
    return m is not None and regex.match(r"\S*\s+\S+\s+\S", text[m.end() - 1:]) is not None


def test_the_dateline_over_cells_is_the_pattern_over_characters():
    rng = random.Random(17)
    lines = ["".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 14))) for _ in range(20000)]
    found = [text for text in lines if _expected(text)]
    assert len(found) > 300  # the lines reach the pattern's every part
    assert [text for text in lines if dateline(text) != _expected(text)] == []


def test_the_dateline_of_a_place_and_an_agency_over_cells_is_the_pattern_over_characters():
    rng = random.Random(23)
    lines = ["".join(rng.choice(part) for part in AGENCY_PARTS) for _ in range(20000)]
    found = [text for text in lines if AGENCY.search(text)]
    assert len(found) > 300  # the lines reach the pattern's every part
    assert 100 < len([text for text in found if _expected(text)]) < len(found) - 100
    assert [text for text in lines if dateline(text) != _expected(text)] == []


def _alternatives(words: list[str]) -> str:
    """rust/src/heads.rs `alternatives`: longest first, a space any run of whitespace,
    ``N`` a number."""
    one = lambda w: "".join(r"\s+" if c == " " else r"\d+" if c == "N" else regex.escape(c) for c in w)  # noqa: E731
    return "|".join(one(w) for w in sorted(words, key=len, reverse=True))


def _date(words: dict) -> regex.Pattern:
    """rust/src/heads.rs's date pattern (with Unicode word boundaries) of the story
    finder's ``words``, for Python's `regex`."""
    months, ago = _alternatives(words["months"]), _alternatives(words["ago"])
    return regex.compile(
        rf"(?i)\b(?:(?:{months})\.?\s+\d{{1,2}}\b|\d{{1,2}}\.?\s+(?:{months})\b|\d{{4}}-\d{{2}}-\d{{2}}"
        rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?\b)?|{ago})")


def test_the_date_of_a_meta_line_is_the_pattern_over_characters():
    # The core reads a date with Unicode word boundaries on every text, ASCII or not
    # (a text that is not ASCII after a looser pattern without them); Python's `regex`
    # with the same words is the reference, on lines built of month names, numbers and
    # what stands next to them: letters that are word characters (ASCII or not) or not.
    from cleaner.stories.evidence import _head_words, _heads

    words = _head_words()
    date = _date(words)
    rng = random.Random(18)
    pieces = [*rng.sample(words["months"], 12), *words["ago"][:4], "3", "19", "2019", "10:31", "19.11.2019",
              "2019-11-19", " pm", "a.m.", " ", ". ", "x", "_", "\u00e9", "\u00df", "\u0663", "\u2014", "’"]
    lines = ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 7))) for _ in range(20000)]
    ascii_lines = [t for t in lines if t.isascii()]
    assert len(ascii_lines) > 2000 and len(ascii_lines) < len(lines) - 2000
    # 3 words, no byline: a line with a digit is meta when it holds a date (or opens
    # with an "updated" word, which these lines never do without a date after it).
    updated = regex.compile(rf"(?i)^(?:{_alternatives(words['updated'])})\b")
    dated = {t for t in lines if date.search(t) and regex.search(r"\d", t)}
    assert len([t for t in dated if t.isascii()]) > 300 and len([t for t in dated if not t.isascii()]) > 300
    # (a line that opens with a dash is a quoted post, never meta)
    wrong = [t for t in lines if not updated.search(t) and not regex.match(r"\s*\S+\s+\p{Lu}", t)
             and not t.startswith("\u2014") and _heads().meta(t, 3, False, "body") != (t in dated)]
    assert wrong == []


def test_a_long_meta_line_counts_its_dates_as_the_pattern_finds_them():
    # A line of more than 14 words is meta when it holds two dates or more, counted as
    # Python's `regex.findall` counts them (each search from the end of the match before):
    # lines of several dates, times and month names beside numbers, ASCII or not.
    from cleaner.stories.evidence import _head_words, _heads

    words = _head_words()
    date = _date(words)
    rng = random.Random(19)
    months_ = rng.sample(words["months"], 12)
    pieces = [*months_, *words["ago"][:4], "3", "19", "2019", "10:31", "19.11.2019", "2019-11-19", " pm",
              "a.m.", ". ", "x", "\u00e9", "\u0663", "’", "日", *(f"{m} 19" for m in months_[:4]),
              *(f"3 {m}" for m in months_[4:8])]
    gaps = ["", " ", " ", "\u00a0"]
    lines = ["x " + "".join(rng.choice(pieces) + rng.choice(gaps) for _ in range(rng.randrange(2, 9)))
             for _ in range(20000)]
    counts = [len(date.findall(t)) if regex.search(r"\d", t) else 0 for t in lines]
    assert sum(c == 1 for c in counts) > 1000 and sum(c >= 2 for c in counts) > 1000
    assert sum(c >= 2 for t, c in zip(lines, counts) if not t.isascii()) > 300
    assert [t for t, c in zip(lines, counts) if _heads().meta(t, 15, False, "body") != (c >= 2)] == []


def test_the_words_of_a_dateline_are_read_with_the_classes_of_the_pattern():
    """The dateline's words (runs of ``\\p{L}``) and their case (``\\p{Uppercase}``, then
    ``[\\p{Lowercase}\\p{Lt}]``) are read with the `regex` crate's classes one character at a
    time (rust/src/cells.rs `CharClass`), as the patterns of those classes read them: over
    the letters, title-case letters and combining marks of Latin, Greek and Cyrillic (assigned
    long ago, so that both engines' Unicode tables agree), in the place and the agency after
    the upper-case run, where any letter may stand."""
    import unicodedata

    chars = [chr(c) for c in [*range(0xC0, 0x250), *range(0x386, 0x3D0), *range(0x400, 0x460)]]
    upper = [c for c in chars if unicodedata.category(c) == "Lu"]
    other = [c for c in chars if unicodedata.category(c) in ("Ll", "Lt", "Lo")]
    marks = [chr(c) for c in range(0x300, 0x370)]
    rng = random.Random(20)

    def word(letters, least=1):
        return "".join(rng.choice(letters + marks[:3]) if i else rng.choice(letters)
                       for i in range(rng.randrange(least, 6)))

    lines = []
    for _ in range(20000):
        head = " ".join(word(upper + ["A", "Z"], 2) for _ in range(rng.randrange(1, 4)))
        place = ", " + " ".join(word(rng.choice([upper, other, upper + other])) for _ in range(rng.randrange(1, 5)))
        agency = " (" + word(rng.choice([upper, other, upper + other])) + ")"
        lines.append(head + rng.choice(["", place]) + rng.choice(["", agency]) + rng.choice([": ", " - "]) + "text")
    found = [text for text in lines if _expected(text)]
    assert 1000 < len(found) < len(lines) - 1000
    assert [text for text in lines if dateline(text) != _expected(text)] == []


def test_the_first_character_of_a_head_is_read_with_the_classes_of_the_patterns():
    """Whether a line starts with a capital (``\\p{Uppercase}``) and whether it is
    capitalised (``^[\\p{Pi}'"‘“]?[\\p{Lu}\\p{Lt}\\d]``) are read with the `regex` crate's
    classes one character at a time (rust/src/cells.rs `CharClass`, ASCII from a bitmap),
    as the patterns read them: every printable ASCII character first, and characters above
    ASCII of those classes and of none, after each opening quote or none."""
    from cleaner.options import Options
    from cleaner.stories.evidence import Reader
    from cleaner.types import Decision, Features, Line

    firsts = [chr(c) for c in range(0x21, 0x7F)] + list("ÉéǅΣжß١٣Ⅷⅷ中‘“«»’”–")
    texts = [quote + first + "xyz words here plain" for quote in ["", "'", '"', "‘", "“", "«", "»"] for first in firsts]
    r = Reader([Line(i, 0, len(t), t, t) for i, t in enumerate(texts)],
               [Features(4, 0.0, False, False, 0.5, 0.0, 0)] * len(texts),
               [Decision(True, "feature.heading", "body", "", "classify")] * len(texts),
               frozenset(), Options(heading_max_words=16, heading_max_digits=0.3, story_meta_reach=3))
    capitalised = regex.compile(r"""^[\p{Pi}'"‘“]?[\p{Lu}\p{Lt}\d]""")
    # a line that opens with "«" and holds no "»" is a pager's link ("« Previous post"):
    # never capitalised (rust/src/heads.rs is_pager)
    pager = [t.startswith("«") and "»" not in t for t in texts]
    assert 50 < sum(pager) < 200
    assert [r.capitalised(i) for i in range(len(texts))] == [
        bool(capitalised.match(t)) and not p for t, p in zip(texts, pager)]
    assert [bool(c) for c in r._capital] == [bool(regex.match(r"\p{Uppercase}", t)) for t in texts]
    assert sum(map(bool, r._capital)) > 25 and 200 < sum(map(r.capitalised, range(len(texts)))) < len(texts) - 200


def test_an_interview_turn_or_a_numbered_item_is_the_pattern_over_characters():
    """A line that is an interview turn ("Q: ...") or a numbered item ("2) ...") is no
    title and does not start with a capital: rust/src/heads.rs reads the pattern
    ``^\\s*(?:\\p{L}{1,2}\\s*:|\\d{1,3}\\s*[.)]\\s)`` with its classes one character at a
    time, as the pattern reads it, over runs of letters, digits (of other scripts too),
    blanks and the punctuation after them."""
    from cleaner.options import Options
    from cleaner.stories.evidence import Reader
    from cleaner.types import Decision, Features, Line

    turn = regex.compile(r"^\s*(?:\p{L}{1,2}\s*:|\d{1,3}\s*[.)]\s)")
    blanks = ["", " ", "  ", "\t", "\u00a0", "\u2003"]
    heads = ["Q", "AB", "ABC", "Éx", "ǅ", "Жж", "1", "12", "123", "1234", "١٢", "Ⅷ", "Q1", "1Q", "-"]
    marks = [":", ".", ")", "-", ";", ""]
    rng = random.Random(21)
    texts = [rng.choice(blanks) + rng.choice(heads) + rng.choice(blanks) + rng.choice(marks) + rng.choice(blanks)
             + rng.choice(["Where Were You", "what now here"]) for _ in range(4000)]
    r = Reader([Line(i, 0, len(t), t, t) for i, t in enumerate(texts)],
               [Features(4, 0.0, False, False, 0.5, 0.0, 0)] * len(texts),
               [Decision(True, "feature.heading", "body", "", "classify")] * len(texts),
               frozenset(), Options(heading_max_words=16, heading_max_digits=0.3, story_meta_reach=3))
    turns = [bool(turn.match(t)) for t in texts]
    assert 400 < sum(turns) < len(texts) - 400
    # a title is a capitalised headline that is no turn; a capital first, one that is none
    assert [r.titled(i) for i in range(len(texts))] == [
        r.headline(i) and r.capitalised(i) and not t for i, t in enumerate(turns)]
    assert [bool(c) for c in r._capital] == [
        bool(regex.match(r"\p{Uppercase}", text)) and not t for text, t in zip(texts, turns)]
