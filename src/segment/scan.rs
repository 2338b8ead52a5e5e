//! The punctuation scanner: finds the sentence ends inside one block (a
//! stretch of text with no hard line break).
//!
//! It walks the bytes once and stops only at `.`, `!`, `?` and the lead byte
//! of a few multi-byte characters (`…`, bullets, CJK full stops); everything
//! else is skipped by a table look-up. At each stop it looks a few characters
//! back (the word before the period) and forward (closing quotes, the next
//! word) and decides with the rules in [`Scanner::period`],
//! [`Scanner::ellipsis`] and [`Scanner::bang`]. Nothing is copied: the result
//! is a list of spans.

use super::headlines;
use super::lists;
use super::words::{self, WordKind};
use crate::span::Span;

/// Bytes at which the scanner stops: sentence punctuation and the UTF-8 lead
/// bytes of `…`, bullets (U+2022 to U+25xx: 0xE2) and the CJK and full-width
/// stops (0xE3, 0xEF).
const fn stops() -> [bool; 256] {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
}
static STOPS: [bool; 256] = stops();

/// At most this many words, led by a preposition, before `a.m.`/`p.m.` make
/// a sentence-initial phrase rather than a sentence (`At 5 a.m. Mr. Smith
/// left`, `On Monday at 6 a.m. Mr. Smith arrived`). Six covers two short
/// prepositional phrases; a longer stretch usually holds a clause.
const MAX_PHRASE_WORDS: usize = 6;

/// How far the scanner looks back or ahead for the token around a period.
/// Words and abbreviations are far shorter; a longer run without spaces
/// (a URL, a run of dots) is judged by its last 256 bytes, which keeps every
/// look bounded and the whole scan linear.
const MAX_TOKEN_BYTES: usize = 256;

/// Dots in the shortest ellipsis.
const MIN_ELLIPSIS_DOTS: usize = 3;

/// A run of at least this many dots before a number is leaders (a table of
/// contents, a price list), not an ellipsis: five is one more than a period
/// followed by an ellipsis.
const MIN_LEADER_DOTS: usize = 5;

/// Page numbers after leader dots have at most this many digits.
const MAX_PAGE_DIGITS: usize = 4;

/// An attribution after a quoted question is a name of at most three words,
/// maybe a title, then the verb: five words in all.
const MAX_ATTRIBUTION_WORDS: usize = 5;

/// How far ahead a quotation's closing mark is looked for: a few short
/// exclamations or questions.
const MAX_QUOTE_BYTES: usize = 200;

/// A bracketed list or range of references (`[1 - 3]`, `[4, 7, 9]`) is at
/// most this long.
const MAX_NOTE_BYTES: usize = 16;

/// Footnote references after a sentence end (`martyr.[1]`) have at most this
/// many digits.
const MAX_NOTE_DIGITS: usize = 3;

/// Note marks written as bare numbers after a stop (`fee. 8 Yet`) have at
/// most this many digits; a longer number is an amount or a year.
const MAX_NOTE_MARK_DIGITS: usize = 2;

/// Item and section numbers have at most this many digits (`lists`).
const MAX_ITEM_DIGITS: usize = 3;

#[cfg(test)]
thread_local! {
    /// Bytes the scanner has stepped over or looked back at, for the test
    /// that the scan stays linear (a count, not a clock).
    pub(super) static WORK: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts `n` bytes of work (tests only).
#[inline]
fn work(n: usize) {
    #[cfg(test)]
    WORK.with(|w| w.set(w.get() + n));
    #[cfg(not(test))]
    let _ = n;
}

/// Splits the block `start..end` of `text` into sentences, appending their
/// spans (relative to `text`) to `out`.
pub(super) fn block(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(piece) = text.get(start..end) else {
        return;
    };
    let lead = piece.len() - piece.trim_start().len();
    let start = start + lead;
    let Some(piece) = text.get(start..end) else {
        return;
    };
    // An inline numbered list (`1) … 2) …`) is cut into items first.
    let mut from = start;
    for item in lists::inline_items(piece) {
        range(text, from, start + item, out);
        from = start + item;
    }
    range(text, from, end, out);
}

/// Scans one list item or block.
fn range(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let marker = text.get(start..end).map_or(0, lists::marker_len);
    let mut s = Scanner {
        text,
        bytes: text.as_bytes(),
        end,
        sentence: start,
        out,
    };
    s.run(start + marker);
    let from = s.sentence;
    emit(text, s.out, from, end);
}

/// What a look-ahead found after a sentence-ending mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next<'t> {
    /// The block ends.
    End,
    /// Something follows with no space in between.
    Attached,
    /// A word starting in lower case, or punctuation that never opens a
    /// sentence (`Fig. ??`, `. ,`): the sentence goes on.
    Lower,
    /// A word starting with a capital (or an uncased letter); the letters.
    Upper(&'t str),
    /// A digit.
    Digit,
    /// Any other character.
    Other,
}

/// The next token after white space, and whether an opening quote led it.
#[derive(Debug, Clone, Copy)]
struct Ahead<'t> {
    next: Next<'t>,
    quoted: bool,
    /// The next word is a lone capital followed by a period: an initial
    /// (`U. A. E.`), never the article `A`.
    initial: bool,
    /// The word after the next starts in lower case (`Shares rose`): the
    /// capitalized word is a sentence's first, not part of a title-case name.
    then_lower: bool,
}

impl Ahead<'_> {
    /// The next word is an ordinary capitalized word (`Shares`), not an
    /// acronym (`KG`).
    fn plain_word(&self) -> bool {
        matches!(self.next, Next::Upper(w) if w.chars().skip(1).any(char::is_lowercase))
    }

    /// The next word is one that typically opens a sentence.
    fn starter(&self) -> bool {
        matches!(self.next, Next::Upper(w) if words::is_starter(w)) && !self.initial
    }
}

struct Scanner<'t, 'o> {
    text: &'t str,
    bytes: &'t [u8],
    end: usize,
    /// Where the current sentence started.
    sentence: usize,
    out: &'o mut Vec<Span>,
}

impl<'t> Scanner<'t, '_> {
    fn run(&mut self, from: usize) {
        let mut i = from;
        while i < self.end {
            work(1);
            let b = self.byte(i);
            if !STOPS[usize::from(b)] {
                i += 1;
                continue;
            }
            i = match b {
                b'.' => self.period(i),
                b'!' | b'?' => self.bang(i),
                _ => self.multibyte(i),
            };
        }
    }

    fn byte(&self, i: usize) -> u8 {
        if i < self.end {
            self.bytes.get(i).copied().unwrap_or(0)
        } else {
            0
        }
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..self.end)?.chars().next()
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text.get(self.sentence.min(i)..i)?.chars().next_back()
    }

    /// Ends the current sentence at `at`; the next one starts there.
    fn cut(&mut self, at: usize) {
        emit(self.text, self.out, self.sentence, at);
        self.sentence = at;
    }

    /// Steps over closing quotes and brackets after a mark. Returns the
    /// position after them, or `None` when an apostrophe turns out to start a
    /// possessive or contraction (`Jr.'s`), which is no sentence end.
    fn closers(&self, mut k: usize) -> Option<usize> {
        while let Some(c) = self.char_at(k) {
            if let Some(note) = self.footnote(k) {
                k = note;
                continue;
            }
            // Nested quotations closing together, set apart: `decision.’ ”`.
            if c == ' ' {
                let far = self.char_at(k + 1).filter(|d| matches!(d, '”' | '»'));
                let after = far.and_then(|d| self.char_at(k + 1 + d.len_utf8()));
                if far.is_some() && after.map_or(true, char::is_whitespace) {
                    k += 1;
                    continue;
                }
            }
            let after = self.char_at(k + c.len_utf8());
            // An opening mark typed where the closing one belongs
            // (`decision.“ However`): glued to the stop, white space after.
            let reversed = c == '“' && after.map_or(true, char::is_whitespace);
            if !is_closer(c) && !reversed {
                break;
            }
            if after.is_some_and(char::is_alphanumeric) {
                if matches!(c, '\'' | '’') {
                    return None;
                }
                break;
            }
            k += c.len_utf8();
        }
        Some(k)
    }

    /// A footnote reference at `k` (`[12]`, or ` [3]` after one space): the
    /// position after it.
    fn footnote(&self, k: usize) -> Option<usize> {
        let k = if self.byte(k) == b' ' { k + 1 } else { k };
        if self.byte(k) != b'[' {
            return None;
        }
        // `[12]`, or a range or list of references: `[1 - 3]`, `[4, 7]`.
        let digits = (k + 1..)
            .take_while(|&d| self.byte(d).is_ascii_digit())
            .count();
        (1..=MAX_NOTE_DIGITS).contains(&digits).then_some(())?;
        let close = (k + 1..k + MAX_NOTE_BYTES)
            .take_while(|&d| matches!(self.byte(d), b'0'..=b'9' | b' ' | b',' | b'-'))
            .last()
            .map_or(k + 1, |d| d + 1);
        (self.byte(close) == b']').then_some(close + 1)
    }

    /// True when nothing but white space precedes `start` in the sentence.
    fn opens_sentence(&self, start: usize) -> bool {
        self.text
            .get(self.sentence.min(start)..start)
            .is_some_and(|s| s.trim().is_empty())
    }

    /// True when the token starting at `start` follows a comma.
    fn after_comma(&self, start: usize) -> bool {
        let before = self.text.get(self.sentence.min(start)..start).unwrap_or("");
        before.trim_end().ends_with(',')
    }

    /// True when the closers in `from..to` include a quotation mark.
    fn closes_quote(&self, from: usize, to: usize) -> bool {
        self.text
            .get(from..to)
            .is_some_and(|c| c.contains(['"', '\'', '”', '’', '»', '›', '`']))
    }

    /// Looks at what follows position `k` (after a mark and its closers).
    fn ahead(&self, k: usize) -> Ahead<'t> {
        let mut ahead = Ahead {
            next: Next::End,
            quoted: false,
            initial: false,
            then_lower: false,
        };
        let Some(rest) = self.text.get(k..self.end) else {
            return ahead;
        };
        if rest.is_empty() {
            return ahead;
        }
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() {
            ahead.next = Next::Attached;
            return ahead;
        }
        let word = trimmed.trim_start_matches(is_opener);
        ahead.quoted = trimmed[..trimmed.len() - word.len()]
            .chars()
            .any(|c| !matches!(c, '(' | '[' | '{'));
        // A hyphen glued to a capital is an item dash (`. -Dick has been`);
        // a dash with space after it is a dateline or attribution (below).
        let word = match word.strip_prefix('-') {
            Some(w) if w.starts_with(char::is_uppercase) => w,
            _ => word,
        };
        ahead.next = match word.chars().next() {
            None => Next::End,
            // Dashes too: `HEMPSTEAD, N.Y. ― If it worked` is a dateline,
            // and `him.” ― Ann Lee` an attribution.
            // `eHow`, `iPhone`: a brand written with an inner capital is a
            // capitalized word that opens sentences like any other.
            Some(c) if c.is_lowercase() && camel(word) => {
                let n = word
                    .find(|c: char| !c.is_alphabetic())
                    .unwrap_or(word.len());
                Next::Upper(&word[..n])
            }
            Some(c)
                if c.is_lowercase()
                    || matches!(c, ',' | ';' | ':' | '?' | '!' | '%' | '-' | '–' | '—' | '―') =>
            {
                Next::Lower
            }
            Some(c) if c.is_alphabetic() => {
                let n = word
                    .find(|c: char| !c.is_alphabetic())
                    .unwrap_or(word.len());
                ahead.initial = n == c.len_utf8() && word[n..].starts_with('.');
                let after = word[n..].trim_start_matches(|c: char| !c.is_whitespace());
                ahead.then_lower = after
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
                Next::Upper(&word[..n])
            }
            Some(c) if c.is_ascii_digit() => Next::Digit,
            Some(_) => Next::Other,
        };
        ahead
    }

    /// A `.`: a sentence end, an abbreviation, a decimal point, part of an
    /// address or of an ellipsis. Returns where to go on scanning.
    fn period(&mut self, i: usize) -> usize {
        let prev = self.char_before(i);
        // Consecutive dots, then dots spaced out (`. . .`).
        let mut j = i + 1;
        while self.byte(j) == b'.' {
            j += 1;
        }
        let solid = j - i;
        let mut spaced = 0;
        while self.byte(j) == b' '
            && self.byte(j + 1) == b'.'
            && !self.byte(j + 2).is_ascii_alphanumeric()
        {
            j += 2;
            spaced += 1;
            while self.byte(j) == b'.' {
                j += 1;
            }
        }
        if spaced == 0 && solid >= MIN_LEADER_DOTS {
            if let Some(next) = self.leaders(j) {
                return next;
            }
        }
        if solid + spaced >= 2 {
            let attached = prev.is_some_and(|c| !c.is_whitespace());
            // `rose.....Sales fell`: four dots or more are a stop and an
            // ellipsis, and a capitalized word glued to them opens the next
            // sentence, as after a single stop typed without its space.
            // Leader dots point an entry at its page instead (`Results
            // .........Page 4`): a number after the glued word keeps them.
            if spaced == 0 && solid > MIN_ELLIPSIS_DOTS && attached && !self.page_after(j) {
                let word = core_word(self.token_before(i));
                if self.no_space_boundary(j - 1, word) {
                    self.cut(j);
                    return j;
                }
            }
            let dots = self.bytes.get(i..j).map_or(0, |d| bytecount(d, b'.'));
            if attached && solid == 1 && dots > MIN_ELLIPSIS_DOTS {
                // `compounds. . . . The`, `politics. ... I think`: a period,
                // then a whole ellipsis that opens the next sentence (the
                // four-dot convention). With a closing quote after the dots
                // the run stays with the quotation (`time. . . ." He left`).
                if matches!(self.ahead(j).next, Next::Upper(_)) {
                    self.cut(i + 1);
                    return j;
                }
            }
            return self.ellipsis(i, j);
        }

        // Decimal point, thousands, version numbers, IP addresses.
        if prev.is_some_and(|c| c.is_ascii_digit()) && self.byte(i + 1).is_ascii_digit() {
            return i + 1;
        }
        let Some(k) = self.closers(i + 1) else {
            return i + 1;
        };
        let ahead = self.ahead(k);
        // `ended on Monday . Mr. Lee`, `Dr . Lee`: a space typed before the
        // stop leaves it free-standing, but it still closes the word before
        // the space, which decides as if the stop were glued to it.
        let mut token_end = i;
        if prev == Some(' ') {
            while token_end > self.sentence && self.byte(token_end - 1) == b' ' {
                token_end -= 1;
            }
        }
        let token = self.token_before(token_end);
        let token_start = token_end - token.len();
        let word = core_word(token);
        let boundary = match ahead.next {
            Next::End | Next::Lower => false,
            Next::Attached => {
                // `reopened .Ships sailed`: a space typed before the stop
                // instead of after it; the word before the space decides.
                let word = if prev == Some(' ') {
                    core_word(self.token_before(i - 1))
                } else {
                    word
                };
                if k == i + 1 && self.no_space_boundary(i, word) {
                    self.cut(i + 1);
                }
                return i + 1;
            }
            _ => {
                let kind = match words::kind(word) {
                    _ if words::is_web_address(token) => WordKind::Regular,
                    // A quotation closing right after an abbreviation's
                    // period (`in the U.S." Obama said`) ends the sentence
                    // as surely as after any word.
                    WordKind::Prepositive => WordKind::Prepositive,
                    // A letter opening the sentence marks a question, an
                    // answer or an item (`A. The governor won`), never a
                    // sentence of its own.
                    WordKind::Ambiguous
                        if word.chars().nth(1).is_none() && self.opens_sentence(token_start) =>
                    {
                        WordKind::Prepositive
                    }
                    // So does a bare item or section number (`2. Later
                    // Years`): a number alone is no sentence.
                    _ if token.len() <= MAX_ITEM_DIGITS
                        && token.bytes().all(|c| c.is_ascii_digit())
                        && self.opens_sentence(token_start) =>
                    {
                        WordKind::Prepositive
                    }
                    _ if self.closes_quote(i + 1, k) => WordKind::Regular,
                    // `Chappaqua, N.Y. Mr. Gowdy`: a state after `City,`
                    // closes the place name.
                    WordKind::Ambiguous
                        if words::is_state(word) && self.after_comma(token_start) =>
                    {
                        WordKind::Terminal
                    }
                    kind => kind,
                };
                self.decide(i, kind, word, &ahead)
                    && !(self.closes_quote(i + 1, k) && self.attribution(k, true))
            }
        };
        if boundary {
            let note = self.note_number(k);
            self.cut(note.unwrap_or(k));
            return note.unwrap_or(k.max(i + 1));
        }
        k.max(i + 1)
    }

    /// A note number after a sentence end (`a fee. 8 Yet some`): one or two
    /// digits, then a word that typically opens a sentence. A sentence in
    /// prose does not open with a bare digit before such a word, so the
    /// number is the sentence's note mark: the position after it.
    fn note_number(&self, k: usize) -> Option<usize> {
        let (d, end) = self.short_number(k, MAX_NOTE_MARK_DIGITS)?;
        if d == k {
            return None;
        }
        let ahead = self.ahead(end);
        (self.byte(end) == b' ' && ahead.starter() && !ahead.quoted).then_some(end)
    }

    /// Decides a period followed by white space and `next`.
    fn decide(&self, at: usize, kind: WordKind, word: &str, ahead: &Ahead<'t>) -> bool {
        let next = ahead.next;
        match kind {
            WordKind::Prepositive => false,
            WordKind::Numbered if next == Next::Digit => false,
            WordKind::Regular | WordKind::Numbered => match next {
                // `N°. 5` is a number sign, `2011. 2012` two years, and a
                // short capitalized word before a number is an abbreviation
                // the lists lack (`Rd. 5`, `Sta. 12`).
                Next::Digit => {
                    word.ends_with(|c: char| c.is_alphanumeric()) && !short_capitalized(word)
                }
                _ => true,
            },
            WordKind::Ambiguous => match next {
                // A quotation after an initial is a nickname: `Robert C.
                // "Bobby" Scott`.
                Next::Upper(_) => {
                    ahead.starter()
                        || ahead.quoted && word.chars().nth(1).is_some()
                        || words::is_company(word) && ahead.then_lower && ahead.plain_word()
                }
                _ => false,
            },
            WordKind::Time => match next {
                Next::Upper(w) => {
                    ahead.starter() || !words::is_time_zone(w) && !self.opening_phrase(at)
                }
                _ => true,
            },
            WordKind::Terminal => match next {
                Next::Upper(_) => ahead.starter() || !self.opening_phrase(at),
                Next::Digit => false,
                _ => true,
            },
        }
    }

    /// True when the sentence up to `at` is a short phrase led by a
    /// preposition (`At 5 a.m.`): a time there ends no sentence unless the
    /// next word is one that opens sentences.
    fn opening_phrase(&self, at: usize) -> bool {
        // Only the last stretch can hold a phrase of a few words; looking no
        // further keeps the check constant-time in long sentences.
        let from = self.floor(
            self.sentence
                .max(at.saturating_sub(4 * MAX_TOKEN_BYTES))
                .min(at),
        );
        let Some(tail) = self.text.get(from..at) else {
            return false;
        };
        work(tail.len());
        // A colon opens a new clause: `He noted: In 44 B.C. Caesar died.`
        let so_far = match tail.rfind(": ") {
            Some(p) => &tail[p + 2..],
            None if from > self.sentence => return false,
            None => tail,
        };
        let mut words = so_far.split_whitespace();
        let first = words.next().unwrap_or("").trim_start_matches(is_opener);
        words::is_preposition(first) && words.count() < MAX_PHRASE_WORDS
    }

    /// The whitespace-delimited token that ends at `i`.
    fn token_before(&self, i: usize) -> &'t str {
        let from = self.floor(self.sentence.max(i.saturating_sub(MAX_TOKEN_BYTES)).min(i));
        let Some(before) = self.text.get(from..i) else {
            return "";
        };
        work(before.len());
        let start = before.rfind(char::is_whitespace).map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
        &before[start..]
    }

    /// The char boundary at or before `i`.
    fn floor(&self, mut i: usize) -> usize {
        while i > 0 && !self.text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    /// `world.Today`: a period glued to the next sentence. The word before
    /// (inside any closing bracket, quote or `%`) must be a real word (two
    /// letters or more, some lower case, no abbreviation) or a number, the
    /// next must look like a capitalized word, and the token must not be an
    /// address (`Jane.Doe@example.com`).
    fn no_space_boundary(&self, i: usize, word: &str) -> bool {
        let mut next = self.text.get(i + 1..self.end).unwrap_or("").chars();
        let (Some(a), Some(b)) = (next.next(), next.next()) else {
            return false;
        };
        if !(a.is_uppercase() && b.is_lowercase()) {
            return false;
        }
        // A closing bracket, quote or percent sign typed after the word or
        // number is part of what ends the sentence (`rose 5%.The`,
        // `(in Rome).The`, `"no".The`): the word inside decides.
        let last = word
            .trim_end_matches([')', ']', '%', '"', '”', '’'])
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let wordlike = last.chars().count() >= 2
            && last.chars().any(char::is_lowercase)
            && !words::is_abbreviation(last);
        if !(wordlike || last.ends_with(|c: char| c.is_ascii_digit())) {
            return false;
        }
        let limit = self.floor(self.end.min(i + MAX_TOKEN_BYTES));
        let token_end = self
            .text
            .get(i..limit)
            .and_then(|r| r.find(char::is_whitespace))
            .map_or(limit, |p| i + p);
        let token = self
            .text
            .get(i - self.token_before(i).len()..token_end)
            .unwrap_or("");
        !words::is_web_address(token)
    }

    /// Leader dots ending at `j` and a page number after them (`Methods
    /// ........ 12`): the dots join an entry to its number, which closes the
    /// entry, so the boundary falls after the number when a capitalized
    /// word follows (the next entry). Returns where to go on scanning, or
    /// `None` when no number follows (then the dots are an ellipsis).
    fn leaders(&mut self, j: usize) -> Option<usize> {
        let (_, end) = self.short_number(j, MAX_PAGE_DIGITS)?;
        match self.ahead(end).next {
            Next::Upper(_) => self.cut(end),
            Next::Attached => return None,
            _ => {}
        }
        Some(end)
    }

    /// True when the word at `k` is followed by a space and a digit (`Page
    /// 4`, `p 12`): a page reference.
    fn page_after(&self, k: usize) -> bool {
        let mut e = k;
        while self.byte(e).is_ascii_alphabetic() {
            e += 1;
        }
        self.byte(e) == b' ' && self.byte(e + 1).is_ascii_digit()
    }

    /// A number of 1 to `max` digits after the spaces at `k`: where it
    /// starts and ends.
    fn short_number(&self, k: usize, max: usize) -> Option<(usize, usize)> {
        let mut d = k;
        while self.byte(d) == b' ' {
            d += 1;
        }
        let digits = (d..)
            .take_while(|&e| self.byte(e).is_ascii_digit())
            .take(max + 1)
            .count();
        (1..=max).contains(&digits).then_some((d, d + digits))
    }

    /// An ellipsis from `i` to `j`: a sentence end only when a capitalized
    /// word follows after white space (not the pronoun `I`, which is
    /// capitalized anywhere). An elision in brackets (`[...]`) is read the
    /// same way, as an ellipsis standing free: `consistent [...] Ozone is`
    /// ends a sentence, `The deal [...] is done` does not.
    fn ellipsis(&mut self, i: usize, j: usize) -> usize {
        let mut open = self.char_before(i);
        let close = self.char_at(j);
        if matches!(open, Some('[' | '(')) && matches!(close, Some(']' | ')')) {
            open = Some(' ');
        }
        let Some(k) = self.closers(j) else {
            return j;
        };
        // The pronoun `I` is capitalized anywhere, so it starts a sentence
        // only after an ellipsis glued to the word before (`the win... I
        // ran`); a free-standing one (`the thing is . . . I didn't`) marks a
        // pause inside the sentence.
        let glued = open.is_some_and(|c| !c.is_whitespace());
        // An ellipsis opening a sentence (`said. … We will`) marks an
        // omission before the next words and belongs with them.
        let opens = self.opens_sentence(i);
        let attributed = self.closes_quote(j, k) && self.attribution(k, true);
        // A bracket after an omission (`stairways [...]" (Smith 55).`) is a
        // citation or aside of the same sentence.
        let aside = self
            .text
            .get(k..self.end)
            .is_some_and(|r| r.trim_start().starts_with(['(', '[']));
        if let Next::Upper(w) = self.ahead(k).next {
            if !opens && !attributed && !aside && (w != "I" || glued) {
                self.cut(k);
            }
        }
        k.max(j)
    }

    /// `!` or `?`, maybe doubled (`?!`): a sentence end unless a lower-case
    /// word follows (`Yahoo! in`, `"Why?" she asked`).
    fn bang(&mut self, i: usize) -> usize {
        let mut j = i + 1;
        loop {
            if matches!(self.byte(j), b'!' | b'?') {
                j += 1;
            } else if self.byte(j) == b' ' && matches!(self.byte(j + 1), b'!' | b'?') {
                // Spaced out, as in tokenized text: `Really ? ? ?`.
                j += 2;
            } else {
                break;
            }
        }
        let Some(k) = self.closers(j) else {
            return j;
        };
        // An ellipsis after the mark (`Happy! . . . no one`) belongs to it
        // and decides instead.
        let rest = self.text.get(k..self.end).unwrap_or("").trim_start();
        if rest.starts_with(['.', '…']) {
            return k.max(j);
        }
        match self.ahead(k).next {
            Next::End | Next::Attached | Next::Lower => {}
            // `“Stop lying!” Mr. Fox wrote.`: a question or exclamation
            // quoted and then attributed is one sentence.
            Next::Upper(_) if self.closes_quote(j, k) && self.attribution(k, false) => {}
            // `"Stop! Now!" the officer shouted`: exclamations inside a
            // quotation that a reporting clause goes on from.
            _ if k == j && self.inside_reported_quote(k) => {}
            _ => self.cut(k),
        }
        k.max(j)
    }

    /// True when a `!` or `?` before `k` stands inside a quotation that
    /// closes, within reach, after another `!` or `?` with a lower-case word
    /// after it (`"Stop! Now!" the officer said`, `They heard ‘Run! Go!’ and
    /// fled`): the marks are the quotation's, the sentence is the
    /// narrative's. Any pair of quotation marks counts (`"…"`, `“…”`,
    /// `‘…’`, `'…'`, `«…»`).
    fn inside_reported_quote(&self, k: usize) -> bool {
        // The quotation is short and the sentence before it too: look no
        // further, which keeps each look bounded.
        if k.saturating_sub(self.sentence) > MAX_QUOTE_BYTES {
            return false;
        }
        let so_far = self.text.get(self.sentence.min(k)..k).unwrap_or("");
        work(so_far.len() + MAX_QUOTE_BYTES);
        let Some(close) = open_quotation(so_far) else {
            return false;
        };
        let limit = self.floor(self.end.min(k + MAX_QUOTE_BYTES));
        let rest = self.text.get(k..limit).unwrap_or("");
        let Some(p) = closing_mark(rest, close) else {
            return false;
        };
        let inside = rest[..p].trim_end();
        let tail = &rest[p + close.len_utf8()..];
        // `"Stop! Go!" the officer said`, `"Stop! Go!", he said`, `"Stop!
        // Go!" — the officer said`.
        let after = tail.trim_start_matches([' ', ',', '—', '–', '-']);
        // A named speaker goes on from it too: `"Stop! Now!" Sgt. Ann Lee
        // shouted`.
        let named = || self.attribution(k + p + close.len_utf8(), false);
        inside.ends_with(['!', '?'])
            && tail.starts_with([' ', ','])
            && (after.starts_with(char::is_lowercase) || named())
    }

    /// True when the words after `k` are an attribution: a few capitalized
    /// words (a name, maybe with a title) and then a speech verb. `closed`
    /// asks that the verb end the clause (`Trump said.`, `Trump said,`), for
    /// quotations closed by a period or an ellipsis, where `“We won.” Trump
    /// said the count…` is more often a new sentence.
    fn attribution(&self, k: usize, closed: bool) -> bool {
        let rest = self.text.get(k..self.end).unwrap_or("");
        for (n, word) in rest
            .split_whitespace()
            .take(MAX_ATTRIBUTION_WORDS)
            .enumerate()
        {
            let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            if words::is_speech_verb(bare) {
                return n > 0 && (!closed || word.ends_with(['.', ',']));
            }
            // A pronoun or article opens a new sentence (`He continued`).
            if !bare.starts_with(char::is_uppercase) || words::is_starter(bare) {
                return false;
            }
        }
        false
    }

    /// A multi-byte character whose lead byte is in [`STOPS`].
    fn multibyte(&mut self, i: usize) -> usize {
        let Some(c) = self.char_at(i) else {
            return i + 1;
        };
        let j = i + c.len_utf8();
        match c {
            '…' => {
                let mut j = j;
                while let Some(d) = self.char_at(j).filter(|d| matches!(d, '…' | '.')) {
                    j += d.len_utf8();
                }
                self.ellipsis(i, j)
            }
            '。' | '！' | '？' | '｡' | '．' => {
                let k = self.closers(j).unwrap_or(j);
                self.cut(k);
                k
            }
            c if lists::is_bullet(c) => {
                if !self.opens_sentence(i) && self.char_before(i).is_some_and(char::is_whitespace) {
                    self.cut(i);
                    let marker = self.text.get(i..self.end).map_or(0, lists::marker_len);
                    return i + marker.max(c.len_utf8());
                }
                j
            }
            _ => j,
        }
    }
}

/// The word inside a token, for look-ups: leading quotes, brackets and
/// dashes removed, and only the part after the last hyphen (`ex-Gen`).
fn core_word(token: &str) -> &str {
    let t = token.trim_start_matches(|c: char| !c.is_alphanumeric());
    match t.rfind(['-', '–', '—']) {
        Some(p) if !words::is_web_address(t) => t
            .get(p + t[p..].chars().next().map_or(1, char::len_utf8)..)
            .unwrap_or(t),
        _ => t,
    }
}

/// A word of a lower-case letter then a capital (`eHow`, `iPhone`, `eBay`).
fn camel(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_lowercase) && chars.next().is_some_and(char::is_uppercase)
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '`' | '”' | '’' | ')' | ']' | '}' | '»' | '›' | '」' | '』' | '）'
    )
}

/// The closing mark of the quotation still open at the end of `s`, if one
/// is. A mark opens when it starts a word (white space, a bracket, a colon
/// or dash before it, a letter or digit after it) and closes when it ends
/// one (no white space before, no letter or digit after): so the
/// apostrophe in `don't` does neither.
fn open_quotation(s: &str) -> Option<char> {
    let mut open: Option<char> = None;
    let mut prev: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let starts = prev.map_or(true, |p| {
            p.is_whitespace() || matches!(p, '(' | '[' | ':' | '—' | '–')
        }) && next.is_some_and(char::is_alphanumeric);
        let ends =
            prev.is_some_and(|p| !p.is_whitespace()) && !next.is_some_and(char::is_alphanumeric);
        match open {
            Some(close) if c == close && ends => open = None,
            None if starts => open = quote_pair(c),
            _ => {}
        }
        prev = Some(c);
    }
    open
}

/// The closing mark that goes with an opening quotation mark.
fn quote_pair(c: char) -> Option<char> {
    match c {
        '"' => Some('"'),
        '“' => Some('”'),
        '‘' => Some('’'),
        '\'' => Some('\''),
        '«' => Some('»'),
        '‹' => Some('›'),
        _ => None,
    }
}

/// Where `close` first ends a word in `s` (see [`open_quotation`]).
fn closing_mark(s: &str, close: char) -> Option<usize> {
    s.match_indices(close).map(|(p, _)| p).find(|&p| {
        let before = s[..p].chars().next_back();
        let after = s[p + close.len_utf8()..].chars().next();
        before.is_some_and(|c| !c.is_whitespace()) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '`' | '“' | '‘' | '(' | '[' | '{' | '«' | '‹' | '„' | '¿' | '¡'
    )
}

/// Words of this many letters or fewer, capitalized, look like abbreviations
/// when a number follows their period: street, unit and month abbreviations
/// run two to four letters, while words that end sentences before a number
/// (years, amounts) are not capitalized words at all.
const MAX_SHORT_ABBREVIATION: usize = 4;

fn short_capitalized(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.clone().all(char::is_lowercase)
        && chars.count() < MAX_SHORT_ABBREVIATION
}

fn bytecount(bytes: &[u8], b: u8) -> usize {
    bytes.iter().filter(|&&x| x == b).count()
}

/// Appends `from..to` of `text`, trimmed, to `out` unless it is blank; a
/// headline or pull quote run into the sentence becomes its own.
fn emit(text: &str, out: &mut Vec<Span>, from: usize, to: usize) {
    let Some(piece) = text.get(from..to) else {
        return;
    };
    let mut start = from + (piece.len() - piece.trim_start().len());
    let mut body = piece.trim();
    while let Some(at) = headlines::boundary(body).filter(|&at| at > 0) {
        let head = body[..at].trim_end();
        out.push(Span::new(start, start + head.len()));
        start += at;
        body = &body[at..];
    }
    if !body.is_empty() {
        out.push(Span::new(start, start + body.len()));
    }
}
