//! The library's one error type. Every variant names the input it is about,
//! so the binary can print it as one line.

use std::path::PathBuf;

/// What went wrong, and with which input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The input's name.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The input holds binary data (a NUL byte), not text.
    #[error("{path}: binary data (NUL byte at offset {offset}), not a text article")]
    Binary {
        /// The input's name.
        path: PathBuf,
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// A directory was given where an article file was expected.
    #[error("{path}: is a directory, not an article file")]
    IsDirectory {
        /// The input's name.
        path: PathBuf,
    },
    /// The input is not something an article can be read from (a device,
    /// a socket, a FIFO nobody writes to).
    #[error("{path}: {message}")]
    NotReadable {
        /// The input's name.
        path: PathBuf,
        /// What it is instead.
        message: String,
    },
    /// The article has no text at all.
    #[error("{path}: empty article (no text)")]
    Empty {
        /// The input's name.
        path: PathBuf,
    },
    /// A JSON or JSONL record is malformed.
    #[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    Record {
        /// The input's name.
        path: PathBuf,
        /// 1-based line for JSONL, `None` for a JSON document.
        line: Option<usize>,
        /// What is wrong, in plain words.
        message: String,
    },
    /// Something the user asked for does not exist (an id, a reference).
    #[error("{path}: {message}")]
    NotFound {
        /// The input's name.
        path: PathBuf,
        /// What was not found.
        message: String,
    },
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
