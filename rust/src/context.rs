//! Stage 2 of `cleaner.smooth` over a document's content lines in one call: which context
//! rule revises each weak line (and each kept line between two appeal lines), the list
//! rule first.  Python hands over the stage-1 decisions (what the rules read of one as
//! bits, `cleaner.smooth` sets them, asked once per distinct decision), the features and
//! the lines' shapes; it gets back the rule each revised line gets, and builds the
//! decisions.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

use crate::blocks::{codes, feature, WORDS};

/// Bits of a content line's stage-1 decision.
const KEEP: u32 = 1;
const WEAK: u32 = 2;
const APPEAL: u32 = 4;
/// Category appeal, bio, legal or comments: a block that short lines after it join.
const TAIL: u32 = 8;
const BIO: u32 = 16;
/// An in-text widget (ad, related, share, caption): skipped when looking for a neighbour.
const WIDGET: u32 = 32;
const HEADING: u32 = 64;
const NO_PUNCTUATION: u32 = 128;
const SENTENCE: u32 = 256;
/// Its rule is ``context.appeal_tail`` already.
const APPEAL_TAIL_RULE: u32 = 512;
/// The list rule revised it (``context.list``): no other context rule does.
const LISTED: u32 = 1024;

/// The rules a revised line gets (`cleaner.smooth` names them).
pub const APPEAL_BLOCK: u8 = 1;
pub const APPEAL_TAIL: u8 = 2;
pub const BIO_NAME: u8 = 3;
pub const HEADING_BETWEEN: u8 = 4;
pub const SANDWICHED: u8 = 5;
pub const CLOSING_ELLIPSIS: u8 = 6;
pub const SENTENCE_NEAR_BODY: u8 = 7;
pub const ISOLATED: u8 = 8;
/// ``context.list`` (`lists`).
pub const LIST: u8 = 9;

/// The thresholds of the context rules (`Options` fields; ``tail_max_words`` is
/// ``short_max_words + appeal_tail_extra_words``).
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub struct ContextParams {
    reach: usize,
    short_max_words: f64,
    tail_max_words: f64,
    bio_name_max_words: f64,
    /// The shape bit of a list item (`cleaner.features.LIST_ITEM`).
    list_item: u8,
}

struct Doc<'a> {
    kinds: &'a [u32],
    words: &'a [i64],
    p: &'a ContextParams,
}

impl Doc<'_> {
    fn has(&self, k: usize, bit: u32) -> bool {
        self.kinds[k] & bit != 0
    }

    /// The nearest strong line (not weak, no widget) from ``k`` in direction ``step``,
    /// within reach: weak lines and widgets in between count toward the reach.
    fn neighbour(&self, k: usize, step: isize) -> Option<usize> {
        for d in 1..=self.p.reach as isize {
            let j = k as isize + step * d;
            if j < 0 || j as usize >= self.kinds.len() {
                return None;
            }
            let j = j as usize;
            if !self.has(j, WEAK) && !self.has(j, WIDGET) {
                return Some(j);
            }
        }
        None
    }

    fn body(&self, j: Option<usize>) -> bool {
        j.is_some_and(|j| self.has(j, KEEP))
    }

    /// A kept line inside a block of appeal text (an appeal line on either side, one of
    /// them a sentence, not a one-word label like "Newsletter") is part of the appeal,
    /// however much it reads like prose.
    fn appeal_block(&self, k: usize) -> Option<u8> {
        let last = self.kinds.len() - 1;
        if !(0 < k && k < last) {
            return None;
        }
        let words = self.words[k - 1].max(self.words[k + 1]) as f64;
        (self.has(k - 1, APPEAL) && self.has(k + 1, APPEAL) && words > self.p.short_max_words)
            .then_some(APPEAL_BLOCK)
    }

    /// The rule that decides a weak line, if one does (``tail``: per line, is its
    /// decision so far ``context.appeal_tail``).
    fn weak_line(&self, k: usize, tail: &[bool], last_trails_off: bool) -> Option<u8> {
        let (n, w) = (self.kinds.len(), self.words[k] as f64);
        let (prev, next) = (self.neighbour(k, -1), self.neighbour(k, 1));
        // Short lines right after an appeal, bio, legal or comments block belong to it.
        if k > 0 && (self.has(k - 1, TAIL) || tail[k - 1]) && w <= self.p.tail_max_words && !self.body(next) {
            return Some(APPEAL_TAIL);
        }
        if k + 1 < n && self.has(k + 1, BIO) && w <= self.p.bio_name_max_words {
            return Some(BIO_NAME);
        }
        if self.body(prev) && self.body(next) {
            let heading = self.has(k, HEADING) && next == Some(k + 1);
            return Some(if heading { HEADING_BETWEEN } else { SANDWICHED });
        }
        // The text's last line, right after body, that trails off with an ellipsis is
        // the article's own closing line (a cut-off teaser has more of its kind around it).
        if self.has(k, NO_PUNCTUATION) && k == n - 1 && k > 0 && self.body(prev) && prev == Some(k - 1) && last_trails_off {
            return Some(CLOSING_ELLIPSIS);
        }
        if self.has(k, SENTENCE) {
            return Some(if self.body(prev) || self.body(next) { SENTENCE_NEAR_BODY } else { ISOLATED });
        }
        None
    }
}

/// The list rule (``context.list``): a run of weak list items right after body, closed
/// by body or introduced by a line ending in a colon (``colon(i)``, asked of line ``i``),
/// belongs to the text (ingredients, key points, steps).  Marks each dropped item of such
/// a run `LISTED` and gives it `LIST` with the run's length.
fn lists(kinds: &mut [u32], listed: &[bool], content: &[usize], colon: &Bound<'_, PyAny>,
         out: &mut [(u8, usize)]) -> PyResult<()> {
    let n = kinds.len();
    let mut end = 0;
    for k in 0..n {
        if !(kinds[k] & WEAK != 0 && listed[k]) || k < end {
            continue;
        }
        end = k;
        while end < n && listed[end] && kinds[end] & (WEAK | KEEP) != 0 {
            end += 1;
        }
        let body_before = k > 0 && kinds[k - 1] & KEEP != 0;
        let body_after = end < n && kinds[end] & KEEP != 0;
        if body_before && (body_after || colon.call1((content[k - 1],))?.is_truthy()?) {
            for j in k..end {
                if kinds[j] & KEEP == 0 {
                    out[j] = (LIST, end - k);
                }
            }
        }
    }
    for (kind, &(rule, _)) in kinds.iter_mut().zip(out.iter()) {
        if rule == LIST {
            *kind |= LISTED;
        }
    }
    Ok(())
}

/// The context rules over a document, in order (a line's new decision can decide the
/// next one's): ``initial``, its stage-1 decisions (a list; ``code(d)`` gives the bits of
/// one, asked once per distinct object), ``feats`` its features (a list), ``shape`` its
/// lines' shape bytes (0 for a blank line: the content lines are the others; a list item
/// has ``params.list_item``), ``colon(i)``: does line ``i`` end with a colon, and
/// ``last_trails_off``: does the last content line trail off with an ellipsis.  Returns
/// the revised lines as three columns ``(lines, rules, extras)``: the line numbers and
/// ``extra`` as native 64-bit integers, the rules one byte each as numbered above, ``extra``
/// the length of its list (`LIST`) or the content line before it (`APPEAL_TAIL`).  Packed
/// columns, not a tuple per line: a dump of a million short lines may revise them all.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn context_lines<'py>(
    py: Python<'py>,
    initial: &Bound<'py, PyList>,
    feats: &Bound<'_, PyList>,
    shape: &[u8],
    code: &Bound<'_, PyAny>,
    colon: &Bound<'_, PyAny>,
    last_trails_off: bool,
    params: ContextParams,
) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
    let content: Vec<usize> = (0..shape.len()).filter(|&i| shape[i] != 0).collect();
    let all: Vec<u32> = codes(initial, code)?;
    let mut kinds: Vec<u32> = content.iter().map(|&i| all[i]).collect();
    let listed: Vec<bool> = content.iter().map(|&i| shape[i] & params.list_item != 0).collect();
    let mut words = Vec::with_capacity(content.len());
    for &i in &content {
        words.push(feature(feats, i, WORDS)?.extract::<i64>()?);
    }
    let mut out = vec![(0u8, 0usize); content.len()];
    lists(&mut kinds, &listed, &content, colon, &mut out)?;
    let doc = Doc { kinds: &kinds, words: &words, p: &params };
    let n = kinds.len();
    let mut tail: Vec<bool> = kinds.iter().map(|&b| b & APPEAL_TAIL_RULE != 0 && b & LISTED == 0).collect();
    for k in 0..n {
        let weak = doc.has(k, WEAK);
        let between_appeals = 0 < k && k + 1 < n && doc.has(k - 1, APPEAL) && doc.has(k + 1, APPEAL) && doc.has(k, KEEP);
        if !(weak || between_appeals) || doc.has(k, LISTED) {
            continue;
        }
        let mut rule = if doc.has(k, KEEP) { doc.appeal_block(k) } else { None };
        if rule.is_none() && weak {
            rule = doc.weak_line(k, &tail, last_trails_off);
        }
        if let Some(r) = rule {
            out[k] = (r, if r == APPEAL_TAIL { content[k - 1] } else { 0 });
            tail[k] = r == APPEAL_TAIL;
        }
    }
    let revised: Vec<usize> = (0..n).filter(|&k| out[k].0 != 0).collect();
    let ints = |v: &mut dyn Iterator<Item = usize>| -> Vec<u8> { v.flat_map(|x| (x as i64).to_ne_bytes()).collect() };
    let lines = ints(&mut revised.iter().map(|&k| content[k]));
    let extras = ints(&mut revised.iter().map(|&k| out[k].1));
    let rules: Vec<u8> = revised.iter().map(|&k| out[k].0).collect();
    Ok((PyBytes::new(py, &lines), PyBytes::new(py, &rules), PyBytes::new(py, &extras)))
}
