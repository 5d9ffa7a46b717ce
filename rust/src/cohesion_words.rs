//! The content words of the story finder's topic evidence: runs of letters
//! (``\p{L}[\p{L}\p{M}'’-]*``) of three characters or more read from a text's
//! `str.lower`, not in the stoplist from Python (`Stoplist`), each cut to its stem (first
//! six characters).  `cohesion.rs` counts them in windows; no word list lives here.

use crate::tables;
use crate::text::{in_ranges, lower, lower_table, with_units, FxSet};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyStringData};
use std::sync::OnceLock;

/// The Basic Multilingual Plane's letters and the characters a word goes on with, one bit
/// each (built once from the tables).
struct Plane {
    letter: Vec<u64>,
    goes_on: Vec<u64>,
}

fn plane() -> &'static Plane {
    static PLANE: OnceLock<Plane> = OnceLock::new();
    PLANE.get_or_init(|| {
        let (mut letter, mut goes_on) = (vec![0u64; 1024], vec![0u64; 1024]);
        for c in 0..0x10000u32 {
            let l = in_ranges(&tables::LETTER, c);
            let g = l || matches!(c, 0x27 | 0x2019 | 0x2d) || in_ranges(&tables::MARK, c);
            letter[(c >> 6) as usize] |= (l as u64) << (c & 63);
            goes_on[(c >> 6) as usize] |= (g as u64) << (c & 63);
        }
        Plane { letter, goes_on }
    })
}

impl Plane {
    /// `\p{L}` of the `regex` module.
    #[inline]
    fn letter(&self, c: u32) -> bool {
        if c < 0x10000 {
            self.letter[(c >> 6) as usize] >> (c & 63) & 1 == 1
        } else {
            in_ranges(&tables::LETTER, c)
        }
    }

    /// `[\p{L}\p{M}'’-]`: what a content word goes on with.
    #[inline]
    fn goes_on(&self, c: u32) -> bool {
        if c < 0x10000 {
            self.goes_on[(c >> 6) as usize] >> (c & 63) & 1 == 1
        } else {
            in_ranges(&tables::LETTER, c) || in_ranges(&tables::MARK, c)
        }
    }
}

/// `\p{L}` of the `regex` module.
pub(crate) fn is_letter(c: u32) -> bool {
    plane().letter(c)
}

/// Calls `f` with the stem (first six characters) of each content word of a text whose
/// `str.lower` is `low`: its runs ``\p{L}[\p{L}\p{M}'’-]*`` of three characters or more
/// that are not in `stops`.
pub fn content_words(low: &[u32], stops: &FxSet<Vec<u32>>, f: impl FnMut(&[u32])) {
    words_of(low.iter().copied(), stops, f)
}

/// `content_words` of the characters of `low` read one at a time (one word held).
fn words_of(low: impl Iterator<Item = u32>, stops: &FxSet<Vec<u32>>, mut f: impl FnMut(&[u32])) {
    let plane = plane();
    let mut word: Vec<u32> = Vec::new();
    let mut inside = false;
    let mut done = |word: &[u32]| {
        if word.len() >= 3 && !stops.contains(word) {
            f(&word[..word.len().min(6)]);
        }
    };
    for c in low {
        if inside {
            if plane.goes_on(c) {
                word.push(c);
                continue;
            }
            done(&word);
            inside = false;
        }
        if plane.letter(c) {
            word.clear();
            word.push(c);
            inside = true;
        }
    }
    if inside {
        done(&word);
    }
}

/// `content_words` of a text (code points, or a Python string's code units) read as its
/// `str.lower`: one character at a time where each lowers alone (no lowered copy of a
/// long line is held), else lowered whole by `text::lower`.
pub(crate) fn text_words<T: Copy + Into<u32>>(text: &[T], stops: &FxSet<Vec<u32>>, f: impl FnMut(&[u32])) {
    let table = lower_table();
    let alone = |c: T| table.get(c.into() as usize).copied().filter(|&x| x != u32::MAX);
    if text.iter().all(|&c| alone(c).is_some()) {
        words_of(text.iter().map(|&c| table[c.into() as usize]), stops, f)
    } else {
        let all: Vec<u32> = text.iter().map(|&c| c.into()).collect();
        content_words(&lower(&all), stops, f)
    }
}

/// Calls `f` with the stem of each name of a text (code points, or a Python string's code
/// units): a content word (see `content_words`) that begins with a capital inside a
/// sentence, not the text's first word nor the first after ".", "!", "?" or ":" (quotes,
/// brackets, digits and commas between change nothing).  A word with a character that
/// does not lower alone is left out (its stem could differ from the content word's).
/// Returns the number of content words inside a sentence, names or not.
pub(crate) fn text_names<T: Copy + Into<u32>>(text: &[T], stops: &FxSet<Vec<u32>>, mut f: impl FnMut(&[u32])) -> u32 {
    let (plane, table) = (plane(), lower_table());
    let low = |c: u32| table.get(c as usize).copied().unwrap_or(c);
    let (mut opens, mut i, mut inside_words) = (true, 0, 0);
    let mut word: Vec<u32> = Vec::new();
    while i < text.len() {
        let c: u32 = text[i].into();
        if !plane.letter(c) {
            opens |= matches!(c, 0x2e | 0x21 | 0x3f | 0x3a);
            i += 1;
            continue;
        }
        let (capital, inside) = (low(c) != c, !opens);
        let mut alone = true;
        word.clear();
        while i < text.len() && (word.is_empty() || plane.goes_on(text[i].into())) {
            let l = low(text[i].into());
            alone &= l != u32::MAX;
            word.push(l);
            i += 1;
        }
        opens = false;
        if inside && alone && word.len() >= 3 && !stops.contains(&word) {
            inside_words += 1;
            if capital {
                f(&word[..word.len().min(6)]);
            }
        }
    }
    inside_words
}

/// A stoplist, lower-cased, as the story finder's content words leave it out.
#[pyclass(frozen, module = "cleaner._core")]
pub struct Stoplist {
    pub words: FxSet<Vec<u32>>,
}

#[pymethods]
impl Stoplist {
    #[new]
    fn new(words: Vec<Bound<'_, PyString>>) -> PyResult<Self> {
        let words = words.iter().map(crate::codepoints).collect::<PyResult<FxSet<_>>>()?;
        Ok(Stoplist { words })
    }
}

/// `cleaner.stories.evidence.content_words`: the stems of a text's content words.
#[pyfunction]
pub fn content_stems<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    stops: &Bound<'py, Stoplist>,
) -> PyResult<Bound<'py, PyList>> {
    let mut out = Vec::new();
    // SAFETY: the string is alive for the borrow and immutable; nothing here calls back
    // into Python while its data is read.
    with_units!(PyStringData, unsafe { text.data()? }, s => text_words(s, &stops.get().words, |w| out.push(w.to_vec())));
    PyList::new(py, out.iter().map(|w| crate::py_str(py, w)).collect::<PyResult<Vec<_>>>()?)
}
