//! Test support shared by the stages' tests.

/// A small vocabulary of news words, so that random documents built from
/// it share words and alignments happen.
pub const NEWS_WORDS: &[&str] = &[
    "storm", "power", "homes", "Sunday", "governor", "the", "said", "40", "schools", "closed",
];
