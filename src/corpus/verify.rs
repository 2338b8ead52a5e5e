//! Verification of one candidate pair on the two sketches.
//!
//! Everything the corpus stage says about a pair comes from [`verify`], so a
//! later version can call the sentence aligner here without touching the
//! candidate search or the output.
//!
//! **Why not the `compare` measure.** `compare` scores sentence pairs with
//! `similarity::Blend` over `text::SentenceFeatures`: every word in order as
//! a 64-bit id, the sorted content terms with name/number flags (16 bytes
//! each), the word-pair hashes, and per-pair IDF `Weights` built from both
//! documents' sentences. Kept for a stream, that is about 630 bytes per
//! sentence on the 100k bench workload (23.6 words a sentence: 3 vector
//! headers, 8 bytes a word, about 12 terms at 16 and 22 word pairs at 8),
//! some 770 MB for its 1.22 M sentences and 7.7 GB for a million articles,
//! against the 2 GiB the stream may use; the sketch here is about 56 bytes a
//! sentence (fingerprint, offset, word mask, about 18 distinct 16-bit word
//! hashes). Scoring the sketch with `Blend` is not possible either: `Blend`
//! needs word order (word pairs, copied phrases, word edits) and name
//! flags, which the sorted 16-bit word sets do not have, and `text`
//! tokenizes differently (spelling keys, name detection), so a second
//! tokenizing pass would run at ingest on top of this one. What is reused is
//! the idea and the tolerance: a sentence counts as shared when it is the
//! same give or take light edits ([`near_match`]), as `align` would pair it.

use super::event::{self, EventEvidence};
use super::signature::{with_story_words, Sketch};
use super::Relation;

/// Both sides must carry this share of each other's sentences for a
/// duplicate (the same article give or take boilerplate and small edits).
///
/// The nominal rule is 80% of the *story* sentences. Measured coverage runs
/// lower than that: added boilerplate lines ("Sign up for our newsletter")
/// that ingest does not recognize and sentence fragments count in the
/// denominator. On the 10k bench workload (shared/bench, gold labelled by
/// source sentences) the relation agreed with the gold on 91% of true pairs
/// at 0.8, 96% at 0.75 and 96% at 0.7; 0.75 keeps close to the nominal rule.
pub const DUPLICATE_COVERAGE: f32 = 0.75;

/// One side must carry this share of the other's sentences for `derived`
/// (one article largely built from the other). Nominally one half; lowered
/// for the same reason as [`DUPLICATE_COVERAGE`]. On the 10k bench workload
/// pair F1 was 0.987 at 0.5, 0.991 at 0.45 and 0.994 at 0.4, while unrelated
/// articles that reuse a passage stay below 0.4 (the workload's own check
/// puts them at most at 0.38 in word 5-gram containment); 0.45 keeps a margin
/// on both sides.
pub const DERIVED_COVERAGE: f32 = 0.45;

/// Two sentences that are not identical still count as the same sentence
/// when the smaller one's words are nearly all in the larger one ...
pub const NEAR_MATCH_CONTAINMENT: f32 = 0.8;
/// ... and they share at least this share of the larger one's words. A light
/// edit (a word swapped, a lead-in added, a quote cut to half with an
/// ellipsis) stays above both; two unrelated sentences that share only
/// function words fall below. Set by hand on edited sentence pairs written
/// for the unit tests and checked on the 10k bench workload.
pub const NEAR_MATCH_LARGER: f32 = 0.5;
/// ... and at least this many words.
pub const NEAR_MATCH_MIN_WORDS: usize = 3;

/// Same-story evidence starts with the cosine of the two articles' sets of
/// *rare* words (see [`Rarity`]): reports of one event by different outlets
/// share its names, places, numbers and vocabulary while their common words
/// are filtered out. (Alone, as a threshold of 0.1, it gave BASIL F1 0.857
/// and GVA 0.575: one topic's reports share vocabulary too.) Candidates
/// below this cosine are not looked at further; the rest go to the
/// same-event model ([`event::same_event_score`]), which weighs the cosine
/// with when, where and who.
pub const STORY_PREFILTER: f32 = 0.05;

/// A word is rare when it is in at most this share of the articles so far
/// ... (5% of BASIL's 300 articles is 15: the best of 15, 30 and 60 there)
pub const RARE_SHARE: f32 = 0.05;
/// ... or in at most this many, early in a stream ...
pub const RARE_MIN_DF: u32 = 3;
/// ... and never in more than this many: in a long stream 5% is thousands
/// of articles, and words that common (a president's name, "percent") make
/// unrelated reports look alike. An event's own names and terms recur in
/// its few dozen reports. On the 100k bench workload this cut same-story
/// pairs and the time spent on them by half (BASIL is below the cap).
pub const RARE_MAX_DF: u32 = 64;

/// Which word buckets are rare, from document frequencies over the stream
/// as known at the end of the current chunk. (For a file the chunks are
/// fixed, so the answer is too; for a live stream same-story decisions
/// depend on how much had arrived, which is the price of streaming.)
#[derive(Debug, Clone, Copy)]
pub struct Rarity<'a> {
    df: &'a [u32],
    cap: u32,
}

impl<'a> Rarity<'a> {
    /// Rarity over `docs` articles with bucket frequencies `df`.
    pub fn new(df: &'a [u32], docs: usize) -> Rarity<'a> {
        let cap = ((docs as f32 * RARE_SHARE) as u32).clamp(RARE_MIN_DF, RARE_MAX_DF);
        Rarity { df, cap }
    }

    /// Whether word bucket `w` is rare.
    #[inline]
    pub fn is_rare(&self, w: u16) -> bool {
        self.df.get(usize::from(w)).is_some_and(|&d| d <= self.cap)
    }

    /// Cosine of the rare words of two sorted word sets.
    pub fn cosine(&self, x: &[u16], y: &[u16]) -> f32 {
        let nx = x.iter().filter(|&&w| self.is_rare(w)).count();
        let ny = y.iter().filter(|&&w| self.is_rare(w)).count();
        if nx == 0 || ny == 0 {
            return 0.0;
        }
        let (mut i, mut j, mut shared) = (0, 0, 0usize);
        while let (Some(a), Some(b)) = (x.get(i), y.get(j)) {
            match a.cmp(b) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += usize::from(self.is_rare(*a));
                    i += 1;
                    j += 1;
                }
            }
        }
        shared as f32 / ((nx * ny) as f32).sqrt()
    }

    /// Cosine of the rare words of two sorted word sets, each weighted by
    /// how uncommon it is in ordinary text ([`Background`]): the
    /// distinctive event words. Rare in the stream says a word is not the
    /// batch's topic; the background says it is not ordinary news
    /// vocabulary either, where a batch is too small to tell.
    pub fn event_cosine(&self, x: &[u16], y: &[u16]) -> f32 {
        let bg = Background::get();
        let norm = |v: &[u16]| -> u64 {
            v.iter()
                .filter(|&&w| self.is_rare(w))
                .map(|&w| u64::from(bg.weight(w).pow(2)))
                .sum()
        };
        let (nx, ny) = (norm(x), norm(y));
        if nx == 0 || ny == 0 {
            return 0.0;
        }
        let (mut i, mut j, mut shared) = (0, 0, 0u64);
        while let (Some(a), Some(b)) = (x.get(i), y.get(j)) {
            match a.cmp(b) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    if self.is_rare(*a) {
                        shared += u64::from(bg.weight(*a).pow(2));
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        (shared as f64 / ((nx as f64) * (ny as f64)).sqrt()) as f32
    }
}

/// How common each word bucket is in ordinary text: the background
/// document-frequency table shipped in `data/background/` (the 50,000 most
/// frequent English words of `wordfreq`, from public text, news among it;
/// see docs/dedup-events.md), as a weight per 16-bit bucket of the corpus
/// word hash. A word's weight is how far its Zipf frequency (log10 of
/// occurrences per billion words) stays under [`Background::CEILING`]: an
/// inverse document frequency on a log scale, so "police" (5.3) weighs
/// 2.2, "funeral" (4.4) 3.1 and a name outside the list 5.5. A topic's own
/// common words are thereby discounted even in a batch too small for its
/// frequencies to show them (one topic's reports share "shooting" and
/// "police"; one event's share names and places).
pub struct Background {
    /// Weight per bucket in tenths (0 to 55).
    weight: Box<[u8; 1 << 16]>,
}

impl Background {
    /// Zipf frequency at which a word weighs nothing: the commonest
    /// function words ("the" 7.7, "of" 7.4).
    pub const CEILING: f32 = 7.5;
    /// Zipf frequency given to a word outside the list (its last words are
    /// at 2.5; names and rare terms are below).
    pub const FLOOR: f32 = 2.0;

    fn build() -> Background {
        const TABLE: &str = include_str!("../../data/background/en-wordfreq-50k.tsv");
        let top = ((Background::CEILING - Background::FLOOR) * 10.0) as u8;
        let mut weight = Box::new([top; 1 << 16]);
        let mut buf = String::new();
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            let Some((word, zipf)) = line.split_once('\t') else {
                continue;
            };
            let Ok(zipf) = zipf.trim().parse::<f32>() else {
                continue;
            };
            let w = ((Background::CEILING - zipf).max(0.0) * 10.0).round() as u8;
            super::signature::for_each_word(word, &mut buf, |h, _, _| {
                // Two words in one bucket: the commoner one's weight, so
                // that a common word is never taken for a distinctive one.
                if let Some(slot) = weight.get_mut(usize::from(super::signature::bucket(h))) {
                    *slot = (*slot).min(w);
                }
            });
        }
        Background { weight }
    }

    /// The table, built once from the shipped list on first use.
    pub fn get() -> &'static Background {
        static TABLE: std::sync::LazyLock<Background> = std::sync::LazyLock::new(Background::build);
        &TABLE
    }

    /// The weight of word bucket `b` in tenths.
    #[inline]
    pub fn weight(&self, b: u16) -> u32 {
        u32::from(self.weight[usize::from(b)])
    }
}

/// What verification found for a pair (a, b).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evidence {
    /// Share of a's sentences that b also carries.
    pub a_covered: f32,
    /// Share of b's sentences that a also carries.
    pub b_covered: f32,
    /// Sentences of a that b carries (exactly or near).
    pub shared_sentences: u32,
    /// Quoted stretches both carry.
    pub shared_quotes: u32,
    /// Cosine of the two articles' rare words (same-story evidence).
    pub story: f32,
}

/// The verdict on a pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Verdict {
    /// How the two articles are related.
    pub relation: Relation,
    /// Strength of the relation in [0, 1]: for duplicate and derived the
    /// larger coverage, for same-story the rare-word cosine.
    pub score: f32,
    /// The measurements behind it.
    pub evidence: Evidence,
    /// For same-story: what the event signatures said, and the model's
    /// score.
    pub event: Option<(EventEvidence, f32)>,
}

/// Verifies a candidate pair. `None`: the two articles are not related.
pub fn verify(a: Sketch, b: Sketch, rarity: &Rarity) -> Option<Verdict> {
    let mut evidence = measure(a, b);
    // Copies are decided on coverage alone; the rare-word cosine is for
    // the pairs left to the same-event decision.
    classify(evidence).or_else(|| {
        evidence.story = with_story_words(a, b, |x, y| rarity.cosine(x, y));
        same_event(a, b, evidence, rarity)
    })
}

/// The event evidence of a pair: the two event signatures compared, and
/// the cosine of their distinctive words.
fn event_evidence(a: Sketch, b: Sketch, rarity: &Rarity) -> EventEvidence {
    let mut e = EventEvidence::compare(&a.event(), &b.event());
    e.event_words = with_story_words(a, b, |x, y| rarity.event_cosine(x, y));
    e
}

/// The same-event decision for a pair that is neither duplicate nor
/// derived: the rare-word cosine and the event signatures through the
/// calibrated model.
fn same_event(a: Sketch, b: Sketch, evidence: Evidence, rarity: &Rarity) -> Option<Verdict> {
    if evidence.story < STORY_PREFILTER {
        return None;
    }
    let e = event_evidence(a, b, rarity);
    let p = event::same_event_score(&e);
    (p >= event::SAME_EVENT).then_some(Verdict {
        relation: Relation::SameStory,
        score: evidence.story,
        evidence,
        event: Some((e, p)),
    })
}

/// The signals of the same-event decision for a pair (for calibration).
pub fn story_signals(a: Sketch, b: Sketch, rarity: &Rarity) -> (f32, EventEvidence) {
    let story = with_story_words(a, b, |x, y| rarity.cosine(x, y));
    (story, event_evidence(a, b, rarity))
}

/// Verifies a pair found only through shared salient terms: the cheap
/// salient test first, the sentence measures only for pairs that pass it.
pub fn verify_story(a: Sketch, b: Sketch, rarity: &Rarity) -> Option<Verdict> {
    let story = with_story_words(a, b, |x, y| rarity.cosine(x, y));
    if story < STORY_PREFILTER {
        return None;
    }
    let mut evidence = measure(a, b);
    evidence.story = story;
    // Found through names, not through shared sentence pairs: whatever
    // sentences the two share sit in one passage, so at most same story.
    same_event(a, b, evidence, rarity)
}

/// One flag per sentence: on the stack up to [`Marks::INLINE`] sentences
/// (nearly every article), on the heap beyond. Verification runs once per
/// candidate pair, and two small allocations a pair showed in the profile.
struct Marks {
    inline: [u64; 4],
    heap: Vec<u64>,
}

impl Marks {
    const INLINE: usize = 256;

    fn new(n: usize) -> Marks {
        let heap = if n > Marks::INLINE {
            vec![0; n.div_ceil(64)]
        } else {
            Vec::new()
        };
        Marks {
            inline: [0; 4],
            heap,
        }
    }

    fn words(&self) -> &[u64] {
        if self.heap.is_empty() {
            &self.inline
        } else {
            &self.heap
        }
    }

    fn get(&self, i: usize) -> bool {
        self.words()
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    fn set(&mut self, i: usize) {
        let words = if self.heap.is_empty() {
            &mut self.inline[..]
        } else {
            &mut self.heap[..]
        };
        if let Some(w) = words.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }

    fn count(&self) -> usize {
        self.words().iter().map(|w| w.count_ones() as usize).sum()
    }
}

/// Sentences whose word masks [`measure`] keeps on the stack.
const MASKS_ON_STACK: usize = 128;

/// Sentence pairs above which [`measure`] stops comparing every sentence
/// of one article with every sentence of the other (2,000 by 2,000). News
/// articles are far below (a dozen by a dozen is typical); two 300,000-
/// sentence inputs took 157 s in the pairwise loops. Above it, identical
/// sentences are still found (through a sorted list, in n log n), and
/// near-identical ones no longer count.
const PAIRWISE_LIMIT: usize = 4_000_000;

/// Coverage, shared quotes and salient terms of a pair.
pub fn measure(a: Sketch, b: Sketch) -> Evidence {
    let (na, nb) = (a.len(), b.len());
    let mut am = Marks::new(na);
    let mut bm = Marks::new(nb);
    if na.saturating_mul(nb) > PAIRWISE_LIMIT {
        identical_by_sorting(a, b, &mut am, &mut bm);
    } else {
        pairwise(a, b, &mut am, &mut bm);
    }
    let ca = am.count();
    let cb = bm.count();
    let share = |c: usize, n: usize| if n == 0 { 0.0 } else { c as f32 / n as f32 };
    Evidence {
        a_covered: share(ca, na),
        b_covered: share(cb, nb),
        shared_sentences: ca as u32,
        shared_quotes: crate::similarity::count_common(a.quotes(), b.quotes()) as u32,
        story: 0.0,
    }
}

/// Marks the sentences of `a` and `b` that are the same (equal
/// fingerprints) or nearly the same ([`near_match`]), comparing every pair.
fn pairwise(a: Sketch, b: Sketch, am: &mut Marks, bm: &mut Marks) {
    let (na, nb) = (a.len(), b.len());
    for (i, fa) in a.fps().iter().enumerate() {
        for (j, fb) in b.fps().iter().enumerate() {
            if fa == fb {
                am.set(i);
                bm.set(j);
            }
        }
    }
    // b's masks once, on the stack for all but the longest articles.
    let mut stack = [0u64; MASKS_ON_STACK];
    let heap: Vec<u64>;
    let masks_b: &[u64] = if nb <= MASKS_ON_STACK {
        for (j, m) in stack.iter_mut().take(nb).enumerate() {
            *m = b.mask_of(j);
        }
        stack.get(..nb).unwrap_or(&[])
    } else {
        heap = (0..nb).map(|j| b.mask_of(j)).collect();
        &heap
    };
    for i in 0..na {
        let wa = a.words_of(i);
        let ka = a.mask_of(i);
        for j in 0..nb {
            if am.get(i) && bm.get(j) {
                continue;
            }
            let kb = masks_b.get(j).copied().unwrap_or(u64::MAX);
            if may_match(wa.len(), ka, b.words_of(j).len(), kb) && near_match(wa, b.words_of(j)) {
                am.set(i);
                bm.set(j);
            }
        }
    }
}

/// Marks the sentences of `a` and `b` with equal fingerprints, through
/// `b`'s fingerprints sorted: for articles too long to compare pairwise.
fn identical_by_sorting(a: Sketch, b: Sketch, am: &mut Marks, bm: &mut Marks) {
    let mut sorted: Vec<(u32, u32)> = b
        .fps()
        .iter()
        .enumerate()
        .map(|(j, &f)| (f, j as u32))
        .collect();
    sorted.sort_unstable();
    for (i, &f) in a.fps().iter().enumerate() {
        let from = sorted.partition_point(|&(g, _)| g < f);
        for &(_, j) in sorted
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&(g, _)| g == f)
        {
            am.set(i);
            bm.set(j as usize);
        }
    }
}

/// The copy relation the evidence supports (duplicate, then derived);
/// `None` leaves the pair to the same-event decision.
pub fn classify(e: Evidence) -> Option<Verdict> {
    let lo = e.a_covered.min(e.b_covered);
    let hi = e.a_covered.max(e.b_covered);
    let (relation, score) = if lo >= DUPLICATE_COVERAGE {
        (Relation::Duplicate, hi)
    } else if hi >= DERIVED_COVERAGE {
        (Relation::Derived, hi)
    } else {
        return None;
    };
    Some(Verdict {
        relation,
        score,
        evidence: e,
        event: None,
    })
}

/// A quick necessary condition for [`near_match`] from the word masks: a
/// bit set in the smaller sentence's mask and not in the larger's stands for
/// at least one word the larger lacks, so `len - popcount(small & !large)`
/// bounds the shared words from above.
#[inline]
pub fn may_match(nx: usize, mx: u64, ny: usize, my: u64) -> bool {
    let (ns, ms, ml) = if nx <= ny { (nx, mx, my) } else { (ny, my, mx) };
    let missing = (ms & !ml).count_ones() as usize;
    let bound = ns.saturating_sub(missing);
    bound as f32 >= NEAR_MATCH_CONTAINMENT * ns as f32 && bound >= NEAR_MATCH_MIN_WORDS
}

/// Whether two sentences' word sets are the same sentence lightly edited.
pub fn near_match(x: &[u16], y: &[u16]) -> bool {
    let (small, large) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    if small.len() < NEAR_MATCH_MIN_WORDS {
        return false;
    }
    // Cheap bound first: even full containment cannot reach the larger share.
    if (small.len() as f32) < NEAR_MATCH_LARGER * large.len() as f32 {
        return false;
    }
    let inter = crate::similarity::count_common(small, large);
    inter >= NEAR_MATCH_MIN_WORDS
        && inter as f32 >= NEAR_MATCH_CONTAINMENT * small.len() as f32
        && inter as f32 >= NEAR_MATCH_LARGER * large.len() as f32
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_background_weighs_common_words_less() {
        let bg = Background::get();
        let w = |word: &str| {
            let mut b = 0;
            super::super::signature::for_each_word(word, &mut String::new(), |h, _, _| {
                b = super::super::signature::bucket(h)
            });
            bg.weight(b)
        };
        assert_eq!(w("the"), 0);
        assert!(
            w("police") < w("funeral"),
            "{} {}",
            w("police"),
            w("funeral")
        );
        assert!(w("funeral") < w("zzyzxoster"));
    }

    #[test]
    fn event_words_weigh_a_shared_name_over_a_shared_common_word() {
        let buckets = |words: &[&str]| {
            let mut v = Vec::new();
            for w in words {
                super::super::signature::for_each_word(w, &mut String::new(), |h, _, _| {
                    v.push(super::super::signature::bucket(h))
                });
            }
            v.sort_unstable();
            v
        };
        // Every word rare in the stream: only the background tells them.
        let df = vec![0u32; 1 << 16];
        let rarity = Rarity::new(&df, 100);
        let a = buckets(&["police", "harlow"]);
        let common = buckets(&["police", "kelby"]);
        let name = buckets(&["harlow", "station"]);
        assert_eq!(rarity.cosine(&a, &common), rarity.cosine(&a, &name));
        assert!(rarity.event_cosine(&a, &common) < rarity.event_cosine(&a, &name));
    }

    use super::super::signature::{signature, SketchBuf};
    use super::*;
    use crate::article::article_from_text;

    fn sketch(body: &str) -> SketchBuf {
        let a = article_from_text("t.txt", &format!("Title\n\n{body}")).unwrap();
        signature(&a).sketch
    }

    const STORY: &[&str] = &[
        "Storms flooded the northern valley overnight, cutting power to thousands of homes.",
        "Rescue teams reached the last cut-off village by noon on Tuesday.",
        "The regional governor asked the army for boats and helicopters.",
        "Schools across the province will stay closed until Friday at least.",
        "Farmers fear that most of this year's harvest has been lost.",
        "Insurers said it was too early to put a figure on the damage.",
        "Forecasters expect more rain over the weekend in the hills.",
        "The last flood of this size hit the valley twenty years ago.",
        "Volunteers filled sandbags outside the town hall all night.",
        "Officials urged residents to boil tap water before drinking it.",
    ];

    fn body(sents: &[&str]) -> String {
        sents
            .chunks(2)
            .map(|c| c.join(" "))
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    #[test]
    fn relation_table() {
        let full = body(STORY);
        let mut edited: Vec<String> = STORY.iter().map(|s| s.to_string()).collect();
        edited[1] =
            "However, rescue teams reached the last cut-off village by noon on Tuesday.".into();
        edited[4] = "Farmers fear that most of the harvest this year has been lost.".into();
        let edited: Vec<&str> = edited.iter().map(|s| s.as_str()).collect();
        let other = [
            "A new football stadium opened in the capital on Sunday afternoon.",
            "Fans queued for hours in the sun to get inside the ground.",
            "The club's owner thanked the city for its patience during building.",
            "Tickets for the first league match sold out within an hour.",
            "Traffic around the stadium was heavy until late in the evening.",
        ];
        let mut half: Vec<&str> = STORY[..5].to_vec();
        half.extend_from_slice(&other);
        let rows: &[(&str, String, Option<Relation>)] = &[
            ("identical", full.clone(), Some(Relation::Duplicate)),
            ("light edits", body(&edited), Some(Relation::Duplicate)),
            ("half rewritten", body(&half), Some(Relation::Derived)),
            ("unrelated", body(&other), None),
        ];
        let a = sketch(&full);
        // No word is rare here: these rows are about sentences only.
        let df = vec![u32::MAX; 1 << 16];
        let rarity = Rarity::new(&df, 100);
        for (name, text, want) in rows {
            let got = verify(a.view(), sketch(text).view(), &rarity).map(|v| v.relation);
            assert_eq!(got, *want, "{name}");
        }
    }

    #[test]
    fn independent_reports_of_one_event_are_the_same_story() {
        let a = "Firefighters in Valdoria contained the warehouse blaze near the Krestow docks late on Sunday.\n\nThe Valdoria fire chief, Anneke Brill, said nobody was hurt and that about 40 crews took part.\n\nInvestigators from the Krestow port authority will examine the wiring on Monday.";
        let b = "A fire that broke out at a Krestow docks warehouse was brought under control on Sunday night, officials in Valdoria said.\n\nAnneke Brill, who leads the city's fire service, told reporters 40 crews had fought the flames and no one was injured.\n\nThe port authority is expected to look into faulty wiring.";
        let others = [
            "The central bank kept interest rates unchanged on Thursday, citing slowing inflation.\n\nAnalysts had expected the decision and markets barely moved.",
            "The national football team won its qualifier 2-0 on Saturday night.\n\nThe coach praised the defence and said the players were tired but happy.",
            "Heavy snow closed mountain passes in the north on Friday.\n\nDrivers were told to carry chains and to check the forecast before leaving.",
        ];
        let sk: Vec<SketchBuf> = [a, b]
            .iter()
            .chain(others.iter())
            .map(|t| sketch(t))
            .collect();
        let mut df = vec![0u32; 1 << 16];
        for s in &sk {
            for &w in &s.view().story_words() {
                df[usize::from(w)] += 1;
            }
        }
        let rarity = Rarity::new(&df, sk.len());
        let v = verify(sk[0].view(), sk[1].view(), &rarity).expect("related");
        assert_eq!(v.relation, Relation::SameStory);
        for other in &sk[2..] {
            assert_eq!(verify(sk[0].view(), other.view(), &rarity), None);
        }
    }

    #[test]
    fn coverage_is_per_side() {
        let a = sketch(&body(&STORY[..4]));
        let b = sketch(&body(STORY));
        let df = vec![0; 1 << 16];
        let v = verify(a.view(), b.view(), &Rarity::new(&df, 100)).unwrap();
        assert_eq!(v.relation, Relation::Derived);
        assert_eq!(v.evidence.a_covered, 1.0);
        assert!((v.evidence.b_covered - 0.4).abs() < 1e-6);
        assert_eq!(v.evidence.shared_sentences, 4);
    }

    #[test]
    fn very_long_articles_still_share_their_identical_sentences() {
        // 3,000 by 1,500 sentences: past the pairwise limit.
        let sentence = |k: usize| format!("Crew {k} saw {} {} boats.", k * 7 + 1000, k * 13 + 5000);
        let all: Vec<String> = (0..3_000).map(sentence).collect();
        let half: Vec<String> = (0..3_000).step_by(2).map(sentence).collect();
        let (a, b) = (sketch(&all.join(" ")), sketch(&half.join(" ")));
        let (a, b) = (a.view(), b.view());
        assert!(a.len() * b.len() > PAIRWISE_LIMIT);
        let e = measure(a, b);
        assert_eq!(e.shared_sentences, 1_500);
        assert_eq!((e.a_covered, e.b_covered), (0.5, 1.0));
    }

    #[test]
    fn long_articles_are_measured_past_the_inline_marks() {
        // More sentences than `Marks` keeps on the stack: the second article
        // carries every other sentence of the first.
        // Four numbers of their own in seven words: no two sentences are
        // near copies, even with a few 16-bit word buckets in common.
        let sentence = |k: usize| {
            format!(
                "Crew {k} saw {} {} {} boats.",
                k * 7 + 1000,
                k * 13 + 5000,
                k * 17 + 9000
            )
        };
        let all: Vec<String> = (0..300).map(sentence).collect();
        let half: Vec<String> = (0..300).step_by(2).map(sentence).collect();
        let join = |v: &[String]| v.join(" ");
        let (a, b) = (sketch(&join(&all)), sketch(&join(&half)));
        assert_eq!((a.view().len(), b.view().len()), (300, 150));
        let e = measure(a.view(), b.view());
        assert_eq!(e.shared_sentences, 150);
        assert_eq!((e.a_covered, e.b_covered), (0.5, 1.0));
    }

    #[test]
    fn near_match_table() {
        let w = |s: &str| {
            let sk = sketch(s);
            sk.view().words_of(0).to_vec()
        };
        let base = "The minister said the new tax would be dropped before the election.";
        let rows = [
            (
                "word swapped",
                "The minister stated the new tax would be dropped before the election.",
                true,
            ),
            (
                "lead-in",
                "Meanwhile, the minister said the new tax would be dropped before the election.",
                true,
            ),
            (
                "function words only",
                "The rain said the old roof would be gone before the summer.",
                false,
            ),
        ];
        for (name, other, want) in rows {
            assert_eq!(near_match(&w(base), &w(other)), want, "{name}");
        }
    }

    proptest::proptest! {
        #[test]
        fn coverage_is_symmetric_and_bounded(
            picks_a in proptest::collection::vec(0usize..10, 1..10),
            picks_b in proptest::collection::vec(0usize..10, 1..10),
        ) {
            let pick = |p: &[usize]| -> String {
                let s: Vec<&str> = p.iter().filter_map(|&i| STORY.get(i).copied()).collect();
                body(&s)
            };
            let (a, b) = (sketch(&pick(&picks_a)), sketch(&pick(&picks_b)));
            let ab = measure(a.view(), b.view());
            let ba = measure(b.view(), a.view());
            proptest::prop_assert_eq!(ab.a_covered, ba.b_covered);
            proptest::prop_assert_eq!(ab.b_covered, ba.a_covered);
            for x in [ab.a_covered, ab.b_covered] {
                proptest::prop_assert!((0.0..=1.0).contains(&x));
            }
            let same = measure(a.view(), a.view());
            proptest::prop_assert_eq!(same.a_covered, 1.0);
        }
    }
}
