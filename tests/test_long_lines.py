"""A very long line is measured without a list of all its words (the compiled core
streams them; `cleaner.features.token_count` counts tokens a piece at a time): the
figures are exactly those the former Python measured on the whole line."""

from __future__ import annotations

import pytest

from cleaner import features
from cleaner.features import measure, pieces, token_count
from cleaner.language import stopwords

from . import oracle

SENTENCE = "The council said on Tuesday that the new bridge would open before the harvest. "
LINES = {
    "prose": (SENTENCE * 40).strip(),
    "no spaces": "x" * 3000,
    "urls and digits": "see https://example.org/a?x=1 www.example.com 2024 @user #tag a.com " * 30,
    "unicode": ("Die Brücke über den Fluß wird 2025 eröffnet, sagte der Rat. ١٢٣ " * 30).strip(),
    "unspaced": ("益阳还引进各大电商等入驻村级便民服务点，构建农产品直销基地模式。Some words here " * 40).strip(),
    "cut teaser": (SENTENCE * 30) + "and the rest of the story is",
    "ellipsis": (SENTENCE * 30) + "more…”",
    "capitals": ("Short Url Follow Us " * 100).strip(),
    "closers": "It ended." + ")" * 300,
}


@pytest.mark.parametrize("name", LINES)
@pytest.mark.parametrize("language", ["en", "de", None])
def test_long_lines_are_measured_as_the_former_python_measured_them(monkeypatch, name, language):
    text = LINES[name]
    assert tuple(measure(text, language)) == oracle.measure(text, stopwords(language))
    monkeypatch.setattr(features, "LONG_LINE_CHARS", 97)
    assert len(text) > 97
    assert token_count(text) == len(text.split())


def test_pieces_cover_the_text_and_cut_only_before_spaces():
    text = LINES["urls and digits"]
    parts = list(pieces(text, 50))
    assert "".join(parts) == text and len(parts) > 10
    assert all(p.startswith(" ") for p in parts[1:])
