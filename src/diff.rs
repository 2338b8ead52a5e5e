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
pub fn word_diff(a: &str, b: &str) -> Vec<DiffOp> {
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
}
