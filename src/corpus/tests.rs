use super::*;
use crate::article::article_from_text;

fn item(id: &str, body: &str) -> Item {
    let mut a = article_from_text(&format!("{id}.txt"), &format!("T\n\n{body}")).unwrap();
    a.id = id.into();
    Item::Article(Box::new(a))
}

const STORY: &str = "Storms flooded the northern valley overnight, cutting power to thousands.\nRescue teams reached the last cut-off village by noon on Tuesday.\n\nThe regional governor asked the army for boats and helicopters.\nSchools across the province will stay closed until Friday at least.\n\nFarmers fear that most of this year's harvest has been lost.\nInsurers said it was too early to put a figure on the damage.";

#[test]
fn duplicate_ids_are_reported_and_skipped() {
    let mut d = Deduper::new(DedupOptions::default());
    let b = d.push(vec![item("x", STORY), item("x", STORY)]);
    assert_eq!(b.articles, 1);
    assert_eq!(b.problems.len(), 1);
    assert!(b.problems[0].to_string().contains("duplicate id `x`"));
}

#[test]
fn identical_articles_form_one_cluster_in_linear_output() {
    let n = 200;
    let items: Vec<Item> = (0..n).map(|i| item(&format!("c{i}"), STORY)).collect();
    let mut d = Deduper::new(DedupOptions::default());
    let b = d.push(items);
    let within = TWIN_EXPAND * (TWIN_EXPAND - 1) / 2;
    assert_eq!(b.pairs.len(), within + (n - TWIN_EXPAND));
    assert!(b
        .pairs
        .iter()
        .all(|p| p.relation == Relation::Duplicate && p.cluster == 0));
}

fn titled(id: &str, title: &str, body: &str) -> Item {
    let mut a = article_from_text(&format!("{id}.txt"), &format!("{title}\n\n{body}")).unwrap();
    a.id = id.into();
    Item::Article(Box::new(a))
}

#[test]
fn reports_sharing_a_headline_subject_but_one_name_are_the_same_story() {
    // Two reports of one rescue in different words: their stories share
    // one rare name (Grenmouth), too few for the salient-term route, but
    // their headlines share the event's subject.
    let first = titled(
        "first",
        "Lighthouse keeper pulls kayakers from freezing sea",
        "A lighthouse keeper pulled three kayakers from the freezing sea after their boats capsized near Grenmouth on Saturday.\n\nThe keeper saw the overturned kayaks from his tower and rowed out alone in a small dinghy.\n\nAll three kayakers were treated for cold at a hospital and were later allowed home.",
    );
    let second = titled(
        "second",
        "Kayakers rescued by lighthouse keeper",
        "All three kayakers were rescued by a lighthouse keeper after their kayaks overturned off the coast near Grenmouth.\n\nHe spotted them from the tower and rowed out in a dinghy to reach them in the cold water.\n\nThey were taken to a hospital and treated for cold before they went home.",
    );
    let fillers = [
        "The council voted on the new budget at a meeting that ran late into the night.\n\nThe mayor said the plan was fair and that taxes would not rise this year.",
        "The museum reopened its doors after a long renovation that took two years.\n\nVisitors were queuing in the rain from early in the morning to see the new halls.",
        "The train drivers will strike for two days from next week over pay.\n\nThe rail operator said it was sorry and that talks would go on in the coming days.",
        "The city marathon drew more runners than ever before in its long history.\n\nThe winner crossed the line in record time and thanked the crowd for their support.",
    ];
    let mut items: Vec<Item> = fillers
        .iter()
        .enumerate()
        .map(|(i, b)| titled(&format!("f{i}"), "Local news today", b))
        .collect();
    items.push(first);
    items.push(second);
    let mut d = Deduper::new(DedupOptions::default());
    let pairs = d.push(items).pairs;
    let found: Vec<(&str, &str, Relation)> = pairs
        .iter()
        .map(|p| (p.a.as_str(), p.b.as_str(), p.relation))
        .collect();
    assert!(
        found.contains(&("first", "second", Relation::SameStory)),
        "{found:?}"
    );
    // The fillers share a headline too, but its words are common here.
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn chunking_does_not_change_output() {
    let bodies = [
        STORY.to_string(),
        STORY.replace("Tuesday", "Wednesday"),
        STORY.replace("helicopters", "trucks"),
    ];
    let make = || -> Vec<Item> {
        bodies
            .iter()
            .enumerate()
            .map(|(i, b)| item(&format!("a{i}"), b))
            .collect()
    };
    let mut one = Deduper::new(DedupOptions::default());
    let all = one.push(make()).pairs;
    let mut many = Deduper::new(DedupOptions::default());
    let mut got = Vec::new();
    for it in make() {
        got.extend(many.push(vec![it]).pairs);
    }
    assert_eq!(all, got);
    assert_eq!(all.len(), 3);
}

/// A small corpus of related and unrelated articles.
fn corpus() -> Vec<(String, String)> {
    let other = "A new stadium opened in the capital on Sunday afternoon.\nFans queued for hours to get inside the ground.\n\nThe club thanked the city for its patience during building work.\nTickets for the first match sold out within an hour.";
    let half = format!(
        "{}\n\n{}",
        STORY.split("\n\n").take(2).collect::<Vec<_>>().join("\n\n"),
        other
    );
    let bodies = [
        STORY.to_string(),
        other.to_string(),
        STORY.replace("Tuesday", "Wednesday"),
        half,
        STORY.to_string(),
        other.replace("Sunday", "Saturday"),
    ];
    bodies
        .iter()
        .enumerate()
        .map(|(i, b)| (format!("d{i}"), b.clone()))
        .collect()
}

fn run(docs: &[(String, String)], cuts: &[usize]) -> Vec<PairRecord> {
    let mut d = Deduper::new(DedupOptions::default());
    let mut out = Vec::new();
    let mut start = 0;
    for &c in cuts.iter().chain(std::iter::once(&docs.len())) {
        let end = c.clamp(start, docs.len());
        let chunk = docs[start..end].iter().map(|(id, b)| item(id, b)).collect();
        out.extend(d.push(chunk).pairs);
        start = end;
    }
    out
}

proptest::proptest! {
    #[test]
    fn copies_ignore_chunking_and_threads(
        mut cuts in proptest::collection::vec(0usize..7, 0..4),
        threads in 1usize..4,
    ) {
        cuts.sort_unstable();
        let docs = corpus();
        let whole = run(&docs, &[]);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let cut = pool.install(|| run(&docs, &cuts));
        // Same-story uses word rarity as of the chunk's end (module
        // docs); copies and rewrites must not depend on chunking at all.
        let copies = |v: &[PairRecord]| -> Vec<PairRecord> {
            v.iter().filter(|p| p.relation != Relation::SameStory).cloned().collect()
        };
        proptest::prop_assert_eq!(copies(&whole), copies(&cut));
        proptest::prop_assert!(whole.iter().any(|p| p.relation == Relation::Duplicate));
        proptest::prop_assert!(whole.iter().any(|p| p.relation == Relation::Derived));
    }
}
