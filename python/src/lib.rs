//! Python bindings of wirediff's core (`wirediff._native`).
//!
//! Only data moves here: Python values become the library's inputs, the
//! library's JSON v1 rendering (`render::json`, the same bytes as
//! `--format json`) comes back and `json.loads` makes it plain dicts and
//! lists, so the Python answer cannot drift from the CLI's. The GIL is
//! released while Rust works; bad input raises `ValueError` naming the
//! input and the problem, never a crash.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use wirediff::article::{article_from_text, read_bytes_sniffed};
use wirediff::{render, Article, Document, Pair};

mod dedup;

/// An article as given from Python, copied out of the interpreter so the
/// GIL can be released before it is parsed.
enum Given {
    /// Plain text: the first paragraph is the headline, as in a `.txt` file.
    Text(String),
    /// A JSON record (a dict, serialised by `json.dumps`), or raw bytes
    /// read as standard input is (JSON or JSONL when it opens with `{`).
    Record(Vec<u8>),
}

/// Copies a Python article (`str`, `bytes` or a dict with the JSONL fields).
pub(crate) fn given(py: Python<'_>, value: &Bound<'_, PyAny>, name: &str) -> PyResult<Given> {
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(Given::Text(s.to_str()?.to_owned()));
    }
    if let Ok(b) = value.cast::<PyBytes>() {
        return Ok(Given::Record(b.as_bytes().to_vec()));
    }
    if value.cast::<PyDict>().is_ok() {
        let json = py.import("json")?;
        let text: String = json
            .call_method1("dumps", (value,))
            .map_err(|e| PyValueError::new_err(format!("{name}: the record is not JSON: {e}")))?
            .extract()?;
        return Ok(Given::Record(text.into_bytes()));
    }
    Err(PyTypeError::new_err(format!(
        "{name}: an article is a str (plain text), bytes or a dict with the JSONL fields, not {}",
        value.get_type().name()?
    )))
}

/// Reads one article (outside the GIL).
pub(crate) fn read(given: Given, name: &str) -> Result<Article, String> {
    match given {
        Given::Text(text) => article_from_text(name, &text).map_err(|e| e.to_string()),
        Given::Record(bytes) => {
            let mut loaded = read_bytes_sniffed(name, &bytes).map_err(|e| e.to_string())?;
            match loaded.articles.len() {
                1 => Ok(loaded.articles.remove(0)),
                0 => Err(format!("{name}: no article in the input")),
                n => Err(format!("{name}: {n} articles where one was expected")),
            }
        }
    }
}

/// Runs `work` without the GIL and turns its JSON text into Python values.
fn json_result(
    py: Python<'_>,
    work: impl FnOnce() -> Result<Vec<u8>, String> + Send,
) -> PyResult<Py<PyAny>> {
    let bytes = py.detach(work).map_err(PyValueError::new_err)?;
    let text = String::from_utf8(bytes).map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(py.import("json")?.call_method1("loads", (text,))?.unbind())
}

fn listing(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    name: &str,
    stage: fn(Article) -> Document,
) -> PyResult<Py<PyAny>> {
    let g = given(py, text, name)?;
    let name = name.to_owned();
    json_result(py, move || {
        let doc = stage(read(g, &name)?);
        let mut out = Vec::new();
        render::json::articles(&[doc], &mut out).map_err(|e| e.to_string())?;
        Ok(out)
    })
}

/// The article's story sentences: `{"version": 1, "articles": [...]}`, as
/// `wirediff sentences FILE --format json` prints it.
#[pyfunction]
#[pyo3(signature = (text, name = "text"))]
fn sentences(py: Python<'_>, text: &Bound<'_, PyAny>, name: &str) -> PyResult<Py<PyAny>> {
    listing(py, text, name, Document::segmented)
}

/// The article's sentences and quotations, as `wirediff quotes FILE
/// --format json` prints them.
#[pyfunction]
#[pyo3(signature = (text, name = "text"))]
fn quotes(py: Python<'_>, text: &Bound<'_, PyAny>, name: &str) -> PyResult<Py<PyAny>> {
    listing(py, text, name, Document::analyze)
}

/// The comparison of two articles, as `wirediff compare A B --format json`
/// prints it (the JSON v1 contract).
#[pyfunction]
#[pyo3(signature = (a, b, names = ("a".to_owned(), "b".to_owned())))]
fn compare(
    py: Python<'_>,
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    names: (String, String),
) -> PyResult<Py<PyAny>> {
    let ga = given(py, a, &names.0)?;
    let gb = given(py, b, &names.1)?;
    json_result(py, move || {
        let docs = Pair {
            a: Document::analyze(read(ga, &names.0)?),
            b: Document::analyze(read(gb, &names.1)?),
        };
        let c = wirediff::compare(&docs.a, &docs.b, &wirediff::CompareOptions::default());
        let mut out = Vec::new();
        render::json::comparison(&docs, &c, &mut out).map_err(|e| e.to_string())?;
        Ok(out)
    })
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(sentences, m)?)?;
    m.add_function(wrap_pyfunction!(quotes, m)?)?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    dedup::register(m)?;
    Ok(())
}
