//! The depth scores of the story finder's topic profile with the edges of the judged text
//! mirrored (`cleaner.stories.boundaries.edged`, as TextTiling treats a document's ends):
//! a gap whose climb to one side runs into an edge (the start or end of the text, or a gap
//! whose windows are too small to judge) before the cosines fall, while its climb to the
//! other side does not, counts the rise of that other side on both sides when it is the
//! larger.  Every float is computed in the order the Python did, so the depths are the
//! same to the last bit.

use pyo3::prelude::*;

/// Python's ``max(0.0, x)`` (``0.0`` unless ``x`` is larger).
fn at_least_zero(x: f64) -> f64 {
    if x > 0.0 { x } else { 0.0 }
}

/// For each gap, how far the cosines rise walking back from it while they do not fall,
/// and whether that walk ends at an edge (the start, or a gap too small to judge: None);
/// one pass, so a long run of rising cosines costs linear time.
fn climbs(cos: &[Option<f64>]) -> Vec<(f64, bool)> {
    let mut out = Vec::with_capacity(cos.len());
    let mut top = 0; // the index where the walk back from the current gap stops rising
    for (j, &here) in cos.iter().enumerate() {
        let Some(here) = here else {
            out.push((0.0, true));
            continue;
        };
        if j == 0 || cos[j - 1].is_none_or(|before| before < here) {
            top = j;
        }
        let high = cos[top].expect("the walk stops at a gap that was judged");
        out.push((high - here, top == 0 || cos[top - 1].is_none()));
    }
    out
}

/// `cleaner.stories.boundaries.edged`: the depths ``depth`` of the gaps whose cosines are
/// ``cos`` (None: too little text to judge), with the edges mirrored.
#[pyfunction]
pub fn edged(cos: Vec<Option<f64>>, mut depth: Vec<f64>) -> PyResult<Vec<f64>> {
    if depth.len() != cos.len() {
        return Err(crate::err("edged: cosines and depths of different lengths".into()));
    }
    let left = climbs(&cos);
    let backward: Vec<Option<f64>> = cos.iter().rev().copied().collect();
    let mut right = climbs(&backward);
    right.reverse();
    for (j, here) in cos.iter().enumerate() {
        if here.is_none() {
            continue;
        }
        let ((up_left, left_edge), (up_right, right_edge)) = (left[j], right[j]);
        if left_edge != right_edge {
            depth[j] += if left_edge { at_least_zero(up_right - up_left) } else { at_least_zero(up_left - up_right) };
        }
    }
    Ok(depth)
}
