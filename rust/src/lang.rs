//! Stoplists (jusText's files, read and lower-cased here) and the language guess.

use crate::tables;
use crate::text::{is_break, lines, lower, lower_table, split_ws, words, FxMap, FxSet};
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
    /// The lower-cased text of each language's file, read when first needed and kept
    /// for the life of the process (the index points into it).
    texts: Vec<OnceLock<Result<&'static str, String>>>,
}

static CONFIG: OnceLock<Config> = OnceLock::new();
static LISTS: OnceLock<Mutex<HashMap<String, Arc<Words>>>> = OnceLock::new();
/// word (UTF-8) -> bits of the stoplists holding it; the words are slices of the
/// stoplists' lower-cased texts (`Config::texts`).
type Index = FxMap<&'static str, u64>;
static INDEX: OnceLock<Index> = OnceLock::new();

pub fn configure(dir: String, languages: Vec<(String, String)>) -> bool {
    let texts = languages.iter().map(|_| OnceLock::new()).collect();
    CONFIG.set(Config { dir, languages, texts }).is_ok()
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
            Ok(&*Box::leak(lower_text(text).into_boxed_str()))
        })
        .clone()
}

/// `str.lower` of a text: the characters `str.lower` changes (those `lower_table` does
/// not give back as they are) looked up in `tables::LOWER`, the others copied in runs,
/// ASCII capitals lowered in place at the end (no lower-cased character is an ASCII
/// capital); a text with a capital sigma (whose lower case depends on its neighbours) as
/// `crate::text::lower` does it.
fn lower_text(mut text: String) -> String {
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

/// The stoplist of an ISO code (empty for a code without one).
pub fn stoplist(code: &str) -> Result<Arc<Words>, String> {
    let lists = LISTS.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(found) = lists.lock().unwrap().get(code) {
        return Ok(found.clone());
    }
    let config = config()?;
    let mut words = Words::default();
    if let Some(i) = config.languages.iter().position(|(c, _)| c == code) {
        for line in lines(text_of(config, i)?) {
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
    let mut index = Index::with_capacity_and_hasher(1 << 16, Default::default());
    for i in 0..config.languages.len() {
        for line in lines(text_of(config, i)?) {
            *index.entry(line).or_insert(0) |= 1 << i;
        }
    }
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
    let languages = &config()?.languages;
    let mut hits = vec![0usize; languages.len()];
    let mut score = vec![0.0f64; languages.len()];
    let mut any = false;
    let mut key = String::new();
    for w in order {
        key.clear();
        // (a word with a lone surrogate is in no stoplist)
        if w.iter().any(|&c| char::from_u32(c).map(|c| key.push(c)).is_none()) {
            continue;
        }
        if let Some(&bits) = index.get(key.as_str()) {
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
