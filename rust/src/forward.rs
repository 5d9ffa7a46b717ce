//! A pattern searched forward only, for whether it matches and where its matches end
//! (which is all a count of its matches needs): a lazy DFA over one NFA, and for a text
//! the DFA gives up on (a Unicode word boundary beside a character that is not ASCII, or
//! a cache cleared too often) the NFA's own searches, as a `regex::Regex` falls back on
//! them (a bounded backtracker for a text short enough for it, else a `PikeVM`; "too
//! often": the `Regex`'s own bounds, `MIN_CACHE_CLEARS` and `MIN_BYTES_PER_STATE`).  Built
//! without the reverse NFA and the prefilter of literals a `Regex` derives: the reverse
//! NFA costs about as much to build as the forward one, and the lazy DFA finds matches as
//! fast without a prefilter (the story finder's date patterns, `crate::heads`; the
//! catalogue patterns, `crate::patterns`).  Its answers are the `Regex`'s: the same NFA
//! (leftmost-first, Unicode, simple case folding) read by engines that agree.  A search
//! that panics while it holds a cache poisons that cache's lock; the next search takes the
//! cache back, reset, so one failed document does not fail every later one.

use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::{self, pikevm::{self, PikeVM}, WhichCaptures};
use regex_automata::{hybrid, Anchored, Input};
use std::sync::{Mutex, MutexGuard};

/// After this many clears of its cache the lazy DFA may give up on a search (the bound a
/// `regex::Regex` sets, regex-automata's `meta` wrappers)...
const MIN_CACHE_CLEARS: usize = 3;
/// ... and does when it has searched fewer bytes than this per state it built since.
const MIN_BYTES_PER_STATE: usize = 10;

/// The value behind ``lock``; if a panic poisoned it, the value ``reset`` and the lock
/// cleared.
fn taken<'a, T>(lock: &'a Mutex<T>, reset: impl FnOnce(&mut T)) -> MutexGuard<'a, T> {
    lock.lock().unwrap_or_else(|poisoned| {
        let mut guard = poisoned.into_inner();
        reset(&mut guard);
        lock.clear_poison();
        guard
    })
}

pub struct Forward {
    dfa: hybrid::dfa::DFA,
    cache: Mutex<hybrid::dfa::Cache>,
    bt: BoundedBacktracker,
    bt_cache: Mutex<backtrack::Cache>,
    vm: PikeVM,
    vm_cache: Mutex<pikevm::Cache>,
    /// Can a match start only at the start of the text (`^`, `\A` in front of every
    /// alternative)?  Then a search is anchored there and stops at the first byte that
    /// no match can take.
    anchored: bool,
}

impl Forward {
    /// ``pattern`` with room for ``cache_bytes`` of lazy DFA states and NFAs of at most
    /// ``nfa_bytes`` (None: no limit).
    pub fn new(pattern: &str, cache_bytes: usize, nfa_bytes: Option<usize>) -> Result<Forward, String> {
        let nfa = thompson::Compiler::new()
            .configure(thompson::Config::new().which_captures(WhichCaptures::Implicit).nfa_size_limit(nfa_bytes))
            .build(pattern)
            .map_err(|e| e.to_string())?;
        let dfa = hybrid::dfa::DFA::builder()
            .configure(
                hybrid::dfa::Config::new()
                    .cache_capacity(cache_bytes)
                    .unicode_word_boundary(true)
                    .minimum_cache_clear_count(Some(MIN_CACHE_CLEARS))
                    .minimum_bytes_per_state(Some(MIN_BYTES_PER_STATE)),
            )
            .build_from_nfa(nfa.clone())
            .map_err(|e| e.to_string())?;
        let bt = BoundedBacktracker::new_from_nfa(nfa.clone()).map_err(|e| e.to_string())?;
        let anchored = nfa.is_always_start_anchored();
        let vm = PikeVM::new_from_nfa(nfa).map_err(|e| e.to_string())?;
        Ok(Forward {
            cache: Mutex::new(dfa.create_cache()),
            bt_cache: Mutex::new(bt.create_cache()),
            vm_cache: Mutex::new(vm.create_cache()),
            dfa,
            bt,
            vm,
            anchored,
        })
    }

    /// The end of the first match (leftmost-first) in ``text`` from byte ``at`` on, or None;
    /// ``earliest``: any match's end will do (for whether there is one).
    pub fn end(&self, text: &str, at: usize, earliest: bool) -> Option<usize> {
        let mut input = Input::new(text).range(at..).earliest(earliest);
        if self.anchored && at == 0 {
            input = input.anchored(Anchored::Yes);
        }
        if let Ok(found) = self.dfa.try_search_fwd(&mut taken(&self.cache, |c| c.reset(&self.dfa)), &input) {
            return found.map(|m| m.offset());
        }
        if let Ok(found) = self.bt.try_find(&mut taken(&self.bt_cache, |c| c.reset(&self.bt)), input.clone()) {
            return found.map(|m| m.end());
        }
        self.vm.find(&mut taken(&self.vm_cache, |c| c.reset(&self.vm)), input).map(|m| m.end())
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.end(text, 0, true).is_some()
    }

    /// Does ``text`` hold at least ``least`` matches, counted as `find_iter` counts them
    /// (each search from the end of the match before; no match here is empty)?
    pub fn holds(&self, text: &str, least: usize) -> bool {
        let mut at = 0;
        for _ in 0..least {
            match self.end(text, at, false) {
                Some(end) if end > at => at = end,
                _ => return false,
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text of `n` letters a and b from a fixed linear congruential sequence.
    fn letters(n: usize) -> String {
        let mut x: u64 = 18;
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                if x >> 63 == 0 { 'a' } else { 'b' }
            })
            .collect()
    }

    #[test]
    fn a_dfa_that_thrashes_gives_up_and_the_nfa_answers() {
        // An "a" 16 letters before the end: a DFA of 2^16 states, far more than the cache
        // holds, so its cache is cleared again and again while it searches few bytes a state.
        let pattern = "[ab]*a[ab]{16}c";
        let text = letters(200_000) + "c";
        let f = Forward::new(pattern, 64 << 10, None).unwrap();
        let input = Input::new(&text);
        let gave_up = f.dfa.try_search_fwd(&mut f.cache.lock().unwrap(), &input).is_err();
        assert!(gave_up, "the lazy DFA kept rebuilding its states");
        let want = regex::Regex::new(pattern).unwrap().find(&text).map(|m| m.end());
        assert_eq!(f.end(&text, 0, false), want);
    }

    #[test]
    fn a_poisoned_cache_is_taken_back_reset() {
        // A Unicode word boundary beside a character that is not ASCII: the DFA gives up;
        // the text is too long for the backtracker, so the PikeVM answers.
        let f = Forward::new(r"\bé\b", 1 << 20, None).unwrap();
        let text = "a ".repeat(1 << 20) + "é";
        assert_eq!(f.end(&text, 0, false), Some(text.len()));
        let fail = |held: &dyn Fn()| std::panic::catch_unwind(std::panic::AssertUnwindSafe(held)).is_err();
        assert!(fail(&|| {
            let _held = f.cache.lock().unwrap();
            panic!("a search failed")
        }));
        assert!(fail(&|| {
            let _held = f.bt_cache.lock().unwrap();
            panic!("a search failed")
        }));
        assert!(fail(&|| {
            let _held = f.vm_cache.lock().unwrap();
            panic!("a search failed")
        }));
        assert!(f.cache.is_poisoned() && f.bt_cache.is_poisoned() && f.vm_cache.is_poisoned());
        assert_eq!(f.end(&text, 0, false), Some(text.len()));
        assert!(!f.cache.is_poisoned() && !f.bt_cache.is_poisoned() && !f.vm_cache.is_poisoned());
        assert_eq!(f.end("a é b", 0, false), Some(4));
    }
}
