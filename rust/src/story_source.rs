//! Where the story finder reads a document's lines from (`Source`): the columns of
//! `cleaner.storage.Lines` (the source string and the offsets of every line, no string
//! per line) or a list of `Line`; a line's text as UTF-8 for the head patterns, whether a
//! line starts in lower case, and `str.casefold` of a text.

use crate::text::{with_units, FxMap, Units};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};
use std::borrow::Cow;

/// `str.casefold` of a text (the story finder compares lines by it).
#[pyfunction]
pub fn casefold<'py>(py: Python<'py>, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyAny>> {
    let mut out = Vec::new();
    crate::story_fold::casefold(&crate::codepoints(text)?, &mut out);
    crate::py_str(py, &out)
}

/// `str.islower` of the first character of a text (false for an empty one).
pub(crate) fn starts_lower(py: Python<'_>, text: &Units) -> PyResult<bool> {
    match text.first() {
        None => Ok(false),
        Some(c) if c < 128 => Ok((b'a'..=b'z').contains(&(c as u8))),
        Some(c) => crate::py_str(py, &[c])?.call_method0(intern!(py, "islower"))?.extract(),
    }
}

/// A text as UTF-8 (a lone surrogate, which no head pattern matches, becomes one U+FFFD,
/// so that counts of characters stay); an ASCII text of one byte per character is
/// borrowed as it is.
pub(crate) fn utf8(text: &Units) -> Cow<'_, str> {
    if let Units::Ucs1(bytes) = text {
        if bytes.is_ascii() {
            // SAFETY: ASCII bytes are UTF-8.
            return Cow::Borrowed(unsafe { std::str::from_utf8_unchecked(bytes) });
        }
    }
    with_units!(Units, text, s => Cow::Owned(crate::text::utf8_string(s)))
}

/// Where a document's lines are read from: the columns of `cleaner.storage.Lines` (the
/// source, the offsets of each line and of its normalised text, the texts normalising
/// changed beyond stripping), or a list of `Line`.
pub(crate) enum Source<'py> {
    Columns {
        source: Bound<'py, PyString>,
        starts: Vec<usize>,
        ends: Vec<usize>,
        text_starts: Vec<usize>,
        text_ends: Vec<usize>,
        changed: FxMap<usize, Bound<'py, PyString>>,
    },
    Lines(Vec<Bound<'py, PyTuple>>),
}

impl<'py> Source<'py> {
    pub(crate) fn new(py: Python<'py>, lines: &Bound<'py, PyAny>, columns: Option<&Bound<'py, PyTuple>>) -> PyResult<Self> {
        let Some(columns) = columns else {
            let lines = lines.try_iter()?.map(|l| Ok(l?.downcast_into::<PyTuple>()?)).collect::<PyResult<_>>()?;
            return Ok(Source::Lines(lines));
        };
        let column = |k: usize| crate::offsets(py, &columns.get_item(k)?);
        let mut changed = FxMap::default();
        for (k, v) in columns.get_item(3)?.downcast::<PyDict>()?.iter() {
            changed.insert(k.extract()?, v.downcast_into::<PyString>()?);
        }
        Ok(Source::Columns {
            source: columns.get_item(0)?.downcast_into::<PyString>()?,
            text_starts: column(1)?,
            text_ends: column(2)?,
            starts: column(4)?,
            ends: column(5)?,
            changed,
        })
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Source::Columns { starts, .. } => starts.len(),
            Source::Lines(lines) => lines.len(),
        }
    }

    /// The code units of line `i`'s normalised text (`raw`: of its raw text).
    pub(crate) fn units(&self, i: usize, raw: bool) -> PyResult<Units> {
        match self {
            Source::Columns { source, starts, ends, text_starts, text_ends, changed } => {
                if let (false, Some(text)) = (raw, changed.get(&i)) {
                    return crate::units(text);
                }
                let (a, b) = if raw { (starts[i], ends[i]) } else { (text_starts[i], text_ends[i]) };
                // SAFETY: the source is alive for the borrow and immutable; its data is
                // copied at once.
                crate::units_in(&unsafe { source.data()? }, a, b)
                    .ok_or_else(|| crate::err("a line outside the source".into()))
            }
            Source::Lines(lines) => crate::units(lines[i].get_item(if raw { 3 } else { 4 })?.downcast::<PyString>()?),
        }
    }
}
