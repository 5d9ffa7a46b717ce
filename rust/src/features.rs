//! `cleaner.features.measure`: the context-free measurements of one normalised line.

use crate::lang::Words;
use crate::tables;
use crate::text::{for_each_word, in_ranges, WordBuffers, is_alnum, is_alpha, is_decimal, is_space, is_unspaced, is_upper, is_word};

/// Closing quotes and brackets, stripped from a line's end before its last character is
/// read: the ASCII quotes and closing brackets, and beyond ASCII
/// (`tables::CLOSE_PUNCTUATION`, written by rust/tables.py from Python's Unicode: general
/// categories `Pe`, `Pf` and `Pi`) every closing bracket and every quotation mark (a quote
/// closes with “ in German, « in Danish, 」 in Japanese: a sentence quoted so still ends
/// with its stop).
const CLOSERS: &str = "'\")]}";

/// Is ``c`` a closing quote or bracket (`CLOSERS`, `tables::CLOSE_PUNCTUATION`)?
fn is_closer(c: u32) -> bool {
    if c < 0x80 {
        has(CLOSERS, c)
    } else {
        in_ranges(&tables::CLOSE_PUNCTUATION, c)
    }
}
/// Invisible format characters that normalisation keeps (direction marks, embeddings and
/// isolates, the Arabic letter mark): skipped with the closers at a line's end, so that a
/// sentence followed by one still ends with its stop.
const FORMAT: &str = "\u{200e}\u{200f}\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}\u{2066}\u{2067}\u{2068}\u{2069}\u{61c}";
/// A line ending with one of these ends a sentence, as does one ending with a sentence terminal
/// of another script (`tables::SENTENCE_TERMINAL`, Unicode's `Sentence_Terminal` beyond ASCII,
/// written by rust/tables.py: Devanagari's danda, Urdu's full stop, Arabic's question mark ...).
const TERMINAL: &str = ".!?…。！？:;";
/// Characters of the Thai and Lao blocks, the scripts that write no sentence terminal (a
/// space ends a sentence, and Unicode gives them no `Sentence_Terminal`): a paragraph ends
/// with one of their letters, so a line ending with any of these characters (letters, and
/// also their digits U+0E50-0E59, U+0ED0-0ED9, marks and signs) is not cut off mid-sentence.
const UNSTOPPED_SCRIPTS: [(u32, u32); 2] = [(0xe01, 0xe5b), (0xe81, 0xedf)];
/// A line ending with one of these asks a question.
const QUESTION: &str = "?？؟";
/// Characters of a script written without spaces that count as one word.
const CHARS_PER_UNSPACED_WORD: usize = 2;
/// A line of at least this many words that ends mid-sentence is cut off.
const CUT_MIN_WORDS: usize = 12;
/// A line ending with one of these (a hyphen, an en or an em dash) right after a letter (a
/// word broken at its hyphen: "... ein halbes Dutzend Ski-"), or after a space and a word
/// that opens in lower case (an aside opened: "... gleich zwei können –"), ends
/// mid-sentence (`dangling`); after a capitalised word it closes a signature ("- Name -").
const DASHES: &str = "-\u{2013}\u{2014}";

/// Does the line `s` (its closing quotes and brackets left out) end with a dash that leaves
/// its sentence open (`DASHES`): right after a letter, or after spaces and a word whose
/// first letter is not a capital?
fn dangling<T: Copy + Into<u32>>(s: &[T]) -> bool {
    let Some((&dash, rest)) = s.split_last() else { return false };
    if !has(DASHES, dash.into()) {
        return false;
    }
    let Some(&before) = rest.last() else { return false };
    if is_alpha(before.into()) {
        return true;
    }
    let rest = &rest[..rest.iter().rposition(|&c| !is_space(c.into())).map_or(0, |k| k + 1)];
    if rest.len() == s.len() - 1 {
        return false; // neither a letter nor a space before the dash
    }
    let start = rest.iter().rposition(|&c| is_space(c.into())).map_or(0, |k| k + 1);
    rest[start..].first().is_some_and(|&c| is_alpha(c.into()) && !is_upper(c.into()))
}

fn has(set: &str, c: u32) -> bool {
    set.chars().any(|x| x as u32 == c)
}

/// Does the line `s` (code points, or a Python string's code units) ask a question: does
/// it end with a question mark before any closing quotes and brackets (and invisible
/// format characters), read as `measure` reads a line's last character?
pub(crate) fn asks<T: Copy + Into<u32>>(s: &[T]) -> bool {
    s[..open_end(s)].last().is_some_and(|&c| has(QUESTION, c.into()))
}

/// Where the line `s` ends before its closing quotes and brackets (and invisible format
/// characters): one past its last other character, 0 when it has none.
fn open_end<T: Copy + Into<u32>>(s: &[T]) -> usize {
    let open = |c: u32| !is_closer(c) && (c < 0x61c || !has(FORMAT, c));
    s.iter().rposition(|&c| open(c.into())).map_or(0, |k| k + 1)
}

/// The copyright sign, which opens a credit at a line's end ("... for life. © AFP").
const COPYRIGHT: u32 = 0xa9;
/// A trailing credit has at most this many words.
const CREDIT_MAX_WORDS: usize = 3;

/// Where the line `s` (already without its closers, `open_end`) ends before a trailing
/// credit and the spaces, closing quotes and brackets before it: the last copyright sign,
/// after text, followed by at most `CREDIT_MAX_WORDS` words that each open with a capital
/// or a digit, one at least with a capital ("© AFP", "© Getty Images", "© AFP 2024");
/// `s.len()` when the line ends with no such credit.  A sentence with its photo or
/// agency credit still ends with its stop.
fn before_credit<T: Copy + Into<u32>>(s: &[T]) -> usize {
    let Some(k) = s.iter().rposition(|&c| c.into() == COPYRIGHT) else {
        return s.len();
    };
    let (mut words, mut capital, mut after_space) = (0, false, true);
    for &c in &s[k + 1..] {
        let (c, space) = (c.into(), is_space(c.into()));
        if !space && after_space {
            words += 1;
            capital |= is_upper(c);
            if !is_upper(c) && !is_decimal(c) {
                return s.len();
            }
        }
        after_space = space;
    }
    let text = s[..k].iter().rposition(|&c| !is_space(c.into())).map_or(0, |j| j + 1);
    if words > CREDIT_MAX_WORDS || !capital || text == 0 {
        return s.len();
    }
    open_end(&s[..text])
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

/// What `measure` reads of an ASCII character (`ASCII_KINDS`): bits of `str.isspace`,
/// `str.isalpha`, `str.isupper`, `str.isdecimal`, and the characters of which every match
/// of `url_matches` holds one (`. / @ #`).
const SPACE: u8 = 1;
const ALPHA: u8 = 2;
const UPPER: u8 = 4;
const DIGIT: u8 = 8;
const URL_CHAR: u8 = 16;

/// `is_space`, `is_alpha`, `is_upper`, `is_decimal` and the URL characters of each ASCII
/// character, as bits.
static ASCII_KINDS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        let mut k = 0;
        if crate::text::is_ascii_space(b as u32) {
            k |= SPACE;
        }
        if b.is_ascii_alphabetic() {
            k |= ALPHA;
        }
        if b.is_ascii_uppercase() {
            k |= UPPER | ALPHA;
        }
        if b.is_ascii_digit() {
            k |= DIGIT;
        }
        if matches!(b, b'.' | b'/' | b'@' | b'#') {
            k |= URL_CHAR;
        }
        t[c] = k;
        c += 1;
    }
    t
};

/// The typewriter apostrophe and the typographic one (U+2019).
const APOSTROPHES: [u32; 2] = [0x27, 0x2019];

/// Is the word `w` in `stops`, written as it is or with every apostrophe written the other
/// way (`other`: room for that spelling)?  A stoplist writes most elided words with one
/// apostrophe and a few with the other ("n'a" but "d’une"); a page writes all its words
/// one way.
fn is_stopword(w: &[u32], stops: &Words, other: &mut Vec<u32>) -> bool {
    if stops.contains(w) {
        return true;
    }
    if !w.iter().any(|c| APOSTROPHES.contains(c)) {
        return false;
    }
    other.clear();
    other.extend(w.iter().map(|&c| match c {
        0x27 => 0x2019,
        0x2019 => 0x27,
        c => c,
    }));
    stops.contains(other.as_slice())
}

/// The share of the words of `body` (`crate::text::for_each_word`) that are stopwords of
/// `stops` (`is_stopword`); 0.0 with no stoplist or no word.
fn stopword_density<T: Copy + Into<u32>>(body: &[T], stops: &Words, buffers: &mut WordBuffers) -> f64 {
    if stops.is_empty() {
        return 0.0;
    }
    let (mut total, mut hits) = (0usize, 0usize);
    let mut other = Vec::new();
    for_each_word(body, buffers, |w| {
        total += 1;
        hits += is_stopword(w, stops, &mut other) as usize;
    });
    if total > 0 {
        hits as f64 / total as f64
    } else {
        0.0
    }
}

/// The seven fields of `cleaner.types.Features`.
pub type Measured = (usize, f64, bool, bool, f64, f64, usize);

/// `cleaner.features.measure` of a line without its bullets (not empty): code points, or
/// the code units of the Python string it lies in (read in place, not copied); its words
/// are built in ``buffers`` (`crate::text::for_each_word`).
pub fn measure<T: Copy + Into<u32>>(body: &[T], stops: &Words, buffers: &mut WordBuffers) -> Measured {
    // Words (whitespace-separated) and their first characters, spaces, digits, and
    // whether the line holds a character of an unspaced script or may hold a URL: one pass.
    let (mut n, mut alpha, mut upper, mut all_alpha, mut after_space) = (0, 0, 0, true, true);
    let (mut wide, mut spaces, mut digits, mut url_chars) = (false, 0, 0, false);
    for &c in body {
        let c = c.into();
        let space = if c < 0x80 {
            let kind = ASCII_KINDS[c as usize];
            spaces += (c == 0x20) as usize;
            digits += (kind & DIGIT != 0) as usize;
            url_chars |= kind & URL_CHAR != 0;
            kind & SPACE != 0
        } else {
            wide |= c >= 0xe00;
            digits += is_decimal(c) as usize;
            is_space(c)
        };
        if !space && after_space {
            n += 1;
            let (is_letter, is_capital) = if c < 0x80 {
                let kind = ASCII_KINDS[c as usize];
                (kind & ALPHA != 0, kind & UPPER != 0)
            } else {
                (is_alpha(c), is_upper(c))
            };
            if is_letter {
                alpha += 1;
            } else {
                all_alpha = false;
            }
            upper += is_capital as usize;
        }
        after_space = space;
    }
    if wide {
        n += body.iter().filter(|&&c| is_unspaced(c.into())).count() / CHARS_PER_UNSPACED_WORD;
    }
    if all_alpha {
        alpha = n;
    }
    let stripped = &body[..open_end(body)];
    let stripped = &stripped[..before_credit(stripped)];
    let ellipsis = ends_with(stripped, THREE_DOTS) || ends_with(stripped, ELLIPSIS);
    let last = stripped.last().map(|&c| c.into());
    let terminal = last.is_some_and(|c| has(TERMINAL, c) || c >= 0x80 && in_ranges(&tables::SENTENCE_TERMINAL, c)) && !ellipsis;
    let density = stopword_density(body, stops, buffers);
    let capitalised = if alpha > 0 { upper as f64 / alpha as f64 } else { 0.0 };
    let nonspace = if body.len() == spaces { 1 } else { body.len() - spaces };
    let urls = if url_chars {
        url_matches(body)
    } else {
        0
    };
    let cut = ellipsis
        || (!terminal
            && n >= CUT_MIN_WORDS
            && last.is_some_and(|c| (is_alnum(c) || c == 0x2c || dangling(stripped)) && !UNSTOPPED_SCRIPTS.iter().any(|&(a, b)| a <= c && c <= b)));
    (n, density, terminal, cut, capitalised, digits as f64 / nonspace as f64, urls)
}
