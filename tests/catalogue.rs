//! The catalogue of bad inputs (issue 13): each case with what a user
//! expects of a careful command-line tool. Either one clear stderr line that
//! names the input and the problem, exit 2 and nothing on stdout; or correct
//! output, with a one-line warning where the input was repaired. Nothing
//! panics, nothing hangs, nothing is half-written. Large inputs are made
//! here, in a temporary folder.

use crate::util::wirediff;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// Long enough for the 100 MB cases on a loaded machine; a hang is far longer.
const PATIENCE: Duration = Duration::from_secs(240);

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out = wirediff()
        .current_dir(dir)
        .args(args)
        .timeout(PATIENCE)
        .output()
        .unwrap_or_else(|e| panic!("{args:?} did not finish: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr,
    }
}

/// Exit 2, nothing on stdout, one stderr line naming `input` and saying `why`.
fn refused(dir: &Path, args: &[&str], input: &str, why: &str) {
    let r = run_in(dir, args);
    assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
    assert!(r.stdout.is_empty(), "{args:?} wrote to stdout");
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{args:?}: one line expected: {}", r.stderr);
    let line = lines[0];
    assert!(line.starts_with("wirediff: "), "{line}");
    assert!(line.contains(input), "{args:?}: input not named: {line}");
    assert!(line.contains(why), "{args:?}: {line} lacks {why:?}");
}

/// Exit 0 with output; `warning` is `Some(words)` when one warning line
/// saying them is expected, `None` when stderr must be empty.
fn accepted(dir: &Path, args: &[&str], warning: Option<&str>) -> String {
    let r = run_in(dir, args);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    match warning {
        Some(w) => {
            let lines: Vec<&str> = r.stderr.lines().collect();
            assert!(!lines.is_empty(), "{args:?}: no warning");
            assert!(
                lines
                    .iter()
                    .all(|l| l.starts_with("wirediff: warning: ") && l.contains(w)),
                "{args:?}: {}",
                r.stderr
            );
        }
        None => assert!(r.stderr.is_empty(), "{args:?}: {}", r.stderr),
    }
    String::from_utf8(r.stdout).expect("output is UTF-8")
}

const STORY: &str = "Harbour talks resume\n\nThe port authority met union leaders on Monday. \
    \u{201c}We are close to a deal,\u{201d} said Ana Berg, the union chief.\n\n\
    Shipping lines diverted forty vessels to other ports.\n";

/// A story long enough for dedup to compare.
const STORY_BODY: &str =
    "The port authority met union leaders on Monday to discuss the pay offer. \
    The union chief said members would vote on the deal next week. Shipping lines diverted \
    forty vessels to other ports during the strike, which lasted nine days.";

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian { b"\xFE\xFF" } else { b"\xFF\xFE" });
    }
    for u in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write a test input");
    p
}

#[test]
fn encodings_are_decoded_with_a_warning_or_refused_as_binary() {
    let t = tempfile::tempdir().expect("temp dir");
    let d = t.path();
    let mut latin = STORY.as_bytes().to_vec();
    latin.extend_from_slice(b"Caf\xe9 owners were not consulted.\n");
    write(d, "latin1.txt", &latin);
    write(d, "le.txt", utf16(STORY, false, true));
    write(d, "be.txt", utf16(STORY, true, true));
    write(d, "le-nobom.txt", utf16(STORY, false, false));
    write(d, "be-nobom.txt", utf16(STORY, true, false));
    write(
        d,
        "nul16.txt",
        utf16(&format!("{STORY}A NUL\0 here."), false, true),
    );
    write(d, "bom8.txt", format!("\u{feff}{STORY}"));
    write(d, "image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    write(d, "nul.txt", b"Harbour\0talks");
    write(d, "utf32.txt", b"\xFF\xFE\0\0H\0\0\0");

    let out = accepted(
        d,
        &["sentences", "latin1.txt"],
        Some("read as Windows-1252"),
    );
    assert!(out.contains("Café owners"), "{out}");
    for (name, how) in [
        ("le.txt", "UTF-16LE (byte-order mark)"),
        ("be.txt", "UTF-16BE (byte-order mark)"),
        ("le-nobom.txt", "UTF-16LE without a byte-order mark"),
        ("be-nobom.txt", "UTF-16BE without a byte-order mark"),
    ] {
        let out = accepted(d, &["sentences", name], Some(how));
        assert!(out.contains("said Ana Berg"), "{name}: {out}");
    }
    // A NUL character inside valid UTF-16 is text, shown as an escape.
    let out = accepted(d, &["sentences", "nul16.txt"], Some("UTF-16LE"));
    assert!(out.contains("NUL\\x00 here"), "{out}");
    let out = accepted(d, &["sentences", "bom8.txt"], None);
    assert!(out.starts_with("The port authority"), "{out}");
    refused(d, &["sentences", "image.png"], "image.png", "binary data");
    refused(
        d,
        &["sentences", "nul.txt"],
        "nul.txt",
        "NUL byte at offset 7",
    );
    refused(d, &["sentences", "utf32.txt"], "utf32.txt", "UTF-32");
}

#[test]
fn empty_and_malformed_records_are_refused_by_name() {
    let t = tempfile::tempdir().expect("temp dir");
    let d = t.path();
    write(d, "empty.txt", "");
    write(d, "blank.txt", " \n\t\n  \n");
    write(
        d,
        "nested.json",
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
    );
    write(
        d,
        "type.json",
        r#"{"id": "a", "title": 7, "body": "The port reopened."}"#,
    );
    write(
        d,
        "body.json",
        r#"{"id": "a", "title": "T", "body": ["x"]}"#,
    );
    write(d, "number.json", "42");
    write(
        d,
        "huge.json",
        r#"{"id": "a", "title": "T", "body": "The port reopened.", "n": 1e999}"#,
    );
    write(
        d,
        "dup.json",
        r#"{"id": "a", "title": "One", "body": "The port reopened.", "title": "Two"}"#,
    );
    write(d, "dup.jsonl", "{\"id\": \"a\", \"title\": \"T\", \"body\": \"x y.\"}\n{\"id\": \"b\", \"id\": \"c\", \"body\": \"x y.\"}\n");
    write(
        d,
        "cut.jsonl",
        "{\"id\": \"a\", \"title\": \"T\", \"body\": \"x y.\"}\n{\"id\": \"b\", \"bo\n",
    );

    refused(d, &["sentences", "empty.txt"], "empty.txt", "empty article");
    refused(d, &["sentences", "blank.txt"], "blank.txt", "empty article");
    refused(
        d,
        &["sentences", "nested.json"],
        "nested.json",
        "recursion limit",
    );
    refused(
        d,
        &["sentences", "type.json"],
        "type.json",
        "`title` must be a string",
    );
    refused(d, &["sentences", "body.json"], "body.json", "`body`");
    refused(d, &["quotes", "number.json"], "number.json", "number");
    refused(
        d,
        &["sentences", "huge.json"],
        "huge.json",
        "number out of range",
    );
    refused(
        d,
        &["sentences", "dup.json"],
        "dup.json",
        "duplicate key `title`",
    );
    refused(
        d,
        &["sentences", "dup.jsonl"],
        "dup.jsonl:2",
        "duplicate key `id`",
    );
    refused(
        d,
        &["sentences", "cut.jsonl"],
        "cut.jsonl:2",
        "not valid JSON",
    );
    // dedup reports the bad record, goes on with the rest, and exits 2.
    let r = run_in(d, &["dedup", "dup.jsonl"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("dup.jsonl:2: not valid JSON: duplicate key `id`"),
        "{}",
        r.stderr
    );
}

#[test]
fn paths_that_are_not_articles_are_refused_without_waiting() {
    let t = tempfile::tempdir().expect("temp dir");
    let d = t.path();
    write(d, "a.txt", STORY);
    write(
        d,
        "feed.jsonl",
        "{\"id\": \"x\", \"title\": \"T\", \"body\": \"The port reopened.\"}\n",
    );
    std::fs::create_dir(d.join("nothing")).expect("dir");
    refused(
        d,
        &["sentences", "missing.txt"],
        "missing.txt",
        "No such file",
    );
    refused(
        d,
        &["compare", "nothing", "a.txt"],
        "nothing",
        "folder holds no",
    );
    refused(
        d,
        &["compare", "feed.jsonl#nope", "a.txt"],
        "feed.jsonl",
        "no article with id `nope`",
    );
    refused(
        d,
        &["sentences", "/dev/zero"],
        "/dev/zero",
        "character device",
    );
    #[cfg(unix)]
    {
        let fifo = d.join("pipe.txt");
        let made = Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            refused(
                d,
                &["sentences", "pipe.txt"],
                "pipe.txt",
                "FIFO with no writer",
            );
            let r = run_in(d, &["dedup", "pipe.txt"]);
            assert_eq!(r.code, 2, "{}", r.stderr);
            // A feed named as JSON Lines is streamed line by line; an empty
            // FIFO is still a mistake, not an empty feed.
            let feed = d.join("pipe.jsonl");
            if Command::new("mkfifo")
                .arg(&feed)
                .status()
                .is_ok_and(|s| s.success())
            {
                refused(
                    d,
                    &["dedup", "pipe.jsonl"],
                    "pipe.jsonl",
                    "FIFO with no writer",
                );
            }
        } else {
            eprintln!("skipped: mkfifo is not available");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_a_folder_is_read_once() {
    let t = tempfile::tempdir().expect("temp dir");
    let d = t.path();
    let feed = d.join("feed");
    std::fs::create_dir_all(feed.join("sub")).expect("dirs");
    write(&feed, "a.txt", STORY);
    write(
        &feed.join("sub"),
        "b.txt",
        "Port strike\n\nThe dockers stopped work at dawn.\n",
    );
    std::os::unix::fs::symlink("..", feed.join("sub/up")).expect("link");
    std::os::unix::fs::symlink("a.txt", feed.join("again.txt")).expect("link");
    let out = accepted(d, &["sentences", "feed"], None);
    assert_eq!(out.matches("The port authority met").count(), 1, "{out}");
    assert_eq!(out.matches("The dockers stopped").count(), 1, "{out}");
}

#[test]
fn huge_and_repetitive_articles_give_output() {
    let t = tempfile::tempdir().expect("temp dir");
    let d = t.path();
    // 50 MB in one paragraph: a few varied sentences over and over.
    let words = [
        "harbour", "union", "council", "vessels", "board", "vote", "pay", "week",
    ];
    let mut para = String::with_capacity(50_100_000);
    let mut k = 0usize;
    while para.len() < 50_000_000 {
        para.push_str("The ");
        for n in 0..9 {
            para.push_str(words[(k * 7 + n * 3) % words.len()]);
            para.push(' ');
        }
        para.push_str("ended. ");
        k += 1;
    }
    write(d, "long.txt", format!("Long\n\n{para}\n"));
    let out = accepted(d, &["sentences", "long.txt"], None);
    assert!(out.lines().count() > 100_000, "sentences found");
    // One 100 MB JSONL line.
    let body = format!("{para}{para}");
    let line = serde_json::json!({"id": "big", "title": "Big", "body": &body[..100_000_000]});
    write(d, "big.jsonl", format!("{line}\n{{\"id\": \"small\", \"title\": \"S\", \"body\": \"The port reopened today.\"}}\n"));
    drop(body);
    drop(para);
    accepted(d, &["dedup", "big.jsonl"], None);
    // 10,000 paragraphs of unbalanced quotation marks.
    let quotes: Vec<String> = (0..10_000)
        .map(|i| {
            format!(
                "\u{201c}The union said {} would strike {i}. \"And then \u{201d} more \u{201c}",
                words[i % 8]
            )
        })
        .collect();
    write(
        d,
        "quotes.txt",
        format!("Quotes\n\n{}\n", quotes.join("\n\n")),
    );
    accepted(d, &["quotes", "quotes.txt"], None);
    let out = accepted(
        d,
        &["compare", "quotes.txt", "quotes.txt", "--color", "never"],
        None,
    );
    assert!(out.contains("Sentences: "), "summary shown");
    // One sentence of 100,000 words without punctuation.
    let flat: Vec<&str> = (0..100_000).map(|i| words[(i * 5 + i / 3) % 8]).collect();
    write(d, "flat.txt", format!("Flat\n\n{}\n", flat.join(" ")));
    let out = accepted(d, &["sentences", "flat.txt"], None);
    assert_eq!(out.lines().count(), 1);
    accepted(d, &["compare", "flat.txt", "flat.txt"], None);
    // 100,000 copies of one sentence.
    let copies = "The minister said the talks went well. ".repeat(100_000);
    write(d, "copies.txt", format!("Copies\n\n{copies}\n"));
    let out = accepted(
        d,
        &["compare", "copies.txt", "copies.txt", "--format", "json"],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["summary"]["a_sentences"], 100_000);
    let feed: String = (0..2_000)
        .map(|i| {
            format!(
                "{{\"id\": \"c{i}\", \"title\": \"Copy\", \"body\": \"{}\"}}\n",
                STORY_BODY
            )
        })
        .collect();
    write(d, "copies.jsonl", feed);
    let out = accepted(d, &["dedup", "copies.jsonl", "--format", "jsonl"], None);
    assert!(out.lines().count() >= 1_999, "every copy is paired");
}

/// The files in `dir`, to show that nothing was left behind.
fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A small tmpfs at `dir`, unmounted when dropped; `None` (and the test
/// says so) where mounting is not allowed.
struct Mount(PathBuf);

impl Mount {
    fn tmpfs(dir: &Path, options: &str) -> Option<Mount> {
        std::fs::create_dir_all(dir).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Mount(dir.to_path_buf()))
    }
    fn read_only(&self) -> bool {
        Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .is_ok_and(|s| s.success())
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// `-o` through a symbolic link writes the file the link names, even one
/// not made yet, and leaves the link a link (as the shell's `>` does).
#[cfg(unix)]
#[test]
fn output_through_a_dangling_link_makes_its_file() {
    let t = tempfile::tempdir().expect("temp dir");
    let d = t.path();
    write(d, "a.txt", STORY);
    write(d, "b.txt", STORY.replace("Monday", "Tuesday"));
    std::fs::create_dir(d.join("reports")).expect("dir");
    std::os::unix::fs::symlink("reports/today.html", d.join("latest.html")).expect("link");
    accepted(
        d,
        &[
            "compare",
            "a.txt",
            "b.txt",
            "--format",
            "html",
            "-o",
            "latest.html",
        ],
        None,
    );
    let link = std::fs::symlink_metadata(d.join("latest.html")).expect("link");
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    let page = std::fs::read_to_string(d.join("reports/today.html")).expect("target written");
    assert!(page.contains("<html"), "{}", &page[..page.len().min(200)]);
}

#[test]
fn output_files_are_all_or_nothing() {
    let t = tempfile::tempdir().expect("temp dir");
    let d = t.path();
    write(d, "a.txt", STORY);
    write(d, "b.txt", STORY.replace("Monday", "Tuesday"));
    refused(
        d,
        &["compare", "a.txt", "b.txt", "-o", "nowhere/out.html"],
        "nowhere/out.html: cannot write the output file",
        "No such file or directory",
    );
    assert_eq!(listing(d), ["a.txt", "b.txt"]);
    // /dev/full stays a device: it is written into, and is full.
    refused(
        d,
        &["compare", "a.txt", "b.txt", "-o", "/dev/full"],
        "/dev/full",
        "No space left",
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = std::fs::metadata("/dev/full")
            .expect("/dev/full")
            .file_type();
        assert!(kind.is_char_device(), "/dev/full was replaced");
    }
    // A full disk and a read-only mount, when a tmpfs can be mounted.
    let m = d.join("small");
    let Some(mount) = Mount::tmpfs(&m, "size=16k") else {
        eprintln!("skipped: cannot mount a tmpfs here (needs root); /dev/full was tried instead");
        return;
    };
    write(&m, "out.html", "old report\n");
    write(&m, "ballast", vec![b'x'; 8_000]);
    let long = format!("{STORY}{}", "The harbour board met again. ".repeat(2_000));
    write(d, "long.txt", &long);
    refused(
        d,
        &[
            "compare",
            "long.txt",
            "b.txt",
            "--format",
            "html",
            "-o",
            "small/out.html",
        ],
        "small/out.html: cannot write the output file",
        "No space left on device",
    );
    assert_eq!(
        std::fs::read_to_string(m.join("out.html")).expect("old"),
        "old report\n"
    );
    assert_eq!(
        listing(&m),
        ["ballast", "out.html"],
        "no temporary file left"
    );
    if mount.read_only() {
        refused(
            d,
            &["compare", "a.txt", "b.txt", "-o", "small/out.html"],
            "small/out.html: cannot write the output file",
            "ead-only",
        );
        assert_eq!(
            std::fs::read_to_string(m.join("out.html")).expect("old"),
            "old report\n"
        );
    } else {
        eprintln!("skipped: cannot remount read-only");
    }
}

#[test]
fn standard_output_that_goes_away_or_fills_up() {
    let t = tempfile::tempdir().expect("temp dir");
    let d = t.path();
    write(
        d,
        "copies.txt",
        format!(
            "Copies\n\n{}\n",
            "The minister said the talks went well. ".repeat(20_000)
        ),
    );
    let bin = assert_cmd::cargo::cargo_bin("wirediff");
    // `| head -1`: the reader leaves after one line; no message, status 0.
    let mut child = Command::new(&bin)
        .current_dir(d)
        .args(["compare", "copies.txt", "copies.txt", "--color", "never"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::BufRead;
        let mut first = String::new();
        let mut r = std::io::BufReader::new(child.stdout.take().expect("stdout"));
        r.read_line(&mut first).expect("one line");
        assert!(first.starts_with('A'), "{first}");
    }
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A full standard output: one line naming it, status 2.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = Command::new(&bin)
        .current_dir(d)
        .args(["sentences", "copies.txt"])
        .stdout(full)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "wirediff: standard output: No space left on device (os error 28)"
    );
    // A closed standard output: Rust's runtime gives the process /dev/null
    // in its place, so the output is discarded; no panic, no hang.
    let out = Command::new("sh")
        .current_dir(d)
        .arg("-c")
        .arg("exec \"$0\" sentences copies.txt >&-")
        .arg(&bin)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
