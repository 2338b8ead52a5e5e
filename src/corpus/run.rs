//! `dedup` end to end over inputs: the reader thread, the chunks through a
//! [`Deduper`], the state loaded before the first chunk and committed after
//! each (`--state`, `--against`), the pairs written as they are confirmed or
//! kept for a report at the end. The binary hands in its decisions (the
//! parsed options, where output goes, how progress is shown); nothing here
//! prints, reads the environment or exits.

use super::evict::Held;
use super::state::{State, StateError};
use super::stream::{Item, Stream};
use super::{report, tokenize_only, Batch, DedupOptions, Deduper, PairRecord, Tokenized, CHUNK};
use crate::article::Input;
use std::io::{self, Write};
use std::path::PathBuf;

/// What a run is asked for beyond the [`DedupOptions`].
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// What the deduplicator reports.
    pub dedup: DedupOptions,
    /// `--state`: loaded before the first chunk, committed after each.
    pub state: Option<PathBuf>,
    /// `--against`: an existing state, loaded and let go of at once, so
    /// that a writer may open it again.
    pub against: Option<PathBuf>,
    /// Keep the pairs, and the articles' titles and dates, for a report
    /// written at the end, rather than writing JSONL chunk by chunk.
    pub keep: bool,
}

/// What the caller is told while a run goes on.
pub trait Progress {
    /// A chunk went through: what it produced (its warnings, problems and
    /// trace lines are for the person running) and the bytes of input it
    /// stands for.
    fn chunk(&mut self, batch: &Batch, bytes: u64);
    /// A chunk was committed to the state, which now holds `held` articles.
    fn committed(&mut self, held: usize);
}

/// What a run leaves, for the caller to report.
#[derive(Debug)]
pub struct Outcome {
    /// The deduplicator at the end (clusters, memory report).
    pub deduper: Deduper,
    /// With [`RunOptions::keep`]: every pair written, in output order.
    pub pairs: Vec<PairRecord>,
    /// With [`RunOptions::keep`]: the articles' titles and dates.
    pub catalog: report::Catalog,
    /// Some record was skipped as bad.
    pub errored: bool,
    /// Some pair of the relations asked for was found.
    pub found: bool,
    /// Articles read.
    pub read: usize,
    /// Articles skipped because the state already had them.
    pub replayed: usize,
}

/// Why a run stopped.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The state could not be opened, loaded or committed.
    #[error(transparent)]
    State(#[from] StateError),
    /// Writing the pairs failed.
    #[error(transparent)]
    Output(io::Error),
}

/// The clock, for articles without a `published` time.
fn now_seconds() -> Option<i64> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    i64::try_from(now.as_secs()).ok()
}

/// The bytes of input an item stands for: a JSONL line with its newline,
/// a file's article text (near its size on disk).
fn item_bytes(item: &Item) -> u64 {
    match item {
        Item::Line { bytes, .. } => bytes.len() as u64 + 1,
        Item::Article(a) => (a.text.len() + a.title.len() + 2) as u64,
        Item::Problem(_) | Item::Warning(_) => 0,
    }
}

/// Streams `inputs` through a [`Deduper`] chunk by chunk, writing each
/// chunk's pairs to `out` as JSONL as soon as they are confirmed (unless
/// [`RunOptions::keep`]). Bad records are reported through `progress` and
/// skipped; only the state and the output can stop a run.
pub fn run(
    inputs: Vec<Input>,
    opts: RunOptions,
    out: &mut dyn Write,
    progress: &mut dyn Progress,
) -> Result<Outcome, RunError> {
    let input = Stream::spawn(inputs);
    // A window without a state keeps its records in memory for the
    // rebuilds (`evict::Held`).
    let mut held = (opts.dedup.window.is_some() && opts.state.is_none() && opts.against.is_none())
        .then(Held::default);
    let mut dedup = opts.dedup.clone();
    dedup.keep_records |= held.is_some();
    let mut deduper = Deduper::new(dedup);
    // The state is loaded before the first chunk; `--against` lets go of
    // it at once, so that a writer may open it again.
    let mut state = match (&opts.state, &opts.against) {
        (Some(path), _) => Some(State::open(path)?),
        (None, Some(path)) => Some(State::open_existing(path)?),
        (None, None) => None,
    };
    if let Some(s) = &state {
        s.load(&mut deduper, true)?;
    }
    if opts.against.is_some() {
        state = None;
    }
    let mut replayed = 0;
    let mut kept = Vec::new();
    let mut catalog = report::Catalog::default();
    let (mut errored, mut found, mut read) = (false, false, 0);
    while let Some(chunk) = input.next_chunk(CHUNK) {
        let bytes = chunk.iter().map(item_bytes).sum();
        if opts.keep {
            catalog.note(&chunk);
        }
        let mut batch = deduper.push_at(chunk, now_seconds());
        replayed += batch.replayed;
        read += batch.articles;
        progress.chunk(&batch, bytes);
        errored |= !batch.problems.is_empty();
        // The pairs written are those of the relations asked for (all
        // when none is named): any of them is a finding.
        found |= !batch.pairs.is_empty();
        if opts.keep {
            kept.append(&mut batch.pairs);
        } else {
            report::jsonl(&batch.pairs, out)
                .and_then(|()| out.flush())
                .map_err(RunError::Output)?;
        }
        // Committed only once the chunk's pairs are out (at least once).
        if let Some(s) = &mut state {
            s.after_chunk(&mut deduper, &batch)?;
            progress.committed(deduper.len());
        } else if let Some(h) = &mut held {
            h.after_chunk(&mut deduper, &batch);
        }
    }
    Ok(Outcome {
        deduper,
        pairs: kept,
        catalog,
        errored,
        found,
        read,
        replayed,
    })
}

/// The read-and-tokenize pass alone over whole inputs ([`tokenize_only`]
/// chunk by chunk), for benchmarks (`dedup --tokenize-only`).
pub fn tokenize_inputs(inputs: Vec<Input>) -> Tokenized {
    let input = Stream::spawn(inputs);
    let mut total = Tokenized::default();
    while let Some(chunk) = input.next_chunk(CHUNK) {
        let t = tokenize_only(chunk);
        total.articles += t.articles;
        total.sentences += t.sentences;
        total.words += t.words;
    }
    total
}
