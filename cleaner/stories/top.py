"""The topic evidence at the top of a dump: a short first story judged on all its words.

`cleaner.stories.evidence.topic_profile` judges a gap only when the windows on both of its
sides hold `Options.story_min_after_words` content words, so the first gaps of a text
have no cosine (their side above holds too little).  A short story at the top of a dump
(two or three paragraphs, then the next story) ends at such a gap, and without a cosine
nothing tells that its words and the next story's differ.  There the paragraphs above the
gap are all of the first story: they are read whole, against the window after the gap
(`Options.story_window_words`, `Options.story_window_lines`), once they are at least
`Options.story_first_paragraphs` paragraphs (one paragraph is a lead as often as a story,
and a lead's words differ from its article's details) and at least
`Options.story_first_gap_lines` non-blank lines lie between the paragraphs on the gap's
two sides (a title, a meta line, page furniture: the seam of two stories of a dump).  A
change of words alone is no end of a story there: an article's anecdotal opening (a
person, a scene) can share no content word with the article's report below it, and a
first story cut there would be the main one (`cleaner.stories.main`), the article lost.
Nor is a change of words alone the seam, unless the document's first title says where
its story ends (`_title_ends`): the title shares a content word with the paragraphs above
the gap and none with the window after it (stories joined with nothing between them; an
article's title names what its report, below an opening, is about).

The depth of such a gap is twice the rise of the cosines after it while they do not fall
(its climb to the right), mirrored at the top because nothing above it was judged.  This
is not `cleaner.stories.boundaries.edged`'s rule: `edged` mirrors a climb only when
exactly one side runs into an edge, and gives nothing when the climb to the right also
runs into one (the end of the text, or a gap too small to judge).  Here the left side is the top by construction, and a climb
to the right that reaches the end is a rise measured in full (the next story coheres to
the end of the text), so it is mirrored too.  The split therefore needs the next story's
paragraphs to cohere right after the gap (cosines that rise from it); after a story
whose first cosines fall, the gap gets no depth and the stories stay one.
Only gaps whose side above holds fewer content words than a window needs are read so
(the top of the text); every other gap keeps the profile's cosine and depth, and text an
extractor wrote (one page's, `cleaner.stories.boundaries.segment`) is not read so.
"""

from __future__ import annotations

from ..options import Options
from .evidence import Reader, body_window, lines_words


def first_topic(r: Reader, kept: list[int], prose: list[int], cos: list[float | None], depth: list[float],
                o: Options, title: int | None = None) -> tuple[list[float | None], list[float]]:
    """``cos`` and ``depth`` (`topic_profile`'s, per paragraph of body ``prose``: kept
    positions) with the first gaps that have no cosine, while the paragraphs above them
    hold fewer than `Options.story_min_after_words` content words (the top of the text),
    judged on all those paragraphs when they are at least `Options.story_first_paragraphs`,
    `Options.story_first_gap_lines` non-blank lines lie between the paragraphs on its two
    sides or the document's first title (line ``title``, ``None``: none) ends there
    (`_title_ends`), and the window after the gap holds `Options.story_min_after_words`
    content words (see the module's doc)."""
    n, least = len(prose), o.story_min_after_words
    reach = (o.story_window_words, o.story_window_lines)
    above = 0  # the content words of the paragraphs above the gap
    for j in range(1, n):
        if cos[j] is not None:
            break
        above += sum(r.cohesion.counts([kept[prose[j - 1]]], 0, 1, 1, least, 1).values())
        if above >= least:
            break
        after = [kept[c] for c in prose[j:j + o.story_window_lines]]  # all a window after the gap can hold
        if j < o.story_first_paragraphs or sum(r.cohesion.counts(after, 0, 1, len(after), *reach).values()) < least \
                or not (r.pos[after[0]] - r.pos[kept[prose[j - 1]]] > o.story_first_gap_lines
                        or _title_ends(r, title, [kept[c] for c in prose[:j]], after, o)):
            continue
        here = r.cohesion.window_cosine(after, 0, 1, len(after), reach, [kept[c] for c in prose[:j]])
        cos, depth = cos[:j] + [here] + cos[j + 1:], list(depth)
        top, k = here, j + 1
        while k < n and cos[k] is not None and cos[k] >= top:  # the climb to the right
            top = cos[k]
            k += 1
        depth[j] = 2 * (top - here)
    return cos, depth


def _title_ends(r: Reader, title: int | None, above: list[int], after: list[int], o: Options) -> bool:
    """Do the words of the document's first title (line ``title``) end at a gap: it
    shares a content word (`cleaner.stories.evidence.content_words`) with the paragraphs
    ``above`` the gap and none with the window of body after it (``after``: paragraphs of
    body, read up to `Options.story_window_words` words, `body_window`)?  The title's line may be one the line rules
    dropped, so its words are read from its text."""
    if title is None:
        return False
    own = lines_words(r, [title])
    if not own:
        return False
    window = body_window(r, after, range(len(after)), o.story_window_words)
    return bool(own & lines_words(r, above)) and not own & lines_words(r, window)
