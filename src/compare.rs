//! The two-article comparison: sentence alignments with word diffs, quote
//! matches, what only one side has, and the summary counts.
//!
//! `compare` computes each article's text features once ([`crate::text`]),
//! aligns the sentences ([`crate::align`]), diffs each aligned group word by
//! word, and asks [`crate::quotes`] for the quote matches. The result is
//! plain data that every renderer reads without recomputing anything.

pub use crate::align::AlignKind;
use crate::align::{align, AlignOptions};
use crate::diff::{word_diff, DiffOp};
use crate::quotes::{match_quotes, QuoteMatch};
use crate::span::Pair;
use crate::text::Features;
use crate::Document;
use serde::Serialize;

/// Sentences of A and B that say the same thing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alignment {
    /// Sentence indexes in A (more than one: together they match `b`).
    pub a: Vec<usize>,
    /// Sentence indexes in B.
    pub b: Vec<usize>,
    /// Similarity in [0, 1].
    pub score: f32,
    /// How they relate.
    pub kind: AlignKind,
    /// Word diff from A's sentences to B's.
    pub diff: Vec<DiffOp>,
}

/// The counts an editor reads first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Sentences in A.
    pub a_sentences: usize,
    /// Sentences in B.
    pub b_sentences: usize,
    /// Alignments made.
    pub aligned: usize,
    /// Sentences of A in no alignment.
    pub a_only_sentences: usize,
    /// Sentences of B in no alignment.
    pub b_only_sentences: usize,
    /// Quote matches made.
    pub shared_quotes: usize,
    /// Of those, verbatim.
    pub verbatim_quotes: usize,
    /// Quotations of A matched to none of B.
    pub a_only_quotes: usize,
    /// Quotations of B matched to none of A.
    pub b_only_quotes: usize,
}

/// Everything `compare` found; renderers read it and compute nothing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Aligned sentence groups, in A's order.
    pub alignments: Vec<Alignment>,
    /// Quotes the two sides share.
    pub quote_matches: Vec<QuoteMatch>,
    /// Sentence indexes in no alignment, per side.
    pub unmatched: Pair<Vec<usize>>,
    /// Quote indexes in no match, per side.
    pub unmatched_quotes: Pair<Vec<usize>>,
    /// Counts.
    pub summary: Summary,
}

/// Settings of a comparison.
#[derive(Debug, Clone, Default)]
pub struct CompareOptions {
    /// Minimum score for two sentences to be aligned; `None` is the
    /// calibrated default.
    pub threshold: Option<f32>,
}

/// Compares two analyzed articles.
pub fn compare(a: &Document, b: &Document, opts: &CompareOptions) -> Comparison {
    let (fa, fb) = rayon::join(|| Features::of(a), || Features::of(b));
    let align_opts = match opts.threshold {
        Some(t) => AlignOptions::with_threshold(t),
        None => AlignOptions::default(),
    };
    let alignments = align(&fa, &fb, &align_opts)
        .into_iter()
        .map(|g| {
            let diff = word_diff(&group_text(a, &g.a), &group_text(b, &g.b));
            Alignment {
                a: g.a,
                b: g.b,
                score: g.score,
                kind: g.kind,
                diff,
            }
        })
        .collect();
    finish(a, b, alignments, match_quotes(a, b))
}

/// The text of a group of sentences, joined by single spaces.
fn group_text(d: &Document, idx: &[usize]) -> String {
    let parts: Vec<&str> = idx
        .iter()
        .filter_map(|&i| d.sentences.get(i))
        .map(|s| s.span.slice(&d.article.text))
        .collect();
    parts.join(" ")
}

/// Fills the unmatched lists and the summary from the alignments and quote
/// matches.
pub fn finish(
    a: &Document,
    b: &Document,
    mut alignments: Vec<Alignment>,
    quote_matches: Vec<QuoteMatch>,
) -> Comparison {
    alignments.sort_by_key(|al| (al.a.first().copied(), al.b.first().copied()));
    let mut in_a = vec![false; a.sentences.len()];
    let mut in_b = vec![false; b.sentences.len()];
    for al in &alignments {
        al.a.iter().for_each(|&i| in_a[i] = true);
        al.b.iter().for_each(|&j| in_b[j] = true);
    }
    let unmatched = Pair::new(
        (0..in_a.len()).filter(|&i| !in_a[i]).collect::<Vec<_>>(),
        (0..in_b.len()).filter(|&j| !in_b[j]).collect::<Vec<_>>(),
    );
    let mut qa = vec![false; a.quotes.len()];
    let mut qb = vec![false; b.quotes.len()];
    for m in &quote_matches {
        qa[m.a] = true;
        qb[m.b] = true;
    }
    let quotation = |d: &Document, k: usize| d.quotes[k].kind == crate::QuoteKind::Quotation;
    let unmatched_quotes = Pair::new(
        (0..qa.len()).filter(|&k| !qa[k]).collect::<Vec<_>>(),
        (0..qb.len()).filter(|&k| !qb[k]).collect::<Vec<_>>(),
    );
    let summary = Summary {
        a_sentences: a.sentences.len(),
        b_sentences: b.sentences.len(),
        aligned: alignments.len(),
        a_only_sentences: unmatched.a.len(),
        b_only_sentences: unmatched.b.len(),
        shared_quotes: quote_matches.len(),
        verbatim_quotes: quote_matches
            .iter()
            .filter(|m| m.kind == crate::quotes::MatchKind::Verbatim)
            .count(),
        a_only_quotes: unmatched_quotes
            .a
            .iter()
            .filter(|&&k| quotation(a, k))
            .count(),
        b_only_quotes: unmatched_quotes
            .b
            .iter()
            .filter(|&&k| quotation(b, k))
            .count(),
    };
    Comparison {
        alignments,
        quote_matches,
        unmatched,
        unmatched_quotes,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::article_from_text;
    use proptest::prelude::*;

    fn doc(title: &str, body: &str) -> Document {
        let text = format!("{title}\n\n{body}\n");
        Document::analyze(article_from_text("test.txt", &text).expect("a plain-text article"))
    }

    #[test]
    fn two_wires_on_one_story_align_and_keep_what_only_one_has() {
        let a = doc(
            "Storm cuts power",
            "The storm knocked out power to 40,000 homes on Sunday. Crews expect to restore \
             most service by Wednesday, the utility said.\n\nSchools in the county will stay \
             closed on Monday.",
        );
        let b = doc(
            "Power out after storm",
            "Schools in the county will stay closed on Monday.\n\nSunday's storm left 40,000 \
             homes without power. The governor praised the crews.",
        );
        let c = compare(&a, &b, &CompareOptions::default());
        let pairs: Vec<(Vec<usize>, Vec<usize>)> = c
            .alignments
            .iter()
            .map(|al| (al.a.clone(), al.b.clone()))
            .collect();
        assert_eq!(pairs, vec![(vec![0], vec![1]), (vec![2], vec![0])]);
        assert_eq!(c.alignments[1].kind, AlignKind::Same);
        assert_eq!(c.unmatched.a, vec![1]);
        assert_eq!(c.unmatched.b, vec![2]);
        assert_eq!(c.summary.aligned, 2);
        // The diff of the paraphrase rebuilds both sentences.
        let d = &c.alignments[0].diff;
        assert_eq!(crate::diff::rebuild(d, crate::Side::A), a.sentence_text(0));
        assert_eq!(crate::diff::rebuild(d, crate::Side::B), b.sentence_text(1));
    }

    fn body() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            Just("storm"),
            Just("power"),
            Just("homes"),
            Just("Sunday"),
            Just("governor"),
            Just("the"),
            Just("said"),
            Just("40"),
            Just("schools"),
            Just("closed"),
            Just("crews"),
        ];
        let sentence = proptest::collection::vec(word, 1..9).prop_map(|w| {
            let mut s = w.join(" ");
            s.push('.');
            s
        });
        proptest::collection::vec(sentence, 1..10).prop_map(|s| s.join(" "))
    }

    proptest! {
        #[test]
        fn every_sentence_is_aligned_or_unmatched_exactly_once(a in body(), b in body()) {
            let (da, db) = (doc("A", &a), doc("B", &b));
            let c = compare(&da, &db, &CompareOptions::default());
            for (n, groups, unmatched) in [
                (da.sentences.len(), c.alignments.iter().map(|al| &al.a).collect::<Vec<_>>(), &c.unmatched.a),
                (db.sentences.len(), c.alignments.iter().map(|al| &al.b).collect::<Vec<_>>(), &c.unmatched.b),
            ] {
                let mut seen = vec![0usize; n];
                for g in groups {
                    prop_assert!(!g.is_empty());
                    g.iter().for_each(|&i| seen[i] += 1);
                }
                unmatched.iter().for_each(|&i| seen[i] += 1);
                prop_assert!(seen.iter().all(|&k| k == 1), "{:?}", seen);
            }
            prop_assert_eq!(c.summary.aligned, c.alignments.len());
        }
    }
}
