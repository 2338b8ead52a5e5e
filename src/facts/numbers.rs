//! Numbers and what they count: "two people", "3 victims", "$1.2 million".
//!
//! A count is a number (digits or a number word) followed, within two
//! words, by the lower-case noun it counts: "two young children" counts
//! "children". Years, clock times and ages ("Boren, 34,") are not counts.

/// Number words up to twenty and the round tens, as copy spells out small
/// counts (AP style spells out one to nine), lower-cased: a `match`, which
/// compiles to a switch on the length, because this runs on each word of a
/// corpus (a scan of the list was a tenth of the facts pass).
fn number_word(lower: &[u8]) -> Option<f64> {
    Some(match lower {
        b"one" => 1.0,
        b"two" => 2.0,
        b"three" => 3.0,
        b"four" => 4.0,
        b"five" => 5.0,
        b"six" => 6.0,
        b"seven" => 7.0,
        b"eight" => 8.0,
        b"nine" => 9.0,
        b"ten" => 10.0,
        b"eleven" => 11.0,
        b"twelve" => 12.0,
        b"thirteen" => 13.0,
        b"fourteen" => 14.0,
        b"fifteen" => 15.0,
        b"sixteen" => 16.0,
        b"seventeen" => 17.0,
        b"eighteen" => 18.0,
        b"nineteen" => 19.0,
        b"twenty" => 20.0,
        b"thirty" => 30.0,
        b"forty" => 40.0,
        b"fifty" => 50.0,
        b"dozen" => 12.0,
        b"hundred" => 100.0,
        _ => return None,
    })
}

/// The longest number word ("seventeen"); the shortest have three letters,
/// and all begin with one of d, e, f, h, n, o, s, t.
const LONGEST_NUMBER_WORD: usize = 9;

/// Scale words after a number: "1.2 million".
const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// The value of a number word (case-insensitive), if it is one.
#[inline]
pub fn word_value(word: &str) -> Option<f64> {
    let b = word.as_bytes();
    // Turned away on the length and first letter: nearly every word is.
    let first = b.first()?.to_ascii_lowercase();
    if !(3..=LONGEST_NUMBER_WORD).contains(&b.len())
        || !matches!(first, b'd' | b'e' | b'f' | b'h' | b'n' | b'o' | b's' | b't')
    {
        return None;
    }
    let mut lower = [0u8; LONGEST_NUMBER_WORD];
    for (i, &c) in b.iter().enumerate() {
        if let Some(d) = lower.get_mut(i) {
            *d = c.to_ascii_lowercase();
        }
    }
    number_word(lower.get(..b.len())?)
}

/// The multiplier a scale word stands for.
pub fn scale(word: &str) -> Option<f64> {
    SCALES
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, v)| v)
}

/// The value of digits as copy writes them: `1,200`, `3.5`.
pub fn digits_value(word: &str) -> Option<f64> {
    if !word.contains(',') {
        // Most numbers: no separator to drop, nothing to copy.
        if word.is_empty() || !word.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            return None;
        }
        return word.parse().ok();
    }
    let clean: String = word.chars().filter(|&c| c != ',').collect();
    if clean.is_empty() || !clean.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    clean.parse().ok()
}

/// Words between a number and its noun that do not say what is counted:
/// "two more people", "three other men" count people and men.
pub fn is_modifier(word: &str) -> bool {
    // "two of the victims", "two or three men": the noun comes later.
    matches!(
        word,
        "more"
            | "other"
            | "young"
            | "additional"
            | "separate"
            | "different"
            | "new"
            | "small"
            | "large"
            | "of"
            | "the"
            | "or"
            | "and"
            | "to"
            | "adult"
            | "teenage"
            | "older"
            | "younger"
    )
}

/// Function words: a number followed by one ("$5 for", "3 at") counts
/// nothing named.
pub fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "a" | "an"
            | "at"
            | "in"
            | "on"
            | "for"
            | "by"
            | "with"
            | "from"
            | "into"
            | "was"
            | "were"
            | "are"
            | "is"
            | "had"
            | "have"
            | "has"
            | "be"
            | "been"
            | "said"
            | "says"
            | "as"
            | "per"
            | "p"
            | "a.m"
            | "pm"
            | "am"
            | "than"
            | "times"
            | "that"
            | "who"
            | "which"
            | "but"
            | "after"
            | "before"
            | "when"
            | "while"
            | "will"
            | "would"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_are_read_in_any_case() {
        for (w, v) in [
            ("two", 2.0),
            ("Twelve", 12.0),
            ("SEVENTEEN", 17.0),
            ("dozen", 12.0),
        ] {
            assert_eq!(word_value(w), Some(v), "{w}");
        }
        for w in ["the", "on", "twofold", "seventeens", "", "ünf"] {
            assert_eq!(word_value(w), None, "{w}");
        }
    }
}
