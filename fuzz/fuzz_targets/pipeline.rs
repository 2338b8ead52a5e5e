//! Arbitrary bytes through ingest, segmentation, quotes and compare: nothing
//! may panic, and every span must lie on char boundaries inside the text and
//! slice back to what it claims.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirediff::{compare, CompareOptions, Document};

fuzz_target!(|data: &[u8]| {
    let Ok(loaded) = wirediff::article::read_bytes_sniffed("fuzz", data) else {
        return;
    };
    let docs: Vec<Document> = loaded.articles.into_iter().map(Document::analyze).collect();
    for d in &docs {
        let t = &d.article.text;
        let mut last = 0;
        for s in &d.sentences {
            assert!(s.span.start >= last && s.span.start < s.span.end && s.span.end <= t.len());
            assert!(t.is_char_boundary(s.span.start) && t.is_char_boundary(s.span.end));
            last = s.span.end;
        }
        for q in &d.quotes {
            assert!(q.span.end <= t.len());
            assert!(t.is_char_boundary(q.span.start) && t.is_char_boundary(q.span.end));
        }
    }
    if let [a, b, ..] = docs.as_slice() {
        let c = compare(a, b, &CompareOptions::default());
        assert_eq!(c.summary.a_sentences, a.sentences.len());
    }
});
