//! Resuming from a state (`--state`, `--against`): the records and cluster
//! links of an earlier run taken back into a [`Deduper`], through the same
//! phases as a chunk of input up to the index. The database itself is
//! `state`.

use super::{codec, Deduper, Relation};

impl Deduper {
    /// Takes back the records of one chunk of an earlier run (a state's,
    /// in their stream positions), as that chunk left the index: the same
    /// phases as [`Deduper::push`] up to the index, without looking for
    /// pairs (those were reported then).
    pub fn restore_chunk(&mut self, records: Vec<(u32, codec::Record)>) {
        let mut accepted = Vec::with_capacity(records.len());
        for (position, rec) in records {
            let sig = rec.signature();
            self.next_position = position;
            if let Ok(acc) = self.admit(&rec.id, rec.source, rec.time, sig) {
                accepted.push(acc);
            }
        }
        self.clusters.grow(self.ids.len());
        self.count_words(&accepted);
        self.index_chunk(accepted);
    }

    /// Joins the clusters of an earlier run's related pairs (stream
    /// positions; pairs with an article no longer held are left out).
    pub fn restore_links(&mut self, links: impl IntoIterator<Item = (u32, u32, Relation)>) {
        for (a, b, r) in links {
            if let (Ok(x), Ok(y)) = (
                self.positions.binary_search(&a),
                self.positions.binary_search(&b),
            ) {
                self.clusters.add(x as u32, y as u32, r);
            }
        }
    }
}
