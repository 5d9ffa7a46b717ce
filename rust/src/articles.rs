//! The last step of `cleaner.pipeline.analyze` over a document's lines in one call each:
//! the kept lines of every story and which lines are in the output (`kept_lines`), and
//! the text of a story from the columns of `cleaner.storage.Lines` (`joined`).

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyStringData, PyTuple};

use crate::lines::{LineTexts, StoredLines};
use crate::text::with_units;
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
/// a blank line (or more) between two of them.  The lines are read in place from the
/// columns of `cleaner.storage.Lines` (`crate::lines::LineTexts`); the text is built in
/// the source's own width (a normalised text holds only characters of its line).
#[pyfunction]
pub fn joined<'py>(
    py: Python<'py>,
    lines: StoredLines<'py>,
    positions: Vec<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    if positions.is_empty() {
        return Ok(PyString::new(py, "").into_any());
    }
    let texts = LineTexts::new(&lines)?;
    if let Some(lone) = lone(&texts, &positions) {
        return texts.text(lone); // one line: its text itself (a slice of the source), not a copy of it
    }
    with_units!(PyStringData, texts.source_data()?, s => py_str(py, &join_units(s, &texts, &positions)?))
}

/// The one line of ``positions`` that is not blank, if there is just one.
fn lone(texts: &LineTexts<'_>, positions: &[usize]) -> Option<usize> {
    if positions.iter().any(|&p| p >= texts.len()) {
        return None; // `join_units` refuses it
    }
    let mut nonblank = positions.iter().filter(|&&p| !texts.blank(p));
    match (nonblank.next(), nonblank.next()) {
        (Some(&p), None) => Some(p),
        _ => None,
    }
}

/// `joined` in the code units of the source ``s``.
fn join_units<T: Unit>(s: &[T], texts: &LineTexts<'_>, positions: &[usize]) -> PyResult<Vec<T>> {
    let outside = || crate::err("a line outside the source, or wider than it".into());
    let mut out = Vec::new();
    let mut last: Option<usize> = None; // the line written last
    for &p in positions {
        if p >= texts.len() {
            return Err(outside());
        }
        if texts.blank(p) {
            continue;
        }
        if let Some(q) = last {
            out.push(T::narrow(0x0a).ok_or_else(outside)?);
            if (q + 1..p).any(|j| texts.blank(j)) {
                out.push(T::narrow(0x0a).ok_or_else(outside)?);
            }
        }
        match texts.changed(p) {
            Some(text) => {
                // SAFETY: the string is alive for the borrow and immutable.
                with_units!(PyStringData, unsafe { text.data()? }, u => {
                    for &c in u {
                        out.push(T::narrow(c.into()).ok_or_else(outside)?);
                    }
                });
            }
            None => {
                let (a, b) = texts.span(p);
                out.extend_from_slice(s.get(a..b).ok_or_else(outside)?);
            }
        }
        last = Some(p);
    }
    Ok(out)
}
