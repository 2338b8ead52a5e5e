//! Sentence segmentation with spans.
//!
//! A rule-based segmenter for English news copy, in the manner of
//! pragmatic_segmenter's Golden Rules but written as one forward scan over
//! the bytes (no regular expressions, nothing copied). Two layers:
//!
//! 1. `lines` decides which single newlines inside a paragraph are hard
//!    breaks (lists, headings, bulleted lines) and which are soft wraps.
//! 2. `scan` walks each resulting block and decides every `.`, `!`, `?`
//!    and ellipsis: abbreviations and titles (`U.S.`, `Gen.`, `a.m.`),
//!    initials, decimals and money, addresses, closing quotes and brackets
//!    (`," he said.` stays one sentence, `."` ends one), inline lists
//!    (`1) … 2) …`, `•`), and sentences with no space between them.
//!
//! Every sentence is a span of the input: trimmed, in order, disjoint, on
//! char boundaries. The hard cases and what the segmenter does with each are
//! listed in `docs/segmentation.md`.

mod headlines;
mod lines;
mod lists;
mod markup;
mod scan;
mod words;

pub(crate) use headlines::is_title_minor;

use crate::article::Article;
use crate::span::Span;
use serde::Serialize;

/// One sentence of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Where the sentence is in the article text.
    #[serde(flatten)]
    pub span: Span,
    /// Index of the paragraph it belongs to.
    pub paragraph: usize,
}

/// Splits a stretch of text into sentence spans relative to `text`.
///
/// ```
/// let text = "Sen. Smith met U.S. officials at 5 p.m. They agreed.";
/// let got: Vec<&str> = wirediff::segment::split(text)
///     .iter()
///     .map(|s| s.slice(text))
///     .collect();
/// assert_eq!(got, ["Sen. Smith met U.S. officials at 5 p.m.", "They agreed."]);
/// ```
pub fn split(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut blocks = Vec::new();
    // Markup is blanked in a copy of the same length, so every span found in
    // the copy is a span of `text` (see `markup`).
    let masked = markup::mask(text);
    let seen = masked.as_ref().map_or(text, |m| m.text.as_str());
    lines::blocks(seen, &mut blocks);
    for (start, end) in blocks {
        scan::block(seen, start, end, &mut out);
    }
    if let Some(m) = &masked {
        for s in &mut out {
            (s.start, s.end) = m.widen(s.start, s.end);
        }
    }
    out
}

/// The sentences of an article's story text (boilerplate left out), in order.
pub fn sentences(article: &Article) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (paragraph, span) in article.story_spans() {
        let piece = span.slice(&article.text);
        for s in split(piece) {
            out.push(Sentence {
                span: Span::new(span.start + s.start, span.start + s.end),
                paragraph,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
