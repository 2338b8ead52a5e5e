//! Integration tests: the real binary on real files.

mod cli;
mod dedup;
mod util;
