//! The evidence that a story starts in each candidate gap of a document, in one call
//! (`cleaner.stories.evidence.gaps`): the head evidence of the gap (story.rs) and its
//! score in points (`cleaner.stories.evidence.boundary_score`), from the weights of
//! `Options` passed in (`Weights`; no weight lives here).  Every float is computed in
//! the order the Python did, so the scores are the same to the last bit.

use crate::story::{Opening, Story};
use crate::story_opening::Gap as HeadEvidence;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

/// The `Options` weights of a gap's evidence (``story_*``), in the order of
/// `cleaner.stories.evidence.weights`.
#[derive(Clone)]
pub struct Weights {
    headed: f64,
    meta: f64,
    repeat: f64,
    dateline: f64,
    dropped: f64,
    dropped_max: f64,
    furniture: f64,
    furniture_max: f64,
    headline: f64,
    cosine: f64,
    neutral: f64,
    depth: f64,
    depth_max: f64,
    section_depth: f64,
}

impl<'py> FromPyObject<'py> for Weights {
    fn extract_bound(ob: &Bound<'py, PyAny>) -> PyResult<Self> {
        let w: Vec<f64> = ob.extract()?;
        let [headed, meta, repeat, dateline, dropped, dropped_max, furniture, furniture_max, headline, cosine, neutral, depth, depth_max, section_depth] =
            w[..]
        else {
            return Err(crate::err(format!("14 story weights, not {}", w.len())));
        };
        Ok(Weights {
            headed, meta, repeat, dateline, dropped, dropped_max, furniture, furniture_max, headline, cosine, neutral,
            depth, depth_max, section_depth,
        })
    }
}

/// The evidence that a story starts at kept position `c` (`cleaner.stories.evidence.Gap`).
#[derive(Clone, Copy)]
pub(crate) struct Gap {
    pub(crate) c: usize,
    pub(crate) title: Option<usize>,
    pub(crate) opening: Option<Opening>,
    pub(crate) dropped: i64,
    pub(crate) furniture: i64,
    pub(crate) headline: bool,
    pub(crate) cohesion: f64,
    pub(crate) depth: f64,
    pub(crate) score: f64,
}

impl Weights {
    /// These weights with ``story_section_depth_weight`` points per unit of topic depth.
    pub(crate) fn soft(&self) -> Weights {
        Weights { depth: self.section_depth, ..self.clone() }
    }

    /// Does the depth of the gap between the content lines `prev` and `first` (`head`: its
    /// head evidence) weigh ``story_section_depth_weight`` (`soft`) outside an extractor's
    /// text: `first` has fewer than ``prose_min_words`` words (a label, not a paragraph,
    /// `Story::label`), or the gap opens no story by its head and holds a kept headline (a
    /// subheading between two sections of one article, whose subjects may differ,
    /// `Story::kept_headline`)?
    pub(crate) fn soft_depth(story: &Story, prev: usize, first: usize, head: &HeadEvidence) -> PyResult<bool> {
        if story.label(first) {
            return Ok(true);
        }
        let (a, b) = (story.at(prev)? + 1, story.at(first)?);
        Ok(head.1.is_none() && story.kept_headline(story.evidence().content[a.min(b)..b].iter().copied()))
    }
}

impl Gap {
    /// The gap at kept position `c` with its head evidence (`Story::gap_of`: title,
    /// opening, dropped lines, those a catalogue pattern dropped, a title-like headline),
    /// its topic evidence `cos` (None: too little text to judge, the neutral cosine) and
    /// `depth`, and its score.
    #[inline]
    pub(crate) fn new(c: usize, (title, opening, dropped, furniture, headline): HeadEvidence, cos: Option<f64>, depth: f64, w: &Weights) -> Gap {
        let cohesion = cos.unwrap_or(w.neutral);
        let score = score(opening, dropped, furniture, headline, cohesion, depth, w);
        Gap { c, title, opening, dropped, furniture, headline, cohesion, depth, score }
    }

    /// The fields of `cleaner.stories.evidence.Gap`, as a tuple.
    pub(crate) fn to_py<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let name = self.opening.map(|o| o.name(py));
        (self.c, self.title, name, self.dropped, self.furniture, self.headline, self.cohesion, self.depth, self.score)
            .into_pyobject(py)
    }
}

/// Python's ``min(a, b)`` of two floats (the first when neither is smaller).
fn py_min(a: f64, b: f64) -> f64 {
    if b < a { b } else { a }
}

/// `cleaner.stories.evidence.boundary_score`: the evidence that a story starts in a gap,
/// summed in points.
pub fn score(opening: Option<Opening>, dropped: i64, furniture: i64, headline: bool, cohesion: f64, depth: f64, w: &Weights) -> f64 {
    let mut score = match opening {
        Some(Opening::Headed) => w.headed,
        Some(Opening::Meta) => w.meta,
        Some(Opening::Repeat) => w.repeat,
        Some(Opening::Dateline) => w.dateline,
        None => 0.0,
    };
    score += py_min(dropped as f64 * w.dropped, w.dropped_max);
    score += py_min(furniture as f64 * w.furniture, w.furniture_max);
    score += if headline { w.headline } else { 0.0 };
    let topic = w.cosine * -((cohesion + 0.02) / (w.neutral + 0.02)).ln() + w.depth * py_min(depth, w.depth_max);
    // A whole head is a story's by its form: the topic can add to it but not take from it.
    score + if opening == Some(Opening::Headed) { if 0.0 > topic { 0.0 } else { topic } } else { topic }
}

/// `cleaner.stories.evidence.boundary_score` (``opening``: "headed", "meta", "repeat",
/// "dateline", else no head; ``weights``: `cleaner.stories.evidence.weights`).
#[pyfunction]
#[pyo3(signature = (opening, dropped, furniture, headline, cohesion, depth, weights))]
pub fn boundary_score(
    opening: Option<&str>,
    dropped: i64,
    furniture: i64,
    headline: bool,
    cohesion: f64,
    depth: f64,
    weights: Weights,
) -> f64 {
    score(opening.and_then(Opening::of), dropped, furniture, headline, cohesion, depth, &weights)
}

/// The evidence of the gaps at kept positions `cs`, the gap at `cs[k]` lying between the
/// content lines `prevs[k]` and `firsts[k]`, with its topic evidence `cos[k]` (None: too
/// little text to judge, the neutral cosine) and `depth[k]`: per gap the fields of
/// `cleaner.stories.evidence.Gap`.
#[allow(clippy::too_many_arguments)]
pub fn gaps<'py>(
    story: &Story,
    py: Python<'py>,
    cs: &[usize],
    prevs: &[usize],
    firsts: &[usize],
    cos: &[Option<f64>],
    depth: &[f64],
    above_lines: i64,
    w: &Weights,
) -> PyResult<Bound<'py, PyList>> {
    let n = cs.len();
    if [prevs.len(), firsts.len(), cos.len(), depth.len()].iter().any(|&m| m != n) {
        return Err(crate::err("gaps: columns of different lengths".into()));
    }
    let soft = w.soft();
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let head = story.gap_of(prevs[k], firsts[k], above_lines)?;
        let wk = if Weights::soft_depth(story, prevs[k], firsts[k], &head)? { &soft } else { w };
        out.push(Gap::new(cs[k], head, cos[k], depth[k], wk).to_py(py)?);
    }
    PyList::new(py, out)
}
