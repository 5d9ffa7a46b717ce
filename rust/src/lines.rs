//! The lines of a document as `cleaner.storage.Lines` holds them (a source and columns of
//! offsets), read in place by the core's passes over every line (`crate::classify`,
//! `crate::shapes`).

use crate::text::FxMap;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyStringData};

/// The normalised text of each line of a document, read from its source as
/// `cleaner.storage.Lines` holds it: line i's is ``source[text_starts[i]:text_ends[i]]``
/// (columns of `i64`), or ``changed[i]``.  A line is read in place, in the string's own
/// code units: no copy of it is made (a line of 20 million characters is not held as
/// 80 MB of code points).
pub struct LineTexts<'py> {
    source: Bound<'py, PyString>,
    starts: Vec<usize>,
    ends: Vec<usize>,
    changed: FxMap<usize, Bound<'py, PyString>>,
}

/// The ``changed`` column of `cleaner.storage.Lines` (line -> its normalised text, where
/// that is no slice of the source) as a map.
pub fn changed_texts<'py>(changed: &Bound<'py, PyDict>) -> PyResult<FxMap<usize, Bound<'py, PyString>>> {
    let mut own = FxMap::default();
    for (k, v) in changed.iter() {
        own.insert(k.extract()?, v.downcast_into::<PyString>()?);
    }
    Ok(own)
}

impl<'py> LineTexts<'py> {
    pub fn new(
        py: Python<'py>,
        source: &Bound<'py, PyString>,
        text_starts: &Bound<'py, PyAny>,
        text_ends: &Bound<'py, PyAny>,
        changed: &Bound<'py, PyDict>,
    ) -> PyResult<Self> {
        let (starts, ends) = (crate::offsets(py, text_starts)?, crate::offsets(py, text_ends)?);
        if starts.len() != ends.len() {
            return Err(crate::err("columns of different lengths".into()));
        }
        Ok(LineTexts { source: source.clone(), starts, ends, changed: changed_texts(changed)? })
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Line i's code units, in place.
    pub fn data(&self, i: usize) -> PyResult<PyStringData<'_>> {
        // SAFETY: the strings are held by `self`, so alive for the borrow, and immutable
        // (Python called meanwhile cannot change a `str`'s data).
        if let Some(own) = self.changed.get(&i) {
            return unsafe { own.data() };
        }
        let (a, b) = (self.starts[i], self.ends[i]);
        crate::slice_in(&unsafe { self.source.data()? }, a, b).ok_or_else(|| crate::err(format!("line {i} outside the source")))
    }
}
