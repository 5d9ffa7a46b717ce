//! The scans of `cleaner.storage.Trails` over a document's lines, by object identity: a
//! stage hands a line its previous decision object when it has nothing new to say, so
//! which objects a list holds, and where a stage's list holds another object than the one
//! before it, is all the trail needs to read per line; the decisions' values are compared
//! in Python, once per distinct object.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

use crate::text::FxMap;

/// The distinct objects of ``items`` in order of first appearance, and per item the
/// number of its object among them (native-endian `u32`s, what `array('I')` reads).
#[pyfunction]
pub fn distinct<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyList>,
) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyBytes>)> {
    let mut number: FxMap<usize, u32> = FxMap::default();
    let firsts = PyList::empty(py);
    let mut of = Vec::with_capacity(items.len() * 4);
    for item in items.iter() {
        let next = number.len() as u32;
        let k = *number.entry(item.as_ptr() as usize).or_insert(next);
        if k == next {
            firsts.append(item)?;
        }
        of.extend_from_slice(&k.to_ne_bytes());
    }
    Ok((firsts, PyBytes::new(py, &of)))
}

/// The positions at which ``after`` holds another object than ``before`` (two lists of
/// the same length), in order.
#[pyfunction]
pub fn changed(after: &Bound<'_, PyList>, before: &Bound<'_, PyList>) -> PyResult<Vec<usize>> {
    if after.len() != before.len() {
        return Err(crate::err(format!(
            "a layer of {} decisions for {} lines",
            after.len(),
            before.len()
        )));
    }
    Ok(after
        .iter()
        .zip(before.iter())
        .enumerate()
        .filter(|(_, (a, b))| !a.is(b))
        .map(|(i, _)| i)
        .collect())
}
