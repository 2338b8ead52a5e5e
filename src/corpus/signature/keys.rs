//! Candidate keys: which pairs of sentences an article is indexed under.
//!
//! Each key is a pair of sentences from *different
//! paragraphs*, picked by min-hashing: under hash function `i` the key joins
//! the sentence with the smallest hash and the smallest-hash sentence of
//! another paragraph (hash function `i` is a multiply-add permutation of
//! one mixed hash per sentence, see `PERMUTATIONS`). The key names the pair,
//! not the hash function that picked it: an article of a dozen sentences
//! has only a few dozen such pairs, so [`NUM_KEYS`] hash functions pick
//! many pairs more than once, and the repeats are dropped (on the 100k
//! bench workload 39 keys an article instead of 53). Two articles then
//! share a key when any pair one of them picks is picked by the other under
//! any hash function, which a copy that keeps half of its source does with
//! near certainty. An article that merely reuses
//! one passage of another (a shared background paragraph, one quoted
//! statement) shares sentences of one paragraph only and so shares no key:
//! such pairs, very common in news, never reach verification.

use super::words::mix;

/// Number of min-hash functions, hence at most this many keys an article
/// (repeated pairs are dropped). Chosen on the 10k workload of
/// `shared/bench` (make_workloads.py): with 64 keys every gold pair whose
/// smaller side shares half its sentences got at least one key in common;
/// the index costs about 17 bytes a key (see `candidates`).
pub const NUM_KEYS: usize = 64;

/// Words of a sentence that make up its *key fingerprint*: the sentence is
/// named for the candidate keys by its `KEY_WORDS` content words of smallest
/// hash. A light edit (a word swapped, clauses reordered, a lead-in added)
/// usually leaves those words in place, so an edited copy still shares keys
/// with its source, which an exact fingerprint of the whole sentence would
/// not. Three, because two content words are often shared by unrelated
/// sentences of one topic, and more would make edits break the name.
pub const KEY_WORDS: usize = 3;

/// The sentence's name for candidate keys: a hash of its [`KEY_WORDS`]
/// smallest-hash content words (see there; `words` flags the function
/// words). `None` when it has too few.
pub(super) fn key_fingerprint(words: &[(u64, bool)]) -> Option<u64> {
    let mut low = [u64::MAX; KEY_WORDS];
    for &(w, is_stop) in words {
        if is_stop || low.contains(&w) {
            continue;
        }
        if let Some(pos) = low.iter().position(|&l| w < l) {
            low.copy_within(pos..KEY_WORDS - 1, pos + 1);
            if let Some(slot) = low.get_mut(pos) {
                *slot = w;
            }
        }
    }
    if low.contains(&u64::MAX) {
        return None;
    }
    Some(
        low.iter()
            .fold(0x71c3_5a2e_9d4b_0f17u64, |acc, &w| mix(acc ^ w)),
    )
}

/// The min-hash permutations: key `i` orders sentences by
/// `a_i * h + b_i` (mod 2^64, `a_i` odd, so a permutation of the 64-bit
/// hashes) of each sentence's mixed fingerprint `h`. The high bits of the
/// product, which decide the order, depend on every bit of `h`; one
/// multiply-add per sentence and key replaces a full 64-bit mix, which made
/// the key loop the largest part of the signature after tokenizing.
const PERMUTATIONS: [(u64, u64); NUM_KEYS] = permutations();

const fn permutations() -> [(u64, u64); NUM_KEYS] {
    let mut out = [(0u64, 0u64); NUM_KEYS];
    let mut i = 0;
    while i < NUM_KEYS {
        let seed = mix((i as u64).wrapping_add(0x5151_5151));
        out[i] = (mix(seed ^ 0x6a09_e667_f3bc_c909) | 1, mix(seed));
        i += 1;
    }
    out
}

/// The min-hash sentence-pair keys (module docs).
pub(super) fn keys(fps: &[u64], paras: &[usize]) -> Vec<u64> {
    if fps.len() < 2 {
        return Vec::new();
    }
    let single_paragraph = paras.iter().all(|&p| Some(&p) == paras.first());
    // Per sentence, once: its mixed hash, its fingerprint and the group it
    // must differ from (its paragraph; itself when the story is one
    // paragraph).
    let sentences: Vec<(u64, u64, usize)> = fps
        .iter()
        .enumerate()
        .map(|(k, &f)| {
            let p = if single_paragraph {
                k
            } else {
                paras.get(k).copied().unwrap_or(k)
            };
            (mix(f), f, p)
        })
        .collect();
    let mut out = Vec::with_capacity(NUM_KEYS);
    for &(a, b) in &PERMUTATIONS {
        // One pass keeps the smallest hash and the smallest from another
        // paragraph than the current smallest's (any other sentence when
        // the story is one paragraph).
        let mut best: Option<(u64, u64, usize)> = None;
        let mut second: Option<(u64, u64)> = None;
        for &(g, f, p) in &sentences {
            let h = g.wrapping_mul(a).wrapping_add(b);
            match best {
                Some((bh, _, bp)) if h >= bh => {
                    if p != bp && second.map_or(true, |(sh, _)| h < sh) {
                        second = Some((h, f));
                    }
                }
                Some((bh, bf, bp)) => {
                    if p != bp {
                        second = Some((bh, bf));
                    }
                    best = Some((h, f, p));
                }
                None => best = Some((h, f, p)),
            }
        }
        if let (Some((_, fa, _)), Some((_, fb))) = (best, second) {
            out.push(mix(fa.wrapping_add(fb.rotate_left(17))));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}
