//! Shared helpers of the terminal views: styled text, width arithmetic,
//! wrapping, painting, and the reading order of a comparison.
//!
//! The rule every terminal view follows: article text is folded and escaped
//! first ([`clean`]), laid out as plain text with style runs beside it
//! ([`Rich`]), wrapped by measured width ([`wrap`]), and only then painted
//! line by line ([`paint`]). No string holding an escape code is ever
//! measured.
//!
//! Widths are unicode-width's string widths: CJK and emoji take two
//! columns, combining marks none, and an emoji ZWJ sequence counts as one
//! wide character. A terminal that draws such a sequence as separate glyphs
//! shows that line a little wider than measured.
//!
//! Colors are ANSI SGR codes (written by anstyle) only when the caller's
//! ink ([`Ink`]) says so: styles are plain values, renderers never read
//! the environment, and the binary decides. A change is told by more than
//! its hue, for readers who do not tell red from green: deleted words are
//! struck through and inserted words underlined, on a background shade the
//! [`Theme`] picks for a dark or a light terminal; without color they keep
//! their `[- -]` / `{+ +}` markers.

use super::options::{Ink, Theme};
use super::sanitize::Shown;
use crate::diff::{DiffOp, Op};
use crate::Document;
use std::fmt::Write as _;
use std::ops::Range;
use textwrap::core::Fragment;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One of the 16 base ANSI colors, so the user's terminal theme decides the
/// actual shade.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// Removed words, A-only material.
    Red,
    /// Added words, B-only material.
    Green,
    /// Warnings and edited pairs.
    Yellow,
    /// Paths and positions.
    Blue,
    /// Merged pairs.
    Magenta,
    /// Paraphrases.
    Cyan,
}

impl Color {
    fn ansi(self) -> anstyle::AnsiColor {
        match self {
            Color::Red => anstyle::AnsiColor::Red,
            Color::Green => anstyle::AnsiColor::Green,
            Color::Yellow => anstyle::AnsiColor::Yellow,
            Color::Blue => anstyle::AnsiColor::Blue,
            Color::Magenta => anstyle::AnsiColor::Magenta,
            Color::Cyan => anstyle::AnsiColor::Cyan,
        }
    }
}

/// Which side a changed word belongs to: its background, in the shade of
/// the [`Theme`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Words only side A has.
    Deleted,
    /// Words only side B has.
    Inserted,
}

impl Change {
    /// A 256-color background: dark red and dark green under a dark
    /// terminal's light text, pale red and pale green under a light
    /// terminal's dark text (the shades delta and GitHub use).
    fn background(self, theme: Theme) -> anstyle::Ansi256Color {
        anstyle::Ansi256Color(match (theme, self) {
            (Theme::Dark, Change::Deleted) => 52,
            (Theme::Dark, Change::Inserted) => 22,
            (Theme::Light, Change::Deleted) => 224,
            (Theme::Light, Change::Inserted) => 194,
        })
    }
}

/// A text style: a base color, a change background, bold, underline and
/// strike-through, nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// Foreground color; `None` keeps the terminal's.
    pub fg: Option<Color>,
    /// The background of a changed word.
    pub change: Option<Change>,
    /// Bold.
    pub bold: bool,
    /// Underlined.
    pub underline: bool,
    /// Struck through.
    pub strike: bool,
}

impl Style {
    /// No styling at all.
    pub const PLAIN: Style = Style {
        fg: None,
        change: None,
        bold: false,
        underline: false,
        strike: false,
    };
    /// Words only side A has: struck through on the deletion background.
    pub const DELETED: Style = Style {
        change: Some(Change::Deleted),
        strike: true,
        ..Style::PLAIN
    };
    /// Words only side B has: underlined on the insertion background.
    pub const INSERTED: Style = Style {
        change: Some(Change::Inserted),
        underline: true,
        ..Style::PLAIN
    };
    /// Section headings.
    pub const HEADING: Style = Style {
        bold: true,
        underline: true,
        ..Style::PLAIN
    };
    /// Warnings (a quote given to different speakers).
    pub const WARNING: Style = Style::fg(Color::Yellow).bolded();
    /// Positions, paths and other bookkeeping.
    pub const META: Style = Style::fg(Color::Blue);

    /// A style with only a foreground color.
    pub const fn fg(c: Color) -> Style {
        Style {
            fg: Some(c),
            ..Style::PLAIN
        }
    }

    /// The same style, bold.
    pub const fn bolded(self) -> Style {
        Style { bold: true, ..self }
    }

    /// The same style as anstyle paints it in `theme`.
    fn paint(self, theme: Theme) -> anstyle::Style {
        let mut effects = anstyle::Effects::new();
        for (on, effect) in [
            (self.bold, anstyle::Effects::BOLD),
            (self.underline, anstyle::Effects::UNDERLINE),
            (self.strike, anstyle::Effects::STRIKETHROUGH),
        ] {
            if on {
                effects |= effect;
            }
        }
        anstyle::Style::new()
            .fg_color(self.fg.map(|c| c.ansi().into()))
            .bg_color(self.change.map(|c| c.background(theme).into()))
            .effects(effects)
    }
}

/// Display width in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Article text made safe and flat for a terminal: every run of white space
/// (newlines and tabs included) becomes one space, then control characters
/// and escape sequences become visible notation.
pub fn clean(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    let mut space = false;
    for ch in s.chars() {
        if ch.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            folded.push(' ');
            space = false;
        }
        folded.push(ch);
    }
    // Edge white space is kept (as one space): a diff run's boundaries
    // separate it from its neighbours.
    if space {
        folded.push(' ');
    }
    super::sanitize::Shown::new(&folded).as_str().to_string()
}

/// Plain text with style runs over it: what a view lays out before painting.
#[derive(Debug, Clone, Default)]
pub struct Rich {
    text: String,
    /// Byte ranges of `text` with their styles, in order, covering all of it.
    runs: Vec<(Range<usize>, Style)>,
}

impl Rich {
    /// An empty text.
    pub fn new() -> Rich {
        Rich::default()
    }

    /// The plain text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when nothing visible has been added.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Appends text, neutralised on the way in (a no-op for our own labels
    /// and for the output of [`clean`]): nothing reaches a `Rich`, and so a
    /// terminal, but through the sanitiser. A space is never doubled and
    /// never starts the text.
    pub fn push<'s>(&mut self, s: impl Into<Shown<'s>>, style: Style) -> &mut Rich {
        let shown = s.into();
        let s = shown.as_str();
        let s = if self.text.is_empty() || self.text.ends_with(' ') {
            s.trim_start_matches(' ')
        } else {
            s
        };
        if s.is_empty() {
            return self;
        }
        let start = self.text.len();
        self.text.push_str(s);
        let end = self.text.len();
        match self.runs.last_mut() {
            Some((r, st)) if *st == style && r.end == start => r.end = end,
            _ => self.runs.push((start..end, style)),
        }
        self
    }

    /// Appends article text: cleaned, then pushed.
    pub fn push_article(&mut self, s: &str, style: Style) -> &mut Rich {
        self.push(&clean(s), style)
    }

    /// Appends one changed run of article text. Its surrounding white space
    /// stays plain; the words get `style` and, when the output is not
    /// colored, the textual markers `open`/`close` so the change is still
    /// visible.
    pub fn push_change(&mut self, s: &str, style: Style, marks: (&str, &str), color: Ink) {
        let c = clean(s);
        let core = c.trim_matches(' ');
        if core.is_empty() {
            self.push(&c, Style::PLAIN);
            return;
        }
        if c.starts_with(' ') {
            self.push(" ", Style::PLAIN);
        }
        if color.is_some() {
            // A lone comma or quotation mark in color is easy to miss:
            // changes without a letter or digit are underlined as well.
            let style = if core.chars().any(char::is_alphanumeric) {
                style
            } else {
                Style {
                    underline: true,
                    ..style
                }
            };
            self.push(core, style);
        } else {
            self.push(&format!("{}{}{}", marks.0, core, marks.1), style);
        }
        if c.ends_with(' ') {
            self.push(" ", Style::PLAIN);
        }
    }

    /// Appends a word diff. `side` `None` shows both sides' changes (the
    /// inline view); `Some(Side::A)` only what A has, deletions marked;
    /// `Some(Side::B)` only what B has, insertions marked.
    pub fn push_diff(&mut self, ops: &[DiffOp], side: Option<crate::Side>, color: Ink) {
        let mut last = Op::Equal;
        for op in &regroup(ops) {
            // Removed words right before added ones (or the reverse) are told
            // apart by their marks; painted, they need a space between.
            if color.is_some() && side.is_none() && last != Op::Equal && op.op != Op::Equal {
                self.push(" ", Style::PLAIN);
            }
            last = op.op;
            match (op.op, side) {
                (Op::Equal, _) => {
                    self.push_article(&op.text, Style::PLAIN);
                }
                (Op::Delete, None | Some(crate::Side::A)) => {
                    self.push_change(&op.text, Style::DELETED, DELETE_MARKS, color)
                }
                (Op::Insert, None | Some(crate::Side::B)) => {
                    self.push_change(&op.text, Style::INSERTED, INSERT_MARKS, color)
                }
                // The other side's words are left out: the equal and own
                // runs alone rebuild this side's text, white space included.
                _ => {}
            }
        }
    }
}

/// Regroups a word diff for reading: a change that is only interrupted by
/// white space the two sides share is shown as one removed run and one added
/// run (`[-he told a-]{+agree on this+}`) rather than word by word
/// (`[-he-]{+agree+} [-told-]{+on+} [-a-]{+this+}`). The ops are the
/// stage's; only their grouping changes, and each side's text is kept.
pub fn regroup(ops: &[DiffOp]) -> Vec<DiffOp> {
    let blank = |o: &DiffOp| o.op == Op::Equal && o.text.trim().is_empty();
    let mut out: Vec<DiffOp> = Vec::new();
    let mut k = 0;
    while let Some(op) = ops.get(k) {
        if op.op == Op::Equal {
            out.push(op.clone());
            k += 1;
            continue;
        }
        // A stretch of changes and blank equal runs, ending on a change.
        let mut end = k;
        let mut j = k;
        while let Some(o) = ops.get(j) {
            if o.op != Op::Equal {
                end = j + 1;
            } else if !blank(o) {
                break;
            }
            j += 1;
        }
        let mut removed = String::new();
        let mut added = String::new();
        for o in ops.get(k..end).unwrap_or(&[]) {
            match o.op {
                Op::Delete => removed.push_str(&o.text),
                Op::Insert => added.push_str(&o.text),
                Op::Equal => {
                    removed.push_str(&o.text);
                    added.push_str(&o.text);
                }
            }
        }
        for (op, text) in [(Op::Delete, removed), (Op::Insert, added)] {
            if !text.trim().is_empty() {
                out.push(DiffOp { op, text });
            } else if !text.is_empty() {
                // Only white space on this side: keep it as a separator.
                out.push(DiffOp {
                    op: Op::Equal,
                    text: String::from(" "),
                });
            }
        }
        k = end;
    }
    out
}

/// How removed words are marked when there is no color.
pub const DELETE_MARKS: (&str, &str) = ("[-", "-]");
/// How added words are marked when there is no color.
pub const INSERT_MARKS: (&str, &str) = ("{+", "+}");

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

/// Appends the part `range` of a text to `out`, painted when `color`.
/// Returns the width it takes, measured on the plain text.
pub fn paint(rich: &Rich, range: Range<usize>, color: Ink, out: &mut String) -> usize {
    let plain = rich.text.get(range.clone()).unwrap_or("");
    let Some(theme) = color else {
        out.push_str(plain);
        return width(plain);
    };
    for (r, style) in &rich.runs {
        let s = r.start.max(range.start);
        let e = r.end.min(range.end);
        if s >= e {
            continue;
        }
        let part = rich.text.get(s..e).unwrap_or("");
        let painted = style.paint(theme);
        if painted.is_plain() {
            out.push_str(part);
        } else {
            let _ = write!(out, "{}{part}{}", painted.render(), painted.render_reset());
        }
    }
    width(plain)
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

/// The JSON name of a value of one of the comparison's enums (`edited`,
/// `verbatim`, `trimmed`): the views show what the JSON says, and a variant
/// added later shows up without a change here.
pub fn name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::from("?"),
    }
}

/// The words of quote `k` of a document, if it has one.
pub fn quote(d: &Document, k: usize) -> Option<&str> {
    let q = d.quotes.get(k)?;
    d.article.text.get(q.span.start..q.span.end)
}

/// Sentence numbers as people count them (from 1), e.g. `A3+4`.
pub fn label(side: &str, ids: &[usize]) -> String {
    let nums: Vec<String> = ids.iter().map(|i| (i + 1).to_string()).collect();
    format!("{side}{}", nums.join("+"))
}

/// Test helpers shared by the terminal views' tests.
#[cfg(test)]
pub(crate) mod testing {
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
        strip_ansi(s).lines().map(super::width).max().unwrap_or(0)
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
        let mut article =
            crate::article::article_from_text(path, &text).expect("a plain-text article");
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::word_diff;

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
    fn widths_of_wide_and_combining_text() {
        for (name, text, cols) in [
            ("ascii", "talks", 5),
            ("cjk", "北约会谈", 8),
            ("emoji", "🚀🎉", 4),
            ("emoji in text style", "\u{1f6f0}", 1),
            ("combining", "e\u{301}te\u{301}", 3),
            ("zero width joiner", "a\u{200d}b", 2),
            ("hangul", "회담", 4),
        ] {
            assert_eq!(width(text), cols, "{name}");
        }
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

    #[test]
    fn clean_folds_space_and_shows_controls() {
        assert_eq!(clean("a\n\tb  c"), "a b c");
        assert_eq!(clean(" a "), " a ");
        assert_eq!(clean("red\x1b[31m!"), "red\\x1b[31m!");
        assert_eq!(clean("bell\x07"), "bell\\x07");
    }

    #[test]
    fn diff_without_color_marks_every_change() {
        let mut r = Rich::new();
        r.push_diff(
            &word_diff("we do not agree yet", "we all agree yet"),
            None,
            None,
        );
        assert_eq!(r.text(), "we [-do not-]{+all+} agree yet");
        let mut c = Rich::new();
        c.push_diff(
            &word_diff("we do not agree yet", "we all agree yet"),
            None,
            Some(Theme::Dark),
        );
        // With color there are no marks, so a space keeps the words apart.
        assert_eq!(c.text(), "we do not all agree yet");
        let mut a = Rich::new();
        a.push_diff(
            &word_diff("we do not agree yet", "we all agree yet"),
            Some(crate::Side::A),
            None,
        );
        assert_eq!(a.text(), "we [-do not-] agree yet");
    }

    #[test]
    fn changes_split_by_shared_spaces_read_as_one() {
        let ops = word_diff(
            "he told a news conference",
            "agree on this issue it will take",
        );
        let mut r = Rich::new();
        r.push_diff(&ops, None, None);
        assert_eq!(
            r.text(),
            "[-he told a news conference-]{+agree on this issue it will take+}"
        );
        let mut mixed = Rich::new();
        mixed.push_diff(
            &word_diff("the port said on Monday", "the city said on Friday"),
            None,
            None,
        );
        assert_eq!(
            mixed.text(),
            "the [-port-]{+city+} said on [-Monday-]{+Friday+}"
        );
    }

    proptest::proptest! {
        #[test]
        fn regrouping_keeps_each_sides_words(a in "[a-c ]{0,30}", b in "[a-c ]{0,30}") {
            let ops = regroup(&word_diff(&a, &b));
            let words = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
            proptest::prop_assert_eq!(
                words(&crate::diff::rebuild(&ops, crate::Side::A)),
                words(&a)
            );
            proptest::prop_assert_eq!(
                words(&crate::diff::rebuild(&ops, crate::Side::B)),
                words(&b)
            );
        }
    }

    #[test]
    fn punctuation_changes_are_underlined_in_color() {
        let mut r = Rich::new();
        r.push_diff(
            &word_diff("yes, we agree", "yes we agree"),
            None,
            Some(Theme::Dark),
        );
        let mut out = String::new();
        paint(&r, 0..r.text().len(), Some(Theme::Dark), &mut out);
        assert_eq!(
            testing::explain_ansi(&out),
            "yes<underline strike on-52>,</> we agree"
        );
    }

    #[test]
    fn deletions_and_insertions_differ_by_more_than_hue() {
        let cue = |s: Style| (s.strike, s.underline);
        assert_ne!(cue(Style::DELETED), cue(Style::INSERTED));
        for theme in [Theme::Dark, Theme::Light] {
            let (d, i) = (Style::DELETED.paint(theme), Style::INSERTED.paint(theme));
            assert!(d.get_bg_color().is_some() && i.get_bg_color().is_some());
            assert_ne!(d.get_bg_color(), i.get_bg_color());
        }
    }

    #[test]
    fn painting_is_by_span_and_only_when_asked() {
        let mut r = Rich::new();
        r.push("keep ", Style::PLAIN).push("gone", Style::DELETED);
        let mut plain = String::new();
        assert_eq!(paint(&r, 0..r.text().len(), None, &mut plain), 9);
        assert_eq!(plain, "keep gone");
        let mut colored = String::new();
        assert_eq!(
            paint(&r, 2..r.text().len(), Some(Theme::Dark), &mut colored),
            7
        );
        assert_eq!(colored, "ep \x1b[9m\x1b[48;5;52mgone\x1b[0m");
        assert_eq!(testing::explain_ansi(&colored), "ep <strike on-52>gone</>");
        let mut light = String::new();
        paint(&r, 2..r.text().len(), Some(Theme::Light), &mut light);
        assert_eq!(testing::explain_ansi(&light), "ep <strike on-224>gone</>");
    }
}
