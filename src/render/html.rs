//! The comparison as one self-contained HTML page: both articles' titles and
//! sources, the sentences side by side in A's order with removed words in
//! `<del>` and added words in `<ins>`, what only one side has, and the
//! quotes. The style sheet is inline; the page loads nothing.
//!
//! The page is built with maud, whose templates escape every value they
//! interpolate, so article text can never become markup: only the style
//! sheet below is written unescaped. The finished page then goes through
//! the sanitiser as a whole ([`Shown::lines`]) before it is written: the
//! page's own markup holds no control or format character, so this shows
//! exactly the ones that came from article text, escaped and visible as in
//! the terminal, and no value can be forgotten. A Content-Security-Policy
//! forbids scripts, plugins, frames and every request, so even markup that
//! slipped through could neither run nor load anything.

use super::options::RenderOptions;
use super::parts::{change_tags, kind_mark, matches_of, speaker, unmatched_quotes};
use super::sanitize::Shown;
use super::style::{self, label, name};
use crate::diff::{DiffOp, Op};
use crate::quotes::QuoteMatch;
use crate::{Comparison, Document, Pair, ReadingItem, Side};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use std::io::{self, Write};

/// The page's style sheet. Colors follow the reader's light or dark setting.
const CSS: &str = r#"
:root { --fg: #1d1f21; --bg: #fdfdfc; --muted: #6a6f75; --rule: #d9dcdf;
  --del: #fbe0e0; --del-fg: #8a1010; --ins: #dcf3df; --ins-fg: #0d5a1e;
  --warn: #fff1c9; --warn-fg: #7a5200; --card: #f3f4f5;
  --only-a: #fdf3f3; --only-b: #f1faf2; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e4e6e8; --bg: #17191b; --muted: #9aa0a6; --rule: #33373b;
    --del: #4a1f22; --del-fg: #ffb3b3; --ins: #1d3d25; --ins-fg: #a8e6b4;
    --warn: #4a3b12; --warn-fg: #ffd97a; --card: #222528;
    --only-a: #2a1c1d; --only-b: #1b2a1f; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 1.5rem; color: var(--fg);
  background: var(--bg); font: 16px/1.55 Georgia, "Times New Roman", serif; }
h1, h2, h3, .mark, .num, .summary, .legend, .path, .tags, .speaker, .side {
  font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.3rem; margin: 0 0 1rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: .95rem; margin: 1.25rem 0 .25rem; color: var(--muted); }
.articles { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.article { background: var(--card); border-radius: 6px; padding: .75rem 1rem; }
.article .title { font-size: 1.15rem; font-weight: bold; margin: .2rem 0; }
.side { display: inline-block; min-width: 1.6em; text-align: center; border-radius: 4px;
  font-weight: bold; font-size: .85rem; }
.side.a { background: var(--del); color: var(--del-fg); }
.side.b { background: var(--ins); color: var(--ins-fg); }
.source { font-weight: bold; }
.path, .num, .legend, .summary { color: var(--muted); font-size: .85rem; }
.summary { margin: 1rem 0 .25rem; }
.row { display: grid; grid-template-columns: 1fr 4.5rem 1fr; border-top: 1px solid var(--rule); }
.cell { padding: .5rem .75rem; }
.mark { text-align: center; padding: .5rem 0; font-size: .8rem; color: var(--muted); }
.mark b { display: block; font-size: 1.2rem; color: var(--fg); }
.row.only-a .cell.a { background: var(--only-a); border-left: 3px solid var(--del-fg); }
.row.only-b .cell.b { background: var(--only-b); border-left: 3px solid var(--ins-fg); }
del { background: var(--del); color: var(--del-fg); text-decoration: line-through; }
ins { background: var(--ins); color: var(--ins-fg); text-decoration: none; }
.moved, .warning { background: var(--warn); color: var(--warn-fg); border-radius: 3px;
  padding: 0 .3em; font-family: system-ui, sans-serif; font-size: .85rem; }
.warning { display: block; margin: .25rem .75rem .5rem; }
.tags { color: var(--warn-fg); font-size: .85rem; }
.speaker { color: var(--muted); font-size: .9rem; }
footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; }
.contents { font-family: system-ui, sans-serif; font-size: .9rem; margin: .75rem 0; }
.contents a { margin-right: 1em; }
a { color: inherit; }
.article, .cell, .path, .discrepancies li { min-width: 0; overflow-wrap: anywhere; }
.whole b.shared { font-weight: bold; text-decoration: underline dotted; }
.whole .note { color: var(--muted); font-size: .8rem; font-family: system-ui, sans-serif; }
q.value, mark.value { background: var(--warn); color: var(--warn-fg); font-weight: bold; }
@media (max-width: 700px) {
  body { padding: .75rem; }
  .articles, .row { grid-template-columns: minmax(0, 1fr); }
  .mark { text-align: left; padding: .25rem .75rem 0; }
  .mark b { display: inline; margin-right: .4em; }
}
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #444; --rule: #bbb; --card: #fff;
    --only-a: #fff; --only-b: #fff; --del: #fde4e4; --ins: #e2f5e5; --warn: #fff3cf; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .row, .article, .discrepancies li, .warning { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .article { border: 1px solid var(--rule); }
  a[href]::after { content: " (" attr(href) ")"; font-size: .8em; overflow-wrap: anywhere; }
  .contents { display: none; }
}
"#;

/// What the page may do: draw its own inline style sheet, nothing else (no
/// script, no request, no frame, no form, no base URL).
pub const CSP: &str = "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; \
     img-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'";

/// Writes the comparison as an HTML page.
pub fn comparison(
    docs: &Pair<Document>,
    c: &Comparison,
    _opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_page(page(docs, c), out)
}

/// Writes a rendered page, sanitised whole (the one way a page reaches
/// its reader), with a final newline.
pub(super) fn write_page(page: Markup, out: &mut dyn Write) -> io::Result<()> {
    let page = page.into_string();
    out.write_all(Shown::lines(&page).as_str().as_bytes())?;
    writeln!(out)
}

fn page(docs: &Pair<Document>, c: &Comparison) -> Markup {
    let m = &c.summary;
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(CSP);
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "wirediff: " (docs.a.article.title) " / " (docs.b.article.title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                h1 { "Comparison of two reports" }
                div.articles {
                    (article(Side::A, &docs.a))
                    (article(Side::B, &docs.b))
                }
                p.summary {
                    "Sentences: " (m.a_sentences) " in A, " (m.b_sentences) " in B · "
                    (m.aligned) " aligned · " (m.a_only_sentences) " only in A · "
                    (m.b_only_sentences) " only in B. Quotes: " (m.shared_quotes)
                    " shared (" (m.verbatim_quotes) " verbatim) · " (m.a_only_quotes)
                    " only in A · " (m.b_only_quotes) " only in B."
                }
                nav.contents {
                    "Contents: "
                    @if !c.discrepancies.is_empty() { a href="#discrepancies" { "Discrepancies" } }
                    a href="#quotes" { "Quotes" }
                    a href="#sentences" { "Sentences" }
                }
                (super::discrepancies::html(c))
                section #quotes {
                    h2 { "Quotes" }
                    (quotes(docs, c))
                }
                section #sentences {
                    h2 { "Sentences, in A's order" }
                    p.legend {
                        "= same · ~ edited · ≈ paraphrase · + merged · "
                        del { "removed words" } " · " ins { "added words" }
                        " · paraphrases are shown whole, " b { "shared words" } " in bold"
                    }
                    (sentences(docs, c))
                }
                footer { "Made by wirediff." }
            }
        }
    }
}

fn article(side: Side, d: &Document) -> Markup {
    let (letter, class) = side_names(side);
    html! {
        div class={ "article " (class) } {
            span class={ "side " (class) } { (letter) } " "
            @if let Some(src) = &d.article.source { span.source { (src) } }
            div.title { (d.article.title) }
            @if !d.article.authors.is_empty() {
                div.speaker { (d.article.authors.join(", ")) }
            }
            @if d.article.dateline.is_some() || d.article.published.is_some() {
                div.path {
                    @if let Some(place) = &d.article.dateline { (place) }
                    @if d.article.dateline.is_some() && d.article.published.is_some() { " · " }
                    @if let Some(when) = &d.article.published { (when) }
                }
            }
            @if let Some(url) = &d.article.url {
                div.path {
                    @if let Some(href) = super::parts::linkable(url) {
                        a href=(href) rel="noreferrer noopener" { (url) }
                    } @else { (url) }
                }
            }
            div.path { (d.article.path) }
        }
    }
}

fn side_names(side: Side) -> (&'static str, &'static str) {
    match side {
        Side::A => ("A", "a"),
        Side::B => ("B", "b"),
    }
}

/// One side of a word diff: its equal words plain, its own changes marked,
/// the `values` of discrepancy claims it states highlighted.
fn diff_side(ops: &[DiffOp], side: Side, values: &[&str]) -> Markup {
    let ops = crate::diff::regroup(ops);
    html! {
        @for op in &ops {
            @match (op.op, side) {
                (Op::Equal, _) => { (valued(op.text_of(side), values)) }
                (Op::Delete, Side::A) => { (marked(&op.text, Side::A, values)) }
                (Op::Insert, Side::B) => { (marked(&op.text, Side::B, values)) }
                _ => {}
            }
        }
    }
}

/// Text with each occurrence of one of `values` in `<mark class=value>`.
fn valued(text: &str, values: &[&str]) -> Markup {
    let parts = super::rich::split_values(text, values);
    html! {
        @for (t, hit) in parts {
            @if hit { mark.value { (t) } } @else { (t) }
        }
    }
}

/// One side of a diff whole, its shared content words in bold (a
/// paraphrase, see `parts::drawn_whole`).
fn whole_side(ops: &[DiffOp], side: Side) -> Markup {
    use unicode_segmentation::UnicodeSegmentation;
    let own = match side {
        Side::A => Op::Delete,
        Side::B => Op::Insert,
    };
    html! {
        @for op in ops {
            @if op.op == own { (op.text) }
            @else if op.op == Op::Equal {
                @for piece in op.text_of(side).split_word_bounds() {
                    @if piece.chars().any(char::is_alphanumeric)
                        && !crate::lexicon::is_stopword(&piece.to_lowercase()) {
                        b.shared { (piece) }
                    } @else { (piece) }
                }
            }
        }
    }
}

/// A changed run in `<del>` or `<ins>`, its edge white space left outside
/// so the highlight covers words only.
fn marked(text: &str, side: Side, values: &[&str]) -> Markup {
    let core = text.trim();
    let lead = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if core.is_empty() || !text.ends_with(char::is_whitespace) {
        ""
    } else {
        " "
    };
    html! {
        (lead)
        @if !core.is_empty() {
            @match side {
                Side::A => { del { (valued(core, values)) } }
                Side::B => { ins { (valued(core, values)) } }
            }
        }
        (trail)
    }
}

fn glyph(kind: &str) -> &'static str {
    kind_mark(kind).0
}

fn sentences(docs: &Pair<Document>, c: &Comparison) -> Markup {
    html! {
        @for &item in &c.reading_order {
            @match item {
                ReadingItem::Aligned(index) => {
                    @if let Some(al) = c.alignments.get(index) {
                        @let kind = name(&al.kind);
                        @let whole = super::parts::drawn_whole(al);
                        @let values = super::parts::claim_values(c, al);
                        div class={ "row " (kind) @if whole { " whole" } } {
                            div.cell.a {
                                span.num { (label("A", &al.a)) } " "
                                @if whole { (whole_side(&al.diff, Side::A)) }
                                @else { (diff_side(&al.diff, Side::A, &values[0])) }
                            }
                            div.mark title={ (kind) " " (super::parts::score(al.score)) } {
                                b { (glyph(&kind)) } (kind) br; (super::parts::score(al.score))
                            }
                            div.cell.b {
                                span.num { (label("B", &al.b)) } " "
                                @if al.moved { span.moved { "moved" } " " }
                                @if whole { (whole_side(&al.diff, Side::B)) }
                                @else { (diff_side(&al.diff, Side::B, &values[1])) }
                            }
                        }
                    }
                }
                ReadingItem::OnlyA(i) => {
                    div.row.only-a {
                        div.cell.a {
                            span.num { (label("A", &[i])) } " "
                            (docs.a.sentence_text(i))
                        }
                        div.mark { b { "<" } "only in A" }
                        div.cell.b {}
                    }
                }
                ReadingItem::OnlyB(j) => {
                    div.row.only-b {
                        div.cell.a {}
                        div.mark { b { ">" } "only in B" }
                        div.cell.b {
                            span.num { (label("B", &[j])) } " "
                            (docs.b.sentence_text(j))
                        }
                    }
                }
            }
        }
    }
}

fn who(name: Option<&str>) -> Markup {
    html! {
        span.speaker { " — " (name.unwrap_or("speaker not given")) }
    }
}

fn quote_pair(docs: &Pair<Document>, m: &QuoteMatch) -> Markup {
    let verbatim = name(&m.kind) == "verbatim";
    let tags = change_tags(m);
    html! {
        div class={ "row " @if verbatim { "same" } @else { "edited" } } {
            div.cell.a {
                "“" @if verbatim { (style::quote(&docs.a, m.a).unwrap_or("")) }
                @else { (diff_side(&m.diff, Side::A, &[])) } "”"
                (who(speaker(&docs.a, m.a)))
            }
            div.mark title=(format!("{:.2}", m.score)) {
                b { @if !m.speaker_agrees { "!" } @else if verbatim { "=" } @else { "~" } }
                @if verbatim { "verbatim" } @else { "variant" }
            }
            div.cell.b {
                @if !verbatim {
                    span.tags { (if tags.is_empty() { "variant".to_string() } else { tags }) ": " }
                }
                "“" @if verbatim { (style::quote(&docs.b, m.b).unwrap_or("")) }
                @else { (diff_side(&m.diff, Side::B, &[])) } "”"
                (who(speaker(&docs.b, m.b)))
            }
        }
        @if !m.speaker_agrees {
            span.warning {
                "The articles give these words to different speakers: A to "
                (speaker(&docs.a, m.a).unwrap_or("nobody")) ", B to "
                (speaker(&docs.b, m.b).unwrap_or("nobody")) "."
            }
        }
    }
}

fn quotes(docs: &Pair<Document>, c: &Comparison) -> Markup {
    let verbatim = matches_of(c, "verbatim");
    let variant = matches_of(c, "variant");
    let only_a = unmatched_quotes(&docs.a, &c.unmatched_quotes.a);
    let only_b = unmatched_quotes(&docs.b, &c.unmatched_quotes.b);
    let none = verbatim.is_empty() && variant.is_empty() && only_a.is_empty() && only_b.is_empty();
    html! {
        @if none { p { "No quotations." } }
        @if !verbatim.is_empty() {
            h3 { "Shared verbatim (" (verbatim.len()) ")" }
            @for m in &verbatim { (quote_pair(docs, m)) }
        }
        @if !variant.is_empty() {
            h3 { "Reported differently (" (variant.len()) ")" }
            @for m in &variant { (quote_pair(docs, m)) }
        }
        @if !only_a.is_empty() {
            h3 { "Only in A (" (only_a.len()) ")" }
            @for &k in &only_a {
                div.row.only-a {
                    div.cell.a {
                        "“" (style::quote(&docs.a, k).unwrap_or("")) "”" (who(speaker(&docs.a, k)))
                    }
                    div.mark { b { "<" } }
                    div.cell.b {}
                }
            }
        }
        @if !only_b.is_empty() {
            h3 { "Only in B (" (only_b.len()) ")" }
            @for &k in &only_b {
                div.row.only-b {
                    div.cell.a {}
                    div.mark { b { ">" } }
                    div.cell.b {
                        "“" (style::quote(&docs.b, k).unwrap_or("")) "”" (who(speaker(&docs.b, k)))
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::testing::fixture;

    fn render(docs: &Pair<Document>, c: &Comparison) -> String {
        let mut out = Vec::new();
        comparison(docs, c, &RenderOptions::default(), &mut out).expect("writing to memory");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn html_snapshot() {
        let (docs, c) = fixture();
        insta::assert_snapshot!("html", render(&docs, &c));
    }

    #[test]
    fn the_page_loads_nothing_from_elsewhere() {
        let (docs, c) = fixture();
        let page = render(&docs, &c);
        assert!(page.starts_with("<!DOCTYPE html>"));
        for outside in ["<script", "<link", "src=", "@import", "url("] {
            assert!(!page.contains(outside), "{outside}");
        }
        assert!(page.contains("<del>"));
        assert!(page.contains("<ins>"));
        assert!(page.contains("only in A"));
        assert!(page.contains("different speakers"));
    }

    #[test]
    fn article_text_is_escaped() {
        let (mut docs, mut c) = fixture();
        let attack = "<script>alert('x')</script> & \"quoted\"";
        docs.a.article.title = attack.into();
        docs.b.article.source = Some("<img src=x onerror=alert(1)>".into());
        docs.a.quotes[1].speaker = Some("<b>bold</b>".into());
        if let Some(al) = c.alignments.first_mut() {
            al.diff = crate::diff::word_diff("a <script>x()</script>", "a <style>*{}</style>");
        }
        let page = render(&docs, &c);
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<img"));
        assert!(!page.contains("<b>bold"));
        assert!(!page.contains("<style>*"));
        assert!(page.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;quoted&quot;"));
        assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }
}
