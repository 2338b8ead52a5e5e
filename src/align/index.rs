//! Candidate pairs: each sentence with the sentences of the other side
//! that share its rarer content words, through an inverted index; every
//! pair when the documents are small ([`EXHAUSTIVE_PAIRS`]).

use super::{CANDIDATES, COMMON_SHARE, EXHAUSTIVE_PAIRS};
use crate::similarity::Weights;
use crate::text::{SentenceFeatures, TermId};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// The sentence pairs worth scoring, in no order and possibly repeated:
/// the caller sorts them once, with whatever it adds.
pub(super) fn candidates(
    fa: &[SentenceFeatures],
    fb: &[SentenceFeatures],
    w: &Weights,
) -> Vec<(usize, usize)> {
    if fa.len().saturating_mul(fb.len()) <= EXHAUSTIVE_PAIRS {
        return (0..fa.len())
            .flat_map(|i| (0..fb.len()).map(move |j| (i, j)))
            .collect();
    }
    // The two indexes are independent: built at once.
    let (index_b, index_a) = rayon::join(|| Index::new(fb, w), || Index::new(fa, w));
    let pairs: Vec<(usize, usize)> = (0..fa.len())
        .into_par_iter()
        .map_init(
            || Scratch::new(fb.len()),
            |scratch, i| {
                index_b
                    .nearest(&fa[i], w, scratch)
                    .into_iter()
                    .map(move |j| (i, j))
                    .collect::<Vec<_>>()
            },
        )
        .flatten_iter()
        .chain(
            (0..fb.len())
                .into_par_iter()
                .map_init(
                    || Scratch::new(fa.len()),
                    |scratch, j| {
                        index_a
                            .nearest(&fb[j], w, scratch)
                            .into_iter()
                            .map(move |i| (i, j))
                            .collect::<Vec<_>>()
                    },
                )
                .flatten_iter(),
        )
        .collect();
    pairs
}

/// Inverted index from content words (and whole word sequences, for
/// sentences without content words) to sentences of one side.
struct Index {
    postings: FxHashMap<TermId, Vec<u32>>,
    by_words: FxHashMap<Vec<TermId>, Vec<u32>>,
    /// Square root of each sentence's content weight, to rank candidates.
    norms: Vec<f32>,
    cap: usize,
}

impl Index {
    fn new(side: &[SentenceFeatures], w: &Weights) -> Index {
        let mut postings: FxHashMap<TermId, Vec<u32>> = FxHashMap::default();
        let mut by_words: FxHashMap<Vec<TermId>, Vec<u32>> = FxHashMap::default();
        for (k, s) in side.iter().enumerate() {
            for t in &s.terms {
                postings.entry(t.id).or_default().push(k as u32);
            }
            if s.terms.is_empty() && !s.words.is_empty() {
                by_words.entry(s.words.clone()).or_default().push(k as u32);
            }
        }
        let cap = ((side.len() as f32 * COMMON_SHARE) as usize).max(CANDIDATES * 4);
        let norms = side.iter().map(|s| w.total(s).sqrt().max(1.0)).collect();
        Index {
            postings,
            by_words,
            norms,
            cap,
        }
    }

    /// The sentences sharing the most weight of rare words with `s`, best
    /// first (ties by index, so the choice is deterministic). The shared
    /// weight is divided by the square root of the candidate's own weight,
    /// as in a cosine, so that among many sentences sharing one word with
    /// a short sentence the short ones come first.
    fn nearest(&self, s: &SentenceFeatures, w: &Weights, scratch: &mut Scratch) -> Vec<usize> {
        if s.terms.is_empty() {
            // Like any candidate list, at most CANDIDATES: a sentence of
            // function words repeated thousands of times (a feed's "Read
            // more.") would otherwise pair every copy with every copy.
            return self
                .by_words
                .get(&s.words)
                .map(|v| v.iter().take(CANDIDATES).map(|&k| k as usize).collect())
                .unwrap_or_default();
        }
        for t in &s.terms {
            if let Some(list) = self.postings.get(&t.id) {
                if list.len() > self.cap {
                    continue;
                }
                let wt = w.of(t);
                for &k in list {
                    if let Some(slot) = scratch.acc.get_mut(k as usize) {
                        if *slot == 0.0 {
                            scratch.touched.push(k);
                        }
                        *slot += wt;
                    }
                }
            }
        }
        // The best CANDIDATES, kept sorted while the touched sentences are
        // read: most of them (a long document's sentences share a common
        // word with hundreds) lose to the current last at one comparison,
        // where ranking them all took a selection over every one (77 M of
        // the 170 M here at K=3000). The order is total (ties by index),
        // so the list is the one a full sort gives.
        let order = |x: &(u32, f32), y: &(u32, f32)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
        let mut best: Vec<(u32, f32)> = Vec::with_capacity(CANDIDATES + 1);
        for &k in &scratch.touched {
            let acc = scratch.acc.get(k as usize).copied().unwrap_or(0.0);
            let norm = self.norms.get(k as usize).copied().unwrap_or(1.0);
            let item = (k, acc / norm);
            if best.len() == CANDIDATES
                && best
                    .last()
                    .is_some_and(|last| order(&item, last) != std::cmp::Ordering::Less)
            {
                continue;
            }
            let at = best.partition_point(|x| order(x, &item) == std::cmp::Ordering::Less);
            best.insert(at, item);
            best.truncate(CANDIDATES);
        }
        // Reset only once all are read: a term of weight 0 can list a
        // sentence twice, and both copies read the same sum.
        for &k in &scratch.touched {
            if let Some(slot) = scratch.acc.get_mut(k as usize) {
                *slot = 0.0;
            }
        }
        scratch.touched.clear();
        best.into_iter().map(|(k, _)| k as usize).collect()
    }
}

/// Per-thread buffers of [`Index::nearest`]: an accumulator per sentence of
/// the indexed side and the list of those touched, to reset them cheaply.
struct Scratch {
    acc: Vec<f32>,
    touched: Vec<u32>,
}

impl Scratch {
    fn new(n: usize) -> Scratch {
        Scratch {
            acc: vec![0.0; n],
            touched: Vec::new(),
        }
    }
}
