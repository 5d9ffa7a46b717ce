//! A pattern anchored at the start of a line whose large Unicode classes make it slow to
//! compile (the story finder's dateline: `[\p{Lu}\p{M}\s...]{2,40}` is forty copies of the
//! class's UTF-8 automaton, about 10-20 ms), compiled over a small alphabet instead.
//!
//! Every class and literal character of the pattern is a set of characters (an atom).
//! The atoms cut Unicode into cells: runs of characters that belong to the same atoms.
//! Each cell is one byte, each atom the byte class of its cells, and a line is read as
//! the bytes of its characters' cells.  Whether an atom takes a character depends only
//! on the character's cell, so the pattern over cells takes the same paths over a line
//! as the pattern over characters, in the same order of preference: the same match,
//! ending after the same number of characters.
//!
//! Only the start of the line (`^`) is allowed as an assertion, and the pattern's
//! repetitions must be bounded but for those of whitespace: then no attempt of a match
//! reads more than `reach` characters that are not whitespace, and a line is read only
//! up to the last whitespace after that many (what lies beyond could not change the
//! match: an attempt that gets there has no way to end in a match).

use regex::bytes::{Regex, RegexBuilder};
use regex_syntax::hir::{Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, Hir, HirKind, Look, Repetition};
use std::collections::HashMap;

/// The largest code point.
const LAST: u32 = 0x10FFFF;

/// An anchored pattern compiled over the cells of its atoms (see the module docstring).
pub struct Cells {
    /// The cell of each ASCII character.
    ascii: [u8; 128],
    /// The runs above ASCII: (first code point, cell), in order, from 0x80.
    runs: Vec<(u32, u8)>,
    /// Which cells are whitespace (`\s`).
    space: Vec<bool>,
    /// The most characters other than whitespace an attempt of a match reads.
    reach: usize,
    regex: Regex,
}

/// A pattern error as text.
type Res<T> = Result<T, String>;

impl Cells {
    /// The pattern (the `regex` crate's syntax, Unicode on), compiled over cells.
    pub fn new(pattern: &str) -> Res<Cells> {
        let hir = regex_syntax::Parser::new().parse(pattern).map_err(|e| e.to_string())?;
        if !hir.properties().look_set_prefix().contains(Look::Start) {
            return Err("a pattern over cells must be anchored at the start (^)".into());
        }
        let space = unicode_class(r"\s")?;
        let reach = reach(&hir, &space)?;
        let mut atoms: Vec<Vec<(u32, u32)>> = vec![ranges(&space)];
        collect(&hir, &mut atoms)?;
        let (bounds, cells, members) = partition(&atoms)?;
        let mut ascii = [0u8; 128];
        let mut runs = Vec::new();
        for (k, &start) in bounds.iter().enumerate() {
            let end = bounds.get(k + 1).map_or(LAST, |&b| b - 1);
            for c in start..=end.min(0x7F) {
                ascii[c as usize] = cells[k];
            }
            if end >= 0x80 && runs.last().map_or(true, |&(_, cell)| cell != cells[k]) {
                runs.push((start.max(0x80), cells[k]));
            }
        }
        let bytes = rewrite(&hir, &atoms, &members)?;
        let regex = RegexBuilder::new(&bytes.to_string()).build().map_err(|e| e.to_string())?;
        let space = members.iter().map(|m| m[0]).collect();
        Ok(Cells { ascii, runs, space, reach, regex })
    }

    fn cell(&self, c: char) -> u8 {
        let c = c as u32;
        if c < 0x80 {
            return self.ascii[c as usize];
        }
        let k = self.runs.partition_point(|&(start, _)| start <= c);
        self.runs[k - 1].1
    }

    /// The end (a byte offset) of the pattern's match at the start of ``text``, if any.
    pub fn find(&self, text: &str) -> Option<usize> {
        let mut cells = Vec::with_capacity(text.len().min(256));
        let mut ends = Vec::with_capacity(text.len().min(256));
        let mut solid = 0;
        for (i, c) in text.char_indices() {
            let cell = self.cell(c);
            if !self.space[cell as usize] {
                if solid == self.reach {
                    break;
                }
                solid += 1;
            }
            cells.push(cell);
            ends.push(i + c.len_utf8());
        }
        let m = self.regex.find(&cells)?;
        Some(if m.end() == 0 { 0 } else { ends[m.end() - 1] })
    }
}

/// One character class of the `regex` crate's syntax (``\p{L}``, ``[\p{Lowercase}\p{Lt}]``),
/// read from the same Unicode tables as a pattern of it, and asked about one character at a
/// time: all that a pattern of one class (or of one class repeated) asks, without compiling
/// one (the automaton of a large Unicode class costs a process a million instructions).
pub struct CharClass {
    /// Bit c: the class holds the ASCII character c.
    ascii: u128,
    /// The ranges above ASCII, in order.
    ranges: Vec<(u32, u32)>,
}

impl CharClass {
    pub fn new(pattern: &str) -> Res<CharClass> {
        let class = unicode_class(pattern)?;
        let mut ascii = 0u128;
        let mut above = Vec::new();
        for (start, end) in ranges(&class) {
            for c in start..=end.min(0x7F) {
                ascii |= 1 << c;
            }
            if end >= 0x80 {
                above.push((start.max(0x80), end));
            }
        }
        Ok(CharClass { ascii, ranges: above })
    }

    pub fn contains(&self, c: char) -> bool {
        let c = c as u32;
        if c < 0x80 {
            return self.ascii >> c & 1 == 1;
        }
        crate::text::in_ranges(&self.ranges, c)
    }

    /// Does ``text`` hold one of the class's characters (the class's `is_match`)?
    pub fn any(&self, text: &str) -> bool {
        text.chars().any(|c| self.contains(c))
    }

    /// The runs of the class's characters in ``text``, in order: the matches of the class
    /// repeated (``\p{L}+``), as `find_iter` finds them.
    pub fn runs<'t>(&'t self, text: &'t str) -> impl Iterator<Item = &'t str> + 't {
        let mut rest = text;
        std::iter::from_fn(move || {
            let start = rest.char_indices().find(|&(_, c)| self.contains(c))?.0;
            let run = &rest[start..];
            let end = run.char_indices().find(|&(_, c)| !self.contains(c)).map_or(run.len(), |(i, _)| i);
            rest = &run[end..];
            Some(&run[..end])
        })
    }
}

/// ``pattern`` (the `regex` crate's syntax) read as the one Unicode class it must be.
fn unicode_class(pattern: &str) -> Res<ClassUnicode> {
    match regex_syntax::Parser::new().parse(pattern).map_err(|e| e.to_string())?.into_kind() {
        HirKind::Class(Class::Unicode(class)) => Ok(class),
        _ => Err(format!("not one class: {pattern}")),
    }
}

fn ranges(class: &ClassUnicode) -> Vec<(u32, u32)> {
    class.ranges().iter().map(|r| (r.start() as u32, r.end() as u32)).collect()
}

/// The atoms of ``hir`` (its classes, and each character of its literals), added to ``atoms``.
fn collect(hir: &Hir, atoms: &mut Vec<Vec<(u32, u32)>>) -> Res<()> {
    let mut add = |atom: Vec<(u32, u32)>| {
        if !atoms.contains(&atom) {
            atoms.push(atom);
        }
    };
    match hir.kind() {
        HirKind::Empty | HirKind::Look(Look::Start) => {}
        HirKind::Literal(lit) => {
            for c in std::str::from_utf8(&lit.0).map_err(|e| e.to_string())?.chars() {
                add(vec![(c as u32, c as u32)]);
            }
        }
        HirKind::Class(Class::Unicode(class)) => add(ranges(class)),
        HirKind::Repetition(rep) => collect(&rep.sub, atoms)?,
        HirKind::Capture(cap) => collect(&cap.sub, atoms)?,
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            for sub in subs {
                collect(sub, atoms)?;
            }
        }
        other => return Err(format!("not supported over cells: {other:?}")),
    }
    Ok(())
}

/// The cells of ``atoms``: the first code point of each run of Unicode whose characters
/// belong to the same atoms, the cell of each run, and for each cell, whether each atom
/// holds it.
fn partition(atoms: &[Vec<(u32, u32)>]) -> Res<(Vec<u32>, Vec<u8>, Vec<Vec<bool>>)> {
    let mut bounds: Vec<u32> = vec![0];
    for atom in atoms {
        for &(a, b) in atom {
            bounds.push(a);
            if b < LAST {
                bounds.push(b + 1);
            }
        }
    }
    bounds.sort_unstable();
    bounds.dedup();
    let holds = |atom: &[(u32, u32)], c: u32| {
        let k = atom.partition_point(|&(_, b)| b < c);
        atom.get(k).is_some_and(|&(a, _)| a <= c)
    };
    let mut ids: HashMap<Vec<bool>, u8> = HashMap::new();
    let mut members: Vec<Vec<bool>> = Vec::new();
    let mut cells = Vec::with_capacity(bounds.len());
    for &start in &bounds {
        let key: Vec<bool> = atoms.iter().map(|atom| holds(atom, start)).collect();
        let id = match ids.get(&key) {
            Some(&id) => id,
            None => {
                let id = u8::try_from(members.len()).map_err(|_| "more than 256 cells".to_string())?;
                ids.insert(key.clone(), id);
                members.push(key);
                id
            }
        };
        cells.push(id);
    }
    Ok((bounds, cells, members))
}

/// ``hir`` over cells: each atom the byte class of the cells it holds.
fn rewrite(hir: &Hir, atoms: &[Vec<(u32, u32)>], members: &[Vec<bool>]) -> Res<Hir> {
    let class_of = |atom: &Vec<(u32, u32)>| -> Hir {
        let k = atoms.iter().position(|a| a == atom).expect("every atom was collected");
        let cells = (0..members.len()).filter(|&id| members[id][k]).map(|id| ClassBytesRange::new(id as u8, id as u8));
        Hir::class(Class::Bytes(ClassBytes::new(cells)))
    };
    let sub = |h: &Hir| rewrite(h, atoms, members).map(Box::new);
    Ok(match hir.kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Look(look) => Hir::look(*look),
        HirKind::Literal(lit) => Hir::concat(
            std::str::from_utf8(&lit.0).map_err(|e| e.to_string())?.chars().map(|c| class_of(&vec![(c as u32, c as u32)])).collect(),
        ),
        HirKind::Class(Class::Unicode(class)) => class_of(&ranges(class)),
        HirKind::Repetition(rep) => Hir::repetition(Repetition { sub: sub(&rep.sub)?, ..rep.clone() }),
        HirKind::Capture(cap) => Hir::capture(Capture { sub: sub(&cap.sub)?, ..cap.clone() }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(|h| rewrite(h, atoms, members)).collect::<Res<_>>()?),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(|h| rewrite(h, atoms, members)).collect::<Res<_>>()?),
        other => return Err(format!("not supported over cells: {other:?}")),
    })
}

/// The most characters other than whitespace (``space``) an attempt of a match of
/// ``hir`` reads; an error when it is unbounded (a repetition without a most of something
/// other than whitespace).
fn reach(hir: &Hir, space: &ClassUnicode) -> Res<usize> {
    Ok(match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => 0,
        HirKind::Literal(lit) => lit.0.len(),
        HirKind::Class(_) => 1,
        HirKind::Repetition(rep) => match rep.max {
            Some(most) => most as usize * reach(&rep.sub, space)?,
            None => match rep.sub.kind() {
                HirKind::Class(Class::Unicode(c)) if c.ranges().iter().all(|r| {
                    let mut one = ClassUnicode::new([*r]);
                    one.difference(space);
                    one.ranges().is_empty()
                }) => 0,
                _ => return Err("an unbounded repetition of more than whitespace".into()),
            },
        },
        HirKind::Capture(cap) => reach(&cap.sub, space)?,
        HirKind::Concat(subs) => subs.iter().map(|h| reach(h, space)).sum::<Res<usize>>()?,
        HirKind::Alternation(subs) => subs.iter().map(|h| reach(h, space)).collect::<Res<Vec<_>>>()?.into_iter().max().unwrap_or(0),
    })
}
