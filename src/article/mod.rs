//! Ingest: bytes in, [`Article`]s out.
//!
//! Reading (`read.rs`) turns files, folders, JSON, JSONL and standard input
//! into raw records; `wire.rs` then looks at the text itself for what wire copy
//! carries besides the story (bylines, datelines, copyright lines, comment
//! counters, photo credits and captions) and records it as spans, so later
//! stages can leave it out without losing the offsets into the original text.

mod dateline;
mod notice;
mod read;
pub(crate) use read::{decode, empty_fifo, open_file, utf16_of};
mod wire;

pub use read::{
    article_from_text, collect_folder, derive_id, folder_stem, jsonl_line, pick,
    read_bytes_sniffed, read_file, read_file_as, read_input, read_inputs, read_reference, Input,
    Loaded,
};
pub use wire::detect_wire;

use crate::span::Span;
use serde::Serialize;

/// One news article, as read, with its wire metadata.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Article {
    /// Where it came from: a file path, `FILE.jsonl#id`, or `-`.
    pub path: String,
    /// A stable identifier: the record's `id`, else derived from the path.
    pub id: String,
    /// The outlet or wire (AFP, Reuters, …), given or detected.
    pub source: Option<String>,
    /// The headline.
    pub title: String,
    /// Bylined authors.
    pub authors: Vec<String>,
    /// The dateline place (`BRUSSELS`), where the copy has one.
    pub dateline: Option<String>,
    /// The record's URL, if given.
    pub url: Option<String>,
    /// The record's publication date, if given.
    pub published: Option<String>,
    /// The body text. Every span in this crate is a byte range into it.
    /// Line endings are normalized to `\n`; nothing else is changed.
    pub text: String,
    /// Paragraphs: blocks of text separated by blank lines, trimmed.
    pub paragraphs: Vec<Span>,
    /// Parts of the text that are not story text, in text order.
    pub boilerplate: Vec<Boilerplate>,
}

/// A stretch of an article that is not story text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Boilerplate {
    /// Where it is in the article text.
    #[serde(flatten)]
    pub span: Span,
    /// What kind of non-story text it is.
    pub kind: BoilerplateKind,
}

/// Kinds of non-story text found in wire and web copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BoilerplateKind {
    /// "From X and Y, Reuters:" or "By X".
    Byline,
    /// "BRUSSELS (AFP) -".
    Dateline,
    /// "© 2011 AFP", "Copyright 2011 Reuters".
    Copyright,
    /// "0 Comments To This Article", ", Comments 0 comments".
    Comments,
    /// "(photo: Getty)".
    PhotoCredit,
    /// "Image: lavrov.jpg".
    Image,
    /// A photo caption standing apart from the story.
    Caption,
    /// "Reporting by …; Editing by …".
    Trailer,
    /// "Related: …", "Read more: …".
    Related,
    /// Page furniture: "Advertisement", "Share this article", "Follow us on
    /// Twitter", "Sign up for our newsletter", "Click here to get the app".
    Promo,
    /// Notes about the page rather than the story: "Updated at 3:45 p.m. ET",
    /// "This article has been updated", "Breaking News".
    Notice,
}

impl Article {
    /// The story text of the article: the parts of each paragraph that are not
    /// boilerplate, as spans in text order, each tagged with its paragraph.
    pub fn story_spans(&self) -> Vec<(usize, Span)> {
        let mut out = Vec::new();
        for (p, para) in self.paragraphs.iter().enumerate() {
            let mut start = para.start;
            for bp in self.boilerplate.iter().filter(|b| b.span.overlaps(para)) {
                if bp.span.start > start {
                    push_trimmed(&self.text, &mut out, p, start, bp.span.start);
                }
                start = start.max(bp.span.end);
            }
            if start < para.end {
                push_trimmed(&self.text, &mut out, p, start, para.end);
            }
        }
        out
    }

    /// The text of a span of this article.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }
}

fn push_trimmed(text: &str, out: &mut Vec<(usize, Span)>, p: usize, start: usize, end: usize) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = start + lead;
        out.push((p, Span::new(s, s + trimmed.len())));
    }
}

/// Splits `text` into paragraphs: runs of lines separated by blank lines
/// (lines holding only white space count as blank), each trimmed.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank {
            if let Some(s) = start.take() {
                out.push(trim_span(text, s, end));
            }
        } else {
            if start.is_none() {
                start = Some(pos);
            }
            end = pos + line.len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(trim_span(text, s, end));
    }
    out
}

fn trim_span(text: &str, start: usize, end: usize) -> Span {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let s = start + lead;
    Span::new(s, s + piece.trim().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines_and_trim() {
        let text = "  One line.\nsame para.\n\n \t\nTwo.\n";
        let ps = paragraphs(text);
        let got: Vec<&str> = ps.iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, vec!["One line.\nsame para.", "Two."]);
    }

    #[test]
    fn story_spans_skip_boilerplate_inside_a_paragraph() {
        let text = "He said so.  (photo: Getty)".to_string();
        let mut a = Article {
            paragraphs: paragraphs(&text),
            text,
            ..Default::default()
        };
        a.boilerplate.push(Boilerplate {
            span: Span::new(13, 27),
            kind: BoilerplateKind::PhotoCredit,
        });
        let spans = a.story_spans();
        assert_eq!(spans.len(), 1);
        assert_eq!(a.slice(spans[0].1), "He said so.");
    }
}
