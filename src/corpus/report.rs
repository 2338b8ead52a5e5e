//! Writers for the pairs: JSONL (the contract) and a report for people.

use super::stream::{parse_articles, Item};
use super::{PairRecord, Relation};
use crate::align::AlignKind;
use crate::render::style::{block, clean, width, Rich, Style};
use crate::{Article, Document};
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

/// Writes pairs as JSON Lines, one object per pair (DESIGN.md).
///
/// The lines are made in parallel, a slice of pairs per task, each into
/// its own buffer, and written in order: one write a slice rather than a
/// dozen small writes a pair through `dyn Write`, and off the one thread
/// that runs between chunks (it was half of that thread's instructions at
/// 10k articles).
pub fn jsonl(pairs: &[PairRecord], out: &mut dyn Write) -> io::Result<()> {
    use rayon::prelude::*;
    /// Pairs a task writes: enough that a task's overhead is small.
    const PAIRS_A_TASK: usize = 256;
    let lines = pairs
        .par_chunks(PAIRS_A_TASK)
        .map(|slice| -> io::Result<Vec<u8>> {
            let mut buf = Vec::with_capacity(slice.len() * 320);
            for p in slice {
                serde_json::to_writer(&mut buf, p)?;
                buf.push(b'\n');
            }
            Ok(buf)
        })
        .collect::<io::Result<Vec<Vec<u8>>>>()?;
    for buf in &lines {
        out.write_all(buf)?;
    }
    Ok(())
}

/// What the terminal report shows of each article beside its id: kept
/// only for `--format terminal`, which is for a person reading a feed of a
/// size a person reads (the JSONL stream keeps nothing).
#[derive(Debug, Default)]
pub struct Catalog {
    articles: HashMap<String, Article>,
}

impl Catalog {
    /// Keeps the articles of a chunk (read again from the items, in
    /// parallel), before the chunk goes to the deduplicator.
    pub fn note(&mut self, items: &[Item]) {
        use rayon::prelude::*;
        let read: Vec<Article> = items
            .par_iter()
            .filter_map(|it| match it {
                Item::Line {
                    path,
                    stem,
                    line,
                    bytes,
                } => Some(Item::Line {
                    path: path.clone(),
                    stem: stem.clone(),
                    line: *line,
                    bytes: bytes.clone(),
                }),
                Item::Article(a) => Some(Item::Article(a.clone())),
                Item::Problem(_) | Item::Warning(_) => None,
            })
            .flat_map_iter(|it| parse_articles(it).into_iter().filter_map(Result::ok))
            .collect();
        for a in read {
            self.articles.entry(a.id.clone()).or_insert(a);
        }
    }

    fn get(&self, id: &str) -> Option<&Article> {
        self.articles.get(id)
    }
}

/// Pairs of a cluster shown with their evidence; the others get their
/// heading lines only, so a cluster of hundreds stays a page.
const PAIRS_WITH_EVIDENCE: usize = 6;

/// The score from which an edited pair is a sentence carried over, as
/// `compare` reads its facts in the same slots (`compare::closeness`).
const NEAR_COPY: f32 = 0.6;

/// Shared sentences and quotes quoted per pair.
const EVIDENCE_ITEMS: usize = 2;

/// `n thing` or `n things`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The date part (`YYYY-MM-DD`) of a record's `published` value.
fn day(published: &str) -> &str {
    let p = published.trim();
    p.get(..10)
        .filter(|d| d.as_bytes().get(4) == Some(&b'-'))
        .unwrap_or(p)
}

/// A text cut to at most `max` columns at a word boundary, `…` marking the
/// cut.
fn clip(text: &str, max: usize) -> String {
    let text = clean(text);
    if width(&text) <= max {
        return text;
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if width(&out) + width(word) + 2 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('\u{2026}');
    out
}

/// Writes the report for people: one block per cluster (its number from 1
/// in output order, strongest relation, size, sources, first title, date
/// range), then each pair with both articles' ids, sources and titles and
/// the evidence they share (sentences and quotes, found again by
/// [`crate::compare`]), all wrapped to `width` columns. Clusters are
/// grouped by their final name (`final_cluster`).
pub fn terminal(
    pairs: &[PairRecord],
    mut final_cluster: impl FnMut(&PairRecord) -> u32,
    catalog: &Catalog,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    if pairs.is_empty() {
        return writeln!(out, "no related articles found");
    }
    let w = width.max(crate::render::terminal::MIN_WIDTH);
    let mut groups: BTreeMap<u32, Vec<&PairRecord>> = BTreeMap::new();
    for p in pairs {
        groups.entry(final_cluster(p)).or_default().push(p);
    }
    let mut docs: HashMap<&str, Document> = HashMap::new();
    let mut s = String::new();
    for (n, ps) in groups.values().enumerate() {
        cluster_block(n + 1, ps, catalog, &mut docs, w, &mut s);
        out.write_all(s.as_bytes())?;
        s.clear();
    }
    let rel = |r: Relation| pairs.iter().filter(|p| p.relation == r).count();
    let mut r = Rich::new();
    r.push(
        &format!(
            "{}, {}: {} duplicate, {} derived, {} same-story",
            count(groups.len(), "cluster", "clusters"),
            count(pairs.len(), "pair", "pairs"),
            rel(Relation::Duplicate),
            rel(Relation::Derived),
            rel(Relation::SameStory)
        ),
        Style::PLAIN.bolded(),
    );
    block(&r, 0, 2, w, None, &mut s);
    out.write_all(s.as_bytes())
}

fn strength(r: Relation) -> u8 {
    match r {
        Relation::Duplicate => 2,
        Relation::Derived => 1,
        Relation::SameStory => 0,
    }
}

fn cluster_block<'c>(
    number: usize,
    ps: &[&'c PairRecord],
    catalog: &'c Catalog,
    docs: &mut HashMap<&'c str, Document>,
    w: usize,
    s: &mut String,
) {
    // Members in the order they first appear (the first is the earliest).
    let mut members: Vec<&str> = Vec::new();
    for p in ps {
        for id in [&*p.a, &*p.b] {
            if !members.contains(&id) {
                members.push(id);
            }
        }
    }
    let mut sources: Vec<&str> = ps
        .iter()
        .flat_map(|p| p.sources.iter().flatten().map(String::as_str))
        .collect();
    sources.sort_unstable();
    sources.dedup();
    let relation = ps
        .iter()
        .map(|p| p.relation)
        .max_by_key(|&r| strength(r))
        .unwrap_or(Relation::SameStory);
    let mut head = Rich::new();
    head.push(&format!("Cluster {number}"), Style::HEADING);
    head.push(
        &format!(
            " \u{b7} {} \u{b7} {}",
            relation.name(),
            count(members.len(), "article", "articles")
        ),
        Style::PLAIN.bolded(),
    );
    if !sources.is_empty() {
        head.push(
            &format!(" \u{b7} {}: ", count(sources.len(), "source", "sources")),
            Style::PLAIN,
        );
        head.push_article(&sources.join(", "), Style::PLAIN);
    }
    block(&head, 0, 2, w, None, s);
    let first = members.first().and_then(|id| catalog.get(id));
    if let Some(a) = first {
        let mut t = Rich::new();
        t.push("\u{201c}", Style::PLAIN);
        t.push_article(&a.title, Style::PLAIN.bolded());
        t.push("\u{201d}", Style::PLAIN);
        block(&t, 2, 3, w, None, s);
    }
    let mut days: Vec<&str> = members
        .iter()
        .filter_map(|id| catalog.get(id)?.published.as_deref())
        .map(day)
        .filter(|d| !d.is_empty())
        .collect();
    days.sort_unstable();
    if let (Some(lo), Some(hi)) = (days.first(), days.last()) {
        let mut d = Rich::new();
        let range = if lo == hi {
            (*lo).to_string()
        } else {
            format!("{lo} \u{2013} {hi}")
        };
        d.push_article(&range, Style::META);
        block(&d, 2, 4, w, None, s);
    }
    for (k, p) in ps.iter().enumerate() {
        pair_block(k < PAIRS_WITH_EVIDENCE, p, catalog, docs, w, s);
    }
    s.push('\n');
}

fn pair_block<'c>(
    evidence: bool,
    p: &'c PairRecord,
    catalog: &'c Catalog,
    docs: &mut HashMap<&'c str, Document>,
    w: usize,
    s: &mut String,
) {
    // The evidence is found again by `compare`, which reads quotations
    // more finely than dedup's hashes (nested and short ones too): where it
    // is shown, the counts are of what is shown, so the line never says
    // "0 quotes" above a shared quote.
    let found = evidence.then(|| found_again(p, catalog, docs)).flatten();
    let (sentences, quotes) = match &found {
        Some(f) => (f.sentences.len(), f.quotes.len()),
        None => (p.shared_sentences as usize, p.shared_quotes as usize),
    };
    let mut head = Rich::new();
    head.push(&format!("- {}", p.relation.name()), Style::PLAIN.bolded());
    head.push(
        &format!(
            " {:.2} \u{b7} covers {:.0}% / {:.0}% \u{b7} {} \u{b7} {} shared",
            p.score,
            p.a_covered * 100.0,
            p.b_covered * 100.0,
            count(sentences, "sentence", "sentences"),
            count(quotes, "quote", "quotes"),
        ),
        Style::PLAIN,
    );
    block(&head, 2, 6, w, None, s);
    for (letter, id, source) in [("A", &p.a, &p.sources[0]), ("B", &p.b, &p.sources[1])] {
        let mut r = Rich::new();
        r.push(letter, Style::PLAIN.bolded());
        r.push(" ", Style::PLAIN);
        // An id is what the next command takes: never cut, on its own
        // line when it does not fit beside the rest.
        r.push_article(
            &crate::render::parts::fit_token(id, w - 6, false),
            Style::META,
        );
        if let Some(src) = source {
            r.push(" \u{b7} ", Style::PLAIN);
            r.push_article(src, Style::PLAIN.bolded());
        }
        if let Some(a) = catalog.get(id) {
            r.push(" \u{b7} ", Style::PLAIN);
            r.push_article(&a.title, Style::PLAIN);
        }
        block(&r, 4, 6, w, None, s);
    }
    let Some(found) = found else {
        return;
    };
    let room = (w - 8) * 2;
    for (same, text) in found.sentences.iter().take(EVIDENCE_ITEMS) {
        let mut r = Rich::new();
        r.push(if *same { "= " } else { "~ " }, Style::PLAIN.bolded());
        r.push(&clip(text, room), Style::PLAIN);
        block(&r, 6, 8, w, None, s);
    }
    more(found.sentences.len(), "sentence", "sentences", w, s);
    for (q, who) in found.quotes.iter().take(EVIDENCE_ITEMS) {
        let mut r = Rich::new();
        r.push("\u{201c}", Style::PLAIN);
        r.push(&clip(q, room), Style::PLAIN);
        r.push("\u{201d}", Style::PLAIN);
        if let Some(who) = who {
            r.push(" \u{2014} ", Style::PLAIN);
            r.push_article(who, Style::PLAIN);
        }
        block(&r, 6, 7, w, None, s);
    }
    more(found.quotes.len(), "quote", "quotes", w, s);
}

/// `and 3 more sentences` under the evidence when only some of it is
/// quoted, so the count in the pair's line can be checked against it.
fn more(found: usize, one: &str, many: &str, w: usize, s: &mut String) {
    if found > EVIDENCE_ITEMS {
        let mut r = Rich::new();
        let n = found - EVIDENCE_ITEMS;
        r.push(
            &format!("and {n} more {}", if n == 1 { one } else { many }),
            Style::META,
        );
        block(&r, 6, 8, w, None, s);
    }
}

/// What a pair shares as a reader sees it: A's sentences carried over
/// (`true` when unchanged) and the quotes both carry verbatim, with A's
/// speaker.
struct FoundAgain {
    sentences: Vec<(bool, String)>,
    quotes: Vec<(String, Option<String>)>,
}

/// The pair compared again, both articles analysed once per report.
fn found_again<'c>(
    p: &'c PairRecord,
    catalog: &'c Catalog,
    docs: &mut HashMap<&'c str, Document>,
) -> Option<FoundAgain> {
    let (a, b) = (catalog.get(&p.a)?, catalog.get(&p.b)?);
    for (id, art) in [(&*p.a, a), (&*p.b, b)] {
        docs.entry(id)
            .or_insert_with(|| Document::analyze(art.clone()));
    }
    let (da, db) = (docs.get(&*p.a)?, docs.get(&*p.b)?);
    let c = crate::compare(da, db, &Default::default());
    let sentences = c
        .alignments
        .iter()
        // Near copies only (the sentences a reader sees carried over), not
        // two sentences about one fact.
        .filter(|al| {
            matches!(al.kind, AlignKind::Same | AlignKind::Edited) && al.score >= NEAR_COPY
        })
        .map(|al| {
            let text: Vec<&str> = al.a.iter().map(|&i| da.sentence_text(i)).collect();
            (al.kind == AlignKind::Same, text.join(" "))
        })
        .collect();
    let quotes = c
        .quote_matches
        .iter()
        .filter(|m| m.kind == crate::quotes::MatchKind::Verbatim)
        .filter_map(|m| {
            let q = crate::render::style::quote(da, m.a)?;
            let who = crate::render::parts::speaker(da, m.a).map(str::to_string);
            Some((q.to_string(), who))
        })
        .collect();
    Some(FoundAgain { sentences, quotes })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, source: &str, title: &str, published: &str, body: &str) -> Article {
        let mut a = crate::article::article_from_text(
            &format!("feed.jsonl#{id}"),
            &format!("{title}\n\n{body}\n"),
        )
        .expect("an article");
        a.id = id.into();
        a.source = Some(source.into());
        a.published = Some(published.into());
        a
    }

    fn record(a: &str, b: &str, relation: Relation, sources: [&str; 2]) -> PairRecord {
        PairRecord {
            a: a.into(),
            b: b.into(),
            relation,
            score: 0.91,
            a_covered: 0.8,
            b_covered: 0.75,
            shared_sentences: 1,
            shared_quotes: 1,
            cluster: 0,
            event: None,
            sources: sources.map(|s| Some(s.to_string())),
        }
    }

    #[test]
    fn the_report_names_clusters_from_one_and_fits_80_columns() {
        let body = "The harbour authority closed the northern port on Tuesday after a crane collapsed onto two cargo ships. \
                    \u{201c}Nobody was hurt, and we will reopen as soon as the berth is safe,\u{201d} said port director Mara Lind.";
        let long_id = "reuters-2031-05-17-harbour-crane-collapse-northern-port-closure-update-7";
        let mut catalog = Catalog::default();
        for a in [
            article(
                "afp-1",
                "AFP",
                "Crane collapse shuts northern port",
                "2031-05-17T09:00:00Z",
                body,
            ),
            article(
                long_id,
                "Reuters",
                "Northern port closed after crane falls on ships",
                "2031-05-18",
                body,
            ),
            article("ap-3", "AP", "Port shut", "2031-05-17", body),
        ] {
            catalog.articles.insert(a.id.clone(), a);
        }
        let pairs = vec![
            record("afp-1", long_id, Relation::Duplicate, ["AFP", "Reuters"]),
            record("afp-1", "ap-3", Relation::Derived, ["AFP", "AP"]),
        ];
        let mut out = Vec::new();
        terminal(&pairs, |_| 7, &catalog, 80, &mut out).expect("writing to memory");
        let text = String::from_utf8(out).expect("utf-8");
        for line in text.lines() {
            assert!(width(line) <= 80, "{line:?}\n{text}");
        }
        assert!(
            text.starts_with(
                "Cluster 1 \u{b7} duplicate \u{b7} 3 articles \u{b7} 3 sources: AFP, AP, Reuters"
            ),
            "{text}"
        );
        assert!(!text.contains("Cluster 0") && !text.contains("Cluster 7"));
        assert!(text.contains("Crane collapse shuts northern port"));
        assert!(text.contains("Northern port closed after crane falls on ships"));
        assert!(text.contains("2031-05-17 \u{2013} 2031-05-18"), "{text}");
        assert!(text.contains(long_id), "the id stays whole: {text}");
        assert!(
            text.contains("said port director") || text.contains("harbour authority closed"),
            "{text}"
        );
        assert!(text.contains("Nobody was hurt"), "{text}");
        // The counts are of the evidence shown beneath them.
        assert!(text.contains("2 sentences \u{b7} 1 quote shared"), "{text}");
        assert!(
            text.trim_end()
                .ends_with("1 cluster, 2 pairs: 1 duplicate, 1 derived, 0 same-story"),
            "{text}"
        );
    }
}
