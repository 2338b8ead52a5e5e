//! The sketch record: what the corpus stage keeps of one article, packed
//! into one run of 32-bit values, and the views verification reads of it.

use super::words::BucketSet;
use crate::corpus::event::EventSig;

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

/// An article's sketch record, owned: what [`signature`](super::signature) makes, before the
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
pub(super) struct Parts {
    pub(super) fps: Vec<u64>,
    pub(super) offs: Vec<u32>,
    pub(super) words: Vec<u16>,
    /// Paragraph of each sentence.
    pub(super) paras: Vec<u16>,
    /// Salient-term bits over `doc_words`, then over `title`.
    pub(super) flags: Vec<u16>,
    pub(super) title_flags: Vec<u16>,
    pub(super) title: Vec<u16>,
    pub(super) doc_words: Vec<u16>,
}

impl Parts {
    pub(super) fn clear(&mut self) {
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
    pub(super) fn new(p: &Parts, quotes: &[u64], content: u64, event: &[u16]) -> SketchBuf {
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
        self.salient_from(story, out);
    }

    /// [`Sketch::salient`] into `out`, from the story words `story`
    /// ([`Sketch::story_words`]).
    fn salient_from(&self, story: &'a [u16], out: &mut Vec<u16>) {
        out.clear();
        let flags_at = self.sentence_words() + self.len();
        let flags = self.narrow_part(flags_at, self.story_count().div_ceil(16));
        let title = self.title();
        let title_flags = self.narrow_part(
            flags_at + flags.len() + title.len(),
            title.len().div_ceil(16),
        );
        // The set bits only: a story has a few salient terms among some
        // hundreds of words.
        let flagged = |words: &'a [u16], bits: &'a [u16]| {
            bits.iter().enumerate().flat_map(move |(i, &b)| {
                let mut m = b;
                std::iter::from_fn(move || {
                    if m == 0 {
                        return None;
                    }
                    let k = i * 16 + m.trailing_zeros() as usize;
                    m &= m - 1;
                    Some(words.get(k).copied())
                })
                .flatten()
            })
        };
        // Both lists are sorted and distinct: merged, not sorted (the sort
        // was a fifth of finding same-story candidates).
        let (mut x, mut y) = (
            flagged(story, flags).peekable(),
            flagged(title, title_flags).peekable(),
        );
        loop {
            let next = match (x.peek(), y.peek()) {
                (Some(&a), Some(&b)) if a < b => x.next(),
                (Some(&a), Some(&b)) if a > b => y.next(),
                (Some(_), Some(_)) => {
                    y.next();
                    x.next()
                }
                (Some(_), None) => x.next(),
                (None, _) => y.next(),
            };
            match next {
                Some(w) => out.push(w),
                None => break,
            }
        }
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
    pub fn event(&self) -> EventSig {
        let tail = self.field(6);
        let at = self.rec.len().saturating_sub(tail);
        EventSig::unpack(bytemuck::cast_slice(self.rec.get(at..).unwrap_or(&[])))
    }

    /// Heap bytes of the record.
    pub fn heap_bytes(&self) -> usize {
        self.rec.len() * 4
    }
}

/// Records whose derived word lists a thread keeps: an article is
/// verified against each of its candidates in turn (on the 10k bench
/// workload 14,309 verified pairs had 4,686 distinct later articles), and
/// its salient terms are asked for once per story candidate just before,
/// so the same few records come back. Eight covers an article and its
/// candidates of the moment; looking through them costs a few compares.
const MEMO_SLOTS: usize = 8;

/// The story words and salient terms of a record, with a copy of the
/// record they were derived from: they are a function of the record's
/// values, so an equal record (compared in full, not by address) gives
/// them back unchanged.
#[derive(Default)]
struct Derived {
    rec: Vec<u32>,
    story: Vec<u16>,
    salient: Vec<u16>,
    /// Whether `salient` is derived yet (its buffer is kept either way).
    has_salient: bool,
}

/// A thread's [`Derived`] lists, reused round-robin.
#[derive(Default)]
struct Memo {
    set: BucketSet,
    slots: Vec<Derived>,
    next: usize,
}

impl Memo {
    /// The slot holding `s`'s story words, derived now if no slot holds
    /// them; never the slot `keep` (the other side of a pair).
    fn slot(&mut self, s: Sketch, keep: Option<usize>) -> usize {
        if let Some(i) = self.slots.iter().position(|d| d.rec[..] == *s.rec) {
            return i;
        }
        let i = if self.slots.len() < MEMO_SLOTS {
            self.slots.push(Derived::default());
            self.slots.len() - 1
        } else {
            let mut i = self.next % MEMO_SLOTS;
            if Some(i) == keep {
                i = (i + 1) % MEMO_SLOTS;
            }
            self.next = i + 1;
            i
        };
        if let Some(d) = self.slots.get_mut(i) {
            d.rec.clear();
            d.rec.extend_from_slice(s.rec);
            s.story_words_into(&mut self.set, &mut d.story);
            d.has_salient = false;
        }
        i
    }

    /// The slot of `s` with its salient terms derived too.
    fn salient_slot(&mut self, s: Sketch, keep: Option<usize>) -> usize {
        let i = self.slot(s, keep);
        if let Some(d) = self.slots.get_mut(i) {
            if !d.has_salient {
                s.salient_from(&d.story, &mut d.salient);
                d.has_salient = true;
            }
        }
        i
    }

    fn story(&self, i: usize) -> &[u16] {
        self.slots.get(i).map_or(&[], |d| &d.story)
    }

    fn salient(&self, i: usize) -> &[u16] {
        self.slots.get(i).map_or(&[], |d| &d.salient)
    }
}

thread_local! {
    static MEMO: std::cell::RefCell<Memo> = std::cell::RefCell::new(Memo::default());
}

/// Calls `f` with the story words ([`Sketch::story_words`]) of `a` and of
/// `b`, kept in this thread's memo (see [`MEMO_SLOTS`]): verification
/// needs them for every candidate pair, and building them was a tenth of
/// the same-story work.
pub fn with_story_words<R>(a: Sketch, b: Sketch, f: impl FnOnce(&[u16], &[u16]) -> R) -> R {
    MEMO.with(|cell| match cell.try_borrow_mut() {
        Ok(mut memo) => {
            let i = memo.slot(a, None);
            let j = memo.slot(b, Some(i));
            f(memo.story(i), memo.story(j))
        }
        // Only if `f` itself verifies a pair: then with fresh buffers.
        Err(_) => f(&a.story_words(), &b.story_words()),
    })
}

/// Calls `f` with the salient terms ([`Sketch::salient`]) of `a` and of
/// `b`, kept in this thread's memo.
pub fn with_salient<R>(a: Sketch, b: Sketch, f: impl FnOnce(&[u16], &[u16]) -> R) -> R {
    MEMO.with(|cell| match cell.try_borrow_mut() {
        Ok(mut memo) => {
            let i = memo.salient_slot(a, None);
            let j = memo.salient_slot(b, Some(i));
            f(memo.salient(i), memo.salient(j))
        }
        // Only if `f` itself asks again: then with fresh buffers.
        Err(_) => f(&a.salient(), &b.salient()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
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
}
