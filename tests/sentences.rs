//! `sentences` on the seeds gives the story sentences a person marked.

use crate::util::{seed, shared_eval, wirediff};

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
        let out = wirediff()
            .args(["sentences", &seed(which), "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let v: serde_json::Value = serde_json::from_slice(&out).expect("json");
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
