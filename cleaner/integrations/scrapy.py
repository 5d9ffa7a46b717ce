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
`cleaner.binary`), pass unchanged.  Bad settings raise what the API raises for them
(`TypeError` for an unknown option or a value of the wrong type, `ValueError` for a bad value).  Counts go to the
crawl stats under ``cleaner/``.  Scrapy is imported only when the pipeline is built;
install it with ``pip install cleaner[scrapy]``.
"""

from __future__ import annotations

import logging

from ..binary import BinaryInput, NotText
from ..options import Options, PresetAsOption
from ..pipeline import clean

logger = logging.getLogger(__name__)

_NEEDS_SCRAPY = "CleanerPipeline needs Scrapy: pip install 'cleaner[scrapy]'"


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

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
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
