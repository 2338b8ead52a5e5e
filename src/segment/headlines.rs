//! Sentence boundaries that carry no punctuation at all.
//!
//! Copy scraped from web pages loses the line breaks around headlines, pull
//! quotes and captions, so a title runs straight into the story:
//! `Trump Lashes Out at Critics WASHINGTON — President Trump said…`,
//! `Talks Collapse in Geneva It was the third attempt…`. The scanner stops
//! only at punctuation and never sees these; this pass looks at each sentence
//! it emits and finds the one place where a new sentence must begin.
//!
//! The signals are typographic, never a list of names: a run of title-case
//! words (every word capitalized but the short function words) cannot be
//! followed inside one English sentence by an all-capitals dateline, or by a
//! word that opens sentences (`It`, `The`, `She`) with lower case after it.

use super::words;

/// A title has at least this many words, this many of them capitalized:
/// three-word runs are common inside sentences (`Secretary of State`), and
/// the words after the run must still read as a sentence's start.
const MIN_TITLE_WORDS: usize = 4;
const MIN_TITLE_CAPS: usize = 3;

/// Headlines are short; a longer capitalized run is a list of names.
const MAX_TITLE_WORDS: usize = 20;

/// A quotation opening a sentence with at least this many words, closed with
/// no punctuation of its own and followed by a new sentence, is a pull quote.
const MIN_PULL_QUOTE_WORDS: usize = 3;

/// An all-capitals dateline has at most this many words (`SAN JUAN`, `NEW
/// YORK CITY`) before its dash.
const MAX_DATELINE_WORDS: usize = 3;

/// Function words that title case leaves in lower case (AP and Chicago
/// styles agree on these short ones).
#[rustfmt::skip]
const MINOR: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "off",
    "on", "onto", "or", "over", "per", "so", "than", "the", "to", "up", "via", "vs", "with", "yet",
];

/// Sentence openers that are also common inside sentences with a capital:
/// the pronoun `I` and the letter `A` (`type A`, `plan A`).
const ALWAYS_CAPITALIZED: &[&str] = &["a", "i"];

/// Sentence openers that are also the names of shows and works written in
/// prose without a capital after them (`told Today show host Ann Lee`): not
/// read as a lost full stop.
const TITLES_TOO: &[&str] = &["today", "tomorrow", "yesterday"];

/// Where a new sentence starts inside `sentence` (a byte offset past white
/// space), if a headline, dateline or pull quote runs into it.
pub(super) fn boundary(sentence: &str) -> Option<usize> {
    title_run(sentence)
        .or_else(|| pull_quote(sentence))
        .or_else(|| glued(sentence))
        .or_else(|| credit(sentence))
        .or_else(|| spaced_heading(sentence))
}

/// Labels that open a picture's credit line (`Image: Ann Lee/AP`).
const CREDIT_LABELS: &[&str] = &["credit:", "image:", "photo:", "photograph:", "picture:"];

/// A credit line has at most this many words after its label.
const MAX_CREDIT_WORDS: usize = 8;

/// A caption runs into its credit (`Crowds at the expo Image: Ann Lee.`):
/// a caption has no full stop of its own, so a credit label after a word
/// that ends no clause (or after an abbreviation), followed by a short capitalized name that ends
/// the text, starts the credit as a sentence of its own.
fn credit(sentence: &str) -> Option<usize> {
    // Every label ends in a colon: most sentences have none.
    memchr::memchr(b':', sentence.as_bytes())?;
    let toks: Vec<(usize, &str)> = tokens(sentence).collect();
    let (n, &(at, _)) = toks
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, (_, t))| CREDIT_LABELS.iter().any(|l| t.eq_ignore_ascii_case(l)))?;
    let before = toks[n - 1].1;
    let rest = &toks[n + 1..];
    // A period here is an abbreviation's (`in Washington D.C. Image: Ann
    // Lee`): the scanner has already cut after any period that ends a
    // sentence, and the credit starts after the abbreviation all the same.
    let ends_sentence = before.ends_with(['!', '?', ':', ';', ',']);
    let named = rest.first()?.1.starts_with(char::is_uppercase);
    (!ends_sentence && named && rest.len() <= MAX_CREDIT_WORDS).then_some(at)
}

/// Letters in the shortest heading word spelled out in spaced capitals.
const MIN_SPACED_LETTERS: usize = 4;

/// A heading word in spaced-out capitals (`S U M M A R Y`) before prose on
/// the same line ends there: the letters are one word, a heading.
fn spaced_heading(sentence: &str) -> Option<usize> {
    let mut toks = tokens(sentence).enumerate();
    while let Some((letters, (at, t))) = toks.next() {
        let mut chars = t.chars();
        let one_capital = chars.next().is_some_and(char::is_uppercase);
        let rest = chars.as_str();
        if one_capital && rest.is_empty() {
            continue;
        }
        // `N O T I C E. The port`: the heading's own stop or colon ends it.
        if one_capital && matches!(rest, "." | ":") {
            let (_, (next, n)) = toks.next()?;
            let follows = n.starts_with(char::is_uppercase);
            return (letters + 1 >= MIN_SPACED_LETTERS && follows).then_some(next);
        }
        let follows = t.starts_with(char::is_uppercase);
        return (letters >= MIN_SPACED_LETTERS && follows).then_some(at);
    }
    None
}

/// The white-space separated tokens of `s` with their byte offsets.
fn tokens(s: &str) -> impl Iterator<Item = (usize, &str)> + Clone {
    let base = s.as_ptr() as usize;
    s.split_whitespace()
        .map(move |t| (t.as_ptr() as usize - base, t))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Starts with a capital (`Lashes`, `WikiLeaks`, `NATO`).
    Capitalized,
    /// A number (`$1.1`, `2016`).
    Number,
    /// A title-case function word (`at`, `the`).
    Minor,
    /// Anything else: a lower-case content word, a symbol.
    Other,
}

/// The letters of a token: leading quotes and brackets and trailing
/// punctuation removed.
fn core(token: &str) -> &str {
    token
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| !c.is_alphanumeric())
}

fn class(token: &str) -> Class {
    let word = core(token);
    match word.chars().next() {
        Some(c) if c.is_uppercase() => Class::Capitalized,
        Some(c) if c.is_ascii_digit() => Class::Number,
        Some(_) if minor(word) => Class::Minor,
        _ => Class::Other,
    }
}

/// True for a function word that title case leaves in lower case (`of`,
/// `the`, `to`): the only lower-case words a title-case headline holds.
pub(crate) fn is_title_minor(word: &str) -> bool {
    minor(word)
}

fn listed(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A title-case function word; the longest has four letters, so longer
/// words leave at once (this runs on many words).
fn minor(word: &str) -> bool {
    word.len() <= 4 && listed(MINOR, word)
}

/// A lower-case content word: what follows a sentence's first word when the
/// sentence is prose (`It would`, `The legislation`), and what never follows
/// it inside a title-case run.
fn lower_content(token: Option<(usize, &str)>) -> bool {
    token.is_some_and(|(_, t)| t.chars().next().is_some_and(char::is_lowercase) && !minor(core(t)))
}

/// A capitalized word that typically opens a sentence (`It`, `The`, `He’ll`),
/// with lower-case prose after it.
fn opens_prose<'t>(word: &'t str, mut rest: impl Iterator<Item = (usize, &'t str)>) -> bool {
    let base = word
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split(['\'', '’'])
        .next()
        .unwrap_or("");
    let mut chars = base.chars();
    // `He`, not the acronym `IT`.
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
        && words::is_starter(base)
        && !listed(ALWAYS_CAPITALIZED, base)
        && lower_content(rest.next())
}

/// An opening quotation mark, then a capitalized word and prose: `“We have`.
fn opens_quotation<'t>(word: &'t str, mut rest: impl Iterator<Item = (usize, &'t str)>) -> bool {
    let mut chars = word.chars();
    matches!(chars.next(), Some('“' | '"'))
        && chars.next().is_some_and(char::is_uppercase)
        && lower_content(rest.next())
}

/// An all-capitals place, perhaps a state, then a dash: `WASHINGTON —`,
/// `SAN JUAN, P.R. --`.
fn opens_dateline<'t>(word: &'t str, rest: impl Iterator<Item = (usize, &'t str)>) -> bool {
    let all_caps = |t: &str| {
        let w = t.trim_end_matches(',');
        w.len() > 1 && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '-')
    };
    if !all_caps(word) || !core(word).chars().all(char::is_alphabetic) {
        return false;
    }
    // A comma closes the place name; one word (the state) may follow it.
    let mut place_done = word.ends_with(',');
    let mut state_done = false;
    for (_, t) in rest.take(MAX_DATELINE_WORDS + 1) {
        if matches!(t, "—" | "–" | "―" | "--" | "-") {
            return true;
        }
        if state_done || !t.starts_with(char::is_uppercase) {
            return false;
        }
        if place_done {
            state_done = true;
        } else if all_caps(t) {
            place_done = t.ends_with(',');
        } else {
            return false;
        }
    }
    false
}

/// A title-case run from the start of the sentence, then a sentence opener.
fn title_run(sentence: &str) -> Option<usize> {
    let mut toks = tokens(sentence);
    let (mut words, mut caps) = (0, 0);
    // An all-capitals headline (`OZ'S BOSS THINKS HE'S FULL OF IT —`) gives
    // no edge between itself and a dateline.
    let mut mixed_case = false;
    while let Some((at, token)) = toks.next() {
        if words >= MIN_TITLE_WORDS
            && caps >= MIN_TITLE_CAPS
            && (opens_prose(token, toks.clone())
                || opens_quotation(token, toks.clone())
                || mixed_case && opens_dateline(token, toks.clone()))
        {
            return Some(at);
        }
        mixed_case = token.chars().any(char::is_lowercase);
        match class(token) {
            Class::Capitalized => caps += 1,
            Class::Number | Class::Minor => {}
            Class::Other => return None,
        }
        words += 1;
        if words > MAX_TITLE_WORDS {
            return None;
        }
    }
    None
}

/// A quotation that opens the sentence and closes with no punctuation of its
/// own, then a new sentence: `“…waiting to be rebuilt” The president’s trip`.
fn pull_quote(sentence: &str) -> Option<usize> {
    let close = match sentence.chars().next()? {
        '“' => '”',
        '"' => '"',
        _ => return None,
    };
    let inner_start = sentence.chars().next()?.len_utf8();
    let inner_len = sentence[inner_start..].find(close)?;
    let inner = &sentence[inner_start..inner_start + inner_len];
    let after = inner_start + inner_len + close.len_utf8();
    if inner.split_whitespace().count() < MIN_PULL_QUOTE_WORDS
        || inner.ends_with(|c: char| c.is_ascii_punctuation() && c != ')' || c == '…')
        || !sentence[after..].starts_with(char::is_whitespace)
    {
        return None;
    }
    let mut rest = tokens(&sentence[after..]);
    let (at, word) = rest.next()?;
    let quoted = matches!(word.chars().next(), Some('“' | '"'))
        && word.chars().nth(1).is_some_and(char::is_uppercase)
        && rest
            .clone()
            .next()
            .is_some_and(|(_, t)| t.starts_with(char::is_lowercase));
    (quoted || opens_prose(word, rest)).then_some(after + at)
}

/// Two sentences glued where the punctuation was lost: a lower-case word,
/// then a capitalized sentence opener and prose (`to act That didn't`,
/// `she said The bill`). Inside a sentence such an opener is capitalized
/// only as part of a title or name, which a capital after it shows.
fn glued(sentence: &str) -> Option<usize> {
    let bytes = sentence.as_bytes();
    // Only a space then a capital can start such a sentence, so the scan
    // looks at bytes and reads words only there (the sentence openers are
    // all ASCII).
    for k in 1..bytes.len() {
        if !(bytes[k].is_ascii_uppercase() && bytes[k - 1] == b' ') {
            continue;
        }
        let (Some(before), Some(after)) = (sentence.get(..k - 1), sentence.get(k..)) else {
            continue;
        };
        let prev = before.rsplit(' ').next().unwrap_or("");
        let prev_prose = prev.starts_with(|c: char| c.is_ascii_lowercase())
            && prev.chars().all(char::is_alphabetic)
            && !minor(prev);
        if !prev_prose {
            continue;
        }
        let mut rest = tokens(after);
        let Some((_, token)) = rest.next() else {
            continue;
        };
        let plain = token
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’');
        let word = token.split(['\'', '’']).next().unwrap_or(token);
        if plain && !listed(TITLES_TOO, word) && opens_prose(token, rest) {
            return Some(k);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(s: &str) -> Option<(&str, &str)> {
        boundary(s).map(|at| (s[..at].trim_end(), &s[at..]))
    }

    #[test]
    fn headline_before_a_dateline() {
        assert_eq!(
            cut("Rebels Seize Airport in Overnight Raid KABUL — Fighters took the airport."),
            Some((
                "Rebels Seize Airport in Overnight Raid",
                "KABUL — Fighters took the airport."
            ))
        );
        assert_eq!(
            cut("Mayor Unveils Budget for a Lean Year SAN JUAN, P.R. -- The mayor spoke."),
            Some((
                "Mayor Unveils Budget for a Lean Year",
                "SAN JUAN, P.R. -- The mayor spoke."
            ))
        );
    }

    #[test]
    fn headline_before_prose() {
        assert_eq!(
            cut("Ministers Clash Over Fuel Tax Rise It was the second row this week."),
            Some((
                "Ministers Clash Over Fuel Tax Rise",
                "It was the second row this week."
            ))
        );
        assert_eq!(
            cut("Senate Passes Farm Bill After Long Delay “We have waited,” she said."),
            Some((
                "Senate Passes Farm Bill After Long Delay",
                "“We have waited,” she said."
            ))
        );
    }

    #[test]
    fn pull_quote_before_prose() {
        assert_eq!(
            cut("“…the worst drought in living memory” The governor declared an emergency."),
            Some((
                "“…the worst drought in living memory”",
                "The governor declared an emergency."
            ))
        );
    }

    #[test]
    fn lost_full_stop() {
        assert_eq!(
            cut("The council voted to act That ended a long dispute."),
            Some(("The council voted to act", "That ended a long dispute."))
        );
    }

    #[test]
    fn prose_is_left_alone() {
        for s in [
            // Long capitalized names and titles inside prose.
            "Former Secretary of State Hillary Clinton’s aides said it was over.",
            "New York City Police Commissioner Bill Bratton said he would stay.",
            "Senate Majority Leader Mitch McConnell, he said, would not budge.",
            "U.S. District Judge Ann Lee “strongly” objected to the delay.",
            // An all-capitals word with a dash inside a sentence.
            "The alliance, NATO — which he praised — met in Brussels.",
            // An all-capitals headline with a dash in it.
            "HE'S BEEN CALLED OUT BY FELLOW DOCTORS — He has been criticized.",
            // Sentence openers that are capitalized inside prose.
            "Clinton’s top IT staffer set up the server.",
            "He said I would win and so I went home.",
            "She had a type A personality, he said.",
            "They appeared on the Today show on Friday.",
            "He told Today show host Ann Lee that he would run.",
            "He wrote for The New York Times and then left.",
            // Quotations that open a sentence and go on.
            "“Fake news” is what he called it.",
            "“We will fight,” he said. ",
            // Headlines on their own.
            "Talks Stall as Deadline Nears",
            "Rebels Seize Airport in Overnight Raid",
        ] {
            assert_eq!(cut(s), None, "{s}");
        }
    }
}
