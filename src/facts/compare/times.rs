//! Clock times: "10:45 p.m.", "9 a.m.", "noon"; a time one side hedges is
//! left alone.

use super::words::{hedges, slice, words_before};
use super::{is_stamp, odd_pair, Difference, FactKind, Side, Stated};
use crate::span::Span;

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
pub(super) fn scan_times(text: &str, within: Span) -> Vec<(Span, u32, bool)> {
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

pub(super) fn time_differences(a: &Side, b: &Side, out: &mut Vec<Difference>) {
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
