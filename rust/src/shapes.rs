//! The shape of each line of a document, read by the later stages of `cleaner` in one
//! pass over its lines (`cleaner.features.shapes`): is it text at all, could it be a menu
//! item (`cleaner.extracted.extraction_layout`), is it a paragraph of a script written
//! without spaces or by its count of words, does it open with a list bullet
//! (`cleaner.smooth`).  Every test has the semantics of the Python it replaced.

use crate::lines::{LineTexts, StoredLines};
use crate::text::{in_ranges, is_decimal, is_space, with_units};
use crate::tables;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyStringData};

/// Bits of a line's shape (`cleaner.features` names them).
pub const TEXT: u8 = 1;
pub const TINY: u8 = 2;
pub const CJK_PARAGRAPH: u8 = 4;
pub const WORDY: u8 = 8;
pub const LIST_ITEM: u8 = 16;

/// The thresholds and character sets of the shapes (`Options` fields, compared as Python
/// compares them; the sets as `cleaner.features` defines them).
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub struct ShapeParams {
    tiny_words: f64,
    cjk_short: f64,
    cjk_paragraph: f64,
    paragraph_words: f64,
    cjk: Vec<(u32, u32)>,
    list_marks: String,
}

/// The parameters ready for use: the ranges sorted, where the first begins, the marks as
/// code points.
struct Shaper {
    p: ShapeParams,
    cjk_from: u32,
    marks: Vec<u32>,
}

impl Shaper {
    fn new(mut p: ShapeParams) -> Shaper {
        p.cjk.sort_unstable();
        let cjk_from = p.cjk.first().map_or(u32::MAX, |r| r.0);
        let marks = p.list_marks.chars().map(|c| c as u32).collect();
        Shaper { p, cjk_from, marks }
    }
}

/// `str.isdigit` of one character.
pub fn is_digit(c: u32) -> bool {
    if c < 0x80 {
        (0x30..=0x39).contains(&c)
    } else {
        in_ranges(&tables::DIGIT, c)
    }
}

/// Python's `re.match(rf"\s*(?:[{marks}]|\d{1,2}[.)])\s", text)`.
fn list_item<T: Copy + Into<u32>>(text: &[T], marks: &[u32]) -> bool {
    let at = |i: usize| text.get(i).map(|&c| c.into());
    let mut i = text.iter().take_while(|&&c| is_space(c.into())).count();
    let Some(c) = at(i) else { return false };
    if marks.contains(&c) {
        i += 1;
    } else {
        let digits = text[i..].iter().take(2).take_while(|&&c| is_decimal(c.into())).count();
        if digits == 0 || !matches!(at(i + digits), Some(0x2e | 0x29)) {
            return false;
        }
        i += digits + 1;
    }
    at(i).is_some_and(is_space)
}

/// The shape bits of one normalised line.
fn shape<T: Copy + Into<u32>>(text: &[T], s: &Shaper) -> u8 {
    let p = &s.p;
    if text.is_empty() {
        return 0;
    }
    let mut tokens = 0usize;
    let (mut cjk, mut digit, mut in_token) = (0usize, false, false);
    for &c in text {
        let c: u32 = c.into();
        if is_space(c) {
            in_token = false;
        } else {
            if !in_token {
                tokens += 1;
            }
            in_token = true;
            digit = digit || is_digit(c);
            cjk += (c >= s.cjk_from && in_ranges(&p.cjk, c)) as usize;
        }
    }
    let (tokens, cjk) = (tokens as f64, cjk as f64);
    let mut bits = TEXT;
    if tokens <= p.tiny_words && cjk < p.cjk_short && !digit {
        bits |= TINY;
    }
    if cjk >= p.cjk_paragraph {
        bits |= CJK_PARAGRAPH;
    }
    if tokens >= p.paragraph_words {
        bits |= WORDY;
    }
    if list_item(text, &s.marks) {
        bits |= LIST_ITEM;
    }
    bits
}

/// The shape bits of one Python string.
fn shape_of(text: &Bound<'_, PyString>, s: &Shaper) -> PyResult<u8> {
    // SAFETY: the string is alive for the borrow and immutable; nothing here calls back
    // into Python while its data is read.
    Ok(match unsafe { text.data()? } {
        PyStringData::Ucs1(b) => shape(b, s),
        PyStringData::Ucs2(w) => shape(w, s),
        PyStringData::Ucs4(d) => shape(d, s),
    })
}

/// One byte of shape bits per line of ``texts`` (normalised texts).
#[pyfunction]
pub fn shapes<'py>(py: Python<'py>, texts: &Bound<'py, PyList>, params: ShapeParams) -> PyResult<Bound<'py, PyBytes>> {
    let shaper = Shaper::new(params);
    let mut out = Vec::with_capacity(texts.len());
    for item in texts.iter() {
        out.push(shape_of(&item.downcast_into::<PyString>()?, &shaper)?);
    }
    Ok(PyBytes::new(py, &out))
}

/// `shapes` of the lines of a source as `cleaner.storage.Lines` holds them
/// (`Lines.columns`), without a string per line (`crate::lines::LineTexts`).
#[pyfunction]
pub fn line_shapes<'py>(py: Python<'py>, lines: StoredLines<'py>, params: ShapeParams) -> PyResult<Bound<'py, PyBytes>> {
    let shaper = Shaper::new(params);
    let lines = LineTexts::new(&lines)?;
    let mut out = Vec::with_capacity(lines.len());
    for i in 0..lines.len() {
        out.push(with_units!(PyStringData, lines.data(i)?, s => shape(s, &shaper)));
    }
    Ok(PyBytes::new(py, &out))
}
