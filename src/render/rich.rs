//! Styled text for the terminal views: plain text with style runs beside
//! it ([`Rich`]), the styles themselves, display width, and the cleaning
//! every piece of article text goes through first ([`clean`]).
//!
//! Widths are unicode-width's string widths: CJK and emoji take two
//! columns, combining marks none, and an emoji ZWJ sequence counts as one
//! wide character. A terminal that draws such a sequence as separate glyphs
//! shows that line a little wider than measured.
//!
//! A change is told by more than its hue, for readers who do not tell red
//! from green: deleted words are struck through and inserted words
//! underlined, on a background shade the [`Theme`](super::Theme) picks for
//! a dark or a light terminal; without color they keep their `[- -]` /
//! `{+ +}` markers.

use super::options::Ink;
use super::sanitize::Shown;
use crate::diff::{regroup, DiffOp, Op};
use std::ops::Range;
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

/// Which side a changed word belongs to: its background, in the shade of
/// the [`Theme`](super::Theme).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Words only side A has.
    Deleted,
    /// Words only side B has.
    Inserted,
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
    /// A content word both sentences of a paraphrase share.
    pub const SHARED: Style = Style {
        bold: true,
        ..Style::PLAIN
    };
    /// A value two reports state differently (a discrepancy's claim).
    pub const VALUE: Style = Style {
        fg: Some(Color::Yellow),
        bold: true,
        underline: true,
        ..Style::PLAIN
    };

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
    pub(super) text: String,
    /// Byte ranges of `text` with their styles, in order, covering all of it.
    pub(super) runs: Vec<(Range<usize>, Style)>,
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
        self.push_change_with(s, style, marks, color, &[]);
    }

    /// [`Rich::push_change`], with the `values` found in the run
    /// highlighted (see [`Rich::push_valued`]).
    fn push_change_with(
        &mut self,
        s: &str,
        style: Style,
        marks: (&str, &str),
        color: Ink,
        values: &[&str],
    ) {
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
            self.push_valued(core, style, values);
        } else {
            self.push(marks.0, style);
            self.push_valued(core, style, values);
            self.push(marks.1, style);
        }
        if c.ends_with(' ') {
            self.push(" ", Style::PLAIN);
        }
    }

    /// Appends a word diff. `side` `None` shows both sides' changes (the
    /// inline view); `Some(Side::A)` only what A has, deletions marked;
    /// `Some(Side::B)` only what B has, insertions marked.
    pub fn push_diff(&mut self, ops: &[DiffOp], side: Option<crate::Side>, color: Ink) {
        self.push_diff_with(ops, side, color, [&[], &[]]);
    }

    /// Appends cleaned text with every occurrence of one of `values` (cleaned
    /// article text too) in the value style laid over `base`: the facts two
    /// reports state differently, seen where they are stated.
    pub fn push_valued(&mut self, text: &str, base: Style, values: &[&str]) {
        for (piece, hit) in split_values(text, values) {
            let style = if hit {
                Style {
                    fg: Style::VALUE.fg,
                    bold: true,
                    underline: true,
                    ..base
                }
            } else {
                base
            };
            self.push(piece, style);
        }
    }

    /// [`Rich::push_diff`] with the values of discrepancy claims
    /// highlighted: `values[0]` those A states, `values[1]` those of B.
    pub fn push_diff_with(
        &mut self,
        ops: &[DiffOp],
        side: Option<crate::Side>,
        color: Ink,
        values: [&[&str]; 2],
    ) {
        let cleaned = |vs: &[&str]| -> Vec<String> {
            vs.iter().map(|v| clean(v).trim().to_string()).collect()
        };
        let (va, vb) = (cleaned(values[0]), cleaned(values[1]));
        let va: Vec<&str> = va.iter().map(String::as_str).collect();
        let vb: Vec<&str> = vb.iter().map(String::as_str).collect();
        let both: Vec<&str> = va.iter().chain(vb.iter()).copied().collect();
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
                    // Each side in its own typography; the inline view
                    // reads A's.
                    let own = match side {
                        None => &both,
                        Some(crate::Side::A) => &va,
                        Some(crate::Side::B) => &vb,
                    };
                    let text = clean(op.text_of(side.unwrap_or(crate::Side::A)));
                    self.push_valued(&text, Style::PLAIN, own);
                }
                (Op::Delete, None | Some(crate::Side::A)) => {
                    self.push_change_with(&op.text, Style::DELETED, DELETE_MARKS, color, &va)
                }
                (Op::Insert, None | Some(crate::Side::B)) => {
                    self.push_change_with(&op.text, Style::INSERTED, INSERT_MARKS, color, &vb)
                }
                // The other side's words are left out: the equal and own
                // runs alone rebuild this side's text, white space included.
                _ => {}
            }
        }
    }
}

impl Rich {
    /// Appends one side of a diff whole, as that side writes it, with the
    /// content words both sides share (those of equal runs, function words
    /// left out) in `Style::SHARED`: how a paraphrase is drawn.
    pub fn push_whole(&mut self, ops: &[DiffOp], side: crate::Side) {
        use unicode_segmentation::UnicodeSegmentation;
        let own = match side {
            crate::Side::A => Op::Delete,
            crate::Side::B => Op::Insert,
        };
        for op in ops {
            if op.op == own {
                self.push_article(&op.text, Style::PLAIN);
            } else if op.op == Op::Equal {
                for piece in op.text_of(side).split_word_bounds() {
                    let content = piece.chars().any(char::is_alphanumeric)
                        && !crate::lexicon::is_stopword(&piece.to_lowercase());
                    let st = if content { Style::SHARED } else { Style::PLAIN };
                    self.push_article(piece, st);
                }
            }
        }
    }
}

/// How removed words are marked when there is no color.
pub const DELETE_MARKS: (&str, &str) = ("[-", "-]");
/// How added words are marked when there is no color.
pub const INSERT_MARKS: (&str, &str) = ("{+", "+}");

/// A text cut into pieces at each occurrence of one of `values` (the
/// longest where two start together), each piece flagged when it is one.
pub fn split_values<'t>(text: &'t str, values: &[&str]) -> Vec<(&'t str, bool)> {
    let mut parts = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let hit = values
            .iter()
            .filter(|v| !v.trim().is_empty())
            .filter_map(|v| rest.find(*v).map(|k| (k, v.len())))
            .min_by_key(|&(k, len)| (k, usize::MAX - len));
        let Some((k, len)) = hit else {
            parts.push((rest, false));
            break;
        };
        if k > 0 {
            parts.push((&rest[..k], false));
        }
        parts.push((&rest[k..k + len], true));
        rest = &rest[k + len..];
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::word_diff;
    use crate::render::Theme;

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
    fn the_values_of_discrepancies_are_highlighted_in_the_diff() {
        let ops = word_diff("12 people died on Monday", "15 people died on Monday");
        let mut r = Rich::new();
        r.push_diff_with(&ops, None, Some(Theme::Dark), [&["12"], &["15", "Monday"]]);
        let styled = |word: &str| {
            r.runs
                .iter()
                .find(|(range, _)| &r.text()[range.clone()] == word)
                .map(|(_, st)| *st)
        };
        for word in ["12", "15", "Monday"] {
            let st = styled(word).unwrap_or_else(|| panic!("{word} is a run of its own"));
            assert!(
                st.bold && st.underline && st.fg == Some(Color::Yellow),
                "{word}"
            );
        }
        assert_eq!(styled("12").and_then(|s| s.change), Some(Change::Deleted));
        assert_eq!(styled("15").and_then(|s| s.change), Some(Change::Inserted));
    }

    #[test]
    fn a_paraphrase_is_drawn_whole_with_its_shared_words_marked() {
        let ops = word_diff(
            "The port said the strike ended",
            "Dockers ended their strike, the port said",
        );
        for (side, text) in [
            (crate::Side::A, "The port said the strike ended"),
            (crate::Side::B, "Dockers ended their strike, the port said"),
        ] {
            let mut r = Rich::new();
            r.push_whole(&ops, side);
            assert_eq!(r.text(), text);
            let shared: Vec<&str> = r
                .runs
                .iter()
                .filter(|(_, st)| *st == Style::SHARED)
                .map(|(range, _)| &r.text()[range.clone()])
                .collect();
            assert!(!shared.is_empty(), "{side:?}");
            assert!(shared
                .iter()
                .all(|w| !crate::lexicon::is_stopword(&w.to_lowercase())));
        }
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
}
