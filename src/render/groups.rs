//! The terminal view of a comparison of three or more articles: the
//! articles with a short label each, the counts, the discrepancies, then
//! each sentence group once (the sources carrying it, the first one's text
//! and every other's word diff against it), each article's exclusive
//! sentences, and the quotes several carry.
//!
//! Sentence numbers count from 1 (`B3` is the second article's third
//! sentence), as in the two-article views; the JSON counts from 0.

use super::options::{Ink, RenderOptions};
use super::parts::{byline, kind_mark, title_line};
use super::style::{block, label, name, Rich, Style};
use super::terminal::MIN_WIDTH;
use crate::nway::{Collation, Member};
use crate::Document;
use std::io::{self, Write};

/// The letter of article `k`: A, B, ... Z, then 27, 28, ...
pub fn letter(k: usize) -> String {
    match u8::try_from(k) {
        Ok(n) if n < 26 => char::from(b'A' + n).to_string(),
        _ => (k + 1).to_string(),
    }
}

/// How an article is named where the sources carrying a group are listed:
/// its source when the articles' sources tell them apart, else its letter.
pub fn source_names(docs: &[Document]) -> Vec<String> {
    let sources: Vec<Option<&str>> = docs.iter().map(|d| d.article.source.as_deref()).collect();
    let distinct = sources.iter().enumerate().all(|(i, s)| {
        s.is_some_and(|s| !s.trim().is_empty())
            && !sources[..i]
                .iter()
                .any(|t| t.map(str::to_lowercase) == s.map(str::to_lowercase))
    });
    (0..docs.len())
        .map(|k| match sources[k] {
            Some(s) if distinct => s.to_string(),
            _ => letter(k),
        })
        .collect()
}

fn members_label(ms: &[Member]) -> String {
    ms.iter()
        .map(|m| label(&letter(m.article), &m.sentences))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes the compact view of many articles.
pub fn collation(
    docs: &[Document],
    c: &Collation,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let w = opts.width.max(MIN_WIDTH);
    let ink = opts.ink();
    let names = source_names(docs);
    let mut s = String::new();
    for (k, d) in docs.iter().enumerate() {
        let mut r = Rich::new();
        r.push(&letter(k), Style::PLAIN.bolded());
        r.push("  ", Style::PLAIN);
        title_line(d, &mut r);
        block(&r, 0, 3, w, ink, &mut s);
        let mut p = Rich::new();
        byline(d, &mut p);
        block(&p, 3, 3, w, ink, &mut s);
    }
    let m = &c.summary;
    let mut r = Rich::new();
    r.push("Sentences: ", Style::PLAIN.bolded());
    r.push(
        &format!(
            "{} groups ({} in all {}) \u{b7} {} only in one",
            m.groups, m.groups_in_all, m.articles, m.exclusive_sentences
        ),
        Style::PLAIN,
    );
    block(&r, 0, 2, w, ink, &mut s);
    let mut q = Rich::new();
    q.push("Quotes: ", Style::PLAIN.bolded());
    q.push(
        &format!("{} carried by several", m.quote_groups),
        Style::PLAIN,
    );
    block(&q, 0, 2, w, ink, &mut s);
    s.push('\n');
    super::discrepancies::terminal_many(&c.discrepancies, &|k| letter(k), w, ink, &mut s);
    let view = View {
        docs,
        c,
        names: &names,
        w,
        ink,
    };
    view.group_rows(&mut s);
    view.exclusive_rows(&mut s);
    view.quote_rows(&mut s);
    out.write_all(s.as_bytes())
}

fn heading(text: &str, w: usize, color: Ink, s: &mut String) {
    let mut r = Rich::new();
    r.push(text, Style::HEADING);
    block(&r, 0, 0, w, color, s);
}

/// What the rows below read.
struct View<'v> {
    docs: &'v [Document],
    c: &'v Collation,
    names: &'v [String],
    w: usize,
    ink: Ink,
}

impl View<'_> {
    fn group_rows(&self, s: &mut String) {
        let (docs, c, names, w, ink) = (self.docs, self.c, self.names, self.w, self.ink);
        heading("Sentences several carry", w, ink, s);
        for g in &c.groups {
            let kind = name(&g.kind);
            let (glyph, st) = kind_mark(&kind);
            let mut head = Rich::new();
            head.push(&format!("{glyph} {kind}"), st);
            head.push(&format!(" {:.2}  ", g.score), Style::PLAIN);
            let carriers: Vec<&str> = g
                .members
                .iter()
                .filter_map(|m| names.get(m.article).map(String::as_str))
                .collect();
            head.push_article(&carriers.join(" "), Style::PLAIN.bolded());
            head.push("  ", Style::PLAIN);
            head.push(&members_label(&g.members), Style::META);
            block(&head, 0, 2, w, ink, s);
            let Some(first) = g.members.first() else {
                continue;
            };
            let mut body = Rich::new();
            body.push(&format!("{}: ", letter(first.article)), Style::META);
            let text: Vec<&str> = first
                .sentences
                .iter()
                .filter_map(|&i| docs.get(first.article).map(|d| d.sentence_text(i)))
                .collect();
            body.push_article(&text.join(" "), Style::PLAIN);
            block(&body, 2, 4, w, ink, s);
            for m in &g.members[1..] {
                let mut r = Rich::new();
                r.push(&format!("{}: ", letter(m.article)), Style::META);
                if m.diff.iter().all(|d| d.op == crate::diff::Op::Equal) {
                    r.push("(the same words)", Style::META);
                } else {
                    r.push_diff(&m.diff, None, ink);
                }
                block(&r, 2, 4, w, ink, s);
            }
        }
        s.push('\n');
    }

    fn exclusive_rows(&self, s: &mut String) {
        let (docs, c, names, w, ink) = (self.docs, self.c, self.names, self.w, self.ink);
        for (k, only) in c.exclusive.iter().enumerate() {
            if only.is_empty() {
                continue;
            }
            let mut h = Rich::new();
            h.push("Only in ", Style::HEADING);
            h.push_article(names.get(k).map_or("", String::as_str), Style::HEADING);
            h.push(&format!(" ({})", only.len()), Style::HEADING);
            block(&h, 0, 0, w, ink, s);
            for &i in only {
                let mut r = Rich::new();
                r.push(&format!("{}  ", label(&letter(k), &[i])), Style::META);
                r.push_article(docs.get(k).map_or("", |d| d.sentence_text(i)), Style::PLAIN);
                block(&r, 2, 4, w, ink, s);
            }
            s.push('\n');
        }
    }

    fn quote_rows(&self, s: &mut String) {
        let (docs, c, names, w, ink) = (self.docs, self.c, self.names, self.w, self.ink);
        if c.quote_groups.is_empty() {
            return;
        }
        heading("Quotes several carry", w, ink, s);
        for g in &c.quote_groups {
            let mut head = Rich::new();
            head.push(&name(&g.kind), Style::PLAIN.bolded());
            head.push("  ", Style::PLAIN);
            for (n, m) in g.members.iter().enumerate() {
                if n > 0 {
                    head.push(" \u{b7} ", Style::PLAIN);
                }
                head.push_article(
                    names.get(m.article).map_or("", String::as_str),
                    Style::PLAIN.bolded(),
                );
                head.push(" ", Style::PLAIN);
                head.push(&label(&letter(m.article), &[m.sentence]), Style::META);
                head.push(" ", Style::PLAIN);
                match &m.speaker {
                    Some(who) => head.push_article(who, Style::PLAIN),
                    None => head.push("(no speaker)", Style::META),
                };
            }
            if !g.speaker_agrees {
                head.push("  speakers differ", Style::WARNING);
            }
            block(&head, 0, 2, w, ink, s);
            if let Some(m) = g.members.first() {
                let mut r = Rich::new();
                let text = docs
                    .get(m.article)
                    .and_then(|d| super::style::quote(d, m.quote))
                    .unwrap_or("");
                r.push("\u{201c}", Style::PLAIN);
                r.push_article(text, Style::PLAIN);
                r.push("\u{201d}", Style::PLAIN);
                block(&r, 2, 4, w, ink, s);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_run_a_to_z_then_numbers() {
        assert_eq!(letter(0), "A");
        assert_eq!(letter(25), "Z");
        assert_eq!(letter(26), "27");
    }
}
