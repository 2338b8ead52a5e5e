//! A small tokenizer for the text around quotations, and the word lists the
//! speaker finder reads (cue verbs, titles, function words).
//!
//! Tokens keep byte offsets into the article text. A period stays inside a
//! word when the word is an abbreviation or an initial (`U.S.`, `Sen.`, `J.`),
//! so a lone `.` token ends a sentence. Square brackets are dropped: an editor's
//! insertion such as `[Secretary General Anders Fogh] Rasmussen` reads as one
//! name.

use crate::lexicon;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, digits and the marks that may sit inside a word.
    Word,
    /// One punctuation character (quotation marks included).
    Punct(char),
}

/// A token with its byte range in the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Tok {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

/// Abbreviations that keep their period (lower case, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col", "sgt",
    "capt", "cmdr", "adm", "maj", "st", "jr", "sr", "rev", "prof", "inc", "corp", "co", "ltd",
    "no", "mt", "ft", "vs", "etc", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov",
    "dec", "calif", "fla", "mass", "penn", "ariz", "colo", "conn", "ill", "ind", "mich", "minn",
    "nev", "okla", "ore", "tenn", "tex", "va", "wash", "wis", "gens", "messrs", "supt", "det",
    "insp", "pres",
];

/// Splits `text[range]` into tokens whose offsets point into `text`.
pub(crate) fn tokenize(text: &str, from: usize, to: usize) -> Vec<Tok> {
    let mut out = Vec::with_capacity(to.saturating_sub(from) / 4);
    let Some(piece) = text.get(from..to) else {
        return out;
    };
    // Walk the characters with one character of look-ahead; no buffer.
    let mut it = piece.char_indices().peekable();
    while let Some((off, c)) = it.next() {
        if c.is_whitespace() || c == '[' || c == ']' {
            continue;
        }
        if !is_word_char(c) {
            out.push(Tok {
                start: from + off,
                end: from + off + c.len_utf8(),
                kind: Kind::Punct(c),
            });
            continue;
        }
        // A word: alphanumerics, joined by apostrophes, hyphens and inner periods.
        let mut end = off + c.len_utf8();
        while let Some(&(at, ch)) = it.peek() {
            if is_word_char(ch) {
                end = at + ch.len_utf8();
                it.next();
                continue;
            }
            let joiner = matches!(ch, '\'' | '\u{2019}' | '-' | '\u{2010}' | '.' | '&' | '/');
            let next_word = joiner
                && piece
                    .get(at + ch.len_utf8()..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(is_word_char);
            if next_word {
                it.next();
                continue;
            }
            break;
        }
        // A trailing period belongs to abbreviations, initials and dotted forms.
        if let Some(&(at, '.')) = it.peek() {
            static SET: OnceLock<WordSet> = OnceLock::new();
            let word = &piece[off..end];
            let initial = word.len() == 1 && word.chars().all(|ch| ch.is_uppercase());
            // `(D-Mo.)`, `R-Ky., said`: a period right before a closing
            // parenthesis or a comma ends no sentence.
            let inside = matches!(piece.as_bytes().get(at + 1), Some(b')' | b','));
            let abbreviation = || {
                word.len() <= 6 && set(&SET, ABBREVIATIONS).contains(word.to_lowercase().as_str())
            };
            if initial || inside || word.contains('.') || abbreviation() {
                end = at + 1;
                it.next();
            }
        }
        out.push(Tok {
            start: from + off,
            end: from + end,
            kind: Kind::Word,
        });
    }
    out
}

/// Letters and digits, and the stray symbols of mis-decoded text (`FranÃ§ois`)
/// that sit inside words; quotation marks, dashes and ellipses never do.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric()
        || (!c.is_ascii()
            && !c.is_whitespace()
            && !matches!(
                c,
                '\u{2018}'..='\u{201f}'
                    | '\u{2010}'..='\u{2015}'
                    | '\u{2026}'
                    | '\u{ab}'
                    | '\u{bb}'
                    | '\u{a0}'
                    | '\u{2022}'
                    | '\u{b7}'
            ))
}

/// True when a word starts with a capital letter (`al-Assad` counts: a part
/// after a hyphen is capitalized).
pub(crate) fn is_cap(word: &str) -> bool {
    if let Some(&b) = word.as_bytes().first() {
        if b.is_ascii_uppercase() {
            return true;
        }
        // Bytes, not chars: no `-` and no lead byte of `\u{2010}` (0xE2)
        // means no hyphen of either kind, and most words are read here.
        if b.is_ascii() && !word.bytes().any(|c| c == b'-' || c == 0xE2) {
            return false;
        }
    }
    let first = word.chars().next().is_some_and(|c| c.is_uppercase());
    first
        || (word.contains(['-', '\u{2010}'])
            && word
                .split(['-', '\u{2010}'])
                .skip(1)
                .any(|p| p.chars().next().is_some_and(|c| c.is_uppercase())))
}

/// The word in lower case, without a trailing period or possessive ending.
pub(crate) fn key(word: &str) -> String {
    let w = strip_possessive(word).trim_end_matches('.');
    if w.is_ascii() {
        w.to_ascii_lowercase()
    } else {
        w.to_lowercase()
    }
}

/// `Clinton's` → `Clinton`; `officials'` → `officials`.
pub(crate) fn strip_possessive(word: &str) -> &str {
    if !word.ends_with(['s', 'S']) {
        return word;
    }
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if let Some(w) = word.strip_suffix(suffix) {
            if !w.is_empty() {
                return w;
            }
        }
    }
    word
}

/// True for `Clinton's`.
pub(crate) fn is_possessive(word: &str) -> bool {
    strip_possessive(word).len() != word.len()
}

/// The cue starting at token `i`: its token count (1 or 2), or 0 when none.
#[cfg(test)]
pub(crate) fn cue_at(text: &str, toks: &[Tok], i: usize) -> usize {
    let Some(t) = toks.get(i) else { return 0 };
    if !t.is_word() {
        return 0;
    }
    let next = toks
        .get(i + 1)
        .filter(|n| n.is_word())
        .map(|n| key(n.text(text)));
    let w = t.text(text);
    cue_len(&key(w), next.as_deref(), is_cap(w))
}

/// The cue a word starts, from its key, the next word's key and whether it
/// is capitalized: its token count (1 or 2), or 0 when none.
pub(crate) fn cue_len(word: &str, next: Option<&str>, cap: bool) -> usize {
    if word == "according" {
        return if next == Some("to") { 2 } else { 0 };
    }
    // A capitalized cue word is a name or starts a sentence (`Read`, `State`).
    if cap && !matches!(word, "said" | "says" | "told" | "added" | "asked") {
        return 0;
    }
    let particles = lexicon::speech_particles(word);
    if next.is_some_and(|n| particles.contains(&n)) {
        return 2;
    }
    match lexicon::speech_verb(word) {
        // `the note said`: a noun's spelling is no cue.
        Some(v) if v.noun_too && v.form == lexicon::Form::Base => 0,
        Some(_) => 1,
        None => 0,
    }
}

type WordSet = FxHashSet<&'static str>;

/// A word list as a hash set, built on first use: the lists are read for
/// every token near every quote.
fn set(cell: &'static OnceLock<WordSet>, list: &'static [&'static str]) -> &'static WordSet {
    cell.get_or_init(|| list.iter().copied().collect())
}

/// Function words that end a noun phrase read backwards from a cue.
/// Not the lexicon's `stopwords.txt`: that list also holds determiners,
/// pronouns and the prepositions inside a noun phrase (`a spokesman for the
/// campaign`), which the speaker finder must read through, not stop at.
#[rustfmt::skip]
const STOP: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "but", "or", "nor", "as", "while", "when",
    "where", "because", "if", "so", "than", "after", "before", "since", "although", "though", "to",
    "is", "was", "were", "are", "be", "been", "being", "not", "it", "this", "there", "here",
    "what", "how", "why", "yet", "by", "into", "onto", "upon", "about", "against", "over", "under",
    "between", "through", "during", "until", "unless", "whether", "also", "just", "even", "still",
    "then", "again", "however", "meanwhile", "instead", "indeed", "yes", "no", "said", "says",
    "told", "amid", "despite", "like", "unlike", "toward", "towards", "per", "via", "both",
    "either", "neither", "all", "had", "has", "have", "having", "do", "does", "did", "can",
    "could", "will", "would", "should", "may", "might", "must", "shall", "only",
];

/// Determiners: they open a noun phrase, so reading backwards stops after one.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these", "those", "some",
    "many", "several", "one", "two", "three", "four", "five", "few", "most", "other", "another",
    "each", "every", "any", "no",
];

/// Prepositions that may sit inside a noun phrase (`a spokesman for the campaign`).
const INNER_PREPS: &[&str] = &[
    "of", "for", "at", "from", "with", "in", "on", "through", "across", "outside", "inside",
    "near", "around", "behind", "among", "within",
];

/// Personal pronouns that can be the subject of a cue.
const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "you", "it"];

/// Words between a subject and its cue that say nothing about who spoke.
#[rustfmt::skip]
const SKIPPABLE: &[&str] = &[
    "has", "have", "had", "also", "later", "then", "once", "earlier", "previously", "reportedly",
    "again", "would", "will", "could", "did", "does", "do", "was", "is", "has", "first",
    "recently", "since", "further", "too", "often", "always", "never", "even", "still", "just",
    "initially", "subsequently", "today", "yesterday", "tonight", "privately", "publicly", "now",
];

/// The irregular past forms of common English verbs: with the regular -ed
/// and -s forms they mark where a subject's noun phrase ends
/// (`The Florida senator sought to …`).
#[rustfmt::skip]
const IRREGULAR_PAST: &[&str] = &[
    "began", "became", "bought", "brought", "built", "came", "caught", "chose", "did", "drew",
    "drove", "ate", "fell", "felt", "fought", "found", "flew", "forgot", "gave", "got", "grew",
    "had", "heard", "held", "hid", "hit", "hung", "kept", "knew", "laid", "led", "left", "lent",
    "let", "lost", "made", "meant", "met", "paid", "put", "quit", "ran", "rang", "read", "rode",
    "rose", "sat", "saw", "said", "sent", "set", "shook", "shot", "showed", "sold", "sought",
    "spent", "spoke", "stood", "stole", "struck", "swore", "took", "taught", "told", "thought",
    "threw", "understood", "was", "were", "went", "woke", "won", "wore", "wrote",
];

/// Common nouns for people and bodies that make statements, beyond the
/// titles (`TITLES`) and the names of organizations (`NON_PERSON`).
#[rustfmt::skip]
const SPEAKER_NOUNS: &[&str] = &[
    "official", "operative", "source", "aide", "staffer", "member", "voter", "supporter",
    "critic", "expert", "lawyer", "insider", "observer", "resident", "worker", "protester",
    "protestor", "activist", "organizer", "organiser", "witness", "friend", "neighbor",
    "neighbour", "relative", "parent", "mother", "father", "son", "daughter", "wife", "husband",
    "sister", "brother", "man", "woman", "people", "person", "student", "teacher", "doctor",
    "nurse", "officer", "employee", "owner", "leader", "speaker", "representative", "delegate",
    "team", "firm", "group", "army", "crowd", "audience", "panel", "staff", "government",
    "administration", "spokesperson", "surrogate", "backer", "donor", "user",
    "fan", "victim", "survivor", "veteran", "soldier", "player", "trainer", "economist",
    "scientist", "researcher", "historian", "physician", "politician", "pundit", "commentator",
];

/// True when a common noun (singular or -s plural) names someone who can
/// make a statement: a title, an organization, a person noun, or an agent
/// noun in -ist or -ian (`analyst`, `historian`).
pub(crate) fn is_speaker_noun(k: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    let singular = k.strip_suffix('s').filter(|s| s.len() > 2).unwrap_or(k);
    [k, singular].iter().any(|w| {
        set(&SET, SPEAKER_NOUNS).contains(w)
            || is_title(w)
            || is_non_person(w)
            || w.ends_with("ist")
            || w.ends_with("ian")
    })
}

/// True when a lower-case word is an irregular past form (`sought`, `took`).
pub(crate) fn is_irregular_past(k: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    set(&SET, IRREGULAR_PAST).contains(k)
}

/// Day and month names: a cue's time phrase, never a speaker.
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "today",
    "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week", "weekend", "month",
    "year", "last", "this", "next", "earlier", "late", "early",
];

/// Titles and roles written before a name (`Foreign Minister Sergei Lavrov`).
/// Reading a name from its right end stops at one of these. Not the
/// lexicon's `role_words.txt`: that list also holds the setting of a
/// statement (`briefing`, `interview`), never written before a name, and
/// lacks the abbreviations (`sen`, `gov`) a title before a name takes.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative", "gov", "governor",
    "lt", "gen", "general", "col", "colonel", "capt", "captain", "adm", "admiral", "sgt", "cmdr",
    "commander", "president", "vice", "secretary", "minister", "prime", "chancellor", "premier",
    "foreign", "mayor", "judge", "justice", "chief", "director", "chairman", "chairwoman", "chair",
    "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor",
    "aide", "commissioner", "attorney", "speaker", "leader", "majority", "minority", "whip",
    "king", "queen", "prince", "princess", "pope", "rev", "reverend", "sir", "lord", "lady",
    "dame", "former", "top", "u.s", "us", "deputy", "assistant", "acting", "senior", "nominee",
    "candidate", "democrat", "democratic", "republican", "gop", "congressman", "congresswoman",
    "sheriff", "professor", "prof", "coach", "host", "anchor", "founder", "ceo", "executive",
    "state", "defense", "defence", "interior", "finance", "treasury", "emeritus", "pastor",
    "bishop", "cardinal", "rabbi", "imam", "sheikh", "president-elect", "then-candidate",
    "then-president", "presidential", "sens", "reps", "gens", "detective", "officer", "agent",
    "analyst", "strategist", "pollster", "economist", "author", "columnist", "correspondent",
    "editor", "reporter", "producer", "manager", "chairperson", "frontrunner", "front-runner",
    "businessman", "businesswoman", "billionaire", "mogul", "nominees", "lawmaker", "delegate",
];

/// Words that mark a run of capitals as an organization, place or event, not a person.
#[rustfmt::skip]
const NON_PERSON: &[&str] = &[
    "house", "party", "news", "times", "post", "journal", "department", "committee", "council",
    "court", "union", "street", "city", "county", "university", "college", "center", "centre",
    "institute", "foundation", "association", "agency", "service", "office", "campaign", "club",
    "group", "company", "corp", "inc", "ministry", "parliament", "congress", "senate", "republic",
    "states", "kingdom", "nations", "organization", "organisation", "bank", "fund", "network",
    "press", "magazine", "review", "daily", "channel", "radio", "tv", "television", "airport",
    "hall", "square", "avenue", "park", "tower", "bridge", "river", "sea", "ocean", "island",
    "war", "day", "act", "plan", "program", "programme", "project", "summit", "north", "south",
    "east", "west", "new", "los", "san", "las", "united", "great", "middle", "fox", "cnn", "nbc",
    "abc", "cbs", "msnbc", "twitter", "facebook", "google", "democrats", "republicans", "tribune",
    "herald", "gazette", "media", "policy", "bureau", "administration", "force", "army", "navy",
    "corps", "guard", "forces", "assembly", "commission", "authority", "board", "caucus",
    "convention", "conference", "debate", "forum", "initiative", "coalition", "alliance",
    "federation", "state", "school", "church", "hospital", "hotel", "tower", "trust", "prize",
    "award", "cup", "league", "games", "olympics", "festival", "tour", "show", "live", "today",
    "morning", "weekly", "monthly", "street", "road", "capitol", "pentagon", "kremlin",
    "mountains", "valley", "lake", "coast", "gulf", "bay", "station", "base", "fort", "world",
    "africa", "america", "asia", "europe", "korea", "arabia", "zealand", "emirates", "york",
    "jersey", "carolina", "dakota", "virginia", "hampshire", "mexico", "angeles", "francisco",
    "vegas", "diego", "antonio", "orleans", "island", "islands", "district", "federal", "national",
    "international", "global", "american", "british", "russian", "chinese", "iranian", "european",
    "muslim", "christian", "jewish", "islamic", "catholic", "affairs", "security", "intelligence",
    "health", "care", "obamacare", "medicare", "medicaid", "wall", "supreme", "general",
    "electoral", "primary", "primaries", "caucuses", "poll", "polls", "survey", "research", "data",
    "analysis", "index", "report", "study", "clinic", "medical", "labs",
];

/// Name parts written in lower case inside a name (`Ludwig van Beethoven`).
const PARTICLES: &[&str] = &[
    "van", "von", "de", "da", "del", "della", "di", "du", "la", "le", "bin", "ibn", "al", "der",
    "den", "ter", "dos", "das",
];

/// Sentence-opening words that are capitalized only because they open it.
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "the", "a", "an", "but", "and", "in", "on", "at", "for", "as", "if", "when", "while", "after",
    "before", "since", "with", "without", "so", "yet", "or", "nor", "then", "there", "this",
    "that", "these", "those", "his", "her", "their", "its", "our", "my", "your", "it", "he", "she",
    "they", "we", "i", "you", "to", "from", "by", "of", "about", "also", "still", "even", "asked",
    "speaking", "during", "despite", "although", "though", "because", "meanwhile", "however",
    "earlier", "later", "now", "here", "what", "why", "how", "who", "where", "instead", "like",
    "unlike", "according", "both", "neither", "either", "each", "every", "all", "some", "many",
    "most", "one", "two", "only", "just", "not", "no", "yes", "dear", "do", "does", "did", "is",
    "are", "was", "were", "will", "would", "can", "could", "should", "may", "might", "must",
    "shall", "has", "have", "had", "let", "please", "thank", "thanks", "moreover", "furthermore",
    "additionally", "specifically", "nevertheless", "nonetheless", "likewise", "similarly",
    "finally", "overall", "ultimately", "separately",
];

pub(crate) fn is_stop(k: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    set(&SET, STOP).contains(k)
}
pub(crate) fn is_determiner(k: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    set(&SET, DETERMINERS).contains(k)
}
pub(crate) fn is_inner_prep(k: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    set(&SET, INNER_PREPS).contains(k)
}
pub(crate) fn is_pronoun(k: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    set(&SET, PRONOUNS).contains(k)
}
/// Nouns and adjectives ending in -ly, which the adverb rule must not skip.
const LY_WORDS: &[&str] = &[
    "family", "ally", "rally", "assembly", "anomaly", "monopoly", "supply", "reply", "homily",
    "bully", "belly", "jelly", "tally", "folly", "holly", "italy", "july", "daily", "weekly",
    "monthly", "yearly", "early", "only", "friendly", "elderly", "likely", "lonely", "ugly",
    "silly", "holy", "costly", "deadly", "lovely", "orderly", "burly", "curly", "fly", "apply",
];

pub(crate) fn is_skippable(k: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    static LY: OnceLock<WordSet> = OnceLock::new();
    set(&SET, SKIPPABLE).contains(k)
        || (k.len() > 4 && k.ends_with("ly") && !set(&LY, LY_WORDS).contains(k))
}

/// Cue words that are also plural nouns (`reports`, `notes`): taken as cues
/// only after a name, a pronoun or a phrase opened by a determiner.
pub(crate) fn is_nounish_cue(k: &str) -> bool {
    lexicon::speech_verb(k).is_some_and(|v| v.noun_too && v.form == lexicon::Form::Third)
        || k == "tells"
}
pub(crate) fn is_time(k: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    set(&SET, TIME_WORDS).contains(k)
}
pub(crate) fn is_title(k: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    set(&SET, TITLES).contains(k)
}
pub(crate) fn is_non_person(k: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    set(&SET, NON_PERSON).contains(k)
}
pub(crate) fn is_particle(k: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    set(&SET, PARTICLES).contains(k)
}
/// Endings that follow a surname (`Donald Trump Jr.`): the lexicon's
/// `name_suffixes.txt`, case folded as every key here is.
pub(crate) fn is_suffix(k: &str) -> bool {
    static SET: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        lexicon::name_suffixes()
            .iter()
            .map(|s| s.to_lowercase())
            .collect()
    })
    .contains(k)
}
pub(crate) fn is_opener(k: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    set(&SET, OPENERS).contains(k)
}

/// A person's gender, as a title or a pronoun states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

/// Gender a title or honorific states (`mr`, `spokeswoman`), if any.
pub(crate) fn title_gender(k: &str) -> Option<Gender> {
    match k {
        "mr" | "sir" | "lord" | "king" | "prince" | "congressman" | "spokesman" | "chairman"
        | "businessman" | "father" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "madam" | "lady" | "dame" | "queen" | "princess"
        | "congresswoman" | "spokeswoman" | "chairwoman" | "businesswoman" | "sister" => {
            Some(Gender::Female)
        }
        _ => None,
    }
}

/// Gender a personal pronoun states (`he`, `her`), if any.
pub(crate) fn pronoun_gender(k: &str) -> Option<Gender> {
    match k {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0, text.len())
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn abbreviations_keep_their_period_and_sentences_end_with_one() {
        assert_eq!(
            words("U.S. Sen. Ted Cruz said."),
            vec!["U.S.", "Sen.", "Ted", "Cruz", "said", "."]
        );
        assert_eq!(
            words("[NATO chief Anders] Rasmussen's aide"),
            vec!["NATO", "chief", "Anders", "Rasmussen's", "aide"]
        );
        assert_eq!(words("don’t, co-chair"), vec!["don’t", ",", "co-chair"]);
    }

    #[test]
    fn cues_are_found_in_their_forms() {
        let text = "he told reporters, according to aides, and went on";
        let toks = tokenize(text, 0, text.len());
        let found: Vec<usize> = (0..toks.len()).map(|i| cue_at(text, &toks, i)).collect();
        assert_eq!(found, vec![0, 1, 0, 0, 2, 0, 0, 0, 0, 2, 0]);
    }
}
