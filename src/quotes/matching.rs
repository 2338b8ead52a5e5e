//! Cross-source quote matching: which quote of article B reports the same
//! words as a quote of article A, and how the two reports differ.
//!
//! Quotes are compared as word sequences after case, punctuation, quotation
//! marks, ellipses and British/American spelling are set aside. Two quotes
//! match when their longest common subsequence covers most of the shorter one
//! and holds a stretch of consecutive shared words: sharing a phrase such as
//! "we still have some time" is not enough when the rest differs. Matching is
//! one-to-one, best pair first.

use super::{Change, MatchKind, Quote, QuoteKind, QuoteMatch};
use crate::diff::word_diff;
use crate::similarity::count_common;
use crate::Document;
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// Shortest common subsequence, in words, for two quotations to match: three
/// shared words are too often a stock phrase ("we will see"). Set on the
/// seeds, where the shortest true match ("We do not agree yet") has five.
const MIN_SHARED_WORDS: usize = 4;

/// Share of the shorter quote's words that the common subsequence must cover.
/// On the seeds true matches cover 0.84 to 1.0 of the shorter quote and the
/// pair that merely shares "we still have some time" covers 0.42; 0.6 sits
/// between them with room for rewording.
const MIN_COVERAGE: f32 = 0.6;

/// Consecutive shared words a match needs (or the whole shorter quote): a
/// quote reported by two wires keeps at least a short stretch intact. The
/// reworded seed pair keeps runs of 11 and 8; scattered common words do not.
const MIN_RUN: usize = 3;

/// A gap of this many words on one side only, inside the shared part, is a
/// splice (one side joins stretches the other has apart) rather than a
/// rewording. The rewordings on the seeds drop or change one or two words
/// (`that`, `and`, `agreed`); a clause or more is a join.
const SPLICE_GAP: usize = 5;

/// Largest word-by-word table (cells) the exact common subsequence may fill:
/// two 2,000-word quotes. Longer pairs (a quote whose closing mark was lost
/// over a long paragraph) get the greedy answer instead of quadratic time and
/// memory.
const LCS_BUDGET: usize = 4_000_000;

/// A quote's words as numbers shared by both articles (case, marks and
/// spelling variants folded), so pairs compare without hashing.
struct Words {
    ids: Vec<u32>,
    /// `ids` sorted, for counting shared words by merging.
    sorted: Vec<u32>,
}

/// What a matched pair's tags need beyond the words: read only for matches.
struct Detail {
    /// Lower case, curly apostrophes made straight.
    raw: Vec<String>,
    /// The punctuation right after each word (`,` `.` or empty).
    punct: Vec<String>,
    ellipses: usize,
}

/// Word numbers of a quote, with `vocabulary` shared across both articles.
fn ids_of(text: &str, vocabulary: &mut FxHashMap<String, u32>) -> Words {
    let mut ids = Vec::new();
    let mut buf = String::with_capacity(24);
    let mut flush = |buf: &mut String, ids: &mut Vec<u32>| {
        if buf.is_empty() {
            return;
        }
        let canon = spelling(buf);
        let id = match vocabulary.get(canon.as_ref()) {
            Some(&id) => id,
            None => {
                let id = u32::try_from(vocabulary.len()).unwrap_or(u32::MAX);
                vocabulary.insert(canon.into_owned(), id);
                id
            }
        };
        ids.push(id);
        buf.clear();
    };
    let mut it = text.chars().peekable();
    while let Some(c) = it.next() {
        let c = if c == '\u{2019}' || c == '\u{2018}' {
            '\''
        } else {
            c
        };
        let inner = matches!(c, '\'' | '-')
            && !buf.is_empty()
            && it.peek().is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            if c.is_ascii() {
                buf.push(c.to_ascii_lowercase());
            } else {
                buf.extend(c.to_lowercase());
            }
        } else {
            flush(&mut buf, &mut ids);
        }
    }
    flush(&mut buf, &mut ids);
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    Words { ids, sorted }
}

fn detail_of(text: &str) -> Detail {
    let mut raw = Vec::new();
    let mut punct: Vec<String> = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let c = if c == '\u{2019}' || c == '\u{2018}' {
            '\''
        } else {
            c
        };
        let inner = matches!(c, '\'' | '-')
            && !cur.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            if cur.capacity() == 0 {
                // Most words fit: one allocation a word, not one a letter.
                cur.reserve(16);
            }
            if c.is_ascii() {
                cur.push(c.to_ascii_lowercase());
            } else {
                cur.extend(c.to_lowercase());
            }
        } else {
            if !cur.is_empty() {
                raw.push(std::mem::take(&mut cur));
                punct.push(String::new());
            }
            if matches!(
                c,
                ',' | '.' | ';' | ':' | '!' | '?' | '\u{2014}' | '\u{2013}'
            ) {
                if let Some(p) = punct.last_mut() {
                    p.push(c);
                }
            }
        }
    }
    if !cur.is_empty() {
        raw.push(cur);
        punct.push(String::new());
    }
    let ellipses = text.matches('\u{2026}').count()
        + text.matches("...").count()
        + text.matches(". . .").count();
    Detail {
        raw,
        punct,
        ellipses,
    }
}

/// Folds British spellings onto American ones. Applied to both sides alike,
/// so a rule that also rewrites a word with no variant does no harm; the
/// rules only must not merge two different words.
fn spelling(w: &str) -> Cow<'_, str> {
    const WORDS: &[(&str, &str)] = &[
        ("defence", "defense"),
        ("offence", "offense"),
        ("licence", "license"),
        ("pretence", "pretense"),
        ("programme", "program"),
        ("programmes", "programs"),
        ("judgement", "judgment"),
        ("ageing", "aging"),
        ("grey", "gray"),
        ("travelled", "traveled"),
        ("travelling", "traveling"),
        ("cancelled", "canceled"),
        ("cancelling", "canceling"),
        ("labelled", "labeled"),
        ("modelling", "modeling"),
        ("counselling", "counseling"),
        ("fuelled", "fueled"),
        ("sceptical", "skeptical"),
        ("sceptic", "skeptic"),
        ("manoeuvre", "maneuver"),
        ("aluminium", "aluminum"),
        ("cheque", "check"),
        ("tyre", "tire"),
        ("mum", "mom"),
        ("whilst", "while"),
        ("amongst", "among"),
        ("jewellery", "jewelry"),
    ];
    // Every British form here ends in one of these letters: most words
    // leave at once.
    if !matches!(
        w.as_bytes().last(),
        Some(b'e' | b'd' | b's' | b'g' | b'r' | b'y' | b'm' | b't' | b'n' | b'l' | b'c')
    ) {
        return Cow::Borrowed(w);
    }
    if let Some((_, us)) = WORDS.iter().find(|(uk, _)| *uk == w) {
        return Cow::Borrowed(*us);
    }
    // Only words with a British ending can change; most words return here.
    let candidate = [
        "ise", "ised", "ises", "ising", "isation", "isations", "yse", "ysed",
    ]
    .iter()
    .chain(["our", "ours", "oured", "ouring", "ourite", "ourable"].iter())
    .chain(["tre", "tres", "bre"].iter())
    .any(|e| w.ends_with(e));
    if !candidate {
        return Cow::Borrowed(w);
    }
    let mut s = w.to_string();
    // -isation/-ise/-ised/-ising/-yse: organise, analyse.
    for (uk, us) in [
        ("isation", "ization"),
        ("isations", "izations"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ising", "izing"),
        ("yse", "yze"),
        ("ysed", "yzed"),
    ] {
        if s.len() > uk.len() + 3 && s.ends_with(uk) {
            s.truncate(s.len() - uk.len());
            s.push_str(us);
            return Cow::Owned(s);
        }
    }
    // colour, labour, honoured: -our- after at least three letters.
    for (uk, us) in [
        ("our", "or"),
        ("ours", "ors"),
        ("oured", "ored"),
        ("ouring", "oring"),
        ("ourite", "orite"),
        ("ourable", "orable"),
    ] {
        if s.len() >= uk.len() + 3
            && s.ends_with(uk)
            && !s.ends_with("hour")
            && !s.ends_with("tour")
        {
            s.truncate(s.len() - uk.len());
            s.push_str(us);
            return Cow::Owned(s);
        }
    }
    // centre, theatre, fibre.
    for (uk, us) in [("tre", "ter"), ("tres", "ters"), ("bre", "ber")] {
        if s.len() > uk.len() + 2 && s.ends_with(uk) {
            s.truncate(s.len() - uk.len());
            s.push_str(us);
            return Cow::Owned(s);
        }
    }
    Cow::Borrowed(w)
}

/// The longest common subsequence of two word lists, as index pairs.
fn lcs(a: &[u32], b: &[u32]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let width = m + 1;
    let mut dp = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            dp[i * width + j] = if a[i] == b[j] {
                dp[(i + 1) * width + j + 1] + 1
            } else {
                dp[(i + 1) * width + j].max(dp[i * width + j + 1])
            };
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if dp[(i + 1) * width + j] >= dp[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The longest common subsequence within `LCS_BUDGET`, else a greedy one.
fn common(a: &[u32], b: &[u32]) -> Vec<(usize, usize)> {
    if a.len().saturating_mul(b.len()) > LCS_BUDGET {
        greedy_common(a, b)
    } else {
        lcs(a, b)
    }
}

/// A common subsequence found greedily, left to right: never longer than the
/// longest one, found in `n log m` instead of `n m`. Used past `LCS_BUDGET`.
fn greedy_common(a: &[u32], b: &[u32]) -> Vec<(usize, usize)> {
    let mut at: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (j, &w) in b.iter().enumerate() {
        at.entry(w).or_default().push(j);
    }
    let mut out = Vec::new();
    let mut next = 0;
    for (i, w) in a.iter().enumerate() {
        let Some(list) = at.get(w) else { continue };
        let k = list.partition_point(|&j| j < next);
        if let Some(&j) = list.get(k) {
            out.push((i, j));
            next = j + 1;
        }
    }
    out
}

/// Longest run of pairs that are consecutive on both sides.
fn longest_run(pairs: &[(usize, usize)]) -> usize {
    let mut best = 0;
    let mut run = 0;
    let mut prev: Option<(usize, usize)> = None;
    for &(i, j) in pairs {
        run = match prev {
            Some((pi, pj)) if pi + 1 == i && pj + 1 == j => run + 1,
            _ => 1,
        };
        best = best.max(run);
        prev = Some((i, j));
    }
    best
}

/// The quote pairs that can pass [`candidate`]: those sharing three words
/// in a row (the run a match needs), and for a quote of one or two words,
/// those holding its first word. The rest cannot match, and two long
/// documents with a thousand quotes each are not compared pair by pair.
fn pairs_to_check(wa: &[Words], wb: &[Words]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let short = |w: &Words| w.ids.len() < MIN_RUN;
    let mut trigrams: FxHashMap<[u32; 3], Vec<u32>> = FxHashMap::default();
    // Word -> the quotes of B holding it; first word -> B's short quotes.
    let mut holding: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    let mut short_b: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for (j, w) in wb.iter().enumerate() {
        let j = j as u32;
        let mut seen: Vec<[u32; 3]> = w.ids.windows(3).map(|t| [t[0], t[1], t[2]]).collect();
        seen.sort_unstable();
        seen.dedup();
        for t in seen {
            trigrams.entry(t).or_default().push(j);
        }
        let mut words = w.sorted.clone();
        words.dedup();
        for id in words {
            holding.entry(id).or_default().push(j);
        }
        if let (true, Some(&id)) = (short(w), w.ids.first()) {
            short_b.entry(id).or_default().push(j);
        }
    }
    for (i, w) in wa.iter().enumerate() {
        if short(w) {
            if let Some(list) = w.ids.first().and_then(|id| holding.get(id)) {
                out.extend(list.iter().map(|&j| (i, j as usize)));
            }
            continue;
        }
        for t in w.ids.windows(3) {
            if let Some(list) = trigrams.get(&[t[0], t[1], t[2]]) {
                out.extend(list.iter().map(|&j| (i, j as usize)));
            }
        }
        // Short quotes of B inside this one.
        let mut words = w.sorted.clone();
        words.dedup();
        for id in words {
            if let Some(list) = short_b.get(&id) {
                out.extend(list.iter().map(|&j| (i, j as usize)));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

struct Candidate {
    a: usize,
    b: usize,
    score: f32,
    pairs: Vec<(usize, usize)>,
}

/// Scores a pair of quotes; `None` when they do not report the same words.
fn candidate(qa: &Quote, wa: &Words, qb: &Quote, wb: &Words) -> Option<(f32, Vec<(usize, usize)>)> {
    let (la, lb) = (wa.ids.len(), wb.ids.len());
    if la == 0 || lb == 0 {
        return None;
    }
    if qa.kind == QuoteKind::Term || qb.kind == QuoteKind::Term {
        // Scare quotes match only the same words.
        if wa.ids != wb.ids {
            return None;
        }
        let pairs = (0..la).map(|i| (i, i)).collect();
        return Some((1.0, pairs));
    }
    let short = la.min(lb);
    let need = MIN_SHARED_WORDS.min(short).max(1);
    let bound = count_common(&wa.sorted, &wb.sorted);
    if bound < need || (bound as f32) < MIN_COVERAGE * short as f32 {
        return None;
    }
    let pairs = common(&wa.ids, &wb.ids);
    let m = pairs.len();
    let coverage = m as f32 / short as f32;
    if m < need || coverage < MIN_COVERAGE || longest_run(&pairs) < MIN_RUN.min(short) {
        return None;
    }
    let dice = 2.0 * m as f32 / (la + lb) as f32;
    Some(((coverage + dice) / 2.0, pairs))
}

/// How a variant differs, from the aligned words.
fn changes(
    (wa, da): (&Words, &Detail),
    (wb, db): (&Words, &Detail),
    pairs: &[(usize, usize)],
    a_others: (&[Words], usize),
    b_others: (&[Words], usize),
) -> Vec<Change> {
    let mut out = Vec::new();
    let (Some(&(i0, j0)), Some(&(i1, j1))) = (pairs.first(), pairs.last()) else {
        return out;
    };
    let a_edges: Vec<&[u32]> = vec![&wa.ids[..i0], &wa.ids[i1 + 1..]];
    let b_edges: Vec<&[u32]> = vec![&wb.ids[..j0], &wb.ids[j1 + 1..]];
    let a_extra = a_edges.iter().any(|e| !e.is_empty());
    let b_extra = b_edges.iter().any(|e| !e.is_empty());
    if a_extra {
        out.push(Change::Trimmed);
    }
    if b_extra {
        out.push(Change::Extended);
    }
    let mut spliced = false;
    let mut reworded = false;
    for w in pairs.windows(2) {
        let (gi, gj) = (w[1].0 - w[0].0 - 1, w[1].1 - w[0].1 - 1);
        if gi == 0 && gj == 0 {
            continue;
        }
        if (gi == 0 && gj >= SPLICE_GAP) || (gj == 0 && gi >= SPLICE_GAP) {
            spliced = true;
        } else {
            reworded = true;
        }
    }
    // An extra stretch that is another quote of the other article: joined.
    // Whether an edge is mostly another quote of the other side. The shared
    // bag of words bounds the common subsequence from above, so most quotes
    // are ruled out without the word-by-word table.
    let joins = |edges: &[&[u32]], (others, own): (&[Words], usize)| {
        edges.iter().any(|e| {
            if e.len() < MIN_SHARED_WORDS {
                return false;
            }
            let mut bag = e.to_vec();
            bag.sort_unstable();
            let enough = |shared: usize, o: &Words| {
                shared as f32 >= MIN_COVERAGE * e.len().min(o.ids.len()) as f32
                    && shared >= MIN_SHARED_WORDS
            };
            others.iter().enumerate().any(|(k, o)| {
                k != own
                    && enough(count_common(&bag, &o.sorted), o)
                    && enough(common(e, &o.ids).len(), o)
            })
        })
    };
    if joins(&b_edges, a_others) || joins(&a_edges, b_others) {
        spliced = true;
    }
    if reworded {
        out.push(Change::Reworded);
    }
    if spliced {
        out.push(Change::Spliced);
    }
    if da.ellipses != db.ellipses {
        out.push(Change::Elided);
    }
    if pairs.iter().any(|&(i, j)| da.raw.get(i) != db.raw.get(j)) {
        out.push(Change::Spelling);
    }
    let inner = &pairs[..pairs.len().saturating_sub(1)];
    if inner
        .iter()
        .any(|&(i, j)| da.punct.get(i) != db.punct.get(j))
    {
        out.push(Change::Punctuation);
    }
    out.sort();
    out
}

/// Surname of a speaker who is named (`Anders Fogh Rasmussen` → `rasmussen`);
/// `None` for nominal speakers, which cannot be compared by name.
fn surname(speaker: &str) -> Option<String> {
    let last = speaker.split_whitespace().rev().find(|w| {
        !matches!(
            w.to_lowercase().trim_end_matches('.'),
            "jr" | "sr" | "ii" | "iii"
        )
    })?;
    if !last.chars().next().is_some_and(|c| c.is_uppercase()) {
        return None;
    }
    // `Calderón` / `Calderon`: outlets write the same name with and
    // without its diacritics.
    Some(last.to_lowercase().chars().map(base_letter).collect())
}

/// The Latin letter without its diacritic (`ó` → `o`), for the accented
/// letters of the Latin-1 and Latin Extended-A blocks names use; any other
/// character as it is.
fn base_letter(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì'..='ï' | 'ī' | 'į' | 'ı' => 'i',
        'ł' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'ş' | 'š' => 's',
        'ţ' | 'ť' => 't',
        'ù'..='ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

fn speakers_agree(a: Option<&str>, b: Option<&str>) -> bool {
    match (a.and_then(surname), b.and_then(surname)) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Quotes of one article with the same words (and the same kind, scare
/// quote or not) score alike against every other quote, so they are scored
/// once as a class. An article that repeats one quotation a thousand times
/// (a feed that loops, a paragraph pasted over and over) then costs one
/// candidate per pair of distinct quotes, not a million.
struct Classes {
    /// Each class's quotes, in text order; the first stands for the class.
    members: Vec<Vec<usize>>,
}

fn classes(quotes: &[Quote], words: &[Words]) -> Classes {
    let mut index: FxHashMap<(&[u32], bool), usize> = FxHashMap::default();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, (q, w)) in quotes.iter().zip(words).enumerate() {
        let key = (w.ids.as_slice(), q.kind == QuoteKind::Term);
        let c = *index.entry(key).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[c].push(i);
    }
    Classes { members }
}

/// Matches the quotes of two analyzed articles, one to one, best first.
pub(crate) fn match_quotes(a: &Document, b: &Document) -> Vec<QuoteMatch> {
    let ta = &a.article.text;
    let tb = &b.article.text;
    let mut vocabulary: FxHashMap<String, u32> = FxHashMap::default();
    let wa: Vec<Words> = a
        .quotes
        .iter()
        .map(|q| ids_of(q.span.slice(ta), &mut vocabulary))
        .collect();
    let wb: Vec<Words> = b
        .quotes
        .iter()
        .map(|q| ids_of(q.span.slice(tb), &mut vocabulary))
        .collect();
    let (ca, cb) = (classes(&a.quotes, &wa), classes(&b.quotes, &wb));
    // One quote standing for each class; a class's first quote comes first in
    // the text, so class order is text order of first appearance.
    let rep = |c: &Classes, w: &[Words]| -> Vec<Words> {
        c.members
            .iter()
            .map(|m| Words {
                ids: w[m[0]].ids.clone(),
                sorted: w[m[0]].sorted.clone(),
            })
            .collect()
    };
    let (ra, rb) = (rep(&ca, &wa), rep(&cb, &wb));
    let mut cands = Vec::new();
    for (i, j) in pairs_to_check(&ra, &rb) {
        let (qa, qb) = (&a.quotes[ca.members[i][0]], &b.quotes[cb.members[j][0]]);
        if let Some((score, pairs)) = candidate(qa, &ra[i], qb, &rb[j]) {
            cands.push(Candidate {
                a: i,
                b: j,
                score,
                pairs,
            });
        }
    }
    cands.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    // Members of a class are taken in text order, so a cursor per class says
    // which is next; with no repeated quote this is the plain greedy.
    let mut next_a = vec![0usize; ra.len()];
    let mut next_b = vec![0usize; rb.len()];
    let mut out = Vec::new();
    for c in cands {
        while next_a[c.a] < ca.members[c.a].len() && next_b[c.b] < cb.members[c.b].len() {
            let (qi, qj) = (ca.members[c.a][next_a[c.a]], cb.members[c.b][next_b[c.b]]);
            next_a[c.a] += 1;
            next_b[c.b] += 1;
            let (x, y) = (&ra[c.a], &rb[c.b]);
            let verbatim = x.ids == y.ids;
            let changes = if verbatim {
                Vec::new()
            } else {
                let da = detail_of(a.quotes[qi].span.slice(ta));
                let db = detail_of(b.quotes[qj].span.slice(tb));
                changes((x, &da), (y, &db), &c.pairs, (&ra, c.a), (&rb, c.b))
            };
            let (qa, qb) = (&a.quotes[qi], &b.quotes[qj]);
            out.push(QuoteMatch {
                a: qi,
                b: qj,
                score: if verbatim { 1.0 } else { c.score.min(0.999) },
                kind: if verbatim {
                    MatchKind::Verbatim
                } else {
                    MatchKind::Variant
                },
                changes,
                speaker_agrees: speakers_agree(qa.speaker.as_deref(), qb.speaker.as_deref()),
                diff: word_diff(qa.span.slice(ta), qb.span.slice(tb)),
            });
        }
    }
    out.sort_by_key(|m| (m.a, m.b));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_quotes_pair_one_to_one_in_text_order() {
        // A quote pasted many times on both sides: each copy pairs with the
        // copy of the same rank, and only as many pairs as the fewer copies.
        let para = "The mayor said: \"We will rebuild the bridge before the winter comes.\"";
        let doc = |n: usize| {
            let body = vec![para; n].join("\n\n");
            crate::Document::analyze(
                crate::article::article_from_text("x.txt", &format!("T\n\n{body}")).unwrap(),
            )
        };
        let (a, b) = (doc(300), doc(200));
        assert_eq!(a.quotes.len(), 300);
        let m = match_quotes(&a, &b);
        assert_eq!(m.len(), 200);
        assert!(m.iter().enumerate().all(|(k, q)| q.a == k && q.b == k));
        assert!(m.iter().all(|q| q.kind == MatchKind::Verbatim));
    }

    #[test]
    fn spelling_variants_fold_together() {
        for (uk, us) in [
            ("defence", "defense"),
            ("organised", "organized"),
            ("colour", "color"),
            ("centre", "center"),
            ("analyse", "analyze"),
            ("sceptical", "skeptical"),
            ("organisations", "organizations"),
        ] {
            assert_eq!(spelling(uk), spelling(us), "{uk}/{us}");
        }
        for (x, y) in [("four", "for"), ("hour", "hor")] {
            assert_ne!(spelling(x), y, "{x}");
        }
    }

    #[test]
    fn greedy_common_is_a_common_subsequence() {
        let a = [1, 2, 3, 4, 2, 5];
        let b = [2, 9, 3, 2, 5, 1];
        let pairs = greedy_common(&a, &b);
        assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
        assert!(pairs.iter().all(|&(i, j)| a[i] == b[j]));
        assert!(pairs.len() <= lcs(&a, &b).len());
    }

    #[test]
    fn words_drop_marks_and_keep_apostrophes() {
        let w = detail_of("Each other\u{2019}s concerns\u{2026} If we, can");
        assert_eq!(
            w.raw,
            vec!["each", "other's", "concerns", "if", "we", "can"]
        );
        assert_eq!(w.ellipses, 1);
        assert_eq!(w.punct[4], ",");
    }
}
