//! Test helpers shared by the terminal views' tests.

/// Removes SGR escape sequences (what the views write, nothing else).
pub fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find("\x1b[") {
        out.push_str(&rest[..p]);
        let after = &rest[p + 2..];
        match after.find('m') {
            Some(m) => rest = &after[m + 1..],
            None => {
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Rewrites SGR escapes as readable tags: `<bold red>` … `</>`; escapes
/// that follow one another make one tag, and a 256-color background
/// reads `on-N`.
pub fn explain_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find("\x1b[") {
        out.push_str(&rest[..p]);
        let mut names: Vec<String> = Vec::new();
        let mut after = &rest[p..];
        while let Some(seq) = after.strip_prefix("\x1b[") {
            let Some(m) = seq.find('m') else {
                break;
            };
            let codes: Vec<&str> = seq[..m].split(';').collect();
            let mut k = 0;
            while k < codes.len() {
                let name = match codes[k] {
                    "0" => "/".to_string(),
                    "1" => "bold".to_string(),
                    "4" => "underline".to_string(),
                    "9" => "strike".to_string(),
                    "31" => "red".to_string(),
                    "32" => "green".to_string(),
                    "33" => "yellow".to_string(),
                    "34" => "blue".to_string(),
                    "35" => "magenta".to_string(),
                    "36" => "cyan".to_string(),
                    "48" if codes.get(k + 1) == Some(&"5") => {
                        k += 2;
                        format!("on-{}", codes.get(k).unwrap_or(&"?"))
                    }
                    other => other.to_string(),
                };
                names.push(name);
                k += 1;
            }
            after = &seq[m + 1..];
        }
        if names.is_empty() {
            // A lone ESC [ without its `m` is dropped.
            rest = &rest[p + 2..];
            continue;
        }
        out.push('<');
        out.push_str(&names.join(" "));
        out.push('>');
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The widest line, measured without escapes.
pub fn widest(s: &str) -> usize {
    strip_ansi(s)
        .lines()
        .map(crate::render::rich::width)
        .max()
        .unwrap_or(0)
}

/// A view drawn plain at each of `widths` and in color at `color_width`,
/// each checked to fit its width: what the views' snapshots record (the
/// color one with its escapes spelled out).
pub fn drawn_to_fit(
    draw: impl Fn(usize, bool) -> String,
    widths: &[usize],
    color_width: usize,
) -> (Vec<(usize, String)>, String) {
    let plain = widths
        .iter()
        .map(|&w| (w, draw(w, false)))
        .collect::<Vec<_>>();
    let color = draw(color_width, true);
    for (w, text) in plain.iter().chain([&(color_width, color.clone())]) {
        assert!(widest(text) <= *w, "wider than {w}:\n{text}");
    }
    (plain, explain_ansi(&color))
}

use crate::compare::{AlignKind, Alignment, Comparison, Summary};
use crate::diff::word_diff;
use crate::quotes::{Change, MatchKind, Quote, QuoteKind, QuoteMatch};
use crate::{Document, Pair, Sentence, Span};

/// A document read from `title` and `sentences` (one paragraph each)
/// with its sentences and quotes given by hand, so the views' tests do
/// not change when the segmenter or the quote finder does. A quote is
/// (sentence, quoted words, speaker).
pub fn document(
    path: &str,
    source: &str,
    title: &str,
    sentences: &[&str],
    quotes: &[(usize, &str, Option<&str>)],
) -> Document {
    let text = format!("{title}\n\n{}", sentences.join("\n\n"));
    let mut article = crate::article::article_from_text(path, &text).expect("a plain-text article");
    article.source = Some(source.to_string());
    let mut spans = Vec::new();
    let mut from = 0;
    for (p, s) in sentences.iter().enumerate() {
        let start = from + article.text[from..].find(s).expect("sentence in text");
        spans.push(Sentence {
            span: Span::new(start, start + s.len()),
            paragraph: p,
        });
        from = start + s.len();
    }
    let quotes = quotes
        .iter()
        .map(|&(i, words, speaker)| {
            let within = spans[i].span;
            let start = within.start + within.slice(&article.text).find(words).expect("quote");
            Quote {
                span: Span::new(start, start + words.len()),
                sentence: i,
                speaker: speaker.map(str::to_string),
                cue: Some("said".into()),
                kind: QuoteKind::Quotation,
            }
        })
        .collect();
    Document {
        article,
        sentences: spans,
        quotes,
    }
}

/// Builds a document from arbitrary sentences, bypassing every stage
/// that could reject or reshape them.
pub fn raw_document(sentences: &[String], quote_in: Option<usize>) -> Document {
    let mut text = String::new();
    let mut spans = Vec::new();
    for (p, s) in sentences.iter().enumerate() {
        let start = text.len();
        text.push_str(s);
        spans.push(crate::Sentence {
            span: crate::Span::new(start, text.len()),
            paragraph: p,
        });
        text.push_str("\n\n");
    }
    let quotes = quote_in
        .and_then(|i| spans.get(i))
        .map(|s| crate::Quote {
            span: s.span,
            sentence: 0,
            speaker: sentences.first().cloned(),
            cue: None,
            kind: crate::QuoteKind::Quotation,
        })
        .into_iter()
        .collect();
    Document {
        article: crate::Article {
            path: sentences.last().cloned().unwrap_or_default(),
            title: sentences.first().cloned().unwrap_or_default(),
            source: sentences.get(1).cloned(),
            text,
            ..Default::default()
        },
        sentences: spans,
        quotes,
    }
}

/// A comparison pairing sentence k of A with sentence k of B (B's in
/// reverse, so some are moved), with real word diffs.
pub fn raw_comparison(a: &Document, b: &Document, sa: &[String], sb: &[String]) -> Comparison {
    let n = sa.len().min(sb.len());
    let mut alignments: Vec<crate::Alignment> = (0..n)
        .map(|k| crate::Alignment {
            a: vec![k],
            b: vec![sb.len() - 1 - k],
            score: 0.5,
            kind: crate::AlignKind::Edited,
            moved: false,
            diff: crate::diff::word_diff(&sa[k], &sb[sb.len() - 1 - k]),
        })
        .collect();
    let matched = !a.quotes.is_empty() && !b.quotes.is_empty();
    let unmatched = Pair::new((n..sa.len()).collect(), (0..sb.len() - n).collect());
    let reading_order = crate::compare::arrange(&mut alignments, &unmatched);
    Comparison {
        alignments,
        quote_matches: if matched {
            vec![crate::quotes::QuoteMatch {
                a: 0,
                b: 0,
                score: 0.7,
                kind: crate::quotes::MatchKind::Variant,
                changes: vec![crate::quotes::Change::Reworded],
                speaker_agrees: false,
                diff: crate::diff::word_diff(&sa[0], &sb[0]),
            }]
        } else {
            Vec::new()
        },
        unmatched,
        unmatched_quotes: Pair::new(vec![0], vec![0]),
        reading_order,
        summary: Default::default(),
        discrepancies: Vec::new(),
    }
}

pub fn arbitrary_text() -> impl proptest::strategy::Strategy<Value = String> {
    proptest::prop_oneof![
        proptest::arbitrary::any::<String>(),
        "[a-z ]{0,30}( [\\x00-\\x1f\\x7f\\u{80}-\\u{9f}]){0,3}",
        "[\\u{4e00}-\\u{4e20} ]{0,40}",
        "(e\\u{301}|🚀|👩\\u{200d}🔬|\\u{1f1e6}\\u{1f1e8}|\\u{1100}\\u{1161}|a| |\\t|\\n){0,60}",
        "[a-zA-Z]{40,120}",
    ]
}

/// A small pair of reports of one (invented) event, and a comparison of
/// them made by hand: edited pairs, a paraphrase told at another point
/// of B's story, a sentence only each side has, a verbatim quote, a
/// trimmed quote B gives to someone else, and a quote only B has.
pub fn fixture() -> (Pair<Document>, Comparison) {
    let a_sents = [
        "Dock workers in Vellmar ended a nine-day strike on Tuesday after the port authority agreed to raise wages by 6 percent.",
        "\u{201c}This is a fair deal for every family on the quays,\u{201d} union leader Mara Ostin told reporters.",
        "Shipping lines had diverted more than 40 vessels during the stoppage, one calling it \u{201c}a costly week for all of us.\u{201d}",
        "\u{201c}We will watch closely that every promise is kept,\u{201d} Ostin said.",
        "The authority said the raise would cost 12 million crowns a year.",
    ];
    let b_sents = [
        "The port authority will pay 12 million crowns a year for the raise, a spokesman said.",
        "Dockworkers in Vellmar called off a nine-day strike on Tuesday after the port authority agreed to lift wages by 6 percent.",
        "\u{201c}This is a fair deal for every family on the quays,\u{201d} union chief Mara Ostin said.",
        "Cargo worth millions piled up in warehouses.",
        "\u{201c}We will watch closely,\u{201d} said port director Lene Skov.",
        "\u{201c}No ship will wait this long again,\u{201d} Skov added.",
    ];
    let a = document(
        "north/vellmar-strike.txt",
        "Northwind Press",
        "Vellmar dock strike ends after pay deal",
        &a_sents,
        &[
            (
                1,
                "This is a fair deal for every family on the quays,",
                Some("Mara Ostin"),
            ),
            (2, "a costly week for all of us.", None),
            (
                3,
                "We will watch closely that every promise is kept,",
                Some("Mara Ostin"),
            ),
        ],
    );
    let b = document(
        "south/port-strike.txt",
        "Southern Wire",
        "Vellmar port strike ends with wage agreement",
        &b_sents,
        &[
            (
                2,
                "This is a fair deal for every family on the quays,",
                Some("Mara Ostin"),
            ),
            (4, "We will watch closely,", Some("Lene Skov")),
            (5, "No ship will wait this long again,", Some("Lene Skov")),
        ],
    );
    let al = |i: usize, j: usize, score: f32, kind: AlignKind| Alignment {
        a: vec![i],
        b: vec![j],
        score,
        kind,
        moved: false,
        diff: word_diff(a_sents[i], b_sents[j]),
    };
    let alignments = vec![
        al(0, 1, 0.81, AlignKind::Edited),
        al(1, 2, 0.88, AlignKind::Edited),
        al(3, 4, 0.52, AlignKind::Edited),
        al(4, 0, 0.47, AlignKind::Paraphrase),
    ];
    let quote_matches = vec![
        QuoteMatch {
            a: 0,
            b: 0,
            score: 1.0,
            kind: MatchKind::Verbatim,
            changes: Vec::new(),
            speaker_agrees: true,
            diff: word_diff(
                "This is a fair deal for every family on the quays,",
                "This is a fair deal for every family on the quays,",
            ),
        },
        QuoteMatch {
            a: 2,
            b: 1,
            score: 0.61,
            kind: MatchKind::Variant,
            changes: vec![Change::Trimmed],
            speaker_agrees: false,
            diff: word_diff(
                "We will watch closely that every promise is kept,",
                "We will watch closely,",
            ),
        },
    ];
    let summary = Summary {
        a_sentences: 5,
        b_sentences: 6,
        aligned: 4,
        a_only_sentences: 1,
        b_only_sentences: 2,
        shared_quotes: 2,
        verbatim_quotes: 1,
        a_only_quotes: 1,
        b_only_quotes: 1,
        discrepancies: 0,
    };
    let mut alignments = alignments;
    let unmatched = Pair::new(vec![2], vec![3, 5]);
    let reading_order = crate::compare::arrange(&mut alignments, &unmatched);
    let c = Comparison {
        alignments,
        quote_matches,
        unmatched,
        unmatched_quotes: Pair::new(vec![1], vec![2]),
        reading_order,
        summary,
        discrepancies: Vec::new(),
    };
    (Pair::new(a, b), c)
}

/// A terminal view: what `terminal::comparison` and
/// `side_by_side::comparison` are.
pub type View = fn(
    &Pair<Document>,
    &Comparison,
    &crate::render::RenderOptions,
    &mut dyn std::io::Write,
) -> std::io::Result<()>;

/// What `view` writes for `docs` and `c` in `layout` at `width` columns,
/// colored when `color`.
pub fn rendered(
    view: View,
    docs: &Pair<Document>,
    c: &Comparison,
    layout: crate::render::Layout,
    width: usize,
    color: bool,
) -> String {
    let opts = crate::render::RenderOptions {
        color,
        width,
        layout,
        ..Default::default()
    };
    let mut out = Vec::new();
    view(docs, c, &opts, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("utf-8")
}
