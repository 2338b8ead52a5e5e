//! The candidate index: which earlier articles share a key with a new one.
//!
//! A key maps to a chain of articles (newest first) in one flat vector, so
//! the common case (a key held by one article) costs one map slot and one
//! eight-byte entry. Chains stop growing at [`POSTING_CAP`]: a key that
//! hundreds of articles share says little about any two of them, and
//! verifying every pair would make the run quadratic.

use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;

/// Longest chain kept per key. Copies in a family share many keys, so a
/// capped key rarely loses a true pair; 10,000 near-identical articles then
/// cost 10,000 x `POSTING_CAP` verifications, not 50 million. Chosen as a
/// power of two well above the largest family of the bench workloads (4).
pub const POSTING_CAP: usize = 32;

const NONE: u32 = u32::MAX;

/// Key → earlier articles, by sequence number.
#[derive(Debug, Default)]
pub struct Index {
    /// Key → (first entry of its chain, chain length). The length rides in
    /// the map slot's padding (a `(u64, u32)` slot is 16 bytes anyway), so
    /// the cap is checked without walking the chain.
    heads: FxHashMap<u64, (u32, u32)>,
    /// (article, next entry) pairs; chains end with `NONE`.
    entries: Vec<(u32, u32)>,
}

impl Index {
    /// An empty index.
    pub fn new() -> Index {
        Index::default()
    }

    /// Articles listed under `key`, newest first.
    pub fn postings(&self, key: u64) -> impl Iterator<Item = u32> + '_ {
        self.chain(self.head(key))
    }

    /// Where `key`'s chain starts: a handle for [`Index::chain`], valid
    /// until the index is dropped (entries are never moved or removed).
    pub fn head(&self, key: u64) -> u32 {
        self.heads.get(&key).map_or(NONE, |&(head, _)| head)
    }

    /// The articles of a chain from `head` on, newest first: what
    /// [`Index::postings`] gave for the key when `head` was noted. Later
    /// inserts go in front of it and do not show.
    pub fn chain(&self, head: u32) -> impl Iterator<Item = u32> + '_ {
        let mut at = head;
        std::iter::from_fn(move || {
            let &(article, next) = self.entries.get(at as usize)?;
            at = next;
            Some(article)
        })
    }

    /// Number of articles listed under `key` (at most [`POSTING_CAP`]).
    pub fn len_of(&self, key: u64) -> usize {
        self.heads.get(&key).map_or(0, |&(_, n)| n as usize)
    }

    /// Lists `article` under each of `keys`, unless the key's chain is full.
    pub fn insert(&mut self, article: u32, keys: &[u64]) {
        self.insert_capped(article, keys, POSTING_CAP);
    }

    /// [`Index::insert`] with a shorter cap for keys that only matter while
    /// rare.
    pub fn insert_capped(&mut self, article: u32, keys: &[u64], cap: usize) {
        for &k in keys {
            self.insert_one(article, k, cap);
        }
    }

    /// [`Index::insert_capped`] that also notes, per key, the head of its
    /// chain as it was before: [`Index::chain`] then lists the earlier
    /// articles under that key without probing the map a second time. On a
    /// large index each probe is a cache miss, and looking up a new
    /// article's keys right after inserting them made half of the misses.
    pub fn insert_noting(&mut self, article: u32, keys: &[u64], cap: usize, before: &mut Vec<u32>) {
        before.extend(keys.iter().map(|&k| self.insert_one(article, k, cap)));
    }

    /// Lists `article` under `key` unless its chain is full; returns the
    /// chain's head from before.
    #[inline]
    fn insert_one(&mut self, article: u32, key: u64, cap: usize) -> u32 {
        let at = self.entries.len() as u32;
        // One probe: most keys are new, and a full chain is rare.
        match self.heads.entry(key) {
            Entry::Vacant(v) => {
                v.insert((at, 1));
                self.entries.push((article, NONE));
                NONE
            }
            Entry::Occupied(mut o) => {
                let (head, n) = *o.get();
                if (n as usize) < cap {
                    o.insert((at, n + 1));
                    self.entries.push((article, head));
                }
                head
            }
        }
    }

    /// Approximate heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.heads.capacity() * 17 + self.entries.capacity() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chains_are_newest_first_and_capped() {
        let mut ix = Index::new();
        for a in 0..(POSTING_CAP as u32 + 5) {
            ix.insert(a, &[7, 1000 + a as u64]);
        }
        let got: Vec<u32> = ix.postings(7).collect();
        assert_eq!(got.len(), POSTING_CAP);
        assert_eq!(got.first(), Some(&(POSTING_CAP as u32 - 1)));
        assert_eq!(got.last(), Some(&0));
        assert_eq!(ix.postings(1003).collect::<Vec<_>>(), vec![3]);
        assert_eq!(ix.postings(99).count(), 0);
    }

    #[test]
    fn noted_heads_list_what_came_before() {
        let mut ix = Index::new();
        let mut before = Vec::new();
        ix.insert_noting(1, &[5, 6], 2, &mut before);
        ix.insert_noting(2, &[5], 2, &mut before);
        ix.insert_noting(3, &[5, 7], 2, &mut before);
        let lists: Vec<Vec<u32>> = before.iter().map(|&h| ix.chain(h).collect()).collect();
        // Key 5: nothing before 1, then [1], then [2, 1] (the chain is
        // full, so 3 is not listed); keys 6 and 7 were new.
        let want: Vec<Vec<u32>> = vec![vec![], vec![], vec![1], vec![2, 1], vec![]];
        assert_eq!(lists, want);
        assert_eq!(ix.postings(5).collect::<Vec<_>>(), vec![2, 1]);
        assert_eq!(ix.chain(ix.head(7)).collect::<Vec<_>>(), vec![3]);
    }
}
