//! Reading a corpus as a stream: records are handed over as they arrive.
//!
//! A reader thread walks the inputs in order and sends one [`Item`] per JSONL
//! line (parsing happens later, in parallel) or per plain-text / JSON file.
//! [`Stream::next_chunk`] waits for the first item, then takes whatever else
//! has arrived, up to a size limit; when the input pauses (a pipeline that
//! has nothing more to say yet) it hands over what it has, so each record is
//! answered without waiting for end of input.

use crate::article::{jsonl_line, read_file_as, Article, Loaded};
use crate::error::Error;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError, SyncSender, TryRecvError};
use std::sync::Arc;
use std::time::Duration;

pub use crate::article::Input;

/// Items buffered between the reader thread and the work: enough to keep
/// both cores busy, small enough that memory stays flat on a fast input.
const CHANNEL_CAP: usize = 8192;

/// How long an input may be silent before the records read so far are
/// processed: short enough that a pipeline sees answers within a blink, long
/// enough that a file read at disk speed still makes full chunks.
pub const STALL: Duration = Duration::from_millis(30);

/// One unit of input, in input order.
#[derive(Debug)]
pub enum Item {
    /// A raw JSONL line (1-based line number), parsed later in parallel.
    Line {
        /// The input's name (`-` for standard input).
        path: Arc<Path>,
        /// What a record without an id is named after (with its line).
        stem: Arc<str>,
        /// 1-based line number.
        line: usize,
        /// The line without its newline.
        bytes: Vec<u8>,
    },
    /// An article read from a plain-text or JSON file.
    Article(Box<Article>),
    /// A record or input that could not be read.
    Problem(Error),
    /// Something worth saying that did not stop the reading.
    Warning(String),
}

/// One item once parsed, in input order: an article and where it came from
/// (`path:line` for a JSONL record, the file for a file), a problem, or a
/// warning.
#[derive(Debug)]
pub enum Parsed {
    /// An article read.
    Article {
        /// The article.
        article: Box<Article>,
        /// Where it came from, for messages about it.
        where_: String,
    },
    /// A record or input that could not be read.
    Problem(Error),
    /// Something worth saying that did not stop the reading.
    Warning(String),
}

/// Parses one item: a JSONL line is read into an article here (the caller
/// runs this in parallel); its warnings come after it.
pub fn parse(item: Item) -> Vec<Parsed> {
    match item {
        Item::Line {
            path,
            stem,
            line,
            bytes,
        } => {
            let mut warnings = Vec::new();
            let mut out = Vec::new();
            match jsonl_line(&path, &stem, line, &bytes, &mut warnings) {
                Ok(Some(a)) => out.push(Parsed::Article {
                    article: Box::new(a),
                    where_: format!("{}:{line}", path.display()),
                }),
                Ok(None) => {}
                Err(e) => out.push(Parsed::Problem(e)),
            }
            out.extend(warnings.into_iter().map(Parsed::Warning));
            out
        }
        Item::Article(a) => {
            let where_ = a.path.clone();
            vec![Parsed::Article { article: a, where_ }]
        }
        Item::Problem(e) => vec![Parsed::Problem(e)],
        Item::Warning(w) => vec![Parsed::Warning(w)],
    }
}

/// The articles of one item (problems as errors, warnings dropped).
pub fn parse_articles(item: Item) -> Vec<Result<Article, Error>> {
    parse(item)
        .into_iter()
        .filter_map(|p| match p {
            Parsed::Article { article, .. } => Some(Ok(*article)),
            Parsed::Problem(e) => Some(Err(e)),
            Parsed::Warning(_) => None,
        })
        .collect()
}

/// The reading side of the reader thread.
#[derive(Debug)]
pub struct Stream {
    rx: Receiver<Item>,
    /// Standard input is among the inputs: hand over partial chunks when it
    /// pauses. Files alone always make full chunks, so the chunking (and
    /// with it every answer) is the same on every run.
    live: bool,
}

impl Stream {
    /// Starts reading `inputs` on a thread of its own.
    pub fn spawn(inputs: Vec<Input>) -> Stream {
        let live = inputs.contains(&Input::Stdin);
        let (tx, rx) = sync_channel(CHANNEL_CAP);
        std::thread::spawn(move || {
            for input in &inputs {
                if !read_input(input, &tx) {
                    return;
                }
            }
        });
        Stream { rx, live }
    }

    /// A stream over items made elsewhere (tests, benches).
    pub fn from_items(items: Vec<Item>) -> Stream {
        let (tx, rx) = sync_channel(items.len().max(1));
        for it in items {
            let _ = tx.send(it);
        }
        Stream { rx, live: false }
    }

    /// The next chunk of at most `max` items: blocks for the first, then
    /// takes what arrives until `max` or until the input is silent for
    /// [`STALL`] (standard input only). `None` at the end of all inputs.
    pub fn next_chunk(&self, max: usize) -> Option<Vec<Item>> {
        let first = self.rx.recv().ok()?;
        let mut out = Vec::with_capacity(max.min(CHANNEL_CAP));
        out.push(first);
        while out.len() < max {
            if !self.live {
                match self.rx.recv() {
                    Ok(it) => out.push(it),
                    Err(_) => break,
                }
                continue;
            }
            match self.rx.try_recv() {
                Ok(it) => out.push(it),
                Err(TryRecvError::Disconnected) => break,
                Err(TryRecvError::Empty) => match self.rx.recv_timeout(STALL) {
                    Ok(it) => out.push(it),
                    Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
                },
            }
        }
        Some(out)
    }
}

/// Sends one input's items; false when the receiver has gone.
fn read_input(input: &Input, tx: &SyncSender<Item>) -> bool {
    match input {
        Input::Stdin => read_lines(Path::new("-"), "-", std::io::stdin().lock(), tx),
        Input::Path(p) if p.is_dir() => {
            let mut files = Vec::new();
            if let Err(e) = walk(p, &mut files) {
                return tx.send(Item::Problem(e)).is_ok();
            }
            if files.is_empty() {
                return tx
                    .send(Item::Problem(Error::NotFound {
                        path: p.clone(),
                        message: "folder holds no .txt, .json or .jsonl file".into(),
                    }))
                    .is_ok();
            }
            files
                .iter()
                .all(|f| read_path(f, &crate::article::folder_stem(p, f), tx))
        }
        Input::Path(p) => read_path(p, &crate::article::derive_id(p), tx),
    }
}

fn is_jsonl(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// Sends the items of one file; `stem` names its records without an id.
fn read_path(p: &Path, stem: &str, tx: &SyncSender<Item>) -> bool {
    if is_jsonl(p) {
        return match crate::article::open_file(p) {
            Ok((f, false)) => read_lines(p, stem, f, tx),
            // A FIFO nobody writes to reads as nothing at once; that is a
            // mistake to name (as read_file_as does), not an empty feed.
            Ok((f, true)) => {
                let mut r = BufReader::new(f);
                match r.fill_buf() {
                    Ok([]) => tx
                        .send(Item::Problem(crate::article::empty_fifo(p)))
                        .is_ok(),
                    _ => read_lines(p, stem, r, tx),
                }
            }
            Err(e) => tx.send(Item::Problem(e)).is_ok(),
        };
    }
    let mut loaded = Loaded::default();
    let mut items: Vec<Item> = Vec::new();
    match read_file_as(p, stem, &mut loaded) {
        Ok(()) => {}
        Err(e) => items.push(Item::Problem(e)),
    }
    items.extend(loaded.warnings.into_iter().map(Item::Warning));
    items.extend(
        loaded
            .articles
            .into_iter()
            .map(|a| Item::Article(Box::new(a))),
    );
    items.into_iter().all(|it| tx.send(it).is_ok())
}

fn read_lines(path: &Path, stem: &str, r: impl Read, tx: &SyncSender<Item>) -> bool {
    let path: Arc<Path> = Arc::from(path);
    let stem: Arc<str> = Arc::from(stem);
    let mut r = BufReader::with_capacity(1 << 16, r);
    // UTF-16 cannot be cut into lines at 0x0A bytes (each newline is two
    // bytes): such a stream is decoded whole, once, then read as UTF-8.
    if r.fill_buf()
        .is_ok_and(|head| crate::article::utf16_of(head).is_some())
    {
        let mut all = Vec::new();
        let mut warnings = Vec::new();
        let text = match r.read_to_end(&mut all) {
            Ok(_) => crate::article::decode(&path, &all, &mut warnings),
            Err(source) => Err(Error::Io {
                path: path.to_path_buf(),
                source,
            }),
        };
        let sent = warnings
            .into_iter()
            .all(|w| tx.send(Item::Warning(w)).is_ok());
        return sent
            && match text {
                Ok(t) => read_lines(&path, &stem, std::io::Cursor::new(t.into_bytes()), tx),
                Err(e) => tx.send(Item::Problem(e)).is_ok(),
            };
    }
    let mut line = 0usize;
    loop {
        let mut bytes = Vec::new();
        match r.read_until(b'\n', &mut bytes) {
            Ok(0) => return true,
            Ok(_) => {
                line += 1;
                while bytes.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
                    bytes.pop();
                }
                if bytes.iter().all(|b| b.is_ascii_whitespace()) {
                    continue;
                }
                let item = Item::Line {
                    path: path.clone(),
                    stem: stem.clone(),
                    line,
                    bytes,
                };
                if tx.send(item).is_err() {
                    return false;
                }
            }
            Err(source) => {
                return tx
                    .send(Item::Problem(Error::Io {
                        path: path.to_path_buf(),
                        source,
                    }))
                    .is_ok();
            }
        }
    }
}

/// Every `.txt`, `.json`, `.jsonl` and `.ndjson` file below `dir`, sorted
/// (the same walk as `sentences` and `compare` make).
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    crate::article::collect_folder(dir, out)
}
