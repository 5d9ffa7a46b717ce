"""A catalogue rule's ``overlay`` property: its line is a banner laid over the page (a
cookie notice), page furniture but no footer whatever its category; the extractor stage
reads the property (`cleaner.extracted._page_furniture`), not the rule's name."""

from __future__ import annotations

import pytest

from cleaner import extracted
from cleaner.catalogue import CatalogueError, is_overlay, load_directory, load_rules
from cleaner.options import Options
from cleaner.types import Decision

OVERLAY_RULE = '''
[[rules]]
id = "xx.legal.banner"
pattern = '^we\\s+use\\s+biscuits\\b'
overlay = true
examples = ["We use biscuits to improve the site."]

[[rules]]
id = "xx.legal.rights"
pattern = '^all\\s+rights\\s+kept\\b'
examples = ["All rights kept."]
'''


def test_the_loader_reads_overlay_and_defaults_to_false(tmp_path):
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "legal.toml").write_text(OVERLAY_RULE, encoding="utf-8")
    banner, rights = load_directory(tmp_path)
    assert (banner.id, banner.overlay) == ("xx.legal.banner", True)
    assert (rights.id, rights.overlay) == ("xx.legal.rights", False)


@pytest.mark.parametrize("key", ["overlay", "section", "case_sensitive"])
@pytest.mark.parametrize("value", ['"false"', "0", "1.0", '"true"'])
def test_a_flag_that_is_no_toml_boolean_is_refused(tmp_path, key, value):
    (tmp_path / "xx").mkdir()
    text = OVERLAY_RULE.replace("overlay = true", f"{key} = {value}")
    (tmp_path / "xx" / "legal.toml").write_text(text, encoding="utf-8")
    where = r"patterns/xx/legal\.toml: rule xx\.legal\.banner"
    with pytest.raises(CatalogueError, match=rf"{where}: {key} must be true or false"):
        load_directory(tmp_path)


def test_is_overlay_reads_the_catalogue():
    rules = load_rules()
    overlays = [r for r in rules if r.overlay]
    assert overlays and all(is_overlay(r.id) == r.overlay for r in rules)
    assert not is_overlay("feature.short") and not is_overlay("xx.legal.banner")


def _drop(rule) -> Decision:
    return Decision(False, rule.id, rule.category, "matches a pattern", "classify")


def test_an_overlay_in_a_footer_category_is_furniture_but_no_footer():
    rules = load_rules()
    overlay = next(r for r in rules if r.overlay and r.category in extracted.FOOTER)
    footer = next(r for r in rules if not r.overlay and r.category in extracted.FOOTER)
    menu = next(r for r in rules if r.category in extracted.FURNITURE - extracted.FOOTER)
    opts = Options()
    menus = [_drop(menu)] * (opts.extracted_furniture_lines - 1)
    assert not extracted._page_furniture(menus + [_drop(overlay)], opts)
    assert extracted._page_furniture(menus + [_drop(footer)], opts)
    assert extracted._page_furniture(menus + [_drop(overlay), _drop(footer)], opts)
