//! Integration tests: the real binary on real files, checked the way a user
//! would check them (exit status, the one stderr line, what stdout holds).

mod catalogue;
mod cli;
mod compare;
mod dedup;
mod discrepancies;
mod golden;
mod hostile;
mod nway;
mod properties;
mod sentences;
mod state;
mod terminal;
mod util;
