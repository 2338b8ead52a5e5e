//! Word lists the boundary rules consult: abbreviations by how they behave
//! before the next word, and the words that typically open a sentence.
//!
//! The lists are English news vocabulary (titles, company suffixes, months,
//! street words) written from style-guide knowledge, not from any test text.
//! All look-ups are case-insensitive on ASCII and allocation-free.

/// How a word that ends in a period behaves before the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WordKind {
    /// An ordinary word or number: its period ends the sentence when the next
    /// word starts a new one (capital letter, quote, bracket, symbol).
    Regular,
    /// A title or other abbreviation that stands before what it qualifies
    /// (`Mr.`, `Gen.`, `Mt.`, `e.g.`): its period never ends a sentence
    /// unless the text ends there.
    Prepositive,
    /// An abbreviation that stands before a number (`No. 5`, `p. 55`,
    /// `Fig. 3`): not a boundary before a digit, ordinary otherwise.
    Numbered,
    /// An abbreviation that may end a sentence or sit inside one (`U.S.`,
    /// `Co.`, `Jr.`, `Jan.`, initials): a boundary only before a word that
    /// typically opens a sentence (`The`, `He`, `How`).
    Ambiguous,
    /// `a.m.` and `p.m.`: followed inside a sentence only by a time zone, so
    /// a capitalized word after them usually starts a new sentence.
    Time,
    /// An abbreviation that closes a phrase and is never followed by a name
    /// in it: eras and degrees (`753 B.C.`, `her Ph.D.`). A boundary before a
    /// capitalized word, not before a digit (`A.D. 79`).
    Terminal,
}

/// Titles and other abbreviations that precede a name or a word.
#[rustfmt::skip]
const PREPOSITIVE: &[&str] = &[
    "adm", "amb", "atty", "brig", "capt", "cdr", "cf", "cmdr", "col", "cpl", "det", "dr", "e.g",
    "fr", "ft", "gen", "gov", "hon", "i.e", "insp", "lt", "maj", "messrs", "mlle", "mme", "mr",
    "mrs", "ms", "msgr", "mt", "pres", "prof", "pvt", "rep", "reps", "rev", "sen", "sens", "sgt",
    "spc", "supt", "viz", "vs",
];

/// Abbreviations that precede a number (`No. 5`, `Apt. 3`), and units that
/// follow one and may precede the next (`2 lb. 4 oz.`).
#[rustfmt::skip]
const NUMBERED: &[&str] = &[
    "approx", "apt", "art", "bldg", "ca", "ch", "chap", "cu", "ext", "fig", "figs", "gal", "hr",
    "hrs", "in", "lb", "lbs", "no", "nos", "nr", "op", "oz", "p", "para", "pp", "qt", "rm", "rte",
    "sec", "sect", "sq", "ste", "tel", "vol", "vols", "yd", "yds",
];

/// Dotted eras and academic degrees, written without their final period.
#[rustfmt::skip]
const TERMINAL: &[&str] = &[
    "a.d", "b.a", "b.c", "b.c.e", "b.s", "c.e", "d.d.s", "j.d", "ll.b", "ll.m", "m.a", "m.b.a",
    "m.d", "m.s", "ph.d",
];

/// Abbreviations that follow a name or stand at the end of a phrase, so they
/// can end a sentence as well as sit inside one; months and weekdays.
#[rustfmt::skip]
const AMBIGUOUS: &[&str] = &[
    "al", "apr", "assn", "aug", "ave", "blvd", "bros", "co", "corp", "dec", "dept", "esq", "est",
    "feb", "fri", "govt", "hwy", "inc", "intl", "jan", "jr", "jul", "jun", "llc", "ltd", "mar",
    "mfg", "mon", "mtn", "nov", "oct", "plc", "rd", "sat", "sep", "sept", "sr", "st", "sun", "thu",
    "thur", "thurs", "tue", "tues", "univ", "wed",
];

/// Capitalized words that typically open an English sentence and rarely
/// follow an abbreviation inside a noun phrase: pronouns, determiners,
/// question words, conjunctions, sentence adverbs and the round quantities
/// that open news sentences (`Thousands marched`). (`May`, `Will` and
/// `Can` are left out: they are also names.)
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    "a", "according", "after", "all", "also", "although", "among", "an", "and", "another", "any",
    "are", "as", "at", "because", "before", "being", "billions", "both", "but", "by", "could",
    "despite", "did", "do", "does", "dozens", "during", "each", "earlier", "either", "even",
    "every", "everyone", "everything", "few", "for", "from", "had", "has", "have", "he", "her",
    "here", "his", "how", "however", "hundreds", "i", "if", "in", "indeed", "instead", "is", "it",
    "its", "later", "let", "many", "meanwhile", "might", "millions", "more", "moreover", "most",
    "much", "must", "my", "neither", "no", "nobody", "none", "nor", "not", "nothing", "now", "on",
    "once", "only", "or", "other", "others", "our", "please", "several", "she", "should", "since",
    "so", "some", "someone", "something", "still", "such", "that", "the", "their", "then", "there",
    "these", "they", "this", "those", "though", "thousands", "thus", "today", "tomorrow", "under",
    "unless", "until", "was", "we", "were", "what", "when", "where", "whether", "which", "while",
    "who", "why", "with", "without", "would", "yesterday", "yet", "you", "your",
];

/// Prepositions that open an adverbial phrase at the start of a sentence
/// (`At 5 a.m. Mr. Smith left`): a few words led by one of them are not a
/// sentence of their own.
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "after", "around", "at", "before", "by", "during", "from", "in", "near", "on", "since", "till",
    "until",
];

/// Time-zone abbreviations that may follow `a.m.`/`p.m.` inside a sentence.
#[rustfmt::skip]
const TIME_ZONES: &[&str] = &[
    "aedt", "aest", "bst", "cdt", "cest", "cet", "ct", "edt", "eest", "eet", "est", "et", "gmt",
    "hkt", "ist", "jst", "mdt", "msk", "mst", "mt", "pdt", "pst", "pt", "sgt", "utc",
];

/// Longest word any list holds; longer words skip the look-up.
const MAX_LISTED: usize = 12;

/// Company suffixes: `Apple Inc. Chief Executive Tim Cook` goes on with a
/// title-case phrase, `Apple Inc. Shares rose` starts a sentence.
#[rustfmt::skip]
const COMPANY: &[&str] = &["bros", "co", "corp", "inc", "llc", "ltd", "plc"];

/// Verbs that attribute a quotation to its speaker (`“Why?” Ann Lee asked`).
#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "added", "adds", "answered", "asked", "asks", "continued", "cried", "declared", "demanded",
    "exclaimed", "explained", "insisted", "joked", "noted", "posted", "quipped", "recalled",
    "replied", "replies", "responded", "said", "says", "shouted", "shouts", "told", "tweeted",
    "tweets", "warned", "wondered", "wrote", "writes", "yelled",
];

/// US states written with periods between letters (AP style), which close
/// a place name after `City,`.
#[rustfmt::skip]
const STATES: &[&str] = &[
    "d.c", "n.c", "n.d", "n.h", "n.j", "n.m", "n.y", "r.i", "s.c", "s.d", "w.va",
];

/// Looks `word` up in `list`, ignoring ASCII case.
fn listed(list: &[&str], word: &str) -> bool {
    if word.len() > MAX_LISTED || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; MAX_LISTED];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    list.iter().any(|w| w.as_bytes() == &*lower)
}

/// True for a word that typically opens a sentence.
pub(super) fn is_starter(word: &str) -> bool {
    listed(STARTERS, word)
}

/// True for a company suffix (`Inc`, `Corp`).
pub(super) fn is_company(word: &str) -> bool {
    listed(COMPANY, word)
}

/// True for a verb that attributes a quotation.
pub(super) fn is_speech_verb(word: &str) -> bool {
    listed(SPEECH_VERBS, word)
}

/// True for a US state abbreviation with inner periods (`N.Y`).
pub(super) fn is_state(word: &str) -> bool {
    listed(STATES, word)
}

/// True for a preposition that can lead a sentence-initial phrase.
pub(super) fn is_preposition(word: &str) -> bool {
    listed(PREPOSITIONS, word)
}

/// True for a time-zone abbreviation.
pub(super) fn is_time_zone(word: &str) -> bool {
    listed(TIME_ZONES, word)
}

/// True when `word` is any kind of known abbreviation (used by the rule for
/// sentences with no space after the period, which must not split `Mr.Smith`).
pub(super) fn is_abbreviation(word: &str) -> bool {
    kind(word) != WordKind::Regular
}

/// Classifies the word in front of a period. `word` is the token without
/// surrounding quotes or brackets and without the final period, e.g. `U.S`,
/// `Mr`, `1,000`, `Jane.Doe@example.com`.
pub(super) fn kind(word: &str) -> WordKind {
    if word.is_empty() {
        return WordKind::Regular;
    }
    if is_web_address(word) {
        return WordKind::Regular;
    }
    if word.contains('.') {
        if is_dotted_abbreviation(word) {
            if listed(PREPOSITIVE, word) {
                return WordKind::Prepositive;
            }
            if listed(&["a.m", "p.m"], word) {
                return WordKind::Time;
            }
            if listed(TERMINAL, word) {
                return WordKind::Terminal;
            }
            return WordKind::Ambiguous;
        }
        // `Tuesday.Mr` (no space between sentences) or a number: only the
        // last piece stands before this period.
        let last = word.rsplit('.').next().unwrap_or(word);
        return kind(last);
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // A lone letter: an initial (`E. Smith`), the pronoun `I`, or a
        // list or page letter.
        return if c.is_alphabetic() {
            WordKind::Ambiguous
        } else {
            WordKind::Regular
        };
    }
    // `ft.` after a number is feet; `Ft.` before a name is Fort.
    if word == "ft" {
        return WordKind::Numbered;
    }
    if listed(PREPOSITIVE, word) {
        WordKind::Prepositive
    } else if listed(NUMBERED, word) {
        WordKind::Numbered
    } else if listed(AMBIGUOUS, word) {
        WordKind::Ambiguous
    } else {
        WordKind::Regular
    }
}

/// `U.S`, `U.S.A`, `a.m`, `Ph.D`, `i.e`: runs of one or two letters joined by
/// periods.
fn is_dotted_abbreviation(word: &str) -> bool {
    let mut pieces = 0;
    for piece in word.split('.') {
        let n = piece.chars().count();
        if n == 0 || n > 2 || !piece.chars().all(char::is_alphabetic) {
            return false;
        }
        pieces += 1;
    }
    pieces >= 2
}

/// E-mail addresses, URLs and paths, whose inner periods never end anything.
pub(super) fn is_web_address(token: &str) -> bool {
    token.contains('@')
        || token.contains("://")
        || token.contains('/')
        || token
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("www."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_words_before_a_period() {
        let rows = [
            ("Mr", WordKind::Prepositive),
            ("GEN", WordKind::Prepositive),
            ("e.g", WordKind::Prepositive),
            ("No", WordKind::Numbered),
            ("U.S", WordKind::Ambiguous),
            ("Co", WordKind::Ambiguous),
            ("E", WordKind::Ambiguous),
            ("a.m", WordKind::Time),
            ("P.M", WordKind::Time),
            ("Ph.D", WordKind::Terminal),
            ("B.C", WordKind::Terminal),
            ("ft", WordKind::Numbered),
            ("Ft", WordKind::Prepositive),
            ("oz", WordKind::Numbered),
            ("Tuesday.Mr", WordKind::Prepositive),
            ("world", WordKind::Regular),
            ("1,000", WordKind::Regular),
            ("100.00", WordKind::Regular),
            ("Jane.Doe@example.com", WordKind::Regular),
            ("N°", WordKind::Regular),
            ("", WordKind::Regular),
        ];
        for (word, want) in rows {
            assert_eq!(kind(word), want, "{word}");
        }
    }

    #[test]
    fn lists_ignore_case_and_reject_long_or_non_ascii_words() {
        assert!(is_starter("The"));
        assert!(is_starter("HOWEVER"));
        assert!(!is_starter("Government"));
        assert!(!is_starter("Ünter"));
        assert!(!is_starter("abcdefghijklmnopq"));
        assert!(is_time_zone("GMT"));
        assert!(is_preposition("At"));
    }
}
