//! Text features, computed once per sentence and shared by the similarity,
//! alignment and dedup stages.
//!
//! A sentence becomes a few sorted integer lists, so that comparing two
//! sentences is merging sorted `u64`s rather than handling strings:
//!
//! - **words**: every word of the sentence in order, as a term id. A term id
//!   is the hash of the word's *key*: case folded, curly quotes and dashes
//!   unified, British and American spellings brought together by suffix rules
//!   ([`spelling_key`]), then stemmed (Snowball English), so `defence`,
//!   `Defense` and `defenses` are one term;
//! - **terms**: the content words (function words and reporting verbs left
//!   out), sorted and unique, each flagged as a name or a number. These carry
//!   the meaning that the similarity measure compares;
//! - **bigrams**: pairs of consecutive words (function words kept), which tell
//!   a sentence that was copied and lightly edited from one that says the same
//!   thing in other words;
//! - **full names**: people named by two or more capitalized words ("Foreign
//!   Minister Sergei Lavrov"), which `align` uses to pair the sentences where
//!   a person named only in passing appears;
//!
//! Ids are hashes (FxHash of the key) rather than indexes into a shared
//! table: two documents analyzed apart, even on different threads, give the
//! same id to the same word, and no stage needs a lock. With 64-bit ids a
//! collision between two of the few hundred thousand distinct words of a
//! corpus is far too unlikely to matter.

mod spelling;

pub use spelling::{misspellings, relink, spelling_key};

use crate::span::Span;
use crate::Document;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::borrow::Cow;
use std::hash::{Hash, Hasher};

/// A word's identity after normalization: the hash of its key.
pub type TermId = u64;

/// A content word of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Term {
    /// The word's id.
    pub id: TermId,
    /// Bit set of [`Term::NAME`] and [`Term::NUMBER`].
    pub flags: u8,
}

impl Term {
    /// The word is a proper name (capitalized inside a sentence, or an
    /// acronym such as `NATO` or `U.S.`).
    pub const NAME: u8 = 1;
    /// The word is a number (`2012`, `1,500`, `3.5`).
    pub const NUMBER: u8 = 2;

    /// True for a proper name.
    pub fn is_name(&self) -> bool {
        self.flags & Term::NAME != 0
    }

    /// True for a number.
    pub fn is_number(&self) -> bool {
        self.flags & Term::NUMBER != 0
    }
}

/// The features of one sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceFeatures {
    /// Every word in order (function words included), as term ids.
    pub words: Vec<TermId>,
    /// Content words, sorted by id, unique.
    pub terms: Vec<Term>,
    /// Hashes of consecutive word pairs, sorted, unique.
    pub bigrams: Vec<u64>,
    /// Full names written in the sentence, sorted, unique.
    pub full_names: Vec<FullName>,
}

/// A person's name written in full: the last two of a run of capitalized
/// words, once titles are set aside ("NATO envoy Dmitry Rogozin" and
/// "Russia's ambassador, Dmitry Rogozin" both give `Dmitry Rogozin`).
/// News style names a person in full at the first mention and by surname
/// after, so the sentence holding the full name is where the person enters
/// the story. Places and bodies written in two capitalized words ("New
/// York") look the same and are kept: text alone does not tell them apart,
/// and `align` asks more of a name than being written in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FullName {
    /// Hash of the two words' term ids, in order.
    pub key: u64,
    /// The term id of the last word (the surname), as found in
    /// [`SentenceFeatures::terms`] when the person is named by surname.
    pub surname: TermId,
}

impl SentenceFeatures {
    /// The features of several sentences read as one (in the order given):
    /// what a group of sentences that together match another is compared as.
    pub fn join(parts: &[&SentenceFeatures]) -> SentenceFeatures {
        let mut out = SentenceFeatures::default();
        for p in parts {
            out.words.extend_from_slice(&p.words);
            out.terms.extend_from_slice(&p.terms);
            out.bigrams.extend_from_slice(&p.bigrams);
            out.full_names.extend_from_slice(&p.full_names);
        }
        dedup_terms(&mut out.terms);
        out.bigrams.sort_unstable();
        out.bigrams.dedup();
        out.full_names.sort_unstable();
        out.full_names.dedup();
        out
    }
}

fn bigram(x: TermId, y: TermId) -> u64 {
    x.rotate_left(17) ^ y.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The features of every sentence of one document, in sentence order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Features {
    /// One entry per sentence.
    pub sentences: Vec<SentenceFeatures>,
    /// How the document spells its long lower-case content words (case
    /// folded, spelling variants unified, not stemmed), by term id: what
    /// `align` compares letter by letter to catch a misspelt word.
    pub spellings: FxHashMap<TermId, String>,
}

/// Words shorter than this are not matched letter by letter: among short
/// words one letter changes the word ("protest", "protect").
pub const MIN_SPELLING_LEN: usize = 8;

impl Features {
    /// Features of an analyzed document's sentences.
    pub fn of(doc: &Document) -> Features {
        let spans: Vec<Span> = doc.sentences.iter().map(|s| s.span).collect();
        Features::from_spans(&doc.article.text, &spans)
    }

    /// Features of sentences given as spans into `text`. A span that is out
    /// of range or not on character boundaries gives an empty sentence.
    pub fn from_spans(text: &str, spans: &[Span]) -> Features {
        let sentences: Vec<&str> = spans
            .iter()
            .map(|s| text.get(s.start..s.end).unwrap_or(""))
            .collect();
        Features::from_sentences(&sentences)
    }

    /// Features of sentences given as strings (one document's, in order).
    pub fn from_sentences(sentences: &[&str]) -> Features {
        let mut lexer = Lexer::new();
        // A word written with a capital letter at the start of a sentence may
        // be a name or just the first word; it counts as a name when the
        // document also writes it capitalized inside a sentence.
        let mut tokens: Vec<Vec<RawToken>> = sentences.iter().map(|s| tokenize(s)).collect();
        for toks in &mut tokens {
            mark_title_case(toks);
        }
        let mut inner_capitals: FxHashSet<&str> = FxHashSet::default();
        for toks in &tokens {
            for t in toks
                .iter()
                .filter(|t| !t.first && !t.titled && t.capitalized)
            {
                inner_capitals.insert(t.text);
            }
        }
        let sentences = tokens
            .iter()
            .map(|toks| lexer.sentence(toks, &inner_capitals))
            .collect();
        let spellings = lexer
            .spellings
            .into_iter()
            .filter(|(id, _)| lexer.lower_content.contains(id))
            .collect();
        Features {
            sentences,
            spellings,
        }
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// True when there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }
}

/// One word as written, before normalization.
#[derive(Debug, Clone, Copy)]
struct RawToken<'t> {
    text: &'t str,
    /// First word of the sentence.
    first: bool,
    /// Starts with an upper-case letter.
    capitalized: bool,
    /// In a title-case line, where every word is capitalized and the
    /// capital says nothing about names.
    titled: bool,
    /// Only white space separates it from the previous word: "Dmitry
    /// Rogozin" is one name, "NATO, Dmitry" two.
    spaced: bool,
    /// Byte offset of its end in the sentence.
    end: usize,
}

/// Splits a sentence into words: runs of letters and digits, keeping an
/// apostrophe between letters (`don't`, `Russia's`), a dot inside a dotted
/// acronym (`U.S.`) and a comma or dot between digits (`1,500`, `3.5`).
/// Hyphens, dashes and other punctuation separate words.
fn tokenize(s: &str) -> Vec<RawToken<'_>> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    let mut start: Option<usize> = None;
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let joins = |p: Option<char>| match (p, c, next) {
            (Some(p), '\'' | '’' | 'ʼ', Some(n)) => p.is_alphabetic() && n.is_alphabetic(),
            (Some(p), '.', Some(n)) => {
                (p.is_ascii_digit() && n.is_ascii_digit()) || (p.is_uppercase() && n.is_uppercase())
            }
            (Some(p), ',', Some(n)) => p.is_ascii_digit() && n.is_ascii_digit(),
            _ => false,
        };
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if start.is_some() && joins(prev) {
            // part of the word
        } else if let Some(st) = start.take() {
            push_token(s, &mut out, st, i);
        }
        prev = Some(c);
    }
    if let Some(st) = start {
        push_token(s, &mut out, st, s.len());
    }
    out
}

fn push_token<'t>(s: &'t str, out: &mut Vec<RawToken<'t>>, start: usize, end: usize) {
    let text = &s[start..end];
    let capitalized = text.chars().next().is_some_and(char::is_uppercase);
    // A word opens a clause, where any word is capitalized, at the start of
    // the sentence and after an opening quote, a colon, a bracket or a dash
    // (`He said: "We agree."`).
    let head = s[..start].trim_end();
    // Only white space between the two words, or the full stop of an
    // initial ("Robert S. Mueller").
    let gap = out.last().and_then(|p: &RawToken<'_>| {
        let gap = s.get(p.end..start)?;
        let initial = p.text.chars().count() == 1 && p.capitalized;
        Some(if initial {
            gap.strip_prefix('.').map_or((gap, false), |g| (g, true))
        } else {
            (gap, false)
        })
    });
    let spaced = gap.is_some_and(|(g, _)| g.chars().all(char::is_whitespace));
    // The full stop of an initial does not end a sentence.
    let after_initial = gap.is_some_and(|(_, initial)| initial);
    let mut back = head.chars().rev();
    let opens = !after_initial
        && match back.next() {
            None => true,
            Some('“' | '‘' | ':' | '(' | '[' | '—' | '–' | '.' | '?' | '!' | '…') => true,
            // A straight quote opens when nothing but space comes before it;
            // after punctuation it closes a quote (`…," Health Minister`).
            Some('"' | '\'') => back.next().map_or(true, char::is_whitespace),
            Some(_) => false,
        };
    out.push(RawToken {
        text,
        first: out.is_empty() || opens,
        capitalized,
        titled: false,
        spaced,
        end,
    });
}

/// Small numbers spelled out, read as digits: house styles differ (AP
/// spells out one to nine, others write digits), so "two judges" and "2
/// judges" are one fact. "One" is left out: it is mostly a pronoun.
const NUMBER_WORDS: &[(&str, &str)] = &[
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
];

/// A headline set in title case ("Rebels Seize Airport in Overnight Raid")
/// has at least this many capitalized content words after its first word.
const MIN_TITLE_WORDS: usize = 3;

/// Marks the words of a title-case line: after its first word, every word
/// but the short function words of titles (`of`, `the`) is capitalized (at least
/// [`MIN_TITLE_WORDS`] of them). Prose always has other lower-case words
/// ("met", "said"); a headline that ran into the story, or was kept as a
/// sentence, has none, and its capitals must not make every word a name.
fn mark_title_case(toks: &mut [RawToken<'_>]) {
    let mut capitals = 0;
    for t in toks.iter().skip(1) {
        if !t.text.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        if t.capitalized {
            capitals += 1;
        } else if !crate::segment::is_title_minor(t.text) {
            return;
        }
    }
    if capitals >= MIN_TITLE_WORDS {
        for t in toks {
            t.titled = t.capitalized;
        }
    }
}

/// What the lexer knows about a word as written.
#[derive(Debug, Clone, Copy)]
struct Word {
    id: TermId,
    stop: bool,
    number: bool,
    acronym: bool,
}

/// Normalizes words, caching each distinct spelling once per document.
struct Lexer<'t> {
    stemmer: rust_stemmers::Stemmer,
    cache: FxHashMap<&'t str, Word>,
    /// Extra words produced by splitting contractions (`n't` → `not`).
    not_id: TermId,
    /// Folded spellings of long words, by id (see [`Features::spellings`]).
    spellings: FxHashMap<TermId, String>,
    /// Ids of words used as content written in lower case (not names).
    lower_content: FxHashSet<TermId>,
}

impl<'t> Lexer<'t> {
    fn new() -> Lexer<'t> {
        Lexer {
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
            cache: FxHashMap::default(),
            not_id: hash_str("not"),
            spellings: FxHashMap::default(),
            lower_content: FxHashSet::default(),
        }
    }

    fn word(&mut self, text: &'t str) -> Word {
        if let Some(w) = self.cache.get(text) {
            return *w;
        }
        let (w, folded) = self.normalize(text);
        if let Some(f) = folded {
            self.spellings.entry(w.id).or_insert(f);
        }
        self.cache.insert(text, w);
        w
    }

    /// The word, and its folded spelling when it is long enough to be
    /// matched letter by letter.
    fn normalize(&self, text: &str) -> (Word, Option<String>) {
        let acronym = is_acronym(text);
        let mut number = text.chars().next().is_some_and(|c| c.is_ascii_digit());
        let mut lower: String = text
            .chars()
            .filter(|&c| !((c == ',' && number) || (c == '.' && acronym)))
            .map(|c| if matches!(c, '’' | 'ʼ') { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect();
        // Possessives and contractions: "Russia's" is Russia; "don't" is
        // "do" followed by "not" (the "not" is added by the caller).
        if let Some(stem) = lower.strip_suffix("n't") {
            lower = match stem {
                "wo" => "will".to_string(),
                "ca" => "can".to_string(),
                "sha" => "shall".to_string(),
                s => s.to_string(),
            };
        } else if let Some(p) = lower.find('\'') {
            lower.truncate(p);
        }
        if let Some(&(_, digits)) = NUMBER_WORDS.iter().find(|(w, _)| *w == lower) {
            lower = digits.to_string();
            number = true;
        }
        let stop = !acronym && is_stopword(&lower);
        let mut spelling = None;
        let key: Cow<str> = if number || acronym {
            Cow::Borrowed(lower.as_str())
        } else {
            let folded = spelling_key(&lower);
            if !stop && folded.chars().count() >= MIN_SPELLING_LEN {
                spelling = Some(folded.to_string());
            }
            Cow::Owned(self.stemmer.stem(&folded).into_owned())
        };
        // An acronym whose letters spell a function word ("US", "IT") is
        // kept apart from that word.
        let id = if acronym && is_stopword(&key) {
            hash_str(&format!("{key}#"))
        } else {
            hash_str(&key)
        };
        let word = Word {
            id,
            stop,
            number,
            acronym,
        };
        (word, spelling)
    }

    fn sentence(
        &mut self,
        toks: &[RawToken<'t>],
        inner_capitals: &FxHashSet<&str>,
    ) -> SentenceFeatures {
        let mut words = Vec::with_capacity(toks.len() + 2);
        // Whether each word is plain content (neither a function word nor a
        // name), for the word pairs below.
        let mut plain = Vec::with_capacity(toks.len() + 2);
        let mut terms = Vec::with_capacity(toks.len());
        let mut full_names = Vec::new();
        // The run of capitalized words being read: (id, whether it cannot
        // be part of a person's name).
        let mut run: Vec<(TermId, bool)> = Vec::new();
        for t in toks {
            let w = self.word(t.text);
            // A function word written with a capital inside a sentence is a
            // name ("in May", "The Hague"); the pronoun "I" is not.
            // Where any word is capitalized (a sentence's first word, a
            // title-case line), the capital is no sign of a name.
            let telling = !t.first && !t.titled;
            let capital_inside = t.capitalized && telling && t.text != "I";
            let content = !w.stop || capital_inside;
            let name = content
                && (w.acronym
                    || (t.capitalized
                        && !w.number
                        && (telling || inner_capitals.contains(t.text))));
            // A full name may open the sentence ("Carla Mendes said"), where
            // its first word is not known to be a name by itself.
            let opening = t.first && t.capitalized && content && !w.number;
            let name_part = name || opening;
            if !(name_part && t.spaced) {
                push_full_name(&run, &mut full_names);
                run.clear();
            }
            // Initials and suffixes ("Robert S. Mueller III", "Jesse
            // Jackson Jr.") are left out of a name, so that it is the same
            // name however much of it a writer spells out.
            let initial = t.text.chars().count() == 1;
            if name_part && !initial && !crate::lexicon::name_suffixes().contains(&t.text) {
                run.push((w.id, w.acronym || is_role_word(w.id)));
            }
            words.push(w.id);
            plain.push(content && !name);
            if content && !name && !t.capitalized && !w.number {
                self.lower_content.insert(w.id);
            }
            if t.text.ends_with("n't") || t.text.ends_with("n’t") {
                words.push(self.not_id);
                plain.push(false);
            }
            if !content {
                continue;
            }
            let mut flags = 0;
            if name {
                flags |= Term::NAME;
            }
            if w.number {
                flags |= Term::NUMBER;
            }
            terms.push(Term { id: w.id, flags });
        }
        push_full_name(&run, &mut full_names);
        full_names.sort_unstable();
        full_names.dedup();
        dedup_terms(&mut terms);
        // Word pairs that hold at least one plain content word: pairs of
        // names and function words ("Minister Tomas", "told the") say who
        // spoke and how the sentence is built, not what it says.
        let mut bigrams: Vec<u64> = (1..words.len())
            .filter(|&k| plain[k - 1] || plain[k])
            .map(|k| bigram(words[k - 1], words[k]))
            .collect();
        bigrams.sort_unstable();
        bigrams.dedup();
        SentenceFeatures {
            words,
            terms,
            bigrams,
            full_names,
        }
    }
}

/// The full name a run of capitalized words ends with, if any: its last two
/// words after the last title or acronym ("NATO Secretary General Anders
/// Fogh Rasmussen" gives `Fogh Rasmussen`, "Foreign Minister Lavrov" none).
fn push_full_name(run: &[(TermId, bool)], out: &mut Vec<FullName>) {
    let tail = run.rsplit(|&(_, not_name)| not_name).next().unwrap_or(&[]);
    if let [.., (given, _), (surname, _)] = tail {
        out.push(FullName {
            key: bigram(*given, *surname),
            surname: *surname,
        });
    }
}

/// Sorts terms and keeps one of each; a word written as a name anywhere in
/// the sentence is a name.
pub(crate) fn dedup_terms(terms: &mut Vec<Term>) {
    terms.sort_unstable();
    terms.dedup_by(|later, first| {
        if later.id == first.id {
            first.flags |= later.flags;
            true
        } else {
            false
        }
    });
}

fn hash_str(s: &str) -> TermId {
    let mut h = FxHasher::default();
    s.hash(&mut h);
    h.finish()
}

/// True for a word that says what a person is or where they spoke rather
/// than what they said: a title ("minister", "envoy", "General") or the
/// setting of a statement ("reporters", "conference"). Such words are left
/// out of full names and are not evidence that two sentences about one
/// person report the same thing ("the envoy told reporters …" opens many
/// different statements).
pub fn is_role_word(id: TermId) -> bool {
    static IDS: std::sync::OnceLock<FxHashSet<TermId>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        let lexer = Lexer::new();
        crate::lexicon::role_words()
            .map(|w| lexer.normalize(w).0.id)
            .collect()
    })
    .contains(&id)
}

/// `NATO`, `EU`, `U.S.`: two or more letters, all upper case (dots allowed).
fn is_acronym(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && text.chars().all(|c| c.is_uppercase() || c == '.')
}

/// Function words and reporting verbs: they tell how a sentence is built or
/// who is reported, not what it says, so they are left out of a sentence's
/// content terms (they stay in its word sequence). A background table built
/// into the crate, so that two short articles, whose own frequencies say
/// little, still weigh "the" and "said" at nothing.
pub fn is_stopword(lower: &str) -> bool {
    crate::lexicon::is_stopword(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> SentenceFeatures {
        Features::from_sentences(&[s]).sentences.remove(0)
    }

    fn ids(s: &str) -> Vec<TermId> {
        one(s).terms.iter().map(|t| t.id).collect()
    }

    #[test]
    fn case_quotes_and_inflection_are_folded() {
        assert_eq!(ids("Warned"), ids("warnings"));
        assert_eq!(ids("Russia’s"), ids("Russia's"));
        assert_eq!(ids("U.S."), ids("US"));
        assert_eq!(ids("1,500"), ids("1500"));
        assert_eq!(ids("two judges"), ids("2 judges"));
        assert_eq!(one("We don't agree").words, one("We do not agree").words);
    }

    #[test]
    fn names_and_numbers_are_flagged() {
        let f = one("Talks in Chicago ended in May 2012 without NATO.");
        let names = f.terms.iter().filter(|t| t.is_name()).count();
        let numbers = f.terms.iter().filter(|t| t.is_number()).count();
        assert_eq!(names, 3, "{f:?}");
        assert_eq!(numbers, 1);
        // "Talks" opens the sentence and is not a name.
        assert!(f
            .terms
            .iter()
            .any(|t| t.id == ids("talks")[0] && !t.is_name()));
    }

    #[test]
    fn title_case_headlines_do_not_make_every_word_a_name() {
        let f = Features::from_sentences(&[
            "Ferry Operator Halts Crossings After Storm Damage in Dover",
            "Officials in Dover said the storm damaged two ferries.",
        ]);
        let names: Vec<bool> = f.sentences[0].terms.iter().map(Term::is_name).collect();
        // Only Dover, which the story also writes capitalized in prose.
        assert_eq!(names.iter().filter(|&&n| n).count(), 1, "{f:?}");
        // A sentence with a lower-case verb is prose, whatever its capitals.
        let g = one("Secretary General Anders Fogh Rasmussen said so.");
        assert!(g.terms.iter().filter(|t| t.is_name()).count() >= 3);
    }

    #[test]
    fn full_names_are_read_past_titles_initials_and_suffixes() {
        let key =
            |s: &str| -> Vec<TermId> { one(s).full_names.iter().map(|n| n.surname).collect() };
        let keys = |s: &str| -> Vec<u64> { one(s).full_names.iter().map(|n| n.key).collect() };
        let rows = [
            (
                "NATO envoy Dmitry Rogozin spoke.",
                "The ambassador, Dmitry Rogozin, spoke.",
            ),
            (
                "Secretary General Anders Fogh Rasmussen said so.",
                "Rasmussen met Anders Fogh Rasmussen.",
            ),
            (
                "Special counsel Robert S. Mueller III spoke.",
                "They asked Robert Mueller.",
            ),
            (
                "Former Representative Jesse Jackson Jr. pleaded guilty.",
                "Jesse Jackson met them.",
            ),
            ("Carla Mendes said so.", "They met Carla Mendes."),
        ];
        for (x, y) in rows {
            assert_eq!(keys(x).len(), 1, "{x}");
            assert_eq!(keys(x), keys(y), "{x} / {y}");
        }
        // A surname alone, or a title before it, is not a full name.
        assert!(key("Foreign Minister Lavrov spoke.").is_empty());
        assert!(key("Lavrov spoke to the Foreign Minister.").is_empty());
        // A comma separates two names.
        assert_eq!(
            keys("In Moscow, Sergei Lavrov spoke."),
            keys("Sergei Lavrov spoke.")
        );
    }

    #[test]
    fn function_words_are_not_content() {
        assert!(one("He said that they would not.").terms.is_empty());
    }

    #[test]
    fn odd_spans_give_empty_sentences() {
        let f = Features::from_spans("héllo", &[Span::new(1, 2), Span::new(3, 99)]);
        assert_eq!(f.len(), 2);
        assert!(f.sentences.iter().all(|s| s.words.is_empty()));
    }
}
