//! The terminal view of a comparison, side by side: two columns of equal
//! width in A's order, each B sentence beside the A sentence it aligns with,
//! B-only sentences next to their neighbours in B, and the quotes the same
//! way. A mark between the columns says how the two sides relate.
//!
//! It needs [`MIN_WIDTH`] columns: `terminal::comparison` writes the
//! inline view below that.

use super::options::{Ink, RenderOptions};
use super::parts::{
    byline, change_tags, claim_values, drawn_whole, fit_token, kind_mark, matches_of,
    push_speakers, side_style, speaker, speaker_warning, summary, title_line, unmatched_quotes,
};
use super::style::{self, block, label, name, paint, wrap, Rich, Style};
use crate::{Comparison, Document, Pair, ReadingItem, Side};
use std::io::{self, Write};

/// Narrowest width for two columns. Each column then gets 28 columns, about
/// five words of news prose a line; narrower columns break most lines after
/// two or three words and read worse than the inline view.
pub const MIN_WIDTH: usize = 60;

/// Columns between the two texts: a space, the row's mark, a space.
const GUTTER: usize = 3;

/// The vertical rule between the columns on a row's later lines.
const RULE: &str = "\u{2502}";

/// One row: a cell per side (either may be empty) and the mark between.
struct Row {
    mark: &'static str,
    mark_style: Style,
    left: Rich,
    right: Rich,
}

/// Writes the side-by-side view, laid out at [`MIN_WIDTH`] when
/// `opts.width` is narrower.
pub fn comparison(
    docs: &Pair<Document>,
    c: &Comparison,
    opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let color = opts.ink();
    let col = (opts.width.max(MIN_WIDTH) - GUTTER) / 2;
    let w = col * 2 + GUTTER;
    let mut s = String::new();
    let head = |side: Side, d: &Document| {
        let mut r = Rich::new();
        r.push(if side == Side::A { "A" } else { "B" }, side_style(side));
        r.push("  ", Style::PLAIN);
        title_line(d, &mut r);
        r
    };
    let meta = |d: &Document| {
        let mut r = Rich::new();
        byline(d, &mut r);
        r
    };
    // A URL or a `FILE#id` reference is copied into a browser or the next
    // command, so it is shown whole where it can be: in the columns when
    // both sides' fit, else each on a line of its own across the whole
    // width (shortened in the middle only beyond that, the `#id` kept).
    let fits = |t: Option<&str>| t.map_or(true, |t| style::width(style::clean(t).trim()) <= col);
    let token = |t: Option<&str>| {
        let mut r = Rich::new();
        if let Some(t) = t {
            r.push(&fit_token(t, col, false), Style::META);
        }
        r
    };
    // Both kinds move together, so each side's URL stays above its path.
    let in_columns = fits(docs.a.article.url.as_deref())
        && fits(docs.b.article.url.as_deref())
        && fits(Some(&docs.a.article.path))
        && fits(Some(&docs.b.article.path));
    let column_row = |left: Rich, right: Rich| {
        (!left.is_blank() || !right.is_blank()).then_some(Row {
            mark: RULE,
            mark_style: Style::PLAIN,
            left,
            right,
        })
    };
    let urls = in_columns
        .then(|| {
            column_row(
                token(docs.a.article.url.as_deref()),
                token(docs.b.article.url.as_deref()),
            )
        })
        .flatten();
    let paths = in_columns
        .then(|| {
            column_row(
                token(Some(&docs.a.article.path)),
                token(Some(&docs.b.article.path)),
            )
        })
        .flatten();
    for row in [
        Row {
            mark: RULE,
            mark_style: Style::PLAIN,
            left: head(Side::A, &docs.a),
            right: head(Side::B, &docs.b),
        },
        Row {
            mark: RULE,
            mark_style: Style::PLAIN,
            left: meta(&docs.a),
            right: meta(&docs.b),
        },
    ]
    .into_iter()
    .chain(urls)
    .chain(paths)
    {
        if row.left.is_blank() && row.right.is_blank() {
            continue;
        }
        emit(&row, col, color, &mut s);
    }
    if !in_columns {
        whole_references(docs, w, opts, &mut s);
    }
    summary(c, w, color, &mut s);
    super::discrepancies::terminal(c, w, color, &mut s);
    legend(w, color, &mut s);
    s.push_str(&"\u{2500}".repeat(col));
    s.push_str("\u{2500}\u{253c}\u{2500}");
    s.push_str(&"\u{2500}".repeat(col));
    s.push('\n');
    let sentence_rows = sentence_rows(docs, c, color);
    for (n, row) in sentence_rows.iter().enumerate() {
        if n > 0 {
            separator(col, &mut s);
        }
        emit(row, col, color, &mut s);
    }
    s.push('\n');
    quotes(docs, c, col, color, &mut s);
    out.write_all(s.as_bytes())
}

/// Each side's URL and reference on lines of their own under its letter,
/// when one of them is too wide for a column. A URL is an OSC 8 link
/// where hyperlinks are on.
fn whole_references(docs: &Pair<Document>, w: usize, opts: &RenderOptions, s: &mut String) {
    let color = opts.ink();
    let room = w.saturating_sub(3);
    for (side, d) in [(Side::A, &docs.a), (Side::B, &docs.b)] {
        let mut letter = Rich::new();
        letter.push(if side == Side::A { "A" } else { "B" }, side_style(side));
        let mut first = true;
        let mut put = |text: &str, keep_id: bool, link: Option<&str>, s: &mut String| {
            if std::mem::take(&mut first) {
                paint(&letter, 0..letter.text().len(), color, s);
                s.push_str("  ");
            } else {
                s.push_str("   ");
            }
            let mut r = Rich::new();
            r.push(&fit_token(text, room, keep_id), Style::META);
            style::line(&r, 0, link, color, s);
        };
        if let Some(url) = d.article.url.as_deref().filter(|u| !u.trim().is_empty()) {
            put(
                url,
                false,
                super::parts::linkable(url).filter(|_| opts.hyperlinks),
                s,
            );
        }
        // An empty path (a record read from a stream may name none) gets no
        // line: the letter alone would run into the summary below.
        if !d.article.path.trim().is_empty() {
            put(&d.article.path, true, None, s);
        }
    }
}

/// What the marks between the columns mean.
fn legend(w: usize, color: Ink, s: &mut String) {
    let mut r = Rich::new();
    for kind in ["same", "edited", "paraphrase", "merged"] {
        let (glyph, st) = kind_mark(kind);
        r.push(glyph, st).push(&format!(" {kind}   "), Style::PLAIN);
    }
    r.push("<", side_style(Side::A))
        .push(" only in A   ", Style::PLAIN);
    r.push(">", side_style(Side::B))
        .push(" only in B", Style::PLAIN);
    block(&r, 0, 2, w, color, s);
}

/// The blank line between two rows, with the rule between the columns.
fn separator(col: usize, s: &mut String) {
    s.push_str(&" ".repeat(col + 1));
    s.push_str(RULE);
    s.push('\n');
}

/// Writes one row: both cells wrapped to `col` columns, side by side.
fn emit(row: &Row, col: usize, color: Ink, s: &mut String) {
    let left = wrap(&row.left, col, col);
    let right = wrap(&row.right, col, col);
    let n = left.len().max(right.len()).max(1);
    for k in 0..n {
        let used = match left.get(k) {
            Some(r) => paint(&row.left, r.clone(), color, s),
            None => 0,
        };
        s.push_str(&" ".repeat(col.saturating_sub(used) + 1));
        if k == 0 {
            let mut m = Rich::new();
            m.push(row.mark, row.mark_style);
            paint(&m, 0..m.text().len(), color, s);
        } else {
            s.push_str(RULE);
        }
        if let Some(r) = right.get(k) {
            s.push(' ');
            paint(&row.right, r.clone(), color, s);
        }
        s.push('\n');
    }
}

/// The sentence rows in reading order.
fn sentence_rows(docs: &Pair<Document>, c: &Comparison, color: Ink) -> Vec<Row> {
    let mut rows = Vec::new();
    for &item in &c.reading_order {
        let mut left = Rich::new();
        let mut right = Rich::new();
        let (mark, mark_style) = match item {
            ReadingItem::Aligned(index) => {
                let Some(al) = c.alignments.get(index) else {
                    continue;
                };
                left.push(&label("A", &al.a), Style::META);
                left.push(" ", Style::PLAIN);
                let whole = drawn_whole(al);
                let [va, vb] = claim_values(c, al);
                if whole {
                    left.push_whole(&al.diff, Side::A);
                } else {
                    left.push_diff_with(&al.diff, Some(Side::A), color, [&va, &vb]);
                }
                right.push(&label("B", &al.b), Style::META);
                if al.moved {
                    right.push(" ", Style::PLAIN).push("moved", Style::WARNING);
                }
                right.push(" ", Style::PLAIN);
                if whole {
                    right.push_whole(&al.diff, Side::B);
                } else {
                    right.push_diff_with(&al.diff, Some(Side::B), color, [&va, &vb]);
                }
                kind_mark(&name(&al.kind))
            }
            ReadingItem::OnlyA(i) => {
                left.push(&label("A", &[i]), Style::META);
                left.push(" ", Style::PLAIN);
                left.push_article(docs.a.sentence_text(i), Style::PLAIN);
                ("<", side_style(Side::A))
            }
            ReadingItem::OnlyB(j) => {
                right.push(&label("B", &[j]), Style::META);
                right.push(" ", Style::PLAIN);
                right.push_article(docs.b.sentence_text(j), Style::PLAIN);
                (">", side_style(Side::B))
            }
        };
        rows.push(Row {
            mark,
            mark_style,
            left,
            right,
        });
    }
    rows
}

/// A quote in curly quotation marks, from its own text or a diff side.
fn quoted(r: &mut Rich, words: &str) {
    r.push("\u{201c}", Style::PLAIN);
    r.push_article(words, Style::PLAIN);
    r.push("\u{201d}", Style::PLAIN);
}

/// The quotes section, one row per quote or pair of quotes.
fn quotes(docs: &Pair<Document>, c: &Comparison, col: usize, color: Ink, s: &mut String) {
    let w = col * 2 + GUTTER;
    let mut h = Rich::new();
    h.push("Quotes", Style::HEADING);
    block(&h, 0, 0, w, color, s);
    let sub = |text: String, st: Style, s: &mut String| {
        let mut r = Rich::new();
        r.push(&text, st);
        block(&r, 0, 0, w, color, s);
    };
    let verbatim = matches_of(c, "verbatim");
    let variant = matches_of(c, "variant");
    let only_a = unmatched_quotes(&docs.a, &c.unmatched_quotes.a);
    let only_b = unmatched_quotes(&docs.b, &c.unmatched_quotes.b);
    if verbatim.is_empty() && variant.is_empty() && only_a.is_empty() && only_b.is_empty() {
        sub("No quotations.".into(), Style::PLAIN, s);
        return;
    }
    for (title, group) in [
        ("Shared verbatim", verbatim),
        ("Reported differently", variant),
    ] {
        if group.is_empty() {
            continue;
        }
        sub(
            format!("{title} ({})", group.len()),
            Style::PLAIN.bolded(),
            s,
        );
        for (n, m) in group.iter().enumerate() {
            if n > 0 {
                separator(col, s);
            }
            let mut left = Rich::new();
            let mut right = Rich::new();
            let verbatim = name(&m.kind) == "verbatim";
            if verbatim {
                quoted(&mut left, style::quote(&docs.a, m.a).unwrap_or(""));
                quoted(&mut right, style::quote(&docs.b, m.b).unwrap_or(""));
            } else {
                let tags = change_tags(m);
                right.push(
                    &format!("{}: ", if tags.is_empty() { "variant" } else { &tags }),
                    Style::fg(style::Color::Yellow),
                );
                for (side, r) in [(Side::A, &mut left), (Side::B, &mut right)] {
                    r.push("\u{201c}", Style::PLAIN);
                    r.push_diff(&m.diff, Some(side), color);
                    r.push("\u{201d}", Style::PLAIN);
                }
            }
            push_speakers(&mut left, speaker(&docs.a, m.a), None, m.speaker_agrees);
            push_speakers(&mut right, speaker(&docs.b, m.b), None, m.speaker_agrees);
            let (mark, mark_style) = match (m.speaker_agrees, verbatim) {
                (false, _) => ("!", Style::WARNING),
                (true, true) => kind_mark("same"),
                (true, false) => kind_mark("edited"),
            };
            emit(
                &Row {
                    mark,
                    mark_style,
                    left,
                    right,
                },
                col,
                color,
                s,
            );
            if !m.speaker_agrees {
                block(&speaker_warning(docs, m), 0, 2, w, color, s);
            }
        }
    }
    for (side, d, ids) in [(Side::A, &docs.a, only_a), (Side::B, &docs.b, only_b)] {
        if ids.is_empty() {
            continue;
        }
        let letter = if side == Side::A { "A" } else { "B" };
        sub(
            format!("Only in {letter} ({})", ids.len()),
            side_style(side),
            s,
        );
        for (n, k) in ids.into_iter().enumerate() {
            if n > 0 {
                separator(col, s);
            }
            let mut cell = Rich::new();
            quoted(&mut cell, style::quote(d, k).unwrap_or(""));
            push_speakers(&mut cell, speaker(d, k), None, true);
            let row = match side {
                Side::A => Row {
                    mark: "<",
                    mark_style: side_style(side),
                    left: cell,
                    right: Rich::new(),
                },
                Side::B => Row {
                    mark: ">",
                    mark_style: side_style(side),
                    left: Rich::new(),
                    right: cell,
                },
            };
            emit(&row, col, color, s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::options::Layout;
    use crate::render::testing::{
        drawn_to_fit, fixture, raw_comparison, raw_document, rendered, widest,
    };

    fn render_with(docs: &Pair<Document>, c: &Comparison, width: usize, color: bool) -> String {
        rendered(comparison, docs, c, Layout::SideBySide, width, color)
    }

    fn render(width: usize, color: bool) -> String {
        let (docs, c) = fixture();
        render_with(&docs, &c, width, color)
    }

    #[test]
    fn side_by_side_snapshots_plain_and_colored() {
        let (plain, color) = drawn_to_fit(render, &[80, 120], 100);
        for (w, text) in plain {
            insta::assert_snapshot!(format!("side_by_side_{w}"), text);
        }
        insta::assert_snapshot!("side_by_side_color_100", color);
    }

    #[test]
    fn a_reference_too_wide_for_its_column_gets_the_whole_width() {
        let (mut docs, c) = fixture();
        let id = "harbour-strike-2031-05-17-afp-wire-update-seven";
        docs.a.article.path = format!("/srv/feeds/2031/05/17/all.jsonl#{id}");
        for w in [80, 120] {
            let text = render_with(&docs, &c, w, false);
            let line = text
                .lines()
                .find(|l| l.contains(id))
                .expect("the id, whole");
            assert!(line.starts_with("A  /srv/feeds/"), "{line}");
            assert!(line.ends_with(&format!("#{id}")), "{line}");
            if w == 120 {
                assert!(line.ends_with(&docs.a.article.path), "whole: {line}");
            }
            assert!(!line.contains('\u{2502}'), "not in a column: {line}");
            let b = text.lines().find(|l| l.contains(&docs.b.article.path));
            assert!(b.is_some_and(|l| l.starts_with("B  ")), "{text}");
            assert!(widest(&text) <= w, "width {w}");
        }
        // Short references stay in the columns.
        let text = render(120, false);
        let line = text
            .lines()
            .find(|l| l.contains(&docs.b.article.path))
            .expect("B's path");
        assert!(line.contains('\u{2502}'), "{line}");
    }

    #[test]
    fn b_sentences_sit_beside_their_a_sentence() {
        let text = render(120, false);
        let line = text
            .lines()
            .find(|l| l.starts_with("A1 "))
            .expect("a row for A1");
        assert!(line.contains(" ~ B2 "), "{line}");
        assert!(text.contains("B1 moved"), "{text}");
    }

    #[test]
    fn never_wider_than_asked_from_the_minimum_up() {
        for w in MIN_WIDTH..=130 {
            for color in [false, true] {
                let text = render(w, color);
                assert!(widest(&text) <= w, "width {w}, color {color}");
            }
        }
    }

    #[test]
    fn the_columns_line_up_with_wide_and_combining_text() {
        let sa: Vec<String> = [
            "北约与俄罗斯外长周四在布鲁塞尔再次会谈，未能化解导弹防御分歧。",
            "Ministers met in Bru\u{308}ssel 🚀 and said “no deal” 👩\u{200d}🔬.",
            "회담은 결렬되었다 이번에도",
        ]
        .map(String::from)
        .to_vec();
        let sb: Vec<String> = [
            "Les ministres se sont re\u{301}unis à Bruxelles 🛰 sans accord.",
            "北约与俄罗斯未能达成协议。",
        ]
        .map(String::from)
        .to_vec();
        let a = raw_document(&sa, Some(1));
        let b = raw_document(&sb, Some(0));
        let c = raw_comparison(&a, &b, &sa, &sb);
        let docs = Pair::new(a, b);
        for w in [60, 61, 75, 100] {
            let col = (w - GUTTER) / 2;
            let text = render_with(&docs, &c, w, false);
            let rows = text
                .lines()
                .skip_while(|l| !l.starts_with('\u{2500}'))
                .skip(1)
                .take_while(|l| !l.is_empty());
            let mut n = 0;
            for line in rows {
                // The mark or rule sits right after the left column and its
                // space, whatever the left column holds.
                // Measured as unicode-width measures strings (a ZWJ emoji
                // sequence is one wide character).
                let mark = line
                    .char_indices()
                    .find(|&(i, _)| style::width(&line[..i]) == col + 1)
                    .map(|(_, ch)| ch);
                assert!(
                    matches!(mark, Some('\u{2502}' | '~' | '<' | '>')),
                    "width {w}: {line:?}"
                );
                n += 1;
            }
            assert!(n >= 4, "width {w}: {text}");
        }
    }
}
