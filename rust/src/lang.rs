//! Stoplists (jusText's files, read and lower-cased here) and the language guess.

use crate::lang_index::{Index, Sampled};
use crate::text::{bits, for_each_word, is_ascii_space, is_break, is_space, lines, lower_string, with_units, FxMap, FxSet, WordBuffers};
use pyo3::prelude::*;
use pyo3::types::{PyString, PyStringData};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// Words sampled from a document for the guess, spread over it.
const SAMPLE_WORDS: usize = 400;
/// Characters of a document the sample is taken from.
pub const SAMPLE_CHARS: usize = 50_000;
/// The best language needs this share of the sample's words among its stopwords.
const MIN_SHARE: f64 = 0.12;
/// A distinct stopword counts this many times more than each repeat of one.
const DISTINCT_WEIGHT: f64 = 3.0;

pub type Words = FxSet<Vec<u32>>;

struct Config {
    dir: String,
    /// (code, file stem) of every language, in order (ties go to the earlier one).
    languages: Vec<(String, String)>,
    /// The languages (the last ones of `languages`, a bit each from `fallback_from` on)
    /// guessed only when no other language is: `guess` weighs the others' stopwords as if
    /// these lists were not there.
    fallback_from: usize,
    /// The lower-cased text of each language's file, read when first needed and kept
    /// for the life of the process (the index points into it).
    texts: Vec<OnceLock<Result<&'static str, String>>>,
}

static CONFIG: OnceLock<Config> = OnceLock::new();
static LISTS: OnceLock<Mutex<HashMap<String, Arc<Words>>>> = OnceLock::new();
static INDEX: OnceLock<Index> = OnceLock::new();

/// ``fallback``: how many of the last ``languages`` are guessed only when no other is.
pub fn configure(dir: String, languages: Vec<(String, String)>, fallback: usize) -> bool {
    let texts = languages.iter().map(|_| OnceLock::new()).collect();
    let fallback_from = languages.len().saturating_sub(fallback);
    CONFIG.set(Config { dir, languages, fallback_from, texts }).is_ok()
}

fn config() -> Result<&'static Config, String> {
    CONFIG.get().ok_or_else(|| "stoplists not configured".to_string())
}

/// The lower-cased text of the ``i``-th language's stoplist file (`str.lower` of the
/// file's text as a whole), read once.
fn text_of(config: &'static Config, i: usize) -> Result<&'static str, String> {
    config.texts[i]
        .get_or_init(|| {
            let path = std::path::Path::new(&config.dir).join(format!("{}.txt", config.languages[i].1));
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(&*Box::leak(lower_string(text).into_boxed_str()))
        })
        .clone()
}

/// The stoplist of an ISO code (empty for a code without one).  A language guessed only
/// when no other is (`Config::fallback_from`) leaves out its list's words written in ASCII
/// alone, as the guess does (`best_of`): English ones ("a", "and", "to" in Tamil's list)
/// would make English lines of its pages read as prose.
pub fn stoplist(code: &str) -> Result<Arc<Words>, String> {
    let lists = LISTS.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(found) = lists.lock().unwrap().get(code) {
        return Ok(found.clone());
    }
    let config = config()?;
    let mut words = Words::default();
    if let Some(i) = config.languages.iter().position(|(c, _)| c == code) {
        let fallback = i >= config.fallback_from;
        for line in lines(text_of(config, i)?) {
            if fallback && line.is_ascii() {
                continue;
            }
            let mut word = Vec::with_capacity(line.len()); // (bytes: at least its characters)
            word.extend(line.chars().map(|c| c as u32));
            words.insert(word);
        }
    }
    let words = Arc::new(words);
    lists.lock().unwrap().insert(code.to_string(), words.clone());
    Ok(words)
}

/// word -> the stoplists (bit `i`: `Config::languages[i]`) that hold it (the guess needs
/// every language's; a document's own stoplist, `stoplist`, is made when first asked for).
fn index() -> Result<&'static Index, String> {
    if let Some(built) = INDEX.get() {
        return Ok(built);
    }
    let config = config()?;
    if config.languages.len() > 64 {
        return Err("more than 64 stoplists".into());
    }
    let mut words = FxMap::with_capacity_and_hasher(1 << 16, Default::default());
    for i in 0..config.languages.len() {
        for line in lines(text_of(config, i)?) {
            *words.entry(line).or_insert(0) |= 1 << i;
        }
    }
    let index = Index::new(words);
    Ok(INDEX.get_or_init(|| index))
}

/// Every character of every stoplist (lower-cased, as `stoplist` holds them), in code
/// point order.
pub fn letters() -> Result<Vec<u32>, String> {
    let config = config()?;
    let mut seen = vec![0u64; (0x11_0000 + 63) / 64];
    for i in 0..config.languages.len() {
        for c in text_of(config, i)?.chars() {
            let c = c as u32;
            if !is_break(c) {
                seen[(c >> 6) as usize] |= 1 << (c & 63);
            }
        }
    }
    let mut out = Vec::new();
    for (k, &bits) in seen.iter().enumerate() {
        let mut rest = bits;
        while rest != 0 {
            out.push((k as u32) << 6 | rest.trailing_zeros());
            rest &= rest - 1;
        }
    }
    Ok(out)
}

/// `cleaner.language.guess_language` of a Python string, read in place (its one-, two- or
/// four-byte code units; no copy of the text).
#[pyfunction]
pub fn guess_language(text: &Bound<'_, PyString>) -> PyResult<Option<String>> {
    // SAFETY: the string is alive and unchanged for the borrow; nothing is kept after it.
    with_units!(PyStringData, unsafe { text.data()? }, s => guess(s)).map_err(crate::err)
}

/// The whitespace-separated tokens of a text (`str.split()`), found from a bit per
/// character (`spaces`: per block of 64 characters, its whitespace) without a branch per
/// character.
struct Tokens {
    spaces: Vec<u64>,
    /// per block, the characters that start a token
    starts: Vec<u64>,
    len: usize,
}

impl Tokens {
    fn of<T: Copy + Into<u32>>(text: &[T]) -> Tokens {
        let spaces: Vec<u64> = text.chunks(64).map(space_bits).collect();
        let mut before = 1u64; // (the text's start is a token's start)
        let mut starts: Vec<u64> = spaces
            .iter()
            .map(|&sp| {
                let start = !sp & (sp << 1 | before);
                before = sp >> 63;
                start
            })
            .collect();
        if text.len() % 64 != 0 {
            *starts.last_mut().unwrap() &= (1u64 << (text.len() % 64)) - 1;
        }
        Tokens { spaces, starts, len: text.len() }
    }

    fn count(&self) -> usize {
        self.starts.iter().map(|m| m.count_ones() as usize).sum()
    }

    /// Where the token starting at `a` ends: the next whitespace, or the text's end.
    fn end(&self, a: usize) -> usize {
        let (mut block, bit) = (a / 64, a % 64);
        let mut rest = self.spaces[block] & (!0u64 << bit);
        while rest == 0 {
            block += 1;
            if block == self.spaces.len() {
                return self.len;
            }
            rest = self.spaces[block];
        }
        (block * 64 + rest.trailing_zeros() as usize).min(self.len)
    }

    /// Calls `f` with the start and end of every token whose number (from 0) `keep` keeps.
    fn each(&self, mut keep: impl FnMut(usize) -> bool, mut f: impl FnMut(usize, usize)) {
        let mut k = 0;
        for (block, &mask) in self.starts.iter().enumerate() {
            let mut rest = mask;
            while rest != 0 {
                let a = block * 64 + rest.trailing_zeros() as usize;
                rest &= rest - 1;
                if keep(k) {
                    f(a, self.end(a));
                }
                k += 1;
            }
        }
    }
}

/// The whitespace of a block of at most 64 characters, a bit per character: the ASCII
/// spaces (tab to carriage return, file separator to space) found with no branch per
/// character, a byte each, then packed eight at a time; the characters above ASCII, if
/// any, asked one by one.
fn space_bits<T: Copy + Into<u32>>(block: &[T]) -> u64 {
    let mut flags = [0u8; 64];
    let mut high = false;
    for (flag, &c) in flags.iter_mut().zip(block) {
        let c: u32 = c.into();
        *flag = is_ascii_space(c) as u8;
        high |= c >= 0x80;
    }
    let mut mask = bits(&flags);
    if high {
        for (j, &c) in block.iter().enumerate() {
            let c: u32 = c.into();
            mask |= ((c >= 0x80 && is_space(c)) as u64) << j;
        }
    }
    mask
}

/// A sampled word found in the index: its languages and its count, kept in order of
/// first use (the order the scores are summed in).
struct Found {
    bits: u64,
    count: usize,
    /// Is the word written in ASCII alone?
    ascii: bool,
}

/// The words of the sample (`SAMPLE_WORDS` whitespace-separated tokens spread over the
/// text's first `SAMPLE_CHARS` characters, then `words`), counted: how many there are,
/// and each distinct stopword of any language with its count, in order of first use.
/// The words of the tokens one by one are those of the tokens joined by spaces (a space
/// separates words and is neither cased nor case-ignorable, as a token's ends are not).
fn sample<T: Copy + Into<u32>>(text: &[T], index: &Index) -> (usize, Vec<Found>) {
    let head = &text[..text.len().min(SAMPLE_CHARS)];
    let tokens = Tokens::of(head);
    let count = tokens.count();
    // the tokens sampled: the `i * step`-th for each i below `SAMPLE_WORDS`, or all
    let step = count as f64 / SAMPLE_WORDS as f64;
    let mut next = 0; // the next i
    let mut target = 0; // the token it samples, `next * step` (asked once per sampled token)
    let keep = |k: usize| {
        if count <= SAMPLE_WORDS {
            return true;
        }
        if next < SAMPLE_WORDS && target == k {
            next += 1;
            target = (next as f64 * step) as usize;
            return true;
        }
        false
    };
    // the sample's words (each distinct word in `Index::get`, a word with a lone
    // surrogate in none), their UTF-8 in one buffer
    let sampled = count.min(SAMPLE_WORDS);
    let (mut total, mut text, mut words) =
        (0usize, String::with_capacity(head.len().min(8 * sampled)), Vec::with_capacity(sampled + sampled / 2));
    let mut buffers = WordBuffers::default();
    tokens.each(keep, |a, b| {
        for_each_word(&head[a..b], &mut buffers, |w| {
            total += 1;
            let start = text.len();
            if w.iter().any(|&c| char::from_u32(c).map(|c| text.push(c)).is_none()) {
                text.truncate(start);
            } else {
                words.push(Sampled::new(&text, start..text.len()));
            }
        });
    });
    index.touch(&words);
    let mut found = Vec::new();
    // a word (packed, or its address in the index) -> its entry in `found`
    let mut seen: FxMap<(bool, u64), usize> = FxMap::with_capacity_and_hasher(words.len(), Default::default());
    for w in &words {
        if let Some((id, bits)) = index.get(&text[w.range.clone()], w) {
            let k = *seen.entry(id).or_insert_with(|| {
                found.push(Found { bits, count: 0, ascii: text[w.range.clone()].is_ascii() });
                found.len() - 1
            });
            found[k].count += 1;
        }
    }
    (total, found)
}

/// `cleaner.language.guess_language`: the code of the language whose stopwords weigh
/// most in a sample of the text's words, if they are a large enough share of it; the
/// languages guessed only when no other is (`Config::fallback_from`) are weighed after
/// the others, on their own.
pub fn guess<T: Copy + Into<u32>>(text: &[T]) -> Result<Option<String>, String> {
    let index = index()?;
    let (total, found) = sample(text, index);
    if found.is_empty() {
        return Ok(None);
    }
    let config = config()?;
    let first: u64 = if config.fallback_from >= 64 { !0 } else { (1u64 << config.fallback_from) - 1 };
    match best_of(config, total, &found, first, false) {
        None if config.fallback_from < config.languages.len() => Ok(best_of(config, total, &found, !first, true)),
        best => Ok(best),
    }
}

/// The guess among the languages of ``mask`` (a bit per language of `Config::languages`):
/// each sampled word weighs as if the stoplists outside the mask were not there;
/// ``fallback``: the languages guessed only when no other is, which are written in
/// scripts other than Latin: their lists' ASCII words (English ones, "a", "in", a stray
/// letter) do not count.
fn best_of(config: &Config, total: usize, found: &[Found], mask: u64, fallback: bool) -> Option<String> {
    let languages = &config.languages;
    let mut hits = vec![0usize; languages.len()];
    let mut score = vec![0.0f64; languages.len()];
    for &Found { bits, count: n, ascii } in found {
        let bits = bits & mask;
        if bits == 0 || fallback && ascii {
            continue;
        }
        let root = (bits.count_ones() as f64).sqrt();
        let add = n as f64 * (1.0 / root) + DISTINCT_WEIGHT / root;
        let mut rest = bits;
        while rest != 0 {
            let i = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            hits[i] += n;
            score[i] += add;
        }
    }
    // The best score; ties go to the earlier language.
    let mut best: Option<usize> = None;
    for i in 0..languages.len() {
        if hits[i] > 0 && best.map_or(true, |b| score[i] > score[b]) {
            best = Some(i);
        }
    }
    let b = best?;
    (hits[b] as f64 / total as f64 >= MIN_SHARE).then(|| languages[b].0.clone())
}
