//! Integration tests: the real binary on real files, checked the way a user
//! would check them (exit status, the one stderr line, what stdout holds).

mod cli;
mod compare;
mod dedup;
mod golden;
mod properties;
mod sentences;
mod util;
