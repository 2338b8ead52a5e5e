//! Per-article signatures: what the corpus stage keeps of an article once its
//! text is gone.
//!
//! An article is reduced to a compact [`Sketch`] (per story sentence a 32-bit
//! fingerprint, its paragraph and a small set of 16-bit word hashes; bits
//! marking the salient terms among those words; headline words and hashes
//! of quoted stretches) plus candidate keys for the index.
//! Nothing here keeps text: memory grows with the number of sentences, not
//! with the number of bytes.
//!
//! One job a file: `words` (hashing words, function words, bucket sets),
//! `sketch` (the record and its views), `keys` (candidate keys: pairs of
//! sentences from different paragraphs, by min-hashing) and `quoted`
//! (hashes of quoted statements). This file runs them over an article.

mod keys;
mod quoted;
mod sketch;
mod words;

pub use keys::{KEY_WORDS, NUM_KEYS};
pub use quoted::MIN_QUOTE_WORDS;
pub use sketch::{with_salient, with_story_words, Sketch, SketchBuf};
pub use words::{bucket, mix};
pub(crate) use words::{for_each_word, name_bucket};

use super::event::EventSig;
use crate::article::Article;
use crate::facts;
use crate::segment;
use keys::{key_fingerprint, keys};
use quoted::quote_hashes;
use rustc_hash::FxHashSet;
use sketch::Parts;
use words::{hash_ascii_word, BucketSet, SHORT_WORD, STOP_HASHES};

/// Sentences with fewer words than this carry too little to identify a story
/// ("He said.", "Photo", a lone name) and are left out of the sketch.
pub const MIN_SENTENCE_WORDS: usize = 4;

/// A sketch with the keys to index it under.
#[derive(Debug, Clone, Default)]
pub struct Signature {
    /// What verification needs.
    pub sketch: SketchBuf,
    /// Candidate keys (see the module docs); empty for fewer than two
    /// sentences.
    pub keys: Vec<u64>,
    /// The story words ([`Sketch::story_words`]), for the document
    /// frequencies; not kept once counted.
    pub story_words: Vec<u16>,
    /// The salient terms ([`Sketch::salient`]), for the index; not kept
    /// once indexed.
    pub salient: Vec<u16>,
}

/// Reusable buffers of one thread's signatures: the sketch's parts are
/// built here and packed into one record at its exact size, so an article
/// costs one allocation (until the store copies it) instead of a chain of
/// growing ones per part (malloc and free were about a tenth of a 100k
/// run).
#[derive(Default)]
struct Scratch {
    parts: Parts,
    paras: Vec<usize>,
    key_fps: Vec<u64>,
    sentence_words: BucketSet,
    doc_words: BucketSet,
    buf: String,
    /// The current sentence's word hashes, function words flagged.
    words: Vec<(u64, bool)>,
    salient: Vec<u16>,
    /// Fingerprints of the sentences kept so far, once an article has
    /// many (see [`repeated`]).
    seen: FxHashSet<u64>,
}

/// Sentences an article may have before repeats are looked up in a hash set
/// rather than by scanning the fingerprints kept so far: the scan is faster
/// for a news article and quadratic for a book (two 300,000-sentence inputs
/// took 150 s in it).
const SCAN_REPEATS_BELOW: usize = 64;

/// Whether `fp` is a sentence already kept (`fps`), keeping `seen` up to
/// date past [`SCAN_REPEATS_BELOW`] sentences; `fp` counts as kept after.
fn repeated(fps: &[u64], seen: &mut FxHashSet<u64>, fp: u64) -> bool {
    if fps.len() < SCAN_REPEATS_BELOW {
        return fps.contains(&fp);
    }
    if seen.is_empty() {
        seen.extend(fps.iter().copied());
    }
    !seen.insert(fp)
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Computes the signature of an article: its story sentences (boilerplate
/// left out by ingest), quotes and salient terms.
pub fn signature(article: &Article) -> Signature {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => build(article, &mut scratch),
        // Not reached (nothing here calls back in), but never panic.
        Err(_) => build(article, &mut Scratch::default()),
    })
}

fn build(article: &Article, scratch: &mut Scratch) -> Signature {
    let Scratch {
        parts,
        paras,
        key_fps,
        sentence_words,
        doc_words,
        buf,
        words,
        salient,
        seen,
    } = scratch;
    parts.clear();
    // A set grown by one long article is not kept for the next ones.
    if seen.capacity() > 1 << 12 {
        *seen = FxHashSet::default();
    }
    seen.clear();
    paras.clear();
    key_fps.clear();
    salient.clear();
    let sentences = segment::sentences(article);
    let stop = &*STOP_HASHES;
    for_each_word(&article.title, buf, |h, cap, digit| {
        if stop.contains(h) {
            return;
        }
        parts.title.push(bucket(h));
        if cap || digit {
            salient.push(bucket(h));
        }
    });
    parts.title.sort_unstable();
    parts.title.dedup();
    parts.offs.push(0);
    // One split into words feeds the sketch and the event facts.
    let mut facts = facts::Scanner::new(article);
    let reference = facts.reference();
    let mut event = EventSig::start(article, reference, name_bucket);
    let bytes = article.text.as_bytes();
    for (i, s) in sentences.iter().enumerate() {
        words.clear();
        let mut each = |h: u64, cap: bool, digit: bool| {
            let is_stop = stop.contains(h);
            words.push((h, is_stop));
            if (cap || digit) && !is_stop {
                salient.push(bucket(h));
            }
        };
        let word = |start: usize, end: usize, plain: bool| {
            if plain && end - start <= SHORT_WORD {
                let (h, digit) = hash_ascii_word(bytes, start, end);
                let cap = bytes.get(start).is_some_and(u8::is_ascii_uppercase);
                each(h, cap, digit);
            } else if let Some(w) = article.text.get(start..end) {
                // Apostrophes, other scripts, long words: the sketch's
                // own splitting, which these words never cross.
                for_each_word(w, buf, &mut each);
            }
        };
        if let Some(f) = facts.sentence(i, s.span, word) {
            event.add(article, reference, f, name_bucket);
        }
        if words.len() < MIN_SENTENCE_WORDS {
            continue;
        }
        let fp = words.iter().fold(0x9e37_79b9_7f4a_7c15u64, |acc, &(w, _)| {
            mix(acc.rotate_left(7) ^ w)
        });
        // A sentence repeated inside one article counts once.
        if repeated(&parts.fps, seen, fp) {
            continue;
        }
        parts.fps.push(fp);
        paras.push(s.paragraph);
        parts.paras.push((s.paragraph % (1 << 16)) as u16);
        key_fps.push(key_fingerprint(words).unwrap_or(fp));
        for &(w, _) in words.iter().filter(|(_, is_stop)| !*is_stop) {
            sentence_words.insert(bucket(w));
            doc_words.insert(bucket(w));
        }
        sentence_words.drain_into(&mut parts.words);
        parts.offs.push(parts.words.len() as u32);
    }
    doc_words.drain_into(&mut parts.doc_words);
    // A salient term is kept as a bit over the story words, or the title
    // words if it is only there; one whose hash is in neither (seen only in
    // sentences too short to keep) is dropped with them.
    salient.sort_unstable();
    salient.dedup();
    parts.flags.resize(parts.doc_words.len().div_ceil(16), 0);
    parts.title_flags.resize(parts.title.len().div_ceil(16), 0);
    salient.retain(|t| {
        let (bits, k) = match parts.doc_words.binary_search(t) {
            Ok(k) => (&mut parts.flags, k),
            Err(_) => match parts.title.binary_search(t) {
                Ok(k) => (&mut parts.title_flags, k),
                Err(_) => return false,
            },
        };
        if let Some(b) = bits.get_mut(k / 16) {
            *b |= 1 << (k % 16);
        }
        true
    });
    let content = if parts.fps.is_empty() {
        0
    } else {
        parts.fps.iter().fold(0u64, |acc, &f| mix(acc ^ f)) | 1
    };
    let keys = keys(key_fps, paras);
    let mut packed = Vec::new();
    event.pack(&mut packed);
    let sketch = SketchBuf::new(parts, &quote_hashes(&article.text, buf), content, &packed);
    Signature {
        sketch,
        keys,
        story_words: parts.doc_words.clone(),
        salient: salient.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::article_from_text;
    fn sig(body: &str) -> Signature {
        let a = article_from_text("t.txt", &format!("Title\n\n{body}")).unwrap();
        signature(&a)
    }

    #[test]
    fn case_punctuation_and_quote_style_do_not_change_fingerprints() {
        let a = sig("The mayor said \"we will rebuild the bridge\" on Monday.");
        let b = sig("the Mayor said \u{201c}We will rebuild the bridge,\u{201d} on Monday!");
        assert_eq!(a.sketch.view().fps(), b.sketch.view().fps());
        assert_eq!(a.sketch.view().quotes(), b.sketch.view().quotes());
        assert_eq!(a.sketch.view().quotes().len(), 1);
    }

    #[test]
    fn short_and_repeated_sentences_are_left_out() {
        let s = sig("He said so. The council voted to close the old school. The council voted to close the old school.");
        assert_eq!(s.sketch.view().len(), 1);
        assert!(s.keys.is_empty(), "one sentence gives no key");
    }

    #[test]
    fn repeats_count_once_in_long_articles_too() {
        // Past the scan: 150 distinct sentences, each written twice.
        let text: Vec<String> = (0..300)
            .map(|k| {
                format!(
                    "Crew {} saw {} boats on the river.",
                    k % 150,
                    k % 150 + 1000
                )
            })
            .collect();
        let s = sig(&text.join(" "));
        assert_eq!(s.sketch.view().len(), 150);
    }

    #[test]
    fn salient_terms_are_names_and_numbers() {
        let s = sig("The officials in Lisbon counted 42 boats near the harbour.");
        // "The" is a function word; Lisbon and 42 are salient, and so is the
        // title's one word ("Title").
        assert_eq!(s.sketch.view().salient().len(), 3);
    }

    #[test]
    fn copies_share_keys_and_a_shared_paragraph_alone_does_not() {
        let p1 = "Storms flooded the northern valley overnight. Rescue teams reached the last village by noon.";
        let p2 =
            "The regional governor asked for army help. Schools will stay closed until Friday.";
        let p3 = "Farmers fear the harvest is lost for this year. Insurers have not yet given estimates.";
        let other =
            "A new stadium opened in the capital on Sunday. Fans queued for hours to get inside.";
        let original = sig(&format!("{p1}\n\n{p2}\n\n{p3}"));
        let copy = sig(&format!(
            "{p1}\n\n{p2}\n\n{p3}\n\nCopyright notice for the copy desk here."
        ));
        let reuse = sig(&format!("{other}\n\n{p1}"));
        let shared =
            |x: &Signature, y: &Signature| x.keys.iter().filter(|k| y.keys.contains(k)).count();
        assert!(original.keys.len() >= 3, "{:?}", original.keys);
        assert!(shared(&original, &copy) * 2 > original.keys.len());
        assert_eq!(shared(&original, &reuse), 0);
    }

    #[test]
    fn empty_story_has_no_content_hash() {
        let s = sig("Hi.");
        assert!(s.sketch.view().is_empty());
        assert_eq!(s.sketch.view().content(), 0);
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_a_consistent_record(
            paragraphs in proptest::collection::vec(
                proptest::collection::vec(
                    "[A-Z][a-zé]{0,8}|[a-z]{1,9}|[0-9]{1,4}|\"|[a-z]{2,6}\\.|,",
                    0..60,
                ),
                0..12,
            ),
            title in "[A-Za-z ]{0,30}",
        ) {
            let paragraphs: Vec<String> = paragraphs.iter().map(|p| p.join(" ")).collect();
            let text = format!("{title}\n\n{}", paragraphs.join("\n\n"));
            let Ok(article) = article_from_text("p.txt", &text) else {
                return Ok(());
            };
            let sig = signature(&article);
            let sk = sig.sketch.view();
            proptest::prop_assert_eq!(sk.fps().len(), sk.len());
            let mut union = Vec::new();
            for i in 0..sk.len() {
                let w = sk.words_of(i);
                proptest::prop_assert!(w.windows(2).all(|p| p[0] < p[1]), "sorted, distinct");
                union.extend_from_slice(w);
            }
            union.sort_unstable();
            union.dedup();
            proptest::prop_assert_eq!(sk.story_words(), union.clone());
            proptest::prop_assert_eq!(&sig.story_words, &union);
            let salient = sk.salient();
            proptest::prop_assert_eq!(&salient, &sig.salient);
            for t in &salient {
                let in_story = union.binary_search(t).is_ok();
                proptest::prop_assert!(in_story || sk.title().binary_search(t).is_ok());
                proptest::prop_assert_eq!(sk.term_paras(*t) != 0, in_story);
            }
            proptest::prop_assert_eq!(sk.content() == 0, sk.is_empty());
        }
    }
}
