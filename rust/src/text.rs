//! Characters, lines and words as Python's `str` methods see them (tables.rs holds the
//! classes, written from Python's own Unicode database by rust/tables.py).  Text is a
//! slice of code points (`u32`), so lone surrogates pass through as they do in Python.

use crate::tables;

/// Whether `c` falls in one of the sorted, disjoint ranges of `table` (the tables of
/// tables.rs); every module of the core asks through this one function.
pub fn in_ranges(table: &[(u32, u32)], c: u32) -> bool {
    let k = table.partition_point(|&(_, hi)| hi < c);
    k < table.len() && table[k].0 <= c
}

/// `str.isspace` of an ASCII character: tab to carriage return, file separator to space
/// (two range tests with no branch, for loops over many characters).
#[inline]
pub const fn is_ascii_space(c: u32) -> bool {
    (c.wrapping_sub(0x09) < 5) | (c.wrapping_sub(0x1c) < 5)
}

/// `str.isspace`
pub fn is_space(c: u32) -> bool {
    if c < 0x80 {
        is_ascii_space(c)
    } else if c < 0x1680 {
        // (below U+1680, the first in `tables::SPACE` above U+00A0)
        c == 0x85 || c == 0xa0
    } else {
        in_ranges(&tables::SPACE, c)
    }
}

/// `str.isalpha`
pub fn is_alpha(c: u32) -> bool {
    if c < 0x80 {
        (0x41..=0x5a).contains(&c) || (0x61..=0x7a).contains(&c)
    } else {
        in_ranges(&tables::ALPHA, c)
    }
}

/// `str.isupper` of one character
pub fn is_upper(c: u32) -> bool {
    if c < 0x80 {
        is_upper_ascii(c)
    } else {
        in_ranges(&tables::UPPER, c)
    }
}

/// `str.isdecimal` (what `\d` of Python's `re` matches)
pub fn is_decimal(c: u32) -> bool {
    if c < 0x80 {
        (0x30..=0x39).contains(&c)
    } else {
        in_ranges(&tables::DECIMAL, c)
    }
}

/// `str.isalnum`
pub fn is_alnum(c: u32) -> bool {
    if c < 0x80 {
        is_alpha(c) || is_decimal(c)
    } else {
        in_ranges(&tables::ALNUM, c)
    }
}

/// `\w` of Python's `re`: alphanumeric or the underscore.
pub fn is_word(c: u32) -> bool {
    c == 0x5f || is_alnum(c)
}

/// `str.isupper` of an ASCII character: A to Z.
#[inline]
const fn is_upper_ascii(c: u32) -> bool {
    c.wrapping_sub(0x41) < 26
}

/// `str.lower` (and `str.casefold`) of an ASCII character.
#[inline]
pub(crate) const fn lower_ascii(c: u32) -> u32 {
    if is_upper_ascii(c) {
        c + 32
    } else {
        c
    }
}

/// `separates_words` of an ASCII character: any but a letter and the apostrophe.
#[inline]
const fn ascii_separates(c: u32) -> bool {
    !(lower_ascii(c).wrapping_sub(0x61) < 26 || c == 0x27)
}

/// Separates words (`cleaner.language.words`): whitespace, or punctuation, a symbol, a
/// digit, a separator or a control character below U+3040 (apostrophes excepted).
pub fn separates_words(c: u32) -> bool {
    if c < 0x80 {
        ascii_separates(c)
    } else {
        is_space(c) || in_ranges(&tables::NOT_WORD, c)
    }
}

/// A character of a script written without spaces (Han, Hiragana, Katakana, Thai, Lao,
/// Khmer, Myanmar).
pub fn is_unspaced(c: u32) -> bool {
    c >= 0x80 && in_ranges(&tables::UNSPACED, c)
}

pub(crate) fn lower_char(c: u32, out: &mut Vec<u32>) {
    if c < 0x80 {
        out.push(lower_ascii(c));
        return;
    }
    match tables::LOWER.binary_search_by(|&(k, _)| k.cmp(&c)) {
        Ok(i) => out.extend(tables::LOWER[i].1.chars().map(|x| x as u32)),
        Err(_) => out.push(c),
    }
}

fn final_sigma<T: Copy + Into<u32>>(s: &[T], i: usize) -> bool {
    let ignorable = |c: u32| in_ranges(&tables::CASE_IGNORABLE, c);
    let cased = |c: u32| in_ranges(&tables::CASED, c);
    let mut j = i;
    loop {
        if j == 0 {
            return false;
        }
        j -= 1;
        if !ignorable(s[j].into()) {
            if !cased(s[j].into()) {
                return false;
            }
            break;
        }
    }
    for &c in &s[i + 1..] {
        if !ignorable(c.into()) {
            return !cased(c.into());
        }
    }
    true
}

/// `str.lower` of the character at `i` of `s` (the final form of a capital sigma
/// depends on its neighbours), appended to `out`.
fn lower_at<T: Copy + Into<u32>>(s: &[T], i: usize, out: &mut Vec<u32>) {
    let c = s[i].into();
    if c == 0x3a3 {
        out.push(if final_sigma(s, i) { 0x3c2 } else { 0x3c3 });
    } else {
        lower_char(c, out);
    }
}

/// `str.lower` of one character of the Basic Multilingual Plane when it is one character
/// whatever its neighbours (else `u32::MAX`: a capital sigma, a character that lowers to
/// two), from the core's table of `str.lower`.
pub fn lower_table() -> &'static [u32] {
    static LOWER: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    LOWER.get_or_init(|| {
        let mut out: Vec<u32> = (0..0x10000u32).collect();
        for &(c, low) in tables::LOWER.iter().filter(|&&(c, _)| c < 0x10000) {
            let mut chars = low.chars();
            out[c as usize] = match (chars.next(), chars.next()) {
                (Some(one), None) => one as u32,
                _ => u32::MAX,
            };
        }
        out[0x3a3] = u32::MAX;
        out
    })
}

/// `str.lower`, the final form of a capital sigma included.
pub fn lower(s: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(s.len());
    for i in 0..s.len() {
        lower_at(s, i, &mut out);
    }
    out
}

/// `str.lower` of a whole text in UTF-8 (a stoplist file's): the characters `str.lower`
/// changes (those `lower_table` does not give back as they are) looked up in
/// `tables::LOWER`, the others copied in runs, ASCII capitals lowered in place at the end
/// (no lower-cased character is an ASCII capital); a text with a capital sigma (whose
/// lower case depends on its neighbours) as `lower` does it.
pub fn lower_string(mut text: String) -> String {
    if text.contains('\u{3a3}') {
        let cps: Vec<u32> = text.chars().map(|c| c as u32).collect();
        return lower(&cps).into_iter().filter_map(char::from_u32).collect();
    }
    let table = lower_table();
    let bytes = text.as_bytes();
    let mut out = String::new();
    let (mut i, mut from) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        // (the text is UTF-8: a lead byte's width is its count of leading ones)
        let (k, width) = match b {
            0x00..=0x7f => {
                i += 1;
                continue;
            }
            0xc0..=0xdf => ((b as u32 & 0x1f) << 6 | (bytes[i + 1] as u32 & 0x3f), 2),
            0xe0..=0xef => ((b as u32 & 0x0f) << 12 | (bytes[i + 1] as u32 & 0x3f) << 6 | (bytes[i + 2] as u32 & 0x3f), 3),
            _ => (text[i..].chars().next().map_or(0, |c| c as u32), 4),
        };
        let changing = k >= 0x1_0000 || table[k as usize] != k;
        if changing {
            if let Ok(j) = tables::LOWER.binary_search_by(|&(x, _)| x.cmp(&k)) {
                out.push_str(&text[from..i]);
                out.push_str(tables::LOWER[j].1);
                from = i + width;
            }
        }
        i += width;
    }
    if from > 0 {
        out.push_str(&text[from..]);
        text = out;
    }
    text.make_ascii_lowercase();
    text
}

/// Per ASCII character, what it adds to a word (`lower_ascii`; 0: it separates words,
/// `ascii_separates`): a letter lower-cased, or an apostrophe.
static ASCII_WORD: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        if !ascii_separates(c) {
            table[c as usize] = lower_ascii(c) as u8;
        }
        c += 1;
    }
    table
};

/// The buffers `for_each_word` builds a word in, which its caller keeps while it reads
/// many short texts (a document's lines, a sample's words), so that a word is not a new
/// allocation each time.
#[derive(Default)]
pub struct WordBuffers {
    word: Vec<u32>,
    low: Vec<u32>,
}

/// Calls `f` with each of `words(s)` in turn, holding one word at a time, built in
/// ``buffers`` (emptied on entry, so whatever a previous call left there, even one `f`
/// panicked out of, is not read); ``s``: code points, or the code units of a Python
/// string.
#[inline(always)]
pub fn for_each_word<T: Copy + Into<u32>>(s: &[T], buffers: &mut WordBuffers, mut f: impl FnMut(&[u32])) {
    let WordBuffers { word, low } = buffers;
    word.clear();
    let mut i = 0;
    while i < s.len() {
        let c = s[i].into();
        i += 1;
        if c < 0x80 {
            // ASCII: a run of letters and apostrophes goes on the word lower-cased, in one
            // step; any other character ends the word
            if ASCII_WORD[c as usize] != 0 {
                let start = i - 1;
                while i < s.len() && s[i].into() < 0x80 && ASCII_WORD[s[i].into() as usize] != 0 {
                    i += 1;
                }
                word.extend(s[start..i].iter().map(|&x| ASCII_WORD[x.into() as usize] as u32));
            } else if !word.is_empty() {
                f(word);
                word.clear();
            }
            continue;
        }
        low.clear();
        lower_at(s, i - 1, low);
        for &c in low.iter() {
            if separates_words(c) {
                if !word.is_empty() {
                    f(word);
                    word.clear();
                }
            } else {
                word.push(c);
            }
        }
    }
    if !word.is_empty() {
        f(word);
    }
}

/// `cleaner.language.words`: lower-cased runs of characters that do not separate words.
pub fn words(s: &[u32]) -> Vec<Vec<u32>> {
    let mut out = Vec::new();
    for_each_word(s, &mut WordBuffers::default(), |w| out.push(w.to_vec()));
    out
}

/// An ASCII line break of `str.splitlines` (line feed to carriage return, file to
/// record separator), with no branch: the one definition of them the core reads.
#[inline]
pub const fn is_ascii_break(c: u32) -> bool {
    (c.wrapping_sub(0x0a) < 4) | (c.wrapping_sub(0x1c) < 3)
}

/// A line break of `str.splitlines`.
pub const fn is_break(c: u32) -> bool {
    is_ascii_break(c) || matches!(c, 0x85 | 0x2028 | 0x2029)
}

/// The bytes a line break's UTF-8 can start with (`lines` skips the others at once):
/// the ASCII breaks, and the lead bytes of U+0085 (C2) and U+2028/9 (E2).
static STARTS_BREAK: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        table[b] = is_ascii_break(b as u32);
        b += 1;
    }
    table[0xc2] = true;
    table[0xe2] = true;
    table
};

/// `str.splitlines`: the lines of a text, without their breaks (a trailing break makes
/// no extra line).  The breaks (`is_break`) are found in the text's bytes: the ASCII ones,
/// U+0085 (C2 85) and U+2028/9 (E2 80 A8/A9), whose first bytes only ever start a
/// character.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    std::iter::from_fn(move || {
        while i < bytes.len() {
            if !STARTS_BREAK[bytes[i] as usize] {
                i += 1;
                continue;
            }
            let width = match bytes[i] {
                b if is_ascii_break(b as u32) => 1,
                0xc2 if bytes.get(i + 1) == Some(&0x85) => 2,
                0xe2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xa8 | 0xa9)) => 3,
                _ => 0,
            };
            if width == 0 {
                i += 1;
                continue;
            }
            let line = &text[start..i];
            i += if bytes[i] == 0x0d && bytes.get(i + 1) == Some(&0x0a) { 2 } else { width };
            start = i;
            return Some(line);
        }
        if start < bytes.len() {
            let line = &text[start..];
            start = bytes.len();
            return Some(line);
        }
        None
    })
}

/// Where the lines of a text are (`line_columns`): per line, its start and end (code
/// point offsets, without its break) and those of its normalised text when that is the
/// line with its ends stripped; `changed` holds the other lines' normalised text.
#[derive(Default)]
pub struct LineColumns {
    pub starts: Vec<i64>,
    pub ends: Vec<i64>,
    pub text_starts: Vec<i64>,
    pub text_ends: Vec<i64>,
    pub changed: Vec<(usize, Vec<u32>)>,
}

/// What `line_columns` tells apart above ASCII (`kind`): a line break, a character that
/// is visible, and one that normalising removes or turns into a space (invisible, blank
/// or control).  (`Kinds::of` tells ASCII apart, the space too.)
const BREAK: u8 = 0;
const VISIBLE: u8 = 2;
const HIDDEN: u8 = 3;

/// The kind of a character `$c` above ASCII (`BREAK`, `VISIBLE`, `HIDDEN`), `$blank`
/// telling whether it is blank (`is_blank`; asked only of a character neither a break
/// nor invisible): the one decision of `LATIN1_HIGH` and `wide_kind`.
macro_rules! kind_of {
    ($c:expr, $blank:expr) => {
        if is_break($c) {
            BREAK
        } else if is_invisible($c) || $blank {
            HIDDEN
        } else {
            VISIBLE
        }
    };
}

/// The kind of each character from U+0080 to U+00FF (`kind_of`; above ASCII and below
/// U+0100, the blanks, `is_blank`, are U+0080 to U+00A0).
static LATIN1_HIGH: [u8; 128] = {
    let mut table = [VISIBLE; 128];
    let mut c = 0x80;
    while c < 0x100 {
        table[c as usize - 0x80] = kind_of!(c, c <= 0xa0);
        c += 1;
    }
    table
};

/// The kind of a character above ASCII for `line_columns` (`BREAK`, `VISIBLE`, `HIDDEN`;
/// ASCII is told apart in `Kinds::of`).
#[inline(always)]
fn kind(c: u32) -> u8 {
    if c < 0x100 {
        LATIN1_HIGH[c as usize - 0x80]
    } else {
        wide_kind(c)
    }
}

/// `kind` of a character from U+0100 on.
#[inline(never)]
fn wide_kind(c: u32) -> u8 {
    kind_of!(c, is_blank(c))
}

/// `str.splitlines` (a trailing break makes no extra line), each line with its
/// `normalize`d text, read from the text's own code units (Python's one-, two- or
/// four-byte strings) without copying it, in one pass over them: 64 characters at a
/// time, their kinds as bit masks (`Kinds`), a line's visible characters and what
/// would change its text found in those masks, not character by character.
pub fn line_columns<T: Copy + Into<u32>>(s: &[T]) -> LineColumns {
    let mut cols = LineColumns::default();
    let mut line = Line::default();
    let mut carry = 0u64; // 1: the last character of the block before was blank or hidden
    let mut lf_after_cr = false; // the block starts with the "\n" of a "\r\n" break
    for (b, block) in s.chunks(64).enumerate() {
        let base = b * 64;
        let n = block.len();
        let kinds = Kinds::of(block);
        let blank = kinds.valid & !kinds.visible & !kinds.breaks; // spaces and hidden characters
        // what changes the text when a visible character of the line comes after it: a
        // hidden character, or a blank right after another
        let changing = (blank & !kinds.space) | (blank & (blank << 1 | carry));
        carry = blank >> 63;
        let mut breaks = kinds.breaks;
        let mut lo = 0;
        if lf_after_cr {
            (breaks, lo, line.start) = (breaks & !1, 1, base + 1);
            lf_after_cr = false;
        }
        loop {
            let hi = if breaks == 0 { n } else { breaks.trailing_zeros() as usize };
            line.read(base, lo, hi, kinds.visible, changing);
            if breaks == 0 {
                break;
            }
            breaks &= breaks - 1;
            line.add(s, base + hi, &mut cols);
            lo = hi + 1;
            if block[hi].into() == 0x0d {
                if hi + 1 < n && block[hi + 1].into() == 0x0a {
                    breaks &= !(1u64 << (hi + 1));
                    lo = hi + 2;
                } else if hi + 1 == n && s.get(base + n).map(|&x| x.into()) == Some(0x0a) {
                    lf_after_cr = true;
                }
            }
            line = Line { start: base + lo, ..Line::default() };
        }
    }
    if line.start < s.len() {
        line.add(s, s.len(), &mut cols);
    }
    cols
}

/// The kinds of up to 64 characters (`kind`), a bit per character: visible, a space, a
/// line break, one of the block (any other is hidden).  ASCII is told apart with no
/// branch per character, a byte each, packed eight at a time; the characters above
/// ASCII, if any, are asked one by one.
struct Kinds {
    visible: u64,
    space: u64,
    breaks: u64,
    valid: u64,
}

impl Kinds {
    fn of<T: Copy + Into<u32>>(block: &[T]) -> Kinds {
        let (mut visible, mut space, mut breaks) = ([0u8; 64], [0u8; 64], [0u8; 64]);
        let mut high = false;
        for (((v, sp), br), &c) in visible.iter_mut().zip(space.iter_mut()).zip(breaks.iter_mut()).zip(block) {
            let c: u32 = c.into();
            *v = (c.wrapping_sub(0x21) < 0x5e) as u8;
            *sp = (c == 0x20) as u8;
            *br = is_ascii_break(c) as u8;
            high |= c >= 0x80;
        }
        let valid = if block.len() == 64 { !0 } else { (1u64 << block.len()) - 1 };
        let mut kinds = Kinds { visible: bits(&visible), space: bits(&space), breaks: bits(&breaks), valid };
        if high {
            for (j, &c) in block.iter().enumerate() {
                let c: u32 = c.into();
                if c >= 0x80 {
                    let k = kind(c);
                    kinds.visible |= ((k == VISIBLE) as u64) << j;
                    kinds.breaks |= ((k == BREAK) as u64) << j;
                }
            }
        }
        kinds
    }
}

/// 64 bytes of 0 or 1 as the bits of an integer, the first byte's lowest.
pub fn bits(flags: &[u8; 64]) -> u64 {
    let mut out = 0u64;
    for (k, eight) in flags.chunks_exact(8).enumerate() {
        let packed = u64::from_le_bytes(eight.try_into().unwrap()).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        out |= packed << (8 * k);
    }
    out
}

/// One line of `line_columns` as its characters are read: its normalised text is a slice
/// of it when, between its first and last visible characters, there is no hidden
/// character and no blank but single spaces.
#[derive(Default)]
struct Line {
    start: usize,
    /// the first and last visible characters (offsets in the text), when `seen`
    first: usize,
    last: usize,
    seen: bool,
    /// the normalised text is no slice of the line
    changed: bool,
    /// since the last visible character, what would change the text if a visible
    /// character followed (a second blank, a hidden character)
    doubt: bool,
}

impl Line {
    /// The characters `lo..hi` of the block at `base` (no break among them), with the
    /// block's masks of visible characters and of those that change the text when a
    /// visible one comes after them.
    #[inline(always)]
    fn read(&mut self, base: usize, lo: usize, hi: usize, visible: u64, changing: u64) {
        if lo >= hi {
            return;
        }
        let range = (!0u64 << lo) & (!0u64 >> (64 - hi));
        let (visible, changing) = (visible & range, changing & range);
        if visible == 0 {
            self.doubt |= self.seen & (changing != 0);
            return;
        }
        let (first, last) = (visible.trailing_zeros() as usize, 63 - visible.leading_zeros() as usize);
        if self.seen {
            self.changed |= self.doubt | (changing & ((1u64 << first) - 1) != 0);
        } else {
            (self.first, self.seen) = (base + first, true);
        }
        // (what comes before the first visible character is stripped; a changing
        // character is never visible, so those between `first` and `last` are inside)
        self.changed |= changing & (!0u64 >> (63 - last)) & (!0u64 << first) != 0;
        self.doubt = last < 63 && changing >> (last + 1) != 0;
        self.last = base + last;
    }

    /// The line, ending at `end`, added to the columns.
    fn add<T: Copy + Into<u32>>(&self, s: &[T], end: usize, cols: &mut LineColumns) {
        let start = self.start;
        cols.starts.push(start as i64);
        cols.ends.push(end as i64);
        let (a, b) = if self.seen { (self.first, self.last + 1) } else { (end, end) };
        if self.changed {
            let cps: Vec<u32> = s[start..end].iter().map(|&c| c.into()).collect();
            cols.changed.push((cols.starts.len() - 1, normalize(&cps)));
            cols.text_starts.push(start as i64);
            cols.text_ends.push(start as i64);
        } else {
            cols.text_starts.push(a as i64);
            cols.text_ends.push(b as i64);
        }
    }
}

/// Invisible formatting characters, removed from a line outright: zero-width space,
/// non-joiner and joiner, word joiner, byte-order mark, soft hyphen, Mongolian vowel
/// separator, invisible operators and separator (function application, times,
/// separator, plus).
pub const INVISIBLE: &str =
    "\u{200b}\u{200c}\u{200d}\u{2060}\u{feff}\u{ad}\u{180e}\u{2061}\u{2062}\u{2063}\u{2064}";

const fn is_invisible(c: u32) -> bool {
    matches!(
        c,
        0x200b | 0x200c | 0x200d | 0x2060 | 0xfeff | 0xad | 0x180e | 0x2061..=0x2064
    )
}

/// Whitespace and control characters, each run of which becomes one space.
fn is_blank(c: u32) -> bool {
    c <= 0x1f
        || (0x7f..=0xa0).contains(&c)
        || (0x2000..=0x200a).contains(&c)
        || matches!(c, 0x202f | 0x205f | 0x3000)
        || is_space(c)
}

/// `cleaner.segment.normalize`: invisible characters removed, runs of whitespace and
/// control characters one space, ends stripped.
pub fn normalize(raw: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(raw.len());
    let mut pending = false;
    for &c in raw {
        if is_invisible(c) {
            continue;
        }
        if is_blank(c) {
            pending = !out.is_empty();
        } else {
            if pending {
                out.push(0x20);
                pending = false;
            }
            out.push(c);
        }
    }
    out
}

/// A fast hasher for short keys (words): FxHash, as in rustc.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        // eight bytes a round, the last ones padded with zeros (read without a copy)
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.write_u64(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.write_u64(rest.iter().rev().fold(0, |x, &b| x << 8 | b as u64));
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub type FxBuild = std::hash::BuildHasherDefault<Fx>;
pub type FxSet<T> = std::collections::HashSet<T, FxBuild>;
pub type FxMap<K, V> = std::collections::HashMap<K, V, FxBuild>;

/// Appends the code point `c` to `out` in UTF-8; a lone surrogate (which Python strings
/// may hold) in the same three-byte form.  Each code point is written on its own, so
/// two texts give equal bytes only when they are equal, and one text holds another
/// exactly when its bytes hold the other's; bytes without a surrogate are valid UTF-8.
pub fn push_utf8(out: &mut Vec<u8>, c: u32) {
    if c < 0x80 {
        out.push(c as u8);
    } else if c < 0x800 {
        out.extend_from_slice(&[0xc0 | (c >> 6) as u8, 0x80 | (c & 0x3f) as u8]);
    } else if c < 0x10000 {
        out.extend_from_slice(&[0xe0 | (c >> 12) as u8, 0x80 | (c >> 6 & 0x3f) as u8, 0x80 | (c & 0x3f) as u8]);
    } else {
        out.extend_from_slice(&[
            0xf0 | (c >> 18) as u8,
            0x80 | (c >> 12 & 0x3f) as u8,
            0x80 | (c >> 6 & 0x3f) as u8,
            0x80 | (c & 0x3f) as u8,
        ]);
    }
}

/// A text of code points (or a Python string's code units) as a `String`, a lone
/// surrogate as one U+FFFD (so that counts of characters stay): what collecting
/// `char::from_u32` of each (U+FFFD for none) gives, its runs of ASCII copied at once.
pub fn utf8_string<T: Copy + Into<u32>>(s: &[T]) -> String {
    let mut out = Vec::with_capacity(s.len());
    let mut rest = s;
    loop {
        let k = rest.iter().position(|&c| c.into() >= 0x80).unwrap_or(rest.len());
        out.extend(rest[..k].iter().map(|&c| c.into() as u8));
        let Some(&c) = rest.get(k) else { break };
        let c = char::from_u32(c.into()).unwrap_or('\u{fffd}');
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        rest = &rest[k + 1..];
    }
    // SAFETY: ASCII bytes and characters encoded as UTF-8.
    unsafe { String::from_utf8_unchecked(out) }
}

/// The code points of bytes that `push_utf8` wrote.
pub fn utf8_points(b: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let &lead = b.get(i)?;
        let (n, mut c) = match lead {
            0x00..=0x7f => (1, lead as u32),
            0xc0..=0xdf => (2, (lead & 0x1f) as u32),
            0xe0..=0xef => (3, (lead & 0x0f) as u32),
            _ => (4, (lead & 0x07) as u32),
        };
        for &x in b.get(i + 1..i + n).unwrap_or(&[]) {
            c = c << 6 | (x & 0x3f) as u32;
        }
        i += n;
        Some(c)
    })
}

/// A text in the code units of the Python string it was read from, one, two or four
/// bytes a character (named as `pyo3::types::PyStringData` names them): a line of ASCII
/// is held in one byte a character, not four.
pub enum Units {
    Ucs1(Vec<u8>),
    Ucs2(Vec<u16>),
    Ucs4(Vec<u32>),
}

/// `$body` with `$s` bound to the code units of `$data`, a `$kind` (`Units` or
/// `PyStringData`), for each of its three widths: generic code over `T: Copy + Into<u32>`
/// reads any of them.
macro_rules! with_units {
    ($kind:ident, $data:expr, $s:ident => $body:expr) => {
        match $data {
            $kind::Ucs1($s) => $body,
            $kind::Ucs2($s) => $body,
            $kind::Ucs4($s) => $body,
        }
    };
}
pub(crate) use with_units;

impl Units {
    /// The first code point, if any.
    pub fn first(&self) -> Option<u32> {
        with_units!(Units, self, s => s.first().map(|&c| c.into()))
    }

    /// The code points.
    pub fn to_vec(&self) -> Vec<u32> {
        with_units!(Units, self, s => s.iter().map(|&c| c.into()).collect())
    }
}

/// `str.casefold` of a text (the core's table of it, `crate::story_fold`), in UTF-8
/// (`push_utf8`), into `out`: what stage 1 and the story finder compare lines by.
pub fn casefold_utf8<T: Copy + Into<u32>>(text: &[T], out: &mut Vec<u8>) {
    out.clear();
    out.reserve(text.len());
    let mut one = Vec::new();
    let mut rest = text;
    loop {
        // a run of ASCII characters at once
        let k = rest.iter().position(|&c| c.into() >= 0x80).unwrap_or(rest.len());
        out.extend(rest[..k].iter().map(|&c| (c.into() as u8).to_ascii_lowercase()));
        let Some(&c) = rest.get(k) else { return };
        crate::story_fold::casefold(&[c.into()], &mut one);
        one.iter().for_each(|&x| push_utf8(out, x));
        rest = &rest[k + 1..];
    }
}

/// A hash of a text's bytes (a case folding in UTF-8, `casefold_utf8`) whose every bit
/// depends on every byte: `Fx` reads eight bytes a round, which leaves the low bits (the
/// bucket of a hash map) to a few of them, so texts alike but for a few characters (a
/// million numbered lines) would crowd a few buckets.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = Fx::default();
    h.write_usize(bytes.len());
    h.write(bytes);
    // the finaliser of MurmurHash3
    let mut x = h.finish();
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ x >> 33
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The characters collected one by one, as `utf8_string` stands for.
    fn collected(s: &[u32]) -> String {
        s.iter().map(|&c| char::from_u32(c).unwrap_or('\u{fffd}')).collect()
    }

    #[test]
    fn utf8_string_is_the_characters_collected() {
        let texts: [&[u32]; 5] = [
            &[],
            &[0x41, 0x20, 0x7f, 0x80, 0xe9, 0x7ff, 0x800, 0x20ac, 0xffff, 0x10000, 0x1f600, 0x10ffff],
            &[0xd800, 0x61, 0xdbff, 0xdc00, 0xdfff],
            &[0x110000, 0x62],
            &[0x2019, 0x201c, 0x201d, 0xa0],
        ];
        for text in texts {
            assert_eq!(utf8_string(text), collected(text), "{text:x?}");
            let wide: Vec<u16> = text.iter().filter(|&&c| c < 0x10000).map(|&c| c as u16).collect();
            let points: Vec<u32> = wide.iter().map(|&c| c.into()).collect();
            assert_eq!(utf8_string(&wide), collected(&points));
        }
        // every character of the plane, and one past it
        let all: Vec<u32> = (0..0x10001).collect();
        assert_eq!(utf8_string(&all), collected(&all));
        let latin: Vec<u8> = (0..=255).collect();
        assert_eq!(utf8_string(&latin), collected(&latin.iter().map(|&c| c.into()).collect::<Vec<u32>>()));
    }
}
