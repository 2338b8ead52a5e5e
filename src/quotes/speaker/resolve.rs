//! Choosing the speaker: the phrase a quote's own attribution gives,
//! resolved to a full name, or, where the quote says nothing, the speaker it
//! continues.

use super::super::marks::MarkedQuote;
use super::super::words::{self, is_cap};
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
        Referent::Name(tokens) => {
            let person = registry
                .lookup(tokens, at)
                .and_then(|p| registry.people.get(p));
            // `Shortly after, …`, `Reached by phone, …`: one capitalized
            // word at a sentence start that the article also writes in
            // lower case (and never capitalized inside a sentence) is an
            // ordinary word, capitalized for the sentence: no name. As a
            // common noun it may still be a plural speaker (`Attorneys`).
            let i = cx.toks.partition_point(|t| t.start < f.at);
            let word = tokens.first().map_or("", |w| w.as_str());
            let common = tokens.len() == 1
                && cx.opens_sentence(i)
                && cx.is_common_word(&words::key(word))
                && !person.is_some_and(|p| p.tokens.len() > 1);
            if common {
                return is_bare_plural(&words::key(word)).then(|| word.to_string());
            }
            Some(person.map_or_else(|| tokens.join(" "), |p| p.name()))
        }
        Referent::Pronoun(p) => {
            let gender = words::pronoun_gender(p)?;
            let person = {
                let finder = Finder::new(cx, registry);
                let subject_of = |s: usize| finder.sentence_subject(s);
                registry.antecedent(cx, f.at, gender, &subject_of)?
            };
            let entry = registry.people.get_mut(person)?;
            // What a pronoun was resolved to is evidence for later ones.
            entry.votes.add(gender);
            Some(entry.name())
        }
        Referent::Nominal(phrase, head) => {
            let definite = phrase.to_lowercase().starts_with("the ");
            // `the Florida senator`, `the Senate Democratic leader`: a
            // description with a proper modifier identifies the speaker
            // in the text's own words, and is kept as written (as PolNeAR
            // keeps it); `the senator` alone stands for a name.
            let proper = phrase.split_whitespace().skip(1).any(is_cap);
            if definite && !proper && words::is_title(head) {
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
            // `now said`, `everyone said`: a common noun alone, with no
            // determiner, is a speaker only as a plural (`officials`,
            // `police`); a singular count noun needs its article.
            let bare = !phrase.contains(' ') && !is_cap(phrase) && !is_bare_plural(head);
            if bare {
                return None;
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
        // A term passed over, unless it had a cue of its own: after
        // `Trump is a "change agent," Cole said.` Cole goes on speaking.
        let own_cue = done.get(p).is_some_and(|a| a.cue.is_some());
        if terms.get(p).copied().unwrap_or(false) && !cx.same_sentence(prev, r) && !own_cue {
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
    let speaker = sentence_before(cx, registry, r).or_else(|| paragraph_before(cx, registry, r));
    Attribution { speaker, cue: None }
}

/// The speaker the sentence before a quote attributes, in its paragraph or
/// ending the one before (`…, Schiff said. "…"`, `Trump said: ¶ "…"`).
fn sentence_before(cx: &Context, registry: &mut Registry, r: &MarkedQuote) -> Option<String> {
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
        return None;
    }
    let same_piece = cx.piece.get(start - 1).copied() == piece;
    let prev_paragraph = start == qlo
        && cx
            .piece
            .get(start - 1)
            .and_then(|&p| cx.piece_paragraph.get(p))
            .is_some_and(|&p| p + 1 == r.paragraph);
    if !(same_piece || prev_paragraph) {
        return None;
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
        return None;
    }
    let f = Finder::new(cx, registry).before(lo, end)?;
    resolve(cx, registry, &f, r.open)
}

/// A paragraph that is all quotation and says nothing of its speaker is
/// spoken by the one the paragraph before is about: news copy names the
/// speaker, then gives the words a paragraph of their own
/// (`Lee is upbeat about the vote.¶"We will win."`). The subject of the
/// last sentence before counts when it is a person who speaks elsewhere in
/// the article, or a pronoun that resolves to one.
fn paragraph_before(cx: &Context, registry: &mut Registry, r: &MarkedQuote) -> Option<String> {
    let (qlo, qhi) = cx.quote_tokens(r);
    if !cx.opens_paragraph(r) || qlo == 0 {
        return None;
    }
    // Nothing but punctuation and further quotes after it in its paragraph.
    let piece = cx.piece.get(qlo).copied();
    let words_after = (qhi..cx.toks.len())
        .take_while(|&i| cx.piece.get(i).copied() == piece)
        .any(|i| !cx.quoted[i] && cx.is_word(i));
    let before_piece = cx.piece.get(qlo - 1).copied();
    let adjacent = before_piece
        .and_then(|p| cx.piece_paragraph.get(p))
        .is_some_and(|&p| p + 1 == r.paragraph);
    if words_after || !adjacent {
        return None;
    }
    // The last sentence of the paragraph before, its final stop left out.
    let mut end = qlo;
    while end > 0
        && !cx.is_word(end - 1)
        && !cx.quoted[end - 1]
        && cx.piece.get(end - 1).copied() == before_piece
    {
        end -= 1;
    }
    let mut lo = end;
    while lo > 0 && !cx.is_terminator(lo - 1) && cx.piece.get(lo - 1).copied() == before_piece {
        lo -= 1;
    }
    let finder = Finder::new(cx, registry);
    let (plo, phi) = finder.subject(lo, end)?;
    let f = finder.phrase(plo, phi);
    let speaks = match &f.referent {
        Referent::Name(tokens) => registry
            .lookup(tokens, f.at)
            .and_then(|p| registry.people.get(p))
            .is_some_and(|p| p.speaks),
        Referent::Pronoun(_) => true,
        Referent::Nominal(..) => false,
    };
    if !speaks {
        return None;
    }
    resolve(cx, registry, &f, r.open)
}

/// A plural common noun that may stand alone as a speaker: an -s plural or
/// one of the plurals without it.
fn is_bare_plural(head: &str) -> bool {
    (head.len() > 3 && head.ends_with('s') && !head.ends_with("ss"))
        || matches!(
            head,
            "police" | "people" | "staff" | "media" | "clergy" | "military" | "aides" | "officials"
        )
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
