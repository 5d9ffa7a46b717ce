"""The test of one article whose subject drifts reads each line without the stopwords of
its own language too: in a dump of pages in several languages, read with the document's
stoplist, another language's function words shared by the stories before and after a gap
would make two stories look like one."""

from __future__ import annotations

import sys
from pathlib import Path

import cleaner

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks import story_dumps as sd  # noqa: E402
from benchmarks.multiarticle import predicted_starts  # noqa: E402


def test_a_story_in_another_language_than_the_documents_is_not_one_article_with_the_last():
    # a German page, then an English one with no title (the dump's stoplist is German's):
    # the English function words of the stories before and after the gap no longer make
    # the whole stretch read as one article
    pages = sd.load_source("multilingual")
    fam = next(f for f in sd.FAMILIES if f.name == "untitled")
    dump = next(d for d in sd.build_family(pages, fam, sd.part_of, 1)["tune"]
                if d.pages[:2] == ["elle.de.sneaker.html", "edition.cnn.com-royal.html"])
    assert dump.starts[0] == 24
    a = cleaner.analyze(dump.text)
    assert any(abs(p - 24) <= 1 for p in predicted_starts(a.source, a.articles))
