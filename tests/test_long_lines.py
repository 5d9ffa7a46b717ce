"""A very long line is measured without a list of all its words (the compiled core
streams them, and reads a line's shape in one pass): the figures are exactly those the
former Python measured on the whole line."""

from __future__ import annotations

import pytest

from cleaner.features import measure, shapes
from cleaner.language import stopwords
from cleaner.options import Options

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
def test_long_lines_are_measured_as_the_former_python_measured_them(name, language):
    text = LINES[name]
    assert tuple(measure(text, language)) == oracle.measure(text, stopwords(language))
    assert list(shapes([text], Options())) == [oracle.shape(text, Options())]
