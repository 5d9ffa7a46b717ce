"""Write rust/src/tables.rs: the character classes of Python's `str` methods (and of the
`regex` module's script classes) that the compiled core needs, as sorted code point
ranges, so that the core measures text exactly as the Python it replaced did.

    python rust/tables.py        # then rebuild (pip install -e . or maturin build)

The tables record this Python's Unicode version; tests/test_core_rust.py checks every
code point against the running Python and says when they need writing again.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import regex

OUT = Path(__file__).resolve().parent / "src" / "tables.rs"
MAX = 0x110000
#: Characters of scripts written without spaces (cleaner.features counted them so).
UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
#: cleaner.language's word separators below U+3040: punctuation, symbols, digits, spaces
#: and controls, apostrophes excepted.
NOT_WORD_LIMIT = 0x3040
#: The letters and marks of the `regex` module (its Unicode version, not Python's), for
#: the content words of cleaner.stories.evidence (``\p{L}[\p{L}\p{M}'’-]*``).
LETTER = regex.compile(r"\p{L}")
MARK = regex.compile(r"\p{M}")
#: Unicode's sentence terminals (``Sentence_Terminal``, `regex`'s ``\p{STerm}``).
STERM = regex.compile(r"\p{STerm}")


def ranges(pred) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for c in range(MAX):
        if pred(c):
            if out and out[-1][1] == c - 1:
                out[-1][1] = c
            else:
                out.append([c, c])
    return [tuple(r) for r in out]


def sigma_ends_final(s: str) -> bool:
    return s.lower()[-1] == "\u03c2"


def classes() -> dict[str, list[tuple[int, int]]]:
    ch = chr
    return {
        "SPACE": ranges(lambda c: ch(c).isspace()),
        "ALPHA": ranges(lambda c: ch(c).isalpha()),
        "UPPER": ranges(lambda c: ch(c).isupper()),
        "DECIMAL": ranges(lambda c: ch(c).isdecimal()),
        "DIGIT": ranges(lambda c: ch(c).isdigit()),
        "ALNUM": ranges(lambda c: ch(c).isalnum()),
        "NOT_WORD": ranges(lambda c: c < NOT_WORD_LIMIT and ch(c) not in "'\u2019"
                           and unicodedata.category(ch(c))[0] in "PSNZC"),
        "UNSPACED": ranges(lambda c: not 0xD800 <= c < 0xE000 and UNSPACED.match(ch(c)) is not None),
        # str.lower's final-sigma rule: a capital sigma after a cased letter (case-ignorable
        # characters skipped) and not before one lowers to the final form.
        "CASED": ranges(lambda c: not 0xD800 <= c < 0xE000 and sigma_ends_final(ch(c) + "\u03a3")),
        # str.isprintable is false for these (the catalogue's gates leave such lines alone).
        "NOT_PRINTABLE": ranges(lambda c: not ch(c).isprintable()),
        "LETTER": ranges(lambda c: not 0xD800 <= c < 0xE000 and LETTER.match(ch(c)) is not None),
        "MARK": ranges(lambda c: not 0xD800 <= c < 0xE000 and MARK.match(ch(c)) is not None),
        "CASE_IGNORABLE": ranges(lambda c: not 0xD800 <= c < 0xE000
                                 and not sigma_ends_final(ch(c) + "\u03a3")
                                 and sigma_ends_final("A" + ch(c) + "\u03a3")),
        # closing brackets and quotation marks beyond ASCII (cleaner.features strips them
        # from a line's end before reading its last character)
        "CLOSE_PUNCTUATION": ranges(lambda c: c >= 0x80 and unicodedata.category(ch(c)) in ("Pe", "Pf", "Pi")),
        # sentence terminals beyond ASCII: the full stops and question and exclamation
        # marks of other scripts (cleaner.features ends a sentence with them)
        "SENTENCE_TERMINAL": ranges(lambda c: c >= 0x80 and not 0xD800 <= c < 0xE000
                                    and STERM.match(ch(c)) is not None),
    }


def _rust_escape(s: str) -> str:
    return "".join("\\u{%x}" % ord(x) for x in s)


def main() -> None:
    lines = [
        "// Written by rust/tables.py from Python "
        f"{sys.version.split()[0]} (Unicode {unicodedata.unidata_version}) and regex "
        f"{regex.__version__}; do not edit.",
        f'pub const UNICODE_VERSION: &str = "{unicodedata.unidata_version}";',
    ]
    for name, rs in classes().items():
        body = ", ".join(f"({a:#x}, {b:#x})" for a, b in rs)
        lines.append(f"pub static {name}: [(u32, u32); {len(rs)}] = [{body}];")
    lower = [(c, chr(c).lower()) for c in range(MAX)
             if c != 0x3A3 and not 0xD800 <= c < 0xE000 and chr(c).lower() != chr(c)]
    body = ", ".join(f'({c:#x}, "{_rust_escape(s)}")' for c, s in lower)
    lines.append(f"pub static LOWER: [(u32, &str); {len(lower)}] = [{body}];")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
