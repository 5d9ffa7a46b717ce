"""The page's headline: what an HTML page says its article is called.

The extractor's text often leaves the headline out (it sits in the page's header, not in
the article body), so the front door reads it from the page itself: the first ``<h1>``
that reads like a headline, else the ``og:title`` meta property, else ``<title>``.  The
pipeline gives it to the main story as its title when no line of the text holds one.
A page read while it is parsed (`cleaner.front.stream`) has its headline read there, from
the parser's events, by the same choice (`named`, `is_og_title`).
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


def named(text: str | None) -> str | None:
    """``text`` with its runs of white space made one space, if it reads like a headline
    (`HEADLINE_MIN_WORDS` to `HEADLINE_MAX_WORDS` words), else ``None``.

    >>> named("  Rain  falls on the city "), named("Home"), named(None)
    ('Rain falls on the city', None, None)
    """
    text = _SPACE.sub(" ", text or "").strip()
    return text if HEADLINE_MIN_WORDS <= words(text) <= HEADLINE_MAX_WORDS else None


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
        return next(filter(None, map(named, _candidates(tree))), None)
    except (ValueError, TypeError):  # a broken tree names no headline
        return None


def _candidates(tree: HtmlElement):
    """The texts that may name the page's article, in the order they are asked: each
    ``<h1>``, then the ``og:title`` meta property, then ``<title>`` (read one at a time:
    the first that reads like a headline ends the search)."""
    for h1 in tree.iter("h1"):
        yield h1.text_content()
    for meta in tree.iter("meta"):
        if is_og_title(meta):
            yield meta.get("content")
    for title in tree.iter("title"):
        yield title.text_content()


def is_og_title(meta) -> bool:
    """Is the ``<meta>`` element ``meta`` the page's ``og:title`` property?"""
    return (meta.get("property") or meta.get("name") or "").lower() == "og:title"
