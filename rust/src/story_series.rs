//! The series test of the story finder (`cleaner.stories.series.serial`): no story
//! opens at the head of an item of a series whose form goes on across the gap.  A
//! line's form (`cleaner.stories.series.form`) is its text case folded (`str.casefold`,
//! the core's table of it) with each run of decimal digits (`\d` of Python's `re`:
//! `str.isdecimal`) one ``0``; a gap's head lines have their forms counted over a window
//! of lines above them and below the gap's text.  Only the lines the gaps' windows
//! reach are folded, each once per call; no threshold lives here.

use crate::text::{is_alnum, is_alpha, is_decimal, lower_ascii, push_utf8, with_units, FxMap, Units};

/// What a non-ASCII character adds to a form: its case folding in UTF-8 (at most three
/// characters, `len` bytes) and what it is: `DECIMAL` (a decimal digit, which folds to
/// itself), else 2 if its folding holds a letter, 1 an alphanumeric character, else 0.
#[derive(Clone, Copy)]
struct Folded {
    c: u32,
    utf8: [u8; 16],
    len: u8,
    class: u8,
}

const DECIMAL: u8 = 3;

impl Folded {
    fn of(c: u32, one: &mut Vec<u32>) -> Self {
        if is_decimal(c) {
            return Folded { c, utf8: [0; 16], len: 0, class: DECIMAL };
        }
        one.clear();
        crate::story_fold::casefold(&[c], one);
        let mut bytes = Vec::with_capacity(16);
        let mut class = 0;
        for &x in one.iter() {
            push_utf8(&mut bytes, x);
            if is_alpha(x) {
                class = 2;
            } else if class == 0 && is_alnum(x) {
                class = 1;
            }
        }
        let mut utf8 = [0; 16];
        utf8[..bytes.len()].copy_from_slice(&bytes);
        Folded { c, utf8, len: bytes.len() as u8, class }
    }
}

/// The non-ASCII characters read last, by their low bits (a text in one script reads
/// the same few characters again and again).
pub(crate) struct Cache {
    slots: Vec<Folded>,
    one: Vec<u32>,
}

impl Cache {
    const SLOTS: usize = 1024;

    pub(crate) fn new() -> Self {
        Cache { slots: vec![Folded { c: u32::MAX, utf8: [0; 16], len: 0, class: 0 }; Self::SLOTS], one: Vec::new() }
    }

    fn get(&mut self, c: u32) -> Folded {
        let slot = &mut self.slots[c as usize % Self::SLOTS];
        if slot.c != c {
            *slot = Folded::of(c, &mut self.one);
        }
        *slot
    }
}

/// The form of `text` in UTF-8, into `out` (`cache`: the foldings of the non-ASCII
/// characters read before), and what it holds: 2 a letter (`str.isalpha`), 1 a digit
/// or another alphanumeric character but no letter (`str.isalnum`), 0 neither.
pub(crate) fn form<T: Copy + Into<u32>>(text: &[T], out: &mut Vec<u8>, cache: &mut Cache) -> u8 {
    out.clear();
    let mut kind = 0u8;
    let mut digits = false;
    for &c in text {
        let c = c.into();
        let class = if c < 0x80 {
            // an ASCII character: its folding is its lower case, a digit is 0-9
            let x = lower_ascii(c) as u8;
            if x.is_ascii_digit() {
                DECIMAL
            } else {
                out.push(x);
                if x.is_ascii_lowercase() { 2 } else { 0 }
            }
        } else {
            let f = cache.get(c);
            if f.class != DECIMAL {
                out.extend_from_slice(&f.utf8[..f.len as usize]);
            }
            f.class
        };
        if class == DECIMAL {
            if !digits {
                out.push(b'0');
                digits = true;
            }
            kind = kind.max(1);
            continue;
        }
        digits = false;
        kind = kind.max(class);
    }
    kind
}

/// The forms of the content lines a call reads, numbered as they are first read: the
/// lines of one form get one number (each form held once, as the key of `known`), and per
/// number what the form holds (`form`).
struct Forms<'a> {
    content: &'a [usize],
    units: &'a [Units],
    at: FxMap<usize, u32>,
    known: FxMap<Box<[u8]>, u32>,
    kinds: Vec<u8>,
    key: Vec<u8>,
    cache: Cache,
}

impl<'a> Forms<'a> {
    fn new(content: &'a [usize], units: &'a [Units]) -> Self {
        Forms { content, units, at: FxMap::default(), known: FxMap::default(), kinds: Vec::new(), key: Vec::new(), cache: Cache::new() }
    }

    /// The number of the form of the content line at position `p`.
    fn id(&mut self, p: usize) -> u32 {
        if let Some(&id) = self.at.get(&p) {
            return id;
        }
        let Forms { key, cache, .. } = self;
        let kind = with_units!(Units, &self.units[self.content[p]], s => form(&s[..], key, cache));
        let id = match self.known.get(&self.key[..]) {
            Some(&id) => id,
            None => {
                let id = self.kinds.len() as u32;
                self.known.insert(self.key.as_slice().into(), id);
                self.kinds.push(kind);
                id
            }
        };
        self.at.insert(p, id);
        id
    }

    /// How many lines from content position `a` up to `b` have the form numbered `id`.
    fn count(&mut self, id: u32, a: usize, b: usize) -> i64 {
        (a..b).map(|p| (self.id(p) == id) as i64).sum()
    }
}

/// Per gap of `heads` (each its head's first content position, its text's content
/// position and whether it has a title; `content`: the content lines, `units`: every
/// line's text), whether no line of a series goes on across it: a head line's form
/// with letters that has a line of it within `reach` positions above the head line and
/// one from the text on, as far below the head line (a form without letters: `items`
/// such lines in all, the head line counted), for `need` forms or more, or under a title
/// for one form of `items` lines or more, makes it `false`
/// (`cleaner.stories.series.serial`).
pub(crate) fn serial(content: &[usize], units: &[Units], heads: &[(usize, usize, bool)], reach: usize, items: i64,
                     need: i64) -> Vec<bool> {
    let n = content.len();
    let mut forms = Forms::new(content, units);
    let mut going: Vec<(u32, i64)> = Vec::new();
    heads.iter().map(|&(top, text, titled)| {
        going.clear();
        for q in top..text.min(n) {
            let id = forms.id(q);
            let kind = forms.kinds[id as usize];
            if kind == 0 {
                continue;
            }
            let up = forms.count(id, q.saturating_sub(reach), q);
            if up == 0 {
                continue;
            }
            let down = forms.count(id, text, n.min(q + reach + 1));
            let k = up + down + 1;
            if down > 0 && (kind == 2 || k >= items) {
                // per form, the lines of the last head line of it
                match going.iter_mut().find(|(f, _)| *f == id) {
                    Some(g) => g.1 = k,
                    None => going.push((id, k)),
                }
            }
        }
        let alone = titled && going.iter().any(|&(_, k)| k >= items);
        (going.len() as i64) < need && !alone
    }).collect()
}
