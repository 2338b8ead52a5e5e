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
#[derive(Debug)]
pub struct Store {
    blocks: Vec<Vec<u32>>,
    /// The block being filled (a record longer than a block gets one of
    /// its own, which is never filled further).
    current: Option<usize>,
    /// Per article: block index (high 32 bits) and start within it.
    at: Vec<u64>,
    /// Per article: record length.
    lens: Vec<u32>,
    /// Values per block ([`BLOCK`] unless a test asks for less).
    block: usize,
}

impl Default for Store {
    fn default() -> Store {
        Store::with_block(BLOCK)
    }
}

impl Store {
    fn with_block(block: usize) -> Store {
        Store {
            blocks: Vec::new(),
            current: None,
            at: Vec::new(),
            lens: Vec::new(),
            block,
        }
    }

    /// Number of sketches held.
    pub fn len(&self) -> usize {
        self.at.len()
    }

    /// Appends a copy of `sketch`'s record.
    pub fn push(&mut self, sketch: &SketchBuf) {
        let rec = sketch.record();
        let block = if rec.len() > self.block {
            self.blocks.push(Vec::with_capacity(rec.len()));
            self.blocks.len() - 1
        } else {
            let fits = self
                .current
                .and_then(|c| self.blocks.get(c))
                .is_some_and(|b| b.capacity() - b.len() >= rec.len());
            if !fits {
                self.blocks.push(Vec::with_capacity(self.block));
                self.current = Some(self.blocks.len() - 1);
            }
            self.current.unwrap_or(0)
        };
        if let Some(b) = self.blocks.get_mut(block) {
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
        let mut store = Store::with_block(1_000);
        // Enough records to fill more than one block.
        let rounds = 100;
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

    #[test]
    fn a_record_longer_than_a_block_does_not_end_the_current_block() {
        let long: String = (0..60)
            .map(|k| format!("Sentence {k} tells of boats on the river near the mill."))
            .collect::<Vec<_>>()
            .join(" ");
        let big = signature(&article_from_text("b.txt", &format!("Title\n\n{long}")).unwrap());
        let small = signature(
            &article_from_text(
                "s.txt",
                "Title\n\nFloods cut the valley road on Monday morning.",
            )
            .unwrap(),
        );
        let mut store = Store::with_block(200);
        assert!(big.sketch.record().len() > store.block);
        store.push(&small.sketch);
        store.push(&big.sketch);
        store.push(&small.sketch);
        assert_eq!(
            store.blocks.len(),
            2,
            "the third record joins the first block"
        );
        assert_eq!(store.get(1).map(|s| s.len()), Some(big.sketch.view().len()));
        assert_eq!(
            store.get(2).map(|s| s.fps().to_vec()),
            Some(small.sketch.view().fps().to_vec())
        );
    }
}
