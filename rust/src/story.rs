//! The story finder's reading of one document (`cleaner.stories.evidence.Reader`), made
//! once per document: the head evidence of every line (heads.rs), its content lines and
//! their case folds, the counts of lines before each content line, the content words of
//! the kept lines (cohesion.rs), and the answers about a gap: how the text after it opens
//! (`Reader.opening`: a repeated headline, a title with a meta line, the whole head of a
//! story, a dateline) and what the gap holds (`cleaner.stories.evidence.gap_evidence`).
//! The reaches are `Options` fields passed in; no word list and no weight lives here.
//! Every slice is read as Python reads it (`py_range`), so any option value gives the
//! answers the Python gave.

use crate::cohesion::{Cohesion, Stoplist};
use crate::heads::{Evidence, Heads};
use crate::text::{casefold_utf8, hash_bytes, with_units, FxMap, Units};
use pyo3::exceptions::PyKeyError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use std::borrow::Cow;
use std::ops::Range;

/// The indices of Python's ``x[start:stop]`` of a list of `len` items.
fn py_range(len: usize, start: i64, stop: i64) -> Range<usize> {
    let at = |i: i64| -> usize {
        let i = if i < 0 { i + len as i64 } else { i };
        i.clamp(0, len as i64) as usize
    };
    let (a, b) = (at(start), at(stop));
    a..b.max(a)
}

/// The last `n` items, as Python's ``x[-n:]`` (``x[-0:]`` is all of them).
fn tail<T>(x: &[T], n: i64) -> &[T] {
    &x[py_range(x.len(), -n, x.len() as i64)]
}

/// The `Options` reaches of `Reader.opening` (``story_*``).
#[derive(Clone, Copy)]
struct Reaches {
    above: i64,
    title_reach: f64,
    title_near: f64,
    meta: i64,
    repeat: i64,
    longer: i64,
    echo: f64,
}

/// How a story opens (`Reader.opening`).
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Opening {
    Repeat,
    Headed,
    Meta,
    Dateline,
}

impl Opening {
    /// Every opening with its name, as Python spells it.
    const NAMES: [(Opening, &'static str); 4] =
        [(Opening::Repeat, "repeat"), (Opening::Headed, "headed"), (Opening::Meta, "meta"), (Opening::Dateline, "dateline")];

    /// The opening of a name (`NAMES`).
    pub(crate) fn of(name: &str) -> Option<Self> {
        Self::NAMES.iter().find(|&&(_, n)| n == name).map(|&(o, _)| o)
    }

    /// Its name as an interned Python string (made once).
    pub(crate) fn name<'py>(self, py: Python<'py>) -> &'py Bound<'py, PyString> {
        static INTERNED: GILOnceCell<Vec<Py<PyString>>> = GILOnceCell::new();
        let names = INTERNED.get_or_init(py, || Self::NAMES.iter().map(|&(_, n)| PyString::intern(py, n).unbind()).collect());
        names[Self::NAMES.iter().position(|&(o, _)| o == self).expect("every opening is named")].bind(py)
    }
}

/// A gap's head evidence: its title, how the story after it opens, its dropped lines,
/// those a catalogue pattern dropped, and a title-like headline in it.
pub(crate) type Gap = (Option<usize>, Option<Opening>, i64, i64, bool);

/// One document as the story finder reads it.
#[pyclass(frozen, module = "cleaner._core")]
pub struct Story {
    e: Evidence,
    /// Per line, its position among the content lines (`usize::MAX`: a blank line).
    pos: Vec<usize>,
    /// Per line, the id of its `str.casefold` (content lines only), and per id the
    /// folded text (in UTF-8, `crate::text::casefold_utf8`) and how many lines hold it.
    fold: Vec<u32>,
    folded: Vec<Vec<u8>>,
    fold_count: Vec<u32>,
    /// Title-like headlines, not a line the page repeats all over.
    titled: Vec<bool>,
    /// Per content position k, lines before it: with letters, with letters not dropped
    /// by a catalogue pattern, dropped, dropped by a pattern.
    letters_upto: Vec<i64>,
    counted_upto: Vec<i64>,
    dropped_upto: Vec<i64>,
    pattern_upto: Vec<i64>,
    /// Each line's normalised text, in the code units of the string it was read from.
    units: Vec<Units>,
    /// Per line: the next line, right below without a blank line, starts in lower case.
    wrapped: Vec<bool>,
    stops: Py<Stoplist>,
    cohesion: Py<Cohesion>,
    reach: Reaches,
}

/// `str.casefold` of a text (the story finder compares lines by it).
#[pyfunction]
pub fn casefold<'py>(py: Python<'py>, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyAny>> {
    let mut out = Vec::new();
    crate::story_fold::casefold(&crate::codepoints(text)?, &mut out);
    crate::py_str(py, &out)
}

/// `str.islower` of the first character of a text (false for an empty one).
fn starts_lower(py: Python<'_>, text: &Units) -> PyResult<bool> {
    match text.first() {
        None => Ok(false),
        Some(c) if c < 128 => Ok((b'a'..=b'z').contains(&(c as u8))),
        Some(c) => crate::py_str(py, &[c])?.call_method0(intern!(py, "islower"))?.extract(),
    }
}

/// A text as UTF-8 (a lone surrogate, which no head pattern matches, becomes one U+FFFD,
/// so that counts of characters stay); an ASCII text of one byte per character is
/// borrowed as it is.
fn utf8(text: &Units) -> Cow<'_, str> {
    if let Units::Ucs1(bytes) = text {
        if bytes.is_ascii() {
            // SAFETY: ASCII bytes are UTF-8.
            return Cow::Borrowed(unsafe { std::str::from_utf8_unchecked(bytes) });
        }
    }
    with_units!(Units, text, s => {
        if s.iter().all(|&c| u32::from(c) < 0x80) {
            // an ASCII line of a document that is not (a curly quote elsewhere)
            let bytes = s.iter().map(|&c| u32::from(c) as u8).collect();
            // SAFETY: ASCII bytes are UTF-8.
            return Cow::Owned(unsafe { String::from_utf8_unchecked(bytes) });
        }
        Cow::Owned(s.iter().map(|&c| char::from_u32(c.into()).unwrap_or('\u{fffd}')).collect())
    })
}

/// Where a document's lines are read from: the columns of `cleaner.storage.Lines` (the
/// source, the offsets of each line and of its normalised text, the texts normalising
/// changed beyond stripping), or a list of `Line`.
enum Source<'py> {
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
    fn new(py: Python<'py>, lines: &Bound<'py, PyAny>, columns: Option<&Bound<'py, PyTuple>>) -> PyResult<Self> {
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

    fn len(&self) -> usize {
        match self {
            Source::Columns { starts, .. } => starts.len(),
            Source::Lines(lines) => lines.len(),
        }
    }

    /// The code units of line `i`'s normalised text (`raw`: of its raw text).
    fn units(&self, i: usize, raw: bool) -> PyResult<Units> {
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

impl Story {
    /// The head evidence of every line.
    pub(crate) fn evidence(&self) -> &Evidence {
        &self.e
    }

    /// Does the line `i` go on, hard-wrapped, on the next line?
    pub(crate) fn wrapped(&self, i: usize) -> bool {
        self.wrapped[i]
    }

    /// The content words of the kept lines.
    pub(crate) fn words(&self) -> &Cohesion {
        self.cohesion.get()
    }

    /// Lines with letters from `a` (inclusive) up to `b` (exclusive).
    pub(crate) fn letters(&self, a: usize, b: usize) -> PyResult<i64> {
        Ok(Self::upto(&self.letters_upto, self.at(a)?, self.at(b)?))
    }

    pub(crate) fn at(&self, line: usize) -> PyResult<usize> {
        match self.pos.get(line) {
            Some(&k) if k != usize::MAX => Ok(k),
            _ => Err(PyKeyError::new_err(line)),
        }
    }

    fn upto(column: &[i64], a: usize, b: usize) -> i64 {
        (column[b] - column[a]).max(0)
    }

    /// Lines with letters from `a` (inclusive) up to `b` (exclusive), not counting those
    /// a catalogue pattern dropped.
    fn dist(&self, a: usize, b: usize) -> PyResult<i64> {
        Ok(Self::upto(&self.counted_upto, self.at(a)?, self.at(b)?))
    }

    fn repeated(&self, i: usize) -> PyResult<bool> {
        let key = self.fold[i];
        if self.fold_count[key as usize] > 3 {
            return Ok(false);
        }
        let k = self.at(i)? as i64;
        let content = &self.e.content;
        Ok(content[py_range(content.len(), k + 1, k + 1 + self.reach.repeat)].iter().any(|&j| self.fold[j] == key))
    }

    /// `Reader.headed`: a title-like headline with a meta line (or two) right below it
    /// and the text `first` right below those.
    fn headed(&self, title: usize, first: usize) -> PyResult<bool> {
        if !self.titled[title] {
            return Ok(false);
        }
        let content = &self.e.content;
        let mut k = self.at(title)? + 1;
        let mut metas = 0;
        while k < content.len() && metas < 2 && self.e.meta[content[k]] && !self.e.keep[content[k]] {
            k += 1;
            metas += 1;
        }
        Ok(metas > 0 && k < content.len() && content[k] == first)
    }

    /// `Reader.echoed`: does the text from `first` on (its first ``story_echo_words``
    /// content words) share a content word with the headline `title`?
    fn echoed(&self, title: usize, first: usize) -> PyResult<bool> {
        let cohesion = self.cohesion.get();
        let own = cohesion.ids_of(&self.units[title], &self.stops.get().words);
        if own.is_empty() {
            return Ok(true);
        }
        let mut seen = 0usize;
        for &j in &self.e.content[self.at(first)?..] {
            if j == title || !self.e.keep[j] {
                continue;
            }
            let words = cohesion.of_line(j);
            if words.iter().any(|&w| own.contains(&Some(w))) {
                return Ok(true);
            }
            seen += words.len();
            if seen as f64 >= self.reach.echo {
                return Ok(false);
            }
        }
        Ok(false)
    }

    /// `Reader._longer_above`: a headline up to ``story_longer_reach`` lines above `j`
    /// with more words, not past a meta line, body or a line the catalogue dropped, and
    /// not one that holds `j`.
    fn longer_above(&self, j: usize) -> PyResult<usize> {
        let mut best = j;
        let k = self.at(j)? as i64;
        let reach = self.reach.longer;
        let content = &self.e.content;
        let above: Vec<usize> =
            content[py_range(content.len(), (k - 2 * reach).max(0), k)].iter().copied().filter(|&x| self.e.lettered[x]).collect();
        let upward: Vec<usize> = above.iter().rev().copied().collect();
        let own = &self.folded[self.fold[j] as usize];
        for &x in &upward[py_range(upward.len(), 0, reach)] {
            if self.e.meta[x] || self.e.body[x] || self.e.pattern[x] {
                break;
            }
            let theirs = &self.folded[self.fold[x] as usize];
            let holds = own.is_empty() || theirs.windows(own.len()).any(|w| w == own.as_slice());
            if self.e.headline[x] && self.e.words[x] > self.e.words[best] && !holds {
                best = x;
            }
        }
        Ok(best)
    }

    /// The head evidence of the gap between the content lines `prev` and `first`: its
    /// title, how the story after it opens, its dropped lines, those a catalogue pattern
    /// dropped, and a title-like headline among its last `above_lines` lines (`Gap`).
    pub(crate) fn gap_of(&self, prev: usize, first: usize, above_lines: i64) -> PyResult<Gap> {
        let (a, b) = (self.at(prev)? + 1, self.at(first)?);
        let gap = &self.e.content[a.min(b)..b];
        let (title, opening) = self.opening(first, gap)?;
        let dropped = Self::upto(&self.dropped_upto, a.min(b), b);
        let furniture = Self::upto(&self.pattern_upto, a.min(b), b);
        let headline = tail(gap, above_lines).iter().any(|&j| self.titled[j]);
        Ok((title, opening, dropped, furniture, headline))
    }

    /// `Reader.opening`: the title line of a story whose first kept line is `first`
    /// (`above`: the lines before it, nearest last) and how it opens.
    fn opening(&self, first: usize, above: &[usize]) -> PyResult<(Option<usize>, Option<Opening>)> {
        let (e, r) = (&self.e, self.reach);
        let mut options: Vec<usize> = tail(above, r.above).iter().rev().copied().filter(|&j| e.headline[j]).collect();
        if e.headline[first] {
            options.insert(0, first);
        }
        let mut rep = None;
        for &j in &options {
            if e.words[j] >= 4 && self.repeated(j)? {
                rep = Some(j);
            }
        }
        if rep.is_some() {
            return Ok((rep, Some(Opening::Repeat)));
        }
        let mut near = None;
        for &j in &options {
            if self.dist(j, first)? as f64 <= r.title_reach && e.words[j] >= 3 && e.meta_after[j] {
                near = Some(j);
                break;
            }
        }
        // The gap is the story's whole head: its title (right after the text before), a
        // meta line (a date of figures alone too) and nothing else.
        if let Some(&top) = above.first() {
            if self.headed(top, first)? && near.is_none_or(|j| j == top) {
                return Ok((Some(top), Some(Opening::Headed)));
            }
        }
        if let Some(j) = near {
            return Ok((Some(self.longer_above(j)?), Some(Opening::Meta)));
        }
        let k = self.at(first)? as i64;
        let content = &e.content;
        if e.exclaimed[first] {
            let below = content[py_range(content.len(), k + 1, k + 1 + r.meta)].iter().find(|&&j| e.lettered[j] || e.meta[j]);
            if below.is_some_and(|&j| e.meta[j]) {
                return Ok((Some(first), Some(Opening::Meta)));
            }
        }
        let opener = content[py_range(content.len(), k, k + 4)].iter().copied().find(|&j| e.body[j]);
        // Without a meta line: the nearest title-like headline just above the text, else a
        // capitalised headline right above it.
        let mut title = None;
        for &j in &options {
            if self.dist(j, first)? as f64 <= r.title_near && self.titled[j] && self.echoed(j, first)? {
                title = Some(j);
                break;
            }
        }
        if let (None, Some(&top)) = (title, options.first()) {
            if self.dist(top, first)? <= 2 && e.words[top] >= 3 && e.capital[top] && self.echoed(top, first)? {
                title = Some(top);
            }
        }
        if opener.is_some_and(|j| e.words[j] >= 8 && e.dateline[j]) {
            return Ok((title, Some(Opening::Dateline)));
        }
        Ok((title, None))
    }
}

#[pymethods]
impl Story {
    /// The reading of a document: its ``lines`` (a list of `Line`, or `Lines` with
    /// ``columns``: `Lines.columns` then `Lines.raw_columns`, from which the lines are
    /// read without a string per line), ``feats`` and ``decisions``, the head patterns and the stoplist, and the
    /// `Options` ``heading_max_words``, ``heading_max_digits`` and ``reaches``:
    /// ``story_meta_reach``, ``story_above_lines``, ``story_title_reach``,
    /// ``story_title_near``, ``story_repeat_reach``, ``story_longer_reach``,
    /// ``story_echo_words``.
    #[new]
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (lines, columns, feats, decisions, heads, stops, heading_max_words, heading_max_digits, reaches))]
    fn new<'py>(
        py: Python<'py>,
        lines: &Bound<'py, PyAny>,
        columns: Option<&Bound<'py, PyTuple>>,
        feats: &Bound<'py, PyAny>,
        decisions: &Bound<'py, PyAny>,
        heads: &Bound<'py, Heads>,
        stops: &Bound<'py, Stoplist>,
        heading_max_words: f64,
        heading_max_digits: f64,
        reaches: (usize, i64, f64, f64, i64, i64, f64),
    ) -> PyResult<Self> {
        let (meta_reach, above, title_reach, title_near, repeat, longer, echo) = reaches;
        let source = Source::new(py, lines, columns)?;
        let n = source.len();
        let units = (0..n).map(|i| source.units(i, false)).collect::<PyResult<Vec<_>>>()?;
        let texts: Vec<Cow<str>> = units.iter().map(utf8).collect();
        let raw = |i: usize| Ok(utf8(&source.units(i, true)?).into_owned());
        let e = heads.get().evidence(&texts, raw, feats, decisions, heading_max_words, heading_max_digits, meta_reach)?;
        drop(texts);
        let mut pos = vec![usize::MAX; n];
        let (mut fold, mut folded, mut fold_count) = (vec![u32::MAX; n], Vec::<Vec<u8>>::new(), Vec::new());
        // the ids of the folded texts by their hash (the last id of each hash, and per id
        // the id before it with the same hash): each text is held once, in `folded` (peak
        // memory stays a small multiple of the input on a document of one huge line)
        let mut known: FxMap<u64, u32> = FxMap::default();
        known.reserve(e.content.len());
        let mut same_hash: Vec<u32> = Vec::new();
        let mut column = [vec![0i64], vec![0i64], vec![0i64], vec![0i64]];
        let mut key = Vec::new();
        for (k, &i) in e.content.iter().enumerate() {
            pos[i] = k;
            with_units!(Units, &units[i], s => casefold_utf8(&s[..], &mut key));
            let hash = hash_bytes(&key);
            let mut id = known.get(&hash).copied().unwrap_or(u32::MAX);
            while id != u32::MAX && folded[id as usize] != key {
                id = same_hash[id as usize];
            }
            if id == u32::MAX {
                id = folded.len() as u32;
                same_hash.push(known.insert(hash, id).unwrap_or(u32::MAX));
                folded.push(std::mem::take(&mut key));
                fold_count.push(0);
            }
            fold[i] = id;
            fold_count[id as usize] += 1;
            let counts = [e.lettered[i], e.lettered[i] && !e.pattern[i], !e.keep[i], e.pattern[i]];
            for (c, add) in column.iter_mut().zip(counts) {
                c.push(c[k] + add as i64);
            }
        }
        let titled = (0..n).map(|i| e.titled[i] && fold[i] != u32::MAX && fold_count[fold[i] as usize] <= 3).collect();
        let kept: Vec<usize> = e.content.iter().copied().filter(|&i| e.keep[i]).collect();
        let kept_units: Vec<&Units> = kept.iter().map(|&i| &units[i]).collect();
        let cohesion = Py::new(py, Cohesion::of(&kept_units, &kept, &stops.get().words))?;
        let [letters_upto, counted_upto, dropped_upto, pattern_upto] = column;
        let mut wrapped = vec![false; n];
        for (k, &i) in e.content.iter().enumerate() {
            if e.content.get(k + 1) == Some(&(i + 1)) {
                wrapped[i] = starts_lower(py, &units[i + 1])?;
            }
        }
        Ok(Story {
            e, pos, fold, folded, fold_count, titled, letters_upto, counted_upto, dropped_upto, pattern_upto,
            units, wrapped, stops: stops.clone().unbind(), cohesion,
            reach: Reaches { above, title_reach, title_near, meta: meta_reach as i64, repeat, longer, echo },
        })
    }

    /// The content lines (their text is not empty), in order.
    fn content(&self) -> Vec<usize> {
        self.e.content.clone()
    }

    /// The content words of the kept lines (`cleaner._core.Cohesion`).
    #[getter]
    fn cohesion(&self, py: Python<'_>) -> Py<Cohesion> {
        self.cohesion.clone_ref(py)
    }

    /// Per line: holds a letter (bytes), then lists of bools: meta, headline, body,
    /// titled, dateline, exclaimed, meta_after, capitalised, bulleted, wrapped (the next
    /// line, right below, starts in lower case), capital (upper case first, no interview
    /// turn), dropped by a catalogue pattern.
    fn flags<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let e = &self.e;
        let lettered: Vec<u8> = e.lettered.iter().map(|&x| x as u8).collect();
        let list = |v: &[bool]| PyList::new(py, v);
        (
            PyBytes::new(py, &lettered),
            (list(&e.meta)?, list(&e.headline)?, list(&e.body)?, list(&self.titled)?, list(&e.dateline)?),
            (list(&e.exclaimed)?, list(&e.meta_after)?, list(&e.capitalised)?, list(&e.bulleted)?, list(&self.wrapped)?),
            (list(&e.capital)?, list(&e.pattern)?),
        )
            .into_pyobject(py)
    }

    /// Do the lines `a` and `b` have the same `str.casefold` (two blank lines do)?
    fn same_fold(&self, a: usize, b: usize) -> bool {
        let fold = |i: usize| self.fold.get(i).copied().unwrap_or(u32::MAX);
        fold(a) == fold(b)
    }

    /// Lines with letters from `a` (inclusive) up to `b` (exclusive).
    fn letters_between(&self, a: usize, b: usize) -> PyResult<i64> {
        self.letters(a, b)
    }

    /// Lines with letters from `a` (inclusive) up to `b` (exclusive), not counting those
    /// a catalogue pattern dropped (a share row between a title and its text).
    fn distance(&self, a: usize, b: usize) -> PyResult<i64> {
        self.dist(a, b)
    }

    /// `Reader.opening`: (title line or None, "repeat", "headed", "meta", "dateline" or
    /// None).
    #[pyo3(name = "opening")]
    fn py_opening<'py>(&self, py: Python<'py>, first: usize, above: Vec<usize>) -> PyResult<Bound<'py, PyTuple>> {
        let (title, opening) = self.opening(first, &above)?;
        (title, opening.map(|o| o.name(py))).into_pyobject(py)
    }

    /// `cleaner.stories.evidence.gaps`: the evidence of the gaps at kept positions `cs`,
    /// each between the content lines `prevs[k]` and `firsts[k]`, with its cosine (None:
    /// too little text) and depth, scored with `weights` (story_gaps.rs).
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (cs, prevs, firsts, cos, depth, above_lines, weights))]
    fn gaps<'py>(
        &self,
        py: Python<'py>,
        cs: Vec<i64>,
        prevs: Vec<usize>,
        firsts: Vec<usize>,
        cos: Vec<Option<f64>>,
        depth: Vec<f64>,
        above_lines: i64,
        weights: crate::story_gaps::Weights,
    ) -> PyResult<Bound<'py, PyList>> {
        crate::story_gaps::gaps(self, py, &cs, &prevs, &firsts, &cos, &depth, above_lines, &weights)
    }

    /// `cleaner.stories.boundaries.teasers`: the teasers among the kept lines `kept`
    /// (``feats`` and ``decisions``: every line's, indexed by line), ``{first kept
    /// position: (positions it holds, its title line or None)}``, with the `Options`
    /// ``limits`` and ``window`` of story_teasers.rs.
    #[pyo3(signature = (kept, feats, decisions, limits, window))]
    fn teasers<'py>(
        &self,
        py: Python<'py>,
        kept: Vec<usize>,
        feats: &Bound<'py, PyAny>,
        decisions: &Bound<'py, PyAny>,
        limits: crate::story_teasers::Limits,
        window: (usize, usize),
    ) -> PyResult<Bound<'py, PyDict>> {
        crate::story_teasers::teasers(self, py, &kept, feats, decisions, &limits, window)
    }
}
