//! The dedup building blocks, for jobs that spread `wirediff dedup` over
//! many machines (`wirediff.spark`). Each is a call into the same core
//! functions the CLI's `Deduper` uses, so every decision is the core's:
//! signing a JSONL line, the index tags of an article's keys (sentence
//! pairs, rare salient terms, rare headline words, event keys), and the
//! verification of a candidate pair. What `Deduper` keeps as state (input
//! positions, document frequencies per chunk, capped chains, twins) the job
//! rebuilds from these and passes back in.

use std::path::Path;
use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use wirediff::corpus::cluster::Clusters;
use wirediff::corpus::signature::{self as core_signature, Sketch};
use wirediff::corpus::stream::{self, Item, Parsed};
use wirediff::corpus::verify::{self as core_verify, Rarity as CoreRarity};
use wirediff::corpus::{candidates, codec, df_words, PairRecord, Relation};

/// Word-bucket document frequencies and the article count they were taken
/// over: the core's word rarity as known at the end of one chunk.
#[pyclass(frozen, module = "wirediff._native")]
pub struct Rarity {
    df: Vec<u32>,
    docs: usize,
}

impl Rarity {
    fn core(&self) -> CoreRarity<'_> {
        CoreRarity::new(&self.df, self.docs)
    }
}

#[pymethods]
impl Rarity {
    /// `df`: 65,536 little-endian u32 counts, one per word bucket.
    #[new]
    fn new(df: &[u8], docs: usize) -> PyResult<Rarity> {
        if df.len() != 4 << 16 {
            return Err(PyValueError::new_err(format!(
                "document frequencies: {} bytes, expected {}",
                df.len(),
                4 << 16
            )));
        }
        let df = df
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Ok(Rarity { df, docs })
    }
}

/// What signing one JSONL line gave: the article's id, its signature
/// (the core's codec record: [`sign`]), its content hash (0 for an
/// empty story; equal for identical articles) and the word buckets it adds
/// to the document frequencies (little-endian u16s).
type SignedLine = (String, Py<PyBytes>, u64, Py<PyBytes>);

/// Parses and signs one JSONL line as `wirediff dedup` does (`path` and
/// `stem` name the input, `line` is 1-based). A bad record gives its error
/// message (a `str`) instead, as the CLI reports it; a blank line `None`.
#[pyfunction]
fn sign_line(
    py: Python<'_>,
    path: &str,
    stem: &str,
    line: usize,
    data: Vec<u8>,
) -> PyResult<Option<Py<PyAny>>> {
    let item = Item::Line {
        path: Arc::from(Path::new(path)),
        stem: Arc::from(stem),
        line,
        bytes: data,
    };
    let out = py.detach(move || {
        for p in stream::parse(item) {
            match p {
                Parsed::Article { article, .. } => {
                    let sig = core_signature::signature(&article);
                    let view = sig.sketch.view();
                    let mut words: Vec<u8> = Vec::new();
                    df_words(&sig.story_words, view, |w| {
                        words.extend(w.to_le_bytes());
                    });
                    let content = view.content();
                    let time = article
                        .published
                        .as_deref()
                        .and_then(codec::published_seconds);
                    let rec = codec::Record::from_signature(
                        article.id.clone(),
                        article.source.clone(),
                        time,
                        sig,
                    );
                    return Some(Ok((rec.id.clone(), codec::encode(&rec), content, words)));
                }
                Parsed::Problem(e) => return Some(Err(e.to_string())),
                Parsed::Warning(_) => {}
            }
        }
        None
    });
    let Some(r) = out else { return Ok(None) };
    let obj = match r {
        Ok((id, rec, content, words)) => {
            let signed: SignedLine = (
                id,
                PyBytes::new(py, &rec).unbind(),
                content,
                PyBytes::new(py, &words).unbind(),
            );
            signed.into_pyobject(py)?.into_any().unbind()
        }
        Err(message) => message.into_pyobject(py)?.into_any().unbind(),
    };
    Ok(Some(obj))
}

/// Reads a signature made by [`sign`].
fn decode(bytes: &[u8]) -> PyResult<codec::Record> {
    codec::decode(bytes).map_err(|e| PyValueError::new_err(format!("signature: {e}")))
}

/// The signature of an article (a `str`, `bytes` or a dict with the JSONL
/// fields, as for `compare`): compact bytes (the core's versioned codec
/// record, about 500 bytes a news article) holding what dedup needs of it,
/// without the text.
#[pyfunction(name = "signature")]
#[pyo3(signature = (article, name = "article"))]
fn sign(py: Python<'_>, article: &Bound<'_, PyAny>, name: &str) -> PyResult<Py<PyBytes>> {
    let g = crate::given(py, article, name)?;
    let name = name.to_owned();
    let bytes = py
        .detach(move || {
            let a = crate::read(g, &name)?;
            let time = a.published.as_deref().and_then(codec::published_seconds);
            Ok::<_, String>(codec::encode(&codec::Record::of(&a, time)))
        })
        .map_err(PyValueError::new_err)?;
    Ok(PyBytes::new(py, &bytes).unbind())
}

/// The sentence-pair keys of a signature: the candidate keys the CLI's
/// index lists the article under (two articles sharing one are verified).
/// The story keys (rare names and headline words, event keys) depend on
/// the corpus's word rarity: see `index_tags`.
#[pyfunction]
fn keys(signature: &[u8]) -> PyResult<Vec<u64>> {
    Ok(decode(signature)?.keys)
}

/// How two signed articles are related, `earlier` first, as `wirediff
/// dedup` would report them: the JSONL fields but `cluster` (`a`, `b`,
/// `relation`, `score`, coverages, shared sentences and quotes, `event`),
/// or `None`. Word rarity (for same-story) is the given corpus's, else
/// that of the two articles alone.
#[pyfunction(name = "verify")]
#[pyo3(signature = (earlier, later, rarity = None))]
fn verify_signed(
    py: Python<'_>,
    earlier: &[u8],
    later: &[u8],
    rarity: Option<&Rarity>,
) -> PyResult<Option<Py<PyAny>>> {
    let (a, b) = (decode(earlier)?, decode(later)?);
    let own = match rarity {
        Some(_) => None,
        None => {
            let mut df = vec![0u32; 1 << 16];
            for r in [&a, &b] {
                df_words(&r.view().story_words(), r.view(), |w| {
                    df[usize::from(w)] += 1
                });
            }
            Some(Rarity { df, docs: 2 })
        }
    };
    let Some(r) = rarity.or(own.as_ref()) else {
        return Ok(None);
    };
    let json = py.detach(|| {
        let v = core_verify::verify(a.view(), b.view(), &r.core())?;
        let rec = PairRecord::new(&a.id, &b.id, &v, 0, [a.source.clone(), b.source.clone()]);
        let mut value = serde_json::to_value(&rec).ok()?;
        value.as_object_mut()?.remove("cluster");
        Some(value.to_string())
    });
    match json {
        None => Ok(None),
        Some(text) => Ok(Some(
            py.import("json")?.call_method1("loads", (text,))?.unbind(),
        )),
    }
}

/// The index tags of an article's keys in the order the CLI inserts them,
/// and how many of each route: `(tags, keys, salient)`. The first `keys`
/// are its sentence-pair keys (chains capped at `POSTING_CAP`), then
/// `salient` rare salient terms, then its rare headline words and event
/// keys (all these capped at `STORY_POSTING_CAP`).
#[pyfunction]
fn index_tags(signature: &[u8], rarity: &Rarity) -> PyResult<(Vec<u32>, usize, usize)> {
    let rec = decode(signature)?;
    let sk = rec.view();
    let r = rarity.core();
    let salient = sk.salient();
    let mut story: Vec<u64> = candidates::story_keys(sk.title(), &salient, &r).collect();
    candidates::event_keys(&sk.event(), &mut story);
    let n_salient = salient.iter().filter(|&&t| r.is_rare(t)).count();
    let tags = rec
        .keys
        .iter()
        .chain(&story)
        .map(|&k| candidates::tag(k))
        .collect();
    Ok((tags, rec.keys.len(), n_salient))
}

/// The caps of the index's chains: (sentence-pair keys, story keys).
#[pyfunction]
fn posting_caps() -> (usize, usize) {
    (candidates::POSTING_CAP, wirediff::corpus::STORY_POSTING_CAP)
}

/// Verifies candidate pair (`earlier`, `later`) on their sketch records as
/// the CLI does and gives its JSONL fields (`cluster` left 0), or `None`
/// when they are not related. A pair found only by the story routes
/// (`story_only`) is checked first as the CLI's story candidates are: its
/// shared rare salient terms spread over two paragraphs of each
/// (`salient_hit`: it shares enough of them), or a rare headline word
/// (`title_hit`) with two story sentences on each side.
#[pyfunction]
#[pyo3(signature = (earlier, later, rarity, story_only=false, salient_hit=false, title_hit=false))]
fn verify_pair(
    py: Python<'_>,
    earlier: &[u8],
    later: &[u8],
    rarity: &Rarity,
    story_only: bool,
    salient_hit: bool,
    title_hit: bool,
) -> PyResult<Option<Py<PyAny>>> {
    let (ry, rx) = (decode(earlier)?, decode(later)?);
    let json = py.detach(|| {
        let (sy, sx) = (ry.view(), rx.view());
        let r = rarity.core();
        let v = if story_only {
            let long = |s: Sketch| s.len() >= wirediff::corpus::STORY_MIN_SENTENCES;
            let by_names = salient_hit && candidates::spread_of(sx, sy, &r);
            let by_title = title_hit && long(sx) && long(sy);
            if !(by_names || by_title) {
                return None;
            }
            core_verify::verify_story(sy, sx, &r)
        } else {
            core_verify::verify(sy, sx, &r)
        }?;
        serde_json::to_string(&PairRecord::new(&ry.id, &rx.id, &v, 0, [None, None])).ok()
    });
    match json {
        None => Ok(None),
        Some(text) => Ok(Some(
            py.import("json")?.call_method1("loads", (text,))?.unbind(),
        )),
    }
}

/// The `cluster` field of each pair as the CLI writes it: the earliest
/// article of the pair's cluster at its relation level as known when the
/// line is written. `pairs` are (earlier, later, relation) by input
/// position, in the CLI's output order; the core's `Clusters` replays them.
#[pyfunction]
fn clusters_as_written(py: Python<'_>, pairs: Vec<(u32, u32, String)>) -> PyResult<Vec<u32>> {
    let mut rels = Vec::with_capacity(pairs.len());
    for (y, x, r) in &pairs {
        let r = Relation::parse(r)
            .ok_or_else(|| PyValueError::new_err(format!("unknown relation `{r}`")))?;
        rels.push((*y, *x, r));
    }
    Ok(py.detach(move || {
        let n = rels
            .iter()
            .map(|&(y, x, _)| y.max(x) as usize + 1)
            .max()
            .unwrap_or(0);
        let mut c = Clusters::default();
        c.grow(n);
        rels.into_iter().map(|(y, x, r)| c.add(y, x, r)).collect()
    }))
}

/// Records the CLI reads at a time (word rarity is per chunk).
#[pyfunction]
fn chunk_size() -> usize {
    wirediff::corpus::CHUNK
}

/// Identical articles past this many pair with their group's first only.
#[pyfunction]
fn twin_expand() -> usize {
    wirediff::corpus::TWIN_EXPAND
}

/// Rare salient terms two articles must share for the names route.
#[pyfunction]
fn story_min_shared() -> usize {
    wirediff::corpus::STORY_MIN_SHARED
}

/// What records without an id read from `path` are named after.
#[pyfunction]
fn derive_id(path: &str) -> String {
    wirediff::article::derive_id(Path::new(path))
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    for f in [
        wrap_pyfunction!(chunk_size, m)?,
        wrap_pyfunction!(twin_expand, m)?,
        wrap_pyfunction!(story_min_shared, m)?,
        wrap_pyfunction!(derive_id, m)?,
        wrap_pyfunction!(clusters_as_written, m)?,
    ] {
        m.add_function(f)?;
    }
    m.add_class::<Rarity>()?;
    m.add_function(wrap_pyfunction!(sign_line, m)?)?;
    m.add_function(wrap_pyfunction!(index_tags, m)?)?;
    m.add_function(wrap_pyfunction!(posting_caps, m)?)?;
    m.add_function(wrap_pyfunction!(verify_pair, m)?)?;
    m.add_function(wrap_pyfunction!(sign, m)?)?;
    m.add_function(wrap_pyfunction!(keys, m)?)?;
    m.add_function(wrap_pyfunction!(verify_signed, m)?)?;
    Ok(())
}
