//! wirediff compares news reports of the same event.
//!
//! The pipeline runs one way, each stage a module with plain data in and out:
//! [`article`] reads bytes into an [`Article`] (title, source, authors, body
//! text, paragraphs and boilerplate spans); [`segment`] splits the story text
//! into [`Sentence`]s; [`quotes`] finds each [`Quote`] and its speaker. Every
//! span is a byte range into `Article::text`, so each stage can point back at
//! the original words. [`Document`] holds one article's results; the `render`
//! module writes them out.

#![warn(missing_docs)]

pub mod align;
pub mod article;
pub mod compare;
pub mod corpus;
pub mod diff;
pub mod discrepancy;
pub mod error;
pub mod facts;
pub mod lexicon;
pub mod nway;
pub mod quotes;
pub mod render;
pub mod segment;
pub mod similarity;
pub mod span;
#[cfg(test)]
pub(crate) mod testing;
pub mod text;

pub use article::{Article, Boilerplate, BoilerplateKind, Input, Loaded};
pub use compare::{
    compare, AlignKind, Alignment, CompareOptions, Comparison, ReadingItem, Summary,
};
pub use error::{Error, Result};
pub use nway::{collate, Collation};
pub use quotes::{Quote, QuoteKind};
pub use segment::Sentence;
pub use span::{Pair, Side, Span};

use serde::Serialize;

/// One article with what the single-article stages found in it.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The article as read.
    pub article: Article,
    /// Its story sentences, in text order.
    pub sentences: Vec<Sentence>,
    /// Its quotations, in text order.
    pub quotes: Vec<Quote>,
}

impl Document {
    /// Runs segmentation and quote extraction on an article.
    pub fn analyze(article: Article) -> Document {
        let sentences = segment::sentences(&article);
        let quotes = quotes::extract(&article, &sentences);
        Document {
            article,
            sentences,
            quotes,
        }
    }

    /// Runs segmentation only (no quotes), for callers that need sentences alone.
    pub fn segmented(article: Article) -> Document {
        let sentences = segment::sentences(&article);
        Document {
            article,
            sentences,
            quotes: Vec::new(),
        }
    }

    /// The text of sentence `i` (empty when there is no such sentence).
    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences
            .get(i)
            .and_then(|s| self.article.text.get(s.span.start..s.span.end))
            .unwrap_or("")
    }
}
