//! Word-level diff of two short texts (sentences or quotes), shared by the
//! alignment and quote stages so every renderer shows the same changes.

use serde::Serialize;
use similar::{Algorithm, ChangeTag, TextDiff};

/// What happened to a run of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// In both texts.
    Equal,
    /// Only in the first text.
    Delete,
    /// Only in the second text.
    Insert,
}

/// A run of text with its operation. The `equal` and `delete` runs in order
/// rebuild the first text; the `equal` and `insert` runs rebuild the second.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffOp {
    /// What happened to the run.
    pub op: Op,
    /// The run's text, white space included.
    pub text: String,
}

/// Diffs two texts word by word (white space runs are tokens too, so the
/// parts rebuild both texts exactly). Adjacent runs of one op are merged.
///
/// Myers' algorithm (Patience falls back to it between unique words) costs
/// the length times the number of differences: quadratic on a huge run-on
/// "sentence" of a few repeated words. Texts longer than [`PIECE`] are
/// therefore cut at white space into pieces at the same relative positions
/// on both sides and diffed piece by piece, which is linear; the pieces
/// still rebuild both texts exactly. No real sentence or quote is that long.
pub fn word_diff(a: &str, b: &str) -> Vec<DiffOp> {
    if a.len().max(b.len()) <= PIECE {
        return whole_diff(a, b);
    }
    let n = a.len().max(b.len()) / PIECE + 1;
    let (mut ia, mut ib) = (0, 0);
    let mut out: Vec<DiffOp> = Vec::new();
    for k in 1..=n {
        let ca = cut(a, ia, k * a.len() / n);
        let cb = cut(b, ib, k * b.len() / n);
        for op in whole_diff(&a[ia..ca], &b[ib..cb]) {
            match out.last_mut() {
                Some(last) if last.op == op.op => last.text.push_str(&op.text),
                _ => out.push(op),
            }
        }
        (ia, ib) = (ca, cb);
    }
    out
}

/// Longest text (bytes) diffed in one piece.
const PIECE: usize = 8 * 1024;

/// The first white space at or after byte `at` (not before `from`), or the
/// end of `text`: where a piece ends.
fn cut(text: &str, from: usize, at: usize) -> usize {
    let mut at = at.max(from).min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |k| at + k)
}

fn whole_diff(a: &str, b: &str) -> Vec<DiffOp> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_unicode_words(a, b);
    let mut out: Vec<DiffOp> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => Op::Equal,
            ChangeTag::Delete => Op::Delete,
            ChangeTag::Insert => Op::Insert,
        };
        let text = change.value();
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => out.push(DiffOp {
                op,
                text: text.to_string(),
            }),
        }
    }
    out
}

/// Rebuilds one side from a diff: `Side::A` keeps equal and delete runs.
pub fn rebuild(ops: &[DiffOp], side: crate::Side) -> String {
    let keep = match side {
        crate::Side::A => Op::Delete,
        crate::Side::B => Op::Insert,
    };
    ops.iter()
        .filter(|o| o.op == Op::Equal || o.op == keep)
        .map(|o| o.text.as_str())
        .collect()
}

#[cfg(test)]
mod piece_tests {
    use super::*;

    #[test]
    fn long_texts_are_diffed_in_pieces_that_rebuild_both_sides() {
        let words = ["port", "union", "vote", "pay", "deal"];
        let a: Vec<&str> = (0..20_000).map(|i| words[(i * 3 + i / 7) % 5]).collect();
        let a = a.join(" ");
        let b = a.replace("union", "unions");
        let ops = word_diff(&a, &b);
        assert_eq!(rebuild(&ops, crate::Side::A), a);
        assert_eq!(rebuild(&ops, crate::Side::B), b);
        let changed: usize = ops.iter().filter(|o| o.op == Op::Insert).count();
        assert!(
            changed >= a.matches("union").count() / 2,
            "the edits are found"
        );
    }
}

/// Regroups a word diff for reading: a change that is only interrupted by
/// white space the two sides share is shown as one removed run and one added
/// run (`[-he told a-]{+agree on this+}`) rather than word by word
/// (`[-he-]{+agree+} [-told-]{+on+} [-a-]{+this+}`). The ops are the
/// stage's; only their grouping changes, and each side's text is kept.
pub fn regroup(ops: &[DiffOp]) -> Vec<DiffOp> {
    let blank = |o: &DiffOp| o.op == Op::Equal && o.text.trim().is_empty();
    let mut out: Vec<DiffOp> = Vec::new();
    let mut k = 0;
    while let Some(op) = ops.get(k) {
        if op.op == Op::Equal {
            out.push(op.clone());
            k += 1;
            continue;
        }
        // A stretch of changes and blank equal runs, ending on a change.
        let mut end = k;
        let mut j = k;
        while let Some(o) = ops.get(j) {
            if o.op != Op::Equal {
                end = j + 1;
            } else if !blank(o) {
                break;
            }
            j += 1;
        }
        let mut removed = String::new();
        let mut added = String::new();
        for o in ops.get(k..end).unwrap_or(&[]) {
            match o.op {
                Op::Delete => removed.push_str(&o.text),
                Op::Insert => added.push_str(&o.text),
                Op::Equal => {
                    removed.push_str(&o.text);
                    added.push_str(&o.text);
                }
            }
        }
        for (op, text) in [(Op::Delete, removed), (Op::Insert, added)] {
            if !text.trim().is_empty() {
                out.push(DiffOp { op, text });
            } else if !text.is_empty() {
                // Only white space on this side: keep it as a separator.
                out.push(DiffOp {
                    op: Op::Equal,
                    text: String::from(" "),
                });
            }
        }
        k = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Side;
    use proptest::prelude::*;

    #[test]
    fn words_changed_are_marked() {
        let ops = word_diff("we do not agree yet", "we all agree yet");
        assert_eq!(rebuild(&ops, Side::A), "we do not agree yet");
        assert_eq!(rebuild(&ops, Side::B), "we all agree yet");
        assert!(ops
            .iter()
            .any(|o| o.op == Op::Delete && o.text.contains("not")));
        assert!(ops
            .iter()
            .any(|o| o.op == Op::Insert && o.text.contains("all")));
    }

    proptest! {
        #[test]
        fn diff_rebuilds_both_sides(a in "\\PC{0,60}", b in "\\PC{0,60}") {
            let ops = word_diff(&a, &b);
            prop_assert_eq!(rebuild(&ops, Side::A), a);
            prop_assert_eq!(rebuild(&ops, Side::B), b);
        }
    }

    proptest::proptest! {
        #[test]
        fn regrouping_keeps_each_sides_words(a in "[a-c ]{0,30}", b in "[a-c ]{0,30}") {
            let ops = regroup(&word_diff(&a, &b));
            let words = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
            proptest::prop_assert_eq!(
                words(&rebuild(&ops, crate::Side::A)),
                words(&a)
            );
            proptest::prop_assert_eq!(
                words(&rebuild(&ops, crate::Side::B)),
                words(&b)
            );
        }
    }
}
