#!/usr/bin/env python3
"""Scores same-event detection of `wirediff dedup` on BASIL.

usage: score_basil_dedup.py [WIREDIFF] [ARTICLES.jsonl]

BASIL (shared/eval/basil/articles.jsonl) has 100 events covered by three
outlets each; its `event` field says which articles report the same story.
Every pair wirediff reports, whatever its relation, counts as predicted
same-event; the truth is every pair of articles with the same event (300
pairs). Prints precision, recall and F1, and the relations predicted.
"""
import collections
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time

wd = sys.argv[1] if len(sys.argv) > 1 else "target/release/wirediff"
path = sys.argv[2] if len(sys.argv) > 2 else "../shared/eval/basil/articles.jsonl"
rows = [json.loads(line) for line in open(path)]
# BASIL repeats some ids (four HuffPost articles are all "empty"); dedup
# rightly refuses a repeated id, so give each repeat its line number.
seen = collections.Counter(r["id"] for r in rows)
for i, r in enumerate(rows, 1):
    if seen[r["id"]] > 1:
        r["id"] = f"{r['id']}#{i}"
tmp = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False)
for r in rows:
    tmp.write(json.dumps(r) + "\n")
tmp.close()
by_event = collections.defaultdict(list)
for r in rows:
    by_event[r["event"]].append(r["id"])
truth = {frozenset(p) for ids in by_event.values() for p in itertools.combinations(ids, 2)}
t0 = time.perf_counter()
out = subprocess.run([wd, "dedup", tmp.name, "--format", "jsonl"], capture_output=True, text=True)
dt = time.perf_counter() - t0
os.unlink(tmp.name)
if out.returncode not in (0, 1):
    sys.exit(f"wirediff failed ({out.returncode}): {out.stderr}")
pred = {}
for line in out.stdout.splitlines():
    p = json.loads(line)
    pred[frozenset((p["a"], p["b"]))] = p["relation"]
tp = sum(k in truth for k in pred)
P = tp / len(pred) if pred else 0.0
R = tp / len(truth)
F = 2 * P * R / (P + R) if P + R else 0.0
print(f"BASIL same-event pairs: P {P:.3f} R {R:.3f} F1 {F:.3f} "
      f"(predicted {len(pred)}, true {len(truth)}, tp {tp}) in {dt:.2f} s")
print("relations:", dict(collections.Counter(pred.values())))
