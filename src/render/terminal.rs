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

use super::options::{Ink, Layout, RenderOptions};
use super::parts::{
    byline, change_tags, claim_values, drawn_whole, fit_token, kind_mark, linkable, matches_of,
    push_speakers, side_style, speaker, speaker_warning, summary, title_line, unmatched_quotes,
};
use super::side_by_side;
use super::style::{self, block, label, line, name, Color, Rich, Style};
use crate::quotes::QuoteMatch;
use crate::{Comparison, Document, Pair, ReadingItem};
use std::io::{self, Write};

/// Narrowest width laid out as asked. Below it the label of a row and the
/// indentation leave room for a word or two a line, which reads worse than
/// lines a tiny terminal wraps by itself; so narrower widths are laid out at
/// this width.
pub const MIN_WIDTH: usize = 20;

/// Indentation of a row's text under its label.
const INDENT: usize = 2;

/// Writes the comparison for a terminal in the layout `opts` asks for.
/// Side by side needs [`side_by_side::MIN_WIDTH`] columns; below that the
/// inline view is written instead, after a note saying so.
pub fn comparison(
    docs: &Pair<Document>,
    c: &Comparison,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match opts.layout {
        Layout::SideBySide if opts.width >= side_by_side::MIN_WIDTH => {
            side_by_side::comparison(docs, c, opts, out)
        }
        Layout::SideBySide => {
            let mut note = String::new();
            let mut r = Rich::new();
            r.push(
                &format!(
                    "(side by side needs {} columns: shown inline)",
                    side_by_side::MIN_WIDTH
                ),
                Style::META,
            );
            block(&r, 0, 2, opts.width.max(MIN_WIDTH), opts.ink(), &mut note);
            out.write_all(note.as_bytes())?;
            inline(docs, c, opts, out)
        }
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
    header(docs, c, w, opts, &mut s);
    s.push('\n');
    super::discrepancies::terminal(c, w, opts.ink(), &mut s);
    sentence_rows(docs, c, w, opts.ink(), &mut s);
    s.push('\n');
    quote_rows(docs, c, w, opts.ink(), &mut s);
    out.write_all(s.as_bytes())
}

/// Both articles' names (source and title; authors, dateline and date;
/// the URL and the path, each a line of its own that is never broken) and
/// the summary counts.
fn header(docs: &Pair<Document>, c: &Comparison, w: usize, opts: &RenderOptions, s: &mut String) {
    let color = opts.ink();
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
        let room = w.saturating_sub(3);
        if let Some(url) = d.article.url.as_deref() {
            let link = linkable(url).filter(|_| opts.hyperlinks);
            let mut u = Rich::new();
            // Shortened in the middle when it must be: a link still holds
            // all of it, and the JSON and the page give it whole.
            u.push(&fit_token(url, room, false), Style::META);
            line(&u, 3, link, color, s);
        }
        let mut p = Rich::new();
        p.push(&fit_token(&d.article.path, room, true), Style::META);
        line(&p, 3, None, color, s);
    }
    summary(c, w, color, s);
}

fn heading(text: &str, w: usize, color: Ink, s: &mut String) {
    let mut r = Rich::new();
    r.push(text, Style::HEADING);
    block(&r, 0, 0, w, color, s);
}

/// Every sentence in reading order.
fn sentence_rows(docs: &Pair<Document>, c: &Comparison, w: usize, color: Ink, s: &mut String) {
    heading("Sentences, in A's order", w, color, s);
    for &item in &c.reading_order {
        let mut head = Rich::new();
        let mut body = Rich::new();
        match item {
            ReadingItem::Aligned(index) => {
                let Some(al) = c.alignments.get(index) else {
                    continue;
                };
                let kind = name(&al.kind);
                let (glyph, st) = kind_mark(&kind);
                head.push(&format!("{glyph} {kind}"), st);
                head.push(
                    &format!(" {}  ", super::parts::score(al.score)),
                    Style::PLAIN,
                );
                head.push(
                    &format!("{} \u{2194} {}", label("A", &al.a), label("B", &al.b)),
                    Style::META,
                );
                if al.moved {
                    head.push(" \u{b7} ", Style::PLAIN);
                    head.push("moved in B", Style::WARNING);
                }
                if drawn_whole(al) {
                    // A paraphrase: both sentences whole, one under the other.
                    for (letter, side) in [("A ", crate::Side::A), ("B ", crate::Side::B)] {
                        let mut r = Rich::new();
                        r.push(letter, side_style(side));
                        r.push_whole(&al.diff, side);
                        if side == crate::Side::A {
                            block(&head, 0, INDENT, w, color, s);
                        }
                        block(&r, INDENT, INDENT + 2, w, color, s);
                    }
                    continue;
                }
                let [va, vb] = claim_values(c, al);
                body.push_diff_with(&al.diff, None, color, [&va, &vb]);
            }
            ReadingItem::OnlyA(i) => {
                head.push("< only in A", side_style(crate::Side::A));
                head.push("  ", Style::PLAIN);
                head.push(&label("A", &[i]), Style::META);
                body.push_article(docs.a.sentence_text(i), Style::PLAIN);
            }
            ReadingItem::OnlyB(j) => {
                head.push("> only in B", side_style(crate::Side::B));
                head.push("  ", Style::PLAIN);
                head.push(&label("B", &[j]), Style::META);
                body.push_article(docs.b.sentence_text(j), Style::PLAIN);
            }
        }
        block(&head, 0, INDENT, w, color, s);
        block(&body, INDENT, INDENT, w, color, s);
    }
}

/// The quotes section: shared verbatim, reported differently, only in A,
/// only in B.
fn quote_rows(docs: &Pair<Document>, c: &Comparison, w: usize, color: Ink, s: &mut String) {
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
            push_match_speakers(&mut r, docs, m);
            block(&r, INDENT, INDENT + 3, w, color, s);
            warn_speakers(docs, m, w, color, s);
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
            push_match_speakers(&mut head, docs, m);
            block(&head, INDENT, INDENT + 2, w, color, s);
            let mut body = Rich::new();
            body.push("\u{201c}", Style::PLAIN);
            body.push_diff(&m.diff, None, color);
            body.push("\u{201d}", Style::PLAIN);
            block(&body, INDENT + 2, INDENT + 2, w, color, s);
            warn_speakers(docs, m, w, color, s);
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

/// The two speakers of a quote match, on its row.
fn push_match_speakers(r: &mut Rich, docs: &Pair<Document>, m: &QuoteMatch) {
    push_speakers(
        r,
        speaker(&docs.a, m.a),
        speaker(&docs.b, m.b),
        m.speaker_agrees,
    );
}

/// Under a quote match whose speakers differ, the line saying so.
fn warn_speakers(docs: &Pair<Document>, m: &QuoteMatch, w: usize, color: Ink, s: &mut String) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::style::width;
    use crate::render::testing::{
        arbitrary_text, drawn_to_fit, fixture, raw_comparison, raw_document, rendered, strip_ansi,
        widest,
    };
    use proptest::prelude::*;

    fn render_as(layout: Layout, width: usize, color: bool) -> String {
        let (docs, c) = fixture();
        rendered(comparison, &docs, &c, layout, width, color)
    }

    fn render(width: usize, color: bool) -> String {
        render_as(Layout::Inline, width, color)
    }

    #[test]
    fn inline_snapshots_plain_and_colored() {
        let (plain, color) = drawn_to_fit(render, &[40, 80, 120], 80);
        for (w, text) in plain {
            insta::assert_snapshot!(format!("inline_{w}"), text);
        }
        insta::assert_snapshot!("inline_color_80", color);
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
                    ..Default::default()
                };
                let mut out = Vec::new();
                comparison(&docs, &c, &opts, &mut out).expect("writing to memory");
                let text = String::from_utf8(out).expect("utf-8");
                let unpainted = crate::render::testing::strip_ansi(&text);
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
    fn an_id_longer_than_the_width_stays_whole_and_metadata_is_shown() {
        let (mut docs, c) = fixture();
        let id = "harbour-strike-2031-05-17-afp-wire-update-number-seven-final-version-0042";
        docs.a.article.path = format!("/srv/feeds/archive/2031/05/17/wires/all.jsonl#{id}");
        docs.a.article.url = Some(format!("https://news.example/{}/story", "x".repeat(90)));
        docs.a.article.published = Some("2031-05-17T09:00:00Z".into());
        docs.a.article.dateline = Some("AARHUS".into());
        for w in [40, 60] {
            let text = render_as_with(&docs, &c, Layout::Inline, w, false);
            let path_line = text
                .lines()
                .find(|l| l.contains('#'))
                .expect("the path line");
            assert!(
                path_line.ends_with(&format!("\u{2026}#{id}")),
                "{path_line}"
            );
            assert!(text.contains(id), "whole at {w}: {text}");
            assert!(
                text.contains("AARHUS \u{b7} 2031-05-17T09:00:00Z"),
                "{text}"
            );
            let url_line = text
                .lines()
                .find(|l| l.contains("https://news"))
                .expect("the url line");
            assert!(
                url_line.contains('\u{2026}') && url_line.ends_with("/story"),
                "{url_line}"
            );
            for l in text.lines().filter(|l| !l.contains('#')) {
                assert!(width(l) <= w, "{l}");
            }
        }
    }

    #[test]
    fn urls_are_hyperlinks_only_when_asked() {
        let (mut docs, c) = fixture();
        docs.b.article.url = Some("https://news.example/port".into());
        let draw = |hyperlinks: bool| {
            let opts = RenderOptions {
                hyperlinks,
                ..RenderOptions::default()
            };
            let mut out = Vec::new();
            comparison(&docs, &c, &opts, &mut out).expect("writing to memory");
            String::from_utf8(out).expect("utf-8")
        };
        let linked = draw(true);
        assert!(
            linked.contains(
                "\x1b]8;;https://news.example/port\x1b\\https://news.example/port\x1b]8;;\x1b\\"
            ),
            "{linked:?}"
        );
        let plain = draw(false);
        assert!(plain.contains("https://news.example/port") && !plain.contains('\x1b'));
        docs.b.article.url = Some("https://x.example/\x1b]8;;evil".into());
        let opts = RenderOptions {
            hyperlinks: true,
            ..RenderOptions::default()
        };
        let mut out = Vec::new();
        comparison(&docs, &c, &opts, &mut out).expect("writing to memory");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(
            !text.contains("\x1b]8;;https://x"),
            "an unsafe URL is not linked"
        );
    }

    fn render_as_with(
        docs: &Pair<Document>,
        c: &Comparison,
        layout: Layout,
        width: usize,
        color: bool,
    ) -> String {
        rendered(comparison, docs, c, layout, width, color)
    }

    #[test]
    fn narrow_widths_are_laid_out_at_the_minimum() {
        let text = render(5, false);
        assert!(widest(&text) <= MIN_WIDTH);
    }

    #[test]
    fn side_by_side_below_its_minimum_is_the_inline_view() {
        let text = render_as(Layout::SideBySide, 40, false);
        assert!(widest(&text) <= 40);
        insta::assert_snapshot!("side_by_side_40", text);
    }

    #[test]
    fn side_by_side_below_its_minimum_says_so_and_goes_inline() {
        let text = render_as(Layout::SideBySide, side_by_side::MIN_WIDTH - 1, false);
        assert!(text.starts_with("(side by side needs"), "{text}");
        assert!(text.contains("~ edited 0.81"));
        let wide = render_as(Layout::SideBySide, side_by_side::MIN_WIDTH, false);
        assert!(!wide.contains("side by side needs"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn rendering_never_panics_nor_overflows(
            sa in prop::collection::vec(arbitrary_text(), 1..5),
            sb in prop::collection::vec(arbitrary_text(), 1..5),
            width in 0usize..160,
            color in any::<bool>(),
            quoted in any::<bool>(),
        ) {
            let a = raw_document(&sa, quoted.then_some(0));
            let b = raw_document(&sb, quoted.then_some(0));
            let c = raw_comparison(&a, &b, &sa, &sb);
            let docs = Pair::new(a, b);
            for layout in [Layout::Inline, Layout::SideBySide] {
                let opts = RenderOptions { color, width, layout, ..Default::default() };
                let mut out = Vec::new();
                comparison(&docs, &c, &opts, &mut out).expect("writing to memory");
                let text = String::from_utf8(out).expect("utf-8");
                let plain = strip_ansi(&text);
                prop_assert!(!plain.chars().any(|ch| ch.is_control() && ch != '\n'));
                if width >= MIN_WIDTH {
                    prop_assert!(widest(&text) <= width, "{:?} at {}\n{}", layout, width, plain);
                }
            }
            let mut html = Vec::new();
            crate::render::html::comparison(&docs, &c, &RenderOptions::default(), &mut html)
                .expect("writing to memory");
        }

        #[test]
        fn the_real_pipeline_renders_any_text(
            ta in any::<String>(),
            tb in "[A-Za-z\u{201c}\u{201d}\". ,\n]{0,200}",
            width in 20usize..140,
        ) {
            let docs = [ta, tb].map(|t| {
                crate::article::article_from_text("p.txt", &format!("Title\n\n{t}"))
                    .map(Document::analyze)
            });
            if let [Ok(a), Ok(b)] = docs {
                let c = crate::compare(&a, &b, &Default::default());
                let docs = Pair::new(a, b);
                for layout in [Layout::Inline, Layout::SideBySide] {
                    let opts = RenderOptions { color: true, width, layout, ..Default::default() };
                    let mut out = Vec::new();
                    comparison(&docs, &c, &opts, &mut out).expect("writing to memory");
                    prop_assert!(widest(&String::from_utf8(out).expect("utf-8")) <= width);
                }
            }
        }
    }
}
