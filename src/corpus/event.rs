//! The event signature of an article and the same-event decision.
//!
//! Reports of one topic share its vocabulary ("shooting", "police",
//! "earthquake"); reports of one *event* also share when, where and who.
//! So a same-story candidate is judged on those too: the article's
//! publication day, the event days its text names (`facts::dates`,
//! resolved against publication), the surnames of the people it names and
//! the places (dateline included). Two reports with the same topic words and
//! another date, place or set of people are different events; two reports
//! in other words with the same when, where and who are the same event.
//!
//! The signature is kept in the sketch record (see `signature`), 16-bit
//! values: about 20 an article, some 40 bytes.

use crate::article::Article;
use crate::facts::{self, Day, Facts, NameKind, SentenceFacts};
use serde::Serialize;

/// Event days kept per article: the first few dates the story resolves.
/// A follow-up (an arrest, a trial) names its own day first and the
/// incident's after it, so a few more than the lead's one or two.
pub const MAX_DAYS: usize = 6;
/// People kept per article (surnames, first mentioned first).
pub const MAX_PEOPLE: usize = 8;
/// Places kept per article (dateline first).
pub const MAX_PLACES: usize = 8;
/// Counts kept per article ("two people", "40 homes"), first given first.
pub const MAX_COUNTS: usize = 8;

/// Dates further than this before publication are background ("convicted
/// in 2009"), not the reported event; a week after covers announcements.
/// Follow-ups refer back to the incident's day ("the Jan. 16 shooting")
/// for as long as the case is news: a trial or a sentencing a year or two
/// later (on GVA, most true pairs a 60-day window missed had a report two
/// months to a year after the incident, an eighth of them over a year).
const EVENT_WINDOW_BEFORE: i32 = 731;
const EVENT_WINDOW_AFTER: i32 = 7;

/// Day 0 of the 16-bit day values: 1900-01-01 (days since 1970 plus this),
/// so that 0 can mean "none" and 65,535 days reach 2079.
const DAY_BASE: i32 = 25_567;

/// An article's event signature, as kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventSig {
    /// Publication day (16-bit, see `DAY_BASE`); 0 when unknown.
    pub published: u16,
    /// Event days named in the story, text order, distinct.
    pub days: Vec<u16>,
    /// 16-bit buckets of people's surnames, lower-cased.
    pub people: Vec<u16>,
    /// 16-bit buckets of place names, lower-cased.
    pub places: Vec<u16>,
    /// 16-bit buckets of counts: a number with the noun it counts
    /// ("4 people", "two victims"), see [`count_key`].
    pub counts: Vec<u16>,
}

fn day16(d: Day) -> u16 {
    u16::try_from(d.0 + DAY_BASE).unwrap_or(0)
}

/// How a name's words become one 16-bit bucket. The corpus passes its own
/// word hash (`signature::name_bucket`), so that this module needs nothing
/// of the signature's and the signature can pack this one.
pub type NameHash = fn(&str, &mut String) -> u16;

/// Nouns of duration: "two days", "20 years" measure time (a sentence, an
/// age, a wait) rather than count what happened, and recur across events.
fn is_duration(noun: &str) -> bool {
    matches!(
        noun,
        "second" | "minute" | "hour" | "day" | "night" | "week" | "month" | "year" | "decade"
    )
}

/// The words of a count as one key, `value noun` with the noun singular
/// (a final "s" dropped: "victims" and "victim" are one count), into
/// `key`; `None` for a duration. How many were hurt, killed, arrested or
/// evacuated is the same in every report of one event and seldom in two
/// events of one topic.
pub fn count_key<'k>(value: f64, noun: &str, key: &'k mut String) -> Option<&'k str> {
    use std::fmt::Write;
    let lower = noun.to_ascii_lowercase();
    let stem = match lower.strip_suffix('s') {
        Some(st) if st.len() >= 3 => st,
        _ => lower.as_str(),
    };
    if is_duration(stem) || !(value > 0.0 && value.is_finite()) {
        return None;
    }
    key.clear();
    write!(key, "{value} {stem}").ok()?;
    Some(key.as_str())
}

fn push_distinct(v: &mut Vec<u16>, x: u16, cap: usize) {
    if x != 0 && v.len() < cap && !v.contains(&x) {
        v.push(x);
    }
}

impl EventSig {
    /// The signature of an article from its facts.
    pub fn new(article: &Article, facts: &Facts, name_bucket: NameHash) -> EventSig {
        let mut sig = EventSig::start(article, facts.reference, name_bucket);
        for s in &facts.sentences {
            sig.add(article, facts.reference, s, name_bucket);
        }
        sig
    }

    /// The signature of an article, its facts read sentence by sentence
    /// (`facts::scan`, nothing kept).
    pub fn of(article: &Article, sentences: &[crate::Sentence], name_bucket: NameHash) -> EventSig {
        let reference = facts::reference(article);
        let mut sig = EventSig::start(article, reference, name_bucket);
        facts::scan(article, sentences, |s| {
            sig.add(article, reference, s, name_bucket)
        });
        sig
    }

    /// The publication day and the dateline place.
    pub(crate) fn start(
        article: &Article,
        reference: Option<Day>,
        name_bucket: NameHash,
    ) -> EventSig {
        let mut sig = EventSig {
            published: reference.map_or(0, day16),
            ..EventSig::default()
        };
        if let Some(place) = &article.dateline {
            // "ARDMORE, Okla.": the town as the text names it, then the
            // state, each a place as the text's own mentions key them.
            let mut buf = String::new();
            let mut parts = place.split(',');
            if let Some(town) = parts.next() {
                push_distinct(&mut sig.places, name_bucket(town, &mut buf), MAX_PLACES);
            }
            for part in parts {
                let w = part.trim().trim_end_matches('.');
                if let Some(state) = facts::names::us_state(w) {
                    push_distinct(&mut sig.places, name_bucket(state, &mut buf), MAX_PLACES);
                }
            }
        }
        sig
    }

    /// Adds the event days, people and places of one sentence's facts.
    pub(crate) fn add(
        &mut self,
        article: &Article,
        reference: Option<Day>,
        s: &SentenceFacts,
        name_bucket: NameHash,
    ) {
        let mut buf = String::new();
        let words = |sp: crate::Span| article.text.get(sp.start..sp.end).unwrap_or("");
        for d in &s.dates {
            let Some(day) = d.day else { continue };
            let near = reference.map_or(true, |r| {
                (r.0 - EVENT_WINDOW_BEFORE..=r.0 + EVENT_WINDOW_AFTER).contains(&day.0)
            });
            if near {
                push_distinct(&mut self.days, day16(day), MAX_DAYS);
            }
        }
        for n in &s.names {
            match n.kind {
                NameKind::Person => {
                    let b = name_bucket(words(n.last), &mut buf);
                    push_distinct(&mut self.people, b, MAX_PEOPLE);
                }
                NameKind::Place => {
                    // A state however written ("Okla", "OK", "Oklahoma").
                    let w = words(n.name);
                    let b = name_bucket(facts::names::us_state(w).unwrap_or(w), &mut buf);
                    push_distinct(&mut self.places, b, MAX_PLACES);
                }
                _ => {}
            }
        }
        if self.counts.len() >= MAX_COUNTS {
            return;
        }
        let mut key = String::new();
        for c in &s.numbers {
            let Some(noun) = c.counts else { continue };
            if let Some(k) = count_key(c.value, words(noun), &mut key) {
                let b = name_bucket(k, &mut buf);
                push_distinct(&mut self.counts, b, MAX_COUNTS);
            }
        }
    }

    /// Packed: the lengths of days, people, places and counts in one
    /// value (4 bits each), the publication day, then the lists.
    pub fn pack(&self, out: &mut Vec<u16>) {
        let n = |v: &Vec<u16>| v.len().min(15) as u16;
        out.push(
            n(&self.days) | n(&self.people) << 4 | n(&self.places) << 8 | n(&self.counts) << 12,
        );
        out.push(self.published);
        out.extend_from_slice(&self.days);
        out.extend_from_slice(&self.people);
        out.extend_from_slice(&self.places);
        out.extend_from_slice(&self.counts);
    }

    /// Reads what [`EventSig::pack`] wrote (empty on a short slice).
    pub fn unpack(v: &[u16]) -> EventSig {
        let (Some(&c), Some(&published)) = (v.first(), v.get(1)) else {
            return EventSig::default();
        };
        let (nd, np, nl, nc) = (
            usize::from(c & 15),
            usize::from(c >> 4 & 15),
            usize::from(c >> 8 & 15),
            usize::from(c >> 12 & 15),
        );
        let part = |a: usize, n: usize| v.get(2 + a..2 + a + n).unwrap_or(&[]).to_vec();
        EventSig {
            published,
            days: part(0, nd),
            people: part(nd, np),
            places: part(nd + np, nl),
            counts: part(nd + np + nl, nc),
        }
    }
}

/// What the two event signatures of a pair say.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct EventEvidence {
    /// Days between the publication dates (`None` unless both known).
    pub published_gap: Option<u32>,
    /// Whether the event days agree within a day: `None` unless both name
    /// one.
    pub date_agrees: Option<bool>,
    /// People (surnames) named by both.
    pub people_shared: u32,
    /// Both name people and none is the same.
    pub people_differ: bool,
    /// Places named by both.
    pub places_shared: u32,
    /// Both name places and none is the same.
    pub places_differ: bool,
    /// Counts given by both ("4 people").
    pub counts_shared: u32,
    /// Days between the nearest event days of the two (`None` unless both
    /// name one).
    pub days_apart: Option<u32>,
    /// Cosine of the two reports' distinctive words: rare in the stream
    /// and weighted by how uncommon they are in ordinary text
    /// (`verify::Background`), 0 to 1.
    pub event_words: f32,
}

/// How many of `a` are in `b`, and whether both are non-empty with none
/// in common.
fn shared(a: &[u16], b: &[u16]) -> (u32, bool) {
    let s = a.iter().filter(|x| b.contains(x)).count() as u32;
    (s, s == 0 && !a.is_empty() && !b.is_empty())
}

impl EventEvidence {
    /// Compares two signatures.
    pub fn compare(a: &EventSig, b: &EventSig) -> EventEvidence {
        let published_gap = (a.published != 0 && b.published != 0)
            .then(|| u32::from(a.published.abs_diff(b.published)));
        let date_agrees = (!a.days.is_empty() && !b.days.is_empty()).then(|| {
            a.days
                .iter()
                .any(|&x| b.days.iter().any(|&y| x.abs_diff(y) <= 1))
        });
        let (people_shared, people_differ) = shared(&a.people, &b.people);
        let (places_shared, places_differ) = shared(&a.places, &b.places);
        let (counts_shared, _) = shared(&a.counts, &b.counts);
        let days_apart = a
            .days
            .iter()
            .flat_map(|&x| b.days.iter().map(move |&y| u32::from(x.abs_diff(y))))
            .min();
        EventEvidence {
            published_gap,
            date_agrees,
            people_shared,
            people_differ,
            places_shared,
            places_differ,
            counts_shared,
            days_apart,
            event_words: 0.0,
        }
    }
}

/// The same-event model: a logistic score over the distinctive-word
/// cosine and the event evidence, few weights, calibrated on public data
/// (`scripts/calibrate_events.py`: BASIL events and GVA incidents of even
/// id; the odd ones were kept aside as a check, see docs/dedup-events.md).
/// Each weight encodes one general fact of news reporting:
pub mod model {
    /// Constant term.
    pub const BIAS: f32 = 1.18;
    /// Shared distinctive vocabulary: per square root of the
    /// distinctive-word cosine (`event_words`, 0 to 1). The root, because
    /// the first shared names and terms say more than the tenth: two
    /// outlets' reports of one event share a few, copies share all.
    pub const WORDS: f32 = 6.96;
    /// Event days agree within a day / disagree. (Agreeing days also lift
    /// the publication gap's penalty, which is most of their weight.)
    pub const DATE_AGREES: f32 = -0.89;
    /// ...
    pub const DATE_DIFFERS: f32 = -1.23;
    /// Reports of one event appear within days of it: per log2 of the
    /// days between publications (1 + gap), unless the event days agree:
    /// a follow-up (an arrest, a trial) comes weeks or months later and
    /// names the incident's day.
    pub const GAP_LOG2: f32 = -0.76;
    /// Each person named by both (up to 3).
    pub const PERSON_SHARED: f32 = 0.87;
    /// Both name people, none the same.
    pub const PEOPLE_DIFFER: f32 = 0.06;
    /// Each place named by both (up to 3).
    pub const PLACE_SHARED: f32 = 0.15;
    /// Both name places, none the same.
    pub const PLACES_DIFFER: f32 = -0.55;
    /// Each count given by both (up to 2): reports of one event give its
    /// numbers alike ("two killed, four hurt"). (Counts that all differ
    /// say little: a report gives many, and the first few kept need not
    /// be the event's; fitted, that weight lost on the check halves.)
    pub const COUNT_SHARED: f32 = 0.7;
}

/// The probability-like score in [0, 1] that a same-story candidate with
/// event evidence `e` reports the same event.
pub fn same_event_score(e: &EventEvidence) -> f32 {
    use model::*;
    let mut z = BIAS + WORDS * e.event_words.max(0.0).sqrt();
    match e.date_agrees {
        Some(true) => z += DATE_AGREES,
        Some(false) => z += DATE_DIFFERS,
        None => {}
    }
    if let (Some(g), false) = (e.published_gap, e.date_agrees == Some(true)) {
        z += GAP_LOG2 * (1.0 + g as f32).log2();
    }
    z += PERSON_SHARED * e.people_shared.min(3) as f32;
    if e.people_differ {
        z += PEOPLE_DIFFER;
    }
    z += PLACE_SHARED * e.places_shared.min(3) as f32;
    if e.places_differ {
        z += PLACES_DIFFER;
    }
    z += COUNT_SHARED * e.counts_shared.min(2) as f32;
    1.0 / (1.0 + (-z).exp())
}

/// A same-story candidate is the same event at this score or above.
pub const SAME_EVENT: f32 = 0.89;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::article_from_text;

    fn sig(body: &str, published: &str) -> EventSig {
        let mut a = article_from_text("t.txt", &format!("Title\n\n{body}")).unwrap();
        a.published = Some(published.into());
        let s = crate::segment::sentences(&a);
        EventSig::of(&a, &s, test_bucket)
    }

    /// Any stable hash of the lower-cased words serves the tests.
    fn test_bucket(text: &str, _: &mut String) -> u16 {
        let h = text
            .to_lowercase()
            .bytes()
            .fold(17u32, |h, b| h.wrapping_mul(31) ^ u32::from(b));
        (h % 65521) as u16 + 1
    }

    const FLOOD_A: &str = "The river Oster burst its banks in Harlow on Tuesday, flooding 40 homes.\n\nMayor Ellen Marsh said rescue crews worked through the night.";

    #[test]
    fn same_topic_on_another_date_and_place_is_another_event() {
        let a = sig(FLOOD_A, "2011-12-08");
        let b = sig(
            "The river Oster burst its banks in Kelby on Friday, flooding 40 homes.\n\nMayor Tom Reddin said rescue crews worked through the night.",
            "2013-03-16",
        );
        let mut e = EventEvidence::compare(&a, &b);
        assert_eq!(e.date_agrees, Some(false));
        assert!(e.people_differ && e.places_differ, "{e:?}");
        // The same wording scores high on the words alone; the event
        // signals pull it under the line.
        e.event_words = 0.4;
        assert!(same_event_score(&e) < SAME_EVENT);
    }

    #[test]
    fn same_event_in_other_words_is_the_same_event() {
        let a = sig(FLOOD_A, "2011-12-08");
        let b = sig(
            "Forty houses were under water after floods hit Harlow, Mayor Ellen Marsh told reporters on Wednesday.\n\nThe flooding began on Tuesday when the Oster rose.",
            "2011-12-07",
        );
        let mut e = EventEvidence::compare(&a, &b);
        assert_eq!(e.date_agrees, Some(true));
        assert_eq!(e.published_gap, Some(1));
        assert!(e.people_shared >= 1 && e.places_shared >= 1, "{e:?}");
        e.event_words = 0.15;
        assert!(same_event_score(&e) >= SAME_EVENT);
    }

    #[test]
    fn same_place_and_topic_a_year_later_is_another_event() {
        let a = sig(FLOOD_A, "2011-12-08");
        let b = sig(
            "The river Oster flooded homes in Harlow again on Sunday, and 25 families were evacuated.",
            "2012-11-20",
        );
        let mut e = EventEvidence::compare(&a, &b);
        assert_eq!(e.date_agrees, Some(false));
        assert!(e.places_shared >= 1, "{e:?}");
        e.event_words = 0.3;
        assert!(same_event_score(&e) < SAME_EVENT);
    }

    #[test]
    fn a_follow_up_months_later_refers_back_to_the_day() {
        let a = sig(FLOOD_A, "2011-12-08");
        // A follow-up five months on: its own day first, then the
        // incident's, which is what agrees.
        let b = sig(
            "A contractor was charged on Monday over the levee that failed in Harlow.\n\nThe Dec. 6 flood left 40 homes under water.",
            "2012-05-14",
        );
        assert!(
            b.days.contains(&day16(Day::from_ymd(2011, 12, 6).unwrap())),
            "{b:?}"
        );
        let mut e = EventEvidence::compare(&a, &b);
        assert_eq!(e.date_agrees, Some(true), "{e:?}");
        assert_eq!(e.published_gap, Some(158));
        // Few words in common, as between a report and its follow-up:
        // the day and the place carry it despite the months between.
        e.event_words = 0.15;
        assert!(same_event_score(&e) >= SAME_EVENT);
        // The same gap with days that do not agree is another event.
        e.date_agrees = Some(false);
        assert!(same_event_score(&e) < SAME_EVENT);
    }

    #[test]
    fn weekday_is_resolved_against_publication() {
        let s = sig(FLOOD_A, "2011-12-08");
        let tuesday = Day::from_ymd(2011, 12, 6).unwrap();
        assert_eq!(s.days, [day16(tuesday)]);
    }

    #[test]
    fn a_state_is_one_place_however_written() {
        let a = sig(
            "A barn burned down in Corwin, Okla., on Monday.",
            "2016-03-02",
        );
        let b = sig(
            "Firefighters in Oklahoma fought a barn fire on Monday.",
            "2016-03-02",
        );
        let ok = test_bucket("Oklahoma", &mut String::new());
        assert!(
            a.places.contains(&ok) && b.places.contains(&ok),
            "{a:?} {b:?}"
        );
        assert!(EventEvidence::compare(&a, &b).places_shared >= 1);
    }

    #[test]
    fn counts_given_alike_are_shared_and_durations_are_not_counts() {
        let a = sig(
            "Three people were hurt and 40 homes flooded in Harlow on Tuesday after two days of rain.",
            "2011-12-08",
        );
        let b = sig(
            "The flood in Harlow damaged 40 homes, and three people were taken to hospital.",
            "2011-12-07",
        );
        assert_eq!(a.counts.len(), 2, "{a:?}");
        assert_eq!(EventEvidence::compare(&a, &b).counts_shared, 2);
        let mut key = String::new();
        assert_eq!(count_key(3.0, "Victims", &mut key), Some("3 victim"));
        assert_eq!(count_key(2.0, "days", &mut key), None);
        // Shared counts lift a pair: the same evidence without them scores lower.
        let mut e = EventEvidence::compare(&a, &b);
        e.event_words = 0.1;
        let with = same_event_score(&e);
        e.counts_shared = 0;
        assert!(same_event_score(&e) < with);
    }

    #[test]
    fn signature_survives_the_record() {
        let s = sig(FLOOD_A, "2011-12-08");
        let mut v = Vec::new();
        s.pack(&mut v);
        assert_eq!(EventSig::unpack(&v), s);
        assert!(!s.people.is_empty() && !s.places.is_empty());
        let c = sig("Three people were hurt and 40 homes flooded.", "2011-12-08");
        let mut v = Vec::new();
        c.pack(&mut v);
        assert!(!c.counts.is_empty());
        assert_eq!(EventSig::unpack(&v), c);
    }
}
