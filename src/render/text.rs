//! Plain-text listings for `sentences` and `quotes`: one item a line.

use super::sanitize::Shown;
use crate::Document;
use std::io::{self, Write};

/// One sentence a line; articles separated by a blank line when there are
/// several. White space inside a sentence is folded to one space.
pub fn sentences(docs: &[Document], out: &mut dyn Write) -> io::Result<()> {
    for (k, d) in docs.iter().enumerate() {
        if docs.len() > 1 {
            if k > 0 {
                writeln!(out)?;
            }
            writeln!(out, "# {}", Shown::new(&d.article.path))?;
        }
        for s in &d.sentences {
            writeln!(out, "{}", Shown::new(&fold(s.span.slice(&d.article.text))))?;
        }
    }
    Ok(())
}

/// One quote a line: speaker, cue and the quoted words.
pub fn quotes(docs: &[Document], out: &mut dyn Write) -> io::Result<()> {
    for (k, d) in docs.iter().enumerate() {
        if docs.len() > 1 {
            if k > 0 {
                writeln!(out)?;
            }
            writeln!(out, "# {}", Shown::new(&d.article.path))?;
        }
        for q in &d.quotes {
            let speaker = q.speaker.as_deref().unwrap_or("(unattributed)");
            let cue = q
                .cue
                .as_deref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            let term = if q.kind == crate::QuoteKind::Term {
                " [term]"
            } else {
                ""
            };
            writeln!(
                out,
                "{}{}{}: \u{201c}{}\u{201d}",
                Shown::new(speaker),
                Shown::new(&cue),
                term,
                Shown::new(&fold(q.span.slice(&d.article.text)))
            )?;
        }
    }
    Ok(())
}

/// Folds runs of white space to one space.
pub fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
