//! Byte spans into an article's text, and the two-sided `Pair` used wherever
//! article A and article B are handled alike.

use serde::Serialize;

/// A half-open byte range `start..end` into an article's `text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// The text this span covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Which of the two compared articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Side {
    /// The first article given.
    A,
    /// The second article given.
    B,
}

/// One value for each side of a comparison (like delta's `MinusPlus`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Pair<T> {
    /// Article A's value.
    pub a: T,
    /// Article B's value.
    pub b: T,
}

impl<T> Pair<T> {
    /// Builds a pair.
    pub fn new(a: T, b: T) -> Pair<T> {
        Pair { a, b }
    }

    /// Applies `f` to both sides.
    pub fn map<U>(&self, mut f: impl FnMut(&T) -> U) -> Pair<U> {
        Pair {
            a: f(&self.a),
            b: f(&self.b),
        }
    }
}

impl<T> std::ops::Index<Side> for Pair<T> {
    type Output = T;
    fn index(&self, side: Side) -> &T {
        match side {
            Side::A => &self.a,
            Side::B => &self.b,
        }
    }
}
