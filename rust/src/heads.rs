//! The head evidence of the story finder (`cleaner.stories.evidence.Reader`), for every
//! line of a document at once: is it a meta line (a date, a byline, "Updated ..."), a
//! headline, a title-like headline, body, a dateline or kicker, a headline that reads as
//! a sentence, a line a catalogue pattern dropped; and is a meta line near below it.  The
//! words of the date, byline and "updated" patterns come from Python (the catalogue
//! `cleaner/patterns/story_heads.toml`, `Heads`); no word list lives here.  The patterns
//! are those the Python held, run by the `regex` crate (leftmost-first, as the `regex`
//! module's backtracking matches; Unicode classes and simple case folding as there).

use crate::cells::{CharClass, Cells};
use crate::forward::Forward;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};
use regex::{Regex, RegexBuilder};
use std::borrow::Cow;

/// A regex alternation of `words` (longest first, by characters; a space stands for any
/// run of whitespace, ``N`` for a number).
fn alternatives(words: &[String]) -> String {
    let mut sorted: Vec<&String> = words.iter().collect();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.chars().count())); // stable, as `sorted`
    let one = |w: &str| -> String {
        w.chars()
            .map(|c| match c {
                ' ' => r"\s+".to_string(),
                'N' => r"\d+".to_string(),
                c => regex::escape(c.encode_utf8(&mut [0; 4])),
            })
            .collect()
    };
    sorted.iter().map(|w| one(w)).collect::<Vec<_>>().join("|")
}

/// A pattern, with room for the lazy DFA of Unicode classes repeated, which the default
/// room makes slower than a backtracker.
fn compile(pattern: &str) -> PyResult<Regex> {
    RegexBuilder::new(pattern)
        .dfa_size_limit(16 << 20)
        .build()
        .map_err(|e| crate::err(format!("story head pattern: {e}")))
}

/// A pattern searched forward only (`Forward`), with room for the lazy DFA of the date
/// patterns' Unicode classes repeated (as `compile`).
fn forward(pattern: &str) -> PyResult<Forward> {
    Forward::new(pattern, 16 << 20, None).map_err(|e| crate::err(format!("story head pattern: {e}")))
}

/// A class of characters (`CharClass`).
fn char_class(pattern: &str) -> PyResult<CharClass> {
    CharClass::new(pattern).map_err(|e| crate::err(format!("story head pattern: {e}")))
}

/// Skips the characters of ``class`` at the head of ``chars``: how many.
fn skip(chars: &mut std::iter::Peekable<std::str::Chars>, class: &CharClass) -> usize {
    let mut n = 0;
    while chars.next_if(|&c| class.contains(c)).is_some() {
        n += 1;
    }
    n
}

/// The compiled patterns of the story finder's head evidence.
#[pyclass(frozen, module = "cleaner._core")]
pub struct Heads {
    /// A date or time: "Nov 19, 2019", "19 November 2019", "2019-11-19", "19.11.2019",
    /// "10:31 pm", "3 hours ago".  Its Unicode word boundaries cost a slow search on a
    /// text that is not ASCII (not on an ASCII one: the lazy DFA reads them there):
    /// `date_loose` (no word boundaries: a match of `date` is one of it) rules out most
    /// such texts first.  Both are searched forward only (`Forward`).
    date: Forward,
    date_loose: Forward,
    /// The patterns of one class (`CharClass`): ``\d``.
    digit: CharClass,
    updated: Regex,
    byline: Regex,
    /// A dateline or kicker: an upper-case place or phrase, optionally ", N.Y." and
    /// "(Agency)", then a colon or dash, then text.  "OSLO: ...", "WASHINGTON (Reuters) -
    /// ...", "AUSTIN, Texas (AP) — ...", "‘FAST FACTS’: ...".  Its classes repeated up to
    /// 40 times take 10-20 ms to compile as a `Regex`: it runs over cells (`crate::cells`).
    dateline: Cells,
    /// A dateline whose place is written in capitals and small letters: one to three
    /// capitalised words, a comma, a region of one to three capitalised words or
    /// abbreviations, optionally "(Agency)", then a dash (no colon: "Smith, Jr.: ..." is a
    /// turn of an interview) and a capital.  "Dekalb, Ill. — ...", "Fort Worth, Texas
    /// (AP) – ...".
    placed: Cells,
    /// A dateline of a place in capitals and small letters and an agency: one or two
    /// capitalised words (joined by "-" or "/" too), "(" two to eight letters, optionally
    /// "/" or "-" and up to five more, ")", an optional ".", a dash and a capital.
    /// "Hamburg (dpa/lno) – ...", "Madrid (EFE).- ...", "Frankfurt/Main (dpa-AFX) - ...".
    /// A dateline when the capital opens three words or more (`is_dateline`: a role after
    /// a name and its party, "Name Surname (CDU) – Chairman", is none).
    agency: Cells,
    /// A capital (or a digit) first, after an opening quote: ``^[\p{Pi}'"‘“]?[\p{Lu}\p{Lt}\d]``,
    /// a character of `capital` first, or one of `quote` and then one of `capital`.
    quote: CharClass,
    capital: CharClass,
    /// ``\s``: the blanks of "Q: ...", "A: ...", "1. ...", "2) ...", interview turns and
    /// numbered items (`is_turn`).
    space: CharClass,
    /// A list item or a table row (of the raw line), and the characters it starts with
    /// after blanks: the raw line is read only when its normalised text starts with one
    /// (its first character that is neither blank nor invisible: a raw line that starts
    /// otherwise has no bullet after the whitespace this pattern skips).
    bulleted: Regex,
    bullets: Vec<char>,
    /// ``\p{L}`` (its runs: ``\p{L}+``), ``\p{Uppercase}``, ``[\p{Lowercase}\p{Lt}]``.
    letters: CharClass,
    upper: CharClass,
    lower_or_title: CharClass,
}

/// What `Heads::read_line` reads of one line: its `Features` and its `Decision`.
struct Line<'a> {
    text: &'a str,
    words: i64,
    terminal: bool,
    urls: i64,
    digit_ratio: f64,
    judged: Judged,
}

/// What the head evidence reads of a line's `Decision`, as bits: kept or not, whether
/// its rule is ``feature.prose``, a rule of no catalogue pattern (`code_rule`) or
/// ``blank``, and whether its category is ``meta``, ``caption`` or ``body``.  Two
/// decisions alike in these give a line the same evidence (`Heads::revised`).
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Judged(u8);

impl Judged {
    const KEEP: u8 = 1;
    const PROSE: u8 = 2;
    const CODE: u8 = 4;
    const BLANK: u8 = 8;
    const META: u8 = 16;
    const CAPTION: u8 = 32;
    const BODY: u8 = 64;

    /// The bits of a `Decision` (``keep``, ``rule``, ``category``).
    fn of(decision: &Bound<'_, PyTuple>) -> PyResult<Self> {
        let (rule, category) = (decision.get_borrowed_item(1)?, decision.get_borrowed_item(2)?);
        let (rule, category) = (rule.downcast::<PyString>()?, category.downcast::<PyString>()?);
        let rule = rule.to_cow()?;
        let bits = [
            (decision.get_borrowed_item(0)?.extract::<bool>()?, Self::KEEP),
            (rule == "feature.prose", Self::PROSE),
            (code_rule(&rule), Self::CODE),
            (rule == "blank", Self::BLANK),
        ];
        Ok(Self(bits.iter().fold(Self::of_category(&category.to_cow()?).0, |b, &(on, bit)| if on { b | bit } else { b })))
    }

    /// The bits of a category alone.
    fn of_category(category: &str) -> Self {
        Self(match category {
            "meta" => Self::META,
            "caption" => Self::CAPTION,
            "body" => Self::BODY,
            _ => 0,
        })
    }

    /// Is one of `bits` set?
    fn has(self, bits: u8) -> bool {
        self.0 & bits != 0
    }
}

/// A Python string as UTF-8 (a lone surrogate, which no pattern here matches, becomes
/// one U+FFFD, so that counts of characters stay).
fn text_of<'a>(s: &'a Bound<'_, PyString>) -> PyResult<Cow<'a, str>> {
    match s.to_str() {
        Ok(t) => Ok(Cow::Borrowed(t)),
        Err(_) => Ok(Cow::Owned(crate::text::utf8_string(&crate::codepoints(s)?))),
    }
}

impl Heads {
    /// `cleaner.stories.evidence._meta`: a date, time, byline or "Updated ..." line (not
    /// a photo caption or credit that holds a date).
    fn is_meta(&self, text: &str, words: i64, terminal: bool, judged: Judged) -> bool {
        if judged.has(Judged::META | Judged::CAPTION) {
            return judged.has(Judged::META);
        }
        if text.is_empty() {
            return false; // every pattern needs a character
        }
        if words <= 12 && self.byline.is_match(text) {
            return true;
        }
        if terminal && words > 8 || text.starts_with(['—', '–', '-']) || words > 20 {
            return false;
        }
        // every date or time holds a digit (of an ASCII text, an ASCII digit)
        let dated = if text.is_ascii() { text.bytes().any(|b| b.is_ascii_digit()) } else { self.digit.any(text) };
        if words > 14 {
            // "Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 ..."
            return dated && self.dates(text, 2);
        }
        dated && self.dates(text, 1) || (words <= 12 && self.updated.is_match(text))
    }

    /// Does `text` hold `least` dates or times (counted as `regex.findall` does)?
    fn dates(&self, text: &str, least: usize) -> bool {
        let date = if text.is_ascii() || self.date_loose.is_match(text) {
            &self.date
        } else {
            return false;
        };
        // one date is any match (no need of where it ends); more are counted
        if least <= 1 { date.is_match(text) } else { date.holds(text, least) }
    }

    /// `capital`: a capital (or a digit) first, after an opening quote.
    fn is_capitalised(&self, text: &str) -> bool {
        let mut chars = text.chars();
        let capital = |c: Option<char>| c.is_some_and(|c| self.capital.contains(c));
        let first = chars.next();
        capital(first) || first.is_some_and(|c| self.quote.contains(c)) && capital(chars.next())
    }

    /// `not_title`: an interview turn or a numbered item, read with the pattern's classes
    /// one character at a time (its automaton cost a process millions of instructions to
    /// build): after blanks, one or two letters, blanks and a colon; or one to three digits,
    /// blanks, a full stop or a closing parenthesis and a blank.  (The classes of a run and
    /// of what follows it are disjoint, so reading each run whole is the pattern's match.)
    fn is_turn(&self, text: &str) -> bool {
        let mut chars = text.chars().peekable();
        skip(&mut chars, &self.space);
        let letters = skip(&mut chars, &self.letters);
        let digits = if letters == 0 { skip(&mut chars, &self.digit) } else { 0 };
        skip(&mut chars, &self.space);
        if letters > 0 {
            letters <= 2 && chars.next() == Some(':')
        } else {
            (1..=3).contains(&digits)
                && matches!(chars.next(), Some('.' | ')'))
                && chars.next().is_some_and(|c| self.space.contains(c))
        }
    }

    /// `str.isupper`: a cased character, and none lower case or title case.
    fn all_upper(&self, word: &str) -> bool {
        self.upper.any(word) && !self.lower_or_title.any(word)
    }

    /// `cleaner.stories.evidence.dateline`: a dateline whose words (of two letters or
    /// more) are upper case, all but two, the first one too.
    fn is_dateline(&self, text: &str) -> bool {
        let placed = || match may_place(text, &self.quote) {
            Some(',') => self.placed.find(text).is_some(),
            Some(_) => self.agency.find(text).is_some_and(|end| sentence(text, end)),
            None => false,
        };
        if !may_dateline(text) {
            return placed();
        }
        let Some(end) = self.dateline.find(text) else { return placed() };
        // the place: the head up to its comma (the region after it may be written in
        // small letters: "DUBAI, United Arab Emirates — ...")
        let head = &text[..end];
        let place = head.split_once(',').map_or(head, |(place, _)| place);
        let caps: Vec<&str> =
            self.letters.runs(place).filter(|w| w.chars().nth(1).is_some()).collect();
        let upper = caps.iter().filter(|w| self.all_upper(w)).count();
        (!caps.is_empty() && upper >= 1.max(caps.len().saturating_sub(2)) && self.all_upper(caps[0])) || placed()
    }

    /// A headline that reads as a sentence: a short kept line ending in "?" or "!" (or a
    /// quote after one), not a turn of a dialogue (``turn``: `is_turn` of its text).
    fn is_exclaimed(line: &Line, turn: bool) -> bool {
        let end = line.text.trim_end_matches(['\'', '"', '’', '”', '»']);
        line.judged.has(Judged::KEEP) && line.words <= 16 && (end.is_empty() || end.ends_with(['?', '!'])) && !turn
    }
}

/// The arrows a pager's link to the previous post opens with and one to the next post
/// ends with ("← Older post", "« Previous", "Next story →", "Weiter »").
const PAGER_BACK: [char; 9] = ['←', '‹', '«', '⟵', '◄', '◀', '⇐', '⬅', '❮'];
const PAGER_ON: [char; 11] = ['→', '›', '»', '⟶', '►', '▶', '⇒', '➔', '➜', '➡', '❯'];

/// Is `text` a pager's link, the headline of the post before or after this one: it opens
/// with an arrow that points back or ends with one that points on (`PAGER_BACK`,
/// `PAGER_ON`); a guillemet, double or single, only when the line holds none the other
/// way, which would close or open a quote («Nous resterons», dit-il; ‹Wir bleiben›, sagt
/// er).  Never a story's title or head.
pub(crate) fn is_pager(text: &str) -> bool {
    let t = text.trim();
    let (first, last) = (t.chars().next(), t.chars().next_back());
    let quoted = |c: char| match c {
        '«' | '»' => t.contains('«') && t.contains('»'),
        '‹' | '›' => t.contains('‹') && t.contains('›'),
        _ => false,
    };
    let back = first.is_some_and(|c| PAGER_BACK.contains(&c) && !quoted(c));
    let on = last.is_some_and(|c| PAGER_ON.contains(&c) && !quoted(c));
    (back || on) && t.chars().count() > 1
}

/// Can `text` open with a dateline (`Heads::dateline`)?  False only where the pattern
/// cannot match, read from a few characters: it needs a colon or a dash, an upper-case
/// letter first (after an opening quote or bracket), and after that letter no lower-case
/// ASCII letter or digit.  Most lines fail here without being cut into cells.
fn may_dateline(text: &str) -> bool {
    let mut chars = text.chars();
    let mut first = chars.next();
    if matches!(first, Some('\'' | '"' | '(' | '[' | '{')) {
        first = chars.next(); // the only ASCII characters of `[\p{Pi}\p{Ps}'‘“"]`
    }
    let ascii_not = |c: Option<char>, ok: fn(&char) -> bool| c.is_some_and(|c| c.is_ascii() && !ok(&c));
    if first.is_none() || ascii_not(first, char::is_ascii_uppercase)
        || ascii_not(chars.next(), |c| !c.is_ascii_lowercase() && !c.is_ascii_digit())
    {
        return false;
    }
    text.contains([':', '-', '—', '–'])
}

/// Can `text` open with a dateline whose place is written in small letters too
/// (`Heads::placed`, `Heads::agency`)?  None only where neither pattern can match: they
/// need an upper-case letter first (after an opening quote, one of ``quote``), then a
/// place (no ASCII character but letters, blanks, "'", ".", "-" and "/") up to a comma
/// within 64 characters or a "(" within 129 that are not blanks, and a dash: after the
/// comma anywhere, after the "(" right after its ")" (within 15 characters), an optional
/// "." and blanks.  Which of "," or "(".
fn may_place(text: &str, quote: &CharClass) -> Option<char> {
    let mut chars = text.char_indices();
    let mut first = chars.next();
    if first.is_some_and(|(_, c)| quote.contains(c)) {
        first = chars.next();
    }
    let (at, c) = first?;
    if !c.is_uppercase() {
        return None;
    }
    // The place read by bytes: its characters are ASCII letters, blanks, "'", ".", "-"
    // and "/", or not ASCII (each read once, by its first byte; one not ASCII is never
    // counted among the solid ones, which only lets more texts through).
    let bytes = &text.as_bytes()[at + c.len_utf8()..];
    let (mut read, mut solid) = (0, 0);
    let mut end = None;
    for (i, &b) in bytes.iter().enumerate() {
        let letter = b.is_ascii_alphabetic() || matches!(b, b'\'' | b'.' | b'-' | b'/');
        if letter || b >= 0x80 || matches!(b, b' ' | b'\t'..=b'\r') {
            read += usize::from(b & 0xC0 != 0x80);
            solid += usize::from(letter);
            if solid > 129 {
                return None;
            }
        } else {
            end = Some((i, b));
            break;
        }
    }
    match end? {
        (_, b',') if read <= 64 => text.contains(['-', '—', '–']).then_some(','),
        (i, b'(') => {
            let mut chars = text[at + c.len_utf8() + i + 1..].chars().peekable(); // after the "("
            chars.by_ref().take(15).find(|&c| c == ')')?;
            chars.next_if_eq(&'.');
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
            chars.next().filter(|c| matches!(c, '-' | '—' | '–')).map(|_| '(')
        }
        _ => None,
    }
}

/// Does the capital that ends a match of `Heads::agency` (``end``: the byte after it)
/// open three words or more (``\S*\s+\S+\s+\S`` from it)?
fn sentence(text: &str, end: usize) -> bool {
    let from = end - text[..end].chars().next_back().map_or(0, char::len_utf8);
    text[from..].split_whitespace().nth(2).is_some()
}

/// The `Line` of a text, its `Features` and its decision's `Judged`.
fn line_of<'a>(text: &'a str, feat: &Bound<'_, PyTuple>, judged: Judged) -> PyResult<Line<'a>> {
    Ok(Line {
        text,
        words: feat.get_borrowed_item(0)?.extract()?,
        terminal: feat.get_borrowed_item(2)?.extract()?,
        urls: feat.get_borrowed_item(6)?.extract()?,
        digit_ratio: feat.get_borrowed_item(5)?.extract()?,
        judged,
    })
}

/// A rule of no catalogue pattern (a feature, context or block rule).
fn code_rule(rule: &str) -> bool {
    rule.starts_with("feature.") || rule.starts_with("context.") || rule.starts_with("block.")
}

#[pymethods]
impl Heads {
    /// The patterns, from the catalogue's words of every language (``months``,
    /// ``byline``, ``updated``, ``ago``) and the bullets of a list item (``bullets``:
    /// symbols, ``dashes``: dashes that need a space after them).
    #[new]
    fn new(months: Vec<String>, byline: Vec<String>, updated: Vec<String>, ago: Vec<String>,
           bullets: &str, dashes: &str) -> PyResult<Self> {
        let m = alternatives(&months);
        let ago = if ago.is_empty() { String::new() } else { format!("|{}", alternatives(&ago)) };
        let class = |chars: &str| chars.chars().map(|c| regex::escape(c.encode_utf8(&mut [0; 4]))).collect::<String>();
        let date = |b: &str| {
            format!(
                r"(?i){b}(?:(?:{m})\.?\s+\d{{1,2}}{b}|\d{{1,2}}\.?\s+(?:{m}){b}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}|\d{{1,2}}:\d{{2}}\s*(?:[ap]\.?m\.?{b})?{ago})"
            )
        };
        Ok(Heads {
            date: forward(&date(r"\b"))?,
            date_loose: forward(&date(""))?,
            digit: char_class(r"\d")?,
            updated: compile(&format!(r"(?i)^(?:{})\b", alternatives(&updated)))?,
            byline: compile(&format!(r"(?i)^(?:{})\s+\p{{Lu}}", alternatives(&byline)))?,
            dateline: Cells::new(concat!(
                r#"^[\p{Pi}\p{Ps}'‘“"]?\p{Lu}[\p{Lu}\p{M}\s.'’&\-]{2,40}[\p{Pf}\p{Pe}'’”"]?"#,
                r"(?:,\s*[\p{L}.\s]{2,20})?\s*(?:\([^()]{1,30}\))?\s*(?::|—|–|-{1,2})\s+\S"
            ))
            .map_err(|e| crate::err(format!("story head pattern: {e}")))?,
            placed: Cells::new(concat!(
                r#"^[\p{Pi}'‘“"]?\p{Lu}[\p{Ll}\p{M}'’.\-]{1,20}(?:\s\p{Lu}[\p{L}\p{M}'’.\-]{1,20}){0,2},"#,
                r"\s*\p{Lu}[\p{L}\p{M}.]{0,15}(?:\s\p{Lu}[\p{L}\p{M}.]{0,15}){0,2}\s*(?:\([^()]{1,30}\))?",
                r"\s*(?:—|–|-{1,2})\s+[\p{Pi}'‘“\x22]?\p{Lu}"
            ))
            .map_err(|e| crate::err(format!("story head pattern: {e}")))?,
            agency: Cells::new(concat!(
                r#"^[\p{Pi}'‘“"]?\p{Lu}[\p{Ll}\p{M}'’.]{1,20}(?:[\-/]\p{L}[\p{Ll}\p{M}'’.]{0,20}){0,2}"#,
                r"(?:\s\p{Lu}[\p{Ll}\p{M}'’.]{1,20}(?:[\-/]\p{L}[\p{Ll}\p{M}'’.]{0,20}){0,2})?",
                r"\s*\(\p{L}{2,8}(?:[/\-]\p{L}{1,5})?\)\.?\s*(?:—|–|-{1,2})\s+[\p{Pi}'‘“\x22]?\p{Lu}"
            ))
            .map_err(|e| crate::err(format!("story head pattern: {e}")))?,
            quote: char_class(r#"[\p{Pi}'"‘“]"#)?,
            capital: char_class(r"[\p{Lu}\p{Lt}\d]")?,
            space: char_class(r"\s")?,
            bulleted: compile(&format!(r"^\s*(?:[{}+]|[{}]\s|\|)", class(bullets), class(dashes)))?,
            bullets: bullets.chars().chain(dashes.chars()).chain(['+', '|']).collect(),
            letters: char_class(r"\p{L}")?,
            upper: char_class(r"\p{Uppercase}")?,
            lower_or_title: char_class(r"[\p{Lowercase}\p{Lt}]")?,
        })
    }

    /// One line's `is_meta` (``category``: its decision's).
    #[pyo3(name = "meta")]
    fn py_meta(&self, text: &Bound<'_, PyString>, words: i64, terminal: bool, category: &str) -> PyResult<bool> {
        Ok(self.is_meta(&text_of(text)?, words, terminal, Judged::of_category(category)))
    }

    /// One text's `is_dateline`.
    #[pyo3(name = "dateline")]
    fn py_dateline(&self, text: &Bound<'_, PyString>) -> PyResult<bool> {
        Ok(self.is_dateline(&text_of(text)?))
    }

    /// One text's `is_pager`.
    #[pyo3(name = "pager")]
    fn py_pager(&self, text: &Bound<'_, PyString>) -> PyResult<bool> {
        Ok(is_pager(&text_of(text)?))
    }
}

/// Does ``text`` end mid-sentence by its look: on a comma, or on a word whose first
/// letter is lower case (a sentence cut off mid-way, "... a drive that" or "... subventi"),
/// not on a name, a place or a figure ("... Cindy, Charleston, SC")?  A line of a script
/// with no case ends on no such word.
fn cut_off(text: &str) -> bool {
    let text = text.trim_end();
    if text.ends_with(',') {
        return true;
    }
    let last = text.rsplit(char::is_whitespace).next().unwrap_or("");
    last.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_lowercase)
}

/// The head evidence of every line of a document (`Heads::evidence`), each a list indexed
/// by line.
#[derive(Clone)]
pub(crate) struct Evidence {
    /// Holds a letter.
    pub lettered: Vec<bool>,
    pub meta: Vec<bool>,
    pub headline: Vec<bool>,
    pub body: Vec<bool>,
    /// Title-like (before the test of lines the page repeats).
    pub titled: Vec<bool>,
    pub dateline: Vec<bool>,
    pub exclaimed: Vec<bool>,
    /// The first character upper case, no interview turn.
    pub capital: Vec<bool>,
    /// A meta line within `meta_reach` lines with letters after it, before any body.
    pub meta_after: Vec<bool>,
    /// Dropped by a catalogue pattern.
    pub pattern: Vec<bool>,
    /// A capital or digit first, after an opening quote; no pager's link.
    pub capitalised: Vec<bool>,
    /// A list item (its raw line).
    pub bulleted: Vec<bool>,
    /// Ends mid-sentence by its look: on a comma, or on a word that opens with a
    /// lower-case letter (`cut_off`).
    pub cut_off: Vec<bool>,
    /// A numbered item or a turn of an interview ("2. ...", "Q: ..."): `is_turn`.
    pub turn: Vec<bool>,
    /// A pager's link, the headline of the post before or after (`is_pager`): evidence
    /// of a page's edge, never a story's title.
    pub pager: Vec<bool>,
    /// `cleaner.classify.is_heading_like`: short, no sentence punctuation, no URL, few
    /// digits.
    pub heading_like: Vec<bool>,
    /// The `Features.words` and `Decision.keep` of each line.
    pub words: Vec<i64>,
    pub keep: Vec<bool>,
    /// The lines whose text is not empty.
    pub content: Vec<usize>,
    /// What was read of each line's `Decision`.
    judged: Vec<Judged>,
}

impl Heads {
    /// The head evidence of every line of a document: ``texts`` (normalised), ``raw``
    /// (a line's raw text, read for the headlines' list test), ``feats`` and
    /// ``decisions`` (`Features`, `Decision`), and the `Options` of ``limits``.
    pub(crate) fn evidence<'py>(
        &self,
        texts: &[Cow<'_, str>],
        raw: impl Fn(usize) -> PyResult<String>,
        feats: &Bound<'py, PyAny>,
        decisions: &Bound<'py, PyAny>,
        limits: HeadLimits,
    ) -> PyResult<Evidence> {
        let n = texts.len();
        let feats = tuples(feats, n)?;
        let judged = judged(decisions, n)?;
        let no = || vec![false; n];
        let mut e = Evidence {
            lettered: no(), meta: no(), headline: no(), body: no(), titled: no(), dateline: no(), exclaimed: no(),
            capital: no(), meta_after: no(), pattern: no(), capitalised: no(), bulleted: no(), cut_off: no(), turn: no(),
            pager: no(), heading_like: no(),
            words: vec![0; n], keep: no(), content: Vec::with_capacity(n), judged,
        };
        for (i, text) in texts.iter().enumerate() {
            if !text.is_empty() {
                e.content.push(i);
            }
            e.bulleted[i] = text.starts_with(self.bullets.as_slice()) && self.bulleted.is_match(&raw(i)?);
            e.cut_off[i] = cut_off(text);
            e.pager[i] = is_pager(text);
            self.read_line(&mut e, i, text, &feats[i], limits)?;
        }
        e.meta_after = meta_after(&e, limits.meta_reach);
        Ok(e)
    }

    /// The head evidence of the document `like` holds the evidence of, read under other
    /// decisions: ``text`` (a line's normalised text), ``feats`` (the same `Features`),
    /// ``decisions`` and the `Options` as `evidence`'s.  A line is read again only where
    /// its decision is judged otherwise (`Judged`); what a line's text alone says (a list
    /// item ...) is not.
    pub(crate) fn revised<'a, 'py>(
        &self,
        like: &Evidence,
        text: impl Fn(usize) -> Cow<'a, str>,
        feats: &Bound<'py, PyAny>,
        decisions: &Bound<'py, PyAny>,
        limits: HeadLimits,
    ) -> PyResult<Evidence> {
        let n = like.judged.len();
        let judged = judged(decisions, n)?;
        if feats.len()? != n {
            return Err(crate::err("texts, features and decisions of different lengths".into()));
        }
        let mut e = like.clone();
        for (i, &now) in judged.iter().enumerate() {
            if now != e.judged[i] {
                e.judged[i] = now;
                let feat = feats.get_item(i)?.downcast_into::<PyTuple>()?;
                self.read_line(&mut e, i, &text(i), &feat, limits)?;
            }
        }
        e.meta_after = meta_after(&e, limits.meta_reach);
        Ok(e)
    }

    /// The evidence of line `i` (its text, `Features` and the `Judged` of its decision
    /// already in `e`, and whether it is a list item, `e.bulleted`), with the heading
    /// limits of ``limits``.
    fn read_line(&self, e: &mut Evidence, i: usize, text: &str, feat: &Bound<'_, PyTuple>, limits: HeadLimits) -> PyResult<()> {
        let line = line_of(text, feat, e.judged[i])?;
        let (keep, judged) = (line.judged.has(Judged::KEEP), line.judged);
        e.words[i] = line.words;
        e.keep[i] = keep;
        e.lettered[i] = text.chars().any(|c| crate::cohesion::is_letter(c as u32));
        e.meta[i] = self.is_meta(text, line.words, line.terminal, judged);
        // `cleaner.classify.is_heading_like`
        let heading_like = 1 <= line.words && line.words as f64 <= limits.heading_max_words && !line.terminal
            && line.urls == 0 && line.digit_ratio < limits.heading_max_digits;
        e.heading_like[i] = heading_like;
        e.headline[i] = heading_like && line.words >= 2 && !(keep && judged.has(Judged::PROSE)) && !e.meta[i]
            && (keep || judged.has(Judged::CODE)) && !e.bulleted[i];
        e.body[i] = keep && judged.has(Judged::BODY) && !e.headline[i];
        let turn = self.is_turn(text);
        e.turn[i] = turn;
        // a pager's link ("« Previous post": no quote opens it) is no capitalised line
        e.capitalised[i] = !e.pager[i] && self.is_capitalised(text);
        e.titled[i] = e.headline[i] && line.words >= 4 && !turn && e.capitalised[i];
        e.dateline[i] = self.is_dateline(text);
        e.exclaimed[i] = Self::is_exclaimed(&line, turn);
        e.capital[i] = text.chars().next().is_some_and(|c| self.upper.contains(c)) && !turn;
        e.pattern[i] = !keep && !judged.has(Judged::BLANK) && !judged.has(Judged::CODE);
        Ok(())
    }
}

/// The `Options` the head evidence reads: ``heading_max_words`` and ``heading_max_digits``
/// (a heading-like line, `cleaner.classify.is_heading_like`) and ``story_meta_reach``
/// (`meta_after`).
#[derive(Clone, Copy)]
pub(crate) struct HeadLimits {
    pub(crate) heading_max_words: f64,
    pub(crate) heading_max_digits: f64,
    pub(crate) meta_reach: usize,
}

/// The items of a sequence of tuples (`Features` or `Decision`), `n` of them.
fn tuples<'py>(items: &Bound<'py, PyAny>, n: usize) -> PyResult<Vec<Bound<'py, PyTuple>>> {
    let got: Vec<Bound<'py, PyTuple>> = items.try_iter()?.map(|f| Ok(f?.downcast_into::<PyTuple>()?)).collect::<PyResult<_>>()?;
    if got.len() != n {
        return Err(crate::err("texts, features and decisions of different lengths".into()));
    }
    Ok(got)
}

/// The `Judged` of each of `n` decisions.
fn judged(decisions: &Bound<'_, PyAny>, n: usize) -> PyResult<Vec<Judged>> {
    tuples(decisions, n)?.iter().map(Judged::of).collect()
}

/// Per line, a meta line within `meta_reach` lines with letters after it, before any body.
fn meta_after(e: &Evidence, meta_reach: usize) -> Vec<bool> {
    let mut out = vec![false; e.judged.len()];
    for (k, &i) in e.content.iter().enumerate() {
        let near = e.content[k + 1..e.content.len().min(k + 1 + 2 * meta_reach)].iter().filter(|&&j| e.lettered[j]);
        for &j in near.take(meta_reach) {
            if e.meta[j] || e.body[j] {
                out[i] = e.meta[j];
                break;
            }
        }
    }
    out
}
