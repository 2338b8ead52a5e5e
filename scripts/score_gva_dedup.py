#!/usr/bin/env python3
"""Scores same-event detection of `wirediff dedup` on the GVA reports.

usage: score_gva_dedup.py [WIREDIFF] [ARTICLES.jsonl] [--half all|calib|check]

shared/eval/gva/articles.jsonl holds news reports of US shooting incidents,
several reports per incident; reports that share an `incident` cover the same
event (the gold). Every pair wirediff reports, whatever its relation, counts
as predicted same-event. Pairs whose two reports GVA files under different
incidents but with the same body (round-ups cited for several shootings) are
counted like any other.

--half splits the incidents by the parity of their id: `calib` (even ids) is
what the same-event model was calibrated on, `check` (odd ids) was kept aside;
`all` (the default) scores everything. The whole file is always run (rarity
depends on the stream), and pairs with either report in the half count (a false pair across the
halves counts against both).

Candidate recall: with the hidden `--trace-candidates` dedup also writes
every verified candidate pair to stderr, so the share of true pairs that
reached verification is printed beside the decision (a binary without the
flag fails: then score without it by hand).
"""
import argparse
import collections
import itertools
import json
import os
import subprocess
import sys
import time

ap = argparse.ArgumentParser()
ap.add_argument("wirediff", nargs="?", default="target/release/wirediff")
ap.add_argument("articles", nargs="?", default="../shared/eval/gva/articles.jsonl")
ap.add_argument("--half", choices=["all", "calib", "check"], default="all")
args = ap.parse_args()

rows = [json.loads(line) for line in open(args.articles)]


def in_half(incident):
    if args.half == "all":
        return True
    even = int(incident) % 2 == 0
    return even if args.half == "calib" else not even


incident = {r["id"]: r["incident"] for r in rows}
by_incident = collections.defaultdict(list)
for r in rows:
    if in_half(r["incident"]):
        by_incident[r["incident"]].append(r["id"])
truth = {frozenset(p) for ids in by_incident.values() for p in itertools.combinations(ids, 2)}
t0 = time.perf_counter()
out = subprocess.run([args.wirediff, "dedup", args.articles, "--format", "jsonl", "--trace-candidates"],
                     capture_output=True, text=True)
dt = time.perf_counter() - t0
if out.returncode not in (0, 1):
    sys.exit(f"wirediff failed ({out.returncode}): {out.stderr}")


def counted(a, b):
    return in_half(incident[a]) or in_half(incident[b])


pred = {}
for line in out.stdout.splitlines():
    p = json.loads(line)
    if counted(p["a"], p["b"]):
        pred[frozenset((p["a"], p["b"]))] = p["relation"]
cands = set()
for line in out.stderr.splitlines():
    if line.split(None, 1)[:1] == ["candidate"]:
        _, a, b = line.split(None, 4)[:3]
        if counted(a, b):
            cands.add(frozenset((a, b)))
tp = sum(k in truth for k in pred)
P = tp / len(pred) if pred else 0.0
R = tp / len(truth) if truth else 0.0
F = 2 * P * R / (P + R) if P + R else 0.0
print(f"GVA same-incident pairs ({args.half}): P {P:.3f} R {R:.3f} F1 {F:.3f} "
      f"(predicted {len(pred)}, true {len(truth)}, tp {tp}) in {dt:.2f} s")
if cands:
    rc = sum(k in truth for k in cands) / len(truth) if truth else 0.0
    print(f"candidate recall {rc:.3f} ({len(cands)} candidates)")
print("relations:", dict(collections.Counter(pred.values())))
