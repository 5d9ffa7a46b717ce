"""An author's box: no story opens inside the note on a page's author below its article.

A page's article is often followed by its author's box: a heading the catalogue reads
as one ("About the author", "Über den Autor", "Sobre el autor": the ``*.bio.*`` rules,
category ``bio``), then the author's name, counts, links ("Follow author") and a
paragraph or two of the author's own words.  Those words differ from the article's and
the box's lines read like a story's head (a short title-like line, dropped lines above
the text), so the story finder took the box for the next story.  A gap whose first line
(its title, else its text) has a line the catalogue dropped as a note on the author at
most `Options.story_bio_lines` content lines above it, with no line of body between,
and another one below it (down to the gap's text, or as far, whichever is farther), opens no
story (`boxed`): the box goes on across the gap.  The next page's story after an
author's box opens below the box's last line: the box's lines stand above its first
line only.
"""

from __future__ import annotations

from ..options import Options
from .evidence import Gap, Reader, body_before


def boxed(r: Reader, kept: list[int], gaps: list[Gap], o: Options) -> list[Gap]:
    """The ``gaps`` across which no author's box goes on (see the module's docstring);
    all of them when `Options.story_bio_lines` is 0."""
    reach = o.story_bio_lines
    if not gaps or reach <= 0:
        return gaps
    content, pos, d = r.content, r.pos, r.d
    n = len(content)

    def bio(p: int) -> bool:
        i = content[p]
        return not d[i].keep and d[i].category == "bio"

    out = []
    for g in gaps:
        first = pos[g.title if g.title is not None else kept[g.c]]
        before = body_before(r, kept, g.c)
        top = max(pos[before] + 1 if before >= 0 else 0, first - reach)
        text = pos[kept[g.c]]
        # the box's heading above the gap's first line, and the box going on below it
        if not (any(map(bio, range(top, first))) and any(map(bio, range(first + 1, min(n, max(text, first + reach + 1)))))):
            out.append(g)
    return out
