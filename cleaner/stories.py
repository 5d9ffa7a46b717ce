"""Story boundaries: where one story of a dump ends and the next begins.

Dumps often hold more than one story: the page's article followed by the next article of
an infinite-scroll page, or by a row of related-story teasers cut mid-sentence.  This
module cuts the kept lines into stories and says which one is the main story.

It sees every kept line after stage 2, also those that `cleaner.blocks` dropped as lying
outside the main text block, because a later story is often separated from the first by
more boilerplate than one story holds inside it.  A run of such lines becomes a story
again only when it opens like one (below) and holds real body; the rest stay dropped.

A story starts (at its title line when it has one) where:

- a headline is repeated a few lines later (page title, then the same headline above the
  body);
- a title-like line is followed within a few lines by a meta line (a date, "Updated ...",
  "By ...") or the body opens with a dateline ("OSLO:", "PARIS (Reuters) -",
  "AUSTIN, Texas (AP) —");
- after a gap of at least `GAP_LINES` dropped lines the vocabulary changes: the content
  words of the body before and after the gap barely overlap (cosine of content-word
  vectors below `LOW_COHESION`, as in TextTiling);
- a long line ends mid-sentence (no closing punctuation, or an ellipsis) after the story
  has ended: a teaser of another story, each teaser its own story.  A kicker ("BREAKING:",
  "FAST FACTS: ...") or a run of such lines makes it surer.

A story's title is the headline nearest its body that a meta line follows (or the first
of a repeated headline); a teaser's title is a headline of four words or more right above
it.  Subheadings and in-story widgets ("Read more", a subheading such as "Background") sit between body lines of
the same vocabulary with no meta line or dateline after them, so they are not boundaries.

The main story is the first full story (not a teaser) with enough body to be an article
(`MAIN_MIN_WORDS`); when no story is that long, the longest one.  When the first such
story lies before the main text block of `cleaner.blocks`, it is preferred only when it
opens like a story (title with meta line, repeated headline or dateline) and is at least
`EARLY_MAIN_SHARE` of the main block's length; otherwise the story holding the main block
is the main story.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import regex

from .classify import is_heading_like
from .types import Decision, Features, Line

#: Content lines after a title-like line in which a meta line or repeated headline counts.
_META_REACH = 4
_REPEAT_REACH = 6
#: Content lines above the body in which its title is looked for.
_TITLE_REACH = 5
#: Content words (and at most lines) on each side of a gap compared for cohesion.
_WINDOW_WORDS = 120
_WINDOW_LINES = 40
#: Lines above a story's first kept line searched for its title.
_ABOVE_LINES = 12
#: Cosine below which the vocabulary is taken to change; it makes a boundary on its own
#: only across at least `GAP_LINES` dropped lines.
LOW_COHESION = 0.05
GAP_LINES = 3
#: Content words needed after a gap for a cohesion judgement.
_MIN_AFTER_WORDS = 25
#: A teaser line has at least this many words; a teaser's own title line at least
#: `_TEASER_TITLE_WORDS` ("More stories" above a row of teasers is no title).
TEASER_MIN_WORDS = 15
_TEASER_TITLE_WORDS = 4
#: A single trailing cut line is a teaser only when its cosine with the body before is
#: below this.
TEASER_COHESION = 0.25
#: Words a story needs to be a candidate for the main story / to be kept as a story
#: outside the main block.
MAIN_MIN_WORDS = 80
OUTSIDE_MIN_WORDS = 40
EARLY_MAIN_SHARE = 0.25

_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    "june|july|august|september|october|november|december"
)
# A date or time: "Nov 19, 2019", "19 November 2019", "2019-11-19", "19.11.2019",
# "10:31 pm", "3 hours ago".
_DATE = regex.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}\b|\d{{1,2}}\.?\s+(?:{_MONTHS})\b|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?\b)?|"
    r"\d+\s+(?:min|mins|minutes|hours?|days?)\s+ago)",
    regex.IGNORECASE,
)
_UPDATED = regex.compile(r"^(?:updated|published|posted|last\s+updated)\b", regex.IGNORECASE)
_BYLINE = regex.compile(r"^(?:by|von|par|por|di|door|af|av)\s+\p{Lu}", regex.IGNORECASE)
# A dateline or kicker: an upper-case place or phrase, optionally ", N.Y." and "(Agency)",
# then a colon or dash, then text.  "OSLO: ...", "WASHINGTON (Reuters) - ...",
# "AUSTIN, Texas (AP) — ...", "‘FAST FACTS’: ...".
_DATELINE = regex.compile(
    r"^[\p{Pi}\p{Ps}'‘“\"]?\p{Lu}[\p{Lu}\p{M}\s.'’&-]{2,40}[\p{Pf}\p{Pe}'’”\"]?"
    r"(?:,\s*[\p{L}.\s]{2,20})?\s*(?:\([^()]{1,30}\))?\s*(?::|—|–|-{1,2})\s+\S",
)
_CONTENT = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*")
_DASHED = regex.compile(r"^[—–-]")  # "— Name (@handle) November 4, 2019": a quoted post
_LETTER = regex.compile(r"\p{L}")
_BULLETED = regex.compile(r"^\s*[•·*▪►▸‣◦●○■□+]")


@dataclass
class Stories:
    story_of: list[int | None]  # per line: the story of each kept line (and title line)
    kinds: list[str]  # per story: "full" or "teaser"
    titles: list[int | None]  # per story: index of the title line
    final: list[Decision]  # decisions after stories were found
    main: int | None  # index of the main story


def _dateline(text: str) -> bool:
    m = _DATELINE.match(text)
    if not m:
        return False
    head = text[: m.end()]
    caps = [w for w in regex.findall(r"\p{L}+", head) if len(w) >= 2]
    return bool(caps) and sum(w.isupper() for w in caps) >= max(1, len(caps) - 2) and caps[0].isupper()


def _meta(text: str, f: Features, decision: Decision) -> bool:
    """A date, time, byline or "Updated ..." line."""
    if decision.category == "meta":
        return True
    if _BYLINE.match(text) and f.words <= 12:
        return True
    if f.words > 14 or f.terminal and f.words > 8 or _DASHED.match(text):
        return False
    return bool(_DATE.search(text) or (_UPDATED.match(text) and f.words <= 12))


def _content_words(text: str, stops: frozenset[str]) -> list[str]:
    out = []
    for w in _CONTENT.findall(text.lower()):
        if len(w) < 3 or w in stops:
            continue
        out.append(w[:6])  # crude stem: "elections", "electoral" -> "electi"/"electo"
    return out


def _cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 1.0  # nothing to compare: no evidence of a change
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    return dot / (math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values())))


class _Reader:
    """The evidence the story finder looks at, for one document."""

    def __init__(self, lines, feats, decisions, stops):
        self.lines, self.feats, self.d = lines, feats, decisions
        self.content = [i for i in range(len(lines)) if not lines[i].blank]
        self.pos = {i: k for k, i in enumerate(self.content)}
        self.words = {i: Counter(_content_words(lines[i].text, stops))
                      for i in self.content if decisions[i].keep}

    def body(self, i: int) -> bool:
        return self.d[i].keep and self.d[i].category == "body" and not self.headline(i)

    def meta(self, i: int) -> bool:
        return _meta(self.lines[i].text, self.feats[i], self.d[i])

    def headline(self, i: int) -> bool:
        """Short, unpunctuated, not a list item, not a date or byline, not a line a
        catalogue pattern dropped (share, nav ...)."""
        f, d = self.feats[i], self.d[i]
        if not is_heading_like(f) or f.words < 2 or _BULLETED.match(self.lines[i].raw):
            return False
        if d.keep and d.rule == "feature.prose" or self.meta(i):
            return False
        return d.keep or d.rule.startswith(("feature.", "context."))

    def repeated(self, i: int) -> bool:
        key = self.lines[i].text.casefold()
        k = self.pos[i]
        return any(self.lines[j].text.casefold() == key
                   for j in self.content[k + 1:k + 1 + _REPEAT_REACH])

    def meta_after(self, i: int) -> bool:
        """A meta line within a few lines after ``i``, before any body."""
        k = self.pos[i]
        near = [j for j in self.content[k + 1:k + 1 + 2 * _META_REACH]
                if _LETTER.search(self.lines[j].text)][:_META_REACH]
        for j in near:
            if self.meta(j):
                return True
            if self.body(j):
                return False
        return False

    def letters_between(self, a: int, b: int) -> int:
        """Lines with letters from ``a`` (inclusive) up to ``b`` (exclusive)."""
        return sum(1 for j in self.content[self.pos[a]:self.pos[b]] if _LETTER.search(self.lines[j].text))

    def opening(self, first: int, above: list[int]) -> tuple[int | None, bool]:
        """The title line of a story whose first kept line is ``first`` (``above``: the
        lines before it, nearest last) and whether it opens like a story: a repeated
        headline, a headline followed by a meta line, or a dateline."""
        options = [j for j in reversed(above[-_ABOVE_LINES:]) if self.headline(j)]
        if self.headline(first):
            options.insert(0, first)
        rep = [j for j in options if self.feats[j].words >= 4 and self.repeated(j)]
        if rep:
            return rep[-1], True
        dist = lambda j: self.letters_between(j, first)  # noqa: E731
        near = next((j for j in options if dist(j) <= _TITLE_REACH and self.meta_after(j)), None)
        if near is not None:
            return self._longer_above(near), True
        opener = next((j for j in self.content[self.pos[first]:self.pos[first] + 4]
                       if self.body(j)), None)
        title = None
        if options and dist(options[0]) <= 2 and self.feats[options[0]].words >= 3 \
                and self.lines[options[0]].text[:1].isupper():
            title = options[0]
        if opener is not None and self.feats[opener].words >= 8 and _dateline(self.lines[opener].text):
            return title, True
        return title, False

    def _longer_above(self, j: int) -> int:
        """A headline a line or two above ``j`` with more words (a title above a section
        label or byline), not past a meta line."""
        best = j
        k = self.pos[j]
        for x in [x for x in self.content[max(0, k - 4):k] if _LETTER.search(self.lines[x].text)][::-1][:2]:
            if self.meta(x) or self.body(x):
                break
            if self.headline(x) and self.feats[x].words > self.feats[best].words:
                best = x
        return best

    def window(self, kept: list[int], start: int, step: int, stop: int) -> Counter:
        """Content words of kept lines from position ``start`` walking by ``step`` up to
        ``_WINDOW_WORDS`` words, not past position ``stop``."""
        c: Counter = Counter()
        total = 0
        k = start
        steps = 0
        while (k >= stop if step < 0 else k < stop) and total < _WINDOW_WORDS and steps < _WINDOW_LINES:
            steps += 1
            w = self.words.get(kept[k])
            if w:
                c.update(w)
                total += sum(w.values())
            k += step
        return c


def find_stories(
    lines: list[Line], feats: list[Features], final: list[Decision],
    block: tuple[int, int] | None, split: bool = True,
    smoothed: list[Decision] | None = None, stops: frozenset[str] = frozenset(),
) -> Stories:
    """Cut the kept lines into stories.

    ``final`` are the decisions after `cleaner.blocks.main_block` (``block``: its first
    and last line); ``smoothed`` the decisions before it, so that stories outside the main
    block can be found.  Returns the stories and the revised decisions.
    """
    n = len(lines)
    final = list(final)
    story_of: list[int | None] = [None] * n
    if block is None:
        return Stories(story_of, [], [], final, None)
    if not split:
        kept = [i for i in range(n) if final[i].keep]
        for i in kept:
            story_of[i] = 0
        return Stories(story_of, ["full"], [None], final, 0)
    d = list(smoothed if smoothed is not None else final)
    r = _Reader(lines, feats, d, stops)
    kept = [i for i in r.content if d[i].keep]
    m = len(kept)
    cut = [feats[i].cut and feats[i].words >= TEASER_MIN_WORDS and d[i].category == "body"
           for i in kept]

    # Segments: (first position in `kept`, title line, opens like a story, teaser).
    above0 = r.content[max(0, r.pos[kept[0]] - 10):r.pos[kept[0]]]
    title0, strong0 = r.opening(kept[0], above0)
    if title0 is None and above0 and above0[0] == r.content[0] and r.headline(above0[0]) \
            and feats[above0[0]].words >= 3:
        title0 = above0[0]  # the document's first line, a headline just above the text
    segs: list[list] = [[0, title0, strong0, False]]
    body_seen = feats[kept[0]].words if r.body(kept[0]) else 0  # in the current story
    body_total = body_seen  # in the document so far
    skip = -1
    for c in range(1, m):
        i, prev = kept[c], kept[c - 1]
        if c == skip:  # the text of a teaser whose title line opened it
            continue
        gap = r.content[r.pos[prev] + 1:r.pos[i]]
        title, evidence = r.opening(i, gap)
        after = r.window(kept, c, 1, m)
        cos = _cosine(r.window(kept, c - 1, -1, segs[-1][0]), after)
        enough_after = sum(after.values()) >= _MIN_AFTER_WORDS
        was_teaser = segs[-1][3]
        # Teasers: a long line cut mid-sentence after body, maybe under a title line.
        text_at = c if cut[c] else (
            c + 1 if c + 1 < m and r.headline(i) and feats[i].words >= _TEASER_TITLE_WORDS and cut[c + 1]
            and r.letters_between(i, kept[c + 1]) == 1 else None)
        teaser = False
        if text_at is not None and (body_total >= 40 or was_teaser):
            t = kept[text_at]
            follows = text_at + 1 < m and (cut[text_at + 1] or (
                r.headline(kept[text_at + 1]) and text_at + 2 < m and cut[text_at + 2]))
            last = text_at + 1 == m
            tcos = cos if text_at == c else _cosine(r.window(kept, c - 1, -1, segs[-1][0]), r.words.get(t, Counter()))
            teaser = follows or was_teaser or _dateline(lines[t].text) or (last and tcos < TEASER_COHESION)
        dropped = sum(1 for j in gap if not d[j].keep)
        if teaser:
            if text_at != c:
                own_title, skip = i, c + 1
            else:
                above = [j for j in gap if _LETTER.search(lines[j].text)][-1:]
                own_title = above[0] if above and r.headline(above[0]) \
                    and feats[above[0]].words >= _TEASER_TITLE_WORDS else None
            segs.append([c, own_title, True, True])
            body_seen = 0
        elif was_teaser or (body_seen >= 40 and (
                evidence or (cos < LOW_COHESION and enough_after and dropped >= GAP_LINES))):
            segs.append([c, title, evidence, False])
            body_seen = feats[i].words if r.body(i) else 0
        elif r.body(i):
            body_seen += feats[i].words
        if r.body(i):
            body_total += feats[i].words

    # Which segments are stories.  Teasers are; full stories need body; a segment that
    # neither opens like a story nor holds body is not one (merged into the story before
    # it inside the main block, dropped outside it).
    members_of = []
    for s, (c0, *_rest) in enumerate(segs):
        c1 = segs[s + 1][0] if s + 1 < len(segs) else m
        members_of.append(kept[c0:c1])
    stories: list[dict] = []
    for s, (c0, title, strong, teaser) in enumerate(segs):
        members = members_of[s]
        # Inside the main region only what the region kept counts; a run wholly outside
        # it comes back only as a story of its own.
        inside = [i for i in members if final[i].keep]
        if inside:
            members = inside
        words = sum(feats[i].words for i in members if r.body(i))
        after_teaser = s > 0 and segs[s - 1][3] and not teaser
        own = teaser or (strong and words >= OUTSIDE_MIN_WORDS) or (
            inside and not after_teaser and (not stories or words >= OUTSIDE_MIN_WORDS))
        if own:
            stories.append({"members": list(members), "title": title, "strong": strong,
                            "kind": "teaser" if teaser else "full", "words": words,
                            "inside": bool(inside)})
        elif inside and not after_teaser:
            stories[-1]["members"] += members
            stories[-1]["words"] += words
            stories[-1]["inside"] = True
        else:
            for i in members:
                if final[i].keep:
                    final[i] = Decision(False, "context.isolated", "boilerplate",
                                        "kept line after a row of teasers", "context")
            continue
        for i in members:
            if not final[i].keep:
                final[i] = d[i]

    kinds = [st["kind"] for st in stories]
    titles = [st["title"] for st in stories]
    for s, st in enumerate(stories):
        for i in st["members"]:
            story_of[i] = s
        if st["title"] is not None:
            story_of[st["title"]] = s

    main = _main_story(stories)
    return Stories(story_of, kinds, titles, final, main)


def _main_story(stories: list[dict]) -> int | None:
    """The first full story with enough body; one before the main block only when it
    opens like a story and is not tiny next to the main block's story."""
    if not stories:
        return None
    full = [s for s, st in enumerate(stories) if st["kind"] == "full" and st["words"] >= MAIN_MIN_WORDS]
    if not full:
        return max(range(len(stories)), key=lambda s: (stories[s]["kind"] == "full", stories[s]["words"]))
    block_story = next((s for s, st in enumerate(stories) if st["inside"]), full[0])
    first = full[0]
    if first < block_story:
        ok = stories[first]["strong"] and stories[first]["words"] >= EARLY_MAIN_SHARE * stories[block_story]["words"]
        if not ok:
            return block_story if block_story in full else first
    return first
