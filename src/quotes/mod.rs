//! Quotations: extraction, speaker attribution and cross-source matching.
//!
//! Three steps, each in its own module: `marks` finds the stretches between
//! quotation marks (nested, cut by attributions, continued over paragraphs,
//! never past a paragraph that does not reopen them); `speaker` reads the cue
//! and speaker from the words around each quote and resolves surnames,
//! pronouns and titles to the names the article gives; `matching` pairs the
//! quotes of two articles that report the same words and says how they differ.
//! Nothing here needs the sentence segmentation to be right: quotes and their
//! attributions are read from the text, and sentences only number them.

mod marks;
mod matching;
mod speaker;
mod words;

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

/// Longest quote, in words, that may be a term in scare quotes rather than
/// someone's words (`"rogue states"`, `"disappointing"`). News style sets
/// single words and short noun phrases in quotes; three words are usually a
/// fragment of a quotation (`"an empty threat"`).
const MAX_TERM_WORDS: usize = 2;

/// Extracts the quotes of an article whose sentences are known.
pub fn extract(article: &Article, sentences: &[Sentence]) -> Vec<Quote> {
    let text = &article.text;
    // Boilerplate (a dateline, a credit) is not story: two marks on either
    // side of it are unrelated marks, not one quotation.
    let raws: Vec<_> = marks::scan(article)
        .into_iter()
        .filter(|r| {
            let span = Span::new(r.start, r.end);
            !article.boilerplate.iter().any(|b| b.span.overlaps(&span))
        })
        .collect();
    let terms: Vec<bool> = raws.iter().map(|r| is_term(text, r)).collect();
    let attributions = speaker::attribute(article, sentences, &raws, &terms);
    raws.iter()
        .zip(terms)
        .zip(attributions)
        .map(|((r, term), a)| Quote {
            span: Span::new(r.start, r.end),
            sentence: sentences
                .partition_point(|s| s.span.start <= r.start)
                .saturating_sub(1),
            speaker: a.speaker,
            cue: a.cue,
            kind: if term {
                QuoteKind::Term
            } else {
                QuoteKind::Quotation
            },
        })
        .collect()
}

/// A term is one or two words set in quotes inside running text; the same
/// words standing as their own sentence or after a colon are a quotation.
fn is_term(text: &str, r: &marks::MarkedQuote) -> bool {
    let words = text.get(r.start..r.end).map_or(0, |s| {
        s.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    });
    if words > MAX_TERM_WORDS {
        return false;
    }
    let before = text.get(..r.open).unwrap_or("").trim_end();
    let prev = before.chars().last();
    let paragraph_start = before.is_empty()
        || text
            .get(..r.open)
            .is_some_and(|t| t.trim_end_matches([' ', '\t']).ends_with('\n'));
    !paragraph_start && !matches!(prev, None | Some('.' | '!' | '?' | ':' | '"' | '\u{201d}'))
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

/// Matches the quotes of two analyzed articles: each quote of A to the quote
/// of B that reports the same words, one to one, best pair first.
pub fn match_quotes(a: &crate::Document, b: &crate::Document) -> Vec<QuoteMatch> {
    matching::match_quotes(a, b)
}

#[cfg(test)]
mod tests;
