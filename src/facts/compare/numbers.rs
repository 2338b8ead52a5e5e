//! Numbers: counts by what they count, amounts, percentages and ages;
//! roundings and scale words keep a value, hedged values are left alone;
//! and the toll two whole reports give.

use super::words::{hedge, inside, is_word_char, slice, words_after, words_before};
use super::{fold, odd_pair, story, Difference, FactKind, Side, Stated};
use crate::span::Span;

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
        || crate::facts::numbers::word_value(word).is_some()
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
                        .filter(|w| !crate::facts::numbers::is_function_word(w))
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
                                !crate::facts::numbers::is_function_word(nx)
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

pub(super) fn number_differences(a: &Side, b: &Side, close: bool, out: &mut Vec<Difference>) {
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
pub(super) fn ages(a: &Side, b: &Side, out: &mut Vec<Difference>) {
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
