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
    /// Numbers, lower-case letters or upper-case letters.
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
            let v = s.get(i..i + n)?.parse().ok()?;
            i += n;
            (0, v)
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

/// Where the items of an inline numbered or lettered list start, after the
/// first: `s` must open with an enumerator, and each later item must carry
/// the next value in the same style, stand after white space and be followed
/// by a word that does not start in lower case. Offsets are relative to `s`.
pub(super) fn inline_items(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let Some(first) = enumerator(s) else {
        return out;
    };
    let b = s.as_bytes();
    let mut want = first.value + 1;
    let mut i = first.len;
    while i < b.len() {
        let after_space = b
            .get(i.wrapping_sub(1))
            .is_some_and(u8::is_ascii_whitespace);
        if after_space && (b[i].is_ascii_alphanumeric() || b[i] == b'(') {
            if let Some(e) = s.get(i..).and_then(enumerator) {
                let rest = s.get(i + e.len..).unwrap_or("");
                if e.style == first.style && e.value == want && opens_item(rest) {
                    out.push(i);
                    want += 1;
                    i += e.len;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
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
            ("US troops", 0),
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
        assert!(inline_items("He won 1. Then 2. Then").is_empty());
    }
}
