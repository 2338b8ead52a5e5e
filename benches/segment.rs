//! Segmentation throughput over real news text: the 84 PolNeAR dev articles
//! in `../shared/eval/polnear-dev/text` (skipped with a message where absent).
//!
//! `cargo bench --bench segment`; criterion reports bytes per second.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/polnear-dev/text");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("segment bench skipped: {} is absent", dir.display());
        return Vec::new();
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    if texts.is_empty() {
        return;
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let articles: Vec<wirediff::Article> = texts
        .iter()
        .map(|t| wirediff::Article {
            paragraphs: wirediff::article::paragraphs(t),
            text: t.clone(),
            ..Default::default()
        })
        .collect();

    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("split/polnear-dev", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| wirediff::segment::split(black_box(t)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("sentences/polnear-dev", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| wirediff::segment::sentences(black_box(a)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
