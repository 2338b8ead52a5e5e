//! People, titles and places: another person or place in the same slot
//! of a near copy, one person's name spelled otherwise, or given another
//! title.

use super::dates::weekday_word;
use super::words::{has_word, inside, slice, words_after, words_before};
use super::{abbreviates, fold, Difference, FactKind, Side, Stated};
use crate::facts::{names, NameKind};
use crate::span::Span;

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
            let n = &crate::facts::NameFact {
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

pub(super) fn edits(a: &str, b: &str) -> usize {
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

pub(super) fn name_differences(a: &Side, b: &Side, close: bool, out: &mut Vec<Difference>) {
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
