//! Calendar days: weekdays and dates, resolved against each article's
//! publication date where it has one.

use super::words::{inside, slice, words_after, words_before};
use super::{is_stamp, odd_pair, Difference, FactKind, Side, Stated};
use crate::facts::dates::{self, Day};
use crate::span::Span;

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
pub(super) fn weekday_word(w: &str) -> Option<u32> {
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

pub(super) fn date_differences(a: &Side, b: &Side, out: &mut Vec<Difference>) {
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
