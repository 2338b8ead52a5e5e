//! Command-line behaviour: exit statuses and the one-line errors.

use crate::util::{seed, wirediff};
use predicates::prelude::*;

#[test]
fn missing_file_is_one_line_and_exit_2() {
    wirediff()
        .args(["sentences", "no/such/file.txt"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::starts_with("wirediff: no/such/file.txt:")
                .and(predicate::str::ends_with("\n")),
        )
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
}

#[test]
fn seeds_give_sentences() {
    wirediff()
        .args(["sentences", &seed("afp")])
        .assert()
        .success()
        .stdout(predicate::str::contains("NATO and Moscow failed anew"));
}
