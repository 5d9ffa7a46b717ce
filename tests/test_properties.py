"""Properties of `cleaner` that hold for every input, checked with hypothesis.

- it never raises on any ``str`` or ``bytes`` (but bytes `cleaner.binary` calls a binary
  file: `ValueError`); anything else is a plain `TypeError`;
- output is made of input lines after whitespace normalisation, in order;
- ``clean`` / ``split`` are views of ``analyze``; offsets slice the source exactly;
- rule ids come from the registry; article spans are ordered and disjoint;
- clean article text comes back unchanged; inserted boilerplate is removed;
- ``clean`` is idempotent on realistic documents and deterministic across processes;
- ``split`` finds the stories of a generated multi-story dump.

Example counts come from the hypothesis profile (tests/conftest.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import Phase, assume, example, given, note, settings
from hypothesis import strategies as st

from cleaner import analyze, clean, split
from cleaner.binary import binary_kind
from cleaner.catalogue import languages as catalogue_languages
from cleaner.catalogue import load_rules
from cleaner.registry import registry
from cleaner.language import guess_language
from cleaner.segment import normalize, segment
from cleaner.types import DROP_CATEGORIES, KEEP_CATEGORIES, STAGES

import strategies as S

REPO = Path(__file__).resolve().parents[1]
#: Known failures (strict xfail) stop at the first failing example: shrinking it would only
#: spend minutes of CI on a failure that is expected.
NO_SHRINK = settings(phases=[Phase.explicit, Phase.reuse, Phase.generate])
_LABEL = regex.compile(r"^(?:-|drop:[a-z]+|(?:body|head|title|teaser):\d+)$")


# --------------------------------------------------------------------------- checks


def source_lines(source: str) -> list[str]:
    """The source's lines, normalised, cut by `str.splitlines` (an oracle independent of
    `cleaner.segment`)."""
    return [normalize(line) for line in source.splitlines()]


def is_subsequence(part: list[str], whole: list[str]) -> bool:
    it = iter(whole)
    return all(any(p == w for w in it) for p in part)


def check_output_lines(out: str, source: str) -> None:
    """``out`` is made of the source's normalised lines, in order, with at most single
    blank lines between them (paragraph breaks) and none at either end."""
    if out == "":
        return
    lines = out.split("\n")
    assert lines[0] and lines[-1], "output starts or ends with a blank line"
    assert all(a or b for a, b in zip(lines, lines[1:])), "two blank lines in a row"
    nonblank = [line for line in lines if line]
    assert is_subsequence(nonblank, [line for line in source_lines(source) if line]), (
        "output has a line that is not a source line (in order)"
    )


def check_analysis(a, document=None) -> None:
    """Every invariant of one `Analysis`."""
    src = a.source
    if isinstance(document, str) and not a.from_html:
        assert src == document
    # Lines: exact offsets, consecutive indices, same cut as str.splitlines.
    if a.verdicts:
        assert [v.line.raw for v in a.verdicts] == src.splitlines()
    else:
        assert all(not line for line in source_lines(src)), "non-blank input gave no lines"
    prev_end = 0
    for i, v in enumerate(a.verdicts):
        line = v.line
        assert line.index == i
        assert src[line.start:line.end] == line.raw
        assert prev_end <= line.start <= line.end <= len(src)
        prev_end = line.end
        assert line.text == normalize(line.raw)
    # Decisions: registered rules, known categories, blank lines never kept.
    known = registry()
    for v in a.verdicts:
        assert v.initial.stage == "classify"
        # one layer per stage, in pipeline order, each a new decision
        order = [STAGES.index(d.stage) for d in v.trail]
        assert order == sorted(order) and len(set(order)) == len(order), v.trail
        for d in v.trail:
            assert d.rule in known, f"rule {d.rule!r} is not in the registry"
            assert d.category in (KEEP_CATEGORIES if d.keep else DROP_CATEGORIES), (d.rule, d.category)
        if v.line.blank:
            assert not v.final.keep and not v.output
        # in the output exactly when kept in the main story; else one reason why
        assert v.output == (v.final.keep and a.main is not None and v.story == a.main)
        assert (v.why == "") == v.output
        assert v.why in DROP_CATEGORIES or v.output
    labels = a.labels()
    assert len(labels) == len(a.verdicts)
    assert all(_LABEL.match(label) for label in labels), labels
    # The main text.
    check_output_lines(a.text, src)
    # Articles: ordered, disjoint spans inside the source; their lines are the kept lines.
    arts = a.articles
    assert [art.index for art in arts] == list(range(len(arts)))
    if arts:
        # The main story is one of the articles (the first full one unless evidence says
        # otherwise), and it is what `clean` returns.
        assert a.main is not None
        assert a.text in [art.text for art in arts], "the main text is not one of the articles"
    else:
        assert a.main is None and a.text == ""
    end = 0
    for art in arts:
        lo, hi = art.span
        assert end <= lo <= hi <= len(src), f"span {art.span} overlaps or leaves the source"
        end = hi
        assert art.kind in ("full", "teaser")
        assert art.text, "an article without text"
        check_output_lines(art.text, src[lo:hi])
        if art.title is not None:
            assert art.title in source_lines(src[lo:hi])
    joined = [line for art in arts for line in art.text.split("\n") if line]
    assert joined == [v.line.text for v in a.kept()]


# --------------------------------------------------------------------------- never raises


@given(S.hostile_text)
@example("")
@example("\n" * 1000)
@example("\ud800\udfff\udc80 lone surrogates \ud83d")
@example("x" * 200_000)
@example("\r\n\r\r\n\x85\u2028")
def test_any_str_never_raises_and_keeps_invariants(text):
    a = analyze(text)
    check_analysis(a, text)
    assert clean(text) == a.text
    assert split(text) == list(a.articles)


@given(st.one_of(
    st.binary(max_size=3000),
    st.builds(lambda t, enc: t.encode(enc, "replace"), S.multiline_text,
              st.sampled_from(["utf-8", "utf-16", "utf-32", "latin-1", "cp1252", "shift_jis", "koi8-r"])),
))
@example(b"")
@example(b"\xff\xfe\x00\x00")
@example(b"\xef\xbb\xbf\xff caf\xe9 \x81")
@example(b"\xef\xbb\xbf\xff caf\xe9 \x00\x81")  # not UTF-8, with a stray NUL: read as text
@example(b"\x7fELF\x02\x01\x01")
def test_any_bytes_are_cleaned_or_refused_as_binary(data):
    kind = binary_kind(data)
    if kind is not None:
        for entry in (analyze, clean, split):
            with pytest.raises(ValueError, match=regex.escape(f"binary input ({kind})")):
                entry(data)
        return
    a = analyze(data)
    check_analysis(a)
    assert clean(data) == a.text
    assert clean(bytearray(data)) == a.text


@settings(max_examples=S.scaled(3))
@given(st.one_of(S.html_documents(),
                 S.html_documents().map(lambda h: h.encode("utf-8", "surrogatepass"))))
@example(b"<html><body><p>\xff\xfe</p>")
@example(b'<meta charset="no-such-codec"><p>\xe9t\xe9</p>' * 3)
def test_html_never_raises_and_offsets_index_the_extracted_text(html):
    a = analyze(html)
    check_analysis(a, html)
    assert clean(html) == a.text
    if a.from_html:
        # Offsets index the extracted text, not the markup.
        for v in a.verdicts:
            assert a.source[v.line.start:v.line.end] == v.line.raw
        check_output_lines(a.text, a.source)


_NOT_TEXT = [None, 0, 1.5, ["a line"], {"text": "x"}, ("a",), object(), True]


@pytest.mark.parametrize("value", _NOT_TEXT, ids=lambda v: type(v).__name__)
@pytest.mark.parametrize("fn", [clean, split, analyze], ids=lambda f: f.__name__)
def test_non_text_is_a_plain_type_error(fn, value):
    with pytest.raises(TypeError) as info:
        fn(value)
    message = str(info.value)
    # Plain: names what was given and what is accepted, in one short line.
    assert type(value).__name__ in message
    assert "str" in message and "bytes" in message, message
    assert "\n" not in message and len(message) < 120
    # Raised by the entry point's own argument check (cleaner/pipeline.py), not by a
    # helper deep inside that happened to choke on the value.
    frames = [e for e in info.traceback if Path(e.path).parent.name == "cleaner"]
    assert frames and all(Path(e.path).name == "pipeline.py" for e in frames), [
        f"{Path(e.path).name}:{e.lineno + 1}" for e in frames
    ]


@given(st.lists(st.sampled_from(S.SPACES + S.LINE_BREAKS), max_size=200).map("".join))
@example("")
@example("\x00\x7f")
def test_blank_input_gives_nothing(text):
    assert clean(text) == ""
    assert split(text) == []
    data = text.encode("utf-8")
    if binary_kind(data) is None:
        assert clean(data) == ""
    else:  # mostly NUL and control bytes: refused as binary, as the command line skips it
        with pytest.raises(ValueError, match="binary input"):
            clean(data)


@given(S.hostile_text)
def test_segment_cuts_like_splitlines_and_normalize_is_idempotent(text):
    lines = segment(text)
    assert [line.raw for line in lines] == text.splitlines()
    assert all(normalize(line.text) == line.text for line in lines)
    assert all(text[line.start:line.end] == line.raw for line in lines)


# --------------------------------------------------------------------------- realistic text


@st.composite
def noisy_dump(draw) -> str:
    """A realistic page dump (article with boilerplate, or several stories) with hostile
    lines spliced in at random places."""
    if draw(st.booleans()):
        lines = list(draw(article_with_boilerplate(max_between=2))[2])
    else:
        lines = draw(S.multi_story_dump()).text.split("\n")
    for _ in range(draw(st.integers(0, 4))):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.text(S.any_char, max_size=40)))
    return draw(st.sampled_from(S.LINE_BREAKS[:3])).join(lines)


@settings(max_examples=S.scaled(2))
@given(noisy_dump())
def test_invariants_hold_on_realistic_dumps(document):
    a = analyze(document)
    check_analysis(a, document)
    assert a.text, "a dump with an article gave no text"
    assert clean(document) == a.text
    assert split(document) == list(a.articles)


def _clean_lines(document: str, **options) -> list[str]:
    return [line for line in clean(document, **options).split("\n") if line]


@given(S.article(), S.paragraph_breaks)
def test_clean_article_comes_back_unchanged(paragraphs, breaks):
    document = S.layout(paragraphs, breaks)
    out = _clean_lines(document)
    missing = [p for p in paragraphs if p not in out]
    assert not missing, f"body lines lost: {missing}"
    assert out == paragraphs


@given(S.article_with_ellipsis())
@example([
    "The council approved the new budget for the village school after a long debate on Monday.",
    "Residents who came to the meeting said they would keep asking the council for more money …",
    "The budget will be reviewed again in the spring when the harvest figures are known.",
])
def test_paragraph_ending_in_ellipsis_stays_in_the_article(paragraphs):
    """A real article's paragraph that trails off with an ellipsis is not taken for a
    cut-off teaser: the article comes back whole."""
    out = _clean_lines("\n\n".join(paragraphs))
    assert out == paragraphs


def _body_language(paragraphs: list[str]) -> str | None:
    return guess_language("\n".join(paragraphs))


@st.composite
def article_with_boilerplate(draw, max_between: int = 1, run_categories: frozenset[str] | None = None):
    """Body paragraphs (real, generated English, or generated in a catalogue language) with
    catalogue examples inserted before (up to 3), between (up to ``max_between`` per gap)
    and after them (up to 3).  Lines that close the article (a related-stories or comments
    header) are only inserted after the last paragraph.  A gap that gets two lines or more
    draws them from ``run_categories`` (default: every category)."""
    langs = [lang for lang in catalogue_languages() if lang != "en"]
    if langs and draw(st.integers(0, 2)) == 0:
        lang = draw(st.sampled_from(langs))
        body = draw(st.lists(S.prose_in(lang), min_size=2, max_size=6, unique=True))
    else:
        body = draw(S.article())
        lang = _body_language(body)
    usable = frozenset({"common", "en", lang} - {None})
    lines: list[str] = []
    kinds: list[str] = []  # per line: "body" or the inserted rule's category
    inserted: list[S.Boilerplate] = []
    for i, para in enumerate(body + [None]):
        inside = 0 < i < len(body)
        count = draw(st.integers(0, max_between if inside else 3))
        for _ in range(count):
            if inside and count > 1 and run_categories is not None:
                # an example some rule of another category also matches is filed there
                bp = draw(S.boilerplate_line(usable, closing=False, categories=run_categories)
                          .filter(lambda b: _filed_under(b.text, lang) in run_categories))
            else:
                bp = draw(S.boilerplate_line(usable, closing=i == len(body)))
            inserted.append(bp)
            lines.append(bp.text)
            kinds.append(bp.category)
        if para is not None:
            lines.append(para)
            kinds.append("body")
    note(f"kinds {kinds}")
    return body, inserted, lines, lang, kinds


def _filed_under(line: str, lang: str | None) -> str:
    """The category a page in ``lang`` files the line under, on its own."""
    return analyze(line, language=lang, extracted="never").verdicts[0].initial.category


def appeal_on_both_sides(kinds: list[str]) -> bool:
    """Is some paragraph directly between two appeal lines?  Whether it belongs to the
    appeal depends on those lines (`context.appeal_block`): the explicit tests
    `test_paragraph_between_two_appeal_labels_survives` and the case
    ``appeal-block-takes-its-middle-line`` (tests/cases/widgets.toml) cover both sides."""
    return any(k == "body" and a == b == "appeal" for a, k, b in zip(kinds, kinds[1:], kinds[2:]))


def caption_under_paragraph(kinds: list[str], breaks: list[str]) -> bool:
    """Is some paragraph set right above a caption line (a picture's credit), with no empty
    line between (the separator after line ``k`` is ``breaks[k % len(breaks)]``, as
    `tests.strategies.layout` cycles them)?  That is how a picture's caption stands above
    its credit, and the story stage drops it so (``story.caption``): tests/test_main_story.py
    covers both sides."""
    return any(k == "body" and after == "caption" and breaks[i % len(breaks)] in ("\n", "\r\n")
               for i, (k, after) in enumerate(zip(kinds, kinds[1:])))


def check_boilerplate_removed(case, breaks):
    body, inserted, lines, lang, _ = case
    note(f"language {lang}; inserted {[(b.rule, b.text) for b in inserted]}")
    document = S.layout(lines, breaks)
    a = analyze(document)
    out = [line for line in a.text.split("\n") if line]
    assert out == body, a.explain()
    # Each inserted line was dropped (by its own rule or as a repeat of an earlier one).
    dropped = {v.line.text: v.final.rule for v in a.verdicts if not v.final.keep}
    for bp in inserted:
        assert normalize(bp.text) in dropped


_GERMAN = ("Das Unternehmen verfolgt die Vision, Kunden bei der Digitalisierung ihrer Inhalte "
           "zu helfen und digitale Erlebnisse anzubieten, die das Wachstum fördern.")


@given(article_with_boilerplate(max_between=1), S.paragraph_breaks)
# A short German article among English boilerplate: the page reads as English, the
# paragraph is judged by the stopwords of its own language.
@example(
    ([_GERMAN],
     [S.Boilerplate("en.ad.continues_below", "ad", "en", "Story continues below advertisement"),
      S.Boilerplate("en.appeal.we_rely", "appeal", "en", "We rely on your support to make local news available to all")],
     ["Story continues below advertisement",
      "We rely on your support to make local news available to all", _GERMAN],
     "de", ["ad", "appeal", "body"]),
    ["\n\n"],
)
def test_inserted_boilerplate_is_removed_and_body_survives(case, breaks):
    assume(not appeal_on_both_sides(case[4]) and not caption_under_paragraph(case[4], breaks))
    check_boilerplate_removed(case, breaks)


def test_newsletter_label_between_long_paragraphs_keeps_the_paragraphs_after_it():
    """A document `test_inserted_boilerplate_is_removed_and_body_survives` draws with more
    examples (``HYPOTHESIS_PROFILE=deep``): paragraphs 6 to 8 of the 17th real article of
    `strategies.body_documents` (read from the corpus, not written here), the label after
    the first one, one line break between lines.  The language-independent newsletter label
    after the first of the three long paragraphs is no end of the story: the two
    paragraphs after it stay in the main text."""
    docs = S.body_documents()
    if len(docs) < 17 or len(docs[16]) < 8:
        raise LookupError("the corpus article of this case is missing")
    body = list(docs[16][5:8])
    assert _clean_lines("\n".join([body[0], "Newsletter", *body[1:]])) == body


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "known miss of the story boundaries: in eight consecutive paragraphs of one real article, "
    "one line break between them, the last two turn to another person of the same hearing and "
    "are cut off as another story (a long article whose subject drifts should keep its unity)"))
def test_one_article_whose_subject_drifts_stays_one_story():
    """A document `test_inserted_boilerplate_is_removed_and_body_survives` drew before its
    examples were made independent of the modules loaded: paragraphs 6 to 13 of the 30th
    real article of `strategies.body_documents` (read from the corpus, not written here),
    nothing inserted, one line break between lines."""
    docs = S.body_documents()
    if len(docs) < 30 or len(docs[29]) < 13:
        raise LookupError("the corpus article of this case is missing")
    body = list(docs[29][5:13])
    assert _clean_lines("\n".join(body)) == body


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "known miss of the story boundaries: five consecutive paragraphs of one real article, a "
    "blank line between them, turn from the car's performance to its range and charging after "
    "the second and are cut there as another story (a long article whose subject drifts should "
    "keep its unity); inside a dump under the story's title and date they stay one story, so "
    "clean is not idempotent on such a dump"))
def test_five_paragraphs_whose_subject_moves_stay_one_story():
    """A document `test_clean_is_idempotent_on_generated_dumps` drew with other catalogue
    examples: paragraphs 8 to 12 of the 13th real article of `strategies.body_documents`
    (read from the corpus, not written here), one blank line between them."""
    docs = S.body_documents()
    if len(docs) < 13 or len(docs[12]) < 12:
        raise LookupError("the corpus article of this case is missing")
    body = list(docs[12][7:12])
    assert _clean_lines("\n\n".join(body)) == body


#: Paragraphs of invented Portuguese-looking words, as `strategies` generates them.
_GENERATED_PT = [
    "Chamada ngwiosvgyt atualmente durante casa vutowp raio xxdnft caso condado contra wqcazsa obra "
    "dbgbndztde oficial nnvll água llt fora xer são tjuwzpzjlq pai mesma unidos.",
    "Embora título num weht a tjpym ser relação através eles foram cpakvdytbo apenas xwftmecw bairro "
    "maiores pessoas dos jogo kha chegou zejqsvska mais lqqy se vwrq.",
    "Áreas dpvgw orbital xuhqggetcc processo yazjp representa outra toda hai sempre ylz filho muitos havia.",
    "Numa uszpe todo njjk united gkpek milhões qnz casa of acordo ydlumlz dentro clube grande país conta "
    "jap nova idmj principal pnaljis grupo todos embora bowganfbcr países incluindo departamento dezembro.",
    "Seria do somente mogesfxmei então comunidade nas irigme geralmente vrrljecehx estão forma francisco "
    "chegou título onadh eles brr uso lfwpnkypja cinco exs diversas xffo estilo podem tipo eles.",
    "No pzjniz terra iqm meio znxeheyd comuna pofzdn chamada criado sua dru formação seis número ehu "
    "presidente forma água.",
]


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "known miss of the story boundaries: in an article of generated words (no cohesion between "
    "any two paragraphs), a run of a newsletter label and a pagination line after two short "
    "paragraphs, themselves parted by two buttons, is read as the end of a story, and the four "
    "paragraphs after it are cut off as another"))
def test_a_pagination_run_inside_an_article_ends_no_story():
    """The shape of a document `test_runs_of_boilerplate_between_paragraphs_are_removed`
    drew with other catalogue examples, one line break between lines."""
    p = _GENERATED_PT
    document = "\n".join([p[0], "Fechar", "Fechar", p[1], "Newsletter", "Página 3 de 9", *p[2:]])
    assert _clean_lines(document) == p


#: An invented article whose first two paragraphs (the walker lost in the hills) share few
#: words with the rest (the dog handler and his dog); the shape of a case that
#: `test_inserted_boilerplate_is_removed_and_body_survives` drew.
_DRIFTING_INTRO = [
    "Last autumn a retired teacher set out alone on a long walk through the northern hills, "
    "carrying a small map, two apples and a flask of tea, and told nobody which path she meant to take.",
    "By evening the weather had turned. Fog rolled down from the ridge, the path vanished under wet "
    "leaves, and she sat down beside a stone wall to wait for the morning. Her neighbour noticed the "
    "dark windows of her cottage after supper and called the village police station.",
    "Tomas Reinholt, who has trained search dogs for twenty years, drove up the valley road before "
    "midnight with his collie, Bramble. He let the dog sniff a scarf from the cottage and followed "
    "her up the first slope with a lamp.",
    "\u201cA good dog does not look for a person, it looks for a smell that should not be there,\u201d "
    "Reinholt said.",
    "Bramble worked across the slope in long zigzags, stopping at every gate and stream. Reinholt "
    "explained that damp air holds scent close to the ground, so a cold wet night is often easier for "
    "a dog than a dry summer afternoon. Wind, however, can carry the trail far from where the walker "
    "actually sits.",
    "\u201cShe barked twice and then came running back to me, which is the signal we practise every "
    "week,\u201d Reinholt said.",
    "Shortly before three in the morning the collie led the team to the wall, where the walker was "
    "cold but unhurt. Volunteers wrapped her in blankets and carried her down to a waiting car, and a "
    "doctor in the village checked her over by breakfast.",
    "\u201cI will take a phone next time, and perhaps a dog,\u201d the walker wrote in a letter to the "
    "local paper a week later.",
]


@pytest.mark.parametrize("usual_gaps, stories", [(4, 1), (1000, 2)])
def test_boilerplate_between_most_paragraphs_is_no_story_boundary(usual_gaps, stories):
    """Two boilerplate lines between every two paragraphs tell no gap from another: the
    article stays one story (`Options.story_usual_gaps`), where counting each gap's
    dropped lines as evidence cuts it in two after its intro."""
    ads = ["Now playing", "Privacy Policy", "Getty Images", "Follow us on social media for more updates!",
           "Copy URL", "Skip to main content", "Become a member"]
    lines = []
    for k, paragraph in enumerate(_DRIFTING_INTRO):
        if k:  # two lines between every two paragraphs
            lines += [ads[(k - 1) % len(ads)], ads[(k + 2) % len(ads)]]
        lines.append(paragraph)
    a = analyze("\n\n".join(lines), story_usual_gaps=usual_gaps)
    assert len(a.articles) == stories
    assert ([line for line in a.text.split("\n") if line] == _DRIFTING_INTRO) == (stories == 1)


def test_paragraph_between_two_appeal_labels_survives():
    paragraph = ("The council approved the new budget for the village school after a long "
                 "debate, and the work on the roof will start in the spring.")
    assert _clean_lines(f"Newsletter\n{paragraph}\nNewsletter") == [paragraph]


def _after_comments(first: list[str], second: list[str], header: str) -> list[str]:
    document = "\n\n".join(first + [header] + second)
    # Page mode: text that looks like an extractor's output is trusted as a whole
    # (Options.extracted), and this property is about pages.
    return _clean_lines(document, extracted="never")


_COMMENT_HEADERS = [e for r in load_rules() if r.category == "comments" and r.language in ("common", "en")
                    for e in r.examples]


@given(S.unrelated_articles(), st.sampled_from(_COMMENT_HEADERS or ["Comments"]))
def test_text_after_a_comments_header_is_not_the_article(articles, header):
    """A comments header after the article closes it: what follows is not part of the
    main text, what precedes it is.  (A related-stories header is a soft barrier: dense
    text resuming after it continues the article, so it is not tested here.)"""
    first, second = articles
    assume(sum(len(p.split()) for p in first) >= 60)
    assert _after_comments(first, second, header) == first


def test_a_long_story_after_the_comments_is_not_the_article():
    """A one-paragraph article that does not open like a story gives way to a much longer
    story right after it that does (a notice before the article), but never across the
    comments header."""
    first = ["The repair guide is finished, and the results are in: the new laptop is much like "
             "the old one, save for a few welcome returns. The keyboard is back to the older "
             "design, the battery is larger, and the screws that hold the case are the same as "
             "before, which makes the machine easier to open and to repair at home than the model "
             "it replaces."]
    second = ["RIVERTON (Wire) — To the veteran forward, records are not a goal.",
              "They are only a side effect of the steady play he has shown for many seasons, with "
              "no slowdown in sight for the team or for him.",
              "Records also do not mean much to him without wins attached to them, so he was "
              "pleased when his latest mark came during another strong night for the club.",
              "He became the first player in the league to reach the mark against every team, and "
              "his team mate scored 34 points during the fifth straight win on Tuesday night.",
              "He finished with 25 points, 11 rebounds and 10 assists against his 30th opponent "
              "for the leading club, which has won 12 of 13 games after a perfect run at home.",
              "The coach said after the game that the team had played with patience and that the "
              "young players had learned a great deal from the way the veteran reads the game on "
              "both ends of the floor.",
              "The club plays its next game on Friday night at home against a rival that has lost "
              "four of its last five games and will be without two of its starting players."]
    assert _after_comments(first, second, "Comments") == first


def test_comments_on_the_same_topic_stay_out_of_the_article():
    first = ["The council approved the new budget for the village school after a long debate "
             "on Monday, and the work on the roof of the school will start in the spring.",
             "The budget for the school roof was approved by the council with a large majority, "
             "and the head of the school said the village had waited years for the work."]
    second = ["I think the council should have approved the budget for the school roof years "
              "ago, the village school has waited far too long for the work on the roof."]
    assert _after_comments(first, second, "Comments") == first


#: The categories of boilerplate that come in runs between an article's paragraphs: share
#: bars, ads, UI words, appeals, notices, captions, menus.  A run holding a date, a byline,
#: a bio or a related-stories line is how the next story opens (the story tests cover it);
#: a single such line between paragraphs is drawn by the test above.
INSIDE_ARTICLE_RUNS = frozenset({"share", "ad", "ui", "appeal", "legal", "caption", "nav"})


@NO_SHRINK
@given(article_with_boilerplate(max_between=3, run_categories=INSIDE_ARTICLE_RUNS), S.paragraph_breaks)
@example(
    (["The council approved the new budget for the village school after a long debate.",
      "The budget will be reviewed again in the spring when the harvest figures are known."],
     [S.Boilerplate("-", "-", "-", "Follow us"), S.Boilerplate("-", "-", "-", "Short Url")],
     ["The council approved the new budget for the village school after a long debate.",
      "Follow us", "Short Url",
      "The budget will be reviewed again in the spring when the harvest figures are known."],
     "en", ["body", "share", "share", "body"]),
    ["\n"],
)
def test_runs_of_boilerplate_between_paragraphs_are_removed(case, breaks):
    assume(not appeal_on_both_sides(case[4]) and not caption_under_paragraph(case[4], breaks))
    check_boilerplate_removed(case, breaks)


@pytest.mark.parametrize("path", S.seed_files(), ids=lambda p: p.stem)
def test_clean_is_idempotent_on_seeds(path):
    text = path.read_text(encoding="utf-8")
    once = clean(text)
    assert once, "the seed has a main story"
    assert clean(once) == once


@given(st.one_of(article_with_boilerplate().map(lambda c: S.layout(c[2], ["\n\n"])),
                 S.multi_story_dump().map(lambda d: d.text)))
def test_clean_is_idempotent_on_generated_dumps(document):
    once = clean(document)
    assert clean(once) == once


def test_corpus_is_available():
    """The realistic strategies draw from the corpus; without it they would silently test
    generated prose only."""
    assert S.seed_files(), "no seeds found under corpus/seeds or ../shared/seeds"
    assert len(S.body_documents()) >= 20, "no ground-truth article bodies found"


# --------------------------------------------------------------------------- determinism

_FINGERPRINT = r"""
import hashlib, json, sys
from cleaner import analyze
docs = json.load(sys.stdin)
out = []
for d in docs:
    a = analyze(d)
    blob = repr((a.language, a.labels(), [(v.initial.rule, v.final.rule, v.final.reason) for v in a.verdicts],
                 [(x.index, x.title, x.text, x.span, x.kind) for x in a.articles]))
    out.append(hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest())
print(json.dumps(out))
"""


def _fingerprints(docs: list[str], hashseed: str) -> list[str]:
    env = dict(os.environ, PYTHONHASHSEED=hashseed)
    proc = subprocess.run(
        [sys.executable, "-c", _FINGERPRINT], input=json.dumps(docs), text=True,
        capture_output=True, env=env, cwd=REPO, timeout=300, check=True,
    )
    return json.loads(proc.stdout)


@settings(max_examples=S.scaled(20, floor=2), phases=NO_SHRINK.phases)
@given(st.lists(
    st.one_of(article_with_boilerplate().map(lambda c: S.layout(c[2], ["\n"])),
              S.multi_story_dump().map(lambda d: d.text), S.multiline_text),
    min_size=3, max_size=8,
))
def test_same_input_same_output_across_processes(docs):
    docs = docs + [p.read_text(encoding="utf-8") for p in S.seed_files()]
    first = _fingerprints(docs, "1")
    second = _fingerprints(docs, "2024")
    here = [_fingerprints_here(d) for d in docs]
    for doc, a, b, c in zip(docs, first, second, here):
        assert a == b == c, f"different results across processes for {doc[:200]!r}"


def _fingerprints_here(doc: str) -> str:
    import hashlib

    a = analyze(doc)
    blob = repr((a.language, a.labels(), [(v.initial.rule, v.final.rule, v.final.reason) for v in a.verdicts],
                 [(x.index, x.title, x.text, x.span, x.kind) for x in a.articles]))
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


# --------------------------------------------------------------------------- stories


_SCHOOL = (
    "The council approved the new budget for the village school after a long debate on Monday "
    "evening, and the work on the roof will start in the spring when the weather allows it.",
    "The head of the school said the village had waited years for the work, and that the pupils "
    "would move to the hall of the church while the builders are on the roof.",
    "The budget also pays for new windows and for a ramp at the main door, which parents have "
    "asked for since the school opened its doors to children from the next village.",
    "Some members of the council voted against the plan, saying that the money would be better "
    "spent on the road to the school, which floods every winter after heavy rain.",
    "The work is expected to last until the end of the summer, and the school will open again in "
    "the autumn with a new roof, new windows and a new ramp at its main door.",
)


@pytest.mark.xfail(strict=True, reason=(
    "known miss of the story segmenter: after a main story of long prose paragraphs that reads "
    "as extractor output, a following story under a title and an 'Updated' meta line is taken "
    "as part of the main story (extracted.block) in one of the generated dumps"))
@settings(phases=NO_SHRINK.phases)
@given(S.multi_story_dump())
def test_split_finds_the_stories_of_a_dump(dump):
    articles = split(dump.text)
    note(analyze(dump.text).explain())
    assert len(articles) == len(dump.stories)
    for art, story in zip(articles, dump.stories):
        lines = [line for line in art.text.split("\n") if line]
        assert [line for line in lines if line != story.title] == list(story.body)
        assert art.kind == "full"


def test_a_short_story_under_its_headline_is_found_after_a_notice():
    """Two short paragraphs under a headline and a meta line, after a notice that closes
    the story before: a story of their own, not lines between that story and the next."""
    first = S.Story("Council Approves School Budget", "Updated 1 January 1995", _SCHOOL)
    short = S.Story("Minister Visits Harbour Town", "Updated 1 January 1995",
                    ("The new minister said in the harbour, and the new minister said in the town.",
                     "The new minister said in the harbour, but the new minister said in the market."))
    last = S.Story("Minister Opens Harbour Market", "Updated 1 January 1995",
                   ("The new minister said in the harbour, and the new minister said in the town, "
                    "and the new minister said in the market, and the new minister said in the square.",
                    "The new minister said in the harbour, and the new minister said in the market."))
    text = S.dump_of((first, short, last)).text.replace(
        _SCHOOL[-1], _SCHOOL[-1] + "\nNOTE: Our editors earn fees through partner links. More.")
    articles = split(text)
    assert len(articles) == 3
    for article, story in zip(articles, (first, short, last)):
        assert [line for line in article.text.split("\n") if line and line != story.title] == list(story.body)


# --------------------------------------------------------------------------- extractor output


def why_left_out(verdicts, main) -> list[str | None]:
    """Per line of a text read as extractor output, what may leave it out under the
    post-processing guarantee (None: nothing may): ``"blank"``, ``"catalogue"`` (a
    pattern rule of the catalogue named it), ``"story"`` (a story boundary put it in
    another story, or between two of them), or ``"closed"`` (it comes after the comments
    or a list of other stories open, below the main story's first line).  Read from the
    trail alone: the decision before the context stage is the one the guarantee asks."""
    from cleaner.blocks import barrier_kind
    from cleaner.catalogue import is_pattern_rule

    before = [[d for d in v.trail if d.stage in ("classify", "extractor")][-1] for v in verdicts]
    stories = [v.story for v in verdicts]
    start = stories.index(main) if main in stories else len(verdicts)
    out, closed = [], False
    for i, (v, d) in enumerate(zip(verdicts, before)):
        closed = closed or (i > start and barrier_kind(d) is not None)
        if not v.line.text:
            out.append("blank")
        elif is_pattern_rule(v.initial.rule) or is_pattern_rule(d.rule) or d.rule == "extracted.comments":
            out.append("catalogue")
        elif closed:
            out.append("closed")
        elif v.story is not None and v.story != main:
            out.append("story")
        elif v.story is None and _between_stories(stories, i, main):
            out.append("story")
        else:
            out.append(None)
    return out


def _between_stories(stories: list, i: int, main) -> bool:
    """Does line ``i`` (in no story) lie between two stories, neither the main one?"""
    def nearest(step):
        j = i + step
        while 0 <= j < len(stories) and stories[j] is None:
            j += step
        return stories[j] if 0 <= j < len(stories) else main
    return nearest(-1) != main and nearest(1) != main


@st.composite
def extractor_output(draw) -> str:
    """Text as an extractor writes a page's main content: one block a line, no blank
    lines; paragraphs of prose, headings, short list items and lines of figures, with
    catalogue boilerplate (share rows, bylines, comment headers ...) among them."""
    blocks = list(draw(S.article(max_paragraphs=8)))
    extras = st.one_of(S.headline(), st.sampled_from(["- Pears", "- Honey", "Serve it warm", "2019", "12 x 30 cm",
                                                      "Step 3", "Table 2: results", "Q&A"]),
                       S.boilerplate_line().map(lambda b: b.text))
    for _ in range(draw(st.integers(0, 8))):
        blocks.insert(draw(st.integers(0, len(blocks))), draw(extras))
    blocks += draw(st.lists(extras, max_size=4))  # what closes the text: share rows, captions, tags
    return "\n".join(blocks)


@settings(max_examples=S.scaled(2))
@given(extractor_output())
@example("\n".join([
    "The regional council said on Tuesday that it would spend more on rural bus services next year.",
    "Officials said the new timetable would add evening services to villages without buses after six.",
    "Share on Facebook", "Photo: Anna Smith", "Serve it warm", "Tags"]))
def test_on_extractor_output_only_catalogue_rules_and_story_boundaries_drop_lines(text):
    """The post-processing guarantee: said to be extractor output (``extracted="always"``)
    or read as such (``"auto"``, one block a line), a line is left out only when a
    catalogue rule names it, a story boundary cuts it off, or the comments (or a list
    of other stories) have opened above it."""
    from benchmarks.systems import extractor_layout

    for mode in ("always", "auto"):
        a = analyze(text, extracted=mode)
        if mode == "auto" and extractor_layout(text) != "dense":
            continue  # read as a page's dump: the guarantee does not apply
        allowed = why_left_out(a.verdicts, a.main)
        wrong = [(v.line.text, [d.rule for d in v.trail]) for v, why in zip(a.verdicts, allowed)
                 if not v.output and why is None and a.main is not None]
        note(f"mode {mode}")
        assert not wrong, f"{mode}: lines left out by no catalogue rule nor story boundary: {wrong}"


@settings(max_examples=S.scaled(2))
@given(S.article(max_paragraphs=10), st.lists(S.bibliography_entry(), min_size=3, max_size=10,
                                              unique_by=str.casefold))
def test_no_story_opens_in_a_bibliography_of_extractor_output(paragraphs, entries):
    """Extractor output that ends with a list of entries opening like datelines
    ("SURNAME, Name: title, place year") is one page's content: no story opens at an
    entry, so every entry is in the story of the line above the list, unless the story
    finder chose the entries' story as the main one (`cleaner.guarantees.list_entries`
    leaves that choice)."""
    from benchmarks.systems import extractor_layout
    from cleaner.stories.evidence import dateline

    assume(all(dateline(e) for e in entries))
    text = "\n".join(paragraphs + entries)
    assume(extractor_layout(text) == "dense")
    a = analyze(text)
    above = a.verdicts[len(paragraphs) - 1].story
    listed = [v.story for v in a.verdicts[len(paragraphs):]]
    note(f"stories above {above}, of the entries {listed}, main {a.main}")
    assert all(s == above or s == a.main for s in listed)
