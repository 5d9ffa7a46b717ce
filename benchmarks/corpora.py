"""The evaluation sets bundled in ``corpus/``, loaded as `Page`s.

- ``scrapinghub-dev``: pages with a ground-truth article body (``truth``);
- ``trafilatura-eval-dev``: pages with snippets that must (``with_``) and must not
  (``without``) appear in the main text;
- ``seeds``: hand-labelled text dumps (loaded with `cleaner.labels.load_corpus`).

``markup`` is what an HTML extractor is given: the decoded page for scrapinghub (as that
benchmark reads its pages), the bytes as stored for trafilatura-eval (as trafilatura's
own evaluation reads them).  ``html`` is always the decoded string.

**Tuning part and check part.**  Every dev set is split once and for all by a hash of the
page id (`part_of`): about two pages in three are the *tuning* part, where rules are
developed and errors are read; the other third is the *check* part, which measures how well
a change holds on pages it was not tuned on.  The split depends on nothing but the id
(sha256 of ``SPLIT_SALT`` and the id, first 8 hex digits, modulo `SPLIT_MODULUS`), so it is
the same on every machine, for every subset (``--limit``) and for pages added later.  The
benchmark gate's floors sit on the check part; read pages of the check part only to see
that a change is no worse there, never to find the next rule.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, TypeVar

from .cache import digest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = CORPUS / "seeds"
SCRAPINGHUB = CORPUS / "scrapinghub-dev"
TRAFILATURA_EVAL = CORPUS / "trafilatura-eval-dev"

#: The parts of a dev set: ``tune`` (about two thirds), ``check`` (about one third).
PARTS = ("tune", "check")
#: Fixed salt of the split's hash: changing it would reshuffle every set.
SPLIT_SALT = "cleaner-dev-split-v1"
#: One page in `SPLIT_MODULUS` (by hash) goes to the check part.
SPLIT_MODULUS = 3

T = TypeVar("T")


def part_of(page_id: str) -> str:
    """``"check"`` or ``"tune"``: the part of a dev set a page belongs to, by a hash of its
    id (the ground-truth key, the file name, or any stable name of a document).

    >>> part_of("0001"), part_of("0002"), part_of("0003")
    ('tune', 'check', 'tune')
    """
    h = hashlib.sha256(f"{SPLIT_SALT}:{page_id}".encode("utf-8")).hexdigest()
    return "check" if int(h[:8], 16) % SPLIT_MODULUS == 0 else "tune"


def split_parts(items: Iterable[T], key=lambda item: item.key) -> dict[str, list[T]]:
    """Items by part (``{"tune": [...], "check": [...]}``, order kept); ``key`` gives an
    item's id (by default its ``key`` attribute, as on a `Page`).

    >>> split_parts(["0001", "0002", "0003"], key=str)
    {'tune': ['0001', '0003'], 'check': ['0002']}
    """
    parts: dict[str, list[T]] = {part: [] for part in PARTS}
    for item in items:
        parts[part_of(key(item))].append(item)
    return parts


@dataclass(frozen=True)
class Page:
    set: str
    key: str
    url: str
    markup: str | bytes = field(repr=False)
    html: str = field(repr=False)
    digest: str
    truth: str | None = field(default=None, repr=False)
    with_: tuple[str, ...] = field(default=(), repr=False)
    without: tuple[str, ...] = field(default=(), repr=False)


def decode_page(data: bytes) -> str:
    """Bytes of a page as text: UTF-8, else the encoding trafilatura detects."""
    from trafilatura.utils import decode_file

    return decode_file(data)


def scrapinghub_pages(limit: int | None = None, directory: Path = SCRAPINGHUB) -> list[Page]:
    truth = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(truth)[:limit]:
        with gzip.open(directory / "html" / f"{key}.html.gz", "rt", encoding="utf-8") as f:
            html = f.read()
        pages.append(Page("scrapinghub", key, truth[key].get("url", ""), html, html,
                          digest(html), truth=truth[key]["articleBody"]))
    return pages


def trafilatura_eval_pages(limit: int | None = None, directory: Path = TRAFILATURA_EVAL) -> list[Page]:
    data = json.loads((directory / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for url in sorted(data)[:limit]:
        item = data[url]
        raw = gzip.decompress((directory / "html" / f"{item['file']}.gz").read_bytes())
        pages.append(Page("trafilatura-eval", item["file"], url, raw, decode_page(raw),
                          digest(raw), with_=tuple(item["with"]),
                          without=tuple(item["without"])))
    return pages
