//! What a run reports: the relations and the options of a [`Deduper`](super::Deduper).

use serde::Serialize;

/// How two articles are related, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// The same article give or take boilerplate and small edits: each side
    /// carries at least 80% of the other's sentences.
    Duplicate,
    /// One largely built from the other: one side carries at least half of
    /// the other's sentences.
    Derived,
    /// Independent reports of the same event: the salient names, places and
    /// numbers overlap.
    SameStory,
}

impl Relation {
    /// The name used on the command line and in JSONL.
    pub fn name(self) -> &'static str {
        match self {
            Relation::Duplicate => "duplicate",
            Relation::Derived => "derived",
            Relation::SameStory => "same-story",
        }
    }

    /// Parses `duplicate`, `derived` or `same-story`.
    pub fn parse(s: &str) -> Option<Relation> {
        match s.trim() {
            "duplicate" => Some(Relation::Duplicate),
            "derived" => Some(Relation::Derived),
            "same-story" | "same_story" => Some(Relation::SameStory),
            _ => None,
        }
    }
}

/// What to report.
#[derive(Debug, Clone, Default)]
pub struct DedupOptions {
    /// Only pairs scoring at least this much are written.
    pub threshold: f32,
    /// Only these relations are written; empty means all.
    pub relations: Vec<Relation>,
    /// For calibration: note every verified candidate's same-event signals
    /// in [`Batch::trace`].
    pub trace: bool,
    /// Articles dated more than this many seconds before the newest one
    /// are out of the window: no pair with them is reported, and
    /// [`state::State::after_chunk`] drops them from the index and the
    /// database.
    pub window: Option<i64>,
    /// Give each chunk's new records and cluster links in
    /// [`Batch::records`] and [`Batch::links`], for `--state`.
    pub keep_records: bool,
    /// Only pairs whose earlier article came from the state loaded at the
    /// start (`--against`).
    pub against_only: bool,
}
