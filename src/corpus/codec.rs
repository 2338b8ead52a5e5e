//! An article's dedup record as bytes and back: what `--state` keeps in its
//! database, and what other programs (the Python bindings) store to match
//! articles later without the texts.
//!
//! A [`Record`] is everything the deduplicator needs to take an article
//! back into its index without analysing the text again: the sketch record
//! (`signature::SketchBuf::record`), the sentence-pair keys, the id, the
//! outlet and the time the article is dated by. The story words and salient
//! terms are derived from the sketch, so they are not stored.
//!
//! Layout (little-endian): the codec version byte; the id and the source as
//! a varint length and UTF-8 bytes (the source's length plus one, 0 for
//! none); a flag byte and, when set, the time as 8 bytes (seconds since
//! 1970-01-01 UTC); the key count (varint) and the keys, 8 bytes each; the
//! sketch's value count (varint) and the values, 4 bytes each. Nothing may
//! follow. A record of another codec version is refused, never misread:
//! the sketch layout is `signature`'s, so any change there raises
//! [`VERSION`].

use super::signature::{Signature, Sketch, SketchBuf};
use crate::article::Article;

/// The codec version: raised whenever the layout above or the sketch
/// layout of `signature` changes.
pub const VERSION: u8 = 1;

/// One article's record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record {
    /// The article's id.
    pub id: String,
    /// Its outlet, when the input named one.
    pub source: Option<String>,
    /// The time it is dated by, in seconds since 1970-01-01 UTC: its
    /// `published` field when that parses ([`published_seconds`]), else
    /// when it arrived; `None` when neither is known.
    pub time: Option<i64>,
    /// Sentence-pair keys (see `signature`).
    pub keys: Vec<u64>,
    /// The sketch record's values (see `signature::Sketch`).
    pub sketch: Vec<u32>,
}

/// Why bytes are not a record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodecError {
    /// Written by another codec version.
    #[error("record of codec version {found}, this wirediff reads version {VERSION}")]
    Version {
        /// The version byte found.
        found: u8,
    },
    /// Cut short, overlong or not UTF-8 where text is expected.
    #[error("malformed record ({0})")]
    Malformed(&'static str),
}

impl Record {
    /// The record of `article`, signed; `time` as [`Record::time`] says
    /// (the caller knows when it arrived).
    pub fn of(article: &Article, time: Option<i64>) -> Record {
        Record::from_signature(
            article.id.clone(),
            article.source.clone(),
            time,
            super::signature::signature(article),
        )
    }

    /// The record of an article already signed.
    pub fn from_signature(
        id: String,
        source: Option<String>,
        time: Option<i64>,
        sig: Signature,
    ) -> Record {
        Record {
            id,
            source,
            time,
            keys: sig.keys,
            sketch: sig.sketch.record().to_vec(),
        }
    }

    /// The sketch, as verification reads it.
    pub fn view(&self) -> Sketch<'_> {
        Sketch::from_record(&self.sketch)
    }

    /// The signature back: the sketch, the keys, and the story words and
    /// salient terms derived from the sketch.
    pub fn signature(&self) -> Signature {
        let view = self.view();
        Signature {
            sketch: SketchBuf::from_record(self.sketch.clone()),
            keys: self.keys.clone(),
            story_words: view.story_words(),
            salient: view.salient(),
        }
    }
}

/// The seconds since 1970-01-01 UTC of a `published` value: `YYYY-MM-DD`,
/// optionally followed by `T` or a space, `HH:MM` or `HH:MM:SS` (fractions
/// ignored) and a zone (`Z`, `+HH:MM`, `-HHMM`); a time without a zone is
/// read as UTC. `None` when the date does not parse.
pub fn published_seconds(s: &str) -> Option<i64> {
    let s = s.trim();
    let day = crate::facts::dates::Day::parse_iso(s)?;
    let mut secs = i64::from(day.0) * 86_400;
    let rest = s.get(10..).unwrap_or("");
    let Some(clock) = rest.strip_prefix(['T', 't', ' ']) else {
        return Some(secs);
    };
    let digits = |t: &str| -> Option<i64> {
        (t.len() == 2 && t.bytes().all(|c| c.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let (Some(h), Some(m)) = (digits(clock.get(0..2)?), digits(clock.get(3..5)?)) else {
        return Some(secs);
    };
    if clock.get(2..3) != Some(":") || h > 23 || m > 59 {
        return Some(secs);
    }
    secs += h * 3600 + m * 60;
    let mut zone = clock.get(5..).unwrap_or("");
    if let Some(sec) = zone
        .strip_prefix(':')
        .and_then(|z| z.get(0..2))
        .and_then(digits)
    {
        secs += sec.min(59);
        zone = zone.get(3..).unwrap_or("");
    }
    // Fractions of a second.
    if let Some(f) = zone.strip_prefix(['.', ',']) {
        zone = f.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    let sign = match zone.as_bytes().first() {
        Some(b'+') => 1,
        Some(b'-') => -1,
        _ => return Some(secs),
    };
    let z = zone.get(1..).unwrap_or("").replace(':', "");
    if let (Some(zh), Some(zm)) = (z.get(0..2).and_then(digits), z.get(2..4).and_then(digits)) {
        secs -= sign * (zh * 3600 + zm * 60);
    }
    Some(secs)
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// The bytes of `rec`.
pub fn encode(rec: &Record) -> Vec<u8> {
    let mut out = Vec::with_capacity(
        16 + rec.id.len()
            + rec.source.as_ref().map_or(0, |s| s.len())
            + rec.keys.len() * 8
            + rec.sketch.len() * 4,
    );
    out.push(VERSION);
    put_varint(&mut out, rec.id.len() as u64);
    out.extend_from_slice(rec.id.as_bytes());
    match &rec.source {
        None => put_varint(&mut out, 0),
        Some(s) => {
            put_varint(&mut out, s.len() as u64 + 1);
            out.extend_from_slice(s.as_bytes());
        }
    }
    match rec.time {
        None => out.push(0),
        Some(t) => {
            out.push(1);
            out.extend_from_slice(&t.to_le_bytes());
        }
    }
    put_varint(&mut out, rec.keys.len() as u64);
    for k in &rec.keys {
        out.extend_from_slice(&k.to_le_bytes());
    }
    put_varint(&mut out, rec.sketch.len() as u64);
    for v in &rec.sketch {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out
}

/// Reads bytes front to back.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], CodecError> {
        if n > self.bytes.len() {
            return Err(CodecError::Malformed("cut short"));
        }
        let (head, tail) = self.bytes.split_at(n);
        self.bytes = tail;
        Ok(head)
    }

    fn byte(&mut self) -> Result<u8, CodecError> {
        Ok(self.take(1)?[0])
    }

    fn varint(&mut self) -> Result<u64, CodecError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(CodecError::Malformed("overlong number"))
    }

    /// A count of items of `size` bytes that must fit in what is left.
    fn count(&mut self, size: usize) -> Result<usize, CodecError> {
        let n = usize::try_from(self.varint()?).map_err(|_| CodecError::Malformed("count"))?;
        match n.checked_mul(size) {
            Some(bytes) if bytes <= self.bytes.len() => {}
            _ => return Err(CodecError::Malformed("cut short")),
        }
        Ok(n)
    }

    fn text(&mut self, len: usize) -> Result<String, CodecError> {
        let b = self.take(len)?;
        String::from_utf8(b.to_vec()).map_err(|_| CodecError::Malformed("text is not UTF-8"))
    }
}

/// The record in `bytes`, as [`encode`] wrote it.
pub fn decode(bytes: &[u8]) -> Result<Record, CodecError> {
    let mut r = Reader { bytes };
    let version = r.byte()?;
    if version != VERSION {
        return Err(CodecError::Version { found: version });
    }
    let n = r.count(1)?;
    let id = r.text(n)?;
    let source = match r.count(1)? {
        0 => None,
        n => Some(r.text(n - 1)?),
    };
    let time = match r.byte()? {
        0 => None,
        1 => {
            let b = r.take(8)?;
            Some(i64::from_le_bytes(
                b.try_into().map_err(|_| CodecError::Malformed("time"))?,
            ))
        }
        _ => return Err(CodecError::Malformed("time flag")),
    };
    let n = r.count(8)?;
    let keys = r
        .take(n * 8)?
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()))
        .collect();
    let n = r.count(4)?;
    let sketch = r
        .take(n * 4)?
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes(c.try_into().unwrap_or_default()))
        .collect();
    if !r.bytes.is_empty() {
        return Err(CodecError::Malformed("bytes after the record"));
    }
    Ok(Record {
        id,
        source,
        time,
        keys,
        sketch,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::article_from_text;

    fn sample() -> Record {
        let mut a = article_from_text(
            "a.txt",
            "Floods close valley road\n\nFloods cut the valley road near Harlow on Monday morning.\n\nCrews from Harlow worked through the night to clear it, the council said.",
        )
        .unwrap();
        a.id = "wire-1".into();
        a.source = Some("Agence".into());
        Record::of(&a, Some(1_700_000_000))
    }

    #[test]
    fn a_record_comes_back_as_it_went_in() {
        let rec = sample();
        assert!(!rec.sketch.is_empty());
        let back = decode(&encode(&rec)).unwrap();
        assert_eq!(back, rec);
        let none = Record {
            id: String::new(),
            ..Record::default()
        };
        assert_eq!(decode(&encode(&none)).unwrap(), none);
    }

    #[test]
    fn the_derived_parts_are_those_signing_gave() {
        let mut a = article_from_text(
            "b.txt",
            "Title here\n\nThe mayor of Dunmore opened the new bridge on Friday.\n\nTraffic on the old bridge had doubled since 2019, officials said.",
        )
        .unwrap();
        a.id = "b".into();
        let sig = super::super::signature::signature(&a);
        let rec = Record::from_signature("b".into(), None, None, sig.clone());
        let back = decode(&encode(&rec)).unwrap().signature();
        assert_eq!(back.story_words, sig.story_words);
        assert_eq!(back.salient, sig.salient);
        assert_eq!(back.keys, sig.keys);
        assert_eq!(back.sketch.record(), sig.sketch.record());
    }

    #[test]
    fn bad_bytes_are_refused_never_misread() {
        let bytes = encode(&sample());
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_err());
        let mut other = bytes.clone();
        other[0] = VERSION + 1;
        assert_eq!(
            decode(&other),
            Err(CodecError::Version { found: VERSION + 1 })
        );
        // A count far larger than the bytes left.
        assert!(decode(&[VERSION, 0xff, 0xff, 0xff, 0xff, 0x0f]).is_err());
    }

    #[test]
    fn published_times_parse_with_zones() {
        assert_eq!(published_seconds("1970-01-02"), Some(86_400));
        assert_eq!(published_seconds("1970-01-01T01:00:00Z"), Some(3_600));
        assert_eq!(published_seconds("1970-01-01T01:00:30.25Z"), Some(3_630));
        assert_eq!(published_seconds("1970-01-01T02:00:00+01:00"), Some(3_600));
        assert_eq!(published_seconds("1970-01-01 00:00-0100"), Some(3_600));
        assert_eq!(published_seconds("yesterday"), None);
    }
}
