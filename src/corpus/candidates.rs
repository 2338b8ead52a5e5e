//! The candidate index: which earlier articles share a key with a new one.
//!
//! A key maps to a chain of articles (newest first) stored in blocks of
//! entries that never move. The keys themselves live in an open-addressing
//! table (in shards) of 32-bit tags, chain heads and chain lengths: 9 bytes a slot,
//! against 17 for a hash map of 64-bit keys, because the index is most of
//! what a long stream keeps (about 40 keys an article). Nine keys in ten
//! are never shared by a second article, so a key's first article sits in
//! its slot (where the chain head would go) and a chain is made only when a
//! second article comes: on the 100k workload 4.4 M chain entries of 8
//! bytes became 0.8 M. Chains stop growing
//! at [`POSTING_CAP`]: a key that hundreds of articles share says little
//! about any two of them, and verifying every pair would make the run
//! quadratic.
//!
//! A tag is 32 bits of a mix of the 64-bit key, so two keys may share one:
//! about one pair in 2^32, some two thousand of the 4 M keys of 100k
//! articles. Their chains then merge, which can only add candidates that
//! verification then judges on their sentences.

use super::event::EventSig;
use super::signature::{self, mix, Sketch};
use super::store::Store;
use super::verify::Rarity;

/// Longest chain kept per key. Copies in a family share many keys, so a
/// capped key rarely loses a true pair; 10,000 near-identical articles then
/// cost 10,000 x `POSTING_CAP` verifications, not 50 million. Chosen as a
/// power of two well above the largest family of the bench workloads (4).
pub const POSTING_CAP: usize = 32;

const NONE: u32 = u32::MAX;

/// Entries per block: blocks are allocated whole and never reallocated, so
/// the chain store grows without copying and with at most one block spare.
const BLOCK_BITS: u32 = 16;
const BLOCK: usize = 1 << BLOCK_BITS;

/// The table is cut into `1 << SHARD_BITS` shards by the top bits of the
/// tag, each growing on its own: a growth then copies one shard (a 256th
/// of the table) instead of holding an old and a new copy of the whole,
/// which at a million articles was 0.9 GB for a moment, late in the run
/// (the peak of the run).
const SHARD_BITS: u32 = 8;

/// Smallest shard, in slots.
const MIN_SLOTS: usize = 16;

/// A shard grows when more than `LOAD_NUM / LOAD_DEN` of its slots are
/// used, by a quarter: doubling would leave the table, most of what a long
/// stream keeps, half empty after each growth (a third of it on average);
/// a quarter keeps it 64-80% full. Below [`DOUBLE_BELOW`] slots a shard
/// doubles instead: small shards cost little, and growing them a quarter at
/// a time made a 2,000-article index three times slower to fill.
const LOAD_NUM: usize = 4;
const LOAD_DEN: usize = 5;

/// Shards smaller than this double when they grow.
const DOUBLE_BELOW: usize = 1 << 12;

/// Where a key's chain stood at some moment: what [`Index::chain`] lists.
/// Entries are never moved or removed, so a head stays valid, and lists
/// what the key listed then (later inserts go in front and do not show).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Head {
    /// Articles in the chain then.
    len: u8,
    /// The index half whose entries the chain is in.
    half: u8,
    /// The one article when `len` is 1, else the first entry.
    at: u32,
}

/// One shard of the key table: open addressing with linear probing.
#[derive(Debug, Default)]
struct Shard {
    /// Per slot: the key's tag (0 for an empty slot), its article (for a
    /// chain of one) or the first entry of its chain, and the chain's
    /// length.
    tags: Vec<u32>,
    heads: Vec<u32>,
    lens: Vec<u8>,
    /// Occupied slots.
    used: usize,
}

impl Shard {
    /// The first slot tried for `tag`: its bits below the shard bits scaled
    /// to the shard's length (a multiply and a shift, for any length).
    #[inline]
    fn home(&self, tag: u32) -> usize {
        ((u128::from(tag << SHARD_BITS) * self.tags.len() as u128) >> 32) as usize
    }

    /// The slot holding `tag`, or the empty slot where it would go. Never
    /// called on an empty shard, and a shard is never full (see
    /// [`Shard::grow`]).
    fn slot(&self, tag: u32) -> usize {
        let n = self.tags.len();
        let mut at = self.home(tag);
        loop {
            match self.tags[at] {
                0 => return at,
                t if t == tag => return at,
                _ => {
                    at += 1;
                    if at == n {
                        at = 0;
                    }
                }
            }
        }
    }

    /// The chain head stored for `tag` (empty when absent).
    fn head(&self, tag: u32) -> Head {
        if self.tags.is_empty() {
            return Head::default();
        }
        let at = self.slot(tag);
        let (half, _) = place(tag);
        Head {
            len: self.lens[at],
            half: half as u8,
            at: self.heads[at],
        }
    }

    /// Grows the shard by a quarter (or makes it) when it is full to
    /// [`LOAD_NUM`] / [`LOAD_DEN`].
    fn grow(&mut self) {
        let len = self.tags.len();
        if len != 0 && (self.used + 1) * LOAD_DEN <= len * LOAD_NUM {
            return;
        }
        let slots = if len < DOUBLE_BELOW {
            (2 * len).max(MIN_SLOTS)
        } else {
            len + len / 4
        };
        let old = std::mem::take(&mut self.tags);
        let old_heads = std::mem::take(&mut self.heads);
        let old_lens = std::mem::take(&mut self.lens);
        self.tags = vec![0; slots];
        self.heads = vec![NONE; slots];
        self.lens = vec![0; slots];
        for (k, &t) in old.iter().enumerate() {
            if t != 0 {
                let at = self.slot(t);
                self.tags[at] = t;
                self.heads[at] = old_heads[k];
                self.lens[at] = old_lens[k];
            }
        }
    }
}

/// Half of the index: the shards of one half of the tag space and the
/// chain entries of their keys. The two halves share nothing, so a chunk's
/// keys go into both at once, one thread each (see [`Index::insert_all`]).
#[derive(Debug)]
struct Half {
    shards: Vec<Shard>,
    /// (article, next entry) pairs in blocks of [`BLOCK`]; chains end with
    /// `NONE`.
    blocks: Vec<Vec<(u32, u32)>>,
    entries: u32,
}

impl Default for Half {
    fn default() -> Half {
        Half {
            shards: (0..SHARDS / 2).map(|_| Shard::default()).collect(),
            blocks: Vec::new(),
            entries: 0,
        }
    }
}

/// Number of shards.
const SHARDS: usize = 1 << SHARD_BITS;

/// Key → earlier articles, by sequence number.
#[derive(Debug, Default)]
pub struct Index {
    halves: [Half; 2],
}

/// A key's tag: never 0, which marks an empty slot. Keys with one tag
/// share a chain, so a job that groups keys elsewhere (the Spark job of
/// python/) groups on tags.
pub fn tag(key: u64) -> u32 {
    ((mix(key) >> 32) as u32).max(1)
}

/// The half of a tag (its top bit) and its shard within the half (the next
/// bits).
fn place(tag: u32) -> (usize, usize) {
    let shard = (tag >> (32 - SHARD_BITS)) as usize;
    (shard / (SHARDS / 2), shard % (SHARDS / 2))
}

/// One article's keys for [`Index::insert_all`].
#[derive(Debug, Clone, Copy)]
pub struct Job<'a> {
    /// The article's position.
    pub article: u32,
    /// Its keys.
    pub keys: &'a [u64],
    /// Longest chain to add it to.
    pub cap: usize,
    /// False: only note the heads, do not list the article (a twin).
    pub list: bool,
}

impl Half {
    fn head(&self, t: u32) -> Head {
        let (_, shard) = place(t);
        self.shards
            .get(shard)
            .map_or(Head::default(), |s| s.head(t))
    }

    fn entry(&self, at: u32) -> Option<(u32, u32)> {
        let at = at as usize;
        self.blocks
            .get(at >> BLOCK_BITS)?
            .get(at & (BLOCK - 1))
            .copied()
    }

    fn push(&mut self, article: u32, next: u32) -> u32 {
        if self.blocks.last().map_or(true, |b| b.len() == BLOCK) {
            self.blocks.push(Vec::with_capacity(BLOCK));
        }
        if let Some(b) = self.blocks.last_mut() {
            b.push((article, next));
        }
        self.entries += 1;
        self.entries - 1
    }

    /// Lists `article` under tag `t` unless its chain is full; returns the
    /// chain's head from before.
    #[inline]
    fn insert_one(&mut self, article: u32, t: u32, cap: usize) -> Head {
        let (half, shard) = place(t);
        let Some(sh) = self.shards.get_mut(shard) else {
            return Head::default();
        };
        sh.grow();
        let at = sh.slot(t);
        let head = Head {
            len: sh.lens[at],
            half: half as u8,
            at: sh.heads[at],
        };
        if sh.tags[at] == 0 {
            sh.tags[at] = t;
            sh.used += 1;
        }
        let n = usize::from(head.len);
        // Full, or (past four billion chain entries) no entry left to give.
        if n >= cap.min(usize::from(u8::MAX)) || (n >= 1 && self.entries >= NONE - 2) {
            return head;
        }
        let new_head = match n {
            0 => article,
            // The second article: the chain is made now.
            1 => {
                let first = self.push(head.at, NONE);
                self.push(article, first)
            }
            _ => self.push(article, head.at),
        };
        if let Some(sh) = self.shards.get_mut(shard) {
            sh.heads[at] = new_head;
            sh.lens[at] = (n + 1) as u8;
        }
        head
    }

    /// This half's share of [`Index::insert_all`]: the heads of its keys,
    /// in the jobs' order.
    fn run(&mut self, me: usize, jobs: &[Job]) -> Vec<Head> {
        let mut out = Vec::new();
        for job in jobs {
            for &k in job.keys {
                let t = tag(k);
                if place(t).0 != me {
                    continue;
                }
                out.push(if job.list {
                    self.insert_one(job.article, t, job.cap)
                } else {
                    self.head(t)
                });
            }
        }
        out
    }
}

impl Index {
    /// An empty index.
    pub fn new() -> Index {
        Index::default()
    }

    fn half(&self, t: u32) -> Option<&Half> {
        self.halves.get(place(t).0)
    }

    /// Articles listed under `key`, newest first.
    pub fn postings(&self, key: u64) -> impl Iterator<Item = u32> + '_ {
        self.chain(self.head(key))
    }

    /// Where `key`'s chain starts now: a handle for [`Index::chain`].
    pub fn head(&self, key: u64) -> Head {
        let t = tag(key);
        self.half(t).map_or(Head::default(), |h| h.head(t))
    }

    /// The articles of a chain from `head` on, newest first: what
    /// [`Index::postings`] gave for the key when `head` was noted. Later
    /// inserts go in front of it and do not show.
    pub fn chain(&self, head: Head) -> impl Iterator<Item = u32> + '_ {
        // A chain of one is its article, kept in the slot.
        let (mut single, mut at) = match head.len {
            0 => (None, NONE),
            1 => (Some(head.at), NONE),
            _ => (None, head.at),
        };
        let half = self.halves.get(usize::from(head.half));
        std::iter::from_fn(move || {
            if let Some(a) = single.take() {
                return Some(a);
            }
            let (article, next) = half?.entry(at)?;
            at = next;
            Some(article)
        })
    }

    /// Number of articles listed under `key` (at most [`POSTING_CAP`]).
    pub fn len_of(&self, key: u64) -> usize {
        usize::from(self.head(key).len)
    }

    /// Lists `article` under each of `keys`, unless the key's chain is full.
    pub fn insert(&mut self, article: u32, keys: &[u64]) {
        self.insert_capped(article, keys, POSTING_CAP);
    }

    /// [`Index::insert`] with a shorter cap for keys that only matter while
    /// rare.
    pub fn insert_capped(&mut self, article: u32, keys: &[u64], cap: usize) {
        for &k in keys {
            self.insert_key(article, k, cap);
        }
    }

    /// [`Index::insert_capped`] that also notes, per key, the head of its
    /// chain as it was before: [`Index::chain`] then lists the earlier
    /// articles under that key without probing the table a second time. On
    /// a large index each probe is a cache miss, and looking up a new
    /// article's keys right after inserting them made half of the misses.
    pub fn insert_noting(
        &mut self,
        article: u32,
        keys: &[u64],
        cap: usize,
        before: &mut Vec<Head>,
    ) {
        before.extend(keys.iter().map(|&k| self.insert_key(article, k, cap)));
    }

    /// Lists `article` under `key` in its half; the chain's head from before.
    fn insert_key(&mut self, article: u32, key: u64, cap: usize) -> Head {
        let t = tag(key);
        self.halves
            .get_mut(place(t).0)
            .map_or(Head::default(), |h| h.insert_one(article, t, cap))
    }

    /// Runs `jobs` in order, as [`Index::insert_noting`] (or, for a job not
    /// to be listed, [`Index::head`]) one after the other would, and gives
    /// the noted heads of all their keys in that order. The two halves of
    /// the tag space are filled at once, one thread each: a key's chain
    /// depends only on the order of the inserts under that key, which each
    /// half keeps. (Alone, this sequential step was about a sixth of a
    /// 100k dedup run's wall time.)
    pub fn insert_all(&mut self, jobs: &[Job]) -> Vec<Head> {
        let [low, high] = &mut self.halves;
        let (low, high) = rayon::join(|| low.run(0, jobs), || high.run(1, jobs));
        let (mut low, mut high) = (low.into_iter(), high.into_iter());
        let mut out = Vec::with_capacity(jobs.iter().map(|j| j.keys.len()).sum());
        for job in jobs {
            for &k in job.keys {
                let next = if place(tag(k)).0 == 0 {
                    low.next()
                } else {
                    high.next()
                };
                out.push(next.unwrap_or_default());
            }
        }
        out
    }

    /// Approximate heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.halves
            .iter()
            .map(|h| {
                h.shards.iter().map(|s| s.tags.capacity()).sum::<usize>() * 9
                    + h.blocks.len() * BLOCK * 8
            })
            .sum()
    }

    /// Keys, slots and chain entries, one line, for memory reports.
    pub fn describe(&self) -> String {
        let shards = || self.halves.iter().flat_map(|h| &h.shards);
        format!(
            "index: {} keys in {} slots, {} chain entries\n",
            shards().map(|s| s.used).sum::<usize>(),
            shards().map(|s| s.tags.len()).sum::<usize>(),
            self.halves.iter().map(|h| h.entries).sum::<u32>()
        )
    }
}

// Story routes: same-story candidates that share few sentences. Beside the
// sentence-pair keys, an article lists its rare salient terms and rare
// headline words in the same index under their own tags.

/// Same-story candidates must share at least this many salient terms that
/// are rare in the stream so far (see `verify::Rarity`, and held by fewer
/// than [`STORY_POSTING_CAP`] earlier articles). Names of an event's
/// people and places are rare across a news stream and shared by its
/// reports; common names (a president, a country) are skipped. On BASIL
/// (scripts/score_basil_dedup.py) two shared rare names found 92% of
/// same-event pairs, three 85%.
pub const STORY_MIN_SHARED: usize = 2;

/// A salient term held by this many earlier articles no longer names one
/// story: its posting list stops growing and queries skip it. An event's
/// names recur in the handful of reports about it; names that appear in
/// dozens of articles (a president, a recurring piece of copy) do not tell
/// stories apart, and following them made most of the work on the 100k
/// bench workload. BASIL same-event F1 (with the headline route) was 0.853
/// at 8 and 0.861 at 4; 8 is kept so that an event with more than BASIL's
/// three reports still links its later reports by name.
pub const STORY_POSTING_CAP: usize = 8;

/// Tags the index keys of salient terms, apart from sentence keys.
const STORY_TAG: u64 = 0x5707_a11e_0000_0001;

fn story_key(term: u16) -> u64 {
    signature::mix(u64::from(term) ^ STORY_TAG)
}

/// Articles found through a headline word must each keep at least this many
/// story sentences: one line under a headline (a notice, a line of
/// boilerplate ingest did not recognize) is not a report of an event.
pub const STORY_MIN_SENTENCES: usize = 2;

/// Tags the index keys of title words, apart from salient terms: the same
/// word is a different key in a headline than in a story.
///
/// Headline words are the second route to same-story candidates. Reports of
/// one event that share fewer than [`STORY_MIN_SHARED`] rare names in their
/// stories (short wire items, names spelled out once) still tend to name the
/// event's subject in their headlines. One rare word shared by two headlines
/// makes a candidate; the rare-word cosine then decides, as for the first
/// route. On BASIL this route raised the share of same-event pairs that
/// become candidates from 88% to 93% (scripts/score_basil_dedup.py; an
/// offline check with the same rarity rule: 91.7% to 94.3%).
const STORY_TITLE_TAG: u64 = 0x7177_1e00_0000_0002;

fn title_key(term: u16) -> u64 {
    signature::mix(u64::from(term) ^ STORY_TITLE_TAG)
}

/// Tags the index keys of an article's event, (place, day), apart from
/// every other key.
///
/// The third story route. Reports of one event by different outlets may
/// share few words and fewer rare names (one names the victim, another the
/// street), but they name the same place for the same day: a shooting in
/// Dayton on 2016-05-03 is one key whoever tells it. One shared key makes
/// a candidate, as for a headline word; the same-event model then decides.
/// Capped like the other story keys ([`STORY_POSTING_CAP`]): a city with
/// many events a day stops naming one. (Person, day) keys as well found
/// more pairs but let in more false ones: on the GVA calibration half F1
/// 0.789 against 0.795 with places alone, on the check half the same
/// 0.775; people already have the rare-name route.
const EVENT_TAG: u64 = 0xe7e4_7000_0000_0003;

/// Places of an event signature that become keys (the first named: the
/// dateline and the lead's places).
pub const EVENT_KEY_PLACES: usize = 3;

/// Event days of a signature that become keys: a follow-up (an arrest, a
/// trial) names its own day first and the incident's next.
pub const EVENT_KEY_DAYS: usize = 2;

/// The event keys of an article's signature: its first event days, or its
/// publication day when the story names none, with each of its first
/// places. Each goes in for the day and the day after, so two reports
/// whose days are a day apart (one says "Tuesday night", another "early
/// Wednesday") share the later one.
pub fn event_keys(e: &EventSig, out: &mut Vec<u64>) {
    let published = [e.published];
    let days = if e.days.is_empty() {
        &published[..usize::from(e.published != 0)]
    } else {
        &e.days[..e.days.len().min(EVENT_KEY_DAYS)]
    };
    for &day in days {
        for &place in e.places.iter().take(EVENT_KEY_PLACES) {
            for d in [day, day.saturating_add(1)] {
                let k = u64::from(place) | u64::from(d) << 16;
                out.push(mix(k ^ EVENT_TAG));
            }
        }
    }
}

/// Index keys of an article's rare salient terms (`salient`, from its
/// signature) and rare headline words (`title`, from its sketch); the salient terms come
/// first, as many as `Fresh::salient` counts. A term that is not rare
/// now never will be again (its frequency only grows, and the rarity
/// cap has a ceiling), so it is neither listed nor looked up.
pub fn story_keys<'s>(
    title: &'s [u16],
    salient: &'s [u16],
    rarity: &'s Rarity,
) -> impl Iterator<Item = u64> + 's {
    let salient = salient
        .iter()
        .filter(|&&t| rarity.is_rare(t))
        .map(|&t| story_key(t));
    let title = title
        .iter()
        .filter(|&&t| rarity.is_rare(t))
        .map(|&t| title_key(t));
    salient.chain(title)
}

/// Earlier articles not already in `skip` (sorted) that share with `x`
/// at least [`STORY_MIN_SHARED`] rare salient terms spread over the
/// stories, or a rare headline word (see [`STORY_TITLE_TAG`]); sorted.
/// `salient` and `title` are the chain heads noted when `x`'s story keys
/// went into the index (see [`story_keys`]).
pub(crate) fn story_candidates(
    index: &Index,
    sketches: &Store,
    x: u32,
    skip: &[u32],
    salient: &[Head],
    title: &[Head],
    rarity: &Rarity,
) -> Vec<u32> {
    let mut hits: Vec<u32> = Vec::new();
    let mut title_hits: Vec<u32> = Vec::new();
    let mut list: Vec<u32> = Vec::with_capacity(STORY_POSTING_CAP);
    for &h in title {
        list.clear();
        list.extend(index.chain(h).filter(|&y| y < x));
        if list.len() < STORY_POSTING_CAP {
            title_hits.extend_from_slice(&list);
        }
    }
    title_hits.sort_unstable();
    title_hits.dedup();
    for &h in salient {
        list.clear();
        list.extend(index.chain(h).filter(|&y| y < x));
        // A term held by a full list of earlier articles is common:
        // it says nothing about which story this is.
        if list.len() >= STORY_POSTING_CAP {
            continue;
        }
        hits.extend_from_slice(&list);
    }
    hits.sort_unstable();
    let mut out = Vec::new();
    for run in hits.chunk_by(|a, b| a == b) {
        if let Some(&y) = run.first() {
            if run.len() >= STORY_MIN_SHARED
                && skip.binary_search(&y).is_err()
                && spread(sketches, x, y, rarity)
            {
                out.push(y);
            }
        }
    }
    // The first route asks for names spread over two paragraphs of each
    // story; this one asks for two story sentences on each side, so that
    // a headline over a line of boilerplate is not a report.
    let long_enough = |s: u32| {
        sketches
            .get(s as usize)
            .is_some_and(|k| k.len() >= STORY_MIN_SENTENCES)
    };
    if long_enough(x) {
        out.extend(
            title_hits
                .into_iter()
                .filter(|&y| skip.binary_search(&y).is_err() && long_enough(y)),
        );
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether the rare salient terms `x` and `y` share occur in at least
/// two paragraphs of each: one passage reused by an article about
/// something else (common in aggregated copy) is not the same story.
fn spread(sketches: &Store, x: u32, y: u32, rarity: &Rarity) -> bool {
    let (Some(a), Some(b)) = (sketches.get(x as usize), sketches.get(y as usize)) else {
        return false;
    };
    spread_of(a, b, rarity)
}

/// [`spread`] on two sketches (`a` the later article's).
pub fn spread_of(a: Sketch, b: Sketch, rarity: &Rarity) -> bool {
    signature::with_salient(a, b, |sa, sb| {
        let (mut i, mut j) = (0, 0);
        let (mut ma, mut mb) = (0u16, 0u16);
        while let (Some(&ta), Some(&tb)) = (sa.get(i), sb.get(j)) {
            match ta.cmp(&tb) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    if rarity.is_rare(ta) {
                        ma |= a.term_paras(ta);
                        mb |= b.term_paras(ta);
                        // Two paragraphs of each are enough.
                        if ma.count_ones() >= 2 && mb.count_ones() >= 2 {
                            return true;
                        }
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        ma.count_ones() >= 2 && mb.count_ones() >= 2
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(published: u16, days: &[u16], places: &[u16], people: &[u16]) -> Vec<u64> {
        let e = EventSig {
            published,
            days: days.to_vec(),
            people: people.to_vec(),
            places: places.to_vec(),
            counts: Vec::new(),
        };
        let mut out = Vec::new();
        event_keys(&e, &mut out);
        out
    }

    fn share(a: &[u64], b: &[u64]) -> bool {
        a.iter().any(|k| b.contains(k))
    }

    #[test]
    fn one_place_on_days_a_day_apart_shares_an_event_key() {
        let a = event(40_000, &[39_999], &[7, 8], &[]);
        // Another outlet, the next day's copy, the same town, no name.
        let b = event(40_001, &[40_000], &[9, 7], &[]);
        assert!(share(&a, &b));
        // The same town a week later is another event.
        let c = event(40_007, &[40_006], &[7], &[]);
        assert!(!share(&a, &c));
        // A place and a person of the same number are different keys.
        assert!(!share(
            &event(0, &[500], &[7], &[]),
            &event(0, &[500], &[], &[7])
        ));
        // No day at all: no event keys.
        assert!(event(0, &[], &[7], &[3]).is_empty());
    }

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
    fn every_key_is_found_after_the_table_grows() {
        let mut ix = Index::new();
        for a in 0..20_000u32 {
            ix.insert(a, &[u64::from(a).wrapping_mul(0x0010_0000_0001), 42]);
        }
        for a in (0..20_000u32).step_by(7) {
            let key = u64::from(a).wrapping_mul(0x0010_0000_0001);
            assert_eq!(ix.postings(key).collect::<Vec<_>>(), vec![a]);
        }
        assert_eq!(ix.len_of(42), POSTING_CAP);
        assert!(ix.heap_bytes() < 20_000 * 2 * 40, "{}", ix.heap_bytes());
    }

    #[test]
    fn noted_heads_list_what_came_before() {
        let mut ix = Index::new();
        let mut before = Vec::new();
        ix.insert_noting(1, &[5, 6], 2, &mut before);
        ix.insert_noting(2, &[5], 2, &mut before);
        ix.insert_noting(3, &[5, 7], 2, &mut before);
        let lists: Vec<Vec<u32>> = before.iter().map(|&h| ix.chain(h).collect()).collect();
        let entries: u32 = ix.halves.iter().map(|h| h.entries).sum();
        assert_eq!(entries, 2, "only key 5's chain has entries");
        // Key 5: nothing before 1, then [1], then [2, 1] (the chain is
        // full, so 3 is not listed); keys 6 and 7 were new.
        let want: Vec<Vec<u32>> = vec![vec![], vec![], vec![1], vec![2, 1], vec![]];
        assert_eq!(lists, want);
        assert_eq!(ix.postings(5).collect::<Vec<_>>(), vec![2, 1]);
        assert_eq!(ix.chain(ix.head(7)).collect::<Vec<_>>(), vec![3]);
    }

    #[test]
    fn both_halves_at_once_note_what_one_at_a_time_would() {
        // 3,000 articles drawing keys from a small pool (so chains fill up
        // to the cap), every seventh not listed.
        let keys: Vec<Vec<u64>> = (0..3_000u64)
            .map(|a| (0..12).map(|k| mix(a * 31 + k) % 500).collect())
            .collect();
        let jobs: Vec<Job> = keys
            .iter()
            .enumerate()
            .map(|(a, k)| Job {
                article: a as u32,
                keys: k,
                cap: if a % 2 == 0 { POSTING_CAP } else { 4 },
                list: a % 7 != 3,
            })
            .collect();
        let mut one = Index::new();
        let mut want = Vec::new();
        for job in &jobs {
            if job.list {
                one.insert_noting(job.article, job.keys, job.cap, &mut want);
            } else {
                want.extend(job.keys.iter().map(|&k| one.head(k)));
            }
        }
        let mut both = Index::new();
        // In two batches, as two chunks of a stream.
        let mut got = both.insert_all(&jobs[..1_000]);
        got.extend(both.insert_all(&jobs[1_000..]));
        assert_eq!(got.len(), want.len());
        let lists = |ix: &Index, heads: &[Head]| -> Vec<Vec<u32>> {
            heads.iter().map(|&h| ix.chain(h).collect()).collect()
        };
        assert_eq!(lists(&both, &got), lists(&one, &want));
        for k in 0..500 {
            assert_eq!(
                both.postings(k).collect::<Vec<_>>(),
                one.postings(k).collect::<Vec<_>>()
            );
        }
    }
}
