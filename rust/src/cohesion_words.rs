//! The content words of the story finder's topic evidence: runs of letters
//! (``\p{L}[\p{L}\p{M}'’-]*``) of three characters or more read from a text's
//! `str.lower`, not in the stoplist from Python (`Stoplist`), each cut to its stem (first
//! six characters).  In a script written without spaces (Han, Hiragana, Katakana, Thai,
//! Lao, Khmer, Myanmar: `text::is_unspaced`) a run of letters is a phrase or a whole
//! sentence, not a word: there each two characters that follow each other (character
//! bigrams; see `unspaced_words`) are the content words, so that two windows on one
//! subject share them as two windows of English share their words.  `cohesion.rs` counts
//! them in windows; no word list lives here.

use crate::tables;
use crate::text::{in_ranges, is_unspaced, lower, lower_table, with_units, FxSet};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyStringData};
use std::sync::OnceLock;

/// Per character of the Basic Multilingual Plane, whether it is a letter (`LETTER`), a
/// character a word goes on with (`GOES_ON`), plain (`PLAIN`: it lowers alone to one
/// character that is a letter, and goes on a word, just when it is) and of a script
/// written without spaces (`UNSPACED`): one byte each, read with one look-up (built once
/// from the tables, in static memory).
struct Plane {
    class: [u8; 0x10000],
}

/// The bits of a character's class (`Plane`).
const LETTER: u8 = 1;
const GOES_ON: u8 = 2;
const PLAIN: u8 = 4;
const UNSPACED: u8 = 8;
const MARK: u8 = 16;

/// Letters of no script of their own that go on a run of a script written without
/// spaces as its letters do: the prolonged sound marks of Katakana (ー, and its half-width
/// form), written inside its words.
const GOES_ON_UNSPACED: [u32; 2] = [0x30fc, 0xff70];

fn plane() -> &'static Plane {
    static PLANE: OnceLock<Plane> = OnceLock::new();
    PLANE.get_or_init(|| {
        let mut class = [0u8; 0x10000];
        let kinds = |c: u32| {
            let l = in_ranges(&tables::LETTER, c);
            (l, l || matches!(c, 0x27 | 0x2019 | 0x2d) || in_ranges(&tables::MARK, c))
        };
        let table = lower_table();
        for c in 0..0x10000u32 {
            let (l, g) = kinds(c);
            let p = table[c as usize] != u32::MAX && kinds(table[c as usize]) == (l, g);
            let (u, m) = (is_unspaced(c) || GOES_ON_UNSPACED.contains(&c), in_ranges(&tables::MARK, c));
            class[c as usize] = if l { LETTER } else { 0 }
                | if g { GOES_ON } else { 0 }
                | if p { PLAIN } else { 0 }
                | if u { UNSPACED } else { 0 }
                | if m { MARK } else { 0 };
        }
        Plane { class }
    })
}

impl Plane {
    /// `\p{L}` of the `regex` module.
    #[inline]
    fn letter(&self, c: u32) -> bool {
        if c < 0x10000 {
            self.is(LETTER, c)
        } else {
            in_ranges(&tables::LETTER, c)
        }
    }

    /// `[\p{L}\p{M}'’-]`: what a content word goes on with.
    #[inline]
    fn goes_on(&self, c: u32) -> bool {
        if c < 0x10000 {
            self.is(GOES_ON, c)
        } else {
            in_ranges(&tables::LETTER, c) || in_ranges(&tables::MARK, c)
        }
    }

    /// A character of a script written without spaces (`text::is_unspaced`, and
    /// `GOES_ON_UNSPACED`).
    #[inline]
    fn unspaced(&self, c: u32) -> bool {
        if c < 0x10000 {
            self.is(UNSPACED, c)
        } else {
            is_unspaced(c)
        }
    }

    /// Does `c` go on a run of letters that `first` began?  A run of a script written
    /// without spaces goes on with its letters and with marks (`\p{M}`); any other
    /// with the characters a word goes on with (`goes_on`) that are not of such a script:
    /// a word of Latin letters ends where Han characters begin, and the other way round.
    #[inline]
    fn goes_on_run(&self, first: u32, c: u32) -> bool {
        if self.unspaced(first) {
            self.unspaced(c) && self.goes_on(c) || self.mark(c)
        } else {
            self.goes_on(c) && !self.unspaced(c)
        }
    }

    /// `\p{M}`.
    #[inline]
    fn mark(&self, c: u32) -> bool {
        if c < 0x10000 {
            self.is(MARK, c)
        } else {
            in_ranges(&tables::MARK, c)
        }
    }

    /// Whether `c` is plain (see `Plane`): a text of plain characters splits into the
    /// same words whether read as it is or lowered.
    #[inline]
    fn plain(&self, c: u32) -> bool {
        c < 0x10000 && self.is(PLAIN, c)
    }

    /// Does a character of the plane `c` (its higher bits are not read) have the class
    /// bit `bit`?
    #[inline]
    fn is(&self, bit: u8, c: u32) -> bool {
        self.class[c as usize & 0xffff] & bit != 0
    }
}

/// `\p{L}` of the `regex` module.
pub(crate) fn is_letter(c: u32) -> bool {
    plane().letter(c)
}

/// Calls `f` with the stem (first six characters) of each content word of a text whose
/// `str.lower` is `low`: its runs ``\p{L}[\p{L}\p{M}'’-]*`` of three characters or more
/// that are not in `stops`, and the character bigrams of its runs of a script written
/// without spaces (`run_words`).
pub fn content_words(low: &[u32], stops: &FxSet<Vec<u32>>, f: impl FnMut(&[u32])) {
    words_of(low.iter().copied(), stops, f)
}

/// Calls `f` with the content words of one run of letters `run` (lowered; a run of one
/// kind, with or without spaces: `Plane::goes_on_run`) and returns how many: its stem
/// when it is a word of three characters or more not in `stops`; in a run of a script
/// written without spaces, those of each stretch of one script in it (`unspaced_words`).
fn run_words(run: &[u32], stops: &FxSet<Vec<u32>>, f: &mut impl FnMut(&[u32])) -> u32 {
    if plane().unspaced(run[0]) {
        return unspaced_words(run, f);
    }
    if run.len() >= 3 && !stops.contains(run) {
        f(&run[..run.len().min(6)]);
        return 1;
    }
    0
}

/// The content words of a run of letters of scripts written without spaces, stretch by
/// stretch of one script (`Script`; a mark goes with the letter before it), and how
/// many: each two characters that follow each other in a stretch (its character
/// bigrams: no stoplist needed, a bigram is never a stopword); a stretch of one Han or
/// Katakana character is a word of its own (Japanese writes a word in one kanji between
/// kana: 港, 県); a stretch of Hiragana gives none (Japanese spells its particles
/// and endings in it, as other languages have stopwords).
fn unspaced_words(run: &[u32], f: &mut impl FnMut(&[u32])) -> u32 {
    let plane = plane();
    let (mut n, mut a) = (0, 0);
    while a < run.len() {
        let script = Script::of(run[a]);
        let b = a + 1 + run[a + 1..].iter().take_while(|&&c| plane.mark(c) || Script::of(c) == script).count();
        let stretch = &run[a..b];
        a = b;
        if script == Script::Hiragana {
            continue;
        }
        if stretch.len() == 1 && script != Script::Other {
            f(stretch);
            n += 1;
        } else {
            stretch.windows(2).for_each(&mut *f);
            n += stretch.len().saturating_sub(1) as u32;
        }
    }
    n
}

/// The script of a character written without spaces, as `unspaced_words` tells the
/// stretches of a run apart: Han, Hiragana, Katakana (with its prolonged sound mark and
/// half-width forms), or another (Thai, Lao, Khmer, Myanmar ...: each a run of its own).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Han,
    Hiragana,
    Katakana,
    Other,
}

impl Script {
    fn of(c: u32) -> Script {
        match c {
            0x3041..=0x309f => Script::Hiragana,
            0x30a0..=0x30ff | 0x31f0..=0x31ff | 0x32d0..=0x32fe | 0x3300..=0x3357 | 0xff66..=0xff9f => Script::Katakana,
            0x2e80..=0x2fdf | 0x3005 | 0x3007 | 0x3021..=0x303b | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff
            | 0x20000.. => Script::Han,
            _ => Script::Other,
        }
    }
}

/// `content_words` of the characters of `low` read one at a time (one word held).
fn words_of(low: impl Iterator<Item = u32>, stops: &FxSet<Vec<u32>>, mut f: impl FnMut(&[u32])) {
    let plane = plane();
    let mut word: Vec<u32> = Vec::new();
    let mut inside = false;
    for c in low {
        if inside {
            if plane.goes_on_run(word[0], c) {
                word.push(c);
                continue;
            }
            run_words(&word, stops, &mut f);
            inside = false;
        }
        if plane.letter(c) {
            word.clear();
            word.push(c);
            inside = true;
        }
    }
    if inside {
        run_words(&word, stops, &mut f);
    }
}

/// `content_words` of a text (code points, or a Python string's code units) read as its
/// `str.lower`: one character at a time where each lowers alone (no lowered copy of a
/// long line is held), else lowered whole by `text::lower`.
pub(crate) fn text_words<T: Copy + Into<u32>>(text: &[T], stops: &FxSet<Vec<u32>>, f: impl FnMut(&[u32])) {
    let table = lower_table();
    let alone = |c: T| table.get(c.into() as usize).copied().filter(|&x| x != u32::MAX);
    if text.iter().all(|&c| alone(c).is_some()) {
        words_of(text.iter().map(|&c| table[c.into() as usize]), stops, f)
    } else {
        let all: Vec<u32> = text.iter().map(|&c| c.into()).collect();
        content_words(&lower(&all), stops, f)
    }
}

/// Calls `f` with the stem of each name of a text (code points, or a Python string's code
/// units): a content word (see `content_words`; not a bigram of a script without spaces)
/// that begins with a capital inside a sentence, not the text's first word nor the first after ".", "!", "?" or ":" (quotes,
/// brackets, digits and commas between change nothing).  A word with a character that
/// does not lower alone is left out (its stem could differ from the content word's).
/// Returns the number of content words inside a sentence, names or not.
pub(crate) fn text_names<T: Copy + Into<u32>>(text: &[T], stops: &FxSet<Vec<u32>>, mut f: impl FnMut(&[u32])) -> u32 {
    let (plane, table) = (plane(), lower_table());
    let low = |c: u32| table.get(c as usize).copied().unwrap_or(c);
    let (mut opens, mut i, mut inside_words) = (true, 0, 0);
    let mut word: Vec<u32> = Vec::new();
    while i < text.len() {
        let c: u32 = text[i].into();
        if !plane.letter(c) {
            opens |= matches!(c, 0x2e | 0x21 | 0x3f | 0x3a);
            i += 1;
            continue;
        }
        let (capital, inside) = (low(c) != c, !opens);
        let mut alone = true;
        word.clear();
        while i < text.len() && (word.is_empty() || plane.goes_on_run(c, text[i].into())) {
            let l = low(text[i].into());
            alone &= l != u32::MAX;
            word.push(l);
            i += 1;
        }
        opens = false;
        if plane.unspaced(c) {
            // bigrams, never names (a script without spaces has no capitals)
            inside_words += u32::from(inside && alone) * run_words(&word, stops, &mut |_| {});
        } else if inside && alone && word.len() >= 3 && !stops.contains(&word) {
            inside_words += 1;
            if capital {
                f(&word[..word.len().min(6)]);
            }
        }
    }
    inside_words
}

/// What `text_words_names` reports of a word: a content word (`text_words`), a name
/// (`text_names`), or both.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Role {
    Word,
    Name,
    NamedWord,
}

/// `text_words` and `text_names` of a text at once: calls `f` with each content word's
/// stem (`Role::Word`, or `Role::NamedWord` when it is a name too), in order, and returns
/// the number of content words inside a sentence.  A text of plain characters (see
/// `Plane`; nearly every text) is read once, its words split alike as they are and
/// lowered; any other is read by the two apart (its names as `Role::Name`, after its
/// words).
pub(crate) fn text_words_names<T: Copy + Into<u32>>(text: &[T], stops: &FxSet<Vec<u32>>, mut f: impl FnMut(&[u32], Role)) -> u32 {
    let plane = plane();
    if !text.iter().all(|&c| plane.plain(c.into())) {
        text_words(text, stops, |w| f(w, Role::Word));
        return text_names(text, stops, |w| f(w, Role::Name));
    }
    // every character is of the plane, and is a letter or goes on a word just when it is
    // lowered (`low`)
    let table: &[u32; 0x10000] = lower_table().try_into().expect("the plane's lowering");
    let low = |c: u32| table[c as usize & 0xffff];
    let (mut opens, mut i, mut inside_words) = (true, 0, 0);
    let mut word: Vec<u32> = Vec::new();
    while i < text.len() {
        let c: u32 = text[i].into();
        i += 1;
        if !plane.is(LETTER, c) {
            opens |= matches!(c, 0x2e | 0x21 | 0x3f | 0x3a);
            continue;
        }
        let (capital, inside, unspaced) = (low(c) != c, !opens, plane.unspaced(c));
        word.clear();
        word.push(low(c));
        while let Some(&next) = text.get(i) {
            let next: u32 = next.into();
            if !plane.goes_on_run(c, next) {
                break;
            }
            word.push(low(next));
            i += 1;
        }
        opens = false;
        if unspaced {
            inside_words += u32::from(inside) * run_words(&word, stops, &mut |w| f(w, Role::Word));
        } else if word.len() >= 3 && !stops.contains(&word) {
            inside_words += u32::from(inside);
            f(&word[..word.len().min(6)], if inside && capital { Role::NamedWord } else { Role::Word });
        }
    }
    inside_words
}

/// A stoplist, lower-cased, as the story finder's content words leave it out.
#[pyclass(frozen, module = "cleaner._core")]
pub struct Stoplist {
    pub words: FxSet<Vec<u32>>,
}

#[pymethods]
impl Stoplist {
    #[new]
    fn new(words: Vec<Bound<'_, PyString>>) -> PyResult<Self> {
        let words = words.iter().map(crate::codepoints).collect::<PyResult<FxSet<_>>>()?;
        Ok(Stoplist { words })
    }
}

/// `cleaner.stories.evidence.content_words`: the stems of a text's content words.
#[pyfunction]
pub fn content_stems<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    stops: &Bound<'py, Stoplist>,
) -> PyResult<Bound<'py, PyList>> {
    let mut out = Vec::new();
    // SAFETY: the string is alive for the borrow and immutable; nothing here calls back
    // into Python while its data is read.
    with_units!(PyStringData, unsafe { text.data()? }, s => text_words(s, &stops.get().words, |w| out.push(w.to_vec())));
    PyList::new(py, out.iter().map(|w| crate::py_str(py, w)).collect::<PyResult<Vec<_>>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text_words` and `text_names` of `text` read apart: the words, then the names, then
    /// the count inside sentences.
    fn apart(text: &[u32], stops: &FxSet<Vec<u32>>) -> (Vec<Vec<u32>>, Vec<Vec<u32>>, u32) {
        let (mut words, mut names) = (Vec::new(), Vec::new());
        text_words(text, stops, |w| words.push(w.to_vec()));
        let inside = text_names(text, stops, |w| names.push(w.to_vec()));
        (words, names, inside)
    }

    /// The same read at once by `text_words_names`.
    fn together(text: &[u32], stops: &FxSet<Vec<u32>>) -> (Vec<Vec<u32>>, Vec<Vec<u32>>, u32) {
        let (mut words, mut names) = (Vec::new(), Vec::new());
        let inside = text_words_names(text, stops, |w, role| {
            if role != Role::Name {
                words.push(w.to_vec());
            }
            if role != Role::Word {
                names.push(w.to_vec());
            }
        });
        (words, names, inside)
    }

    fn words(text: &str) -> Vec<String> {
        let units: Vec<u32> = text.chars().map(|c| c as u32).collect();
        let mut out = Vec::new();
        text_words(&units, &FxSet::default(), |w| out.push(w.iter().map(|&c| char::from_u32(c).unwrap()).collect()));
        out
    }

    #[test]
    fn a_run_of_a_script_without_spaces_gives_its_bigrams() {
        // a word of Latin letters ends where Han characters begin; a lone Han character
        // is a word, a lone Thai one is not
        assert_eq!(words("港口扩建, harbours 中 ท"), ["港口", "口扩", "扩建", "harbou", "中"]);
        assert_eq!(words("Harbour港口"), ["harbou", "港口"]);
        // Thai: its vowel marks go on the run; and so do Katakana's prolonged sound mark
        // and a combining voiced sound mark
        assert_eq!(words("ทะเล"), ["ทะ", "ะเ", "เล"]);
        assert_eq!(words("ビール"), ["ビー", "ール"]);
        // Japanese: each script's stretch apart, Hiragana's left out, one kanji a word
        assert_eq!(words("東京タワーの港で働く"), ["東京", "タワ", "ワー", "港", "働"]);
        assert_eq!(words("がが\u{3099}港"), ["港"]);
    }

    #[test]
    fn words_and_names_at_once_are_those_read_apart() {
        let stops: FxSet<Vec<u32>> = ["the", "and"].iter().map(|w| w.chars().map(|c| c as u32).collect()).collect();
        let texts = [
            "The mayor met Dorne and Kelso. Lumen? then Marrow: Nestor's boat-yard",
            "ÉLAN vital in Zürich, said Ångström \u{201c}Øresund\u{201d} (Ærø) 2024",
            // not plain: a character lowering to two, a capital sigma, one past the plane
            "The visit to İstanbul by Kelso",
            "ΟΔΟΣ in Αθήνα with Νίκος",
            "Fans of Dorne \u{1f600} cheered Kelso",
            // scripts without spaces, beside and inside Latin words
            "港口扩建工程今天开工, said Kelso. Dorne说港口很忙",
            "東京の会議でKelsoが話したタワー",
            "ประเทศไทย Dorne ลาว",
            "",
        ];
        for text in texts {
            let units: Vec<u32> = text.chars().map(|c| c as u32).collect();
            assert_eq!(together(&units, &stops), apart(&units, &stops), "{text}");
        }
        // every plain character of the plane, alone and inside a sentence after a capital
        let plane = plane();
        for c in (0..0x10000u32).filter(|&c| plane.plain(c)) {
            let units = [0x61, 0x62, 0x63, 0x20, c, 0x41, 0x42, 0x43, c, 0x2e, 0x20, c, c, c];
            assert_eq!(together(&units, &stops), apart(&units, &stops), "{c:#x}");
        }
    }
}
