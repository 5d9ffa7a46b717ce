"""`cleaner` as a step of a datatrove pipeline (local, Slurm or Ray executors).

`CleanerStep` rewrites each document's text with `cleaner.clean` (``mode="clean"``) or
cuts it into one document per story with `cleaner.split` (``mode="split"``).  What was
removed is recorded in ``document.metadata["cleaner"]``; a document left with no text is
dropped and counted in the step's stats as ``dropped`` and ``dropped_<reason>``, the way
datatrove's filters count theirs (and written to ``exclusion_writer`` if one is given).
A document whose text is bytes of a binary file (an image, an archive) or no text at all
(``None``, a number: what `cleaner.clean` refuses, `cleaner.binary`) is passed on
unchanged, counted as ``not_text`` and logged once per task, as the Scrapy pipeline does.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import CleanerStep

    if __name__ == "__main__":  # the workers import the script again: see docs/datatrove.md
        LocalPipelineExecutor(
            pipeline=[
                JsonlReader("pages/"),
                CleanerStep(preset="precision", language="en"),
                JsonlWriter("clean/"),
            ],
            tasks=8, workers=2, logging_dir="logs/clean",
        ).run()

This module imports datatrove; ``import cleaner`` never does.  Install it with
``pip install 'cleaner[datatrove]'``.  See docs/datatrove.md for Slurm and Ray settings.

The metadata record (``metadata["cleaner"]``) holds plain JSON values with the same keys
for every document:

- ``language``: the language used (forced or guessed), or None;
- ``from_html``: whether the text was extracted from HTML first;
- ``lines_kept`` / ``lines_removed``: non-blank source lines kept in / left out of the text;
- ``removed``: lines left out per category, one key for every category in
  `cleaner.types.DROP_CATEGORIES` (zero when none); in ``clean`` mode, lines of stories
  other than the main one count under ``story``;
- ``rules``: the sorted ids of the rules that left lines out (see ``cleaner.registry.registry``).

In ``split`` mode each story becomes a document with id ``f"{parent_id}/{index}"`` and the
parent's metadata, plus ``parent_id``, ``story`` (its index), ``stories`` (how many the
parent had), ``title``, ``kind`` (``full`` or ``teaser``) and ``span`` (``[start, end]``
character offsets into the parent's text, or into the text extracted from it for HTML).
There ``lines_kept``, ``lines_removed``, ``removed`` and ``rules`` describe the parent.
"""

from __future__ import annotations

import contextlib
from collections import Counter

try:
    from datatrove.data import Document, DocumentsPipeline
    from datatrove.pipeline.base import PipelineStep
    from datatrove.utils.logging import logger
    from datatrove.utils.typeshelper import StatHints
except ImportError as exc:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "cleaner.integrations.datatrove needs datatrove: pip install 'cleaner[datatrove]'"
    ) from exc

from ..binary import BinaryInput, NotText
from ..extracted import tallied
from ..options import PRESETS, Options
from ..pipeline import analyze
from ..types import DROP_CATEGORIES, Analysis, Verdict

MODES = ("clean", "split")

#: Reasons a document is dropped; each is counted as the stat ``dropped_<reason>``.
REASON_EMPTY = "empty"  # nothing left after cleaning (or no story found, in split mode)
REASON_ERROR = "error"  # cleaner raised on this document (logged once per task)
#: The stat of a document passed on unchanged, having no text to clean (binary bytes, None).
NOT_TEXT = "not_text"


class CleanerStep(PipelineStep):
    """Clean (or split) every document with `cleaner`.

    Args:
        mode: ``"clean"`` keeps the main story's text; ``"split"`` emits one document per story.
        preset: a preset name (``balanced``, ``precision``, ``recall``) or an `Options`.
        exclusion_writer: optional datatrove writer receiving dropped documents, unchanged
            but for ``metadata["filter_reason"]`` and the cleaner record.
        metadata_key: where the record goes in ``document.metadata``.
        raise_errors: re-raise an exception from cleaner instead of dropping the document.
        **overrides: any `Options` field, e.g. ``language="de"``,
            ``disabled_rules=["en.share."]``; unknown names raise `TypeError` here, before
            any task starts.
    """

    name = "🧹 cleaner"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        mode: str = "clean",
        preset: str | Options | None = None,
        *,
        exclusion_writer=None,
        metadata_key: str = "cleaner",
        raise_errors: bool = False,
        **overrides,
    ):
        super().__init__()
        if mode not in MODES:
            hint = f"; give a preset as preset={mode!r}" if isinstance(mode, str) and mode in PRESETS else ""
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}{hint}")
        self.mode = mode
        self.options = Options.make(preset, **overrides)
        self.exclusion_writer = exclusion_writer
        self.metadata_key = metadata_key
        self.raise_errors = raise_errors
        self._warned_error = False
        self._warned_not_text = False

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if data is None:
            return
        with self.exclusion_writer if self.exclusion_writer else contextlib.nullcontext() as writer:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    outputs, reason = self._process(doc)
                if outputs is None:  # no text: passed on as it came, no story, nothing to measure
                    self.stat_update(StatHints.forwarded)
                    self.stat_update(NOT_TEXT)
                    yield doc
                    continue
                if not outputs:
                    self.stat_update(StatHints.dropped, f"dropped_{reason}")
                    if writer:
                        doc.metadata["filter_reason"] = reason
                        writer.write(doc, rank)
                    continue
                self.stat_update(StatHints.forwarded)
                if self.mode == "split":
                    self.stat_update("stories", value=len(outputs))
                for out in outputs:
                    self.update_doc_stats(out)
                    yield out

    def _process(self, doc: Document) -> tuple[list[Document] | None, str | None]:
        """The documents to emit for ``doc`` (none when it is dropped; ``None`` when it has
        no text and is passed on as it came) and the reason it is dropped."""
        try:
            analysis = analyze(doc.text, self.options)
        except (BinaryInput, NotText) as exc:
            if not self._warned_not_text:
                what = f"binary data ({exc.kind})" if isinstance(exc, BinaryInput) else exc.kind
                logger.warning(f"cleaner: document {doc.id!r} is {what}, not text; passed on "
                               "unchanged. Further ones in this task are only counted.")
                self._warned_not_text = True
            return None, None
        except Exception as exc:  # a panic of the compiled core too (CoreError)
            if self.raise_errors:
                raise
            if not self._warned_error:
                logger.warning(
                    f"cleaner failed on document {doc.id!r} ({type(exc).__name__}: {exc}); "
                    "dropping it. Further failures in this task are only counted."
                )
                self._warned_error = True
            return [], REASON_ERROR

        if self.mode == "clean":
            record = self._record(analysis, lambda v: v.output)
            doc.metadata[self.metadata_key] = record
            text = analysis.text
            if not text:
                return [], REASON_EMPTY
            doc.text = text
            return [doc], None

        record = self._record(analysis, lambda v: v.final.keep and v.story is not None)
        doc.metadata[self.metadata_key] = record
        articles = analysis.articles
        children = []
        for article in articles:
            meta = dict(doc.metadata)
            meta[self.metadata_key] = {
                **record,
                "parent_id": doc.id,
                "story": article.index,
                "stories": len(articles),
                "title": article.title,
                "kind": article.kind,
                "span": list(article.span),
            }
            children.append(
                Document(text=article.text, id=f"{doc.id}/{article.index}",
                         media=list(doc.media), metadata=meta)
            )
        return children, (None if children else REASON_EMPTY)

    def _record(self, analysis: Analysis, emitted) -> dict:
        """What was kept and removed; ``emitted(verdict)`` says whether a line is in the output."""
        removed = dict.fromkeys(sorted(DROP_CATEGORIES), 0)
        rules: Counter[str] = Counter()
        kept = 0
        for v in tallied(analysis.verdicts):
            if emitted(v):
                kept += 1
                continue
            category, rule = _why_removed(v)
            removed[category] = removed.get(category, 0) + 1
            rules[rule] += 1
        for category, count in removed.items():
            if count:
                self.stat_update(f"removed_{category}", value=count)
        return {
            "language": analysis.language,
            "from_html": analysis.from_html,
            "lines_kept": kept,
            "lines_removed": sum(rules.values()),
            "removed": removed,
            "rules": sorted(rules),
        }


def _why_removed(v: Verdict) -> tuple[str, str]:
    """Category and rule id of a line left out of the output (`Verdict.why`).  A line that
    was kept but belongs to a story not emitted (the non-main stories in ``clean`` mode)
    counts as ``story`` / ``story.other``."""
    return v.why, "story.other" if v.final.keep else v.final.rule
