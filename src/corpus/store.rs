//! The sketches of a stream, end to end in large blocks.
//!
//! A million articles kept as a million small allocations cost, besides
//! their data, a 56-byte struct each and the allocator's overhead on two
//! blocks (about 90 bytes an article in all). Here each record is copied
//! into the current block of [`BLOCK`] values and found by an 8-byte
//! locator; blocks are never reallocated, so the store grows without
//! copying.

use super::signature::{Sketch, SketchBuf};

/// Values (32-bit) per block: 4 MiB, small beside a stream's memory and
/// large beside a record (a few hundred values; a longer record gets a
/// block of its own size).
const BLOCK: usize = 1 << 20;

/// The sketches, by article position.
#[derive(Debug, Default)]
pub struct Store {
    blocks: Vec<Vec<u32>>,
    /// Per article: block index (high 32 bits) and start within it.
    at: Vec<u64>,
    /// Per article: record length.
    lens: Vec<u32>,
}

impl Store {
    /// Number of sketches held.
    pub fn len(&self) -> usize {
        self.at.len()
    }

    /// Appends a copy of `sketch`'s record.
    pub fn push(&mut self, sketch: &SketchBuf) {
        let rec = sketch.record();
        let fits = self
            .blocks
            .last()
            .is_some_and(|b| b.capacity() - b.len() >= rec.len());
        if !fits {
            self.blocks.push(Vec::with_capacity(BLOCK.max(rec.len())));
        }
        let block = self.blocks.len() - 1;
        if let Some(b) = self.blocks.last_mut() {
            self.at.push((block as u64) << 32 | b.len() as u64);
            self.lens.push(u32::try_from(rec.len()).unwrap_or(0));
            b.extend_from_slice(rec);
        }
    }

    /// The sketch of article `seq`.
    pub fn get(&self, seq: usize) -> Option<Sketch<'_>> {
        let at = *self.at.get(seq)?;
        let len = *self.lens.get(seq)? as usize;
        let start = (at & u64::from(u32::MAX)) as usize;
        let rec = self
            .blocks
            .get((at >> 32) as usize)?
            .get(start..start + len)?;
        Some(Sketch::from_record(rec))
    }

    /// The sketches in order.
    pub fn iter(&self) -> impl Iterator<Item = Sketch<'_>> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// Approximate heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.blocks.iter().map(|b| b.capacity() * 4).sum::<usize>()
            + self.at.capacity() * 8
            + self.lens.capacity() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::article_from_text;
    use crate::corpus::signature::signature;

    #[test]
    fn records_come_back_as_they_went_in() {
        let texts = [
            "Title\n\nFloods cut the valley road on Monday morning.\n\nCrews worked through the night to clear it.",
            "Title\n\nOne short line here only.",
            "Title\n\n",
        ];
        let bufs: Vec<SketchBuf> = texts
            .iter()
            .map(|t| signature(&article_from_text("t.txt", t).unwrap()).sketch)
            .collect();
        let mut store = Store::default();
        // Enough records to fill more than one block.
        let rounds = BLOCK / 20;
        for _ in 0..rounds {
            for b in &bufs {
                store.push(b);
            }
        }
        assert_eq!(store.len(), rounds * bufs.len());
        assert!(store.blocks.len() > 1);
        for (i, sk) in store.iter().enumerate() {
            let want = bufs[i % bufs.len()].view();
            assert_eq!(sk.fps(), want.fps());
            assert_eq!(sk.content(), want.content());
            assert_eq!(sk.words_of(0), want.words_of(0));
        }
        assert!(store.get(store.len()).is_none());
    }
}
