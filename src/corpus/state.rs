//! The durable index of `dedup --state PATH`: every accepted article's
//! record in an embedded database (redb), so a stage that is restarted goes
//! on where it stopped.
//!
//! The database is the truth; memory is a cache of it. It holds, in one
//! file:
//!
//! - `meta`: the state format, the wirediff version that wrote it, the
//!   codec version, the next stream position and the next chunk number;
//! - `records`: stream position → the chunk it came in (8 bytes) and its
//!   `codec` record;
//! - `links`: (earlier, later) stream positions → relation, for each pair
//!   joined into a cluster, so that a resumed run names clusters as one
//!   long run would.
//!
//! Each chunk is committed in one transaction after its pairs are written
//! and flushed ([`State::after_chunk`]): killed at any moment, the state
//! holds whole chunks only, and replaying the input reports again the
//! pairs of the chunk that was cut, and skips the ids already held.
//! Loading ([`State::load`]) takes the records back chunk by chunk as they
//! came, so the index is the one the run had, without reading any text.
//!
//! redb locks the file for one process at a time: `--against` loads the
//! state and lets it go at once, but cannot open it while a writer runs.

use super::codec::{self, Record};
use super::{Batch, Deduper, Relation};
use redb::{Database, ReadableTable, ReadableTableMetadata, TableDefinition};
use std::path::{Path, PathBuf};

const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");
const RECORDS: TableDefinition<u64, &[u8]> = TableDefinition::new("records");
const LINKS: TableDefinition<(u64, u64), u8> = TableDefinition::new("links");

/// redb's page cache. Its default, 1 GiB, keeps every page written or read
/// until it is full: at 100k articles that was the whole 270 MB file again
/// in memory (a peak of 245 MB with `--state` against 173 MB without), and
/// with a window it grew with everything ever written. The state is read
/// once, front to back, at the start and at each rebuild ([`State::load`]),
/// and written a chunk at a time, so a cache buys nothing beyond the
/// B-trees' upper pages and a chunk's writes.
const CACHE_BYTES: usize = 4 << 20;

/// What `meta` says the file is.
const FORMAT: &[u8] = b"wirediff-state 1";

/// The version of wirediff that writes states: a state of another is
/// refused (its records' layout or the index built from them may differ).
pub const WIREDIFF_VERSION: &str = env!("CARGO_PKG_VERSION");

/// What went wrong with a state, naming its path.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct StateError {
    /// The state's path.
    pub path: PathBuf,
    /// What is wrong, in plain words.
    pub message: String,
}

/// An open state.
pub struct State {
    db: Database,
    path: PathBuf,
    /// The next chunk number.
    chunk: u64,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("State").field("path", &self.path).finish()
    }
}

/// What `wirediff state info` shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Info {
    /// Articles held.
    pub articles: u64,
    /// Cluster links held.
    pub links: u64,
    /// Chunks committed.
    pub chunks: u64,
    /// Stream positions given so far (articles ever taken in).
    pub next_position: u64,
    /// The oldest and newest article time (seconds since 1970).
    pub times: Option<(i64, i64)>,
    /// Bytes of the file.
    pub bytes: u64,
    /// The wirediff version that wrote it.
    pub version: String,
}

fn relation_code(r: Relation) -> u8 {
    match r {
        Relation::Duplicate => 0,
        Relation::Derived => 1,
        Relation::SameStory => 2,
    }
}

fn relation_of(code: u8) -> Option<Relation> {
    match code {
        0 => Some(Relation::Duplicate),
        1 => Some(Relation::Derived),
        2 => Some(Relation::SameStory),
        _ => None,
    }
}

/// The first bytes of a redb file.
const MAGIC: [u8; 9] = [b'r', b'e', b'd', b'b', 0x1A, 0x0A, 0xA9, 0x0D, 0x0A];

/// True when the file at `path` starts as a redb database does.
fn has_magic(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; MAGIC.len()];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && head == MAGIC
}

fn u64_of(bytes: Option<&[u8]>) -> u64 {
    bytes
        .and_then(|b| b.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

impl State {
    fn error(path: &Path, message: impl Into<String>) -> StateError {
        StateError {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }

    fn fail(&self, what: &str, e: impl std::fmt::Display) -> StateError {
        State::error(&self.path, format!("{what}: {e}"))
    }

    /// Opens the state at `path` to update it, creating it when absent.
    pub fn open(path: &Path) -> Result<State, StateError> {
        State::open_as(path, true)
    }

    /// Opens an existing state to read it (`--against`, `state info`).
    pub fn open_existing(path: &Path) -> Result<State, StateError> {
        State::open_as(path, false)
    }

    fn open_as(path: &Path, create: bool) -> Result<State, StateError> {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                return Err(State::error(path, "is a directory, not a state file"))
            }
            Ok(m) if !m.is_file() => return Err(State::error(path, "not a regular file")),
            // redb would take over a file of another kind: look first.
            Ok(m) if m.len() > 0 && !has_magic(path) => {
                return Err(State::error(
                    path,
                    "not a wirediff state (a file of another kind); left as it is",
                ))
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !create => {
                return Err(State::error(path, "no such state"))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(State::error(path, e.to_string())),
        }
        let fresh = !path.exists();
        let mut builder = redb::Builder::new();
        builder.set_cache_size(CACHE_BYTES);
        let opened = if create {
            builder.create(path)
        } else {
            builder.open(path)
        };
        let db = opened.map_err(|e| {
            // A failed create must not leave an empty file behind.
            if fresh {
                let _ = std::fs::remove_file(path);
            }
            let message = match e {
                redb::DatabaseError::DatabaseAlreadyOpen => {
                    "in use by another wirediff (a state is open in one process at a time)"
                        .to_string()
                }
                redb::DatabaseError::Storage(redb::StorageError::Io(io)) => {
                    format!("cannot open the state: {io}")
                }
                other => format!("not a wirediff state ({other})"),
            };
            State::error(path, message)
        })?;
        let mut state = State {
            db,
            path: path.to_path_buf(),
            chunk: 0,
        };
        state.check_or_init(create, fresh)?;
        Ok(state)
    }

    /// Refuses a file of another kind or another version; writes the meta
    /// of a new state.
    fn check_or_init(&mut self, create: bool, fresh: bool) -> Result<(), StateError> {
        let read = self.db.begin_read().map_err(|e| self.fail("read", e))?;
        let meta = match read.open_table(META) {
            Ok(t) => Some(t),
            Err(redb::TableError::TableDoesNotExist(_)) => None,
            Err(e) => return Err(self.fail("read", e)),
        };
        let Some(meta) = meta else {
            drop(read);
            if !create {
                return Err(State::error(&self.path, "not a wirediff state (no meta)"));
            }
            let has_tables = {
                let r = self.db.begin_read().map_err(|e| self.fail("read", e))?;
                r.list_tables().map_err(|e| self.fail("read", e))?.count() > 0
            };
            if has_tables && !fresh {
                return Err(State::error(&self.path, "not a wirediff state (no meta)"));
            }
            return self.init();
        };
        let get = |k: &str| -> Result<Option<Vec<u8>>, StateError> {
            Ok(meta
                .get(k)
                .map_err(|e| self.fail("read", e))?
                .map(|v| v.value().to_vec()))
        };
        if get("format")?.as_deref() != Some(FORMAT) {
            return Err(State::error(&self.path, "not a wirediff state"));
        }
        let version = String::from_utf8_lossy(&get("wirediff")?.unwrap_or_default()).into_owned();
        if version != WIREDIFF_VERSION {
            return Err(State::error(
                &self.path,
                format!(
                    "state written by wirediff {version}, this is {WIREDIFF_VERSION}: refused (rebuild it from the feed with this version)"
                ),
            ));
        }
        if get("codec")?.as_deref() != Some(&[codec::VERSION][..]) {
            return Err(State::error(
                &self.path,
                "state of another record codec: refused",
            ));
        }
        self.chunk = u64_of(get("chunks")?.as_deref());
        Ok(())
    }

    fn init(&mut self) -> Result<(), StateError> {
        let w = self.db.begin_write().map_err(|e| self.fail("write", e))?;
        {
            let mut meta = w.open_table(META).map_err(|e| self.fail("write", e))?;
            for (k, v) in [
                ("format", FORMAT),
                ("wirediff", WIREDIFF_VERSION.as_bytes()),
                ("codec", &[codec::VERSION][..]),
                ("next", &0u64.to_le_bytes()[..]),
                ("chunks", &0u64.to_le_bytes()[..]),
            ] {
                meta.insert(k, v).map_err(|e| self.fail("write", e))?;
            }
            w.open_table(RECORDS).map_err(|e| self.fail("write", e))?;
            w.open_table(LINKS).map_err(|e| self.fail("write", e))?;
        }
        w.commit().map_err(|e| self.fail("write", e))
    }

    /// Takes every record and link of the state into `deduper`, chunk by
    /// chunk as they came; with `archive`, marks them as the state's (see
    /// [`Deduper::mark_archive`]). Gives the number of articles loaded.
    pub fn load(&self, deduper: &mut Deduper, archive: bool) -> Result<u64, StateError> {
        let read = self.db.begin_read().map_err(|e| self.fail("read", e))?;
        let records = read.open_table(RECORDS).map_err(|e| self.fail("read", e))?;
        let mut chunk: Vec<(u32, Record)> = Vec::new();
        let mut current = None;
        let mut loaded = 0u64;
        for entry in records.iter().map_err(|e| self.fail("read", e))? {
            let (k, v) = entry.map_err(|e| self.fail("read", e))?;
            let position = u32::try_from(k.value())
                .map_err(|_| State::error(&self.path, "corrupt state (position)"))?;
            let v = v.value();
            let (no, bytes) = v.split_at(v.len().min(8));
            let no = u64_of(Some(no));
            let rec = codec::decode(bytes).map_err(|e| {
                State::error(&self.path, format!("corrupt record at {position}: {e}"))
            })?;
            if current != Some(no) && !chunk.is_empty() {
                deduper.restore_chunk(std::mem::take(&mut chunk));
            }
            current = Some(no);
            chunk.push((position, rec));
            loaded += 1;
        }
        if !chunk.is_empty() {
            deduper.restore_chunk(chunk);
        }
        let links = read.open_table(LINKS).map_err(|e| self.fail("read", e))?;
        let mut joined = Vec::new();
        for entry in links.iter().map_err(|e| self.fail("read", e))? {
            let (k, v) = entry.map_err(|e| self.fail("read", e))?;
            let (a, b) = k.value();
            if let (Ok(a), Ok(b), Some(r)) =
                (u32::try_from(a), u32::try_from(b), relation_of(v.value()))
            {
                joined.push((a, b, r));
            }
        }
        deduper.restore_links(joined);
        let meta = read.open_table(META).map_err(|e| self.fail("read", e))?;
        let next = meta
            .get("next")
            .map_err(|e| self.fail("read", e))?
            .map_or(0, |v| u64_of(Some(v.value())));
        deduper.set_next_position(u32::try_from(next).unwrap_or(u32::MAX));
        if archive {
            deduper.mark_archive();
        }
        Ok(loaded)
    }

    /// Commits a chunk's new records and links (after its pairs are
    /// written and flushed), in one transaction; then, with a window, drops
    /// what is out of it once that is due (see `evict`). On an error the
    /// state is as it was before the chunk.
    pub fn after_chunk(&mut self, deduper: &mut Deduper, batch: &Batch) -> Result<(), StateError> {
        if !batch.records.is_empty() || !batch.links.is_empty() {
            self.commit(deduper, batch)?;
        }
        if deduper.rebuild_due() {
            // The old index is freed before the delete transaction: its
            // copied pages (about 15 MB at 100k articles held) then take
            // the space the index left, instead of adding to it at the
            // run's peak.
            let gone = deduper.expired();
            deduper.reset();
            self.evict(&gone)?;
            self.load(deduper, false)?;
        }
        Ok(())
    }

    fn commit(&mut self, deduper: &Deduper, batch: &Batch) -> Result<(), StateError> {
        let w = self.db.begin_write().map_err(|e| self.fail("write", e))?;
        let no = self.chunk;
        {
            let mut records = w.open_table(RECORDS).map_err(|e| self.fail("write", e))?;
            let mut value = Vec::new();
            for (position, rec) in &batch.records {
                value.clear();
                value.extend_from_slice(&no.to_le_bytes());
                value.extend_from_slice(&codec::encode(rec));
                records
                    .insert(u64::from(*position), value.as_slice())
                    .map_err(|e| self.fail("write", e))?;
            }
            let mut links = w.open_table(LINKS).map_err(|e| self.fail("write", e))?;
            for &(a, b, r) in &batch.links {
                links
                    .insert((u64::from(a), u64::from(b)), relation_code(r))
                    .map_err(|e| self.fail("write", e))?;
            }
            let mut meta = w.open_table(META).map_err(|e| self.fail("write", e))?;
            let next = u64::from(deduper.next_position()).to_le_bytes();
            meta.insert("next", &next[..])
                .map_err(|e| self.fail("write", e))?;
            meta.insert("chunks", &(no + 1).to_le_bytes()[..])
                .map_err(|e| self.fail("write", e))?;
        }
        w.commit().map_err(|e| self.fail("write", e))?;
        self.chunk = no + 1;
        Ok(())
    }

    /// Deletes the records at `positions` and every link to them, in one
    /// transaction.
    fn evict(&mut self, positions: &[u32]) -> Result<(), StateError> {
        if positions.is_empty() {
            return Ok(());
        }
        let w = self.db.begin_write().map_err(|e| self.fail("write", e))?;
        {
            let mut records = w.open_table(RECORDS).map_err(|e| self.fail("write", e))?;
            for &p in positions {
                records
                    .remove(u64::from(p))
                    .map_err(|e| self.fail("write", e))?;
            }
            let gone = |p: u64| u32::try_from(p).is_ok_and(|p| positions.binary_search(&p).is_ok());
            let mut links = w.open_table(LINKS).map_err(|e| self.fail("write", e))?;
            links
                .retain(|(a, b), _| !gone(a) && !gone(b))
                .map_err(|e| self.fail("write", e))?;
        }
        w.commit().map_err(|e| self.fail("write", e))
    }

    /// Articles, links, times and size.
    pub fn info(&self) -> Result<Info, StateError> {
        let read = self.db.begin_read().map_err(|e| self.fail("read", e))?;
        let records = read.open_table(RECORDS).map_err(|e| self.fail("read", e))?;
        let mut times: Option<(i64, i64)> = None;
        for entry in records.iter().map_err(|e| self.fail("read", e))? {
            let (_, v) = entry.map_err(|e| self.fail("read", e))?;
            let v = v.value();
            let rec = codec::decode(v.get(8..).unwrap_or(&[]))
                .map_err(|e| State::error(&self.path, format!("corrupt record: {e}")))?;
            if let Some(t) = rec.time {
                times = Some(times.map_or((t, t), |(lo, hi)| (lo.min(t), hi.max(t))));
            }
        }
        let links = read.open_table(LINKS).map_err(|e| self.fail("read", e))?;
        let meta = read.open_table(META).map_err(|e| self.fail("read", e))?;
        let get = |k: &str| -> Result<Vec<u8>, StateError> {
            Ok(meta
                .get(k)
                .map_err(|e| self.fail("read", e))?
                .map(|v| v.value().to_vec())
                .unwrap_or_default())
        };
        Ok(Info {
            articles: records.len().map_err(|e| self.fail("read", e))?,
            links: links.len().map_err(|e| self.fail("read", e))?,
            chunks: u64_of(Some(&get("chunks")?)),
            next_position: u64_of(Some(&get("next")?)),
            times,
            bytes: std::fs::metadata(&self.path).map_or(0, |m| m.len()),
            version: String::from_utf8_lossy(&get("wirediff")?).into_owned(),
        })
    }

    /// Gives the space of deleted records back to the file system (redb
    /// reuses freed pages but does not shrink the file by itself).
    pub fn compact(&mut self) -> Result<bool, StateError> {
        let path = self.path.clone();
        self.db
            .compact()
            .map_err(|e| State::error(&path, format!("compact: {e}")))
    }
}
