//! The ids of a stream's articles: each accepted once, kept compactly.
//!
//! A long stream must remember every id to reject a repeat. As an
//! `Arc<str>` in a list plus a copy of the pointer in a hash set that took
//! about 70 bytes an article (two pointers, a reference-counted allocation,
//! the set's slots). Here the ids' bytes sit end to end in one buffer, with
//! their ends, and the set is a table of 4-byte positions that hashes the
//! bytes a position points at: about 14 bytes an article besides the ids'
//! own bytes.

use super::signature::mix;
use hashbrown::HashTable;
use rustc_hash::FxHasher;
use std::hash::Hasher;

/// Accepted ids in input order.
#[derive(Debug, Default)]
pub struct Ids {
    bytes: String,
    /// Where each id ends in `bytes`.
    ends: Vec<u64>,
    /// Positions of the ids, hashed by their bytes.
    table: HashTable<u32>,
}

/// Why an id was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// An earlier article has it.
    Repeated,
    /// Positions are 32-bit: a run takes at most 2^32 - 1 articles.
    Full,
}

/// Id `seq` of the buffer `bytes` cut at `ends`.
fn id_at<'a>(bytes: &'a str, ends: &[u64], seq: u32) -> Option<&'a str> {
    let i = seq as usize;
    let end = *ends.get(i)? as usize;
    let start = match i {
        0 => 0,
        _ => *ends.get(i - 1)? as usize,
    };
    bytes.get(start..end)
}

fn hash(id: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(id.as_bytes());
    // The table takes its control bits from the top of the hash.
    mix(h.finish())
}

impl Ids {
    /// Number of ids accepted.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True before the first id.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The id at position `seq`.
    pub fn get(&self, seq: u32) -> Option<&str> {
        id_at(&self.bytes, &self.ends, seq)
    }

    /// The position of `id`, when it was accepted.
    pub fn find(&self, id: &str) -> Option<u32> {
        let Ids { bytes, ends, table } = self;
        table
            .find(hash(id), |&s| id_at(bytes, ends, s) == Some(id))
            .copied()
    }

    /// Accepts `id` and gives its position.
    pub fn insert(&mut self, id: &str) -> Result<u32, Refused> {
        let Ids { bytes, ends, table } = self;
        let h = hash(id);
        if table
            .find(h, |&s| id_at(bytes, ends, s) == Some(id))
            .is_some()
        {
            return Err(Refused::Repeated);
        }
        let seq = u32::try_from(ends.len())
            .ok()
            .filter(|&s| s < u32::MAX)
            .ok_or(Refused::Full)?;
        bytes.push_str(id);
        ends.push(bytes.len() as u64);
        table.insert_unique(h, seq, |&s| id_at(bytes, ends, s).map_or(0, hash));
        Ok(seq)
    }

    /// Approximate heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.bytes.capacity() + self.ends.capacity() * 8 + self.table.capacity() * 5
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_kept_in_order_and_repeats_refused() {
        let mut ids = Ids::default();
        let names: Vec<String> = (0..5_000).map(|i| format!("wire-{i}")).collect();
        for (i, n) in names.iter().enumerate() {
            assert_eq!(ids.insert(n), Ok(i as u32));
        }
        assert_eq!(ids.insert("wire-17"), Err(Refused::Repeated));
        assert_eq!(ids.insert(""), Ok(5_000));
        assert_eq!(ids.insert(""), Err(Refused::Repeated));
        assert_eq!(ids.len(), 5_001);
        assert_eq!(ids.get(4_999), Some("wire-4999"));
        assert_eq!(ids.get(5_000), Some(""));
        assert_eq!(ids.get(5_001), None);
        assert_eq!(ids.find("wire-17"), Some(17));
        assert_eq!(ids.find("wire-5000"), None);
    }
}
