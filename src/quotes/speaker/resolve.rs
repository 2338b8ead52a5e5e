//! Choosing the speaker: the phrase a quote's own attribution gives,
//! resolved to a full name, or, where the quote says nothing, the speaker it
//! continues.

use super::super::marks::MarkedQuote;
use super::super::words;
use super::context::Context;
use super::persons::{Person, Registry};
use super::phrases::{Finder, Referent, SpeakerPhrase};
use super::Attribution;

/// Pass 2: the speaker's name for an attribution.
pub(super) fn resolve(
    cx: &Context,
    registry: &mut Registry,
    f: &SpeakerPhrase,
    at: usize,
) -> Option<String> {
    match &f.referent {
        Referent::Name(tokens) => Some(
            registry
                .lookup(tokens, at)
                .and_then(|p| registry.people.get(p))
                .map_or_else(|| tokens.join(" "), |p| p.name()),
        ),
        Referent::Pronoun(p) => {
            let gender = words::pronoun_gender(p)?;
            let person = registry.antecedent(cx, f.at, gender)?;
            let entry = registry.people.get_mut(person)?;
            // What a pronoun was resolved to is evidence for later ones.
            entry.votes.add(gender);
            Some(entry.name())
        }
        Referent::Nominal(phrase, head) => {
            let definite = phrase.to_lowercase().starts_with("the ");
            if definite && words::is_title(head) {
                let title_fits = |p: &Person| {
                    p.titles
                        .iter()
                        .any(|t| t == head || expand_title(t) == head.as_str())
                };
                let hit = registry
                    .mentions
                    .iter()
                    .rev()
                    .filter(|m| m.at < at)
                    .find(|m| registry.people.get(m.person).is_some_and(title_fits));
                if let Some(m) = hit {
                    return registry.people.get(m.person).map(|p| p.name());
                }
            }
            Some(phrase.clone())
        }
    }
}

/// A quote that says nothing of its speaker continues the quotation
/// before it in its paragraph, or, when it opens a paragraph, the one
/// ending the paragraph before; failing that, the attribution of the
/// sentence before (`…, Schiff said. "…"`, `Trump said: ¶ "…"`). A term
/// only continues a quote of its own sentence (`called him a "liar" and
/// a "bully"`).
pub(super) fn inherit(
    cx: &Context,
    registry: &mut Registry,
    marked: &[MarkedQuote],
    k: usize,
    done: &[Attribution],
    terms: &[bool],
) -> Attribution {
    let Some(r) = marked.get(k) else {
        return Attribution::default();
    };
    let carry = |a: &Attribution| Attribution {
        speaker: a.speaker.clone(),
        cue: None,
    };
    let term = terms.get(k).copied().unwrap_or(false);
    if term {
        let prev = k.checked_sub(1).and_then(|p| marked.get(p).map(|x| (p, x)));
        if let Some((p, prev)) = prev {
            if cx.same_sentence(prev, r) {
                if let Some(a) = done.get(p).filter(|a| a.speaker.is_some()) {
                    return carry(a);
                }
            }
        }
        return Attribution::default();
    }
    // The last quotation of this paragraph, terms passed over. A partial
    // quote inside a sentence of its own (`in which Obama directed
    // agencies to "promote and protect" rights`) continues nothing.
    let starts_sentence = cx.starts_sentence(r);
    for p in (0..k).rev() {
        let prev = &marked[p];
        if prev.last_paragraph != r.paragraph {
            break;
        }
        if !starts_sentence && !cx.same_sentence(prev, r) {
            break;
        }
        if terms.get(p).copied().unwrap_or(false) && !cx.same_sentence(prev, r) {
            continue;
        }
        if let Some(a) = done.get(p).filter(|a| a.speaker.is_some()) {
            return carry(a);
        }
        break;
    }
    // The quotation ending the paragraph before.
    if k > 0 && cx.opens_paragraph(r) {
        let prev = &marked[k - 1];
        let prev_term = terms.get(k - 1).copied().unwrap_or(false);
        if prev.last_paragraph + 1 == r.paragraph && !prev_term && cx.ends_paragraph(prev) {
            if let Some(a) = done.get(k - 1).filter(|a| a.speaker.is_some()) {
                return carry(a);
            }
        }
    }
    // The sentence before, in this paragraph or ending the one before.
    let (qlo, _) = cx.quote_tokens(r);
    let piece = cx.piece.get(qlo).copied();
    let mut start = qlo;
    while start > 0
        && !cx.quoted[start - 1]
        && !cx.is_terminator(start - 1)
        && cx.piece.get(start - 1).copied() == piece
    {
        start -= 1;
    }
    if start == 0 || cx.quoted[start - 1] {
        return Attribution::default();
    }
    let same_piece = cx.piece.get(start - 1).copied() == piece;
    let prev_paragraph = start == qlo
        && cx
            .piece
            .get(start - 1)
            .and_then(|&p| cx.piece_paragraph.get(p))
            .is_some_and(|&p| p + 1 == r.paragraph);
    if !(same_piece || prev_paragraph) {
        return Attribution::default();
    }
    let mut end = start;
    // A colon stays: `Lee echoed:` ¶ `"…"` is read as a colon intro.
    if cx.is_terminator(end - 1) {
        end -= 1;
    }
    let mut lo = end;
    while lo > 0
        && !cx.quoted[lo - 1]
        && !cx.is_terminator(lo - 1)
        && cx.piece.get(lo - 1) == cx.piece.get(end.saturating_sub(1))
    {
        lo -= 1;
    }
    if cx.follows_quote(lo) {
        return Attribution::default();
    }
    match Finder::new(cx, registry).before(lo, end) {
        Some(f) => {
            let speaker = resolve(cx, registry, &f, r.open);
            Attribution { speaker, cue: None }
        }
        None => Attribution::default(),
    }
}

/// `sen` → `senator`, so `the senator` finds `Sen. Ted Cruz`.
fn expand_title(t: &str) -> &str {
    match t {
        "sen" => "senator",
        "rep" => "representative",
        "gov" => "governor",
        "gen" => "general",
        "pres" => "president",
        "prof" => "professor",
        "lt" => "lieutenant",
        other => other,
    }
}
