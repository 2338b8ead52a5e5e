//! Finding quoted stretches from the quotation marks alone.
//!
//! Double marks (straight, curly, low-9 and guillemets) delimit quotations;
//! single marks inside them are nested quotes and stay part of the text. A
//! straight `"` opens or closes by what stands beside it, and by whether a
//! quote is open when the two sides do not tell. A quote never runs past the
//! end of its paragraph unless the next paragraph opens with a mark: that is
//! how news copy continues a quotation over paragraphs. Articles that use no
//! double marks at all are read for single ones (British style), with
//! apostrophes (`don't`, `Russia's`, `'90s`) told apart by their neighbours.

use crate::article::Article;

/// A stretch between quotation marks, before attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MarkedQuote {
    /// Byte of the opening mark.
    pub open: usize,
    /// First byte of the quoted words.
    pub start: usize,
    /// One past the last quoted byte.
    pub end: usize,
    /// One past the closing mark (equal to `end` when the mark is missing).
    pub close: usize,
    /// Paragraph the quote opens in.
    pub paragraph: usize,
    /// Paragraph the quote closes in.
    pub last_paragraph: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Open,
    Close,
    Either,
}

fn is_double(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}'
    )
}

fn is_single(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201a}')
}

/// Characters that may stand right before an opening mark.
fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace() || matches!(c, '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/')
        }
    }
}

/// Characters that may stand right after a closing mark.
fn closes_before(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || (c.is_ascii_punctuation() && c != '\'')
                || "\u{2014}\u{2013}\u{2026}".contains(c)
        }
    }
}

/// The shape of a double mark at `i` from its glyph and its neighbours.
fn double_shape(c: char, prev: Option<char>, next: Option<char>) -> Shape {
    let open_ctx = opens_after(prev) && next.is_some_and(|n| !n.is_whitespace());
    let close_ctx = closes_before(next) && prev.is_some_and(|p| !p.is_whitespace());
    match c {
        '\u{201c}' | '\u{201e}' | '\u{201f}' | '\u{ab}' => {
            if close_ctx && !open_ctx {
                Shape::Either
            } else {
                Shape::Open
            }
        }
        '\u{201d}' | '\u{bb}' => {
            if open_ctx && !close_ctx {
                Shape::Either
            } else {
                Shape::Close
            }
        }
        _ => match (open_ctx, close_ctx) {
            (true, false) => Shape::Open,
            (false, true) => Shape::Close,
            _ => Shape::Either,
        },
    }
}

/// The shape of a single mark, or `None` for an apostrophe.
fn single_shape(prev: Option<char>, next: Option<char>) -> Option<Shape> {
    let letter_before = prev.is_some_and(|p| p.is_alphanumeric());
    let letter_after = next.is_some_and(|n| n.is_alphanumeric());
    if letter_before && letter_after {
        return None; // don't, Russia's
    }
    if opens_after(prev) && next.is_some_and(|n| n.is_alphabetic() || n == '\u{2026}') {
        return Some(Shape::Open);
    }
    if closes_before(next) && prev.is_some_and(|p| !p.is_whitespace()) {
        // `Jones' car` and `'90s` are apostrophes: a closing mark after a
        // plural s is only taken when a quote is open (the caller checks).
        return Some(Shape::Close);
    }
    None
}

/// A piece of story text: one paragraph, or the part of one between boilerplate.
struct Piece {
    paragraph: usize,
    start: usize,
    end: usize,
}

/// Finds the quoted stretches of an article's story text, in text order.
pub(crate) fn scan(article: &Article) -> Vec<MarkedQuote> {
    let text = article.text.as_str();
    let pieces: Vec<Piece> = article
        .story_spans()
        .into_iter()
        .map(|(paragraph, s)| Piece {
            paragraph,
            start: s.start,
            end: s.end,
        })
        .collect();
    let doubles = pieces.iter().any(|p| {
        text.get(p.start..p.end)
            .is_some_and(|s| s.chars().any(is_double))
    });
    let mut out = Vec::new();
    if doubles {
        scan_double(text, &pieces, &mut out);
    } else {
        scan_single(text, &pieces, &mut out);
    }
    out.retain(|r| {
        text.get(r.start..r.end)
            .is_some_and(|s| s.chars().any(|c| c.is_alphanumeric()))
    });
    out
}

/// A quote being read: where its mark opened and where its words start.
#[derive(Clone, Copy)]
struct Open {
    open: usize,
    start: usize,
    paragraph: usize,
}

fn push(
    text: &str,
    out: &mut Vec<MarkedQuote>,
    o: Open,
    end: usize,
    close: usize,
    last_paragraph: usize,
) {
    // Trim white space inside the marks so the span holds only the words.
    let Some(inner) = text.get(o.start..end) else {
        return;
    };
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    let start = o.start + lead;
    out.push(MarkedQuote {
        open: o.open,
        start,
        end: start + trimmed.len(),
        close,
        paragraph: o.paragraph,
        last_paragraph,
    });
}

/// The family a double mark belongs to: a quote opened with one family and
/// holding a mark of another has a nested quote (`"as “The Journal” wrote"`).
fn style(c: char) -> u8 {
    match c {
        '"' => 0,
        '\u{ab}' | '\u{bb}' => 2,
        _ => 1,
    }
}

fn scan_double(text: &str, pieces: &[Piece], out: &mut Vec<MarkedQuote>) {
    let mut open: Option<(Open, u8)> = None;
    for (k, piece) in pieces.iter().enumerate() {
        let Some(body) = text.get(piece.start..piece.end) else {
            continue;
        };
        let mut skip_first = false;
        let mut nested: Option<u8> = None;
        if let Some((o, _)) = open {
            // Continued from the paragraph before: this paragraph's opening
            // mark re-opens the same quotation.
            if body.chars().next().is_some_and(is_double) {
                skip_first = true;
            } else {
                push(text, out, o, piece.start, piece.start, piece.paragraph);
                open = None;
            }
        }
        // Visit only the marks; their neighbours are read around them.
        for (off, m) in body.match_indices(is_double) {
            let Some(c) = m.chars().next() else { continue };
            if skip_first && off == 0 {
                continue;
            }
            let prev = body.get(..off).and_then(|b| b.chars().next_back());
            let next = body
                .get(off + c.len_utf8()..)
                .and_then(|a| a.chars().next());
            let at = piece.start + off;
            let after = at + c.len_utf8();
            let here = Open {
                open: at,
                start: after,
                paragraph: piece.paragraph,
            };
            let shape = double_shape(c, prev, next);
            if let Some(inner) = nested {
                // Inside a nested quote of another family: only its own
                // closing mark matters.
                if style(c) == inner && shape != Shape::Open {
                    nested = None;
                }
                continue;
            }
            match (shape, open) {
                (Shape::Open | Shape::Either, None) => open = Some((here, style(c))),
                (Shape::Open, Some((_, outer))) if style(c) != outer => nested = Some(style(c)),
                (Shape::Close | Shape::Either, Some((o, _))) => {
                    push(text, out, o, at, after, piece.paragraph);
                    open = None;
                }
                // A second opening mark: the first quote lost its closing
                // mark. End it here rather than let it swallow the text.
                (Shape::Open, Some((o, _))) => {
                    push(text, out, o, at, at, piece.paragraph);
                    open = Some((here, style(c)));
                }
                (Shape::Close, None) => {} // a stray mark (inches, typos)
            }
        }
        if let Some((o, outer)) = open {
            // Only a mark of the same family re-opens the quote in the next
            // paragraph; another family starts a new quote there.
            let next_reopens = pieces.get(k + 1).is_some_and(|p| {
                p.paragraph != piece.paragraph
                    && text
                        .get(p.start..p.end)
                        .and_then(|s| s.chars().next())
                        .is_some_and(|c| is_double(c) && style(c) == outer)
            });
            if !next_reopens {
                push(text, out, o, piece.end, piece.end, piece.paragraph);
                open = None;
            }
        }
    }
}

fn scan_single(text: &str, pieces: &[Piece], out: &mut Vec<MarkedQuote>) {
    for piece in pieces {
        let Some(body) = text.get(piece.start..piece.end) else {
            continue;
        };
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        let mut open: Option<Open> = None;
        for (n, &(off, c)) in chars.iter().enumerate() {
            if !is_single(c) {
                continue;
            }
            let prev = n.checked_sub(1).and_then(|p| chars.get(p)).map(|x| x.1);
            let next = chars.get(n + 1).map(|x| x.1);
            let at = piece.start + off;
            match (single_shape(prev, next), open) {
                (Some(Shape::Open), None) if c != '\u{2019}' => {
                    open = Some(Open {
                        open: at,
                        start: at + c.len_utf8(),
                        paragraph: piece.paragraph,
                    })
                }
                (Some(Shape::Close), Some(o)) if c != '\u{2018}' => {
                    // `the Joneses' house`: a plural possessive right after a
                    // short stretch is more likely an apostrophe; accept the
                    // mark only when the quote holds more than the one word.
                    let words = text
                        .get(o.start..at)
                        .map_or(0, |s| s.split_whitespace().count());
                    if prev == Some('s') && words < 2 {
                        continue;
                    }
                    push(text, out, o, at, at + c.len_utf8(), piece.paragraph);
                    open = None;
                }
                _ => {}
            }
        }
        // An unclosed single mark was an apostrophe after all: no quote.
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::article_from_text;

    fn quoted(body: &str) -> Vec<String> {
        let a = article_from_text("t.txt", &format!("Title\n\n{body}")).unwrap();
        scan(&a)
            .iter()
            .map(|r| a.text[r.start..r.end].to_string())
            .collect()
    }

    #[test]
    fn marks_delimit_quotes() {
        let rows: &[(&str, &str, &[&str])] = &[
            (
                "straight",
                r#"He said "we will win" today."#,
                &["we will win"],
            ),
            (
                "curly",
                "He said \u{201c}we will win\u{201d} today.",
                &["we will win"],
            ),
            (
                "nested single",
                "\u{201c}They told us \u{2018}no deal\u{2019} again,\u{201d} she said.",
                &["They told us \u{2018}no deal\u{2019} again,"],
            ),
            (
                "cut by attribution",
                r#""We lost," he said. "We will be back.""#,
                &["We lost,", "We will be back."],
            ),
            (
                "inches are not quotes",
                r#"The 12" pipe burst, he said."#,
                &[],
            ),
            (
                "unclosed stops at paragraph end",
                "\"We will win, he said.\n\nThe vote is on Tuesday.",
                &["We will win, he said."],
            ),
            (
                "continued over paragraphs",
                "\"We will win.\n\n\"We always do,\" he said.",
                &["We will win.\n\n\"We always do,"],
            ),
            (
                "nested marks of another family",
                "\"As \u{201c}The Journal\u{201d} wrote, it is over,\" he said.",
                &["As \u{201c}The Journal\u{201d} wrote, it is over,"],
            ),
            (
                "another family does not continue a quote",
                "\"We will win.\n\n\u{201c}We always do,\u{201d} he said.",
                &["We will win.", "We always do,"],
            ),
            (
                "british single marks",
                "\u{2018}We don\u{2019}t agree,\u{2019} he said of the \u{2019}90s plan.",
                &["We don\u{2019}t agree,"],
            ),
        ];
        for (name, body, want) in rows {
            assert_eq!(quoted(body), *want, "{name}");
        }
    }
}
