//! Writers for the pairs: JSONL (the contract) and a terminal table.

use super::{PairRecord, Relation};
use crate::render::sanitize::Shown;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Writes pairs as JSON Lines, one object per pair (DESIGN.md).
pub fn jsonl(pairs: &[PairRecord], out: &mut dyn Write) -> io::Result<()> {
    for p in pairs {
        serde_json::to_writer(&mut *out, p)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes a readable table: clusters (by their final name, given by
/// `final_cluster`) and, under each, its pairs with their evidence.
pub fn terminal(
    pairs: &[PairRecord],
    mut final_cluster: impl FnMut(&PairRecord) -> u32,
    out: &mut dyn Write,
) -> io::Result<()> {
    if pairs.is_empty() {
        return writeln!(out, "no related articles found");
    }
    let mut groups: BTreeMap<u32, Vec<&PairRecord>> = BTreeMap::new();
    for p in pairs {
        groups.entry(final_cluster(p)).or_default().push(p);
    }
    let idw = pairs
        .iter()
        .map(|p| p.a.chars().count().max(p.b.chars().count()))
        .max()
        .unwrap_or(1)
        .clamp(1, 40);
    for (k, ps) in &groups {
        let mut members: Vec<&str> = ps.iter().flat_map(|p| [&*p.a, &*p.b]).collect();
        members.sort_unstable();
        members.dedup();
        // The outlets that covered it: what a newsroom counts.
        let mut sources: Vec<&str> = ps
            .iter()
            .flat_map(|p| p.sources.iter().flatten().map(String::as_str))
            .collect();
        sources.sort_unstable();
        sources.dedup();
        if sources.is_empty() {
            writeln!(out, "cluster {k}: {} articles", members.len())?;
        } else {
            writeln!(
                out,
                "cluster {k}: {} articles, {} sources: {}",
                members.len(),
                sources.len(),
                Shown::new(&sources.join(", "))
            )?;
        }
        for p in ps {
            writeln!(
                out,
                "  {:<idw$}  {:<idw$}  {:<10}  score {:.2}  covered {:.2}/{:.2}  sentences {:>3}  quotes {:>2}",
                Shown::new(&p.a),
                Shown::new(&p.b),
                p.relation.name(),
                p.score,
                p.a_covered,
                p.b_covered,
                p.shared_sentences,
                p.shared_quotes,
            )?;
        }
    }
    let count = |r: Relation| pairs.iter().filter(|p| p.relation == r).count();
    writeln!(
        out,
        "{} clusters, {} pairs: {} duplicate, {} derived, {} same-story",
        groups.len(),
        pairs.len(),
        count(Relation::Duplicate),
        count(Relation::Derived),
        count(Relation::SameStory)
    )
}
