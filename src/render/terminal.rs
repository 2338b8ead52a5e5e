//! The terminal view of a comparison.
//!
//! PLACEHOLDER: a minimal inline listing; the full inline and side-by-side
//! views replace it.

use super::options::RenderOptions;
use super::sanitize::for_terminal;
use crate::diff::Op;
use crate::{Comparison, Document, Pair};
use std::io::{self, Write};

/// Writes the comparison for a terminal.
pub fn comparison(
    docs: &Pair<Document>,
    c: &Comparison,
    _opts: &RenderOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    for al in &c.alignments {
        let mut line = String::new();
        for op in &al.diff {
            match op.op {
                Op::Equal => line.push_str(&op.text),
                Op::Delete => line.push_str(&format!("[-{}-]", op.text)),
                Op::Insert => line.push_str(&format!("{{+{}+}}", op.text)),
            }
        }
        writeln!(out, "= {}", for_terminal(&line, false))?;
    }
    for &i in &c.unmatched.a {
        writeln!(out, "< {}", for_terminal(docs.a.sentence_text(i), false))?;
    }
    for &j in &c.unmatched.b {
        writeln!(out, "> {}", for_terminal(docs.b.sentence_text(j), false))?;
    }
    Ok(())
}
