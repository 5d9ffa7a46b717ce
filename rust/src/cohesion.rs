//! The topic evidence of the story finder (`cleaner.stories.evidence`), for a whole
//! document at once: the content words of its kept lines, the windows of content words
//! either side of each gap between paragraphs, their cosines and the depth scores
//! (TextTiling).  The stoplist comes from Python (`Stoplist`); no word list lives here.
//! Sums of counts are integers and every float is computed in the order the Python
//! did, so the figures are the same to the last bit.

use crate::tables;
use crate::text::{lower, FxMap, FxSet};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use std::cmp::Ordering;

fn in_table(table: &[(u32, u32)], c: u32) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                Ordering::Less
            } else if lo > c {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .is_ok()
}

/// `\p{L}` of the `regex` module.
fn is_letter(c: u32) -> bool {
    if c < 0x80 {
        (0x41..=0x5a).contains(&c) || (0x61..=0x7a).contains(&c)
    } else {
        in_table(&tables::LETTER, c)
    }
}

/// `[\p{L}\p{M}'’-]`: what a content word goes on with.
fn goes_on(c: u32) -> bool {
    is_letter(c) || matches!(c, 0x27 | 0x2019 | 0x2d) || (c >= 0x80 && in_table(&tables::MARK, c))
}

/// Calls `f` with the stem (first six characters) of each content word of `text`: the
/// runs ``\p{L}[\p{L}\p{M}'’-]*`` of its `str.lower` of three characters or more that
/// are not in `stops`.
pub fn content_words(text: &[u32], stops: &FxSet<Vec<u32>>, mut f: impl FnMut(&[u32])) {
    let low = lower(text);
    let mut i = 0;
    while i < low.len() {
        if !is_letter(low[i]) {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < low.len() && goes_on(low[i]) {
            i += 1;
        }
        let word = &low[start..i];
        if word.len() >= 3 && !stops.contains(word) {
            f(&word[..word.len().min(6)]);
        }
    }
}

/// A stoplist, lower-cased, as the story finder's content words leave it out.
#[pyclass(frozen, module = "cleaner._core")]
pub struct Stoplist {
    words: FxSet<Vec<u32>>,
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
    content_words(&crate::codepoints(text)?, &stops.get().words, |w| out.push(w.to_vec()));
    PyList::new(py, out.iter().map(|w| crate::py_str(py, w)).collect::<PyResult<Vec<_>>>()?)
}

/// Counts of stems (by id), sorted by id: a window of content words.
type Counts = Vec<(u32, u64)>;

fn counts(mut ids: Vec<u32>) -> Counts {
    ids.sort_unstable();
    let mut out: Counts = Vec::new();
    for id in ids {
        match out.last_mut() {
            Some((last, n)) if *last == id => *n += 1,
            _ => out.push((id, 1)),
        }
    }
    out
}

fn total(c: &Counts) -> u64 {
    c.iter().map(|&(_, n)| n).sum()
}

/// `cleaner.stories.evidence.cosine`: 1.0 when a side is empty (nothing to compare).
pub fn cosine(a: &Counts, b: &Counts) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 1.0;
    }
    let (mut dot, mut i, mut j) = (0u64, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    let square = |c: &Counts| c.iter().map(|&(_, n)| n * n).sum::<u64>() as f64;
    dot as f64 / (square(a).sqrt() * square(b).sqrt())
}

/// The window sizes: at most `words` content words, at most `lines` lines.
#[derive(Clone, Copy)]
pub struct Reach {
    pub words: usize,
    pub lines: usize,
}

/// The content words of one document's kept lines, each stem an id.
#[pyclass(module = "cleaner._core")]
pub struct Cohesion {
    /// Per line of the document: its slot in `ids` (`usize::MAX`: none).
    slot: Vec<usize>,
    ids: Vec<Vec<u32>>,
    stems: Vec<Vec<u32>>,
}

impl Cohesion {
    fn of_line(&self, line: usize) -> &[u32] {
        match self.slot.get(line) {
            Some(&s) if s != usize::MAX => &self.ids[s],
            _ => &[],
        }
    }

    /// The words of `lines` from position `start` walking by `step` up to `reach`, not
    /// past position `stop` (`cleaner.stories.evidence.Reader.window`).
    pub fn window(&self, lines: &[usize], start: i64, step: i64, stop: i64, reach: Reach) -> Counts {
        let (mut k, mut steps, mut sum) = (start, 0, 0);
        let inside = |k: i64| if step < 0 { k >= stop } else { k < stop };
        while inside(k) && sum < reach.words && steps < reach.lines {
            steps += 1;
            sum += self.of_line(lines[k as usize]).len();
            k += step;
        }
        let mut ids = Vec::with_capacity(sum);
        let mut p = start;
        while p != k {
            ids.extend_from_slice(self.of_line(lines[p as usize]));
            p += step;
        }
        counts(ids)
    }

    /// `cleaner.stories.evidence.topic_profile`'s figures for the paragraphs `lines`: the
    /// cosine across the gap above each (None when a side holds under `least` words) and
    /// its depth score (`affinity`: the weight of the paragraph's own pull).
    pub fn profile(&self, lines: &[usize], reach: Reach, least: u64, affinity: f64) -> (Vec<Option<f64>>, Vec<f64>) {
        let n = lines.len();
        let m = n as i64;
        let after: Vec<Counts> = (0..n).map(|j| if j > 0 { self.window(lines, j as i64, 1, m, reach) } else { Vec::new() }).collect();
        let before: Vec<Counts> = (0..n).map(|j| if j + 1 < n { self.window(lines, j as i64, -1, 0, reach) } else { Vec::new() }).collect();
        let mut cos: Vec<Option<f64>> = vec![None; n];
        for j in 1..n {
            if total(&after[j]) >= least && total(&before[j - 1]) >= least {
                cos[j] = Some(cosine(&before[j - 1], &after[j]));
            }
        }
        let mut deep = vec![0.0; n];
        for j in 1..n {
            let Some(here) = cos[j] else { continue };
            let (mut left, mut right) = (here, here);
            let mut k = j - 1;
            while k >= 1 && matches!(cos[k], Some(x) if x >= left) {
                left = cos[k].unwrap_or(left);
                k -= 1;
            }
            k = j + 1;
            while k < n && matches!(cos[k], Some(x) if x >= right) {
                right = cos[k].unwrap_or(right);
                k += 1;
            }
            deep[j] = (left - here) + (right - here);
            let own = counts(self.of_line(lines[j]).to_vec());
            if j + 1 < n && !own.is_empty() {
                deep[j] += affinity * (cosine(&own, &after[j + 1]) - cosine(&own, &before[j - 1]));
            }
        }
        (cos, deep)
    }
}

#[pymethods]
impl Cohesion {
    /// The content words of `texts`, the texts of the document's lines `lines`.
    #[new]
    fn new(texts: Vec<Bound<'_, PyString>>, lines: Vec<usize>, stops: &Bound<'_, Stoplist>) -> PyResult<Self> {
        let stops = &stops.get().words;
        let mut slot = vec![usize::MAX; lines.iter().max().map_or(0, |&x| x + 1)];
        let mut known: FxMap<Vec<u32>, u32> = FxMap::default();
        let mut stems: Vec<Vec<u32>> = Vec::new();
        let mut ids = Vec::with_capacity(lines.len());
        for (text, &line) in texts.iter().zip(&lines) {
            let mut own = Vec::new();
            content_words(&crate::codepoints(text)?, stops, |w| {
                let id = *known.entry(w.to_vec()).or_insert_with(|| {
                    stems.push(w.to_vec());
                    (stems.len() - 1) as u32
                });
                own.push(id);
            });
            slot[line] = ids.len();
            ids.push(own);
        }
        Ok(Cohesion { slot, ids, stems })
    }

    /// ``{line: [stem, ...]}`` for every line given (one string object per stem).
    fn words<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let strings = self.stems.iter().map(|s| crate::py_str(py, s)).collect::<PyResult<Vec<_>>>()?;
        let out = PyDict::new(py);
        for (line, &s) in self.slot.iter().enumerate() {
            if s != usize::MAX {
                out.set_item(line, PyList::new(py, self.ids[s].iter().map(|&id| &strings[id as usize]))?)?;
            }
        }
        Ok(out)
    }

    /// `Reader.window`'s counts: ``{stem: count}``.
    #[pyo3(signature = (lines, start, step, stop, words, most_lines))]
    fn counts<'py>(
        &self,
        py: Python<'py>,
        lines: Vec<usize>,
        start: i64,
        step: i64,
        stop: i64,
        words: usize,
        most_lines: usize,
    ) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        for (id, n) in self.window(&lines, start, step, stop, Reach { words, lines: most_lines }) {
            out.set_item(crate::py_str(py, &self.stems[id as usize])?, n)?;
        }
        Ok(out)
    }

    /// `topic_profile`'s cosines and depth scores of the paragraphs `lines`.
    #[pyo3(name = "profile", signature = (lines, words, most_lines, least, affinity))]
    fn py_profile(
        &self,
        lines: Vec<usize>,
        words: usize,
        most_lines: usize,
        least: u64,
        affinity: f64,
    ) -> (Vec<Option<f64>>, Vec<f64>) {
        self.profile(&lines, Reach { words, lines: most_lines }, least, affinity)
    }
}
