//! Dates: calendar days, and the dates a sentence names resolved against a
//! reference day (the article's publication date).
//!
//! News copy dates events relative to the day it is written: "on Tuesday"
//! in an article of Thursday 2011-12-08 is Tuesday 2011-12-06, the latest
//! Tuesday on or before the reference; "yesterday" is the day before; "Dec.
//! 6" with no year is the Dec. 6 nearest before the reference (or just
//! after it: copy announces what happens in the coming days).

/// A calendar day: days since 1970-01-01 (negative before), so that the
/// distance between two dates is a subtraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Day(pub i32);

impl Day {
    /// The day of a proleptic Gregorian date; `None` for an impossible one.
    /// (H. Hinnant's days-from-civil, the standard closed form.)
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Day> {
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = (m as i32 + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Day(era * 146_097 + doe - 719_468))
    }

    /// The date of this day as (year, month, day).
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i32::from(m <= 2);
        (y, m, d)
    }

    /// Day of the week, 0 for Monday to 6 for Sunday (1970-01-01 was a
    /// Thursday).
    pub fn weekday(self) -> u32 {
        (self.0 + 3).rem_euclid(7) as u32
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// Parses the date at the start of `s`: `YYYY-MM-DD`, with anything
    /// after it (a time, a zone) ignored, as `published` fields carry.
    pub fn parse_iso(s: &str) -> Option<Day> {
        let s = s.trim();
        let b = s.as_bytes();
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let t = s.get(r)?;
            t.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| t.parse().ok())?
        };
        if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        if b.get(10).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        Day::from_ymd(num(0..4)? as i32, num(5..7)?, num(8..10)?)
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Weekday names, Monday first, as copy capitalizes them.
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The weekday a word names (0 for Monday), with its plural ("Sundays":
/// habitual, not one day) refused and its possessive read ("Saturday's
/// shooting" is the day's event, as copy often names it).
pub fn weekday(word: &str) -> Option<u32> {
    // Asked of every capitalized word: "Monday" to "Wednesday's" only.
    if !(6..=13).contains(&word.len()) {
        return None;
    }
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word);
    WEEKDAYS.iter().position(|&w| w == word).map(|i| i as u32)
}

/// The month a word names (1 to 12): full names and the agency
/// abbreviations (AP style: Jan. Feb. Aug. Sept. Oct. Nov. Dec.). "May" and
/// "March" are also a verb; they count only before a day number, which the
/// caller checks.
pub fn month(word: &str) -> Option<u32> {
    const FULL: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const SHORT: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec",
    ];
    FULL.iter()
        .position(|&m| m == word)
        .or_else(|| SHORT.iter().position(|&m| m == word))
        .or_else(|| (word == "Sep").then_some(8))
        .map(|i| i as u32 + 1)
}

/// How a date was written, which says how far to trust its resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateKind {
    /// A weekday ("on Tuesday", "last Friday").
    Weekday,
    /// Month and day, maybe a year ("Dec. 6", "December 6, 2011").
    MonthDay,
    /// "today", "tonight", "yesterday".
    Relative,
}

/// The latest day on or before `reference` that falls on `weekday`, or
/// with `shift` the one a week before ("last Tuesday" said on a Tuesday)
/// or the next one ("next Tuesday").
pub fn resolve_weekday(reference: Day, weekday: u32, shift: i32) -> Day {
    let back = (reference.weekday() + 7 - weekday) % 7;
    let d = reference.0 - back as i32;
    match shift {
        s if s < 0 && back == 0 => Day(d - 7),
        s if s > 0 => Day(d + 7),
        _ => Day(d),
    }
}

/// Month `m` day `d` with no year: the one in the year that puts it
/// nearest `reference`, looking back up to eleven months and ahead up to
/// one (copy reports what happened, and announces what comes soon).
pub fn resolve_month_day(reference: Day, m: u32, d: u32) -> Option<Day> {
    let (y, _, _) = reference.ymd();
    [y + 1, y, y - 1]
        .into_iter()
        .filter_map(|y| Day::from_ymd(y, m, d))
        .find(|day| day.0 - reference.0 <= 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_and_know_their_weekday() {
        let d = Day::from_ymd(2011, 12, 8).unwrap();
        assert_eq!(d.ymd(), (2011, 12, 8));
        assert_eq!(WEEKDAYS[d.weekday() as usize], "Thursday");
        assert_eq!(Day::from_ymd(1970, 1, 1), Some(Day(0)));
        assert_eq!(Day::from_ymd(2015, 2, 29), None);
        assert_eq!(
            Day::parse_iso("2016-02-29T10:00:00Z").map(Day::ymd),
            Some((2016, 2, 29))
        );
        assert_eq!(Day::parse_iso("2016-02-2x"), None);
    }

    #[test]
    fn a_weekday_is_the_latest_one_on_or_before_publication() {
        let thu = Day::from_ymd(2011, 12, 8).unwrap();
        let tue = weekday("Tuesday").unwrap();
        assert_eq!(resolve_weekday(thu, tue, 0).iso(), "2011-12-06");
        let thursday = weekday("Thursday").unwrap();
        assert_eq!(resolve_weekday(thu, thursday, 0), thu);
        assert_eq!(resolve_weekday(thu, thursday, -1).iso(), "2011-12-01");
        assert_eq!(resolve_weekday(thu, tue, 1).iso(), "2011-12-13");
    }

    #[test]
    fn a_month_day_without_year_is_the_nearest_past_one() {
        let jan = Day::from_ymd(2012, 1, 3).unwrap();
        assert_eq!(
            resolve_month_day(jan, 12, 30).map(Day::iso).as_deref(),
            Some("2011-12-30")
        );
        assert_eq!(
            resolve_month_day(jan, 1, 20).map(Day::iso).as_deref(),
            Some("2012-01-20")
        );
        assert_eq!(
            resolve_month_day(jan, 6, 1).map(Day::iso).as_deref(),
            Some("2011-06-01")
        );
    }
}
