//! `cleaner._core`: the per-document work of `cleaner` in compiled code — cutting a text
//! into lines, the measurements of each line, words, stoplists and the language guess —
//! with the semantics of the Python it replaced (Python's own character classes, in
//! tables.rs) — and stage 1 of the decisions: the feature rules and the catalogue's
//! gates over every line of a document in one call; the shapes of its lines (shapes.rs),
//! the context rules of stage 2 (context.rs), the main text region and the main story's
//! gaps (blocks.rs).  The Python modules `cleaner.segment`, `cleaner.features`,
//! `cleaner.language`, `cleaner.catalogue`, `cleaner.classify`, `cleaner.smooth` and
//! `cleaner.blocks` call it, and the story finder's topic evidence (cohesion.rs, cohesion_words.rs), head
//! evidence (heads.rs) and its reading of a document (story.rs);
//! `cleaner.front.dom` asks it whether a page holds characters XML forbids (page.rs).

mod articles;
mod blocks;
mod cells;
mod classify;
mod context;
mod cohesion;
mod cohesion_words;
mod features;
mod forward;
mod gates;
mod heads;
mod lang;
mod lang_index;
mod lines;
mod page;
mod patterns;
mod shapes;
mod strings;
mod story;
mod story_candidates;
mod story_edged;
mod story_fold;
mod story_series;
mod story_gaps;
mod story_opening;
mod story_source;
mod story_teasers;
mod tables;
mod text;
mod trails;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use std::sync::Arc;

/// The code points of a Python string (lone surrogates included).
pub(crate) fn codepoints(s: &Bound<'_, PyString>) -> PyResult<Vec<u32>> {
    codepoints_head(s, usize::MAX)
}

/// `data[a..b]`, in place (None: the range is outside the string).
pub(crate) fn slice_in<'a>(data: &pyo3::types::PyStringData<'a>, a: usize, b: usize) -> Option<pyo3::types::PyStringData<'a>> {
    use pyo3::types::PyStringData::{Ucs1, Ucs2, Ucs4};
    match *data {
        Ucs1(x) => x.get(a..b).map(Ucs1),
        Ucs2(x) => x.get(a..b).map(Ucs2),
        Ucs4(x) => x.get(a..b).map(Ucs4),
    }
}

/// A copy of code units in their own width.
fn owned(data: pyo3::types::PyStringData<'_>) -> text::Units {
    use pyo3::types::PyStringData::{Ucs1, Ucs2, Ucs4};
    match data {
        Ucs1(x) => text::Units::Ucs1(x.to_vec()),
        Ucs2(x) => text::Units::Ucs2(x.to_vec()),
        Ucs4(x) => text::Units::Ucs4(x.to_vec()),
    }
}

/// The code units of `data[a..b]` in their own width, copied (None: the range is outside
/// the string).
pub(crate) fn units_in(data: &pyo3::types::PyStringData<'_>, a: usize, b: usize) -> Option<text::Units> {
    slice_in(data, a, b).map(owned)
}

/// The code units of a Python string in their own width.
pub(crate) fn units(s: &Bound<'_, PyString>) -> PyResult<text::Units> {
    // SAFETY: the string is alive for the borrow, and its data is copied at once.
    Ok(owned(unsafe { s.data()? }))
}

/// A Python string in UTF-8 as `text::push_utf8` writes it (a lone surrogate too): what
/// the catalogue's gates compare.
pub(crate) fn utf8_bytes(s: &Bound<'_, PyString>) -> PyResult<Vec<u8>> {
    let mut bytes = Vec::new();
    codepoints(s)?.into_iter().for_each(|c| text::push_utf8(&mut bytes, c));
    Ok(bytes)
}

/// A column of offsets (an `array('q')` of `cleaner.storage.Lines`) as a vector.
pub(crate) fn offsets(py: Python<'_>, column: &Bound<'_, PyAny>) -> PyResult<Vec<usize>> {
    if column.len()? == 0 {
        return Ok(Vec::new()); // (an empty array's buffer may not be aligned)
    }
    Ok(pyo3::buffer::PyBuffer::<i64>::get(column)?.to_vec(py)?.into_iter().map(|x| x as usize).collect())
}

/// The first `limit` code points of a Python string (no copy of the rest).
fn codepoints_head(s: &Bound<'_, PyString>, limit: usize) -> PyResult<Vec<u32>> {
    // SAFETY: the string is alive for the borrow, and its data is copied at once.
    let data = unsafe { s.data()? };
    Ok(match data {
        pyo3::types::PyStringData::Ucs1(b) => b.iter().take(limit).map(|&x| x as u32).collect(),
        pyo3::types::PyStringData::Ucs2(w) => w.iter().take(limit).map(|&x| x as u32).collect(),
        pyo3::types::PyStringData::Ucs4(d) => d[..d.len().min(limit)].to_vec(),
    })
}

/// A code unit of one width of Python string.
pub(crate) trait Unit: Copy + Sized {
    /// The unit of code point `c`, if it fits.
    fn narrow(c: u32) -> Option<Self>;
}

impl Unit for u8 {
    fn narrow(c: u32) -> Option<u8> {
        u8::try_from(c).ok()
    }
}

impl Unit for u16 {
    fn narrow(c: u32) -> Option<u16> {
        u16::try_from(c).ok()
    }
}

impl Unit for u32 {
    fn narrow(c: u32) -> Option<u32> {
        Some(c)
    }
}

/// A Python string of code units of one width: code points when ``T`` is `u32` (lone
/// surrogates passed through as Python has them); CPython narrows it to the least kind
/// that holds its characters.
pub(crate) fn py_str<'py, T: Unit>(py: Python<'py>, units: &[T]) -> PyResult<Bound<'py, PyAny>> {
    let kind = match std::mem::size_of::<T>() {
        1 => pyo3::ffi::PyUnicode_1BYTE_KIND,
        2 => pyo3::ffi::PyUnicode_2BYTE_KIND,
        _ => pyo3::ffi::PyUnicode_4BYTE_KIND,
    };
    // SAFETY: the pointer and length describe `units`, code units of that kind, which
    // CPython copies.
    unsafe {
        let ptr = pyo3::ffi::PyUnicode_FromKindAndData(
            kind as std::os::raw::c_int,
            units.as_ptr() as *const std::os::raw::c_void,
            units.len() as pyo3::ffi::Py_ssize_t,
        );
        Bound::from_owned_ptr_or_err(py, ptr)
    }
}

pub(crate) fn err(e: String) -> PyErr {
    PyRuntimeError::new_err(e)
}

/// Where the stoplists are: jusText's folder, and (code, file stem) of each language in
/// the order that breaks ties; the last ``fallback`` of them are guessed only when no
/// other language is.
#[pyfunction]
#[pyo3(signature = (directory, languages, fallback=0))]
fn configure(directory: String, languages: Vec<(String, String)>, fallback: usize) -> bool {
    lang::configure(directory, languages, fallback)
}

/// The stoplist of an ISO code, lower-cased (empty for a code without one).
#[pyfunction]
fn stoplist<'py>(py: Python<'py>, code: &str) -> PyResult<Bound<'py, PyList>> {
    let words = lang::stoplist(code).map_err(err)?;
    let items = words.iter().map(|w| py_str(py, w)).collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// Every character of every stoplist, lower-cased, in code point order.
#[pyfunction]
fn stoplist_letters(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    py_str(py, &lang::letters().map_err(err)?)
}

/// Lower-cased words of a text.
#[pyfunction]
fn words<'py>(py: Python<'py>, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyList>> {
    let items = text::words(&codepoints(text)?)
        .iter()
        .map(|w| py_str(py, w))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// One line's whitespace normalisation.
#[pyfunction]
fn normalize<'py>(py: Python<'py>, raw: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyAny>> {
    py_str(py, &text::normalize(&codepoints(raw)?))
}

/// Where each line of a text is, without a copy of the text: per line, the offsets of the
/// line and of its normalised text (native-endian `i64`s, four `bytes` objects, one per
/// column: start, end, text start, text end), and a dict {index: text} of the lines whose
/// normalisation is more than stripping their ends (`cleaner.segment.Lines` reads them).
#[pyfunction]
fn segment_columns<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyString>,
) -> PyResult<Bound<'py, PyTuple>> {
    // SAFETY: the string is alive for the borrow and immutable; nothing here calls back
    // into Python while the data is read.
    let data = unsafe { source.data()? };
    let cols = match data {
        pyo3::types::PyStringData::Ucs1(b) => text::line_columns(b),
        pyo3::types::PyStringData::Ucs2(w) => text::line_columns(w),
        pyo3::types::PyStringData::Ucs4(d) => text::line_columns(d),
    };
    let changed = PyDict::new(py);
    for (i, norm) in &cols.changed {
        changed.set_item(*i, py_str(py, norm)?)?;
    }
    let bytes = |v: &[i64]| {
        PyBytes::new(py, &v.iter().flat_map(|x| x.to_ne_bytes()).collect::<Vec<u8>>())
    };
    (bytes(&cols.starts), bytes(&cols.ends), bytes(&cols.text_starts), bytes(&cols.text_ends), changed)
        .into_pyobject(py)
}

/// Does the page hold a character XML forbids (`cleaner.front.dom.parse` removes them)?
#[pyfunction]
fn has_invalid_xml(page: &Bound<'_, PyString>) -> PyResult<bool> {
    // SAFETY: the string is alive for the borrow and immutable; nothing here calls back
    // into Python while the data is read.
    let data = unsafe { page.data()? };
    Ok(match data {
        pyo3::types::PyStringData::Ucs1(b) => page::has_invalid_xml(b),
        pyo3::types::PyStringData::Ucs2(w) => page::has_invalid_xml(w),
        pyo3::types::PyStringData::Ucs4(d) => page::has_invalid_xml(d),
    })
}

/// The seven `Features` fields of a normalised line without its bullets (not empty),
/// with the stopwords of ``language`` (None: none).
#[pyfunction]
#[pyo3(signature = (body, language))]
fn measure<'py>(
    py: Python<'py>,
    body: &Bound<'py, PyString>,
    language: Option<&str>,
) -> PyResult<Bound<'py, PyTuple>> {
    let stops = match language {
        Some(code) => lang::stoplist(code).map_err(err)?,
        None => Arc::new(lang::Words::default()),
    };
    features::measure(&codepoints(body)?, &stops, &mut text::WordBuffers::default()).into_pyobject(py)
}

/// `cleaner.fold.fold_line` of a line whose `str.casefold` is ``folded``: the text the
/// catalogue's gates compare with, or None when no gate may turn the line away.
#[pyfunction]
fn fold_line<'py>(py: Python<'py>, folded: &Bound<'py, PyString>) -> PyResult<Option<Bound<'py, PyAny>>> {
    gates::fold(utf8_bytes(folded)?).map(|f| py_str(py, &text::utf8_points(&f).collect::<Vec<_>>())).transpose()
}

/// The character classes (tables.rs) as (first, last) code point ranges, for the tests
/// that hold them against the running Python.
#[pyfunction]
fn table(name: &str) -> PyResult<Vec<(u32, u32)>> {
    Ok(match name {
        "SPACE" => tables::SPACE.to_vec(),
        "ALPHA" => tables::ALPHA.to_vec(),
        "UPPER" => tables::UPPER.to_vec(),
        "DECIMAL" => tables::DECIMAL.to_vec(),
        "DIGIT" => tables::DIGIT.to_vec(),
        "ALNUM" => tables::ALNUM.to_vec(),
        "NOT_WORD" => tables::NOT_WORD.to_vec(),
        "UNSPACED" => tables::UNSPACED.to_vec(),
        "CASED" => tables::CASED.to_vec(),
        "CASE_IGNORABLE" => tables::CASE_IGNORABLE.to_vec(),
        "NOT_PRINTABLE" => tables::NOT_PRINTABLE.to_vec(),
        "LETTER" => tables::LETTER.to_vec(),
        "MARK" => tables::MARK.to_vec(),
        "CLOSE_PUNCTUATION" => tables::CLOSE_PUNCTUATION.to_vec(),
        "SENTENCE_TERMINAL" => tables::SENTENCE_TERMINAL.to_vec(),
        _ => return Err(PyRuntimeError::new_err(format!("no table {name}"))),
    })
}

/// Where the `regex` crate finds matches of a catalogue pattern in ``text`` (start
/// offsets in characters, as `regex.finditer` gives them), or None when the pattern is
/// left to Python (`crate::patterns`); for the tests that hold the two engines together.
#[pyfunction]
fn pattern_positions(pattern: &str, case_sensitive: bool, text: &str) -> Option<Vec<usize>> {
    // (the crate's whole regex of the translated pattern: `patterns::compile` asks only
    // whether it matches)
    let regex = regex::Regex::new(&patterns::translate(pattern, case_sensitive)?).ok()?;
    let mut offsets = Vec::new();
    let (mut byte, mut chars) = (0, 0);
    for m in regex.find_iter(text) {
        chars += text[byte..m.start()].chars().count();
        byte = m.start();
        offsets.push(chars);
    }
    Some(offsets)
}

/// Whether the `regex` crate finds a catalogue pattern in each text, or None when the
/// pattern is left to Python (`crate::patterns`).
#[pyfunction]
fn pattern_matches(pattern: &str, case_sensitive: bool, texts: Vec<String>) -> Option<Vec<bool>> {
    let regex = patterns::compile(pattern, case_sensitive)?;
    Some(texts.iter().map(|t| regex.is_match(t)).collect())
}

/// Does the text hold a character that leaves the catalogue patterns to Python
/// (`crate::patterns::doubtful`)?
#[pyfunction]
fn doubtful(text: &str) -> bool {
    patterns::doubtful(text)
}

/// A catalogue pattern in the `regex` crate's syntax, or None (`crate::patterns`).
#[pyfunction]
fn translate_pattern(pattern: &str, case_sensitive: bool) -> Option<String> {
    patterns::translate(pattern, case_sensitive)
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("UNICODE_VERSION", tables::UNICODE_VERSION)?;
    m.add("INVISIBLE", text::INVISIBLE)?;
    m.add("MARK_PAIRS", story::MARK_PAIRS)?;
    m.add_function(wrap_pyfunction!(configure, m)?)?;
    m.add_function(wrap_pyfunction!(stoplist, m)?)?;
    m.add_function(wrap_pyfunction!(stoplist_letters, m)?)?;
    m.add_function(wrap_pyfunction!(lang::guess_language, m)?)?;
    m.add_function(wrap_pyfunction!(words, m)?)?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(segment_columns, m)?)?;
    m.add_function(wrap_pyfunction!(has_invalid_xml, m)?)?;
    m.add_function(wrap_pyfunction!(measure, m)?)?;
    m.add_function(wrap_pyfunction!(table, m)?)?;
    m.add_function(wrap_pyfunction!(pattern_positions, m)?)?;
    m.add_function(wrap_pyfunction!(translate_pattern, m)?)?;
    m.add_function(wrap_pyfunction!(doubtful, m)?)?;
    m.add_function(wrap_pyfunction!(pattern_matches, m)?)?;
    m.add_function(wrap_pyfunction!(classify::classify_lines, m)?)?;
    m.add_function(wrap_pyfunction!(fold_line, m)?)?;
    m.add_function(wrap_pyfunction!(shapes::shapes, m)?)?;
    m.add_function(wrap_pyfunction!(shapes::line_shapes, m)?)?;
    m.add_function(wrap_pyfunction!(context::context_lines, m)?)?;
    m.add_function(wrap_pyfunction!(blocks::main_region, m)?)?;
    m.add_function(wrap_pyfunction!(blocks::inside_runs, m)?)?;
    m.add_function(wrap_pyfunction!(blocks::related_lists, m)?)?;
    m.add_function(wrap_pyfunction!(blocks::set_off_lines, m)?)?;
    m.add_function(wrap_pyfunction!(blocks::indent_column, m)?)?;
    m.add_function(wrap_pyfunction!(blocks::line_keys, m)?)?;
    m.add_function(wrap_pyfunction!(cohesion::cohesion_climbs, m)?)?;
    m.add_function(wrap_pyfunction!(trails::distinct, m)?)?;
    m.add_function(wrap_pyfunction!(trails::changed, m)?)?;
    m.add_function(wrap_pyfunction!(articles::kept_lines, m)?)?;
    m.add_function(wrap_pyfunction!(articles::joined, m)?)?;
    m.add_function(wrap_pyfunction!(lines::equal_offsets, m)?)?;
    m.add_class::<gates::Gates>()?;
    m.add_class::<cohesion_words::Stoplist>()?;
    m.add_class::<cohesion::Cohesion>()?;
    m.add_function(wrap_pyfunction!(cohesion_words::content_stems, m)?)?;
    m.add_class::<heads::Heads>()?;
    m.add_class::<story::Story>()?;
    m.add_function(wrap_pyfunction!(story_source::casefold, m)?)?;
    m.add_function(wrap_pyfunction!(story_gaps::boundary_score, m)?)?;
    m.add_function(wrap_pyfunction!(story_edged::edged, m)?)?;
    m.add_function(wrap_pyfunction!(story_candidates::need, m)?)?;
    m.add_function(wrap_pyfunction!(story_candidates::close, m)?)?;
    m.add_function(wrap_pyfunction!(story_teasers::cut_dropped, m)?)?;
    Ok(())
}
