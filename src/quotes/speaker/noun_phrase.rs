//! Reading noun phrases from the tokens: the phrase before or after a cue
//! (appositions, parentheses, titles and participles passed over), the
//! subject of a clause, and what a phrase names (`Referent`).

use super::super::words::{self, is_cap, key};
use super::persons::{is_weekday, name_suffix, Subject};
use super::phrases::{Finder, Referent, MAX_APPOSITION};

impl Finder<'_> {
    /// The noun phrase that ends right before cue token `cue`, not reaching
    /// below `floor`: `[lo, hi)`.
    pub(super) fn np_before(&self, cue: usize, floor: usize) -> Option<(usize, usize)> {
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
    pub(super) fn is_name_run(&self, lo: usize, hi: usize) -> bool {
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
    pub(super) fn before_parenthesis(&self, end: usize, floor: usize) -> Option<usize> {
        if end > floor && self.cx.toks[end - 1].is_punct(')') {
            return (floor..end - 1)
                .rev()
                .take(MAX_APPOSITION)
                .find(|&i| self.cx.toks[i].is_punct('('));
        }
        Some(end)
    }

    /// Where a phrase ending at `end` goes on once a parenthesis right after
    /// it (`McCrory (R)`) is passed over.
    pub(super) fn after_parenthesis(&self, end: usize, hi: usize) -> usize {
        if end < hi && self.cx.toks[end].is_punct('(') {
            if let Some(close) =
                (end + 1..hi.min(end + MAX_APPOSITION)).find(|&i| self.cx.toks[i].is_punct(')'))
            {
                return close + 1;
            }
        }
        end
    }

    /// The noun phrase ending at token `end` (exclusive), read backwards.
    pub(super) fn np_plain(&self, end: usize, floor: usize) -> Option<(usize, usize)> {
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
    pub(super) fn np_after(&self, from: usize, hi: usize) -> Option<(usize, usize)> {
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
            // `said the base chief known as Bob`: the name the phrase gives.
            let known_as = k == "as" && j > from && self.cx.key(j - 1) == "known";
            if known_as {
                let mut e = j + 1;
                while e < hi && self.cx.is_word(e) && is_cap(self.cx.word(e)) {
                    e += 1;
                }
                if self.is_name_run(j + 1, e) {
                    return Some((j + 1, e));
                }
            }
            if words::is_stop(k) || is_weekday(k) || self.cx.cue(j) > 0 {
                break;
            }
            if words::is_inner_prep(k) {
                if !(prev_lower && next_ok && matches!(k, "of" | "for")) {
                    break;
                }
            } else if !is_cap(w) && !words::is_determiner(k) && !words::is_title(k) {
                // Determiners and titles say where the phrase goes on
                // (`filed by the state attorney Dave Lee`), not that it ends.
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

    /// Where the common noun phrase `[lo, hi)` ends once its post-modifiers
    /// are read, not past `end`. A common noun names its source only with
    /// what follows it, and PolNeAR keeps that as the source: a participle
    /// with its phrase (`a source involved in the fund's creation`),
    /// phrases of a preposition (`a letter to Facebook from the chairman of
    /// the committee`, `the exit polls in New Hampshire`) and a relative
    /// clause on a person (`the designer, who works at Harbor Mills`). The
    /// setting of a statement (`in a statement`, `at a news conference`)
    /// and a time modify the verb, not the noun, and end the phrase; a
    /// title (`the senator`) or a lone singular noun is left as read, so
    /// resolving a title to the name still works.
    pub(super) fn post_modifiers(&self, lo: usize, hi: usize, end: usize) -> usize {
        let head = self.cx.key(hi - 1);
        let determined = words::is_determiner(self.cx.key(lo));
        let plural = head.len() > 3 && head.ends_with('s');
        if hi >= end
            || is_cap(self.cx.word(hi - 1))
            || words::is_title(head)
            || words::is_pronoun(head)
            || !(determined || plural)
        {
            return hi;
        }
        let mut e = hi;
        // `, who works …`: to the next comma or the end.
        if self.cx.toks[e].is_punct(',') && self.cx.key(e + 1) == "who" && self.cx.is_word(e + 1) {
            let mut j = e + 2;
            while j < end && (self.cx.is_word(j) || self.cx.toks[j].is_punct('-')) {
                j += 1;
            }
            return if j > e + 2 && (j == end || !self.cx.quoted[j]) {
                j
            } else {
                hi
            };
        }
        loop {
            if e >= end || !self.cx.is_word(e) {
                return e;
            }
            let k = self.cx.key(e);
            let participle = !is_cap(self.cx.word(e))
                && k.len() > 3
                && (k.ends_with("ed") || words::is_irregular_past(k))
                && self.cx.cue(e) == 0
                && e + 1 < end
                && self.cx.is_word(e + 1)
                && (words::is_inner_prep(self.cx.key(e + 1)) || self.cx.key(e + 1) == "by");
            let p = if participle { e + 1 } else { e };
            let prep = matches!(
                self.cx.key(p),
                "of" | "for" | "from" | "to" | "at" | "in" | "with" | "by"
            );
            if !prep || p + 1 >= end || !self.cx.is_word(p + 1) {
                return e;
            }
            // The object: a noun phrase up to a function word, a cue, a
            // time or punctuation.
            let mut j = p + 1;
            if words::is_determiner(self.cx.key(j)) || words::is_possessive(self.cx.word(j)) {
                j += 1;
            }
            while j < end && self.cx.is_word(j) {
                let kj = self.cx.key(j);
                if words::is_stop(kj)
                    || words::is_inner_prep(kj)
                    || words::is_determiner(kj)
                    || words::is_time(kj)
                    || is_weekday(kj)
                    || self.cx.cue(j) > 0
                {
                    break;
                }
                j += 1;
            }
            let object_head = self.cx.key(j - 1);
            if j <= p + 1 || is_setting(object_head) || words::is_time(object_head) {
                return e;
            }
            e = j;
        }
    }

    /// The subject of a stretch: its first pronoun or run of capitals.
    pub(super) fn subject(&self, lo: usize, hi: usize) -> Option<(usize, usize)> {
        let mut i = lo;
        // `In a panel in Washington, Marc Morial told …`: an opening phrase
        // set off by a comma holds no subject.
        // `Following a meeting, the council said`: a participle opens too.
        if let Some(np) = self.determined_subject(lo, hi) {
            return Some(np);
        }
        // `Moreover, as part of the exchange, Lee …`: opening phrases may
        // follow one another; each is passed over.
        while let Some(c) = self.opening_phrase_end(i, hi) {
            i = c + 1;
        }
        if i > lo {
            if let Some(np) = self.determined_subject(i, hi) {
                return Some(np);
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
                    // `Democratic presidential candidate Sen. Bernie
                    // Sanders`: lower-case titles between capitalized ones
                    // belong to the same title phrase before a name.
                    // (`Clinton campaign manager Robby Mook`: the nouns
                    // of an office or a body are part of the title.)
                    let titled = |k: &str| words::is_title(k) || words::is_speaker_noun(k);
                    let title_run = !cap && titled(kj) && {
                        let mut t = j;
                        while t < hi && self.cx.is_word(t) && titled(self.cx.key(t)) {
                            t += 1;
                        }
                        t < hi && self.cx.is_word(t) && is_cap(self.cx.word(t))
                    };
                    let inner = inner || title_run;
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

    /// What sentence `s` (a segmenter sentence) is about, as bytes: the
    /// speaker of its first finite cue, and its grammatical subject.
    pub(super) fn sentence_subject(&self, s: usize) -> Option<Subject> {
        let span = self.cx.sentences.get(s)?.span;
        let lo = self.cx.toks.partition_point(|t| t.start < span.start);
        let hi = self.cx.toks.partition_point(|t| t.start < span.end);
        let bytes = |(a, b): (usize, usize)| -> Option<(usize, usize)> {
            Some((
                self.cx.toks.get(a)?.start,
                self.cx.toks.get(b.checked_sub(1)?)?.end,
            ))
        };
        let agent = self.cue_agent(lo, hi);
        let subject = self.subject(lo, hi);
        if agent.is_none() && subject.is_none() {
            return None;
        }
        Some(Subject {
            agent: agent.and_then(bytes),
            subject: subject.and_then(bytes),
        })
    }

    /// A sentence that attributes (`Cruz is able, Viguerie argues.`, `…,
    /// said Kunin.`) is about the speaker of its first finite cue: the name
    /// or pronoun before the cue, or the name after a cue that follows a
    /// comma or a quote (the inverted order). A participle (`In describing
    /// Trump,`, `…, saying …`) hangs from another clause and names no one.
    fn cue_agent(&self, lo: usize, hi: usize) -> Option<(usize, usize)> {
        let named = |&(a, b): &(usize, usize)| {
            b > a
                && (is_cap(self.cx.word(b - 1))
                    || (b == a + 1 && words::is_pronoun(self.cx.key(a))))
        };
        for c in lo..hi {
            if self.cx.quoted[c] || self.cx.cue(c) == 0 || self.cx.key(c).ends_with("ing") {
                continue;
            }
            if let Some(np) = self.np_before(c, lo).filter(named) {
                return Some(np);
            }
            let inverted = c > lo && !self.cx.is_word(c - 1);
            if let Some(np) = self
                .np_after(c + self.cx.cue(c), hi)
                .filter(|np| inverted && named(np))
            {
                return Some(np);
            }
        }
        None
    }

    /// When the words at `i` open a phrase set off by a comma before the
    /// subject (`In a panel in Washington,`, `Following a meeting,`,
    /// `Moreover,`), the index of that comma.
    pub(super) fn opening_phrase_end(&self, i: usize, hi: usize) -> Option<usize> {
        let k = self.cx.key(i);
        let opens = i < hi
            && self.cx.is_word(i)
            && (words::is_opener(k)
                || words::is_inner_prep(k)
                || (words::is_stop(k) && !matches!(k, "that" | "which" | "who" | "it"))
                || matches!(
                    k,
                    "alongside" | "amidst" | "beyond" | "besides" | "given" | "under"
                )
                || (k.ends_with("ing") && self.cx.cue(i) == 0))
            && !words::is_pronoun(k);
        if !opens {
            return None;
        }
        (i..hi.min(i + MAX_APPOSITION)).find(|&c| self.cx.toks[c].is_punct(','))
    }

    /// A subject opened by a determiner at `i` (`The Florida senator
    /// sought …`, `One operative inside …`, `A spokesman for the campaign
    /// said`): the determiner, its modifiers and its head noun, with a
    /// phrase of `of` or `for` after the head; the phrase ends before the
    /// first word that reads as its verb (a past or -s form, a cue) or a
    /// function word. It is a subject only when its head names someone who
    /// can speak (`speaker_noun`); a phrase whose words after the
    /// determiner are all capitalized is a name (`The Democratic National
    /// Convention released`).
    fn determined_subject(&self, i: usize, hi: usize) -> Option<(usize, usize)> {
        if !(i < hi && self.cx.is_word(i) && words::is_determiner(self.cx.key(i))) {
            return None;
        }
        let mut j = i + 1;
        let mut head: Option<usize> = None;
        let mut in_pp = false;
        let mut lower = false;
        while j < hi && j < i + 10 && self.cx.is_word(j) {
            let w = self.cx.word(j);
            let k = self.cx.key(j);
            if matches!(k, "of" | "for") && head.is_some() && !in_pp {
                in_pp = true;
                j += 1;
                continue;
            }
            let after_prep = in_pp && matches!(self.cx.key(j - 1), "of" | "for");
            let verb_like = !is_cap(w)
                && j > i + 1
                && !after_prep
                && (words::is_irregular_past(k)
                    || (k.len() > 3 && k.ends_with("ed"))
                    || (lower && k.len() > 3 && k.ends_with('s') && !k.ends_with("ss")));
            let det_ok = after_prep && words::is_determiner(k);
            if (words::is_determiner(k) && !det_ok)
                || words::is_stop(k)
                || words::is_pronoun(k)
                || words::is_inner_prep(k)
                || self.cx.cue(j) > 0
                || verb_like
            {
                break;
            }
            if !is_cap(w) && !det_ok {
                lower = true;
                if !in_pp {
                    head = Some(j);
                }
            }
            j += 1;
            if words::is_possessive(w) {
                return None;
            }
        }
        if in_pp && matches!(self.cx.key(j - 1), "of" | "for") {
            j -= 1;
        }
        let Some(h) = head else {
            // `The Democratic National Convention released`: a name.
            let verb_next = j < hi && (self.cx.cue(j) > 0 || !is_cap(self.cx.word(j)));
            return (j > i + 1 && verb_next && self.cx.is_word(j)).then_some((i + 1, j));
        };
        if !words::is_speaker_noun(self.cx.key(h)) {
            return None;
        }
        // `A top strategist, John Weaver, tells …`: a name in apposition
        // names the person the common noun describes.
        if j < hi && self.cx.toks[j].is_punct(',') {
            let mut e = j + 1;
            while e < hi && self.cx.is_word(e) {
                e += 1;
            }
            if e < hi && self.cx.toks[e].is_punct(',') && self.is_name_run(j + 1, e) {
                return Some((j + 1, e));
            }
        }
        Some((i, j))
    }

    /// What a noun phrase `[lo, hi)` names.
    pub(super) fn classify(&self, lo: usize, hi: usize) -> Referent {
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

/// Where a statement was made, not who made it: `in a statement`, `at a
/// news conference`, `on its website` end a speaker's noun phrase.
fn is_setting(k: &str) -> bool {
    matches!(
        k,
        "statement"
            | "statements"
            | "interview"
            | "interviews"
            | "briefing"
            | "conference"
            | "call"
            | "email"
            | "e-mail"
            | "post"
            | "tweet"
            | "speech"
            | "broadcast"
            | "rally"
            | "hearing"
            | "website"
            | "release"
            | "appearance"
            | "event"
            | "meeting"
            | "session"
            | "remarks"
            | "testimony"
            | "filing"
            | "forum"
            | "debate"
    )
}
