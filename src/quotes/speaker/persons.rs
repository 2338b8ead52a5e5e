//! The persons an article names: a registry of full names, with their
//! titles, gender evidence and mentions, that resolves a surname to the full
//! name and `he` or `she` to the person meant.

use super::super::words::{self, is_cap, key, Gender};
use super::context::Context;
use crate::lexicon;
use rustc_hash::FxHashMap;

/// How many sentences back a pronoun may look for its antecedent. News copy
/// names the speaker again within a paragraph or two; on the seeds every `he`
/// and `she` finds its person within two sentences, and four leaves room for
/// the segmenter splitting a sentence too often.
const PRONOUN_LOOKBACK: usize = 4;

/// A person the article names.
#[derive(Debug, Clone)]
pub(super) struct Person {
    pub tokens: Vec<String>,
    /// Lower-case titles and roles written before the name.
    pub titles: Vec<String>,
    /// What titles and pronouns have said of the person's gender.
    pub votes: GenderVotes,
    /// True when a quote names this person as its speaker.
    pub speaks: bool,
    /// The last name word, suffixes (`Jr.`) passed over.
    surname: String,
}

/// How often the text has called a person male and female.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct GenderVotes {
    male: u32,
    female: u32,
}

impl GenderVotes {
    pub fn add(&mut self, gender: Gender) {
        match gender {
            Gender::Male => self.male += 1,
            Gender::Female => self.female += 1,
        }
    }
}

impl Person {
    pub fn name(&self) -> String {
        self.tokens.join(" ")
    }
    fn surname(&self) -> &str {
        &self.surname
    }
    /// The gender most votes give, `None` when they tie (or there are none).
    fn gender(&self) -> Option<Gender> {
        match self.votes.male.cmp(&self.votes.female) {
            std::cmp::Ordering::Greater => Some(Gender::Male),
            std::cmp::Ordering::Less => Some(Gender::Female),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// One mention of a known person outside quotations.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mention {
    /// Byte where the mention starts.
    pub at: usize,
    /// Index into `Registry::people`.
    pub person: usize,
}

/// A run of capitalized words outside quotes, tokens `[lo, hi)`, and the
/// name it ends in (titles left out).
pub(super) struct CapRun {
    pub lo: usize,
    pub hi: usize,
    pub name: Vec<String>,
}

/// The persons an article names and where it names them.
#[derive(Default)]
pub(super) struct Registry {
    /// Runs of capitals outside quotes, with the name each ends in.
    runs: Vec<CapRun>,
    pub people: Vec<Person>,
    /// Persons by their name words, and by last word and surname: the
    /// look-ups of a long document must not scan every person.
    by_tokens: FxHashMap<Vec<String>, usize>,
    by_end: FxHashMap<String, Vec<usize>>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Positions of each person's mentions, ascending.
    mentioned_at: Vec<Vec<usize>>,
}

impl Registry {
    /// The persons whose full names (two words or more) the article writes.
    pub fn new(cx: &Context) -> Self {
        let mut registry = Registry {
            runs: cx
                .cap_runs()
                .into_iter()
                .map(|(lo, hi)| {
                    let text: Vec<&str> = (lo..hi).map(|i| cx.word(i)).collect();
                    CapRun {
                        lo,
                        hi,
                        name: name_suffix(&text),
                    }
                })
                .collect(),
            ..Registry::default()
        };
        registry.register_persons(cx);
        registry
    }

    /// Marks the person `name` refers to at byte `at` as a speaker.
    pub fn mark_speaker(&mut self, name: &[String], at: usize) {
        if let Some(p) = self.lookup(name, at) {
            if let Some(person) = self.people.get_mut(p) {
                person.speaks = true;
            }
        }
    }

    /// The person named `tokens`, added when new; `titles` join the ones
    /// known.
    pub fn add_person(&mut self, tokens: Vec<String>, titles: Vec<String>) -> usize {
        if let Some(&i) = self.by_tokens.get(&tokens) {
            if let Some(p) = self.people.get_mut(i) {
                for t in titles {
                    if !p.titles.contains(&t) {
                        p.titles.push(t);
                    }
                }
            }
            return i;
        }
        let mut votes = GenderVotes::default();
        for g in titles.iter().filter_map(|t| words::title_gender(t)) {
            votes.add(g);
        }
        let n = tokens.len();
        let last = tokens.last().map_or("", |s| s.as_str());
        let surname = if n >= 2 && words::is_suffix(&key(last)) {
            tokens.get(n - 2).map_or(last, |s| s.as_str())
        } else {
            last
        }
        .to_string();
        let index = self.people.len();
        self.by_tokens.insert(tokens.clone(), index);
        let ends = self.by_end.entry(last.to_string()).or_default();
        ends.push(index);
        if surname != last {
            self.by_end.entry(surname.clone()).or_default().push(index);
        }
        self.people.push(Person {
            surname,
            tokens,
            titles,
            votes,
            speaks: false,
        });
        index
    }

    fn register_persons(&mut self, cx: &Context) {
        let runs = std::mem::take(&mut self.runs);
        for run in &runs {
            let name = &run.name;
            if name.len() < 2 || !person_like(name) {
                continue;
            }
            let titles = cx.run_titles(run.lo, run.hi, name.len());
            self.add_person(name.clone(), titles);
        }
        self.runs = runs;
    }

    /// The known person a name refers to: the full name whose last words
    /// these are, preferring one mentioned before `at`.
    pub fn lookup(&self, name: &[String], at: usize) -> Option<usize> {
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
            .filter(|&k| self.people.get(k).is_some_and(fits_any))
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let person = |k: &usize| self.people.get(*k);
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

    /// Each run of capitals that names a known person is a mention of it.
    pub fn collect_mentions(&mut self, cx: &Context) {
        let mut mentions = Vec::new();
        let runs = std::mem::take(&mut self.runs);
        for CapRun { lo, hi, name } in &runs {
            if name.is_empty() {
                continue;
            }
            let at = cx.toks[*lo].start;
            if let Some(p) = self.lookup(name, at) {
                mentions.push(Mention { at, person: p });
                // Honorifics right before the name tell the gender.
                let titles = cx.run_titles(*lo, *hi, name.len());
                for g in titles.iter().filter_map(|t| words::title_gender(t)) {
                    self.people[p].votes.add(g);
                }
            }
        }
        mentions.sort_by_key(|m| m.at);
        let mut mentioned_at = vec![Vec::new(); self.people.len()];
        for m in &mentions {
            if let Some(list) = mentioned_at.get_mut(m.person) {
                list.push(m.at);
            }
        }
        self.mentions = mentions;
        self.mentioned_at = mentioned_at;
        self.runs = runs;
    }

    /// A sentence naming one person who is then `he` or `she` tells that
    /// person's gender.
    pub fn gender_from_pronouns(&mut self, cx: &Context) {
        let mut by_sentence: Vec<Vec<Mention>> = vec![Vec::new(); cx.sentences.len().max(1)];
        for m in &self.mentions {
            let s = cx.sentence_of(m.at);
            if let Some(v) = by_sentence.get_mut(s) {
                v.push(*m);
            }
        }
        let mut votes = Vec::new();
        for (i, t) in cx.toks.iter().enumerate() {
            if cx.quoted[i] || !t.is_word() {
                continue;
            }
            let Some(gender) = words::pronoun_gender(cx.key(i)) else {
                continue;
            };
            let s = cx.sentence_of(t.start);
            let Some(ms) = by_sentence.get(s) else {
                continue;
            };
            let mut people = ms.iter().filter(|m| m.at < t.start).map(|m| m.person);
            if let Some(first) = people.next() {
                if people.all(|p| p == first) && ms.iter().all(|m| m.person == first) {
                    votes.push((first, gender));
                }
            }
        }
        for (p, gender) in votes {
            if let Some(person) = self.people.get_mut(p) {
                person.votes.add(gender);
            }
        }
    }

    /// The person a `he`/`she` at byte `at` refers to, looking back from
    /// the nearest sentence before it.
    ///
    /// A pronoun subject (`"…," he said`) continues what the clause before
    /// is about: in each sentence the speaker of its cue (`…, Lee argues.`)
    /// and its subject are the strongest antecedents, then the possessor
    /// of the subject (`Lee's article attacked …`), an object weaker, and a
    /// possessive modifier elsewhere (`X's idea`) the weakest (`Calderon has
    /// dismissed Trump's idea. "…," he said.` is Calderon's). Outside the
    /// subject, a person known to have
    /// that gender, or known to speak in the article, is preferred within
    /// the look-back to one merely named (a run of capitals such as a book
    /// title may look like a name). `subject_of` gives each sentence's
    /// subject.
    pub fn antecedent(
        &self,
        cx: &Context,
        at: usize,
        gender: Gender,
        subject_of: &dyn Fn(usize) -> Option<Subject>,
    ) -> Option<usize> {
        let here = cx.sentence_of(at);
        let lowest = here.saturating_sub(PRONOUN_LOOKBACK);
        // The mentions from the first sentence looked at up to `at`.
        let from = cx.sentences.get(lowest).map_or(0, |s| s.span.start);
        let lo = self.mentions.partition_point(|m| m.at < from);
        let hi = self.mentions.partition_point(|m| m.at < at);
        let window = self.mentions.get(lo..hi.max(lo)).unwrap_or(&[]);
        let mut fallback = None;
        for s in (lowest..=here).rev() {
            let subject = subject_of(s);
            let mut fitting: Vec<(Role, usize)> = window
                .iter()
                .filter(|m| cx.sentence_of(m.at) == s)
                .filter(|m| {
                    self.people.get(m.person).is_some_and(|p| {
                        p.gender().map_or(true, |g| g == gender) && person_like(&p.tokens)
                    })
                })
                .map(|m| (role_of(cx, m.at, subject.as_ref()), m.person))
                .collect();
            // Strongest role first (`Role`'s order); text order within each.
            fitting.sort_by_key(|&(role, _)| role);
            for (role, person) in fitting {
                let known = self
                    .people
                    .get(person)
                    .is_some_and(|p| p.gender().is_some() || p.speaks);
                let strong = matches!(role, Role::Agent | Role::Subject | Role::SubjectPossessor);
                if strong || (known && role == Role::Object) {
                    return Some(person);
                }
                fallback.get_or_insert(person);
            }
        }
        fallback
    }
}

/// The subject of a sentence as a pronoun's antecedent is read: its byte
/// range, and its gender when it is itself a pronoun.
pub(super) struct Subject {
    /// The speaker of the sentence's cue, when it attributes.
    pub agent: Option<(usize, usize)>,
    /// Its grammatical subject.
    pub subject: Option<(usize, usize)>,
}

impl Subject {
    fn agent_holds(&self, at: usize) -> bool {
        self.agent.is_some_and(|(a, b)| a <= at && at < b)
    }
    fn holds(&self, at: usize) -> bool {
        self.agent_holds(at) || self.subject.is_some_and(|(a, b)| a <= at && at < b)
    }
}

/// What a mention is in its sentence, strongest antecedent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    /// The speaker of the sentence's cue.
    Agent,
    Subject,
    /// The possessor of the subject (`Tuttle's article attacked …`): what
    /// the sentence is about, after its subject.
    SubjectPossessor,
    Object,
    Possessive,
}

/// True when the word at token `next` shows that the `'s` before it is `is`
/// or `has` (`Christie's been saying`, `Lee's not ready`, `Lee's the
/// nominee`), not a possessive: a participle of `be`/`go`/`get`, a negation
/// or adverb of the verb phrase, or a determiner.
fn is_contraction(cx: &Context, next: usize) -> bool {
    cx.is_word(next)
        && matches!(
            cx.key(next),
            "been"
                | "got"
                | "gotten"
                | "going"
                | "gone"
                | "not"
                | "never"
                | "also"
                | "already"
                | "just"
                | "still"
                | "always"
                | "now"
                | "a"
                | "an"
                | "the"
                | "no"
                | "done"
        )
}

/// The role of the mention starting at byte `at`: a possessive when its run
/// of capitals ends in `'s`, the subject when it lies in the sentence's
/// subject, else an object (or any other non-subject place).
fn role_of(cx: &Context, at: usize, subject: Option<&Subject>) -> Role {
    let mut i = cx.toks.partition_point(|t| t.start < at);
    while cx.is_word(i) && cx.quoted.get(i) == Some(&false) {
        let w = cx.word(i);
        if words::is_possessive(w) && !is_contraction(cx, i + 1) {
            let in_subject = subject.is_some_and(|s| s.holds(at));
            return if in_subject {
                Role::SubjectPossessor
            } else {
                Role::Possessive
            };
        }
        let next_cap = cx.is_word(i + 1) && is_cap(cx.word(i + 1));
        if !(next_cap || (words::is_particle(cx.key(i + 1)) && cx.is_word(i + 2))) {
            break;
        }
        i += 1;
    }
    match subject {
        Some(s) if s.agent_holds(at) => Role::Agent,
        Some(s) if s.holds(at) => Role::Subject,
        _ => Role::Object,
    }
}

pub(super) fn is_weekday(k: &str) -> bool {
    matches!(
        k,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// The name at the right end of a capitalized phrase, titles and openers left
/// out: `U.S. Secretary of State Hillary Clinton` → `Hillary Clinton`.
pub(super) fn name_suffix(words_: &[&str]) -> Vec<String> {
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
pub(super) fn person_like(name: &[String]) -> bool {
    // `Kentucky Republican`, `Presumptive Democrat`: a party label stands
    // before a name (`Republican Lee Zeldin`), never as its last word.
    let party_last = name.last().is_some_and(|w| {
        matches!(
            key(w).as_str(),
            "republican" | "democrat" | "democratic" | "gop" | "libertarian"
        )
    });
    !name.is_empty()
        && !party_last
        && name.iter().all(|w| {
            let k = key(w);
            let acronym = w.chars().count() > 1
                && !w.contains('.')
                && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
            !words::is_non_person(&k) && !is_weekday(&k) && !acronym && !words::is_time(&k)
                || words::is_suffix(&k)
        })
}
