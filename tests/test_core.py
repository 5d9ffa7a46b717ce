"""Unit tests of the pipeline's stages: each asserts the rule id and category of a
decision, not only keep/drop."""

from __future__ import annotations

import pytest

from cleaner import Options, analyze, clean, split
from cleaner.registry import registry
from cleaner.segment import normalize, segment

BODY = (
    "The regional government announced on Tuesday that it would spend more on rural "
    "bus services next year, after months of complaints from residents."
)
BODY2 = (
    "Officials said the new timetable would add evening services to villages that "
    "currently have no buses after six o'clock."
)


def decisions(text, **kw):
    return [(v.final.rule, v.final.category, v.final.keep) for v in analyze(text, **kw).verdicts]


# --- segmentation -------------------------------------------------------------

def test_offsets_slice_the_source_for_every_line_break_kind():
    src = "a\r\nb\rc\nd\u2028e\x0cf"
    lines = segment(src)
    assert [l.raw for l in lines] == ["a", "b", "c", "d", "e", "f"]
    assert all(src[l.start:l.end] == l.raw for l in lines)


def test_normalize_folds_odd_whitespace_and_drops_invisible_characters():
    assert normalize("\u00a0Short\u200b\tUrl \u3000") == "Short Url"


def test_normalize_drops_the_invisible_operators_and_separator():
    assert normalize("Drain on paper towels.\u2063") == "Drain on paper towels."
    assert normalize("f\u2061(x) a\u2062b c\u2064d") == "f(x) ab cd"


def test_a_sentence_followed_by_a_direction_mark_still_ends_with_its_stop():
    plain = decisions(f"{BODY}\n{BODY2}")
    marked = decisions(f"{BODY}\u200f\n{BODY2}\u202c")
    assert marked == plain
    assert plain[0] == ("feature.prose", "body", True)


# --- stage 1 ------------------------------------------------------------------

def test_prose_line_is_kept_as_body_by_the_prose_rule():
    (rule, category, keep), = decisions(BODY)
    assert (rule, category, keep) == ("feature.prose", "body", True)


def test_share_widget_is_dropped_by_its_catalogue_rule():
    rows = decisions(f"Short Url\n{BODY}")
    assert rows[0] == ("en.share.short_url", "share", False)


def test_repeated_headline_is_a_duplicate():
    head = "Council approves new budget for city parks"
    rows = decisions(f"{head}\n\n{head}\n\n{BODY}\n{BODY2}")
    assert rows[2] == ("feature.duplicate", "duplicate", False)


def test_low_stopword_line_is_dropped_with_numbers_in_the_reason():
    line = "Politics Economy Sport Culture Science Travel Opinion Video Podcasts Newsletters Weather"
    a = analyze(f"{BODY}\n{line}")
    v = a.verdicts[1]
    assert v.initial.rule == "feature.low_stopwords"
    assert "stopword density 0.00" in v.initial.reason


def test_disabled_rule_does_not_fire():
    rows = decisions(f"Short Url\n{BODY}", disabled_rules={"en.share.short_url"})
    assert rows[0][0] != "en.share.short_url"


def test_disabled_rule_prefix():
    rows = decisions(f"Short Url\n{BODY}", disabled_rules=["en.share."])
    assert not rows[0][0].startswith("en.share.")


# --- stage 2 ------------------------------------------------------------------
# Page mode (extracted="never"): these texts are written one block a line, as an
# extractor writes them, and would be trusted as extracted text (Options.extracted);
# the tests are about the context rules of whole-page dumps.

def test_short_heading_between_body_lines_is_kept_as_heading():
    a = analyze(f"{BODY}\nRural services\n{BODY2}", extracted="never")
    v = a.verdicts[1]
    assert v.initial.rule == "feature.heading" and not v.initial.keep
    assert (v.final.rule, v.final.category, v.final.keep) == ("context.heading", "heading", True)
    assert v.final.stage == "context"


def test_list_items_after_a_colon_are_kept():
    text = f"{BODY[:-1]}, with these changes:\n* evening buses\n* Sunday services\n{BODY2}"
    rows = decisions(text, extracted="never")
    assert rows[1] == ("context.list", "body", True)
    assert rows[2] == ("context.list", "body", True)


def test_prose_far_from_the_main_text_is_isolated():
    menu = "\n".join(["Home", "News", "Sport", "Weather", "Travel", "Culture", "Science",
                      "Health", "Opinion", "Video", "Audio", "Contact"])
    footer = "The newsroom is open to visitors on weekdays between nine and five, a spokesman said."
    a = analyze(f"{BODY}\n{BODY2}\n{BODY}x\n{menu}\n{footer}", extracted="never")
    assert a.verdicts[-1].final.rule == "context.isolated"
    assert footer not in a.text


# --- the whole pipeline ---------------------------------------------------------

def test_every_rule_id_is_registered():
    a = analyze(f"Short Url\nFollow\n{BODY}\nRural services\n{BODY2}\nClose")
    for v in a.verdicts:
        assert v.initial.rule in registry()
        assert v.final.rule in registry()


def test_clean_is_analyze_text():
    text = f"Short Url\n{BODY}\n\n{BODY2}"
    assert clean(text) == analyze(text).text == f"{BODY}\n\n{BODY2}"


@pytest.mark.parametrize("bad", [None, 3, 2.5, ["text"], {"text": 1}, object()])
def test_non_text_raises_a_plain_type_error(bad):
    with pytest.raises(TypeError, match="expects text"):
        clean(bad)


@pytest.mark.parametrize("empty", ["", "   ", "\n\n\t\n", "\u00a0\u200b"])
def test_empty_input_gives_empty_results(empty):
    assert clean(empty) == ""
    assert split(empty) == []
    assert analyze(empty).articles == ()


def test_bytes_are_decoded_as_utf8():
    assert clean(f"Short Url\n{BODY}".encode("utf-8")) == BODY


def test_undecodable_bytes_fall_back_without_error():
    data = ("Short Url\n" + BODY.replace("government", "gouvernement é")).encode("latin-1")
    assert "gouvernement é" in clean(data)


def test_unknown_option_raises():
    with pytest.raises(TypeError, match="unknown option"):
        clean(BODY, colour="red")


def test_unknown_preset_raises():
    with pytest.raises(ValueError, match="unknown preset"):
        clean(BODY, "fastest")


def test_presets_differ_where_they_should():
    assert Options.make("precision").keep_title == "never"
    assert Options.make("recall").context_reach > Options.make("balanced").context_reach


def test_options_made_again_are_the_same_values_of_the_same_types():
    again = Options.make("precision", html="never")
    assert again is Options.make("precision", html="never") and again.prose_min_words == 10
    assert Options.make(None, context_reach=1).context_reach == 1
    assert Options.make(None, stopword_density=1.0).stopword_density == 1.0
    assert type(Options.make(None, stopword_density=1).stopword_density) is int  # 1 == 1.0, kept apart
    with pytest.raises(ValueError, match="html must be"):
        Options.make(None, html="sometimes")
    with pytest.raises(ValueError, match="html must be"):  # a refused value is never remembered
        Options.make(None, html="sometimes")


def test_language_override_is_used():
    assert analyze(BODY, language="de").language == "de"
    assert analyze(BODY).language == "en"


def test_explain_has_one_row_per_line_with_label_rule_and_text():
    text = f"Short Url\n\n{BODY}"
    rows = analyze(text).explain().split("\n")
    assert len(rows) == 3
    assert rows[0].split("\t")[:2] == ["drop:share", "en.share.short_url"]
    assert rows[2].startswith("body:0\tfeature.prose\t")


def test_without_a_catalogue_of_the_page_s_language_a_line_needs_body_closer_to_be_pulled_in():
    # `Options.context_uncatalogued_reach` (one line) in place of `Options.context_reach`
    from cleaner.classify import classify_lines
    from cleaner.segment import segment
    from cleaner.smooth import smooth
    body = ("De gemeenteraad kwam op maandag bijeen en stemde in met de begroting voor de scholen en "
            "de wegen van de regio, na een lang debat over de kosten van het werk en de staat van de haven.")
    lines = segment("\n".join([body, "Reageer hier", "Dat is alles voor nu."]))
    feats, initial = classify_lines(lines, "nl", Options())
    assert [d.rule for d in initial] == ["feature.prose", "feature.heading", "feature.sentence"]
    assert smooth(lines, feats, initial, Options())[2].rule == "context.sandwiched"
    assert smooth(lines, feats, initial, Options().uncatalogued())[2].rule == "context.isolated"
    far = Options(context_uncatalogued_reach=2)
    assert smooth(lines, feats, initial, far.uncatalogued())[2].rule == "context.sandwiched"


def test_each_option_an_uncatalogued_page_changes_takes_its_counterpart_s_value():
    from cleaner.options import DEFAULTS, UNCATALOGUED
    changed = Options().uncatalogued()
    for name, counterpart in UNCATALOGUED.items():
        assert "uncatalogued" in counterpart and type(DEFAULTS[name]) is type(DEFAULTS[counterpart])
        assert getattr(changed, name) == getattr(Options(), counterpart)
    assert changed != Options() and Options(context_reach=3).uncatalogued().context_reach == 1
    dutch = Options(language="nl")
    assert dutch.uncatalogued() is dutch.uncatalogued() and dutch.uncatalogued().language == "nl"
    others = [f for f in DEFAULTS if f not in UNCATALOGUED]
    assert [getattr(changed, f) for f in others] == [getattr(Options(), f) for f in others]


def test_the_pipeline_hands_the_stages_the_uncatalogued_options_where_no_catalogue_is_in_use(monkeypatch):
    # the options are picked once per document: the stages read plain options, and the
    # analysis keeps the caller's
    import cleaner.pipeline
    seen, smooth = [], cleaner.pipeline.smooth

    def spy(lines, feats, decisions, options, *rest):
        seen.append(options)
        return smooth(lines, feats, decisions, options, *rest)

    monkeypatch.setattr(cleaner.pipeline, "smooth", spy)
    dutch = Options(language="nl")
    assert analyze(BODY, dutch).options == dutch
    assert analyze(BODY, language="en").options == Options(language="en")
    english_off = Options(language="en", disabled_rules=frozenset({"en."}))
    assert analyze(BODY, english_off).options == english_off
    assert seen == [dutch.uncatalogued(), Options(language="en"), english_off.uncatalogued()]
