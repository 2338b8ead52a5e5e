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

use super::dates::{self, Day};
use super::names;
use super::{NameKind, SentenceFacts};
use crate::span::Span;
use serde::Serialize;

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

// ---- words around a fact -------------------------------------------------

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '\u{2019}'
}

/// Up to `n` words before `pos` inside `within`, nearest first, lower case.
fn words_before(text: &str, within: Span, pos: usize, n: usize) -> Vec<String> {
    let head = text.get(within.start.min(pos)..pos).unwrap_or("");
    head.rsplit(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
        .collect()
}

/// Up to `n` words after `pos` inside `within`, in order, lower case.
fn words_after(text: &str, within: Span, pos: usize, n: usize) -> Vec<String> {
    let tail = text.get(pos..within.end.max(pos)).unwrap_or("");
    tail.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
        .collect()
}

/// Whether `w` occurs in `text` as a whole word.
fn has_word(text: &str, w: &str) -> bool {
    if w.is_empty() {
        return false;
    }
    text.match_indices(w).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + w.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn slice(text: &str, s: Span) -> &str {
    text.get(s.start..s.end).unwrap_or("")
}

fn inside(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// The word that hedges the number after it ("about 40", "more than
/// 40", "at least 40", "up to 40"), if one does.
fn hedge(before: &[String]) -> Option<String> {
    hedges(before).then(|| before.first().cloned().unwrap_or_default())
}

/// Whether the words before a number hedge it.
fn hedges(before: &[String]) -> bool {
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

// ---- numbers -------------------------------------------------------------

/// What a count of casualties counts, by the word that says so: copy
/// writes the dead as "killed", "dead", "died", "deaths", "fatally", and
/// the hurt as "injured", "wounded", "hurt".
fn casualty(word: &str) -> Option<&'static str> {
    match word {
        "killed" | "killing" | "kills" | "dead" | "died" | "die" | "dies" | "death" | "deaths"
        | "fatally" | "fatalities" | "slain" | "murdered" | "lives" | "bodies" => Some("killed"),
        "injured" | "injuring" | "injures" | "wounded" | "wounding" | "hurt" | "injuries" => {
            Some("injured")
        }
        "arrested" | "arrests" | "detained" => Some("arrested"),
        _ => None,
    }
}

/// Words after a number that end the phrase it belongs to: another clause
/// or another count starts.
fn ends_phrase(word: &str) -> bool {
    matches!(
        word,
        "and" | "but" | "while" | "whereas" | "including" | "of"
    ) || word.bytes().next().is_some_and(|c| c.is_ascii_digit())
        || super::numbers::word_value(word).is_some()
}

/// A noun's singular, so that "1 victim" and "3 victims" count one thing.
fn singular(noun: &str) -> String {
    match noun {
        "people" | "persons" => "person".into(),
        "men" => "man".into(),
        "women" => "woman".into(),
        "children" => "child".into(),
        n if n.ends_with("ies") && n.len() > 4 => format!("{}y", &n[..n.len() - 3]),
        n if n.ends_with("sses") => n[..n.len() - 2].into(),
        n if n.ends_with('s') && !n.ends_with("ss") && n.len() > 3 => n[..n.len() - 1].into(),
        n => n.into(),
    }
}

const CURRENCIES: &[&str] = &[
    "dollars", "dollar", "euros", "euro", "pounds", "pound", "yen", "yuan", "crowns", "rupees",
    "roubles", "rubles", "francs", "pesos",
];

/// A number as the comparison sees it.
struct Num {
    sentence: usize,
    span: Span,
    claim: Span,
    value: f64,
    key: String,
    what: String,
    /// The hedge before it ("about"), `Some("")` for another kind of
    /// vagueness ("or", "plus" after it).
    hedge: Option<String>,
}

/// Nouns that name no particular group: a count of them is a count of
/// the casualties as such ("four people were killed" = "four dead").
fn general_noun(noun: &str) -> bool {
    matches!(
        noun,
        "person" | "victim" | "individual" | "resident" | "other" | "one" | "total"
    )
}

fn numbers_of(side: &Side) -> Vec<Num> {
    let text = side.text;
    let mut out = Vec::new();
    for p in &side.parts {
        let Some(f) = p.facts else { continue };
        for n in f.numbers.iter().filter(|n| inside(p.span, n.span)) {
            let before = words_before(text, p.span, n.span.start, 3);
            let after = words_after(text, p.span, n.span.end, 5);
            let rest = text.get(n.span.end..p.span.end).unwrap_or("");
            let written = slice(text, n.span);
            // "one" is as often a pronoun as a count ("one of them", "one
            // dark, the other light"); a number before "of" is a part of a
            // group, not its size; one between commas is an age.
            let between_commas = text
                .get(..n.span.start)
                .is_some_and(|h| h.trim_end().ends_with(','))
                && rest
                    .trim_start()
                    .starts_with([',', ';', '\u{2013}', '\u{2014}', ')']);
            let listed_age = before
                .iter()
                .any(|w| matches!(w.as_str(), "ages" | "aged" | "age"));
            // "911" is the emergency number in US copy, not a count.
            if written.eq_ignore_ascii_case("one")
                || written == "911"
                || after.first().is_some_and(|w| w == "of" || w == "dozen")
                || between_commas
                || listed_age
            {
                continue;
            }
            let mut claim = n.span;
            let currency = slice(text, n.span).starts_with('$')
                || text
                    .get(..n.span.start)
                    .is_some_and(|h| h.ends_with(['£', '€']))
                || after
                    .first()
                    .is_some_and(|w| CURRENCIES.contains(&w.as_str()));
            let (key, what) = if rest.starts_with('%')
                || after.first().is_some_and(|w| w == "percent")
                || after.first().is_some_and(|w| w == "per")
                    && after.get(1).is_some_and(|w| w == "cent")
            {
                ("percent".to_string(), "percent".to_string())
            } else if let Some(len) = ["-year-old", "-years-old", " years old", " year old"]
                .iter()
                .find(|m| rest.starts_with(*m))
                .map(|m| m.len())
            {
                // Whose age: the noun or the name after it ("a 34-year-old
                // man", "20-year-old Jane Roe"); an age of nobody named is
                // not compared.
                claim.end = n.span.end + len;
                let who: Vec<&str> = rest[len..]
                    .split(|c: char| !is_word_char(c))
                    .filter(|w| !w.is_empty())
                    .take(3)
                    .collect();
                let named: Vec<&str> = who
                    .iter()
                    .copied()
                    .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .collect();
                let (whom, key) = if named.is_empty() {
                    let noun = who
                        .first()
                        .map(|w| singular(&w.to_lowercase()))
                        .filter(|w| !super::numbers::is_function_word(w))
                        .unwrap_or_default();
                    (noun.clone(), format!("age-of:{noun}"))
                } else {
                    (named.join(" "), format!("age:{}", named.join(" ")))
                };
                let what = if whom.is_empty() {
                    "age".to_string()
                } else {
                    format!("age of {whom}")
                };
                (key, what)
            } else if currency {
                ("money".into(), "money".into())
            } else {
                // The casualty word of the phrase after the number, else
                // the verb just before it ("killed 12").
                let ahead = after.iter().take(4).take_while(|w| !ends_phrase(w));
                let mut class = None;
                let mut described = None;
                for (k, w) in ahead.enumerate() {
                    if let Some(c) = casualty(w) {
                        class = Some(c);
                        // "two wounded soldiers": the casualty word
                        // describes the noun after it, which is the group.
                        described = after
                            .get(k + 1)
                            .filter(|nx| {
                                !super::numbers::is_function_word(nx)
                                    && !ends_phrase(nx)
                                    && casualty(nx).is_none()
                                    && !matches!(
                                        nx.as_str(),
                                        "by" | "and" | "or" | "after" | "when"
                                    )
                            })
                            .map(|nx| singular(nx));
                        if let Some(pos) = text[n.span.end..p.span.end].find(w.as_str()) {
                            claim.end = n.span.end + pos + w.len();
                        }
                        break;
                    }
                }
                // Only the word right before: "killed 12", "injuring
                // three", not "injured and 3".
                let class = class.or_else(|| before.first().and_then(|w| casualty(w)));
                // "four others injured" counts part of the hurt, "two
                // women died" a group of the dead: each compares only with
                // a count of the same part.
                let other = after
                    .iter()
                    .take(2)
                    .any(|w| matches!(w.as_str(), "other" | "others" | "more" | "additional"));
                let group = n
                    .counts
                    .map(|c| singular(&slice(text, c).to_lowercase()))
                    .filter(|g| casualty(g).is_none())
                    .or(described)
                    .filter(|g| !general_noun(g));
                match (class, n.counts) {
                    (Some(c), _) => {
                        let mut key = c.to_string();
                        if other {
                            key.push_str(":other");
                        }
                        if let Some(g) = &group {
                            key = format!("{key}:{g}");
                        }
                        (key, c.to_string())
                    }
                    (None, Some(c)) => {
                        let noun = slice(text, c).to_lowercase();
                        claim.end = claim.end.max(c.end);
                        (format!("n:{}", singular(&noun)), noun)
                    }
                    (None, None) => continue,
                }
            };
            if let Some(c) = n.counts.filter(|c| c.end <= p.span.end) {
                claim.end = claim.end.max(c.end);
            }
            let hedge = hedge(&before).or_else(|| {
                after
                    .first()
                    .filter(|w| *w == "or" || *w == "plus")
                    .map(|_| String::new())
            });
            out.push(Num {
                sentence: p.sentence,
                span: n.span,
                claim,
                value: n.value,
                key,
                what,
                hedge,
            });
        }
    }
    out
}

/// The coarsest power of ten `v` is a whole multiple of: how precisely it
/// was written (1.2 million: 100,000; 15: 1).
fn precision(v: f64) -> f64 {
    let mut p = 1e12;
    while p > 1e-3 {
        let q = v / p;
        if (q - q.round()).abs() < 1e-6 && q.round() != 0.0 {
            return p;
        }
        p /= 10.0;
    }
    1e-3
}

/// Whether two written values state the same quantity: equal, or one a
/// rounding of the other. Small whole counts are exact (nobody rounds 12
/// dead to 10), so a rounding is only recognised from 100 up or in
/// fractions (`6.2` / `6 percent`).
pub fn same_quantity(a: f64, b: f64) -> bool {
    if (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0) {
        return true;
    }
    let (coarse, fine) = if precision(a) >= precision(b) {
        (a, b)
    } else {
        (b, a)
    };
    let p = precision(coarse);
    let rounds = coarse.abs() >= 100.0 || coarse.fract() != 0.0 || fine.fract() != 0.0;
    rounds && ((fine / p).round() * p - coarse).abs() <= 1e-6 * coarse.abs().max(1.0)
}

/// What one side states with a number: its words and its value.
fn num_stated(s: &Side, n: &Num) -> Stated {
    Stated {
        sentence: n.sentence,
        span: n.claim,
        value: slice(s.text, n.span).to_string(),
        normalized: Some(number_text(n.value)),
    }
}

fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Whether a number's key says by itself what is counted, so that it is
/// compared across a paraphrase too: the dead, the hurt, the arrested, the
/// age of a named person or of a person described.
fn self_describing(key: &str) -> bool {
    key.starts_with("killed") || key.starts_with("injured") || key.starts_with("age:")
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

fn number_differences(a: &Side, b: &Side, close: bool, out: &mut Vec<Difference>) {
    let (mut na, mut nb) = (numbers_of(a), numbers_of(b));
    if !close {
        // An unnamed age ("a 34-year-old man") is not compared across a
        // paraphrase: a shooting has a victim and a suspect, both men.
        na.retain(|n| self_describing(&n.key));
        nb.retain(|n| self_describing(&n.key));
    }
    let mut keys: Vec<&str> = na.iter().map(|n| n.key.as_str()).collect();
    keys.dedup();
    let mut done: Vec<&str> = Vec::new();
    for key in keys {
        if done.contains(&key) {
            continue;
        }
        done.push(key);
        let xa: Vec<&Num> = na.iter().filter(|n| n.key == key).collect();
        let xb: Vec<&Num> = nb.iter().filter(|n| n.key == key).collect();
        if xa.is_empty() || xb.is_empty() {
            continue;
        }
        let agree = |x: &Num, y: &Num| same_quantity(x.value, y.value);
        let (first_a, first_b) = if close {
            // Near copies: the one value changed, hedged alike on both
            // sides ("about 40" / "about 45").
            match odd_pair(&xa, &xb, agree) {
                Some((x, y)) if x.hedge == y.hedge => (x, y),
                _ => continue,
            }
        } else {
            // Paraphrases: every value of the kind differs, none hedged.
            if xa.iter().chain(&xb).any(|n| n.hedge.is_some())
                || xa.iter().any(|x| xb.iter().any(|y| agree(x, y)))
            {
                continue;
            }
            (xa[0], xb[0])
        };
        out.push(Difference {
            kind: FactKind::Number,
            what: first_a.what.clone(),
            a: num_stated(a, first_a),
            b: num_stated(b, first_b),
        });
    }
    ages(a, b, out);
}

/// The toll two whole reports give: the count of the dead (and of the
/// hurt) each states in its lead, when the lead states one value, unhedged
/// and of no particular group, and the two values differ. Reports of one event
/// often give their toll in sentences that do not align (a lead each wire
/// words its own way), so the toll is compared report to report as well;
/// a lead giving two values (an update, another incident) is left alone.
pub fn toll_differences(a: &Side, b: &Side) -> Vec<Difference> {
    // The sentences of a report's lead.
    const LEAD: usize = 3;
    let (a, b) = (&story(a), &story(b));
    let (na, nb) = (numbers_of(a), numbers_of(b));
    let mut out = Vec::new();
    for key in ["killed", "injured"] {
        let of = |ns: &[Num]| -> Option<usize> {
            let mine: Vec<usize> = (0..ns.len()).filter(|&k| ns[k].key == key).collect();
            // The toll as the lead gives it: copy states it in its first
            // sentences, and mentions other shootings' tolls later.
            let first = *mine.iter().find(|&&k| ns[k].sentence < LEAD)?;
            let one = mine
                .iter()
                .filter(|&&k| ns[k].sentence < LEAD)
                .all(|&k| ns[k].hedge.is_none() && same_quantity(ns[k].value, ns[first].value));
            one.then_some(first)
        };
        let (Some(x), Some(y)) = (of(&na), of(&nb)) else {
            continue;
        };
        let (x, y) = (&na[x], &nb[y]);
        if same_quantity(x.value, y.value) {
            continue;
        }
        out.push(Difference {
            kind: FactKind::Number,
            what: key.to_string(),
            a: num_stated(a, x),
            b: num_stated(b, y),
        });
    }
    out
}

/// Ages after names ("Jane Roe, 34,"): the number facts leave them out,
/// as they count nothing; two sides giving one person two ages disagree.
fn ages(a: &Side, b: &Side, out: &mut Vec<Difference>) {
    type Aged = (String, Option<String>, usize, Span, u32);
    let of = |s: &Side| -> Vec<Aged> {
        let mut v = Vec::new();
        for p in &s.parts {
            let Some(f) = p.facts else { continue };
            for n in f.names.iter().filter(|n| inside(p.span, n.span)) {
                let rest = s.text.get(n.span.end..p.span.end).unwrap_or("");
                let Some(r) = rest.strip_prefix(", ") else {
                    continue;
                };
                let digits: String = r.chars().take_while(char::is_ascii_digit).collect();
                let after = r[digits.len()..].chars().next();
                if (1..=3).contains(&digits.len()) && matches!(after, Some(',') | Some('.') | None)
                {
                    let start = n.span.end + 2;
                    let age: u32 = digits.parse().unwrap_or(0);
                    let last = slice(s.text, n.last).to_string();
                    let first = slice(s.text, n.name)
                        .split(' ')
                        .next()
                        .filter(|f| *f != last)
                        .map(fold);
                    v.push((
                        last,
                        first,
                        p.sentence,
                        Span::new(start, start + digits.len()),
                        age,
                    ));
                }
            }
        }
        v
    };
    let (aa, ab) = (of(a), of(b));
    for (last, fa, sa, spa, va) in &aa {
        let theirs: Vec<_> = ab.iter().filter(|(l, ..)| l == last).collect();
        let mine = aa.iter().filter(|(l, ..)| l == last).count();
        // One age per surname on each side: two Roes aged 32 and 7 are
        // two people, not a disagreement.
        if mine != 1 || theirs.len() != 1 {
            continue;
        }
        let (_, fb, sb, spb, vb) = theirs[0];
        let other_person = matches!((fa, fb), (Some(x), Some(y)) if !x.starts_with(y.as_str()) && !y.starts_with(x.as_str()));
        if va != vb && !other_person {
            out.push(Difference {
                kind: FactKind::Number,
                what: format!("age of {last}"),
                a: Stated {
                    sentence: *sa,
                    span: *spa,
                    value: va.to_string(),
                    normalized: Some(va.to_string()),
                },
                b: Stated {
                    sentence: *sb,
                    span: *spb,
                    value: vb.to_string(),
                    normalized: Some(vb.to_string()),
                },
            });
        }
    }
}

// ---- dates ---------------------------------------------------------------

struct DateSaid {
    sentence: usize,
    span: Span,
    day: Option<Day>,
    weekday: Option<u32>,
    /// "late Monday", "Monday night", "early Tuesday": an event at the
    /// turn of a day may be dated either side of midnight.
    edge: bool,
}

/// The weekday a word names, a possessive too ("Friday's", "Friday’s").
fn weekday_word(w: &str) -> Option<u32> {
    let bare = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w);
    dates::weekday(bare)
}

fn dates_of(side: &Side) -> Vec<DateSaid> {
    let mut out = Vec::new();
    for p in side.parts.iter().filter(|p| !is_stamp(side.text, p)) {
        let Some(f) = p.facts else { continue };
        // A weekday right after a place is read into the place's name
        // ("in Dunmore Wednesday"), and a possessive one into a name of its
        // own ("Thursday's shooting"): they are dates all the same.
        for n in f.names.iter().filter(|n| inside(p.span, n.span)) {
            let raw = slice(side.text, n.span);
            let (head, last) = match raw.rsplit_once(' ') {
                Some((h, l)) => (h.len() + 1, l),
                None => (0, raw),
            };
            {
                if let Some(wd) = weekday_word(last) {
                    let start = n.span.start + head;
                    let after = words_after(side.text, p.span, n.span.end, 1);
                    out.push(DateSaid {
                        sentence: p.sentence,
                        span: Span::new(start, n.span.end),
                        day: side.reference.map(|r| dates::resolve_weekday(r, wd, 0)),
                        weekday: Some(wd),
                        edge: after.first().is_some_and(|w| {
                            matches!(w.as_str(), "night" | "evening" | "morning" | "overnight")
                        }),
                    });
                }
            }
        }
        for d in f.dates.iter().filter(|d| inside(p.span, d.span)) {
            let w = slice(side.text, d.span);
            let weekday = d.day.map(Day::weekday).or_else(|| dates::weekday(w));
            let before = words_before(side.text, p.span, d.span.start, 1);
            let after = words_after(side.text, p.span, d.span.end, 1);
            let edge = before
                .first()
                .is_some_and(|w| matches!(w.as_str(), "late" | "early" | "overnight"))
                || after.first().is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "night" | "evening" | "morning" | "overnight" | "tonight"
                    )
                })
                || matches!(w, "tonight" | "Tonight");
            out.push(DateSaid {
                sentence: p.sentence,
                span: d.span,
                day: d.day,
                weekday,
                edge,
            });
        }
    }
    out
}

/// `Some(true)` when two dates name one day, `Some(false)` when they name
/// two, `None` when that cannot be told.
fn same_day(x: &DateSaid, y: &DateSaid, tx: &str, ty: &str) -> Option<bool> {
    // The same words are the same date: two reports published days apart
    // both saying "on Sunday" mean one Sunday, whatever each resolves to.
    if slice(tx, x.span).eq_ignore_ascii_case(slice(ty, y.span)) {
        return Some(true);
    }
    match (x.day, y.day) {
        (Some(p), Some(q)) => Some(p == q || ((p.0 - q.0).abs() == 1 && (x.edge || y.edge))),
        _ => match (x.weekday, y.weekday) {
            (Some(p), Some(q)) => {
                Some(p == q || ((p + 1) % 7 == q || (q + 1) % 7 == p) && (x.edge || y.edge))
            }
            _ => None,
        },
    }
}

fn date_differences(a: &Side, b: &Side, out: &mut Vec<Difference>) {
    let (da, db) = (dates_of(a), dates_of(b));
    if da.is_empty() || db.is_empty() {
        return;
    }
    // The day one side changed, once the days both give are set aside;
    // an unresolved date may be any day, so it must agree outright or
    // nothing is flagged.
    let (xa, xb): (Vec<&DateSaid>, Vec<&DateSaid>) = (da.iter().collect(), db.iter().collect());
    let Some((x, y)) = odd_pair(&xa, &xb, |x, y| {
        same_day(x, y, a.text, b.text) != Some(false)
    }) else {
        return;
    };
    if same_day(x, y, a.text, b.text) != Some(false) {
        return;
    }
    // A day resolved, else the weekday as written.
    let norm = |s: &Side, d: &DateSaid| {
        d.day
            .map(Day::iso)
            .or_else(|| d.weekday.map(|_| slice(s.text, d.span).to_string()))
    };
    let stated = |s: &Side, d: &DateSaid| Stated {
        sentence: d.sentence,
        span: d.span,
        value: slice(s.text, d.span).to_string(),
        normalized: norm(s, d),
    };
    out.push(Difference {
        kind: FactKind::Date,
        what: "date".into(),
        a: stated(a, x),
        b: stated(b, y),
    });
}

// ---- clock times ---------------------------------------------------------

struct TimeSaid {
    sentence: usize,
    span: Span,
    /// Minutes after midnight; `half_day` when a.m. or p.m. is not said.
    minutes: u32,
    half_day: bool,
    hedge: Option<String>,
}

/// Clock times in `s`: "10:45 p.m.", "9 a.m.", "11pm", "10:45", "noon",
/// "midnight".
fn scan_times(text: &str, within: Span) -> Vec<(Span, u32, bool)> {
    let mut out = Vec::new();
    let body = slice(text, within);
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let starts = b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric());
        if !starts {
            // "noon" and "midnight" as words.
            for (w, m) in [("noon", 720u32), ("midnight", 0)] {
                if body.get(i..).is_some_and(|r| r.starts_with(w))
                    && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
                    && !b.get(i + w.len()).is_some_and(u8::is_ascii_alphanumeric)
                {
                    let s = within.start + i;
                    out.push((Span::new(s, s + w.len()), m, false));
                }
            }
            i += 1;
            continue;
        }
        let mut j = i;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        let hour: u32 = body[i..j].parse().unwrap_or(99);
        let mut minute = 0;
        let mut clock = false;
        if j - i <= 2
            && b.get(j) == Some(&b':')
            && b.get(j + 1).is_some_and(u8::is_ascii_digit)
            && b.get(j + 2).is_some_and(u8::is_ascii_digit)
            && !b.get(j + 3).is_some_and(u8::is_ascii_digit)
        {
            minute = body[j + 1..j + 3].parse().unwrap_or(99);
            j += 3;
            clock = true;
        }
        let rest = &body[j..];
        let gap = rest.len() - rest.trim_start_matches(' ').len();
        let lower = rest[gap..].to_ascii_lowercase();
        let mark = ["a.m.", "p.m.", "a.m", "p.m", "am", "pm"]
            .into_iter()
            .find(|m| {
                lower.starts_with(m)
                    && !lower[m.len()..]
                        .bytes()
                        .next()
                        .is_some_and(|c| c.is_ascii_alphanumeric())
            });
        if (1..=12).contains(&hour) && minute < 60 && (mark.is_some() || clock && hour <= 12) {
            let pm = mark.is_some_and(|m| m.starts_with('p'));
            let end = j + mark.map_or(0, |m| gap + m.len());
            let minutes = (hour % 12) * 60 + minute + if pm { 720 } else { 0 };
            let s = within.start + i;
            out.push((Span::new(s, within.start + end), minutes, mark.is_none()));
            i = end;
            continue;
        }
        i = j.max(i + 1);
    }
    out
}

fn times_of(side: &Side) -> Vec<TimeSaid> {
    let mut out = Vec::new();
    for p in side.parts.iter().filter(|p| !is_stamp(side.text, p)) {
        for (span, minutes, half_day) in scan_times(side.text, p.span) {
            let before = words_before(side.text, p.span, span.start, 2);
            // A time after "before", "after", "until", "about" bounds or
            // hedges the moment rather than stating it.
            let bounded = before.first().is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "before"
                        | "after"
                        | "until"
                        | "till"
                        | "by"
                        | "since"
                        | "between"
                        | "from"
                        | "to"
                        | "and"
                        | "shortly"
                        | "just"
                        | "past"
                )
            });
            let hedge = (hedges(&before) || bounded).then(|| before.join(" "));
            out.push(TimeSaid {
                sentence: p.sentence,
                span,
                minutes,
                half_day,
                hedge,
            });
        }
    }
    out
}

fn same_time(x: &TimeSaid, y: &TimeSaid) -> bool {
    if x.half_day || y.half_day {
        x.minutes % 720 == y.minutes % 720
    } else {
        x.minutes == y.minutes
    }
}

fn time_differences(a: &Side, b: &Side, out: &mut Vec<Difference>) {
    let (ta, tb) = (times_of(a), times_of(b));
    let (xa, xb): (Vec<&TimeSaid>, Vec<&TimeSaid>) = (ta.iter().collect(), tb.iter().collect());
    // The time one side changed, hedged alike on both ("about 10 p.m." /
    // "about 11 p.m."): a hedge on one side only may be a rounding.
    let Some((x, y)) = odd_pair(&xa, &xb, same_time) else {
        return;
    };
    if x.hedge != y.hedge {
        return;
    }
    let stated = |s: &Side, t: &TimeSaid| Stated {
        sentence: t.sentence,
        span: t.span,
        value: slice(s.text, t.span).to_string(),
        normalized: Some(format!("{:02}:{:02}", t.minutes / 60, t.minutes % 60)),
    };
    out.push(Difference {
        kind: FactKind::Time,
        what: "time".into(),
        a: stated(a, x),
        b: stated(b, y),
    });
}

// ---- people, titles, places ----------------------------------------------

/// Lower-case words of rank or office before a name ("deputy foreign
/// minister Sergei Ryabkov"): the capitalized forms are `names::is_title`.
fn is_office_word(w: &str) -> bool {
    matches!(
        w,
        "president"
            | "minister"
            | "secretary"
            | "chief"
            | "deputy"
            | "vice"
            | "assistant"
            | "acting"
            | "former"
            | "interim"
            | "officer"
            | "sergeant"
            | "detective"
            | "sheriff"
            | "trooper"
            | "mayor"
            | "governor"
            | "senator"
            | "judge"
            | "prosecutor"
            | "spokesman"
            | "spokeswoman"
            | "general"
            | "commander"
            | "director"
            | "chairman"
            | "chairwoman"
            | "ambassador"
            | "envoy"
            | "captain"
            | "lieutenant"
            | "premier"
            | "prime"
            | "king"
            | "queen"
            | "prince"
            | "pope"
            | "commissioner"
            | "superintendent"
    )
}

/// An office word in one spelling: abbreviations spelled out, courtesy
/// titles (which house styles add or drop) and qualifiers ("Foreign",
/// "Police") left out, as they do not change the office.
fn office(w: &str) -> Option<&'static str> {
    let lw = w.trim_end_matches('.').to_lowercase();
    Some(match lw.as_str() {
        "sgt" | "sergeant" => "sergeant",
        "lt" | "lieutenant" => "lieutenant",
        "capt" | "captain" => "captain",
        "det" | "detective" => "detective",
        "gov" | "governor" => "governor",
        "sen" | "senator" => "senator",
        "rep" => "representative",
        "gen" | "general" => "general",
        "col" | "colonel" => "colonel",
        "adm" | "admiral" => "admiral",
        "prof" | "professor" => "professor",
        "dr" => "doctor",
        "rev" => "reverend",
        "cpl" => "corporal",
        "mr" | "mrs" | "ms" | "miss" => return None,
        other => {
            let known = names::is_title(w) || is_office_word(other);
            return known.then(|| {
                // The `'static` spelling of the lists' words.
                OFFICES
                    .iter()
                    .copied()
                    .find(|o| *o == other)
                    .unwrap_or("office")
            });
        }
    })
}

const OFFICES: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "chief",
    "deputy",
    "vice",
    "assistant",
    "acting",
    "former",
    "interim",
    "officer",
    "sheriff",
    "trooper",
    "mayor",
    "judge",
    "justice",
    "prosecutor",
    "attorney",
    "spokesman",
    "spokeswoman",
    "commander",
    "director",
    "chairman",
    "chairwoman",
    "ambassador",
    "envoy",
    "premier",
    "prime",
    "king",
    "queen",
    "prince",
    "pope",
    "father",
    "pastor",
    "coach",
    "agent",
    "councilman",
    "councilwoman",
    "commissioner",
    "superintendent",
    "principal",
    "dean",
];

struct Named {
    sentence: usize,
    kind: NameKind,
    /// The name without its title ("Sergei Lavrov").
    span: Span,
    words: Vec<String>,
    /// The title's words as written, and its offices in one spelling.
    title: Option<(Span, Vec<&'static str>)>,
    prev: String,
    next: String,
}

impl Named {
    fn last(&self) -> &str {
        self.words.last().map_or("", String::as_str)
    }
    fn first(&self) -> Option<&str> {
        (self.words.len() >= 2).then(|| self.words[0].as_str())
    }
}

fn names_of(side: &Side) -> Vec<Named> {
    let text = side.text;
    let mut out = Vec::new();
    for p in &side.parts {
        let Some(f) = p.facts else { continue };
        for n in f.names.iter().filter(|n| inside(p.span, n.span)) {
            if n.kind == NameKind::Organisation {
                continue;
            }
            let raw = slice(text, n.span);
            // Places have no middle initials: "Agent in Charge Jane Q.
            // Roe" is a person the locative made look like a place.
            if n.kind == NameKind::Place
                && raw
                    .split(' ')
                    .any(|w| w.trim_end_matches('.').chars().count() == 1)
            {
                continue;
            }
            // A trailing weekday is a date ("in Dunmore Wednesday").
            let raw = match raw.rsplit_once(' ') {
                Some((head, last)) if weekday_word(last).is_some() => head,
                None if weekday_word(raw).is_some() => continue,
                _ => raw,
            };
            let n = &super::NameFact {
                span: Span::new(n.span.start, n.span.start + raw.len()),
                ..*n
            };
            // Split the run into a title and the name after its last
            // office word ("Foreign Minister | Sergei Lavrov").
            let mut spans: Vec<Span> = Vec::new();
            let mut off = 0;
            for w in raw.split(' ') {
                spans.push(Span::new(n.span.start + off, n.span.start + off + w.len()));
                off += w.len() + 1;
            }
            let words: Vec<&str> = raw.split(' ').collect();
            let cut = if n.kind == NameKind::Person {
                words
                    .iter()
                    .rposition(|w| {
                        office(w).is_some()
                            || matches!(*w, "Mr" | "Mrs" | "Ms" | "Mr." | "Mrs." | "Ms." | "Miss")
                    })
                    .map_or(0, |i| i + 1)
            } else {
                0
            };
            if cut >= words.len() {
                continue;
            }
            let mut offices: Vec<&'static str> =
                words[..cut].iter().filter_map(|w| office(w)).collect();
            let mut title_start = spans.first().map_or(n.span.start, |s| s.start);
            if n.kind == NameKind::Person {
                // Lower-case offices just before: "deputy minister Jane Roe".
                let mut pos = n.span.start;
                for w in words_before(text, p.span, n.span.start, 3) {
                    if !is_office_word(&w) {
                        break;
                    }
                    if let Some(o) = office(&w) {
                        offices.push(o);
                    }
                    if let Some(i) = text.get(..pos).and_then(|h| h.rfind(w.as_str())) {
                        pos = i;
                        title_start = i;
                    }
                }
            }
            offices.sort_unstable();
            offices.dedup();
            let name_span = Span::new(spans[cut].start, n.span.end);
            let title = (!offices.is_empty()).then(|| {
                (
                    Span::new(title_start, spans[cut].start.max(title_start)),
                    offices,
                )
            });
            out.push(Named {
                sentence: p.sentence,
                kind: n.kind,
                span: name_span,
                words: words[cut..].iter().map(|w| w.to_string()).collect(),
                title,
                prev: words_before(text, p.span, title_start.min(n.span.start), 1)
                    .pop()
                    .unwrap_or_default(),
                next: words_after(text, p.span, n.span.end, 1)
                    .pop()
                    .unwrap_or_default(),
            });
        }
    }
    out
}

/// Edit distance of two short texts (characters), for spellings of one
/// name ("Smith" / "Smyth").
pub fn edit_distance(a: &str, b: &str) -> usize {
    edits(a, b)
}

fn edits(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == cb {
                prev
            } else {
                1 + prev.min(row[j]).min(cur)
            };
            prev = cur;
        }
    }
    row[b.len()]
}

fn name_stated(s: &Side, n: &Named) -> Stated {
    let v = slice(s.text, n.span).to_string();
    Stated {
        sentence: n.sentence,
        span: n.span,
        normalized: None,
        value: v,
    }
}

/// Offices that change who a person is in the story when added or dropped
/// ("Minister" / "Deputy Minister"); others only describe ("Officer" /
/// "spokeswoman Officer").
fn is_rank(office: &str) -> bool {
    matches!(
        office,
        "deputy" | "vice" | "assistant" | "acting" | "former" | "interim" | "prime"
    )
}

/// Whether two titles of one person disagree: neither holds the other,
/// or the longer adds a rank.
fn titles_differ(a: &[&str], b: &[&str]) -> bool {
    let a_in_b = a.iter().all(|o| b.contains(o));
    let b_in_a = b.iter().all(|o| a.contains(o));
    match (a_in_b, b_in_a) {
        (true, true) => false,
        (true, false) => b.iter().any(|o| !a.contains(o) && is_rank(o)),
        (false, true) => a.iter().any(|o| !b.contains(o) && is_rank(o)),
        (false, false) => true,
    }
}

/// Whether two first names are one name spelled two ways ("Tereza" /
/// "Teresa"): close, neither a short form of the other.
fn respelled(f: &str, g: &str) -> bool {
    let (x, y) = (fold(f), fold(g));
    x != y
        && x.chars().count() >= 3
        && y.chars().count() >= 3
        && !x.starts_with(&y)
        && !y.starts_with(&x)
        && edits(&x, &y) <= 2
}

/// What two names in one slot of a near copy name, when they name the
/// same kind of thing. The kind of a lone capitalized word is often not
/// known ("of Dunmore"), and a two-word place after "of" reads as a
/// person ("of Eastbrook Falls"); after a locative in both, an unclassified
/// or untitled name beside a place, or two unclassified ones, are places.
fn slot_kind(x: &Named, y: &Named) -> Option<NameKind> {
    use NameKind::{Other, Person, Place};
    let locative = x.prev == y.prev && names::is_locative(&x.prev);
    let placeable =
        |n: &Named| n.kind == Place || n.kind == Other || (n.kind == Person && n.title.is_none());
    match (x.kind, y.kind) {
        (Other, Other) | (Person, Person) | (Place, Place) if locative && x.kind != Person => {
            Some(Place)
        }
        (Person, Person) => Some(Person),
        (Place, Place) => Some(Place),
        _ if locative && placeable(x) && placeable(y) && (x.kind != Person || y.kind != Person) => {
            Some(Place)
        }
        _ => None,
    }
}

fn title_difference(a: &Side, b: &Side, x: &Named, y: &Named) -> Option<Difference> {
    let ((sa, oa), (sb, ob)) = (x.title.as_ref()?, y.title.as_ref()?);
    if !titles_differ(oa, ob) {
        return None;
    }
    let st = |s: &Side, n: &Named, t: Span| Stated {
        sentence: n.sentence,
        span: Span::new(t.start, n.span.end),
        value: slice(s.text, t).trim().to_string(),
        normalized: None,
    };
    Some(Difference {
        kind: FactKind::Title,
        what: x.last().to_string(),
        a: st(a, x, *sa),
        b: st(b, y, *sb),
    })
}

fn name_differences(a: &Side, b: &Side, close: bool, out: &mut Vec<Difference>) {
    let (na, nb) = (names_of(a), names_of(b));
    let text_of = |s: &Side, n: &Named| fold(slice(s.text, n.span));
    let mut used_a = vec![false; na.len()];
    let mut used_b = vec![false; nb.len()];
    // One name both sides give, the same slot first: only its title may
    // differ.
    for same_slot in [true, false] {
        for (i, x) in na.iter().enumerate() {
            if used_a[i] {
                continue;
            }
            let found = (0..nb.len()).find(|&j| {
                !used_b[j]
                    && nb[j].kind == x.kind
                    && text_of(b, &nb[j]) == text_of(a, x)
                    && (!same_slot || nb[j].prev == x.prev)
            });
            if let Some(j) = found {
                used_a[i] = true;
                used_b[j] = true;
                if close && x.kind == NameKind::Person {
                    out.extend(title_difference(a, b, x, &nb[j]));
                }
            }
        }
    }
    // One surname: the same person, or people of one family. Only a
    // respelled first name is told apart from another first name: two
    // first names far apart are more often two people of one family, or a
    // nickname, than one report's mistake.
    for (i, x) in na.iter().enumerate() {
        if used_a[i] || x.kind != NameKind::Person {
            continue;
        }
        let same: Vec<usize> = (0..nb.len())
            .filter(|&j| {
                !used_b[j] && nb[j].kind == NameKind::Person && fold(nb[j].last()) == fold(x.last())
            })
            .collect();
        if same.is_empty() {
            continue;
        }
        let mine = (0..na.len())
            .filter(|&k| !used_a[k] && fold(na[k].last()) == fold(x.last()))
            .count();
        used_a[i] = true;
        same.iter().for_each(|&j| used_b[j] = true);
        if same.len() != 1 || mine != 1 {
            continue;
        }
        let y = &nb[same[0]];
        if let (Some(f), Some(g)) = (x.first(), y.first()) {
            if respelled(f, g) && (!has_word(a.text, g) || !has_word(b.text, f)) {
                out.push(Difference {
                    kind: FactKind::Name,
                    what: x.last().to_string(),
                    a: name_stated(a, x),
                    b: name_stated(b, y),
                });
                continue;
            }
        }
        if close {
            out.extend(title_difference(a, b, x, y));
        }
    }
    if !close {
        return;
    }
    // Another person or place in the same slot of a near copy, one the
    // other article never names (a place it names elsewhere may be the
    // region of this one: "Dunmore" / "Kent").
    for (i, x) in na.iter().enumerate() {
        if used_a[i] {
            continue;
        }
        let xs = slice(a.text, x.span);
        let found = (0..nb.len()).find(|&j| {
            let y = &nb[j];
            if used_b[j] || slot_kind(x, y).is_none() {
                return false;
            }
            let ys = slice(b.text, y.span);
            if has_word(a.text, ys)
                || na.iter().any(|z| fold(z.last()) == fold(y.last()))
                || abbreviates(xs, ys)
                || abbreviates(ys, xs)
            {
                return false;
            }
            let slot = x.prev == y.prev && x.next == y.next;
            let near = x.last().len() >= 5 && edits(x.last(), y.last()) <= 2;
            slot || (near && !has_word(b.text, xs))
        });
        if let Some(j) = found {
            used_b[j] = true;
            let y = &nb[j];
            let place = slot_kind(x, y) == Some(NameKind::Place);
            out.push(Difference {
                kind: if place {
                    FactKind::Place
                } else {
                    FactKind::Name
                },
                what: if place { "place" } else { "person" }.into(),
                a: name_stated(a, x),
                b: name_stated(b, y),
            });
        }
    }
}

#[cfg(test)]
mod tests {
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
