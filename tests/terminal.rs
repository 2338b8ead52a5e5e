//! The habits of terminal tools: completions, a man page, examples in
//! `--help`, and a pager like git's, tried under a pseudo-terminal
//! (`script` from util-linux).

use crate::util::wirediff;
use std::process::Command;

#[test]
fn completions_for_each_shell_name_the_subcommands() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = wirediff()
            .args(["completions", shell])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{shell}");
        let text = String::from_utf8(out.stdout).expect("utf-8");
        for word in ["compare", "dedup", "sentences", "layout"] {
            assert!(text.contains(word), "{shell}: {word} missing");
        }
    }
    let out = wirediff()
        .args(["completions", "tcsh"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "unknown shell refused");
}

#[test]
fn man_page_is_roff_with_every_command() {
    let out = wirediff().arg("man").output().expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains(".TH wirediff 1"), "roff title");
    for word in ["compare", "dedup", "sentences", "quotes", "completions"] {
        assert!(text.contains(word), "{word}");
    }
}

#[test]
fn every_command_has_examples_in_its_help() {
    for cmd in [
        "compare",
        "dedup",
        "sentences",
        "quotes",
        "completions",
        "man",
    ] {
        let out = wirediff().args([cmd, "--help"]).output().expect("runs");
        let text = String::from_utf8(out.stdout).expect("utf-8");
        assert!(text.contains("Examples:\n  wirediff "), "{cmd}: {text}");
    }
}

/// Runs `wirediff ARGS` with stdout on a pseudo-terminal of 24 rows, the
/// pager set to a command that announces itself; `None` without `script`.
fn under_pty(dir: &std::path::Path, args: &str, extra_env: &[(&str, &str)]) -> Option<String> {
    let bin = assert_cmd::cargo::cargo_bin("wirediff");
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return None;
    }
    let mut cmd = Command::new("script");
    cmd.current_dir(dir)
        .args(["-qec", &format!("{} {args}", bin.display()), "/dev/null"])
        .env("LINES", "24")
        .env("COLUMNS", "80")
        .env("WIREDIFF_PAGER", "echo PAGER-RAN; wc -l")
        .env_remove("PAGER");
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("script runs");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn long_output_on_a_terminal_goes_through_the_pager() {
    let t = tempfile::tempdir().expect("temp dir");
    let lines: Vec<String> = (1..=60)
        .map(|i| format!("The harbour board met again on day {i}."))
        .collect();
    std::fs::write(
        t.path().join("tall.txt"),
        format!("Tall\n\n{}\n", lines.join("\n\n")),
    )
    .expect("write");
    std::fs::write(t.path().join("short.txt"), "Short\n\nThe board met.\n").expect("write");
    let Some(paged) = under_pty(t.path(), "sentences tall.txt", &[]) else {
        return;
    };
    assert!(paged.contains("PAGER-RAN"), "{paged}");
    assert!(!paged.contains("day 59"), "the text went to the pager");
    // An empty $WIREDIFF_PAGER means no pager, as an empty GIT_PAGER does.
    let plain = under_pty(t.path(), "sentences tall.txt", &[("WIREDIFF_PAGER", "")]).expect("pty");
    assert!(
        !plain.contains("PAGER-RAN") && plain.contains("day 59"),
        "{plain}"
    );
    let off = under_pty(t.path(), "sentences tall.txt --no-pager", &[]).expect("pty");
    assert!(
        !off.contains("PAGER-RAN") && off.contains("day 59"),
        "--no-pager"
    );
    let short = under_pty(t.path(), "sentences short.txt", &[]).expect("pty");
    assert!(
        !short.contains("PAGER-RAN") && short.contains("The board met."),
        "one screen"
    );
    // Piped: never paged.
    let out = wirediff()
        .current_dir(t.path())
        .args(["sentences", "tall.txt"])
        .env("WIREDIFF_PAGER", "echo PAGER-RAN; wc -l")
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("PAGER-RAN") && text.contains("day 60"));
}
