//! The last step of `cleaner.pipeline.analyze` over a document's lines in one call each:
//! the kept lines of every story and which lines are in the output (`kept_lines`), and
//! the text of a story from the columns of `cleaner.storage.Lines` (`joined`).

use pyo3::buffer::{PyBuffer, ReadOnlyCell};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PySlice, PyString, PyStringData, PyTuple};

use crate::lines::StoredLines;
use crate::text::{with_units, FxMap};
use crate::{py_str, Unit};

/// Per story (below ``stories``) that has any, the indices of its kept lines (a decision
/// whose first field, ``keep``, is true), in a dict in order of each story's first kept
/// line; and per line a byte: 1 if it is kept and of the story ``main`` (None: no line).
#[pyfunction]
#[pyo3(signature = (decisions, story_of, stories, main))]
pub fn kept_lines<'py>(
    py: Python<'py>,
    decisions: &Bound<'py, PyList>,
    story_of: &Bound<'py, PyList>,
    stories: usize,
    main: Option<usize>,
) -> PyResult<(Bound<'py, PyDict>, Bound<'py, PyBytes>)> {
    if decisions.len() != story_of.len() {
        return Err(crate::err(format!("{} decisions for {} lines", decisions.len(), story_of.len())));
    }
    let mut outputs = vec![0u8; decisions.len()];
    let mut slot: Vec<Option<usize>> = vec![None; stories]; // per story, its place in `kept`
    let mut kept: Vec<(usize, Vec<usize>)> = Vec::new(); // in the order the stories are met
    for (i, (d, s)) in decisions.iter().zip(story_of.iter()).enumerate() {
        if !d.downcast::<PyTuple>()?.get_item(0)?.is_truthy()? {
            continue;
        }
        let Some(s) = s.extract::<Option<usize>>()? else { continue };
        outputs[i] = (Some(s) == main) as u8;
        if s < stories {
            let k = *slot[s].get_or_insert_with(|| {
                kept.push((s, Vec::new()));
                kept.len() - 1
            });
            kept[k].1.push(i);
        }
    }
    let out = PyDict::new(py);
    for (s, lines) in &kept {
        out.set_item(s, PyList::new(py, lines)?)?;
    }
    Ok((out, PyBytes::new(py, &outputs)))
}

/// The lines at ``positions`` (in order) joined as `cleaner.types.join_lines` joins a
/// story's kept lines: each non-blank one on a line, one empty line where the source has
/// a blank line (or more) between two of them.  The lines are read from the columns of
/// `cleaner.storage.Lines`: the source, where each normalised text starts and ends in it,
/// and the texts that are not slices of it (``changed``); the text is built in the
/// source's own width (a normalised text holds only characters of its line).
#[pyfunction]
pub fn joined<'py>(
    py: Python<'py>,
    lines: StoredLines<'py>,
    positions: Vec<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let StoredLines(source, text_starts, text_ends, changed) = &lines;
    let outside = || crate::err("columns that are not arrays of offsets".into());
    if positions.is_empty() {
        return Ok(PyString::new(py, "").into_any());
    }
    let (starts, ends) = (PyBuffer::<i64>::get(text_starts)?, PyBuffer::<i64>::get(text_ends)?);
    let (starts, ends) = (
        starts.as_slice(py).ok_or_else(outside)?,
        ends.as_slice(py).ok_or_else(outside)?,
    );
    let other = crate::lines::changed_texts(changed)?;
    // SAFETY: the source is alive for the borrow and immutable; nothing here calls back
    // into Python while its data is read.
    let data = unsafe { source.data()? };
    let columns = Columns { starts, ends, other: &other };
    if let Some(lone) = columns.lone(&positions) {
        // one line: its text itself (a slice of the source), not a copy of it
        return match (lone, other.get(&lone)) {
            (_, Some(text)) => Ok(text.clone().into_any()),
            (p, None) => {
                let (a, b) = (starts[p].get() as isize, ends[p].get() as isize);
                source.as_any().get_item(PySlice::new(py, a, b, 1))
            }
        };
    }
    with_units!(PyStringData, data, s => py_str(py, &join_units(s, &columns, &positions)?))
}

/// Where the normalised text of each line is (`joined`).
struct Columns<'a, 'py> {
    starts: &'a [ReadOnlyCell<i64>],
    ends: &'a [ReadOnlyCell<i64>],
    other: &'a FxMap<usize, Bound<'py, PyString>>,
}

impl Columns<'_, '_> {
    /// The one line of ``positions`` that is not blank, if there is just one.
    fn lone(&self, positions: &[usize]) -> Option<usize> {
        let n = self.starts.len().min(self.ends.len());
        if positions.iter().any(|&p| p >= n) {
            return None; // `join_units` refuses it
        }
        let mut texts = positions.iter().filter(|&&p| !self.blank(p));
        match (texts.next(), texts.next()) {
            (Some(&p), None) => Some(p),
            _ => None,
        }
    }

    fn blank(&self, j: usize) -> bool {
        match self.other.get(&j) {
            Some(text) => text.len().is_ok_and(|n| n == 0),
            None => self.starts[j].get() >= self.ends[j].get(),
        }
    }
}

/// `joined` in the code units of the source.
fn join_units<T: Unit>(s: &[T], columns: &Columns<'_, '_>, positions: &[usize]) -> PyResult<Vec<T>> {
    let outside = || crate::err("a line outside the source, or wider than it".into());
    let mut out = Vec::new();
    let mut last: Option<usize> = None; // the line written last
    for &p in positions {
        if p >= columns.starts.len() || p >= columns.ends.len() {
            return Err(outside());
        }
        if columns.blank(p) {
            continue;
        }
        if let Some(q) = last {
            out.push(T::narrow(0x0a).ok_or_else(outside)?);
            if (q + 1..p).any(|j| columns.blank(j)) {
                out.push(T::narrow(0x0a).ok_or_else(outside)?);
            }
        }
        match columns.other.get(&p) {
            Some(text) => {
                // SAFETY: the string is alive for the borrow and immutable.
                with_units!(PyStringData, unsafe { text.data()? }, u => {
                    for &c in u {
                        out.push(T::narrow(c.into()).ok_or_else(outside)?);
                    }
                });
            }
            None => {
                let (a, b) = (columns.starts[p].get(), columns.ends[p].get());
                let (a, b) = (usize::try_from(a).map_err(|_| outside())?, usize::try_from(b).map_err(|_| outside())?);
                out.extend_from_slice(s.get(a..b).ok_or_else(outside)?);
            }
        }
        last = Some(p);
    }
    Ok(out)
}
