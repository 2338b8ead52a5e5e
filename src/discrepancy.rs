//! Discrepancies: where two reports that tell the same thing disagree on a
//! fact (a count, a date, a time, a person, a title, a place, who said a
//! quote).
//!
//! The stage reads what earlier stages made: each article's facts
//! ([`crate::facts`]), the groups of sentences that say the same thing (the
//! alignments, as plain index lists) and the quote matches. Each group's
//! facts are compared by [`crate::facts::compare`]; a quote both sides carry
//! is compared too when its sentences were not aligned with each other, and
//! its speaker when the two sides name different people. Facts only one side
//! states are not discrepancies: they are what only that side has.

pub use crate::facts::compare::FactKind;
pub use crate::facts::compare::Stated;
use crate::facts::compare::{differences, Closeness, Part, Side};
use crate::facts::{self, Facts};
use crate::quotes::QuoteMatch;
use crate::span::Span;
use crate::Document;
use rayon::prelude::*;
use serde::Serialize;

/// What one article states.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// 0 for A, 1 for B.
    pub article: usize,
    /// The sentence, the words and the value.
    #[serde(flatten)]
    pub stated: Stated,
}

/// A fact the articles state with different values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Discrepancy {
    /// The kind of fact.
    pub kind: FactKind,
    /// What it is about: what a number counts ("killed", "age of Roe"),
    /// "date", "time", "person", "place", a surname for a title, "speaker".
    pub what: String,
    /// Each article's claim, A's first.
    pub claims: Vec<Claim>,
}

/// Sentences of A and B that say the same thing, and how closely.
#[derive(Debug, Clone, Copy)]
pub struct Group<'g> {
    /// A's sentence indexes.
    pub a: &'g [usize],
    /// B's sentence indexes.
    pub b: &'g [usize],
    /// Near copies or paraphrases (see [`Closeness`]).
    pub closeness: Closeness,
}

/// The discrepancies between `a` and `b`, given the sentence groups that
/// say the same thing and the matched quotes; in A's order.
pub fn find(
    a: &Document,
    b: &Document,
    groups: &[Group],
    quote_matches: &[QuoteMatch],
) -> Vec<Discrepancy> {
    // Each side's facts, and then each group's differences, depend on
    // nothing else: made in parallel (on a long pair they ran on one core
    // after the alignment), collected in the groups' order.
    let (fa, fb) = rayon::join(|| facts::of_document(a), || facts::of_document(b));
    let per_group: Vec<Vec<Discrepancy>> = groups
        .par_iter()
        .map(|g| {
            let sa = side(a, &fa, g.a.iter().map(|&i| (i, None)));
            let sb = side(b, &fb, g.b.iter().map(|&j| (j, None)));
            let mut found = Vec::new();
            push(&mut found, &sa, &sb, g.closeness);
            found
        })
        .collect();
    let mut out: Vec<Discrepancy> = per_group.into_iter().flatten().collect();
    // The toll, report to report, unless an aligned pair already flags it.
    let everything = |d: &Document| {
        (0..d.sentences.len())
            .map(|i| (i, None))
            .collect::<Vec<_>>()
    };
    let (wa, wb) = (
        side(a, &fa, everything(a).into_iter()),
        side(b, &fb, everything(b).into_iter()),
    );
    for d in crate::facts::compare::toll_differences(&wa, &wb) {
        if !out.iter().any(|o| o.kind == d.kind && o.what == d.what) {
            out.push(Discrepancy {
                kind: d.kind,
                what: d.what,
                claims: vec![
                    Claim {
                        article: 0,
                        stated: d.a,
                    },
                    Claim {
                        article: 1,
                        stated: d.b,
                    },
                ],
            });
        }
    }
    let aligned = |i: usize, j: usize| groups.iter().any(|g| g.a.contains(&i) && g.b.contains(&j));
    for m in quote_matches {
        let (Some(qa), Some(qb)) = (a.quotes.get(m.a), b.quotes.get(m.b)) else {
            continue;
        };
        if !aligned(qa.sentence, qb.sentence) {
            let sa = side(a, &fa, [(qa.sentence, Some(qa.span))].into_iter());
            let sb = side(b, &fb, [(qb.sentence, Some(qb.span))].into_iter());
            let closeness = match m.kind {
                crate::quotes::MatchKind::Verbatim => Closeness::Close,
                crate::quotes::MatchKind::Variant => Closeness::Loose,
            };
            push(&mut out, &sa, &sb, closeness);
        }
        // Two speakers are two claims only when each report names its
        // speaker in the quote's own sentence; a speaker found through a
        // pronoun or an earlier paragraph is the extractor's reading.
        let named_in = |d: &Document, q: &crate::Quote, who: &str| {
            let last = who.rsplit(' ').next().unwrap_or(who);
            d.sentence_text(q.sentence).contains(last)
        };
        let surname = |w: &str| w.rsplit(' ').next().unwrap_or(w).to_lowercase();
        if let (false, Some(x), Some(y)) = (m.speaker_agrees, &qa.speaker, &qb.speaker) {
            let term = |q: &crate::Quote| q.kind == crate::QuoteKind::Term;
            // A person named in full on each side ("Police" is no one),
            // not one name spelled two ways (a name discrepancy if any).
            let full = |w: &str| w.split(' ').count() >= 2;
            let near =
                crate::facts::compare::edit_distance(&x.to_lowercase(), &y.to_lowercase()) <= 2;
            if surname(x) == surname(y)
                || !full(x)
                || !full(y)
                || near
                || term(qa)
                || term(qb)
                || !named_in(a, qa, x)
                || !named_in(b, qb, y)
            {
                continue;
            }
            let claim = |article: usize, q: &crate::Quote, who: &str| Claim {
                article,
                stated: Stated {
                    sentence: q.sentence,
                    span: q.span,
                    value: who.to_string(),
                    normalized: None,
                },
            };
            out.push(Discrepancy {
                kind: FactKind::Speaker,
                what: "speaker".into(),
                claims: vec![claim(0, qa, x), claim(1, qb, y)],
            });
        }
    }
    // A speaker named differently in a quote's sentence is one
    // discrepancy, not also a different person in that sentence.
    let speakers: Vec<(usize, usize, String, String)> = out
        .iter()
        .filter(|d| d.kind == FactKind::Speaker)
        .map(|d| {
            let (x, y) = (&d.claims[0].stated, &d.claims[1].stated);
            (x.sentence, y.sentence, x.value.clone(), y.value.clone())
        })
        .collect();
    out.retain(|d| {
        let (x, y) = (&d.claims[0].stated, &d.claims[1].stated);
        d.kind != FactKind::Name
            || !speakers.iter().any(|(sa, sb, va, vb)| {
                *sa == x.sentence
                    && *sb == y.sentence
                    && va.ends_with(&x.value)
                    && vb.ends_with(&y.value)
            })
    });
    out.sort_by_key(|d| {
        let c = &d.claims[0].stated;
        (c.sentence, c.span.start, d.kind)
    });
    out.dedup_by(|x, y| x.kind == y.kind && x.claims == y.claims);
    out
}

/// One side's parts: each sentence (or the quote inside it) with its facts.
fn side<'d>(
    d: &'d Document,
    f: &'d Facts,
    parts: impl Iterator<Item = (usize, Option<Span>)>,
) -> Side<'d> {
    let parts = parts
        .filter_map(|(i, within)| {
            let s = d.sentences.get(i)?;
            Some(Part {
                sentence: i,
                span: within.unwrap_or(s.span),
                facts: f
                    .sentences
                    .binary_search_by_key(&i, |sf| sf.sentence)
                    .ok()
                    .and_then(|k| f.sentences.get(k)),
            })
        })
        .collect();
    Side {
        text: &d.article.text,
        reference: f.reference,
        parts,
    }
}

fn push(out: &mut Vec<Discrepancy>, a: &Side, b: &Side, closeness: Closeness) {
    let claim = |article: usize, stated: Stated| Claim { article, stated };
    for d in differences(a, b, closeness) {
        out.push(Discrepancy {
            kind: d.kind,
            what: d.what,
            claims: vec![claim(0, d.a), claim(1, d.b)],
        });
    }
}
