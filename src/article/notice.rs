//! The notice rule of `wire.rs` ("Updated at 10:42 GMT", "This story has
//! been updated…", "Breaking news", "Comments are closed."), matched by hand:
//! its pattern's Unicode `\w` made it the costliest paragraph rule to compile
//! (5 M instructions, more than all its matches on a workload), and a story
//! notice of this kind is common enough that the byte test let it through.
//! `is_notice` is exact for a paragraph without `ſ` or the Kelvin sign (the
//! characters a case-blind pattern folds into ASCII letters); `wire.rs`
//! uses the pattern for those.

use super::dateline::{is_space, is_word};

/// `t` without its prefix `word` (lower-case ASCII), compared case-blind.
fn strip<'a>(t: &'a str, word: &str) -> Option<&'a str> {
    let head = t.as_bytes().get(..word.len())?;
    // The head equals an ASCII word, so it ends on a character boundary.
    head.eq_ignore_ascii_case(word.as_bytes())
        .then(|| &t[word.len()..])
}

/// `t` without one of `words` at its start, any that fits (the callers'
/// words are never a prefix of another followed by the same text).
fn strip_any<'a>(t: &'a str, words: &[&str]) -> Option<&'a str> {
    words.iter().find_map(|w| strip(t, w))
}

/// Whether `body` matches
/// `(?i)^(?:(?:last )?updated(?: at| on)?\s+[\w:,. ]+|this (?:article|story|post) (?:has been|was) updated\b.*|breaking(?: news)?|developing(?: story)?|comments (?:are|have been) closed\.?)$`.
pub(super) fn is_notice(body: &str) -> bool {
    updated_at(body) || updated_story(body) || breaking(body) || closed(body)
}

/// `(?:last )?updated(?: at| on)?\s+[\w:,. ]+$`.
fn updated_at(body: &str) -> bool {
    let t = strip(body, "last ").unwrap_or(body);
    let Some(t) = strip(t, "updated") else {
        return false;
    };
    spaces_then_stamp(t) || strip_any(t, &[" at", " on"]).is_some_and(spaces_then_stamp)
}

/// `\s+[\w:,. ]+$`: spaces, then a non-empty tail of word characters and
/// `:,. `. The spaces may give their last ` `s to the tail.
fn spaces_then_stamp(t: &str) -> bool {
    let stamp = |c: char| is_word(c) || matches!(c, ':' | ',' | '.' | ' ');
    let lead = t
        .char_indices()
        .find(|&(_, c)| !is_space(c))
        .map_or(t.len(), |(k, _)| k);
    if lead == 0 || !t[lead..].chars().all(stamp) {
        return false;
    }
    // The tail is empty only when the spaces run to the end: then it can
    // take their last character if that is ` ` and one space stays before.
    lead < t.len() || (t.ends_with(' ') && t[..t.len() - 1].chars().next().is_some())
}

/// `this (?:article|story|post) (?:has been|was) updated\b.*$`.
fn updated_story(body: &str) -> bool {
    let rest = strip(body, "this ")
        .and_then(|t| strip_any(t, &["article ", "story ", "post "]))
        .and_then(|t| strip_any(t, &["has been ", "was "]))
        .and_then(|t| strip(t, "updated"));
    rest.is_some_and(|t| !t.chars().next().is_some_and(is_word) && !t.contains('\n'))
}

/// `breaking(?: news)?$` and `developing(?: story)?$`.
fn breaking(body: &str) -> bool {
    [("breaking", " news"), ("developing", " story")]
        .iter()
        .any(|(word, next)| {
            strip(body, word).is_some_and(|t| t.is_empty() || strip(t, next) == Some(""))
        })
}

/// `comments (?:are|have been) closed\.?$`.
fn closed(body: &str) -> bool {
    strip(body, "comments ")
        .and_then(|t| strip_any(t, &["are ", "have been "]))
        .and_then(|t| strip(t, "closed"))
        .is_some_and(|t| t.is_empty() || t == ".")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    fn pattern() -> Regex {
        Regex::new(r"(?i)^(?:(?:last )?updated(?: at| on)?\s+[\w:,. ]+|this (?:article|story|post) (?:has been|was) updated\b.*|breaking(?: news)?|developing(?: story)?|comments (?:are|have been) closed\.?)$").unwrap()
    }

    #[test]
    fn composed_notices_match_as_the_pattern_did() {
        let re = pattern();
        for s in [
            "Updated at 10:42 GMT",
            "Last updated on March 3, 2021.",
            "UPDATED 4.15pm",
            "updated  ",
            "updated \t ",
            "updated ",
            "updated\t",
            "Updated on",
            "updated: 10:00",
            "This story has been updated with new figures.",
            "This post was updated",
            "This article was updatedly",
            "This article was updated\nagain",
            "Breaking News",
            "breaking news now",
            "Developing",
            "Comments have been closed.",
            "Comments are closed!",
            "The vote was updated.",
            "Updated at 10:42 — GMT",
            "updated é_9",
        ] {
            assert_eq!(is_notice(s), re.is_match(s), "{s:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn random_notices_match_as_the_pattern_did(
            parts in proptest::collection::vec(prop::sample::select(vec![
                "last ", "Last ", "updated", "UPDATED", " at", " on", " ", "  ", "\t", "\n",
                "\u{a0}", "10", ":", ",", ".", "é", "—", "_", "x", "this ", "This ", "story ",
                "post ", "has been ", "was ", "breaking", " news", "developing", " story",
                "comments ", "are ", "closed", "!",
            ]), 0..8)
        ) {
            let s: String = parts.concat();
            prop_assert_eq!(is_notice(&s), pattern().is_match(&s), "{:?}", s);
        }
    }
}
