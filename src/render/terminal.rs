//! The terminal view of a comparison, inline layout: a header naming both
//! articles with the summary counts, then every sentence in reading order
//! (aligned groups as one word diff each, then what only one side has),
//! then the quotes.
//!
//! Sentence numbers are counted from 1 (`A3` is A's third sentence); the
//! JSON output counts from 0.
//!
//! Without color every change is still marked in the text: removed words as
//! `[-…-]`, added words as `{+…+}`.

use super::options::{Layout, RenderOptions};
use super::style::{self, block, label, name, reading_order, Color, Item, Rich, Style};
use crate::quotes::QuoteMatch;
use crate::{Comparison, Document, Pair};
use std::io::{self, Write};

/// Narrowest width laid out as asked. Below it the label of a row and the
/// indentation leave room for a word or two a line, which reads worse than
/// lines a tiny terminal wraps by itself; so narrower widths are laid out at
/// this width.
pub const MIN_WIDTH: usize = 20;

/// Indentation of a row's text under its label.
const INDENT: usize = 2;

/// Writes the comparison for a terminal in the layout `opts` asks for.
pub fn comparison(
    docs: &Pair<Document>,
    c: &Comparison,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match opts.layout {
        Layout::SideBySide => super::side_by_side::comparison(docs, c, opts, out),
        Layout::Inline => inline(docs, c, opts, out),
    }
}

/// Writes the inline view.
pub fn inline(
    docs: &Pair<Document>,
    c: &Comparison,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut s = String::new();
    let w = opts.width.max(MIN_WIDTH);
    header(docs, c, w, opts.color, &mut s);
    s.push('\n');
    sentence_rows(docs, c, w, opts.color, &mut s);
    s.push('\n');
    quote_rows(docs, c, w, opts.color, &mut s);
    out.write_all(s.as_bytes())
}

/// The style of a side's letter: A red and B green, like their words.
pub(crate) fn side_style(side: crate::Side) -> Style {
    match side {
        crate::Side::A => Style::DELETED.bolded(),
        crate::Side::B => Style::INSERTED.bolded(),
    }
}

/// `AFP · title` for one article.
pub(crate) fn title_line(d: &Document, rich: &mut Rich) {
    if let Some(src) = d.article.source.as_deref() {
        rich.push_article(src, Style::PLAIN.bolded());
        rich.push(" \u{b7} ", Style::PLAIN);
    }
    rich.push_article(&d.article.title, Style::PLAIN);
}

/// `by Author, Author · path` for one article.
pub(crate) fn byline(d: &Document, rich: &mut Rich) {
    if !d.article.authors.is_empty() {
        rich.push("by ", Style::PLAIN);
        rich.push_article(&d.article.authors.join(", "), Style::PLAIN);
        rich.push(" \u{b7} ", Style::PLAIN);
    }
    rich.push_article(&d.article.path, Style::META);
}

/// Both articles' names and the summary counts.
pub(crate) fn header(docs: &Pair<Document>, c: &Comparison, w: usize, color: bool, s: &mut String) {
    for (side, d) in [(crate::Side::A, &docs.a), (crate::Side::B, &docs.b)] {
        let mut r = Rich::new();
        r.push(
            if side == crate::Side::A { "A" } else { "B" },
            side_style(side),
        );
        r.push("  ", Style::PLAIN);
        title_line(d, &mut r);
        block(&r, 0, 3, w, color, s);
        let mut p = Rich::new();
        byline(d, &mut p);
        block(&p, 3, 3, w, color, s);
    }
    summary(c, w, color, s);
}

/// The counts an editor reads first.
pub(crate) fn summary(c: &Comparison, w: usize, color: bool, s: &mut String) {
    let m = &c.summary;
    let mut r = Rich::new();
    r.push("Sentences: ", Style::PLAIN.bolded());
    r.push(
        &format!(
            "{} in A, {} in B \u{b7} {} aligned \u{b7} {} only in A \u{b7} {} only in B",
            m.a_sentences, m.b_sentences, m.aligned, m.a_only_sentences, m.b_only_sentences
        ),
        Style::PLAIN,
    );
    block(&r, 0, 2, w, color, s);
    let mut q = Rich::new();
    q.push("Quotes: ", Style::PLAIN.bolded());
    q.push(
        &format!(
            "{} shared ({} verbatim) \u{b7} {} only in A \u{b7} {} only in B",
            m.shared_quotes, m.verbatim_quotes, m.a_only_quotes, m.b_only_quotes
        ),
        Style::PLAIN,
    );
    block(&q, 0, 2, w, color, s);
}

/// The glyph and style of an alignment kind, by its JSON name.
pub(crate) fn kind_mark(kind: &str) -> (&'static str, Style) {
    match kind {
        "same" => ("=", Style::PLAIN.bolded()),
        "edited" => ("~", Style::fg(Color::Yellow).bolded()),
        "paraphrase" => ("\u{2248}", Style::fg(Color::Cyan).bolded()),
        "merged" => ("+", Style::fg(Color::Magenta).bolded()),
        _ => ("?", Style::PLAIN.bolded()),
    }
}

fn heading(text: &str, w: usize, color: bool, s: &mut String) {
    let mut r = Rich::new();
    r.push(text, Style::HEADING);
    block(&r, 0, 0, w, color, s);
}

/// Every sentence in reading order.
fn sentence_rows(docs: &Pair<Document>, c: &Comparison, w: usize, color: bool, s: &mut String) {
    heading("Sentences, in A's order", w, color, s);
    for item in reading_order(c) {
        let mut head = Rich::new();
        let mut body = Rich::new();
        match item {
            Item::Aligned { index, moved } => {
                let Some(al) = c.alignments.get(index) else {
                    continue;
                };
                let kind = name(&al.kind);
                let (glyph, st) = kind_mark(&kind);
                head.push(&format!("{glyph} {kind}"), st);
                head.push(&format!(" {:.2}  ", al.score), Style::PLAIN);
                head.push(
                    &format!("{} \u{2194} {}", label("A", &al.a), label("B", &al.b)),
                    Style::META,
                );
                if moved {
                    head.push(" \u{b7} ", Style::PLAIN);
                    head.push("moved in B", Style::WARNING);
                }
                body.push_diff(&style::alignment_ops(docs, al), None, color);
            }
            Item::OnlyA(i) => {
                head.push("< only in A", side_style(crate::Side::A));
                head.push("  ", Style::PLAIN);
                head.push(&label("A", &[i]), Style::META);
                body.push_article(style::sentence(&docs.a, i).unwrap_or(""), Style::PLAIN);
            }
            Item::OnlyB(j) => {
                head.push("> only in B", side_style(crate::Side::B));
                head.push("  ", Style::PLAIN);
                head.push(&label("B", &[j]), Style::META);
                body.push_article(style::sentence(&docs.b, j).unwrap_or(""), Style::PLAIN);
            }
        }
        block(&head, 0, INDENT, w, color, s);
        block(&body, INDENT, INDENT, w, color, s);
    }
}

/// A quote's speaker as the article gives it.
pub(crate) fn speaker(d: &Document, k: usize) -> Option<&str> {
    d.quotes.get(k).and_then(|q| q.speaker.as_deref())
}

/// ` — speaker` after a quote, or both speakers when they differ.
pub(crate) fn push_speakers(r: &mut Rich, a: Option<&str>, b: Option<&str>, agree: bool) {
    let st = if agree { Style::PLAIN } else { Style::WARNING };
    match (a, b) {
        (Some(x), Some(y)) if x != y => {
            r.push(" \u{2014} A: ", Style::PLAIN);
            r.push_article(x, st);
            r.push(", B: ", Style::PLAIN);
            r.push_article(y, st);
        }
        (Some(x), _) | (None, Some(x)) => {
            r.push(" \u{2014} ", Style::PLAIN);
            r.push_article(x, st);
        }
        (None, None) => {
            r.push(" \u{2014} (speaker not given)", Style::PLAIN);
        }
    }
}

/// The warning for words the two articles give to different people.
pub(crate) fn speaker_warning(docs: &Pair<Document>, m: &QuoteMatch) -> Rich {
    let mut r = Rich::new();
    r.push(
        "! the articles give these words to different speakers",
        Style::WARNING,
    );
    let who = |x: Option<&str>| x.map(style::clean).unwrap_or_else(|| "nobody".into());
    r.push(
        &format!(
            " (A: {}, B: {})",
            who(speaker(&docs.a, m.a)),
            who(speaker(&docs.b, m.b))
        ),
        Style::PLAIN,
    );
    r
}

/// The quote matches of one kind, in A's order.
pub(crate) fn matches_of<'c>(c: &'c Comparison, kind: &str) -> Vec<&'c QuoteMatch> {
    let mut v: Vec<&QuoteMatch> = c
        .quote_matches
        .iter()
        .filter(|m| name(&m.kind) == kind)
        .collect();
    v.sort_by_key(|m| (m.a, m.b));
    v
}

/// The quotations of one side nobody matched (terms in scare quotes left
/// out, as the summary leaves them out).
pub(crate) fn unmatched_quotes(d: &Document, ids: &[usize]) -> Vec<usize> {
    ids.iter()
        .copied()
        .filter(|&k| {
            d.quotes
                .get(k)
                .is_some_and(|q| q.kind == crate::QuoteKind::Quotation)
        })
        .collect()
}

/// The change tags of a variant, e.g. `trimmed, reworded`.
pub(crate) fn change_tags(m: &QuoteMatch) -> String {
    m.changes.iter().map(name).collect::<Vec<_>>().join(", ")
}

/// The quotes section: shared verbatim, reported differently, only in A,
/// only in B.
fn quote_rows(docs: &Pair<Document>, c: &Comparison, w: usize, color: bool, s: &mut String) {
    heading("Quotes", w, color, s);
    let verbatim = matches_of(c, "verbatim");
    let variant = matches_of(c, "variant");
    let only_a = unmatched_quotes(&docs.a, &c.unmatched_quotes.a);
    let only_b = unmatched_quotes(&docs.b, &c.unmatched_quotes.b);
    if verbatim.is_empty() && variant.is_empty() && only_a.is_empty() && only_b.is_empty() {
        block(
            Rich::new().push("No quotations.", Style::PLAIN),
            0,
            0,
            w,
            color,
            s,
        );
        return;
    }
    let sub = |text: String, s: &mut String| {
        let mut r = Rich::new();
        r.push(&text, Style::PLAIN.bolded());
        block(&r, 0, 0, w, color, s);
    };
    if !verbatim.is_empty() {
        sub(format!("Shared verbatim ({})", verbatim.len()), s);
        for m in verbatim {
            let mut r = Rich::new();
            r.push("= \u{201c}", Style::PLAIN);
            r.push_article(style::quote(&docs.a, m.a).unwrap_or(""), Style::PLAIN);
            r.push("\u{201d}", Style::PLAIN);
            push_speakers(
                &mut r,
                speaker(&docs.a, m.a),
                speaker(&docs.b, m.b),
                m.speaker_agrees,
            );
            block(&r, INDENT, INDENT + 3, w, color, s);
            if !m.speaker_agrees {
                block(
                    &speaker_warning(docs, m),
                    INDENT + 2,
                    INDENT + 4,
                    w,
                    color,
                    s,
                );
            }
        }
    }
    if !variant.is_empty() {
        sub(format!("Reported differently ({})", variant.len()), s);
        for m in variant {
            let mut head = Rich::new();
            head.push("~ ", Style::fg(Color::Yellow).bolded());
            let tags = change_tags(m);
            head.push(
                if tags.is_empty() { "variant" } else { &tags },
                Style::fg(Color::Yellow),
            );
            head.push(&format!(" {:.2}", m.score), Style::PLAIN);
            push_speakers(
                &mut head,
                speaker(&docs.a, m.a),
                speaker(&docs.b, m.b),
                m.speaker_agrees,
            );
            block(&head, INDENT, INDENT + 2, w, color, s);
            let mut body = Rich::new();
            body.push("\u{201c}", Style::PLAIN);
            body.push_diff(&m.diff, None, color);
            body.push("\u{201d}", Style::PLAIN);
            block(&body, INDENT + 2, INDENT + 2, w, color, s);
            if !m.speaker_agrees {
                block(
                    &speaker_warning(docs, m),
                    INDENT + 2,
                    INDENT + 4,
                    w,
                    color,
                    s,
                );
            }
        }
    }
    for (side, d, ids) in [
        (crate::Side::A, &docs.a, only_a),
        (crate::Side::B, &docs.b, only_b),
    ] {
        if ids.is_empty() {
            continue;
        }
        let (glyph, letter) = match side {
            crate::Side::A => ("<", "A"),
            crate::Side::B => (">", "B"),
        };
        let mut r = Rich::new();
        r.push(
            &format!("Only in {letter} ({})", ids.len()),
            side_style(side),
        );
        block(&r, 0, 0, w, color, s);
        for k in ids {
            let mut r = Rich::new();
            r.push(&format!("{glyph} \u{201c}"), Style::PLAIN);
            r.push_article(style::quote(d, k).unwrap_or(""), Style::PLAIN);
            r.push("\u{201d}", Style::PLAIN);
            push_speakers(&mut r, speaker(d, k), None, true);
            block(&r, INDENT, INDENT + 3, w, color, s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::style::testing::{explain_ansi, fixture, widest};

    fn render(width: usize, color: bool) -> String {
        let (docs, c) = fixture();
        let opts = RenderOptions {
            color,
            width,
            layout: Layout::Inline,
        };
        let mut out = Vec::new();
        comparison(&docs, &c, &opts, &mut out).expect("writing to memory");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn inline_snapshots_at_three_widths() {
        for w in [40, 80, 120] {
            let text = render(w, false);
            assert!(widest(&text) <= w, "width {w}");
            insta::assert_snapshot!(format!("inline_{w}"), text);
        }
    }

    #[test]
    fn inline_colored_snapshot() {
        let text = render(80, true);
        assert!(widest(&text) <= 80);
        insta::assert_snapshot!("inline_color_80", explain_ansi(&text));
    }

    #[test]
    fn without_color_every_change_is_marked_and_nothing_painted() {
        let text = render(80, false);
        assert!(!text.contains('\x1b'));
        assert!(text.contains("[-Dock workers-]{+Dockworkers+}"), "{text}");
        assert!(text.contains("< only in A"));
        assert!(text.contains("> only in B"));
        assert!(text.contains("moved in B"));
        assert!(text.contains("different speakers"));
    }

    #[test]
    fn control_characters_in_article_text_are_shown_escaped() {
        let (mut docs, mut c) = fixture();
        let evil = "Harbor \x1b]0;pwned\x07 news \x1b[2J cleared\u{9b}31m";
        docs.a.article.title = evil.to_string();
        docs.b.quotes[2].speaker = Some("Skov\x1b[31m".into());
        if let Some(al) = c.alignments.first_mut() {
            al.diff = crate::diff::word_diff("calm \x1b[1mwords", "calm \x1b[5mwords\r");
        }
        for color in [false, true] {
            for layout in [Layout::Inline, Layout::SideBySide] {
                let opts = RenderOptions {
                    color,
                    width: 100,
                    layout,
                };
                let mut out = Vec::new();
                comparison(&docs, &c, &opts, &mut out).expect("writing to memory");
                let text = String::from_utf8(out).expect("utf-8");
                let unpainted = crate::render::style::testing::strip_ansi(&text);
                // Only our own SGR sequences may hold ESC; after removing
                // them, no control character but the newline is left.
                assert!(
                    !unpainted.chars().any(|ch| ch.is_control() && ch != '\n'),
                    "{unpainted:?}"
                );
                assert!(unpainted.contains("\\x1b]0;pwned\\x07"), "{unpainted}");
                assert!(unpainted.contains("\\u{9b}31m"));
                assert!(unpainted.contains("Skov\\x1b[31m"));
            }
        }
    }

    #[test]
    fn an_alignment_without_a_diff_still_shows_both_sentences() {
        let (docs, mut c) = fixture();
        for al in &mut c.alignments {
            al.diff.clear();
        }
        let mut out = Vec::new();
        comparison(&docs, &c, &RenderOptions::default(), &mut out).expect("writing to memory");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.contains("[-Dock workers in Vellmar ended"), "{text}");
        assert!(text.contains("{+Dockworkers in Vellmar"), "{text}");
    }

    #[test]
    fn authors_are_named_in_the_header() {
        let (mut docs, c) = fixture();
        docs.b.article.authors = vec!["Ines Varga".into(), "Tom Hale".into()];
        for layout in [Layout::Inline, Layout::SideBySide] {
            let opts = RenderOptions {
                layout,
                ..RenderOptions::default()
            };
            let mut out = Vec::new();
            comparison(&docs, &c, &opts, &mut out).expect("writing to memory");
            let text = String::from_utf8(out).expect("utf-8");
            assert!(text.contains("by Ines Varga, Tom Hale"), "{text}");
        }
    }

    #[test]
    fn narrow_widths_are_laid_out_at_the_minimum() {
        let text = render(5, false);
        assert!(widest(&text) <= MIN_WIDTH);
    }
}
