//! Wrapping styled text by measured width: lines as byte ranges of the
//! plain text ([`wrap`]), and indented blocks painted line by line
//! ([`block`]). No string holding an escape code is ever measured.

use super::options::Ink;
use super::paint::paint;
use super::rich::{width, Rich};
use std::ops::Range;
use textwrap::core::Fragment;
use unicode_segmentation::UnicodeSegmentation;

/// A wrappable piece of a [`Rich`] text: a word, or part of a word too wide
/// for a line.
#[derive(Debug)]
struct Piece {
    range: Range<usize>,
    width: usize,
    /// Width of the space after it when a line goes on after it.
    space: usize,
}

impl Fragment for Piece {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Splits a word wider than `limit` columns into pieces that fit, at
/// grapheme boundaries so combining marks stay with their letter (a cluster
/// wider than a whole line, such as a long run of conjoining jamo, is cut
/// between its characters).
fn split_word(word: &str, offset: usize, limit: usize, out: &mut Vec<Piece>) {
    let units = word.grapheme_indices(true).flat_map(|(i, g)| {
        let whole = width(g) <= limit;
        g.char_indices()
            .filter(move |(k, _)| !whole || *k == 0)
            .map(move |(k, c)| {
                let end = if whole {
                    i + g.len()
                } else {
                    i + k + c.len_utf8()
                };
                (i + k, end)
            })
    });
    let mut start = 0;
    let mut w = 0;
    for (s, e) in units {
        let uw = width(word.get(s..e).unwrap_or(""));
        if w + uw > limit && s > start {
            out.push(Piece {
                range: offset + start..offset + s,
                width: w,
                space: 0,
            });
            start = s;
            w = 0;
        }
        w += uw;
    }
    out.push(Piece {
        range: offset + start..offset + word.len(),
        width: w,
        space: 0,
    });
}

/// Wraps a text to lines of `first` columns, then `rest` columns. Returns
/// byte ranges of the text, one a line, without their edge spaces. Words
/// wider than a line are cut. An empty text gives no lines.
pub fn wrap(rich: &Rich, first: usize, rest: usize) -> Vec<Range<usize>> {
    let text = rich.text.as_str();
    let limit = first.min(rest).max(1);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut pos = 0;
    for word in text.split(' ') {
        let start = pos;
        pos += word.len() + 1;
        if word.is_empty() {
            // A run of spaces: the piece before it is followed by all of
            // them when the line goes on.
            if let Some(last) = pieces.last_mut() {
                last.space += 1;
            }
            continue;
        }
        let w = width(word);
        if w <= limit {
            pieces.push(Piece {
                range: start..start + word.len(),
                width: w,
                space: 1,
            });
        } else {
            split_word(word, start, limit, &mut pieces);
            if let Some(last) = pieces.last_mut() {
                last.space = 1;
            }
        }
    }
    let widths = [first.max(1) as f64, rest.max(1) as f64];
    textwrap::wrap_algorithms::wrap_first_fit(&pieces, &widths)
        .into_iter()
        .filter_map(|line| {
            let s = line.first()?.range.start;
            let e = line.last()?.range.end;
            Some(s..e)
        })
        .collect()
}

/// Writes a text wrapped to `width` columns into `out`, one
/// `\n`-terminated line each: the first line after `first` spaces, the
/// others after `rest` spaces (a hanging indent when `rest > first`).
pub fn block(rich: &Rich, first: usize, rest: usize, width: usize, color: Ink, out: &mut String) {
    let w1 = width.saturating_sub(first).max(1);
    let w2 = width.saturating_sub(rest).max(1);
    for (n, range) in wrap(rich, w1, w2).into_iter().enumerate() {
        let indent = if n == 0 { first } else { rest };
        out.push_str(&" ".repeat(indent));
        paint(rich, range, color, out);
        out.push('\n');
    }
}

/// Writes a text on one line after `indent` spaces, never wrapped (a token
/// that must stay whole, fitted beforehand with `parts::fit_token`), as an
/// OSC 8 hyperlink to `link` when one is given.
pub fn line(rich: &Rich, indent: usize, link: Option<&str>, color: Ink, out: &mut String) {
    if rich.is_blank() {
        return;
    }
    out.push_str(&" ".repeat(indent));
    if let Some(url) = link {
        out.push_str("\x1b]8;;");
        out.push_str(url);
        out.push_str("\x1b\\");
    }
    paint(rich, 0..rich.text.len(), color, out);
    if link.is_some() {
        out.push_str("\x1b]8;;\x1b\\");
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::rich::Style;

    fn rich(s: &str) -> Rich {
        let mut r = Rich::new();
        r.push_article(s, Style::PLAIN);
        r
    }

    fn lines(s: &str, w: usize) -> Vec<String> {
        let r = rich(s);
        wrap(&r, w, w)
            .into_iter()
            .map(|range| r.text()[range].to_string())
            .collect()
    }

    #[test]
    fn wrapping_respects_width_for_every_script() {
        for (name, text) in [
            ("latin", "The ministers met again on Thursday in Brussels"),
            ("cjk", "北约 与 俄罗斯 外长 周四 在 布鲁塞尔 再次 会谈 未能 达成 协议"),
            ("cjk unbroken", "北约与俄罗斯外长周四在布鲁塞尔再次会谈未能达成协议"),
            ("emoji", "🚀🚀🚀🚀🚀 🛰🛰🛰 launch 🚀🚀🚀🚀🚀🚀🚀🚀"),
            ("combining", "re\u{301}sume\u{301} cafe\u{301} na\u{ef}ve e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}"),
        ] {
            for w in [2, 5, 9, 12] {
                let ls = lines(text, w);
                assert!(!ls.is_empty(), "{name} at {w}");
                for l in &ls {
                    assert!(width(l) <= w, "{name} at {w}: {l:?}");
                }
                // Nothing is lost but the spaces at the breaks.
                let joined: String = ls.concat();
                let want: String = text.split_whitespace().collect();
                assert_eq!(joined.replace(' ', ""), want, "{name} at {w}");
            }
        }
    }

    #[test]
    fn combining_marks_stay_with_their_letter_when_a_word_is_cut() {
        let ls = lines("e\u{301}e\u{301}e\u{301}e\u{301}", 3);
        assert_eq!(ls, vec!["e\u{301}e\u{301}e\u{301}", "e\u{301}"]);
    }

    #[test]
    fn first_line_can_be_narrower() {
        let r = rich("one two three four five six");
        let ls: Vec<&str> = wrap(&r, 4, 20).into_iter().map(|x| &r.text()[x]).collect();
        assert_eq!(ls, vec!["one", "two three four five", "six"]);
    }
}
