//! Event facts of an article, sentence by sentence: when (dates resolved
//! against the publication date), where (places, the dateline), who (people
//! and organisations) and how many (numbers with what they count), each with
//! the byte span of its words.
//!
//! Two stages use them: `corpus` keeps a compact event signature per article
//! to tell the same event from the same topic, and a comparison of two
//! reports can flag where they disagree (a count, a date, a name) sentence by
//! sentence. So the facts are per sentence, hold spans into `Article::text`
//! and normalized values, and copy no text.
//!
//! The extractor is a one-pass word scanner with word lists of English news
//! conventions ([`dates`], [`numbers`], [`names`]): no tagger, no model, and
//! nothing about one kind of event.

pub mod compare;
pub mod dates;
pub mod names;
pub mod numbers;

use crate::article::Article;
use crate::segment::Sentence;
use crate::span::Span;
pub use dates::{DateKind, Day};
pub use names::NameKind;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// A date a sentence names.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DateFact {
    /// The words ("last Tuesday", "Dec. 6, 2011").
    pub span: Span,
    /// How it was written.
    pub kind: DateKind,
    /// The calendar day, when the article's publication date (or a year in
    /// the words) allows resolving it.
    pub day: Option<Day>,
}

/// A number a sentence gives, with what it counts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct NumberFact {
    /// The number's words ("two", "1,200", "$1.2 million").
    pub span: Span,
    /// Its value (scale words applied).
    pub value: f64,
    /// The noun it counts ("people" in "two young people"), when one
    /// follows.
    pub counts: Option<Span>,
}

/// A name a sentence gives.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct NameFact {
    /// The words, a leading title included ("Officer Jane Roe").
    pub span: Span,
    /// The name alone, titles left out ("Jane Roe").
    pub name: Span,
    /// Its last word: a person's surname, by which copy refers back.
    pub last: Span,
    /// What it names.
    pub kind: NameKind,
}

/// The facts of one sentence.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SentenceFacts {
    /// The sentence's index in the article's sentences.
    pub sentence: usize,
    /// Dates, in text order.
    pub dates: Vec<DateFact>,
    /// Numbers, in text order.
    pub numbers: Vec<NumberFact>,
    /// Names, in text order.
    pub names: Vec<NameFact>,
}

/// The facts of an article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facts {
    /// The day dates are resolved against: the `published` date.
    pub reference: Option<Day>,
    /// Per sentence with at least one fact, in text order.
    pub sentences: Vec<SentenceFacts>,
}

impl Facts {
    /// Every name of a kind, in text order.
    pub fn names(&self, kind: NameKind) -> impl Iterator<Item = &NameFact> {
        self.sentences
            .iter()
            .flat_map(|s| &s.names)
            .filter(move |n| n.kind == kind)
    }

    /// Every resolved date, in text order.
    pub fn days(&self) -> impl Iterator<Item = Day> + '_ {
        self.sentences
            .iter()
            .flat_map(|s| &s.dates)
            .filter_map(|d| d.day)
    }
}

/// The facts of `article`'s `sentences` (as `segment::sentences` gives
/// them), dates resolved against its `published` date.
pub fn extract(article: &Article, sentences: &[Sentence]) -> Facts {
    let mut out = Facts {
        reference: reference(article),
        sentences: Vec::new(),
    };
    scan(article, sentences, |f| out.sentences.push(f.clone()));
    out
}

/// The day an article's dates are resolved against: its `published` date.
pub fn reference(article: &Article) -> Option<Day> {
    article.published.as_deref().and_then(Day::parse_iso)
}

/// Calls `each` with the facts of every sentence that has some, in text
/// order, as [`extract`] gives them (later one-word mentions resolved),
/// through one buffer: a reader that keeps a digest of the facts (the
/// corpus's event signature, on every article of a stream) allocates
/// nothing per sentence.
pub fn scan(article: &Article, sentences: &[Sentence], mut each: impl FnMut(&SentenceFacts)) {
    let mut scanner = Scanner::new(article);
    for (i, s) in sentences.iter().enumerate() {
        if let Some(f) = scanner.sentence(i, s.span, |_, _, _| {}) {
            each(f);
        }
    }
}

/// [`scan`] one sentence at a time, showing the caller each word as it is
/// split off: the corpus's signature hashes the same words for its sketch,
/// so a sentence is split into words once for both (the second split was
/// about a twentieth of a dedup run).
pub struct Scanner<'t> {
    text: &'t str,
    reference: Option<Day>,
    toks: Vec<Tok>,
    f: SentenceFacts,
    known: FxHashMap<&'t str, NameKind>,
}

impl<'t> Scanner<'t> {
    /// A reader of `article`'s sentences, dates resolved against its
    /// `published` date.
    pub fn new(article: &'t Article) -> Scanner<'t> {
        Scanner {
            text: article.text.as_str(),
            reference: reference(article),
            toks: Vec::new(),
            f: SentenceFacts::default(),
            known: FxHashMap::default(),
        }
    }

    /// The day dates are resolved against.
    pub fn reference(&self) -> Option<Day> {
        self.reference
    }

    /// The facts of sentence `i` (at `span`; sentences are read in text
    /// order), `None` when it has none or `span` is not in the text.
    /// `word(start, end, plain)` is called with each word's byte range in
    /// the article first, `plain` when the word is ASCII letters and digits
    /// only (no apostrophe, separator or other script).
    pub fn sentence(
        &mut self,
        i: usize,
        span: Span,
        mut word: impl FnMut(usize, usize, bool),
    ) -> Option<&SentenceFacts> {
        let sentence = self.text.get(span.start..span.end)?;
        tokens(sentence, span.start, &mut self.toks);
        for t in &self.toks {
            word(t.start, t.end, t.plain);
        }
        sentence_facts(self.text, &self.toks, self.reference, i, &mut self.f);
        let f = &mut self.f;
        if f.dates.is_empty() && f.numbers.is_empty() && f.names.is_empty() {
            return None;
        }
        refer_back(self.text, &mut self.known, &mut f.names);
        Some(&self.f)
    }
}

/// The facts of a [`crate::Document`].
pub fn of_document(doc: &crate::Document) -> Facts {
    extract(&doc.article, &doc.sentences)
}

/// A word of a sentence: its span in the article text.
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    /// ASCII letters and digits only.
    plain: bool,
}

/// Whether a byte can be part of a word: an ASCII letter or digit, or a
/// byte of a multi-byte character (letters of other scripts).
#[inline]
fn word_byte(c: u8) -> bool {
    WORD_BYTES[usize::from(c)]
}

/// [`word_byte`] as a table: the tokenizer asks it of every byte.
static WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b >= 0x80;
        c += 1;
    }
    t
};

/// Splits `text` (at `base` in the article) into words: runs of letters and
/// digits, with an apostrophe, a period or a comma inside a run kept when
/// a letter or digit follows ("O'Neill", "3.5", "1,200"). A period or comma
/// joins digits only.
fn tokens(text: &str, base: usize, out: &mut Vec<Tok>) {
    out.clear();
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        if !word_byte(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut high = b[i];
        i += 1;
        let mut joined = false;
        loop {
            while i < n && word_byte(b[i]) {
                high |= b[i];
                i += 1;
            }
            // A word goes on over an apostrophe or a digit group's
            // separator between two alphanumerics.
            let joins = i + 1 < n
                && b[i + 1].is_ascii_alphanumeric()
                && match b[i] {
                    b'\'' => true,
                    b'.' | b',' => b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit(),
                    _ => false,
                };
            if !joins {
                break;
            }
            joined = true;
            i += 2;
        }
        // Whole characters only: a multi-byte letter ends on a boundary
        // because its continuation bytes are all >= 0x80.
        out.push(Tok {
            start: base + start,
            end: base + i,
            plain: !joined && high < 0x80,
        });
    }
}

fn word<'t>(text: &'t str, t: &Tok) -> &'t str {
    text.get(t.start..t.end).unwrap_or("")
}

/// The text between two words (punctuation, spaces).
fn gap<'t>(text: &'t str, a: &Tok, b: &Tok) -> &'t str {
    text.get(a.end..b.start).unwrap_or("")
}

fn capitalized(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

fn is_lower_word(w: &str) -> bool {
    w.bytes().next().is_some_and(|c| c.is_ascii_lowercase())
}

/// Fills `f` (emptied first) with the facts of sentence `i`, whose words
/// are `toks`.
fn sentence_facts(
    text: &str,
    toks: &[Tok],
    reference: Option<Day>,
    i: usize,
    f: &mut SentenceFacts,
) {
    f.sentence = i;
    f.dates.clear();
    f.numbers.clear();
    f.names.clear();
    let bytes = text.as_bytes();
    let mut k = 0;
    while k < toks.len() {
        // Turned away on the first byte before the word is even sliced:
        // a lower-case word that no relative day or number word starts
        // with (most words of a sentence) starts no fact.
        if toks[k].plain
            && bytes
                .get(toks[k].start)
                .is_some_and(|&c| c.is_ascii_lowercase() && !LOWER_FACT_START[usize::from(c)])
        {
            k += 1;
            continue;
        }
        let w = word(text, &toks[k]);
        // Most words are lower-case, and of those only a relative day or
        // a number word starts a fact (weekdays, months and names are
        // capitalized): the rest are passed over at once.
        if w.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
            && !matches!(w, "today" | "tonight" | "yesterday")
            && numbers::word_value(w).is_none()
        {
            k += 1;
            continue;
        }
        if let Some(next) = date(text, toks, k, w, reference, f) {
            k = next;
            continue;
        }
        if let Some(next) = number(text, toks, k, w, f) {
            k = next;
            continue;
        }
        if capitalized(w) && (names::is_title(w) || !names::is_common_capital(w) || k > 0) {
            let prev_w = k
                .checked_sub(1)
                .and_then(|j| toks.get(j))
                .map_or("", |p| word(text, p));
            if let Some(next) = name(text, toks, k, prev_w, f) {
                k = next;
                continue;
            }
        }
        k += 1;
    }
}

/// First bytes of the lower-case words that may start a fact: the
/// relative days ("today", "tonight", "yesterday") and the number words
/// (`numbers::word_value`, which turns away any other first letter).
static LOWER_FACT_START: [bool; 256] = {
    let mut t = [false; 256];
    let starts = b"defhnosty";
    let mut i = 0;
    while i < starts.len() {
        t[starts[i] as usize] = true;
        i += 1;
    }
    t
};

/// A date starting at word `k` (`w`): returns the word after it. Weekdays
/// and months are capitalized, so most words are turned away on their first
/// byte.
fn date(
    text: &str,
    toks: &[Tok],
    k: usize,
    w: &str,
    reference: Option<Day>,
    f: &mut SentenceFacts,
) -> Option<usize> {
    let t = toks.get(k)?;
    let capital = w.as_bytes().first()?.is_ascii_uppercase();
    if let Some(wd) = capital.then(|| dates::weekday(w)).flatten() {
        let prev_w = k
            .checked_sub(1)
            .and_then(|j| toks.get(j))
            .map_or("", |p| word(text, p));
        let shift = match prev_w {
            "last" | "Last" => -1,
            "next" | "Next" | "coming" => 1,
            _ => 0,
        };
        f.dates.push(DateFact {
            span: Span::new(t.start, t.end),
            kind: DateKind::Weekday,
            day: reference.map(|r| dates::resolve_weekday(r, wd, shift)),
        });
        return Some(k + 1);
    }
    if let Some(m) = capital.then(|| dates::month(w)).flatten() {
        let d_tok = toks.get(k + 1)?;
        let d_word = word(text, d_tok);
        let digits = d_word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let d: u32 = digits.parse().ok().filter(|d| (1..=31).contains(d))?;
        if !gap(text, t, d_tok)
            .trim_start_matches('.')
            .trim()
            .is_empty()
        {
            return None;
        }
        let mut end = d_tok.end;
        let mut next = k + 2;
        let year = toks.get(k + 2).and_then(|y| {
            let v: i32 = word(text, y).parse().ok()?;
            ((1900..=2100).contains(&v) && gap(text, d_tok, y).trim() == ",").then_some((v, y.end))
        });
        let day = match year {
            Some((y, e)) => {
                end = e;
                next = k + 3;
                Day::from_ymd(y, m, d)
            }
            None => reference.and_then(|r| dates::resolve_month_day(r, m, d)),
        };
        f.dates.push(DateFact {
            span: Span::new(t.start, end),
            kind: DateKind::MonthDay,
            day,
        });
        return Some(next);
    }
    let back = match w {
        "today" | "tonight" | "Today" | "Tonight" => 0,
        "yesterday" | "Yesterday" => 1,
        _ => return None,
    };
    f.dates.push(DateFact {
        span: Span::new(t.start, t.end),
        kind: DateKind::Relative,
        day: reference.map(|r| Day(r.0 - back)),
    });
    Some(k + 1)
}

/// A number starting at word `k`: returns the word after it.
fn number(text: &str, toks: &[Tok], k: usize, w: &str, f: &mut SentenceFacts) -> Option<usize> {
    let t = toks.get(k)?;
    let digits = w.bytes().next().is_some_and(|c| c.is_ascii_digit());
    let mut value = if digits {
        numbers::digits_value(w)?
    } else {
        numbers::word_value(w)?
    };
    let prev = k.checked_sub(1).and_then(|j| toks.get(j));
    let next = toks.get(k + 1);
    let after = next.map_or_else(|| text.get(t.end..).unwrap_or(""), |n| gap(text, t, n));
    // A clock time ("10:45"), an age after a name ("Roe, 34,"), a year:
    // not counts.
    if digits && after.starts_with(':') {
        return Some(k + 2);
    }
    if digits
        && prev.is_some_and(|p| gap(text, p, t).trim() == ",")
        && after.trim_start().starts_with(',')
    {
        return Some(k + 1);
    }
    if digits && w.len() == 4 && (1900.0..=2100.0).contains(&value) {
        return Some(k + 1);
    }
    let mut end = t.end;
    let mut j = k + 1;
    if let Some(s) = toks.get(j).and_then(|n| numbers::scale(word(text, n))) {
        value *= s;
        end = toks.get(j).map_or(end, |n| n.end);
        j += 1;
    }
    let start = if text.get(..t.start).is_some_and(|s| s.ends_with('$')) {
        t.start - 1
    } else {
        t.start
    };
    let mut counts = None;
    for n in toks.iter().skip(j).take(3) {
        let nw = word(text, n);
        if !is_lower_word(nw) {
            break;
        }
        if numbers::is_modifier(nw) {
            continue;
        }
        if !numbers::is_function_word(nw) {
            counts = Some(Span::new(n.start, n.end));
        }
        break;
    }
    f.numbers.push(NumberFact {
        span: Span::new(start, end),
        value,
        counts,
    });
    Some(j)
}

/// A name starting at word `k` (capitalized): returns the word after it.
fn name(text: &str, toks: &[Tok], k: usize, prev_w: &str, f: &mut SentenceFacts) -> Option<usize> {
    let first = toks.get(k)?;
    let mut j = k;
    let mut titled = false;
    let mut name_start = None;
    let (mut org, mut place_head) = (false, false);
    while let Some(t) = toks.get(j) {
        let w = word(text, t);
        if !capitalized(w) {
            break;
        }
        if j > k {
            // Words of one name are separated by spaces only (an initial
            // keeps its period: "Jane Q. Roe").
            let g = gap(text, &toks[j - 1], t);
            let initial = word(text, &toks[j - 1]).len() == 1 && g == ". ";
            if g != " " && !initial {
                break;
            }
        }
        if name_start.is_none() && names::is_title(w) {
            titled = true;
        } else if name_start.is_none() && names::is_common_capital(w) {
            // A capitalized function word ends a leading title run and
            // starts nothing.
            if j > k {
                break;
            }
            return None;
        } else {
            name_start.get_or_insert(j);
            org |= names::is_organisation_head(w);
            place_head |= names::is_place_head(w);
        }
        j += 1;
    }
    let s = name_start?;
    let (start_tok, last_tok) = (toks.get(s)?, toks.get(j - 1)?);
    let len = j - s;
    let after = toks.get(j);
    let after_gap = after.map_or("", |a| gap(text, last_tok, a));
    let age_follows = after_gap.trim() == ","
        && after.is_some_and(|a| word(text, a).bytes().all(|c| c.is_ascii_digit()))
        && toks
            .get(j + 1)
            .is_some_and(|b| gap(text, &toks[j], b).trim_start().starts_with(','));
    let region_follows = after_gap == ", "
        && after.is_some_and(|a| {
            capitalized(word(text, a)) && !names::is_common_capital(word(text, a))
        });
    // "Ardmore, Okla.": a name before a state is a town, even after a word
    // that often heads a person ("shot by Ardmore, Okla., police").
    let state_follows =
        after_gap == ", " && after.is_some_and(|a| names::us_state(word(text, a)).is_some());
    // "Toledo police", "Ardmore residents": a name before the people of a
    // place, its force or its officials names the place.
    let body_follows =
        after_gap == " " && after.is_some_and(|a| names::is_place_body(word(text, a)));
    // "SAN ANTONIO - ...": a run in capitals that opens a sentence before
    // a dash is a dateline, a place (headline capitals are single words
    // such as "BREAKING", turned away by `is_common_capital` or left
    // alone: a dateline has a dash after it).
    let dateline = k == 0
        && after_gap
            .trim_start()
            .starts_with(['-', '\u{2013}', '\u{2014}'])
        && text.get(start_tok.start..last_tok.end).is_some_and(|w| {
            w.bytes().any(|c| c.is_ascii_uppercase()) && !w.bytes().any(|c| c.is_ascii_lowercase())
        });
    // "Dunmore, Kent": the region after a place is a place.
    let region = f.names.last().is_some_and(|n| {
        n.kind == NameKind::Place && text.get(n.span.end..first.start) == Some(", ")
    });
    let kind = if titled || age_follows {
        NameKind::Person
    } else if (state_follows || body_follows || dateline) && !org {
        NameKind::Place
    } else if names::is_role(prev_w) {
        NameKind::Person
    } else if org {
        NameKind::Organisation
    } else if place_head || region || names::is_firm_locative(prev_w) || region_follows {
        NameKind::Place
    } else if len >= 2 {
        NameKind::Person
    } else if names::is_locative(prev_w) {
        NameKind::Place
    } else {
        NameKind::Other
    };
    // A sentence's first word is capitalized anyway: alone it stays
    // `Other` unless it repeats a name given in full (`refer_back`).
    f.names.push(NameFact {
        span: Span::new(first.start, last_tok.end),
        name: Span::new(start_tok.start, last_tok.end),
        last: Span::new(last_tok.start, last_tok.end),
        kind,
    });
    Some(j)
}

/// Later mentions by one word: a surname of a person named in full earlier
/// ("Roe said") is that person, a word of a place named earlier is that
/// place.
fn refer_back<'t>(text: &'t str, known: &mut FxHashMap<&'t str, NameKind>, names: &mut [NameFact]) {
    // The first full mention of a word decides its kind. A map, not a
    // list: a long article names hundreds.
    for n in names {
        let last = text.get(n.last.start..n.last.end).unwrap_or("");
        if n.kind == NameKind::Other || (n.name == n.last && n.kind == NameKind::Place) {
            if let Some(&kind) = known.get(last) {
                n.kind = kind;
            }
        } else if matches!(n.kind, NameKind::Person | NameKind::Place) {
            known.entry(last).or_insert(n.kind);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::article_from_text;

    fn facts(body: &str, published: &str) -> (Article, Facts) {
        let mut a = article_from_text("t.txt", &format!("Title\n\n{body}")).unwrap();
        a.published = Some(published.into());
        let s = crate::segment::sentences(&a);
        let f = extract(&a, &s);
        (a, f)
    }

    fn text(a: &Article, s: Span) -> &str {
        &a.text[s.start..s.end]
    }

    #[test]
    fn weekdays_resolve_against_publication() {
        let (a, f) = facts(
            "The bridge over the Arlen river collapsed on Tuesday, officials said.",
            "2011-12-08",
        );
        let d = f.sentences[0].dates[0];
        assert_eq!(text(&a, d.span), "Tuesday");
        assert_eq!(d.day.map(Day::iso).as_deref(), Some("2011-12-06"));
    }

    #[test]
    fn month_days_and_relative_days_resolve() {
        let (_, f) = facts(
            "The storm hit on Dec. 30 and the roads reopened yesterday. The trial began on March 3, 2009.",
            "2012-01-04",
        );
        let days: Vec<String> = f.days().map(Day::iso).collect();
        assert_eq!(days, ["2011-12-30", "2012-01-03", "2009-03-03"]);
    }

    #[test]
    fn counts_say_what_they_count() {
        let (a, f) = facts(
            "Two young children and 14 adults were hurt, and Jane Roe, 34, lost $1.2 million at 10:45 in 2014.",
            "2014-05-02",
        );
        let got: Vec<(f64, &str)> = f.sentences[0]
            .numbers
            .iter()
            .map(|n| (n.value, n.counts.map_or("", |c| text(&a, c))))
            .collect();
        assert_eq!(got, [(2.0, "children"), (14.0, "adults"), (1.2e6, "")]);
    }

    #[test]
    fn people_places_and_organisations_are_told_apart() {
        let (a, f) = facts(
            "Officer Jane Roe of the Marlow Police Department found the car in Eastbrook near Ferry Lane.\n\nPeter Vance, 41, was arrested in Dunmore, Kent. Roe said Vance had fled.",
            "2016-03-01",
        );
        let of = |k| -> Vec<&str> { f.names(k).map(|n| text(&a, n.name)).collect() };
        assert_eq!(
            of(NameKind::Person),
            ["Jane Roe", "Peter Vance", "Roe", "Vance"]
        );
        assert_eq!(
            of(NameKind::Place),
            ["Eastbrook", "Ferry Lane", "Dunmore", "Kent"]
        );
        assert_eq!(of(NameKind::Organisation), ["Marlow Police Department"]);
    }

    #[test]
    fn a_town_before_its_state_or_its_police_is_a_place() {
        let (a, f) = facts(
            "The van was stopped by Corwin, Okla., police on Monday.\n\nBrandt officers said nobody was hurt.\n\nHALBERT FALLS - The road reopened later.",
            "2016-03-01",
        );
        let places: Vec<&str> = f.names(NameKind::Place).map(|n| text(&a, n.name)).collect();
        assert_eq!(places, ["Corwin", "Okla", "Brandt", "HALBERT FALLS"]);
        assert_eq!(f.names(NameKind::Person).count(), 0);
    }
}
