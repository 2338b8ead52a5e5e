//! No quadratic traps (issue 13): the stages on adversarial inputs at 1x and
//! 10x size. A near-linear stage takes about 10 times as long at 10x; the
//! target is a ratio of at most 12 (BENCHMARKS.md, "Growth on adversarial
//! inputs", has the medians).
//!
//! The inputs are generated here, deterministically:
//! - `paragraph`: one paragraph of short sentences, no line break;
//! - `flat`: one sentence of words without punctuation;
//! - `quotes`: paragraphs of unbalanced quotation marks (“ opened and not
//!   closed, " in the middle, ” with no opener);
//! - `copies`: one sentence repeated;
//! - `feed`: identical articles, for dedup.
//!
//!     cargo bench --bench adversarial

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion};
use std::time::Duration;
use wirediff::article::article_from_text;
use wirediff::corpus::stream::Item;
use wirediff::corpus::{DedupOptions, Deduper};
use wirediff::{Article, CompareOptions, Document};

const WORDS: &[&str] = &[
    "harbour", "union", "council", "vessels", "board", "vote", "pay", "week", "strike", "port",
    "minister", "deal",
];

fn paragraph(n: usize) -> String {
    let mut s = String::from("Paragraph\n\n");
    for k in 0..n {
        s.push_str("The ");
        for j in 0..8 {
            s.push_str(WORDS[(k * 7 + j * 5) % WORDS.len()]);
            s.push(' ');
        }
        s.push_str("ended. ");
    }
    s
}

fn flat(n: usize) -> String {
    let words: Vec<&str> = (0..n)
        .map(|i| WORDS[(i * 5 + i / 3) % WORDS.len()])
        .collect();
    format!("Flat\n\n{}\n", words.join(" "))
}

fn quotes(n: usize) -> String {
    let paras: Vec<String> = (0..n)
        .map(|i| {
            format!(
                "\u{201c}The union said {} would strike {i}. \"And then \u{201d} more \u{201c}",
                WORDS[i % WORDS.len()]
            )
        })
        .collect();
    format!("Quotes\n\n{}\n", paras.join("\n\n"))
}

fn copies(n: usize) -> String {
    format!(
        "Copies\n\n{}\n",
        "The minister said the talks went well. ".repeat(n)
    )
}

fn article(text: &str) -> Article {
    article_from_text("bench", text).expect("an article")
}

/// The texts at `scale` times their 1x size.
fn inputs(scale: usize) -> Vec<(&'static str, String)> {
    vec![
        ("paragraph", paragraph(2_000 * scale)),
        ("flat", flat(10_000 * scale)),
        ("quotes", quotes(500 * scale)),
        ("copies", copies(1_000 * scale)),
    ]
}

fn config() -> Criterion {
    // The machine is shared: few samples, short windows.
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
}

fn bench_segment_and_quotes(c: &mut Criterion) {
    for scale in [1, 10] {
        for (name, text) in inputs(scale) {
            let a = article(&text);
            c.benchmark_group("segment").bench_with_input(
                BenchmarkId::new(name, format!("{scale}x")),
                &a,
                |b, a| b.iter(|| wirediff::segment::sentences(black_box(a)).len()),
            );
            let sentences = wirediff::segment::sentences(&a);
            c.benchmark_group("quotes").bench_with_input(
                BenchmarkId::new(name, format!("{scale}x")),
                &(a, sentences),
                |b, (a, s)| b.iter(|| wirediff::quotes::extract(black_box(a), s).len()),
            );
        }
    }
}

fn bench_compare(c: &mut Criterion) {
    let opts = CompareOptions::default();
    for scale in [1, 10] {
        for (name, text) in inputs(scale) {
            // B is A with one word changed wherever it stands.
            let edited = text.replace("union", "unions");
            let (da, db) = (
                Document::analyze(article(&text)),
                Document::analyze(article(&edited)),
            );
            c.benchmark_group("compare").bench_with_input(
                BenchmarkId::new(name, format!("{scale}x")),
                &(da, db),
                |b, (da, db)| {
                    b.iter(|| wirediff::compare(black_box(da), db, &opts).alignments.len())
                },
            );
        }
    }
}

fn bench_dedup(c: &mut Criterion) {
    let body = "The port authority met union leaders on Monday to discuss the pay offer. \
        The union chief said members would vote on the deal next week. Shipping lines \
        diverted forty vessels to other ports during the strike, which lasted nine days.";
    for scale in [1, 10] {
        let feed: Vec<Article> = (0..200 * scale)
            .map(|i| {
                let mut a = article(&format!("Copy\n\n{body}\n"));
                a.id = format!("c{i}");
                a
            })
            .collect();
        c.benchmark_group("dedup").bench_with_input(
            BenchmarkId::new("identical", format!("{scale}x")),
            &feed,
            |b, feed| {
                b.iter(|| {
                    let items = feed.iter().cloned().map(|a| Item::Article(Box::new(a)));
                    let mut d = Deduper::new(DedupOptions::default());
                    d.push(items.collect()).pairs.len()
                })
            },
        );
    }
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_segment_and_quotes, bench_compare, bench_dedup
}
criterion_main!(benches);
