"""The evaluation sets bundled in ``corpus/``, loaded as `Page`s.

- ``scrapinghub-dev``: pages with a ground-truth article body (``truth``);
- ``trafilatura-eval-dev``: pages with snippets that must (``with_``) and must not
  (``without``) appear in the main text;
- ``seeds``: hand-labelled text dumps (loaded with `cleaner.labels.load_corpus`).

``markup`` is what an HTML extractor is given: the decoded page for scrapinghub (as that
benchmark reads its pages), the bytes as stored for trafilatura-eval (as trafilatura's
own evaluation reads them).  ``html`` is always the decoded string.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path

from .cache import digest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = CORPUS / "seeds"
SCRAPINGHUB = CORPUS / "scrapinghub-dev"
TRAFILATURA_EVAL = CORPUS / "trafilatura-eval-dev"


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
