//! The two dateline shapes of `wire.rs`, matched by hand. They were regular
//! expressions over Unicode classes (`\p{Lu}`, `\p{L}`, `\p{M}`, `\d`, `\s`),
//! and compiling those two took a quarter of a `sentences` run (24 M of 100 M
//! instructions on the PolNeAR workload, callgrind) while matching them took
//! little. The functions below are backtracking matchers that try the same
//! choices in the same order as the patterns they replace (kept in the tests,
//! which check both agree), so they return the same leftmost-first match.
//! Non-ASCII characters are classified by the tables of `regex-syntax`, the
//! ones the patterns used, read once at the first non-ASCII character.

use regex_syntax::hir::{Class, HirKind};
use std::sync::LazyLock;

/// The ranges of one Unicode class, as `regex-syntax` parses it.
fn table(class: &str) -> Vec<(char, char)> {
    let hir = regex_syntax::Parser::new()
        .parse(class)
        .expect("a Unicode class");
    match hir.kind() {
        HirKind::Class(Class::Unicode(c)) => {
            c.ranges().iter().map(|r| (r.start(), r.end())).collect()
        }
        _ => unreachable!("{class} is a class"),
    }
}

static UPPER: LazyLock<Vec<(char, char)>> = LazyLock::new(|| table(r"\p{Lu}"));
static LETTER: LazyLock<Vec<(char, char)>> = LazyLock::new(|| table(r"\p{L}"));
static MARK: LazyLock<Vec<(char, char)>> = LazyLock::new(|| table(r"\p{M}"));
static DIGIT: LazyLock<Vec<(char, char)>> = LazyLock::new(|| table(r"\d"));
static WORD: LazyLock<Vec<(char, char)>> = LazyLock::new(|| table(r"\w"));
static SPACE: LazyLock<Vec<(char, char)>> = LazyLock::new(|| table(r"\s"));

fn in_table(t: &[(char, char)], c: char) -> bool {
    t.binary_search_by(|&(lo, hi)| {
        if hi < c {
            std::cmp::Ordering::Less
        } else if lo > c {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    })
    .is_ok()
}

/// `\p{Lu}`: an upper-case letter (general category, not the wider
/// Uppercase property of `char::is_uppercase`).
fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        in_table(&UPPER, c)
    }
}

/// `\p{L}`.
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_table(&LETTER, c)
    }
}

/// `\p{M}`: no ASCII character is a mark.
fn is_mark(c: char) -> bool {
    !c.is_ascii() && in_table(&MARK, c)
}

/// `\d` with Unicode on: any decimal digit.
fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_table(&DIGIT, c)
    }
}

/// `\w` with Unicode on.
pub(super) fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        in_table(&WORD, c)
    }
}

/// `\s` with Unicode on.
pub(super) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '\t'..='\r' | ' ')
    } else {
        in_table(&SPACE, c)
    }
}

fn at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

/// The end of the longest run of characters from `i` that pass `class`.
fn skip(s: &str, i: usize, class: fn(char) -> bool) -> usize {
    s[i..]
        .char_indices()
        .find(|&(_, c)| !class(c))
        .map_or(s.len(), |(k, _)| i + k)
}

/// `class+` from `i`: the end of the run when it holds a character.
fn skip1(s: &str, i: usize, class: fn(char) -> bool) -> Option<usize> {
    let e = skip(s, i, class);
    (e > i).then_some(e)
}

/// One character of `class` at `i`: the index after it.
fn one(s: &str, i: usize, class: fn(char) -> bool) -> Option<usize> {
    at(s, i).filter(|&c| class(c)).map(|c| i + c.len_utf8())
}

/// The places inside `s[from..to]` where an upper-case letter starts, last
/// first: where `[…]*\p{Lu}` may stop when the run of `[…]` ends at `to`
/// (greedy, so the longest is tried first).
fn capitals_back(s: &str, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
    s[from..to]
        .char_indices()
        .rev()
        .filter(|&(_, c)| is_upper(c))
        .map(move |(k, c)| from + k + c.len_utf8())
}

/// `\s*(?:—|–|--)\s*` from `i`: the end. The spaces before the dash are
/// taken whole: giving one back leaves a space where the dash must be.
fn dash_tail(s: &str, i: usize) -> Option<usize> {
    let i = skip(s, i, is_space);
    let t = &s[i..];
    let len = ["—", "–", "--"].iter().find(|d| t.starts_with(**d))?.len();
    Some(skip(s, i + len, is_space))
}

/// A dateline with no agency, `BARE_DATELINE` of `wire.rs`:
/// `^(?P<place>\p{Lu}{2}[\p{Lu} .'’\-]*\p{Lu}(?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)?)\s*(?:—|–|--)\s*`.
/// Returns the end of the place and of the whole match.
pub(super) fn bare_dateline(s: &str) -> Option<(usize, usize)> {
    let i = one(s, 0, is_upper)?;
    let i = one(s, i, is_upper)?;
    let run = skip(s, i, |c| {
        is_upper(c) || matches!(c, ' ' | '.' | '\'' | '’' | '-')
    });
    for r in capitals_back(s, i, run) {
        // The optional region `,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?`;
        // each run of `[\p{L}.]` is taken whole, since what may follow it
        // (a space, a dash) is none of its characters.
        if at(s, r) == Some(',') {
            let j = skip(s, r + 1, is_space);
            if let Some(j) = one(s, j, is_upper) {
                let a = skip(s, j, |c| is_letter(c) || c == '.');
                let second = one(s, a, is_space)
                    .and_then(|k| one(s, k, is_upper))
                    .map(|k| skip(s, k, |c| is_letter(c) || c == '.'));
                for place in second.into_iter().chain([a]) {
                    if let Some(end) = dash_tail(s, place) {
                        return Some((place, end));
                    }
                }
            }
        }
        if let Some(end) = dash_tail(s, r) {
            return Some((r, end));
        }
    }
    None
}

/// Where a dateline with an agency matched: the end of the place, the
/// agency's bytes and the end of the match.
pub(super) struct AgencyDateline {
    pub place_end: usize,
    pub agency: (usize, usize),
    pub end: usize,
}

/// A dateline with an agency, `DATELINE` of `wire.rs`:
/// `^(?P<place>\p{Lu}[\p{Lu}\p{M} .'’\-]*\p{Lu}(?:,\s*[\p{L} .]+?)?)(?:,\s*(?:\p{L}+\.?\s+\d{1,2}|\d{1,2}\s+\p{L}+))?\s*\((?P<agency>AGENCY)\)\s*(?:[-–—]+|:)\s*`,
/// where AGENCY is the spelling of one of `agencies` (spelling, canonical
/// name), spelled exactly.
pub(super) fn dateline(s: &str, agencies: &[(&str, &str)]) -> Option<AgencyDateline> {
    let i = one(s, 0, is_upper)?;
    let run = skip(s, i, |c| {
        is_upper(c) || is_mark(c) || matches!(c, ' ' | '.' | '\'' | '’' | '-')
    });
    for r in capitals_back(s, i, run) {
        if at(s, r) == Some(',') {
            // `,\s*[\p{L} .]+?`: `\s*` greedy, then the lazy run as short as
            // it can be. The place may end anywhere in the run of `[\p{L} .]`
            // after the spaces, shortest first; then, as `\s*` gives back its
            // spaces one by one to the run (only ` ` is in both), at each of
            // them, last first.
            let spaces_from = r + 1;
            let spaces_to = skip(s, spaces_from, is_space);
            let class = |c: char| is_letter(c) || c == ' ' || c == '.';
            let ends = s[spaces_to..]
                .char_indices()
                .take_while(|&(_, c)| class(c))
                .map(|(k, c)| spaces_to + k + c.len_utf8());
            let given_back = s[spaces_from..spaces_to]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c == ' ')
                .map(|(k, c)| spaces_from + k + c.len_utf8());
            for place_end in ends.chain(given_back) {
                if let Some(m) = after_place(s, place_end, agencies) {
                    return Some(AgencyDateline { place_end, ..m });
                }
            }
        }
        if let Some(m) = after_place(s, r, agencies) {
            return Some(AgencyDateline { place_end: r, ..m });
        }
    }
    None
}

/// The dateline after its place: the optional date, then the agency.
fn after_place(s: &str, x: usize, agencies: &[(&str, &str)]) -> Option<AgencyDateline> {
    let mut dates = [None, None];
    if at(s, x) == Some(',') {
        let j = skip(s, x + 1, is_space);
        // `\p{L}+\.?\s+\d{1,2}` and `\d{1,2}\s+\p{L}+`; each run is taken
        // whole, since the next item cannot match its characters (a third
        // digit cannot start `\s*\(`).
        dates[0] = skip1(s, j, is_letter)
            .map(|a| if at(s, a) == Some('.') { a + 1 } else { a })
            .and_then(|a| skip1(s, a, is_space))
            .and_then(|a| digits(s, a));
        dates[1] = digits(s, j)
            .and_then(|a| skip1(s, a, is_space))
            .and_then(|a| skip1(s, a, is_letter));
    }
    dates
        .into_iter()
        .flatten()
        .chain([x])
        .find_map(|y| agency_tail(s, y, agencies))
}

/// `\d{1,2}` from `i`, greedy.
fn digits(s: &str, i: usize) -> Option<usize> {
    let a = one(s, i, is_digit)?;
    Some(one(s, a, is_digit).unwrap_or(a))
}

/// `\s*\((?P<agency>…)\)\s*(?:[-–—]+|:)\s*` from `y`.
fn agency_tail(s: &str, y: usize, agencies: &[(&str, &str)]) -> Option<AgencyDateline> {
    let k = skip(s, y, is_space);
    if at(s, k) != Some('(') {
        return None;
    }
    let t = &s[k + 1..];
    // No spelling holds `)`, so the one that matches is the whole text up
    // to the first `)`.
    let (name, _) = agencies
        .iter()
        .find(|(a, _)| t.starts_with(*a) && t[a.len()..].starts_with(')'))?;
    let agency = (k + 1, k + 1 + name.len());
    let m = skip(s, agency.1 + 1, is_space);
    let m = match skip1(s, m, |c| matches!(c, '-' | '–' | '—')) {
        Some(e) => e,
        None if at(s, m) == Some(':') => m + 1,
        None => return None,
    };
    Some(AgencyDateline {
        place_end: 0,
        agency,
        end: skip(s, m, is_space),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    const AGENCIES: &[(&str, &str)] = &[
        ("Agence France-Presse", "AFP"),
        ("AFP", "AFP"),
        ("Reuters", "Reuters"),
        ("AP", "AP"),
        ("PA", "PA"),
    ];

    fn dateline_regex() -> Regex {
        let ag: Vec<String> = AGENCIES.iter().map(|(a, _)| regex::escape(a)).collect();
        Regex::new(&format!(
            r"^(?P<place>\p{{Lu}}[\p{{Lu}}\p{{M}} .'’\-]*\p{{Lu}}(?:,\s*[\p{{L}} .]+?)?)(?:,\s*(?:\p{{L}}+\.?\s+\d{{1,2}}|\d{{1,2}}\s+\p{{L}}+))?\s*\((?P<agency>{})\)\s*(?:[-–—]+|:)\s*",
            ag.join("|")
        ))
        .unwrap()
    }

    fn bare_regex() -> Regex {
        Regex::new(r"^(?P<place>\p{Lu}{2}[\p{Lu} .'’\-]*\p{Lu}(?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)?)\s*(?:—|–|--)\s*").unwrap()
    }

    fn check(s: &str, dl: &Regex, bare: &Regex) {
        let want = dl.captures(s).map(|c| {
            (
                c["place"].len(),
                c.name("agency").map(|m| (m.start(), m.end())),
                c.get(0).unwrap().end(),
            )
        });
        let got = dateline(s, AGENCIES).map(|m| (m.place_end, Some(m.agency), m.end));
        assert_eq!(got, want, "dateline of {s:?}");
        let want = bare
            .captures(s)
            .map(|c| (c["place"].len(), c.get(0).unwrap().end()));
        assert_eq!(bare_dateline(s), want, "bare dateline of {s:?}");
    }

    #[test]
    fn composed_datelines_match_as_the_patterns_did() {
        let (dl, bare) = (dateline_regex(), bare_regex());
        for s in [
            "PARIS (AFP) - The talks ended.",
            "PARIS, France (AFP) — Talks",
            "LONDON, March 3 (Reuters) - Shares fell",
            "LONDON, 3 March (Reuters): Shares",
            "ST. JOHN'S, Newfoundland, Jan. 12 (AP) -- Snow",
            "SÃO PAULO (Reuters) -",
            "NEW YORK —  Markets rose",
            "NEW YORK, N.Y. — Markets",
            "WASHINGTON, D.C. Metro — x",
            "AB -- cd",
            "A (AP) -",
            "NEW YORK , (AP) -",
            "NEW  YORK,  Big  Apple  (PA):",
            "ÉVIAN, Haute Savoie (AFP)——x",
            "ÅLAND (AFP) x",
            "NATO, EU\tBloc — x",
        ] {
            check(s, &dl, &bare);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn random_datelines_match_as_the_patterns_did(
            parts in proptest::collection::vec(prop::sample::select(vec![
                "PARIS", "NY", "A", "É", "ǅ", "\u{301}", "x", "ab", "ß", " ", "  ", "\t", "\u{a0}",
                ",", ", ", ".", "'", "’", "-", "--", "—", "–", ":", "(", ")", "(AFP)", "(AP)",
                "(Reuters)", "(Agence France-Presse)", "(PA", "3", "12", "123", "٣", "Jan", "Jan.",
            ]), 0..12)
        ) {
            let s: String = parts.concat();
            check(&s, &dateline_regex(), &bare_regex());
        }
    }
}
