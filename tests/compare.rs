//! `compare`: the JSON v1 contract, parsed into this file's own types so a
//! renamed or missing field breaks a test.

use crate::util::{seed, seeds_json, wirediff};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Output {
    version: u32,
    articles: Vec<Article>,
    alignments: Vec<Alignment>,
    quote_matches: Vec<QuoteMatch>,
    unmatched: Sides,
    #[allow(dead_code)] // an extension of v1: read to prove it parses
    unmatched_quotes: Sides,
    summary: Summary,
    /// An extension of v1: the facts the two state differently.
    discrepancies: Vec<Discrepancy>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // read to prove the contract's fields parse
struct Discrepancy {
    kind: String,
    what: String,
    claims: Vec<Claim>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // read to prove the contract's fields parse
struct Claim {
    article: usize,
    sentence: usize,
    start: usize,
    end: usize,
    text: String,
    value: String,
    normalized: Option<String>,
}

#[derive(Deserialize)]
struct Article {
    path: String,
    source: Option<String>,
    title: String,
    #[allow(dead_code)] // present in the contract; its content is tested elsewhere
    authors: Vec<String>,
    text: String,
    sentences: Vec<Sentence>,
    quotes: Vec<Quote>,
    boilerplate: Vec<Spanned>,
}

#[derive(Deserialize)]
struct Sentence {
    text: String,
    start: usize,
    end: usize,
    #[allow(dead_code)] // contract field; only its presence is checked
    paragraph: usize,
}

#[derive(Deserialize)]
struct Quote {
    text: String,
    start: usize,
    end: usize,
    sentence: usize,
    #[allow(dead_code)] // contract field; speakers are scored by the eval scripts
    speaker: Option<String>,
    #[allow(dead_code)] // contract field
    cue: Option<String>,
}

#[derive(Deserialize)]
struct Spanned {
    text: String,
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct Alignment {
    a: Vec<usize>,
    b: Vec<usize>,
    score: f64,
    kind: String,
    moved: bool,
    diff: Vec<DiffOp>,
}

#[derive(Deserialize)]
struct DiffOp {
    op: String,
    text: String,
    /// B's text of an equal run written differently (typography).
    b_text: Option<String>,
}

#[derive(Deserialize)]
struct QuoteMatch {
    a: usize,
    b: usize,
    score: f64,
    kind: String,
    speaker_agrees: bool,
    diff: Vec<DiffOp>,
}

#[derive(Deserialize)]
struct Sides {
    a: Vec<usize>,
    b: Vec<usize>,
}

#[derive(Deserialize)]
struct Summary {
    a_sentences: usize,
    b_sentences: usize,
    aligned: usize,
    shared_quotes: usize,
    a_only_quotes: usize,
    b_only_quotes: usize,
}

fn compare_seeds() -> Output {
    serde_json::from_value(seeds_json()).expect("JSON v1 output has the contract's fields")
}

fn rebuild(ops: &[DiffOp], keep: &str) -> String {
    ops.iter()
        .filter(|o| o.op == "equal" || o.op == keep)
        .map(|o| match (&o.b_text, keep) {
            (Some(b), "insert") => b.as_str(),
            _ => o.text.as_str(),
        })
        .collect()
}

#[test]
fn json_matches_the_contract() {
    let r = compare_seeds();
    assert_eq!(r.version, 1);
    assert_eq!(r.articles.len(), 2);
    let (a, b) = (&r.articles[0], &r.articles[1]);
    assert!(a.path.ends_with(".txt") && !a.title.is_empty());
    assert_eq!(a.source.as_deref(), Some("AFP"));
    assert_eq!(b.source.as_deref(), Some("Reuters"));
    for art in &r.articles {
        for s in &art.sentences {
            assert_eq!(&art.text[s.start..s.end], s.text);
        }
        for q in &art.quotes {
            assert_eq!(&art.text[q.start..q.end], q.text);
            assert!(q.sentence < art.sentences.len());
        }
        for bp in &art.boilerplate {
            assert_eq!(&art.text[bp.start..bp.end], bp.text);
        }
    }
    assert_eq!(r.summary.a_sentences, a.sentences.len());
    assert_eq!(r.summary.b_sentences, b.sentences.len());
    assert_eq!(r.summary.aligned, r.alignments.len());
    assert_eq!(r.summary.shared_quotes, r.quote_matches.len());
    assert!(r.summary.a_only_quotes <= a.quotes.len() && r.summary.b_only_quotes <= b.quotes.len());
    // The two seed reports agree on every fact they both state.
    assert!(r.discrepancies.is_empty());
    for al in &r.alignments {
        assert!((0.0..=1.0).contains(&al.score));
        assert!(
            ["same", "edited", "paraphrase", "merged"].contains(&al.kind.as_str()),
            "{}",
            al.kind
        );
        assert!(al
            .diff
            .iter()
            .all(|d| ["equal", "delete", "insert"].contains(&d.op.as_str())));
        // The diff rebuilds both sides' sentences (joined in order).
        let side = |art: &Article, idx: &[usize]| -> String {
            idx.iter()
                .map(|&i| art.sentences[i].text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let fold = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(fold(rebuild(&al.diff, "delete")), fold(side(a, &al.a)));
        assert_eq!(fold(rebuild(&al.diff, "insert")), fold(side(b, &al.b)));
    }
    // Alignments come in A's order; those not marked moved B tells in the
    // same order, and a reorder is marked on at least one side of it.
    let kept: Vec<usize> = r
        .alignments
        .iter()
        .filter(|al| !al.moved)
        .map(|al| al.b[0])
        .collect();
    assert!(kept.windows(2).all(|w| w[0] < w[1]), "{kept:?}");
    for m in &r.quote_matches {
        assert!(m.a < a.quotes.len() && m.b < b.quotes.len());
        assert!((0.0..=1.0).contains(&m.score));
        assert!(["verbatim", "variant"].contains(&m.kind.as_str()));
        let _ = (m.speaker_agrees, &m.diff);
    }
}

#[test]
fn every_sentence_is_aligned_or_unmatched_exactly_once() {
    let r = compare_seeds();
    for (side, n, unmatched) in [
        ("a", r.articles[0].sentences.len(), &r.unmatched.a),
        ("b", r.articles[1].sentences.len(), &r.unmatched.b),
    ] {
        let mut seen = vec![0; n];
        for al in &r.alignments {
            for &i in if side == "a" { &al.a } else { &al.b } {
                seen[i] += 1;
            }
        }
        for &i in unmatched {
            seen[i] += 1;
        }
        assert!(seen.iter().all(|&c| c == 1), "side {side}: {seen:?}");
    }
}

#[test]
fn exit_code_says_whether_the_articles_differ() {
    let a = seed("afp");
    wirediff()
        .args(["compare", &a, &a, "--exit-code", "--format", "json"])
        .assert()
        .code(0);
    wirediff()
        .args([
            "compare",
            &a,
            &seed("reuters"),
            "--exit-code",
            "--format",
            "json",
        ])
        .assert()
        .code(1);
    // Without --exit-code a difference is still success.
    wirediff()
        .args(["compare", &a, &seed("reuters"), "--format", "json"])
        .assert()
        .code(0);
}

#[test]
fn records_of_a_jsonl_file_are_picked_by_id() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("feed.jsonl");
    let rec = |id: &str, body: &str| {
        serde_json::json!({"id": id, "source": "X", "title": id, "body": body}).to_string()
    };
    std::fs::write(
        &path,
        [
            rec(
                "one",
                "The council approved the budget on Monday. Critics objected.",
            ),
            rec("two", "Rain fell all week."),
            rec(
                "three",
                "The council approved the budget on Monday after a long debate.",
            ),
        ]
        .join("\n"),
    )
    .expect("write");
    let p = path.to_string_lossy().into_owned();
    let by_ref = wirediff()
        .args([
            "compare",
            &format!("{p}#one"),
            &format!("{p}#three"),
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let by_ids = wirediff()
        .args(["compare", &p, "--ids", "one", "three", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(by_ref, by_ids);
    let r: Output = serde_json::from_slice(&by_ref).expect("json");
    assert_eq!(r.articles[0].title, "one");
    assert_eq!(r.articles[1].title, "three");
    assert_eq!(r.summary.aligned, 1);
    let out = wirediff()
        .args(["compare", &format!("{p}#nine"), &format!("{p}#one")])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&out);
    assert!(
        err.contains("feed.jsonl") && err.contains("no article with id `nine`"),
        "{err}"
    );
}

#[test]
fn html_is_one_escaped_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "Vote <b>today</b>\n\nThe council said \"no <script>alert(1)</script> deal\" on Monday.\n",
    )
    .expect("write");
    std::fs::write(&b, "Vote\n\nThe council said \"no deal\" on Monday.\n").expect("write");
    let out = wirediff()
        .args([
            "compare",
            &a.to_string_lossy(),
            &b.to_string_lossy(),
            "--format",
            "html",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let html = String::from_utf8(out).expect("utf-8");
    assert!(
        html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"),
        "{}",
        &html[..40.min(html.len())]
    );
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
    assert!(!html.contains("<b>today"));
    assert!(
        !html.contains("src=\"http") && !html.contains("href=\"http"),
        "self-contained"
    );
}

#[test]
fn side_by_side_fits_the_width_and_color_is_only_on_request() {
    for width in [60, 100, 140] {
        let out = wirediff()
            .args([
                "compare",
                &seed("afp"),
                &seed("reuters"),
                "--layout",
                "side-by-side",
            ])
            .arg(format!("--width={width}"))
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).expect("utf-8");
        assert!(
            !text.contains('\x1b'),
            "no color when stdout is not a terminal"
        );
        for line in text.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= width,
                "{width}: {line:?}"
            );
        }
    }
    let colored = wirediff()
        .args([
            "compare",
            &seed("afp"),
            &seed("reuters"),
            "--color",
            "always",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(colored.contains(&0x1b));
    let forced = wirediff()
        .args(["compare", &seed("afp"), &seed("reuters")])
        .env("CLICOLOR_FORCE", "1")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(forced.contains(&0x1b));
    let off = wirediff()
        .args(["compare", &seed("afp"), &seed("reuters")])
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(!off.contains(&0x1b));
}
