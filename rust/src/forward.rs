//! A pattern searched forward only, for whether it matches and where its matches end
//! (which is all a count of its matches needs): a lazy DFA over one NFA, and for a text
//! the DFA gives up on (a Unicode word boundary beside a character that is not ASCII, or
//! a cache cleared too often) the NFA's own searches, as a `regex::Regex` falls back on
//! them (a bounded backtracker for a text short enough for it, else a `PikeVM`).  Built
//! without the reverse NFA and the prefilter of literals a `Regex` derives: the reverse
//! NFA costs about as much to build as the forward one, and the lazy DFA finds matches as
//! fast without a prefilter (the story finder's date patterns, `crate::heads`; the
//! catalogue patterns, `crate::patterns`).  Its answers are the `Regex`'s: the same NFA
//! (leftmost-first, Unicode, simple case folding) read by engines that agree.

use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::{self, pikevm::{self, PikeVM}, WhichCaptures};
use regex_automata::{hybrid, Anchored, Input};
use std::sync::Mutex;

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
            .configure(hybrid::dfa::Config::new().cache_capacity(cache_bytes).unicode_word_boundary(true))
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
        if let Ok(found) = self.dfa.try_search_fwd(&mut self.cache.lock().unwrap(), &input) {
            return found.map(|m| m.offset());
        }
        if let Ok(found) = self.bt.try_find(&mut self.bt_cache.lock().unwrap(), input.clone()) {
            return found.map(|m| m.end());
        }
        self.vm.find(&mut self.vm_cache.lock().unwrap(), input).map(|m| m.end())
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
