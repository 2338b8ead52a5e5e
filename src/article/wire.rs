//! Wire-format awareness: what news copy carries besides the story, found in
//! the text itself. Bylines and datelines also tell the source and authors.
//!
//! The patterns are the conventions of wire and web copy (agency datelines,
//! "Reporting by" trailers, comment counters, photo credits), not phrases of
//! any one article.

use super::{dateline, notice, Article, Boilerplate, BoilerplateKind};
use crate::span::Span;
use regex::Regex;
use std::sync::{LazyLock, OnceLock};

/// Agencies and outlets named in bylines, datelines and copyright lines, with
/// the name we report. Longer spellings first so they win over their parts.
const AGENCIES: &[(&str, &str)] = &[
    ("Agence France-Presse", "AFP"),
    ("Agence France Presse", "AFP"),
    ("Associated Press", "AP"),
    ("Thomson Reuters", "Reuters"),
    ("United Press International", "UPI"),
    ("Deutsche Presse-Agentur", "DPA"),
    ("Press Association", "PA"),
    ("Bloomberg News", "Bloomberg"),
    ("AFP", "AFP"),
    ("Reuters", "Reuters"),
    ("AP", "AP"),
    ("UPI", "UPI"),
    ("DPA", "DPA"),
    ("dpa", "DPA"),
    ("EFE", "EFE"),
    ("ANSA", "ANSA"),
    ("Xinhua", "Xinhua"),
    ("Kyodo", "Kyodo"),
    ("Bloomberg", "Bloomberg"),
    ("TASS", "TASS"),
    ("Interfax", "Interfax"),
    ("CNN", "CNN"),
    ("BBC", "BBC"),
    ("PA", "PA"),
    ("AAP", "AAP"),
    ("CP", "CP"),
];

fn agency(name: &str) -> Option<&'static str> {
    let name = name.trim().trim_end_matches(['.', ',', ':']);
    let name = name
        .strip_prefix("The ")
        .or_else(|| name.strip_prefix("the "))
        .unwrap_or(name);
    AGENCIES
        .iter()
        .find(|(spelling, _)| {
            spelling.eq_ignore_ascii_case(name) && (name.len() > 3 || *spelling == name)
        })
        .map(|(_, canon)| *canon)
}

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?P<owner>[^\n]*)$")
        .expect("copyright pattern")
});

/// A whole-paragraph rule: its pattern, compiled at its first use, and a
/// test that every paragraph it can match passes. The test is a necessary
/// condition read off the pattern (the words it opens with, a word or mark
/// it cannot match without), checked on bytes: compiling the ten patterns
/// took half of a `compare` of two short articles (20 M of 39 M
/// instructions, callgrind), and few paragraphs pass a test, so most rules
/// are never compiled. A test never refuses what its pattern matches: the
/// words are compared ASCII-case-blind, and a paragraph holding `ſ` or the
/// Kelvin sign, which a case-blind pattern reads as `s` and `k`, passes
/// every test.
struct Rule {
    pattern: &'static str,
    kind: BoilerplateKind,
    may_match: fn(&str) -> bool,
    /// The pattern matched by hand, exact on a paragraph without `ſ` or the
    /// Kelvin sign (where the pattern is used).
    by_hand: Option<fn(&str) -> bool>,
    regex: OnceLock<Regex>,
}

impl Rule {
    const fn new(
        pattern: &'static str,
        kind: BoilerplateKind,
        may_match: fn(&str) -> bool,
    ) -> Rule {
        Rule {
            pattern,
            kind,
            may_match,
            by_hand: None,
            regex: OnceLock::new(),
        }
    }

    /// A rule whose pattern is also written by hand: compiling it cost more
    /// than every match of it.
    const fn by_hand(mut self, matcher: fn(&str) -> bool) -> Rule {
        self.by_hand = Some(matcher);
        self
    }

    fn is_match(&self, body: &str, folds: bool) -> bool {
        if let (Some(matcher), false) = (self.by_hand, folds) {
            return matcher(body);
        }
        (folds || (self.may_match)(body))
            && self
                .regex
                .get_or_init(|| Regex::new(self.pattern).expect("paragraph rule"))
                .is_match(body)
    }
}

/// Whether `body` holds a character that case-blind matching folds into an
/// ASCII letter: `ſ` (into `s`) and the Kelvin sign (into `k`).
fn folds_to_ascii(body: &str) -> bool {
    body.contains('\u{17F}') || body.contains('\u{212A}')
}

/// Whether `body` opens with one of `words` (lower-case ASCII), in any case.
fn opens_with_word(body: &str, words: &[&str]) -> bool {
    let b = body.as_bytes();
    words.iter().any(|w| {
        b.get(..w.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(w.as_bytes()))
    })
}

/// Whether `body` ends with an image file's extension, in any case.
fn ends_with_image_name(body: &str) -> bool {
    let b = body.as_bytes();
    [&b".jpg"[..], b".jpeg", b".png", b".gif", b".webp"]
        .iter()
        .any(|ext| {
            b.len() >= ext.len()
                && b.get(b.len() - ext.len()..)
                    .is_some_and(|tail| tail.eq_ignore_ascii_case(ext))
        })
}

/// Whole-paragraph boilerplate that needs no context, in the order tried.
static PARAGRAPH_RULES: [Rule; 10] = [
    Rule::new(
        r"(?i)^[,;.\s]*(?:\d+\s+)?comments?(?:\s*\(?\d+\)?)?(?:\s+\d+\s+comments?)?(?:\s+to\s+this\s+(?:article|story))?\s*$",
        BoilerplateKind::Comments,
        // Besides `comment` the pattern holds only the letters of `to this
        // article` and `story`, digits, brackets, `,;.` and spaces, so a
        // sentence that mentions comments ("declined to comment") fails.
        |b| {
            contains_ignoring_case(b, b"comment")
                && b.bytes().all(|c| {
                    !c.is_ascii()
                        || c.is_ascii_digit()
                        || matches!(c, b'\t'..=b'\r' | b' ' | b',' | b';' | b'.' | b'(' | b')')
                        || b"comentshiarly".contains(&c.to_ascii_lowercase())
                })
        },
    ),
    Rule::new(
        r"(?i)^(?:view|show|read|add|post|leave)\s+(?:all\s+)?(?:\d+\s+)?comments?\b.*$",
        BoilerplateKind::Comments,
        |b| {
            opens_with_word(b, &["view", "show", "read", "add", "post", "leave"])
                && contains_ignoring_case(b, b"comment")
        },
    ),
    Rule::new(
        r"(?i)^(?:image|photo|picture|photograph|video)s?\s*:\s*\S.*$",
        BoilerplateKind::Image,
        |b| opens_with_word(b, &["image", "photo", "picture", "video"]) && b.contains(':'),
    ),
    Rule::new(
        r"(?i)^\S+\.(?:jpe?g|png|gif|webp)$",
        BoilerplateKind::Image,
        ends_with_image_name,
    ),
    Rule::new(
        r"(?i)^\(?(?:additional\s+)?(?:reporting|writing|editing|compiled|research)\s+by\b.*$",
        BoilerplateKind::Trailer,
        |b| {
            let b = b.strip_prefix('(').unwrap_or(b);
            let words = [
                "additional",
                "reporting",
                "writing",
                "editing",
                "compiled",
                "research",
            ];
            opens_with_word(b, &words)
        },
    ),
    Rule::new(
        r"(?i)^(?:related|read more|see also|more on this|recommended|also read)\s*:.*$",
        BoilerplateKind::Related,
        |b| {
            let words = [
                "related",
                "read more",
                "see also",
                "more on this",
                "recommended",
                "also read",
            ];
            opens_with_word(b, &words) && b.contains(':')
        },
    ),
    Rule::new(
        r"(?i)^(?:read|see|watch|get) the full (?:story|article|report|interview)(?:\s+(?:here|at|on)\b.*)?[.!]?$",
        BoilerplateKind::Related,
        |b| {
            opens_with_word(b, &["read ", "see ", "watch ", "get "])
                && contains_ignoring_case(b, b"the full ")
        },
    ),
    // Page furniture. Each pattern is anchored at both ends and short, so a
    // story sentence that merely mentions Twitter or a newsletter is kept.
    Rule::new(
        r"(?i)^(?:advertisement|sponsored(?: content)?|story continues (?:below|after)(?: (?:the )?(?:advertisement|ad))?|continue reading(?: the main story)?|listen to (?:this|the) (?:article|story)(?:\s*[\d:]+\s*min)?)[.:]?$",
        BoilerplateKind::Promo,
        |b| {
            let words = [
                "advertisement",
                "sponsored",
                "story continues ",
                "continue reading",
                "listen to ",
            ];
            opens_with_word(b, &words)
        },
    ),
    Rule::new(
        r"(?i)^(?:share (?:this|the) (?:article|story|page)\b.*|share on (?:facebook|twitter|x|linkedin)\b.*|follow us on \w+.*|(?:sign up|subscribe)\b.*\b(?:newsletters?|alerts?|e-?mails?|updates|briefing|digest|podcast)\b.*|click here (?:to|for)\b.*|download (?:our|the) .*\bapp\b.*)$",
        BoilerplateKind::Promo,
        |b| {
            let words = [
                "share ",
                "follow us on ",
                "sign up",
                "subscribe",
                "click here ",
                "download ",
            ];
            opens_with_word(b, &words)
        },
    ),
    Rule::new(
        r"(?i)^(?:(?:last )?updated(?: at| on)?\s+[\w:,. ]+|this (?:article|story|post) (?:has been|was) updated\b.*|breaking(?: news)?|developing(?: story)?|comments (?:are|have been) closed\.?)$",
        BoilerplateKind::Notice,
        |b| {
            let words = [
                "updated",
                "last updated",
                "breaking",
                "developing",
                "comments ",
            ];
            opens_with_word(b, &words)
                || (opens_with_word(b, &["this "]) && contains_ignoring_case(b, b"updated"))
        },
    )
    .by_hand(notice::is_notice),
];

/// The longest paragraph that can be page furniture, a trailer or a related
/// link (a "Reporting by" trailer with several names runs to about 300).
const MAX_FURNITURE_BYTES: usize = 400;

/// Credits inside a paragraph: "(photo: Getty)", "(AFP Photo/John Smith)".
static INLINE_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*\((?:(?:photo|image|picture|photograph|video)s?(?:\s+by)?\s*[:/]\s*[^()\n]+|[^()\n]*\b(?:photo|pictures?|images?)\s*/\s*[^()\n]+|getty images|reuters/[^()\n]+)\)")
        .expect("inline credit pattern")
});

/// How many leading paragraphs may hold a byline, dateline or caption.
const LEAD_PARAGRAPHS: usize = 4;

/// Finds boilerplate, source, authors and dateline in `a.text` and fills the
/// article's fields. A source given by the input is kept.
pub fn detect_wire(a: &mut Article) {
    let text = a.text.clone();
    let mut found: Vec<Boilerplate> = Vec::new();
    let mut source: Option<&'static str> = None;
    let mut copyright_source: Option<&'static str> = None;
    let mut lead_index: Option<usize> = None;

    for (p, para) in a.paragraphs.iter().enumerate() {
        let body = para.slice(&text);
        if let Some((kind, owner)) = whole_paragraph(body) {
            found.push(Boilerplate { span: *para, kind });
            if let Some(o) = owner {
                copyright_source = copyright_source.or(o);
            }
            continue;
        }
        if p < LEAD_PARAGRAPHS && lead_index.is_none() {
            if let Some(b) = parse_byline(body) {
                a.authors = b.names;
                source = source.or(b.agency);
                found.push(Boilerplate {
                    span: Span::new(para.start, para.start + b.len),
                    kind: BoilerplateKind::Byline,
                });
                if !b.alone {
                    lead_index = Some(p);
                }
                continue;
            }
            // Most paragraphs cannot hold a dateline: look for its mark first.
            let head = &body[..floor_boundary(body, 80)];
            let capital = body.chars().next().is_some_and(char::is_uppercase);
            if capital && head.contains('(') {
                if let Some(m) = dateline::dateline(body, AGENCIES) {
                    let end = body[..m.end].trim_end().len();
                    source = source.or_else(|| agency(&body[m.agency.0..m.agency.1]));
                    a.dateline = Some(body[..m.place_end].trim().to_string());
                    found.push(Boilerplate {
                        span: Span::new(para.start, para.start + end),
                        kind: BoilerplateKind::Dateline,
                    });
                    lead_index = Some(p);
                    continue;
                }
            }
            // A bare dateline needs a dash near the start.
            let dashed = head.contains(['—', '–']) || head.contains("--");
            // It opens with two capitals (`\p{Lu}` is a part of `is_uppercase`).
            let capitals = body.chars().take(2).filter(|c| c.is_uppercase()).count() == 2;
            let bare = if dashed && capitals {
                dateline::bare_dateline(body)
            } else {
                None
            };
            if let Some((place_end, end)) = bare {
                let place = body[..place_end].trim();
                // Demand a real place-like word of letters, not an acronym lead-in.
                if place.chars().filter(|ch| ch.is_alphabetic()).count() >= 4 {
                    a.dateline = Some(place.to_string());
                    found.push(Boilerplate {
                        span: Span::new(para.start, para.start + body[..end].trim_end().len()),
                        kind: BoilerplateKind::Dateline,
                    });
                    lead_index = Some(p);
                    continue;
                }
            }
        }
        // Every credit holds a bracket and a `:`, a `/` or "Getty".
        let credits = if body.contains('(')
            && (body.contains([':', '/']) || contains_ignoring_case(body, b"getty"))
        {
            INLINE_CREDIT.find_iter(body).collect()
        } else {
            Vec::new()
        };
        // A credit is short; a longer bracket is story text.
        for m in credits
            .into_iter()
            .filter(|m| m.as_str().chars().count() <= 80)
        {
            let lead = m.as_str().len() - m.as_str().trim_start().len();
            found.push(Boilerplate {
                span: Span::new(para.start + m.start() + lead, para.start + m.end()),
                kind: BoilerplateKind::PhotoCredit,
            });
        }
    }

    // Paragraphs between the headline and the byline or dateline are captions
    // or kickers, not story, when they do not read as sentences.
    if let Some(lead) = lead_index {
        for para in a.paragraphs.iter().take(lead) {
            let body = para.slice(&text);
            let covered = found.iter().any(|b| b.span.contains(para));
            if !covered && !ends_like_sentence(body) {
                found.push(Boilerplate {
                    span: *para,
                    kind: BoilerplateKind::Caption,
                });
            }
        }
    }

    found.sort_by_key(|b| (b.span.start, b.span.end));
    found.dedup_by(|x, y| y.span.contains(&x.span));
    a.boilerplate = found;
    if a.source.is_none() {
        a.source = source.or(copyright_source).map(str::to_string);
    }
}

/// Boilerplate that is recognizable from the paragraph alone; a copyright
/// line also names its owner.
fn whole_paragraph(body: &str) -> Option<(BoilerplateKind, Option<Option<&'static str>>)> {
    // A copyright notice may carry a licence sentence or two ("All rights
    // reserved. This material may not be published…").
    let first = body.split(['.', '\n']).next().unwrap_or(body);
    let short = body.len() <= 120
        || (body.len() <= 400 && contains_ignoring_case(body, b"rights reserved"));
    // The notice opens with `©`, `(c)` or `copyright` (no letter of which
    // has a non-ASCII case fold).
    let opens = first.starts_with('©') || opens_with_word(first, &["(c)", "copyright"]);
    if short && opens {
        if let Some(c) = COPYRIGHT.captures(first) {
            let owner = c.name("owner").map(|o| o.as_str()).unwrap_or("");
            let who = owner
                .split([',', '.', '/', ';'])
                .map(str::trim)
                .find_map(agency);
            return Some((BoilerplateKind::Copyright, Some(who)));
        }
    }
    // Every rule matches a short paragraph; unbounded patterns compile much
    // faster than counted ones, so the length bound is kept here.
    if body.len() > MAX_FURNITURE_BYTES {
        return None;
    }
    let folds = folds_to_ascii(body);
    PARAGRAPH_RULES
        .iter()
        .find(|rule| rule.is_match(body, folds))
        .map(|rule| (rule.kind, None))
}

/// Whether `text` holds `needle` (lower-case ASCII) in any letter case,
/// without lower-casing a copy of every short paragraph (which was a
/// twentieth of a dedup run). The needle's letters have no non-ASCII
/// capitals, so only ASCII bytes can match.
fn contains_ignoring_case(text: &str, needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = memchr::memchr2(
        first,
        first.to_ascii_uppercase(),
        bytes.get(from..).unwrap_or(&[]),
    ) {
        let i = from + at;
        if bytes
            .get(i..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return true;
        }
        from = i + 1;
    }
    false
}

/// A byline at the start of a paragraph: "By Jane Roe", "From Jane Roe and
/// John Doe, Reuters:", "By Jane Roe | AP —".
struct Byline {
    /// Bytes from the paragraph start to the end of the byline.
    len: usize,
    names: Vec<String>,
    agency: Option<&'static str>,
    /// Nothing follows it in the paragraph.
    alone: bool,
}

/// Reads a byline by hand: a regular expression for "names joined by commas
/// and 'and'" with Unicode letters costs milliseconds to compile, more than
/// the rest of a comparison.
fn parse_byline(body: &str) -> Option<Byline> {
    let lower = body.get(..5).unwrap_or(body).to_ascii_lowercase();
    let skip = if lower.starts_with("by ") {
        3
    } else if lower.starts_with("from ") {
        5
    } else {
        return None;
    };
    let rest = &body[skip..];
    // The byline ends at a colon, a bar or dash separator, a line end or the
    // paragraph's end, within a short distance.
    let limit = floor_boundary(rest, 160);
    let window = &rest[..limit];
    let stops = [":", " — ", " – ", " - ", "\n", " —", " –"];
    let (end, sep_len, closed) = stops
        .iter()
        .filter_map(|st| window.find(st).map(|i| (i, st.len(), *st != "\n")))
        .min_by_key(|(i, _, _)| *i)
        .unwrap_or((rest.len().min(limit), 0, false));
    if end == limit && limit < rest.len() {
        return None;
    }
    let head = rest[..end].trim_end();
    let mut names = Vec::new();
    let mut agency_found = None;
    for part in NAME_SPLIT
        .split(head)
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if let Some(ag) = agency(part) {
            agency_found = Some(ag);
        } else if is_person_name(part) && agency_found.is_none() {
            names.push(part.to_string());
        } else {
            return None;
        }
    }
    if names.is_empty() && agency_found.is_none() {
        return None;
    }
    let len = skip + end + sep_len;
    let alone = body[len..].trim().is_empty();
    // Story text may follow only after a separator or an agency name.
    if !(alone || closed || agency_found.is_some()) {
        return None;
    }
    let len = skip + body[skip..len].trim_end().len();
    Some(Byline {
        len,
        names,
        agency: agency_found,
        alone,
    })
}

/// Two to six words, each capitalized (initials allowed) or a name particle.
fn is_person_name(s: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "de", "van", "von", "da", "al", "bin", "el", "la", "le", "di", "du", "der",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words.iter().enumerate().all(|(k, w)| {
            let first = w.chars().next().is_some_and(char::is_uppercase);
            let letters = w
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'));
            letters && (first || (k > 0 && PARTICLES.contains(w)))
        })
}

/// The largest char boundary of `s` at or below `max`.
fn floor_boundary(s: &str, max: usize) -> usize {
    let mut i = max.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ends_like_sentence(body: &str) -> bool {
    let t = body.trim_end_matches(['"', '\'', '”', '’', ')', ']', ' ']);
    t.ends_with(['.', '!', '?', '…', ':'])
}

static NAME_SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*[|/]\s*").expect("name split")
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::paragraphs;

    /// A rule's byte test is a necessary condition of its pattern: on
    /// paragraphs each pattern matches, in several spellings and cases, the
    /// test never refuses (else that boilerplate would silently stay text).
    #[test]
    fn no_rule_test_refuses_what_its_pattern_matches() {
        let paragraphs = [
            "12 Comments",
            "comments (3)",
            "View all 45 comments",
            "Post 2 comments",
            "Photo: Jane Doe/Reuters",
            "IMAGE: handout",
            "VIDEO: the blast",
            "harbour-crane.JPG",
            "Additional reporting by Tom Hale; editing by Ines Varga",
            "(Writing by A. Lee)",
            "Related: Port strike ends",
            "READ MORE: Crane falls",
            "See also: Timeline",
            "Read the full story here",
            "Watch the full interview on our site.",
            "Advertisement",
            "Story continues below advertisement",
            "Continue reading the main story",
            "Listen to this article 4 min",
            "Share this article on Facebook",
            "Follow us on Twitter",
            "Sign up for our daily newsletter",
            "Click here to subscribe",
            "Download our app for alerts",
            "Updated at 10:42 GMT",
            "Breaking news",
            "This story has been updated with new figures.",
            "Comments are closed.",
            "Developing story",
        ];
        for p in paragraphs {
            let mut matched = false;
            for rule in &PARAGRAPH_RULES {
                let re = Regex::new(rule.pattern).expect("paragraph rule");
                if re.is_match(p) {
                    matched = true;
                    assert!(
                        (rule.may_match)(p),
                        "the test of {:?} refuses {p:?}",
                        rule.pattern
                    );
                }
            }
            assert!(matched, "{p:?} is some rule's boilerplate");
        }
    }

    fn article(text: &str) -> Article {
        let mut a = Article {
            text: text.to_string(),
            paragraphs: paragraphs(text),
            ..Default::default()
        };
        detect_wire(&mut a);
        a
    }

    fn kinds(a: &Article) -> Vec<(BoilerplateKind, &str)> {
        a.boilerplate
            .iter()
            .map(|b| (b.kind, a.slice(b.span)))
            .collect()
    }

    #[test]
    fn agency_dateline() {
        let a = article("BRUSSELS (AFP) - NATO said on Thursday it would act.\n\nMore text.");
        assert_eq!(a.source.as_deref(), Some("AFP"));
        assert_eq!(a.dateline.as_deref(), Some("BRUSSELS"));
        assert_eq!(
            kinds(&a),
            vec![(BoilerplateKind::Dateline, "BRUSSELS (AFP) -")]
        );
    }

    #[test]
    fn reuters_dateline_with_date() {
        let a = article("WASHINGTON, Dec 8 (Reuters) - The Senate voted.");
        assert_eq!(a.source.as_deref(), Some("Reuters"));
        assert_eq!(a.dateline.as_deref(), Some("WASHINGTON"));
    }

    #[test]
    fn byline_with_agency_and_caption_before_it() {
        let a = article(
            "A minister at the summit, June 3, 2019\n\nBy Jane Roe and John Doe, Reuters: The talks failed.\n\nNext.",
        );
        assert_eq!(a.source.as_deref(), Some("Reuters"));
        assert_eq!(a.authors, vec!["Jane Roe", "John Doe"]);
        assert_eq!(
            kinds(&a),
            vec![
                (
                    BoilerplateKind::Caption,
                    "A minister at the summit, June 3, 2019"
                ),
                (
                    BoilerplateKind::Byline,
                    "By Jane Roe and John Doe, Reuters:"
                ),
            ]
        );
    }

    #[test]
    fn byline_shapes() {
        let a = article("By María José García-López\n\nThe story.");
        assert_eq!(a.authors, vec!["María José García-López"]);
        let a = article("By Jane Roe | AP — The story starts here.");
        assert_eq!((a.source.as_deref(), a.authors.len()), (Some("AP"), 1));
        assert_eq!(kinds(&a)[0].1, "By Jane Roe | AP —");
        let a = article("From Ann Lee, Bo Chan and Cy Diaz, Reuters: Text.");
        assert_eq!(a.authors, vec!["Ann Lee", "Bo Chan", "Cy Diaz"]);
        // A lone capitalized word after "By" is not a name.
        let a = article("By Monday: the deadline passed.");
        assert!(a.authors.is_empty() && a.boilerplate.is_empty());
    }

    #[test]
    fn a_sentence_starting_with_by_is_not_a_byline() {
        let a = article("By Friday the vote had failed, officials said.");
        assert!(a.boilerplate.is_empty(), "{:?}", a.boilerplate);
        assert!(a.authors.is_empty());
    }

    #[test]
    fn trailers_counters_and_credits() {
        let a = article(
            "Story text here. (photo: AP)\n\n0 Comments To This Article\n\n(c) 2019 Reuters\n\nReporting by Jane Roe; Editing by Tim Poe\n\nRelated: other story",
        );
        let k: Vec<_> = kinds(&a).into_iter().map(|(k, _)| k).collect();
        assert_eq!(
            k,
            vec![
                BoilerplateKind::PhotoCredit,
                BoilerplateKind::Comments,
                BoilerplateKind::Copyright,
                BoilerplateKind::Trailer,
                BoilerplateKind::Related
            ]
        );
        assert_eq!(a.source.as_deref(), Some("Reuters"));
    }

    #[test]
    fn page_furniture_and_notices() {
        let a = article(
            "Advertisement\n\nThe council met on Monday.\n\nStory continues below advertisement\n\n\
             Copyright 2019 The Associated Press. All rights reserved. This material may not be published.\n\n\
             Follow us on Twitter and Facebook for the latest updates.\n\n\
             Sign up for our daily newsletter to get the top stories.\n\n\
             Updated at 3:45 p.m. ET\n\nComments are closed.\n\nRead the full story here.",
        );
        let k: Vec<_> = kinds(&a).into_iter().map(|(k, _)| k).collect();
        use BoilerplateKind::*;
        assert_eq!(
            k,
            vec![Promo, Promo, Copyright, Promo, Promo, Notice, Notice, Related]
        );
        assert_eq!(a.source.as_deref(), Some("AP"));
    }

    #[test]
    fn story_sentences_that_mention_the_web_are_kept() {
        let a = article(
            "The senator urged voters to follow us on the road to reform, she said in a speech on Monday.\n\n\
             Sign up for the draft was mandatory in 1969 for men born between 1944 and 1950, records show.\n\n\
             Breaking news of the deal reached the markets before noon.",
        );
        assert!(a.boilerplate.is_empty(), "{:?}", kinds(&a));
    }

    #[test]
    fn an_acronym_lead_is_not_a_dateline() {
        let a = article("NATO - the alliance - met today.");
        assert!(a.dateline.is_none());
    }

    #[test]
    fn case_blind_search_finds_the_phrase_in_any_case_only() {
        let needle = b"rights reserved";
        for hit in [
            "All Rights Reserved.",
            "ALL RIGHTS RESERVED",
            "(c) 2024 rights reserved",
            "rights reserved",
        ] {
            assert!(contains_ignoring_case(hit, needle), "{hit}");
        }
        for miss in ["rights reserve", "Right reserved", "", "rïghts reserved"] {
            assert!(!contains_ignoring_case(miss, needle), "{miss}");
        }
    }
}
