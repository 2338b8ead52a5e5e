//! The window (`--window`): which articles are too old to keep, and
//! starting over without them.
//!
//! The index never removes an entry (its chains are written once, see
//! `candidates`), so dropping old articles one by one would cost a second
//! index structure. Instead, once enough of what is held is out of the
//! window, the state deletes those records and the deduplicator is built
//! again from the records left ([`Deduper::reset`], then
//! `state::State::load`), chunk by chunk as they came, without analysing
//! any text. Until then an old article stays in the index but no pair with
//! it is reported, so what is reported does not depend on when the
//! rebuild happens.

use super::{codec, Batch, DedupOptions, Deduper, Relation};
use std::collections::VecDeque;

/// Rebuild once the articles out of the window are at least this share of
/// those held (one in [`REBUILD_DENOMINATOR`]): memory stays within about
/// that share of what the window alone needs, and each article is taken
/// back into the index about that many times over its life.
pub const REBUILD_DENOMINATOR: usize = 8;

impl Deduper {
    /// The oldest time inside the window (`i64::MIN` without a window or
    /// before any dated article).
    pub(super) fn cutoff(&self) -> i64 {
        match (self.opts.window, self.clock) {
            (Some(w), Some(c)) => c.saturating_sub(w),
            _ => i64::MIN,
        }
    }

    /// The oldest time inside the window when article `x` (of the current
    /// chunk) came: a pair is reported only if its earlier article is not
    /// older, whatever came later in the same chunk.
    pub(super) fn cutoff_at(&self, x: u32) -> i64 {
        let clock = x
            .checked_sub(self.chunk_start)
            .and_then(|i| self.chunk_clocks.get(i as usize).copied())
            .unwrap_or(self.clock);
        match (self.opts.window, clock) {
            (Some(w), Some(c)) => c.saturating_sub(w),
            _ => i64::MIN,
        }
    }

    /// Stream positions of the articles held that are out of the window.
    pub fn expired(&self) -> Vec<u32> {
        let cutoff = self.cutoff();
        self.times
            .iter()
            .zip(&self.positions)
            .filter(|(&t, _)| t < cutoff)
            .map(|(_, &p)| p)
            .collect()
    }

    /// True when enough of what is held is out of the window to rebuild
    /// without it (see [`REBUILD_DENOMINATOR`]).
    pub fn rebuild_due(&self) -> bool {
        let cutoff = self.cutoff();
        let old = self.times.iter().filter(|&&t| t < cutoff).count();
        old > 0 && old * REBUILD_DENOMINATOR >= self.times.len()
    }

    /// Empties the deduplicator, keeping its options, the newest time seen
    /// and which stream positions came from the state at the start; the
    /// caller then restores the records to keep.
    pub fn reset(&mut self) {
        let opts = std::mem::take(&mut self.opts);
        let (clock, archive_end) = (self.clock, self.archive_end);
        *self = Deduper::new(DedupOptions::default());
        self.opts = opts;
        self.clock = clock;
        self.archive_end = archive_end;
    }

    /// Marks the articles held so far as the state's (loaded at the
    /// start): a replayed input skips their ids quietly, and `--against`
    /// reports only pairs with them.
    pub fn mark_archive(&mut self) {
        self.archive_end = self.next_position;
    }

    /// The stream position the next article gets.
    pub fn next_position(&self) -> u32 {
        self.next_position
    }

    /// Continues the stream positions from `next` (a state's count,
    /// which eviction may leave above the records kept).
    pub fn set_next_position(&mut self, next: u32) {
        self.next_position = self.next_position.max(next);
    }
}

/// The window's records without `--state`: what a rebuild takes back, kept
/// in memory instead of a database. The records are kept encoded (`codec`),
/// end to end, grouped by the chunk they came in: word rarity as known at
/// the end of each chunk is what the index was built with, so a rebuild
/// takes them back chunk by chunk as they came (as `state::State::load`
/// does).
#[derive(Debug, Default)]
pub struct Held {
    chunks: VecDeque<HeldChunk>,
    /// Cluster joins, (earlier, later) stream positions.
    links: Vec<(u32, u32, Relation)>,
}

/// One chunk's records: stream positions, and the encoded records end to
/// end (`ends[i]` is where record `i` ends).
#[derive(Debug, Default)]
struct HeldChunk {
    positions: Vec<u32>,
    ends: Vec<usize>,
    bytes: Vec<u8>,
}

impl HeldChunk {
    fn records(&self) -> impl Iterator<Item = (u32, &[u8])> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        self.positions
            .iter()
            .zip(starts.zip(&self.ends))
            .map(|(&p, (a, &b))| (p, self.bytes.get(a..b).unwrap_or(&[])))
    }

    /// The chunk without the records at `gone` (sorted positions).
    fn without(&self, gone: &[u32]) -> HeldChunk {
        let mut kept = HeldChunk::default();
        for (p, bytes) in self.records() {
            if gone.binary_search(&p).is_err() {
                kept.push(p, bytes);
            }
        }
        kept
    }

    fn push(&mut self, position: u32, bytes: &[u8]) {
        self.positions.push(position);
        self.bytes.extend_from_slice(bytes);
        self.ends.push(self.bytes.len());
    }
}

impl Held {
    /// Keeps a chunk's new records and links; then, once a rebuild is due,
    /// drops what is out of the window and rebuilds `deduper` from the rest
    /// (as `state::State::after_chunk` does with a database).
    pub fn after_chunk(&mut self, deduper: &mut Deduper, batch: &Batch) {
        if !batch.records.is_empty() {
            let mut chunk = HeldChunk::default();
            for (position, rec) in &batch.records {
                chunk.push(*position, &codec::encode(rec));
            }
            self.chunks.push_back(chunk);
        }
        self.links.extend_from_slice(&batch.links);
        if !deduper.rebuild_due() {
            return;
        }
        let gone = deduper.expired();
        let next = deduper.next_position();
        deduper.reset();
        let dropped = |p: &u32| gone.binary_search(p).is_ok();
        self.links.retain(|(a, b, _)| !dropped(a) && !dropped(b));
        for chunk in &mut self.chunks {
            *chunk = chunk.without(&gone);
        }
        self.chunks.retain(|c| !c.positions.is_empty());
        for chunk in &self.chunks {
            // Records this process encoded itself: one that does not decode
            // is a defect of the codec, and is left out.
            let records = chunk
                .records()
                .filter_map(|(p, bytes)| Some((p, codec::decode(bytes).ok()?)))
                .collect();
            deduper.restore_chunk(records);
        }
        deduper.restore_links(self.links.iter().copied());
        deduper.set_next_position(next);
    }
}

/// Seconds in a window written `72h`, `30d`, `90m`, `2w` or `3600s` (a
/// whole number and a unit).
pub fn parse_duration(s: &str) -> Result<i64, String> {
    let s = s.trim();
    let split = s
        .find(|c: char| !c.is_ascii_digit())
        .ok_or_else(|| format!("`{s}`: give a unit (s, m, h, d or w), as in 72h or 30d"))?;
    let (n, unit) = s.split_at(split);
    let n: i64 = n
        .parse()
        .map_err(|_| format!("`{s}`: a whole number and a unit, as in 72h or 30d"))?;
    let scale = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3_600,
        "d" => 86_400,
        "w" => 604_800,
        _ => return Err(format!("`{s}`: unknown unit `{unit}` (s, m, h, d or w)")),
    };
    match n.checked_mul(scale) {
        Some(secs) if secs > 0 => Ok(secs),
        _ => Err(format!(
            "`{s}`: a window must be longer than 0 and shorter than an age"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_with_their_units() {
        assert_eq!(parse_duration("72h"), Ok(72 * 3_600));
        assert_eq!(parse_duration("30d"), Ok(30 * 86_400));
        assert_eq!(parse_duration("45s"), Ok(45));
        assert!(parse_duration("30").is_err());
        assert!(parse_duration("0d").is_err());
        assert!(parse_duration("3y").is_err());
        assert!(parse_duration("h").is_err());
    }
}
