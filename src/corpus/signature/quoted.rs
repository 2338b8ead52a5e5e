//! Quoted stretches: one hash per statement in quotation marks, so that
//! two reports of one statement are found however the rest is worded.

use super::words::{for_each_word, mix};

/// Quoted stretches shorter than this are terms in quotes, not statements.
pub const MIN_QUOTE_WORDS: usize = 4;

/// Hashes of the quoted stretches of `text` (straight or curly double
/// quotes) of at least [`MIN_QUOTE_WORDS`] words.
pub(super) fn quote_hashes(text: &str, buf: &mut String) -> Vec<u64> {
    // Searches bytes, not chars: every mark looked for starts with a byte
    // that is never inside a multi-byte character (`"`, `\n`, and 0xE2,
    // the lead byte of the curly quotes U+201C and U+201D), so the
    // positions found are character boundaries. memchr jumps between
    // candidates many bytes at a time; a byte-by-byte loop over every
    // story was about a tenth of the signature.
    const CURLY_OPEN: &[u8] = "\u{201c}".as_bytes();
    const CURLY_CLOSE: &[u8] = "\u{201d}".as_bytes();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut from = 0;
    loop {
        let rest = bytes.get(from..).unwrap_or(&[]);
        // Line breaks matter only inside a quote.
        let found = match open {
            None => memchr::memchr2(b'"', 0xE2, rest),
            Some(_) => memchr::memchr3(b'"', 0xE2, b'\n', rest),
        };
        let Some(at) = found else { break };
        let i = from + at;
        from = i + 1;
        let (opens, closes, width) = match bytes.get(i) {
            Some(b'"') => (true, true, 1),
            Some(0xE2) => {
                let rest = bytes.get(i..).unwrap_or(&[]);
                if rest.starts_with(CURLY_OPEN) {
                    (true, false, CURLY_OPEN.len())
                } else if rest.starts_with(CURLY_CLOSE) {
                    (false, true, CURLY_CLOSE.len())
                } else {
                    continue;
                }
            }
            Some(b'\n') => {
                // A quote left open at a paragraph break is not carried on.
                if bytes.get(i + 1) == Some(&b'\n') {
                    open = None;
                }
                continue;
            }
            _ => continue,
        };
        match open {
            None if opens => open = Some(i + width),
            Some(s) if closes => {
                if let Some(q) = text.get(s..i) {
                    let mut n = 0usize;
                    let mut acc = 0x2545_f491_4f6c_dd1du64;
                    for_each_word(q, buf, |h, _, _| {
                        n += 1;
                        acc = mix(acc.rotate_left(7) ^ h);
                    });
                    if n >= MIN_QUOTE_WORDS {
                        out.push(acc);
                    }
                }
                open = None;
            }
            _ => {}
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}
