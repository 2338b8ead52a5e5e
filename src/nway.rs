//! Many reports of one event at once: the groups of sentences that say the
//! same thing across all of them, the quotes each carries, the facts they
//! state differently and what only one report has.
//!
//! Every pair of reports is compared as two ([`crate::compare`]), the pairs
//! in parallel (rayon); the pairwise alignments are then joined into groups
//! by union-find. The joining never puts two separate passages of one
//! article in a group: a group holds, per article, one sentence or one run
//! of consecutive sentences (a merge), and an alignment that would break
//! that is left out of the groups. Edges are joined strongest first, with
//! ties broken by pair and sentence order, so the result is the same for
//! any thread count. Quote matches are joined the same way (one quote per
//! article), and the pairs' discrepancies that share a claim become one
//! discrepancy whose claims come from every article that states the fact.

use crate::compare::{compare_features, AlignKind, CompareOptions, Comparison};
use crate::diff::{word_diff, DiffOp};
use crate::discrepancy::{Claim, Discrepancy};
use crate::quotes::MatchKind;
use crate::text::Features;
use crate::Document;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// What one article contributes to a group: a sentence, or a run of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    /// The article's index among the inputs.
    pub article: usize,
    /// Its sentence indexes, ascending and consecutive.
    pub sentences: Vec<usize>,
    /// Word diff from the group's first member to this one (empty for the
    /// first); its runs rebuild both texts, joined by single spaces.
    pub diff: Vec<DiffOp>,
}

/// Sentences of several articles that say the same thing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// One member per article that carries it, in article order.
    pub members: Vec<Member>,
    /// The loosest relation of the alignments joined (`same` only when
    /// every joined pair is the same words; `merged` when a member is a run).
    pub kind: AlignKind,
    /// The lowest score of the alignments joined, in [0, 1].
    pub score: f32,
}

/// One article's copy of a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteMember {
    /// The article's index among the inputs.
    pub article: usize,
    /// The quote's index in that article's quotes.
    pub quote: usize,
    /// The sentence it is in.
    pub sentence: usize,
    /// Who that article says said it.
    pub speaker: Option<String>,
}

/// A quote several articles carry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteGroup {
    /// One member per article, in article order.
    pub members: Vec<QuoteMember>,
    /// `verbatim` when every joined match is, else `variant`.
    pub kind: MatchKind,
    /// False when the members name more than one speaker.
    pub speaker_agrees: bool,
}

/// The counts of a comparison of many articles.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CollationSummary {
    /// Articles compared.
    pub articles: usize,
    /// Sentence groups.
    pub groups: usize,
    /// Groups every article carries.
    pub groups_in_all: usize,
    /// Sentences no other article has, over all articles.
    pub exclusive_sentences: usize,
    /// Quote groups.
    pub quote_groups: usize,
    /// Facts stated differently.
    pub discrepancies: usize,
}

/// Everything a comparison of many articles found; renderers read it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Collation {
    /// Sentence groups, in the order of the first article carrying each.
    pub groups: Vec<Group>,
    /// Quotes several articles carry.
    pub quote_groups: Vec<QuoteGroup>,
    /// Per article, the sentences aligned with no sentence of another.
    pub exclusive: Vec<Vec<usize>>,
    /// Facts stated differently, each with one claim per article stating it.
    pub discrepancies: Vec<Discrepancy>,
    /// Counts.
    pub summary: CollationSummary,
}

impl Collation {
    /// Whether the articles differ, as `--exit-code` reports it: a sentence
    /// only one has, a group not every article carries, or one whose words
    /// are not the same.
    pub fn differs(&self) -> bool {
        self.summary.exclusive_sentences > 0
            || self.summary.groups_in_all < self.groups.len()
            || self.groups.iter().any(|g| g.kind != AlignKind::Same)
    }
}

/// How loose a relation is, for the loosest of a group.
fn looseness(k: AlignKind) -> u8 {
    match k {
        AlignKind::Same => 0,
        AlignKind::Edited => 1,
        AlignKind::Merged => 2,
        AlignKind::Paraphrase => 3,
    }
}

/// Compares every pair of `docs` (in parallel, each article's features
/// made once) and joins the results.
pub fn collate(docs: &[Document], opts: &CompareOptions) -> Collation {
    let pairs: Vec<(usize, usize)> = (0..docs.len())
        .flat_map(|i| (i + 1..docs.len()).map(move |j| (i, j)))
        .collect();
    let features: Vec<Features> = docs.par_iter().map(Features::of).collect();
    let results: Vec<Comparison> = pairs
        .par_iter()
        .map(|&(i, j)| compare_features(&docs[i], &features[i], &docs[j], &features[j], opts))
        .collect();
    let sizes: Vec<usize> = docs.iter().map(|d| d.sentences.len()).collect();
    let quote_sizes: Vec<usize> = docs.iter().map(|d| d.quotes.len()).collect();
    let mut groups = join_sentences(&sizes, &pairs, &results);
    groups.par_iter_mut().for_each(|g| diff_members(docs, g));
    let exclusive = exclusive(&sizes, &pairs, &results);
    let quote_groups = join_quotes(docs, &quote_sizes, &pairs, &results);
    let discrepancies = join_discrepancies(&pairs, &results);
    let summary = CollationSummary {
        articles: docs.len(),
        groups: groups.len(),
        groups_in_all: groups
            .iter()
            .filter(|g| g.members.len() == docs.len())
            .count(),
        exclusive_sentences: exclusive.iter().map(Vec::len).sum(),
        quote_groups: quote_groups.len(),
        discrepancies: discrepancies.len(),
    };
    Collation {
        groups,
        quote_groups,
        exclusive,
        discrepancies,
        summary,
    }
}

/// Union-find over (article, item) nodes numbered article by article.
struct Sets {
    parent: Vec<usize>,
    /// Per root: article -> its items in the set.
    items: Vec<BTreeMap<usize, Vec<usize>>>,
    offsets: Vec<usize>,
}

impl Sets {
    fn new(sizes: &[usize]) -> Sets {
        let mut offsets = Vec::with_capacity(sizes.len() + 1);
        let mut total = 0;
        offsets.push(0);
        for &n in sizes {
            total += n;
            offsets.push(total);
        }
        let mut items = Vec::with_capacity(total);
        for (article, &n) in sizes.iter().enumerate() {
            for k in 0..n {
                items.push(BTreeMap::from([(article, vec![k])]));
            }
        }
        Sets {
            parent: (0..total).collect(),
            items,
            offsets,
        }
    }

    fn node(&self, article: usize, item: usize) -> Option<usize> {
        let n = self.offsets.get(article)? + item;
        (n < *self.offsets.get(article + 1)?).then_some(n)
    }

    fn root(&mut self, mut n: usize) -> usize {
        while self.parent[n] != n {
            self.parent[n] = self.parent[self.parent[n]];
            n = self.parent[n];
        }
        n
    }

    /// Joins the sets of `nodes` if `allowed` accepts what they would hold
    /// together; returns whether it did.
    fn join(
        &mut self,
        nodes: &[usize],
        allowed: impl Fn(&BTreeMap<usize, Vec<usize>>) -> bool,
    ) -> bool {
        let mut roots: Vec<usize> = nodes.iter().map(|&n| self.root(n)).collect();
        roots.sort_unstable();
        roots.dedup();
        let mut merged: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &r in &roots {
            for (&article, its) in &self.items[r] {
                merged.entry(article).or_default().extend(its);
            }
        }
        for its in merged.values_mut() {
            its.sort_unstable();
            its.dedup();
        }
        if !allowed(&merged) {
            return false;
        }
        let keep = roots[0];
        for &r in &roots[1..] {
            self.parent[r] = keep;
            self.items[r].clear();
        }
        self.items[keep] = merged;
        true
    }

    /// Every set of more than one article, as article -> items.
    fn sets(&mut self) -> Vec<(usize, BTreeMap<usize, Vec<usize>>)> {
        let mut out = Vec::new();
        for n in 0..self.parent.len() {
            if self.root(n) == n && self.items[n].len() > 1 {
                out.push((n, self.items[n].clone()));
            }
        }
        out
    }
}

/// Pairs of (article, sentence) that one pair's alignment put together.
type Direct = std::collections::HashSet<((usize, usize), (usize, usize))>;

/// A merged run is at most this long: the longest merge `align` makes.
const MAX_RUN: usize = 3;

fn join_sentences(sizes: &[usize], pairs: &[(usize, usize)], results: &[Comparison]) -> Vec<Group> {
    // Strongest alignments first; ties in pair and sentence order.
    let mut edges: Vec<(f32, usize, usize)> = results
        .iter()
        .enumerate()
        .flat_map(|(p, c)| {
            c.alignments
                .iter()
                .enumerate()
                .map(move |(k, al)| (al.score, p, k))
        })
        .collect();
    edges.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    // Which sentences of two articles a pair aligned directly.
    let mut direct: Direct = std::collections::HashSet::new();
    for (&(i, j), c) in pairs.iter().zip(results) {
        for al in &c.alignments {
            for &x in &al.a {
                for &y in &al.b {
                    direct.insert(((i, x), (j, y)));
                }
            }
        }
    }
    let mut sets = Sets::new(sizes);
    // Per root: the loosest kind and the lowest score joined into it.
    let mut joined: BTreeMap<usize, (u8, AlignKind, f32)> = BTreeMap::new();
    for (score, p, k) in edges {
        let (i, j) = pairs[p];
        let al = &results[p].alignments[k];
        let nodes: Vec<usize> =
            al.a.iter()
                .filter_map(|&s| sets.node(i, s))
                .chain(al.b.iter().filter_map(|&s| sets.node(j, s)))
                .collect();
        if nodes.is_empty() {
            continue;
        }
        let roots: Vec<usize> = nodes.iter().map(|&n| sets.root(n)).collect();
        if !linked(&sets, &roots, &direct) {
            continue;
        }
        let one_run = |m: &BTreeMap<usize, Vec<usize>>| {
            m.values()
                .all(|its| its.len() <= MAX_RUN && its.windows(2).all(|w| w[1] == w[0] + 1))
        };
        if sets.join(&nodes, one_run) {
            let root = sets.root(nodes[0]);
            let mut acc = (looseness(al.kind), al.kind, score);
            for r in roots {
                if let Some(&(l, kind, s)) = joined.get(&r) {
                    if l > acc.0 {
                        acc = (l, kind, acc.2);
                    }
                    acc.2 = acc.2.min(s);
                }
            }
            joined.insert(root, acc);
        }
    }
    let mut groups: Vec<Group> = sets
        .sets()
        .into_iter()
        .map(|(root, m)| {
            let (_, mut kind, score) =
                joined
                    .get(&root)
                    .copied()
                    .unwrap_or((0, AlignKind::Same, 0.0));
            if m.values().any(|its| its.len() > 1) && kind != AlignKind::Paraphrase {
                kind = AlignKind::Merged;
            }
            Group {
                members: m
                    .into_iter()
                    .map(|(article, sentences)| Member {
                        article,
                        sentences,
                        diff: Vec::new(),
                    })
                    .collect(),
                kind,
                score,
            }
        })
        .collect();
    groups.sort_by_key(|g| {
        g.members
            .first()
            .map(|m| (m.article, m.sentences.first().copied()))
    });
    groups
}

/// Whether the sets `roots` may be joined: at least half of the pairs of
/// their members from different sets were aligned with each other
/// directly. A chain of paraphrases (A like B, B like C) drifts from what
/// A says; this keeps a group to sentences most of which say the same
/// thing as one another.
fn linked(sets: &Sets, roots: &[usize], direct: &Direct) -> bool {
    let mut distinct = roots.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    let (mut pairs, mut aligned) = (0usize, 0usize);
    for (n, &x) in distinct.iter().enumerate() {
        for &y in &distinct[n + 1..] {
            for (&ax, sx) in &sets.items[x] {
                for (&ay, sy) in &sets.items[y] {
                    if ax == ay {
                        continue;
                    }
                    pairs += 1;
                    let hit = sx.iter().any(|&u| {
                        sy.iter().any(|&v| {
                            direct.contains(&((ax, u), (ay, v)))
                                || direct.contains(&((ay, v), (ax, u)))
                        })
                    });
                    aligned += usize::from(hit);
                }
            }
        }
    }
    2 * aligned >= pairs
}

/// Each member's word diff from the first member.
fn diff_members(docs: &[Document], g: &mut Group) {
    let text = |m: &Member| -> String {
        let parts: Vec<&str> = docs
            .get(m.article)
            .map(|d| m.sentences.iter().map(|&i| d.sentence_text(i)).collect())
            .unwrap_or_default();
        parts.join(" ")
    };
    let Some(first) = g.members.first().map(text) else {
        return;
    };
    for m in g.members.iter_mut().skip(1) {
        m.diff = word_diff(&first, &text(m));
    }
}

/// Per article, the sentences no pair aligned.
fn exclusive(sizes: &[usize], pairs: &[(usize, usize)], results: &[Comparison]) -> Vec<Vec<usize>> {
    let mut seen: Vec<Vec<bool>> = sizes.iter().map(|&n| vec![false; n]).collect();
    for (&(i, j), c) in pairs.iter().zip(results) {
        for al in &c.alignments {
            for (article, its) in [(i, &al.a), (j, &al.b)] {
                for &s in its {
                    if let Some(slot) = seen[article].get_mut(s) {
                        *slot = true;
                    }
                }
            }
        }
    }
    seen.iter()
        .map(|v| (0..v.len()).filter(|&s| !v[s]).collect())
        .collect()
}

fn join_quotes(
    docs: &[Document],
    sizes: &[usize],
    pairs: &[(usize, usize)],
    results: &[Comparison],
) -> Vec<QuoteGroup> {
    // Verbatim matches first, then by score; ties in pair order.
    let mut edges: Vec<(bool, f32, usize, usize)> = results
        .iter()
        .enumerate()
        .flat_map(|(p, c)| {
            c.quote_matches
                .iter()
                .enumerate()
                .map(move |(k, m)| (m.kind == MatchKind::Verbatim, m.score, p, k))
        })
        .collect();
    edges.sort_by(|x, y| {
        y.0.cmp(&x.0)
            .then(y.1.total_cmp(&x.1))
            .then((x.2, x.3).cmp(&(y.2, y.3)))
    });
    let mut sets = Sets::new(sizes);
    let mut variant: Vec<bool> = vec![false; sizes.iter().sum()];
    for (verbatim, _, p, k) in edges {
        let (i, j) = pairs[p];
        let m = &results[p].quote_matches[k];
        let (Some(x), Some(y)) = (sets.node(i, m.a), sets.node(j, m.b)) else {
            continue;
        };
        let was = variant[sets.root(x)] || variant[sets.root(y)];
        if sets.join(&[x, y], |m| m.values().all(|its| its.len() == 1)) {
            let root = sets.root(x);
            variant[root] = was || !verbatim;
        }
    }
    let mut out: Vec<QuoteGroup> = sets
        .sets()
        .into_iter()
        .map(|(root, m)| {
            let members: Vec<QuoteMember> = m
                .into_iter()
                .filter_map(|(article, its)| {
                    let quote = *its.first()?;
                    let q = docs.get(article)?.quotes.get(quote)?;
                    Some(QuoteMember {
                        article,
                        quote,
                        sentence: q.sentence,
                        speaker: q.speaker.clone(),
                    })
                })
                .collect();
            let surname = |w: &str| w.rsplit(' ').next().unwrap_or(w).to_lowercase();
            let mut named: Vec<String> = members
                .iter()
                .filter_map(|q| q.speaker.as_deref().map(surname))
                .collect();
            named.sort();
            named.dedup();
            QuoteGroup {
                members,
                kind: if variant[root] {
                    MatchKind::Variant
                } else {
                    MatchKind::Verbatim
                },
                speaker_agrees: named.len() <= 1,
            }
        })
        .collect();
    out.sort_by_key(|g| g.members.first().map(|m| (m.article, m.quote)));
    out
}

/// The pairs' discrepancies, those sharing a claim (and kind and what)
/// joined into one with a claim per article.
fn join_discrepancies(pairs: &[(usize, usize)], results: &[Comparison]) -> Vec<Discrepancy> {
    type Key = (usize, usize, usize, usize);
    let key = |c: &Claim| {
        (
            c.article,
            c.stated.sentence,
            c.stated.span.start,
            c.stated.span.end,
        )
    };
    let mut all: Vec<Discrepancy> = Vec::new();
    for (&(i, j), c) in pairs.iter().zip(results) {
        for d in &c.discrepancies {
            let mut d = d.clone();
            for cl in &mut d.claims {
                cl.article = if cl.article == 0 { i } else { j };
            }
            all.push(d);
        }
    }
    // Union-find over the discrepancies, through the claims they share.
    let mut parent: Vec<usize> = (0..all.len()).collect();
    fn root(parent: &mut [usize], mut n: usize) -> usize {
        while parent[n] != n {
            parent[n] = parent[parent[n]];
            n = parent[n];
        }
        n
    }
    let mut owner: BTreeMap<(crate::discrepancy::FactKind, String, Key), usize> = BTreeMap::new();
    for (n, d) in all.iter().enumerate() {
        for cl in &d.claims {
            match owner.get(&(d.kind, d.what.clone(), key(cl))) {
                Some(&m) => {
                    let (x, y) = (root(&mut parent, n), root(&mut parent, m));
                    parent[x.max(y)] = x.min(y);
                }
                None => {
                    owner.insert((d.kind, d.what.clone(), key(cl)), n);
                }
            }
        }
    }
    let mut joined: BTreeMap<usize, Discrepancy> = BTreeMap::new();
    for (n, d) in all.iter().enumerate() {
        let r = root(&mut parent, n);
        let e = joined.entry(r).or_insert_with(|| Discrepancy {
            kind: d.kind,
            what: d.what.clone(),
            claims: Vec::new(),
        });
        e.claims.extend(d.claims.iter().cloned());
    }
    let mut out: Vec<Discrepancy> = joined
        .into_values()
        .map(|mut d| {
            d.claims.sort_by_key(|c| key(c));
            d.claims.dedup_by_key(|c| key(c));
            d
        })
        .collect();
    out.sort_by(|x, y| {
        let k = |d: &Discrepancy| d.claims.first().map(key);
        k(x).cmp(&k(y)).then(x.kind.cmp(&y.kind))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::article_from_text;
    use proptest::prelude::*;

    fn doc(body: &str) -> Document {
        let text = format!("Title\n\n{body}\n");
        Document::analyze(article_from_text("test.txt", &text).expect("a plain-text article"))
    }

    fn body() -> impl Strategy<Value = String> {
        let word = proptest::sample::select(crate::testing::NEWS_WORDS.to_vec());
        let sentence = proptest::collection::vec(word, 1..8).prop_map(|w| w.join(" ") + ".");
        proptest::collection::vec(sentence, 1..8).prop_map(|s| s.join(" "))
    }

    proptest! {
        #[test]
        fn every_sentence_is_in_one_group_at_most_and_members_are_runs(
            bodies in proptest::collection::vec(body(), 3..5)
        ) {
            let docs: Vec<Document> = bodies.iter().map(|b| doc(b)).collect();
            let c = collate(&docs, &CompareOptions::default());
            let mut seen: Vec<Vec<usize>> = docs.iter().map(|d| vec![0; d.sentences.len()]).collect();
            for g in &c.groups {
                prop_assert!(g.members.len() >= 2);
                prop_assert!(g.members.windows(2).all(|w| w[0].article < w[1].article));
                for m in &g.members {
                    prop_assert!(!m.sentences.is_empty());
                    prop_assert!(m.sentences.windows(2).all(|w| w[1] == w[0] + 1));
                    m.sentences.iter().for_each(|&i| seen[m.article][i] += 1);
                }
                let first = &g.members[0];
                let text = |m: &Member| {
                    let parts: Vec<&str> = m.sentences.iter().map(|&i| docs[m.article].sentence_text(i)).collect();
                    parts.join(" ")
                };
                for m in &g.members[1..] {
                    prop_assert_eq!(crate::diff::rebuild(&m.diff, crate::Side::A), text(first));
                    prop_assert_eq!(crate::diff::rebuild(&m.diff, crate::Side::B), text(m));
                }
            }
            for (a, only) in c.exclusive.iter().enumerate() {
                for &i in only {
                    prop_assert_eq!(seen[a][i], 0);
                }
            }
            prop_assert!(seen.iter().flatten().all(|&k| k <= 1));
            for q in &c.quote_groups {
                prop_assert!(q.members.windows(2).all(|w| w[0].article < w[1].article));
            }
        }
    }

    #[test]
    fn a_join_that_would_put_two_passages_of_one_article_together_is_refused() {
        let mut s = Sets::new(&[3, 3]);
        let (a0, a2, b0) = (
            s.node(0, 0).unwrap(),
            s.node(0, 2).unwrap(),
            s.node(1, 0).unwrap(),
        );
        let run = |m: &BTreeMap<usize, Vec<usize>>| {
            m.values()
                .all(|its| its.windows(2).all(|w| w[1] == w[0] + 1))
        };
        assert!(s.join(&[a0, b0], run));
        assert!(!s.join(&[a2, b0], run));
        let sets = s.sets();
        assert_eq!(sets.len(), 1);
        assert_eq!(sets[0].1, BTreeMap::from([(0, vec![0]), (1, vec![0])]));
        assert_eq!(s.node(1, 3), None);
    }
}
