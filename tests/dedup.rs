//! `wirediff dedup`: streaming, bad records, edge cases, large groups.

use crate::util::wirediff;
use serde::Deserialize;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

/// One output line, parsed into this test's own type so a renamed field
/// breaks the test.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    a: String,
    b: String,
    relation: String,
    score: f64,
    a_covered: f64,
    b_covered: f64,
    shared_sentences: u32,
    shared_quotes: u32,
    cluster: u32,
}

fn pairs(stdout: &[u8]) -> Vec<Pair> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON object per line"))
        .collect()
}

const STORY: &str = "The harbour authority closed the old ferry pier on Monday after divers found cracks in two pillars.\n\nEngineers said repairs would take at least six weeks and cost about four million euros.\n\nCommuters were told to use the bus link across the bay, which will run every ten minutes at peak hours.\n\n\u{201c}Safety comes first, even if it means a longer trip for many people,\u{201d} the harbour master told reporters.\n\nThe pier was built in 1962 and last renovated fifteen years ago.";

fn record(id: &str, body: &str) -> String {
    serde_json::json!({"id": id, "source": "Test Wire", "title": "Ferry pier closed", "body": body})
        .to_string()
}

fn edited() -> String {
    STORY
        .replace("on Monday", "on Monday morning")
        .replace("Engineers said", "Engineers stated")
}

fn write_jsonl(lines: &[String]) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new()
        .suffix(".jsonl")
        .tempfile()
        .expect("temp file");
    for l in lines {
        writeln!(f, "{l}").expect("write");
    }
    f
}

#[test]
fn a_pair_is_written_before_standard_input_ends() {
    let bin = assert_cmd::cargo::cargo_bin("wirediff");
    let mut child = Command::new(bin)
        .args(["dedup", "-", "--format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    writeln!(stdin, "{}", record("first", STORY)).expect("write");
    writeln!(stdin, "{}", record("second", &edited())).expect("write");
    stdin.flush().expect("flush");
    // Read one line while stdin is still open, with a time limit.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("a pair before end of input");
    let p: Pair = serde_json::from_str(line.trim()).expect("JSON");
    assert_eq!((p.a.as_str(), p.b.as_str()), ("first", "second"));
    assert_eq!(p.relation, "duplicate");
    drop(stdin);
    let status = child.wait().expect("exit");
    assert!(status.success());
}

#[test]
fn duplicate_ids_are_reported_with_input_and_line_and_the_run_goes_on() {
    let f = write_jsonl(&[
        record("x", STORY),
        record("x", "Something else entirely, with enough words to count."),
        record("y", &edited()),
    ]);
    let path = f.path().to_string_lossy().into_owned();
    let out = wirediff()
        .args(["dedup", &path, "--format", "jsonl"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("wirediff: {path}:2: duplicate id `x`")),
        "{err}"
    );
    let ps = pairs(&out.stdout);
    assert_eq!(ps.len(), 1);
    assert_eq!((ps[0].a.as_str(), ps[0].b.as_str()), ("x", "y"));
}

#[test]
fn empty_input_one_article_and_boilerplate_give_no_pairs() {
    let cases: &[(&str, Vec<String>)] = &[
        ("empty", vec![]),
        ("one article", vec![record("only", STORY)]),
        (
            "all boilerplate",
            vec![
                record("b1", "Copyright 2024 Test Wire. All rights reserved."),
                record("b2", "Copyright 2024 Test Wire. All rights reserved."),
            ],
        ),
    ];
    for (name, lines) in cases {
        let f = write_jsonl(lines);
        let out = wirediff()
            .args(["dedup", &f.path().to_string_lossy(), "--format", "jsonl"])
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(0), "{name}");
        assert!(out.stdout.is_empty(), "{name}");
        assert!(out.stderr.is_empty(), "{name}");
    }
}

#[test]
fn ten_thousand_identical_articles_make_one_cluster_in_linear_output() {
    let n = 10_000;
    let lines: Vec<String> = (0..n).map(|i| record(&format!("copy{i}"), STORY)).collect();
    let f = write_jsonl(&lines);
    let out = wirediff()
        .args(["dedup", &f.path().to_string_lossy(), "--format", "jsonl"])
        .timeout(Duration::from_secs(120))
        .output()
        .expect("run");
    assert!(out.status.success());
    let ps = pairs(&out.stdout);
    // The first few copies pair with each other; every later one with the first.
    let first = 8;
    assert_eq!(ps.len(), first * (first - 1) / 2 + (n - first));
    assert!(ps
        .iter()
        .all(|p| p.relation == "duplicate" && p.cluster == 0));
    assert!(ps
        .iter()
        .all(|p| p.score == 1.0 && p.a_covered == 1.0 && p.b_covered == 1.0));
    assert!(ps
        .iter()
        .all(|p| p.shared_sentences == 5 && p.shared_quotes == 1));
}

#[test]
fn exit_code_and_relation_filter() {
    let f = write_jsonl(&[record("a", STORY), record("b", &edited())]);
    let path = f.path().to_string_lossy().into_owned();
    wirediff()
        .args(["dedup", &path, "--format", "jsonl", "--exit-code"])
        .assert()
        .code(1);
    let out = wirediff()
        .args([
            "dedup",
            &path,
            "--format",
            "jsonl",
            "--relation",
            "derived,same-story",
        ])
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let out = wirediff().args(["dedup", &path]).output().expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Cluster 1 \u{b7} duplicate \u{b7} 2 articles"),
        "{text}"
    );
    assert!(text.contains("duplicate"), "{text}");
}

#[test]
fn exit_code_is_one_for_a_derived_pair_when_derived_is_asked_for() {
    // B carries all of A and as much again of its own: a derived report.
    let more = "\n\nA local bakery began selling bread shaped like ferries.\n\nThe town's choir will sing at the reopening next summer.\n\nTwo schools have planned trips to watch the repair works.\n\nA museum is collecting old photographs of the pier.\n\nThe mayor will open a public hearing on the budget in May.";
    let f = write_jsonl(&[record("a", STORY), record("b", &format!("{STORY}{more}"))]);
    let path = f.path().to_string_lossy().into_owned();
    let out = wirediff()
        .args(["dedup", &path, "--format", "jsonl"])
        .output()
        .expect("run");
    let found = pairs(&out.stdout);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].relation, "derived");
    for (relations, code) in [("derived", 1), ("duplicate,derived", 1), ("duplicate", 0)] {
        wirediff()
            .args(["dedup", &path, "--format", "jsonl", "--exit-code"])
            .args(["--relation", relations])
            .assert()
            .code(code);
    }
}

#[test]
fn files_of_one_name_in_dated_folders_get_their_own_ids_and_open_in_compare() {
    // An archive laid out by date, every story in a `story.txt`.
    let dir = tempfile::tempdir().expect("temp dir");
    for (sub, body) in [("2024/03", STORY.to_string()), ("2024/04", edited())] {
        let folder = dir.path().join(sub);
        std::fs::create_dir_all(&folder).expect("mkdir");
        std::fs::write(
            folder.join("story.txt"),
            format!("Ferry pier closed\n\n{body}"),
        )
        .expect("write");
    }
    let root = dir.path().to_string_lossy().into_owned();
    let out = wirediff()
        .args(["dedup", &root, "--format", "jsonl"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ps = pairs(&out.stdout);
    assert_eq!(ps.len(), 1);
    assert_eq!(
        (ps[0].a.as_str(), ps[0].b.as_str()),
        ("2024/03/story", "2024/04/story")
    );
    // The reported ids open the pair in the full diff.
    let shown = wirediff()
        .args([
            "compare",
            &format!("{root}#2024/03/story"),
            &format!("{root}#2024/04/story"),
            "--format",
            "json",
        ])
        .output()
        .expect("run");
    assert_eq!(
        shown.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&shown.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&shown.stdout).expect("JSON");
    assert!(
        report["summary"]["aligned"].as_u64().unwrap_or(0) >= 4,
        "{report}"
    );
}

#[test]
fn terminal_report_names_the_outlets_of_a_cluster() {
    let with_source = |id: &str, source: &str, body: &str| {
        serde_json::json!({"id": id, "source": source, "title": "Ferry pier closed", "body": body})
            .to_string()
    };
    let f = write_jsonl(&[
        with_source("a", "Harbour Gazette", STORY),
        with_source("b", "Bay \u{1b}[31mNews", &edited()),
    ]);
    let path = f.path().to_string_lossy().into_owned();
    let out = wirediff().args(["dedup", &path]).output().expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Cluster 1 \u{b7} duplicate \u{b7} 2 articles \u{b7} 2 sources: Bay"),
        "{text}"
    );
    assert!(text.contains("Harbour Gazette"), "{text}");
    // An outlet's name is untrusted text: no raw escape reaches the terminal.
    assert!(!text.contains('\u{1b}'), "{text}");
    // The JSONL contract is unchanged: no source fields in it.
    let out = wirediff()
        .args(["dedup", &path, "--format", "jsonl"])
        .output()
        .expect("run");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Gazette"));
}
