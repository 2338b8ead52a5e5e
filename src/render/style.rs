//! The reading order of a comparison shared by the terminal views (names,
//! quotes, sentence labels), and the one import path for the pieces they
//! are built from. The rule every terminal view follows: article text is
//! folded and escaped first ([`clean`]), laid out as plain text with style
//! runs beside it ([`Rich`]), wrapped by measured width ([`wrap`]), and
//! only then painted line by line ([`paint`]).

pub use super::paint::paint;
pub use super::rich::{clean, width, Change, Color, Rich, Style, DELETE_MARKS, INSERT_MARKS};
pub use super::wrap::{block, line, wrap};
use crate::Document;

/// The JSON name of a value of one of the comparison's enums (`edited`,
/// `verbatim`, `trimmed`): the views show what the JSON says, and a variant
/// added later shows up without a change here.
pub fn name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::from("?"),
    }
}

/// The words of quote `k` of a document, if it has one.
pub fn quote(d: &Document, k: usize) -> Option<&str> {
    let q = d.quotes.get(k)?;
    d.article.text.get(q.span.start..q.span.end)
}

/// Sentence numbers as people count them (from 1), e.g. `A3+4`.
pub fn label(side: &str, ids: &[usize]) -> String {
    let nums: Vec<String> = ids.iter().map(|i| (i + 1).to_string()).collect();
    format!("{side}{}", nums.join("+"))
}
