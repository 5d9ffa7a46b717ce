//! Stoplists (jusText's files, read and lower-cased here) and the language guess.

use crate::text::{lower, split_ws, words, FxMap, FxSet};
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
}

static CONFIG: OnceLock<Config> = OnceLock::new();
static LISTS: OnceLock<Mutex<HashMap<String, Arc<Words>>>> = OnceLock::new();
/// word -> bits of the stoplists holding it; the words are slices of the stoplists'
/// lower-cased texts, read once and kept for the life of the process (one allocation a
/// file instead of one a word).
type Index = FxMap<&'static [u32], u64>;
static INDEX: OnceLock<Index> = OnceLock::new();

pub fn configure(dir: String, languages: Vec<(String, String)>) -> bool {
    CONFIG.set(Config { dir, languages }).is_ok()
}

/// The lower-cased text of one language's stoplist file (`str.lower` of the file's text
/// as a whole), or `None` for a code without one.
fn read_text(code: &str) -> Result<Option<Vec<u32>>, String> {
    let config = CONFIG.get().ok_or("stoplists not configured")?;
    let Some((_, stem)) = config.languages.iter().find(|(c, _)| c == code) else {
        return Ok(None);
    };
    let path = std::path::Path::new(&config.dir).join(format!("{stem}.txt"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let cps: Vec<u32> = text.chars().map(|c| c as u32).collect();
    Ok(Some(lower(&cps)))
}

/// The lower-cased lines of one language's stoplist file (`str.splitlines` of the
/// file's text, lower-cased as a whole), each passed to `f`; nothing for a code without one.
fn read_lines(code: &str, mut f: impl FnMut(&[u32])) -> Result<(), String> {
    if let Some(low) = read_text(code)? {
        for (a, b) in crate::text::line_spans(&low) {
            f(&low[a..b]);
        }
    }
    Ok(())
}

fn read(code: &str) -> Result<Words, String> {
    let mut words = Words::default();
    read_lines(code, |w| {
        words.insert(w.to_vec());
    })?;
    Ok(words)
}

/// The stoplist of an ISO code (empty for a code without one).
pub fn stoplist(code: &str) -> Result<Arc<Words>, String> {
    let lists = LISTS.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(found) = lists.lock().unwrap().get(code) {
        return Ok(found.clone());
    }
    let words = Arc::new(read(code)?);
    lists.lock().unwrap().insert(code.to_string(), words.clone());
    Ok(words)
}

/// word -> the stoplists (bit `i`: `Config::languages[i]`) that hold it, read straight
/// from the files (the guess needs every language's; a document's own stoplist, `stoplist`,
/// is read when first asked for).
fn index() -> Result<&'static Index, String> {
    if let Some(built) = INDEX.get() {
        return Ok(built);
    }
    let config = CONFIG.get().ok_or("stoplists not configured")?;
    if config.languages.len() > 64 {
        return Err("more than 64 stoplists".into());
    }
    let mut index = Index::with_capacity_and_hasher(1 << 16, Default::default());
    for (i, (code, _)) in config.languages.iter().enumerate() {
        let Some(low) = read_text(code)? else { continue };
        // Kept for the process's life, as the index that points into it (`INDEX`, set once).
        let low: &'static [u32] = Box::leak(low.into_boxed_slice());
        for (a, b) in crate::text::line_spans(low) {
            *index.entry(&low[a..b]).or_insert(0) |= 1 << i;
        }
    }
    Ok(INDEX.get_or_init(|| index))
}

/// Every character of every stoplist (lower-cased, as `stoplist` holds them), in code
/// point order.
pub fn letters() -> Result<Vec<u32>, String> {
    let mut seen = vec![0u64; (0x11_0000 + 63) / 64];
    for word in index()?.keys() {
        for &c in word.iter() {
            seen[(c >> 6) as usize] |= 1 << (c & 63);
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

/// `cleaner.language.guess_language`: the code of the language whose stopwords weigh
/// most in a sample of the text's words, if they are a large enough share of it.
pub fn guess(text: &[u32]) -> Result<Option<String>, String> {
    let head = &text[..text.len().min(SAMPLE_CHARS)];
    let mut tokens = split_ws(head);
    if tokens.len() > SAMPLE_WORDS {
        let step = tokens.len() as f64 / SAMPLE_WORDS as f64;
        tokens = (0..SAMPLE_WORDS).map(|i| tokens[(i as f64 * step) as usize]).collect();
    }
    let mut joined: Vec<u32> = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 {
            joined.push(0x20);
        }
        joined.extend_from_slice(t);
    }
    let sample = words(&joined);
    if sample.is_empty() {
        return Ok(None);
    }
    // Each distinct word once, with its count, in order of first use.
    let mut order: Vec<&Vec<u32>> = Vec::new();
    let mut counts: FxMap<&Vec<u32>, usize> = FxMap::default();
    for w in &sample {
        let n = counts.entry(w).or_insert(0);
        if *n == 0 {
            order.push(w);
        }
        *n += 1;
    }
    let index = index()?;
    let languages = &CONFIG.get().ok_or("stoplists not configured")?.languages;
    let mut hits = vec![0usize; languages.len()];
    let mut score = vec![0.0f64; languages.len()];
    let mut any = false;
    for w in order {
        if let Some(&bits) = index.get(w.as_slice()) {
            let n = counts[w];
            let root = (bits.count_ones() as f64).sqrt();
            let add = n as f64 * (1.0 / root) + DISTINCT_WEIGHT / root;
            let mut rest = bits;
            while rest != 0 {
                let i = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                hits[i] += n;
                score[i] += add;
                any = true;
            }
        }
    }
    if !any {
        return Ok(None);
    }
    // The best score; ties go to the earlier language.
    let mut best: Option<usize> = None;
    for i in 0..languages.len() {
        if hits[i] > 0 && best.map_or(true, |b| score[i] > score[b]) {
            best = Some(i);
        }
    }
    let b = best.unwrap();
    Ok(if hits[b] as f64 / sample.len() as f64 >= MIN_SHARE {
        Some(languages[b].0.clone())
    } else {
        None
    })
}
