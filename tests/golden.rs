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
