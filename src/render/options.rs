//! How to show a comparison: decided once by the binary, read by renderers.

/// Layout of the terminal view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Each aligned pair as one line of word diff.
    #[default]
    Inline,
    /// Two columns, A's order.
    SideBySide,
}

/// The background shades of changed words in a terminal: dark shades
/// under a dark terminal's light text, light shades under a light
/// terminal's dark text (the 16 base colors leave the shade to the
/// terminal's theme, but give no background that reads well on both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// A terminal with a dark background.
    #[default]
    Dark,
    /// A terminal with a light background.
    Light,
}

/// Whether and how the terminal views paint: `None` writes plain text
/// (each change then carries its `[- -]` / `{+ +}` markers), `Some(theme)`
/// paints with that theme's backgrounds.
pub type Ink = Option<Theme>;

/// Rendering settings. Renderers never read the environment: the binary
/// resolves color and width and passes them here.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Paint with ANSI colors.
    pub color: bool,
    /// The shades [`RenderOptions::ink`] paints with.
    pub theme: Theme,
    /// Columns available.
    pub width: usize,
    /// Inline or side by side.
    pub layout: Layout,
    /// Write article URLs as OSC 8 hyperlinks (a terminal that shows them;
    /// the binary decides).
    pub hyperlinks: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            theme: Theme::Dark,
            width: 80,
            layout: Layout::Inline,
            hyperlinks: false,
        }
    }
}

impl RenderOptions {
    /// How to paint: the theme when color is on, else nothing.
    pub fn ink(&self) -> Ink {
        self.color.then_some(self.theme)
    }
}
