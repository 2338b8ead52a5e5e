//! Numbers and what they count: "two people", "3 victims", "$1.2 million".
//!
//! A count is a number (digits or a number word) followed, within two
//! words, by the lower-case noun it counts: "two young children" counts
//! "children". Years, clock times and ages ("Boren, 34,") are not counts.

/// Number words up to twenty and the round tens, as copy spells out small
/// counts (AP style spells out one to nine).
const WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("dozen", 12.0),
    ("hundred", 100.0),
];

/// Scale words after a number: "1.2 million".
const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// The value of a number word (case-insensitive), if it is one.
pub fn word_value(word: &str) -> Option<f64> {
    WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, v)| v)
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
