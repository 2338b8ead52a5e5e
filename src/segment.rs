//! Sentence segmentation with spans.
//!
//! PLACEHOLDER: a minimal splitter so the pipeline runs end to end; the real
//! rule-based segmenter replaces it.

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
pub fn split(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b'!' | b'?')
            && bytes.get(i + 1).is_some_and(|c| c.is_ascii_whitespace())
        {
            push(text, &mut out, start, i + 1);
            start = i + 1;
        }
    }
    push(text, &mut out, start, text.len());
    out
}

fn push(text: &str, out: &mut Vec<Span>, start: usize, end: usize) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let t = piece.trim();
    if !t.is_empty() {
        out.push(Span::new(start + lead, start + lead + t.len()));
    }
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
