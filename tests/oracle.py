"""The Python implementations that `cleaner._core` replaced (segmentation, line features,
words, the language guess, stage 1 of the decisions with every catalogue rule tried in
turn instead of the gates, the context rules, the main text region and the main story's
gaps), kept as the tests' reference: tests/test_core_rust.py
holds the compiled core to them, function by function, on the corpus and generated text.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter, namedtuple
from array import array
from itertools import accumulate, compress, repeat
from operator import add, attrgetter, eq, mul

import regex

from cleaner.blocks import FILL_WIDGETS
from cleaner.catalogue import is_pattern_rule
from cleaner.features import LIST_ITEM, line_shapes
from cleaner.smooth import IN_TEXT_WIDGETS

# --- segment.py -----------------------------------------------------------------------

_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u2061-\u2064]")
_SPACE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def normalize(raw: str) -> str:
    if raw.isprintable():
        return " ".join(raw.split()) if "  " in raw else raw.strip(" ")
    return _SPACE.sub(" ", _INVISIBLE.sub("", raw)).strip()


def segment(source: str) -> list[tuple]:
    raws = source.splitlines()
    starts = [0, *accumulate(map(len, source.splitlines(True)))]
    texts = [normalize(raw) for raw in raws]
    return list(zip(range(len(raws)), starts, map(add, starts, map(len, raws)), raws, texts))


# --- language.py ----------------------------------------------------------------------

_NOT_WORD = {
    i: " " for i in range(0x3040)
    if unicodedata.category(chr(i))[0] in "PSNZC" and chr(i) not in "'’"
}
_SAMPLE_WORDS = 400
_MIN_SHARE = 0.12
_DISTINCT_WEIGHT = 3


def words(text: str) -> list[str]:
    return text.lower().translate(_NOT_WORD).split()


@functools.lru_cache(maxsize=4)
def _index(stoplists: tuple) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for code, stops in stoplists:
        for w in stops:
            index.setdefault(w, []).append(code)
    return index


def guess_language(text: str, stoplists: dict[str, frozenset[str]],
                   fallback: tuple[str, ...] = ()) -> str | None:
    """``stoplists``: code -> words, in the order that breaks ties; the languages of
    ``fallback`` are guessed, on their own, only when no other language is."""
    first, second = _tiers(tuple(stoplists.items()), fallback)
    found = _guess(text, first)
    if found is None and fallback:
        found = _guess(text, second)
    return found


@functools.lru_cache(maxsize=4)
def _tiers(stoplists: tuple, fallback: tuple[str, ...]) -> tuple[dict, dict]:
    """The stoplists guessed first, and those of ``fallback`` without their ASCII words."""
    return ({c: w for c, w in stoplists if c not in fallback},
            {c: frozenset(x for x in w if not x.isascii()) for c, w in stoplists if c in fallback})


def _guess(text: str, stoplists: dict[str, frozenset[str]]) -> str | None:
    order = {c: i for i, c in enumerate(stoplists)}
    index = _index(tuple(stoplists.items()))
    tokens = text[:50000].split()
    if len(tokens) > _SAMPLE_WORDS:
        step = len(tokens) / _SAMPLE_WORDS
        tokens = list(map(tokens.__getitem__, map(int, map(mul, range(_SAMPLE_WORDS), repeat(step)))))
    sample = words(" ".join(tokens))
    if not sample:
        return None
    hits: dict[str, int] = {}
    score: dict[str, float] = {}
    for w, n in Counter(sample).items():
        codes = index.get(w)
        if codes:
            weight, distinct = 1 / math.sqrt(len(codes)), _DISTINCT_WEIGHT / math.sqrt(len(codes))
            for code in codes:
                hits[code] = hits.get(code, 0) + n
                score[code] = score.get(code, 0.0) + (n * weight + distinct)
    if not hits:
        return None
    best = max(hits, key=lambda c: (score[c], -order[c]))
    return best if hits[best] / len(sample) >= _MIN_SHARE else None


# --- features.py ----------------------------------------------------------------------

# Unicode's sentence terminals (`Sentence_Terminal`) of other scripts end a sentence too
_TERMINAL_CHARS = frozenset(".!?…。！？:;") | frozenset(
    chr(c) for c in range(0x80, 0x110000) if regex.match(r"\p{STerm}", chr(c)))
#: Every closing bracket and quotation mark above ASCII (general categories ``Pe``, ``Pf``,
#: ``Pi``), which a sentence may end inside.
CLOSING_MARKS = "".join(chr(c) for c in range(0x80, 0x110000) if unicodedata.category(chr(c)) in ("Pe", "Pf", "Pi"))
_CLOSERS = "'\")]}" + CLOSING_MARKS
_ELLIPSES = ("...", "…")
_FORMAT = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
_URLISH = re.compile(r"https?://|www\.|[@#]\w|\.(?:com|org|net|de|fr|uk|io|co)\b")
_DIGIT = re.compile(r"\d")
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
_BULLET_CHARS = " •·*▪►▸‣◦●○■□–-—"
EMPTY = (0, 0.0, False, False, 0.0, 0.0, 0)


def _before_credit(s: str) -> str:
    """``s`` without a trailing credit ("... for life. © AFP": the last copyright sign after
    text, then one to three words, each opening with a capital or a digit, one with a
    capital), and without the spaces, closing quotes and brackets before it."""
    k = s.rfind("©")
    words = s[k + 1:].split() if k >= 0 else []
    head = s[:k].rstrip()
    if (not head or len(words) > 3 or not all(w[0].isupper() or w[0].isdecimal() for w in words)
            or not any(w[0].isupper() for w in words)):
        return s
    return head.rstrip(_CLOSERS + _FORMAT)


def measure(text: str, stops: frozenset[str]) -> tuple:
    body = text.lstrip(_BULLET_CHARS) if text[:1] in _BULLET_CHARS else text
    if not body:
        return EMPTY
    tokens = body.split()
    n = len(tokens)
    if not body.isascii() and max(body) >= "\u0e00":
        unspaced = len(_UNSPACED.findall(body))
        if unspaced:
            n += unspaced // 2
    stripped = _before_credit(body.rstrip(_CLOSERS + _FORMAT))
    ellipsis = stripped.endswith(_ELLIPSES)
    terminal = stripped[-1:] in _TERMINAL_CHARS and not ellipsis
    if stops:
        wordlist = words(body)
        swapped = str.maketrans({"'": "\u2019", "\u2019": "'"})
        density = sum(w in stops or w.translate(swapped) in stops for w in wordlist) / len(wordlist) \
            if wordlist else 0.0
    else:
        density = 0.0
    firsts = "".join(t[0] for t in tokens)
    alpha = n if firsts.isalpha() else sum(map(str.isalpha, firsts))
    capitalised = sum(map(str.isupper, firsts)) / alpha if alpha else 0.0
    nonspace = len(body) - body.count(" ") or 1
    digits = len(_DIGIT.findall(body))
    urls = len(_URLISH.findall(body)) if ("." in body or "/" in body or "@" in body or "#" in body) else 0
    unstopped = bool(stripped) and ("\u0e01" <= stripped[-1] <= "\u0e5b" or "\u0e81" <= stripped[-1] <= "\u0edf")
    cut = ellipsis or (not terminal and n >= 12 and (stripped[-1:].isalnum() or stripped.endswith(",")
                                                     or _dangling(stripped))
                       and not unstopped)
    return (n, density, terminal, cut, capitalised, digits / nonspace, urls)


def _dangling(s: str) -> bool:
    """Does ``s`` end with a dash that leaves its sentence open: right after a letter, or
    after spaces and a word whose first letter is not a capital?"""
    if s[-1:] not in ("-", "\u2013", "\u2014"):
        return False
    rest = s[:-1]
    if rest[-1:].isalpha():
        return True
    trimmed = rest.rstrip()
    if len(trimmed) == len(rest) or not trimmed:
        return False
    first = trimmed.split()[-1][0]
    return first.isalpha() and not first.isupper()


# --- classify.py and pipeline.py (stage 1), with every catalogue rule tried in order ----

def judged_by_stopwords(text: str, judged_by_letters) -> bool:
    if text.isascii():
        return True
    ascii_part = text.encode("ascii", "ignore")
    lower = len(ascii_part) - len(ascii_part.translate(None, bytes(range(ord("a"), ord("z") + 1))))
    upper = len(ascii_part) - len(ascii_part.translate(None, bytes(range(ord("A"), ord("Z") + 1))))
    if lower * 2 >= lower + upper + len(text) - len(ascii_part):
        return True
    return judged_by_letters(text)


def classify_lines(lines, language, opts, measure, guess_language, judged_by_letters,
                   stopwords, rules_for):
    """Features and stage-1 decisions of every line: (features tuple, (keep, rule,
    category, reason)) each.  ``rules_for(language)``: the catalogue rules of a
    language's matcher, in the order they are tried."""
    has_stoplist = bool(stopwords(language))
    seen: dict[str, int] = {}
    out = []
    for line in lines:
        text = line.text
        if not text:
            out.append(((0, 0.0, False, False, 0.0, 0.0, 0), (False, "blank", "blank", "empty line")))
            continue
        f = measure(text, language)
        rules, judged, suffix = rules_for(language), None, ""
        if has_stoplist and (f.terminal or f.words > opts.own_language_min_words) and f.stopword_density < opts.stopword_density * opts.own_language_share \
                and f.words >= opts.prose_min_words:
            own = guess_language(text)
            if own is not None and own != language:
                theirs = measure(text, own)
                if theirs.stopword_density >= max(opts.stopword_density,
                                                  opts.own_language_ratio * f.stopword_density):
                    f, rules, judged, suffix = theirs, rules_for(own), True, f"; judged as {own}"
        if judged is None:
            judged = has_stoplist and judged_by_stopwords(text, judged_by_letters)
        keep, rule, category, reason = _classify(line, f, rules, opts, judged, seen)
        out.append((tuple(f), (keep, rule, category, reason + suffix)))
    return out


def _first_rule(body, words, rules, opts):
    for rule in rules:
        if rule.guard(words) and opts.rule_enabled(rule.id) and rule.compiled.search(body):
            return rule
    return None


def _classify(line, f, rules, options, has_stoplist, seen):
    body = line.text.lstrip(_BULLET_CHARS) if line.text[:1] in _BULLET_CHARS else line.text
    rule = _first_rule(body, f.words, rules, options) if body else None
    first = seen.setdefault(line.text.casefold(), line.index)
    if rule is not None:
        return False, rule.id, rule.category, f"matches {rule.category} pattern ({f.words} words)"
    if first != line.index and f.words >= options.duplicate_min_words and options.rule_enabled("feature.duplicate"):
        return False, "feature.duplicate", "duplicate", f"repeats line {first + 1}"
    if f.urls and f.urls * options.url_words >= f.words:
        return False, "feature.urls", "boilerplate", f"{f.urls} URLs/handles in {f.words} words"
    if f.digit_ratio > options.digits_min_ratio and f.words < options.digits_max_words:
        return (False, "feature.digits", "boilerplate",
                f"digit ratio {f.digit_ratio:.2f} > {options.digits_min_ratio:.2f}")
    density_ok = (not has_stoplist) or f.stopword_density >= options.stopword_density
    if f.words >= options.prose_min_words:
        if not density_ok:
            return (False, "feature.low_stopwords", "boilerplate",
                    f"stopword density {f.stopword_density:.2f} < {options.stopword_density:.2f} ({f.words} words)")
        if f.terminal or f.words >= options.unpunctuated_prose_factor * options.prose_min_words:
            return True, "feature.prose", "body", f"{f.words} words, stopword density {f.stopword_density:.2f}"
        return False, "feature.no_punctuation", "boilerplate", f"{f.words} words without sentence punctuation"
    if f.terminal and f.words >= options.sentence_min_words and density_ok:
        return True, "feature.sentence", "body", f"{f.words}-word sentence, stopword density {f.stopword_density:.2f}"
    if (1 <= f.words <= options.heading_max_words and not f.terminal and f.urls == 0
            and f.digit_ratio < options.heading_max_digits):
        return False, "feature.heading", "boilerplate", f"{f.words} words, no end punctuation"
    return False, "feature.short", "boilerplate", f"{f.words} words < {options.prose_min_words}"


# --- extracted.py, smooth.py: the shapes of a line ----------------------------------------

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_LIST_ITEM = re.compile(r"^\s*(?:[•·*▪►▸‣◦●○■□+–-]|\d{1,2}[.)])\s")


def shape(text: str, opts) -> int:
    """`cleaner.features.shapes` of one normalised line."""
    if not text:
        return 0
    tokens, cjk = len(text.split()), len(_CJK.findall(text))
    tiny = (tokens <= opts.extracted_tiny_words and cjk < opts.extracted_cjk_short
            and not any(c.isdigit() for c in text))
    return (1 | 2 * tiny | 4 * (cjk >= opts.extracted_cjk_paragraph)
            | 8 * (tokens >= opts.extracted_paragraph_words) | 16 * bool(_LIST_ITEM.match(text)))


# --- smooth.py: the context rules -----------------------------------------------------------

_TAIL_CATEGORIES = frozenset({"appeal", "bio", "legal", "comments"})
# (`_CLOSERS`: as features.py's, above)


def trails_off(text):
    return text.rstrip(_CLOSERS).endswith(("...", "…"))


def smooth(lines, feats, initial, options, weak_rules):
    """`cleaner.smooth.smooth` as it was in Python: decisions as tuples (keep, rule,
    category, reason, stage)."""
    global WEAK_RULES
    WEAK_RULES = weak_rules
    return [tuple(d) for d in smooth_oracle(lines, feats, initial, options)]


_rule = attrgetter("rule")
_category = attrgetter("category")
_LIST_ITEM_OLD = re.compile(r"^\s*(?:[•·*▪►▸‣◦●○■□+–-]|\d{1,2}[.)])\s")


def is_list_item(text: str) -> bool:
    """Does the line start with a bullet or a list number?"""
    return bool(_LIST_ITEM_OLD.match(text))


_Decision = namedtuple("_Decision", "keep rule category reason stage")


def _context(keep, rule, category, reason):
    return _Decision(keep, rule, category, reason, "context")


def smooth_oracle(
    lines: list[Line], feats: list[Features], initial: list[Decision], options: Options
) -> list[Decision]:
    """The decisions after the context rules, line by line in document order (a line's
    new decision can decide the next one's: a run of lines after an appeal)."""
    ctx = _Context(lines, feats, initial, options)
    final = list(initial)
    _lists(ctx, final)
    content, decided, weak = ctx.content, ctx.decided, ctx.weak
    for k in ctx.open_positions():
        i, d = content[k], decided[k]
        if final[i] is not d:
            continue
        revised = _appeal_block(ctx, k) if d.keep else None
        if revised is None and weak[k]:
            revised = _weak_line(ctx, final, k)
        if revised is not None:
            final[i] = revised
    return final


class _Context:
    """What the context rules read about a document, per content (non-blank) position:
    the stage-1 decision, whether it is weak, and whether it is a strong line that is no
    in-text widget (what `neighbour` looks for)."""

    def __init__(self, lines: list[Line], feats: list[Features], initial: list[Decision],
                 options: Options):
        self.lines, self.feats, self.initial, self.options = lines, feats, initial, options
        # the texts are read when asked for, the non-blank positions kept as numbers: a
        # dump of a million short lines holds no second copy of its text
        self.texts = [line.text for line in lines]
        self.content = [i for i, t in enumerate(self.texts) if t]
        self.decided = list(map(initial.__getitem__, self.content))
        self.weak = list(map(WEAK_RULES.__contains__, map(_rule, self.decided)))
        self.categories = list(map(_category, self.decided))
        self.anchor = [not w and c not in IN_TEXT_WIDGETS for w, c in zip(self.weak, self.categories)]
        self.last = len(self.content) - 1
        self.reach = range(1, options.context_reach + 1)

    def open_positions(self):
        """The content positions a context rule may revise, in order: weak lines, and
        kept lines between two appeal lines (`_appeal_block`)."""
        cats, weak, decided = self.categories, self.weak, self.decided
        return (k for k in range(len(weak)) if weak[k] or (
            0 < k < self.last and cats[k - 1] == "appeal" == cats[k + 1] and decided[k].keep))

    def neighbour(self, k: int, step: int) -> int | None:
        """Nearest strong line from content position k in direction step, within reach.
        Weak lines and in-text widgets (an ad label, a "Read more" link, a caption) in
        between are skipped but count toward the reach."""
        for d in self.reach:
            j = k + step * d
            if not 0 <= j <= self.last:
                return None
            if self.anchor[j]:
                return self.content[j]
        return None

    def body(self, i: int | None) -> bool:
        return i is not None and self.initial[i].keep


def _lists(ctx: _Context, final: list[Decision]) -> None:
    """A run of weak list items right after body, closed by body or introduced by a line
    ending in a colon, belongs to the text (ingredients, key points, steps)."""
    content, texts, weak, decided = ctx.content, ctx.texts, ctx.weak, ctx.decided
    k = 0
    while k < len(content):
        if not (weak[k] and is_list_item(texts[content[k]])):
            k += 1
            continue
        end = k
        while end < len(content) and is_list_item(texts[content[end]]) and (
            weak[end] or decided[end].keep
        ):
            end += 1
        before = content[k - 1] if k > 0 else None
        after = content[end] if end < len(content) else None
        if ctx.body(before) and (ctx.body(after) or texts[before].endswith(":")):
            for j in content[k:end]:
                if not ctx.initial[j].keep:
                    final[j] = _context(True, "context.list", "body",
                                        f"list item in a list of {end - k} after body")
        k = end


def _appeal_block(ctx: _Context, k: int) -> Decision | None:
    """A kept line inside a block of appeal text (an appeal line on either side, one of
    them a sentence, not a one-word label like "Newsletter") is part of the appeal,
    however much it reads like prose."""
    if not 0 < k < ctx.last:
        return None
    before, after = ctx.decided[k - 1], ctx.decided[k + 1]
    words = max(ctx.feats[ctx.content[k - 1]].words, ctx.feats[ctx.content[k + 1]].words)
    if before.category == "appeal" == after.category and words > ctx.options.short_max_words:
        return _context(False, "context.appeal_block", "appeal", "between two appeal lines")
    return None


def _weak_line(ctx: _Context, final: list[Decision], k: int) -> Decision | None:
    """The context rule that decides a weak line, if one does."""
    content, options = ctx.content, ctx.options
    i = content[k]
    d, f = ctx.decided[k], ctx.feats[i]
    prev_i, next_i = ctx.neighbour(k, -1), ctx.neighbour(k, +1)
    # Short lines right after an appeal/bio/legal block belong to it.
    if k > 0:
        before = ctx.initial[content[k - 1]]
        tail = before.category in _TAIL_CATEGORIES or final[content[k - 1]].rule == "context.appeal_tail"
        if (tail and f.words <= options.short_max_words + options.appeal_tail_extra_words
                and not ctx.body(next_i)):
            cat = before.category if before.category in _TAIL_CATEGORIES else "appeal"
            return _context(False, "context.appeal_tail", cat, f"{f.words}-word line after a {cat} line")
    if (k + 1 < len(content) and ctx.initial[content[k + 1]].category == "bio"
            and f.words <= options.bio_name_max_words):
        return _context(False, "context.bio_name", "bio", "name line before an author bio")
    if ctx.body(prev_i) and ctx.body(next_i):
        follows = content[k + 1] if k + 1 < len(content) else None
        if d.rule == "feature.heading" and next_i == follows:
            return _context(True, "context.heading", "heading", "heading between body lines")
        return _context(True, "context.sandwiched", "body", f"{d.rule} line between body lines")
    # The text's last line, right after body, that trails off with an ellipsis is the
    # article's own closing line (a cut-off teaser has more of its kind around it).
    if (d.rule == "feature.no_punctuation" and k == ctx.last and ctx.body(prev_i)
            and prev_i == content[k - 1] and trails_off(ctx.texts[i])):
        return _context(True, "context.closing_ellipsis", "body",
                        "prose line ending in an ellipsis closes the body")
    if d.rule == "feature.sentence":
        if ctx.body(prev_i) or ctx.body(next_i):
            return _context(True, "context.sandwiched", "body", "short sentence next to body")
        return _context(False, "context.isolated", "boilerplate",
                        f"short sentence with no body within {options.context_reach} lines")
    return None


# --- blocks.py ------------------------------------------------------------------------

_keep = attrgetter("keep")
#: What `main_block` and `inside_main` read from the pipeline (set by `blocks`).
_BARRIER_KIND = _YIELDING = None


def blocks(barrier_kind, yielding):
    """Set what the blocks oracle reads from `cleaner`: `cleaner.blocks.barrier_kind` and
    `cleaner.extracted.YIELDING`."""
    global _BARRIER_KIND, _YIELDING
    _BARRIER_KIND, _YIELDING = barrier_kind, yielding


class _Page:
    """Prefix counts over a page's lines, so that the gaps and barriers between two lines
    cost O(1), and the measures of a block of kept lines."""

    def __init__(self, lines: list[Line], feats: list[Features], final: list[Decision]):
        self.feats = feats
        # prefix counts as arrays of numbers (8 bytes a line), not lists of int objects
        self.nonblank = array("q", accumulate((bool(line.text) for line in lines), initial=0))
        # Blank lines are no barriers: `barrier_kind` is asked only about the others, once
        # per distinct decision.
        kind_of = {d: _BARRIER_KIND(d) for d in set(final) if d.rule != "blank"}
        kinds = list(map(kind_of.get, final))
        self.hard = array("q", accumulate(map(eq, kinds, repeat("hard")), initial=0))
        self.soft = array("q", accumulate(map(eq, kinds, repeat("soft")), initial=0))
        self.barriers = list(compress(range(len(kinds)), kinds))
        # lines a catalogue rule dropped
        self.pattern = array("q", accumulate((not d.keep and is_pattern_rule(d.rule) for d in final), initial=0))

    def gap(self, a: int, b: int) -> int:
        """Non-blank lines strictly between lines ``a`` and ``b``."""
        return self.nonblank[b] - self.nonblank[a + 1]

    def barrier_between(self, a: int, b: int) -> bool:
        return self.hard[b] - self.hard[a + 1] + self.soft[b] - self.soft[a + 1] > 0

    def words(self, blk: list[int]) -> int:
        return sum(self.feats[i].words for i in blk)

    def share(self, blk: list[int]) -> float:
        """Share of the block's non-blank lines that are kept."""
        return len(blk) / (self.nonblank[blk[-1] + 1] - self.nonblank[blk[0]])

    def scattered(self, blk: list[int], least: int, share: float) -> bool:
        """Are the block's kept lines (``least`` of them or more) set apart from the next
        by a dropped line, ``share`` of them or more (a row of teasers: one paragraph
        under each headline, credit or date line)?"""
        apart = sum(1 for a, b in zip(blk, blk[1:]) if self.gap(a, b))
        return len(blk) >= least and apart >= share * (len(blk) - 1)

    def score(self, blk: list[int]) -> float:
        # Body words, scaled by the share of the block's lines that are kept: an article
        # is mostly kept lines, a teaser list alternates kept lines with titles and dates.
        return self.words(blk) * self.share(blk)


def main_block_oracle(lines, feats, final, options):
    """Decisions with lines outside the main region dropped, and the region's first and
    last line index (``None`` when nothing is kept)."""
    final = list(final)
    kept = list(compress(range(len(final)), map(_keep, final)))
    if not kept:
        return final, None
    page = _Page(lines, feats, final)
    blocks = _resumed(page, _blocks(page, kept, options), options)
    first_barrier = _first_barrier(page, blocks, options)
    eligible = [b for b in blocks if first_barrier is None or b[-1] < first_barrier]
    # The first story of an infinite-scroll dump is the page's own: among blocks that
    # score close to the best, the earliest wins.
    candidates = eligible or blocks
    top = max(page.score(b) for b in candidates)
    best = next(b for b in candidates if page.score(b) >= options.block_first_share * top)
    k = blocks.index(best)
    upto = _follow(page, blocks, k, options)
    last = _trim_tail([i for blk in blocks[k:upto + 1] for i in blk], page, final, options)
    first = _lead(page, blocks, k, options)
    for i in kept:
        if i < first or i > last:
            final[i] = _Decision(False, "context.isolated", "boilerplate",
                "kept line outside the main text region "
                f"(lines {first + 1}-{last + 1})", "block"
            )
    return final, (first, last)


def _blocks(page: _Page, kept: list[int], options: Options) -> list[list[int]]:
    """Runs of kept lines, cut where too many lines or a barrier lie between two."""
    blocks: list[list[int]] = [[kept[0]]]
    for a, b in zip(kept, kept[1:]):
        if page.gap(a, b) > options.block_max_gap or page.barrier_between(a, b):
            blocks.append([])
        blocks[-1].append(b)
    return blocks


def _resumed(page: _Page, blocks: list[list[int]], options: Options) -> list[list[int]]:
    """Blocks with a related-stories box set into the article (a soft barrier) joined
    again when dense text of some length resumes right after it; comments (hard) always
    end the article."""
    merged = [blocks[0]]
    for blk in blocks[1:]:
        a, b = merged[-1][-1], blk[0]
        if (page.gap(a, b) <= options.block_max_gap and page.hard[b] == page.hard[a + 1]
                and page.words(blk) >= options.block_resume_words
                and page.share(blk) >= options.block_resume_share):
            merged[-1] = merged[-1] + blk
        else:
            merged.append(blk)
    return merged


def _first_barrier(page: _Page, blocks: list[list[int]], options: Options) -> int | None:
    """The first barrier between blocks that follows real text: it closes the article
    (a "Comments" link in a toolbar above the article does not)."""
    first_text = next((b[-1] for b in blocks if page.words(b) >= options.block_barrier_after_words), None)
    if first_text is None:
        return None
    starts = [b[0] for b in blocks]
    k = 0
    for x in page.barriers:
        if x <= first_text:
            continue
        while k + 1 < len(blocks) and starts[k + 1] < x:
            k += 1
        if not (blocks[k][0] < x < blocks[k][-1]):  # not inside a merged block
            return x
    return None


def _lead(page: _Page, blocks: list[list[int]], k: int, options: Options) -> int:
    """The region's first line: the article's opening often stands apart from its body
    (a standfirst, then an image, a table of contents or an ad), so the region reaches
    back over earlier blocks further than it reaches forward, though not over a row of
    teasers above the article (`_Page.scattered`)."""
    while k > 0:
        before = blocks[k - 1]
        if (page.gap(before[-1], blocks[k][0]) > options.block_lead_gap
                or page.barrier_between(before[-1], blocks[k][0])
                or page.words(before) < options.block_lead_words
                or page.scattered(before, options.block_row_lines, options.block_row_share)):
            break
        k -= 1
    return blocks[k][0]


def _follow(page: _Page, blocks: list[list[int]], k: int, options: Options) -> int:
    """The last block the region reaches forward to: the article goes on after a list or
    a table that only weak line rules dropped, in a later block of dense text."""
    while k + 1 < len(blocks):
        a, b = blocks[k][-1], blocks[k + 1][0]
        if (page.gap(a, b) > options.block_follow_gap or page.barrier_between(a, b)
                or page.pattern[b] > page.pattern[a + 1]
                or page.words(blocks[k + 1]) < options.block_follow_words
                or page.share(blocks[k + 1]) < options.block_resume_share):
            break
        k += 1
    return k


#: A trailing unit that is small (``block_teaser_words``) and set off from the text
#: before it by ``block_teaser_gap`` or more dropped lines (a headline, a date, a byline)
#: is a teaser, not the article's end ...
#: ... unless the lines setting it off are all of categories found inside articles
#: (share buttons, ads, UI words, appeals, notices, captions, menus, an author's follow
#: button: they sit between an article's paragraphs as often as after it) and its lines
#: end like whole sentences (a teaser ends cut or is a headline; a footer's address or
#: phone line has no period), or unless it is as long as the text before it (then that
#: text is no article with teasers after it).
INSIDE_ARTICLE = frozenset({"share", "ad", "ui", "appeal", "legal", "caption", "nav", "bio"})


def _units(block: list[int], page: _Page) -> list[list[int]]:
    """Runs of kept lines with at most one dropped line between neighbours."""
    units = [[block[0]]]
    for a, b in zip(block, block[1:]):
        if page.gap(a, b) > 1:
            units.append([])
        units[-1].append(b)
    return units


def _trim_tail(block: list[int], page: _Page, final: list[Decision], options: Options) -> int:
    """The last line of the block once trailing teasers are cut off."""
    feats = page.feats
    units = _units(block, page)
    sizes = [sum(feats[i].words for i in unit) for unit in units]
    total = sum(sizes)  # of the units left (kept up to date: the loop stays linear)
    while len(units) > 1:
        tail, before = units[-1], units[-2]
        if (page.gap(before[-1], tail[0]) < options.block_teaser_gap
                or sizes[-1] > options.block_teaser_words
                or sizes[-1] >= total - sizes[-1] or _continues(before, tail, feats, final)):
            break
        units.pop()
        total -= sizes.pop()
    return units[-1][-1]


def _continues(before: list[int], tail: list[int], feats, final) -> bool:
    """Does the small ``tail`` go on with the article though dropped lines set it off
    (see `INSIDE_ARTICLE`)?"""
    between = final[before[-1] + 1:tail[0]]
    return (all(d.category in INSIDE_ARTICLE for d in between if d.rule != "blank")
            and all(feats[i].terminal and not feats[i].cut for i in tail))


def inside_main_oracle(lines, initial, final, story_of, main, options):
    """`cleaner.blocks.inside_main` as it was in Python."""
    members = [i for i, s in enumerate(story_of) if main is not None and s == main and final[i].keep]
    span = range(members[0], members[-1] + 1) if members else range(0)
    if not span or not options.rule_enabled("context.inside_story"):
        return final, story_of
    final, story_of = list(final), list(story_of)
    shape = line_shapes(lines, options)  # a list item is no widget (`_widget`)
    run: list[int] = []
    for i in span:
        if lines[i].blank:
            continue
        # A run ends at a line the line rules kept (stage 1); a short or heading-like
        # line that only its neighbours kept (``context.sandwiched``) is part of it.
        if not final[i].keep or (run and not initial[i].keep and initial[i].rule in _MENU_RULES):
            run.append(i)
            continue
        dropped = [j for j in run if not final[j].keep]
        widgets = [j for j in dropped if _widget(final[j], shape[j])]
        if len(dropped) > len(widgets) and len(widgets) <= options.block_fill_widget_lines and not _menu(
                run, initial, options, lines) and all(
                (initial[j].rule in _YIELDING or j in widgets) and story_of[j] in (None, main) for j in dropped):
            for j in (j for j in dropped if j not in widgets):
                final[j] = _Decision(True, "context.inside_story", "body",
                                    f"in a run of {len(run)} lines inside the main story ({initial[j].rule})",
                                    "stories")
                story_of[j] = main
        run = []
    return final, story_of


#: The stage-1 rules of the lines a menu or a table of contents is made of.
_MENU_RULES = frozenset({"feature.heading", "feature.short"})


def _widget(d: Decision, shape: int) -> bool:
    """Is the line a one-line widget set into an article (a catalogue drop of a print or
    share button, an ad label, a photo credit: `cleaner.blocks.FILL_WIDGETS`), not a list item?"""
    return not d.keep and d.category in FILL_WIDGETS and is_pattern_rule(d.rule) and not (
        shape & LIST_ITEM)


def _menu(run: list[int], initial: list[Decision], options: Options, lines) -> bool:
    """Is the run a menu or a table of contents: more than ``block_fill_menu_lines``
    lines, each of them short or heading-like (``feature.short``, ``feature.heading``),
    fewer than ``block_fill_data_share`` of them data (a number followed by a word, a mark
    of code)?"""
    data = sum(bool(_DATA.search(lines[j].text)) for j in run)
    return len(run) > options.block_fill_menu_lines and all(initial[j].rule in _MENU_RULES for j in run) and (
        data < options.block_fill_data_share * len(run))


#: A line of data: a number after no letter, then whitespace and a letter; or a mark of code.
_DATA = re.compile(r"(?<![^\W\d_])\d+(?:[.,]\d+)*\s+[^\W\d_]|[=${};`]")
