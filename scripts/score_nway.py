#!/usr/bin/env python3
"""N-way compare on BASIL triplets: how much of the pairwise alignment the
groups keep, and that every run succeeds.

usage: score_nway.py WIREDIFF BASIL_ARTICLES_JSONL

For each of BASIL's 100 events (one story from three outlets) runs
`wirediff compare FILE --ids A B C --format json` and, for each of the three
pairs, the two-article `compare`. A pairwise alignment is kept when one
group of the three-way output holds both its sides (each member's sentences
containing that side's). The joining refuses alignments that would put two
passages of one article in a group or glue groups whose members mostly did
not align, so the kept share says what the grouping costs; prints

  nway basil: E events, F failed; pairwise alignments K/P kept (share S)
"""
import json
import subprocess
import sys
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor


def compare(binary, path, ids):
    out = subprocess.run([binary, "compare", path, "--ids", *ids, "--format", "json"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return None
    return json.loads(out.stdout)


def score_event(binary, path, ids):
    three = compare(binary, path, ids)
    if three is None or "groups" not in three:
        return None
    members = [{m["article"]: set(m["sentences"]) for m in g["members"]} for g in three["groups"]]
    kept = total = 0
    for i in range(3):
        for j in range(i + 1, 3):
            two = compare(binary, path, [ids[i], ids[j]])
            if two is None:
                return None
            for al in two["alignments"]:
                total += 1
                kept += any(set(al["a"]) <= g.get(i, set()) and set(al["b"]) <= g.get(j, set())
                            for g in members)
    return kept, total


def main():
    binary, path = sys.argv[1:3]
    events = defaultdict(list)
    for line in open(path, encoding="utf-8"):
        a = json.loads(line)
        events[a["event"]].append(a["id"])
    triplets = [sorted(ids) for _, ids in sorted(events.items()) if len(ids) == 3]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda ids: score_event(binary, path, ids), triplets))
    failed = sum(r is None for r in results)
    kept = sum(r[0] for r in results if r)
    total = sum(r[1] for r in results if r)
    print(f"nway basil: {len(triplets)} events, {failed} failed; pairwise alignments "
          f"{kept}/{total} kept (share {kept / max(total, 1):.3f})")


if __name__ == "__main__":
    main()
