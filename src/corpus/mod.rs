//! Duplicate coverage in a stream of articles: which articles are copies,
//! rewrites or coverage of the same story.
//!
//! The stage runs on a stream, chunk by chunk ([`Deduper::push`]), and keeps
//! only compact signatures, never the texts:
//!
//! 1. **Signatures** ([`signature`]), in parallel: per story sentence a
//!    32-bit fingerprint, its paragraph and the set of its content words'
//!    16-bit hashes; which of those words are salient terms (names,
//!    places, numbers); headline words and quote hashes; and up to 64
//!    min-hash keys, each a pair of sentences from different paragraphs.
//!    The keys go into the index; the rest is one record of about 500
//!    bytes an article, kept end to end with the others (`store`).
//! 2. **Candidates** ([`candidates`]): earlier articles sharing a sentence-pair
//!    key with the new one (copies and rewrites), or at least
//!    [`STORY_MIN_SHARED`] rare salient terms spread over two paragraphs of
//!    each, or a rare headline word (same story). Posting lists are capped,
//!    so a key or name that
//!    many articles share costs a bounded amount. Articles identical once
//!    normalized are *twins*: only the first is indexed.
//! 3. **Verification** ([`verify`]), in parallel: the share of each side's
//!    sentences the other carries (near-identical sentences count), shared
//!    quotes, and the cosine of the two articles' rare words; the relation
//!    follows. One function decides, so it can later call the aligner.
//! 4. **Clusters** ([`cluster`]): connected components per relation level,
//!    named by their earliest article.
//!
//! Pairs come out ordered by the later article's position in the input, then
//! the earlier one's; a pair's `a` is the earlier article. Output does not
//! depend on the thread count. Chunks of a file input are always full, so a
//! file gives the same output on every run; on standard input a chunk ends
//! when the input pauses, and only same-story decisions (which use word
//! rarity as known at the end of the chunk) can depend on that timing.
//!
//! **Large groups.** A group of identical articles is answered in linear
//! size: its first [`TWIN_EXPAND`] members are paired with each other, every
//! later member only with the group's first article (the cluster
//! representative). Ten thousand copies of one article give about ten
//! thousand lines, not fifty million.

pub mod candidates;
pub mod cluster;
pub mod codec;
pub mod event;
mod evict;
mod ids;
mod options;
pub mod report;
mod restore;
pub mod run;
pub mod signature;
pub mod state;
mod store;
pub mod stream;
pub mod verify;

#[cfg(test)]
mod tests;

pub use candidates::{STORY_MIN_SENTENCES, STORY_MIN_SHARED, STORY_POSTING_CAP};
pub use evict::parse_duration;
pub use options::{DedupOptions, Relation};
pub use run::{run, Outcome, Progress, RunError, RunOptions};

use crate::error::Error;
use candidates::Index;
use cluster::Clusters;
use hashbrown::HashTable;
use ids::Ids;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use signature::Signature;
use std::sync::atomic::{AtomicUsize, Ordering};
use store::Store;
use stream::{Item, Parsed};
use verify::Verdict;

/// Identical articles beyond this many in one group are paired with the
/// group's first article only (see the module docs). Larger than any family
/// in the bench workloads (at most 4), small enough that a flood of copies
/// stays linear.
pub const TWIN_EXPAND: usize = 8;

/// Records handed to the parallel stages at once. Large enough to keep two
/// cores busy between the sequential steps, small enough to answer a stream
/// often.
pub const CHUNK: usize = 4096;

/// What decided a same-story pair (JSONL `event`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct EventRecord {
    /// The signals compared.
    #[serde(flatten)]
    pub evidence: event::EventEvidence,
    /// The same-event model's score (three decimals).
    pub score: f64,
}

/// One related pair, as written in JSONL (DESIGN.md).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairRecord {
    /// The earlier article's id.
    pub a: String,
    /// The later article's id.
    pub b: String,
    /// How they are related.
    pub relation: Relation,
    /// Strength of the relation in [0, 1] (three decimals).
    pub score: f64,
    /// Share of a's sentences that b also carries.
    pub a_covered: f64,
    /// Share of b's sentences that a also carries.
    pub b_covered: f64,
    /// Sentences of a that b carries.
    pub shared_sentences: u32,
    /// Quotations both carry.
    pub shared_quotes: u32,
    /// The cluster at this pair's relation level: the input position
    /// (0-based) of its earliest article, as known when the line is written.
    pub cluster: u32,
    /// For same-story pairs: the event signals that decided it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<EventRecord>,
    /// The outlets of `a` and `b` (the records' `source`), for the terminal
    /// report; not in the JSONL contract.
    #[serde(skip)]
    pub sources: [Option<String>; 2],
}

/// What one chunk produced.
#[derive(Debug, Default)]
pub struct Batch {
    /// Confirmed pairs that pass the options' filters, in output order.
    pub pairs: Vec<PairRecord>,
    /// Records skipped, one error each (input and line named).
    pub problems: Vec<Error>,
    /// Warnings (an input decoded as Windows-1252, …).
    pub warnings: Vec<String>,
    /// Articles accepted in this chunk.
    pub articles: usize,
    /// Candidate pairs verified in this chunk (a measure of the work done).
    pub candidates: usize,
    /// With [`DedupOptions::trace`]: one line per candidate pair, `a`, `b`,
    /// rare-word cosine and event signals (JSON), tab-separated.
    pub trace: Vec<String>,
    /// With [`DedupOptions::keep_records`]: each accepted article's
    /// position in the whole stream and its record.
    pub records: Vec<(u32, codec::Record)>,
    /// With [`DedupOptions::keep_records`]: the related pairs joined into
    /// clusters, as (earlier, later) stream positions and relation.
    pub links: Vec<(u32, u32, Relation)>,
    /// Articles skipped because the state loaded at the start has their
    /// id (a replayed input).
    pub replayed: usize,
}

/// The streaming deduplicator: feed it chunks of input, collect pairs.
#[derive(Debug, Default)]
pub struct Deduper {
    opts: DedupOptions,
    ids: Ids,
    sketches: Store,
    index: Index,
    /// The first article of each content hash (the one indexed), by
    /// position; hashed by its sketch's content hash, so 4 bytes a slot.
    twins: HashTable<u32>,
    /// First article → the later members of its twin group, up to
    /// [`TWIN_EXPAND`] in all; only for groups of two or more.
    twin_groups: FxHashMap<u32, Vec<u32>>,
    clusters: Clusters,
    /// Document frequency of each word bucket over the articles so far.
    df: Vec<u32>,
    /// Each article's outlet, by position: an index into `source_names`
    /// plus one (0: none given), 2 bytes an article.
    sources: Vec<u16>,
    source_names: Vec<String>,
    source_ids: FxHashMap<String, u16>,
    /// Each article's time (`codec::Record::time`; `i64::MIN` when
    /// unknown), by position.
    times: Vec<i64>,
    /// Each article's position in the whole stream, by position here:
    /// the same until a window drops articles (`evict`); ascending.
    positions: Vec<u32>,
    /// The stream position the next article gets.
    next_position: u32,
    /// Stream positions below this came from the state loaded at the start.
    archive_end: u32,
    /// The newest time seen.
    clock: Option<i64>,
    /// The current chunk's first position here, and the newest time seen
    /// when each of its articles came (the window is judged at that time).
    chunk_start: u32,
    chunk_clocks: Vec<Option<i64>>,
}

/// An article of the current chunk, once its id is accepted: its position
/// and what its signature gave beside the sketch (kept in the store).
struct Accepted {
    seq: u32,
    keys: Vec<u64>,
    /// False for a twin, which is not listed in the index.
    indexed: bool,
    /// For the document frequencies.
    story_words: Vec<u16>,
    /// For the story keys.
    salient: Vec<u16>,
}

/// An article of the current chunk, once indexed.
struct Fresh {
    seq: u32,
    /// Chain heads as noted at insertion: first the sentence-pair keys,
    /// then the rare salient terms, then the rare headline words.
    heads: Vec<candidates::Head>,
    /// Number of sentence-pair keys in `heads`.
    keys: usize,
    /// Number of salient terms in `heads` after the keys.
    salient: usize,
}

/// A verified candidate pair (later, earlier), its verdict if related and
/// its trace line if asked for.
type Found = (u32, u32, Option<Verdict>, Option<String>);

/// A parsed record, signed, before it gets a position.
enum Signed {
    Ok {
        article_id: String,
        source: Option<String>,
        where_: String,
        /// `published`, when it parses.
        published: Option<i64>,
        sig: Box<Signature>,
    },
    Problem(Error),
    Warning(String),
}

/// Parses and signs one item (run in parallel over a chunk).
fn sign(item: Item) -> Vec<Signed> {
    stream::parse(item)
        .into_iter()
        .map(|p| match p {
            Parsed::Article { article, where_ } => Signed::Ok {
                article_id: article.id.clone(),
                source: article.source.clone(),
                where_,
                published: article
                    .published
                    .as_deref()
                    .and_then(codec::published_seconds),
                sig: Box::new(signature::signature(&article)),
            },
            Parsed::Problem(e) => Signed::Problem(e),
            Parsed::Warning(w) => Signed::Warning(w),
        })
        .collect()
}

/// What [`tokenize_only`] read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tokenized {
    /// Articles parsed.
    pub articles: usize,
    /// Story sentences found.
    pub sentences: usize,
    /// Words in them.
    pub words: usize,
    /// Sum of the words' hashes and flags: uses every value the tokenizer
    /// gives, so that the compiler cannot leave out the hashing and the
    /// pass does the work it stands for.
    pub checksum: u64,
}

/// The reading half of [`Deduper::push`] alone, for measuring: parses the
/// records, builds the articles (ingest, boilerplate), segments them into
/// sentences and splits those into hashed words exactly as the signatures
/// do, then drops everything but counts and a checksum of the hashes. `wirediff dedup --tokenize-only` (hidden)
/// runs it over whole inputs, so the cost of dedup proper can be stated as
/// a multiple of wirediff's own read-and-tokenize pass (BENCHMARKS.md).
pub fn tokenize_only(items: Vec<Item>) -> Tokenized {
    items
        .into_par_iter()
        .map(|item| {
            let mut t = Tokenized::default();
            let mut buf = String::new();
            for p in stream::parse_articles(item) {
                let Ok(a) = p else { continue };
                t.articles += 1;
                for s in crate::segment::sentences(&a) {
                    let text = a.text.get(s.span.start..s.span.end).unwrap_or("");
                    t.sentences += 1;
                    signature::for_each_word(text, &mut buf, |h, cap, digit| {
                        t.words += 1;
                        t.checksum = t
                            .checksum
                            .wrapping_add(h ^ u64::from(cap) ^ (u64::from(digit) << 1));
                    });
                }
            }
            t
        })
        .reduce(Tokenized::default, |x, y| Tokenized {
            articles: x.articles + y.articles,
            sentences: x.sentences + y.sentences,
            words: x.words + y.words,
            checksum: x.checksum.wrapping_add(y.checksum),
        })
}

/// The word buckets one article adds to the document frequencies: its
/// story words (sorted, [`signature::Signature::story_words`]) and its
/// headline words. Headline words count too (once per article), or a word
/// seen only in headlines would look rare however common. Public for jobs
/// that count frequencies elsewhere (python/'s Spark job).
pub fn df_words(story_words: &[u16], sketch: signature::Sketch, mut f: impl FnMut(u16)) {
    let title_only = sketch
        .title()
        .iter()
        .filter(|w| story_words.binary_search(w).is_err());
    for &w in story_words.iter().chain(title_only) {
        f(w);
    }
}

impl PairRecord {
    /// The JSONL line of a verified pair: ids `a` (earlier) and `b`, the
    /// cluster at its relation level and the outlets.
    pub fn new(
        a: &str,
        b: &str,
        v: &Verdict,
        cluster: u32,
        sources: [Option<String>; 2],
    ) -> PairRecord {
        PairRecord {
            a: a.to_string(),
            b: b.to_string(),
            relation: v.relation,
            score: round3(v.score),
            a_covered: round3(v.evidence.a_covered),
            b_covered: round3(v.evidence.b_covered),
            shared_sentences: v.evidence.shared_sentences,
            shared_quotes: v.evidence.shared_quotes,
            cluster,
            event: v.event.map(|(evidence, p)| EventRecord {
                evidence,
                score: round3(p),
            }),
            sources,
        }
    }
}

fn round3(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

impl Deduper {
    /// A deduplicator that reports what `opts` asks for.
    pub fn new(opts: DedupOptions) -> Deduper {
        Deduper {
            opts,
            df: vec![0; 1 << 16],
            ..Default::default()
        }
    }

    /// Articles accepted so far.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True before the first article.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The id of the article at input position `seq`.
    pub fn id(&self, seq: u32) -> Option<&str> {
        self.ids.get(seq)
    }

    /// What the deduplicator holds, by part, in approximate heap bytes: one
    /// line a part, for the memory figures in BENCHMARKS.md.
    pub fn memory_report(&self) -> String {
        let n = self.ids.len().max(1);
        let sketch_heap: usize = self.sketches.iter().map(|s| s.heap_bytes()).sum();
        let sketch_vec = self.sketches.heap_bytes() - sketch_heap;
        let ids = self.ids.heap_bytes();
        let twins = self.twins.capacity() * 5
            + self.twin_groups.capacity() * (5 + std::mem::size_of::<(u32, Vec<u32>)>())
            + self
                .twin_groups
                .values()
                .map(|g| g.capacity() * 4)
                .sum::<usize>();
        let index = self.index.heap_bytes();
        let parts = [
            ("sketches (records)", sketch_heap),
            ("sketches (spare, locators)", sketch_vec),
            ("index", index),
            ("ids", ids),
            ("twins", twins),
        ];
        let mut out = format!("articles {}\n", self.ids.len());
        for (name, bytes) in parts {
            out += &format!(
                "{name:<20} {:>8.1} MB {:>7.0} B/article\n",
                bytes as f64 / 1e6,
                bytes as f64 / n as f64
            );
        }
        let mut sums = [0usize; 6];
        for sk in self.sketches.iter() {
            let words: usize = (0..sk.len()).map(|i| sk.words_of(i).len()).sum();
            let parts = [
                sk.len(),
                words,
                sk.quotes().len(),
                sk.salient().len(),
                sk.title().len(),
                sk.story_words().len(),
            ];
            for (s, p) in sums.iter_mut().zip(parts) {
                *s += p;
            }
        }
        let names = [
            "sentences",
            "sentence words",
            "quotes",
            "salient",
            "title",
            "story words",
        ];
        out += "a sketch, on average:";
        for (name, s) in names.iter().zip(sums) {
            out += &format!(" {name} {:.1},", s as f64 / n as f64);
        }
        out.pop();
        out + "\n" + &self.index.describe()
    }

    /// The final cluster, at `relation`'s level, of the article at stream
    /// position `position` (as [`PairRecord::cluster`] names it).
    pub fn cluster_of(&mut self, position: u32, relation: Relation) -> u32 {
        match self.positions.binary_search(&position) {
            Ok(seq) => {
                let root = self.clusters.of(seq as u32, relation);
                self.position(root)
            }
            Err(_) => position,
        }
    }

    /// The stream position of the article at `seq` here.
    fn position(&self, seq: u32) -> u32 {
        self.positions.get(seq as usize).copied().unwrap_or(seq)
    }

    /// Processes one chunk of input: parses and signs the records in
    /// parallel, finds and verifies candidates against everything seen so
    /// far (this chunk included), and returns the pairs confirmed.
    pub fn push(&mut self, items: Vec<Item>) -> Batch {
        self.push_at(items, None)
    }

    /// [`Deduper::push`] for articles that arrived at `arrival` (seconds
    /// since 1970): an article without a `published` time is dated by it.
    pub fn push_at(&mut self, items: Vec<Item>, arrival: Option<i64>) -> Batch {
        let mut batch = Batch::default();
        let signed: Vec<Vec<Signed>> = items.into_par_iter().map(sign).collect();
        let accepted = self.accept(signed, arrival, &mut batch);
        batch.articles = accepted.len();
        self.clusters.grow(self.ids.len());
        self.count_words(&accepted);
        let fresh = self.index_chunk(accepted);
        let (found, counted) = self.find(&fresh);
        batch.candidates = counted;
        self.record(found, &mut batch);
        batch
    }

    /// Gives article `id` the next position (refusing a repeated id), finds
    /// its twins and stores its sketch.
    fn admit(
        &mut self,
        id: &str,
        source: Option<String>,
        time: Option<i64>,
        sig: Signature,
    ) -> Result<Accepted, ids::Refused> {
        let seq = self.ids.insert(id)?;
        self.positions.push(self.next_position);
        self.next_position = self.next_position.saturating_add(1);
        self.times.push(time.unwrap_or(i64::MIN));
        if let Some(t) = time {
            self.clock = Some(self.clock.map_or(t, |c| c.max(t)));
        }
        self.note_source(seq, source);
        let Signature {
            sketch,
            keys,
            story_words,
            salient,
        } = sig;
        let mut indexed = true;
        let content = sketch.view().content();
        if content != 0 {
            match self.twin_first(content) {
                None => {
                    let sketches = &self.sketches;
                    self.twins.insert_unique(content, seq, |&s| {
                        sketches.get(s as usize).map_or(0, |k| k.content())
                    });
                }
                Some(first) => {
                    indexed = false;
                    let later = self.twin_groups.entry(first).or_default();
                    if later.len() + 1 < TWIN_EXPAND {
                        later.push(seq);
                    }
                }
            }
        }
        self.sketches.push(&sketch);
        Ok(Accepted {
            seq,
            keys,
            indexed,
            story_words,
            salient,
        })
    }

    /// Sequential: gives each signed record its position (refusing repeated
    /// ids, skipping those of the state loaded at the start), finds its
    /// twins and stores its sketch.
    fn accept(
        &mut self,
        signed: Vec<Vec<Signed>>,
        arrival: Option<i64>,
        batch: &mut Batch,
    ) -> Vec<Accepted> {
        let mut accepted: Vec<Accepted> = Vec::new();
        self.chunk_start = self.ids.len() as u32;
        self.chunk_clocks.clear();
        for p in signed.into_iter().flatten() {
            match p {
                Signed::Problem(e) => batch.problems.push(e),
                Signed::Warning(w) => batch.warnings.push(w),
                Signed::Ok {
                    article_id,
                    source,
                    where_,
                    published,
                    sig,
                } => {
                    // A replayed input: what the state has is not added twice.
                    if self
                        .ids
                        .find(&article_id)
                        .is_some_and(|seq| self.position(seq) < self.archive_end)
                    {
                        batch.replayed += 1;
                        continue;
                    }
                    let time = published.or(arrival);
                    let record = self.opts.keep_records.then(|| codec::Record {
                        id: article_id.clone(),
                        source: source.clone(),
                        time,
                        keys: sig.keys.clone(),
                        sketch: sig.sketch.record().to_vec(),
                    });
                    let position = self.next_position;
                    match self.admit(&article_id, source, time, *sig) {
                        Ok(acc) => {
                            self.chunk_clocks.push(self.clock);
                            batch.records.extend(record.map(|r| (position, r)));
                            accepted.push(acc);
                        }
                        Err(refused) => {
                            let message = match refused {
                                ids::Refused::Repeated => format!(
                                    "duplicate id `{article_id}` (an earlier record has it); record skipped"
                                ),
                                ids::Refused::Full => format!(
                                    "`{article_id}`: one run takes at most {} articles; record skipped",
                                    u32::MAX - 1
                                ),
                            };
                            batch.problems.push(Error::Record {
                                path: where_.into(),
                                line: None,
                                message,
                            });
                        }
                    }
                }
            }
        }
        accepted
    }

    /// Counts this chunk's words in the document frequencies: word rarity
    /// as known at the end of the chunk (see `verify::Rarity`).
    fn count_words(&mut self, accepted: &[Accepted]) {
        for acc in accepted {
            if let Some(sk) = self.sketches.get(acc.seq as usize) {
                df_words(&acc.story_words, sk, |w| {
                    if let Some(d) = self.df.get_mut(usize::from(w)) {
                        *d += 1;
                    }
                });
            }
        }
    }

    /// Lists this chunk's articles in the index, in input order, noting
    /// where each key's chain stood before the article came.
    fn index_chunk(&mut self, accepted: Vec<Accepted>) -> Vec<Fresh> {
        let rarity = verify::Rarity::new(&self.df, self.ids.len());
        let rarity = &rarity;
        // Index this chunk's articles first, in input order, noting where
        // each key's chain stood before the article came: the lookups below
        // walk from there, which is exactly what a one-at-a-time run would
        // have seen, without probing the map again. A twin is not listed,
        // but finds what its group's first article finds.
        let terms: Vec<Vec<u64>> = accepted
            .iter()
            .map(|acc| {
                let title = self
                    .sketches
                    .get(acc.seq as usize)
                    .map_or(&[][..], |s| s.title());
                let mut keys: Vec<u64> =
                    candidates::story_keys(title, &acc.salient, rarity).collect();
                // The event keys come last, with the headline words: one
                // shared key of either makes a candidate.
                if let Some(sk) = self.sketches.get(acc.seq as usize) {
                    candidates::event_keys(&sk.event(), &mut keys);
                }
                keys
            })
            .collect();
        let jobs: Vec<candidates::Job> = accepted
            .iter()
            .zip(&terms)
            .flat_map(|(acc, terms)| {
                let job = |keys, cap| candidates::Job {
                    article: acc.seq,
                    keys,
                    cap,
                    list: acc.indexed,
                };
                [
                    job(acc.keys.as_slice(), candidates::POSTING_CAP),
                    job(terms.as_slice(), candidates::STORY_POSTING_CAP),
                ]
            })
            .collect();
        let mut heads = self.index.insert_all(&jobs).into_iter();
        let mut fresh: Vec<Fresh> = Vec::with_capacity(accepted.len());
        for (acc, terms) in accepted.iter().zip(&terms) {
            fresh.push(Fresh {
                seq: acc.seq,
                heads: heads.by_ref().take(acc.keys.len() + terms.len()).collect(),
                keys: acc.keys.len(),
                salient: acc.salient.iter().filter(|&&t| rarity.is_rare(t)).count(),
            });
        }
        fresh
    }

    /// Parallel: the candidates of each fresh article and their
    /// verification; with the number of candidates.
    fn find(&self, fresh: &[Fresh]) -> (Vec<Found>, usize) {
        let rarity = verify::Rarity::new(&self.df, self.ids.len());
        let rarity = &rarity;
        let this = self;
        let counted = AtomicUsize::new(0);
        let counted = &counted;
        let trace = self.opts.trace;
        let found: Vec<Found> = fresh
            .par_iter()
            .flat_map_iter(|f| {
                let x = &f.seq;
                let (keys, story_heads) = f.heads.split_at(f.keys.min(f.heads.len()));
                let (salient_heads, title_heads) =
                    story_heads.split_at(f.salient.min(story_heads.len()));
                let cands = this.candidates(*x, keys);
                let story = candidates::story_candidates(
                    &this.index,
                    &this.sketches,
                    *x,
                    &cands,
                    salient_heads,
                    title_heads,
                    rarity,
                );
                counted.fetch_add(cands.len() + story.len(), Ordering::Relaxed);
                let sx = this.sketches.get(*x as usize);
                let mut all: Vec<(u32, bool)> = cands.into_iter().map(|y| (y, false)).collect();
                all.extend(story.into_iter().map(|y| (y, true)));
                all.sort_unstable();
                all.into_iter().filter_map(move |(y, story_only)| {
                    let sy = this.sketches.get(y as usize)?;
                    let sx = sx?;
                    let v = if story_only {
                        verify::verify_story(sy, sx, rarity)
                    } else {
                        verify::verify(sy, sx, rarity)
                    };
                    let line = trace.then(|| {
                        let (cos, e) = verify::story_signals(sy, sx, rarity);
                        format!(
                            "candidate\t{}\t{}\t{cos:.4}\t{}",
                            this.ids.get(y).unwrap_or(""),
                            this.ids.get(*x).unwrap_or(""),
                            serde_json::to_string(&e).unwrap_or_default()
                        )
                    });
                    (v.is_some() || line.is_some()).then_some((*x, y, v, line))
                })
            })
            .collect();
        (found, counted.load(Ordering::Relaxed))
    }

    /// Sequential: clusters and output, in (later, earlier) order.
    fn record(&mut self, found: Vec<Found>, batch: &mut Batch) {
        for (x, y, v, line) in found {
            batch.trace.extend(line);
            let Some(v) = v else { continue };
            // Out of the window when x came: as if already dropped.
            let cutoff = self.cutoff_at(x);
            if self.times.get(y as usize).is_some_and(|&t| t < cutoff) {
                continue;
            }
            let (py, px) = (self.position(y), self.position(x));
            if self.opts.against_only && py >= self.archive_end {
                continue;
            }
            let root = self.clusters.add(y, x, v.relation);
            let cluster = self.position(root);
            if self.opts.keep_records {
                batch.links.push((py, px, v.relation));
            }
            let keep = v.score >= self.opts.threshold
                && (self.opts.relations.is_empty() || self.opts.relations.contains(&v.relation));
            if !keep {
                continue;
            }
            let (Some(a), Some(b)) = (self.ids.get(y), self.ids.get(x)) else {
                continue;
            };
            let sources = [self.source(y), self.source(x)];
            batch
                .pairs
                .push(PairRecord::new(a, b, &v, cluster, sources));
        }
    }

    /// Keeps article `seq`'s outlet, interned (past 65,535 outlets, none).
    fn note_source(&mut self, seq: u32, source: Option<String>) {
        let code = match source {
            None => 0,
            Some(name) => match self.source_ids.get(&name) {
                Some(&c) => c,
                None if self.source_names.len() < usize::from(u16::MAX) => {
                    self.source_names.push(name.clone());
                    let c = self.source_names.len() as u16;
                    self.source_ids.insert(name, c);
                    c
                }
                None => 0,
            },
        };
        let at = seq as usize;
        if self.sources.len() <= at {
            self.sources.resize(at + 1, 0);
        }
        if let Some(s) = self.sources.get_mut(at) {
            *s = code;
        }
    }

    /// Article `seq`'s outlet, when its record named one.
    fn source(&self, seq: u32) -> Option<String> {
        let code = *self.sources.get(seq as usize)?;
        self.source_names
            .get(usize::from(code).checked_sub(1)?)
            .cloned()
    }

    /// The first article whose sketch has content hash `content` (`None`
    /// for 0, the hash of an empty story).
    fn twin_first(&self, content: u64) -> Option<u32> {
        if content == 0 {
            return None;
        }
        let sketches = &self.sketches;
        self.twins
            .find(content, |&s| {
                sketches
                    .get(s as usize)
                    .is_some_and(|k| k.content() == content)
            })
            .copied()
    }

    /// The twins listed after `first` (empty when it has none).
    fn twin_later(&self, first: u32) -> &[u32] {
        self.twin_groups.get(&first).map_or(&[], |g| g.as_slice())
    }

    /// Earlier articles worth verifying against article `x`, sorted, from
    /// the chain heads noted when its keys went into the index.
    fn candidates(&self, x: u32, heads: &[candidates::Head]) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for &h in heads {
            out.extend(self.index.chain(h).filter(|&y| y < x));
        }
        out.sort_unstable();
        out.dedup();
        // Twins: a candidate stands for the identical articles after it.
        let content = self.sketches.get(x as usize).map_or(0, |s| s.content());
        let own_first = self.twin_first(content);
        // x is a twin past the group's listed members: it pairs with the
        // first only.
        let overflow = own_first.is_some_and(|f| f != x && !self.twin_later(f).contains(&x));
        let mut expanded: Vec<u32> = Vec::with_capacity(out.len());
        for y in out {
            let first = self
                .sketches
                .get(y as usize)
                .and_then(|s| self.twin_first(s.content()))
                .filter(|&f| f == y);
            match first {
                Some(f) if overflow && Some(f) == own_first => expanded.push(y),
                Some(f) => {
                    expanded.push(f);
                    expanded.extend(self.twin_later(f).iter().copied().filter(|&m| m < x));
                }
                None => expanded.push(y),
            }
        }
        expanded.sort_unstable();
        expanded.dedup();
        expanded
    }
}
