"""trafilatura's extraction sequence for the front door, its main extractor set for precision.

trafilatura extracts a page in stages: its main extractor (`extract_content`), a comparison
with readability and jusText, a baseline rescue when the text is short, and a retry in
recall mode when the text covers little of the page.  Its ``favor_precision`` setting
changes every stage: the main extractor leaves out the page's ``<header>`` elements, the
blocks named "bottom" or "link" and short link-heavy blocks, and the rescue and retry
stages no longer run, so whole articles that only a rescue finds are lost.

`run` is trafilatura's sequence (`trafilatura.core.trafilatura_sequence`) for the front
door's settings (comments excluded), step for step, with the main
extractor given ``precise`` settings and every other stage the ``options`` the sequence
is given: what the main extractor returns is cleaner, and the rescue stages still run
(the figures, beside those of the whole setting for precision, are in the commit that
brought this module).

The sequence is followed as trafilatura wrote it in release `VERSION`, whose source
`SOURCES` records (a digest of each function followed, and of what `readability_loses`
and `page_text_most` read of readability and of the page's text; 2.3.0's sequence already differs);
pyproject.toml asks for that release.  With another version, `follows` is false and the
front door runs trafilatura's own sequence instead (on the dev pages, with 2.3.1's own
sequence forced: scrapinghub check clean(html) F1 0.979 -> 0.967, trafilatura-eval check
0.967 -> 0.965).
"""

from __future__ import annotations

import importlib
import inspect
import math
from copy import copy
from functools import cache

from lxml.etree import Element

from .prune import expressions, text_digest

# trafilatura is imported where it is used: its import costs about 0.2 s, paid only for
# HTML (`cleaner.front.extract` imports this module)

#: The trafilatura release whose sequence `run` follows (pyproject.toml requires it).
VERSION = "2.3.1"

#: The functions of `trafilatura.core` that `run` follows, with a digest of the source it
#: was written against (sha256, first 16 hex digits).
SOURCES = {
    "trafilatura_sequence": "f03dc4d2946dacbd",
    "_extract_and_compare": "f7d056c2118222e8",
    "_prepare_tree": "9595f0642825c2c7",
    "_recall_retry": "59594c39714f57be",
    # what `readability_loses` reads of the comparison with readability (other modules)
    "external.compare_extraction": "2d3d1ffea3ba469f",
    "external._prefer_readability": "f6ee688e9ae60074",
    "external.try_readability": "538e3c8e5ab7e4d4",
    "readability_lxml.Document": "fe2ad9d1920eed29",
    # what `page_text_most` reads of the page's text measured for the escalation
    "baseline.html2txt": "a8c97eab2097c57d",
    "baseline._spaced_text": "d04314f988c6afae",
    "baseline.basic_cleaning": "80877b2ccdefda2d",
    "utils.remove_control_characters": "26cbe32b70e70e35",
    "utils.return_printables_and_spaces": "288779372242f2ae",
}


@cache
def follows() -> bool:
    """Is the installed trafilatura's sequence the one `run` follows?"""
    try:
        return all(text_digest(inspect.getsource(_followed(name))) == digest for name, digest in SOURCES.items())
    except (AttributeError, ImportError, OSError, TypeError):  # a function gone, or no source to read
        return False


def _followed(name: str):
    """The function (or class) of `SOURCES` named ``name``: ``module.attribute`` of
    trafilatura, or an attribute of ``trafilatura.core``."""
    module, _, attribute = name.rpartition(".")
    return getattr(importlib.import_module(f"trafilatura.{module or 'core'}"), attribute)


def run(tree, options, precise, text_bound=None):
    """``trafilatura_sequence(tree, options)`` (body, text, comments body, comments text)
    with its main extractor run with ``precise``; ``options`` exclude comments (the front
    door's), so no comment is captured and no forum post is salvaged.  ``text_bound``:
    `cleaner.front.walk.PageWalk.text_bound` of the tree (before the sequence prunes it),
    when the caller walked it: readability is then spared where it cannot win
    (`readability_loses`)."""
    from trafilatura import core
    from trafilatura.baseline import baseline, html2txt
    from trafilatura.external import compare_extraction
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.main_extractor import extract_content
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH, REMOVE_COMMENTS_XPATH

    is_forum = core._forum_thread_page(tree)
    # the raw tree's prunes, their matches found in Python (`cleaner.front.prune`)
    tree = prune_unwanted_nodes(tree, expressions("RAW_TREE_PRUNE_XPATH", RAW_TREE_PRUNE_XPATH))
    if options.focus == "precision" or not is_forum:  # comments excluded
        comments = expressions("REMOVE_COMMENTS_AND_LISTS_XPATH", REMOVE_COMMENTS_AND_LISTS_XPATH)
        tree = prune_unwanted_nodes(tree, comments)
    cleaned_tree, cleaned_tree_backup = core._prepare_tree(tree, options, None)
    if options.focus == "precision" and not is_forum:
        cleaned_tree = prune_unwanted_nodes(cleaned_tree, REMOVE_COMMENTS_XPATH)
    postbody, temp_text = extract_content(cleaned_tree, precise)
    if not options.fast:
        # readability reads a copy of the page; a tree without text stands in for it when
        # readability's text cannot win (its text is then empty, which never wins)
        raw = Element("html") if readability_loses(text_bound, postbody, temp_text, options) else copy(tree)
        postbody, temp_text = compare_extraction(cleaned_tree_backup, raw, postbody, temp_text, options)
    pruned_only = True  # the tree is the walked page less what the sequence deleted
    if len(temp_text) < options.min_extracted_size and options.focus != "precision":
        pruned_only = False
        b_body, b_text, b_len = baseline(tree)
        if b_len > len(temp_text):
            postbody, temp_text = b_body, b_text
    # the page's text is measured (html2txt, on a copy) unless it is known to be short
    # enough that the text found covers the share asked (`page_text_most`)
    if (options.focus == "balanced" and 0 < len(temp_text) < core.ESCALATION_MAX_LENGTH
            and (not pruned_only or len(temp_text) < core.ESCALATION_PAGE_SHARE * page_text_most(tree, text_bound))
            and len(temp_text) < core.ESCALATION_PAGE_SHARE * len(html2txt(tree))):
        postbody, temp_text = _escalate(tree, options, postbody, temp_text)
    return postbody, temp_text, Element("body"), ""


def readability_loses(text_bound, body, text: str, options) -> bool:
    """Can readability's text not replace the main extractor's ``body`` and ``text`` in
    trafilatura's ``compare_extraction`` (its ``_prefer_readability``)?  True when the
    main extractor found text, the options are not set for recall, and readability's
    text is at most twice as long (``text_bound()``, `cleaner.front.walk.PageWalk.text_bound`,
    bounds it), and either at most twice ``min_extracted_size`` or the main extractor's
    body is not structurally deficient (it has paragraph text and no more tables than
    paragraphs).  ``text_bound`` ``None``: the bound is not known."""
    if text_bound is None or not text or options.focus == "recall":
        return False
    bound = text_bound()
    if bound is None or bound > 2 * len(text):
        return False
    return bound <= 2 * options.min_extracted_size or (
        _paragraph_text(body) and len(body.findall(".//table")) <= len(body.findall(".//p")))


def _paragraph_text(body) -> bool:
    """Does a paragraph of ``body`` hold a text node (``body.xpath(".//p//text()")``, which
    trafilatura reads, is not empty)?  Found by walking the tree, in time linear in its
    size: libxml2 evaluates that expression in time quadratic in the paragraphs (100,000
    paragraphs took 7 s)."""
    return any(True for p in body.iterdescendants("p") for _ in p.itertext())


def page_text_most(tree, text_bound) -> float:
    """An upper bound of ``len(html2txt(tree))`` (trafilatura's text of the whole page,
    measured for its recall escalation) for a tree the walk read (``text_bound``,
    `cleaner.front.walk.PageWalk.text_bound`) and the sequence only pruned since;
    infinity when the bound is not known.  ``html2txt`` deletes scripts, styles and other
    sections from a copy of the page, deletes control characters, and puts a space
    before the text and before the tail of each of its block elements: each space may
    part a word in two, one more character.  So its text is at most the walk's bound of
    the page's text without scripts and styles, and two characters a block element."""
    bound = text_bound() if text_bound is not None else None
    if bound is None:
        return math.inf
    from trafilatura.baseline import _BLOCK_ELEMS

    return bound + 2 * sum(1 for _ in tree.iter(*_BLOCK_ELEMS))


def _escalate(tree, options, postbody, temp_text):
    """trafilatura's recall escalation (comments excluded: the tree is already pruned):
    a retry in recall mode and a jusText candidate, kept when clearly longer."""
    from trafilatura import core
    from trafilatura.external import justext_rescue

    r_options = copy(options)
    r_options.focus = "recall"
    r_text = j_text = ""
    try:
        r_body, r_text = core._recall_retry(tree, r_options, None)
    except Exception:  # noqa: BLE001 - as trafilatura: a failed retry is no candidate
        pass
    if not options.fast:
        try:
            j_body, j_text = justext_rescue(copy(tree), options)
        except Exception:  # noqa: BLE001 - as trafilatura
            pass
    len_text, r_len, j_len = len(temp_text), len(r_text), len(j_text)
    if j_len > r_len and j_len > core.ESCALATION_JUSTEXT_RATIO * len_text:
        return j_body, j_text
    if r_len >= options.min_extracted_size and r_len > core.ESCALATION_ACCEPT_RATIO * len_text:
        return r_body, r_text
    return postbody, temp_text
