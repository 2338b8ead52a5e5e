#!/usr/bin/env python3
"""Discrepancy flags on pairs of reports of one GVA incident.

usage: score_gva_discrepancies.py WIREDIFF GVA_DIR [--limit N] [--show K] [--dump FILE]

For every pair of reports of one incident (../shared/eval/gva), runs
`wirediff compare A B --format json` and reads its `discrepancies`. A pair
"states different casualty counts" when a simple reading independent of
wirediff (a number, in digits or words, right before a word for the dead or
the wounded, within three words) finds a killed (or injured) count in each
text and the two sets share no value. The figure is the share of those pairs
with a `number` discrepancy about `killed`/`injured`; the counts may sit in
sentences the two reports do not share, which wirediff rightly does not
compare, so the share is a floor of what a perfect flagger could reach only
where the counts are in aligned sentences. Also printed: flags per pair by
kind, and `--show K` flags with their sentences, for reading.

Each article is written once to a temporary JSON file, so the binary does
not parse the whole JSONL file per pair.
"""
import itertools
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
KILLED = r"(?:killed|dead|died|deaths?|fatally)"
INJURED = r"(?:injured|wounded|hurt)"
NUM = r"(\d{1,3}|" + "|".join(WORDS) + r")"


def counts(text, what):
    out = set()
    for m in re.finditer(NUM + r"\s+(?:\w+\s+){0,3}?" + what + r"\b", text, re.I):
        w = m.group(1).lower()
        out.add(int(w) if w.isdigit() else WORDS[w])
    return out


def main():
    args = sys.argv[1:]
    binary, gva = args[0], args[1]
    limit = int(args[args.index("--limit") + 1]) if "--limit" in args else None
    show = int(args[args.index("--show") + 1]) if "--show" in args else 0
    dump = args[args.index("--dump") + 1] if "--dump" in args else None
    by_incident = defaultdict(list)
    articles = {}
    with open(os.path.join(gva, "articles.jsonl")) as f:
        for line in f:
            a = json.loads(line)
            articles[a["id"]] = a
            by_incident[a["incident"]].append(a["id"])
    pairs = [p for ids in by_incident.values() for p in itertools.combinations(ids, 2)]
    pairs.sort()
    if limit:
        pairs = pairs[:limit]
    tmp = tempfile.mkdtemp(prefix="gva-disc-")
    path = {}
    for i in {i for p in pairs for i in p}:
        path[i] = os.path.join(tmp, i + ".json")
        with open(path[i], "w") as f:
            json.dump(articles[i], f)

    def run(p):
        out = subprocess.run([binary, "compare", path[p[0]], path[p[1]], "--format", "json"],
                             capture_output=True, text=True)
        if out.returncode != 0:
            return p, None
        return p, json.loads(out.stdout)

    kinds = Counter()
    differ = flagged = failures = 0
    flags = []
    with ThreadPoolExecutor(max_workers=2) as ex:
        for (x, y), res in ex.map(run, pairs):
            if res is None:
                failures += 1
                continue
            ds = res.get("discrepancies", [])
            for d in ds:
                kinds[d["kind"]] += 1
                flags.append((x, y, d, res))
            ta, tb = articles[x]["body"], articles[y]["body"]
            stated = False
            for what in (KILLED, INJURED):
                ca, cb = counts(ta, what), counts(tb, what)
                if ca and cb and not (ca & cb):
                    stated = True
            if stated:
                differ += 1
                if any(d["kind"] == "number" and d["what"] in ("killed", "injured") for d in ds):
                    flagged += 1
    n = len(pairs) - failures
    print(f"gva pairs: {n} compared, {failures} failed")
    print(f"gva flags: {sum(kinds.values())} ({sum(kinds.values()) / max(n, 1):.3f} per pair) "
          + " ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    print(f"gva pairs stating different casualty counts: {differ}; flagged: {flagged} "
          f"(share {flagged / max(differ, 1):.3f})")
    rng = random.Random(15)
    sample = rng.sample(flags, min(show, len(flags)))
    rows = []
    for x, y, d, res in sample:
        print(f"--- {x} vs {y}: {d['kind']} {d['what']}")
        for c in d["claims"]:
            art = res["articles"][c["article"]]
            s = art["sentences"][c["sentence"]]["text"]
            print(f"  [{c['article']}] {c['value']!r} in: {s}")
        rows.append({"a": x, "b": y, "discrepancy": d})
    if dump:
        with open(dump, "w") as f:
            for x, y, d, _ in flags:
                f.write(json.dumps({"a": x, "b": y, "discrepancy": d}) + "\n")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
