//! The one neutralising step between article text and a person.
//!
//! Article text comes from scrapers and feeds nobody controls. Before any
//! renderer writes it (terminal, text listings, the dedup table, HTML) it
//! becomes a [`Shown`], and [`Shown`] can only be made here: its field is
//! private and every constructor (and every `From`) runs [`for_terminal`].
//! The sinks take [`Shown`] only: `style::Rich::push` (every terminal
//! view), the listings' `writeln!`s, and the HTML page's interpolations
//! (`Shown` renders in maud, HTML-escaped after neutralising).
//!
//! What is neutralised, each shown as visible notation (`\x1b`, `\u{202e}`)
//! so a reader sees that it is there:
//! - C0 and C1 control characters and DEL: they move the cursor, clear the
//!   screen, ring the bell, and start ESC/CSI/OSC sequences (OSC 8 links,
//!   OSC 0 window titles). With ESC itself escaped, no sequence can start.
//! - Invisible format characters (Unicode general category Cf): the bidi
//!   embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
//!   reorder what is drawn; zero-width spaces and joiners, marks and the
//!   byte-order mark (U+200B–U+200F, U+2060–U+2064, U+FEFF); the soft
//!   hyphen; tag characters. They make two different texts look the same,
//!   which a diff tool must never do. The one exception is a zero-width
//!   joiner between two pictographs: it is how an emoji sequence such as
//!   👩‍🔬 is drawn, and it is drawn visibly.
//! - The line and paragraph separators U+2028 and U+2029, which some
//!   terminals and browsers break lines on.
//!
//! JSON output is data and keeps the raw text (serde escapes controls).

use std::borrow::Cow;
use std::fmt;
use unicode_properties::{GeneralCategory, UnicodeEmoji, UnicodeGeneralCategory};

/// Text from an article made safe to show: nothing in it can control a
/// terminal, reorder what is drawn, or hide. Made only by the sanitiser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown<'a>(Cow<'a, str>);

impl<'a> Shown<'a> {
    /// One line: newlines and other controls escaped, tabs made spaces.
    pub fn new(text: &'a str) -> Shown<'a> {
        Shown(for_terminal(text, false))
    }

    /// Several lines: as [`Shown::new`], but newlines kept.
    pub fn lines(text: &'a str) -> Shown<'a> {
        Shown(for_terminal(text, true))
    }

    /// The safe text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The same text, owning its bytes.
    pub fn into_owned(self) -> Shown<'static> {
        Shown(Cow::Owned(self.0.into_owned()))
    }
}

impl<'a> From<&'a str> for Shown<'a> {
    fn from(text: &'a str) -> Shown<'a> {
        Shown::new(text)
    }
}

impl<'a> From<&'a String> for Shown<'a> {
    fn from(text: &'a String) -> Shown<'a> {
        Shown::new(text)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `pad` so tables can align a `Shown` with `{:<20}`.
        f.pad(&self.0)
    }
}

/// In a maud template: HTML-escaped, after neutralising.
impl maud::Render for Shown<'_> {
    fn render_to(&self, buffer: &mut String) {
        self.0.as_ref().render_to(buffer)
    }
}

/// True for a character that must never reach a person raw. `prev` and
/// `next` are its neighbours (for the emoji joiner).
fn hostile(c: char, prev: Option<char>, next: Option<char>) -> bool {
    if c.is_control() {
        return true;
    }
    if c == '\u{200d}' {
        // Before the joiner may stand a presentation selector or skin tone.
        let before = prev.is_some_and(|c| !c.is_ascii() && c.is_emoji_char_or_emoji_component());
        let after = next.is_some_and(|c| !c.is_ascii() && c.is_emoji_char());
        return !(before && after);
    }
    matches!(
        c.general_category(),
        GeneralCategory::Format
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
    )
}

/// The sanitiser. Shows C0 and C1 control characters, DEL, invisible format
/// characters and bidi controls as visible notation (`\x1b`, `\u{9b}`,
/// `\u{202e}`), so text from an article can never move the cursor, change
/// colors, retitle the terminal, reorder a line or hide a difference. Tabs
/// become a space; newlines are kept only when `keep_newlines` is set.
/// Renderers take [`Shown`], which is made by this function.
pub fn for_terminal(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let mut prev = None;
    let mut chars = text.chars().peekable();
    let mut clean = true;
    while let Some(c) = chars.next() {
        if hostile(c, prev, chars.peek().copied()) && !(keep_newlines && c == '\n') {
            clean = false;
            break;
        }
        prev = Some(c);
    }
    if clean {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut prev = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => out.push(' '),
            '\n' if keep_newlines => out.push('\n'),
            c if hostile(c, prev, chars.peek().copied()) => {
                if (c as u32) < 0x80 {
                    out.push_str(&format!("\\x{:02x}", c as u32))
                } else {
                    out.push_str(&format!("\\u{{{:x}}}", c as u32))
                }
            }
            c => out.push(c),
        }
        prev = Some(c);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::{for_terminal, Shown};

    #[test]
    fn escapes_are_made_visible() {
        assert_eq!(for_terminal("a\x1b[31mb", false), "a\\x1b[31mb");
        assert_eq!(for_terminal("a\u{9b}b\x7f", false), "a\\u{9b}b\\x7f");
        assert_eq!(for_terminal("a\nb", true), "a\nb");
        assert_eq!(for_terminal("a\nb", false), "a\\x0ab");
        assert!(matches!(
            for_terminal("plain", false),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn bidi_and_invisible_characters_are_made_visible() {
        for (raw, shown) in [
            ("abc\u{202e}fed", "abc\\u{202e}fed"),
            ("x\u{2066}y\u{2069}", "x\\u{2066}y\\u{2069}"),
            ("pay\u{200b}pal", "pay\\u{200b}pal"),
            ("\u{feff}start", "\\u{feff}start"),
            ("a\u{2060}b\u{ad}c", "a\\u{2060}b\\u{ad}c"),
            ("one\u{2028}two", "one\\u{2028}two"),
            ("a\u{200d}b", "a\\u{200d}b"),
        ] {
            assert_eq!(for_terminal(raw, false), shown, "{raw:?}");
        }
    }

    #[test]
    fn ordinary_text_of_any_script_is_untouched() {
        for text in [
            "Café “quoted” — naïve",
            "Ministers met in Bru\u{308}ssel",
            "\u{645}\u{631}\u{62d}\u{628}\u{627}",
            "\u{5e9}\u{5dc}\u{5d5}\u{5dd} 東京 🚀",
            "a scientist 👩\u{200d}🔬 at work, ❤\u{fe0f}\u{200d}🔥",
        ] {
            assert_eq!(for_terminal(text, false), text);
        }
    }

    #[test]
    fn sanitising_twice_changes_nothing_more() {
        let once = Shown::new("\x1b]0;title\x07\u{202e}x");
        assert_eq!(Shown::new(once.as_str()), once);
    }

    #[test]
    fn html_escapes_after_neutralising() {
        let s = Shown::new("<b>\x1b[2J</b>\u{202e}");
        assert_eq!(
            maud::html! { (s) }.into_string(),
            "&lt;b&gt;\\x1b[2J&lt;/b&gt;\\u{202e}"
        );
    }
}
