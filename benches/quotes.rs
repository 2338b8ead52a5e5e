//! Quote extraction and cross-source matching on the two seed articles,
//! against the whole comparison they are part of (issue 5's budget: quotes
//! should add at most a fifth to `compare`).
//!
//! Run: `cargo bench --bench quotes`. The groups:
//! - `quotes/extract`: `quotes::extract` on both seeds (sentences given);
//! - `quotes/match`: `quotes::match_quotes` on the two analyzed seeds;
//! - `quotes/compare`: the whole comparison from read articles: analysis
//!   (segmentation and quotes) of both sides, then `compare`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use wirediff::article::article_from_text;
use wirediff::{compare, quotes, segment, CompareOptions, Document};

const AFP: &str = include_str!("../seeds/2011-12-08-afp-nato-russia-missile-shield.txt");
const REUTERS: &str = include_str!("../seeds/2011-12-08-reuters-russia-nato-missile-defense.txt");

fn bench(c: &mut Criterion) {
    let a = article_from_text("afp.txt", AFP).expect("AFP seed reads");
    let b = article_from_text("reuters.txt", REUTERS).expect("Reuters seed reads");
    let sa = segment::sentences(&a);
    let sb = segment::sentences(&b);
    let da = Document::analyze(a.clone());
    let db = Document::analyze(b.clone());
    let bytes = (a.text.len() + b.text.len()) as u64;

    let mut g = c.benchmark_group("quotes");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("extract", |bench| {
        bench.iter(|| {
            let qa = quotes::extract(black_box(&a), black_box(&sa));
            let qb = quotes::extract(black_box(&b), black_box(&sb));
            (qa, qb)
        })
    });
    g.bench_function("match", |bench| {
        bench.iter(|| quotes::match_quotes(black_box(&da), black_box(&db)))
    });
    g.bench_function("compare", |bench| {
        bench.iter(|| {
            let da = Document::analyze(black_box(a.clone()));
            let db = Document::analyze(black_box(b.clone()));
            compare(&da, &db, &CompareOptions::default())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
