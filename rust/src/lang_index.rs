//! The index of the language guess (`crate::lang`): every stopword of every stoplist
//! with the bits of the stoplists that hold it, laid out for a lookup on a cold cache.  A
//! word of 1 to 8 bytes (most stopwords) is packed in an integer and kept in a flat
//! table (`Flat`); a longer one in a map of its text; a small filter (`Index::filter`)
//! turns away most words that are in no stoplist before either is read.

use crate::text::{hash_bytes, FxMap};

/// word (UTF-8) -> bits of the stoplists holding it.  A word of 1 to 8 bytes without a
/// NUL (most stopwords) is keyed by its bytes packed in an integer (`packed`) in a `Flat`
/// table; a longer one by its slice of the stoplists' lower-cased texts (kept for the
/// life of the process by `crate::lang`).
pub(crate) struct Index {
    short: Flat,
    long: FxMap<&'static str, u64>,
    /// Two bits of `FILTER_BITS` set for each word (`filter_bits`): a word without both
    /// is in no stoplist, found so from a small table (most words of a sample that are
    /// no stopword are rare words, whose lookup in the large tables would miss the cache).
    filter: Vec<u64>,
}

/// Bits of `Index::filter` (64 KB).
const FILTER_BITS: u32 = 19;

/// A word's hash (its packed bytes hashed, or its bytes).
fn word_hash(word: &str, key: Option<u64>) -> u64 {
    match key {
        Some(key) => key.wrapping_mul(0x9e37_79b9_7f4a_7c15),
        None => hash_bytes(word.as_bytes()),
    }
}

/// The two bits of `Index::filter` of a word's hash.
fn filter_bits(hash: u64) -> [usize; 2] {
    let mask = (1u64 << FILTER_BITS) - 1;
    [(hash >> (64 - FILTER_BITS)) as usize, ((hash >> 20) & mask) as usize]
}

/// A word of a sample, looked up in the `Index`: its UTF-8 (`text[range]` of a buffer of
/// the sample's words), its packed bytes (`packed`), its hash (`word_hash`).
pub(crate) struct Sampled {
    pub range: std::ops::Range<usize>,
    key: Option<u64>,
    hash: u64,
}

impl Sampled {
    pub fn new(text: &str, range: std::ops::Range<usize>) -> Sampled {
        let key = packed(text[range.clone()].as_bytes());
        Sampled { hash: word_hash(&text[range.clone()], key), range, key }
    }
}

impl Index {
    pub fn new(short: FxMap<u64, u64>, long: FxMap<&'static str, u64>) -> Index {
        let mut filter = vec![0u64; 1 << (FILTER_BITS - 6)];
        let hashes = short.keys().map(|&k| word_hash("", Some(k))).chain(long.keys().map(|w| word_hash(w, None)));
        for bit in hashes.flat_map(filter_bits) {
            filter[bit >> 6] |= 1 << (bit & 63);
        }
        Index { short: Flat::of(&short), long, filter }
    }

    /// Reads, for every word, the parts of the tables its lookup will read, in one loop
    /// without a branch, so that their cache misses overlap instead of coming one after
    /// the other (the guess runs on a cold cache, after the stages of the document
    /// before).
    pub fn touch(&self, words: &[Sampled]) {
        let mut sum = 0u64;
        for w in words {
            let [a, b] = filter_bits(w.hash);
            sum ^= self.filter[a >> 6] ^ self.filter[b >> 6] ^ self.short.slots[self.short.home(w.hash)].0;
        }
        std::hint::black_box(sum);
    }

    /// The stoplists holding a word (`text` is its UTF-8), if any: `Some((id, bits))`,
    /// `id` telling the word from every other of the index.
    pub fn get(&self, text: &str, w: &Sampled) -> Option<((bool, u64), u64)> {
        if !filter_bits(w.hash).iter().all(|&bit| self.filter[bit >> 6] >> (bit & 63) & 1 == 1) {
            return None;
        }
        match w.key {
            Some(key) => self.short.get(key, w.hash).map(|bits| ((true, key), bits)),
            None => self.long.get_key_value(text).map(|(word, &bits)| ((false, word.as_ptr() as u64), bits)),
        }
    }
}

/// The bytes of a word of 1 to 8 bytes and no NUL in one integer, never 0 (distinct
/// words, distinct integers: the NULs that pad it mark its end).
pub(crate) fn packed(word: &[u8]) -> Option<u64> {
    if word.is_empty() || word.len() > 8 || word.contains(&0) {
        return None;
    }
    let mut bytes = [0u8; 8];
    bytes[..word.len()].copy_from_slice(word);
    Some(u64::from_le_bytes(bytes))
}

/// Packed words -> bits, in one array of (key, bits) slots at most half full, a key
/// found by linear probing from its hash: finding a word, or not, most often reads one
/// cache line (a map with separate control bytes reads two, and the guess runs on a
/// cold cache, after the stages of the document before).
struct Flat {
    slots: Vec<(u64, u64)>,
    shift: u32,
}

impl Flat {
    fn of(entries: &FxMap<u64, u64>) -> Flat {
        let size = (2 * entries.len()).next_power_of_two().max(2);
        let mut flat = Flat { slots: vec![(0, 0); size], shift: 64 - size.trailing_zeros() };
        for (&key, &bits) in entries {
            let i = flat.slot(key, word_hash("", Some(key)));
            flat.slots[i] = (key, bits);
        }
        flat
    }

    /// Where the probe for a key of hash `hash` (`word_hash`) starts.
    fn home(&self, hash: u64) -> usize {
        (hash >> self.shift) as usize
    }

    /// The slot of `key` (not 0, of hash `hash`): its own, or the empty one where it
    /// would go.
    fn slot(&self, key: u64, hash: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = self.home(hash);
        while self.slots[i].0 != 0 && self.slots[i].0 != key {
            i = (i + 1) & mask;
        }
        i
    }

    fn get(&self, key: u64, hash: u64) -> Option<u64> {
        let (found, bits) = self.slots[self.slot(key, hash)];
        (found == key).then_some(bits)
    }
}
