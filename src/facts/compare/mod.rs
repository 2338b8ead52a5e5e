//! Where two reports of one thing state different facts: the facts of two
//! groups of sentences that say the same thing (an alignment, a shared
//! quote) compared kind by kind.
//!
//! What makes a difference a discrepancy rather than rewriting is that the
//! two sides state the same fact with another value: a count of the same
//! thing ("12 killed" / "fifteen dead": both count the dead), a date, a
//! clock time, the person or place in the same slot of the sentence, or the
//! title of one person. Agreeing values written differently are not
//! flagged: a rounding or another scale word (`1.2 million` / `1,234,000`),
//! digits or words, a weekday or the date it resolves to. A fact only one
//! side states, a side that hedges ("about 40", "shortly after 10 p.m.")
//! and a group stating several values of one thing on a side are left
//! alone: precision matters more than recall, a false flag costs an editor
//! more than a missed one.

mod dates;
mod names;
mod numbers;
mod times;
mod words;

pub use names::edit_distance;
pub use numbers::{same_quantity, toll_differences};

use super::dates::Day;
use super::SentenceFacts;
use crate::span::Span;
use dates::date_differences;
use names::name_differences;
use numbers::number_differences;
use serde::Serialize;
use times::time_differences;
use words::slice;

/// What kind of fact two sides disagree on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    /// A count, an amount of money, a percentage, an age.
    Number,
    /// A calendar day.
    Date,
    /// A clock time.
    Time,
    /// A person: another one, or the same one spelled otherwise.
    Name,
    /// The title of the same person.
    Title,
    /// A place.
    Place,
    /// Who said a quote both sides carry.
    Speaker,
}

/// A stretch of one article that states facts: a sentence, or the part
/// of it inside a quote.
#[derive(Debug, Clone, Copy)]
pub struct Part<'a> {
    /// The sentence's index in its article.
    pub sentence: usize,
    /// The bytes looked at; facts outside are ignored.
    pub span: Span,
    /// The sentence's facts (`None` when it has none).
    pub facts: Option<&'a SentenceFacts>,
}

/// One side of a comparison: parts of one article.
#[derive(Debug, Clone)]
pub struct Side<'a> {
    /// The article's whole text (the spans index it).
    pub text: &'a str,
    /// The day its dates resolve against (its publication date).
    pub reference: Option<Day>,
    /// The parts that say the same thing as the other side's parts.
    pub parts: Vec<Part<'a>>,
}

/// How closely the two sides' parts correspond. Two sentences that are a
/// near copy (an edited pair) state their facts in the same slots, so any
/// change of value is a discrepancy; a paraphrase tells the same event in
/// other words and often around other facts (the day of an arrest beside
/// the day of the shooting), so only the facts that name what they are
/// about are compared there: casualty counts, ages of named people, the
/// spelling of one person's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closeness {
    /// Near copies: every kind is compared.
    Close,
    /// Paraphrases: only self-describing facts.
    Loose,
}

/// What one side states.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stated {
    /// The sentence it is in.
    pub sentence: usize,
    /// The words stating it (at least the value).
    #[serde(flatten)]
    pub span: Span,
    /// The value as written ("fifteen", "Tuesday", "Jane Roe").
    pub value: String,
    /// The value in a comparable form where one exists ("15",
    /// "2011-12-06", "22:45").
    pub normalized: Option<String>,
}

/// Two sides stating one fact with different values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    /// The kind of fact.
    pub kind: FactKind,
    /// What the fact is about ("killed", "age", "date", a surname).
    pub what: String,
    /// Side A's statement.
    pub a: Stated,
    /// Side B's statement.
    pub b: Stated,
}

/// Every fact the two sides state differently (see the module notes).
pub fn differences(a: &Side, b: &Side, closeness: Closeness) -> Vec<Difference> {
    let close = closeness == Closeness::Close;
    let (a, b) = (&story(a), &story(b));
    let mut out = Vec::new();
    number_differences(a, b, close, &mut out);
    if close {
        date_differences(a, b, &mut out);
        time_differences(a, b, &mut out);
    }
    // A paraphrase is compared on the facts that say what they are about
    // only (numbers above, people's spellings below).
    name_differences(a, b, close, &mut out);
    out
}

/// A side without the page's own lines ([`is_stamp`]).
fn story<'a>(s: &Side<'a>) -> Side<'a> {
    Side {
        text: s.text,
        reference: s.reference,
        parts: s
            .parts
            .iter()
            .filter(|p| !is_stamp(s.text, p))
            .copied()
            .collect(),
    }
}

/// A page's own lines: time stamps ("UPDATE @ 4:04 p.m.", "Published:
/// Monday") date the report, not the event, and credits ("Staff writer
/// Jane Roe contributed to this report", "Contact Jane Roe at ...") name
/// its reporters, not the people of the story.
fn is_stamp(text: &str, p: &Part) -> bool {
    let words = slice(text, p.span).trim_start();
    let head = words.get(..14).unwrap_or(words).to_ascii_lowercase();
    [
        "update",
        "posted",
        "published",
        "last modified",
        "@",
        "contact ",
        "email ",
        "e-mail ",
        "follow ",
        "reach ",
        "staff writer",
        "by ",
        "photo",
        "copyright",
    ]
    .iter()
    .any(|w| head.starts_with(w))
        || words.contains("contributed to this report")
        || words.contains("contributed to this story")
}

/// A name folded for comparison: case, curly apostrophes and spaces set
/// aside ("Harbour Watch" / "Harbourwatch", "Orlen’s" / "Orlen's").
fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `short` abbreviates `long`, word by word ("Mill St" /
/// "Mill Street", "NW" / "Northwest") or as initials ("ND" / "North
/// Dakota", "CR" / "County Road"): same first letter, its letters in
/// order in the longer.
fn abbreviates(short: &str, long: &str) -> bool {
    let word = |s: &str, l: &str| {
        let (s, l) = (fold(s), fold(l));
        if s == l {
            return true;
        }
        if s.len() >= l.len() || s.chars().count() > 4 || s.chars().next() != l.chars().next() {
            return false;
        }
        let mut it = l.chars();
        s.chars().all(|c| it.any(|d| d == c))
    };
    let (sw, lw): (Vec<&str>, Vec<&str>) = (short.split(' ').collect(), long.split(' ').collect());
    let (sw, lw) = if sw.len() <= lw.len() {
        (sw, lw)
    } else {
        (lw, sw)
    };
    if sw.len() == lw.len() {
        sw.iter().zip(&lw).all(|(s, l)| word(s, l) || word(l, s))
    } else {
        // A name and the same with its head noun ("North Elm" /
        // "North Elm Avenue"), or initials.
        sw.iter().zip(&lw).all(|(s, l)| fold(s) == fold(l)) || (sw.len() == 1 && word(short, long))
    }
}

/// The one value each side states that the other does not, once the
/// values both state are set aside: near copies state several numbers of
/// one kind ("a 59-year-old man and a 53-year-old man") and change one.
/// `None` unless exactly one is left on each side.
fn odd_pair<'x, T>(
    xa: &[&'x T],
    xb: &[&'x T],
    same: impl Fn(&T, &T) -> bool,
) -> Option<(&'x T, &'x T)> {
    let mut used = vec![false; xb.len()];
    let mut left_a = Vec::new();
    for x in xa {
        match (0..xb.len()).find(|&j| !used[j] && same(x, xb[j])) {
            Some(j) => used[j] = true,
            None => left_a.push(*x),
        }
    }
    let left_b: Vec<&T> = (0..xb.len()).filter(|&j| !used[j]).map(|j| xb[j]).collect();
    match (left_a.as_slice(), left_b.as_slice()) {
        ([x], [y]) => Some((x, y)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::names::edits;
    use super::times::scan_times;
    use super::*;

    #[test]
    fn roundings_and_scale_words_keep_the_value() {
        assert!(same_quantity(1.2e6, 1_200_000.0));
        assert!(same_quantity(1.2e6, 1_234_000.0));
        assert!(same_quantity(6.0, 6.2));
        assert!(!same_quantity(12.0, 15.0));
        assert!(!same_quantity(10.0, 12.0));
        assert!(!same_quantity(1.2e6, 1.5e6));
        assert!(!same_quantity(40.0, 42.0));
    }

    #[test]
    fn clock_times_are_read() {
        let t = "It happened at 10:45 p.m. and again at 9am, then noon.";
        let got: Vec<u32> = scan_times(t, Span::new(0, t.len()))
            .into_iter()
            .map(|(_, m, _)| m)
            .collect();
        assert_eq!(got, [22 * 60 + 45, 9 * 60, 720]);
    }

    #[test]
    fn spellings_are_near() {
        assert_eq!(edits("Smith", "Smyth"), 1);
        assert_eq!(edits("Lavrov", "Ryabkov"), 4);
    }
}
