//! Rendering: results in, bytes out. Renderers read what the stages computed
//! and compute nothing themselves.

pub mod discrepancies;
pub mod groups;
pub mod html;
pub mod html_groups;
pub mod json;
pub mod options;
pub mod paint;
pub mod parts;
pub mod rich;
pub mod sanitize;
pub mod side_by_side;
pub mod style;
pub mod terminal;
#[cfg(test)]
pub(crate) mod testing;
pub mod text;
pub mod wrap;

pub use options::{Ink, Layout, RenderOptions, Theme};
