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

/// Rendering settings. Renderers never read the environment: the binary
/// resolves color and width and passes them here.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Paint with ANSI colors.
    pub color: bool,
    /// Columns available.
    pub width: usize,
    /// Inline or side by side.
    pub layout: Layout,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            width: 80,
            layout: Layout::Inline,
        }
    }
}
