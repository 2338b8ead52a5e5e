//! Finding the cue and the noun phrase of a quote's speaker in the words
//! around it: after the quote, before it, a colon or a label introducing it,
//! an opening participle; and what that phrase names (a name, a pronoun, a
//! common noun phrase). The noun phrases themselves are read in
//! `noun_phrase`.

use super::super::marks::MarkedQuote;
use super::super::words::{self, is_cap, key};
use super::context::Context;
use super::persons::{is_weekday, name_suffix, person_like, Registry};
use crate::lexicon;

/// Longest appositive or parenthesis skipped between a subject and its cue
/// (`Clinton, the Democratic nominee, said`), in tokens: `, the chief
/// executive of the National Urban League,` (PolNeAR dev) is 10; 16 leaves
/// room for longer titles without reaching into the clause before.
pub(super) const MAX_APPOSITION: usize = 16;

/// How far (in tokens) after a quote its cue may stand: far enough for a long
/// title or a name with two appositions (`Scott Pruitt, the attorney general
/// of Oklahoma, one of the states suing the EPA, said`: 17 tokens), short
/// enough not to reach the cue of another clause; the phrase before the cue
/// must still be the speaker's. Raised from 14 to 24 on PolNeAR dev failures,
/// with no new wrong speaker there or on the seeds.
const MAX_CUE_DISTANCE: usize = 24;

/// A new sentence after a quote is read as its attribution only when it is
/// this short, in tokens (`"We lost." Trump said on Twitter.` is 5): a longer
/// one reports something else. Chosen by hand; PolNeAR dev has few of these.
const MAX_TRAILING_ATTRIBUTION: usize = 8;

/// How far into a sentence after a quote its cue may stand for the sentence
/// to be read as the quote's attribution whatever its length: a name of up
/// to five words and the verb (`Ann Marie de la Cruz said`).
const MAX_OPENING_CUE: usize = 6;

/// Longest quotation read as a term (`super::MAX_TERM_WORDS`): a phrase
/// in quotes that short is a name for something, not a statement.
const MAX_TERM_WORDS: usize = super::super::MAX_TERM_WORDS;

/// Who a noun phrase names, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Referent {
    /// A proper name, titles removed.
    Name(Vec<String>),
    /// `he`, `she`, `they`…
    Pronoun(String),
    /// A common noun phrase as written, and its head word.
    Nominal(String, String),
}

/// An attribution found in the text: who, the cue, and where the phrase is.
#[derive(Debug, Clone)]
pub(super) struct SpeakerPhrase {
    pub referent: Referent,
    /// The cue's words in lower case (empty for a label or a colon).
    pub cue: String,
    /// Byte where the speaker's phrase starts.
    pub at: usize,
}

/// Reads attributions from the tokens, with the persons known so far (a
/// label before a colon may be a surname named earlier).
pub(super) struct Finder<'a> {
    pub(super) cx: &'a Context<'a>,
    pub(super) registry: &'a Registry,
}

impl<'a> Finder<'a> {
    pub fn new(cx: &'a Context<'a>, registry: &'a Registry) -> Self {
        Finder { cx, registry }
    }

    /// Pass 1 for a quote: the attribution its sentence gives, if any.
    /// Where the sentence also names a source that reports the speaker's
    /// words (`"…," Lee said, according to a pool report`, `…, reports
    /// USA Today`), that source is the quote's: it is the text's warrant
    /// for the words, as PolNeAR annotates the outer attribution.
    pub fn find(&self, r: &MarkedQuote) -> Option<SpeakerPhrase> {
        let Some(own) = self.find_own(r) else {
            return self.headline(r);
        };
        if own.cue == "according to" {
            return Some(own);
        }
        let ((blo, bhi), (alo, ahi)) = self.cx.gaps(r);
        // After a quote that ends its sentence, the words after it are
        // another sentence's.
        let quote_text = self.cx.text.get(r.start..r.end).unwrap_or("");
        let ends_sentence = matches!(
            quote_text.trim_end().chars().last(),
            Some('.' | '!' | '?' | '\u{2026}')
        );
        let continues = (alo..ahi)
            .find(|&i| self.cx.is_word(i))
            .is_some_and(|i| !is_cap(self.cx.word(i)) || self.cx.cue(i) > 0);
        let after = if ends_sentence && !continues {
            None
        } else {
            self.reporter(alo, ahi)
        };
        // Before the quote, only a source named before the speaker's phrase
        // reports it (`According to the Courier, Lee said "…"`); one after
        // it is part of what was said (`Lee said that according to its
        // count, "…"`).
        let own_at = self.cx.toks.partition_point(|t| t.start < own.at);
        after
            .or_else(|| self.reporter(blo, bhi.min(own_at)))
            .or(Some(own))
    }

    /// `BRIDGE TO REOPEN "…" [Courier.]`: a round-up item opens its
    /// paragraph with a headline in capitals and gives the excerpt it
    /// heads with no cue; the headline is what the text names as the
    /// excerpt's source (as PolNeAR annotates it). Two words or more, every
    /// one without a lower-case letter, and no dateline's parenthesis or
    /// dash among them.
    fn headline(&self, r: &MarkedQuote) -> Option<SpeakerPhrase> {
        let ((blo, bhi), _) = self.cx.gaps(r);
        let opens_paragraph = blo == 0 || self.cx.piece.get(blo - 1) != self.cx.piece.get(blo);
        let words = (blo..bhi).filter(|&i| self.cx.is_word(i)).count();
        let shouting = (blo..bhi).all(|i| {
            let w = self.cx.word(i);
            if self.cx.is_word(i) {
                w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
            } else {
                !self.cx.quoted[i] && !matches!(w, "(" | ")" | "\u{2014}" | "\u{2013}" | "-")
            }
        });
        if !(opens_paragraph && words >= 2 && shouting) {
            return None;
        }
        let start = self.cx.toks.get(blo)?.start;
        let end = self.cx.toks.get(bhi - 1)?.end;
        let phrase = self.cx.text.get(start..end)?.to_string();
        let head = self.cx.key(bhi - 1).to_string();
        Some(SpeakerPhrase {
            referent: Referent::Nominal(phrase, head),
            cue: String::new(),
            at: start,
        })
    }

    /// `according to NP`, or `, reports NP` / `, NP reported` with a
    /// capitalized NP (an outlet), in the stretch `[lo, hi)`.
    fn reporter(&self, lo: usize, hi: usize) -> Option<SpeakerPhrase> {
        for a in lo..hi {
            if !self.cx.is_word(a) {
                continue;
            }
            let k = self.cx.key(a);
            if k == "according" && self.cx.cue(a) == 2 {
                if let Some((plo, phi)) = self.np_after(a + 2, hi) {
                    return Some(self.found_after(plo, phi, hi, a, 2));
                }
            }
            let comma_before = a > lo && self.cx.toks[a - 1].is_punct(',');
            if comma_before && matches!(k, "reports" | "reported") {
                let outlet = self.np_after(a + 1, hi).filter(|&(plo, phi)| {
                    let head = if words::is_determiner(self.cx.key(plo)) {
                        plo + 1
                    } else {
                        plo
                    };
                    head < phi && is_cap(self.cx.word(head))
                });
                if let Some((plo, phi)) = outlet {
                    return Some(self.found(plo, phi, a, 1));
                }
            }
            // `…, Lee said, adding …, CNN reported.`: an outlet closing the
            // sentence after a comma, its verb last (an adverb such as
            // `first` may stand between).
            let closes = a + 1 >= hi || self.cx.is_terminator(a + 1);
            if closes && matches!(k, "reports" | "reported") {
                let mut e = a;
                while e > lo && self.cx.is_word(e - 1) && words::is_skippable(self.cx.key(e - 1)) {
                    e -= 1;
                }
                let mut b = e;
                while b > lo && self.cx.is_word(b - 1) && is_cap(self.cx.word(b - 1)) {
                    b -= 1;
                }
                let named = b < e && self.is_name_run(b, e);
                if named && b > lo + 1 && self.cx.key(b - 1) == "the" {
                    b -= 1;
                }
                if named && b > lo && self.cx.toks[b - 1].is_punct(',') {
                    return Some(self.found(b, e, a, 1));
                }
            }
        }
        None
    }

    /// `"…?" Miller, a retired nurse, said pleasantly into the phone.`: a
    /// long sentence after a quote is still its attribution when its cue
    /// takes no clause of its own: what follows the cue is the sentence
    /// end, an adverb, a time, a phrase of place or manner, a clause of
    /// time (`as the crowd roared`), or the hearer of `told`. `Lee said
    /// the plan …` reports another statement.
    fn bare_attribution(&self, lo: usize, end: usize) -> bool {
        let Some(c) = (lo..end.min(lo + MAX_CUE_DISTANCE)).find(|&c| self.cx.cue(c) > 0) else {
            return false;
        };
        // The sentence opens with the speaker's name, then the cue or an
        // apposition set off by a comma; on the same line as the quote.
        let mut e = lo;
        while e < c && self.cx.is_word(e) && is_cap(self.cx.word(e)) {
            e += 1;
        }
        let named = self.is_name_run(lo, e) && (e == c || self.cx.toks[e].is_punct(','));
        let same_line = self
            .cx
            .text
            .get(self.cx.toks[lo.saturating_sub(1)].start..self.cx.toks[c].start)
            .is_some_and(|t| !t.contains('\n'));
        if !named || !same_line || words::is_nounish_cue(self.cx.key(c)) {
            return false;
        }
        let next = c + self.cx.cue(c);
        if matches!(self.cx.key(c), "told" | "tells") || next >= end || !self.cx.is_word(next) {
            return true;
        }
        let k = self.cx.key(next);
        (words::is_time(k) && k != "this")
            || is_weekday(k)
            || words::is_skippable(k)
            || words::is_inner_prep(k)
            || matches!(
                k,
                "as" | "when" | "while" | "after" | "before" | "into" | "to"
            )
    }

    /// The attribution the quote's own sentence gives, reporters aside.
    fn find_own(&self, r: &MarkedQuote) -> Option<SpeakerPhrase> {
        let ((blo, bhi), (alo, ahi)) = self.cx.gaps(r);
        let quote_text = self.cx.text.get(r.start..r.end).unwrap_or("");
        let last = quote_text.trim_end().chars().last();
        let ends_sentence = matches!(last, Some('.' | '!' | '?' | '\u{2026}'))
            || self.cx.toks.get(alo).is_some_and(|t| t.is_punct('.'));
        let first_after = (alo..ahi).find(|&i| self.cx.is_word(i));
        let after_lower =
            first_after.is_some_and(|i| !is_cap(self.cx.word(i)) || self.cx.key(i) == "i");
        let comma_after = matches!(last, Some(',' | '\u{2014}' | '-'))
            || self.cx.toks.get(alo).is_some_and(|t| {
                matches!(t.kind, words::Kind::Punct(',' | '\u{2014}' | '\u{2013}'))
            });
        let after_first = comma_after || (matches!(last, Some('?' | '!')) && after_lower);
        let after = || {
            if ends_sentence && !after_lower && !after_first {
                // A new sentence is an attribution when it is short, or
                // when it opens with one (`"Why?" Lee went on, as if …`,
                // `"…." said Ann Cole, a professor of …`).
                let end = self.cx.sentence_end(alo);
                // After a full stop only an inverted cue (`said Ann Cole`)
                // does: `Ann Cole agreed that …` reports another statement.
                let asked = matches!(last, Some('?' | '!'));
                let opens_with_cue = (alo..end.min(alo + MAX_OPENING_CUE))
                    .any(|c| self.cx.cue(c) > 0 && (c == alo || (asked && self.cx.is_word(c - 1))));
                if end.saturating_sub(alo) > MAX_TRAILING_ATTRIBUTION
                    && !opens_with_cue
                    && !self.bare_attribution(alo, end)
                {
                    return None;
                }
            }
            self.after(alo, ahi)
                .or_else(|| self.open_class_after(alo, ahi).filter(|_| after_first))
        };
        // `A cashier who "steals" is held accountable, Warren said.`: an
        // attribution closing the sentence the quote stands in.
        let tail = || {
            if ends_sentence && !after_lower {
                return None;
            }
            // The attribution may carry its own apposition (`, said Ann
            // Cole, a professor`): each comma is tried, the last first.
            (alo..ahi)
                .rev()
                .filter(|&i| self.cx.toks[i].is_punct(','))
                .find_map(|comma| self.after(comma + 1, ahi))
        };
        // `After saying her foot was "so swollen," she was …`: an opening
        // participle's speaker is the subject of the clause that follows.
        let opening = || {
            let c = (blo..bhi.min(blo + 2))
                .find(|&c| self.cx.cue(c) > 0 && self.cx.key(c).ends_with("ing"))?;
            if c > blo && !words::is_opener(self.cx.key(blo)) {
                return None;
            }
            let (plo, phi) = self.subject(alo, ahi)?;
            Some(self.found(plo, phi, c, 1))
        };
        let words_quoted = quote_text.split_whitespace().count();
        let open_class = || {
            (words_quoted > MAX_TERM_WORDS && !self.cx.follows_quote(blo))
                .then(|| self.open_class_before(blo, bhi))
                .flatten()
        };
        if after_first {
            after()
                .or_else(|| self.before(blo, bhi))
                .or_else(tail)
                .or_else(opening)
                .or_else(open_class)
        } else {
            // `The rejection signals "the end," said Geert Wilders`: an
            // attribution closing the sentence with a name outranks a cue
            // before the quote whose subject is a common noun phrase.
            match self.before(blo, bhi) {
                Some(b) if matches!(b.referent, Referent::Nominal(..)) => {
                    let closing = tail().filter(|t| matches!(t.referent, Referent::Name(_)));
                    closing.or(Some(b))
                }
                Some(b) => Some(b),
                None => after().or_else(tail).or_else(opening).or_else(open_class),
            }
        }
    }

    /// `Gowdy referenced a report that "less than one percent" …`: a
    /// partial quotation in a sentence whose subject is a name or a
    /// pronoun followed by a verb the lexicon lacks (in -s or -ed, adverbs
    /// and a party tag passed over) is that subject's. Reporting verbs are
    /// an open class; a sentence that names its subject and then quotes,
    /// with no other cue, quotes the subject.
    fn open_class_before(&self, lo: usize, hi: usize) -> Option<SpeakerPhrase> {
        self.named_subject_verb(lo, hi)
            .or_else(|| self.nominal_subject_verb(lo, hi))
    }

    /// True when token `v` looks like a finite verb: a lower-case word in
    /// -ed or -s that is no function word and no possessive.
    fn finite_looking(&self, v: usize) -> bool {
        let w = self.cx.word(v);
        let k = self.cx.key(v);
        self.cx.is_word(v)
            && !is_cap(w)
            && k.len() > 3
            && (k.ends_with("ed") || (k.ends_with('s') && !k.ends_with("ss")))
            && !words::is_stop(k)
            && !words::is_possessive(w)
    }

    /// `Her economic plan promises to "…"`: a sentence opened by a
    /// determiner, a short noun phrase, then the first word that looks like
    /// a finite verb; the phrase is the speaker as written.
    fn nominal_subject_verb(&self, lo: usize, hi: usize) -> Option<SpeakerPhrase> {
        if !(self.cx.is_word(lo) && words::is_determiner(self.cx.key(lo))) {
            return None;
        }
        let mut v = lo + 1;
        while v < hi.min(lo + MAX_OPENING_CUE) && self.cx.is_word(v) {
            let k = self.cx.key(v);
            // A second determiner opens an object: the verb came before it
            // and did not look like one (`The farmer kept his notes`).
            if words::is_stop(k)
                || words::is_pronoun(k)
                || words::is_determiner(k)
                || self.cx.cue(v) > 0
            {
                return None;
            }
            let after_possessive = words::is_possessive(self.cx.word(v - 1));
            // An irregular past is finite here when no object opens after
            // it (`The panel found that …`, not `The farmer kept his notes`).
            // (Read only where the -ed/-s shape fails: this runs for every
            // word of every opening noun phrase.)
            let irregular = || {
                k.len() > 3
                    && words::is_irregular_past(k)
                    && !is_cap(self.cx.word(v))
                    && !(self.cx.is_word(v + 1)
                        && (words::is_determiner(self.cx.key(v + 1))
                            || words::is_pronoun(self.cx.key(v + 1))))
            };
            if v > lo + 1 && !after_possessive && (self.finite_looking(v) || irregular()) {
                let f = self.found(lo, v, v, 1);
                return matches!(f.referent, Referent::Nominal(..)).then_some(f);
            }
            v += 1;
        }
        None
    }

    /// `Gowdy referenced a report that "…"`.
    fn named_subject_verb(&self, lo: usize, hi: usize) -> Option<SpeakerPhrase> {
        let (plo, phi) = self.subject(lo, hi)?;
        // The subject opens the sentence (an opening phrase set off by a
        // comma aside).
        // (`And after the court ruled, Lee blamed …`, `Filling in for
        // Sanders, West landed …`: opening phrases set off by commas.)
        let mut start = lo;
        while let Some(c) = self.opening_phrase_end(start, hi) {
            start = c + 1;
        }
        let opens = plo == lo || (plo == start && self.cx.toks[plo - 1].is_punct(','));
        if !opens {
            return None;
        }
        let mut v = self.after_parenthesis(phi, hi);
        // `Lee, during interviews on Thursday, referred to …`: a phrase
        // set off by commas between subject and verb.
        if v < hi && self.cx.toks[v].is_punct(',') {
            if let Some(c) =
                (v + 1..hi.min(v + MAX_APPOSITION)).find(|&c| self.cx.toks[c].is_punct(','))
            {
                v = c + 1;
            }
        }
        while v < hi && self.cx.is_word(v) && words::is_skippable(self.cx.key(v)) {
            v += 1;
        }
        // After a name or pronoun an irregular past is finite too (`Lee
        // lost her post when …`); after a common noun it may be a
        // participle, so the nominal shape keeps to -ed and -s.
        let irregular = || {
            self.cx.is_word(v)
                && self.cx.key(v).len() > 3
                && words::is_irregular_past(self.cx.key(v))
                && !is_cap(self.cx.word(v))
        };
        if !(self.finite_looking(v) || irregular()) {
            return None;
        }
        let f = self.found(plo, phi, v, 1);
        matches!(f.referent, Referent::Name(_) | Referent::Pronoun(_)).then_some(f)
    }

    /// `"…," Lee retaliated.`: right after a quote that its attribution
    /// follows, a name (or `the` + noun) and a past-tense verb the lexicon
    /// lacks are the speaker and cue. Reporting verbs are an open class; the
    /// shape, a subject and a verb in -ed standing alone after the quote's
    /// comma, is what marks the attribution.
    fn open_class_after(&self, lo: usize, hi: usize) -> Option<SpeakerPhrase> {
        let first = (lo..hi).find(|&i| self.cx.is_word(i))?;
        if (lo..first).any(|i| !self.cx.toks[i].is_punct(',')) {
            return None;
        }
        let determiner = words::is_determiner(self.cx.key(first));
        let verb = (first + 1..hi.min(first + MAX_OPENING_CUE)).find(|&v| {
            let w = self.cx.word(v);
            self.cx.is_word(v) && !is_cap(w) && w.len() > 3 && w.ends_with("ed")
        })?;
        let subject_ok = if determiner {
            (first + 1..verb).all(|i| self.cx.is_word(i) && !words::is_stop(self.cx.key(i)))
        } else {
            self.is_name_run(first, verb)
        };
        // The verb ends the clause: a full stop, a comma, or a phrase of
        // manner or place (`retaliated in French`, `barked at him`).
        let next = verb + 1;
        let ends = next >= hi
            || self.cx.toks[next].is_punct(',')
            || self.cx.is_terminator(next)
            || words::is_inner_prep(self.cx.key(next))
            || words::is_skippable(self.cx.key(next));
        if !(subject_ok && ends && verb > first) {
            return None;
        }
        Some(self.found(first, verb, verb, 1))
    }

    /// `"…," Rasmussen told reporters` / `"…," said Clinton` / `"…" ― Jane Doe`.
    fn after(&self, lo: usize, hi: usize) -> Option<SpeakerPhrase> {
        let mut first = (lo..hi).find(|&i| self.cx.is_word(i))?;
        // Only commas and dashes may stand between the quote and the phrase.
        let mut dashed = false;
        for i in lo..first {
            match self.cx.toks[i].kind {
                words::Kind::Punct(',') => {}
                words::Kind::Punct('\u{2014}' | '\u{2013}' | '\u{2015}' | '-') => dashed = true,
                _ => return None,
            }
        }
        // `"…" as a Homeland Security memo put it`
        if self.cx.key(first) == "as" && first + 1 < hi && self.cx.is_word(first + 1) {
            first += 1;
        }
        let n = self.cx.cue(first);
        if n > 0 {
            // `told POLITICO`: the phrase after a verb of telling is the
            // hearer; a speaker never stands there (`said Lee`, not `told Lee`).
            if matches!(self.cx.key(first), "told" | "tells" | "tell" | "telling") {
                return None;
            }
            let (plo, phi) = self.np_after(first + n, hi)?;
            return Some(self.found_after(plo, phi, hi, first, n));
        }
        let limit = (first + MAX_CUE_DISTANCE).min(hi);
        if let Some(c) = (first + 1..limit).find(|&c| self.cx.cue(c) > 0) {
            let n = self.cx.cue(c);
            if let Some((plo, phi)) = self.np_before(c, first) {
                // `"…," CBS This Morning anchor Ann Lee said`: a capitalized
                // stop word inside a title does not cut the phrase off.
                // `"…," Ann Lee and Tom Park wrote`, `state Senate leader
                // Ann Lee and House Speaker Tom Park said`: coordinated
                // names and their titles are one subject.
                let capitals_before = (first..plo).all(|i| {
                    let k = self.cx.key(i);
                    self.cx.is_word(i)
                        && (is_cap(self.cx.word(i))
                            || words::is_title(k)
                            || (k == "and" && i > first))
                });
                // `the base chief known as Bob said`, `an academic named
                // Eric Lee said`: the name the phrase gives.
                let named = (plo >= first + 2
                    && self.cx.key(plo - 1) == "as"
                    && self.cx.key(plo - 2) == "known")
                    || (plo > first && self.cx.key(plo - 1) == "named");
                // `"…," the mayor's chief of staff, Joe Lee, told …`: a
                // name in apposition to the noun phrase the quote opens.
                let apposed = plo > first + 1
                    && self.cx.toks[plo - 1].is_punct(',')
                    && self.np_plain(plo - 1, first) == Some((first, plo - 1));
                if plo == first || capitals_before || apposed || named {
                    return Some(self.found(plo, phi, c, n));
                }
            }
            // `Scott Pruitt, the attorney general of Oklahoma, one of the
            // states suing, said`: a name set off by commas before the cue.
            let comma = (first..c).find(|&i| self.cx.toks[i].is_punct(','))?;
            if self.is_name_run(first, comma) {
                return Some(self.found(first, comma, c, n));
            }
            return None;
        }
        // A signature after a dash: `"…" ― Jane Doe`.
        if dashed {
            let mut end = first;
            while end < hi && self.cx.is_word(end) {
                end += 1;
            }
            if end == hi && self.is_name_run(first, end) {
                return Some(SpeakerPhrase {
                    referent: self.classify(first, end),
                    cue: String::new(),
                    at: self.cx.toks[first].start,
                });
            }
        }
        None
    }

    /// `Lavrov said: "…"` / `Hague said the threat was "disappointing"`.
    pub fn before(&self, lo: usize, hi: usize) -> Option<SpeakerPhrase> {
        // `Pollsters agree - Ann Lee: "…"`: a name credited after a dash
        // and labelling the quote outranks a cue in the headline before it.
        if hi > lo + 1 && self.cx.toks[hi - 1].is_punct(':') {
            if let Some(f) = self.colon_label(lo, hi - 1) {
                return Some(f);
            }
        }
        // The last cue before the quote; one inside a relative clause
        // (`told a woman who suggested that "…"`) gives way to an earlier one.
        let mut c = hi;
        let mut relative = None;
        let (cue, n) = loop {
            if c <= lo {
                match relative {
                    Some(found) => break found,
                    None => return self.colon_intro(lo, hi),
                }
            }
            c -= 1;
            let n = self.cx.cue(c);
            if n > 0 && c + n <= hi {
                // `which the Tax Foundation estimates`: a cue whose subject
                // follows `which` or `whom` is in a relative clause too.
                // The clause is closed by a comma before the quote (`to
                // which Lee interjected: "…"` introduces the quote itself,
                // and `which officials insist is aimed at "…"` holds it).
                let rel_subject = (c + n..hi).any(|i| self.cx.toks[i].is_punct(','))
                    && self.np_before(c, lo).is_some_and(|(plo, _)| {
                        plo > lo && matches!(self.cx.key(plo - 1), "which" | "whom")
                    });
                let rel = c > lo && matches!(self.cx.key(c - 1), "who" | "which") || rel_subject;
                if rel {
                    relative.get_or_insert((c, n));
                    continue;
                }
                // `Lee said that according to its count, "…"`: a source
                // after a verb of saying is part of what was said.
                let inner_source = self.cx.key(c) == "according"
                    && (lo..c).any(|e| self.cx.cue(e) > 0 && self.cx.key(e) != "according");
                if inner_source {
                    continue;
                }
                break (c, n);
            }
        };
        // `continued chanting "…"`, `began speaking, saying`: in a chain of
        // speech verbs the first one has the subject.
        let (mut cue, mut n) = (cue, n);
        while cue > lo && self.cx.cue(cue - 1) == 1 && !self.cx.key(cue - 1).ends_with("ing") {
            cue -= 1;
            n = 1;
        }
        let result = self
            .outer_report(lo, hi, cue)
            .or_else(|| self.before_cue(lo, hi, cue, n))?;
        let nounish = words::is_nounish_cue(self.cx.key(cue));
        if nounish {
            if let Referent::Nominal(phrase, _) = &result.referent {
                let first = phrase
                    .split_whitespace()
                    .next()
                    .map(key)
                    .unwrap_or_default();
                if !words::is_determiner(&first) {
                    return None;
                }
            }
        }
        Some(result)
    }

    /// `McCaskill scolded him: "…"`: a clause ending in a colon right before
    /// the quote introduces it, whatever its verb. Its subject speaks when it
    /// is a pronoun or a name followed by lower-case words (a headline such
    /// as `Veto Power Impedes Peace: "…"` is not a clause).
    fn colon_intro(&self, lo: usize, hi: usize) -> Option<SpeakerPhrase> {
        if hi <= lo + 1 || !self.cx.toks[hi - 1].is_punct(':') {
            return None;
        }
        if let Some(f) = self.colon_label(lo, hi - 1) {
            return Some(f);
        }
        if hi <= lo + 2 {
            return None;
        }
        let (plo, phi) = self.subject(lo, hi - 1)?;
        if !(phi..hi - 1).any(|i| self.cx.is_word(i) && !is_cap(self.cx.word(i))) {
            return None;
        }
        Some(SpeakerPhrase {
            referent: self.classify(plo, phi),
            cue: String::new(),
            at: self.cx.toks[plo].start,
        })
    }

    /// A name standing as the label of the quote after the colon at
    /// `colon`: a speaker's label in a transcript or a round-up
    /// (`Rep. Ann Lee (D-Ore.): "…"`, `Lee: "…"` for a person named
    /// before), a credit after a dash (`Turnout is up - Ann Lee: "…"`), or
    /// an inverted cue (`Continued Lee: "…"`). A run of capitals alone
    /// before a colon is a headline unless one of these says it is a name.
    fn colon_label(&self, lo: usize, colon: usize) -> Option<SpeakerPhrase> {
        let e = self.before_parenthesis(colon, lo)?;
        let tagged = e < colon;
        let mut j = e;
        while j > lo && self.cx.is_word(j - 1) && is_cap(self.cx.word(j - 1)) {
            j -= 1;
        }
        if j == e || e - j > 6 {
            return None;
        }
        let label = |plo: usize| SpeakerPhrase {
            referent: self.classify(plo, e),
            cue: String::new(),
            at: self.cx.toks[plo].start,
        };
        let inverted = lexicon::speech_verb(self.cx.key(j))
            .is_some_and(|v| matches!(v.form, lexicon::Form::Past | lexicon::Form::Third));
        if j == lo && inverted && e > j + 1 && self.is_name_run(j + 1, e) {
            return Some(label(j + 1));
        }
        if !self.is_name_run(j, e) {
            return None;
        }
        let dashed = j > lo
            && matches!(
                self.cx.toks[j - 1].kind,
                words::Kind::Punct('-' | '\u{2013}' | '\u{2014}' | '\u{2015}')
            );
        if dashed {
            return Some(label(j));
        }
        if j != lo {
            return None;
        }
        let names: Vec<&str> = (j..e).map(|i| self.cx.word(i)).collect();
        let name = name_suffix(&names);
        let titled = !name.is_empty() && name.len() < names.len();
        let known = name.len() == 1
            && self
                .registry
                .lookup(&name, self.cx.toks[j].start)
                .and_then(|p| self.registry.people.get(p))
                .is_some_and(|p| p.tokens.len() > 1);
        ((titled || tagged) && person_like(&name) || known).then(|| label(j))
    }

    /// The speaker of cue `cue` (of `n` tokens) in the stretch `[lo, hi)`.
    fn before_cue(&self, lo: usize, hi: usize, cue: usize, n: usize) -> Option<SpeakerPhrase> {
        if self.cx.key(cue) == "according" {
            let (plo, phi) = self.np_after(cue + n, hi)?;
            return Some(self.found_after(plo, phi, hi, cue, n));
        }
        // `Lee was asked by host Ann Cole, "…"`: in the passive the agent
        // after `by` speaks, not the subject.
        let passive = cue > lo
            && matches!(
                self.cx.key(cue - 1),
                "was" | "were" | "been" | "is" | "are" | "being"
            );
        if passive && self.cx.key(cue + n) == "by" && cue + n < hi {
            if let Some((plo, phi)) = self.np_after(cue + n + 1, hi) {
                return Some(self.found(plo, phi, cue, n));
            }
        }
        // `Trump attacked Clinton, saying, "…"`: a participle's speaker is
        // the subject of the clause it hangs from.
        let participle = self.cx.key(cue).ends_with("ing");
        if participle && !self.cx.follows_quote(lo) {
            // `with Trump reportedly yelling`: in an absolute phrase the
            // participle's subject is the noun phrase right before it.
            if let Some((plo, phi)) = self.np_before(cue, lo) {
                if plo > lo && self.cx.key(plo - 1) == "with" {
                    return Some(self.found(plo, phi, cue, n));
                }
            }
            // `…, Lee said Tuesday, adding …`: a participle after a
            // finite verb of saying hangs from that verb's clause.
            // Only a person before a verb that is no noun too counts
            // (`his recent remarks` is no clause).
            if let Some(f) = self.finite_cue_subject(lo, cue, n) {
                return Some(f);
            }
            // `…, when the protesters interrupted her, shouting`: the
            // participle hangs from the nearest clause before it, the one
            // a subordinator opens.
            let clause = (lo..cue)
                .rev()
                .find(|&i| is_subordinator(self.cx.key(i)) && self.cx.is_word(i))
                .map_or(lo, |i| i + 1);
            let subject = self
                .subject(clause, cue)
                .or_else(|| self.subject(lo, cue).filter(|_| clause > lo));
            if let Some((plo, phi)) = subject {
                return Some(self.found(plo, phi, cue, n));
            }
        }
        if participle && (cue == lo || self.cx.toks[cue - 1].is_punct(',')) {
            return None;
        }
        if let Some((plo, phi)) = self.np_before(cue, lo) {
            return Some(self.found(plo, phi, cue, n));
        }
        // `quoted Clinton as saying "…"`
        if cue > lo + 1 && self.cx.key(cue - 1) == "as" {
            if let Some((plo, phi)) = self.np_before(cue - 1, lo) {
                return Some(self.found(plo, phi, cue, n));
            }
        }
        // `The paradox, says Ann Lee, a historian, is that "…"`: a cue
        // between commas with its speaker after it is a parenthesis that
        // attributes the sentence.
        let say = matches!(self.cx.key(cue), "says" | "said");
        if say && cue > lo && self.cx.toks[cue - 1].is_punct(',') {
            if let Some((plo, phi)) = self.np_after(cue + n, hi) {
                if phi < hi && self.cx.toks[phi].is_punct(',') && is_cap(self.cx.word(plo)) {
                    return Some(self.found(plo, phi, cue, n));
                }
            }
        }
        // `Said Ellis: "…"`: the speaker after the cue, right before the
        // quote, when the cue opens its clause (`told his supporters, "…"`
        // names the hearers).
        let opens_clause = cue == lo || !self.cx.is_word(cue - 1);
        if let Some((plo, phi)) = self.np_after(cue + n, hi).filter(|_| opens_clause) {
            let to_quote = phi == hi
                || (phi + 1 == hi
                    && matches!(self.cx.toks[phi].kind, words::Kind::Punct(':' | ',')));
            if to_quote {
                return Some(self.found(plo, phi, cue, n));
            }
        }
        // `Trump went to Ohio and said "…"`, `he said, adding "…"`: the
        // sentence's subject, or the speaker of a quote earlier in it.
        if self.cx.follows_quote(lo) {
            return None; // the caller inherits from the previous quote
        }
        // `Lee said he welcomed the move and added, "…"`: a second verb of
        // saying shares the subject of the first.
        if let Some(f) = self.finite_cue_subject(lo, cue, n) {
            return Some(f);
        }
        let (plo, phi) = self.subject(lo, cue)?;
        Some(self.found(plo, phi, cue, n))
    }

    /// `Lee said that Park begged him and "…"`: a cue inside the clause
    /// that an earlier finite verb of saying reports is part of what was
    /// said; the words are quoted on the outer speaker's warrant (PolNeAR
    /// annotates the outer attribution). The outer verb takes its clause
    /// directly (`said Park`, `said that`), with no semicolon, quote or
    /// contrast (`, but`) between it and `cue`.
    fn outer_report(&self, lo: usize, hi: usize, cue: usize) -> Option<SpeakerPhrase> {
        if self.cx.key(cue).ends_with("ing") || self.cx.key(cue) == "according" {
            return None;
        }
        let outer = (lo..cue).find(|&c| {
            let k = self.cx.key(c);
            self.cx.cue(c) == 1
                && lexicon::speech_verb(k)
                    .is_some_and(|v| matches!(v.form, lexicon::Form::Past | lexicon::Form::Third))
                && !words::is_nounish_cue(k)
        })?;
        let next = outer + 1;
        if next >= cue || !self.cx.is_word(next) {
            return None;
        }
        // The outer verb is the main clause's: no clause opener before it
        // (`After Lee criticized him, Park shot back`, `an aide who
        // advised Lee said`).
        let opener = |i: usize| {
            self.cx.is_word(i)
                && (is_subordinator(self.cx.key(i))
                    || matches!(
                        self.cx.key(i),
                        "who" | "which" | "after" | "before" | "if" | "as" | "once" | "since"
                    ))
        };
        // Nor after it: `Lee tweeted after Park argued that "…"` reports
        // Park's words in a clause of time, not Lee's.
        let subordinate = (lo..outer).any(opener) || (next..cue).any(opener);
        // What it reports runs to `cue` unbroken: no punctuation, and no
        // second clause joined with its own subject (`asked for a photo
        // and Lee said`).
        let broken = (next..cue).any(|i| {
            !self.cx.is_word(i)
                || (matches!(self.cx.key(i), "and" | "but" | "or")
                    && (is_cap(self.cx.word(i + 1)) || words::is_pronoun(self.cx.key(i + 1))))
        });
        if subordinate || broken {
            return None;
        }
        self.before_cue(lo, hi, outer, 1)
    }

    /// The person before the nearest finite verb of saying before `cue`
    /// (not a participle, not a noun too), as the speaker of `cue`.
    fn finite_cue_subject(&self, lo: usize, cue: usize, n: usize) -> Option<SpeakerPhrase> {
        let finite = (lo..cue).rev().find(|&c| {
            let k = self.cx.key(c);
            self.cx.cue(c) > 0
                && !k.ends_with("ing")
                && k != "according"
                && !words::is_nounish_cue(k)
        })?;
        let (plo, phi) = self.np_before(finite, lo)?;
        let f = self.found(plo, phi, cue, n);
        matches!(f.referent, Referent::Name(_) | Referent::Pronoun(_)).then_some(f)
    }

    /// `found` for a phrase read after its cue, up to `hi`: a common noun
    /// phrase keeps the post-modifiers that say which one it is (see
    /// `post_modifiers`); a name or a title stays as read.
    fn found_after(
        &self,
        plo: usize,
        phi: usize,
        hi: usize,
        cue: usize,
        n: usize,
    ) -> SpeakerPhrase {
        let mut f = self.found(plo, phi, cue, n);
        if let Referent::Nominal(phrase, head) = &f.referent {
            let e = self.post_modifiers(plo, phi, hi);
            let rest = self
                .cx
                .toks
                .get(phi - 1)
                .zip(self.cx.toks.get(e.wrapping_sub(1)))
                .and_then(|(a, b)| self.cx.text.get(a.end..b.end));
            if let Some(rest) = rest.filter(|_| e > phi) {
                f.referent = Referent::Nominal(format!("{phrase}{rest}"), head.clone());
            }
        }
        f
    }

    fn found(&self, plo: usize, phi: usize, cue: usize, n: usize) -> SpeakerPhrase {
        let cue_text = (cue..cue + n)
            .map(|i| self.cx.word(i).to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        SpeakerPhrase {
            referent: self.classify(plo, phi),
            cue: cue_text,
            at: self.cx.toks.get(plo).map_or(0, |t| t.start),
        }
    }

    /// The phrase `[plo, phi)` as a speaker with no cue.
    pub fn phrase(&self, plo: usize, phi: usize) -> SpeakerPhrase {
        SpeakerPhrase {
            referent: self.classify(plo, phi),
            cue: String::new(),
            at: self.cx.toks.get(plo).map_or(0, |t| t.start),
        }
    }
}

/// Words that open a subordinate clause (`when the crowd cheered`) and
/// are never prepositions (`after`, `since`, `as` may be either).
fn is_subordinator(k: &str) -> bool {
    matches!(
        k,
        "when" | "while" | "because" | "where" | "whereas" | "although"
    )
}
