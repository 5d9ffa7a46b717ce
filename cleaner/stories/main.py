"""Stories from segments, and the main story.

Which segments are stories: teasers are; a full story needs body; a segment that neither
opens like a story nor holds body is not one (merged into the story before it inside the
main text block of `cleaner.blocks`, dropped outside it).  A first segment that opens the
document (see below) with a title and a story's opening above one of its first
`Options.story_head_paragraphs` paragraphs (a meta line, a dateline: a summary line under
the title can come first, so a meta line anywhere between the title and the paragraph
counts), or with a title over `Options.story_head_paragraphs` paragraphs of
`Options.story_lead_words` words whose content words the next segment does not share
(cosine under `Options.story_topic_cohesion`: a story on a subject of its own, not a
page's lead cut from its article), stands outside the main block too: the block can
take the longer story after a short first one of a dump.  A story reaching into the main
block keeps the runs of kept lines beside the block that continue its vocabulary (the
block can end at a box of related links set into the article).  A row of teasers
followed, inside the main block, by ``story_resumed_words`` of body that does not open a story
was no row of teasers (a gallery of captions, paragraphs ending in an ellipsis) and goes
back to its story, when the row shares more than `Options.story_row_cohesion` with that
story (a gallery's captions name what the article is about; teasers of other stories
share next to no word with it, and the text after them is the page's, an author's note,
or the next story's).  In text an extractor wrote, the text after a teaser that no head
opens is the teaser's page's tail up to a story of its own: its first paragraph of
`Options.story_lead_words` words (or the headline right above it, its title) when
`Options.story_row_after_paragraphs` paragraphs of body follow from there, on other words
than the full story before the teaser (cosine under `Options.story_topic_cohesion`: not
the rest of an article whose cut paragraph read as a teaser); the tail's lines go
(``context.isolated``).

**The main story** is the first full story with enough body to be an article
(`Options.story_main_min_words`; the first story of the document under its own title
when it opens the document, see below, however short: a dump's first story under its
headline is the page's); when no story is that long, the longest one.  A story whose
body holds fewer than `Options.story_main_prose_marks` marks that end a sentence or a
clause per 100 words (a menu, a row of links or a tag cloud run together into one long
line, which no stoplist drops in a language that has none) is neither while a story of
sentences is there, nor does it stand for the main block below.  A story
that opens the document (its first line, its title or its text, with at most
`Options.story_head_lines` lines above it that hold letters, that no catalogue pattern
dropped and that are no list items, a paragraph of `Options.story_lead_words`: the top of
a dump, where a story need not have a title line, and a share row, a date or the items of
a menu above it are the page's furniture) is the
main one however long the story after it, unless that story goes on with its subject
(cosine of their words at least `Options.story_topic_cohesion`: one article cut by a
false boundary, whose longer part is the article) and does not stand under a head of
its own when the first one has a title (a title sharing no content word with the first
story's body, over a meta line, a dateline or a repeated headline: the next story of a
dump in the same language); a notice above an article is the catalogue's to drop, not
a story that gives way.  Otherwise, when that story lies
before the main text block, it is preferred only when it opens like a story and is at least
`Options.story_early_main_share` of the main block's story; a short preamble (under
`Options.story_preamble_words`) that does not open like a story gives way to one of the
next `Options.story_preamble_reach` stories (passing over only short ones: past a story of
its own, none) that is
`Options.story_preamble_ratio` times longer and opens like one (a newsletter notice, a
cookie notice or an author's blurb above the article), never across the comments; a
longer story that does not open like one takes its place only when
`Options.story_preamble_plain_ratio` is set (off by default: in a dump it is as often the
next story after a short main one).

**Labels above the next story.**  A story ends with its text: a heading that a context rule
kept at the end of a story, right above the next story, is that story's section, kicker or
tag (or the page's) and goes, unless the cosine of its content words with its own story is
higher than with the next, or equal (in practice: it shares no content word with either,
or has none) and it reads as a title (a subheading of the story's last section shares its
words).

**Captions.**  In text whose blocks stand apart (more than
`Options.extracted_dense_blank_share` of its lines empty), a story's paragraph set right
above a picture's credit is the picture's caption, not the story's text
(``story.caption``): prose by the line rules of at most `Options.story_caption_max_words`
words (a caption names what the picture shows; a longer paragraph is the story's own),
with no kept line right above it, and right
under it (no empty line between) a credit of at most `Options.story_credit_max_words`
words (a longer line ending in a credit is a caption of its own): a line the catalogue
drops as a credit, or a line the line rules did not keep (no sentence end, no colon, no
address, not a list item, not in capitals) with an empty line under it; the story goes
on after the credit (a name under the last paragraph signs the article).  A credit that a
context rule kept goes with its caption.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..blocks import barrier_kind
from ..extracted import blocks_touch
from ..language import guess_language, stopwords
from ..options import Options
from ..rules import CodeRule
from ..types import Decision, Features
from .boundaries import Segment, segment_end
from .evidence import DEFAULT, Reader, content_words

#: The rule of this module (listed with the stage's rules, `cleaner.stories.RULES`).
RULES = (
    CodeRule("story.caption", "caption",
             "a story's paragraph set right above a picture's credit (a catalogue credit, or a short "
             "line without a sentence end, which goes too), the story going on below, in text whose "
             "blocks stand apart",
             ("story_caption_max_words", "story_credit_max_words", "extracted_dense_blank_share")),
)


def assemble(r: Reader, kept: list[int], segs: list[Segment], between: set[int],
             final: list[Decision], o: Options = DEFAULT, touch: bool | None = None,
             written: bool = False) -> list[dict]:
    """The stories of the segments (dicts, `_story`); ``final`` is revised in place (lines
    of a story come back, lines between stories and after a row of teasers go, but in text
    read as an extractor's, ``written``, for a story's text after a teaser, `_after_row`;
    captions go unless ``touch``, the text's `cleaner.extracted.blocks_touch`, computed
    when not given)."""
    segs = _undo_teaser_rows(segs, kept, final, r.feats, r)
    _give_back(r, kept, segs, between, final, o)
    _isolate(final, between, "kept line between two stories (a caption above the next title, a stray line of a "
                             "page's tail)")
    stories: list[dict] = []
    for s, (c0, title, opening, teaser) in enumerate(segs):
        c1 = segment_end(segs, s, len(kept))
        members, inside = _segment_members(r, kept, c0, c1, between, final)
        if not members:
            continue
        words = _body_words(r, members)
        after_teaser = s > 0 and segs[s - 1][3] and not teaser
        first = not stories  # no story stood before it
        top, lead = _top_and_lead(r, members, title)
        if _would_stand(r, members, inside, title, opening, teaser, words, top, lead, after_teaser, first,
                        _next(kept, segs, s), o):
            stray = set(segs[s].stray).intersection(members)
            if stray and len(stray) < len(members):  # the furniture between stories above its text
                _isolate(final, stray, "kept line above the next story's text, sharing no word with it (an author's "
                                       "box, a sidebar's teaser of the page before)")
                members = [i for i in members if i not in stray]
                words = _body_words(r, members)
            stories.append(_story(members, title, opening, teaser, top, lead, words, bool(inside)))
        elif inside and not after_teaser:
            stories[-1]["members"] += members
            stories[-1]["words"] += words
            stories[-1]["inside"] = True
        elif written and after_teaser and (k := _after_row(r, members, _last_full(stories), o)) is not None:
            # the teaser's page's tail, then a story of its own (its title and paragraphs)
            _isolate(final, members[:k], "kept line after a teaser, above the next story's text")
            members = members[k:]
            words = _body_words(r, members)
            stories.append(_story(members, None if r.body(members[0]) else members[0], opening, teaser,
                                  _head_above(r, members[0]), lead, words, any(final[i].keep for i in members)))
        else:
            _isolate(final, members, "kept line after a row of teasers")
            continue
        for i in members:
            if not final[i].keep:
                final[i] = r.d[i]
    _drop_labels_above_next(r, stories, final, o)
    if touch is None:
        touch = blocks_touch(r.lines, o)
    if not touch:  # in text written one block a line, every line is right under another
        _drop_captions(r, stories, final, o)
    return stories


def _segment_members(r: Reader, kept: list[int], c0: int, c1: int, between: set[int],
                     final: list[Decision]) -> tuple[list[int], list[int]]:
    """The kept lines of a segment (kept positions ``c0`` to ``c1``, not ``between``) and
    those of them inside the main region (``final`` keeps them).  A segment that reaches
    into the main region is that region's lines and the runs of the segment beside it
    that continue its vocabulary (the region can end at a related-links box inside an
    article), not past the comments (`_continued`); a segment wholly outside it comes
    back only as a story of its own."""
    members = [i for i in kept[c0:c1] if i not in between]
    inside = [i for i in members if final[i].keep]
    if inside:
        members = _continued(r, members, inside)
    return members, inside


def _top_and_lead(r: Reader, members: list[int], title: int | None) -> tuple[int, int]:
    """What lies above a segment's first line (its title, or its first kept line:
    `_head_above`) and its longest paragraph's words."""
    top = _head_above(r, min(members[0], title) if title is not None else members[0])
    return top, max((r.feats[i].words for i in members if r.body(i)), default=0)


def _would_stand(r: Reader, members: list[int], inside: list[int], title: int | None, opening: str | None,
                 teaser: bool, words: int, top: int, lead: int, after_teaser: bool, first: bool, after: list[int],
                 o: Options) -> bool:
    """Does a segment (its kept lines ``members``, ``inside`` the main region, its body
    ``words``; ``top``, ``lead``: `_top_and_lead`; ``first``: no story stood before it;
    ``after``: the kept lines of the segment after it) stand as a story of its own
    (`assemble`)?  When `_stands` says so; when it reaches into the main region with
    `Options.story_outside_min_words` of body, not right after a teaser; or, as the
    first, when it opens the document with a story's head: a first story stands outside
    the main block too (the block can take the longer story after a short first one)."""
    on_top = first and not teaser and words >= o.story_outside_min_words and _opens(top, lead, o)
    return _stands(r, members, opening, teaser, words, bool(inside) and not after_teaser and first, o) \
        or bool(inside) and not after_teaser and words >= o.story_outside_min_words \
        or on_top and (_headed(r, members, title, o) or _own_subject(r, members, title, after, o))


def _give_back(r: Reader, kept: list[int], segs: list[Segment], between: set[int],
               final: list[Decision], o: Options) -> None:
    """The paragraphs a story reached up for above its gap (`Segment.below`) go back to
    the story before (``segs`` revised in place) when the story would not stand without
    them, or the story before would be left with fewer than `Options.story_min_words`
    body words, or stands with them and not without: moving a story's start up never
    changes which stories stand.  A segment of a page's tail that stands as no
    story (a comment form, a sidebar: kept lines outside the main region) would otherwise
    take an article's last paragraph and stand on its words, and a short story before
    the gap would be left too short to stand."""
    def stands(s: int, c0: int, c1: int) -> bool:
        members, inside = _segment_members(r, kept, c0, c1, between, final)
        if not members:
            return False
        words = _body_words(r, members)
        after_teaser = s > 0 and segs[s - 1][3] and not segs[s][3]
        # no story stood before it: which segments stand is `assemble`'s to say once the
        # paragraphs are given back; till then each segment before is read as a story
        first = s == 0
        return _would_stand(r, members, inside, segs[s][1], segs[s][2], segs[s][3], words,
                            *_top_and_lead(r, members, segs[s][1]), after_teaser, first, _next(kept, segs, s), o)

    for s in range(1, len(segs)):
        below = segs[s].below
        if below is None or below <= segs[s][0]:
            continue
        c1 = segment_end(segs, s, len(kept))
        left = _body_words(r, (i for i in kept[segs[s - 1][0]:segs[s][0]] if i not in between))
        if not stands(s, below, c1) or left < o.story_min_words or stands(s - 1, segs[s - 1][0], below) \
                and not stands(s - 1, segs[s - 1][0], segs[s][0]):
            segs[s][0] = below


def _body_words(r: Reader, lines: Iterable[int]) -> int:
    """The words of the body lines among ``lines`` (`Reader.body`, `Features.words`)."""
    return sum(r.feats[i].words for i in lines if r.body(i))


def _story(members: list[int], title: int | None, opening: str | None, teaser: bool, top, lead: int,
           words: int, inside: bool) -> dict:
    """A story of `assemble`: its ``members`` (kept lines), ``title`` line, whether it
    opens like a story (``strong``: an ``opening`` other than none or the topic's), how
    much lies above it (``top``, `_head_above`), its longest paragraph's words (``lead``),
    the lines whose content words it opens with (``vocabulary``), its ``kind``
    (``"teaser"`` or ``"full"``), its body ``words`` and whether it reaches into the main
    region (``inside``)."""
    return {"members": list(members), "title": title, "strong": opening not in (None, "topic"), "top": top,
            "lead": lead, "vocabulary": members, "kind": "teaser" if teaser else "full", "words": words,
            "inside": inside}


def _isolate(final: list[Decision], lines, reason: str) -> None:
    """Each kept line of ``lines`` dropped by the story stage as ``context.isolated``
    (``final`` revised in place), for ``reason``."""
    for i in lines:
        if final[i].keep:
            final[i] = Decision(False, "context.isolated", "boilerplate", reason, "stories")


def _drop_labels_above_next(r: Reader, stories: list[dict], final: list[Decision], o: Options) -> None:
    """A story ends with its text, not with a heading: the headings at the end of a story
    that another story follows, kept only by a context rule (`_label`), are the next
    story's section, kicker or tag, or the page's, and go (``context.isolated``, ``final``
    revised in place) unless the cosine of their content words with their own story
    (`cleaner._core.Cohesion.cosine_of`) is higher than with the next, or equal and they
    read as a title (`Reader.titled`).  The cosines are equal in practice only when the
    heading shares no content word with either story (both 0) or has none (both 1).  A
    subheading of the story's own last section shares its words and stays."""
    for st, after in zip(stories, stories[1:]):
        kept = [i for i in st["members"] if final[i].keep]
        gone: set[int] = set()
        for k in range(len(kept) - 1, 0, -1):
            i = kept[k]
            if not _label(r, i, final[i], o):
                break
            own, next_ = r.cohesion.cosine_of([i], kept[:k]), r.cohesion.cosine_of([i], after["members"])
            if own > next_ or own == next_ and r.titled(i):
                break
            final[i] = Decision(False, "context.isolated", "boilerplate",
                                f"a heading at the end of a story, above the next (content-word "
                                f"cosine: {own:.2f} with its story, {next_:.2f} with the next)", "stories")
            gone.add(i)
        if gone:
            st["members"] = [i for i in st["members"] if i not in gone]


def _label(r: Reader, i: int, d: Decision, o: Options) -> bool:
    """Is kept line ``i`` a heading that only a context rule kept (``d``: its decision): a
    headline (`Reader.headline`) or a list item of at most `Options.heading_max_words`
    words, no body?"""
    return d.stage == "context" and not r.body(i) and r.feats[i].words <= o.heading_max_words \
        and (r.headline(i) or r.bulleted(i))


def _drop_captions(r: Reader, stories: list[dict], final: list[Decision], o: Options) -> None:
    """Each story's captions (`_credit_under`) dropped from its lines, ``final`` revised
    in place (``story.caption``); the text's blocks stand apart (`assemble`).  A caption
    has a kept line of its story after its credit."""
    if not o.rule_enabled("story.caption"):
        return
    for st in stories:
        kept = [i for i in st["members"] if final[i].keep]
        captions = {i for i in kept if i + 1 < kept[-1] and _credit_under(r, i, o)}
        credits = {i + 1 for i in captions if final[i + 1].keep}  # kept by a context rule: no text either
        for i in captions:
            final[i] = Decision(False, "story.caption", "caption",
                                f"right above a picture's credit ({r.d[i + 1].rule})", "stories")
        for i in credits:
            final[i] = Decision(False, "story.caption", "caption", "a picture's credit, right under its caption",
                                "stories")
        if captions:
            st["members"] = [i for i in st["members"] if i not in captions | credits]


def _credit_under(r: Reader, i: int, o: Options) -> bool:
    """Is line ``i`` a paragraph (prose by the line rules, of at most
    `Options.story_caption_max_words` words) that opens its block (no kept line right
    above it) with a picture's credit of at most `Options.story_credit_max_words` words
    right under it: a line the catalogue drops as a credit (category ``caption``), or a
    line no catalogue rule names and the line rules did not keep, without a
    sentence end or a closing colon (`Features.terminal`), an address, a list item's mark
    or only capitals (a subheading), with an empty line under it?"""
    j = i + 1
    if j not in r.pos or r.d[i].rule != "feature.prose" or r.feats[i].words > o.story_caption_max_words \
            or (i - 1 in r.pos and r.d[i - 1].keep):
        return False
    f, text = r.feats[j], r.text(j)
    if f.words > o.story_credit_max_words:  # a caption of its own, its credit at its end
        return False
    if r.by_pattern[j]:
        return r.d[j].category == "caption"
    return (not (r.d[j].keep and r.d[j].stage == "classify")
            and not f.terminal and not f.urls and not text.isupper() and not r.bulleted(j) and j + 1 not in r.pos)


def _stands(r: Reader, members: list[int], opening: str | None, teaser: bool, words: int,
            first_inside: bool, o: Options) -> bool:
    """Is a segment a story of its own?  A teaser is; a segment that opens like a story
    (or with a change of topic) and holds `Options.story_outside_min_words` of body; a
    short story of two paragraphs under its title and meta line; the first segment of the
    main block."""
    return teaser or first_inside or (opening is not None and words >= o.story_outside_min_words) or (
        opening in ("headed", "meta") and words >= o.story_short_words
        and sum(1 for i in members if r.body(i)) >= 2)


def _last_full(stories: list[dict]) -> list[int]:
    """The kept lines of the last full story of ``stories`` (none when there is none)."""
    return next((st["members"] for st in reversed(stories) if st["kind"] == "full"), [])


def _after_row(r: Reader, members: list[int], before: list[int], o: Options) -> int | None:
    """Where a story starts among the kept lines ``members`` of a segment right after a
    teaser, in text an extractor wrote (in a page's dump, a row of teasers is followed by
    the page's tail, its comments and notices): at its first paragraph of
    `Options.story_lead_words` words or more (or the headline right above it, its title)
    when from that paragraph on the segment holds
    `Options.story_row_after_paragraphs` paragraphs of body and
    `Options.story_outside_min_words` body words (an article's text) whose content words
    share less than `Options.story_topic_cohesion` (cosine) with the full story before
    the teaser (``before``: its kept lines; a paragraph cut mid-sentence inside an
    article, read as a teaser, is followed by the rest of that article); ``None`` when it
    holds no such text.  The lines above it are the teaser's page's tail (a short note,
    a link, a list of tags: no paragraph of that length)."""
    lead = next((k for k, i in enumerate(members) if r.body(i) and r.feats[i].words >= o.story_lead_words), None)
    if lead is None:
        return None
    body = [i for i in members[lead:] if r.body(i)]
    if len(body) < o.story_row_after_paragraphs or sum(r.feats[i].words for i in body) < o.story_outside_min_words \
            or before and r.cohesion.cosine_of(body, before) >= o.story_topic_cohesion:
        return None
    above = members[lead - 1] if lead else None
    if above is not None and r.headline(above) and r.pos[members[lead]] - r.pos[above] == 1:
        return lead - 1
    return lead


def _continued(r: Reader, members: list[int], inside: list[int]) -> list[int]:
    """The lines of a story that the main region cut: ``inside`` plus the runs of kept
    lines of the same story on either side of the region whose vocabulary continues
    the story's (cosine at least ``story_continue_cohesion``), not past the comments header (a
    related-stories box can sit inside an article; comments always follow it).  Runs too
    short to judge go with the next run that can be judged."""
    before = [i for i in members if i < inside[0]]
    after = [i for i in members if i > inside[-1]]

    def runs(lines: list[int]) -> list[list[int]]:
        """Runs of kept lines with no other non-blank line between them."""
        out: list[list[int]] = []
        for i in lines:
            if out and r.pos[i] - r.pos[out[-1][-1]] == 1:
                out[-1].append(i)
            else:
                out.append([i])
        return out

    def take(rs: list[list[int]], closing: bool = False) -> list[int]:
        # The compiled core judges the runs in order (rust/src/cohesion.rs): per run
        # judged, how many runs are taken up to it; the first run that the comments
        # header precedes ends the walk where it stands.
        judged = r.cohesion.continued(inside, rs, r.o.story_run_words, r.o.story_continue_cohesion)
        if closing:
            last = inside[-1]
            for k, run in enumerate(rs[:len(judged) + 1]):
                if any(barrier_kind(r.d[j]) == "hard" and not r.bulleted(j)
                       for j in r.content[r.pos[last] + 1:r.pos[run[0]]]):
                    judged = judged[:k]  # a "* Comments" link does not close the article
                    break
                last = run[-1]
        return [i for run in rs[:judged[-1] if judged else 0] for i in run]

    ahead = take(runs(after), closing=True)
    behind = take([run[::-1] for run in runs(before)[::-1]])
    return sorted(behind) + inside + ahead


def _undo_teaser_rows(segs: list[Segment], kept: list[int], final: list[Decision],
                      feats: list[Features], r: Reader) -> list[Segment]:
    """Teasers come after the stories: a row of them followed, inside the main region,
    by ``story_resumed_words`` of body that does not open a story of its own was no row of
    teasers (a gallery of captions, paragraphs ending in an ellipsis) and goes back to
    the story before it, when the row's paragraphs share more than
    ``story_row_cohesion`` with that story's (the cosine of their content words)."""
    out: list[Segment] = []
    k = 0
    while k < len(segs):
        if not segs[k][3] or not out or out[-1][3]:
            out.append(segs[k])
            k += 1
            continue
        end = k
        while end < len(segs) and segs[end][3]:
            end += 1
        if end < len(segs) and not segs[end][2]:
            stop = segment_end(segs, end, len(kept))
            resumed = sum(feats[i].words for i in kept[segs[end][0]:stop] if final[i].keep and r.body(i))
            before = [i for i in kept[out[-1][0]:segs[k][0]] if r.body(i)]
            row = [i for i in kept[segs[k][0]:segs[end][0]] if r.body(i)]
            if resumed >= r.o.story_resumed_words and r.cohesion.cosine_of(row, before) > r.o.story_row_cohesion:
                k = end + 1  # the row and the text after it stay in the story before
                continue
        out.extend(segs[k:end])
        k = end
    return out


def main_story(r: Reader, stories: list[dict], final: list[Decision], o: Options = DEFAULT) -> int | None:
    """The first full story with enough body (the document's first story under its title
    when it opens the document, however short); one before the main block only when it
    opens like a story and is not tiny next to the main block's story; a short preamble
    that does not open like a story (a notice, an author's blurb) gives way to a story
    right after it that is much longer and opens like one (`_displacing`), unless the
    comments open in between (what follows them is never the page's text).  A story
    whose body holds fewer than ``story_main_prose_marks`` marks that end a sentence or
    a clause per 100 words (`_mark_rate`: a menu or a tag cloud run together into one
    line) is none of these while a story of sentences is there."""
    if not stories:
        return None
    full = [s for s, st in enumerate(stories) if st["kind"] == "full" and (
        st["words"] >= o.story_main_min_words  # or the document's first story, under its title
        or s == 0 and st["title"] is not None and _opens(st["top"], st["lead"], o))]
    if not full:
        return max(range(len(stories)), key=lambda s: (stories[s]["kind"] == "full", stories[s]["words"]))
    # a story that reads as a run of words with no sentences (a menu or a tag cloud on one
    # line) is no article while one of sentences is there, nor does it hold the main block
    unpunctuated: set[int] = set()
    if len(full) > 1:  # a single full story is the main one, sentences or not
        unpunctuated = {s for s in full if _mark_rate(r, stories[s]["members"]) < o.story_main_prose_marks}
    if len(unpunctuated) < len(full):
        full = [s for s in full if s not in unpunctuated]
    first = full[0]
    opens = _opens(stories[first]["top"], stories[first]["lead"], o)
    block_story = next((s for s, st in enumerate(stories) if st["inside"] and s not in unpunctuated), first)
    if first < block_story and not opens:
        ok = stories[first]["strong"] and \
            stories[first]["words"] >= o.story_early_main_share * stories[block_story]["words"]
        if not ok:
            first = block_story if block_story in full else first
    head = stories[first]
    if not head["strong"] and head["words"] < o.story_preamble_words:
        end = head["members"][-1]
        later = _displacing(stories, full[full.index(first) + 1:][:o.story_preamble_reach], head, o)
        if later is not None and any(d.category == "comments" for d in final[end:stories[later]["members"][0]]):
            later = None
        # A story that opens the document gives way only to the rest of its own article
        # (the same subject, cut off by a false boundary), not to the next story of a dump,
        # titled or not (a notice above an article is the catalogue's to drop).
        if later is not None and (not opens
                                  or not _both_headed(r, head, stories[later])
                                  and r.cohesion.cosine_of(head["vocabulary"], stories[later]["vocabulary"])
                                  >= o.story_topic_cohesion):
            return later
    return first


def _displacing(stories: list[dict], after: list[int], head: dict, o: Options) -> int | None:
    """The first of the stories ``after`` a short preamble ``head`` that is long enough to
    take its place (`_displaces`), passing over only stories under
    `Options.story_preamble_words` (a second notice, another short block): past a story
    of its own that does not take the preamble's place, none does."""
    for s in after:
        if _displaces(stories[s], head, o):
            return s
        if stories[s]["words"] >= o.story_preamble_words:
            return None
    return None


def _displaces(later: dict, head: dict, o: Options) -> bool:
    """Is story ``later`` long enough to take the place of a short preamble ``head``:
    `Options.story_preamble_ratio` times its words when it opens like a story, else
    `Options.story_preamble_plain_ratio` times (0: never)?"""
    ratio = o.story_preamble_ratio if later["strong"] else o.story_preamble_plain_ratio
    return ratio > 0 and later["words"] >= head["words"] * ratio


def _mark_rate(r: Reader, members: list[int]) -> float:
    """The marks that end a sentence or a clause per 100 words of the body lines among
    ``members``, 100 with no body: an article's paragraphs hold one every few words in
    any language that writes them; a menu, a row of links or a tag cloud run together
    into one long line holds next to none.  The marks are counted by the compiled core
    (``Story.clause_marks``, rust/src/story.rs): a full stop, "!", "?", "…", a comma, a
    semicolon or a colon before a space or the line's end (not inside "3.5" or "a.m"), in
    the Latin forms and the Arabic, Armenian, Devanagari, Ethiopic, Khmer, Myanmar and
    Tibetan ones; the full-width forms of Chinese and Japanese anywhere."""
    body = [i for i in members if r.body(i)]
    words = sum(r.feats[i].words for i in body)
    return 100.0 * r.core.clause_marks(body) / words if words else 100.0


def _both_headed(r: Reader, head: dict, later: dict) -> bool:
    """Do a story under its title and a later story both stand under a head of their own:
    the later one opens like a story (a meta line, a dateline, a repeated headline:
    ``strong``) under a title that shares no content word with the first one's body?
    Then the later one is the next story of a dump, not the rest of the first one's
    article cut off by a false boundary, whatever other words the two share (two stories
    of one site or one language share many).  A headline over the rest of an article
    names what the article is about.  The content words leave out the stopwords of the
    page's language and of the language guessed for the first one's body
    (`guess_language`): to the page's stoplist, another language's function words are
    content words that two stories in that language share."""
    if head["title"] is None or later["title"] is None or not later["strong"]:
        return False
    text = " ".join(r.lines[i].text for i in head["members"] if r.body(i))
    # the stopwords of the story's own language too: a story in another language than
    # the page's shares its function words with the next story's title
    code = guess_language(text)
    stops = r.stops | stopwords(code) if code else r.stops
    return not set(content_words(text, stops)) & set(content_words(r.lines[later["title"]].text, stops))


def _headed(r: Reader, members: list[int], title: int | None, o: Options) -> bool:
    """Does a story (its kept lines ``members``, its title line ``title``) have a story's
    whole head: a title, and above one of its first `Options.story_head_paragraphs`
    paragraphs of body an opening of a story (`Reader.opening`: a meta line, a dateline,
    a repeated headline), or a meta line (`Reader.meta`) between the title and that
    paragraph (a one-sentence summary can stand between the title and the byline)?  A
    page's notices, link lists and blurbs above its article have none."""
    if title is None:
        return False
    for i in [i for i in members if r.body(i)][:o.story_head_paragraphs]:
        above = list(r.content[max(0, r.pos[i] - o.story_first_above_lines):r.pos[i]])
        if r.opening(i, above)[1] is not None or any(r.meta(j) for j in above if j > title):
            return True
    return False


def _own_subject(r: Reader, members: list[int], title: int | None, after: list[int], o: Options) -> bool:
    """Is a story (its kept lines ``members``, its title line ``title``) a story's body on
    a subject of its own: a title, its first `Options.story_head_paragraphs` paragraphs of
    body each of `Options.story_lead_words` words or more, and the content words of its
    body sharing less than `Options.story_topic_cohesion` (cosine) with those of the text
    after it (``after``: the next segment's kept lines)?  A page's own lead cut from its
    article shares its words; a notice or a blurb above an article has no title of its own
    over paragraphs of prose."""
    paragraphs = [i for i in members if r.body(i)]
    if title is None or not after or len(paragraphs) < o.story_head_paragraphs \
            or any(r.feats[i].words < o.story_lead_words for i in paragraphs[:o.story_head_paragraphs]):
        return False
    return r.cohesion.cosine_of(paragraphs, after) < o.story_topic_cohesion


def _next(kept: list[int], segs: list[Segment], s: int) -> list[int]:
    """The kept lines of the segment after segment ``s`` (none after the last)."""
    if s + 1 >= len(segs):
        return []
    return kept[segs[s + 1][0]:segment_end(segs, s + 1, len(kept))]


def _head_above(r: Reader, first: int) -> int:
    """What lies above a story's first line ``first`` (its title, or its text), back to
    the nearest kept line: the lines above it that hold letters, that no catalogue
    pattern dropped and that are no list items (`Reader.bulleted`: a share row, a date, a
    row of bullets, the items of a menu are the furniture of the page's head, not text
    before the story) when no kept line is above, else its non-blank lines above.
    Counted by the compiled core (rust/src/story.rs)."""
    return r.core.head_above(first)


def _opens(top: int, lead: int, o: Options) -> bool:
    """Does a story open the document: its first line (its title, or its text when it
    has none) with ``top`` lines above it that hold letters, that no catalogue pattern
    dropped and that are no list items (`_head_above`), at most
    `Options.story_head_lines`, and a paragraph of ``lead`` words, at least
    `Options.story_lead_words` (not a form or a notice of short lines)?  Such a story is
    what a dump of stories starts with, the main one however short."""
    return top <= o.story_head_lines and lead >= o.story_lead_words
