//! Word-level diff of two short texts (sentences or quotes), shared by the
//! alignment and quote stages so every renderer shows the same changes.
//!
//! Words are compared by their typographic key ([`key`]): the similarity
//! measure already reads curly and straight quotes, apostrophes, dash and
//! ellipsis styles and the case of a word as one, so the diff does too, and
//! a pair that differs only in them has no change to show. Each side keeps
//! its own text: an equal run whose two spellings differ carries B's in
//! [`DiffOp::b_text`].

use serde::Serialize;
use similar::Algorithm;
use std::borrow::Cow;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// What happened to a run of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// In both texts.
    Equal,
    /// Only in the first text.
    Delete,
    /// Only in the second text.
    Insert,
}

/// A run of text with its operation. The `equal` and `delete` runs in order
/// rebuild the first text; the `equal` and `insert` runs rebuild the second.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffOp {
    /// What happened to the run.
    pub op: Op,
    /// The run's text, white space included (for an equal run, A's).
    pub text: String,
    /// For an equal run only: B's text when it is written differently from
    /// A's (`"Obama’s"` against `"Obama's"`); `None` when both are alike.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub b_text: Option<String>,
}

impl DiffOp {
    /// The run as side `side` writes it.
    pub fn text_of(&self, side: crate::Side) -> &str {
        match (side, &self.b_text) {
            (crate::Side::B, Some(b)) => b,
            _ => &self.text,
        }
    }

    /// True for a removed or added run holding more than white space.
    pub fn is_edit(&self) -> bool {
        self.op != Op::Equal && !self.text.trim().is_empty()
    }
}

/// True when a diff changes a word: only typography and spacing apart, the
/// two texts are the same.
pub fn has_edits(ops: &[DiffOp]) -> bool {
    ops.iter().any(DiffOp::is_edit)
}

/// Diffs two texts word by word (white space runs are tokens too, so the
/// parts rebuild both texts exactly). Adjacent runs of one op are merged.
///
/// Myers' algorithm (Patience falls back to it between unique words) costs
/// the length times the number of differences: quadratic on a huge run-on
/// "sentence" of a few repeated words. Texts longer than [`PIECE`] are
/// therefore cut at white space into pieces at the same relative positions
/// on both sides and diffed piece by piece, which is linear; the pieces
/// still rebuild both texts exactly. No real sentence or quote is that long.
pub fn word_diff(a: &str, b: &str) -> Vec<DiffOp> {
    if a.len().max(b.len()) <= PIECE {
        return whole_diff(a, b);
    }
    let n = a.len().max(b.len()) / PIECE + 1;
    let (mut ia, mut ib) = (0, 0);
    let mut out: Vec<DiffOp> = Vec::new();
    for k in 1..=n {
        let ca = cut(a, ia, k * a.len() / n);
        let cb = cut(b, ib, k * b.len() / n);
        for op in whole_diff(&a[ia..ca], &b[ib..cb]) {
            push_run(
                &mut out,
                op.op,
                &op.text,
                op.b_text.as_deref().unwrap_or(&op.text),
            );
        }
        (ia, ib) = (ca, cb);
    }
    out
}

/// Longest text (bytes) diffed in one piece.
const PIECE: usize = 8 * 1024;

/// The first white space at or after byte `at` (not before `from`), or the
/// end of `text`: where a piece ends.
fn cut(text: &str, from: usize, at: usize) -> usize {
    let mut at = at.max(from).min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |k| at + k)
}

/// Appends a run (`b` is B's text of an equal run), merged with the last
/// one when it has the same op.
fn push_run(out: &mut Vec<DiffOp>, op: Op, a: &str, b: &str) {
    if a.is_empty() && b.is_empty() {
        return;
    }
    if let Some(last) = out.last_mut().filter(|l| l.op == op) {
        if op == Op::Equal && (last.b_text.is_some() || a != b) {
            let mut bt = last.b_text.take().unwrap_or_else(|| last.text.clone());
            bt.push_str(b);
            last.b_text = Some(bt);
        }
        last.text.push_str(a);
        return;
    }
    out.push(DiffOp {
        op,
        text: a.to_string(),
        b_text: (op == Op::Equal && a != b).then(|| b.to_string()),
    });
}

/// The tokens of a text: words, white space runs and punctuation marks
/// (Unicode word boundaries), with a run of full stops (an ellipsis typed as
/// `...`) and a run of hyphens (a dash typed as `--`) as one token, so they
/// meet the one-character ellipsis and dash they stand for.
fn tokens(text: &str) -> Vec<&str> {
    if text.is_ascii() {
        tokens_of(text, AsciiWordBounds { text, at: 0 })
    } else {
        tokens_of(text, text.split_word_bounds())
    }
}

fn tokens_of<'t>(text: &'t str, bounds: impl Iterator<Item = &'t str>) -> Vec<&'t str> {
    let mut out: Vec<&str> = Vec::new();
    let mut at = 0;
    for t in bounds {
        let start = at;
        at += t.len();
        let joins = |c: char| t.chars().all(|x| x == c);
        if let Some(last) = out.last_mut() {
            let run = |c: char| joins(c) && last.chars().all(|x| x == c);
            if run('.') || run('-') {
                let from = start - last.len();
                *last = &text[from..at];
                continue;
            }
        }
        // A spaced ellipsis (`. . .`): dots a single space apart are one.
        if joins('.') && out.len() >= 2 && out[out.len() - 1] == " " {
            let prev = out[out.len() - 2];
            if prev.chars().all(|x| x == '.' || x == ' ') && prev.contains('.') {
                let from = start - 1 - prev.len();
                out.truncate(out.len() - 2);
                out.push(&text[from..at]);
                continue;
            }
        }
        out.push(t);
    }
    out
}

/// The word boundaries of UAX #29 (what `split_word_bounds` gives) for
/// ASCII text, where its rules come down to a few classes of bytes: letters
/// and digits join into words, with `_` among them and, between two
/// letters, `'` `.` `:`, between two digits `'` `.` `,` `;`; a run of
/// spaces is one piece, CR LF one piece; every other byte stands alone.
/// The general splitter, a table lookup per character, was a third of the
/// word diffs of ALIGN K=3000 (callgrind); news copy is mostly ASCII.
struct AsciiWordBounds<'t> {
    text: &'t str,
    at: usize,
}

/// Classes of ASCII bytes for word boundaries.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wb {
    Letter,
    Digit,
    /// `_` (ExtendNumLet): joins letters, digits and itself.
    Joiner,
    /// `:` (MidLetter): inside a word between letters.
    MidLetter,
    /// `.` and `'` (MidNumLet, Single_Quote): between letters or digits.
    MidBoth,
    /// `,` and `;` (MidNum): between digits.
    MidNum,
    Space,
    Cr,
    Lf,
    Other,
}

fn wb(b: u8) -> Wb {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Wb::Letter,
        b'0'..=b'9' => Wb::Digit,
        b'_' => Wb::Joiner,
        b':' => Wb::MidLetter,
        b'.' | b'\'' => Wb::MidBoth,
        b',' | b';' => Wb::MidNum,
        b' ' => Wb::Space,
        b'\r' => Wb::Cr,
        b'\n' | 0x0B | 0x0C => Wb::Lf,
        _ => Wb::Other,
    }
}

impl<'t> Iterator for AsciiWordBounds<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let first = wb(*bytes.get(start)?);
        let class = |k: usize| bytes.get(k).map_or(Wb::Other, |&b| wb(b));
        let mut end = start + 1;
        match first {
            Wb::Space => {
                while class(end) == Wb::Space {
                    end += 1;
                }
            }
            Wb::Cr if bytes.get(end) == Some(&b'\n') => end += 1,
            Wb::Letter | Wb::Digit | Wb::Joiner => {
                let mut last = first;
                loop {
                    let c = class(end);
                    let word = matches!(c, Wb::Letter | Wb::Digit | Wb::Joiner);
                    if word {
                        last = c;
                        end += 1;
                        continue;
                    }
                    // A middle mark joins when the same kind follows.
                    let after = class(end + 1);
                    let joins = matches!(
                        (last, c, after),
                        (Wb::Letter, Wb::MidLetter | Wb::MidBoth, Wb::Letter)
                            | (Wb::Digit, Wb::MidNum | Wb::MidBoth, Wb::Digit)
                    );
                    if !joins {
                        break;
                    }
                    last = after;
                    end += 2;
                }
            }
            _ => {}
        }
        self.at = end;
        self.text.get(start..end)
    }
}

/// A token's typographic key: what is left once the styles of one mark are
/// made one (curly and straight quotes and apostrophes, the dashes and
/// minus, a typed or a one-character ellipsis) and case is folded. White
/// space is one key whatever its run. Case that does carry meaning is
/// checked apart ([`case_matters`]).
pub fn key(token: &str) -> Cow<'_, str> {
    if token.chars().all(char::is_whitespace) {
        return Cow::Borrowed(" ");
    }
    if token
        .chars()
        .all(|c| c == '.' || c == ' ' || c == '\u{2026}')
        && token.len() > 1
    {
        return Cow::Borrowed("...");
    }
    let plain = |c: char| c.is_ascii() && !c.is_ascii_uppercase();
    if token.chars().all(plain) && !token.starts_with("--") {
        return Cow::Borrowed(token);
    }
    if token.chars().all(|c| c == '-') {
        return Cow::Borrowed("-");
    }
    let mut k = String::with_capacity(token.len());
    for c in token.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => {
                k.push('\'')
            }
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ab}'
            | '\u{bb}' => k.push('"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => k.push('-'),
            '\u{2026}' => k.push_str("..."),
            c => k.extend(c.to_lowercase()),
        }
    }
    Cow::Owned(k)
}

/// Whether two tokens with one key differ in a case that carries meaning:
/// a word written in lower case on one side and with a capital on the other
/// is a name against a common word (`Turkey` and `turkey`, `US` and `us`),
/// unless the capital is the one a sentence starts with. Capitals styles of
/// one name (`NATO`, `Nato`) are house style.
fn case_matters(a: &str, b: &str, starts_sentence: bool) -> bool {
    if a == b || starts_sentence {
        return false;
    }
    let lower = |s: &str| !s.chars().any(char::is_uppercase);
    let has_letter = |s: &str| s.chars().any(char::is_alphabetic);
    has_letter(a) && (lower(a) != lower(b))
}

/// Whether the next word starts a sentence: at the start of the text, or
/// after a full stop, question or exclamation mark or colon (quotation
/// marks and white space between).
fn opens_sentence(prev: &[&str]) -> bool {
    for t in prev.iter().rev() {
        if t.chars()
            .all(|c| c.is_whitespace() || "\"'\u{201c}\u{201d}\u{2018}\u{2019}([".contains(c))
        {
            continue;
        }
        return t.ends_with(['.', '!', '?', ':', '\u{2026}']);
    }
    true
}

fn whole_diff(a: &str, b: &str) -> Vec<DiffOp> {
    let (ta, tb) = (tokens(a), tokens(b));
    let (ka, kb): (Vec<Cow<str>>, Vec<Cow<str>>) = (
        ta.iter().map(|t| key(t)).collect(),
        tb.iter().map(|t| key(t)).collect(),
    );
    let mut out: Vec<DiffOp> = Vec::new();
    let equal = |out: &mut Vec<DiffOp>, old: Range<usize>, new: Range<usize>| {
        for (i, j) in old.zip(new) {
            let (x, y) = (ta[i], tb[j]);
            let starts = opens_sentence(&ta[..i]) || opens_sentence(&tb[..j]);
            if case_matters(x, y, starts) {
                push_run(out, Op::Delete, x, x);
                push_run(out, Op::Insert, y, y);
            } else {
                push_run(out, Op::Equal, x, y);
            }
        }
    };
    // Two groups with the same keys (most aligned groups of a rewire: six
    // in ten at K=3000) have one diff, every token equal to its own: any
    // diff of two equal sequences is that one, so patience (hashing every
    // key to find the unique ones, a quarter of the diff's cost) is not
    // asked. Each equal token is treated alone below, so how the equal
    // span is cut into runs changes nothing.
    if ka == kb {
        equal(&mut out, 0..ta.len(), 0..tb.len());
        return out;
    }
    for op in similar::capture_diff_slices(Algorithm::Patience, &ka, &kb) {
        let (old, new) = (op.old_range(), op.new_range());
        match op.tag() {
            similar::DiffTag::Equal => equal(&mut out, old, new),
            _ => {
                let del: String = ta[old].concat();
                let ins: String = tb[new].concat();
                push_run(&mut out, Op::Delete, &del, &del);
                push_run(&mut out, Op::Insert, &ins, &ins);
            }
        }
    }
    out
}

/// Rebuilds one side from a diff: `Side::A` keeps equal and delete runs.
pub fn rebuild(ops: &[DiffOp], side: crate::Side) -> String {
    let keep = match side {
        crate::Side::A => Op::Delete,
        crate::Side::B => Op::Insert,
    };
    ops.iter()
        .filter(|o| o.op == Op::Equal || o.op == keep)
        .map(|o| o.text_of(side))
        .collect()
}

#[cfg(test)]
mod piece_tests {
    use super::*;

    proptest::proptest! {
        // Every ASCII byte class, in runs that make words, numbers and marks
        // between them.
        #[test]
        fn ascii_word_bounds_are_those_of_the_general_splitter(
            text in "[a-zA-Z0-9_:.',; \t\r\n\x0b\x0c\"!?()-]{0,40}",
        ) {
            let ours: Vec<&str> = AsciiWordBounds { text: &text, at: 0 }.collect();
            let theirs: Vec<&str> = text.split_word_bounds().collect();
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn long_texts_are_diffed_in_pieces_that_rebuild_both_sides() {
        let words = ["port", "union", "vote", "pay", "deal"];
        let a: Vec<&str> = (0..20_000).map(|i| words[(i * 3 + i / 7) % 5]).collect();
        let a = a.join(" ");
        let b = a.replace("union", "unions");
        let ops = word_diff(&a, &b);
        assert_eq!(rebuild(&ops, crate::Side::A), a);
        assert_eq!(rebuild(&ops, crate::Side::B), b);
        let changed: usize = ops.iter().filter(|o| o.op == Op::Insert).count();
        assert!(
            changed >= a.matches("union").count() / 2,
            "the edits are found"
        );
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
                    added.push_str(o.text_of(crate::Side::B));
                }
            }
        }
        for (op, text) in [(Op::Delete, removed), (Op::Insert, added)] {
            if !text.trim().is_empty() {
                out.push(DiffOp {
                    op,
                    text,
                    b_text: None,
                });
            } else if !text.is_empty() {
                // Only white space on this side: keep it as a separator.
                out.push(DiffOp {
                    op: Op::Equal,
                    text: String::from(" "),
                    b_text: None,
                });
            }
        }
        k = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Side;
    use proptest::prelude::*;

    #[test]
    fn words_changed_are_marked() {
        let ops = word_diff("we do not agree yet", "we all agree yet");
        assert_eq!(rebuild(&ops, Side::A), "we do not agree yet");
        assert_eq!(rebuild(&ops, Side::B), "we all agree yet");
        assert!(ops
            .iter()
            .any(|o| o.op == Op::Delete && o.text.contains("not")));
        assert!(ops
            .iter()
            .any(|o| o.op == Op::Insert && o.text.contains("all")));
    }

    #[test]
    fn typography_alone_is_no_edit_and_each_side_keeps_its_own() {
        let a = "\u{201c}We won\u{2019}t sign\u{201d} \u{2014} the minister\u{2026} said";
        let b = "\"We won't sign\" -- the minister... said";
        let ops = word_diff(a, b);
        assert!(!has_edits(&ops), "{ops:?}");
        assert_eq!(rebuild(&ops, Side::A), a);
        assert_eq!(rebuild(&ops, Side::B), b);
        let ops = word_diff("time is short. . . we go", "time is short\u{2026} we go");
        assert!(!has_edits(&ops), "a spaced ellipsis: {ops:?}");
        assert_eq!(rebuild(&ops, Side::B), "time is short\u{2026} we go");
        let ops = word_diff("The NATO talks resumed", "the Nato talks resumed");
        assert!(!has_edits(&ops), "house style of capitals: {ops:?}");
    }

    #[test]
    fn case_that_names_something_is_an_edit() {
        // A country against a bird, the country against a pronoun.
        for (a, b) in [
            ("they visited Turkey today", "they visited turkey today"),
            ("it told US officials", "it told us officials"),
        ] {
            let ops = word_diff(a, b);
            assert!(has_edits(&ops), "{a} / {b}: {ops:?}");
            assert_eq!(rebuild(&ops, Side::B), b);
        }
        // At the start of a sentence the capital is the sentence's.
        assert!(!has_edits(&word_diff(
            "Talks resumed. Crews left",
            "talks resumed. crews left"
        )));
    }

    #[test]
    fn words_changed_beside_typography_are_still_found() {
        let ops = word_diff("Obama\u{2019}s plan failed", "Obama's plan worked");
        let changed: Vec<&str> = ops
            .iter()
            .filter(|o| o.is_edit())
            .map(|o| o.text.as_str())
            .collect();
        assert_eq!(changed, vec!["failed", "worked"]);
    }

    proptest! {
        #[test]
        fn diff_rebuilds_both_sides(a in "\\PC{0,60}", b in "\\PC{0,60}") {
            let ops = word_diff(&a, &b);
            prop_assert_eq!(rebuild(&ops, Side::A), a);
            prop_assert_eq!(rebuild(&ops, Side::B), b);
        }
    }

    proptest::proptest! {
        #[test]
        fn regrouping_keeps_each_sides_words(a in "[a-c ]{0,30}", b in "[a-c ]{0,30}") {
            let ops = regroup(&word_diff(&a, &b));
            let words = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
            proptest::prop_assert_eq!(
                words(&rebuild(&ops, crate::Side::A)),
                words(&a)
            );
            proptest::prop_assert_eq!(
                words(&rebuild(&ops, crate::Side::B)),
                words(&b)
            );
        }
    }
}
