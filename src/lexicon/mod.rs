//! Word lists shared by the stages, read from data files at compile time.
//!
//! `speech_verbs.txt` is the lexicon of reporting verbs: one list per
//! meaning, one lemma a line, with its inflections generated here, so a verb
//! is added once and all its forms (`quip`, `quips`, `quipped`, `quipping`)
//! become cues. The quotes stage reads cues from it
//! (`quotes::words::cue_len`). The segmenter keeps its own short list of
//! verbs that may follow a closing quotation mark (`segment::words`).
//!
//! `stopwords.txt` (function words), `role_words.txt` (titles and the
//! setting of a statement) and `name_suffixes.txt` (`Jr`, `III`) are the
//! text stage's lists, one word a line, `#` starting a comment.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

const SPEECH_VERBS: &str = include_str!("speech_verbs.txt");

/// Which inflection of its lemma a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `say`, `tell`.
    Base,
    /// `says`, `notes`.
    Third,
    /// `said`, `noted`, `written`.
    Past,
    /// `saying`, `noting`.
    Ing,
}

/// One form of a speech verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpeechVerb {
    /// The list the lemma stands in (`say`, `complain`, `exclaim`…).
    pub meaning: &'static str,
    /// Which inflection the word is.
    pub form: Form,
    /// The lemma is also a common noun (`note`, `charge`): its base form is
    /// no cue, and its -s form is one only after a subject.
    pub noun_too: bool,
}

#[derive(Default)]
struct Lexicon {
    /// Forms of verbs that attribute on their own.
    simple: FxHashMap<String, SpeechVerb>,
    /// Forms of phrasal verbs (`went` → `on`), with their particles.
    phrasal: FxHashMap<String, Vec<&'static str>>,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| parse(SPEECH_VERBS))
}

fn parse(data: &'static str) -> Lexicon {
    let mut lex = Lexicon::default();
    let mut meaning = "";
    for line in data.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            meaning = rest.split(']').next().unwrap_or("");
            continue;
        }
        let (words_part, particle) = match line.split_once('+') {
            Some((w, p)) => (w, Some(p.trim())),
            None => (line, None),
        };
        let mut words = words_part.split_whitespace();
        let Some(lemma) = words.next() else { continue };
        let mut pasts: Vec<&str> = Vec::new();
        let mut noun_too = false;
        for w in words {
            if w == "~" {
                noun_too = true;
            } else {
                pasts.push(w);
            }
        }
        let forms = inflect(lemma, &pasts);
        for (word, form) in forms {
            match particle {
                Some(p) => lex.phrasal.entry(word).or_default().push(p),
                None => {
                    lex.simple.entry(word).or_insert(SpeechVerb {
                        meaning,
                        form,
                        noun_too,
                    });
                }
            }
        }
    }
    lex
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The forms of a lemma: base, -s, past (the irregular `pasts` when given)
/// and -ing. A final consonant after one vowel may double (`quipped`,
/// `labelled`) or not (`offered`); both spellings are listed, as a form
/// no one writes matches nothing.
fn inflect(lemma: &str, pasts: &[&str]) -> Vec<(String, Form)> {
    let b = lemma.as_bytes();
    let n = b.len();
    let last = b.last().copied().unwrap_or(b'a');
    let before = if n >= 2 { b[n - 2] } else { b'a' };
    let mut out = vec![(lemma.to_string(), Form::Base)];
    let stem_y = last == b'y' && !is_vowel(before);
    let third = if stem_y {
        format!("{}ies", &lemma[..n - 1])
    } else if lemma.ends_with(['s', 'x', 'z', 'o'])
        || lemma.ends_with("ch")
        || lemma.ends_with("sh")
    {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    };
    out.push((third, Form::Third));
    let cvc = n >= 3
        && !is_vowel(last)
        && !matches!(last, b'w' | b'x' | b'y')
        && is_vowel(before)
        && (!is_vowel(b[n - 3]) || lemma.get(n.saturating_sub(4)..n - 2) == Some("qu"));
    if pasts.is_empty() {
        if stem_y {
            out.push((format!("{}ied", &lemma[..n - 1]), Form::Past));
        } else if last == b'e' {
            out.push((format!("{lemma}d"), Form::Past));
        } else {
            out.push((format!("{lemma}ed"), Form::Past));
            if cvc {
                out.push((format!("{lemma}{}ed", last as char), Form::Past));
            }
        }
    }
    for p in pasts {
        out.push((p.to_string(), Form::Past));
    }
    if lemma.ends_with("ie") {
        out.push((format!("{}ying", &lemma[..n - 2]), Form::Ing));
    } else if last == b'e' && !lemma.ends_with("ee") {
        out.push((format!("{}ing", &lemma[..n - 1]), Form::Ing));
    } else {
        out.push((format!("{lemma}ing"), Form::Ing));
        if cvc {
            out.push((format!("{lemma}{}ing", last as char), Form::Ing));
        }
    }
    out
}

/// The speech verb a lower-case word is a form of, if any.
pub fn speech_verb(word: &str) -> Option<SpeechVerb> {
    lexicon().simple.get(word).copied()
}

/// The particles that make a lower-case word a speech verb (`went` → `on`).
pub fn speech_particles(word: &str) -> &'static [&'static str] {
    lexicon().phrasal.get(word).map_or(&[], |v| v.as_slice())
}

const STOPWORDS: &str = include_str!("stopwords.txt");
const ROLE_WORDS: &str = include_str!("role_words.txt");
const NAME_SUFFIXES: &str = include_str!("name_suffixes.txt");

/// The entries of a word-list file: one a line, `#` comments and blank
/// lines skipped.
fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// True for a function word or reporting verb (`stopwords.txt`), given in
/// lower case.
pub fn is_stopword(lower: &str) -> bool {
    static SORTED: OnceLock<Vec<&'static str>> = OnceLock::new();
    SORTED
        .get_or_init(|| {
            let mut v: Vec<&str> = entries(STOPWORDS).collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .binary_search(&lower)
        .is_ok()
}

/// Titles, offices and the setting of a statement (`role_words.txt`).
pub fn role_words() -> impl Iterator<Item = &'static str> {
    entries(ROLE_WORDS)
}

/// What is written after a surname and is not part of it
/// (`name_suffixes.txt`), as written.
pub fn name_suffixes() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| entries(NAME_SUFFIXES).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_a_listed_verb_is_found() {
        for w in [
            "quip", "quips", "quipped", "quipping", "bemoaned", "denies", "denied",
        ] {
            assert!(speech_verb(w).is_some(), "{w}");
        }
        assert_eq!(speech_verb("told").map(|v| v.form), Some(Form::Past));
        assert_eq!(speech_verb("bemoans").map(|v| v.meaning), Some("complain"));
        assert!(speech_verb("table").is_none());
    }

    #[test]
    fn nouns_among_the_verbs_are_marked() {
        let notes = speech_verb("notes");
        assert!(notes.is_some_and(|v| v.noun_too && v.form == Form::Third));
        assert!(speech_verb("noted").is_some_and(|v| v.form == Form::Past));
    }

    #[test]
    fn phrasal_verbs_need_their_particle() {
        assert_eq!(speech_particles("went"), ["on"]);
        assert!(speech_particles("shot").contains(&"back"));
        assert!(speech_verb("went").is_none());
        assert!(speech_particles("table").is_empty());
    }

    #[test]
    fn word_lists_read_one_word_a_line() {
        assert!(is_stopword("the") && is_stopword("said") && !is_stopword("harbour"));
        assert!(entries(STOPWORDS).all(|w| !w.contains(' ') && w == w.to_lowercase()));
        assert!(role_words().any(|w| w == "ambassador"));
        assert_eq!(name_suffixes(), ["II", "III", "IV", "Jr", "Sr"]);
    }
}
