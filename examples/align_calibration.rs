//! Offline reports the alignment constants of `src/align/` were chosen
//! from. They print figures; they assert nothing (the tests do that).
//!
//! ```text
//! cargo run --release --example align_calibration -- [REPORT] [--show]
//! ```
//!
//! REPORT is one of (all when omitted):
//! - `sweep`: precision, recall and F1 over thresholds on the ALIGN
//!   workloads (K=30, K=300);
//! - `candidates`: how many gold pairs the inverted index keeps (K=300,
//!   K=3000);
//! - `basil`: false alignments between BASIL articles about different
//!   events, per 1,000 sentences, and alignments within one event, over
//!   thresholds, without and with the priors (`--show` prints the false
//!   ones at 0.3);
//! - `priors`: what the lede and person priors raise and add on BASIL
//!   (`--show` prints the pairs raised).
//!
//! The workloads are read from `WIREDIFF_WORKLOADS` (else
//! `../bench/workloads` beside the crate; make them with
//! `../shared/bench/make_workloads.py`), BASIL from `WIREDIFF_EVAL` (else
//! `../shared/eval`).

use std::path::PathBuf;
use wirediff::align::{align, candidate_pairs, raised_priors, AlignKind, AlignOptions, Prior};
use wirediff::similarity::{Blend, Similarity, Weights};
use wirediff::text::Features;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--show");
    let report = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(String::as_str);
    match report {
        None => {
            sweep();
            candidates();
            basil_sweep(show);
            priors(show);
        }
        Some("sweep") => sweep(),
        Some("candidates") => candidates(),
        Some("basil") => basil_sweep(show),
        Some("priors") => priors(show),
        Some(other) => {
            eprintln!(
                "align_calibration: unknown report {other:?} (sweep, candidates, basil, priors)"
            );
            std::process::exit(2);
        }
    }
}

/// The workloads folder: `WIREDIFF_WORKLOADS`, else `../bench/workloads`
/// beside the crate.
fn workloads() -> PathBuf {
    std::env::var_os("WIREDIFF_WORKLOADS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../bench/workloads"))
}

/// One ALIGN workload pair: both sides' features (of the gold units) and
/// the gold sentence pairs.
struct Case {
    a: Features,
    b: Features,
    gold: Vec<(usize, usize)>,
}

fn cases(k: usize) -> Vec<Case> {
    let dir = workloads().join(format!("align/k{k}"));
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return out;
    };
    let mut dirs: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    dirs.sort();
    for d in dirs {
        let Ok(text) = std::fs::read_to_string(d.join("gold.json")) else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        let list = |key: &str| -> Vec<String> {
            v[key]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default()
        };
        let (sa, sb) = (list("a_sentences"), list("b_sentences"));
        let ra: Vec<&str> = sa.iter().map(String::as_str).collect();
        let rb: Vec<&str> = sb.iter().map(String::as_str).collect();
        let gold = v["pairs"]
            .as_array()
            .map(|ps| {
                ps.iter()
                    .filter_map(|p| Some((p[0].as_u64()? as usize, p[1].as_u64()? as usize)))
                    .collect()
            })
            .unwrap_or_default();
        out.push(Case {
            a: Features::from_sentences(&ra),
            b: Features::from_sentences(&rb),
            gold,
        });
    }
    out
}

fn f1(cases: &[Case], opts: &AlignOptions) -> (f32, f32, f32) {
    let (mut tp, mut made, mut gold) = (0usize, 0usize, 0usize);
    for c in cases {
        let got: Vec<(usize, usize)> = align(&c.a, &c.b, opts)
            .into_iter()
            .flat_map(|g| {
                let b = g.b.clone();
                g.a.into_iter()
                    .flat_map(move |i| b.clone().into_iter().map(move |j| (i, j)))
            })
            .collect();
        made += got.len();
        gold += c.gold.len();
        tp += got.iter().filter(|p| c.gold.contains(p)).count();
    }
    let p = tp as f32 / made.max(1) as f32;
    let r = tp as f32 / gold.max(1) as f32;
    (p, r, 2.0 * p * r / (p + r).max(1e-9))
}

/// BASIL's articles and each one's features, or None (said) when absent.
fn basil_features() -> Option<(Vec<Article>, Vec<Features>)> {
    let arts = basil();
    if arts.is_empty() {
        println!("no BASIL articles");
        return None;
    }
    let feats = arts
        .iter()
        .map(|(_, s)| {
            let r: Vec<&str> = s.iter().map(String::as_str).collect();
            Features::from_sentences(&r)
        })
        .collect();
    Some((arts, feats))
}

/// Pairs of articles about different events: article k against the next
/// event's article from the next outlet (3 outlets per event, in order).
fn different_events(n: usize) -> Vec<(usize, usize)> {
    (0..n).map(|k| (k, (k + 4) % n)).collect()
}

/// An article as its event and its sentences.
type Article = (String, Vec<String>);

/// BASIL articles (`basil/articles.jsonl`): 100 events told by 3 outlets
/// each, as (event, sentences).
fn basil() -> Vec<Article> {
    let path = std::env::var_os("WIREDIFF_EVAL")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval"))
        .join("basil/articles.jsonl");
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let body = v["body"].as_str().unwrap_or("").to_string();
            let sents = body
                .split("\n\n")
                .flat_map(|p| {
                    wirediff::segment::split(p)
                        .into_iter()
                        .map(|s| s.slice(p).to_string())
                        .collect::<Vec<_>>()
                })
                // Fragments cut by a naive segmenter ("Mr.") say nothing
                // about the measure.
                .filter(|s: &String| s.split_whitespace().count() >= 5)
                .collect();
            (v["event"].as_str().unwrap_or("").to_string(), sents)
        })
        .collect()
}

/// The null distribution the thresholds were chosen from: alignments made
/// between articles about *different* events (all false), per 1,000
/// sentences, and, as a rough view of recall, alignments made between two
/// outlets' articles about the same event.
fn basil_sweep(show: bool) {
    let Some((arts, feats)) = basil_features() else {
        return;
    };
    let n = arts.len();
    let null = different_events(n);
    // Same event: the first two outlets.
    let same: Vec<(usize, usize)> = (0..n).step_by(3).map(|k| (k, k + 1)).collect();
    if !same.iter().all(|&(x, y)| arts[x].0 == arts[y].0)
        || !null.iter().all(|&(x, y)| arts[x].0 != arts[y].0)
    {
        println!("BASIL is not in event order (3 outlets per event): no report");
        return;
    }
    let sentences: usize = null.iter().map(|&(x, _)| feats[x].len()).sum();
    println!(
        "null pairs {} ({} sentences), same-event pairs {}",
        null.len(),
        sentences,
        same.len()
    );
    if show {
        let opts = AlignOptions {
            threshold: 0.3,
            mutual_threshold: 0.3,
            ..AlignOptions::default()
        };
        for &(x, y) in &null {
            for g in align(&feats[x], &feats[y], &opts) {
                println!(
                    "{:.3} {:?}\n   A {}\n   B {}",
                    g.score, g.kind, arts[x].1[g.a[0]], arts[y].1[g.b[0]]
                );
            }
        }
    }
    let merged = |pairs: &[(usize, usize)]| -> usize {
        pairs
            .iter()
            .flat_map(|&(x, y)| align(&feats[x], &feats[y], &AlignOptions::default()))
            .filter(|g| g.kind == AlignKind::Merged)
            .count()
    };
    println!(
        "merged groups at the defaults: {} between different events, {} within one",
        merged(&null),
        merged(&same)
    );
    println!(
        "threshold mutual  false/1000 sentences  same-event alignments  (without / with the priors)"
    );
    for t in [0.25, 0.3, 0.35, 0.4, 0.45, 0.5] {
        for m in [0.15, 0.2, 0.25, 0.3, 0.35] {
            if m > t {
                continue;
            }
            let count = |pairs: &[(usize, usize)], priors: bool| -> usize {
                let opts = AlignOptions {
                    threshold: t,
                    mutual_threshold: m,
                    lede_prior: priors,
                    person_prior: priors,
                    ..AlignOptions::default()
                };
                pairs
                    .iter()
                    .map(|&(x, y)| align(&feats[x], &feats[y], &opts).len())
                    .sum()
            };
            let f = |priors| count(&null, priors) as f32 * 1000.0 / sentences as f32;
            println!(
                "  {t:.2} {m:.2}  {:6.2} / {:6.2}  {} / {}",
                f(false),
                f(true),
                count(&same, false),
                count(&same, true)
            );
        }
    }
}

/// What the two priors do on the BASIL articles: how many pairs each raises
/// and how many alignments it adds, between articles about different events
/// (all false) and between two outlets' articles about one event.
fn priors(show: bool) {
    let Some((arts, feats)) = basil_features() else {
        return;
    };
    let n = arts.len();
    let null = different_events(n);
    // Every pair of outlets of each event.
    let same: Vec<(usize, usize)> = (0..n)
        .step_by(3)
        .flat_map(|k| [(k, k + 1), (k, k + 2), (k + 1, k + 2)])
        .filter(|&(_, y)| y < n)
        .collect();
    let off = AlignOptions {
        lede_prior: false,
        person_prior: false,
        ..AlignOptions::default()
    };
    for (label, pairs) in [("different events", &null), ("same event", &same)] {
        let (mut ledes, mut persons) = (0, 0);
        let mut lede_max = 0.0f32;
        let (mut before, mut after, mut lede_aligned, mut person_aligned) = (0, 0, 0, 0);
        for &(x, y) in pairs {
            let (fa, fb) = (&feats[x].sentences, &feats[y].sentences);
            let w = Weights::new(&[&feats[x], &feats[y]]);
            let raised = raised_priors(&feats[x], &feats[y]);
            let got = align(&feats[x], &feats[y], &AlignOptions::default());
            before += align(&feats[x], &feats[y], &off).len();
            after += got.len();
            for &(i, j, kind) in &raised {
                let raw = Blend::default().score(&fa[i], &fb[j], &w);
                let made = got.iter().any(|g| g.a.contains(&i) && g.b.contains(&j));
                match kind {
                    Prior::Lede => {
                        ledes += 1;
                        lede_max = lede_max.max(raw);
                        lede_aligned += usize::from(made);
                    }
                    Prior::Person => {
                        persons += 1;
                        person_aligned += usize::from(made);
                    }
                }
                if show {
                    println!(
                        "{label} {kind:?} raw {raw:.3} aligned {made}\n   A {}\n   B {}",
                        arts[x].1[i], arts[y].1[j]
                    );
                }
            }
        }
        println!(
            "{label}: {} article pairs; lede pairs raised {ledes} (highest word score {lede_max:.3}), aligned {lede_aligned}; \
             person pairs raised {persons}, aligned {person_aligned}; alignments {before} without the priors, {after} with",
            pairs.len()
        );
    }
}

/// How many gold pairs the inverted index keeps as candidates (the pruning
/// must not lose true pairs).
fn candidates() {
    for k in [300, 3000] {
        let (mut kept, mut total, mut pairs) = (0, 0, 0);
        for c in cases(k) {
            let cand = candidate_pairs(&c.a, &c.b);
            pairs += cand.len();
            total += c.gold.len();
            kept += c
                .gold
                .iter()
                .filter(|p| cand.binary_search(p).is_ok())
                .count();
        }
        println!("K={k}: {kept}/{total} gold pairs among {pairs} candidates");
    }
}

/// The threshold sweep the constants were chosen from.
fn sweep() {
    for k in [30, 300] {
        let cases = cases(k);
        if cases.is_empty() {
            println!("no workloads at {}", workloads().display());
            return;
        }
        println!("K={k}: threshold mutual  P R F1");
        for t in [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6] {
            for m in [0.1, 0.15, 0.2, 0.25, 0.3, 0.35] {
                if m > t {
                    continue;
                }
                let opts = AlignOptions {
                    threshold: t,
                    mutual_threshold: m,
                    ..AlignOptions::default()
                };
                let (p, r, f) = f1(&cases, &opts);
                println!("  {t:.2} {m:.2}  {p:.3} {r:.3} {f:.3}");
            }
        }
    }
}
