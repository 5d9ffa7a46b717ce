//! Catalogue patterns run by the `regex` crate where that gives the answer the `regex`
//! module gives (`cleaner.catalogue.Rule.fires`); the others stay with Python.
//!
//! `translate` reads a pattern written for the `regex` module (version 0 syntax) and
//! writes it for the crate, or refuses it.  It accepts only syntax whose meaning is the
//! same in both for the question asked here, "is there a match?": literals, the classes
//! `\d \w \s` (and negations), `\p{..}` of a few general categories, bracketed classes,
//! alternation, groups (non-capturing, capturing, `(?i:..)`/`(?-i:..)`, a leading
//! `(?i)`), greedy and lazy repetition, `^ $ \A \Z \b \B`.  It refuses lookaround,
//! atomic groups, possessive repetition, back-references, other inline flags, POSIX
//! classes, set operations, the dotted and dotless i where case is ignored, and anything
//! else.  Characters the crate reads as set operators inside a class (`[ & ~ ^` and a
//! `-` that is not a range) are escaped.
//!
//! What is accepted is matched on lines without a line break or a lone surrogate (`$`
//! of the `regex` module also matches before a final newline; the crate takes UTF-8);
//! a test holds every accepted atom against the `regex` module over all of Unicode, and
//! every rule against its examples, counterexamples and corpus lines
//! (tests/test_core_rust.py).
//!
//! A rule the crate does not run (refused, or not yet compiled) runs its `regex` pattern
//! from here too: `Patterns::python` keeps, once per matcher rule, its test
//! (`cleaner.catalogue.Matcher.pattern_fires`), so the core calls it on a line itself
//! instead of handing the line back to Python.  `Patterns::refused` names the rules the
//! crate never runs (`cleaner.catalogue.Matcher.python_rules`): the catalogue loader
//! warns about such a rule, and the shipped catalogues hold none
//! (tests/test_core_coverage.py).

use crate::forward::Forward;
use pyo3::prelude::*;
use regex::Regex;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// The general categories `\p{..}` may name.
const CATEGORIES: &[&str] = &["L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "N", "Nd", "P", "S", "Z"];
/// Those of them that case-insensitive matching reads differently (see `escape`).
const CASED: &[&str] = &["Lu", "Ll", "Lt"];

/// The pattern in the crate's syntax (case-insensitive unless ``case_sensitive``), or
/// None when it uses syntax outside the accepted subset.
pub fn translate(pattern: &str, case_sensitive: bool) -> Option<String> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::with_capacity(pattern.len() + 8);
    if !case_sensitive {
        out.push_str("(?i)");
    }
    // Is each open group case-insensitive (the pattern itself first)?
    let mut insensitive = vec![!case_sensitive];
    let mut i = 0;
    // After a repetition operator only one `?` (lazy) may follow; after that, none.
    let mut after = Repeat::None;
    while i < chars.len() {
        let c = chars[i];
        let state = std::mem::replace(&mut after, Repeat::None);
        match c {
            '*' | '+' | '?' | '{' => (i, after) = repetition(&chars, i, &mut out, state)?,
            '\\' => i = escape(&chars, i, &mut out, false, *insensitive.last()?)?,
            '[' => i = class(&chars, i, &mut out, *insensitive.last()?)?,
            '(' => {
                let (next, flag) = group(&chars, i, &mut out, *insensitive.last()?)?;
                match flag {
                    Some(flag) => insensitive.push(flag),
                    None => insensitive[0] = true, // a leading `(?i)`
                }
                i = next;
            }
            ')' => {
                insensitive.pop();
                if insensitive.is_empty() {
                    return None;
                }
                out.push(c);
                i += 1;
            }
            '}' | ']' => return None, // a literal in the `regex` module, an error here
            '|' | '^' | '$' | '.' => {
                out.push(c);
                i += 1;
            }
            _ => {
                if *insensitive.last()? && dotted_i(c, c) {
                    return None;
                }
                literal(c, &mut out);
                i += 1;
            }
        }
    }
    Some(out)
}

/// What stands before a character of a pattern: a repetition operator, or one made lazy.
#[derive(Clone, Copy)]
enum Repeat {
    None,
    Operator,
    Lazy,
}

/// A repetition (`*`, `+`, `?`, `{m,n}`) at ``i``, or the `?` that makes one lazy, after
/// ``state``; returns the index after it and the state it leaves (None: a possessive
/// (`*+`) or repeated repetition).
fn repetition(chars: &[char], i: usize, out: &mut String, state: Repeat) -> Option<(usize, Repeat)> {
    let c = chars[i];
    match (state, c) {
        (Repeat::None, '{') => Some((braces(chars, i, out)?, Repeat::Operator)),
        (Repeat::None, _) => {
            out.push(c);
            Some((i + 1, Repeat::Operator))
        }
        (Repeat::Operator, '?') => {
            out.push('?');
            Some((i + 1, Repeat::Lazy))
        }
        _ => None,
    }
}

/// A character that stands for itself (escaped where the crate gives it a meaning).
fn literal(c: char, out: &mut String) {
    if "\\.+*?()|[]{}^$#&-~".contains(c) {
        out.push('\\');
    }
    out.push(c);
}

/// Is the dotted capital or the dotless small i from ``from`` to ``to``?  Where case is
/// ignored, the `regex` module pairs them with i and I, the crate does not: a pattern
/// with them there is refused (a line with them goes to Python: `doubtful`).
fn dotted_i(from: char, to: char) -> bool {
    (from..=to).contains(&'\u{130}') || (from..=to).contains(&'\u{131}')
}

/// A `\` escape at ``i``; returns the index after it.
/// ``insensitive``: the escape stands where case is ignored (a cased category, such as
/// `\p{Lu}`, is then refused: the `regex` module takes it to be every letter of the
/// category's case, the crate only the letters that have another case).
fn escape(chars: &[char], i: usize, out: &mut String, in_class: bool, insensitive: bool) -> Option<usize> {
    let &n = chars.get(i + 1)?;
    match n {
        'd' | 'D' | 's' | 'S' | 'w' | 'W' | 'n' | 't' | 'r' | 'f' | 'v' => {
            out.push('\\');
            out.push(n);
            Some(i + 2)
        }
        'b' | 'B' | 'A' if !in_class => {
            out.push('\\');
            out.push(n);
            Some(i + 2)
        }
        'Z' if !in_class => {
            out.push_str("\\z");
            Some(i + 2)
        }
        'p' | 'P' => {
            if chars.get(i + 2) != Some(&'{') {
                return None;
            }
            let end = i + 3 + chars[i + 3..].iter().position(|&c| c == '}')?;
            let name: String = chars[i + 3..end].iter().collect();
            if !CATEGORIES.contains(&name.as_str()) || insensitive && CASED.contains(&name.as_str()) {
                return None;
            }
            out.push_str(&format!("\\{n}{{{name}}}"));
            Some(end + 1)
        }
        'x' => {
            let hex: String = chars.get(i + 2..i + 4)?.iter().collect();
            if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
                return None;
            }
            out.push_str(&format!("\\x{hex}"));
            Some(i + 4)
        }
        c if c.is_ascii_punctuation() => {
            literal(c, out);
            Some(i + 2)
        }
        _ => None, // digits (back-references), \N, \X, \G ... and non-ASCII escapes
    }
}

/// A bracketed class at ``i``; returns the index after it.
fn class(chars: &[char], i: usize, out: &mut String, insensitive: bool) -> Option<usize> {
    let mut j = i + 1;
    out.push('[');
    if chars.get(j) == Some(&'^') {
        out.push('^');
        j += 1;
    }
    let first = j;
    // The last member, when a single character (a range may start from it).
    let mut single: Option<char> = None;
    loop {
        let &c = chars.get(j)?;
        match c {
            ']' if j > first => {
                out.push(']');
                return Some(j + 1);
            }
            '\\' => {
                let simple = chars.get(j + 1).copied().filter(char::is_ascii_punctuation);
                j = escape(chars, j, out, true, insensitive)?;
                single = simple;
            }
            '-' => {
                j = dash(chars, j, j == first, single, out, insensitive)?;
                single = None;
            }
            '[' => {
                if chars.get(j + 1) == Some(&':') {
                    return None; // a POSIX class in the `regex` module
                }
                out.push_str("\\[");
                j += 1;
                single = Some('[');
            }
            _ => {
                if insensitive && dotted_i(c, c) {
                    return None;
                }
                literal(c, out);
                j += 1;
                single = Some(c);
            }
        }
    }
}

/// A `-` at ``j`` in a class (``opening``: its first member): a dash where it opens or
/// closes the class, else a range from the class's last member, ``single`` (a single
/// plain character), to the next; returns the index after it.
fn dash(chars: &[char], j: usize, opening: bool, single: Option<char>, out: &mut String, insensitive: bool) -> Option<usize> {
    if opening || chars.get(j + 1) == Some(&']') {
        out.push_str("\\-");
        return Some(j + 1);
    }
    let &to = chars.get(j + 1)?;
    let (Some(from), false) = (single, matches!(to, '\\' | '[' | ']' | '-' | '&' | '~' | '^')) else {
        return None;
    };
    if insensitive && dotted_i(from, to) {
        return None;
    }
    out.push('-');
    out.push(to);
    Some(j + 2)
}

/// A group's opening at ``i`` in a group where case is ignored or not (``insensitive``);
/// returns the index after it and whether case is ignored inside it (None: a leading
/// `(?i)`, which opens no group).
fn group(chars: &[char], i: usize, out: &mut String, insensitive: bool) -> Option<(usize, Option<bool>)> {
    if chars.get(i + 1) != Some(&'?') {
        out.push('(');
        return Some((i + 1, Some(insensitive)));
    }
    let rest: String = chars[i + 2..chars.len().min(i + 6)].iter().collect();
    for (opening, flag) in [(":", insensitive), ("i:", true), ("-i:", false)] {
        if rest.starts_with(opening) {
            out.push_str("(?");
            out.push_str(opening);
            return Some((i + 2 + opening.len(), Some(flag)));
        }
    }
    if i == 0 && rest.starts_with("i)") {
        out.push_str("(?i)");
        return Some((4, None));
    }
    None
}

/// A counted repetition at ``i`` (`{n}`, `{n,}`, `{n,m}`, `{,m}`); returns the index
/// after it.
fn braces(chars: &[char], i: usize, out: &mut String) -> Option<usize> {
    let end = i + chars[i..].iter().position(|&c| c == '}')?;
    let inside: String = chars[i + 1..end].iter().collect();
    let (lo, hi) = match inside.split_once(',') {
        None => (inside.as_str(), None),
        Some((lo, hi)) => (lo, Some(hi)),
    };
    let digits = |s: &str| s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    if !digits(lo) || hi.is_some_and(|h| !digits(h)) || lo.is_empty() && hi.is_none_or(str::is_empty) {
        return None;
    }
    let lo = if lo.is_empty() { "0" } else { lo };
    match hi {
        None => out.push_str(&format!("{{{lo}}}")),
        Some(h) => out.push_str(&format!("{{{lo},{h}}}")),
    }
    Some(end + 1)
}

/// Might the two engines read a character of ``text`` differently?  One unassigned in the
/// crate's Unicode tables (the `regex` module may know a later version), and the dotted
/// and dotless i, which the `regex` module matches case-insensitively with I and i.
pub fn doubtful(text: &str) -> bool {
    static DOUBTFUL: OnceLock<Regex> = OnceLock::new();
    !text.is_ascii()
        && DOUBTFUL
            .get_or_init(|| Regex::new(r"[\p{Cn}\x{130}\x{131}]").expect("a valid class"))
            .is_match(text)
}

/// Bytes of lazy DFA states a catalogue pattern may hold, and of its NFA (a `Regex`'s
/// defaults: an NFA over the limit is not compiled, and its rule stays with Python).
const CACHE_BYTES: usize = 2 << 20;
const NFA_BYTES: usize = 10 << 20;

/// The compiled pattern of ``translate``, or None (refused, or too big to compile): only
/// whether it matches is asked, so it is searched forward only (`Forward`).
pub fn compile(pattern: &str, case_sensitive: bool) -> Option<Forward> {
    let text = translate(pattern, case_sensitive)?;
    Forward::new(&text, CACHE_BYTES, Some(NFA_BYTES)).ok()
}

/// Lines a rule is tried on with Python's `regex` before the crate compiles it: compiling
/// costs about 0.25 ms per pattern (forward only, `compile`), what one to two hundred
/// runs in Python cost (a guarded run of the rule's `regex` pattern, called from the
/// core, costs 1.5-3.5 µs; the guard, two reads of the process's CPU clock, is 1.2 µs of
/// it; 128 uses cost more than 256 over the 54 scrapinghub dumps cleaned in a fresh
/// process, from the compiles of rules that stop being candidates soon after).  So the
/// crate compiles a rule once it has cost about its compiling in Python runs (as renting
/// until the rent paid equals the price): a process that cleans a few documents, or a
/// rule that is rarely a candidate, does not pay for compiling, and a rule that is a
/// candidate often pays it back.
const WARM_USES: u32 = 256;

/// One distinct (pattern, case_sensitive) of the process: its uses by every matcher, and
/// its compiled form once it has had `WARM_USES` of them.
struct Shared {
    pattern: String,
    case_sensitive: bool,
    uses: AtomicU32,
    compiled: OnceLock<Option<Forward>>,
}

/// The process's patterns by (pattern, case_sensitive): each language's matcher holds the
/// common rules as well as its own, and they share one count and one compiled regex, so
/// a common rule is counted (and compiled) once for every language.
fn shared(pattern: String, case_sensitive: bool) -> Arc<Shared> {
    static ALL: OnceLock<Mutex<HashMap<(String, bool), Arc<Shared>>>> = OnceLock::new();
    let mut all = ALL.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    all.entry((pattern, case_sensitive))
        .or_insert_with_key(|(pattern, case_sensitive)| {
            Arc::new(Shared {
                pattern: pattern.clone(),
                case_sensitive: *case_sensitive,
                uses: AtomicU32::new(0),
                compiled: OnceLock::new(),
            })
        })
        .clone()
}

/// The catalogue patterns of a matcher, compiled once a pattern is a candidate often
/// enough in the process (`WARM_USES`, counted over every matcher).
pub struct Patterns {
    rules: Vec<Arc<Shared>>,
    /// Each rule's `regex` module test (`Patterns::python`), once asked.
    python: Vec<OnceLock<PyObject>>,
}

impl Patterns {
    /// ``sources``: (pattern, case_sensitive) per rule position.
    pub fn new(sources: Vec<(String, bool)>) -> Patterns {
        let rules: Vec<_> = sources.into_iter().map(|(p, c)| shared(p, c)).collect();
        let python = rules.iter().map(|_| OnceLock::new()).collect();
        Patterns { rules, python }
    }

    /// Does rule ``k`` fire on ``body``?  None: Python's `regex` decides (the crate does
    /// not run this rule, or not yet).
    pub fn fires(&self, k: usize, body: &str) -> Option<bool> {
        let rule = self.rules.get(k)?;
        if rule.compiled.get().is_none() && rule.uses.fetch_add(1, Ordering::Relaxed) < WARM_USES {
            return None;
        }
        let regex = rule.compiled.get_or_init(|| compile(&rule.pattern, rule.case_sensitive));
        regex.as_ref().map(|r| r.is_match(body))
    }

    /// The positions of the rules the crate does not run (refused by `translate`, or too
    /// big to compile): each runs its `regex` pattern from Python on every line it is a
    /// candidate on.  A rule not compiled yet (`WARM_USES`) is compiled to be asked, and
    /// the compiled form is not kept.
    pub fn refused(&self) -> Vec<usize> {
        let runs = |rule: &Shared| match rule.compiled.get() {
            Some(compiled) => compiled.is_some(),
            None => compile(&rule.pattern, rule.case_sensitive).is_some(),
        };
        self.rules.iter().enumerate().filter(|(_, rule)| !runs(rule)).map(|(k, _)| k).collect()
    }

    /// The `regex` module's test of rule ``k`` (its compiled pattern's run with the
    /// timeout, `cleaner.catalogue.Matcher.pattern_fires`), which ``fetch`` gives
    /// the first time this matcher asks for rule ``k``; None: no rule ``k``.
    pub fn python(&self, k: usize, fetch: impl FnOnce() -> PyResult<PyObject>) -> PyResult<Option<&PyObject>> {
        let Some(test) = self.python.get(k) else {
            return Ok(None);
        };
        if test.get().is_none() {
            let _ = test.set(fetch()?);
        }
        Ok(test.get())
    }
}
