//! The story finder's reading of one document (`cleaner.stories.evidence.Reader`), made
//! once per document: the head evidence of every line (heads.rs), its content lines and
//! the counts of lines before each content line; their case folds and the content words
//! of the kept lines (cohesion.rs) on first use.  A reading under other decisions of the
//! same lines (the story finder's trials) starts from one made before.  The answers
//! about a gap (story_opening.rs), the candidate boundaries (story_candidates.rs), the
//! gaps' scores (story_gaps.rs) and the teasers (story_teasers.rs) are asked of it.  No
//! word list and no weight lives here.

use crate::cohesion::{Cohesion, Stoplist};
use crate::heads::{Evidence, HeadLimits, Heads};
use crate::story_opening::Reaches;
use crate::story_source::{starts_lower, utf8, Source};
use crate::text::{casefold_utf8, hash_bytes, is_space, is_word, with_units, FxMap, Units};
use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyTuple};
use std::borrow::Cow;
use pyo3::sync::GILOnceCell;
use std::sync::{Arc, OnceLock};

pub(crate) use crate::story_opening::Opening;

/// The fold id of a content line not folded (`Folds::fold`).
pub(crate) const UNFOLDED: u32 = u32::MAX - 1;

/// The case folds of a document's content lines (`Story::folds`).
pub(crate) struct Folds {
    /// Per line, the id of its `str.casefold` (content lines only; `UNFOLDED`: a line
    /// longer than every headline's folding, which no line is compared with but by
    /// `same_text`), and per id the folded text (in UTF-8, `crate::text::casefold_utf8`)
    /// and how many lines hold it.
    pub(crate) fold: Vec<u32>,
    pub(crate) folded: Vec<Vec<u8>>,
    pub(crate) fold_count: Vec<u32>,
    /// Title-like headlines, not a line the page repeats all over.
    pub(crate) titled: Vec<bool>,
}

impl Folds {
    /// The folds of the content lines of `e`, whose texts are `units`.
    fn of(e: &Evidence, units: &[Units]) -> Self {
        let n = units.len();
        let (mut fold, mut folded, mut fold_count) = (vec![u32::MAX; n], Vec::<Vec<u8>>::new(), Vec::new());
        // the ids of the folded texts by their hash (the last id of each hash, and per id
        // the id before it with the same hash): each text is held once, in `folded` (peak
        // memory stays a small multiple of the input on a document of one huge line)
        let mut known: FxMap<u64, u32> = FxMap::default();
        known.reserve(e.content.len());
        let mut same_hash: Vec<u32> = Vec::new();
        let mut key = Vec::new();
        // A line longer than every headline's case folding cannot fold to the text of one
        // (folding never makes a text shorter): only the lines that may are folded.
        let mut reach = 0;
        for &i in e.content.iter().filter(|&&i| e.headline[i]) {
            with_units!(Units, &units[i], s => casefold_utf8(&s[..], &mut key));
            reach = reach.max(key.iter().filter(|&&b| b & 0xc0 != 0x80).count());
        }
        for &i in &e.content {
            if !e.headline[i] && with_units!(Units, &units[i], s => s.len()) > reach {
                fold[i] = UNFOLDED;
                continue;
            }
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
        }
        let titled = (0..n).map(|i| e.titled[i] && fold[i] < UNFOLDED && fold_count[fold[i] as usize] <= 3).collect();
        Folds { fold, folded, fold_count, titled }
    }
}

/// One document as the story finder reads it.
#[pyclass(frozen, module = "cleaner._core")]
pub struct Story {
    pub(crate) e: Evidence,
    /// Per line, its position among the content lines (`u32::MAX`: a blank line; 4
    /// bytes a line: a document's lines are counted in 32 bits).
    pub(crate) pos: Vec<u32>,
    /// The case folds of the content lines, made on first use (`folds`).
    folds: OnceLock<Folds>,
    /// Per content position k, lines before it: with letters, with letters not dropped
    /// by a catalogue pattern, dropped, dropped by a pattern.
    pub(crate) letters_upto: Vec<u32>,
    pub(crate) counted_upto: Vec<u32>,
    pub(crate) dropped_upto: Vec<u32>,
    pub(crate) pattern_upto: Vec<u32>,
    /// Each line's normalised text, in the code units of the string it was read from
    /// (shared with the readings of the same lines under other decisions).
    pub(crate) units: Arc<Vec<Units>>,
    /// Per line: the next line, right below without a blank line, starts in lower case.
    pub(crate) wrapped: Vec<bool>,
    pub(crate) stops: Py<Stoplist>,
    /// The content words of the kept lines, counted on first use (`words`).
    cohesion: GILOnceCell<Py<Cohesion>>,
    /// The same, each line read without its own language's stopwords too (`own_words`).
    own_cohesion: GILOnceCell<Py<Cohesion>>,
    pub(crate) reach: Reaches,
    /// `Options` ``prose_min_words``: a line of fewer words is a label, not a paragraph.
    pub(crate) paragraph_words: i64,
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

    /// The case folds of the content lines, made on first use (a reading that only looks
    /// for teasers compares no lines).
    pub(crate) fn folds(&self) -> &Folds {
        self.folds.get_or_init(|| Folds::of(&self.e, &self.units))
    }

    /// The content words of the kept lines, counted on first use (a reading that only
    /// looks for teasers may compare none).
    pub(crate) fn words(&self) -> PyResult<&Cohesion> {
        Python::with_gil(|py| Ok(self.cohesion_in(py)?.get()))
    }

    /// The content words of the kept lines, each line read without the stopwords of its
    /// own language too (`Cohesion::of_own`), counted on first use: what the test of one
    /// article whose subject drifts reads (`story_candidates::one_article`).
    pub(crate) fn own_words(&self) -> PyResult<&Cohesion> {
        Python::with_gil(|py| {
            let got = self.own_cohesion.get_or_try_init(py, || {
                let kept: Vec<usize> = self.e.content.iter().copied().filter(|&i| self.e.keep[i]).collect();
                let kept_units: Vec<&Units> = kept.iter().map(|&i| &self.units[i]).collect();
                Py::new(py, Cohesion::of_own(&kept_units, &kept, &self.stops.get().words))
            })?;
            Ok(got.get())
        })
    }

    fn cohesion_in(&self, py: Python<'_>) -> PyResult<&Py<Cohesion>> {
        self.cohesion.get_or_try_init(py, || {
            let kept: Vec<usize> = self.e.content.iter().copied().filter(|&i| self.e.keep[i]).collect();
            let kept_units: Vec<&Units> = kept.iter().map(|&i| &self.units[i]).collect();
            Py::new(py, Cohesion::of(&kept_units, &kept, &self.stops.get().words))
        })
    }

    /// Is line `i` a label rather than a paragraph: fewer than ``prose_min_words`` words?
    pub(crate) fn label(&self, i: usize) -> bool {
        self.e.words[i] < self.paragraph_words
    }

    /// Does a kept line among `lines` hold a headline (a subheading, when it stands
    /// between two paragraphs)?
    pub(crate) fn kept_headline(&self, mut lines: impl Iterator<Item = usize>) -> bool {
        lines.any(|j| self.e.keep[j] && self.e.headline[j])
    }

    /// Lines with letters from `a` (inclusive) up to `b` (exclusive).
    pub(crate) fn letters(&self, a: usize, b: usize) -> PyResult<i64> {
        Ok(Self::upto(&self.letters_upto, self.at(a)?, self.at(b)?))
    }

    pub(crate) fn at(&self, line: usize) -> PyResult<usize> {
        match self.pos.get(line) {
            Some(&k) if k != u32::MAX => Ok(k as usize),
            _ => Err(PyKeyError::new_err(line)),
        }
    }

    pub(crate) fn upto(column: &[u32], a: usize, b: usize) -> i64 {
        (i64::from(column[b]) - i64::from(column[a])).max(0)
    }

    /// Lines with letters from `a` (inclusive) up to `b` (exclusive), not counting those
    /// a catalogue pattern dropped.
    pub(crate) fn dist(&self, a: usize, b: usize) -> PyResult<i64> {
        Ok(Self::upto(&self.counted_upto, self.at(a)?, self.at(b)?))
    }

    /// Do the lines `a` and `b` have the same `str.casefold` (two blank lines do)?
    pub(crate) fn same_text(&self, a: usize, b: usize) -> bool {
        let folds = self.folds();
        let fold = |i: usize| folds.fold.get(i).copied().unwrap_or(u32::MAX);
        let (x, y) = (fold(a), fold(b));
        if x != UNFOLDED && y != UNFOLDED {
            return x == y;
        }
        if x == u32::MAX || y == u32::MAX {
            return false; // a blank line and a line with text
        }
        let folded = |i: usize, id: u32| -> Cow<'_, [u8]> {
            if id != UNFOLDED {
                return Cow::Borrowed(&folds.folded[id as usize]);
            }
            let mut key = Vec::new();
            with_units!(Units, &self.units[i], s => casefold_utf8(&s[..], &mut key));
            Cow::Owned(key)
        };
        folded(a, x) == folded(b, y)
    }
}

/// Per line of `units` (`content`: the lines with text): the next line, right below
/// without a blank line, starts in lower case.
fn wrapped(py: Python<'_>, content: &[usize], units: &[Units]) -> PyResult<Vec<bool>> {
    let mut wrapped = vec![false; units.len()];
    for (k, &i) in content.iter().enumerate() {
        if content.get(k + 1) == Some(&(i + 1)) {
            wrapped[i] = starts_lower(py, &units[i + 1])?;
        }
    }
    Ok(wrapped)
}

/// Per line, its position among the content lines, asked as a mapping from the content
/// lines (`cleaner.stories.evidence.Reader.pos`): ``i in pos``, ``pos[i]`` (`KeyError`
/// for a blank line or a line out of range).
#[pyclass(frozen, module = "cleaner._core")]
pub struct Positions {
    at: Vec<u32>,
}

#[pymethods]
impl Positions {
    fn __contains__(&self, line: i64) -> bool {
        usize::try_from(line).ok().and_then(|i| self.at.get(i)).is_some_and(|&k| k != u32::MAX)
    }

    fn __getitem__(&self, line: i64) -> PyResult<u32> {
        match usize::try_from(line).ok().and_then(|i| self.at.get(i)) {
            Some(&k) if k != u32::MAX => Ok(k),
            _ => Err(PyKeyError::new_err(line)),
        }
    }

    fn __len__(&self) -> usize {
        self.at.iter().filter(|&&k| k != u32::MAX).count()
    }
}

#[pymethods]
impl Story {
    /// The reading of a document: its ``lines`` (a list of `Line`, or `Lines` with
    /// ``columns``: `Lines.columns` then `Lines.raw_columns`, from which the lines are
    /// read without a string per line), ``feats`` and ``decisions``, the head patterns and the stoplist, and the
    /// `Options` ``heading_max_words``, ``heading_max_digits``, ``prose_min_words`` and ``reaches``:
    /// ``story_meta_reach``, ``story_above_lines``, ``story_title_reach``,
    /// ``story_title_near``, ``story_repeat_reach``, ``story_longer_reach``,
    /// ``story_echo_words``, ``story_meta_echo_words``, ``story_echo_shared``,
    /// ``story_first_echo_shared``, ``story_longer_yield_lines``.  ``like``: a reading of the same lines and features
    /// under other decisions (the same head patterns and `Options`), whose texts are
    /// shared and whose lines are read again only where the decisions differ
    /// (`Heads::revised`).
    #[new]
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (lines, columns, feats, decisions, heads, stops, heading_max_words, heading_max_digits, prose_min_words, reaches, like=None))]
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
        prose_min_words: i64,
        reaches: (usize, i64, f64, f64, i64, i64, f64, f64, usize, usize, usize),
        like: Option<&Bound<'py, Story>>,
    ) -> PyResult<Self> {
        let (meta_reach, above, title_reach, title_near, repeat, longer, echo, meta_echo, echo_shared, first_echo_shared, longer_yield) = reaches;
        let limits = HeadLimits { heading_max_words, heading_max_digits, meta_reach };
        let (units, e) = if let Some(like) = like.map(Bound::get) {
            let units = Arc::clone(&like.units);
            let text = |i: usize| utf8(&units[i]);
            let e = heads.get().revised(&like.e, text, feats, decisions, limits)?;
            (units, e)
        } else {
            let source = Source::new(py, lines, columns)?;
            let units = (0..source.len()).map(|i| source.units(i, false)).collect::<PyResult<Vec<_>>>()?;
            let texts: Vec<Cow<str>> = units.iter().map(utf8).collect();
            let raw = |i: usize| Ok(utf8(&source.units(i, true)?).into_owned());
            let e = heads.get().evidence(&texts, raw, feats, decisions, limits)?;
            drop(texts);
            (Arc::new(units), e)
        };
        let n = units.len();
        let mut pos = vec![u32::MAX; n];
        let mut column = [vec![0u32], vec![0u32], vec![0u32], vec![0u32]];
        for (k, &i) in e.content.iter().enumerate() {
            pos[i] = k as u32;
            let counts = [e.lettered[i], e.lettered[i] && !e.pattern[i], !e.keep[i], e.pattern[i]];
            for (c, add) in column.iter_mut().zip(counts) {
                c.push(c[k] + add as u32);
            }
        }
        let [letters_upto, counted_upto, dropped_upto, pattern_upto] = column;
        // a line's text alone says whether it goes on, hard-wrapped, on the next line
        let wrapped = match like {
            Some(like) => like.get().wrapped.clone(),
            None => wrapped(py, &e.content, &units)?,
        };
        Ok(Story {
            e, pos, folds: OnceLock::new(), letters_upto, counted_upto, dropped_upto, pattern_upto,
            units, wrapped, stops: stops.clone().unbind(), cohesion: GILOnceCell::new(), own_cohesion: GILOnceCell::new(),
            reach: Reaches { above, title_reach, title_near, meta: meta_reach as i64, repeat, longer, longer_yield, echo, meta_echo, echo_shared, first_echo_shared },
            paragraph_words: prose_min_words,
        })
    }

    /// The content lines (their text is not empty), in order.
    fn content(&self) -> Vec<usize> {
        self.e.content.clone()
    }

    /// The content words of the kept lines (`cleaner._core.Cohesion`), counted on first
    /// use.
    #[getter]
    fn cohesion(&self, py: Python<'_>) -> PyResult<Py<Cohesion>> {
        Ok(self.cohesion_in(py)?.clone_ref(py))
    }

    /// Per line, 1 (a bytes) for a title-like headline, not a line the page repeats all
    /// over (the lines are case folded to tell, on the first call of this or of a
    /// question that compares lines).
    fn titled<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let titled = &self.folds().titled;
        PyBytes::new_with(py, titled.len(), |b| {
            b.iter_mut().zip(titled).for_each(|(b, &x)| *b = x as u8);
            Ok(())
        })
    }

    /// Per line, each a bytes (1: yes, 0: no; a byte per line, not a list of bools, to
    /// keep the peak memory of a dump of many short lines low): holds a letter, then
    /// meta, headline, body, dateline, exclaimed, meta_after, capitalised,
    /// bulleted, wrapped (the next line, right below, starts in lower case), capital
    /// (upper case first, no interview turn), dropped by a catalogue pattern.
    fn flags<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let e = &self.e;
        let bytes = |v: &[bool]| PyBytes::new_with(py, v.len(), |b| {
            b.iter_mut().zip(v).for_each(|(b, &x)| *b = x as u8);
            Ok(())
        });
        (
            bytes(&e.lettered)?,
            (bytes(&e.meta)?, bytes(&e.headline)?, bytes(&e.body)?, bytes(&e.dateline)?),
            (bytes(&e.exclaimed)?, bytes(&e.meta_after)?, bytes(&e.capitalised)?, bytes(&e.bulleted)?, bytes(&self.wrapped)?,
             bytes(&e.turn)?),
            (bytes(&e.capital)?, bytes(&e.pattern)?),
        )
            .into_pyobject(py)
    }

    /// The content lines (as `content`, in native-endian 4-byte units: read as
    /// ``array("I")``) and their `Positions`: 4 bytes a line instead of a list and a
    /// dict of ints.
    fn positions<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyBytes>, Positions)> {
        let content = &self.e.content;
        let bytes = PyBytes::new_with(py, 4 * content.len(), |b| {
            b.chunks_exact_mut(4).zip(content).for_each(|(b, &i)| b.copy_from_slice(&(i as u32).to_ne_bytes()));
            Ok(())
        })?;
        Ok((bytes, Positions { at: self.pos.clone() }))
    }

    /// The positions among the content lines of those whose text opens with "#" or a
    /// character of a number (`char::is_numeric`: each that `str.isdigit` holds, and
    /// more), in order: the only lines `cleaner.stories.numbered` reads for a section's
    /// item or a catalogue's entry.
    fn numbered(&self) -> Vec<u32> {
        let opens = |c: u32| c == u32::from(b'#') || char::from_u32(c).is_some_and(char::is_numeric);
        let units = &self.units;
        self.e.content.iter().enumerate().filter(|&(_, &i)| units[i].first().is_some_and(opens)).map(|(k, _)| k as u32).collect()
    }

    /// The kept content lines, in order (in native-endian 4-byte units, as `positions`).
    fn kept<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let e = &self.e;
        let kept: Vec<u8> = e.content.iter().filter(|&&i| e.keep[i]).flat_map(|&i| (i as u32).to_ne_bytes()).collect();
        Ok(PyBytes::new(py, &kept))
    }

    /// The series test of the gaps `heads` (each its head's first content position,
    /// its text's content position and whether it has a title): per gap, whether no line
    /// of a series goes on across it (crate::story_series, `cleaner.stories.series.serial`
    /// with `Options` ``story_series_lines`` ``reach``, ``story_series_items`` ``items``
    /// and ``story_series_forms`` ``need``).
    fn serial(&self, heads: Vec<(usize, usize, bool)>, reach: usize, items: i64, need: i64) -> Vec<bool> {
        crate::story_series::serial(&self.e.content, &self.units, &heads, reach, items, need)
    }

    /// Do the lines `a` and `b` have the same `str.casefold` (two blank lines do)?
    fn same_fold(&self, a: usize, b: usize) -> bool {
        self.same_text(a, b)
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

    /// `cleaner.stories.main._head_above`: what lies above the content line `first`, back
    /// to the nearest kept line: the lines with letters that no catalogue pattern dropped
    /// and that are no list items, when no kept line is above it; else its position among
    /// the content lines.
    fn head_above(&self, first: usize) -> PyResult<usize> {
        let (k, e) = (self.at(first)?, &self.e);
        let mut top = 0;
        for &j in e.content[..k].iter().rev() {
            if e.keep[j] {
                return Ok(k);
            }
            top += usize::from(e.lettered[j] && !e.pattern[j] && !e.bulleted[j]);
        }
        Ok(top)
    }

    /// `Reader.opening`: (title line or None, "repeat", "headed", "meta", "dateline" or
    /// None) of the document's first story (``story_first_echo_shared`` will do).
    #[pyo3(name = "opening")]
    fn py_opening<'py>(&self, py: Python<'py>, first: usize, above: Vec<usize>) -> PyResult<Bound<'py, PyTuple>> {
        let (title, opening) = self.opening(first, &above, self.reach.first_echo_shared)?;
        (title, opening.map(|o| o.name(py))).into_pyobject(py)
    }

    /// `cleaner.stories.opening._echoing_head`'s test: does the line `line` share
    /// `least` different content words (``story_echo_shared``) with the first `reach`
    /// (``story_echo_words``) content words of the kept lines from the content line
    /// `first` on (story_opening.rs)?
    #[pyo3(name = "echoes")]
    fn py_echoes(&self, line: usize, first: usize, reach: usize, least: usize) -> PyResult<bool> {
        if line >= self.units.len() {
            return Err(crate::err("echoes: a line past the document".into()));
        }
        self.echoes(line, first, reach, least)
    }

    /// Does the line `line` share a content word with the kept line `text` (`echoes` read
    /// over that line's content words alone, story_opening.rs): a headline above a
    /// paragraph that names it (`cleaner.stories.boundaries._stray_head`)?
    #[pyo3(name = "names")]
    fn py_names(&self, line: usize, text: usize) -> PyResult<bool> {
        if line >= self.units.len() || text >= self.units.len() {
            return Err(crate::err("names: a line past the document".into()));
        }
        self.names(line, text)
    }

    /// `cleaner.stories.evidence.gaps`: the evidence of the gaps at kept positions `cs`,
    /// each between the content lines `prevs[k]` and `firsts[k]`, with its cosine (None:
    /// too little text) and depth, scored with `weights` (story_gaps.rs).
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (cs, prevs, firsts, cos, depth, above_lines, weights))]
    fn gaps<'py>(
        &self,
        py: Python<'py>,
        cs: Vec<usize>,
        prevs: Vec<usize>,
        firsts: Vec<usize>,
        cos: Vec<Option<f64>>,
        depth: Vec<f64>,
        above_lines: i64,
        weights: crate::story_gaps::Weights,
    ) -> PyResult<Bound<'py, PyList>> {
        crate::story_gaps::gaps(self, py, &cs, &prevs, &firsts, &cos, &depth, above_lines, &weights)
    }

    /// `cleaner.stories.boundaries._candidates`: the candidate boundaries of the stretch
    /// of kept positions after `start` and before `end` of the kept lines `kept`, from the
    /// topic profile (``prose``, ``cos``, ``depth``, ``names``: `topic_profile`, the
    /// depths edged; ``layout``: `boundaries.layout`), ``heads_only`` and ``title0``
    /// as there, with the `Options` ``limits`` of story_candidates.rs and the ``weights``
    /// of story_gaps.rs: per candidate the fields of `cleaner.stories.evidence.Gap`.
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (kept, prose, cos, depth, names, layout, start, end, heads_only, title0, limits, weights))]
    fn candidates<'py>(
        &self,
        py: Python<'py>,
        kept: Vec<usize>,
        prose: Vec<usize>,
        cos: Vec<Option<f64>>,
        depth: Vec<f64>,
        names: Vec<bool>,
        layout: Vec<f64>,
        start: usize,
        end: usize,
        heads_only: bool,
        title0: Option<usize>,
        limits: crate::story_candidates::Limits,
        weights: crate::story_gaps::Weights,
    ) -> PyResult<Bound<'py, PyList>> {
        let topic = crate::story_candidates::Topic { prose: &prose, cos: &cos, depth: &depth, names: &names, layout: &layout };
        let stretch = crate::story_candidates::Stretch { start, end, heads_only, title0 };
        crate::story_candidates::py_candidates(self, py, &kept, &topic, &stretch, &limits, &weights)
    }

    /// `cleaner.stories.boundaries.body_words`: per kept position of the kept lines
    /// ``kept`` (and one past the last), the body words of the kept lines before it
    /// (story_candidates.rs).
    fn body_words(&self, kept: Vec<usize>) -> PyResult<Vec<i64>> {
        if kept.iter().any(|&i| i >= self.e.body.len()) {
            return Err(crate::err("body_words: kept lines past the document".into()));
        }
        Ok(crate::story_candidates::body_words(self, &kept))
    }

    /// `cleaner.stories.evidence.style_shifts`' marks of the lines ``lines``: per line, the
    /// bits of `marks` (bytes).
    fn marks<'py>(&self, py: Python<'py>, lines: Vec<usize>) -> PyResult<Bound<'py, PyBytes>> {
        if lines.iter().any(|&i| i >= self.units.len()) {
            return Err(crate::err("marks: lines past the document".into()));
        }
        let got: Vec<u8> = lines
            .iter()
            .map(|&i| match &self.units[i] {
                Units::Ucs1(s) => latin1_marks(s),
                other => with_units!(Units, other, s => marks(s)),
            })
            .collect();
        Ok(PyBytes::new(py, &got))
    }

    /// `cleaner.stories.main._mark_rate`'s count: the marks that end a sentence or a clause
    /// in the lines ``lines`` (`clause_marks`).
    fn clause_marks(&self, lines: Vec<usize>) -> PyResult<usize> {
        if lines.iter().any(|&i| i >= self.units.len()) {
            return Err(crate::err("clause_marks: lines past the document".into()));
        }
        Ok(lines.iter().map(|&i| with_units!(Units, &self.units[i], s => clause_marks(&s[..]))).sum())
    }

    /// `cleaner.stories.evidence.topic_profile`'s sections: per paragraph of body (kept
    /// positions ``prose`` of the kept lines ``kept``), whether the gap above it is a
    /// subheading between sections of one article (``sections``:
    /// ``story_names_sections``; story_candidates.rs).
    fn sectioned(&self, kept: Vec<usize>, prose: Vec<usize>, sections: usize) -> PyResult<Vec<bool>> {
        let n = self.e.headline.len();
        if prose.iter().any(|&c| c >= kept.len()) || prose.windows(2).any(|w| w[0] >= w[1]) || kept.iter().any(|&i| i >= n) {
            return Err(crate::err("sectioned: paragraphs that do not fit the kept lines".into()));
        }
        Ok(crate::story_candidates::sectioned(self, &kept, &prose, sections))
    }

    /// `cleaner.stories.teasers.teasers`: the teasers among the kept lines `kept`
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

/// The marks a site writes one way or the other that a text uses, as bits, each pair's
/// plain mark first: 1 an apostrophe inside a word (a word character, as Python's `\w`,
/// either side), 2 a typographic one (U+2019); 4 a straight double quote, 8 a typographic
/// one (U+201C, U+201D); 16 three dots in a row, 32 an ellipsis character (U+2026).
/// The plain mark's bit of each pair `marks` tells apart (an apostrophe within a word, a
/// double quote, three full stops); the typographic mark's bit of a pair (\u2019, \u201c or
/// \u201d, \u2026) is twice it.  Exported as `_core.MARK_PAIRS` for
/// `cleaner.stories.evidence.style_shifts`.
pub(crate) const MARK_PAIRS: [u8; 3] = [MARK_APOSTROPHE, MARK_QUOTE, MARK_ELLIPSIS];
const MARK_APOSTROPHE: u8 = 1;
const MARK_QUOTE: u8 = 4;
const MARK_ELLIPSIS: u8 = 16;

/// A mark that ends a sentence or a clause when a space or the line's end follows it: a
/// full stop, "!", "?", "\u{2026}", a comma, a semicolon or a colon (not inside "3.5" or
/// "a.m"), in the Latin forms and the Arabic, Armenian, Devanagari, Ethiopic, Khmer,
/// Myanmar and Tibetan ones.
fn ends_clause(c: u32) -> bool {
    matches!(c, 0x21 | 0x2c | 0x2e | 0x3a | 0x3b | 0x3f | 0x2026 | 0x60c | 0x61b | 0x61f | 0x589 | 0x964 | 0x965
        | 0x1362..=0x1364 | 0x17d4 | 0x17d5 | 0x104a | 0x104b | 0xf0d)
}

/// The full-width marks of Chinese and Japanese that end a sentence or a clause, anywhere
/// (no space follows them).
fn full_width_clause(c: u32) -> bool {
    matches!(c, 0x3001 | 0x3002 | 0xff01 | 0xff0c | 0xff1a | 0xff1b | 0xff1f)
}

/// The marks that end a sentence or a clause in `text`: each run of `ends_clause` marks
/// followed by a space (`str.isspace`) or the end counts once, each `full_width_clause`
/// mark once.
pub(crate) fn clause_marks<T: Copy + Into<u32>>(text: &[T]) -> usize {
    let (mut n, mut k) = (0, 0);
    while k < text.len() {
        let c: u32 = text[k].into();
        k += 1;
        if full_width_clause(c) {
            n += 1;
        } else if ends_clause(c) {
            while k < text.len() && ends_clause(text[k].into()) {
                k += 1;
            }
            n += usize::from(k == text.len() || is_space(text[k].into()));
        }
    }
    n
}

pub(crate) fn marks<T: Copy + Into<u32>>(text: &[T]) -> u8 {
    let at = |k: usize| -> u32 { text[k].into() };
    let mut bits = 0u8;
    for k in 0..text.len() {
        let c = at(k);
        // most characters are none of the marks: two comparisons tell
        if !(0x22..=0x2e).contains(&c) && !(0x2019..=0x2026).contains(&c) {
            continue;
        }
        bits |= match c {
            0x27 | 0x2019 if k > 0 && k + 1 < text.len() && is_word(at(k - 1)) && is_word(at(k + 1)) => {
                if c == 0x27 {
                    MARK_APOSTROPHE
                } else {
                    2 * MARK_APOSTROPHE
                }
            }
            0x22 => MARK_QUOTE,
            0x201c | 0x201d => 2 * MARK_QUOTE,
            0x2e if k + 2 < text.len() && at(k + 1) == 0x2e && at(k + 2) == 0x2e => MARK_ELLIPSIS,
            0x2026 => 2 * MARK_ELLIPSIS,
            _ => 0,
        };
    }
    bits
}

/// `marks` of a text in Latin-1 (one byte a character), which holds no typographic mark:
/// each plain one looked for with the library's byte search first, so most of the text is
/// not read a character at a time.
fn latin1_marks(text: &[u8]) -> u8 {
    let quote = if text.contains(&b'"') { MARK_QUOTE } else { 0 };
    let apostrophe = if text.contains(&b'\'') { marks(text) & MARK_APOSTROPHE } else { 0 };
    let dots = if text.windows(3).any(|w| w == b"...") { MARK_ELLIPSIS } else { 0 };
    apostrophe | quote | dots
}
