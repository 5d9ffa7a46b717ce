//! The required strings of the catalogue's gates (`crate::gates`) found in a folded line:
//! every string that occurs in it, each reported at each of its occurrences (what an
//! overlapping Aho-Corasick search reports, by position rather than by end).
//!
//! A line is read once, looking at each place at its next two, three and four bytes: a
//! bit map of their hashes (16 KiB) turns away nearly every place, and only where a bit
//! is set are the strings looked up, those of two and three bytes by their bytes, the
//! longer ones by their first four bytes and then compared.  An Aho-Corasick automaton of
//! the thousands of strings of a matcher walks a structure of a megabyte or more, one
//! step a byte, and cost about twice as much over the dev dumps.  Strings of one byte
//! are looked for with a byte search, once each: they are common characters (a space),
//! which would be reported at most places.

use crate::text::FxMap;

/// Bits of the hashes of the heads of the strings (2^17 bits: 16 KiB).
const FILTER_BITS: u32 = 17;
/// Strings of this many bytes or more are looked up by their first `HEAD` bytes.
const HEAD: usize = 4;

/// A set of strings (UTF-8 bytes) and where to find them in a text.
pub struct Strings {
    /// The positions of the empty string (found in every text), if it is one.
    empty: Vec<usize>,
    /// The strings of one byte, with their positions in the set.
    singles: Vec<(u8, usize)>,
    /// Bit `hash(key)` is set for the key of every string of two bytes or more.
    filter: Vec<u64>,
    /// The strings of two and three bytes by their key: their positions.
    short: FxMap<u64, usize>,
    /// The strings of `HEAD` bytes or more by the key of their first `HEAD` bytes:
    /// their positions.
    long: FxMap<u64, Vec<usize>>,
    /// Each string, by its position (read to compare the long ones).
    strings: Vec<Box<[u8]>>,
    /// The lengths of the keys of the strings of two bytes or more (2, 3, `HEAD`) that
    /// some string has, in increasing order.
    heads: Vec<usize>,
}

/// The key of the first ``k`` (2 to `HEAD`) bytes of a text whose next four bytes are
/// ``window`` (little-endian, zeros past the end): the bytes and their number (so that
/// keys of different lengths differ whatever the bytes).
fn key(window: u32, k: usize) -> u64 {
    let bytes = if k >= 4 { window } else { window & ((1 << (8 * k)) - 1) };
    (k as u64) << 32 | bytes as u64
}

/// The bit of ``key`` in the filter (a multiplicative hash).
fn bit(key: u64) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - FILTER_BITS)) as usize
}

/// The next four bytes of ``text`` from ``i`` (zeros past its end), little-endian.
fn window(text: &[u8], i: usize) -> u32 {
    match text.get(i..i + 4) {
        Some(four) => u32::from_le_bytes(four.try_into().expect("four bytes")),
        None => text[i..].iter().rev().fold(0, |w, &b| w << 8 | b as u32),
    }
}

impl Strings {
    /// The set of ``strings``, whose positions are their places in it.
    pub fn new<'a>(strings: impl IntoIterator<Item = &'a str>) -> Strings {
        let mut set = Strings {
            empty: Vec::new(),
            singles: Vec::new(),
            filter: vec![0; (1 << FILTER_BITS) / 64],
            short: FxMap::default(),
            long: FxMap::default(),
            strings: Vec::new(),
            heads: Vec::new(),
        };
        for (j, s) in strings.into_iter().enumerate() {
            let s = s.as_bytes();
            set.strings.push(s.into());
            let k = s.len().min(HEAD);
            match k {
                0 => {
                    set.empty.push(j);
                    continue;
                }
                1 => {
                    set.singles.push((s[0], j));
                    continue;
                }
                _ => {}
            }
            let head = key(window(&s[..k], 0), k);
            if !set.heads.contains(&k) {
                set.heads.push(k);
            }
            set.filter[bit(head) / 64] |= 1 << (bit(head) % 64);
            if k < HEAD {
                set.short.insert(head, j);
            } else {
                set.long.entry(head).or_default().push(j);
            }
        }
        set.heads.sort_unstable();
        set
    }

    /// Calls ``found`` with the position of each string at each place it occurs in
    /// ``text`` (a string of one byte, or the empty string: once, if it occurs), in no
    /// particular order.
    pub fn find(&self, text: &[u8], mut found: impl FnMut(usize)) {
        self.empty.iter().for_each(|&j| found(j));
        for &(b, j) in &self.singles {
            if text.contains(&b) {
                found(j);
            }
        }
        if self.heads.is_empty() {
            return;
        }
        for i in 0..text.len() {
            let w = window(text, i);
            let left = text.len() - i;
            for &k in &self.heads {
                if k > left {
                    break;
                }
                let head = key(w, k);
                let b = bit(head);
                if self.filter[b / 64] >> (b % 64) & 1 == 0 {
                    continue;
                }
                if k < HEAD {
                    if let Some(&j) = self.short.get(&head) {
                        found(j);
                    }
                } else if let Some(js) = self.long.get(&head) {
                    let rest = &text[i..];
                    js.iter().filter(|&&j| rest.starts_with(&self.strings[j])).for_each(|&j| found(j));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};

    /// The string of each occurrence an overlapping Aho-Corasick search reports (a string
    /// of one byte once), and those `Strings::find` reports, both sorted.
    fn occurrences(strings: &[&str], text: &str) -> (Vec<usize>, Vec<usize>) {
        let ac = AhoCorasick::builder().match_kind(MatchKind::Standard).build(strings).unwrap();
        let mut want: Vec<usize> = ac.find_overlapping_iter(text).map(|m| m.pattern().as_usize()).collect();
        want.sort_unstable();
        want.dedup_by(|a, b| a == b && strings[*a].len() == 1);
        let mut got = Vec::new();
        Strings::new(strings.iter().copied()).find(text.as_bytes(), |j| got.push(j));
        got.sort_unstable();
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
}
