//! The discrepancies of a comparison in each output: the JSON list, the
//! terminal section and the HTML section, one line per discrepancy (kind,
//! what, each source's value with its sentence number). Article text
//! reaches the terminal only cleaned ([`super::style::clean`]) and the page
//! only escaped (maud escapes every value).

use super::options::Ink;
use super::style::{block, Rich, Style};
use crate::discrepancy::Discrepancy;
use crate::{Comparison, Document, Pair};
use maud::{html, Markup};
use serde::Serialize;

/// One claim as the JSON contract shows it.
#[derive(Serialize)]
pub struct ClaimJson<'a> {
    article: usize,
    sentence: usize,
    start: usize,
    end: usize,
    text: &'a str,
    value: &'a str,
    normalized: Option<&'a str>,
}

/// One discrepancy as the JSON contract shows it.
#[derive(Serialize)]
pub struct DiscrepancyJson<'a> {
    kind: crate::discrepancy::FactKind,
    what: &'a str,
    claims: Vec<ClaimJson<'a>>,
}

fn doc_of(docs: &Pair<Document>, article: usize) -> &Document {
    if article == 0 {
        &docs.a
    } else {
        &docs.b
    }
}

/// The `discrepancies` list of the JSON output.
pub fn json<'a>(docs: &'a Pair<Document>, c: &'a Comparison) -> Vec<DiscrepancyJson<'a>> {
    listed(&|k| &doc_of(docs, k).article.text, &c.discrepancies)
}

/// The `discrepancies` list of the JSON output of many articles.
pub fn json_many<'a>(docs: &'a [Document], list: &'a [Discrepancy]) -> Vec<DiscrepancyJson<'a>> {
    listed(
        &|k| docs.get(k).map_or("", |d| d.article.text.as_str()),
        list,
    )
}

fn listed<'a>(
    text_of: &dyn Fn(usize) -> &'a str,
    list: &'a [Discrepancy],
) -> Vec<DiscrepancyJson<'a>> {
    list.iter()
        .map(|d| DiscrepancyJson {
            kind: d.kind,
            what: &d.what,
            claims: d
                .claims
                .iter()
                .map(|cl| ClaimJson {
                    article: cl.article,
                    sentence: cl.stated.sentence,
                    start: cl.stated.span.start,
                    end: cl.stated.span.end,
                    text: text_of(cl.article)
                        .get(cl.stated.span.start..cl.stated.span.end)
                        .unwrap_or(""),
                    value: &cl.stated.value,
                    normalized: cl.stated.normalized.as_deref(),
                })
                .collect(),
        })
        .collect()
}

fn kind_name(d: &Discrepancy) -> String {
    super::style::name(&d.kind)
}

fn side_letter(article: usize) -> &'static str {
    if article == 0 {
        "A"
    } else {
        "B"
    }
}

/// The terminal section: a heading and one line per discrepancy, nothing
/// when there is none. Sentence numbers count from 1, as in the views.
pub fn terminal(c: &Comparison, w: usize, color: Ink, s: &mut String) {
    let side = |article: usize| {
        let st = super::parts::side_style(if article == 0 {
            crate::Side::A
        } else {
            crate::Side::B
        });
        (side_letter(article).to_string(), st)
    };
    section(&c.discrepancies, &side, w, color, s);
}

/// The HTML section: a heading and a list, nothing when there is none.
pub fn html(c: &Comparison) -> Markup {
    html_many(&c.discrepancies, &|k| side_letter(k).to_string())
}

/// The terminal section of a comparison of many articles: as
/// [`terminal`], each claim labelled by `letter` of its article.
pub fn terminal_many(
    list: &[Discrepancy],
    letter: &dyn Fn(usize) -> String,
    w: usize,
    color: Ink,
    s: &mut String,
) {
    section(list, &|k| (letter(k), Style::PLAIN.bolded()), w, color, s);
}

/// The heading and a line per discrepancy, each claim labelled by its
/// article's letter in its style.
fn section(
    list: &[Discrepancy],
    label: &dyn Fn(usize) -> (String, Style),
    w: usize,
    color: Ink,
    s: &mut String,
) {
    if list.is_empty() {
        return;
    }
    let mut h = Rich::new();
    h.push(&format!("Discrepancies ({})", list.len()), Style::HEADING);
    block(&h, 0, 0, w, color, s);
    for d in list {
        let mut r = Rich::new();
        r.push(&kind_name(d), Style::WARNING);
        r.push(" ", Style::PLAIN);
        r.push_article(&d.what, Style::PLAIN.bolded());
        r.push(": ", Style::PLAIN);
        for (k, cl) in d.claims.iter().enumerate() {
            if k > 0 {
                r.push(" \u{2260} ", Style::PLAIN);
            }
            let (letter, st) = label(cl.article);
            r.push(&format!("{}{} ", letter, cl.stated.sentence + 1), st);
            r.push_article(&cl.stated.value, Style::PLAIN);
        }
        block(&r, 2, 4, w, color, s);
    }
    s.push('\n');
}

/// The HTML section of a comparison of many articles, each claim labelled
/// by `letter` of its article.
pub fn html_many(list: &[Discrepancy], letter: &dyn Fn(usize) -> String) -> Markup {
    html! {
        @if !list.is_empty() {
            section.discrepancies #discrepancies {
                h2 { "Discrepancies (" (list.len()) ")" }
                ul {
                    @for d in list {
                        li {
                            b { (kind_name(d)) } " " (d.what) ": "
                            @for (k, cl) in d.claims.iter().enumerate() {
                                @if k > 0 { " ≠ " }
                                span.side { (letter(cl.article)) (cl.stated.sentence + 1) } " "
                                q { (cl.stated.value) }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discrepancy::{Claim, FactKind, Stated};

    fn with_discrepancy(value_b: &str) -> (Pair<Document>, Comparison) {
        let (docs, mut c) = crate::render::testing::fixture();
        c.discrepancies.push(Discrepancy {
            kind: FactKind::Number,
            what: "killed".into(),
            claims: vec![
                Claim {
                    article: 0,
                    stated: Stated {
                        sentence: 0,
                        span: crate::Span::new(0, 4),
                        value: "12".into(),
                        normalized: Some("12".into()),
                    },
                },
                Claim {
                    article: 1,
                    stated: Stated {
                        sentence: 2,
                        span: crate::Span::new(0, 4),
                        value: value_b.into(),
                        normalized: None,
                    },
                },
            ],
        });
        (docs, c)
    }

    #[test]
    fn the_terminal_line_names_kind_what_and_each_value() {
        let (_, c) = with_discrepancy("fifteen\x1b[31m");
        let mut s = String::new();
        terminal(&c, 80, None, &mut s);
        assert!(s.starts_with("Discrepancies (1)\n"), "{s}");
        assert!(
            s.contains("number killed: A1 12 \u{2260} B3 fifteen\\x1b[31m"),
            "{s}"
        );
        assert!(!s.contains('\x1b'));
        let (_, none) = crate::render::testing::fixture();
        let mut empty = String::new();
        terminal(&none, 80, None, &mut empty);
        assert!(empty.is_empty());
    }

    #[test]
    fn the_html_section_escapes_values() {
        let (_, c) = with_discrepancy("<script>15</script>");
        let page = html(&c).into_string();
        assert!(page.contains("&lt;script&gt;15"), "{page}");
        assert!(!page.contains("<script>"));
    }
}
