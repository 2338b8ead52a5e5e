//! Benchmarks of the text, similarity and align stages.
//!
//! Fixtures are the ALIGN workloads of the peer benchmark, read from
//! `$WIREDIFF_WORKLOADS/align/k{300,3000}/pair00/{A,B}.txt` (default
//! `../bench/workloads` beside the crate); a size whose files are absent is
//! skipped with a message. Run with `cargo bench --bench align`.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;
use wirediff::align::{align, AlignOptions};
use wirediff::similarity::{Blend, Similarity, Weights};
use wirediff::text::Features;
use wirediff::{Document, Input, Loaded};

fn workloads() -> PathBuf {
    std::env::var_os("WIREDIFF_WORKLOADS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../bench/workloads"))
}

/// Reads and analyzes one article, or `None` when the file is absent or
/// unreadable.
fn load(path: &std::path::Path) -> Option<Document> {
    let mut loaded = Loaded::default();
    wirediff::article::read_input(&Input::parse(path.to_str()?), &mut loaded).ok()?;
    Some(Document::analyze(loaded.articles.pop()?))
}

fn pair(k: usize) -> Option<(Document, Document)> {
    let dir = workloads().join(format!("align/k{k}/pair00"));
    let found = load(&dir.join("A.txt")).zip(load(&dir.join("B.txt")));
    if found.is_none() {
        eprintln!(
            "align bench: no workload at {}, skipping K={k}",
            dir.display()
        );
    }
    found
}

fn similarity_kernel(c: &mut Criterion) {
    let a = [
        "NATO and Moscow failed again on Thursday to settle their dispute over a missile shield planned for Europe.",
        "The foreign ministers met in Brussels for two days of talks.",
    ];
    let b = [
        "Moscow and NATO once more failed to resolve their quarrel over Europe's planned missile shield on Thursday.",
        "Ministers from the alliance gathered in Brussels.",
    ];
    let (fa, fb) = (Features::from_sentences(&a), Features::from_sentences(&b));
    let w = Weights::new(&[&fa, &fb]);
    let m = Blend::default();
    let mut g = c.benchmark_group("similarity");
    g.throughput(Throughput::Elements(1));
    g.bench_function("paraphrase pair", |bench| {
        bench.iter(|| m.score(black_box(&fa.sentences[0]), black_box(&fb.sentences[0]), &w))
    });
    g.bench_function("unrelated pair", |bench| {
        bench.iter(|| m.score(black_box(&fa.sentences[0]), black_box(&fb.sentences[1]), &w))
    });
    g.finish();
}

fn alignment(c: &mut Criterion) {
    for k in [300, 3000] {
        let Some((a, b)) = pair(k) else {
            continue;
        };
        let sentences = (a.sentences.len() + b.sentences.len()) as u64;
        let mut g = c.benchmark_group(format!("align K={k}"));
        g.sample_size(10);
        g.throughput(Throughput::Elements(sentences));
        g.bench_function("features", |bench| {
            bench.iter(|| (Features::of(black_box(&a)), Features::of(black_box(&b))))
        });
        let (fa, fb) = (Features::of(&a), Features::of(&b));
        let opts = AlignOptions::default();
        g.bench_function("align", |bench| {
            bench.iter(|| align(black_box(&fa), black_box(&fb), &opts))
        });
        let copts = wirediff::CompareOptions::default();
        g.bench_function("compare", |bench| {
            bench.iter(|| wirediff::compare(black_box(&a), black_box(&b), &copts))
        });
        g.finish();
    }
}

criterion_group!(benches, similarity_kernel, alignment);
criterion_main!(benches);
