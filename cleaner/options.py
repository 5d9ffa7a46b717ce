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


@dataclass(frozen=True)
class Options:
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
    #: Lines with fewer words than this are "short": decided by their neighbours.
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
    #: Seconds a single pattern match may take before it is abandoned (guards against
    #: catastrophic backtracking on hostile input).
    regex_timeout: float = 0.05

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
        known = {f.name for f in fields(cls)}
        for key in overrides:
            if key not in known:
                raise TypeError(f"unknown option {key!r}; known options: {', '.join(sorted(known))}")
        if "disabled_rules" in overrides:
            rules = overrides["disabled_rules"]
            if isinstance(rules, str):
                rules = [rules]
            overrides["disabled_rules"] = frozenset(rules)
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
