"""benchmarks/ablation.py on a tiny input: it runs, and a rule it turns off no longer
decides the line it decided."""

from benchmarks.ablation import Doc, baseline, rules_of, run_doc, run_rules, table
from benchmarks.corpora import Page

BODY = ("The minister arrived in the capital on Tuesday for talks with the president about "
        "the budget. The talks lasted well into the night, officials said.")
TEXT = f"Short Url\n\n{BODY}\n\nSubscribe to our newsletter for the latest news and updates every morning.\n"


def _docs() -> list[Doc]:
    page = Page("scrapinghub", "tiny", "", "", "", "0", truth=BODY)
    return [baseline(Doc("scrapinghub", "tune", system, page, TEXT))
            for system in ("clean", "clean_flat", "clean_extract")]


def test_turning_a_rule_off_changes_the_decision_it_made():
    doc = _docs()[0]
    assert "en.share.short_url" in doc.dropped_by
    before = run_doc(doc).verdicts[0].final
    after = run_doc(doc, frozenset({"en.share.short_url"})).verdicts[0].final
    assert before.rule == "en.share.short_url"
    assert after.rule != "en.share.short_url"


def test_the_ablation_runs_on_a_tiny_input():
    docs = _docs()
    rules = rules_of(docs)
    assert {"en.share.short_url", "en.appeal.subscribe"} <= set(rules)
    assert rules_of(docs, ("en.share.",)) == ["en.share.short_url"]
    results, base = run_rules(docs, rules)
    assert base[("scrapinghub", "tune", "clean")].f1 == 1.0
    by_rule = {r["rule"]: r for r in results}
    entry = by_rule["en.share.short_url"]["sets"]["scrapinghub/tune"]
    assert entry["touched"] == 1 and entry["n"] == 1
    assert by_rule["en.share.short_url"]["still_decides"] == [0, 3]
    # every rule's deltas are scored on the same documents as the baseline
    assert all(e[s]["f1"] <= 0 for r in results for e in r["sets"].values()
               for s in ("clean", "clean_flat", "clean_extract"))
    printed = table({"baseline": {}, "rules": results,
                     "meta": {"parts": ["tune"], "rules": len(rules), "documents": 3, "seconds": 0}})
    assert "en.share.short_url" in printed


def test_every_page_gives_the_same_result_as_the_pages_that_name_the_rule():
    docs = _docs()
    rules = rules_of(docs)
    quick, _ = run_rules(docs, rules)
    slow, _ = run_rules(docs, rules, every_page=True)
    assert quick == slow


def test_a_group_of_rules_is_turned_off_as_a_prefix():
    docs = _docs()
    groups = rules_of(docs, groups=True)
    assert {"en.share.", "en.appeal."} <= set(groups)
    assert all(g.endswith(".") for g in groups if g != "blank")
    results, _ = run_rules(docs, ["en.share."])
    assert results[0]["sets"]["scrapinghub/tune"]["touched"] == 1
    assert results[0]["still_decides"] == [0, 3]
