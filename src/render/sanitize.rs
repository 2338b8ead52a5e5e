//! Escaping of untrusted article text before it reaches a terminal.

use std::borrow::Cow;

/// Shows C0 and C1 control characters and DEL as visible notation (`\x1b`,
/// `\u{9b}`), so text from an article can never move the cursor, change
/// colors or retitle the terminal. Tabs become a space; newlines are kept
/// only when `keep_newlines` is set.
pub fn for_terminal(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let bad = |c: char| c.is_control() && !(keep_newlines && c == '\n');
    if !text.chars().any(bad) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' => out.push(' '),
            '\n' if keep_newlines => out.push('\n'),
            c if (c as u32) < 0x80 && c.is_control() => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::for_terminal;

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
}
