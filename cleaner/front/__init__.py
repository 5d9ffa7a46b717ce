"""The HTML front door: what turns a page into lines the text pipeline can judge.

- `cleaner.front.detect`: is a document HTML (a page or a fragment)?
- `cleaner.front.decode`: bytes to text (byte-order mark, declared charset, UTF-8, guess);
- `cleaner.front.walk`: one walk over the page's tree that every step after it reads
  (its text nodes, its blocks' text, what lies around each block), so the extractor may
  prune the tree once it is done;
- `cleaner.front.dom`: the page as a tree, and each extracted line traced back to its
  element (a `LineHint`: tag, heading level, link density, class and id words, whether
  it belongs to another story of the page);
- `cleaner.front.headline`: the page's headline (``<h1>``, ``og:title``, ``<title>``);
- `cleaner.front.page`: every text block of the page, merged in page order with the
  extracted lines (a block the extractor did not choose says so in its hint);
- `cleaner.front.sequence`: trafilatura's extraction sequence, its main extractor set for
  precision; `cleaner.front.prune`: its prunes of the raw page, matched in Python;
- `cleaner.front.stream`: the blocks' text of a page too large for a tree, read while it
  is parsed;
- `cleaner.front.extract`: the entry point, `extract(document) -> Extraction`: the whole
  page, one block a line (trafilatura's main text where it stands), with a hint per line.

Data flows one way: `cleaner.pipeline` calls the front door and reads its `Extraction`;
nothing here imports the pipeline or the stages after it.

The front door takes no options: what it gives for a page depends on the page alone.  Its
thresholds are module constants, each named and documented with its unit: a teaser card's words (`cleaner.front.dom.CARD_MAX_WORDS`,
`cleaner.front.dom.CARD_HEADLINE_MIN_WORDS`), a headline's words
(`cleaner.front.headline.HEADLINE_MIN_WORDS`, `cleaner.front.headline.HEADLINE_MAX_WORDS`),
the page's size (`cleaner.front.extract.MAX_HTML_CHARS`, `MAX_EXTRACTED_ELEMENTS`) and depth
(`cleaner.front.dom.FLAT_DEPTH`), the charset guess (`cleaner.front.decode.STRAY_BYTES_SHARE`, `GUESS_WINDOW`,
`GUESS_TIE_CHAOS`), what makes a fragment HTML (`cleaner.front.detect.DETECT_MIN_PAIRED_TAGS`,
`DETECT_TAGGED_SHARE`), the windows read (`cleaner.front.detect.DETECT_WINDOW`,
`cleaner.front.decode.DECLARATION_WINDOW`, `cleaner.front.dom.ROOT_WINDOW`) and the keys a
text is found by (`cleaner.front.walk.PREFIX`, `cleaner.front.page.OPENING`).  The
decisions on the lines it gives are the pipeline's, which reads its `cleaner.Options`
(`cleaner.extracted`).

`detect` and `decode` are imported with `cleaner` (`cleaner.pipeline` imports them); the
modules that parse a page (they import lxml, about 20 ms) when first used, as attributes of
this package (``cleaner.front.extract``): a process that cleans only text never imports them.
"""

import importlib

#: The submodules imported when first asked for as attributes of the package.
_ON_FIRST_USE = frozenset({"dom", "extract", "headline", "page", "stream", "walk"})


def __getattr__(name: str):
    if name in _ON_FIRST_USE:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
