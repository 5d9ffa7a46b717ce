//! The topic evidence of the story finder (`cleaner.stories.evidence`), for a whole
//! document at once: the content words of its kept lines (read by `cohesion_words.rs`)
//! as stem ids, the windows of them either side of each gap between paragraphs, their
//! cosines and the depth scores (TextTiling).  Sums of counts are integers and every
//! float is computed in the order the Python did, so the figures are the same to the
//! last bit.

use crate::cohesion_words::{text_words, text_words_names, Role};
pub(crate) use crate::cohesion_words::{is_letter, Stoplist};
use crate::text::{with_units, FxMap, FxSet, Units};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

/// A stem: up to six code points, the rest `u32::MAX` (no allocation per word).
type Stem = [u32; 6];

fn stem_text(stem: &Stem) -> &[u32] {
    &stem[..stem.iter().position(|&c| c == u32::MAX).unwrap_or(6)]
}

/// Counts of stems (by id), each stem once, in the order first seen: a window of
/// content words.
type Counts = Vec<(u32, u64)>;

/// A count per stem id, every one zero between uses: what counts a window and takes a
/// dot product without sorting.
struct Dense(Vec<u64>);

impl Dense {
    fn counts(&mut self, ids: &[u32]) -> Counts {
        let mut seen = Vec::new();
        for &id in ids {
            let n = &mut self.0[id as usize];
            if *n == 0 {
                seen.push(id);
            }
            *n += 1;
        }
        let out = seen.iter().map(|&id| (id, self.0[id as usize])).collect();
        for id in seen {
            self.0[id as usize] = 0;
        }
        out
    }

    /// The cosine of two counts of words, 1.0 when a side is empty (nothing to compare:
    /// no evidence of a change).  The sums are integers (exact in any order).
    fn cosine(&mut self, a: &Counts, b: &Counts) -> f64 {
        if a.is_empty() || b.is_empty() {
            return 1.0;
        }
        for &(id, n) in a {
            self.0[id as usize] = n;
        }
        let dot: u64 = b.iter().map(|&(id, n)| n * self.0[id as usize]).sum();
        for &(id, _) in a {
            self.0[id as usize] = 0;
        }
        let square = |c: &Counts| c.iter().map(|&(_, n)| n * n).sum::<u64>() as f64;
        dot as f64 / (square(a).sqrt() * square(b).sqrt())
    }
}

/// The window sizes: at most `words` content words, at most `lines` lines.
#[derive(Clone, Copy)]
pub struct Reach {
    pub words: usize,
    pub lines: usize,
}

/// The content words of one document's kept lines, each stem an id.
#[pyclass(frozen, module = "cleaner._core")]
pub struct Cohesion {
    /// Per line of the document: where its ids lie in `ids` (a line not given: none).
    span: Vec<(u32, u32)>,
    /// The stem ids of the content words of the lines given, line after line.
    ids: Vec<u32>,
    /// Per line of the document: where the ids of its names (`text_names`) lie in `names`,
    /// and its content words inside a sentence, names or not.
    name_span: Vec<(u32, u32)>,
    names: Vec<u32>,
    inside: Vec<u32>,
    stems: Vec<Stem>,
    /// The id of each stem, by its `key`.
    known: FxMap<u128, u32>,
}

/// A stem's code points packed 21 bits each (a character is under 2^21; 2^21 - 1 where
/// the stem has none): one key hashed and compared at once.
fn key(w: &[u32]) -> u128 {
    (0..6).fold(0u128, |k, j| k << 21 | u128::from(w.get(j).copied().unwrap_or(0x1f_ffff)))
}

fn stem_of(w: &[u32]) -> Stem {
    let mut stem: Stem = [u32::MAX; 6];
    stem[..w.len()].copy_from_slice(w);
    stem
}

impl Cohesion {
    /// The content words of `texts`, the texts of the document's lines `lines`.
    pub fn of(texts: &[&Units], lines: &[usize], stops: &FxSet<Vec<u32>>) -> Self {
        Self::read(texts, lines, stops, false)
    }

    /// `of`, each line read without the stopwords of its own language too (the language
    /// `crate::lang::guess` guesses for it, when that is not the document's): a dump of
    /// pages in several languages is read with one stoplist, the document's, so another
    /// language's function words would count as content words and make two stories in
    /// that language look like one.
    pub fn of_own(texts: &[&Units], lines: &[usize], stops: &FxSet<Vec<u32>>) -> Self {
        Self::read(texts, lines, stops, true)
    }

    fn read(texts: &[&Units], lines: &[usize], stops: &FxSet<Vec<u32>>, own: bool) -> Self {
        let mut merged: FxMap<String, Option<FxSet<Vec<u32>>>> = FxMap::default();
        let mut own_stops = |text: &Units| -> Option<String> {
            if !own {
                return None;
            }
            let code = with_units!(Units, text, s => crate::lang::guess(&s[..])).ok().flatten()?;
            let entry = merged.entry(code.clone()).or_insert_with(|| {
                let list = crate::lang::stoplist(&code).ok()?;
                if list.iter().all(|w| stops.contains(w)) {
                    return None; // the document's own language
                }
                Some(stops.iter().chain(list.iter()).cloned().collect())
            });
            entry.as_ref().map(|_| code)
        };
        let codes: Vec<Option<String>> = texts.iter().map(|t| own_stops(t)).collect();
        let mut span = vec![(0, 0); lines.iter().max().map_or(0, |&x| x + 1)];
        let mut known: FxMap<u128, u32> = FxMap::default();
        let mut stems: Vec<Stem> = Vec::new();
        let mut ids = Vec::new();
        let (mut name_span, mut names, mut inside) = (vec![(0, 0); span.len()], Vec::new(), vec![0; span.len()]);
        for ((&text, &line), code) in texts.iter().zip(lines).zip(&codes) {
            let (start, first) = (ids.len() as u32, names.len() as u32);
            let read = |w: &[u32], role: Role| {
                if role == Role::Name {
                    // a name is a content word, so its stem has an id
                    names.extend(known.get(&key(w)).copied());
                    return;
                }
                let id = *known.entry(key(w)).or_insert_with(|| {
                    stems.push(stem_of(w));
                    (stems.len() - 1) as u32
                });
                ids.push(id);
                if role == Role::NamedWord {
                    names.push(id);
                }
            };
            let line_stops = code.as_ref().and_then(|c| merged[c].as_ref()).unwrap_or(stops);
            inside[line] = with_units!(Units, text, s => text_words_names(&s[..], line_stops, read));
            span[line] = (start, ids.len() as u32);
            name_span[line] = (first, names.len() as u32);
        }
        Cohesion { span, ids, name_span, names, inside, stems, known }
    }

    /// The ids of the content words of `text` (stems no line given holds: `None`), in
    /// order.
    pub fn ids_of(&self, text: &Units, stops: &FxSet<Vec<u32>>) -> Vec<Option<u32>> {
        let mut out = Vec::new();
        with_units!(Units, text, s => text_words(&s[..], stops, |w| out.push(self.known.get(&key(w)).copied())));
        out
    }

    /// The ids of the content words of line `line` (none for a line not given).
    pub fn of_line(&self, line: usize) -> &[u32] {
        let (a, b) = self.span.get(line).copied().unwrap_or((0, 0));
        &self.ids[a as usize..b as usize]
    }

    /// The words of `lines` from position `start` walking by `step` up to `reach`, not
    /// past position `stop` (`counts` and `window_cosine` read it).
    fn window(&self, dense: &mut Dense, lines: &[usize], start: i64, step: i64, stop: i64, reach: Reach) -> Counts {
        let (k, sum) = self.window_end(lines, start, step, stop, reach);
        let mut ids = Vec::with_capacity(sum);
        let mut p = start;
        while p != k {
            ids.extend_from_slice(self.of_line(lines[p as usize]));
            p += step;
        }
        dense.counts(&ids)
    }

    /// Where the window of `window` ends (the first position past it) and how many
    /// content words it holds.
    fn window_end(&self, lines: &[usize], start: i64, step: i64, stop: i64, reach: Reach) -> (i64, usize) {
        let (mut k, mut steps, mut sum) = (start, 0, 0);
        let inside = |k: i64| if step < 0 { k >= stop } else { k < stop };
        while inside(k) && sum < reach.words && steps < reach.lines {
            steps += 1;
            sum += self.of_line(lines[k as usize]).len();
            k += step;
        }
        (k, sum)
    }

    /// The lines of the window of `lines` from position `start` walking by `step` up to
    /// `reach`, not past position `stop` (what `window_cosine` reads on that side).
    pub(crate) fn window_lines(&self, lines: &[usize], start: i64, step: i64, stop: i64, reach: Reach) -> Vec<usize> {
        let (k, _) = self.window_end(lines, start, step, stop, reach);
        let mut out = Vec::new();
        let mut p = start;
        while p != k {
            out.push(lines[p as usize]);
            p += step;
        }
        out
    }

    /// `Cohesion.window_cosine`: the cosine of the window of `lines` from position `start`
    /// walking by `step`, not past position `stop`, with the content words of `other`.
    pub(crate) fn window_cosine(&self, lines: &[usize], start: i64, step: i64, stop: i64, reach: Reach, other: &[usize]) -> f64 {
        let d = &mut self.dense();
        let window = self.window(d, lines, start, step, stop, reach);
        let other = d.counts(&self.ids_in(other));
        d.cosine(&window, &other)
    }

    /// The cosine of the content words of the lines `a` with those of the lines `b` (1.0
    /// when a side has none).
    pub(crate) fn cosine_lines(&self, a: &[usize], b: &[usize]) -> f64 {
        let d = &mut self.dense();
        let (x, y) = (d.counts(&self.ids_in(a)), d.counts(&self.ids_in(b)));
        d.cosine(&x, &y)
    }

    /// The share of the distinct content words of the lines `b` that the lines `a` hold
    /// too (0.0 when `b` has none).
    pub(crate) fn shared_share(&self, a: &[usize], b: &[usize]) -> f64 {
        let seen: FxSet<u32> = self.ids_in(a).into_iter().collect();
        let mine: FxSet<u32> = self.ids_in(b).into_iter().collect();
        if mine.is_empty() {
            return 0.0;
        }
        mine.iter().filter(|id| seen.contains(id)).count() as f64 / mine.len() as f64
    }

    /// The ids of the names of line `line` (none for a line not given).
    fn names_of(&self, line: usize) -> &[u32] {
        let (a, b) = self.name_span.get(line).copied().unwrap_or((0, 0));
        &self.names[a as usize..b as usize]
    }

    /// Per paragraph of `lines` (those of `profile`), whether the window after the gap
    /// above it (as `profile` fills it: up to `reach`) names at least `least` names and
    /// none of those the paragraphs before the gap named, which are at least `least`
    /// different ones: the text after names other people and places (the first
    /// paragraph: false).  None does where more than `share` of the content words inside
    /// the paragraphs' sentences begin with a capital: there capitals mark nouns
    /// (German) or a title's words, not names.
    pub fn novel_names(&self, lines: &[usize], reach: Reach, least: usize, share: f64) -> Vec<bool> {
        let n = lines.len();
        let mut seen: FxSet<u32> = FxSet::default();
        let mut out = vec![false; n];
        let named: usize = lines.iter().map(|&i| self.names_of(i).len()).sum();
        let inside: u64 = lines.iter().map(|&i| u64::from(self.inside.get(i).copied().unwrap_or(0))).sum();
        if named as f64 > share * inside as f64 {
            return out;
        }
        for t in 0..n {
            if t > 0 {
                let (mut words, mut got, mut k) = (0, 0, t);
                let mut fresh = true;
                while k < n && words < reach.words && k - t < reach.lines {
                    let named = self.names_of(lines[k]);
                    fresh &= !named.iter().any(|id| seen.contains(id));
                    got += named.len();
                    words += self.of_line(lines[k]).len();
                    k += 1;
                }
                out[t] = fresh && got >= least && seen.len() >= least;
            }
            seen.extend(self.names_of(lines[t]).iter().copied());
        }
        out
    }

    /// The ids of the content words of `lines`, in order.
    fn ids_in(&self, lines: &[usize]) -> Vec<u32> {
        lines.iter().flat_map(|&i| self.of_line(i).iter().copied()).collect()
    }

    fn dense(&self) -> Dense {
        Dense(vec![0; self.stems.len()])
    }

    /// `cleaner.stories.evidence.topic_profile`'s figures for the paragraphs `lines`: the
    /// cosine across the gap above each (None when a side holds under `least` words) and
    /// its depth score (`affinity`: the weight of the paragraph's own pull), and the
    /// comparisons its climbs made (`climbs`).  The windows either side of the gaps slide
    /// down the paragraphs once (`Pair`).
    pub fn profile(&self, lines: &[usize], reach: Reach, least: u64, affinity: f64) -> (Vec<Option<f64>>, Vec<f64>, usize) {
        let n = lines.len();
        let d = &mut self.dense();
        let own: Vec<Counts> = lines.iter().map(|&i| d.counts(self.of_line(i))).collect();
        let mut cos: Vec<Option<f64>> = vec![None; n];
        // per paragraph, the cosine of its own words with the window after the gap below it
        // and with the window before the gap above it
        let (mut with_after, mut with_before) = (vec![1.0; n], vec![1.0; n]);
        let mut pair = Pair::new(self.stems.len());
        let (mut after_end, mut before_end) = (1, 0);
        let words = |k: usize| self.of_line(lines[k]);
        for t in 1..n {
            // the window before the gap above paragraph t: from t - 1 back
            pair.add(Side::Before, words(t - 1));
            while before_end < t
                && !(pair.before.total - (words(before_end).len() as u64) < reach.words as u64
                    && t - 1 - before_end < reach.lines)
            {
                pair.remove(Side::Before, words(before_end));
                before_end += 1;
            }
            // the window after it: from t on
            if t > 1 && after_end > t - 1 {
                pair.remove(Side::After, words(t - 1));
            }
            after_end = after_end.max(t);
            while after_end < n && pair.after.total < reach.words as u64 && after_end - t < reach.lines {
                pair.add(Side::After, words(after_end));
                after_end += 1;
            }
            if pair.after.total >= least && pair.before.total >= least {
                cos[t] = Some(pair.cosine());
            }
            with_after[t - 1] = pair.after.cosine_with(&own[t - 1]);
            with_before[t] = pair.before.cosine_with(&own[t]);
        }
        let mut deep = vec![0.0; n];
        let (lefts, rights, steps) = climbs(&cos);
        for j in 1..n {
            let (Some(here), Some(left), Some(right)) = (cos[j], lefts[j], rights[j]) else { continue };
            deep[j] = (left - here) + (right - here);
            if j + 1 < n && !own[j].is_empty() {
                deep[j] += affinity * (with_after[j] - with_before[j]);
            }
        }
        (cos, deep, steps)
    }

    /// `cleaner.stories.boundaries.halves`'s figures for the paragraphs `lines`: the
    /// cosine of all the paragraphs above the gap above each with all those from it on
    /// (None where a side holds under `least` words, and above the first), and its depth
    /// score.  Each paragraph moves once from the side after the gaps to the side before
    /// (`Pair`).
    pub fn halves(&self, lines: &[usize], least: u64) -> (Vec<Option<f64>>, Vec<f64>) {
        let n = lines.len();
        let mut pair = Pair::new(self.stems.len());
        for &i in lines {
            pair.add(Side::After, self.of_line(i));
        }
        let mut cos: Vec<Option<f64>> = vec![None; n];
        for t in 1..n {
            let moved = self.of_line(lines[t - 1]);
            pair.remove(Side::After, moved);
            pair.add(Side::Before, moved);
            if pair.before.total >= least && pair.after.total >= least {
                // pow, not sqrt, of the product: the figure `x ** 0.5` gave in Python, to
                // the last bit (black_box: the compiler would make it a sqrt)
                let norms = (u128::from(pair.before.square) * u128::from(pair.after.square)) as f64;
                cos[t] = Some(pair.dot as f64 / norms.powf(std::hint::black_box(0.5)));
            }
        }
        let (lefts, rights, _) = climbs(&cos);
        let deep = (0..n)
            .map(|j| match (cos[j], lefts[j], rights[j]) {
                (Some(x), Some(a), Some(b)) => (a - x) + (b - x),
                _ => 0.0,
            })
            .collect();
        (cos, deep)
    }
}

/// For each cosine, the top reached climbing from it to the left over cosines that do not
/// fall (each at least the one before it on the way) and likewise to the right (None where
/// the cosine is None; a None stops a climb), and the number of comparisons made.  One pass
/// each way: the climb from `j` that takes its neighbour continues as the neighbour's own,
/// so a run of equal cosines costs one comparison per gap, not one per gap of the run.
pub fn climbs(cos: &[Option<f64>]) -> (Vec<Option<f64>>, Vec<Option<f64>>, usize) {
    let n = cos.len();
    let (mut left, mut right) = (cos.to_vec(), cos.to_vec());
    let mut steps = 0;
    for j in 1..n {
        let (Some(here), Some(next)) = (cos[j], cos[j - 1]) else { continue };
        steps += 1;
        if next >= here {
            left[j] = left[j - 1];
        }
    }
    for j in (0..n.saturating_sub(1)).rev() {
        let (Some(here), Some(next)) = (cos[j], cos[j + 1]) else { continue };
        steps += 1;
        if next >= here {
            right[j] = right[j + 1];
        }
    }
    (left, right, steps)
}

/// `climbs` for Python (the tests check it against the walk from each gap).
#[pyfunction]
pub fn cohesion_climbs(cos: Vec<Option<f64>>) -> (Vec<Option<f64>>, Vec<Option<f64>>, usize) {
    climbs(&cos)
}

/// Which window of a `Pair`.
#[derive(Clone, Copy)]
enum Side {
    Before,
    After,
}

/// One window of content words as it slides: the count of each stem id, their sum and
/// the sum of their squares.
struct Window {
    count: Vec<u64>,
    total: u64,
    square: u64,
}

impl Window {
    /// `Dense::cosine` of the counts `own` with this window's.
    fn cosine_with(&self, own: &Counts) -> f64 {
        if own.is_empty() || self.total == 0 {
            return 1.0;
        }
        let dot: u64 = own.iter().map(|&(id, n)| n * self.count[id as usize]).sum();
        let square = own.iter().map(|&(_, n)| n * n).sum::<u64>() as f64;
        dot as f64 / (square.sqrt() * (self.square as f64).sqrt())
    }
}

/// The windows either side of a gap and their dot product, kept as lines join and leave
/// them; all integers, so the cosine is that of the windows counted afresh
/// (`Dense::cosine`).
struct Pair {
    before: Window,
    after: Window,
    dot: u64,
}

impl Pair {
    fn new(stems: usize) -> Self {
        let empty = || Window { count: vec![0; stems], total: 0, square: 0 };
        Pair { before: empty(), after: empty(), dot: 0 }
    }

    fn sides(&mut self, side: Side) -> (&mut Window, &Window) {
        match side {
            Side::Before => (&mut self.before, &self.after),
            Side::After => (&mut self.after, &self.before),
        }
    }

    fn add(&mut self, side: Side, ids: &[u32]) {
        let mut dot = 0;
        let (me, other) = self.sides(side);
        for &id in ids {
            let n = &mut me.count[id as usize];
            me.square += 2 * *n + 1;
            *n += 1;
            dot += other.count[id as usize];
        }
        me.total += ids.len() as u64;
        self.dot += dot;
    }

    fn remove(&mut self, side: Side, ids: &[u32]) {
        let mut dot = 0;
        let (me, other) = self.sides(side);
        for &id in ids {
            let n = &mut me.count[id as usize];
            *n -= 1;
            me.square -= 2 * *n + 1;
            dot += other.count[id as usize];
        }
        me.total -= ids.len() as u64;
        self.dot -= dot;
    }

    /// `Dense::cosine` of the window before with the window after.
    fn cosine(&self) -> f64 {
        if self.before.total == 0 || self.after.total == 0 {
            return 1.0;
        }
        self.dot as f64 / ((self.before.square as f64).sqrt() * (self.after.square as f64).sqrt())
    }
}

#[pymethods]
impl Cohesion {
    /// The content words of `texts`, the texts of the document's lines `lines`.
    #[new]
    fn new(texts: Vec<Bound<'_, PyString>>, lines: Vec<usize>, stops: &Bound<'_, Stoplist>) -> PyResult<Self> {
        let texts = texts.iter().map(crate::units).collect::<PyResult<Vec<_>>>()?;
        Ok(Self::of(&texts.iter().collect::<Vec<_>>(), &lines, &stops.get().words))
    }

    /// The cosine of the content words of the lines `a` with those of the lines `b` (1.0
    /// when a side has none).
    fn cosine_of(&self, a: Vec<usize>, b: Vec<usize>) -> f64 {
        self.cosine_lines(&a, &b)
    }

    /// The share of the distinct content words of the lines `b` that the lines `a` hold
    /// too (0.0 when `b` has none).
    #[pyo3(name = "shared_share")]
    fn py_shared_share(&self, a: Vec<usize>, b: Vec<usize>) -> f64 {
        self.shared_share(&a, &b)
    }

    /// The cosine of the window of `lines` from position `start` walking by `step` (see
    /// `counts`; `reach`: its most words and lines) with the content words of the lines
    /// `other` (`cleaner.stories.top` reads it).
    #[pyo3(name = "window_cosine")]
    fn py_window_cosine(&self, lines: Vec<usize>, start: i64, step: i64, stop: i64, reach: (usize, usize), other: Vec<usize>) -> f64 {
        self.window_cosine(&lines, start, step, stop, Reach { words: reach.0, lines: reach.1 }, &other)
    }

    /// `cleaner.stories.main._continued`'s judging of the runs of kept lines beside a
    /// story's lines `story`, in order: a run whose words (with those of the short runs
    /// before it, under `least` words, left pending) reach `least` is taken when their
    /// cosine with the story's is at least `limit`, else the walk stops.  Per run judged
    /// before the walk stops: how many runs are taken up to it, pending ones included.
    fn continued(&self, story: Vec<usize>, runs: Vec<Vec<usize>>, least: u64, limit: f64) -> Vec<usize> {
        let d = &mut self.dense();
        let story = d.counts(&self.ids_in(&story));
        let (mut out, mut taken, mut pending) = (Vec::with_capacity(runs.len()), 0, Vec::new());
        for run in &runs {
            pending.extend(self.ids_in(run));
            if pending.len() as u64 >= least {
                let words = d.counts(&pending);
                if d.cosine(&story, &words) < limit {
                    break;
                }
                taken = out.len() + 1;
                pending.clear();
            }
            out.push(taken);
        }
        out
    }

    /// The counts of the window of `lines` from position `start` walking by `step`, not
    /// past position `stop` (at most `words` words and `most_lines` lines): ``{stem: count}``.
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
        let reach = Reach { words, lines: most_lines };
        for (id, n) in self.window(&mut self.dense(), &lines, start, step, stop, reach) {
            out.set_item(crate::py_str(py, stem_text(&self.stems[id as usize]))?, n)?;
        }
        Ok(out)
    }

    /// `Cohesion::novel_names` of the paragraphs `lines` (`topic_profile`'s windows).
    #[pyo3(name = "novel_names", signature = (lines, words, most_lines, least, share))]
    fn py_novel_names(&self, lines: Vec<usize>, words: usize, most_lines: usize, least: usize, share: f64) -> Vec<bool> {
        self.novel_names(&lines, Reach { words, lines: most_lines }, least, share)
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
        let (cos, deep, _) = self.profile(&lines, Reach { words, lines: most_lines }, least, affinity);
        (cos, deep)
    }

    /// `Cohesion::halves` of the paragraphs `lines` (`cleaner.stories.boundaries.halves`).
    #[pyo3(name = "halves")]
    fn py_halves(&self, lines: Vec<usize>, least: u64) -> (Vec<Option<f64>>, Vec<f64>) {
        self.halves(&lines, least)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_climbs_a_run_of_equal_cosines_in_one_pass() {
        // Paragraphs all alike (a dump of many alike stories): every cosine the same, no
        // gap deeper than another.  Walked afresh from every gap the m - 1 cosines would
        // cost (m - 1) * (m - 2) comparisons; climbed once each way, one per neighbour
        // each way.  Counted, not timed.
        let m = 3000;
        let text = Units::Ucs1(b"harbour vessels sailed".to_vec());
        let texts: Vec<&Units> = vec![&text; m];
        let lines: Vec<usize> = (0..m).collect();
        let c = Cohesion::of(&texts, &lines, &FxSet::default());
        let (cos, deep, steps) = c.profile(&lines, Reach { words: 3, lines: 40 }, 1, 0.5);
        assert!(cos[0].is_none() && cos[1].is_some() && cos[1..].iter().all(|&x| x == cos[1]));
        assert!(deep.iter().all(|&d| d == 0.0));
        assert_eq!(steps, 2 * (m - 2));
    }
}
