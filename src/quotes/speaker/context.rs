//! The words of an article as the speaker passes read them: story tokens
//! outside quotations (a quotation stands as its two marks), each with its
//! key, cue length, story piece and whether it lies in a quote, and the
//! stretches of sentence around each quote.

use super::super::marks::MarkedQuote;
use super::super::words::{self, is_cap, Tok};
use crate::article::Article;
use crate::lexicon;
use crate::segment::Sentence;
use rustc_hash::FxHashSet;

/// The tokens of one article and what is known of each.
pub(super) struct Context<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    /// For each token, the story piece it belongs to.
    pub piece: Vec<usize>,
    /// For each token, true when it lies inside a quote (marks included).
    pub quoted: Vec<bool>,
    /// Paragraph of each story piece.
    pub piece_paragraph: Vec<usize>,
    pub sentences: &'a [Sentence],
    /// Each token's `words::key`, computed once, as ranges into `key_text`.
    keys: Vec<(u32, u32)>,
    key_text: String,
    /// Each token's cue length (`words::cue_len`), computed once.
    cue_lens: Vec<u8>,
    /// Keys of the words written with a capital inside a sentence (outside
    /// quotes): a capital there marks a name; at a sentence start it marks
    /// nothing.
    capitalized_inside: FxHashSet<String>,
    /// Keys of the words written in lower case (outside quotes).
    lower_case: FxHashSet<String>,
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

impl<'a> Context<'a> {
    /// Tokenizes the story text of `article` around its quotes.
    pub fn new(article: &'a Article, sentences: &'a [Sentence], marked: &[MarkedQuote]) -> Self {
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
            while next_quote < marked.len()
                && marked[next_quote].close.max(marked[next_quote].end) <= at
            {
                next_quote += 1;
            }
            let mut q = next_quote;
            while let Some(r) = marked.get(q).filter(|r| r.open < span.end) {
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
            while q < marked.len() && marked[q].close <= t.start {
                q += 1;
            }
            if let Some(r) = marked.get(q) {
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
            // `A top strategist, Ann Lee, tells`: an apposition closed by
            // a comma after a name ends the subject.
            let apposed = i >= 2
                && toks[i - 1].is_punct(',')
                && toks[i - 2].is_word()
                && is_cap(toks[i - 2].text(text))
                && !words::is_possessive(toks[i - 2].text(text));
            if apposed {
                return true;
            }
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
            // `the website notes`, and `the Heritage Foundation website
            // notes`: a noun that a determiner opens, with a name as its
            // modifier between them.
            let mut d = p;
            while d > 0 && toks[d - 1].is_word() && d + 4 > p {
                let dw = toks[d - 1].text(text);
                if !is_cap(dw) || words::is_opener(key_of(d - 1)) || words::is_possessive(dw) {
                    break;
                }
                d -= 1;
            }
            d.checked_sub(1)
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
                // `Rubio's proposed plan`, `his stated aim`: a verb form
                // right after a possessive modifies the noun after it.
                let after_possessive =
                    i > 0 && toks[i - 1].is_word() && words::is_possessive(toks[i - 1].text(text));
                // `will continue to be`, `went on to win`: a verb of going
                // on followed by `to` continues an action, not a speech.
                let going_on = n > 0
                    && key_of(i + n) == "to"
                    && toks.get(i + n).is_some_and(|t| t.is_word())
                    && (lexicon::speech_verb(key_of(i)).is_some_and(|v| v.meaning == "continue")
                        || (n == 2 && next == Some("on")));
                // `the Senate goes on recess`, `went on television`: `go
                // on` before a noun is a going, not a speaking; as a cue
                // it stands before punctuation, a quote or an adverb.
                let goes_somewhere = n == 2
                    && next == Some("on")
                    && lexicon::speech_particles(key_of(i)).contains(&"on")
                    && toks.get(i + 2).is_some_and(|t| t.is_word())
                    && !key_of(i + 2).ends_with("ly");
                let n = if after_possessive || going_on || goes_somewhere {
                    0
                } else {
                    n
                };
                u8::try_from(n).unwrap_or(0)
            })
            .collect();
        let cx = Context {
            text,
            keys,
            key_text,
            cue_lens: cues,
            capitalized_inside: FxHashSet::default(),
            lower_case: FxHashSet::default(),
            toks,
            piece,
            quoted,
            piece_paragraph,
            sentences,
        };
        cx.with_capitals()
    }
}

impl Context<'_> {
    fn with_capitals(mut self) -> Self {
        let inside: FxHashSet<String> = (0..self.toks.len())
            .filter(|&i| {
                self.is_word(i)
                    && !self.quoted[i]
                    && is_cap(self.word(i))
                    && !self.opens_sentence(i)
            })
            .map(|i| self.key(i).to_string())
            .collect();
        let lower: FxHashSet<String> = (0..self.toks.len())
            .filter(|&i| self.is_word(i) && !self.quoted[i] && !is_cap(self.word(i)))
            .map(|i| self.key(i).to_string())
            .collect();
        self.capitalized_inside = inside;
        self.lower_case = lower;
        self
    }

    /// True when token `i` is the first of its sentence (of its story
    /// piece, or after a sentence end).
    pub fn opens_sentence(&self, i: usize) -> bool {
        i == 0 || self.piece.get(i - 1) != self.piece.get(i) || self.is_terminator(i - 1)
    }

    /// True when the article writes `key` as an ordinary word: in lower
    /// case somewhere, and never with a capital inside a sentence. Names
    /// are never written in lower case.
    pub fn is_common_word(&self, key: &str) -> bool {
        self.lower_case.contains(key) && !self.capitalized_inside.contains(key)
    }

    pub fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// Token `i` in lower case, without trailing period or possessive.
    pub fn key(&self, i: usize) -> &str {
        self.keys
            .get(i)
            .and_then(|&(a, b)| self.key_text.get(a as usize..b as usize))
            .unwrap_or("")
    }

    /// Length in tokens of the cue starting at token `i` (0: none).
    pub fn cue(&self, i: usize) -> usize {
        self.cue_lens.get(i).map_or(0, |&n| usize::from(n))
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_word())
    }

    pub fn is_terminator(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, words::Kind::Punct('.' | '!' | '?' | ';')))
    }

    /// Token index range `[lo, hi)` of the quote's marks and words.
    pub fn quote_tokens(&self, r: &MarkedQuote) -> (usize, usize) {
        let lo = self.toks.partition_point(|t| t.start < r.open);
        let hi = self.toks.partition_point(|t| t.start < r.close.max(r.end));
        (lo, hi)
    }

    /// The words around quote `k`, before and after, within its sentence.
    pub fn gaps(&self, r: &MarkedQuote) -> ((usize, usize), (usize, usize)) {
        let (qlo, qhi) = self.quote_tokens(r);
        // Before: back to the previous quote or the start of the piece, then
        // forward past the last sentence end.
        // A term before it (`visited NBC's "Today," saying "…"`) is part
        // of the running text: the stretch goes on past it.
        let piece_lo = self.piece.get(qlo).copied();
        let mut lo = qlo;
        loop {
            while lo > 0 && !self.quoted[lo - 1] && self.piece.get(lo - 1).copied() == piece_lo {
                lo -= 1;
            }
            match self.term_before(lo) {
                Some(open) if self.piece.get(open).copied() == piece_lo => lo = open,
                _ => break,
            }
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

    /// When the tokens right before `lo` close a term (a quote of at most
    /// two words that ends no sentence), the index of its opening mark.
    fn term_before(&self, lo: usize) -> Option<usize> {
        let close = lo.checked_sub(1).filter(|&c| self.quoted[c])?;
        let mut open = close;
        while open > 0 && self.quoted[open - 1] {
            open -= 1;
        }
        if open == close {
            return None;
        }
        let inner = self.text.get(self.toks[open].end..self.toks[close].start)?;
        let ends_sentence = inner.trim_end().ends_with(['.', '!', '?']);
        let words = inner.split_whitespace().count();
        (words <= 2 && !ends_sentence && open + 1 == close).then_some(open)
    }

    /// Index one past the first sentence end at or after `i`.
    pub fn sentence_end(&self, i: usize) -> usize {
        let mut j = i;
        while j < self.toks.len() && !self.quoted[j] {
            if self.is_terminator(j) {
                return j;
            }
            j += 1;
        }
        j
    }

    /// True when token `lo` comes right after a quote of its own piece.
    pub fn follows_quote(&self, lo: usize) -> bool {
        lo > 0 && self.quoted[lo - 1] && self.piece.get(lo - 1) == self.piece.get(lo)
    }

    /// True when no words of its sentence stand before the quote.
    pub fn starts_sentence(&self, r: &MarkedQuote) -> bool {
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
    pub fn same_sentence(&self, a: &MarkedQuote, b: &MarkedQuote) -> bool {
        let (_, ahi) = self.quote_tokens(a);
        let (blo, _) = self.quote_tokens(b);
        a.last_paragraph == b.paragraph && (ahi..blo).all(|i| !self.is_terminator(i))
    }

    /// True when at most one sentence end follows a quote in its paragraph
    /// (`"…," he said.` closes it).
    pub fn ends_paragraph(&self, r: &MarkedQuote) -> bool {
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

    pub fn opens_paragraph(&self, r: &MarkedQuote) -> bool {
        let (qlo, _) = self.quote_tokens(r);
        qlo == 0 || self.piece.get(qlo - 1) != self.piece.get(qlo)
    }

    pub fn sentence_of(&self, at: usize) -> usize {
        self.sentences
            .partition_point(|s| s.span.start <= at)
            .saturating_sub(1)
    }

    /// Runs of capitalized words outside quotes: `(first token, last+1)`.
    pub fn cap_runs(&self) -> Vec<(usize, usize)> {
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
    pub fn run_titles(&self, lo: usize, hi: usize, name_len: usize) -> Vec<String> {
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
}
