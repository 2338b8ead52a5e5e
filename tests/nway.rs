//! `compare` of three reports or more: sentence groups across all of them,
//! what only one has, the quotes several carry and the facts they state
//! differently; two inputs keep the pairwise output. The reports are
//! composed here: one flood told by three wires, two of them giving one
//! toll and the third another.

use crate::util::{json_of, seed, wirediff};
use serde_json::Value;
use std::path::Path;

const LEAD: &str = "Floodwaters swept through the river town of Almora on Tuesday, \
                    forcing hundreds of families from their homes.";
const QUOTE: &str = "\"We have never seen water rise this fast,\" said Mayor Ines Ferro.";

fn report(id: &str, source: &str, toll: &str, own: &str) -> Value {
    let body = format!(
        "{LEAD} {toll} people were killed in the flooding, the regional governor said.\n\n\
         {QUOTE}\n\n{own}"
    );
    serde_json::json!({"id": id, "source": source, "title": format!("Flood in Almora ({source})"), "body": body})
}

/// A feed of the three wires' reports (and, for the list view, two more).
fn feed(dir: &Path) -> String {
    let reports = [
        report(
            "afp",
            "AFP",
            "Twelve",
            "Rescue teams used boats to reach villages cut off by the water.",
        ),
        report(
            "reuters",
            "Reuters",
            "Fifteen",
            "The national weather service warned of more rain on Thursday.",
        ),
        report(
            "ap",
            "AP",
            "Twelve",
            "A school gymnasium was turned into a shelter for the night.",
        ),
        report(
            "bbc",
            "BBC",
            "Twelve",
            "Volunteers handed out blankets & soup to 5 < 6 families at the station.",
        ),
        report(
            "dpa",
            "DPA",
            "Twelve",
            "Farmers on the plain counted the cattle they had lost.",
        ),
    ];
    let lines: Vec<String> = reports.iter().map(Value::to_string).collect();
    let path = dir.join("feed.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").expect("write feed");
    path.to_string_lossy().into_owned()
}

fn refs(feed: &str, ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| format!("{feed}#{id}")).collect()
}

/// What `compare INPUTS OPTIONS` prints, which must succeed.
fn shown(inputs: &[String], options: &[&str]) -> String {
    let out = wirediff()
        .arg("compare")
        .args(inputs)
        .args(options)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf-8")
}

fn compare_json(args: &[String]) -> Value {
    let mut all: Vec<&str> = vec!["compare"];
    all.extend(args.iter().map(String::as_str));
    all.extend(["--format", "json"]);
    json_of(&all)
}

/// The text of sentence `i` of article `a`.
fn sentence(out: &Value, a: usize, i: usize) -> String {
    out["articles"][a]["sentences"][i]["text"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Per group: (article, first sentence's text) of each member.
fn groups(out: &Value) -> Vec<Vec<(usize, String)>> {
    out["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| {
            g["members"]
                .as_array()
                .expect("members")
                .iter()
                .map(|m| {
                    let a = m["article"].as_u64().expect("article") as usize;
                    let i = m["sentences"][0].as_u64().expect("sentence") as usize;
                    (a, sentence(out, a, i))
                })
                .collect()
        })
        .collect()
}

#[test]
fn three_reports_are_grouped_with_what_only_one_has_its_quotes_and_a_three_way_discrepancy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let f = feed(dir.path());
    let out = compare_json(&refs(&f, &["afp", "reuters", "ap"]));
    assert!(out.get("alignments").is_none(), "N-way has groups instead");
    assert_eq!(out["articles"].as_array().map(Vec::len), Some(3));
    let gs = groups(&out);
    // The lead, the toll and the quote: each one group carried by all three.
    for text in [LEAD, "regional governor said", "never seen water"] {
        let g = gs
            .iter()
            .find(|g| g.iter().any(|(_, t)| t.contains(text)))
            .unwrap_or_else(|| panic!("a group holds {text:?}: {gs:?}"));
        let articles: Vec<usize> = g.iter().map(|(a, _)| *a).collect();
        assert_eq!(articles, [0, 1, 2], "{text:?}");
        assert!(g.iter().all(|(_, t)| t.contains(text)), "{g:?}");
    }
    // What each has alone is listed once, as its own.
    let only: Vec<Vec<String>> = (0..3)
        .map(|a| {
            out["exclusive"][a]
                .as_array()
                .expect("exclusive")
                .iter()
                .map(|i| sentence(&out, a, i.as_u64().expect("index") as usize))
                .collect()
        })
        .collect();
    assert!(only[0].iter().any(|s| s.contains("boats")), "{only:?}");
    assert!(only[1].iter().any(|s| s.contains("more rain")), "{only:?}");
    assert!(only[2].iter().any(|s| s.contains("gymnasium")), "{only:?}");
    assert!(only.iter().all(|o| o.len() == 1), "{only:?}");
    // The mayor's words: carried verbatim by all three, by one speaker.
    let q = &out["quote_groups"][0];
    assert_eq!(q["kind"], "verbatim");
    assert_eq!(q["speaker_agrees"], true);
    let carriers: Vec<u64> = q["members"]
        .as_array()
        .expect("members")
        .iter()
        .map(|m| m["article"].as_u64().expect("article"))
        .collect();
    assert_eq!(carriers, [0, 1, 2]);
    assert!(q["members"]
        .as_array()
        .expect("members")
        .iter()
        .all(|m| m["speaker"] == "Ines Ferro"));
    // The toll: one discrepancy, a claim from each of the three.
    let ds = out["discrepancies"].as_array().expect("discrepancies");
    assert_eq!(ds.len(), 1, "{ds:?}");
    assert_eq!(ds[0]["kind"], "number");
    assert_eq!(ds[0]["what"], "killed");
    let claims: Vec<(u64, String)> = ds[0]["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| {
            (
                c["article"].as_u64().expect("article"),
                c["value"].as_str().unwrap_or_default().to_lowercase(),
            )
        })
        .collect();
    assert_eq!(
        claims,
        [
            (0, "twelve".to_string()),
            (1, "fifteen".to_string()),
            (2, "twelve".to_string())
        ]
    );
    for c in ds[0]["claims"].as_array().expect("claims") {
        let a = c["article"].as_u64().expect("article") as usize;
        let text = out["articles"][a]["text"].as_str().expect("text");
        let (s, e) = (
            c["start"].as_u64().expect("start") as usize,
            c["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(&text[s..e], c["text"].as_str().expect("claim text"));
    }
    assert_eq!(out["summary"]["discrepancies"], 1);
    assert_eq!(out["summary"]["articles"], 3);
}

#[test]
fn ids_and_references_give_one_output_whatever_the_thread_count() {
    let dir = tempfile::tempdir().expect("temp dir");
    let f = feed(dir.path());
    let ids = ["afp", "reuters", "ap", "bbc"];
    let run = |args: &[String], threads: &str| {
        wirediff()
            .env("RAYON_NUM_THREADS", threads)
            .arg("compare")
            .args(args)
            .args(["--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let by_refs = run(&refs(&f, &ids), "1");
    let mut by_ids = vec![f.clone(), "--ids".to_string()];
    by_ids.extend(ids.iter().map(|s| s.to_string()));
    assert_eq!(by_refs, run(&by_ids, "1"));
    assert_eq!(by_refs, run(&refs(&f, &ids), "4"));
}

#[test]
fn two_inputs_keep_the_pairwise_output() {
    let out = json_of(&[
        "compare",
        &seed("afp"),
        &seed("reuters"),
        "--format",
        "json",
    ]);
    assert!(out.get("alignments").is_some() && out.get("groups").is_none());
    let dir = tempfile::tempdir().expect("temp dir");
    let f = feed(dir.path());
    let pair = compare_json(&refs(&f, &["afp", "reuters"]));
    assert!(pair.get("alignments").is_some() && pair.get("groups").is_none());
    assert_eq!(pair["discrepancies"].as_array().map(Vec::len), Some(1));
}

#[test]
fn the_terminal_view_lists_sources_exclusive_sentences_and_discrepancies_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let f = feed(dir.path());
    let s = shown(
        &refs(&f, &["afp", "reuters", "ap"]),
        &["--color", "never", "--width", "200"],
    );
    let disc = s.find("Discrepancies (1)").expect("discrepancies section");
    let groups = s.find("Sentences several carry").expect("groups section");
    assert!(disc < groups, "{s}");
    assert!(
        s.contains("number killed: A2 Twelve \u{2260} B2 Fifteen \u{2260} C2 Twelve"),
        "{s}"
    );
    assert!(s.contains("AFP Reuters AP"), "{s}");
    assert!(s.contains("[-Twelve-]{+Fifteen+}"), "{s}");
    assert!(
        s.contains("Only in AP (1)") && s.contains("gymnasium"),
        "{s}"
    );
    assert!(s.contains("Quotes several carry"), "{s}");
}

#[test]
fn the_page_has_a_column_per_source_up_to_four_then_a_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    let f = feed(dir.path());
    let page = |ids: &[&str]| shown(&refs(&f, ids), &["--format", "html"]);
    let four = page(&["afp", "reuters", "ap", "bbc"]);
    assert!(four.contains("repeat(4, 1fr)"), "columns");
    assert!(four.contains("blankets &amp; soup to 5 &lt; 6 families"));
    assert!(four.contains("<del>Twelve</del><ins>Fifteen</ins>"));
    let five = page(&["afp", "reuters", "ap", "bbc", "dpa"]);
    assert!(!five.contains("repeat(5, 1fr)") && five.contains("class=\"item\""));
    assert!(five.contains("Only in DPA (1)"));
}

/// `compare ARGS`, which must fail with exit 2, one stderr line and no
/// output; its stderr.
fn refused(args: &[String]) -> String {
    let out = wirediff()
        .arg("compare")
        .args(args)
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

#[test]
fn a_bad_input_among_several_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let f = feed(dir.path());
    let missing = dir.path().join("missing.txt");
    let mut args = refs(&f, &["afp", "reuters"]);
    args.push(missing.to_string_lossy().into_owned());
    let err = refused(&args);
    assert!(err.contains("missing.txt"), "{err}");
    // A whole feed as one of the inputs holds several articles.
    let mut args = refs(&f, &["afp", "reuters"]);
    args.push(f.clone());
    let err = refused(&args);
    assert!(err.contains("holds 5 articles"), "{err}");
    // An id that is not there, among three.
    let args = [f.as_str(), "--ids", "afp", "reuters", "nope"].map(str::to_string);
    let err = refused(&args);
    assert!(err.contains("no article with id `nope`"), "{err}");
    // One id is not a comparison (a usage error, clap's exit 2).
    wirediff()
        .args(["compare", &f, "--ids", "afp"])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn control_characters_in_sources_and_text_are_shown_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let reports = [
        report(
            "a",
            "AFP",
            "Twelve",
            "Crews worked \u{202e}through the night.",
        ),
        report(
            "b",
            "Reuters\u{1b}[2J",
            "Twelve",
            "Crews worked \u{1b}]0;x\u{7} all night.",
        ),
        report("c", "AP", "Twelve", "Crews worked until dawn."),
    ];
    let lines: Vec<String> = reports.iter().map(Value::to_string).collect();
    let path = dir.path().join("hostile.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").expect("write feed");
    let f = path.to_string_lossy().into_owned();
    for format in ["terminal", "html"] {
        let s = shown(
            &refs(&f, &["a", "b", "c"]),
            &["--format", format, "--color", "never"],
        );
        assert!(
            !s.contains('\u{1b}') && !s.contains('\u{202e}') && !s.contains('\u{7}'),
            "{format}: {s}"
        );
        assert!(s.contains("\\x1b"), "{format}: the escape is visible");
    }
}
