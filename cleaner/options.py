"""One frozen `Options` object configures the whole pipeline.

Presets trade precision against recall: ``precision`` drops doubtful lines, ``recall``
keeps them, ``balanced`` (the default) sits between.  Keyword overrides are folded into a
preset; unknown keys raise `TypeError`.

>>> Options.make("precision", language="de").language
'de'
>>> Options.make(colour="red")
Traceback (most recent call last):
...
TypeError: unknown option 'colour'; known options: ...
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Callable

#: Checks every `Options.make` runs on its overrides, each returning them normalised.
#: `cleaner.validate` (imported by ``cleaner``) adds the checks of ``language`` and
#: ``disabled_rules``: they need the rule registry, which itself needs this module.
OVERRIDE_CHECKS: list[Callable[[dict], dict]] = []
#: The overrides those checks read: `Options.make` builds options with them every time.
_CHECKED = frozenset({"language", "disabled_rules"})
#: `Options.make`'s options by (preset, overrides), at most `_MADE_MAX` of them.
_MADE: dict = {}
_MADE_MAX = 256
_PLAIN = frozenset({str, int, float, bool, type(None)})


@dataclass(frozen=True)
class Options:
    """Every threshold and switch of the pipeline, each documented where it is declared
    (a docstring of its own spares `dataclass` writing one from the signature of a hundred
    fields, a few milliseconds of every process's import)."""

    #: Name of the preset these values started from (informational).
    preset: str = "balanced"
    #: ISO 639-1 code forcing the language (``None``: guessed from stopword overlap).
    language: str | None = None
    #: Rule ids (or id prefixes ending in ``.``, e.g. ``en.share.``) that never fire.
    disabled_rules: frozenset[str] = frozenset()
    #: A line with at least this many words, enough stopwords and sentence punctuation is
    #: prose on its own.
    prose_min_words: int = 8
    #: Minimum share of stopwords for prose (for the guessed language; languages without
    #: a stoplist skip this test).
    stopword_density: float = 0.25
    #: A sentence whose stopword density is under this share of `stopword_density` is
    #: measured again in its own language when that is another, and judged there when its
    #: density in it makes prose and is at least `own_language_ratio` times its density in
    #: the page's language (a paragraph or a story in a second language shares a few
    #: stopwords with the page's: "a", "do", "in"); unit: share of `stopword_density`, ratio.
    own_language_share: float = 1.0
    own_language_ratio: float = 2.0
    #: Words (at most) of a "short" line in context: a line between two appeal lines stays
    #: body unless one of them is longer than this; a line after an appeal, bio, legal or
    #: comments line joins it with up to `appeal_tail_extra_words` more (`cleaner.smooth`).
    short_max_words: int = 6
    #: How far (in non-blank lines) a short line may sit from body and still be pulled in.
    context_reach: int = 2
    #: Keep the main story's title line in `clean`'s output: ``"always"``, ``"never"``, or
    #: ``"leading"``: only when the document starts with it (a clean text rather than a
    #: page dump, where the headline sits among menus and is not article text).
    keep_title: str = "leading"
    #: Cut multi-story dumps into stories; ``False`` treats the whole input as one story.
    split_stories: bool = True
    #: ``"auto"`` detects HTML, ``"always"`` treats input as HTML, ``"never"`` as text.
    html: str = "auto"
    #: Text an extractor already chose as a page's main content (trafilatura's output, say):
    #: ``"auto"`` detects it (`cleaner.extracted.extraction_layout`) and lets the extractor's
    #: choice stand: only catalogue rules and story boundaries drop its lines; ``"always"``
    #: does so for any text and keeps it one story; ``"never"`` treats all text as a raw dump.  HTML input is always
    #: treated so (the front door is the extractor).
    extracted: str = "auto"
    #: Seconds a single pattern match with Python's `regex` may take before it is
    #: abandoned (guards against catastrophic backtracking on hostile input; the patterns
    #: the `regex` crate runs take linear time and need none).
    regex_timeout: float = 0.05

    # -- classify (stage 1, `cleaner.classify`) ------------------------------------------
    #: Words a repeated line needs to be dropped as a duplicate (``feature.duplicate``).
    duplicate_min_words: int = 3
    #: A line with a URL, address, handle or hashtag for every this many words or fewer
    #: is dropped (``feature.urls``); unit: words per URL.
    url_words: int = 3
    #: A line of fewer than `digits_max_words` words whose digits make more than this
    #: share of its non-space characters is dropped (``feature.digits``); unit: share 0-1.
    digits_min_ratio: float = 0.5
    digits_max_words: int = 10
    #: A line of at least this many times `prose_min_words` words is prose without
    #: sentence punctuation (``feature.prose``); unit: multiple of `prose_min_words`.
    unpunctuated_prose_factor: int = 3
    #: Words a line ending like a sentence needs to be a sentence (``feature.sentence``).
    sentence_min_words: int = 3
    #: A heading-like line (``feature.heading``; the story finder's headlines too) has at
    #: most this many words (and at least one), no sentence punctuation, no URL ...
    heading_max_words: int = 16
    #: ... and digits make less than this share of its non-space characters; unit: share 0-1.
    heading_max_digits: float = 0.3

    # -- context (stage 2, `cleaner.smooth`) ---------------------------------------------
    #: A line right after an appeal, bio, legal or comments line goes with it when it has
    #: at most `short_max_words` plus this many words (``context.appeal_tail``); unit: words.
    appeal_tail_extra_words: int = 2
    #: Words (at most) of the name line before an author bio (``context.bio_name``).
    bio_name_max_words: int = 4

    # -- the main text region (`cleaner.blocks`) -----------------------------------------
    #: Kept lines belong to one block across at most this many non-blank dropped lines.
    block_max_gap: int = 10
    #: A barrier (a comments or related-stories header) closes the article only after a
    #: block of at least this many words.
    block_barrier_after_words: int = 50
    #: A block before the main one joins it across at most `block_lead_gap` non-blank
    #: lines when it has at least `block_lead_words` words.
    block_lead_gap: int = 40
    block_lead_words: int = 15
    #: ... unless it is a row of teasers: `block_row_lines` kept lines or more, and a
    #: dropped line (a headline, a credit, a date) after this share (0-1) of them: after
    #: most, where an article has paragraphs in a row.
    block_row_lines: int = 3
    block_row_share: float = 0.5
    #: An earlier block scoring at least this share of the best block's score (words times
    #: share of kept lines) is the main one; unit: share 0-1.
    block_first_share: float = 0.7
    #: Text resuming after a related-stories box continues the article when it has at
    #: least this many words and this share (0-1) of kept lines.
    block_resume_words: int = 100
    block_resume_share: float = 0.7
    #: A trailing unit of at most this many words, set off by at least `block_teaser_gap`
    #: dropped lines, is a teaser, not the article's end.
    block_teaser_words: int = 80
    block_teaser_gap: int = 2
    #: A run of lines between two kept lines of the main story that only weak line rules
    #: dropped is its text (``context.inside_story``) unless it is a menu or a table of
    #: contents: more than this many lines, all of them short or heading-like (lines).
    block_fill_menu_lines: int = 4

    # -- extracted text (`cleaner.extracted`) --------------------------------------------
    #: A line whose source block has at least this share (0-1) of its characters in links
    #: is a link list, not article text (``html.links``).
    link_density: float = 0.6
    #: ... unless the line is prose of at least this many words: a whole article delivered
    #: as one line inside a link (on the dev pages ``html.links`` meets no such line).
    collapsed_article_words: int = 150
    #: A block of the page that the extractor did not choose is recovered as article text
    #: (``html.recovered``) only when it is prose of at least this many words (words).
    recover_min_words: int = 12
    #: ... and when it lies among the extracted article's prose with this many levels (the
    #: element, its parent ...; at most 4) of tags and classes like a chosen block's
    #: (levels), or anywhere with `recover_kin_levels` such levels (levels).
    recover_inside_kin_levels: int = 1
    recover_kin_levels: int = 3
    #: ... a block shaped so outside the extracted prose is reached across at most this
    #: many other lines in a row (lines).
    recover_max_gap: int = 3
    #: ... and prose so reached above it is the article's standfirst when it lies at most
    #: this many lines under the page's headline (an <h1>) (lines).
    recover_lead_reach: int = 2
    #: The safety net for pages (``html.safety_net``): when the extractor found at least
    #: this many words of prose and the main story keeps less than `safety_net_share`
    #: (0-1) of them, the lines only non-catalogue rules dropped come back.
    safety_net_words: int = 300
    safety_net_share: float = 0.1
    #: Extracted text has at most this many lines outside its first and last paragraph ...
    extracted_max_periphery: int = 8
    #: ... no run of more than this many lines that are no paragraph ...
    extracted_max_run: int = 15
    #: ... and no run of this many lines of at most `extracted_tiny_words` words (a menu).
    extracted_max_tiny_run: int = 4
    extracted_tiny_words: int = 2
    #: Text is written one block a line when at most this share (0-1) of its lines are
    #: empty, and it has at least `extracted_dense_min_lines` lines.
    extracted_dense_blank_share: float = 0.05
    extracted_dense_min_lines: int = 3
    #: ... or whatever its empty lines when the line rules keep less than this share (0-1)
    #: of its paragraphs (`extracted_paragraph_words`), and it has at least
    #: `extracted_thin_min_lines` of them: blank lines do not tell a page's dump from an
    #: extractor's output when the rules would drop almost all of its text.
    extracted_thin_share: float = 0.25
    extracted_thin_min_lines: int = 5
    #: A line of this many words is a paragraph without the punctuation of prose.
    extracted_paragraph_words: int = 10
    #: Characters of the CJK scripts (written without spaces) that make a line a paragraph,
    #: and that keep a line from being tiny.
    extracted_cjk_paragraph: int = 20
    extracted_cjk_short: int = 8
    #: Text in which catalogue rules find this many lines of page furniture (menus,
    #: footers, share bars, log-in buttons), a footer or share bar among them, is a whole
    #: page's dump whatever its layout (`cleaner.extracted._page_furniture`).
    extracted_furniture_lines: int = 4
    #: In extractor output, a comment counter ("12 comments") with more than this share
    #: (0-1) of the text's words of prose before it opens the comments
    #: (``extracted.comments``): an extractor appends them after the article.
    extracted_comments_share: float = 0.5

    # -- stories (`cleaner.stories`) ----------------------------------------------------
    # Evidence per gap between kept lines, summed in points; one choice of boundaries over
    # the document, each costing `story_boundary_score`.
    #: Points a gap's evidence must reach to be a boundary, and what each boundary costs in
    #: the choice (points).
    story_boundary_score: float = 3.6
    #: Points per unit of ``-ln((cosine + 0.02) / 0.17)``: the cosine of content words in
    #: the windows either side of a gap (about +2 units at cosine 0, -0.8 at 0.35).
    story_cosine_weight: float = 1.4
    #: Points per unit of topic depth (TextTiling depth score plus affinity, below).
    story_depth_weight: float = 1.6
    #: Depth units per unit of affinity: how much more the paragraph after a gap shares
    #: with the text after it than with the text before (difference of two cosines).
    story_affinity_weight: float = 4.0
    #: Body words a story holds before the next one starts, and the last one after it
    #: (words); before a story whose gap holds its whole head (title, meta line),
    #: `story_short_words`.
    story_min_words: int = 60
    story_short_words: int = 15
    #: Body words the first story holds before the next one starts when it sits at the
    #: top of the document (`story_head_lines`) and the topic changes (words).
    story_first_words: int = 40
    #: A story chosen without a head of its own stands outside the main block only when
    #: the cosine across its gap is below this (cosine).
    story_topic_cohesion: float = 0.10
    #: A teaser: a line cut mid-sentence of at least this many words; a single one (the
    #: last line, or one under its own title) only when its cosine with the text before is
    #: below `story_teaser_cohesion`.
    story_teaser_min_words: int = 15
    story_teaser_cohesion: float = 0.25
    #: Body words a story needs to be the main story, and to stand as a story outside the
    #: main block (words).
    story_main_min_words: int = 30
    story_outside_min_words: int = 40
    #: A first story before the main block is the main story only when it opens like a
    #: story and holds at least this share of the main block's story's words (ratio).
    story_early_main_share: float = 0.25
    #: A first story under this many words that does not open like a story is a preamble
    #: when one of the next two is `story_preamble_ratio` times longer and opens like one,
    #: or `story_preamble_plain_ratio` times longer (words; ratios).
    story_preamble_words: int = 150
    story_preamble_ratio: float = 2.0
    story_preamble_plain_ratio: float = 5.0
    #: A first story whose first line (its title, else its text) has at most this many
    #: non-blank lines above it, with a paragraph of `story_lead_words`, opens the
    #: document: no preamble, unless the story after it goes on with its subject (lines;
    #: words).
    story_head_lines: int = 4
    story_lead_words: int = 20
    #: Content lines after a title-like line in which a meta line, or a repeat of the
    #: headline, counts as the story's head (lines).
    story_meta_reach: int = 4
    story_repeat_reach: int = 6
    #: Lines above the body (not counting those the catalogue dropped) in which a title with
    #: a meta line is looked for, and lines above such a title where a longer headline may
    #: sit (lines).
    story_title_reach: int = 8
    story_longer_reach: int = 3
    #: Lines above the body in which a title without a meta line is looked for (lines).
    story_title_near: int = 3
    #: Words (at most) of the line right above a chosen story's first meta line that is
    #: taken as its title when no headline is (a headline longer than `heading_max_words`).
    story_title_max_words: int = 30
    #: Lines above a story's first kept line searched for its title (lines).
    story_above_lines: int = 12
    #: A headline without a meta line is a story's title only when it shares a content
    #: word with this many content words of the text below it (words).
    story_echo_words: int = 80
    #: Content words, and at most lines, on each side of a gap compared for cohesion
    #: (words; lines); content words each side needs for a judgement (words).
    story_window_words: int = 120
    story_window_lines: int = 40
    story_min_after_words: int = 25
    #: A gap with no head (or a title with a meta line only, not a whole head, a repeated
    #: headline or a dateline) is no boundary when all the content words before it and all
    #: those after it (to the stretch's ends) reach this cosine: one article whose subject
    #: drifts, however its windows differ; `story_whole_dropped_cohesion` when the gap holds
    #: dropped lines (an embed or a box of links set into the article) (cosine).
    story_whole_cohesion: float = 0.2
    story_whole_dropped_cohesion: float = 0.35
    #: In text an extractor wrote (one block a line), points a gap with neither a head nor
    #: dropped lines, but kept lines in it (a subheading between two sections), needs
    #: beyond `story_boundary_score`; a paragraph right after a paragraph needs none
    #: (points).
    story_extracted_topic_score: float = 2.0
    #: Points for how the next story opens: a title with a meta line, a repeated
    #: headline, a dateline (points).
    story_headed_weight: float = 6.0
    story_meta_weight: float = 3.6
    story_repeat_weight: float = 2.6
    story_dateline_weight: float = 2.1
    #: Points per dropped line and per catalogue boilerplate line in a gap, each capped
    #: (points), and for a headline in the gap (points).
    story_dropped_weight: float = 0.2
    story_dropped_max: float = 2.0
    story_furniture_weight: float = 0.4
    story_furniture_max: float = 2.0
    story_headline_weight: float = 0.5
    #: Depth units counted at most (depth units), and the cosine that neither adds nor
    #: takes points (cosine).
    story_depth_max: float = 1.5
    story_neutral_cosine: float = 0.15
    #: A passed-over candidate within this many body words and kept lines before a chosen
    #: boundary with a title leaves the lines between to neither story (words; lines).
    story_lookahead_words: int = 40
    story_between_lines: int = 8
    #: A teaser is a sentence: fewer than this share of its words capitalised (share); its
    #: own title line has at least this many words (words); the document holds this many
    #: body words before a cut line can be a teaser (words).
    story_teaser_capitalised: float = 0.6
    story_teaser_title_words: int = 4
    story_teaser_after_words: int = 40
    #: Body words after a row of teasers, inside the main region, that make the row part of
    #: the story before it (words); stories after a short preamble looked at for the main
    #: story (stories).
    story_resumed_words: int = 60
    story_preamble_reach: int = 2
    #: Content words a run of kept lines outside the main region needs for a cohesion
    #: judgement (words), and the cosine with the story at which it continues it (cosine).
    story_run_words: int = 8
    story_continue_cohesion: float = 0.15
    #: Gaps between paragraphs a stretch of text needs before the dropped lines its gaps
    #: usually hold (ads or appeals set between most paragraphs) stop counting as evidence
    #: of a story boundary (gaps).
    story_usual_gaps: int = 4

    @classmethod
    def make(cls, preset: "str | Options | None" = None, **overrides) -> "Options":
        """Build options from a preset name (or existing `Options`) plus overrides."""
        if isinstance(preset, Options):
            base = preset
        elif preset is None:
            base = PRESETS["balanced"]
        elif isinstance(preset, str):
            try:
                base = PRESETS[preset]
            except KeyError:
                raise ValueError(
                    f"unknown preset {preset!r}; choose one of {', '.join(PRESETS)}"
                ) from None
        else:
            raise TypeError(f"options must be a preset name or Options, not {type(preset).__name__}")
        if not overrides:
            return base
        # A preset with the same plain overrides (as every call of a batch passes them) is
        # built once; those the checks normalise, and warn about, are built every time.
        key = None
        if (not isinstance(preset, Options) and _CHECKED.isdisjoint(overrides)
                and all(type(v) in _PLAIN for v in overrides.values())):
            key = (preset, tuple((k, type(v), v) for k, v in overrides.items()))
            made = _MADE.get(key)
            if made is not None:
                return made
        made = cls._made(base, overrides)
        if key is not None:
            if len(_MADE) >= _MADE_MAX:
                _MADE.clear()
            _MADE[key] = made
        return made

    @classmethod
    def _made(cls, base: "Options", overrides: dict) -> "Options":
        """``base`` with ``overrides`` checked and folded in."""
        known = {f.name for f in fields(cls)}
        for key in overrides:
            if key not in known:
                raise TypeError(f"unknown option {key!r}; known options: {', '.join(sorted(known))}")
        for check in OVERRIDE_CHECKS:  # language, disabled_rules: see cleaner.validate
            overrides = check(overrides)
        if overrides.get("html", "auto") not in ("auto", "always", "never"):
            raise ValueError("html must be 'auto', 'always' or 'never'")
        if overrides.get("extracted", "auto") not in ("auto", "always", "never"):
            raise ValueError("extracted must be 'auto', 'always' or 'never'")
        if overrides.get("keep_title", "leading") not in ("always", "leading", "never"):
            raise ValueError("keep_title must be 'always', 'leading' or 'never'")
        return replace(base, **overrides)

    def rule_enabled(self, rule_id: str) -> bool:
        if not self.disabled_rules:
            return True
        if rule_id in self.disabled_rules:
            return False
        return not any(p.endswith(".") and rule_id.startswith(p) for p in self.disabled_rules)


PRESETS: dict[str, Options] = {
    "balanced": Options(),
    "precision": Options(
        preset="precision", prose_min_words=10, stopword_density=0.30, short_max_words=7,
        context_reach=1, keep_title="never",
    ),
    "recall": Options(
        preset="recall", prose_min_words=6, stopword_density=0.18, short_max_words=5,
        context_reach=3, keep_title="always",
    ),
}
