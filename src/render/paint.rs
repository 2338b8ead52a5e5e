//! Painting: styles become ANSI SGR codes (written by anstyle) only when
//! the caller's ink ([`Ink`]) says so. Styles are plain values, renderers
//! never read the environment, and the binary decides.

use super::options::{Ink, Theme};
use super::rich::{width, Change, Color, Rich, Style};
use std::fmt::Write as _;
use std::ops::Range;

impl Color {
    fn ansi(self) -> anstyle::AnsiColor {
        match self {
            Color::Red => anstyle::AnsiColor::Red,
            Color::Green => anstyle::AnsiColor::Green,
            Color::Yellow => anstyle::AnsiColor::Yellow,
            Color::Blue => anstyle::AnsiColor::Blue,
            Color::Magenta => anstyle::AnsiColor::Magenta,
            Color::Cyan => anstyle::AnsiColor::Cyan,
        }
    }
}

impl Change {
    /// A 256-color background: dark red and dark green under a dark
    /// terminal's light text, pale red and pale green under a light
    /// terminal's dark text (the shades delta and GitHub use).
    fn background(self, theme: Theme) -> anstyle::Ansi256Color {
        anstyle::Ansi256Color(match (theme, self) {
            (Theme::Dark, Change::Deleted) => 52,
            (Theme::Dark, Change::Inserted) => 22,
            (Theme::Light, Change::Deleted) => 224,
            (Theme::Light, Change::Inserted) => 194,
        })
    }
}

impl Style {
    /// The same style as anstyle paints it in `theme`.
    fn paint(self, theme: Theme) -> anstyle::Style {
        let mut effects = anstyle::Effects::new();
        for (on, effect) in [
            (self.bold, anstyle::Effects::BOLD),
            (self.underline, anstyle::Effects::UNDERLINE),
            (self.strike, anstyle::Effects::STRIKETHROUGH),
        ] {
            if on {
                effects |= effect;
            }
        }
        anstyle::Style::new()
            .fg_color(self.fg.map(|c| c.ansi().into()))
            .bg_color(self.change.map(|c| c.background(theme).into()))
            .effects(effects)
    }
}

/// Appends the part `range` of a text to `out`, painted when `color`.
/// Returns the width it takes, measured on the plain text.
pub fn paint(rich: &Rich, range: Range<usize>, color: Ink, out: &mut String) -> usize {
    let plain = rich.text.get(range.clone()).unwrap_or("");
    let Some(theme) = color else {
        out.push_str(plain);
        return width(plain);
    };
    for (r, style) in &rich.runs {
        let s = r.start.max(range.start);
        let e = r.end.min(range.end);
        if s >= e {
            continue;
        }
        let part = rich.text.get(s..e).unwrap_or("");
        let painted = style.paint(theme);
        if painted.is_plain() {
            out.push_str(part);
        } else {
            let _ = write!(out, "{}{part}{}", painted.render(), painted.render_reset());
        }
    }
    width(plain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::word_diff;
    use crate::render::testing;

    #[test]
    fn punctuation_changes_are_underlined_in_color() {
        let mut r = Rich::new();
        r.push_diff(
            &word_diff("yes, we agree", "yes we agree"),
            None,
            Some(Theme::Dark),
        );
        let mut out = String::new();
        paint(&r, 0..r.text().len(), Some(Theme::Dark), &mut out);
        assert_eq!(
            testing::explain_ansi(&out),
            "yes<underline strike on-52>,</> we agree"
        );
    }

    #[test]
    fn deletions_and_insertions_differ_by_more_than_hue() {
        let cue = |s: Style| (s.strike, s.underline);
        assert_ne!(cue(Style::DELETED), cue(Style::INSERTED));
        for theme in [Theme::Dark, Theme::Light] {
            let (d, i) = (Style::DELETED.paint(theme), Style::INSERTED.paint(theme));
            assert!(d.get_bg_color().is_some() && i.get_bg_color().is_some());
            assert_ne!(d.get_bg_color(), i.get_bg_color());
        }
    }

    #[test]
    fn painting_is_by_span_and_only_when_asked() {
        let mut r = Rich::new();
        r.push("keep ", Style::PLAIN).push("gone", Style::DELETED);
        let mut plain = String::new();
        assert_eq!(paint(&r, 0..r.text().len(), None, &mut plain), 9);
        assert_eq!(plain, "keep gone");
        let mut colored = String::new();
        assert_eq!(
            paint(&r, 2..r.text().len(), Some(Theme::Dark), &mut colored),
            7
        );
        assert_eq!(colored, "ep \x1b[9m\x1b[48;5;52mgone\x1b[0m");
        assert_eq!(testing::explain_ansi(&colored), "ep <strike on-52>gone</>");
        let mut light = String::new();
        paint(&r, 2..r.text().len(), Some(Theme::Light), &mut light);
        assert_eq!(testing::explain_ansi(&light), "ep <strike on-224>gone</>");
    }
}
