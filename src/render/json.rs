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

/// Writes `{"version": 1, "articles": [...]}` followed by a newline.
pub fn articles(docs: &[Document], out: &mut dyn Write) -> io::Result<()> {
    // Serialized into one buffer and written once: through `dyn Write`
    // every small piece of JSON (a quote, a key) would be a call of its own.
    let size: usize = docs.iter().map(|d| d.article.text.len()).sum();
    let mut buf = Vec::with_capacity(3 * size + 1024);
    buf.extend_from_slice(b"{\"version\":");
    serde_json::to_writer(&mut buf, &VERSION)?;
    buf.extend_from_slice(b",\"articles\":[");
    for (i, d) in docs.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        ArticleJson::new(d).write_to(&mut buf)?;
    }
    buf.extend_from_slice(b"]}\n");
    out.write_all(&buf)
}

impl ArticleJson<'_> {
    /// The article as `serde_json::to_writer` writes it, byte for byte
    /// (test `articles_written_by_hand_as_serde_json_writes_them`), with the
    /// body and the sentences, nearly all of the bytes, escaped sixteen
    /// bytes at a time: serde_json's byte-by-byte escaping was most of a
    /// `sentences --format json` run's JSON cost.
    fn write_to(&self, buf: &mut Vec<u8>) -> io::Result<()> {
        keyed_strings(
            buf,
            [
                ("{\"path\":", Some(self.path)),
                (",\"id\":", Some(self.id)),
                (",\"source\":", self.source),
                (",\"title\":", Some(self.title)),
            ],
        );
        buf.extend_from_slice(b",\"authors\":");
        serde_json::to_writer(&mut *buf, self.authors)?;
        keyed_strings(
            buf,
            [
                (",\"dateline\":", self.dateline),
                (",\"url\":", self.url),
                (",\"published\":", self.published),
                (",\"text\":", Some(self.text)),
            ],
        );
        buf.extend_from_slice(b",\"paragraphs\":");
        serde_json::to_writer(&mut *buf, self.paragraphs)?;
        buf.extend_from_slice(b",\"sentences\":[");
        let mut number = itoa::Buffer::new();
        for (i, s) in self.sentences.iter().enumerate() {
            if i > 0 {
                buf.push(b',');
            }
            buf.extend_from_slice(b"{\"text\":");
            escaped(buf, s.text);
            for (key, n) in [
                (&b",\"start\":"[..], s.start),
                (b",\"end\":", s.end),
                (b",\"paragraph\":", s.paragraph),
            ] {
                buf.extend_from_slice(key);
                buf.extend_from_slice(number.format(n).as_bytes());
            }
            buf.push(b'}');
        }
        buf.extend_from_slice(b"],\"quotes\":");
        serde_json::to_writer(&mut *buf, &self.quotes)?;
        buf.extend_from_slice(b",\"boilerplate\":");
        serde_json::to_writer(&mut *buf, &self.boilerplate)?;
        buf.push(b'}');
        Ok(())
    }
}

/// Each key (with the punctuation before it) and its string, or `null`.
fn keyed_strings<const N: usize>(buf: &mut Vec<u8>, fields: [(&str, Option<&str>); N]) {
    for (key, value) in fields {
        buf.extend_from_slice(key.as_bytes());
        match value {
            Some(s) => escaped(buf, s),
            None => buf.extend_from_slice(b"null"),
        }
    }
}

/// `s` as a JSON string, escaped as serde_json escapes it: `"` and `\\`,
/// the five short escapes of control characters, `\u00XX` for the others.
fn escaped(buf: &mut Vec<u8>, s: &str) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Non-zero when a word holds a byte below 0x20, a `"` or a `\\` (the
    // usual tests for a zero byte and for a byte below n, on each byte at
    // once; they never miss one).
    let marks = |w: u64| {
        let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
        (w.wrapping_sub(ONES * 0x20) & !w & HIGHS)
            | zero(w ^ (ONES * u64::from(b'"')))
            | zero(w ^ (ONES * u64::from(b'\\')))
    };
    let word = |b: &[u8]| u64::from_le_bytes(b.try_into().expect("eight bytes"));
    let bytes = s.as_bytes();
    buf.push(b'"');
    let mut clean = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Sixteen clean bytes at a time, then the block that holds a mark
        // (or the tail) byte by byte.
        if let Some(block) = bytes.get(i..i + 16) {
            if marks(word(&block[..8])) | marks(word(&block[8..])) == 0 {
                i += 16;
                continue;
            }
        }
        let end = (i + 16).min(bytes.len());
        for (k, &b) in bytes[i..end].iter().enumerate() {
            let short = match b {
                b'"' => b'"',
                b'\\' => b'\\',
                b'\n' => b'n',
                b'\r' => b'r',
                b'\t' => b't',
                0x08 => b'b',
                0x0C => b'f',
                0..=0x1F => 0,
                _ => continue,
            };
            buf.extend_from_slice(&bytes[clean..i + k]);
            clean = i + k + 1;
            if short == 0 {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                buf.extend_from_slice(b"\\u00");
                buf.push(HEX[usize::from(b >> 4)]);
                buf.push(HEX[usize::from(b & 0xF)]);
            } else {
                buf.extend_from_slice(&[b'\\', short]);
            }
        }
        i = end;
    }
    buf.extend_from_slice(&bytes[clean..]);
    buf.push(b'"');
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{detect_wire, paragraphs};
    use crate::Article;

    #[derive(Serialize)]
    struct ArticlesJson<'a> {
        version: u32,
        articles: Vec<ArticleJson<'a>>,
    }

    fn doc(text: &str, title: &str) -> Document {
        let mut a = Article {
            path: "in/a \"b\".txt".to_string(),
            id: "x\\y".to_string(),
            title: title.to_string(),
            text: text.to_string(),
            paragraphs: paragraphs(text),
            ..Default::default()
        };
        detect_wire(&mut a);
        Document::analyze(a)
    }

    #[test]
    fn articles_written_by_hand_as_serde_json_writes_them() {
        let docs = [
            doc(
                "By Ann Lee\n\nPARIS (AFP) - \"We won,\" she said.\tIt rained.\u{1}\u{1f}\u{7f} A \\ b.\n\nCafé – 10 € \u{8}\u{c}\r ok.",
                "Héadline \"x\"",
            ),
            doc("", ""),
            doc("Short.", "T"),
        ];
        let mut ours = Vec::new();
        articles(&docs, &mut ours).unwrap();
        let value = ArticlesJson {
            version: VERSION,
            articles: docs.iter().map(ArticleJson::new).collect(),
        };
        let mut want = serde_json::to_vec(&value).unwrap();
        want.push(b'\n');
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(want).unwrap()
        );
    }

    #[test]
    fn every_byte_escaped_as_serde_json_escapes_it() {
        let all: String = (0u8..128).map(char::from).chain("é€😀".chars()).collect();
        for k in 0..all.len() {
            let s = &all[all.floor_char_boundary(k)..];
            let mut ours = Vec::new();
            escaped(&mut ours, s);
            assert_eq!(ours, serde_json::to_vec(s).unwrap(), "{s:?}");
        }
    }
}
