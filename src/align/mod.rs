//! Sentence alignment of two documents.
//!
//! Wires reorder, cut and merge sentences, so alignment is not bound to
//! text order: every sentence of A may pair with any sentence of B. The
//! steps:
//!
//! 1. **Candidates.** Each sentence is paired only with the sentences of the
//!    other side that share its rarer content words, found through an
//!    inverted index (a word used in a large share of the sentences leads to
//!    too many sentences to be a useful key, and weighs little anyway). Small
//!    documents skip this and score every pair.
//! 2. **Scores.** Candidate pairs are scored with a [`Similarity`] measure in
//!    parallel (rayon); each pair's score depends only on the two sentences
//!    and the weights, so results do not depend on the number of threads.
//!    Two priors from how news is written then raise some pairs, where the
//!    words alone say too little (see [`LEDE_BONUS`] and [`PERSON_SCORE`]):
//!    the two ledes, and the two sentences where a person named only in
//!    passing appears.
//! 3. **One-to-one.** Pairs are taken greedily from the best score down, each
//!    sentence used once. A pair is kept when its score reaches
//!    [`AlignOptions::threshold`], or, when the two sentences are each
//!    other's best match, the lower [`AlignOptions::mutual_threshold`].
//! 4. **Merges.** A sentence left over whose content is carried by an
//!    aligned sentence of the other side, next to that sentence's partner,
//!    joins the group: one sentence of A told as two in B, or the reverse.
//! 5. **Kinds.** `same` (equal words once case and punctuation are set
//!    aside), `edited` (most word pairs kept), `paraphrase`, `merged`.

//!
//! By job: `index` (candidates from the inverted index of rare words),
//! `score` (the priors and the locality rule applied to the scores),
//! `select` (the one-to-one choice, the merges and the kinds); the
//! scoring itself runs in parallel in [`align_with`].

mod index;
mod score;
mod select;
#[cfg(test)]
mod tests;

pub use score::Prior;

use crate::similarity::{Blend, Breakdown, Similarity, Weights};
use crate::text::{misspellings, relink, Features};
use index::candidates;
use rayon::prelude::*;
use score::{apply_priors, keep_local, priors};
use select::{kind_of, merge, one_to_one};
use serde::Serialize;

/// Pairs scoring at least this are aligned outright.
///
/// Calibrated, with [`MUTUAL_THRESHOLD`], on the BASIL articles of
/// `../shared/eval/basil` (100 events, 3 outlets each), not on the seeds nor
/// on the ALIGN workloads the benchmark scores: alignments made between
/// articles about different events are all false, and those made between two
/// outlets' articles about one event are mostly true. Run
/// `cargo run --release --example align_calibration -- basil` to print
/// the sweep. Pairs that are not each other's best match almost
/// never score between 0.30 and 0.50 (the count of alignments moves by 2 of
/// 381 over that range), so the threshold sits at the low end, where it
/// still adds the few real ones. The ALIGN K=30 workload (gold units) is
/// the check: F1 0.996 for every threshold from 0.20 to 0.60.
pub const THRESHOLD: f32 = 0.30;

/// Pairs that are each other's best match are aligned from this score on.
///
/// Two sentences that prefer each other over every other sentence of both
/// articles are far more likely to report the same fact than a pair with
/// the same score where one side has a better partner. Set on the BASIL
/// sweep (see [`THRESHOLD`]) as the lowest step of 0.05 at which the
/// alignments it adds are still at least 90% true, counting the false ones
/// by the rate between different-event articles: per article pair, going
/// from 0.30 to 0.25 adds 0.86 alignments between same-event articles and
/// 0.06 between different-event ones (93%); going on to 0.20 adds 1.25 and
/// 0.15 (88%).
pub const MUTUAL_THRESHOLD: f32 = 0.25;

/// A left-over sentence joins a neighbour's alignment when at least this
/// share of its content weight is found in the other side's sentence, and
/// the group's score rises by joining it. Set by reasoning rather than
/// fitted: more than half of what the sentence says must be in the other
/// side (a sentence split in two leaves each half about fully covered). On
/// the BASIL sweep it makes 7 merges between same-event articles and none
/// between different-event ones. Sentences away from the
/// group are not merged: tried with a score floor and a coverage gain, it
/// also joined related sentences that only share a topic.
pub const MERGE_COVERAGE: f32 = 0.6;

/// Word-pair (bigram) Dice from which an aligned pair counts as `edited`
/// rather than `paraphrase`: above it most of one sentence's phrasing is
/// kept in the other. A light edit of a 20-word sentence (a substitution, a
/// lead-in, a moved clause) keeps about 0.7–0.9 of its word pairs; two
/// independent wordings of one fact keep under 0.3.
pub const EDITED_SURFACE: f32 = 0.5;

/// Up to this many sentence pairs are scored exhaustively; larger documents
/// go through the inverted index. About a millisecond of scoring.
const EXHAUSTIVE_PAIRS: usize = 20_000;

/// Number of candidate partners kept per sentence, ranked by the weight of
/// the rare words they share; the extra places guard against sentences that
/// share a rare name with many others. On the ALIGN workloads (gold units,
/// `cargo run --release --example align_calibration -- candidates`) the
/// candidates hold 674 of 674 gold pairs at K=300 and 2,277 of 2,279 at
/// K=3000, where 32,952 pairs are scored instead of 8.6 million.
const CANDIDATES: usize = 8;

/// A word whose sentences make up more than this share of a side is not
/// used to find candidates.
const COMMON_SHARE: f32 = 0.05;

/// Added to the score of the two documents' first sentences when they share
/// at least [`LEDE_MIN_SHARED`] content words.
///
/// News is written as an inverted pyramid: the first sentence tells the
/// news, so the ledes of two reports of one event usually tell the same
/// news, in words chosen apart (each desk writes its own lede), which is
/// why they often score below sentences copied from one another. The bonus
/// makes the pair win over a competitor that shares a few more words with
/// one of the ledes by chance. Set by reasoning, at half of [`THRESHOLD`]:
/// a lede pair needs about half the word evidence of any other pair. Checked
/// on the BASIL articles (`cargo run --release
/// --example align_calibration -- priors`): with
/// [`EVENT_EVIDENCE`], it is applied to no pair of articles about different
/// events, and to 126 of 300 pairs of outlets reporting one event, of
/// which 116 are then aligned.
pub const LEDE_BONUS: f32 = 0.15;

/// Content words (names, titles and function words aside, numbers kept)
/// the ledes must share for [`LEDE_BONUS`]: two, so that one topic word
/// ("police", "election") that ledes of any two stories of a kind share is
/// not enough. Set by reasoning; the BASIL check above shows how many lede
/// pairs pass it between same-event and different-event articles.
pub const LEDE_MIN_SHARED: usize = 2;

/// A person named in full ([`crate::text::FullName`]) in exactly one
/// sentence of each document, and by surname in at most
/// [`MINOR_MENTIONS`] sentences of each, brings those two sentences up to
/// this score when they also share a content word (names and titles aside).
///
/// A person who appears once in each report, in passing, is there for one
/// fact, and two reports of one event that both bring them in most likely
/// report that fact, in words far enough apart that the overlap signals
/// miss it ("X warned that…" / "X suggested … its warnings"). The shared
/// word keeps apart two sentences that only name the same person for
/// different things; the limit on mentions keeps out the main actors of a
/// story, named in many sentences about many things, whose full name in
/// each article's first mention says little about what is reported there.
/// Equal to [`THRESHOLD`]: the pair is aligned when nothing better claims
/// either sentence.
pub const PERSON_SCORE: f32 = THRESHOLD;

/// See [`PERSON_SCORE`]: a person named in more sentences than this on one
/// side is a main actor of that story. Two, because news style names a
/// person in full and may then attribute one quote to them by surname
/// ("…," Rogozin said) as part of the same passage.
pub const MINOR_MENTIONS: usize = 2;

/// The priors ([`LEDE_BONUS`], [`PERSON_SCORE`]) hold for two reports of
/// one event, so they apply only when at least this many other sentence
/// pairs (sharing neither sentence of the raised pair) score
/// [`THRESHOLD`] on their words: two articles that share no sentence are
/// most likely about different events, whatever their ledes share. Checked
/// on the BASIL articles (`cargo run --release --example
/// align_calibration -- priors`): between 300 pairs of articles about
/// different events, the priors add 4 alignments (all false) with 1 and
/// none with 2; between 300 pairs of outlets
/// reporting one event, they add 126 with 1 and 107 with 2.
pub const EVENT_EVIDENCE: usize = 2;

/// In long documents, a pair that is not a near copy must lie within this
/// many sentences, on both sides, of one that is.
///
/// Two wires tell one story in their own order, so inside a story any
/// pairing is plausible. A document longer than a story (a digest, a live
/// blog, a transcript, a batch of stories) keeps each story's sentences
/// together, and the near copies ([`EDITED_SURFACE`]) show where each story
/// of A sits in B; a paraphrase-level pair far from all of them joins
/// sentences of two different stories that happen to share a topic. Set by
/// reasoning, above the length of any one article we have: BASIL's run to
/// 79 sentences, PolNeAR's to 200 with 90% under 62. Between two articles
/// shorter than this, or with no near copy at all, it never applies.
pub const STORY_SPAN: usize = 100;

/// Settings of an alignment.
#[derive(Debug, Clone, Copy)]
pub struct AlignOptions {
    /// See [`THRESHOLD`].
    pub threshold: f32,
    /// See [`MUTUAL_THRESHOLD`]; at most `threshold`.
    pub mutual_threshold: f32,
    /// Join left-over sentences into one-to-many groups.
    pub merge: bool,
    /// Apply [`LEDE_BONUS`] to the first sentences.
    pub lede_prior: bool,
    /// Apply [`PERSON_SCORE`] to the sentences that bring in a person
    /// named in passing.
    pub person_prior: bool,
    /// Keep paraphrase-level pairs near the near copies ([`STORY_SPAN`]).
    pub locality: bool,
}

impl Default for AlignOptions {
    fn default() -> AlignOptions {
        AlignOptions {
            threshold: THRESHOLD,
            mutual_threshold: MUTUAL_THRESHOLD,
            merge: true,
            lede_prior: true,
            person_prior: true,
            locality: true,
        }
    }
}

impl AlignOptions {
    /// Options with a given threshold; the mutual threshold keeps its
    /// default distance below it.
    pub fn with_threshold(threshold: f32) -> AlignOptions {
        AlignOptions {
            threshold,
            mutual_threshold: (threshold - (THRESHOLD - MUTUAL_THRESHOLD)).max(0.0),
            ..AlignOptions::default()
        }
    }
}

/// How an aligned group of sentences relates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AlignKind {
    /// The same words (case, quotes and spacing aside).
    Same,
    /// The same sentence with some words changed.
    Edited,
    /// The same fact in other words.
    Paraphrase,
    /// One sentence of one side carried by several of the other.
    Merged,
}

/// A group of sentences of A and B that say the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Aligned {
    /// Sentence indexes in A, ascending.
    pub a: Vec<usize>,
    /// Sentence indexes in B, ascending.
    pub b: Vec<usize>,
    /// Similarity of the group, in [0, 1].
    pub score: f32,
    /// How they relate.
    pub kind: AlignKind,
}

/// Aligns the sentences of two documents with the default measure and
/// weights taken over the two documents. Groups come sorted by their first
/// sentence in A.
pub fn align(a: &Features, b: &Features, opts: &AlignOptions) -> Vec<Aligned> {
    let links = misspellings(a, b);
    let relinked;
    let b = if links.is_empty() {
        b
    } else {
        relinked = relink(b, &links);
        &relinked
    };
    let weights = Weights::new(&[a, b]);
    align_with(a, b, opts, &Blend::default(), &weights)
}

/// The sentence pairs [`align`] would score, sorted and unique, with the
/// weights taken over the two documents: what the calibration report
/// (`examples/align_calibration.rs`) checks the inverted index against
/// (it must keep the true pairs).
pub fn candidate_pairs(a: &Features, b: &Features) -> Vec<(usize, usize)> {
    let w = Weights::new(&[a, b]);
    let mut pairs = candidates(&a.sentences, &b.sentences, &w);
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

/// The pairs the priors raise at the default options, every pair scored by
/// words alone first: what the calibration report shows of the priors.
pub fn raised_priors(a: &Features, b: &Features) -> Vec<(usize, usize, Prior)> {
    let (fa, fb) = (&a.sentences, &b.sentences);
    let w = Weights::new(&[a, b]);
    let mut scored: Vec<(usize, usize, Breakdown)> = (0..fa.len())
        .flat_map(|i| (0..fb.len()).map(move |j| (i, j)))
        .map(|(i, j)| (i, j, Blend::default().compare(&fa[i], &fb[j], &w)))
        .collect();
    apply_priors(&mut scored, &priors(fa, fb, &AlignOptions::default()))
}

/// Aligns with a given measure and weights (a corpus may weigh words over
/// many documents).
pub fn align_with(
    a: &Features,
    b: &Features,
    opts: &AlignOptions,
    measure: &dyn Similarity,
    weights: &Weights,
) -> Vec<Aligned> {
    let (fa, fb) = (&a.sentences, &b.sentences);
    let priors = priors(fa, fb, opts);
    let mut candidates = candidates(fa, fb, weights);
    candidates.extend(priors.iter().map(|&(i, j, _)| (i, j)));
    // One sort for the index's pairs and the priors together (the index's
    // were sorted once more before).
    candidates.par_sort_unstable();
    candidates.dedup();
    let mut scored: Vec<(usize, usize, Breakdown)> = candidates
        .into_par_iter()
        .map(|(i, j)| (i, j, measure.compare(&fa[i], &fb[j], weights)))
        .collect();
    apply_priors(&mut scored, &priors);
    if opts.locality {
        keep_local(&mut scored, opts.threshold);
    }

    let groups = one_to_one(&scored, fa.len(), fb.len(), opts);
    let mut groups: Vec<Aligned> = groups
        .into_iter()
        .map(|(i, j, bd)| Aligned {
            a: vec![i],
            b: vec![j],
            score: bd.score,
            kind: kind_of(&bd, false),
        })
        .collect();
    if opts.merge {
        merge(&mut groups, &scored, fa, fb, measure, weights);
    }
    groups.sort_by_key(|g| (g.a.first().copied(), g.b.first().copied()));
    groups
}
