//! Markup that scrapers leave in a body: HTML tags and entities, escapes
//! written out literally (`\r\n` as four characters), rule lines of `/`, `=`
//! or `*`. A reader sees none of it, so the segmenter must not either.
//!
//! [`mask`] returns a copy of the text of the same byte length in which
//! every piece of markup is blanked: tags and rules become spaces (block
//! elements such as `<p>` and `<br>` become line breaks, so they separate
//! sentences as the rendered page does), a literal `\n` becomes a newline,
//! and an entity becomes the character it stands for followed or preceded
//! by spaces. Spans found in the masked copy are spans of the original text:
//! markup is ASCII, so every byte of it is a char boundary there, and the
//! scanner trims the blanks like any white space, which leaves markup between
//! sentences out of every sentence (as boilerplate is left out). Markup
//! inside a sentence (`<em>not</em>`) stays in its span: a sentence's text
//! is always `text[start..end]`.
//!
//! Tags are recognised by HTML's closed set of element names, not by a
//! general HTML tokenizer: story text is prose in which `<` is mostly a
//! less-than sign (`x<y`, `<3`), and a tokenizer would read everything after
//! it up to the next `>` as a tag. Entities are decoded with `htmlize`, which
//! carries the whole HTML5 entity table.

/// A tag longer than this (attributes included) is not taken for one: real
/// tags with long `src` or `style` attributes stay well under it, and the
/// bound keeps the search for `>` linear.
const MAX_TAG_BYTES: usize = 2000;

/// The longest entity name in HTML5 is 31 characters (`&CounterClockwise…`).
const MAX_ENTITY_BYTES: usize = 34;

/// A run of this many identical rule characters (`///`, `===`, `***`) set
/// apart by white space draws a line, not a word.
const MIN_RULE: usize = 3;

/// HTML elements that start a new block (or line) when rendered: their tags
/// separate what is on either side.
#[rustfmt::skip]
const BLOCK: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
    "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td",
    "tfoot", "th", "thead", "title", "tr", "ul",
];

/// Elements that render inside a line (or not at all): their tags are blanks.
#[rustfmt::skip]
const INLINE: &[&str] = &[
    "a", "abbr", "b", "big", "button", "center", "cite", "code", "col", "del", "em", "embed",
    "font", "i", "iframe", "img", "input", "ins", "kbd", "label", "link", "mark", "meta",
    "noscript", "object", "option", "param", "picture", "q", "s", "samp", "select", "small",
    "source", "span", "strike", "strong", "sub", "sup", "svg", "time", "u", "var", "video", "wbr",
];

/// Elements whose content is never shown.
const HIDDEN: &[&str] = &["script", "style"];

/// Markup found in a text, blanked in a copy.
pub(super) struct Masked {
    /// The text with its markup blanked; the same length as the original.
    pub(super) text: String,
    /// Byte ranges of decoded entities, sorted: a span must not end or start
    /// inside one (the decoded character sits at one end of the range).
    entities: Vec<(usize, usize)>,
}

impl Masked {
    /// Widens a span found in the masked text so that it neither starts nor
    /// ends inside an entity of the original.
    pub(super) fn widen(&self, start: usize, end: usize) -> (usize, usize) {
        let inside = |at: usize| {
            let i = self.entities.partition_point(|&(_, e)| e <= at);
            self.entities.get(i).filter(|&&(s, _)| s < at).copied()
        };
        let start = inside(start).map_or(start, |(s, _)| s);
        let end = inside(end).map_or(end, |(_, e)| e);
        (start, end)
    }
}

/// A byte range of the text.
type Range = (usize, usize);

/// Bytes that may begin markup.
fn is_trigger(b: u8) -> bool {
    matches!(
        b,
        b'<' | b'&' | b'\\' | b'/' | b'=' | b'*' | b'~' | b'_' | b'#' | b'-' | b'\n'
    )
}

/// Blanks the markup of `text`; `None` when there is none (the common case,
/// which costs one pass of byte look-ups and no copy).
pub(super) fn mask(text: &str) -> Option<Masked> {
    let b = text.as_bytes();
    let mut out: Option<(Vec<u8>, Vec<Range>)> = None;
    let mut i = 0;
    while i < b.len() {
        if !is_trigger(b[i]) {
            i += 1;
            continue;
        }
        let found = match b[i] {
            b'<' => tag(text, i),
            b'&' => escaped_tag(text, i)
                .or_else(|| entity(text, i).map(|(end, c)| (end, Blank::Char(c)))),
            b'\\' => escape(b, i),
            b'\n' => punctuation_line(b, i + 1).map(|end| (end, Blank::Line)),
            _ => {
                // What comes before may itself be blanked markup (`\\n===`).
                let seen = out.as_ref().map_or(b, |(o, _)| o.as_slice());
                let after_space = i == 0 || seen[i - 1].is_ascii_whitespace();
                rule(b, i, after_space).map(|end| (end, Blank::Space))
            }
        };
        let Some((end, blank)) = found else {
            i += 1;
            continue;
        };
        let (bytes, entities) = out.get_or_insert_with(|| (b.to_vec(), Vec::new()));
        let piece = &mut bytes[i..end];
        piece.fill(b' ');
        match blank {
            Blank::Space => {}
            Blank::Line => piece[0] = b'\n',
            Blank::Block => {
                piece[0] = b'\n';
                if let Some(last) = piece.last_mut() {
                    *last = b'\n';
                }
            }
            Blank::Char(c) => {
                let mut buf = [0; 4];
                let enc = c.encode_utf8(&mut buf).as_bytes();
                // The character goes at the end that touches a word: a
                // closing quote after `done,`, an opening one before `We`.
                let glued_before = i > 0 && !b[i - 1].is_ascii_whitespace();
                let glued_after = b.get(end).is_some_and(|x| !x.is_ascii_whitespace());
                let at = if glued_after && !glued_before {
                    piece.len() - enc.len()
                } else {
                    0
                };
                piece[at..at + enc.len()].copy_from_slice(enc);
                entities.push((i, end));
            }
        }
        i = end;
    }
    let (bytes, entities) = out?;
    // Only ASCII markup was replaced, by ASCII or by whole UTF-8 characters.
    let text = String::from_utf8(bytes).ok()?;
    Some(Masked { text, entities })
}

/// What a piece of markup is replaced with.
enum Blank {
    /// Spaces.
    Space,
    /// A line break, then spaces.
    Line,
    /// A blank line: a line break at both ends.
    Block,
    /// The decoded character, then spaces.
    Char(char),
}

/// An HTML tag, comment or doctype at `i`: its end and its blank.
fn tag(text: &str, i: usize) -> Option<(usize, Blank)> {
    let b = text.as_bytes();
    let rest = b.get(i + 1..)?;
    if rest.starts_with(b"!--") {
        let limit = b.len().min(i + MAX_TAG_BYTES);
        let close = memchr::memmem::find(b.get(i + 4..limit)?, b"-->")?;
        return Some((i + 4 + close + 3, Blank::Space));
    }
    if rest.first() == Some(&b'!') {
        let close = close_bracket(b, i)?;
        return Some((close, Blank::Space));
    }
    let closing = rest.first() == Some(&b'/');
    let from = i + 1 + usize::from(closing);
    let n = b
        .get(from..)?
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let name = text.get(from..from + n)?;
    // After the name: `>`, `/>` or white space and attributes.
    match b.get(from + n) {
        Some(b'>' | b'/') => {}
        Some(c) if c.is_ascii_whitespace() && !closing => {}
        _ => return None,
    }
    let end = close_bracket(b, from + n)?;
    let is = |list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(name));
    if is(HIDDEN) && !closing {
        // The content of a script or style is no text: blank through its
        // closing tag, or leave it when none follows within reach.
        let limit = b.len().min(end + 64 * MAX_TAG_BYTES);
        let hay = text.get(end..limit)?.to_ascii_lowercase();
        let close = memchr::memmem::find(
            hay.as_bytes(),
            format!("</{}", name.to_ascii_lowercase()).as_bytes(),
        )?;
        let stop = close_bracket(b, end + close + 1)?;
        return Some((stop, Blank::Block));
    }
    if name.eq_ignore_ascii_case("br") {
        Some((end, Blank::Line))
    } else if is(BLOCK) {
        Some((
            end,
            if end - i >= 2 {
                Blank::Block
            } else {
                Blank::Line
            },
        ))
    } else if is(INLINE) || is(HIDDEN) {
        Some((end, Blank::Space))
    } else {
        None
    }
}

/// A tag written with entities for its brackets (`&lt;p&gt;`, as a page
/// that escaped its own markup shows it): read as the tag it spells, by the
/// same element names. Its end and its blank.
fn escaped_tag(text: &str, i: usize) -> Option<(usize, Blank)> {
    let b = text.as_bytes();
    if !b.get(i..i + 4)?.eq_ignore_ascii_case(b"&lt;") {
        return None;
    }
    let limit = b.len().min(i + MAX_TAG_BYTES);
    let inner = b.get(i + 4..limit)?;
    let close = memchr::memmem::find(inner, b"&gt;")?;
    let inner = text.get(i + 4..i + 4 + close)?;
    if inner.contains(['<', '>']) || inner.contains("&lt;") {
        return None;
    }
    let spelled = format!("<{inner}>");
    let (_, blank) = tag(&spelled, 0)?;
    Some((i + 4 + close + 4, blank))
}

/// The position after the `>` that closes a tag opened before `from`, with
/// no `<` on the way and within [`MAX_TAG_BYTES`].
fn close_bracket(b: &[u8], from: usize) -> Option<usize> {
    let limit = b.len().min(from + MAX_TAG_BYTES);
    let hay = b.get(from..limit)?;
    let p = memchr::memchr2(b'>', b'<', hay)?;
    (hay[p] == b'>').then_some(from + p + 1)
}

/// An entity at `i` (`&amp;`, `&#8220;`, `&#x2014;`), its end and the
/// character it stands for (white space for `&nbsp;`).
fn entity(text: &str, i: usize) -> Option<(usize, char)> {
    let b = text.as_bytes();
    let limit = b.len().min(i + MAX_ENTITY_BYTES);
    let semi = memchr::memchr(b';', b.get(i + 1..limit)?)? + i + 1;
    let body = b.get(i + 1..semi)?;
    let ok = match body {
        [b'#', b'x' | b'X', hex @ ..] => !hex.is_empty() && hex.iter().all(u8::is_ascii_hexdigit),
        [b'#', dec @ ..] => !dec.is_empty() && dec.iter().all(u8::is_ascii_digit),
        [first, more @ ..] => {
            first.is_ascii_alphabetic() && more.iter().all(u8::is_ascii_alphanumeric)
        }
        [] => false,
    };
    if !ok {
        return None;
    }
    let slice = text.get(i..=semi)?;
    let decoded = htmlize::unescape(slice);
    let mut chars = decoded.chars();
    let c = chars.next()?;
    // Not an entity after all, or one that stands for several characters.
    if decoded == slice || chars.next().is_some() || c.len_utf8() > slice.len() {
        return None;
    }
    let c = if c.is_whitespace() || c.is_control() {
        ' '
    } else {
        c
    };
    Some((semi + 1, c))
}

/// An escape written out literally at `i`: `\n` or `\r` (a line break),
/// `\t` (a space), `\"` and `\'` (the quote). It counts when it cannot be
/// part of a path or word: the letter after it is not lower case, or what
/// comes before the backslash is not a letter, digit, `:` or `/`
/// (`C:\new\thing` stays).
fn escape(b: &[u8], i: usize) -> Option<(usize, Blank)> {
    let c = *b.get(i + 1)?;
    if matches!(c, b'"' | b'\'') {
        return Some((i + 2, Blank::Char(char::from(c))));
    }
    if !matches!(c, b'n' | b'r' | b't') {
        return None;
    }
    let before = i.checked_sub(1).map(|p| b[p]);
    let after = b.get(i + 2).copied();
    let free_before = before.map_or(true, |p| {
        !(p.is_ascii_alphanumeric() || matches!(p, b':' | b'/'))
    }) || (i >= 2 && b[i - 2] == b'\\');
    let free_after = after.map_or(true, |a| !a.is_ascii_lowercase());
    if !(free_before || free_after) {
        return None;
    }
    Some((i + 2, if c == b'n' { Blank::Line } else { Blank::Space }))
}

/// A rule at `i`: a run of at least [`MIN_RULE`] identical characters of
/// `/ = * ~ _ # -`, maybe spaced out (`* * *`), standing alone between white
/// space (or line ends).
fn rule(b: &[u8], i: usize, after_space: bool) -> Option<usize> {
    let c = b[i];
    if !after_space {
        return None;
    }
    let mut j = i;
    let mut count = 0;
    loop {
        if b.get(j) == Some(&c) {
            j += 1;
            count += 1;
        } else if b.get(j) == Some(&b' ') && b.get(j + 1) == Some(&c) {
            j += 1;
        } else {
            break;
        }
    }
    // White space, the end, or a literal escape (`===\\r\\n`) after it.
    let alone = b
        .get(j)
        .map_or(true, |&x| x.is_ascii_whitespace() || x == b'\\');
    (count >= MIN_RULE && alone).then_some(j)
}

/// A line of punctuation alone from `i` (the byte after a newline) to its
/// end, where it ends: at least [`MIN_RULE`] marks of the kinds scrapers and
/// typists draw rules with (`+-+-+-+`, `.........`, `|---|---|`), and
/// nothing else but spaces. Such a line carries no word a reader reads, so
/// it is decoration, whatever the mix of marks.
fn punctuation_line(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    let mut marks = 0;
    while let Some(&c) = b.get(j) {
        match c {
            b'\n' | b'\r' => break,
            b' ' | b'\t' => {}
            b'-' | b'=' | b'+' | b'*' | b'~' | b'_' | b'#' | b'/' | b'.' | b'|' | b':' | b'^' => {
                marks += 1;
            }
            _ => return None,
        }
        j += 1;
    }
    (marks >= MIN_RULE).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(text: &str) -> String {
        mask(text).map_or_else(|| text.to_string(), |m| m.text)
    }

    #[test]
    fn markup_is_blanked_in_place() {
        let rows = [
            ("<p>Hi.</p>", "\n \nHi.\n  \n"),
            ("a <b>bold</b> word", "a    bold     word"),
            ("x<y and 3 <4", "x<y and 3 <4"),
            ("<notatag>", "<notatag>"),
            ("AT&amp;T", "AT&    T"),
            ("say &quot;no&quot;", "say      \"no\"     "),
            ("one\\r\\ntwo", "one  \n two"),
            ("C:\\new\\thing", "C:\\new\\thing"),
            ("end.\\nNext", "end.\n Next"),
            ("a\n//////\nb", "a\n      \nb"),
            ("a\n+-+-+-+\nb", "a\n       \nb"),
            ("a\n. . . . .\r\nb", "a\n         \r\nb"),
            ("a\n...x\nb", "a\n...x\nb"),
            ("a * * * b", "a       b"),
            ("a ** b", "a ** b"),
            ("f***", "f***"),
            ("&nosuch; &#8212;", "&nosuch; —    "),
            ("<!-- note -->Hi", "             Hi"),
            ("&lt;p&gt;Hi.", "\n       \nHi."),
            ("a &lt;i&gt;b", "a          b"),
            ("1 &lt; 2 &gt; 0", "1 <    2 >    0"),
            (
                "<script>var x = 1;</script>Hi",
                "\n                         \nHi",
            ),
        ];
        for (text, want) in rows {
            let got = masked(text);
            assert_eq!(got, want, "{text:?}");
            assert_eq!(got.len(), text.len());
        }
    }

    #[test]
    fn spans_widen_over_entities() {
        let text = "say &quot;no&quot;";
        let m = mask(text).expect("markup");
        // The masked closing quote sits at the entity's first byte.
        assert_eq!(m.widen(9, 13), (4, 18));
    }
}
