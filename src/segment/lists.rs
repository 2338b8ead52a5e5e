//! List markers: bullets (`•`, `⁃`), numbers (`1.`, `2)`, `3.)`, `(4)`) and
//! letters (`a.`, `b)`). A marker opens an item, so its period is never a
//! sentence end, and a run of numbered or lettered markers on one line
//! (`1) The first item 2) The second item`) splits the line into items.

/// Bullet characters that mark a list item wherever they stand after white
/// space. Dashes and asterisks count only at the start of a line (see
/// [`line_bullet`]), because inside a line they are punctuation.
pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '‣'
            | '⁃'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▸'
            | '✓'
            | '✔'
    )
}

/// A dash or asterisk followed by white space, at the start of a line.
pub(super) fn line_bullet(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('-' | '*' | '–' | '—' | '+'))
        && chars.next().is_some_and(char::is_whitespace)
}

/// How an enumerator is written: the case of a letter, and what follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Style {
    /// Numbers, lower-case letters, upper-case letters, roman numerals
    /// (lower, upper), or section numbers of several levels (`2.1.`).
    kind: u8,
    /// `.`, `)`, `.)` or `(…)`.
    suffix: u8,
}

/// An enumerator such as `2.)` or `b.`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Enumerator {
    pub(super) style: Style,
    pub(super) value: u32,
    /// Byte length of the enumerator.
    pub(super) len: usize,
}

/// Numbers of more digits than this are years or amounts, not item numbers.
const MAX_ITEM_DIGITS: usize = 3;

/// Parses an enumerator at the start of `s`; it must be followed by white
/// space or the end of `s`.
pub(super) fn enumerator(s: &str) -> Option<Enumerator> {
    let b = s.as_bytes();
    let paren = b.first() == Some(&b'(');
    let mut i = usize::from(paren);
    let (kind, value) = match b.get(i) {
        Some(d) if d.is_ascii_digit() => {
            let n = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            if n > MAX_ITEM_DIGITS {
                return None;
            }
            let mut v = s.get(i..i + n)?.parse().ok()?;
            i += n;
            // `2.1.`, `3.2.4`: a section number of several levels. It
            // needs a closing period or a third level, so that an amount
            // (`1.5 million`) is never read as one.
            let mut levels = 0;
            while b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                let m = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
                if m > MAX_ITEM_DIGITS {
                    return None;
                }
                v = s.get(i + 1..i + 1 + m)?.parse().ok()?;
                i += 1 + m;
                levels += 1;
            }
            if levels > 0 {
                let closed = b.get(i) == Some(&b'.');
                if paren || !(closed || levels >= 2) {
                    return None;
                }
                i += usize::from(closed);
                let rest = s.get(i..)?;
                if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
                    return None;
                }
                return Some(Enumerator {
                    style: Style { kind: 5, suffix: 0 },
                    value: v,
                    len: i,
                });
            }
            (0, v)
        }
        // `ii)`, `(iv)`, `XII.`: roman numerals, one case, two to four
        // letters (a lone `i` or `v` reads as a letter; see [`as_roman`]).
        Some(c) if roman_len(&b[i..]) > 1 => {
            let n = roman_len(&b[i..]);
            let v = roman_value(&b[i..i + n]);
            i += n;
            (if c.is_ascii_lowercase() { 3 } else { 4 }, v)
        }
        Some(c) if c.is_ascii_lowercase() => {
            i += 1;
            (1, u32::from(c - b'a'))
        }
        Some(c) if c.is_ascii_uppercase() => {
            i += 1;
            (2, u32::from(c - b'A'))
        }
        _ => return None,
    };
    let suffix = if paren {
        if b.get(i) != Some(&b')') {
            return None;
        }
        i += 1;
        3
    } else if b.get(i..i + 2) == Some(b".)") {
        i += 2;
        2
    } else if b.get(i) == Some(&b')') {
        i += 1;
        1
    } else if b.get(i) == Some(&b'.') {
        i += 1;
        0
    } else {
        return None;
    };
    let rest = s.get(i..)?;
    if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some(Enumerator {
        style: Style { kind, suffix },
        value,
        len: i,
    })
}

/// Roman numerals longer than this are words, not item numbers.
const MAX_ROMAN: usize = 4;

/// The length of a run of roman-numeral letters (`i`, `v`, `x`, all one
/// case) at the start of `b`, if it is at most [`MAX_ROMAN`] long.
/// The value of a roman numeral of `i`, `v` and `x` (either case): each
/// letter adds, except one written before a larger one, which subtracts.
/// A malformed run (`iiv`) gets some value and simply matches no sequence.
fn roman_value(b: &[u8]) -> u32 {
    let digit = |c: u8| match c.to_ascii_lowercase() {
        b'i' => 1,
        b'v' => 5,
        _ => 10,
    };
    let mut total = 0i64;
    for (n, &c) in b.iter().enumerate() {
        let d = digit(c);
        if b.get(n + 1).is_some_and(|&e| digit(e) > d) {
            total -= d;
        } else {
            total += d;
        }
    }
    u32::try_from(total.max(0)).unwrap_or(0)
}

/// A lone `i`/`I` enumerator read as the roman numeral one: a list whose
/// first item is `i.` goes on with `ii.`, not with `j.`.
fn as_roman(e: Enumerator) -> Option<Enumerator> {
    let kind = match (e.style.kind, e.value) {
        (1, 8) => 3,
        (2, 8) => 4,
        _ => return None,
    };
    Some(Enumerator {
        style: Style {
            kind,
            suffix: e.style.suffix,
        },
        value: 1,
        len: e.len,
    })
}

fn roman_len(b: &[u8]) -> usize {
    let lower = b.first().is_some_and(u8::is_ascii_lowercase);
    let n = b
        .iter()
        .take_while(|&&c| {
            if lower {
                matches!(c, b'i' | b'v' | b'x')
            } else {
                matches!(c, b'I' | b'V' | b'X')
            }
        })
        .count();
    if n <= MAX_ROMAN {
        n
    } else {
        0
    }
}

/// The byte length of a list marker at the start of `s` (a bullet, an
/// enumerator, or a bullet followed by an enumerator: `• 9.`), or 0.
pub(super) fn marker_len(s: &str) -> usize {
    let mut len = 0;
    if let Some(c) = s.chars().next() {
        if is_bullet(c) || line_bullet(s) {
            len = c.len_utf8();
        }
    }
    let rest = s.get(len..).unwrap_or("");
    let gap = rest.len() - rest.trim_start().len();
    match enumerator(&rest[gap..]) {
        Some(e) => len + gap + e.len,
        None => len,
    }
}

/// How far after a list's first item its second must start for the run to
/// count as a list. Items are short; the bound keeps the search linear.
const MAX_ITEM_BYTES: usize = 1000;

/// Where the items of inline numbered or lettered lists start. A list opens
/// at the start of `s` with any enumerator, or after a sentence end or colon
/// with a first enumerator (`1.`, `a)`) whose second follows within reach
/// (`Finally, this. 1. The first item 2. The second`). Each later item must
/// carry the next value in the same style, stand after white space and be
/// followed by a word that does not start in lower case. Offsets are
/// relative to `s`; offset 0 is never listed.
pub(super) fn inline_items(s: &str) -> Vec<usize> {
    // Every enumerator ends in `.` or `)`: visit only those bytes (a few in a
    // hundred, found with `str::find`'s fast byte search) and look back for
    // the enumerator's start. A list keeps one style, so each ending is read
    // on its own.
    let mut out = items_ending_in(s, '.');
    out.extend(items_ending_in(s, ')'));
    out.sort_unstable();
    out.dedup();
    out
}

fn items_ending_in(s: &str, end: char) -> Vec<usize> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    // The style of the list being read and the value its next item carries.
    let mut current: Option<(Style, u32)> = None;
    // Whether its items may start in lower case (see below).
    let mut lower_ok = false;
    let mut from = 0;
    while let Some(p) = s.get(from..).and_then(|r| r.find(end)) {
        let mark = from + p;
        from = mark + 1;
        let Some(i) = enumerator_start(b, mark) else {
            continue;
        };
        let Some(mut e) = s.get(i..).and_then(enumerator) else {
            continue;
        };
        // A lone `i` opens or continues a roman list unless a lettered list
        // is at `i` already (`… h) … i) …`).
        if let Some(r) = as_roman(e) {
            if current != Some((e.style, e.value)) {
                e = r;
            }
        }
        let rest = s.get(i + e.len..).unwrap_or("");
        // `• 9. The first`: the item starts at its bullet.
        let item = bullet_before(s, i).unwrap_or(i);
        let continues = current == Some((e.style, e.value));
        // Three enumerators in sequence are a list whatever the case of its
        // items (`things: 1) a tent 2) a car 3) food`); prose does not
        // number three things in a row by chance.
        let three = || {
            has_item(s, i + e.len, e.style, e.value + 1, false)
                && has_item(s, i + e.len, e.style, e.value + 2, false)
        };
        // An enumerator closed by a bracket (`1)`, `(a)`) that opens a
        // sentence or follows a colon marks an item and nothing else (a
        // number or letter closing a sentence is written `1.`, never `1)`),
        // so two in sequence already make a list whatever the case
        // (`Answer: (a) yes (b) no`); joined by `,`/`and` they stay an
        // enumeration inside the sentence (see [`run_on`]).
        let bracketed_pair = || end == ')' && has_item(s, i + e.len, e.style, e.value + 1, false);
        let accepted = if item == 0 {
            lower_ok = three() || bracketed_pair();
            true
        } else if continues {
            opens_item(rest) || lower_ok && !run_on(&s[..item])
        } else {
            // Numbered lists may go on from an earlier one (`4) … 5) …`);
            // a lettered one starts at `a`.
            let first = (e.style.kind == 0 || e.value == first_value(e.style))
                && after_sentence_end(s.get(..item).unwrap_or(""));
            if first && opens_item(rest) && has_item(s, i + e.len, e.style, e.value + 1, true) {
                lower_ok = three();
                true
            } else if first && (three() || bracketed_pair()) {
                lower_ok = true;
                true
            } else {
                false
            }
        };
        if accepted {
            if item > 0 {
                out.push(item);
            }
            current = Some((e.style, e.value + 1));
            from = from.max(i + e.len);
        }
    }
    out
}

/// Where an enumerator ending with the `.` or `)` at `mark` would start:
/// after up to three digits or one letter, maybe after `(`, at the start of
/// the text or after white space.
fn enumerator_start(b: &[u8], mark: usize) -> Option<usize> {
    let mut i = mark;
    // `2.)`: the period before the bracket ends the digits.
    if b.get(mark) == Some(&b')') && mark > 0 && b.get(mark - 1) == Some(&b'.') {
        i -= 1;
    }
    let before = b.get(..i).unwrap_or(&[]);
    let digits = before
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if (1..=MAX_ITEM_DIGITS).contains(&digits) {
        i -= digits;
    } else if digits == 0 && before.last().is_some_and(u8::is_ascii_alphabetic) {
        // One letter, or a roman numeral of up to four (`iii.`).
        let letters = before
            .iter()
            .rev()
            .take(MAX_ROMAN + 1)
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        let roman = roman_len(&before[before.len() - letters..]);
        i -= if roman == letters && letters <= MAX_ROMAN {
            letters
        } else {
            1
        };
    } else {
        return None;
    }
    if i > 0 && b.get(i - 1) == Some(&b'(') {
        i -= 1;
    }
    // White space before, or a bullet glued to it (`⁃10.`).
    let glued = || {
        std::str::from_utf8(&b[i.saturating_sub(4)..i])
            .ok()
            .or_else(|| std::str::from_utf8(&b[i.saturating_sub(3)..i]).ok())
            .and_then(|t| t.chars().next_back())
            .is_some_and(is_bullet)
    };
    (i == 0 || b.get(i - 1).is_some_and(u8::is_ascii_whitespace) || glued()).then_some(i)
}

/// Where the bullet before an enumerator at `i` starts (`• 9.`, `⁃10.`):
/// glued or one space before it, with white space or the text's start
/// before the bullet.
fn bullet_before(s: &str, i: usize) -> Option<usize> {
    let before = s.get(..i)?;
    let before = before.strip_suffix(' ').unwrap_or(before);
    let c = before.chars().next_back().filter(|&c| is_bullet(c))?;
    let start = before.len() - c.len_utf8();
    let ok = s[..start]
        .chars()
        .next_back()
        .map_or(true, char::is_whitespace);
    ok.then_some(start)
}

/// The value a list's first item carries: 1, `a` or `i`.
fn first_value(style: Style) -> u32 {
    match style.kind {
        1 | 2 => 0,
        _ => 1,
    }
}

/// True when the text before ends a sentence or introduces a list.
fn after_sentence_end(before: &str) -> bool {
    before.trim_end().ends_with(['.', '!', '?', ':', ';', '…'])
}

/// True when an item of `value` in `style` follows `from` within reach;
/// `capital` asks that it open like an item (see [`opens_item`]).
fn has_item(s: &str, from: usize, style: Style, value: u32, capital: bool) -> bool {
    let b = s.as_bytes();
    let to = b.len().min(from + MAX_ITEM_BYTES);
    (from..to).any(|i| {
        b.get(i.wrapping_sub(1))
            .is_some_and(u8::is_ascii_whitespace)
            && s.get(i..).and_then(enumerator).is_some_and(|e| {
                let e = as_roman(e).filter(|r| r.style == style).unwrap_or(e);
                e.style == style
                    && e.value == value
                    && if capital {
                        opens_item(s.get(i + e.len..).unwrap_or(""))
                    } else {
                        !run_on(&s[..i])
                    }
            })
    })
}

/// True when the text before a lower-case item joins it to the one before
/// (`(a) the cost, (b) the time, and (c) the risk`): an enumeration inside a
/// sentence, not a list of items.
fn run_on(before: &str) -> bool {
    let t = before.trim_end();
    let t = t.strip_suffix(['•', '⁃']).unwrap_or(t).trim_end();
    if t.ends_with([',', ';']) {
        return true;
    }
    let last = t.rsplit(char::is_whitespace).next().unwrap_or("");
    ["and", "or", "nor"]
        .iter()
        .any(|w| last.eq_ignore_ascii_case(w))
}

/// True when the text after an enumerator looks like the start of an item.
fn opens_item(rest: &str) -> bool {
    rest.trim_start()
        .chars()
        .next()
        .is_some_and(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enumerators_and_markers() {
        let rows = [
            ("1. The", 2),
            ("2.) The", 3),
            ("3) x", 2),
            ("(4) x", 3),
            ("b. The", 2),
            ("• 9. The", "• 9.".len()),
            ("⁃10. The", "⁃10.".len()),
            ("- item", 1),
            ("2011. The", 0),
            ("1.5 million", 0),
            ("2.1. Methods", 4),
            ("3.2.4 Results", 5),
            ("1.5.", 4),
            ("1.25 percent", 0),
            ("(2.1) x", 0),
            ("US troops", 0),
            ("(iv) x", 4),
            ("ii) x", 3),
            ("XII. x", 4),
            ("ivy. x", 0),
            ("", 0),
        ];
        for (s, want) in rows {
            assert_eq!(marker_len(s), want, "{s:?}");
        }
    }

    #[test]
    fn inline_items_follow_the_sequence() {
        let s = "1) Buy bread 2) Sell eggs 4) Never";
        assert_eq!(inline_items(s), vec![13]);
        assert!(inline_items("a. apples b. pears").is_empty());
        let s = "Take: 1) a tent 2) a car 3) food";
        assert_eq!(inline_items(s), vec![6, 16, 25]);
        // Bracketed enumerators after a colon mark items even two at a time.
        assert_eq!(inline_items("Take: 1) a tent 2) a car"), vec![6, 16]);
        assert!(inline_items("Take: 1. a tent 2. a car").is_empty());
        assert!(inline_items("Take: 1) a tent, 2) a car").is_empty());
        assert!(inline_items("Three themes: (a) cost, (b) time, and (c) risk").is_empty());
        assert!(inline_items("He won 1. Then 2. Then").is_empty());
        let s = "Last, this. 1. The first 2. The second";
        assert_eq!(inline_items(s), vec![12, 25]);
        assert!(inline_items("For 1. above and 2. above").is_empty());
        let s = "i. Pack ii. Fill iii. Go iv. Rest";
        assert_eq!(inline_items(s), vec![8, 17, 25]);
        let s = "Then this. (i) Pack (ii) Fill";
        assert_eq!(inline_items(s), vec![11, 20]);
        // A lettered list reaching `i` goes on with `j`.
        let s = "h) Pack i) Fill j) Go";
        assert_eq!(inline_items(s), vec![8, 16]);
    }
}
