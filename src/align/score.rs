//! What raises or drops a scored pair: the two priors from how news is
//! written ([`LEDE_BONUS`], [`PERSON_SCORE`]), checked against the
//! evidence that the documents report one event, and the locality rule of
//! long documents ([`STORY_SPAN`]).

use super::{
    AlignOptions, EDITED_SURFACE, EVENT_EVIDENCE, LEDE_BONUS, LEDE_MIN_SHARED, MINOR_MENTIONS,
    PERSON_SCORE, STORY_SPAN, THRESHOLD,
};
use crate::similarity::Breakdown;
use crate::text::{is_role_word, SentenceFeatures, Term, TermId};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// A pair whose wording shows one sentence was made from the other.
fn near_copy(bd: &Breakdown) -> bool {
    bd.same_words || bd.surface >= EDITED_SURFACE
}

/// Drops the pairs that are not near copies and lie farther than
/// [`STORY_SPAN`] from every near copy scoring `threshold` (see there).
/// `scored` is sorted by pair.
pub(super) fn keep_local(scored: &mut Vec<(usize, usize, Breakdown)>, threshold: f32) {
    let anchors: Vec<(usize, usize)> = scored
        .iter()
        .filter(|p| p.2.score >= threshold && near_copy(&p.2))
        .map(|p| (p.0, p.1))
        .collect();
    if anchors.is_empty() {
        return;
    }
    // Each pair's test reads only the anchors, so the tests run in
    // parallel (a long pair's 50 M instructions ran on one core while the
    // other waited) and the flags are applied in order: the same pairs are
    // kept on any number of threads.
    let keep: Vec<bool> = scored
        .par_iter()
        .map(|&(i, j, bd)| {
            if near_copy(&bd) {
                return true;
            }
            let from = anchors.partition_point(|a| a.0 + STORY_SPAN < i);
            anchors[from..]
                .iter()
                .take_while(|a| a.0 <= i + STORY_SPAN)
                .any(|a| a.1.abs_diff(j) <= STORY_SPAN)
        })
        .collect();
    let mut flags = keep.iter();
    scored.retain(|_| flags.next().copied().unwrap_or(true));
}

/// Raises the scores of the prior pairs found in `scored` (sorted by pair)
/// and returns those raised. Both priors hold for two reports of one event;
/// the documents show they are when other sentence pairs align on their
/// words alone ([`EVENT_EVIDENCE`]).
pub(super) fn apply_priors(
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
pub(super) fn priors(
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
