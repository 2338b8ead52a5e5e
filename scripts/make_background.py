#!/usr/bin/env python3
"""Writes data/background/en-wordfreq-50k.tsv: the background document
frequencies that dedup weighs event words against (docs/dedup-events.md).

usage: make_background.py [OUT]   (needs `pip install wordfreq==3.1.1`)

The 50,000 most frequent English words of wordfreq 3.1.1 (Robyn Speer,
https://github.com/rspeer/wordfreq; data CC-BY-SA 4.0, built from public
text: Wikipedia, subtitles, news (NewsCrawl, GlobalVoices), books, web text,
Twitter, Reddit). One line a word: `word<TAB>zipf`, the Zipf frequency
(log10 of occurrences per billion words) rounded to one decimal, most
frequent first. Only words of letters and digits are kept, lower-cased, as
wirediff's corpus tokenizer splits them.
"""
import sys

import wordfreq

out = sys.argv[1] if len(sys.argv) > 1 else "data/background/en-wordfreq-50k.tsv"
seen = set()
rows = []
for w in wordfreq.top_n_list("en", 80000, wordlist="best"):
    if not w.isalnum() or w in seen:
        continue
    seen.add(w)
    rows.append((w, wordfreq.zipf_frequency(w, "en", wordlist="best")))
    if len(rows) == 50000:
        break
with open(out, "w") as f:
    f.write(f"# wordfreq {wordfreq.__version__ if hasattr(wordfreq, '__version__') else '3.1.1'} "
            "English 'best' list, top 50,000 alphanumeric words; CC-BY-SA 4.0 "
            "(see PROVENANCE); word<TAB>zipf\n")
    for w, z in rows:
        f.write(f"{w}\t{z:.1f}\n")
print(f"{len(rows)} words, last zipf {rows[-1][1]:.2f}")
