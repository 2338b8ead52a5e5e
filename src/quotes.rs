//! Quotation extraction and speaker attribution.
//!
//! PLACEHOLDER: finds straight and curly double-quoted stretches; the real
//! extractor replaces it.

use crate::article::Article;
use crate::segment::Sentence;
use crate::span::Span;
use serde::Serialize;

/// Whether quoted words are a quotation of someone or a term set in quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteKind {
    /// Someone's words.
    Quotation,
    /// One or two words in quotes used as a term ("scare quotes").
    Term,
}

/// One quotation in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    #[serde(flatten)]
    pub span: Span,
    /// Index of the sentence the quote starts in.
    pub sentence: usize,
    /// The speaker's full name, or `None` when the text does not say.
    pub speaker: Option<String>,
    /// The reporting verb or phrase ("said", "according to").
    pub cue: Option<String>,
    /// Quotation or term.
    pub kind: QuoteKind,
}

/// Extracts the quotes of an article whose sentences are known.
pub fn extract(article: &Article, sentences: &[Sentence]) -> Vec<Quote> {
    let text = &article.text;
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, ch) in text.char_indices() {
        match (ch, open) {
            ('"' | '“', None) => open = Some(i + ch.len_utf8()),
            ('"' | '”', Some(s)) => {
                let span = Span::new(s, i);
                let sentence = sentences.iter().position(|x| x.span.end > s).unwrap_or(0);
                let words = span.slice(text).split_whitespace().count();
                out.push(Quote {
                    span,
                    sentence,
                    speaker: None,
                    cue: None,
                    kind: if words <= 2 {
                        QuoteKind::Term
                    } else {
                        QuoteKind::Quotation
                    },
                });
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// How two wires' reports of one quote compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The same words, once case, punctuation and spelling variants are set aside.
    Verbatim,
    /// The same quote with other words, shortened or extended.
    Variant,
}

/// How a variant differs (DESIGN.md's `changes` tags).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// One side quotes less.
    Trimmed,
    /// One side quotes more.
    Extended,
    /// Words changed inside the shared part.
    Reworded,
    /// One side joins stretches the other has apart or not at all.
    Spliced,
    /// An ellipsis marks a cut.
    Elided,
    /// Spelling variants (defence/defense).
    Spelling,
    /// Punctuation differs.
    Punctuation,
}

/// A quote of article A matched to the quote of article B with the same words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteMatch {
    /// Index into A's quotes.
    pub a: usize,
    /// Index into B's quotes.
    pub b: usize,
    /// Similarity of the two quotes, in [0, 1].
    pub score: f32,
    /// Verbatim or variant.
    pub kind: MatchKind,
    /// How a variant differs; empty for verbatim.
    pub changes: Vec<Change>,
    /// False when the two wires give the words to different people.
    pub speaker_agrees: bool,
    /// Word diff from A's quote to B's.
    pub diff: Vec<crate::diff::DiffOp>,
}

/// Matches the quotes of two analyzed articles.
///
/// PLACEHOLDER: no matching yet.
pub fn match_quotes(_a: &crate::Document, _b: &crate::Document) -> Vec<QuoteMatch> {
    Vec::new()
}
