//! How a story opens, read from the gap above its first kept line (`Reader.opening`): a
//! repeated headline, a title with a meta line (the longest headline just above it), the
//! whole head of a story (title, meta lines, text), a dateline, or none with the nearest
//! title-like headline that shares a word with the text (`echoed`; `echoes`, the stricter
//! test of `cleaner.stories.opening._echoing_head`); and what a gap holds (its
//! dropped lines, those a catalogue pattern dropped, a title-like headline:
//! `cleaner.stories.evidence.gap_evidence`).  The reaches are `Options` fields passed in;
//! every slice is read as Python reads it (`py_range`), so any option value gives the
//! answers the Python gave.

use crate::cohesion::Cohesion;
use crate::story::Story;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::PyString;
use std::ops::Range;

/// The indices of Python's ``x[start:stop]`` of a list of `len` items.
pub(crate) fn py_range(len: usize, start: i64, stop: i64) -> Range<usize> {
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
pub(crate) struct Reaches {
    pub(crate) above: i64,
    pub(crate) title_reach: f64,
    pub(crate) title_near: f64,
    pub(crate) meta: i64,
    pub(crate) repeat: i64,
    pub(crate) longer: i64,
    pub(crate) longer_yield: usize,
    pub(crate) echo: f64,
    pub(crate) meta_echo: f64,
    pub(crate) echo_shared: usize,
    pub(crate) first_echo_shared: usize,
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

impl Story {
    fn repeated(&self, i: usize) -> PyResult<bool> {
        let folds = self.folds();
        let key = folds.fold[i];
        if folds.fold_count[key as usize] > 3 {
            return Ok(false);
        }
        let k = self.at(i)? as i64;
        let content = &self.e.content;
        Ok(content[py_range(content.len(), k + 1, k + 1 + self.reach.repeat)].iter().any(|&j| folds.fold[j] == key))
    }

    /// A title-like headline with a meta line (or two) right below it
    /// and the text `first` right below those.
    fn headed(&self, title: usize, first: usize) -> PyResult<bool> {
        if !self.folds().titled[title] {
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

    /// Does the text from `first` on (its first `reach` content words:
    /// ``story_echo_words``, or ``story_meta_echo_words`` below a meta line) share `least`
    /// different content words with the headline `title` (all of its own when it holds
    /// fewer; its words no kept line holds count as one), or one in the text's first line?
    fn echoed(&self, title: usize, first: usize, reach: f64, least: usize) -> PyResult<bool> {
        let (cohesion, own, below) = self.echo_sides(title, first)?;
        if own.is_empty() {
            return Ok(true);
        }
        let distinct = own.iter().enumerate().filter(|&(k, w)| !own[..k].contains(w)).count();
        let least = least.min(distinct);
        let mut found: Vec<u32> = Vec::new();
        let mut seen = 0usize;
        for j in below.filter(|&j| j != title) {
            let words = cohesion.of_line(j);
            Self::shared(&own, words, &mut found);
            // one word in the first line of the text will do
            if found.len() >= least || (seen == 0 && !found.is_empty()) {
                return Ok(true);
            }
            seen += words.len();
            if seen as f64 >= reach {
                return Ok(false);
            }
        }
        Ok(false)
    }

    /// Does the line `line` share `least` different content words with the first `reach`
    /// content words of the kept lines from `first` on
    /// (`cleaner.stories.opening._echoing_head`: ``story_echo_shared`` of
    /// ``story_echo_words``)?  Unlike `echoed`, a line with fewer words needs `least` all
    /// the same, and the text's first line is read as any other.
    pub(crate) fn echoes(&self, line: usize, first: usize, reach: usize, least: usize) -> PyResult<bool> {
        let (cohesion, own, below) = self.echo_sides(line, first)?;
        let mut found: Vec<u32> = Vec::new();
        let mut left = reach;
        for j in below {
            if found.len() >= least || left == 0 {
                break;
            }
            let words = cohesion.of_line(j);
            let words = &words[..words.len().min(left)];
            Self::shared(&own, words, &mut found);
            left -= words.len();
        }
        Ok(found.len() >= least)
    }

    /// Does the line `line` share a content word with the kept line `text` (a teaser's
    /// title with its teaser, `cleaner.stories.teasers.teasers`): `echoes` read over that
    /// line's content words alone?
    pub(crate) fn names(&self, line: usize, text: usize) -> PyResult<bool> {
        let reach = self.words()?.of_line(text).len();
        self.echoes(line, text, reach, 1)
    }

    /// What `echoed` and `echoes` compare: the content words of the line `line` (their
    /// stem ids; a stem no kept line holds: `None`), read as the kept lines' are
    /// (`Cohesion::ids_of`), and the kept lines from `first` on, in order.
    fn echo_sides(&self, line: usize, first: usize) -> PyResult<(&Cohesion, Vec<Option<u32>>, impl Iterator<Item = usize> + '_)> {
        let cohesion = self.words()?;
        let own = cohesion.ids_of(&self.units[line], &self.stops.get().words);
        let below = self.e.content[self.at(first)?..].iter().copied().filter(|&j| self.e.keep[j]);
        Ok((cohesion, own, below))
    }

    /// Adds to `found` the words of `words` that `own` holds and `found` does not yet.
    fn shared(own: &[Option<u32>], words: &[u32], found: &mut Vec<u32>) {
        for &w in words {
            if own.contains(&Some(w)) && !found.contains(&w) {
                found.push(w);
            }
        }
    }

    /// A headline up to ``story_longer_reach`` lines above `j`
    /// with more words, not past a meta line, body, a line the catalogue dropped or a
    /// pager's link (`Evidence.pager`), and not one that holds `j`.
    fn longer_above(&self, j: usize) -> PyResult<usize> {
        let mut best = j;
        let k = self.at(j)? as i64;
        let reach = self.reach.longer;
        let content = &self.e.content;
        let above: Vec<usize> =
            content[py_range(content.len(), (k - 2 * reach).max(0), k)].iter().copied().filter(|&x| self.e.lettered[x]).collect();
        let upward: Vec<usize> = above.iter().rev().copied().collect();
        let folds = self.folds();
        let own = &folds.folded[folds.fold[j] as usize];
        for &x in &upward[py_range(upward.len(), 0, reach)] {
            if self.e.meta[x] || self.e.body[x] || self.e.pattern[x] || self.e.pager[x] {
                break; // the head ends at a pager's link: the post before's headline
            }
            if self.e.headline[x] && self.e.words[x] > self.e.words[best] {
                let theirs = &folds.folded[folds.fold[x] as usize]; // a headline's: folded
                if !(own.is_empty() || theirs.windows(own.len()).any(|w| w == own.as_slice())) {
                    best = x;
                }
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
        let (title, opening) = self.opening(first, gap, self.reach.echo_shared)?;
        let dropped = Self::upto(&self.dropped_upto, a.min(b), b);
        let furniture = Self::upto(&self.pattern_upto, a.min(b), b);
        let titled = &self.folds().titled;
        let headline = tail(gap, above_lines).iter().any(|&j| titled[j]);
        Ok((title, opening, dropped, furniture, headline))
    }

    /// The last of the headlines `options` of four words or more that the text repeats
    /// (`repeated`).
    fn last_repeated(&self, options: &[usize]) -> PyResult<Option<usize>> {
        let mut rep = None;
        for &j in options {
            if self.e.words[j] >= 4 && self.repeated(j)? {
                rep = Some(j);
            }
        }
        Ok(rep)
    }

    /// A title without a meta line, of the headlines `options` (nearest first) above the
    /// text `first`: the nearest title-like one just above the text that shares `shared`
    /// content words with it (`echoed`), else a capitalised one right above it that does.
    fn title_without_meta(&self, options: &[usize], first: usize, shared: usize) -> PyResult<Option<usize>> {
        let (e, r) = (&self.e, self.reach);
        for &j in options {
            if self.dist(j, first)? as f64 <= r.title_near && self.folds().titled[j] && self.echoed(j, first, r.echo, shared)? {
                return Ok(Some(j));
            }
        }
        if let Some(&top) = options.first() {
            if self.dist(top, first)? <= 2 && e.words[top] >= 3 && e.capital[top] && self.echoed(top, first, r.echo, shared)? {
                return Ok(Some(top));
            }
        }
        Ok(None)
    }

    /// `Reader.opening`: the title line of a story whose first kept line is `first`
    /// (`above`: the lines before it, nearest last) and how it opens.
    /// `shared`: the different content words a headline without a meta line shares with
    /// the text to be its title (`echoed`): ``story_echo_shared`` in a gap between two
    /// stories, where the lines of two pages' tail and head meet and one word in common
    /// is often chance; ``story_first_echo_shared`` (one) above the document's first
    /// story, whose page's own headline the nearest one is.
    pub(crate) fn opening(&self, first: usize, above: &[usize], shared: usize) -> PyResult<(Option<usize>, Option<Opening>)> {
        let (e, r) = (&self.e, self.reach);
        let mut options: Vec<usize> = tail(above, r.above).iter().rev().copied().filter(|&j| e.headline[j]).collect();
        if e.headline[first] {
            options.insert(0, first);
        }
        let rep = self.last_repeated(&options)?;
        if rep.is_some() {
            return Ok((rep, Some(Opening::Repeat)));
        }
        // A headline with a meta line that shares no word with the story below is another
        // page's link and date above it: no title, and no head of a story.
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
        // The longer headline above it wins when it names the text too, or stands over
        // the lines of a head (photo captions); one just above it that names nothing of
        // the text (another page's link, a caption of the story before, a call to read
        // on; at most ``story_longer_yield_lines`` lines with letters between them, a
        // section's label) yields to the headline over the meta line, which does.
        if let Some(j) = near {
            let t = self.longer_above(j)?;
            if self.echoed(t, first, r.meta_echo, 1)? {
                return Ok((Some(t), Some(Opening::Meta)));
            }
            if t != j && self.echoed(j, first, r.meta_echo, 1)? {
                let (a, b) = (self.at(t)? + 1, self.at(j)?);
                let between = self.e.content[a..b].iter().filter(|&&x| self.e.lettered[x]).count();
                return Ok((Some(if between <= r.longer_yield { j } else { t }), Some(Opening::Meta)));
            }
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
        let title = self.title_without_meta(&options, first, shared)?;
        if opener.is_some_and(|j| e.words[j] >= 8 && e.dateline[j]) {
            return Ok((title, Some(Opening::Dateline)));
        }
        Ok((title, None))
    }
}
