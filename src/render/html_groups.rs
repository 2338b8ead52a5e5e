//! A comparison of three or more articles as one self-contained HTML page:
//! the articles, the discrepancies, then each sentence group once — a
//! column per article for up to four articles, a list beyond (columns of
//! a fifth article would be too narrow to read) — every member after the
//! first shown as a word diff against the first, then each article's
//! exclusive sentences and the quotes several carry.
//!
//! Escaping is [`super::html`]'s: maud escapes every interpolated value,
//! the finished page goes through the sanitiser whole, and the same
//! Content-Security-Policy forbids scripts and requests.

use super::groups::{letter, source_names};
use super::options::RenderOptions;
use super::parts::kind_mark;
use super::style::{label, name};
use crate::diff::{regroup, DiffOp, Op};
use crate::nway::{Collation, Group, Member};
use crate::Document;
use maud::{html, Markup, PreEscaped, DOCTYPE};
use std::io::{self, Write};

/// Up to this many articles get a column each.
pub const MAX_COLUMNS: usize = 4;

const CSS: &str = r#"
:root { --fg: #1d1f21; --bg: #fdfdfc; --muted: #6a6f75; --rule: #d9dcdf;
  --del: #fbe0e0; --del-fg: #8a1010; --ins: #dcf3df; --ins-fg: #0d5a1e;
  --warn: #fff1c9; --warn-fg: #7a5200; --card: #f3f4f5; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e4e6e8; --bg: #17191b; --muted: #9aa0a6; --rule: #33373b;
    --del: #4a1f22; --del-fg: #ffb3b3; --ins: #1d3d25; --ins-fg: #a8e6b4;
    --warn: #4a3b12; --warn-fg: #ffd97a; --card: #222528; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1400px; padding: 1.5rem; color: var(--fg);
  background: var(--bg); font: 16px/1.55 Georgia, "Times New Roman", serif; }
h1, h2, .mark, .summary, .path, .side, .carriers { font-family: system-ui, sans-serif; }
h1 { font-size: 1.3rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--rule); }
.articles { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
.article { background: var(--card); border-radius: 6px; padding: .75rem 1rem; }
.title { font-weight: bold; }
.path, .summary, .mark, .carriers { color: var(--muted); font-size: .85rem; }
.path { overflow-wrap: anywhere; }
.side { font-weight: bold; font-size: .85rem; margin-right: .4em; }
.row { display: grid; border-top: 1px solid var(--rule); }
.cell { padding: .5rem .75rem; }
.cell.absent { background: var(--card); }
.item { border-top: 1px solid var(--rule); padding: .5rem 0; }
.item p { margin: .25rem 0 .25rem 1rem; }
del { background: var(--del); color: var(--del-fg); text-decoration: line-through; }
ins { background: var(--ins); color: var(--ins-fg); text-decoration: none; }
.warning { background: var(--warn); color: var(--warn-fg); padding: 0 .3em; font-size: .85rem; }
@media (max-width: 700px) { .row { grid-template-columns: 1fr !important; } }
"#;

/// Writes the comparison of many articles as an HTML page.
pub fn collation(
    docs: &[Document],
    c: &Collation,
    _opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    super::html::write_page(page(docs, c), out)
}

fn member_text(docs: &[Document], m: &Member) -> String {
    let parts: Vec<&str> = docs
        .get(m.article)
        .map(|d| m.sentences.iter().map(|&i| d.sentence_text(i)).collect())
        .unwrap_or_default();
    parts.join(" ")
}

/// A member's words: the first's as they are, the others' as a diff
/// against the first.
fn member_words(docs: &[Document], g: &Group, k: usize) -> Markup {
    match g.members.get(k) {
        Some(m) if k == 0 => html! { (member_text(docs, m)) },
        Some(m) => diff(&m.diff),
        None => html! {},
    }
}

fn diff(ops: &[DiffOp]) -> Markup {
    html! {
        @for op in &regroup(ops) {
            @match op.op {
                Op::Equal => (op.text),
                Op::Delete => del { (op.text) },
                Op::Insert => ins { (op.text) },
            }
        }
    }
}

fn page(docs: &[Document], c: &Collation) -> Markup {
    let names = source_names(docs);
    let m = &c.summary;
    let columns = docs.len() <= MAX_COLUMNS;
    let grid = format!("grid-template-columns: 7rem repeat({}, 1fr)", docs.len());
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(super::html::CSP);
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "wirediff: " (docs.len()) " reports" }
                style { (PreEscaped(CSS)) }
            }
            body {
                h1 { "Comparison of " (docs.len()) " reports" }
                div.articles {
                    @for (k, d) in docs.iter().enumerate() {
                        div.article {
                            span.side { (letter(k)) }
                            @if let Some(src) = &d.article.source { b { (src) } " · " }
                            span.title { (d.article.title) }
                            div.path { (d.article.path) }
                        }
                    }
                }
                p.summary {
                    "Sentences: " (m.groups) " groups (" (m.groups_in_all) " in all "
                    (m.articles) ") · " (m.exclusive_sentences) " only in one. Quotes: "
                    (m.quote_groups) " carried by several."
                }
                (super::discrepancies::html_many(&c.discrepancies, &letter))
                h2 { "Sentences several carry" }
                @for g in &c.groups {
                    @let kind = name(&g.kind);
                    @let (glyph, _) = kind_mark(&kind);
                    @if columns {
                        div.row style=(grid) {
                            div.cell.mark { b { (glyph) } " " (kind) " " (format!("{:.2}", g.score)) }
                            @for k in 0..docs.len() {
                                @match g.members.iter().position(|mm| mm.article == k) {
                                    Some(p) => div.cell {
                                        span.side { (label(&letter(k), &g.members[p].sentences)) }
                                        (member_words(docs, g, p))
                                    },
                                    None => div.cell.absent {},
                                }
                            }
                        }
                    } @else {
                        div.item {
                            div.carriers {
                                (glyph) " " (kind) " " (format!("{:.2}", g.score)) " · "
                                @for (p, mm) in g.members.iter().enumerate() {
                                    @if p > 0 { " " }
                                    (names.get(mm.article).map_or("", String::as_str))
                                }
                            }
                            @for (p, mm) in g.members.iter().enumerate() {
                                p {
                                    span.side { (label(&letter(mm.article), &mm.sentences)) }
                                    (member_words(docs, g, p))
                                }
                            }
                        }
                    }
                }
                @for (k, only) in c.exclusive.iter().enumerate() {
                    @if !only.is_empty() {
                        h2 { "Only in " (names.get(k).map_or("", String::as_str)) " (" (only.len()) ")" }
                        @for &i in only {
                            div.item { p {
                                span.side { (label(&letter(k), &[i])) }
                                (docs.get(k).map_or("", |d| d.sentence_text(i)))
                            } }
                        }
                    }
                }
                @if !c.quote_groups.is_empty() {
                    h2 { "Quotes several carry" }
                    @for g in &c.quote_groups {
                        div.item {
                            div.carriers {
                                (name(&g.kind)) " · "
                                @for (p, mm) in g.members.iter().enumerate() {
                                    @if p > 0 { " · " }
                                    (names.get(mm.article).map_or("", String::as_str)) " "
                                    (label(&letter(mm.article), &[mm.sentence])) " "
                                    (mm.speaker.as_deref().unwrap_or("(no speaker)"))
                                }
                                @if !g.speaker_agrees { " " span.warning { "speakers differ" } }
                            }
                            @if let Some(first) = g.members.first() {
                                p { "\u{201c}" (docs.get(first.article).and_then(|d| super::style::quote(d, first.quote)).unwrap_or("")) "\u{201d}" }
                            }
                        }
                    }
                }
            }
        }
    }
}
