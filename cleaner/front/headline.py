"""The page's headline: what an HTML page says its article is called.

The extractor's text often leaves the headline out (it sits in the page's header, not in
the article body), so the front door reads it from the page itself: the first ``<h1>``
that reads like a headline, else the ``og:title`` meta property, else ``<title>``.  The
pipeline gives it to the main story as its title when no line of the text holds one.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .dom import words

_SPACE = re.compile(r"\s+")
#: Fewest words a headline holds, in words (`cleaner.front.dom.words`: a lone site name in an
#: ``<h1>`` is none).
HEADLINE_MIN_WORDS = 2
#: Most words a headline holds, in words (a whole paragraph in an ``<h1>`` is none).
HEADLINE_MAX_WORDS = 40


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def _headline_like(text: str) -> bool:
    return HEADLINE_MIN_WORDS <= words(text) <= HEADLINE_MAX_WORDS


def headline(tree: HtmlElement | None) -> str | None:
    """The page's headline, or ``None`` when it names none.

    >>> from lxml.html import fromstring
    >>> headline(fromstring("<html><head><title>Site | A title</title></head>"
    ...                     "<body><h1> Rain  falls on the city </h1><p>Text.</p></body></html>"))
    'Rain falls on the city'
    >>> headline(fromstring("<html><head><title>A page title</title></head><body><p>x</p></body></html>"))
    'A page title'
    >>> headline(None) is None
    True
    """
    if tree is None:
        return None
    try:
        return next(filter(_headline_like, map(_clean, _candidates(tree))), None)
    except (ValueError, TypeError):  # a broken tree names no headline
        return None


def _candidates(tree: HtmlElement):
    """The texts that may name the page's article, in the order they are asked: each
    ``<h1>``, then the ``og:title`` meta property, then ``<title>`` (read one at a time:
    the first that reads like a headline ends the search)."""
    for h1 in tree.iter("h1"):
        yield h1.text_content()
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:title":
            yield meta.get("content")
    for title in tree.iter("title"):
        yield title.text_content()
