//! `wirediff dedup --state`: a durable index that survives halves, kills
//! and bad paths; `--window`, `--against`, `state info`.

use crate::util::{root, wirediff};
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The DEDUP 10k bench workload (`../shared/bench`), generated once per
/// test run into the target's temporary folder; `None`, said on stderr,
/// where `../shared` is not beside the checkout (the test then skips).
fn workload_10k() -> Option<PathBuf> {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    let script = root().join("../shared/bench/make_workloads.py");
    if !script.exists() {
        eprintln!("skipped: {} is not beside the checkout", script.display());
        return None;
    }
    let dir = DIR.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("state-workloads");
        let file = dir.join("dedup").join("n10000.jsonl");
        if !file.exists() {
            let ok = Command::new("python3")
                .arg(&script)
                .arg(&dir)
                .args(["--sizes-align", "30", "--sizes-dedup", "10000"])
                .stdout(Stdio::null())
                .status()
                .expect("python3 runs");
            assert!(ok.success(), "make_workloads.py failed");
        }
        dir
    });
    Some(dir.join("dedup").join("n10000.jsonl"))
}

fn lines_of(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .expect("workload readable")
        .lines()
        .map(String::from)
        .collect()
}

fn write_lines(path: &Path, lines: &[String]) {
    std::fs::write(path, lines.join("\n") + "\n").expect("write");
}

/// Runs `wirediff ARGS`, which must exit with `code`: its stdout and
/// stderr.
fn run<S: AsRef<std::ffi::OsStr>>(args: &[S], code: i32) -> (String, String) {
    let assert = wirediff().args(args).assert().code(code);
    let out = assert.get_output();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (text(&out.stdout), text(&out.stderr))
}

/// The arguments of `dedup INPUT --format jsonl --state STATE`.
fn with_state<'a>(input: &'a Path, state: &'a Path) -> [&'a std::ffi::OsStr; 6] {
    [
        "dedup".as_ref(),
        input.as_os_str(),
        "--format".as_ref(),
        "jsonl".as_ref(),
        "--state".as_ref(),
        state.as_os_str(),
    ]
}

/// `dedup INPUT --format jsonl [ARGS]`: must succeed; its stdout.
fn dedup(input: &Path, args: &[&str]) -> String {
    let mut all = vec![
        "dedup".as_ref(),
        input.as_os_str(),
        "--format".as_ref(),
        "jsonl".as_ref(),
    ];
    all.extend(args.iter().map(std::ffi::OsStr::new));
    run(&all, 0).0
}

/// The (a, b, relation) of each complete line (a killed run may have cut
/// its last one).
fn pair_set(jsonl: &str) -> BTreeSet<(String, String, String)> {
    jsonl
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            (s("a"), s("b"), s("relation"))
        })
        .collect()
}

/// `state info PATH` as (key, value) lines.
fn info(path: &Path) -> String {
    run(&["state".as_ref(), "info".as_ref(), path.as_os_str()], 0).0
}

fn articles_held(path: &Path) -> u64 {
    info(path)
        .lines()
        .find_map(|l| l.strip_prefix("articles "))
        .and_then(|n| n.trim().parse().ok())
        .expect("an articles line")
}

#[test]
fn two_runs_with_one_state_give_the_pairs_of_one_run_over_the_whole() {
    let Some(input) = workload_10k() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let whole = dedup(&input, &[]);
    assert!(whole.lines().count() > 1000, "the workload has pairs");
    let lines = lines_of(&input);
    // Cut where a chunk of the whole run ends (4096 records): every
    // decision is then taken on the same chunks, so the output is the
    // same to the byte, clusters included.
    let (first, second) = (
        dir.path().join("first.jsonl"),
        dir.path().join("second.jsonl"),
    );
    let cut = wirediff::corpus::CHUNK;
    write_lines(&first, &lines[..cut]);
    write_lines(&second, &lines[cut..]);
    let state = dir.path().join("wire.state");
    let s = state.to_str().unwrap();
    let mut joined = dedup(&first, &["--state", s]);
    assert_eq!(articles_held(&state), cut as u64);
    joined += &dedup(&second, &["--state", s]);
    assert_eq!(joined, whole);
    assert_eq!(articles_held(&state), lines.len() as u64);

    // Cut in the middle: copies and rewrites are the same pairs with the
    // same evidence; same-story decisions use word rarity as of their
    // chunk's end (corpus module docs), as a stream cut by pauses would.
    let (a, b) = lines.split_at(lines.len() / 2);
    write_lines(&first, a);
    write_lines(&second, b);
    let state = dir.path().join("halves.state");
    let s = state.to_str().unwrap();
    let halves = dedup(&first, &["--state", s]) + &dedup(&second, &["--state", s]);
    let copies = |out: &str| -> Vec<String> {
        out.lines()
            .filter(|l| !l.contains("\"same-story\""))
            .map(|l| {
                // The cluster names the earliest article as known then;
                // compare the rest of the line.
                let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
                v.as_object_mut().unwrap().remove("cluster");
                v.to_string()
            })
            .collect()
    };
    assert_eq!(copies(&halves), copies(&whole));
}

#[test]
fn a_run_killed_at_any_chunk_loses_no_pair_once_restarted_on_the_same_input() {
    let Some(input) = workload_10k() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // Four renamed copies of the workload (scripts/scale_workload.py):
    // ten chunks, so that kills after 1, 3 and 7 fall mid-stream.
    let big = dir.path().join("w40k.jsonl");
    let gold = input.with_file_name("n10000.gold.json");
    let ok = Command::new("python3")
        .arg(root().join("scripts/scale_workload.py"))
        .arg(&input)
        .arg(&gold)
        .arg("4")
        .arg(&big)
        .arg(dir.path().join("w40k.gold.json"))
        .status()
        .expect("python3 runs");
    assert!(ok.success());
    let clean = pair_set(&dedup(&big, &[]));
    assert!(clean.len() > 10_000);
    let bin = assert_cmd::cargo::cargo_bin("wirediff");
    for kill_after in [1usize, 3, 7] {
        let state = dir.path().join(format!("k{kill_after}.state"));
        let mut child = Command::new(&bin)
            .arg("dedup")
            .arg(&big)
            .args(["--format", "jsonl", "--note-commits", "--state"])
            .arg(&state)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = std::io::Read::read_to_string(&mut BufReader::new(stdout), &mut s);
            s
        });
        let mut commits = 0;
        for line in BufReader::new(child.stderr.take().unwrap()).lines() {
            if line.unwrap_or_default().contains("chunk committed") {
                commits += 1;
                if commits == kill_after {
                    // SIGKILL, mid-way through the next chunk.
                    child.kill().unwrap();
                    break;
                }
            }
        }
        let _ = child.wait();
        let mut got = pair_set(&reader.join().unwrap());
        assert_eq!(commits, kill_after);
        // The state holds whole chunks, readable, at least what was noted.
        let held = articles_held(&state);
        assert!(held >= (kill_after * wirediff::corpus::CHUNK) as u64);
        assert_eq!(held % wirediff::corpus::CHUNK as u64, 0, "whole chunks");
        let (out, err) = run(&with_state(&big, &state), 0);
        got.extend(pair_set(&out));
        assert!(err.contains("already in the state skipped"));
        let missing: Vec<_> = clean.difference(&got).take(3).collect();
        assert!(
            missing.is_empty(),
            "after a kill at chunk {kill_after}: {missing:?}"
        );
        assert_eq!(got, clean, "nothing but the clean run's pairs");
        assert_eq!(articles_held(&state), 40_000);
    }
}

#[test]
fn a_replayed_input_adds_nothing_and_reports_nothing() {
    let Some(input) = workload_10k() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("s");
    let s = state.to_str().unwrap();
    assert!(!dedup(&input, &["--state", s]).is_empty());
    let before = info(&state);
    let (out, err) = run(
        &[
            "dedup".as_ref(),
            input.as_os_str(),
            "--state".as_ref(),
            s.as_ref(),
            "--format".as_ref(),
            "jsonl".as_ref(),
        ],
        0,
    );
    assert!(out.is_empty());
    assert!(err.contains("10000 articles already in the state skipped"));
    let after = info(&state);
    let strip = |i: &str| -> String {
        i.lines()
            .filter(|l| !l.starts_with("size"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&after), strip(&before));
}

fn record(id: &str, published: &str, body: &str) -> String {
    serde_json::json!({"id": id, "source": "Test Wire", "title": "Harbour news", "published": published, "body": body})
        .to_string()
}

const STORY: &str = "The harbour authority closed the old ferry pier at Kelsby on Monday after divers found cracks in two pillars.\n\nEngineers said repairs would take at least six weeks and cost about four million euros.\n\nCommuters were told to use the bus link across the bay, which will run every ten minutes at peak hours.\n\nThe pier was built in 1962 and last renovated fifteen years ago.";

const OTHER: &str = "Snow closed the mountain pass above Tarrow for the third time this winter.\n\nDrivers were turned back at the lower gate while ploughs cleared the road.\n\nThe weather service expects more snow on the high ground before the weekend.";

/// Unrelated filler stories, each its own.
fn filler(i: usize) -> String {
    let topics = [
        "orchard", "stadium", "library", "railway", "festival", "vineyard", "hospital", "airport",
    ];
    let t = topics[i % topics.len()];
    format!(
        "The new {t} number {i} opened to the public this week after months of delay.\n\nLocal people queued early to see the {t} for themselves.\n\nThe council said the {t} cost less than planned and would employ {i} people."
    )
}

#[test]
fn a_window_drops_old_articles_and_reports_no_pair_across_it() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("w.state");
    let s = state.to_str().unwrap();
    let day1 = dir.path().join("day1.jsonl");
    let mut lines = vec![
        record("orig", "2026-03-01T08:00:00Z", STORY),
        record("copy-same-day", "2026-03-01T10:00:00Z", STORY),
    ];
    lines.extend((0..6).map(|i| record(&format!("f{i}"), "2026-03-01T12:00:00Z", &filler(i))));
    write_lines(&day1, &lines);
    let out = pair_set(&dedup(&day1, &["--state", s, "--window", "3d"]));
    assert!(out.contains(&("orig".into(), "copy-same-day".into(), "duplicate".into())));
    assert_eq!(articles_held(&state), 8);
    // Ten days on: a copy of the old story arrives with new stories; the
    // old articles are out of the window, so no pair with them, and they
    // leave the state.
    let day10 = dir.path().join("day10.jsonl");
    let mut lines = vec![record("copy-late", "2026-03-11T09:00:00Z", STORY)];
    lines.extend((6..10).map(|i| record(&format!("g{i}"), "2026-03-11T10:00:00Z", &filler(i))));
    write_lines(&day10, &lines);
    let out = dedup(&day10, &["--state", s, "--window", "3d"]);
    assert!(pair_set(&out).is_empty(), "{out}");
    assert_eq!(articles_held(&state), 5);
    // Within the window the late copy still finds the next one.
    let day11 = dir.path().join("day11.jsonl");
    write_lines(
        &day11,
        &[record("copy-later", "2026-03-12T09:00:00Z", STORY)],
    );
    let out = pair_set(&dedup(&day11, &["--state", s, "--window", "3d"]));
    assert_eq!(
        out.into_iter().collect::<Vec<_>>(),
        vec![("copy-late".into(), "copy-later".into(), "duplicate".into())]
    );
}

#[test]
fn against_reports_only_pairs_with_the_archive_and_leaves_it_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("archive.state");
    let s = state.to_str().unwrap();
    let archive = dir.path().join("archive.jsonl");
    let mut lines = vec![record("ran", "2026-03-01T08:00:00Z", STORY)];
    lines.extend((0..5).map(|i| record(&format!("f{i}"), "2026-03-01T12:00:00Z", &filler(i))));
    write_lines(&archive, &lines);
    dedup(&archive, &["--state", s]);
    let before = std::fs::read(&state).unwrap();
    let today = dir.path().join("today.jsonl");
    write_lines(
        &today,
        &[
            record("new-copy", "2026-03-02T08:00:00Z", STORY),
            // A pair among today's articles only: not asked for.
            record("new-a", "2026-03-02T08:00:00Z", OTHER),
            record("new-b", "2026-03-02T09:00:00Z", OTHER),
        ],
    );
    let out = pair_set(&dedup(&today, &["--against", s]));
    assert_eq!(
        out.into_iter().collect::<Vec<_>>(),
        vec![("ran".into(), "new-copy".into(), "duplicate".into())]
    );
    assert_eq!(std::fs::read(&state).unwrap(), before, "read only");
}

/// `dedup INPUT --state STATE` fails: one line naming the state, exit 2.
fn fails_on_state(input: &Path, state: &Path, says: &str) {
    let args = with_state(input, state);
    let (_, err) = run(&args, 2);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(lines[0].starts_with("wirediff: "), "{err}");
    assert!(lines[0].contains(&*state.to_string_lossy()), "{err}");
    assert!(lines[0].contains(says), "{err}");
}

#[test]
fn a_state_path_of_another_kind_is_refused_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    write_lines(&input, &[record("a", "2026-03-01", STORY)]);
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a database\n").unwrap();
    fails_on_state(&input, &text, "not a wirediff state");
    assert_eq!(std::fs::read_to_string(&text).unwrap(), "not a database\n");
    fails_on_state(&input, dir.path(), "is a directory");
    // A redb database that is not a state.
    let other = dir.path().join("other.redb");
    {
        let db = redb::Database::create(&other).unwrap();
        let w = db.begin_write().unwrap();
        {
            let def: redb::TableDefinition<u64, u64> = redb::TableDefinition::new("things");
            w.open_table(def).unwrap().insert(1, 2).unwrap();
        }
        w.commit().unwrap();
    }
    fails_on_state(&input, &other, "not a wirediff state");
}

#[test]
fn a_state_of_another_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    write_lines(&input, &[record("a", "2026-03-01", STORY)]);
    let state = dir.path().join("s");
    dedup(&input, &["--state", state.to_str().unwrap()]);
    {
        let db = redb::Database::create(&state).unwrap();
        let w = db.begin_write().unwrap();
        {
            let def: redb::TableDefinition<&str, &[u8]> = redb::TableDefinition::new("meta");
            w.open_table(def)
                .unwrap()
                .insert("wirediff", &b"0.0.1"[..])
                .unwrap();
        }
        w.commit().unwrap();
    }
    fails_on_state(&input, &state, "written by wirediff 0.0.1");
    let (_, err) = run(&["state".as_ref(), "info".as_ref(), state.as_os_str()], 2);
    assert!(err.contains("refused"));
}

/// Mounts a tmpfs at `at` with `opts` (root only); false when that is
/// not possible here.
fn mount_tmpfs(at: &Path, opts: &str) -> bool {
    Command::new("mount")
        .args(["-t", "tmpfs", "-o", opts, "tmpfs"])
        .arg(at)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn unmount(at: &Path) {
    let _ = Command::new("umount").arg(at).status();
}

#[test]
fn a_read_only_folder_and_a_full_disk_fail_in_one_line_and_keep_whole_chunks() {
    let Some(input) = workload_10k() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    let mounted = mount_tmpfs(&ro, "ro,size=1m");
    if !mounted {
        // Not root: a folder without write permission does the same.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    let in_ro = ro.join("s.state");
    if mounted || std::fs::write(ro.join("probe"), "").is_err() {
        fails_on_state(&input, &in_ro, "cannot open the state");
        assert!(!in_ro.exists(), "nothing half-written");
    } else {
        eprintln!("note: cannot make a read-only folder here (root without mount)");
    }
    if mounted {
        unmount(&ro);
    }
    // A disk that holds the first chunk's records but not the second's.
    let full = dir.path().join("full");
    std::fs::create_dir(&full).unwrap();
    if !mount_tmpfs(&full, "size=12m") {
        eprintln!("note: full-disk case skipped: mounting a tmpfs needs root");
        return;
    }
    let state = full.join("s.state");
    let args = with_state(&input, &state);
    let (_, err) = run(&args, 2);
    let held = articles_held(&state);
    unmount(&full);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("No space left on device"), "{err}");
    assert!(
        held > 0 && held % wirediff::corpus::CHUNK as u64 == 0,
        "{held}"
    );
}

/// A filler story of made-up words (syllables spelling `i` in base 8).
/// The words spell only the low 15 bits of `i * 16 + j`, so fillers
/// 2048 apart are the same story: copies that a window must keep apart
/// once they are days apart.
fn unique_filler(i: usize) -> String {
    let syllables = ["ka", "lo", "mi", "ten", "sor", "vi", "da", "pel"];
    let word = |n: usize| -> String {
        (0..5)
            .map(|k| syllables[(n >> (3 * k)) % syllables.len()])
            .collect()
    };
    let w = |j: usize| word(i * 16 + j);
    format!(
        "The {} of {} met the {} near {} on Tuesday.\n\nThey spoke of {} and {} for an hour.\n\nA {} said the {} would follow.",
        w(0), w(1), w(2), w(3), w(4), w(5), w(6), w(7)
    )
}

#[test]
fn a_window_without_a_state_rebuilds_in_memory_and_reports_what_a_state_would() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("days.jsonl");
    // A first chunk of day 1, a second of day 10 (the first is then out
    // of a 3-day window and dropped), and a day-11 copy of day 10's copy,
    // which must still find it after the rebuild.
    let chunk = 4096;
    let mut lines = vec![
        record("orig", "2026-03-01T08:00:00Z", STORY),
        record("copy-same-day", "2026-03-01T10:00:00Z", STORY),
    ];
    lines.extend(
        (2..chunk).map(|i| record(&format!("f{i}"), "2026-03-01T12:00:00Z", &unique_filler(i))),
    );
    lines.push(record("copy-late", "2026-03-10T09:00:00Z", STORY));
    lines.extend((1..chunk).map(|i| {
        record(
            &format!("g{i}"),
            "2026-03-10T10:00:00Z",
            &unique_filler(chunk + i),
        )
    }));
    lines.push(record("copy-later", "2026-03-11T09:00:00Z", STORY));
    write_lines(&input, &lines);
    let in_memory = dedup(&input, &["--window", "3d"]);
    let state = dir.path().join("w.state");
    let with_state = dedup(
        &input,
        &["--state", state.to_str().unwrap(), "--window", "3d"],
    );
    assert_eq!(in_memory, with_state);
    let pairs = pair_set(&in_memory);
    // No pair spans more than the window: each article's day of March.
    let day: std::collections::HashMap<String, u32> = lines
        .iter()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let d = v["published"].as_str().unwrap()[8..10].parse().unwrap();
            (v["id"].as_str().unwrap().to_string(), d)
        })
        .collect();
    assert!(pairs.len() > 2, "the copied fillers pair within a day");
    for (a, b, _) in &pairs {
        assert!(day[a].abs_diff(day[b]) <= 3, "{a} and {b} are days apart");
    }
    // Without the window the same input pairs across the days.
    let unbounded = pair_set(&dedup(&input, &[]));
    assert!(unbounded.contains(&("orig".into(), "copy-late".into(), "duplicate".into())));
    let story: Vec<_> = pairs
        .iter()
        .filter(|(a, _, _)| a.starts_with("orig") || a.starts_with("copy"))
        .cloned()
        .collect();
    assert_eq!(
        story,
        vec![
            ("copy-late".into(), "copy-later".into(), "duplicate".into()),
            ("orig".into(), "copy-same-day".into(), "duplicate".into()),
        ],
        "{in_memory}"
    );
    // The state kept only what is inside the window.
    assert_eq!(articles_held(&state), chunk as u64 + 1);
}
