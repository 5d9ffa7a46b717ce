"""Teasers: the lines of a dump cut mid-sentence that are each another story.

A long line that ends mid-sentence (no closing punctuation, or an ellipsis) after the
document has had body, read as a sentence (not a list item, bulleted or numbered, but
right after a teaser under a line that is none, a table row, hard-wrapped line or run of
capitalised buttons), is a teaser of another story, each
its own story: right after a teaser, opened by a kicker ("BREAKING:", "FAST FACTS: ..."),
or, when its words differ from the text before it, when another follows, when it is the
last line (or only a list's items follow it) or under its own title (whatever its words,
under a headline of its own with another teaser after it); a long one with no title of
its own whose words differ from the text on both sides of it is a teaser set between two
stories (in a page's dump, when it ends on a comma or a word in lower case and the text
after it is on other words than the text before it): `teasers`, ``story_teaser_*``
options (a teaser is a sentence, not a row of share buttons run together; "More stories"
above a row of teasers is no title; a line whose last sentence has ended before a
bracketed aside, an agency's initials or notes' numbers, "... next year. (ap)", is no
line cut mid-sentence: `closes_aside`, `Options.story_teaser_aside_words`).  A row of at
most `Options.story_teaser_resume_row` teasers with no title of their own, that ends
the text or has text with no head after it (or a titled teaser: the untitled teasers
that open a row are read so on their own) and shares words with the body before it
(cosine at least `Options.story_teaser_resume_cohesion`), is the page's own text going on, no teasers
(`resumed`: a post's last paragraphs, a note after its article; its lines go to no story;
in text an extractor wrote, one that ends the text is left alone).  In text written one
block a line, the text after a row that opens with a paragraph sharing few words with the
row and with the story before it is the next story, opened by that change of topic
(`row_apart`; its title and the page's lines set as headlines may stand above that
paragraph).  Teasers whose titles read the same, `Options.story_label_repeats` of them or
more, are the entries of a gallery under its label, not teasers of other stories: each run
of them is one story (`gallery`).  A run of teasers with no paragraph between them of which
`Options.story_caption_credits` or more have a picture's credit right under them (a line
the catalogue dropped as a caption) is a gallery's captions set in the page: no teasers,
and no story opens inside the run (`captions`).  Teasers and the line after a row of them are the fixed
boundaries of
`cleaner.stories.boundaries.segment`.
"""

from __future__ import annotations

import re
from collections import Counter

from ..language import guess_language, stopwords
from ..options import Options
from ..types import Features
from .evidence import DEFAULT, Reader, body_lines, body_window, cosine, gap_evidence, word_counts

#: A run of digits, read as one digit in a label (`_label`).
_DIGITS = re.compile(r"\d+")


def teasers(r: Reader, kept: list[int], feats: list[Features],
            o: Options = DEFAULT, written: bool = False) -> dict[int, tuple[int, int | None]]:
    """The teasers: ``{first kept position: (positions it holds, its title line)}``.  A
    teaser is a body line of `Options.story_teaser_min_words` or more cut mid-sentence
    (`Features.cut`), under `Options.story_teaser_capitalised` capitalised words, not a
    list item (bulleted or numbered; right after a teaser one is, unless the line with
    letters above it is a list item too: a page whose text opens with a bullet or a
    number) nor hard-wrapped, once the document has had
    `Options.story_teaser_after_words` of body (or right after a teaser); it holds two
    positions under its own title (a headline of `Options.story_teaser_title_words` or
    more right above it with nothing between, a question or an exclamation of headline
    length too, right after a teaser a shorter one of
    `Options.story_teaser_named_title_words` or more that names it, or a line that long written in title case,
    `Options.story_teaser_capitalised` of its words capitalised and no closing
    punctuation, up to `Options.story_title_max_words` words: a title longer than a
    headline; a row of teasers goes on through it), else its title is such a headline right
    above it in the gap, or a shorter one there of `Options.story_teaser_named_title_words`
    or more that names it (a capital first, a content word of the teaser in it: a page's
    link label names nothing the teaser says) (skipping lines a catalogue pattern dropped that read as a heading
    or a meta line: a share row or a date between title and text; not a sentence the
    catalogue dropped, such as a page's disclosure).  A teaser comes right after one, opens with a dateline or kicker, or
    differs from the text before it (its window cosine with the teaser under
    `Options.story_teaser_cohesion`: a change of subject; the text read back to the last
    fixed boundary) when another follows, when it is the last kept line (or only the kept
    items of a list, bulleted or numbered, follow it) or under its own title, or, whatever its words, stands under such a headline of its own with another
    teaser after it (a related story on the subject of the story before).  A cut line of
    `Options.story_teaser_apart_words` or more with no title of its own whose cosines with
    the window of text before it and with the text after it are both under
    `Options.story_teaser_apart_cohesion` is a teaser whatever follows it (a teaser of
    another site set between two stories); unless ``written`` (text an extractor wrote,
    `cleaner.stories.boundaries.segment`'s), only when it ends on a comma or a word in
    lower case (in a page's dump a paragraph may end on a signature or a place with no
    period) and the window of text after
    it shares less than `Options.story_topic_cohesion` (cosine) with the window before it
    (a teaser set into an article is followed by the rest of it).  Scanned by the compiled
    core (rust/src/story_teasers.rs).  A line that closes with a bracketed aside
    (`signed_off`: `Options.story_teaser_aside_words`) is read as ended, no line cut
    mid-sentence: a paragraph's sign-off or a note's number after its last sentence."""
    ended = {i for i in kept if signed_off(r, i, o)}
    if ended:
        feats = _Ended(feats, ended)
    return r.teasers(kept, feats, (o.story_teaser_min_words, r.o.story_teaser_capitalised, r.o.story_teaser_title_words,
                                   r.o.story_teaser_after_words, o.story_teaser_cohesion, o.story_title_max_words,
                                   o.story_teaser_apart_cohesion, o.story_teaser_apart_words, o.story_topic_cohesion,
                                   o.story_teaser_named_title_words, written))


def signed_off(r: Reader, i: int, o: Options) -> bool:
    """Has line ``i``, cut mid-sentence by its features (`Features.cut`), ended its last
    sentence before a bracketed aside of at most `Options.story_teaser_aside_words` words
    (`closes_aside`; 0: never)?  Such a line is read as ended, no line cut mid-sentence,
    by the teaser scan (`teasers`) and by a teaser's story
    (`cleaner.stories.boundaries._whole_teaser`).  `Features.cut` stays as measured: it is
    context-free, the analysis reports it, and its other readers take a line so cut as one
    (a gallery's captions, `captions`; a teaser the stopword rule dropped,
    `cleaner.stories._dropped_teasers`)."""
    return o.story_teaser_aside_words > 0 and r.feats[i].cut and closes_aside(r.text(i), o.story_teaser_aside_words)


#: A word of a bracketed aside (`closes_aside`).
_ASIDE_WORD = re.compile(r"\w+")


def closes_aside(text: str, most: int) -> bool:
    """Does ``text`` close with a bracketed aside of 1 to ``most`` words after a sentence
    that has ended: its last character a closing bracket, the bracket that opens it in
    the line, and right before that, spaces aside, the sentence's closing punctuation (a
    full stop, a question or an exclamation mark, an ellipsis, before closing quotes)?
    An agency's or an author's initials or a note's number after a paragraph's last
    sentence: the paragraph has ended, no line cut mid-sentence.

    >>> closes_aside("The plant will close next year. (ap)", 6), closes_aside("as the report said. [1][2]", 6)
    (True, True)
    >>> closes_aside("ahead of the runner-up (Leeds)", 6), closes_aside("the board said on Monday that the plans", 6)
    (False, False)
    """
    text = text.rstrip()
    if not text or text[-1] not in ")]":
        return False
    k = text.rfind("(" if text[-1] == ")" else "[")
    while k > 0 and text[k - 1] == "]" and text[-1] == "]":  # notes' numbers one after another: "[1][2]"
        k = text.rfind("[", 0, k - 1)
    before = text[:max(k, 0)].rstrip().rstrip("\"'’”»")
    if k <= 0 or not before.endswith((".", "!", "?", "…")):
        return False
    return 0 < len(_ASIDE_WORD.findall(text[k + 1:-1])) <= most


class _Ended:
    """``feats`` as the teaser scan reads them, the lines of ``ended`` (line indexes) not
    cut mid-sentence (`signed_off`)."""

    def __init__(self, feats, ended: set[int]):
        self.feats, self.ended = feats, ended

    def __getitem__(self, i: int) -> Features:
        f = self.feats[i]
        return f._replace(cut=False) if i in self.ended else f

    def __len__(self) -> int:
        return len(self.feats)


def teaser_rows(found: dict[int, tuple[int, int | None]], members=None) -> list[list[int]]:
    """The rows of teasers (``found``: `teasers`, first kept position -> positions it
    holds, title) among ``members`` (first kept positions; all of ``found`` when
    ``None``): the first positions of teasers one right after another, with no other kept
    line between them."""
    rows: list[list[int]] = []
    end = None
    for c in sorted(found if members is None else members):
        if c != end:
            rows.append([])
        rows[-1].append(c)
        end = c + found[c][0]
    return rows


def gallery(r: Reader, teased: dict[int, tuple[int, int | None]], o: Options) -> dict[int, tuple[int, int | None]]:
    """``teased`` (`teasers`) with one teaser for each run of teasers under one label: when
    `Options.story_label_repeats` teasers or more have titles that read the same (`_label`:
    "In pictures" above each photo's caption, "Photo 3/40 ..."), those titles are the label
    of a gallery or a list, not headlines, and the captions under them are its entries, not
    teasers of other stories: the first teaser of a run of them holds the rest (one story)."""
    if not o.story_label_repeats:
        return teased
    label_of = {c: _label(r, t) for c, (_, t) in teased.items() if t is not None}
    labels = Counter(label_of.values())
    if not labels or max(labels.values()) < o.story_label_repeats:
        return teased
    out: dict[int, tuple[int, int | None]] = {}
    first, last = 0, None
    for c in sorted(teased):
        held, title = teased[c]
        label = label_of.get(c)
        if label is not None and label == last and labels[label] >= o.story_label_repeats:
            out[first] = (c + held - first, out[first][1])  # the run's first teaser holds this entry too
            continue
        out[c] = (held, title)
        first, last = c, label
    return out


def captions(r: Reader, kept: list[int], teased: dict[int, tuple[int, int | None]],
             o: Options) -> tuple[dict[int, tuple[int, int | None]], frozenset[int]]:
    """``teased`` (`teasers`) without the captions of a gallery's pictures, and the kept
    positions those pictures span.  A run of teasers (each after the one before with no
    paragraph between them: only kept lines under `Options.prose_min_words` words, the
    pictures' labels, dates and credits, or cut mid-sentence, captions too) of which
    `Options.story_caption_credits` or more have a picture's credit right under their
    text (`_credited`: "Getty Images", "Foto: ...") is a gallery set in the page, its
    lines a picture's captions, not teasers of other stories (a teaser is another story's
    first lines, with no credit of its own under it): none of them is a teaser, and no
    story opens inside the run, from its first caption to its last (its lines stay with
    the text around them)."""
    if not o.story_caption_credits or not teased:
        return teased, frozenset()
    runs: list[list[int]] = []
    end = None
    for c in sorted(teased):
        if end is None or any(r.body(kept[x]) and r.feats[kept[x]].words >= o.prose_min_words
                              and not r.feats[kept[x]].cut for x in range(end, c)):
            runs.append([])
        runs[-1].append(c)
        end = c + teased[c][0]
    out, inside = dict(teased), set()
    for run in runs:
        if sum(_credited(r, kept[c + teased[c][0] - 1]) for c in run) >= o.story_caption_credits:
            for c in run:
                del out[c]
            inside.update(range(run[0], run[-1] + teased[run[-1]][0]))
    return out, frozenset(inside)


def _credited(r: Reader, i: int) -> bool:
    """Is the next line with letters after line ``i`` a picture's credit: one the
    catalogue dropped as a caption (an agency's name, "Foto: ...")?"""
    content, p = r.content, r.pos[i] + 1
    while p < len(content) and not r.lettered[content[p]]:
        p += 1
    if p >= len(content):
        return False
    d = r.d[content[p]]
    return not d.keep and d.category == "caption"


def _label(r: Reader, i: int) -> str:
    """Line ``i``'s text as a label printed again and again reads: case folded, each run of
    digits read as one digit ("Photo 3/40" and "Photo 4/40" read the same)."""
    return _DIGITS.sub("0", r.text(i).casefold().strip())


def resumed(r: Reader, kept: list[int], teased: dict[int, tuple[int, int | None]], o: Options,
            written: bool = False) -> tuple[dict[int, tuple[int, int | None]], list[int]]:
    """``teased`` (`teasers`) without the rows of teasers that are the page's own text
    going on, and the lines of those rows (they go to no story; text with no head after
    such a row goes on with the story before it):
    a row of at most `Options.story_teaser_resume_row` teasers, not at the top, none with
    a title of its own, that ends the text (not in text an extractor wrote, ``written``,
    whose lines at its end stay its story's) or is followed by text with no head
    (`gap_evidence`: no title, meta line, dateline or repeated headline) or by a teaser
    with a title (the untitled teasers that open a row of teasers, read on their own:
    a post's last paragraph ending in an ellipsis above the teasers of other posts), and whose
    content words share at least `Options.story_teaser_resume_cohesion` with the body
    before it (`Options.story_window_words` of it, read back from the row; `_shared`: the
    stopwords of each side's own language left out too): a blog
    post's last paragraphs cut mid-sentence, an appeal or a note of the page after its
    article; a teaser of another story differs in words from the text it follows."""
    if o.story_teaser_resume_cohesion > 1.0:
        return teased, []
    out, tail, m = dict(teased), [], len(kept)
    for row in teaser_rows(teased):
        titled = next((k for k, x in enumerate(row) if teased[x][1] is not None), len(row))
        row = row[:titled]  # the untitled teasers that open the row (none: the row goes on)
        if not row:
            continue
        c, after = row[0], row[-1] + teased[row[-1]][0]
        if not c or len(row) > o.story_teaser_resume_row or written and after >= m:
            continue
        if after < m and after not in teased:  # text after the row: with no head
            g = gap_evidence(r, kept, after, o=o)
            if g.opening is not None or g.title is not None:
                continue
        if _shared(r, body_window(r, kept, range(c - 1, -1, -1), o.story_window_words), kept[c:after]) \
                >= o.story_teaser_resume_cohesion:
            for x in range(c, after):
                out.pop(x, None)
            tail += kept[c:after]
    return out, tail


def _shared(r: Reader, a: list[int], b: list[int]) -> float:
    """The cosine of the content words of lines ``a`` and of lines ``b``, the stopwords of
    the language each side reads as (`guess_language`) left out too: in a dump of pages
    of several languages the page's stoplist leaves another language's function words in."""
    languages = (guess_language(" ".join(r.text(i) for i in side)) for side in (a, b))
    stops = r.stops.union(*(stopwords(code) for code in languages))
    return cosine(word_counts(r, a, stops), word_counts(r, b, stops))


def row_apart(r: Reader, kept: list[int], teased: dict[int, tuple[int, int | None]], c: int, after: int,
              o: Options) -> bool:
    """Is the text after the row of teasers whose last one starts at kept position ``c``
    (``teased``: `teasers`), from kept position ``after`` to the end, another
    story: it opens with a paragraph of body (`Options.prose_min_words` words or more;
    up to `Options.story_title_near` kept headlines above it, the next story's title and
    the page's lines set as headlines, are passed over; more are a list's items), and its
    window of body (`Options.story_window_words`) shares a cosine under
    `Options.story_topic_cohesion` both with the window of body before the row (the story
    the row follows) and with the row's own body (paragraphs ending in an ellipsis inside
    a collection of short texts are no row, each as apart as the next)?"""
    covered = {x for t, (size, _) in teased.items() for x in range(t, t + size)}
    first = c
    while first - 1 in covered:
        first -= 1
    lead = after
    while lead < min(len(kept), after + o.story_title_near) and not r.body(kept[lead]) and r.headline(kept[lead]):
        lead += 1  # the next story's title (and the page's lines set as headlines) right above its text
    if not (lead < len(kept) and r.body(kept[lead]) and r.feats[kept[lead]].words >= o.prose_min_words):
        return False
    before = body_window(r, kept, range(first - 1, -1, -1), o.story_window_words)
    ahead = body_window(r, kept, range(after, len(kept)), o.story_window_words)
    row = body_lines(r, kept, first, after)
    return bool(before and row) and r.cohesion.cosine_of(ahead, before) < o.story_topic_cohesion \
        and r.cohesion.cosine_of(ahead, row) < o.story_topic_cohesion
