#!/usr/bin/env python3
"""Makes a larger dedup workload out of a bench one, for memory and scaling
runs beyond what shared/bench/make_workloads.py generates in reasonable time.

usage: scale_workload.py IN.jsonl IN.gold.json COPIES OUT.jsonl OUT.gold.json

Writes COPIES copies of the input, one after the other. Copy 0 is the input
as it is; copy k > 0 gets new ids (`k<k>-<id>`) and its own vocabulary: every
word of three letters or more in the title and the body gets a suffix that
names the copy, except English function words and words right before a full
stop (so that abbreviations and sentence ends read as before). So the copies
do not match one another (their sentences, names and headline words all
differ), while inside each copy the planted duplicate and derived pairs are
as in the input, and the gold (pairs and ignore list) is the input's,
repeated with the new ids. Deterministic: the same input gives the same
output.
"""
import json
import re
import sys

WORD = re.compile(r"\b[A-Za-z]{3,}\b(?!\.)")

# Left as they are: words that read the same in every story.
FUNCTION = set("""
the and for are but not you all any can had her was one our out has him his
how its may see two who did get let say she too use said says that this with
from have they will would there their what about which when were been more
than them then into only other some could also after again against because
before being between both does doing down during each few further having
here hers herself himself itself just most once over own same should such
these those through under until very where while whom why your told stated
mrs
""".split())


def suffix(k):
    """Letters naming copy k (k > 0): 'qa', 'qb', ..., 'qba', ..."""
    s = ""
    while True:
        s = chr(ord("a") + k % 26) + s
        k //= 26
        if k == 0:
            return "q" + s


def rename(k, id_):
    return id_ if k == 0 else f"k{k}-{id_}"


def main():
    src, gold_path, copies, out, gold_out = sys.argv[1:6]
    copies = int(copies)
    gold = json.load(open(gold_path))
    lines = open(src, encoding="utf-8").read().splitlines()
    with open(out, "w", encoding="utf-8") as f:
        for k in range(copies):
            tail = suffix(k) if k else ""
            for line in lines:
                rec = json.loads(line)
                rec["id"] = rename(k, rec["id"])
                if tail:
                    for field in ("title", "body"):
                        if isinstance(rec.get(field), str):
                            rec[field] = WORD.sub(lambda m: m.group(0) if m.group(0).lower()
                                                 in FUNCTION else m.group(0) + tail,
                                                 rec[field])
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    pairs, ignore = [], []
    for k in range(copies):
        for p in gold["pairs"]:
            q = dict(p)
            q["a"], q["b"] = rename(k, p["a"]), rename(k, p["b"])
            pairs.append(q)
        for a, b, *rest in gold["ignore"]:
            ignore.append([rename(k, a), rename(k, b), *rest])
    scaled = {"n_docs": gold.get("n_docs", len(lines)) * copies, "copies": copies,
              "pairs": pairs, "ignore": ignore}
    json.dump(scaled, open(gold_out, "w"))


if __name__ == "__main__":
    main()
