//! Criterion benchmarks of the corpus stage: signatures, the candidate
//! index, and whole chunks through `Deduper::push` as the corpus grows.
//!
//! The corpus is synthetic and deterministic (a fixed-seed generator of
//! pseudo-words, sentences and paragraphs, with planted near-copies), built
//! outside the timed closures, so runs compare like with like.
//!
//!     cargo bench --bench dedup

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use wirediff::article::article_from_text;
use wirediff::corpus::candidates::{Index, Job, POSTING_CAP};
use wirediff::corpus::signature::signature;
use wirediff::corpus::stream::Item;
use wirediff::corpus::{DedupOptions, Deduper};
use wirediff::Article;

/// A small linear congruential generator: the same corpus on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ren", "sta", "vor", "de", "lin", "qua", "tor", "ba", "nes", "pri", "gul",
    "om", "fe", "ras", "tel", "un", "ci",
];

fn word(rng: &mut Lcg) -> String {
    let n = 1 + rng.below(3);
    (0..n)
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len() as u64) as usize])
        .collect()
}

fn sentence(rng: &mut Lcg) -> String {
    let n = 8 + rng.below(18);
    let mut words: Vec<String> = (0..n).map(|_| word(rng)).collect();
    if let Some(first) = words.first_mut() {
        let mut c = first.chars();
        if let Some(h) = c.next() {
            *first = h.to_uppercase().chain(c).collect();
        }
    }
    format!("{}.", words.join(" "))
}

fn body(rng: &mut Lcg) -> Vec<Vec<String>> {
    let paras = 4 + rng.below(5);
    (0..paras)
        .map(|_| (0..2 + rng.below(3)).map(|_| sentence(rng)).collect())
        .collect()
}

fn render(paras: &[Vec<String>]) -> String {
    paras
        .iter()
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// `n` articles: one in four a light edit of an earlier one.
fn corpus(n: usize) -> Vec<Article> {
    let mut rng = Lcg(20_240_611);
    let mut bodies: Vec<Vec<Vec<String>>> = Vec::with_capacity(n);
    for i in 0..n {
        let b = if i > 0 && rng.below(4) == 0 {
            let mut copy = bodies[rng.below(i as u64) as usize].clone();
            for p in copy.iter_mut() {
                if rng.below(5) == 0 {
                    if let Some(s) = p.first_mut() {
                        *s = sentence(&mut rng);
                    }
                }
            }
            copy
        } else {
            body(&mut rng)
        };
        bodies.push(b);
    }
    bodies
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let mut a =
                article_from_text(&format!("a{i}.txt"), &format!("Title {i}\n\n{}", render(b)))
                    .expect("article");
            a.id = format!("a{i}");
            a
        })
        .collect()
}

fn bench_signature(c: &mut Criterion) {
    let arts = corpus(200);
    let bytes: usize = arts.iter().map(|a| a.text.len()).sum();
    let mut g = c.benchmark_group("dedup/signature");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("200 articles", |b| {
        b.iter(|| arts.iter().map(|a| signature(a).keys.len()).sum::<usize>())
    });
    g.finish();
}

fn bench_candidates(c: &mut Criterion) {
    let arts = corpus(2000);
    let keys: Vec<Vec<u64>> = arts.iter().map(|a| signature(a).keys).collect();
    let mut g = c.benchmark_group("dedup/candidates");
    g.throughput(Throughput::Elements(keys.len() as u64));
    g.bench_function("insert 2000", |b| {
        b.iter(|| {
            let mut ix = Index::new();
            for (i, k) in keys.iter().enumerate() {
                ix.insert(i as u32, k);
            }
            ix
        })
    });
    // What a dedup run does: a chunk's keys through both index halves at
    // once, noting the chain heads.
    let jobs: Vec<Job> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| Job {
            article: i as u32,
            keys: k,
            cap: POSTING_CAP,
            list: true,
        })
        .collect();
    g.bench_function("insert_all 2000", |b| {
        b.iter(|| {
            let mut ix = Index::new();
            let heads = ix.insert_all(&jobs);
            (ix, heads)
        })
    });
    let mut full = Index::new();
    for (i, k) in keys.iter().enumerate() {
        full.insert(i as u32, k);
    }
    g.bench_function("query 2000", |b| {
        b.iter(|| {
            keys.iter()
                .map(|k| {
                    k.iter()
                        .map(|&key| full.postings(key).count())
                        .sum::<usize>()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

fn bench_push(c: &mut Criterion) {
    let mut g = c.benchmark_group("dedup/push");
    g.sample_size(10);
    for n in [1000usize, 4000] {
        let arts = corpus(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &arts, |b, arts| {
            b.iter_batched(
                || {
                    arts.iter()
                        .cloned()
                        .map(|a| Item::Article(Box::new(a)))
                        .collect::<Vec<_>>()
                },
                |items| {
                    let mut d = Deduper::new(DedupOptions::default());
                    let mut pairs = 0;
                    let mut items = items.into_iter().peekable();
                    while items.peek().is_some() {
                        let chunk: Vec<Item> =
                            items.by_ref().take(wirediff::corpus::CHUNK).collect();
                        pairs += d.push(chunk).pairs.len();
                    }
                    pairs
                },
                BatchSize::LargeInput,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, bench_signature, bench_candidates, bench_push);
criterion_main!(benches);
