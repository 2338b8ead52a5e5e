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

use crate::similarity::{Blend, Breakdown, Similarity, Weights};
use crate::text::{is_role_word, misspellings, relink, Features, SentenceFeatures, Term, TermId};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
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
    candidates(&a.sentences, &b.sentences, &w)
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
    candidates.sort_unstable();
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

/// A pair whose wording shows one sentence was made from the other.
fn near_copy(bd: &Breakdown) -> bool {
    bd.same_words || bd.surface >= EDITED_SURFACE
}

/// Drops the pairs that are not near copies and lie farther than
/// [`STORY_SPAN`] from every near copy scoring `threshold` (see there).
/// `scored` is sorted by pair.
fn keep_local(scored: &mut Vec<(usize, usize, Breakdown)>, threshold: f32) {
    let anchors: Vec<(usize, usize)> = scored
        .iter()
        .filter(|p| p.2.score >= threshold && near_copy(&p.2))
        .map(|p| (p.0, p.1))
        .collect();
    if anchors.is_empty() {
        return;
    }
    scored.retain(|&(i, j, bd)| {
        if near_copy(&bd) {
            return true;
        }
        let from = anchors.partition_point(|a| a.0 + STORY_SPAN < i);
        anchors[from..]
            .iter()
            .take_while(|a| a.0 <= i + STORY_SPAN)
            .any(|a| a.1.abs_diff(j) <= STORY_SPAN)
    });
}

/// Raises the scores of the prior pairs found in `scored` (sorted by pair)
/// and returns those raised. Both priors hold for two reports of one event;
/// the documents show they are when other sentence pairs align on their
/// words alone ([`EVENT_EVIDENCE`]).
fn apply_priors(
    scored: &mut [(usize, usize, Breakdown)],
    priors: &[(usize, usize, Prior)],
) -> Vec<(usize, usize, Prior)> {
    let evidence = |i: usize, j: usize| {
        scored
            .iter()
            .filter(|p| p.0 != i && p.1 != j && p.2.score >= THRESHOLD)
            .take(EVENT_EVIDENCE)
            .count()
    };
    let raised: Vec<(usize, usize, Prior)> = priors
        .iter()
        .copied()
        .filter(|&(i, j, _)| evidence(i, j) >= EVENT_EVIDENCE)
        .collect();
    for &(i, j, prior) in &raised {
        if let Ok(k) = scored.binary_search_by(|p| (p.0, p.1).cmp(&(i, j))) {
            if let Some(p) = scored.get_mut(k) {
                p.2.score = match prior {
                    Prior::Lede => (p.2.score + LEDE_BONUS).min(1.0),
                    Prior::Person => p.2.score.max(PERSON_SCORE),
                };
            }
        }
    }
    raised
}

/// Why a pair is raised above its word score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Prior {
    /// The two first sentences ([`LEDE_BONUS`]).
    Lede,
    /// The two sentences that bring in a person named in passing
    /// ([`PERSON_SCORE`]).
    Person,
}

/// The pairs the priors raise, sorted (a pair raised by both gets the lede
/// bonus first).
fn priors(
    fa: &[SentenceFeatures],
    fb: &[SentenceFeatures],
    opts: &AlignOptions,
) -> Vec<(usize, usize, Prior)> {
    let mut out = Vec::new();
    if opts.lede_prior {
        if let (Some(x), Some(y)) = (fa.first(), fb.first()) {
            if shared_content(x, y) >= LEDE_MIN_SHARED {
                out.push((0, 0, Prior::Lede));
            }
        }
    }
    if opts.person_prior {
        let (na, nb) = (passing_names(fa), passing_names(fb));
        for (key, &i) in &na {
            if let Some(&j) = nb.get(key) {
                if let (Some(x), Some(y)) = (fa.get(i), fb.get(j)) {
                    if shared_content(x, y) >= 1 {
                        out.push((i, j, Prior::Person));
                    }
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Full names written in exactly one sentence of a side whose surname is
/// found in at most [`MINOR_MENTIONS`] sentences: the people named in
/// passing, with the sentence that brings them in.
fn passing_names(side: &[SentenceFeatures]) -> FxHashMap<u64, usize> {
    // key -> (sentence, number of sentences)
    let mut seen: FxHashMap<u64, (usize, usize)> = FxHashMap::default();
    for (k, s) in side.iter().enumerate() {
        for n in &s.full_names {
            seen.entry(n.key).or_insert((k, 0)).1 += 1;
        }
    }
    seen.retain(|_, &mut (_, count)| count == 1);
    if seen.is_empty() {
        return FxHashMap::default();
    }
    let surnames: FxHashMap<u64, TermId> = seen
        .iter()
        .filter_map(|(key, &(k, _))| {
            let s = side.get(k)?;
            let n = s.full_names.iter().find(|n| n.key == *key)?;
            Some((*key, n.surname))
        })
        .collect();
    let mut mentions: FxHashMap<TermId, usize> = surnames.values().map(|&id| (id, 0)).collect();
    for s in side {
        for t in &s.terms {
            if let Some(c) = mentions.get_mut(&t.id) {
                *c += 1;
            }
        }
    }
    seen.into_iter()
        .filter(|(key, _)| {
            surnames
                .get(key)
                .and_then(|id| mentions.get(id))
                .is_some_and(|&c| c <= MINOR_MENTIONS)
        })
        .map(|(key, (k, _))| (key, k))
        .collect()
}

/// Number of content words two sentences share, names and role words
/// ([`crate::text::is_role_word`]) left out: what they say in common beyond
/// who is named.
fn shared_content(x: &SentenceFeatures, y: &SentenceFeatures) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(p), Some(q)) = (x.terms.get(i), y.terms.get(j)) {
        match p.id.cmp(&q.id) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if (p.flags | q.flags) & Term::NAME == 0 && !is_role_word(p.id) {
                    n += 1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The sentence pairs worth scoring, sorted and unique.
fn candidates(
    fa: &[SentenceFeatures],
    fb: &[SentenceFeatures],
    w: &Weights,
) -> Vec<(usize, usize)> {
    if fa.len().saturating_mul(fb.len()) <= EXHAUSTIVE_PAIRS {
        return (0..fa.len())
            .flat_map(|i| (0..fb.len()).map(move |j| (i, j)))
            .collect();
    }
    let index_b = Index::new(fb, w);
    let index_a = Index::new(fa, w);
    let mut pairs: Vec<(usize, usize)> = (0..fa.len())
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
    pairs.par_sort_unstable();
    pairs.dedup();
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
        let mut ranked: Vec<(u32, f32)> = scratch
            .touched
            .iter()
            .map(|&k| {
                let acc = scratch.acc.get(k as usize).copied().unwrap_or(0.0);
                let norm = self.norms.get(k as usize).copied().unwrap_or(1.0);
                (k, acc / norm)
            })
            .collect();
        for &k in &scratch.touched {
            if let Some(slot) = scratch.acc.get_mut(k as usize) {
                *slot = 0.0;
            }
        }
        scratch.touched.clear();
        let order = |x: &(u32, f32), y: &(u32, f32)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
        if ranked.len() > CANDIDATES {
            ranked.select_nth_unstable_by(CANDIDATES, order);
            ranked.truncate(CANDIDATES);
        }
        ranked.sort_unstable_by(order);
        ranked.into_iter().map(|(k, _)| k as usize).collect()
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

/// Greedy one-to-one assignment from the best score down.
fn one_to_one(
    scored: &[(usize, usize, Breakdown)],
    na: usize,
    nb: usize,
    opts: &AlignOptions,
) -> Vec<(usize, usize, Breakdown)> {
    let floor = opts.mutual_threshold.min(opts.threshold);
    let mut best_a = vec![0.0f32; na];
    let mut best_b = vec![0.0f32; nb];
    for &(i, j, bd) in scored {
        best_a[i] = best_a[i].max(bd.score);
        best_b[j] = best_b[j].max(bd.score);
    }
    let mut order: Vec<&(usize, usize, Breakdown)> =
        scored.iter().filter(|p| p.2.score >= floor).collect();
    order.sort_by(|x, y| {
        y.2.score
            .total_cmp(&x.2.score)
            .then(x.0.cmp(&y.0))
            .then(x.1.cmp(&y.1))
    });
    let (mut used_a, mut used_b) = (vec![false; na], vec![false; nb]);
    let mut out = Vec::new();
    for &&(i, j, bd) in &order {
        if used_a[i] || used_b[j] {
            continue;
        }
        let mutual = bd.score >= best_a[i] && bd.score >= best_b[j];
        if bd.score >= opts.threshold || mutual {
            used_a[i] = true;
            used_b[j] = true;
            out.push((i, j, bd));
        }
    }
    out
}

/// Joins left-over sentences into the alignment of a neighbour when the
/// other side's sentence carries their content (see [`MERGE_COVERAGE`]).
fn merge(
    groups: &mut [Aligned],
    scored: &[(usize, usize, Breakdown)],
    fa: &[SentenceFeatures],
    fb: &[SentenceFeatures],
    measure: &dyn Similarity,
    w: &Weights,
) {
    let mut group_a: Vec<Option<usize>> = vec![None; fa.len()];
    let mut group_b: Vec<Option<usize>> = vec![None; fb.len()];
    for (g, al) in groups.iter().enumerate() {
        al.a.iter().for_each(|&i| group_a[i] = Some(g));
        al.b.iter().for_each(|&j| group_b[j] = Some(g));
    }
    // Proposals: (left-over side is A?, left-over index, group, coverage).
    let mut proposals: Vec<(bool, usize, usize, f32)> = Vec::new();
    for &(i, j, bd) in scored {
        match (group_a[i], group_b[j]) {
            (None, Some(g)) if bd.covered_a() >= MERGE_COVERAGE => {
                proposals.push((true, i, g, bd.covered_a()))
            }
            (Some(g), None) if bd.covered_b() >= MERGE_COVERAGE => {
                proposals.push((false, j, g, bd.covered_b()))
            }
            _ => {}
        }
    }
    proposals.sort_by(|x, y| {
        y.3.total_cmp(&x.3)
            .then(x.0.cmp(&y.0))
            .then(x.1.cmp(&y.1))
            .then(x.2.cmp(&y.2))
    });
    for (left_a, k, g, _) in proposals {
        let taken = if left_a { group_a[k] } else { group_b[k] };
        if taken.is_some() {
            continue;
        }
        let al = &groups[g];
        // A group grows on one side only, so it stays one-to-many.
        let (mine, theirs) = if left_a {
            (&al.a, &al.b)
        } else {
            (&al.b, &al.a)
        };
        if theirs.len() != 1 || !mine.iter().any(|&m| m.abs_diff(k) == 1) {
            continue;
        }
        let mut grown = mine.clone();
        grown.push(k);
        grown.sort_unstable();
        let side = if left_a { fa } else { fb };
        let parts: Vec<&SentenceFeatures> = grown.iter().map(|&m| &side[m]).collect();
        let joined = SentenceFeatures::join(&parts);
        let other = if left_a {
            &fb[theirs[0]]
        } else {
            &fa[theirs[0]]
        };
        let bd = measure.compare(&joined, other, w);
        if bd.score <= al.score {
            continue;
        }
        let al = &mut groups[g];
        if left_a {
            al.a = grown;
            group_a[k] = Some(g);
        } else {
            al.b = grown;
            group_b[k] = Some(g);
        }
        al.score = bd.score;
        al.kind = kind_of(&bd, true);
    }
}

fn kind_of(bd: &Breakdown, merged: bool) -> AlignKind {
    if merged {
        AlignKind::Merged
    } else if bd.same_words {
        AlignKind::Same
    } else if bd.surface >= EDITED_SURFACE {
        AlignKind::Edited
    } else {
        AlignKind::Paraphrase
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn feats(s: &[&str]) -> Features {
        Features::from_sentences(s)
    }

    /// Two sentences that share only who speaks (and the verb) say
    /// different things: they score below the threshold. (A test of the
    /// threshold against the measure, so it lives with the threshold.)
    #[test]
    fn pairs_that_only_share_who_speaks_score_below_the_threshold() {
        for (name, x, y) in [
            (
                "same speaker, different claims",
                "Governor Helen Park said the new stadium would open in August.",
                "Governor Helen Park said teachers deserved a pay rise this year.",
            ),
            (
                "same speaker and verb, different topic",
                "\"Our hospitals are full,\" Health Minister Tomas Berg told reporters.",
                "\"The railway strike must end,\" Health Minister Tomas Berg told reporters.",
            ),
        ] {
            let s = crate::similarity::testing::score_in_context(x, y);
            assert!(s < THRESHOLD, "{name}: {s}");
        }
    }

    #[test]
    fn reordered_sentences_are_found_with_their_kinds() {
        let a = feats(&[
            "The storm knocked out power to 40,000 homes on Sunday.",
            "Crews expect to restore most service by Wednesday, the utility said.",
            "Schools in the county will stay closed on Monday.",
            "The governor declared a state of emergency.",
        ]);
        let b = feats(&[
            "Schools in the county will stay closed on Monday.",
            "The governor, Ann Reyes, did not comment.",
            "Meanwhile, crews expect to restore most service by Wednesday, the utility stated.",
            "Sunday's storm left 40,000 homes without power.",
        ]);
        let got = align(&a, &b, &AlignOptions::default());
        let pairs: Vec<(Vec<usize>, Vec<usize>, AlignKind)> = got
            .iter()
            .map(|g| (g.a.clone(), g.b.clone(), g.kind))
            .collect();
        assert_eq!(
            pairs,
            vec![
                (vec![0], vec![3], AlignKind::Paraphrase),
                (vec![1], vec![2], AlignKind::Edited),
                (vec![2], vec![0], AlignKind::Same),
            ]
        );
    }

    /// A digest of `n` short made-up stories, one sentence each, with
    /// `extra` put at the given places.
    fn digest(n: usize, extra: &[(usize, &str)]) -> Vec<String> {
        let mut out: Vec<String> = (0..n)
            .map(|i| {
                format!("The board of Varo{i}dale approved the Kelt{i}ham bridge plan in its meeting number {i}.")
            })
            .collect();
        for &(at, s) in extra {
            out.insert(at, s.to_string());
        }
        out
    }

    #[test]
    fn long_documents_pair_paraphrases_only_near_their_story() {
        let told = "Flooding forced the evacuation of 300 homes in the valley overnight.";
        let retold = "Overnight, 300 homes in the valley were evacuated because of flooding.";
        let as_feats = |v: &[String]| {
            let refs: Vec<&str> = v.iter().map(String::as_str).collect();
            feats(&refs)
        };
        let paraphrases = |a: &[String], b: &[String]| -> Vec<(usize, usize)> {
            align(&as_feats(a), &as_feats(b), &AlignOptions::default())
                .iter()
                .filter(|g| g.kind == AlignKind::Paraphrase)
                .map(|g| (g.a[0], g.b[0]))
                .collect()
        };
        // Next to the copied sentences of its story: found.
        let a = digest(400, &[(350, told)]);
        let b = digest(400, &[(352, retold)]);
        assert_eq!(paraphrases(&a, &b), vec![(350, 352)]);
        // Hundreds of sentences away, among other stories: not the same fact.
        let b = digest(400, &[(10, retold)]);
        assert_eq!(paraphrases(&a, &b), vec![]);
        // Between two articles, any order is a wire's own.
        let a = digest(40, &[(35, told)]);
        let b = digest(40, &[(0, retold)]);
        assert_eq!(paraphrases(&a, &b), vec![(35, 0)]);
    }

    /// Two reports of a council vote: sentences 1 and 2 are copied, which
    /// shows the two are about one event; the lede and the union leader's
    /// sentence are written apart.
    fn council_story(union_a: &str, union_b: &str) -> (Features, Features) {
        let a = feats(&[
            "The city council rejected the mayor's transit plan on Tuesday, leaving the proposed tram line without funding for another year.",
            "Construction had been expected to begin next spring at a cost of 400 million dollars.",
            "Opponents argued that buses would serve the outer districts better.",
            union_a,
            "The mayor's tram project would have run from the airport to the harbour.",
        ]);
        let b = feats(&[
            "Councillors dealt the mayor a defeat on Tuesday, rejecting his tram project and the money it needed.",
            "Construction had been expected to begin next spring at a cost of 400 million dollars.",
            "Opponents argued that buses would serve the outer districts better.",
            union_b,
        ]);
        (a, b)
    }

    fn pairs_of(got: &[Aligned]) -> Vec<(Vec<usize>, Vec<usize>)> {
        got.iter().map(|g| (g.a.clone(), g.b.clone())).collect()
    }

    #[test]
    fn the_two_ledes_are_paired() {
        let (a, b) = council_story(
            "Union leader Carla Mendes warned that drivers could strike over the changes.",
            "Carla Mendes suggested members might walk out, repeating her warnings of last month.",
        );
        // B's lede shares more words with A's aside on the tram route than
        // with A's lede.
        let w = Weights::new(&[&a, &b]);
        let words = Blend::default().score(&a.sentences[0], &b.sentences[0], &w);
        let rival = Blend::default().score(&a.sentences[4], &b.sentences[0], &w);
        assert!(words < rival, "{words} {rival}");
        let got = pairs_of(&align(&a, &b, &AlignOptions::default()));
        assert!(got.contains(&(vec![0], vec![0])), "{got:?}");
        let without = AlignOptions {
            lede_prior: false,
            ..AlignOptions::default()
        };
        let got = pairs_of(&align(&a, &b, &without));
        assert!(got.contains(&(vec![4], vec![0])), "{got:?}");
    }

    #[test]
    fn a_person_named_in_passing_pairs_their_sentences() {
        let (a, b) = council_story(
            "Union leader Carla Mendes warned that drivers could strike over the changes.",
            "Carla Mendes suggested members might walk out, repeating her warnings of last month.",
        );
        let w = Weights::new(&[&a, &b]);
        let words = Blend::default().score(&a.sentences[3], &b.sentences[3], &w);
        assert!(words < MUTUAL_THRESHOLD, "their words alone: {words}");
        let got = align(&a, &b, &AlignOptions::default());
        let pair = got.iter().find(|g| g.a == vec![3]);
        assert_eq!(pair.map(|g| g.b.clone()), Some(vec![3]), "{got:?}");
        assert_eq!(pair.map(|g| g.kind), Some(AlignKind::Paraphrase));
    }

    #[test]
    fn a_person_named_for_different_things_stays_apart() {
        let (a, b) = council_story(
            "Union leader Carla Mendes praised the council for listening to commuters.",
            "Carla Mendes told reporters that bus fares would rise next month.",
        );
        let got = pairs_of(&align(&a, &b, &AlignOptions::default()));
        assert!(
            got.iter().all(|(x, y)| x != &vec![3] && y != &vec![3]),
            "{got:?}"
        );
    }

    #[test]
    fn a_main_actor_named_in_full_once_is_not_a_passing_mention() {
        // Mendes is named in full once on each side but is the subject of
        // the whole of B: her full-name sentences are not raised.
        let a = feats(&[
            "Union leader Carla Mendes warned that drivers could strike.",
            "Heavy rain flooded the underpass near the station.",
        ]);
        let b = feats(&[
            "Mendes spoke at the depot.",
            "Carla Mendes, whose warnings were ignored last year, spoke again.",
            "Mendes left without answering questions.",
        ]);
        assert!(priors(&a.sentences, &b.sentences, &AlignOptions::default())
            .iter()
            .all(|p| p.2 != Prior::Person));
    }

    #[test]
    fn ledes_of_articles_that_share_nothing_else_are_not_raised() {
        let a = feats(&[
            "The city council rejected the mayor's transit plan on Tuesday, leaving the tram line without funding.",
            "Heavy rain flooded the underpass near the station.",
        ]);
        let b = feats(&[
            "A neighbouring town approved its budget plan for parks on Tuesday, with funding from the region.",
            "The local football club lost its third match in a row.",
        ]);
        // The ledes share enough words for the prior, but nothing else
        // in the two articles says they report one event.
        let lede = priors(&a.sentences, &b.sentences, &AlignOptions::default());
        assert_eq!(lede, vec![(0, 0, Prior::Lede)]);
        assert!(align(&a, &b, &AlignOptions::default()).is_empty());
    }

    #[test]
    fn one_sentence_told_as_two_is_merged() {
        let a = feats(&[
            "The mayor opened the new library on Friday and promised longer opening hours for students during exams.",
            "Parking near the site remains a problem.",
        ]);
        let b = feats(&[
            "The mayor opened the new library on Friday.",
            "She promised longer opening hours for students during exams.",
            "Tickets for the concert sold out in an hour.",
        ]);
        let got = align(&a, &b, &AlignOptions::default());
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].a, vec![0]);
        assert_eq!(got[0].b, vec![0, 1]);
        assert_eq!(got[0].kind, AlignKind::Merged);
    }

    #[test]
    fn results_do_not_depend_on_the_number_of_threads() {
        // Enough sentences to go through the inverted index rather than
        // scoring every pair.
        let topics = [
            "storm", "budget", "election", "strike", "flood", "trial", "bridge",
        ];
        let places = [
            "Leeds", "Porto", "Lyon", "Turin", "Ghent", "Bergen", "Malmo", "Graz",
        ];
        let mut a = Vec::new();
        let mut b = Vec::new();
        for (k, t) in topics.iter().cycle().take(240).enumerate() {
            let p = places[k % places.len()];
            a.push(format!(
                "The {t} in {p} was discussed by the council on day {k}."
            ));
            if k % 3 != 0 {
                b.push(format!("On day {k} the council in {p} discussed the {t}."));
            }
        }
        let ra: Vec<&str> = a.iter().map(String::as_str).collect();
        let rb: Vec<&str> = b.iter().map(String::as_str).collect();
        let (fa, fb) = (feats(&ra), feats(&rb));
        assert!(fa.len() * fb.len() > EXHAUSTIVE_PAIRS);
        let run = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a thread pool")
                .install(|| align(&fa, &fb, &AlignOptions::default()))
        };
        let one = run(1);
        assert!(one.len() > 120, "{}", one.len());
        assert_eq!(one, run(3));
        assert_eq!(one, run(8));
    }

    /// Sentences built from a small vocabulary, so that random documents
    /// share words and alignments happen.
    fn doc() -> impl Strategy<Value = Vec<String>> {
        let word = proptest::sample::select(crate::testing::NEWS_WORDS);
        proptest::collection::vec(
            proptest::collection::vec(word, 1..8).prop_map(|w| w.join(" ")),
            0..12,
        )
    }

    proptest! {
        #[test]
        fn every_sentence_is_in_one_place(a in doc(), b in doc(), t in 0.0f32..1.0) {
            let sa: Vec<&str> = a.iter().map(String::as_str).collect();
            let sb: Vec<&str> = b.iter().map(String::as_str).collect();
            let (fa, fb) = (feats(&sa), feats(&sb));
            let got = align(&fa, &fb, &AlignOptions::with_threshold(t));
            let mut seen_a = vec![0; sa.len()];
            let mut seen_b = vec![0; sb.len()];
            for g in &got {
                prop_assert!(!g.a.is_empty() && !g.b.is_empty());
                prop_assert!(g.a.len() == 1 || g.b.len() == 1);
                prop_assert!((0.0..=1.0).contains(&g.score));
                g.a.iter().for_each(|&i| seen_a[i] += 1);
                g.b.iter().for_each(|&j| seen_b[j] += 1);
            }
            prop_assert!(seen_a.iter().all(|&n| n <= 1));
            prop_assert!(seen_b.iter().all(|&n| n <= 1));
        }
    }
}
