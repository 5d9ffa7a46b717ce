"""A Scrapy item pipeline that cleans one field of every item.

Enable it in the project's settings::

    ITEM_PIPELINES = {"cleaner.integrations.scrapy.CleanerPipeline": 300}
    CLEANER_FIELD = "html"            # the item field to clean (default "text")
    CLEANER_OUTPUT_FIELD = "text"     # where the clean text goes (default: CLEANER_FIELD)
    CLEANER_PRESET = "balanced"       # precision | balanced | recall
    CLEANER_OPTIONS = {"language": "en", "disabled_rules": ["en.share.follow"]}
    CLEANER_DROP_EMPTY = False        # drop items whose clean text is empty

The field may hold what `cleaner.clean` takes (HTML or text: ``str``, ``bytes``,
``bytearray`` or ``memoryview``), or a list of strings (as ``SelectorList.getall()``
returns), which is joined with newlines.  Items without the field, or whose field holds
what `cleaner.clean` refuses as no text (a number, binary bytes such as an image:
`cleaner.binary`), pass unchanged; the first item without the field (or with ``None`` in
it) is logged with the fields it has (a misspelt ``CLEANER_FIELD`` shows at once), the
others are counted.  Bad
settings raise what the API raises for them (`TypeError` for an unknown option or a value
of the wrong type, `ValueError` for a bad value), and a ``CLEANER_`` setting the pipeline
does not know (a misspelt name, which would be ignored) raises `TypeError`, when the
crawl starts.  Counts go to the crawl stats under ``cleaner/``.  Scrapy is imported only when the pipeline is built;
install it with ``pip install cleaner[scrapy]``.
"""

from __future__ import annotations

import difflib
import logging

from ..binary import BinaryInput, NotText
from ..options import Options, PresetAsOption
from ..pipeline import clean

logger = logging.getLogger(__name__)

_NEEDS_SCRAPY = "CleanerPipeline needs Scrapy: pip install 'cleaner[scrapy]'"
#: The settings `CleanerPipeline.from_crawler` reads; any other ``CLEANER_`` setting is refused.
SETTINGS = ("CLEANER_FIELD", "CLEANER_OUTPUT_FIELD", "CLEANER_PRESET", "CLEANER_OPTIONS",
            "CLEANER_DROP_EMPTY")


def _item_adapter():
    try:
        from itemadapter import ItemAdapter
    except ImportError:  # itemadapter is installed with Scrapy
        raise ImportError(_NEEDS_SCRAPY) from None
    return ItemAdapter



class CleanerPipeline:
    """Replace (or add) an item field with `cleaner.clean` of it."""

    def __init__(self, field: str = "text", output_field: str | None = None,
                 preset: str | None = None, options: dict | None = None,
                 drop_empty: bool = False, stats=None):
        self.adapter = _item_adapter()
        self.field = field
        self.output_field = output_field or field
        try:
            self.options = Options.make(preset, **(options or {}))
        except PresetAsOption:  # said in the terms of the settings
            raise TypeError("CleanerPipeline: bad CLEANER_PRESET/CLEANER_OPTIONS: give the "
                            "preset in CLEANER_PRESET, not as a CLEANER_OPTIONS key") from None
        except (TypeError, ValueError) as exc:  # raised as the API raises it
            raise type(exc)(f"CleanerPipeline: bad CLEANER_PRESET/CLEANER_OPTIONS: {exc}") from None
        self.drop_empty = drop_empty
        self.stats = stats
        self._told_without_field = False

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        _check_setting_names(settings)
        return cls(
            field=settings.get("CLEANER_FIELD") or "text",
            output_field=settings.get("CLEANER_OUTPUT_FIELD") or None,
            preset=settings.get("CLEANER_PRESET") or None,
            options=settings.getdict("CLEANER_OPTIONS"),
            drop_empty=settings.getbool("CLEANER_DROP_EMPTY", False),
            stats=crawler.stats,
        )

    def _count(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(f"cleaner/{key}")

    def _not_text(self, item, what: str):
        """``item`` unchanged, its field being ``what`` (a number, binary bytes), not text."""
        logger.warning("cleaner: item field %r is %s, not text; item left unchanged", self.field, what)
        self._count("items_not_text")
        return item

    def process_item(self, item, spider=None):
        adapter = self.adapter(item)
        value = adapter.get(self.field)
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            value = "\n".join(value)
        if value is None:
            if not self._told_without_field:
                logger.warning("cleaner: an item has no value in field %r (its fields: %s); items "
                               "without one are left unchanged and counted (cleaner/items_without_field)",
                               self.field, ", ".join(map(str, adapter.keys())) or "none")
                self._told_without_field = True
            self._count("items_without_field")
            return item
        try:  # what the API takes as a document, the pipeline cleans
            text = clean(value, self.options)
        except BinaryInput as exc:
            return self._not_text(item, f"binary data ({exc.kind})")
        except NotText as exc:
            return self._not_text(item, exc.kind)
        try:
            adapter[self.output_field] = text
        except KeyError:
            raise KeyError(
                f"CleanerPipeline: the item class has no field {self.output_field!r}; "
                f"declare it or set CLEANER_OUTPUT_FIELD to a declared field"
            ) from None
        self._count("items_cleaned")
        if not text:
            self._count("items_empty")
            if self.drop_empty:
                from scrapy.exceptions import DropItem

                raise DropItem(f"no text left after cleaning field {self.field!r}")
        return item


def _check_setting_names(settings) -> None:
    """`TypeError` for a ``CLEANER_`` setting that is not one of `SETTINGS`: a misspelt
    name would leave its value unread, as an unknown option is refused by the API."""
    unknown = sorted(name for name in settings.keys()
                     if isinstance(name, str) and name.startswith("CLEANER_") and name not in SETTINGS)
    if unknown:
        close = difflib.get_close_matches(unknown[0], SETTINGS, n=1)
        hint = f"; did you mean {close[0]}?" if close else ""
        raise TypeError(f"CleanerPipeline: unknown setting {unknown[0]!r}{hint} "
                        f"(settings: {', '.join(SETTINGS)})")
