//! Properties at volume, through the library: arbitrary bytes and arbitrary
//! article-like Unicode go through ingest → sentences → quotes → compare →
//! every renderer, and through dedup. Nothing may panic, and every span must
//! hold the invariants the renderers and `FILE#id` users rely on.
//!
//! 256 cases per property by default; `PROPTEST_CASES=1000000` is the long
//! run (BENCHMARKS.md says how long it took).

use proptest::prelude::*;
use wirediff::corpus::{stream::Item, DedupOptions, Deduper};
use wirediff::render::{self, Layout, RenderOptions};
use wirediff::{compare, CompareOptions, Document, Pair};

/// Text made of what trips segmenters and quote finders: quotation marks of
/// every kind, abbreviations, ellipses, numbers, newlines, controls, bidi and
/// zero-width characters, and any char at all.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "the", "minister", "said", "Mr.", "U.S.", "Dr", "No.", "3.5", "1,000", "Jan.",
            "e.g.", "AP", "(AFP)", "—", "--", "said:", "according", "to", "Smith", "told",
            "reporters", "WASHINGTON", "Copyright", "2024", "Reuters", "By", "Jane", "Doe",
        ])
        .prop_map(String::from),
        3 => prop::sample::select(vec![
            " ", " ", "\n", "\n\n", ". ", "! ", "? ", "...", "\u{2026}", ", ", "; ", ": ",
            "\"", "'", "\u{201c}", "\u{201d}", "\u{2018}", "\u{2019}", "\u{ab}", "\u{bb}",
            "\u{201e}", "\u{300c}", "\u{300d}", "\r\n", "\r", "\t", "\u{a0}", "\u{202e}",
            "\u{200b}", "\u{1b}[2J", "\u{7}", "\u{85}", "\u{2028}", "*", "- ", "1. ", "#",
        ])
        .prop_map(String::from),
        1 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Z\u{e0}-\u{ff}\u{400}-\u{45f}\u{4e00}-\u{4e20}]{1,12}",
    ]
}

fn article_text() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..160).prop_map(|v| v.concat())
}

/// Bytes as an input file holds them: raw bytes, article-like text, or that
/// text as a JSON/JSONL record.
fn input_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => prop::collection::vec(any::<u8>(), 0..600),
        4 => article_text().prop_map(String::into_bytes),
        1 => (article_text(), article_text()).prop_map(|(t, b)| {
            serde_json::json!({"id": "x", "title": t, "body": b}).to_string().into_bytes()
        }),
        1 => prop::collection::vec(article_text(), 1..4).prop_map(|bodies| {
            bodies
                .iter()
                .enumerate()
                .map(|(i, b)| serde_json::json!({"id": i, "body": b}).to_string() + "\n")
                .collect::<String>()
                .into_bytes()
        }),
    ]
}

/// The span invariants of one analyzed article.
fn check_document(d: &Document) -> Result<(), TestCaseError> {
    let t = &d.article.text;
    let mut last = 0;
    for s in &d.sentences {
        let (a, b) = (s.span.start, s.span.end);
        prop_assert!(a >= last, "sentences out of order or overlapping");
        prop_assert!(a < b && b <= t.len(), "sentence span outside the text");
        prop_assert!(t.is_char_boundary(a) && t.is_char_boundary(b));
        for bp in &d.article.boilerplate {
            prop_assert!(!bp.span.overlaps(&s.span), "sentence holds boilerplate");
        }
        last = b;
    }
    for q in &d.quotes {
        let (a, b) = (q.span.start, q.span.end);
        prop_assert!(a <= b && b <= t.len(), "quote span outside the text");
        prop_assert!(t.is_char_boundary(a) && t.is_char_boundary(b));
    }
    Ok(())
}

/// Every renderer, both layouts, with and without color, two widths.
fn render_all(docs: &Pair<Document>, c: &wirediff::Comparison) -> Result<(), TestCaseError> {
    for color in [false, true] {
        for layout in [Layout::Inline, Layout::SideBySide] {
            for width in [24, 100] {
                let opts = RenderOptions {
                    color,
                    width,
                    layout,
                    ..Default::default()
                };
                let mut out = Vec::new();
                render::terminal::comparison(docs, c, &opts, &mut out).unwrap();
                let s = String::from_utf8(out).expect("terminal output is UTF-8");
                if !color {
                    prop_assert!(!s.contains('\u{1b}'), "ESC with color off");
                }
            }
        }
    }
    let mut out = Vec::new();
    render::json::comparison(docs, c, &mut out).unwrap();
    serde_json::from_slice::<serde_json::Value>(&out).expect("json output parses");
    let mut out = Vec::new();
    render::html::comparison(docs, c, &RenderOptions::default(), &mut out).unwrap();
    String::from_utf8(out).expect("html is UTF-8");
    Ok(())
}

/// Ingest both inputs, analyze, check, compare, render, and dedup them all.
fn pipeline(a: &[u8], b: &[u8]) -> Result<(), TestCaseError> {
    let mut docs = Vec::new();
    for (name, bytes) in [("a.txt", a), ("b.txt", b)] {
        let Ok(loaded) = wirediff::article::read_bytes_sniffed(name, bytes) else {
            continue;
        };
        for art in loaded.articles {
            let d = Document::analyze(art);
            check_document(&d)?;
            docs.push(d);
        }
    }
    let mut out = Vec::new();
    render::text::sentences(&docs, &mut out).unwrap();
    render::text::quotes(&docs, &mut out).unwrap();
    render::json::articles(&docs, &mut out).unwrap();
    if docs.len() >= 2 {
        let pair = Pair::new(docs[0].clone(), docs[docs.len() - 1].clone());
        let c = compare(&pair.a, &pair.b, &CompareOptions::default());
        prop_assert_eq!(c.summary.a_sentences, pair.a.sentences.len());
        prop_assert_eq!(c.summary.b_sentences, pair.b.sentences.len());
        for al in &c.alignments {
            prop_assert!(al.a.iter().all(|&i| i < pair.a.sentences.len()));
            prop_assert!(al.b.iter().all(|&j| j < pair.b.sentences.len()));
        }
        render_all(&pair, &c)?;
    }
    // Dedup sees the same inputs as whole articles and as raw JSONL lines.
    let mut d = Deduper::new(DedupOptions::default());
    let mut items: Vec<Item> = docs
        .into_iter()
        .map(|doc| Item::Article(Box::new(doc.article)))
        .collect();
    for (k, bytes) in [a, b].into_iter().enumerate() {
        items.push(Item::Line {
            path: std::path::Path::new("-").into(),
            stem: "-".into(),
            line: k + 1,
            bytes: bytes.to_vec(),
        });
    }
    let mut catalog = wirediff::corpus::report::Catalog::default();
    catalog.note(&items);
    let batch = d.push(items);
    let mut out = Vec::new();
    wirediff::corpus::report::jsonl(&batch.pairs, &mut out).unwrap();
    wirediff::corpus::report::terminal(&batch.pairs, |p| p.cluster, &catalog, 80, &mut out)
        .unwrap();
    Ok(())
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic_and_keep_spans(a in input_bytes(), b in input_bytes()) {
        pipeline(&a, &b)?;
    }

    #[test]
    fn one_text_against_its_edit_keeps_spans(
        text in article_text(),
        cut in any::<prop::sample::Index>(),
        insert in article_text(),
    ) {
        // The second input is the first with a piece inserted at a char
        // boundary: compare then has real alignments and diffs to render.
        let mut at = cut.index(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let b = format!("{}{}{}", &text[..at], insert, &text[at..]);
        let a = format!("Title\n\n{text}");
        let b = format!("Title\n\n{b}");
        pipeline(a.as_bytes(), b.as_bytes())?;
    }
}
