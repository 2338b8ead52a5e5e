//! `sentences` on the seeds gives the story sentences a person marked.

use crate::util::{json_of, seed, shared_eval};

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn seed_sentences_match_the_hand_annotation() {
    let Some(eval) = shared_eval() else { return };
    let gold: serde_json::Value =
        serde_json::from_slice(&std::fs::read(eval.join("seeds-gold.json")).expect("gold"))
            .expect("json");
    for (key, which) in [("afp", "afp"), ("reuters", "reuters")] {
        let v = json_of(&["sentences", &seed(which), "--format", "json"]);
        let got: Vec<String> = v["articles"][0]["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .map(|s| fold(s["text"].as_str().unwrap_or_default()))
            .collect();
        let want: Vec<String> = gold["articles"][key]["sentences"]
            .as_array()
            .expect("gold sentences")
            .iter()
            .map(|s| fold(s.as_str().unwrap_or_default()))
            .collect();
        assert_eq!(got, want, "{key}");
        let art = &v["articles"][0];
        let g = &gold["articles"][key];
        assert_eq!(art["source"], g["source"]);
        assert_eq!(
            fold(art["title"].as_str().unwrap_or_default()),
            fold(g["title"].as_str().unwrap_or_default())
        );
        if let Some(authors) = g.get("authors") {
            assert_eq!(&art["authors"], authors);
        }
        let boiler: Vec<&str> = art["boilerplate"]
            .as_array()
            .expect("boilerplate")
            .iter()
            .filter_map(|b| b["text"].as_str())
            .collect();
        for bp in g["boilerplate"].as_array().expect("gold boilerplate") {
            let bp = bp.as_str().unwrap_or_default();
            assert!(
                boiler.iter().any(|b| fold(b) == fold(bp)),
                "{key}: boilerplate {bp:?} not found in {boiler:?}"
            );
        }
    }
}

/// A scraped body with markup: the sentences are what a reader sees, each
/// sentence's `text` is still the article text between `start` and `end`,
/// and no tag, rule or literal escape is a sentence.
#[test]
fn markup_is_left_out_and_spans_index_the_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let body = "<h2>Dam holds</h2>\n<p>The river rose overnight. Nobody was hurt.</p>\\r\\n==========\\r\\nRoads reopened at &quot;noon&quot;.";
    let rec = serde_json::json!({"id": "m", "title": "", "body": body});
    let path = dir.path().join("m.jsonl");
    std::fs::write(&path, format!("{rec}\n")).expect("write");
    let v = json_of(&[
        "sentences",
        path.to_str().expect("utf-8 path"),
        "--format",
        "json",
    ]);
    let sentences = v["articles"][0]["sentences"].as_array().expect("sentences");
    let got: Vec<&str> = sentences
        .iter()
        .filter_map(|s| s["text"].as_str())
        .collect();
    assert_eq!(
        got,
        [
            "Dam holds",
            "The river rose overnight.",
            "Nobody was hurt.",
            "Roads reopened at &quot;noon&quot;."
        ]
    );
    for s in sentences {
        let (start, end) = (
            s["start"].as_u64().unwrap_or(0),
            s["end"].as_u64().unwrap_or(0),
        );
        assert_eq!(s["text"].as_str(), body.get(start as usize..end as usize));
    }
}
