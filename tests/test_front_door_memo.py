"""The benchmarks' memoised HTML front door reaches what `clean` calls: a second
``clean(html)`` inside `benchmarks.systems.memoised_front_door` answers from the cache and
gives the same text as a fresh call."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.cache import DiskCache  # noqa: E402
from benchmarks.systems import memoised_front_door  # noqa: E402
from cleaner import clean  # noqa: E402

PAGE = ("<html><body><nav><a href='/'>Home</a></nav><article><h1>Harbour works</h1>"
        "<p>The harbour authority said on Monday that the old ferry terminal would close for "
        "repairs in the spring, after engineers found cracks in the main pier.</p>"
        "<p>Passengers will board at a temporary landing stage next to the fish market.</p>"
        "</article></body></html>")


def test_clean_html_answers_from_the_memoised_front_door(tmp_path):
    cache = DiskCache(tmp_path)
    with memoised_front_door(cache):
        first = clean(PAGE)
        assert (cache.hits, cache.misses) == (0, 1)
        again = clean(PAGE)
        assert (cache.hits, cache.misses) == (1, 1)
    assert first == again == clean(PAGE)
    assert "harbour authority" in first
