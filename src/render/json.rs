//! The JSON contract, version 1.
//!
//! `sentences` and `quotes` print `{"version": 1, "articles": [...]}`; each
//! article is an object with these fields:
//!
//! - `path`: where it was read from (a file, `FILE.jsonl#id`, or `-`);
//! - `id`, `source` (or null), `title`, `authors` (list), `dateline`, `url`,
//!   `published` (each a string or null);
//! - `text`: the body text; every `start`/`end` below is a byte offset into it;
//! - `paragraphs`: `[{start, end}]`;
//! - `sentences`: `[{text, start, end, paragraph}]`, `text == text[start..end]`;
//! - `quotes`: `[{text, start, end, sentence, speaker, cue, kind}]`, the words
//!   between the quotation marks; `speaker` is a full name or null; `kind` is
//!   `quotation` or `term` (scare quotes);
//! - `boilerplate`: `[{text, start, end, kind}]`, non-story text (`byline`,
//!   `dateline`, `copyright`, `comments`, `photo-credit`, `image`, `caption`,
//!   `trailer`, `related`).
//!
//! `compare` adds `alignments`, `quote_matches`, `unmatched`,
//! `unmatched_quotes` and `summary`; each alignment is `{a, b, score, kind,
//! moved, diff}`, `moved` true when B tells it out of A's order;
//! `discrepancies` lists the facts the two state differently
//! (`render::discrepancies`).
//! `compare` of three articles or more writes `articles`, `groups`,
//! `quote_groups`, `exclusive`, `discrepancies` and `summary` instead
//! ([`collation`]).
//! docs/contract.md gives every field.
//!
//! Fields may be added; none is renamed or removed without raising `version`.

use crate::{Document, QuoteKind, Span};
use serde::Serialize;
use std::io::{self, Write};

/// The version of the JSON contract written here.
pub const VERSION: u32 = 1;

/// An article as the JSON contract shows it.
#[derive(Serialize)]
pub struct ArticleJson<'a> {
    path: &'a str,
    id: &'a str,
    source: Option<&'a str>,
    title: &'a str,
    authors: &'a [String],
    dateline: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<&'a str>,
    text: &'a str,
    paragraphs: &'a [Span],
    sentences: Vec<SentenceJson<'a>>,
    quotes: Vec<QuoteJson<'a>>,
    boilerplate: Vec<BoilerplateJson<'a>>,
}

#[derive(Serialize)]
struct SentenceJson<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    paragraph: usize,
}

#[derive(Serialize)]
struct QuoteJson<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    sentence: usize,
    speaker: Option<&'a str>,
    cue: Option<&'a str>,
    kind: QuoteKind,
}

#[derive(Serialize)]
struct BoilerplateJson<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    kind: crate::BoilerplateKind,
}

impl<'a> ArticleJson<'a> {
    /// The JSON view of one analyzed article.
    pub fn new(d: &'a Document) -> ArticleJson<'a> {
        let a = &d.article;
        let t = a.text.as_str();
        ArticleJson {
            path: &a.path,
            id: &a.id,
            source: a.source.as_deref(),
            title: &a.title,
            authors: &a.authors,
            dateline: a.dateline.as_deref(),
            url: a.url.as_deref(),
            published: a.published.as_deref(),
            text: t,
            paragraphs: &a.paragraphs,
            sentences: d
                .sentences
                .iter()
                .map(|s| SentenceJson {
                    text: s.span.slice(t),
                    start: s.span.start,
                    end: s.span.end,
                    paragraph: s.paragraph,
                })
                .collect(),
            quotes: d
                .quotes
                .iter()
                .map(|q| QuoteJson {
                    text: q.span.slice(t),
                    start: q.span.start,
                    end: q.span.end,
                    sentence: q.sentence,
                    speaker: q.speaker.as_deref(),
                    cue: q.cue.as_deref(),
                    kind: q.kind,
                })
                .collect(),
            boilerplate: a
                .boilerplate
                .iter()
                .map(|b| BoilerplateJson {
                    text: b.span.slice(t),
                    start: b.span.start,
                    end: b.span.end,
                    kind: b.kind,
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct ArticlesJson<'a> {
    version: u32,
    articles: Vec<ArticleJson<'a>>,
}

/// Writes `{"version": 1, "articles": [...]}` followed by a newline.
pub fn articles(docs: &[Document], out: &mut dyn Write) -> io::Result<()> {
    let value = ArticlesJson {
        version: VERSION,
        articles: docs.iter().map(ArticleJson::new).collect(),
    };
    // Serialized into one buffer and written once: through `dyn Write`
    // every small piece of JSON (a quote, a key) would be a call of its own.
    let size: usize = docs.iter().map(|d| d.article.text.len()).sum();
    let mut buf = Vec::with_capacity(3 * size + 1024);
    serde_json::to_writer(&mut buf, &value)?;
    buf.push(b'\n');
    out.write_all(&buf)
}

#[derive(Serialize)]
struct ComparisonJson<'a> {
    version: u32,
    articles: [ArticleJson<'a>; 2],
    alignments: &'a [crate::Alignment],
    quote_matches: &'a [crate::quotes::QuoteMatch],
    unmatched: &'a crate::Pair<Vec<usize>>,
    unmatched_quotes: &'a crate::Pair<Vec<usize>>,
    summary: &'a crate::Summary,
    discrepancies: Vec<super::discrepancies::DiscrepancyJson<'a>>,
}

/// Writes the comparison of two articles as one JSON object (the v1
/// contract of docs/contract.md) followed by a newline.
pub fn comparison(
    docs: &crate::Pair<Document>,
    c: &crate::Comparison,
    out: &mut dyn Write,
) -> io::Result<()> {
    let value = ComparisonJson {
        version: VERSION,
        articles: [ArticleJson::new(&docs.a), ArticleJson::new(&docs.b)],
        alignments: &c.alignments,
        quote_matches: &c.quote_matches,
        unmatched: &c.unmatched,
        unmatched_quotes: &c.unmatched_quotes,
        summary: &c.summary,
        discrepancies: super::discrepancies::json(docs, c),
    };
    serde_json::to_writer(&mut *out, &value)?;
    writeln!(out)
}

#[derive(Serialize)]
struct CollationJson<'a> {
    version: u32,
    articles: Vec<ArticleJson<'a>>,
    groups: &'a [crate::nway::Group],
    quote_groups: &'a [crate::nway::QuoteGroup],
    exclusive: &'a [Vec<usize>],
    summary: &'a crate::nway::CollationSummary,
    discrepancies: Vec<super::discrepancies::DiscrepancyJson<'a>>,
}

/// Writes the comparison of three or more articles as one JSON object
/// (docs/contract.md) followed by a newline.
pub fn collation(docs: &[Document], c: &crate::Collation, out: &mut dyn Write) -> io::Result<()> {
    let value = CollationJson {
        version: VERSION,
        articles: docs.iter().map(ArticleJson::new).collect(),
        groups: &c.groups,
        quote_groups: &c.quote_groups,
        exclusive: &c.exclusive,
        summary: &c.summary,
        discrepancies: super::discrepancies::json_many(docs, &c.discrepancies),
    };
    serde_json::to_writer(&mut *out, &value)?;
    writeln!(out)
}
