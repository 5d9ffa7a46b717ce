//! `cleaner.features.measure`: the context-free measurements of one normalised line.

use crate::lang::Words;
use crate::text::{for_each_word, is_alnum, is_alpha, is_decimal, is_space, is_unspaced, is_upper, is_word};

/// Closing quotes and brackets, stripped from a line's end before its last character is read.
const CLOSERS: &str = "'\"’”»›)]";
/// A line ending with one of these ends a sentence.
const TERMINAL: &str = ".!?…。！？:;";
/// Characters of a script written without spaces that count as one word.
const CHARS_PER_UNSPACED_WORD: usize = 2;
/// A line of at least this many words that ends mid-sentence is cut off.
const CUT_MIN_WORDS: usize = 12;

fn has(set: &str, c: u32) -> bool {
    set.chars().any(|x| x as u32 == c)
}

/// Does the text `s` (code points, or a Python string's code units) start with `head`?
fn starts_with<T: Copy + Into<u32>>(s: &[T], head: &[u32]) -> bool {
    s.len() >= head.len() && s.iter().zip(head).all(|(&c, &h)| c.into() == h)
}

fn ends_with<T: Copy + Into<u32>>(s: &[T], tail: &[u32]) -> bool {
    s.len() >= tail.len() && starts_with(&s[s.len() - tail.len()..], tail)
}

const HTTPS: &[u32] = &[0x68, 0x74, 0x74, 0x70, 0x73, 0x3a, 0x2f, 0x2f];
const HTTP: &[u32] = &[0x68, 0x74, 0x74, 0x70, 0x3a, 0x2f, 0x2f];
const WWW: &[u32] = &[0x77, 0x77, 0x77, 0x2e];
/// com, org, net, de, fr, uk, io, co: tried in this order.
const DOMAINS: [&[u32]; 8] = [
    &[0x63, 0x6f, 0x6d], &[0x6f, 0x72, 0x67], &[0x6e, 0x65, 0x74], &[0x64, 0x65],
    &[0x66, 0x72], &[0x75, 0x6b], &[0x69, 0x6f], &[0x63, 0x6f],
];
const THREE_DOTS: &[u32] = &[0x2e, 0x2e, 0x2e];
const ELLIPSIS: &[u32] = &[0x2026];

/// Matches of `https?://|www\.|[@#]\w|\.(?:com|org|net|de|fr|uk|io|co)\b`, counted as
/// Python's `re.findall` does (leftmost, first alternative that matches, no overlaps).
fn url_matches<T: Copy + Into<u32>>(s: &[T]) -> usize {
    let boundary = |i: usize| -> bool {
        let before = i > 0 && is_word(s[i - 1].into());
        let after = i < s.len() && is_word(s[i].into());
        before != after
    };
    let (mut i, mut n) = (0, 0);
    while i < s.len() {
        let rest = &s[i..];
        // each alternative opens with its own character: only that one is tried
        let len = match s[i].into() {
            0x68 if starts_with(rest, HTTPS) => HTTPS.len(),
            0x68 if starts_with(rest, HTTP) => HTTP.len(),
            0x77 if starts_with(rest, WWW) => WWW.len(),
            0x40 | 0x23 if i + 1 < s.len() && is_word(s[i + 1].into()) => 2,
            0x2e => DOMAINS
                .iter()
                .find(|d| starts_with(&rest[1..], d) && boundary(i + 1 + d.len()))
                .map_or(0, |d| 1 + d.len()),
            _ => 0,
        };
        if len > 0 {
            n += 1;
            i += len;
        } else {
            i += 1;
        }
    }
    n
}

/// The seven fields of `cleaner.types.Features`.
pub type Measured = (usize, f64, bool, bool, f64, f64, usize);

/// `cleaner.features.measure` of a line without its bullets (not empty): code points, or
/// the code units of the Python string it lies in (read in place, not copied).
pub fn measure<T: Copy + Into<u32>>(body: &[T], stops: &Words) -> Measured {
    // Words (whitespace-separated) and their first characters, in one pass.
    let (mut n, mut alpha, mut upper, mut all_alpha, mut after_space) = (0, 0, 0, true, true);
    for &c in body {
        let c = c.into();
        let space = is_space(c);
        if !space && after_space {
            n += 1;
            if is_alpha(c) {
                alpha += 1;
            } else {
                all_alpha = false;
            }
            upper += is_upper(c) as usize;
        }
        after_space = space;
    }
    let ascii = body.iter().all(|&c| c.into() < 0x80);
    if !ascii && body.iter().any(|&c| c.into() >= 0xe00) {
        n += body.iter().filter(|&&c| is_unspaced(c.into())).count() / CHARS_PER_UNSPACED_WORD;
    }
    if all_alpha {
        alpha = n;
    }
    let k = body.iter().rposition(|&c| !has(CLOSERS, c.into())).map_or(0, |k| k + 1);
    let stripped = &body[..k];
    let ellipsis = ends_with(stripped, THREE_DOTS) || ends_with(stripped, ELLIPSIS);
    let last = stripped.last().map(|&c| c.into());
    let terminal = last.is_some_and(|c| has(TERMINAL, c)) && !ellipsis;
    let mut density = 0.0;
    if !stops.is_empty() {
        let (mut total, mut hits) = (0usize, 0usize);
        for_each_word(body, |w| {
            total += 1;
            hits += stops.contains(w) as usize;
        });
        if total > 0 {
            density = hits as f64 / total as f64;
        }
    }
    let capitalised = if alpha > 0 { upper as f64 / alpha as f64 } else { 0.0 };
    let spaces = body.iter().filter(|&&c| c.into() == 0x20).count();
    let nonspace = if body.len() == spaces { 1 } else { body.len() - spaces };
    let digits = body.iter().filter(|&&c| is_decimal(c.into())).count();
    let urls = if body.iter().any(|&c| matches!(c.into(), 0x2e | 0x2f | 0x40 | 0x23)) {
        url_matches(body)
    } else {
        0
    };
    let cut = ellipsis
        || (!terminal && n >= CUT_MIN_WORDS && last.is_some_and(|c| is_alnum(c) || c == 0x2c));
    (n, density, terminal, cut, capitalised, digits as f64 / nonspace as f64, urls)
}
