"""The story finder's candidate boundaries in the compiled core
(rust/src/story_candidates.rs, `Story.candidates` behind
`cleaner.stories.boundaries._candidates`, and `Story.sectioned` behind
`cleaner.stories.evidence.topic_profile`), held to a Python oracle kept here (the former
Python, and a Python reading of the rules written with the core since: the subheadings
between sections, the new names counted once), on the seed documents and on generated dumps of several stories (titles, bylines,
dates, share rows, lists, paragraphs on two subjects, names), with the options that change what
a candidate needs."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

import cleaner
from cleaner import _core
from cleaner.classify import is_heading_like
from cleaner.language import guess_language, stopwords
from cleaner.options import Options
from cleaner.stories import boundaries
from cleaner.stories.evidence import Gap, boundary_score, content_words, cosine, gaps, weights
from cleaner.stories.series import serial
from cleaner.stories.teasers import teasers
from readers import story_readers

SEEDS = sorted((Path(__file__).parent.parent / "corpus" / "seeds").glob("*.txt"))


# -- the former Python (the oracle) ----------------------------------------------------------

def oracle_candidates(r, kept, topic, start, end, o, heads_only=False, title0=None):
    prose, cos, depth, names = topic
    at = [j for j, c in enumerate(prose) if start < c < end]
    sinces = [max(prose[j - 1], start) if j else start for j in at]
    # the depth weighs story_section_depth_weight in an extractor's text, across a kept
    # headline (a subheading between sections) and above a label (under prose_min_words);
    # the core is given the two depth weights equal, so only the oracle's choice counts
    plain = replace(o, story_section_depth_weight=o.story_depth_weight)
    section = replace(o, story_depth_weight=o.story_section_depth_weight)
    found = gaps(r, kept, [prose[j] for j in at], [cos[j] for j in at], [depth[j] for j in at], sinces, plain)
    by = [section if heads_only or r.feats[kept[prose[j]]].words < o.prose_min_words
          or (g.opening is None and any(r.headline(kept[x]) for x in range(since + 1, prose[j]))) else plain
          for j, since, g in zip(at, sinces, found)]
    found = [g if w is plain else g._replace(score=boundary_score(g.opening, g.dropped, g.furniture, g.headline,
                                                                  g.cohesion, g.depth, w))
             for g, w in zip(found, by)]
    # new names after the gap (`_names`), where its cosine is under story_names_cosine
    named = [names[j] and cos[j] is not None and cos[j] < o.story_names_cosine for j in at]
    usual = _usual(found, o)
    found = [_revised(r, g, title0, w, usual) for g, w in zip(found, by)]
    lift = _names_once(r, kept, found, named, o)
    shifted = _shifted(r, kept, prose, o)
    styled = _styled(r, kept, prose, cos, o)
    languaged = _languaged(r, kept, prose, cos, o, _stops(shifted, styled, cos, o))
    out = []
    for j, since, g, points in zip(at, sinces, found, lift):
        c = g.c
        # the indentation counts in text read as an extractor's too (one block a line)
        indent = o.story_indent_weight if shifted[j] and cos[j] is not None \
            and cos[j] < o.story_indent_cosine else 0.0
        style = o.story_style_weight if styled[j] and not heads_only else 0.0
        language = o.story_language_weight if languaged[j] and not heads_only else 0.0
        g = g._replace(score=g.score + points + (max(indent, style) + language))
        alone = j + 1 == len(prose) or prose[j + 1] >= end
        if g.opening is None and not g.dropped and alone and not indent + style + language:
            continue
        if g.opening is None and r.bulleted(kept[c]) and (
                not g.dropped or r.bulleted(kept[since]) or _listed(r, kept[since], kept[c])):
            continue
        headless = g.opening is None and not g.dropped and since != c - 1
        topic_only = headless and not _fresh_section(r, kept, prose, j, since, start, end, o)
        need = o.story_boundary_score + (o.story_extracted_topic_score if heads_only and topic_only else 0.0)
        weak = g.opening in (None, "meta")
        if g.score >= need and not (weak and _one_article(r, kept, start, c, end, g, o)):
            out.append(g)
    # the core's candidates, then those at an item of a series that goes on (in Python)
    return serial(r, kept, out, o)


def oracle_names(r, kept, prose, o):
    """`topic_profile`'s names: new names after the gap, not under a subheading between
    sections."""
    lines = [kept[c] for c in prose]
    novel = r.cohesion.novel_names(lines, o.story_window_words, o.story_window_lines, o.story_names_least,
                                   o.story_names_share)
    return [n and not s for n, s in zip(novel, _sectioned(r, kept, prose, o))]


def _sectioned(r, kept, prose, o):
    headed = [k > 0 and any(r.headline(kept[x]) for x in range(prose[k - 1] + 1, prose[k])) for k in range(len(prose))]
    out, before = [], 0
    for h in headed:
        out.append(h and before >= o.story_names_sections and sum(headed) - before - h >= o.story_names_sections)
        before += h
    return out


def _names_once(r, kept, found, named, o):
    # grouped by the closeness test written out here, so the core's `close` (which
    # `_settled` asks through `boundaries._close`) is held to it
    words = [0]
    for i in kept:
        words.append(words[-1] + (r.feats[i].words if r.body(i) else 0))

    def close(a, b):
        return words[b.c] - words[a.c] < (o.story_short_words if b.opening == "headed" else o.story_min_words)

    out, first = [0.0] * len(found), 0
    for k in range(1, len(found) + 1):
        if k < len(found) and close(found[k - 1], found[k]):
            continue
        flagged = [j for j in range(first, k) if named[j]]
        if flagged:
            heads = [j for j in range(flagged[0], k) if found[j].opening is not None]
            out[heads[0] if heads else max(flagged, key=lambda j: (found[j].score, -j))] = o.story_names_weight
        first = k
    return out


def _shifted(r, kept, prose, o):
    # the leading whitespace of each paragraph's raw line: the k paragraphs before a gap
    # share one indentation, the k after it another
    depth = [len(r.lines[kept[c]].raw) - len(r.lines[kept[c]].raw.lstrip()) for c in prose]
    k = o.story_indent_paragraphs
    return [j > 0 and len(set(depth[max(0, j - k):j])) == 1 and len(set(depth[j:j + k])) == 1
            and depth[j - 1] != depth[j] for j in range(len(prose))]


#: The pairs of marks of `Story.marks`, plain then typographic, as patterns.
PAIRS = (("(?<=\\w)'(?=\\w)", "(?<=\\w)\u2019(?=\\w)"), ('"', "[\u201c\u201d]"), ("\\.\\.\\.", "\u2026"))


def _styled(r, kept, prose, cos, o):
    # per mark pair, the paragraphs that use one mark and not the other; between two such
    # in a row that use different ones (close enough), the lowest-cosine gap above a
    # paragraph of prose_min_words words, under story_style_cosine
    pairs = PAIRS
    out = [False] * len(prose)
    for plain, typographic in pairs:
        kinds = []
        for j, c in enumerate(prose):
            text = r.lines[kept[c]].text
            a, b = bool(re.search(plain, text)), bool(re.search(typographic, text))
            if a != b:
                kinds.append((j, a))
            elif a:
                kinds.append((j, None))
        for (x, kx), (y, ky) in zip(kinds, kinds[1:]):
            if None in (kx, ky) or kx == ky or y - x > o.story_style_paragraphs:
                continue
            fit = [j for j in range(x + 1, y + 1) if cos[j] is not None and cos[j] < o.story_style_cosine
                   and r.feats[kept[prose[j]]].words >= o.prose_min_words]
            if fit:
                out[min(fit, key=lambda j: (cos[j], j))] = True
    return out


def _stops(shifted, styled, cos, o):
    # the gaps with layout points: the indentation changes with the words, or the marks
    return {j for j in range(len(cos)) if (o.story_style_weight and styled[j]) or (
        o.story_indent_weight and shifted[j] and cos[j] is not None and cos[j] < o.story_indent_cosine)}


def _languaged(r, kept, prose, cos, o, stops):
    # the body lines before the gap back to story_language_words words and those after it,
    # each read as one text, guessed two languages, no line of a side guessed the other
    # side's, where the cosine is under story_language_cosine; and no paragraph after the
    # gap guessed the language before it, up to the next gap in stops or with a kept
    # headline between its paragraphs
    def returns(j, a):
        for k in range(j, len(prose)):
            if k > j and (k in stops or any(r.headline(kept[x]) for x in range(prose[k - 1] + 1, prose[k]))):
                return False
            if guess_language(r.lines[kept[prose[k]]].text) == a:
                return True
        return False

    def side(span):
        got, words = [], 0
        for x in span:
            if r.body(kept[x]):
                got.append(r.lines[kept[x]].text)
                words += r.feats[kept[x]].words
                if words >= o.story_language_words:
                    return got
        return None

    out = [False] * len(prose)
    for j in range(1, len(prose)):
        if cos[j] is None or cos[j] >= o.story_language_cosine:
            continue
        last, first = (guess_language(r.lines[kept[prose[k]]].text) for k in (j - 1, j))
        if last is not None and last == first:
            continue
        sides = side(range(prose[j] - 1, -1, -1)), side(range(prose[j], len(kept)))
        if None not in sides:
            a, b = (guess_language(" ".join(texts)) for texts in sides)
            out[j] = None not in (a, b) and a != b and all(guess_language(t) != b for t in sides[0]) \
                and all(guess_language(t) != a for t in sides[1]) and not returns(j, a)
    return out


def _one_article(r, kept, start, c, end, g, o):
    limit = o.story_whole_dropped_cohesion if g.dropped else o.story_whole_cohesion
    if g.dropped:
        return r.cohesion.cosine_of(kept[start:c], kept[c:end]) >= limit
    # each line read without the stopwords of its own language too
    return cosine(_own_counts(r, kept[start:c]), _own_counts(r, kept[c:end])) >= limit


def _own_counts(r, lines):
    counts = Counter()
    for i in lines:
        own = stopwords(guess_language(r.text(i)))
        stops = r.stops if own <= r.stops else r.stops | own
        counts.update(content_words(r.text(i), stops))
    return counts


def _fresh_section(r, kept, prose, j, since, start, end, o):
    # a heading-like kept line right above the paragraph heads a section (up to the next
    # paragraph with kept lines above it) whose words share almost nothing with those above
    c = prose[j]
    if o.story_extracted_fresh_cosine <= 0 or not is_heading_like(r.feats[kept[c - 1]], r.o):
        return False
    nxt = next((k for k in range(j + 1, len(prose)) if prose[k] >= end), len(prose))
    stop = next((prose[k - 1] + 1 for k in range(j + 1, nxt) if prose[k] > prose[k - 1] + 1), end)
    section, above = kept[c:stop], kept[start:since + 1]
    return r.cohesion.cosine_of(above, section) < o.story_extracted_fresh_cosine \
        and r.cohesion.shared_share(above, section) < o.story_extracted_fresh_share


def _listed(r, before, first):
    gap = [j for j in r.content[r.pos[before] + 1:r.pos[first]] if r.lettered[j]][-2:]
    if gap and r.bulleted(gap[-1]):
        return True
    return len(gap) == 2 and r.bulleted(gap[0]) and is_heading_like(r.feats[gap[1]], r.o)


def _usual(found, o):
    if len(found) < o.story_usual_gaps:
        return 0, 0
    mid = (len(found) - 1) // 2
    return sorted(g.dropped for g in found)[mid], sorted(g.furniture for g in found)[mid]


def _revised(r, g, title0, o, usual=(0, 0)):
    opening, title, headline = g.opening, g.title, g.headline
    dropped, furniture = max(0, g.dropped - usual[0]), max(0, g.furniture - usual[1])
    if title0 is not None and title is not None and title != title0 and r.core.same_fold(title, title0):
        opening, title, headline = None, None, False
    if opening == "meta" and not r.capitalised(title):
        opening, title = None, None
    if (opening, title, headline, dropped, furniture) == (g.opening, g.title, g.headline, g.dropped, g.furniture):
        return g
    score = boundary_score(opening, dropped, furniture, headline, g.cohesion, g.depth, o)
    return g._replace(opening=opening, title=title, headline=headline, score=score)


# -- generated dumps -------------------------------------------------------------------------

SUBJECTS = (
    "council budget schools teachers funding district taxes vote mayor classrooms",
    "river flood rain water homes rescue storm levee residents evacuation",
    "team season coach players match goals league striker injury trophy",
)
TITLES = ("Council Approves New Budget For City Schools", "Storm Floods Homes Along The River Valley",
          "Coach Names New Captain Before The Final Match", "council approves new budget for city schools")
META = ("By Jane Smith", "Nov 19, 2019", "Updated 10:31 pm", "3 hours ago", "By John Doe and Ann Lee")
FURNITURE = ("Share on Facebook", "Tweet", "Subscribe to our newsletter", "Advertisement", "Read more",
             "--- End of quote ---")
ITEMS = ("- first point of the plan", "* second point of the plan", "• third item here", "| a | table | row |")


NAMES = (("Anna Berg", "Kelso", "Owen Rusk", "Tolvik", "Brenna"), ("Marta Lind", "Dunmere", "Piet Moll", "Saltby", "Vossberg"),
         ("Jonas Pirk", "Elmstead", "Gerda Holm", "Karsk", "Lanning"))


def _paragraph(rng: random.Random, subject: str) -> str:
    words = subject.split()
    sentences = []
    for _ in range(rng.randint(1, 3)):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(8, 22)))
        sentences.append(f"The {body} and the {rng.choice(words)} were said to be in the news today.")
    if rng.random() < 0.5:  # names inside a sentence, each subject's own
        names = NAMES[SUBJECTS.index(subject)]
        sentences.append(f"The {rng.choice(words)} of {rng.choice(names)} met {rng.choice(names)} and "
                         f"{rng.choice(names)} in {rng.choice(names)}.")
    return " ".join(sentences)


#: A subject of a page in German: the next site's, in another language.
GERMAN = "Rat Haushalt Schulen Lehrer Steuern Bürgermeister Klassen Hochwasser Regen Häuser"


def _german(rng: random.Random) -> str:
    words = GERMAN.split()
    return " ".join(f"Die {rng.choice(words)} und der {rng.choice(words)} wurden heute in der Zeitung "
                    f"genannt, weil sie {' '.join(rng.choice(words) for _ in range(rng.randint(4, 12)))} "
                    f"nicht mehr mit den anderen haben." for _ in range(rng.randint(1, 3)))


def _dump(rng: random.Random) -> str:
    lines = []
    for story in range(rng.randint(1, 4)):
        subject = rng.choice(SUBJECTS)
        german = rng.random() < 0.3  # a page in another language
        mark = "\u2019" if (story + SUBJECTS.index(subject)) % 2 else "'"  # each page's own apostrophe
        pad = " " * rng.choice((0, 0, 2, 4))  # a page's article indented as deep as it nests
        for _ in range(rng.randint(0, 3)):
            lines.append(rng.choice(FURNITURE))
        if rng.random() < 0.7:
            lines.append(rng.choice(TITLES))
        for _ in range(rng.randint(0, 2)):
            lines.append(rng.choice(META))
        for _ in range(rng.randint(2, 9)):
            pick = rng.random()
            if pick < 0.1:
                lines.extend(rng.sample(ITEMS, rng.randint(1, 3)))
            elif pick < 0.18:
                lines.append(rng.choice(FURNITURE))
            elif pick < 0.24:
                lines.append("Key Points")
            else:
                deeper = "  " if rng.random() < 0.1 else ""  # a quote set in
                text = _german(rng) if german else \
                    _paragraph(rng, subject if rng.random() < 0.85 else rng.choice(SUBJECTS))
                text = text.replace(" were said ", f" were, it{mark}s said, ", 1)
                if rng.random() < 0.1:  # a double space inside: the line's text is no slice of the raw line
                    text = text.replace(" ", "  ", 1)
                lines.append(pad + deeper + text)
    return ("\n" if rng.random() < 0.3 else "\n\n").join(lines)


OPTIONS = (
    {},
    {"story_usual_gaps": 2},
    {"story_whole_cohesion": 0.9, "story_whole_dropped_cohesion": 0.95, "story_boundary_score": 2.0},
    {"story_extracted_topic_score": 0.5, "story_above_lines": 1},
    {"story_extracted_fresh_cosine": 0.0},
    {"story_extracted_fresh_cosine": 0.5},
    {"story_extracted_fresh_cosine": 0.5, "story_extracted_fresh_share": 0.5},
    {"story_names_weight": 3.0, "story_names_cosine": 1.0, "story_names_least": 2},
    {"story_names_weight": 3.0, "story_names_cosine": 1.0, "story_names_least": 2, "story_names_sections": 0,
     "story_min_words": 30},
    {"story_section_depth_weight": 0.0, "story_depth_weight": 3.0, "story_boundary_score": 2.0},
    {"story_indent_weight": 3.0, "story_indent_paragraphs": 1},
    {"story_style_weight": 3.0, "story_style_paragraphs": 8, "story_style_cosine": 1.0},
    {"story_language_weight": 3.0, "story_language_words": 10, "story_language_cosine": 1.0},
)


def _checked(monkeypatch, named: list[int] | None = None, shifted: list[int] | None = None,
             styled: list[int] | None = None, languaged: list[int] | None = None) -> list[int]:
    """Every `_candidates` call checked against the oracle, with the heads-only reading
    too; returns the number of candidates the core gave per call (``named``: the number
    of gaps with new names after them, per call; ``shifted``: of gaps where the
    indentation of the paragraphs changes; ``styled``: where their typography changes)."""
    core = boundaries._candidates
    given: list[int] = []

    def both(r, kept, topic, start, end, o, heads_only, title0, points=None, pictured=()):
        if named is not None:
            named.append(sum(topic[3]))
        if shifted is not None:
            shifted.append(sum(_shifted(r, kept, topic[0], o)))
        if styled is not None:
            styled.append(sum(_styled(r, kept, topic[0], topic[1], o)))
        if languaged is not None:
            prose, cos = topic[0], topic[1]
            stops = _stops(_shifted(r, kept, prose, o), _styled(r, kept, prose, cos, o), cos, o)
            languaged.append(sum(_languaged(r, kept, prose, cos, o, stops)))
        assert topic[3] == oracle_names(r, kept, topic[0], o)
        if points is not None:  # the layout read once for the document: the one read afresh
            assert points == boundaries.layout(r, kept, topic[0], topic[1], o, heads_only)
        got = core(r, kept, topic, start, end, o, heads_only, title0, points)
        assert got == oracle_candidates(r, kept, topic, start, end, o, heads_only, title0)
        assert all(isinstance(g, Gap) for g in got)
        other = core(r, kept, topic, start, end, o, not heads_only, title0)
        assert other == oracle_candidates(r, kept, topic, start, end, o, not heads_only, title0)
        given.append(len(got))
        return [g for g in got if g.c not in pictured]  # where no story opens: `segment`'s

    monkeypatch.setattr(boundaries, "_candidates", both)
    return given


@pytest.mark.parametrize("overrides", OPTIONS)
def test_candidates_of_the_core_are_the_former_pythons_on_the_seeds(monkeypatch, overrides):
    given = _checked(monkeypatch)
    for path in SEEDS:
        cleaner.analyze(path.read_text(encoding="utf-8"), **overrides)
    assert given


@pytest.mark.parametrize("overrides", OPTIONS)
def test_candidates_of_the_core_are_the_former_pythons_on_generated_dumps(monkeypatch, overrides):
    named: list[int] = []
    shifted: list[int] = []
    styled: list[int] = []
    languaged: list[int] = []
    given = _checked(monkeypatch, named, shifted, styled, languaged)
    rng = random.Random(19)
    for _ in range(60):
        cleaner.analyze(_dump(rng), **overrides)
    assert sum(n > 0 for n in given) >= 5  # the dumps give candidates, not only empty answers
    assert sum(named) >= 5  # and gaps with new names after them
    assert sum(shifted) >= 5  # and gaps where the indentation changes
    assert sum(styled) >= 5  # and gaps where the apostrophes change
    if overrides.get("story_language_weight", Options.story_language_weight):
        assert sum(languaged) >= 5  # and gaps where the language changes


def test_a_topic_profile_that_does_not_fit_the_kept_lines_is_refused(monkeypatch):
    seen = {}
    core = boundaries._candidates

    def keep(r, kept, topic, start, end, o, heads_only, title0, points=None, pictured=()):
        seen["r"], seen["kept"] = r, kept
        return core(r, kept, topic, start, end, o, heads_only, title0, points, pictured)

    monkeypatch.setattr(boundaries, "_candidates", keep)
    cleaner.analyze(_dump(random.Random(2)))
    r, kept = seen["r"], seen["kept"]
    limits = boundaries.limits(Options())
    with pytest.raises(RuntimeError, match="topic profile"):
        r.core.candidates(kept, [len(kept)], [None], [0.0], [False], [0.0], 0, len(kept), False, None, limits,
                          weights(Options()))
    with pytest.raises(RuntimeError, match="topic profile"):  # a names column too short
        r.core.candidates(kept, [0], [None], [0.0], [], [0.0], 0, len(kept), False, None, limits, weights(Options()))
    with pytest.raises(RuntimeError, match="topic profile"):  # a layout column too short
        r.core.candidates(kept, [0], [None], [0.0], [False], [], 0, len(kept), False, None, limits, weights(Options()))
    past = kept + [len(r.lines) + 5]  # a kept line past the document
    with pytest.raises(RuntimeError, match="past the document"):
        r.core.candidates(past, [0], [None], [0.0], [False], [0.0], 0, len(kept), False, None, limits,
                          weights(Options()))
    with pytest.raises(RuntimeError, match="past the document"):
        r.core.body_words(past)
    with pytest.raises(RuntimeError, match="do not fit"):  # a paragraph past the kept lines
        r.core.sectioned(kept, [len(kept)], 2)


def _read(monkeypatch, text):
    """The story finder's reading of ``text`` (spaced, not read as an extractor's): its
    `Reader`, kept lines and the kept positions of its paragraphs of body."""
    seen = {}
    core = boundaries._candidates

    def keep(r, kept, topic, start, end, o, heads_only, title0, points=None, pictured=()):
        seen.update(r=r, kept=kept, topic=topic)
        return core(r, kept, topic, start, end, o, heads_only, title0, points, pictured)

    monkeypatch.setattr(boundaries, "_candidates", keep)
    cleaner.analyze(text, extracted="never")
    return seen["r"], seen["kept"], seen["topic"][0]


def test_new_names_count_once_among_gaps_too_close_for_both_to_stand(monkeypatch):
    # A caption naming the next story's people above its dateline: the names are new after
    # the gap above the caption, but they tell that a story starts there, not where; the
    # dateline's gap, a paragraph later, takes them.
    from tests.test_stories import PIER, RESCUE

    caption = "The climbers Marta Ostrova and Piet Lanning at Brenna hut in the Karsk Valley, with Tomas Velde"
    text = "\n\n".join(PIER + [caption, "KARSK VALLEY (Reuters) - " + RESCUE[0]] + RESCUE[1:]) + "\n"
    r, kept, prose = _read(monkeypatch, text)
    at = {r.lines[kept[c]].text[:12]: j for j, c in enumerate(prose)}
    lead, dateline = at[caption[:12]], at["KARSK VALLEY"]
    assert dateline == lead + 1
    names = [j == lead for j in range(len(prose))]  # new names after the caption's gap only
    cos, depth = [0.0] * len(prose), [3.0] * len(prose)

    def scores(weight, min_words=60):
        o = Options(story_above_lines=1, story_boundary_score=0.0, story_whole_cohesion=1.0,
                    story_whole_dropped_cohesion=1.0, story_names_weight=weight, story_min_words=min_words)
        got = r.core.candidates(kept, prose, cos, depth, names, [0.0] * len(prose), 0, len(kept), False, None,
                                boundaries.limits(o), weights(o))
        return {g[0]: g[-1] for g in got}

    base, named = scores(0.0), scores(0.5)
    assert named[prose[dateline]] == pytest.approx(base[prose[dateline]] + 0.5)
    assert named[prose[lead]] == base[prose[lead]]
    # Far enough apart for both to stand, each gap keeps its own evidence.
    apart = scores(0.5, min_words=1)
    assert apart[prose[lead]] == pytest.approx(base[prose[lead]] + 0.5)
    assert apart[prose[dateline]] == base[prose[dateline]]
    # The body words the gaps are grouped by are the core's, the ones `segment` reads
    # (`boundaries.body_words`): the body words of the kept lines before each position.
    words = boundaries.body_words(r, kept)
    assert words == [sum(r.feats[i].words for i in kept[:c] if r.body(i)) for c in range(len(kept) + 1)]
    between = words[prose[dateline]] - words[prose[lead]]
    assert 1 < between < 60  # so 60 words group the two gaps and 1 word does not


# -- the reading of a document ---------------------------------------------------------------

MARKED = ("It's here", "it\u2019s there", "'quoted' and it'", "_'_", "\u00e9'\u00e9", "\u4e2d\u2019\u6587", "x\u2019 y",
          'a "quote"', "\u201cquoted\u201d", "\u201eunten\u201c", "wait...", "wait..", "so\u2026", ". . .",
          "\U0001f600 it\u2019s ...", "\U0001f600'\U0001f600", "no marks at all", "")


def test_the_core_reads_the_marks_of_each_line():
    # Story.marks, the bits of each pair (plain, then typographic), held to the patterns,
    # on texts of each width (Latin-1, BMP, astral)
    r = _reader([(t, 3, True, "feature.prose") for t in MARKED])
    want = bytes(sum(bit for k, (plain, typographic) in enumerate(PAIRS)
                     for bit, pattern in ((1 << 2 * k, plain), (2 << 2 * k, typographic)) if re.search(pattern, t))
                 for t in MARKED)
    assert r.core.marks(list(range(len(MARKED)))) == want
    assert r.core.marks([]) == b""
    with pytest.raises(RuntimeError, match="past the document"):
        r.core.marks([len(MARKED)])


def test_the_mark_pairs_style_shifts_reads_are_the_cores_bits():
    # `style_shifts` takes the pair bits from the core (_core.MARK_PAIRS): each plain mark
    # alone gives its pair's bit, each typographic one twice it, in the order of the pairs
    r = _reader([(t, 3, True, "feature.prose") for t in ("it's", "it\u2019s", '"', "\u201c", "...", "\u2026")])
    assert r.core.marks(list(range(6))) == bytes(b for p in _core.MARK_PAIRS for b in (p, 2 * p))
    assert len(_core.MARK_PAIRS) == 3 and len({*_core.MARK_PAIRS, *(2 * p for p in _core.MARK_PAIRS)}) == 6


def _reader(rows):
    """A `Reader` of lines ``(text, words, keep, rule)``."""
    from cleaner.stories.evidence import Reader
    from cleaner.types import Decision, Features, Line

    lines = [Line(i, 0, len(t), t, t) for i, (t, _, _, _) in enumerate(rows)]
    feats = [Features(w, 0.0, w > 6, False, 0.5, 0.0, 0) for _, w, _, _ in rows]
    decisions = [Decision(keep, rule, "body" if keep else "boilerplate", "", "classify") for _, _, keep, rule in rows]
    return Reader(lines, feats, decisions, frozenset({"the", "of"}))


def test_same_fold_is_the_equality_of_case_foldings_for_long_lines_too():
    # The core folds only the lines that may fold to a headline's text (a longer line
    # cannot); any two lines are still compared by their `str.casefold`.
    long = "The minister arrived at the Hauptstraße on Monday and spoke to the press about the plan."
    rows = [("Storm Floods The Coastal Towns", 5, True, "feature.heading"),
            (long, 16, True, "feature.prose"),
            ("", 0, False, "blank"),
            (long.upper(), 16, True, "feature.prose"),
            (long.replace("Monday", "Friday"), 16, True, "feature.prose"),
            ("storm floods the coastal towns", 5, False, "en.share.row"),
            ("", 0, False, "blank"),
            (long.casefold(), 16, False, "en.share.row")]
    r = _reader(rows)
    for i, (a, *_) in enumerate(rows):
        for j, (b, *_) in enumerate(rows):
            assert r.core.same_fold(i, j) == (a.casefold() == b.casefold()), (i, j)
    assert r.core.same_fold(1, 3) and r.core.same_fold(1, 7) and r.core.same_fold(0, 5) and not r.core.same_fold(1, 4)


def _readers(monkeypatch, seed: int, dumps: int) -> list:
    """The story readers made while analysing ``dumps`` generated dumps (seed ``seed``)."""
    rng = random.Random(seed)
    return story_readers(monkeypatch, [_dump(rng) for _ in range(dumps)])


def test_same_fold_on_generated_dumps(monkeypatch):
    readers = _readers(monkeypatch, 7, 20)
    assert readers
    for r in readers:
        texts = [line.text.casefold() for line in r.lines]
        content = r.content
        for a in content:
            for b in content[::3]:
                assert r.core.same_fold(a, b) == (texts[a] == texts[b])


def test_cut_dropped_lines_are_those_the_python_picked():
    from cleaner import _core
    from cleaner.types import Decision, Features

    rng = random.Random(3)
    rules = ("feature.low_stopwords", "feature.prose", "en.share.row")
    feats = [Features(rng.randint(0, 30), 0.1, False, rng.random() < 0.5, 0.2, 0.0, 0) for _ in range(400)]
    decisions = [Decision(False, rng.choice(rules), "boilerplate", "", "classify") for _ in range(400)]
    expected = [i for i, (d, f) in enumerate(zip(decisions, feats))
                if d.rule == "feature.low_stopwords" and f.cut and f.words >= 12]
    assert _core.cut_dropped(feats, decisions, "feature.low_stopwords", 12) == expected
    assert expected  # the draw holds some


TURN = r"^\s*(?:\p{L}{1,2}\s*:|\d{1,3}\s*[.)]\s)"
CAPITAL = r"^[\p{Pi}'\"‘“]?[\p{Lu}\p{Lt}\d]"
HEADS = ("Q: Where were you", "A: At home today", "Ab: two letters", "Abc: three letters", "12. A numbered item",
         "3) Another numbered item", " Q: after a space", "\x0bQ: after a tab", "'Quoted title here'", '"quoted"',
         "‘Curly quoted title’", "«Guillemets title»", "Élan vital returns", "élan vital returns", "9 lives",
         "- dash first", "(Bracketed) title", "The plain title here", "the plain title here", "Ǆemal title",
         "ΑΘΗΝΑ: dateline", "x: y", "1.5 million", "Q:", "It? Yes!", "Really?", "Why not!", "Q: why?")


def test_the_core_reads_capitals_and_interview_turns_as_the_patterns_do():
    # The core answers most texts from their first characters; the answers are those of
    # the patterns (`capitalised` and the test of a turn behind `titled` and `capital`).
    import regex

    rows = [(t, 4, True, "feature.heading") for t in HEADS]
    r = _reader(rows)
    for i, text in enumerate(HEADS):
        turn = bool(regex.match(TURN, text))
        capital = bool(regex.match(CAPITAL, text))
        assert r.capitalised(i) == capital, text
        assert r.titled(i) == (r.headline(i) and capital and not turn), text
        assert r._capital[i] == (text[:1].isupper() and not turn), text
        end = text.rstrip("'\"’”»")
        assert r.exclaimed(i) == ((not end or end.endswith(("?", "!"))) and not turn), text


def test_depth_weighs_less_across_a_subheading_or_above_a_label(monkeypatch):
    # The depth of a gap scores story_depth_weight a unit, but story_section_depth_weight
    # across a kept headline (a subheading between sections of one article) and above a
    # line too short to be a paragraph (under prose_min_words words: a label).
    from tests.test_stories import PIER, RESCUE

    text = "\n\n".join(PIER[:2] + ["Harbour Works Begin"] + PIER[2:] + ["Live updates follow below."] + RESCUE) + "\n"
    r, kept, prose = _read(monkeypatch, text)
    texts = [r.lines[kept[c]].text for c in prose]
    sub, label = texts.index(PIER[2]), texts.index("Live updates follow below.")
    assert r.headline(kept[prose[sub] - 1])  # the subheading is a kept headline in the gap
    cos, depth, names = [0.1] * len(prose), [1.0] * len(prose), [False] * len(prose)

    def scores(**given):
        o = Options(story_boundary_score=-99.0, story_whole_cohesion=1.0, story_whole_dropped_cohesion=1.0,
                    **given)
        got = r.core.candidates(kept, prose, cos, depth, names, [0.0] * len(prose), 0, len(kept), False, None,
                                boundaries.limits(o), weights(o))
        return {g[0]: g[-1] for g in got}

    low, high = scores(story_depth_weight=1.6), scores(story_depth_weight=2.6)
    plain = [j for j in range(1, len(prose)) if j not in (sub, label) and prose[j] in low]
    assert plain and all(high[prose[j]] == pytest.approx(low[prose[j]] + 1.0) for j in plain)
    assert high[prose[sub]] == low[prose[sub]]  # across the subheading
    assert high[prose[label]] == low[prose[label]]  # above the short label
    # The label's word limit is the Story's own reading threshold (prose_min_words, given
    # when the document is read), not one of the weights: read with a limit of 4 words,
    # the four-word label is a paragraph and its gap weighs the plain depth.
    from cleaner.stories.evidence import Reader
    assert len(weights(Options())) == 14
    r = Reader(r.lines, r.feats, r.d, r.stops, Options(prose_min_words=4))
    low, high = scores(story_depth_weight=1.6), scores(story_depth_weight=2.6)
    assert high[prose[label]] == pytest.approx(low[prose[label]] + 1.0)
    assert high[prose[sub]] == low[prose[sub]]


def test_reader_answers_take_a_byte_a_line(monkeypatch):
    """The reader's per-line answers are bytes (not lists of bools, 8 bytes a line) and
    its positions of the content lines answer as the dict they replace did."""
    readers = _readers(monkeypatch, 11, 5)
    assert readers
    for r in readers:
        n = len(r.lines)
        for column in (r.lettered, r._capital, r.by_pattern, r._titled):
            assert isinstance(column, bytes) and len(column) == n and set(column) <= {0, 1}
        for name in ("meta", "headline", "body", "dateline", "wrapped"):
            column = getattr(r, name).args[0]
            assert isinstance(column, bytes) and len(column) == n
        assert r.content.itemsize == 4
        content = [i for i, line in enumerate(r.lines) if line.text]
        assert list(r.content) == content
        expected = dict(zip(content, range(len(content))))
        assert len(r.pos) == len(expected)
        for i in range(-2, n + 2):
            assert (i in r.pos) == (i in expected), i
            if i in expected:
                assert r.pos[i] == expected[i]
            else:
                with pytest.raises(KeyError):
                    r.pos[i]


def _answers(r) -> tuple:
    """Every answer of a `Reader` about its lines and gaps, to compare two readings."""
    core, content = r.core, list(r.content)
    kept = [i for i in content if r.d[i].keep]
    gaps_of = core.gaps(list(range(1, len(kept))), kept[:-1], kept[1:], [None] * (len(kept) - 1),
                        [0.0] * (len(kept) - 1), r.o.story_above_lines, weights(r.o)) if len(kept) > 1 else []
    cosines = [r.cohesion.cosine_of(kept[:k], kept[k:]) for k in range(1, len(kept), 3)]
    openings = [r.opening(i, content[:k][::-1]) for k, i in enumerate(content) if r.d[i].keep]
    folds = [core.same_fold(a, b) for a in content[::2] for b in content[::5]]
    return (core.flags(), core.titled(), core.positions()[0], gaps_of, cosines, openings, folds,
            teasers(r, kept, r.feats, r.o), core.body_words(kept))


def test_a_reading_like_another_answers_as_one_read_afresh(monkeypatch):
    """A `Reader` made ``like`` another of the same lines and features (the story finder's
    trial readings) re-reads only the lines whose decisions differ; every answer is the
    one a reading from scratch gives, for lines kept, dropped by a catalogue pattern or
    judged another category there."""
    from cleaner.stories.evidence import Reader
    from cleaner.types import Decision

    readers = _readers(monkeypatch, 13, 6)
    assert readers
    rng = random.Random(5)
    others = (Decision(True, "story.teaser_row", "body", "", "stories"),
              Decision(False, "en.share.follow", "boilerplate", "", "classify"),
              Decision(False, "feature.low_stopwords", "boilerplate", "", "classify"),
              Decision(True, "feature.prose", "meta", "", "classify"))
    for r in readers:
        changed = rng.sample(range(len(r.lines)), min(8, len(r.lines)))
        decisions = [rng.choice(others) if i in changed else d for i, d in enumerate(r.d)]
        afresh = Reader(r.lines, r.feats, decisions, r.stops, r.o)
        like = Reader(r.lines, r.feats, decisions, r.stops, r.o, like=r)
        assert _answers(like) == _answers(afresh)
        assert _answers(Reader(r.lines, r.feats, r.d, r.stops, r.o, like=like)) == _answers(r)


def test_head_above_is_the_former_pythons(monkeypatch):
    """`Story.head_above` counts what the former Python loop of
    `cleaner.stories.main._head_above` did, for every content line."""
    def former(r, first):
        top = 0
        for k in range(r.pos[first] - 1, -1, -1):
            j = r.content[k]
            if r.d[j].keep:
                return r.pos[first]
            top += bool(r.lettered[j]) and not r.by_pattern[j] and not r.bulleted(j)
        return top

    readers = _readers(monkeypatch, 17, 6)
    assert readers
    for r in readers:
        got = [r.core.head_above(i) for i in r.content]
        assert got == [former(r, i) for i in r.content]
        assert any(not r.d[i].keep for i in r.content)  # a head with dropped lines above is counted
    with pytest.raises(KeyError):
        readers[0].core.head_above(len(readers[0].lines))


def test_kept_lines_are_the_content_lines_the_decisions_keep(monkeypatch):
    readers = _readers(monkeypatch, 19, 4)
    assert readers
    for r in readers:
        assert r.kept() == [i for i in r.content if r.d[i].keep]
        assert len(r.kept()) < len(r.content)  # some content line is dropped


def test_numbered_lists_every_content_line_that_opens_with_a_hash_or_a_digit():
    # `cleaner.stories.numbered` reads only these lines for items and entries: none that
    # `str.isdigit` holds at its start (a superscript, another script's digit) is missed
    rows = [("#1 Bake bread", 3, True, "feature.heading"),
            ("", 0, False, "blank"),
            ("2. Plant a garden in spring and water it every morning before work.", 12, True, "feature.prose"),
            ("Nothing numbered here", 3, False, "en.share.row"),
            ("\u00b2 squared", 2, True, "feature.heading"),
            ("\u0663) an Arabic-Indic three", 4, True, "feature.heading"),
            ("\u2167 a Roman numeral", 4, True, "feature.heading"),
            ("12A Same motif", 3, True, "feature.heading"),
            ("# hashtag", 2, False, "en.share.row"),
            ("x 1", 2, True, "feature.heading")]
    r = _reader(rows)
    texts = [r.text(i) for i in r.content]
    got = r.numbered
    assert got == sorted(got)
    assert [texts[p] for p in got] == [t for t in texts if t[0] == "#" or t[0].isdigit() or t[0] == "\u2167"]
    assert {texts[p] for p in got} >= {t for t in texts if t[0] == "#" or t[0].isdigit()}


def test_numbered_on_generated_dumps(monkeypatch):
    readers = _readers(monkeypatch, 23, 6)
    assert readers
    for r in readers:
        texts = [r.text(i) for i in r.content]
        assert set(r.numbered) >= {p for p, t in enumerate(texts) if t[0] == "#" or t[0].isdigit()}


def former_echoes(r, line, kept, words, least):
    """The former Python of `opening._echoing_head`'s test (the oracle): does line
    ``line`` share ``least`` different content words with the first ``words`` content
    words of the kept lines ``kept``?"""
    from cleaner.stories.evidence import content_words

    body = [w for i in kept for w in content_words(r.text(i), r.stops)][:words]
    return len(set(content_words(r.text(line), r.stops)) & set(body)) >= least


@pytest.mark.parametrize(("words", "least"), [(80, 2), (80, 1), (5, 1), (12, 3), (200, 4), (1, 1), (0, 0), (0, 1)])
def test_echoes_is_the_former_pythons_echoing_head_test(monkeypatch, words, least):
    """`Story.echoes` (rust/src/story_opening.rs) answers as the former Python of
    `_echoing_head` did, for every content line against the text from several of the
    kept lines on, with the first ``words`` of its content words and ``least`` shared."""
    readers = _readers(monkeypatch, 23, 8)
    assert readers
    answers = []
    for r in readers:
        kept = r.kept()
        for c in range(0, len(kept), 4):
            for line in r.content:
                got = r.core.echoes(line, kept[c], words, least)
                assert got == former_echoes(r, line, kept[c:], words, least), (line, kept[c])
                answers.append(got)
    if words and least:
        assert sum(answers) and not all(answers)  # lines that echo the text and lines that do not


def test_echoes_counts_the_first_words_of_the_text_only():
    # The headline shares "harbour" with the text's first line and "council" with its
    # seventh content word (the reach cuts within a line); a word of a dropped line counts
    # for nothing.
    rows = [("Harbour Council Approves Plans", 4, False, "feature.heading"),
            ("The harbour board met the builders.", 6, True, "feature.prose"),
            ("Plans for the council were drawn up.", 7, False, "en.share.row"),
            ("Builders asked the council for money.", 6, True, "feature.prose")]
    r = _reader(rows)
    first = r.kept()[0]
    assert r.core.echoes(0, first, 1, 1) and not r.core.echoes(0, first, 1, 2)
    # harbour, board, met, builders | builders, asked, council: the seventh is "council"
    assert not r.core.echoes(0, first, 6, 2) and r.core.echoes(0, first, 7, 2)
    assert not r.core.echoes(0, first, 99, 3)  # "plans" stands only in a dropped line
    assert not r.core.echoes(0, r.kept()[1], 99, 2)  # from the second kept line on
    for words in range(8):
        for least in range(4):
            assert r.core.echoes(0, first, words, least) == former_echoes(r, 0, r.kept(), words, least)
    with pytest.raises(RuntimeError, match="past the document"):
        r.core.echoes(len(rows), first, 80, 2)
    with pytest.raises(KeyError):
        r.core.echoes(0, len(rows) + 3, 80, 2)
