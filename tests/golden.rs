//! A golden file of what `compare --format json` aligns on the two seed
//! articles: each alignment's kind and sentences, each quote match, what
//! only one side has. The JSON's shape is checked in `compare.rs`; this
//! checks its content, read once by a person and kept as a snapshot, so
//! that any change to what is aligned shows up in review
//! (`cargo insta review`).

use crate::util::seeds_json;
use serde_json::{json, Value};

/// The sentence texts of article `side` at the indexes `ix`.
fn sentences(v: &Value, side: usize, ix: &Value) -> Vec<String> {
    let texts = &v["articles"][side]["sentences"];
    indexes(ix)
        .map(|i| texts[i]["text"].as_str().unwrap_or("?").to_string())
        .collect()
}

/// A quote as "kind, speaker: text" (speaker `?` when none is found).
fn quote(v: &Value, side: usize, i: usize) -> String {
    let q = &v["articles"][side]["quotes"][i];
    format!(
        "{}, {}: {}",
        q["kind"].as_str().unwrap_or("?"),
        q["speaker"].as_str().unwrap_or("?"),
        q["text"].as_str().unwrap_or("")
    )
}

fn indexes(ix: &Value) -> impl Iterator<Item = usize> + '_ {
    ix.as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_u64)
        .map(|i| i as usize)
}

#[test]
fn what_the_seeds_align() {
    let v = seeds_json();
    let alignments: Vec<Value> = v["alignments"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|g| {
            json!({
                "kind": g["kind"],
                // Two decimals: the golden file is about what is aligned,
                // not the last digit of a score.
                "score": format!("{:.2}", g["score"].as_f64().unwrap_or(-1.0)),
                "moved": g["moved"],
                "a": sentences(&v, 0, &g["a"]),
                "b": sentences(&v, 1, &g["b"]),
            })
        })
        .collect();
    let quote_matches: Vec<Value> = v["quote_matches"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| {
            let side = |k: &str, s: usize| quote(&v, s, m[k].as_u64().unwrap_or(0) as usize);
            json!({
                "kind": m["kind"],
                "changes": m["changes"],
                "speaker_agrees": m["speaker_agrees"],
                "a": side("a", 0),
                "b": side("b", 1),
            })
        })
        .collect();
    let only_quotes = |side: usize, key: &str| -> Vec<String> {
        indexes(&v["unmatched_quotes"][key])
            .map(|i| quote(&v, side, i))
            .collect()
    };
    let golden = json!({
        "alignments": alignments,
        "quote_matches": quote_matches,
        "only_in_a": sentences(&v, 0, &v["unmatched"]["a"]),
        "only_in_b": sentences(&v, 1, &v["unmatched"]["b"]),
        "quotes_only_in_a": only_quotes(0, "a"),
        "quotes_only_in_b": only_quotes(1, "b"),
        "summary": v["summary"],
    });
    let text = serde_json::to_string_pretty(&golden).expect("JSON value prints");
    insta::assert_snapshot!("seeds_compare", text);
}

/// The pairs the view snapshots are taken of: the seeds, and two BASIL
/// pairs (`tests/data/basil/README.md` says where they come from).
const VIEW_PAIRS: [(&str, &str, &str); 3] = [
    (
        "seeds",
        "seeds/2011-12-08-afp-nato-russia-missile-shield.txt",
        "seeds/2011-12-08-reuters-russia-nato-missile-defense.txt",
    ),
    (
        "basil1",
        "tests/data/basil/pair1_a.json",
        "tests/data/basil/pair1_b.json",
    ),
    (
        "basil2",
        "tests/data/basil/pair2_a.json",
        "tests/data/basil/pair2_b.json",
    ),
];

/// Every `[-removed-]{+added+}` pair of a plain view whose two sides are
/// one text once typography is set aside: a change a reader should never
/// be shown.
fn typographic_edits(view: &str) -> Vec<String> {
    let fold = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let mut found = Vec::new();
    let mut rest = view;
    while let Some(k) = rest.find("[-") {
        rest = &rest[k + 2..];
        let Some(end) = rest.find("-]") else { break };
        let removed = &rest[..end];
        let after = &rest[end + 2..];
        if let Some(added) = after.strip_prefix("{+").and_then(|a| a.split("+}").next()) {
            if fold(removed) == fold(added) && !fold(removed).is_empty() {
                found.push(format!("[-{removed}-]{{+{added}+}}"));
            }
        }
    }
    found
}

#[test]
fn views_of_the_seeds_and_two_basil_pairs() {
    for (name, a, b) in VIEW_PAIRS {
        for layout in ["inline", "side-by-side"] {
            for width in [80, 120] {
                for color in ["never", "always"] {
                    let out = crate::util::wirediff()
                        .args(["compare", a, b, "--layout", layout, "--color", color])
                        .args(["--width", &width.to_string()])
                        .output()
                        .expect("run");
                    assert!(out.status.success(), "{name} {layout} {width} {color}");
                    let text = String::from_utf8(out.stdout).expect("utf-8");
                    let plain = strip_sgr(&text);
                    for line in plain.lines() {
                        let cols = unicode_width::UnicodeWidthStr::width(line);
                        assert!(cols <= width, "{name} {layout} {width}: {line}");
                    }
                    if color == "never" {
                        assert!(!text.contains('\u{1b}'));
                        let typo = typographic_edits(&text);
                        assert!(typo.is_empty(), "{name} {layout} {width}: {typo:?}");
                    } else {
                        assert!(text.contains("\u{1b}["), "{name}: color asked for");
                    }
                    let shown = if color == "never" {
                        text
                    } else {
                        text.replace('\u{1b}', "\u{241b}")
                    };
                    insta::assert_snapshot!(
                        format!("view_{name}_{layout}_{width}_color_{color}"),
                        shown
                    );
                }
            }
        }
    }
}

/// The text without its SGR sequences (`ESC [ … m`).
fn strip_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

#[test]
fn a_row_of_only_typographic_differences_is_same_with_no_edits() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let write = |name: &str, body: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, format!("Harbour strike\n\n{body}\n")).expect("write");
        p.to_string_lossy().into_owned()
    };
    let a = write(
        "a.txt",
        "\u{201c}We won\u{2019}t sign this deal\u{201d} \u{2014} the union\u{2019}s chief said\u{2026} on Monday.",
    );
    let b = write(
        "b.txt",
        "\"We won't sign this deal\" -- the union's chief said... on Monday.",
    );
    let v = crate::util::json_of(&["compare", &a, &b, "--format", "json"]);
    let al = &v["alignments"][0];
    assert_eq!(al["kind"], "same", "{al}");
    let ops: Vec<&str> = al["diff"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["op"].as_str())
        .collect();
    assert_eq!(ops, vec!["equal"], "{al}");
    let out = crate::util::wirediff()
        .args(["compare", &a, &b, "--color", "never"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("= same"), "{text}");
    assert!(!text.contains("[-") && !text.contains("{+"), "{text}");
}
