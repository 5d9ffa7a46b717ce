//! Stage 1 of `cleaner.classify` over a whole document in one call: every line's
//! features, its feature-rule decision (the rules of `cleaner.classify.RULES` after the
//! catalogue's), and the catalogue rules that pass the gates (`crate::gates`), run in
//! order (`run_patterns`: in the `regex` crate, or with the rule's own `regex` pattern
//! called from here): the first that fires replaces the feature decision.

use crate::features::{measure, Measured};
use crate::gates::{Gates, Scratch};
use crate::lang;
use crate::lines::{LineTexts, StoredLines};
use crate::text::{casefold_utf8, hash_bytes, with_units, FxMap, WordBuffers};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyStringData, PyTuple, PyType};
use std::collections::hash_map::Entry;
use std::sync::Arc;

/// List bullets and dashes stripped from a line's start (`cleaner.features.strip_bullet`).
pub const BULLET_CHARS: &str = " •·*▪►▸‣◦●○■□–-—";

/// The thresholds of the feature rules (`cleaner.options.Options` fields, numbers as
/// floats: they are compared as Python compares them), and those shown in reasons as
/// Python writes them.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub struct Params {
    prose_min_words: f64,
    prose_min_words_text: String,
    stopword_density: f64,
    stopword_density_text: String,
    own_language_share: f64,
    own_language_ratio: f64,
    own_language_min_words: f64,
    duplicate_min_words: f64,
    duplicate_enabled: bool,
    url_words: f64,
    digits_min_ratio: f64,
    digits_min_ratio_text: String,
    digits_max_words: f64,
    unpunctuated_prose_factor: f64,
    sentence_min_words: f64,
    heading_max_words: f64,
    heading_max_digits: f64,
    /// `Options.regex_timeout`, handed to the `regex` module's runs.
    regex_timeout: Option<f64>,
}

/// What the feature rules decided: keep, rule id, category, reason.
pub type Decided = (bool, &'static str, &'static str, String);

/// The feature rule that decided, with the figures its reason shows (floats by their
/// bits: none is a NaN): the reason is written only for the first line of a document
/// with each (`Fired::decided`).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Fired {
    Duplicate { first: usize },
    Urls { urls: usize, words: usize },
    Digits { ratio: u64 },
    LowStopwords { density: u64, words: usize },
    Prose { words: usize, density: u64 },
    NoPunctuation { words: usize },
    Sentence { words: usize, density: u64 },
    Heading { words: usize },
    Short { words: usize },
}

impl Fired {
    /// Keep, rule id, category and reason (the thresholds shown as Python writes them).
    fn decided(self, p: &Params) -> Decided {
        let f = f64::from_bits;
        match self {
            Fired::Duplicate { first } => {
                (false, "feature.duplicate", "duplicate", format!("repeats line {}", first + 1))
            }
            Fired::Urls { urls, words } => {
                (false, "feature.urls", "boilerplate", format!("{urls} URLs/handles in {words} words"))
            }
            Fired::Digits { ratio } => {
                let reason = format!("digit ratio {:.2} > {}", f(ratio), p.digits_min_ratio_text);
                (false, "feature.digits", "boilerplate", reason)
            }
            Fired::LowStopwords { density, words } => {
                let reason = format!("stopword density {:.2} < {} ({words} words)", f(density), p.stopword_density_text);
                (false, "feature.low_stopwords", "boilerplate", reason)
            }
            Fired::Prose { words, density } => {
                (true, "feature.prose", "body", format!("{words} words, stopword density {:.2}", f(density)))
            }
            Fired::NoPunctuation { words } => (
                false,
                "feature.no_punctuation",
                "boilerplate",
                format!("{words} words without sentence punctuation"),
            ),
            Fired::Sentence { words, density } => {
                let reason = format!("{words}-word sentence, stopword density {:.2}", f(density));
                (true, "feature.sentence", "body", reason)
            }
            Fired::Heading { words } => {
                (false, "feature.heading", "boilerplate", format!("{words} words, no end punctuation"))
            }
            Fired::Short { words } => {
                (false, "feature.short", "boilerplate", format!("{words} words < {}", p.prose_min_words_text))
            }
        }
    }
}

/// `cleaner.classify.is_heading_like`.
fn heading_like(f: &Measured, p: &Params) -> bool {
    let (words, _, terminal, _, _, digit_ratio, urls) = *f;
    1 <= words
        && words as f64 <= p.heading_max_words
        && !terminal
        && urls == 0
        && digit_ratio < p.heading_max_digits
}

/// The feature rules of `cleaner.classify.RULES`, in order.  ``first``: the index of
/// the first line with the same case-folded text; ``judged``: does stopword density judge
/// this line (asked only when a rule reads it).
fn decide(
    f: &Measured,
    index: usize,
    first: usize,
    p: &Params,
    judged: &mut dyn FnMut() -> PyResult<bool>,
) -> PyResult<Fired> {
    let (words, density, terminal, _, _, digit_ratio, urls) = *f;
    let w = words as f64;
    if first != index && w >= p.duplicate_min_words && p.duplicate_enabled {
        return Ok(Fired::Duplicate { first });
    }
    if urls > 0 && urls as f64 * p.url_words >= w {
        return Ok(Fired::Urls { urls, words });
    }
    if digit_ratio > p.digits_min_ratio && w < p.digits_max_words {
        return Ok(Fired::Digits { ratio: digit_ratio.to_bits() });
    }
    let prose_long = w >= p.prose_min_words;
    let sentence_long = terminal && w >= p.sentence_min_words;
    let density_ok = !(prose_long || sentence_long) || !judged()? || density >= p.stopword_density;
    let density = density.to_bits();
    if prose_long {
        if !density_ok {
            return Ok(Fired::LowStopwords { density, words });
        }
        if terminal || w >= p.unpunctuated_prose_factor * p.prose_min_words {
            return Ok(Fired::Prose { words, density });
        }
        return Ok(Fired::NoPunctuation { words });
    }
    if sentence_long && density_ok {
        return Ok(Fired::Sentence { words, density });
    }
    if heading_like(f, p) {
        return Ok(Fired::Heading { words });
    }
    Ok(Fired::Short { words })
}

/// Does stopword density judge the line without asking `cleaner.language.judged_by_letters`?
/// Lower-case ASCII letters (in every Latin stoplist) make half of its letters even if
/// every other character is an unknown letter.
fn mostly_ascii<T: Copy + Into<u32>>(text: &[T]) -> bool {
    let (mut lower, mut upper, mut other) = (0usize, 0usize, 0usize);
    for &c in text {
        match c.into() {
            0x61..=0x7a => lower += 1,
            0x41..=0x5a => upper += 1,
            0x80.. => other += 1,
            _ => {}
        }
    }
    other == 0 || lower * 2 >= lower + upper + other
}

/// What the candidate rules of a line came to (`run_patterns`).
enum Ran {
    /// Rule ``k`` (enabled) is the first that fires.
    Fired(usize),
    /// No enabled candidate fires.
    NoneFired,
    /// The candidates left to Python (from the first the core could not run), in order.
    Left(Vec<usize>),
}

/// Runs the candidate rules of a line (positions, in order), skipping the ``disabled``
/// ones (``disabled[k]``; none when empty), with the `regex` crate (`crate::patterns`)
/// or ``python`` (the rule's own `regex` pattern, `RegexRuns::fires`).  ``body``: the
/// line without its bullets.
fn run_patterns<T: Copy + Into<u32>>(
    gates: &Gates,
    rules: &[usize],
    disabled: &[bool],
    body: &[T],
    text: &mut String,
    python: &mut RegexRuns<'_, '_>,
) -> PyResult<Ran> {
    // ``text``: room for the body as a `str`, kept from line to line
    text.clear();
    text.reserve(body.len());
    for &c in body {
        match char::from_u32(c.into()).filter(|&c| c != '\n') {
            Some(c) => text.push(c),
            None => return Ok(Ran::Left(rules.to_vec())), // a line break or a lone surrogate
        }
    }
    // a character the engines may read differently: the `regex` module decides
    let doubtful = crate::patterns::doubtful(text);
    for (n, &k) in rules.iter().enumerate() {
        if disabled.get(k) == Some(&true) {
            continue;
        }
        let fired = match if doubtful { None } else { gates.fires(k, text) } {
            None => python.fires(gates, k, text)?,
            known => known,
        };
        match fired {
            Some(false) => {}
            Some(true) => return Ok(Ran::Fired(k)),
            None => return Ok(Ran::Left(rules[n..].to_vec())), // no pattern for it here
        }
    }
    Ok(Ran::NoneFired)
}

/// The disabled rules of the matcher of ``language`` (``disabled[k]``), asked of
/// ``disabled_of`` (`cleaner.classify._disabled_positions`) once per document and
/// language (``known``: those asked so far, a few; looked up without a copy of the
/// language's name); empty when no rule is disabled.
fn disabled_rules<'w>(
    known: &'w mut Vec<(Option<String>, Vec<bool>)>,
    disabled_of: Option<&Bound<'_, PyAny>>,
    language: Option<&str>,
) -> PyResult<&'w [bool]> {
    let Some(disabled_of) = disabled_of else {
        return Ok(&[]);
    };
    let k = match known.iter().position(|(l, _)| l.as_deref() == language) {
        Some(k) => k,
        None => {
            let positions: Vec<usize> = disabled_of.call1((language,))?.extract()?;
            let mut bits = vec![false; positions.iter().max().map_or(0, |&k| k + 1)];
            for k in positions {
                bits[k] = true;
            }
            known.push((language.map(str::to_owned), bits));
            known.len() - 1
        }
    };
    Ok(&known[k].1)
}

/// The catalogue rules' own `regex` patterns, run from the core on a line (instead of
/// the line going back to `cleaner.classify`): ``run(language, k)`` gives rule ``k``'s
/// test ``fires(body, timeout)`` (`cleaner.catalogue.Matcher.pattern_fires`, which meets
/// the timeout; asked once per matcher rule: `Gates::python`), called with the
/// line's body and `Options.regex_timeout`.
struct RegexRuns<'a, 'py> {
    py: Python<'py>,
    run: &'a Bound<'py, PyAny>,
    /// The matcher's language (the line's own, or the document's).
    language: Option<&'a str>,
    timeout: Option<f64>,
    /// The line's body as a Python `str`, made when first needed.
    body: Option<Bound<'py, PyString>>,
}

impl RegexRuns<'_, '_> {
    /// Does rule ``k`` of ``gates`` fire on ``text``?  None: ``gates`` has no pattern for it.
    fn fires(&mut self, gates: &Gates, k: usize, text: &str) -> PyResult<Option<bool>> {
        let (py, run, language) = (self.py, self.run, self.language);
        let Some(method) = gates.python(k, || Ok(run.call1((language, k))?.unbind()))? else {
            return Ok(None);
        };
        let body = self.body.get_or_insert_with(|| PyString::new(py, text));
        Ok(Some(method.call1(py, (body.clone(), self.timeout))?.extract(py)?))
    }
}

/// An instance of a named tuple class (`Features`, `Decision`) without a Python call.
fn named<'py>(
    py: Python<'py>,
    ty: &Bound<'py, PyType>,
    items: Vec<PyObject>,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: ``ty`` is a subclass of tuple without extra fields (checked by the caller,
    // `cleaner.classify`); this is what `tuple.__new__(ty, items)` does: allocate with the
    // type's own allocator, then fill every slot.
    unsafe {
        let tp = ty.as_type_ptr();
        let alloc = (*tp).tp_alloc.unwrap_or(pyo3::ffi::PyType_GenericAlloc);
        let obj = alloc(tp, items.len() as pyo3::ffi::Py_ssize_t);
        if obj.is_null() {
            return Err(PyErr::fetch(py));
        }
        for (i, item) in items.into_iter().enumerate() {
            pyo3::ffi::PyTuple_SET_ITEM(obj, i as pyo3::ffi::Py_ssize_t, item.into_ptr());
        }
        Ok(Bound::from_owned_ptr(py, obj))
    }
}

fn features<'py>(
    py: Python<'py>,
    ty: &Bound<'py, PyType>,
    f: &Measured,
) -> PyResult<Bound<'py, PyAny>> {
    let (a, b, c, d, e, g, h) = *f;
    named(
        py,
        ty,
        vec![
            a.into_pyobject(py)?.into_any().unbind(),
            b.into_pyobject(py)?.into_any().unbind(),
            c.into_pyobject(py)?.to_owned().into_any().unbind(),
            d.into_pyobject(py)?.to_owned().into_any().unbind(),
            e.into_pyobject(py)?.into_any().unbind(),
            g.into_pyobject(py)?.into_any().unbind(),
            h.into_pyobject(py)?.into_any().unbind(),
        ],
    )
}

/// The document's types and shared objects, from `cleaner.classify`.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub struct Kinds<'py> {
    features: Bound<'py, PyType>,
    decision: Bound<'py, PyType>,
    empty: Bound<'py, PyAny>,
    blank: Bound<'py, PyAny>,
}

/// The lines seen so far in a document, by the hash of their case-folded text, so that a
/// repeated line is found without holding every line's text: a line's hash leads to the
/// first line that had it, whose text is read again and compared (`Seen::first`).
///
/// It also holds the one object of each distinct `Features` and `Decision` built for the
/// document, so that equal values are one object (a dump of a million short lines holds
/// a few thousand of them).
#[derive(Default)]
struct Seen {
    by_hash: FxMap<u64, usize>,
    /// The lines whose hash an earlier, different line had (the first of each text).
    collided: FxMap<Vec<u8>, usize>,
    features: FxMap<FeatureKey, PyObject>,
    decisions: FxMap<Decided, PyObject>,
    /// The decision of each rule with its figures (and the line's own language).
    fired: FxMap<(Fired, Option<String>), PyObject>,
    /// The decision of each catalogue rule id with the line's word count (and own language).
    matched: FxMap<(String, usize, Option<String>), PyObject>,
}

/// A `Measured` as a key: its floats by their bits (no float here is a NaN or -0.0).
type FeatureKey = (usize, u64, bool, bool, u64, u64, usize);

fn feature_key(f: &Measured) -> FeatureKey {
    let (a, b, c, d, e, g, h) = *f;
    (a, b.to_bits(), c, d, e.to_bits(), g.to_bits(), h)
}

impl Seen {
    /// The index of the first line with the case-folded text ``key`` (``index``: this
    /// line's, recorded when it is the first and ``counts``: a line that does not count
    /// as an earlier line is never recorded); ``key_of(j)``: line j's case-folded text.
    fn first(
        &mut self,
        key: &[u8],
        index: usize,
        counts: bool,
        key_of: &dyn Fn(usize) -> PyResult<Vec<u8>>,
    ) -> PyResult<usize> {
        let h = hash_bytes(key);
        let Some(&j) = self.by_hash.get(&h) else {
            if counts {
                self.by_hash.insert(h, index);
            }
            return Ok(index);
        };
        if j == index || key_of(j)? == key {
            return Ok(j);
        }
        if !counts {
            return Ok(self.collided.get(key).copied().unwrap_or(index));
        }
        Ok(*self.collided.entry(key.to_vec()).or_insert(index))
    }

    /// The document's one `Features` object of the features ``f``.
    #[inline(always)]
    fn features_of<'py>(&mut self, py: Python<'py>, ty: &Bound<'py, PyType>, f: &Measured) -> PyResult<PyObject> {
        Ok(match self.features.entry(feature_key(f)) {
            Entry::Occupied(e) => e.get().clone_ref(py),
            Entry::Vacant(e) => e.insert(features(py, ty, f)?.unbind()).clone_ref(py),
        })
    }

    /// The document's one `Decision` of the feature rule that fired (``fired``, in the
    /// line's own language when not the document's); a ``feature.duplicate`` decision
    /// made here is recorded in ``repeats`` with the line it repeats.
    #[inline(always)]
    fn fired_decision(
        &mut self,
        py: Python<'_>,
        fired: (Fired, Option<String>),
        params: &Params,
        ty: &Bound<'_, PyType>,
        stage: &Bound<'_, PyString>,
        repeats: &Bound<'_, PyDict>,
    ) -> PyResult<PyObject> {
        Ok(match self.fired.entry(fired) {
            Entry::Occupied(e) => e.get().clone_ref(py),
            Entry::Vacant(e) => {
                let (fired, own) = e.key();
                let made = decision(py, &mut self.decisions, fired.decided(params), own, ty, stage)?;
                if let Fired::Duplicate { first } = fired {
                    repeats.set_item(&made, first)?;
                }
                e.insert(made).clone_ref(py)
            }
        })
    }
}

/// `str.casefold` of line i, in UTF-8 (`crate::text::casefold_utf8`).
fn folded(lines: &LineTexts<'_>, i: usize) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    with_units!(PyStringData, lines.data(i)?, s => casefold_utf8(s, &mut out));
    Ok(out)
}

/// What stays the same for every line of a document.
struct Document<'a, 'py> {
    py: Python<'py>,
    lines: &'a LineTexts<'py>,
    language: Option<&'a str>,
    stops: &'a lang::Words,
    params: &'a Params,
    gates: &'a Bound<'py, Gates>,
    judged: &'a Bound<'py, PyAny>,
    gates_for: &'a Bound<'py, PyAny>,
    /// `cleaner.classify._pattern_run` (see `RegexRuns`).
    pattern_run: &'a Bound<'py, PyAny>,
    /// The disabled rules' positions of a language's matcher (`disabled_rules`); None
    /// when no rule is disabled.
    disabled_of: Option<&'a Bound<'py, PyAny>>,
    /// The lines that count as no earlier line for the repeat rule (``feature.duplicate``);
    /// a line past its end counts.
    uncounted: &'a [bool],
}

/// Stage 1 of one line (not blank): its features (None: nothing but bullets), its
/// feature rule with the language it was judged in when not the document's,
/// ``(rules, language)`` when catalogue rules are left to Python (see
/// `classify_lines`), and the (id, category) of the catalogue rule that decides the line
/// when the core found it.
type LineStage = (
    Option<Measured>,
    (Fired, Option<String>),
    Option<(Vec<usize>, Option<String>)>,
    Option<(String, String)>,
);

/// The catalogue's answer for a line: ``(rules, language)`` when its rules are left to
/// Python, and the (id, category) of the rule that decides the line when the core found it.
type Catalogued = (Option<(Vec<usize>, Option<String>)>, Option<(String, String)>);

/// What `classify_line` keeps from line to line: the lines seen, and room for its work
/// (a line's words, its start, its case folding, its candidate rules, its body as a
/// `str`), the disabled rules of each language's matcher, and the catalogue's answer
/// for the first line of each text.
struct Work {
    seen: Seen,
    /// The rules left to Python and the rule that fired, of the first line with each
    /// case-folded text (`Seen::first`; at most `CATALOGUED_LINES`): a line with the same
    /// text meets the same gates and patterns (its own language follows from its text),
    /// so their answer is read here instead of found again.
    catalogued: FxMap<usize, Catalogued>,
    words: WordBuffers,
    start: Vec<u32>,
    gates: Scratch,
    key: Vec<u8>,
    rules: Vec<usize>,
    text: String,
    disabled: Vec<(Option<String>, Vec<bool>)>,
}

fn classify_line<T: Copy + Into<u32>>(
    doc: &Document<'_, '_>,
    work: &mut Work,
    i: usize,
    text: &[T],
) -> PyResult<LineStage> {
    let (py, params) = (doc.py, doc.params);
    let has_stoplist = !doc.stops.is_empty();
    let skip = text
        .iter()
        .take_while(|&&c| BULLET_CHARS.chars().any(|b| b as u32 == c.into()))
        .count();
    let body = &text[skip..];
    let (f, own) = measured(doc, &mut work.words, text, body)?;
    casefold_utf8(text, &mut work.key);
    let counts = !doc.uncounted.get(i).copied().unwrap_or(false);
    let first = work.seen.first(&work.key, i, counts, &|j| folded(doc.lines, j))?;
    let mut judge = || -> PyResult<bool> {
        Ok(own.is_some()
            || has_stoplist && (mostly_ascii(text) || {
                let all: Vec<u32> = text.iter().map(|&c| c.into()).collect();
                doc.judged.call1((crate::py_str(py, &all)?,))?.is_truthy()?
            }))
    };
    let decided = (decide(&f, i, first, params, &mut judge)?, own.clone());
    if body.is_empty() {
        return Ok((None, decided, None, None));
    }
    if first != i {
        // the catalogue's answer for a text an earlier line has, character for character
        if let Some(known) = work.catalogued.get(&first) {
            if same_text(doc.lines, first, text)? {
                let (pending, matched) = known.clone();
                return Ok((Some(f), decided, pending, matched));
            }
        }
    }
    let (pending, matched) = catalogued(doc, work, text, skip, f.0, own)?;
    if first == i && work.catalogued.len() < CATALOGUED_LINES {
        work.catalogued.insert(i, (pending.clone(), matched.clone()));
    }
    Ok((Some(f), decided, pending, matched))
}

/// A line's features (its ``body``: ``text`` less its bullets), measured in the
/// document's language, or in the line's own when it is a sentence (or a line too long
/// to be a teaser cut mid-sentence: `own_language_min_words`) with few of the page's
/// stopwords, much denser in its own (`own_language_ratio`): then with that language's
/// code.
#[inline(always)]
fn measured<T: Copy + Into<u32>>(
    doc: &Document<'_, '_>,
    words: &mut WordBuffers,
    text: &[T],
    body: &[T],
) -> PyResult<(Measured, Option<String>)> {
    let params = doc.params;
    let f = if body.is_empty() {
        (0, 0.0, false, false, 0.0, 0.0, 0)
    } else {
        measure(body, doc.stops, words)
    };
    let sentence_or_paragraph = f.2 || f.0 as f64 > params.own_language_min_words;
    if !doc.stops.is_empty() && sentence_or_paragraph && f.1 < params.stopword_density * params.own_language_share && f.0 as f64 >= params.prose_min_words {
        if let Some(code) = lang::guess(text).map_err(crate::err)? {
            if Some(code.as_str()) != doc.language {
                let theirs = measure(body, &*lang::stoplist(&code).map_err(crate::err)?, words);
                if theirs.1 >= params.stopword_density && theirs.1 >= params.own_language_ratio * f.1 {
                    return Ok((theirs, Some(code)));
                }
            }
        }
    }
    Ok((f, None))
}

/// The catalogue's answer for a line (``text``, its first ``skip`` characters bullets,
/// of ``words`` words, judged in its ``own`` language or the document's): the rules
/// left to Python, with that language, or the (id, category) of the rule that fired.
/// The line's case folding moves from `Work::key` to the gates (see `classify_line`).
#[inline(always)]
fn catalogued<T: Copy + Into<u32>>(
    doc: &Document<'_, '_>,
    work: &mut Work,
    text: &[T],
    skip: usize,
    words: usize,
    own: Option<String>,
) -> PyResult<Catalogued> {
    let (py, params) = (doc.py, doc.params);
    let body = &text[skip..];
    let their_gates;
    let line_gates: &Gates = match &own {
        None => doc.gates.get(),
        Some(code) => {
            their_gates = doc.gates_for.call1((code,))?.downcast_into::<Gates>()?;
            their_gates.get()
        }
    };
    // The gates read the start of the body and its case folding: the line's, less the
    // bullets' (each of `BULLET_CHARS` folds to itself).
    let start = &mut work.start;
    start.clear();
    start.extend(body.iter().take(line_gates.start_chars()).map(|&c| c.into()));
    let key = &mut work.key;
    let body_key = |out: &mut Vec<u8>| {
        // the line's folding moves to the gates' buffer (not copied: a line may be long),
        // and their buffer to `key`, for the next line
        let bullets: usize = text[..skip].iter().map(|&c| char::from_u32(c.into()).map_or(0, char::len_utf8)).sum();
        std::mem::swap(out, key);
        out.drain(..bullets);
        Ok(())
    };
    line_gates.mask(py, start, body_key, words, &mut work.gates)?.members_into(&mut work.rules);
    if work.rules.is_empty() {
        return Ok((None, None));
    }
    let language = own.as_deref().or(doc.language);
    let mut python = RegexRuns { py, run: doc.pattern_run, language, timeout: params.regex_timeout, body: None };
    let disabled = disabled_rules(&mut work.disabled, doc.disabled_of, language)?;
    Ok(match run_patterns(line_gates, &work.rules, disabled, body, &mut work.text, &mut python)? {
        Ran::Fired(k) => match line_gates.rule(k) {
            Some(rule) => (None, Some(rule.clone())),
            None => (Some((vec![k], own)), None), // no id given: Python names it
        },
        Ran::Left(rules) => (Some((rules, own)), None),
        Ran::NoneFired => (None, None),
    })
}

/// Lines of a document whose catalogue answer (`Work::catalogued`) is kept for the lines
/// that repeat them: the first texts of a page's dump (a few hundred lines, a fifth of
/// them repeats), and a small memory on a document of a million distinct lines (4,096
/// raised the peak on 10,000 distinct short lines from 7.5x to 8.8x the input).
const CATALOGUED_LINES: usize = 256;

/// Is line ``j``'s text ``text``, code point for code point?
fn same_text<T: Copy + Into<u32>>(lines: &LineTexts<'_>, j: usize, text: &[T]) -> PyResult<bool> {
    let data = lines.data(j)?;
    Ok(with_units!(PyStringData, data, s => s.len() == text.len()
        && s.iter().zip(text).all(|(&a, &b)| Into::<u32>::into(a) == b.into())))
}

/// The one `Decision` of a document for a catalogue rule (id, category) that fired on a
/// line of ``words`` words (judged in its own language ``own``, when not the
/// document's): the decision `cleaner.classify` builds for a rule Python runs.
fn matched_decision(
    py: Python<'_>,
    made: &mut FxMap<(String, usize, Option<String>), PyObject>,
    (id, category): (String, String),
    words: usize,
    own: &Option<String>,
    ty: &Bound<'_, PyType>,
    stage: &Bound<'_, PyString>,
) -> PyResult<PyObject> {
    Ok(match made.entry((id, words, own.clone())) {
        Entry::Occupied(e) => e.get().clone_ref(py),
        Entry::Vacant(e) => {
            let reason = judged_in(format!("matches {category} pattern ({words} words)"), own);
            let id = PyString::new(py, &e.key().0);
            let d = new_decision(py, ty, false, id, PyString::new(py, &category), reason, stage)?;
            e.insert(d).clone_ref(py)
        }
    })
}

/// ``reason``, with the language the line was judged in (``own``) when not the document's.
fn judged_in(reason: String, own: &Option<String>) -> String {
    match own {
        Some(code) => format!("{reason}; judged as {code}"),
        None => reason,
    }
}

/// A new `Decision` (keep, rule, category, reason, stage).
fn new_decision<'py>(
    py: Python<'py>,
    ty: &Bound<'py, PyType>,
    keep: bool,
    rule: Bound<'py, PyString>,
    category: Bound<'py, PyString>,
    reason: String,
    stage: &Bound<'py, PyString>,
) -> PyResult<PyObject> {
    let items = vec![
        keep.into_pyobject(py)?.to_owned().into_any().unbind(),
        rule.into_any().unbind(),
        category.into_any().unbind(),
        reason.into_pyobject(py)?.into_any().unbind(),
        stage.clone().into_any().unbind(),
    ];
    Ok(named(py, ty, items)?.unbind())
}

/// The one `Decision` of a document for what the feature rules decided (in the line's
/// own language ``own``, when not the document's).
fn decision(
    py: Python<'_>,
    made: &mut FxMap<Decided, PyObject>,
    decided: Decided,
    own: &Option<String>,
    ty: &Bound<'_, PyType>,
    stage: &Bound<'_, PyString>,
) -> PyResult<PyObject> {
    let (keep, rule, category, reason) = decided;
    Ok(match made.entry((keep, rule, category, judged_in(reason, own))) {
        Entry::Occupied(e) => e.get().clone_ref(py),
        Entry::Vacant(e) => {
            let (keep, rule, category, reason) = e.key();
            let (rule, category) = (PyString::intern(py, rule), PyString::intern(py, category));
            let d = new_decision(py, ty, *keep, rule, category, reason.clone(), stage)?;
            e.insert(d).clone_ref(py)
        }
    })
}

/// Stage 1 of every line of a document, read from its source as `cleaner.storage.Lines`
/// holds it (``lines``: `Lines.columns`, the source, the columns of text starts and ends,
/// the ``changed`` texts; `LineTexts`).  ``judged(text)``: `cleaner.language.judged_by_letters`, asked
/// about lines that are not mostly ASCII (`mostly_ascii`); ``gates_for(code)``: the
/// `Gates` of another language's matcher (a sentence in its own language is judged by
/// it); ``pattern_run(language, k)``: the `regex` module's run of rule ``k`` of that
/// language's matcher (`RegexRuns`); ``disabled_of(language)``: the positions of the
/// disabled rules of that language's matcher (None: no rule is disabled; see
/// `disabled_rules`).  Lines are compared in `str.casefold`
/// (`crate::text::casefold_utf8`).  Returns the features and decisions of every line,
/// and ``(index, rules, language)`` for each line the core leaves catalogue rules to
/// Python on: a line with a line break or a lone surrogate (``language``: the line's
/// own, when it is judged in it, else None).  ``uncounted``: the lines that count as no
/// earlier line for the repeat rule, ``feature.duplicate`` (a later line with the same
/// text repeats the first other line that has it; None: every line counts).  Returns too
/// the index of the line each ``feature.duplicate`` decision repeats, in a dict keyed by
/// the decision (the document holds one per line repeated, and per language a repeat is
/// judged in: a million repeats of a line add one entry).
#[pyfunction]
#[pyo3(signature = (lines, language, gates, params, kinds, judged, gates_for, pattern_run, disabled_of, uncounted=None))]
#[allow(clippy::too_many_arguments)]
pub fn classify_lines<'py>(
    py: Python<'py>,
    lines: StoredLines<'py>,
    language: Option<&str>,
    gates: &Bound<'py, Gates>,
    params: Params,
    kinds: Kinds<'py>,
    judged: &Bound<'py, PyAny>,
    gates_for: &Bound<'py, PyAny>,
    pattern_run: &Bound<'py, PyAny>,
    disabled_of: Option<Bound<'py, PyAny>>,
    uncounted: Option<Vec<bool>>,
) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyList>, Bound<'py, PyList>, Bound<'py, PyDict>)> {
    let stops = match language {
        Some(code) => lang::stoplist(code).map_err(crate::err)?,
        None => Arc::new(lang::Words::default()),
    };
    let stage = pyo3::intern!(py, "classify");
    let lines = LineTexts::new(&lines)?;
    let disabled_of = disabled_of.as_ref();
    let doc = Document {
        py,
        lines: &lines,
        language,
        stops: &stops,
        params: &params,
        gates,
        judged,
        gates_for,
        pattern_run,
        disabled_of,
        uncounted: uncounted.as_deref().unwrap_or(&[]),
    };
    let mut work = Work {
        seen: Seen::default(),
        catalogued: FxMap::default(),
        words: WordBuffers::default(),
        start: Vec::new(),
        gates: Gates::scratch(),
        key: Vec::new(),
        rules: Vec::new(),
        text: String::new(),
        disabled: Vec::new(),
    };
    let (feats, decisions, pending) = (PyList::empty(py), PyList::empty(py), PyList::empty(py));
    let repeats = PyDict::new(py);
    for i in 0..lines.len() {
        let data = lines.data(i)?;
        if with_units!(PyStringData, data, s => s.is_empty()) {
            feats.append(&kinds.empty)?;
            decisions.append(&kinds.blank)?;
            continue;
        }
        let (f, decided, rules, matched) = with_units!(PyStringData, data, s => classify_line(&doc, &mut work, i, s))?;
        if let Some((rules, own)) = rules {
            pending.append((i, PyTuple::new(py, rules)?, own))?;
        }
        match f {
            None => feats.append(&kinds.empty)?,
            Some(f) => feats.append(work.seen.features_of(py, &kinds.features, &f)?)?,
        }
        if let (Some(rule), Some(f)) = (matched, f) {
            let (made, own) = (&mut work.seen.matched, &decided.1);
            decisions.append(matched_decision(py, made, rule, f.0, own, &kinds.decision, stage)?)?;
            continue;
        }
        decisions.append(work.seen.fired_decision(py, decided, &params, &kinds.decision, stage, &repeats)?)?;
    }
    Ok((feats, decisions, pending, repeats))
}
