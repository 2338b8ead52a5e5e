use super::*;
use proptest::prelude::*;

fn feats(s: &[&str]) -> Features {
    Features::from_sentences(s)
}

/// Two sentences that share only who speaks (and the verb) say
/// different things: they score below the threshold. (A test of the
/// threshold against the measure, so it lives with the threshold.)
#[test]
fn pairs_that_only_share_who_speaks_score_below_the_threshold() {
    for (name, x, y) in [
        (
            "same speaker, different claims",
            "Governor Helen Park said the new stadium would open in August.",
            "Governor Helen Park said teachers deserved a pay rise this year.",
        ),
        (
            "same speaker and verb, different topic",
            "\"Our hospitals are full,\" Health Minister Tomas Berg told reporters.",
            "\"The railway strike must end,\" Health Minister Tomas Berg told reporters.",
        ),
    ] {
        let s = crate::similarity::testing::score_in_context(x, y);
        assert!(s < THRESHOLD, "{name}: {s}");
    }
}

#[test]
fn reordered_sentences_are_found_with_their_kinds() {
    let a = feats(&[
        "The storm knocked out power to 40,000 homes on Sunday.",
        "Crews expect to restore most service by Wednesday, the utility said.",
        "Schools in the county will stay closed on Monday.",
        "The governor declared a state of emergency.",
    ]);
    let b = feats(&[
        "Schools in the county will stay closed on Monday.",
        "The governor, Ann Reyes, did not comment.",
        "Meanwhile, crews expect to restore most service by Wednesday, the utility stated.",
        "Sunday's storm left 40,000 homes without power.",
    ]);
    let got = align(&a, &b, &AlignOptions::default());
    let pairs: Vec<(Vec<usize>, Vec<usize>, AlignKind)> = got
        .iter()
        .map(|g| (g.a.clone(), g.b.clone(), g.kind))
        .collect();
    assert_eq!(
        pairs,
        vec![
            (vec![0], vec![3], AlignKind::Paraphrase),
            (vec![1], vec![2], AlignKind::Edited),
            (vec![2], vec![0], AlignKind::Same),
        ]
    );
}

/// A digest of `n` short made-up stories, one sentence each, with
/// `extra` put at the given places.
fn digest(n: usize, extra: &[(usize, &str)]) -> Vec<String> {
    let mut out: Vec<String> = (0..n)
        .map(|i| {
            format!("The board of Varo{i}dale approved the Kelt{i}ham bridge plan in its meeting number {i}.")
        })
        .collect();
    for &(at, s) in extra {
        out.insert(at, s.to_string());
    }
    out
}

#[test]
fn long_documents_pair_paraphrases_only_near_their_story() {
    let told = "Flooding forced the evacuation of 300 homes in the valley overnight.";
    let retold = "Overnight, 300 homes in the valley were evacuated because of flooding.";
    let as_feats = |v: &[String]| {
        let refs: Vec<&str> = v.iter().map(String::as_str).collect();
        feats(&refs)
    };
    let paraphrases = |a: &[String], b: &[String]| -> Vec<(usize, usize)> {
        align(&as_feats(a), &as_feats(b), &AlignOptions::default())
            .iter()
            .filter(|g| g.kind == AlignKind::Paraphrase)
            .map(|g| (g.a[0], g.b[0]))
            .collect()
    };
    // Next to the copied sentences of its story: found.
    let a = digest(400, &[(350, told)]);
    let b = digest(400, &[(352, retold)]);
    assert_eq!(paraphrases(&a, &b), vec![(350, 352)]);
    // Hundreds of sentences away, among other stories: not the same fact.
    let b = digest(400, &[(10, retold)]);
    assert_eq!(paraphrases(&a, &b), vec![]);
    // Between two articles, any order is a wire's own.
    let a = digest(40, &[(35, told)]);
    let b = digest(40, &[(0, retold)]);
    assert_eq!(paraphrases(&a, &b), vec![(35, 0)]);
}

/// Two reports of a council vote: sentences 1 and 2 are copied, which
/// shows the two are about one event; the lede and the union leader's
/// sentence are written apart.
fn council_story(union_a: &str, union_b: &str) -> (Features, Features) {
    let a = feats(&[
        "The city council rejected the mayor's transit plan on Tuesday, leaving the proposed tram line without funding for another year.",
        "Construction had been expected to begin next spring at a cost of 400 million dollars.",
        "Opponents argued that buses would serve the outer districts better.",
        union_a,
        "The mayor's tram project would have run from the airport to the harbour.",
    ]);
    let b = feats(&[
        "Councillors dealt the mayor a defeat on Tuesday, rejecting his tram project and the money it needed.",
        "Construction had been expected to begin next spring at a cost of 400 million dollars.",
        "Opponents argued that buses would serve the outer districts better.",
        union_b,
    ]);
    (a, b)
}

fn pairs_of(got: &[Aligned]) -> Vec<(Vec<usize>, Vec<usize>)> {
    got.iter().map(|g| (g.a.clone(), g.b.clone())).collect()
}

#[test]
fn the_two_ledes_are_paired() {
    let (a, b) = council_story(
        "Union leader Carla Mendes warned that drivers could strike over the changes.",
        "Carla Mendes suggested members might walk out, repeating her warnings of last month.",
    );
    // B's lede shares more words with A's aside on the tram route than
    // with A's lede.
    let w = Weights::new(&[&a, &b]);
    let words = Blend::default().score(&a.sentences[0], &b.sentences[0], &w);
    let rival = Blend::default().score(&a.sentences[4], &b.sentences[0], &w);
    assert!(words < rival, "{words} {rival}");
    let got = pairs_of(&align(&a, &b, &AlignOptions::default()));
    assert!(got.contains(&(vec![0], vec![0])), "{got:?}");
    let without = AlignOptions {
        lede_prior: false,
        ..AlignOptions::default()
    };
    let got = pairs_of(&align(&a, &b, &without));
    assert!(got.contains(&(vec![4], vec![0])), "{got:?}");
}

#[test]
fn a_person_named_in_passing_pairs_their_sentences() {
    let (a, b) = council_story(
        "Union leader Carla Mendes warned that drivers could strike over the changes.",
        "Carla Mendes suggested members might walk out, repeating her warnings of last month.",
    );
    let w = Weights::new(&[&a, &b]);
    let words = Blend::default().score(&a.sentences[3], &b.sentences[3], &w);
    assert!(words < MUTUAL_THRESHOLD, "their words alone: {words}");
    let got = align(&a, &b, &AlignOptions::default());
    let pair = got.iter().find(|g| g.a == vec![3]);
    assert_eq!(pair.map(|g| g.b.clone()), Some(vec![3]), "{got:?}");
    assert_eq!(pair.map(|g| g.kind), Some(AlignKind::Paraphrase));
}

#[test]
fn a_person_named_for_different_things_stays_apart() {
    let (a, b) = council_story(
        "Union leader Carla Mendes praised the council for listening to commuters.",
        "Carla Mendes told reporters that bus fares would rise next month.",
    );
    let got = pairs_of(&align(&a, &b, &AlignOptions::default()));
    assert!(
        got.iter().all(|(x, y)| x != &vec![3] && y != &vec![3]),
        "{got:?}"
    );
}

#[test]
fn a_main_actor_named_in_full_once_is_not_a_passing_mention() {
    // Mendes is named in full once on each side but is the subject of
    // the whole of B: her full-name sentences are not raised.
    let a = feats(&[
        "Union leader Carla Mendes warned that drivers could strike.",
        "Heavy rain flooded the underpass near the station.",
    ]);
    let b = feats(&[
        "Mendes spoke at the depot.",
        "Carla Mendes, whose warnings were ignored last year, spoke again.",
        "Mendes left without answering questions.",
    ]);
    assert!(priors(&a.sentences, &b.sentences, &AlignOptions::default())
        .iter()
        .all(|p| p.2 != Prior::Person));
}

#[test]
fn ledes_of_articles_that_share_nothing_else_are_not_raised() {
    let a = feats(&[
        "The city council rejected the mayor's transit plan on Tuesday, leaving the tram line without funding.",
        "Heavy rain flooded the underpass near the station.",
    ]);
    let b = feats(&[
        "A neighbouring town approved its budget plan for parks on Tuesday, with funding from the region.",
        "The local football club lost its third match in a row.",
    ]);
    // The ledes share enough words for the prior, but nothing else
    // in the two articles says they report one event.
    let lede = priors(&a.sentences, &b.sentences, &AlignOptions::default());
    assert_eq!(lede, vec![(0, 0, Prior::Lede)]);
    assert!(align(&a, &b, &AlignOptions::default()).is_empty());
}

#[test]
fn one_sentence_told_as_two_is_merged() {
    let a = feats(&[
        "The mayor opened the new library on Friday and promised longer opening hours for students during exams.",
        "Parking near the site remains a problem.",
    ]);
    let b = feats(&[
        "The mayor opened the new library on Friday.",
        "She promised longer opening hours for students during exams.",
        "Tickets for the concert sold out in an hour.",
    ]);
    let got = align(&a, &b, &AlignOptions::default());
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].a, vec![0]);
    assert_eq!(got[0].b, vec![0, 1]);
    assert_eq!(got[0].kind, AlignKind::Merged);
}

#[test]
fn results_do_not_depend_on_the_number_of_threads() {
    // Enough sentences to go through the inverted index rather than
    // scoring every pair.
    let topics = [
        "storm", "budget", "election", "strike", "flood", "trial", "bridge",
    ];
    let places = [
        "Leeds", "Porto", "Lyon", "Turin", "Ghent", "Bergen", "Malmo", "Graz",
    ];
    let mut a = Vec::new();
    let mut b = Vec::new();
    for (k, t) in topics.iter().cycle().take(240).enumerate() {
        let p = places[k % places.len()];
        a.push(format!(
            "The {t} in {p} was discussed by the council on day {k}."
        ));
        if k % 3 != 0 {
            b.push(format!("On day {k} the council in {p} discussed the {t}."));
        }
    }
    let ra: Vec<&str> = a.iter().map(String::as_str).collect();
    let rb: Vec<&str> = b.iter().map(String::as_str).collect();
    let (fa, fb) = (feats(&ra), feats(&rb));
    assert!(fa.len() * fb.len() > EXHAUSTIVE_PAIRS);
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool")
            .install(|| align(&fa, &fb, &AlignOptions::default()))
    };
    let one = run(1);
    assert!(one.len() > 120, "{}", one.len());
    assert_eq!(one, run(3));
    assert_eq!(one, run(8));
}

/// Sentences built from a small vocabulary, so that random documents
/// share words and alignments happen.
fn doc() -> impl Strategy<Value = Vec<String>> {
    let word = proptest::sample::select(crate::testing::NEWS_WORDS);
    proptest::collection::vec(
        proptest::collection::vec(word, 1..8).prop_map(|w| w.join(" ")),
        0..12,
    )
}

proptest! {
    #[test]
    fn every_sentence_is_in_one_place(a in doc(), b in doc(), t in 0.0f32..1.0) {
        let sa: Vec<&str> = a.iter().map(String::as_str).collect();
        let sb: Vec<&str> = b.iter().map(String::as_str).collect();
        let (fa, fb) = (feats(&sa), feats(&sb));
        let got = align(&fa, &fb, &AlignOptions::with_threshold(t));
        let mut seen_a = vec![0; sa.len()];
        let mut seen_b = vec![0; sb.len()];
        for g in &got {
            prop_assert!(!g.a.is_empty() && !g.b.is_empty());
            prop_assert!(g.a.len() == 1 || g.b.len() == 1);
            prop_assert!((0.0..=1.0).contains(&g.score));
            g.a.iter().for_each(|&i| seen_a[i] += 1);
            g.b.iter().for_each(|&j| seen_b[j] += 1);
        }
        prop_assert!(seen_a.iter().all(|&n| n <= 1));
        prop_assert!(seen_b.iter().all(|&n| n <= 1));
    }
}
