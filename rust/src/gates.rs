//! The catalogue's gates (`cleaner.catalogue.Matcher`): which pattern rules could fire on
//! a line, found with string tests only, so that the rules' own `regex` patterns run on
//! few lines.  The gates themselves (`cleaner.prefilter`) are derived in Python and
//! handed over when a matcher is built; a rule passes a line when every test passes:
//!
//! - its word-count guards;
//! - for an anchored rule without known starts, whether its pattern can match a line
//!   starting with the line's first characters (asked of Python, once per start);
//! - its required strings, found in the folded line with one Aho-Corasick pass;
//! - its known starts and ends, looked up in the folded line.
//!
//! A line no gate may speak for (not printable once folded) passes every string test; a
//! rule whose strings take `\d` for 0-9 passes them on a line with other digits.

use crate::patterns::Patterns;
use crate::tables;
use crate::text::{in_ranges, is_decimal, is_space, push_utf8, utf8_points, FxMap};
use aho_corasick::{AhoCorasick, MatchKind};
use pyo3::prelude::*;
use std::sync::{Arc, Mutex};

/// How many starts are remembered before the memory is emptied.
const START_CACHE: usize = 50_000;
/// Lines with more words than this are searched with an automaton of the required
/// strings of only the rules their word count leaves (built when first needed): one for
/// each band of word counts (`band`), of the rules any count of the band leaves, so that
/// a process builds a few of them, not one for each count that leaves other rules.
const LONG_LINE: usize = 16;

/// A set of rules (bit i: the rule at position i of the matcher's order).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Bits(Vec<u64>);

impl Bits {
    fn empty(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    fn of(n: usize, members: &[usize]) -> Bits {
        let mut b = Bits::empty(n);
        for &i in members {
            b.0[i / 64] |= 1 << (i % 64);
        }
        b
    }
    fn and(&mut self, o: &Bits) {
        self.0.iter_mut().zip(&o.0).for_each(|(a, b)| *a &= b);
    }
    fn or(&mut self, o: &Bits) {
        self.0.iter_mut().zip(&o.0).for_each(|(a, b)| *a |= b);
    }
    fn and_not(&mut self, o: &Bits) {
        self.0.iter_mut().zip(&o.0).for_each(|(a, b)| *a &= !b);
    }
    fn meets(&self, o: &Bits) -> bool {
        self.0.iter().zip(&o.0).any(|(a, b)| a & b != 0)
    }
    fn is_empty(&self) -> bool {
        self.0.iter().all(|&a| a == 0)
    }
    /// The members, in order.
    pub fn members(&self) -> Vec<usize> {
        let mut out = Vec::new();
        for (w, &word) in self.0.iter().enumerate() {
            let mut x = word;
            while x != 0 {
                out.push(w * 64 + x.trailing_zeros() as usize);
                x &= x - 1;
            }
        }
        out
    }
}

/// Strings and the rules each one stands for, looked up at one end of a line (strings
/// and lines in UTF-8, `crate::text::push_utf8`).
struct EndIndex {
    values: FxMap<Vec<u8>, Bits>,
    /// Per byte at the string's end looked at (its first for a prefix, its last for a
    /// suffix): the lengths of the strings with it there, in increasing order.
    lengths: FxMap<u8, Vec<usize>>,
    /// The rules of the empty string, if it is one of them.
    empty: Option<Bits>,
    at_start: bool,
    /// Rules without strings of this kind: never turned away by it.
    rest: Bits,
    gated: Bits,
}

impl EndIndex {
    fn new(
        n: usize,
        strings: Vec<(String, Vec<usize>)>,
        rest: &[usize],
        at_start: bool,
    ) -> EndIndex {
        let mut values: FxMap<Vec<u8>, Bits> = FxMap::default();
        let mut gated = Bits::empty(n);
        for (s, rules) in strings {
            let key = s.into_bytes();
            let bits = Bits::of(n, &rules);
            gated.or(&bits);
            values
                .entry(key)
                .or_insert_with(|| Bits::empty(n))
                .or(&bits);
        }
        let mut lengths: FxMap<u8, Vec<usize>> = FxMap::default();
        for key in values.keys() {
            let end = if at_start { key.first() } else { key.last() };
            if let Some(&c) = end {
                lengths.entry(c).or_default().push(key.len());
            }
        }
        for ks in lengths.values_mut() {
            ks.sort_unstable();
            ks.dedup();
        }
        let empty = values.get(&Vec::new()).cloned();
        EndIndex {
            values,
            lengths,
            empty,
            at_start,
            rest: Bits::of(n, rest),
            gated,
        }
    }

    /// The rules whose strings ``text`` starts (or ends) with, and those without strings.
    fn lookup(&self, text: &[u8]) -> Bits {
        let mut out = self.rest.clone();
        if let Some(b) = &self.empty {
            out.or(b);
        }
        let end = if self.at_start {
            text.first()
        } else {
            text.last()
        };
        let Some(ks) = end.and_then(|c| self.lengths.get(c)) else {
            return out;
        };
        for &k in ks {
            if k > text.len() {
                break;
            }
            let piece = if self.at_start {
                &text[..k]
            } else {
                &text[text.len() - k..]
            };
            if let Some(b) = self.values.get(piece) {
                out.or(b);
            }
        }
        out
    }
}

/// The gates of one matcher (see the module docstring).
#[pyclass(frozen, module = "cleaner._core")]
pub struct Gates {
    n: usize,
    by_words: Vec<Bits>,
    start_checked: Bits,
    start_chars: usize,
    start_fn: PyObject,
    starts: Mutex<FxMap<Vec<u32>, Bits>>,
    literal: Bits,
    no_literal: Bits,
    /// The required strings and the rules of each.
    literals: Vec<(String, Bits)>,
    /// The automaton of them all, and those of the rules a long line's word count leaves.
    automaton: Option<Arc<Automaton>>,
    automata: Mutex<FxMap<Bits, Option<Arc<Automaton>>>>,
    prefixes: EndIndex,
    suffixes: EndIndex,
    digit_rules: Bits,
    /// The rules' patterns, run by the `regex` crate where it gives the same answer.
    patterns: Patterns,
}

#[pymethods]
impl Gates {
    /// ``n`` rules; ``by_words[w]``: the rules whose guards admit ``w`` words (the last
    /// entry for more); ``start_checked``: the rules of the start test, and
    /// ``start_fn(start)`` the rules of those that can match a line starting with
    /// ``start``, its first ``start_chars`` characters;
    /// ``literals``, ``prefixes``, ``suffixes``: (folded string, rules) pairs, each with
    /// the rules gated by strings of that kind; ``digit_rules``: rules whose strings take
    /// ``\d`` for 0-9; ``patterns``: (pattern, case_sensitive) of each rule, for
    /// `crate::patterns` (None: every pattern runs in Python).
    #[new]
    #[pyo3(signature = (n, by_words, start_checked, start_chars, start_fn, literals, prefixes, prefixed, suffixes, suffixed, digit_rules, patterns=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        n: usize,
        by_words: Vec<Vec<usize>>,
        start_checked: Vec<usize>,
        start_chars: usize,
        start_fn: PyObject,
        literals: Vec<(String, Vec<usize>)>,
        prefixes: Vec<(String, Vec<usize>)>,
        prefixed: Vec<usize>,
        suffixes: Vec<(String, Vec<usize>)>,
        suffixed: Vec<usize>,
        digit_rules: Vec<usize>,
        patterns: Option<Vec<(String, bool)>>,
    ) -> PyResult<Gates> {
        let everything: Vec<usize> = (0..n).collect();
        let not_in = |set: &[usize]| -> Vec<usize> {
            let b = Bits::of(n, set);
            everything
                .iter()
                .copied()
                .filter(|&i| b.0[i / 64] >> (i % 64) & 1 == 0)
                .collect()
        };
        let literal: Vec<usize> = {
            let mut all: Vec<usize> = literals
                .iter()
                .flat_map(|(_, r)| r.iter().copied())
                .collect();
            all.sort_unstable();
            all.dedup();
            all
        };
        let literals: Vec<(String, Bits)> = literals
            .into_iter()
            .map(|(s, r)| (s, Bits::of(n, &r)))
            .collect();
        let automaton = automaton(&literals, None)?;
        let no_prefix = not_in(&prefixed);
        let no_suffix = not_in(&suffixed);
        Ok(Gates {
            n,
            by_words: by_words.iter().map(|r| Bits::of(n, r)).collect(),
            start_checked: Bits::of(n, &start_checked),
            start_chars,
            start_fn,
            starts: Mutex::new(FxMap::default()),
            no_literal: Bits::of(n, &not_in(&literal)),
            literal: Bits::of(n, &literal),
            literals,
            automaton,
            automata: Mutex::new(FxMap::default()),
            prefixes: EndIndex::new(n, prefixes, &no_prefix, true),
            suffixes: EndIndex::new(n, suffixes, &no_suffix, false),
            digit_rules: Bits::of(n, &digit_rules),
            patterns: Patterns::new(patterns.unwrap_or_default()),
        })
    }

    /// The positions of the rules that pass every gate on ``body`` (a line without its
    /// bullets, not empty; ``folded`` its `str.casefold`, ``words`` its word count), in
    /// order.
    fn candidates(
        &self,
        py: Python<'_>,
        body: &Bound<'_, pyo3::types::PyString>,
        folded: &Bound<'_, pyo3::types::PyString>,
        words: usize,
    ) -> PyResult<Vec<usize>> {
        let body = crate::codepoints(body)?;
        let bytes = crate::utf8_bytes(folded)?;
        Ok(self.mask(py, &body, move || Ok(bytes), words)?.members())
    }
}

impl Gates {
    /// How many characters of a line's start the start test reads (`mask` reads no more
    /// of ``body``).
    pub fn start_chars(&self) -> usize {
        self.start_chars
    }

    /// Does rule ``k`` fire on ``body`` (a line without its bullets, no line break)?
    /// None: its pattern runs in Python.
    pub fn fires(&self, k: usize, body: &str) -> Option<bool> {
        self.patterns.fires(k, body)
    }

    /// The rules (as `candidates`) of a line: ``body`` (its first `start_chars` code
    /// points are read) and its case folding ``folded`` in UTF-8 (`crate::text::push_utf8`;
    /// asked for only when a rule is left after the word count and start tests: a line of
    /// a million words is not copied for rules that cannot fire on it).
    pub fn mask(
        &self,
        py: Python<'_>,
        body: &[u32],
        folded: impl FnOnce() -> PyResult<Vec<u8>>,
        words: usize,
    ) -> PyResult<Bits> {
        let mut mask = self.by_words[words.min(self.by_words.len() - 1)].clone();
        if mask.meets(&self.start_checked) {
            mask.and(&self.start_mask(py, &body[..body.len().min(self.start_chars)])?);
        }
        if mask.is_empty() {
            return Ok(mask);
        }
        let Some(folded) = fold(folded()?) else {
            return Ok(mask); // no gate speaks for this line
        };
        let gated = mask.clone();
        // Each test keeps the rules it cannot rule out, whatever the others did, so the
        // order is free: the lookups first, the search for required strings last (and
        // only if rules it gates are left).
        if mask.meets(&self.prefixes.gated) {
            mask.and(&self.prefixes.lookup(&folded));
        }
        if mask.meets(&self.suffixes.gated) {
            // (a folded line's only spaces are ASCII: the others are not printable)
            let end = folded
                .iter()
                .rposition(|&c| c >= 0x80 || !is_space(c as u32))
                .map_or(0, |k| k + 1);
            mask.and(&self.suffixes.lookup(&folded[..end]));
        }
        if mask.meets(&self.literal) {
            mask.and(&self.literal_hits(&folded, &gated, words)?);
        }
        if gated.meets(&self.digit_rules) && !folded.is_ascii() {
            let mut rescue = gated;
            rescue.and(&self.digit_rules);
            rescue.and_not(&mask);
            if !rescue.is_empty() && other_digits(&folded) {
                mask.or(&rescue);
            }
        }
        Ok(mask)
    }

    /// The rules of the start test that can match a line starting with ``start``, and
    /// every other rule.
    fn start_mask(&self, py: Python<'_>, start: &[u32]) -> PyResult<Bits> {
        if let Some(b) = self.starts.lock().unwrap().get(start) {
            return Ok(b.clone());
        }
        let could: Vec<usize> = self
            .start_fn
            .call1(py, (crate::py_str(py, start)?,))?
            .extract(py)?;
        let mut mask = Bits::of(self.n, &(0..self.n).collect::<Vec<_>>());
        mask.and_not(&self.start_checked);
        mask.or(&Bits::of(self.n, &could));
        let mut starts = self.starts.lock().unwrap();
        if starts.len() >= START_CACHE {
            starts.clear();
        }
        starts.insert(start.to_vec(), mask.clone());
        Ok(mask)
    }

    /// The rules without required strings, and those whose strings the folded line holds
    /// (all of ``mask`` when it holds a lone surrogate: no search).
    fn literal_hits(&self, folded: &[u8], mask: &Bits, words: usize) -> PyResult<Bits> {
        let automaton = if words > LONG_LINE {
            self.automaton_for(words)?
        } else {
            self.automaton.clone()
        };
        let (Some(automaton), Ok(text)) = (automaton, std::str::from_utf8(folded)) else {
            return Ok(mask.clone());
        };
        let mut hits = self.no_literal.clone();
        for m in automaton.search.find_overlapping_iter(text) {
            hits.or(&automaton.rules[m.pattern().as_usize()]);
        }
        Ok(hits)
    }

    /// The automaton of the required strings of the rules a long line's word count leaves
    /// (and those of the other counts of its `band`: the mask of the line's rules drops
    /// what they find).
    fn automaton_for(&self, words: usize) -> PyResult<Option<Arc<Automaton>>> {
        let last = self.by_words.len() - 1;
        let (low, high) = band(words);
        let mut rules = Bits::empty(self.n);
        (low.min(last)..=high.min(last)).for_each(|w| rules.or(&self.by_words[w]));
        rules.and(&self.literal);
        if let Some(got) = self.automata.lock().unwrap().get(&rules) {
            return Ok(got.clone());
        }
        let built = automaton(&self.literals, Some(&rules))?;
        self.automata.lock().unwrap().insert(rules, built.clone());
        Ok(built)
    }
}

/// The band of word counts of a long line (more than `LONG_LINE` words): from one past a
/// power of two to the next (17-32, 33-64 ...).
fn band(words: usize) -> (usize, usize) {
    let high = words.next_power_of_two();
    (high / 2 + 1, high)
}

/// An Aho-Corasick automaton of required strings, and the rules of each.
struct Automaton {
    search: AhoCorasick,
    rules: Vec<Bits>,
}

/// The automaton of the strings of ``literals`` (of the rules of ``only``, if given).
fn automaton(literals: &[(String, Bits)], only: Option<&Bits>) -> PyResult<Option<Arc<Automaton>>> {
    let mut strings = Vec::new();
    let mut rules = Vec::new();
    for (s, r) in literals {
        let mut r = r.clone();
        if let Some(only) = only {
            r.and(only);
        }
        if !r.is_empty() {
            strings.push(s.as_str());
            rules.push(r);
        }
    }
    if strings.is_empty() {
        return Ok(None);
    }
    let search = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(strings)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    Ok(Some(Arc::new(Automaton { search, rules })))
}

fn printable(c: u32) -> bool {
    if c < 0x80 {
        (0x20..0x7f).contains(&c)
    } else {
        !in_ranges(&tables::NOT_PRINTABLE, c)
    }
}

/// One space for every run of whitespace (Python's `re.sub(r"\s+", " ", ...)`), in
/// UTF-8.
fn collapse(s: impl Iterator<Item = u32>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut in_run = false;
    for c in s {
        if is_space(c) {
            if !in_run {
                out.push(0x20);
            }
            in_run = true;
        } else {
            push_utf8(&mut out, c);
            in_run = false;
        }
    }
    out
}

fn has_double_space(s: &[u8]) -> bool {
    s.windows(2).any(|w| w == b"  ")
}

/// `cleaner.fold.fold_line` of a line whose `str.casefold` is ``folded`` (in UTF-8,
/// `crate::text::push_utf8`): the text gates compare with, or None when no gate may turn
/// the line away.  Takes the case folding and gives it back unchanged where it can (a
/// line of millions of characters is not copied).
pub fn fold(folded: Vec<u8>) -> Option<Vec<u8>> {
    if folded.is_ascii() {
        if has_double_space(&folded) || !folded.iter().all(|&c| printable(c as u32)) {
            return Some(collapse(folded.iter().map(|&c| c as u32)));
        }
        return Some(folded);
    }
    // The combining dot that "İ" folds to; dotless "ı", which `regex` matches with "I".
    let odd = |c: u32| c == 0x307 || c == 0x131;
    let f = if utf8_points(&folded).any(odd) {
        let mut f = Vec::with_capacity(folded.len());
        for c in utf8_points(&folded).filter(|&c| c != 0x307) {
            push_utf8(&mut f, if c == 0x131 { 0x69 } else { c });
        }
        f
    } else {
        folded
    };
    if utf8_points(&f).all(printable) {
        return Some(if has_double_space(&f) {
            collapse(utf8_points(&f))
        } else {
            f
        });
    }
    let f = collapse(utf8_points(&f));
    if utf8_points(&f).all(printable) {
        Some(f)
    } else {
        None
    }
}

/// `cleaner.fold.other_digits`: might the text hold a decimal digit other than 0-9?
fn other_digits(folded: &[u8]) -> bool {
    utf8_points(folded).any(|c| c >= 0x10000 || (c >= 0x80 && is_decimal(c)))
}
