//! The last step of `cleaner.pipeline.analyze` over a document's lines in one call each:
//! the kept lines of every story and which lines are in the output (`kept_lines`), and
//! the text of a story from the columns of `cleaner.storage.Lines` (`joined`).

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyStringData, PyTuple};

use crate::text::{with_units, FxMap};

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
    let mut order: FxMap<usize, usize> = FxMap::default();
    let mut kept: Vec<Vec<usize>> = Vec::new();
    for (i, (d, s)) in decisions.iter().zip(story_of.iter()).enumerate() {
        if !d.downcast::<PyTuple>()?.get_item(0)?.is_truthy()? {
            continue;
        }
        let Some(s) = s.extract::<Option<usize>>()? else { continue };
        outputs[i] = (Some(s) == main) as u8;
        if s < stories {
            let next = kept.len();
            let k = *order.entry(s).or_insert(next);
            if k == next {
                kept.push(Vec::new());
            }
            kept[k].push(i);
        }
    }
    let out = PyDict::new(py);
    let mut firsts: Vec<(usize, usize)> = order.into_iter().collect();
    firsts.sort_unstable_by_key(|&(_, k)| k);
    for (s, k) in firsts {
        out.set_item(s, PyList::new(py, &kept[k])?)?;
    }
    Ok((out, PyBytes::new(py, &outputs)))
}

/// The lines at ``positions`` (in order) joined as `cleaner.types.join_lines` joins a
/// story's kept lines: each non-blank one on a line, one empty line where the source has
/// a blank line (or more) between two of them.  The lines are read from the columns of
/// `cleaner.storage.Lines`: the source, where each normalised text starts and ends in it,
/// and the texts that are not slices of it (``changed``).
#[pyfunction]
pub fn joined<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyString>,
    text_starts: &Bound<'py, PyAny>,
    text_ends: &Bound<'py, PyAny>,
    changed: &Bound<'py, PyDict>,
    positions: Vec<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let (starts, ends) = (crate::offsets(py, text_starts)?, crate::offsets(py, text_ends)?);
    let mut other: FxMap<usize, Vec<u32>> = FxMap::default();
    for (k, v) in changed.iter() {
        other.insert(k.extract()?, crate::codepoints(v.downcast::<PyString>()?)?);
    }
    let outside = || crate::err("a line outside the source".into());
    let blank = |j: usize| match other.get(&j) {
        Some(text) => text.is_empty(),
        None => starts[j] >= ends[j],
    };
    // SAFETY: the source is alive for the borrow and immutable; nothing here calls back
    // into Python while its data is read.
    let data = unsafe { source.data()? };
    let mut out: Vec<u32> = Vec::new();
    let mut last: Option<usize> = None; // the line written last
    for &p in &positions {
        if p >= starts.len() || p >= ends.len() {
            return Err(outside());
        }
        if blank(p) {
            continue;
        }
        if let Some(q) = last {
            out.push(0x0a);
            if p > q + 1 && (q + 1..p).any(blank) {
                out.push(0x0a);
            }
        }
        match other.get(&p) {
            Some(text) => out.extend_from_slice(text),
            None => with_units!(PyStringData, data, s => {
                let line = s.get(starts[p]..ends[p]).ok_or_else(outside)?;
                out.extend(line.iter().map(|&c| u32::from(c)));
            }),
        }
        last = Some(p);
    }
    crate::py_str(py, &out)
}
