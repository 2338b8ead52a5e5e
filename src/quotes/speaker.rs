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

use super::marks::Raw;
use super::words::{self, is_cap, key, Tok};
use crate::article::Article;
use crate::lexicon;
use crate::segment::Sentence;
use rustc_hash::FxHashMap;

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

/// How many sentences back a pronoun may look for its antecedent. News copy
/// names the speaker again within a paragraph or two; on the seeds every `he`
/// and `she` finds its person within two sentences, and four leaves room for
/// the segmenter splitting a sentence too often.
const PRONOUN_LOOKBACK: usize = 4;

/// Longest appositive or parenthesis skipped between a subject and its cue
/// (`Clinton, the Democratic nominee, said`), in tokens: `, the chief
/// executive of the National Urban League,` (PolNeAR dev) is 10; 16 leaves
/// room for longer titles without reaching into the clause before.
const MAX_APPOSITION: usize = 16;

/// Who a noun phrase names, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Who {
    /// A proper name, titles removed.
    Name(Vec<String>),
    /// `he`, `she`, `they`…
    Pronoun(String),
    /// A common noun phrase as written, and its head word.
    Nominal(String, String),
}

/// An attribution found in the text: who, the cue, and where the phrase is.
#[derive(Debug, Clone)]
struct Found {
    who: Who,
    cue: String,
    at: usize,
}

/// A person the article names.
#[derive(Debug, Clone)]
struct Person {
    tokens: Vec<String>,
    /// Lower-case titles and roles written before the name.
    titles: Vec<String>,
    male: i32,
    female: i32,
    /// True when a quote names this person as its speaker.
    speaks: bool,
    /// The last name word, suffixes (`Jr.`) passed over.
    surname: String,
}

impl Person {
    fn name(&self) -> String {
        self.tokens.join(" ")
    }
    fn surname(&self) -> &str {
        &self.surname
    }
    /// `Some(true)` male, `Some(false)` female, `None` unknown.
    fn gender(&self) -> Option<bool> {
        match self.male.cmp(&self.female) {
            std::cmp::Ordering::Greater => Some(true),
            std::cmp::Ordering::Less => Some(false),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// One mention of a known person outside quotations.
#[derive(Debug, Clone, Copy)]
struct Mention {
    at: usize,
    person: usize,
}

/// The result for one quote.
#[derive(Debug, Clone, Default)]
pub(crate) struct Attribution {
    pub speaker: Option<String>,
    pub cue: Option<String>,
}

/// Everything the attribution passes share.
struct Ctx<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    /// For each token, the story piece it belongs to.
    piece: Vec<usize>,
    /// For each token, true when it lies inside a quote (marks included).
    quoted: Vec<bool>,
    /// Paragraph of each story piece.
    piece_paragraph: Vec<usize>,
    sentences: &'a [Sentence],
    /// Each token's `words::key`, computed once, as ranges into `key_text`.
    keys: Vec<(u32, u32)>,
    key_text: String,
    /// Runs of capitals outside quotes, with the name each ends in.
    runs: Vec<(usize, usize, Vec<String>)>,
    /// Each token's cue length (`words::cue_at`), computed once.
    cues: Vec<u8>,
    persons: Vec<Person>,
    /// Persons by their name words, and by last word and surname: the
    /// look-ups of a long document must not scan every person.
    by_tokens: FxHashMap<Vec<String>, usize>,
    by_end: FxHashMap<String, Vec<usize>>,
    /// Mentions in text order.
    mentions: Vec<Mention>,
    /// Positions of each person's mentions, ascending.
    mentioned_at: Vec<Vec<usize>>,
}

/// The quotation mark at byte `at` as a token.
fn mark(text: &str, at: usize) -> Option<Tok> {
    let c = text.get(at..)?.chars().next()?;
    Some(Tok {
        start: at,
        end: at + c.len_utf8(),
        kind: words::Kind::Punct(c),
    })
}

/// Attributes each quote of an article.
pub(crate) fn attribute(
    article: &Article,
    sentences: &[Sentence],
    raws: &[Raw],
    terms: &[bool],
) -> Vec<Attribution> {
    let text = article.text.as_str();
    let mut toks = Vec::new();
    let mut piece = Vec::new();
    let mut piece_paragraph = Vec::new();
    // Only the words outside quotes are read: a quote stands in the token
    // stream as its opening and closing marks.
    let mut next_quote = 0;
    for (k, (p, span)) in article.story_spans().into_iter().enumerate() {
        let before = toks.len();
        let mut at = span.start;
        while next_quote < raws.len() && raws[next_quote].close.max(raws[next_quote].end) <= at {
            next_quote += 1;
        }
        let mut q = next_quote;
        while let Some(r) = raws.get(q).filter(|r| r.open < span.end) {
            toks.extend(words::tokenize(text, at, r.open.max(at)));
            if r.open >= span.start {
                toks.extend(mark(text, r.open));
            }
            // The closing mark ends at `close` (white space may stand
            // between the words and the mark).
            let close_mark = text
                .get(..r.close)
                .and_then(|t| t.chars().next_back())
                .map(|c| r.close - c.len_utf8());
            if let Some(m) =
                close_mark.filter(|&m| r.close > r.end && m >= span.start && m < span.end)
            {
                toks.extend(mark(text, m));
            }
            at = at.max(r.close.max(r.end)).min(span.end);
            if r.close.max(r.end) > span.end {
                break;
            }
            q += 1;
        }
        toks.extend(words::tokenize(text, at, span.end));
        piece.extend(std::iter::repeat(k).take(toks.len() - before));
        piece_paragraph.push(p);
    }
    let mut quoted = vec![false; toks.len()];
    let mut q = 0;
    for (i, t) in toks.iter().enumerate() {
        while q < raws.len() && raws[q].close <= t.start {
            q += 1;
        }
        if let Some(r) = raws.get(q) {
            quoted[i] = t.start >= r.open && t.start < r.close.max(r.end);
        }
    }
    // One buffer for all keys: a string per token was most of the cost.
    let mut key_text = String::with_capacity(text.len());
    let mut keys = Vec::with_capacity(toks.len());
    for t in &toks {
        let from = key_text.len();
        let w = words::strip_possessive(t.text(text)).trim_end_matches('.');
        if w.is_ascii() {
            key_text.push_str(w);
            if let Some(added) = key_text.get_mut(from..) {
                added.make_ascii_lowercase();
            }
        } else {
            key_text.push_str(&w.to_lowercase());
        }
        let to = key_text.len();
        keys.push((
            u32::try_from(from).unwrap_or(0),
            u32::try_from(to).unwrap_or(0),
        ));
    }
    let key_of = |i: usize| {
        keys.get(i)
            .and_then(|&(a, b)| key_text.get(a as usize..b as usize))
            .unwrap_or("")
    };
    let after_subject = |i: usize| {
        let Some(p) = i.checked_sub(1).filter(|&p| toks[p].is_word()) else {
            return false;
        };
        let w = toks[p].text(text);
        if words::is_possessive(w) {
            return false;
        }
        if words::is_pronoun(key_of(p)) || (is_cap(w) && !words::is_opener(key_of(p))) {
            return true;
        }
        p.checked_sub(1)
            .is_some_and(|d| toks[d].is_word() && words::is_determiner(key_of(d)))
    };
    let cues = (0..toks.len())
        .map(|i| {
            let next = toks
                .get(i + 1)
                .filter(|n| n.is_word())
                .map(|_| key_of(i + 1));
            let n = if toks[i].is_word() {
                words::cue_len(key_of(i), next, is_cap(toks[i].text(text)))
            } else {
                0
            };
            // `Lee notes`, `the letter reads`, but not `his notes` or
            // `taking calls`: a verb that is also a plural noun is a cue
            // only after a subject (a name, a pronoun, `the` + noun).
            let n = if n == 1 && words::is_nounish_cue(key_of(i)) && !after_subject(i) {
                0
            } else {
                n
            };
            u8::try_from(n).unwrap_or(0)
        })
        .collect();
    let mut cx = Ctx {
        text,
        keys,
        key_text,
        runs: Vec::new(),
        cues,
        toks,
        piece,
        quoted,
        piece_paragraph,
        sentences,
        persons: Vec::new(),
        by_tokens: FxHashMap::default(),
        by_end: FxHashMap::default(),
        mentions: Vec::new(),
        mentioned_at: Vec::new(),
    };
    cx.runs = cx
        .cap_runs()
        .into_iter()
        .map(|(lo, hi)| {
            let text: Vec<&str> = (lo..hi).map(|i| cx.word(i)).collect();
            (lo, hi, name_suffix(&text))
        })
        .collect();
    cx.register_persons();

    // Pass 1: what the text says around each quote.
    let found: Vec<Option<Found>> = raws.iter().map(|r| cx.find(r)).collect();
    // Single names that speak are persons too, even without a full name.
    for f in found.iter().flatten() {
        if let Who::Name(tokens) = &f.who {
            cx.add_person(tokens.clone(), Vec::new());
        }
    }
    cx.collect_mentions();
    for f in found.iter().flatten() {
        if let Who::Name(tokens) = &f.who {
            if let Some(p) = cx.lookup(tokens, f.at) {
                if let Some(person) = cx.persons.get_mut(p) {
                    person.speaks = true;
                }
            }
        }
    }
    cx.gender_from_pronouns();

    // Pass 2: resolve names, pronouns and titles; inherit where nothing is said.
    let mut out: Vec<Attribution> = Vec::with_capacity(raws.len());
    for (k, r) in raws.iter().enumerate() {
        let own = found
            .get(k)
            .cloned()
            .flatten()
            .map(|f| Attribution {
                speaker: cx.resolve(&f, r.open),
                cue: Some(f.cue).filter(|c| !c.is_empty()),
            })
            .filter(|a| a.speaker.is_some());
        let a = match own {
            Some(a) => a,
            None => cx.inherit(raws, k, &out, terms),
        };
        out.push(a);
    }
    out
}

impl Ctx<'_> {
    fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// Token `i` in lower case, without trailing period or possessive.
    fn key(&self, i: usize) -> &str {
        self.keys
            .get(i)
            .and_then(|&(a, b)| self.key_text.get(a as usize..b as usize))
            .unwrap_or("")
    }

    /// Length in tokens of the cue starting at token `i` (0: none).
    fn cue(&self, i: usize) -> usize {
        self.cues.get(i).map_or(0, |&n| usize::from(n))
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_word())
    }

    fn is_terminator(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, words::Kind::Punct('.' | '!' | '?' | ';')))
    }

    /// Token index range `[lo, hi)` of the quote's marks and words.
    fn quote_tokens(&self, r: &Raw) -> (usize, usize) {
        let lo = self.toks.partition_point(|t| t.start < r.open);
        let hi = self.toks.partition_point(|t| t.start < r.close.max(r.end));
        (lo, hi)
    }

    /// The words around quote `k`, before and after, within its sentence.
    fn gaps(&self, r: &Raw) -> ((usize, usize), (usize, usize)) {
        let (qlo, qhi) = self.quote_tokens(r);
        // Before: back to the previous quote or the start of the piece, then
        // forward past the last sentence end.
        let piece_lo = self.piece.get(qlo).copied();
        let mut lo = qlo;
        while lo > 0 && !self.quoted[lo - 1] && self.piece.get(lo - 1).copied() == piece_lo {
            lo -= 1;
        }
        let mut b = qlo;
        while b > lo && !self.is_terminator(b - 1) {
            b -= 1;
        }
        // After: up to the next quote or the end of the piece, cut at the
        // first sentence end.
        let piece_hi = qhi.checked_sub(1).and_then(|i| self.piece.get(i).copied());
        let mut hi = qhi;
        while hi < self.toks.len() && !self.quoted[hi] && self.piece.get(hi).copied() == piece_hi {
            if self.is_terminator(hi) {
                break;
            }
            hi += 1;
        }
        ((b, qlo), (qhi, hi))
    }

    /// Pass 1 for quote `k`: the attribution its sentence gives, if any.
    fn find(&self, r: &Raw) -> Option<Found> {
        let ((blo, bhi), (alo, ahi)) = self.gaps(r);
        let quote_text = self.text.get(r.start..r.end).unwrap_or("");
        let last = quote_text.trim_end().chars().last();
        let ends_sentence = matches!(last, Some('.' | '!' | '?' | '\u{2026}'))
            || self.toks.get(alo).is_some_and(|t| t.is_punct('.'));
        let first_after = (alo..ahi).find(|&i| self.is_word(i));
        let after_lower = first_after.is_some_and(|i| !is_cap(self.word(i)) || self.key(i) == "i");
        let comma_after = matches!(last, Some(',' | '\u{2014}' | '-'))
            || self.toks.get(alo).is_some_and(|t| {
                matches!(t.kind, words::Kind::Punct(',' | '\u{2014}' | '\u{2013}'))
            });
        let after_first = comma_after || (matches!(last, Some('?' | '!')) && after_lower);
        let after = || {
            if ends_sentence && !after_lower && !after_first {
                // A new sentence is an attribution when it is short, or
                // when it opens with one (`"Why?" Lee went on, as if …`,
                // `"…." said Ann Cole, a professor of …`).
                let end = self.sentence_end(alo);
                // After a full stop only an inverted cue (`said Ann Cole`)
                // does: `Ann Cole agreed that …` reports another statement.
                let asked = matches!(last, Some('?' | '!'));
                let opens_with_cue = (alo..end.min(alo + MAX_OPENING_CUE))
                    .any(|c| self.cue(c) > 0 && (c == alo || (asked && self.is_word(c - 1))));
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
            let comma = (alo..ahi).rev().find(|&i| self.toks[i].is_punct(','))?;
            self.after(comma + 1, ahi)
        };
        // `After saying her foot was "so swollen," she was …`: an opening
        // participle's speaker is the subject of the clause that follows.
        let opening = || {
            let c = (blo..bhi.min(blo + 2))
                .find(|&c| self.cue(c) > 0 && self.key(c).ends_with("ing"))?;
            if c > blo && !words::is_opener(self.key(blo)) {
                return None;
            }
            let (plo, phi) = self.subject(alo, ahi)?;
            Some(self.found(plo, phi, c, 1))
        };
        if after_first {
            after()
                .or_else(|| self.before(blo, bhi))
                .or_else(tail)
                .or_else(opening)
        } else {
            self.before(blo, bhi)
                .or_else(after)
                .or_else(tail)
                .or_else(opening)
        }
    }

    /// Index one past the first sentence end at or after `i`.
    fn sentence_end(&self, i: usize) -> usize {
        let mut j = i;
        while j < self.toks.len() && !self.quoted[j] {
            if self.is_terminator(j) {
                return j;
            }
            j += 1;
        }
        j
    }

    /// `"…," Lee retaliated.`: right after a quote that its attribution
    /// follows, a name (or `the` + noun) and a past-tense verb the lexicon
    /// lacks are the speaker and cue. Reporting verbs are an open class; the
    /// shape, a subject and a verb in -ed standing alone after the quote's
    /// comma, is what marks the attribution.
    fn open_class_after(&self, lo: usize, hi: usize) -> Option<Found> {
        let first = (lo..hi).find(|&i| self.is_word(i))?;
        if (lo..first).any(|i| !self.toks[i].is_punct(',')) {
            return None;
        }
        let determiner = words::is_determiner(self.key(first));
        let verb = (first + 1..hi.min(first + MAX_OPENING_CUE)).find(|&v| {
            let w = self.word(v);
            self.is_word(v) && !is_cap(w) && w.len() > 3 && w.ends_with("ed")
        })?;
        let subject_ok = if determiner {
            (first + 1..verb).all(|i| self.is_word(i) && !words::is_stop(self.key(i)))
        } else {
            self.is_name_run(first, verb)
        };
        // The verb ends the clause: a full stop, a comma, or a phrase of
        // manner or place (`retaliated in French`, `barked at him`).
        let next = verb + 1;
        let ends = next >= hi
            || self.toks[next].is_punct(',')
            || self.is_terminator(next)
            || words::is_inner_prep(self.key(next))
            || words::is_skippable(self.key(next));
        if !(subject_ok && ends && verb > first) {
            return None;
        }
        Some(self.found(first, verb, verb, 1))
    }

    /// `"…," Rasmussen told reporters` / `"…," said Clinton` / `"…" ― Jane Doe`.
    fn after(&self, lo: usize, hi: usize) -> Option<Found> {
        let mut first = (lo..hi).find(|&i| self.is_word(i))?;
        // Only commas and dashes may stand between the quote and the phrase.
        let mut dashed = false;
        for i in lo..first {
            match self.toks[i].kind {
                words::Kind::Punct(',') => {}
                words::Kind::Punct('\u{2014}' | '\u{2013}' | '\u{2015}' | '-') => dashed = true,
                _ => return None,
            }
        }
        // `"…" as a Homeland Security memo put it`
        if self.key(first) == "as" && first + 1 < hi && self.is_word(first + 1) {
            first += 1;
        }
        let n = self.cue(first);
        if n > 0 {
            let (plo, phi) = self.np_after(first + n, hi)?;
            return Some(self.found(plo, phi, first, n));
        }
        let limit = (first + MAX_CUE_DISTANCE).min(hi);
        if let Some(c) = (first + 1..limit).find(|&c| self.cue(c) > 0) {
            let n = self.cue(c);
            if let Some((plo, phi)) = self.np_before(c, first) {
                if plo == first {
                    return Some(self.found(plo, phi, c, n));
                }
            }
            // `Scott Pruitt, the attorney general of Oklahoma, one of the
            // states suing, said`: a name set off by commas before the cue.
            let comma = (first..c).find(|&i| self.toks[i].is_punct(','))?;
            if self.is_name_run(first, comma) {
                return Some(self.found(first, comma, c, n));
            }
            return None;
        }
        // A signature after a dash: `"…" ― Jane Doe`.
        if dashed {
            let mut end = first;
            while end < hi && self.is_word(end) {
                end += 1;
            }
            if end == hi && self.is_name_run(first, end) {
                return Some(Found {
                    who: self.classify(first, end),
                    cue: String::new(),
                    at: self.toks[first].start,
                });
            }
        }
        None
    }

    /// `Lavrov said: "…"` / `Hague said the threat was "disappointing"`.
    fn before(&self, lo: usize, hi: usize) -> Option<Found> {
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
            let n = self.cue(c);
            if n > 0 && c + n <= hi {
                let rel = c > lo && matches!(self.key(c - 1), "who" | "which");
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
        while cue > lo && self.cue(cue - 1) == 1 && !self.key(cue - 1).ends_with("ing") {
            cue -= 1;
            n = 1;
        }
        let result = self.before_cue(lo, hi, cue, n)?;
        let nounish = words::is_nounish_cue(self.key(cue));
        if nounish {
            if let Who::Nominal(phrase, _) = &result.who {
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
    fn colon_intro(&self, lo: usize, hi: usize) -> Option<Found> {
        if hi <= lo + 1 || !self.toks[hi - 1].is_punct(':') {
            return None;
        }
        if let Some(f) = self.colon_label(lo, hi - 1) {
            return Some(f);
        }
        if hi <= lo + 2 {
            return None;
        }
        let (plo, phi) = self.subject(lo, hi - 1)?;
        if !(phi..hi - 1).any(|i| self.is_word(i) && !is_cap(self.word(i))) {
            return None;
        }
        Some(Found {
            who: self.classify(plo, phi),
            cue: String::new(),
            at: self.toks[plo].start,
        })
    }

    /// A name standing as the label of the quote after the colon at
    /// `colon`: a speaker's label in a transcript or a round-up
    /// (`Rep. Ann Lee (D-Ore.): "…"`, `Lee: "…"` for a person named
    /// before), a credit after a dash (`Turnout is up - Ann Lee: "…"`), or
    /// an inverted cue (`Continued Lee: "…"`). A run of capitals alone
    /// before a colon is a headline unless one of these says it is a name.
    fn colon_label(&self, lo: usize, colon: usize) -> Option<Found> {
        let e = self.before_parenthesis(colon, lo)?;
        let tagged = e < colon;
        let mut j = e;
        while j > lo && self.is_word(j - 1) && is_cap(self.word(j - 1)) {
            j -= 1;
        }
        if j == e || e - j > 6 {
            return None;
        }
        let label = |plo: usize| Found {
            who: self.classify(plo, e),
            cue: String::new(),
            at: self.toks[plo].start,
        };
        let inverted = lexicon::speech_verb(self.key(j))
            .is_some_and(|v| matches!(v.form, lexicon::Form::Past | lexicon::Form::Third));
        if j == lo && inverted && e > j + 1 && self.is_name_run(j + 1, e) {
            return Some(label(j + 1));
        }
        if !self.is_name_run(j, e) {
            return None;
        }
        let dashed = j > lo
            && matches!(
                self.toks[j - 1].kind,
                words::Kind::Punct('-' | '\u{2013}' | '\u{2014}' | '\u{2015}')
            );
        if dashed {
            return Some(label(j));
        }
        if j != lo {
            return None;
        }
        let names: Vec<&str> = (j..e).map(|i| self.word(i)).collect();
        let name = name_suffix(&names);
        let titled = !name.is_empty() && name.len() < names.len();
        let known = name.len() == 1
            && self
                .lookup(&name, self.toks[j].start)
                .and_then(|p| self.persons.get(p))
                .is_some_and(|p| p.tokens.len() > 1);
        ((titled || tagged) && person_like(&name) || known).then(|| label(j))
    }

    /// The speaker of cue `cue` (of `n` tokens) in the stretch `[lo, hi)`.
    fn before_cue(&self, lo: usize, hi: usize, cue: usize, n: usize) -> Option<Found> {
        if self.key(cue) == "according" {
            let (plo, phi) = self.np_after(cue + n, hi)?;
            return Some(self.found(plo, phi, cue, n));
        }
        // `Trump attacked Clinton, saying, "…"`: a participle's speaker is
        // the subject of the clause it hangs from.
        let participle = self.key(cue).ends_with("ing");
        if participle && !self.follows_quote(lo) {
            if let Some((plo, phi)) = self.subject(lo, cue) {
                return Some(self.found(plo, phi, cue, n));
            }
        }
        if participle && (cue == lo || self.toks[cue - 1].is_punct(',')) {
            return None;
        }
        if let Some((plo, phi)) = self.np_before(cue, lo) {
            return Some(self.found(plo, phi, cue, n));
        }
        // `quoted Clinton as saying "…"`
        if cue > lo + 1 && self.key(cue - 1) == "as" {
            if let Some((plo, phi)) = self.np_before(cue - 1, lo) {
                return Some(self.found(plo, phi, cue, n));
            }
        }
        // `Said Ellis: "…"`: the speaker after the cue, right before the
        // quote, when the cue opens its clause (`told his supporters, "…"`
        // names the hearers).
        let opens_clause = cue == lo || !self.is_word(cue - 1);
        if let Some((plo, phi)) = self.np_after(cue + n, hi).filter(|_| opens_clause) {
            let to_quote = phi == hi
                || (phi + 1 == hi && matches!(self.toks[phi].kind, words::Kind::Punct(':' | ',')));
            if to_quote {
                return Some(self.found(plo, phi, cue, n));
            }
        }
        // `Trump went to Ohio and said "…"`, `he said, adding "…"`: the
        // sentence's subject, or the speaker of a quote earlier in it.
        if self.follows_quote(lo) {
            return None; // the caller inherits from the previous quote
        }
        let (plo, phi) = self.subject(lo, cue)?;
        Some(self.found(plo, phi, cue, n))
    }

    /// True when token `lo` comes right after a quote of its own piece.
    fn follows_quote(&self, lo: usize) -> bool {
        lo > 0 && self.quoted[lo - 1] && self.piece.get(lo - 1) == self.piece.get(lo)
    }

    fn found(&self, plo: usize, phi: usize, cue: usize, n: usize) -> Found {
        let cue_text = (cue..cue + n)
            .map(|i| self.word(i).to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        Found {
            who: self.classify(plo, phi),
            cue: cue_text,
            at: self.toks.get(plo).map_or(0, |t| t.start),
        }
    }

    /// The noun phrase that ends right before cue token `cue`, not reaching
    /// below `floor`: `[lo, hi)`.
    fn np_before(&self, cue: usize, floor: usize) -> Option<(usize, usize)> {
        let mut i = cue;
        // Adverbs, auxiliaries and time phrases between subject and cue.
        let mut skipped_time = false;
        while i > floor && self.is_word(i - 1) {
            let k = self.key(i - 1);
            let time_word =
                words::is_time(k) && !(is_cap(self.word(i - 1)) && !is_weekday(k) && !skipped_time);
            if words::is_skippable(k) || time_word {
                skipped_time = time_word;
                i -= 1;
            } else if skipped_time && matches!(k, "on" | "last" | "this" | "late" | "early") {
                i -= 1;
            } else {
                break;
            }
        }
        // `X, who …, said` and `a woman who said`: the phrase before `who`.
        if i > floor + 1 && self.key(i - 1) == "who" {
            i -= 1;
            if self.toks.get(i - 1).is_some_and(|t| t.is_punct(',')) {
                i -= 1;
            }
            return self.np_plain(i, floor);
        }
        // An apposition or parenthesis: `Clinton, the nominee, said`. When
        // the set-off part is itself a name (`His partner, Lawrence B.
        // Cummings, called`), the name is the speaker.
        if i > floor {
            let t = self.toks[i - 1];
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
                    if self.toks[j].is_punct(open) {
                        found = Some(j);
                        break;
                    }
                    if self.is_terminator(j) || self.quoted[j] {
                        break;
                    }
                }
                let mut j = found?;
                // `Clinton, 35, the daughter of …, said`: an age set off by
                // commas stands between the name and its apposition.
                while j >= floor + 2
                    && self.toks[j - 2].is_punct(',')
                    && self.word(j - 1).bytes().all(|b| b.is_ascii_digit())
                {
                    j -= 2;
                }
                let before = self.np_plain(j, floor);
                // The set-off part names the speaker only when what stands
                // before it does not (`Schumer, D-N.Y., concluded` keeps
                // Schumer; a party-state tag is no name).
                let before_named = before.is_some_and(|(_, hi)| is_cap(self.word(hi - 1)));
                let tag = (j + 1..i - 1).any(|t| {
                    let w = self.word(t);
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
                let w = self.word(i);
                self.is_word(i) && (is_cap(w) || words::is_particle(&key(w)))
            })
            && !words::is_opener(self.key(lo))
    }

    /// `Rep. Jim Jordan (R-Ohio)`: where a phrase ending at `end` ends
    /// once a parenthesis after it is set aside (`end` when there is none;
    /// `None` when the parenthesis opens below `floor`).
    fn before_parenthesis(&self, end: usize, floor: usize) -> Option<usize> {
        if end > floor && self.toks[end - 1].is_punct(')') {
            return (floor..end - 1)
                .rev()
                .take(MAX_APPOSITION)
                .find(|&i| self.toks[i].is_punct('('));
        }
        Some(end)
    }

    /// The noun phrase ending at token `end` (exclusive), read backwards.
    fn np_plain(&self, end: usize, floor: usize) -> Option<(usize, usize)> {
        let end = self.before_parenthesis(end, floor)?;
        let mut j = end;
        let mut lower = 0;
        while j > floor && self.is_word(j - 1) {
            let w = self.word(j - 1);
            let k = self.key(j - 1);
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
                    && words::is_inner_prep(self.key(j - 1))
                    && self.is_word(j - 2)
                    && !words::is_stop(self.key(j - 2));
                if prep_before {
                    continue;
                }
                break;
            }
            if words::is_inner_prep(k) {
                let head_before = j >= 2
                    && j - 2 >= floor
                    && self.is_word(j - 2)
                    && !words::is_stop(self.key(j - 2))
                    && self.cue(j - 2) == 0;
                if j < end && head_before {
                    j -= 1;
                    continue;
                }
                break;
            }
            if words::is_stop(k) || (self.cue(j - 1) > 0 && !is_cap(w)) {
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
        while j < end && words::is_inner_prep(self.key(j)) {
            j += 1;
        }
        // A lone determiner is no phrase.
        if j >= end || (end - j == 1 && words::is_determiner(self.key(j))) {
            return None;
        }
        Some((j, end))
    }

    /// The noun phrase right after a cue (`said Hillary Clinton, the …`).
    fn np_after(&self, from: usize, hi: usize) -> Option<(usize, usize)> {
        let mut j = from;
        let mut lower = 0;
        if j < hi && self.is_word(j) && words::is_determiner(self.key(j)) {
            j += 1;
        }
        while j < hi && self.is_word(j) {
            let w = self.word(j);
            let k = self.key(j);
            if words::is_pronoun(k) {
                if j == from {
                    j += 1;
                }
                break;
            }
            // `said the secretary of state`, `according to a complaint filed
            // by the commission`; not `said Clinton in a statement`.
            let prev_lower = j > from && !is_cap(self.word(j - 1));
            let next_ok = j + 1 < hi && self.is_word(j + 1);
            if k == "by" && prev_lower && next_ok {
                j += 1;
                continue;
            }
            if words::is_stop(k) || is_weekday(k) || self.cue(j) > 0 {
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
            if words::is_possessive(w) && !is_cap(w) {
                break;
            }
        }
        if j <= from || (j - from == 1 && words::is_determiner(self.key(from))) {
            return None;
        }
        Some((from, j))
    }

    /// The subject of a stretch: its first pronoun or run of capitals.
    fn subject(&self, lo: usize, hi: usize) -> Option<(usize, usize)> {
        let mut i = lo;
        // `In a panel in Washington, Marc Morial told …`: an opening phrase
        // set off by a comma holds no subject.
        // `Following a meeting, the council said`: a participle opens too.
        let opens_with_phrase = self.is_word(lo)
            && (words::is_opener(self.key(lo))
                || words::is_inner_prep(self.key(lo))
                || (self.key(lo).ends_with("ing") && self.cue(lo) == 0))
            && !words::is_pronoun(self.key(lo));
        if opens_with_phrase {
            if let Some(c) = (lo..hi.min(lo + MAX_APPOSITION)).find(|&c| self.toks[c].is_punct(','))
            {
                i = c + 1;
            }
        }
        while i < hi {
            if !self.is_word(i) {
                i += 1;
                continue;
            }
            let w = self.word(i);
            let k = self.key(i);
            if words::is_pronoun(k) && k != "it" {
                return Some((i, i + 1));
            }
            if is_cap(w) && !words::is_opener(k) && !words::is_time(k) {
                let mut j = i + 1;
                while j < hi && self.is_word(j) {
                    let kj = self.key(j);
                    let cap = is_cap(self.word(j));
                    let inner = (kj == "of" || words::is_particle(kj))
                        && j + 1 < hi
                        && is_cap(self.word(j + 1));
                    if !(cap || inner) || words::is_possessive(self.word(j - 1)) {
                        break;
                    }
                    j += 1;
                }
                // A run of capitals in upper case is a heading, not a name.
                let shouting = j - i > 1
                    && (i..j).all(|t| {
                        let w = self.word(t);
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

    /// What a noun phrase `[lo, hi)` names.
    fn classify(&self, lo: usize, hi: usize) -> Who {
        let mut hi = hi;
        // `Trump at a rally` → `Trump`; `a spokeswoman for Clinton` stays whole.
        if let Some(p) = (lo + 1..hi).find(|&p| words::is_inner_prep(self.key(p))) {
            // `Gov. Earl Ray Tomblin of West Virginia` → the name before `of`;
            // `Secretary of State Hillary Clinton` keeps its title phrase.
            let before = self.word(p - 1);
            let head_cap = is_cap(before);
            let person_head =
                head_cap && !words::is_title(&key(before)) && !words::is_non_person(&key(before));
            let rest_lower = (p + 1..hi).any(|i| {
                let w = self.word(i);
                !is_cap(w) && !words::is_determiner(&key(w)) && !words::is_particle(&key(w))
            });
            if (head_cap && rest_lower) || person_head {
                hi = p;
            }
        }
        let head = self.word(hi - 1);
        let hk = key(head);
        let text: Vec<&str> = (lo..hi).map(|i| self.word(i)).collect();
        if hi - lo == 1 && words::is_pronoun(&hk) {
            return Who::Pronoun(hk);
        }
        if is_cap(head) && !words::is_opener(&hk) {
            let name = name_suffix(&text);
            let title_only =
                name.len() == 1 && name.first().is_some_and(|n| words::is_title(&key(n)));
            if !name.is_empty() && !title_only {
                return Who::Name(name);
            }
        }
        let phrase = text
            .iter()
            .map(|w| w.to_string())
            .collect::<Vec<_>>()
            .join(" ");
        Who::Nominal(phrase, hk)
    }

    fn add_person(&mut self, tokens: Vec<String>, titles: Vec<String>) -> usize {
        if let Some(&i) = self.by_tokens.get(&tokens) {
            if let Some(p) = self.persons.get_mut(i) {
                for t in titles {
                    if !p.titles.contains(&t) {
                        p.titles.push(t);
                    }
                }
            }
            return i;
        }
        let (male, female) = titles
            .iter()
            .filter_map(|t| words::title_gender(t))
            .fold((0, 0), |(m, f), g| if g { (m + 1, f) } else { (m, f + 1) });
        let n = tokens.len();
        let last = tokens.last().map_or("", |s| s.as_str());
        let surname = if n >= 2 && words::is_suffix(&key(last)) {
            tokens.get(n - 2).map_or(last, |s| s.as_str())
        } else {
            last
        }
        .to_string();
        let index = self.persons.len();
        self.by_tokens.insert(tokens.clone(), index);
        let ends = self.by_end.entry(last.to_string()).or_default();
        ends.push(index);
        if surname != last {
            self.by_end.entry(surname.clone()).or_default().push(index);
        }
        self.persons.push(Person {
            surname,
            tokens,
            titles,
            male,
            female,
            speaks: false,
        });
        index
    }

    /// Runs of capitalized words outside quotes: `(first token, last+1)`.
    fn cap_runs(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if self.quoted[i] || !self.is_word(i) || !is_cap(self.word(i)) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < self.toks.len()
                && !self.quoted[j]
                && self.is_word(j)
                && self.piece[j] == self.piece[i]
                && !words::is_possessive(self.word(j - 1))
            {
                let w = self.word(j);
                let particle = words::is_particle(self.key(j))
                    && self.toks.get(j + 1).is_some_and(|t| t.is_word())
                    && is_cap(self.word(j + 1));
                if !(is_cap(w) || particle) {
                    break;
                }
                j += 1;
            }
            out.push((i, j));
            i = j;
        }
        out
    }

    /// Lower-case title words of a run: the ones inside it before the name and
    /// up to two lower-case words right before it (`spokesman Josh Earnest`).
    fn run_titles(&self, lo: usize, hi: usize, name_len: usize) -> Vec<String> {
        let mut titles: Vec<String> = (lo..hi.saturating_sub(name_len))
            .map(|i| self.key(i).to_string())
            .collect();
        let mut i = lo;
        for _ in 0..2 {
            if i == 0 || !self.is_word(i - 1) || self.quoted[i - 1] || is_cap(self.word(i - 1)) {
                break;
            }
            i -= 1;
            titles.push(self.key(i).to_string());
        }
        titles
    }

    fn register_persons(&mut self) {
        let runs = std::mem::take(&mut self.runs);
        for (lo, hi, name) in &runs {
            if name.len() < 2 || !person_like(name) {
                continue;
            }
            let titles = self.run_titles(*lo, *hi, name.len());
            self.add_person(name.clone(), titles);
        }
        self.runs = runs;
    }

    /// The known person a name refers to: the full name whose last words
    /// these are, preferring one mentioned before `at`.
    fn lookup(&self, name: &[String], at: usize) -> Option<usize> {
        let exact = self.by_tokens.get(name).copied();
        // A single name that is also the end of a longer one resolves to it.
        if exact.is_some() && name.len() > 1 {
            return exact;
        }
        let fits_any = |p: &Person| {
            p.tokens.len() > name.len()
                && (p.tokens.ends_with(name)
                    || (name.len() == 1 && name.first().is_some_and(|n| n == p.surname())))
        };
        // `Mr. Trump` is the father when the article also names a `Jr.`.
        let suffixed = |p: &Person| {
            p.tokens.last().is_some_and(|w| words::is_suffix(&key(w)))
                && !name.last().is_some_and(|w| words::is_suffix(&key(w)))
        };
        // Every person that fits ends with the name's last word or has it
        // as surname; ascending, as persons were added.
        let mut candidates: Vec<usize> = name
            .last()
            .and_then(|w| self.by_end.get(w))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&k| self.persons.get(k).is_some_and(fits_any))
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let person = |k: &usize| self.persons.get(*k);
        let plain_exists = candidates.iter().filter_map(person).any(|p| !suffixed(p));
        candidates.retain(|k| person(k).is_some_and(|p| !(plain_exists && suffixed(p))));
        // The fitting person mentioned last before `at`, else the first one.
        let last_before = |k: &usize| {
            let at_list = self.mentioned_at.get(*k)?;
            let n = at_list.partition_point(|&m| m < at);
            n.checked_sub(1).and_then(|i| at_list.get(i)).copied()
        };
        let before = candidates
            .iter()
            .filter_map(|k| last_before(k).map(|m| (m, *k)))
            .max()
            .map(|(_, k)| k);
        before.or_else(|| candidates.first().copied()).or(exact)
    }

    fn collect_mentions(&mut self) {
        let mut mentions = Vec::new();
        let runs = std::mem::take(&mut self.runs);
        for (lo, hi, name) in &runs {
            if name.is_empty() {
                continue;
            }
            let at = self.toks[*lo].start;
            if let Some(p) = self.lookup(name, at) {
                mentions.push(Mention { at, person: p });
                // Honorifics right before the name tell the gender.
                let titles = self.run_titles(*lo, *hi, name.len());
                for t in titles {
                    match words::title_gender(&t) {
                        Some(true) => self.persons[p].male += 1,
                        Some(false) => self.persons[p].female += 1,
                        None => {}
                    }
                }
            }
        }
        mentions.sort_by_key(|m| m.at);
        let mut mentioned_at = vec![Vec::new(); self.persons.len()];
        for m in &mentions {
            if let Some(list) = mentioned_at.get_mut(m.person) {
                list.push(m.at);
            }
        }
        self.mentions = mentions;
        self.mentioned_at = mentioned_at;
        self.runs = runs;
    }

    fn sentence_of(&self, at: usize) -> usize {
        self.sentences
            .partition_point(|s| s.span.start <= at)
            .saturating_sub(1)
    }

    /// A sentence naming one person who is then `he` or `she` tells that
    /// person's gender.
    fn gender_from_pronouns(&mut self) {
        let mut by_sentence: Vec<Vec<Mention>> = vec![Vec::new(); self.sentences.len().max(1)];
        for m in &self.mentions {
            let s = self.sentence_of(m.at);
            if let Some(v) = by_sentence.get_mut(s) {
                v.push(*m);
            }
        }
        let mut votes = Vec::new();
        for (i, t) in self.toks.iter().enumerate() {
            if self.quoted[i] || !t.is_word() {
                continue;
            }
            let male = match self.key(i) {
                "he" | "him" | "his" | "himself" => true,
                "she" | "her" | "hers" | "herself" => false,
                _ => continue,
            };
            let s = self.sentence_of(t.start);
            let Some(ms) = by_sentence.get(s) else {
                continue;
            };
            let mut people = ms.iter().filter(|m| m.at < t.start).map(|m| m.person);
            if let Some(first) = people.next() {
                if people.all(|p| p == first) && ms.iter().all(|m| m.person == first) {
                    votes.push((first, male));
                }
            }
        }
        for (p, male) in votes {
            if let Some(person) = self.persons.get_mut(p) {
                if male {
                    person.male += 1;
                } else {
                    person.female += 1;
                }
            }
        }
    }

    /// Pass 2: the speaker's name for an attribution.
    fn resolve(&mut self, f: &Found, at: usize) -> Option<String> {
        match &f.who {
            Who::Name(tokens) => Some(
                self.lookup(tokens, at)
                    .and_then(|p| self.persons.get(p))
                    .map_or_else(|| tokens.join(" "), |p| p.name()),
            ),
            Who::Pronoun(p) => {
                let male = match p.as_str() {
                    "he" => true,
                    "she" => false,
                    _ => return None,
                };
                let person = self.antecedent(f.at, male)?;
                let entry = self.persons.get_mut(person)?;
                // What a pronoun was resolved to is evidence for later ones.
                if male {
                    entry.male += 1;
                } else {
                    entry.female += 1;
                }
                Some(entry.name())
            }
            Who::Nominal(phrase, head) => {
                let definite = phrase.to_lowercase().starts_with("the ");
                if definite && words::is_title(head) {
                    let title_fits = |p: &Person| {
                        p.titles
                            .iter()
                            .any(|t| t == head || expand_title(t) == head.as_str())
                    };
                    let hit = self
                        .mentions
                        .iter()
                        .rev()
                        .filter(|m| m.at < at)
                        .find(|m| self.persons.get(m.person).is_some_and(title_fits));
                    if let Some(m) = hit {
                        return self.persons.get(m.person).map(|p| p.name());
                    }
                }
                Some(phrase.clone())
            }
        }
    }

    /// The person a `he`/`she` at byte `at` refers to: the first person of
    /// fitting gender named in the nearest sentence before it.
    ///
    /// A person known to have that gender, or known to speak in the article,
    /// is preferred within the look-back to one merely named (a run of
    /// capitals such as a book title may look like a name).
    fn antecedent(&self, at: usize, male: bool) -> Option<usize> {
        let here = self.sentence_of(at);
        let lowest = here.saturating_sub(PRONOUN_LOOKBACK);
        // The mentions from the first sentence looked at up to `at`.
        let from = self.sentences.get(lowest).map_or(0, |s| s.span.start);
        let lo = self.mentions.partition_point(|m| m.at < from);
        let hi = self.mentions.partition_point(|m| m.at < at);
        let window = self.mentions.get(lo..hi.max(lo)).unwrap_or(&[]);
        let mut fallback = None;
        for s in (lowest..=here).rev() {
            let fitting = window
                .iter()
                .filter(|m| self.sentence_of(m.at) == s)
                .filter(|m| {
                    self.persons.get(m.person).is_some_and(|p| {
                        p.gender().map_or(true, |g| g == male) && person_like(&p.tokens)
                    })
                });
            for m in fitting {
                let known = self
                    .persons
                    .get(m.person)
                    .is_some_and(|p| p.gender().is_some() || p.speaks);
                if known {
                    return Some(m.person);
                }
                fallback.get_or_insert(m.person);
            }
        }
        fallback
    }

    /// A quote that says nothing of its speaker continues the quotation
    /// before it in its paragraph, or, when it opens a paragraph, the one
    /// ending the paragraph before; failing that, the attribution of the
    /// sentence before (`…, Schiff said. "…"`, `Trump said: ¶ "…"`). A term
    /// only continues a quote of its own sentence (`called him a "liar" and
    /// a "bully"`).
    fn inherit(
        &mut self,
        raws: &[Raw],
        k: usize,
        done: &[Attribution],
        terms: &[bool],
    ) -> Attribution {
        let Some(r) = raws.get(k) else {
            return Attribution::default();
        };
        let carry = |a: &Attribution| Attribution {
            speaker: a.speaker.clone(),
            cue: None,
        };
        let term = terms.get(k).copied().unwrap_or(false);
        if term {
            let prev = k.checked_sub(1).and_then(|p| raws.get(p).map(|x| (p, x)));
            if let Some((p, prev)) = prev {
                if self.same_sentence(prev, r) {
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
        let starts_sentence = self.starts_sentence(r);
        for p in (0..k).rev() {
            let prev = &raws[p];
            if prev.last_paragraph != r.paragraph {
                break;
            }
            if !starts_sentence && !self.same_sentence(prev, r) {
                break;
            }
            if terms.get(p).copied().unwrap_or(false) && !self.same_sentence(prev, r) {
                continue;
            }
            if let Some(a) = done.get(p).filter(|a| a.speaker.is_some()) {
                return carry(a);
            }
            break;
        }
        // The quotation ending the paragraph before.
        if k > 0 && self.opens_paragraph(r) {
            let prev = &raws[k - 1];
            let prev_term = terms.get(k - 1).copied().unwrap_or(false);
            if prev.last_paragraph + 1 == r.paragraph && !prev_term && self.ends_paragraph(prev) {
                if let Some(a) = done.get(k - 1).filter(|a| a.speaker.is_some()) {
                    return carry(a);
                }
            }
        }
        // The sentence before, in this paragraph or ending the one before.
        let (qlo, _) = self.quote_tokens(r);
        let piece = self.piece.get(qlo).copied();
        let mut start = qlo;
        while start > 0
            && !self.quoted[start - 1]
            && !self.is_terminator(start - 1)
            && self.piece.get(start - 1).copied() == piece
        {
            start -= 1;
        }
        if start == 0 || self.quoted[start - 1] {
            return Attribution::default();
        }
        let same_piece = self.piece.get(start - 1).copied() == piece;
        let prev_paragraph = start == qlo
            && self
                .piece
                .get(start - 1)
                .and_then(|&p| self.piece_paragraph.get(p))
                .is_some_and(|&p| p + 1 == r.paragraph);
        if !(same_piece || prev_paragraph) {
            return Attribution::default();
        }
        let mut end = start;
        // A colon stays: `Lee echoed:` ¶ `"…"` is read as a colon intro.
        if self.is_terminator(end - 1) {
            end -= 1;
        }
        let mut lo = end;
        while lo > 0
            && !self.quoted[lo - 1]
            && !self.is_terminator(lo - 1)
            && self.piece.get(lo - 1) == self.piece.get(end.saturating_sub(1))
        {
            lo -= 1;
        }
        if self.follows_quote(lo) {
            return Attribution::default();
        }
        match self.before(lo, end) {
            Some(f) => {
                let speaker = self.resolve(&f, r.open);
                Attribution { speaker, cue: None }
            }
            None => Attribution::default(),
        }
    }

    /// True when no words of its sentence stand before the quote.
    fn starts_sentence(&self, r: &Raw) -> bool {
        let (qlo, _) = self.quote_tokens(r);
        let mut i = qlo;
        while i > 0 && !self.quoted[i - 1] && self.piece.get(i - 1) == self.piece.get(qlo) {
            if self.is_terminator(i - 1) {
                return true;
            }
            if self.is_word(i - 1) {
                return false;
            }
            i -= 1;
        }
        true
    }

    /// True when no sentence ends between two quotes.
    fn same_sentence(&self, a: &Raw, b: &Raw) -> bool {
        let (_, ahi) = self.quote_tokens(a);
        let (blo, _) = self.quote_tokens(b);
        a.last_paragraph == b.paragraph && (ahi..blo).all(|i| !self.is_terminator(i))
    }

    /// True when at most one sentence end follows a quote in its paragraph
    /// (`"…," he said.` closes it).
    fn ends_paragraph(&self, r: &Raw) -> bool {
        let (_, hi) = self.quote_tokens(r);
        let piece = hi.checked_sub(1).and_then(|i| self.piece.get(i));
        let mut ends = 0;
        let mut i = hi;
        while i < self.toks.len() && self.piece.get(i) == piece {
            if self.quoted[i] {
                return false;
            }
            if self.is_terminator(i) {
                ends += 1;
            }
            i += 1;
        }
        ends <= 1
    }

    fn opens_paragraph(&self, r: &Raw) -> bool {
        let (qlo, _) = self.quote_tokens(r);
        qlo == 0 || self.piece.get(qlo - 1) != self.piece.get(qlo)
    }
}

fn is_weekday(k: &str) -> bool {
    matches!(
        k,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
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

/// The name at the right end of a capitalized phrase, titles and openers left
/// out: `U.S. Secretary of State Hillary Clinton` → `Hillary Clinton`.
fn name_suffix(words_: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (n, w) in words_.iter().enumerate().rev() {
        let k = key(w);
        let last = n + 1 == words_.len();
        let cap = is_cap(w);
        let particle = words::is_particle(&k) && !out.is_empty();
        if !(cap || particle) {
            break;
        }
        // `Continued Lee:`: a capitalized reporting verb opens no name.
        let verb = lexicon::speech_verb(&k)
            .is_some_and(|v| matches!(v.form, lexicon::Form::Past | lexicon::Form::Third));
        if !last && (words::is_title(&k) || words::is_opener(&k) || words::is_possessive(w) || verb)
        {
            break;
        }
        if last && words::is_opener(&k) {
            break;
        }
        let w = if last { words::strip_possessive(w) } else { w };
        out.push(w.trim_end_matches(',').to_string());
    }
    out.reverse();
    // A leading time word (`Tuesday Trump`) is not part of the name.
    while out.len() > 1 && out.first().is_some_and(|w| words::is_time(&key(w))) {
        out.remove(0);
    }
    out
}

/// True when a name looks like a person's: no organization or place word, no
/// acronym, no day or month.
fn person_like(name: &[String]) -> bool {
    !name.is_empty()
        && name.iter().all(|w| {
            let k = key(w);
            let acronym = w.chars().count() > 1
                && !w.contains('.')
                && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
            !words::is_non_person(&k) && !is_weekday(&k) && !acronym && !words::is_time(&k)
                || words::is_suffix(&k)
        })
}
