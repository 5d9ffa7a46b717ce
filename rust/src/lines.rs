//! The lines of a document as `cleaner.storage.Lines` holds them (a source and columns of
//! offsets), handed over as one tuple (`StoredLines`) and read in place (`LineTexts`) by
//! the core's passes over every line (`crate::classify`, `crate::shapes`) and by the
//! joining of a story's lines (`crate::articles`).

use crate::text::FxMap;
use pyo3::buffer::{PyBuffer, ReadOnlyCell};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PySlice, PyString, PyStringData};

/// `cleaner.storage.Lines.columns` (`cleaner.storage.columns`): the source, the columns
/// of where each line's normalised text starts and ends in it (`array('q')`), and
/// ``changed``, line -> its normalised text where that is no slice of the source.
#[derive(FromPyObject)]
pub struct StoredLines<'py>(
    pub Bound<'py, PyString>,
    pub Bound<'py, PyAny>,
    pub Bound<'py, PyAny>,
    pub Bound<'py, PyDict>,
);

/// The normalised text of each line of a document (`StoredLines`): line i's is
/// ``source[text_starts[i]:text_ends[i]]``, or ``changed[i]``.  A line is read in place,
/// in the string's own code units, and so are the columns: no copy of either is made (a
/// line of 20 million characters is not held as 80 MB of code points, a million lines
/// not as 16 MB of offsets).
pub struct LineTexts<'py> {
    source: Bound<'py, PyString>,
    starts: Offsets,
    ends: Offsets,
    changed: FxMap<usize, Bound<'py, PyString>>,
}

/// A column of offsets (an `array('q')`), read in place.
struct Offsets {
    /// None: the column is empty (an empty array's buffer may not be aligned).
    buffer: Option<PyBuffer<i64>>,
    len: usize,
}

impl Offsets {
    fn new(column: &Bound<'_, PyAny>) -> PyResult<Offsets> {
        let buffer = match PyBuffer::<i64>::get(column) {
            Ok(buffer) => buffer,
            Err(_) if column.len().is_ok_and(|n| n == 0) => return Ok(Offsets { buffer: None, len: 0 }),
            Err(e) => return Err(e),
        };
        if buffer.dimensions() != 1 || !buffer.is_c_contiguous() {
            return Err(crate::err("a column that is not an array of offsets".into()));
        }
        Ok(Offsets { len: buffer.item_count(), buffer: Some(buffer) })
    }

    /// The offset at ``i`` (below `len`).
    #[inline]
    fn at(&self, i: usize) -> usize {
        match &self.buffer {
            // SAFETY: `new` found the buffer one-dimensional and C-contiguous, of `len`
            // aligned `i64`s (`PyBuffer::get` checks the item and the alignment), and
            // ``i < len``; the buffer is held (an array cannot be resized while it is
            // exported) and read with the GIL held, as `PyBuffer::as_slice` reads it.
            Some(b) if i < self.len => unsafe { (*(b.buf_ptr() as *const ReadOnlyCell<i64>).add(i)).get() as usize },
            _ => usize::MAX,
        }
    }
}

/// `cleaner.storage.Lines.raw_blanks`: at how many positions two columns of offsets
/// (`array('q')`, read in place) hold the same offset, up to the shorter one's end (a
/// line that ends where it starts is empty in the source).
#[pyfunction]
pub fn equal_offsets(starts: &Bound<'_, PyAny>, ends: &Bound<'_, PyAny>) -> PyResult<usize> {
    let (a, b) = (Offsets::new(starts)?, Offsets::new(ends)?);
    Ok((0..a.len.min(b.len)).filter(|&i| a.at(i) == b.at(i)).count())
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
    pub fn new(lines: &StoredLines<'py>) -> PyResult<Self> {
        let StoredLines(source, text_starts, text_ends, changed) = lines;
        let (starts, ends) = (Offsets::new(text_starts)?, Offsets::new(text_ends)?);
        if starts.len != ends.len {
            return Err(crate::err("columns of different lengths".into()));
        }
        Ok(LineTexts { source: source.clone(), starts, ends, changed: changed_texts(changed)? })
    }

    pub fn len(&self) -> usize {
        self.starts.len
    }

    /// Line i's code units, in place.
    pub fn data(&self, i: usize) -> PyResult<PyStringData<'_>> {
        // SAFETY: the strings are held by `self`, so alive for the borrow, and immutable
        // (Python called meanwhile cannot change a `str`'s data).
        if let Some(own) = self.changed.get(&i) {
            return unsafe { own.data() };
        }
        let (a, b) = (self.starts.at(i), self.ends.at(i));
        crate::slice_in(&self.source_data()?, a, b).ok_or_else(|| crate::err(format!("line {i} outside the source")))
    }

    /// The source's code units, in place.
    pub fn source_data(&self) -> PyResult<PyStringData<'_>> {
        // SAFETY: the source is held by `self`, so alive for the borrow, and immutable.
        unsafe { self.source.data() }
    }

    /// Line i's normalised text where it is no slice of the source (``changed``).
    #[inline]
    pub fn changed(&self, i: usize) -> Option<&Bound<'py, PyString>> {
        self.changed.get(&i)
    }

    /// Where line i's normalised text starts and ends in the source (read where
    /// `changed` has none; below `len`).
    #[inline]
    pub fn span(&self, i: usize) -> (usize, usize) {
        (self.starts.at(i), self.ends.at(i))
    }

    /// Is line i's normalised text empty (below `len`)?
    #[inline]
    pub fn blank(&self, i: usize) -> bool {
        match self.changed(i) {
            Some(text) => text.len().is_ok_and(|n| n == 0),
            None => self.starts.at(i) >= self.ends.at(i),
        }
    }

    /// Line i's normalised text as a string: its own, or the slice of the source (below
    /// `len`).
    pub fn text(&self, i: usize) -> PyResult<Bound<'py, PyAny>> {
        if let Some(own) = self.changed(i) {
            return Ok(own.clone().into_any());
        }
        let (a, b) = self.span(i);
        self.source.as_any().get_item(PySlice::new(self.source.py(), a as isize, b as isize, 1))
    }
}
