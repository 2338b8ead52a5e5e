//! Words as the corpus stage hashes them: the splitter, the 64-bit word
//! hashes and their 16-bit buckets, the function words left out, and a set
//! of buckets that drains sorted.

use rustc_hash::FxHasher;
use std::hash::Hasher;
use std::sync::LazyLock;

/// English function words: left out of the key fingerprint, which must name
/// a sentence by what it is about, and of the word sets that verification
/// compares. They are about 40% of a sentence's distinct words and tell
/// little about whether two sentences say the same thing; dropping them
/// took 210 bytes an article off the sketches (100k workload), at a cost
/// in pair F1 of 0.9937 -> 0.9930 (100k) and 0.9972 -> 0.9959 (10k):
/// an edit of two content words now weighs more against a short sentence.
/// Not `lexicon::is_stopword`: this list is part of what a fingerprint
/// hashes, so it changes only with a new sketch format and a recalibration;
/// it has `s` and `t` because this splitter cuts at apostrophes.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from",
    "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him",
    "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me",
    "more", "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
    "other", "our", "ours", "out", "over", "own", "said", "same", "says", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
    "you", "your", "s", "t", "mr", "mrs", "ms", "told", "stated",
];

/// The stopwords' hashes in a small open-addressing table, indexed by the
/// hash's top bits: a word is cleared with one load and one compare (most
/// slots are empty), where a sorted list took a binary search for every
/// function word, about a third of the words of news copy.
pub(super) struct Stop {
    slots: [u64; STOP_SLOTS],
}

/// Slots of the stopword table: a power of two, about four times the
/// number of stopwords, so that nearly every probe ends at its first slot.
const STOP_SLOTS: usize = 512;

impl Stop {
    #[inline]
    fn slot(h: u64) -> usize {
        (h >> 55) as usize % STOP_SLOTS
    }

    #[inline]
    pub(super) fn contains(&self, h: u64) -> bool {
        let mut i = Stop::slot(h);
        // Bounded by the table size; the table is never full.
        for _ in 0..STOP_SLOTS {
            match self.slots.get(i).copied().unwrap_or(0) {
                0 => return false,
                s if s == h => return true,
                _ => i = (i + 1) % STOP_SLOTS,
            }
        }
        false
    }
}

pub(super) static STOP_HASHES: LazyLock<Stop> = LazyLock::new(|| {
    let mut slots = [0u64; STOP_SLOTS];
    for w in STOPWORDS {
        let h = hash_bytes(w.as_bytes());
        // 0 marks an empty slot; a stopword hashing to 0 (one chance in
        // 2^64) would simply not be recognized.
        if h == 0 {
            continue;
        }
        let mut i = Stop::slot(h);
        for _ in 0..STOP_SLOTS {
            match slots.get_mut(i) {
                Some(s) if *s == 0 || *s == h => {
                    *s = h;
                    break;
                }
                _ => i = (i + 1) % STOP_SLOTS,
            }
        }
    }
    Stop { slots }
});

/// A set of 16-bit word buckets that gives them back sorted and distinct
/// without sorting: one bit per bucket, and one bit per 64-bucket word to
/// find the words in use. Inserting is a few instructions; draining costs
/// the number of distinct buckets plus 16 words. It replaces sorting and
/// deduplicating each sentence's words and each story's (about 300 a
/// story), which were about a fifth of the signature.
pub(super) struct BucketSet {
    /// A fixed size, so that no index into it needs a bounds check (a
    /// bucket's word is `b >> 6 < 1024`, its used bit `b >> 12 < 16`).
    bits: Box<[u64; 1 << 10]>,
    used: [u64; 16],
}

impl Default for BucketSet {
    fn default() -> BucketSet {
        BucketSet {
            bits: Box::new([0; 1 << 10]),
            used: [0; 16],
        }
    }
}

impl BucketSet {
    #[inline]
    pub(super) fn insert(&mut self, b: u16) {
        let w = usize::from(b >> 6);
        self.bits[w] |= 1 << (b & 63);
        self.used[w >> 6] |= 1 << (w & 63);
    }

    /// Appends the buckets in increasing order to `out` and empties the
    /// set.
    pub(super) fn drain_into(&mut self, out: &mut Vec<u16>) {
        for (ui, u) in self.used.iter_mut().enumerate() {
            let mut m = std::mem::take(u);
            while m != 0 {
                let w = ui * 64 + m.trailing_zeros() as usize;
                m &= m - 1;
                let Some(word) = self.bits.get_mut(w) else {
                    continue;
                };
                let mut bm = std::mem::take(word);
                while bm != 0 {
                    out.push((w * 64 + bm.trailing_zeros() as usize) as u16);
                    bm &= bm - 1;
                }
            }
        }
    }
}

/// 64-bit finalizer (splitmix64): spreads every input bit over the output.
#[inline]
pub const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The 16-bit bucket of a word hash kept in sketches: 65,536 buckets make a
/// chance collision between two words of one sentence pair negligible and
/// let document frequencies live in one flat table.
#[inline]
pub fn bucket(h: u64) -> u16 {
    (h >> 48) as u16
}

/// Eight bytes of `bytes` from `at`, little-endian, with only the first
/// `n` (at most 8) kept: the rest of a word's last chunk is zeroed.
#[inline]
fn chunk(bytes: &[u8], at: usize, n: usize) -> u64 {
    let word = match bytes.get(at..at + 8) {
        Some(c) => u64::from_le_bytes(c.try_into().unwrap_or([0; 8])),
        None => {
            // Near the end of the text: copy what there is.
            let mut t = [0u8; 8];
            for (d, s) in t.iter_mut().zip(bytes.get(at..).unwrap_or(&[])) {
                *d = *s;
            }
            u64::from_le_bytes(t)
        }
    };
    word & byte_mask(n)
}

/// The low `n` bytes of a word set (all for `n >= 8`).
#[inline]
fn byte_mask(n: usize) -> u64 {
    if n >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * n)) - 1
    }
}

/// Longest word the in-place path hashes: two chunks. Longer ones (rare:
/// URLs without their punctuation, run-together codes) take the general
/// path, which hashes the same bytes.
pub(super) const SHORT_WORD: usize = 16;

/// The hash and digit flag of `bytes[start..end]`, a word of ASCII letters
/// and digits at most [`SHORT_WORD`] long, without copying it byte by byte:
/// OR-ing 0x20 into each byte lower-cases the letters and leaves the digits
/// (0x30-0x39) as they are, and a digit is the one such byte without bit
/// 0x40. The bytes hashed are exactly the lower-cased word, so the hash is
/// the one [`hash_bytes`] gives it.
#[inline]
pub(super) fn hash_ascii_word(bytes: &[u8], start: usize, end: usize) -> (u64, bool) {
    const LOWER: u64 = 0x2020_2020_2020_2020;
    const LETTER: u64 = 0x4040_4040_4040_4040;
    let n = end.saturating_sub(start).min(SHORT_WORD);
    let (m0, m1) = (byte_mask(n), byte_mask(n.saturating_sub(8)));
    let c0 = chunk(bytes, start, n) | (LOWER & m0);
    let c1 = if n > 8 {
        chunk(bytes, start + 8, n - 8) | (LOWER & m1)
    } else {
        0
    };
    let digit = ((!c0 & m0) | (!c1 & m1)) & LETTER != 0;
    let low = (u128::from(c0) | (u128::from(c1) << 64)).to_le_bytes();
    (hash_bytes(low.get(..n).unwrap_or(&[])), digit)
}

fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(b);
    mix(h.finish())
}

/// The 16-bit bucket of a name's words, lower-cased, hashed as the corpus
/// hashes words (several words hash as one): the event signature's names.
pub(crate) fn name_bucket(text: &str, buf: &mut String) -> u16 {
    let mut h = 0u64;
    for_each_word(text, buf, |w, _, _| h = mix(h ^ w));
    bucket(h)
}

/// Calls `f(hash, starts_capitalized, has_digit)` for each word of `text`:
/// maximal runs of letters and digits, lower-cased. Short words of ASCII
/// letters and digits (nearly all of English copy) are lower-cased eight
/// bytes at a time and hashed at once; any other word goes through `char`
/// decoding into `buf`. Both paths hash the same lower-cased bytes, so a
/// word hashes alike either way.
pub(crate) fn for_each_word(text: &str, buf: &mut String, mut f: impl FnMut(u64, bool, bool)) {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let at = |k: usize| bytes.get(k).copied().unwrap_or(b' ');
    let mut i = 0;
    while i < len {
        let b = at(i);
        if b < 0x80 && !b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < len && at(i).is_ascii_alphanumeric() {
            i += 1;
        }
        let ascii_word = i > start && (i >= len || at(i) < 0x80) && i - start <= SHORT_WORD;
        if ascii_word {
            let (h, digit) = hash_ascii_word(bytes, start, i);
            f(h, b.is_ascii_uppercase(), digit);
            continue;
        }
        // The general path, from the start of this word.
        i = start;
        buf.clear();
        let (mut cap, mut digit, mut first) = (false, false, true);
        while let Some(c) = text.get(i..).and_then(|t| t.chars().next()) {
            if !c.is_alphanumeric() {
                break;
            }
            if first {
                cap = c.is_uppercase();
                first = false;
            }
            digit |= c.is_ascii_digit();
            push_lower(buf, c);
            i += c.len_utf8();
        }
        if first {
            // Not a word character: skip it.
            i += text
                .get(i..)
                .and_then(|t| t.chars().next())
                .map_or(1, char::len_utf8);
        } else {
            f(hash_bytes(buf.as_bytes()), cap, digit);
        }
    }
}

#[inline]
fn push_lower(buf: &mut String, c: char) {
    if c.is_ascii() {
        buf.push(c.to_ascii_lowercase());
    } else {
        buf.extend(c.to_lowercase());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn words_hash_alike_on_both_paths() {
        let mut buf = String::new();
        let collect = |t: &str, buf: &mut String| {
            let mut v = Vec::new();
            for_each_word(t, buf, |h, cap, digit| v.push((h, cap, digit)));
            v
        };
        // "Zürich" takes the general path, "zurich" and "ZURICH" the fast one.
        let a = collect("Zürich's 2 CAFÉS, ZURICH zurich", &mut buf);
        let b = collect("zürich s 2 cafés zurich zurich", &mut buf);
        assert_eq!(a.len(), 6);
        let hashes = |v: &[(u64, bool, bool)]| v.iter().map(|x| x.0).collect::<Vec<_>>();
        assert_eq!(hashes(&a), hashes(&b));
        assert!(a[0].1 && !b[0].1, "capitalization is reported");
        assert!(a[2].2, "a number is reported");
    }

    #[test]
    fn stopword_table_knows_every_stopword_and_nothing_else() {
        let stop = &*STOP_HASHES;
        for w in STOPWORDS {
            assert!(stop.contains(hash_bytes(w.as_bytes())), "{w}");
        }
        for w in ["flood", "governor", "lisbon", "42", "thems", "saidx"] {
            assert!(!stop.contains(hash_bytes(w.as_bytes())), "{w}");
        }
    }

    proptest::proptest! {
        #[test]
        fn bucket_set_drains_sorted_and_distinct(
            items in proptest::collection::vec(proptest::num::u16::ANY, 0..300),
        ) {
            let mut set = BucketSet::default();
            let mut got = Vec::new();
            for round in 0..2 {
                for &b in &items {
                    set.insert(b);
                }
                got.clear();
                set.drain_into(&mut got);
                let mut want = items.clone();
                want.sort_unstable();
                want.dedup();
                // The second round shows that draining emptied the set.
                proptest::prop_assert_eq!(&got, &want, "round {}", round);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn short_ascii_words_hash_as_their_lower_cased_bytes(
            word in "[A-Za-z0-9]{1,16}",
            before in "[ ,.]{0,3}",
            after in "[ ,.]{0,9}",
        ) {
            // The word sits inside a text, as in a sentence: the bytes after
            // it must not leak into its hash.
            let text = format!("{before}{word}{after}");
            let (h, digit) = hash_ascii_word(text.as_bytes(), before.len(), before.len() + word.len());
            let low = word.to_ascii_lowercase();
            proptest::prop_assert_eq!(h, hash_bytes(low.as_bytes()));
            proptest::prop_assert_eq!(digit, word.bytes().any(|b| b.is_ascii_digit()));
        }
    }
}
