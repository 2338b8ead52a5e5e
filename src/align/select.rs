//! From scored pairs to groups: the greedy one-to-one choice from the best
//! score down, then the merges of left-over sentences ([`MERGE_COVERAGE`]),
//! and the kind of each group.

use super::{AlignKind, AlignOptions, Aligned, EDITED_SURFACE, MERGE_COVERAGE};
use crate::similarity::{Breakdown, Similarity, Weights};
use crate::text::SentenceFeatures;

/// Greedy one-to-one assignment from the best score down.
pub(super) fn one_to_one(
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
pub(super) fn merge(
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

pub(super) fn kind_of(bd: &Breakdown, merged: bool) -> AlignKind {
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
