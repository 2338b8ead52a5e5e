//! Rendering: results in, bytes out. Renderers read what the stages computed
//! and compute nothing themselves.

pub mod discrepancies;
pub mod html;
pub mod json;
pub mod options;
pub mod parts;
pub mod sanitize;
pub mod side_by_side;
pub mod style;
pub mod terminal;
pub mod text;

pub use options::{Ink, Layout, RenderOptions, Theme};
