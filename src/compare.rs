//! The two-article comparison: sentence alignments with word diffs, quote
//! matches, what only one side has, and the summary counts.
//!
//! `compare` computes each article's text features once ([`crate::text`]),
//! aligns the sentences ([`crate::align`]), diffs each aligned group word by
//! word, and asks [`crate::quotes`] for the quote matches. It then settles
//! what the views show: which alignments B tells out of A's order
//! (`moved`) and the order a reader follows ([`ReadingItem`]). The result
//! is plain data that every renderer reads without computing anything.
//! Last, [`crate::discrepancy`] flags the facts the aligned sentences and
//! shared quotes state differently.

pub use crate::align::AlignKind;
use crate::align::{align, AlignOptions};
use crate::diff::{word_diff, DiffOp};
use crate::discrepancy::Discrepancy;
use crate::quotes::{match_quotes, QuoteMatch};
use crate::span::Pair;
use crate::text::Features;
use crate::Document;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

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
    /// B tells it at another point of its story than A does: the group is
    /// not on the longest run of alignments both articles tell in the same
    /// order. Set by [`finish`].
    pub moved: bool,
    /// Word diff from A's sentences to B's; its runs rebuild both groups'
    /// texts (joined by single spaces), so it is empty only when both are.
    pub diff: Vec<DiffOp>,
}

/// One row of a comparison in the order a reader follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "row", content = "index")]
pub enum ReadingItem {
    /// Alignment `index` of `Comparison::alignments`.
    Aligned(usize),
    /// A sentence only A has.
    OnlyA(usize),
    /// A sentence only B has.
    OnlyB(usize),
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
    /// Facts the two sides state differently (see [`crate::discrepancy`]).
    pub discrepancies: usize,
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
    /// Every alignment and unmatched sentence once, in reading order (see
    /// [`reading_order`]).
    pub reading_order: Vec<ReadingItem>,
    /// Counts.
    pub summary: Summary,
    /// Facts the aligned sentences and shared quotes state differently, in
    /// A's order.
    pub discrepancies: Vec<Discrepancy>,
}

impl Comparison {
    /// Whether the two articles differ, as `--exit-code` reports it: a
    /// sentence only one side has, or an aligned group whose words are not
    /// the same. Quotes are not counted apart: a quote differs only inside
    /// a sentence that does.
    pub fn differs(&self) -> bool {
        self.summary.a_only_sentences > 0
            || self.summary.b_only_sentences > 0
            || self.alignments.iter().any(|al| al.kind != AlignKind::Same)
    }
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
    compare_features(a, &fa, b, &fb, opts)
}

/// As [`compare`], with each article's sentence features already made by
/// [`Features::of`]: comparing many pairs of a few articles
/// ([`crate::nway`]) makes them once per article, not once per pair.
pub fn compare_features(
    a: &Document,
    fa: &Features,
    b: &Document,
    fb: &Features,
    opts: &CompareOptions,
) -> Comparison {
    let align_opts = match opts.threshold {
        Some(t) => AlignOptions::with_threshold(t),
        None => AlignOptions::default(),
    };
    // The quote matches need only the two documents: they are made while
    // the sentences are aligned and diffed (a fifth of a long pair's work,
    // which ran on one core after the alignment). Each group's word diff
    // depends only on its two texts, so the diffs are made in parallel;
    // `collect` keeps the alignments' order, so the result is the same on
    // any number of threads.
    let (alignments, quote_matches) = rayon::join(
        || {
            align(fa, fb, &align_opts)
                .into_par_iter()
                .map(|g| {
                    let diff = word_diff(&group_text(a, &g.a), &group_text(b, &g.b));
                    let (kind, score) = settle_kind(g.kind, g.score, &diff);
                    Alignment {
                        a: g.a,
                        b: g.b,
                        score,
                        kind,
                        moved: false,
                        diff,
                    }
                })
                .collect()
        },
        || match_quotes(a, b),
    );
    finish(a, b, alignments, quote_matches)
}

/// The kind a reader is shown: `same` when the diff changes no word (the
/// two differ at most in typography, see [`crate::diff::key`]), `edited`
/// when the measure found the same stems but the diff a changed word
/// (`talks` and `talk`); a pair with a changed word scores below 1, which
/// means the same words.
fn settle_kind(kind: AlignKind, score: f32, diff: &[DiffOp]) -> (AlignKind, f32) {
    let edits = crate::diff::has_edits(diff);
    match kind {
        AlignKind::Same if edits => (AlignKind::Edited, score.min(0.99)),
        AlignKind::Edited | AlignKind::Paraphrase if !edits => (AlignKind::Same, score),
        // One side holding all of the other scores 1 too; a changed word
        // keeps it below.
        _ if edits => (kind, score.min(0.99)),
        _ => (kind, score),
    }
}

/// The text of a group of sentences, joined by single spaces.
fn group_text(d: &Document, idx: &[usize]) -> String {
    let parts: Vec<&str> = idx.iter().map(|&i| d.sentence_text(i)).collect();
    parts.join(" ")
}

/// Fills the unmatched lists, which alignments are moved, the reading
/// order and the summary from the alignments and quote matches.
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
    let reading_order = arrange(&mut alignments, &unmatched);
    let groups: Vec<crate::discrepancy::Group> = alignments
        .iter()
        .map(|al| crate::discrepancy::Group {
            a: &al.a,
            b: &al.b,
            closeness: closeness(al),
        })
        .collect();
    let discrepancies = crate::discrepancy::find(a, b, &groups, &quote_matches);
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
        discrepancies: discrepancies.len(),
    };
    Comparison {
        alignments,
        quote_matches,
        unmatched,
        unmatched_quotes,
        reading_order,
        summary,
        discrepancies,
    }
}

/// Whether an alignment's sentences are near copies, whose facts sit in the
/// same slots, or a paraphrase (see [`crate::facts::compare::Closeness`]).
/// 0.6 is where GVA's edited pairs stop being rewrites of one sentence and
/// start being two sentences about one event (credits, another day's step).
/// A short sentence with one word changed scores low however close it
/// is, so a pair that changes at most three words a side is close too.
fn closeness(al: &Alignment) -> crate::facts::compare::Closeness {
    use crate::diff::Op;
    use crate::facts::compare::Closeness;
    let changed = |op: Op| -> usize {
        al.diff
            .iter()
            .filter(|d| d.op == op)
            .map(|d| d.text.split_whitespace().count())
            .sum()
    };
    let few = changed(Op::Delete) <= 3 && changed(Op::Insert) <= 3;
    if al.kind != AlignKind::Paraphrase && (al.score >= 0.6 || few) {
        Closeness::Close
    } else {
        Closeness::Loose
    }
}

/// Marks the moved alignments and returns the reading order (see
/// [`reading_order`]). `unmatched` are the sentences in no alignment.
pub fn arrange(alignments: &mut [Alignment], unmatched: &Pair<Vec<usize>>) -> Vec<ReadingItem> {
    let first = |ids: &[usize]| ids.iter().min().copied();
    let bpos: Vec<Option<usize>> = alignments.iter().map(|al| first(&al.b)).collect();
    let mut order: Vec<usize> = (0..alignments.len()).collect();
    order.sort_by_key(|&k| (alignments.get(k).and_then(|al| first(&al.a)), k));
    let mut kept = vec![false; alignments.len()];
    for k in longest_increasing(&order, &bpos) {
        if let Some(slot) = kept.get_mut(k) {
            *slot = true;
        }
    }
    for (k, al) in alignments.iter_mut().enumerate() {
        al.moved = first(&al.b).is_some() && !kept.get(k).copied().unwrap_or(false);
    }
    reading_order(alignments, unmatched)
}

/// The order a reader follows: A's order, each B-only sentence right after
/// the row holding the B sentence before it (or before the row holding the
/// B sentence after it).
pub fn reading_order(alignments: &[Alignment], unmatched: &Pair<Vec<usize>>) -> Vec<ReadingItem> {
    let first = |ids: &[usize]| ids.iter().min().copied();
    let mut keyed: Vec<((usize, u8, usize, usize), ReadingItem)> = Vec::new();
    // Where each aligned B sentence sits in A's order.
    let mut anchor: BTreeMap<usize, usize> = BTreeMap::new();
    for (k, al) in alignments.iter().enumerate() {
        let apos = first(&al.a).unwrap_or(usize::MAX);
        for &j in &al.b {
            anchor.entry(j).or_insert(apos);
        }
        keyed.push(((apos, 1, k, 0), ReadingItem::Aligned(k)));
    }
    for &i in &unmatched.a {
        keyed.push(((i, 1, usize::MAX, i), ReadingItem::OnlyA(i)));
    }
    for &j in &unmatched.b {
        let key = match (anchor.range(..j).next_back(), anchor.range(j..).next()) {
            (Some((_, &p)), _) => (p, 2, j, 0),
            (None, Some((_, &p))) => (p, 0, j, 0),
            (None, None) => (usize::MAX, 2, j, 0),
        };
        keyed.push((key, ReadingItem::OnlyB(j)));
    }
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, item)| item).collect()
}

/// The alignments (given in A's order) that lie on one longest run of
/// increasing B positions; the others are the moved ones.
fn longest_increasing(order: &[usize], bpos: &[Option<usize>]) -> Vec<usize> {
    let seq: Vec<(usize, usize)> = order
        .iter()
        .filter_map(|&k| Some((k, (*bpos.get(k)?)?)))
        .collect();
    // Patience sorting: tails[l] is the index in `seq` of the smallest
    // ending B position of an increasing run of length l + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    for (n, &(_, b)) in seq.iter().enumerate() {
        let l = tails.partition_point(|&t| seq.get(t).is_some_and(|&(_, tb)| tb < b));
        prev[n] = if l > 0 {
            tails.get(l - 1).copied()
        } else {
            None
        };
        if l == tails.len() {
            tails.push(n);
        } else if let Some(slot) = tails.get_mut(l) {
            *slot = n;
        }
    }
    let mut kept = Vec::new();
    let mut cur = tails.last().copied();
    while let Some(n) = cur {
        if let Some(&(k, _)) = seq.get(n) {
            kept.push(k);
        }
        cur = prev.get(n).copied().flatten();
    }
    kept
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

    fn al(a: &[usize], b: &[usize]) -> Alignment {
        Alignment {
            a: a.to_vec(),
            b: b.to_vec(),
            score: 0.9,
            kind: AlignKind::Edited,
            moved: false,
            diff: Vec::new(),
        }
    }

    /// The reading order and the moved flags of hand-made alignments.
    fn arranged(
        mut alignments: Vec<Alignment>,
        only_a: &[usize],
        only_b: &[usize],
    ) -> (Vec<ReadingItem>, Vec<bool>) {
        let order = arrange(
            &mut alignments,
            &Pair::new(only_a.to_vec(), only_b.to_vec()),
        );
        (order, alignments.iter().map(|al| al.moved).collect())
    }

    #[test]
    fn reading_order_follows_a_and_places_b_only_near_neighbours() {
        // A: 0 1 2 3; B: 0 1 2 3 4. A0=B1, A2=B3, A3=B0 (moved); A1 only
        // in A; B2 follows B1, B4 follows B3.
        let (order, moved) = arranged(
            vec![al(&[0], &[1]), al(&[2], &[3]), al(&[3], &[0])],
            &[1],
            &[2, 4],
        );
        use ReadingItem::*;
        assert_eq!(
            order,
            vec![
                Aligned(0),
                OnlyB(2),
                OnlyA(1),
                Aligned(1),
                OnlyB(4),
                Aligned(2)
            ]
        );
        assert_eq!(moved, vec![false, false, true]);
    }

    #[test]
    fn b_only_before_any_alignment_comes_first() {
        let (order, moved) = arranged(vec![al(&[0], &[2])], &[], &[0, 1]);
        use ReadingItem::*;
        assert_eq!(order, vec![OnlyB(0), OnlyB(1), Aligned(0)]);
        assert_eq!(moved, vec![false]);
        let (none, _) = arranged(Vec::new(), &[0], &[0]);
        assert_eq!(none, vec![OnlyA(0), OnlyB(0)]);
    }

    #[test]
    fn articles_differ_unless_every_sentence_aligns_word_for_word() {
        let a = doc(
            "Storm",
            "The storm knocked out power to 40,000 homes on Sunday.",
        );
        let same = compare(&a, &a, &CompareOptions::default());
        assert!(!same.differs());
        let b = doc(
            "Storm",
            "The storm knocked out power to 40,000 homes on Sunday. Schools stay shut.",
        );
        assert!(compare(&a, &b, &CompareOptions::default()).differs());
    }

    fn body() -> impl Strategy<Value = String> {
        let word = proptest::sample::select([crate::testing::NEWS_WORDS, &["crews"]].concat());
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
            prop_assert_eq!(
                c.reading_order.len(),
                c.alignments.len() + c.unmatched.a.len() + c.unmatched.b.len()
            );
            for al in &c.alignments {
                prop_assert_eq!(crate::diff::rebuild(&al.diff, crate::Side::A), group_text(&da, &al.a));
                prop_assert_eq!(crate::diff::rebuild(&al.diff, crate::Side::B), group_text(&db, &al.b));
            }
        }
    }
}
