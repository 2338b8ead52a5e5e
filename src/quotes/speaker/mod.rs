//! Who said it: the cue and speaker of each quotation.
//!
//! Attribution is read from the words around a quote, in the order news copy
//! uses them:
//!
//! 1. after it, in the same sentence: `"…," Rasmussen told reporters`,
//!    `"…," said Hillary Clinton`, `"…," according to the ministry`;
//! 2. before it, in the same sentence: `Lavrov said: "…"`,
//!    `Hague said the threat was "disappointing"`;
//! 3. a quote with no attribution of its own continues the one before it in
//!    the same paragraph (`"…," X said. "…"`), or the paragraph before when
//!    it opens its paragraph.
//!
//! The noun phrase next to the cue becomes the speaker: a name is read from
//! its right end, leaving titles out (`NATO Secretary General Anders Fogh
//! Rasmussen` → `Anders Fogh Rasmussen`); a surname is resolved to the full
//! name the article gave (`Rasmussen` → `Anders Fogh Rasmussen`); `he` and
//! `she` are resolved to the subject of the nearest sentence that names a
//! person of fitting gender; a nominal phrase (`Western officials`) is kept as
//! written unless it is `the` + a title that an earlier named person carries
//! (`the minister` → `Sergei Lavrov`). When the text does not say, the speaker
//! is `None`.
//!
//! The work is split by job: `context` (the tokens around the quotes and
//! their sentences), `persons` (the people the article names, surnames,
//! pronouns), `phrases` (finding the cue and the speaker's phrase),
//! `noun_phrase` (reading noun phrases and subjects, and what they name) and
//! `resolve` (choosing the speaker: the phrase resolved, or the speaker a
//! quote continues).

mod context;
mod noun_phrase;
mod persons;
mod phrases;
mod resolve;

use super::marks::MarkedQuote;
use crate::article::Article;
use crate::segment::Sentence;
use context::Context;
use persons::Registry;
use phrases::{Finder, Referent, SpeakerPhrase};

/// The result for one quote.
#[derive(Debug, Clone, Default)]
pub(crate) struct Attribution {
    pub speaker: Option<String>,
    pub cue: Option<String>,
}

/// Attributes each quote of an article.
pub(crate) fn attribute(
    article: &Article,
    sentences: &[Sentence],
    marked: &[MarkedQuote],
    terms: &[bool],
) -> Vec<Attribution> {
    let cx = Context::new(article, sentences, marked);
    let mut registry = Registry::new(&cx);

    // Pass 1: what the text says around each quote.
    let found: Vec<Option<SpeakerPhrase>> = {
        let finder = Finder::new(&cx, &registry);
        marked.iter().map(|r| finder.find(r)).collect()
    };
    // Single names that speak are persons too, even without a full name.
    for f in found.iter().flatten() {
        if let Referent::Name(tokens) = &f.referent {
            registry.add_person(tokens.clone(), Vec::new());
        }
    }
    registry.collect_mentions(&cx);
    for f in found.iter().flatten() {
        if let Referent::Name(tokens) = &f.referent {
            registry.mark_speaker(tokens, f.at);
        }
    }
    registry.gender_from_pronouns(&cx);

    // Pass 2: resolve names, pronouns and titles; inherit where nothing is said.
    let mut out: Vec<Attribution> = Vec::with_capacity(marked.len());
    for (k, r) in marked.iter().enumerate() {
        let own = found
            .get(k)
            .cloned()
            .flatten()
            .map(|f| Attribution {
                speaker: resolve::resolve(&cx, &mut registry, &f, r.open),
                cue: Some(f.cue).filter(|c| !c.is_empty()),
            })
            .filter(|a| a.speaker.is_some());
        let a = match own {
            Some(a) => a,
            None => resolve::inherit(&cx, &mut registry, marked, k, &out, terms),
        };
        out.push(a);
    }
    // `He called it "a" and "b," Lee said.`: an attribution closing a
    // sentence covers every quote of that sentence before it.
    for k in (0..out.len().saturating_sub(1)).rev() {
        let shares = out[k].speaker.is_none()
            && out[k + 1].cue.is_some()
            && cx.same_sentence(&marked[k], &marked[k + 1]);
        if shares {
            out[k].speaker = out[k + 1].speaker.clone();
        }
    }
    out
}
