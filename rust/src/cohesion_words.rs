//! The content words of the story finder's topic evidence: runs of letters
//! (``\p{L}[\p{L}\p{M}'’-]*``) of three characters or more read from a text's
//! `str.lower`, not in the stoplist from Python (`Stoplist`), each cut to its stem (first
//! six characters).  `cohesion.rs` counts them in windows; no word list lives here.

use crate::tables;
use crate::text::{in_ranges, lower, lower_table, with_units, FxSet};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyStringData};
use std::sync::OnceLock;

/// Per character of the Basic Multilingual Plane, whether it is a letter (`LETTER`), a
/// character a word goes on with (`GOES_ON`) and plain (`PLAIN`: it lowers alone to one
/// character that is a letter, and goes on a word, just when it is): one byte each, read
/// with one look-up (built once from the tables, in static memory).
struct Plane {
    class: [u8; 0x10000],
}

/// The bits of a character's class (`Plane`).
const LETTER: u8 = 1;
const GOES_ON: u8 = 2;
const PLAIN: u8 = 4;

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
            class[c as usize] = if l { LETTER } else { 0 } | if g { GOES_ON } else { 0 } | if p { PLAIN } else { 0 };
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
/// that are not in `stops`.
pub fn content_words(low: &[u32], stops: &FxSet<Vec<u32>>, f: impl FnMut(&[u32])) {
    words_of(low.iter().copied(), stops, f)
}

/// `content_words` of the characters of `low` read one at a time (one word held).
fn words_of(low: impl Iterator<Item = u32>, stops: &FxSet<Vec<u32>>, mut f: impl FnMut(&[u32])) {
    let plane = plane();
    let mut word: Vec<u32> = Vec::new();
    let mut inside = false;
    let mut done = |word: &[u32]| {
        if word.len() >= 3 && !stops.contains(word) {
            f(&word[..word.len().min(6)]);
        }
    };
    for c in low {
        if inside {
            if plane.goes_on(c) {
                word.push(c);
                continue;
            }
            done(&word);
            inside = false;
        }
        if plane.letter(c) {
            word.clear();
            word.push(c);
            inside = true;
        }
    }
    if inside {
        done(&word);
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
/// units): a content word (see `content_words`) that begins with a capital inside a
/// sentence, not the text's first word nor the first after ".", "!", "?" or ":" (quotes,
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
        while i < text.len() && (word.is_empty() || plane.goes_on(text[i].into())) {
            let l = low(text[i].into());
            alone &= l != u32::MAX;
            word.push(l);
            i += 1;
        }
        opens = false;
        if inside && alone && word.len() >= 3 && !stops.contains(&word) {
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
        let (capital, inside) = (low(c) != c, !opens);
        word.clear();
        word.push(low(c));
        while let Some(&next) = text.get(i) {
            let next: u32 = next.into();
            if !plane.is(GOES_ON, next) {
                break;
            }
            word.push(low(next));
            i += 1;
        }
        opens = false;
        if word.len() >= 3 && !stops.contains(&word) {
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
