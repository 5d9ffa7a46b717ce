//! The teasers of a document (`cleaner.stories.teasers.teasers`), in one pass over its
//! kept lines: a long body line cut mid-sentence (no closing punctuation, or an ellipsis)
//! that reads as a sentence (not a list item, bulleted or numbered, but right after a
//! teaser under a line that is none, a table row, hard-wrapped line or run of
//! capitalised buttons), after the document has had body, is a teaser of another story
//! when one came right before, when it opens with a dateline or kicker, or, when another
//! follows, when it is the last line (or only the items of a list follow it) or when it
//! stands under its own title, when its words
//! differ from the text before it (a line of the story cut mid-sentence, a quoted post or a
//! standfirst, shares them: it opens no row), or, whatever its words, when another follows
//! and a headline of its own stands right above it (a related story on the story's subject
//! opens the row); a cut line of ``story_teaser_apart_words`` or more with no title of its
//! own whose words differ from the text both before and after it is one whatever follows it
//! (a teaser of another site set between two stories; ``story_teaser_apart_cohesion`` 0
//! turns this off), in a page's dump only when it ends on a comma or a word in lower
//! case (a paragraph there may end on a signature or a place with no period) and the text
//! after it differs from the text before it (cosine under ``story_topic_cohesion``: no
//! teaser set into an article).  Its own title is a headline right above it (in the gap, or
//! kept right after another teaser, a shorter one than ``story_teaser_title_words`` only
//! when it names the teaser: a capital first and a content word of the teaser in it), or a
//! line in title case too long for a headline (no closing punctuation, the share of
//! capitalised words that makes a line no sentence).  The thresholds are `Options` fields passed in
//! (`Limits`); no word list and no weight lives here.

use crate::cohesion::Reach;
use crate::story::Story;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};

/// The `Options` thresholds of the teaser scan, in this order: ``story_teaser_min_words``,
/// ``story_teaser_capitalised``, ``story_teaser_title_words``,
/// ``story_teaser_after_words``, ``story_teaser_cohesion``, ``story_title_max_words``,
/// ``story_teaser_apart_cohesion``, ``story_teaser_apart_words``, ``story_topic_cohesion``,
/// ``story_teaser_named_title_words``; and whether the text is one an extractor wrote (``written``).
pub struct Limits {
    min_words: f64,
    capitalised: f64,
    title_words: f64,
    after_words: f64,
    cohesion: f64,
    title_max_words: f64,
    apart: f64,
    apart_words: f64,
    topic: f64,
    named_words: f64,
    written: bool,
}

impl<'py> FromPyObject<'py> for Limits {
    fn extract_bound(ob: &Bound<'py, PyAny>) -> PyResult<Self> {
        let (min_words, capitalised, title_words, after_words, cohesion, title_max_words, apart, apart_words, topic, named_words,
             written) = ob.extract()?;
        Ok(Limits { min_words, capitalised, title_words, after_words, cohesion, title_max_words, apart, apart_words, topic,
                    named_words, written })
    }
}

/// Per kept line: a long body line cut mid-sentence that reads as a sentence, a kept
/// line written in title case that may be a teaser's title, and a long body line cut
/// mid-sentence that opens like a list item or a numbered one (``feats``, ``decisions``:
/// every line's `Features` and `Decision`).
fn cut_lines(story: &Story, kept: &[usize], feats: &Bound<'_, PyAny>, decisions: &Bound<'_, PyAny>, lim: &Limits)
             -> PyResult<(Vec<bool>, Vec<bool>, Vec<bool>)> {
    let e = story.evidence();
    let (mut out, mut cased) = (Vec::with_capacity(kept.len()), Vec::with_capacity(kept.len()));
    let mut listed = Vec::with_capacity(kept.len());
    for &i in kept {
        let f = feats.get_item(i)?.downcast_into::<PyTuple>()?;
        let open = f.get_borrowed_item(3)?.extract::<bool>()?;
        let capitalised = f.get_borrowed_item(4)?.extract::<f64>()?;
        let body = {
            let d = decisions.get_item(i)?.downcast_into::<PyTuple>()?;
            d.get_borrowed_item(2)?.downcast::<PyString>()?.to_cow()? == "body"
        };
        let (prose, item) = (body && !story.wrapped(i), e.bulleted[i] || e.turn[i]);
        let plain = prose && !item;
        let long = open && e.words[i] as f64 >= lim.min_words && capitalised < lim.capitalised;
        out.push(long && plain);
        listed.push(long && prose && item);
        cased.push(plain && !f.get_borrowed_item(2)?.extract::<bool>()? && capitalised >= lim.capitalised
            && e.capitalised[i] && (lim.title_words..=lim.title_max_words).contains(&(e.words[i] as f64)));
    }
    Ok((out, cased, listed))
}

/// A headline of ``story_teaser_title_words`` words or more, or a shorter one that names
/// it (`short_title`), right above the teaser on line `text` at
/// kept position `c` (the last line with letters between it and the kept line before,
/// skipping lines a catalogue pattern dropped that read as a heading, short and with no
/// closing punctuation, or as a meta line: a share row or a date between title and text;
/// a sentence the catalogue dropped, such as a page's disclosure, is no part of a card and
/// ends the search).
fn own_title(story: &Story, kept: &[usize], c: usize, text: usize, lim: &Limits) -> PyResult<Option<usize>> {
    let e = story.evidence();
    let (a, b) = (story.at(kept[c - 1])? + 1, story.at(kept[c])?);
    let above = e.content[a.min(b)..b].iter().rev().copied().find(|&j| e.lettered[j] && !(e.pattern[j] && (e.heading_like[j] || e.meta[j])));
    match above {
        Some(j) if headline_title(story, j, text, lim, true)? => Ok(Some(j)),
        _ => Ok(None),
    }
}

/// Is line `j` a headline that titles the teaser on line `text`: one of
/// ``story_teaser_title_words`` words or more, or, when ``short`` ones may, a shorter one
/// that names it (`short_title`)?  A kept headline that reads as a question or an
/// exclamation (`Evidence.exclaimed`: "Why do swallows come back so early?") is one too,
/// as a story's own headline is.
fn headline_title(story: &Story, j: usize, text: usize, lim: &Limits, short: bool) -> PyResult<bool> {
    let e = story.evidence();
    Ok((e.headline[j] || e.exclaimed[j]) && (e.words[j] as f64 >= lim.title_words || short && short_title(story, j, text, lim)?))
}

/// Is the headline `j`, shorter than ``story_teaser_title_words``, the title of the
/// teaser on line `text`: at least ``story_teaser_named_title_words`` words, its first
/// letter a capital, and a content word of it in the teaser (it names the story; a
/// page's link label, "Full results", "About us", names nothing the teaser says)?
fn short_title(story: &Story, j: usize, text: usize, lim: &Limits) -> PyResult<bool> {
    let e = story.evidence();
    Ok(e.words[j] as f64 >= lim.named_words && e.capitalised[j] && story.names(j, text)?)
}

/// Is the line with letters right above line `i` (kept or not) a list item, bulleted or
/// numbered?
fn list_above(story: &Story, i: usize) -> PyResult<bool> {
    let e = story.evidence();
    let b = story.at(i)?;
    Ok(e.content[..b].iter().rev().find(|&&j| e.lettered[j]).is_some_and(|&j| e.bulleted[j] || e.turn[j]))
}

/// What `teasers` reads a row of teasers in: the story, its kept positions, and per
/// kept position whether its line is cut mid-sentence (``cut``), a capitalised title
/// (``cased``) or cut mid-sentence under a bullet or a number (``listed``, `cut_lines`).
struct Row<'a> {
    story: &'a Story,
    kept: &'a [usize],
    cut: &'a [bool],
    cased: &'a [bool],
    listed: &'a [bool],
    lim: &'a Limits,
    reach: Reach,
}

impl Row<'_> {
    /// Does the row go on at kept position ``k``: a long line cut mid-sentence that reads
    /// as a sentence, or, right after a teaser (``after_teaser``), one that opens like a
    /// list item or a numbered one (a teaser of a page whose text opens so) unless the
    /// line with letters above it is one too (a list going on)?
    fn goes_on(&self, k: usize, after_teaser: bool) -> PyResult<bool> {
        Ok(self.cut[k] || after_teaser && self.listed[k] && !list_above(self.story, self.kept[k])?)
    }

    /// Is the text at kept position ``at`` (``c``'s, or the next one's under the headline
    /// at ``c`` when ``titled``) a teaser?  Some(its title line) when it is: after a
    /// teaser (``was_teaser``), under a dateline, set apart from the text before it (read
    /// back to kept position ``fixed``) when another teaser, the list that ends the page
    /// or its own headline goes with it, under a headline of its own with another teaser
    /// after it, or alone between two stories.
    fn teaser(&self, c: usize, at: usize, titled: bool, was_teaser: bool, fixed: usize) -> PyResult<Option<Option<usize>>> {
        let (story, kept, cut, cased, lim, reach) = (self.story, self.kept, self.cut, self.cased, self.lim, self.reach);
        let e = story.evidence();
        let m = kept.len();
        let t = kept[at];
        let headed = |k: usize| e.headline[kept[k]] || cased[k];
        let follows = at + 1 < m && (cut[at + 1] || (headed(at + 1) && at + 2 < m && cut[at + 2]));
        // the last kept line, or only items of a list (the page's) after it
        let last = kept[at + 1..].iter().all(|&j| e.bulleted[j] || e.turn[j]);
        let before = || -> PyResult<f64> {
            Ok(story.words()?.window_cosine(kept, c as i64 - 1, -1, fixed as i64, reach, &[t]))
        };
        let apart = || -> PyResult<bool> { Ok(before()? < lim.cohesion) };
        // a lone teaser set between two stories: long enough for its words to tell, they
        // differ from the text on both sides of it (the text after it read up to the end);
        // in a page's dump, where a paragraph may end on a name or a place with no period
        // and a teaser may be set into an article, it ends mid-sentence by its look too and
        // the text after it goes on with other words than the text before it
        let between = || -> PyResult<bool> {
            if at + 1 >= m || (e.words[t] as f64) < lim.apart_words || !(lim.written || e.cut_off[t]) || before()? >= lim.apart {
                return Ok(false);
            }
            let words = story.words()?;
            let after = words.window_lines(kept, at as i64 + 1, 1, m as i64, reach);
            Ok(words.cosine_lines(&after, &[t]) < lim.apart
                && (lim.written || words.window_cosine(kept, c as i64 - 1, -1, fixed as i64, reach, &after) < lim.topic))
        };
        // a headline of its own above it, with another teaser after it: a related
        // story on the subject of the story before opens the row
        let own = if titled { None } else { own_title(story, kept, c, t, lim)? };
        if was_teaser || e.dateline[t] || ((follows || last || titled) && apart()?) || (follows && own.is_some())
            || (!titled && own.is_none() && between()?) {
            return Ok(Some(if titled { Some(kept[c]) } else { own }));
        }
        Ok(None)
    }
}

/// `cleaner.stories.teasers.teasers` (see the module's doc): ``{first kept position:
/// (positions it holds, its title line)}``, a teaser under its own headline holding two
/// positions; the text before a teaser is read back to the last fixed boundary.
pub fn teasers<'py>(
    story: &Story,
    py: Python<'py>,
    kept: &[usize],
    feats: &Bound<'py, PyAny>,
    decisions: &Bound<'py, PyAny>,
    lim: &Limits,
    window: (usize, usize),
) -> PyResult<Bound<'py, PyDict>> {
    let found = PyDict::new(py);
    let m = kept.len();
    if m == 0 {
        return Ok(found);
    }
    let e = story.evidence();
    let reach = Reach { words: window.0, lines: window.1 };
    let (cut, cased, listed) = cut_lines(story, kept, feats, decisions, lim)?;
    let row = Row { story, kept, cut: &cut, cased: &cased, listed: &listed, lim, reach };
    let mut size = vec![0u8; m]; // per kept position: the positions of a teaser found there
    let mut body_total = if e.body[kept[0]] { e.words[kept[0]] } else { 0 };
    let mut fixed = 0;
    let mut c = 1;
    while c < m {
        let i = kept[c];
        let was_teaser = size[c - 1] != 0 || (c >= 2 && size[c - 2] == 2);
        // a kept headline right above a cut line is its title (two positions): one of
        // ``story_teaser_title_words`` or more, a title-case line, or right after a teaser
        // a shorter one that names it (as one in the gap does, `own_title`)
        let titled = c + 1 < m && row.goes_on(c + 1, was_teaser)? && story.letters(i, kept[c + 1])? == 1
            && (headline_title(story, i, kept[c + 1], lim, was_teaser)? || cased[c]);
        let text_at = if titled { Some(c + 1) } else if row.goes_on(c, was_teaser)? { Some(c) } else { None };
        if let Some(at) = text_at.filter(|_| body_total as f64 >= lim.after_words || was_teaser) {
            if let Some(title) = row.teaser(c, at, titled, was_teaser, fixed)? {
                size[c] = if titled { 2 } else { 1 };
                found.set_item(c, (size[c], title))?;
                fixed = c;
                c = at + 1;
                continue;
            }
        }
        if was_teaser {
            fixed = c;
        }
        if e.body[i] {
            body_total += e.words[i];
        }
        c += 1;
    }
    Ok(found)
}

/// The lines `cleaner.stories._dropped_teasers` judges: those whose decision
/// (``decisions``, every line's) fired the rule ``rule`` (the stopword rule) and whose
/// `Features` (``feats``) say they are cut mid-sentence with at least ``min_words`` words,
/// in order; one pass over the document instead of a Python loop.
#[pyfunction]
pub fn cut_dropped(feats: &Bound<'_, PyAny>, decisions: &Bound<'_, PyAny>, rule: &str, min_words: f64) -> PyResult<Vec<usize>> {
    let mut out = Vec::new();
    for (i, (d, f)) in decisions.try_iter()?.zip(feats.try_iter()?).enumerate() {
        let (d, f) = (d?.downcast_into::<PyTuple>()?, f?.downcast_into::<PyTuple>()?);
        if d.get_borrowed_item(1)?.downcast::<PyString>()?.to_cow()? != rule {
            continue;
        }
        if f.get_borrowed_item(3)?.is_truthy()? && f.get_borrowed_item(0)?.extract::<f64>()? >= min_words {
            out.push(i);
        }
    }
    Ok(out)
}
