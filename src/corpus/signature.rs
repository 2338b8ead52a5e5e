//! Per-article signatures: what the corpus stage keeps of an article once its
//! text is gone.
//!
//! An article is reduced to a compact [`Sketch`] (per story sentence a 32-bit
//! fingerprint, its paragraph and a small set of 16-bit word hashes; bits
//! marking the salient terms among those words; headline words and hashes
//! of quoted stretches) plus candidate keys for the index.
//! Nothing here keeps text: memory grows with the number of sentences, not
//! with the number of bytes.
//!
//! **Candidate keys.** Each key is a pair of sentences from *different
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

use super::event::EventSig;
use crate::article::Article;
use crate::facts;
use crate::segment;
use rustc_hash::{FxHashSet, FxHasher};
use std::hash::Hasher;
use std::sync::LazyLock;

/// Number of min-hash functions, hence at most this many keys an article
/// (repeated pairs are dropped). Chosen on the 10k workload of
/// `shared/bench` (make_workloads.py): with 64 keys every gold pair whose
/// smaller side shares half its sentences got at least one key in common;
/// the index costs about 17 bytes a key (see `candidates`).
pub const NUM_KEYS: usize = 64;

/// Sentences with fewer words than this carry too little to identify a story
/// ("He said.", "Photo", a lone name) and are left out of the sketch.
pub const MIN_SENTENCE_WORDS: usize = 4;

/// Words of a sentence that make up its *key fingerprint*: the sentence is
/// named for the candidate keys by its `KEY_WORDS` content words of smallest
/// hash. A light edit (a word swapped, clauses reordered, a lead-in added)
/// usually leaves those words in place, so an edited copy still shares keys
/// with its source, which an exact fingerprint of the whole sentence would
/// not. Three, because two content words are often shared by unrelated
/// sentences of one topic, and more would make edits break the name.
pub const KEY_WORDS: usize = 3;

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
struct Stop {
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
    fn contains(&self, h: u64) -> bool {
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

static STOP_HASHES: LazyLock<Stop> = LazyLock::new(|| {
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
struct BucketSet {
    bits: Vec<u64>,
    used: [u64; 16],
}

impl Default for BucketSet {
    fn default() -> BucketSet {
        BucketSet {
            bits: vec![0; 1 << 10],
            used: [0; 16],
        }
    }
}

impl BucketSet {
    #[inline]
    fn insert(&mut self, b: u16) {
        let w = usize::from(b >> 6);
        if let Some(word) = self.bits.get_mut(w) {
            *word |= 1 << (b & 63);
        }
        if let Some(u) = self.used.get_mut(w >> 6) {
            *u |= 1 << (w & 63);
        }
    }

    /// Appends the buckets in increasing order to `out` and empties the
    /// set.
    fn drain_into(&mut self, out: &mut Vec<u16>) {
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

/// Quoted stretches shorter than this are terms in quotes, not statements.
pub const MIN_QUOTE_WORDS: usize = 4;

/// What the corpus stage keeps of one article: a *record*, one run of
/// 32-bit values, read through this view. The records of a stream sit end
/// to end in large blocks (`corpus::store`), so an article costs its record
/// and an 8-byte locator, with no allocation, allocator overhead or struct
/// of its own.
///
/// Layout, in 32-bit values: the counts of sentences `n`, quotes `q`,
/// story words `u` and title words `t`; the content hash (two values); `n`
/// sentence fingerprints; `q` quote hashes; `n + 1` word offsets; then
/// 16-bit values two to a slot: the sentences' words, the sentences'
/// paragraphs, one bit per story word that is a salient term, the title
/// words and one bit per title word that is a salient term. (Salient terms
/// as a list with a paragraph mask each took 172 bytes an article; as bits
/// over words the record holds anyway, with the paragraphs derived from
/// the sentences that hold a term, about 45.)
///
/// Nothing is kept that can be derived from the rest when a pair is
/// verified: a sentence's word mask and the story's word set are computed
/// from the sentences' word sets then (see [`Sketch::mask_of`],
/// [`with_story_words`]). Keeping them took about 480 of 1,600 bytes an
/// article, which for a long stream is the difference between fitting in
/// memory or not, while computing them costs a few hundred instructions a
/// verified pair. Fingerprints and quote hashes are 32 bits: they are only
/// compared between the two articles of a candidate pair (a few hundred
/// comparisons), where a chance collision has odds of about 2^-25.
#[derive(Debug, Clone, Copy)]
pub struct Sketch<'a> {
    rec: &'a [u32],
}

/// Values before the fingerprints: four counts, the content hash and the
/// length of the event tail (the last values of the record, 16-bit values
/// two to a slot: `event::EventSig::pack`).
const HEADER: usize = 7;

/// An article's sketch record, owned: what [`signature`] makes, before the
/// store copies it into its blocks.
#[derive(Debug, Clone)]
pub struct SketchBuf {
    rec: Box<[u32]>,
}

impl Default for SketchBuf {
    fn default() -> SketchBuf {
        SketchBuf {
            rec: vec![0; HEADER].into_boxed_slice(),
        }
    }
}

impl SketchBuf {
    /// The record as a [`Sketch`].
    pub fn view(&self) -> Sketch<'_> {
        Sketch { rec: &self.rec }
    }

    /// The record's values.
    pub fn record(&self) -> &[u32] {
        &self.rec
    }

    /// A record's values back as a sketch (`codec` keeps them).
    pub fn from_record(rec: Vec<u32>) -> SketchBuf {
        SketchBuf {
            rec: rec.into_boxed_slice(),
        }
    }
}

/// The parts of a [`Sketch`] while it is built.
#[derive(Debug, Default)]
struct Parts {
    fps: Vec<u64>,
    offs: Vec<u32>,
    words: Vec<u16>,
    /// Paragraph of each sentence.
    paras: Vec<u16>,
    /// Salient-term bits over `doc_words`, then over `title`.
    flags: Vec<u16>,
    title_flags: Vec<u16>,
    title: Vec<u16>,
    doc_words: Vec<u16>,
}

impl Parts {
    fn clear(&mut self) {
        self.fps.clear();
        self.offs.clear();
        self.words.clear();
        self.paras.clear();
        self.flags.clear();
        self.title_flags.clear();
        self.title.clear();
        self.doc_words.clear();
    }
}

/// The 32 bits of a 64-bit hash that a record keeps (the high ones, so
/// that sorted hashes stay sorted).
fn narrow_hash(h: u64) -> u32 {
    (h >> 32) as u32
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl SketchBuf {
    /// Packs the parts into one record of exact size.
    fn new(p: &Parts, quotes: &[u64], content: u64, event: &[u16]) -> SketchBuf {
        let n = p.fps.len();
        // The packing assumes these agree; they do by construction, and a
        // sketch of mismatched parts is never made.
        if p.offs.len() != n + 1
            || p.paras.len() != n
            || p.flags.len() != p.doc_words.len().div_ceil(16)
            || p.title_flags.len() != p.title.len().div_ceil(16)
        {
            return SketchBuf::default();
        }
        // 32 bits of each fingerprint and quote hash are kept (the type's
        // docs say why); the quotes stay sorted, and distinct once deduped.
        let mut quotes: Vec<u32> = quotes.iter().map(|&q| narrow_hash(q)).collect();
        quotes.dedup();
        let parts = [&p.words, &p.paras, &p.flags, &p.title, &p.title_flags];
        let narrow: usize = parts.iter().map(|x| x.len()).sum();
        let tail = event.len().div_ceil(2);
        let mut rec =
            Vec::with_capacity(HEADER + 2 * n + 1 + quotes.len() + narrow.div_ceil(2) + tail);
        rec.extend([
            count(n),
            count(quotes.len()),
            count(p.doc_words.len()),
            count(p.title.len()),
            content as u32,
            (content >> 32) as u32,
            count(tail),
        ]);
        rec.extend(p.fps.iter().map(|&f| narrow_hash(f)));
        rec.extend_from_slice(&quotes);
        rec.extend_from_slice(&p.offs);
        let wide = rec.len();
        rec.resize(wide + narrow.div_ceil(2), 0);
        if let Some(area) = rec.get_mut(wide..) {
            let area: &mut [u16] = bytemuck::cast_slice_mut(area);
            let mut at = 0;
            for part in parts {
                if let Some(dst) = area.get_mut(at..at + part.len()) {
                    dst.copy_from_slice(part);
                }
                at += part.len();
            }
        }
        let at = rec.len();
        rec.resize(at + tail, 0);
        if let Some(area) = rec.get_mut(at..) {
            let area: &mut [u16] = bytemuck::cast_slice_mut(area);
            if let Some(dst) = area.get_mut(..event.len()) {
                dst.copy_from_slice(event);
            }
        }
        SketchBuf {
            rec: rec.into_boxed_slice(),
        }
    }
}

impl<'a> Sketch<'a> {
    /// A view of a record made by [`SketchBuf`] (as the store gives back).
    pub fn from_record(rec: &'a [u32]) -> Sketch<'a> {
        Sketch { rec }
    }

    fn field(&self, i: usize) -> usize {
        self.rec.get(i).map_or(0, |&v| v as usize)
    }

    /// Number of story sentences kept.
    pub fn len(&self) -> usize {
        self.field(0)
    }

    /// True when no story sentence was kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn quote_count(&self) -> usize {
        self.field(1)
    }

    /// Number of story words (the union of the sentences' words).
    fn story_count(&self) -> usize {
        self.field(2)
    }

    fn title_count(&self) -> usize {
        self.field(3)
    }

    /// Hash of the whole story (the sentence fingerprints in order); equal
    /// for articles that are the same once normalized. `0` for no sentences.
    pub fn content(&self) -> u64 {
        self.field(4) as u64 | (self.field(5) as u64) << 32
    }

    fn wide_part(&self, start: usize, len: usize) -> &'a [u32] {
        self.rec.get(start..start + len).unwrap_or(&[])
    }

    /// The 16-bit values after the offsets.
    fn narrow(&self) -> &'a [u16] {
        let start = HEADER + 2 * self.len() + self.quote_count() + 1;
        bytemuck::cast_slice(self.rec.get(start..).unwrap_or(&[]))
    }

    fn narrow_part(&self, start: usize, len: usize) -> &'a [u16] {
        self.narrow().get(start..start + len).unwrap_or(&[])
    }

    /// Fingerprint of each story sentence's normalized words, in text order.
    pub fn fps(&self) -> &'a [u32] {
        self.wide_part(HEADER, self.len())
    }

    /// Sentence `i`'s 64-bit mask, bit `w % 64` set for each word hash `w`:
    /// lets verification reject most sentence pairs in a few instructions
    /// (see `verify::may_match`).
    pub fn mask_of(&self, i: usize) -> u64 {
        self.words_of(i)
            .iter()
            .fold(0u64, |m, &w| m | 1 << (w % 64))
    }

    /// Sorted, distinct hashes of quoted stretches (normalized words).
    pub fn quotes(&self) -> &'a [u32] {
        self.wide_part(HEADER + self.len(), self.quote_count())
    }

    /// The story paragraphs that hold term `t` (bit `p % 16`), from the
    /// kept sentences that hold it; 0 for a term of the title alone.
    /// Same-story evidence must be spread over at least two paragraphs,
    /// not come from one shared passage, and 16 bits tell two paragraphs
    /// apart unless they are a multiple of 16 apart. A term's paragraphs
    /// are those of every kept sentence holding its 16-bit hash, in any
    /// letter case: "Flood" in a headline counts where "flood" is in the
    /// story (the earlier masks counted capitalized uses only; measured on
    /// BASIL and the 100k workload, one same-story pair more).
    pub fn term_paras(&self, t: u16) -> u16 {
        let paras = self.narrow_part(self.sentence_words(), self.len());
        (0..self.len())
            .filter(|&i| self.words_of(i).binary_search(&t).is_ok())
            .fold(0, |m, i| m | paras.get(i).map_or(0, |&p| 1 << (p % 16)))
    }

    /// Where the words of sentence `i` start in the word hashes (`i` up to
    /// `len()`, which gives the end of the last sentence).
    fn off(&self, i: usize) -> Option<usize> {
        let base = HEADER + self.len() + self.quote_count();
        self.rec.get(base + i).map(|&o| o as usize)
    }

    /// Total word hashes of the sentences.
    fn sentence_words(&self) -> usize {
        self.off(self.len()).unwrap_or(0)
    }

    /// The word hashes of sentence `i`, function words left out: sorted,
    /// distinct 16-bit hashes (empty when out of range).
    pub fn words_of(&self, i: usize) -> &'a [u16] {
        if i >= self.len() {
            return &[];
        }
        let (Some(s), Some(e)) = (self.off(i), self.off(i + 1)) else {
            return &[];
        };
        self.narrow().get(s..e).unwrap_or(&[])
    }

    /// Sorted, distinct 16-bit hashes of salient terms: capitalized words
    /// that are not function words (names, places, organizations) and
    /// numbers, in the kept sentences and the title. Allocates; [`with_salient`]
    /// does not.
    pub fn salient(&self) -> Vec<u16> {
        let (mut set, mut story, mut out) = Default::default();
        self.salient_into(&mut set, &mut story, &mut out);
        out
    }

    /// [`Sketch::salient`] into `out`, with the story words into `story`.
    fn salient_into(&self, set: &mut BucketSet, story: &mut Vec<u16>, out: &mut Vec<u16>) {
        self.story_words_into(set, story);
        out.clear();
        let flags_at = self.sentence_words() + self.len();
        let flags = self.narrow_part(flags_at, self.story_count().div_ceil(16));
        let title = self.title();
        let title_flags = self.narrow_part(
            flags_at + flags.len() + title.len(),
            title.len().div_ceil(16),
        );
        for (words, bits) in [(&story[..], flags), (title, title_flags)] {
            for (k, &w) in words.iter().enumerate() {
                if bits.get(k / 16).is_some_and(|b| b & (1 << (k % 16)) != 0) {
                    out.push(w);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
    }

    /// Sorted, distinct 16-bit hashes of the title's content words (function
    /// words left out): headlines of one event's reports name its people,
    /// places and subject, so a rare title word shared by two articles is a
    /// second route to same-story candidates (see `STORY_TITLE_TAG`).
    pub fn title(&self) -> &'a [u16] {
        let at = self.sentence_words() + self.len() + self.story_count().div_ceil(16);
        self.narrow_part(at, self.title_count())
    }

    /// Sorted, distinct 16-bit hashes of every word of the story's kept
    /// sentences (the union of their word sets): what same-story
    /// verification compares, weighted by rarity. Allocates; verification
    /// uses [`with_story_words`].
    pub fn story_words(&self) -> Vec<u16> {
        let mut set = BucketSet::default();
        let mut out = Vec::new();
        self.story_words_into(&mut set, &mut out);
        out
    }

    fn story_words_into(&self, set: &mut BucketSet, out: &mut Vec<u16>) {
        out.clear();
        for &w in self.narrow_part(0, self.sentence_words()) {
            set.insert(w);
        }
        set.drain_into(out);
    }

    /// The article's event signature (see `event`).
    pub fn event(&self) -> super::event::EventSig {
        let tail = self.field(6);
        let at = self.rec.len().saturating_sub(tail);
        super::event::EventSig::unpack(bytemuck::cast_slice(self.rec.get(at..).unwrap_or(&[])))
    }

    /// Heap bytes of the record.
    pub fn heap_bytes(&self) -> usize {
        self.rec.len() * 4
    }
}

/// Calls `f` with the story words ([`Sketch::story_words`]) of `a` and of
/// `b`, built in this thread's buffers: verification needs them for every
/// candidate pair, and an allocation a pair showed in the profile.
pub fn with_story_words<R>(a: Sketch, b: Sketch, f: impl FnOnce(&[u16], &[u16]) -> R) -> R {
    thread_local! {
        static BUFFERS: std::cell::RefCell<(BucketSet, Vec<u16>, Vec<u16>)> =
            std::cell::RefCell::new(Default::default());
    }
    BUFFERS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut bufs) => {
            let (set, x, y) = &mut *bufs;
            a.story_words_into(set, x);
            b.story_words_into(set, y);
            f(x, y)
        }
        // Only if `f` itself verifies a pair: then with fresh buffers.
        Err(_) => f(&a.story_words(), &b.story_words()),
    })
}

/// Calls `f` with the salient terms ([`Sketch::salient`]) of `a` and of
/// `b`, built in this thread's buffers.
pub fn with_salient<R>(a: Sketch, b: Sketch, f: impl FnOnce(&[u16], &[u16]) -> R) -> R {
    type Buffers = (BucketSet, Vec<u16>, Vec<u16>, Vec<u16>);
    thread_local! {
        static BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::new(Default::default());
    }
    BUFFERS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut bufs) => {
            let (set, story, x, y) = &mut *bufs;
            a.salient_into(set, story, x);
            b.salient_into(set, story, y);
            f(x, y)
        }
        // Only if `f` itself asks again: then with fresh buffers.
        Err(_) => f(&a.salient(), &b.salient()),
    })
}

/// A sketch with the keys to index it under.
#[derive(Debug, Clone, Default)]
pub struct Signature {
    /// What verification needs.
    pub sketch: SketchBuf,
    /// Candidate keys (see the module docs); empty for fewer than two
    /// sentences.
    pub keys: Vec<u64>,
    /// The story words ([`Sketch::story_words`]), for the document
    /// frequencies; not kept once counted.
    pub story_words: Vec<u16>,
    /// The salient terms ([`Sketch::salient`]), for the index; not kept
    /// once indexed.
    pub salient: Vec<u16>,
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
const SHORT_WORD: usize = 16;

/// The hash and digit flag of `bytes[start..end]`, a word of ASCII letters
/// and digits at most [`SHORT_WORD`] long, without copying it byte by byte:
/// OR-ing 0x20 into each byte lower-cases the letters and leaves the digits
/// (0x30-0x39) as they are, and a digit is the one such byte without bit
/// 0x40. The bytes hashed are exactly the lower-cased word, so the hash is
/// the one [`hash_bytes`] gives it.
#[inline]
fn hash_ascii_word(bytes: &[u8], start: usize, end: usize) -> (u64, bool) {
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

/// Reusable buffers of one thread's signatures: the sketch's parts are
/// built here and packed into one record at its exact size, so an article
/// costs one allocation (until the store copies it) instead of a chain of
/// growing ones per part (malloc and free were about a tenth of a 100k
/// run).
#[derive(Default)]
struct Scratch {
    parts: Parts,
    paras: Vec<usize>,
    key_fps: Vec<u64>,
    sentence_words: BucketSet,
    doc_words: BucketSet,
    buf: String,
    /// The current sentence's word hashes, function words flagged.
    words: Vec<(u64, bool)>,
    salient: Vec<u16>,
    /// Fingerprints of the sentences kept so far, once an article has
    /// many (see [`repeated`]).
    seen: FxHashSet<u64>,
}

/// Sentences an article may have before repeats are looked up in a hash set
/// rather than by scanning the fingerprints kept so far: the scan is faster
/// for a news article and quadratic for a book (two 300,000-sentence inputs
/// took 150 s in it).
const SCAN_REPEATS_BELOW: usize = 64;

/// Whether `fp` is a sentence already kept (`fps`), keeping `seen` up to
/// date past [`SCAN_REPEATS_BELOW`] sentences; `fp` counts as kept after.
fn repeated(fps: &[u64], seen: &mut FxHashSet<u64>, fp: u64) -> bool {
    if fps.len() < SCAN_REPEATS_BELOW {
        return fps.contains(&fp);
    }
    if seen.is_empty() {
        seen.extend(fps.iter().copied());
    }
    !seen.insert(fp)
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Computes the signature of an article: its story sentences (boilerplate
/// left out by ingest), quotes and salient terms.
pub fn signature(article: &Article) -> Signature {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => build(article, &mut scratch),
        // Not reached (nothing here calls back in), but never panic.
        Err(_) => build(article, &mut Scratch::default()),
    })
}

fn build(article: &Article, scratch: &mut Scratch) -> Signature {
    let Scratch {
        parts,
        paras,
        key_fps,
        sentence_words,
        doc_words,
        buf,
        words,
        salient,
        seen,
    } = scratch;
    parts.clear();
    // A set grown by one long article is not kept for the next ones.
    if seen.capacity() > 1 << 12 {
        *seen = FxHashSet::default();
    }
    seen.clear();
    paras.clear();
    key_fps.clear();
    salient.clear();
    let sentences = segment::sentences(article);
    let stop = &*STOP_HASHES;
    for_each_word(&article.title, buf, |h, cap, digit| {
        if stop.contains(h) {
            return;
        }
        parts.title.push(bucket(h));
        if cap || digit {
            salient.push(bucket(h));
        }
    });
    parts.title.sort_unstable();
    parts.title.dedup();
    parts.offs.push(0);
    // One split into words feeds the sketch and the event facts.
    let mut facts = facts::Scanner::new(article);
    let reference = facts.reference();
    let mut event = EventSig::start(article, reference, name_bucket);
    let bytes = article.text.as_bytes();
    for (i, s) in sentences.iter().enumerate() {
        words.clear();
        let mut each = |h: u64, cap: bool, digit: bool| {
            let is_stop = stop.contains(h);
            words.push((h, is_stop));
            if (cap || digit) && !is_stop {
                salient.push(bucket(h));
            }
        };
        let found = facts.sentence(i, s.span, |start, end, plain| {
            if plain && end - start <= SHORT_WORD {
                let (h, digit) = hash_ascii_word(bytes, start, end);
                let cap = bytes.get(start).is_some_and(u8::is_ascii_uppercase);
                each(h, cap, digit);
            } else if let Some(w) = article.text.get(start..end) {
                // Apostrophes, other scripts, long words: the sketch's
                // own splitting, which these words never cross.
                for_each_word(w, buf, &mut each);
            }
        });
        if let Some(f) = found {
            event.add(article, reference, f, name_bucket);
        }
        if words.len() < MIN_SENTENCE_WORDS {
            continue;
        }
        let fp = words.iter().fold(0x9e37_79b9_7f4a_7c15u64, |acc, &(w, _)| {
            mix(acc.rotate_left(7) ^ w)
        });
        // A sentence repeated inside one article counts once.
        if repeated(&parts.fps, seen, fp) {
            continue;
        }
        parts.fps.push(fp);
        paras.push(s.paragraph);
        parts.paras.push((s.paragraph % (1 << 16)) as u16);
        key_fps.push(key_fingerprint(words).unwrap_or(fp));
        for &(w, _) in words.iter().filter(|(_, is_stop)| !*is_stop) {
            sentence_words.insert(bucket(w));
            doc_words.insert(bucket(w));
        }
        sentence_words.drain_into(&mut parts.words);
        parts.offs.push(parts.words.len() as u32);
    }
    doc_words.drain_into(&mut parts.doc_words);
    // A salient term is kept as a bit over the story words, or the title
    // words if it is only there; one whose hash is in neither (seen only in
    // sentences too short to keep) is dropped with them.
    salient.sort_unstable();
    salient.dedup();
    parts.flags.resize(parts.doc_words.len().div_ceil(16), 0);
    parts.title_flags.resize(parts.title.len().div_ceil(16), 0);
    salient.retain(|t| {
        let (bits, k) = match parts.doc_words.binary_search(t) {
            Ok(k) => (&mut parts.flags, k),
            Err(_) => match parts.title.binary_search(t) {
                Ok(k) => (&mut parts.title_flags, k),
                Err(_) => return false,
            },
        };
        if let Some(b) = bits.get_mut(k / 16) {
            *b |= 1 << (k % 16);
        }
        true
    });
    let content = if parts.fps.is_empty() {
        0
    } else {
        parts.fps.iter().fold(0u64, |acc, &f| mix(acc ^ f)) | 1
    };
    let keys = keys(key_fps, paras);
    let mut packed = Vec::new();
    event.pack(&mut packed);
    let sketch = SketchBuf::new(parts, &quote_hashes(&article.text, buf), content, &packed);
    Signature {
        sketch,
        keys,
        story_words: parts.doc_words.clone(),
        salient: salient.clone(),
    }
}

/// The sentence's name for candidate keys: a hash of its [`KEY_WORDS`]
/// smallest-hash content words (see there; `words` flags the function
/// words). `None` when it has too few.
fn key_fingerprint(words: &[(u64, bool)]) -> Option<u64> {
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
fn keys(fps: &[u64], paras: &[usize]) -> Vec<u64> {
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

/// Hashes of the quoted stretches of `text` (straight or curly double
/// quotes) of at least [`MIN_QUOTE_WORDS`] words.
fn quote_hashes(text: &str, buf: &mut String) -> Vec<u64> {
    // Searches bytes, not chars: every mark looked for starts with a byte
    // that is never inside a multi-byte character (`"`, `\n`, and 0xE2,
    // the lead byte of the curly quotes U+201C and U+201D), so the
    // positions found are character boundaries. memchr jumps between
    // candidates many bytes at a time; a byte-by-byte loop over every
    // story was about a tenth of the signature.
    const CURLY_OPEN: &[u8] = "\u{201c}".as_bytes();
    const CURLY_CLOSE: &[u8] = "\u{201d}".as_bytes();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut from = 0;
    loop {
        let rest = bytes.get(from..).unwrap_or(&[]);
        // Line breaks matter only inside a quote.
        let found = match open {
            None => memchr::memchr2(b'"', 0xE2, rest),
            Some(_) => memchr::memchr3(b'"', 0xE2, b'\n', rest),
        };
        let Some(at) = found else { break };
        let i = from + at;
        from = i + 1;
        let (opens, closes, width) = match bytes.get(i) {
            Some(b'"') => (true, true, 1),
            Some(0xE2) => {
                let rest = bytes.get(i..).unwrap_or(&[]);
                if rest.starts_with(CURLY_OPEN) {
                    (true, false, CURLY_OPEN.len())
                } else if rest.starts_with(CURLY_CLOSE) {
                    (false, true, CURLY_CLOSE.len())
                } else {
                    continue;
                }
            }
            Some(b'\n') => {
                // A quote left open at a paragraph break is not carried on.
                if bytes.get(i + 1) == Some(&b'\n') {
                    open = None;
                }
                continue;
            }
            _ => continue,
        };
        match open {
            None if opens => open = Some(i + width),
            Some(s) if closes => {
                if let Some(q) = text.get(s..i) {
                    let mut n = 0usize;
                    let mut acc = 0x2545_f491_4f6c_dd1du64;
                    for_each_word(q, buf, |h, _, _| {
                        n += 1;
                        acc = mix(acc.rotate_left(7) ^ h);
                    });
                    if n >= MIN_QUOTE_WORDS {
                        out.push(acc);
                    }
                }
                open = None;
            }
            _ => {}
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::article_from_text;

    fn sig(body: &str) -> Signature {
        let a = article_from_text("t.txt", &format!("Title\n\n{body}")).unwrap();
        signature(&a)
    }

    #[test]
    fn case_punctuation_and_quote_style_do_not_change_fingerprints() {
        let a = sig("The mayor said \"we will rebuild the bridge\" on Monday.");
        let b = sig("the Mayor said \u{201c}We will rebuild the bridge,\u{201d} on Monday!");
        assert_eq!(a.sketch.view().fps(), b.sketch.view().fps());
        assert_eq!(a.sketch.view().quotes(), b.sketch.view().quotes());
        assert_eq!(a.sketch.view().quotes().len(), 1);
    }

    #[test]
    fn short_and_repeated_sentences_are_left_out() {
        let s = sig("He said so. The council voted to close the old school. The council voted to close the old school.");
        assert_eq!(s.sketch.view().len(), 1);
        assert!(s.keys.is_empty(), "one sentence gives no key");
    }

    #[test]
    fn repeats_count_once_in_long_articles_too() {
        // Past the scan: 150 distinct sentences, each written twice.
        let text: Vec<String> = (0..300)
            .map(|k| {
                format!(
                    "Crew {} saw {} boats on the river.",
                    k % 150,
                    k % 150 + 1000
                )
            })
            .collect();
        let s = sig(&text.join(" "));
        assert_eq!(s.sketch.view().len(), 150);
    }

    #[test]
    fn salient_terms_are_names_and_numbers() {
        let s = sig("The officials in Lisbon counted 42 boats near the harbour.");
        // "The" is a function word; Lisbon and 42 are salient, and so is the
        // title's one word ("Title").
        assert_eq!(s.sketch.view().salient().len(), 3);
    }

    #[test]
    fn copies_share_keys_and_a_shared_paragraph_alone_does_not() {
        let p1 = "Storms flooded the northern valley overnight. Rescue teams reached the last village by noon.";
        let p2 =
            "The regional governor asked for army help. Schools will stay closed until Friday.";
        let p3 = "Farmers fear the harvest is lost for this year. Insurers have not yet given estimates.";
        let other =
            "A new stadium opened in the capital on Sunday. Fans queued for hours to get inside.";
        let original = sig(&format!("{p1}\n\n{p2}\n\n{p3}"));
        let copy = sig(&format!(
            "{p1}\n\n{p2}\n\n{p3}\n\nCopyright notice for the copy desk here."
        ));
        let reuse = sig(&format!("{other}\n\n{p1}"));
        let shared =
            |x: &Signature, y: &Signature| x.keys.iter().filter(|k| y.keys.contains(k)).count();
        assert!(original.keys.len() >= 3, "{:?}", original.keys);
        assert!(shared(&original, &copy) * 2 > original.keys.len());
        assert_eq!(shared(&original, &reuse), 0);
    }

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
    fn packed_sketch_gives_back_each_part() {
        // Three sentences, ten 16-bit values (an odd number of 32-bit
        // values would need padding).
        let hi = |v: u64| v << 32 | 0xdead;
        let parts = Parts {
            fps: vec![hi(11), hi(12), hi(13)],
            offs: vec![0, 2, 2, 5],
            words: vec![1, 9, 3, 4, 8],
            paras: vec![0, 1, 17],
            // Story words 1, 3, 4, 8, 9: 1 and 8 salient; title word 50 too.
            flags: vec![0b01001],
            title_flags: vec![0b1],
            title: vec![50],
            doc_words: vec![1, 3, 4, 8, 9],
        };
        let buf = SketchBuf::new(&parts, &[hi(70), hi(71)], 99 << 40 | 7, &[]);
        let sk = buf.view();
        assert_eq!(sk.len(), 3);
        assert_eq!(sk.fps(), &[11, 12, 13]);
        assert_eq!(sk.quotes(), &[70, 71]);
        let sentences: Vec<&[u16]> = (0..4).map(|i| sk.words_of(i)).collect();
        assert_eq!(sentences, vec![&[1, 9][..], &[], &[3, 4, 8], &[]]);
        let masks: Vec<u64> = (0..3).map(|i| sk.mask_of(i)).collect();
        assert_eq!(masks, vec![1 << 1 | 1 << 9, 0, 1 << 3 | 1 << 4 | 1 << 8]);
        assert_eq!(sk.salient(), vec![1, 8, 50]);
        // Word 8 is in sentence 2, of paragraph 17 (bit 1); 50 in none.
        assert_eq!(
            (sk.term_paras(8), sk.term_paras(1), sk.term_paras(50)),
            (0b10, 0b1, 0)
        );
        assert_eq!(sk.title(), &[50]);
        assert_eq!(sk.story_words(), parts.doc_words);
        assert_eq!(sk.content(), 99 << 40 | 7);
        // Header (with the event signature's length), fingerprints, quotes,
        // offsets; 5 + 3 + 1 + 1 + 1 16-bit values in 6; no event facts.
        assert_eq!(sk.heap_bytes(), (7 + 3 + 2 + 4 + 6) * 4);
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

    #[test]
    fn empty_story_has_no_content_hash() {
        let s = sig("Hi.");
        assert!(s.sketch.view().is_empty());
        assert_eq!(s.sketch.view().content(), 0);
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_a_consistent_record(
            paragraphs in proptest::collection::vec(
                proptest::collection::vec(
                    "[A-Z][a-zé]{0,8}|[a-z]{1,9}|[0-9]{1,4}|\"|[a-z]{2,6}\\.|,",
                    0..60,
                ),
                0..12,
            ),
            title in "[A-Za-z ]{0,30}",
        ) {
            let paragraphs: Vec<String> = paragraphs.iter().map(|p| p.join(" ")).collect();
            let text = format!("{title}\n\n{}", paragraphs.join("\n\n"));
            let Ok(article) = article_from_text("p.txt", &text) else {
                return Ok(());
            };
            let sig = signature(&article);
            let sk = sig.sketch.view();
            proptest::prop_assert_eq!(sk.fps().len(), sk.len());
            let mut union = Vec::new();
            for i in 0..sk.len() {
                let w = sk.words_of(i);
                proptest::prop_assert!(w.windows(2).all(|p| p[0] < p[1]), "sorted, distinct");
                union.extend_from_slice(w);
            }
            union.sort_unstable();
            union.dedup();
            proptest::prop_assert_eq!(sk.story_words(), union.clone());
            proptest::prop_assert_eq!(&sig.story_words, &union);
            let salient = sk.salient();
            proptest::prop_assert_eq!(&salient, &sig.salient);
            for t in &salient {
                let in_story = union.binary_search(t).is_ok();
                proptest::prop_assert!(in_story || sk.title().binary_search(t).is_ok());
                proptest::prop_assert_eq!(sk.term_paras(*t) != 0, in_story);
            }
            proptest::prop_assert_eq!(sk.content() == 0, sk.is_empty());
        }
    }
}
