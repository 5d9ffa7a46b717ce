"""trafilatura's prunes of the raw page, their matches found by a walk in Python.

trafilatura's extraction sequence first deletes, from the parsed page, the containers of
appended articles and share buttons (``RAW_TREE_PRUNE_XPATH``) and the comment sections
(``REMOVE_COMMENTS_AND_LISTS_XPATH``).  Each is an XPath expression over every element of
the page (``.//*[self::div or ...]``), and libxml2 takes about 0.3-1 ms a page for each
one, most of it in stepping over the elements whose tag the expression does not want.
The same matches come from lxml's tag-filtered iteration and a test of each candidate's
``id`` and ``class`` with the regular expressions the XPath gives EXSLT's ``re:test``
(Python's `re`, searched, as lxml does): about a quarter of the time.

`MATCHERS` holds, for each expression followed, the digest of its text (sha256 of
``XPath.path``, first 16 hex digits) and its Python matcher.  `expressions` gives what
`cleaner.front.sequence` hands trafilatura's own ``prune_unwanted_nodes`` instead of the
expressions: the matchers when the expressions' texts are the ones recorded (so the same
elements are deleted, in the same order, by the same code), and the expressions
themselves when they are not (another trafilatura release).
"""

from __future__ import annotations

import hashlib
import re

_ADDED = re.compile("mvp-post-add-(?:box|wrap)|infinite-?scroll").search
_ADDED_BOX = re.compile("mvp-post-add-(?:box|wrap)").search
_COMMENTS_ID = re.compile("^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)").search
_COMMENTS_LIST_ID = re.compile("^(?:[Cc]omment(?!ary)|comol)").search
_COMMENTS_CLASS = re.compile("^[Cc]omment(?!ary)|(?:article|post)-comments").search


def _appended(tree) -> list:
    """``RAW_TREE_PRUNE_XPATH[0]``: a div, section or aside whose id or class names an
    infinite scroll or an appended post box, unless it holds an ``<h1>`` (a post box is
    pruned even then)."""
    out = []
    for elem in tree.iterdescendants("div", "section", "aside"):
        ident, cls = elem.get("id"), elem.get("class")
        if (ident and _ADDED(ident)) or (cls and _ADDED(cls)):
            if (next(elem.iterdescendants("h1"), None) is None
                    or (ident and _ADDED_BOX(ident)) or (cls and _ADDED_BOX(cls))):
                out.append(elem)
    return out


def _share_buttons(tree) -> list:
    """``RAW_TREE_PRUNE_XPATH[1]``: a div, section or aside whose class holds
    "elementor-share-buttons"."""
    return [elem for elem in tree.iterdescendants("div", "section", "aside")
            if "elementor-share-buttons" in (elem.get("class") or "")]


def _comments(tree) -> list:
    """``REMOVE_COMMENTS_AND_LISTS_XPATH[0]``: a div, list, section, details, ol or ul
    whose id or class names comments (an ol or ul not by a disqus id)."""
    out = []
    for elem in tree.iterdescendants("div", "list", "section", "details", "ol", "ul"):
        ident, cls = elem.get("id"), elem.get("class")
        by_class = bool(cls) and _COMMENTS_CLASS(cls) is not None
        if by_class or (ident and _COMMENTS_ID(ident)):
            if by_class or (elem.tag != "ol" and elem.tag != "ul") or _COMMENTS_LIST_ID(ident):
                out.append(elem)
    return out


#: ``trafilatura.xpaths`` list name -> per expression, (digest of its text, matcher).
MATCHERS = {
    "RAW_TREE_PRUNE_XPATH": (("01e7c660fd6406f2", _appended), ("3c7afe92279543d5", _share_buttons)),
    "REMOVE_COMMENTS_AND_LISTS_XPATH": (("9cc18d34e6e2d258", _comments),),
}


def digest(expression) -> str:
    """The digest of an XPath expression's text (`text_digest` of its ``path``)."""
    return text_digest(expression.path)


def text_digest(text: str) -> str:
    """The digest by which a text of trafilatura's is recognised as the one followed
    (`MATCHERS`, `cleaner.front.sequence.SOURCES`): sha256 of it, first 16 hex digits."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def expressions(name: str, followed) -> tuple:
    """What stands for ``followed``, the expressions of ``trafilatura.xpaths.<name>``:
    the matchers of `MATCHERS` when their texts are the ones recorded there, else the
    expressions themselves (asked once a name)."""
    known = _known.get(name)
    if known is None:
        recorded = MATCHERS.get(name, ())
        same = [digest(expression) for expression in followed] == [text for text, _ in recorded]
        known = _known[name] = tuple(matcher for _, matcher in recorded) if same else tuple(followed)
    return known


_known: dict[str, tuple] = {}  # name -> what `expressions` gave
