//! The required strings of the catalogue's gates (`crate::gates`) found in a folded line:
//! every string that occurs in it (`Strings::find` may report a string more than once).
//!
//! A line is read once, looking at each place at its next three and four bytes: two small
//! bit maps of their hashes (about 32 bits a string, a few KiB: they stay in the
//! processor's first cache) turn away nearly every place, and only where a bit is set are
//! the strings looked up, those of three bytes by their bytes, the longer ones by their
//! first four bytes and then compared, eight bytes at a time.  An Aho-Corasick automaton of
//! the thousands of strings of a matcher walks a structure of a megabyte or more, one step
//! a byte, and cost about twice as much over the dev dumps.  Strings of one or two bytes
//! are looked for one by one with a vectorised search (`memchr::memmem`), once each: they
//! are few, and common (a space), so they would be found at most places.

use crate::text::FxMap;
use memchr::memmem;

/// Bits of a bit map per key it holds (a place whose key is not there passes it about
/// once in this many places).
const BITS_PER_KEY: usize = 32;
/// Strings of this many bytes or more are looked up by their first `HEAD` bytes.
const HEAD: usize = 4;
/// Strings of fewer bytes than this are looked for one by one.
const SHORT: usize = 3;
/// Bytes of a long string after its head that one comparison of words reads.
const TAIL: usize = 8;

/// Keys (a string's head, or a place's next bytes, as a little-endian number) and a bit
/// map of their hashes.
struct Filter {
    bits: Vec<u64>,
    /// 64 less the bit map's size as a power of two.
    shift: u32,
}

impl Filter {
    /// A filter for ``keys`` keys.
    fn new(keys: usize) -> Filter {
        let size = (keys * BITS_PER_KEY).next_power_of_two().max(64);
        Filter { bits: vec![0; size / 64], shift: 64 - size.trailing_zeros() }
    }
    fn bit(&self, key: u32) -> usize {
        ((key as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }
    fn insert(&mut self, key: u32) {
        let b = self.bit(key);
        self.bits[b / 64] |= 1 << (b % 64);
    }
    /// Might ``key`` be one of the keys?
    fn may_hold(&self, key: u32) -> bool {
        let b = self.bit(key);
        self.bits[b / 64] >> (b % 64) & 1 != 0
    }
}

/// A string of `HEAD` bytes or more, looked up by its head: the bytes after it.
struct Long {
    /// Its position in the set.
    at: usize,
    len: usize,
    /// Its next `TAIL` bytes after the head (fewer: zeros), as a little-endian number, and
    /// the mask of those it has.
    tail: u64,
    mask: u64,
}

/// A set of strings (UTF-8 bytes) and where to find them in a text.
pub struct Strings {
    /// The positions of the empty string (found in every text), if it is one.
    empty: Vec<usize>,
    /// The strings of fewer than `SHORT` bytes, with their positions.
    short: Vec<(memmem::Finder<'static>, usize)>,
    /// The strings of `SHORT` bytes by their bytes (three bytes as a number): their
    /// positions, and a filter of them.
    three: FxMap<u32, usize>,
    three_filter: Filter,
    /// The longer strings by their first `HEAD` bytes (as a number), and a filter of them.
    long: FxMap<u32, Vec<Long>>,
    long_filter: Filter,
    /// Each long string's bytes past its head and tail, by its position (most have none).
    rest: FxMap<usize, Box<[u8]>>,
}

/// The bytes of ``text`` from ``i``, at most ``n`` (up to eight) of them, as a
/// little-endian number (zeros past its end).
fn number(text: &[u8], i: usize, n: usize) -> u64 {
    if let Some(eight) = text.get(i..i + 8) {
        let word = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        return if n >= 8 { word } else { word & ((1 << (8 * n)) - 1) };
    }
    let end = text.len().min(i + n);
    text[i.min(end)..end].iter().rev().fold(0, |w, &b| w << 8 | b as u64)
}

impl Strings {
    /// The set of ``strings``, whose positions are their places in it.
    pub fn new<'a>(strings: impl IntoIterator<Item = &'a str>) -> Strings {
        let strings: Vec<&[u8]> = strings.into_iter().map(str::as_bytes).collect();
        let count = |len: &dyn Fn(usize) -> bool| strings.iter().filter(|s| len(s.len())).count();
        let mut set = Strings {
            empty: Vec::new(),
            short: Vec::new(),
            three: FxMap::default(),
            three_filter: Filter::new(count(&|n| n == SHORT)),
            long: FxMap::default(),
            long_filter: Filter::new(count(&|n| n >= HEAD)),
            rest: FxMap::default(),
        };
        for (j, s) in strings.into_iter().enumerate() {
            match s.len() {
                0 => set.empty.push(j),
                n if n < SHORT => set.short.push((memmem::Finder::new(s).into_owned(), j)),
                SHORT => {
                    let key = number(s, 0, SHORT) as u32;
                    set.three_filter.insert(key);
                    set.three.insert(key, j);
                }
                n => {
                    let head = number(s, 0, HEAD) as u32;
                    let tail_len = (n - HEAD).min(TAIL);
                    let mask = if tail_len == TAIL { u64::MAX } else { (1 << (8 * tail_len)) - 1 };
                    set.long_filter.insert(head);
                    let long = Long { at: j, len: n, tail: number(s, HEAD, tail_len), mask };
                    set.long.entry(head).or_default().push(long);
                    if n > HEAD + TAIL {
                        set.rest.insert(j, s[HEAD + TAIL..].into());
                    }
                }
            }
        }
        set
    }

    /// Calls ``found`` with the position of every string that occurs in ``text`` (at
    /// least once; in no particular order).
    pub fn find(&self, text: &[u8], mut found: impl FnMut(usize)) {
        self.empty.iter().for_each(|&j| found(j));
        for (finder, j) in &self.short {
            if finder.find(text).is_some() {
                found(*j);
            }
        }
        let (threes, longs) = (!self.three.is_empty(), !self.long.is_empty());
        for i in 0..text.len().saturating_sub(SHORT - 1) {
            let next = number(text, i, HEAD) as u32;
            let three = next & 0xff_ffff;
            if threes && self.three_filter.may_hold(three) {
                if let Some(&j) = self.three.get(&three) {
                    found(j);
                }
            }
            if !longs || i + HEAD > text.len() || !self.long_filter.may_hold(next) {
                continue;
            }
            let Some(candidates) = self.long.get(&next) else {
                continue;
            };
            let tail = number(text, i + HEAD, TAIL);
            for s in candidates {
                if i + s.len <= text.len()
                    && tail & s.mask == s.tail
                    && self.rest.get(&s.at).is_none_or(|rest| text[i + HEAD + TAIL..].starts_with(rest))
                {
                    found(s.at);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};

    /// The strings an overlapping Aho-Corasick search finds, and those `Strings::find`
    /// finds, each once, sorted.
    fn occurrences(strings: &[&str], text: &str) -> (Vec<usize>, Vec<usize>) {
        let ac = AhoCorasick::builder().match_kind(MatchKind::Standard).build(strings).unwrap();
        let mut want: Vec<usize> = ac.find_overlapping_iter(text).map(|m| m.pattern().as_usize()).collect();
        let mut got = Vec::new();
        Strings::new(strings.iter().copied()).find(text.as_bytes(), |j| got.push(j));
        for found in [&mut want, &mut got] {
            found.sort_unstable();
            found.dedup();
        }
        (want, got)
    }

    #[test]
    fn finds_what_an_overlapping_search_finds() {
        let strings = [
            " ", "/", " /", "ab", "abc", "abcd", "abcde", "bcd", "cd", "share", "share on", "share on x",
            "on x", "é", "éa", "aé", "日本", "日本語", "»", "more »", "zzzz",
        ];
        let texts = [
            "", "a", "ab", "abc", "abcd", "abcdeabcde", "share on x and share on y /", " / ",
            "éa aé é", "日本語の日本", "read more » here", "zzzzz", "xabcdx bcd cdcd",
        ];
        for text in texts {
            let (want, got) = occurrences(&strings, text);
            assert_eq!(want, got, "{text:?}");
        }
    }

    #[test]
    fn finds_strings_at_the_end_of_a_text() {
        let strings = ["xy", "xyz", "wxyz", "vwxyz"];
        for text in ["xy", "xyz", "wxyz", "vwxyz", "avwxyz", "a xy", "a xyz"] {
            let (want, got) = occurrences(&strings, text);
            assert_eq!(want, got, "{text:?}");
        }
    }

    #[test]
    fn compares_long_strings_past_their_first_twelve_bytes() {
        let strings = ["share on facebook", "share on facebook now", "share on twitter", "share on", "hare on f"];
        for text in ["share on facebook", "share on faceboo", "share on facebook no", "x share on facebook now!", "share on twitte"] {
            let (want, got) = occurrences(&strings, text);
            assert_eq!(want, got, "{text:?}");
        }
    }

    #[test]
    fn finds_what_an_overlapping_search_finds_on_generated_texts() {
        // strings and texts of a small alphabet (so that they meet often), from a fixed
        // linear congruential sequence
        let mut seed: u64 = 7;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let alphabet = ["a", "b", " ", "é", "/"];
        let mut word = |max: u64| -> String { (0..1 + next(max)).map(|_| alphabet[next(5) as usize]).collect() };
        for _ in 0..200 {
            let mut strings: Vec<String> = (0..12).map(|_| word(14)).collect();
            strings.sort();
            strings.dedup();
            let strings: Vec<&str> = strings.iter().map(String::as_str).collect();
            let text = word(40);
            let (want, got) = occurrences(&strings, &text);
            assert_eq!(want, got, "{strings:?} in {text:?}");
        }
    }
}
