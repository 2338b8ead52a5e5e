//! How alike two sentences are, as a score in [0, 1].
//!
//! The measure sits behind the [`Similarity`] trait so that a better one can
//! replace it without touching `align`. The default, [`Blend`], keeps the
//! largest of its signals, each there for a kind of pair a journalist would
//! call "the same":
//!
//! - **content overlap**: the weighted share of content words the two
//!   sentences have in common (rare words weigh more, through [`Weights`]),
//!   as a Dice coefficient. This is what finds paraphrases;
//! - **containment**: the share of the smaller sentence's content found in
//!   the larger, for a short sentence carried inside a long one (a summary,
//!   a quote with its context cut);
//! - **word pairs**: the share of consecutive word pairs in common, which
//!   tells a lightly edited sentence (a word swapped, a lead-in added);
//! - **copied phrase**: the longest run of words in common, in order, which
//!   finds a trimmed quote ("We do not agree yet") whose few content words
//!   are common ones;
//! - **word edits**: for two short sentences, the share of words kept in
//!   order (strsim's Levenshtein over word ids), since a sentence of five
//!   words has too few content words for the overlap signals.
//!
//! Every signal is scaled by how much content the pair shares, so that one
//! shared word does not make two short sentences "the same", and the word
//! order signals by how much of the smaller sentence's content agrees.
//!
//! Names get special care: two sentences that share only who is speaking or
//! who is named ("Clinton said …" / "Clinton said …" about other things) are
//! not the same statement, so shared names count only as far as the
//! sentences also share other content, and a copied phrase or word pair made
//! of names and function words ("Health Minister Tomas Berg told reporters")
//! is not evidence.

use crate::text::{SentenceFeatures, Term, TermId};
use rustc_hash::FxHashMap;

/// Weights of content terms: inverse document frequency over the sentences
/// of the documents compared, so a word used in every other sentence of the
/// two articles ("missile" in a story about a missile shield) says less than
/// one used once. Weights are scaled so that a word found in one sentence
/// only weighs 1, whatever the size of the documents; the constants below
/// that are counted in weight ("two rare words") mean the same for two
/// short articles and for two long ones.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    idf: FxHashMap<TermId, f32>,
    unseen: f32,
}

/// Numbers identify a fact ("24 troops", "May 2012") more surely than a word
/// of the same rarity; their weight is multiplied by this. Set by reasoning,
/// not fitted: a shared number should count like a word half again as rare.
const NUMBER_BOOST: f32 = 1.5;

impl Weights {
    /// Counts in how many sentences of `docs` each term appears.
    pub fn new(docs: &[&crate::text::Features]) -> Weights {
        let mut df: FxHashMap<TermId, u32> = FxHashMap::default();
        let mut n = 0usize;
        for d in docs {
            for s in &d.sentences {
                n += 1;
                for t in &s.terms {
                    *df.entry(t.id).or_insert(0) += 1;
                }
            }
        }
        let n = n.max(1) as f32;
        let top = (1.0 + n).ln();
        let idf = df
            .into_iter()
            .map(|(id, c)| (id, (1.0 + n / c as f32).ln() / top))
            .collect();
        Weights { idf, unseen: 1.0 }
    }

    /// The weight of a term.
    pub fn of(&self, t: &Term) -> f32 {
        let w = self.idf.get(&t.id).copied().unwrap_or(self.unseen);
        if t.is_number() {
            w * NUMBER_BOOST
        } else {
            w
        }
    }

    /// The weight of a term id (without the number boost).
    pub fn of_id(&self, id: TermId) -> f32 {
        self.idf.get(&id).copied().unwrap_or(self.unseen)
    }

    /// Total weight of a sentence's content terms.
    pub fn total(&self, s: &SentenceFeatures) -> f32 {
        s.terms.iter().map(|t| self.of(t)).sum()
    }
}

/// The parts a score is made of, kept so that alignment can tell a sentence
/// carried inside another from two that only share some words.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Breakdown {
    /// The score, in [0, 1].
    pub score: f32,
    /// Weight of the content the two share (names counted as far as other
    /// content supports them).
    pub shared: f32,
    /// Weight of the first sentence's content.
    pub weight_a: f32,
    /// Weight of the second sentence's content.
    pub weight_b: f32,
    /// Share of word pairs in common (Dice), function words included.
    pub surface: f32,
    /// True when the two word sequences are equal.
    pub same_words: bool,
}

impl Breakdown {
    /// Share of the first sentence's content found in the second.
    pub fn covered_a(&self) -> f32 {
        ratio(self.shared, self.weight_a)
    }

    /// Share of the second sentence's content found in the first.
    pub fn covered_b(&self) -> f32 {
        ratio(self.shared, self.weight_b)
    }
}

fn ratio(x: f32, y: f32) -> f32 {
    if y > 0.0 {
        (x / y).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// A similarity measure between two sentences' features.
pub trait Similarity: Sync {
    /// The score and its parts. Must be symmetric, in [0, 1], and 1 for two
    /// sentences with the same words.
    fn compare(&self, a: &SentenceFeatures, b: &SentenceFeatures, w: &Weights) -> Breakdown;

    /// The score alone.
    fn score(&self, a: &SentenceFeatures, b: &SentenceFeatures, w: &Weights) -> f32 {
        self.compare(a, b, w).score
    }
}

/// The default measure (see the module docs).
#[derive(Debug, Clone, Copy)]
pub struct Blend {
    /// Shared names count up to this many times the weight of the other
    /// shared content. 1 means a name can at most double the evidence that
    /// the rest of the sentence gives; with no other content in common names
    /// count for nothing.
    pub name_support: f32,
    /// Containment is discounted by this factor against Dice: a short
    /// sentence inside a long one is the same fact, but less surely than two
    /// sentences that cover each other.
    pub containment_factor: f32,
    /// Containment gets full credit when the shorter sentence has at least
    /// this much content weight (about four rare words), and none below half
    /// of it, so that a fragment of two or three words is not "contained" in
    /// every sentence that happens to use them.
    pub full_contained_weight: f32,
    /// A run of words in common, in order, is a copied phrase (a quote
    /// carried into another sentence) when its length plus the number of
    /// content words in it, names left out of both, reaches this: "we do
    /// not agree yet" (5 + 1) counts, "going to do that" (4 + 0) does not.
    /// Its share of the shorter sentence is then a signal.
    pub min_run: usize,
    /// Sentences of at most this many words get the word-edit signal
    /// (`Blend::short_edit`); longer ones have enough content words for
    /// the overlap signals.
    pub short_words: usize,
    /// Shared content weight from which a pair's signals count in full
    /// (about two rare words, see [`Weights`]).
    pub full_evidence: f32,
}

impl Default for Blend {
    fn default() -> Blend {
        Blend {
            name_support: 1.0,
            containment_factor: 0.9,
            full_contained_weight: 4.0,
            min_run: 6,
            full_evidence: 2.0,
            short_words: 12,
        }
    }
}

impl Similarity for Blend {
    fn compare(&self, a: &SentenceFeatures, b: &SentenceFeatures, w: &Weights) -> Breakdown {
        let same_words = a.words == b.words;
        let (mut shared_names, mut shared_other, mut wa, mut wb) = (0.0f32, 0.0f32, 0.0, 0.0);
        let (mut i, mut j) = (0, 0);
        while i < a.terms.len() && j < b.terms.len() {
            let (x, y) = (&a.terms[i], &b.terms[j]);
            match x.id.cmp(&y.id) {
                std::cmp::Ordering::Less => {
                    wa += w.of(x);
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    wb += w.of(y);
                    j += 1;
                }
                std::cmp::Ordering::Equal => {
                    // Flags may differ (a name on one side, a sentence's
                    // first word on the other): the union decides, so the
                    // result does not depend on which side is which.
                    let t = Term {
                        id: x.id,
                        flags: x.flags | y.flags,
                    };
                    let wt = w.of(&t);
                    wa += wt;
                    wb += wt;
                    if t.is_name() {
                        shared_names += wt;
                    } else {
                        shared_other += wt;
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        wa += a.terms[i..].iter().map(|t| w.of(t)).sum::<f32>();
        wb += b.terms[j..].iter().map(|t| w.of(t)).sum::<f32>();
        let shared = shared_other + shared_names.min(self.name_support * shared_other);
        // Two sentences sharing one word may have a high Dice coefficient and
        // still say nothing alike ("It's wrong." / "Those views are wrong.");
        // every signal is scaled by how much evidence there is, in full from
        // `full_evidence` of shared weight on.
        let confidence = ratio(shared, self.full_evidence);

        let dice = ratio(2.0 * shared, wa + wb) * confidence;
        // Containment is as sure as the contained sentence is substantial:
        // full credit from `full_contained_weight` on, none below half of it.
        // Squared coverage: containment is evidence only when most of the
        // smaller sentence is found; a third of it found is what two
        // sentences about one topic share anyway.
        let small = wa.min(wb);
        let size = ((small / self.full_contained_weight - 0.5) * 2.0).clamp(0.0, 1.0);
        let cover = ratio(shared, small);
        let contained = self.containment_factor * size * cover * cover * confidence;
        let surface = dice_sorted(&a.bigrams, &b.bigrams);
        // Word order signals (shared word pairs, a copied phrase) count as
        // far as the content of the smaller sentence agrees: "The council
        // repeated its concerns about …" opens two sentences that then name
        // different concerns. For word pairs (which hold a plain content
        // word each) the names found on both sides agree too: a sentence
        // that is mostly names and copied word for word ("Also interviewed
        // were two judges, Michael J. Garcia of the New York State Court of
        // Appeals and …") is carried, not merely on the same people.
        let cover_all = ratio(shared_other + shared_names, small);
        let rest = dice
            .max(contained)
            .max(surface * confidence * cover_all)
            .max(self.short_edit(a, b, cover));
        // The phrase signal is the costly one (a longest-common-run table)
        // and is at most `containment_factor * cover`; it is skipped when
        // it cannot raise the score, or when the two share no word pair
        // with content in it (which every phrase that counts holds).
        let phrase = if same_words || surface == 0.0 || self.containment_factor * cover <= rest {
            0.0
        } else {
            self.phrase(a, b) * cover
        };
        let score = if same_words {
            1.0
        } else {
            rest.max(phrase).clamp(0.0, 1.0)
        };
        Breakdown {
            score,
            shared,
            weight_a: wa,
            weight_b: wb,
            surface,
            same_words,
        }
    }
}

/// A copied phrase has at least four words other than names: shorter runs
/// ("said on Thursday") are shared by unrelated sentences of one story.
const MIN_PHRASE_WORDS: usize = 4;

impl Blend {
    /// The copied-phrase signal (see [`Blend::min_run`]), looked for from
    /// both sides so that it is symmetric when runs tie.
    fn phrase(&self, a: &SentenceFeatures, b: &SentenceFeatures) -> f32 {
        // One pass finds the run each side's scan would pick (they differ
        // only when runs tie); it was two passes, a tenth of ALIGN K=3000.
        let (len, end_a, end_b) = common_runs(&a.words, &b.words);
        if len == 0 {
            return 0.0;
        }
        let run_a = &a.words[end_a + 1 - len..=end_a];
        let run_b = &b.words[end_b + 1 - len..=end_b];
        self.phrase_of(a, b, run_a).max(self.phrase_of(b, a, run_b))
    }

    /// The phrase score of `run`, a run of the words of `a` found in `b`.
    fn phrase_of(&self, a: &SentenceFeatures, b: &SentenceFeatures, run: &[TermId]) -> f32 {
        // Names in the run are left out of its length: a copied attribution
        // ("Health Minister Tomas Berg told reporters") is who spoke, not
        // what was said.
        let flags = |id: &TermId| {
            let find = |s: &SentenceFeatures| {
                s.terms
                    .binary_search_by(|t| t.id.cmp(id))
                    .ok()
                    .and_then(|k| s.terms.get(k))
                    .map(|t| t.flags | CONTENT)
            };
            find(a).unwrap_or(0) | find(b).unwrap_or(0)
        };
        let (mut words, mut content) = (0, 0);
        for f in run.iter().map(flags) {
            if f & Term::NAME == 0 {
                words += 1;
                if f & CONTENT != 0 {
                    content += 1;
                }
            }
        }
        if words < MIN_PHRASE_WORDS || words + content < self.min_run {
            return 0.0;
        }
        let shorter = a.words.len().min(b.words.len()).max(1);
        self.containment_factor * words as f32 / shorter as f32
    }
}

impl Blend {
    /// For two short sentences, the share of words kept in order
    /// (1 - word-level Levenshtein distance / longer length, strsim's
    /// generic Levenshtein over word ids), as far as their content agrees:
    /// "Mr. Trump did not respond." / "Trump did not respond." is one edit
    /// apart, while "It's wrong." / "It's right." keeps two words of three
    /// but none of its content. Short sentences have too few content words
    /// for the other signals to be sure of them.
    fn short_edit(&self, a: &SentenceFeatures, b: &SentenceFeatures, cover: f32) -> f32 {
        let longer = a.words.len().max(b.words.len());
        if longer == 0 || longer > self.short_words || cover == 0.0 {
            return 0.0;
        }
        let distance = strsim::generic_levenshtein(&a.words, &b.words);
        let kept = 1.0 - distance as f32 / longer as f32;
        self.containment_factor * kept * cover
    }
}

/// A flag beside [`Term::NAME`] and [`Term::NUMBER`]: the word is content.
const CONTENT: u8 = 0x80;

/// Longest run of equal consecutive items, as (length, index in `a` of its
/// last item). Long inputs are cut so the cost stays bounded: a run is
/// looked for within the first 256 items of each.
pub fn common_run<T: PartialEq>(a: &[T], b: &[T]) -> (usize, usize) {
    let (len, end_a, _) = common_runs(a, b);
    (len, end_a)
}

/// [`common_run`] of `(a, b)` and of `(b, a)` in one pass: (length, index in
/// `a` of the last item of the run `common_run(a, b)` finds, index in `b` of
/// the last item of the run `common_run(b, a)` finds). The table of run
/// lengths is the same both ways round, transposed: the first scan takes
/// the first longest run in the order of `a`, the second in that of `b`.
pub fn common_runs<T: PartialEq>(a: &[T], b: &[T]) -> (usize, usize, usize) {
    const MAX: usize = 256;
    let (a, b) = (&a[..a.len().min(MAX)], &b[..b.len().min(MAX)]);
    let mut prev = vec![0u16; b.len() + 1];
    let mut cur = vec![0u16; b.len() + 1];
    let (mut best, mut end_a, mut end_b) = (0u16, 0usize, 0usize);
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            let v = if x == y { prev[j] + 1 } else { 0 };
            cur[j + 1] = v;
            if v > best {
                best = v;
                end_a = i;
                end_b = j;
            } else if v == best && v > 0 && j < end_b {
                // A tie: the scan of `b` meets the run ending earliest in
                // `b` first (in one column, the earliest in `a`, which this
                // scan meets first too).
                end_b = j;
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (best as usize, end_a, end_b)
}

/// Dice coefficient of two sorted, unique lists.
pub fn dice_sorted<T: Ord>(a: &[T], b: &[T]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let common = count_common(a, b);
    2.0 * common as f32 / (a.len() + b.len()) as f32
}

/// Number of elements two sorted lists share; with repeats, counted with
/// multiplicity (an upper bound on their common subsequence).
pub fn count_common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Test helpers shared with `align`'s tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use crate::text::Features;

    /// Scores sentence `x` against sentence `y` with weights taken over a
    /// small background story, the way `align` weighs two articles.
    pub fn score_in_context(x: &str, y: &str) -> f32 {
        let background = [
            "The city council met on Tuesday to discuss the budget.",
            "The mayor said the vote would take place next week.",
            "Residents said they were worried about rising rents.",
            "The council has nine members, five of them elected last year.",
            "A spokesman for the mayor said the plan was fair.",
            "Opposition members said the plan would hurt small businesses.",
        ];
        let mut a_sents: Vec<&str> = background[..3].to_vec();
        a_sents.push(x);
        let mut b_sents: Vec<&str> = background[3..].to_vec();
        b_sents.push(y);
        let fa = Features::from_sentences(&a_sents);
        let fb = Features::from_sentences(&b_sents);
        let w = Weights::new(&[&fa, &fb]);
        Blend::default().score(&fa.sentences[3], &fb.sentences[3], &w)
    }
}

#[cfg(test)]
mod tests {
    use super::testing::score_in_context;
    use super::*;
    use crate::text::Features;
    use proptest::prelude::*;

    #[test]
    fn pairs_a_reader_would_call_the_same_score_high() {
        let rows = [
            (
                "identical",
                "The bridge will close for repairs on Monday, officials said.",
                "The bridge will close for repairs on Monday, officials said.",
            ),
            (
                "reporting verb changed and lead-in added",
                "The bridge will close for repairs on Monday, officials said.",
                "Meanwhile, the bridge will close for repairs on Monday, officials stated.",
            ),
            (
                "paraphrase with the key facts kept",
                "Flooding forced the evacuation of 300 homes in the valley overnight.",
                "Overnight, 300 homes in the valley were evacuated because of flooding.",
            ),
            (
                "British and American spelling",
                "The defence ministry criticised the programme's rising cost.",
                "The defense ministry criticized the program's rising cost.",
            ),
            (
                "sentence of names copied with one word changed",
                "Also invited were two other judges, Maria Ortiz of the Ohio Supreme Court and Paul Chen of the Federal Circuit in Washington.",
                "Also invited were 2 other judges, Maria Ortiz of the Ohio Supreme Court and Paul Chen of the Federal Circuit in Washington.",
            ),
            (
                "quote trimmed inside a longer sentence",
                "\"We will not accept any deal that cuts pensions for nurses and teachers,\" the union leader Maria Lopez told a rally in the capital.",
                "\"We will not accept any deal that cuts pensions,\" Lopez said.",
            ),
        ];
        for (name, x, y) in rows {
            let s = score_in_context(x, y);
            assert!(s >= 0.6, "{name}: {s}");
        }
    }

    #[test]
    fn unrelated_sentences_score_near_zero() {
        let s = score_in_context(
            "Heavy snow closed schools across the north.",
            "The central bank raised interest rates by a quarter point.",
        );
        assert!(s < 0.1, "{s}");
    }

    fn words() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("the"),
                Just("Mayor"),
                Just("said"),
                Just("budget"),
                Just("vote"),
                Just("2012"),
                Just("defence"),
                Just("defense"),
                Just("won't"),
                Just("NATO"),
                Just("«"),
                Just("é"),
                Just("\u{301}"),
                Just(","),
                Just("."),
            ],
            0..14,
        )
        .prop_map(|w| w.join(" "))
    }

    proptest! {
        #[test]
        fn score_is_bounded_symmetric_and_one_on_identity(
            x in words(), y in words(), z in "\\PC{0,40}"
        ) {
            let f = Features::from_sentences(&[&x, &y, &z]);
            let w = Weights::new(&[&f]);
            let m = Blend::default();
            let (a, b, c) = (&f.sentences[0], &f.sentences[1], &f.sentences[2]);
            for (p, q) in [(a, b), (a, c), (b, c)] {
                let s = m.score(p, q, &w);
                prop_assert!((0.0..=1.0).contains(&s));
                prop_assert_eq!(s, m.score(q, p, &w));
            }
            for p in [a, b, c] {
                prop_assert_eq!(m.score(p, p, &w), 1.0);
            }
        }
    }
    proptest! {
        // Small alphabets make many tied runs, where the two scans differ.
        #[test]
        fn one_pass_finds_the_run_each_scan_finds(
            a in proptest::collection::vec(0u8..3, 0..40),
            b in proptest::collection::vec(0u8..3, 0..40),
        ) {
            let (len, end_a, end_b) = common_runs(&a, &b);
            prop_assert_eq!((len, end_a), common_run(&a, &b));
            let (len_b, end_b_alone) = common_run(&b, &a);
            prop_assert_eq!(len, len_b);
            if len > 0 {
                prop_assert_eq!(end_b, end_b_alone);
            }
        }
    }

    // Lives here, not in text::spelling: it measures the similarity a
    // relinked misspelling buys, and text must not import similarity.
    #[test]
    fn a_misspelt_word_still_counts() {
        let a = Features::from_sentences(&[
            "The goverment postponed the referendum on independence until spring.",
            "Turnout in the last vote was low.",
        ]);
        let b = Features::from_sentences(&[
            "Officials said the government postponed the referendum.",
            "Farmers protested against the new tariffs.",
        ]);
        let links = crate::text::misspellings(&a, &b);
        assert_eq!(links.len(), 1, "{links:?}");
        let plain = Weights::new(&[&a, &b]);
        let m = Blend::default();
        let before = m.score(&a.sentences[0], &b.sentences[0], &plain);
        let b2 = crate::text::relink(&b, &links);
        let after = m.score(&a.sentences[0], &b2.sentences[0], &Weights::new(&[&a, &b2]));
        assert!(after > before + 0.05, "{before} -> {after}");
    }
}
