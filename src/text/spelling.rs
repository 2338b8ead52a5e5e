//! Spelling: one key for the British and American spellings of a word
//! (within a document, by suffix rules), and, across two documents, the
//! links from a misspelt word of one to the word the other writes.

use super::{dedup_terms, Features, TermId};
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;

/// Brings British and American spellings of a lower-case word to one key by
/// rewriting the suffixes where the two spellings differ, rather than by a
/// list of words: `-ise`/`-ize` (and `-isation`, `-yse`), `-our`/`-or`,
/// `-ence`/`-ense`, `-tre`/`-ter`, `-ogue`/`-og`, doubled `l` before
/// `-ed`/`-ing`/`-er`, `-mme`/`-m` and `-dgement`/`-dgment`.
///
/// The result is a matching key, not a spelling: a rule may turn a word that
/// has no twin into a non-word (`silence` → `silense`), which is harmless
/// because both sides of a comparison go through the same rules. What matters
/// is that no rule merges two different words, which is why each rule asks
/// for a stem of a few letters before the suffix (`rise`, `four`, `vogue`
/// stay as they are) and why doubled `l` is only undone after `e` and `a`
/// (`filled` must not become `filed`).
pub fn spelling_key(word: &str) -> Cow<'_, str> {
    if !word.is_ascii() {
        return Cow::Borrowed(word);
    }
    // (suffix, replacement, letters required before the suffix)
    const RULES: &[(&str, &str, usize)] = &[
        ("isations", "izations", 2),
        ("isation", "ization", 2),
        ("ising", "izing", 3),
        ("ised", "ized", 3),
        ("ises", "izes", 3),
        ("iser", "izer", 3),
        ("isers", "izers", 3),
        ("ise", "ize", 3),
        ("ysing", "yzing", 2),
        ("ysed", "yzed", 2),
        ("yse", "yze", 2),
        ("ourable", "orable", 3),
        ("ourite", "orite", 3),
        ("ourites", "orites", 3),
        ("ouring", "oring", 3),
        ("oured", "ored", 3),
        ("ourers", "orers", 3),
        ("ourer", "orer", 3),
        ("ourful", "orful", 3),
        ("ourless", "orless", 3),
        ("ours", "ors", 3),
        ("our", "or", 3),
        ("ences", "enses", 2),
        ("ence", "ense", 2),
        ("tres", "ters", 2),
        ("tre", "ter", 2),
        ("bres", "bers", 2),
        ("bre", "ber", 2),
        ("ogues", "ogs", 3),
        ("ogue", "og", 3),
        ("elled", "eled", 2),
        ("elling", "eling", 2),
        ("ellers", "elers", 2),
        ("eller", "eler", 2),
        ("alled", "aled", 2),
        ("alling", "aling", 2),
        ("mmes", "ms", 4),
        ("mme", "m", 4),
        ("dgement", "dgment", 2),
        ("dgements", "dgments", 2),
    ];
    for &(suffix, replacement, min_stem) in RULES {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.len() >= min_stem {
                return Cow::Owned(format!("{stem}{replacement}"));
            }
        }
    }
    Cow::Borrowed(word)
}

/// Long lower-case words that only one document uses and that are one
/// letter edit (strsim's Damerau-Levenshtein) from exactly one such word of
/// the other document, starting with the same two letters: a misspelling
/// ("goverment") or a variant the suffix rules missed. Maps B's term id to
/// A's. Only words absent from the other document are candidates, so a word
/// both use is never merged with a look-alike.
pub fn misspellings(a: &Features, b: &Features) -> FxHashMap<TermId, TermId> {
    let ids = |f: &Features| -> FxHashSet<TermId> {
        f.sentences
            .iter()
            .flat_map(|s| s.terms.iter().map(|t| t.id))
            .collect()
    };
    let (in_a, in_b) = (ids(a), ids(b));
    let (only_a, only_b) = (only_in(a, &in_b), only_in(b, &in_a));
    let mut buckets: FxHashMap<&str, Vec<(&str, TermId)>> = FxHashMap::default();
    for &(s, id) in &only_b {
        if let Some(prefix) = s.get(..2) {
            buckets.entry(prefix).or_default().push((s, id));
        }
    }
    let mut links = FxHashMap::default();
    for &(s, id_a) in &only_a {
        let Some(bucket) = s.get(..2).and_then(|p| buckets.get(p)) else {
            continue;
        };
        let mut close = bucket.iter().filter(|(t, _)| {
            t.len().abs_diff(s.len()) <= 1 && strsim::damerau_levenshtein(s, t) == 1
        });
        if let (Some(&(_, id_b)), None) = (close.next(), close.next()) {
            links.entry(id_b).or_insert(id_a);
        }
    }
    links
}

/// The long words of `f` that `other` does not use, sorted.
fn only_in<'f>(f: &'f Features, other: &FxHashSet<TermId>) -> Vec<(&'f str, TermId)> {
    let mut v: Vec<(&str, TermId)> = f
        .spellings
        .iter()
        .filter(|(id, _)| !other.contains(id))
        .map(|(id, s)| (s.as_str(), *id))
        .collect();
    v.sort_unstable();
    v
}

/// A copy of `f` with term ids replaced through `links`.
pub fn relink(f: &Features, links: &FxHashMap<TermId, TermId>) -> Features {
    let mut out = f.clone();
    for s in &mut out.sentences {
        if !s.terms.iter().any(|t| links.contains_key(&t.id)) {
            continue;
        }
        for t in &mut s.terms {
            if let Some(&to) = links.get(&t.id) {
                t.id = to;
            }
        }
        dedup_terms(&mut s.terms);
        for w in &mut s.words {
            if let Some(&to) = links.get(w) {
                *w = to;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feats(s: &[&str]) -> Features {
        Features::from_sentences(s)
    }

    fn one(s: &str) -> crate::text::SentenceFeatures {
        feats(&[s]).sentences.remove(0)
    }

    fn ids(s: &str) -> Vec<TermId> {
        one(s).terms.iter().map(|t| t.id).collect()
    }

    #[test]
    fn spelling_variants_share_a_key() {
        let rows = [
            ("defence", "defense"),
            ("Defences", "defenses"),
            ("organisation", "organization"),
            ("criticised", "criticized"),
            ("analyse", "analyze"),
            ("colour", "color"),
            ("labour", "labor"),
            ("centre", "center"),
            ("travelled", "traveled"),
            ("catalogue", "catalog"),
            ("programme", "program"),
            ("judgement", "judgment"),
            ("licence", "license"),
        ];
        for (uk, us) in rows {
            assert_eq!(ids(uk), ids(us), "{uk} / {us}");
        }
    }

    #[test]
    fn different_words_keep_different_keys() {
        let rows = [
            ("filled", "filed"),
            ("four", "for"),
            ("rise", "rize"),
            ("US", "us"),
        ];
        for (x, y) in rows {
            assert_ne!(one(x).words, one(y).words, "{x} / {y}");
        }
    }

    #[test]
    fn look_alike_words_both_sides_use_are_not_merged() {
        let a = feats(&[
            "Protesters blocked the road.",
            "Police protected the mayor.",
        ]);
        let b = feats(&[
            "Police protected the protesters.",
            "Protesters blocked the road.",
        ]);
        assert!(misspellings(&a, &b).is_empty());
    }
}
