"""Hypothesis strategies and corpus readers for the property tests.

- arbitrary input: any unicode text (control characters, lone surrogates, every line
  break), pathological shapes (very long lines, no newlines, only newlines), bytes, HTML;
- clean article text: real body paragraphs read from the corpus at test time (ground-truth
  article bodies and the seeds' ``body:0`` lines) and generated prose-like sentences;
- boilerplate: the ``examples`` of the catalogue's rules, with case and whitespace noise;
- multi-story dumps: title line, meta line and body paragraphs per story.

No sentence of the corpus is written here: the corpus is read from ``corpus/`` (or from
``../shared`` beside the repository when ``corpus/`` is absent).
"""

from __future__ import annotations

import functools
import json
import string
from dataclasses import dataclass
from pathlib import Path

import regex
from hypothesis import settings
from hypothesis import strategies as st

from cleaner.catalogue import load_rules
from cleaner.extracted import COMMENT_COUNTER
from cleaner.language import stopwords
from cleaner.segment import normalize

REPO = Path(__file__).resolve().parents[1]

# --------------------------------------------------------------------------- settings


def scaled(divisor: int, floor: int = 3) -> int:
    """The active profile's ``max_examples`` divided by ``divisor`` (at least ``floor``):
    for properties whose examples are expensive (a process each, a large page)."""
    return max(floor, settings.default.max_examples // divisor)


# --------------------------------------------------------------------------- corpus


def _first_existing(*candidates: Path) -> Path | None:
    return next((p for p in candidates if p.exists()), None)


GROUND_TRUTH = _first_existing(
    REPO / "corpus" / "scrapinghub-dev" / "ground-truth.json",
    REPO.parent / "shared" / "corpus-dev" / "scrapinghub" / "ground-truth.json",
)
SEEDS = _first_existing(REPO / "corpus" / "seeds", REPO.parent / "shared" / "seeds")


def seed_files() -> list[Path]:
    """The raw text dumps of the hand-labelled seeds (``NAME.txt``)."""
    if SEEDS is None:
        return []
    return sorted(SEEDS.glob("*.txt"))


def seed_labels(path: Path) -> list[tuple[str, str]]:
    """``(label, raw line)`` rows of a seed's ``.labels.tsv``."""
    tsv = path.with_name(path.name[: -len(".txt")] + ".labels.tsv")
    rows = []
    for row in tsv.read_text(encoding="utf-8").split("\n"):
        if not row:
            continue
        label, _, text = row.partition("\t")
        rows.append((label, text))
    return rows


# A sentence end, optionally followed by closing quotes or brackets.  An ellipsis is not
# counted: a paragraph that trails off is tested on its own (see `ELLIPSIS_PARAGRAPHS`).
_SENTENCE_END = regex.compile(r"(?<![.…])[.!?。！？]['\")\]}\p{Pe}\p{Pf}\p{Pi}]*$")
_ELLIPSIS_END = regex.compile(r"(?:\.\.\.|…)['\")\]}\p{Pe}\p{Pf}\p{Pi}]*$")
_URLISH = regex.compile(r"https?:|www\.|@|\.com\b")


def is_plain_prose(line: str) -> bool:
    """A paragraph any reader calls running text: at least 8 words, ends like a sentence,
    no URLs or handles, few digits, and not a list of names or figures (at most half of
    its words capitalised or numeric).  This is the cleaner-independent notion of body
    text the recall properties use."""
    words = line.split()
    if len(words) < 8 or not _SENTENCE_END.search(line) or _URLISH.search(line):
        return False
    nonspace = sum(map(len, words))
    if sum(c.isdigit() for c in line) > 0.1 * nonspace:
        return False
    upper = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return upper <= len(words) / 2


def _distinct(paragraphs) -> tuple[str, ...]:
    """Paragraphs without later repeats (a repeated paragraph is a duplicate, not body)."""
    seen: set[str] = set()
    out = []
    for p in paragraphs:
        if p.casefold() not in seen:
            seen.add(p.casefold())
            out.append(p)
    return tuple(out)


@functools.lru_cache(maxsize=1)
def body_documents() -> tuple[tuple[str, ...], ...]:
    """Per real article, its plain-prose paragraphs in order (normalised): ground-truth
    bodies and the seeds' ``body:0`` lines."""
    docs: list[tuple[str, ...]] = []
    if GROUND_TRUTH is not None:
        truth = json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))
        for key in sorted(truth):
            paras = [normalize(p) for p in truth[key]["articleBody"].splitlines()]
            paras = _distinct(p for p in paras if is_plain_prose(p))
            if paras:
                docs.append(paras)
    for path in seed_files():
        paras = _distinct(
            normalize(text) for label, text in seed_labels(path)
            if label == "body:0" and is_plain_prose(normalize(text))
        )
        if paras:
            docs.append(paras)
    return tuple(docs)


@functools.lru_cache(maxsize=None)
def ellipsis_articles(language: str | None = None) -> tuple[tuple[tuple[str, ...], int], ...]:
    """Real articles (in ``language``; any for ``None``) with a body paragraph that trails
    off with an ellipsis: per article, its plain-prose paragraphs in order with that
    paragraph at its place, and the paragraph's index."""
    from cleaner.language import guess_language

    out = []
    if GROUND_TRUTH is not None:
        truth = json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))
        for key in sorted(truth):
            body = truth[key]["articleBody"]
            if language is not None and guess_language(body) != language:
                continue
            paras = _distinct(normalize(p) for p in body.splitlines())
            kept, at = [], None
            for p in paras:
                if at is None and _ELLIPSIS_END.search(p) and is_plain_prose(_ELLIPSIS_END.sub(".", p)):
                    at = len(kept)
                    kept.append(p)
                elif is_plain_prose(p):
                    kept.append(p)
            if at is not None:
                out.append((tuple(kept), at))
    return tuple(out)


@st.composite
def article_with_ellipsis(draw, language: str | None = None, max_paragraphs: int = 10) -> list[str]:
    """A run of consecutive paragraphs of one real article (``ellipsis_articles``) that
    includes its paragraph ending in an ellipsis and at least one paragraph before it."""
    paras, at = draw(st.sampled_from([(p, at) for p, at in ellipsis_articles(language) if at > 0]))
    i = draw(st.integers(max(0, at - max_paragraphs + 1), at - 1))
    j = draw(st.integers(at + 1, min(len(paras), i + max_paragraphs)))
    return list(paras[i:j])


# --------------------------------------------------------------------------- arbitrary input

#: Every character `str.splitlines` breaks on, plus the Windows pair.
LINE_BREAKS = ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]
#: Whitespace and invisible characters that normalisation folds or removes.
SPACES = [" ", "\t", "\u00a0", "\u2009", "\u3000", "\u200b", "\ufeff", "\u00ad", "\x00", "\x7f"]

any_char = st.characters(codec=None, categories=None)  # every code point, lone surrogates too
any_text = st.text(any_char, max_size=400)
#: Text made of line-ish chunks so that multi-line structure is common.
text_lines = st.lists(
    st.one_of(
        st.text(any_char, max_size=80),
        st.text(st.sampled_from(string.ascii_letters + " .,;:!?'\"()[]…-"), max_size=120),
        st.sampled_from(SPACES + [""]),
    ),
    max_size=30,
)
multiline_text = st.builds(
    lambda parts, seps: "".join(p + seps[i % len(seps)] for i, p in enumerate(parts)),
    text_lines,
    st.lists(st.sampled_from(LINE_BREAKS), min_size=1, max_size=4),
)


@st.composite
def pathological_text(draw) -> str:
    """Shapes that break naive code: a long run of one character, a long line with no
    break, only breaks, deep nesting, many URLs, long runs of punctuation."""
    n = draw(st.integers(1, 20_000))
    ch = draw(st.one_of(any_char, st.sampled_from(list(".!?…,;:-—'\"()[]<>@#/\\ \t*•") + LINE_BREAKS)))
    word = draw(st.text(any_char, min_size=1, max_size=12))
    depth = draw(st.integers(1, 2_000))
    kind = draw(st.sampled_from(
        ["run", "word-run", "nested", "urls", "breaks", "one-line", "mixed-breaks"]
    ))
    if kind == "run":
        return ch * n
    if kind == "word-run":
        return (word + draw(st.sampled_from(["", " ", "\n", ". "]))) * (n // len(word) + 1)
    if kind == "nested":
        open_, close = draw(st.sampled_from(["()", "[]", "{}", "«»", "“”", "<>", "''"]))
        return open_ * depth + word + close * depth
    if kind == "urls":
        return " ".join(f"https://{word}.example/{i}?q=@{i}#x" for i in range(n // 40 + 1))
    if kind == "breaks":
        return "".join(draw(st.lists(st.sampled_from(LINE_BREAKS), min_size=1, max_size=200)))
    if kind == "one-line":
        return " ".join(draw(st.lists(st.text(any_char, min_size=1, max_size=15), min_size=1, max_size=300)))
    return draw(multiline_text) * draw(st.integers(1, 50))


hostile_text = st.one_of(any_text, multiline_text, pathological_text())


@st.composite
def html_documents(draw) -> str:
    """Small HTML pages, well-formed or broken, with text drawn from anywhere."""
    paras = draw(st.lists(st.one_of(st.text(any_char, max_size=60), prose_line()), max_size=8))
    tag = draw(st.sampled_from(["p", "div", "li", "h2", "span", "td"]))
    body = "".join(f"<{tag}>{p}</{tag}>" for p in paras)
    shape = draw(st.sampled_from(["full", "fragment", "broken", "head-only"]))
    if shape == "full":
        return f"<!DOCTYPE html><html><head><title>{draw(st.text(max_size=20))}</title></head><body><article>{body}</article></body></html>"
    if shape == "fragment":
        return "<div><p>x</p><span>y</span><a href='#'>z</a><br><li>w</li>" + body
    if shape == "broken":
        return "<html><body><div><p>" + body + draw(st.text(st.sampled_from("<>/&;\"'= abc"), max_size=50))
    return "<html><head><meta charset='utf-8'><script>var x = '<p>';</script></head>"


# --------------------------------------------------------------------------- prose

_NOUNS = ["minister", "council", "river", "market", "school", "report", "village", "team",
          "company", "court", "station", "harvest", "museum", "budget", "storm", "bridge"]
_VERBS = ["said", "opened", "visited", "approved", "described", "rejected", "built",
          "announced", "reviewed", "closed", "followed", "supported"]
_ADJ = ["new", "old", "local", "national", "small", "large", "northern", "annual", "quiet"]
_DET = ["the", "a", "this", "that", "every", "their", "our"]
_PREP = ["in", "on", "at", "with", "for", "from", "after", "before", "near", "under"]
_CONJ = ["and", "but", "while", "because", "although", "so"]

_invented = st.text(st.sampled_from(string.ascii_lowercase), min_size=3, max_size=10)


@st.composite
def _clause(draw) -> str:
    det = draw(st.sampled_from(_DET))
    adj = draw(st.sampled_from(_ADJ + [""]))
    noun = draw(st.one_of(st.sampled_from(_NOUNS), _invented))
    verb = draw(st.sampled_from(_VERBS))
    prep = draw(st.sampled_from(_PREP))
    det2 = draw(st.sampled_from(_DET))
    noun2 = draw(st.one_of(st.sampled_from(_NOUNS), _invented))
    return " ".join(w for w in (det, adj, noun, verb, prep, det2, noun2) if w)


@st.composite
def prose_line(draw) -> str:
    """A generated English sentence of two to four clauses, ending with a full stop (or
    ! or ?): the shape of a body paragraph without any corpus text."""
    clauses = draw(st.lists(_clause(), min_size=2, max_size=4))
    joined = clauses[0]
    for c in clauses[1:]:
        joined += draw(st.sampled_from([", ", " "])) + draw(st.sampled_from(_CONJ)) + " " + c
    end = draw(st.sampled_from([".", ".", ".", "!", "?", '."', ".”"]))
    return joined[0].upper() + joined[1:] + end


@st.composite
def prose_in(draw, language: str) -> str:
    """A prose-like line in ``language``: its jusText stopwords mixed with invented words
    (about half and half), capitalised, ending with a full stop."""
    stops = sorted(w for w in stopwords(language) if w.isalpha())
    n = draw(st.integers(12, 30))
    ws = [draw(st.sampled_from(stops)) if draw(st.booleans()) or i % 2 == 0 else draw(_invented)
          for i in range(n)]
    line = " ".join(ws)
    return line[0].upper() + line[1:] + "."


@functools.lru_cache(maxsize=None)
def documents_in(language: str | None) -> tuple[tuple[str, ...], ...]:
    """The real articles of `body_documents` whose text is guessed to be in ``language``
    (all of them for ``None``)."""
    if language is None:
        return body_documents()
    from cleaner.language import guess_language

    return tuple(d for d in body_documents() if guess_language("\n".join(d)) == language)


@st.composite
def article(draw, max_paragraphs: int = 10, language: str | None = None) -> list[str]:
    """Clean article text: a run of consecutive plain-prose paragraphs of one real article
    (in ``language`` when given), or generated English prose lines (normalised lines, in
    order)."""
    docs = documents_in(language)
    if docs and draw(st.booleans()):
        doc = draw(st.sampled_from(docs))
        i = draw(st.integers(0, len(doc) - 1))
        j = draw(st.integers(i + 1, min(len(doc), i + max_paragraphs)))
        return list(doc[i:j])
    return draw(st.lists(prose_line(), min_size=1, max_size=max_paragraphs, unique_by=str.casefold))


@st.composite
def unrelated_articles(draw, language: str = "en") -> tuple[list[str], list[str]]:
    """Runs of paragraphs from two different real articles in one language."""
    docs = documents_in(language)
    i, j = draw(st.lists(st.integers(0, len(docs) - 1), min_size=2, max_size=2, unique=True))
    out = []
    for doc in (docs[i], docs[j]):
        a = draw(st.integers(0, len(doc) - 1))
        b = draw(st.integers(a + 1, min(len(doc), a + 6)))
        out.append(list(doc[a:b]))
    return out[0], out[1]


def layout(lines: list[str], seps: list[str]) -> str:
    """Join lines with the given separators (cycled)."""
    return "".join(line + seps[i % len(seps)] for i, line in enumerate(lines)).rstrip("\n")


paragraph_breaks = st.lists(st.sampled_from(["\n", "\n\n", "\r\n", "\n \n", "\n\n\n"]), min_size=1, max_size=3)


# --------------------------------------------------------------------------- boilerplate


@dataclass(frozen=True)
class Boilerplate:
    rule: str
    category: str
    language: str
    text: str


def _case_noise(text: str, flips: list[bool]) -> str:
    out = []
    for i, c in enumerate(text):
        flip = flips[i % len(flips)] if flips else False
        swapped = c.swapcase()
        # Only one-to-one case pairs (no 'ß' -> 'SS'), so the line keeps its characters.
        if flip and len(swapped) == 1 and swapped.swapcase() == c:
            c = swapped
        out.append(c)
    return "".join(out)


def closes_article(rule) -> bool:
    """Does a line of this rule open a section that ends the article (related stories,
    comments, or a comment counter, which opens the comments of an extractor's text after
    most of its prose: `cleaner.extracted.open_comments`)?  Such lines belong after the
    text, never between its paragraphs."""
    return (rule.category == "comments" or getattr(rule, "section", False)
            or rule.id.partition(".")[2] == COMMENT_COUNTER)


@st.composite
def boilerplate_line(draw, languages: frozenset[str] | None = None, closing: bool = True,
                     categories: frozenset[str] | None = None) -> Boilerplate:
    """An example line of a catalogue rule, with random case (for case-insensitive rules)
    and whitespace noise that normalisation folds away.  ``closing=False`` leaves out the
    rules whose line closes the article (`closes_article`); ``categories`` keeps only rules
    of these categories."""
    rules = [r for r in load_rules() if (languages is None or r.language in languages)
             and (closing or not closes_article(r))
             and (categories is None or r.category in categories)]
    rule = draw(st.sampled_from(rules))
    text = draw(st.sampled_from(rule.examples))
    if not rule.case_sensitive:
        text = _case_noise(text, draw(st.lists(st.booleans(), max_size=8)))
    pad = st.text(st.sampled_from([" ", "\t", "\u00a0", "\u200b", "\u3000"]), max_size=3)
    text = " ".join(
        w + (draw(pad) if draw(st.integers(0, 4)) == 0 else "") for w in text.split(" ")
    )
    text = draw(pad) + text + draw(pad)
    return Boilerplate(rule.id, rule.category, rule.language, text)


# --------------------------------------------------------------------------- stories


@dataclass(frozen=True)
class Story:
    title: str
    meta: str
    body: tuple[str, ...]


@dataclass(frozen=True)
class Dump:
    text: str
    stories: tuple[Story, ...]


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


@st.composite
def headline(draw) -> str:
    """A title-case headline of 4 to 9 words, no end punctuation."""
    words = draw(st.lists(st.one_of(st.sampled_from(_NOUNS + _ADJ + _VERBS), _invented),
                          min_size=4, max_size=9, unique=True))
    return " ".join(w.capitalize() for w in words)


@st.composite
def meta_line(draw) -> str:
    """A dateline/byline line: an English or language-independent catalogue ``meta``
    example, or a generated 'Updated 7 March 2021' / 'Published ...' line."""
    metas = [e for r in load_rules() if r.category == "meta" and r.language in ("common", "en")
             for e in r.examples]
    if metas and draw(st.booleans()):
        return draw(st.sampled_from(metas))
    day = draw(st.integers(1, 28))
    month = draw(st.sampled_from(_MONTHS))
    year = draw(st.integers(1995, 2030))
    verb = draw(st.sampled_from(["Updated", "Published", "Posted"]))
    return f"{verb} {day} {month} {year}"


@st.composite
def bibliography_entry(draw) -> str:
    """An invented bibliography entry, "SURNAME, Given: Title words. Subtitle, Place 2004,
    pp. 12-45.": it opens like a dateline ("OSLO: ...")."""
    surname = draw(st.text(st.sampled_from(string.ascii_uppercase), min_size=3, max_size=10))
    given = draw(_invented).capitalize()
    title = draw(st.lists(st.one_of(st.sampled_from(_NOUNS + _ADJ), _invented), min_size=2, max_size=5))
    sub = draw(st.lists(st.one_of(st.sampled_from(_NOUNS + _ADJ + _PREP + _DET), _invented), min_size=3, max_size=8))
    place = draw(_invented).capitalize()
    year = draw(st.integers(1900, 2030))
    first = draw(st.integers(1, 300))
    pages = f", pp. {first}-{first + draw(st.integers(1, 40))}" if draw(st.booleans()) else ""
    return (f"{surname}, {given}: {' '.join(title).capitalize()}. {' '.join(sub).capitalize()}, "
            f"{place} {year}{pages}.")


@st.composite
def multi_story_dump(draw, min_stories: int = 2, max_stories: int = 4) -> Dump:
    """Several stories one after the other: per story a headline, a meta line, then 2-6
    body paragraphs; paragraphs separated by blank lines or not."""
    n = draw(st.integers(min_stories, max_stories))
    stories = []
    titles: set[str] = set()
    for _ in range(n):
        title = draw(headline().filter(lambda t: t.casefold() not in titles))
        titles.add(title.casefold())
        # One language per dump, as on a real site.
        body = tuple(draw(article(max_paragraphs=6, language="en").filter(lambda a: len(a) >= 2)))
        stories.append(Story(title, draw(meta_line()), body))
    # A paragraph repeated across stories is a duplicate, not body: keep them distinct.
    seen: set[str] = set()
    for s in stories:
        for p in s.body:
            if p.casefold() in seen:
                from hypothesis import reject

                reject()
            seen.add(p.casefold())
    return dump_of(stories, draw(st.sampled_from(["\n", "\n\n"])))


def dump_of(stories, sep: str = "\n") -> Dump:
    """The stories one after the other, each its headline, meta line and paragraphs
    separated by ``sep``, and one more blank line between stories."""
    text = ("\n\n" if sep == "\n" else "\n\n\n").join(
        sep.join([s.title, s.meta, *s.body]) for s in stories)
    return Dump(text, tuple(stories))
