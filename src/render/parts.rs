//! The pieces of a comparison that every view shows the same way: the
//! articles' names, the summary counts, the mark of each alignment kind,
//! speakers and the warning when two articles disagree on one, and the
//! quote groups in the order they are listed. The inline and side-by-side
//! views and the HTML page all read them from here.

use super::options::Ink;
use super::style::{block, name, width, Color, Rich, Style};
use crate::quotes::QuoteMatch;
use crate::{Comparison, Document, Pair, Side};

/// The style of a side's letter: A red and B green, like the backgrounds
/// of their words.
pub fn side_style(side: crate::Side) -> Style {
    match side {
        Side::A => Style::fg(Color::Red).bolded(),
        Side::B => Style::fg(Color::Green).bolded(),
    }
}

/// `AFP · title` for one article.
pub fn title_line(d: &Document, rich: &mut Rich) {
    if let Some(src) = d.article.source.as_deref() {
        rich.push_article(src, Style::PLAIN.bolded());
        rich.push(" \u{b7} ", Style::PLAIN);
    }
    rich.push_article(&d.article.title, Style::PLAIN);
}

/// `by Author, Author · BRUSSELS · 2031-05-17` for one article: what the
/// record says of who wrote it, where and when; empty when it says none.
pub fn byline(d: &Document, rich: &mut Rich) {
    let a = &d.article;
    let mut first = true;
    let mut sep = |rich: &mut Rich| {
        if !std::mem::take(&mut first) {
            rich.push(" \u{b7} ", Style::PLAIN);
        }
    };
    if !a.authors.is_empty() {
        sep(rich);
        rich.push("by ", Style::PLAIN);
        rich.push_article(&a.authors.join(", "), Style::PLAIN);
    }
    if let Some(place) = a.dateline.as_deref() {
        sep(rich);
        rich.push_article(place, Style::PLAIN);
    }
    if let Some(when) = a.published.as_deref() {
        sep(rich);
        rich.push_article(when, Style::PLAIN);
    }
}

/// A token (a path, an id, a URL) fitted to `max` columns without breaking
/// it across lines: kept whole when it fits, else shortened in the middle
/// with `…`, keeping its start and its end (the file name, the page). With
/// `keep_id`, the `#id` of a `FILE#id` reference, what the next command
/// takes, is kept whole even when it alone is wider than `max` (a terminal
/// then folds that one line, and copying it still gives the whole id).
pub fn fit_token(token: &str, max: usize, keep_id: bool) -> String {
    let token = super::style::clean(token);
    let token = token.trim();
    if width(token) <= max {
        return token.to_string();
    }
    let id = token
        .rfind('#')
        .map(|k| &token[k..])
        .filter(|id| keep_id && id.len() > 1 && id.bytes().all(|b| b.is_ascii_graphic()));
    let Some(id) = id else {
        return middle(token, max);
    };
    let head = &token[..token.len() - id.len()];
    let room = max.saturating_sub(width(id));
    if room < 2 {
        return format!("\u{2026}{id}");
    }
    format!("{}{id}", middle(head, room))
}

/// `text` shortened to `max` columns by cutting out its middle, between
/// grapheme clusters (an emoji sequence or a letter with its marks is never
/// split).
fn middle(text: &str, max: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    if width(text) <= max {
        return text.to_string();
    }
    let g: Vec<&str> = text.graphemes(true).collect();
    let budget = max.saturating_sub(1);
    let (mut lo, mut hi) = (0, g.len());
    let mut used = 0;
    // Alternately take a cluster from the start and from the end while
    // they fit (the start first: it says where the token comes from).
    let mut from_start = true;
    while lo < hi {
        let cluster = if from_start { g[lo] } else { g[hi - 1] };
        let cw = width(cluster);
        if used + cw > budget {
            break;
        }
        used += cw;
        if from_start {
            lo += 1;
        } else {
            hi -= 1;
        }
        from_start = !from_start;
    }
    let mut out = g[..lo].concat();
    out.push('\u{2026}');
    out.push_str(&g[hi..].concat());
    // Clusters are measured apart; joined, a sequence may measure wider.
    while width(&out) > max && out.chars().count() > 1 {
        out.remove(0);
    }
    out
}

/// The URL a terminal may be asked to link (OSC 8): a web address of
/// printable ASCII only, so nothing in it can end the escape sequence.
pub fn linkable(url: &str) -> Option<&str> {
    let u = url.trim();
    let web = u.starts_with("https://") || u.starts_with("http://");
    (web && u.bytes().all(|b| b.is_ascii_graphic())).then_some(u)
}

/// The counts an editor reads first.
pub fn summary(c: &Comparison, w: usize, color: Ink, s: &mut String) {
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

/// Below this score an aligned pair shares too few words for a word diff to
/// read (most of it struck out or added): both sentences are drawn whole,
/// one under the other, their shared content words marked. Calibrated on
/// BASIL's same-event pairs by `scripts/calibrate_whole_rows.py`: the score
/// that best tells a diff that keeps at least half of the pair's words
/// unchanged from one that does not: 0.63 on the develop half of the
/// events (accuracy 0.915 over 621 alignments), 0.907 on the check half
/// (616), where 0.30 would be right only 0.48 of the time.
pub const WHOLE_BELOW: f32 = 0.63;

/// Whether an alignment is drawn as two whole sentences (see
/// [`WHOLE_BELOW`]); the JSON keeps its diff either way.
pub fn drawn_whole(al: &crate::Alignment) -> bool {
    al.score < WHOLE_BELOW && al.kind != crate::AlignKind::Same && crate::diff::has_edits(&al.diff)
}

/// The values of the discrepancy claims an alignment's sentences state, A's
/// then B's, as written: what the views highlight in its diff.
pub fn claim_values<'c>(c: &'c Comparison, al: &crate::Alignment) -> [Vec<&'c str>; 2] {
    let mut out = [Vec::new(), Vec::new()];
    for d in &c.discrepancies {
        for cl in &d.claims {
            let ids = if cl.article == 0 { &al.a } else { &al.b };
            if ids.contains(&cl.stated.sentence) {
                out[cl.article.min(1)].push(cl.stated.value.as_str());
            }
        }
    }
    out
}

/// A score as shown: two decimals, rounded down, so only a score of 1
/// (the same words) reads `1.00` and an edited pair never does.
pub fn score(s: f32) -> String {
    format!("{:.2}", (s * 100.0).floor() / 100.0)
}

/// The glyph and style of an alignment kind, by its JSON name.
pub fn kind_mark(kind: &str) -> (&'static str, Style) {
    match kind {
        "same" => ("=", Style::PLAIN.bolded()),
        "edited" => ("~", Style::fg(Color::Yellow).bolded()),
        "paraphrase" => ("\u{2248}", Style::fg(Color::Cyan).bolded()),
        "merged" => ("+", Style::fg(Color::Magenta).bolded()),
        _ => ("?", Style::PLAIN.bolded()),
    }
}

/// A quote's speaker as the article gives it.
pub fn speaker(d: &Document, k: usize) -> Option<&str> {
    d.quotes.get(k).and_then(|q| q.speaker.as_deref())
}

/// ` — speaker` after a quote, or both speakers when they differ.
pub fn push_speakers(r: &mut Rich, a: Option<&str>, b: Option<&str>, agree: bool) {
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
pub fn speaker_warning(docs: &Pair<Document>, m: &QuoteMatch) -> Rich {
    let mut r = Rich::new();
    r.push(
        "! the articles give these words to different speakers",
        Style::WARNING,
    );
    let who = |x: Option<&str>| {
        x.map(super::style::clean)
            .unwrap_or_else(|| "nobody".into())
    };
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
pub fn matches_of<'c>(c: &'c Comparison, kind: &str) -> Vec<&'c QuoteMatch> {
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
pub fn unmatched_quotes(d: &Document, ids: &[usize]) -> Vec<usize> {
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
pub fn change_tags(m: &QuoteMatch) -> String {
    m.changes.iter().map(name).collect::<Vec<_>>().join(", ")
}
