//! The words around a fact: what comes before and after a value inside
//! the part looked at, and the hedges that make a value approximate.

use crate::span::Span;

pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '\u{2019}'
}

/// Up to `n` words before `pos` inside `within`, nearest first, lower case.
pub(super) fn words_before(text: &str, within: Span, pos: usize, n: usize) -> Vec<String> {
    let head = text.get(within.start.min(pos)..pos).unwrap_or("");
    head.rsplit(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
        .collect()
}

/// Up to `n` words after `pos` inside `within`, in order, lower case.
pub(super) fn words_after(text: &str, within: Span, pos: usize, n: usize) -> Vec<String> {
    let tail = text.get(pos..within.end.max(pos)).unwrap_or("");
    tail.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
        .collect()
}

/// Whether `w` occurs in `text` as a whole word.
pub(super) fn has_word(text: &str, w: &str) -> bool {
    if w.is_empty() {
        return false;
    }
    text.match_indices(w).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + w.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

pub(super) fn slice(text: &str, s: Span) -> &str {
    text.get(s.start..s.end).unwrap_or("")
}

pub(super) fn inside(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// The word that hedges the number after it ("about 40", "more than
/// 40", "at least 40", "up to 40"), if one does.
pub(super) fn hedge(before: &[String]) -> Option<String> {
    hedges(before).then(|| before.first().cloned().unwrap_or_default())
}

/// Whether the words before a number hedge it.
pub(super) fn hedges(before: &[String]) -> bool {
    let w = |k: usize| before.get(k).map_or("", String::as_str);
    matches!(
        w(0),
        "about"
            | "around"
            | "nearly"
            | "almost"
            | "roughly"
            | "approximately"
            | "some"
            | "over"
            | "than"
            | "least"
            | "estimated"
            | "possibly"
            | "perhaps"
            | "maybe"
            | "or"
            | "under"
            | "exceeding"
    ) || (w(0) == "to" && w(1) == "up")
}
