//! Where the story reader (story.rs) reads a document's lines from, and how it holds
//! them: the code points of every line one after another in one buffer (`Texts`), and
//! their UTF-8 for the head patterns likewise, so that reading a document costs a few
//! allocations, not a few per line.

use crate::text::FxMap;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyStringData, PyTuple};

/// Texts one after another: text `i` is `cps[at[i]..at[i + 1]]`.
pub(crate) struct Texts {
    pub cps: Vec<u32>,
    at: Vec<usize>,
}

impl Texts {
    pub fn with_capacity(texts: usize, cps: usize) -> Self {
        let mut at = Vec::with_capacity(texts + 1);
        at.push(0);
        Texts { cps: Vec::with_capacity(cps), at }
    }

    pub fn len(&self) -> usize {
        self.at.len() - 1
    }

    pub fn get(&self, i: usize) -> &[u32] {
        &self.cps[self.at[i]..self.at[i + 1]]
    }

    /// Ends the text written onto `cps` since the last one ended.
    pub fn close(&mut self) {
        self.at.push(self.cps.len());
    }

    /// The text written onto `cps` since the last one ended (not closed yet).
    pub fn open(&self) -> &[u32] {
        &self.cps[self.at[self.at.len() - 1]..]
    }

    /// Drops the text written since the last one ended.
    pub fn discard(&mut self) {
        self.cps.truncate(self.at[self.at.len() - 1]);
    }

    /// Every text as UTF-8, one after another, and where each ends (a lone surrogate,
    /// which no head pattern matches, becomes one U+FFFD, so that counts of characters
    /// stay).
    pub fn utf8(&self) -> (String, Vec<usize>) {
        let mut out = String::with_capacity(self.cps.len());
        let mut ends = Vec::with_capacity(self.len());
        for i in 0..self.len() {
            let text = self.get(i);
            if text.iter().all(|&c| c < 128) {
                // SAFETY: ASCII bytes are UTF-8.
                unsafe { out.as_mut_vec() }.extend(text.iter().map(|&c| c as u8));
            } else {
                out.extend(text.iter().map(|&c| char::from_u32(c).unwrap_or('\u{fffd}')));
            }
            ends.push(out.len());
        }
        (out, ends)
    }
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
    pub fn new(py: Python<'py>, lines: &Bound<'py, PyAny>, columns: Option<&Bound<'py, PyTuple>>) -> PyResult<Self> {
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

    pub fn len(&self) -> usize {
        match self {
            Source::Columns { starts, .. } => starts.len(),
            Source::Lines(lines) => lines.len(),
        }
    }

    /// The code points of every line's normalised text.
    pub fn texts(&self) -> PyResult<Texts> {
        let n = self.len();
        let size = match self {
            Source::Columns { source, .. } => source.len()?,
            Source::Lines(_) => 0,
        };
        let mut out = Texts::with_capacity(n, size);
        // SAFETY: the source is alive for the borrow and immutable; nothing here calls
        // back into Python while its data is read.
        let data = match self {
            Source::Columns { source, .. } => Some(unsafe { source.data()? }),
            Source::Lines(_) => None,
        };
        for i in 0..n {
            self.onto(data.as_ref(), i, false, &mut out.cps)?;
            out.close();
        }
        Ok(out)
    }

    /// The code points of line `i`'s raw text.
    pub fn raw(&self, i: usize) -> PyResult<Vec<u32>> {
        let mut out = Vec::new();
        // SAFETY: as in `texts`.
        let data = match self {
            Source::Columns { source, .. } => Some(unsafe { source.data()? }),
            Source::Lines(_) => None,
        };
        self.onto(data.as_ref(), i, true, &mut out)?;
        Ok(out)
    }

    /// Appends the code points of line `i`'s normalised text (`raw`: of its raw text) to
    /// `out` (`data`: the source's, for columns).
    fn onto(&self, data: Option<&PyStringData<'_>>, i: usize, raw: bool, out: &mut Vec<u32>) -> PyResult<()> {
        match (self, data) {
            (Source::Columns { starts, ends, text_starts, text_ends, changed, .. }, Some(data)) => {
                if let (false, Some(text)) = (raw, changed.get(&i)) {
                    out.extend(crate::codepoints(text)?);
                    return Ok(());
                }
                let (a, b) = if raw { (starts[i], ends[i]) } else { (text_starts[i], text_ends[i]) };
                if crate::codepoints_onto(data, a, b, out) {
                    Ok(())
                } else {
                    Err(crate::err("a line outside the source".into()))
                }
            }
            (Source::Lines(lines), _) => {
                out.extend(crate::codepoints(lines[i].get_item(if raw { 3 } else { 4 })?.downcast::<PyString>()?)?);
                Ok(())
            }
            (Source::Columns { .. }, None) => Err(crate::err("no source to read".into())),
        }
    }
}
