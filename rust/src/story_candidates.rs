//! The candidate boundaries of one stretch of full text (`cleaner.stories.boundaries
//! ._candidates`), in one call: the gap above every paragraph of body in the stretch with
//! its head evidence and score (story_gaps.rs), read again without the evidence that is
//! none (a repeat of the document's first title, a "title" that begins with no capital,
//! the dropped lines every gap of the stretch holds), and kept when it scores enough and
//! does not fall inside a list (bulleted, numbered, an interview's turns) or one article
//! whose subject drifts.  Only the gaps kept
//! become Python records (`cleaner.stories.evidence.Gap`).  The thresholds are `Options`
//! fields passed in (`Limits`); every float is computed as the Python did.  The Python
//! functions the items below are named after (`_usual`, `_listed`, `_fresh_section`,
//! `_one_article`) are that former Python, kept in tests/test_story_core.py, which holds
//! the core to it.

use crate::story::{Opening, Story};
use crate::story_gaps::{score, Gap, Weights};
use pyo3::prelude::*;
use pyo3::types::PyList;

/// The `Options` thresholds of the candidates, in this order: ``story_above_lines``,
/// ``story_usual_gaps``, ``story_boundary_score``, ``story_extracted_topic_score``,
/// ``story_whole_cohesion``, ``story_whole_dropped_cohesion``, ``story_names_weight``,
/// ``story_names_cosine``, ``story_min_words``, ``story_short_words``,
/// ``story_extracted_fresh_cosine``, ``story_extracted_fresh_share``.
pub struct Limits {
    above_lines: i64,
    usual_gaps: usize,
    boundary: f64,
    extracted_topic: f64,
    whole: f64,
    whole_dropped: f64,
    names: f64,
    names_cosine: f64,
    min_words: i64,
    short_words: i64,
    fresh: f64,
    fresh_share: f64,
}

impl<'py> FromPyObject<'py> for Limits {
    fn extract_bound(ob: &Bound<'py, PyAny>) -> PyResult<Self> {
        let (above_lines, usual_gaps, boundary, extracted_topic, whole, whole_dropped, names, names_cosine, min_words, short_words, fresh, fresh_share) =
            ob.extract()?;
        Ok(Limits { above_lines, usual_gaps, boundary, extracted_topic, whole, whole_dropped, names, names_cosine, min_words, short_words, fresh, fresh_share })
    }
}

/// The topic evidence of a document's paragraphs of body (`topic_profile`): their kept
/// positions, the cosine across the gap above each (None: too little text), its depth
/// and whether the text after it names other people and places than the text before
/// (`Cohesion::novel_names`), not under a subheading between sections (`sectioned`),
/// and the points of another page's layout at it (`layout`, `boundaries.layout`: the
/// indentation or the typography of the paragraphs changes where the words change too;
/// none in an extractor's text).
pub struct Topic<'a> {
    pub prose: &'a [usize],
    pub cos: &'a [Option<f64>],
    pub depth: &'a [f64],
    pub names: &'a [bool],
    pub layout: &'a [f64],
}

/// A stretch of full text: the kept positions after `start` and before `end`, read as
/// an extractor's text (`heads_only`: a headless gap that holds kept lines needs
/// ``story_extracted_topic_score`` more), with the document's first title (`title0`).
#[derive(Clone, Copy)]
pub struct Stretch {
    pub start: usize,
    pub end: usize,
    pub heads_only: bool,
    pub title0: Option<usize>,
}

/// `_usual`: the dropped lines, and those a catalogue pattern dropped, that the gaps of a
/// stretch usually hold (the lower median of each, when there are `usual_gaps` gaps or
/// more): boilerplate set between most paragraphs tells no gap from another.
fn usual(found: &[Gap], usual_gaps: usize) -> (i64, i64) {
    if found.is_empty() || found.len() < usual_gaps {
        return (0, 0);
    }
    let mid = (found.len() - 1) / 2;
    let median = |field: fn(&Gap) -> i64| {
        let mut v: Vec<i64> = found.iter().map(field).collect();
        v.sort_unstable();
        v[mid]
    };
    (median(|g| g.dropped), median(|g| g.furniture))
}

/// `_revised`: `g` without the evidence that is none: a headline that repeats the title
/// of the document's first story (`title0`) opens no new story, a title with a meta line
/// begins like a title, and only the dropped lines beyond the `usual` ones count (the
/// record keeps its dropped lines; its score counts those beyond).
fn revised(story: &Story, g: Gap, title0: Option<usize>, usual: (i64, i64), w: &Weights) -> Gap {
    let e = story.evidence();
    let (mut opening, mut title, mut headline) = (g.opening, g.title, g.headline);
    let dropped = (g.dropped - usual.0).max(0);
    let furniture = (g.furniture - usual.1).max(0);
    if let (Some(t0), Some(t)) = (title0, title) {
        if t != t0 && story.same_text(t, t0) {
            (opening, title, headline) = (None, None, false);
        }
    }
    if opening == Some(Opening::Meta) && !title.is_some_and(|t| e.capitalised[t]) {
        (opening, title) = (None, None);
    }
    if opening == g.opening && title == g.title && headline == g.headline && dropped == g.dropped && furniture == g.furniture {
        return g;
    }
    let points = score(opening, dropped, furniture, headline, g.cohesion, g.depth, w);
    Gap { opening, title, headline, score: points, ..g }
}

/// `_listed`: does a list go on above line `first` (after kept line `before`): is the
/// last line with letters above it a list item, or a heading-like line right after one?
fn listed(story: &Story, before: usize, first: usize) -> PyResult<bool> {
    let e = story.evidence();
    let (a, b) = (story.at(before)? + 1, story.at(first)?);
    let mut last = e.content[a.min(b)..b].iter().rev().copied().filter(|&j| e.lettered[j]);
    let (near, far) = (last.next(), last.next());
    if near.is_some_and(|j| e.bulleted[j]) {
        return Ok(true);
    }
    Ok(matches!((far, near), (Some(x), Some(y)) if e.bulleted[x] && e.heading_like[y]))
}

/// Per paragraph of the topic profile: does the gap above it read as a subheading between
/// sections of one article: it holds a kept headline, and at least `sections` gaps between
/// the paragraphs before it and as many after it hold one too (parallel sections, each of
/// which may name its own people and places)?  Once per document (`Story.sectioned`).
pub(crate) fn sectioned(story: &Story, kept: &[usize], prose: &[usize], sections: usize) -> Vec<bool> {
    let headed: Vec<bool> =
        (0..prose.len()).map(|k| k > 0 && story.kept_headline((prose[k - 1] + 1..prose[k]).map(|x| kept[x]))).collect();
    let total = headed.iter().filter(|&&h| h).count();
    let mut before = 0;
    let mut out = vec![false; prose.len()];
    for (k, &h) in headed.iter().enumerate() {
        let after = total - before - usize::from(h);
        out[k] = h && before >= sections && after >= sections;
        before += usize::from(h);
    }
    out
}

/// `boundaries.body_words`: per kept position `c` of `kept` (and one past the last), the
/// body words of the kept lines before it (`Reader.body`, `Features.words`).
pub(crate) fn body_words(story: &Story, kept: &[usize]) -> Vec<i64> {
    let e = story.evidence();
    let mut words = Vec::with_capacity(kept.len() + 1);
    let mut n = 0;
    words.push(n);
    for &i in kept {
        n += if e.body[i] { e.words[i] } else { 0 };
        words.push(n);
    }
    words
}

/// `boundaries._need`: the body words the story before a boundary must hold:
/// `short_words` (``story_short_words``) when the boundary's gap holds the next story's
/// whole head (`headed`), else `min_words` (``story_min_words``).
#[pyfunction]
#[pyo3(name = "story_need")]
pub fn need(headed: bool, min_words: i64, short_words: i64) -> i64 {
    if headed {
        short_words
    } else {
        min_words
    }
}

/// `boundaries._close`: are two gaps too close together for both to stand: fewer body
/// words between them (`from` and `to`: the body words before each, `body_words`) than the
/// story before the second must hold (`need`, `headed`: the second gap's)?
#[pyfunction]
#[pyo3(name = "story_close")]
pub fn close(from: i64, to: i64, headed: bool, min_words: i64, short_words: i64) -> bool {
    to - from < need(headed, min_words, short_words)
}

/// `close` of the found gaps `a` and `b` (`a` first).
fn gaps_close(words: &[i64], a: &Gap, b: &Gap, lim: &Limits) -> bool {
    close(words[a.c], words[b.c], b.opening == Some(Opening::Headed), lim.min_words, lim.short_words)
}

/// The points of new names of each gap of `found` (in order; `named`: the gap has new
/// names after it): they tell that a story starts near a gap, not at which of two gaps too
/// close together for both to stand (`close`, a chain of such gaps being one group), so a
/// group gives them once: from its first gap with new names after it on, to the first gap
/// that opens like a story (a head tells where), else to the gap with new names after it
/// that scores most without them (the first of equals).
fn names_once(found: &[Gap], named: &[bool], words: &[i64], lim: &Limits) -> Vec<f64> {
    let mut out = vec![0.0; found.len()];
    let mut first = 0;
    for k in 1..=found.len() {
        if k < found.len() && gaps_close(words, &found[k - 1], &found[k], lim) {
            continue;
        }
        if let Some(from) = (first..k).find(|&j| named[j]) {
            let headed = (from..k).find(|&j| found[j].opening.is_some());
            let most = || (from..k).filter(|&j| named[j]).fold(from, |b, j| if found[j].score > found[b].score { j } else { b });
            out[headed.unwrap_or_else(most)] = lim.names;
        }
        first = k;
    }
    out
}

/// `_candidates` of a stretch (see the module's doc).
fn candidates(story: &Story, kept: &[usize], topic: &Topic, stretch: &Stretch, lim: &Limits, w: &Weights) -> PyResult<Vec<Gap>> {
    let Stretch { start, end, heads_only, title0 } = *stretch;
    let e = story.evidence();
    let prose = topic.prose;
    let at: Vec<usize> = (0..prose.len()).filter(|&j| start < prose[j] && prose[j] < end).collect();
    // new names count only where the words change too (a cosine under `names_cosine`)
    let named: Vec<bool> = at.iter().map(|&j| topic.names[j] && topic.cos[j].is_some_and(|c| c < lim.names_cosine)).collect();
    // in an extractor's text (one page's), and where `Weights::soft_depth`, the depth weighs less
    let soft = w.soft();
    let mut found = Vec::with_capacity(at.len());
    let mut sinces = Vec::with_capacity(at.len());
    let mut weights = Vec::with_capacity(at.len());
    for &j in &at {
        let (c, since) = (prose[j], if j > 0 { prose[j - 1].max(start) } else { start });
        let head = story.gap_of(kept[since], kept[c], lim.above_lines)?;
        let wg = if heads_only || Weights::soft_depth(story, kept[since], kept[c], &head)? { &soft } else { w };
        found.push(Gap::new(c, head, topic.cos[j], topic.depth[j], wg));
        sinces.push(since);
        weights.push(wg);
    }
    let usual = usual(&found, lim.usual_gaps);
    let found: Vec<Gap> = found.into_iter().zip(&weights).map(|(g, wg)| revised(story, g, title0, usual, wg)).collect();
    let lift = names_once(&found, &named, &body_words(story, kept), lim);
    let mut out = Vec::new();
    for (((&j, &since), &g), &names) in at.iter().zip(&sinces).zip(&found).zip(&lift) {
        let c = g.c;
        // the layout changes: the next page's article, at an indentation or in marks of its own
        let g = Gap { score: g.score + names + topic.layout[j], ..g };
        let alone = j + 1 == prose.len() || prose[j + 1] >= end; // one paragraph after it
        if g.opening.is_none() && g.dropped == 0 && alone && topic.layout[j] == 0.0 {
            continue; // a change of topic alone (not of layout too) does not cut off one last paragraph
        }
        // an item of a list: bulleted, numbered, or a turn of an interview
        let item = |j: usize| e.bulleted[j] || e.turn[j];
        if g.opening.is_none()
            && item(kept[c])
            && (g.dropped == 0 || item(kept[since]) || listed(story, kept[since], kept[c])?)
        {
            continue; // a list goes on, or follows its heading: no story opens there
        }
        let headless = g.opening.is_none() && g.dropped == 0 && since + 1 != c;
        let topic_only = headless && !fresh_section(story, kept, prose, j, since, start, end, lim)?;
        let need = lim.boundary + if heads_only && topic_only { lim.extracted_topic } else { 0.0 };
        let weak = matches!(g.opening, None | Some(Opening::Meta)); // no head, or a title with a meta line only
        if g.score >= need && !(weak && one_article(story, kept, start, c, end, &g, lim)?) {
            out.push(g);
        }
    }
    Ok(out)
}

/// `_fresh_section`: does the heading-like kept line right above paragraph `j` (kept
/// position `prose[j]`; the paragraph before it ends at `since`) head a section that
/// shares (almost) nothing with all the text above (from `start`): the next story's
/// title, not a subheading, whose section goes on with the words and names of the text
/// above?  The section runs to the next paragraph with kept lines above it, or `end`; it
/// shares almost nothing when the cosine of its content words with those above is under
/// `fresh` (``story_extracted_fresh_cosine``) and under `fresh_share`
/// (``story_extracted_fresh_share``) of its distinct content words occur above (the
/// cosine fades when the text above holds other stories).
#[allow(clippy::too_many_arguments)]
fn fresh_section(story: &Story, kept: &[usize], prose: &[usize], j: usize, since: usize, start: usize, end: usize, lim: &Limits)
                 -> PyResult<bool> {
    let c = prose[j];
    if lim.fresh <= 0.0 || c == 0 || !story.evidence().heading_like[kept[c - 1]] {
        return Ok(false);
    }
    let stop = (j + 1..prose.len())
        .take_while(|&k| prose[k] < end)
        .find(|&k| prose[k] > prose[k - 1] + 1)
        .map_or(end, |k| prose[k - 1] + 1);
    let (words, section, above) = (story.words()?, &kept[c..stop], &kept[start..since + 1]);
    Ok(words.cosine_lines(above, section) < lim.fresh && words.shared_share(above, section) < lim.fresh_share)
}

/// `_one_article`: do all the content words before kept position `c` (from `start`) and
/// after it (up to `end`) share enough to be one article whose subject drifts (cosine at
/// least `whole`, or `whole_dropped` when the gap holds dropped lines)?  Where the gap
/// holds no dropped lines, each line is read without the stopwords of its own language
/// too (`Story::own_words`): a dump of pages in several languages is read with one
/// stoplist, the document's, and another language's function words, shared by every
/// page in that language, would make two stories look like one.  Where it holds dropped
/// lines (an embed or a box of links set into an article), the lines are read with the
/// document's stoplist alone, against the stricter `whole_dropped`.
fn one_article(story: &Story, kept: &[usize], start: usize, c: usize, end: usize, g: &Gap, lim: &Limits) -> PyResult<bool> {
    let limit = if g.dropped != 0 { lim.whole_dropped } else { lim.whole };
    let words = if g.dropped != 0 { story.words()? } else { story.own_words()? };
    Ok(words.cosine_lines(&kept[start..c], &kept[c..end]) >= limit)
}

/// `Story.candidates`: the candidates as tuples of the fields of
/// `cleaner.stories.evidence.Gap`.
pub fn py_candidates<'py>(
    story: &Story,
    py: Python<'py>,
    kept: &[usize],
    topic: &Topic,
    stretch: &Stretch,
    lim: &Limits,
    w: &Weights,
) -> PyResult<Bound<'py, PyList>> {
    let n = topic.prose.len();
    if topic.cos.len() != n
        || topic.depth.len() != n
        || topic.names.len() != n
        || topic.layout.len() != n
        || stretch.end > kept.len()
        || topic.prose.iter().any(|&c| c >= kept.len())
    {
        return Err(crate::err("candidates: a topic profile that does not fit the kept lines".into()));
    }
    if kept.iter().any(|&i| i >= story.evidence().body.len()) {
        return Err(crate::err("candidates: kept lines past the document".into()));
    }
    let rows = candidates(story, kept, topic, stretch, lim, w)?.iter().map(|g| g.to_py(py)).collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, rows)
}
