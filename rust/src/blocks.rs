//! The block stage's passes (`cleaner.blocks.block_stage`), each in one call, in order:
//! the related links' lines (`related_lists`, `cleaner.blocks.related_lists`), then the
//! main text region of a dump (`main_region`, `cleaner.blocks.main_block`): kept lines
//! grouped into blocks, the soft barriers set into the article joined again, the first
//! barrier after real text, the best block, its trailing teasers cut off, its lead
//! reached back to and its end carried on to a later dense block across weak drops
//! (`follow`).  Python hands over the decisions (read once per distinct object through
//! ``code``, which gives the bits these passes read of one: `cleaner.blocks._bits`) and
//! the features (words, and whether a line ends like a whole sentence) or the shapes; it
//! gets back the region's first and last line, or the related links' lines.  Once the
//! stories are found, the main story's gaps (`inside_runs`, `cleaner.blocks.inside_main`)
//! the same way, then the lines its layout sets off from its body and its lone paragraphs
//! (`set_off_lines`, `cleaner.blocks.set_off`).  What each pass drops is said once, in `cleaner.blocks.RULES`.

use pyo3::buffer::PyBuffer;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyStringData, PyTuple};
use crate::features::asks;
use crate::lines::{LineTexts, StoredLines};
use crate::shapes::is_digit;
use crate::story_fold::casefold;
use crate::text::{is_alnum, with_units, FxMap};

/// Bits of a line's decision (`cleaner.blocks._bits` sets them).
const KEPT: u8 = 1;
const HARD: u8 = 2;
const SOFT: u8 = 4;
/// A blank line, or one of a category found inside articles (`cleaner.blocks.INSIDE_ARTICLE`).
const INSIDE: u8 = 8;
/// A line a catalogue rule dropped (`cleaner.catalogue.is_pattern_rule`).
const PATTERN: u8 = 16;
// Shape bits of a line (`cleaner.features.TINY`, `cleaner.features.LIST_ITEM`).
use crate::shapes::{CJK_PARAGRAPH as SHAPE_CJK_PARAGRAPH, LIST_ITEM as SHAPE_LIST_ITEM, TINY as SHAPE_TINY, WORDY as SHAPE_WORDY};

/// The fields of `cleaner.types.Features` read here.
pub(crate) const WORDS: usize = 0;
const TERMINAL: usize = 2;
const CUT: usize = 3;
const CAPITALISED: usize = 4;

/// The ``block_*`` options (`cleaner.options.Options`).
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub struct BlockParams {
    block_max_gap: f64,
    block_barrier_after_words: f64,
    block_lead_gap: f64,
    block_lead_words: f64,
    block_row_lines: f64,
    block_row_share: f64,
    block_first_share: f64,
    block_resume_words: f64,
    block_resume_share: f64,
    block_teaser_words: f64,
    block_teaser_gap: f64,
    block_follow_gap: f64,
    block_follow_words: f64,
}

/// Prefix counts over a page's lines (the gaps and barriers between two lines cost O(1)),
/// the kept lines and the prefix sums of their words.
struct Page<'a, 'py> {
    codes: Vec<u8>,
    nonblank: Vec<i64>,
    hard: Vec<i64>,
    soft: Vec<i64>,
    pattern: Vec<i64>,
    kept: Vec<usize>,
    /// ``kept_words[k]``: the words of ``kept[..k]``.
    kept_words: Vec<i64>,
    feats: &'a Bound<'py, PyList>,
}

/// A block: kept lines ``kept[start..end]`` (a run of them, never empty).
#[derive(Clone, Copy, PartialEq)]
struct Block {
    start: usize,
    end: usize,
}

/// Field ``field`` of ``feats[i]`` (a `cleaner.types.Features`).
pub(crate) fn feature<'py>(feats: &Bound<'py, PyList>, i: usize, field: usize) -> PyResult<Bound<'py, PyAny>> {
    feats.get_item(i)?.downcast_into::<PyTuple>()?.get_item(field)
}

impl<'a, 'py> Page<'a, 'py> {
    fn new(codes: Vec<u8>, has_text: &[u8], feats: &'a Bound<'py, PyList>) -> PyResult<Self> {
        let n = codes.len();
        let (mut nonblank, mut hard, mut soft) = (vec![0i64; n + 1], vec![0i64; n + 1], vec![0i64; n + 1]);
        let mut pattern = vec![0i64; n + 1];
        for i in 0..n {
            nonblank[i + 1] = nonblank[i] + i64::from(has_text[i] != 0);
            hard[i + 1] = hard[i] + i64::from(codes[i] & HARD != 0);
            soft[i + 1] = soft[i] + i64::from(codes[i] & SOFT != 0);
            pattern[i + 1] = pattern[i] + i64::from(codes[i] & (PATTERN | KEPT) == PATTERN);
        }
        let kept: Vec<usize> = (0..n).filter(|&i| codes[i] & KEPT != 0).collect();
        let mut kept_words = Vec::with_capacity(kept.len() + 1);
        kept_words.push(0i64);
        for &i in &kept {
            let words: i64 = feature(feats, i, WORDS)?.extract()?;
            kept_words.push(kept_words[kept_words.len() - 1] + words);
        }
        Ok(Page { codes, nonblank, hard, soft, pattern, kept, kept_words, feats })
    }

    fn first(&self, b: Block) -> usize {
        self.kept[b.start]
    }

    fn last(&self, b: Block) -> usize {
        self.kept[b.end - 1]
    }

    /// Non-blank lines strictly between lines ``a`` and ``b``.
    fn gap(&self, a: usize, b: usize) -> i64 {
        self.nonblank[b] - self.nonblank[a + 1]
    }

    fn barrier_between(&self, a: usize, b: usize) -> bool {
        self.hard[b] - self.hard[a + 1] + self.soft[b] - self.soft[a + 1] > 0
    }

    fn words(&self, b: Block) -> i64 {
        self.kept_words[b.end] - self.kept_words[b.start]
    }

    /// Share of the block's non-blank lines that are kept.
    fn share(&self, b: Block) -> f64 {
        (b.end - b.start) as f64 / (self.nonblank[self.last(b) + 1] - self.nonblank[self.first(b)]) as f64
    }

    /// Body words scaled by the share of the block's lines that are kept.
    fn score(&self, b: Block) -> f64 {
        self.words(b) as f64 * self.share(b)
    }

    /// A row of teasers: ``least`` kept lines or more, ``share`` of them or more set
    /// apart from the next by a dropped line.
    fn scattered(&self, b: Block, least: f64, share: f64) -> bool {
        let apart = (b.start + 1..b.end).filter(|&k| self.gap(self.kept[k - 1], self.kept[k]) != 0).count();
        (b.end - b.start) as f64 >= least && apart as f64 >= share * (b.end - b.start - 1) as f64
    }
}

/// Runs of kept lines, cut where too many lines or a barrier lie between two.
fn blocks(page: &Page<'_, '_>, p: &BlockParams) -> Vec<Block> {
    let mut out = vec![Block { start: 0, end: 1 }];
    for k in 1..page.kept.len() {
        let (a, b) = (page.kept[k - 1], page.kept[k]);
        if page.gap(a, b) as f64 > p.block_max_gap || page.barrier_between(a, b) {
            out.push(Block { start: k, end: k });
        }
        out.last_mut().expect("one block at least").end = k + 1;
    }
    out
}

/// Blocks with a soft barrier set into the article joined again when dense text of some
/// length resumes right after it; a hard barrier always ends the article.
fn resumed(page: &Page<'_, '_>, blocks: Vec<Block>, p: &BlockParams) -> Vec<Block> {
    let mut merged = vec![blocks[0]];
    for &blk in &blocks[1..] {
        let before = merged.last_mut().expect("one block at least");
        let (a, b) = (page.kept[before.end - 1], page.first(blk));
        if page.gap(a, b) as f64 <= p.block_max_gap
            && page.hard[b] == page.hard[a + 1]
            && page.words(blk) as f64 >= p.block_resume_words
            && page.share(blk) >= p.block_resume_share
        {
            before.end = blk.end;
        } else {
            merged.push(blk);
        }
    }
    merged
}

/// The first barrier between blocks that follows real text.
fn first_barrier(page: &Page<'_, '_>, blocks: &[Block], p: &BlockParams) -> Option<usize> {
    let first_text = page.last(*blocks.iter().find(|&&b| page.words(b) as f64 >= p.block_barrier_after_words)?);
    let mut k = 0;
    for x in (first_text + 1..page.codes.len()).filter(|&x| page.codes[x] & (HARD | SOFT) != 0) {
        while k + 1 < blocks.len() && page.first(blocks[k + 1]) < x {
            k += 1;
        }
        if !(page.first(blocks[k]) < x && x < page.last(blocks[k])) {
            return Some(x);
        }
    }
    None
}

/// Runs of kept lines of a block with at most one dropped line between neighbours.
fn units(page: &Page<'_, '_>, b: Block) -> Vec<Block> {
    let mut out = vec![Block { start: b.start, end: b.start + 1 }];
    for k in b.start + 1..b.end {
        if page.gap(page.kept[k - 1], page.kept[k]) > 1 {
            out.push(Block { start: k, end: k });
        }
        out.last_mut().expect("one unit at least").end = k + 1;
    }
    out
}

/// Does the small ``tail`` go on with the article though dropped lines set it off: only
/// lines of categories found inside articles between, and its lines whole sentences?
fn continues(page: &Page<'_, '_>, before: Block, tail: Block) -> PyResult<bool> {
    if !(page.last(before) + 1..page.first(tail)).all(|i| page.codes[i] & INSIDE != 0) {
        return Ok(false);
    }
    for &i in &page.kept[tail.start..tail.end] {
        let sentence = feature(page.feats, i, TERMINAL)?.is_truthy()? && !feature(page.feats, i, CUT)?.is_truthy()?;
        if !sentence {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The last line of the block once trailing teasers are cut off.
fn trim_tail(page: &Page<'_, '_>, b: Block, p: &BlockParams) -> PyResult<usize> {
    let mut units = units(page, b);
    let mut total: i64 = units.iter().map(|&u| page.words(u)).sum();
    while units.len() > 1 {
        let (tail, before) = (units[units.len() - 1], units[units.len() - 2]);
        let size = page.words(tail);
        if (page.gap(page.last(before), page.first(tail)) as f64) < p.block_teaser_gap
            || size as f64 > p.block_teaser_words
            || size >= total - size
            || continues(page, before, tail)?
        {
            break;
        }
        units.pop();
        total -= size;
    }
    Ok(page.last(units[units.len() - 1]))
}

/// The region's first line: it reaches back over earlier blocks, not over a row of teasers.
fn lead(page: &Page<'_, '_>, blocks: &[Block], mut k: usize, p: &BlockParams) -> usize {
    while k > 0 {
        let before = blocks[k - 1];
        let (a, b) = (page.last(before), page.first(blocks[k]));
        if page.gap(a, b) as f64 > p.block_lead_gap
            || page.barrier_between(a, b)
            || (page.words(before) as f64) < p.block_lead_words
            || page.scattered(before, p.block_row_lines, p.block_row_share)
        {
            break;
        }
        k -= 1;
    }
    page.first(blocks[k])
}

/// The last block the region reaches forward to from block ``k``: a later block of dense
/// text (``block_follow_words``, ``block_resume_share``) that follows across at most
/// ``block_follow_gap`` lines that no catalogue rule dropped, with no barrier between.
fn follow(page: &Page<'_, '_>, blocks: &[Block], mut k: usize, p: &BlockParams) -> usize {
    while k + 1 < blocks.len() {
        let next = blocks[k + 1];
        let (a, b) = (page.last(blocks[k]), page.first(next));
        if page.gap(a, b) as f64 > p.block_follow_gap
            || page.barrier_between(a, b)
            || page.pattern[b] > page.pattern[a + 1]
            || (page.words(next) as f64) < p.block_follow_words
            || page.share(next) < p.block_resume_share
        {
            break;
        }
        k += 1;
    }
    k
}

/// The bits of each decision of ``decisions`` (`cleaner.types.Decision`s):
/// ``code(keep, rule, category)``, asked once per distinct decision object and rule and
/// category object (a document's decisions are mostly distinct objects, their reasons
/// holding numbers, of a few rules; the list holds them all alive during the call).
pub(crate) fn codes<T: for<'a> FromPyObject<'a> + Copy>(decisions: &Bound<'_, PyList>, code: &Bound<'_, PyAny>) -> PyResult<Vec<T>> {
    let mut by_object: FxMap<usize, T> = FxMap::default();
    let mut by_fields: FxMap<(bool, usize, usize), T> = FxMap::default();
    let mut out = Vec::with_capacity(decisions.len());
    for d in decisions.iter() {
        let key = d.as_ptr() as usize;
        let c = match by_object.get(&key) {
            Some(&c) => c,
            None => {
                let d = d.downcast::<PyTuple>()?;
                let (keep, rule, category) = (d.get_item(0)?, d.get_item(1)?, d.get_item(2)?);
                let fields = (keep.is_truthy()?, rule.as_ptr() as usize, category.as_ptr() as usize);
                let c = match by_fields.get(&fields) {
                    Some(&c) => c,
                    None => {
                        let c: T = code.call1((keep, rule, category))?.extract()?;
                        by_fields.insert(fields, c);
                        c
                    }
                };
                by_object.insert(key, c);
                c
            }
        };
        out.push(c);
    }
    Ok(out)
}

/// The main text region of a page: its first and last line and the kept lines outside
/// it, or None when no line is kept.  ``final``: the decisions (a list), ``feats``: the
/// features (a list of `Features`), ``has_text``: per line, not 0 when it has text (its
/// shape byte), ``code``: the bits of a decision (see `codes`).
#[pyfunction]
pub fn main_region(
    final_: &Bound<'_, PyList>,
    feats: &Bound<'_, PyList>,
    has_text: &[u8],
    code: &Bound<'_, PyAny>,
    params: BlockParams,
) -> PyResult<Option<(usize, usize, Vec<usize>)>> {
    let page = Page::new(codes::<u8>(final_, code)?, has_text, feats)?;
    if page.kept.is_empty() {
        return Ok(None);
    }
    let p = &params;
    let blocks = resumed(&page, blocks(&page, p), p);
    let barrier = first_barrier(&page, &blocks, p);
    let eligible: Vec<usize> = (0..blocks.len()).filter(|&k| barrier.map_or(true, |x| page.last(blocks[k]) < x)).collect();
    let candidates: Vec<usize> = if eligible.is_empty() { (0..blocks.len()).collect() } else { eligible };
    let top = candidates.iter().map(|&k| page.score(blocks[k])).fold(f64::NEG_INFINITY, f64::max);
    let best = *candidates
        .iter()
        .find(|&&k| page.score(blocks[k]) >= p.block_first_share * top)
        .ok_or_else(|| PyValueError::new_err("no block scores block_first_share of the best (above 1?)"))?;
    let upto = follow(&page, &blocks, best, p);
    let whole = Block { start: blocks[best].start, end: blocks[upto].end };
    let (first, last) = (lead(&page, &blocks, best, p), trim_tail(&page, whole, p)?);
    let outside = page.kept.iter().copied().filter(|&i| i < first || i > last).collect();
    Ok(Some((first, last, outside)))
}

/// Bits of a decision that `inside_runs` reads (`cleaner.blocks._run_bits` sets them).
const RUN_KEPT: u8 = 1;
/// A stage-1 rule of the lines a menu or a table of contents is made of.
const RUN_MENU: u8 = 2;
/// A stage-1 rule that yields to the article around it (`cleaner.extracted.YIELDING`).
const RUN_YIELDS: u8 = 4;
/// A line a catalogue rule dropped as a one-line widget set into an article
/// (`cleaner.blocks.FILL_WIDGETS`: a print button, an ad label, a photo credit).
const RUN_WIDGET: u8 = 8;

/// The ``block_fill_*`` options (`cleaner.blocks.FILL_OPTIONS`).
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub struct FillParams {
    block_fill_menu_lines: f64,
    block_fill_widget_lines: usize,
    block_fill_data_share: f64,
}

/// The main story's gaps (`cleaner.blocks.inside_main`): each dropped line of a run
/// between two kept lines of the main story that only weak line rules dropped, with the
/// length of its run; up to ``block_fill_widget_lines`` in-text widgets (`RUN_WIDGET`, not
/// a list item) in the run stay dropped without ending it.  ``final`` and ``initial``: the
/// decisions after the stories and those of stage 1 (lists; ``code`` gives a decision's
/// bits), ``story_of``: each line's story (a list of int or None), ``main``: the main
/// story, ``shape``: the lines' shape bytes (0 for a blank line; `SHAPE_LIST_ITEM`: a list
/// item), ``data``: a byte per line, not 0 for a line of data (`cleaner.blocks.data_lines`;
/// empty: none is), ``params``: the options.  A run of more than ``block_fill_menu_lines``
/// short or heading-like lines (`RUN_MENU`) is a menu unless at least
/// ``block_fill_data_share`` of its lines are data (a recipe's ingredients, a quoted config
/// file, a table of specs).
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn inside_runs(
    final_: &Bound<'_, PyList>,
    initial: &Bound<'_, PyList>,
    story_of: &Bound<'_, PyList>,
    main: i64,
    shape: &[u8],
    data: &[u8],
    code: &Bound<'_, PyAny>,
    params: FillParams,
) -> PyResult<Vec<(usize, usize)>> {
    let (fin, ini) = (codes::<u8>(final_, code)?, codes::<u8>(initial, code)?);
    let mut in_main = Vec::with_capacity(story_of.len());
    for s in story_of.iter() {
        let s: Option<i64> = s.extract()?;
        in_main.push(match s {
            None => Some(false),
            Some(s) if s == main => Some(true),
            Some(_) => None, // another story's
        });
    }
    let members = |i: &usize| in_main[*i] == Some(true) && fin[*i] & RUN_KEPT != 0;
    let (Some(first), Some(last)) = ((0..fin.len()).find(members), (0..fin.len()).rev().find(members)) else {
        return Ok(Vec::new());
    };
    let mut filled = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let widget = |j: usize| fin[j] & RUN_WIDGET != 0 && shape[j] & SHAPE_LIST_ITEM == 0;
    for i in (first..=last).filter(|&i| shape[i] != 0) {
        // A run ends at a line the line rules kept (stage 1); a short or heading-like
        // line that only its neighbours kept is part of it.
        if fin[i] & RUN_KEPT == 0 || (!run.is_empty() && ini[i] & RUN_KEPT == 0 && ini[i] & RUN_MENU != 0) {
            run.push(i);
            continue;
        }
        let (widgets, others): (Vec<usize>, Vec<usize>) =
            run.iter().copied().filter(|&j| fin[j] & RUN_KEPT == 0).partition(|&j| widget(j));
        let data_lines = run.iter().filter(|&&j| data.get(j).is_some_and(|&d| d != 0)).count();
        let menu = run.len() as f64 > params.block_fill_menu_lines
            && run.iter().all(|&j| ini[j] & RUN_MENU != 0)
            && (data_lines as f64) < params.block_fill_data_share * run.len() as f64;
        if !others.is_empty()
            && widgets.len() <= params.block_fill_widget_lines
            && !menu
            && widgets.iter().all(|&j| in_main[j].is_some())
            && others.iter().all(|&j| ini[j] & RUN_YIELDS != 0 && in_main[j].is_some())
        {
            filled.extend(others.into_iter().map(|j| (j, run.len())));
        }
        run.clear();
    }
    Ok(filled)
}

/// Bits of a decision that `related_lists` reads (`cleaner.blocks._bits` sets them, with
/// those `main_region` reads): `KEPT`, and a line a catalogue rule dropped as related links
/// (a "Most read", "Related", "More from" heading).
const LIST_RELATED: u8 = 32;
/// A line a context rule kept (any kept ``context.*`` decision, whatever the line rules said:
/// a headline between two lines, a sentence next to body, a list item).
const LIST_CONTEXT: u8 = 64;

/// The related links' lines among the kept ones (`cleaner.blocks.related_lists`; which
/// lines: rule ``block.related_list`` in `cleaner.blocks.RULES`), each with the index of
/// its related-links line (`LIST_RELATED`).  ``min_items``:
/// `Options.block_related_list_items`, ``shape``: `cleaner.features.line_shapes`
/// (`SHAPE_TINY`: a bare link), ``final``: the decisions (a list; ``code`` gives a
/// decision's bits).
#[pyfunction]
pub fn related_lists(
    final_: &Bound<'_, PyList>,
    shape: &[u8],
    code: &Bound<'_, PyAny>,
    min_items: f64,
) -> PyResult<Vec<(usize, usize)>> {
    let codes = codes::<u8>(final_, code)?;
    let mut out = Vec::new();
    // the heading over the current run, the run's list items and its kept ones
    let mut heading: Option<usize> = None;
    let (mut items, mut kept) = (0usize, Vec::new());
    let close = |out: &mut Vec<(usize, usize)>, heading: Option<usize>, items: usize, kept: &mut Vec<usize>| {
        if let Some(h) = heading {
            if items as f64 >= min_items {
                out.extend(kept.iter().map(|&i| (i, h)));
            }
        }
        kept.clear();
    };
    let mut before: Option<usize> = None; // the last line with text
    for (i, (&c, &s)) in codes.iter().zip(shape).enumerate() {
        if s == 0 {
            continue;
        }
        if let Some(b) = before {
            if codes[b] & LIST_CONTEXT != 0 && c & LIST_RELATED != 0 {
                out.push((b, i));
            } else if codes[b] & LIST_RELATED != 0 && shape[b] & SHAPE_TINY != 0 && c & LIST_CONTEXT != 0 {
                out.push((i, b));
            }
        }
        before = Some(i);
        if c & LIST_RELATED != 0 || s & SHAPE_LIST_ITEM == 0 {
            close(&mut out, heading, items, &mut kept);
            heading = (c & LIST_RELATED != 0).then_some(i);
            items = 0;
        } else if heading.is_some() {
            items += 1;
            if c & KEPT != 0 {
                kept.push(i);
            }
        }
    }
    close(&mut out, heading, items, &mut kept);
    Ok(out)
}

/// Bits of a decision that `set_off_lines` reads (`cleaner.blocks._set_off_bits` sets
/// them): kept, and dropped as a caption or a photo credit (a catalogue rule of category
/// ``caption``).
const OFF_KEPT: u8 = 1;
const OFF_CAPTION: u8 = 2;
/// Kept by ``context.sandwiched`` (a decision of the lines after the main story's gaps) ...
const OFF_SANDWICHED: u8 = 4;
/// ... over ``feature.no_punctuation`` (a stage-1 decision): a line that ends like no
/// sentence, kept only because body stands on both sides of it.
const OFF_NO_PUNCTUATION: u8 = 8;

/// The ``block_set_off_*`` and ``block_lone_*`` options (`cleaner.blocks.SET_OFF_OPTIONS`).
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
pub struct SetOffParams {
    block_set_off_spaced_share: f64,
    block_set_off_body_share: f64,
    block_set_off_indent_slack: i64,
    block_set_off_label_words: i64,
    block_lone_max_lines: usize,
    block_lone_title_capitalised: f64,
}

/// The kept lines of the main story that its layout sets apart from its body
/// (`cleaner.blocks.set_off`; which lines: rules ``block.set_off`` and
/// ``block.lone_paragraph`` in `cleaner.blocks.RULES`): the lines set off, each with the
/// dropped line it is attached to, and the lines of lone paragraphs (each a `Lone`).  ``final``: the
/// decisions after the main story's gaps (a list; ``code`` gives a decision's bits),
/// ``story_of``: each line's story (a list of int or None), ``main``: the main story,
/// ``shape``: the lines' shape bytes (0 for a blank line; `SHAPE_LIST_ITEM`: a list
/// item), ``starts`` and ``text_starts``: where each line and its text start in the
/// source (arrays of 64-bit offsets: the difference is its indentation, 0 for a line whose
/// normalised text is no slice of the source, which the set-off test reads so),
/// ``indents``: each line's indentation (an array of 64-bit counts, `cleaner.storage.indents`:
/// the raw line's own for such a line; the lone-paragraph test reads it), ``feats``: the
/// features (a list of `Features`), ``lines``: the lines' normalised texts
/// (`cleaner.storage.columns`: whether a paragraph asks a question is read there,
/// `crate::features::asks`), ``params``: the options.
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn set_off_lines(
    final_: &Bound<'_, PyList>,
    initial: &Bound<'_, PyList>,
    story_of: &Bound<'_, PyList>,
    main: i64,
    shape: &[u8],
    starts: &Bound<'_, PyAny>,
    text_starts: &Bound<'_, PyAny>,
    indents: &Bound<'_, PyAny>,
    feats: &Bound<'_, PyList>,
    code: &Bound<'_, PyAny>,
    lines: StoredLines<'_>,
    params: SetOffParams,
) -> PyResult<(Vec<(usize, usize)>, Vec<Lone>)> {
    let py = final_.py();
    let initial = codes::<u8>(initial, code)?;
    let codes = codes::<u8>(final_, code)?;
    let n = codes.len();
    if initial.len() != n {
        return Err(PyValueError::new_err("set_off_lines: decisions of different lengths"));
    }
    let (starts, text_starts) = (PyBuffer::<i64>::get(starts)?, PyBuffer::<i64>::get(text_starts)?);
    let outside = || PyValueError::new_err("set_off_lines: columns that are not arrays of offsets");
    let (starts, text_starts) = (starts.as_slice(py).ok_or_else(outside)?, text_starts.as_slice(py).ok_or_else(outside)?);
    let indents = PyBuffer::<i64>::get(indents)?;
    let indents = indents.as_slice(py).ok_or_else(outside)?;
    if starts.len() != n || text_starts.len() != n || indents.len() != n || shape.len() != n || story_of.len() != n {
        return Err(PyValueError::new_err("set_off_lines: columns of different lengths"));
    }
    let indent = |i: usize| text_starts[i].get() - starts[i].get();
    let true_indent = |i: usize| indents[i].get();
    let (members, words) = main_members(story_of, main, shape, &codes, feats)?;
    let share = params.block_set_off_body_share;
    let set_off = match body(&members, &words, &indent, share) {
        Some(body) => attached(&Layout { members: &members, shape, feats, indent: &indent, body }, &codes, &params)?,
        None => Vec::new(),
    };
    // the lone paragraphs are read among the lines left once those are set off
    let (members, words): (Vec<usize>, Vec<i64>) =
        members.iter().zip(&words).filter(|&(i, _)| !set_off.iter().any(|&(j, _)| j == *i)).unzip();
    let lone = match body(&members, &words, &true_indent, share) {
        Some(body) => {
            let bare = |i: usize| codes[i] & OFF_SANDWICHED != 0 && initial[i] & OFF_NO_PUNCTUATION != 0;
            let layout = Layout { members: &members, shape, feats, indent: &true_indent, body };
            lone(&layout, &LineTexts::new(&lines)?, &bare, &params)?
        }
        None => Vec::new(),
    };
    Ok((set_off, lone))
}

/// The main story's kept lines, in order, and their words (`set_off_lines`' arguments of
/// the same names).
fn main_members(
    story_of: &Bound<'_, PyList>,
    main: i64,
    shape: &[u8],
    codes: &[u8],
    feats: &Bound<'_, PyList>,
) -> PyResult<(Vec<usize>, Vec<i64>)> {
    let mut members = Vec::new();
    for (i, s) in story_of.iter().enumerate() {
        let s: Option<i64> = s.extract()?;
        if s == Some(main) && shape[i] != 0 && codes[i] & OFF_KEPT != 0 {
            members.push(i);
        }
    }
    let mut words = Vec::with_capacity(members.len());
    for &i in &members {
        words.push(feature(feats, i, WORDS)?.extract::<i64>()?);
    }
    Ok((members, words))
}

/// Each line's indentation (`cleaner.storage.indents`), as native 64-bit integers: where
/// its normalised text starts less where it starts (``starts``, ``text_starts``: arrays of
/// 64-bit offsets), or, for a line whose normalised text is no slice of the source,
/// its entry of ``changed`` (line -> its raw line's leading whitespace).
#[pyfunction]
pub fn indent_column<'py>(
    py: Python<'py>,
    starts: &Bound<'py, PyAny>,
    text_starts: &Bound<'py, PyAny>,
    changed: FxMap<usize, i64>,
) -> PyResult<Bound<'py, PyBytes>> {
    let (starts, text_starts) = (PyBuffer::<i64>::get(starts)?, PyBuffer::<i64>::get(text_starts)?);
    let outside = || PyValueError::new_err("indent_column: columns that are not arrays of offsets");
    let (starts, text_starts) = (starts.as_slice(py).ok_or_else(outside)?, text_starts.as_slice(py).ok_or_else(outside)?);
    if starts.len() != text_starts.len() {
        return Err(PyValueError::new_err("indent_column: columns of different lengths"));
    }
    let mut out = Vec::with_capacity(8 * starts.len());
    for (i, (a, b)) in starts.iter().zip(text_starts).enumerate() {
        let indent = changed.get(&i).copied().unwrap_or_else(|| b.get() - a.get());
        out.extend_from_slice(&indent.to_ne_bytes());
    }
    Ok(PyBytes::new(py, &out))
}

/// The body's indentation: the one that holds the most of the words of ``members`` (each
/// line's ``words``), when it holds at least ``share`` of them.
fn body(members: &[usize], words: &[i64], indent: &dyn Fn(usize) -> i64, share: f64) -> Option<i64> {
    let mut words_at: FxMap<i64, i64> = FxMap::default();
    for (&i, &w) in members.iter().zip(words) {
        *words_at.entry(indent(i)).or_insert(0) += w;
    }
    let total: i64 = words.iter().sum();
    let (body, most) = words_at.iter().map(|(&at, &w)| (at, w)).max_by_key(|&(at, w)| (w, -at))?;
    ((most as f64) >= share * total as f64).then_some(body)
}

/// The main story's kept lines (``members``, in order), their indentation and the body's.
struct Layout<'a, 'py> {
    members: &'a [usize],
    shape: &'a [u8],
    feats: &'a Bound<'py, PyList>,
    indent: &'a dyn Fn(usize) -> i64,
    body: i64,
}

impl Layout<'_, '_> {
    /// A paragraph (by its count of words, or of CJK characters) that ends like a sentence.
    fn sentence(&self, i: usize) -> PyResult<bool> {
        Ok(self.shape[i] & (SHAPE_WORDY | SHAPE_CJK_PARAGRAPH) != 0 && feature(self.feats, i, TERMINAL)?.is_truthy()?)
    }
}

/// The lines indented deeper than the body and attached (no blank line between) to a
/// dropped credit or label indented like them (``block.set_off``), each with that line;
/// only where paragraphs are set apart by blank lines: the text holds a blank line before
/// its last line, and block_set_off_spaced_share of the story's lines are followed by one
/// or end the text.
fn attached(layout: &Layout<'_, '_>, codes: &[u8], params: &SetOffParams) -> PyResult<Vec<(usize, usize)>> {
    let (shape, feats, indent) = (layout.shape, layout.feats, layout.indent);
    let n = shape.len();
    let share = params.block_set_off_spaced_share;
    let spaced = layout.members.iter().filter(|&&i| i + 1 == n || shape[i + 1] == 0).count();
    if share > 0.0 && (!shape[..n.saturating_sub(1)].contains(&0) || (spaced as f64) < share * layout.members.len() as f64) {
        return Ok(Vec::new());
    }
    let label = |j: usize, i: usize| -> PyResult<bool> {
        if shape[j] == 0 || codes[j] & OFF_KEPT != 0 || (indent(j) - indent(i)).abs() > params.block_set_off_indent_slack {
            return Ok(false);
        }
        if codes[j] & OFF_CAPTION != 0 {
            return Ok(true);
        }
        let words: i64 = feature(feats, j, WORDS)?.extract()?;
        Ok(words <= params.block_set_off_label_words
            && shape[j] & SHAPE_LIST_ITEM == 0
            && !feature(feats, j, TERMINAL)?.is_truthy()?)
    };
    let mut out = Vec::new();
    for &i in layout.members {
        if indent(i) <= layout.body || shape[i] & SHAPE_LIST_ITEM != 0  {
            continue;
        }
        for j in [i.checked_sub(1), (i + 1 < n).then_some(i + 1)].into_iter().flatten() {
            if label(j, i)? {
                out.push((i, j));
                break;
            }
        }
    }
    Ok(out)
}

/// A line of a lone paragraph, with what its reason names: (the line, its paragraph's
/// indentation, the body's, the body paragraph above the run, the one under it or -1
/// where the run ends the story, whether it is a lone line with no sentence end).
type Lone = (usize, i64, i64, usize, i64, bool);

/// The lines of the main story's lone paragraphs (``block.lone_paragraph``, each a `Lone`): a run of at
/// most block_lone_max_lines of its kept lines indented unlike the body, after its first
/// line, with no list item and exactly one paragraph, which ends like a sentence and asks
/// no question (read in ``texts``: a subheading asks one), between
/// two paragraphs at the body's indentation that end like sentences (or after the last
/// one): the paragraph, and the run's lines indented like it within
/// block_set_off_indent_slack columns (its label or credit); or a run of one line
/// indented deeper than the body that ends like no sentence and that only the body on both
/// sides of it kept (``bare(i)``: a caption with no period, set apart by the layout), with
/// less than block_lone_title_capitalised of its words capitalised (else a subheading in
/// title case).
fn lone(layout: &Layout<'_, '_>, texts: &LineTexts<'_>, bare: &dyn Fn(usize) -> bool, params: &SetOffParams) -> PyResult<Vec<Lone>> {
    let (members, indent, body) = (layout.members, layout.indent, layout.body);
    let body_sentence = |k: usize| -> PyResult<bool> {
        let i = members[k];
        Ok(indent(i) == body && layout.shape[i] & SHAPE_LIST_ITEM == 0 && layout.sentence(i)?)
    };
    let mut out = Vec::new();
    let mut k = 1;
    while k < members.len() {
        if indent(members[k]) == body {
            k += 1;
            continue;
        }
        let start = k;
        while k < members.len() && indent(members[k]) != body {
            k += 1;
        }
        let run = &members[start..k];
        if run.len() > params.block_lone_max_lines
            || run.iter().any(|&i| layout.shape[i] & SHAPE_LIST_ITEM != 0)
            || !body_sentence(start - 1)?
            || (k < members.len() && !body_sentence(k)?)
        {
            continue;
        }
        let (above, under) = (members[start - 1], members.get(k).map_or(-1, |&j| j as i64));
        if let [i] = *run {
            let titled = feature(layout.feats, i, CAPITALISED)?.extract::<f64>()? >= params.block_lone_title_capitalised;
            if indent(i) > body && bare(i) && !titled {
                out.push((i, indent(i), body, above, under, true));
                continue;
            }
        }
        let paragraphs: Vec<usize> =
            run.iter().copied().filter(|&i| layout.shape[i] & (SHAPE_WORDY | SHAPE_CJK_PARAGRAPH) != 0).collect();
        if paragraphs.len() != 1
            || !layout.sentence(paragraphs[0])?
            || with_units!(PyStringData, texts.data(paragraphs[0])?, s => asks(s))
        {
            continue;
        }
        let at = indent(paragraphs[0]);
        out.extend(
            run.iter()
                .filter(|&&i| (indent(i) - at).abs() <= params.block_set_off_indent_slack)
                .map(|&i| (i, at, body, above, under, false)),
        );
    }
    Ok(out)
}

/// The key of every line, as numbers: what `cleaner.blocks._unrepeated` compares a line of
/// the main story with the page's other lines by (its runs of letters and digits,
/// `str.isalnum`, case folded, `str.casefold`, one space between them: Python's
/// ``re.sub(r"[\W_]+", " ", text).strip().casefold()``), read from the source in place
/// (``lines``: `cleaner.storage.Lines.columns`) instead of built as a Python string a
/// line.  Gives, per line, the number of its key (0: an empty key; lines with equal keys,
/// and only they, share a number) and how many of its runs are not all digits (the key's
/// words that are not bare numbers: ``sum(not w.isdigit() for w in key.split())``).
#[pyfunction]
pub fn line_keys(lines: StoredLines<'_>) -> PyResult<(Vec<usize>, Vec<usize>)> {
    let lines = LineTexts::new(&lines)?;
    let n = lines.len();
    let mut numbers: FxMap<Vec<u32>, usize> = FxMap::default();
    let (mut keys, mut words) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let (mut key, mut run, mut folded) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..n {
        key.clear();
        let mut counted = 0;
        with_units!(PyStringData, lines.data(i)?, s => {
            for part in s.split(|&c| !is_alnum(c.into())).filter(|part| !part.is_empty()) {
                if !key.is_empty() {
                    key.push(0x20);
                }
                run.clear();
                run.extend(part.iter().map(|&c| Into::<u32>::into(c)));
                casefold(&run, &mut folded);
                // (digits fold to themselves: a run of digits is a bare number once folded)
                counted += usize::from(!folded.iter().all(|&c| is_digit(c)));
                key.extend_from_slice(&folded);
            }
        });
        keys.push(if key.is_empty() {
            0
        } else {
            match numbers.get(&key) {
                Some(&k) => k,
                None => {
                    let k = numbers.len() + 1;
                    numbers.insert(key.clone(), k);
                    k
                }
            }
        });
        words.push(counted);
    }
    Ok((keys, words))
}
