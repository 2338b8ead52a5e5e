//! Discrepancy flags between two composed reports: each kind flagged, and
//! what is not a discrepancy (a rounding, a unit, a spelling, a paraphrase,
//! a fact only one side states) left alone. Library level: the flags are
//! read from `Comparison::discrepancies`, as the renderers read them.
use wirediff::article::article_from_text;
use wirediff::{compare, CompareOptions, Document};

fn doc(body: &str) -> Document {
    let mut a = article_from_text("t.txt", &format!("Title\n\n{body}\n")).unwrap();
    a.published = Some("2011-12-08".into());
    Document::analyze(a)
}

/// Kind, what, and each side's value, for every flag.
fn flags(a: &str, b: &str) -> Vec<(String, String, String, String)> {
    let (da, db) = (doc(a), doc(b));
    let c = compare(&da, &db, &CompareOptions::default());
    assert_eq!(c.summary.discrepancies, c.discrepancies.len());
    c.discrepancies
        .iter()
        .map(|d| {
            let text = |k: usize, t: &str| {
                let s = &d.claims[k].stated;
                // The span covers at least the value (a speaker's span is
                // the quote given to them).
                let words = &t[s.span.start..s.span.end];
                assert!(
                    d.kind == wirediff::discrepancy::FactKind::Speaker || words.contains(&s.value),
                    "{words:?} / {:?}",
                    s.value
                );
                s.value.clone()
            };
            (
                serde_json::to_value(d.kind)
                    .unwrap()
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
                d.what.clone(),
                text(0, &da.article.text),
                text(1, &db.article.text),
            )
        })
        .collect()
}

fn one(a: &str, b: &str) -> (String, String, String, String) {
    let f = flags(a, b);
    assert_eq!(f.len(), 1, "{f:?}");
    f.into_iter().next().unwrap()
}

const TAIL: &str =
    "Rescue crews worked through the night at the harbour wall, the port office said.";

fn with_tail(s: &str) -> String {
    format!("{s} {TAIL}")
}

#[test]
fn a_count_of_the_dead_differs_in_digits_and_words() {
    let f = one(
        &with_tail("12 people were killed when the ferry capsized off Varna harbour."),
        &with_tail("The ferry capsized off Varna harbour, leaving fifteen dead."),
    );
    assert_eq!(
        f,
        (
            "number".into(),
            "killed".into(),
            "12".into(),
            "fifteen".into()
        )
    );
}

#[test]
fn money_percentages_and_ages_differ() {
    let money = one(
        &with_tail("The council will spend $1.2 million on the new sea wall, the mayor said."),
        &with_tail("The council will spend $1.5 million on the new sea wall, the mayor said."),
    );
    assert_eq!((money.0.as_str(), money.1.as_str()), ("number", "money"));
    let pct = one(
        &with_tail("Ticket prices for the ferry will rise by 6 percent next spring."),
        &with_tail("Ticket prices for the ferry will rise by 9 percent next spring."),
    );
    assert_eq!(
        (pct.1.as_str(), pct.2.as_str(), pct.3.as_str()),
        ("percent", "6", "9")
    );
    let age = one(
        &with_tail("The captain, Oren Falk, 54, was questioned by the harbour police."),
        &with_tail("The captain, Oren Falk, 45, was questioned by the harbour police."),
    );
    assert_eq!(
        (age.1.as_str(), age.2.as_str(), age.3.as_str()),
        ("age of Falk", "54", "45")
    );
}

#[test]
fn a_date_differs_once_resolved_and_agrees_when_written_otherwise() {
    let f = one(
        &with_tail("The ferry left the harbour at Varna on Tuesday with 40 passengers aboard."),
        &with_tail("The ferry left the harbour at Varna on Wednesday with 40 passengers aboard."),
    );
    assert_eq!(f.0, "date");
    // Tuesday before Thursday 2011-12-08 is Dec. 6: the same day.
    assert!(flags(
        &with_tail("The ferry left the harbour at Varna on Tuesday with 40 passengers aboard."),
        &with_tail("The ferry left the harbour at Varna on Dec. 6 with 40 passengers aboard."),
    )
    .is_empty());
}

#[test]
fn a_clock_time_differs_unless_one_side_hedges() {
    let f = one(
        &with_tail("The ferry sent its last radio call at 10:45 p.m. from the outer channel."),
        &with_tail("The ferry sent its last radio call at 11:20 p.m. from the outer channel."),
    );
    assert_eq!(
        (f.0.as_str(), f.2.as_str(), f.3.as_str()),
        ("time", "10:45 p.m.", "11:20 p.m.")
    );
    assert!(flags(
        &with_tail("The ferry sent its last radio call at 10:45 p.m. from the outer channel."),
        &with_tail("The ferry sent its last radio call about 11 p.m. from the outer channel."),
    )
    .is_empty());
}

#[test]
fn another_person_a_respelled_name_and_another_title_differ() {
    let other = one(
        &with_tail("The search was led by harbour master Ivo Renner, the port office said."),
        &with_tail("The search was led by harbour master Anna Sokol, the port office said."),
    );
    assert_eq!(
        (other.0.as_str(), other.2.as_str(), other.3.as_str()),
        ("name", "Ivo Renner", "Anna Sokol")
    );
    let spelled = one(
        &with_tail("Rescuers pulled Tereza Halloran from the water after two hours."),
        &with_tail("Rescuers pulled Teresa Halloran from the water after two hours."),
    );
    assert_eq!(spelled.0, "name");
    let title = one(
        &with_tail("Deputy Minister Pavel Orlik flew to Varna to meet the families."),
        &with_tail("Minister Pavel Orlik flew to Varna to meet the families."),
    );
    assert_eq!((title.0.as_str(), title.1.as_str()), ("title", "Orlik"));
}

#[test]
fn a_place_differs() {
    let f = one(
        &with_tail("Survivors were taken to a clinic in Dunmore before dawn, officials said."),
        &with_tail("Survivors were taken to a clinic in Eastbrook before dawn, officials said."),
    );
    assert_eq!(
        (f.0.as_str(), f.2.as_str(), f.3.as_str()),
        ("place", "Dunmore", "Eastbrook")
    );
}

#[test]
fn a_shared_quote_given_to_two_named_people_differs() {
    let f = one(
        &with_tail("\u{201c}We will raise the ferry and find out what went wrong,\u{201d} Mayor Ivo Renner said."),
        &with_tail("\u{201c}We will raise the ferry and find out what went wrong,\u{201d} Governor Lena Marsh said."),
    );
    assert_eq!(
        (f.0.as_str(), f.2.as_str(), f.3.as_str()),
        ("speaker", "Ivo Renner", "Lena Marsh")
    );
}

#[test]
fn roundings_units_spellings_paraphrases_and_one_sided_facts_are_not_flagged() {
    let same = [
        // A rounding, and a scale word for digits.
        (
            "The storm caused 1.2 million dollars of damage to the harbour, insurers said.",
            "The storm caused 1,234,000 dollars of damage to the harbour, insurers said.",
        ),
        (
            "The port handled 1.2 million tonnes of grain last year, the port office said.",
            "The port handled 1,200,000 tonnes of grain last year, the port office said.",
        ),
        // A spelling variant of a word.
        (
            "The defence ministry sent 40 divers to the harbour on Tuesday.",
            "The defense ministry sent 40 divers to the harbour on Tuesday.",
        ),
        // A paraphrase with the same facts, words for digits.
        (
            "Two crew members died when the ferry sank off Varna on Tuesday.",
            "The ferry sank off Varna on Tuesday, killing 2 crew members.",
        ),
        // A fact only one side states.
        (
            "The ferry sank off Varna on Tuesday, and 12 people were killed.",
            "The ferry sank off Varna on Tuesday, and people were killed.",
        ),
        // A hedged count beside an exact one.
        (
            "About 40 passengers were rescued from the ferry off Varna.",
            "Forty-two passengers were rescued from the ferry off Varna.",
        ),
    ];
    for (a, b) in same {
        assert_eq!(flags(&with_tail(a), &with_tail(b)), Vec::new(), "{a} / {b}");
    }
}

#[test]
fn the_json_lists_each_discrepancy_with_spans_into_each_text_and_the_seeds_have_none() {
    let dir = std::env::temp_dir().join(format!("wirediff-disc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, body: &str| {
        let p = dir.join(name);
        std::fs::write(&p, format!("Ferry sinks\n\n{}\n", with_tail(body))).unwrap();
        p.to_string_lossy().into_owned()
    };
    let a = write(
        "a.txt",
        "12 people were killed when the ferry capsized off Varna harbour.",
    );
    let b = write(
        "b.txt",
        "15 people were killed when the ferry capsized off Varna harbour.",
    );
    let v = crate::util::json_of(&["compare", &a, &b, "--format", "json"]);
    let list = v["discrepancies"].as_array().expect("a discrepancies list");
    assert_eq!(list.len(), 1);
    assert_eq!(v["summary"]["discrepancies"], 1);
    let d = &list[0];
    assert_eq!(
        (d["kind"].as_str(), d["what"].as_str()),
        (Some("number"), Some("killed"))
    );
    for (k, want) in [(0, "12"), (1, "15")] {
        let c = &d["claims"][k];
        assert_eq!(c["article"], k);
        assert_eq!(c["value"], want);
        let text = v["articles"][k]["text"].as_str().unwrap();
        let (s, e) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], c["text"].as_str().unwrap());
        assert!(text[s..e].starts_with(want));
    }
    let seeds = crate::util::json_of(&[
        "compare",
        &crate::util::seed("afp"),
        &crate::util::seed("reuters"),
        "--format",
        "json",
    ]);
    assert_eq!(seeds["discrepancies"].as_array().map(Vec::len), Some(0));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_tolls_two_leads_give_differ_even_when_their_sentences_do_not_align() {
    let a =
        "A gunman killed four people at a wedding hall in Dunmore late on Saturday, police said. \
             The hall had been booked for two hundred guests. Officers closed the road until dawn.";
    let b = "Police are still looking for the man who opened fire at a crowded celebration. \
             Five people died at the scene, a spokesman said. The road stayed closed until dawn.";
    let f = flags(a, b);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (
            f[0].0.as_str(),
            f[0].1.as_str(),
            f[0].2.as_str(),
            f[0].3.as_str()
        ),
        ("number", "killed", "four", "Five")
    );
    // A lead giving two tolls (an update) is not compared.
    let updated = "A gunman killed four people at a wedding hall in Dunmore late on Saturday. \
                   Five people died by morning, when a guest died in hospital. Officers closed the road until dawn.";
    assert!(flags(updated, b).is_empty());
}
