"""Where the main story of a page's dump ends, from the page's own evidence, in any language.

After a story's last paragraph a page goes on with its furniture: a share bar, a sign-up
form, tags, a comment form, links to other pages.  A catalogue names much of it in the
languages it knows; in others it is kept when the story stage reads it as part of the story
(it lies between the story's paragraphs and a later line that reads as prose).  The form
of those lines says where the story ends, whatever their language: a *run* of
``story_end_run_lines`` non-blank lines or more, none of them a sentence (a line ending
with a sentence stop, not a colon) nor a paragraph (``story_end_paragraph_words`` words or
more), one of them at least named by no catalogue pattern (a run the catalogue named
whole, an appeal box or a share bar, is set into articles as often as after them), after
at least one paragraph of the story, ends it unless the story *resumes*
after it: a later kept paragraph that shares ``story_end_paragraph_shared`` content words
with the story's sentences and paragraphs before the run, or a later kept sentence of
``story_end_sentence_words`` words or more that shares ``story_end_sentence_shared`` (the
last line of a list inside the article is followed by the article's text, which speaks of
what it spoke of), or at least as many paragraph words after the run as before it (the
run was the page's head, not the story's end: so is every run before the story's first
paragraph, with none before it).  The main story's kept lines from the first
run that ends it on are dropped (``story.end``).  On a page whose language has no
catalogue of its own in use, no catalogue rule has dropped the furniture first and more of
it reads as the story's: the run length and the shared words are the stricter
``story_end_uncatalogued_*`` options there (the pipeline gives `Options.uncatalogued`).

`story_end` runs in the story stage (`cleaner.pipeline`), on a page's dump only, after the
main story's gaps are filled (`cleaner.blocks.inside_main`, `cleaner.blocks.set_off`): its
decisions are part of the ``stories`` layer.  Linear in the main story's lines: the
content words of its sentences are read once, and whether the story resumes after a run is
read from a suffix minimum.

>>> from cleaner import analyze
>>> body = ["The council met on Monday and agreed to rebuild the old pier before the summer, "
...         "after a long debate about the cost of the work and the state of the harbour.",
...         "The harbour master said the pier had been closed for two years and that the fishing "
...         "boats had to use the beach since then, which was not safe in winter."]
>>> tail = ["Posted by the desk at noon", "Send this page to a friend or two", "the older page or the newer page",
...         "Your address will be shown to no one, and every field of this form must be filled before you send it."]
>>> a = analyze("\\n\\n".join(body + tail), extracted="never")
>>> [v.final.rule for v in a.verdicts if v.line.text in tail]
['story.end', 'story.end', 'story.end', 'story.end']
"""

from __future__ import annotations

from collections.abc import Sequence

from .catalogue import is_pattern_rule
from .options import Options
from .rules import CodeRule
from .storage import texts_of
from .stories.evidence import content_words
from .types import Decision, Features, Line

#: The rule this module fires.
RULES = (
    CodeRule("story.end", "boilerplate",
             "kept line of the main story from a run of lines that are neither sentences nor "
             "paragraphs after which the story does not resume: the page after the story (a shorter "
             "run, and more shared words to resume, where no catalogue of the page's language is in use)",
             ("story_end_run_lines", "story_end_paragraph_words", "story_end_sentence_words",
              "story_end_paragraph_shared", "story_end_sentence_shared", "story_end_uncatalogued_run_lines",
              "story_end_uncatalogued_paragraph_shared", "story_end_uncatalogued_sentence_shared")),
)

#: In `_resumes_from`'s per-line list: no line resumes the story.
_NEVER = 1 << 62


def _sentence(text: str, f: Features) -> bool:
    """Does the line (``text``, its features ``f``) end a sentence (a colon ends a label,
    not a sentence)?"""
    return f.terminal and not text.rstrip().endswith(":")


def _runs(texts: Sequence[str], feats: Sequence[Features], decided: Sequence[Decision], first: int, last: int,
          options: Options) -> list[tuple[int, int]]:
    """The runs of lines between ``first`` and ``last`` (the main story's first and last kept
    lines; ``texts``: their texts, line ``first`` first) that could end the story, of ``story_end_run_lines`` lines or more:
    ``(start, end)``, ``end`` the next line that is a sentence or a paragraph (``last + 1``
    at the story's end), holding a line whose decision in ``decided`` no catalogue pattern
    made: a run the catalogue named whole (an appeal box, a share bar)
    is set into articles as often as after them, and says no more than its rules did.  A
    run before the story's first kept paragraph is listed too: `story_end` reads it as the
    page's head (no paragraph words before it, so at least as many after it)."""
    runs, run, start, own = [], 0, first, False
    for i in range(first, last + 1):
        text = texts[i - first]
        if not text:
            continue
        f = feats[i]
        if f.words >= options.story_end_paragraph_words or _sentence(text, f):
            if run >= options.story_end_run_lines and own:
                runs.append((start, i))
            run, own = 0, False
        else:
            start = i if run == 0 else start
            run, own = run + 1, own or not is_pattern_rule(decided[i].rule)
    if run >= options.story_end_run_lines and own:
        runs.append((start, last + 1))
    return runs


def _resumes_from(texts: Sequence[str], feats: Sequence[Features], kept: list[bool], first: int,
                  last: int, stops: frozenset[str], options: Options) -> tuple[list[int], list[int]]:
    """Per line from ``first`` to ``last + 1``: the earliest start of a run after which the
    story resumes at or after that line (`_NEVER`: none; a kept paragraph or sentence
    resumes it sharing ``story_end_paragraph_shared`` or ``story_end_sentence_shared`` content
    words with the story before it), and the paragraph words of the kept lines before it
    (``texts``: the texts of lines ``first`` to ``last``)."""
    first_seen: dict[str, int] = {}
    resume_at = [_NEVER] * (last - first + 2)
    paragraph_words = [0] * (last - first + 2)
    for i in range(first, last + 1):
        f = feats[i]
        paragraph = f.words >= options.story_end_paragraph_words
        paragraph_words[i - first + 1] = paragraph_words[i - first] + (f.words if kept[i] and paragraph else 0)
        if not kept[i] or not (paragraph or _sentence(texts[i - first], f)):
            continue
        words = set(content_words(texts[i - first], stops))
        needed = options.story_end_paragraph_shared if paragraph else options.story_end_sentence_shared
        earlier = sorted(first_seen[w] for w in words if w in first_seen)
        if (paragraph or f.words >= options.story_end_sentence_words) and len(earlier) >= needed > 0:
            resume_at[i - first] = earlier[needed - 1] + 1  # a run starting after that line
        for w in words:
            first_seen.setdefault(w, i)
    for k in range(len(resume_at) - 2, -1, -1):  # suffix minimum
        resume_at[k] = min(resume_at[k], resume_at[k + 1])
    return resume_at, paragraph_words


def story_end(lines: Sequence[Line], feats: Sequence[Features], decided: list[Decision],
              story_of: list[int | None], main: int | None, stops: frozenset[str],
              options: Options) -> list[Decision]:
    """The decisions with the main story's kept lines after its end dropped
    (``story.end``); ``stops``: the stopwords of the page's language (for its content
    words, `cleaner.stories.evidence.content_words`)."""
    if main is None or not options.rule_enabled("story.end"):
        return decided
    kept = [d.keep and s == main for d, s in zip(decided, story_of)]
    at = [i for i, k in enumerate(kept) if k]
    if not at:
        return decided
    first, last = at[0], at[-1]
    texts = texts_of(lines, first, last + 1)  # the story's texts in one pass: no `Line` built
    runs = _runs(texts, feats, decided, first, last, options)
    if not runs:
        return decided
    resume_at, paragraph_words = _resumes_from(texts, feats, kept, first, last, stops, options)
    total = paragraph_words[-1]
    for start, end in runs:
        before = paragraph_words[start - first]
        resumed = resume_at[end - first] <= start or total - paragraph_words[end - first] >= before
        if not resumed:
            return _cut(decided, kept, start, end, last)
    return decided


def _cut(decided: list[Decision], kept: list[bool], start: int, end: int, last: int) -> list[Decision]:
    """The decisions with the main story's kept lines from ``start`` (a run's first line;
    ``end``: the line after the run) to ``last`` dropped (``story.end``)."""
    out = list(decided)
    for i in range(start, last + 1):
        if kept[i]:
            out[i] = Decision(False, "story.end", "boilerplate",
                              f"after the story's end: a run of lines from line {start + 1} to {end}, "
                              "neither sentences nor paragraphs, and no text of the story after it",
                              "stories")
    return out
