//! Command-line behaviour: exit statuses and the one-line errors on bad input.

use crate::util::{seed, wirediff};
use predicates::prelude::*;
use std::io::Write;

/// Runs `wirediff ARGS` expecting exit 2, nothing on stdout, and exactly one
/// stderr line that contains every `needle`.
fn fails_with(args: &[&str], stdin: Option<&[u8]>, needles: &[&str]) {
    let mut cmd = wirediff();
    cmd.args(args);
    if let Some(bytes) = stdin {
        cmd.write_stdin(bytes.to_vec());
    }
    let out = cmd.assert().code(2).stdout("").get_output().clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "one stderr line, got {err:?}");
    assert!(err.starts_with("wirediff: "), "{err}");
    for n in needles {
        assert!(err.contains(n), "stderr {err:?} lacks {n:?}");
    }
    // Each cause once: no part of the message after a ": " repeats.
    let parts: Vec<&str> = err.trim_end().split(": ").collect();
    for (i, p) in parts.iter().enumerate() {
        assert!(
            p.len() < 8 || !parts[..i].contains(p),
            "stderr {err:?} repeats {p:?}"
        );
    }
}

fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(bytes))
        .expect("write temp file");
    let p = path.to_string_lossy().into_owned();
    (dir, p)
}

#[test]
fn missing_file() {
    fails_with(
        &["sentences", "no/such/file.txt"],
        None,
        &["no/such/file.txt", "No such file"],
    );
}

#[test]
fn directory_where_a_file_is_expected() {
    fails_with(
        &["compare", "seeds", "seeds"],
        None,
        &["seeds", "holds 2 articles"],
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path().to_string_lossy().into_owned();
    fails_with(
        &["sentences", &d],
        None,
        &[&d, "no .txt, .json or .jsonl file"],
    );
}

#[test]
fn empty_and_whitespace_only_articles() {
    let (_d, p) = temp_file("empty.txt", b"");
    fails_with(&["sentences", &p], None, &["empty.txt", "empty article"]);
    let (_d, p) = temp_file("blank.txt", b"  \n\t \r\n");
    fails_with(&["sentences", &p], None, &["blank.txt", "empty article"]);
    fails_with(&["sentences", "-"], Some(b"   \n"), &["-: empty article"]);
}

#[test]
fn jsonl_errors_name_file_and_line() {
    let (_d, p) = temp_file(
        "c.jsonl",
        b"{\"id\":\"1\",\"body\":\"One.\"}\n{\"id\": \"2\", \"title\": \"x\"}\n",
    );
    fails_with(&["sentences", &p], None, &["c.jsonl:2", "no `body` field"]);
    let (_d, p) = temp_file(
        "c.jsonl",
        b"{\"id\":\"1\",\"body\":\"One.\"}\n\n{not json\n",
    );
    fails_with(&["sentences", &p], None, &["c.jsonl:3", "not valid JSON"]);
    fails_with(
        &["sentences", "-"],
        Some(b"{\"body\":\"Fine.\"}\n{\"body\": [1]}\n"),
        &["-:2", "`body` must be a string, found an array"],
    );
}

#[test]
fn json_value_of_the_wrong_type() {
    let (_d, p) = temp_file("a.json", b"[1, 2]");
    fails_with(
        &["sentences", &p],
        None,
        &["a.json", "expected a JSON object, found a number"],
    );
    let (_d, p) = temp_file("a.json", b"{\"body\": \"x.\", \"title\": 7}");
    fails_with(
        &["sentences", &p],
        None,
        &["a.json", "`title` must be a string, found a number"],
    );
}

#[test]
fn binary_input() {
    let (_d, p) = temp_file("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0IHDR");
    fails_with(&["sentences", &p], None, &["photo.txt", "binary data"]);
}

#[test]
fn control_characters_in_a_file_name_are_escaped_in_the_error() {
    fails_with(
        &["sentences", "bad\x1b[31mname.txt"],
        None,
        &["bad\\x1b[31mname.txt"],
    );
}

#[test]
fn windows_1252_input_is_read_with_one_warning() {
    let (_d, p) = temp_file(
        "cp.txt",
        b"Caf\xe9 talks\n\nThe minister said \x93no\x94 on Monday.\n",
    );
    wirediff()
        .args(["sentences", &p])
        .assert()
        .success()
        .stdout("The minister said \u{201c}no\u{201d} on Monday.\n")
        .stderr(predicate::str::contains("cp.txt").and(predicate::str::contains("Windows-1252")));
}

#[test]
fn jsonl_from_stdin() {
    let input =
        "{\"id\":\"x1\",\"source\":\"AP\",\"title\":\"T\",\"body\":\"First story. It rained.\"}\n\
                 {\"id\":\"x2\",\"title\":\"U\",\"body\":\"Second story.\\n\\nNew paragraph.\"}\n";
    let out = wirediff()
        .args(["sentences", "-", "--format", "json"])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).expect("json");
    let arts = v["articles"].as_array().expect("articles");
    assert_eq!(arts.len(), 2);
    assert_eq!(arts[0]["id"], "x1");
    assert_eq!(arts[0]["source"], "AP");
    assert_eq!(arts[0]["sentences"].as_array().map(Vec::len), Some(2));
    assert_eq!(arts[1]["sentences"][1]["paragraph"], 1);
}

#[test]
fn crlf_bom_and_nbsp_are_normal_input() {
    let (_d, p) = temp_file(
        "w.txt",
        b"\xEF\xBB\xBFHeadline\r\n\r\nThe vote\xC2\xA0passed.\r\nIt was close.\r\n",
    );
    wirediff()
        .args(["sentences", &p])
        .assert()
        .success()
        .stdout("The vote passed.\nIt was close.\n");
}

#[test]
fn seeds_give_sentences() {
    wirediff()
        .args(["sentences", &seed("afp")])
        .assert()
        .success()
        .stdout(predicate::str::contains("NATO and Moscow failed anew"));
}

#[test]
fn output_file_is_all_or_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("r.json");
    let o = out.to_string_lossy().into_owned();
    wirediff()
        .args([
            "compare",
            &seed("afp"),
            &seed("reuters"),
            "--format",
            "json",
            "-o",
            &o,
        ])
        .assert()
        .success()
        .stdout("");
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out).expect("written")).expect("json");
    assert_eq!(v["version"], 1);
    // A failing run leaves an existing report untouched and no temporary file.
    let before = std::fs::read(&out).expect("read");
    wirediff()
        .args(["compare", "no/such.txt", &seed("reuters"), "-o", &o])
        .assert()
        .code(2);
    assert_eq!(std::fs::read(&out).expect("read"), before);
    assert_eq!(std::fs::read_dir(dir.path()).expect("ls").count(), 1);
}

#[test]
fn a_failed_output_file_is_named_and_the_temporary_file_is_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("no-such-folder").join("report.json");
    let target = target.to_string_lossy().into_owned();
    let out = wirediff()
        .args([
            "compare",
            &seed("afp"),
            &seed("reuters"),
            "--format",
            "json",
        ])
        .args(["-o", &target])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&target), "{err}");
    // tempfile names its files `.tmpXXXXXX` (the test's own folder is one
    // too, inside the target's path).
    assert!(!err.replace(&target, "").contains(".tmp"), "{err}");
}
