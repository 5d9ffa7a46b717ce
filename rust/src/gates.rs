//! The catalogue's gates (`cleaner.catalogue.Matcher`): which pattern rules could fire on
//! a line, found with string tests only, so that the rules' own `regex` patterns run on
//! few lines.  The gates themselves (`cleaner.prefilter`) are derived in Python and
//! handed over when a matcher is built; a rule passes a line when every test passes:
//!
//! - its word-count guards;
//! - for an anchored rule without known starts, whether its pattern can match a line
//!   starting with the line's first characters (asked of Python, once per start);
//! - its required strings, found in the folded line in one pass (`crate::strings`);
//! - its known starts and ends, looked up in the folded line.
//!
//! A line no gate may speak for (not printable once folded) passes every string test; a
//! rule whose strings take `\d` for 0-9 passes them on a line with other digits.

use crate::patterns::Patterns;
use crate::strings::Strings;
use crate::tables;
use crate::text::{in_ranges, is_decimal, is_space, push_utf8, utf8_points, FxMap};
use pyo3::prelude::*;
use serde::Deserialize;
use std::borrow::Cow;
use std::sync::{Arc, Mutex, OnceLock};

/// How many starts are remembered before the memory is emptied.
const START_CACHE: usize = 50_000;
/// Lines with more words than this are searched for the required strings of only the
/// rules their word count leaves (a set built when first needed): one for each band of
/// word counts (`band`), of the rules any count of the band leaves, so that a process
/// builds a few of them, not one for each count that leaves other rules.
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
            b.set(i);
        }
        b
    }
    /// The rules below ``n`` that are not in ``o``.
    fn all_but(n: usize, o: &Bits) -> Bits {
        let mut b = Bits::empty(n);
        (0..n).for_each(|i| b.set(i));
        b.and_not(o);
        b
    }
    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    /// ``o``'s members in place of these (same size: no allocation).
    fn copy_from(&mut self, o: &Bits) {
        self.0.copy_from_slice(&o.0);
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
        self.members_into(&mut out);
        out
    }
    /// The members, in order, in place of what ``out`` held.
    pub fn members_into(&self, out: &mut Vec<usize>) {
        out.clear();
        for (w, &word) in self.0.iter().enumerate() {
            let mut x = word;
            while x != 0 {
                out.push(w * 64 + x.trailing_zeros() as usize);
                x &= x - 1;
            }
        }
    }
}

/// Strings and the rules each one stands for, looked up at one end of a line (strings
/// and lines in UTF-8, `crate::text::push_utf8`).
struct EndIndex {
    values: FxMap<Vec<u8>, Bits>,
    /// Per two bytes at the string's end looked at (its first two for a prefix, its last
    /// two for a suffix): the lengths of the strings with them there, in increasing order.
    lengths: FxMap<[u8; 2], Vec<usize>>,
    /// Per byte: is it a string of one byte?
    single: [bool; 256],
    /// The rules of the empty string, if it is one of them.
    empty: Option<Bits>,
    at_start: bool,
    /// Rules without strings of this kind: never turned away by it.
    rest: Bits,
    /// The rules with strings of this kind.
    gated: Bits,
}

impl EndIndex {
    /// The index of ``strings`` (`grouped`, of ``n`` rules) at the start of a line or at
    /// its end.
    fn new(n: usize, (strings, gated): Grouped<'_>, at_start: bool) -> EndIndex {
        // (room for every string at once: growing the table by steps cost more than filling it)
        let mut values: FxMap<Vec<u8>, Bits> = FxMap::with_capacity_and_hasher(strings.len(), Default::default());
        values.extend(strings.into_iter().map(|(s, bits)| (s.as_bytes().to_vec(), bits)));
        let mut lengths: FxMap<[u8; 2], Vec<usize>> = FxMap::default();
        let mut single = [false; 256];
        for key in values.keys() {
            match key.len() {
                0 => {}
                1 => single[key[0] as usize] = true,
                k => {
                    let pair = if at_start { [key[0], key[1]] } else { [key[k - 2], key[k - 1]] };
                    lengths.entry(pair).or_default().push(k);
                }
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
            single,
            empty,
            at_start,
            rest: Bits::all_but(n, &gated),
            gated,
        }
    }

    /// Keeps of ``mask`` the rules whose strings ``text`` starts (or ends) with, and
    /// those without strings (``hits``: room for the rules found, of ``mask``'s size).
    fn keep(&self, text: &[u8], mask: &mut Bits, hits: &mut Bits) {
        hits.copy_from(&self.rest);
        if let Some(b) = &self.empty {
            hits.or(b);
        }
        let n = text.len();
        let end = |k: usize| if self.at_start { &text[..k] } else { &text[n - k..] };
        if n >= 1 && self.single[end(1)[0] as usize] {
            if let Some(b) = self.values.get(end(1)) {
                hits.or(b);
            }
        }
        let pair = if n < 2 {
            None
        } else if self.at_start {
            self.lengths.get(&[text[0], text[1]])
        } else {
            self.lengths.get(&[text[n - 2], text[n - 1]])
        };
        for &k in pair.map_or(&[][..], Vec::as_slice) {
            if k > n {
                break;
            }
            if let Some(b) = self.values.get(end(k)) {
                hits.or(b);
            }
        }
        mask.and(hits);
    }
}

/// A string of the inputs, taken from the JSON text in place where it has no escapes.
#[derive(Deserialize)]
struct Str<'a>(#[serde(borrow)] Cow<'a, str>);

/// String sets as JSON keeps them: one (string, position of a rule with it) pair a place in
/// two lists of the same length, the strings and the positions.
type Members<'a> = (Vec<Str<'a>>, Vec<usize>);

/// What a matcher's gates are built from (`cleaner.catalogue.Matcher._inputs`, whose keys
/// these are): ``anchored`` has one entry a rule.
#[derive(Deserialize)]
struct Inputs<'a> {
    ungated: Vec<String>,
    anchored: Vec<bool>,
    by_words: Vec<Vec<usize>>,
    start: Vec<usize>,
    #[serde(borrow)]
    literals: Members<'a>,
    #[serde(borrow)]
    prefixes: Members<'a>,
    #[serde(borrow)]
    suffixes: Members<'a>,
    digits: Vec<usize>,
}

impl Inputs<'_> {
    /// Are these the inputs of ``n`` rules: every position below ``n``, every set of
    /// strings paired with as many sets of positions, a list by word count?
    fn fits(&self, n: usize) -> bool {
        let sets = [&self.literals, &self.prefixes, &self.suffixes];
        let lists = [&self.start, &self.digits];
        self.anchored.len() == n
            && !self.by_words.is_empty()
            && sets.iter().all(|(s, p)| s.len() == p.len())
            && (self.by_words.iter().map(Vec::as_slice))
                .chain(sets.iter().map(|(_, p)| p.as_slice()))
                .chain(lists.iter().map(|l| l.as_slice()))
                .all(|positions| positions.iter().all(|&i| i < n))
    }
}

/// A matcher's cache file (`cleaner.gatecache.inputs_blob`): the key of the rules and
/// code its inputs are for, and the inputs.
#[derive(Deserialize)]
struct CacheFile<'a> {
    key: String,
    #[serde(borrow)]
    inputs: Inputs<'a>,
}

/// String sets as `Gates.new` takes them (the strings, and the position of a rule with
/// each, two lists of the same length) as `Members`.
fn members((strings, positions): (Vec<String>, Vec<usize>)) -> Members<'static> {
    (strings.into_iter().map(|s| Str(Cow::Owned(s))).collect(), positions)
}

/// A string set grouped (`grouped`): each string with its rules, and the rules of them all.
type Grouped<'a> = (Vec<(&'a str, Bits)>, Bits);

/// Each string of ``members`` once, in the order of its first pair, with the rules of its
/// pairs; and the rules of them all (the only place a string set is grouped).
fn grouped<'a>(n: usize, (strings, positions): &'a Members<'_>) -> Grouped<'a> {
    let mut out: Vec<(&str, Bits)> = Vec::with_capacity(strings.len());
    let mut at: FxMap<&str, usize> = FxMap::with_capacity_and_hasher(strings.len(), Default::default());
    let mut all = Bits::empty(n);
    for (s, &k) in strings.iter().zip(positions) {
        let i = *at.entry(s.0.as_ref()).or_insert_with(|| {
            out.push((s.0.as_ref(), Bits::empty(n)));
            out.len() - 1
        });
        out[i].1.set(k);
        all.set(k);
    }
    (out, all)
}

/// The gates of one matcher (see the module docstring).
#[pyclass(frozen, module = "cleaner._core")]
pub struct Gates {
    n: usize,
    by_words: Vec<Bits>,
    start_checked: Bits,
    /// The rules the start test does not check (each start admits them).
    start_free: Bits,
    start_chars: usize,
    start_fn: PyObject,
    starts: Mutex<FxMap<Vec<u32>, Bits>>,
    literal: Bits,
    no_literal: Bits,
    /// The required strings and the rules of each.
    literals: Vec<(String, Bits)>,
    /// The set of them all, and those of the rules a long line's word count leaves.
    required: Option<Arc<Required>>,
    required_by_rules: Mutex<FxMap<Bits, Option<Arc<Required>>>>,
    /// The one of each `band` (by the power of two that ends it), once it is known.
    band_required: [OnceLock<Option<Arc<Required>>>; 64],
    prefixes: EndIndex,
    suffixes: EndIndex,
    digit_rules: Bits,
    /// The rules' patterns, run by the `regex` crate where it gives the same answer.
    patterns: Patterns,
    /// The id and category of each rule (empty: not given, the decisions are Python's).
    rules: Vec<(String, String)>,
}

#[pymethods]
impl Gates {
    /// ``n`` rules; ``by_words[w]``: the rules whose guards admit ``w`` words (the last
    /// entry for more); ``start_checked``: the rules of the start test, and
    /// ``start_fn(start)`` the rules of those that can match a line starting with
    /// ``start``, its first ``start_chars`` characters;
    /// ``literals``, ``prefixes``, ``suffixes``: folded strings and the position of a rule
    /// with each, as two lists of the same length (as a matcher's inputs hold them,
    /// `cleaner.catalogue.Matcher._inputs`); ``digit_rules``: rules whose strings take
    /// ``\d`` for 0-9; ``patterns``: (pattern, case_sensitive) of each rule, for
    /// `crate::patterns` (None: every pattern runs in Python); ``rules``: (id, category)
    /// of each rule, for the decision of a line one fires on (`cleaner.classify`).
    #[new]
    #[pyo3(signature = (n, by_words, start_checked, start_chars, start_fn, literals, prefixes, suffixes, digit_rules, patterns=None, rules=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        n: usize,
        by_words: Vec<Vec<usize>>,
        start_checked: Vec<usize>,
        start_chars: usize,
        start_fn: PyObject,
        literals: (Vec<String>, Vec<usize>),
        prefixes: (Vec<String>, Vec<usize>),
        suffixes: (Vec<String>, Vec<usize>),
        digit_rules: Vec<usize>,
        patterns: Option<Vec<(String, bool)>>,
        rules: Option<Vec<(String, String)>>,
    ) -> PyResult<Gates> {
        let inputs = Inputs {
            ungated: Vec::new(),
            anchored: vec![false; n],
            by_words,
            start: start_checked,
            literals: members(literals),
            prefixes: members(prefixes),
            suffixes: members(suffixes),
            digits: digit_rules,
        };
        Gates::build(&inputs, start_chars, start_fn, patterns.unwrap_or_default(), rules.unwrap_or_default())
    }

    /// The gates of the ``n`` rules whose inputs (`cleaner.catalogue.Matcher._inputs`) a
    /// matcher's cache file holds: ``blob``, its bytes, JSON ``{"key": ..., "inputs":
    /// {...}}``, read here in one piece (not as Python objects handed over one by one);
    /// with ``start_chars``, ``start_fn``, ``patterns`` and ``rules`` as `Gates` takes
    /// them.  Gives (gates, ``anchored`` of each rule, ``start``, ``ungated``), or None
    /// when ``blob`` holds the inputs of another ``key`` (other rules, or other code), of
    /// another number of rules, or is not such JSON.
    #[staticmethod]
    #[pyo3(signature = (blob, key, n, start_chars, start_fn, patterns, rules))]
    #[allow(clippy::type_complexity)]
    fn cached(
        blob: &[u8],
        key: &str,
        n: usize,
        start_chars: usize,
        start_fn: PyObject,
        patterns: Vec<(String, bool)>,
        rules: Vec<(String, String)>,
    ) -> PyResult<Option<(Gates, Vec<bool>, Vec<usize>, Vec<String>)>> {
        let Ok(file) = serde_json::from_slice::<CacheFile>(blob) else {
            return Ok(None);
        };
        if file.key != key || !file.inputs.fits(n) {
            return Ok(None);
        }
        let gates = Gates::build(&file.inputs, start_chars, start_fn, patterns, rules)?;
        let Inputs { ungated, anchored, start, .. } = file.inputs;
        Ok(Some((gates, anchored, start, ungated)))
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
        let folded = move |out: &mut Vec<u8>| {
            *out = bytes;
            Ok(())
        };
        Ok(self.mask(py, &body, folded, words, &mut Gates::scratch())?.members())
    }

    /// Does rule ``k`` fire on ``body`` in the `regex` crate (None: its pattern runs in
    /// Python, as yet)?  Counts a use of the pattern, as `classify_lines` does.
    fn crate_fires(&self, k: usize, body: &str) -> Option<bool> {
        self.fires(k, body)
    }

    /// The positions of the rules whose pattern the `regex` crate does not run, which
    /// run in Python on every line (`crate::patterns::Patterns::refused`).
    fn refused(&self) -> Vec<usize> {
        self.patterns.refused()
    }
}

impl Gates {
    /// The gates of ``inputs`` (see `Gates.new` and `Gates.cached`).
    fn build(
        inputs: &Inputs,
        start_chars: usize,
        start_fn: PyObject,
        patterns: Vec<(String, bool)>,
        rules: Vec<(String, String)>,
    ) -> PyResult<Gates> {
        let n = inputs.anchored.len();
        let (literals, literal) = grouped(n, &inputs.literals);
        let literals: Vec<(String, Bits)> = literals.into_iter().map(|(s, rules)| (s.to_string(), rules)).collect();
        let required = required(&literals, None);
        let start_checked = Bits::of(n, &inputs.start);
        Ok(Gates {
            n,
            by_words: inputs.by_words.iter().map(|r| Bits::of(n, r)).collect(),
            start_free: Bits::all_but(n, &start_checked),
            start_checked,
            start_chars,
            start_fn,
            starts: Mutex::new(FxMap::default()),
            no_literal: Bits::all_but(n, &literal),
            literal,
            literals,
            required,
            required_by_rules: Mutex::new(FxMap::default()),
            band_required: std::array::from_fn(|_| OnceLock::new()),
            prefixes: EndIndex::new(n, grouped(n, &inputs.prefixes), true),
            suffixes: EndIndex::new(n, grouped(n, &inputs.suffixes), false),
            digit_rules: Bits::of(n, &inputs.digits),
            patterns: Patterns::new(patterns),
            rules,
        })
    }

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

    /// The `regex` module's test of rule ``k`` (`crate::patterns::Patterns::python`).
    pub fn python(&self, k: usize, fetch: impl FnOnce() -> PyResult<PyObject>) -> PyResult<Option<&PyObject>> {
        self.patterns.python(k, fetch)
    }

    /// The id and category of rule ``k``, if they were given.
    pub fn rule(&self, k: usize) -> Option<&(String, String)> {
        self.rules.get(k)
    }

    /// Room for `mask`'s work on lines (any matcher's: `mask` fits it to its own).
    pub fn scratch() -> Scratch {
        Scratch { mask: Bits(Vec::new()), gated: Bits(Vec::new()), hits: Bits(Vec::new()), folded: Vec::new() }
    }

    /// The rules (as `candidates`) of a line: ``body`` (its first `start_chars` code
    /// points are read) and its case folding, which ``folded`` writes in UTF-8
    /// (`crate::text::push_utf8`) into the empty buffer it is given (asked for only when a
    /// rule is left after the word count and start tests: a line of a million words is
    /// not copied for rules that cannot fire on it); worked out in ``scratch`` (no
    /// allocation for a line).
    pub fn mask<'s>(
        &self,
        py: Python<'_>,
        body: &[u32],
        folded: impl FnOnce(&mut Vec<u8>) -> PyResult<()>,
        words: usize,
        scratch: &'s mut Scratch,
    ) -> PyResult<&'s Bits> {
        let size = self.n.div_ceil(64);
        let Scratch { mask, gated, hits, folded: text } = scratch;
        for b in [&mut *mask, &mut *gated, &mut *hits] {
            b.0.resize(size, 0);
        }
        mask.copy_from(&self.by_words[words.min(self.by_words.len() - 1)]);
        if mask.meets(&self.start_checked) {
            self.keep_starts(py, &body[..body.len().min(self.start_chars)], mask)?;
        }
        if mask.is_empty() {
            return Ok(mask);
        }
        text.clear();
        folded(text)?;
        if !refold(text) {
            return Ok(mask); // no gate speaks for this line
        }
        let folded = &text[..];
        gated.copy_from(mask);
        // Each test keeps the rules it cannot rule out, whatever the others did, so the
        // order is free: the lookups first, the search for required strings last (and
        // only if rules it gates are left).
        if mask.meets(&self.prefixes.gated) {
            self.prefixes.keep(folded, mask, hits);
        }
        if mask.meets(&self.suffixes.gated) {
            // (a folded line's only spaces are ASCII: the others are not printable)
            let end = folded
                .iter()
                .rposition(|&c| c >= 0x80 || !is_space(c as u32))
                .map_or(0, |k| k + 1);
            self.suffixes.keep(&folded[..end], mask, hits);
        }
        if mask.meets(&self.literal) {
            self.keep_literals(folded, words, mask, hits);
        }
        if gated.meets(&self.digit_rules) && !folded.is_ascii() {
            // the rules of digits that the tests turned away: back if other digits may be there
            let rescue = gated;
            rescue.and(&self.digit_rules);
            rescue.and_not(mask);
            if !rescue.is_empty() && other_digits(folded) {
                mask.or(rescue);
            }
        }
        Ok(mask)
    }

    /// Keeps of ``mask`` the rules of the start test that can match a line starting with
    /// ``start``, and every other rule.
    fn keep_starts(&self, py: Python<'_>, start: &[u32], mask: &mut Bits) -> PyResult<()> {
        if let Some(b) = self.starts.lock().unwrap().get(start) {
            mask.and(b);
            return Ok(());
        }
        let could: Vec<usize> = self
            .start_fn
            .call1(py, (crate::py_str(py, start)?,))?
            .extract(py)?;
        let mut admitted = self.start_free.clone();
        could.into_iter().for_each(|k| admitted.set(k));
        mask.and(&admitted);
        let mut starts = self.starts.lock().unwrap();
        if starts.len() >= START_CACHE {
            starts.clear();
        }
        starts.insert(start.to_vec(), admitted);
        Ok(())
    }

    /// Keeps of ``mask`` the rules without required strings, and those whose strings the
    /// folded line holds (all of them when it holds a lone surrogate: no search);
    /// ``hits``: room for the rules found.
    fn keep_literals(&self, folded: &[u8], words: usize, mask: &mut Bits, hits: &mut Bits) {
        let required = if words > LONG_LINE {
            self.required_for(words)
        } else {
            self.required.clone()
        };
        let Some(required) = required.filter(|_| std::str::from_utf8(folded).is_ok()) else {
            return;
        };
        hits.copy_from(&self.no_literal);
        required.strings.find(folded, |j| hits.or(&required.rules[j]));
        mask.and(hits);
    }

    /// The required strings of the rules a long line's word count leaves (and those of
    /// the other counts of its `band`: the mask of the line's rules drops what they find).
    fn required_for(&self, words: usize) -> Option<Arc<Required>> {
        let (low, high) = band(words);
        let slot = &self.band_required[high.trailing_zeros() as usize];
        if let Some(got) = slot.get() {
            return got.clone();
        }
        let last = self.by_words.len() - 1;
        let mut rules = Bits::empty(self.n);
        (low.min(last)..=high.min(last)).for_each(|w| rules.or(&self.by_words[w]));
        rules.and(&self.literal);
        let cached = self.required_by_rules.lock().unwrap().get(&rules).cloned();
        let built = match cached {
            Some(got) => got,
            None => {
                let built = required(&self.literals, Some(&rules));
                self.required_by_rules.lock().unwrap().insert(rules, built.clone());
                built
            }
        };
        let _ = slot.set(built.clone());
        built
    }
}

/// The band of word counts of a long line (more than `LONG_LINE` words): from one past a
/// power of two to the next (17-32, 33-64 ...).
fn band(words: usize) -> (usize, usize) {
    let high = words.next_power_of_two();
    (high / 2 + 1, high)
}

/// Room for the work of `Gates::mask` on one line, kept from line to line.
pub struct Scratch {
    mask: Bits,
    gated: Bits,
    hits: Bits,
    /// The line's folding (`fold`).
    folded: Vec<u8>,
}

/// Required strings (`crate::strings`), and the rules of each.
struct Required {
    strings: Strings,
    rules: Vec<Bits>,
}

/// The strings of ``literals`` (of the rules of ``only``, if given) and their rules
/// (None: no string).  Cheap to build (a hash insertion a string), so each set has its
/// own: none is shared with another matcher or band, as automata were.
fn required(literals: &[(String, Bits)], only: Option<&Bits>) -> Option<Arc<Required>> {
    let mut kept: Vec<(&str, Bits)> = Vec::new();
    for (s, r) in literals {
        if only.is_some_and(|only| !r.meets(only)) {
            continue; // no copy of the rules of a string left out
        }
        let mut r = r.clone();
        if let Some(only) = only {
            r.and(only);
        }
        kept.push((s.as_str(), r));
    }
    if kept.is_empty() {
        return None;
    }
    let strings = Strings::new(kept.iter().map(|(s, _)| *s));
    Some(Arc::new(Required { strings, rules: kept.into_iter().map(|(_, r)| r).collect() }))
}

fn printable(c: u32) -> bool {
    if c < 0x80 {
        (0x20..0x7f).contains(&c)
    } else if c < 0x1_0000 {
        // the Basic Multilingual Plane from a bit map of `tables::NOT_PRINTABLE`, made once
        static NOT_PRINTABLE_BMP: OnceLock<Vec<u64>> = OnceLock::new();
        let map = NOT_PRINTABLE_BMP.get_or_init(|| {
            let mut map = vec![0u64; 0x1_0000 / 64];
            for &(lo, hi) in tables::NOT_PRINTABLE.iter().filter(|&&(lo, _)| lo < 0x1_0000) {
                (lo..=hi.min(0xffff)).for_each(|k| map[k as usize / 64] |= 1 << (k % 64));
            }
            map
        });
        map[c as usize / 64] >> (c % 64) & 1 == 0
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

/// Printable ASCII without two spaces in a row (the folding of most lines, given back as
/// it is): eight bytes at a time.
fn plain_ascii(s: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let mut chunks = s.chunks_exact(8);
    // was the byte before the chunk a space?
    let mut space = false;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // a byte below 0x20, or above 0x7e (each test exact for the word as a whole)
        let below = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
        let above = (x.wrapping_add(ONES) | x) & HIGH;
        // the spaces, each marked in its byte's high bit (exactly: no carry between bytes)
        let z = x ^ (ONES * 0x20);
        let spaces = !(((z & LOW7) + LOW7) | z | LOW7);
        if below | above != 0 || spaces & (spaces >> 8) != 0 || space && spaces & 0x80 != 0 {
            return false;
        }
        space = spaces >> 63 != 0;
    }
    chunks.remainder().iter().all(|&c| {
        let ok = (0x20..0x7f).contains(&c) && !(space && c == b' ');
        space = c == b' ';
        ok
    })
}

/// Printable (`printable`) without two spaces in a row, in UTF-8: one pass.
fn plain(s: &[u8]) -> bool {
    let mut space = false;
    utf8_points(s).all(|c| {
        let ok = printable(c) && !(space && c == 0x20);
        space = c == 0x20;
        ok
    })
}

/// `cleaner.fold.fold_line` of a line whose `str.casefold` is ``folded`` (in UTF-8,
/// `crate::text::push_utf8`): the text gates compare with, or None when no gate may turn
/// the line away.  Takes the case folding and gives it back unchanged where it can (a
/// line of millions of characters is not copied).
pub fn fold(mut folded: Vec<u8>) -> Option<Vec<u8>> {
    refold(&mut folded).then_some(folded)
}

/// `fold` in place: false when no gate may turn the line away.
fn refold(f: &mut Vec<u8>) -> bool {
    if plain_ascii(f) {
        return true;
    }
    if f.is_ascii() {
        *f = collapse(f.iter().map(|&c| c as u32));
        return true;
    }
    // The combining dot that "İ" folds to; dotless "ı", which `regex` matches with "I".
    let odd = |c: u32| c == 0x307 || c == 0x131;
    if utf8_points(f).any(odd) {
        let mut g = Vec::with_capacity(f.len());
        for c in utf8_points(f).filter(|&c| c != 0x307) {
            push_utf8(&mut g, if c == 0x131 { 0x69 } else { c });
        }
        *f = g;
    }
    if plain(f) {
        return true;
    }
    // (a line all printable but for double spaces is all printable once they are collapsed)
    *f = collapse(utf8_points(f));
    utf8_points(f).all(printable)
}

/// `cleaner.fold.other_digits`: might the text hold a decimal digit other than 0-9?  (Only
/// a character of two bytes or more may: its lead byte is at least 0xC0.)
fn other_digits(folded: &[u8]) -> bool {
    let mut at = 0;
    while let Some(k) = folded[at..].iter().position(|&b| b >= 0xc0) {
        at += k;
        let c = utf8_points(&folded[at..]).next().unwrap_or(0);
        if c >= 0x10000 || is_decimal(c) {
            return true;
        }
        at += 1;
    }
    false
}
