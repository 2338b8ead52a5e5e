//! Helpers: the real binary in a hermetic environment.

use assert_cmd::Command;
use std::path::PathBuf;

/// The `wirediff` binary with no color, width or wirediff variables from the
/// developer's shell.
pub fn wirediff() -> Command {
    let mut cmd = Command::cargo_bin("wirediff").expect("binary built");
    for var in ["NO_COLOR", "CLICOLOR_FORCE", "COLUMNS", "TERM"] {
        cmd.env_remove(var);
    }
    for (k, _) in std::env::vars() {
        if k.starts_with("WIREDIFF_") {
            cmd.env_remove(k);
        }
    }
    cmd.current_dir(root());
    cmd
}

/// Runs `wirediff ARGS`, which must succeed, and parses its standard
/// output as JSON.
pub fn json_of(args: &[&str]) -> serde_json::Value {
    let out = wirediff()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("JSON output parses")
}

/// `compare --format json` of the AFP and Reuters seeds, parsed.
pub fn seeds_json() -> serde_json::Value {
    json_of(&[
        "compare",
        &seed("afp"),
        &seed("reuters"),
        "--format",
        "json",
    ])
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A seed article's path, relative to the root.
pub fn seed(which: &str) -> String {
    let dir = root().join("seeds");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(which))
        .collect();
    names.sort();
    format!("seeds/{}", names.first().expect("seed present"))
}

/// `../shared/eval` beside the checkout, or `None` (tests then skip, saying so).
#[allow(dead_code)] // for tests that need the eval data; not every build has one
pub fn shared_eval() -> Option<PathBuf> {
    let p = root().join("../shared/eval");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared/eval is not beside the checkout");
        None
    }
}
