//! Finding the cue and the noun phrase of a quote's speaker in the words
//! around it: after the quote, before it, a colon or a label introducing it,
//! an opening participle; and what that phrase names (a name, a pronoun, a
//! common noun phrase).

use super::super::marks::MarkedQuote;
use super::super::words::{self, is_cap, key};
use super::context::Context;
use super::persons::{is_weekday, name_suffix, person_like, Registry};
use crate::lexicon;

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

/// Longest appositive or parenthesis skipped between a subject and its cue
/// (`Clinton, the Democratic nominee, said`), in tokens: `, the chief
/// executive of the National Urban League,` (PolNeAR dev) is 10; 16 leaves
/// room for longer titles without reaching into the clause before.
const MAX_APPOSITION: usize = 16;

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
    cx: &'a Context<'a>,
    registry: &'a Registry,
}

impl<'a> Finder<'a> {
    pub fn new(cx: &'a Context<'a>, registry: &'a Registry) -> Self {
        Finder { cx, registry }
    }

    /// Pass 1 for a quote: the attribution its sentence gives, if any.
    pub fn find(&self, r: &MarkedQuote) -> Option<SpeakerPhrase> {
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
                if end.saturating_sub(alo) > MAX_TRAILING_ATTRIBUTION && !opens_with_cue {
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
            self.before(blo, bhi)
                .or_else(after)
                .or_else(tail)
                .or_else(opening)
                .or_else(open_class)
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
            if v > lo + 1 && !after_possessive && self.finite_looking(v) {
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
        let k = self.cx.key(lo);
        let phrase_first = words::is_inner_prep(k)
            || matches!(
                k,
                "after"
                    | "before"
                    | "during"
                    | "despite"
                    | "since"
                    | "following"
                    | "later"
                    | "earlier"
            );
        let opens = plo == lo || (phrase_first && self.cx.toks[plo - 1].is_punct(','));
        if !opens {
            return None;
        }
        let mut v = self.after_parenthesis(phi, hi);
        while v < hi && self.cx.is_word(v) && words::is_skippable(self.cx.key(v)) {
            v += 1;
        }
        if !self.finite_looking(v) {
            return None;
        }
        let f = self.found(plo, phi, v, 1);
        matches!(f.referent, Referent::Name(_) | Referent::Pronoun(_)).then_some(f)
    }

    /// Where a phrase ending at `end` goes on once a parenthesis right after
    /// it (`McCrory (R)`) is passed over.
    fn after_parenthesis(&self, end: usize, hi: usize) -> usize {
        if end < hi && self.cx.toks[end].is_punct('(') {
            if let Some(close) =
                (end + 1..hi.min(end + MAX_APPOSITION)).find(|&i| self.cx.toks[i].is_punct(')'))
            {
                return close + 1;
            }
        }
        end
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
            let (plo, phi) = self.np_after(first + n, hi)?;
            return Some(self.found(plo, phi, first, n));
        }
        let limit = (first + MAX_CUE_DISTANCE).min(hi);
        if let Some(c) = (first + 1..limit).find(|&c| self.cx.cue(c) > 0) {
            let n = self.cx.cue(c);
            if let Some((plo, phi)) = self.np_before(c, first) {
                // `"…," CBS This Morning anchor Ann Lee said`: a capitalized
                // stop word inside a title does not cut the phrase off.
                let capitals_before =
                    (first..plo).all(|i| self.cx.is_word(i) && is_cap(self.cx.word(i)));
                if plo == first || capitals_before {
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
                let rel = c > lo && matches!(self.cx.key(c - 1), "who" | "which");
                if rel {
                    relative.get_or_insert((c, n));
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
        let result = self.before_cue(lo, hi, cue, n)?;
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
            return Some(self.found(plo, phi, cue, n));
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
        let (plo, phi) = self.subject(lo, cue)?;
        Some(self.found(plo, phi, cue, n))
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

    /// The noun phrase that ends right before cue token `cue`, not reaching
    /// below `floor`: `[lo, hi)`.
    fn np_before(&self, cue: usize, floor: usize) -> Option<(usize, usize)> {
        let mut i = cue;
        // Adverbs, auxiliaries and time phrases between subject and cue.
        let mut skipped_time = false;
        while i > floor && self.cx.is_word(i - 1) {
            let k = self.cx.key(i - 1);
            let time_word = words::is_time(k)
                && !(is_cap(self.cx.word(i - 1)) && !is_weekday(k) && !skipped_time);
            // A capitalized word ending in -ly after a quote is a name
            // (`Kelly said`), not an adverb.
            let adverb =
                words::is_skippable(k) && !(is_cap(self.cx.word(i - 1)) && k.ends_with("ly"));
            if adverb || time_word {
                skipped_time = time_word;
                i -= 1;
            } else if skipped_time && matches!(k, "on" | "last" | "this" | "late" | "early") {
                i -= 1;
            } else {
                break;
            }
        }
        // `X, who …, said` and `a woman who said`: the phrase before `who`.
        if i > floor + 1 && self.cx.key(i - 1) == "who" {
            i -= 1;
            if self.cx.toks.get(i - 1).is_some_and(|t| t.is_punct(',')) {
                i -= 1;
            }
            return self.np_plain(i, floor);
        }
        // An apposition or parenthesis: `Clinton, the nominee, said`. When
        // the set-off part is itself a name (`His partner, Lawrence B.
        // Cummings, called`), the name is the speaker.
        if i > floor {
            let t = self.cx.toks[i - 1];
            let open = match t.kind {
                words::Kind::Punct(',') => Some(','),
                words::Kind::Punct(')') => Some('('),
                words::Kind::Punct('\u{2014}') => Some('\u{2014}'),
                _ => None,
            };
            if let Some(open) = open {
                let mut j = i - 1;
                let mut found = None;
                while j > floor && i - 1 - j < MAX_APPOSITION {
                    j -= 1;
                    if self.cx.toks[j].is_punct(open) {
                        found = Some(j);
                        break;
                    }
                    if self.cx.is_terminator(j) || self.cx.quoted[j] {
                        break;
                    }
                }
                let mut j = found?;
                // `Clinton, 35, the daughter of …, said`: an age set off by
                // commas stands between the name and its apposition.
                while j >= floor + 2
                    && self.cx.toks[j - 2].is_punct(',')
                    && self.cx.word(j - 1).bytes().all(|b| b.is_ascii_digit())
                {
                    j -= 2;
                }
                let before = self.np_plain(j, floor);
                // The set-off part names the speaker only when what stands
                // before it does not (`Schumer, D-N.Y., concluded` keeps
                // Schumer; a party-state tag is no name).
                let before_named = before.is_some_and(|(_, hi)| is_cap(self.cx.word(hi - 1)));
                let tag = (j + 1..i - 1).any(|t| {
                    let w = self.cx.word(t);
                    w.len() <= 8 && w.contains('-') && w.starts_with(['R', 'D', 'I'])
                });
                if open == ',' && !before_named && !tag && self.is_name_run(j + 1, i - 1) {
                    return Some((j + 1, i - 1));
                }
                return before;
            }
        }
        self.np_plain(i, floor)
    }

    /// True when `[lo, hi)` is a short run of capitalized words and initials.
    fn is_name_run(&self, lo: usize, hi: usize) -> bool {
        hi > lo
            && hi - lo <= 5
            && (lo..hi).all(|i| {
                let w = self.cx.word(i);
                self.cx.is_word(i) && (is_cap(w) || words::is_particle(&key(w)))
            })
            && !words::is_opener(self.cx.key(lo))
    }

    /// `Rep. Jim Jordan (R-Ohio)`: where a phrase ending at `end` ends
    /// once a parenthesis after it is set aside (`end` when there is none;
    /// `None` when the parenthesis opens below `floor`).
    fn before_parenthesis(&self, end: usize, floor: usize) -> Option<usize> {
        if end > floor && self.cx.toks[end - 1].is_punct(')') {
            return (floor..end - 1)
                .rev()
                .take(MAX_APPOSITION)
                .find(|&i| self.cx.toks[i].is_punct('('));
        }
        Some(end)
    }

    /// The noun phrase ending at token `end` (exclusive), read backwards.
    fn np_plain(&self, end: usize, floor: usize) -> Option<(usize, usize)> {
        let end = self.before_parenthesis(end, floor)?;
        let mut j = end;
        let mut lower = 0;
        while j > floor && self.cx.is_word(j - 1) {
            let w = self.cx.word(j - 1);
            let k = self.cx.key(j - 1);
            if words::is_pronoun(k) {
                if j == end {
                    j -= 1;
                }
                break;
            }
            if words::is_determiner(k) {
                if j < end {
                    j -= 1;
                }
                // `Mr. Morgan of the Sierra Club`: a determiner after an
                // inner preposition goes on.
                let prep_before = j > floor + 1
                    && j < end
                    && words::is_inner_prep(self.cx.key(j - 1))
                    && self.cx.is_word(j - 2)
                    && !words::is_stop(self.cx.key(j - 2));
                if prep_before {
                    continue;
                }
                break;
            }
            if words::is_inner_prep(k) {
                let head_before = j >= 2
                    && j - 2 >= floor
                    && self.cx.is_word(j - 2)
                    && !words::is_stop(self.cx.key(j - 2))
                    && self.cx.cue(j - 2) == 0;
                if j < end && head_before {
                    j -= 1;
                    continue;
                }
                break;
            }
            if words::is_stop(k) || (self.cx.cue(j - 1) > 0 && !is_cap(w)) {
                break;
            }
            if words::is_opener(k) && is_cap(w) {
                break;
            }
            if !is_cap(w) {
                lower += 1;
                if lower > 4 {
                    break;
                }
            }
            if end - j >= 10 {
                break;
            }
            j -= 1;
        }
        while j < end && words::is_inner_prep(self.cx.key(j)) {
            j += 1;
        }
        // A lone determiner is no phrase.
        if j >= end || (end - j == 1 && words::is_determiner(self.cx.key(j))) {
            return None;
        }
        Some((j, end))
    }

    /// The noun phrase right after a cue (`said Hillary Clinton, the …`).
    fn np_after(&self, from: usize, hi: usize) -> Option<(usize, usize)> {
        let mut j = from;
        let mut lower = 0;
        if j < hi && self.cx.is_word(j) && words::is_determiner(self.cx.key(j)) {
            j += 1;
        }
        while j < hi && self.cx.is_word(j) {
            let w = self.cx.word(j);
            let k = self.cx.key(j);
            if words::is_pronoun(k) {
                if j == from {
                    j += 1;
                }
                break;
            }
            // `said the secretary of state`, `according to a complaint filed
            // by the commission`; not `said Clinton in a statement`.
            let prev_lower = j > from && !is_cap(self.cx.word(j - 1));
            let next_ok = j + 1 < hi && self.cx.is_word(j + 1);
            if k == "by" && prev_lower && next_ok {
                j += 1;
                continue;
            }
            if words::is_stop(k) || is_weekday(k) || self.cx.cue(j) > 0 {
                break;
            }
            if words::is_inner_prep(k) {
                if !(prev_lower && next_ok && matches!(k, "of" | "for")) {
                    break;
                }
            } else if !is_cap(w) {
                lower += 1;
                if lower > 4 {
                    break;
                }
            }
            j += 1;
            // `the bureau's director`: a possessive determines the noun
            // after it; `his aide's` at the end of the phrase stops it.
            let noun_after = j < hi
                && self.cx.is_word(j)
                && !is_cap(self.cx.word(j))
                && !words::is_stop(self.cx.key(j))
                && self.cx.cue(j) == 0;
            if words::is_possessive(w) && !is_cap(w) && !noun_after {
                break;
            }
        }
        if j <= from || (j - from == 1 && words::is_determiner(self.cx.key(from))) {
            return None;
        }
        // `said the bureau's director, James B. Comey, on Monday`: a common
        // noun phrase followed by a name in apposition names that person.
        if !is_cap(self.cx.word(from)) && j < hi && self.cx.toks[j].is_punct(',') {
            let mut e = j + 1;
            while e < hi && self.cx.is_word(e) {
                e += 1;
            }
            let closed = e == hi || !self.cx.is_word(e) && !self.cx.toks[e].is_punct('(');
            if closed && self.is_name_run(j + 1, e) {
                return Some((j + 1, e));
            }
        }
        Some((from, j))
    }

    /// The subject of a stretch: its first pronoun or run of capitals.
    pub fn subject(&self, lo: usize, hi: usize) -> Option<(usize, usize)> {
        let mut i = lo;
        // `In a panel in Washington, Marc Morial told …`: an opening phrase
        // set off by a comma holds no subject.
        // `Following a meeting, the council said`: a participle opens too.
        let opens_with_phrase = self.cx.is_word(lo)
            && (words::is_opener(self.cx.key(lo))
                || words::is_inner_prep(self.cx.key(lo))
                || (self.cx.key(lo).ends_with("ing") && self.cx.cue(lo) == 0))
            && !words::is_pronoun(self.cx.key(lo));
        if opens_with_phrase {
            if let Some(c) =
                (lo..hi.min(lo + MAX_APPOSITION)).find(|&c| self.cx.toks[c].is_punct(','))
            {
                i = c + 1;
            }
        }
        while i < hi {
            if !self.cx.is_word(i) {
                i += 1;
                continue;
            }
            let w = self.cx.word(i);
            let k = self.cx.key(i);
            if words::is_pronoun(k) && k != "it" {
                return Some((i, i + 1));
            }
            if is_cap(w) && !words::is_opener(k) && !words::is_time(k) {
                let mut j = i + 1;
                while j < hi && self.cx.is_word(j) {
                    let kj = self.cx.key(j);
                    let cap = is_cap(self.cx.word(j));
                    let inner = (kj == "of" || words::is_particle(kj))
                        && j + 1 < hi
                        && is_cap(self.cx.word(j + 1));
                    if !(cap || inner) || words::is_possessive(self.cx.word(j - 1)) {
                        break;
                    }
                    j += 1;
                }
                // A run of capitals in upper case is a heading, not a name.
                let shouting = j - i > 1
                    && (i..j).all(|t| {
                        let w = self.cx.word(t);
                        !w.chars().any(char::is_lowercase)
                    });
                if shouting {
                    i = j;
                    continue;
                }
                return Some((i, j));
            }
            i += 1;
        }
        None
    }

    /// The phrase `[plo, phi)` as a speaker with no cue.
    pub fn phrase(&self, plo: usize, phi: usize) -> SpeakerPhrase {
        SpeakerPhrase {
            referent: self.classify(plo, phi),
            cue: String::new(),
            at: self.cx.toks.get(plo).map_or(0, |t| t.start),
        }
    }

    /// What a noun phrase `[lo, hi)` names.
    fn classify(&self, lo: usize, hi: usize) -> Referent {
        let mut hi = hi;
        // `Trump at a rally` → `Trump`; `a spokeswoman for Clinton` stays whole.
        if let Some(p) = (lo + 1..hi).find(|&p| words::is_inner_prep(self.cx.key(p))) {
            // `Gov. Earl Ray Tomblin of West Virginia` → the name before `of`;
            // `Secretary of State Hillary Clinton` keeps its title phrase.
            let before = self.cx.word(p - 1);
            let head_cap = is_cap(before);
            let person_head =
                head_cap && !words::is_title(&key(before)) && !words::is_non_person(&key(before));
            let rest_lower = (p + 1..hi).any(|i| {
                let w = self.cx.word(i);
                !is_cap(w) && !words::is_determiner(&key(w)) && !words::is_particle(&key(w))
            });
            if (head_cap && rest_lower) || person_head {
                hi = p;
            }
        }
        let head = self.cx.word(hi - 1);
        let hk = key(head);
        let text: Vec<&str> = (lo..hi).map(|i| self.cx.word(i)).collect();
        if hi - lo == 1 && words::is_pronoun(&hk) {
            return Referent::Pronoun(hk);
        }
        if is_cap(head) && !words::is_opener(&hk) {
            let name = name_suffix(&text);
            let title_only =
                name.len() == 1 && name.first().is_some_and(|n| words::is_title(&key(n)));
            if !name.is_empty() && !title_only {
                return Referent::Name(name);
            }
        }
        let phrase = text
            .iter()
            .map(|w| w.to_string())
            .collect::<Vec<_>>()
            .join(" ");
        Referent::Nominal(phrase, hk)
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
